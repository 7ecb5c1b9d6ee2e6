"""What a killed process leaves in the temporary folder (a read log, a browser profile), swept by the next run.

Each such entry is named ``<prefix>-<pid>-<random>``; it is removed only when that process is gone,
so a build or a print still running beside keeps its own.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

from helpers.data.files import pid_alive


def sweep_dead(prefix: str) -> list[Path]:
    """Remove ``<tmp>/<prefix>-<pid>-*`` files and folders whose process has ended; return what was removed."""
    removed = []
    for p in Path(tempfile.gettempdir()).glob(f"{prefix}-*-*"):
        pid = p.name.removeprefix(f"{prefix}-").split("-")[0]
        if not pid.isdigit() or not pid.isascii() or p.is_symlink():
            continue
        try:
            if pid_alive(int(pid)):
                continue  # still running
        except OverflowError:
            continue  # not a process id at all
        with contextlib.suppress(OSError):
            shutil.rmtree(p) if p.is_dir() else p.unlink()
            removed.append(p)
    return removed
