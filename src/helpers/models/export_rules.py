"""US export-control arithmetic: Total Processing Performance, performance density, rule bands.

Definitions (ECCN 3A090, October 2023 rule, as explained by CSET; see data/rules.csv):

* TPP = 2 × MacTOPS × bit length of the operation, taking the highest value over the
  formats a chip supports, without sparsity. A datasheet's dense TOPS or TFLOPS already
  counts 2 operations per multiply-accumulate, so TPP = dense TOPS × bit length.
* performance density = TPP ÷ die area (mm²).

Thresholds are never written here: :func:`classify` reads them from the ``rules`` table.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping

import pandas as pd

#: Bit length of each dense-throughput metric in data/chips.csv.
BIT_LENGTH = {"fp16_dense_tflops": 16, "fp8_dense_tflops": 8, "int8_dense_tops": 8}

_OPS = {">=": operator.ge, ">": operator.gt, "<": operator.lt, "<=": operator.le}


def tpp(throughput: Mapping[str, float]) -> float:
    """Total Processing Performance from dense throughputs keyed like ``BIT_LENGTH``.

    >>> tpp({"fp16_dense_tflops": 148, "fp8_dense_tflops": 296})
    2368.0
    """
    values = [float(v) * BIT_LENGTH[k] for k, v in throughput.items() if k in BIT_LENGTH and pd.notna(v)]
    if not values:
        raise ValueError("no dense throughput given: need one of " + ", ".join(BIT_LENGTH))
    return max(values)


def performance_density(tpp_value: float, die_area_mm2: float) -> float:
    """TPP per mm² of die area."""
    if die_area_mm2 <= 0:
        raise ValueError(f"die area must be positive, got {die_area_mm2}")
    return tpp_value / die_area_mm2


def compute_per_watt(tflops: float, tdp_w: float) -> float:
    """Dense TFLOPS per watt of rated board power (TDP is a ceiling, not measured draw)."""
    return tflops / tdp_w


def bandwidth_per_compute(bandwidth_tb_s: float, tflops: float) -> float:
    """Memory bandwidth per unit of compute, in GB/s per dense TFLOPS (bytes moved per FLOP × 1000)."""
    return bandwidth_tb_s * 1000 / tflops


def bands_met(metrics: Mapping[str, float], rules: pd.DataFrame, rule_id: str) -> list[str]:
    """The bands of ``rule_id`` whose every condition holds for ``metrics`` (missing metric = not met)."""
    met = []
    for band, rows in rules[rules["rule_id"] == rule_id].groupby("band", sort=True):
        ok = all(
            r.parameter in metrics and pd.notna(metrics[r.parameter])
            and _OPS[r.operator](float(metrics[r.parameter]), float(r.threshold))
            for r in rows.itertuples()
        )
        if ok:
            met.append(str(band))
    return met


def band_bounds(rules: pd.DataFrame, rule_id: str) -> dict[str, dict[str, tuple[float | None, float | None]]]:
    """For each band of ``rule_id``: each parameter's (lower, upper) threshold, None where the band is open.

    The same rows :func:`bands_met` tests, read as intervals (for drawing the bands as regions).
    """
    bounds: dict[str, dict[str, tuple[float | None, float | None]]] = {}
    for band, rows in rules[rules["rule_id"] == rule_id].groupby("band", sort=True):
        box: dict[str, tuple[float | None, float | None]] = {}
        for r in rows.itertuples():
            lo, hi = box.get(r.parameter, (None, None))
            value = float(r.threshold)
            if r.operator in (">=", ">"):
                lo = value if lo is None else max(lo, value)
            else:
                hi = value if hi is None else min(hi, value)
            box[r.parameter] = (lo, hi)
        bounds[str(band)] = box
    return bounds


def classify(metrics: Mapping[str, float], rules: pd.DataFrame, rule_id: str = "eccn3a090-2023") -> str:
    """Classification under a rule: '3A090.a', '3A090.b' or 'below thresholds' (a takes precedence)."""
    met = bands_met(metrics, rules, rule_id)
    for prefix, label in (("3a090.a", "3A090.a"), ("3a090.b", "3A090.b")):
        if any(b.startswith(prefix) for b in met):
            return label
    return "below thresholds"
