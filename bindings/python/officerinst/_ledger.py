"""The subsidy ledger: seats (S4), local caps (S5), one subsidy an officer a
year (S9), the waitlist (S10), awards that stand (S11), and the audit trail."""

import dataclasses
import datetime
import threading
from typing import Any, Dict, Iterable, Iterator, List, Mapping, Optional, Tuple, Union

from . import _officerinst_c as _c
from ._decisions import Decision, Decisions, Reason, _session_ids
from ._enums import Country, EventType, Outcome, _enum, _member
from ._errors import Error, NotFound, StateError, _closed
from ._policy import Policy, PathLike, Text, _policy_handle
from ._rules import RequestLike, Requests, _requests
from ._values import Local, _make, _text

__all__ = ["Ledger", "LedgerEntry", "Withdrawal", "SessionSummary", "DistrictAwards", "Event"]

_x = _c._officerinst     # the extension's own functions: one Python call less
_from_c = Decision._from_c
_E = _c.fields("entry")
_V = _c.fields("event")


class _Document:
    # attribute -> the documents' name, where they differ
    _DOC: Dict[str, str] = {"session_id": "session", "request_id": "request",
                            "cause_id": "cause"}

    def to_dict(self) -> Dict[str, Any]:
        """The value as a dict of JSON types, with the documents' names
        ("session", "request"): enums as their names, moments as ISO text,
        reasons as :meth:`Reason.to_dict` makes them."""
        out: Dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            v = getattr(self, f.name)
            if f.name == "reasons":
                v = [r.to_dict() for r in v]
            elif isinstance(v, (Outcome, EventType, Country)):
                v = str(v)
            elif isinstance(v, tuple):
                v = list(v)
            out[self._DOC.get(f.name, f.name)] = _text(v)
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Any:
        """The value of a dict as :meth:`to_dict` makes it."""
        names = {doc: name for name, doc in cls._DOC.items()}
        d = {names.get(k, k): v for k, v in d.items()}
        for f in dataclasses.fields(cls):  # type: ignore[arg-type]
            v = d.get(f.name)
            if f.name == "reasons":
                v = tuple(Reason.from_dict(r) for r in v)
            elif f.name in ("status", "outcome", "previous"):
                v = Outcome(v)
            elif f.name == "type":
                v = EventType(v)
            elif f.name == "country":
                v = Country(v)
            elif f.name == "received":
                v = _c.datetime_parse(v)
            elif isinstance(v, list):
                v = tuple(v)
            d[f.name] = v
        return _make(cls, **d)


@dataclasses.dataclass(frozen=True)
class LedgerEntry(_Document):
    """A request as a ledger holds it.

    Attributes:
        id, entry_number: its id, and 1, 2, 3... in order of entry.
        session_id, year: its session and the calendar year of the session's
            first day (S5, S9).
        local_number, local_name, country, district: its local.
        officer_id, officer_name: its officer (the name may be None).
        received: when it was received (``datetime.datetime``).
        status: AWARDED, WAITLISTED, REFUSED or WITHDRAWN (:class:`Outcome`).
        nights_requested, nights: nights asked for and paid (S3); only an
            award pays, so nights is 0 unless the status is AWARDED.
        payee: the designated hotel while awarded, else None.
        reasons: refusal reasons, or why it waits (S4, S5).
        nights_if_awarded: the nights an award of it pays (S3), whatever its
            status (for a waitlisted request, what its promotion will pay);
            0 when refused.
    """

    id: str
    entry_number: int
    session_id: str
    year: int
    local_number: int
    country: Country
    district: int
    officer_id: str
    received: datetime.datetime
    status: Outcome
    nights_requested: int
    nights: int
    payee: Optional[str]
    reasons: Tuple[Reason, ...]
    nights_if_awarded: int = 0
    local_name: str = ""
    officer_name: Optional[str] = None


def _reasons(raw: Tuple[Any, ...], ph: Any) -> Tuple[Reason, ...]:
    if not raw:
        return ()
    sessions = _session_ids(ph)
    return tuple(Reason._from_c(r, ph, sessions) for r in raw)


def _entry(t: Tuple[Any, ...], ph: Any) -> LedgerEntry:
    d = dict(zip(_E, t))
    del d["session"]
    d["country"] = _enum(Country, d["country"])
    d["status"] = _enum(Outcome, d["status"])
    d["reasons"] = _reasons(d["reasons"], ph)
    return _make(LedgerEntry, **d)


@dataclasses.dataclass(frozen=True)
class Withdrawal(_Document):
    """What a withdrawal did.

    Attributes:
        previous: the request's status before: AWARDED or WAITLISTED.
        promoted: ids of the requests promoted from the waitlist, in order
            (one into the freed seat, one into the freed local slot, S10).
    """

    previous: Outcome
    promoted: Tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class SessionSummary(_Document):
    """A session's seats and requests."""

    seats: int
    awarded: int
    waitlisted: int
    refused: int
    withdrawn: int
    seats_left: int
    nights: int


@dataclasses.dataclass(frozen=True)
class DistrictAwards(_Document):
    """Awards held now by the locals of a district, and their nights."""

    awards: int
    nights: int


@dataclasses.dataclass(frozen=True)
class Event(_Document):
    """One event of a ledger's audit trail.

    Attributes:
        sequence: 1 for the first event, then 2, 3...
        type: :class:`EventType` -- ENTERED, DECIDED, WITHDRAWN, PROMOTED.
        request_id: the request it happened to.
        outcome: DECIDED: the decision; PROMOTED: AWARDED; WITHDRAWN: the
            status it had; ENTERED: NONE.
        cause_id: PROMOTED: the withdrawn request whose seat or slot it
            took; else None.
        nights: nights the award pays (DECIDED as awarded, and PROMOTED:
            a promotion pays when it is made); 0 otherwise.
        reasons: DECIDED: the decision's reasons.
    """

    sequence: int
    type: EventType
    request_id: str
    outcome: Outcome
    cause_id: Optional[str]
    nights: int
    reasons: Tuple[Reason, ...]


def _event(t: Tuple[Any, ...], ph: Any) -> Event:
    d = dict(zip(_V, t))
    d["type"] = _enum(EventType, d["type"])
    d["outcome"] = _enum(Outcome, d["outcome"])
    d["reasons"] = _reasons(d["reasons"], ph)
    return _make(Event, **d)


class _Call:
    """``with _Call(obj) as handle``: one call on a Ledger or Batch, which the
    library lets only one thread use at a time: serialized by the object's
    lock, and counted so that close() refuses to free it meanwhile."""

    __slots__ = ("obj",)

    def __init__(self, obj: Any) -> None:
        self.obj = obj

    def __enter__(self) -> Any:
        obj = self.obj
        obj._lock.acquire()
        h = obj._h
        if h is None:
            obj._lock.release()
            raise _closed(obj._what)
        obj._busy += 1
        return h

    def __exit__(self, *exc: Any) -> None:
        obj = self.obj
        obj._busy -= 1
        obj._lock.release()


def _close(obj: Any) -> Any:
    """Take the handle of a Ledger or Batch being closed, or raise StateError
    (and change nothing) when one of its calls runs."""
    if not obj._lock.acquire(blocking=False):
        raise StateError("the %s is in use by another thread's call" % obj._what,
                         path=obj._what)
    try:
        if obj._busy:
            raise StateError("the %s is in use by a call in progress" % obj._what,
                             path=obj._what)
        h, obj._h, obj._ph = obj._h, None, None
    finally:
        obj._lock.release()
    return h


class Ledger:
    """A subsidy ledger bound to one :class:`Policy` (the C oi_ledger).

    It decides each request when it is entered -- awarded, waitlisted (S4
    seats or S5 local cap used up) or refused with every reason -- and never
    takes back an award on its own: only a withdrawal ends one, and promotes
    from the waitlist, earliest receipt first (S10, S11).

    The ledger keeps its policy's C object alive. :meth:`close` (or leaving
    a ``with`` block) frees the ledger at once; afterwards every use raises
    :class:`officerinst.StateError`, and so does closing it while one of its
    calls runs (from a generator it is reading, or another thread), which
    leaves it as it was.

    Threads: the ledger serializes its own calls with a lock, so threads may
    share it; its batch calls let other threads run while the library
    works. A Ledger pickles and copies through its snapshot
    (:meth:`to_json`).

    Python protocols: ``len(ledger)`` is the number of requests entered,
    ``"r1" in ledger`` asks whether a request id was entered, and iterating
    yields every :class:`LedgerEntry` in entry order.
    """

    __slots__ = ("_h", "_ph", "_policy", "_lock", "_busy", "__weakref__")
    _what = "ledger"

    def __init__(self, policy: Policy) -> None:
        """An empty ledger on ``policy``."""
        self._setup(policy, lambda ph: _c.ledger_new(ph))

    def _setup(self, policy: Policy, make: Any) -> None:
        ph = _policy_handle(policy)
        self._h = None
        self._ph, self._policy = ph, policy
        self._lock, self._busy = threading.RLock(), 0
        self._h = make(ph)

    @classmethod
    def from_json(cls, policy: Policy, text: Text) -> "Ledger":
        """Restore a ledger from a snapshot (str or bytes) made by
        :meth:`to_json` under the same policy.

        Raises:
            PolicyMismatch: the snapshot names another policy (id or digest).
            ParseError, SchemaError: the snapshot is not valid.
        """
        obj = object.__new__(cls)
        obj._setup(policy, lambda ph: _c.ledger_from_json(ph, text))
        return obj

    @classmethod
    def load(cls, policy: Policy, path: PathLike) -> "Ledger":
        """Restore a ledger from a snapshot file written by :meth:`save`."""
        obj = object.__new__(cls)
        obj._setup(policy, lambda ph: _c.ledger_load(ph, path))
        return obj

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._h is None

    def close(self) -> None:
        """Free the ledger now. Closing twice is harmless; closing while one
        of the ledger's calls runs raises StateError and changes nothing."""
        h = _close(self)
        if h is not None:
            _c.ledger_release(h)

    def __enter__(self) -> "Ledger":
        with _Call(self):
            return self

    def __exit__(self, *exc: Any) -> bool:
        self.close()
        return False

    @property
    def policy(self) -> Policy:
        """The :class:`Policy` the ledger was made on."""
        return self._policy

    def submit(self, request: RequestLike) -> Decision:
        """Enter one :class:`SubsidyRequest` (or a dict of its fields) and
        decide it.

        Returns:
            its :class:`Decision`: AWARDED (with nights and payee, S3),
            WAITLISTED (the reasons say S4 or S5, with the numbers) or
            REFUSED (every reason of S1, S2, S6, S8, E1 and S9).
        Raises:
            InvalidArgument: no id (a ledger names requests by id) or bad input.
            AlreadyExists: the id was entered before.
            NotFound: unknown session.
        """
        with _Call(self) as h:
            return _from_c(_x.ledger_submit(h, request), self._ph)

    def submit_many(self, requests: Union[Requests, Iterable[RequestLike]]) -> Decisions:
        """Enter a batch and decide it in ONE call into the library, which
        works without the interpreter lock.

        The batch is decided in order of receipt (ties by their order in
        ``requests``), exactly as entering them one by one in that order
        would. All or nothing: on an error nothing is entered, and the
        error's path names the element (``"requests[7].id"``).

        Args:
            requests: :class:`Requests`, or an iterable of
                :class:`SubsidyRequest` or dicts (read in C, in one pass).
        Returns:
            a :class:`Decisions`, one per request, in the order given; it
            stays valid after the ledger or its policy is closed.
        """
        with _Call(self) as h:
            return Decisions._wrap(_c.ledger_submit_many(h, _requests(requests)), self._ph)

    def withdraw(self, request_id: str) -> Withdrawal:
        """Withdraw an awarded or waitlisted request. An award frees its
        seat and its local's slot, and waitlisted requests are promoted
        (S10).

        Raises:
            NotFound: unknown id. StateError: already withdrawn, or refused.
        """
        with _Call(self) as h:
            previous, promoted = _c.ledger_withdraw(h, request_id)
        return Withdrawal(_enum(Outcome, previous), promoted)

    def get(self, request_id: str) -> LedgerEntry:
        """The :class:`LedgerEntry` of a request id.

        Raises:
            NotFound: no such request (NotFound is a LookupError).
        """
        with _Call(self) as h:
            return _entry(_c.ledger_get(h, request_id), self._ph)

    def __len__(self) -> int:
        with _Call(self) as h:
            return _c.ledger_count(h)

    def __contains__(self, request_id: object) -> bool:
        with _Call(self) as h:
            if not isinstance(request_id, str):
                return False
            try:
                _c.ledger_get(h, request_id)
            except (NotFound, _c.InvalidArgument):
                return False
            return True

    def __iter__(self) -> Iterator[LedgerEntry]:
        """Every :class:`LedgerEntry`, in order of entry."""
        number = 1
        while True:
            with _Call(self) as h:
                if number > _c.ledger_count(h):
                    return
                entry = _entry(_c.ledger_get_by_number(h, number), self._ph)
            yield entry
            number += 1

    def entry(self, entry_number: int) -> LedgerEntry:
        """The request entered as number ``entry_number`` (1-based)."""
        with _Call(self) as h:
            return _entry(_c.ledger_get_by_number(h, entry_number), self._ph)

    def session_summary(self, session_id: str) -> SessionSummary:
        """A :class:`SessionSummary`: seats and counts of a session."""
        with _Call(self) as h:
            return SessionSummary(*_c.ledger_session_summary(h, session_id))

    def _listing(self, function: Any, *args: Any) -> List[LedgerEntry]:
        with _Call(self) as h:
            count, _ = function(h, *args, 0)
            count, entries = function(h, *args, count)
            return [_entry(t, self._ph) for t in entries]

    def session_entries(self, session_id: str, status: Union[Outcome, str]) -> List[LedgerEntry]:
        """A session's requests of one status (an :class:`Outcome` or its name),
        in receipt order (for WAITLISTED, the waitlist's order)."""
        return self._listing(_x.ledger_session_entries, session_id, _member(Outcome, status))

    def local_awards(self, local: Union[Local, int], year: int) -> List[LedgerEntry]:
        """The awarded requests of a local (a :class:`Local` or its number) in
        a calendar year (S5), in receipt order."""
        number = local.number if isinstance(local, Local) else local
        return self._listing(_x.ledger_local_awards, number, year)

    def district_awards(self, district: int) -> DistrictAwards:
        """A :class:`DistrictAwards`: awards held by locals of a district."""
        with _Call(self) as h:
            return DistrictAwards(*_c.ledger_district_awards(h, district))

    def hotel_nights(self, hotel: str) -> int:
        """Nights awarded at a designated hotel, over every session it serves.

        Raises:
            NotFound: no session of the policy has that hotel.
        """
        with _Call(self) as h:
            return _c.ledger_hotel_nights(h, hotel)

    def events(self, start: int = 0) -> Iterator[Event]:
        """Iterate over the audit trail (:class:`Event`), oldest first,
        from index ``start``. Events appended while iterating are included;
        closing the ledger makes the next step raise StateError."""
        index = start
        while True:
            with _Call(self) as h:
                if index >= _c.ledger_event_count(h):
                    return
                event = _event(_c.ledger_event(h, index), self._ph)
            yield event
            index += 1

    def to_json(self) -> str:
        """The ledger's whole state as a snapshot (str): every request in
        entry order, the audit trail, the policy's id and digest."""
        with _Call(self) as h:
            return _c.ledger_to_json(h)

    def save(self, path: PathLike) -> None:
        """Save a snapshot to a file, atomically (new files get mode 0600:
        snapshots name people)."""
        with _Call(self) as h:
            _c.ledger_save(h, path)

    def _snapshot(self) -> Tuple[Policy, str]:
        with _Call(self) as h:
            policy = self._policy if not self._policy.closed else Policy._wrap(self._ph)
            return policy, _c.ledger_to_json(h)

    def __reduce__(self) -> Any:
        return (Ledger.from_json, self._snapshot())

    def __copy__(self) -> "Ledger":
        return Ledger.from_json(*self._snapshot())

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Ledger":
        import copy
        policy, text = self._snapshot()
        return Ledger.from_json(copy.deepcopy(policy, memo), text)

    def __repr__(self) -> str:
        if self.closed:
            return "<Ledger (closed)>"
        policy_id = self._policy.id if not self._policy.closed else "?"
        n = len(self)
        return "<Ledger on %r: %d request%s>" % (policy_id, n, "" if n == 1 else "s")
