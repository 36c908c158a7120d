#!/usr/bin/env bash
# Draws the Fleksi logo (1024 px, ImageMagick) and derives every icon size Tauri needs
# (png, ico, icns) into icons/. Run from anywhere: scripts/make-icons.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
font="$(fc-match -f '%{file}' 'Liberation Sans:bold')"
convert -size 1024x1024 gradient:'#2563eb-#1e3a8a' "$tmp/grad.png"
convert -size 1024x1024 xc:none -fill white -draw "roundrectangle 0,0 1023,1023 225,225" "$tmp/mask.png"
convert "$tmp/grad.png" "$tmp/mask.png" -compose CopyOpacity -composite "$tmp/bg.png"
convert "$tmp/bg.png" \
  -fill white -draw "roundrectangle 212,262 812,832 64,64" \
  -fill '#93c5fd' -draw "roundrectangle 212,262 812,420 64,64" -draw "rectangle 212,360 812,420" \
  -fill white -draw "roundrectangle 332,200 392,330 30,30" -draw "roundrectangle 632,200 692,330 30,30" \
  -fill '#1e3a8a' -font "$font" -pointsize 400 -gravity center -annotate +0+110 'F' \
  "PNG32:$root/icons/app-icon.png"
(cd "$root/ui" && npx tauri icon ../icons/app-icon.png -o ../icons)
rm -rf "$root/icons/android" "$root/icons/ios"
