"""Decisions and their reasons, as immutable values, and the sequence of a
batch's decisions.

A :class:`Decision` is made by the C library and converted into Python
values: session indexes are turned into ids and strings are copied, so a
decision points into nothing. A reason's message is rendered
(oi_reason_format) only when it is first read, under the policy the
decision was made under: until then the :class:`Reason` keeps that policy's
C handle alive (never the :class:`Policy` object, which may be closed).

:func:`check_subsidy_many` and :meth:`Ledger.submit_many` return a
:class:`Decisions`: a read-only sequence holding the batch's decisions
compactly in C, which makes a :class:`Decision` only for an element read.
"""

import array
import collections.abc
import dataclasses
from typing import Optional, Tuple

from . import _officerinst_c as _c
from ._enums import Clause, Outcome, ReasonCode, Severity, _enum
from ._values import SubsidyRequest, _make

__all__ = ["Reason", "Decision", "Decisions"]

# Clause value -> "S6", read once from the library.
_CLAUSE_IDS = {int(c): (_c.clause_id(c) or "") for c in Clause}


@dataclasses.dataclass(frozen=True)
class Reason:
    """Why a decision went as it did.

    Attributes:
        code: the :class:`ReasonCode`.
        clause: the id of the policy clause applied, e.g. ``"S6"``.
        severity: :class:`Severity` -- a refusal, a waitlisting (S4, S5) or
            a note that changes nothing (S3).
        values: the four values the rule compared (meaning per code in
            rules.h; dates are day numbers since 1970-01-01).
        message: the explanation rendered by the library, naming the values
            and what would satisfy the rule.
        session_id: the session concerned, or None.
        ref_id: the id of another request the reason names, or None: for
            OFFICER_ALREADY_SUBSIDIZED (S9), the officer's earlier request.
    """

    code: ReasonCode
    clause: str
    severity: Severity
    values: Tuple[int, int, int, int]
    message: str
    session_id: Optional[str] = None
    ref_id: Optional[str] = None

    @property
    def clause_code(self):
        """The clause as a :class:`Clause` member."""
        for c in Clause:
            if _CLAUSE_IDS[int(c)] == self.clause:
                return c
        return Clause.NONE

    def __str__(self):
        return "%s %s: %s" % (self.clause, getattr(self.code, "name", self.code), self.message)

    def __repr__(self):
        return "<Reason %s %s %r>" % (self.clause, getattr(self.code, "name", self.code),
                                      self.message)

    def __reduce__(self):
        # Pickled and copied as a plain value (the message rendered).
        return (Reason, (self.code, self.clause, self.severity, self.values, self.message,
                         self.session_id, self.ref_id))


class _LazyMessage:
    """The explanation rendered by the library, naming the values and what
    would satisfy the rule (rendered when first read, then kept)."""

    __slots__ = ()

    def __get__(self, reason, owner=None):
        if reason is None:
            return self
        # Only a Reason the library made comes here without a message: it
        # holds its policy's handle until the message is rendered.
        state = reason.__dict__
        policy = state.get("_policy")
        if policy is None:
            try:
                return state["message"]
            except KeyError:
                raise AttributeError("message") from None
        message = _c.reason_message(policy, reason)
        state["message"] = message
        state.pop("_policy", None)      # the policy is not needed any more
        return message


# A class attribute that the instance's own `message` (a Reason made in
# Python, or a message already rendered) hides: a non-data descriptor.
Reason.message = _LazyMessage()


def _reason_from_c(t):
    code, clause, severity, session_id, values, message, ref_id = t
    return _make(Reason, code=_enum(ReasonCode, code), clause=_CLAUSE_IDS.get(clause, ""),
                 severity=_enum(Severity, severity), values=values, message=message,
                 session_id=session_id, ref_id=ref_id)


def _reasons_from_c(reasons):
    return tuple(_reason_from_c(r) for r in reasons)


@dataclasses.dataclass(frozen=True)
class Decision:
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

    outcome: Outcome
    reasons: Tuple[Reason, ...]
    nights: int
    nights_requested: int
    payee: Optional[str]
    policy_id: str
    session_id: Optional[str]
    nights_if_awarded: int = 0
    request_id: Optional[str] = None

    @property
    def clauses(self):
        """The clause ids of the reasons, in order, e.g. ``("S6", "S8")``."""
        return tuple(r.clause for r in self.reasons)

    @property
    def codes(self):
        """The :class:`ReasonCode` of each reason, in order."""
        return tuple(r.code for r in self.reasons)

    def __repr__(self):
        outcome = str(self.outcome) if isinstance(self.outcome, Outcome) else self.outcome
        text = "<Decision %s" % outcome
        if self.session_id:
            text += " at %s" % self.session_id
        if self.payee:
            text += ", %d night%s paid to %r" % (self.nights, "" if self.nights == 1 else "s",
                                                 self.payee)
        if self.reasons:
            text += ": " + ", ".join("%s %s" % (r.clause, getattr(r.code, "name", r.code))
                                     for r in self.reasons)
        return text + ">"


# The extension's functions themselves (not SWIG's Python wrappers of them):
# these are called once per element read.
_x = _c._officerinst
_batch_get = _x.batch_get
_batch_list = _x.batch_list
_CHUNK = 256


class Decisions(collections.abc.Sequence):
    """The decisions of one batch call, in the order of its requests.

    :func:`check_subsidy_many` and :meth:`Ledger.submit_many` return one.
    It is a read-only sequence (``len``, indexing with negative indexes,
    slicing, iteration, ``in``, ``index``, ``count``, ``reversed``) whose
    elements are :class:`Decision` values equal to what the single calls
    return. The decisions stay in C, about 48 bytes each plus 56 a reason,
    and a :class:`Decision` is made only when an element is read (each read
    makes a new, equal one: keep it if you read it again); a reason's
    message is rendered only when read.

    Aggregates that make no :class:`Decision`:

    * :meth:`outcomes` -- the :class:`Outcome` of each decision, as a list;
    * :meth:`counts` -- how many decisions have each outcome, as a dict;
    * :meth:`nights` -- the nights paid, in total or for some outcomes;
    * :meth:`select` -- the decisions with some outcomes, as a Decisions.

    Slicing and :meth:`select` return a Decisions too, a view sharing the
    same C memory. A Decisions equals another Decisions or a list holding
    equal decisions in the same order; ``list(decisions)`` makes every
    Decision at once. It keeps the policy's C handle alive (the decisions
    name its sessions and hotels), so it outlives a closed :class:`Policy`
    or :class:`Ledger`; its memory is freed when the last view of it goes.
    """

    __slots__ = ("_h", "_ix")

    def __init__(self, *args, **kwargs):
        raise TypeError("Decisions are returned by check_subsidy_many() and "
                        "Ledger.submit_many()")

    @classmethod
    def _wrap(cls, handle, indexes=None):
        obj = object.__new__(cls)
        obj._h = handle
        obj._ix = range(_x.batch_len(handle)) if indexes is None else indexes
        return obj

    # --- the sequence ---------------------------------------------------

    def __len__(self):
        return len(self._ix)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return Decisions._wrap(self._h, self._ix[index])
        try:
            i = self._ix[index]
        except IndexError:
            raise IndexError("Decisions index out of range") from None
        except TypeError:
            raise TypeError("Decisions indices must be integers or slices, not %s"
                            % type(index).__name__) from None
        return _batch_get(self._h, i)

    def __iter__(self):
        h, ix = self._h, self._ix
        for start in range(0, len(ix), _CHUNK):
            yield from _batch_list(h, ix[start:start + _CHUNK])

    def __reversed__(self):
        return iter(self[::-1])

    def __eq__(self, other):
        if isinstance(other, Decisions):
            if other._h is self._h and other._ix == self._ix:
                return True
        elif not isinstance(other, list):
            return NotImplemented
        if len(self) != len(other):
            return False
        return all(a == b for a, b in zip(self, other))

    __hash__ = None

    def __repr__(self):
        n = len(self)
        text = "<Decisions: %d decision%s" % (n, "" if n == 1 else "s")
        counts = self.counts()
        if counts:
            text += " (%s)" % ", ".join("%d %s" % (k, o) for o, k in counts.items())
        return text + ">"

    def __reduce__(self):
        # Pickled as the list of its decisions (a Decisions needs C memory).
        return (list, (list(self),))

    # --- aggregates, without making a Decision --------------------------

    def outcomes(self):
        """The :class:`Outcome` of each decision, in order: a list, as long
        as the sequence (its members are the enum's own, nothing is made
        per element)."""
        return _x.batch_outcomes(self._h, self._ix)

    def counts(self):
        """How many decisions have each outcome: a dict {:class:`Outcome`:
        count} of the outcomes present, in the enum's order, e.g.
        ``{Outcome.AWARDED: 120, Outcome.WAITLISTED: 3000, ...}``."""
        return {o: n for o, n, _ in _x.batch_counts(self._h, self._ix)}

    def nights(self, *outcomes):
        """The sum of :attr:`Decision.nights` (nights the subsidy pays, S3)
        over the decisions, or over those with one of ``outcomes``: e.g.
        ``decisions.nights(Outcome.AWARDED)``. Only an award pays: a
        waitlisted decision counts 0 (its :attr:`Decision.nights_if_awarded`
        says what its promotion will pay)."""
        return sum(nights for o, _, nights in _x.batch_counts(self._h, self._ix)
                   if not outcomes or o in outcomes)

    def select(self, *outcomes):
        """The decisions whose outcome is one of ``outcomes``, in order: a
        Decisions view (``decisions.select(Outcome.WAITLISTED)``). Its
        :meth:`positions` tell where they are in this sequence's batch."""
        for o in outcomes:
            if isinstance(o, bool) or not isinstance(o, int):
                raise TypeError("outcomes must be Outcome members, not %s" % type(o).__name__)
        picked = array.array("q")
        picked.frombytes(_x.batch_select(self._h, self._ix, tuple(int(o) for o in outcomes)))
        return Decisions._wrap(self._h, picked)

    def positions(self):
        """The index of each decision in the batch call that made it (its
        request's index in the list given): ``range(len(batch))`` for a
        whole batch, else a range or an ``array('q')`` (a copy)."""
        ix = self._ix
        return ix if isinstance(ix, range) else array.array("q", ix)


def _register():
    def table(enum_class):
        by_value = {int(m): m for m in enum_class}
        return tuple(by_value.get(v) for v in range(max(by_value) + 1))

    clauses = tuple(_CLAUSE_IDS.get(v, "") for v in range(max(_CLAUSE_IDS) + 1))
    _c.set_types({"SubsidyRequest": SubsidyRequest, "Decision": Decision, "Reason": Reason,
                  "outcomes": table(Outcome), "reason_codes": table(ReasonCode),
                  "severities": table(Severity), "clauses": clauses})


_register()
