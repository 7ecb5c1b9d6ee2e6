"""The timeline chart of sourced events, shared by notebooks 02 and 03."""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers.data.sources import source_line
from helpers.models.timeline import actor_group
from helpers.views.theme import ACTOR_COLORS, finish, plot_date


def timeline_chart(events: pd.DataFrame, start: str, end: str, article_date: str, *, title: str,
                   subtitle: str) -> alt.LayerChart:
    """Events between two dates as dots by actor, with the article's publication date marked."""
    d = events[(events["date"] >= start) & (events["date"] <= end)].copy()
    d["when"] = plot_date(d["date"])
    d["who"] = d["actor"].map(actor_group)
    domain = [k for k in ACTOR_COLORS if k in set(d["who"])]
    base = alt.Chart(d).encode(
        x=alt.X("when:T", title="Date", axis=alt.Axis(format="%d %b %Y", labelAngle=0)),
        y=alt.Y("who:N", title=None, sort=domain),
    )
    dots = base.mark_circle(size=110, opacity=0.85).encode(
        color=alt.Color("who:N", scale=alt.Scale(domain=domain, range=[ACTOR_COLORS[k] for k in domain]), legend=None),
        tooltip=["date", "actor", "topic", "event", "source_id"])
    rule = alt.Chart(pd.DataFrame({"when": [article_date], "label": ["the article"]})).encode(x="when:T")
    marker = rule.mark_rule(color="#222", strokeDash=[4, 3]) + rule.mark_text(
        align="left", dx=4, dy=-6, fontSize=11, baseline="top").encode(text="label", y=alt.value(0))
    return finish(
        (dots + marker).properties(width=620, height=alt.Step(44)),
        title=title, subtitle=subtitle,
        description=f"Timeline of {len(d)} sourced events from {start} to {end} by actor, with the article's date marked.",
        source=source_line(d["source_id"], "events"),
    )
