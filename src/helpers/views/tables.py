"""One reader table for the whole collection: how every DataFrame looks in JupyterLab, the report,
the slides and the handouts.

:func:`reader_html` writes a plain HTML table: no pandas index (a *named* index becomes the first
column), text left and numbers right, headers and coded values through the label catalogue
(:mod:`helpers.views.labels`), nothing cut short (cells wrap), no "nan" (a dash), no True/False
(yes/no), no "rows × columns" footer. :func:`helpers.views.notebook.setup` makes it the HTML form
of every DataFrame, so notebooks need no call of their own.

Notebook 01 teaches the tables as the code stores them: :func:`schema` shows one that way, column
names and codes in code type, under a line that says so.
"""

from __future__ import annotations

import html
import math
import re

import pandas as pd

from helpers.views.i18n import local_number, translate
from helpers.views.labels import code_label, column_label
from helpers.views.readable import number

#: A cell that reads as a number (right-aligned): 1,250,000 · 6.8 (0.6–13.7) · 64% · $7,250 · 0.4–0.768* · –
_NUMERIC = re.compile(r"^[-+−$]?\d[\d,.]*(\s?%|\*)?(\s?[–-]\s?\$?\d[\d,.]*(\s?%|\*)?)?(\s\(\d[\d,.]*[–-]\d[\d,.]*%?\))?$|^–$")


def cell_text(value: object, *, codes: bool = True) -> str:
    """A value as a reader reads it: numbers as people write them, yes/no, a dash for missing, codes as words
    (``codes=False`` keeps a code as it is stored)."""
    if value is None or value is pd.NA or value is pd.NaT:
        return "–"
    if isinstance(value, bool):
        return translate("yes" if value else "no")
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalar
        value = value.item()
        if isinstance(value, bool):
            return translate("yes" if value else "no")
    if isinstance(value, float):
        return "–" if math.isnan(value) else local_number(f"{value:,.0f}" if value.is_integer() and abs(value) >= 1000
                                                          else number(value))
    if isinstance(value, int):
        return local_number(f"{value:,}")
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    text = str(translate(code_label(value)) if codes and code_label(value) != value else value)
    return "–" if text in ("nan", "None", "<NA>", "") else text


def _is_numeric_column(values: list[str], dtype: object) -> bool:
    if pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype):
        return True
    shown = [v for v in values if v != "–"]
    return bool(shown) and all(_NUMERIC.match(v) for v in shown)


def _frame(df: pd.DataFrame) -> pd.DataFrame:
    """The table to show: a named index (or a non-default one) becomes the first column."""
    if df.index.name is not None or not isinstance(df.index, pd.RangeIndex):
        if isinstance(df.index, pd.MultiIndex) or df.index.name is not None:
            return df.reset_index()
        if not (df.index.dtype.kind in "iu"):  # labels such as chip names: a real first column
            return df.reset_index(names=[""])
    return df.reset_index(drop=True)


_CODE = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)+$")
_ALIGN = {True: ' class="num" style="text-align:right"', False: ' class="text" style="text-align:left"'}


def _raw(value: object) -> str:
    """A raw-schema cell: a code in code type, anything else as a reader reads it."""
    text = cell_text(value, codes=False)
    return f"<code>{html.escape(text)}</code>" if _CODE.match(text) else html.escape(text)


def reader_html(df: pd.DataFrame, caption: str | None = None, *, raw: bool = False) -> str:
    """``df`` as the collection's reader table (see the module docstring); ``raw`` keeps names and codes."""
    shown = _frame(df)
    cols = list(shown.columns)
    # a cell's words in the edition's language (helpers.views.i18n; English is unchanged)
    cells = {c: [_raw(v) if raw else html.escape(translate(cell_text(v))) for v in shown[c].tolist()] for c in cols}
    numeric = {c: _is_numeric_column(cells[c], shown[c].dtype) for c in cols}
    head = "".join(
        f'<th scope="col"{_ALIGN[numeric[c]]}>'
        f'{f"<code>{html.escape(str(c))}</code>" if raw else html.escape(translate(column_label(c)))}</th>' for c in cols)
    body = "".join(
        "<tr>" + "".join(f'<td{_ALIGN[numeric[c]]}>{cells[c][i]}</td>' for c in cols) + "</tr>"
        for i in range(len(shown)))
    cap = f"<caption>{html.escape(translate(caption))}</caption>" if caption else ""
    return (f'<table class="h20-table{" h20-raw" if raw else ""}">{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{body}</tbody></table>")


class Schema:
    """A table shown as the code stores it (notebook 01's lesson), labelled as such."""

    def __init__(self, df: pd.DataFrame, what: str = "the table as the code stores it: column names and codes "
                                                     "as you would type them"):
        self.df, self.what = df, what

    def _repr_html_(self) -> str:
        return reader_html(self.df, caption=f"Raw schema: {self.what}", raw=True)

    def __repr__(self) -> str:
        return self.df.to_string(index=False)


def schema(df: pd.DataFrame, what: str | None = None) -> Schema:
    """Show ``df`` with its column names and codes unchanged, captioned as a raw schema."""
    return Schema(df) if what is None else Schema(df, what)
