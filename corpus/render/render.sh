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
#                     JPEG quality 40 (ImageMagick): a poor scan; then the
#                     same OCR, after deskewing the page
# Before tesseract, each page's ruling lines are removed (morphological open
# with a long thin rectangle, ImageMagick): the usual cleaning for scanned
# tables, without which tesseract reads the cell borders into the figures.
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

unrule() {  # unrule IN OUT LEN [EXTRA...]: the page without lines >= LEN px
    u_in=$1 u_out=$2 u_len=$3
    shift 3
    convert "$u_in" "$@" -negate \( +clone -morphology Open "rectangle:${u_len}x1" \) \
        \( -clone 0 -morphology Open "rectangle:1x${u_len}" \) \
        \( -clone 1 -clone 2 -compose Lighten -composite \) -delete 1,2 \
        -compose Minus_Src -composite -negate "$u_out"
}

ocr() {  # ocr PREFIX OUT LEN [EXTRA...]: every page PREFIX-*.png, in order, to OUT
    pre=$1 o=$2
    shift 2
    : > "$o"
    for p in $(ls "$pre"-*.png | sort -V); do
        unrule "$p" "$p.clean.png" "$@"
        tesseract "$p.clean.png" - -l chi_sim --psm 6 2>/dev/null >> "$o"
        printf '\f' >> "$o"
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
    ocr "$tmp/$n-300" "$out/ocr300/$n.txt" 120
    pdftoppm -r 150 -gray -png "$tmp/$n.pdf" "$tmp/$n-150"
    for p in "$tmp/$n-150"-*.png; do
        convert "$p" -background white -rotate 0.7 -blur 0x0.6 -quality 40 "$p.jpg"
        convert "$p.jpg" "$p"
    done
    ocr "$tmp/$n-150" "$out/ocr150/$n.txt" 60 -deskew 40%
    echo "rendered $n"
done
