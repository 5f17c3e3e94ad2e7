#!/usr/bin/env bash
# Stage (slow): a spreadsheet program opens the workbooks of `--xlsx`. Installs Debian's
# libreoffice-calc-nogui (Calc without a desktop), writes the results workbook of
# examples/applications and the roster workbook of examples/histories, and converts each headlessly
# to CSV (`soffice --headless --convert-to csv`, UTF-8): Calc's CSV of the first sheet must hold
# exactly the cells of the CLI's own `--csv-out` (Calc writes the cells as shown, so money comes
# grouped, "1,000,000.00", and is compared without the commas), and the verdicts must be those of
# `--json`. Measured on the project's 2-core machine (loaded by other builds): the whole stage 40 s
# with CI=true from no LibreOffice (apt-get update and the 55 packages from apt's cache: 35 s; the
# first download from Debian's mirror took 42 s for the install alone), the checks 5-10 s.
# When the package cannot be installed: the stage says why and passes, unless CI=true and Debian
# offers the package (then it should have worked, and the stage fails).
set -euo pipefail
cd "$(dirname "$0")/../.."
stage=spreadsheet
fail() { echo "$stage: FAIL: $*" >&2; exit 1; }
start=$(date +%s)
if ! command -v soffice >/dev/null; then
  if ! SHIFAN_EXTRA_PACKAGES="libreoffice-calc-nogui" scripts/install-deps.sh; then
    candidate=$(apt-cache policy libreoffice-calc-nogui 2>/dev/null | sed -n 's/^ *Candidate: //p')
    if [ "${CI:-}" = true ] && [ -n "$candidate" ] && [ "$candidate" != "(none)" ]; then
      fail "libreoffice-calc-nogui $candidate is offered by Debian but could not be installed"
    fi
    echo "$stage: skipped: libreoffice-calc-nogui could not be installed (candidate: ${candidate:-none}; no network or no apt?)"
    exit 0
  fi
fi
echo "$stage: LibreOffice ready in $(( $(date +%s) - start ))s"
. scripts/lib/cli.sh   # $cli (SHIFAN_CLI, or build/ci/bin/shifan built here) and $tmp
checks=$(date +%s)

"$cli" evaluate examples/applications --output verdict --xlsx "$tmp/results.xlsx" --csv-out "$tmp/results-cli.csv" >/dev/null
"$cli" evaluate examples/applications --json >"$tmp/results.json"
"$cli" roster examples/histories --on 2026-03-15 --xlsx "$tmp/roster.xlsx" --csv-out "$tmp/roster-cli.csv" >/dev/null
for book in results roster; do
  # 44,34,76,1: comma, double quotes, UTF-8, from line 1 (the first sheet).
  timeout 180 soffice --headless --norestore "-env:UserInstallation=file://$tmp/profile" \
    --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$tmp/calc" "$tmp/$book.xlsx" >"$tmp/soffice.log" 2>&1 \
    || { cat "$tmp/soffice.log"; fail "soffice --convert-to csv $book.xlsx"; }
  [ -s "$tmp/calc/$book.csv" ] || { cat "$tmp/soffice.log"; fail "soffice wrote no $book.csv"; }
done

python3 - "$tmp" <<'PY' || fail "Calc's CSV differs from the CLI's"
import csv, json, re, sys
tmp = sys.argv[1]
failed = False
for book in ("results", "roster"):
    calc = list(csv.reader(open(f"{tmp}/calc/{book}.csv", encoding="utf-8", newline="")))
    ours = list(csv.reader(open(f"{tmp}/{book}-cli.csv", encoding="utf-8-sig", newline="")))
    if len(calc) != len(ours) or len(calc) < 2:
        print(f"{book}: {len(calc)} rows from Calc, {len(ours)} from the CLI")
        failed = True
        continue
    cells = 0
    for r, (a, b) in enumerate(zip(calc, ours)):
        a = a + [""] * (len(b) - len(a))  # Calc leaves trailing empty cells out of no row, but be lenient
        for c, (x, y) in enumerate(zip(a, b)):
            if re.fullmatch(r"-?[\d,]+\.\d\d", x) and x.replace(",", "") == y:
                x = y  # money: Calc writes it as shown, grouped
            if x != y:
                print(f"{book}: row {r + 1} column {c + 1}: Calc {x!r}, CLI {y!r}")
                failed = True
            cells += 1
    print(f"{book}: Calc opened the workbook; {len(calc) - 1} rows, {cells} cells as the CLI wrote them")
verdicts = {"eligible": "符合条件", "ineligible": "不符合条件", "undetermined": "无法判定"}
calc = list(csv.reader(open(f"{tmp}/calc/results.csv", encoding="utf-8", newline="")))
expected = [(e["application_id"], verdicts[e["verdict"]]) for e in json.load(open(f"{tmp}/results.json", encoding="utf-8"))]
got = [(row[0], row[5]) for row in calc[1:]]
if got != expected:
    print(f"results: verdicts in Calc {got}, in --json {expected}")
    failed = True
sys.exit(1 if failed else 0)
PY
echo "$stage: passed (checks in $(( $(date +%s) - checks ))s, stage in $(( $(date +%s) - start ))s)"
