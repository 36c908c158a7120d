#!/usr/bin/env bash
# End-to-end bench: `fleksi recap` against the plain Python baseline (baseline.py) on the same
# demo regency — 60 units × 250 ASN (15,000) × 22 working days under the standing policy
# rejang-lebong-2026. Prints the median of N runs of each (default 5), their ratio and the
# load average before and after. Peak memory comes from /usr/bin/time when it is installed.
#
# Usage: bench/baseline/run.sh [runs]
# Everything it makes lives under target/: the Python venv (openpyxl, xlrd, reportlab from
# pip), the regency and the documents. Nothing here is needed to build or test the app.
set -euo pipefail

RUNS="${1:-5}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WORK="$ROOT/target/bench-baseline"
VENV="$ROOT/target/baseline-venv"
POLICY=rejang-lebong-2026
mkdir -p "$WORK"

if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$ROOT/bench/baseline/requirements.txt"

(cd "$ROOT" && cargo build --release --quiet -p fleksi-cli)
FLEKSI="$ROOT/target/release/fleksi"

REGENCY="$WORK/regency"
if [ ! -f "$REGENCY/master.xlsx" ]; then
    "$FLEKSI" demo --units 60 --staff 250 --days 22 --policy "$POLICY" --out "$REGENCY" >/dev/null
fi
"$FLEKSI" policy show "$POLICY" --toml >"$WORK/policy.toml"

TIME=()
if [ -x /usr/bin/time ]; then
    TIME=(/usr/bin/time -f "%e %M")
fi

# Runs "$@" RUNS times; prints the median wall time (s) and the largest peak RSS (MB).
measure() {
    local name="$1"
    shift
    local times=() peak=0
    for _ in $(seq "$RUNS"); do
        local start end
        start=$(date +%s.%N)
        if [ ${#TIME[@]} -gt 0 ]; then
            "${TIME[@]}" -o "$WORK/time.txt" "$@" >/dev/null 2>"$WORK/$name.err" || [ $? -eq 1 ]
            local kb
            kb=$(tail -n 1 "$WORK/time.txt" | awk '{print $2}')
            [ "$kb" -gt "$peak" ] && peak=$kb
        else
            "$@" >/dev/null 2>"$WORK/$name.err" || [ $? -eq 1 ]
        fi
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc -l)")
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    echo "$median $((peak / 1024))"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
read -r rust_s rust_mb < <(measure fleksi "$FLEKSI" recap --policy "$POLICY" \
    --master "$REGENCY/master.xlsx" --pdf "$WORK/fleksi.pdf" --xlsx "$WORK/fleksi.xlsx" \
    "$REGENCY/opd")
read -r py_s py_mb < <(measure python "$VENV/bin/python" "$ROOT/bench/baseline/baseline.py" \
    --policy "$WORK/policy.toml" --master "$REGENCY/master.xlsx" --pdf "$WORK/python.pdf" \
    --xlsx "$WORK/python.xlsx" "$REGENCY/opd")
echo "load average after:  $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'fleksi recap      : median of %s = %6.2f s, peak %s MB\n' "$RUNS" "$rust_s" "$rust_mb"
printf 'python baseline   : median of %s = %6.2f s, peak %s MB\n' "$RUNS" "$py_s" "$py_mb"
printf 'ratio             : %.1fx\n' "$(echo "$py_s / $rust_s" | bc -l)"
