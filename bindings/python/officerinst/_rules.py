"""The stateless rules: enrollment, subsidy eligibility, graduation, cost split."""

import datetime

from . import _officerinst_c as _c
from ._decisions import Decisions
from ._policy import Policy
from ._values import (Application, SubsidyRequest, _cost_split_from_c, _int, _str,
                      _type_error, _ID_MAX, _INT64_MAX, _INT_MAX)

__all__ = ["check_enrollment", "check_subsidy", "check_subsidy_many", "check_graduation",
           "cost_split"]

# The extension's functions themselves, not SWIG's Python wrappers of them
# (one Python call less on every call).
_x = _c._officerinst


def _policy_handle(policy):
    if not isinstance(policy, Policy):
        raise _type_error("policy", "a Policy", policy)
    return policy._handle()


def check_enrollment(policy, application):
    """May the officer enroll in the course at the session? E1 (country
    admitted), the course given there (C1-C3), P1 for Advanced Organizing
    2.0, P2 for Advanced Secretary Treasurer 2.0.

    Returns:
        a :class:`Decision`, ADMITTED or REFUSED with every reason.
    Raises:
        NotFound: unknown session or course; InvalidArgument for bad input.
    """
    h = _policy_handle(policy)
    if not isinstance(application, Application):
        raise _type_error("application", "an Application", application)
    return _x.check_enrollment(h, application._c)


def check_subsidy(policy, request):
    """The stateless part of a subsidy request: S1, S2, S3, S6, S8 and E1.

    Returns:
        a :class:`Decision`, ELIGIBLE (with the nights an award pays and the
        payee) or REFUSED with every reason; its ``request_id`` is the
        request's id. Seats (S4), a local's cap (S5) and the officer's other
        requests (S9) are a :class:`Ledger`'s to judge.
    """
    h = _policy_handle(policy)
    if not isinstance(request, SubsidyRequest):
        raise _type_error("request", "a SubsidyRequest", request)
    return _x.check_subsidy(h, request._c)


def check_subsidy_many(policy, requests):
    """:func:`check_subsidy` over a list, in ONE call into the library.

    Every request is validated before any is decided: on an error nothing
    is returned and the error's path names the element
    (``"requests[3].local.district"``).

    Args:
        requests: an iterable of :class:`SubsidyRequest` (read in C, in
            one pass; anything else raises TypeError naming the element).
    Returns:
        a :class:`Decisions`, one per request, in order: a sequence that
        holds the decisions in C and makes a :class:`Decision` only for an
        element read (``list(...)`` makes them all), with cheap aggregates
        (:meth:`Decisions.outcomes`, :meth:`Decisions.counts`).
    """
    return Decisions._wrap(_x.check_subsidy_many(_policy_handle(policy), requests))


def check_graduation(policy, session_id, days):
    """C1: an officer graduates only by attending every day of the session.

    The days are a record of what the officer attended: days outside the
    session neither count toward the certificate nor make the record
    invalid; they are reported in a note (DAYS_OUTSIDE_SESSION).

    Args:
        session_id: a session giving the Officer Institute 1.0.
        days: the days attended (``datetime.date``; repeats count once).
    Returns:
        a :class:`Decision`, GRADUATED or NOT_GRADUATED (with MISSED_DAYS),
        with the note when a day is outside the session.
    Raises:
        InvalidArgument: a session without a 1.0.
    """
    h = _policy_handle(policy)
    _str(session_id, "session_id", _ID_MAX)
    attended = []
    for i, d in enumerate(days):
        if not isinstance(d, datetime.date):
            raise _type_error("days[%d]" % i, "a datetime.date", d)
        if isinstance(d, datetime.datetime):
            d = d.date()
        attended.append((d.year, d.month, d.day))
    return _x.check_graduation(h, session_id, attended)


def cost_split(policy, nights, nights_awarded=0, nightly_rate_cents=0):
    """E2 and S7: who pays what for a stay of ``nights`` at the hotel.

    The International pays program and instructors; the local pays
    transportation and per diem, always (S7), and the hotel except the
    awarded nights, which the subsidy pays to the hotel (S3).

    Args:
        nights: nights stayed, >= 0.
        nights_awarded: nights a subsidy awarded, 0..max_nights (0: none).
        nightly_rate_cents: the hotel's rate per night, in cents.
    Returns:
        a :class:`CostSplit`.
    Raises:
        InvalidArgument: negative values, more nights awarded than the
            policy allows; LimitError: the amount overflows.
    """
    h = _policy_handle(policy)
    _int(nights, "stay.nights", -_INT_MAX - 1, _INT_MAX)
    _int(nights_awarded, "stay.nights_awarded", -_INT_MAX - 1, _INT_MAX)
    _int(nightly_rate_cents, "stay.nightly_rate_cents", -_INT64_MAX - 1, _INT64_MAX)
    return _cost_split_from_c(_c.cost_split(h, (nights, nights_awarded, nightly_rate_cents)))
