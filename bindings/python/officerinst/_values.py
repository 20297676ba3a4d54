"""Plain values: locals, officers, applications, subsidy requests, and the
parts of a policy (numbers, courses, sessions).

They are frozen dataclasses that are cheap to make: a constructor only
converts what has another spelling (an enum's text, an ISO date, an amount
of money written in dollars), with the library's own parse functions, and
keeps everything else as given. Nothing is judged here: the C library
validates a value when it is used, and its error names the member as the
caller wrote it (``"request.local.district"``, ``"requests[3].nights"``).
A plain dict with the same keys is accepted wherever one of these is.
"""

import dataclasses
import datetime
import types
from typing import Any, Dict, FrozenSet, Iterable, Mapping, Optional, Tuple, Union

from . import _officerinst_c as _c
from ._enums import Country, CourseKind, CostItem, LmForm, Office, Payer, _member
from ._errors import Error

__all__ = [
    "Local", "Graduation", "Officer", "Application", "SubsidyRequest",
    "PolicyNumbers", "Course", "Session", "CostSplit",
]

_DT = datetime.datetime
_D = datetime.date

DateLike = Union[datetime.date, str]
MomentLike = Union[datetime.datetime, datetime.date, str]
Money = Union[int, str]


def _date(value: Any) -> Any:
    """A datetime.date from a date, a datetime or ISO text (else as given)."""
    t = type(value)
    if t is _D or value is None:
        return value
    if t is _DT or isinstance(value, _DT):
        return value.date()
    if isinstance(value, _D):
        return value
    if isinstance(value, str):
        try:
            return _c.date_parse(value)
        except Error:
            return value
    return value


def _moment(value: Any) -> Any:
    """A naive datetime to the second, from a datetime, a date (midnight) or
    ISO text (else as given: the library refuses it with its path)."""
    if isinstance(value, _DT):
        if value.microsecond and value.tzinfo is None:
            return value.replace(microsecond=0)
        return value
    if isinstance(value, _D):
        return _DT(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return _c.datetime_parse(value)
        except Error:
            return value
    return value


def _money(value: Any) -> Any:
    """Whole cents from an int or an amount written "$250,000.00"."""
    if isinstance(value, str):
        try:
            return _c.money_parse(value)
        except Error:
            return value
    return value


def _text(value: Any) -> Any:
    """The document form of a member: enums as their names, dates as ISO."""
    if isinstance(value, (Country, LmForm, Office, CourseKind)):
        return str(value)
    if isinstance(value, _DT):
        return _c.datetime_format(value)
    if isinstance(value, _D):
        return _c.date_format(value)
    return value


def _amount(cents: Any) -> Any:
    """An amount of cents as the documents write it ("$249,999.99")."""
    return _c.money_format(cents) if isinstance(cents, int) and not isinstance(cents, bool) \
        else cents


def _set(obj: Any, **fields: Any) -> None:
    obj.__dict__.update(fields)


def _make(cls: type, **fields: Any) -> Any:
    """A frozen value from the library's output, as it is."""
    obj = object.__new__(cls)
    obj.__dict__.update(fields)
    return obj


class _Value:
    """Document form of a value: :meth:`to_dict` and :meth:`from_dict`.

    The form is the one the library's documents use (doc/requests-format.md,
    doc/policy-format.md): their member names ("session" for a request's
    ``session_id``, "receipts" for a local's ``receipts_cents``), enums as
    their names, dates and moments as ISO text, money as an amount. The batch
    calls read such dicts directly, as they read the values themselves.
    """

    # attribute -> the documents' name, where they differ
    _DOC: Dict[str, str] = {}
    # The members are in the instance dict, under their names: the library's
    # converters read it as a dict (py_to_c_structs.c, plain_dict()).
    _oipy_plain_dict = True

    def to_dict(self) -> Dict[str, Any]:
        """The value as a dict of JSON types, in the documents' form;
        ``cls.from_dict(v.to_dict()) == v``."""
        out = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            if not f.compare:
                continue            # what the library derives (a session's seats)
            v = getattr(self, f.name)
            if isinstance(v, _Value):
                v = v.to_dict()
            elif isinstance(v, (tuple, frozenset)):
                v = [x.to_dict() if isinstance(x, _Value) else _text(x)
                     for x in (sorted(v) if isinstance(v, frozenset) else v)]
            out[self._DOC.get(f.name, f.name)] = _text(v)
        return out

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Any:
        """The value of a dict as :meth:`to_dict` makes it (the attributes'
        names are accepted too, and texts wherever the constructor takes them)."""
        kw = dict(d)
        for name, doc in cls._DOC.items():
            if doc in kw:
                kw[name] = kw.pop(doc)
        return cls(**kw)  # type: ignore[call-arg]


@dataclasses.dataclass(frozen=True, init=False)
class Local(_Value):
    """A local union (U1).

    Args:
        number: the local's number.
        name: its name.
        country: :class:`Country`, or its text ("US", "Canada").
        district: 1..13.
        lm_form: for a U.S. local, the Form LM it files (S2), or its text ("LM-3").
        receipts_cents: for a Canadian local, gross yearly receipts in whole
            cents or as an amount ("$249,999.99"), or None when none are on
            record (S2).
    """

    number: int
    name: str
    country: Country
    district: int
    lm_form: LmForm = LmForm.NONE
    receipts_cents: Optional[int] = None

    _DOC = {"receipts_cents": "receipts"}

    def to_dict(self) -> Dict[str, Any]:
        """The local as a requests document writes it (receipts as an amount)."""
        d = _Value.to_dict(self)
        d["receipts"] = _amount(d["receipts"])
        return d

    def __init__(self, number: int, name: str, country: Union[Country, str, int],
                 district: int, lm_form: Union[LmForm, str, int] = LmForm.NONE,
                 receipts_cents: Optional[Money] = None) -> None:
        d = self.__dict__
        d["number"] = number
        d["name"] = name
        d["country"] = _member(Country, country)
        d["district"] = district
        d["lm_form"] = _member(LmForm, lm_form)
        d["receipts_cents"] = receipts_cents if type(receipts_cents) is not str \
            else _money(receipts_cents)


@dataclasses.dataclass(frozen=True, init=False)
class Graduation(_Value):
    """A graduation from an Officer Institute 1.0 the officer claims (P1).

    Args:
        site: a city ("Toronto", "Denver, CO") or the id of a 1.0 session of
            the policy's catalogue ("OI-2017-MD").
        date: the day of graduation (a date or ISO text), or None when undated.
    """

    site: str
    date: Optional[datetime.date] = None

    def __init__(self, site: str, date: Optional[DateLike] = None) -> None:
        d = self.__dict__
        d["site"] = site
        d["date"] = _date(date)


@dataclasses.dataclass(frozen=True, init=False)
class Officer(_Value):
    """An officer of a local.

    Args:
        id: the stable identity that counts subsidies per officer (S9).
        name: optional.
        office: the :class:`Office` held now (P2 reads the current office),
            or its text ("Secretary-Treasurer").
        graduations: the graduations claimed (P1): :class:`Graduation`
            values, or sites as plain strings (undated).
    """

    id: str
    name: Optional[str] = None
    office: Office = Office.NONE
    graduations: Tuple[Graduation, ...] = ()

    def __init__(self, id: str, name: Optional[str] = None,
                 office: Union[Office, str, int] = Office.NONE,
                 graduations: Iterable[Union[Graduation, str]] = ()) -> None:
        d = self.__dict__
        d["id"] = id
        d["name"] = name
        d["office"] = _member(Office, office)
        if graduations and not isinstance(graduations, (str, bytes, Mapping)):
            try:
                graduations = tuple(Graduation(g) if isinstance(g, str) else
                                    Graduation(**g) if isinstance(g, Mapping) else g
                                    for g in graduations)
            except TypeError:
                pass      # not iterable: the library names it
        elif not graduations and not isinstance(graduations, (str, bytes)):
            graduations = ()
        d["graduations"] = graduations


@dataclasses.dataclass(frozen=True, init=False)
class Application(_Value):
    """An officer's regular application to a course at a session (E1, P1, P2)."""

    session_id: str
    course_id: str
    local: Local
    officer: Officer

    _DOC = {"session_id": "session", "course_id": "course"}

    def __init__(self, session_id: str, course_id: str, local: Local, officer: Officer) -> None:
        d = self.__dict__
        d["session_id"] = session_id
        d["course_id"] = course_id
        d["local"] = local
        d["officer"] = officer

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Application":
        """The application of a dict as :meth:`to_dict` makes it."""
        d = dict(d)
        d["local"] = Local.from_dict(d["local"])
        d["officer"] = Officer.from_dict(d["officer"])
        d.pop("id", None)           # a document's application id is the batch's
        return _Value.from_dict.__func__(cls, d)  # type: ignore[attr-defined]


@dataclasses.dataclass(frozen=True, init=False)
class SubsidyRequest(_Value):
    """A request for a hotel subsidy (S1-S11).

    Args:
        id: the request's id; required by a :class:`Ledger` (which names
            requests by it), may be None for a stateless check.
        session_id: the 1.0 session applied to.
        local, officer: who asks (values, or dicts of their fields).
        received: when the request was received: a naive
            ``datetime.datetime`` (local time of the office; to the second),
            a ``datetime.date`` (midnight) or ISO text
            ("2017-06-01T09:30:00", "2017-06-01 9:30"). Only the day counts
            for the deadline (S6); the time orders requests (S4).
        nights: nights of lodging requested (S3 pays up to the policy's most).
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

    _DOC = {"session_id": "session"}
    attested: bool
    with_application: bool
    application_signed: bool
    request_signed: bool

    def __init__(self, id: Optional[str], session_id: str, local: Local, officer: Officer,
                 received: MomentLike, nights: int, attested: bool, with_application: bool,
                 application_signed: bool, request_signed: bool) -> None:
        d = self.__dict__
        d["id"] = id
        d["session_id"] = session_id
        d["local"] = local
        d["officer"] = officer
        d["received"] = received if type(received) is _DT and not received.microsecond \
            else _moment(received)
        d["nights"] = nights
        d["attested"] = attested
        d["with_application"] = with_application
        d["application_signed"] = application_signed
        d["request_signed"] = request_signed

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "SubsidyRequest":
        """The request of a dict as :meth:`to_dict` makes it: an element of
        a requests document (the form :func:`check_subsidy_many` and
        :meth:`Ledger.submit_many` also read directly)."""
        kw = dict(d)
        kw["local"] = Local.from_dict(kw["local"])
        kw["officer"] = Officer.from_dict(kw["officer"])
        if "session" in kw:
            kw["session_id"] = kw.pop("session")
        return cls(**kw)


@dataclasses.dataclass(frozen=True, init=False)
class PolicyNumbers(_Value):
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
            this (2017: 25,000,000 cents, "$250,000.00").
    """

    year: int
    seats_per_session: int
    local_cap_per_year: int
    deadline_weeks: int
    max_nights: int
    canada_threshold_cents: int

    def to_dict(self) -> Dict[str, Any]:
        """The numbers as a policy document writes them (cents as integers)."""
        return dataclasses.asdict(self)

    def __init__(self, year: int, seats_per_session: int, local_cap_per_year: int,
                 deadline_weeks: int, max_nights: int, canada_threshold_cents: Money) -> None:
        _set(self, year=year, seats_per_session=seats_per_session,
             local_cap_per_year=local_cap_per_year, deadline_weeks=deadline_weeks,
             max_nights=max_nights, canada_threshold_cents=_money(canada_threshold_cents))


@dataclasses.dataclass(frozen=True, init=False)
class Course(_Value):
    """A course of a policy's catalogue; ``kind`` a :class:`CourseKind` or its text."""

    id: str
    title: str
    kind: CourseKind

    def __init__(self, id: str, title: str, kind: Union[CourseKind, str, int]) -> None:
        _set(self, id=id, title=title, kind=_member(CourseKind, kind))


@dataclasses.dataclass(frozen=True, init=False)
class Session(_Value):
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
        first_day, last_day: ``datetime.date`` (or ISO text).
        countries: frozenset of :class:`Country` admitted (E1).
        courses: ids of the courses offered.
        own_seats: the session's own subsidy seats, or None (see above).
    """

    id: str
    place: str
    hotel: Optional[str]
    first_day: datetime.date
    last_day: datetime.date
    countries: FrozenSet[Country]
    courses: Tuple[str, ...]
    seats: Optional[int] = dataclasses.field(default=None, compare=False)
    subsidy_deadline: Optional[datetime.date] = dataclasses.field(default=None, compare=False)
    own_seats: Optional[int] = None

    _DOC = {"own_seats": "seats"}

    def __init__(self, id: str, place: str, hotel: Optional[str], first_day: DateLike,
                 last_day: DateLike, countries: Iterable[Union[Country, str, int]],
                 courses: Iterable[str], seats: Optional[int] = None,
                 subsidy_deadline: Optional[DateLike] = None,
                 own_seats: Optional[int] = None) -> None:
        if isinstance(countries, (str, int)):
            countries = (countries,)
        try:
            countries = frozenset(_member(Country, c) for c in countries)
        except TypeError:
            pass          # not iterable: the library names it
        if not isinstance(courses, (str, bytes)):
            try:
                courses = tuple(courses)
            except TypeError:
                pass
        _set(self, id=id, place=place, hotel=hotel, first_day=_date(first_day),
             last_day=_date(last_day), countries=countries, courses=courses, seats=seats,
             subsidy_deadline=_date(subsidy_deadline), own_seats=own_seats)

    @property
    def countries_mask(self) -> int:
        """The countries as the C library's bit mask."""
        mask = 0
        for c in self.countries:
            mask |= c.bit
        return mask

    @property
    def days(self) -> Tuple[datetime.date, ...]:
        """Every day of the session, first to last (for check_graduation)."""
        n = (self.last_day - self.first_day).days + 1
        return tuple(self.first_day + datetime.timedelta(days=i) for i in range(max(n, 0)))


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

    payers: Mapping[CostItem, Payer]
    subsidy_nights: int
    local_nights: int
    subsidy_hotel_cents: int
    local_hotel_cents: int

    def payer(self, item: Union[CostItem, int]) -> Payer:
        """Who pays a :class:`CostItem`."""
        return self.payers[CostItem(item)]

    def __reduce__(self) -> Any:
        return (_cost_split, (tuple(self.payers.values()), self.subsidy_nights,
                              self.local_nights, self.subsidy_hotel_cents,
                              self.local_hotel_cents))


def _cost_split(payers: Tuple[int, ...], subsidy_nights: int, local_nights: int,
                subsidy_cents: int, local_cents: int) -> CostSplit:
    mapping = types.MappingProxyType({CostItem(i): Payer(p) for i, p in enumerate(payers)})
    return _make(CostSplit, payers=mapping, subsidy_nights=subsidy_nights,
                 local_nights=local_nights, subsidy_hotel_cents=subsidy_cents,
                 local_hotel_cents=local_cents)
