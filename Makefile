# One entry point per task. Every target sets up what it needs itself.
#   make serve   set up, check the content, serve the site with live reload
#   make test    set up (Python and system packages), lint (ruff), run every test
#   make build   strict build of every language into site/
#   make pdf     the same, plus the PDF downloads and the offline zip (what gets published; a few minutes);
#                stops without a real SITE_URL (PREVIEW=1 for a preview that is not published)
#   make check   validate the content only
#   make status  translation status per language
#   make linkcheck  build, then check every link; external ones too (needs the network; advice, never fails)
#   make bench   the performance benchmark (slow; not part of make test)
#   make test-properdocs  the suite again on ProperDocs (the maintained MkDocs 1.6 fork), but the
#                tests of the engine alone (marked `engine`)
#   make lint    ruff check and ruff format --check (lines up to 100)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Debian packages the browser and PDF tests need.
# (chromium, poppler-utils, fonts-dejavu-core, zbar-tools for the QR tests, gettext's msgfmt for the
# PO tests; installed only when missing)

.PHONY: serve test test-properdocs lint build pdf check status linkcheck bench system-deps clean

$(STAMP): pyproject.toml requirements.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

# ProperDocs in a virtual environment of its own: every pinned package but MkDocs
# (installed without dependencies, so Material and macros cannot pull MkDocs back),
# ProperDocs' own import alias for `mkdocs.*` loaded at start-up, and a `mkdocs`
# command that runs ProperDocs.
PD_VENV := .venv-properdocs
PD_STAMP := $(PD_VENV)/.installed
PROPERDOCS := properdocs==1.6.7

$(PD_STAMP): pyproject.toml requirements.lock
	test -d $(PD_VENV) || $(PYTHON) -m venv $(PD_VENV)
	grep -v '^mkdocs==' requirements.lock > $(PD_VENV)/requirements.txt
	$(PD_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -r $(PD_VENV)/requirements.txt $(PROPERDOCS)
	$(PD_VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	echo "import properdocs.replacement" > "$$($(PD_VENV)/bin/python -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/properdocs_as_mkdocs.pth"
	printf '#!/bin/sh\nexec "$$(dirname "$$0")/properdocs" "$$@"\n' > $(PD_VENV)/bin/mkdocs
	chmod +x $(PD_VENV)/bin/mkdocs
	! $(PD_VENV)/bin/pip show mkdocs >/dev/null 2>&1
	touch $@

# Every test that builds or serves a site, and those that read what was built: all but the files
# marked `engine` (the engine alone, which needs no generator).
# `make test-properdocs PD_TESTS=tests/test_site.py` runs one file.
PD_TESTS ?= tests
# One test process per core (pytest-xdist); a file's tests stay in one process, so a fixture site
# is built once per process that needs it. PYTEST_WORKERS=0 runs them in this process.
PYTEST_WORKERS ?= auto
PYTEST := -m pytest -n $(PYTEST_WORKERS) --dist loadfile

test-properdocs: $(PD_STAMP) system-deps
	$(PD_VENV)/bin/python -c "import mkdocs, properdocs; assert mkdocs is properdocs"
	$(PD_VENV)/bin/python -m compileall -q methodkit
	$(PD_VENV)/bin/python $(PYTEST) -q -p no:cacheprovider -m "not engine" $(PD_TESTS)

serve: $(STAMP)
	$(BIN)/methodkit check || true
	$(BIN)/methodkit serve

build: $(STAMP)
	$(BIN)/methodkit build --strict

pdf: $(STAMP) system-deps
	$(BIN)/methodkit build --strict --pdf $(if $(PREVIEW),,--publish)

check: $(STAMP)
	$(BIN)/methodkit check

status: $(STAMP)
	$(BIN)/methodkit status

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The package compiled once: the tests start `methodkit` hundreds of times, and an environment
# that sets PYTHONDONTWRITEBYTECODE would compile it from source at every start.
test: $(STAMP) system-deps lint
	$(BIN)/python -m compileall -q methodkit
	$(BIN)/methodkit check
	$(BIN)/python $(PYTEST)

# Internal links are also tested by `make test`; external sites come and go, so
# their report is advice and the target never fails on it.
linkcheck: build
	-$(BIN)/python -m methodkit.checks.links --external site

bench: $(STAMP)
	$(BIN)/python -m tools.bench

system-deps:
	@missing=""; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	fc-list 2>/dev/null | grep -qi dejavu || missing="$$missing fonts-dejavu-core"; \
	command -v zbarimg >/dev/null 2>&1 || missing="$$missing zbar-tools"; \
	command -v msgfmt >/dev/null 2>&1 || missing="$$missing gettext"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

clean:
	rm -rf site .build .pytest_cache
