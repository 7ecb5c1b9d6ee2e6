"""A transparent what-if model of the H20 market in China: who gains what under which policy.

One year of Chinese demand for Nvidia data-centre accelerators meets two gates (Beijing's
tolerance, Washington's licences and levy) and one alternative (domestic chips). Outputs are
money (Nvidia China revenue, US government take) and compute delivered to Chinese buyers,
counted two ways in H100-equivalents: dense FP16 throughput and memory bandwidth. Each chip's
price and performance come from the same product.

Every parameter is a named entry of :func:`parameters` with a default, a plausible range
(used by the sensitivity chart), a unit, a rationale and a ``source_id`` (a row of
data/sources.csv, or "assumption" with the reasoning). Sourced numbers are read from the
data files, never typed here. The model is pure and vectorised: every argument may be a
NumPy array, and the same arithmetic is written once more as Vega expressions in
:data:`VEGA_FORMULAS` for the offline report (a browser test checks the two agree).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from helpers.data.datasets import load_table


@dataclass(frozen=True)
class Parameter:
    """One model input: default, plausible range, slider range, unit and provenance."""

    name: str
    label: str
    default: float
    low: float
    high: float
    slider_min: float
    slider_max: float
    step: float
    unit: str
    rationale: str
    source_id: str


def _money(quantity: str) -> list[float]:
    from helpers.models.money import money_values

    return money_values(quantity)


def _chip(chip_id: str, metric: str) -> list[float]:
    from helpers.models.chips import best_sourced

    c = best_sourced()
    return sorted(c.loc[(c["chip_id"] == chip_id) & (c["metric"] == metric), "value"].astype(float).tolist())


def _source(table: str, column: str, value: str) -> str:
    t = load_table(table)
    return str(t.loc[t[column] == value, "source_id"].iloc[0])


def _span(pair: tuple[float, float]) -> str:
    """"1.40" or "1.10–1.57": a range written once when both ends agree."""
    lo, hi = f"{pair[0]:.2f}", f"{pair[1]:.2f}"
    return lo if lo == hi else f"{lo}–{hi}"


def _mid(values: list[float]) -> float:
    return (min(values) + max(values)) / 2


@lru_cache(maxsize=1)
def rtx6000d_ranges() -> dict[str, tuple[float, float]]:
    """The RTX Pro 6000D's dense FP16 (TFLOPS) and memory bandwidth (TB/s), low and high.

    No FP16 figure is published for the 6000D, and two readings disagree, so both ends are kept:

    * high: the full RTX PRO 6000's dense FP16 (Nvidia's 1 PFLOP is quoted with 2:4 sparsity, so
      half of it) times the 6000D's share of CUDA cores (19,968 of 24,064): a ceiling, since the
      clocks may be cut too;
    * low: The Register's reading of the US rules, that the card must sit near an H20 at high
      precision (theregister-2025-09-18-cac-6000d), so the H20's own dense FP16.

    Bandwidth runs from the best-sourced 6000D figure to the full card's scaled by the narrower bus
    (448 of 512 bits) at the same memory speed; with today's sources both give 1.4 TB/s.
    """
    cores = _chip("rtx_pro_6000d", "cuda_cores")[0] / _chip("rtx_pro_6000", "cuda_cores")[0]
    bus = _chip("rtx_pro_6000d", "memory_bus_bits")[0] / _chip("rtx_pro_6000", "memory_bus_bits")[0]
    fp16 = [max(_chip("h20", "fp16_dense_tflops")), *(v * cores for v in _chip("rtx_pro_6000", "fp16_dense_tflops"))]
    bw = _chip("rtx_pro_6000d", "memory_bandwidth_tb_s") + [v * bus for v in _chip("rtx_pro_6000", "memory_bandwidth_tb_s")]
    return {"fp16_dense_tflops": (min(fp16), max(fp16)), "memory_bandwidth_tb_s": (min(bw), max(bw))}


@lru_cache(maxsize=1)
def ascend_mix() -> tuple[float, float]:
    """Share of Huawei's Ascend output that is the 910C (the rest 910B): low (the FT's plan) and high.

    Low: the FT's 2025 plan, 100k 910C of 400k Ascend chips. High: Bloomberg calls the 600k 910C
    planned for 2026 about double 2025's, which puts 2025 near 300k 910C of the same 400k.
    """
    c = _money("huawei_910c_plan_2025_units")[0]
    b = _money("huawei_910b_plan_2025_units")[0]
    c_2025_from_2026 = _money("huawei_910c_plan_2026_units")[0] / 2
    return c / (c + b), min(1.0, c_2025_from_2026 / (c + b))


def _ascend_range(metric: str, reference: float) -> tuple[float, float, float]:
    """Per-unit Ascend figure in H100-equivalents: (default, low, high), mixing 910B and 910C by :func:`ascend_mix`.

    Each chip keeps its own figure: a 910C number is never applied to a 910B. Low is the low mix
    with each chip's lowest figure, high the high mix with each chip's highest; the default is the
    middle mix with each chip's middle figure, so it sits inside the range, near its centre.
    """
    b, c = _chip("ascend_910b", metric), _chip("ascend_910c", metric)
    lo_mix, hi_mix = ascend_mix()
    mid_mix = (lo_mix + hi_mix) / 2  # the default is central in both the chip mix and each chip's figures
    default = (mid_mix * _mid(c) + (1 - mid_mix) * _mid(b)) / reference
    low = (lo_mix * min(c) + (1 - lo_mix) * min(b)) / reference
    high = (hi_mix * max(c) + (1 - hi_mix) * max(b)) / reference
    return round(default, 2), round(low, 2), round(high, 2)


def _chip_sources(chip_ids: list[str], metrics: list[str], money: tuple[str, ...] = ()) -> str:
    """The sources behind the chip rows (best grade) and money rows a derived parameter uses."""
    from helpers.models.chips import best_sourced

    c = best_sourced()
    ids = c.loc[c["chip_id"].isin(chip_ids) & c["metric"].isin(metrics), "source_id"]
    return "; ".join(dict.fromkeys([*sorted(set(ids)), *(_source("money", "quantity", q) for q in money)]))


@lru_cache(maxsize=1)
def _parameters() -> tuple[Parameter, ...]:
    units = _money("h20_orders_units_2025") + _money("h20_china_sales_units_2025_est")
    price = _money("h20_price_usd")
    bw_price = _money("blackwell_china_rtx6000d_price_usd")
    h100_fp16 = max(_chip("h100_sxm", "fp16_dense_tflops"))
    h100_bw = max(_chip("h100_sxm", "memory_bandwidth_tb_s"))
    dom_units = _money("huawei_ascend_capacity_2025_units") + [
        _money("huawei_910c_plan_2025_units")[0] + _money("huawei_910b_plan_2025_units")[0]]
    d6 = rtx6000d_ranges()
    # rounded to the slider's 0.01 grid so the report's slider can show and reach each value exactly
    bw_fp16 = tuple(round(v / h100_fp16, 2) for v in d6["fp16_dense_tflops"])
    bw_mem = tuple(round(v / h100_bw, 2) for v in d6["memory_bandwidth_tb_s"])
    dom_fp16 = _ascend_range("fp16_dense_tflops", h100_fp16)
    dom_mem = _ascend_range("memory_bandwidth_tb_s", h100_bw)
    lo_mix, hi_mix = ascend_mix()
    mix = (f"910B and 910C mixed {lo_mix:.0%}–{hi_mix:.0%} 910C (FT 2025 plan; Bloomberg's 2026 plan as about "
           f"double 2025), each chip with its own figures from Huawei's published tool")
    d6_chips = ["rtx_pro_6000", "rtx_pro_6000d"]
    plans = ("huawei_910c_plan_2025_units", "huawei_910c_plan_2026_units")
    return (
        Parameter("demand_units", "Chinese demand for Nvidia data-centre chips", _mid(units),
                  min(units), max(units), 0, 2_000_000, 50_000, "units per year",
                  "Range of reported 2025 H20 demand: ~1M units requested early 2025 (Nikkei) to ~1.5M (Bernstein).",
                  f"{_source('money', 'quantity', 'h20_orders_units_2025')}; "
                  f"{_source('money', 'quantity', 'h20_china_sales_units_2025_est')}"),
        Parameter("h20_price_usd", "H20 price", _mid(price), min(price), max(price),
                  8_000, 16_000, 250, "USD per unit", "Reuters sources, May 2025: $10k–12k per H20.",
                  _source("money", "quantity", "h20_price_usd")),
        Parameter("allowance", "Share of demand Beijing lets through", 0.5, 0.0, 1.0, 0.0, 1.0, 0.05, "share",
                  "Assumption. 1 = no pressure, 0 = banned. August 2025: buyers 'discouraged', not banned "
                  "(article s5; regulator notices), so the midpoint.", "assumption"),
        Parameter("levy_rate_pct", "US levy on China sales", 15.0, 0.0, 30.0, 0.0, 30.0, 1.0, "percent",
                  "15% agreed for H20/MI308 in August 2025 (Trump first asked 20%; 25% later applied to H200).",
                  _source("money", "quantity", "levy_rate_pct")),
        Parameter("h20_licensed", "H20 licensed by Washington", 1.0, 0.0, 1.0, 0.0, 1.0, 1.0, "yes/no",
                  "Washington's own lever: licences for the H20 were required from April 2025 and granted from "
                  "August 2025 (events e016, e035). 1 = licensed (the article's day), 0 = refused.",
                  "caliber-ft-2025-08-11"),
        Parameter("blackwell_allowed", "Cut-down Blackwell sold", 0.0, 0.0, 1.0, 0.0, 1.0, 1.0,
                  "yes/no", "One product: the RTX Pro 6000D, the Blackwell part Nvidia built for China, whose price and "
                  "specs are reported. Trump's hint of 11 Aug 2025 (article s2; events e038) of a Blackwell with "
                  "30-50% of its performance removed describes a stronger part, closer to the B30A (e044), which has "
                  "no sourced price and is not modelled.",
                  "globaltimes-2025-08-12"),
        Parameter("blackwell_share", "Share of allowed Nvidia units that are Blackwell, if sold", 0.75, 0.5, 1.0,
                  0.0, 1.0, 0.05, "share",
                  "Assumption: a cheaper part with more FP16 would take most orders; 0.5–1.0 spans partial to full "
                  "switch, and the default is the middle.",
                  "assumption"),
        Parameter("blackwell_price_usd", "RTX Pro 6000D price", _mid(bw_price),
                  min(bw_price), max(bw_price), 5_000, 10_000, 250, "USD per unit",
                  "Reuters sources, May 2025: the RTX Pro 6000D-based China chip at $6.5k–8k.",
                  _source("money", "quantity", "blackwell_china_rtx6000d_price_usd")),
        Parameter("blackwell_perf_vs_h100", "RTX Pro 6000D dense FP16", round(_mid(bw_fp16), 2), bw_fp16[0],
                  bw_fp16[1], 0.1, 1.5, 0.01, "H100-equivalents",
                  f"None published, and two readings disagree: The Register reads the US rules as holding the card "
                  f"near an H20 at high precision ({d6['fp16_dense_tflops'][0]:,.0f} TFLOPS); scaling the full RTX PRO "
                  f"6000's dense FP16 (half its quoted 1 PFLOP, which is a 2:4-sparse figure) by the 6000D's share of "
                  f"CUDA cores gives at most {d6['fp16_dense_tflops'][1]:,.0f}. Over the H100's {h100_fp16:,.0f}; "
                  f"the default is the middle.",
                  "; ".join(dict.fromkeys([_chip_sources(d6_chips, ["fp16_dense_tflops", "cuda_cores"]),
                                           "theregister-2025-09-18-cac-6000d"]))),
        Parameter("blackwell_bw_vs_h100", "RTX Pro 6000D memory bandwidth", round(_mid(bw_mem), 2), bw_mem[0],
                  bw_mem[1], 0.1, 1.5, 0.01, "H100-equivalents",
                  f"{_span(d6['memory_bandwidth_tb_s'])} TB/s: the figures reported for the 6000D (Notebookcheck about "
                  f"1.1, The Register 1.4) and the full card's 1.6 TB/s scaled by the 448-bit bus, over the H100's "
                  f"{h100_bw} TB/s; the default is the middle.",
                  _chip_sources(d6_chips, ["memory_bandwidth_tb_s", "memory_bus_bits"])),
        Parameter("domestic_units", "Domestic (Huawei) supply", _mid(dom_units), min(dom_units), max(dom_units),
                  0, 1_000_000, 25_000, "units per year",
                  "Sources disagree, so the range spans them and the default is the middle: US Commerce put Huawei's "
                  "2025 Ascend output at or below 200k (an estimate of output, and a ceiling, so less is possible); "
                  "the FT reported a plan of 100k 910C + 300k 910B (a plan, not output).",
                  f"{_source('money', 'quantity', 'huawei_ascend_capacity_2025_units')}; "
                  f"{_source('money', 'quantity', 'huawei_910b_plan_2025_units')}"),
        Parameter("domestic_perf_vs_h100", "Domestic chip dense FP16", *dom_fp16, 0.1, 1.0, 0.01,
                  "H100-equivalents", f"Dense FP16 per Ascend unit, {mix}; the default is the middle mix.",
                  _chip_sources(["ascend_910b", "ascend_910c"], ["fp16_dense_tflops"], plans)),
        Parameter("domestic_bw_vs_h100", "Domestic chip memory bandwidth", *dom_mem, 0.1, 1.0, 0.01,
                  "H100-equivalents", f"Memory bandwidth per Ascend unit, {mix}.",
                  _chip_sources(["ascend_910b", "ascend_910c"], ["memory_bandwidth_tb_s"], plans)),
    )


def parameters() -> list[Parameter]:
    """The model's inputs, built from the data files."""
    return list(_parameters())


def defaults() -> dict[str, float]:
    """Default value of every parameter (a fresh dict each call)."""
    return {p.name: p.default for p in _parameters()}


def parameters_table() -> pd.DataFrame:
    """The assumptions table shown in the notebook."""
    cols = ["name", "label", "default", "low", "high", "unit", "rationale", "source_id"]
    return pd.DataFrame([asdict(p) for p in parameters()])[cols]


@lru_cache(maxsize=1)
def h20_perf_vs_h100() -> float:
    """H20 dense FP16 throughput in H100-equivalents, from data/chips.csv (not adjustable)."""
    return max(_chip("h20", "fp16_dense_tflops")) / max(_chip("h100_sxm", "fp16_dense_tflops"))


@lru_cache(maxsize=1)
def h20_bw_vs_h100() -> float:
    """H20 memory bandwidth in H100-equivalents, from data/chips.csv (not adjustable): above 1."""
    return max(_chip("h20", "memory_bandwidth_tb_s")) / max(_chip("h100_sxm", "memory_bandwidth_tb_s"))


#: Compute is counted two ways, both in H100-equivalents: dense FP16 throughput (``compute_*``,
#: what training needs) and memory bandwidth (``bandwidth_*``, what serving a model needs).
OUTPUTS = ("h20_units", "blackwell_units", "nvidia_revenue_usd", "us_take_usd", "nvidia_net_usd",
           "compute_h20_h100e", "compute_blackwell_h100e", "compute_domestic_h100e", "compute_total_h100e",
           "domestic_share", "bandwidth_h20_h100e", "bandwidth_blackwell_h100e", "bandwidth_domestic_h100e",
           "bandwidth_total_h100e", "domestic_share_bw")


class ParameterError(ValueError):
    """A model input outside its stated range (or not a finite number); the message names it."""


def check_inputs(values: dict[str, np.ndarray]) -> None:
    """Raise :class:`ParameterError` unless every value is finite and within its slider range.

    The slider range is the widest the collection lets a reader set; outside it the arithmetic
    still runs but means nothing (a 150% levy gives a negative net, a 2× allowance serves more
    than the demand), so it is refused instead of drawn.
    """
    for p in _parameters():
        v = values[p.name]
        if not np.all(np.isfinite(v)):
            raise ParameterError(f"{p.name}: must be a finite number, got {v.flat[0] if v.ndim else float(v)!r}"
                                 if v.size == 1 else f"{p.name}: must hold finite numbers only")
        if np.any(v < p.slider_min) or np.any(v > p.slider_max):
            bad = v[(v < p.slider_min) | (v > p.slider_max)].flat[0] if v.ndim else float(v)
            # repr, not :g: the next float above 30 must not read "30 is outside 0 to 30"
            raise ParameterError(f"{p.name} = {_exact(bad)} is outside its range {p.slider_min:g} to "
                                 f"{p.slider_max:g} ({p.unit})")


def model(**params: float | np.ndarray) -> dict[str, np.ndarray]:
    """Run the model; any parameter left out takes its default. Arrays broadcast.

    Raises :class:`ParameterError` for a value outside its range and :class:`TypeError` for an
    unknown name.
    """
    p = {**defaults(), **params}
    unknown = set(p) - set(defaults())
    if unknown:
        raise TypeError(f"unknown parameters: {sorted(unknown)}")
    a = {k: _as_numbers(k, v) for k, v in p.items()}
    try:
        np.broadcast_shapes(*(v.shape for v in a.values()))
    except ValueError:
        shapes = ", ".join(f"{k} {v.shape}" for k, v in a.items() if v.shape)
        raise ParameterError(f"the arrays given do not fit together: {shapes}") from None
    check_inputs(a)
    allowed = a["demand_units"] * a["allowance"]
    bw_units = allowed * a["blackwell_share"] * (a["blackwell_allowed"] >= 0.5)
    h20_units = (allowed - bw_units) * (a["h20_licensed"] >= 0.5)
    revenue = h20_units * a["h20_price_usd"] + bw_units * a["blackwell_price_usd"]
    take = revenue * a["levy_rate_pct"] / 100
    c_h20 = h20_units * h20_perf_vs_h100()
    c_bw = bw_units * a["blackwell_perf_vs_h100"]
    c_dom = a["domestic_units"] * a["domestic_perf_vs_h100"]
    total = c_h20 + c_bw + c_dom
    m_h20 = h20_units * h20_bw_vs_h100()
    m_bw = bw_units * a["blackwell_bw_vs_h100"]
    m_dom = a["domestic_units"] * a["domestic_bw_vs_h100"]
    m_total = m_h20 + m_bw + m_dom
    return {
        "h20_units": h20_units, "blackwell_units": bw_units, "nvidia_revenue_usd": revenue,
        "us_take_usd": take, "nvidia_net_usd": revenue - take, "compute_h20_h100e": c_h20,
        "compute_blackwell_h100e": c_bw, "compute_domestic_h100e": c_dom, "compute_total_h100e": total,
        "domestic_share": _share(c_dom, total), "bandwidth_h20_h100e": m_h20, "bandwidth_blackwell_h100e": m_bw,
        "bandwidth_domestic_h100e": m_dom, "bandwidth_total_h100e": m_total, "domestic_share_bw": _share(m_dom, m_total),
    }


def blackwell_fp16_multiplier() -> dict[str, float]:
    """How many times the FP16 compute China gets when the RTX Pro 6000D is sold, at the low, default and high
    ends of the 6000D's FP16 range (other parameters at their defaults).

    The range is wide because Nvidia's FP16 peak for the full card may be dense or quoted with 2:4
    sparsity (:func:`rtx6000d_ranges`); notebook 04's prose quotes these numbers and a test holds it to them.
    """
    p = {x.name: x for x in _parameters()}["blackwell_perf_vs_h100"]
    base = float(model()["compute_total_h100e"])
    return {end: float(model(blackwell_allowed=1.0, blackwell_perf_vs_h100=v)["compute_total_h100e"]) / base
            for end, v in (("low", p.low), ("default", p.default), ("high", p.high))}


def _share(part: np.ndarray, total: np.ndarray) -> np.ndarray:
    """part / total, defined as 0 where there is nothing at all."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, part / np.where(total > 0, total, 1), 0.0)


def _exact(x: float) -> str:
    """A number as short as it can be written without becoming another number (30, but 30.000000000000004)."""
    short = f"{float(x):g}"
    return short if float(short) == float(x) else repr(float(x))


def _as_numbers(name: str, value: object) -> np.ndarray:
    """``value`` as floats, refusing what only looks numeric: text ("5"), complex, dates and durations, huge ints."""
    if isinstance(value, (str, bytes)):
        raise ParameterError(f"{name}: must be a number, got {value!r:.60}")
    try:
        raw = np.asarray(value)
    except (TypeError, ValueError, OverflowError):
        raise ParameterError(f"{name}: must be a number or an array of numbers, got {value!r:.60}") from None
    if raw.dtype.kind == "O":  # Python ints beyond 64 bits, mixed lists
        try:
            raw = np.asarray(value, dtype=float)
        except (TypeError, ValueError, OverflowError):
            raise ParameterError(f"{name}: must be a number or an array of numbers, got {value!r:.60}") from None
    if raw.dtype.kind not in "biuf":  # U/S text, c complex (its imaginary part would be dropped), m/M time
        raise ParameterError(f"{name}: must be a real number, got a value of type {raw.dtype}")
    with np.errstate(over="ignore"):
        return raw.astype(float)


#: The same arithmetic as :func:`model`, as Vega expressions over the report's slider params.
#: Order matters: later formulas use earlier fields.
VEGA_FORMULAS: tuple[tuple[str, str], ...] = (
    ("allowed", "demand_units * allowance"),
    ("blackwell_units", "datum.allowed * blackwell_share * (blackwell_allowed >= 0.5 ? 1 : 0)"),
    ("h20_units", "(datum.allowed - datum.blackwell_units) * (h20_licensed >= 0.5 ? 1 : 0)"),
    ("nvidia_revenue_usd", "datum.h20_units * h20_price_usd + datum.blackwell_units * blackwell_price_usd"),
    ("us_take_usd", "datum.nvidia_revenue_usd * levy_rate_pct / 100"),
    ("nvidia_net_usd", "datum.nvidia_revenue_usd - datum.us_take_usd"),
    ("compute_h20_h100e", "datum.h20_units * H20_PERF"),
    ("compute_blackwell_h100e", "datum.blackwell_units * blackwell_perf_vs_h100"),
    ("compute_domestic_h100e", "domestic_units * domestic_perf_vs_h100"),
    ("compute_total_h100e", "datum.compute_h20_h100e + datum.compute_blackwell_h100e + datum.compute_domestic_h100e"),
    ("domestic_share", "datum.compute_total_h100e > 0 ? datum.compute_domestic_h100e / datum.compute_total_h100e : 0"),
    ("bandwidth_h20_h100e", "datum.h20_units * H20_BW"),
    ("bandwidth_blackwell_h100e", "datum.blackwell_units * blackwell_bw_vs_h100"),
    ("bandwidth_domestic_h100e", "domestic_units * domestic_bw_vs_h100"),
    ("bandwidth_total_h100e",
     "datum.bandwidth_h20_h100e + datum.bandwidth_blackwell_h100e + datum.bandwidth_domestic_h100e"),
    ("domestic_share_bw",
     "datum.bandwidth_total_h100e > 0 ? datum.bandwidth_domestic_h100e / datum.bandwidth_total_h100e : 0"),
)


#: The report explorer's preset menu: its first entry leaves every slider in charge.
OWN_SLIDERS = "(your sliders)"


def _with_presets(expr: str) -> str:
    """``expr`` with each parameter read through the report's preset menu (Vega signal ``preset``): a preset's
    own values win for the parameters it sets; the sliders give the rest."""
    import json
    import re

    chosen = presets()
    for p in _parameters():
        cases = [(name, values[p.name]) for name, values in chosen.items() if p.name in values]
        if not cases:
            continue
        ternary = "".join(f"preset === {json.dumps(name)} ? {float(v)!r} : " for name, v in cases) + p.name
        expr = re.sub(rf"(?<![\w.]){p.name}(?!\w)", f"({ternary})", expr)
    return expr


def vega_formulas(with_presets: bool = False) -> list[tuple[str, str]]:
    """:data:`VEGA_FORMULAS` with the H20's fixed performance and bandwidth substituted (and, for the report's
    explorer, every parameter read through its preset menu)."""
    perf, bw = repr(h20_perf_vs_h100()), repr(h20_bw_vs_h100())
    out = [(name, expr.replace("H20_PERF", perf).replace("H20_BW", bw)) for name, expr in VEGA_FORMULAS]
    return [(name, _with_presets(expr)) for name, expr in out] if with_presets else out


#: The preset built from what happened after the article (its allowance is indicative, not a bound: see below).
DISCOURAGED = "Licensed but discouraged (Aug-Oct 2025, indicative)"


def discouraged_allowance() -> float:
    """An indicative reading of Beijing's allowance while H20 licences were available: August to October 2025.

    All reported H20 revenue of that quarter (Nvidia's Q3 FY2026), annualised, over price × demand.
    Its biases point both ways, so it is neither an upper nor a lower bound:

    * up: the figure is total H20 revenue, not China's alone;
    * down: US-side causes could have held sales down whatever Beijing wanted. No regulation had
      codified the 15% (events e046), and Nvidia reportedly told suppliers to halt H20 work on
      22 August 2025 (e045).

    May to July 2025 is left out on purpose: H20 sales to China were zero then because of the *US*
    licence requirement, which says nothing about Beijing's tolerance.
    """
    quarter = _money("h20_revenue_q3_fy26_usd")[0]
    d = defaults()
    return quarter * 4 / d["h20_price_usd"] / d["demand_units"]


def presets() -> dict[str, dict[str, float]]:
    """Named scenarios: parameter overrides on top of the defaults."""
    return {
        "Illustrative baseline (Beijing's allowance 0.5, assumed)": {},
        "Beijing bans H20": {"allowance": 0.0},
        "Washington refuses H20 licences": {"h20_licensed": 0.0},
        "Cut-down Blackwell sold (RTX Pro 6000D)": {"blackwell_allowed": 1.0},
        "Levy raised to 25%": {"levy_rate_pct": 25.0},
        DISCOURAGED: {"allowance": discouraged_allowance(), "levy_rate_pct": 0.0, "blackwell_allowed": 0.0},
    }


#: Why the licensed-but-discouraged preset has its values, each with a source.
FOLLOWED_SOURCES = {
    "allowance": "Indicative: the reported H20 revenue of Aug-Oct 2025 (about $50m, all customers, not China's alone, "
                 "which reads high), annualised, over price x demand (reportify-2025-11-19-q3, low grade); US-side "
                 "causes could have held sales down (no codified levy, e046; H20 work reportedly halted, e045), "
                 "which reads low; May-Jul 2025 left out "
                 "because the US licence requirement, not Beijing, stopped sales (kaohoon-2025-08-nvda-q2fy26)",
    "levy_rate_pct": "No levy collected: never codified, no payment found (outcomes table: was the 15% levy paid?)",
    "blackwell_allowed": "RTX Pro 6000D, the lever's one product: China's internet regulator reportedly told ByteDance "
                         "and Alibaba to cancel their orders in September 2025 (events e047); the B30A, a different "
                         "part, was refused by Washington (outcomes table: was a Blackwell chip licensed?)",
}


def followed_sources_table() -> pd.DataFrame:
    """:data:`FOLLOWED_SOURCES` as a table a reader can scan: parameter, value, why."""
    values = presets()[DISCOURAGED]
    labels = {p.name: p.label for p in _parameters()}
    return pd.DataFrame([{"parameter": labels[k], "value": f"{values[k]:.3g}", "why, with sources": v}
                         for k, v in FOLLOWED_SOURCES.items()])


def preset_table() -> pd.DataFrame:
    """Every preset's outputs side by side (one row per preset)."""
    rows = []
    for name, overrides in presets().items():
        out = model(**overrides)
        rows.append({"scenario": name, **{k: float(v) for k, v in out.items()}})
    return pd.DataFrame(rows)


def sensitivity(output: str) -> pd.DataFrame:
    """Swing of one output when each parameter moves from its low to its high end, others at default."""
    if output not in OUTPUTS:
        raise ParameterError(f"unknown output {output!r} (known: {', '.join(OUTPUTS)})")
    rows = []
    base = float(model()[output])
    for p in parameters():
        if p.low == p.high:
            continue
        lo, hi = float(model(**{p.name: p.low})[output]), float(model(**{p.name: p.high})[output])
        rows.append({"parameter": p.name, "label": p.label, "at_low": lo, "at_high": hi,
                     "swing": abs(hi - lo), "base": base})
    return pd.DataFrame(rows).sort_values("swing", ascending=False, ignore_index=True)
