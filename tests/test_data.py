"""Every data file has a manifest, matches its checksum and loads with its schema."""

import json

import pytest

from helpers.datasets import DatasetError, load_table, manifest_paths, read_manifest, check_file
from helpers.paths import DATA_DIR

MANIFESTS = [p.name.removesuffix(".manifest.json") for p in manifest_paths()]
REQUIRED_KEYS = {"name", "title", "description", "path", "source", "published", "licence", "sha256", "schema", "used_by"}


def test_every_data_file_has_a_manifest():
    listed = {read_manifest(n).meta["path"] for n in MANIFESTS}
    files = {p.name for p in DATA_DIR.iterdir() if p.is_file() and not p.name.endswith(".manifest.json")}
    files -= {"README.md"}
    assert files == listed


@pytest.mark.parametrize("name", MANIFESTS)
def test_manifest_complete_and_checksum_matches(name):
    manifest = read_manifest(name)
    assert REQUIRED_KEYS <= set(manifest.meta)
    check_file(manifest)
    if manifest.path.suffix == ".csv":
        df = load_table(name)
        assert len(df) > 0


def test_tampered_file_is_refused(tmp_path):
    meta = read_manifest("claims").meta
    (tmp_path / "claims.csv").write_text((DATA_DIR / "claims.csv").read_text() + "x\n")
    (tmp_path / "claims.manifest.json").write_text(json.dumps(meta))
    with pytest.raises(DatasetError, match="does not match its manifest"):
        load_table("claims", tmp_path)
