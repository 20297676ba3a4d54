"""Decisions and their reasons, as immutable values, and the sequence of a
batch's decisions.

A :class:`Decision` is made from what the library wrote (its strings
copied), so it points into nothing. Its reasons are made when first read,
and a reason's message is rendered by the library (oi_reason_format) only
when it is first read, under the policy the decision was made under: until
then the :class:`Reason` keeps that policy's C handle alive (never the
:class:`Policy` object, which may be closed).

:func:`check_subsidy_many` and :meth:`Ledger.submit_many` return a
:class:`Decisions`: a read-only sequence over the decisions as the library
wrote them, in C, which makes a :class:`Decision` only for an element read.
"""

import array
import collections
import collections.abc
from typing import Any, Dict, Iterator, List, Mapping, Optional, Sequence, Tuple, Union, overload

from . import _officerinst_c as _c
from ._enums import Clause, Outcome, ReasonCode, Severity, _enum
from ._errors import _wrong_type

__all__ = ["Reason", "Decision", "Decisions"]

_x = _c._officerinst     # the extension's own functions: one Python call less
_new = object.__new__

# Where each member is in the library's tuples (convert.c's tables).
_D = {name: i for i, name in enumerate(_c.fields("decision"))}
_R = _c.fields("reason")
_D_OUTCOME, _D_POLICY, _D_SESSION_ID = _D["outcome"], _D["policy_id"], _D["session_id"]
_D_ASKED, _D_NIGHTS, _D_PAYEE, _D_REASONS = (_D["nights_requested"], _D["nights"], _D["payee"],
                                             _D["reasons"])
_D_IF_AWARDED, _D_REQUEST = _D["nights_if_awarded"], _D["request_id"]
_OUTCOMES = {int(o): o for o in Outcome}
_CLAUSE_IDS = {int(c): str(c) for c in Clause}


def _session_ids(handle: Any) -> Tuple[str, ...]:
    """The ids of a policy's sessions, by index (kept on the handle)."""
    try:
        return handle._session_ids
    except AttributeError:
        ids = tuple(_c.policy_session(handle, i)[0]
                    for i in range(_c.policy_session_count(handle)))
        handle._session_ids = ids
        return ids


class _Frozen:
    __slots__ = ()

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("%s is immutable" % type(self).__name__)

    __delattr__ = __setattr__  # type: ignore[assignment]


class _Message:
    """The explanation rendered by the library, naming the values and what
    would satisfy the rule (rendered when first read, then kept)."""

    def __get__(self, reason: Optional["Reason"], owner: Optional[type] = None) -> Any:
        if reason is None:
            return self
        state = reason.__dict__
        message = _c.reason_format(state.pop("_policy"), dict(zip(_R, state.pop("_raw"))))
        state["message"] = message
        return message


class Reason(_Frozen):
    """Why a decision went as it did.

    Attributes:
        code: the :class:`ReasonCode`.
        clause: the id of the policy clause applied, e.g. ``"S6"``.
        severity: :class:`Severity` -- a refusal, a waitlisting (S4, S5) or
            a note that changes nothing (S3).
        values: the four values the rule compared (meaning per code in
            rules.h; dates are day numbers since 1970-01-01).
        message: the explanation the library renders, naming the values and
            what would satisfy the rule.
        session_id: the session concerned, or None.
        ref_id: the id of another request the reason names, or None: for
            OFFICER_ALREADY_SUBSIDIZED (S9), the officer's earlier request.
    """

    message = _Message()

    def __init__(self, code: Union[ReasonCode, str, int], clause: Union[str, Clause],
                 severity: Union[Severity, str, int], values: Sequence[int], message: str,
                 session_id: Optional[str] = None, ref_id: Optional[str] = None) -> None:
        self.__dict__.update(code=ReasonCode(code), clause=str(Clause(clause)),
                             severity=Severity(severity), values=tuple(values),
                             message=message, session_id=session_id, ref_id=ref_id)

    @classmethod
    def _from_c(cls, raw: Tuple[Any, ...], policy: Any, sessions: Tuple[str, ...]) -> "Reason":
        code, clause, severity, session, values, ref_id = raw
        r = _new(cls)
        r.__dict__.update(code=_enum(ReasonCode, code), clause=_CLAUSE_IDS.get(clause, ""),
                          severity=_enum(Severity, severity), values=values,
                          session_id=sessions[session] if 0 <= session < len(sessions) else None,
                          ref_id=ref_id, _policy=policy, _raw=raw)
        return r

    @property
    def clause_code(self) -> Clause:
        """The clause as a :class:`Clause` member."""
        return Clause(self.clause) if self.clause else Clause.NONE

    def _key(self) -> Tuple[Any, ...]:
        return (self.code, self.clause, self.severity, self.values, self.message,
                self.session_id, self.ref_id)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Reason):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __str__(self) -> str:
        return "%s %s: %s" % (self.clause, self.code, self.message)

    def __repr__(self) -> str:
        return ("Reason(code=%r, clause=%r, severity=%r, values=%r, message=%r, session_id=%r, "
                "ref_id=%r)" % self._key())

    def __reduce__(self) -> Any:
        return (Reason, self._key())

    def to_dict(self) -> Dict[str, Any]:
        """The reason as a dict of JSON types, as snapshots and decisions
        documents write it: clause, code, severity, session, values, the
        request it names (``ref_id``, only where there is one), message."""
        d = {"clause": self.clause, "code": str(self.code), "severity": str(self.severity),
             "session": self.session_id, "values": list(self.values)}
        if self.ref_id is not None:
            d["ref_id"] = self.ref_id
        d["message"] = self.message
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Reason":
        """The reason of a dict as :meth:`to_dict` makes it."""
        return cls(d["code"], d["clause"], d["severity"], d["values"], d["message"],
                   d.get("session", d.get("session_id")), d.get("ref_id"))


class _Reasons:
    """The decision's reasons, made when first read."""

    def __get__(self, d: Optional["Decision"], owner: Optional[type] = None) -> Any:
        if d is None:
            return self
        state = d.__dict__
        policy = state.pop("_policy")
        sessions = _session_ids(policy) if state["_raw"] else ()
        reasons = tuple(Reason._from_c(r, policy, sessions) for r in state.pop("_raw"))
        state["reasons"] = reasons
        return reasons


class Decision(_Frozen):
    """A decision of the library, with every reason that applies.

    Attributes:
        outcome: the :class:`Outcome` (ADMITTED or REFUSED for an enrollment;
            ELIGIBLE or REFUSED for a stateless subsidy check; AWARDED,
            WAITLISTED or REFUSED from a ledger; GRADUATED or NOT_GRADUATED).
        reasons: tuple of :class:`Reason`, refusals first.
        nights: nights the subsidy pays (S3). Only an award pays: 0 when
            waitlisted or refused (an ELIGIBLE stateless check states what
            an award of it pays).
        nights_requested: nights asked for (subsidies only).
        payee: the session's designated hotel, which the subsidy pays
            directly (S3), when the decision pays; None when waitlisted,
            refused or not a subsidy decision.
        policy_id: the policy the decision was made under.
        session_id: the session decided on.
        nights_if_awarded: the nights an award of the request pays (S3),
            whatever the outcome: for a waitlisted request, what its
            promotion will pay; 0 when refused or not a subsidy decision.
        request_id: the id of the request decided (subsidies), or None.
    """

    reasons = _Reasons()

    def __init__(self, outcome: Union[Outcome, str, int], reasons: Sequence[Reason], nights: int,
                 nights_requested: int, payee: Optional[str], policy_id: str,
                 session_id: Optional[str], nights_if_awarded: int = 0,
                 request_id: Optional[str] = None) -> None:
        self.__dict__.update(outcome=Outcome(outcome), reasons=tuple(reasons), nights=nights,
                             nights_requested=nights_requested, payee=payee,
                             policy_id=policy_id, session_id=session_id,
                             nights_if_awarded=nights_if_awarded, request_id=request_id)

    @classmethod
    def _from_c(cls, t: Tuple[Any, ...], policy: Any) -> "Decision":
        d = _new(cls)
        d.__dict__.update(outcome=_OUTCOMES.get(t[_D_OUTCOME], t[_D_OUTCOME]),
                          nights=t[_D_NIGHTS], nights_requested=t[_D_ASKED],
                          payee=t[_D_PAYEE], policy_id=t[_D_POLICY],
                          session_id=t[_D_SESSION_ID], nights_if_awarded=t[_D_IF_AWARDED],
                          request_id=t[_D_REQUEST], _raw=t[_D_REASONS], _policy=policy)
        return d

    @property
    def clauses(self) -> Tuple[str, ...]:
        """The clause ids of the reasons, in order, e.g. ``("S6", "S8")``."""
        return tuple(r.clause for r in self.reasons)

    @property
    def codes(self) -> Tuple[ReasonCode, ...]:
        """The :class:`ReasonCode` of each reason, in order."""
        return tuple(r.code for r in self.reasons)

    def _key(self) -> Tuple[Any, ...]:
        return (self.outcome, self.reasons, self.nights, self.nights_requested, self.payee,
                self.policy_id, self.session_id, self.nights_if_awarded, self.request_id)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Decision):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return ("Decision(outcome=%r, reasons=%r, nights=%r, nights_requested=%r, payee=%r, "
                "policy_id=%r, session_id=%r, nights_if_awarded=%r, request_id=%r)" % self._key())

    def __reduce__(self) -> Any:
        return (Decision, self._key())

    def to_dict(self) -> Dict[str, Any]:
        """The decision as a dict of JSON types: the element of a decisions
        document (doc/requests-format.md: request, outcome, session, nights,
        payee, reasons), and the policy it was made under; so
        ``json.dumps(decision.to_dict())`` is the answer a web API gives."""
        return {"request": self.request_id, "outcome": str(self.outcome),
                "session": self.session_id, "nights_requested": self.nights_requested,
                "nights": self.nights, "nights_if_awarded": self.nights_if_awarded,
                "payee": self.payee, "reasons": [r.to_dict() for r in self.reasons],
                "policy": self.policy_id}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Decision":
        """The decision of a dict as :meth:`to_dict` makes it."""
        return cls(d["outcome"], [Reason.from_dict(r) for r in d["reasons"]], d["nights"],
                   d["nights_requested"], d.get("payee"), d.get("policy", d.get("policy_id")),
                   d.get("session", d.get("session_id")), d.get("nights_if_awarded", 0),
                   d.get("request", d.get("request_id")))


_get = _x.DecisionArray_get
_from_c = Decision._from_c


class Decisions(collections.abc.Sequence):
    """The decisions of one batch call, in the order of its requests.

    :func:`check_subsidy_many` and :meth:`Ledger.submit_many` return one.
    It is a read-only sequence (``len``, indexing with negative indexes,
    slicing, iteration, ``in``, ``index``, ``count``, ``reversed``) whose
    elements are :class:`Decision` values equal to what the single calls
    return. The decisions stay in C as the library wrote them, and a
    :class:`Decision` is made only when an element is read (each read makes
    a new, equal one); a reason's message is rendered only when read.

    Aggregates that make no :class:`Decision`: :meth:`outcomes`,
    :meth:`counts`, :meth:`nights`, :meth:`select`. Slicing and
    :meth:`select` return a Decisions too, a view of the same C memory. A
    Decisions equals another Decisions or a list holding equal decisions in
    the same order. It keeps the policy's C handle alive (the decisions name
    its sessions and hotels), so it outlives a closed :class:`Policy` or
    :class:`Ledger`; its memory is freed when the last view of it goes.
    """

    __slots__ = ("_a", "_ph", "_ix")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("Decisions are returned by check_subsidy_many() and "
                        "Ledger.submit_many()")

    @classmethod
    def _wrap(cls, batch: Any, policy: Any, indexes: Optional[Sequence[int]] = None
              ) -> "Decisions":
        obj = _new(cls)
        obj._a, obj._ph = batch, policy
        obj._ix = range(len(batch)) if indexes is None else indexes
        return obj

    def __len__(self) -> int:
        return len(self._ix)

    @overload
    def __getitem__(self, index: int) -> Decision: ...

    @overload
    def __getitem__(self, index: slice) -> "Decisions": ...

    def __getitem__(self, index: Union[int, slice]) -> Any:
        if isinstance(index, slice):
            return Decisions._wrap(self._a, self._ph, self._ix[index])
        try:
            i = self._ix[index]
        except IndexError:
            raise IndexError("Decisions index out of range") from None
        except TypeError:
            raise TypeError("Decisions indices must be integers or slices, not %s"
                            % type(index).__name__) from None
        return _from_c(_get(self._a, i), self._ph)

    def __iter__(self) -> Iterator[Decision]:
        a, ph = self._a, self._ph
        for i in self._ix:
            yield _from_c(_get(a, i), ph)

    def __reversed__(self) -> Iterator[Decision]:
        return iter(self[::-1])

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Decisions):
            if other._a is self._a and other._ix == self._ix:
                return True
        elif not isinstance(other, list):
            return NotImplemented
        if len(self) != len(other):
            return False
        return all(a == b for a, b in zip(self, other))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        n = len(self)
        text = "<Decisions: %d decision%s" % (n, "" if n == 1 else "s")
        counts = self.counts()
        if counts:
            text += " (%s)" % ", ".join("%d %s" % (k, o) for o, k in counts.items())
        return text + ">"

    def __reduce__(self) -> Any:
        return (list, (list(self),))    # pickled as the list of its decisions

    def _column(self, which: int) -> Sequence[int]:
        if which == 0:
            column: Sequence[int] = self._a.outcomes()
        else:
            column = array.array("i", self._a.nights())
        ix = self._ix
        if isinstance(ix, range) and ix == range(len(column)):
            return column
        return [column[i] for i in ix]

    def outcomes(self) -> List[Outcome]:
        """The :class:`Outcome` of each decision, in order (a list)."""
        return [_OUTCOMES[o] for o in self._column(0)]

    def counts(self) -> Dict[Outcome, int]:
        """How many decisions have each outcome: a dict {:class:`Outcome`:
        count} of the outcomes present, in the enum's order."""
        counted = collections.Counter(self._column(0))
        return {o: counted[int(o)] for o in Outcome if counted[int(o)]}

    def nights(self, *outcomes: Outcome) -> int:
        """The sum of :attr:`Decision.nights` over the decisions, or over those
        with one of ``outcomes`` (``decisions.nights(Outcome.AWARDED)``).
        Only an award pays: a waitlisted decision counts 0 (its
        :attr:`Decision.nights_if_awarded` says what its promotion will pay)."""
        nights = self._column(1)
        if not outcomes:
            return sum(nights)
        wanted = {int(o) for o in outcomes}
        return sum(n for o, n in zip(self._column(0), nights) if o in wanted)

    def select(self, *outcomes: Outcome) -> "Decisions":
        """The decisions whose outcome is one of ``outcomes``, in order: a
        Decisions view (``decisions.select(Outcome.WAITLISTED)``)."""
        for o in outcomes:
            if not isinstance(o, Outcome):
                raise _wrong_type("outcomes", "Outcome members", o)
        wanted = {int(o) for o in outcomes}
        picked = array.array("q", (i for i, o in zip(self._ix, self._column(0)) if o in wanted))
        return Decisions._wrap(self._a, self._ph, picked)

    def positions(self) -> Sequence[int]:
        """The index of each decision in the batch call that made it."""
        ix = self._ix
        return ix if isinstance(ix, range) else array.array("q", ix)
