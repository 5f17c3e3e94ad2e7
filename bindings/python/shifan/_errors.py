"""Exceptions raised by the shifan bindings, one class per family of status codes."""
from __future__ import annotations

import re
from typing import Dict, List, Optional, Type

__all__ = [
    "Error",
    "InputError",
    "RulePackError",
    "HistoryError",
    "UsageError",
    "HandleError",
    "InternalError",
    "OutOfMemoryError",
    "error_class",
]

# Status codes of shifan.h (stable: values never change, new ones are only appended).
OK = 0
ESYNTAX = -1
EWRONG_TYPE = -2
EOUT_OF_RANGE = -3
EUNKNOWN_KEY = -4
EDUPLICATE_KEY = -5
EUNKNOWN_VALUE = -6
EINVALID_DATE = -7
EINVALID_AMOUNT = -8
EINCONSISTENT = -9
EMISSING_REQUIRED = -10
EWRONG_SCHEMA = -11
ELIMIT_EXCEEDED = -12
ERULE_PACK = -13
EHISTORY = -14
EUSAGE = -15
EINTERNAL = -16
ENOMEM = -100
EHANDLE = -101

CODE_NAMES: Dict[int, str] = {
    OK: "ok", ESYNTAX: "syntax", EWRONG_TYPE: "wrong_type", EOUT_OF_RANGE: "out_of_range",
    EUNKNOWN_KEY: "unknown_key", EDUPLICATE_KEY: "duplicate_key", EUNKNOWN_VALUE: "unknown_value",
    EINVALID_DATE: "invalid_date", EINVALID_AMOUNT: "invalid_amount", EINCONSISTENT: "inconsistent",
    EMISSING_REQUIRED: "missing_required", EWRONG_SCHEMA: "wrong_schema", ELIMIT_EXCEEDED: "limit_exceeded",
    ERULE_PACK: "rule_pack", EHISTORY: "history", EUSAGE: "usage", EINTERNAL: "internal",
    ENOMEM: "nomem", EHANDLE: "handle",
}


# The characters the library's text outputs escape (C0, DEL, C1, and the Unicode format characters
# that reorder or break a line), written as backslash-u and four hex digits, as the library does.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _printable(s: str) -> str:
    return _UNPRINTABLE.sub(lambda m: "\\u%04x" % ord(m.group()), s)


class Error(Exception):
    """An error reported by libshifan.

    Attributes:
        code: the status code (a negative ``SHIFAN_E*`` value)
        code_name: its machine name, e.g. ``"unknown_key"``
        path: JSON Pointer of the offending value ("" for the whole document)
        message_zh, message_en: the reason, in Chinese and in English (without the path)
        event_index: index of the lifecycle event at fault (every error of a history's event), or -1
        event_type: the type of the event a forbidden transition refused, e.g. ``"designated"``, or None
        articles: the article ids a forbidden transition breaks, e.g. ``["art8"]`` (empty for dates
            running backwards), or None for other errors
    """

    def __init__(self, code: int, path: str = "", message_zh: str = "", message_en: str = "",
                 event_index: int = -1, event_type: Optional[str] = None,
                 articles: Optional[List[str]] = None) -> None:
        self.code = code
        self.code_name = CODE_NAMES.get(code, "unknown")
        self.path = path
        self.message_zh = message_zh
        self.message_en = message_en
        self.event_index = event_index
        self.event_type = event_type
        self.articles = list(articles) if articles is not None else ([] if event_type else None)
        super().__init__(self._describe())

    @property
    def message(self) -> str:
        """The reason in English (``message_zh`` has the Chinese)."""
        return self.message_en

    def _describe(self) -> str:
        # The message comes from the library already printable; the path is the exact JSON Pointer,
        # so it is escaped here, as the library escapes it in its own texts. Only bad input names a
        # place in a document ("(document)" for the whole of it); a misuse of the API, a closed
        # object or an internal error concerns no document and names none.
        event = f"event {self.event_index}: " if self.event_index >= 0 else ""
        if self.path:
            where = _printable(self.path) + ": "
        else:
            where = "(document): " if isinstance(self, InputError) else ""
        return f"{self.code_name}: {event}{where}{self.message_en}"

    def to_dict(self) -> dict:
        """The error as the ``{"error": ...}`` member the CLI and batches print."""
        d = {"code": self.code_name, "code_number": -self.code, "path": self.path}
        if self.event_index >= 0:
            d["event_index"] = self.event_index
        if self.event_type:
            d["event_type"] = self.event_type
            d["articles"] = list(self.articles or [])
        d["message"] = {"zh": self.message_zh, "en": self.message_en}
        return {"error": d}


class InputError(Error, ValueError):
    """Bad input: the document is not valid (wrong type, unknown key, impossible date, ...).
    ``.path`` names the offending value. Bad input is an error, never a verdict."""


class RulePackError(InputError):
    """A rule pack is invalid, or has no value in force on the date."""


class HistoryError(InputError):
    """A lifecycle event the rules forbid: ``.event_index`` names it, ``.event_type`` its type and
    ``.articles`` the articles it breaks (``["art8", "art9"]``)."""


class UsageError(Error, ValueError):
    """The API was misused: an unknown reading, a closed handle, a bad argument."""


class HandleError(UsageError):
    """A handle that is not live (freed, or of another kind)."""


class InternalError(Error):
    """A bug in shifan: please report it."""


class OutOfMemoryError(Error, MemoryError):
    """libshifan ran out of memory."""


def error_class(code: int) -> Type[Error]:
    """The exception class for a status code."""
    if code == ERULE_PACK:
        return RulePackError
    if code == EHISTORY:
        return HistoryError
    if ELIMIT_EXCEEDED <= code <= ESYNTAX:
        return InputError
    if code == EUSAGE:
        return UsageError
    if code == EHANDLE:
        return HandleError
    if code == ENOMEM:
        return OutOfMemoryError
    if code == EINTERNAL:
        return InternalError
    return Error


def make_error(code: int, path: str = "", message_zh: str = "", message_en: str = "",
               event_index: int = -1, event_type: Optional[str] = None,
               articles: Optional[List[str]] = None) -> Error:
    return error_class(code)(code, path, message_zh, message_en, event_index, event_type, articles)

