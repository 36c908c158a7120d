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
        ui-check ui-test e2e screenshot clean-e2e

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
