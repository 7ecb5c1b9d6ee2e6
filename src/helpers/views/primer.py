"""Views for notebook 00 (the primer): the glossary of concepts and the who's who chart."""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers.data.datasets import load_table
from helpers.data.sources import source_line
from helpers.models.timeline import actor_events, whos_who
from helpers.views.theme import ACTOR_COLORS, finish, plot_date

#: Side colours, the theme's own: firms take Nvidia's green, the firm at the centre of the story.
SIDE_COLORS = {"United States": ACTOR_COLORS["United States"], "China": ACTOR_COLORS["China"],
               "Firms": ACTOR_COLORS["Nvidia"]}


def glossary_table() -> pd.DataFrame:
    """The glossary's concepts (rows with a definition) as a reader sees them."""
    g = load_table("glossary_fr_en")
    g = g[g["definition_en"].notna()]
    return pd.DataFrame({"Term": g["term_en"], "In French": g["term_fr"], "What it means": g["definition_en"],
                         "First matters in": "notebook " + g["first_notebook"]}).reset_index(drop=True)


def whos_who_table() -> pd.DataFrame:
    """Actors with their side, role and number of events, as a reader sees them."""
    w = whos_who()
    return pd.DataFrame({"Actor": w["name"], "Side": w["side"], "Role": w["role_en"],
                         "Acts in (events)": w["acts"], "Named in (events)": w["named"]})


def whos_who_chart() -> alt.HConcatChart:
    """Actors by side, each with its role, and its events in time: filled when it acts, hollow when named."""
    w = whos_who()
    order = list(w.sort_values("side", key=lambda s: s.map(list(SIDE_COLORS).index), kind="stable")["name"])
    links = actor_events().merge(w[["actor_id", "name", "side"]], on="actor_id")
    links["when"] = plot_date(links["date"])
    colors = alt.Scale(domain=list(SIDE_COLORS), range=list(SIDE_COLORS.values()))
    # one explicit domain for both panels, so actors without events keep their row and rows line up
    rows = alt.Scale(domain=order)
    y = alt.Y("name:N", scale=rows, title=None, axis=alt.Axis(labelLimit=220, labelFontSize=11))
    roles = alt.Chart(w).mark_text(align="left", fontSize=10.5, x=0).encode(
        y=alt.Y("name:N", scale=rows, title=None, axis=None), text="role_en:N",
        color=alt.Color("side:N", scale=colors, legend=None)).properties(width=430, height=alt.Step(24))
    dots = alt.Chart(links).mark_point(size=70, strokeWidth=1.8).encode(
        x=alt.X("when:T", title="Date of the event", axis=alt.Axis(format="%Y", tickCount="year")),
        y=y,
        color=alt.Color("side:N", scale=colors, title="Side"),
        fill=alt.condition(alt.datum.link == "acts", alt.Color("side:N", scale=colors, legend=None),
                           alt.value("white")),
        shape=alt.Shape("link:N", title="In the event", scale=alt.Scale(domain=["acts", "named"],
                                                                          range=["circle", "diamond"])),
        tooltip=["name", "date", "link", "event", "source_id"],
    ).properties(width=360, height=alt.Step(24))
    silent = [n for n, a, m in zip(w["name"], w["acts"], w["named"], strict=True) if a + m == 0]
    busiest = w.sort_values("acts", ascending=False).iloc[0]
    return finish(
        alt.hconcat(dots, roles, spacing=12),
        title=f"{len(w)} actors on three sides; the {busiest['name']} acts in the most events ({busiest['acts']})",
        subtitle="Each row: an actor, its events in time (filled: it acts; hollow diamond: it is named) and its role. "
                 + (f"No event in our table for: {', '.join(silent)}." if silent else ""),
        description=f"Who's who of the H20 story: {len(w)} actors grouped as United States, China and firms, each "
                    "with a one-line role and its events from 2022 to 2026 as dots on a time axis.",
        source="data/actors.csv (roles, our words, with the rows they rest on) and "
               + source_line(links["source_id"], "events"),
    )
