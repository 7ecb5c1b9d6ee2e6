"""The students' report (issue 22): what a class may be given, with nothing of the teacher's in it.

`make report AUDIENCE=student` builds it into build/student-report/. No solution text, no speaker
note, no answer verdict, no teacher guide (nor a link to one) may reach any of its pages or of the
notebooks it offers for download; the downloads are the student copies.
"""

from __future__ import annotations

import re
import unicodedata

import nbformat
import pytest

from helpers.data.paths import NOTEBOOKS_DIR, notebook_paths
from helpers.publish.build import build
from helpers.publish.catalogue import tags
from helpers.publish.teaching import solution_texts

pytestmark = pytest.mark.slow


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)
    return " ".join(unicodedata.normalize("NFKC", text).replace("&#39;", "'").replace("&quot;", '"').split())


@pytest.fixture(scope="module")
def student_site(tmp_path_factory):
    return build(tmp_path_factory.mktemp("student") / "student-report", audience="student")


def _teacher_lines() -> list[str]:
    """Distinctive lines of every solution and speaker-notes cell (long enough not to occur by chance)."""
    lines = []
    for path in [*notebook_paths(), *notebook_paths(NOTEBOOKS_DIR / "fr")]:  # the French solutions too
        nb = nbformat.read(path, as_version=4)
        texts = solution_texts(nb) + [c.source for c in nb.cells if "notes" in tags(c)]
        for text in texts:
            for line in text.splitlines():
                words = _plain(re.sub(r"\[\^[^\]]+\]", "", line.replace("**", "").replace("`", "")))
                if len(words) > 50:
                    lines.append(words[:120])
    return lines


def test_no_solution_or_note_reaches_a_student_page_or_download(student_site):
    lines = _teacher_lines()
    assert len(lines) > 30  # the check has something to find
    for page in [*student_site.glob("*.html"), *(student_site / "notebooks").glob("*.ipynb"),
                 *student_site.glob("fr/*.html"), *(student_site / "fr" / "notebooks").glob("*.ipynb")]:
        text = _plain(page.read_text(encoding="utf-8"))
        if page.suffix == ".ipynb":
            nb = nbformat.reads(page.read_text(encoding="utf-8"), as_version=4)
            assert not [c for c in nb.cells if tags(c) & {"solution", "notes"}], page.name
            text = _plain(" ".join(c.source for c in nb.cells))
        leaked = [line for line in lines if line in text]
        assert not leaked, (page.name, leaked[:2])
        for word in ("Show solution", "Speaker notes", "teacher-guide", "Teacher guide", "Correct:",
                     "Afficher la solution", "Notes de l'intervenant", "Guide de l'enseignant"):
            assert word not in text, (page.name, word)
    assert not (student_site / "teacher-guide.html").exists() and not (student_site / "teacher-guide.md").exists()


def test_the_teachers_report_still_has_its_solutions(student_site):
    """The check can fail: the same test on the teacher's report finds solutions."""
    teacher = build(student_site.parent / "report")
    text = _plain((teacher / "04_scenarios.html").read_text(encoding="utf-8"))
    assert "Show solution" in text and any(line in text for line in _teacher_lines())


def test_student_downloads_write_citations_as_publisher_and_date(student_site):
    nb = nbformat.read(student_site / "notebooks" / "04_scenarios.ipynb", as_version=4)
    text = " ".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "[^" not in text and ("(Reuters" in text or "(BusinessLIVE" in text)
