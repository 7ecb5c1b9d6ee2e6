"""Every data file has a manifest, matches its checksum and loads with its schema."""

import json

import pytest

from helpers.data.datasets import (
    DatasetError,
    check_file,
    load_table,
    manifest_paths,
    read_manifest,
)
from helpers.data.paths import DATA_DIR

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
    for f in manifest.fields:
        if vocab := f.get("constraints", {}).get("enum"):
            assert set(df[f["name"]].dropna()) <= set(vocab), (name, f["name"], set(df[f["name"]]) - set(vocab))
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


def test_a_copy_is_graded_as_the_page_cited_and_names_what_it_copies():
    sources = load_table("sources")
    says_copy = sources["publisher"].str.contains(r"\b(?:copy|mirror|reproduces)\b", case=False)
    copies = sources[says_copy | sources["copy_of"].notna()]
    assert len(copies) >= 10
    # a third-party copy of a filing or rule text is not the filing: never graded primary
    assert (copies["grade"] != "primary").all(), copies.loc[copies["grade"] == "primary", "source_id"].tolist()
    assert copies["copy_of"].notna().all(), copies.loc[copies["copy_of"].isna(), "source_id"].tolist()
    # where the original was found, it is a different address from the copy
    found = sources.dropna(subset=["original_url"])
    assert (found["original_url"] != found["url"]).all()


def test_a_value_of_the_wrong_type_is_a_clear_error(tmp_path):
    meta = read_manifest("windows").meta
    (tmp_path / "windows.manifest.json").write_text(json.dumps(meta))
    for copied in ("windows.csv", "sources.csv", "sources.manifest.json"):  # windows cite sources
        (tmp_path / copied).write_bytes((DATA_DIR / copied).read_bytes())
    load_table("windows", tmp_path)  # the copy loads
    meta["schema"]["fields"][2]["type"] = "integer"  # 'start' holds dates, not integers
    import hashlib

    meta["sha256"] = hashlib.sha256((tmp_path / "windows.csv").read_bytes()).hexdigest()
    (tmp_path / "windows.manifest.json").write_text(json.dumps(meta))
    with pytest.raises(DatasetError, match="windows.csv: does not match the schema.*'start' holds whole numbers"):
        load_table("windows", tmp_path)


def test_missing_data_file_is_named(tmp_path):
    from helpers.data.datasets import refresh_checksums

    (tmp_path / "ghost.manifest.json").write_text(json.dumps({"path": "ghost.csv"}))
    with pytest.raises(DatasetError, match="ghost.csv: listed in ghost.manifest.json but missing"):
        refresh_checksums(tmp_path)


def _copy_with(tmp_path, name: str, edit) -> None:
    """A copy of data/ where ``edit(df)`` changed table ``name`` (checksums refreshed: only the schema can object)."""
    import shutil

    import pandas as pd

    from helpers.data.datasets import refresh_checksums

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    df = pd.read_csv(data / f"{name}.csv", dtype=str, keep_default_na=False)
    df = edit(df)
    df.to_csv(data / f"{name}.csv", index=False, lineterminator="\n")
    refresh_checksums(data)
    return data


def _set(column, value, row=0):
    def edit(df):
        df.loc[row, column] = value
        return df
    return edit


BAD_DATA = {
    "impossible date": ("events", _set("date", "2025-13-45"), r"events.csv: .*'date' holds real dates.*row.* 2"),
    "date precision disagrees": ("events", _set("date", "2022-10"), r"'date' disagrees with 'date_precision' in rows 2"),
    "huge number": ("money", _set("value", "1e308"), r"money.csv: .*'value': 1e308 .* outside the maximum"),
    "infinite number": ("money", _set("value", "inf"), r"'value' holds finite numbers"),
    "negative amount": ("money", _set("value", "-5"), r"'value': -5 .* outside the minimum 0"),
    "unknown vocabulary value": ("events", _set("topic", "gossip"), r"'topic': 'gossip' .* is not one of"),
    "duplicate primary key": ("events", _set("event_id", "e002"), r"'event_id' must be unique; 'e002' repeats in rows 2, 3"),
    "header only": ("windows", lambda df: df.iloc[0:0], r"windows.csv: .*has a header but no rows"),
    "unknown source": ("tariffs", _set("source_id", "nobody-said-so"), r"'source_id': 'nobody-said-so' .* is not a source_id of sources.csv"),
    "script URL": ("sources", _set("url", "javascript:alert(1)"), r"'url': 'javascript:alert\(1\)' .* does not match"),
    "integer overflow": ("claims", _set("sentence_id", "99999999999999999999999"), r"claims.csv: .*'sentence_id' holds whole numbers"),
    "missing required value": ("rules", _set("threshold", ""), r"rules.csv: .*'threshold' is empty in rows 2"),
}


@pytest.mark.parametrize("case", BAD_DATA)
def test_data_that_breaks_its_schema_is_refused_by_name(tmp_path, case):
    name, edit, message = BAD_DATA[case]
    data = _copy_with(tmp_path, name, edit)
    with pytest.raises(DatasetError, match=message):
        load_table(name, data)


def test_the_project_data_passes_every_check():
    for name in MANIFESTS:
        if read_manifest(name).path.suffix == ".csv":
            load_table(name)


@pytest.mark.parametrize("case,manifest_text,message", [
    ("malformed JSON", "{not json", r"claims.manifest.json: not a readable JSON manifest"),
    ("path outside data", json.dumps({"path": "../README.md"}), r"claims.manifest.json: path '../README.md' must be a file name inside"),
    ("absolute path", json.dumps({"path": "/etc/passwd"}), r"claims.manifest.json: path '/etc/passwd' must be a file name inside"),
    ("unknown field type", json.dumps({"path": "claims.csv", "schema": {"fields": [{"name": "x", "type": "money"}]}}),
     r"claims.manifest.json: field 'x' has unknown type 'money'"),
])
def test_bad_manifests_are_named(tmp_path, case, manifest_text, message):
    (tmp_path / "claims.csv").write_bytes((DATA_DIR / "claims.csv").read_bytes())
    (tmp_path / "claims.manifest.json").write_text(manifest_text)
    with pytest.raises(DatasetError, match=message):
        load_table("claims", tmp_path)


def test_every_source_is_cited_by_a_row_or_named_in_a_note():
    import re

    cited, text = set(), ""
    for name in MANIFESTS:
        manifest = read_manifest(name)
        if manifest.path.suffix != ".csv" or name == "sources":
            continue
        df = load_table(name)
        if "source_id" in df.columns:
            cited |= {s for v in df["source_id"].dropna() for s in re.split(r";\s*", v)}
        text += df.to_csv()
    sources = load_table("sources")
    notes = " ".join(sources["note"].fillna(""))
    uncited = [s for s in sources["source_id"] if s not in cited and s not in text and s not in notes]
    assert not uncited, f"sources nothing cites (cite them or drop them): {uncited}"


def test_every_id_named_in_any_field_resolves():
    """An id cited in a note or a text field ("see cov-2026-01-h200-rule") must exist, like a foreign key.

    Found by the second fact audit: two notes named sources that do not exist. An id here is a
    lower-case token with at least two hyphens and a year (sources, documents, events and rules all
    carry one); hyphenated words such as "case-by-case" have no year and are left alone.
    """
    import csv
    import re

    known: set[str] = set()
    for name, key in (("sources", "source_id"), ("documents", "doc_id"), ("events", "event_id"),
                      ("rules", "rule_id"), ("arguments", "argument_id"), ("outcomes", "question_id"),
                      ("further_reading_fr", "reading_id")):
        with open(DATA_DIR / f"{name}.csv", encoding="utf-8") as f:
            rows = list(csv.DictReader(f))
        assert key in rows[0], (name, key)
        known |= {r[key] for r in rows}
    token = re.compile(r"(?<![\w/.:-])([a-z][a-z0-9]*(?:-[a-z0-9]+){2,})(?![\w/-])")
    unknown = []
    for path in sorted(DATA_DIR.glob("*.csv")):
        with open(path, encoding="utf-8") as f:
            for n, row in enumerate(csv.DictReader(f), start=2):
                for col, value in row.items():
                    if col in ("url", "original_url") or not value:
                        continue
                    for m in token.finditer(value):
                        if re.search(r"-(19|20)[0-9]{2}(-|$)", m[1]) and m[1] not in known:
                            unknown.append(f"{path.name} row {n} {col}: {m[1]}")
    assert not unknown


def test_every_throughput_spec_says_whether_it_is_dense_or_sparse():
    """Second fact audit: a sparse peak read as dense doubled a chip's FP16; each row now says which it is."""
    chips = load_table("chips")
    throughput = chips["metric"].str.contains(r"_(?:tflops|tops)$")
    assert (chips.loc[throughput, "throughput_basis"] != "not_throughput").all()
    assert (chips.loc[~throughput, "throughput_basis"] == "not_throughput").all()
    halved = chips[chips["throughput_basis"] == "halved_sparse"]
    assert halved["note"].str.contains("halved").all()  # the note says what was halved and why
