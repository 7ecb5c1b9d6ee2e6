"""Load the project's data files through their manifests.

Each dataset ``data/<name>.csv`` (or ``.txt``) has a manifest ``data/<name>.manifest.json``
saying what it is, where it comes from, its licence, its sha256 and its schema, and which
notebooks use it. Loading checks the checksum and the schema (types, dates, ranges, vocabularies,
keys: :mod:`helpers.data.schema`), so a stale, hand-edited or malformed file fails loudly, naming the
file, instead of feeding a chart.
"""

from __future__ import annotations

import hashlib
import io
import json
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

from helpers.data.files import InputError, OutputError, printable, read_regular, read_regular_text, write_file
from helpers.data.paths import DATA_DIR, note_read
from helpers.data.schema import SchemaError, check_manifest_schema, validate


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
    """Hex sha256 of a file's bytes (a regular file within the size limit, else :class:`DatasetError`)."""
    try:
        return hashlib.sha256(read_regular(path)).hexdigest()
    except InputError as exc:
        raise DatasetError(str(exc)) from None


def manifest_paths(data_dir: Path = DATA_DIR) -> list[Path]:
    """Every manifest in ``data_dir``, sorted."""
    return sorted(data_dir.glob("*.manifest.json"))


def read_manifest(name: str, data_dir: Path = DATA_DIR) -> Manifest:
    """Read the manifest of dataset ``name``; its ``path`` must name a file inside ``data_dir``."""
    mpath = data_dir / f"{name}.manifest.json"
    if not mpath.exists() and not mpath.is_symlink():
        raise DatasetError(f"{mpath}: no manifest for dataset {name!r}")
    note_read(mpath)
    try:
        meta = json.loads(read_regular_text(mpath, limit=1024 * 1024))
    except InputError as exc:
        raise DatasetError(str(exc)) from None
    except ValueError as exc:
        raise DatasetError(f"{mpath}: not a readable JSON manifest ({type(exc).__name__})") from None
    if not isinstance(meta, dict) or not isinstance(meta.get("path"), str):
        raise DatasetError(f"{mpath}: a manifest is a JSON object with a 'path'")
    if not meta["path"] or "\x00" in meta["path"] or not meta["path"].isprintable():
        raise DatasetError(f"{mpath}: path {printable(meta['path'])!r} is not a plain file name")
    target = (data_dir / meta["path"]).resolve()
    if target.parent != data_dir.resolve() or meta["path"] != target.name:
        raise DatasetError(f"{mpath}: path {meta['path']!r} must be a file name inside {data_dir.name}/")
    if "schema" in meta:
        try:
            check_manifest_schema(meta["schema"])
        except SchemaError as exc:
            raise DatasetError(f"{mpath}: {exc}") from None
    return Manifest(name, data_dir / meta["path"], meta)


def check_file(manifest: Manifest) -> None:
    """Raise :class:`DatasetError` unless the file exists and its sha256 matches the manifest."""
    if not manifest.path.exists() and not manifest.path.is_symlink():
        raise DatasetError(f"{manifest.path}: listed in {manifest.name}.manifest.json but missing")
    digest = sha256_of(manifest.path)
    if digest != manifest.meta.get("sha256"):
        raise DatasetError(
            f"{manifest.path}: sha256 {digest[:12]}… does not match its manifest; "
            "if the edit is intended run `make manifests`"
        )


_LOADING = threading.local()  # the chain of tables whose foreign keys are being checked, per thread


def load_table(name: str, data_dir: Path = DATA_DIR) -> pd.DataFrame:
    """Load a CSV dataset, checked against its manifest (checksum, then the schema)."""
    chain: list[str] = _LOADING.__dict__.setdefault("chain", [])
    if name in chain:  # a foreign key back to a table still being checked would recurse for ever
        raise DatasetError(f"{data_dir / (name + '.manifest.json')}: foreign keys form a cycle "
                           f"({' -> '.join([*chain[chain.index(name):], name])})")
    manifest = read_manifest(name, data_dir)
    check_file(manifest)
    note_read(manifest.path)
    key = json.dumps(manifest.meta, sort_keys=True)  # holds the file's sha256 and the schema
    chain.append(name)
    try:
        return _load_checked(key, name, str(data_dir)).copy()
    finally:
        chain.pop()


@lru_cache(maxsize=64)
def _load_checked(manifest_key: str, name: str, data_dir: str) -> pd.DataFrame:
    # cached by manifest (checksum and schema): notebooks load the same tables many times, the checks run once
    manifest = read_manifest(name, Path(data_dir))
    try:
        text = read_regular_text(manifest.path)
        raw = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, na_values=[""])
    except InputError as exc:
        raise DatasetError(str(exc)) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise DatasetError(f"{manifest.path}: not a readable CSV file ({type(exc).__name__})") from None
    try:
        return validate(raw, manifest.meta.get("schema", {}), lookup=lambda ref: load_table(ref, Path(data_dir)))
    except SchemaError as exc:
        raise DatasetError(f"{manifest.path}: does not match the schema in its manifest: {exc}") from None


def check_all(data_dir: Path = DATA_DIR) -> None:
    """Check every dataset against its manifest (checksum, schema, keys); :class:`DatasetError` names the first bad one.

    The build runs this before any notebook, so a spoiled data file is one line naming it (exit 2),
    not a notebook cell failing halfway through a build.
    """
    for mpath in manifest_paths(data_dir):
        manifest = read_manifest(mpath.name.removesuffix(".manifest.json"), data_dir)
        check_file(manifest)
        if manifest.path.suffix == ".csv":
            load_table(manifest.name, data_dir)


def refresh_checksums(data_dir: Path = DATA_DIR) -> list[str]:
    """Rewrite each manifest's sha256 from its file; return the names that changed."""
    changed = []
    for mpath in manifest_paths(data_dir):
        meta = read_manifest(mpath.name.removesuffix(".manifest.json"), data_dir).meta
        target = data_dir / meta["path"]
        if not target.exists() and not target.is_symlink():
            raise DatasetError(f"{target}: listed in {mpath.name} but missing")
        digest = sha256_of(target)
        if meta.get("sha256") != digest:
            meta["sha256"] = digest
            try:
                write_file(mpath, json.dumps(meta, ensure_ascii=False, indent=2) + "\n", base=data_dir)
            except OutputError as exc:
                raise DatasetError(str(exc)) from None
            changed.append(mpath.name.removesuffix(".manifest.json"))
    return changed
