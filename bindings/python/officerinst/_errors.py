"""Exceptions of officerinst.

The classes are the low-level module's, generated there from one table of
the C statuses, so that the C code raises them itself; every failed call
raises the subclass of :class:`Error` chosen by its status, and no status
code is ever returned to Python code. A value of a type its field cannot
hold raises :class:`WrongType` (a TypeError) naming the field.
"""

from typing import Type

from . import _officerinst_c as _c
from ._officerinst_c import (AlreadyExists, DateError, DocumentError, Error, FileError,
                             InvalidArgument, LimitError, NotFound, OutOfMemory, ParseError,
                             PolicyMismatch, SchemaError, StateError, WrongType)

__all__ = ["Error", "DocumentError", "WrongType", "InvalidArgument", "DateError", "NotFound",
           "AlreadyExists", "OutOfMemory", "StateError", "ParseError", "SchemaError",
           "PolicyMismatch", "LimitError", "FileError", "error_class"]

for _cls in (Error, DocumentError, WrongType, *_c.ERROR_CLASSES.values()):
    _cls.__module__ = "officerinst"
del _cls


def error_class(status: int) -> Type[Error]:
    """The exception class raised for a status (an int or Status)."""
    return _c.ERROR_CLASSES.get(int(status), Error)


def _closed(what: str) -> StateError:
    """The error raised when a closed object is used."""
    return StateError("the %s is closed" % what, path=what)


def _wrong_type(path: str, expected: str, value: object) -> WrongType:
    """The error of a value that is not of the Python type an argument needs."""
    return WrongType("must be %s, not %s" % (expected, type(value).__name__), path=path)
