# The H20 notebooks. Two commands on a fresh machine:  make report   and   make test
# Both create the virtual environment (.venv) from the lock file when it is missing or stale.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.DEFAULT_GOAL := help
.PHONY: help env report test lab notebooks bench student slides manifests clean

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 14

$(STAMP): requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "installing the pinned environment into $(VENV) (first time: about a minute)"
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt -e .
	@touch $@

env: $(STAMP)  ## create or update .venv from requirements.txt

report: $(STAMP)  ## execute the notebooks and build the offline HTML site in build/report/
	@$(BIN)/python -m helpers build $(if $(FORCE),--force,)

test: $(STAMP)  ## build the report, then run unit, notebook (strict nbval) and browser tests
	@$(BIN)/python -m helpers build $(if $(FORCE),--force,)
	@$(BIN)/python -m pytest tests notebooks --nbval --nbval-cell-timeout=300 -n 2 --dist loadscope

lab: $(STAMP)  ## open the collection in JupyterLab with the project's kernel
	@# trusting our own stored outputs lets JupyterLab show the charts (static SVG) before anything runs
	@$(BIN)/jupyter trust notebooks/*.ipynb $(wildcard build/student/*.ipynb) >/dev/null
	@$(BIN)/jupyter lab notebooks/

notebooks: $(STAMP)  ## re-execute the committed notebooks in place (after editing one)
	@$(BIN)/python -m helpers execute

student: $(STAMP)  ## student copies without solutions in build/student/, teacher guide in build/
	@$(BIN)/python -m helpers student

slides: $(STAMP)  ## lecture slides from the key charts, offline, in build/slides/index.html
	@$(BIN)/python -m helpers slides

bench: $(STAMP)  ## measure build speed and site size against the naive nbconvert loop
	@$(BIN)/python tools/bench.py

manifests: $(STAMP)  ## refresh the sha256 in data/*.manifest.json after editing data
	@$(BIN)/python -m helpers manifests

clean:  ## remove build outputs (keeps .venv)
	rm -rf build test-artifacts
