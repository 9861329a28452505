# newsroom: `make demo` runs the demo site, `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000

.PHONY: demo test venv migrate seed lint bench clean

venv: $(STAMP)

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

migrate: venv
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py import_pages seeds --publish

demo: seed
	$(BIN)/python manage.py create_demo_admin
	@echo "newsroom is at http://$(HOST)/  (admin: http://$(HOST)/admin/)"
	$(BIN)/python manage.py runserver $(HOST)

test: venv
	$(BIN)/python -m pytest

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache
