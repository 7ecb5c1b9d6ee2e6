"""Feedback on checkable exercises without printing the answer.

Answers are stored as sha256 digests of their normalised form, so a student can call
``check("01.1", my_answer)`` and learn whether it is right without the key being on screen.

Answers are read as people write them. A number may carry its unit or a percent sign ("121 days",
"45%"); a share may be given as a fraction or a percent ("0.78" or "78" for 78%, "45%" for 0.45);
words ignore case, spacing, quotes and a trailing "table" ("time expressions" for
``time_expressions``). Numbers are compared after rounding to the key's ``decimals`` (63.4 counts
for 63). A few units either side count as a near miss, which gets a "close" hint; near misses are
stored as digests too, so neither the answer nor its neighbourhood is readable.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass, field

from helpers.views.i18n import N_, _
from helpers.views.notebook import BLANK, Note, Verdict, as_text


@dataclass(frozen=True)
class Key:
    """One exercise's key: the answer's digest, a hint, and for numbers the precision and near misses."""

    digest: str
    hint: str
    decimals: int | None = None
    near: frozenset[str] = field(default_factory=frozenset)
    #: What a near miss usually got wrong, said instead of the generic advice.
    close: str = N_("check your rounding, units and inputs")

    @property
    def tolerance(self) -> str:
        """How answers are compared, in plain words, shown with every numeric verdict."""
        if self.decimals is None:
            return ""
        if self.decimals == 0:
            return _("answers are rounded to a whole number")
        if self.decimals == 1:
            return _("answers are rounded to 1 decimal place")
        return _("answers are rounded to {n} decimal places").format(n=self.decimals)


_KEYS: dict[str, Key] = {
    "00.1": Key("89aa1e580023722db67646e8149eb246c748e180e34a1cf679ab0b41a416d904",
               N_("Find events e016 and e035 in the events table and subtract their dates (datetime.date works)."),
               decimals=0, near=frozenset(['1be00341082e25c4', '2abaca4911e68fa9', '3038bfb575bee6a0',
                                           '6affdae3b3c1aa6a', '85daaf6f7055cd57', 'a665a45920422f9d']),
               close=N_("check the end date, and count the days between the two dates, not both of them")),
    "01.1": Key("c6024a242af76162ae795b21acc7a647807e85ca63485a6f268d762d5b485807", N_("Which table has a `kind` column with 'duration'?")),
    "01.2": Key("a8792157cb4f27fb949c035f45518c61e884bb86e6f420204379c2baa8beb66e", N_('Group the entities table by `type` and sum `mentions`.')),
    "02.1": Key("50f33355a7ee09448ecd0e3a6c4ff600e0e15f9545be01108dc163b36adf141d", N_('Multiply dense throughput by bit length; take the highest over formats.'),
               decimals=0, near=frozenset(['1ee4e10c0c7e1bd5', '4da692391701da10', '8833ec27c2d477f0', '9e910c76fe4c3940', 'aabe8732aabad9a7', 'cb5611d87825a1dd', 'cfa8624c2d1e3c8c', 'd0832287613be2ff', 'd0a8a882c042eea0', 'eb3d9dac46073924']),
               close=N_("check the bit length of FP8 (8) against FP16's (16)")),
    "02.2": Key("05ada863a4cf9660fd8c68e2295f1d35b2264815f5b605003d6625bd9e0492cf", N_("Try values around the H20's 148 TFLOPS and watch where classify() changes."),
               decimals=0, near=frozenset(['043066daf2109523', '0a5b046d07f6f971', '1d28c120568c10e1', '8e612bd1f5d132a3', '9ae2bdd7beedc2e7', 'ec2e990b934dde55']),
               close=N_("check that the TPP stays under the band's threshold, not on it")),
    "03.1": Key("7b69759630f869f2723875f873935fed29d2d12b10ef763c1c33b8e0004cb405",
               N_("Count the days from the first window's start to the second one's end, or add their lengths."),
               decimals=0, near=frozenset(['01d54579da446ae1', '3068430da9e4b7a6', '580811fa95269f3e',
                                           '8cd2510271575d84', 'b8aed072d29403ec', 'bfa7634640c53da7']),
               close=N_("check the end date of the second window")),
    "03.2": Key("f5ca38f748a1d6eaf726b8a42fb575c3c71f1864a8143301782de13da2d9202b", N_('Build the step series, then read the US rate on that date.'),
               decimals=0, near=frozenset(['4523540f1504cd17', '4ec9599fc203d176', '535fa30d7e25dd8a', '6f4b6612125fb3a0', '785f3ec7eb32f30b', '9400f1b21cb527d7']),
               close=N_("check which step was in force on 1 December 2025")),
    "03.4": Key("2fca346db656187102ce806ac732e06a62df0dbb2829e511a770556d398e1a6e", N_('Add the points the open window suspended (windows.csv) to the rate in force on 12 August 2025; the April increments were removed, not suspended.'),
               decimals=0, near=frozenset(['02d20bbd7e394ad5', '031b4af5197ec30a', '0e17daca5f3e175f', '1a6562590ef19d10', '2858dcd1057d3eae', '3e1e967e9b793e90', '41cfc0d1f2d127b0', '6208ef0f7750c111', '7688b6ef52555962', 'c837649cce43f272']),
               close=N_("check which points the open window suspended, and that the April increments were removed, not suspended")),
    "04.1": Key("349c41201b62db851192665c504b350ff98c6b45fb62a8a2161f78b6534d8de9",
               N_("Run model(allowance=0.25) and read domestic_share; answer in percent."),
               decimals=0, near=frozenset(['48449a14a4ff7d79', '5316ca1c5ddca8e6', '98a3ab7c340e8a03', 'a88a7902cb4ef697', 'f369cb89fc627e66', 'f74efabef12ea619']),
               close=N_("check that only the allowance changed and round to a whole percentage")),
    "04.2": Key("8139b33952401b3ee0e2ca84651cb9a1d7f66d442bf908f9cf1f53ea746e5801",
               N_('Evaluate model(allowance=grid) on a grid of 0, 0.05, ..., 1 and compare the two FP16 compute outputs.'),
               decimals=2, near=frozenset(['0003dc8ba4e379d0', '0f06ac7db8e6851d', '119e73caef7730cc', '1e181f0934d44144', '22fa3ce4995af8d9', '36c219b3f13f25c1', '57d11d85094fc3ae', 'b2aa969b03b3bcd1', 'e2819fbe22224ae0', 'faf3c0009927f75b']),
               close=N_("check the grid: steps of 0.05, and the first allowance where the H20's bar is longer")),
    "05.1": Key("a72e4ef05d7a122949dff3e52c6704c24144e4719337e37255c57cbfa0b84ffb",
               N_("For each position, divide its low-grade pieces of evidence by all its graded pieces (grade_profile()).")),
}


def normalise(answer: object) -> str:
    """Lower-case words joined by underscores, without quotes, a leading "the" or a trailing "table";
    numbers written without trailing zeros."""
    if isinstance(answer, float) and answer.is_integer():
        answer = int(answer)
    text = str(answer).strip().lower().strip("`'\"«» ")
    text = re.sub(r"^the\s+", "", text)
    text = re.sub(r"\s+table$", "", text)
    return re.sub(r"[\s_-]+", "_", text)


def digest(answer: object) -> str:
    """The sha256 hex digest of a normalised answer (how keys are stored)."""
    return hashlib.sha256(normalise(answer).encode("utf-8")).hexdigest()


_NUMBER = re.compile(r"[-+]?\d[\d,]*(?:\.\d+)?|[-+]?\.\d+")


def read_number(answer: object) -> float | None:
    """A finite number from a number or from text such as "2,368", "121 days", "56%" or, as French writes
    them, "2 368" and "0,78"; None otherwise. A comma before exactly three digits groups thousands; any
    other comma is a decimal comma."""
    if isinstance(answer, int | float) and not isinstance(answer, bool):
        return float(answer) if math.isfinite(float(answer)) else None
    text = re.sub(r"(?<=\d)[\u00a0\u202f ](?=\d{3}\b)", "", str(answer))  # 2 368 (French thousands)
    text = re.sub(r"(?<=\d),(?!\d{3}\b)(?=\d)", ".", text)  # 0,78 and 63,4 (French decimals)
    found = _NUMBER.findall(text)
    if len(found) != 1:  # no number, or two ("between 2 and 3"): not an answer we can read
        return None
    value = float(found[0].replace(",", ""))
    return value if math.isfinite(value) else None


def _candidates(answer: object, value: float) -> list[float]:
    """The value as written, and as the other way of writing a share: 45% for 0.45, 0.78 for 78%."""
    out = [value]
    if "%" in str(answer):
        out.append(value / 100)
    elif 0 < abs(value) <= 1:
        out.append(value * 100)
    return out


def check(exercise: str, answer: object) -> Note:
    """Return 'Correct.', a near-miss hint or a hint (never the answer itself), shown as text.

    An answer still left as ``...`` (a scaffold's blank) gets :data:`BLANK`.
    """
    if exercise not in _KEYS:
        raise KeyError(f"no checkable exercise {exercise!r}; known: {sorted(_KEYS)}")
    if answer is Ellipsis:
        return Verdict(_(BLANK))
    return Verdict(_verdict(_KEYS[exercise], answer))


def answer(exercise: str, value: object) -> Note:
    """A solution's line: the answer as people write it, then the verdict ("Answer: 121 · Correct.")."""
    return Verdict(_("Answer: {value} · {verdict}").format(value=as_text(value), verdict=check(exercise, value)))


def _verdict(key: Key, answer: object) -> str:
    right = _("Correct: {answer} is right.").format(answer=as_text(answer))
    hint = _(key.hint)
    if key.decimals is None:
        return right if digest(answer) == key.digest else _("Not yet. Hint: {hint}").format(hint=hint)
    value = read_number(answer)
    if value is None:
        return _("Not yet: give one number ({tolerance}). Hint: {hint}").format(tolerance=key.tolerance, hint=hint)
    tried = [round(v, key.decimals) for v in _candidates(answer, value)]
    for rounded in tried:
        if digest(rounded) == key.digest:
            return right
    if any(digest(r)[:16] in key.near for r in tried):
        return _("Close, but not quite ({tolerance}): {close}.").format(tolerance=key.tolerance, close=_(key.close))
    return _("Not yet ({tolerance}). Hint: {hint}").format(tolerance=key.tolerance, hint=hint)
