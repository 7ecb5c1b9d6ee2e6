"""Which sentences of a notebook's prose must carry a citation marker, and which do not.

The rule the tests apply: every paragraph (or list item) of a Markdown cell that states a number or
a date carries at least one marker ``[^key]`` (:mod:`helpers.data.citations`). Exempt, because
they restate what the cited paragraphs say or are not claims about the world:

- headings, tables and the notebook's opening cell (title, finding, objectives, prerequisites,
  time to read: the finding is the summary of the cited sections below it);
- exercises and solutions (cells tagged ``exercise`` or ``solution``);
- everything from ``## Summary`` on (summary, what's next, sources);
- numbers inside code spans, links and markers, and numbers that are names: product names (H20,
  910C, FP16), ids (e035, s6), section, exercise and statute section numbers (Section 232);
- the collection's own cut-off date (:data:`helpers.data.facts.AS_OF`);
- words of the article quoted between « guillemets »: the article is their source, and its
  sentence tables give their exact span;
- cells tagged ``method``: they describe our own model or procedure (its settings are listed, with
  their sources, in the notebook's assumptions table), not the world.
"""

from __future__ import annotations

import datetime as dt
import re

from helpers.data.citations import MARKER
from helpers.data.facts import AS_OF

_EXEMPT_TAGS = {"exercise", "solution", "method"}
_CUT_OFF = dt.date.fromisoformat(AS_OF).strftime("%-d %B %Y")
#: A number as prose states it: digits not glued to letters (so not H20, 3A090, e035 or FP16).
_NUMBER = re.compile(r"(?<![\w.·/-])\d[\d,.]*(?:\s?%)?(?![\w-])")
_STRIP = [re.compile(p) for p in (r"«[^»]*»", r"`[^`]*`", r"\]\([^)]*\)", MARKER.pattern, r"\*\*(?:Exercise|Solution) [^*]*\*\*",
                                  r"\b(?:[Nn]otebook|[Ss]ection|[Ee]xercise|step|sentence)s? \d+(?:\.\d+)?"
                                  r"(?:(?:,| and| or|/) \d+(?:\.\d+)?)*",
                                  r"\b\d\d · ", r"\**" + _CUT_OFF + r"\**")]


def paragraphs(source: str) -> list[str]:
    """A Markdown cell's paragraphs and list items, without headings and table rows."""
    out: list[str] = []
    for block in re.split(r"\n\s*\n", source):
        lines = [ln for ln in block.splitlines() if ln.strip() and not ln.lstrip().startswith(("#", "|"))]
        items: list[str] = []
        for ln in lines:
            if re.match(r"\s*(?:[-*]|\d+\.)\s", ln) or not items:
                items.append(ln)
            else:
                items[-1] += " " + ln
        out.extend(items)
    return out


def states_a_number(paragraph: str) -> bool:
    """True when the paragraph states a figure or a date once names, ids and code are set aside."""
    text = paragraph
    for pattern in _STRIP:
        text = pattern.sub(" ", text)
    return bool(_NUMBER.search(text))


def uncited(nb) -> list[str]:
    """Paragraphs of a notebook that state a number or a date and carry no marker (see module doc)."""
    missing = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown" or i == 0:
            continue
        if cell.source.lstrip().startswith("## Summary"):
            break
        if _EXEMPT_TAGS & set(cell.metadata.get("tags", [])):
            continue
        missing += [p for p in paragraphs(cell.source) if states_a_number(p) and not MARKER.search(p)]
    return missing
