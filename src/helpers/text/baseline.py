"""What the off-the-shelf French model does on its own, before our pipeline corrects it.

Notebook 01 shows these errors rather than describing them: spaCy's ``fr_core_news_sm``, loaded as
shipped (parser on, no gazetteer) and run over the whole article as a beginner would, glues
headings onto the next sentence and gives the chips and ministries the wrong labels.
"""

from __future__ import annotations

from functools import lru_cache

import pandas as pd
import spacy
from spacy.language import Language

from helpers.text.article import Article
from helpers.text.nlp import MODEL
from helpers.text.tables import ArticleTables


@lru_cache(maxsize=2)
def bare_pipeline(model: str = MODEL) -> Language:
    """A French pipeline as shipped for sentences and names (``fr_core_news_sm`` unless told): parser and
    NER, no gazetteer. The lemmatizer and morphology are left out: they change neither sentences nor
    entities, only load time."""
    return spacy.load(model, exclude=["lemmatizer", "morphologizer", "attribute_ruler"])


@lru_cache(maxsize=4)
def _bare_doc(text: str, model: str = MODEL):
    """One bare analysis per text and model, shared by the sentence and entity views."""
    return bare_pipeline(model)(text)


def bare_sentences(article: Article) -> pd.DataFrame:
    """The model's sentences over the whole text, each with the headings it swallowed (if any)."""
    doc = _bare_doc(article.text)
    headings = [(p.start, p.end, article.text[p.start:p.end]) for p in article.paragraphs if p.kind == "heading"]
    rows = []
    for n, sent in enumerate(doc.sents, start=1):
        text = sent.text.strip()
        glued = [h for s, e, h in headings if sent.start_char <= s and e <= sent.end_char and h.strip() != text]
        if text:
            rows.append((n, text, " | ".join(glued)))
    return pd.DataFrame(rows, columns=["model_sentence", "text", "headings_glued_in"])


def bare_entities(article: Article, tables: ArticleTables, model: str = MODEL) -> pd.DataFrame:
    """Each name the bare model labels, with its label and what our pipeline makes of the same words."""
    doc = _bare_doc(article.text, model)
    ours = tables.mentions.merge(tables.entities[["entity_id", "name", "type"]], on="entity_id", how="left")
    rows = []
    for ent in doc.ents:
        hit = ours[(ours["start"] < ent.end_char) & (ent.start_char < ours["end"])]
        names = " + ".join(dict.fromkeys(hit["name"])) or "(not kept)"
        kinds = " + ".join(dict.fromkeys(hit["type"]))
        rows.append((ent.text, ent.label_, names, kinds))
    df = pd.DataFrame(rows, columns=["words", "model_label", "our_entity", "our_type"])
    return df.drop_duplicates(ignore_index=True)
