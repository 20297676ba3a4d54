"""Requests and applications as documents: a batch read from a requests
document (or built row by row, as a spreadsheet gives them), checked by the
library when read, decided by the rules or entered into a ledger, and its
decisions written as a decisions document (doc/requests-format.md)."""

import threading
from typing import Any, List, Mapping, Optional, Tuple

from . import _officerinst_c as _c
from ._decisions import Decision
from ._errors import Error, NotFound, StateError, _closed
from ._ledger import Ledger, _Call, _close
from ._policy import Policy, PathLike, Text, _policy_handle
from ._values import Application, Graduation, Local, Officer, SubsidyRequest

__all__ = ["Batch"]

_x = _c._officerinst


def _local(t: Tuple[Any, ...]) -> Local:
    return Local(*t)


def _officer(t: Tuple[Any, ...]) -> Officer:
    return Officer(t[0], t[1], t[2], [Graduation(*g) for g in t[3]])


def _request(t: Optional[Tuple[Any, ...]]) -> Optional[SubsidyRequest]:
    if t is None:
        return None
    return SubsidyRequest(t[0], t[1], _local(t[2]), _officer(t[3]), *t[4:])


def _application(t: Optional[Tuple[Any, ...]]) -> Optional[Application]:
    if t is None:
        return None
    return Application(t[0], t[1], _local(t[2]), _officer(t[3]))


def _element(get: Any, h: Any, index: int) -> Optional[Tuple[Any, ...]]:
    """Element ``index`` copied out of the batch by ``get``, or None where
    the library has none: a bad element (StateError) or an index out of
    range (NotFound)."""
    try:
        return get(h, index)
    except (StateError, NotFound):
        return None


def _row(fields: Any) -> Any:
    """A mapping as the dict the library reads (anything else: WrongType)."""
    return dict(fields) if isinstance(fields, Mapping) and not isinstance(fields, dict) \
        else fields


class Batch:
    """A batch of subsidy requests and enrollment applications, read under
    a :class:`Policy` (the C oi_batch).

    Make one with :meth:`load` or :meth:`from_json` from a requests
    document, or empty and fill it with :meth:`add_request` and
    :meth:`add_application`, one row of text fields at a time. The library
    checks every element when it is read; with ``per_element=True`` a bad
    element is kept as an error (:meth:`request_error`, :attr:`errors`) and
    the others are read, else the first bad one fails the load.

    :meth:`check` decides the good elements by the stateless rules,
    :meth:`submit` enters the good requests into a :class:`Ledger`; both,
    and loading, let other threads run while the library works. Then
    :meth:`decisions`, :meth:`decisions_to_json` and
    :meth:`save_decisions` give what was decided. The batch serializes its
    own calls with a lock; :meth:`close` frees it (as for a Ledger, it
    refuses while one of its calls runs).
    """

    __slots__ = ("_h", "_ph", "_policy", "_lock", "_busy", "_ledger", "__weakref__")
    _what = "batch"

    def __init__(self, policy: Policy, per_element: bool = False) -> None:
        """An empty batch on ``policy``, for :meth:`add_request`."""
        self._setup(policy, lambda ph, mode: _c.batch_new(ph, mode), per_element)

    def _setup(self, policy: Policy, make: Any, per_element: bool) -> None:
        ph = _policy_handle(policy)
        self._h, self._ledger = None, None
        self._ph, self._policy = ph, policy
        self._lock, self._busy = threading.RLock(), 0
        self._h = make(ph, _c.OI_BATCH_PER_ELEMENT if per_element else
                       _c.OI_BATCH_ALL_OR_NOTHING)

    @classmethod
    def from_json(cls, policy: Policy, text: Text, per_element: bool = False) -> "Batch":
        """Read a requests document (str or bytes).

        Raises:
            ParseError, SchemaError, LimitError: the document (or, all or
                nothing, an element) is not valid; PolicyMismatch: it names
                another policy.
        """
        obj = object.__new__(cls)
        obj._setup(policy, lambda ph, mode: _c.batch_from_json(ph, text, mode), per_element)
        return obj

    @classmethod
    def load(cls, policy: Policy, path: PathLike, per_element: bool = False) -> "Batch":
        """Read a requests document from a file, as :meth:`from_json`."""
        obj = object.__new__(cls)
        obj._setup(policy, lambda ph, mode: _c.batch_load(ph, path, mode), per_element)
        return obj

    @property
    def policy(self) -> Policy:
        """The :class:`Policy` the batch was read under."""
        return self._policy

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._h is None

    def close(self) -> None:
        """Free the batch now; closing twice is harmless."""
        _close(self)
        self._ledger = None

    def __enter__(self) -> "Batch":
        with _Call(self):
            return self

    def __exit__(self, *exc: Any) -> bool:
        self.close()
        return False

    def add_request(self, fields: Mapping[str, str], line: int = 0) -> int:
        """Add one request given as text fields, as a spreadsheet row gives
        them (``{"id": "R1", "session": "OI-2017-MD", "local.country":
        "US", ...}``, doc/requests-format.md, "Fields"); returns its index.
        An empty value (or None) is an absent field."""
        with _Call(self) as h:
            return _c.batch_add_request(h, _row(fields), line)

    def add_application(self, fields: Mapping[str, str], line: int = 0) -> int:
        """Add one enrollment application given as text fields."""
        with _Call(self) as h:
            return _c.batch_add_application(h, _row(fields), line)

    def __len__(self) -> int:
        """The number of requests, good and bad."""
        with _Call(self) as h:
            return _c.batch_request_count(h)

    @property
    def application_count(self) -> int:
        """The number of applications, good and bad."""
        with _Call(self) as h:
            return _c.batch_application_count(h)

    def request(self, index: int) -> Optional[SubsidyRequest]:
        """Request ``index`` as a :class:`SubsidyRequest`, or None if it is bad."""
        with _Call(self) as h:
            return _request(_element(_c.batch_get_request, h, index))

    def request_error(self, index: int) -> Optional[Error]:
        """The error of request ``index`` (an :class:`Error`, not raised), or None."""
        with _Call(self) as h:
            return _c.batch_request_error(h, index)

    def application(self, index: int) -> Optional[Application]:
        """Application ``index`` as an :class:`Application`, or None if it is bad."""
        with _Call(self) as h:
            return _application(_element(_c.batch_get_application, h, index))

    def application_id(self, index: int) -> Optional[str]:
        """The id the document gave application ``index``, or None."""
        with _Call(self) as h:
            return _c.batch_application_id(h, index)

    def application_error(self, index: int) -> Optional[Error]:
        """The error of application ``index``, or None."""
        with _Call(self) as h:
            return _c.batch_application_error(h, index)

    @property
    def requests(self) -> Tuple[Optional[SubsidyRequest], ...]:
        """Every request, None where it is bad."""
        with _Call(self) as h:
            return tuple(_request(_element(_c.batch_get_request, h, i))
                         for i in range(_c.batch_request_count(h)))

    @property
    def errors(self) -> Tuple[Error, ...]:
        """The errors of the bad elements, requests then applications, each
        with its path, index, field, line and column."""
        with _Call(self) as h:
            found = [_c.batch_request_error(h, i) for i in range(_c.batch_request_count(h))]
            found += [_c.batch_application_error(h, i)
                      for i in range(_c.batch_application_count(h))]
        return tuple(e for e in found if e is not None)

    def check(self) -> "Batch":
        """Decide every good element by the stateless rules; returns the batch."""
        with _Call(self) as h:
            _c.batch_check(h)
            self._ledger = None
        return self

    def submit(self, ledger: Ledger) -> "Batch":
        """Enter every good request into ``ledger`` in receipt order (as
        :meth:`Ledger.submit_many`) and decide the applications; returns the
        batch. The decisions name requests the ledger holds: while they are
        read the ledger must stay open (StateError once it is closed)."""
        with _Call(self) as h, _Call(ledger) as lh:
            _c.batch_submit(h, lh)
            self._ledger = ledger
        return self

    def _decided(self, read: Any) -> Any:
        with _Call(self) as h:
            if self._ledger is None:
                return read(h)
            with _Call(self._ledger):
                return read(h)

    def decisions(self) -> List[Optional[Decision]]:
        """The decision on each request (None where it is bad), in order."""
        ph = self._ph
        return self._decided(lambda h: [
            None if t is None else Decision._from_c(t, ph)
            for t in (_c.batch_request_decision(h, i) for i in range(_c.batch_request_count(h)))])

    def application_decisions(self) -> List[Optional[Decision]]:
        """The decision on each application (None where it is bad), in order."""
        ph = self._ph
        return self._decided(lambda h: [
            None if t is None else Decision._from_c(t, ph)
            for t in (_c.batch_application_decision(h, i)
                      for i in range(_c.batch_application_count(h)))])

    def decisions_to_json(self) -> str:
        """The decisions document of the decided batch (StateError before)."""
        return self._decided(lambda h: _c.batch_decisions_to_json(h))

    def save_decisions(self, path: PathLike) -> None:
        """Write the decisions document to a file, atomically."""
        self._decided(lambda h: _c.batch_decisions_save(h, path))

    def __repr__(self) -> str:
        if self.closed:
            return "<Batch (closed)>"
        return "<Batch: %d requests, %d applications>" % (len(self), self.application_count)
