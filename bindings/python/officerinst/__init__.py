"""officerinst: the IATSE Officer Institute policy, decided by libofficerinst.

Python bindings of the C library libofficerinst. Every rule a decision
applies names its clause of the policy (C1, E1, P1, S6 ...), and every
reason comes with a message saying what was compared::

    import officerinst as oi

    policy = oi.Policy.builtin(2017)
    local = oi.Local(728, "Studio Electrical Lighting Technicians", "US",
                     district=2, lm_form="LM-3")
    officer = oi.Officer("o-1", "Pat Doe", "Secretary-Treasurer")
    request = oi.SubsidyRequest(
        id="r-1", session_id="OI-2017-FL", local=local, officer=officer,
        received="2017-08-01 9:30", nights=7, attested=True,
        with_application=True, application_signed=True, request_signed=True)

    with oi.Ledger(policy) as ledger:
        decision = ledger.submit(request)
        print(decision.outcome, decision.nights, decision.payee)
        for reason in decision.reasons:
            print(reason.clause, reason.code, reason.message)
        print(json.dumps(decision.to_dict()))

What is here:

* :class:`Policy` (built in, loaded from JSON, or made with
  :class:`PolicyBuilder`), with its :class:`PolicyNumbers`,
  :class:`Course`\\ s and :class:`Session`\\ s;
* values, cheap to make and judged by the library when used:
  :class:`Local`, :class:`Officer`, :class:`Graduation`,
  :class:`Application`, :class:`SubsidyRequest` (or plain dicts of their
  fields), and :class:`Requests`, a batch converted to C once;
* stateless rules returning a :class:`Decision` of :class:`Reason`\\ s:
  :func:`check_enrollment`, :func:`check_subsidy`, :func:`check_graduation`;
  :func:`check_subsidy_many`, which like :meth:`Ledger.submit_many` decides
  a whole batch in one call (without the interpreter lock) and returns a
  :class:`Decisions` sequence; and :func:`cost_split`;
* the :class:`Ledger` of subsidies (seats, caps, waitlist, audit trail);
* a :class:`Batch` read from a requests document (or spreadsheet rows),
  decided by the rules or a ledger, written as a decisions document;
* enums (IntEnum, with the C values, read from and written as the library's
  names: ``LmForm("LM-3")``, ``str(Outcome.AWARDED) == "awarded"``) and
  exceptions: every error is an :class:`Error` carrying ``status``,
  ``message``, ``path``, ``index``, ``field``, ``expected``, ``line`` and
  ``column``, of a subclass chosen by its status (:class:`InvalidArgument`,
  :class:`NotFound`, :class:`ParseError` ...), or :class:`WrongType`.

Dates are ``datetime.date``, moments of receipt ``datetime.datetime``
(naive: the local time of the office), and both may be given as ISO text.
Money is whole cents, in ints, or an amount written "$250,000.00".
"""

from . import _officerinst_c as _c
from ._enums import (Clause, CostItem, Country, CourseKind, EventType, LmForm, Office,
                     Outcome, Payer, ReasonCode, Severity, Status)
from ._errors import (AlreadyExists, DateError, DocumentError, Error, FileError,
                      InvalidArgument, LimitError, NotFound, OutOfMemory, ParseError,
                      PolicyMismatch, SchemaError, StateError, WrongType)
from ._values import (Application, CostSplit, Course, Graduation, Local, Officer,
                      PolicyNumbers, Session, SubsidyRequest)
from ._decisions import Decision, Decisions, Reason
from ._policy import Policy, PolicyBuilder
from ._rules import (Requests, check_enrollment, check_graduation, check_subsidy,
                     check_subsidy_many, cost_split)
from ._ledger import (DistrictAwards, Event, Ledger, LedgerEntry, SessionSummary,
                      Withdrawal)
from ._batch import Batch

#: The version of the C library actually loaded (oi_version()).
__version__: str = _c.version()

#: Limits of the C library, from its headers.
ID_MAX: int = _c.OI_ID_MAX
NAME_MAX: int = _c.OI_NAME_MAX
DISTRICT_COUNT: int = _c.OI_DISTRICT_COUNT
GRADUATIONS_MAX: int = _c.OI_GRADUATIONS_MAX

__all__ = [
    # enums
    "Clause", "CostItem", "Country", "CourseKind", "EventType", "LmForm", "Office",
    "Outcome", "Payer", "ReasonCode", "Severity", "Status",
    # errors
    "Error", "InvalidArgument", "DateError", "NotFound", "AlreadyExists", "OutOfMemory",
    "StateError", "DocumentError", "ParseError", "SchemaError", "PolicyMismatch",
    "LimitError", "FileError", "WrongType",
    # values
    "Local", "Graduation", "Officer", "Application", "SubsidyRequest", "Requests",
    "PolicyNumbers", "Course", "Session", "CostSplit",
    # policy and decisions
    "Policy", "PolicyBuilder", "Decision", "Decisions", "Reason",
    "check_enrollment", "check_subsidy", "check_subsidy_many", "check_graduation",
    "cost_split",
    # ledger
    "Ledger", "LedgerEntry", "Withdrawal", "SessionSummary", "DistrictAwards", "Event",
    # documents
    "Batch",
    # constants
    "ID_MAX", "NAME_MAX", "DISTRICT_COUNT", "GRADUATIONS_MAX",
]

# The package is the public face: classes say they come from it.
for _name in __all__:
    _obj = globals()[_name]
    if isinstance(_obj, type):
        _obj.__module__ = __name__
del _name, _obj
