#!/usr/bin/env bash
# Takes a screenshot of the real app under Xvfb for the README.
# Usage: scripts/screenshot.sh <app-binary> <out.png> [wait-seconds]
set -euo pipefail
app="$1"; out="$2"; wait="${3:-8}"
# WebKitGTK paints a blank window under Xvfb unless the DMA-BUF renderer is off.
export WEBKIT_DISABLE_DMABUF_RENDERER="${WEBKIT_DISABLE_DMABUF_RENDERER:-1}"
n=90
while [ -e "/tmp/.X${n}-lock" ] || [ -e "/tmp/.X11-unix/X${n}" ]; do n=$((n + 1)); done
Xvfb ":${n}" -screen 0 1280x800x24 -nolisten tcp &
xvfb=$!
app_pid=""
cleanup() {
  if [ -n "$app_pid" ]; then kill -TERM "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
  kill -TERM "$xvfb" 2>/dev/null || true
  wait "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${n}" ] && break; sleep 0.1; done
DISPLAY=":${n}" "$app" &
app_pid=$!
sleep "$wait"
mkdir -p "$(dirname "$out")"
DISPLAY=":${n}" import -window root "$out"
echo "screenshot: $out"
