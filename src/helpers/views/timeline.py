"""The timeline chart of sourced events, shared by notebooks 00, 02 and 03.

Key events (a ``key_label`` in data/events.csv) are named on the chart, staggered so labels do
not collide; the rest are unlabelled dots whose tooltips give the event and its source.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers.data.sources import source_line
from helpers.models.timeline import actor_group
from helpers.views.theme import ACTOR_COLORS, finish, plot_date


def timeline_chart(events: pd.DataFrame, start: str, end: str, article_date: str, *, title: str,
                   subtitle: str, width: int = 620, step: int = 44) -> alt.LayerChart:
    """Events between two dates as dots by actor, key events named, the article's publication date marked."""
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
    # the article's label sits at the foot of its line, clear of the key-event labels above the lanes
    marker = rule.mark_rule(color="#222", strokeDash=[4, 3]) + rule.mark_text(
        align="left", dx=4, fontSize=11, fontWeight="bold", baseline="bottom").encode(
        text="label", y=alt.value(step * len(domain) - 2))
    key = d[d["key_label"].notna()].sort_values("when").copy() if "key_label" in d else d.iloc[0:0]
    # alternate labels above and below their dot, two rows each way, so neighbours in time do not collide
    key["dy"] = [(-14, 18, -26, 30)[i % 4] for i in range(len(key))]
    layers = dots + marker
    for dy, part in key.groupby("dy"):
        layers += alt.Chart(part).mark_text(fontSize=10, dy=int(dy), color="#222").encode(
            x="when:T", y=alt.Y("who:N", sort=domain), text="key_label:N")
    named = ", ".join(key["key_label"])
    return finish(
        layers.properties(width=width, height=alt.Step(step)),
        title=title, subtitle=subtitle,
        description=f"Timeline of {len(d)} sourced events from {start} to {end} by actor, with the article's date "
                    f"marked" + (f"; labelled: {named}." if named else "."),
        source=source_line(d["source_id"], "events"),
    )
