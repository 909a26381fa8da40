#!/bin/sh
# Make the PDF and OCR renderings of the bundled samples (issue 5).
#
# usage: corpus/render/render.sh [SAMPLE.txt ...]     (default: corpus/samples/*.txt)
#
# For each sample:  text --tohtml.py--> HTML --chromium--> PDF (A4, Noto CJK)
#   layout/NAME.txt   pdftotext -layout
#   plain/NAME.txt    pdftotext (reading order, one cell per line)
#   ocr300/NAME.txt   pdftoppm -r 300 (grey) | tesseract -l chi_sim
#   ocr150/NAME.txt   pdftoppm -r 150, rotated 0.7 degrees, light blur and
#                     JPEG quality 40 (ImageMagick), then tesseract -l chi_sim
# written under corpus/renderings/. Debian packages: chromium, fonts-noto-cjk,
# poppler-utils, tesseract-ocr, tesseract-ocr-chi-sim, imagemagick.
# The outputs are committed, so the tests need none of these.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$root/corpus/renderings"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$out/layout" "$out/plain" "$out/ocr300" "$out/ocr150"
[ $# -gt 0 ] || set -- "$root"/corpus/samples/*.txt

ocr() {  # ocr PREFIX OUT : every page image PREFIX-*.png, in order, to OUT
    : > "$2"
    for p in $(ls "$1"-*.png | sort -V); do
        tesseract "$p" - -l chi_sim --psm 6 2>/dev/null >> "$2"
        printf '\f' >> "$2"
    done
}

for f in "$@"; do
    n=$(basename "$f" .txt)
    python3 "$here/tohtml.py" "$f" > "$tmp/$n.html"
    chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$tmp/chrome" --no-pdf-header-footer \
        --print-to-pdf="$tmp/$n.pdf" "file://$tmp/$n.html" >/dev/null 2>&1
    pdftotext -layout "$tmp/$n.pdf" "$out/layout/$n.txt"
    pdftotext "$tmp/$n.pdf" "$out/plain/$n.txt"
    pdftoppm -r 300 -gray -png "$tmp/$n.pdf" "$tmp/$n-300"
    ocr "$tmp/$n-300" "$out/ocr300/$n.txt"
    pdftoppm -r 150 -gray -png "$tmp/$n.pdf" "$tmp/$n-150"
    for p in "$tmp/$n-150"-*.png; do
        convert "$p" -background white -rotate 0.7 -blur 0x0.6 -quality 40 "$p.jpg"
        convert "$p.jpg" "$p"
    done
    ocr "$tmp/$n-150" "$out/ocr150/$n.txt"
    echo "rendered $n"
done
