# quote-highlighter — the two commands users need:
#   make demo   build the wasm package and serve the page on http://127.0.0.1:8000/
#   make test   every check: fmt, clippy, cargo test, wasm tests in Node and Chromium, browser end-to-end
# Both install what is missing first (the wasm32 target, wasm-pack, the wasm-bindgen CLI of the
# exact locked version, npm dev tools, and for tests Debian's chromium + chromium-driver).
# For the team: `make eval` (accuracy on ../shared/data, or DATA=dir), `make bench`.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(PATH)

WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/"/, "", $$3); print $$3 }' Cargo.lock)
WASM_PACK_VERSION := 0.15.1
PORT ?= 8000
DATA ?= ../shared/data
PKG := www/pkg/quote_highlighter_bg.wasm
SOURCES := Cargo.toml Cargo.lock $(shell find src lexicon -type f 2>/dev/null) www/shared.js tools/glue.mjs
WASM_PACK := wasm-pack --log-level warn

.PHONY: package-test
.PHONY: help demo test eval bench tools browser-tools pkg package check-fmt clippy cargo-test doc wasm-test e2e no-markup-sinks clean

help:
	@echo "make demo   build and serve the page on http://127.0.0.1:$(PORT)/"
	@echo "make test   run every check (installs missing tools first)"
	@echo "make eval   accuracy on $(DATA)/*.jsonl with ../shared/tools/score.py (ERRORS=1 lists every miss)"
	@echo "make bench  throughput and size figures"
	@echo "make package  the npm package in dist/ (make package-test: try it in Node, Vite, webpack, esbuild, tsc)"

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
	$(WASM_PACK) build --mode no-install --release --target web --out-dir www/pkg --out-name quote_highlighter
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

test: browser-tools check-fmt clippy cargo-test doc wasm-test e2e no-markup-sinks
	@echo "make test: all checks passed"
# (the recipe's rule lists its prerequisites first, so the npm package is checked last)
test: package-test

## ---------------------------------------------------------------- for the team
eval:
	@[ -d "$(DATA)" ] || { echo "no data folder $(DATA) (set DATA=dir)" >&2; exit 1; }
	cargo build --release --quiet
	@mkdir -p target/eval
	@for gold in $(DATA)/*.jsonl; do \
	  name=$$(basename $$gold .jsonl); \
	  ./target/release/quote-highlighter --jsonl --offsets chars < $$gold > target/eval/$$name.pred.jsonl || true; \
	  printf '%-20s ' $$name; python3 $(dir $(DATA))tools/score.py $$gold target/eval/$$name.pred.jsonl; \
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
	rm -rf www/pkg test-results dist
