"""Execute notebooks reproducibly: same inputs, same bytes.

Used both to store the committed (executed) notebooks and by the report build.
nbclient is told not to record timings, and ipywidgets' random model ids are renamed
in order of appearance, so two runs of an unchanged notebook are identical.
"""

from __future__ import annotations

import json
import re
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

from helpers.data.files import write_file
from helpers.publish.catalogue import read

#: Longest single wait on a kernel channel; a wait for longer is a loop of waits this long (see :class:`_Client`).
POLL_SLICE_S = 1.0


def sliced_get_msg(get_msg: Callable):
    """``get_msg`` that waits in slices of :data:`POLL_SLICE_S`, each one checking the socket afresh.

    Under load, pyzmq's asyncio poller can miss the wake-up for a message that has arrived: the
    message then sits in the socket until the wait times out. nbclient waits for a cell's reply
    with the whole cell timeout, so one missed wake-up cost exactly 300 s (seen in notebook 04,
    whose widget cell sends many messages; reproduced 2 runs in 12 with both cores busy). Sliced,
    it costs at most a slice.
    """
    async def get(timeout: float | None = None):
        from queue import Empty

        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = POLL_SLICE_S if deadline is None else max(0.0, min(POLL_SLICE_S, deadline - time.monotonic()))
            try:
                return await get_msg(timeout=left)
            except Empty:
                if deadline is not None and time.monotonic() >= deadline:
                    raise
    return get


class _Client(NotebookClient):
    """nbclient with its kernel channels polled in slices (:func:`sliced_get_msg`)."""

    async def async_start_new_kernel_client(self):
        kc = await super().async_start_new_kernel_client()
        for channel in (kc.shell_channel, kc.iopub_channel):
            channel.get_msg = sliced_get_msg(channel.get_msg)
        return kc

#: Seconds a single cell may run before the build fails.
CELL_TIMEOUT_S = 300

_WIDGET_ID = re.compile(r"(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])")
_REF = re.compile(r"IPY_MODEL_([0-9a-f]{32})")
_VIEW = "application/vnd.jupyter.widget-view+json"
_STATE = "application/vnd.jupyter.widget-state+json"


class NotebookExecutionError(RuntimeError):
    """A cell failed; the message names the notebook and the cell."""


@dataclass(frozen=True)
class ExecutionResult:
    """What one execution produced and how long it took."""

    path: Path
    seconds: float


def _widget_order(nb: nbformat.NotebookNode, state: dict) -> list[str]:
    """Widget model ids in a deterministic order: breadth-first from the views shown in cell
    outputs, following ``IPY_MODEL_`` references; models nothing refers to come last."""
    roots = [
        out["data"][_VIEW]["model_id"]
        for cell in nb.cells for out in cell.get("outputs", [])
        if _VIEW in out.get("data", {})
    ]
    order: list[str] = []
    queue = deque(roots)
    while queue:
        mid = queue.popleft()
        if mid in order or mid not in state:
            continue
        order.append(mid)
        queue.extend(_REF.findall(json.dumps(state[mid].get("state", {}), sort_keys=True)))
    rest = set(state) - set(order)
    masked = {m: _WIDGET_ID.sub("ID", json.dumps(state[m], sort_keys=True)) for m in rest}
    return order + sorted(rest, key=lambda m: (masked[m], m))


def _renumber_widget_ids(nb: nbformat.NotebookNode) -> None:
    """Replace the random 32-hex widget model ids by ``w0001``... in a deterministic order."""
    state = nb.metadata.get("widgets", {}).get(_STATE, {}).get("state")
    if not state:
        return
    mapping = {mid: f"w{i:04d}" for i, mid in enumerate(_widget_order(nb, state), 1)}
    text = _WIDGET_ID.sub(lambda m: mapping.get(m.group(), m.group()), json.dumps(nb))
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


def execute(path: Path, out: Path | None = None, *, timeout: int = CELL_TIMEOUT_S,
            before_write: Callable[[nbformat.NotebookNode], None] | None = None) -> ExecutionResult:
    """Run every cell of ``path`` in a fresh kernel (cwd = its folder) and write the result to ``out``.

    Raises :class:`NotebookExecutionError` naming the notebook and the failing cell; on
    failure nothing is written.
    """
    nb = read(path)
    client = _Client(
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
    if before_write is not None:  # e.g. record the freeze: one write, not two
        before_write(nb)
    target = out or path
    # a new file beside the target, renamed over it: a link planted at the target or its old temporary
    # name is replaced, never followed (helpers.data.files.write_file)
    text = nbformat.writes(nb)
    write_file(target, text if text.endswith("\n") else text + "\n")  # as nbformat.write ends a file
    return ExecutionResult(target, seconds)
