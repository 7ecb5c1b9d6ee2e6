"""Measure the handouts as paper: page size, page count, smallest printed type, screen-only leftovers.

Run after ``make handouts``: ``.venv/bin/python tools/handout_fonts.py``. Each PDF in
``build/handouts/`` is read with pypdf; the type size of every piece of text is its font size times
the scale of the text and drawing matrices in force (so a chart scaled down prints smaller). Issue 21
asks for nothing under 8 pt. Figures are printed, not asserted (the tests assert).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

#: Words that only make sense on a screen: a handout must not print them.
SCREEN_ONLY = ("hover", "Not yet", "Fill in the blank", "Show solution", "Show code", "move a slider",
               "Correct.", "Close, but",
               # and the French edition's (handouts/fr/)
               "Pas encore", "Complétez", "Afficher la solution", "Afficher le code", "Presque, mais")


def page_fonts(pdf: Path) -> list[float]:
    """The smallest printed type on each page of ``pdf``, in points (inf for a page without text)."""
    from pypdf import PdfReader

    out = []
    for page in PdfReader(pdf).pages:
        sizes: list[float] = []

        def visit(text, cm, tm, font, size, sizes=sizes):
            if text.strip() and size:
                scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
                sizes.append(size * scale)

        page.extract_text(visitor_text=visit)
        out.append(min(sizes) if sizes else math.inf)
    return out


def report(folder: Path) -> list[dict]:
    """One row per handout: pages, page size (pt), smallest type (pt) and any screen-only words printed."""
    from pypdf import PdfReader

    rows = []
    for pdf in sorted(folder.rglob("*.pdf")):  # each edition's too (handouts/fr/)
        reader = PdfReader(pdf)
        box = reader.pages[0].mediabox
        text = "\n".join(p.extract_text() for p in reader.pages)
        rows.append({"file": str(pdf.relative_to(folder)), "pages": len(reader.pages), "size_pt": (round(float(box.width)), round(float(box.height))),
                     "smallest_pt": min(page_fonts(pdf)), "screen_only": [w for w in SCREEN_ONLY if w in text]})
    return rows


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "build" / "handouts"
    rows = report(folder)
    for r in rows:
        print(f"{r['file']:28} {r['pages']:3} pages  {r['size_pt'][0]}x{r['size_pt'][1]} pt  "
              f"smallest {r['smallest_pt']:4.1f} pt  {', '.join(r['screen_only']) or ''}")
    print(f"{sum(r['pages'] for r in rows)} pages in all; smallest type {min(r['smallest_pt'] for r in rows):.1f} pt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
