"""The policy: courses, sessions, prior sites and the numbers of a year."""

import os

from . import _officerinst_c as _c
from ._enums import Country, CourseKind
from ._errors import _closed, error_class
from ._values import (Course, PolicyNumbers, Session, _date_from_c, _make, _str,
                      _type_error, _ID_MAX, _NAME_MAX)

__all__ = ["Policy", "PolicyBuilder"]


class Policy:
    """An immutable policy of the Officer Institute (the C oi_policy).

    Make one with :meth:`builtin`, :meth:`load`, :meth:`from_json`,
    :meth:`build` or a :class:`PolicyBuilder`. A policy never changes, so
    it may be shared freely (also between threads).

    :meth:`close` (or leaving a ``with`` block) releases it; afterwards
    every use raises :class:`officerinst.StateError`. The C object itself
    is freed at once, or, if ledgers made on the policy are still open,
    when the last of them is closed: a ledger never outlives what it
    points into.
    """

    __slots__ = ("_h", "_key", "_cache", "__weakref__")

    def __init__(self, *args, **kwargs):
        raise TypeError("use Policy.builtin(), Policy.load(), Policy.from_json(), "
                        "Policy.build() or PolicyBuilder to make a Policy")

    @classmethod
    def _wrap(cls, handle):
        obj = object.__new__(cls)
        obj._h = handle
        obj._key = (_c.policy_id(handle), _c.policy_digest(handle))
        obj._cache = {}
        return obj

    # --- making ---------------------------------------------------------

    @classmethod
    def builtin(cls, year=2017):
        """The built-in policy of a year (only 2017 is built in).

        Raises:
            NotFound: no policy is built in for that year.
        """
        if isinstance(year, bool) or not isinstance(year, int):
            raise _type_error("year", "an int", year)
        return cls._wrap(_c.policy_builtin(year))

    @classmethod
    def load(cls, path):
        """Load a policy document (JSON) from a file.

        Args:
            path: str, bytes or os.PathLike.
        Raises:
            FileError: the file cannot be read.
            ParseError, SchemaError: the document is not a valid policy;
                ``line``, ``column`` and ``path`` say where.
        """
        return cls._wrap(_c.policy_load(os.fspath(path)))

    @classmethod
    def from_json(cls, text):
        """Load a policy from a JSON text (str or bytes)."""
        if not isinstance(text, (str, bytes, bytearray, memoryview)):
            raise _type_error("text", "a str or bytes", text)
        return cls._wrap(_c.policy_from_json(text))

    @classmethod
    def build(cls, id, numbers, courses=(), sessions=(), prior_sites=()):
        """Build a policy from values: the numbers, :class:`Course`\\ s,
        :class:`Session`\\ s (in that order, since sessions name courses) and
        prior sites (P1). See :class:`PolicyBuilder` for the errors."""
        with PolicyBuilder(id, numbers) as b:
            for c in courses:
                b.add_course(c)
            for s in sessions:
                b.add_session(s)
            for site in prior_sites:
                b.add_prior_site(site)
            return b.build()

    # --- life cycle -----------------------------------------------------

    def _handle(self):
        h = self._h
        if h is None:
            raise _closed("policy")
        return h

    @property
    def closed(self):
        """True once :meth:`close` was called."""
        return self._h is None

    def close(self):
        """Release the policy now (see the class documentation). Closing
        twice is harmless."""
        self._h = None
        self._cache = {}

    def __enter__(self):
        self._handle()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    # --- reading --------------------------------------------------------

    def _cached(self, key, make):
        h = self._handle()
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = make(h)
            return value

    @property
    def id(self):
        """The policy's id, e.g. ``"iatse-officer-institute-2017"``."""
        self._handle()
        return self._key[0]

    @property
    def digest(self):
        """16 hex digits over every field: two policies with the same digest
        decide every request alike."""
        self._handle()
        return self._key[1]

    @property
    def numbers(self):
        """The :class:`PolicyNumbers` of the year (U3)."""
        return self._cached("numbers", lambda h: PolicyNumbers(*_c.policy_numbers(h)))

    @property
    def year(self):
        """The policy year: the policy's label (its sessions may begin in
        other years)."""
        return self.numbers.year

    @property
    def courses(self):
        """The catalogue: a tuple of :class:`Course`."""
        def make(h):
            out = []
            for i in range(_c.policy_course_count(h)):
                cid, title, kind = _c.policy_course(h, i)
                out.append(_make(Course, id=cid, title=title, kind=CourseKind(kind)))
            return tuple(out)
        return self._cached("courses", make)

    @property
    def sessions(self):
        """The sessions: a tuple of :class:`Session`, with their seats (own
        or the policy's) and subsidy deadlines. They may begin in several
        calendar years."""
        def make(h):
            out = []
            for t in _c.policy_sessions(h):
                sid, place, hotel, first, last, mask, courses, seats, deadline, own = t
                countries = frozenset(c for c in Country if mask & c.bit)
                out.append(_make(Session, id=sid, place=place, hotel=hotel,
                                 first_day=_date_from_c(first), last_day=_date_from_c(last),
                                 countries=countries, courses=courses, seats=seats,
                                 subsidy_deadline=_date_from_c(deadline) if seats else None,
                                 own_seats=own))
            return tuple(out)
        return self._cached("sessions", make)

    @property
    def prior_sites(self):
        """The prior sites of the Officer Institute on record (P1)."""
        return self._cached("sites", lambda h: tuple(
            _c.policy_prior_site(h, i) for i in range(_c.policy_prior_site_count(h))))

    def session(self, session_id):
        """The :class:`Session` of that id.

        Raises:
            NotFound: no such session.
        """
        for s in self.sessions:
            if s.id == session_id:
                return s
        raise error_class(_c.OI_ENOTFOUND)(
            "no session %r in policy %r" % (session_id, self.id), path="session_id")

    def course(self, course_id):
        """The :class:`Course` of that id.

        Raises:
            NotFound: no such course.
        """
        for c in self.courses:
            if c.id == course_id:
                return c
        raise error_class(_c.OI_ENOTFOUND)(
            "no course %r in policy %r" % (course_id, self.id), path="course_id")

    # --- documents ------------------------------------------------------

    def to_json(self):
        """The policy as a JSON document (str) that loads back to a policy
        with the same digest."""
        return _c.policy_to_json(self._handle())

    def save(self, path):
        """Write the policy document to a file, atomically (a crash leaves
        the old file or the new one; a new file gets mode 0600)."""
        _c.policy_save(self._handle(), os.fspath(path))

    # --- Python protocols ----------------------------------------------

    def __eq__(self, other):
        """Open policies with the same id and digest are equal (they decide
        alike); a closed policy equals only itself."""
        if not isinstance(other, Policy):
            return NotImplemented
        if self is other:
            return True
        if self.closed or other.closed:
            return False
        return self._key == other._key

    def __hash__(self):
        return hash(self._key)

    def __reduce__(self):
        return (Policy.from_json, (self.to_json(),))

    def __repr__(self):
        if self.closed:
            return "<Policy (closed)>"
        return "<Policy %r year %d, %d sessions, digest %s>" % (
            self.id, self.year, len(self.sessions), self.digest)


class PolicyBuilder:
    """Builds a :class:`Policy` piece by piece (the C oi_policy_builder).

    Example::

        with PolicyBuilder("my-2018", PolicyNumbers(2018, 10, 2, 6, 5, 25_000_000)) as b:
            b.add_course(Course("OI-1.0", "Officer Institute 1.0", CourseKind.INSTITUTE))
            b.add_session(Session("OI-2018-MD", "Linthicum Heights, MD", "Hotel",
                                  date(2018, 2, 12), date(2018, 2, 16),
                                  {Country.US}, ("OI-1.0",)))
            b.add_prior_site("Toronto")
            policy = b.build()

    Every ``add_*`` checks what it is given and raises at once
    (InvalidArgument, DateError, AlreadyExists, NotFound for a course not
    yet added, LimitError); it returns the builder, so calls chain. The
    builder may build more than once.
    """

    __slots__ = ("_h",)

    def __init__(self, id, numbers):
        _str(id, "id", _ID_MAX)
        if not isinstance(numbers, PolicyNumbers):
            raise _type_error("numbers", "a PolicyNumbers", numbers)
        self._h = _c.builder_new(id, numbers._c)

    def _handle(self):
        if self._h is None:
            raise _closed("builder")
        return self._h

    def add_course(self, course, title=None, kind=None):
        """Add a :class:`Course` (or ``add_course(id, title, kind)``)."""
        if not isinstance(course, Course):
            if title is None or kind is None:
                raise _type_error("course", "a Course", course)
            course = Course(course, title, kind)
        _c.builder_add_course(self._handle(), course._c)
        return self

    def add_session(self, session):
        """Add a :class:`Session`; every course it offers must be added first."""
        if not isinstance(session, Session):
            raise _type_error("session", "a Session", session)
        _c.builder_add_session(self._handle(), session._c)
        return self

    def add_prior_site(self, site):
        """Add a prior site of the Officer Institute (P1), e.g. "Toronto"."""
        _str(site, "site", _NAME_MAX)
        _c.builder_add_prior_site(self._handle(), site)
        return self

    def build(self):
        """Make the :class:`Policy` of what was added so far."""
        return Policy._wrap(_c.builder_build(self._handle()))

    @property
    def closed(self):
        """True once :meth:`close` was called."""
        return self._h is None

    def close(self):
        """Free the builder now; closing twice is harmless."""
        self._h = None

    def __enter__(self):
        self._handle()
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def __repr__(self):
        return "<PolicyBuilder%s>" % (" (closed)" if self.closed else "")
