"""Every number notebook 04's prose states that the model computes, computed here, once.

The prose is written by hand, so it can drift from the model whenever a data row changes. To
stop that, each such sentence is listed in :data:`STATEMENTS` as a template whose blanks are
filled from :func:`values`; a test (``tests/test_stated_numbers.py``) renders every template and
requires the rendered text, word for word, in the notebook's Markdown. Changing a data row
that moves a number makes that test fail until the prose says the new number.

To see what the prose must say today::

    python -m helpers.models.stated
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from helpers.models.chips import best_sourced
from helpers.models.scenarios import (
    ascend_mix,
    blackwell_fp16_multiplier,
    defaults,
    h20_bw_vs_h100,
    h20_perf_vs_h100,
    model,
    parameters,
    rtx6000d_ranges,
)
from helpers.models.uncertainty import uncertainty_table


@dataclass(frozen=True)
class Statement:
    """A sentence (or the part of one that holds numbers) that a notebook must contain, with blanks."""

    notebook: str
    template: str

    def render(self) -> str:
        """The template with today's computed values."""
        return self.template.format(**values())


def _chip(chip_id: str, metric: str) -> float:
    c = best_sourced()
    return float(c.loc[(c["chip_id"] == chip_id) & (c["metric"] == metric), "value"].astype(float).max())


def _pct(x: float) -> str:
    return f"{x * 100:.0f}"


def _first_over(out: dict[str, np.ndarray], grid: np.ndarray, nvidia: str, domestic: str) -> str:
    over = grid[out[nvidia] > out[domestic]]
    return f"{float(over[0]):.2f}" if over.size else "never"


@lru_cache(maxsize=1)
def values() -> dict[str, str]:
    """The numbers, formatted as the prose writes them (named by what they are)."""
    p = {x.name: x for x in parameters()}
    d = defaults()
    d6 = rtx6000d_ranges()
    mult = blackwell_fp16_multiplier()
    bands = uncertainty_table().set_index(["scenario", "output"])
    base_name = next(iter(bands.index.get_level_values(0)))
    base, ban = (lambda o: bands.loc[(base_name, o)]), (lambda o: bands.loc[("Beijing bans H20", o)])
    at_quarter = model(allowance=0.25)
    at_default = model()
    grid = np.round(np.arange(0, 1.0001, 0.05), 2)
    scan = model(allowance=grid)
    h20_bw = _chip("h20", "memory_bandwidth_tb_s")
    lo_mix, hi_mix = ascend_mix()
    return {
        # section 1: the two measures and the chips
        "h20_fp16_h100e": f"{h20_perf_vs_h100():.2f}",
        "h20_tflops": f"{_chip('h20', 'fp16_dense_tflops'):,.0f}",
        "h100_tflops": f"{_chip('h100_sxm', 'fp16_dense_tflops'):,.0f}",
        "h20_bw_h100e": f"{h20_bw_vs_h100():.2f}",
        "h20_tb_s": f"{h20_bw:.1f}",
        "h100_tb_s": f"{_chip('h100_sxm', 'memory_bandwidth_tb_s'):.2f}",
        "d6_fp16_low": f"{d6['fp16_dense_tflops'][0]:,.0f}",
        "d6_fp16_high": f"{d6['fp16_dense_tflops'][1]:,.0f}",
        "d6_cores": f"{_chip('rtx_pro_6000d', 'cuda_cores'):,.0f} of {_chip('rtx_pro_6000', 'cuda_cores'):,.0f}",
        "d6_bw_low": f"{d6['memory_bandwidth_tb_s'][0]:.1f}",
        "d6_bw_high": f"{d6['memory_bandwidth_tb_s'][1]:.1f}",
        "ascend_910b": f"{_chip('ascend_910b', 'fp16_dense_tflops'):,.0f} TFLOPS and {_chip('ascend_910b', 'memory_bandwidth_tb_s'):.1f} TB/s",
        "ascend_910c": f"{_chip('ascend_910c', 'fp16_dense_tflops'):,.0f} TFLOPS and {_chip('ascend_910c', 'memory_bandwidth_tb_s'):.1f} TB/s",
        "b_fp16": f"{_chip('ascend_910b', 'fp16_dense_tflops'):,.0f}",
        "c_fp16": f"{_chip('ascend_910c', 'fp16_dense_tflops'):,.0f}",
        "b_tb_s": f"{_chip('ascend_910b', 'memory_bandwidth_tb_s'):.1f}",
        "c_tb_s": f"{_chip('ascend_910c', 'memory_bandwidth_tb_s'):.1f}",
        "mix_low": _pct(lo_mix), "mix_high": _pct(hi_mix),
        "dom_units_low": f"{p['domestic_units'].low:,.0f}", "dom_units_high": f"{p['domestic_units'].high:,.0f}",
        "dom_units_default": f"{d['domestic_units']:,.0f}",
        # section 3: the 6000D's effect
        "mult_low": f"{mult['low']:.1f}", "mult_high": f"{mult['high']:.1f}", "mult_default": f"{mult['default']:.1f}",
        "d6_bw_vs_h20_low": _pct(d6["memory_bandwidth_tb_s"][0] / h20_bw),
        "d6_bw_vs_h20_high": _pct(d6["memory_bandwidth_tb_s"][1] / h20_bw),
        # section 3 and 5: the baseline as a median with its band
        "base_share": _pct(base("domestic_share")["median"]), "base_share_p5": _pct(base("domestic_share")["p5"]),
        "base_share_p95": _pct(base("domestic_share")["p95"]),
        "base_share_bw": _pct(base("domestic_share_bw")["median"]),
        "base_share_bw_p5": _pct(base("domestic_share_bw")["p5"]),
        "base_share_bw_p95": _pct(base("domestic_share_bw")["p95"]),
        "ban_compute_k": f"{ban('compute_total_h100e')['median'] / 1e3:,.0f}",
        "ban_compute_p5_k": f"{ban('compute_total_h100e')['p5'] / 1e3:,.0f}",
        "ban_compute_p95_k": f"{ban('compute_total_h100e')['p95'] / 1e3:,.0f}",
        # solutions 04.1 and 04.2: single runs at the defaults, as the exercises ask
        "default_share": _pct(float(at_default["domestic_share"])),
        "default_share_bw": _pct(float(at_default["domestic_share_bw"])),
        "quarter_share": _pct(float(at_quarter["domestic_share"])),
        "quarter_share_bw": _pct(float(at_quarter["domestic_share_bw"])),
        "first_over_fp16": _first_over(scan, grid, "compute_h20_h100e", "compute_domestic_h100e"),
        "first_over_bw": _first_over(scan, grid, "bandwidth_h20_h100e", "bandwidth_domestic_h100e"),
    }


#: The sentences, in notebook order. Each template must appear, rendered, in the notebook's Markdown.
STATEMENTS: tuple[Statement, ...] = (
    Statement("04_scenarios", "the H20 counts for about {h20_fp16_h100e} of an H100 ({h20_tflops} against {h100_tflops} TFLOPS)"),
    Statement("04_scenarios", "the H20 counts for about {h20_bw_h100e} ({h20_tb_s} against {h100_tb_s} TB/s)"),
    Statement("04_scenarios", "from {d6_fp16_low} TFLOPS (an H20's worth)"),
    Statement("04_scenarios", "at most {d6_fp16_high} TFLOPS"),
    Statement("04_scenarios", "the small processing units of an Nvidia GPU ({d6_cores})"),
    Statement("04_scenarios", "{d6_bw_low} to {d6_bw_high} TB/s"),
    Statement("04_scenarios", "the 910B {ascend_910b}, the 910C {ascend_910c}"),
    Statement("04_scenarios", "the H20 is weak in FP16 ({h20_tflops} TFLOPS against {b_fp16} and {c_fp16}) but reads "
                              "memory faster ({h20_tb_s} TB/s against {b_tb_s} and {c_tb_s})"),
    Statement("04_scenarios", "{mix_low}% to {mix_high}% of the Ascend chips are 910Cs"),
    Statement("04_scenarios", "between {dom_units_low} and {dom_units_high} Ascend chips, {dom_units_default} by default"),
    Statement("04_scenarios", "by about {mult_low} to {mult_high} ({mult_default} at the defaults)"),
    Statement("04_scenarios", "at {d6_bw_vs_h20_low}–{d6_bw_vs_h20_high}% of the H20's speed"),
    Statement("04_scenarios", "domestic chips supply a median {base_share}% of the new FP16 compute (5–95% band "
                              "{base_share_p5}–{base_share_p95}%) but {base_share_bw}% of the new memory bandwidth "
                              "({base_share_bw_p5}–{base_share_bw_p95}%)"),
    Statement("04_scenarios", "a median {ban_compute_k} thousand H100-equivalents of FP16 compute a year "
                              "({ban_compute_p5_k}–{ban_compute_p95_k} thousand)"),
    Statement("04_scenarios", "the domestic share rises from about {default_share}% to {quarter_share}%. Counted in "
                              "memory bandwidth it rises from {default_share_bw}% to {quarter_share_bw}%"),
    Statement("04_scenarios", "overtakes domestic compute at an allowance of {first_over_fp16}. In memory bandwidth "
                              "it does so at {first_over_bw}"),
)


def main() -> None:
    """Print each statement as the prose must write it."""
    for s in STATEMENTS:
        print(f"{s.notebook}: {s.render()}")


if __name__ == "__main__":
    main()
