"""The subsidy ledger: seats (S4), local caps (S5), one subsidy an officer a
year (S9), the waitlist (S10), awards that stand (S11), and the audit trail."""

import dataclasses
import datetime
import os
import threading
from typing import Optional, Tuple

from . import _officerinst_c as _c
from ._decisions import Decisions, Reason, _reasons_from_c
from ._enums import Country, EventType, Outcome, _enum
from ._errors import _closed, error_class
from ._policy import Policy
from ._values import (Local, SubsidyRequest, _datetime_from_c, _int, _make, _str,
                      _type_error, _ID_MAX, _NAME_MAX, _UINT32_MAX)

__all__ = ["Ledger", "LedgerEntry", "Withdrawal", "SessionSummary", "DistrictAwards", "Event"]

# The extension's functions themselves, not SWIG's Python wrappers of them.
_x = _c._officerinst


@dataclasses.dataclass(frozen=True)
class LedgerEntry:
    """A request as a ledger holds it.

    Attributes:
        id, entry_number: its id, and 1, 2, 3... in order of entry.
        session_id, year: its session and the calendar year of the session's
            first day (S5, S9).
        local_number, country, district: its local.
        officer_id: its officer.
        received: when it was received (``datetime.datetime``).
        status: AWARDED, WAITLISTED, REFUSED or WITHDRAWN (:class:`Outcome`).
        nights_requested, nights: nights asked for and paid (S3); only an
            award pays, so nights is 0 unless the status is AWARDED.
        payee: the designated hotel while awarded, else None.
        reasons: refusal reasons, or why it waits (S4, S5).
        nights_if_awarded: the nights an award of it pays (S3), whatever its
            status (for a waitlisted request, what its promotion will pay);
            0 when refused.
        local_name: its local's name.
        officer_name: its officer's name, or None when none was given.
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


def _entry_from_c(t):
    (eid, number, session_id, year, local_number, country, district, officer_id, received,
     status, nights_requested, nights, payee, reasons, nights_if_awarded, local_name,
     officer_name) = t
    return _make(LedgerEntry, id=eid, entry_number=number, session_id=session_id, year=year,
                 local_number=local_number, country=_enum(Country, country), district=district,
                 officer_id=officer_id, received=_datetime_from_c(received),
                 status=_enum(Outcome, status), nights_requested=nights_requested,
                 nights=nights, payee=payee, reasons=_reasons_from_c(reasons),
                 nights_if_awarded=nights_if_awarded, local_name=local_name,
                 officer_name=officer_name)


@dataclasses.dataclass(frozen=True)
class Withdrawal:
    """What a withdrawal did.

    Attributes:
        previous: the request's status before: AWARDED or WAITLISTED.
        promoted: ids of the requests promoted from the waitlist, in order
            (at most two: one into the freed seat, one into the freed local
            slot, S10).
    """

    previous: Outcome
    promoted: Tuple[str, ...] = ()


@dataclasses.dataclass(frozen=True)
class SessionSummary:
    """A session's seats and requests."""

    seats: int
    awarded: int
    waitlisted: int
    refused: int
    withdrawn: int
    seats_left: int
    nights: int


@dataclasses.dataclass(frozen=True)
class DistrictAwards:
    """Awards held now by the locals of a district, and their nights."""

    awards: int
    nights: int


@dataclasses.dataclass(frozen=True)
class Event:
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


def _event_from_c(t):
    sequence, etype, request_id, outcome, cause_id, nights, reasons = t
    return _make(Event, sequence=sequence, type=_enum(EventType, etype), request_id=request_id,
                 outcome=_enum(Outcome, outcome), cause_id=cause_id, nights=nights,
                 reasons=_reasons_from_c(reasons))


class Ledger:
    """A subsidy ledger bound to one :class:`Policy` (the C oi_ledger).

    It decides each request when it is entered -- awarded, waitlisted (S4
    seats or S5 local cap used up) or refused with every reason -- and never
    takes back an award on its own: only a withdrawal ends one, and promotes
    from the waitlist, earliest receipt first (S10, S11).

    The ledger keeps its policy alive: closing the policy, or dropping every
    other reference to it, frees it only after the ledger. :meth:`close`
    (or leaving a ``with`` block) frees the ledger at once; afterwards every
    use raises :class:`officerinst.StateError`. Closing a ledger while one
    of its calls is in progress (from Python code the call runs, such as a
    generator of requests given to :meth:`submit_many`, or from another
    thread) raises StateError and leaves the ledger as it was.

    Threads: the ledger's methods are serialized by a lock of its own, so
    each is atomic for the others; a thread calling while another's call is
    in progress waits for it. Python code that a call runs (a generator of
    requests) must therefore not wait for another thread's call on the same
    ledger. Several methods in a row (a look-up, then a withdrawal) are not
    atomic together: use a lock of your own for that.

    Python protocols: ``len(ledger)`` is the number of requests entered,
    ``"r1" in ledger`` asks whether a request id was entered, and iterating
    yields every :class:`LedgerEntry` in entry order.
    """

    __slots__ = ("_h", "_policy", "_lock", "__weakref__")

    def __init__(self, policy):
        """An empty ledger on ``policy``."""
        if not isinstance(policy, Policy):
            raise _type_error("policy", "a Policy", policy)
        self._policy = policy
        self._lock = threading.RLock()
        self._h = _c.ledger_new(policy._handle())

    @classmethod
    def _wrap(cls, policy, handle):
        obj = object.__new__(cls)
        obj._policy = policy
        obj._lock = threading.RLock()
        obj._h = handle
        return obj

    @classmethod
    def from_json(cls, policy, text):
        """Restore a ledger from a snapshot (str or bytes) made by
        :meth:`to_json` under the same policy.

        Raises:
            PolicyMismatch: the snapshot names another policy (id or digest).
            ParseError, SchemaError: the snapshot is not valid.
        """
        if not isinstance(policy, Policy):
            raise _type_error("policy", "a Policy", policy)
        if not isinstance(text, (str, bytes, bytearray, memoryview)):
            raise _type_error("text", "a str or bytes", text)
        return cls._wrap(policy, _c.ledger_from_json(policy._handle(), text))

    @classmethod
    def load(cls, policy, path):
        """Restore a ledger from a snapshot file written by :meth:`save`."""
        if not isinstance(policy, Policy):
            raise _type_error("policy", "a Policy", policy)
        return cls._wrap(policy, _c.ledger_load(policy._handle(), os.fspath(path)))

    # --- life cycle -----------------------------------------------------

    def _handle(self):
        h = self._h
        if h is None:
            raise _closed("ledger")
        return h

    @property
    def closed(self):
        """True once :meth:`close` was called."""
        return self._h is None

    def close(self):
        """Free the ledger now. Closing twice is harmless.

        Raises:
            StateError: one of the ledger's calls is in progress (the code
                closing runs inside it, or in another thread); the ledger
                stays open and unchanged.
        """
        # Not under the lock: a call in progress must make this fail, not
        # wait (the code closing may be what the call is waiting for).
        h = self._h
        if h is not None:
            _c.ledger_close(h)
            self._h = None

    def __enter__(self):
        self._handle()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    @property
    def policy(self):
        """The :class:`Policy` the ledger was made on."""
        return self._policy

    # --- deciding -------------------------------------------------------

    def submit(self, request):
        """Enter one :class:`SubsidyRequest` and decide it.

        Returns:
            its :class:`Decision`: AWARDED (with nights and payee, S3),
            WAITLISTED (the reasons say S4 or S5, with the numbers; 0 nights
            and no payee until a promotion, nights_if_awarded says what it
            will pay) or REFUSED (every reason of S1, S2, S6, S8, E1 and
            S9; an S9 reason names the earlier request in ``ref_id``).
            Its ``request_id`` is the request's id.
        Raises:
            InvalidArgument: no id (a ledger names requests by id) or bad input.
            AlreadyExists: the id was entered before.
            NotFound: unknown session.
        """
        with self._lock:
            h = self._h
            if h is None:
                raise _closed("ledger")
            if not isinstance(request, SubsidyRequest):
                raise _type_error("request", "a SubsidyRequest", request)
            return _x.ledger_submit(h, request._c)

    def submit_many(self, requests):
        """Enter a batch and decide it in ONE call into the library.

        The batch is decided in order of receipt (ties by their order in
        ``requests``), exactly as entering them one by one in that order
        would. All or nothing: on an error nothing is entered, and the
        error's path names the element (``"requests[7].id"``).

        Args:
            requests: an iterable of :class:`SubsidyRequest` (read in C, in
                one pass; anything else raises TypeError naming the element).
        Returns:
            a :class:`Decisions`, one per request, in the order given: a
            sequence that holds the decisions in C and makes a
            :class:`Decision` only for an element read, with cheap
            aggregates (:meth:`Decisions.outcomes`, :meth:`Decisions.counts`).
            It stays valid after the ledger or its policy is closed.
        """
        with self._lock:
            return Decisions._wrap(_x.ledger_submit_many(self._handle(), requests))

    def withdraw(self, request_id):
        """Withdraw an awarded or waitlisted request. An award frees its
        seat and its local's slot, and waitlisted requests are promoted
        (S10).

        Returns:
            a :class:`Withdrawal` (the previous status, the promoted ids).
        Raises:
            NotFound: unknown id. StateError: already withdrawn, or refused.
        """
        with self._lock:
            h = self._handle()
            _str(request_id, "id", _ID_MAX)
            previous, promoted = _c.ledger_withdraw(h, request_id)
        return Withdrawal(_enum(Outcome, previous), tuple(promoted))

    # --- reading --------------------------------------------------------

    def get(self, request_id):
        """The :class:`LedgerEntry` of a request id.

        Raises:
            NotFound: no such request (NotFound is a LookupError).
        """
        with self._lock:
            h = self._handle()
            _str(request_id, "id", _ID_MAX)
            t = _c.ledger_get(h, request_id)
        return _entry_from_c(t)

    def __len__(self):
        with self._lock:
            return _c.ledger_count(self._handle())

    def __contains__(self, request_id):
        with self._lock:
            h = self._handle()
            if not isinstance(request_id, str) or not request_id or "\0" in request_id:
                return False
            try:
                _c.ledger_get(h, request_id)
            except error_class(_c.OI_ENOTFOUND):
                return False
            except error_class(_c.OI_EINVAL):
                return False
            return True

    def __iter__(self):
        """Every :class:`LedgerEntry`, in order of entry."""
        number = 1
        while True:
            with self._lock:
                h = self._handle()
                if number > _c.ledger_count(h):
                    return
                t = _c.ledger_get_by_number(h, number)
            yield _entry_from_c(t)
            number += 1

    def entry(self, entry_number):
        """The request entered as number ``entry_number`` (1-based)."""
        with self._lock:
            h = self._handle()
            _int(entry_number, "entry_number", 1)
            t = _c.ledger_get_by_number(h, entry_number)
        return _entry_from_c(t)

    def session_summary(self, session_id):
        """A :class:`SessionSummary`: seats and counts of a session."""
        with self._lock:
            h = self._handle()
            _str(session_id, "session_id", _ID_MAX)
            return SessionSummary(*_c.ledger_session_summary(h, session_id))

    def session_entries(self, session_id, status):
        """A session's requests of one status, in receipt order (for
        WAITLISTED, the waitlist's order).

        Args:
            status: Outcome.AWARDED, WAITLISTED, REFUSED or WITHDRAWN.
        Returns:
            a list of :class:`LedgerEntry`.
        """
        with self._lock:
            h = self._handle()
            _str(session_id, "session_id", _ID_MAX)
            if isinstance(status, bool) or not isinstance(status, int):
                raise _type_error("status", "an Outcome", status)
            ts = _c.ledger_session_entries(h, session_id, int(status))
        return [_entry_from_c(t) for t in ts]

    def local_awards(self, local, year):
        """The awarded requests of a local in a calendar year (S5: the year
        of each session's first day, which need not be the policy's), in
        receipt order.

        Args:
            local: a :class:`Local` or a local number.
        """
        with self._lock:
            h = self._handle()
            number = local.number if isinstance(local, Local) else local
            _int(number, "local", 1, _UINT32_MAX)
            _int(year, "year", -2 ** 31, 2 ** 31 - 1)
            ts = _c.ledger_local_awards(h, number, year)
        return [_entry_from_c(t) for t in ts]

    def district_awards(self, district):
        """A :class:`DistrictAwards`: awards held by locals of a district (1..13)."""
        with self._lock:
            h = self._handle()
            _int(district, "district", -2 ** 31, 2 ** 31 - 1)
            return DistrictAwards(*_c.ledger_district_awards(h, district))

    def hotel_nights(self, hotel):
        """Nights awarded at a designated hotel, over every session it serves.

        Raises:
            NotFound: no session of the policy has that hotel.
        """
        with self._lock:
            h = self._handle()
            _str(hotel, "hotel", _NAME_MAX)
            return _c.ledger_hotel_nights(h, hotel)

    def events(self, start=0):
        """Iterate over the audit trail (:class:`Event`), oldest first,
        from index ``start``. Events appended while iterating are included;
        closing the ledger makes the next step raise StateError."""
        _int(start, "start", 0)
        index = start
        while True:
            with self._lock:
                h = self._handle()
                if index >= _c.ledger_event_count(h):
                    return
                t = _c.ledger_event(h, index)
            yield _event_from_c(t)
            index += 1

    # --- documents ------------------------------------------------------

    def to_json(self):
        """The ledger's whole state as a snapshot (str): every request in
        entry order, the audit trail, the policy's id and digest."""
        with self._lock:
            return _c.ledger_to_json(self._handle())

    def save(self, path):
        """Save a snapshot to a file, atomically (new files get mode 0600:
        snapshots name people)."""
        path = os.fspath(path)
        with self._lock:
            _c.ledger_save(self._handle(), path)

    def __repr__(self):
        if self.closed:
            return "<Ledger (closed)>"
        policy_id = self._policy.id if not self._policy.closed else "?"
        n = len(self)
        return "<Ledger on %r: %d request%s>" % (policy_id, n, "" if n == 1 else "s")
