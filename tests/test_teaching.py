"""The teaching kit: student copies leak no solution and still run; the guide and slides are complete."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from browser import open_offline, require_browser

from helpers.data.datasets import load_table
from helpers.data.paths import ROOT, SEED_ARTICLE, notebook_paths
from helpers.publish.catalogue import discover
from helpers.publish.deck import deck, slide_titles
from helpers.publish.runner import execute_and_freeze, kernel_pool
from helpers.publish.slides import SLIDES_DIR, build_slides
from helpers.publish.teaching import (
    solution_texts,
    student_copy,
    teacher_guide,
    write_student_copies,
)
from helpers.text.article import load_article

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
NOTEBOOKS = notebook_paths()


@pytest.fixture(scope="module")
def student_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("student") / "student"
    write_student_copies(out)
    return out


def _distinctive_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if len(line.strip()) >= 25]


@pytest.mark.parametrize("path", NOTEBOOKS + notebook_paths(NOTEBOOKS[0].parent / "fr"),
                         ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_solution_text_leaks(student_dir, path):
    """The English copies and the French ones (build/student/fr/), each against its own notebook's solutions."""
    original = nbformat.read(path, as_version=4)
    solutions = solution_texts(original)
    assert len(solutions) >= 3  # every notebook has solutions to its three exercises
    copy_text = (student_dir / ("fr/" if path.parent.name == "fr" else "") / path.name).read_text(encoding="utf-8")
    for solution in solutions:
        for line in _distinctive_lines(solution):
            assert json.dumps(line)[1:-1] not in copy_text, line
    # no checker output from a solved exercise survives
    assert not [w for w in ("Correct:", "Correct.", "Exact :") if w in copy_text]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_student_copy_keeps_everything_else(path):
    original = nbformat.read(path, as_version=4)
    from helpers.data.citations import cite_inline

    student = student_copy(original)
    kept = [c for c in original.cells if not {"solution", "notes"} & set(c.metadata.get("tags", []))]
    # Markdown keeps its words; only its citation markers are written out as (publisher, date)
    assert [c.source for c in student.cells] == [cite_inline(c.source) if c.cell_type == "markdown" else c.source
                                                 for c in kept]
    assert not any("[^" in c.source for c in student.cells if c.cell_type == "markdown")
    for before, after in zip(kept, student.cells, strict=True):
        if "exercise" in after.metadata.get("tags", []) and after.cell_type == "code":
            assert after.outputs == [] and after.execution_count is None
        elif after.cell_type == "code":
            assert after.outputs == before.outputs


@pytest.mark.slow
def test_student_copies_run(student_dir, tmp_path):
    copies = sorted(student_dir.glob("*.ipynb"))
    # one process per kernel client, as in the report build: nbclient is not safe across threads
    with kernel_pool(2) as pool:
        seconds = list(pool.map(execute_and_freeze, map(str, copies), [str(tmp_path / p.name) for p in copies]))
    assert len(seconds) == len(copies) == len(NOTEBOOKS)


def test_teacher_guide_is_complete():
    guide = teacher_guide()
    assert "<!--" not in guide
    for info in discover():
        assert info.title in guide
    for heading in ("45 minutes", "90 minutes", "Discussion questions", "Answer key", "glossary", "rubric"):
        assert heading.lower() in guide.lower()
    assert "Solution 04.2" in guide


def test_glossary_terms_occur_in_the_article():
    text = load_article(SEED_ARTICLE).text.lower()
    glossary = load_table("glossary_fr_en")
    for row in glossary.itertuples():
        assert (row.term_fr.lower() in text) == (row.in_article == "yes"), row.term_fr
    for term in ("terres rares", "licences d'exportation", "droits de douane"):
        assert term in set(glossary["term_fr"])


@pytest.fixture(scope="module")
def slides_dir() -> Path:
    require_browser()  # the deck's PDF is printed by Chromium
    return build_slides(SLIDES_DIR)


@pytest.mark.slow
@pytest.mark.browser
def test_slides_work_offline(slides_dir, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page, log = open_offline(context, (slides_dir / "index.html").as_uri())
    page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=20_000)
    titles = slide_titles()
    assert page.evaluate("Reveal.getTotalSlides()") == len(titles)  # the guide's numbering is the deck's
    assert page.locator(".slide-number").inner_text().replace(" ", "") == f"1/{len(titles)}"
    assert page.locator(".h20-chart").count() >= 8
    page.keyboard.press("ArrowRight")
    assert page.evaluate("Reveal.getIndices().h") == 1
    page.keyboard.press("o")
    assert page.evaluate("Reveal.isOverview()")
    page.keyboard.press("Escape")
    # the live Vega charts still work inside the deck: go to each chart slide and wait for its live view
    for i, s in enumerate(deck()):
        if s.kind == "chart":
            page.evaluate(f"Reveal.slide({i})")
            page.wait_for_function(f"document.querySelectorAll('#slide-{i + 1} .h20-chart.vega-embed svg.marks')"
                                   ".length > 0", timeout=20_000)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "slides.png"), full_page=False)
    assert log.clean, log
    context.close()


@pytest.mark.slow
@pytest.mark.browser
def test_speaker_notes_come_from_the_notebooks(slides_dir, browser):
    plan = deck()
    charts = [i for i, s in enumerate(plan) if s.kind == "chart"]
    assert charts and all(plan[i].notes for i in charts)  # every chart slide has the teacher's notes
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page, log = open_offline(context, (slides_dir / "index.html").as_uri())
    page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=20_000)
    first = charts[0]
    page.evaluate(f"Reveal.slide({first})")
    notes = page.evaluate("Reveal.getSlideNotes()")
    assert "dashed line" in notes and "[^" not in notes  # the notes cell's words, citations written out
    # the speaker view (S) opens in its own window under the deck's policy and shows the same notes
    with context.expect_page() as popup_info:
        page.keyboard.press("s")
    popup = popup_info.value
    popup.wait_for_function("() => (document.querySelector('.speaker-controls-notes .value') || {}).textContent",
                            timeout=20_000)
    assert "dashed line" in popup.locator(".speaker-controls-notes .value").inner_text()
    assert log.clean, log
    context.close()


@pytest.mark.slow
def test_the_deck_prints_one_page_per_slide(slides_dir):
    from pypdf import PdfReader

    pdf = PdfReader(slides_dir / "slides.pdf")
    titles = slide_titles()
    assert len(pdf.pages) == len(titles)
    assert "The H20 affair" in pdf.pages[0].extract_text()
    glossary = next(i for i, t in enumerate(titles) if t.startswith("Glossary"))
    assert "Glossary" in pdf.pages[glossary].extract_text()


def test_every_chart_slide_is_a_slide_tagged_cell_and_notes_follow_one():
    for info in discover():
        cells = nbformat.read(info.path, as_version=4).cells
        for i, cell in enumerate(cells):
            if "notes" in cell.metadata.get("tags", []):
                assert cell.cell_type == "markdown", (info.name, cell.id)
                before = [c for c in cells[:i] if "slide" in c.metadata.get("tags", [])]
                assert before, f"{info.name} {cell.id}: speaker notes before any slide cell"


def test_the_guide_cites_slides_by_generated_number():
    import re

    from helpers.publish.deck import SlideRefError, cite_slides

    source = (ROOT / "teaching" / "teacher-guide.md").read_text(encoding="utf-8")
    assert not re.search(r"\bslides? \d", source)  # no hand-typed slide number in the written guide
    assert "[[slide:" in source
    with pytest.raises(SlideRefError):
        cite_slides("see [[slide: 09_missing/cell-01]]")
    from helpers.publish.plans import MISSING

    guide = teacher_guide()
    assert "[[slide:" not in guide and MISSING not in guide  # every reference and plan step resolved


def test_session_plans_fit_and_say_what_they_skip(tmp_path):
    from helpers.publish.plans import PlanError, plan_steps, reading_minutes

    for track in ("policy", "data"):
        for minutes in (45, 90):
            steps = plan_steps(minutes, track=track)
            assert 0 < steps[-1].end <= minutes
            assert all(s.start <= s.end for s in steps)  # pre-reading is a zero-minute step
            assert any(s.skipped not in ("", "nothing") for s in steps)
            # issue 22: pre-reading assigned, an exit question, and the one homework line, in every plan
            text = " ".join(s.activity for s in steps)
            assert "Before class" in text and "Exit question" in text and "Homework: the assessment prompt" in text
            if track == "policy":  # no code at all: only exercises done by hand
                assert "with code" not in text and "make lab" not in text
    # the minutes follow the notebooks' own time to read: notebook 00, one of its three sections
    primer = discover()[0]
    read, _ = reading_minutes(primer)
    first_reading = next(s for s in plan_steps(45) if s.what.startswith("Notebook 00"))
    assert first_reading.end - first_reading.start == -(-read // 3)
    too_long = tmp_path / "plans.csv"
    too_long.write_text("track,plan_minutes,notebook,sections,exercises,minutes,activity\n"
                        "policy,45,02,1;2;3;4;5;6,,,all of it\npolicy,45,03,1;2;3;4,,,all of it\n", encoding="utf-8")
    with pytest.raises(PlanError, match="needs"):
        plan_steps(45, plans=too_long)
    bad = tmp_path / "bad.csv"
    bad.write_text("track,plan_minutes,notebook,sections,exercises,minutes,activity\npolicy,45,02,9,,,x\n",
                   encoding="utf-8")
    with pytest.raises(PlanError, match="no section or exercise 9"):
        plan_steps(45, plans=bad)


def test_every_slide_the_guide_cites_exists():
    import re

    guide = teacher_guide()
    count = len(slide_titles())
    cited = [int(n) for m in re.finditer(r"\bslides? (\d+)(?:[–-](\d+))?", guide) for n in m.groups() if n]
    assert cited and max(cited) <= count, (cited, count)
    assert f"{count}. " in guide  # the generated slide list is in the guide


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.parametrize("ed", ["en", "fr"])
def test_every_slide_reads_from_the_back_of_the_room(slides_dir, browser, ed):
    """Issue 21: no text under 18 px at the deck's 1280 x 800, and nothing outside a slide's box (the
    scenario explorer is a data slide of the presets: its sliders are in the report); the French deck too,
    whose longer words must fit the same boxes."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    from slide_fonts import MEASURE

    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.goto((slides_dir / ("" if ed == "en" else ed) / "print.html").as_uri())
    page.wait_for_timeout(3000)
    rows = page.evaluate(MEASURE)
    page.close()
    checked = rows
    small = [(r["slide"], round(r["smallest"], 1), r["where"]) for r in checked if r["smallest"] < 18]
    outside = [(r["slide"], r["outside"]) for r in checked if r["outside"]]
    assert not small and not outside, (small, outside)


def test_every_slide_has_speaker_notes_and_the_deck_has_what_a_class_needs():
    """Issue 21: notes on every slide; the article, the legality question, « des deux bords », the roles,
    the discussion questions, the assessment and a closing slide are in the deck."""
    from helpers.publish.deck import deck

    slides = deck()
    assert [s.title for s in slides if not s.notes] == []
    titles = " | ".join(s.title for s in slides)
    for wanted in ("The article, sentence by sentence", "Is the 15% legal?", "« des deux bords »",
                   "Roles for the scenario debate", "Questions for discussion", "Assessment", "What to take away"):
        assert wanted in titles, wanted
    assert slides[-1].title == "What to take away"


@pytest.mark.slow
@pytest.mark.parametrize("ed", ["en", "fr"])
def test_the_lecturers_pdf_puts_each_slide_with_its_notes_on_one_page(slides_dir, ed):
    """In both editions (the French deck in slides/fr/): one page per slide, its notes under it."""
    from pypdf import PdfReader

    from helpers.views.i18n import translate_to

    pdf = PdfReader(slides_dir / ("" if ed == "en" else ed) / "slides-notes.pdf")
    assert len(pdf.pages) == len(slide_titles())
    for n in (1, len(pdf.pages)):
        assert translate_to("Speaker notes · slide %s", ed) % n in pdf.pages[n - 1].extract_text()


@pytest.mark.slow
@pytest.mark.browser
def test_the_french_deck_works_offline_in_french(slides_dir, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page, log = open_offline(context, (slides_dir / "fr" / "index.html").as_uri())
    page.wait_for_function("() => window.Reveal && Reveal.isReady()", timeout=20_000)
    assert page.evaluate("document.documentElement.lang") == "fr"
    assert page.evaluate("Reveal.getTotalSlides()") == len(slide_titles())
    for i, s in enumerate(deck()):
        if s.kind == "chart":  # the French deck's live charts too
            page.evaluate(f"Reveal.slide({i})")
            page.wait_for_function(f"document.querySelectorAll('#slide-{i + 1} .h20-chart.vega-embed svg.marks')"
                                   ".length > 0", timeout=20_000)
            break
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "slides-fr.png"), full_page=False)
    assert log.clean, log
    context.close()


def test_a_plan_row_in_the_old_layout_is_refused_not_dropped(tmp_path):
    from helpers.publish.plans import PlanError, plan_steps

    old = tmp_path / "plans.csv"
    old.write_text("track,plan_minutes,notebook,sections,exercises,minutes,activity\n"
                   "policy,45,,,,5,Framing\n45,02,1,,,a row without its track\n", encoding="utf-8")
    with pytest.raises(PlanError, match="unknown track '45'"):
        plan_steps(45, plans=old)
