"""Markdown text the teaching kit writes from data and notebook text."""

from __future__ import annotations

import re


def md_cell(text: object, keep: re.Pattern[str] | None = None) -> str:
    """Data as literal text in a Markdown table cell: Markdown's own characters are backslash-escaped.

    Matches of ``keep`` (the guide's ``[[slide: …]]`` references, resolved later) are left as they are.
    """
    flat = " ".join(str(text).split())
    pieces, last = [], 0
    for m in keep.finditer(flat) if keep else ():
        pieces += [_escape(flat[last:m.start()]), m.group()]
        last = m.end()
    return "".join([*pieces, _escape(flat[last:])])


def _escape(text: str) -> str:
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~-])", r"\\\1", text)
