"""The lecture deck's plan: which slides, in which order, with which speaker notes.

One function, :func:`deck`, reads the committed notebooks and the data and returns the slides
without their chart HTML. The slides builder (:mod:`helpers.publish.slides`) fills the charts in
from executed copies; the teacher guide (:mod:`helpers.publish.teaching`) numbers and cites the
same list, so the guide's slide numbers are the deck's by construction.

The deck is:

* a title slide;
* for each notebook, a section slide (its title, finding and time to read), then one slide per
  chart cell tagged ``slide`` (titled by the chart's own title);
* slides made from data where a lecture needs them: the glossary after the primer's charts, the
  article's key statements (each claim's French words with our English gloss) before notebook 01's.

**Speaker notes** are Markdown cells tagged ``notes``: each belongs to the nearest slide before it
in its notebook (the section slide when no chart slide precedes it). The report and the student
copies leave them out; JupyterLab shows them to the teacher.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from helpers.data.citations import cite_inline
from helpers.data.datasets import load_table
from helpers.data.paths import NOTEBOOKS_DIR
from helpers.publish.catalogue import discover, read, tags

#: The deck's first slide.
TITLE_SLIDE = "The H20 affair: chips, security and a 90-day window"
#: Tag of a chart cell shown as a slide, and of a Markdown cell holding that slide's speaker notes.
SLIDE_TAG, NOTES_TAG = "slide", "notes"
#: Rows on one glossary or key-statement slide: what fits on a 16:9 slide at a readable size.
ROWS_PER_SLIDE = 5


@dataclass
class Slide:
    """One slide of the deck; ``rows`` are (left, right) pairs for glossary and statement slides."""

    kind: str  # title | section | chart | pairs
    title: str
    text: str = ""
    meta: str = ""
    notebook: str = ""
    cell_id: str = ""
    rows: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # Markdown, one entry per notes cell


def chart_title(cell) -> str | None:
    """The title of the chart a cell displays (from its stored text/plain), or None if it shows none."""
    for out in cell.get("outputs", []):
        if "text/html" in out.get("data", {}):
            plain = "".join(out["data"].get("text/plain", ""))
            m = re.match(r"<chart [^:]+: (.*)>\s*$", plain, re.S)
            return m.group(1) if m else "chart"
    return None


def _chunks(rows: list[tuple[str, str]], title: str, text: str, meta: str) -> list[Slide]:
    parts = [rows[i:i + ROWS_PER_SLIDE] for i in range(0, len(rows), ROWS_PER_SLIDE)]
    return [Slide("pairs", f"{title} ({n} of {len(parts)})" if len(parts) > 1 else title, text=text, meta=meta,
                  rows=part) for n, part in enumerate(parts, start=1)]


def glossary_slides() -> list[Slide]:
    """The primer's defined concepts, English term and our definition, a few per slide."""
    g = load_table("glossary_fr_en")
    g = g[g["definition_en"].fillna("") != ""]
    rows = [(f"{en} ({fr})" if fr != en else en, d) for fr, en, d in zip(g["term_fr"], g["term_en"],
                                                                       g["definition_en"], strict=True)]
    return _chunks(rows, "Glossary", "", "Notebook 00 · data/glossary_fr_en.csv")


def statement_slides() -> list[Slide]:
    """The article's key statements: each coded claim's French words and our English gloss."""
    c = load_table("claims")
    rows = [(f"« {q} » (sentence {s})", g) for q, s, g in zip(c["quote"], c["sentence_id"], c["gloss_en"], strict=True)]
    return _chunks(rows, "What the article says", "", "Notebook 01 · the article's words, our gloss")


def actor_slides() -> list[Slide]:
    """Who's who as a lecture reads it: each actor, its side and its role in our words, a few per slide."""
    a = load_table("actors")
    rows = [(f"{n} ({side})", role) for n, side, role in zip(a["name"], a["side"], a["role_en"], strict=True)]
    return _chunks(rows, "Who's who", "", "Notebook 00 · data/actors.csv (roles in our words)")


#: Chart cells shown on slides as data slides instead: a chart whose rows of text cannot be read at a
#: lecture's type size (the who's-who chart has 19 rows of role text) becomes a few slides of pairs.
#: The chart's speaker notes go with the first of them.
CHART_AS_DATA = {"00_primer/cell-07": actor_slides}

#: Data slides and where they go: after a notebook's chart slides, or first after its section slide.
DATA_SLIDES = {"00_primer": ("after", glossary_slides), "01_article_as_data": ("before", statement_slides)}


def deck(notebooks: Path = NOTEBOOKS_DIR) -> list[Slide]:
    """The deck's slides in order, read from the committed notebooks and the data (no chart HTML)."""
    slides = [Slide("title", TITLE_SLIDE,
                    text="Why Nvidia's China chip became a bargaining chip between Washington and Beijing, "
                         "from one French article of 12 August 2025.")]
    for info in discover(notebooks):
        section = Slide("section", info.title, text=info.headline,
                        meta=f"Notebook {info.name[:2]} · {info.time_to_read}", notebook=info.name)
        where, make = DATA_SLIDES.get(info.name, ("", list))
        extra = make()
        slides.append(section)
        slides += extra if where == "before" else []
        current = section
        for cell in read(info.path).cells:
            cell_tags = tags(cell)
            if cell.cell_type == "markdown" and NOTES_TAG in cell_tags:
                current.notes.append(cite_inline(cell.source))
            elif SLIDE_TAG in cell_tags and (title := chart_title(cell)) is not None:
                instead = CHART_AS_DATA.get(f"{info.name}/{cell.get('id', '')}")
                if instead is not None:
                    pairs = instead()
                    slides += pairs
                    current = pairs[0]
                    continue
                current = Slide("chart", title, notebook=info.name, cell_id=cell.get("id", ""))
                slides.append(current)
        slides += extra if where == "after" else []
    return slides


def slide_titles(notebooks: Path = NOTEBOOKS_DIR) -> list[str]:
    """The deck's slide titles in order: what the teacher guide numbers and cites."""
    return [s.title for s in deck(notebooks)]


#: ``[[slide: 00_primer]]`` (a section), ``[[slide: 00_primer/cell-04]]`` (a chart cell) or
#: ``[[slide: Glossary]]`` (the first slide whose title starts so): how the guide cites a slide.
SLIDE_REF = re.compile(r"\[\[slide:\s*([^\]]+?)\s*\]\]")


MISSING_SLIDE = "no such slide in this deck"


class SlideRefError(KeyError):
    """A slide reference that names no slide of the deck."""


def cite_slides(text: str, notebooks: Path = NOTEBOOKS_DIR, *, strict: bool = True) -> str:
    """Replace each ``[[slide: …]]`` in ``text`` with the slide's number in the deck (the guide lists the titles).

    A reference to no slide raises :class:`SlideRefError`, or with ``strict=False`` (a guide built for
    another collection of notebooks) is marked as missing.
    """
    if not SLIDE_REF.search(text):
        return text
    slides = deck(notebooks)

    def number(m: re.Match[str]) -> str:
        ref = m[1]
        for n, s in enumerate(slides, start=1):
            if (ref == s.notebook and s.kind == "section") or ref == f"{s.notebook}/{s.cell_id}" \
                    or (not s.notebook and s.title.startswith(ref)):
                return f"slide {n}"
        if strict:
            raise SlideRefError(f"no slide {ref!r} in the deck")
        return f"({ref}: {MISSING_SLIDE})"
    return SLIDE_REF.sub(number, text)
