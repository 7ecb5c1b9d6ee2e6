"""The committed notebooks: stored executed top to bottom, clean, with the house skeleton."""

import re

import nbformat
import pytest

from helpers.data.paths import notebook_paths
from helpers.publish.catalogue import discover

NOTEBOOKS = notebook_paths()
SKELETON = ("## Overview", "### Learning objectives", "## Prerequisites", "**Time to read:**", "## Exercises",
            "## Summary", "## What's next", "## Sources")


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_as_one_clean_run(path):
    nb = nbformat.read(path, as_version=4)
    counts = [c.execution_count for c in nb.cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1))
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", cell.source
            assert not (out.get("output_type") == "stream" and out.get("name") == "stderr"), cell.source


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_house_skeleton_and_short_code_cells(path):
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    for heading in SKELETON:
        assert heading in text, heading
    exercises = [c for c in nb.cells if "exercise" in c.metadata.get("tags", []) and c.cell_type == "markdown"]
    solutions = [c for c in nb.cells if "solution" in c.metadata.get("tags", [])]
    assert len(exercises) >= 3 and len(solutions) >= 3
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert "def " not in cell.source and "class " not in cell.source  # logic lives in src/helpers
            if not cell.source.startswith("from helpers.views.notebook import setup"):  # the one setup cell: imports
                assert len(cell.source.splitlines()) <= 12, cell.source


def test_every_notebook_has_a_finding_and_objectives():
    for info in discover():
        assert info.title and info.finding and info.time_to_read and len(info.objectives) >= 3


#: What a Python value looks like when it reaches a reader raw: a tuple, dict or list, a quoted string, a bare
#: boolean or number, a datetime, a pandas Series footer or a numpy scalar.
_RAW_REPR = re.compile(r"^\(|^\{|^\[|datetime\.|dtype:|Name: |np\.|array\(|^'.*'$|^(?:True|False)$|^-?\d+(?:\.\d+)?$",
                       re.S)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_raw_python_reprs_in_outputs(path):
    """Readers see tables, charts and sentences; a Python repr (a tuple, 'a string', True) is a leak."""
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "text/html" in data or "application/vnd.jupyter.widget-view+json" in data:
                continue
            text = (data.get("text/plain") or out.get("text", "")).strip()
            assert not (text and _RAW_REPR.search(text)), (cell.get("id"), text[:80])
