#!/usr/bin/env python3
"""Writes the bad-input catalogue of the lifecycle formats: malformed `shifan.history/1` documents
in tests/bad-input/history/ and malformed `shifan.calendar/1` documents in tests/bad-input/calendar/
(NNN-name.json + NNN-name.expect.json, the convention of the application catalogue beside it).

Each entry is a valid document with one fault, and the error it must produce: the ErrorCode name,
the exact JSON Pointer and, for an event the transition rules forbid (code "history"), the event's
index. run_catalogue.py runs every entry through the CLI (`shifan status FILE`,
`shifan status --calendar FILE ...`), the C ABI and Python; the Catch2 test hardening_catalogue runs
them in process.

Append new entries at the end of their list; never renumber an entry that exists.

    python3 tests/bad-input/generate_lifecycle_catalogue.py          # (re)write every entry
    python3 tests/bad-input/generate_lifecycle_catalogue.py --check  # fail if the files differ
"""
from __future__ import annotations

import argparse
import copy
import json
import re
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True
from generate_catalogue import O, Raw, dump, pointer_parts  # noqa: E402


def history() -> dict:
    """A valid history: applied, recommended, designated, a summary filed, a later violation."""
    return {
        "schema": "shifan.history/1",
        "platform": {"id": "CZ-BAD-H01", "name": "长治市某科技服务平台", "county": "上党区"},
        "events": [
            {"type": "applied", "date": "2024-03-20", "review_year": 2024},
            {"type": "recommended", "date": "2024-04-30", "county": "上党区"},
            {"type": "designated", "date": "2024-07-01", "document_no": "长中小企服〔2024〕12号",
             "functions": ["technology"]},
            {"type": "annual_summary_filed", "year": 2024, "date": "2025-02-20", "note": "按时报送"},
            {"type": "violation_confirmed", "date": "2025-05-12", "conduct_on": "2025-03-01", "finding": "虚报服务数据"},
        ],
    }


def calendar() -> dict:
    return {
        "schema": "shifan.calendar/1",
        "weekends_rest": True,
        "rest_days": ["2026-01-01", "2026-02-16", "2026-02-17", "2026-10-01"],
        "working_days": ["2026-01-04", "2026-02-14"],
    }


def _walk(doc: object, parts: list[str]) -> object:
    for p in parts:
        doc = doc[int(p)] if isinstance(doc, list) else doc[p]  # type: ignore[index]
    return doc


def with_value(doc: dict, path: str, value: object) -> dict:
    """A copy of `doc` with the member or element at `path` set (a member is created if absent)."""
    doc = copy.deepcopy(doc)
    parts = pointer_parts(path)
    node = _walk(doc, parts[:-1])
    if isinstance(node, list):
        node[int(parts[-1])] = value
    else:
        node[parts[-1]] = value  # type: ignore[index]
    return doc


def without(doc: dict, path: str) -> dict:
    doc = copy.deepcopy(doc)
    parts = pointer_parts(path)
    node = _walk(doc, parts[:-1])
    if isinstance(node, list):
        del node[int(parts[-1])]
    else:
        del node[parts[-1]]  # type: ignore[attr-defined]
    return doc


def with_duplicate(doc: dict, path: str, key: str, value: object) -> object:
    """A copy of `doc` whose object at `path` has `key` once more, after its members."""
    doc = copy.deepcopy(doc)
    parts = pointer_parts(path)
    if not parts:
        return O(list(doc.items()) + [(key, value)])
    parent = _walk(doc, parts[:-1])
    last = int(parts[-1]) if isinstance(parent, list) else parts[-1]
    parent[last] = O(list(parent[last].items()) + [(key, value)])  # type: ignore[index]
    return doc


def with_events(doc: dict, events: list) -> dict:
    doc = copy.deepcopy(doc)
    doc["events"] = events
    return doc


H = history()
C = calendar()
HT = dump(H)
CT = dump(C)
# (directory, name, document, code, path, event_index or None, limits, transition or None)
ENTRIES: list[tuple[str, str, object, str, str, int | None, dict, tuple[str, list[str]] | None]] = []
EVENT_PATH = re.compile(r"^/events/(\d+)(/|$)")


def hist(name: str, doc: object, code: str, path: str, *, event: int | None = None,
         limits: dict | None = None, transition: tuple[str, list[str]] | None = None) -> None:
    """A history entry. Every error whose path lies under /events/<i> names event i; a forbidden
    transition (code "history") also names the event's type and the articles it breaks."""
    m = EVENT_PATH.match(path)
    if event is None and m:
        event = int(m.group(1))
    ENTRIES.append(("history", name, doc, code, path, event, limits or {}, transition))


def cal(name: str, doc: object, code: str, path: str, *, limits: dict | None = None) -> None:
    ENTRIES.append(("calendar", name, doc, code, path, None, limits or {}, None))


def b(text: str) -> bytes:
    return text.encode("utf-8")


APPLIED = {"type": "applied", "date": "2024-03-20", "review_year": 2024}
RECOMMENDED = {"type": "recommended", "date": "2024-04-30", "county": "上党区"}
DESIGNATED = {"type": "designated", "date": "2024-07-01", "document_no": "x"}

# --- histories: not JSON, or not an object ----------------------------------------------------------
hist("empty", b"", "syntax", "")
hist("bom", b"\xef\xbb\xbf" + b(HT), "syntax", "")
hist("utf16-le-bom", b"\xff\xfe" + HT.encode("utf-16-le"), "syntax", "")
hist("trailing-garbage", b(HT + " ]"), "syntax", "")
hist("trailing-second-document", b(HT + HT), "syntax", "")
hist("truncated-in-events", b(HT[: HT.index('"designated"') + 5]), "syntax", "/events/2/type")
hist("truncated-after-platform", b(HT[: HT.index(',"events"')]), "syntax", "")
hist("comment", b("/* history */" + HT), "syntax", "")
hist("nan-literal", b(HT.replace('"review_year":2024', '"review_year":NaN')), "syntax", "/events/0/review_year")
hist("nul-byte", b(HT.replace('"date":"2024-04-30"', '"date":\x00"2024-04-30"')), "syntax", "/events/1/date")
hist("root-array", b("[" + HT + "]"), "wrong_type", "")
hist("root-string", b('"shifan.history/1"'), "wrong_type", "")
hist("empty-object", b("{}"), "missing_required", "/schema")

# --- encoding ------------------------------------------------------------------------------------
NAME = '"name":"长治市某科技服务平台"'
hist("utf8-lone-continuation", b(HT).replace(b(NAME), b'"name":"a\x80b"'), "syntax", "/platform/name")
hist("utf8-overlong", b(HT).replace(b(NAME), b'"name":"\xc0\xaf"'), "syntax", "/platform/name")
hist("utf8-encoded-surrogate", b(HT).replace(b('"finding":"虚报服务数据"'), b'"finding":"\xed\xa0\x80"'), "syntax",
     "/events/4/finding")
hist("utf8-invalid-in-key", b(HT).replace(b'"county":"\xe4\xb8\x8a', b'"c\xffounty":"\xe4\xb8\x8a', 1), "syntax",
     "/platform")
hist("escape-lone-surrogate", b(HT.replace('"note":"按时报送"', '"note":"\\ud800"')), "syntax", "/events/3/note")
hist("control-char-in-string", b(HT.replace('"document_no":"长中小企服', '"document_no":"\t长中小企服')), "syntax",
     "/events/2/document_no")

# --- format tag -----------------------------------------------------------------------------------
hist("missing-schema", without(H, "/schema"), "missing_required", "/schema")
hist("wrong-schema-application", with_value(H, "/schema", "shifan.application/1"), "wrong_schema", "/schema")
hist("wrong-schema-version", with_value(H, "/schema", "shifan.history/2"), "wrong_schema", "/schema")
hist("wrong-schema-calendar", with_value(H, "/schema", "shifan.calendar/1"), "wrong_schema", "/schema")
hist("schema-number", with_value(H, "/schema", 1), "wrong_type", "/schema")
hist("schema-null", with_value(H, "/schema", None), "wrong_type", "/schema")

# --- unknown and duplicate keys ---------------------------------------------------------------------
hist("unknown-key-root", with_value(H, "/status", "designated"), "unknown_key", "/status")
hist("unknown-key-platform", with_value(H, "/platform/credit_code", "91140400MA0K000000"), "unknown_key",
     "/platform/credit_code")
hist("unknown-key-event", with_value(H, "/events/1/by", "county"), "unknown_key", "/events/1/by")
hist("unknown-key-other-type-member", with_value(H, "/events/1/review_year", 2024), "unknown_key",
     "/events/1/review_year")
hist("unknown-key-typo", with_value(without(H, "/events/3/date"), "/events/3/dat", "2025-02-20"), "unknown_key",
     "/events/3/dat")
hist("duplicate-key-root-events", with_duplicate(H, "", "events", []), "duplicate_key", "/events")
hist("duplicate-key-platform-id", with_duplicate(H, "/platform", "id", "CZ-BAD-H02"), "duplicate_key", "/platform/id")
hist("duplicate-key-event-date", with_duplicate(H, "/events/1", "date", "2024-05-01"), "duplicate_key",
     "/events/1/date")
hist("duplicate-key-event-type", with_duplicate(H, "/events/2", "type", "rejected"), "duplicate_key",
     "/events/2/type")

# --- required members -----------------------------------------------------------------------------
hist("missing-platform", without(H, "/platform"), "missing_required", "/platform")
hist("missing-platform-id", without(H, "/platform/id"), "missing_required", "/platform/id")
hist("platform-id-empty", with_value(H, "/platform/id", ""), "missing_required", "/platform/id")
hist("missing-events", without(H, "/events"), "missing_required", "/events")
hist("missing-event-type", without(H, "/events/1/type"), "missing_required", "/events/1/type")
hist("missing-event-date", without(H, "/events/0/date"), "missing_required", "/events/0/date")
hist("missing-review-year", without(H, "/events/0/review_year"), "missing_required", "/events/0/review_year")
hist("missing-document-no", without(H, "/events/2/document_no"), "missing_required", "/events/2/document_no")
hist("missing-finding", without(H, "/events/4/finding"), "missing_required", "/events/4/finding")
hist("missing-summary-year", without(H, "/events/3/year"), "missing_required", "/events/3/year")

# --- unknown event kinds and enumerations -------------------------------------------------------------
hist("unknown-event-type", with_value(H, "/events/3", {"type": "suspended", "date": "2025-01-10"}), "unknown_value",
     "/events/3/type")
hist("event-type-case", with_value(H, "/events/1/type", "Recommended"), "unknown_value", "/events/1/type")
hist("event-type-empty", with_value(H, "/events/1/type", ""), "unknown_value", "/events/1/type")
hist("unknown-function", with_value(H, "/events/2/functions", ["technology", "finance"]), "unknown_value",
     "/events/2/functions/1")
hist("duplicate-function", with_value(H, "/events/2/functions", ["technology", "training", "technology"]),
     "inconsistent", "/events/2/functions/2")

# --- wrong types: numbers where strings are expected, and the reverse ----------------------------------
for n, path, value in [
    ("event-type-number", "/events/1/type", 1),
    ("date-number", "/events/0/date", 20240320),
    ("county-number", "/events/1/county", 411),
    ("document-no-number", "/events/2/document_no", 12),
    ("finding-number", "/events/4/finding", 0),
    ("platform-id-number", "/platform/id", 42),
    ("platform-name-number", "/platform/name", 7),
    ("note-null", "/events/3/note", None),
    ("review-year-string", "/events/0/review_year", "2024"),
    ("review-year-float", "/events/0/review_year", Raw("2024.0")),
    ("summary-year-true", "/events/3/year", True),
    ("functions-string", "/events/2/functions", "technology"),
    ("platform-array", "/platform", ["CZ-BAD-H01"]),
    ("events-object", "/events", {"0": APPLIED}),
    ("event-number", "/events/1", 42),
    ("event-null", "/events/1", None),
    ("event-array", "/events/1", [RECOMMENDED]),
]:
    hist(n, with_value(H, path, value), "wrong_type", path)
hist("review-year-1899", with_value(H, "/events/0/review_year", 1899), "out_of_range", "/events/0/review_year")
hist("review-year-negative", with_value(H, "/events/0/review_year", -2024), "out_of_range", "/events/0/review_year")
hist("summary-year-2pow64", with_value(H, "/events/3/year", Raw("18446744073709551616")), "out_of_range",
     "/events/3/year")

# --- impossible and malformed dates ---------------------------------------------------------------
for n, path, value in [
    ("date-2026-02-29", "/events/3/date", "2026-02-29"),
    ("date-2025-13-01", "/events/3/date", "2025-13-01"),
    ("date-2024-04-31", "/events/1/date", "2024-04-31"),
    ("date-day-00", "/events/0/date", "2024-03-00"),
    ("date-1900-02-29", "/events/0/date", "1900-02-29"),
    ("date-with-time", "/events/2/date", "2024-07-01T09:00:00"),
    ("date-slashes", "/events/2/date", "2024/07/01"),
    ("date-unpadded", "/events/2/date", "2024-7-1"),
    ("date-empty", "/events/2/date", ""),
    ("conduct-on-2025-02-29", "/events/4/conduct_on", "2025-02-29"),
]:
    hist(n, with_value(H, path, value), "invalid_date", path)

# --- events the transition rules forbid (ErrorCode::history, with the event index) ------------------------
hist("events-out-of-date-order", with_value(H, "/events/1/date", "2024-03-01"), "history", "/events/1/date", event=1,
     transition=("recommended", []))
hist("summary-before-designation-date", with_value(H, "/events/4/date", "2025-02-19"), "history", "/events/4/date",
     event=4, transition=("violation_confirmed", []))
hist("designated-without-recommendation", with_events(H, [APPLIED, DESIGNATED]), "history", "/events/1/type", event=1,
     transition=("designated", ["art8", "art9", "art10", "art11"]))
hist("recommended-without-application", with_events(H, [RECOMMENDED]), "history", "/events/0/type", event=0,
     transition=("recommended", ["art8", "art9"]))
hist("recommended-twice", with_events(H, [APPLIED, RECOMMENDED, RECOMMENDED]), "history", "/events/2/type", event=2,
     transition=("recommended", ["art8", "art9"]))
hist("applied-twice-same-year", with_events(H, [APPLIED, {"type": "applied", "date": "2024-05-01",
                                                           "review_year": 2024}]),
     "history", "/events/1/review_year", event=1, transition=("applied", ["art12"]))
hist("applied-review-year-mismatch", with_events(H, [{"type": "applied", "date": "2024-03-20", "review_year": 2027}]),
     "history", "/events/0/review_year", event=0, transition=("applied", ["art12"]))
hist("applied-while-valid", with_value(H, "/events/4", {"type": "applied", "date": "2025-03-01", "review_year": 2025}),
     "history", "/events/4/review_year", event=4, transition=("applied", ["art14"]))
hist("violation-never-designated", with_events(H, [APPLIED, {"type": "violation_confirmed", "date": "2024-05-01",
                                                             "finding": "x"}]),
     "history", "/events/1/date", event=1, transition=("violation_confirmed", ["art14"]))
hist("violation-conduct-after-confirmation", with_value(H, "/events/4/conduct_on", "2025-06-01"), "history",
     "/events/4/conduct_on", event=4, transition=("violation_confirmed", ["art14"]))
hist("violation-conduct-before-term", with_value(H, "/events/4/conduct_on", "2024-06-30"), "history",
     "/events/4/conduct_on", event=4, transition=("violation_confirmed", ["art14"]))


# --- limits ---------------------------------------------------------------------------------------
NOTE = '"note":"按时报送"'
hist("depth-65-in-note", b(HT.replace(NOTE, '"note":' + "[" * 62 + "]" * 62)), "limit_exceeded",
     "/events/3/note" + "/0" * 61)
hist("depth-65-arrays", b("[" * 65 + "]" * 65), "limit_exceeded", "/0" * 64)
hist("limit-array-length", H, "limit_exceeded", "/events/3", limits={"max_array_length": 3})
hist("limit-string-bytes", with_value(H, "/events/4/finding", "违" * 20), "limit_exceeded", "/events/4/finding",
     limits={"max_string_bytes": 40})
hist("limit-key-bytes", with_value(H, "/platform/" + "k" * 41, 1), "limit_exceeded", "/platform",
     limits={"max_string_bytes": 40})
hist("limit-depth", H, "limit_exceeded", "/events/0", limits={"max_depth": 2})
hist("limit-document-bytes", H, "limit_exceeded", "", limits={"max_document_bytes": 100})

# --- revision 2: the ground of a revocation -------------------------------------------------------
FALSE_APPLICATION = {"type": "violation_confirmed", "date": "2025-05-12", "conduct_on": "2024-03-20",
                     "finding": "申报材料不实", "ground": "false_application"}
hist("false-application-before-applied", with_value(H, "/events/4", dict(FALSE_APPLICATION, conduct_on="2024-03-19")),
     "history", "/events/4/conduct_on", transition=("violation_confirmed", ["art14"]))
hist("false-application-after-designation", with_value(H, "/events/4", dict(FALSE_APPLICATION, conduct_on="2024-07-02")),
     "history", "/events/4/conduct_on", transition=("violation_confirmed", ["art14"]))
hist("application-conduct-without-ground", with_value(H, "/events/4", {k: v for k, v in FALSE_APPLICATION.items()
                                                                       if k != "ground"}),
     "history", "/events/4/conduct_on", transition=("violation_confirmed", ["art14"]))
hist("false-application-never-designated", with_events(H, [APPLIED, dict(FALSE_APPLICATION, date="2024-05-01")]),
     "history", "/events/1/conduct_on", transition=("violation_confirmed", ["art14"]))
hist("ground-unknown", with_value(H, "/events/4/ground", "fraud"), "unknown_value", "/events/4/ground")
hist("ground-number", with_value(H, "/events/4/ground", 1), "wrong_type", "/events/4/ground")


# --- calendars --------------------------------------------------------------------------------------
cal("empty", b"", "syntax", "")
cal("bom", b"\xef\xbb\xbf" + b(CT), "syntax", "")
cal("trailing-garbage", b(CT + "x"), "syntax", "")
cal("truncated", b(CT[: CT.index('"2026-10-01"') + 6]), "syntax", "/rest_days/3")
cal("comment", b("# rest days\n" + CT), "syntax", "")
cal("utf8-invalid-in-date", b(CT).replace(b'"2026-02-16"', b'"2026-02-1\xff"'), "syntax", "/rest_days/1")
cal("root-array", b("[" + CT + "]"), "wrong_type", "")
cal("missing-schema", without(C, "/schema"), "missing_required", "/schema")
cal("wrong-schema-history", with_value(C, "/schema", "shifan.history/1"), "wrong_schema", "/schema")
cal("wrong-schema-version", with_value(C, "/schema", "shifan.calendar/2"), "wrong_schema", "/schema")
cal("schema-null", with_value(C, "/schema", None), "wrong_type", "/schema")
cal("unknown-key", with_value(C, "/holidays", ["2026-01-01"]), "unknown_key", "/holidays")
cal("unknown-key-typo", with_value(without(C, "/rest_days"), "/rest_day", ["2026-01-01"]), "unknown_key", "/rest_day")
cal("duplicate-key-rest-days", with_duplicate(C, "", "rest_days", []), "duplicate_key", "/rest_days")
cal("duplicate-key-weekends-rest", with_duplicate(C, "", "weekends_rest", False), "duplicate_key", "/weekends_rest")
cal("weekends-rest-string", with_value(C, "/weekends_rest", "true"), "wrong_type", "/weekends_rest")
cal("weekends-rest-number", with_value(C, "/weekends_rest", 1), "wrong_type", "/weekends_rest")
cal("weekends-rest-null", with_value(C, "/weekends_rest", None), "wrong_type", "/weekends_rest")
cal("rest-days-string", with_value(C, "/rest_days", "2026-01-01"), "wrong_type", "/rest_days")
cal("rest-days-object", with_value(C, "/rest_days", {"2026-01-01": True}), "wrong_type", "/rest_days")
cal("rest-day-number", with_value(C, "/rest_days/2", 20260217), "wrong_type", "/rest_days/2")
cal("working-day-null", with_value(C, "/working_days/1", None), "wrong_type", "/working_days/1")
cal("date-2026-02-29", with_value(C, "/rest_days/1", "2026-02-29"), "invalid_date", "/rest_days/1")
cal("date-2025-13-01", with_value(C, "/working_days/0", "2025-13-01"), "invalid_date", "/working_days/0")
cal("date-with-time", with_value(C, "/rest_days/0", "2026-01-01T00:00:00"), "invalid_date", "/rest_days/0")
cal("date-year-3000", with_value(C, "/rest_days/3", "3000-10-01"), "invalid_date", "/rest_days/3")
cal("rest-day-repeated", with_value(C, "/rest_days", ["2026-01-01", "2026-02-16", "2026-01-01"]), "inconsistent",
    "/rest_days/2")
cal("rest-and-working-day", with_value(C, "/working_days", ["2026-01-04", "2026-02-16"]), "inconsistent",
    "/working_days/1")
cal("depth-65-arrays", b("[" * 65 + "]" * 65), "limit_exceeded", "/0" * 64)
cal("depth-65-in-rest-days", b(CT.replace('"rest_days":[', '"rest_days":[' + "[" * 63, 1)
                               .replace('"2026-10-01"]', '"2026-10-01"' + "]" * 64, 1)),
    "limit_exceeded", "/rest_days" + "/0" * 63)
cal("limit-array-length", C, "limit_exceeded", "/rest_days/2", limits={"max_array_length": 2})
cal("limit-string-bytes", C, "limit_exceeded", "/schema", limits={"max_string_bytes": 12})
cal("limit-document-bytes", C, "limit_exceeded", "", limits={"max_document_bytes": 64})


def write(check: bool) -> int:
    bad = 0
    counters: dict[str, int] = {}
    expected: dict[str, set[str]] = {}
    for directory, name, doc, code, path, event, limits, transition in ENTRIES:
        counters[directory] = counters.get(directory, 0) + 1
        stem = f"{counters[directory]:03d}-{name}"
        data = doc if isinstance(doc, bytes) else dump(doc).encode("utf-8")
        e: dict[str, object] = {"format": directory, "code": code, "path": path}
        if event is not None:
            e["event_index"] = event
        if transition is not None:
            e["event_type"], e["articles"] = transition
        if limits:
            e["limits"] = limits
        expect = (json.dumps(e, ensure_ascii=False) + "\n").encode()
        target_dir = HERE / directory
        if not check:
            target_dir.mkdir(exist_ok=True)
        names = expected.setdefault(directory, set())
        for fname, content in ((stem + ".json", data), (stem + ".expect.json", expect)):
            assert fname not in names, f"duplicate entry {directory}/{fname}"
            names.add(fname)
            target = target_dir / fname
            if check:
                if not target.exists() or target.read_bytes() != content:
                    print(f"differs: {directory}/{fname}", file=sys.stderr)
                    bad += 1
            else:
                target.write_bytes(content)
    for directory, names in expected.items():
        for p in (HERE / directory).glob("[0-9][0-9][0-9]-*.json"):
            if p.name not in names:
                print(f"not generated here: {directory}/{p.name}", file=sys.stderr)
                bad += 1
    print(", ".join(f"{n} {d} entries" for d, n in counters.items()), file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare instead of writing")
    sys.exit(write(ap.parse_args().check))
