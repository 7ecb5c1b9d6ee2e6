"""Score the extractors on labelled corpora (``tests/corpus/``): precision, recall, F1.

The corpora are French sentences written for this project, each with the rows we expect. A found
item counts as right when an expected row of the same sentence has the same value and unit
(figures) or the same kind and value (time expressions); each expected row can be matched once.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

from helpers.text.figures import Figure, find_figures
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
    calendar = [(t.start, t.end) for t in find_time_expressions(text, published) if t.kind != "duration"]
    return [f for f in find_figures(text) if not any(s < f.end and f.start < e for s, e in calendar)]


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
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
    return {"sentences": len(corpus), **_prf(tp, fp, fn)}, errors


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
    return _score(read_corpus(path), lambda row: find_time_expressions(
        row["sentence"], dt.date.fromisoformat(row["published"])), same)
