"""Load the project's data files through their manifests.

Each dataset ``data/<name>.csv`` (or ``.txt``) has a manifest ``data/<name>.manifest.json``
saying what it is, where it comes from, its licence, its sha256 and its schema, and which
notebooks use it. Loading checks the checksum and the columns, so a stale or hand-edited
file fails loudly instead of feeding a chart.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from .paths import DATA_DIR

_DTYPES = {"string": "string", "integer": "Int64", "number": "Float64", "date": "string", "boolean": "boolean"}


class DatasetError(ValueError):
    """A data file does not match its manifest."""


@dataclass(frozen=True)
class Manifest:
    """The parsed ``<name>.manifest.json``."""

    name: str
    path: Path
    meta: dict[str, Any]

    @property
    def fields(self) -> list[dict[str, str]]:
        return self.meta.get("schema", {}).get("fields", [])

    @property
    def columns(self) -> list[str]:
        return [f["name"] for f in self.fields]


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def manifest_paths(data_dir: Path = DATA_DIR) -> list[Path]:
    """Every manifest in ``data_dir``, sorted."""
    return sorted(data_dir.glob("*.manifest.json"))


def read_manifest(name: str, data_dir: Path = DATA_DIR) -> Manifest:
    """Read the manifest of dataset ``name``."""
    mpath = data_dir / f"{name}.manifest.json"
    if not mpath.exists():
        raise DatasetError(f"{mpath}: no manifest for dataset {name!r}")
    meta = json.loads(mpath.read_text(encoding="utf-8"))
    return Manifest(name, data_dir / meta["path"], meta)


def check_file(manifest: Manifest) -> None:
    """Raise :class:`DatasetError` unless the file exists and its sha256 matches the manifest."""
    if not manifest.path.exists():
        raise DatasetError(f"{manifest.path}: listed in {manifest.name}.manifest.json but missing")
    digest = sha256_of(manifest.path)
    if digest != manifest.meta.get("sha256"):
        raise DatasetError(
            f"{manifest.path}: sha256 {digest[:12]}… does not match its manifest; "
            "if the edit is intended run `make manifests`"
        )


def load_table(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Load a CSV dataset, checked against its manifest (checksum, columns, types)."""
    manifest = read_manifest(name, data_dir)
    check_file(manifest)
    dtypes = {f["name"]: _DTYPES[f["type"]] for f in manifest.fields}
    try:
        df = pd.read_csv(manifest.path, dtype=dtypes, keep_default_na=False, na_values=[""])
    except (ValueError, TypeError) as exc:  # a value that does not fit its declared type
        raise DatasetError(f"{manifest.path}: does not match the schema in its manifest: {exc}") from None
    if list(df.columns) != manifest.columns:
        raise DatasetError(f"{manifest.path}: columns {list(df.columns)} differ from the manifest {manifest.columns}")
    for f in manifest.fields:
        if f.get("required") and df[f["name"]].isna().any():
            rows = df.index[df[f["name"]].isna()].tolist()
            raise DatasetError(f"{manifest.path}: column {f['name']!r} is empty in rows {rows}")
    return df


def refresh_checksums(data_dir: Path = DATA_DIR) -> list[str]:
    """Rewrite each manifest's sha256 from its file; return the names that changed."""
    changed = []
    for mpath in manifest_paths(data_dir):
        meta = json.loads(mpath.read_text(encoding="utf-8"))
        target = data_dir / meta["path"]
        if not target.exists():
            raise DatasetError(f"{target}: listed in {mpath.name} but missing")
        digest = sha256_of(target)
        if meta.get("sha256") != digest:
            meta["sha256"] = digest
            mpath.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            changed.append(mpath.name.removesuffix(".manifest.json"))
    return changed
