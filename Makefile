# Fleksi: the two commands of the README, and the steps they are made of.
#   make run    install what is missing, build, open the app (or show the headless path)
#   make test   install what is missing, run every check incl. the real-window E2E test
# Order matters: the UI (ui/dist) is built before cargo, because the app embeds it.
# WEBKIT_DISABLE_DMABUF_RENDERER=1: WebKitGTK 2.4x paints a blank window without GPU buffers
# (Xvfb, VMs, some NVIDIA drivers); the software path always works.
# (Without ui/dist, src-tauri/build.rs writes a placeholder page so cargo still compiles.)

SHELL := /usr/bin/env bash
.SHELLFLAGS := -euo pipefail -c
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
APP_BIN := $(TARGET_DIR)/debug/fleksi-app
CLI_HEADLESS := cargo run -p fleksi-cli --release --

.PHONY: run test setup-run setup-test ui app fmt-check clippy cargo-test bindings bindings-check \
        ui-check ui-test e2e screenshot clean-e2e setup-windows windows windows-check

step = @printf '\n\033[1;34m==> %s\033[0m\n' "$(1)"

# Without a display there is no window to open: say so and show the headless path instead.
run:
	@if [ -z "$${DISPLAY:-}" ] && [ -z "$${WAYLAND_DISPLAY:-}" ]; then \
	  echo "Tidak ada layar (DISPLAY/WAYLAND_DISPLAY kosong): aplikasi desktop tidak dapat dibuka."; \
	  echo "No display (DISPLAY/WAYLAND_DISPLAY unset): the desktop app cannot open."; \
	  echo ""; \
	  echo "Jalur tanpa layar / headless path (fleksi CLI):"; \
	  echo "  $(CLI_HEADLESS) demo --out demo"; \
	  echo "  $(CLI_HEADLESS) recap --policy lebak-2025-12 --master demo/master.xlsx --pdf demo/lampiran.pdf --xlsx demo/rekap.xlsx demo/opd"; \
	else \
	  $(MAKE) --no-print-directory setup-run app; \
	  echo "Membuka Fleksi / opening Fleksi: $(APP_BIN)"; \
	  WEBKIT_DISABLE_DMABUF_RENDERER="$${WEBKIT_DISABLE_DMABUF_RENDERER:-1}" "$(APP_BIN)"; \
	fi

test: setup-test ui fmt-check clippy cargo-test bindings-check ui-check ui-test e2e
	@echo ""
	@echo "Semua pemeriksaan lulus / all checks passed."

setup-run:
	$(call step,setup: apt + npm)
	scripts/setup.sh run

setup-test:
	$(call step,setup: apt + npm + tauri-driver)
	scripts/setup.sh test

ui:
	$(call step,UI build (vite) -> ui/dist)
	cd ui && npm run build

app: ui
	$(call step,cargo build -p fleksi-app)
	cargo build -p fleksi-app

fmt-check:
	$(call step,cargo fmt --all --check)
	cargo fmt --all --check

clippy:
	$(call step,cargo clippy --workspace --all-targets -- -D warnings)
	cargo clippy --workspace --all-targets -- -D warnings

cargo-test:
	$(call step,cargo test --workspace)
	cargo test --workspace

# Regenerates ui/src/lib/bindings/*.ts from the Rust types (ts-rs).
bindings:
	FLEKSI_UPDATE_BINDINGS=1 cargo test -p fleksi-app --lib bindings

bindings-check:
	$(call step,ts-rs bindings are fresh)
	cargo test -p fleksi-app --lib bindings

ui-check:
	$(call step,svelte-check)
	cd ui && npm run check

ui-test:
	$(call step,vitest run)
	cd ui && npm test

e2e: app
	$(call step,E2E: real window under Xvfb via tauri-driver)
	PATH="$$PATH:$$HOME/.cargo/bin" CARGO_TARGET_DIR="$(TARGET_DIR)" node tests/e2e/app.e2e.mjs

# The README screenshot (docs/screenshot-beranda.png), taken from the real app under Xvfb.
screenshot: app
	WEBKIT_DISABLE_DMABUF_RENDERER=1 scripts/screenshot.sh "$(APP_BIN)" docs/screenshot-beranda.png

clean-e2e:
	rm -rf tests/e2e/out

# The Windows build, cross-compiled on Linux (README "Windows"): fleksi-app.exe, fleksi.exe,
# WebView2Loader.dll and Fleksi_<version>_x64-setup.exe (NSIS) in $(TARGET_DIR)/windows/.
setup-windows:
	$(call step,setup: mingw-w64 + nsis + wine + Rust target)
	scripts/setup.sh windows

windows: setup-windows ui
	$(call step,Windows build: cross-compile + NSIS installer)
	scripts/windows/build.sh

# The Windows build under Wine: CLI output equal to Linux on every fixture, documents checked,
# Excel-held files and network shares refused with advice, the installer listed and installed.
windows-check: windows
	$(call step,Windows checks under Wine)
	scripts/windows/wine-check.sh

# Fuzzing (issue 14): cargo-fuzz on nightly, each target for FUZZ_SECONDS, seeded from the
# shared corpus (../shared/corpus, not copied: every FUZZ_SAMPLE-th file is linked into
# fuzz/seeds-run/), tests/fixtures and fuzz/seeds/. A crash stops here; its input is copied to
# tests/fixtures/fuzz/<target>/, which `cargo test -p fleksi-import --test fuzz_regressions`
# replays — commit it with the fix. Without the nightly toolchain: `rustup toolchain install nightly`.
FUZZ_SECONDS ?= 20
FUZZ_SAMPLE ?= 1
FUZZ_CORPUS ?= $(CURDIR)/../shared/corpus
FUZZ_TARGETS := workbook ole csv nip_date policy_toml
FUZZ_FLAGS = -max_total_time=$(FUZZ_SECONDS) -timeout=30 -rss_limit_mb=2048 -max_len=1048576

.PHONY: fuzz
fuzz:
	$(call step,cargo fuzz: $(FUZZ_TARGETS) ($(FUZZ_SECONDS) s each))
	rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
	test -d "$(FUZZ_CORPUS)" || { echo "Korpus tidak ditemukan / corpus not found: $(FUZZ_CORPUS) (set FUZZ_CORPUS)"; exit 1; }
	cd fuzz && cargo +nightly fuzz build --sanitizer none
	rm -rf fuzz/seeds-run && mkdir -p fuzz/seeds-run/corpus
	find "$(FUZZ_CORPUS)" -type f ! -name '*.md' | sort | awk 'NR % $(FUZZ_SAMPLE) == 0' | \
	  while read -r f; do ln -s "$$f" "fuzz/seeds-run/corpus/$$(printf '%s' "$$f" | md5sum | cut -c1-16)"; done
	for t in $(FUZZ_TARGETS); do \
	  case $$t in \
	    workbook|ole) seeds="seeds-run/corpus ../tests/fixtures" ;; \
	    csv) seeds="../tests/fixtures" ;; \
	    *) seeds="seeds/$$t" ;; \
	  esac; \
	  mkdir -p fuzz/corpus/$$t fuzz/artifacts/$$t; \
	  printf '\n--- %s ---\n' "$$t"; \
	  if ! (cd fuzz && cargo +nightly fuzz run --sanitizer none $$t corpus/$$t $$seeds -- $(FUZZ_FLAGS) 2>&1 | \
	        grep -v '^#[0-9]\|^"\|NEW_FUNC\|^WARNING: Failed to find'); then \
	    mkdir -p tests/fixtures/fuzz/$$t; cp fuzz/artifacts/$$t/* tests/fixtures/fuzz/$$t/; \
	    echo "Fuzz $$t menemukan masalah / found a crash: copied to tests/fixtures/fuzz/$$t/ (cargo test -p fleksi-import --test fuzz_regressions)"; \
	    exit 1; \
	  fi; \
	done
	@echo "Fuzzing selesai tanpa temuan / fuzzing found nothing."
