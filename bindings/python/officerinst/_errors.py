"""Exceptions of officerinst, generated from one table of the C statuses.

Every failed call of the C library raises a subclass of :class:`Error`
chosen by its status; no status code is ever returned to Python code. The
table below is the only place that pairs a status with a class; it is also
handed to the extension, which raises these classes from C.
"""

from . import _officerinst_c as _c
from ._enums import Status

__all__ = ["Error"]


class Error(Exception):
    """Base class of every error of the officerinst library.

    Attributes:
        status: the :class:`officerinst.Status` of the failed call.
        message: what was wrong, in words.
        path: the offending field or argument, e.g. ``"request.local.district"``
            or ``"sessions[2].first_day"``; empty when not applicable.
        line, column: 1-based position in a document (policy or ledger
            JSON), or 0 when the error is not about a document.
        position: byte offset in the document, or 0.
    """

    #: The status this class stands for (set on each subclass by the table).
    default_status = None

    def __init__(self, message, *, status=None, path="", line=0, column=0, position=0):
        super().__init__(message)
        if status is None:
            status = self.default_status if self.default_status is not None else Status.EINVAL
        try:
            status = Status(status)
        except ValueError:
            pass
        self.status = status
        self.message = message
        self.path = path or ""
        self.line = int(line or 0)
        self.column = int(column or 0)
        self.position = int(position or 0)

    def __str__(self):
        text = self.message
        if self.path:
            text = "%s: %s" % (self.path, text)
        if self.line:
            text = "%s (line %d, column %d)" % (text, self.line, self.column)
        return text

    def __repr__(self):
        return "%s(%r, path=%r, line=%d, column=%d)" % (
            type(self).__name__, self.message, self.path, self.line, self.column)

    def __reduce__(self):
        return (_rebuild, (type(self), self.message, int(self.status), self.path,
                           self.line, self.column, self.position))


def _rebuild(cls, message, status, path, line, column, position):
    return cls(message, status=status, path=path, line=line, column=column,
               position=position)


class DocumentError(Error, ValueError):
    """A policy document or ledger snapshot was rejected; ``line``,
    ``column`` and ``path`` say where."""


# status name, class name, bases (after Error), documentation.
_TABLE = (
    ("OI_EINVAL", "InvalidArgument", (ValueError,),
     "An argument is invalid: out of range, empty, too long, negative money."),
    ("OI_EDATE", "DateError", (ValueError,),
     "Not a valid calendar date or time of day."),
    ("OI_ENOTFOUND", "NotFound", (LookupError,),
     "Unknown identifier: session, course, request, built-in year."),
    ("OI_EEXISTS", "AlreadyExists", (ValueError,),
     "The identifier is already in use (a request id, a course id...)."),
    ("OI_ENOMEM", "OutOfMemory", (MemoryError,),
     "The library ran out of memory."),
    ("OI_ESTATE", "StateError", (),
     "Not allowed in the object's current state: withdrawing a refused or "
     "withdrawn request, or using a closed Policy or Ledger."),
    ("OI_EPARSE", "ParseError", (DocumentError,),
     "A document is not well-formed JSON (line and column say where)."),
    ("OI_ESCHEMA", "SchemaError", (DocumentError,),
     "A document is well-formed but does not describe a valid policy or "
     "ledger: an unknown or missing field, a wrong type, a failed cross-check."),
    ("OI_EMISMATCH", "PolicyMismatch", (ValueError,),
     "A ledger snapshot was made under a different policy (id or digest)."),
    ("OI_ELIMIT", "LimitError", (ValueError,),
     "Input exceeds a size, depth or length limit, or an amount overflows."),
    ("OI_EIO", "FileError", (OSError,),
     "An operating-system I/O call failed (reading or saving a file)."),
)


def _make_classes():
    made = {}
    by_status = {}
    for status_name, class_name, bases, doc in _TABLE:
        if not any(issubclass(b, Error) for b in bases):
            bases = (Error,) + bases
        cls = type(class_name, bases, {
            "__doc__": doc,
            "__module__": "officerinst",
            "default_status": getattr(_c, status_name),
        })
        made[class_name] = cls
        by_status[getattr(_c, status_name)] = cls
    return made, by_status


_CLASSES, _BY_STATUS = _make_classes()
globals().update(_CLASSES)
__all__ += ["DocumentError"] + list(_CLASSES)
Error.__module__ = "officerinst"
DocumentError.__module__ = "officerinst"

# From now on the extension raises these classes.
_c.set_error_classes(dict(_BY_STATUS))


def error_class(status):
    """The exception class raised for a status (an int or Status)."""
    return _BY_STATUS.get(int(status), Error)


def _closed(what):
    """The error raised when a closed object is used."""
    return error_class(_c.OI_ESTATE)("the %s is closed" % what, path=what)
