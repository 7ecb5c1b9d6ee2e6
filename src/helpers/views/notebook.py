"""The one-line setup every notebook runs first."""

from __future__ import annotations

import pandas as pd

from helpers.views import theme as charts


def setup() -> None:
    """Switch on the chart theme and renderer and make tables readable in notebooks and reports."""
    charts.enable()
    pd.set_option("display.max_colwidth", 120)
    pd.set_option("display.max_rows", 40)
    pd.set_option("display.width", 120)
    # large amounts in full (15,000,000,000 rather than 1.5e+10); small ones to 6 significant digits
    pd.set_option("display.float_format", lambda v: f"{v:,.0f}" if abs(v) >= 1e5 else f"{v:,.6g}")
