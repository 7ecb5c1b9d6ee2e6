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
def known_places() -> frozenset[str]:
    """Every listed place name (the checked ``data/places.csv`` and the curated French names), except the names
    the lists of firms, people and products hold."""
    names = set(load_table("places")["name"].dropna()) | PLACES
    return frozenset(names - set(LISTED_KINDS))


@lru_cache(maxsize=1)
def word_places() -> frozenset[str]:
    """The listed places whose name is also a French word (« Cannes », « Manche »): a place inside a sentence only."""
    table = load_table("places")
    return frozenset(table.loc[table["common_word"].fillna(False).astype(bool), "name"]) - PLACES


_OPENING = re.compile(r"(?:^|[.!?…:;«»\n]|\s[—–-])$")


def opens_sentence(text: str, start: int) -> bool:
    """Whether ``start`` is the first word of a sentence, a quotation or a clause after a dash in ``text``."""
    return bool(_OPENING.search(text[max(0, start - 4):start].rstrip(" \u00a0\u202f"))) if start else True


@lru_cache(maxsize=1)
def _place_list() -> NameList:
    return NameList(known_places())


def place_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) of the listed places in ``text`` (« à Hefei », « d'Abilene »), but not a
    place named by a French word at a sentence's start (« Tours de table : »)."""
    words = word_places()
    return [(s, e) for s, e in _place_list().spans(text) if not (text[s:e] in words and opens_sentence(text, s))]
