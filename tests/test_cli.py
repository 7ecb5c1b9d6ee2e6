"""The command line: good output, and bad input that exits 2 leaving the output folder untouched."""

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from helpers.cli import main
from helpers.data.files import LEDGER
from helpers.data.paths import DATA_DIR, SEED_ARTICLE
from helpers.text.article import MAX_ARTICLE_BYTES


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` with its bytes: what "left exactly as it was" compares."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_seed_writes_every_table(tmp_path):
    out = tmp_path / "out"
    assert main(["tables", str(SEED_ARTICLE), "--out", str(out)]) == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([LEDGER] + [f"{n}.csv" for n in [
        "sentences", "entities", "mentions", "figures", "time_expressions", "attributions", "hedges", "claims"]])
    figures = pd.read_csv(out / "figures.csv")
    assert figures["value"].tolist() == [15, 90, 100]
    assert list(tmp_path.iterdir()) == [out]  # no staging folders left behind


def test_rerun_replaces_our_files_and_keeps_everything_else(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("the user's own notes")
    (out / "stale.csv").write_text("x")
    assert main(["tables", str(SEED_ARTICLE), "--out", str(out)]) == 0
    first = (out / "sentences.csv").read_bytes()
    assert main(["tables", str(SEED_ARTICLE), "--out", str(out)]) == 0
    assert (out / "sentences.csv").read_bytes() == first
    assert (out / "notes.txt").read_text() == "the user's own notes"
    assert (out / "stale.csv").read_text() == "x"
    assert not [p for p in out.iterdir() if p.name.startswith(".h20-stage")]


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
    # a folder is the corpus mode; one with no *.txt is named as such
    assert main(["tables", str(tmp_path), "--out", str(tmp_path / "o")]) == 2
    assert "no article files (*.txt) found" in capsys.readouterr().err
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


def test_never_overwrites_a_file_it_did_not_write(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    (out / "sentences.csv").write_text("the user's own table")
    before = snapshot(out)
    assert main(["tables", str(SEED_ARTICLE), "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"error: {out / 'sentences.csv'}: exists and was not written by this tool") and "\n" not in err
    assert snapshot(out) == before


def test_a_file_edited_since_we_wrote_it_is_kept(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["tables", str(SEED_ARTICLE), "--out", str(out)]) == 0
    (out / "figures.csv").write_text("edited by hand")
    before = snapshot(out)
    assert main(["tables", str(SEED_ARTICLE), "--out", str(out)]) == 2
    assert "figures.csv: exists and was not written by this tool (or was edited since)" in capsys.readouterr().err
    assert snapshot(out) == before


def test_out_is_the_articles_own_folder(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    article = folder / "article.txt"
    shutil.copy(SEED_ARTICLE, article)
    (folder / "thesis.docx").write_bytes(b"a user's other file")
    before = snapshot(folder)
    assert main(["tables", str(article), "--out", str(folder)]) == 0
    after = snapshot(folder)
    assert {k: v for k, v in after.items() if k in before} == before  # nothing of the user's changed
    assert "sentences.csv" in after


def test_out_data_inside_the_project_is_refused_and_untouched(tmp_path, capsys):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)  # the project's data/ as it is: claims.csv is the project's, not ours
    before = snapshot(data)
    assert main(["tables", str(SEED_ARTICLE), "--out", str(data)]) == 2
    assert "claims.csv: exists and was not written by this tool" in capsys.readouterr().err
    assert snapshot(data) == before


@pytest.mark.parametrize("out", [".", ".."])
def test_out_dot_and_dotdot(tmp_path, monkeypatch, out):
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    assert main(["tables", str(SEED_ARTICLE), "--out", out]) == 0
    assert ((work / out).resolve() / "sentences.csv").exists()


def test_failure_midway_leaves_out_exactly_as_it_was(tmp_path, monkeypatch, capsys):
    import helpers.data.files as fsutil

    out = tmp_path / "out"
    assert main(["tables", str(SEED_ARTICLE), "--out", str(out)]) == 0
    (out / "notes.txt").write_text("keep")
    before = snapshot(out)
    real_fdopen, calls = os.fdopen, []

    def failing_fdopen(fd, *args, **kwargs):  # the disk fills up while the fourth table is written
        calls.append(fd)
        if len(calls) == 4:
            os.close(fd)
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_fdopen(fd, *args, **kwargs)

    monkeypatch.setattr(fsutil.os, "fdopen", failing_fdopen)
    assert main(["tables", str(SEED_ARTICLE), "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip() == f"error: {out}: no space left on the device"
    assert snapshot(out) == before


def test_new_out_folder_is_not_left_behind_on_failure(tmp_path, monkeypatch):
    import helpers.data.files as fsutil

    def no_write(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fsutil.tempfile, "mkstemp", no_write)
    assert main(["tables", str(SEED_ARTICLE), "--out", str(tmp_path / "new")]) == 2
    assert not (tmp_path / "new").exists()


def test_read_only_output_folder_is_one_line(tmp_path, monkeypatch, capsys):
    import helpers.data.files as fsutil

    def read_only(*args, **kwargs):  # root ignores chmod, so the refusal is simulated where it happens
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(fsutil.tempfile, "mkstemp", read_only)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["tables", str(SEED_ARTICLE), "--out", str(out)]) == 2
    assert capsys.readouterr().err.strip() == f"error: {out}: cannot write here (permission denied or read-only)"


def test_unreadable_article_is_one_line(tmp_path, monkeypatch, capsys):
    import helpers.data.files as files_module  # the article is read by the project's one bounded reader

    real_open = os.open

    def guarded(path, *args, **kwargs):
        if str(path) == str(SEED_ARTICLE):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(files_module.os, "open", guarded)
    assert main(["tables", str(SEED_ARTICLE), "--out", str(tmp_path / "o")]) == 2
    assert capsys.readouterr().err.strip() == f"error: {SEED_ARTICLE}: cannot read: permission denied"


def test_fifo_and_devices_are_refused_without_reading(tmp_path, capsys):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would block forever
    for path in (fifo, Path("/dev/zero")):  # /dev/zero reports size 0 and never ends
        assert main(["tables", str(path), "--out", str(tmp_path / "o")]) == 2
        assert capsys.readouterr().err.strip() == f"error: {path}: is not a regular file (a device, pipe or socket), expected a text file"


def test_size_limit_is_read_not_trusted(tmp_path, capsys):
    big = tmp_path / "big.txt"
    big.write_bytes(b"date 2025-01-01 " + b"a" * MAX_ARTICLE_BYTES)
    assert main(["tables", str(big), "--out", str(tmp_path / "o")]) == 2
    assert f"is over the {MAX_ARTICLE_BYTES}-byte limit" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["two\nlines.txt", "colour\x1b[31mred.txt", "tab\there.txt"])
def test_hostile_file_names_are_printed_escaped(tmp_path, capsys, name):
    assert main(["tables", str(tmp_path / name), "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "\t" not in err.rstrip("\n")
    assert "no such file" in err


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01"])
def test_relative_dates_at_the_calendars_ends(tmp_path, date):
    article = tmp_path / "edge.txt"
    article.write_text(f"date {date}\nIl viendra demain, et il était là hier, l'an dernier comme l'an prochain.",
                       encoding="utf-8")
    assert main(["tables", str(article), "--out", str(tmp_path / "o")]) == 0
    values = pd.read_csv(tmp_path / "o" / "time_expressions.csv", dtype=str)["value"].tolist()
    assert all(len(v) == 4 or len(v) == 10 for v in values)  # only dates that exist: no year 0 or 10000


def test_formula_like_text_is_written_safely(tmp_path):
    from helpers.text.tables import read_csv_table

    article = tmp_path / "formula.txt"
    article.write_text("date 2025-08-12\n=HYPERLINK(\"http://example.invalid\") est un titre.\n\n"
                       "+33 est un indicatif.\n\n@Nvidia a répondu.", encoding="utf-8")
    assert main(["tables", str(article), "--out", str(tmp_path / "o")]) == 0
    raw = pd.read_csv(tmp_path / "o" / "sentences.csv", dtype=str)["text"].tolist()
    assert all(not t.startswith(("=", "+", "-", "@")) for t in raw)
    assert raw[0].startswith("'=HYPERLINK")
    back = read_csv_table(tmp_path / "o" / "sentences.csv")
    assert back["text"].iloc[0].startswith("=HYPERLINK")


def test_a_crlf_or_bom_copy_of_the_seed_keeps_its_claims(tmp_path):
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    copy = tmp_path / "copy.txt"
    copy.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    assert main(["tables", str(copy), "--out", str(tmp_path / "o")]) == 0
    assert len(pd.read_csv(tmp_path / "o" / "claims.csv")) == 14


def _corpus(folder, n=5):
    folder.mkdir()
    for i in range(n):
        (folder / f"art{i}.txt").write_text(
            f"date 2025-08-{10 + i}\nSelon Reuters, le ministère a annoncé {i + 1} 000 licences dimanche.\n",
            encoding="utf-8")
    return folder


def test_corpus_mode_stacks_the_tables_with_an_article_id(tmp_path, capsys):
    folder = _corpus(tmp_path / "in")
    out = tmp_path / "out"
    assert main(["tables", str(folder), "--out", str(out)]) == 0
    att = pd.read_csv(out / "attributions.csv")
    assert list(att.columns[:2]) == ["article_id", "sentence_id"]
    assert sorted(set(att["article_id"])) == [f"art{i}" for i in range(5)]
    times = pd.read_csv(out / "time_expressions.csv")
    # "dimanche" resolves against each article's own date (10 Aug 2025 is a Sunday)
    assert times.loc[times["article_id"] == "art0", "value"].tolist() == ["2025-08-10"]
    assert "[5/5] art4" in capsys.readouterr().err  # a progress line for more than three articles


def test_corpus_mode_names_every_bad_file_and_writes_nothing(tmp_path, capsys):
    folder = _corpus(tmp_path / "in", n=2)
    (folder / "nodate.txt").write_text("Pas de date.\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["tables", str(folder), str(folder / "art0.txt"), "--out", str(out)]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] for line in err] == ["error"] * 3
    assert any("empty.txt" in line for line in err) and any("nodate.txt" in line for line in err)
    assert any("a second article named 'art0'" in line for line in err)
    assert not out.exists()


@pytest.mark.parametrize("command", [["slides"], ["handouts"]])
def test_pdf_commands_without_chromium_say_so_and_exit_2(command, monkeypatch, capsys):
    monkeypatch.setenv("H20_CHROMIUM", "/nonexistent/chromium")
    assert main(command) == 2
    err = capsys.readouterr().err
    assert "H20_CHROMIUM=/nonexistent/chromium is not an executable" in err and "\n" == err[-1] and err.count("\n") == 1
