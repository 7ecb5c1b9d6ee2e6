"""The list of places the entity parser reads (data/places.csv and the curated French names)."""

from __future__ import annotations

import pytest

from helpers.data.datasets import load_table
from helpers.text.names import LISTED_KINDS, PLACES
from helpers.text.places import known_places, opens_sentence, place_spans, word_places


def test_the_list_holds_the_curated_names_and_none_of_the_listed_firms_people_or_products():
    places = known_places()
    assert PLACES - set(LISTED_KINDS) <= places
    assert not places & set(LISTED_KINDS)  # « Toyota » is a firm, « Orange » too
    assert {"Hefei", "Kuala Lumpur", "Szeged", "Cabo Delgado", "Gujarat", "Bac Ninh", "Poissy"} <= places
    # first names, firms and English words that name towns somewhere are left out
    assert not {"Nancy", "Florence", "Toyota", "Hitachi", "Union", "Mission", "Jupiter"} & places


def test_the_file_says_where_each_name_comes_from():
    table = load_table("places")
    assert table["name"].is_unique
    assert table["origin_id"].str.fullmatch(r"geonames:\d+|iso3166-1:[A-Z]{2}|iso3166-2:[A-Z]{2}-[A-Z0-9]{1,3}").all()
    assert set(table["kind"]) == {"city", "country", "region"}


def test_a_place_named_by_a_french_word_is_a_place_inside_a_sentence_only():
    assert "Cannes" in word_places() and "Lyon" not in word_places()
    text = "Cannes accueille le salon. Les élus de Cannes ont voté."
    assert [text[s:e] for s, e in place_spans(text)] == ["Cannes"]
    assert place_spans(text)[0][0] == text.rindex("Cannes")


@pytest.mark.parametrize("text,word,opens", [
    ("Tours : la ville recrute.", "Tours", True),
    ("Il part. Cannes attend.", "Cannes", True),
    ("Il a dit — Manche comprise — que", "Manche", True),
    ("« Vienne est prête »", "Vienne", True),
    ("Les élus de la Manche votent.", "Manche", False),
    ("Saint-Tours", "Tours", False),
])
def test_what_opens_a_sentence(text, word, opens):
    assert opens_sentence(text, text.index(word)) is opens


def test_places_are_read_in_linear_time():
    import time

    text = "Les usines de Hefei, de Szeged et de Poissy tournent. " * 20_000  # a megabyte
    started = time.perf_counter()
    found = place_spans(text)
    assert len(found) == 60_000 and time.perf_counter() - started < 10
