"""Printable handouts: one PDF per notebook page of the report, and a short seminar pack, in ``build/handouts/``.

Paper is not a screen, so each report page is first re-made for paper (:func:`paper_page`): every
chart is re-set so that, at the text width of the page, its smallest type is at least 8 pt
(:mod:`helpers.publish.slidecharts`), drawn as its static SVG; a chart with sliders becomes one line
pointing to the report; every script goes. The site's print stylesheet then leaves out what paper
cannot do (a check's verdict, live widgets, text about the screen, code, solutions). Pages are A4
unless asked otherwise (``paper="letter"``).

The **seminar pack** (``seminar-pack.pdf``, at most four pages) holds what a seminar hands round:
the article's sentences, numbered as the notebooks cite them, the timeline, two key charts and
the discussion questions of the teacher guide.

The folder is replaced as a whole (:func:`helpers.data.files.owned_dir`), so a failed print leaves
the last set of handouts, never a half-written one. It sits beside the report, not inside it: the
report folder holds exactly what the report build wrote, so printing never changes it.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from helpers.data.files import build_lock, owned_dir, read_regular_text
from helpers.data.paths import BUILD_DIR
from helpers.publish.audit import check_notebook
from helpers.publish.build import REPORT_DIR
from helpers.publish.catalogue import discover, read
from helpers.publish.deck import discussion_questions
from helpers.publish.printing import PrintError, find_chromium, print_pdf
from helpers.publish.slidecharts import reset_figure
from helpers.views.i18n import N_, _, edition, lang

#: Where the handouts go by default.
HANDOUTS_DIR = BUILD_DIR / "handouts"
#: Paper sizes, as CSS names them; A4 unless asked.
PAPERS = {"a4": "A4", "letter": "letter"}
#: The text width and usable height of a page at the margins below, in CSS pixels (A4 less 2 × 14 mm).
PAGE_BOX = (686.0, 860.0)
#: The smallest type a chart may print at: 8 pt is 10.7 CSS pixels.
MIN_PRINT_PX = 8 / 0.75
MARGINS = "14mm 14mm 16mm"
#: The seminar pack's charts: (notebook, cell id) of the timeline and two key charts.
SEMINAR_CHARTS = (("02_h20_controversy", "cell-18"), ("02_h20_controversy", "cell-12"), ("04_scenarios", "cell-08"))
#: What paper cannot show: one line in place of a chart with sliders.
INTERACTIVE_NOTE = N_("An interactive chart with sliders stands here in the HTML report (open the report to use it).")
#: What paper says in place of a chart whose type cannot reach 8 pt.
TOO_DENSE_NOTE = N_("A chart too dense to print at a readable size stands here in the HTML report; the table that "
                    "follows gives the same facts.")
_FIGURE = re.compile(r'<figure\b[^>]*>.*?</figure>\s*<script type="text/javascript">.*?</script>', re.S)
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.S)


def paper_figure(figure: str) -> str:
    """One stored chart ``<figure>`` (with its script) re-set for paper, or the line that stands for it.

    A chart whose type cannot reach 8 pt at the page's width (the who's-who: 19 rows of role text) is
    left to the screen; every such chart has a table beside it in the notebook.
    """
    return reset_figure(figure, box=PAGE_BOX, min_px=MIN_PRINT_PX * 1.03, title_chars=90,
                        interactive=f'<p class="h20-note">{html.escape(_(INTERACTIVE_NOTE))}</p>',
                        too_dense=f'<p class="h20-note">{html.escape(_(TOO_DENSE_NOTE))}</p>')


def paper_page(page: str, paper: str = "a4") -> str:
    """A report page re-made for paper: charts re-set and static, no scripts, the page size set."""
    page = _FIGURE.sub(lambda m: paper_figure(m[0]), page)
    page = _SCRIPT.sub("", page)  # static SVG is what prints; nothing may change the page under the printer
    size = f"<style>@page {{ size: {PAPERS[paper]}; margin: {MARGINS}; }}</style>"
    return page.replace("</head>", size + "</head>", 1)


def _progress(i: int, n: int, name: str) -> None:
    print(f"  [{i}/{n}] {name}.pdf", flush=True)


def seminar_html(paper: str = "a4", notebooks: Path | None = None, assets: str = "assets/") -> str:
    """The seminar pack as one printable page (see the module docstring), in the current edition's language.

    In English the article's sentences have our gloss beside them; in French (the article's language) they
    stand alone, and the charts come from the French notebooks (``notebooks``).
    """
    from babel.dates import format_date

    from helpers.text.annotations import gloss_for
    from helpers.text.seed import seed_article, seed_tables

    article, tables = seed_article(), seed_tables()
    stored = {}
    for info in discover(notebooks) if notebooks else discover():
        nb = read(info.path)
        check_notebook(nb, info.path)  # the pack shows stored outputs: they pass the same audit as the report
        stored[info.name] = {c.get("id", ""): "".join(o["data"]["text/html"]) for c in nb.cells
                             for o in c.get("outputs", []) if "text/html" in o.get("data", {})}
    english = lang() == "en"
    s = tables.sentences.merge(gloss_for(article), on="sentence_id", how="left").fillna({"gloss_en": ""})
    # every numbered unit the notebooks cite (s1 …), headings in bold, our English gloss beside it
    bold = {True: ("<strong>", "</strong>"), False: ("", "")}
    items = "".join(f'<tr><td class="h20-sid">s{n}</td><td lang="fr">{bold[k == "heading"][0]}{html.escape(t)}'
                    f'{bold[k == "heading"][1]}</td>' + (f"<td>{html.escape(g)}</td>" if english else "") + "</tr>"
                    for n, k, t, g in zip(s["sentence_id"], s["kind"], s["text"], s["gloss_en"], strict=True))
    charts = "".join(f'<div class="h20-pack-chart">{paper_figure(stored[nb][cell])}</div>'
                     for nb, cell in SEMINAR_CHARTS)
    questions = "".join(f"<li>{html.escape(q)}</li>" for q in discussion_questions())
    date = format_date(article.published, "d MMMM y", locale={"en": "en_GB", "fr": "fr_FR"}[lang()])
    head = (_("<th></th><th>French</th><th>English (our gloss)</th>") if english
            else _("<th></th><th>The article's sentence</th>"))
    # the pack's words, each marked for the catalogue outside the page's f-string (which Babel cannot read)
    w = {key: html.escape(text) for key, text in {
        "title": _("Seminar pack · The H20 notebooks"),
        "h1": _("The H20 affair: seminar pack"),
        "lede": _("One French article ({date}), its sentences numbered as the notebooks cite them (s1, s2 …), the "
                  "timeline, two key charts and the questions for discussion. Everything else is in the report."
                  ).format(date=date),
        "article": _("The article: French as published, our English gloss beside it") if english
        else _("The article, as published"),
        "source": (_("Source: Génération NT, {date} (data/article-2025-08-12-h20-fr.txt; the page's address is in "
                     "its manifest); headings in bold; the gloss is ours (data/article_gloss_en.csv).") if english
                   else _("Source: Génération NT, {date} (data/article-2025-08-12-h20-fr.txt; the page's address is "
                          "in its manifest); headings in bold.")).format(date=date),
        "charts": _("The timeline, two key charts"),
        "questions": _("Questions for discussion"),
    }.items()}
    return f"""<!DOCTYPE html>
<html lang="{lang()}"><head><meta charset="utf-8"><title>{w["title"]}</title>
<link rel="stylesheet" href="{assets}site.css">
<style>@page {{ size: {PAPERS[paper]}; margin: {MARGINS}; }}
body {{ font-family: Helvetica, Arial, sans-serif; font-size: 10.5pt; line-height: 1.35; margin: 0; }}
h1 {{ font-size: 16pt; margin: 0 0 .2em; }} h2 {{ font-size: 12.5pt; margin: .8em 0 .3em; break-after: avoid; }}
table.h20-article {{ border-collapse: collapse; width: 100%; font-size: 9pt; line-height: 1.25; }}
table.h20-article td, table.h20-article th {{ vertical-align: top; text-align: left; padding: .2em .4em;
  border-bottom: 1px solid #ddd; }}
table.h20-article tr {{ break-inside: avoid; }} .h20-sid {{ font-weight: bold; color: #0b5cad; }}
.h20-pack-chart {{ break-inside: avoid; margin: .4em 0; }}
.h20-pack-chart svg {{ width: 100%; height: auto; max-height: 118mm; }}
.h20-lede, .h20-source {{ color: #444; font-size: 9pt; }}
</style></head>
<body><main>
<h1>{w["h1"]}</h1>
<p class="h20-lede">{w["lede"]}</p>
<h2>{w["article"]}</h2>
<table class="h20-article"><thead><tr>{head}</tr></thead>
<tbody>{items}</tbody></table>
<p class="h20-source">{w["source"]}</p>
<h2>{w["charts"]}</h2>
{charts}
<h2>{w["questions"]}</h2>
<ol>{questions}</ol>
</main></body></html>"""


def build_handouts(report: Path = REPORT_DIR, out: Path = HANDOUTS_DIR,
                   progress: Callable[[int, int, str], None] | None = _progress, paper: str = "a4") -> list[Path]:
    """Print every notebook page of the built ``report`` and the seminar pack to ``out``, and those of each
    edition the report has (``report/fr/`` → ``out/fr/``); return the PDFs."""
    from helpers.data.paths import NOTEBOOKS_DIR
    from helpers.views.i18n import EDITIONS

    if paper not in PAPERS:
        raise PrintError(f"paper {paper!r}: choose one of {', '.join(PAPERS)}")
    chromium = find_chromium()
    started = time.perf_counter()
    report = Path(os.path.abspath(report))
    # the English pages, then each edition's, from the notebooks the report was built from
    editions = [("en", "", discover())] + [(ed, f"{ed}/", discover(NOTEBOOKS_DIR / ed)) for ed in EDITIONS
                                           if (report / ed).is_dir() and (NOTEBOOKS_DIR / ed).is_dir()]
    total = sum(len(infos) + 1 for _ed, _folder, infos in editions)
    written: list[Path] = []
    # the report's own build lock: a build that swaps the report in meanwhile waits, so every page
    # printed is the page of one finished report (racing `make report` printed nothing and said done)
    with build_lock(report.parent, report.name), owned_dir(out) as stage, \
            tempfile.TemporaryDirectory(prefix="h20-paper-") as tmp:
        missing = [folder + info.page for _ed, folder, infos in editions for info in infos
                   if not (report / folder / info.page).is_file()]
        if missing:
            raise PrintError(f"{report}: build the report first (make report); missing {', '.join(missing)}")
        paper_dir = Path(tmp)
        shutil.copytree(report / "assets", paper_dir / "assets")
        done = 0
        for ed, folder, infos in editions:
            (paper_dir / folder).mkdir(exist_ok=True)
            (stage / folder).mkdir(exist_ok=True)
            with edition(ed):
                for info in infos:
                    page = paper_dir / folder / info.page
                    page.write_text(paper_page(read_regular_text(report / folder / info.page, 50_000_000), paper),
                                    encoding="utf-8")
                    print_pdf(page, stage / folder / f"{info.name}.pdf", chromium=chromium)
                    written.append(out / folder / f"{info.name}.pdf")
                    done += 1
                    if progress:
                        progress(done, total, folder + info.name)
                pack = paper_dir / folder / "seminar-pack.html"
                pack.write_text(seminar_html(paper, infos[0].path.parent if infos else None,
                                             assets="../" * folder.count("/") + "assets/"), encoding="utf-8")
                print_pdf(pack, stage / folder / "seminar-pack.pdf", chromium=chromium)
                written.append(out / folder / "seminar-pack.pdf")
                done += 1
                if progress:
                    progress(done, total, folder + "seminar-pack")
        printed = len(list(stage.rglob("*.pdf")))
        if printed != total:
            raise PrintError(f"{out}: {total} handouts expected, {printed} printed")
    size = sum(p.stat().st_size for p in written) / 1e6
    print(f"handouts built: {out}/ ({len(written)} PDFs on {PAPERS[paper]}, {size:.1f} MB, "
          f"{time.perf_counter() - started:.0f} s)")
    return written
