"""Charts re-set for a slide: type large enough to read from the back of a room.

A chart stored in a notebook is drawn for a page (labels of 10–12 px). On a slide the SVG is scaled
to fill the slide's box (``slides.css``), which enlarges small charts but not wide ones. Here each
slide's chart is re-set before it is drawn: every font size in its spec is multiplied until, once
the chart is fitted to the box, its smallest text is at least :data:`MIN_PX`. Larger type takes
more room, so the fit is measured again from the redrawn SVG, a few rounds at most.
"""

from __future__ import annotations

import copy
import json
import re
import textwrap
from typing import Any

from helpers.views.theme import figure_html, figure_spec, static_svg

#: The smallest text a slide may show, in CSS pixels at the deck's 1280 × 800 (issue 21: 18 px).
MIN_PX = 18.0
#: The chart's box on a slide: the slide less its padding and the source line under the chart.
BOX = (1190.0, 660.0)
#: Font-size keys of a Vega-Lite spec, and Vega's defaults for the ones the theme leaves unset.
FONT_KEYS = ("fontSize", "labelFontSize", "titleFontSize", "subtitleFontSize")
#: (the others grow with the text: see GROWS_WITH_TEXT)
_DEFAULTS = {"text": {"fontSize": 11}, "header": {"labelFontSize": 10, "titleFontSize": 11},
             "axis": {"labelFontSize": 10, "titleFontSize": 11, "labelLimit": 180},
             "legend": {"labelFontSize": 10, "titleFontSize": 11, "labelLimit": 160, "titleLimit": 180},
             "title": {"fontSize": 13, "subtitleFontSize": 10}}


def _sizes(node: Any) -> list[float]:
    if isinstance(node, dict):
        own = [float(v) for k, v in node.items() if k in FONT_KEYS and isinstance(v, int | float)]
        return own + [x for v in node.values() for x in _sizes(v)]
    if isinstance(node, list):
        return [x for v in node for x in _sizes(v)]
    return []


#: Lengths that hold text and must grow with it: widths before "…", offsets of a label from its mark. (Row
#: heights do not: grown with the text, the chart would grow as fast as its type and never fit.)
GROWS_WITH_TEXT = (*FONT_KEYS, "labelLimit", "titleLimit", "limit", "dy", "dx")


def _scale(node: Any, k: float) -> Any:
    if isinstance(node, dict):
        return {key: (round(v * k, 1) if key in GROWS_WITH_TEXT and isinstance(v, int | float)
                      and not isinstance(v, bool) else _scale(v, k)) for key, v in node.items()}
    if isinstance(node, list):
        return [_scale(v, k) for v in node]
    return node


def with_defaults(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` with Vega's default font sizes written into its config, so scaling reaches them too."""
    out = copy.deepcopy(spec)
    config = out.setdefault("config", {})
    for part, sizes in _DEFAULTS.items():
        for key, value in sizes.items():
            config.setdefault(part, {}).setdefault(key, value)
    return out


def _size(svg: str) -> tuple[float, float]:
    m = re.search(r'<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"', svg)
    return (float(m[1]), float(m[2])) if m else BOX


def fit(svg: str, box: tuple[float, float] = BOX) -> float:
    """How much the slide (or page: ``box``) enlarges or shrinks this SVG to fit."""
    w, h = _size(svg)
    return min(box[0] / w, box[1] / h)


def _wrap(text: Any, width: int) -> Any:
    """A title as lines of at most ``width`` characters (a long one-line title would widen the chart)."""
    if not isinstance(text, str) or len(text) <= width:
        return text
    return textwrap.wrap(text, width)


#: The longest line of an axis title on a slide or a page: a vertical axis title longer than its axis would make
#: the chart taller as its type grows, so that no size of type ever fits (the chart shrank to a stamp).
AXIS_TITLE_CHARS = {"y": 34}


def _wrap_axis_titles(node: Any) -> Any:
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k == "encoding" and isinstance(v, dict):
                out[k] = {ch: ({**d, "title": _wrap(d["title"], AXIS_TITLE_CHARS[ch])}
                               if ch in AXIS_TITLE_CHARS and isinstance(d, dict) and isinstance(d.get("title"), str)
                               else _wrap_axis_titles(d)) for ch, d in v.items()}
            else:
                out[k] = _wrap_axis_titles(v)
        return out
    if isinstance(node, list):
        return [_wrap_axis_titles(v) for v in node]
    return node


def wrapped_titles(spec: dict[str, Any], width: int = 64) -> dict[str, Any]:
    """``spec`` with its title, subtitle and long axis titles broken into lines."""
    out = _wrap_axis_titles(copy.deepcopy(spec))
    title = out.get("title")
    if isinstance(title, dict):
        title["text"] = _wrap(title.get("text"), width)
        if "subtitle" in title:
            title["subtitle"] = _wrap(title["subtitle"], int(width * 1.3))
    elif isinstance(title, str):
        out["title"] = _wrap(title, width)
    return out


def _roomy_steps(node: Any, least: float) -> Any:
    """Every band or row ``step`` at least ``least`` px, so a label never overlaps its neighbour."""
    if isinstance(node, dict):
        return {k: (max(float(v), least) if k == "step" and isinstance(v, int | float) else _roomy_steps(v, least))
                for k, v in node.items()}
    if isinstance(node, list):
        return [_roomy_steps(v, least) for v in node]
    return node


def for_slide(spec: dict[str, Any], rounds: int = 8, *, box: tuple[float, float] = BOX, min_px: float = MIN_PX,
              title_chars: int = 64) -> tuple[dict[str, Any], str, float]:
    """The spec re-set for a slide (or a page: ``box``, ``min_px``), its SVG, and the smallest text it shows (px)."""
    spec = wrapped_titles(with_defaults(spec), title_chars)
    svg = static_svg(spec)
    for _ in range(rounds):
        smallest = min(_sizes(spec)) * fit(svg, box)
        if smallest >= min_px:
            break
        spec = _scale(spec, min_px / smallest * 1.08)
        # rows as tall as their labels: 1.4 × the axis labels, which grow with the type
        spec = _roomy_steps(spec, 1.4 * spec["config"]["axis"]["labelFontSize"])
        svg = static_svg(spec)
    return spec, svg, min(_sizes(spec)) * fit(svg, box)


def is_interactive(spec: dict[str, Any]) -> bool:
    """True for a chart with sliders or other bound inputs (HTML beside the SVG, which paper cannot show)."""
    return '"bind"' in json.dumps(spec)


def reset_figure(figure: str, *, box: tuple[float, float] = BOX, min_px: float = MIN_PX, title_chars: int = 64,
                 interactive: str | None = None, too_dense: str | None = None) -> str:
    """A stored chart ``<figure>`` (with its script) redrawn for ``box`` at ``min_px``; anything else unchanged.

    A chart with sliders is returned as it is, or replaced by ``interactive``: re-set type would crush
    its bars, and its sliders (HTML under the chart) cannot be scaled with it. A chart whose type cannot
    reach ``min_px`` is replaced by ``too_dense`` when given.
    """
    found = figure_spec(figure)
    if found is None:
        return figure
    chart_id, spec = found
    if is_interactive(spec):
        return figure if interactive is None else interactive
    spec, _, smallest = for_slide(spec, box=box, min_px=min_px, title_chars=title_chars)
    if too_dense is not None and smallest < min_px * 0.99:
        return too_dense
    return figure_html(spec, chart_id)


#: Head-room over :data:`MIN_PX`: the browser lays text out a little wider than vl-convert does, so a
#: chart set to exactly 18 px can fit its slide at 17.9.
HEADROOM = 1.05


def slide_figure(figure: str) -> str:
    """A stored chart redrawn for a slide (the deck shows the scenario explorer as a data slide)."""
    return reset_figure(figure, min_px=MIN_PX * HEADROOM)
