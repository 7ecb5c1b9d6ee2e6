"""One lock file: pip (Makefile) and conda (environment.yml) install the same pinned versions."""

import re
import tomllib
from importlib.metadata import version

from helpers.data.paths import ROOT


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        line = line.split("#")[0].strip()
        if line:
            name, _, ver = line.partition("==")
            assert ver, f"requirements.txt: {line!r} is not pinned with =="
            pins[name.lower()] = ver
    return pins


def test_every_direct_dependency_is_pinned():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    names = {re.split(r"[<>=!~\[ ]", d)[0].lower() for d in deps}
    assert names == set(_pins())


def test_environment_yml_uses_the_lock_file():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"^\s*- -r requirements\.txt\s*$", text, re.M)
    assert re.search(r"^\s*- python=3\.11\s*$", text, re.M)
    # no package pinned a second time in environment.yml
    assert not re.search(r"^\s*- [a-z].*==", text, re.M)


def test_installed_versions_match_the_lock():
    wrong = {n: (v, version(n)) for n, v in _pins().items() if version(n) != v}
    assert not wrong
