# newsroom: `make demo` runs the demo site, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1:8000
PYTEST_ARGS ?=

.PHONY: demo test venv migrate seed lint format bench clean

venv: $(STAMP)

# Reinstalls whenever a requirements file changes.
$(STAMP): requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

migrate: venv
	$(BIN)/python manage.py migrate --noinput

seed: migrate
	$(BIN)/python manage.py import_pages seeds --publish

# The demo serves as production does: DEBUG off (readers' 404 is the site's Chinese page, not Django's
# technical one), static files collected and served by whitenoise (the same middleware as production), over
# plain http on this machine, a new secret key each run; uploaded photos served by Django (NEWSROOM_SERVE_MEDIA).
DEMO_ENV = DJANGO_DEBUG=0 DJANGO_SECRET_KEY=$$($(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))") \
	DJANGO_SECURE_SSL_REDIRECT=0 DJANGO_SECURE_COOKIES=0 DJANGO_SECURE_HSTS_SECONDS=0 NEWSROOM_SERVE_MEDIA=1

demo: seed
	$(BIN)/python manage.py create_demo_admin
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	@echo "newsroom is at http://$(HOST)/  (admin: http://$(HOST)/admin/)"
	$(DEMO_ENV) $(BIN)/python manage.py runserver --noreload $(HOST)

test: venv
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# The quick benchmark; the others need PostgreSQL, wrk and a bench database (bench/README.md).
bench: venv
	$(BIN)/python bench/parse_page.py

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles .pytest_cache var
