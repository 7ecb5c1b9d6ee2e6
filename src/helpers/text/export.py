"""Write an article's tables as CSV files: what ``python -m helpers tables ARTICLE… --out DIR`` runs.

Several articles (or a folder of ``*.txt``) are the corpus mode: the same tables, stacked, with an
``article_id`` column (the file name without ``.txt``). Every file is read and checked before
anything is written; if any is bad, each bad file is named on its own line and nothing is written.

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
from helpers.text.article import ArticleError, load_article, parse_date


class CorpusError(ValueError):
    """Some files of a corpus are bad: one :class:`ArticleError` per file, each printed on its own line."""

    def __init__(self, errors: list[ArticleError]) -> None:
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


def corpus_paths(paths: list[Path]) -> list[Path]:
    """The article files named: files as given, folders as their ``*.txt`` files in name order."""
    out: list[Path] = []
    for path in paths:
        out += sorted(path.glob("*.txt")) if path.is_dir() else [path]
    return out


def write_tables(article_path: Path, out: Path, date: str | None = None) -> dict[str, int]:
    """Parse ``article_path`` and write each table as ``out/<table>.csv``; return row counts."""
    from helpers.text.annotations import claims_for
    from helpers.text.tables import build_tables, table_csv

    published = _checked(out, date)
    article = load_article(article_path, published=published)
    tables = build_tables(article, claims=claims_for(article))
    write_owned_files(out, {f"{name}.csv": table_csv(df) for name, df in tables.items()})
    return tables.row_counts()


def _checked(out: Path, date: str | None):
    """The --date as a date (or None), once the output path is known not to be a file."""
    published = parse_date(date, "--date") if date else None
    if out.exists() and not out.is_dir():
        raise OutputError(out, "output path exists and is not a directory")
    return published


def write_corpus_tables(paths: list[Path], out: Path, date: str | None = None, progress=None) -> dict[str, int]:
    """Parse every article in ``paths`` and write the stacked tables into ``out``; return row counts.

    Raises :class:`CorpusError` naming every bad file (nothing written), or
    :class:`~helpers.data.files.OutputError` for the folder.
    """
    from helpers.text.tables import build_corpus_tables, table_csv

    published = _checked(out, date)
    files = corpus_paths(paths)
    errors: list[ArticleError] = []
    if not files:
        errors.append(ArticleError(", ".join(map(str, paths)), "no article files (*.txt) found"))
    articles = {}
    for path in files:
        article_id = path.name[:-4] if path.name.endswith(".txt") else path.name
        try:
            article = load_article(path, published=published)
        except ArticleError as exc:
            errors.append(exc)
            continue
        if article_id in articles:
            errors.append(ArticleError(path, f"a second article named {article_id!r}; article ids must be unique"))
            continue
        articles[article_id] = article
    if errors:
        raise CorpusError(errors)
    tables = build_corpus_tables(articles, progress)
    write_owned_files(out, {f"{name}.csv": table_csv(df) for name, df in tables.items()})
    return {name: len(df) for name, df in tables.items()}
