"""Script from data must never run in the report: payloads in every free-text field and in the article.

A copy of the project gets the payloads, builds its report and slides (its own ``helpers``, its
own data), and Chromium opens every page offline: no dialog, no script error (a script blocked
by the Content-Security-Policy is logged as one), no ``javascript:`` link. Fields the code joins
on (ids, vocabularies, foreign keys, URLs) keep their values; the schema refuses script in those
(tests/test_data.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from browser import open_offline

from helpers.data.paths import ROOT

pytestmark = pytest.mark.slow  # builds a site or drives a browser: `make test-fast` skips it

PAYLOADS = ["<script>alert('s')</script>", "<img src=x onerror=alert('i')>", "\"><svg onload=alert('v')>",
            "[link](javascript:alert('j'))", "javascript:alert('u')"]
PAYLOAD = " ".join(PAYLOADS)

#: Free-text columns the code reads as labels (not as keys): the payload is appended to each.
#: Everything else in a table is an id, a vocabulary, a key or a URL, which the schema guards.
JOIN_COLUMNS = {"chip_id", "metric", "quantity", "actor", "layer", "band", "parameter", "aliases", "entity_id",
                "claimant", "target", "term_fr", "rule", "name", "period", "question",
                "quote"}  # a verbatim quote, found again in the article


def _free_text_columns(meta: dict) -> list[str]:
    schema = meta["schema"]
    keys = {fk["fields"] for fk in schema.get("foreign_keys", [])}
    keys |= {schema.get("primary_key")} if isinstance(schema.get("primary_key"), str) else set()
    return [f["name"] for f in schema["fields"]
            if f["type"] == "string" and f["name"] not in keys | JOIN_COLUMNS and not f["name"].endswith("_id")
            and not {"enum", "pattern", "unique"} & set(f.get("constraints", {}))]


def _hostile_copy(tmp: Path) -> tuple[Path, list[str]]:
    copy = tmp / "project"
    for part in ("src", "data", "notebooks", "teaching", "translations"):
        shutil.copytree(ROOT / part, copy / part, ignore=shutil.ignore_patterns("__pycache__"))
    for part in ("requirements.txt", "pyproject.toml", "README.md"):
        shutil.copy(ROOT / part, copy / part)
    data = copy / "data"
    touched = []
    for mpath in sorted(data.glob("*.manifest.json")):
        meta = json.loads(mpath.read_text(encoding="utf-8"))
        if not meta["path"].endswith(".csv"):
            continue
        df = pd.read_csv(data / meta["path"], dtype=str, keep_default_na=False)
        for col in _free_text_columns(meta):
            df[col] = df[col] + " " + PAYLOAD
            touched.append(f"{meta['name']}.{col}")
        df.to_csv(data / meta["path"], index=False, lineterminator="\n")
    # the article: the payload goes into its headline (a heading stays one sentence), and the
    # annotations follow the new text so notebook 01 still shows its claims
    article = next(data.glob("article-*.txt"))
    lines = article.read_text(encoding="utf-8").split("\n")
    heading = next(i for i, line in enumerate(lines) if line.strip() and not line.startswith("date "))
    lines[heading] = lines[heading].rstrip() + " <img src=x onerror=alert('a')>"
    article.write_text("\n".join(lines), encoding="utf-8")
    touched.append("article")
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    digest = subprocess.run([sys.executable, "-c", "from helpers.text.article import load_article; import sys; "
                             "print(load_article(sys.argv[1]).sha256)", str(article)],
                            env=env, capture_output=True, text=True, check=True).stdout.strip()
    for name in ("claims", "article_gloss_en"):
        mpath = data / f"{name}.manifest.json"
        meta = json.loads(mpath.read_text(encoding="utf-8"))
        meta["article_sha256"] = digest
        mpath.write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "helpers", "manifests"], env=env, check=True, capture_output=True)
    return copy, touched


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    copy, touched = _hostile_copy(tmp_path_factory.mktemp("hostile"))
    env = {**os.environ, "PYTHONPATH": str(copy / "src")}
    for command in (["build"], ["slides", "--no-pdf"]):
        proc = subprocess.run([sys.executable, "-m", "helpers", *command], cwd=copy, env=env,
                              capture_output=True, text=True, timeout=900)
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return copy / "build", touched


def test_payloads_reach_the_pages_as_text(hostile_site):
    build, touched = hostile_site
    assert len(touched) >= 15  # every table with free text was injected
    pages = "".join(p.read_text(encoding="utf-8") for p in (build / "report").glob("*.html"))
    assert "&lt;img src=x onerror=alert(&#39;a&#39;)&gt;" in pages or "&lt;img src=x onerror=alert('a')&gt;" in pages
    assert "<img src=x onerror" not in pages and "<svg onload" not in pages and "<script>alert" not in pages


@pytest.mark.browser
def test_no_script_from_data_runs_on_any_page(hostile_site, browser):
    build, _ = hostile_site
    pages = sorted((build / "report").glob("*.html")) + [build / "slides" / "index.html"]
    context = browser.new_context()
    problems = {}
    for page_path in pages:
        page, log = open_offline(context, page_path.as_uri())
        page.wait_for_timeout(300)
        links = page.evaluate("""() => Array.from(document.querySelectorAll('[href],[src],[action],[formaction]'))
            .map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || '')
            .filter(u => /^\\s*(javascript|vbscript|data:text\\/html)/i.test(u))""")
        if log.dialogs or log.page_errors or log.console_errors or links:
            problems[page_path.name] = (log.dialogs, log.page_errors, log.console_errors[:3], links)
        page.close()
    context.close()
    assert not problems


@pytest.mark.browser
def test_the_policy_blocks_a_script_that_slips_through(tmp_path, browser):
    """The CSP is the second wall: an inline script the build did not emit does not run."""
    from helpers.publish.security import with_csp

    page_html, blocked = with_csp("<!DOCTYPE html><html><head><title>t</title></head><body>"
                                  "<script>alert('slipped')</script><img src=x onerror=\"alert('h')\">"
                                  "<a id=j href=\"javascript:alert('j')\">j</a></body></html>")
    assert blocked == 1
    path = tmp_path / "page.html"
    path.write_text(page_html, encoding="utf-8")
    context = browser.new_context()
    page, log = open_offline(context, path.as_uri())
    page.click("#j")
    page.wait_for_timeout(300)
    context.close()
    assert not log.dialogs
    assert any("Content Security Policy" in e for e in log.console_errors)


def test_only_exact_chart_scripts_are_allowed():
    from helpers.views.theme import chart_script, is_chart_script

    good = chart_script("h20-chart-1-0123456789", json.dumps({"mark": "bar"}))
    assert is_chart_script(good)
    assert not is_chart_script(good.replace('"bar"}', '"bar"}; alert(1)'))
    assert not is_chart_script(good + "alert(1)")
    assert not is_chart_script("alert(1)")
