"""Lead any table row back to the words of the article it came from."""

from __future__ import annotations

import html

import pandas as pd
from IPython.display import HTML

from helpers.text.article import Article
from helpers.text.tables import ArticleTables


def cite(article: Article, sentence_id: int, start: int, end: int) -> str:
    """A compact citation of a span: ``s8[1883:1895]`` (sentence id and character offsets)."""
    surface = article.text[start:end]
    return f"s{sentence_id}[{start}:{end}] “{surface}”"


def highlight(article: Article, tables: ArticleTables, sentence_id: int, start: int, end: int) -> HTML:
    """Show the sentence holding a span with the span marked; all article text is HTML-escaped."""
    sent = tables.sentences.set_index("sentence_id").loc[sentence_id]
    before = article.text[sent.start : start]
    mark = article.text[start:end]
    after = article.text[end : sent.end]
    body = f"{html.escape(before)}<mark>{html.escape(mark)}</mark>{html.escape(after)}"
    label = html.escape(cite(article, sentence_id, start, end))
    return HTML(f'<blockquote class="h20-trace" lang="fr">{body}<br><small>{label}</small></blockquote>')


def trace(article: Article, tables: ArticleTables, table: str, row: int | str) -> HTML:
    """Highlight where row ``row`` (its index, or its id column value) of ``table`` comes from."""
    df: pd.DataFrame = getattr(tables, table)
    id_col = df.columns[0]
    match = df[df[id_col] == row] if isinstance(row, str) else df.iloc[[row]]
    if match.empty:
        raise KeyError(f"{table}: no row {row!r}")
    r = match.iloc[0]
    if "start" not in r:  # claims carry a quote, not offsets
        sent = tables.sentences.set_index("sentence_id").loc[int(r.sentence_id)]
        start = article.text.index(r.quote, int(sent.start))
        return highlight(article, tables, int(r.sentence_id), start, start + len(r.quote))
    return highlight(article, tables, int(r.sentence_id), int(r.start), int(r.end))
