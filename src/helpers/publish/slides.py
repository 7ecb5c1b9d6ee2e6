"""Lecture slides: the deck planned by :mod:`helpers.publish.deck`, as an offline reveal.js presentation.

reveal.js 5.2.0 and its notes plugin are vendored (``publish/vendor/reveal``, MIT licence), so the
deck needs no network: slide numbers, an overview (``O`` or ``Esc``), speaker notes (``S``) and
live Vega charts, all from ``file://``. :func:`build_slides` also writes ``print.html`` (the same
slides, one per page, without reveal.js) and prints it to ``slides.pdf`` with Chromium.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from markupsafe import Markup

from helpers.data.datasets import check_all
from helpers.data.files import owned_dir
from helpers.data.paths import BUILD_DIR, NOTEBOOKS_DIR
from helpers.publish.audit import check_notebook
from helpers.publish.catalogue import discover, read
from helpers.publish.deck import deck
from helpers.publish.pages import (
    commit_info,
    render_site_page,
    write_assets,
    write_page,
)
from helpers.publish.printing import find_chromium, print_pdf
from helpers.publish.runner import executed_copies
from helpers.publish.security import script_hash
from helpers.publish.slidecharts import slide_figure
from helpers.views.i18n import EDITIONS, _, edition

SLIDES_DIR = BUILD_DIR / "slides"
REVEAL_DIR = Path(__file__).resolve().parent / "vendor" / "reveal"
REVEAL_FILES = ("reveal.js", "reveal.css", "notes.js", "LICENSE")


def chart_html(executed: Path) -> dict[str, str]:
    """The HTML output of every cell of an executed notebook that has one, by cell id."""
    nb = read(executed)
    check_notebook(nb, executed)  # a stored output with a script of its own never reaches a slide
    return {c.get("id", ""): "".join(o["data"]["text/html"]) for c in nb.cells
            for o in c.get("outputs", []) if "text/html" in o.get("data", {})}


def speaker_view_hash() -> str:
    """CSP hash of the inline script of reveal.js's speaker view.

    The notes plugin writes the speaker view into a new window, which inherits the deck's policy;
    its one inline script is a string literal in ``notes.js``, read here as JavaScript would.
    """
    source = (REVEAL_DIR / "notes.js").read_text(encoding="utf-8")
    start = source.index("<script>") + len("<script>")
    literal = source[start:source.index("<\\/script>", start)]
    escapes = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}

    def unescape(m: re.Match[str]) -> str:
        e = m[1]
        return chr(int(e[1:], 16)) if e[0] in "ux" and len(e) > 1 else escapes.get(e, e)

    return script_hash(re.sub(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", unescape, literal, flags=re.S))


def _notes_html(notes: list[str]) -> Markup:
    import mistune

    render = mistune.create_markdown(escape=True)  # notes are notebook text: any HTML in them stays text
    return Markup("".join(render(n) for n in notes))


def _deck_views(notebooks: Path, charts: dict[str, dict[str, str]], commit: dict[str, str]) -> list[dict]:
    """The deck of ``notebooks`` in the current edition's language, each slide with its chart and notes."""
    slides = deck(notebooks)
    slides[0].meta = _("The H20 notebooks · commit {commit}").format(commit=commit["commit"][:12])
    # chart outputs are HTML the build made (data inside them is escaped by the chart renderer)
    return [{"slide": s, "html": Markup(slide_figure(charts[s.notebook][s.cell_id])) if s.kind == "chart" else "",
             "notes": _notes_html(s.notes)} for s in slides]


def build_slides(out: Path = SLIDES_DIR, cache: Path = BUILD_DIR / "cache", jobs: int | None = None,
                 notebooks: Path = NOTEBOOKS_DIR, *, pdf: bool = True) -> Path:
    """The deck in ``out/index.html`` and, with ``pdf``, ``out/slides.pdf`` and ``out/slides-notes.pdf``; each
    edition's deck (``notebooks/fr`` → ``out/fr/``) beside it; return ``out``.

    Chromium is looked for before anything is built, so a missing browser fails fast and leaves
    the last deck in place (:class:`helpers.publish.printing.PrintError`).
    """
    chromium = find_chromium() if pdf else None
    check_all()  # a spoiled data file is named before any notebook runs
    editions = [("en", notebooks, "")] + [(ed, notebooks / ed, f"{ed}/") for ed in EDITIONS
                                         if notebooks == NOTEBOOKS_DIR and (notebooks / ed).is_dir()]
    commit = commit_info()
    decks = []
    for ed, folder, sub in editions:
        charts: dict[str, dict[str, str]] = {}
        executed_copies(discover(folder), cache / sub if sub else cache, jobs or os.cpu_count() or 1,
                        on_done=lambda info, path, charts=charts: charts.__setitem__(info.name, chart_html(path)))
        with edition(ed):
            decks.append((ed, sub, _deck_views(folder, charts, commit)))
    with owned_dir(out) as stage:
        write_assets(stage / "assets")
        reveal = stage / "assets" / "reveal"
        reveal.mkdir()
        for name in REVEAL_FILES:
            shutil.copy(REVEAL_DIR / name, reveal / name)
        for ed, sub, views in decks:
            (stage / sub).mkdir(exist_ok=True)
            root = "../" * sub.count("/")
            page = dict(slides=views, lang=ed, root=root)
            write_page(stage / sub / "index.html", render_site_page("slides.html.j2", print=False, **page),
                       extra_hashes=(speaker_view_hash(),))
            # the PDF is printed from a plain page of the same slides, one per page: reveal.js's own print
            # mode lays pages out in script after load, which a headless print can overtake on a busy machine
            write_page(stage / sub / "print.html", render_site_page("slides.html.j2", print=True, **page))
            # the lecturer's copy: each slide with its speaker notes under it, one page each
            write_page(stage / sub / "print-notes.html",
                       render_site_page("slides.html.j2", print=True, with_notes=True, **page))
            if pdf:
                print(f"printing {len(views)} slides{f' ({ed})' if sub else ''} to PDF with Chromium, "
                      "then again with their notes…", flush=True)
                print_pdf(stage / sub / "print.html", stage / sub / "slides.pdf", chromium=chromium)
                print_pdf(stage / sub / "print-notes.html", stage / sub / "slides-notes.pdf", chromium=chromium)
    for ed, sub, views in decks:
        print(f"slides built: {out}/{sub}index.html ({len(views)} slides)"
              f"{', slides.pdf and slides-notes.pdf' if pdf else ''}")
    return out
