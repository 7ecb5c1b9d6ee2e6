"""Tables as readers see them: headers in words with units, money in $ bn or $ m, numbers as people write them."""

from __future__ import annotations

import pandas as pd

from helpers.views.readable import header, number, readable


def test_headers_say_the_unit():
    assert header("die_area_mm2") == "Die area (mm²)"
    assert header("memory_bandwidth_tb_s") == "Memory bandwidth (TB/s)"
    assert header("fp16_dense_tflops") == "FP16 dense (TFLOPS)"
    assert header("rate_pct") == "Rate (%)"
    assert header("days_left") == "Days left"


def test_numbers_have_three_significant_digits_and_thousands_separators():
    assert [number(v) for v in (2368.0, 6.875, 0.0412, 15.0, 1979.0, 0.0075)] == \
        ["2,368", "6.88", "0.0412", "15", "1,979", "0.0075"]


def test_money_is_scaled_per_column_and_the_scale_is_in_the_header():
    df = pd.DataFrame({"basis": ["a", "b"], "sales_low_usd": [15e9, 0.0], "levy_usd": [8e6, 2.5e6],
                       "price_usd": [6500, 8000], "consistent": [True, False]})
    out = readable(df)
    assert list(out.columns) == ["Basis", "Sales low ($ bn)", "Levy ($ m)", "Price ($)", "Consistent"]
    assert out.iloc[0].tolist() == ["a", "15", "8", "6,500", "yes"]
    assert out.iloc[1].tolist() == ["b", "0", "2.5", "8,000", "no"]
    assert "sales_low_usd" in df.columns  # the data keep their names
