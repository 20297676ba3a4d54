"""The policy: courses, sessions, prior sites and the numbers of a year."""

import os
from typing import Any, Dict, Iterable, Mapping, Optional, Tuple, Union

from . import _officerinst_c as _c
from ._enums import Country, CourseKind, _enum
from ._errors import _closed, _wrong_type
from ._values import Course, PolicyNumbers, Session, _make

__all__ = ["Policy", "PolicyBuilder"]

PathLike = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]
Text = Union[str, bytes, bytearray, memoryview]
_S = _c.fields("session")


def _policy_handle(policy: Any) -> Any:
    """The C handle of a Policy (StateError once closed)."""
    try:
        h = policy._h
    except AttributeError:
        raise _wrong_type("policy", "a Policy", policy) from None
    if h is None:
        raise _closed("policy")
    return h


class Policy:
    """An immutable policy of the Officer Institute (the C oi_policy).

    Make one with :meth:`builtin`, :meth:`load`, :meth:`from_json`,
    :meth:`build` or a :class:`PolicyBuilder`. A policy never changes, so
    it may be shared freely, also between threads.

    :meth:`close` (or leaving a ``with`` block) releases it; afterwards
    every use raises :class:`officerinst.StateError`. The C object itself
    is freed at once, or, if ledgers or decisions made on the policy still
    point into it, when the last of them goes: nothing outlives what it
    points into. A Policy pickles and copies as its JSON document.
    """

    __slots__ = ("_h", "_key", "_cache", "__weakref__")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("use Policy.builtin(), Policy.load(), Policy.from_json(), "
                        "Policy.build() or PolicyBuilder to make a Policy")

    @classmethod
    def _wrap(cls, handle: Any) -> "Policy":
        obj = object.__new__(cls)
        obj._h = handle
        obj._key = (_c.policy_id(handle), _c.policy_digest(handle))
        obj._cache = {}
        return obj

    @classmethod
    def builtin(cls, year: int = 2017) -> "Policy":
        """The built-in policy of a year (only 2017 is built in).

        Raises:
            NotFound: no policy is built in for that year.
        """
        return cls._wrap(_c.policy_builtin(year))

    @classmethod
    def load(cls, path: PathLike) -> "Policy":
        """Load a policy document (JSON) from a file (str, bytes or os.PathLike).

        Raises:
            FileError: the file cannot be read.
            ParseError, SchemaError: the document is not a valid policy;
                ``line``, ``column`` and ``path`` say where.
        """
        return cls._wrap(_c.policy_load(path))

    @classmethod
    def from_json(cls, text: Text) -> "Policy":
        """Load a policy from a JSON text (str or bytes)."""
        return cls._wrap(_c.policy_from_json(text))

    @classmethod
    def build(cls, id: str, numbers: Union[PolicyNumbers, Mapping[str, Any]],
              courses: Iterable[Any] = (), sessions: Iterable[Any] = (),
              prior_sites: Iterable[str] = ()) -> "Policy":
        """Build a policy from values (or dicts of their fields): the numbers,
        :class:`Course`\\ s, :class:`Session`\\ s (in that order, since sessions
        name courses) and prior sites (P1). See :class:`PolicyBuilder`."""
        with PolicyBuilder(id, numbers) as b:
            for c in courses:
                b.add_course(c)
            for s in sessions:
                b.add_session(s)
            for site in prior_sites:
                b.add_prior_site(site)
            return b.build()

    def _handle(self) -> Any:
        h = self._h
        if h is None:
            raise _closed("policy")
        return h

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._h is None

    def close(self) -> None:
        """Release the policy now (see the class documentation). Closing
        twice is harmless."""
        self._h = None
        self._cache = {}

    def __enter__(self) -> "Policy":
        self._handle()
        return self

    def __exit__(self, *exc: Any) -> bool:
        self.close()
        return False

    def _cached(self, key: str, make: Any) -> Any:
        h = self._handle()
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = make(h)
            return value

    @property
    def id(self) -> str:
        """The policy's id, e.g. ``"iatse-officer-institute-2017"``."""
        self._handle()
        return self._key[0]

    @property
    def digest(self) -> str:
        """16 hex digits over every field: two policies with the same digest
        decide every request alike."""
        self._handle()
        return self._key[1]

    @property
    def numbers(self) -> PolicyNumbers:
        """The :class:`PolicyNumbers` of the year (U3)."""
        return self._cached("numbers", lambda h: PolicyNumbers(*_c.policy_get_numbers(h)))

    @property
    def year(self) -> int:
        """The policy year: the policy's label (its sessions may begin in
        other years)."""
        return self.numbers.year

    @property
    def courses(self) -> Tuple[Course, ...]:
        """The catalogue: a tuple of :class:`Course`."""
        def make(h: Any) -> Tuple[Course, ...]:
            return tuple(_make(Course, id=cid, title=title, kind=_enum(CourseKind, kind))
                         for cid, title, kind in (_c.policy_course(h, i)
                                                  for i in range(_c.policy_course_count(h))))
        return self._cached("courses", make)

    @property
    def sessions(self) -> Tuple[Session, ...]:
        """The sessions: a tuple of :class:`Session`, with their seats (own
        or the policy's) and subsidy deadlines. They may begin in several
        calendar years."""
        def make(h: Any) -> Tuple[Session, ...]:
            out = []
            for i in range(_c.policy_session_count(h)):
                s: Dict[str, Any] = dict(zip(_S, _c.policy_session(h, i)))
                mask = s["countries"]
                s["countries"] = frozenset(c for c in Country if mask & c.bit)
                s["seats"] = seats = _c.policy_session_seats(h, i)
                s["subsidy_deadline"] = _c.policy_subsidy_deadline(h, i) if seats else None
                out.append(_make(Session, **s))
            return tuple(out)
        return self._cached("sessions", make)

    @property
    def prior_sites(self) -> Tuple[str, ...]:
        """The prior sites of the Officer Institute on record (P1)."""
        return self._cached("sites", lambda h: tuple(
            _c.policy_prior_site(h, i) for i in range(_c.policy_prior_site_count(h))))

    def session(self, session_id: str) -> Session:
        """The :class:`Session` of that id.

        Raises:
            NotFound: no such session (the message says which was meant).
        """
        return self.sessions[_c.policy_find_session(self._handle(), session_id)]

    def course(self, course_id: str) -> Course:
        """The :class:`Course` of that id.

        Raises:
            NotFound: no such course.
        """
        return self.courses[_c.policy_find_course(self._handle(), course_id)]

    def to_json(self) -> str:
        """The policy as a JSON document (str) that loads back to a policy
        with the same digest."""
        return _c.policy_to_json(self._handle())

    def save(self, path: PathLike) -> None:
        """Write the policy document to a file, atomically (a crash leaves
        the old file or the new one; a new file gets mode 0600)."""
        _c.policy_save(self._handle(), path)

    def __eq__(self, other: object) -> bool:
        """Open policies with the same id and digest are equal (they decide
        alike); a closed policy equals only itself."""
        if not isinstance(other, Policy):
            return NotImplemented
        if self is other:
            return True
        if self.closed or other.closed:
            return False
        return self._key == other._key

    def __hash__(self) -> int:
        return hash(self._key)

    def __reduce__(self) -> Any:
        return (Policy.from_json, (self.to_json(),))

    def __repr__(self) -> str:
        if self.closed:
            return "<Policy (closed)>"
        return "<Policy %r year %d, %d sessions, digest %s>" % (
            self.id, self.year, len(self.sessions), self.digest)


class PolicyBuilder:
    """Builds a :class:`Policy` piece by piece (the C oi_policy_builder).

    Example::

        with PolicyBuilder("my-2018", PolicyNumbers(2018, 10, 2, 6, 5, "$250,000")) as b:
            b.add_course(Course("OI-1.0", "Officer Institute 1.0", "institute"))
            b.add_session(Session("OI-2018-MD", "Linthicum Heights, MD", "Hotel",
                                  "2018-02-12", "2018-02-16", {"US"}, ("OI-1.0",)))
            b.add_prior_site("Toronto")
            policy = b.build()

    Every ``add_*`` hands what it is given to the library, which checks it and
    raises at once (InvalidArgument, DateError, AlreadyExists, NotFound for a
    course not yet added, LimitError); it returns the builder, so calls chain.
    The builder may build more than once.
    """

    __slots__ = ("_h",)

    def __init__(self, id: str, numbers: Union[PolicyNumbers, Mapping[str, Any]]) -> None:
        self._h = _c.policy_builder_new(id, numbers)

    def _handle(self) -> Any:
        if self._h is None:
            raise _closed("builder")
        return self._h

    def add_course(self, course: Any, title: Optional[str] = None,
                   kind: Any = None) -> "PolicyBuilder":
        """Add a :class:`Course` (or a dict of its fields, or
        ``add_course(id, title, kind)``)."""
        if title is not None or kind is not None:
            course = Course(course, title, kind)  # type: ignore[arg-type]
        _c.policy_builder_add_course(self._handle(), course)
        return self

    def add_session(self, session: Any) -> "PolicyBuilder":
        """Add a :class:`Session` (or a dict of its fields); every course it
        offers must be added first."""
        _c.policy_builder_add_session(self._handle(), session)
        return self

    def add_prior_site(self, site: str) -> "PolicyBuilder":
        """Add a prior site of the Officer Institute (P1), e.g. "Toronto"."""
        _c.policy_builder_add_prior_site(self._handle(), site)
        return self

    def build(self) -> Policy:
        """Make the :class:`Policy` of what was added so far."""
        return Policy._wrap(_c.policy_builder_build(self._handle()))

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._h is None

    def close(self) -> None:
        """Free the builder now; closing twice is harmless."""
        self._h = None

    def __enter__(self) -> "PolicyBuilder":
        self._handle()
        return self

    def __exit__(self, *exc: Any) -> bool:
        self.close()
        return False

    def __repr__(self) -> str:
        return "<PolicyBuilder%s>" % (" (closed)" if self.closed else "")
