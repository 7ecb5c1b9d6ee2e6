"""The command line: good output, and bad input that exits 2 leaving the output folder untouched."""

import subprocess
import sys

import pandas as pd
import pytest

from helpers.cli import main
from helpers.paths import SEED_ARTICLE


def test_seed_writes_every_table(tmp_path):
    out = tmp_path / "out"
    assert main(["tables", str(SEED_ARTICLE), "--out", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(f"{n}.csv" for n in [
        "sentences", "entities", "mentions", "figures", "time_expressions", "attributions", "claims"])
    figures = pd.read_csv(out / "figures.csv")
    assert figures["value"].tolist() == [15, 90, 100]
    assert list(tmp_path.iterdir()) == [out]  # no staging folders left behind


def test_rewrites_existing_output(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "stale.csv").write_text("x")
    assert main(["tables", str(SEED_ARTICLE), "--out", str(out)]) == 0
    assert not (out / "stale.csv").exists()


BAD = {
    "missing": None,
    "empty": b"",
    "blank": b"\n  \n",
    "binary": b"\x00\x01\x02",
    "latin1": b"date 2025-01-01 caf\xe9",
    "nodate": b"Une phrase.",
    "baddate": b"date 2025-02-30 Une phrase.",
}


@pytest.mark.parametrize("case", BAD)
def test_bad_input_exits_2_and_leaves_out_untouched(tmp_path, capsys, case):
    article = tmp_path / f"{case}.txt"
    if BAD[case] is not None:
        article.write_bytes(BAD[case])
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.csv").write_text("previous result")
    assert main(["tables", str(article), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {article}:") and "\n" not in err
    assert [p.name for p in out.iterdir()] == ["keep.csv"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({article.name, "out"} - ({article.name} if BAD[case] is None else set()))


def test_directory_and_bad_date_option(tmp_path, capsys):
    assert main(["tables", str(tmp_path), "--out", str(tmp_path / "o")]) == 2
    assert "is a directory" in capsys.readouterr().err
    assert main(["tables", str(SEED_ARTICLE), "--out", str(tmp_path / "o"), "--date", "12/08/2025"]) == 2
    assert "--date: invalid date" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_module_entry_point_exit_code(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "helpers", "tables", str(tmp_path / "nope.txt"),
                           "--out", str(tmp_path / "o")], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"error: {tmp_path / 'nope.txt'}: no such file"


def test_markup_article_is_written_as_text(tmp_path):
    article = tmp_path / "markup.txt"
    article.write_text("date 2025-01-01 Le texte <script>alert('x')</script> reste du texte.", encoding="utf-8")
    assert main(["tables", str(article), "--out", str(tmp_path / "o")]) == 0
    text = pd.read_csv(tmp_path / "o" / "sentences.csv")["text"].iloc[0]
    assert "<script>alert('x')</script>" in text
