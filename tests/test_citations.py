"""Citation markers in the prose: every marker resolves, every paragraph with a figure or a date
carries one (exemptions in helpers.publish.citations), and the report turns them into links."""

import nbformat
import pytest

from helpers.data.citations import CitationError, keys_in, resolve
from helpers.data.paths import ROOT
from helpers.publish.citations import states_a_number, uncited

NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def _markdown(path):
    return [c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "markdown"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_marker_resolves(path):
    for text in _markdown(path):
        for key in keys_in(text):
            resolve(key)  # raises CitationError naming the key


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_paragraph_with_a_figure_or_date_is_cited(path):
    assert uncited(nbformat.read(path, as_version=4)) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_paragraph_reads_as_tex(path):
    # two unescaped dollars in a paragraph turn the text between them into maths, in JupyterLab and
    # in the report (where it also swallows citation links): money is written \$ in our prose
    import re

    for text in _markdown(path):
        for para in re.split(r"\n\s*\n", text):
            assert len(re.findall(r"(?<!\\)\$", para)) < 2, para[:80]


def test_the_collection_cites_enough_to_check_its_prose():
    total = sum(len(keys_in(t)) for p in NOTEBOOKS for t in _markdown(p))
    assert total >= 100


def test_an_unknown_marker_is_a_clear_error():
    with pytest.raises(CitationError, match=r"\[\^nobody-said-so\] names no source"):
        resolve("nobody-said-so")


@pytest.mark.parametrize("text,expected", [
    ("Tariffs reached 145% in April 2025.", True),
    ("The H20 and the Ascend 910C use HBM; see event e035 and exercise 03.4.", False),
    ("Section 232 and Section 301 duties are left out.", False),
    ("Data as of 29 November 2026.", False),
    ("It was 54% (`rate_on(3)`), see [02 · The controversy](02_x.ipynb).", True),
])
def test_what_counts_as_stating_a_number(text, expected):
    assert states_a_number(text) is expected
