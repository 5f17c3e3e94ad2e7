#!/usr/bin/env python3
"""Seed inputs for the fuzz targets, from the repository's own documents: examples/, the policy
cases (tests/cases: base + merge patch resolved), the bad-input catalogue and the rule packs.
    python3 fuzz/make_seeds.py OUT_DIR      # writes OUT_DIR/<target>/<name>
The committed corpora (fuzz/corpus/<target>/) are these seeds plus what fuzzing found, minimised
with -merge=1.
"""
import hashlib
import json
import pathlib
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def merge_patch(target, patch):
    """RFC 7386."""
    if not isinstance(patch, dict):
        return patch
    if not isinstance(target, dict):
        target = {}
    out = dict(target)
    for k, v in patch.items():
        if v is None:
            out.pop(k, None)
        else:
            out[k] = merge_patch(out.get(k), v)
    return out


def cases(verdicts_only=False):
    """The policy cases' documents; with verdicts_only, only the applications a case expects a
    verdict of (not an input error)."""
    for f in sorted((ROOT / "tests" / "cases").rglob("*.json")):
        try:
            doc = json.loads(f.read_text(encoding="utf-8"))
        except (ValueError, UnicodeDecodeError):
            continue
        if not isinstance(doc, dict) or doc.get("schema") != "shifan.case/1":
            continue
        if verdicts_only and "verdict" not in doc.get("expect", {}):
            continue
        app = doc.get("application")
        if app is None and "base" in doc:
            try:
                base = json.loads((f.parent / doc["base"]).read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            app = merge_patch(base, doc.get("patch", {}))
        if isinstance(app, dict):
            yield f.stem, "application", json.dumps(app, ensure_ascii=False).encode()
        for key in ("rule_pack", "rulepack"):
            if isinstance(doc.get(key), dict):
                yield f.stem, "rulepack", json.dumps(doc[key], ensure_ascii=False).encode()
        if isinstance(doc.get("history"), dict):
            yield f.stem, "history", json.dumps(doc["history"], ensure_ascii=False).encode()
        if isinstance(doc.get("calendar"), dict):
            yield f.stem, "calendar", json.dumps(doc["calendar"], ensure_ascii=False).encode()


def files():
    for f in sorted((ROOT / "examples").rglob("*.json")):
        data = f.read_bytes()
        try:
            schema = json.loads(data).get("schema", "")
        except (ValueError, AttributeError):
            continue
        kind = {"shifan.application/1": "application", "shifan.rulepack/1": "rulepack",
                "shifan.history/1": "history", "shifan.calendar/1": "calendar"}.get(schema)
        if kind:
            yield f.stem, kind, data
    for f in sorted((ROOT / "rules").glob("*.json")):
        yield f.stem, "rulepack", f.read_bytes()
    for e in sorted((ROOT / "tests" / "bad-input").glob("**/[0-9][0-9][0-9]-*.expect.json")):
        fmt = json.loads(e.read_text(encoding="utf-8"))["format"]
        doc = e.with_name(e.name.replace(".expect.json", ".json"))
        if fmt in ("application", "rulepack", "history", "calendar"):
            yield doc.stem, fmt, doc.read_bytes()


def history_parts(histories, filings):
    """The history target's multi-part inputs: a history with its last events cut off and offered
    again to append (one per part, separated by 0x1E), and a county-filings document as a part."""
    for name, data in histories:
        try:
            doc = json.loads(data)
        except ValueError:
            continue
        events = doc.get("events") if isinstance(doc, dict) else None
        if not isinstance(events, list) or len(events) < 2:
            continue
        for cut in (1, min(3, len(events) - 1)):
            head = dict(doc, events=events[:-cut])
            parts = [json.dumps(head).encode()]
            parts += [json.dumps(e).encode() for e in events[-cut:]]
            parts += filings[:1]
            yield f"{name}-append{cut}", b"\x1e".join(parts)


def main() -> int:
    out = pathlib.Path(sys.argv[1])
    seen = set()
    apps = []
    count = {}
    for name, kind, data in list(files()) + list(cases()):
        h = hashlib.sha1(data).hexdigest()[:12]
        if (kind, h) in seen:
            continue
        seen.add((kind, h))
        d = out / kind
        d.mkdir(parents=True, exist_ok=True)
        (d / f"{name}-{h}").write_bytes(data)
        count[kind] = count.get(kind, 0) + 1
        if kind == "application":
            apps.append(data)
    histories = [(n, d) for n, k, d in list(files()) + list(cases()) if k == "history"]
    filings = [f.read_bytes() for f in sorted((ROOT / "examples" / "histories").glob("county-filings-*.json"))]
    d = out / "history"
    for name, data in history_parts(histories, filings):
        (d / name).write_bytes(data)
        count["history"] += 1
    # batch: a mode byte, then a few applications separated by 0x1E
    d = out / "batch"
    d.mkdir(parents=True, exist_ok=True)
    for i in range(0, min(len(apps), 120), 3):
        data = bytes([i % 16]) + b"\x1e".join(apps[i:i + 3])
        (d / f"batch-{i:03d}").write_bytes(data)
        count["batch"] = count.get("batch", 0) + 1
    # ffi: three header bytes (mode: threads, alternative reading, kept changes, language; then the
    # limits, 0 = none), then applications separated by 0x1E — the readable ones (examples/ and the
    # policy cases), so that the comparator sees verdicts change and the limits refuse good documents
    d = out / "ffi"
    d.mkdir(parents=True, exist_ok=True)
    examples = [f.read_bytes() for f in sorted((ROOT / "examples" / "applications").glob("*.json"))]
    readable = examples + [data for _, kind, data in cases(verdicts_only=True) if kind == "application"]
    readable = readable[:160]
    headers = [(0x00, 0, 0), (0x0a, 0, 0), (0x54, 0, 0), (0x4f, 0, 0), (0x18, 0xcf, 0x8f), (0x80, 0x38, 0),
               (0x01, 0, 0x40), (0x22, 0x06, 0x03), (0x60, 0xa4, 0x6f)]
    for k, i in enumerate(range(0, len(readable), 5)):
        header = bytes(headers[k % len(headers)])
        (d / f"ffi-{i:03d}").write_bytes(header + b"\x1e".join(readable[i:i + 5]))
        count["ffi"] = count.get("ffi", 0) + 1
    print(" ".join(f"{k}={v}" for k, v in sorted(count.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
