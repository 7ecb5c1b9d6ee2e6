"""The HTML report: offline in a real browser, reproducible, within its size budget."""

from __future__ import annotations

import filecmp
import re
from pathlib import Path

import pytest
from browser import ALL_CHARTS_LIVE, open_offline

from helpers.data.paths import NOTEBOOKS_DIR, ROOT
from helpers.publish.build import REPORT_DIR, build
from helpers.publish.catalogue import discover
from helpers.publish.pages import inline_markdown

pytestmark = pytest.mark.slow  # builds a site or drives a browser: `make test-fast` skips it

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
MB = 1_000_000


@pytest.fixture(scope="module")
def report() -> Path:
    return build(REPORT_DIR)


def _pages(report: Path) -> list[Path]:
    """Every page of the report, the French edition's (build/report/fr/) too: each test holds for both."""
    return sorted(report.glob("*.html")) + sorted(report.glob("fr/*.html"))


def test_site_has_every_page(report):
    names = {p.name for p in _pages(report)}
    assert {"index.html", "status.html", "teacher-guide.html"} | {f"{i.name}.html" for i in discover()} <= names
    assert (report / "teacher-guide.md").exists()
    for info in discover():
        assert (report / info.download).exists()
    index = (report / "index.html").read_text()
    assert 'href="teacher-guide.html"' in index
    for info in discover():
        assert info.finding and str(inline_markdown(info.headline)) in index  # escaped, then inline Markdown
        assert info.time_to_read and info.objectives
    assert "*" not in re.sub(r"<[^>]+>", "", index.split("<main>")[1])  # no Markdown left as literal asterisks


def test_no_remote_script_or_stylesheet(report):
    for page in _pages(report):
        html = page.read_text()
        assert "require.min.js" not in html and "mathjax" not in html.lower()
        for tag in ("<script src=\"http", "<link rel=\"stylesheet\" href=\"http", "unpkg.com"):
            assert tag not in html, (page.name, tag)


def test_sizes(report):
    for page in _pages(report):
        assert page.stat().st_size <= 1 * MB, page.name
    # each edition within 5 MB (the assets are shared: the French pages load ../assets/)
    french = sum(p.stat().st_size for p in (report / "fr").rglob("*") if p.is_file())
    english = sum(p.stat().st_size for p in report.rglob("*") if p.is_file()) - french
    assert english <= 5 * MB and french <= 5 * MB, (english, french)


def test_two_builds_are_identical(report, tmp_path):
    again = build(tmp_path / "report", cache=tmp_path / "cache")
    cmp = filecmp.dircmp(report, again)

    def diffs(c, prefix=""):
        out = [prefix + f for f in c.diff_files + c.left_only + c.right_only]
        for name, sub in c.subdirs.items():
            out += diffs(sub, f"{prefix}{name}/")
        return out

    # execution times are the one part of a build that cannot repeat; they live alone in timings.js
    assert [d for d in diffs(cmp) if d != "assets/timings.js"] == []


@pytest.mark.browser
def test_pages_render_offline(report, browser):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    for path in _pages(report):
        page, log = open_offline(context, path.as_uri())
        page.wait_for_function(ALL_CHARTS_LIVE, timeout=20_000)
        page.wait_for_timeout(300)
        page.screenshot(path=str(ARTIFACTS / f"{path.stem}.png"), full_page=True)
        assert log.clean, (path.name, log)
        page.close()
    context.close()


@pytest.mark.browser
def test_bound_sliders_change_their_chart(report, browser):
    context = browser.new_context()
    moved = 0
    for path in _pages(report):
        page, log = open_offline(context, path.as_uri())
        page.wait_for_function(ALL_CHARTS_LIVE, timeout=20_000)
        for chart in page.locator(".h20-chart.vega-embed").all():
            marks = chart.locator("svg.marks")
            # switch optional features on (last radio option), so that the sliders they gate have an effect
            for radio in chart.locator("input[type=radio]").all()[::-1]:
                before = marks.inner_html()
                radio.check()
                page.wait_for_timeout(150)
                if marks.inner_html() != before:
                    moved += 1
                    break
            for slider in chart.locator("input[type=range]").all():
                before = marks.inner_html()
                slider.evaluate("""el => { const lo = +el.min, hi = +el.max;
                    el.value = (+el.value === hi) ? lo : hi;
                    el.dispatchEvent(new Event('input', {bubbles: true})); }""")
                page.wait_for_timeout(150)
                assert marks.inner_html() != before, (path.name, slider.get_attribute("name"))
                moved += 1
        assert log.clean, (path.name, log)
        page.close()
    context.close()
    assert moved >= 10  # the scenario explorer alone has ten controls


_SCENARIO_POINTS = [
    {},
    {"allowance": 0.0},
    {"blackwell_allowed": 1, "blackwell_share": 0.6, "blackwell_price_usd": 8000, "blackwell_perf_vs_h100": 1.5},
    {"demand_units": 1_000_000, "h20_price_usd": 12_000, "allowance": 0.25, "levy_rate_pct": 25,
     "domestic_units": 400_000, "domestic_perf_vs_h100": 0.3},
    {"demand_units": 0, "domestic_units": 0},
    {"preset": "Washington refuses H20 licences"},
    {"preset": "Licensed but discouraged (Aug-Oct 2025, indicative)", "demand_units": 1_000_000},
]


@pytest.mark.browser
@pytest.mark.parametrize("edition", ["", "fr"], ids=["en", "fr"])
@pytest.mark.parametrize("point", _SCENARIO_POINTS, ids=lambda p: ",".join(p) or "defaults")
def test_report_explorer_equals_python_model(report, browser, point, edition):
    import re

    import numpy as np

    from helpers.models.scenarios import OUTPUTS, defaults, model, presets
    from helpers.models.uncertainty import explorer_outputs
    from helpers.views import i18n
    from helpers.views.scenarios import BAND_LINES, LABEL_PATTERN, band_lines

    context = browser.new_context()
    page, log = open_offline(context, (report / edition / "04_scenarios.html").as_uri())
    page.wait_for_function(ALL_CHARTS_LIVE, timeout=20_000)
    explorer = page.locator(".h20-chart.vega-embed", has=page.locator("input[type=range]"))
    assert explorer.count() == 1
    chosen = presets().get(point.get("preset", ""), {})
    values = {**defaults(), **{k: v for k, v in point.items() if k != "preset"}, **chosen}
    for name, value in point.items():
        if name == "preset":
            explorer.locator("select[name=preset]").select_option(value)
            continue
        if name in ("blackwell_allowed", "h20_licensed"):
            explorer.locator(f"input[type=radio][name={name}][value='{value}']").check()
            continue
        slider = explorer.locator(f"input[type=range][name={name}]")
        slider.evaluate("(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); }", value)
        assert float(slider.input_value()) == pytest.approx(value)  # on the slider's grid, not snapped
    page.wait_for_timeout(200)
    chart_id = explorer.get_attribute("id")
    row = page.evaluate("""id => { const v = window.h20Views[id];
        const names = Object.keys(v.getState({data: () => true, signals: () => false, recurse: true}).data);
        for (const n of names) { const d = v.data(n); if (d.length === 1 && 'domestic_share' in d[0]) return d[0]; }
        return null; }""", chart_id)
    assert row is not None
    expected = model(**values)
    for name in OUTPUTS:
        assert row[name] == pytest.approx(float(expected[name]), rel=1e-9, abs=1e-9), name
    # the lines of results: the same medians and bands, to the digit, as JupyterLab's explorer prints
    out = explorer_outputs(values)
    i18n.use(edition or "en")  # the lines as the edition writes them (French words and numbers on the French page)
    try:
        lines = band_lines({k: tuple(float(v) for v in np.percentile(out[k], (5, 50, 95))) for k in BAND_LINES})
        pattern = i18n.translate(LABEL_PATTERN)
    finally:
        i18n.use("en")
    shown = explorer.locator("svg text").all_text_contents()
    for label, text in lines.items():
        assert pattern.format(label=label, value=text) in shown, (label, text, [t for t in shown if t.startswith(label)])
    # the sliders' readouts are written as people write numbers: 1,250,000, not 1250000
    readouts = explorer.locator("input[type=range] + span").all_text_contents()
    written = f"{values['demand_units']:,.0f}"
    assert (written.replace(",", "\u202f") if edition == "fr" else written) in readouts, readouts
    assert not any(re.fullmatch(r"\d{4,}(\.\d+)?", r) for r in readouts), readouts
    assert log.clean, log
    context.close()


def test_failed_cell_fails_the_build_and_keeps_the_last_report(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    from helpers.publish.build import BuildError

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    intro = new_markdown_cell("# 01 · Tiny\n\n**Finding:** it runs.\n\n**Time to read:** 1 minute.")
    nbformat.write(new_notebook(cells=[intro, new_code_cell("1 + 1")]), notebooks / "01_tiny.ipynb")
    out, cache = tmp_path / "report", tmp_path / "cache"
    build(out, cache=cache, notebooks=notebooks)
    before = {p.name: p.read_bytes() for p in out.glob("*.html")}

    broken = [new_markdown_cell("# 02 · Broken"), new_code_cell("x = 1"), new_code_cell("x / 0")]
    nbformat.write(new_notebook(cells=broken), notebooks / "02_broken.ipynb")
    with pytest.raises(BuildError, match=r"02_broken\.ipynb: cell 2 \(id [^)]+\) failed: ZeroDivisionError"):
        build(out, cache=cache, notebooks=notebooks)
    assert {p.name: p.read_bytes() for p in out.glob("*.html")} == before  # the last good report stays
    assert not list(tmp_path.glob(".report-*"))  # no half-written staging folder left


def test_every_local_link_resolves(report):
    import re
    from urllib.parse import unquote, urlparse

    for page in _pages(report):
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'(?:href|src)="([^"]+)"', html):
            url = urlparse(href)
            if url.scheme or href.startswith(("#", "data:", "mailto:")):
                continue
            target = page.parent / unquote(url.path)  # relative to the page (French pages sit in fr/)
            assert target.exists(), (page.name, href)


def test_code_is_folded_and_prompts_hidden_in_the_report(report):
    import re

    for page in sorted(report.glob("0*.html")):
        html = page.read_text(encoding="utf-8")
        inputs = html.count('class="jp-Cell-inputWrapper')
        code_cells = len(re.findall(r'class="jp-Cell jp-CodeCell', html))
        folded = html.count('<details class="h20-code"><summary>Show code</summary>')
        assert code_cells and folded == code_cells, (page.name, folded, code_cells, inputs)
    css = (report / "assets" / "site.css").read_text(encoding="utf-8")
    assert ".jp-InputPrompt" in css and "display: none" in css


def test_markers_become_numbered_links_with_a_list_of_sources(report):
    html = (report / "05_arguments.html").read_text(encoding="utf-8")
    assert "[^" not in html
    assert "&lt;sup" not in html  # no marker swallowed by escaping
    numbers = [int(n) for n in re.findall(r'<a [^>]*aria-label="source (\d+)"', html)]
    # neighbours share one bracket, never "1 15" (read as 115)
    groups = re.findall(r'<sup class="h20-cite">\[(.*?)\]</sup>', html)
    assert groups and any(", " in g for g in groups) and not re.search(r"</sup>\s*<sup", html)
    assert numbers and max(numbers) == len(set(numbers)) and sorted(set(numbers)) == list(range(1, max(numbers) + 1))
    cited = re.search(r'<section [^>]*class="h20-citations".*?</section>', html, re.S).group(0)
    assert cited.count("<li id=\"cite-") == max(numbers)
    assert 'href="sources.html#warner-2025-08-15-letter"' in cited
    sources = (report / "sources.html").read_text(encoding="utf-8")
    assert 'id="warner-2025-08-15-letter"' in sources and 'id="doc-warner-2025-08-15"' in sources


@pytest.mark.browser
def test_the_page_toggle_shows_and_hides_all_code(report, browser):
    context = browser.new_context()
    page, log = open_offline(context, (report / "04_scenarios.html").as_uri())
    button = page.locator("#h20-code-toggle")
    assert button.is_visible() and button.get_attribute("aria-pressed") == "false"
    assert page.locator("details.h20-code[open]").count() == 0  # code folded on arrival
    button.focus()
    page.keyboard.press("Enter")  # usable by keyboard
    assert page.locator("details.h20-code[open]").count() == page.locator("details.h20-code").count()
    assert button.inner_text() == "Hide all code"
    button.click()
    assert page.locator("details.h20-code[open]").count() == 0
    assert log.clean, log
    context.close()


def test_every_table_on_every_page_is_a_reader_table(report):
    """Issue 21: the report's pages show reader tables only (the stored outputs are checked in
    test_reader_tables; this checks what the build made of them, the sources page included)."""
    from test_reader_tables import problems

    found = {}
    for page in _pages(report):
        html = page.read_text(encoding="utf-8")
        for table in re.findall(r"<table\b.*?</table>", html, re.S):
            if 'class="h20-table' in table and (bad := problems(table)):
                found.setdefault(page.name, []).extend(bad)
            elif 'class="dataframe' in table:
                found.setdefault(page.name, []).append("a pandas table")
    assert found == {}


def test_the_french_edition_is_a_site_of_its_own(report):
    """build/report/fr/: every notebook's page in French (lang="fr"), a language switch both ways on every page,
    hreflang alternates, its own index of the French notebooks, the shared assets one folder up."""
    french = report / "fr"
    for info in discover():
        en, fr = (report / info.page).read_text(encoding="utf-8"), (french / info.page).read_text(encoding="utf-8")
        assert '<html lang="fr">' in fr and '<html lang="en">' in en
        assert f'href="fr/{info.page}" hreflang="fr"' in en and f'href="../{info.page}" hreflang="en"' in fr
        assert re.search(r'<link [^>]*hreflang="fr"[^>]*rel="alternate"', en) and \
            re.search(r'<link [^>]*hreflang="en"[^>]*rel="alternate"', fr)
        assert "Afficher le code" in fr and "Show code" not in fr
        assert (french / info.download).exists()
    index = (french / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr">' in index and "Ordre de lecture" in index
    from markupsafe import escape

    assert all(str(escape(i.title)) in index for i in discover(NOTEBOOKS_DIR / "fr"))
    # its own sources page and teacher guide, in French, each with its switch to the English one
    for page in ("sources.html", "teacher-guide.html"):
        fr = (french / page).read_text(encoding="utf-8")
        assert '<html lang="fr">' in fr and f'href="../{page}" hreflang="en"' in fr, page
        assert f'href="fr/{page}" hreflang="fr"' in (report / page).read_text(encoding="utf-8"), page
    assert 'href="sources.html#' in (french / "02_h20_controversy.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_french_pages_render_offline_with_live_charts(report, browser):
    context = browser.new_context()
    for name in ("02_h20_controversy.html", "04_scenarios.html"):
        page, log = open_offline(context, (report / "fr" / name).as_uri())
        page.wait_for_function(ALL_CHARTS_LIVE, timeout=20_000)
        svg_text = " ".join(page.locator(".h20-chart svg text").all_text_contents())
        assert "1 000" in svg_text or "1\u00a0000" in svg_text or name == "04_scenarios.html", name  # French numbers
        assert log.clean, (name, log)
        page.close()
    context.close()
