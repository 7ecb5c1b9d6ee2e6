"""Find the figures (amounts, percentages, durations, counts) in French text.

Numbers inside product codes (H20, H200, 910B, MI308) are not figures: the number pattern
refuses digits touching letters. Dates are left to :mod:`helpers.text.timex` and removed here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers.text.frenchnum import NUMBER, QUALIFIER, qualifier_code, to_float

#: French long scale: a "billion" is 10^12 (an English trillion).
SCALES = {"billion": 1e12, "billions": 1e12, "milliard": 1e9, "milliards": 1e9, "million": 1e6, "millions": 1e6,
          "mille": 1e3}
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
    r"|\s*(?P<symbol>[$€])"
    r"|\s+(?:de\s+|d['\u2019])?(?P<word>dollars?|euros?|yuans?|USD|EUR|CNY|RMB"
    r"|jours?|semaines?|mois|ans?|années?)\b"
    r"|\s?(?P<tech>[GT][ob]/s|[GT][ob]|nm|[TPE]FLOPS|GHz|mm²|mm2|W)(?![\w/])"
)
FIGURE = re.compile(
    rf"(?:{QUALIFIER})?(?P<number>{NUMBER})"
    rf"(?:\s+(?P<scale>billions?|milliards?|millions?|mille)\b)?"
    rf"(?:{_UNIT})?",
    re.IGNORECASE,
)


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
    for m in FIGURE.finditer(text):
        value = to_float(m["number"])
        if m["scale"]:
            value *= SCALES[m["scale"].lower()]
        unit = "count"
        if m["percent"]:
            unit = "percent"
        elif m["symbol"]:
            unit = CURRENCIES[m["symbol"]]
        elif m["word"]:
            word = m["word"].lower()
            unit = CURRENCIES.get(word) or DURATIONS[word]
        elif m["tech"]:
            unit = TECH_UNITS[m["tech"].lower()]
        start = m.start("qualifier") if m["qualifier"] else m.start("number")
        surface = text[start : m.end()].rstrip()
        found.append(
            Figure(offset + start, offset + start + len(surface), surface,
                   value, unit, qualifier_code(m["qualifier"]))
        )
    return _ranges(text, found, offset)


def _ranges(text: str, found: list[Figure], offset: int) -> list[Figure]:
    """"entre 3 et 4 billions de dollars": the low end takes the high end's scale and unit."""
    out = list(found)
    for i, (low, high) in enumerate(zip(found, found[1:], strict=False)):
        joint = text[low.end - offset:high.start - offset]
        if low.qualifier == "between" and re.fullmatch(r"\s+et\s+", joint) and low.unit == "count":
            scale = high.value / to_float(FIGURE.match(high.surface)["number"]) if high.unit != "count" else 1.0
            out[i] = Figure(low.start, low.end, low.surface, low.value * scale, high.unit, "between")
            out[i + 1] = Figure(high.start, high.end, high.surface, high.value, high.unit, "between")
    return out
