"""A contribution is untrusted: what a pull request can plant in a notebook, data/ or build/ must not run or leak.

Each case was found by a security review of the project; every test here failed on the main branch
before this file was written (a script ran, a link was followed, a folder was deleted, a pickle was
loaded, a read hung, or a traceback came out instead of one line and exit 2).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import nbformat
import pytest

from helpers.data.files import InputError, OutputError, read_regular, write_file
from helpers.data.paths import NOTEBOOKS_DIR, ROOT
from helpers.publish.audit import (
    UnsafeOutput,
    check_notebook,
    check_page,
    html_problem,
    notebook_problems,
    trust_notebooks,
)
from helpers.views.theme import chart_script

EVIL = [
    '<script src="../../notebooks/evil.js"></script>',
    '<script src="file:///tmp/evil.js"></script>',
    "<SCRIPT SRC=evil.js></SCRIPT>",
    "<script>alert(1)</script>",
    '<script type="text/javascript">alert(1)</script>',
    "<script/src=evil.js></script>",
    "<svg><script href=evil.js></script></svg>",
    '<img src=x onerror="alert(1)">',
    '<meta http-equiv="refresh" content="0;url=https://example.com">',
    '<iframe src="evil.html"></iframe>',
    '<object data="evil.html"></object>',
    '<embed src="evil.swf">',
    '<base href="https://example.com/">',
    '<link rel="import" href="evil.html">',
    '<form action="https://example.com"><button>go</button></form>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href=" jav&#x09;ascript:alert(1)">x</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
]


@pytest.mark.parametrize("html", EVIL)
def test_the_audit_refuses_what_can_run_load_or_navigate(html):
    assert html_problem(html)


def test_the_audit_keeps_what_the_build_writes():
    script = chart_script("h20-chart-1-0123456789", json.dumps({"mark": "bar"}))
    figure = (f'<figure class="h20-figure"><div id="h20-chart-1-0123456789"><svg><g><path d="M0 0"/></g></svg>'
              f'</div></figure>\n<script type="text/javascript">{script}</script>')
    assert html_problem(figure) is None
    assert html_problem('<table class="h20-table"><tr><td>3 &lt; 4</td></tr></table><style>td{color:red}</style>') is None
    assert html_problem('<a href="https://www.nvidia.com/">Nvidia</a>') is None
    assert html_problem(figure.replace('"bar"}', '"bar"}; alert(1)')) is not None  # not the renderer's exact text


def _with_output(nb, html: str, tag: str | None = None):
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    cell = next(c for c in nb.cells if c.cell_type == "code" and c.get("outputs"))
    cell.outputs.append(nbformat.v4.new_output("display_data", data={"text/html": html, "text/plain": "x"}))
    if tag:
        cell.metadata.setdefault("tags", []).append(tag)
    return nb, nb.cells.index(cell) + 1


@pytest.mark.parametrize("tag", [None, "nbval-ignore-output"])
def test_every_committed_notebook_passes_and_a_planted_script_is_named_by_cell(tag):
    for path in sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        assert notebook_problems(nb) == [], path.name
    nb = nbformat.read(NOTEBOOKS_DIR / "02_h20_controversy.ipynb", as_version=4)
    bad, number = _with_output(nb, '<script src="../../notebooks/evil.js"></script>', tag)
    with pytest.raises(UnsafeOutput, match=rf"02_h20_controversy.ipynb, cell {number} \(id [^)]+\): an output"):
        check_notebook(bad, NOTEBOOKS_DIR / "02_h20_controversy.ipynb")


def test_markdown_and_javascript_outputs_are_checked_too():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("Read [this](javascript:alert(1))."),
                nbformat.v4.new_markdown_cell('Fine <script src="/tmp/x.js"></script>'),
                nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output(
                    "display_data", data={"application/javascript": "alert(1)"})])]
    assert [n for n, _, _ in notebook_problems(nb)] == [1, 2, 3]


def test_a_finished_page_may_load_only_the_sites_own_scripts():
    check_page('<html><head><meta charset="utf-8"><link rel="stylesheet" href="assets/site.css">'
               '<script src="assets/vega-bundle.js"></script></head><body></body></html>', "ok.html")
    for bad in ('<script src="assets/../../evil.js"></script>', '<script src="notebooks/00_primer.ipynb"></script>',
                '<meta http-equiv="refresh" content="0;url=x">', '<link rel="stylesheet" href="file:///x.css">'):
        with pytest.raises(UnsafeOutput, match="page.html"):
            check_page(f"<html><head>{bad}</head></html>", "page.html")


def _project_copy(tmp: Path) -> Path:
    copy = tmp / "project"
    for part in ("src", "data", "notebooks", "teaching", "translations"):
        shutil.copytree(ROOT / part, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
    for part in ("requirements.txt", "requirements-test.txt", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / part, copy / part)
    return copy


def _run(copy: Path, *args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), "JUPYTER_DATA_DIR": str(copy / ".jupyter")}
    return subprocess.run([sys.executable, "-m", "helpers", *args], cwd=copy, env=env, capture_output=True,
                          text=True, timeout=timeout)


@pytest.mark.slow
def test_the_hostile_pull_request_fails_the_build_and_is_never_trusted(tmp_path):
    """Only a stored output changed (the freeze stays fresh) and a .js file was added: the build refuses."""
    copy = _project_copy(tmp_path)
    (copy / "notebooks" / "evil.js").write_text("document.title = 'owned';\n")
    path = copy / "notebooks" / "02_h20_controversy.ipynb"
    nb, number = _with_output(nbformat.read(path, as_version=4), '<script src="../../notebooks/evil.js"></script>')
    nbformat.write(nb, path)
    report = _run(copy, "build")
    assert report.returncode == 2, report.stdout[-800:] + report.stderr[-800:]
    lines = report.stderr.strip().splitlines()
    assert len(lines) == 1 and f"cell {number}" in lines[0] and "02_h20_controversy.ipynb" in lines[0], lines
    assert not (copy / "build" / "report").exists()
    slides = _run(copy, "slides", "--no-pdf")
    assert slides.returncode == 2 and "02_h20_controversy.ipynb" in slides.stderr
    assert not (copy / "build" / "slides").exists()
    trust = _run(copy, "trust", str(path), str(copy / "notebooks" / "00_primer.ipynb"))
    assert trust.returncode == 2 and "not trusted" in trust.stderr and "trusted 1 notebook" in trust.stdout
    from nbformat.sign import NotebookNotary

    notary = NotebookNotary(data_dir=str(copy / ".jupyter"))
    assert not notary.check_signature(nbformat.read(path, as_version=4))
    assert notary.check_signature(nbformat.read(copy / "notebooks" / "00_primer.ipynb", as_version=4))


def test_a_script_added_after_signing_is_not_trusted(tmp_path):
    from nbformat.sign import NotebookNotary

    notary = NotebookNotary(data_dir=str(tmp_path))
    path = tmp_path / "01.ipynb"
    shutil.copy(NOTEBOOKS_DIR / "00_primer.ipynb", path)
    signed, refused = trust_notebooks([path], notary)
    assert signed == [path] and not refused
    nb, _ = _with_output(nbformat.read(path, as_version=4), "<script>fetch('/api/contents')</script>")
    nbformat.write(nb, path)
    assert not notary.check_signature(nbformat.read(path, as_version=4))
    signed, refused = trust_notebooks([path], notary)
    assert not signed and refused and not notary.check_signature(nbformat.read(path, as_version=4))


# --- writes never follow a link -------------------------------------------------------------------------------

def test_write_file_never_writes_through_a_link(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    link = tmp_path / "build" / "teacher-guide.md"
    link.parent.mkdir()
    link.symlink_to(victim)
    with pytest.raises(OutputError, match="symbolic link"):
        write_file(link, "overwritten", base=tmp_path / "build")
    real_dir = tmp_path / "elsewhere"
    real_dir.mkdir()
    (tmp_path / "build" / "cache").symlink_to(real_dir, target_is_directory=True)
    with pytest.raises(OutputError, match="symbolic link"):
        write_file(tmp_path / "build" / "cache" / "site-report.stamp", "x", base=tmp_path / "build")
    assert victim.read_text() == "keep" and not list(real_dir.iterdir())


@pytest.mark.slow
def test_student_and_build_refuse_links_planted_in_build(tmp_path):
    copy = _project_copy(tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (copy / "build").mkdir()
    (copy / "build" / "teacher-guide.md").symlink_to(victim)
    proc = _run(copy, "student")
    assert proc.returncode == 2 and "symbolic link" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    (copy / "build" / "teacher-guide.md").unlink()
    (copy / "build" / "cache").mkdir(exist_ok=True)  # the guide's article slides may have cached the parse
    (copy / "build" / "cache" / "site-report.stamp").symlink_to(victim)
    proc = _run(copy, "build")
    assert proc.returncode == 2 and "symbolic link" in proc.stderr, proc.stderr
    assert victim.read_text() == "keep"


@pytest.mark.slow
def test_executing_in_place_replaces_a_planted_temporary_link_never_follows_it(tmp_path):
    from helpers.publish.execute import execute

    path = tmp_path / "00_tiny.ipynb"
    nbformat.write(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(1 + 1)")]), path)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep")
    (tmp_path / ".00_tiny.ipynb.tmp").symlink_to(victim)  # the old fixed temporary name
    execute(path)
    assert victim.read_text() == "keep" and path.is_file() and not path.is_symlink()
    assert "2" in "".join(nbformat.read(path, as_version=4).cells[0].outputs[0]["text"])
    path.unlink()
    path.symlink_to(victim)
    with pytest.raises(Exception, match="symbolic link"):
        execute(path)
    assert victim.read_text() == "keep"


# --- the cache holds data, never code --------------------------------------------------------------------------

def test_the_seed_cache_is_data_and_a_planted_file_is_parsed_again(tmp_path, monkeypatch):
    from helpers.text import seed

    source = (ROOT / "src" / "helpers" / "text" / "seed.py").read_text()
    assert "import pickle" not in source and "pickle.load" not in source
    tables = seed.seed_tables()
    text = seed.dump_tables(tables)
    again = seed.load_tables(text)
    assert again is not None and again.row_counts() == tables.row_counts()
    outer = json.loads(text)
    body = json.loads(outer["tables"])
    body["figures"]["data"][5][0] = 999.0  # a forged value without a new digest
    assert seed.load_tables(json.dumps({**outer, "tables": json.dumps(body)})) is None
    body["figures"]["dtypes"][5] = "object"  # an unknown dtype with a digest that matches
    forged = json.dumps(body)
    import hashlib

    assert seed.load_tables(json.dumps({"sha256": hashlib.sha256(forged.encode()).hexdigest(), "tables": forged})) is None
    # a pickle planted where the old cache lived, and garbage where the new one lives: parsed again, nothing runs
    monkeypatch.setattr(seed, "CACHE", tmp_path)
    marker = tmp_path / "ran"
    import pickle

    class Boom:
        def __reduce__(self):
            return (Path.write_text, (marker, "code ran"))

    key = seed._key(seed.seed_article())
    (tmp_path / f"tables-{key}.pickle").write_bytes(pickle.dumps(Boom()))
    (tmp_path / f"tables-{key}.json").write_bytes(pickle.dumps(Boom()))
    seed.seed_tables.cache_clear()
    try:
        assert seed.seed_tables().row_counts() == tables.row_counts()
    finally:
        seed.seed_tables.cache_clear()
    assert not marker.exists()


def test_the_seed_cache_is_parsed_again_when_the_list_of_places_changes(tmp_path, monkeypatch):
    """The list of places decides entities' labels: cached tables made with another list are stale."""
    from helpers.text import seed

    article = seed.seed_article()
    before = seed._key(article)
    places = next(p for p in seed._DATA_READ if p.name == "places.csv")
    edited = tmp_path / "places.csv"
    edited.write_bytes(places.read_bytes() + b"Zzyzx,town,US,1,,False\n")
    monkeypatch.setattr(seed, "_DATA_READ", tuple(edited if p == places else p for p in seed._DATA_READ))
    assert seed._key(article) != before


def test_a_planted_vega_bundle_never_ships(tmp_path, monkeypatch):
    import vl_convert as vlc
    from importlib.metadata import version

    from helpers.publish import pages
    from helpers.views.theme import VL_VERSION

    monkeypatch.setattr(pages, "BUILD_DIR", tmp_path)
    planted = tmp_path / "cache" / f"vega-bundle-{version('vl-convert-python')}-{VL_VERSION}.js"
    planted.parent.mkdir()
    planted.write_text("alert('planted');\n")
    text = pages._vega_bundle(VL_VERSION, vlc)
    import hashlib

    assert hashlib.sha256(text.encode()).hexdigest() == pages.VEGA_BUNDLE_SHA256[(version("vl-convert-python"), VL_VERSION)]
    assert planted.read_text() == text  # replaced by the real bundle


# --- reads are bounded and regular-only ------------------------------------------------------------------------

def _within(seconds: float, fn) -> object:
    result: dict[str, object] = {}

    def run() -> None:
        try:
            result["value"] = fn()
        except BaseException as exc:  # noqa: BLE001
            result["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), f"still reading after {seconds} s"
    return result.get("error", result.get("value"))


def test_fifos_devices_and_links_are_refused_at_once(tmp_path):
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    dev = tmp_path / "zero"
    dev.symlink_to("/dev/zero")
    for path, problem in ((fifo, "not a regular file"), (dev, "symbolic link"), (Path("/dev/zero"), "not a regular file")):
        err = _within(5, lambda p=path: read_regular(p))
        assert isinstance(err, InputError) and problem in str(err), err


def test_a_fifo_manifest_notebook_or_ledger_is_one_line_not_a_hang(tmp_path):
    from helpers.data.datasets import DatasetError, read_manifest
    from helpers.publish.catalogue import NotebookError, read
    from helpers.text.export import write_tables

    os.mkfifo(tmp_path / "events.manifest.json")
    err = _within(5, lambda: read_manifest("events", tmp_path))
    assert isinstance(err, DatasetError) and "events.manifest.json" in str(err)
    os.mkfifo(tmp_path / "00_x.ipynb")
    err = _within(5, lambda: read(tmp_path / "00_x.ipynb"))
    assert isinstance(err, NotebookError) and "00_x.ipynb" in str(err)
    out = tmp_path / "out"
    out.mkdir()
    os.mkfifo(out / ".h20-tables.json")
    err = _within(20, lambda: write_tables(ROOT / "data" / "article-2025-08-12-h20-fr.txt", out, None))
    assert isinstance(err, OutputError) and ".h20-tables.json" in str(err)


def test_a_backtracking_pattern_is_stopped_and_named():
    import pandas as pd

    from helpers.data.schema import SchemaError, validate

    schema = {"fields": [{"name": "code", "type": "string", "constraints": {"pattern": "(a|aa)+b"}}]}
    raw = pd.DataFrame({"code": ["a" * 40 + "c"] * 3})
    started = time.monotonic()
    with pytest.raises(SchemaError, match="catastrophic backtracking"):
        validate(raw, schema)
    assert time.monotonic() - started < 10


@pytest.mark.parametrize("value", ["٢٠٢٥-٠٤-٠١", "２０２５-０４-０１", "2025-0٤-01", "２０２５"])
def test_dates_take_ascii_digits_only(value):
    import pandas as pd

    from helpers.data.schema import SchemaError, date_precision, validate

    assert date_precision(value) is None
    with pytest.raises(SchemaError, match="real dates"):
        validate(pd.DataFrame({"d": [value]}), {"fields": [{"name": "d", "type": "date"}]})
    with pytest.raises(SchemaError):
        validate(pd.DataFrame({"n": ["１２"]}), {"fields": [{"name": "n", "type": "number"}]})


# --- malformed manifests: one sentence naming the file, never Python's own error -------------------------------

def _field(name, type_="string", **more):
    return {"name": name, "type": type_, **more}


MALFORMED = {
    "enum given as a string": {"fields": [_field("a", constraints={"enum": "x"})]},
    "unclosed pattern": {"fields": [_field("a", constraints={"pattern": "(ab"})]},
    "string minimum": {"fields": [_field("a", "number", constraints={"minimum": "5"})]},
    "missing precision field": {"fields": [_field("a", "date", precision_field="nope")]},
    "numeric primary key": {"fields": [_field("a")], "primary_key": 3},
    "constraints as a list": {"fields": [_field("a", constraints=["required"])]},
    "foreign key to a missing column": {"fields": [_field("a")], "foreign_keys": [
        {"fields": "a", "reference": {"resource": "sources", "fields": "no_such_column"}}]},
    "foreign key without a reference": {"fields": [_field("a")], "foreign_keys": [{"fields": "a"}]},
    "fields not a list": {"fields": {"a": "string"}},
}


@pytest.mark.parametrize("kind", sorted(MALFORMED))
def test_a_malformed_manifest_is_one_sentence_naming_it(kind, tmp_path):
    from helpers.data.datasets import DatasetError, load_table

    shutil.copy(ROOT / "data" / "sources.csv", tmp_path / "sources.csv")
    shutil.copy(ROOT / "data" / "sources.manifest.json", tmp_path / "sources.manifest.json")
    (tmp_path / "t.csv").write_text("a\nx\n")
    import hashlib

    meta = {"name": "t", "path": "t.csv", "sha256": hashlib.sha256(b"a\nx\n").hexdigest(), "schema": MALFORMED[kind]}
    (tmp_path / "t.manifest.json").write_text(json.dumps(meta))
    with pytest.raises(DatasetError) as caught:
        load_table("t", tmp_path)
    assert str(caught.value).startswith(str(tmp_path / "t.")) and "\n" not in str(caught.value)


def test_a_foreign_key_cycle_and_a_nul_in_path_are_named(tmp_path):
    import hashlib

    from helpers.data.datasets import DatasetError, load_table

    for name, other in (("a", "b"), ("b", "a")):
        (tmp_path / f"{name}.csv").write_text("k\nx\n")
        meta = {"name": name, "path": f"{name}.csv", "sha256": hashlib.sha256(b"k\nx\n").hexdigest(),
                "schema": {"fields": [_field("k")], "foreign_keys": [
                    {"fields": "k", "reference": {"resource": other, "fields": "k"}}]}}
        (tmp_path / f"{name}.manifest.json").write_text(json.dumps(meta))
    with pytest.raises(DatasetError, match=r"cycle \(a -> b -> a\)"):
        load_table("a", tmp_path)
    (tmp_path / "c.manifest.json").write_text(json.dumps({"name": "c", "path": "c\u0000.csv"}))
    with pytest.raises(DatasetError, match="not a plain file name"):
        load_table("c", tmp_path)


# --- the build paths keep the one-line contract ----------------------------------------------------------------

def _break_notebook(copy: Path) -> str:
    path = copy / "notebooks" / "03_negotiation_window.ipynb"
    text = path.read_text(encoding="utf-8")
    path.write_text("<<<<<<< HEAD\n" + text[:200] + "\n=======\n" + text[200:], encoding="utf-8")
    return "03_negotiation_window.ipynb"


def _data_file_becomes_a_folder(copy: Path) -> str:
    (copy / "data" / "windows.csv").unlink()
    (copy / "data" / "windows.csv").mkdir()
    return "windows.csv"


def _glossary_outside_its_vocabulary(copy: Path) -> str:
    path = copy / "data" / "glossary_fr_en.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace(",yes,", ",peut-être,", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    _run(copy, "manifests")
    return "glossary_fr_en.csv"


def _glossary_edited_without_manifests(copy: Path) -> str:
    path = copy / "data" / "glossary_fr_en.csv"
    path.write_text(path.read_text(encoding="utf-8") + "un terme,a term,no,,,01\n", encoding="utf-8")
    return "glossary_fr_en.csv"


def _bad_plan_row(copy: Path) -> str:
    path = copy / "teaching" / "session_plans.csv"
    path.write_text(path.read_text(encoding="utf-8") + "policy,45,02,1,,ten,Too long a talk\n", encoding="utf-8")
    return "session_plans.csv"


def _overrunning_plan_row(copy: Path) -> str:
    path = copy / "teaching" / "session_plans.csv"
    path.write_text(path.read_text(encoding="utf-8") + "policy,45,02,1,,400,A talk longer than the session\n",
                    encoding="utf-8")
    return "session_plans.csv"


def _cited_event_deleted(copy: Path) -> str:
    import re as _re

    text = (copy / "notebooks" / "00_primer.ipynb").read_text(encoding="utf-8")
    key = _re.search(r"\[\^([a-z0-9_.-]+)\]", text)[1]
    path = copy / "data" / "events.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    kept = [line for line in lines if not line.startswith(key + ",")]
    if len(kept) == len(lines):
        pytest.skip(f"{key} is not an event")
    path.write_text("\n".join(kept), encoding="utf-8")
    _run(copy, "manifests")
    return "events"


@pytest.mark.slow
@pytest.mark.parametrize("command", [("build",), ("student",)])
@pytest.mark.parametrize("spoil", [_break_notebook, _data_file_becomes_a_folder, _glossary_outside_its_vocabulary,
                                   _glossary_edited_without_manifests, _bad_plan_row, _overrunning_plan_row,
                                   _cited_event_deleted],
                         ids=lambda f: f.__name__.strip("_"))
def test_a_spoiled_input_is_one_line_and_exit_2_with_nothing_replaced(tmp_path, spoil, command):
    copy = _project_copy(tmp_path)
    if command == ("student",):
        (copy / "build" / "student").mkdir(parents=True)
        (copy / "build" / "student" / ".h20-build").write_text("made by the H20 notebooks build\n")
        (copy / "build" / "student" / "old.ipynb").write_text("{}")
    named = spoil(copy)
    proc = _run(copy, *command)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1 and named in lines[0], (proc.returncode, proc.stderr[-1500:])
    assert "Traceback" not in proc.stderr
    if command == ("student",):
        assert [p.name for p in (copy / "build" / "student").iterdir()] != [] and \
            (copy / "build" / "student" / "old.ipynb").exists()  # the last copies are kept whole
    else:
        assert not (copy / "build" / "report").exists()


@pytest.mark.slow
def test_a_full_or_read_only_disk_is_one_line(tmp_path):
    """ENOSPC and EROFS, simulated where the build writes, surface as one line naming the place."""
    copy = _project_copy(tmp_path)
    shim = copy / "sitecustomize.py"
    shim.write_text(
        "import errno, os\n"
        "_real = os.replace\n"
        "def _full(src, dst, *a, **k):\n"
        "    if str(dst).endswith('.stamp'):\n"
        "        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))\n"
        "    return _real(src, dst, *a, **k)\n"
        "os.replace = _full\n")
    env = {**os.environ, "PYTHONPATH": f"{copy}:{copy / 'src'}"}
    proc = subprocess.run([sys.executable, "-m", "helpers", "build"], cwd=copy, env=env, capture_output=True,
                          text=True, timeout=600)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2 and len(lines) == 1 and "no space left" in lines[0] and ".stamp" in lines[0], lines


# --- what builds leave behind is bounded ------------------------------------------------------------------------

def test_the_cache_keeps_only_current_executions(tmp_path):
    from helpers.publish.catalogue import discover
    from helpers.publish.runner import executed_path, prune_cache

    infos = discover()
    current = executed_path(tmp_path, infos[0])
    stale = tmp_path / f"{infos[0].name}-{'0' * 16}.ipynb"
    mine = tmp_path / "notes-0000000000000000.ipynb"  # not a notebook of the collection: not ours to delete
    for p in (current, current.with_suffix(".json"), stale, stale.with_suffix(".json"), mine):
        p.write_text("{}")
    removed = prune_cache(infos, tmp_path)
    assert sorted(removed) == sorted([stale, stale.with_suffix(".json")])
    assert current.exists() and current.with_suffix(".json").exists() and mine.exists()


def test_read_logs_and_browser_profiles_of_dead_processes_are_swept(tmp_path, monkeypatch):
    import tempfile

    from helpers.publish import printing, runner

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    log = tmp_path / f"h20-reads-{dead.pid}-abc.txt"
    log.write_text("x")
    live_log = tmp_path / f"h20-reads-{os.getpid()}-abc.txt"
    live_log.write_text("x")
    profile = tmp_path / f"h20-chromium-{dead.pid}-abc"
    profile.mkdir()
    runner._sweep_read_logs()
    printing._sweep_profiles()
    assert not log.exists() and live_log.exists() and not profile.exists()


def test_the_seed_survives_an_extra_final_newline_or_trailing_space(tmp_path):
    from helpers.text.annotations import claims_for
    from helpers.text.article import load_article

    text = (ROOT / "data" / "article-2025-08-12-h20-fr.txt").read_text(encoding="utf-8")
    for variant in (text + "\n", text.rstrip("\n") + " \n", text + "\n\n"):
        path = tmp_path / "seed.txt"
        path.write_text(variant, encoding="utf-8")
        claims = claims_for(load_article(path))
        assert claims is not None and len(claims) > 0


def test_a_fake_browser_that_writes_text_is_not_a_pdf(tmp_path):
    from helpers.publish.printing import PrintError, print_pdf

    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\nfor a in \"$@\"; do case $a in --print-to-pdf=*) echo hello > \"${a#--print-to-pdf=}\";; "
                    "esac; done\n")
    fake.chmod(0o755)
    page = tmp_path / "p.html"
    page.write_text("<html></html>")
    with pytest.raises(PrintError, match="not a PDF"):
        print_pdf(page, tmp_path / "out.pdf", chromium=str(fake))
    assert not (tmp_path / "out.pdf").exists()


def test_names_that_cannot_be_pages_are_refused(tmp_path):
    from helpers.publish.catalogue import NotebookError, discover

    shutil.copy(NOTEBOOKS_DIR / "00_primer.ipynb", tmp_path / '01_a"b.ipynb')
    with pytest.raises(NotebookError, match="NN_slug.ipynb"):
        discover(tmp_path)


def test_bidi_and_control_characters_never_reach_a_site_page():
    from helpers.publish.pages import inline_markdown, render_site_page, shown

    assert shown("Reuters\u202e sretueR\x07") == "Reuters sretueR"
    assert "\u202e" not in str(inline_markdown("a\u202eb"))
    page = render_site_page("sources.html.j2", sources=[{"source_id": "x", "publisher": "Pub\u202elisher", "url": "https://a.b",
                                                        "published": "2025-01-01", "grade": "low", "title": "t",
                                                        "kind": "news", "accessed": "2025-01-01", "note": ""}],
                            documents=[], notebooks=[], commit="c", commit_date="d", guide="g")
    assert "\u202e" not in page and "Publisher" in page


def test_two_writers_into_one_tables_folder_take_turns(tmp_path):
    from helpers.data import files

    out = tmp_path / "out"
    order = []
    with files._folder_lock(out):
        t = threading.Thread(target=lambda: (files.write_owned_files(out, {"a.csv": b"x\n"}), order.append("second")))
        t.start()
        time.sleep(0.5)
        order.append("first")  # the second writer is still waiting for the folder
    t.join(10)
    assert order == ["first", "second"] and (out / "a.csv").read_bytes() == b"x\n"


@pytest.mark.parametrize("jobs", ["-1", "0", "99", "٣", "2.5"])
def test_jobs_out_of_bounds_is_one_line_and_exit_2(jobs, capsys):
    from helpers.cli import main

    with pytest.raises(SystemExit) as caught:
        main(["build", "--jobs", jobs])
    err = capsys.readouterr().err
    assert caught.value.code == 2 and err.startswith("error: ") and err.count("\n") == 1 and "--jobs" in err
