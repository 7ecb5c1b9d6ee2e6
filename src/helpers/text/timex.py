"""Find time expressions in French text and give each an ISO 8601 value.

Kinds: ``date`` (12 août 2025), ``month`` (avril 2025, en avril), ``year`` (2025),
``quarter`` (deuxième trimestre 2025, T3 -> 2025-Q3), ``fiscal_quarter`` (FY2026-Q2), ``duration`` (90 jours -> P90D) and
``relative`` (avril dernier, hier, dimanche, cette semaine), resolved against the article's
publication date as follows:

- a date or month without a year is the latest one on or before publication (news reports the
  past), unless a forward word introduces it (``jusqu'au 10 novembre``, ``d'ici le``, ``à partir du``,
  ``avant le``): then it is the next one on or after publication;
- a bare weekday (``dimanche``, ``lundi soir``) is the latest such day on or before publication,
  the usual reading in news copy written in the past tense; ``lundi dernier`` is the latest Monday
  strictly before publication, ``lundi prochain`` the first one strictly after;
- ``cette semaine``, ``en début de semaine``: the ISO week of publication; ``la semaine
  dernière`` / ``prochaine``: the week before / after;
- a quarter without a year (``au troisième trimestre``, ``T3``) is the latest one that has started
  by publication; ``le dernier trimestre``: the last quarter completed before publication.
  A company's fiscal quarter, when the sentence names the fiscal year (``deuxième trimestre de son
  exercice 2026``, ``T1 de l'exercice fiscal 2026``), is kind ``fiscal_quarter``, value ``FY2026-Q2``:
  fiscal years start in different months for different companies, so no calendar date is implied.
- durations take numbers in words too (``quatre-vingt-dix jours`` -> P90D).
"""

from __future__ import annotations

from collections.abc import Callable

import datetime as dt
import re
from dataclasses import dataclass

from helpers.text.frenchnum import (
    MONTH,
    MONTHS,
    NUMBER,
    NUMBER_WORDS,
    QUALIFIER,
    to_float,
)

_DURATION_UNITS = {"jour": "D", "semaine": "W", "mois": "M", "an": "Y", "année": "Y"}
WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
_ORDINALS = {"premier": 1, "1er": 1, "deuxième": 2, "second": 2, "2e": 2, "troisième": 3, "3e": 3,
             "quatrième": 4, "4e": 4}
_FORWARD = r"(?P<forward>jusqu['\u2019]au|jusqu['\u2019]à|d['\u2019]ici (?:au|le)|avant le|à partir du|dès le|au plus tard le)\s+"

_ANCHORS = ("day", "month", "year", "number", "word", "weekday", "week")

_QUARTER_WORDS = r"(?:(?P<ordinal>premier|1er|deuxième|second|2e|troisième|3e|quatrième|4e)\s+trimestre|T(?P<q>[1-4]))"

#: Each pattern with words of which the lower-cased text must hold one for it to match: a substring test is cheaper
#: than a scan with a regular expression, and most sentences hold no date at all.
PATTERNS: list[tuple[str, re.Pattern[str], tuple[str, ...]]] = [
    # « deuxième trimestre de son exercice 2026 »: a company's fiscal quarter, not a calendar one
    ("fiscal_quarter", re.compile(
        rf"\b{_QUARTER_WORDS}\s+de\s+(?:son|leur|l['\u2019])\s*exercice(?:\s+fiscal)?\s+(?P<fy>(?:19|20)\d\d)\b", re.I),
     ("exercice",)),
    ("date", re.compile(rf"(?:{_FORWARD})?\b(?P<day>1er|[0-3]?\d)\s+(?P<month>{MONTH})(?:\s+(?P<year>(?:19|20)\d\d))?\b",
                        re.I), tuple(MONTHS)),
    ("quarter", re.compile(r"\b(?:(?P<ordinal>premier|1er|deuxième|second|2e|troisième|3e|quatrième|4e)\s+trimestre"
                           r"|T(?P<q>[1-4])|(?P<last>dernier)\s+trimestre)(?:\s+(?P<year>(?:19|20)\d\d))?(?![\w-])",
                           re.I), ("trimestre", "t1", "t2", "t3", "t4")),
    ("relative", re.compile(rf"\b(?P<month>{MONTH})\s+(?P<dir>dernier|prochain)\b", re.I), ("dernier", "prochain")),
    ("month", re.compile(rf"\b(?P<month>{MONTH})\s+(?P<year>(?:19|20)\d\d)\b", re.I), tuple(MONTHS)),
    ("month", re.compile(rf"\b(?:en|d['\u2019]|début|fin|mi-)\s*(?P<month>{MONTH})\b", re.I), tuple(MONTHS)),
    ("year", re.compile(r"(?<![\w-])(?P<year>(?:19|20)\d\d)(?![\w-])"), ("19", "20")),
    ("duration", re.compile(
        rf"(?:{QUALIFIER})?(?P<number>{NUMBER}|{NUMBER_WORDS})\s+(?P<unit>jours?|semaines?|mois|ans|années?)\b", re.I), ("jour", "semaine", "mois", "ans", "année")),
    ("relative", re.compile(  # the end of the publication year, and the year itself, said without its number
        r"(?P<word>\bd['\u2019]ici (?:à )?la fin de l['\u2019]année|\bplus tôt cette année|\bcette année)\b", re.I), ("année",)),
    ("relative", re.compile(
        r"\b(?P<word>aujourd['\u2019]hui|hier|demain|l['\u2019]an dernier|l['\u2019]année dernière"
        r"|l['\u2019]an prochain|l['\u2019]année prochaine|la semaine dernière|le mois dernier|le mois prochain)\b",
        re.I), ("aujourd", "hier", "demain", "an dernier", "année", "an prochain", "semaine", "mois dernier", "mois prochain")),
    ("relative", re.compile(
        r"\b(?P<week>cette semaine|(?:en|au) (?:début|fin) de (?:la )?semaine|la semaine prochaine)\b", re.I), ("semaine",)),
    ("relative", re.compile(
        r"\b(?P<weekday>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+(?P<wdir>dernier|prochain)\b", re.I), ("dernier", "prochain")),
    ("relative", re.compile(
        r"\b(?P<weekday>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)(?:\s+(?:matin|midi|soir|après-midi))?"
        r"(?!\s+(?:\d|1er|dernier|prochain))\b", re.I), tuple(WEEKDAYS)),
]


@dataclass(frozen=True)
class TimeExpression:
    """A span of text that names a point or length of time."""

    start: int
    end: int
    surface: str
    kind: str
    value: str


def _year(year: int) -> str:
    """A four-digit ISO year; years outside 1–9999 (from dates at the calendar's ends) cannot be written."""
    if not 1 <= year <= 9999:
        raise OverflowError(f"year {year} is outside 1-9999")
    return f"{year:04d}"


def _month_before(published: dt.date, month: int, *, inclusive: bool) -> str:
    year = published.year if (month < published.month or (inclusive and month == published.month)) else published.year - 1
    return f"{_year(year)}-{month:02d}"


def _month_after(published: dt.date, month: int) -> str:
    year = published.year if month > published.month else published.year + 1
    return f"{_year(year)}-{month:02d}"


def _relative_word(word: str, published: dt.date) -> str:
    w = word.lower().replace("\u2019", "'")
    if w == "aujourd'hui":
        return published.isoformat()
    if w == "hier":
        return (published - dt.timedelta(days=1)).isoformat()
    if w == "demain":
        return (published + dt.timedelta(days=1)).isoformat()
    if w.endswith("fin de l'année"):  # « d'ici la fin de l'année »: by 31 December of the publication year
        return dt.date(published.year, 12, 31).isoformat()
    if w.endswith("cette année"):  # « plus tôt cette année », « cette année »
        return _year(published.year)
    if w in ("l'an dernier", "l'année dernière"):
        return _year(published.year - 1)
    if w in ("l'an prochain", "l'année prochaine"):
        return _year(published.year + 1)
    if w == "le mois dernier":
        first = published.replace(day=1) - dt.timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    if w == "le mois prochain":  # the month after the publication month
        year, month = (published.year + 1, 1) if published.month == 12 else (published.year, published.month + 1)
        return f"{year:04d}-{month:02d}"
    # la semaine dernière: the ISO week before the publication week
    year, week, _ = (published - dt.timedelta(days=7)).isocalendar()
    return f"{year:04d}-W{week:02d}"


def _quarter(published: dt.date, m: re.Match[str], forward: bool = False) -> str:
    current = (published.month - 1) // 3 + 1
    if m["last"]:
        year, q = (published.year, current - 1) if current > 1 else (published.year - 1, 4)
        return f"{_year(int(m['year']) if m['year'] else year)}-Q{q}"
    q = int(m["q"]) if m["q"] else _ORDINALS[m["ordinal"].lower()]
    if m["year"]:
        year = int(m["year"])
    elif forward:  # « reprendront au troisième trimestre »: the next such quarter, the current one included
        year = published.year if q >= current else published.year + 1
    else:
        year = published.year if q <= current else published.year - 1
    return f"{_year(year)}-Q{q}"


def _value(kind: str, m: re.Match[str], published: dt.date, forward: bool = False) -> str:
    if kind == "date":
        day = 1 if m["day"].lower() == "1er" else int(m["day"])
        month = MONTHS[m["month"].lower()]
        if m["year"]:
            year = int(m["year"])
        elif m["forward"] or forward:  # "jusqu'au 10 novembre", or a future verb: the next one on or after publication
            year = published.year if (month, day) >= (published.month, published.day) else published.year + 1
        else:
            year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
        return dt.date(year, month, day).isoformat()
    if kind == "quarter":
        return _quarter(published, m, forward)
    if kind == "fiscal_quarter":
        q = int(m["q"]) if m["q"] else _ORDINALS[m["ordinal"].lower()]
        return f"FY{_year(int(m['fy']))}-Q{q}"
    if m.groupdict().get("weekday"):
        target = WEEKDAYS[m["weekday"].lower()]
        if (m.groupdict().get("wdir") or "").lower() == "prochain":  # strictly after publication
            return (published + dt.timedelta(days=(target - published.weekday() - 1) % 7 + 1)).isoformat()
        back = (published.weekday() - target) % 7
        if (m.groupdict().get("wdir") or "").lower() == "dernier":  # strictly before publication
            back = back or 7
        return (published - dt.timedelta(days=back)).isoformat()
    if m.groupdict().get("week"):
        shift = 7 if "prochaine" in m["week"].lower() else 0
        year, week, _ = (published + dt.timedelta(days=shift)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if kind == "month":
        month = MONTHS[m["month"].lower()]
        if m.groupdict().get("year"):
            return f"{int(m['year']):04d}-{month:02d}"
        if forward:  # « la production démarrera en avril »: this month or a later one
            return f"{_year(published.year if month >= published.month else published.year + 1)}-{month:02d}"
        return _month_before(published, month, inclusive=True)
    if kind == "year":
        return m["year"]
    if kind == "duration":
        unit = m["unit"].lower().rstrip("s")
        unit = "mois" if unit == "moi" else unit
        amount = to_float(m["number"])
        number = int(amount) if amount.is_integer() else amount
        return f"P{number}{_DURATION_UNITS[unit]}"
    if m.groupdict().get("dir"):
        month = MONTHS[m["month"].lower()]
        if m["dir"].lower() == "dernier":
            return _month_before(published, month, inclusive=False)
        return _month_after(published, month)
    return _relative_word(m["word"], published)




#: Each pattern's hints as one search (one scan of the sentence, not one substring test per hint); patterns with the
#: same hints (the months, for dates and for months) share one, asked once per sentence.
_HINT_SEARCHES = {hints: re.compile("|".join(re.escape(h) for h in hints)) for _, _, hints in PATTERNS}


def find_time_expressions(text: str, published: dt.date, offset: int = 0,
                          future_at: Callable[[int], bool] | None = None) -> list[TimeExpression]:
    """Return non-overlapping time expressions, earlier patterns winning ties.

    ``future_at(i)``, when given, says whether the verb governing the character ``i`` of ``text`` speaks of
    the future (:func:`helpers.text.tense.future_at`): then a date, month or quarter written without its
    year is the next one, not the last one (« les livraisons reprendront le 1er avril », written in March).

    Linear in the number of matches: the spans already taken stay sorted, and each pattern's
    matches (sorted too) are checked against them in one sweep.
    """
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping
    found = []
    low = text.lower()
    hinted = {hints: search.search(low) is not None for hints, search in _HINT_SEARCHES.items()}
    for kind, pattern, hints in PATTERNS:
        if not hinted[hints]:
            continue
        accepted: list[tuple[int, int]] = []
        j = 0
        for m in pattern.finditer(text):
            # The span starts at the time words themselves, not at "en" or a qualifier.
            start = m.start() if kind in ("quarter", "fiscal_quarter") else min(
                m.start(g) for g in _ANCHORS if m.groupdict().get(g) is not None)
            end = m.end()
            while j < len(taken) and taken[j][1] <= start:
                j += 1
            if j < len(taken) and taken[j][0] < end:
                continue
            try:
                value = _value(kind, m, published, future_at is not None and kind in ("date", "month", "quarter")
                               and future_at(start))
            except (ValueError, OverflowError):  # 31 février, or "demain" on 9999-12-31: no such date
                continue
            accepted.append((start, end))
            found.append(TimeExpression(offset + start, offset + end, text[start:end], kind, value))
        taken = sorted(taken + accepted)
    return sorted(found, key=lambda t: t.start)
