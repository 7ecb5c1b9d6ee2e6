"""Handouts: one PDF per notebook page, printed by Chromium with the print stylesheet.

Each PDF is opened and read: the page's title and section headings are there, the code, the
solutions and the navigation are not, and the charts are vector graphics (no raster image).
"""

from __future__ import annotations

import re
import unicodedata

import nbformat
import pytest
from browser import require_browser

from helpers.publish.build import REPORT_DIR, build, tree_digest
from helpers.publish.catalogue import discover
from helpers.publish.handouts import build_handouts
from helpers.publish.teaching import solution_texts

pytestmark = [pytest.mark.slow, pytest.mark.browser]


def _plain(text: str) -> str:
    """PDF text as comparable words: ligatures undone (ﬂ → fl), whitespace and line breaks collapsed."""
    # (and a hyphenated word broken at the end of a line, « confirment- elles », joined again)
    return re.sub(r"(?<=\w)- (?=\w)", "-", " ".join(unicodedata.normalize("NFKC", text).split()))


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    require_browser()
    report = build(REPORT_DIR)
    before = tree_digest(report)
    pdfs = build_handouts(report, tmp_path_factory.mktemp("handouts") / "handouts", progress=None)
    # printing leaves the report exactly as the build wrote it (make test after make handouts stays green)
    assert tree_digest(report) == before and not list(report.parent.glob(f".{report.name}-*"))
    return pdfs


def _edition(handouts, ed: str) -> list:
    return [p for p in handouts if (p.parent.name == "fr") == (ed == "fr")]


@pytest.mark.parametrize("ed", ["en", "fr"])
def test_one_pdf_per_notebook_page_with_its_headings(handouts, ed):
    """Each edition's pages (the French ones in handouts/fr/): the headings of its own notebooks, no code,
    no solution, charts as vector graphics."""
    from pypdf import PdfReader

    from helpers.data.paths import NOTEBOOKS_DIR

    infos = discover(NOTEBOOKS_DIR / ed if ed != "en" else NOTEBOOKS_DIR)
    printed = _edition(handouts, ed)
    assert [p.stem for p in printed] == [i.name for i in infos] + ["seminar-pack"]
    for info, path in zip(infos, printed[:-1], strict=True):
        pdf = PdfReader(path)
        text = _plain(" ".join(page.extract_text() for page in pdf.pages))
        nb = nbformat.read(info.path, as_version=4)
        headings = [_plain(re.sub(r"[*`]", "", h)) for c in nb.cells if c.cell_type == "markdown"
                    for h in re.findall(r"^#{1,2} (.+)$", c.source, re.M)
                    if not {"notes", "screen-only"} & set(c.metadata.get("tags", []))]
        missing = [h for h in headings if h not in text]
        assert not missing, (path.name, missing)
        assert "Show solution" not in text and "Show code" not in text, path.name
        assert "Afficher la solution" not in text and "Afficher le code" not in text, path.name
        code = [line for c in nb.cells if c.cell_type == "code" for line in c.source.splitlines() if len(line) > 30]
        assert not [line for line in code if _plain(line) in text], path.name
        for solution in solution_texts(nb):
            lines = [_plain(line) for line in solution.splitlines() if len(line.strip()) > 40]
            assert not [line for line in lines if line in text], path.name
        assert sum(len(page.images) for page in pdf.pages) == 0, f"{path.name}: a chart was printed as an image"


def test_paper_is_a4_with_nothing_under_8_pt_and_nothing_for_the_screen(handouts):
    """Issue 21: A4 by default, no printed type under 8 pt (charts included), no screen-only leftovers."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
    from handout_fonts import report

    rows = report(handouts[0].parent)
    assert {r["size_pt"] for r in rows} == {(595, 842)}, rows
    assert [(r["file"], round(r["smallest_pt"], 1)) for r in rows if r["smallest_pt"] < 8] == []
    assert [(r["file"], r["screen_only"]) for r in rows if r["screen_only"]] == []


def test_the_seminar_pack_fits_four_pages_and_holds_the_article_and_the_questions(handouts):
    from pypdf import PdfReader

    from helpers.publish.deck import discussion_questions

    from helpers.views.i18n import edition, translate_to

    for ed in ("en", "fr"):
        pack = PdfReader(_edition(handouts, ed)[-1])
        assert 1 <= len(pack.pages) <= 4
        text = _plain(" ".join(p.extract_text() for p in pack.pages))
        assert "s1 " in text and "s11 " in text and "Financial Times" in text  # the article, sentences numbered
        with edition(ed):
            questions = discussion_questions()
        assert len(questions) >= 5 and all(_plain(q) in text for q in questions), ed
        # the French pack quotes the article without our English gloss (an aid for English readers only)
        assert ("our gloss" in text) == (ed == "en"), ed
        assert _plain(translate_to("Questions for discussion", ed)) in text, ed


def test_letter_paper_on_request(handouts):
    from helpers.publish.handouts import paper_page

    page = (REPORT_DIR / "00_primer.html").read_text(encoding="utf-8")
    assert "size: letter" in paper_page(page, "letter") and "size: A4" in paper_page(page)
    assert "<script" not in paper_page(page)
