"""Measure the report build against its targets (issue 3) and the scenario model's update time (issue 6).

Run with ``make bench``. Prints one line per figure. Everything is measured in this one run,
on this machine, so the ratios compare like with like; absolute times vary between machines.

* naive: ``jupyter nbconvert --execute --to html`` on each notebook in turn;
* cold build: ``helpers.publish.build`` with an empty cache, all cores;
* warm rebuild: the same command again with nothing changed (target ≤ 3 s);
* sizes: each page without the shared assets (target ≤ 1 MB), the whole site (≤ 5 MB);
* model: one scenario update (target ≤ 20 ms).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(cmd: list[str], **kw) -> float:
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.perf_counter() - started


def main() -> int:
    from helpers.publish.catalogue import discover

    notebooks = [i.path for i in discover()]
    work = Path(tempfile.mkdtemp(prefix="h20-bench-"))
    try:
        naive_dir = work / "naive"
        naive_dir.mkdir()
        started = time.perf_counter()
        for nb in notebooks:
            subprocess.run([str(BIN / "jupyter"), "nbconvert", "--execute", "--to", "html",
                            "--ExecutePreprocessor.timeout=300", "--output-dir", str(naive_dir), str(nb)],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=nb.parent)
        naive = time.perf_counter() - started
        print(f"naive loop (nbconvert --execute --to html, {len(notebooks)} notebooks in turn): {naive:6.1f} s")

        build = [sys.executable, "-c",
                 "import sys; from pathlib import Path; from helpers.publish.build import build; "
                 "build(Path(sys.argv[1]), cache=Path(sys.argv[2]))", str(work / "report"), str(work / "cache")]
        cold = timed(build)
        print(f"cold build ({os.cpu_count()} workers, empty cache):                  {cold:6.1f} s"
              f"  = {cold / naive:.2f} x naive (target <= 0.5)")
        warm = timed(build)
        print(f"rebuild with nothing changed:                             {warm:6.2f} s  (target <= 3)")

        site = work / "report"
        pages = sorted(site.glob("*.html"))
        biggest = max(pages, key=lambda p: p.stat().st_size)
        total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        assets = sum(p.stat().st_size for p in (site / "assets").rglob("*") if p.is_file())
        print(f"largest page without shared assets: {biggest.name} {biggest.stat().st_size / 1e6:.2f} MB (target <= 1)")
        print(f"whole site: {total / 1e6:.2f} MB, of which shared assets {assets / 1e6:.2f} MB (target <= 5)")

        from helpers.models.scenarios import model

        model()
        n = 2000
        started = time.perf_counter()
        for i in range(n):
            model(allowance=(i % 20) / 20, levy_rate_pct=i % 30)
        per = (time.perf_counter() - started) / n * 1000
        print(f"scenario model, one update: {per:.3f} ms (target <= 20)")
        from helpers.views.scenarios import scenario_frame

        started = time.perf_counter()
        for i in range(50):
            scenario_frame({"allowance": (i % 20) / 20})
        print(f"scenario model + chart tables, one update: {(time.perf_counter() - started) / 50 * 1000:.2f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
