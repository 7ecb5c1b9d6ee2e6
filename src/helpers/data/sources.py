"""Source lines for charts and tables: which publishers back the numbers shown, and how well."""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from helpers.data.datasets import load_table

#: Source grades, best first (data/sources.manifest.json): used wherever sources compete.
GRADE_RANK = {"primary": 0, "secondary": 1, "low": 2}


def source_line(source_ids: Iterable[str], dataset: str) -> str:
    """'data/chips.csv — Tom's Hardware; AnandTech; … (12 sources, 3 low-grade)' for a chart caption."""
    sources = load_table("sources").set_index("source_id")
    ids = sorted(set(source_ids))
    rows = sources.loc[ids]
    publishers = sorted({p.split(" (")[0] for p in rows["publisher"]})
    low = int((rows["grade"] == "low").sum())
    shown = "; ".join(publishers[:6]) + ("; …" if len(publishers) > 6 else "")
    return f"data/{dataset}.csv ({len(ids)} sources, {low} graded low): {shown}"


def with_sources(df: pd.DataFrame, columns: tuple[str, ...] = ("publisher", "grade", "url")) -> pd.DataFrame:
    """Join publisher, grade and URL onto any table with a ``source_id`` column."""
    sources = load_table("sources")[["source_id", *columns]]
    return df.merge(sources, on="source_id", how="left")
