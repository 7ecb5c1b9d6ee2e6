"""Timelines: which side each actor stands on, and the points in time the article names."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from helpers.text.article import Article
from helpers.text.tables import ArticleTables

#: Which side each actor of data/events.csv stands on (tested to cover every actor in the table).
ACTOR_GROUPS = {
    "United States": ["6 Democratic senators", "BIS", "Donald Trump", "Lutnick", "Trump", "US", "US Commerce",
                      "US Commerce (BIS)", "US Supreme Court", "US admin", "US government", "US official",
                      "White House"],
    "China": ["ByteDance, Alibaba, Tencent", "CAC", "CN", "CN customs", "CN regulators", "Chinese buyers",
              "Chinese market", "Cyberspace Administration of China", "MIIT (via FT)", "MOFCOM", "MOFCOM/GAC"],
    "Both sides": ["Trump/Xi", "US/CN"],
    "Nvidia": ["Nvidia", "Nvidia CFO", "Nvidia distributors (China)"],
    "AMD": ["AMD"],
}
_GROUP_OF = {actor: group for group, actors in ACTOR_GROUPS.items() for actor in actors}


def actor_group(actor: str) -> str:
    """The side an actor stands on, for colouring timelines ('Other' if not listed)."""
    return _GROUP_OF.get(actor, "Other")


def timeline_table(article: Article, tables: ArticleTables) -> pd.DataFrame:
    """Points in time the article names, plus the publication date and the end of the 90-day window (derived)."""
    rows = [{"date": article.published.isoformat(), "label": "Publication", "basis": "date marker"}]
    for t in tables.time_expressions.itertuples():
        if t.kind in ("date", "month", "relative") and t.value[:4].isdigit() and "W" not in t.value:
            value = t.value if len(t.value) == 10 else f"{t.value}-01"
            rows.append({"date": value, "label": f"“{t.surface}”", "basis": f"s{t.sentence_id}[{t.start}:{t.end}]"})
        elif t.kind == "duration" and t.value.endswith("D"):
            end = article.published + dt.timedelta(days=int(t.value[1:-1]))
            rows.append({"date": end.isoformat(), "label": f"Publication + “{t.surface}” (derived)",
                         "basis": f"s{t.sentence_id}[{t.start}:{t.end}]"})
    return pd.DataFrame(rows).sort_values("date", ignore_index=True)
