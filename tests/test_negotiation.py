"""The negotiation clock: worked examples against the sourced tables."""

import datetime as dt

import numpy as np
import pytest

from helpers.data.datasets import load_table
from helpers.models.negotiation import (
    REPORTED_BASIS,
    add_days,
    days_left,
    headline_steps,
    levy,
    levy_scenarios,
    peak,
    rate_on,
    resolve_layers,
    windows_covering,
)


@pytest.fixture(scope="module")
def steps():
    return headline_steps(load_table("tariffs"))


def test_conflicts_resolve_to_the_best_source():
    t = resolve_layers(load_table("tariffs")).set_index(["date", "imposer", "layer"])
    assert t.loc[("2025-04-09", "US", "reciprocal"), "rate_pct"] == 84  # primary EO beats the tracker
    assert t.loc[("2026-02-24", "US", "section_122_global"), "rate_pct"] == 10  # 15% only on a low-grade page


def test_april_peaks_are_above_100(steps):
    assert peak(steps, "US") == ("2025-04-10", 145.0)
    assert peak(steps, "CN") == ("2025-04-12", 125.0)


def test_rates_on_the_article_date(steps):
    assert rate_on(steps, "US", "2025-08-12") == 30
    assert rate_on(steps, "CN", "2025-08-12") == 10
    assert rate_on(steps, "US", "2025-01-01") == 0
    assert rate_on(steps, "US", "2026-03-01") == 10


def test_ninety_days_from_the_article_is_the_extension_end():
    windows = load_table("windows").set_index("window_id")
    assert add_days("2025-08-12", 90) == dt.date(2025, 11, 10)
    assert add_days("2025-08-12", 90).isoformat() == windows.loc["aug_ext_90d", "end"]
    assert days_left("2025-08-12", "2025-11-10") == 90
    assert days_left("2025-12-01", "2025-11-10") < 0


def test_which_window_covers_a_date():
    windows = load_table("windows")
    assert windows_covering("2025-08-12", windows)["window_id"].tolist() == ["aug_ext_90d"]
    assert windows_covering("2025-06-01", windows)["window_id"].tolist() == ["geneva_90d"]
    assert windows_covering("2025-01-01", windows).empty


def test_levy_arithmetic():
    assert levy(0, 15) == 0
    assert levy(1e9, 15) == pytest.approx(1.5e8)
    rates = np.linspace(0, 30, 31)
    assert np.all(np.diff(levy(1e10, rates)) > 0)
    with pytest.raises(ValueError):
        levy(-1, 15)
    with pytest.raises(ValueError):
        levy(1, 101)


def test_levy_scenarios_span_sourced_inputs():
    s = levy_scenarios(load_table("money"), rates=(15,)).set_index("basis")
    est = s.loc["analyst 2025 H20 revenue estimates"]
    assert (est.sales_low_usd, est.sales_high_usd) == (15e9, 23e9)
    assert est.levy_high_usd == pytest.approx(3.45e9)
    assert s.loc[REPORTED_BASIS, "levy_low_usd"] == 0


def test_snap_back_from_the_data_is_not_above_100():
    """The article's 'return to more than 100%' against what a lapse would have restored (issue 12)."""
    from helpers.models.negotiation import snap_back

    tariffs, windows = load_table("tariffs"), load_table("windows")
    steps = headline_steps(tariffs)
    # hand-computed from the rows: US 10 reciprocal + 20 fentanyl in force, 24 points suspended; China 10 + 24
    assert snap_back(steps, windows, "US", "2025-08-12") == 54
    assert snap_back(steps, windows, "CN", "2025-08-12") == 34
    # after Busan the US fentanyl layer is 10, so a lapse would restore 10 + 10 + 24
    assert snap_back(steps, windows, "US", "2026-01-01") == 44
    assert snap_back(steps, windows, "US", "2025-03-01") is None  # no truce open


def test_article_check_flags_the_return_above_100_as_wrong(seed_tables):
    from helpers.models.checks import article_checks

    checks = article_checks(load_table("tariffs"), load_table("windows"), seed_tables.figures)
    assert checks["consistent"].tolist() == [True, False, True]
    assert "US 54%" in checks.loc[1, "data_show"] and "China 34%" in checks.loc[1, "data_show"]
