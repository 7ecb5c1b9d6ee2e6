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
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    require_browser()
    report = build(REPORT_DIR)
    before = tree_digest(report)
    pdfs = build_handouts(report, tmp_path_factory.mktemp("handouts") / "handouts", progress=None)
    # printing leaves the report exactly as the build wrote it (make test after make handouts stays green)
    assert tree_digest(report) == before and not list(report.parent.glob(f".{report.name}-*"))
    return pdfs


def test_one_pdf_per_notebook_page_with_its_headings(handouts):
    from pypdf import PdfReader

    infos = discover()
    assert [p.stem for p in handouts] == [i.name for i in infos]
    for info, path in zip(infos, handouts, strict=True):
        pdf = PdfReader(path)
        text = _plain(" ".join(page.extract_text() for page in pdf.pages))
        nb = nbformat.read(info.path, as_version=4)
        headings = [_plain(re.sub(r"[*`]", "", h)) for c in nb.cells if c.cell_type == "markdown"
                    for h in re.findall(r"^#{1,2} (.+)$", c.source, re.M) if "notes" not in c.metadata.get("tags", [])]
        missing = [h for h in headings if h not in text]
        assert not missing, (path.name, missing)
        assert "Show solution" not in text and "Show code" not in text, path.name
        code = [line for c in nb.cells if c.cell_type == "code" for line in c.source.splitlines() if len(line) > 30]
        assert not [line for line in code if _plain(line) in text], path.name
        for solution in solution_texts(nb):
            lines = [_plain(line) for line in solution.splitlines() if len(line.strip()) > 40]
            assert not [line for line in lines if line in text], path.name
        assert sum(len(page.images) for page in pdf.pages) == 0, f"{path.name}: a chart was printed as an image"
