#!/usr/bin/env bash
# The screenshots of the officer guide (docs/officer-guide.md), made again from the workbooks the
# CLI writes today: LibreOffice Calc (headless) prints each workbook to PDF as it would on paper (A4
# landscape, the grid, the header row on each page), and pdftoppm turns the page that shows the
# wanted part into a PNG in docs/images/.
#
#   tools/screenshot_sheets.sh            # all of them, with build/ci/bin/shifan (built if needed)
#   SHIFAN_CLI=path/to/shifan tools/screenshot_sheets.sh
#
# Installs what it needs from Debian when missing (libreoffice-calc-nogui, poppler-utils and the
# CJK font fonts-wqy-microhei, which the browser stages use too). Images:
#   officer-sheet-zh.png               the application sheet (`shifan template --csv`, filled in:
#                                      examples/applications/applications.csv) as Calc opens it
#   officer-results-zh.png / -en.png   the results workbook of examples/applications, first page
#   officer-results-checks-zh.png      its page with the figures of the failing checks
#   officer-roster-zh.png              the roster workbook of examples/histories on 2026-03-15
set -euo pipefail
cd "$(dirname "$0")/.."
SHIFAN_EXTRA_PACKAGES="libreoffice-calc-nogui poppler-utils fonts-wqy-microhei" scripts/install-deps.sh
. scripts/lib/cli.sh   # $cli (SHIFAN_CLI, or build/ci/bin/shifan built here) and $tmp
images=docs/images
mkdir -p "$images"

# The workbook (or CSV sheet) $1 as PDF in $tmp/<name>.pdf; a CSV is read as UTF-8 with commas.
to_pdf() {
  local infilter=()
  [[ "$1" == *.csv ]] && infilter=(--infilter=CSV:44,34,76,1)
  timeout 180 soffice --headless --norestore "-env:UserInstallation=file://$tmp/profile" "${infilter[@]}" \
    --convert-to pdf --outdir "$tmp" "$1" >"$tmp/soffice.log" 2>&1 || { cat "$tmp/soffice.log" >&2; exit 1; }
}

# The first page of $1 (a PDF) whose text holds $2, as $3: 110 dpi, the top $4 pixels.
shot() {
  local pdf=$1 text=$2 png=$3 height=$4 pages page
  pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
  for page in $(seq 1 "$pages"); do
    if pdftotext -f "$page" -l "$page" -layout "$pdf" - | grep -qF "$text"; then
      pdftoppm -f "$page" -l "$page" -r 110 -png -singlefile -x 40 -y 40 -W 1200 -H "$height" "$pdf" "${png%.png}"
      echo "$png (page $page of $(basename "$pdf"))"
      return 0
    fi
  done
  echo "no page of $pdf shows '$text'" >&2
  exit 1
}

"$cli" evaluate examples/applications --output verdict --xlsx "$tmp/results-zh.xlsx" >/dev/null
"$cli" evaluate examples/applications --output verdict --lang en --xlsx "$tmp/results-en.xlsx" >/dev/null
"$cli" roster examples/histories --on 2026-03-15 --xlsx "$tmp/roster-zh.xlsx" >/dev/null
cp examples/applications/applications.csv "$tmp/sheet-zh.csv"
for book in results-zh results-en roster-zh; do to_pdf "$tmp/$book.xlsx"; done
to_pdf "$tmp/sheet-zh.csv"
shot "$tmp/sheet-zh.pdf" "申报编号" "$images/officer-sheet-zh.png" 280
shot "$tmp/results-zh.pdf" "申请编号" "$images/officer-results-zh.png" 230
shot "$tmp/results-en.pdf" "application id" "$images/officer-results-en.png" 230
shot "$tmp/results-zh.pdf" "资产总额：实际" "$images/officer-results-checks-zh.png" 230
shot "$tmp/roster-zh.pdf" "平台编号" "$images/officer-roster-zh.png" 140
