"""Tables and charts for notebook 02 (the H20 controversy)."""

from __future__ import annotations

import altair as alt
import pandas as pd

from helpers.data.datasets import load_table
from helpers.data.facts import ARTICLE_DATE
from helpers.data.sources import source_line, with_sources
from helpers.models.chips import CHIP_NAMES
from helpers.models.export_rules import band_bounds
from helpers.views.theme import dumbbell, finish

#: Axis limits of the TPP × density chart (log scales); regions without an upper bound stop here.
TPP_AXIS = (1_000, 50_000)
DENSITY_AXIS = (1, 30)

_BAND_LABELS = {"3a090.a": "3A090.a (licence required)", "3a090.b": "3A090.b (notify / licence, reported band)"}


def rule_regions(rules: pd.DataFrame, rule_id: str = "eccn3a090-2023") -> pd.DataFrame:
    """Rectangles (tpp_lo, tpp_hi, pd_lo, pd_hi) for each band of a rule; open ends stop at the axis limits."""
    rows = []
    for band, box in band_bounds(rules, rule_id).items():
        tpp_lo, tpp_hi = box.get("tpp", (None, None))
        pd_lo, pd_hi = box.get("performance_density", (None, None))
        rows.append({"band": band, "category": _BAND_LABELS[band[:7]],
                     "tpp_lo": max(TPP_AXIS[0], tpp_lo or TPP_AXIS[0]), "tpp_hi": min(TPP_AXIS[1], tpp_hi or TPP_AXIS[1]),
                     "pd_lo": max(DENSITY_AXIS[0], pd_lo or DENSITY_AXIS[0]),
                     "pd_hi": min(DENSITY_AXIS[1], pd_hi or DENSITY_AXIS[1])})
    return pd.DataFrame(rows)


def tpp_density_chart(derived: pd.DataFrame, rules: pd.DataFrame) -> alt.LayerChart:
    """Chips on TPP × performance density (log–log), over the 3A090 bands drawn from data."""
    regions = rule_regions(rules)
    points = derived.dropna(subset=["tpp", "performance_density"])
    points = points.groupby(["chip_id", "chip"], as_index=False).agg(
        tpp=("tpp", "mean"), performance_density=("performance_density", "mean"),
        tpp_low=("tpp", "min"), tpp_high=("tpp", "max"), classification=("classification", "first"))
    # chips on the same die with the same throughput (H100, H200) share one dot and one label
    points = points.groupby(["tpp", "performance_density", "classification"], as_index=False).agg(
        chip=("chip", lambda c: " / ".join(sorted(c))))
    x = alt.X("tpp:Q", title="Total Processing Performance (TPP, dense, log scale)",
              scale=alt.Scale(type="log", domain=list(TPP_AXIS)))
    y = alt.Y("performance_density:Q", title="Performance density (TPP per mm² of die, log scale)",
              scale=alt.Scale(type="log", domain=list(DENSITY_AXIS)))
    boxes = alt.Chart(regions).mark_rect(opacity=0.18).encode(
        x=alt.X("tpp_lo:Q", scale=alt.Scale(type="log", domain=list(TPP_AXIS))), x2="tpp_hi:Q",
        y=alt.Y("pd_lo:Q", scale=alt.Scale(type="log", domain=list(DENSITY_AXIS))), y2="pd_hi:Q",
        color=alt.Color("category:N", title="Rule band (Oct 2023)",
                        scale=alt.Scale(range=["#D55E00", "#E69F00"])),
        tooltip=["band", "tpp_lo", "tpp_hi", "pd_lo", "pd_hi"],
    )
    dots = alt.Chart(points).mark_point(filled=True, size=80, color="#222").encode(
        x=x, y=y, tooltip=["chip", alt.Tooltip("tpp:Q", format=",.0f"),
                           alt.Tooltip("performance_density:Q", format=".2f"), "classification"])
    labels = dots.mark_text(align="left", dx=8, fontSize=11).encode(text="chip")
    below = ", ".join(points.loc[points["classification"] == "below thresholds", "chip"])
    return finish(
        (boxes + dots + labels).properties(width=560, height=340),
        title=f"Of the {len(points)} chips with published throughput and die area, only the "
              f"{below.replace('Nvidia ', '')} sits below every 3A090 band",
        subtitle="Our arithmetic from published dense throughput and die area; bands as reported by CSET (not checked against the rule text)",
        description="Log-log scatter of chips by total processing performance and performance density, with the "
                    "export-control bands shaded; the H20 is outside all bands, the H100 and H200 far inside 3A090.a.",
        source=source_line(_chip_sources(["fp16_dense_tflops", "fp8_dense_tflops", "int8_dense_tops", "die_area_mm2"])
                           + rules["source_id"].tolist(), "chips and data/rules"),
    )


_RULE_LABELS = {"eccn3a090-2022": "Oct 2022 rule", "eccn3a090-2023": "Oct 2023 rule",
                "usg-h20-licence-2025": "Apr 2025 licence triggers", "bis-h200-case-by-case-2026": "Jan 2026 caps"}
_PARAMETER_LABELS = {"io_bandwidth_gb_s": "chip-to-chip bandwidth", "tpp": "TPP",
                     "performance_density": "performance density", "dram_bandwidth_gb_s": "memory bandwidth"}


def design_cycle_chart(margins: pd.DataFrame) -> alt.LayerChart:
    """Each chip against the threshold of the rule it was designed for (ratio; 1 = the line), in time order."""
    d = margins.assign(row=[f"{c.replace('Nvidia ', '')} · {_RULE_LABELS[r]} · {_PARAMETER_LABELS[p]}"
                            for c, r, p in zip(margins["chip"], margins["rule_id"], margins["parameter"], strict=True)],
                       side=lambda t: (t["ratio_high"] >= 1).map({True: "over the line", False: "under the line"}))
    order = list(d["row"])
    y = alt.Y("row:N", sort=order, title=None, axis=alt.Axis(labelLimit=360))
    x = alt.X("ratio_low:Q", title="Chip's value ÷ the rule's threshold (log scale; 1 = the line)",
              scale=alt.Scale(type="log", domain=[0.3, 4]))
    color = alt.Color("side:N", title=None, scale=alt.Scale(domain=["under the line", "over the line"],
                                                            range=["#0072B2", "#D55E00"]))
    tips = ["chip", "band", "parameter", "operator", alt.Tooltip("threshold:Q", format=",.4g"),
            alt.Tooltip("value_low:Q", format=",.4g"), alt.Tooltip("value_high:Q", format=",.4g"), "source_id"]
    bars = alt.Chart(d).mark_rule(strokeWidth=4).encode(y=y, x=x, x2="ratio_high:Q", color=color)
    dots = alt.Chart(d).mark_circle(size=90, opacity=1).encode(y=y, x="ratio_high:Q", color=color, tooltip=tips)
    line = alt.Chart(pd.DataFrame({"one": [1]})).mark_rule(strokeDash=[4, 3], color="#222").encode(x="one:Q")
    h20 = d[d["chip"] == "Nvidia H20"]
    h20_dram = h20.loc[h20["parameter"] == "dram_bandwidth_gb_s", "ratio_high"].iloc[0]
    h20_gap = (1 - h20.loc[h20["rule_id"] == "eccn3a090-2023", "ratio_high"].min()) * 100
    return finish(
        (bars + dots + line).properties(width=420, height=alt.Step(30)),
        title=f"The H20 sat within {h20_gap:.0f}% under the 2023 lines, until the April 2025 triggers caught it at "
              f"{h20_dram:.1f}× the memory-bandwidth line",
        subtitle="Rows in time order: chip · rule · the threshold that decided it; under 1 = under the line "
                 "(the January 2026 caps came after the H200 and sit above it)",
        description="Dot chart of each China-market chip's value divided by the threshold of the rule it was designed "
                    "under (H800 and the 2022 rule, H20 and the 2023 and April 2025 rules, H200 and the January 2026 caps).",
        source=source_line(list(margins["source_id"]) + _chip_sources(["interconnect_gb_s", "memory_bandwidth_tb_s",
                                                                       "fp16_dense_tflops", "die_area_mm2"]),
                           "rules and data/chips"),
    )


def classification_table(derived: pd.DataFrame) -> pd.DataFrame:
    """Every chip's class under the October 2023 rule, or why it cannot be placed; TPP as a range."""
    rows = []
    for chip, g in derived.groupby("chip", sort=False):
        lo, hi = g["tpp"].min(), g["tpp"].max()
        tpp_text = "–" if pd.isna(lo) else (f"{lo:,.0f}" if lo == hi else f"{lo:,.0f}–{hi:,.0f}")
        density = g["performance_density"].dropna()
        rows.append({"chip": chip, "TPP": tpp_text,
                     "performance density": "–" if density.empty else "–".join(
                         dict.fromkeys(f"{v:.1f}" for v in (density.min(), density.max()))),
                     "class (Oct 2023 rule)": " / ".join(dict.fromkeys(g["classification"]))})
    return pd.DataFrame(rows)


def _chip_sources(metrics: list[str]) -> list[str]:
    chips = load_table("chips")
    return chips.loc[chips["metric"].isin(metrics), "source_id"].tolist()


def _range_chart(derived: pd.DataFrame, field: str, title_axis: str) -> tuple[alt.LayerChart, pd.DataFrame]:
    """Dumbbells: one dot per end of the published range, joined by a line (a single dot when sources agree)."""
    d = derived.dropna(subset=[field]).groupby("chip", as_index=False).agg(low=(field, "min"), high=(field, "max"))
    d["group"] = d["chip"].eq(CHIP_NAMES["h20"]).map({True: "H20", False: "other chips"})
    color = alt.Color("group:N", scale=alt.Scale(domain=["H20", "other chips"], range=["#009E73", "#777777"]),
                      legend=None)
    return dumbbell(d, "chip", x_title=title_axis, color=color), d


def bandwidth_chart(derived: pd.DataFrame) -> alt.LayerChart:
    """Memory bandwidth per unit of compute, low–high over published inputs."""
    chart, d = _range_chart(derived, "gb_s_per_tflops", "Memory bandwidth per dense FP16 TFLOPS (GB/s per TFLOPS)")
    h20 = d.loc[d["chip"] == CHIP_NAMES["h20"], "high"].iloc[0]
    h100 = d.loc[d["chip"] == CHIP_NAMES["h100_sxm"], "high"].iloc[0]
    return finish(
        chart,
        title=f"Per unit of compute, the H20 moves about {h20 / h100:.0f}× more data than the H100",
        subtitle="Bandwidth ÷ FP16 throughput: what memory-bound inference needs; two dots = the range of published inputs",
        description="Dot plot of memory bandwidth per TFLOPS by chip (low and high ends of published inputs); "
                    "the H20 is far ahead of all others.",
        source=source_line(_chip_sources(["memory_bandwidth_tb_s", "fp16_dense_tflops"]), "chips"),
    )


def efficiency_chart(derived: pd.DataFrame) -> alt.LayerChart:
    """Dense FP16 TFLOPS per watt of rated power, low–high."""
    chart, d = _range_chart(derived, "tflops_per_w", "Dense FP16 TFLOPS per watt of rated board power (TFLOPS/W)")
    worst = d.sort_values("high").iloc[0]["chip"]
    return finish(
        chart,
        title=f"On paper the {worst.replace('Nvidia ', '')} is the least compute-efficient chip in the table",
        subtitle="Rated power (TDP) is a ceiling, not a measurement; memory-bound inference rarely reaches peak compute",
        description="Dot plot of FP16 TFLOPS per watt by chip (low and high ends of published inputs).",
        source=source_line(_chip_sources(["tdp_w", "fp16_dense_tflops"]), "chips"),
    )


def security_table(claims: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """Who says what about H20 security: the article's claims and the sourced events, side by side."""
    art = claims[claims["topic"].isin(["security", "energy"])]
    rows = [{"date": ARTICLE_DATE, "who": r.claimant, "says": r.gloss_en, "evidence": f"article s{r.sentence_id}",
             "grade": "article"} for r in art.itertuples()]
    ev = with_sources(events[events["topic"] == "security"])
    rows += [{"date": r.date, "who": r.actor, "says": r.event, "evidence": r.publisher, "grade": r.grade}
             for r in ev.itertuples()]
    return pd.DataFrame(rows).sort_values("date", kind="stable", ignore_index=True)
