"""The teaching kit: student copies of the notebooks, the answer key and the teacher guide.

Cells are marked with tags, so nothing is duplicated by hand:

* ``solution``: removed from student copies, collected into the answer key;
* ``exercise``: kept in student copies with their outputs cleared;
* ``slide``: charts that go into the lecture slides;
* ``notes``: the speaker notes of the slide before them, removed from student copies and the report.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat

from helpers.data.citations import CitationError, cite_inline, keys_in, resolve
from helpers.data.datasets import load_table
from helpers.data.files import owned_dir
from helpers.data.paths import BUILD_DIR, NOTEBOOKS_DIR, notebook_paths
from helpers.publish.audit import check_notebook
from helpers.publish.catalogue import discover, read, tags
from helpers.publish.deck import cite_slides, slide_titles
from helpers.publish.guide_text import GUIDE_SOURCE
from helpers.publish.markdown import md_cell as _cell
from helpers.publish.plans import plan_table
from helpers.views.i18n import _, edition, edition_of, translate

STUDENT_DIR = BUILD_DIR / "student"


def student_copy(nb: nbformat.NotebookNode, *, readable_citations: bool = True) -> nbformat.NotebookNode:
    """A copy without solution cells or speaker notes, with exercise outputs cleared; everything else intact.

    With ``readable_citations`` (a notebook file a student opens in JupyterLab), each ``[^key]`` marker is
    written out as "(publisher, date)"; the student report keeps the markers, which become numbered links.
    """
    from helpers.data.citations import cite_inline

    out = copy.deepcopy(nb)
    out.cells = [c for c in out.cells if not tags(c) & {"solution", "notes"}]
    for cell in out.cells:
        if cell.cell_type == "code" and "exercise" in tags(cell):
            cell.outputs = []
            cell.execution_count = None
        if cell.cell_type == "markdown" and readable_citations:
            cell.source = cite_inline(cell.source)
    out.metadata["h20_student_copy"] = True
    return out


def write_student_copies(out: Path = STUDENT_DIR, notebooks: Path = NOTEBOOKS_DIR) -> list[Path]:
    """Write a student copy of every notebook into ``out``, and of each edition's (``notebooks/fr`` →
    ``out/fr/``); the folder is replaced as a whole, never half-written."""
    from helpers.views.i18n import EDITIONS

    folders = [("", notebooks)] + [(f"{ed}/", notebooks / ed) for ed in EDITIONS
                                   if notebooks == NOTEBOOKS_DIR and (notebooks / ed).is_dir()]
    copies = []
    for sub, folder in folders:  # every notebook read and checked before the folder is touched
        for path in notebook_paths(folder):
            nb = read(path)
            check_notebook(nb, path)
            check_citations(nb, path)
            copies.append((sub + path.name, student_copy(nb)))
    written = []
    with owned_dir(out) as stage:
        for name, nb in copies:
            (stage / name).parent.mkdir(exist_ok=True)
            nbformat.write(nb, stage / name)
            written.append(out / name)
    return written


def check_citations(nb: nbformat.NotebookNode, path: Path) -> None:
    """Raise :class:`CitationError` naming the notebook and cell of the first ``[^key]`` that names nothing."""
    for number, cell in enumerate(nb.cells, start=1):
        if cell.cell_type != "markdown":
            continue
        for key in keys_in(cell.source):
            try:
                resolve(key)
            except CitationError as exc:
                raise CitationError(f"{path}, cell {number}: {exc.args[0]}") from None


def solution_texts(nb: nbformat.NotebookNode) -> list[str]:
    """The source of every solution cell (what must never reach a student copy)."""
    return [c.source for c in nb.cells if "solution" in tags(c)]


def answer_key(notebooks: Path = NOTEBOOKS_DIR) -> str:
    """Markdown answer key built from the solution cells of every notebook."""
    parts = []
    for path in notebook_paths(notebooks):
        nb = read(path)
        title = nb.metadata.get("title", path.stem)
        parts.append(f"### {title}\n")
        for cell in nb.cells:
            if "solution" not in tags(cell):
                continue
            if cell.cell_type == "markdown":
                parts.append(cell.source.strip() + "\n")
            else:
                parts.append("```python\n" + cell.source.strip() + "\n```\n")
    return "\n".join(parts)


def objectives(notebooks: Path = NOTEBOOKS_DIR) -> str:
    """Markdown list of each notebook's finding and learning objectives (read from the notebooks)."""
    parts = []
    for info in discover(notebooks):
        items = "\n".join(f"   - {o}" for o in info.objectives)
        parts.append(_("- **{title}** · time to read: {time}\n\n   *Finding:* {finding}\n\n"
                       "   Learning objectives:\n\n{objectives}\n").format(
            title=info.title, time=info.time_to_read, finding=info.headline, objectives=items))
    return "\n".join(parts)


def glossary() -> str:
    """The French → English glossary as a markdown table (from data/glossary_fr_en.csv); in an edition, its
    headers and our definitions and notes in the edition's language (the terms stay as they are)."""
    g = load_table("glossary_fr_en")
    rows = [_("| French | English | Note or definition | First matters in |"), "|---|---|---|---|"]
    for r in g.itertuples():
        mark = "" if r.in_article == "yes" else _(" (not in the article)")
        note = " ".join(translate(t) for t in (r.definition_en, r.note) if isinstance(t, str))
        rows.append(f"| *{_cell(r.term_fr)}*{mark} | {_cell(r.term_en)} | {_cell(note)} | "
                    + _("notebook {n}").format(n=r.first_notebook) + " |")
    return "\n".join(rows)




def slide_list(notebooks: Path = NOTEBOOKS_DIR) -> str:
    """The deck's slides, numbered as the deck numbers them (the guide cites slides by these numbers)."""
    return "\n".join(f"{i}. {_cell(title)}" for i, title in enumerate(slide_titles(notebooks), start=1))


#: Generated parts of the guide: marker -> maker(notebooks, strict). ``strict`` is true for the project's
#: own notebooks; a guide built for another collection (a fork, a test) marks what it cannot resolve.
_MARKERS = {"OBJECTIVES": lambda nbs, _: objectives(nbs), "ANSWER KEY": lambda nbs, _: answer_key(nbs),
            "GLOSSARY": lambda _nbs, _: glossary(), "SLIDES": lambda nbs, _: slide_list(nbs),
            **{f"PLAN {track} {m}": (lambda nbs, strict, m=m, track=track: plan_table(m, nbs, strict=strict, track=track))
               for track in ("policy", "data") for m in (45, 90)}}


def teacher_guide(notebooks: Path = NOTEBOOKS_DIR) -> str:
    """The full teacher guide in markdown for the notebooks in ``notebooks``: the written source with
    the generated parts (objectives, answer key, glossary, slides, plans) filled in and its slide
    references and citations resolved. For an edition's notebooks (``notebooks/fr``), the guide in that
    edition's language: its prose from ``translations/<lang>/teacher-guide.po``, the generated parts from
    the edition's notebooks and the output catalogue."""
    from helpers.publish.guide_text import localized_guide_source

    language = edition_of(notebooks)
    strict = notebooks in (NOTEBOOKS_DIR, NOTEBOOKS_DIR / language)
    with edition(language):
        text = localized_guide_source(language)
        for marker, make in _MARKERS.items():
            text = text.replace(f"<!-- {marker} -->", make(notebooks, strict))
        if m := re.search(r"<!-- ([A-Z0-9 ]+) -->", text):
            raise ValueError(f"{GUIDE_SOURCE}: unknown marker {m.group(0)}")
        return cite_inline(cite_slides(text, notebooks, strict=strict))


def teacher_guide_html(markdown: str) -> str:
    """Render the guide's markdown to an HTML fragment (tables enabled).

    Raw HTML in the Markdown is escaped, not passed through, and links with a script scheme are
    neutralised: the guide holds data (glossary notes) and notebook text.
    """
    import mistune

    return mistune.create_markdown(plugins=["table"], escape=True)(markdown)
