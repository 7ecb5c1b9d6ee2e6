"""One chart theme and one chart renderer for every notebook, report page and slide.

The renderer writes each chart as a ``<figure>``: a static SVG (drawn by vl-convert, so it
shows in JupyterLab without a kernel, without JavaScript and without internet), a
``<figcaption>`` with the source line, and a small script that upgrades the SVG to a live
Vega view when the page has loaded the shared Vega bundle (the HTML report does).

Nothing in the output is random: the element id is a counter plus a hash of the spec, so a
notebook executed twice stores the same bytes and strict nbval needs no sanitising for charts.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import re
from typing import Any

import altair as alt
import pandas as pd
import vl_convert as vlc

#: Vega-Lite version the specs are compiled with (Altair 6 writes v6 specs).
VL_VERSION = "6.4"

FONT = "Helvetica, Arial, sans-serif"

#: Colours by actor: the same actor has the same colour in every chart (Okabe–Ito, colour-blind safe).
ACTOR_COLORS = {
    "United States": "#0072B2",
    "China": "#D55E00",
    "Both sides": "#000000",
    "Nvidia": "#009E73",
    "AMD": "#CC79A7",
    "Huawei": "#E69F00",
    "Cambricon": "#F0E442",
    "Article": "#666666",  # not Okabe–Ito grey #999999: too close to #CC79A7 for deuteranopes (tests/test_palette.py)
    "Other": "#56B4E9",
}
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#F0E442", "#666666"]

_counter = itertools.count(1)


def theme() -> alt.theme.ThemeConfig:
    """The project's chart theme: readable type, left-aligned titles, quiet axes."""
    return {
        "config": {
            "font": FONT,
            "view": {"stroke": None, "continuousWidth": 560, "continuousHeight": 300},
            "title": {"anchor": "start", "fontSize": 15, "subtitleFontSize": 12, "subtitleColor": "#444",
                      "offset": 10},
            "axis": {"labelFontSize": 11, "titleFontSize": 12, "gridColor": "#e6e6e6", "domainColor": "#888"},
            "legend": {"labelFontSize": 11, "titleFontSize": 12, "labelLimit": 320},
            "range": {"category": PALETTE},
        }
    }


def plot_date(dates: pd.Series) -> pd.Series:
    """Dates for a time axis: days as they are, a month ('YYYY-MM') at mid-month, a year ('YYYY') at mid-year."""
    month = dates.str.slice(0, 7) + "-15"
    year = dates.str.slice(0, 4) + "-07-01"
    return dates.where(dates.str.len() == 10, month.where(dates.str.len() == 7, year))


def dumbbell(data: pd.DataFrame, category: str, *, x_title: str, color: Any = "#0072B2",
             step: int = 26, width: int = 520, label_limit: int = 200) -> alt.LayerChart:
    """Ranges as dumbbells: a dot at ``low`` and at ``high`` joined by a line (one dot when they agree).

    ``data`` has columns ``category``, ``low`` and ``high``; rows are sorted by ``high``. ``color`` is
    a fixed colour or an ``alt.Color`` encoding.
    """
    y = alt.Y(f"{category}:N", sort=alt.EncodingSortField("high", order="descending"), title=None,
              axis=alt.Axis(labelLimit=label_limit))
    paint = {"color": color} if isinstance(color, alt.Color) else {"color": alt.value(color)}
    tooltip = [category, alt.Tooltip("low:Q", format=".2f"), alt.Tooltip("high:Q", format=".2f")]
    line = alt.Chart(data).mark_rule(strokeWidth=3).encode(y=y, x=alt.X("low:Q", title=x_title), x2="high:Q", **paint)
    lows = alt.Chart(data).mark_circle(size=90, opacity=1).encode(y=y, x="low:Q", tooltip=tooltip, **paint)
    return (line + lows + lows.encode(x="high:Q")).properties(width=width, height=alt.Step(step))


def finish(chart: alt.TopLevelMixin, *, title: str, subtitle: str = "", description: str, source: str) -> Any:
    """Give a chart its finding-style title, accessible description and source line.

    ``title`` states the finding; ``description`` is read by screen readers; ``source`` is
    printed under the chart.
    """
    params = alt.TitleParams(text=title, subtitle=subtitle) if subtitle else alt.TitleParams(text=title)
    return chart.properties(title=params, description=description, usermeta={"source": source})


def _safe_json(spec: dict[str, Any]) -> str:
    # "<" escaped so article text such as "</script>" can never close the script element
    return json.dumps(spec, sort_keys=True, ensure_ascii=False).replace("<", "\\u003c")


def static_svg(spec: dict[str, Any]) -> str:
    """Draw the spec to SVG with vl-convert (no browser, no network)."""
    svg = vlc.vegalite_to_svg(spec, vl_version=VL_VERSION)
    return svg.split("?>", 1)[1].lstrip() if svg.startswith("<?xml") else svg


#: Options for vega-embed. ``ast`` makes Vega evaluate expressions with its interpreter instead of
#: compiling them with ``new Function``, so the pages need no 'unsafe-eval' in their CSP.
EMBED_OPTIONS = '{"actions": false, "renderer": "svg", "ast": true}'


def chart_script(chart_id: str, spec_json: str) -> str:
    """The inline script that upgrades chart ``chart_id`` to a live view (``spec_json`` from :func:`_safe_json`)."""
    return (
        f"(function () {{\n"
        f"  var spec = {spec_json};\n"
        f"  if (window.vegaEmbed) {{\n"
        f'    window.vegaEmbed("#{chart_id}", spec, {EMBED_OPTIONS})\n'
        f'      .then(function (r) {{ (window.h20Views = window.h20Views || {{}})["{chart_id}"] = r.view; }})\n'
        f"      .catch(function (err) {{ console.error(err); }});\n"
        f"  }}\n"
        f"}})();"
    )


_CHART_SCRIPT = re.compile(r'\(function \(\) \{\n  var spec = (?P<spec>.*);\n  if \(window\.vegaEmbed\) \{\n'
                           r'    window\.vegaEmbed\("#(?P<id>h20-chart-\d+-[0-9a-f]{10})", ', re.S)


def is_chart_script(text: str) -> bool:
    """True only for a script :func:`chart_script` wrote: a valid JSON spec inside the exact template.

    The report's Content-Security-Policy allows (by hash) the inline scripts that pass, and no other.
    """
    m = _CHART_SCRIPT.match(text)
    if not m or "<" in m["spec"]:
        return False
    try:
        json.loads(m["spec"])
    except ValueError:
        return False
    return chart_script(m["id"], m["spec"]) == text


def figure_spec(figure: str) -> tuple[str, dict[str, Any]] | None:
    """The chart id and Vega-Lite spec inside a ``<figure>`` this module wrote, or None if it holds none."""
    for m in re.finditer(r'<script type="text/javascript">(.*?)</script>', figure, re.S):
        if is_chart_script(m[1]):
            found = _CHART_SCRIPT.match(m[1])
            return found["id"], json.loads(found["spec"])
    return None


def figure_html(spec: dict[str, Any], chart_id: str) -> str:
    """The ``<figure>`` for one chart: static SVG, source caption and the live-upgrade script."""
    source = spec.get("usermeta", {}).get("source", "")
    desc = spec.get("description", "")
    caption = f'<figcaption class="h20-source">Source: {html.escape(source)}</figcaption>' if source else ""
    return (
        f'<figure class="h20-figure" aria-label="{html.escape(desc, quote=True)}">'
        f'<div id="{chart_id}" class="h20-chart">{static_svg(spec)}</div>{caption}</figure>\n'
        f'<script type="text/javascript">{chart_script(chart_id, _safe_json(spec))}</script>'
    )


def renderer(spec: dict[str, Any], **_: Any) -> dict[str, str]:
    """Altair renderer plugin: deterministic ids, static SVG first, live Vega when available; in a French
    notebook, the chart's words and number formats in French (:mod:`helpers.views.i18n`)."""
    from helpers.views.i18n import localized

    spec = localized(spec)
    digest = hashlib.sha256(_safe_json(spec).encode("utf-8")).hexdigest()[:10]
    chart_id = f"h20-chart-{next(_counter)}-{digest}"
    title = spec.get("title", {})
    text = title.get("text", "") if isinstance(title, dict) else str(title)
    return {"text/html": figure_html(spec, chart_id), "text/plain": f"<chart {chart_id}: {text}>"}


def enable() -> None:
    """Register and switch on the project's theme and renderer (idempotent)."""
    if "h20" not in alt.theme.names():
        alt.theme.register("h20", enable=False)(theme)
    alt.theme.enable("h20")
    alt.renderers.register("h20", renderer)
    alt.renderers.enable("h20")
    alt.data_transformers.disable_max_rows()
