"""Read a plain-text French news article and split it into paragraphs.

The accepted form is deliberately small so that any outlet's article can be pasted in:

* an optional first token ``date YYYY-MM-DD`` (the publication date);
* paragraphs separated by one or more blank lines;
* a short paragraph without final punctuation, or a short question, is a heading.

Every offset in this package indexes :attr:`Article.text`, the *normalised* text
(BOM stripped, CRLF and CR turned into LF, Unicode NFC), so that
``article.text[start:end] == surface`` holds for every span we emit.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from helpers.data.files import InputError, printable, read_regular
from helpers.data.paths import note_read

#: Largest article we accept. News articles are a few kB; a megabyte means a wrong file.
MAX_ARTICLE_BYTES = 1_000_000

#: A heading has at most this many words (the seed's longest heading has 10).
MAX_HEADING_WORDS = 14

_DATE_MARKER = re.compile(r"\A[ \t\n]*date[ \t]+(?P<value>\S+)[ \t]*\n?[ \t]*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_SENTENCE_END = ("." , "!", "…", ":", ";", "»", ")")


class ArticleError(ValueError):
    """Bad input: names the file and the problem in one line."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{printable(self.path)}: {problem}")


@dataclass(frozen=True)
class Paragraph:
    """One block of text between blank lines."""

    paragraph_id: int
    start: int
    end: int
    kind: str  # "heading" or "body"


@dataclass(frozen=True)
class Article:
    """A normalised article, its publication date and its paragraphs."""

    text: str
    published: dt.date
    paragraphs: tuple[Paragraph, ...]
    source: str
    sha256: str


def normalise(text: str) -> str:
    """Strip a BOM, turn CRLF/CR into LF and compose to NFC."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def identity_text(norm: str) -> str:
    """What identifies an article (its digest): the normalised text without trailing spaces or final blank lines."""
    return "\n".join(line.rstrip() for line in norm.split("\n")).rstrip()


def parse_date(value: str, where: str | Path) -> dt.date:
    """Parse an ISO ``YYYY-MM-DD`` date (ASCII digits only) or raise :class:`ArticleError` naming ``where``."""
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise ArticleError(where, f"invalid date {value!r} (expected YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ArticleError(where, f"invalid date {value!r} (no such day)") from None


def _read_problem(exc: InputError) -> str:
    """The reader's refusal in the article's own words (an article is a text file, with its own size limit)."""
    if exc.kind == "unreadable" and exc.errno in (errno.EACCES, errno.EPERM):
        return "cannot read: permission denied"
    return {"directory": "is a directory, expected a text file",
            "special": "is not a regular file (a device, pipe or socket), expected a text file",
            "too_big": f"file is over the {MAX_ARTICLE_BYTES}-byte limit"}.get(exc.kind, exc.problem)


def read_text(path: str | Path) -> str:
    """Read an article file, refusing anything that is not a small UTF-8 text file.

    Only regular files are read (a FIFO would block, ``/dev/zero`` would never end), and never more
    than :data:`MAX_ARTICLE_BYTES` + 1 bytes, whatever the file system says its size is.
    """
    p = Path(path)
    try:
        raw = read_regular(p, MAX_ARTICLE_BYTES, follow_links=True)  # a path the user typed may be a link
    except InputError as exc:
        raise ArticleError(p, _read_problem(exc)) from None
    note_read(p)
    if b"\x00" in raw:
        raise ArticleError(p, "looks binary (contains NUL bytes), expected UTF-8 text")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ArticleError(p, f"not valid UTF-8 (byte {exc.start})") from None
    if not text.strip().lstrip("\ufeff").strip():
        raise ArticleError(p, "is empty or blank")
    return text


def _is_heading(block: str) -> bool:
    words = block.split()
    if "\n" in block or len(words) > MAX_HEADING_WORDS:
        return False
    return block.endswith("?") or not block.endswith(_SENTENCE_END)


def split_paragraphs(text: str, begin: int = 0) -> tuple[Paragraph, ...]:
    """Split ``text[begin:]`` on blank lines; offsets are trimmed of surrounding white space."""
    paragraphs: list[Paragraph] = []
    cursor = begin
    bounds = [(m.start(), m.end()) for m in _PARAGRAPH_BREAK.finditer(text, begin)]
    for stop, resume in [*bounds, (len(text), len(text))]:
        chunk = text[cursor:stop]
        lead = len(chunk) - len(chunk.lstrip())
        body = chunk.strip()
        if body:
            start = cursor + lead
            kind = "heading" if _is_heading(body) else "body"
            paragraphs.append(Paragraph(len(paragraphs) + 1, start, start + len(body), kind))
        cursor = resume
    return tuple(paragraphs)


def parse_article(
    text: str, *, published: dt.date | str | None = None, source: str = "<string>"
) -> Article:
    """Normalise ``text``, read its date marker and split it into paragraphs.

    ``published`` overrides the marker; one of the two is required.
    """
    norm = normalise(text)
    if not norm.strip():
        raise ArticleError(source, "is empty or blank")
    marker = _DATE_MARKER.match(norm)
    body_start = 0
    marker_date = None
    if marker:
        marker_date = parse_date(marker.group("value"), source)
        body_start = marker.end()
    if isinstance(published, str):
        published = parse_date(published, source)
    date = published or marker_date
    if date is None:
        raise ArticleError(source, "no publication date: add a 'date YYYY-MM-DD' first line or pass --date")
    paragraphs = split_paragraphs(norm, body_start)
    if not paragraphs:
        raise ArticleError(source, "has a date marker but no text")
    # the normalised text, so a CRLF or BOM copy of the same article keeps its annotations; spaces at line
    # ends and blank lines at the end are left out too (an editor's extra final newline is not a new article)
    digest = hashlib.sha256(identity_text(norm).encode("utf-8")).hexdigest()
    return Article(norm, date, paragraphs, source, digest)


def load_article(path: str | Path, *, published: dt.date | str | None = None) -> Article:
    """Read and parse an article file (see :func:`read_text` for what is refused)."""
    return parse_article(read_text(path), published=published, source=str(path))
