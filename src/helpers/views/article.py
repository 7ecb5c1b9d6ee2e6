"""Tables and charts for notebook 01 (the article as data)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers.text.tables import ArticleTables
from helpers.views.labels import code_label
from helpers.views.theme import finish

SEED_SOURCE = "the article of 12 Aug 2025 (data/article-2025-08-12-h20-fr.txt), parsed by helpers.text.tables"


def side_by_side(tables: ArticleTables, gloss: pd.DataFrame) -> pd.DataFrame:
    """Each sentence in French next to our English gloss."""
    df = tables.sentences.merge(gloss, on="sentence_id", how="left")
    return df[["sentence_id", "kind", "text", "gloss_en"]].rename(columns={"text": "french", "gloss_en": "english"})


def mentions_chart(tables: ArticleTables) -> alt.Chart:
    """Horizontal bars: how often each entity is mentioned, coloured by type."""
    ents = tables.entities
    top = ents.nlargest(2, "mentions")["name"].tolist()
    chart = (
        alt.Chart(ents)
        .mark_bar()
        .encode(
            y=alt.Y("name:N", sort="-x", title=None),
            x=alt.X("mentions:Q", title="Mentions in the article (count)", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color("type:N", title="Entity type"),
            tooltip=["name", "type", "mentions", "wikidata"],
        )
        .properties(height=alt.Step(16))
    )
    return finish(
        chart,
        title=f"{top[0]} and the {top[1]} are the article's most-mentioned names",
        subtitle="Every mention found by the gazetteer and spaCy, one bar per canonical entity",
        description="Bar chart of the number of mentions of each named entity in the article, sorted from most to least.",
        source=SEED_SOURCE,
    )


def timeline_chart(timeline: pd.DataFrame) -> alt.Chart:
    """Dots on a date axis for each point in time the article mentions."""
    first, last = timeline["date"].min(), timeline["date"].max()
    base = alt.Chart(timeline).encode(x=alt.X("date:T", title="Date (month resolution for months)",
                                              axis=alt.Axis(format="%b %Y")))
    chart = base.mark_rule(color="#bbb").encode(x="min(date):T", x2="max(date):T") + base.mark_point(
        filled=True, size=90).encode(tooltip=["date:T", "label", "basis"], color=alt.value("#0072B2")) + base.mark_text(
        dy=-12, angle=0, align="center").encode(text="label")
    return finish(
        chart.properties(height=90),
        title=f"The article looks back to {first[:7]} and ahead to {last}",
        subtitle="Time expressions resolved against the publication date; the 90-day end date is our arithmetic",
        description="Timeline with the publication date, the April tariff decision and the end of the 90-day postponement.",
        source=SEED_SOURCE,
    )


def claims_chart(claims: pd.DataFrame) -> alt.Chart:
    """Heat map: how many coded claims each claimant makes on each topic (codes shown as words)."""
    named = claims.assign(claimant=claims["claimant"].map(code_label), topic=claims["topic"].map(code_label))
    counts = named.groupby(["claimant", "topic"], as_index=False).size()
    top = named["claimant"].value_counts()
    # counts are whole numbers: an ordinal scale gives a legend of 1, 2, 3, never 1.5
    chart = alt.Chart(counts).mark_rect().encode(
        x=alt.X("topic:N", title="Topic", sort="ascending", axis=alt.Axis(labelAngle=-45, labelLimit=200)),
        y=alt.Y("claimant:N", title="Claimant", sort="ascending", axis=alt.Axis(labelLimit=220)),
        color=alt.Color("size:O", title="Claims", scale=alt.Scale(scheme="blues")),
        tooltip=[alt.Tooltip("claimant:N", title="Claimant"), alt.Tooltip("topic:N", title="Topic"),
                 alt.Tooltip("size:Q", title="Claims")],
    ) + alt.Chart(counts).mark_text(color="black").encode(x="topic:N", y="claimant:N", text="size:Q")
    return finish(
        chart,
        title=f"{len(claims)} claims from {claims['claimant'].nunique()} claimants; "
              f"the most come from {top.index[0]} ({top.iloc[0]})",
        subtitle="Hand-coded claims (data/claims.csv); 'the article' is the outlet's own analysis",
        description="Heat map of the number of claims by claimant and topic.",
        source="data/claims.csv, coded from the article of 12 Aug 2025",
    )


#: The bare model's labels each of our types is compatible with (ministries and media are organisations).
_SAME = {"ORG": {"ORG", "GOV", "MEDIA"}, "PER": {"PER"}, "LOC": {"LOC"}}


def model_errors(bare: pd.DataFrame) -> pd.DataFrame:
    """The names the bare model labels differently from our pipeline, in reader's columns."""
    wrong = bare[[b not in _SAME or any(t not in _SAME[b] for t in ours.split(" + "))
                  for b, ours in zip(bare["model_label"], bare["our_type"], strict=True)]]
    return wrong.rename(columns={"words": "Words in the article", "model_label": "Bare model's label",
                                 "our_entity": "Our entity", "our_type": "Our type"}).reset_index(drop=True)


def glued_headings(sentences: pd.DataFrame) -> pd.DataFrame:
    """The bare model's sentences that swallowed a heading, heading and sentence side by side."""
    glued = sentences[sentences["headings_glued_in"] != ""]
    return pd.DataFrame({"Heading": glued["headings_glued_in"],
                         "Glued to": [t.split("\n")[-1] for t in glued["text"]]}).reset_index(drop=True)
