"""Where the project's folders are. The package is installed editable (``pip install -e .``)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA_DIR = ROOT / "data"
NOTEBOOKS_DIR = ROOT / "notebooks"
BUILD_DIR = ROOT / "build"
SEED_ARTICLE = DATA_DIR / "article-2025-08-12-h20-fr.txt"

#: The collection's notebooks, in reading order: NN_slug.ipynb.
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"


def notebook_paths(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The collection's notebooks in ``folder``, in reading order."""
    return sorted(folder.glob(NOTEBOOK_GLOB))
