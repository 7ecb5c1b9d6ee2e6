"""Tables as readers read them: plain-language headers with their units, numbers written as people write them.

The data keep their snake_case columns with units in the name (``levy_low_usd``, ``die_area_mm2``);
:func:`readable` is applied only where a table is shown. Headers: the words of the column name,
capitalised, with the unit in brackets (``Levy low ($ bn)``). Values: money scaled to $ bn or $ m
per column, the unit of every column in its header, numbers with three significant digits and thousands
separators, true/false as yes/no. The notebooks' own DataFrames are untouched, so code keeps working.
"""

from __future__ import annotations

import math

import pandas as pd

#: Unit suffixes of our column names and how a header writes them.
UNITS = {"usd": "$", "pct": "%", "mm2": "mm²", "tb_s": "TB/s", "gb_s": "GB/s", "gb": "GB", "tflops": "TFLOPS",
         "w": "W", "h100e": "H100e", "days": "days"}
#: Words a header spells out (the rest is the column name with spaces).
WORDS = {"tpp": "TPP", "fp16": "FP16", "fp8": "FP8", "tdp": "TDP", "id": "id", "usd": "$"}


def number(value: float) -> str:
    """Three significant digits, thousands separated: 2368.0 -> '2,368'; 0.0412 -> '0.0412'; 6.875 -> '6.88'."""
    if value == 0 or not math.isfinite(value):
        return f"{value:g}"
    digits = max(0, 2 - math.floor(math.log10(abs(value))))
    text = f"{value:,.{digits}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _split_unit(column: str) -> tuple[str, str]:
    for suffix in sorted(UNITS, key=len, reverse=True):
        if column.endswith("_" + suffix):
            return column[: -len(suffix) - 1], UNITS[suffix]
    return column, ""


def header(column: str, unit: str = "") -> str:
    """'die_area_mm2' -> 'Die area (mm²)'; 'sales_low_usd' with unit '$ bn' -> 'Sales low ($ bn)'."""
    stem, own = _split_unit(column)
    words = " ".join(WORDS.get(w, w) for w in stem.split("_"))
    unit = unit or own
    return words[:1].upper() + words[1:] + (f" ({unit})" if unit else "")


def _money_scale(values: pd.Series) -> tuple[float, str]:
    biggest = values.abs().max() if len(values) else 0
    if biggest >= 1e9:
        return 1e9, "$ bn"
    if biggest >= 1e6:
        return 1e6, "$ m"
    return 1.0, "$"


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "–" if isinstance(value, float) and math.isnan(value) else number(float(value))
    return value


def readable(df: pd.DataFrame, labels: dict[str, str] | None = None) -> pd.DataFrame:
    """``df`` for reading (see the module docstring); ``labels`` overrides a column's header."""
    labels = labels or {}
    out = {}
    for column in df.columns:
        values = df[column]
        _, unit = _split_unit(str(column))
        if unit == "$" and pd.api.types.is_numeric_dtype(values):
            scale, unit = _money_scale(values)
            values = values / scale
        out[labels.get(column, header(str(column), unit))] = [_cell(v) for v in values.tolist()]
    result = pd.DataFrame(out)
    if df.index.name:
        result.index = [_cell(v) for v in df.index]
        result.index.name = labels.get(df.index.name, header(df.index.name))
    return result
