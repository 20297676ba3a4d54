"""Enumerations of officerinst: IntEnums whose values are the C library's and
whose text is the library's own vocabulary.

Every value comes from the C headers (through the low-level module), never
written here as a number. Each enum also accepts the text forms the
library's parse function reads (``LmForm("LM-3")``, ``Country("Canada")``,
``Office("Secretary-Treasurer")``), and ``str()`` gives the library's name
(``str(LmForm.LM_3) == "LM-3"``): no table of names is written in Python.
"""

import enum
from typing import Callable, Dict, Optional, Type, TypeVar, Union

from . import _officerinst_c as _c
from ._officerinst_c import Status

__all__ = [
    "Status", "Country", "LmForm", "Office", "CourseKind", "Clause", "Outcome",
    "ReasonCode", "Severity", "Payer", "CostItem", "EventType",
]

E = TypeVar("E", bound="_Vocabulary")

# The library's functions for each enum: name -> value, value -> name.
_PARSE: Dict[type, Callable[[str], int]] = {}
_NAME: Dict[type, Callable[[int], Optional[str]]] = {}
# Texts already read, per enum (the library's answers, remembered).
_READ: Dict[type, Dict[str, "enum.IntEnum"]] = {}


class _Vocabulary(enum.IntEnum):
    """An enumeration of the C library: its value, or any text its parse
    function reads, makes a member; ``str()`` is the library's name."""

    @classmethod
    def _missing_(cls, value: object) -> Optional["_Vocabulary"]:
        if not isinstance(value, str):
            return None
        parse = _PARSE.get(cls)
        if parse is not None:
            return cls(parse(value))
        # The library names these values but reads no other spelling.
        name = _NAME.get(cls)
        return next((m for m in cls if name is not None and name(m) == value), None)

    def __str__(self) -> str:
        name = _NAME.get(type(self))
        text = name(self) if name is not None else None
        return text if text is not None else self.name.lower()

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    def __repr__(self) -> str:
        return "%s.%s" % (type(self).__name__, self.name)


class Country(_Vocabulary):
    """Country of a local (U1): ``Country("US")``, ``Country("Canada")``."""

    US = _c.OI_COUNTRY_US
    CA = _c.OI_COUNTRY_CA

    @property
    def bit(self) -> int:
        """This country's bit in a session's countries mask (E1)."""
        return 1 << int(self)


class LmForm(_Vocabulary):
    """U.S. Department of Labor financial report a local files (S2):
    ``LmForm("LM-3")``, ``LmForm("3")``, ``LmForm("none")``."""

    NONE = _c.OI_LM_NONE
    LM_2 = _c.OI_LM_2
    LM_3 = _c.OI_LM_3
    LM_4 = _c.OI_LM_4


class Office(_Vocabulary):
    """Office an officer holds now (U2, P2): ``Office("Secretary-Treasurer")``;
    ``str()`` is the name ("secretary_treasurer"), :attr:`title` the title."""

    NONE = _c.OI_OFFICE_NONE
    PRESIDENT = _c.OI_OFFICE_PRESIDENT
    VICE_PRESIDENT = _c.OI_OFFICE_VICE_PRESIDENT
    SECRETARY = _c.OI_OFFICE_SECRETARY
    TREASURER = _c.OI_OFFICE_TREASURER
    SECRETARY_TREASURER = _c.OI_OFFICE_SECRETARY_TREASURER
    BUSINESS_AGENT = _c.OI_OFFICE_BUSINESS_AGENT
    RECORDING_SECRETARY = _c.OI_OFFICE_RECORDING_SECRETARY
    OTHER = _c.OI_OFFICE_OTHER

    @property
    def title(self) -> str:
        """The office as people write it, e.g. "Secretary-Treasurer"."""
        return _c.office_title(self) or ""


class CourseKind(_Vocabulary):
    """Kind of a course, which clause defines it and so which rules apply."""

    INSTITUTE = _c.OI_COURSE_INSTITUTE
    ADVANCED_ORGANIZING = _c.OI_COURSE_ADVANCED_ORGANIZING
    ADVANCED_SECRETARY_TREASURER = _c.OI_COURSE_ADVANCED_SECRETARY_TREASURER


class Clause(_Vocabulary):
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


class Outcome(_Vocabulary):
    """What a decision concluded, or the status of a ledger entry
    (``str(Outcome.AWARDED) == "awarded"``)."""

    NONE = _c.OI_OUTCOME_NONE
    ADMITTED = _c.OI_OUTCOME_ADMITTED
    ELIGIBLE = _c.OI_OUTCOME_ELIGIBLE
    AWARDED = _c.OI_OUTCOME_AWARDED
    WAITLISTED = _c.OI_OUTCOME_WAITLISTED
    REFUSED = _c.OI_OUTCOME_REFUSED
    WITHDRAWN = _c.OI_OUTCOME_WITHDRAWN
    GRADUATED = _c.OI_OUTCOME_GRADUATED
    NOT_GRADUATED = _c.OI_OUTCOME_NOT_GRADUATED


class ReasonCode(_Vocabulary):
    """Why a decision went as it did; the meaning of each code's values is in
    rules.h. ``str()`` is the code's name ("RECEIVED_LATE")."""

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


class Severity(_Vocabulary):
    """How a reason weighs on its decision: "refusal", "waitlist", "note"."""

    REFUSAL = _c.OI_SEVERITY_REFUSAL
    WAITLIST = _c.OI_SEVERITY_WAITLIST
    NOTE = _c.OI_SEVERITY_NOTE


class Payer(_Vocabulary):
    """Who pays an item of the cost of attending (E2, S7)."""

    INTERNATIONAL = _c.OI_PAYER_INTERNATIONAL
    LOCAL = _c.OI_PAYER_LOCAL
    SUBSIDY = _c.OI_PAYER_SUBSIDY


class CostItem(_Vocabulary):
    """An item of the cost of attending (E2, S7)."""

    PROGRAM = _c.OI_COST_PROGRAM
    INSTRUCTORS = _c.OI_COST_INSTRUCTORS
    TRANSPORTATION = _c.OI_COST_TRANSPORTATION
    PER_DIEM = _c.OI_COST_PER_DIEM
    HOTEL = _c.OI_COST_HOTEL


class EventType(_Vocabulary):
    """Kinds of event in a ledger's audit trail ("entered", "decided", ...)."""

    ENTERED = _c.OI_EVENT_ENTERED
    DECIDED = _c.OI_EVENT_DECIDED
    WITHDRAWN = _c.OI_EVENT_WITHDRAWN
    PROMOTED = _c.OI_EVENT_PROMOTED


for _cls, _parse, _name in (
        (Country, _c.country_parse, _c.country_name),
        (LmForm, _c.lm_form_parse, _c.lm_form_name),
        (Office, _c.office_parse, _c.office_name),
        (CourseKind, _c.course_kind_parse, _c.course_kind_name),
        (Clause, _c.clause_parse, _c.clause_id),
        (Outcome, _c.outcome_parse, _c.outcome_name),
        (ReasonCode, _c.reason_code_parse, _c.reason_code_name),
        (Severity, _c.severity_parse, _c.severity_name),
        (EventType, _c.event_type_parse, _c.event_type_name),
        (Payer, None, _c.payer_name),
        (CostItem, None, _c.cost_item_name)):
    _NAME[_cls] = _name
    if _parse is not None:
        _PARSE[_cls] = _parse
for _cls in (Status, Country, LmForm, Office, CourseKind, Clause, Outcome, ReasonCode,
             Severity, Payer, CostItem, EventType):
    _cls.__module__ = "officerinst"
    # Members and values (and, as they are read, texts) to members.
    _READ[_cls] = {**{m: m for m in _cls}, **{int(m): m for m in _cls}}
del _cls, _parse, _name


def _member(cls: Type[E], value: object) -> Union[E, object]:
    """``cls(value)`` for a member, its value or a text the library reads;
    anything else (a value the library will refuse, with its path) as it is."""
    known = _READ[cls]
    try:
        return known[value]
    except KeyError:
        pass
    except TypeError:           # unhashable: the library names it
        return value
    if not isinstance(value, str):
        return value
    try:
        member = cls(value)
    except ValueError:
        return value
    if len(known) < 1024:
        known[value] = member
    return member


def _enum(cls: Type[E], value: int) -> Union[E, int]:
    """``cls(value)``, or the plain int for a value a newer library added."""
    try:
        return cls._value2member_map_[value]  # type: ignore[index,return-value]
    except KeyError:
        return value
