"""Shared fixtures: the seed article parsed once per test session (spaCy loads in ~3 s)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # lets tests import the shared browser helpers

from helpers.data.paths import SEED_ARTICLE  # noqa: E402
from helpers.text.annotations import claims_for  # noqa: E402
from helpers.text.article import load_article  # noqa: E402
from helpers.text.tables import build_tables  # noqa: E402


@pytest.fixture(scope="session")
def seed():
    return load_article(SEED_ARTICLE)


@pytest.fixture(scope="session")
def seed_tables(seed):
    return build_tables(seed, claims=claims_for(seed))


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the session (skipped, or failed in CI, when not installed)."""
    from browser import ARGS, CHROMIUM, require_browser

    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()
