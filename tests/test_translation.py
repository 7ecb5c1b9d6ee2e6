"""The French edition: catalogues complete and up to date, French notebooks written from them, parity with the English.

A change to an English paragraph comes back fuzzy from the merge and is named here, so the French edition
can never fall silently behind its source (the failure the issue describes in other course collections).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from helpers.data.paths import NOTEBOOKS_DIR, notebook_paths
from helpers.publish.translation import (
    rebuild,
    catalogue_path,
    edition_dir,
    guide_catalogue_path,
    merged_guide,
    merged,
    po_text,
    problems,
    read_catalogue,
    segments_of,
    translated_notebook,
)

ENGLISH = notebook_paths(NOTEBOOKS_DIR)
NAMES = [p.stem for p in ENGLISH]
#: Every prose catalogue: each notebook's, and the teacher guide's (its prose and the session plans' activities).
PROSE = [catalogue_path(p, "fr") for p in ENGLISH] + [guide_catalogue_path("fr")]
PROSE_NAMES = [p.stem for p in PROSE]


def test_segmenting_gives_every_cell_back_exactly():
    for path in ENGLISH:
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type == "markdown":
                assert rebuild(cell.source, lambda s: s) == cell.source, (path.name, cell.id)
                assert all(s.strip() for s in segments_of(cell.source))


@pytest.mark.parametrize("path", ENGLISH, ids=NAMES)
def test_catalogue_is_complete_and_up_to_date(path):
    """Drift fails here: every segment translated, none fuzzy, and the committed .po is what the merge writes."""
    catalog = merged(path, "fr")
    assert problems(catalog, path.name) == [], "\n".join(problems(catalog, path.name))
    committed = catalogue_path(path, "fr").read_text(encoding="utf-8")
    assert committed == po_text(catalog), f"{catalogue_path(path, 'fr')}: out of date; run `make translations`"


@pytest.mark.parametrize("path", ENGLISH, ids=NAMES)
def test_french_notebook_is_written_from_the_catalogue(path):
    french = nbformat.read(edition_dir("fr") / path.name, as_version=4)
    expected = translated_notebook(path, read_catalogue(catalogue_path(path, "fr")), "fr")
    assert [(c.id, c.cell_type, c.get("metadata", {}).get("tags", [])) for c in french.cells] == \
        [(c.id, c.cell_type, c.get("metadata", {}).get("tags", [])) for c in expected.cells]
    for ours, theirs in zip(french.cells, expected.cells, strict=True):
        assert ours.source == theirs.source, (path.name, ours.id)  # the same code, and the catalogue's French
    assert french.metadata["lang"] == "fr"


def _numbers(text: str) -> list[float]:
    """The numbers of ``text`` whichever way they are written: 1,250,000 / 1 250 000 / 3.45 / 3,45."""
    out = []
    text = re.sub(r"\[\^[^\]]+\]|\]\([^)]*\)", " ", text)
    for m in re.finditer(r"\d{1,3}(?:[\u00a0\u202f ]\d{3}(?!\w))+(?:,\d+)?|\d+(?:[.,]\d+)*", text):
        token = re.sub(r"[\u00a0\u202f ]", "", m.group())
        if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", token):
            token = token.replace(",", "")
        elif re.fullmatch(r"\d+,\d+", token):
            token = token.replace(",", ".")
        out += [float(t) for t in re.findall(r"\d+(?:\.\d+)?", token)]
    return sorted(out)


def _same(pattern: str, english: str, french: str) -> bool:
    return sorted(re.findall(pattern, english)) == sorted(re.findall(pattern, french))


@pytest.mark.parametrize("catalogue", PROSE, ids=PROSE_NAMES)
def test_each_french_segment_keeps_what_the_english_has(catalogue):
    """Citation markers, link targets, code spans, exercise ids, slide references, heading levels and numbers
    survive translation."""
    bad = []
    for message in read_catalogue(catalogue):
        if not message.id or not message.string:
            continue
        en, fr = str(message.id), str(message.string)
        if catalogue == guide_catalogue_path("fr"):
            # the French guide points to the French outputs: build/report/fr/…, make lab EDITION=fr
            fr = re.sub(r"`[^`]+`", lambda m: m[0].replace("/fr/", "/").replace(" EDITION=fr", ""), fr)
        for what, pattern in (("citation markers", r"\[\^[^\]]+\]"), ("links", r"\]\(([^)]*)\)"),
                              ("code", r"`[^`]+`"), ("exercise ids", r"\b\d\d\.\d\b"),
                              ("slide references", r"\[\[slide:[^\]]*\]\]"), ("markers", r"<!--.*?-->")):
            if not _same(pattern, en, fr):
                bad.append(f"{message.context}: {what} differ in {en[:50]!r}")
        if re.match(r"#+ ", en) and re.match(r"#+ ", en).group() != (re.match(r"#+ ", fr) or [""])[0]:
            bad.append(f"{message.context}: heading level differs in {en[:50]!r}")
        if _numbers(en) != _numbers(fr):
            bad.append(f"{message.context}: numbers differ in {en[:50]!r}: {_numbers(en)} vs {_numbers(fr)}")
    assert bad == [], "\n".join(bad)


#: Words that mark an English sentence, and French ones; a French segment with more of the first is English.
_ENGLISH_WORDS = {"the", "and", "of", "is", "are", "which", "that", "with", "from", "this", "was", "were", "what",
                  "its", "their", "not", "but", "for", "by", "on", "has", "have", "it", "to", "in"}
_FRENCH_WORDS = {"le", "la", "les", "et", "de", "des", "du", "est", "sont", "qui", "que", "avec", "pour", "par", "sur",
                 "une", "un", "dans", "ce", "cette", "pas", "ne", "au", "aux", "il", "elle", "se", "à", "en"}


def english_left(text: str) -> bool:
    """True for a French segment that reads as English (code, links and quotations left out)."""
    prose = re.sub(r"`[^`]*`|\]\([^)]*\)|\[\^[^\]]+\]|«[^»]*»|\$[^$]*\$|<[^>]+>|https?://\S+", " ", text)
    words = re.findall(r"[A-Za-zÀ-ÿ']+", prose.lower())
    english = sum(w in _ENGLISH_WORDS for w in words)
    french = sum(w in _FRENCH_WORDS for w in words)
    return english >= 3 and english > french


def test_english_left_is_caught():
    assert english_left("The licence was granted by the Commerce Department, which is not the end of it.")
    assert not english_left("La licence a été accordée par le département du Commerce (`Commerce`, the `is` test).")


@pytest.mark.parametrize("path", ENGLISH, ids=NAMES)
def test_no_english_sentence_in_the_french_notebooks(path):
    french = nbformat.read(edition_dir("fr") / path.name, as_version=4)
    left = [f"{cell.id}: {seg[:70]!r}" for cell in french.cells if cell.cell_type == "markdown"
            for seg in segments_of(cell.source) if english_left(seg)]
    assert left == [], "\n".join(left)


def test_a_changed_english_paragraph_comes_back_fuzzy_and_is_named(tmp_path):
    from nbformat.v4 import new_markdown_cell, new_notebook

    nb = new_notebook(cells=[new_markdown_cell("# 01 · Tiny\n\nThe truce lasts 90 days.", id="cell-00")])
    path = tmp_path / "01_tiny.ipynb"
    nbformat.write(nb, path)
    po = tmp_path / "01_tiny.po"
    catalog = merged(path, "fr", po)
    for message in catalog:
        if message.id:
            message.string = {"# 01 · Tiny": "# 01 · Minuscule"}.get(message.id, "La trêve dure 90 jours.")
    po.write_text(po_text(catalog), encoding="utf-8")
    assert problems(merged(path, "fr", po), path.name) == []

    nb.cells[0].source = "# 01 · Tiny\n\nThe truce lasts 120 days."
    nbformat.write(nb, path)
    found = problems(merged(path, "fr", po), path.name)
    assert found == ["01_tiny.ipynb: 01_tiny#cell-00: fuzzy (the English changed): 'The truce lasts 120 days.'"]
    with pytest.raises(KeyError, match="no translation"):
        translated_notebook(path, merged(path, "fr", po), "fr")


def test_french_numbers_are_read_as_the_english_ones():
    assert _numbers("1,250,000 chips, 15%, $3.45 bn") == _numbers("1\u00a0250\u00a0000 puces, 15\u00a0%, 3,45\u00a0Md$")
    assert _numbers("1,250,000") != _numbers("1\u00a0250\u00a0001")


def test_the_english_glossary_of_terms_is_not_the_source(tmp_path):
    """Catalogue files are UTF-8 gettext that Babel reads back (what Poedit and Weblate read)."""
    for path in ENGLISH:
        assert read_catalogue(catalogue_path(path, "fr")).locale.language == "fr"


def test_french_notebooks_are_fresh():
    """Executed after their code, helpers and data last changed, like the English ones (strict nbval checks them)."""
    from helpers.publish.catalogue import discover

    from helpers.views.i18n import catalogue_digest

    stale = [i.name for i in discover(edition_dir("fr")) if not i.fresh
             or nbformat.read(i.path, as_version=4).metadata.get("outputs_catalogue") != catalogue_digest("fr")]
    assert not stale, f"notebooks/fr: outputs older than their inputs: {', '.join(stale)} (run `make translations`)"


def test_outputs_catalogue_is_complete_and_up_to_date():
    """Chart and table words: extracted from the English notebooks' outputs, every one translated, none fuzzy."""
    from helpers.publish.translation import merged_outputs
    from helpers.views.i18n import outputs_catalogue

    catalog = merged_outputs("fr")
    assert problems(catalog, "outputs.po") == [], "\n".join(problems(catalog, "outputs.po"))
    assert outputs_catalogue("fr").read_text(encoding="utf-8") == po_text(catalog), "run `make translations`"


def test_output_strings_keep_their_numbers():
    from helpers.views.i18n import outputs_catalogue

    bad = [str(m.id)[:60] for m in read_catalogue(outputs_catalogue("fr"))
           if m.id and m.string and _numbers(str(m.id)) != _numbers(str(m.string))]
    assert bad == [], bad


def test_french_notebooks_draw_their_charts_in_french():
    """Titles, axes and legends from the catalogue, numbers and dates with Vega's French locale."""
    from helpers.publish.translation import output_texts
    from helpers.views.theme import figure_spec

    charts = 0
    for path in ENGLISH:
        french = nbformat.read(edition_dir("fr") / path.name, as_version=4)
        for cell in french.cells:
            for output in cell.get("outputs", []):
                page = output.get("data", {}).get("text/html", "")
                figure = figure_spec("".join(page) if isinstance(page, list) else page)
                if figure is None:
                    continue
                charts += 1
                spec = figure[1]
                assert spec["config"]["locale"]["number"]["decimal"] == ",", (path.name, cell.id)
                title = spec.get("title", {})
                text = title.get("text") if isinstance(title, dict) else title
                text = " ".join(text) if isinstance(text, list) else str(text)
                assert not english_left(text), (path.name, cell.id, text)
        left = [t for t in output_texts(edition_dir("fr") / path.name) if english_left(t)]
        assert left == [], (path.name, left[:5])
    assert charts >= 15


def test_a_chart_spec_is_translated_but_not_its_data():
    from helpers.views import i18n

    spec = {"title": {"text": "Date", "subtitle": ["Source"]}, "data": {"values": [{"title": "Date"}]},
            "encoding": {"x": {"field": "Date", "title": "Date"}}, "usermeta": {"source": "Source"}}
    try:
        i18n.use("fr")
        table = {"Date": "Date (fr)", "Source": "Source (fr)"}
        original = i18n.translate
        i18n.translate = lambda text: table.get(text, text)  # the walk, not the catalogue, is under test
        out = i18n._walk(spec, i18n.translate)
    finally:
        i18n.translate = original
        i18n.use("en")
    assert out["title"] == {"text": "Date (fr)", "subtitle": ["Source (fr)"]}
    assert out["encoding"]["x"] == {"field": "Date", "title": "Date (fr)"}
    assert out["data"] == spec["data"] and out["usermeta"]["source"] == "Source (fr)"


def test_the_edition_comes_from_the_notebook_folder():
    from helpers.views.i18n import edition_of

    assert edition_of(NOTEBOOKS_DIR / "fr") == "fr"
    assert edition_of(NOTEBOOKS_DIR) == "en"
    assert edition_of(Path("/tmp/fr")) == "en"


@pytest.mark.parametrize("path", ENGLISH, ids=NAMES)
def test_cells_catalogue_is_complete_and_up_to_date(path):
    """The words of the notebook's tables (event titles, roles, arguments): all translated, none fuzzy."""
    from helpers.publish.translation import merged_cells
    from helpers.views.i18n import cells_catalogue

    catalog = merged_cells(path, "fr")
    assert problems(catalog, path.stem) == [], "\n".join(problems(catalog, path.stem)[:20])
    assert cells_catalogue("fr", path.stem).read_text(encoding="utf-8") == po_text(catalog), "run `make translations`"


def typography_problems(text: str) -> list[str]:
    """French typography a reader expects: a no-break space before : ; ? ! % and » and after « (code, links,
    URLs, times and ratios left out)."""
    prose = re.sub(r"`[^`]*`|\]\([^)]*\)|https?://\S+|\$[^$]*\$|<[^>]+>|\[\^[^\]]+\]|\[\[[^\]]*\]\]", " ", text)
    # the article's words are quoted as they are written (« plus de 100% »), and the explorer's English preset
    # names (in italics) as the menu shows them: only the guillemets' own spacing is checked there
    prose = re.sub(r"«(\s?)[^«»]*?(\s?)»", lambda m: f"«{m[1]}x{m[2]}»", prose)
    prose = re.sub(r"(?<![*\w])\*[^*\n]+\*(?![*\w])", " ", prose)
    found = []
    for m in re.finditer(r"(?<=\w) ([:;?!%»])|« (?=\w)|(?<=\w)([;?!»])|(?<=\d)%", prose):
        found.append(prose[max(0, m.start() - 15):m.end() + 5])
    return found


def test_typography_check_can_fail():
    assert typography_problems("Le prix : 15 % ; « oui »") != []
    assert typography_problems("Le prix\u00a0: 15\u00a0%\u00a0; «\u00a0oui\u00a0» et `a: b` [lien](x:y)") == []


@pytest.mark.parametrize("catalogue", PROSE, ids=PROSE_NAMES)
def test_french_prose_follows_french_typography(catalogue):
    bad = [f"{m.context}: {p!r}" for m in read_catalogue(catalogue) if m.id and m.string
           for p in typography_problems(str(m.string))]
    assert bad == [], "\n".join(bad[:20])


def test_guide_catalogue_is_complete_and_up_to_date():
    """The teacher guide's prose and the plans' activities: every entry translated, none fuzzy, file as merged."""
    catalog = merged_guide("fr")
    assert problems(catalog, "teacher-guide") == [], "\n".join(problems(catalog, "teacher-guide")[:20])
    assert guide_catalogue_path("fr").read_text(encoding="utf-8") == po_text(catalog), "run `make translations`"


def test_no_english_sentence_in_the_french_guide():
    left = [f"{m.context}: {str(m.string)[:70]!r}" for m in read_catalogue(guide_catalogue_path("fr"))
            if m.id and m.string and english_left(str(m.string))]
    assert left == [], "\n".join(left)


def test_every_marked_string_in_the_code_reaches_the_catalogue():
    """Every ``_("…")`` and ``N_("…")`` with a literal, in any module (inside an f-string too, where Babel's
    extractor cannot see), is in a module the extraction reads and among the strings it extracts."""
    import ast

    from helpers.publish.translation import code_words
    from helpers.views.i18n import CODE_MODULES

    package = Path(__file__).resolve().parents[1] / "src" / "helpers"
    extracted = set(code_words())
    missing = []
    for path in sorted(package.rglob("*.py")):
        module = path.relative_to(package).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("_", "N_") \
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                if module not in CODE_MODULES:
                    missing.append(f"{module}: not in CODE_MODULES")
                elif (module, node.args[0].value) not in extracted:
                    missing.append(f"{module}:{node.lineno}: {node.args[0].value[:50]!r} not extracted")
    assert missing == [], "\n".join(dict.fromkeys(missing))
