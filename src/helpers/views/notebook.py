"""The one-line setup every notebook runs first."""

from __future__ import annotations

import html

import pandas as pd

from helpers.views import theme as charts
from helpers.views.i18n import N_, local_number, translate


def setup() -> None:
    """Switch on the chart theme and renderer and make tables readable in notebooks and reports; in a notebook of
    ``notebooks/fr/``, charts and tables in French (:mod:`helpers.views.i18n`)."""
    from pathlib import Path

    from helpers.views import i18n

    i18n.use(i18n.edition_of(Path.cwd()))
    charts.enable()
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.max_rows", 40)
    pd.set_option("display.width", 120)
    # large amounts in full (15,000,000,000 rather than 1.5e+10); small ones to 6 significant digits
    pd.set_option("display.float_format", lambda v: f"{v:,.0f}" if abs(v) >= 1e5 else f"{v:,.6g}")
    # every DataFrame's HTML form is the collection's reader table (no index, labels, nothing cut short)
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython ships with the runtime
        return
    shell = get_ipython()
    if shell is not None:
        from helpers.views.tables import reader_html

        shell.display_formatter.formatters["text/html"].for_type(pd.DataFrame, reader_html)


#: What a scaffold shows while its blank (``...``) is still there.
BLANK = N_("Fill in the blank (...) first, then run the cell again.")


class Note(str):
    """A short line of text to show as text: no quotes around it in JupyterLab or in the report."""

    def __repr__(self) -> str:
        return str(self)

    #: The class of the paragraph it is shown in.
    css = "h20-note-out"

    def _repr_html_(self) -> str:
        return f'<p class="{self.css}">{html.escape(self)}</p>'


class Verdict(Note):
    """A check's verdict (:mod:`helpers.publish.exercises`): it answers the reader at the keyboard, so paper
    leaves it out (the print stylesheet hides ``h20-verdict``)."""

    css = "h20-note-out h20-verdict"


def note(text: str) -> Note:
    """Show ``text`` as a line of prose rather than as a Python string."""
    return Note(text)


def as_text(value: object) -> str:
    """A value as people write it: whole numbers without '.0', numpy scalars as plain numbers, yes/no for booleans."""
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    if isinstance(value, bool):
        return translate("yes" if value else "no")
    if isinstance(value, float):
        return local_number(f"{value:,.0f}" if value.is_integer() else f"{value:,.4g}")
    if isinstance(value, int):
        return local_number(f"{value:,}")
    return str(value)
