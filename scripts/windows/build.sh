#!/usr/bin/env bash
# Builds the Windows release on Linux (`make windows`): cross-compiles fleksi-app.exe (no
# console window) and fleksi.exe for x86_64-pc-windows-gnu with Debian's mingw-w64 (linker
# set in .cargo/config.toml), puts WebView2Loader.dll beside the app, and makes the per-user
# installer Fleksi_<version>_x64-setup.exe from scripts/windows/installer.nsi with Debian's
# makensis. Output in <cargo target dir>/windows/. The UI (ui/dist) must be built first.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
triple=x86_64-pc-windows-gnu
release="$target_dir/$triple/release"
out="$target_dir/windows"
stage="$out/Fleksi"

fail() { echo "Fleksi (windows): $*" >&2; exit 1; }
for tool in x86_64-w64-mingw32-gcc makensis; do
  command -v "$tool" >/dev/null || fail "'$tool' tidak ditemukan / not found: scripts/setup.sh windows"
done
rustup target list --installed 2>/dev/null | grep -qx "$triple" ||
  fail "Rust target $triple belum terpasang / not installed: rustup target add $triple"
[ -f "$root/ui/dist/index.html" ] || fail "ui/dist belum ada / missing: make ui"

version="$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' "$root/Cargo.toml" | head -n 1)"
[ -n "$version" ] || fail "version not found in Cargo.toml"

start=$(date +%s)
(cd "$root" && cargo build --release --target "$triple" -p fleksi-app -p fleksi-cli)
echo "cargo (windows, release): $(( $(date +%s) - start )) s"

# The release app must be a GUI program (windows_subsystem = "windows"), the CLI a console one.
subsystem() { x86_64-w64-mingw32-objdump -p "$1" | sed -n 's/^Subsystem[[:space:]]*//p'; }
subsystem "$release/fleksi-app.exe" | grep -q "Windows GUI" ||
  fail "fleksi-app.exe is not a GUI program: $(subsystem "$release/fleksi-app.exe")"
subsystem "$release/fleksi.exe" | grep -q "Windows CUI" ||
  fail "fleksi.exe is not a console program: $(subsystem "$release/fleksi.exe")"

# webview2-com-sys links WebView2Loader.dll dynamically on the GNU target and leaves the x64
# copy in its build output.
loader="$(find "$release/build" -path '*webview2-com-sys-*/out/x64/WebView2Loader.dll' \
  -printf '%T@ %p\n' 2>/dev/null | sort -nr | head -n 1 | cut -d' ' -f2-)"
[ -n "$loader" ] || loader="$release/WebView2Loader.dll"
[ -f "$loader" ] || fail "WebView2Loader.dll not found under $release"

rm -rf "$stage"
mkdir -p "$stage"
cp "$release/fleksi-app.exe" "$release/fleksi.exe" "$loader" "$stage/"

setup="$out/Fleksi_${version}_x64-setup.exe"
makensis -V2 -DVERSION="$version" -DSTAGE="$stage" -DROOT="$root" -DOUTFILE="$setup" \
  "$root/scripts/windows/installer.nsi"
echo "Fleksi (windows): $setup ($(du -h "$setup" | cut -f1))"
echo "Fleksi (windows): $stage/ (fleksi-app.exe, WebView2Loader.dll, fleksi.exe)"
