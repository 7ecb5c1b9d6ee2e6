"""The teaching kit: student copies leak no solution and still run; the guide and slides are complete."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from browser import ALL_CHARTS_LIVE, open_offline

from helpers.data.datasets import load_table
from helpers.data.paths import ROOT, SEED_ARTICLE, notebook_paths
from helpers.publish.catalogue import discover
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


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_solution_text_leaks(student_dir, path):
    original = nbformat.read(path, as_version=4)
    solutions = solution_texts(original)
    assert len(solutions) >= 3  # every notebook has solutions to its three exercises
    copy_text = (student_dir / path.name).read_text(encoding="utf-8")
    for solution in solutions:
        for line in _distinctive_lines(solution):
            assert json.dumps(line)[1:-1] not in copy_text, line
    assert "Correct." not in copy_text  # no checker output from a solved exercise survives


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_student_copy_keeps_everything_else(path):
    original = nbformat.read(path, as_version=4)
    student = student_copy(original)
    kept = [c for c in original.cells if "solution" not in c.metadata.get("tags", [])]
    assert [c.source for c in student.cells] == [c.source for c in kept]
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


@pytest.mark.slow
@pytest.mark.browser
def test_slides_work_offline(browser):
    out = build_slides(SLIDES_DIR)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page, log = open_offline(context, (out / "index.html").as_uri())
    charts = page.locator(".h20-chart").count()
    assert charts >= 8
    from helpers.publish.catalogue import slide_titles

    assert page.locator("section.h20-slide").count() == len(slide_titles())  # the guide's numbering is the deck's
    page.wait_for_function(ALL_CHARTS_LIVE, timeout=20_000)
    page.keyboard.press("ArrowRight")
    page.wait_for_timeout(300)
    assert page.evaluate("window.scrollY") > 0
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "slides.png"), full_page=False)
    assert log.clean, log
    context.close()


def test_every_slide_the_guide_cites_exists():
    import re

    from helpers.publish.catalogue import slide_titles

    guide = teacher_guide()
    count = len(slide_titles())
    cited = [int(n) for m in re.finditer(r"\bslides? (\d+)(?:[–-](\d+))?", guide) for n in m.groups() if n]
    assert cited and max(cited) <= count, (cited, count)
    assert f"{count}. " in guide  # the generated slide list is in the guide
