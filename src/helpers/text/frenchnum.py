"""French numbers (in digits or in words) and month names shared by the figure and time extractors.

Numbers written in words (« quatre-vingt-dix jours », « deux milliards ») are found here by a
lexicon pattern, so their offsets are the text's own, and read by ``text2num`` (Allo-Media's
French number parser): on our corpus it reads every compound we wrote (« vingt et un »,
« soixante-dix-sept »), which a hand-written table would have to reimplement.
"""

from __future__ import annotations

import re

#: Thousands separators seen in French text: space, no-break space, narrow no-break space.
_THOUSANDS = "[ \u00a0\u202f]"

#: A French-written number: 4 500 000, 4 500,75, 15, 4,5 (never part of a code such as H20 or 910B).
#: At most six groups of thousands (10^21): the bound keeps every pattern built on it linear, since a
#: pattern that fails after a number would otherwise retry an unbounded run of groups at each group.
NUMBER = rf"(?<![\w.,-])(?:\d{{1,3}}(?:{_THOUSANDS}\d{{3}}){{1,6}}|\d+)(?:,\d+)?(?![\w-]|,\d)"

_UNITS = ("zéro|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize"
          "|vingts?|trente|quarante|cinquante|soixante|cents?|mille")
_JOIN = r"(?:-et-|\s+et\s+|-|\s+)"
#: A French number in words: « deux », « quatre-vingt-dix », « vingt et un », « mille deux cents ».
#: « cent » after « pour » is the percent sign's word, not a number. At most eight words: linear.
NUMBER_WORDS = (rf"(?<![\w-])(?<!pour )(?:{_UNITS})(?:{_JOIN}(?:{_UNITS})){{0,7}}(?![\w-])")
#: Words that are also something else (« un porte-parole », « une entreprise », « un serveur neuf »):
#: a number only with a unit or a scale after them.
AMBIGUOUS_WORDS = {"un", "une", "neuf"}

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}
MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + ")"

_APOS = "['\u2019]"
QUALIFIERS = {
    "plus de": "more_than",
    "moins de": "less_than",
    "environ": "about",
    "près de": "about",
    "quelque": "about",
    "autour de": "about",
    "au-delà de": "more_than",
    f"jusqu{_APOS}à": "up_to",
    "supérieure?s? à": "more_than",
    "inférieure?s? à": "less_than",
    "au moins": "at_least",
    "entre": "between",
}
QUALIFIER = "(?P<qualifier>" + "|".join(QUALIFIERS) + r")\s+"
#: The letters a qualifier or a number in words can start with (every pattern opens with a plain letter).
FIRST_LETTERS = "".join(sorted({pattern[0] for pattern in (*QUALIFIERS, *_UNITS.split("|"))}))


def qualifier_code(text: str | None) -> str:
    """Map a French qualifier ("plus de", "jusqu'à"...) to its code, or "" for none."""
    if not text:
        return ""
    key = re.sub(r"\s+", " ", text.lower()).replace("\u2019", "'")
    for pattern, code in QUALIFIERS.items():
        if re.fullmatch(pattern, key):
            return code
    return ""


def to_float(number: str) -> float:
    """"4 500,75" -> 4500.75 (thousands separators dropped, decimal comma read); "quatre-vingt-dix" -> 90."""
    if number[:1].isdigit():
        return float(re.sub(_THOUSANDS, "", number).replace(",", "."))
    from text_to_num import text2num

    return float(text2num(" ".join(number.lower().split()), "fr"))
