"""Everything a reader, a lecturer and a class see, as images in one folder: ``build/gallery/``.

Run with ``make gallery`` (it builds the report, the slides and the handouts first). Writes:

* ``report-NN_slug.png``: each report page as a reader's browser shows it (1280 px wide, the top
  2,400 px);
* ``slide-NN.png``: every slide at 1280 × 800, as ``slides.pdf`` prints it;
* ``handout-NAME-pP.png``: every handout page at 60 dpi, when poppler's ``pdftoppm`` is installed
  (the page count and sizes are in ``tools/handout_fonts.py`` either way);
* ``index.html``: all of them on one page, to scroll through.

Images only: nothing here is a test. The next person reviews the whole output at a glance.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUILD = ROOT / "build"
OUT = BUILD / "gallery"


def main() -> int:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "src"))
    from helpers.publish.printing import find_chromium

    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    images: list[tuple[str, str]] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(find_chromium()), args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        # each edition: the English one, then the French one (its files in fr/, its images prefixed fr-)
        for sub, prefix, label in (("", "", ""), ("fr/", "fr-", " (French)")):
            pages = sorted((BUILD / "report" / sub).glob("0*.html")) + \
                [p for p in (BUILD / "report" / sub / "teacher-guide.html", BUILD / "report" / sub / "sources.html")
                 if p.exists()]
            for report_page in pages:
                page.set_viewport_size({"width": 1280, "height": 900})
                page.goto(report_page.as_uri())
                page.wait_for_timeout(1500)
                name = f"{prefix}report-{report_page.stem}.png"
                page.screenshot(path=OUT / name, clip={"x": 0, "y": 0, "width": 1280, "height": 2400}, full_page=True)
                images.append((f"Report{label}", name))
            if not (BUILD / "slides" / sub / "print.html").exists():
                continue
            page.set_viewport_size({"width": 1280, "height": 800})
            page.goto((BUILD / "slides" / sub / "print.html").as_uri())
            page.wait_for_timeout(3000)
            for n, section in enumerate(page.locator("section.h20-slide").all(), start=1):
                name = f"{prefix}slide-{n:02}.png"
                section.screenshot(path=OUT / name)
                images.append((f"Slides{label}", name))
        browser.close()
    if shutil.which("pdftoppm"):
        for sub, prefix, label in (("", "", ""), ("fr/", "fr-", " (French)")):
            for pdf in sorted((BUILD / "handouts" / sub).glob("*.pdf")):
                subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf), str(OUT / f"{prefix}handout-{pdf.stem}-p")],
                               check=True)
            images += [(f"Handouts{label}", p.name) for p in sorted(OUT.glob(f"{prefix}handout-*.png"))]
    else:
        print("gallery: pdftoppm not found (apt-get install poppler-utils): handout pages left out", file=sys.stderr)
    parts, current = [], ""
    for group, name in images:
        if group != current:
            parts.append(f"<h2>{html.escape(group)}</h2>")
            current = group
        parts.append(f'<figure><img src="{html.escape(name)}" alt="{html.escape(name)}" loading="lazy" '
                     f'style="max-width:100%;border:1px solid #ccc"><figcaption>{html.escape(name)}</figcaption></figure>')
    (OUT / "index.html").write_text("<!DOCTYPE html><html lang=\"en\"><meta charset=\"utf-8\"><title>Gallery</title>"
                                    "<body style=\"font-family:sans-serif;max-width:1300px;margin:auto\">"
                                    "<h1>The H20 notebooks: everything a reader sees</h1>" + "".join(parts) + "</body></html>",
                                    encoding="utf-8")
    print(f"gallery: {len(images)} images in {OUT}/ (open index.html)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
