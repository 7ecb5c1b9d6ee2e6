"""JupyterLab (make lab): with the network blocked, the stored charts show on first open."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from browser import open_offline

from helpers.data.paths import NOTEBOOKS_DIR, ROOT, notebook_paths

pytestmark = pytest.mark.slow  # builds a site or drives a browser: `make test-fast` skips it

BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    home = tmp_path_factory.mktemp("jupyter")
    env = {**os.environ, "JUPYTER_DATA_DIR": str(home / "data"), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
           "JUPYTER_CONFIG_DIR": str(home / "config")}
    # what `make lab` does first: trust the project's own stored outputs
    trust = subprocess.run([sys.executable, "-m", "helpers", "trust", *map(str, notebook_paths())],
                           env=env, capture_output=True, text=True)
    assert trust.returncode == 0, trust.stderr
    # and installs the repo's JupyterLab settings (no news prompt, no update check)
    settings = BIN.parent / "share" / "jupyter" / "lab" / "settings"
    settings.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "jupyter" / "overrides.json", settings / "overrides.json")
    port = _free_port()
    server = subprocess.Popen(
        [str(BIN / "jupyter"), "lab", "--no-browser", f"--port={port}", "--ServerApp.token=", "--ServerApp.password=",
         f"--ServerApp.root_dir={ROOT}", "--allow-root", "--LabApp.news_url=None"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.5)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    try:
        server.wait(timeout=20)
    except subprocess.TimeoutExpired:  # a busy machine can keep Jupyter shutting down; do not leave it behind
        server.kill()
        server.wait(timeout=20)


@pytest.mark.browser
def test_charts_show_on_first_open_offline(lab, browser):
    path = NOTEBOOKS_DIR / "02_h20_controversy.ipynb"
    nb = nbformat.read(path, as_version=4)
    charts = sum("h20-figure" in "".join(o.get("data", {}).get("text/html", ""))
                 for c in nb.cells for o in c.get("outputs", []))
    assert charts >= 4
    context = browser.new_context(viewport={"width": 1300, "height": 1000})
    # only the local JupyterLab server is reachable
    page, _ = open_offline(context, f"{lab}/lab/tree/notebooks/{path.name}", allowed=(lab, "data:", "blob:"))
    page.wait_for_function(f"document.querySelectorAll('.jp-OutputArea-output .h20-chart svg.marks').length >= {charts}",
                           timeout=30_000)
    context.close()  # outside requests (if JupyterLab made any) were refused, and the charts rendered anyway


def test_the_news_prompt_is_off_by_the_repos_settings(lab):
    """Issue 22: JupyterLab asks no question about news on first open (jupyter/overrides.json)."""
    import json
    import urllib.request

    with urllib.request.urlopen(f"{lab}/lab/api/settings/@jupyterlab/apputils-extension:notification") as r:
        schema = json.loads(r.read())["schema"]["properties"]  # overrides become the schema's defaults
    assert schema["fetchNews"]["default"] == "false" and schema["checkForUpdates"]["default"] is False


def test_make_lab_edition_fr_opens_the_french_notebooks_in_a_french_lab():
    """Issue 23: `make lab EDITION=fr`: notebooks/fr/ with JupyterLab's menus in French (the language pack is locked)."""
    import json

    from jupyterlab_server.translation_utils import get_language_packs

    packs, _ = get_language_packs("en")
    assert "fr_FR" in packs
    settings = json.loads((ROOT / "jupyter" / "overrides-fr.json").read_text(encoding="utf-8"))
    assert settings["@jupyterlab/translation-extension:plugin"]["locale"] == "fr_FR"
    english = json.loads((ROOT / "jupyter" / "overrides.json").read_text(encoding="utf-8"))
    assert all(settings[k] == v for k, v in english.items())  # the same quiet start
    plan = subprocess.run(["make", "-n", "lab", "EDITION=fr"], cwd=ROOT, capture_output=True, text=True, check=True)
    assert "overrides-fr.json" in plan.stdout and "lab --LabApp.news_url=None notebooks/fr/" in plan.stdout
