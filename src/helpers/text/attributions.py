"""Find reported speech: who is said to have said or reported something.

Two shapes cover most French news copy: a cue before the source (``selon X``, ``d'après X``,
``rapporte X``, ``indique X``) and a source before a speech verb (``X a déclaré``). The
source is the named span right after (or before) the cue: a run of capitalised words.

The search is linear in the length of the text: the runs of capitalised words are found once,
left to right, and each cue is then checked against the run that touches it. (A single pattern
"name, then cue" retries the name at every capital letter and is quadratic on a long run of
capitalised words.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A source longer than this is not a name; longer runs are cut to the words nearest the cue.
MAX_SOURCE_WORDS = 12

_ARTICLE = re.compile(r"(?:(?:le|la|les)\s+|l['\u2019])?")
_WORD = r"[A-ZÀ-ÖØ-Þ][\w'’-]*"
_JOIN = r"\s+(?:(?:de|du|des|d['’]|la|le)\s*)?"
#: A maximal run of capitalised words, joined by spaces and the particles of French names.
NAME_RUN = re.compile(rf"{_WORD}(?:{_JOIN}{_WORD})*")
_WORD_IN_RUN = re.compile(_WORD)

CUE_BEFORE = re.compile(r"\b(?P<cue>selon|d['\u2019]après|rapporte|rapportent|indique|affirme|précise|écrit)\s+")
CUE_AFTER = re.compile(
    r"\s+(?P<cue>a déclaré|a affirmé|a indiqué|a annoncé|a précisé|a expliqué|a assuré"
    r"|déclare|affirme|estime|assure)\b"
)
#: "selon lequel" introduces a relative clause, not a source.
_NOT_A_SOURCE = re.compile(r"(?i)^(lequel|laquelle|lesquels|lesquelles|moi|lui|elle|eux|elles|nous|vous)$")


@dataclass(frozen=True)
class Attribution:
    """A reported-speech marker and the source it names."""

    start: int
    end: int
    source: str
    cue: str


def _trim(text: str, start: int, end: int, keep: str) -> tuple[int, int]:
    """Cut the run ``text[start:end]`` to :data:`MAX_SOURCE_WORDS` words at its ``keep`` end."""
    words = list(_WORD_IN_RUN.finditer(text, start, end))
    if len(words) <= MAX_SOURCE_WORDS:
        return start, end
    if keep == "first":
        return start, words[MAX_SOURCE_WORDS - 1].end()
    return words[-MAX_SOURCE_WORDS].start(), end


def find_attributions(text: str, offset: int = 0) -> list[Attribution]:
    """Return attributions in ``text`` (offsets shifted by ``offset``)."""
    runs = {m.start(): m.end() for m in NAME_RUN.finditer(text)}
    found = []
    for cue in CUE_BEFORE.finditer(text):
        name_start = _ARTICLE.match(text, cue.end()).end()
        if name_start not in runs:
            continue
        start, end = _trim(text, name_start, runs[name_start], keep="first")
        source = text[start:end]
        if not _NOT_A_SOURCE.match(source):
            found.append(Attribution(offset + cue.start(), offset + end, source, cue["cue"]))
    for run_start, run_end in runs.items():
        cue = CUE_AFTER.match(text, run_end)
        if cue is None:
            continue
        start, end = _trim(text, run_start, run_end, keep="last")
        source = text[start:end]
        if not _NOT_A_SOURCE.match(source):
            found.append(Attribution(offset + start, offset + cue.end(), source, cue["cue"]))
    return sorted(found, key=lambda a: a.start)
