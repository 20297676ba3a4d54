"""Enumerations of officerinst, as IntEnums whose values are the C library's.

Every value is read from the C headers (through the extension), never
written here as a number, so Python and C cannot disagree; the tests check
that no C constant is missing from its enum.
"""

import enum

from . import _officerinst_c as _c

__all__ = [
    "Status", "Country", "LmForm", "Office", "CourseKind", "Clause", "Outcome",
    "ReasonCode", "Severity", "Payer", "CostItem", "EventType",
]


class Status(enum.IntEnum):
    """Result of a C call (oi_status). Python code sees these only as the
    ``status`` of an :class:`officerinst.Error`."""

    OK = _c.OI_OK
    EINVAL = _c.OI_EINVAL
    EDATE = _c.OI_EDATE
    ENOTFOUND = _c.OI_ENOTFOUND
    EEXISTS = _c.OI_EEXISTS
    ENOMEM = _c.OI_ENOMEM
    ESTATE = _c.OI_ESTATE
    EPARSE = _c.OI_EPARSE
    ESCHEMA = _c.OI_ESCHEMA
    EMISMATCH = _c.OI_EMISMATCH
    ELIMIT = _c.OI_ELIMIT
    EIO = _c.OI_EIO

    @property
    def description(self):
        """A short description, e.g. "invalid argument"."""
        return _c.status_describe(self)


class Country(enum.IntEnum):
    """Country of a local (U1)."""

    US = _c.OI_COUNTRY_US
    CA = _c.OI_COUNTRY_CA

    @property
    def bit(self):
        """This country's bit in a session's countries mask (E1)."""
        return 1 << int(self)


class LmForm(enum.IntEnum):
    """U.S. Department of Labor financial report a local files (S2)."""

    NONE = _c.OI_LM_NONE
    LM_2 = _c.OI_LM_2
    LM_3 = _c.OI_LM_3
    LM_4 = _c.OI_LM_4


class Office(enum.IntEnum):
    """Office an officer currently holds in the local (U2, P2)."""

    NONE = _c.OI_OFFICE_NONE
    PRESIDENT = _c.OI_OFFICE_PRESIDENT
    VICE_PRESIDENT = _c.OI_OFFICE_VICE_PRESIDENT
    SECRETARY = _c.OI_OFFICE_SECRETARY
    TREASURER = _c.OI_OFFICE_TREASURER
    SECRETARY_TREASURER = _c.OI_OFFICE_SECRETARY_TREASURER
    BUSINESS_AGENT = _c.OI_OFFICE_BUSINESS_AGENT
    RECORDING_SECRETARY = _c.OI_OFFICE_RECORDING_SECRETARY
    OTHER = _c.OI_OFFICE_OTHER


class CourseKind(enum.IntEnum):
    """Kind of a course: which clause defines it and so which rules apply."""

    INSTITUTE = _c.OI_COURSE_INSTITUTE
    ADVANCED_ORGANIZING = _c.OI_COURSE_ADVANCED_ORGANIZING
    ADVANCED_SECRETARY_TREASURER = _c.OI_COURSE_ADVANCED_SECRETARY_TREASURER


class Clause(enum.IntEnum):
    """A clause of the policy (doc/policy.md). ``str(Clause.S6)`` is ``"S6"``."""

    NONE = _c.OI_CLAUSE_NONE
    C1 = _c.OI_CLAUSE_C1
    C2 = _c.OI_CLAUSE_C2
    C3 = _c.OI_CLAUSE_C3
    E1 = _c.OI_CLAUSE_E1
    E2 = _c.OI_CLAUSE_E2
    P1 = _c.OI_CLAUSE_P1
    P2 = _c.OI_CLAUSE_P2
    S1 = _c.OI_CLAUSE_S1
    S2 = _c.OI_CLAUSE_S2
    S3 = _c.OI_CLAUSE_S3
    S4 = _c.OI_CLAUSE_S4
    S5 = _c.OI_CLAUSE_S5
    S6 = _c.OI_CLAUSE_S6
    S7 = _c.OI_CLAUSE_S7
    S8 = _c.OI_CLAUSE_S8
    S9 = _c.OI_CLAUSE_S9
    S10 = _c.OI_CLAUSE_S10
    S11 = _c.OI_CLAUSE_S11
    U1 = _c.OI_CLAUSE_U1
    U2 = _c.OI_CLAUSE_U2
    U3 = _c.OI_CLAUSE_U3

    def __str__(self):
        return _c.clause_id(self) or ""


class Outcome(enum.IntEnum):
    """What a decision concluded, or the status of a ledger entry."""

    NONE = _c.OI_OUTCOME_NONE
    ADMITTED = _c.OI_OUTCOME_ADMITTED
    ELIGIBLE = _c.OI_OUTCOME_ELIGIBLE
    AWARDED = _c.OI_OUTCOME_AWARDED
    WAITLISTED = _c.OI_OUTCOME_WAITLISTED
    REFUSED = _c.OI_OUTCOME_REFUSED
    WITHDRAWN = _c.OI_OUTCOME_WITHDRAWN
    GRADUATED = _c.OI_OUTCOME_GRADUATED
    NOT_GRADUATED = _c.OI_OUTCOME_NOT_GRADUATED

    def __str__(self):
        return _c.outcome_name(self) or "none"


class ReasonCode(enum.IntEnum):
    """Why a decision went as it did; see each code's values in rules.h."""

    NONE = _c.OI_REASON_NONE
    COUNTRY_NOT_ADMITTED = _c.OI_REASON_COUNTRY_NOT_ADMITTED
    COURSE_NOT_OFFERED = _c.OI_REASON_COURSE_NOT_OFFERED
    NO_QUALIFYING_GRADUATION = _c.OI_REASON_NO_QUALIFYING_GRADUATION
    NOT_SECRETARY_TREASURER = _c.OI_REASON_NOT_SECRETARY_TREASURER
    NO_SUBSIDY_FOR_COURSE = _c.OI_REASON_NO_SUBSIDY_FOR_COURSE
    US_FORM_NOT_ELIGIBLE = _c.OI_REASON_US_FORM_NOT_ELIGIBLE
    CA_RECEIPTS_TOO_HIGH = _c.OI_REASON_CA_RECEIPTS_TOO_HIGH
    CA_RECEIPTS_UNKNOWN = _c.OI_REASON_CA_RECEIPTS_UNKNOWN
    NOT_ATTESTED = _c.OI_REASON_NOT_ATTESTED
    NIGHTS_LIMITED = _c.OI_REASON_NIGHTS_LIMITED
    RECEIVED_LATE = _c.OI_REASON_RECEIVED_LATE
    NOT_WITH_APPLICATION = _c.OI_REASON_NOT_WITH_APPLICATION
    APPLICATION_NOT_SIGNED = _c.OI_REASON_APPLICATION_NOT_SIGNED
    REQUEST_NOT_SIGNED = _c.OI_REASON_REQUEST_NOT_SIGNED
    SEATS_TAKEN = _c.OI_REASON_SEATS_TAKEN
    LOCAL_CAP_REACHED = _c.OI_REASON_LOCAL_CAP_REACHED
    OFFICER_ALREADY_SUBSIDIZED = _c.OI_REASON_OFFICER_ALREADY_SUBSIDIZED
    MISSED_DAYS = _c.OI_REASON_MISSED_DAYS
    DAYS_OUTSIDE_SESSION = _c.OI_REASON_DAYS_OUTSIDE_SESSION


class Severity(enum.IntEnum):
    """How a reason weighs on its decision."""

    REFUSAL = _c.OI_SEVERITY_REFUSAL
    WAITLIST = _c.OI_SEVERITY_WAITLIST
    NOTE = _c.OI_SEVERITY_NOTE


class Payer(enum.IntEnum):
    """Who pays an item of the cost of attending (E2, S7)."""

    INTERNATIONAL = _c.OI_PAYER_INTERNATIONAL
    LOCAL = _c.OI_PAYER_LOCAL
    SUBSIDY = _c.OI_PAYER_SUBSIDY


class CostItem(enum.IntEnum):
    """An item of the cost of attending (E2, S7)."""

    PROGRAM = _c.OI_COST_PROGRAM
    INSTRUCTORS = _c.OI_COST_INSTRUCTORS
    TRANSPORTATION = _c.OI_COST_TRANSPORTATION
    PER_DIEM = _c.OI_COST_PER_DIEM
    HOTEL = _c.OI_COST_HOTEL


class EventType(enum.IntEnum):
    """Kinds of event in a ledger's audit trail."""

    ENTERED = _c.OI_EVENT_ENTERED
    DECIDED = _c.OI_EVENT_DECIDED
    WITHDRAWN = _c.OI_EVENT_WITHDRAWN
    PROMOTED = _c.OI_EVENT_PROMOTED

    def __str__(self):
        return _c.event_type_name(self) or ""


for _cls in (Status, Country, LmForm, Office, CourseKind, Clause, Outcome, ReasonCode,
             Severity, Payer, CostItem, EventType):
    _cls.__module__ = "officerinst"
del _cls


def _enum(cls, value):
    """``cls(value)``, or the plain int for a value a newer library added."""
    try:
        return cls(value)
    except ValueError:
        return value
