"""Find reported speech: who is said to have said or reported something.

Two shapes cover most French news copy: a cue before the source (``selon X``, ``d'après X``,
``rapporte X``, ``indique X``) and a source before a speech verb (``X a déclaré``). The
source is the named span right after (or before) the cue: a gazetteer mention when there
is one, otherwise a run of capitalised words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ARTICLE = r"(?:(?:le|la|les)\s+|l['\u2019])?"
_NAME = r"(?P<source>[A-ZÀ-ÖØ-Þ][\w'’-]*(?:\s+(?:(?:de|du|des|d['’]|la|le)\s*)?[A-ZÀ-ÖØ-Þ][\w'’-]*)*)"

CUE_BEFORE = re.compile(
    rf"\b(?P<cue>selon|d['\u2019]après|rapporte|rapportent|indique|affirme|précise|écrit)\s+{_ARTICLE}{_NAME}"
)
CUE_AFTER = re.compile(
    rf"{_NAME}\s+(?P<cue>a déclaré|a affirmé|a indiqué|a annoncé|a précisé|a expliqué|a assuré"
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


def find_attributions(text: str, offset: int = 0) -> list[Attribution]:
    """Return attributions in ``text`` (offsets shifted by ``offset``)."""
    found = []
    for pattern in (CUE_BEFORE, CUE_AFTER):
        for m in pattern.finditer(text):
            source = m["source"]
            if _NOT_A_SOURCE.match(source):
                continue
            found.append(Attribution(offset + m.start(), offset + m.end(), source, m["cue"]))
    return sorted(found, key=lambda a: a.start)
