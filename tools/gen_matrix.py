#!/usr/bin/env python3
"""Generate docs/law-to-code-matrix.md: every article and clause of the regulation → rule ids →
parameters (name, value, citation) → the policy cases exercising each rule at, below and above its
threshold → the unit tests naming it.

Generated from the library's own data, never edited by hand:
  * the rule registry, `shifan rules --json` (rules, groups, parameters with their citations,
    dossier items of art9/art10, interpretations);
  * the lifecycle events of docs/schemas/history.schema.json (art8–art15: each event's description
    names the articles it enforces);
  * the policy cases tests/cases/**/*.json (`shifan.case/1`; a case lists its rule ids in "rules"),
    each evaluated with `shifan evaluate --json` under its own rule pack and readings;
  * the unit tests tests/unit/*.cpp (a rule id in a string literal, or its RuleId enumerator).
Only the article headings and the reason why art1–art5 and art16 have no executable rule are text
kept here (ARTICLES below).

Where a case sits relative to a threshold is read from the evaluation the CLI writes, not from the
case's name: for the rule's check, `actual` is compared with `required` (money and percentages as
exact decimals, counts as integers; for art6.1.operating_period the actual is the day the period
completes, and completing *later* than the reference date is below). `below` means the figure does
not reach the threshold, `at` that it equals it (percentages: equal to two decimals, as written),
`above` that it exceeds it. A case whose check has no figure (an absent input, a function not
claimed, a ratio with a whole of 0) is listed as `other`. art7.5.intermediary_route has two
thresholds (financing obtained, and activities in its `activities` member); each is placed on its
own. Threshold coverage (checked by --check): every parameter of every numeric rule needs at least
one case below it and one at or above it; a rule with no case exactly at its threshold is flagged
in the matrix (the inclusive reading of 以上 / 不低于 / 不少于 is tested there) but does not fail.

Usage (from the repository root, after a build):
    python3 tools/gen_matrix.py [--shifan build/bin/shifan]          # rewrite the matrix
    python3 tools/gen_matrix.py --check [--shifan ...]               # fail if stale or uncovered
Python standard library only.
"""

import argparse
import difflib
import json
import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
import shifan_cases  # noqa: E402

OUTPUT = REPO / "docs" / "law-to-code-matrix.md"
REGENERATE = "cmake --build build --target shifan_cli && python3 tools/gen_matrix.py --shifan build/bin/shifan"

# The regulation's articles: heading, and for articles without executable rules, why.
# (id, zh heading, en heading, chapter, reason-if-no-executable-rule)
ARTICLES = [
    ("art1", "第一条 目的与依据", "Art. 1 Purpose and basis", "总则 General provisions",
     "Purpose clause: states why the measures exist and that they follow the provincial measures; it sets no condition a case could meet or fail. The provincial measures are supported as a rule pack of the same shape (docs/rule-packs.md)."),
    ("art2", "第二条 定义", "Art. 2 Definition", "总则 General provisions",
     "Definition: its elements that can be checked are checked where art6.1 restates them (legal person: art6.1.legal_person; kinds of organisation: art6.1.organization_type); the five functions are those of art7."),
    ("art3", "第三条 管理职责", "Art. 3 Responsibilities", "总则 General provisions",
     "Allocates duties between the city centre and the counties; no condition on a platform. The county appears as data (history `platform.county`, recommendation `county`, county filings of art15)."),
    ("art4", "第四条 原则与动态管理", "Art. 4 Principles, dynamic management", "总则 General provisions",
     "Principles (open, fair, just) and dynamic management: realised by the lifecycle as a whole (art8–art15), not by one rule."),
    ("art5", "第五条 主要功能", "Art. 5 Main functions", "主要功能 Main functions",
     "Describes the five service functions; the requirements for each are art7.1–art7.5, which are executable. art8 refers to art5 together with art6 and art7: the evaluation of art6/art7 is what a county applies."),
    ("art6", "第六条 基本条件（同时具备）", "Art. 6 Basic conditions (all)", "认定条件 Conditions", None),
    ("art7", "第七条 功能要求（至少一项）", "Art. 7 Functional requirements (at least one)", "认定条件 Conditions", None),
    ("art8", "第八条 县区推荐", "Art. 8 County recommendation", "认定程序 Procedure", None),
    ("art9", "第九条 测评与推荐表", "Art. 9 Assessment and recommendation form", "认定程序 Procedure", None),
    ("art10", "第十条 申报材料", "Art. 10 Application materials", "认定程序 Procedure", None),
    ("art11", "第十一条 授予称号", "Art. 11 Grant of the title", "认定程序 Procedure", None),
    ("art12", "第十二条 每年评审一次", "Art. 12 One review a year", "认定程序 Procedure", None),
    ("art13", "第十三条 年度工作总结（2月底前）", "Art. 13 Annual work summary (by end of February)", "认定管理 Management", None),
    ("art14", "第十四条 有效期三年、再次申报、撤销", "Art. 14 Three-year validity, re-application, revocation", "认定管理 Management", None),
    ("art15", "第十五条 县区检查与报告（3月底前）", "Art. 15 County inspection and report (by end of March)", "认定管理 Management", None),
    ("art16", "第十六条 施行日期", "Art. 16 Entry into force", "附则 Final provision",
     "Entry into force on issue: no condition on a platform. Which version of the measures applies on a date is expressed by the rule pack (dated parameter values, `from` inclusive) and named in every result."),
]

CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_number(s):
    """十三 → 13, 六 → 6, 二十 → 20."""
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)
    return CN_DIGITS[s]


def articles_of_citation(zh):
    """'第十三条' → [13]; '第十三条、第十五条' → [13, 15]."""
    return [cn_number(m) for m in re.findall(r"第([一二三四五六七八九十]+)条", zh)]


def article_of_id(rule_id):
    m = re.match(r"art(\d+)", rule_id)
    return int(m.group(1)) if m else None


def run_registry(shifan):
    r = subprocess.run([str(shifan), "rules", "--json"], capture_output=True)
    if r.returncode != 0:
        raise SystemExit("shifan rules --json failed: " + r.stderr.decode("utf-8", "replace"))
    return json.loads(r.stdout.decode("utf-8"))


def param_value_text(p):
    v = p.get("value")
    values = p.get("values") or []
    if len(values) > 1 or (values and values[0].get("from")):
        return "; ".join("from %s: %s" % (x["from"], json.dumps(x["value"], ensure_ascii=False)) if x.get("from")
                         else json.dumps(x["value"], ensure_ascii=False) for x in values)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return str(v)


def as_number(x):
    if x is None:
        return None
    if isinstance(x, bool):
        return None
    if isinstance(x, (int, float)):
        return Decimal(str(x))
    if isinstance(x, str):
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", x):
            return x
        try:
            return Decimal(x)
        except ArithmeticError:
            return None
    return None


def side(actual, required, period=False):
    a, r = as_number(actual), as_number(required)
    if a is None or r is None or type(a) is not type(r):
        return "other"
    if period:  # actual = the day the period completes; later than required is below
        return "at" if a == r else ("below" if a > r else "above")
    return "at" if a == r else ("below" if a < r else "above")


KIND_OF_MEASURE = {"count": "count", "money": "money", "ratio": "percent", "period": "years"}


def placements(rule, check, params, kinds):
    """[(parameter name, side)] for one check of a numeric rule. With several thresholds
    (art7.5.intermediary_route) the top-level actual/required belong to the parameter whose kind
    matches the rule's measure, the others to the check's sub-objects ({"actual", "required"}),
    in order."""
    period = rule.get("measure") == "period"
    subs = [v for k, v in check.items() if isinstance(v, dict) and "required" in v and "actual" in v]
    if len(params) == 1:
        return [(params[0]["name"], side(check.get("actual"), check.get("required"), period))]
    top = KIND_OF_MEASURE.get(rule.get("measure"))
    out, rest = [], list(subs)
    for p in params:
        if kinds.get(p["name"]) == top:
            out.append((p["name"], side(check.get("actual"), check.get("required"), period)))
        elif rest:
            sub = rest.pop(0)
            out.append((p["name"], side(sub.get("actual"), sub.get("required"))))
        else:
            out.append((p["name"], "other"))
    return out


def unit_test_refs(rule_ids):
    refs = {rid: [] for rid in rule_ids}
    unit = REPO / "tests" / "unit"
    for path in sorted(unit.glob("*.cpp")) if unit.is_dir() else []:
        text = path.read_text(encoding="utf-8", errors="replace")
        for rid in rule_ids:
            enum = "RuleId::" + rid.replace(".", "_")
            if re.search(r'"%s"' % re.escape(rid), text) or re.search(r"\b%s\b" % re.escape(enum), text):
                refs[rid].append(path.name)
    return refs


def lifecycle_events():
    """{article number: [(event type, description)]} from the history schema."""
    schema = shifan_cases.load_json(REPO / "docs" / "schemas" / "history.schema.json")
    out = {}
    for ref in schema["properties"]["events"]["items"]["oneOf"]:
        name = ref["$ref"].split("/")[-1]
        d = schema["$defs"][name]
        desc = d.get("description", "")
        for n in sorted({int(x) for x in re.findall(r"art(\d+)", desc)}):
            out.setdefault(n, []).append((name, desc))
    return out


def md(s):
    return str(s).replace("|", "\\|").replace("\n", " ")


def collect(shifan):
    registry = run_registry(shifan)
    rules = registry["rules"]
    by_id = {r["id"]: r for r in rules}
    params = {p["name"]: p for p in registry.get("parameters", [])}
    kinds = {n: p.get("kind") for n, p in params.items()}
    cases = shifan_cases.iter_cases(REPO / "tests" / "cases")
    # rule id → [(case, placements or None, outcome)]
    exercised = {r["id"]: [] for r in rules}
    other_ids = {}
    for case in cases:
        evaluation = None
        if case.is_application_case and not case.expects_error:
            code, evaluation, _ = shifan_cases.evaluate(shifan, case)
        checks = {c["id"]: c for c in (evaluation or {}).get("checks", [])}
        for rid in case.rules:
            if rid not in exercised:
                other_ids.setdefault(rid, []).append(case)
                continue
            rule = by_id[rid]
            check = checks.get(rid)
            rule_params = rule.get("parameters") or []
            place = placements(rule, check, rule_params, kinds) if (check and rule_params) else []
            outcome = check["outcome"] if check else ("error" if case.expects_error else "—")
            exercised[rid].append((case, place, outcome))
    return registry, by_id, params, cases, exercised, other_ids


def coverage_problems(registry, exercised):
    problems, no_at = [], []
    for rule in registry["rules"]:
        if rule.get("kind") != "rule" or not rule.get("parameters"):
            continue
        for p in rule["parameters"]:
            sides = {s for _, place, _ in exercised[rule["id"]] for (n, s) in place if n == p["name"]}
            missing = []
            if "below" not in sides:
                missing.append("below")
            if not sides & {"at", "above"}:
                missing.append("at or above")
            if missing:
                problems.append("%s (%s): no case %s its threshold" % (rule["id"], p["name"], " and no case ".join(missing)))
            elif "at" not in sides:
                no_at.append("%s (%s)" % (rule["id"], p["name"]))
    return problems, no_at


def render(shifan):
    registry, by_id, params, cases, exercised, other_ids = collect(shifan)
    problems, no_at = coverage_problems(registry, exercised)
    unit = unit_test_refs([r["id"] for r in registry["rules"]] + [d["id"] for d in registry.get("dossier", [])])
    events = lifecycle_events()
    pack = registry.get("rule_pack", {})
    L = []
    w = L.append
    w("# 法条—代码对照表 · Law-to-code matrix")
    w("")
    w("<!-- Generated by tools/gen_matrix.py from `shifan rules --json`, docs/schemas/history.schema.json, "
      "tests/cases and tests/unit. Do not edit: regenerate with `%s`. -->" % REGENERATE)
    w("")
    w("《长治市市级中小企业公共服务示范平台认定管理办法》逐条对照：条款 → 规则标识 → 参数（取值与出处）→ "
      "在门槛处、门槛下、门槛上检验该规则的政策用例 → 单元测试。本表由程序生成，测试会检查它是否过期，"
      "以及每个数值规则是否在门槛两侧都有用例。")
    w("")
    w("Every article and clause of the measures → rule ids → parameters (value and the clause that states it) → "
      "the policy cases (tests/cases) that exercise each rule below, at and above its threshold → the unit tests "
      "naming it. Generated from the library's own registry; a test fails when this file is stale or when a "
      "numeric rule lacks a case on either side of its threshold. How a case is placed: see tools/gen_matrix.py "
      "(the evaluation's `actual` against `required`).")
    w("")
    w("Rule pack: `%s` %s · %d rules and groups · %d dossier items · %d parameters · %d policy cases."
      % (pack.get("id"), pack.get("version"), len(registry["rules"]), len(registry.get("dossier", [])),
         len(registry.get("parameters", [])), len(cases)))
    w("")
    w("Legend: **below** the figure does not reach the threshold (fails it) · **at** equals it (passes: "
      "以上 / 不低于 / 不少于 include the number) · **above** exceeds it · **other** no figure (absent input, "
      "function not claimed, whole of 0). ⚠ marks a numeric rule with no case exactly at its threshold.")
    w("")
    w("## Summary")
    w("")
    w("| Article | Heading | Executable rules | Policy cases |")
    w("|---|---|---|---|")
    for aid, zh, en, chapter, reason in ARTICLES:
        n = int(aid[3:])
        ids = [r["id"] for r in registry["rules"] if article_of_id(r["id"]) == n]
        ids += [d["id"] for d in registry.get("dossier", []) if article_of_id(d["id"]) == n]
        ncases = len({c.path for rid in ids for (c, _, _) in exercised.get(rid, [])}
                     | {c.path for c in cases if any(article_of_id(x) == n for x in c.rules)})
        if reason:
            what = "none — see below"
        elif ids:
            what = "%d (%s)" % (len(ids), ", ".join("`%s`" % i for i in ids[:3]) + (", …" if len(ids) > 3 else ""))
        else:
            evs = [e for e, _ in events.get(n, [])]
            ps = [p["name"] for p in registry.get("parameters", []) if n in articles_of_citation(p["citation"]["zh"])]
            what = "lifecycle: " + ", ".join(["`%s` event" % e for e in evs] + ["parameter `%s`" % p for p in ps]) if (evs or ps) else "lifecycle"
        w("| [%s](#%s) | %s<br>%s | %s | %d |" % (aid, aid, md(zh), md(en), what, ncases))
    w("")
    if problems:
        w("**Threshold coverage: %d gap(s).**" % len(problems))
        w("")
        for p in problems:
            w("- ✗ " + p)
        w("")
    else:
        w("**Threshold coverage: every parameter of every numeric rule has a case below and a case at or above it.**")
        w("")
    if no_at:
        w("⚠ No case exactly at the threshold: " + ", ".join(no_at) + ".")
        w("")

    for aid, zh, en, chapter, reason in ARTICLES:
        n = int(aid[3:])
        w('<a id="%s"></a>' % aid)
        w("")
        w("## %s · %s" % (zh, en))
        w("")
        w("*%s*" % chapter)
        w("")
        if reason:
            w("**No executable rule.** " + reason)
            w("")
            extra = [c for c in cases if any(article_of_id(x) == n for x in c.rules)]
            for c in extra:
                w("- case `%s`" % c.path.relative_to(REPO))
            continue
        rules = [r for r in registry["rules"] if article_of_id(r["id"]) == n]
        if rules:
            w("| Rule id | Citation | Requires | Parameters (value · source) | Policy cases | Unit tests |")
            w("|---|---|---|---|---|---|")
            for r in rules:
                ident = ("**`%s`** (%s)" % (r["id"], r.get("combine", "").replace("_", "-"))) if r["kind"] == "group" else "`%s`" % r["id"]
                plist = []
                for p in r.get("parameters") or []:
                    cit = params.get(p["name"], {}).get("citation", {}).get("zh", "")
                    plist.append("`%s` = %s · %s" % (p["name"], md(param_value_text(p)), cit))
                crows = []
                for case, place, outcome in exercised[r["id"]]:
                    label = ", ".join("%s %s" % (s, n_) if len(place) > 1 else s for n_, s in place) if place else outcome
                    crows.append("`%s` (%s)" % (case.path.relative_to(REPO / "tests" / "cases"), label))
                flag = ""
                if r["kind"] == "rule" and r.get("parameters"):
                    sides = {s for _, place, _ in exercised[r["id"]] for (_, s) in place}
                    counts = {s: sum(1 for _, place, _ in exercised[r["id"]] for (_, x) in place if x == s) for s in ("below", "at", "above")}
                    flag = "below %d · at %d · above %d%s<br>" % (counts["below"], counts["at"], counts["above"], "" if "at" in sides else " ⚠")
                w("| %s | %s | %s | %s | %s | %s |" % (
                    ident, r["citation"]["zh"], md(r["title"]["en"]), "<br>".join(plist) or "—",
                    flag + ("<br>".join(crows) if crows else "—"), ", ".join(unit.get(r["id"], [])) or "—"))
            w("")
        dossier = [d for d in registry.get("dossier", []) if article_of_id(d["id"]) == n]
        if dossier:
            w("Dossier (reported beside the verdict, `dossier.missing_materials`):")
            w("")
            w("| Item id | Citation | Requires | Satisfied by `materials` containing | Policy cases | Unit tests |")
            w("|---|---|---|---|---|---|")
            for d in dossier:
                sat = " or ".join("(" + " and ".join("`%s`" % m for m in alt) + ")" if len(alt) > 1 else "`%s`" % alt[0]
                                  for alt in d.get("satisfied_by", []))
                dcases = [c for c in cases if d["id"] in c.rules]
                w("| `%s` | %s | %s | %s | %s | %s |" % (d["id"], d["citation"]["zh"], md(d["title"]["en"]), sat,
                                                         "<br>".join("`%s`" % c.path.relative_to(REPO / "tests" / "cases") for c in dcases) or "—",
                                                         ", ".join(unit.get(d["id"], [])) or "—"))
            w("")
        evs = events.get(n, [])
        ps = [p for p in registry.get("parameters", []) if n in articles_of_citation(p["citation"]["zh"]) and not p.get("used_by")]
        if evs or ps or (not rules and not dossier):
            w("Lifecycle (`shifan status`, `shifan roster`; histories `shifan.history/1`):")
            w("")
            for e, desc in evs:
                w("- event `%s` — %s" % (e, md(desc)))
            for p in ps:
                w("- parameter `%s` = %s · %s — %s" % (p["name"], md(param_value_text(p)), p["citation"]["zh"], md(p["meaning"]["en"])))
            lcases = [c for c in cases if any(article_of_id(x) == n for x in c.rules)
                      and not any(x in by_id for x in c.rules)]
            for c in lcases:
                w("- case `%s` (%s)" % (c.path.relative_to(REPO / "tests" / "cases"), ", ".join(c.rules)))
            if not evs and not ps and not lcases:
                w("- (no lifecycle event or parameter names this article yet)")
            w("")
    if other_ids:
        w("## Case rule ids not in the registry")
        w("")
        for rid, cs in sorted(other_ids.items()):
            w("- `%s`: %s" % (rid, ", ".join("`%s`" % c.path.relative_to(REPO / "tests" / "cases") for c in cs)))
        w("")
    w("## Interpretations")
    w("")
    w("| Name | Citation | Readings (default first) |")
    w("|---|---|---|")
    for i in registry.get("interpretations", []):
        vals = [i.get("default")] + [v for v in i.get("values", []) if v != i.get("default")]
        w("| `%s` | %s | %s |" % (i["name"], md(i.get("citation", "")), ", ".join("`%s`" % v for v in vals)))
    w("")
    return "\n".join(L), problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shifan", help="the shifan binary (default: $SHIFAN, build/ci/bin/shifan, build/bin/shifan)")
    ap.add_argument("--check", action="store_true", help="fail if the committed matrix is stale or a threshold lacks cases")
    ap.add_argument("--output", default=str(OUTPUT))
    args = ap.parse_args()
    shifan = Path(args.shifan) if args.shifan else shifan_cases.find_shifan(REPO)
    text, problems = render(shifan)
    no_cases = not shifan_cases.iter_cases(REPO / "tests" / "cases")
    out = Path(args.output)
    if not args.check:
        out.write_text(text, encoding="utf-8")
        print("wrote %s" % out)
        for p in problems:
            print("threshold coverage gap: " + p, file=sys.stderr)
        return 0
    status = 0
    old = out.read_text(encoding="utf-8") if out.exists() else ""
    if old != text:
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), text.splitlines(True),
                                                   "committed " + str(out.relative_to(REPO)), "generated now"))
        print("\n%s is out of date. Regenerate it and commit the result:\n    %s" % (out.relative_to(REPO), REGENERATE))
        status = 1
    if problems and no_cases and status == 0:
        print("law-to-code matrix is up to date; threshold coverage not checked: no policy case under tests/cases yet")
        return 77  # CTest: skipped
    if problems:
        print("\nThreshold coverage: each numeric rule needs a policy case below its threshold and one at or above it"
              " (tests/cases, see docs/policy-cases.md):")
        for p in problems:
            print("  " + p)
        status = 1
    if status == 0:
        print("law-to-code matrix is up to date; every numeric rule has cases on both sides of its threshold")
    return status


if __name__ == "__main__":
    sys.exit(main())
