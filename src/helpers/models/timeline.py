"""Timelines: which side each actor stands on, and the points in time the article names."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from helpers.data.datasets import load_table
from helpers.text.article import Article
from helpers.text.tables import ArticleTables

#: Which side each actor of data/events.csv stands on (tested to cover every actor in the table).
ACTOR_GROUPS = {
    "United States": ["6 Democratic senators", "BIS", "Donald Trump", "Lutnick", "Rep. Krishnamoorthi (D)",
                      "Rep. Moolenaar (R)", "Reps. Meeks and Krishnamoorthi (D)", "Trump", "US", "US Commerce",
                      "US Commerce (BIS)", "US Supreme Court", "US admin", "US government", "US official",
                      "White House"],
    "China": ["ByteDance, Alibaba, Tencent", "CAC", "CN", "CN customs", "CN regulators", "CN state media", "Chinese buyers",
              "Chinese market", "Cyberspace Administration of China", "MIIT (via FT)", "MOFCOM", "MOFCOM/GAC"],
    "Both sides": ["Trump/Xi", "US/CN"],
    "Nvidia": ["Jensen Huang", "Nvidia", "Nvidia CFO", "Nvidia distributors (China)"],
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


def actor_events(actors: pd.DataFrame | None = None, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every link between an actor of data/actors.csv and an event of data/events.csv.

    An actor *acts* in an event when the event's ``actor`` value is one of its ``event_actors``; it is
    *named* when one of its ``mentions`` appears as a whole word in the event's text. One row per
    actor and event: actor_id, event_id, date, event, source_id, link ("acts" or "named").
    """
    actors = load_table("actors") if actors is None else actors
    events = load_table("events") if events is None else events
    rows = []
    for a in actors.itertuples():
        acting = set(str(a.event_actors).split(";")) if isinstance(a.event_actors, str) else set()
        names = [m for m in str(a.mentions).split(";") if m] if isinstance(a.mentions, str) else []
        pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b") if names else None
        for e in events.itertuples():
            link = "acts" if e.actor in acting else ("named" if pattern and pattern.search(e.event) else None)
            if link:
                rows.append({"actor_id": a.actor_id, "event_id": e.event_id, "date": e.date, "event": e.event,
                             "source_id": e.source_id, "link": link})
    return pd.DataFrame(rows, columns=["actor_id", "event_id", "date", "event", "source_id", "link"])


def whos_who(actors: pd.DataFrame | None = None, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per actor: name, side, role, and how many events it acts in or is named in."""
    actors = load_table("actors") if actors is None else actors
    links = actor_events(actors, events)
    counts = links.pivot_table(index="actor_id", columns="link", values="event_id", aggfunc="count", fill_value=0)
    counts = counts.reindex(columns=["acts", "named"], fill_value=0)
    out = actors[["actor_id", "name", "side", "kind", "role_en"]].merge(counts, left_on="actor_id", right_index=True,
                                                                         how="left")
    return out.fillna({"acts": 0, "named": 0}).astype({"acts": int, "named": int})
