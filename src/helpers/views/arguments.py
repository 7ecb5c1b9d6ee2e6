"""Views for notebook 05 (the arguments): each position's arguments with their evidence, and the
grade profile of the evidence as a chart."""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers.models.arguments import POSITIONS, both_parties, evidence, grade_profile
from helpers.views.i18n import _
from helpers.views.notebook import BLANK, Note, Verdict, note
from helpers.views.theme import finish

GRADE_COLORS = {"primary": "#0072B2", "secondary": "#56B4E9", "low": "#E69F00", "not found": "#666666"}


def arguments_table(position: str) -> pd.DataFrame:
    """A position's arguments as a reader sees them: the argument, then who backs it and how well."""
    e = evidence(position)
    # a missing key is NaN, which is truthy: test for a real one, or "nan (nan)" reaches the reader
    backed = e.assign(by=e.apply(lambda r: f"{r.publisher} ({r.grade})" if isinstance(r.key, str) and r.key
                                 else "not found in our sources", axis=1))
    out = backed.groupby("argument_id", sort=True).agg(Argument=("argument", "first"), Evidence=("by", "; ".join))
    return out.reset_index(drop=True)


def grade_chart() -> alt.Chart:
    """Evidence behind each position, by source grade, with the arguments our sources could not show."""
    g = grade_profile()
    long = g.melt(id_vars="position", value_vars=["primary", "secondary", "low", "not_found"],
                  var_name="grade", value_name="count")
    long["grade"] = long["grade"].str.replace("_", " ")
    long["label"] = long["position"].map(POSITIONS)
    order = list(POSITIONS.values())
    best = g.assign(share=g["primary"] / (g[["primary", "secondary", "low"]].sum(axis=1))).sort_values(
        "share", ascending=False).iloc[0]
    chart = alt.Chart(long).mark_bar().encode(
        y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=420)),
        x=alt.X("count:Q", title="Pieces of evidence (and arguments not found in our sources)"),
        color=alt.Color("grade:N", title="Source grade", scale=alt.Scale(domain=list(GRADE_COLORS),
                                                                            range=list(GRADE_COLORS.values())),
                        sort=list(GRADE_COLORS)),
        order=alt.Order("grade_order:Q"),
        tooltip=["label", "grade", "count"],
    ).transform_calculate(grade_order=f"indexof({list(GRADE_COLORS)}, datum.grade)").properties(
        width=420, height=alt.Step(30))
    return finish(
        chart,
        title=f"The case of '{POSITIONS[best['position']].split(' (')[0]}' rests most on primary documents",
        subtitle="Evidence per position in data/arguments.csv, by the grade of the page it was read at; grey: an "
                 "argument often made that our sources do not show",
        description="Stacked bars, one per position in the debate, counting the pieces of evidence by source grade "
                    "(primary, secondary, low) and the arguments not found in our sources.",
        source="data/arguments.csv, data/documents.csv, data/events.csv and data/sources.csv",
    )


def both_parties_note(date: object) -> Note:
    """"By 12 August 2025, lawmakers of both parties had objected: yes" (or the scaffold's blank message)."""
    if date is Ellipsis:
        return Verdict(_(BLANK))
    verdict = _("yes") if both_parties(str(date)) else _("not yet, as far as our table can show")
    return note(_("By {date}, lawmakers of both parties had objected: {verdict}.").format(date=date, verdict=verdict))


def parties_by_date(dates: list[str]) -> pd.DataFrame:
    """For each date, whether our table shows objections from both parties by then."""
    return pd.DataFrame({"Date": dates, "Both parties had objected": ["yes" if both_parties(d) else "no"
                                                                       for d in dates]})
