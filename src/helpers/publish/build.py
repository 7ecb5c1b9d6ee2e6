"""Build the offline HTML report (``build/report/``): the sequence, nothing else.

1. refuse an output folder that is not ours (:mod:`helpers.data.files`);
2. get an executed copy of every notebook (:mod:`helpers.publish.runner`: the committed outputs
   when their freeze is fresh, else the cache, else a kernel);
3. render each page as soon as its copy is ready, while assets and site pages are written beside
   (:mod:`helpers.publish.pages`);
4. swap the finished folder in. A failed build leaves the last good report; the same commit gives
   the same bytes (execution times, which cannot, live alone in ``assets/timings.js``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from helpers.data.datasets import check_all
from helpers.data.files import InputError, check_replaceable, owned_dir, printable, read_regular_text, write_file
from helpers.data.paths import (
    BUILD_DIR,
    DATA_DIR,
    LOCK_FILES,
    NOTEBOOK_GLOB,
    NOTEBOOKS_DIR,
    ROOT,
)
from helpers.publish.catalogue import PACKAGE_DIR, discover
from helpers.publish.pages import (
    commit_info,
    notebook_renderer,
    write_edition_index,
    write_assets,
    write_site_pages,
    write_timings,
)
from helpers.publish.runner import ExecutionFailed, executed_copies, started_pool

REPORT_DIR = BUILD_DIR / "report"
CACHE_DIR = BUILD_DIR / "cache"


class BuildError(RuntimeError):
    """The build failed; the message names the notebook and cell when a cell failed."""


class _Background(threading.Thread):
    """Run one function beside the build and re-raise its error when joined."""

    def __init__(self, fn: Callable[[], None]) -> None:
        super().__init__(daemon=True)
        self.fn, self.error = fn, None

    def run(self) -> None:
        try:
            self.fn()
        except BaseException as exc:  # noqa: BLE001 - re-raised in join_or_raise
            self.error = exc

    def join_or_raise(self) -> None:
        self.join()
        if self.error is not None:
            raise self.error


def _stamp(path: Path) -> str | None:
    try:
        return read_regular_text(path, limit=4096)
    except InputError:
        return None  # missing, a link, a pipe…: not a stamp of ours, so the site is built again


def site_digest(notebooks: Path) -> str:
    """Everything a site page can depend on: helpers (code and templates), data, teaching, notebooks, lock."""
    h = hashlib.sha256()
    folders = [PACKAGE_DIR, DATA_DIR, ROOT / "teaching", notebooks, ROOT / "translations"]
    files = [p for f in folders if f.is_dir() for p in sorted(f.rglob("*"))
             if p.is_file() and "__pycache__" not in p.parts]
    for p in [*files, *LOCK_FILES]:
        h.update(str(p).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def tree_digest(folder: Path) -> str:
    """What a finished site holds: every path (links and folders too) and every file's bytes, except the timings.

    The "up to date" shortcut compares it, so a file added to, removed from or changed in the
    report since it was built (a handout, a planted script, a hand edit) makes the next build a real one.
    """
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if rel == "assets/timings.js":
            continue
        kind = "link" if p.is_symlink() else "dir" if p.is_dir() else "file" if p.is_file() else "other"
        h.update(f"{kind}\0{rel}\0".encode())
        if kind == "file":
            h.update(hashlib.sha256(p.read_bytes()).digest())
    return h.hexdigest()


#: Who a report is for: the teacher's (everything) or the students' (see :func:`build`).
AUDIENCES = ("teacher", "student")
#: Where the students' report goes by default, beside the teacher's.
STUDENT_REPORT_DIR = REPORT_DIR.parent / "student-report"


def build(out: Path = REPORT_DIR, cache: Path = CACHE_DIR, jobs: int | None = None,
          notebooks: Path = NOTEBOOKS_DIR, *, force: bool = False, audience: str = "teacher",
          editions: bool = True) -> Path:
    """Build the site into ``out``; return it. ``force`` executes every notebook. Raises :class:`BuildError`.

    ``audience="student"`` builds the report a class may be given: no solutions, no teacher notes, no
    guide or link to it, and student copies as the notebook downloads.
    """
    if audience not in AUDIENCES:
        raise BuildError(f"audience {audience!r}: choose one of {', '.join(AUDIENCES)}")
    student = audience == "student"
    started = time.perf_counter()
    check_replaceable(out)  # before any work: never replace a folder of the user's
    workers = jobs or os.cpu_count() or 1
    commit = commit_info()
    stamp_value = hashlib.sha256(json.dumps([site_digest(notebooks), commit, force, audience, editions]).encode()
                                 ).hexdigest()
    stamp = cache / f"site-{out.name}.stamp"
    if not force and out.is_dir() and not out.is_symlink() and _stamp(stamp) == f"{stamp_value} {tree_digest(out)}":
        print(f"report is up to date: {printable(out)}/index.html ({time.perf_counter() - started:.1f} s)")
        return out
    check_all(DATA_DIR)  # a spoiled data file is named here, before any kernel starts
    # a forced build will execute everything: its workers start while the notebooks are read
    with started_pool(workers) if force else contextlib.nullcontext() as pool:
        infos = discover(notebooks)
        if not infos:
            raise BuildError(f"no notebooks matching {NOTEBOOK_GLOB} in {notebooks}")
        # the French edition (notebooks/fr/, written by `make translations`) is built beside the English one
        french = discover(notebooks / "fr") if editions and notebooks == NOTEBOOKS_DIR and (notebooks / "fr").is_dir() \
            else []
        other = "fr" if french else None
        from helpers.publish.catalogue import read
        from helpers.publish.teaching import check_citations

        for info in [*infos, *french]:  # a citation naming nothing is named here too, before any kernel starts
            check_citations(read(info.path), info.path)
        with owned_dir(out) as stage:
            # assets and site pages are made while the kernels run; each page is rendered as soon as its notebook is done
            def beside() -> None:
                write_assets(stage / "assets")
                write_site_pages(stage, infos, commit, notebooks, student=student, other=other)

            background = _Background(beside)
            background.start()
            try:
                timings = executed_copies(infos, cache, workers, force=force, pool=pool, on_done=notebook_renderer(
                    stage, infos, commit, student=student, other=other))
                if french:
                    (stage / "fr").mkdir()
                    timings.update({f"fr/{k}": v for k, v in executed_copies(
                        french, cache / "fr", workers, force=force, pool=pool, on_done=notebook_renderer(
                            stage / "fr", french, commit, student=student, lang="fr", other="en")).items()})
                    write_edition_index(stage / "fr", french, commit, "fr", student=student)
            except ExecutionFailed as exc:
                raise BuildError(str(exc)) from None
            background.join_or_raise()
            write_timings(stage, infos, timings)
    write_file(stamp, f"{stamp_value} {tree_digest(out)}", base=cache.parent)
    print(f"report built: {printable(out)}/index.html ({time.perf_counter() - started:.1f} s)")
    return out
