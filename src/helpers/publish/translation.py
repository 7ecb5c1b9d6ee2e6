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
import datetime as dt
import io
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import nbformat
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from helpers.data.files import write_file
from helpers.data.paths import NOTEBOOKS_DIR, ROOT, notebook_paths

#: The editions besides English, and where their catalogues and notebooks live.
LANGUAGES = ("fr",)
TRANSLATIONS_DIR = ROOT / "translations"
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


def notebook_segments(path: Path) -> list[Segment]:
    """Every segment of the Markdown cells of notebook ``path``, in reading order."""
    nb = nbformat.read(path, as_version=4)
    return [Segment(f"{path.stem}#{cell.id}", text) for cell in nb.cells if cell.cell_type == "markdown"
            for text in segments_of(cell.source)]


def template(path: Path, lang: str) -> Catalog:
    """The catalogue of notebook ``path``'s segments with empty translations (what ``update`` merges)."""
    catalog = _catalog(lang)
    for seg in notebook_segments(path):
        catalog.add(seg.text, "", context=seg.context)
    return catalog


def _catalog(lang: str) -> Catalog:
    return Catalog(locale=lang, project="h20-notebooks", version="1", creation_date=_HEADER_DATE,
                   revision_date=_HEADER_DATE, language_team=f"{lang}", last_translator="the H20 notebooks project",
                   msgid_bugs_address="the project's issue tracker", copyright_holder="the H20 notebooks authors",
                   header_comment=f"# {lang} translation of the H20 notebooks' prose, one entry per segment.\n"
                                  "# Segments and contexts: see helpers/publish/translation.py. Regenerate with\n"
                                  "# `make translations`; edit only the msgstr lines.", fuzzy=False)


def catalogue_path(path: Path, lang: str) -> Path:
    """``translations/<lang>/<notebook>.po`` for notebook ``path``."""
    return TRANSLATIONS_DIR / lang / f"{path.stem}.po"


def read_catalogue(path: Path) -> Catalog:
    with open(path, "rb") as fh:
        return read_po(fh, abort_invalid=True)


def merged(path: Path, lang: str, catalogue: Path | None = None) -> Catalog:
    """The notebook's catalogue brought up to date with its English: new segments empty, changed ones fuzzy."""
    return _merge(template(path, lang), catalogue or catalogue_path(path, lang))


def _merge(fresh: Catalog, catalogue: Path) -> Catalog:
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

    fresh = _catalog(lang)
    for text in cell_texts(path):
        fresh.add(text, "")
    return _merge(fresh, cells_catalogue(lang, path.stem))


def outputs_template(lang: str, notebooks: Path = NOTEBOOKS_DIR) -> Catalog:
    """The catalogue of every reader-facing string in the English notebooks' outputs, empty translations."""
    from helpers.views.labels import known_codes

    catalog = _catalog(lang)
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
    for path in notebook_paths(notebooks):
        for text in output_texts(path):
            if text in catalog:
                catalog[text].auto_comments.append(path.stem)
            else:
                catalog.add(text, "", auto_comments=[path.stem])
    return catalog


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

    return _merge(outputs_template(lang, notebooks), outputs_catalogue(lang))


#: The teacher guide's written source and the session plans' activities: one catalogue, two contexts.
GUIDE_CONTEXT, PLANS_CONTEXT = "teacher-guide", "session_plans"
_MARKER = re.compile(r"<!-- [A-Z0-9 ]+ -->")


def guide_catalogue_path(lang: str) -> Path:
    """``translations/<lang>/teacher-guide.po``: the guide's prose (segmented like a notebook's) and the plans."""
    return TRANSLATIONS_DIR / lang / "teacher-guide.po"


def guide_template(lang: str) -> Catalog:
    """The guide's segments and every distinct activity of the session plans, with empty translations."""
    import pandas as pd

    from helpers.publish.plans import PLANS_FILE
    from helpers.publish.teaching import GUIDE_SOURCE

    catalog = _catalog(lang)
    for text in segments_of(GUIDE_SOURCE.read_text(encoding="utf-8")):
        if _MARKER.fullmatch(text.strip()):
            continue  # a generated part's marker: filled in each edition's language, nothing to translate
        if (text, GUIDE_CONTEXT) not in {(m.id, m.context) for m in catalog}:
            catalog.add(text, "", context=GUIDE_CONTEXT)
    for text in pd.read_csv(PLANS_FILE, dtype=str, keep_default_na=False)["activity"]:
        if text and catalog.get(text, context=PLANS_CONTEXT) is None:
            catalog.add(text, "", context=PLANS_CONTEXT)
    return catalog


def merged_guide(lang: str) -> Catalog:
    """``translations/<lang>/teacher-guide.po`` brought up to date with the English guide and plans."""
    return _merge(guide_template(lang), guide_catalogue_path(lang))


def guide_translation(lang: str) -> dict[tuple[str, str], str]:
    """{(context, English): translation} from the committed guide catalogue (fuzzy and empty entries left out:
    the tests and ``make translations`` name them)."""
    path = guide_catalogue_path(lang)
    return _guide_table(path.read_bytes()) if path.exists() else {}


@lru_cache(maxsize=2)
def _guide_table(po: bytes) -> dict[tuple[str, str], str]:
    return {(str(m.context), str(m.id)): str(m.string) for m in read_po(io.BytesIO(po), abort_invalid=True)
            if m.id and m.string and not m.fuzzy}


def localize_guide(text: str, lang: str, context: str = GUIDE_CONTEXT) -> str:
    """A guide segment or a plan's activity in ``lang``; :class:`KeyError` naming it if it has no translation
    (an edition never ships an English paragraph in its guide)."""
    if lang == "en" or _MARKER.fullmatch(text.strip()):
        return text
    found = guide_translation(lang).get((context, text))
    if found is None:
        raise KeyError(f"{guide_catalogue_path(lang)}: no translation for {text[:60]!r} ({context})")
    return found


def localized_guide_source(lang: str) -> str:
    """The teacher guide's written source (``teaching/teacher-guide.md``) in ``lang``, its markers left for the
    generated parts."""
    from helpers.publish.teaching import GUIDE_SOURCE

    text = GUIDE_SOURCE.read_text(encoding="utf-8")
    return text if lang == "en" else rebuild(text, lambda unit: localize_guide(unit, lang))


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
