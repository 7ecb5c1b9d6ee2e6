"""The article's checkable figures against the sourced tables."""

from __future__ import annotations

import pandas as pd

from helpers.data.facts import ARTICLE_DATE, AS_OF
from helpers.models.negotiation import (
    add_days,
    days_left,
    headline_steps,
    peak,
    windows_covering,
)


def article_checks(tariffs: pd.DataFrame, windows: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """The article's 'plus de 100%' and '90 jours' against the sourced tables."""
    steps = headline_steps(tariffs, until=AS_OF)
    us_date, us_peak = peak(steps, "US")
    cn_date, cn_peak = peak(steps, "CN")
    over = figures[figures["qualifier"] == "more_than"].iloc[0]
    days = figures[figures["unit"] == "day"].iloc[0]
    cover = windows_covering(ARTICLE_DATE, windows).iloc[0]
    length = days_left(cover["start"], cover["end"])
    end = add_days(ARTICLE_DATE, int(days["value"]))
    return pd.DataFrame([
        {"article_says": over["surface"], "data_show": f"April 2025 peaks: US {us_peak:.0f}% ({us_date}), "
                                                     f"China {cn_peak:.0f}% ({cn_date})",
         "consistent": bool(us_peak > over["value"] and cn_peak > over["value"]),
         "sources": "data/tariffs.csv"},
        {"article_says": days["surface"], "data_show": f"{cover['name']}: {cover['start']} to {cover['end']} "
                                                      f"= {length} days; article date + {int(days['value'])} days = {end}",
         "consistent": bool(length == days["value"] and end.isoformat() == cover["end"]),
         "sources": f"data/windows.csv ({cover['source_id']})"},
    ])
