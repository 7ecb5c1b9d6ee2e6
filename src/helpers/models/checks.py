"""The article's checkable figures against the sourced tables."""

from __future__ import annotations

import pandas as pd

from helpers.data.facts import ARTICLE_DATE, AS_OF
from helpers.models.negotiation import (
    add_days,
    days_left,
    headline_steps,
    peak,
    rate_on,
    snap_back,
    windows_covering,
)


def article_checks(tariffs: pd.DataFrame, windows: pd.DataFrame, figures: pd.DataFrame) -> pd.DataFrame:
    """The article's tariff sentence against the sourced tables, one checkable claim per row.

    The sentence (s7) says the 90-day postponement put off the threat of a *return* to the increases
    of more than 100% decided in April. Three claims: the April rates passed 100% (true); a lapse of
    the truce would have brought them back (false: the April increments were removed in Geneva, only
    the suspended points would return); the postponement ran 90 days (true).
    """
    steps = headline_steps(tariffs, until=AS_OF)
    us_date, us_peak = peak(steps, "US")
    cn_date, cn_peak = peak(steps, "CN")
    over = figures[figures["qualifier"] == "more_than"].iloc[0]
    days = figures[figures["unit"] == "day"].iloc[0]
    cover = windows_covering(ARTICLE_DATE, windows).iloc[0]
    length = days_left(cover["start"], cover["end"])
    end = add_days(ARTICLE_DATE, int(days["value"]))
    us_back = snap_back(steps, windows, "US", ARTICLE_DATE)
    cn_back = snap_back(steps, windows, "CN", ARTICLE_DATE)
    us_now, cn_now = rate_on(steps, "US", ARTICLE_DATE), rate_on(steps, "CN", ARTICLE_DATE)
    return pd.DataFrame([
        {"article_says": over["surface"], "claim": "the April 2025 increases passed 100%",
         "data_show": f"April 2025 peaks: US {us_peak:.0f}% ({us_date}), China {cn_peak:.0f}% ({cn_date})",
         "consistent": bool(us_peak > over["value"] and cn_peak > over["value"]),
         "sources": "data/tariffs.csv"},
        {"article_says": over["surface"], "claim": "a lapse of the truce would bring back tariffs above 100%",
         "data_show": f"had it lapsed on {ARTICLE_DATE}: US {us_back:.0f}% ({us_now:.0f}% in force + "
                      f"{us_back - us_now:.0f} suspended points), China {cn_back:.0f}% ({cn_now:.0f}% + "
                      f"{cn_back - cn_now:.0f})",
         "consistent": bool(us_back > over["value"] and cn_back > over["value"]),
         "sources": f"data/tariffs.csv; data/windows.csv ({cover['source_id']})"},
        {"article_says": days["surface"], "claim": "the postponement runs 90 days",
         "data_show": f"{cover['name']}: {cover['start']} to {cover['end']} "
                      f"= {length} days; article date + {int(days['value'])} days = {end}",
         "consistent": bool(length == days["value"] and end.isoformat() == cover["end"]),
         "sources": f"data/windows.csv ({cover['source_id']})"},
    ])
