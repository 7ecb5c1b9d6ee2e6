"""Command line: ``python -m helpers tables ARTICLE --out DIR [--date YYYY-MM-DD]``.

Bad input prints one line naming the file and the problem and exits with status 2;
the output folder is only replaced once every table has been written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .article import ArticleError, load_article, parse_date
from .fsutil import staged_dir

EXIT_BAD_INPUT = 2


def write_tables(article_path: Path, out: Path, date: str | None = None) -> dict[str, int]:
    """Parse ``article_path`` and write each table as ``out/<table>.csv``; return row counts."""
    from .annotations import claims_for
    from .tables import build_tables

    published = parse_date(date, "--date") if date else None
    if out.exists() and not out.is_dir():
        raise ArticleError(out, "output path exists and is not a directory")
    article = load_article(article_path, published=published)
    tables = build_tables(article, claims=claims_for(article))
    with staged_dir(out) as staging:
        for name, df in tables.items():
            df.to_csv(staging / f"{name}.csv", index=False, float_format="%.15g", lineterminator="\n")
    return tables.row_counts()


def main(argv: list[str] | None = None) -> int:
    """Entry point for ``python -m helpers``."""
    parser = argparse.ArgumentParser(prog="python -m helpers", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    tables = sub.add_parser("tables", help="parse a French article into CSV tables")
    tables.add_argument("article", type=Path, help="plain-text article (UTF-8, optional 'date YYYY-MM-DD' first token)")
    tables.add_argument("--out", type=Path, required=True, help="folder to write <table>.csv into")
    tables.add_argument("--date", help="publication date YYYY-MM-DD (overrides the date marker)")
    sub.add_parser("manifests", help="refresh the sha256 of every data manifest")
    args = parser.parse_args(argv)

    if args.command == "manifests":
        from .datasets import DatasetError, refresh_checksums

        try:
            changed = refresh_checksums()
        except DatasetError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_BAD_INPUT
        print("updated: " + (", ".join(changed) if changed else "nothing"))
        return 0
    try:
        counts = write_tables(args.article, args.out, args.date)
    except ArticleError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(", ".join(f"{name}: {n}" for name, n in counts.items()) + f" -> {args.out}")
    return 0
