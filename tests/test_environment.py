"""A full lock: every package pinned with hashes, runtime and test groups apart, conda in step."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from importlib.metadata import PackageNotFoundError, version

import pytest

from helpers.data.paths import ROOT

#: A pinned line of a lock; an extra a package needs stays with it ("smart-open[http]==9.0.2"), as pip requires.
_PIN = re.compile(r"^([A-Za-z0-9_.-]+)(?:\[[A-Za-z0-9_.,-]+\])?==(\S+) \\$", re.M)


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _lock(name: str) -> dict[str, str]:
    return {_norm(n): v for n, v in _PIN.findall((ROOT / name).read_text())}


def _direct(group: str | None = None) -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = project["dependencies"] if group is None else project["optional-dependencies"][group]
    pins = {}
    for d in deps:
        name, _, ver = d.partition("==")
        assert ver, f"pyproject.toml: {d!r} is not pinned with =="
        pins[_norm(name)] = ver
    return pins


def test_every_line_of_both_locks_is_pinned_with_a_hash():
    for name in ("requirements.txt", "requirements-test.txt"):
        text = (ROOT / name).read_text()
        packages = [line for line in text.splitlines() if line and not line.startswith((" ", "#"))]
        assert packages and all(_PIN.match(line) for line in packages), name
        assert text.count("==") == len(packages)
        blocks = re.split(r"\n(?=[A-Za-z0-9])", text.split("\n", 2)[2])
        assert all("--hash=sha256:" in b for b in blocks if b.strip()), name


def test_direct_requirements_are_in_their_lock_at_their_pin():
    runtime, test = _lock("requirements.txt"), _lock("requirements-test.txt")
    assert all(runtime.get(n) == v for n, v in _direct().items())
    assert all(test.get(n) == v for n, v in _direct("test").items())


def test_test_tools_are_not_runtime_dependencies_and_the_groups_agree():
    runtime, test = _lock("requirements.txt"), _lock("requirements-test.txt")
    for tool in ("pytest", "nbval", "playwright", "hypothesis", "import-linter", "pytest-xdist"):
        assert tool not in runtime and tool in test
    assert {n: test[n] for n in runtime} == runtime  # the test lock is the runtime lock plus the tools


def test_environment_yml_uses_the_runtime_lock():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^\s*- -r requirements\.txt\s*$", text, re.M)
    assert re.search(r"^\s*- python=3\.11\s*$", text, re.M)
    assert not re.search(r"^\s*- [a-z].*==", text, re.M)  # no package pinned a second time
    assert "--no-deps -e ." in (ROOT / "postBuild").read_text()  # the package itself, after the hashed lock


def test_installed_versions_match_the_lock():
    wrong = {}
    for name, pinned in _lock("requirements-test.txt").items():
        try:
            installed = version(name)
        except PackageNotFoundError:
            installed = None
        if installed != pinned:
            wrong[name] = (pinned, installed)
    assert not wrong


@pytest.mark.slow
@pytest.mark.parametrize("lock", ["requirements.txt", "requirements-test.txt"])
def test_plain_pip_accepts_the_lock(lock, tmp_path):
    """The conda, Binder and plain-pip routes: a fresh venv's own pip resolves the hashed lock.

    pip's hash mode refuses a lock that leaves out an extra a package asks for (weasel wants
    ``smart-open[http]``), which uv alone would not notice; a dry run exercises the resolver.
    """
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    proc = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--dry-run", "--quiet",
                           "--disable-pip-version-check", "--require-hashes", "-r", str(ROOT / lock)],
                          capture_output=True, text=True, timeout=900, env={**os.environ, "PIP_NO_INPUT": "1"})
    assert proc.returncode == 0, proc.stderr[-1500:]
