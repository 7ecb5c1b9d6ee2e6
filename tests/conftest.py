"""Shared fixtures: the seed article parsed once per test session (spaCy loads in ~3 s)."""

from __future__ import annotations

import pytest

from helpers.annotations import claims_for
from helpers.article import load_article
from helpers.paths import SEED_ARTICLE
from helpers.tables import build_tables


@pytest.fixture(scope="session")
def seed():
    return load_article(SEED_ARTICLE)


@pytest.fixture(scope="session")
def seed_tables(seed):
    return build_tables(seed, claims=claims_for(seed))
