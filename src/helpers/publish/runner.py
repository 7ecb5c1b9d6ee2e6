"""Run notebooks: a pool of kernels that dies with the build, the execution cache, and the freeze.

* :func:`executed_copies` gives the build an executed copy of every notebook: the committed file
  itself when its freeze is fresh, a cached execution when one exists for these inputs, or a new
  execution in the pool.
* :func:`execute_in_place` re-runs committed notebooks and records their freeze (``make notebooks``).
"""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import os
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from pathlib import Path

from helpers.data.files import InputError, read_regular_text, write_file
from helpers.data.paths import READS_LOG_ENV
from helpers.publish.catalogue import NotebookInfo, record_freeze
from helpers.publish.leftovers import sweep_dead


class ExecutionFailed(RuntimeError):
    """One or more notebooks failed; the message names each notebook and cell."""


def _die_with(build_pid: int, interval_s: float = 0.5) -> None:
    """Pool initializer: end this worker as soon as the build process is gone.

    A killed build (SIGKILL, a closed terminal) cannot stop its pool, and the workers' parent is
    the forkserver, not the build, so the kernel's own parent check does not fire either. The
    worker watches the build; when it exits, the kernel (which watches its parent, the worker,
    through ``JPY_PARENT_PID``) follows within a second.
    """
    def watch() -> None:
        while True:
            time.sleep(interval_s)
            try:
                os.kill(build_pid, 0)
            except ProcessLookupError:
                os._exit(1)
            except PermissionError:
                pass

    threading.Thread(target=watch, name="die-with-build", daemon=True).start()


def kernel_pool(jobs: int) -> ProcessPoolExecutor:
    """Worker processes for notebook clients; they end with the build, even when it is killed.

    ``forkserver``, not ``fork``: the caller may run threads (a browser driver in the tests, the
    asset builder here), and forking a threaded process can deadlock.
    """
    return ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("forkserver"),
                               initializer=_die_with, initargs=(os.getpid(),))


def _sweep_read_logs() -> None:
    """Remove the read logs that killed workers left in the temporary folder."""
    sweep_dead("h20-reads")


def execute_and_freeze(path: str, out: str) -> float:
    """Execute ``path`` into ``out`` (in a pool worker), recording the data it read in its freeze."""
    from helpers.publish.execute import execute

    _sweep_read_logs()
    fd, log = tempfile.mkstemp(prefix=f"h20-reads-{os.getpid()}-", suffix=".txt")
    os.close(fd)
    os.environ[READS_LOG_ENV] = log  # the kernel inherits it and notes every data file it opens
    try:
        result = execute(Path(path), Path(out),
                         before_write=lambda nb: record_freeze(nb, Path(log).read_text(encoding="utf-8").split()))
    finally:
        os.environ.pop(READS_LOG_ENV, None)
        os.unlink(log)
    return result.seconds


def executed_path(cache: Path, info: NotebookInfo) -> Path:
    """Where the executed copy of a notebook with these inputs is cached."""
    return cache / f"{info.name}-{info.input_hash[:16]}.ipynb"


def prune_cache(infos: list[NotebookInfo], cache: Path) -> list[Path]:
    """Delete cached executions of inputs that no longer exist (the cache grew to 314 MB without this).

    Only files of the cache's own shape are touched: ``NN_slug-<16 hex>.ipynb`` and its ``.json``, for a
    notebook of the collection, whose digest is not one of the current inputs'. Links are left alone.
    """
    keep = {executed_path(cache, info).name for info in infos}
    keep |= {Path(name).with_suffix(".json").name for name in keep}
    names = {info.name for info in infos}
    removed = []
    for p in cache.glob("*-*.*") if cache.is_dir() else []:
        stem, _, digest = p.stem.rpartition("-")
        if (p.suffix in (".ipynb", ".json") and stem in names and len(digest) == 16
                and all(c in "0123456789abcdef" for c in digest) and p.name not in keep
                and p.is_file() and not p.is_symlink()):
            with contextlib.suppress(OSError):
                p.unlink()
                removed.append(p)
    return removed


def plan(infos: list[NotebookInfo], cache: Path, *, force: bool = False) -> dict[NotebookInfo, str]:
    """Where each notebook's executed copy will come from: 'committed', 'cached' or 'execute'."""
    def source(info: NotebookInfo) -> str:
        if force:
            return "execute"
        if info.fresh:
            return "committed"
        return "cached" if executed_path(cache, info).with_suffix(".json").exists() else "execute"

    return {info: source(info) for info in infos}


def warm_up() -> None:
    """Run in each pool worker before any notebook: import what executing one needs."""
    import nbclient  # noqa: F401
    import nbformat  # noqa: F401


def _cached_seconds(cached: Path) -> float | None:
    """The execution time recorded beside a cached copy (None when missing or not a number of ours)."""
    try:
        value = json.loads(read_regular_text(cached.with_suffix(".json"), limit=1024)).get("seconds")
    except (InputError, ValueError, AttributeError):
        return None
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def started_pool(jobs: int) -> ProcessPoolExecutor:
    """A kernel pool whose workers are already starting (and importing) while the caller does other work."""
    pool = kernel_pool(jobs)
    for _ in range(jobs):
        pool.submit(warm_up)
    return pool


def executed_copies(infos: list[NotebookInfo], cache: Path, jobs: int, *, force: bool = False,
                    on_done: Callable[[NotebookInfo, Path], None] | None = None,
                    pool: ProcessPoolExecutor | None = None) -> dict[str, float | None]:
    """An executed copy of every notebook; return execution seconds (None where nothing ran).

    ``on_done(info, executed)`` is called in this process as soon as a copy is ready (frozen and
    cached ones first), so rendering overlaps with the executions still running. ``force``
    executes every notebook.
    """
    on_done = on_done or (lambda info, path: None)
    cache.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float | None] = {}
    todo = []
    for i, (info, source) in enumerate(plan(infos, cache, force=force).items(), 1):
        if source == "committed":
            timings[info.name] = None
            print(f"[{i}/{len(infos)}] {info.name}: inputs unchanged, rendering the committed outputs", flush=True)
            on_done(info, info.path)
        elif source == "cached":
            cached = executed_path(cache, info)
            timings[info.name] = _cached_seconds(cached)
            print(f"[{i}/{len(infos)}] {info.name}: using the cached execution for these inputs", flush=True)
            on_done(info, cached)
        else:
            if info.frozen_hash and not force:
                print(f"[{i}/{len(infos)}] {info.name}: inputs changed since it was last executed "
                      "(run `make notebooks` to store new outputs); executing", flush=True)
            todo.append(info)
    prune_cache(infos, cache)
    if not todo:
        return timings
    print(f"executing {len(todo)} notebook(s) on {jobs} worker(s)…", flush=True)
    failures = []
    with (contextlib.nullcontext(pool) if pool is not None else kernel_pool(jobs)) as pool:
        futures = {pool.submit(execute_and_freeze, str(info.path), str(executed_path(cache, info))): info
                   for info in todo}
        for n, future in enumerate(as_completed(futures), 1):
            info = futures[future]
            try:
                seconds = future.result()
            except Exception as exc:  # noqa: BLE001 - reported with the notebook's name, then the build fails
                failures.append(str(exc))
                print(f"  ✗ {info.name}: FAILED ({n}/{len(todo)})", flush=True)
                continue
            timings[info.name] = round(seconds, 1)
            cached = executed_path(cache, info)
            write_file(cached.with_suffix(".json"), json.dumps({"seconds": round(seconds, 1)}))
            print(f"  ✓ {info.name}: executed in {seconds:.1f} s ({n}/{len(todo)})", flush=True)
            on_done(info, cached)
    if failures:
        raise ExecutionFailed("; ".join(failures))
    return timings


def execute_in_place(infos: list[NotebookInfo], jobs: int | None = None) -> int:
    """Re-execute committed notebooks where they are and record their freeze; return 0 or 1."""
    status = 0
    with kernel_pool(jobs or os.cpu_count() or 1) as pool:
        futures = {i.name: pool.submit(execute_and_freeze, str(i.path), str(i.path)) for i in infos}
        for name, future in futures.items():
            try:
                print(f"{name}: executed in {future.result():.1f} s", flush=True)
            except Exception as exc:  # noqa: BLE001
                print(f"{name}: FAILED: {exc}", flush=True)
                status = 1
    return status
