"""The ctypes layer: finds libshifan, declares every function of shifan.h (argtypes and restype),
and turns failed calls into exceptions. Nothing here is public API."""
from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
from ctypes import (POINTER, Structure, byref, c_char_p, c_int, c_int32, c_int64, c_size_t, c_uint, c_uint8,
                    c_uint32, c_uint64, c_void_p)
from typing import Any, List, Optional

from ._errors import Error, make_error

# --- opaque handles: POINTER(struct), never c_void_p -----------------------------------------------


class shifan_error(Structure):
    pass


class shifan_engine(Structure):
    pass


class shifan_evaluation(Structure):
    pass


class shifan_batch(Structure):
    pass


class shifan_history(Structure):
    pass


class shifan_status(Structure):
    pass


class shifan_roster(Structure):
    pass


class shifan_comparator(Structure):
    pass


# --- versioned option structs (members only ever appended) ----------------------------------------


class EvaluateOptions(Structure):
    _fields_ = [("version", c_uint), ("max_document_bytes", c_uint64), ("max_depth", c_uint64),
                ("max_array_length", c_uint64), ("max_string_bytes", c_uint64)]


class JsonOptions(Structure):
    _fields_ = [("version", c_uint), ("lang", c_int32), ("compact", c_int32), ("messages", c_int32)]


class BatchOptions(Structure):
    _fields_ = [("version", c_uint), ("jobs", c_uint32), ("flags", c_uint32), ("json", POINTER(JsonOptions)),
                ("limits", POINTER(EvaluateOptions))]


class CompareOptions(Structure):
    _fields_ = [("version", c_uint), ("jobs", c_uint32), ("max_changed", c_uint64),
                ("limits", POINTER(EvaluateOptions))]


class CsvOptions(Structure):
    _fields_ = [("version", c_uint), ("encoding", c_int32), ("limits", POINTER(EvaluateOptions)),
                ("row_numbers", c_int32)]


class RosterHtmlOptions(Structure):
    _fields_ = [("version", c_uint), ("soon_days", c_int32), ("subtitle", c_char_p)]


EVALUATE_OPTIONS_VERSION = 1
JSON_OPTIONS_VERSION = 1
BATCH_OPTIONS_VERSION = 1
COMPARE_OPTIONS_VERSION = 1
CSV_OPTIONS_VERSION = 1
CSV_ENCODINGS = {"detect": 0, "utf-8": 1, "gb18030": 2}
ROSTER_HTML_OPTIONS_VERSION = 1
BATCH_ITEM_JSON = 0x1
BATCH_KEEP_INPUT = 0x2

LANG_ZH, LANG_EN, LANG_BOTH = 0, 1, 2
LANGS = {"zh": LANG_ZH, "en": LANG_EN, "both": LANG_BOTH}

# --- locating the library --------------------------------------------------------------------------


def _candidates() -> List[str]:
    found: List[str] = []
    env = os.environ.get("SHIFAN_LIBRARY")
    if env:
        found.append(env)
    here = os.path.dirname(os.path.abspath(__file__))
    found.extend(sorted(glob.glob(os.path.join(here, "libshifan.so*")), key=len))
    found.extend(sorted(glob.glob(os.path.join(here, "libshifan*.dylib")), key=len))
    name = ctypes.util.find_library("shifan")
    if name:
        found.append(name)
    found.append("libshifan.so.0")
    return found


def _load() -> ctypes.CDLL:
    errors = []
    for candidate in _candidates():
        try:
            return ctypes.CDLL(candidate)
        except OSError as e:
            errors.append(f"{candidate}: {e}")
            if candidate == os.environ.get("SHIFAN_LIBRARY"):
                break  # an explicit choice that fails is an error, not a reason to pick another
    raise ImportError("cannot load libshifan (set SHIFAN_LIBRARY to its path, or install it):\n  " +
                      "\n  ".join(errors))


lib = _load()

ErrorOut = POINTER(POINTER(shifan_error))
StrOut = POINTER(c_void_p)
SizeOut = POINTER(c_size_t)
P_error = POINTER(shifan_error)
P_engine = POINTER(shifan_engine)
P_evaluation = POINTER(shifan_evaluation)
P_batch = POINTER(shifan_batch)
P_history = POINTER(shifan_history)
P_status = POINTER(shifan_status)
P_roster = POINTER(shifan_roster)
P_comparator = POINTER(shifan_comparator)


def _declare(name: str, restype: Any, *argtypes: Any) -> Any:
    f = getattr(lib, name)
    f.restype = restype
    f.argtypes = list(argtypes)
    return f


# versions, codes, strings, errors
shifan_version = _declare("shifan_version", c_char_p)
shifan_version_number = _declare("shifan_version_number", c_int32)
shifan_abi_version = _declare("shifan_abi_version", c_int32)
shifan_code_name = _declare("shifan_code_name", c_char_p, c_int32)
shifan_string_free = _declare("shifan_string_free", None, c_void_p)
shifan_last_error = _declare("shifan_last_error", P_error)
shifan_clear_last_error = _declare("shifan_clear_last_error", None)
shifan_error_code = _declare("shifan_error_code", c_int32, P_error)
shifan_error_path = _declare("shifan_error_path", c_char_p, P_error)
shifan_error_message = _declare("shifan_error_message", c_char_p, P_error, c_int32)
shifan_error_event_index = _declare("shifan_error_event_index", c_int64, P_error)
shifan_error_event_type = _declare("shifan_error_event_type", c_char_p, P_error)
shifan_error_article_count = _declare("shifan_error_article_count", c_int64, P_error)
shifan_error_article = _declare("shifan_error_article", c_char_p, P_error, c_size_t)
shifan_error_to_json = _declare("shifan_error_to_json", c_int, StrOut, SizeOut, P_error)
shifan_error_free = _declare("shifan_error_free", None, P_error)
# engines
shifan_engine_new = _declare("shifan_engine_new", c_int, POINTER(P_engine), ErrorOut)
shifan_engine_new_from_rule_pack_json = _declare("shifan_engine_new_from_rule_pack_json", c_int, POINTER(P_engine),
                                                 c_char_p, c_size_t, ErrorOut)
shifan_engine_new_from_rule_pack_json_v2 = _declare("shifan_engine_new_from_rule_pack_json_v2", c_int,
                                                    POINTER(P_engine), c_char_p, c_size_t, POINTER(EvaluateOptions),
                                                    ErrorOut)
shifan_engine_set_interpretation = _declare("shifan_engine_set_interpretation", c_int, P_engine, c_char_p, c_char_p,
                                            ErrorOut)
shifan_engine_interpretation = _declare("shifan_engine_interpretation", c_char_p, P_engine, c_char_p)
shifan_engine_rule_pack_id = _declare("shifan_engine_rule_pack_id", c_char_p, P_engine)
shifan_engine_rule_pack_version = _declare("shifan_engine_rule_pack_version", c_char_p, P_engine)
shifan_engine_rules_json = _declare("shifan_engine_rules_json", c_int, StrOut, SizeOut, P_engine, ErrorOut)
shifan_engine_set_calendar_json = _declare("shifan_engine_set_calendar_json", c_int, P_engine, c_char_p, c_size_t,
                                           ErrorOut)
shifan_engine_set_calendar_json_v2 = _declare("shifan_engine_set_calendar_json_v2", c_int, P_engine, c_char_p,
                                              c_size_t, POINTER(EvaluateOptions), ErrorOut)
shifan_engine_free = _declare("shifan_engine_free", None, P_engine)
# options
shifan_evaluate_options_init = _declare("shifan_evaluate_options_init", c_int, POINTER(EvaluateOptions), c_uint)
shifan_json_options_init = _declare("shifan_json_options_init", c_int, POINTER(JsonOptions), c_uint)
shifan_batch_options_init = _declare("shifan_batch_options_init", c_int, POINTER(BatchOptions), c_uint)
# evaluations
shifan_evaluate = _declare("shifan_evaluate", c_int, POINTER(P_evaluation), P_engine, c_char_p, c_size_t,
                           POINTER(EvaluateOptions), ErrorOut)
shifan_evaluate_to_json = _declare("shifan_evaluate_to_json", c_int, StrOut, SizeOut, P_engine, c_char_p, c_size_t,
                                   POINTER(EvaluateOptions), POINTER(JsonOptions), ErrorOut)
shifan_evaluation_verdict = _declare("shifan_evaluation_verdict", c_int32, P_evaluation)
shifan_evaluation_qualified_functions = _declare("shifan_evaluation_qualified_functions", c_int32, P_evaluation)
shifan_evaluation_application_id = _declare("shifan_evaluation_application_id", c_char_p, P_evaluation)
shifan_evaluation_review_year = _declare("shifan_evaluation_review_year", c_int32, P_evaluation)
shifan_evaluation_reference_date = _declare("shifan_evaluation_reference_date", c_char_p, P_evaluation)
shifan_evaluation_rule_pack_id = _declare("shifan_evaluation_rule_pack_id", c_char_p, P_evaluation)
shifan_evaluation_rule_pack_version = _declare("shifan_evaluation_rule_pack_version", c_char_p, P_evaluation)
shifan_evaluation_check_count = _declare("shifan_evaluation_check_count", c_int32, P_evaluation)
shifan_evaluation_check_index = _declare("shifan_evaluation_check_index", c_int32, P_evaluation, c_char_p)
shifan_evaluation_check_id = _declare("shifan_evaluation_check_id", c_char_p, P_evaluation, c_size_t)
shifan_evaluation_check_citation = _declare("shifan_evaluation_check_citation", c_char_p, P_evaluation, c_size_t,
                                            c_int32)
shifan_evaluation_check_title = _declare("shifan_evaluation_check_title", c_char_p, P_evaluation, c_size_t, c_int32)
shifan_evaluation_check_kind = _declare("shifan_evaluation_check_kind", c_int32, P_evaluation, c_size_t)
shifan_evaluation_check_outcome = _declare("shifan_evaluation_check_outcome", c_int32, P_evaluation, c_size_t)
shifan_evaluation_check_reason = _declare("shifan_evaluation_check_reason", c_char_p, P_evaluation, c_size_t)
shifan_evaluation_check_actual = _declare("shifan_evaluation_check_actual", c_char_p, P_evaluation, c_size_t)
shifan_evaluation_check_required = _declare("shifan_evaluation_check_required", c_char_p, P_evaluation, c_size_t)
shifan_evaluation_check_shortfall = _declare("shifan_evaluation_check_shortfall", c_char_p, P_evaluation, c_size_t)
shifan_evaluation_check_second_name = _declare("shifan_evaluation_check_second_name", c_char_p, P_evaluation,
                                               c_size_t)
shifan_evaluation_check_second_actual = _declare("shifan_evaluation_check_second_actual", c_char_p, P_evaluation,
                                                 c_size_t)
shifan_evaluation_check_second_required = _declare("shifan_evaluation_check_second_required", c_char_p,
                                                   P_evaluation, c_size_t)
shifan_evaluation_check_second_shortfall = _declare("shifan_evaluation_check_second_shortfall", c_char_p,
                                                    P_evaluation, c_size_t)
shifan_evaluation_check_message = _declare("shifan_evaluation_check_message", c_char_p, P_evaluation, c_size_t,
                                           c_int32)
shifan_evaluation_missing_count = _declare("shifan_evaluation_missing_count", c_int32, P_evaluation)
shifan_evaluation_missing = _declare("shifan_evaluation_missing", c_char_p, P_evaluation, c_size_t)
shifan_evaluation_dossier = _declare("shifan_evaluation_dossier", c_int32, P_evaluation)
shifan_evaluation_missing_material_count = _declare("shifan_evaluation_missing_material_count", c_int32, P_evaluation)
shifan_evaluation_missing_material = _declare("shifan_evaluation_missing_material", c_char_p, P_evaluation, c_size_t)
shifan_evaluation_to_json = _declare("shifan_evaluation_to_json", c_int, StrOut, SizeOut, P_evaluation,
                                     POINTER(JsonOptions), ErrorOut)
shifan_evaluation_report = _declare("shifan_evaluation_report", c_int, StrOut, SizeOut, P_evaluation, c_int32,
                                    ErrorOut)
shifan_evaluation_free = _declare("shifan_evaluation_free", None, P_evaluation)
# batches
shifan_evaluate_batch = _declare("shifan_evaluate_batch", c_int, POINTER(P_batch), P_engine, POINTER(c_char_p),
                                 POINTER(c_size_t), c_size_t, POINTER(BatchOptions), ErrorOut)
shifan_evaluate_batch_buffer = _declare("shifan_evaluate_batch_buffer", c_int, POINTER(P_batch), P_engine, c_char_p,
                                        c_size_t, POINTER(c_size_t), c_size_t, POINTER(BatchOptions), ErrorOut)
shifan_batch_count = _declare("shifan_batch_count", c_int64, P_batch)
shifan_batch_summary = _declare("shifan_batch_summary", c_int, P_batch, POINTER(c_int32), POINTER(c_uint8),
                                POINTER(c_uint8), c_size_t, ErrorOut)
shifan_batch_item_json = _declare("shifan_batch_item_json", c_int, StrOut, SizeOut, P_batch, c_size_t, ErrorOut)
shifan_batch_item_error = _declare("shifan_batch_item_error", c_int, POINTER(P_error), P_batch, c_size_t, ErrorOut)
shifan_batch_item_evaluation = _declare("shifan_batch_item_evaluation", c_int, POINTER(P_evaluation), P_batch,
                                        c_size_t, ErrorOut)
shifan_batch_free = _declare("shifan_batch_free", None, P_batch)
# lifecycle
shifan_history_new_from_json = _declare("shifan_history_new_from_json", c_int, POINTER(P_history), P_engine, c_char_p,
                                        c_size_t, POINTER(EvaluateOptions), ErrorOut)
shifan_history_append_event_json = _declare("shifan_history_append_event_json", c_int, P_history, c_char_p, c_size_t,
                                            ErrorOut)
shifan_history_event_count = _declare("shifan_history_event_count", c_int64, P_history)
shifan_history_platform_id = _declare("shifan_history_platform_id", c_char_p, P_history)
shifan_history_to_json = _declare("shifan_history_to_json", c_int, StrOut, SizeOut, P_history, ErrorOut)
shifan_history_free = _declare("shifan_history_free", None, P_history)
shifan_history_status = _declare("shifan_history_status", c_int, POINTER(P_status), P_history, c_char_p, ErrorOut)
shifan_history_json_status = _declare("shifan_history_json_status", c_int, StrOut, SizeOut, P_engine, c_char_p, c_size_t,
                                      c_char_p, c_int32, POINTER(EvaluateOptions), ErrorOut)
shifan_status_state = _declare("shifan_status_state", c_char_p, P_status)
shifan_status_on = _declare("shifan_status_on", c_char_p, P_status)
shifan_status_days_left = _declare("shifan_status_days_left", c_int, P_status, POINTER(c_int64))
shifan_status_valid_until = _declare("shifan_status_valid_until", c_char_p, P_status)
shifan_status_next_deadline = _declare("shifan_status_next_deadline", c_char_p, P_status)
shifan_status_may_apply_again = _declare("shifan_status_may_apply_again", c_int32, P_status)
shifan_status_may_apply_again_reason = _declare("shifan_status_may_apply_again_reason", c_char_p, P_status, c_int32)
shifan_status_to_json = _declare("shifan_status_to_json", c_int, StrOut, SizeOut, P_status, c_int32, ErrorOut)
shifan_status_report = _declare("shifan_status_report", c_int, StrOut, SizeOut, P_status, c_int32, ErrorOut)
shifan_status_free = _declare("shifan_status_free", None, P_status)
shifan_roster_new = _declare("shifan_roster_new", c_int, POINTER(P_roster), P_engine, POINTER(P_history), c_size_t,
                             POINTER(c_char_p), POINTER(c_size_t), c_size_t, c_char_p, ErrorOut)
shifan_roster_new_v2 = _declare("shifan_roster_new_v2", c_int, POINTER(P_roster), P_engine, POINTER(P_history),
                                c_size_t, POINTER(c_char_p), POINTER(c_size_t), c_size_t, c_char_p,
                                POINTER(EvaluateOptions), ErrorOut)
shifan_roster_to_json = _declare("shifan_roster_to_json", c_int, StrOut, SizeOut, P_roster, c_int32, ErrorOut)
shifan_roster_report = _declare("shifan_roster_report", c_int, StrOut, SizeOut, P_roster, c_int32, ErrorOut)
shifan_roster_html_options_init = _declare("shifan_roster_html_options_init", c_int, POINTER(RosterHtmlOptions), c_uint)
shifan_roster_html = _declare("shifan_roster_html", c_int, StrOut, SizeOut, P_roster, POINTER(RosterHtmlOptions),
                              ErrorOut)
shifan_roster_free = _declare("shifan_roster_free", None, P_roster)
# CSV application sheets
shifan_csv_options_init = _declare("shifan_csv_options_init", c_int, POINTER(CsvOptions), c_uint)
shifan_csv_template = _declare("shifan_csv_template", c_int, StrOut, SizeOut, c_int32, c_int32, ErrorOut)
shifan_csv_import = _declare("shifan_csv_import", c_int, StrOut, SizeOut, c_char_p, c_size_t, POINTER(CsvOptions),
                             POINTER(c_size_t), ErrorOut)
# policy simulation
shifan_compare_options_init = _declare("shifan_compare_options_init", c_int, POINTER(CompareOptions), c_uint)
shifan_comparator_new = _declare("shifan_comparator_new", c_int, POINTER(P_comparator), P_engine, P_engine,
                                 POINTER(CompareOptions), ErrorOut)
shifan_comparator_add = _declare("shifan_comparator_add", c_int, P_comparator, POINTER(c_char_p), POINTER(c_size_t),
                                 c_size_t, ErrorOut)
shifan_comparator_add_buffer = _declare("shifan_comparator_add_buffer", c_int, P_comparator, c_char_p, c_size_t,
                                        POINTER(c_size_t), c_size_t, ErrorOut)
shifan_comparator_counts = _declare("shifan_comparator_counts", c_int, P_comparator, POINTER(c_uint64),
                                    POINTER(c_uint64), POINTER(c_uint64), ErrorOut)
shifan_comparator_to_json = _declare("shifan_comparator_to_json", c_int, StrOut, SizeOut, P_comparator, c_int32,
                                     ErrorOut)
shifan_comparator_report = _declare("shifan_comparator_report", c_int, StrOut, SizeOut, P_comparator, c_int32,
                                    ErrorOut)
shifan_comparator_free = _declare("shifan_comparator_free", None, P_comparator)

# --- helpers ---------------------------------------------------------------------------------------


def _text(b: Optional[bytes]) -> str:
    return b.decode("utf-8") if b is not None else ""


def error_from(code: int, err: Any) -> Error:
    """Copy an error object's contents into an exception (the object is not freed)."""
    if not err:
        return make_error(code, "", "", _text(shifan_code_name(code)))
    event_type = _text(shifan_error_event_type(err)) or None
    articles = [_text(shifan_error_article(err, i)) for i in range(max(0, int(shifan_error_article_count(err))))]
    return make_error(code, _text(shifan_error_path(err)), _text(shifan_error_message(err, LANG_ZH)),
                      _text(shifan_error_message(err, LANG_EN)), int(shifan_error_event_index(err)),
                      event_type, articles if event_type else None)


def check(rc: int, err: Any) -> None:
    """Raise the error of a failed call, freeing the error object."""
    if rc == 0:
        return
    try:
        exc = error_from(rc, err if err else None)
    finally:
        if err:
            shifan_error_free(err)
    raise exc


def check_value(v: int) -> int:
    """An accessor's value, or its error (read from the thread's last error)."""
    if v < 0:
        raise error_from(v, shifan_last_error())
    return v


def take_string(ptr: c_void_p, size: c_size_t) -> str:
    """Copy a string the library returned, then free it."""
    if not ptr.value:
        return ""
    try:
        return ctypes.string_at(ptr.value, size.value).decode("utf-8")
    finally:
        shifan_string_free(ptr)


def call_string(fn: Any, *args: Any) -> str:
    """Call `fn(&out, &len, *args, &err)` and return the owned string it gives."""
    out = c_void_p()
    size = c_size_t()
    err = P_error()
    rc = fn(byref(out), byref(size), *args, byref(err))
    check(rc, err)
    return take_string(out, size)


def lang_code(lang: str, allow_both: bool = True) -> int:
    try:
        code = LANGS[lang]
    except KeyError:
        raise make_error(-15, "", "未知的语言：" + str(lang), f"unknown language {lang!r} (zh, en or both)") from None
    if code == LANG_BOTH and not allow_both:
        raise make_error(-15, "", "此处语言只能是 zh 或 en", "lang must be zh or en here")
    return code

