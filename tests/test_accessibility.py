"""Accessibility, measured: axe-core (vendored, tests/vendor/) on every page of the report and the slides.

Rules: WCAG 2.0 and 2.1, levels A and AA. A page passes with no violation of *critical* or *serious*
impact; moderate and minor ones are left to review.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import ALL_CHARTS_LIVE

from helpers.data.paths import ROOT
from helpers.publish.build import REPORT_DIR, build
from helpers.publish.slides import SLIDES_DIR, build_slides

pytestmark = [pytest.mark.slow, pytest.mark.browser]

AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_RUN = """async rules => {
    const r = await axe.run(document, {runOnly: rules});
    return r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,
                                   first: v.nodes[0].target.join(' ')}));
}"""


@pytest.fixture(scope="module")
def pages() -> list[Path]:
    report = build(REPORT_DIR)
    slides = build_slides(SLIDES_DIR, pdf=False)
    return sorted(report.glob("*.html")) + sorted(report.glob("fr/*.html")) + [slides / "index.html"]


def test_no_serious_violation_on_any_page(pages, browser):
    # the test injects axe itself, so the pages' own policy (which forbids injected scripts) is bypassed here only
    context = browser.new_context(bypass_csp=True)
    axe = AXE.read_text(encoding="utf-8")
    failures = {}
    for path in pages:
        page = context.new_page()
        page.goto(path.resolve().as_uri())
        if page.locator(".h20-chart").count():
            page.wait_for_function(ALL_CHARTS_LIVE, timeout=20_000)  # charts drawn before they are checked
        page.evaluate(axe)
        serious = [v for v in page.evaluate(_RUN, RULES) if v["impact"] in ("critical", "serious")]
        if serious:
            failures[path.name] = serious
        page.close()
    context.close()
    assert len(pages) >= 10 and failures == {}, failures
