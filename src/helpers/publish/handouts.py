"""Printable handouts: one PDF per notebook page of the report, in ``build/handouts/``.

Each page is printed by Chromium (:mod:`helpers.publish.printing`) with the site's print
stylesheet: code, toggles and navigation hidden, solutions left out, charts as the vector SVG
they are on screen. The folder is replaced as a whole (:func:`helpers.data.files.owned_dir`), so a
failed print leaves the last set of handouts, never a half-written one. It sits beside the report,
not inside it: the report folder holds exactly what the report build wrote, so printing never
changes it (two builds stay identical, and ``make test`` passes after ``make handouts``).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from helpers.data.files import build_lock, owned_dir
from helpers.data.paths import BUILD_DIR
from helpers.publish.build import REPORT_DIR
from helpers.publish.catalogue import discover
from helpers.publish.printing import PrintError, find_chromium, print_pdf

#: Where the handouts go by default.
HANDOUTS_DIR = BUILD_DIR / "handouts"


def _progress(i: int, n: int, name: str) -> None:
    print(f"  [{i}/{n}] {name}.pdf", flush=True)


def build_handouts(report: Path = REPORT_DIR, out: Path = HANDOUTS_DIR,
                   progress: Callable[[int, int, str], None] | None = _progress) -> list[Path]:
    """Print every notebook page of the built ``report`` to ``out/NN_slug.pdf``; return the PDFs."""
    chromium = find_chromium()
    infos = discover()
    started = time.perf_counter()
    report = Path(os.path.abspath(report))
    # the report's own build lock: a build that swaps the report in meanwhile waits, so every page
    # printed is the page of one finished report (racing `make report` printed nothing and said done)
    with build_lock(report.parent, report.name), owned_dir(out) as stage:
        missing = [info.page for info in infos if not (report / info.page).is_file()]
        if missing:
            raise PrintError(f"{report}: build the report first (make report); missing {', '.join(missing)}")
        for i, info in enumerate(infos, start=1):
            print_pdf(report / info.page, stage / f"{info.name}.pdf", chromium=chromium)
            if progress:
                progress(i, len(infos), info.name)
        if len(list(stage.glob("*.pdf"))) != len(infos):
            raise PrintError(f"{out}: {len(infos)} handouts expected, {len(list(stage.glob('*.pdf')))} printed")
    written = [out / f"{info.name}.pdf" for info in infos]
    size = sum(p.stat().st_size for p in written) / 1e6
    print(f"handouts built: {out}/ ({len(written)} PDFs, {size:.1f} MB, {time.perf_counter() - started:.0f} s)")
    return written
