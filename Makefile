# rightskit — two commands: `make demo` and `make test`. Everything else is set up on demand.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
BUILD := build
DEFAULT := reports/interim-regulation-2021-1232

.PHONY: demo test quick lint reports bench clean setup system-deps browser-deps schema docs calibrate catalogues

$(PY):
	@.ci/system-deps.sh venv
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $(STAMP)

system-deps:
	@.ci/system-deps.sh graphviz

browser-deps:
	@.ci/system-deps.sh chromium
	@.ci/system-deps.sh pdftools
	@.ci/system-deps.sh office

# Byte-compile the package once (quietly; only changed files): an editable install is not compiled,
# and where PYTHONDONTWRITEBYTECODE is set every command would compile its imports again (~0.3 s).
setup: $(STAMP) system-deps
	@$(PY) -m compileall -q rightskit >/dev/null

demo: setup
	$(VENV)/bin/rightskit render $(DEFAULT) --format html,pdf,docx,md,json,svg -o $(BUILD)/interim-regulation-2021-1232
	@echo "Open $(BUILD)/interim-regulation-2021-1232/index.html"

reports: setup
	@for d in reports/*/; do n=$$(basename $$d); \
	  $(VENV)/bin/rightskit render $$d --format html,pdf,docx,md,json,svg -o $(BUILD)/reports/$$n || exit 1; done

lint: $(STAMP)
	$(VENV)/bin/ruff check rightskit tests benchmarks
	$(VENV)/bin/mypy

# The whole suite: unit, fixtures, golden, browser, end-to-end. CI=true makes missing tools fatal.
test: setup browser-deps
	$(PY) -m pytest -n 2 -q

# The edit loop: everything but the tests marked slow (browser, PDF, LibreOffice, packaging, property,
# kill, benchmark smoke, lint). Not a substitute for `make test`, which CI runs.
quick: $(STAMP)
	$(PY) -m pytest -n 2 -q -m "not slow"

# Bring the translation catalogues (rightskit/translation/catalogues/*.po) up to date with the code's
# words: new msgids get an empty msgstr in fr.po and de.po to fill; tests fail until each is filled.
catalogues: $(STAMP)
	$(PY) -m rightskit.translation.extract

# Score the engine against the judgments in tests/calibration/ and rewrite docs/calibration.md.
calibrate: $(STAMP)
	$(PY) tests/calibration/calibrate.py --write

bench: setup
	$(PY) benchmarks/run.py

schema: $(STAMP)
	$(VENV)/bin/rightskit schema -o docs/assessment.schema.json

# The generated references: every field (from the pydantic models) and the Python builder API.
docs: $(STAMP)
	$(PY) tests/expert/compare.py --write
	$(PY) tests/frameworks_counts.py
	$(VENV)/bin/rightskit schema --markdown fields -o docs/fields.md
	$(VENV)/bin/rightskit schema --markdown python-api -o docs/python-api.md
	$(VENV)/bin/rightskit diff reports/csar-proposal-2022 reports/csar-ep-position-2023 --format markdown \
		-o docs/csar-versions.md

clean:
	rm -rf $(BUILD) .pytest_cache .mypy_cache .ruff_cache
