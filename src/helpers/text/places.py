"""Places by the names French copy gives them, for the entity tables.

The small French model misses places it has not seen (« Hefei », « Szeged »), reads some as people (« Kuala
Lumpur », « Cabo Delgado ») or as firms (« Hsinchu »). Nothing in the word says what it is, so a list does: the
curated :data:`~helpers.text.names.PLACES` and ``data/places.csv`` (GeoNames' cities and ISO 3166 states and
regions, written by ``tools/make_places.py``; see its manifest for sources and licences). The project's lists of
firms, people and products win over it (« Toyota » is a firm): a name that is in one of them is not a place here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from helpers.data.datasets import load_table
from helpers.text.names import LISTED_KINDS, PLACES, NameList


@lru_cache(maxsize=1)
def _read_places() -> tuple[frozenset[str], frozenset[str]]:
    """(every name of the checked ``data/places.csv``, those marked ``common_word``), read once."""
    table = load_table("places")
    return (frozenset(table["name"].dropna()),
            frozenset(table.loc[table["common_word"].fillna(False).astype(bool), "name"]))


def _both_apostrophes(names: frozenset[str]) -> frozenset[str]:
    """``names`` with each name that holds an apostrophe written with the other one too (« Côtes-d'Armor », « Côtes-
    d’Armor »): copy uses both."""
    return names | {n.replace("'", "’") for n in names if "'" in n} | {n.replace("’", "'") for n in names if "’" in n}


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    """Every listed place name (the checked ``data/places.csv`` and the curated French names), in both apostrophes,
    except the names the lists of firms, people and products hold."""
    return frozenset(_both_apostrophes(_read_places()[0] | PLACES) - set(LISTED_KINDS))


@lru_cache(maxsize=1)
def region_places() -> frozenset[str]:
    """The listed states, regions and départements (``kind`` « region » in ``data/places.csv``), in both apostrophes."""
    table = load_table("places")
    return _both_apostrophes(frozenset(table.loc[table["kind"] == "region", "name"].dropna()))


@lru_cache(maxsize=1)
def word_places() -> frozenset[str]:
    """The listed places whose name is also a French word (« Cannes », « Manche »): a place inside a sentence only."""
    return _both_apostrophes(_read_places()[1]) - PLACES


_OPENING = re.compile(r"(?:^|[.!?…:;«»\n]|\s[—–-])$")


def opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` is the first word of a sentence, a quotation or a clause after a dash in ``text``."""
    return bool(_OPENING.search(text[max(0, start - 4):start].rstrip(" \u00a0\u202f"))) if start else True


@lru_cache(maxsize=1)
def _place_list() -> NameList:
    """The places that open with a capital, indexed by their first word."""
    return NameList(n for n in known_places() if n[:1].isupper())


@lru_cache(maxsize=1)
def _lower_places() -> re.Pattern[str]:
    """The few places that open with a lower-case word (« mer Rouge », « golfe Persique »), in one pattern: in the
    list of capitalised places they would make every word that opens with their letter (« de », « groupe ») a word to
    read."""
    names = sorted((n for n in known_places() if not n[:1].isupper()), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


#: A place's part named by a direction after it: « Sulawesi central », « Java occidental », « Chine continentale ».
_PART = re.compile(r"\s(?:central|centrale|occidental|occidentale|oriental|orientale|méridional|méridionale"
                   r"|septentrional|septentrionale|continentale|continental|du Nord|du Sud)(?![\w-])")


def part_end(text: str, end: int) -> int:
    """``end`` past a direction that names a part of the place ending there (« Chine| continentale »), else ``end``."""
    return m.end() if (m := _PART.match(text, end)) else end


def place_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) of the listed places in ``text`` (« à Hefei », « d'Abilene »), with the
    direction that names a part of them (« Java central »), but not a place named by a French word at a sentence's
    start (« Tours de table : »)."""
    words = word_places()
    spans = _place_list().spans(text)
    if lower := [m.span() for m in _lower_places().finditer(text)]:
        # (« mer du Nord » over « Nord »: a place that opens in lower case holds the capitalised one it ends with)
        spans = [(s, e) for s, e in spans if not any(ls <= s and e <= le for ls, le in lower)]
        spans = sorted(spans + [(s, e) for s, e in lower if not any(ls < e and s < le for ls, le in spans)])
    return [(s, part_end(text, e)) for s, e in spans
            if not (text[s:e] in words and opens_sentence(text, s))]
