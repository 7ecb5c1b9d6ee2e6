"""The build never replaces a user's folder, serialises concurrent builds, and cleans up after a killed one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from helpers.cli import main as report_main
from helpers.data.files import MARKER, OWNER, OutputError, owned_dir


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_report_refuses_a_users_folder_in_one_line(tmp_path, capsys):
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "thesis.docx").write_bytes(b"years of work")
    before = snapshot(documents)
    assert report_main(["build", "--out", str(documents)]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (f"error: {documents}: is not empty and was not made by this build (no {MARKER} file); "
                   "choose an empty or new folder")
    assert snapshot(documents) == before


@pytest.mark.parametrize("target", ["file", "root", "symlink"])
def test_report_refuses_files_the_root_and_links(tmp_path, capsys, target):
    if target == "file":
        out = tmp_path / "notes.txt"
        out.write_text("mine")
    elif target == "root":
        out = Path("/")
    else:
        real = tmp_path / "real"
        real.mkdir()
        (real / MARKER).write_text("")
        out = tmp_path / "link"
        out.symlink_to(real)
    assert report_main(["build", "--out", str(out)]) == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_a_folder_the_build_made_is_replaced_whole(tmp_path):
    out = tmp_path / "report"
    with owned_dir(out) as stage:
        (stage / "old.html").write_text("old")
    assert (out / MARKER).is_file()
    with owned_dir(out) as stage:
        (stage / "new.html").write_text("new")
    assert sorted(p.name for p in out.iterdir()) == sorted([MARKER, "new.html"])
    assert sorted(p.name for p in tmp_path.iterdir()) == [".report.lock", "report"]


def test_a_failed_build_keeps_the_previous_folder(tmp_path):
    out = tmp_path / "report"
    with owned_dir(out) as stage:
        (stage / "good.html").write_text("good")
    with pytest.raises(RuntimeError), owned_dir(out) as stage:
        (stage / "half.html").write_text("half")
        raise RuntimeError("a cell failed")
    assert (out / "good.html").read_text() == "good" and not (out / "half.html").exists()
    assert not [p for p in tmp_path.iterdir() if "stage" in p.name]


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def _left_by_a_build(folder: Path, pid: int) -> Path:
    """A stage or swap folder as a killed build leaves it: its marker and its owner file."""
    folder.mkdir()
    (folder / MARKER).write_text("made by the H20 notebooks build\n")
    (folder / OWNER).write_text(f"pid {pid}\n")
    (folder / "big.ipynb").write_text("x" * 1000)
    return folder


def test_stages_left_by_a_dead_build_are_swept(tmp_path):
    dead = _dead_pid()
    stale = _left_by_a_build(tmp_path / f".report-stage-{dead}-abcd1234", dead)
    old = _left_by_a_build(tmp_path / f".report-old-{dead}", dead)
    live = _left_by_a_build(tmp_path / f".report-stage-{os.getpid()}-live1234", os.getpid())  # still running
    with owned_dir(tmp_path / "report"):
        pass
    assert not stale.exists() and not old.exists() and live.exists()


def test_a_users_folders_shaped_like_stages_are_never_swept(tmp_path):
    """Found by the security review: a user's backup named like a stage was deleted, exit 0."""
    dead = _dead_pid()
    backup = tmp_path / ".myreport-old-2024"
    backup.mkdir()
    (backup / "precious.txt").write_text("mine")
    copy = tmp_path / f".myreport-stage-{dead}-abcd1234"  # a copy of a finished report: marker, no owner file
    copy.mkdir()
    (copy / MARKER).write_text("made by the H20 notebooks build\n")
    liar = _left_by_a_build(tmp_path / f".myreport-old-{dead}", dead + 1)  # the owner file names someone else
    target = tmp_path / "elsewhere"
    target.mkdir()
    link = tmp_path / f".myreport-old-{dead + 2}"
    link.symlink_to(target, target_is_directory=True)
    with owned_dir(tmp_path / "myreport"):
        pass
    assert (backup / "precious.txt").read_text() == "mine" and copy.exists() and liar.exists()
    assert link.is_symlink() and target.exists()


def test_the_swap_never_leaves_the_report_missing(tmp_path, monkeypatch):
    """The old and new reports change places in one step; a second rename that never comes loses nothing."""
    from helpers.data import files

    out = tmp_path / "report"
    with owned_dir(out) as stage:
        (stage / "v").write_text("1")
    seen = []
    real = files._exchange

    def exchange(a, b):
        done = real(a, b)
        seen.append(done)
        assert (out / "v").exists()  # right after the exchange, a complete report is in place
        return done

    monkeypatch.setattr(files, "_exchange", exchange)
    with owned_dir(out) as stage:
        (stage / "v").write_text("2")
    assert seen == [True] and (out / "v").read_text() == "2"
    assert not (out / OWNER).exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".report-")]


def test_two_builds_take_turns(tmp_path):
    out = tmp_path / "report"
    order: list[str] = []

    def first() -> None:
        with owned_dir(out) as stage:
            order.append("first in")
            time.sleep(1.0)
            (stage / "page.html").write_text("first")
            order.append("first out")

    t = threading.Thread(target=first)
    t.start()
    time.sleep(0.2)
    with owned_dir(out) as stage:
        order.append("second in")
        (stage / "page.html").write_text("second")
    t.join()
    assert order == ["first in", "first out", "second in"]
    assert (out / "page.html").read_text() == "second"


def _kernels() -> set[int]:
    found = set()
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmd = (proc / "cmdline").read_bytes()
            except OSError:
                continue
            if b"ipykernel_launcher" in cmd or b"multiprocessing.forkserver" in cmd:
                found.add(int(proc.name))
    return found


def _descendants(root: int) -> set[int]:
    """Every process whose parent chain leads to ``root`` (kernels of other tests running beside are not ours)."""
    parent = {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                parent[int(proc.name)] = int((proc / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    found, frontier = set(), {root}
    while frontier:
        frontier = {p for p, pp in parent.items() if pp in frontier} - found
        found |= frontier
    return found


def _alive(pids: set[int]) -> set[int]:
    return {p for p in pids if Path(f"/proc/{p}").exists() and "zombie" not in
            Path(f"/proc/{p}/status").read_text(errors="replace").lower()}


@pytest.mark.slow
def test_killing_the_build_ends_its_kernels_and_the_next_build_cleans_up(tmp_path):
    import nbformat
    from nbformat.v4 import new_code_cell, new_notebook

    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nbformat.write(new_notebook(cells=[new_code_cell("import time; time.sleep(120)")]), notebooks / "01_slow.ipynb")
    script = ("import sys; from pathlib import Path; from helpers.publish.build import build; "
              "build(Path(sys.argv[1]), cache=Path(sys.argv[2]), jobs=1, notebooks=Path(sys.argv[3]))")
    out, cache = tmp_path / "report", tmp_path / "cache"
    proc = subprocess.Popen([sys.executable, "-c", script, str(out), str(cache), str(notebooks)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not any(b"ipykernel_launcher" in Path(f"/proc/{p}/cmdline").read_bytes()
                  for p in _alive(_kernels() & _descendants(proc.pid))):
        assert time.monotonic() < deadline, "the build never started a kernel"
        time.sleep(0.2)
    started = _alive(_kernels() & _descendants(proc.pid))
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 15
    while _alive(started) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _alive(started), "kernels or workers outlived the killed build"
    assert [p for p in tmp_path.iterdir() if p.name.startswith(".report-stage-")]  # what the dead build left
    with owned_dir(out):
        pass
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".report-stage-")]


def test_output_error_names_the_path_once(tmp_path):
    out = tmp_path / "x"
    out.write_text("a file")
    with pytest.raises(OutputError, match=r"x: exists and is not a directory$"):
        with owned_dir(out):
            pass


def test_a_kernel_wait_is_sliced_so_a_missed_wakeup_costs_a_second():
    """The 300 s stall: a reply already in the socket but its wake-up missed. Each slice looks again."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor
    from queue import Empty

    from helpers.publish.execute import POLL_SLICE_S, sliced_get_msg

    def run(coroutine):  # a thread of its own: the browser tests' driver may keep a loop running in this one
        with ThreadPoolExecutor(1) as pool:
            return pool.submit(asyncio.run, coroutine).result()

    waits = []

    async def get_msg(timeout=None):  # a channel whose message is only seen on the third look
        waits.append(timeout)
        if len(waits) < 3:
            raise Empty
        return {"msg": "reply"}

    assert run(sliced_get_msg(get_msg)(timeout=300)) == {"msg": "reply"}
    assert waits == [POLL_SLICE_S] * 3  # never one 300 s wait

    async def never(timeout=None):
        raise Empty

    import time

    started = time.monotonic()
    try:
        run(sliced_get_msg(never)(timeout=0.05))
    except Empty:
        pass
    else:
        raise AssertionError("a wait with nothing to read must still time out")
    assert time.monotonic() - started < 1
