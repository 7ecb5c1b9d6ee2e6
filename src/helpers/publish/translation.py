"""The French edition: the notebooks' prose in gettext catalogues, and the French notebooks written from them.

English is the source. Each notebook's Markdown is cut into **segments** (the segmenting rule, so a
translator knows what one entry is):

- a Markdown cell is cut at its blank lines into blocks; a fenced code block (```) stays whole;
- a heading line (``#``…) at the top of a block is a segment of its own, the rest of the block another;
- each segment's context (``msgctxt``) is ``<notebook>#<cell id>``, so the same words in two cells are
  two entries, and an entry follows its cell when cells move.

``make translations`` (:func:`update`) extracts the segments, merges them into
``translations/fr/<notebook>.po`` with Babel (a changed English segment comes back **fuzzy**, with the
old English beside it; a removed one becomes obsolete), then writes ``notebooks/fr/<notebook>.ipynb``:
the English notebook with every segment replaced by its French, links one folder deeper, and executes
it, so strict nbval checks the French notebooks as it does the English ones. A segment that is missing
or fuzzy is never shipped in English: :func:`problems` names it and the command exits 1 (the tests fail
the same way), so a source change cannot silently skip the translation.

Translators work in any gettext tool (Poedit, Weblate, Lokalize) on the ``.po`` files.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path

import nbformat
from babel.messages.catalog import Catalog

from helpers.data.files import write_file
from helpers.data.paths import NOTEBOOKS_DIR, ROOT, notebook_paths
from helpers.publish.guide_text import guide_catalogue_path, merged_guide
from helpers.publish.segments import (  # noqa: F401 - the segmenting rule, re-exported where it is documented
    Segment,
    merge_catalog,
    new_catalog,
    po_text,
    problems,
    read_catalogue,
    rebuild,
    segments_of,
)

#: The editions besides English, and where their catalogues and notebooks live.
LANGUAGES = ("fr",)
TRANSLATIONS_DIR = ROOT / "translations"
def notebook_segments(path: Path) -> list[Segment]:
    """Every segment of the Markdown cells of notebook ``path``, in reading order."""
    nb = nbformat.read(path, as_version=4)
    return [Segment(f"{path.stem}#{cell.id}", text) for cell in nb.cells if cell.cell_type == "markdown"
            for text in segments_of(cell.source)]


def template(path: Path, lang: str) -> Catalog:
    """The catalogue of notebook ``path``'s segments with empty translations (what ``update`` merges)."""
    catalog = new_catalog(lang)
    for seg in notebook_segments(path):
        catalog.add(seg.text, "", context=seg.context)
    return catalog


def catalogue_path(path: Path, lang: str) -> Path:
    """``translations/<lang>/<notebook>.po`` for notebook ``path``."""
    return TRANSLATIONS_DIR / lang / f"{path.stem}.po"


def merged(path: Path, lang: str, catalogue: Path | None = None) -> Catalog:
    """The notebook's catalogue brought up to date with its English: new segments empty, changed ones fuzzy."""
    return merge_catalog(template(path, lang), catalogue or catalogue_path(path, lang))


def translated_notebook(path: Path, catalog: Catalog, lang: str) -> nbformat.NotebookNode:
    """The English notebook with its Markdown in ``lang`` (code and outputs as they are, until executed)."""
    nb = nbformat.read(path, as_version=4)
    out = copy.deepcopy(nb)
    for cell in out.cells:
        if cell.cell_type != "markdown":
            continue
        context = f"{path.stem}#{cell.id}"

        def translate(text: str, context: str = context) -> str:
            message = catalog.get(text, context=context)
            if message is None or message.fuzzy or not message.string:
                raise KeyError(f"{path.stem}: {context}: no translation for {text[:60]!r}")
            # the notebook sits one folder deeper: a link to ../README.md becomes ../../README.md
            return re.sub(r"\]\(\.\./", "](../../", str(message.string))

        cell.source = rebuild(cell.source, translate)
    out.metadata["lang"] = lang  # beside the freeze's own "h20" entry, which execution rewrites
    # the outputs catalogue it runs with: a new translation of a chart title re-executes the notebook
    from helpers.views.i18n import catalogue_digest

    out.metadata["outputs_catalogue"] = catalogue_digest(lang)
    return out


def _html_outputs(path: Path):
    """Every stored HTML output of notebook ``path``, as one string each."""
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            page = output.get("data", {}).get("text/html", "")
            yield "".join(page) if isinstance(page, list) else page


def output_texts(path: Path) -> list[str]:
    """The words a reader sees in notebook ``path``'s stored outputs: chart titles, axes, legends, captions and
    descriptions (from each chart's spec), reader-table headers and captions. What ``outputs.po`` translates."""
    import html as html_lib

    from helpers.views.i18n import texts_of
    from helpers.views.theme import figure_spec

    found: list[str] = []
    for page in _html_outputs(path):
        figure = figure_spec(page) if page else None
        if figure is not None:
            found += texts_of(figure[1])
        for text in re.findall(r'<th scope="col"[^>]*>(?!<code>)(.*?)</th>|<caption>(.*?)</caption>', page, re.S):
            found += [html_lib.unescape(t) for t in text if t]
    return [t for t in dict.fromkeys(found) if t.strip() and re.search(r"[A-Za-z]", t)]


def cell_texts(path: Path) -> list[str]:
    """The words of the reader tables' cells in notebook ``path``'s stored outputs (not raw schemas, numbers,
    file names, links or codes): the data a reader sees (event titles, actors' roles, arguments...)."""
    import html as html_lib

    found: list[str] = []
    for page in _html_outputs(path):
        if "h20-table" not in page or "h20-raw" in page:
            continue
        for text in re.findall(r"<td[^>]*>(.*?)</td>", page, re.S):
            text = html_lib.unescape(re.sub(r"<[^>]+>", "", text)).strip()
            if re.search(r"[A-Za-z]{3}", text) and not re.fullmatch(
                    r"[\w.-]+\.(?:csv|json|txt)|https?://\S+|(?=[a-z0-9_-]*[_\d])[a-z0-9_-]+", text):
                found.append(text)
    return list(dict.fromkeys(found))


def merged_cells(path: Path, lang: str) -> Catalog:
    """``translations/<lang>/<notebook>.cells.po`` brought up to date with the notebook's English table cells."""
    from helpers.views.i18n import cells_catalogue

    fresh = new_catalog(lang)
    for text in cell_texts(path):
        fresh.add(text, "")
    return merge_catalog(fresh, cells_catalogue(lang, path.stem))


def outputs_template(lang: str, notebooks: Path = NOTEBOOKS_DIR) -> Catalog:
    """The catalogue of every reader-facing string in the English notebooks' outputs, empty translations."""
    from helpers.views.labels import known_codes

    catalog = new_catalog(lang)
    from helpers.publish.pages import site_words

    # the words the reader tables put in cells: yes and no, and the labels of coded values
    for text in ["yes", "no", *sorted(set(known_codes().values()))]:
        catalog.add(text, "", auto_comments=["helpers.views.tables (table cells)"])
    from helpers.views.scenarios import EXPLORER_WORDS

    for text in EXPLORER_WORDS:  # the explorers' result lines, written in Vega expressions and by status_line
        if text not in catalog:
            catalog.add(text, "", auto_comments=["helpers.views.scenarios (the explorers' result lines)"])
    for text in site_words():  # the report's own words: navigation, toggles, footers, the index page
        if text not in catalog:
            catalog.add(text, "", auto_comments=["the report's pages (publish/templates)"])
    from helpers.publish.pages import sources_words

    for where, text in sources_words():  # the data the sources page shows: documents' summaries, grades, copies
        if text not in catalog:
            catalog.add(text, "", auto_comments=[where])
    for module, text in code_words():  # the code's own words: slides, guide, plans, handouts, exercises
        if text not in catalog:
            catalog.add(text, "", auto_comments=[f"helpers/{module}"])
    # a chart's data labels that a reader table shows too are translated once, in that notebook's cells catalogue
    in_cells = {text for path in notebook_paths(notebooks) for text in cell_texts(path)}
    from helpers.publish.pages import cited_event_words

    for text in cited_event_words(notebooks):  # the events a page's list of sources names
        if text not in catalog and text not in in_cells:
            catalog.add(text, "", auto_comments=["data/events.csv (cited events)"])
    for path in notebook_paths(notebooks):
        for text in output_texts(path):
            if text in catalog:
                catalog[text].auto_comments.append(path.stem)
            elif text not in in_cells or text in _spec_texts(path):
                catalog.add(text, "", auto_comments=[path.stem])
    return catalog


def _spec_texts(path: Path) -> set[str]:
    """The titles, descriptions and other texts of notebook ``path``'s charts, without their data labels."""
    from helpers.views.i18n import spec_texts
    from helpers.views.theme import figure_spec

    found: set[str] = set()
    for page in _html_outputs(path):
        figure = figure_spec(page) if page else None
        if figure is not None:
            found.update(spec_texts(figure[1]))
    return found


def code_words() -> list[tuple[str, str]]:
    """(module, string) for every ``_("…")`` and ``N_("…")`` in :data:`helpers.views.i18n.CODE_MODULES`, in order
    (Babel's Python extractor, as ``pybabel extract`` runs it)."""
    from babel.messages.extract import extract_from_file

    from helpers.views.i18n import CODE_MODULES

    package = Path(__file__).resolve().parents[1]
    found = []
    for module in CODE_MODULES:
        for _line, text, _comments, _context in extract_from_file("python", package / module,
                                                                   keywords={"_": None, "N_": None}):
            if isinstance(text, str) and text.strip():
                found.append((module, text))
    return found


def merged_outputs(lang: str, notebooks: Path = NOTEBOOKS_DIR) -> Catalog:
    """``translations/<lang>/outputs.po`` brought up to date with the English outputs (changed strings fuzzy)."""
    from helpers.views.i18n import outputs_catalogue

    return merge_catalog(outputs_template(lang, notebooks), outputs_catalogue(lang))


def edition_dir(lang: str) -> Path:
    """``notebooks/<lang>/``."""
    return NOTEBOOKS_DIR / lang


def update(lang: str = "fr", *, execute: bool = True, notebooks: Path = NOTEBOOKS_DIR) -> int:
    """``make translations``: merge every catalogue, write and execute the French notebooks; 0, or 1 and the
    untranslated or fuzzy segments named (those notebooks are not written)."""
    from helpers.publish.catalogue import discover
    from helpers.publish.runner import execute_in_place

    from helpers.views.i18n import catalogue_digest, cells_catalogue, outputs_catalogue

    outputs = merged_outputs(lang, notebooks)
    write_file(outputs_catalogue(lang), po_text(outputs))
    missing: list[str] = problems(outputs, "outputs")
    cells = 0
    for path in notebook_paths(notebooks):
        catalog = merged_cells(path, lang)
        write_file(cells_catalogue(lang, path.stem), po_text(catalog))
        missing += problems(catalog, f"{path.stem}.cells")
        cells += sum(1 for m in catalog if m.id)
    guide = merged_guide(lang)
    write_file(guide_catalogue_path(lang), po_text(guide))
    missing += problems(guide, "teacher-guide")
    cells += sum(1 for m in guide if m.id)
    written = []
    for path in notebook_paths(notebooks):
        catalog = merged(path, lang)
        write_file(catalogue_path(path, lang), po_text(catalog))
        found = problems(catalog, path.name)
        if found:
            missing += found
            continue
        target = edition_dir(lang) / path.name
        nb = translated_notebook(path, catalog, lang)
        if target.exists():
            old = nbformat.read(target, as_version=4)
            if [(c.cell_type, c.source) for c in old.cells] == [(c.cell_type, c.source) for c in nb.cells] \
                    and old.metadata.get("lang") == lang \
                    and old.metadata.get("outputs_catalogue") == catalogue_digest(lang):
                continue  # nothing changed: keep the executed notebook as it is
        text = nbformat.writes(nb)
        write_file(target, text if text.endswith("\n") else text + "\n")
        written.append(path.stem)
    total = sum(len(notebook_segments(p)) for p in notebook_paths(notebooks)) + sum(1 for m in outputs if m.id) + cells
    print(f"{lang}: {total - len(missing)} of {total} segments and output strings translated; "
          f"{len(written)} notebook(s) rewritten", flush=True)
    for line in missing:
        print(f"  ! {line}", flush=True)
    status = 1 if missing else 0
    # rewritten notebooks, and those whose code, helpers or data changed since they last ran (`make notebooks`
    # re-runs the English ones; the French ones follow here)
    infos = [i for i in discover(edition_dir(lang)) if i.path.stem in written or not i.fresh]
    if execute and infos:
        status = max(status, execute_in_place(infos))
    return status
