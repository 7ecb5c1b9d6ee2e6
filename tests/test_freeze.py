"""Frozen outputs: the committed notebooks are fresh, and an edit re-executes exactly the notebooks it touches."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from helpers.data.paths import DATA_DIR, ROOT
from helpers.publish import catalogue
from helpers.publish.catalogue import discover, read
from helpers.publish.runner import plan


def test_every_committed_notebook_is_fresh():
    stale = [i.name for i in discover() if not i.fresh]
    assert not stale, f"outputs older than their inputs: {', '.join(stale)} (run `make notebooks`)"


def test_manifests_used_by_agree_with_what_the_notebooks_read():
    read_by = {i.name: set(read(i.path).metadata["h20"]["data_files"]) for i in discover()}
    for mpath in sorted(DATA_DIR.glob("*.manifest.json")):
        meta = json.loads(mpath.read_text(encoding="utf-8"))
        readers = {name for name, files in read_by.items() if meta["path"] in files}
        assert readers <= set(meta["used_by"]), (meta["path"], readers - set(meta["used_by"]))


@pytest.mark.parametrize("edited", ["windows.csv", "chips.csv", "glossary_fr_en.csv"])
def test_editing_a_data_file_executes_exactly_its_readers(tmp_path, monkeypatch, edited):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    with open(data / edited, "a", encoding="utf-8") as fh:
        fh.write("\n")
    monkeypatch.setattr(catalogue, "DATA_DIR", data)
    infos = discover()
    readers = {i.name for i in infos if edited in read(i.path).metadata["h20"]["data_files"]}
    todo = {info.name for info, source in plan(infos, tmp_path / "cache").items() if source == "execute"}
    assert todo == readers
    assert plan(infos, tmp_path / "cache", force=True) and all(
        s == "execute" for s in plan(infos, tmp_path / "cache", force=True).values())


def test_editing_a_helper_executes_the_notebooks_that_import_it(tmp_path):
    copy = tmp_path / "project"
    for part in ("src", "data", "notebooks"):
        shutil.copytree(ROOT / part, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "requirements.txt", copy / "requirements.txt")
    with open(copy / "src/helpers/models/scenarios.py", "a", encoding="utf-8") as fh:
        fh.write("\n# an edit\n")
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    out = subprocess.run([sys.executable, "-c", "from helpers.publish.catalogue import discover; "
                          "print(' '.join(i.name for i in discover() if not i.fresh))"],
                         env=env, capture_output=True, text=True, check=True).stdout.split()
    assert out == ["04_scenarios"]


def test_a_stale_notebook_is_reported_by_name(tmp_path, capsys, monkeypatch):
    from helpers.publish import runner

    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    with open(data / "windows.csv", "a", encoding="utf-8") as fh:
        fh.write("\n")
    monkeypatch.setattr(catalogue, "DATA_DIR", data)
    infos = [i for i in discover() if i.name == "03_negotiation_window"]
    monkeypatch.setattr(runner, "kernel_pool", lambda jobs: (_ for _ in ()).throw(RuntimeError("no kernels here")))
    with pytest.raises(RuntimeError, match="no kernels here"):
        runner.executed_copies(infos, tmp_path / "cache", 1)
    assert "03_negotiation_window: inputs changed since it was last executed" in capsys.readouterr().out
