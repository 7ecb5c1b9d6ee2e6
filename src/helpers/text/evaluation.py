"""Score the extractors on labelled corpora (``tests/corpus/``): precision, recall, F1.

The corpora are French sentences written for this project, each with the rows we expect. A found
item counts as right when an expected row of the same sentence has the same value and unit
(figures), the same kind and value (time expressions) or exactly the same source text (reported
speech); each expected row can be matched once.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from helpers.text.attributions import find_attributions
from helpers.text.figures import Figure, calendar_test, find_figures
from helpers.text.nlp import parse
from helpers.text.tense import future_at
from helpers.text.timex import TimeExpression, find_time_expressions

#: The publication date of the figure corpus's sentences (figures do not depend on it, dates do).
DEFAULT_PUBLISHED = dt.date(2025, 8, 12)


def read_corpus(path: Path) -> dict[str, list[dict[str, str]]]:
    """Rows of a corpus CSV grouped by ``sentence_id`` (a sentence with no item has one empty row)."""
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            grouped[row["sentence_id"]].append(row)
    return dict(grouped)


def sentence_figures(text: str, published: dt.date = DEFAULT_PUBLISHED) -> list[Figure]:
    """The figures of one sentence as the figure table keeps them: none inside a date, month, year or quarter."""
    in_calendar = calendar_test((t.start, t.end, t.kind) for t in find_time_expressions(text, published))
    return [f for f in find_figures(text) if not in_calendar(f)]


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Precision, recall and F1 from counts of right, extra and missed items (with the counts)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def _score(corpus: dict[str, list[dict[str, str]]], find: Callable[[dict[str, str]], Iterable[object]],
           same: Callable[[object, dict[str, str]], bool]) -> tuple[dict[str, float], list[str]]:
    tp = fp = fn = 0
    errors = []
    for sid, rows in corpus.items():
        expected = [r for r in rows if r["surface"]]
        left = list(expected)
        for item in find(rows[0]):
            match = next((r for r in left if same(item, r)), None)
            if match is None:
                fp += 1
                errors.append(f"{sid} extra: {item}")
            else:
                tp += 1
                left.remove(match)
        fn += len(left)
        errors += [f"{sid} missed: {r['surface']!r} {dict((k, r[k]) for k in r if k not in ('sentence', 'sentence_id'))}"
                   for r in left]
    return {"sentences": len(corpus), **prf(tp, fp, fn)}, errors


def figure_scores(path: Path) -> tuple[dict[str, float], list[str]]:
    """Scores of :func:`sentence_figures` on a figure corpus, and a line per error."""
    def same(f: Figure, r: dict[str, str]) -> bool:
        value = float(r["value"])
        return f.unit == r["unit"] and abs(f.value - value) <= 1e-3 * max(abs(value), 1e-9)
    return _score(read_corpus(path), lambda row: sentence_figures(row["sentence"]), same)


def time_scores(path: Path) -> tuple[dict[str, float], list[str]]:
    """Scores of :func:`find_time_expressions` on a time corpus, and a line per error."""
    def same(t: TimeExpression, r: dict[str, str]) -> bool:
        return t.kind == r["kind"] and t.value == r["value"]
    def find(row: dict[str, str]) -> list[TimeExpression]:
        doc = parse(row["sentence"])
        return find_time_expressions(row["sentence"], dt.date.fromisoformat(row["published"]),
                                     future_at=future_at(doc))
    return _score(read_corpus(path), find, same)


def attribution_scores(path: Path) -> dict[str, float]:
    """Scores of source detection on a reported-speech corpus, and how often the kind of source is right.

    Each row: ``sentence``, the expected ``source`` (empty when there is none) and its ``kind``; with a
    ``sentence_id`` column, rows of one sentence are read together (a sentence can have several sources).
    A found source counts as right only if its text is exactly an expected one, each matched once.
    """
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    for n, row in enumerate(rows):
        grouped[row.get("sentence_id") or str(n)].append(row)
    tp = fp = fn = kinds = 0
    for group in grouped.values():
        left = [(r["source"], r["kind"]) for r in group if r["source"]]
        for found in find_attributions(group[0]["sentence"]):
            match = next((e for e in left if e[0] == found.source), None)
            if match is None:
                fp += 1
                continue
            tp += 1
            kinds += match[1] == found.source_kind
            left.remove(match)
        fn += len(left)
    return {"sentences": len(grouped), **prf(tp, fp, fn), "kind_accuracy": kinds / tp if tp else 0.0}


_CAPITALS_AS_GOVERNMENTS = {"Pékin", "Washington"}
#: Gazetteer types as the entity corpus labels them (a government or an outlet is an organisation).
_LABEL_OF_TYPE = {"GOV": "ORG", "MEDIA": "ORG", "ORG": "ORG", "PER": "PER", "LOC": "LOC", "PRODUCT": "PRODUCT"}


def sentence_entities(sentence: str) -> list[tuple[str, str]]:
    """(surface, label) of every entity mention the tables keep for one sentence, labels as the corpus writes them."""
    from helpers.text.article import parse_article
    from helpers.text.tables import build_tables

    tables = build_tables(parse_article(f"date 2025-08-12\n{sentence}\n"))
    types = dict(zip(tables.entities["entity_id"], tables.entities["type"], strict=True))
    return [(m, _LABEL_OF_TYPE.get(types[e], types[e])) for e, m in zip(tables.mentions["entity_id"],
                                                                         tables.mentions["surface"], strict=True)]


def entity_scores(path: Path) -> tuple[dict[str, float], list[str]]:
    """Recall of an entity corpus (``sentence_id,sentence,surface,label``): each expected mention found with
    that surface and label; rows labelled NONE name a surface that must not be found, counted as mistakes."""
    corpus = read_corpus(path)
    found_right = expected = wrong = 0
    errors = []
    for sid, rows in corpus.items():
        got = sentence_entities(rows[0]["sentence"])
        for row in rows:
            if not row["surface"]:
                continue
            if row["label"] == "NONE":
                # (a concept of the gazetteer, « terres rares », is no named entity)
                if any(surface == row["surface"] and label in _LABEL_OF_TYPE.values() for surface, label in got):
                    wrong += 1
                    errors.append(f"{sid} found but is none: {row['surface']!r}")
                continue
            expected += 1
            # « Pékin », « Washington »: the gazetteer reads a capital as its government (an actor of the story);
            # where the corpus calls it a place, the same name with the government's label is accepted
            either = {row["label"], "ORG"} if row["surface"] in _CAPITALS_AS_GOVERNMENTS else {row["label"]}
            if any((row["surface"], label) in got for label in either):
                found_right += 1
            else:
                errors.append(f"{sid} missed: {row['surface']!r} {row['label']} (got {got})")
    return {"sentences": len(corpus), "recall": found_right / expected if expected else 0.0,
            "expected": expected, "found": found_right, "none_found": wrong}, errors
