"""Markdown text the teaching kit writes from data and notebook text."""

from __future__ import annotations

import re


def md_cell(text: object) -> str:
    """Data as literal text in a Markdown table cell: Markdown's own characters are backslash-escaped."""
    return re.sub(r"([\\`*_{}\[\]<>()#+!|~-])", r"\\\1", " ".join(str(text).split()))
