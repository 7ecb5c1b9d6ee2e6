"""The name lists and their matcher (:mod:`helpers.text.names`)."""

from __future__ import annotations

import time

import pytest

from helpers.text.names import KNOWN_ORGANISATIONS, KNOWN_PEOPLE, KNOWN_PRODUCTS, PLACES, NameList


def surfaces(names, text):
    return [text[s:e] for s, e in NameList(names).spans(text)]


def test_the_longest_listed_name_wins_at_a_position():
    assert surfaces(["Nikkei", "Nikkei Asia", "Nikkei 225"], "Selon Nikkei Asia, le Nikkei 225 a reculé.") \
        == ["Nikkei Asia", "Nikkei 225"]


def test_names_are_whole_words_and_case_sensitive():
    assert surfaces(["Meta", "Orange"], "La métaphore orange de Metallica ; Meta-analyse ; Orange.") == ["Orange"]


@pytest.mark.parametrize("text,expected", [
    ("Le modèle d'OpenAI.", ["OpenAI"]),
    ("Selon l’AFP, jusqu'à Reuters.", ["AFP", "Reuters"]),
    ("Les notes de Moody's, puis E.ON.", ["Moody's", "E.ON"]),
])
def test_names_after_an_elided_article_and_before_punctuation(text, expected):
    assert surfaces(["OpenAI", "AFP", "Reuters", "Moody's", "E.ON"], text) == expected


def test_surnames_can_be_read_without_the_elided_article():
    assert NameList(["Huang"], elided=False).spans("d'Huang") == []


def test_the_matcher_is_linear_in_the_text():
    names = NameList(KNOWN_ORGANISATIONS)
    text = "Le groupe Airbus et la banque Natixis, selon Reuters. " * 20_000  # a megabyte
    started = time.perf_counter()
    found = names.spans(text)
    assert len(found) == 60_000 and time.perf_counter() - started < 10


def test_the_lists_hold_no_name_twice_and_no_common_word():
    everything = KNOWN_ORGANISATIONS + KNOWN_PEOPLE + KNOWN_PRODUCTS
    assert len(everything) == len(set(everything))
    # words a French sentence can open with, which a list must not claim (« Free », the operator, is listed since
    # stop 33: three blind sets of French copy wrote it, never as an English word)
    assert not {"Le", "La", "Les", "Total", "Alan", "Next", "Claude", "Capital", "Son", "Sur"} & set(everything)
    assert {"Ukraine", "Pékin", "Washington"} <= PLACES


def test_the_news_lists_leave_the_gazetteer_its_names():
    """A name the gazetteer links (« Nvidia », « Huawei ») is found and linked there: listed again in the wider news
    lists, it would be matched twice at every mention (an article that names Nvidia 20,000 times took half as long
    again in stop 37 before this check)."""
    from helpers.text.news_names import NEWS_ORGANISATIONS, NEWS_PRODUCTS, NEWS_SITES
    from helpers.text.nlp import load_gazetteer

    linked = {name for entry in load_gazetteer().values() for name in (entry.name, *entry.aliases)}
    assert not linked & set(NEWS_ORGANISATIONS + NEWS_PRODUCTS + NEWS_SITES)
