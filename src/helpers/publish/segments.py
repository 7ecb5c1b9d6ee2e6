"""The French edition's building blocks: Markdown cut into segments, and gettext catalogues read, merged and written.

The segmenting rule, so a translator knows what one entry is:

- a Markdown cell is cut at its blank lines into blocks; a fenced code block (```) stays whole;
- a heading line (``#``…) at the top of a block is a segment of its own, the rest of the block another.

:mod:`helpers.publish.translation` applies them to the notebooks and the code's words,
:mod:`helpers.publish.guide_text` to the teacher guide; neither needs the other.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

class TranslationError(KeyError):
    """A catalogue that cannot be read, or an entry an edition needs that it does not have: one line names the file."""


#: A fixed date in the catalogues' headers (the article's): a timestamp would change every file on every run.
_HEADER_DATE = dt.datetime(2025, 8, 12, tzinfo=dt.timezone.utc)
_FENCE = re.compile(r"^(```|~~~)")


@dataclass(frozen=True)
class Segment:
    """One translatable unit of a notebook's Markdown."""

    context: str  # "<notebook>#<cell id>"
    text: str


def segments_of(markdown: str) -> list[str]:
    """``markdown`` cut into segments (see the module docstring); ``"\\n\\n".join`` of the blocks gives it back."""
    return [s for block in _blocks(markdown) for s in _units(block.split("\n")) if s.strip()]


def _units(lines: list[str]) -> list[str]:
    """A block's segments: a heading line on its own, then the rest; any other block whole."""
    if lines[0].startswith("#") and len(lines) > 1 and not _FENCE.match(lines[0]):
        return [lines[0], "\n".join(lines[1:])]
    return ["\n".join(lines)]


def _groups(markdown: str) -> list[tuple[bool, list[str]]]:
    """``markdown``'s lines in runs: (True, a block's lines) or (False, blank lines); a fenced code block is one
    block. Joining every line of every run with newlines gives ``markdown`` back exactly."""
    groups: list[tuple[bool, list[str]]] = []
    fenced = False
    for line in markdown.split("\n"):
        if _FENCE.match(line.strip()):
            fenced = not fenced
        is_block = bool(line.strip()) or fenced
        if groups and groups[-1][0] == is_block:
            groups[-1][1].append(line)
        else:
            groups.append((is_block, [line]))
    return groups


def _blocks(markdown: str) -> list[str]:
    """Blank-line-separated blocks, a fenced code block kept whole."""
    return ["\n".join(lines) for is_block, lines in _groups(markdown) if is_block]


def rebuild(markdown: str, translate) -> str:
    """``markdown`` with each segment passed through ``translate``, the layout (blank lines) kept exactly."""
    out: list[str] = []
    for is_block, lines in _groups(markdown):
        out += lines if not is_block else [line for unit in _units(lines) for line in translate(unit).split("\n")]
    return "\n".join(out)


def new_catalog(lang: str) -> Catalog:
    return Catalog(locale=lang, project="h20-notebooks", version="1", creation_date=_HEADER_DATE,
                   revision_date=_HEADER_DATE, language_team=f"{lang}", last_translator="the H20 notebooks project",
                   msgid_bugs_address="the project's issue tracker", copyright_holder="the H20 notebooks authors",
                   header_comment=f"# {lang} translation of the H20 notebooks' prose, one entry per segment.\n"
                                  "# Segments and contexts: see helpers/publish/translation.py. Regenerate with\n"
                                  "# `make translations`; edit only the msgstr lines.", fuzzy=False)


def read_catalogue(path: Path) -> Catalog:
    """A ``.po`` file as a Babel catalogue; :class:`TranslationError` naming it if it is not one."""
    from babel.messages.pofile import PoFileError

    try:
        with open(path, "rb") as fh:
            return read_po(fh, abort_invalid=True)
    except (PoFileError, UnicodeDecodeError) as exc:
        raise TranslationError(f"{path}: not a gettext catalogue ({' '.join(str(exc).split())[:120]})") from None


def merge_catalog(fresh: Catalog, catalogue: Path) -> Catalog:
    """The committed ``catalogue`` updated to ``fresh``'s entries (Babel: changed ones fuzzy, gone ones obsolete)."""
    if not catalogue.exists():
        return fresh
    old = read_catalogue(catalogue)
    old.update(fresh, no_fuzzy_matching=False, update_header_comment=False, update_creation_date=False)
    old.revision_date = _HEADER_DATE
    return old


def po_text(catalog: Catalog) -> str:
    """The catalogue as a ``.po`` file: entries in the notebook's order, the old English of fuzzy ones kept."""
    for message in catalog:
        # Babel flags any text with a % sign as a Python format string; these are prose, and gettext tools
        # would then "check" « 15 % » as a placeholder
        message.flags.discard("python-format")
        message.flags.discard("python-brace-format")
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, sort_output=False, include_previous=True,
             ignore_obsolete=False)
    return buffer.getvalue().decode("utf-8")


def problems(catalog: Catalog, notebook: str) -> list[str]:
    """A line for each segment the edition cannot ship: not translated, or fuzzy (its English changed)."""
    out = []
    for message in catalog:
        if not message.id:
            continue
        where = f"{notebook}: {message.context}" if message.context else notebook
        start = str(message.id).split("\n")[0][:60]
        if message.fuzzy:
            out.append(f"{where}: fuzzy (the English changed): {start!r}")
        elif not message.string:
            out.append(f"{where}: not translated: {start!r}")
    return out
