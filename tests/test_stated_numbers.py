"""Prose and model cannot disagree: every number notebook 04 states from the model is read back here.

Each template of :data:`helpers.models.stated.STATEMENTS` is rendered with today's computed values
and must appear, word for word, in the notebook's Markdown (second fact audit: the prose said 47%
where the model's median was 64%).
"""

from __future__ import annotations

import re

import nbformat
import pytest

from helpers.data.paths import NOTEBOOKS_DIR
from helpers.models.stated import STATEMENTS, Statement, values


def _markdown(notebook: str) -> str:
    nb = nbformat.read(NOTEBOOKS_DIR / f"{notebook}.ipynb", as_version=4)
    # footnote markers may sit inside a stated phrase's sentence, never inside its numbers
    return "\n".join(re.sub(r"\[\^[^\]]+\]", "", c.source) for c in nb.cells if c.cell_type == "markdown")


@pytest.mark.parametrize("statement", STATEMENTS, ids=lambda s: s.template[:40])
def test_the_prose_states_what_the_model_computes(statement: Statement):
    text = statement.render()
    assert text in _markdown(statement.notebook), f"{statement.notebook} should say: {text}"


def test_every_value_is_used_and_every_blank_is_known():
    used = {name for s in STATEMENTS for name in re.findall(r"\{(\w+)\}", s.template)}
    assert used == set(values()), (set(values()) - used, used - set(values()))


def test_a_changed_number_is_caught():
    """The check can fail: a statement rendered with another value is not in the prose."""
    s = next(s for s in STATEMENTS if "{mult_low}" in s.template)
    wrong = s.template.format(**{**values(), "mult_low": "9.9"})
    assert wrong not in _markdown(s.notebook)
