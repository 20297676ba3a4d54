"""The stateless rules: enrollment, subsidy eligibility, graduation, cost
split; and batches of requests converted once."""

import datetime
from typing import Any, Iterable, Mapping, Union

from . import _officerinst_c as _c
from ._decisions import Decision, Decisions
from ._policy import Policy, _policy_handle
from ._values import Application, CostSplit, SubsidyRequest, _cost_split

__all__ = ["check_enrollment", "check_subsidy", "check_subsidy_many", "check_graduation",
           "cost_split", "Requests"]

_x = _c._officerinst     # the extension's own functions: one Python call less
_check_subsidy = _x.check_subsidy
_from_c = Decision._from_c

RequestLike = Union[SubsidyRequest, Mapping[str, Any]]


class Requests:
    """Subsidy requests converted to the library's structs once, in C, so
    that batches decide them as often as asked at the library's own cost:
    ``check_subsidy_many(policy, Requests(items))`` and
    ``ledger.submit_many(Requests(items))``.

    Args:
        requests: an iterable of :class:`SubsidyRequest` or of dicts of
            their fields (``SubsidyRequest.to_dict()``, or a parsed JSON
            document); a value the C types cannot hold raises WrongType or
            InvalidArgument naming it (``"requests[7].nights"``); every rule
            is judged when the requests are decided.
    """

    __slots__ = ("_a",)

    def __init__(self, requests: Iterable[RequestLike]) -> None:
        self._a = _c.RequestArray(requests)

    def __len__(self) -> int:
        return len(self._a)

    def __repr__(self) -> str:
        return "<Requests: %d>" % len(self)


def _requests(requests: Any) -> Any:
    return requests._a if isinstance(requests, Requests) else requests


def check_enrollment(policy: Policy, application: Union[Application, Mapping[str, Any]]
                     ) -> Decision:
    """May the officer enroll in the course at the session? E1 (country
    admitted), the course given there (C1-C3), P1 for Advanced Organizing
    2.0, P2 for Advanced Secretary Treasurer 2.0.

    Returns:
        a :class:`Decision`, ADMITTED or REFUSED with every reason.
    Raises:
        NotFound: unknown session or course; InvalidArgument for bad input.
    """
    h = _policy_handle(policy)
    return _from_c(_x.check_enrollment(h, application), h)


def check_subsidy(policy: Policy, request: RequestLike) -> Decision:
    """The stateless part of a subsidy request: S1, S2, S3, S6, S8 and E1.

    Args:
        request: a :class:`SubsidyRequest`, or a dict of its fields.
    Returns:
        a :class:`Decision`, ELIGIBLE (with the nights an award pays and the
        payee) or REFUSED with every reason; its ``request_id`` is the
        request's id. Seats (S4), a local's cap (S5) and the officer's other
        requests (S9) are a :class:`Ledger`'s to judge.
    """
    h = _policy_handle(policy)
    return _from_c(_check_subsidy(h, request), h)


def check_subsidy_many(policy: Policy, requests: Union[Requests, Iterable[RequestLike]]
                       ) -> Decisions:
    """:func:`check_subsidy` over a list, in ONE call into the library,
    which works without the interpreter lock (threads may decide at once).

    Every request is validated before any is decided: on an error nothing
    is returned and the error's path names the element
    (``"requests[3].local.district"``).

    Args:
        requests: :class:`Requests`, or an iterable of :class:`SubsidyRequest`
            or dicts (converted in C, in one pass).
    Returns:
        a :class:`Decisions`, one per request, in order.
    """
    h = _policy_handle(policy)
    return Decisions._wrap(_c.check_subsidy_many(h, _requests(requests)), h)


def check_graduation(policy: Policy, session_id: str,
                     days: Iterable[Union[datetime.date, str]]) -> Decision:
    """C1: an officer graduates only by attending every day of the session.

    The days are a record of what the officer attended: days outside the
    session neither count toward the certificate nor make the record
    invalid; they are reported in a note (DAYS_OUTSIDE_SESSION).

    Args:
        session_id: a session giving the Officer Institute 1.0.
        days: the days attended (``datetime.date`` or ISO text; repeats count once).
    Returns:
        a :class:`Decision`, GRADUATED or NOT_GRADUATED (with MISSED_DAYS),
        with the note when a day is outside the session.
    Raises:
        InvalidArgument: a session without a 1.0.
    """
    h = _policy_handle(policy)
    return _from_c(_x.check_graduation(h, session_id, days), h)


def cost_split(policy: Policy, nights: int, nights_awarded: int = 0,
               nightly_rate_cents: Union[int, str] = 0) -> CostSplit:
    """E2 and S7: who pays what for a stay of ``nights`` at the hotel.

    The International pays program and instructors; the local pays
    transportation and per diem, always (S7), and the hotel except the
    awarded nights, which the subsidy pays to the hotel (S3).

    Args:
        nights: nights stayed.
        nights_awarded: nights a subsidy awarded (0: none).
        nightly_rate_cents: the hotel's rate per night, in cents or as an
            amount ("$150.00").
    Returns:
        a :class:`CostSplit`.
    Raises:
        InvalidArgument: negative values, more nights awarded than the
            policy allows; LimitError: the amount overflows.
    """
    h = _policy_handle(policy)
    return _cost_split(*_c.cost_split_compute(h, {
        "nights": nights, "nights_awarded": nights_awarded,
        "nightly_rate_cents": nightly_rate_cents}))
