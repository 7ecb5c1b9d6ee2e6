"""The French class's materials: the deck, the teacher guide, the seminar pack and the exercises' feedback in
French, built from the same plan as the English ones (issue 23)."""

from __future__ import annotations

import re

import pytest
from test_translation import english_left

from helpers.data.paths import NOTEBOOKS_DIR
from helpers.publish.deck import deck
from helpers.publish.teaching import teacher_guide
from helpers.views.i18n import edition

FRENCH = NOTEBOOKS_DIR / "fr"


@pytest.fixture(scope="module")
def decks():
    with edition("fr"):
        french = deck(FRENCH)
    return deck(), french


def test_the_french_deck_has_the_english_decks_slides_in_the_same_order(decks):
    """Same slides, kinds, notebooks and chart cells: the guide's slide numbers hold in both editions."""
    english, french = decks
    assert [(s.kind, s.notebook, s.cell_id, len(s.rows)) for s in french] == \
        [(s.kind, s.notebook, s.cell_id, len(s.rows)) for s in english]


def test_no_english_on_a_french_slide_or_in_its_notes(decks):
    _english, french = decks
    texts = [t for s in french for t in (s.title, s.text, s.meta, *s.notes, *(x for row in s.rows for x in row)) if t]
    left = [t[:80] for t in texts if english_left(t)]
    assert left == [], "\n".join(left)
    assert french[0].title != decks[0][0].title and all(s.notes for s in french)


def test_the_french_deck_quotes_the_article_without_the_english_gloss(decks):
    english, french = decks
    said = [s for s in french if s.kind == "pairs" and s.rows and s.rows[0][0].startswith("«")]
    assert said and all("«" in left for s in said for left, _right in s.rows)
    glosses = {right for s in english for _left, right in s.rows}
    assert not [right for s in said for _left, right in s.rows if right in glosses]


@pytest.fixture(scope="module")
def guides():
    return teacher_guide(), teacher_guide(FRENCH)


def test_the_french_guide_is_french_with_every_reference_resolved(guides):
    english, french = guides
    assert "[[slide:" not in french and "<!--" not in french
    paragraphs = [p for p in re.split(r"\n\s*\n", re.sub(r"```.*?```", "", french, flags=re.S)) if p.strip()]
    left = [p[:90] for p in paragraphs if english_left(p)]
    assert left == [], "\n".join(left)
    # the same slides cited, by the same numbers (« diapositive 12 » for "slide 12")
    assert re.findall(r"\bslide (\d+)", english) == re.findall(r"\bdiapositive (\d+)", french)


def test_the_french_guide_fills_its_generated_parts_from_the_french_notebooks(guides):
    from helpers.publish.catalogue import discover

    _english, french = guides
    for info in discover(FRENCH):
        assert info.title in french and info.headline in french
    assert french.count("|---|---|---|---|") >= 5  # four plans and the glossary


def test_a_check_answers_a_french_student_in_french():
    from helpers.publish.exercises import answer, check

    with edition("fr"):
        wrong, blank = check("00.1", "12"), check("00.1", ...)
        right, line = check("01.1", "time_expressions"), answer("01.1", "time_expressions")
    assert wrong.startswith("Pas encore") and not english_left(wrong) and wrong != check("00.1", "12")
    assert not english_left(blank) and blank != check("00.1", ...)
    assert right.startswith("Exact") and line.startswith("Réponse")
    assert check("00.1", "12").startswith("Not yet")  # English again outside the block


def test_french_ways_of_writing_numbers_are_read():
    from helpers.publish.exercises import read_number

    assert read_number("0,78") == 0.78 and read_number("2 368") == 2368 and read_number("63,4 %") == 63.4
    assert read_number("2,368") == 2368 and read_number("1\u202f250\u202f000") == 1_250_000


def test_the_french_seminar_pack_page_is_french_and_has_no_gloss_column():
    from helpers.publish.handouts import seminar_html

    with edition("fr"):
        page = seminar_html(notebooks=FRENCH)
    assert '<html lang="fr">' in page and "our gloss" not in page and "12 août 2025" in page
    assert not english_left(re.sub(r"<[^>]+>", " ", page.split("<main>", 1)[1]))


def test_the_language_belongs_to_a_thread():
    """The report's build writes the English guide in a background thread while the main thread writes the French
    one: a language switched in one thread must not reach the other (a clean clone's CI build once failed so)."""
    import threading

    from helpers.views.i18n import lang

    seen = []
    with edition("fr"):
        worker = threading.Thread(target=lambda: seen.append(lang()))
        worker.start()
        worker.join()
        assert lang() == "fr"
    assert seen == ["en"] and lang() == "en"
