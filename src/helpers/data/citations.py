"""Citation markers in the notebooks' prose: ``[^key]``, where key is a source, a document or a data row.

A marker reads well as it is in JupyterLab; the report turns it into a numbered link to the page's
list of sources. A key is one of:

- a ``source_id`` of data/sources.csv (the page a value was read at);
- a ``doc_id`` of data/documents.csv (a primary document: rule, filing, notice, letter);
- an ``event_id`` of data/events.csv (``e035``), cited through the event's own source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from helpers.data.datasets import load_table

#: ``[^mondaq-2025-08-26]``: a caret and a key in square brackets, as in Markdown footnotes.
MARKER = re.compile(r"\[\^([A-Za-z0-9][\w.-]*)\]")


class CitationError(KeyError):
    """A marker whose key is no source, document or event; the message names it."""


@dataclass(frozen=True)
class Citation:
    """What a marker points at, ready to list: the row it names and the page that backs it."""

    key: str
    kind: str  # "source", "document" or "event"
    label: str  # what the row says (the event's text, the document's or page's title)
    publisher: str
    published: str
    grade: str
    url: str
    source_id: str  # the row of sources.csv behind it


def keys_in(text: str) -> list[str]:
    """The keys of the markers in ``text``, in order of first appearance."""
    return list(dict.fromkeys(MARKER.findall(text)))


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def resolve(key: str) -> Citation:
    """The citation a key names; :class:`CitationError` if it names nothing."""
    sources = load_table("sources").set_index("source_id")
    if key in sources.index:
        s = sources.loc[key]
        return Citation(key, "source", _text(s["title"]), s["publisher"], _text(s["published"]), s["grade"],
                        s["url"], key)
    documents = load_table("documents").set_index("doc_id")
    if key in documents.index:
        d = documents.loc[key]
        s = sources.loc[d["source_id"]]  # the page it was read at gives the address and the grade
        return Citation(key, "document", f"{d['title']} ({d['issuer']}, {d['date']})", s["publisher"],
                        _text(s["published"]), s["grade"], s["url"], d["source_id"])
    events = load_table("events").set_index("event_id")
    if key in events.index:
        e = events.loc[key]
        s = sources.loc[e["source_id"]]
        return Citation(key, "event", f"{e['date']}: {e['event']}", s["publisher"], _text(s["published"]),
                        s["grade"], s["url"], e["source_id"])
    raise CitationError(f"citation [^{key}] names no source, document or event "
                        "(data/sources.csv, data/documents.csv, data/events.csv)")


def cite_inline(text: str) -> str:
    """``text`` with each marker written out as its publisher and date, for text read outside the report
    (speaker notes, the teacher guide): ``…at 15%[^e036]`` → ``…at 15% (Asia Financial, 2025-08-10)``."""
    def cite(m: re.Match[str]) -> str:
        c = resolve(m[1])
        return f" ({c.publisher}{', ' + c.published if c.published else ''})"
    return MARKER.sub(cite, text)
