"""Every data file has a manifest, matches its checksum and loads with its schema."""

import json

import pytest

from helpers.datasets import DatasetError, check_file, load_table, manifest_paths, read_manifest
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


_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@pytest.mark.parametrize("name", MANIFESTS)
def test_vocabularies_dates_and_sources_resolve(name):
    manifest = read_manifest(name)
    if manifest.path.suffix != ".csv":
        return
    df = load_table(name)
    for column, vocab in manifest.meta.get("vocabularies", {}).items():
        if isinstance(vocab, list):
            assert set(df[column].dropna()) <= set(vocab), (name, column, set(df[column]) - set(vocab))
    for f in manifest.fields:
        if f["type"] == "date":
            bad = df[f["name"]].dropna()
            assert bad.str.match(_DATE).all(), (name, f["name"], bad[~bad.str.match(_DATE)].tolist())
    if "source_id" in df.columns:
        known = set(load_table("sources")["source_id"])
        assert set(df["source_id"]) <= known, (name, set(df["source_id"]) - known)


def test_every_low_source_is_marked_low_and_graded_once():
    sources = load_table("sources")
    assert sources["source_id"].is_unique and sources["url"].is_unique
    assert set(sources["grade"]) <= {"primary", "secondary", "low"}


def test_a_value_of_the_wrong_type_is_a_clear_error(tmp_path):
    meta = read_manifest("windows").meta
    (tmp_path / "windows.manifest.json").write_text(json.dumps(meta))
    (tmp_path / "windows.csv").write_bytes((DATA_DIR / "windows.csv").read_bytes())
    load_table("windows", tmp_path)  # the copy loads
    meta["schema"]["fields"][2]["type"] = "integer"  # 'start' holds dates, not integers
    import hashlib

    meta["sha256"] = hashlib.sha256((tmp_path / "windows.csv").read_bytes()).hexdigest()
    (tmp_path / "windows.manifest.json").write_text(json.dumps(meta))
    with pytest.raises(DatasetError, match="windows.csv: does not match the schema"):
        load_table("windows", tmp_path)


def test_missing_data_file_is_named(tmp_path):
    from helpers.datasets import refresh_checksums

    (tmp_path / "ghost.manifest.json").write_text(json.dumps({"path": "ghost.csv"}))
    with pytest.raises(DatasetError, match="ghost.csv: listed in ghost.manifest.json but missing"):
        refresh_checksums(tmp_path)
