# odopmart: `make run` sets up and serves the marketplace; `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
HOST   ?= 127.0.0.1

.PHONY: run test install install-dev setup data demo messages lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

messages: install
	$(BIN)/python manage.py compile_translations

setup: install messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_reference_data
	$(BIN)/python manage.py generate_demo_catalogue --if-empty
	$(BIN)/python manage.py generate_demo_orders --if-empty
	$(BIN)/python manage.py collectstatic --noinput -v0

run: setup
	$(BIN)/python manage.py serve --host $(HOST) --port $(PORT)

test: install-dev messages
	$(BIN)/python -m pytest -p no:cacheprovider -n auto $(PYTEST_ARGS)
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
		echo "== the same suite on PostgreSQL ($$TEST_DATABASE_URL)"; \
		DATABASE_URL="$$TEST_DATABASE_URL" $(BIN)/python -m pytest -p no:cacheprovider -n auto $(PYTEST_ARGS); \
	fi

lint: install-dev
	$(BIN)/ruff check .

bench: setup
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var
