"""Every table a reader sees is the collection's reader table (issue 21): no pandas index, labels
rather than codes, nothing cut short, no nan, no True/False, no "rows × columns" footer.

Checked over every stored HTML output of every notebook (what the report, slides and handouts
show), and over the reader table itself with a table built to break each rule.
"""

from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

from helpers.data.paths import NOTEBOOKS_DIR, notebook_paths
from helpers.views.labels import CODES, COLUMNS, code_label, column_label
from helpers.views.tables import reader_html, schema

SNAKE = re.compile(r"\b[a-z0-9]+(?:_[a-z0-9]+)+\b")


def problems(table_html: str) -> list[str]:
    """What a reader should never see in a table (code type, where a raw schema is the lesson, is exempt)."""
    found = []
    if 'class="dataframe' in table_html or "rows ×" in table_html:
        found.append("a pandas table (index column, truncation, footer)")
    text = re.sub(r"<[^>]+>", " ", re.sub(r"<code>.*?</code>", " ", table_html, flags=re.S))
    found += [f"code {t!r}" for t in sorted(set(SNAKE.findall(text)))]
    found += [f"{w!r}" for w in ("nan", "NaN", "True", "False", "…", "...")
              if re.search(r"(?<![\w.-])" + re.escape(w) + r"(?![\w.-])", text)]
    found += ["'None' as a value" for _ in re.findall(r">\s*(?:None|<NA>|NaT)\s*<", table_html)][:1]
    return found


def _tables():
    for path in notebook_paths(NOTEBOOKS_DIR):
        for number, cell in enumerate(nbformat.read(path, as_version=4).cells):
            for out in cell.get("outputs", []):
                h = out.get("data", {}).get("text/html", "")
                if "<table" in h:
                    yield f"{path.stem} cell {number}", h


def test_there_are_tables_to_check():
    assert len(list(_tables())) >= 30


@pytest.mark.parametrize(("where", "table_html"), list(_tables()), ids=lambda x: x if " cell " in str(x) else "")
def test_every_stored_table_is_a_reader_table(where, table_html):
    assert problems(table_html) == [], where


def test_the_check_catches_each_kind_of_problem():
    df = pd.DataFrame({"claimant": ["cn_government", "unknown_code"], "hedged": [True, False],
                       "share": [0.5, float("nan")]})
    assert problems(df.to_html())  # pandas' own table: refused
    shown = reader_html(df)
    assert problems(shown) == ["code 'unknown_code'"]  # the known code became words; the unknown one is caught
    assert "Chinese government" in shown and "yes" in shown and "–" in shown


def test_a_named_index_becomes_a_column_and_a_default_one_disappears():
    df = pd.DataFrame({"value": [1.0, 2.0]}, index=pd.Index(["a", "b"], name="chip_id"))
    html = reader_html(df)
    assert ">Chip<" in html and ">a<" in html
    assert ">0<" not in reader_html(pd.DataFrame({"x": ["p", "q"]}))


def test_numbers_right_text_left_and_nothing_cut():
    long = "word " * 80
    html = reader_html(pd.DataFrame({"memory_gb": [96, 80], "note": [long, "short"]}))
    assert 'class="num" style="text-align:right">Memory (GB)' in html
    assert 'class="text" style="text-align:left">Note' in html
    assert long.strip() in html  # wrapped by the page, never cut


def test_a_raw_schema_is_labelled_and_keeps_its_codes_in_code_type():
    html = schema(pd.DataFrame({"sentence_id": ["s1"], "claimant": ["cn_government"]}))._repr_html_()
    assert "Raw schema" in html and "<code>sentence_id</code>" in html and "<code>cn_government</code>" in html
    assert problems(html) == []


def test_the_catalogue_names_every_code_in_words():
    for code, label in {**COLUMNS, **CODES}.items():
        assert label and not SNAKE.search(label), code
    assert column_label("die_area_mm2") == "Die area (mm²)" and code_label("q3_levy_paid").endswith("?")
