# quote-highlighter — the two commands users need:
#   make demo   build the wasm package and serve the page on http://127.0.0.1:8000/
#   make test   every check: fmt, clippy, cargo test, wasm tests in Node and Chromium, browser end-to-end
# Both install what is missing first (the wasm32 target, wasm-pack, the wasm-bindgen CLI of the
# exact locked version, npm dev tools, and for tests Debian's chromium + chromium-driver).
# For the team: `make fuzz` (FUZZ_SECONDS per target, nightly + cargo-fuzz, not part of `make test`),
# `make eval` (accuracy on ../shared/data, or DATA=dir), `make bench`.
# Python: `make wheel` (the abi3 wheel in target/wheels/), `make python-test` (part of `make test`),
# `make spark-demo` (PySpark local mode; needs Java, installed from Debian when missing).

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)

WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3 }' Cargo.lock)
WASM_PACK_VERSION := 0.15.1
PORT ?= 8000
DATA ?= ../shared/data
# Gold files `make eval` also scores text by text (their documents are parts of a few long texts).
BY_TEXT ?= fr-litbank-dev fr-litbank-test
PKG := www/pkg/quote_highlighter_bg.wasm
SOURCES := Cargo.toml Cargo.lock $(shell find src lexicon -type f 2>/dev/null) www/shared.js tools/glue.mjs
WASM_PACK := wasm-pack --log-level warn

.PHONY: package-test
.PHONY: fuzz fuzz-seeds fuzz-check
.PHONY: help demo test eval bench tools browser-tools pkg package check-fmt clippy cargo-test doc wasm-test e2e no-markup-sinks clean python-tools wheel python-check python-test spark-demo

help:
	@echo "make demo   build and serve the page on http://127.0.0.1:$(PORT)/"
	@echo "make test   run every check (installs missing tools first)"
	@echo "make eval   accuracy on $(DATA)/*.jsonl with ../shared/tools/score.py (ERRORS=1 lists every miss)"
	@echo "make bench  throughput and size figures"
	@echo "make package  the npm package in dist/ (make package-test: try it in Node, Vite, webpack, esbuild, tsc)"
	@echo "make wheel  the Python wheel in target/wheels/; make python-test its tests"
	@echo "make spark-demo  the Python package in PySpark (local mode), quotes per second"

## ---------------------------------------------------------------- tools (each step only when missing)
tools:
	@command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }
	@command -v npm >/dev/null || { echo "npm is missing: apt-get install -y nodejs npm" >&2; exit 1; }
	@rustup target list --installed | grep -qx wasm32-unknown-unknown || { echo "» adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
	@command -v wasm-pack >/dev/null || { echo "» installing wasm-pack $(WASM_PACK_VERSION) (a few minutes, once)"; cargo install wasm-pack --version =$(WASM_PACK_VERSION); }
	@[ "$$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" ] || { echo "» installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (several minutes, once)"; cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION) --force; }
	@[ node_modules/.package-lock.json -nt package-lock.json ] || { echo "» installing npm dev dependencies"; npm ci --no-audit --no-fund --loglevel=error; }

browser-tools: tools
	@{ command -v chromium && command -v chromedriver; } >/dev/null || { \
	  echo "» installing Debian's chromium and chromium-driver"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium chromium-driver >/dev/null; }

## ---------------------------------------------------------------- build
# The release package for the page.
$(PKG): $(SOURCES) | tools
	$(WASM_PACK) build --mode no-install --profile wasm-release --target web --out-dir www/pkg --out-name quote_highlighter
	@rm -f www/pkg/.gitignore
	node tools/glue.mjs www/pkg

pkg: $(PKG)

# The npm package in dist/: the one-file embed and the Node entry bundled by esbuild
# (tools/build-embed.mjs), the wasm, types, licences and npm/README.md (tools/package.mjs).
package: tools $(PKG)
	node tools/package.mjs --out dist

# The package as users meet it: npm pack, installed in a temporary app, used from Node (ESM,
# require, SSR), type-checked with tsc, built with Vite, webpack and esbuild and checked in Chromium.
package-test: browser-tools package
	@if grep -nE 'innerHTML|outerHTML|insertAdjacentHTML|document\.write' dist/*.js dist/*.cjs; then echo "markup sink in the package (above)" >&2; exit 1; fi
	node --test tests/package/

demo: tools $(PKG)
	node tools/serve.mjs --port $(PORT)

## ---------------------------------------------------------------- checks
check-fmt:
	cargo fmt --check

clippy:
	cargo clippy --all-targets -- -D warnings

cargo-test:
	cargo test

doc:
	RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --quiet

wasm-test: browser-tools
	$(WASM_PACK) test --node --mode no-install
	$(WASM_PACK) test --headless --chrome --mode no-install

e2e: browser-tools $(PKG)
	@mkdir -p test-results
	node --test tests/e2e/ tests/web/

# Pasted text must only ever become text nodes: fail on any markup-from-string API in the page,
# the embed, the tools and the generated JS glue.
no-markup-sinks: $(PKG)
	@if grep -rnE 'innerHTML|outerHTML|insertAdjacentHTML|document\.write' www tools --include='*.js' --include='*.mjs' --include='*.html'; then \
	  echo "markup built from strings (above): use textContent / createElement / Range instead" >&2; exit 1; fi

test: browser-tools check-fmt clippy cargo-test doc wasm-test e2e no-markup-sinks python-test
	@echo "make test: all checks passed"
# (the recipe's rule lists its prerequisites first, so the npm package is checked last)
test: package-test

## ---------------------------------------------------------------- Python package (python/)
# Pinned build and test tools, in virtual environments under target/ (made once).
MATURIN_VERSION := 1.16.0
SPACY_VERSION := 3.8.18
PYTEST_VERSION := 8.4.2
PYSPARK_VERSION := 4.0.1
PANDAS_VERSION := 2.2.3
NUMPY_VERSION := 2.2.6
PYARROW_VERSION := 20.0.0
PY_TOOLS := target/py
WHEEL_DIR := target/wheels
PY_SOURCES := $(shell find python/src python/python -type f 2>/dev/null) python/Cargo.toml python/Cargo.lock python/pyproject.toml

python-tools: $(PY_TOOLS)/.ready
$(PY_TOOLS)/.ready:
	@command -v python3 >/dev/null || { echo "python3 is missing: apt-get install -y python3" >&2; exit 1; }
	@echo "» Python build tools: maturin $(MATURIN_VERSION) in $(PY_TOOLS)/"
	@python3 -m venv $(PY_TOOLS) 2>/dev/null || { echo "» installing Debian's python3-venv"; rm -rf $(PY_TOOLS); \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq python3-venv >/dev/null; \
	  python3 -m venv $(PY_TOOLS); }
	$(PY_TOOLS)/bin/pip install -q --disable-pip-version-check maturin==$(MATURIN_VERSION)
	@touch $@

# The abi3 wheel (CPython >= 3.9) for this platform; one file, replaced on each build.
$(WHEEL_DIR)/.built: $(PY_TOOLS)/.ready $(PY_SOURCES) $(SOURCES)
	@rm -f $(WHEEL_DIR)/quote_highlighter-*.whl
	$(PY_TOOLS)/bin/maturin build --quiet --release --manifest-path python/Cargo.toml -o $(WHEEL_DIR)
	@touch $@
wheel: $(WHEEL_DIR)/.built

python-check:
	cargo fmt --manifest-path python/Cargo.toml --check
	cargo clippy --manifest-path python/Cargo.toml --all-targets -- -D warnings

# The wheel installed in a fresh virtual environment (with its spacy extra, pinned), then pytest,
# which compares analyze() with the release command line.
python-test: python-check $(WHEEL_DIR)/.built
	cargo build --release --quiet
	rm -rf target/py-test && python3 -m venv target/py-test
	target/py-test/bin/pip install -q --disable-pip-version-check "$$(ls $(WHEEL_DIR)/quote_highlighter-*.whl)[spacy]" spacy==$(SPACY_VERSION) pytest==$(PYTEST_VERSION)
	cd target && QH_CLI=$(CURDIR)/target/release/quote-highlighter py-test/bin/python -m pytest -q -p no:cacheprovider $(CURDIR)/python/tests

# PySpark in local mode over 100,000 generated articles (ARTICLES=n to change); prints quotes/s.
ARTICLES ?= 100000
spark-demo: $(WHEEL_DIR)/.built
	@command -v java >/dev/null || { echo "» installing Debian's openjdk-17-jre-headless"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null; }
	@[ -f target/spark/.ready ] || { echo "» PySpark $(PYSPARK_VERSION) in target/spark/ (once)"; \
	  python3 -m venv target/spark && target/spark/bin/pip install -q --disable-pip-version-check \
	    pyspark==$(PYSPARK_VERSION) pandas==$(PANDAS_VERSION) numpy==$(NUMPY_VERSION) pyarrow==$(PYARROW_VERSION) && touch target/spark/.ready; }
	target/spark/bin/pip install -q --disable-pip-version-check --no-deps --force-reinstall $$(ls $(WHEEL_DIR)/quote_highlighter-*.whl)
	PYSPARK_PYTHON=$(CURDIR)/target/spark/bin/python target/spark/bin/python tools/spark/demo.py --articles $(ARTICLES)

## ---------------------------------------------------------------- fuzzing (not part of `make test`)
# cargo-fuzz on nightly (both installed when missing), each target in turn for FUZZ_SECONDS,
# niced, one process. Seeds: every fixture case's text (tests/fixtures/**/*.txt, one file a case,
# in target/fuzz-seeds/); dictionary: fuzz/quote.dict. The corpus grows in fuzz/corpus/TARGET,
# findings land in fuzz/artifacts/TARGET (both git-ignored): keep each as a regression case.
# No sanitizer: the core is safe Rust (panics are the findings), and ASan would halve the speed.
# FUZZ_ARGS passes libFuzzer options, e.g. FUZZ_ARGS="-fork=1 -ignore_crashes=1" to go on
# after a finding; FUZZ_TARGETS=differential to run one target.
# `make test` only checks that the fuzz crate builds, on stable, with clippy and rustfmt.
test: fuzz-check
fuzz-check:
	cargo fmt --manifest-path fuzz/Cargo.toml --check
	cargo clippy --manifest-path fuzz/Cargo.toml --bins -- -D warnings

FUZZ_SECONDS ?= 600
FUZZ_TARGETS ?= analyze differential
FUZZ_ARGS ?=
fuzz-seeds:
	@rm -rf target/fuzz-seeds && mkdir -p target/fuzz-seeds
	@awk -v dir=target/fuzz-seeds '/^=== /{ n++; out = sprintf("%s/%04d.txt", dir, n); on = 1; printf "" > out; next } \
	  /^---$$/ { if (on) close(out); on = 0; next } on { print > out }' $$(find tests/fixtures -name '*.txt' | sort)
	@echo "» $$(ls target/fuzz-seeds | wc -l) seed texts from tests/fixtures"

fuzz: fuzz-seeds
	@rustup toolchain list | grep -q '^nightly' || { echo "» installing the nightly toolchain (minimal)"; rustup toolchain install nightly --profile minimal; }
	@command -v cargo-fuzz >/dev/null || { echo "» installing cargo-fuzz (a few minutes, once)"; cargo install cargo-fuzz --locked; }
	@for t in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$t; \
	  echo "» fuzzing $$t for $(FUZZ_SECONDS) s"; \
	  nice -n 19 cargo +nightly fuzz run --sanitizer none $$t fuzz/corpus/$$t target/fuzz-seeds -- \
	    -dict=fuzz/quote.dict -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -timeout=10 -print_final_stats=1 $(FUZZ_ARGS); \
	done

## ---------------------------------------------------------------- for the team
eval:
	@[ -d "$(DATA)" ] || { echo "no data folder $(DATA) (set DATA=dir)" >&2; exit 1; }
	cargo build --release --quiet
	@mkdir -p target/eval
	@for gold in $(DATA)/*.jsonl; do \
	  name=$$(basename $$gold .jsonl); \
	  ./target/release/quote-highlighter --jsonl --offsets chars < $$gold > target/eval/$$name.pred.jsonl || true; \
	  printf '%-20s ' $$name; python3 $(dir $(DATA))tools/score.py $$gold target/eval/$$name.pred.jsonl; \
	  case " $(BY_TEXT) " in *" $$name "*) python3 tools/eval_texts.py $(dir $(DATA))tools/score.py $$gold target/eval/$$name.pred.jsonl;; esac; \
	  python3 tools/eval_names.py $$gold target/eval/$$name.pred.jsonl; \
	  if [ -n "$(ERRORS)" ]; then python3 tools/eval_errors.py $$gold target/eval/$$name.pred.jsonl | sed 's/^/    /'; fi; \
	done

# Throughput, linearity, memory, adversarial inputs, command-line batch, wasm in Node and Chromium,
# page timings and sizes, from one run (BENCH_MB sets the corpus size, default 64).
BENCH_MB ?= 64
bench: browser-tools $(PKG)
	cargo build --release --quiet
	BENCH_MB=$(BENCH_MB) cargo bench --quiet --bench throughput
	node tools/bench/wasm.mjs target/bench/corpus.txt
	node tools/bench/page.mjs
	node tools/bench/sizes.mjs
	node tools/bench/report.mjs

clean:
	cargo clean
	rm -rf www/pkg test-results dist python/target
