"""Chip specifications: published ranges per chip and metric, and the derived export-control numbers."""

from __future__ import annotations

import pandas as pd

from helpers.data.datasets import load_table
from helpers.data.sources import GRADE_RANK
from helpers.models.export_rules import (
    BIT_LENGTH,
    bandwidth_per_compute,
    classify,
    compute_per_watt,
    performance_density,
    tpp,
)

#: Display names, in the order the notebooks list chips.
CHIP_NAMES = {
    "h20": "Nvidia H20",
    "h800": "Nvidia H800",
    "h100_sxm": "Nvidia H100 SXM",
    "h200": "Nvidia H200",
    "b200": "Nvidia B200",
    "rtx_pro_6000d": "Nvidia RTX Pro 6000D",
    "ascend_910b": "Huawei Ascend 910B",
    "ascend_910c": "Huawei Ascend 910C",
    "mlu370_x8": "Cambricon MLU370-X8",
}

#: Assumption: these chips are cut from the GH100 die, so they share the H100's die area.
#: Rationale: the H20, H800 and H200 are Hopper parts on GH100 (sources in data/chips.csv notes);
#: the H20's published performance density (2.9) matches 2368 / 814, which supports it.
SHARED_DIE = {"h20": "h100_sxm", "h800": "h100_sxm", "h200": "h100_sxm"}


def best_sourced(chips: pd.DataFrame | None = None, sources: pd.DataFrame | None = None) -> pd.DataFrame:
    """Chip rows backed by the best grade available for each chip and metric, with a ``grade`` column.

    A low-grade value is kept only where nothing better exists (the house rule for sources);
    disagreeing sources of the same best grade all stay, so ranges remain visible.
    """
    chips = load_table("chips") if chips is None else chips
    sources = load_table("sources") if sources is None else sources
    df = chips.merge(sources[["source_id", "grade"]], on="source_id", how="left")
    rank = df["grade"].map(GRADE_RANK)
    best = rank.groupby([df["chip_id"], df["metric"]]).transform("min")
    return df[rank == best].reset_index(drop=True)


def spec_ranges(chips: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per chip and metric: low, high, number of sources and the grade behind them (best available)."""
    df = best_sourced(chips)
    return df.groupby(["chip_id", "metric", "unit"], as_index=False).agg(
        low=("value", "min"), high=("value", "max"), sources=("source_id", "nunique"), best_grade=("grade", "first"))


def _num(v: float) -> str:
    return f"{v:,.0f}" if abs(v) >= 1000 else f"{v:,.4g}"


def spec_table(metrics: list[str], chip_ids: list[str] | None = None) -> pd.DataFrame:
    """A wide, readable table: chips as rows, metrics as columns, 'low–high' where sources disagree, '*' = low-grade only."""
    r = spec_ranges()
    r = r[r["metric"].isin(metrics)]

    def fmt(row) -> str:
        lo, hi = _num(row.low), _num(row.high)
        text = lo if lo == hi else f"{lo}–{hi}"
        return text + ("*" if row.best_grade == "low" else "")

    r = r.assign(cell=r.apply(fmt, axis=1))
    wide = r.pivot(index="chip_id", columns="metric", values="cell").reindex(columns=metrics)
    order = [c for c in (chip_ids or CHIP_NAMES) if c in wide.index]
    wide = wide.reindex(order).fillna("–")
    wide.index = [CHIP_NAMES.get(c, c) for c in wide.index]
    wide.index.name = "chip"
    return wide


def _value(r: pd.DataFrame, chip: str, metric: str, end: str) -> float | None:
    hit = r[(r["chip_id"] == chip) & (r["metric"] == metric)]
    return None if hit.empty else float(hit[end].iloc[0])


def _classification(tpp_value: float, density: float, rules: pd.DataFrame) -> str:
    """The Oct 2023 class, or the one it must be whatever the missing density (TPP ≥ 4,800 is 3A090.a alone)."""
    if pd.isna(tpp_value):
        return "unknown: no dense throughput in our sources"
    if pd.notna(density):
        return classify({"tpp": tpp_value, "performance_density": density}, rules)
    lowest = classify({"tpp": tpp_value, "performance_density": 0.0}, rules)
    highest = classify({"tpp": tpp_value, "performance_density": float("inf")}, rules)
    if lowest == highest:
        return lowest
    return f"unknown: {lowest} or {highest}, depending on the die area (not in our sources)"


def disagreements(chips: pd.DataFrame | None = None, sources: pd.DataFrame | None = None,
                  min_gap: float = 0.02) -> pd.DataFrame:
    """Every chip metric on which sources disagree by more than ``min_gap`` (relative), all grades included,
    each value with its sources and grade (prices excluded: their rows are ranges by design)."""
    chips = load_table("chips") if chips is None else chips
    sources = load_table("sources") if sources is None else sources
    df = chips.merge(sources[["source_id", "grade"]], on="source_id", how="left")
    rows = []
    for (chip, metric), g in df.groupby(["chip_id", "metric"], sort=False):
        lo, hi = g["value"].min(), g["value"].max()
        if metric == "price_usd" or hi <= lo * (1 + min_gap):
            continue
        values = "; ".join(f"{_num(v)} {g['unit'].iloc[0]} ({', '.join(sorted(set(h['grade'])))}: "
                           f"{', '.join(sorted(h['source_id']))})" for v, h in g.groupby("value"))
        rows.append({"chip": CHIP_NAMES.get(chip, chip), "metric": metric, "values (grade: sources)": values})
    return pd.DataFrame(rows)


def derived_metrics(rules: pd.DataFrame | None = None) -> pd.DataFrame:
    """Our arithmetic per chip, at the low and high end of the published inputs.

    Columns: chip_id, chip, end (low/high), tpp, die_area_mm2, performance_density,
    classification (Oct 2023 rule), tflops_per_w, gb_s_per_tflops. Missing inputs give NaN.
    """
    rules = load_table("rules") if rules is None else rules
    r = spec_ranges()
    rows = []
    for chip in CHIP_NAMES:
        for end in ("low", "high"):
            throughput = {m: _value(r, chip, m, end) for m in BIT_LENGTH}
            throughput = {k: v for k, v in throughput.items() if v is not None}
            t = tpp(throughput) if throughput else float("nan")
            area = _value(r, SHARED_DIE.get(chip, chip), "die_area_mm2", end)
            pd_value = performance_density(t, area) if area and throughput else float("nan")
            fp16 = _value(r, chip, "fp16_dense_tflops", end)
            tdp = _value(r, chip, "tdp_w", "high" if end == "low" else "low")  # worst case pairs low compute with high power
            bw = _value(r, chip, "memory_bandwidth_tb_s", end)
            rows.append({
                "chip_id": chip, "chip": CHIP_NAMES[chip], "end": end, "tpp": t, "die_area_mm2": area,
                "performance_density": pd_value,
                "classification": _classification(t, pd_value, rules),
                "tflops_per_w": compute_per_watt(fp16, tdp) if fp16 and tdp else float("nan"),
                "gb_s_per_tflops": bandwidth_per_compute(bw, fp16) if bw and fp16 else float("nan"),
            })
    return pd.DataFrame(rows)


#: Which rule each China chip was designed for (or caught by), and the threshold that decided it:
#: (chip, rule_id, band, rule parameter, chip metric, factor from the chip's unit to the rule's).
#: A800/H800 were cut below the 2022 chip-to-chip test (rules.csv note); the H20 was designed under
#: the 2023 bands and caught by the April 2025 bandwidth triggers; the H200 meets the January 2026 caps.
DESIGN_TARGETS = (
    ("h800", "eccn3a090-2022", "3a090.a.2022", "io_bandwidth_gb_s", "interconnect_gb_s", 1.0),
    ("h20", "eccn3a090-2023", "3a090.b.1", "tpp", "tpp", 1.0),
    ("h20", "eccn3a090-2023", "3a090.b.2", "performance_density", "performance_density", 1.0),
    ("h20", "usg-h20-licence-2025", "apr2025.dram", "dram_bandwidth_gb_s", "memory_bandwidth_tb_s", 1000.0),
    ("h20", "usg-h20-licence-2025", "apr2025.io", "io_bandwidth_gb_s", "interconnect_gb_s", 1.0),
    ("h200", "bis-h200-case-by-case-2026", "jan2026.eligible", "tpp", "tpp", 1.0),
    ("h200", "bis-h200-case-by-case-2026", "jan2026.eligible", "dram_bandwidth_gb_s", "memory_bandwidth_tb_s", 1000.0),
)


def design_margins(rules: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each chip against the threshold of the rule it was designed for: value / threshold, low and high.

    Under 1 means under the line. Values from the best-graded sources (ranges kept); TPP and
    performance density are our arithmetic (:func:`derived_metrics`).
    """
    rules = load_table("rules") if rules is None else rules
    r = spec_ranges()
    derived = derived_metrics(rules)
    rows = []
    for chip, rule_id, band, parameter, metric, factor in DESIGN_TARGETS:
        rule = rules[(rules["rule_id"] == rule_id) & (rules["band"] == band) & (rules["parameter"] == parameter)]
        # a band's floor ("at least") decides it where there is one; a cap ("below") where there is not
        rule = rule.sort_values("operator", key=lambda op: ~op.isin([">=", ">"]), kind="stable")
        threshold = float(rule["threshold"].iloc[0])
        if metric in ("tpp", "performance_density"):
            values = derived.loc[derived["chip_id"] == chip, metric].dropna()
            low, high = float(values.min()), float(values.max())
        else:
            low, high = (_value(r, chip, metric, end) * factor for end in ("low", "high"))
        rows.append({"chip": CHIP_NAMES[chip], "rule_id": rule_id, "effective": str(rule["effective_date"].iloc[0]),
                     "band": band, "parameter": parameter, "threshold": threshold, "operator": str(rule["operator"].iloc[0]),
                     "value_low": low, "value_high": high, "ratio_low": low / threshold, "ratio_high": high / threshold,
                     "source_id": str(rule["source_id"].iloc[0])})
    return pd.DataFrame(rows)
