"""Where the project's folders are, and a record of which data files a run reads.

The package is installed editable (``pip install -e .``), so ``ROOT`` is the clone.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DATA_DIR = ROOT / "data"
NOTEBOOKS_DIR = ROOT / "notebooks"
BUILD_DIR = ROOT / "build"
SEED_ARTICLE = DATA_DIR / "article-2025-08-12-h20-fr.txt"

#: The lock file of the runtime environment: a notebook's outputs depend on it.
LOCK_FILES = (ROOT / "requirements.txt",)

#: The collection's notebooks, in reading order: NN_slug.ipynb.
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"

#: When set, every data file read is appended to this file (one name per line): how a notebook's
#: execution learns which data its outputs depend on (:mod:`helpers.publish.catalogue`).
READS_LOG_ENV = "H20_READS_LOG"


def notebook_paths(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The collection's notebooks in ``folder``, in reading order."""
    return sorted(folder.glob(NOTEBOOK_GLOB))


def note_read(path: Path) -> None:
    """Record that ``path`` was read, if it is in ``data/`` and a run asked for a record."""
    log = os.environ.get(READS_LOG_ENV)
    if not log:
        return
    path = Path(path).resolve()
    if path.parent == DATA_DIR.resolve():
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(path.name + "\n")
