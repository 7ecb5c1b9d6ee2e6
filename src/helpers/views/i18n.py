"""The words the code shows a reader, in the edition's language: chart titles, axes, legends, captions, table headers.

English is the source. A French notebook (run from ``notebooks/fr/``) calls :func:`helpers.views.notebook.setup`,
which switches this module to French; from then on every chart the renderer draws and every reader table has its
reader-facing strings looked up in ``translations/fr/outputs.po``. That catalogue is extracted from the English
notebooks' own outputs (:mod:`helpers.publish.translation`), so it holds exactly the strings a reader sees, and
a string whose English changes comes back fuzzy and is named by the tests, like the prose.

Numbers and dates in charts follow the edition's locale (Vega's format and time locales, in the live charts and in
the static SVG alike): 1 250 000 and 12 août 2025 in French.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from helpers.data.paths import NOTEBOOKS_DIR, ROOT

#: The editions besides English.
EDITIONS = ("fr",)
TRANSLATIONS_DIR = ROOT / "translations"
#: Keys of a Vega-Lite spec whose string values a reader reads (titles of charts, axes, legends, tooltips).
TEXT_KEYS = ("title", "subtitle", "description", "text")

#: The language of the current thread: the report's build writes the English guide in a background thread while
#: the French pages are made in the main one, so one module-wide value would let each switch the other's words.
_state = threading.local()


def lang() -> str:
    """The language charts and tables are shown in now."""
    return getattr(_state, "lang", "en")


def use(language: str) -> None:
    """Show charts and tables in ``language`` from now on ("en" or one of :data:`EDITIONS`)."""
    if language != "en" and language not in EDITIONS:
        raise ValueError(f"no edition {language!r}: choose en or one of {', '.join(EDITIONS)}")
    _state.lang = language


@contextmanager
def edition(language: str) -> Iterator[None]:
    """Show charts, tables and the code's own words in ``language`` inside the ``with`` block, then as before
    (the slides, the handouts and the teacher guide are built for each edition in one process)."""
    before = lang()
    use(language)
    try:
        yield
    finally:
        use(before)


#: Modules whose reader-facing strings are written in the code, marked ``_("…")`` (translated where they are
#: shown) or ``N_("…")`` (kept in English in a table, translated when shown). ``make translations`` extracts
#: them into ``outputs.po`` with Babel's Python extractor, as gettext does: the slides' plan, the teacher
#: guide's generated parts, the session plans, the handouts and the exercises' feedback.
CODE_MODULES = ("publish/deck.py", "publish/teaching.py", "publish/plans.py", "publish/handouts.py",
                "publish/exercises.py", "views/notebook.py", "views/arguments.py",
                "views/scenarios.py", "publish/pages.py", "publish/slides.py")


def _(text: str) -> str:
    """``text`` in the current language: gettext's marker, so Babel's extractor finds the string in the code.

    Write ``_("Glossary ({n} of {total})").format(n=…, total=…)``, never an f-string: the catalogue holds
    the string with its placeholders, which the translation keeps.
    """
    return translate(text)


def N_(text: str) -> str:
    """``text`` unchanged, marked for extraction (gettext's ``gettext_noop``): a string stored in a table
    and translated with :func:`_` or :func:`translate` when it is shown."""
    return text


def edition_of(folder: Path) -> str:
    """The edition a notebook in ``folder`` belongs to: ``notebooks/fr`` is French, anything else English."""
    folder = Path(folder).resolve()
    return folder.name if folder.parent == NOTEBOOKS_DIR.resolve() and folder.name in EDITIONS else "en"


def outputs_catalogue(language: str) -> Path:
    """``translations/<language>/outputs.po``."""
    return TRANSLATIONS_DIR / language / "outputs.po"


def cells_catalogue(language: str, notebook: str) -> Path:
    """``translations/<language>/<notebook>.cells.po``: the words of one notebook's table cells."""
    return TRANSLATIONS_DIR / language / f"{notebook}.cells.po"


def _catalogues(language: str) -> list[Path]:
    folder = TRANSLATIONS_DIR / language
    return [p for p in [outputs_catalogue(language), *sorted(folder.glob("*.cells.po"))] if p.exists()]


def catalogue_digest(language: str) -> str:
    """sha256 of the edition's output catalogues (a French notebook records the ones it ran with)."""
    h = hashlib.sha256()
    for path in _catalogues(language):
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    return h.hexdigest() if _catalogues(language) else ""


@lru_cache(maxsize=4)
def _table(language: str, _digest: str) -> dict[str, str]:
    from babel.messages.pofile import read_po

    table: dict[str, str] = {}
    for path in _catalogues(language):
        with open(path, "rb") as fh:
            catalog = read_po(fh)
        for m in catalog:
            if m.id and m.string and not m.fuzzy:
                table.setdefault(str(m.id), str(m.string))
    return table


def translate(text: str) -> str:
    """``text`` in the current language (itself in English, or when the catalogue has no entry for it yet)."""
    return translate_to(text, lang())


def translate_to(text: str, language: str) -> str:
    """``text`` in ``language`` (the report's pages are built for each edition in one process)."""
    if language == "en" or not text:
        return text
    return _table(language, catalogue_digest(language)).get(text, text)


def spec_texts(spec: Any) -> list[str]:
    """A spec's titles, subtitles, descriptions, source line and tooltip and control labels, without its data."""
    found: list[str] = []
    _walk(spec, lambda s: found.append(s) or s)
    return found


def texts_of(spec: Any) -> list[str]:
    """Every reader-facing string of a Vega-Lite spec, in order (what :func:`localized` translates): its titles,
    descriptions and tooltips' titles, and the data values it shows as labels (:func:`label_values`)."""
    found: list[str] = []
    _walk(spec, lambda s: found.append(s) or s)
    return found + [v for v in label_values(spec) if v not in found]


def localized(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``spec`` in the current language: its texts and the data values it shows as labels translated,
    and numbers and dates written the language's way (Vega's locale in the spec's config, which the static SVG
    and the live chart both read)."""
    if lang() == "en":
        return spec
    out = _walk(spec, translate)
    fields = label_fields(spec)
    if fields:
        out = _relabel(out, fields)
    out.setdefault("config", {})["locale"] = _vega_locale(lang())
    return out


#: Encoding channels whose field a reader does not read as text (they order, group or link marks).
_SILENT_CHANNELS = ("detail", "order", "key", "href", "url", "description")


def label_fields(spec: Any) -> set[str]:
    """The fields whose values a chart shows as words (legend entries, nominal axis labels, text marks,
    tooltips) and that no expression, filter or parameter compares with a literal: translating their values
    in the data cannot change which marks are drawn. A field an expression names keeps its English values."""
    shown: set[str] = set()
    _shown_fields(spec, shown)
    tests: list[str] = []
    _tested(spec, tests)
    named = " ".join(tests)
    return {f for f in shown if not _mentions(named, f)}


def _mentions(text: str, field: str) -> bool:
    import re

    return re.search(rf"(?<![\w$]){re.escape(field)}(?![\w$])", text) is not None


def _shown_fields(node: Any, out: set[str]) -> None:
    if isinstance(node, dict):
        encoding = node.get("encoding")
        if isinstance(encoding, dict):
            for channel, defs in encoding.items():
                if channel in _SILENT_CHANNELS:
                    continue
                for d in defs if isinstance(defs, list) else [defs]:
                    for x in [d, d.get("condition")] if isinstance(d, dict) else []:
                        if isinstance(x, dict) and isinstance(x.get("field"), str) \
                                and x.get("type", "nominal") in ("nominal", "ordinal"):
                            out.add(x["field"])
        for v in node.values():
            _shown_fields(v, out)
    elif isinstance(node, list):
        for v in node:
            _shown_fields(v, out)


def _tested(node: Any, out: list[str]) -> None:
    """Every expression, filter, transform and parameter of a spec, as text (where values meet literals)."""
    import json

    if isinstance(node, dict):
        for k, v in node.items():
            if k in ("transform", "params", "filter", "test", "expr", "calculate", "selection"):
                out.append(json.dumps(v))
            else:
                _tested(v, out)
    elif isinstance(node, list):
        for v in node:
            _tested(v, out)


def _rows(spec: Any):
    """Every row (a dict) of a spec's inline data: its named datasets and any ``data.values``."""
    if isinstance(spec, dict):
        for k, v in spec.items():
            if k == "datasets" and isinstance(v, dict):
                for rows in v.values():
                    yield from (r for r in rows if isinstance(r, dict)) if isinstance(rows, list) else ()
            elif k == "values" and isinstance(v, list):
                yield from (r for r in v if isinstance(r, dict))
            else:
                yield from _rows(v)
    elif isinstance(spec, list):
        for v in spec:
            yield from _rows(v)


def label_values(spec: Any) -> list[str]:
    """The words a chart shows from its data (the values of :func:`label_fields`), in order, once each."""
    import re

    fields = label_fields(spec)
    found = [r[f] for r in _rows(spec) for f in sorted(fields) if isinstance(r.get(f), str)]
    # words, not identifiers: a source id, a file name, a link or a Wikidata id reads the same in any language
    return [v for v in dict.fromkeys(found) if re.search(r"[A-Za-z]{2}", v) and not re.fullmatch(
        r"[\w.-]+\.(?:csv|json|txt)|https?://\S+|Q\d+|(?=[a-z0-9_-]*[_\d-])[a-z0-9_-]+", v)]


def _relabel(node: Any, fields: set[str], key: str = "") -> Any:
    """``node`` with the values of ``fields`` translated in its data, and in the scale domains and sort orders of
    the encodings that show them (so colours and order stay with their values)."""
    if isinstance(node, dict):
        if key in ("datasets",):
            return {name: _relabel(rows, fields, "rows") for name, rows in node.items()}
        out = {}
        field = node.get("field") if isinstance(node.get("field"), str) else None
        for k, v in node.items():
            if k in ("datasets", "values") and isinstance(v, (dict, list)):
                out[k] = _relabel(v, fields, "datasets" if k == "datasets" else "rows")
            elif field in fields and k == "sort" and isinstance(v, list):
                out[k] = [translate(x) if isinstance(x, str) else x for x in v]
            elif field in fields and k == "scale" and isinstance(v, dict) and isinstance(v.get("domain"), list):
                out[k] = {**v, "domain": [translate(x) if isinstance(x, str) else x for x in v["domain"]]}
            else:
                out[k] = _relabel(v, fields, k)
        return out
    if isinstance(node, list):
        if key == "rows":
            return [{k: translate(v) if k in fields and isinstance(v, str) else v for k, v in r.items()}
                    if isinstance(r, dict) else r for r in node]
        return [_relabel(v, fields, key) for v in node]
    return node


def _walk(node: Any, fn, key: str = "") -> Any:
    if isinstance(node, dict):
        out = {}
        for k, v in node.items():
            if k in TEXT_KEYS and isinstance(v, str):
                out[k] = fn(v)
            elif k in TEXT_KEYS and isinstance(v, list) and all(isinstance(x, str) for x in v):
                out[k] = [fn(x) for x in v]
            elif k == "usermeta" and isinstance(v, dict) and isinstance(v.get("source"), str):
                out[k] = {**v, "source": fn(v["source"])}
            elif k == "bind" and isinstance(v, dict):  # a slider's or a menu's label (its values are data)
                out[k] = {**v, **({"name": fn(v["name"])} if isinstance(v.get("name"), str) else {}),
                          **({"labels": [fn(x) for x in v["labels"]]} if isinstance(v.get("labels"), list) else {})}
            elif k in ("data", "datasets", "transform", "field", "calculate", "filter"):
                out[k] = v  # data and expressions are not text for readers
            else:
                out[k] = _walk(v, fn, k)
        return out
    if isinstance(node, list):
        return [_walk(v, fn, key) for v in node]
    return node


@lru_cache(maxsize=4)
def _vega_locale(language: str) -> dict[str, Any]:
    import vl_convert as vlc

    tag = {"fr": "fr-FR"}[language]
    return {"number": vlc.get_format_locale(tag), "time": vlc.get_time_format_locale(tag)}


def local_number(text: str) -> str:
    """A number written the English way ("1,250,000.5") written the current language's way ("1 250 000,5")."""
    if lang() == "en":
        return text
    return text.replace(",", "\u00a0").replace(".", ",")
