"""Safe writing of outputs: never delete or overwrite a file this project did not write.

Two shapes of output:

* **Files into a user's folder** (``python -m helpers tables --out DIR``): :func:`write_owned_files`
  writes our table files into ``DIR`` and replaces each atomically. It keeps a small ledger
  (:data:`LEDGER`) of what it wrote with their sha256, and refuses to replace a file that is not in
  the ledger or that changed since, so a user's own ``claims.csv`` (or the project's ``data/``) is
  never touched. Every new file is staged first; if anything fails, ``DIR`` is left as it was.
* **Folders the build owns** (``build/report``, ``build/slides``, ``build/student``):
  :func:`owned_dir` builds a new folder beside the old one and swaps it in. It only ever replaces a
  folder that carries its :data:`MARKER` file (or an empty one), takes a lock so two builds never
  race on the swap, and sweeps what a killed build left behind.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

#: Written into every folder :func:`owned_dir` makes: the proof that replacing it loses nothing of the user's.
MARKER = ".h20-build"
#: Kept in a folder :func:`write_owned_files` writes into: our files there and their sha256.
LEDGER = ".h20-tables.json"
_STAGE = ".h20-stage-"


class OutputError(OSError):
    """An output location we must not (or cannot) write; names the path and the reason in one line."""

    def __init__(self, path: str | Path, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{printable(self.path)}: {problem}")


def printable(text: str | Path) -> str:
    """``text`` with control characters escaped, so a file name cannot split or colour a message."""
    s = str(text)
    if s.isprintable():
        return s
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in s)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_ledger(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / LEDGER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def _describe_os_error(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "cannot write here (permission denied or read-only)"
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    return exc.strerror or type(exc).__name__


def write_owned_files(out: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write ``files`` (name -> bytes) into folder ``out``; return the paths written.

    ``out`` is created when missing. A name that already exists in ``out`` is replaced only when
    our ledger says we wrote it and it has not changed since; otherwise :class:`OutputError` is
    raised before anything is written. Files are staged in ``out`` and renamed into place only
    once all are complete, so a failure leaves ``out`` exactly as it was.
    """
    if out.exists() and not out.is_dir():
        raise OutputError(out, "output path exists and is not a directory")
    for name in files:
        if name in ("", ".", "..", LEDGER) or "/" in name or name.startswith(_STAGE):
            raise ValueError(f"not a plain file name: {name!r}")
    ledger = _read_ledger(out) if out.exists() else {}
    for name in files:
        target = out / name
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise OutputError(target, "exists and is not a regular file; refusing to replace it")
        if target.exists() and (name not in ledger or ledger[name] != _sha256(target)):
            raise OutputError(target, "exists and was not written by this tool (or was edited since); "
                                      "choose another --out folder or move the file away")
    created = not out.exists()
    new_ledger = {**ledger, **{name: hashlib.sha256(data).hexdigest() for name, data in files.items()}}
    ledger_bytes = (json.dumps({"files": dict(sorted(new_ledger.items()))}, indent=1) + "\n").encode()
    staged: list[tuple[str, str]] = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for name, data in [*files.items(), (LEDGER, ledger_bytes)]:  # the ledger last
            fd, tmp = tempfile.mkstemp(prefix=_STAGE, suffix=".tmp", dir=out)
            staged.append((tmp, name))
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.chmod(tmp, 0o644)
    except OSError as exc:
        for tmp, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if created:
            with contextlib.suppress(OSError):
                out.rmdir()
        raise OutputError(out, _describe_os_error(exc)) from None
    # the renames are atomic one by one; the ledger goes last so it never lists a file not yet in place
    for tmp, name in staged:
        os.replace(tmp, out / name)
    return [out / name for name in files]


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale_stages(parent: Path, name: str) -> list[Path]:
    """Remove stage and swap folders beside ``parent/name`` whose build process is gone."""
    removed = []
    if not parent.is_dir():
        return removed
    for p in parent.glob(f".{name}-*"):
        parts = p.name.removeprefix(f".{name}-").split("-")
        if parts[0] == "stage" and len(parts) >= 2 and parts[1].isdigit() and _pid_alive(int(parts[1])):
            continue  # a build that is still running
        if parts[0] not in ("stage", "old") or not p.is_dir():
            continue
        shutil.rmtree(p, ignore_errors=True)
        removed.append(p)
    return removed


def check_replaceable(out: Path) -> None:
    """Raise :class:`OutputError` unless ``out`` is missing, empty, or a folder a build made."""
    if out.is_symlink():
        raise OutputError(out, "is a symbolic link; refusing to replace it")
    if not out.exists():
        return
    if not out.is_dir():
        raise OutputError(out, "exists and is not a directory")
    if (out / MARKER).is_file():
        return
    try:
        empty = not any(out.iterdir())
    except OSError as exc:
        raise OutputError(out, _describe_os_error(exc)) from None
    if not empty:
        raise OutputError(out, f"is not empty and was not made by this build (no {MARKER} file); "
                               "choose an empty or new folder")


@contextlib.contextmanager
def build_lock(parent: Path, name: str) -> Iterator[None]:
    """Hold an exclusive lock for building ``parent/name``; a second build waits and says so."""
    parent.mkdir(parents=True, exist_ok=True)
    lock_path = parent / f".{name}.lock"
    with open(lock_path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"waiting for another build of {printable(parent / name)} to finish…", flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextlib.contextmanager
def owned_dir(out: Path) -> Iterator[Path]:
    """Yield an empty staging folder; on success it replaces ``out``, on error it is removed.

    ``out`` is refused (:class:`OutputError`) when it holds files this build did not make. The
    previous ``out`` stays in place until the new one is complete; a lock serialises concurrent
    builds, and stages left by a killed build are removed first.
    """
    out = Path(os.path.abspath(out))
    if out.parent == out:
        raise OutputError(out, "is the file-system root; choose a folder for the build")
    check_replaceable(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(out.parent, _describe_os_error(exc)) from None
    with build_lock(out.parent, out.name):
        sweep_stale_stages(out.parent, out.name)
        check_replaceable(out)  # again: another build may have finished while we waited
        stage = Path(tempfile.mkdtemp(prefix=f".{out.name}-stage-{os.getpid()}-", dir=out.parent))
        try:
            (stage / MARKER).write_text("made by the H20 notebooks build; replaced whole by the next build\n")
            yield stage
            stage.chmod(0o755)  # mkdtemp makes it private; outputs are for reading
            old = out.with_name(f".{out.name}-old-{os.getpid()}")
            if out.exists():
                out.rename(old)
            stage.rename(out)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
