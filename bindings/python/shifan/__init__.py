"""shifan — 《长治市市级中小企业公共服务示范平台认定管理办法》 as rules, from Python.

Pure ctypes bindings over libshifan.so (the stable C interface). The library is found through
the ``SHIFAN_LIBRARY`` environment variable, then a copy next to this package, then the system path.

    >>> import shifan
    >>> with shifan.evaluate("application.json") as e:
    ...     print(e.verdict, e.qualified_functions)
    ...     for c in e.checks:
    ...         if c.kind == "rule" and c.outcome == "fail" and c.reason != "not_claimed":
    ...             print(c.id, c.shortfall, c.unit, c.message)

``shifan.Engine`` keeps a rule pack and readings for many evaluations; ``shifan.evaluate_many``
evaluates a whole list in one call to the library (in parallel), fetching each item's full result
only when asked.

Documents (``Document`` in signatures). Every function that takes one reads it by one rule: a
``dict`` is the document; ``bytes`` (``bytearray``, ``memoryview``) are always the document's text;
an ``os.PathLike`` is always a path; a ``str`` is JSON text when it is empty or starts, after an
optional byte order mark, with ``{``, ``[`` or JSON whitespace, and a path otherwise. A path that
cannot be read raises the ``OSError`` of ``open()`` (e.g. FileNotFoundError).

Spreadsheets (``Sheet`` in signatures). ``shifan.csv_template()`` gives the empty CSV application
sheet; ``shifan.import_csv()`` reads a filled one, one application per row. A sheet is read by one
rule too: ``bytes`` (``bytearray``, ``memoryview``) are the file's bytes (UTF-8 or GB18030); an
``os.PathLike`` is a path; a ``str`` is the sheet's text when it holds a line break, and a path
otherwise (a sheet without a line break has no application row).

Numbers (``Number`` in signatures). A check's numbers are typed: counts and days ``int``, money
and percentages ``decimal.Decimal`` (exact, with the two decimals of the JSON), dates
``datetime.date``. The JSON outputs (``to_json``, ``to_dict``) keep the strings of
``shifan.evaluation/1``.
"""
from __future__ import annotations

import array
import contextlib
import ctypes
import datetime
import decimal
import functools
import itertools
import json
import os
import re
import threading
from ctypes import byref, c_char_p, c_int64, c_size_t, c_uint8, c_int32
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, List, Mapping, NamedTuple, Optional, Sequence, Tuple, Union

from . import _ffi as _c
from ._errors import (Error, HandleError, HistoryError, InputError, InternalError, OutOfMemoryError,
                      RulePackError, UsageError)

__all__ = [
    "Engine", "Evaluation", "Check", "SecondComparison", "BatchResult", "evaluate", "evaluate_many", "version",
    "History", "Status", "Roster", "status", "roster", "Comparison", "compare", "RESULTS",
    "csv_template", "import_csv", "CsvRow", "CsvCellError",
    "Error", "InputError", "RulePackError", "HistoryError", "UsageError", "HandleError", "InternalError",
    "OutOfMemoryError", "FUNCTIONS", "VERDICTS",
]

#: A document: a dict, JSON text (a str by the rule of ``_is_json_text``, or bytes), or a path (any
#: other str, or an os.PathLike).
Document = Union[Mapping[str, Any], str, bytes, bytearray, memoryview, "os.PathLike[str]"]

FUNCTIONS: Tuple[str, ...] = ("information", "technology", "entrepreneurship", "training", "financing")
VERDICTS: Tuple[str, ...] = ("eligible", "ineligible", "undetermined")
OUTCOMES: Tuple[str, ...] = ("pass", "fail", "undetermined", "not_applicable")
RESULTS: Tuple[str, ...] = ("eligible", "ineligible", "undetermined", "error")
_VERDICT_NONE = 255
# mask -> names, precomputed so that a batch of 100k items costs no per-item work here
_FUNCTION_NAMES: Tuple[Tuple[str, ...], ...] = tuple(
    tuple(name for bit, name in enumerate(FUNCTIONS) if mask & (1 << bit)) for mask in range(32))
_INTEGER = re.compile(r"-?[0-9]+\Z")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")

#: A number a check reports: a count (int), an amount of money or a percentage (decimal.Decimal, exact,
#: with the two decimals of the JSON), or a date (datetime.date); None when the JSON has null.
Number = Union[int, decimal.Decimal, datetime.date, None]

__version__ = _c.shifan_version().decode()


def version() -> str:
    """The version of the libshifan loaded, e.g. "0.1.0"."""
    return _c.shifan_version().decode()


# The first characters that make a str JSON text rather than a path (JSON's own whitespace included).
_JSON_TEXT_START = frozenset("{[ \t\n\r")


def _is_json_text(text: str) -> bool:
    """The one rule for a ``str`` given where a document is expected: it is JSON text when it is
    empty or when its first character, after an optional byte order mark, is ``{``, ``[`` or JSON
    whitespace (space, tab, line feed, carriage return); any other ``str`` is a path. (No document
    of shifan is anything but an object, and no sensible file name starts with those characters.)"""
    if text.startswith("\ufeff"):
        text = text[1:]
    return not text or text[0] in _JSON_TEXT_START


def _document_bytes(doc: Document, what: str = "document") -> bytes:
    """The bytes of a document given as a dict, JSON text (``str`` as ``_is_json_text`` says, or
    ``bytes``/``bytearray``/``memoryview``, always a document), or a path (any other ``str``, or an
    ``os.PathLike``). A path that cannot be read raises the ``OSError`` of ``open`` (e.g.
    FileNotFoundError, with the path as ``filename``)."""
    if isinstance(doc, bytes):
        return doc
    if isinstance(doc, str):
        if _is_json_text(doc):
            return doc.encode("utf-8")
        with open(doc, "rb") as f:  # a path
            return f.read()
    if isinstance(doc, (bytearray, memoryview)):
        return bytes(doc)
    if isinstance(doc, os.PathLike):
        with open(doc, "rb") as f:
            return f.read()
    if isinstance(doc, Mapping):
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    raise TypeError(f"{what}: expected a dict, JSON text (str or bytes) or a path (str or os.PathLike), "
                    f"not {type(doc).__name__}")


_LIMITS = ("max_document_bytes", "max_depth", "max_array_length", "max_string_bytes")
Limits = Mapping[str, int]


def _limits_struct(limits: Optional[Limits]) -> Optional[_c.EvaluateOptions]:
    """``shifan_evaluate_options`` for a mapping such as ``{"max_depth": 16}`` (absent or 0 = the
    library's default: 16 MiB, 64, 1,000,000, 64 KiB); None for all defaults."""
    if limits is None:
        return None
    unknown = sorted(set(limits) - set(_LIMITS))
    if unknown:
        raise UsageError(-15, "", "未知的输入限制：" + ", ".join(unknown) + "（可用：" + ", ".join(_LIMITS) + "）",
                         "unknown input limit(s): " + ", ".join(unknown) + " (known: " + ", ".join(_LIMITS) + ")")
    opts = _c.EvaluateOptions()
    _c.check(_c.shifan_evaluate_options_init(byref(opts), _c.EVALUATE_OPTIONS_VERSION), None)
    for name, value in limits.items():
        if isinstance(value, bool) or not isinstance(value, int) or value < 0 or value >= 1 << 64:
            raise UsageError(-15, "", f"输入限制 {name} 应为非负整数", f"input limit {name} must be a non-negative integer")
        setattr(opts, name, value)
    return opts


def _limits(limits: Optional[Limits]) -> Any:
    """``_limits_struct`` passed by reference (None: NULL, all defaults)."""
    opts = _limits_struct(limits)
    return None if opts is None else byref(opts)


def _number(text: Optional[bytes]) -> Number:
    """A check's number from its JSON form: counts and days as int, money and percentages as
    decimal.Decimal (exact: "999999.99" stays 999999.99, never a float), dates as datetime.date."""
    if text is None:
        return None
    s = text.decode()
    if _INTEGER.match(s):
        return int(s)
    if _DATE.match(s):
        return datetime.date.fromisoformat(s)
    return decimal.Decimal(s)


def _json_number(value: Number) -> Union[int, str, None]:
    """A check's number back in its JSON form (the inverse of ``_number``): Decimal keeps its two
    decimals ("1000000.00"), a date is "YYYY-MM-DD"."""
    if isinstance(value, (decimal.Decimal, datetime.date)):
        return str(value) if isinstance(value, decimal.Decimal) else value.isoformat()
    return value


def _second(h: Any, i: int) -> Optional[SecondComparison]:
    """Check ``i``'s second comparison, or None when its rule has none."""
    name = _c.shifan_evaluation_check_second_name(h, i)
    if name is None:
        return None
    return SecondComparison(name.decode(), _number(_c.shifan_evaluation_check_second_actual(h, i)),
                            _number(_c.shifan_evaluation_check_second_required(h, i)),
                            _number(_c.shifan_evaluation_check_second_shortfall(h, i)))


class _Use:
    """Holds an object's handle for the length of a ``with`` block: shared (any number of readers at
    once) or exclusive (one writer: close(), append(), set_interpretation(), set_calendar()). The
    library's calls release the GIL, so without this one thread could free or change a handle while
    another is inside the library with it."""

    __slots__ = ("_owner", "_exclusive")

    def __init__(self, owner: "_Managed", exclusive: bool) -> None:
        self._owner = owner
        self._exclusive = exclusive

    def __enter__(self) -> Any:
        o = self._owner
        with o._cond:
            if self._exclusive:
                while o._writing or o._readers:
                    o._cond.wait()
                o._writing = True
            else:
                while o._writing:
                    o._cond.wait()
                o._readers += 1
        return o._ptr

    def __exit__(self, *exc: Any) -> None:
        o = self._owner
        with o._cond:
            if self._exclusive:
                o._writing = False
            else:
                o._readers -= 1
            o._cond.notify_all()


def _holding(exclusive: bool) -> Any:
    """A decorator that runs a method with its object's handle held (see ``_Use``)."""
    def decorate(fn: Any) -> Any:
        @functools.wraps(fn)
        def wrapper(self: "_Managed", *args: Any, **kwargs: Any) -> Any:
            with _Use(self, exclusive):
                return fn(self, *args, **kwargs)
        return wrapper
    return decorate


_shared = _holding(False)      # readers: any number at once
_exclusive = _holding(True)    # close, append, set_*: alone


def _c_string(value: Any, what: str) -> bytes:
    """A str argument for a C string: TypeError for another type, UsageError for an embedded NUL
    (which the library would never see: the string would end there)."""
    if not isinstance(value, str):
        raise TypeError(f"{what}: expected a str, not {type(value).__name__}")
    if "\x00" in value:
        raise UsageError(-15, "", f"{what} 含有 NUL 字符", f"{what} contains a NUL character")
    return value.encode("utf-8")


def _check_lang(lang: Any) -> str:
    """``lang`` if it is "zh", "en" or "both"; UsageError otherwise (as the CLI's --lang)."""
    _c.lang_code(lang)
    return lang


class _Managed:
    """Owns one C handle: freed by close(), by the context manager, or (as a fallback) by the GC.
    Every use of the handle holds it (``_Use``), so that closing or changing an object on one thread
    while another uses it waits for that use to end: never a crash."""

    _ptr: Any = None
    _free: Any = None

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        self = super().__new__(cls)
        self._cond = threading.Condition(threading.Lock())
        self._readers = 0
        self._writing = False
        return self

    def close(self) -> None:
        """Release the handle now (idempotent; waits for uses on other threads to end)."""
        if getattr(self, "_cond", None) is None:  # __init__ never ran to the end
            return
        with _Use(self, True):
            ptr, self._ptr = self._ptr, None
            if ptr:
                type(self)._free(ptr)

    def __enter__(self) -> Any:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: the library may be gone already
            pass

    def _handle(self) -> Any:
        if not self._ptr:
            name = type(self).__name__
            raise HandleError(-101, "", f"此 {name} 已关闭（close() 之后不能再用）",
                              f"this {name} is closed (it cannot be used after close())")
        return self._ptr


class SecondComparison(NamedTuple):
    """The second comparison of a rule with two thresholds that must both hold (e.g. the activities
    of art7.5.intermediary_route): ``name`` is its member name in the JSON ("activities"); the
    numbers are typed as in ``Check``."""

    name: str
    actual: Number = None
    required: Number = None
    shortfall: Number = None


@dataclass(frozen=True)
class Check:
    """One rule or group of an evaluation.

    ``actual``, ``required`` and ``shortfall`` are typed numbers (``Number``): int for counts and
    days, ``decimal.Decimal`` for money (CNY) and percentages, ``datetime.date`` for dates
    (``art6.1.operating_period``); None where the JSON has null. ``unit`` names the unit of a
    numeric rule as the JSON does ("SMEs", "CNY", "satisfied respondents", …; None for groups and
    rules without a number); ``missing`` lists the JSON Pointers of the absent inputs that left this
    rule undetermined (empty otherwise). ``to_dict()`` gives the check as in the JSON."""

    id: str
    citation: str
    kind: str  # "rule" or "group"
    outcome: str  # pass, fail, undetermined, not_applicable
    reason: str
    actual: Number = None
    required: Number = None
    shortfall: Number = None
    message: str = ""
    second: Optional[SecondComparison] = None  # a rule with two thresholds: its second comparison
    unit: Optional[str] = None
    missing: Tuple[str, ...] = ()

    def to_dict(self) -> Dict[str, Any]:
        """The check as its object in the ``shifan.evaluation/1`` JSON (numbers as the JSON writes
        them: money and percentages as strings with two decimals, dates as "YYYY-MM-DD"), with
        ``message`` in the evaluation's language."""
        d: Dict[str, Any] = {"id": self.id, "citation": self.citation, "kind": self.kind, "outcome": self.outcome,
                             "reason": self.reason, "actual": _json_number(self.actual),
                             "required": _json_number(self.required), "shortfall": _json_number(self.shortfall)}
        if self.unit is not None:
            d["unit"] = self.unit
        if self.second is not None:  # as in the JSON: a member named after it
            d[self.second.name] = {"actual": _json_number(self.second.actual),
                                   "required": _json_number(self.second.required),
                                   "shortfall": _json_number(self.second.shortfall)}
        if self.missing:
            d["missing"] = list(self.missing)
        d["message"] = self.message
        return d


class Evaluation(_Managed):
    """The evaluation of one application (immutable; safe to read from several threads).

    ``lang`` ("zh", "en" or "both") is the default language of ``checks`` messages, ``report()``
    and ``to_json()``; the CLI's ``--json`` output is ``to_json(lang="both")``.
    """

    _free = _c.shifan_evaluation_free

    def __init__(self, ptr: Any, lang: str = "zh") -> None:
        self._ptr = ptr
        self.lang = _check_lang(lang)
        self._checks: Optional[List[Check]] = None

    @property
    @_shared
    def verdict(self) -> str:
        """"eligible", "ineligible" or "undetermined"."""
        return VERDICTS[_c.check_value(_c.shifan_evaluation_verdict(self._handle()))]

    @property
    @_shared
    def qualified_functions(self) -> List[str]:
        """The art7 functions that pass, in art7 order."""
        return list(_FUNCTION_NAMES[_c.check_value(_c.shifan_evaluation_qualified_functions(self._handle()))])

    @property
    @_shared
    def qualified_functions_mask(self) -> int:
        return _c.check_value(_c.shifan_evaluation_qualified_functions(self._handle()))

    @property
    @_shared
    def application_id(self) -> Optional[str]:
        v = _c.shifan_evaluation_application_id(self._handle())
        return v.decode() if v is not None else None

    @property
    @_shared
    def review_year(self) -> int:
        return _c.check_value(_c.shifan_evaluation_review_year(self._handle()))

    @property
    @_shared
    def reference_date(self) -> datetime.date:
        """The day the application is judged at (``reference_date`` of the JSON)."""
        return datetime.date.fromisoformat(_c._text(_c.shifan_evaluation_reference_date(self._handle())))

    @property
    @_shared
    def rule_pack(self) -> Dict[str, str]:
        h = self._handle()
        return {"id": _c._text(_c.shifan_evaluation_rule_pack_id(h)),
                "version": _c._text(_c.shifan_evaluation_rule_pack_version(h))}

    @property
    @_shared
    def checks(self) -> List[Check]:
        """Every rule and group, in result order (a group precedes its children)."""
        if self._checks is None:
            h = self._handle()
            lang = _c.LANG_EN if self.lang == "en" else _c.LANG_ZH
            # unit and missing as the JSON has them (one compact document without messages)
            opts = _c.JsonOptions()
            _c.shifan_json_options_init(byref(opts), _c.JSON_OPTIONS_VERSION)
            opts.messages = 0
            written = {c["id"]: c for c in
                       json.loads(_c.call_string(_c.shifan_evaluation_to_json, h, byref(opts)))["checks"]}
            out = []
            for i in range(_c.check_value(_c.shifan_evaluation_check_count(h))):
                check_id = _c._text(_c.shifan_evaluation_check_id(h, i))
                j = written[check_id]
                out.append(Check(
                    id=check_id,
                    citation=_c._text(_c.shifan_evaluation_check_citation(h, i, lang)),
                    kind="group" if _c.shifan_evaluation_check_kind(h, i) == 1 else "rule",
                    outcome=OUTCOMES[_c.check_value(_c.shifan_evaluation_check_outcome(h, i))],
                    reason=_c._text(_c.shifan_evaluation_check_reason(h, i)),
                    actual=_number(_c.shifan_evaluation_check_actual(h, i)),
                    required=_number(_c.shifan_evaluation_check_required(h, i)),
                    shortfall=_number(_c.shifan_evaluation_check_shortfall(h, i)),
                    message=_c._text(_c.shifan_evaluation_check_message(h, i, lang)),
                    second=_second(h, i),
                    unit=j.get("unit"),
                    missing=tuple(j.get("missing", ()))))
            self._checks = out
        return self._checks

    def check(self, id: str) -> Check:
        """The check with this id ("art6.2.satisfaction"); KeyError if there is none."""
        for c in self.checks:
            if c.id == id:
                return c
        raise KeyError(id)

    @property
    @_shared
    def missing(self) -> List[str]:
        """JSON Pointers of the absent inputs that made some check undetermined."""
        h = self._handle()
        return [_c._text(_c.shifan_evaluation_missing(h, i))
                for i in range(_c.check_value(_c.shifan_evaluation_missing_count(h)))]

    @property
    @_shared
    def dossier(self) -> Dict[str, Any]:
        """{"complete": True/False/None, "missing_materials": [...]} (art9, art10)."""
        h = self._handle()
        d = _c.check_value(_c.shifan_evaluation_dossier(h))
        materials = [_c._text(_c.shifan_evaluation_missing_material(h, i))
                     for i in range(_c.check_value(_c.shifan_evaluation_missing_material_count(h)))]
        return {"complete": None if d == 2 else d == 1, "missing_materials": materials}

    @_shared
    def to_json(self, *, lang: Optional[str] = None, compact: bool = False, messages: bool = True) -> str:
        """``shifan.evaluation/1`` JSON text."""
        opts = _c.JsonOptions()
        _c.shifan_json_options_init(byref(opts), _c.JSON_OPTIONS_VERSION)
        opts.lang = _c.lang_code(lang or self.lang)
        opts.compact = int(compact)
        opts.messages = int(messages)
        return _c.call_string(_c.shifan_evaluation_to_json, self._handle(), byref(opts))

    def to_dict(self, *, lang: Optional[str] = None, compact: bool = False, messages: bool = True) -> Dict[str, Any]:
        """The ``shifan.evaluation/1`` result as a dict."""
        return json.loads(self.to_json(lang=lang, compact=compact, messages=messages))

    @_shared
    def report(self, lang: Optional[str] = None) -> str:
        """The plain-text report of ``shifan evaluate``."""
        return _c.call_string(_c.shifan_evaluation_report, self._handle(), _c.lang_code(lang or self.lang))

    def __repr__(self) -> str:
        if not self._ptr:
            return "<shifan.Evaluation (closed)>"
        return f"<shifan.Evaluation {self.application_id!r}: {self.verdict} {self.qualified_functions}>"


class Engine(_Managed):
    """A rule pack, a set of readings (interpretations) and optionally a calendar, reusable for many
    evaluations and lifecycle queries.

    ``rule_pack``: None for the built-in ``changzhi-municipal``, or a ``shifan.rulepack/1`` document
    (dict, JSON text, bytes, or a path). ``interpretations``: e.g. ``{"growth": "non_decreasing"}``.
    ``calendar``: a ``shifan.calendar/1`` document (for ``deadline_rest_days = roll_forward``).
    ``limits``: input limits for reading the rule pack and the calendar (as ``evaluate``'s, e.g.
    ``{"max_depth": 16}``; absent = the library's defaults); exceeding one is an InputError with
    ``code_name == "limit_exceeded"``.
    One engine may be used from several threads at once (the library releases the GIL).
    """

    _free = _c.shifan_engine_free

    def __init__(self, rule_pack: Optional[Document] = None, interpretations: Optional[Mapping[str, str]] = None,
                 calendar: Optional[Document] = None, *, limits: Optional[Limits] = None) -> None:
        ptr = _c.P_engine()
        err = _c.P_error()
        opts = _limits(limits)
        if rule_pack is None:
            rc = _c.shifan_engine_new(byref(ptr), byref(err))
        else:
            text = _document_bytes(rule_pack, "rule_pack")
            rc = _c.shifan_engine_new_from_rule_pack_json_v2(byref(ptr), text, len(text), opts, byref(err))
        _c.check(rc, err)
        self._ptr = ptr
        for name, value in (interpretations or {}).items():
            self.set_interpretation(name, value)
        if calendar is not None:
            self.set_calendar(calendar, limits=limits)

    @_exclusive
    def set_calendar(self, calendar: Document, *, limits: Optional[Limits] = None) -> "Engine":
        """A ``shifan.calendar/1`` calendar of rest days (dict, JSON text or path) for lifecycle
        deadlines; selects ``deadline_rest_days = roll_forward`` unless that reading was set.
        ``limits``: input limits for reading it (as ``evaluate``'s). A calendar that cannot be read
        raises and changes nothing."""
        text = _document_bytes(calendar, "calendar")
        opts = _limits(limits)
        err = _c.P_error()
        _c.check(_c.shifan_engine_set_calendar_json_v2(self._handle(), text, len(text), opts, byref(err)), err)
        return self

    @_exclusive
    def set_interpretation(self, name: str, value: str) -> "Engine":
        """Choose a reading of an ambiguous clause (docs/specification.md §7); UsageError if unknown."""
        err = _c.P_error()
        name_c, value_c = _c_string(name, "interpretation name"), _c_string(value, f"interpretation {name}")
        _c.check(_c.shifan_engine_set_interpretation(self._handle(), name_c, value_c, byref(err)), err)
        return self

    @_shared
    def interpretation(self, name: str) -> str:
        v = _c.shifan_engine_interpretation(self._handle(), _c_string(name, "interpretation name"))
        if v is None:
            raise _c.error_from(-15, _c.shifan_last_error())
        return v.decode()

    @property
    def interpretations(self) -> Dict[str, str]:
        return {n: self.interpretation(n) for n in ("growth", "operating_period", "summary_owed", "deadline_rest_days")}

    @property
    @_shared
    def rule_pack_id(self) -> str:
        return _c._text(_c.shifan_engine_rule_pack_id(self._handle()))

    @property
    @_shared
    def rule_pack_version(self) -> str:
        return _c._text(_c.shifan_engine_rule_pack_version(self._handle()))

    @_shared
    def rules(self) -> Dict[str, Any]:
        """The rule registry (``shifan.registry/1``) with this engine's parameter values."""
        return json.loads(_c.call_string(_c.shifan_engine_rules_json, self._handle()))

    @_shared
    def evaluate(self, app: Document, *, lang: str = "zh", limits: Optional[Limits] = None) -> Evaluation:
        """Evaluate one ``shifan.application/1`` document (a dict, JSON text or a path: see "Documents"
        in the package's description); InputError (with ``.path``) on bad input.
        ``limits``: input limits, e.g. ``{"max_document_bytes": 65536, "max_depth": 16}`` (names as
        in ``shifan_evaluate_options``; absent = the library's defaults); exceeding one is an
        InputError with ``code_name == "limit_exceeded"`` whose message names the limit."""
        _check_lang(lang)
        text = _document_bytes(app)
        opts = _limits(limits)
        ptr = _c.P_evaluation()
        err = _c.P_error()
        _c.check(_c.shifan_evaluate(byref(ptr), self._handle(), text, len(text), opts, byref(err)), err)
        return Evaluation(ptr, lang)

    @_shared
    def evaluate_to_json(self, app: Document, *, lang: str = "both", compact: bool = False,
                         messages: bool = True, limits: Optional[Limits] = None) -> str:
        """JSON text in, ``shifan.evaluation/1`` JSON text out, in one call."""
        text = _document_bytes(app)
        limit_opts = _limits(limits)
        opts = _c.JsonOptions()
        _c.shifan_json_options_init(byref(opts), _c.JSON_OPTIONS_VERSION)
        opts.lang = _c.lang_code(lang)
        opts.compact = int(compact)
        opts.messages = int(messages)
        return _c.call_string(_c.shifan_evaluate_to_json, self._handle(), text, len(text), limit_opts, byref(opts))

    @_shared
    def evaluate_many(self, apps: Iterable[Document], *, jobs: int = 0, lang: str = "zh",
                      limits: Optional[Limits] = None) -> List["BatchResult"]:
        """Evaluate many documents in ONE call to the library (parallel over ``jobs`` threads, 0 =
        all cores). Results are in input order; a bad document gives its item an error and never
        stops the others. Each item's full result is fetched only when asked for. ``limits``: input
        limits applied to each document (as ``evaluate``'s); a document beyond one is an item whose
        error is an InputError ``limit_exceeded``."""
        if isinstance(apps, (str, bytes, bytearray, memoryview, Mapping, os.PathLike)):
            # A str would be evaluated one character at a time, a dict one key at a time; a path
            # names one document, not a list of them.
            raise TypeError(f"apps: expected an iterable of documents (a list), not {type(apps).__name__}")
        _check_lang(lang)
        limit_opts = _limits_struct(limits)
        docs = [_document_bytes(a) for a in apps]
        n = len(docs)
        buffer = b"".join(docs)
        typecode = "Q" if ctypes.sizeof(c_size_t) == 8 else "L"
        offsets = array.array(typecode, itertools.accumulate(map(len, docs), initial=0))
        offsets_c = (c_size_t * (n + 1)).from_buffer(offsets)
        opts = _c.BatchOptions()
        _c.shifan_batch_options_init(byref(opts), _c.BATCH_OPTIONS_VERSION)
        opts.jobs = max(0, int(jobs))
        opts.flags = 0  # verdicts only; full results are made on demand from the kept documents
        if limit_opts is not None:
            opts.limits = ctypes.pointer(limit_opts)
        batch = _c.P_batch()
        err = _c.P_error()
        _c.check(_c.shifan_evaluate_batch_buffer(byref(batch), self._handle(), buffer, len(buffer), offsets_c, n,
                                                 byref(opts), byref(err)), err)
        try:
            status = (c_int32 * n)()
            verdicts = (c_uint8 * n)()
            functions = (c_uint8 * n)()
            err = _c.P_error()
            _c.check(_c.shifan_batch_summary(batch, status, verdicts, functions, n, byref(err)), err)
        finally:
            _c.shifan_batch_free(batch)
        status_list = array.array("i", bytes(status)).tolist() if n else []
        return [BatchResult(self, doc, i, s, v, f, lang, limits)
                for i, (doc, s, v, f) in enumerate(zip(docs, status_list, bytes(verdicts), bytes(functions)))]

    def __repr__(self) -> str:
        if not self._ptr:
            return "<shifan.Engine (closed)>"
        return f"<shifan.Engine {self.rule_pack_id} {self.rule_pack_version} {self.interpretations}>"


class BatchResult:
    """One item of ``evaluate_many``: its status, verdict and qualified functions at once; the full
    evaluation (or the error) is made on first use from the kept document."""

    __slots__ = ("index", "status", "_verdict", "_functions", "_doc", "_engine", "_lang", "_limits", "_evaluation",
                 "_error")

    def __init__(self, engine: Engine, doc: bytes, index: int, status: int, verdict: int, functions: int,
                 lang: str, limits: Optional[Limits] = None) -> None:
        self.index = index
        self.status = status
        self._verdict = verdict
        self._functions = functions
        self._doc = doc
        self._engine = engine
        self._lang = lang
        self._limits = limits  # the batch's, so that an item's error is the one the batch found
        self._evaluation: Optional[Evaluation] = None
        self._error: Optional[Error] = None

    @property
    def ok(self) -> bool:
        """True when the document was evaluated (whatever the verdict)."""
        return self.status == 0

    @property
    def verdict(self) -> Optional[str]:
        """"eligible", "ineligible", "undetermined", or None for a bad document."""
        return None if self._verdict == _VERDICT_NONE else VERDICTS[self._verdict]

    @property
    def qualified_functions(self) -> Tuple[str, ...]:
        return _FUNCTION_NAMES[self._functions & 31]

    @property
    def error(self) -> Optional[Error]:
        """The item's error (InputError with ``.path``, ...), or None when it was evaluated."""
        if self.status == 0:
            return None
        if self._error is None:
            try:
                self._engine.evaluate(self._doc, limits=self._limits).close()
            except Error as e:
                self._error = e
            else:  # pragma: no cover - the library answered differently twice
                self._error = _c.make_error(self.status, "", "", "batch item failed")
        return self._error

    def evaluation(self) -> Evaluation:
        """The full evaluation (raises the item's error for a bad document)."""
        if self.status != 0:
            raise self.error  # type: ignore[misc]
        if self._evaluation is None:
            self._evaluation = self._engine.evaluate(self._doc, lang=self._lang, limits=self._limits)
        return self._evaluation

    def to_dict(self, **kwargs: Any) -> Dict[str, Any]:
        """The ``shifan.evaluation/1`` result, or ``{"error": ...}`` for a bad document."""
        if self.status != 0:
            return self.error.to_dict()  # type: ignore[union-attr]
        return self.evaluation().to_dict(**kwargs)

    def __repr__(self) -> str:
        if self.ok:
            return f"<shifan.BatchResult #{self.index}: {self.verdict} {list(self.qualified_functions)}>"
        return f"<shifan.BatchResult #{self.index}: error {self.error}>"


_default_engine: Optional[Engine] = None
_default_lock = threading.Lock()


def _engine_for(engine: Optional[Engine], rule_pack: Any, interpretations: Optional[Mapping[str, str]],
                limits: Optional[Limits] = None) -> Engine:
    """The engine given, a new one for the rule pack and readings given (the pack read under
    ``limits``), or the shared default engine."""
    global _default_engine
    if engine is not None:
        if rule_pack is not None or interpretations:
            raise UsageError(-15, "", "engine 与 rule_pack/interpretations 不能同时给出",
                             "give either engine or rule_pack/interpretations, not both")
        return engine
    if rule_pack is not None or interpretations:
        return Engine(rule_pack, interpretations, limits=limits)
    with _default_lock:
        if _default_engine is None:
            _default_engine = Engine()
        return _default_engine


def evaluate(app: Document, *, rule_pack: Optional[Document] = None, interpretations: Optional[Mapping[str, str]] = None,
             lang: str = "zh", engine: Optional[Engine] = None, limits: Optional[Limits] = None) -> Evaluation:
    """Evaluate one application: a dict, JSON text (``str`` or ``bytes``) or a path (``str`` or
    ``os.PathLike``), by the package's one rule for documents: a ``str`` that is empty or starts,
    after an optional byte order mark, with ``{``, ``[`` or JSON whitespace is JSON text, any other
    ``str`` a path; ``bytes`` are always the text, an ``os.PathLike`` always a path. A path that
    cannot be read raises the ``OSError`` of ``open()``.

    Raises InputError (with ``.path``, ``.message_zh``, ``.message_en``) for bad input; a verdict is
    never made from bad input. Use the result as a context manager, or call ``close()``.
    ``limits`` apply to every document read here: the application and the rule pack, as the CLI's
    ``--max-*`` options do.
    """
    return _engine_for(engine, rule_pack, interpretations, limits).evaluate(app, lang=lang, limits=limits)


def evaluate_many(apps: Iterable[Document], *, engine: Optional[Engine] = None, jobs: int = 0,
                  rule_pack: Optional[Document] = None, interpretations: Optional[Mapping[str, str]] = None,
                  lang: str = "zh", limits: Optional[Limits] = None) -> List[BatchResult]:
    """Evaluate many applications with one call into the library; see ``Engine.evaluate_many``.
    ``limits`` apply to each application and to the rule pack."""
    return _engine_for(engine, rule_pack, interpretations, limits).evaluate_many(apps, jobs=jobs, lang=lang,
                                                                                 limits=limits)


def _date_text(on: Union[str, datetime.date]) -> bytes:
    if isinstance(on, datetime.date):
        return on.isoformat().encode()
    if isinstance(on, str):
        return _c_string(on, "on")
    raise TypeError(f"on: expected a datetime.date or 'YYYY-MM-DD', not {type(on).__name__}")


class Status(_Managed):
    """A platform's status on a date (``shifan.status/1``)."""

    _free = _c.shifan_status_free

    def __init__(self, ptr: Any, lang: str = "zh") -> None:
        self._ptr = ptr
        self.lang = _check_lang(lang)

    @property
    @_shared
    def state(self) -> str:
        """none, candidate, recommended, not_recommended, designated, rejected, expired or revoked."""
        return _c._text(_c.shifan_status_state(self._handle()))

    @property
    @_shared
    def on(self) -> datetime.date:
        return datetime.date.fromisoformat(_c._text(_c.shifan_status_on(self._handle())))

    @property
    @_shared
    def days_left(self) -> Optional[int]:
        """Days of validity left while designated (0 on the last day), else None."""
        days = c_int64()
        return int(days.value) if _c.check_value(_c.shifan_status_days_left(self._handle(), byref(days))) else None

    @property
    @_shared
    def valid_until(self) -> Optional[datetime.date]:
        v = _c.shifan_status_valid_until(self._handle())
        return datetime.date.fromisoformat(v.decode()) if v is not None else None

    @property
    @_shared
    def next_deadline(self) -> Optional[datetime.date]:
        v = _c.shifan_status_next_deadline(self._handle())
        return datetime.date.fromisoformat(v.decode()) if v is not None else None

    @property
    @_shared
    def may_apply_again(self) -> bool:
        return _c.check_value(_c.shifan_status_may_apply_again(self._handle())) == 1

    @_shared
    def may_apply_again_reason(self, lang: Optional[str] = None) -> str:
        code = _c.lang_code(lang or (self.lang if self.lang != "both" else "zh"), allow_both=False)
        return _c._text(_c.shifan_status_may_apply_again_reason(self._handle(), code))

    @_shared
    def to_json(self, *, lang: Optional[str] = None) -> str:
        """``shifan.status/1`` JSON (``lang="both"``: as ``shifan status --json``)."""
        return _c.call_string(_c.shifan_status_to_json, self._handle(), _c.lang_code(lang or self.lang))

    def to_dict(self, *, lang: Optional[str] = None) -> Dict[str, Any]:
        return json.loads(self.to_json(lang=lang))

    @_shared
    def report(self, lang: Optional[str] = None) -> str:
        return _c.call_string(_c.shifan_status_report, self._handle(), _c.lang_code(lang or self.lang))

    def __repr__(self) -> str:
        if not self._ptr:
            return "<shifan.Status (closed)>"
        return f"<shifan.Status {self.on}: {self.state}, days_left={self.days_left}>"


class History(_Managed):
    """A platform's history (``shifan.history/1``); every event is checked against the rules
    (HistoryError names the event's index, its type and the article it breaks). ``limits``: input
    limits for the document and for the events appended later (as ``Engine.evaluate``)."""

    _free = _c.shifan_history_free

    def __init__(self, history: Document, *, engine: Optional[Engine] = None, limits: Optional[Limits] = None) -> None:
        engine = engine or _engine_for(None, None, None)
        text = _document_bytes(history)
        opts = _limits(limits)
        ptr = _c.P_history()
        err = _c.P_error()
        with _Use(engine, False):
            _c.check(_c.shifan_history_new_from_json(byref(ptr), engine._handle(), text, len(text), opts, byref(err)),
                     err)
        self._ptr = ptr

    @_exclusive
    def append(self, event: Document) -> "History":
        """Append one event (a dict, JSON text or a path, as every document); a refused event raises
        HistoryError and changes nothing."""
        text = _document_bytes(event)
        err = _c.P_error()
        _c.check(_c.shifan_history_append_event_json(self._handle(), text, len(text), byref(err)), err)
        return self

    @_shared
    def __len__(self) -> int:
        return _c.check_value(_c.shifan_history_event_count(self._handle()))

    @property
    @_shared
    def platform_id(self) -> str:
        return _c._text(_c.shifan_history_platform_id(self._handle()))

    @_shared
    def to_json(self) -> str:
        return _c.call_string(_c.shifan_history_to_json, self._handle())

    def to_dict(self) -> Dict[str, Any]:
        return json.loads(self.to_json())

    @_shared
    def status(self, on: Union[str, datetime.date], *, lang: str = "zh") -> Status:
        """The status on date ``on`` (events dated on or before it)."""
        _check_lang(lang)
        ptr = _c.P_status()
        err = _c.P_error()
        _c.check(_c.shifan_history_status(byref(ptr), self._handle(), _date_text(on), byref(err)), err)
        return Status(ptr, lang)

    def __repr__(self) -> str:
        if not self._ptr:
            return "<shifan.History (closed)>"
        return f"<shifan.History {self.platform_id}: {len(self)} events>"


class Roster(_Managed):
    """County queries over many platforms on a date (``shifan.roster/1``): ``to_dict()``/``to_json()``
    the document, ``report()`` the text of ``shifan roster``, ``to_html()`` the page of ``shifan roster
    --html``. Histories and filings are documents (dicts, JSON text or paths) or, for histories,
    ``History`` objects. ``limits``: input limits for the filings documents and for the histories
    given as documents (as ``evaluate``'s)."""

    _free = _c.shifan_roster_free

    def __init__(self, histories: Sequence[Union[History, Document]], *, on: Union[str, datetime.date],
                 filings: Sequence[Document] = (), engine: Optional[Engine] = None, lang: str = "zh",
                 limits: Optional[Limits] = None) -> None:
        for what, given in (("histories", histories), ("filings", filings)):
            if isinstance(given, (str, bytes, bytearray, memoryview, Mapping, os.PathLike, History)):
                # one document where a list is expected: a str would be read one character at a time
                raise TypeError(f"{what}: expected a list of documents, not one {type(given).__name__}")
        engine = engine or _engine_for(None, None, None)
        _check_lang(lang)
        opts = _limits(limits)
        owned: List[History] = []
        try:
            for h in histories:
                owned.append(h if isinstance(h, History) else History(h, engine=engine, limits=limits))
            texts = [_document_bytes(f) for f in filings]
            fs = (c_char_p * max(1, len(texts)))(*texts)
            lens = (c_size_t * max(1, len(texts)))(*[len(t) for t in texts])
            on_c = _date_text(on)
            ptr = _c.P_roster()
            err = _c.P_error()
            with contextlib.ExitStack() as held:  # the engine and every history, held while read
                for obj in [engine, *owned]:
                    held.enter_context(_Use(obj, False))
                hs = (_c.P_history * max(1, len(owned)))(*[h._handle() for h in owned])
                _c.check(_c.shifan_roster_new_v2(byref(ptr), engine._handle(), hs, len(owned), fs, lens, len(texts),
                                                 on_c, opts, byref(err)), err)
            self._ptr = ptr
            self._on = datetime.date.fromisoformat(on_c.decode())  # the library accepted it
        finally:
            for h, given in zip(owned, histories):
                if h is not given:
                    h.close()
        self.lang = lang

    @_shared
    def to_json(self, *, lang: Optional[str] = None) -> str:
        """``shifan.roster/1`` JSON (``lang="both"``: as ``shifan roster --json``)."""
        return _c.call_string(_c.shifan_roster_to_json, self._handle(), _c.lang_code(lang or self.lang))

    def to_dict(self, *, lang: Optional[str] = None) -> Dict[str, Any]:
        return json.loads(self.to_json(lang=lang))

    @_shared
    def report(self, lang: Optional[str] = None) -> str:
        """The plain-text roster report (as ``shifan roster``) in ``lang`` ("zh", "en"; "both": zh,
        a blank line, en)."""
        return _c.call_string(_c.shifan_roster_report, self._handle(), _c.lang_code(lang or self.lang))

    @_shared
    def to_html(self, *, soon_days: int = 30, subtitle: Optional[str] = None) -> str:
        """The roster as one self-contained HTML page for a county officer: the page ``shifan roster
        --html FILE`` writes (the same text for the same roster), Chinese first with an English
        toggle. It shows the summary counts, overdue filings, the filings due within ``soon_days``
        days of the roster's date, every platform, the terms on a timeline, titles ending this year,
        the counties' art15 reports and the designated platforms by function and by county; it needs
        no network and reads no clock. ``subtitle``: a line under the title (e.g. the county the page
        is for), HTML-escaped. Write it with ``open(path, "w", encoding="utf-8").write(page)``.
        UsageError for a negative ``soon_days`` or a subtitle with a NUL character."""
        if isinstance(soon_days, bool) or not isinstance(soon_days, int):
            raise TypeError(f"soon_days: expected an int, not {type(soon_days).__name__}")
        if not 0 <= soon_days < 1 << 31:
            raise UsageError(-15, "", f"soon_days 应为非负整数，而非 {soon_days}",
                             f"soon_days must be a non-negative integer, not {soon_days}")
        opts = _c.RosterHtmlOptions()
        _c.check(_c.shifan_roster_html_options_init(byref(opts), _c.ROSTER_HTML_OPTIONS_VERSION), None)
        opts.soon_days = soon_days
        if subtitle is not None:
            opts.subtitle = _c_string(subtitle, "subtitle")
        return _c.call_string(_c.shifan_roster_html, self._handle(), byref(opts))

    @property
    def on(self) -> datetime.date:
        """The date of the roster."""
        return self._on

    def __repr__(self) -> str:
        if not self._ptr:
            return "<shifan.Roster (closed)>"
        d = self.to_dict(lang="en")
        return (f"<shifan.Roster {self._on}: {len(d['platforms'])} platforms, {d['designated']['total']} designated, "
                f"{len(d['overdue'])} overdue>")


def status(history: Union[History, Document], on: Union[str, datetime.date], *, rule_pack: Optional[Document] = None,
           interpretations: Optional[Mapping[str, str]] = None, calendar: Optional[Document] = None, lang: str = "zh",
           engine: Optional[Engine] = None, limits: Optional[Limits] = None) -> Status:
    """The status of a platform on date ``on`` from its history (a History, dict, JSON text or path).
    ``limits`` apply to every document read here: the history, the rule pack and the calendar."""
    if isinstance(history, History):
        return history.status(on, lang=lang)
    if calendar is not None and engine is None:
        engine = Engine(rule_pack, interpretations, calendar, limits=limits)
        rule_pack, interpretations = None, None
    with History(history, engine=_engine_for(engine, rule_pack, interpretations, limits), limits=limits) as h:
        return h.status(on, lang=lang)


def roster(histories: Sequence[Union[History, Document]], on: Union[str, datetime.date], *,
           filings: Sequence[Document] = (), rule_pack: Optional[Document] = None, interpretations: Optional[Mapping[str, str]] = None,
           calendar: Optional[Document] = None, lang: str = "zh", engine: Optional[Engine] = None,
           limits: Optional[Limits] = None) -> Roster:
    """County queries on date ``on`` over many histories and the counties' art15 filings
    (``shifan.county-filings/1`` documents). ``limits`` apply to every document read here: filings,
    histories given as documents, the rule pack and the calendar."""
    if calendar is not None and engine is None:
        engine = Engine(rule_pack, interpretations, calendar, limits=limits)
        rule_pack, interpretations = None, None
    return Roster(histories, on=on, filings=filings, engine=_engine_for(engine, rule_pack, interpretations, limits),
                  lang=lang, limits=limits)


def _buffer_and_offsets(docs: List[bytes]) -> Tuple[bytes, Any]:
    """The documents back to back, and their n + 1 offsets as a C array."""
    typecode = "Q" if ctypes.sizeof(c_size_t) == 8 else "L"
    offsets = array.array(typecode, itertools.accumulate(map(len, docs), initial=0))
    return b"".join(docs), (c_size_t * (len(docs) + 1)).from_buffer(offsets)


class Comparison(_Managed):
    """Policy simulation: the same applications under a ``baseline`` and an ``alternative`` engine
    (each a rule pack and readings), read once and evaluated twice on all cores. Feed documents with
    ``add`` (any number of times: memory stays flat), then read the counts, ``to_dict()``
    (``shifan.comparison/1``) or ``report()``. The detail of changed applications is kept for the
    first ``max_changed`` of them, in input order; the counts always cover every document."""

    _free = _c.shifan_comparator_free

    def __init__(self, baseline: Engine, alternative: Engine, *, jobs: int = 0, max_changed: int = 1000,
                 lang: str = "zh", limits: Optional[Limits] = None) -> None:
        if not isinstance(baseline, Engine) or not isinstance(alternative, Engine):
            raise TypeError("baseline and alternative: expected shifan.Engine objects")
        if int(max_changed) < 0:
            raise UsageError(-15, "", "max_changed 不能为负数", "max_changed must not be negative")
        _check_lang(lang)
        opts = _c.CompareOptions()
        _c.shifan_compare_options_init(byref(opts), _c.COMPARE_OPTIONS_VERSION)
        opts.jobs = max(0, int(jobs))
        opts.max_changed = int(max_changed)
        limit_opts = _limits_struct(limits)
        if limit_opts is not None:
            opts.limits = ctypes.pointer(limit_opts)
        ptr = _c.P_comparator()
        err = _c.P_error()
        with _Use(baseline, False), _Use(alternative, False):
            _c.check(_c.shifan_comparator_new(byref(ptr), baseline._handle(), alternative._handle(), byref(opts),
                                              byref(err)), err)
        self._ptr = ptr
        self.lang = lang

    @_exclusive
    def add(self, apps: Iterable[Document]) -> "Comparison":
        """Compare the next applications (dicts, JSON texts or bytes, or paths), in input order after
        those added before. A bad document counts as an error on both sides. Returns ``self``."""
        if isinstance(apps, (str, bytes, bytearray, memoryview, Mapping)):
            raise TypeError(f"apps: expected an iterable of documents (a list), not {type(apps).__name__}")
        docs = [_document_bytes(a) for a in apps]
        buffer, offsets = _buffer_and_offsets(docs)
        err = _c.P_error()
        _c.check(_c.shifan_comparator_add_buffer(self._handle(), buffer, len(buffer), offsets, len(docs), byref(err)),
                 err)
        return self

    @_shared
    def _counts(self) -> Tuple[int, int, List[int]]:
        applications, changed = ctypes.c_uint64(), ctypes.c_uint64()
        transitions = (ctypes.c_uint64 * 16)()
        err = _c.P_error()
        _c.check(_c.shifan_comparator_counts(self._handle(), byref(applications), byref(changed), transitions,
                                             byref(err)), err)
        return applications.value, changed.value, list(transitions)

    @property
    def applications(self) -> int:
        """Documents compared so far."""
        return self._counts()[0]

    @property
    def changed(self) -> int:
        """Documents whose result (verdict, or error) differs between the two sides."""
        return self._counts()[1]

    @property
    def transitions(self) -> Dict[str, Dict[str, int]]:
        """``transitions[before][after]``: applications by baseline result and alternative result
        (each one of ``RESULTS``)."""
        t = self._counts()[2]
        return {b: {a: t[i * 4 + j] for j, a in enumerate(RESULTS)} for i, b in enumerate(RESULTS)}

    @_shared
    def to_json(self, *, lang: Optional[str] = None) -> str:
        """``shifan.comparison/1`` JSON, with ``message`` members in ``lang`` (zh, en or both)."""
        return _c.call_string(_c.shifan_comparator_to_json, self._handle(), _c.lang_code(lang or self.lang))

    def to_dict(self, *, lang: Optional[str] = None) -> Dict[str, Any]:
        """The ``shifan.comparison/1`` document as a dict."""
        return json.loads(self.to_json(lang=lang))

    @_shared
    def report(self, lang: Optional[str] = None) -> str:
        """The text report for people (zh, en or both), as ``shifan compare`` prints it."""
        return _c.call_string(_c.shifan_comparator_report, self._handle(), _c.lang_code(lang or self.lang))

    def __repr__(self) -> str:
        if not self._ptr:
            return "<shifan.Comparison (closed)>"
        n, changed, _ = self._counts()
        return f"<shifan.Comparison {n} applications, {changed} changed>"


def compare(apps: Iterable[Document], *, alternative: Engine, baseline: Optional[Engine] = None, jobs: int = 0,
            max_changed: int = 1000, lang: str = "zh", limits: Optional[Limits] = None,
            chunk: int = 10000) -> Comparison:
    """Compare ``apps`` under ``baseline`` (default: the built-in pack and readings) and
    ``alternative``, feeding the library ``chunk`` documents at a time (so that a generator of a
    million applications is compared in flat memory). Returns the ``Comparison``."""
    if isinstance(apps, (str, bytes, bytearray, memoryview, Mapping)):
        raise TypeError(f"apps: expected an iterable of documents (a list), not {type(apps).__name__}")
    if int(chunk) < 1:
        raise UsageError(-15, "", "chunk 至少为 1", "chunk must be at least 1")
    c = Comparison(baseline or _engine_for(None, None, None), alternative, jobs=jobs, max_changed=max_changed,
                   lang=lang, limits=limits)
    try:
        it = iter(apps)
        while True:
            piece = list(itertools.islice(it, int(chunk)))
            if not piece:
                break
            c.add(piece)
    except BaseException:
        c.close()
        raise
    return c


# --- spreadsheets ---------------------------------------------------------------------------------

#: A CSV sheet: its bytes, its text (a str with a line break) or a path (any other str, or an
#: os.PathLike); see "Spreadsheets" in the package's description.
Sheet = Union[str, bytes, bytearray, memoryview, "os.PathLike[str]"]


def _sheet_bytes(sheet: Sheet) -> bytes:
    """The bytes of a sheet given as bytes, text (a ``str`` with a line break) or a path."""
    if isinstance(sheet, bytes):
        return sheet
    if isinstance(sheet, (bytearray, memoryview)):
        return bytes(sheet)
    if isinstance(sheet, str):
        if "\n" in sheet or "\r" in sheet:
            return sheet.encode("utf-8")
        with open(sheet, "rb") as f:
            return f.read()
    if isinstance(sheet, os.PathLike):
        with open(sheet, "rb") as f:
            return f.read()
    raise TypeError(f"sheet: expected bytes, CSV text (a str with a line break) or a path, not {type(sheet).__name__}")


def csv_template(*, lang: str = "zh", year: Optional[int] = None) -> str:
    """The empty CSV application sheet (what ``shifan template --csv`` writes): a byte order mark
    (``"\\ufeff"``), row 1 the headers in words with units in ``lang`` (``"zh"`` or ``"en"``), row 2
    the field ids (JSON Pointers), CRLF line ends; one column per input of the registry. ``year``:
    the review year whose years the year-keyed columns name (default: years relative to each row's
    review year, ``{Y-1}``). Write it with ``newline=""`` and ``encoding="utf-8"`` to keep it as is."""
    code = _c.lang_code(lang, allow_both=False)
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        raise TypeError(f"year: expected an int, not {type(year).__name__}")
    if year is not None and year == 0:
        raise UsageError(-15, "", "year 为评审年度（1903–2999），不能为 0", "year is a review year (1903–2999), not 0")
    if year is not None and not -(1 << 31) <= year < (1 << 31):
        raise UsageError(-15, "", "year 超出范围", "year is out of range")
    return _c.call_string(_c.shifan_csv_template, code, year or 0)


@dataclass(frozen=True)
class CsvCellError:
    """A bad cell of a sheet's row (``cell`` empty for a fault of the row as a whole)."""
    cell: str             #: the cell as a spreadsheet names it, "C7"; "" for the row
    column: int           #: the column's number (1 = A); 0 for the row
    header: Dict[str, str]  #: the column's header in words, {"zh": …, "en": …} ({} for the row)
    code_name: str        #: the error's code, e.g. "invalid_date"
    path: str             #: the JSON Pointer of the field
    message: Dict[str, str]  #: the reason, {"zh": …, "en": …}

    def __str__(self) -> str:
        where = f"{self.cell} ({self.header.get('en', '')}): " if self.cell else ""
        return f"{where}{self.message.get('en', '')} [{self.path}]"


@dataclass(frozen=True)
class CsvRow:
    """One application row of a sheet: its ``shifan.application/1`` document (a dict, ready for
    ``Engine.evaluate``), or every bad cell of it."""
    row: int                                   #: the row's number as a spreadsheet shows it (1 = the first line)
    application: Optional[Dict[str, Any]]      #: the document, or None for a bad row
    errors: List[CsvCellError] = field(default_factory=list)  #: every bad cell; empty for a good row

    @property
    def ok(self) -> bool:
        """Whether the row is a valid application."""
        return not self.errors


def import_csv(sheet: Sheet, *, encoding: str = "detect", limits: Optional[Limits] = None) -> List[CsvRow]:
    """Read a CSV application sheet (see "Spreadsheets" in the package's description): the
    template's header rows (or only its id row, or only a words row), then one application per row;
    rows whose cells are all empty are skipped; an empty cell is an absent input. A bad row never
    stops the others: its ``CsvRow.errors`` name every bad cell. ``encoding``: ``"detect"`` (UTF-8
    when the bytes are valid UTF-8, else GB18030), ``"utf-8"`` or ``"gb18030"``. ``limits``: the
    sheet's size (``max_document_bytes``), each cell's length (``max_string_bytes``) and each row's
    document. A fault of the whole sheet (not text in the encoding, malformed CSV, no header row,
    an unknown or repeated column) raises InputError."""
    try:
        code = _c.CSV_ENCODINGS[encoding]
    except (KeyError, TypeError):
        raise UsageError(-15, "", "未知的编码：" + str(encoding) + "（detect、utf-8 或 gb18030）",
                         f"unknown encoding {encoding!r} (detect, utf-8 or gb18030)") from None
    data = _sheet_bytes(sheet)
    opts = _c.CsvOptions()
    _c.check(_c.shifan_csv_options_init(byref(opts), _c.CSV_OPTIONS_VERSION), None)
    opts.encoding = code
    opts.row_numbers = 1
    limit_struct = _limits_struct(limits)
    if limit_struct is not None:
        opts.limits = ctypes.pointer(limit_struct)
    text = _c.call_string(_c.shifan_csv_import, data, len(data), byref(opts), None)
    rows: List[CsvRow] = []
    for line in text.splitlines():
        item = json.loads(line)
        errors = [CsvCellError(e.get("cell", ""), e.get("column", 0), e.get("header", {}), e["code"], e["path"],
                               e["message"]) for e in item.get("errors", [])]
        rows.append(CsvRow(item["row"], item.get("application"), errors))
    return rows
