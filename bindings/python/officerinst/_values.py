"""Plain value types: locals, officers, applications, subsidy requests, and
the parts of a policy (numbers, courses, sessions).

They are frozen dataclasses, checked when they are made: a value of the
wrong type raises TypeError, a bad value raises
:class:`officerinst.InvalidArgument` (a ValueError) naming the field. The
limits come from the C headers. What only a policy can judge (does the
session exist? is the request late?) is decided by the C library when the
value is used.
"""

import dataclasses
import datetime
import types
from typing import Optional, Tuple

from . import _officerinst_c as _c
from ._enums import Country, CourseKind, LmForm, Office, Payer, CostItem
from ._errors import error_class

__all__ = [
    "Local", "Graduation", "Officer", "Application", "SubsidyRequest",
    "PolicyNumbers", "Course", "Session", "CostSplit",
]

_ID_MAX = _c.OI_ID_MAX
_NAME_MAX = _c.OI_NAME_MAX
_UINT32_MAX = 0xFFFFFFFF
_INT_MAX = 0x7FFFFFFF
_INT64_MAX = 0x7FFFFFFFFFFFFFFF


def _invalid(path, message):
    return error_class(_c.OI_EINVAL)(message, path=path)


def _type_error(path, expected, value):
    return TypeError("%s must be %s, not %s" % (path, expected, type(value).__name__))


def _str(value, path, max_bytes, required=True, nullable=False):
    if value is None and nullable:
        return None
    if not isinstance(value, str):
        raise _type_error(path, "a str or None" if nullable else "a str", value)
    if required and not value:
        raise _invalid(path, "is empty; a value is required")
    if "\0" in value:
        raise _invalid(path, "contains a NUL character")
    try:
        size = len(value.encode("utf-8"))
    except UnicodeEncodeError:
        raise _invalid(path, "is not valid Unicode text (lone surrogate)") from None
    if size > max_bytes:
        raise _invalid(path, "is longer than %d bytes" % max_bytes)
    return value


def _int(value, path, low=None, high=None):
    if isinstance(value, bool) or not isinstance(value, int):
        raise _type_error(path, "an int", value)
    if low is not None and value < low:
        raise _invalid(path, "%d is below %d" % (value, low))
    if high is not None and value > high:
        raise _invalid(path, "%d is above %d" % (value, high))
    return int(value)


def _bool(value, path):
    if not isinstance(value, bool):
        raise _type_error(path, "a bool", value)
    return value


def _member(cls, value, path):
    """An enum member from a member, its int value or its name."""
    if isinstance(value, cls):
        return value
    if isinstance(value, bool):
        raise _type_error(path, "a %s" % cls.__name__, value)
    if isinstance(value, int):
        try:
            return cls(value)
        except ValueError:
            raise _invalid(path, "%d is not a %s" % (value, cls.__name__)) from None
    if isinstance(value, str):
        try:
            return cls[value.upper()]
        except KeyError:
            raise _invalid(path, "%r is not a %s (one of %s)" % (
                value, cls.__name__, ", ".join(m.name for m in cls))) from None
    raise _type_error(path, "a %s" % cls.__name__, value)


def _date(value, path, nullable=False):
    if value is None and nullable:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    raise _type_error(path, "a datetime.date" + (" or None" if nullable else ""), value)


def _moment(value, path):
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None and value.utcoffset() is not None:
            raise _invalid(path, "must be a naive datetime (the local time of the office "
                                 "that received it), not an aware one")
        return value.replace(microsecond=0)
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day)
    raise _type_error(path, "a datetime.datetime or datetime.date", value)


def _date_tuple(d):
    return None if d is None else (d.year, d.month, d.day)


def _set(obj, **fields):
    for name, value in fields.items():
        object.__setattr__(obj, name, value)


def _make(cls, **fields):
    """Make a frozen value from the library's output without re-checking it."""
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


@dataclasses.dataclass(frozen=True)
class Local:
    """A local union (U1).

    Args:
        number: the local's number, at least 1.
        name: its name (non-empty).
        country: :class:`Country` (or its name, "US" or "CA").
        district: 1..13.
        lm_form: for a U.S. local, the Form LM it files (S2).
        receipts_cents: for a Canadian local, gross yearly receipts in
            whole cents, or None when none are on record (S2).
    """

    number: int
    name: str
    country: Country
    district: int
    lm_form: LmForm = LmForm.NONE
    receipts_cents: Optional[int] = None

    def __post_init__(self):
        _int(self.number, "local.number")
        if not 1 <= self.number <= _UINT32_MAX:
            raise _invalid("local.number", "local number %d is not a local (U1)" % self.number)
        _str(self.name, "local.name", _NAME_MAX)
        country = _member(Country, self.country, "local.country")
        _int(self.district, "local.district")
        if not 1 <= self.district <= _c.OI_DISTRICT_COUNT:
            raise _invalid("local.district", "district %d is outside 1..%d (U1)"
                           % (self.district, _c.OI_DISTRICT_COUNT))
        lm_form = _member(LmForm, self.lm_form, "local.lm_form")
        if self.receipts_cents is not None:
            _int(self.receipts_cents, "local.receipts_cents", high=_INT64_MAX)
            if self.receipts_cents < 0:
                raise _invalid("local.receipts_cents", "receipts of %d cents are negative"
                               % self.receipts_cents)
        _set(self, country=country, lm_form=lm_form)
        _set(self, _c=(self.number, self.name, int(country), self.district, int(lm_form),
                       self.receipts_cents))


@dataclasses.dataclass(frozen=True)
class Graduation:
    """A graduation from an Officer Institute 1.0 the officer claims (P1).

    Args:
        site: a city ("Toronto", "Denver, CO") or the id of a 1.0 session of
            the policy's catalogue ("OI-2017-MD").
        date: the day of graduation, or None when undated.
    """

    site: str
    date: Optional[datetime.date] = None

    def __post_init__(self):
        _str(self.site, "graduation.site", _NAME_MAX)
        _set(self, date=_date(self.date, "graduation.date", nullable=True))
        _set(self, _c=(self.site, _date_tuple(self.date)))


@dataclasses.dataclass(frozen=True)
class Officer:
    """An officer of a local.

    Args:
        id: the stable identity that counts subsidies per officer (S9).
        name: optional.
        office: the :class:`Office` held now (P2 reads the current office).
        graduations: the graduations claimed (P1): :class:`Graduation`
            objects, or sites as plain strings (undated).
    """

    id: str
    name: Optional[str] = None
    office: Office = Office.NONE
    graduations: Tuple[Graduation, ...] = ()

    def __post_init__(self):
        _str(self.id, "officer.id", _ID_MAX)
        _str(self.name, "officer.name", _NAME_MAX, required=False, nullable=True)
        office = _member(Office, self.office, "officer.office")
        if isinstance(self.graduations, (str, bytes)) or not hasattr(self.graduations, "__iter__"):
            raise _type_error("officer.graduations", "an iterable of Graduation", self.graduations)
        graduations = []
        for i, g in enumerate(self.graduations):
            if isinstance(g, str):
                g = Graduation(g)
            elif not isinstance(g, Graduation):
                raise _type_error("officer.graduations[%d]" % i, "a Graduation or a str", g)
            graduations.append(g)
        if len(graduations) > _c.OI_GRADUATIONS_MAX:
            raise _invalid("officer.graduations", "%d graduations; at most %d may be claimed"
                           % (len(graduations), _c.OI_GRADUATIONS_MAX))
        graduations = tuple(graduations)
        _set(self, office=office, graduations=graduations)
        _set(self, _c=(self.id, self.name, int(office), tuple(g._c for g in graduations)))


def _check_local_officer(local, officer, prefix):
    if not isinstance(local, Local):
        raise _type_error(prefix + ".local", "a Local", local)
    if not isinstance(officer, Officer):
        raise _type_error(prefix + ".officer", "an Officer", officer)


@dataclasses.dataclass(frozen=True)
class Application:
    """An officer's regular application to a course at a session (E1, P1, P2)."""

    session_id: str
    course_id: str
    local: Local
    officer: Officer

    def __post_init__(self):
        _str(self.session_id, "application.session_id", _ID_MAX)
        _str(self.course_id, "application.course_id", _ID_MAX)
        _check_local_officer(self.local, self.officer, "application")
        _set(self, _c=(self.session_id, self.course_id, self.local._c, self.officer._c))


@dataclasses.dataclass(frozen=True)
class SubsidyRequest:
    """A request for a hotel subsidy (S1-S11).

    Args:
        id: the request's id; required by a :class:`Ledger` (which names
            requests by it), may be None for a stateless check.
        session_id: the 1.0 session applied to.
        local, officer: who asks.
        received: when the request was received, a naive
            ``datetime.datetime`` (local time of the office; to the second)
            or a ``datetime.date`` (midnight). Only the day counts for the
            deadline (S6); the time orders requests (S4).
        nights: nights of lodging requested, at least 1 (S3 pays up to 5).
        attested: the local attests it falls within the S2 category.
        with_application: submitted together with the regular application (S8).
        application_signed, request_signed: each form is signed by an
            authorized representative of the local's Executive Board (S8).
    """

    id: Optional[str]
    session_id: str
    local: Local
    officer: Officer
    received: datetime.datetime
    nights: int
    attested: bool
    with_application: bool
    application_signed: bool
    request_signed: bool

    def __post_init__(self):
        _str(self.id, "request.id", _ID_MAX, required=False, nullable=True)
        _str(self.session_id, "request.session_id", _ID_MAX)
        _check_local_officer(self.local, self.officer, "request")
        received = _moment(self.received, "request.received")
        _int(self.nights, "request.nights", high=_INT_MAX)
        if self.nights < 1:
            raise _invalid("request.nights", "%d nights requested; at least 1" % self.nights)
        for flag in ("attested", "with_application", "application_signed", "request_signed"):
            _bool(getattr(self, flag), "request." + flag)
        _set(self, received=received)
        r = received
        _set(self, _c=(self.id, self.session_id, self.local._c, self.officer._c,
                       (r.year, r.month, r.day, r.hour, r.minute, r.second), self.nights,
                       self.attested, self.with_application, self.application_signed,
                       self.request_signed))


@dataclasses.dataclass(frozen=True)
class PolicyNumbers:
    """The numbers of a policy year (U3); none of them is a constant of the code.

    Attributes:
        year: the policy year: the policy's label (and what
            ``Policy.builtin()`` is asked for). Its sessions may begin in
            other years; S5 and S9 count by the year of each session's
            first day.
        seats_per_session: S4, subsidies per 1.0 session (2017: 10), for
            every session that does not set its own (``Session.own_seats``).
        local_cap_per_year: S5, officers a local may have subsidized a year (2017: 2).
        deadline_weeks: S6, weeks before the first day a request must be received by (2017: 6).
        max_nights: S3, most nights a subsidy pays (2017: 5).
        canada_threshold_cents: S2, Canadian receipts must be strictly below
            this (2017: 25,000,000 cents, $250,000.00).
    """

    year: int
    seats_per_session: int
    local_cap_per_year: int
    deadline_weeks: int
    max_nights: int
    canada_threshold_cents: int

    def __post_init__(self):
        _int(self.year, "numbers.year", _c.OI_YEAR_MIN + 1, _c.OI_YEAR_MAX)
        _int(self.seats_per_session, "numbers.seats_per_session", 0, _INT_MAX)
        _int(self.local_cap_per_year, "numbers.local_cap_per_year", 0, _INT_MAX)
        _int(self.deadline_weeks, "numbers.deadline_weeks", 0, _INT_MAX)
        _int(self.max_nights, "numbers.max_nights", 1, _INT_MAX)
        _int(self.canada_threshold_cents, "numbers.canada_threshold_cents", 0, _INT64_MAX)

    @property
    def _c(self):
        return dataclasses.astuple(self)


@dataclasses.dataclass(frozen=True)
class Course:
    """A course of a policy's catalogue."""

    id: str
    title: str
    kind: CourseKind

    def __post_init__(self):
        _str(self.id, "course.id", _ID_MAX)
        _str(self.title, "course.title", _NAME_MAX)
        _set(self, kind=_member(CourseKind, self.kind, "course.kind"))

    @property
    def _c(self):
        return (self.id, self.title, int(self.kind))


@dataclasses.dataclass(frozen=True)
class Session:
    """A session: one course or more given at one place on consecutive days.

    As read from a policy, ``seats`` (S1, S4: the seats it has, its own or
    the policy's) and ``subsidy_deadline`` (S6, None when no subsidy is
    offered) are filled in by the library; when a Session is given to
    :class:`PolicyBuilder` they are ignored. ``own_seats`` is the session's
    own number of seats (S4: a bigger venue, a smaller one, 0 for none), or
    None for the policy's seats per session; it is what a builder reads.

    Attributes:
        id, place: e.g. "OI-2017-MD", "Linthicum Heights, MD".
        hotel: the designated IATSE hotel, payee of subsidies (S3); required
            for a session giving a 1.0 course, else may be None.
        first_day, last_day: ``datetime.date``.
        countries: frozenset of :class:`Country` admitted (E1).
        courses: ids of the courses offered.
        own_seats: the session's own subsidy seats, or None (see above).
    """

    id: str
    place: str
    hotel: Optional[str]
    first_day: datetime.date
    last_day: datetime.date
    countries: frozenset
    courses: Tuple[str, ...]
    seats: Optional[int] = dataclasses.field(default=None, compare=False)
    subsidy_deadline: Optional[datetime.date] = dataclasses.field(default=None, compare=False)
    own_seats: Optional[int] = None

    def __post_init__(self):
        _str(self.id, "session.id", _ID_MAX)
        _str(self.place, "session.place", _NAME_MAX)
        _str(self.hotel, "session.hotel", _NAME_MAX, required=False, nullable=True)
        first = _date(self.first_day, "session.first_day")
        last = _date(self.last_day, "session.last_day")
        countries = self.countries
        if isinstance(countries, (Country, str, int)):
            countries = (countries,)
        countries = frozenset(_member(Country, c, "session.countries") for c in countries)
        if not countries:
            raise _invalid("session.countries", "no country is admitted (E1)")
        if isinstance(self.courses, str):
            raise _type_error("session.courses", "an iterable of course ids", self.courses)
        courses = tuple(_str(c, "session.courses[%d]" % i, _ID_MAX)
                        for i, c in enumerate(self.courses))
        if self.own_seats is not None:
            _int(self.own_seats, "session.own_seats", 0, _INT_MAX)
        _set(self, first_day=first, last_day=last, countries=countries, courses=courses)

    @property
    def countries_mask(self):
        """The countries as the C library's bit mask."""
        mask = 0
        for c in self.countries:
            mask |= c.bit
        return mask

    @property
    def days(self):
        """Every day of the session, first to last (for check_graduation)."""
        n = (self.last_day - self.first_day).days + 1
        return tuple(self.first_day + datetime.timedelta(days=i) for i in range(max(n, 0)))

    @property
    def _c(self):
        return (self.id, self.place, self.hotel, _date_tuple(self.first_day),
                _date_tuple(self.last_day), self.countries_mask, self.courses, self.own_seats)


@dataclasses.dataclass(frozen=True)
class CostSplit:
    """Who pays what for attending a session (E2, S7).

    Attributes:
        payers: a read-only mapping :class:`CostItem` -> :class:`Payer`; for
            the hotel, the subsidy if it pays any night, else the local.
        subsidy_nights: nights the subsidy pays, to the hotel (S3).
        local_nights: the rest of the stay, paid by the local.
        subsidy_hotel_cents, local_hotel_cents: the hotel bill, split.
    """

    payers: object
    subsidy_nights: int
    local_nights: int
    subsidy_hotel_cents: int
    local_hotel_cents: int

    def payer(self, item):
        """Who pays a :class:`CostItem`."""
        return self.payers[CostItem(item)]


def _cost_split_from_c(t):
    payers, subsidy_nights, local_nights, subsidy_cents, local_cents = t
    mapping = types.MappingProxyType({CostItem(i): Payer(p) for i, p in enumerate(payers)})
    return _make(CostSplit, payers=mapping, subsidy_nights=subsidy_nights,
                 local_nights=local_nights, subsidy_hotel_cents=subsidy_cents,
                 local_hotel_cents=local_cents)


def _date_from_c(t):
    return None if t is None else datetime.date(*t)


def _datetime_from_c(t):
    return datetime.datetime(*t)
