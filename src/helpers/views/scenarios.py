"""Charts and controls for notebook 04 (the scenario lab).

Three views of one model (:mod:`helpers.models.scenarios`): static preset charts (stored in the
notebook, checked by nbval), a live Vega explorer whose sliders recompute the model in the
browser (the HTML report, no kernel), and ipywidgets controls (JupyterLab, with a kernel).
"""

from __future__ import annotations

import html
import json

import altair as alt
import numpy as np
import pandas as pd

from helpers.models.scenarios import (
    OWN_SLIDERS,
    ParameterError,
    defaults,
    model,
    parameters,
    parameters_table,
    preset_table,
    presets,
    sensitivity,
    vega_formulas,
)
from helpers.views.i18n import local_number, translate
from helpers.views.readable import number
from helpers.views.theme import finish

SOURCE = "helpers.models.scenarios: parameters from data/money.csv and data/chips.csv, assumptions as listed"
COMPUTE_FIELDS = {"compute_h20_h100e": "H20", "compute_blackwell_h100e": "RTX Pro 6000D (Blackwell)",
                  "compute_domestic_h100e": "domestic (Huawei)"}
BANDWIDTH_FIELDS = {k.replace("compute_", "bandwidth_"): v for k, v in COMPUTE_FIELDS.items()}
#: The two ways the model counts compute, each in H100-equivalents, with what each measure is for.
MEASURES = {"fp16": "Dense FP16 throughput (training)", "bandwidth": "Memory bandwidth (serving models)"}
MONEY_FIELDS = {"nvidia_net_usd": "Nvidia China revenue after levy", "us_take_usd": "US government take"}
_SOURCE_COLORS = alt.Scale(domain=list(COMPUTE_FIELDS.values()), range=["#009E73", "#56B4E9", "#E69F00"])
_MONEY_COLORS = alt.Scale(domain=list(MONEY_FIELDS.values()), range=["#009E73", "#0072B2"])


def _base(data) -> alt.Chart:
    return data if isinstance(data, alt.Chart) else alt.Chart(data)


def _compute_chart(data, measure: str, y: alt.Y | None = None) -> alt.Chart:
    return _base(data).transform_filter(alt.datum.measure == measure).mark_bar().encode(
        x=alt.X("sum(h100e):Q", title=f"{MEASURES[measure]}: thousand H100-equivalents per year"),
        color=alt.Color("source:N", title="Compute from", scale=_SOURCE_COLORS),
        tooltip=["source:N", alt.Tooltip("sum(h100e):Q", format=",.1f", title="thousand H100e")],
        **({"y": y} if y is not None else {}),
    )


def _money_chart(data, y: alt.Y | None = None) -> alt.Chart:
    return _base(data).mark_bar().encode(
        x=alt.X("sum(usd_bn):Q", title="Nvidia China revenue, split (billion USD per year)"),
        color=alt.Color("flow:N", title="Revenue goes to", scale=_MONEY_COLORS),
        tooltip=["flow:N", alt.Tooltip("sum(usd_bn):Q", format=",.2f", title="billion USD")],
        **({"y": y} if y is not None else {}),
    )


#: Money on an axis as people write it: "$1.5 bn".
BILLIONS = 'format(datum.value / 1e9, ",.1f") + " bn"'


def parameters_display() -> pd.DataFrame:
    """The assumptions table as a reader sees it: labels, numbers as people write them, range in one column."""
    t = parameters_table()
    return pd.DataFrame({
        "Parameter": t["label"], "Default": t["default"].map(number),
        "Plausible range": [f"{number(lo)} to {number(hi)}" for lo, hi in zip(t["low"], t["high"], strict=True)],
        "Unit": t["unit"], "Why": t["rationale"], "Sources": t["source_id"].str.replace("; ", ", ")})


#: The outputs a preset is reported by, each with its reader's label and how its numbers are written.
_HEADLINES = {
    "nvidia_revenue_usd": ("Nvidia China revenue ($ bn)", lambda v: f"{v / 1e9:,.1f}"),
    "us_take_usd": ("US government take ($ bn)", lambda v: f"{v / 1e9:,.2f}"),
    "compute_total_h100e": ("FP16 compute (thousand H100e)", lambda v: f"{v / 1e3:,.0f}"),
    "bandwidth_total_h100e": ("Memory bandwidth (thousand H100e)", lambda v: f"{v / 1e3:,.0f}"),
    "domestic_share": ("Domestic share, FP16 (%)", lambda v: f"{v * 100:.0f}"),
    "domestic_share_bw": ("Domestic share, bandwidth (%)", lambda v: f"{v * 100:.0f}"),
}


def median_with_band(p5: float, median: float, p95: float, fmt, unit: str = "") -> str:
    """"64 (43–95)", or with ``unit`` "64% (43–95%)": the median, then the 5–95% band in brackets; one number
    when the band is a point."""
    lo, mid, hi = fmt(p5), fmt(median), fmt(p95)
    return f"{mid}{unit}" if lo == hi == mid else f"{mid}{unit} ({lo}–{hi}{unit})"


def preset_headlines(bands: pd.DataFrame) -> dict[str, str]:
    """Each preset's two domestic shares and US take in one line, as the slides and the explorer say them (in the
    current edition's words and number format, the preset's name too)."""
    from helpers.views.i18n import _

    lines = {}
    for scenario, group in bands.groupby("scenario", sort=False):
        by = group.set_index("output")
        said = band_lines({o: tuple(float(v) for v in by.loc[o, ["p5", "median", "p95"]]) for o in BAND_LINES})
        fp16, bw, take = said.values()
        lines[translate(scenario)] = _("domestic share {fp16} of new FP16 compute and {bandwidth} of memory "
                                       "bandwidth; US take {take}").format(fp16=fp16, bandwidth=bw, take=take)
    return lines


def presets_display(bands: pd.DataFrame) -> pd.DataFrame:
    """Each preset's headline outputs as its median with its 5–95% band (from :func:`uncertainty_table`).

    A single run at the default values would hide how wide the inputs' ranges are; the median of
    the draws, with its band, is the figure the model can defend (tests check that the run at the
    defaults lies inside every band).
    """
    rows = []
    for scenario, group in bands.groupby("scenario", sort=False):
        by = group.set_index("output")
        rows.append({"Scenario": scenario, **{label: median_with_band(*by.loc[o, ["p5", "median", "p95"]], fmt)
                                              for o, (label, fmt) in _HEADLINES.items()}})
    return pd.DataFrame(rows)


def uncertainty_chart(table: pd.DataFrame) -> alt.VConcatChart:
    """Median and 5–95% band of the domestic share and of the US take, per preset."""
    order = list(dict.fromkeys(table["scenario"]))
    y = alt.Y("scenario:N", sort=order, title=None, axis=alt.Axis(labelLimit=300))

    def band(output: str, x_title: str, scale: float, axis: alt.Axis) -> alt.LayerChart:
        d = table[table["output"] == output].assign(lo=lambda t: t["p5"] / scale, mid=lambda t: t["median"] / scale,
                                                    hi=lambda t: t["p95"] / scale)
        x = alt.X("lo:Q", title=x_title, axis=axis)
        rule = alt.Chart(d).mark_rule(strokeWidth=4, opacity=0.5, color="#0072B2").encode(y=y, x=x, x2="hi:Q")
        dot = alt.Chart(d).mark_circle(size=90, color="#0072B2", opacity=1).encode(
            y=y, x="mid:Q", tooltip=["scenario", alt.Tooltip("lo:Q", format=",.2f", title="5th percentile"),
                                     alt.Tooltip("mid:Q", format=",.2f", title="median"),
                                     alt.Tooltip("hi:Q", format=",.2f", title="95th percentile")])
        return (rule + dot).properties(width=440, height=alt.Step(26))

    share = table[(table["output"] == "domestic_share")].set_index("scenario")
    base = share.iloc[0]
    chart = alt.vconcat(
        band("domestic_share", "Domestic share of China's new FP16 compute (median and 5–95% band)", 1,
             alt.Axis(format="%")),
        band("domestic_share_bw", "Domestic share of China's new memory bandwidth (median and 5–95% band)", 1,
             alt.Axis(format="%")),
        band("us_take_usd", "US government take, $ bn per year (median and 5–95% band)", 1e9,
             alt.Axis(labelExpr='format(datum.value, ",.1f")')),
    )
    return finish(
        chart,
        title=f"Ranges, not points: in the illustrative baseline the domestic share of FP16 compute lies between "
              f"{base['p5']:.0%} and {base['p95']:.0%}",
        subtitle=f"{len(table['scenario'].unique())} presets × 10,000 draws, every sourced or assumed parameter "
                 "uniform over its range (levy and Blackwell approval fixed by the preset)",
        description="Three dot-and-band charts, one row per preset: the median and 5th to 95th percentile of the "
                    "domestic share of new compute (as FP16 throughput and as memory bandwidth) and of the US "
                    "government take in billions of dollars.",
        source=SOURCE + "; helpers.models.uncertainty (seed 20250812)",
    )


def long_presets(table: pd.DataFrame | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Preset outputs in long form: (compute by measure and source, money by flow)."""
    t = preset_table() if table is None else table
    parts = []
    for measure, fields in (("fp16", COMPUTE_FIELDS), ("bandwidth", BANDWIDTH_FIELDS)):
        part = t.melt(id_vars="scenario", value_vars=list(fields), var_name="field", value_name="value")
        parts.append(part.assign(measure=measure, source=part["field"].map(fields), h100e=part["value"] / 1000))
    compute = pd.concat(parts, ignore_index=True)
    money = t.melt(id_vars="scenario", value_vars=list(MONEY_FIELDS), var_name="field", value_name="value")
    money = money.assign(flow=money["field"].map(MONEY_FIELDS), usd_bn=money["value"] / 1e9)
    return compute[["scenario", "measure", "source", "h100e"]], money[["scenario", "flow", "usd_bn"]]


def presets_chart(table: pd.DataFrame | None = None) -> alt.VConcatChart:
    """Each preset's compute by source and money by flow, side by side."""
    t = preset_table() if table is None else table
    compute, money = long_presets(t)
    order = list(t["scenario"])
    y = alt.Y("scenario:N", sort=order, title=None, axis=alt.Axis(labelLimit=260))
    top = t.loc[t["domestic_share"].idxmax()]
    base = t.iloc[0]
    chart = alt.vconcat(
        _compute_chart(compute, "fp16", y).properties(width=460, height=alt.Step(24)),
        _compute_chart(compute, "bandwidth", y).properties(width=460, height=alt.Step(24)),
        _money_chart(money, y).properties(width=460, height=alt.Step(24)),
    ).resolve_scale(color="independent", x="independent")
    return finish(
        chart,
        title=f"'{top['scenario']}' gives domestic chips the largest share of China's new FP16 compute "
              f"({top['domestic_share']:.0%}); counted in memory bandwidth, the H20 weighs far more",
        subtitle=f"One run per scenario with every input at the centre of its range (medians and bands: section 5), one "
                 f"year of demand; in the baseline domestic chips give "
                 f"{base['domestic_share']:.0%} of the FP16 throughput but {base['domestic_share_bw']:.0%} of the "
                 "memory bandwidth",
        description="Three stacked bar charts by scenario: compute delivered by source (H20, RTX Pro 6000D, domestic) "
                    "counted as dense FP16 throughput and as memory bandwidth, both in H100-equivalents, and Nvidia "
                    "revenue split between Nvidia and the US government.",
        source=SOURCE,
    )


def _lower_first(text: str) -> str:
    """'Domestic share' -> 'domestic share', but 'US government take' stays as it is."""
    return text if text[:2].isupper() else text[:1].lower() + text[1:]


def sensitivity_chart(output: str = "domestic_share", label: str = "Domestic share of new compute") -> alt.LayerChart:
    """Tornado: how far each assumption, moved across its range, swings one output."""
    s = sensitivity(output)
    base = s["base"].iloc[0]
    y = alt.Y("label:N", sort=list(s["label"]), title=None, axis=alt.Axis(labelLimit=300))
    money = output.endswith("_usd")
    fmt = ".0%" if output.startswith("domestic_share") else ",.3s"
    # money as people write it ("$1.5 bn"), never SI prefixes ("1.50G")
    axis = alt.Axis(labelExpr='"$" + ' + BILLIONS) if money else alt.Axis(format=fmt)
    title = f"{label.replace('(USD per year)', '($ bn per year)')} (parameter at low → high end of its range)"
    tip = ",.0f" if money else fmt
    bars = alt.Chart(s).mark_rule(strokeWidth=10, color="#0072B2").encode(
        y=y, x=alt.X("at_low:Q", title=title, axis=axis), x2="at_high:Q",
        tooltip=["label", alt.Tooltip("at_low:Q", format=tip), alt.Tooltip("at_high:Q", format=tip)])
    lows = alt.Chart(s).mark_point(shape="triangle-left", size=60, filled=True, color="#444").encode(y=y, x="at_low:Q")
    rule = alt.Chart(pd.DataFrame({"base": [base]})).mark_rule(strokeDash=[4, 3], color="#222").encode(x="base:Q")
    return finish(
        (bars + lows + rule).properties(width=440, height=alt.Step(26)),
        title=f"{s['label'].iloc[0]} moves the {_lower_first(label.replace(' (USD per year)', ''))} most",
        subtitle="One parameter at a time across its plausible range, the others at their defaults; "
                 "triangle: low end; dashed: baseline",
        description=f"Tornado chart of the swing in {_lower_first(label)} caused by each model parameter.",
        source=SOURCE,
    )


def explorer_chart() -> alt.VConcatChart:
    """The live explorer for the HTML report: Vega sliders recompute the model in the browser."""
    params = []
    for p in parameters():
        if p.name in SWITCHES:
            binding = alt.binding_radio(options=[0, 1], labels=["no", "yes"], name=f"{p.label} ")
        else:
            binding = alt.binding_range(min=p.slider_min, max=p.slider_max, step=p.step,
                                        name=f"{p.label} ({p.unit}) ")
        params.append(alt.param(name=p.name, value=p.default, bind=binding))
    # the presets, as in JupyterLab: a preset's values replace the sliders it sets (the others stay in charge)
    params.insert(0, alt.param(name="preset", value=OWN_SLIDERS, bind=alt.binding_select(
        options=[OWN_SLIDERS, *presets()], name="Start from a preset (its values replace the sliders it sets) ")))
    base = alt.Chart(alt.Data(values=[{"scenario": "your scenario"}]))
    for name, expr in vega_formulas(with_presets=True):
        base = base.transform_calculate(**{name: expr})
    fields = {**COMPUTE_FIELDS, **BANDWIDTH_FIELDS}
    compute = base.transform_fold(list(fields), as_=["field", "value"]).transform_calculate(
        source=" : ".join(f"datum.field === '{k}' ? '{v}'" for k, v in fields.items()) + " : ''",
        measure="indexof(datum.field, 'bandwidth_') === 0 ? 'bandwidth' : 'fp16'",
        h100e="datum.value / 1000")
    money = base.transform_fold(list(MONEY_FIELDS), as_=["field", "value"]).transform_calculate(
        flow=" : ".join(f"datum.field === '{k}' ? '{v}'" for k, v in MONEY_FIELDS.items()) + " : ''",
        usd_bn="datum.value / 1e9")
    chart = alt.vconcat(
        _band_chart().properties(width=460, height=54),
        _compute_chart(compute, "fp16").properties(width=460, height=60),
        _compute_chart(compute, "bandwidth").properties(width=460, height=60),
        _money_chart(money).properties(width=460, height=60),
    ).add_params(*params).resolve_scale(color="independent", x="independent")
    return finish(
        chart,
        title="Your scenario: move the sliders below",
        subtitle=["The notebook's model, computed in your browser. Bold lines: medians with their bands, the sourced",
                  "inputs drawn over their ranges; bars: one run at exactly your slider settings"],
        description="Interactive stacked bars of compute by source, as dense FP16 throughput and as memory bandwidth "
                    "in H100-equivalents, and of the revenue split, driven by sliders for each model parameter.",
        source=SOURCE,
    )


def _band_chart() -> alt.Chart:
    """The explorer's three results as JupyterLab's status line writes them, median and band, computed in the
    browser over the same draws (:func:`helpers.models.uncertainty.explorer_draws`) with the reader's levers."""
    import re

    from helpers.models.uncertainty import explorer_draws

    draws = explorer_draws()
    # one short string per draw, split in the browser: CSV parsing would need eval, which the pages' policy
    # forbids, and records with names would triple the page's weight
    rows = [",".join(repr(float(v)) for v in row) for row in draws.itertuples(index=False)]
    band = alt.Chart(alt.InlineData(values=rows)).transform_calculate(
        **{c: f"toNumber(split(datum.data, ',')[{i}])" for i, c in enumerate(draws.columns)})
    for name, expr in vega_formulas(with_presets=True):
        for drawn in draws.columns:  # a sourced input comes from the draw, not from its slider
            expr = re.sub(rf"(?<![\w.]){drawn}(?!\w)", f"datum.{drawn}", expr)
        band = band.transform_calculate(**{name: expr})
    order = " : ".join(f"datum.field === '{k}' ? {i}" for i, k in enumerate(BAND_LINES)) + " : 9"
    return band.transform_fold(list(BAND_LINES), as_=["field", "value"]).transform_quantile(
        "value", probs=[0.05, 0.5, 0.95], groupby=["field"], as_=["prob", "q"],
    ).transform_calculate(at="datum.prob < 0.25 ? 'lo' : datum.prob > 0.75 ? 'hi' : 'mid'").transform_pivot(
        "at", value="q", groupby=["field"],
    ).transform_calculate(text=_vega_band_text(), order=order).mark_text(
        align="left", baseline="middle", fontSize=13, fontWeight="bold",
    ).encode(
        x=alt.value(0), y=alt.Y("order:O", axis=None), text="text:N",
    ).properties(title=alt.TitleParams(f"With your levers and assumptions ({BAND_NOTE}):",
                                       fontSize=12, fontWeight="normal", anchor="start"))


def scenario_frame(values: dict[str, float]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """One scenario's outputs in the long form the charts use."""
    out = {k: float(v) for k, v in model(**values).items()}
    return long_presets(pd.DataFrame([{"scenario": "your scenario", **out}]))


#: How a slider shows its value, by unit: whole units and dollars with thousands separators.
_READOUT = {"units per year": ",.0f", "USD per unit": ",.0f", "percent": ".0f"}
#: The model's yes/no levers: a tick box each, not a 0/1 slider.
SWITCHES = ("h20_licensed", "blackwell_allowed")


def status_line(values: dict[str, float]) -> str:
    """The explorer's line of results: both domestic shares and the US take, each a median with its band.

    The settings the reader chose for the assumptions and levers are kept; every sourced input is drawn
    over its range (:func:`helpers.models.uncertainty.explorer_draws`, the draws the report's explorer
    carries too), so the band says how much the sources' disagreement alone moves each figure.
    """
    from helpers.models.uncertainty import explorer_outputs

    out = explorer_outputs(values)
    pattern = translate(LABEL_PATTERN)
    return " · ".join(pattern.format(label=label, value=text) for label, text in band_lines(
        {k: tuple(float(v) for v in np.percentile(out[k], (5, 50, 95))) for k in BAND_LINES}).items()
    ) + f" ({translate(BAND_NOTE)})"


#: The explorers' three results, in order: (label, scale, format, how the number is written).
BAND_LINES = {
    "domestic_share": ("Domestic share of new FP16 compute", 0.01, ".0f", "%"),
    "domestic_share_bw": ("Domestic share of new memory bandwidth", 0.01, ".0f", "%"),
    "us_take_usd": ("US government take", 1e9, ",.2f", "bn"),
}
#: How a result's number is written, {n} standing for it: a sign follows each number ("63% (53–72%)"), words
#: follow the band ("$1.04 (0.82–1.25) bn a year"). Patterns, so that an edition can write them its own way.
BAND_PATTERNS = {"%": "{n}%", "bn": "${n} bn a year"}
LABEL_PATTERN = "{label}: {value}"
BAND_NOTE = "median, and 5–95% band over the sources' ranges"
#: Every word of the explorers' result lines, for the translation catalogue.
EXPLORER_WORDS = (*(v[0] for v in BAND_LINES.values()), *BAND_PATTERNS.values(), LABEL_PATTERN, BAND_NOTE)


def band_lines(quantiles: dict[str, tuple[float, float, float]]) -> dict[str, str]:
    """Each result of :data:`BAND_LINES` as its (label, "median (band)") text, from its (p5, median, p95), in the
    current edition's words and number format."""
    out = {}
    for key, (label, scale, fmt, kind) in BAND_LINES.items():
        pattern = translate(BAND_PATTERNS[kind])

        def written(v: float, f: str = fmt, sc: float = scale) -> str:
            return local_number(format(v / sc, f))
        # a sign pattern ("{n}%") follows each number; a words pattern wraps the median and its band
        out[translate(label)] = (median_with_band(*quantiles[key], written, pattern.replace("{n}", "")) if kind == "%"
                                 else pattern.format(n=median_with_band(*quantiles[key], written)))
    return out


def _vega_band_text() -> str:
    """:func:`band_lines` as one Vega expression over a row holding ``field``, ``lo``, ``mid`` and ``hi`` (Vega's
    ``format`` writes the numbers in the chart's locale, as :func:`band_lines` does)."""
    label_pre, label_post = translate(LABEL_PATTERN).split("{value}")
    cases = []
    for key, (label, scale, fmt, kind) in BAND_LINES.items():
        pre, post = translate(BAND_PATTERNS[kind]).split("{n}")
        lo, mid, hi = (f"format(datum.{q} / {scale!r}, '{fmt}')" for q in ("lo", "mid", "hi"))
        same = f"({lo} === {mid} && {hi} === {mid})"
        head = json.dumps(label_pre.format(label=translate(label)) + pre)
        if kind == "%":
            body = (f"{head} + {mid} + {json.dumps(post)} + ({same} ? '' : ' (' + {json.dumps(pre)} + {lo} + '–' + {hi} "
                    f"+ {json.dumps(post)} + ')')")
        else:
            body = f"{head} + {mid} + ({same} ? '' : ' (' + {lo} + '–' + {hi} + ')') + {json.dumps(post)}"
        cases.append(f"datum.field === '{key}' ? {body} + {json.dumps(label_post)}")
    return " : ".join(cases) + " : ''"


def explorer_widget():
    """ipywidgets controls (sliders, tick boxes, preset dropdown, reset) that redraw the charts in place.

    Layout: [preset dropdown + reset button], one control per parameter, a line of results, the charts.
    """
    import ipywidgets as w
    from IPython.display import display

    sliders = {}
    for p in parameters():
        label = f"{p.label} ({p.unit})" if p.name not in SWITCHES else p.label
        if p.name in SWITCHES:
            sliders[p.name] = w.Checkbox(value=bool(p.default), description=label, indent=False,
                                         layout=w.Layout(width="620px"))
        else:
            sliders[p.name] = w.FloatSlider(value=p.default, min=p.slider_min, max=p.slider_max, step=p.step,
                                            description=label, style={"description_width": "340px"},
                                            readout_format=_READOUT.get(p.unit, ".2f"),
                                            layout=w.Layout(width="620px"), continuous_update=False)
    preset = w.Dropdown(options=list(presets()), description="Preset", style={"description_width": "300px"})
    reset = w.Button(description="Reset to defaults", icon="undo")
    timing = w.HTML()
    out = w.Output()

    def redraw(*_):
        values = {k: float(s.value) for k, s in sliders.items()}
        try:
            compute, money = scenario_frame(values)
            line = status_line(values)
        except ParameterError as exc:  # a NaN or out-of-range value set from code: said, and the next move redraws
            timing.value = f"<small>{html.escape(str(exc))}; the charts still show the last valid values</small>"
            return
        timing.value = f"<small>{html.escape(line)}</small>"
        with out:
            out.clear_output(wait=True)
            display(alt.vconcat(_compute_chart(compute, "fp16").properties(width=460, height=60),
                                _compute_chart(compute, "bandwidth").properties(width=460, height=60),
                                _money_chart(money).properties(width=460, height=60)).resolve_scale(
                                    color="independent", x="independent"))

    def apply(values: dict[str, float]):
        # set every control without redrawing each time, then redraw once
        for k, s in sliders.items():
            s.unobserve(redraw, "value")
            s.value = bool(values[k]) if k in SWITCHES else values[k]
            s.observe(redraw, "value")
        redraw()

    preset.observe(lambda ch: apply({**defaults(), **presets()[ch["new"]]}), "value")
    reset.on_click(lambda _: apply(defaults()))
    for s in sliders.values():
        s.observe(redraw, "value")
    redraw()
    return w.VBox([w.HBox([preset, reset]), *sliders.values(), timing, out])
