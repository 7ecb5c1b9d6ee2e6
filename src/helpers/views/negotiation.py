"""Tables and charts for notebook 03 (the negotiation window)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers.data.facts import ARTICLE_DATE, AS_OF
from helpers.data.sources import source_line, with_sources
from helpers.models.negotiation import (
    LEVY_INPUTS,
    REPORTED_BASIS,
    days_left,
    headline_steps,
    lapse_levels,
    peak,
    rate_on,
    windows_covering,
)
from helpers.views.theme import ACTOR_COLORS, dumbbell, finish, plot_date

_SIDE = {"US": "United States on Chinese goods", "CN": "China on US goods"}


def tariff_ladder_chart(tariffs: pd.DataFrame, windows: pd.DataFrame, events: pd.DataFrame) -> alt.LayerChart:
    """Both sides' headline additional tariffs as steps, truce windows shaded, chip and rare-earth events marked."""
    steps = headline_steps(tariffs, until=AS_OF).assign(side=lambda d: d["imposer"].map(_SIDE))
    us_date, us_peak = peak(steps, "US")
    cn_date, cn_peak = peak(steps, "CN")
    now_us = rate_on(steps, "US", ARTICLE_DATE)
    x = alt.X("date:T", title="Date", axis=alt.Axis(format="%b %Y"), scale=alt.Scale(domain=["2025-01-01", AS_OF]))
    w = windows[windows["window_id"].isin(["geneva_90d", "aug_ext_90d", "busan_1y"])]
    shade = alt.Chart(w).mark_rect(opacity=0.15, color="#009E73").encode(
        x=alt.X("start:T", scale=alt.Scale(domain=["2025-01-01", AS_OF])), x2="end:T",
        tooltip=["name", "start", "end", "suspended", "source_id"])
    colors = [ACTOR_COLORS["United States"], ACTOR_COLORS["China"]]
    lines = alt.Chart(steps).mark_line(interpolate="step-after", strokeWidth=2.5).encode(
        x=x, y=alt.Y("rate_pct:Q", title="Headline additional tariff (percent)"),
        color=alt.Color("side:N", title="Tariff imposed by", scale=alt.Scale(domain=list(_SIDE.values()), range=colors)),
        tooltip=["date", "side", "rate_pct"])
    marks = events[events["topic"].isin(["chips", "rare_earths", "export_controls"]) & (events["date"] >= "2025-01")]
    marks = marks.assign(when=plot_date(marks["date"]),
                         kind=marks["topic"].map({"chips": "chip event", "export_controls": "chip event",
                                                  "rare_earths": "rare-earth event"}))
    ticks = alt.Chart(marks).mark_tick(thickness=2, size=14).encode(
        x="when:T", y=alt.value(335),
        color=alt.Color("kind:N", title="Events (bottom)", scale=alt.Scale(range=["#555555", "#CC79A7"])),
        tooltip=["date", "actor", "event", "source_id"])
    art = alt.Chart(pd.DataFrame({"date": [ARTICLE_DATE], "label": ["the article"]}))
    rule = art.mark_rule(strokeDash=[4, 3], color="#222").encode(x="date:T") + art.mark_text(
        align="left", dx=4, y=8, fontSize=11).encode(x="date:T", text="label")
    lapse = lapse_levels(steps, windows).assign(side=lambda d: d["imposer"].map(_SIDE))
    if_lapsed = alt.Chart(lapse).mark_rule(strokeDash=[6, 4], strokeWidth=2).encode(
        x="start:T", x2="end:T", y="rate_pct:Q",
        color=alt.Color("side:N", scale=alt.Scale(domain=list(_SIDE.values()), range=colors), legend=None),
        tooltip=["window_id", "side", alt.Tooltip("rate_pct:Q", title="if the truce had lapsed (%)"),
                 "in_force_pct", "suspended_pct", "source_id"])
    label = alt.Chart(lapse[lapse["window_id"] == "aug_ext_90d"]).mark_text(
        align="left", dx=4, dy=-8, fontSize=11).encode(x="start:T", y="rate_pct:Q", text=alt.value("if the truce had lapsed"))
    chart = (alt.layer(shade, lines, if_lapsed, label, ticks, rule).resolve_scale(color="independent")
             .properties(width=620, height=340))
    return finish(
        chart,
        title="Tariffs passed 100% in April 2025, but a lapsed truce would not have brought them back above 100%",
        subtitle=f"US peak {us_peak:.0f}%, China {cn_peak:.0f}%; on the article's date the US rate was {now_us:.0f}%. "
                 "Dashed: the level each side would have returned to had the truce lapsed; green: truce windows",
        description="Step chart of US and Chinese additional tariffs in 2025-2026 with truce windows shaded, dashed "
                    "lines at the level each side would have returned to had a truce lapsed (both well under 100% in "
                    "August 2025; exercise 03.4 reads the US one), chip and rare-earth events as ticks, and the article's "
                    "date marked.",
        source=source_line(list(tariffs["source_id"]) + list(w["source_id"]) + list(marks["source_id"]),
                           "tariffs, data/windows and data/events"),
    )


def clock_table(windows: pd.DataFrame, at: str = ARTICLE_DATE) -> pd.DataFrame:
    """Each window open on ``at`` and the days left in it."""
    w = windows_covering(at, windows).copy()
    w["days_left"] = [days_left(at, end) for end in w["end"]]
    return w[["name", "start", "end", "days_left", "suspended", "source_id"]]


def leverage_table(events: pd.DataFrame, at: str = ARTICLE_DATE) -> pd.DataFrame:
    """What each side held by ``at``: chip and export-control moves (US) and rare-earth controls (China)."""
    e = with_sources(events[(events["date"] <= at) & (events["date"] >= "2025-04")
                            & events["topic"].isin(["rare_earths", "export_controls"])])
    return e[["date", "actor", "topic", "event", "publisher", "grade"]].reset_index(drop=True)


def levy_chart(scenarios: pd.DataFrame, money: pd.DataFrame) -> alt.LayerChart:
    """The 15% levy in dollars on each sourced sales basis (low–high)."""
    d = pd.DataFrame({"basis": scenarios["basis"], "low": scenarios["levy_low_usd"] / 1e9,
                      "high": scenarios["levy_high_usd"] / 1e9})
    top = d["high"].max()
    actual = d.loc[d["basis"] == REPORTED_BASIS, "high"]
    return finish(
        dumbbell(d, "basis", x_title="US government take at 15% (billion USD)", step=34, width=480, label_limit=320),
        title=f"15% of the H20 sales once expected: up to ${top:.2f} bn; of the sales that happened: "
              f"${actual.iloc[0] * 1000:.0f} m at most" if len(actual) else f"Up to ${top:.1f} bn",
        subtitle="Our arithmetic on sourced sales estimates (data/money.csv); no payment has been found in any source",
        description="Dot plot of the 15 percent levy in billion dollars for four sourced sales bases, low and high.",
        source=source_line(money.loc[money["quantity"].isin(LEVY_INPUTS), "source_id"], "money"),
    )


def outcomes_table(outcomes: pd.DataFrame) -> pd.DataFrame:
    """The article's open questions, each piece of evidence with its publisher and grade."""
    o = with_sources(outcomes)
    return o[["question", "outcome_date", "outcome", "publisher", "grade"]].sort_values(
        ["question", "outcome_date"], kind="stable", ignore_index=True)
