"""Write an article's tables as CSV files: what ``python -m helpers tables ARTICLE --out DIR`` runs.

``--out DIR`` writes our table files (``sentences.csv``…) into DIR, creating it when missing. It
never deletes anything and never overwrites a file it did not write itself (see
:func:`helpers.data.files.write_owned_files`). Text cells that start with ``= + - @`` get a leading
apostrophe so that a spreadsheet does not run them as formulas (:func:`helpers.text.tables.csv_safe`).

Bad input prints one line naming the file and the problem and exits with status 2;
nothing in DIR changes unless every table was written.
"""

from __future__ import annotations

from pathlib import Path

from helpers.data.files import OutputError, write_owned_files
from helpers.text.article import load_article, parse_date


def write_tables(article_path: Path, out: Path, date: str | None = None) -> dict[str, int]:
    """Parse ``article_path`` and write each table as ``out/<table>.csv``; return row counts."""
    from helpers.text.annotations import claims_for
    from helpers.text.tables import build_tables, table_csv

    published = parse_date(date, "--date") if date else None
    if out.exists() and not out.is_dir():
        raise OutputError(out, "output path exists and is not a directory")
    article = load_article(article_path, published=published)
    tables = build_tables(article, claims=claims_for(article))
    write_owned_files(out, {f"{name}.csv": table_csv(df) for name, df in tables.items()})
    return tables.row_counts()
