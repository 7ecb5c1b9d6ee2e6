"""Print built pages to PDF with headless Chromium: the slides' PDF and the report's handouts.

Chromium is a system program, not a Python package: ``apt-get install chromium`` on Debian or
Ubuntu, or set ``H20_CHROMIUM`` to a Chrome or Chromium binary. Pages are printed from ``file://``
with their own print stylesheet, so a PDF shows what a printed page would, offline.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from helpers.publish.leftovers import sweep_dead

#: Binaries tried in order when ``H20_CHROMIUM`` is not set.
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: How long a page may run its scripts (virtual time, ms) before it is printed; the charts need about 2 s.
SCRIPT_BUDGET_MS = 15_000


class PrintError(RuntimeError):
    """A page could not be printed; the message says which and why."""


def find_chromium() -> str:
    """Path of a Chromium binary, or :class:`PrintError` saying how to get one."""
    wanted = os.environ.get("H20_CHROMIUM")
    if wanted:
        if shutil.which(wanted):
            return shutil.which(wanted)  # type: ignore[return-value]
        raise PrintError(f"H20_CHROMIUM={wanted} is not an executable")
    for name in CANDIDATES:
        if found := shutil.which(name):
            return found
    raise PrintError("printing PDFs needs Chromium: install it (Debian/Ubuntu: apt-get install chromium) "
                     "or set H20_CHROMIUM to a Chrome or Chromium binary")


def _sweep_profiles() -> None:
    """Remove the Chromium profiles that a killed print left in the temporary folder."""
    sweep_dead("h20-chromium")


def print_pdf(page: Path, out: Path, query: str = "", chromium: str | None = None) -> Path:
    """Print ``page`` (an HTML file) to ``out`` with the page's print stylesheet; return ``out``.

    ``query`` is appended to the page's URL (reveal.js prints a deck with ``print-pdf``). The PDF is
    written to a temporary file first and renamed, so ``out`` is never half-written.
    """
    binary = chromium or find_chromium()
    url = page.resolve().as_uri() + (f"?{query}" if query else "")
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, suffix=".pdf.tmp")
    os.close(fd)
    _sweep_profiles()
    with tempfile.TemporaryDirectory(prefix=f"h20-chromium-{os.getpid()}-") as profile:
        command = [binary, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                   "--disable-extensions", "--disable-background-networking", f"--user-data-dir={profile}",
                   "--no-pdf-header-footer", f"--virtual-time-budget={SCRIPT_BUDGET_MS}",
                   "--run-all-compositor-stages-before-draw", f"--print-to-pdf={tmp}", url]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
        except subprocess.TimeoutExpired:
            os.unlink(tmp)
            raise PrintError(f"{page}: Chromium did not finish printing within 180 s") from None
    with open(tmp, "rb") as f:
        head = f.read(5)
    if done.returncode == 0 and head != b"%PDF-":  # a browser that "succeeds" without a PDF is not accepted
        os.unlink(tmp)
        raise PrintError(f"{page}: {binary} wrote something that is not a PDF")
    if done.returncode != 0 or os.path.getsize(tmp) == 0:
        os.unlink(tmp)
        raise PrintError(f"{page}: Chromium could not print it (exit {done.returncode}): "
                         f"{done.stderr.strip().splitlines()[-1:] or ''}")
    os.chmod(tmp, 0o644)  # mkstemp makes it private; a PDF is shared like the pages beside it
    os.replace(tmp, out)
    return out
