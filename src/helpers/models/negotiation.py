"""The negotiation clock: tariff step series, truce windows and levy arithmetic."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
import pandas as pd

from helpers.data.datasets import load_table
from helpers.data.facts import AS_OF
from helpers.data.sources import GRADE_RANK
from helpers.models.money import money_values

#: Layers applied to all of the other side's goods: they add up to the headline rate.
#: Product-specific layers (China's February and March 2025 answers to the fentanyl tariff)
#: hit a list of goods only, so adding them would overstate the headline; they are kept apart.
ACROSS_THE_BOARD = ("fentanyl", "reciprocal", "section_122_global", "retaliation_reciprocal")

#: Rows of data/money.csv the levy scenarios read.
LEVY_INPUTS = ("h20_china_revenue_2025_est_usd", "h20_orders_usd_2025", "h20_orders_units_2025",
               "h20_china_sales_units_2025_est", "h20_price_usd", "h20_revenue_china_q2_fy26_usd",
               "h20_revenue_q3_fy26_usd")

def _as_date(value: str | dt.date) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def resolve_layers(tariffs: pd.DataFrame, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """One rate per (date, imposer, layer): the best-graded source wins, then the later row.

    Two rows can share a date because a rate was overtaken before it applied (34% then 84%
    on 9 April 2025) or because sources conflict (Section 122 at 10% vs 15%); both cases
    resolve to the rate that applied according to the strongest source.
    """
    sources = load_table("sources") if sources is None else sources
    t = tariffs.reset_index(drop=True).merge(sources[["source_id", "grade"]], on="source_id", how="left")
    t["rank"] = t["grade"].map(GRADE_RANK)
    t["order"] = range(len(t))
    t = t.sort_values(["date", "imposer", "layer", "rank", "order"], ascending=[True, True, True, True, False])
    return t.drop_duplicates(["date", "imposer", "layer"], keep="first").drop(columns=["rank", "order"])


def headline_steps(tariffs: pd.DataFrame, sources: pd.DataFrame | None = None,
                   until: str = AS_OF) -> pd.DataFrame:
    """Step series of the headline additional tariff (sum of across-the-board layers) per imposer.

    Returns date, imposer, target, rate_pct, with one row per change and a final row at ``until``
    so a step chart runs to the right edge.
    """
    t = resolve_layers(tariffs, sources)
    t = t[t["layer"].isin(ACROSS_THE_BOARD)]
    rows = []
    for imposer, g in t.groupby("imposer", sort=True):
        current: dict[str, float] = {}
        for date, day in g.groupby("date", sort=True):
            for r in day.itertuples():
                current[r.layer] = float(r.rate_pct)
            rows.append({"date": date, "imposer": imposer, "target": day["target"].iloc[0],
                         "rate_pct": sum(current.values())})
        rows.append({"date": until, "imposer": imposer, "target": g["target"].iloc[0], "rate_pct": rows[-1]["rate_pct"]})
    return pd.DataFrame(rows)


def rate_on(steps: pd.DataFrame, imposer: str, date: str | dt.date) -> float:
    """Headline rate an imposer applied on a given date (0 before the first step)."""
    d = _as_date(date).isoformat()
    g = steps[(steps["imposer"] == imposer) & (steps["date"] <= d)]
    return float(g["rate_pct"].iloc[-1]) if len(g) else 0.0


def peak(steps: pd.DataFrame, imposer: str) -> tuple[str, float]:
    """(first date, rate) of an imposer's highest headline rate."""
    g = steps[steps["imposer"] == imposer]
    row = g.loc[g["rate_pct"].idxmax()]
    return str(row["date"]), float(row["rate_pct"])


#: Columns of data/windows.csv holding the points each side's truce suspended (they return on a lapse).
SUSPENDED_COLUMNS = {"US": "us_suspended_pct", "CN": "cn_suspended_pct"}


def snap_back(steps: pd.DataFrame, windows: pd.DataFrame, imposer: str, date: str | dt.date) -> float | None:
    """The headline rate ``imposer`` would have returned to had the tariff truce open on ``date`` lapsed.

    The rate in force plus the points the truce *suspended*. Points a truce *removed* (the April 2025
    increments to 125% and 145%) do not come back. None when no tariff truce covers ``date``.
    """
    column = SUSPENDED_COLUMNS[imposer]
    open_windows = windows_covering(date, windows)
    open_windows = open_windows[open_windows[column].notna()]
    if open_windows.empty:
        return None
    return rate_on(steps, imposer, date) + float(open_windows[column].iloc[0])


def lapse_levels(steps: pd.DataFrame, windows: pd.DataFrame) -> pd.DataFrame:
    """For each tariff truce and side: the snap-back level over the window (for an "if it had lapsed" line)."""
    rows = []
    for w in windows.itertuples():
        for imposer, column in SUSPENDED_COLUMNS.items():
            if pd.isna(getattr(w, column)):
                continue
            level = snap_back(steps, windows, imposer, w.start)
            rows.append({"window_id": w.window_id, "imposer": imposer, "start": w.start, "end": w.end,
                         "rate_pct": level, "in_force_pct": rate_on(steps, imposer, w.start),
                         "suspended_pct": float(getattr(w, column)), "source_id": w.source_id})
    return pd.DataFrame(rows)


def add_days(start: str | dt.date, days: int) -> dt.date:
    """Calendar arithmetic: ``start`` plus ``days`` days (publication date + 90 days)."""
    return _as_date(start) + dt.timedelta(days=days)


def days_left(at: str | dt.date, end: str | dt.date) -> int:
    """Whole days from ``at`` until ``end`` (negative once the window has closed)."""
    return (_as_date(end) - _as_date(at)).days


def windows_covering(date: str | dt.date, windows: pd.DataFrame) -> pd.DataFrame:
    """Windows with start <= date < end (a window ends on its expiry day)."""
    d = _as_date(date).isoformat()
    return windows[(windows["start"] <= d) & (windows["end"] > d)]


def levy(sales_usd: float | np.ndarray, rate_pct: float | np.ndarray) -> np.ndarray:
    """Government take on sales at a rate in percent (vectorised)."""
    sales = np.asarray(sales_usd, dtype=float)
    rate = np.asarray(rate_pct, dtype=float)
    if (sales < 0).any() or (rate < 0).any() or (rate > 100).any():
        raise ValueError("sales must be >= 0 and the rate within 0-100 percent")
    return sales * rate / 100


#: The basis of what was actually sold, named for exactly what its two figures cover: Nvidia reported no H20
#: sales to China for May-July 2025 (it sold about $650m to a customer outside China that quarter, which is left
#: out), and about $50m of H20 revenue from all buyers for August-October 2025 (China's share not reported).
REPORTED_BASIS = "H20 sales Nvidia reported: to China May–Jul 2025, to all buyers Aug–Oct 2025"


def levy_scenarios(money: pd.DataFrame, rates: Sequence[float] = (15.0,)) -> pd.DataFrame:
    """What each sourced sales basis would have paid at each rate, low and high.

    Bases: sourced 2025 revenue estimates; orders reported in early 2025; units × price; and
    what Nvidia actually reported selling to China after the deal.
    """
    def vals(quantity: str) -> list[float]:
        return money_values(quantity, money)

    units, price = vals("h20_orders_units_2025") + vals("h20_china_sales_units_2025_est"), vals("h20_price_usd")
    bases = {
        "analyst 2025 H20 revenue estimates": vals("h20_china_revenue_2025_est_usd"),
        "H20 orders reported in early 2025": vals("h20_orders_usd_2025"),
        "reported units × reported price": [min(units) * min(price), max(units) * max(price)] if units and price else [],
        REPORTED_BASIS: vals("h20_revenue_china_q2_fy26_usd") + vals("h20_revenue_q3_fy26_usd"),
    }
    rows = []
    for basis, v in bases.items():
        if not v:
            continue
        for rate in rates:
            rows.append({"basis": basis, "rate_pct": rate, "sales_low_usd": min(v), "sales_high_usd": max(v),
                         "levy_low_usd": float(levy(min(v), rate)), "levy_high_usd": float(levy(max(v), rate))})
    return pd.DataFrame(rows)
