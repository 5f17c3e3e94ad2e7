#!/usr/bin/env bash
# shellcheck disable=SC2016,SC2030,SC2031 # B and OUTF are set per side in subshells, read by sh -c
# compare_outputs.sh OLD_BUILD_DIR NEW_BUILD_DIR — prove that two builds of shifan produce
# byte-identical outputs.
#
# Each build directory must hold bin/shifan and lib/libshifan.so (a `cmake --build` tree such as
# build/ci, or /tmp/baseline/build). Every comparison runs the same command once with each build,
# from the repository root (so that file names in messages match), and compares standard output,
# standard error and the exit code byte for byte with cmp. What is compared:
#
#   - `shifan`, `shifan help`, `--version`, every command's --help, usage errors;
#   - `shifan rules` (text in zh, en, both; --json; with the example rule packs);
#   - `shifan evaluate` on every examples/applications file: text in zh, en and both, --json,
#     --json --compact, --json with --lang zh|en, each --interpretation growth=…; the whole folder
#     at once (the JSON array path); application-2026.json under every example rule pack;
#   - every application case of tests/cases, materialised as the case describes it (inline, a file,
#     or base + RFC 7386 patch; its rule pack and readings as options): text zh and en, --json,
#     --json --compact; every status case (history, date, readings, calendar, pack) through
#     `shifan status` as text and --json;
#   - `shifan verify tests/cases` (output and exit code), --verbose, --lang, a changed reading;
#   - `shifan status` and `shifan roster` on examples/histories at several --on dates: text in each
#     language, --json, roster --html - and --html FILE (the page is compared too), with
#     summary_owed=held_any_day and with --calendar (roll_forward, and literal);
#   - `shifan generate --seed 1 --count 200000 --ndjson` (streamed into cmp), a JSON array and
#     --out DIR; then `shifan evaluate --batch` on that corpus with --jobs 1 and 2 and its output
#     options (--lang, --compact, a reading, input limits that turn lines into errors), and a small
#     NDJSON with bad and blank lines read from standard input;
#   - the bad-input catalogue tests/bad-input (application, rule pack, history, calendar entries,
#     with the limits each entry names): stderr and exit code, as text and --json;
#   - the C example examples/c/evaluate_file.c (compiled once here, run against each lib/ through
#     LD_LIBRARY_PATH) and the Python bindings (bindings/python, SHIFAN_LIBRARY=<dir>/lib/libshifan.so):
#     evaluation JSON and reports, evaluate_many, rules, history status, roster, errors, and the
#     examples/python scripts.
#
# Output: one line per comparison ("ok" or "FAIL" and the label; for a failure, what differed and
# where the two outputs are kept), then "N passed, N failed". Exit 0 when everything is identical,
# 1 on any difference, 64 on bad usage. Temporary files live in a mktemp directory, removed at the
# end unless something failed (then its path is printed) or KEEP=1 is set.
#
# Environment: COUNT (corpus size, default 200000) for a quicker run, e.g. COUNT=20000;
# JOBS_LIST (default "1 2"): the --jobs values for the batch runs.
#
#   tools/compare_outputs.sh /tmp/baseline/build build/ci
set -u
set -o pipefail

if [ $# -ne 2 ] || [ ! -x "$1/bin/shifan" ] || [ ! -x "$2/bin/shifan" ]; then
    echo "usage: $0 OLD_BUILD_DIR NEW_BUILD_DIR  (each with bin/shifan and lib/libshifan.so)" >&2
    exit 64
fi
OLD=$(cd "$1" && pwd)
NEW=$(cd "$2" && pwd)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COUNT=${COUNT:-200000}
JOBS_LIST=${JOBS_LIST:-1 2}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/compare_outputs.XXXXXX")
passed=0
failed=0
n=0
cleanup() {
    if [ "$failed" -eq 0 ] && [ "${KEEP:-0}" != 1 ]; then rm -rf "$TMP"; else echo "outputs kept in $TMP" >&2; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM
export LC_ALL=C.UTF-8 TZ=UTC
cd "$ROOT" || exit 64

# Inside a compared command: B is the build directory of the side being run, OUTF a file the
# command may write (compared too when it exists), and `shifan` runs that side's binary.
shifan() { "$B/bin/shifan" "$@"; }

record() { # record LABEL STATUS [DETAIL]
    if [ "$2" = ok ]; then
        passed=$((passed + 1))
        echo "ok    $1"
    else
        failed=$((failed + 1))
        echo "FAIL  $1: $3"
    fi
}

first_difference() { # first_difference FILE1 FILE2 -> "byte N, line M" (or "EOF on …")
    cmp "$1" "$2" 2>&1 | head -1 | sed 's/^[^:]*: //'
}

run_side() { # run_side DIR PREFIX COMMAND...
    local dir=$1 prefix=$2
    shift 2
    (export B=$dir OUTF=$prefix.file; "$@") >"$prefix.out" 2>"$prefix.err"
    echo $? >"$prefix.rc"
}

# compare LABEL COMMAND...: run COMMAND with each build (at once), compare stdout, stderr, exit code
# and the file OUTF if the command wrote one.
compare() {
    local label=$1
    shift
    n=$((n + 1))
    local o="$TMP/c$n.old" w="$TMP/c$n.new" what=""
    run_side "$OLD" "$o" "$@" &
    run_side "$NEW" "$w" "$@"
    wait $!
    cmp -s "$o.out" "$w.out" || what+="stdout differs ($(first_difference "$o.out" "$w.out"))"
    cmp -s "$o.err" "$w.err" || what+="${what:+; }stderr differs ($(first_difference "$o.err" "$w.err"))"
    cmp -s "$o.rc" "$w.rc" || what+="${what:+; }exit code differs ($(cat "$o.rc") vs $(cat "$w.rc"))"
    if [ -e "$o.file" ] || [ -e "$w.file" ]; then
        cmp -s "$o.file" "$w.file" 2>/dev/null || what+="${what:+; }written file differs"
    fi
    if [ -z "$what" ]; then
        record "$label" ok
        rm -rf "$o".* "$w".*
    else
        record "$label" fail "$what (kept: $o.*, $w.*)"
    fi
}

# compare_stream LABEL COMMAND...: like compare, for outputs too large to keep: both stdouts are
# streamed through FIFOs into cmp; stderr and the exit code are compared as files.
compare_stream() {
    local label=$1
    shift
    n=$((n + 1))
    local o="$TMP/s$n.old" w="$TMP/s$n.new" what=""
    mkfifo "$o.fifo" "$w.fifo"
    (export B=$OLD; "$@" >"$o.fifo" 2>"$o.err"; echo $? >"$o.rc") &
    local p1=$!
    (export B=$NEW; "$@" >"$w.fifo" 2>"$w.err"; echo $? >"$w.rc") &
    local p2=$!
    local diff
    # cmp stops at the first difference; the writers then end on SIGPIPE, so their stderr and exit
    # codes say nothing more and are not compared.
    if diff=$(cmp "$o.fifo" "$w.fifo" 2>&1); then
        wait "$p1" "$p2"
        cmp -s "$o.err" "$w.err" || what+="stderr differs ($(first_difference "$o.err" "$w.err"))"
        cmp -s "$o.rc" "$w.rc" || what+="${what:+; }exit code differs ($(cat "$o.rc") vs $(cat "$w.rc"))"
    else
        wait "$p1" "$p2"
        what="stdout differs (${diff#*: })"
    fi
    if [ -z "$what" ]; then
        record "$label" ok
        rm -f "$o".* "$w".*
    else
        record "$label" fail "$what (kept: $o.err, $w.err)"
    fi
}

# ---------------------------------------------------------------------------------------------
# The plan: inputs materialised under $TMP/in and one line per CLI comparison (label, then the
# arguments of `shifan`, tab-separated). "@OUT@" in an argument stands for the file OUTF.
mkdir -p "$TMP/in"
python3 - "$ROOT" "$TMP/in" >"$TMP/plan.tsv" <<'PY' || { echo "the plan could not be made" >&2; exit 1; }
import json, pathlib, sys

root, tmp = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
lines = []


def emit(label, *args):
    lines.append("\t".join([" ".join(label.split()), *map(str, args)]))


def rel(p):
    return str(pathlib.Path(p).resolve().relative_to(root)) if str(p).startswith(str(root)) else str(p)


def write(name, text):
    p = tmp / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(text if isinstance(text, bytes) else text.encode())
    return str(p)


def dump(doc):
    return json.dumps(doc, ensure_ascii=False, indent=1)


def merge_patch(target, patch):
    if not isinstance(patch, dict):
        return patch
    if not isinstance(target, dict):
        target = {}
    for k, v in patch.items():
        if v is None:
            target.pop(k, None)
        else:
            target[k] = merge_patch(target.get(k), v)
    return target


# Front matter, help and usage errors.
emit("no arguments")
for a in (["help"], ["--help"], ["--version"], ["frobnicate"]):
    emit("shifan " + " ".join(a), *a)
for cmd in ("evaluate", "verify", "status", "roster", "rules", "generate"):
    emit(f"{cmd} --help", cmd, "--help")
    emit(f"{cmd} --bogus (usage error)", cmd, "--bogus")
apps = sorted((root / "examples/applications").glob("*.json"))
emit("evaluate without a file", "evaluate")
emit("evaluate --compact without --json", "evaluate", "--compact", rel(apps[0]))
emit("evaluate a missing file", "evaluate", "no/such/file.json")
emit("evaluate --lang xx", "evaluate", "--lang", "xx", rel(apps[0]))
emit("evaluate --interpretation growth=bogus", "evaluate", "--interpretation", "growth=bogus", rel(apps[0]))
emit("evaluate --max-depth 0", "evaluate", "--max-depth", "0", rel(apps[0]))
emit("evaluate --jobs x", "evaluate", "--batch", "-", "--jobs", "x")
emit("status --on 2025-02-30", "status", "--on", "2025-02-30", "examples/histories/expired.json")
emit("status roll_forward without calendar", "status", "--on", "2025-03-01",
     "--interpretation", "deadline_rest_days=roll_forward", "examples/histories/expired.json")
emit("roster without files", "roster", "--on", "2025-03-01")
emit("generate --ndjson --out", "generate", "--ndjson", "--out", "x")
emit("generate --count -1", "generate", "--count", "-1")
emit("rules extra argument", "rules", "extra")

# shifan rules.
packs = [p for p in sorted((root / "examples/rule-packs").glob("*.json"))
         if json.loads(p.read_bytes()).get("schema") == "shifan.rulepack/1"]
for opts in ([], ["--lang", "en"], ["--lang", "both"], ["--json"], ["--json", "--lang", "en"]):
    emit("rules " + " ".join(opts), "rules", *opts)
    for p in packs:
        emit(f"rules {' '.join(opts)} --rule-pack {p.name}", "rules", *opts, "--rule-pack", rel(p))

# shifan evaluate on the example applications.
variants = [[], ["--lang", "en"], ["--lang", "both"], ["--json"], ["--json", "--compact"],
            ["--json", "--lang", "zh"], ["--json", "--lang", "en", "--compact"]]
for app in apps:
    for v in variants:
        emit(f"evaluate {' '.join(v)} {app.name}", "evaluate", *v, rel(app))
    for g in ("strict", "non_decreasing", "consecutive"):
        for v in ([], ["--json"]):
            emit(f"evaluate {' '.join(v)} growth={g} {app.name}", "evaluate", *v, "--interpretation", f"growth={g}", rel(app))
for v in variants:
    emit(f"evaluate {' '.join(v)} examples/applications (folder)", "evaluate", *v, "examples/applications")
emit("evaluate two files --json", "evaluate", "--json", rel(apps[0]), rel(apps[-1]))
app2026 = root / "examples/rule-packs/application-2026.json"
for p in packs:
    for v in ([], ["--lang", "en"], ["--json"], ["--json", "--compact"]):
        emit(f"evaluate {' '.join(v)} --rule-pack {p.name} application-2026", "evaluate", *v, "--rule-pack", rel(p), rel(app2026))

# The cases of tests/cases, as applications (and status queries) of their own.
cases = root / "tests/cases"
for f in sorted(cases.rglob("*.json")):
    r = f.relative_to(cases)
    if r.parts[0] == "base":
        continue
    c = json.loads(f.read_bytes())
    if not isinstance(c, dict) or c.get("schema") != "shifan.case/1":
        continue
    stem = str(r)[:-5].replace("/", "__")
    opts = []
    for k, val in (c.get("interpretations") or {}).items():
        opts += ["--interpretation", f"{k}={val}"]
    if "history" in c:
        hist = write(f"cases/{stem}.history.json", dump(c["history"]))
        if "rule_pack" in c:
            opts += ["--rule-pack", write(f"cases/{stem}.pack.json", dump(c["rule_pack"]))]
        if "calendar" in c:
            opts += ["--calendar", write(f"cases/{stem}.calendar.json", dump(c["calendar"]))]
        for v in ([], ["--lang", "en"], ["--json"]):
            emit(f"status {' '.join(v)} case {r}", "status", *v, "--on", c["on"], *opts, hist)
        continue
    if "application" in c:
        app = write(f"cases/{stem}.json", dump(c["application"]))
    elif "application_file" in c:
        app = str((f.parent / c["application_file"]).resolve())
    elif "base" in c:
        doc = json.loads((f.parent / c["base"]).read_bytes())
        app = write(f"cases/{stem}.json", dump(merge_patch(doc, c.get("patch", {}))))
    else:
        continue
    if "rule_pack" in c:
        opts += ["--rule-pack", write(f"cases/{stem}.pack.json", dump(c["rule_pack"]))]
    elif "rule_pack_file" in c:
        opts += ["--rule-pack", str((f.parent / c["rule_pack_file"]).resolve())]
    for v in ([], ["--lang", "en"], ["--json"], ["--json", "--compact"]):
        emit(f"evaluate {' '.join(v)} case {r}", "evaluate", *v, *opts, app)

# shifan verify.
emit("verify tests/cases", "verify", "tests/cases")
emit("verify --verbose tests/cases", "verify", "--verbose", "tests/cases")
emit("verify --lang both tests/cases/bad-input", "verify", "--lang", "both", "tests/cases/bad-input")
emit("verify --lang zh --verbose tests/cases/status", "verify", "--lang", "zh", "--verbose", "tests/cases/status")
emit("verify --interpretation growth=non_decreasing tests/cases", "verify", "--interpretation", "growth=non_decreasing", "tests/cases")
emit("verify --rule-pack example-city tests/cases/art6.1", "verify", "--rule-pack", "examples/rule-packs/example-city.json", "tests/cases/art6.1")
emit("verify a missing folder", "verify", "no/such/folder")

# shifan status and shifan roster on the example histories.
hist = root / "examples/histories"
histories = sorted(p for p in hist.glob("*.json") if json.loads(p.read_bytes()).get("schema") == "shifan.history/1")
dates = ["2020-06-30", "2021-06-30", "2023-07-01", "2023-07-02", "2024-02-29", "2024-03-10", "2024-06-28",
         "2025-01-01", "2025-03-01", "2025-03-31", "2025-04-15", "2025-05-12", "2026-07-10", "2027-12-31"]
readings = [[], ["--interpretation", "summary_owed=held_any_day"],
            ["--calendar", "examples/calendars/cn-2025.json"],
            ["--calendar", "examples/calendars/cn-2026.json", "--interpretation", "deadline_rest_days=literal"]]
out_forms = [[], ["--lang", "en"], ["--lang", "both"], ["--json"], ["--json", "--lang", "zh"]]
for d in dates:
    for h in histories:
        for v in out_forms:
            emit(f"status {' '.join(v)} --on {d} {h.name}", "status", *v, "--on", d, rel(h))
        for rd in readings[1:]:
            for v in ([], ["--json"]):
                emit(f"status {' '.join(v + rd)} --on {d} {h.name}", "status", *v, *rd, "--on", d, rel(h))
    for v in ([], ["--json"]):
        emit(f"status {' '.join(v)} --on {d} examples/histories (folder)", "status", *v, "--on", d, "examples/histories")
    for v in out_forms:
        for rd in readings:
            emit(f"roster {' '.join(v + rd)} --on {d}", "roster", *v, *rd, "--on", d, "examples/histories")
    emit(f"roster --html - --on {d}", "roster", "--html", "-", "--on", d, "examples/histories")
    emit(f"roster --html FILE --on {d}", "roster", "--html", "@OUT@", "--on", d, "examples/histories")
    emit(f"roster --json --html FILE held_any_day --on {d}", "roster", "--json", "--html", "@OUT@",
         "--interpretation", "summary_owed=held_any_day", "--on", d, "examples/histories")
emit("roster one history and the filings", "roster", "--on", "2025-04-15",
     "examples/histories/renewal.json", "examples/histories/county-filings-shangdang.json")
emit("status from standard input", "sh", "-c", f'"$B/bin/shifan" status --on 2025-04-15 - < {rel(histories[0])}')
emit("evaluate from standard input", "sh", "-c", f'"$B/bin/shifan" evaluate --json - < {rel(apps[0])}')
for d in ("2025-04-15",):
    for p in packs:
        emit(f"roster --rule-pack {p.name} --on {d}", "roster", "--json", "--rule-pack", rel(p), "--on", d, "examples/histories")

# Bad inputs: the catalogue, with each entry's limits.
limit_opt = {"max_document_bytes": "--max-document-bytes", "max_depth": "--max-depth",
             "max_array_length": "--max-array-length", "max_string_bytes": "--max-string-bytes"}
valid_app = "examples/applications/eligible-technology.json"
bad = root / "tests/bad-input"
for e in sorted(bad.rglob("[0-9][0-9][0-9]-*.expect.json")):
    x = json.loads(e.read_bytes())
    doc = rel(e.parent / (e.name[: -len(".expect.json")] + ".json"))
    lim = [a for k, val in x.get("limits", {}).items() for a in (limit_opt[k], str(val))]
    name = str(e.relative_to(bad))[: -len(".expect.json")]
    for v in (["--lang", "both"], ["--json"]):
        fmt = x["format"]
        if fmt == "application":
            cmd = ["evaluate", *v, *lim, doc]
        elif fmt == "rulepack":
            cmd = ["evaluate", *v, *lim, "--rule-pack", doc, valid_app]
        elif fmt == "history":
            cmd = ["status", *v, *lim, "--on", "2025-06-30", doc]
        elif fmt == "calendar":
            cmd = ["status", *v, *lim, "--on", "2025-06-30", "--calendar", doc, "examples/histories/designated-current.json"]
        else:
            continue
        emit(f"bad input {name} {' '.join(v)}", *cmd)

print("\n".join(lines))
PY

echo "comparing $OLD with $NEW ($(wc -l <"$TMP/plan.tsv") CLI comparisons, then the corpus, C and Python)"

run_plan_line() {
    local args=("$@") i
    for i in "${!args[@]}"; do [ "${args[$i]}" = "@OUT@" ] && args[i]=$OUTF; done
    if [ "${args[0]:-}" = sh ]; then "${args[@]}"; else shifan "${args[@]}"; fi
}
while IFS=$'\t' read -r -a f; do
    compare "${f[0]}" run_plan_line "${f[@]:1}"
done <"$TMP/plan.tsv"

# ---------------------------------------------------------------------------------------------
# The generated corpus and batch evaluation.
compare "generate --count 50 (JSON array)" shifan generate --count 50
compare "generate --seed 7 --count 40 --out DIR" sh -c '"$B/bin/shifan" generate --seed 7 --count 40 --out "$OUTF.d" && cd "$OUTF.d" && ls && cat *'
compare_stream "generate --seed 1 --count $COUNT --ndjson" shifan generate --seed 1 --count "$COUNT" --ndjson
CORPUS=$TMP/corpus.ndjson
"$OLD/bin/shifan" generate --seed 1 --count "$COUNT" --ndjson >"$CORPUS"
for jobs in $JOBS_LIST; do
    for opts in "" "--compact" "--lang zh" "--lang en --compact" "--interpretation growth=consecutive --compact" \
        "--max-string-bytes 48 --compact"; do
        # shellcheck disable=SC2086 # opts is a list of words
        compare_stream "evaluate --batch corpus --jobs $jobs${opts:+ $opts}" shifan evaluate --batch "$CORPUS" --jobs "$jobs" $opts
    done
done
# A small batch with bad lines (one-line entries of the bad-input catalogue) and blank lines, from
# standard input.
MIXED=$TMP/mixed.ndjson
{
    head -n 50 "$CORPUS"
    echo
    for f in tests/bad-input/0[0-9][0-9]-*.json tests/bad-input/1[0-9][0-9]-*.json; do
        case $f in *.expect.json) continue ;; esac
        [ "$(wc -l <"$f")" -le 1 ] && { cat "$f"; echo; }
    done
    echo '   '
    tail -n 50 "$CORPUS"
    printf '%s' '{"schema": "shifan.application/1"'
} >"$MIXED"
for jobs in $JOBS_LIST; do
    for opts in "" "--lang zh" "--lang en --compact"; do
        # shellcheck disable=SC2086
        compare "evaluate --batch - (bad and blank lines) --jobs $jobs${opts:+ $opts}" \
            sh -c '"$B/bin/shifan" evaluate --batch - --jobs "$0" $1 < "$2"' "$jobs" "$opts" "$MIXED"
    done
done
rm -f "$CORPUS"

# ---------------------------------------------------------------------------------------------
# The C example, compiled once against the C header and run with each build's library.
CEX=$TMP/evaluate_file
if cc -std=c99 -I capi/include examples/c/evaluate_file.c -o "$CEX" -L"$OLD/lib" -lshifan 2>"$TMP/cc.err"; then
    c_example() { LD_LIBRARY_PATH="$B/lib" "$CEX" "$@"; }
    for app in examples/applications/*.json examples/rule-packs/application-2026.json tests/bad-input/00[1-9]-*.json; do
        case $app in *.expect.json) continue ;; esac
        for v in "" "--lang en" "--json"; do
            # shellcheck disable=SC2086
            compare "C example $v $app" c_example $v "$app"
        done
    done
else
    record "C example: compile" fail "$(head -3 "$TMP/cc.err")"
fi

# ---------------------------------------------------------------------------------------------
# The Python bindings: JSON and reports through ctypes.
cat >"$TMP/driver.py" <<'PY'
import json, pathlib, sys
import shifan

what = sys.argv[1]
apps = sorted(pathlib.Path("examples/applications").glob("*.json")) + [pathlib.Path("examples/rule-packs/application-2026.json")]
if what == "evaluate":
    engine = shifan.Engine()
    for app in apps:
        print("==", app)
        for lang in ("both", "zh", "en"):
            for compact in (False, True):
                print(engine.evaluate_to_json(app.read_bytes(), lang=lang, compact=compact))
        with engine.evaluate(app.read_bytes()) as e:
            print(e.to_json(), e.to_json(messages=False), e.report("zh"), e.report("en"), sep="\n")
            print(e.verdict, e.qualified_functions, e.missing, [c.to_dict() for c in e.checks])
    for growth in ("strict", "non_decreasing", "consecutive"):
        print(shifan.evaluate(apps[0].read_bytes(), interpretations={"growth": growth}).to_json())
    for pack in ("changzhi-revision-example", "example-city"):
        print(shifan.Engine(f"examples/rule-packs/{pack}.json").evaluate_to_json(apps[-1].read_bytes()))
elif what == "many":
    for jobs in (1, 2):
        for r in shifan.evaluate_many([a.read_bytes() for a in apps] + [b"{}", b"[", b""], jobs=jobs, lang="en"):
            print(r.ok, r.verdict, r.qualified_functions, r.to_dict() if r.ok else (r.error.code_name, r.error.path, r.error.message_zh, r.error.message_en))
elif what == "rules":
    print(json.dumps(shifan.Engine().rules(), ensure_ascii=False, sort_keys=False))
    print(json.dumps(shifan.Engine("examples/rule-packs/example-city.json").rules(), ensure_ascii=False))
elif what == "lifecycle":
    folder = pathlib.Path("examples/histories")
    histories, filings = [], []
    for p in sorted(folder.glob("*.json")):
        (filings if json.loads(p.read_bytes())["schema"] == "shifan.county-filings/1" else histories).append(p.read_bytes())
    for on in ("2023-07-02", "2024-02-29", "2025-04-15", "2025-05-12", "2027-12-31"):
        for h in histories:
            for interp in ({}, {"summary_owed": "held_any_day"}):
                with shifan.status(h, on, interpretations=interp) as st:
                    print(st.to_json(lang="both"), st.to_json(lang="en"), st.report("zh"), st.report("en"), sep="\n")
                    print(st.state, st.days_left, st.valid_until, st.next_deadline, st.may_apply_again)
            with shifan.status(h, on, calendar="examples/calendars/cn-2025.json") as st:
                print(st.to_json(lang="both"))
        with shifan.roster(histories, on, filings=filings) as r:
            print(r.to_json(lang="both"), r.to_json(lang="zh"), r.report("zh"), r.report("en"), sep="\n")
elif what == "errors":
    bad = sorted(pathlib.Path("tests/bad-input").glob("0[0-9][0-9]-*.json"))
    for p in bad:
        if p.name.endswith(".expect.json"):
            continue
        try:
            shifan.evaluate(p.read_bytes())
            print(p, "accepted")
        except shifan.Error as e:
            print(p, type(e).__name__, e.code_name, e.path, e.message_zh, e.message_en)
PY
# Each side runs the Python bindings of the tree it was built from (CMAKE_HOME_DIRECTORY in its
# CMakeCache.txt), so that bindings calling a newer C function are not run against an older library.
bindings_of() {
    local src
    src=$(sed -n 's/^CMAKE_HOME_DIRECTORY:INTERNAL=//p' "$1/CMakeCache.txt" 2>/dev/null)
    if [ -n "$src" ] && [ -d "$src/bindings/python" ]; then echo "$src/bindings/python"; else echo "$PWD/bindings/python"; fi
}
py() { SHIFAN_LIBRARY="$B/lib/libshifan.so" PYTHONPATH="$(bindings_of "$B")" python3 "$@"; }
for what in evaluate many rules lifecycle errors; do
    compare "Python bindings: $what" py "$TMP/driver.py" "$what"
done
compare "Python example evaluate_folder.py" py examples/python/evaluate_folder.py examples/applications
for on in 2024-06-28 2025-04-15; do
    compare "Python example county_roster.py --on $on" py examples/python/county_roster.py --on "$on" examples/histories
    compare "Python example county_roster.py --lang zh --on $on" py examples/python/county_roster.py --lang zh --on "$on" examples/histories
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
