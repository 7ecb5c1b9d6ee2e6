"""Compare ``dateparser`` with our time-expression rules on our corpora (issue 14's evaluation).

Usage: ``python tools/compare_dateparser.py [EXTRA_SITE_PACKAGES]`` with dateparser installed there
(``uv pip install --target /tmp/dp dateparser``); it is not a dependency of the project.

dateparser's ``search_dates`` returns datetimes, so the comparison is on what both can express: the
expressions that resolve to one day (dates, weekdays, hier, demain). A found day is right when an
expected row of the same sentence has that value.
"""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ("timex_fr.csv", "timex_heldout_fr.csv")


def _score(found_by_sentence, expected_by_sentence) -> str:
    from helpers.text.evaluation import prf

    tp = fp = fn = 0
    for sid, expected in expected_by_sentence.items():
        left = list(expected)
        for value in found_by_sentence.get(sid, []):
            if value in left:
                tp += 1
                left.remove(value)
            else:
                fp += 1
        fn += len(left)
    s = prf(tp, fp, fn)
    return f"precision {s['precision']:.3f}, recall {s['recall']:.3f}, F1 {s['f1']:.3f} ({tp} right, {fp} extra, {fn} missed)"


def main() -> int:
    if len(sys.argv) > 1:
        sys.path.insert(0, sys.argv[1])
    from dateparser.search import search_dates

    from helpers.text.timex import find_time_expressions

    sentences, expected = {}, defaultdict(list)
    for name in CORPORA:
        with open(ROOT / "tests" / "corpus" / name, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                sentences[row["sentence_id"]] = (row["sentence"], dt.date.fromisoformat(row["published"]))
                if len(row["value"]) == 10:  # one day: 2025-08-12
                    expected[row["sentence_id"]].append(row["value"])
    ours, theirs = {}, {}
    for sid, (text, published) in sentences.items():
        ours[sid] = [t.value for t in find_time_expressions(text, published) if len(t.value) == 10]
        base = dt.datetime(published.year, published.month, published.day)
        found = search_dates(text, languages=["fr"], settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"})
        theirs[sid] = [d.date().isoformat() for _, d in found or []]
    expected = {sid: expected.get(sid, []) for sid in sentences}
    print(f"{len(sentences)} sentences, {sum(map(len, expected.values()))} one-day expressions")
    print(f"ours:       {_score(ours, expected)}")
    print(f"dateparser: {_score(theirs, expected)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
