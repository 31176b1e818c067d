#!/usr/bin/env bash
# Puts a fresh Debian 12 machine in shape to build and test imprint: the system packages it drives
# (Debian's Chromium, Ghostscript for the ICC profiles it ships (sRGB, SWOP CMYK), a Java runtime and EPUBCheck, poppler-utils,
# MuPDF's mutool (the tests count the glyphs a PDF draws as .notdef with it), and
# Calibre, the reading system the tests open every EPUB in, and Redis for the queue mode's tests), then the npm
# dependencies, then the compile.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[[ -f /usr/share/java/epubcheck.jar ]] || missing+=(epubcheck)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v mutool >/dev/null 2>&1 || missing+=(mupdf-tools)
command -v ebook-convert >/dev/null 2>&1 || missing+=(calibre)
command -v gs >/dev/null 2>&1 || missing+=(ghostscript)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)

if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]} (Debian packages)"
  as_root=()
  [[ $(id -u) -eq 0 ]] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Puppeteer never downloads a browser here: we depend on puppeteer-core and drive /usr/bin/chromium.
npm ci --no-audit --no-fund  # .npmrc: no dependency install scripts (Electron, browser downloads)
npm run --silent compile
echo "setup: ready (chromium $(chromium --version 2>/dev/null | awk '{print $2}'), $(java -jar /usr/share/java/epubcheck.jar --version 2>/dev/null | head -1))"
