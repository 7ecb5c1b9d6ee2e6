"""Worked examples of the export-control arithmetic, checked against the rules table."""

import math

import pytest

from helpers.data.datasets import load_table
from helpers.models.chips import derived_metrics, spec_ranges, spec_table
from helpers.models.export_rules import (
    bands_met,
    bandwidth_per_compute,
    classify,
    compute_per_watt,
    performance_density,
    tpp,
)


@pytest.fixture(scope="module")
def rules():
    return load_table("rules")


def test_h20_worked_example(rules):
    t = tpp({"fp16_dense_tflops": 148, "fp8_dense_tflops": 296, "int8_dense_tops": 296})
    assert t == 2368
    density = performance_density(t, 814)
    assert density == pytest.approx(2.909, abs=1e-3)
    assert classify({"tpp": t, "performance_density": density}, rules) == "below thresholds"


def test_h100_is_above(rules):
    t = tpp({"fp16_dense_tflops": 989.4, "fp8_dense_tflops": 1978.9})
    assert t == pytest.approx(15831.2)
    metrics = {"tpp": t, "performance_density": performance_density(t, 814)}
    assert "3a090.a.1" in bands_met(metrics, rules, "eccn3a090-2023")
    assert classify(metrics, rules) == "3A090.a"


def test_band_edges_come_from_the_table(rules):
    assert classify({"tpp": 2400, "performance_density": 1.6}, rules) == "3A090.b"
    assert classify({"tpp": 2399, "performance_density": 1.6}, rules) == "below thresholds"
    assert classify({"tpp": 1600, "performance_density": 5.92}, rules) == "3A090.a"
    edited = rules.copy()
    edited.loc[(edited.band == "3a090.b.1") & (edited.operator == ">=") & (edited.parameter == "tpp"), "threshold"] = 2000
    assert classify({"tpp": 2368, "performance_density": 2.9}, edited) == "3A090.b"


def test_missing_metric_does_not_meet_a_band(rules):
    assert classify({"tpp": 3000}, rules) == "below thresholds"


def test_tpp_needs_a_throughput():
    with pytest.raises(ValueError):
        tpp({"memory_gb": 96})
    with pytest.raises(ValueError):
        performance_density(100, 0)


def test_ratios():
    assert compute_per_watt(148, 400) == pytest.approx(0.37)
    assert bandwidth_per_compute(4.0, 148) == pytest.approx(27.03, abs=0.01)


def test_derived_metrics_from_sourced_data():
    d = derived_metrics().set_index(["chip_id", "end"])
    assert d.loc[("h20", "low"), "tpp"] == 2368
    assert d.loc[("h20", "low"), "classification"] == "below thresholds"
    assert d.loc[("h100_sxm", "high"), "classification"] == "3A090.a"
    assert d.loc[("h20", "low"), "gb_s_per_tflops"] > 5 * d.loc[("h100_sxm", "high"), "gb_s_per_tflops"]
    assert math.isnan(d.loc[("b200", "low"), "performance_density"])  # no sourced die area


def test_spec_ranges_keep_disagreement_among_the_best_sources():
    r = spec_ranges().set_index(["chip_id", "metric"])
    assert r.loc[("h20", "price_usd"), ["low", "high"]].tolist() == [10_000, 15_000]  # two Reuters reports
    table = spec_table(["price_usd", "interconnect_gb_s"])
    assert table.loc["Nvidia H20", "price_usd"] == "10,000–15,000"


def test_low_grade_values_only_where_nothing_better_exists():
    r = spec_ranges().set_index(["chip_id", "metric"])
    # the H800's 400 GB/s comes from DeepSeek's hardware paper (first-hand, graded primary); the two secondary
    # outlets' 300, each their own arithmetic, are outliers and stay in the disagreements table only
    assert r.loc[("h800", "interconnect_gb_s"), ["low", "high", "best_grade"]].tolist() == [400, 400, "primary"]
    # the B200's memory has only low-grade sources: kept, and marked
    assert r.loc[("b200", "memory_gb"), "best_grade"] == "low"
    assert spec_table(["memory_gb"]).loc["Nvidia B200", "memory_gb"].endswith("*")


def test_every_event_actor_has_a_side():
    from helpers.models.timeline import ACTOR_GROUPS, actor_group

    actors = set(load_table("events")["actor"])
    unplaced = {a for a in actors if actor_group(a) == "Other"} - {"Intel (via FT)"}
    assert not unplaced, "add them to ACTOR_GROUPS"
    listed = [a for group in ACTOR_GROUPS.values() for a in group]
    assert len(listed) == len(set(listed))


def test_every_chip_is_classified_or_says_what_is_missing():
    from helpers.models.chips import derived_metrics

    classes = derived_metrics().drop_duplicates("chip_id").set_index("chip_id")["classification"]
    assert classes["h20"] == "below thresholds"
    assert classes["b200"] == "3A090.a" and classes["ascend_910c"] == "3A090.a"  # TPP >= 4,800: no die area needed
    assert classes["h800"].startswith("unknown: no dense throughput")
    assert classes["mlu370_x8"].startswith("unknown: below thresholds or 3A090.a, depending on the die area")


def test_the_h800_interconnect_disagreement_is_shown_as_a_range():
    from helpers.models.chips import disagreements

    d = disagreements().set_index(["chip", "metric"])
    text = d.loc[("Nvidia H800", "interconnect_gb_s"), "values (grade: sources)"]
    assert "300 GB/s (secondary" in text and "400 GB/s (low, primary" in text


def test_each_china_chip_sits_under_the_rule_it_was_designed_for():
    from helpers.models.chips import design_margins

    m = design_margins().set_index(["chip", "rule_id", "parameter"]).sort_index()
    assert m.loc[("Nvidia H800", "eccn3a090-2022", "io_bandwidth_gb_s"), "ratio_high"] == 400 / 600
    assert m.loc[("Nvidia H20", "eccn3a090-2023", "tpp"), "ratio_high"] == pytest.approx(2368 / 2400)
    assert m.loc[("Nvidia H20", "usg-h20-licence-2025", "dram_bandwidth_gb_s"), "ratio_low"] == pytest.approx(4000 / 1400)
    assert (m.loc[("Nvidia H200", "bis-h200-case-by-case-2026")]["ratio_high"] < 1).all()
