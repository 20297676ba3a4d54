"""Decisions and their reasons, as immutable values.

A :class:`Decision` is made by the C library and converted at once: its
reasons' messages are rendered (oi_reason_format) and session indexes are
turned into ids, so a decision points into nothing and outlives the policy
and ledger that made it.
"""

import dataclasses
from typing import Optional, Tuple

from . import _officerinst_c as _c
from ._enums import Clause, Outcome, ReasonCode, Severity, _enum
from ._values import _make

__all__ = ["Reason", "Decision"]

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
    """

    code: ReasonCode
    clause: str
    severity: Severity
    values: Tuple[int, int, int, int]
    message: str
    session_id: Optional[str] = None

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


def _reason_from_c(t):
    code, clause, severity, session_id, values, message = t
    return _make(Reason, code=_enum(ReasonCode, code), clause=_CLAUSE_IDS.get(clause, ""),
                 severity=_enum(Severity, severity), values=values, message=message,
                 session_id=session_id)


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
        nights: nights the subsidy pays (S3); 0 when refused.
        nights_requested: nights asked for (subsidies only).
        payee: the session's designated hotel, which the subsidy pays
            directly (S3); None when refused or not a subsidy decision.
        policy_id: the policy the decision was made under.
        session_id: the session decided on.
    """

    outcome: Outcome
    reasons: Tuple[Reason, ...]
    nights: int
    nights_requested: int
    payee: Optional[str]
    policy_id: str
    session_id: Optional[str]

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


def _decision_from_c(t):
    outcome, policy_id, session_id, nights_requested, nights, payee, reasons = t
    return _make(Decision, outcome=_enum(Outcome, outcome), reasons=_reasons_from_c(reasons),
                 nights=nights, nights_requested=nights_requested, payee=payee,
                 policy_id=policy_id, session_id=session_id)
