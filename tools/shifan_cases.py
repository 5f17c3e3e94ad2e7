"""Reading the policy cases of tests/cases/ (`shifan.case/1`) the way `shifan verify` does.

Python standard library only. Shared by tools/gen_matrix.py (the law-to-code matrix) and the schema
tests (tests/schema/). A case names its application inline (`application`), as a file
(`application_file`, relative to the case) or as a base file plus an RFC 7386 merge patch
(`base` + `patch`); optionally a rule pack (`rule_pack` inline or `rule_pack_file`) and readings
(`interpretations`). See docs/policy-cases.md.
"""

import json
import os
import subprocess
import tempfile
from pathlib import Path

CASE_SCHEMA = "shifan.case/1"
FIXTURE_SCHEMAS = {"shifan.application/1", "shifan.rulepack/1", "shifan.history/1",
                   "shifan.calendar/1", "shifan.county-filings/1"}


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def merge_patch(target, patch):
    """RFC 7386 JSON Merge Patch (null deletes a member)."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


class Case:
    """One `shifan.case/1` file."""

    def __init__(self, path, doc):
        self.path = Path(path)
        self.doc = doc
        self.dir = self.path.parent

    @property
    def name(self):
        return self.doc.get("name", self.path.stem)

    @property
    def rules(self):
        rules = self.doc.get("rules", [])
        return [rules] if isinstance(rules, str) else list(rules)

    @property
    def expect(self):
        return self.doc.get("expect", {}) if isinstance(self.doc.get("expect"), dict) else {}

    @property
    def expects_error(self):
        return "error" in self.expect

    @property
    def is_application_case(self):
        return any(k in self.doc for k in ("application", "application_file", "base"))

    def application_text(self):
        """The application's JSON text, exactly as `shifan verify` passes it on."""
        d = self.doc
        if "application" in d:
            return json.dumps(d["application"], ensure_ascii=False)
        if "application_file" in d:
            return (self.dir / d["application_file"]).read_text(encoding="utf-8")
        if "base" in d:
            base = load_json(self.dir / d["base"])
            return json.dumps(merge_patch(base, d.get("patch", {})), ensure_ascii=False)
        raise ValueError("%s: no application" % self.path)

    def application(self):
        """The application as a Python object (None when its text is not JSON Python can read)."""
        try:
            return json.loads(self.application_text())
        except ValueError:
            return None

    def cli_options(self, tmpdir):
        """`shifan evaluate` options reproducing the case's rule pack and readings."""
        opts = []
        d = self.doc
        if "rule_pack" in d:
            p = Path(tmpdir) / ("pack-%d.json" % abs(hash(str(self.path))))
            p.write_text(json.dumps(d["rule_pack"], ensure_ascii=False), encoding="utf-8")
            opts += ["--rule-pack", str(p)]
        elif "rule_pack_file" in d:
            opts += ["--rule-pack", str(self.dir / d["rule_pack_file"])]
        for name, value in sorted((d.get("interpretations") or {}).items()):
            opts += ["--interpretation", "%s=%s" % (name, value)]
        return opts


def iter_cases(root):
    """Every `shifan.case/1` under `root`, sorted by path (fixtures are skipped)."""
    root = Path(root)
    if not root.is_dir():
        return []
    out = []
    for path in sorted(root.rglob("*.json")):
        try:
            doc = load_json(path)
        except ValueError:
            continue
        if isinstance(doc, dict) and doc.get("schema") == CASE_SCHEMA:
            out.append(Case(path, doc))
    return out


def evaluate(shifan, case, extra=()):
    """Run `shifan evaluate --json` on a case's application: (exit code, parsed JSON or None, stderr)."""
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [str(shifan), "evaluate", "--json", *case.cli_options(tmp), *extra, "-"]
        r = subprocess.run(cmd, input=case.application_text().encode("utf-8"), capture_output=True)
    out = None
    if r.returncode == 0:
        out = json.loads(r.stdout.decode("utf-8"))
    return r.returncode, out, r.stderr.decode("utf-8", "replace")


def find_shifan(repo):
    """The shifan binary: $SHIFAN, else build/ci/bin/shifan, else build/bin/shifan."""
    env = os.environ.get("SHIFAN")
    if env:
        return Path(env)
    for rel in ("build/ci/bin/shifan", "build/bin/shifan"):
        p = Path(repo) / rel
        if p.exists():
            return p
    raise SystemExit("shifan binary not found: build it, or set SHIFAN=/path/to/shifan")
