"""Execute notebooks reproducibly: same inputs, same bytes.

Used both to store the committed (executed) notebooks and by the report build.
nbclient is told not to record timings, and ipywidgets' random model ids are renamed
in order of appearance, so two runs of an unchanged notebook are identical.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

#: Seconds a single cell may run before the build fails.
CELL_TIMEOUT_S = 300

_WIDGET_ID = re.compile(r"\b[0-9a-f]{32}\b")


class NotebookExecutionError(RuntimeError):
    """A cell failed; the message names the notebook and the cell."""


@dataclass(frozen=True)
class ExecutionResult:
    """What one execution produced and how long it took."""

    path: Path
    seconds: float


def _renumber_widget_ids(nb: nbformat.NotebookNode) -> None:
    """Replace the random 32-hex widget model ids by ``w0001``... in order of first appearance."""
    state = nb.metadata.get("widgets")
    if not state:
        return
    text = json.dumps(nb, sort_keys=True)
    mapping: dict[str, str] = {}
    for match in _WIDGET_ID.finditer(json.dumps(state, sort_keys=True)):
        mapping.setdefault(match.group(), f"w{len(mapping) + 1:04d}")
    text = _WIDGET_ID.sub(lambda m: mapping.get(m.group(), m.group()), text)
    renamed = nbformat.from_dict(json.loads(text))
    nb.clear()
    nb.update(renamed)


def _failure_message(path: Path, nb: nbformat.NotebookNode, exc: CellExecutionError) -> str:
    for index, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error":
                return (f"{path.name}: cell {index} (id {cell.get('id', '?')}) failed: "
                        f"{out.get('ename')}: {out.get('evalue')}")
    return f"{path.name}: execution failed: {str(exc).strip().splitlines()[-1]}"


def execute(path: Path, out: Path | None = None, *, timeout: int = CELL_TIMEOUT_S) -> ExecutionResult:
    """Run every cell of ``path`` in a fresh kernel (cwd = its folder) and write the result to ``out``.

    Raises :class:`NotebookExecutionError` naming the notebook and the failing cell; on
    failure nothing is written.
    """
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, timeout=timeout, kernel_name="python3", record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
        extra_arguments=["--IPKernelApp.log_level=ERROR"],  # keeps the build's progress lines readable
    )
    started = time.perf_counter()
    try:
        client.execute()
    except CellExecutionError as exc:
        raise NotebookExecutionError(_failure_message(path, nb, exc)) from None
    seconds = time.perf_counter() - started
    _renumber_widget_ids(nb)
    target = out or path
    tmp = target.with_name(f".{target.name}.tmp")
    nbformat.write(nb, tmp)
    tmp.replace(target)
    return ExecutionResult(target, seconds)
