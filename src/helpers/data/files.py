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
import stat
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path

#: Written into every folder :func:`owned_dir` makes: the proof that replacing it loses nothing of the user's.
MARKER = ".h20-build"
#: Kept in a folder :func:`write_owned_files` writes into: our files there and their sha256.
LEDGER = ".h20-tables.json"
#: Inside a stage or swap folder only (never in a finished one): the building process, for the sweep.
OWNER = ".h20-owner"
_STAGE = ".h20-stage-"
#: The most any project file (a manifest, a notebook, a data table, a cache entry) may hold; an article has its own limit.
MAX_INPUT_BYTES = 64 * 1024 * 1024


class InputError(ValueError):
    """A file the tools must read is missing, not a regular file, too big or unreadable; one line names it.

    ``kind`` says which (``missing``, ``directory``, ``special``, ``link``, ``too_big``, ``unreadable``), so a
    caller with its own wording (the article reader) can phrase it; ``errno`` is set for ``unreadable``.
    """

    def __init__(self, path: str | Path, problem: str, kind: str = "unreadable", err: int | None = None) -> None:
        self.path = str(path)
        self.problem = problem
        self.kind = kind
        self.errno = err
        super().__init__(f"{printable(self.path)}: {problem}")


def read_regular(path: str | Path, limit: int = MAX_INPUT_BYTES, *, follow_links: bool = False) -> bytes:
    """The bytes of ``path``, which must be a regular file (not a FIFO or device) of at most ``limit`` bytes.

    Opened without blocking (a FIFO would otherwise wait for a writer) and, unless ``follow_links``
    (a path a user typed), without following a final symbolic link; then checked on the open
    descriptor, so what is checked is what is read. Never reads more than ``limit`` + 1 bytes,
    whatever the file system says. Raises :class:`InputError`.
    """
    p = Path(path)
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if follow_links else os.O_NOFOLLOW)
    try:
        fd = os.open(p, flags)
    except FileNotFoundError:
        raise InputError(p, "no such file", "missing") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow_links:
            raise InputError(p, "is a symbolic link; refusing to read through it", "link") from None
        if exc.errno == errno.EISDIR:
            raise InputError(p, "is a directory, expected a file", "directory") from None
        raise InputError(p, f"cannot read: {exc.strerror or type(exc).__name__}", "unreadable", exc.errno) from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise InputError(p, "is a directory, expected a file", "directory")
        if not stat.S_ISREG(mode):
            raise InputError(p, "is not a regular file (a device, pipe or socket)", "special")
        chunks, size = [], 0
        while size <= limit:
            try:
                chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            except OSError as exc:
                raise InputError(p, f"cannot read: {exc.strerror or type(exc).__name__}", "unreadable",
                                 exc.errno) from None
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        data = b"".join(chunks)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(p, f"is over the {limit:,}-byte limit", "too_big")
    return data


def read_regular_text(path: str | Path, limit: int = MAX_INPUT_BYTES) -> str:
    """:func:`read_regular`, decoded as UTF-8 (:class:`InputError` when it is not)."""
    data = read_regular(path, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not valid UTF-8 (byte {exc.start})") from None


def _refuse_links(path: Path, base: Path | None) -> None:
    """Raise :class:`OutputError` if ``path``, or a folder between ``base`` and it, is a symbolic link."""
    path = Path(os.path.abspath(path))
    chain = [path]
    if base is not None:
        base = Path(os.path.abspath(base))
        if base == path or base in path.parents:
            chain += [p for p in path.parents if p == base or base in p.parents]
    for p in chain:
        if p.is_symlink():
            raise OutputError(p, "is a symbolic link; refusing to write through it")
    if path.exists() and not path.is_file():
        raise OutputError(path, "exists and is not a regular file; refusing to replace it")


def write_file(path: str | Path, data: bytes | str, *, base: str | Path | None = None) -> Path:
    """Replace the file ``path`` atomically with ``data``, never writing through a symbolic link.

    ``path`` must be missing or a regular file, and neither it nor any folder from ``base`` down to it
    may be a symbolic link (:class:`OutputError` otherwise). The data goes to a new file made with
    ``O_EXCL`` beside it (which cannot be a planted link), then is renamed over ``path``: a rename
    replaces a link planted after the check instead of following it, and a reader never sees half a file.
    """
    p = Path(path)
    _refuse_links(p, Path(base) if base is not None else None)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        p.parent.mkdir(parents=True, exist_ok=True)
        _refuse_links(p, Path(base) if base is not None else None)  # a folder made by someone else meanwhile
        fd, tmp = tempfile.mkstemp(prefix=f".{p.name}.", suffix=".tmp", dir=p.parent)
    except OSError as exc:
        raise OutputError(p, _describe_os_error(exc)) from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(payload)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; outputs are for reading
        os.replace(tmp, p)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(p, _describe_os_error(exc)) from None
    return p


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
        data = json.loads(read_regular_text(folder / LEDGER, limit=1024 * 1024))
    except InputError as exc:
        if exc.problem == "no such file":
            return {}
        raise OutputError(folder / LEDGER, f"cannot be read as this tool's ledger ({exc.problem})") from None
    except ValueError:
        return {}
    files = data.get("files") if isinstance(data, dict) else None
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def _describe_os_error(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return "cannot write here (permission denied or read-only)"
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    return exc.strerror or type(exc).__name__


@contextlib.contextmanager
def _folder_lock(out: Path) -> Iterator[None]:
    """An exclusive lock for writing into ``out``, held on its nearest existing folder (no file is created).

    Two ``tables`` runs into one folder take turns, so each leaves a complete set of tables under
    one ledger instead of a mix of two articles.
    """
    place = Path(os.path.abspath(out))
    while not place.is_dir() and place.parent != place:
        place = place.parent
    try:
        fd = os.open(place, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        raise OutputError(place, _describe_os_error(exc)) from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def write_owned_files(out: Path, files: Mapping[str, bytes]) -> list[Path]:
    """Write ``files`` into folder ``out`` (see :func:`_write_owned_files`), one writer at a time per folder."""
    with _folder_lock(out):
        return _write_owned_files(out, files)


def _write_owned_files(out: Path, files: Mapping[str, bytes]) -> list[Path]:
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


def pid_alive(pid: int) -> bool:
    """True while process ``pid`` exists (also when it belongs to another user)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _owner_text(pid: int) -> str:
    return f"pid {pid}\n"


def sweep_stale_stages(parent: Path, name: str) -> list[Path]:
    """Remove the stage and swap folders a killed build of ``parent/name`` left behind.

    Only a folder this build made is removed: a real directory named ``.<name>-stage-<pid>-<random>``
    or ``.<name>-old-<pid>`` that holds both the build's :data:`MARKER` and an :data:`OWNER` file naming
    that same process, which must be gone. A user's folder of the same shape (a backup, a copy of a
    report) has no owner file and is never touched.
    """
    removed: list[Path] = []
    if not parent.is_dir():
        return removed
    for p in parent.glob(f".{name}-*"):
        parts = p.name.removeprefix(f".{name}-").split("-")
        shaped = ((parts[0] == "stage" and len(parts) == 3) or (parts[0] == "old" and len(parts) == 2))
        if not shaped or not parts[1].isdigit() or not parts[1].isascii() or p.is_symlink() or not p.is_dir():
            continue
        pid = int(parts[1])
        try:
            owner = read_regular_text(p / OWNER, limit=64)
        except InputError:
            continue  # no owner file of ours: not ours to remove
        if owner != _owner_text(pid) or not (p / MARKER).is_file() or pid_alive(pid):
            continue
        shutil.rmtree(p, ignore_errors=True)
        removed.append(p)
    return removed


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2(RENAME_EXCHANGE)``); False where unsupported."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


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
            (stage / OWNER).write_text(_owner_text(os.getpid()))
            (stage / MARKER).write_text("made by the H20 notebooks build; replaced whole by the next build\n")
            yield stage
            stage.chmod(0o755)  # mkdtemp makes it private; outputs are for reading
            (stage / OWNER).unlink()
            if out.exists():
                # the old report becomes sweepable if we are killed now; then one atomic exchange, so
                # there is never a moment without a complete report at ``out``
                write_file(out / OWNER, _owner_text(os.getpid()))
                if not _exchange(stage, out):
                    old = out.with_name(f".{out.name}-old-{os.getpid()}")
                    out.rename(old)
                    stage.rename(out)
                    stage = old
            else:
                stage.rename(out)
        finally:
            shutil.rmtree(stage, ignore_errors=True)
