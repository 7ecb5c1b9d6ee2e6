"""The notebook catalogue: the one place that reads notebook files, their cell tags and their inputs.

Used by the build, the execution runner, the teaching kit, the slides, the bench and the tests.

**Frozen outputs** (as Quarto's ``freeze``): when a notebook is executed in place (``make notebooks``)
its metadata records the digest of everything its outputs depend on, :func:`inputs_digest`:

* its own cells (type, source and tags; not outputs);
* the source of every :mod:`helpers` module it imports, followed through their imports;
* the data files it read while running (recorded by :func:`helpers.data.paths.note_read`);
* the lock files.

The report renders a committed notebook without a kernel while that digest still matches, and
executes it when anything changed. Strict nbval re-executes every notebook in the tests anyway,
so a stale freeze cannot pass CI.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import nbformat

from helpers.data.files import InputError, printable, read_regular_text
from helpers.data.paths import DATA_DIR, LOCK_FILES, NOTEBOOKS_DIR, notebook_paths

PACKAGE_DIR = Path(__file__).resolve().parents[1]
#: Where a notebook's metadata keeps its freeze record.
META_KEY = "h20"


class NotebookError(ValueError):
    """A notebook file that cannot be read as a notebook; the message names it and says why, in one line."""


def read(path: Path) -> nbformat.NotebookNode:
    """A notebook file as nbformat v4: a regular file within the size limit, valid JSON, a notebook.

    Raises :class:`NotebookError` naming the file (a merge conflict's markers, a FIFO, a device…).
    """
    try:
        text = read_regular_text(path)
    except InputError as exc:
        raise NotebookError(str(exc)) from None
    try:
        nb = nbformat.reads(text, as_version=4)
    except Exception as exc:  # noqa: BLE001 - nbformat raises many kinds; each becomes one line naming the file
        detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise NotebookError(f"{printable(path)}: not a readable notebook ({printable(detail)}); "
                            "a merge conflict or a hand edit may have broken its JSON") from None
    if not isinstance(nb.get("cells"), list):
        raise NotebookError(f"{printable(path)}: not a notebook (no list of cells)")
    return nb


def tags(cell: Any) -> set[str]:
    """A cell's tags (``solution``, ``exercise``, ``slide``, ``nbval-ignore-output``…)."""
    return set(cell.get("metadata", {}).get("tags", []))


@dataclass(eq=False)
class NotebookInfo:
    """What the build, the site and the teaching kit need to know about one notebook."""

    name: str
    path: Path
    title: str = ""
    finding: str = ""
    time_to_read: str = ""
    objectives: list[str] = field(default_factory=list)
    input_hash: str = ""
    frozen_hash: str = ""

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

    @property
    def fresh(self) -> bool:
        """True when the committed outputs were made from the inputs as they are now."""
        return bool(self.frozen_hash) and self.frozen_hash == self.input_hash


def _module_file(module: str) -> Path | None:
    parts = module.split(".")
    if parts[0] != "helpers":
        return None
    base = PACKAGE_DIR.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imported_modules(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}  # "from helpers.views import theme"
    return {m for m in found if m == "helpers" or m.startswith("helpers.")}


def helper_files(code: str) -> list[Path]:
    """Source files of the helpers modules ``code`` imports, followed through their own imports."""
    try:
        todo = _imported_modules(ast.parse(code))
    except SyntaxError:  # notebook magics; the digest then covers the whole package
        return sorted(p for p in PACKAGE_DIR.rglob("*.py"))
    seen: set[str] = set()
    files: set[Path] = set()
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        parts = module.split(".")
        todo |= {".".join(parts[:i]) for i in range(1, len(parts))}  # packages on the way run their __init__
        path = _module_file(module)
        if path is None:
            continue
        files.add(path)
        todo |= _imports_of(path.read_text(encoding="utf-8"))
    return sorted(files)


@lru_cache(maxsize=512)
def _imports_of(source: str) -> frozenset[str]:
    """The helpers modules a module's source imports (cached by its text: every notebook walks the same modules, and
    the deck and the guide describe the notebooks several times per build)."""
    return frozenset(_imported_modules(ast.parse(source)))


def _code(nb: nbformat.NotebookNode) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "code" and not c.source.lstrip().startswith(("%", "!")))


def inputs_digest(nb: nbformat.NotebookNode, data_files: list[str]) -> str:
    """Digest of what a notebook's outputs depend on (see the module docstring)."""
    h = hashlib.sha256()
    cells = [[c.cell_type, c.source, sorted(tags(c))] for c in nb.cells]
    h.update(json.dumps(cells, ensure_ascii=False).encode("utf-8"))
    inputs = [*(("helpers/" + str(p.relative_to(PACKAGE_DIR)), p) for p in helper_files(_code(nb))),
              *((f"data/{f}", DATA_DIR / f) for f in sorted(data_files)),
              *((p.name, p) for p in LOCK_FILES)]
    for label, path in inputs:  # labels, not absolute paths: the same inputs give the same digest in any clone
        h.update(b"\0" + label.encode() + b"\0")
        h.update(path.read_bytes() if path.is_file() else b"<missing>")
    return h.hexdigest()


def freeze_record(nb: nbformat.NotebookNode) -> dict[str, Any]:
    """The notebook's recorded freeze: ``{"inputs_digest": …, "data_files": […]}`` (empty if never recorded)."""
    return dict(nb.metadata.get(META_KEY, {}))


def record_freeze(nb: nbformat.NotebookNode, data_files: list[str]) -> None:
    """Store the inputs digest and the data files read in the notebook's metadata."""
    files = sorted(set(data_files))
    nb.metadata[META_KEY] = {"inputs_digest": inputs_digest(nb, files), "data_files": files}


def describe(path: Path) -> NotebookInfo:
    """Title, finding, time to read and learning objectives from a notebook's text; its digests."""
    nb = read(path)
    record = freeze_record(nb)
    data_files = record.get("data_files", [])
    info = NotebookInfo(path.stem, path, input_hash=inputs_digest(nb, data_files),
                        frozen_hash=record.get("inputs_digest", ""))
    first = nb.cells[0].source if nb.cells else ""
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    if m := re.search(r"^# (.+)$", first, re.M):
        info.title = m.group(1).strip()
    # the English markers, or the French edition's (« **Constat :** », French typography's space before the colon)
    if m := re.search(r"\*\*(?:Finding|Constat)[\s\u00a0]?:\*\*\s*(.+)", first):
        info.finding = m.group(1).strip()
    if m := re.search(r"\*\*(?:Time to read|Temps de lecture)[\s\u00a0]?:\*\*\s*(.+)", text):
        info.time_to_read = m.group(1).strip()
    if m := re.search(r"### (?:Learning objectives|Objectifs d'apprentissage)\n(?:.*\n)*?((?:\d+\. .+\n?)+)", text):
        info.objectives = [re.sub(r"^\d+\.\s*", "", line).strip() for line in m.group(1).strip().splitlines()]
    return info


#: A notebook's file name: it becomes a page name, a link and a download, so plain characters only.
NOTEBOOK_NAME = re.compile(r"[0-9]{2}_[A-Za-z0-9_-]+\.ipynb")


def discover(notebooks_dir: Path = NOTEBOOKS_DIR) -> list[NotebookInfo]:
    """The collection's notebooks in reading order (:class:`NotebookError` for a name that cannot be a page)."""
    paths = notebook_paths(notebooks_dir)
    for p in paths:
        if not NOTEBOOK_NAME.fullmatch(p.name):
            raise NotebookError(f"{printable(p)}: a notebook's name is NN_slug.ipynb with letters, digits, "
                                "'_' and '-' only (it becomes a page name and a link)")
    return [describe(p) for p in paths]
