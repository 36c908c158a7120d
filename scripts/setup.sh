#!/usr/bin/env bash
# Installs what `make run` / `make test` need on Debian 12 / Ubuntu 24.04 and is quick when
# everything is already there: missing apt packages (sudo only when not root), the UI's npm
# packages, for tests tauri-driver, for the Windows build the Rust target.
# Usage: scripts/setup.sh run|test|windows
set -euo pipefail

mode="${1:-run}"
root="$(cd "$(dirname "$0")/.." && pwd)"

# Build the app (Tauri 2 on WebKitGTK 4.1) and bundled fonts for the PDF renderer checks.
run_pkgs=(build-essential pkg-config curl file libwebkit2gtk-4.1-dev libgtk-3-dev librsvg2-dev
  libsoup-3.0-dev libjavascriptcoregtk-4.1-dev libayatana-appindicator3-dev libssl-dev
  fonts-liberation)
# The tests: real-window E2E (Xvfb, WebKitWebDriver, screenshots), PDF and workbook checks,
# a small tmpfs for the full-disk test (mount; the test needs root, as CI has).
test_pkgs=(xvfb xauth webkit2gtk-driver imagemagick poppler-utils qpdf
  libreoffice-calc-nogui gnumeric mount)

# The Windows build (`make windows`, `make windows-check`): the mingw-w64 cross linker, NSIS
# for the installer, Wine to run the .exe files, 7-Zip to list the installer, and the PDF tools
# the checks compare with.
windows_pkgs=(build-essential pkg-config gcc-mingw-w64-x86-64 nsis wine64 p7zip-full
  poppler-utils qpdf)

pkgs=("${run_pkgs[@]}")
if [ "$mode" = test ]; then pkgs+=("${test_pkgs[@]}"); fi
if [ "$mode" = windows ]; then pkgs=("${windows_pkgs[@]}"); fi

need() { command -v "$1" >/dev/null 2>&1 || { echo "Fleksi: '$1' tidak ditemukan / not found. $2" >&2; exit 1; }; }
need cargo "Pasang Rust / install Rust: https://rustup.rs"
need npm "Pasang Node.js 20+ / install Node.js 20+"

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${pkgs[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
      missing+=("$p")
    fi
  done
else
  echo "Fleksi: bukan Debian/Ubuntu — pasang paket sistem secara manual / not Debian/Ubuntu: install system packages yourself: ${pkgs[*]}" >&2
fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "Fleksi: memasang paket sistem / installing system packages: ${missing[*]}"
  sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  # dpkg may be busy with another apt run: wait for it instead of failing.
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 update -qq
  "${sudo[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}"
fi

# UI packages from the committed lockfile (`npm ci` cannot be used: see README).
if [ ! -d "$root/ui/node_modules/.bin" ] || [ "$root/ui/package-lock.json" -nt "$root/ui/node_modules/.package-lock.json" ]; then
  echo "Fleksi: memasang paket npm / installing npm packages (ui/)"
  (cd "$root/ui" && npm install --no-audit --no-fund)
fi

if [ "$mode" = test ] && ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "Fleksi: memasang tauri-driver / installing tauri-driver"
  cargo install tauri-driver --locked
fi

if [ "$mode" = windows ] && ! rustup target list --installed 2>/dev/null | grep -qx x86_64-pc-windows-gnu; then
  echo "Fleksi: memasang target Rust / installing the Rust target x86_64-pc-windows-gnu"
  rustup target add x86_64-pc-windows-gnu
fi
