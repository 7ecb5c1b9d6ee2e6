"""Find the figures (amounts, percentages, durations, counts, shares, multiples) in French text.

- Numbers in digits or in words (« quatre-vingt-dix jours »; :mod:`helpers.text.frenchnum`).
- A number word after a definite article (« des deux bords », both sides) is a determiner, not a count.
- Fractions (« un tiers », « la moitié ») have the unit ``fraction``; multiples (« six fois »), ``times``.
- An amount with a scale but no currency takes the currency of an earlier amount in the same
  sentence (« 500 millions de dollars, dont 200 millions… »): French copy rarely repeats it.
- Numbers inside product codes (H20, 910B) are not figures: the number pattern refuses digits
  touching letters. Neither is a bare number right after a capitalised name (« Ascend 950 »,
  « Kirin 9000 »): that is a model number. Dates are left to :mod:`helpers.text.timex`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from helpers.text.frenchnum import (
    AMBIGUOUS_WORDS,
    FIRST_LETTERS,
    NUMBER,
    NUMBER_WORDS,
    QUALIFIER,
    qualifier_code,
    to_float,
)

#: French long scale: a "billion" is 10^12 (an English trillion). « trillion » is taken in the English sense
#: (10^12): French copy uses it only when it calques a US figure (« 4 trillions de dollars » of market value),
#: and a sentence that does so uses « billion » in the English sense too (:data:`ENGLISH_SCALES`).
SCALES = {"billion": 1e12, "billions": 1e12, "milliard": 1e9, "milliards": 1e9, "million": 1e6, "millions": 1e6,
          "mille": 1e3, "trillion": 1e12, "trillions": 1e12}
ENGLISH_SCALES = {"billion": 1e9, "billions": 1e9}
#: Compute throughput is written in base units (FLOPS), whatever prefix the copy used.
FLOPS = {"tflops": 1e12, "pflops": 1e15, "eflops": 1e18, "téraflops": 1e12, "pétaflops": 1e15, "exaflops": 1e18}
#: Technical units as French copy writes them (Go, To: octets), kept as the unit of the value.
TECH_UNITS = {"nm": "nm", "go": "GB", "to": "TB", "go/s": "GB/s", "to/s": "TB/s", "gb/s": "GB/s", "tb/s": "TB/s",
              "gb": "GB", "tb": "TB", "w": "W", "tflops": "TFLOPS", "pflops": "PFLOPS", "eflops": "EFLOPS",
              "ghz": "GHz", "mm2": "mm2", "mm²": "mm2"}
CURRENCIES = {
    "dollars": "USD", "dollar": "USD", "$": "USD", "usd": "USD",
    "euros": "EUR", "euro": "EUR", "€": "EUR", "eur": "EUR",
    "yuans": "CNY", "yuan": "CNY", "cny": "CNY", "rmb": "CNY",
}
DURATIONS = {
    "jours": "day", "jour": "day", "semaines": "week", "semaine": "week",
    "mois": "month", "ans": "year", "an": "year", "années": "year", "année": "year",
}

_UNIT = (
    r"(?P<percent>\s?%|\s+pour\s?cent)"
    r"|\s+(?P<times>fois)\b"
    r"|\s*(?P<symbol>[$€])"
    r"|\s+(?:de\s+|d['\u2019])?(?P<word>dollars?|euros?|yuans?|USD|EUR|CNY|RMB"
    r"|jours?|semaines?|mois|ans?|années?)\b"
    r"|\s?(?P<tech>[GT][ob]/s|[GT][ob]|nm|[TPE]FLOPS|GHz|mm²|mm2|W)(?![\w/])"
    r"|\s+(?P<flops>téraflops|pétaflops|exaflops)\b"
    # a rate keeps its time unit: « 1,5 million de tokens par seconde », « 60 requêtes par seconde »
    r"|(?P<rate>(?:\s+(?:de\s+|d['\u2019])?[^\W\d_][\w-]{0,30})?\s+par\s+seconde)\b"
)
FIGURE = re.compile(
    # (the characters a figure can start with, case aside, tested first: most positions are rejected by one test, not
    # after trying every qualifier and number word)
    rf"(?=[\d{FIRST_LETTERS}])"
    rf"(?:{QUALIFIER})?(?P<number>{NUMBER}|{NUMBER_WORDS})"
    rf"(?:\s+(?P<scale>billions?|milliards?|millions?|mille|trillions?)\b)?"
    rf"(?:{_UNIT})?",
    re.IGNORECASE,
)
_NUMERATORS = {"un": 1, "deux": 2, "trois": 3}
_DENOMINATORS = {"tiers": 3, "quart": 4, "quarts": 4}
_CURRENCY_UNITS = set(CURRENCIES.values())
#: An amount ending in one of these scale words (not « mille ») can take the sentence's currency.
_SCALE_WORD = re.compile("(?:" + "|".join(w for w in SCALES if w != "mille") + ")$", re.IGNORECASE)
FRACTION = re.compile(
    rf"(?:{QUALIFIER})?(?:(?:les\s+)?(?P<numerator>un|deux|trois)\s+(?P<denominator>tiers|quarts?)|la\s+moitié)(?![\w-])",
    re.IGNORECASE,
)
#: « les deux », « des deux », « aux deux »: with a definite article a number word means *both*, not a count.
_DEFINITE = re.compile(r"(?<![\w-])(?:les|des|aux|ces) $", re.IGNORECASE)
#: A capitalised name and one space just before a number: the number is a model number (« Atlas 900 »).
_MODEL_NAME = re.compile(r"(?<![\w-])[A-Z][\w-]*[a-z][\w-]* $")


@dataclass(frozen=True)
class Figure:
    """A number in the text, with its value in base units."""

    start: int
    end: int
    surface: str
    value: float
    unit: str
    qualifier: str


def find_figures(text: str, offset: int = 0) -> list[Figure]:
    """Return the figures in ``text``; offsets are shifted by ``offset``."""
    found = []
    low = text.lower()
    english = "trillion" in low and re.search(r"\btrillions?\b", text, re.I) is not None  # English scales
    # (every fraction holds one of these words: the pattern, which tries its qualifiers at every position, costs as
    # much as all the rest, so it reads only the sentences that have one)
    fraction_matches = list(FRACTION.finditer(text)) if "tiers" in low or "quart" in low or "moitié" in low else []
    fractions = [(m.start(), m.end()) for m in fraction_matches]  # sorted, non-overlapping
    fraction_starts = [start for start, _ in fractions]
    for m in FIGURE.finditer(text):
        number, has_unit = m["number"], any(m[g] for g in ("scale", "percent", "times", "symbol", "word", "tech",
                                                              "flops", "rate"))
        if not number[:1].isdigit() and not has_unit and (
                number.lower() in AMBIGUOUS_WORDS or _DEFINITE.search(text, max(0, m.start() - 5), m.start())):
            continue  # « un porte-parole », « une entreprise »; « des deux bords » (both sides)
        i = bisect.bisect_right(fraction_starts, m.start("number")) - 1
        if i >= 0 and m.start("number") < fractions[i][1]:
            continue  # « deux » in « les deux tiers » is read with the fraction
        # a window before the number, not the whole text before it: linear on a megabyte of numbers
        if not has_unit and not m["qualifier"] and _MODEL_NAME.search(text, max(0, m.start("number") - 40),
                                                                         m.start("number")):
            continue  # « Ascend 950 »: a model number
        try:
            value = to_float(number)
        except ValueError:  # words that are no number (« deux trois »)
            continue
        if m["scale"]:
            scale = m["scale"].lower()
            value *= ENGLISH_SCALES.get(scale, SCALES[scale]) if english else SCALES[scale]
        unit = "count"
        if m["percent"]:
            unit = "percent"
        elif m["times"]:
            unit = "times"
        elif m["symbol"]:
            unit = CURRENCIES[m["symbol"]]
        elif m["word"]:
            word = m["word"].lower()
            unit = CURRENCIES.get(word) or DURATIONS[word]
        elif m["tech"] and m["tech"].lower() in FLOPS:
            unit, value = "FLOPS", value * FLOPS[m["tech"].lower()]
        elif m["tech"]:
            unit = TECH_UNITS[m["tech"].lower()]
        elif m["flops"]:
            unit, value = "FLOPS", value * FLOPS[m["flops"].lower()]
        elif m["rate"]:
            unit = "count/s"
        start = m.start("qualifier") if m["qualifier"] else m.start("number")
        surface = text[start : m.end()].rstrip()
        found.append(
            Figure(offset + start, offset + start + len(surface), surface,
                   value, unit, qualifier_code(m["qualifier"]))
        )
    for m in fraction_matches:
        value = int(_NUMERATORS.get((m["numerator"] or "").lower(), 1)) / _DENOMINATORS.get(
            (m["denominator"] or "").lower(), 2)
        found.append(Figure(offset + m.start(), offset + m.end(), m.group(), value, "fraction",
                            qualifier_code(m["qualifier"])))
    found.sort(key=lambda f: f.start)
    return _implied_currency(_ranges(text, found, offset), text, offset)



def _implied_currency(found: list[Figure], text: str, offset: int) -> list[Figure]:
    """« 500 millions de dollars, dont 200 millions »: a scaled amount without a unit takes the last currency."""
    out, currency = [], None
    for f in found:
        if f.unit in _CURRENCY_UNITS:
            currency = f.unit
        elif f.unit == "count" and currency and _SCALE_WORD.search(f.surface):
            f = Figure(f.start, f.end, f.surface, f.value, currency, f.qualifier)
        out.append(f)
    return out


def _ranges(text: str, found: list[Figure], offset: int) -> list[Figure]:
    """"entre 3 et 4 billions de dollars": the low end takes the high end's scale and unit."""
    out = list(found)
    for i, (low, high) in enumerate(zip(found, found[1:], strict=False)):
        joint = text[low.end - offset:high.start - offset]
        if low.qualifier == "between" and re.fullmatch(r"\s+et\s+", joint) and low.unit == "count":
            high_number = to_float(FIGURE.match(high.surface)["number"])
            scale = high.value / high_number if high_number else 1.0
            out[i] = Figure(low.start, low.end, low.surface, low.value * scale, high.unit, "between")
            out[i + 1] = Figure(high.start, high.end, high.surface, high.value, high.unit, "between")
    return out


def calendar_test(times: Iterable[tuple[int, int, str]]) -> Callable[[Figure], bool]:
    """A test for figures inside a date, month, year or quarter: such numbers are the date's, not figures.

    ``times`` are (start, end, kind) of non-overlapping time expressions in the figures' offsets;
    durations (« 90 jours ») do not count, since they are figures too. Each test is a binary search.
    """
    spans = sorted((start, end) for start, end, kind in times if kind != "duration")
    starts = [s for s, _ in spans]

    def inside(f: Figure) -> bool:
        i = bisect.bisect_left(starts, f.end)  # spans before i start before the figure ends
        return i > 0 and spans[i - 1][1] > f.start
    return inside
