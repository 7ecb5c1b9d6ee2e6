"""The timeline chart of sourced events, shared by notebooks 00, 02 and 03.

Key events (a ``key_label`` in data/events.csv) carry a number on the chart and are named in a
numbered key printed under it, so labels never collide and a printed timeline can be read without
hovering; the rest are unlabelled dots whose tooltips give the event and its source.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers.data.sources import source_line
from helpers.models.timeline import actor_group
from helpers.views.i18n import translate
from helpers.views.theme import ACTOR_COLORS, finish, plot_date


#: The type size of the key under a timeline, in pixels.
KEY_FONT = 11


def _as_written(date: str) -> str:
    """'2025-04-09' -> '9 Apr 2025'; a month-precision '2025-07' -> 'Jul 2025' (no day is invented)."""
    when = pd.to_datetime(date if len(date) == 10 else f"{date[:7]}-01", errors="coerce")
    if pd.isna(when):
        return date
    return f"{when.day} {when:%b %Y}" if len(date) == 10 else f"{when:%b %Y}"


def timeline_chart(events: pd.DataFrame, start: str, end: str, article_date: str, *, title: str,
                   subtitle: str, width: int = 620, step: int = 44) -> alt.VConcatChart | alt.LayerChart:
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
        tooltip=[alt.Tooltip("date:N", title="Date"), alt.Tooltip("actor:N", title="Actor"),
                 alt.Tooltip("event:N", title="Event"), alt.Tooltip("source_id:N", title="Source")])
    rule = alt.Chart(pd.DataFrame({"when": [article_date], "label": ["the article"]})).encode(x="when:T")
    # the article's label sits at the foot of its line, clear of the key-event labels above the lanes
    marker = rule.mark_rule(color="#222", strokeDash=[4, 3]) + rule.mark_text(
        align="left", dx=4, fontSize=11, fontWeight="bold", baseline="bottom").encode(
        text="label", y=alt.value(step * len(domain) - 2))
    key = d[d["key_label"].notna()].sort_values(["when", "event_id"]).copy() if "key_label" in d else d.iloc[0:0]
    key["n"] = [str(i) for i in range(1, len(key) + 1)]
    # the number sits just above its dot; a second event on the same lane within a few weeks goes below
    gap = pd.to_datetime(key["when"], errors="coerce").groupby(key["who"]).diff().dt.days.fillna(999)
    key["dy"] = [-13 if g > 21 else 16 for g in gap]
    layers = dots + marker
    for dy, part in key.groupby("dy"):
        layers += alt.Chart(part).mark_text(fontSize=11, fontWeight="bold", dy=int(dy), color="#222").encode(
            x="when:T", y=alt.Y("who:N", sort=domain), text="n:N")
    named = ", ".join(key["key_label"])
    chart = layers.properties(width=width, height=alt.Step(step))
    if len(key):
        # the key, in two columns read down, with each event's date: what the numbers on the chart stand for
        rows = -(-len(key) // 2)
        key["line"] = [f"{n} · {_as_written(w)} · {label}"
                       for n, w, label in zip(key["n"], key["date"], key["key_label"], strict=True)]
        key["col"] = [i // rows for i in range(len(key))]
        key["row"] = [i % rows for i in range(len(key))]
        # the second column starts after the first one's longest line (in the edition's words), as an offset
        # of the text itself: a slide or a page that enlarges the type moves the column with it
        offset = round(max(len(translate(t)) for t in key.loc[key["col"] == 0, "line"]) * KEY_FONT * 0.52 + 2 * KEY_FONT)
        legend = alt.layer(*[alt.Chart(key[key["col"] == c]).mark_text(
            align="left", fontSize=KEY_FONT, color="#222", dx=offset * c).encode(
            x=alt.value(0), y=alt.Y("row:O", axis=None), text="line:N") for c in (0, 1)]
        ).properties(width=width, height=alt.Step(16))
        chart = alt.vconcat(chart, legend, spacing=8)
    return finish(
        chart,
        title=title, subtitle=subtitle,
        description=f"Timeline of {len(d)} sourced events from {start} to {end} by actor, with the article's date "
                    f"marked" + (f"; labelled: {named}." if named else "."),
        source=source_line(d["source_id"], "events"),
    )
