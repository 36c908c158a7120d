#!/usr/bin/env bash
# Checks the Windows build under Wine (`make windows-check`, after `make windows`):
#  1. fleksi.exe check --json / check / recap / template / db import / db check on every
#     folder of tests/fixtures/, copied into a folder whose name has spaces and non-ASCII
#     letters and passed as Z:\… paths, print what the Linux `fleksi` prints apart from path
#     separators (same exit status too); the PDF and XLSX written under Wine pass the Linux
#     checks (qpdf --check, pdftotext text equal, the workbook's XML parts equal, and it opens);
#  2. a file held open as Excel holds it is refused with "tutup berkas ini di Excel lalu coba
#     lagi" (reading a schedule, overwriting a recap); a database on \\server\share or on a
#     drive Wine reports as a network drive (GetDriveTypeW) is refused; paths over 260
#     characters work;
#  3. the installer lists the app, the uninstaller and the license (7z l), installs silently
#     (/S) into the per-user programs folder with its Start-menu shortcut and HKCU uninstall
#     entry, and uninstalls silently.
# Wine 8 lacks bcryptprimitives.dll!ProcessPrng, which Rust's std imports: a TEST-ONLY shim
# (scripts/windows/wine/bcryptprimitives.c) is put beside a copy of fleksi.exe in the check
# folder — never in the installer or its staging folder.
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
target_dir="${CARGO_TARGET_DIR:-$root/target}"
triple=x86_64-pc-windows-gnu
release="$target_dir/$triple/release"
out="$target_dir/windows"
here="$root/scripts/windows/wine"
version="$(sed -n 's/^version *= *"\([^"]*\)".*/\1/p' "$root/Cargo.toml" | head -n 1)"
setup="$out/Fleksi_${version}_x64-setup.exe"
policy=lebak-2025-12

started=$(date +%s)
checks=0
ok() { checks=$((checks + 1)); echo "  ok  $*"; }
fail() { echo "GAGAL / FAILED: $*" >&2; exit 1; }
section() {
  local now
  now=$(date +%s)
  echo "==> $1 (+$((now - started)) s)"
}

for f in "$release/fleksi.exe" "$release/fleksi-app.exe" "$setup"; do
  [ -f "$f" ] || fail "$f belum ada / missing: make windows"
done
wine="$(command -v wine64 || true)"
[ -x /usr/lib/wine/wine64 ] && wine=/usr/lib/wine/wine64
wineserver="$(command -v wineserver || true)"
[ -x /usr/lib/wine/wineserver ] && wineserver=/usr/lib/wine/wineserver
[ -n "$wine" ] && [ -n "$wineserver" ] || fail "wine64 not found: scripts/setup.sh windows"
for tool in x86_64-w64-mingw32-gcc 7z qpdf pdftotext pdfinfo node; do
  command -v "$tool" >/dev/null || fail "'$tool' not found: scripts/setup.sh windows"
done

export WINEPREFIX="${FLEKSI_WINEPREFIX:-$out/wineprefix}"
export WINEDEBUG=-all
# No Mono/Gecko installers on prefix creation (nothing may be downloaded).
export WINEDLLOVERRIDES="mscoree,mshtml="
# Wine turns Unix arguments and file names into UTF-16 by the locale: it must be UTF-8.
export LC_ALL=C.UTF-8

section "Linux fleksi (the reference)"
# FLEKSI_LINUX_CLI: an already built Linux fleksi of the same sources (saves a build).
linux_cli="${FLEKSI_LINUX_CLI:-$target_dir/debug/fleksi}"
[ -n "${FLEKSI_LINUX_CLI:-}" ] || (cd "$root" && cargo build -q -p fleksi-cli)

section "check folder, test-only helpers, Wine prefix"
work="$out/check"
rm -rf "$work"
bin="$work/bin"
fx="$work/Data Uji/Jadwal OPD Ñusa Éndah — Kab. Lebak"
mkdir -p "$bin" "$fx"
cp -r "$root/tests/fixtures/." "$fx/"
cp "$release/fleksi.exe" "$bin/fleksi.exe"
x86_64-w64-mingw32-gcc -O2 -s -shared -o "$bin/bcryptprimitives.dll" \
  "$here/bcryptprimitives.c" "$here/bcryptprimitives.def" -ladvapi32
x86_64-w64-mingw32-gcc -O2 -s -municode -o "$bin/hold.exe" "$here/hold.c"
if [ ! -f "$WINEPREFIX/system.reg" ]; then
  "$wine" wineboot -i >/dev/null 2>&1 || true
  "$wineserver" -w
fi
[ -f "$WINEPREFIX/system.reg" ] || fail "Wine prefix $WINEPREFIX could not be created"

winpath() { local p="${1//\//\\}"; printf 'Z:%s' "$p"; }
# Runs fleksi.exe under Wine; arguments that are absolute Unix paths become Z:\… paths.
on_wine() {
  local args=() a
  for a in "$@"; do
    if [[ $a == /* ]]; then args+=("$(winpath "$a")"); else args+=("$a"); fi
  done
  "$wine" "$bin/fleksi.exe" "${args[@]}"
}
same() { node "$here/same-output.mjs" "$@"; }

# pair NAME EXIT-CODES ARGS...: runs ARGS with the Linux fleksi and with fleksi.exe under
# Wine (@OUT@: a folder of each side's own) and requires the same exit status and output.
pair() {
  local name=$1 codes=$2
  shift 2
  local lo="$work/linux/$name" wo="$work/wine/$name" largs=() wargs=() a lc=0 wc=0
  mkdir -p "$lo" "$wo"
  for a in "$@"; do
    largs+=("${a//@OUT@/$lo}")
    wargs+=("${a//@OUT@/$wo}")
  done
  "$linux_cli" "${largs[@]}" >"$lo/stdout" 2>"$lo/stderr" || lc=$?
  on_wine "${wargs[@]}" >"$wo/stdout" 2>"$wo/stderr" || wc=$?
  # Wine itself now and then fails to start a process (exit 1, not a byte written; seen once
  # in about seven runs): fleksi always writes something here, so that is retried once.
  if [ ! -s "$wo/stdout" ] && [ ! -s "$wo/stderr" ] && { [ -s "$lo/stdout" ] || [ -s "$lo/stderr" ]; }; then
    echo "  ..  $name: Wine wrote nothing (exit $wc); once more"
    wc=0
    on_wine "${wargs[@]}" >"$wo/stdout" 2>"$wo/stderr" || wc=$?
  fi
  [[ "|$codes|" == *"|$lc|"* ]] || fail "$name: Linux exit $lc (expected $codes): $(head -c 600 "$lo/stderr")"
  [ "$wc" = "$lc" ] || fail "$name: exit $wc under Wine, $lc on Linux: $(head -c 600 "$wo/stderr")"
  local maps=("$(winpath "$wo")=$lo" "$(winpath "$work")=$work")
  same "$lo/stdout" "$wo/stdout" "${maps[@]}" || fail "$name: output differs"
  same "$lo/stderr" "$wo/stderr" "${maps[@]}" || fail "$name: messages differ"
  ok "$name: exit $lc, $(wc -c <"$lo/stdout") bytes of output equal"
}

# The PDF written under Wine passes qpdf and has the Linux text and page count.
pdf_same() {
  local linux=$1 wine=$2
  qpdf --check "$wine" >/dev/null || fail "qpdf --check $wine"
  [ "$(pdfinfo "$linux" | grep '^Pages:')" = "$(pdfinfo "$wine" | grep '^Pages:')" ] ||
    fail "$wine: page count differs from Linux"
  pdftotext -layout "$linux" "$linux.txt"
  pdftotext -layout "$wine" "$wine.txt"
  same "$linux.txt" "$wine.txt" "$(winpath "$work")=$work" || fail "$wine: text differs from Linux"
  ok "$(basename "$wine"): qpdf ok, $(pdfinfo "$wine" | sed -n 's/^Pages: *//p') pages, text equal"
}

# The workbook written under Wine is a sound zip with the Linux parts (all but the timestamps
# in docProps/core.xml), and opens in Gnumeric when it is installed.
xlsx_same() {
  local linux=$1 wine=$2 part n=0
  7z t "$wine" >/dev/null || fail "7z t $wine"
  rm -rf "$linux.x" "$wine.x"
  7z x -o"$linux.x" "$linux" >/dev/null
  7z x -o"$wine.x" "$wine" >/dev/null
  [ "$(cd "$linux.x" && find . -type f | sort)" = "$(cd "$wine.x" && find . -type f | sort)" ] ||
    fail "$wine: other parts than on Linux"
  while IFS= read -r part; do
    [ "$part" = ./docProps/core.xml ] && continue
    same "$linux.x/$part" "$wine.x/$part" "$(winpath "$work")=$work" || fail "$wine: $part differs"
    n=$((n + 1))
  done < <(cd "$linux.x" && find . -type f | sort)
  if command -v ssconvert >/dev/null; then
    ssconvert "$wine" "$wine.csv" >/dev/null 2>&1 || fail "$wine does not open in Gnumeric"
  fi
  ok "$(basename "$wine"): zip sound, $n parts equal to Linux"
}

section "fleksi.exe under Wine = Linux fleksi, every fixture folder"
M="$fx/import/master.xlsx"
pair check-import "0|1" check --json --policy "$policy" --master "$M" "$fx/import"
pair check-import-extra "0|1" check --json --policy "$policy" --master "$M" "$fx/import/extra"
pair check-content "0|1" check --json --policy "$policy" --master "$M" "$fx/content"
pair check-rules "0|1" check --json --policy "$policy" --master "$M" "$fx/rules"
pair check-versions "0|1" check --json --policy "$policy" --master "$M" "$fx/import" "$fx/versions"
pair check-files "0|1" check --json --policy "$policy" --master "$M" \
  "$fx/import/diskominfo.xlsx" "$fx/content/rencana_lokasi_dinkes.csv" "$fx/rules/piket.xls"
pair check-text "0|1" check --policy "$policy" --master "$M" "$fx/import"
pair recap "0|1" recap --policy "$policy" --master "$M" --pdf "@OUT@/lampiran.pdf" \
  --xlsx "@OUT@/rekap.xlsx" "$fx/import"
pdf_same "$work/linux/recap/lampiran.pdf" "$work/wine/recap/lampiran.pdf"
xlsx_same "$work/linux/recap/rekap.xlsx" "$work/wine/recap/rekap.xlsx"
pair template-all "0" template --policy "$policy" --master "$M" --all --out "@OUT@/templat"
[ "$(ls "$work/linux/template-all/templat")" = "$(ls "$work/wine/template-all/templat")" ] ||
  fail "template --all: other file names than on Linux"
while IFS= read -r t; do
  xlsx_same "$work/linux/template-all/templat/$t" "$work/wine/template-all/templat/$t"
done < <(ls "$work/linux/template-all/templat")
pair template-unit "0" template --policy "$policy" --master "$M" --unit DISKOMINFO \
  --out "@OUT@/diskominfo.xlsx"
xlsx_same "$work/linux/template-unit/diskominfo.xlsx" "$work/wine/template-unit/diskominfo.xlsx"
pair db-import "0|1" db import --db "@OUT@/fleksi.sqlite3" --policy "$policy" --master "$M" "$fx/import"
# The same database again: the re-send becomes Diskominfo's version 2.
mkdir -p "$work/linux/db-resend" "$work/wine/db-resend"
cp "$work"/linux/db-import/fleksi.sqlite3* "$work/linux/db-resend/"
cp "$work"/wine/db-import/fleksi.sqlite3* "$work/wine/db-resend/"
pair db-resend "0|1" db import --db "@OUT@/fleksi.sqlite3" --policy "$policy" "$fx/versions"
# The stored set is read back by db check / db recap (each on its own copy).
for step in db-check db-check-window db-recap; do
  for side in linux wine; do
    mkdir -p "$work/$side/$step"
    cp "$work/$side"/db-resend/fleksi.sqlite3* "$work/$side/$step/"
  done
done
pair db-check "0|1" db check --json --db "@OUT@/fleksi.sqlite3"
pair db-check-window "0|1" db check --json --db "@OUT@/fleksi.sqlite3" --from 2025-12-30 --to 2025-12-31
pair db-recap "0|1" db recap --db "@OUT@/fleksi.sqlite3" --pdf "@OUT@/lampiran.pdf" --xlsx "@OUT@/rekap.xlsx"
pdf_same "$work/linux/db-recap/lampiran.pdf" "$work/wine/db-recap/lampiran.pdf"
xlsx_same "$work/linux/db-recap/rekap.xlsx" "$work/wine/db-recap/rekap.xlsx"

section "Windows behaviour: files held open, network shares, long paths"
# hold FILE: holds FILE as Excel does until `release` is called.
hold() {
  marker="$work/hold.marker"
  rm -f "$marker"
  "$wine" "$bin/hold.exe" "$(winpath "$1")" "$(winpath "$marker")" &
  hold_pid=$!
  for _ in $(seq 200); do [ -f "$marker" ] && return 0; sleep 0.1; done
  fail "hold.exe did not take $1"
}
release() { rm -f "$marker"; wait "$hold_pid" || true; }
refused() { # NAME MESSAGE-PART... : the last Wine run exited 2 naming all parts
  local name=$1 code=$2
  shift 2
  [ "$code" = 2 ] || fail "$name: exit $code, expected 2: $(cat "$work/wine/$name.err")"
  for part in "$@"; do
    grep -qF -- "$part" "$work/wine/$name.err" || fail "$name: no \"$part\" in: $(cat "$work/wine/$name.err")"
  done
  ok "$name: $(head -c 300 "$work/wine/$name.err")"
}

held="$fx/import/dinkes.csv"
hold "$held"
code=0
on_wine check --json --policy "$policy" --master "$M" "$fx/import" >/dev/null 2>"$work/wine/held-read.err" || code=$?
release
refused held-read "$code" "tutup berkas ini di Excel lalu coba lagi" "$(winpath "$held")"

mkdir -p "$work/wine/held-write"
target="$work/wine/held-write/rekap.xlsx"
on_wine recap --policy "$policy" --master "$M" --xlsx "$target" "$fx/import" >/dev/null 2>&1 || true
cp "$target" "$work/wine/held-write/before.xlsx"
hold "$target"
code=0
on_wine recap --policy "$policy" --master "$M" --xlsx "$target" "$fx/import" >/dev/null 2>"$work/wine/held-write.err" || code=$?
release
refused held-write "$code" "tutup berkas ini di Excel lalu coba lagi" "$(winpath "$target")"
cmp -s "$target" "$work/wine/held-write/before.xlsx" || fail "held-write: the held recap was changed"
[ -z "$(find "$work/wine/held-write" -name '*.tmp-fleksi')" ] || fail "held-write: temporary file left"

code=0
on_wine db import --db '\\server\bersama\Fleksi\fleksi.sqlite3' --policy "$policy" --master "$M" \
  "$fx/import" >/dev/null 2>"$work/wine/db-unc.err" || code=$?
refused db-unc "$code" "folder bersama di jaringan" "SQLite" "disk komputer ini"

# N: as a network drive: Wine's mount manager reports a drive as DRIVE_REMOTE when
# HKLM\Software\Wine\Drives says "network".
mkdir -p "$work/share"
ln -sfn "$work/share" "$WINEPREFIX/dosdevices/n:"
"$wine" reg add 'HKLM\Software\Wine\Drives' /v n: /t REG_SZ /d network /f >/dev/null 2>&1
"$wineserver" -w
code=0
on_wine db import --db 'N:\Fleksi\fleksi.sqlite3' --policy "$policy" --master "$M" \
  "$fx/import" >/dev/null 2>"$work/wine/db-mapped.err" || code=$?
"$wine" reg delete 'HKLM\Software\Wine\Drives' /v n: /f >/dev/null 2>&1 || true
rm -f "$WINEPREFIX/dosdevices/n:"
refused db-mapped "$code" "drive jaringan N:" "SQLite"
[ -z "$(ls -A "$work/share")" ] || fail "db-mapped: something was written to the network drive"

long="$work/panjang"
for i in 1 2 3 4 5; do long="$long/Folder Jadwal Perangkat Daerah Kabupaten Lebak bagian $i uji jalur panjang"; done
mkdir -p "$long"
cp -r "$fx/import" "$long/"
length=$(winpath "$long/import/diskominfo.xlsx" | wc -m)
[ "$length" -gt 260 ] || fail "long path only $length characters"
pair long-path "0|1" check --json --policy "$policy" --master "$long/import/master.xlsx" "$long/import"
code=0
on_wine recap --policy "$policy" --master "$long/import/master.xlsx" --pdf "$long/keluar/lampiran.pdf" \
  "$long/import" >/dev/null 2>"$work/wine/long-recap.err" || code=$?
[ "$code" -le 1 ] && [ -f "$long/keluar/lampiran.pdf" ] || fail "long-path recap: exit $code $(cat "$work/wine/long-recap.err")"
qpdf --check "$long/keluar/lampiran.pdf" >/dev/null || fail "long-path recap: qpdf"
ok "long-path: ${length}-character paths read, lampiran written and sound"

section "parse worker: fleksi-app.exe parses for itself"
# The app parses OPD files in worker processes of its own executable (--parse-worker,
# crates/fleksi-workspace/src/parse_worker/): the GUI program must answer as the Linux worker
# does, byte for byte, and a worker that aborts must end alone after its earlier replies.
# As installed: the app imports WebView2Loader.dll, which sits beside it.
cp "$release/fleksi-app.exe" "$out/Fleksi/WebView2Loader.dll" "$bin/"
mkdir -p "$work/linux" "$work/wine"
probe=("$fx/import/diskominfo.xlsx" "$fx/import/bkpsdm.xls" "$fx/import/disdikbud.ods"
  "$fx/import/dinkes.csv" "$fx/import/rusak.xlsx" "$fx/import/master.xlsx")
node "$here/worker-probe.mjs" "$work/linux/worker.bin" "${probe[@]}" -- "$linux_cli" ||
  fail "parse worker: the Linux worker exited $?"
node "$here/worker-probe.mjs" "$work/wine/worker.bin" "${probe[@]}" -- "$wine" "$bin/fleksi-app.exe" ||
  fail "parse worker: fleksi-app.exe --parse-worker exited $? under Wine"
[ "$(head -c 4 "$work/wine/worker.bin")" = FKR1 ] || fail "parse worker: no reply from fleksi-app.exe"
cmp -s "$work/linux/worker.bin" "$work/wine/worker.bin" ||
  fail "parse worker: the replies of fleksi-app.exe differ from the Linux worker's"
ok "parse worker: fleksi-app.exe --parse-worker answers ${#probe[@]} files with the Linux worker's bytes"
cp "$fx/import/diskominfo.xlsx" "$work/jadwal.fault-abort.xlsx"
node "$here/worker-probe.mjs" "$work/linux/worker-one.bin" "$fx/import/dinkes.csv" -- "$linux_cli" ||
  fail "parse worker: the Linux worker exited $?"
code=0
FLEKSI_PARSE_WORKER_FAULT=1 node "$here/worker-probe.mjs" "$work/wine/worker-abort.bin" \
  "$fx/import/dinkes.csv" "$work/jadwal.fault-abort.xlsx" "$fx/import/bkpsdm.xls" \
  -- "$wine" "$bin/fleksi-app.exe" || code=$?
[ "$code" != 0 ] || fail "parse worker: an injected abort did not end the worker"
cmp -s "$work/linux/worker-one.bin" "$work/wine/worker-abort.bin" ||
  fail "parse worker: replies before the abort differ (or a reply after it)"
ok "parse worker: an abort ends the worker (exit $code) after its earlier reply, nothing after"

section "installer"
7z l "$setup" >"$work/setup.list"
for f in fleksi-app.exe uninstall.exe LICENSE.txt WebView2Loader.dll fleksi.exe; do
  grep -qE "[[:space:]]$f\$" "$work/setup.list" || fail "7z l: $f not in the installer"
done
! grep -qi bcryptprimitives "$work/setup.list" || fail "the test-only shim is in the installer"
grep -q "NSIS-3 Unicode 64-bit" "$work/setup.list" || fail "not a 64-bit NSIS installer"
ok "7z l: fleksi-app.exe, WebView2Loader.dll, fleksi.exe, LICENSE.txt, uninstall.exe"
user_dir="$WINEPREFIX/drive_c/users/$(id -un)"
installed="$user_dir/AppData/Local/Programs/Fleksi"
shortcut="$user_dir/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Fleksi.lnk"
uninst_key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Fleksi'
rm -rf "$installed" "$shortcut"
"$wine" "$setup" /S
"$wineserver" -w
cmp -s "$installed/fleksi-app.exe" "$release/fleksi-app.exe" || fail "silent install: no fleksi-app.exe in $installed"
[ -f "$installed/uninstall.exe" ] && [ -f "$installed/LICENSE.txt" ] || fail "silent install: uninstaller or license missing"
[ -f "$shortcut" ] || fail "silent install: no Start-menu shortcut"
"$wine" reg query "$uninst_key" /v UninstallString 2>/dev/null | grep -q 'Programs\\Fleksi\\uninstall.exe' ||
  fail "silent install: no uninstall entry under HKCU"
ok "silent install (/S): %LOCALAPPDATA%\\Programs\\Fleksi\\fleksi-app.exe, Start-menu shortcut, HKCU uninstall entry"
"$wine" "$installed/uninstall.exe" /S
"$wineserver" -w
[ ! -e "$installed/fleksi-app.exe" ] && [ ! -e "$shortcut" ] || fail "silent uninstall left files"
! "$wine" reg query "$uninst_key" >/dev/null 2>&1 || fail "silent uninstall left the HKCU entry"
ok "silent uninstall: files, shortcut and HKCU entry removed"

echo "Pemeriksaan Windows lulus / Windows checks passed: $checks checks in $(( $(date +%s) - started )) s"
