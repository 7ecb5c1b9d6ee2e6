"""Drive Debian's Chromium with Playwright against file:// pages, every other request aborted."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("H20_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def require_browser() -> None:
    """Skip (or, in CI, fail) when Chromium is not installed."""
    if Path(CHROMIUM).exists() or shutil.which(CHROMIUM):
        return
    message = f"Chromium not found at {CHROMIUM}: install Debian's chromium (bash .ci/run does)"
    if os.environ.get("H20_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


@dataclass
class PageLog:
    """What went wrong while a page loaded."""

    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.blocked or self.failed or self.console_errors or self.page_errors or self.dialogs)


#: True once every chart on the page has been upgraded from its static SVG to a live Vega view.
ALL_CHARTS_LIVE = ("document.querySelectorAll('.h20-chart').length === "
                   "document.querySelectorAll('.h20-chart.vega-embed svg.marks').length")

LOCAL = ("file:", "data:", "blob:")


def open_offline(context, url: str, allowed: tuple[str, ...] = LOCAL):
    """Open ``url`` with every request not starting with one of ``allowed`` aborted; return (page, log)."""
    log = PageLog()

    def route(r):
        if r.request.url.startswith(allowed):
            r.continue_()
        else:
            log.blocked.append(r.request.url)
            r.abort()

    page = context.new_page()
    page.route("**/*", route)
    page.on("requestfailed", lambda req: log.failed.append(f"{req.url} {req.failure}"))
    page.on("console", lambda msg: log.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: log.page_errors.append(str(err)))
    page.on("dialog", lambda d: (log.dialogs.append(d.message), d.dismiss()))
    page.goto(url, wait_until="load")
    return page, log
