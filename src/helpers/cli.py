"""Command line: ``python -m helpers tables ARTICLE --out DIR [--date YYYY-MM-DD]``.

``--out DIR`` writes our table files (``sentences.csv``…) into DIR, creating it when missing. It
never deletes anything and never overwrites a file it did not write itself (see
:func:`helpers.fsutil.write_owned_files`). Text cells that start with ``= + - @`` get a leading
apostrophe so that a spreadsheet does not run them as formulas (:func:`helpers.tables.csv_safe`).

Bad input prints one line naming the file and the problem and exits with status 2;
nothing in DIR changes unless every table was written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .article import ArticleError, load_article, parse_date
from .fsutil import OutputError, printable, write_owned_files

EXIT_BAD_INPUT = 2


def write_tables(article_path: Path, out: Path, date: str | None = None) -> dict[str, int]:
    """Parse ``article_path`` and write each table as ``out/<table>.csv``; return row counts."""
    from .annotations import claims_for
    from .tables import build_tables, table_csv

    published = parse_date(date, "--date") if date else None
    if out.exists() and not out.is_dir():
        raise OutputError(out, "output path exists and is not a directory")
    article = load_article(article_path, published=published)
    tables = build_tables(article, claims=claims_for(article))
    write_owned_files(out, {f"{name}.csv": table_csv(df) for name, df in tables.items()})
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
            print(f"error: {printable(exc)}", file=sys.stderr)
            return EXIT_BAD_INPUT
        print("updated: " + (", ".join(changed) if changed else "nothing"))
        return 0
    try:
        counts = write_tables(args.article, args.out, args.date)
    except (ArticleError, OutputError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:  # anything else the file system refuses, still one line naming the file
        print(f"error: {printable(exc.filename or args.out)}: {exc.strerror or type(exc).__name__}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(", ".join(f"{name}: {n}" for name, n in counts.items()) + f" -> {printable(args.out)}")
    return 0
