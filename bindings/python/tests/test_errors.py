"""Every C status becomes its exception, with message, path, line, column,
element index and field; wrong types raise WrongType (a TypeError); nothing
returns a status code."""

import datetime
import os
import pickle
import tempfile
import unittest

import officerinst as oi
from officerinst import _officerinst_c as _c

import support

EXPECTED = {
    oi.Status.EINVAL: (oi.InvalidArgument, ValueError),
    oi.Status.EDATE: (oi.DateError, ValueError),
    oi.Status.ENOTFOUND: (oi.NotFound, LookupError),
    oi.Status.EEXISTS: (oi.AlreadyExists, ValueError),
    oi.Status.ENOMEM: (oi.OutOfMemory, MemoryError),
    oi.Status.ESTATE: (oi.StateError, oi.Error),
    oi.Status.EPARSE: (oi.ParseError, oi.DocumentError),
    oi.Status.ESCHEMA: (oi.SchemaError, oi.DocumentError),
    oi.Status.EMISMATCH: (oi.PolicyMismatch, ValueError),
    oi.Status.ELIMIT: (oi.LimitError, ValueError),
    oi.Status.EIO: (oi.FileError, OSError),
}


class MappingTest(unittest.TestCase):
    """The table: each status has its class, which carries the error's parts."""

    def test_every_status_has_its_class(self):
        self.assertEqual(set(EXPECTED), set(oi.Status) - {oi.Status.OK})
        for status, (cls, base) in EXPECTED.items():
            with self.subTest(status=status.name):
                self.assertIs(oi._errors.error_class(status), cls)
                e = cls("what was wrong", status=status, path="sessions[2].first_day",
                        line=7, column=12, index=2, field="first_day", expected="date")
                self.assertIs(type(e), cls)
                self.assertIsInstance(e, oi.Error)
                self.assertIsInstance(e, base)
                self.assertEqual(e.status, status)
                self.assertIsInstance(e.status, oi.Status)
                self.assertEqual(e.message, "what was wrong")
                self.assertEqual(e.path, "sessions[2].first_day")
                self.assertEqual((e.line, e.column, e.index, e.field, e.expected),
                                 (7, 12, 2, "first_day", "date"))
                self.assertEqual(str(e), "sessions[2].first_day: what was wrong (line 7, column 12)")

    def test_without_path_or_position(self):
        e = oi.NotFound("no such thing")
        self.assertEqual(str(e), "no such thing")
        self.assertEqual(e.path, "")
        self.assertIsNone(e.index)

    def test_path_named_once(self):
        # Document errors name the path in their message already.
        e = oi.SchemaError("numbers.year: expected an integer", path="numbers.year", line=3,
                           column=5)
        self.assertEqual(str(e), "numbers.year: expected an integer (line 3, column 5)")

    def test_unknown_status_is_still_an_error(self):
        e = oi.Error("from the future", status=-99)
        self.assertEqual(e.status, -99)
        self.assertIn("from the future", str(e))

    def test_status_text(self):
        self.assertEqual(str(oi.Status.EINVAL), "OI_EINVAL")
        self.assertIs(oi.Status("EINVAL"), oi.Status.EINVAL)
        self.assertIs(oi.Status("oi_enotfound"), oi.Status.ENOTFOUND)
        self.assertEqual(oi.Status.ELIMIT.description, "limit exceeded")

    def test_errors_pickle(self):
        e = oi.SchemaError("bad", path="a.b", line=3, column=4)
        f = pickle.loads(pickle.dumps(e))
        self.assertIs(type(f), oi.SchemaError)
        self.assertEqual((f.message, f.path, f.line, f.column, f.status),
                         ("bad", "a.b", 3, 4, oi.Status.ESCHEMA))

    def test_made_in_python(self):
        e = oi.InvalidArgument("district 14 is outside 1..13 (U1)", path="local.district")
        self.assertEqual(e.status, oi.Status.EINVAL)
        self.assertEqual(repr(e), "InvalidArgument('district 14 is outside 1..13 (U1)', "
                                  "path='local.district', line=0, column=0)")
        self.assertEqual(repr(eval(repr(e), vars(oi))), repr(e))


class RealErrorsTest(unittest.TestCase):
    """Each status, triggered through the real library."""

    def setUp(self):
        self.policy = oi.Policy.builtin(2017)

    def tearDown(self):
        self.policy.close()

    def test_einval(self):
        # C1 governs the 1.0's certificate: a 2.0 session is not a question for it.
        with self.assertRaises(oi.InvalidArgument) as cm:
            oi.check_graduation(self.policy, "ADV-2017-MD", [datetime.date(2017, 2, 22)])
        self.assertEqual(cm.exception.path, "session_id")
        self.assertIn('session "ADV-2017-MD" gives no Officer Institute 1.0',
                      cm.exception.message)
        with oi.Ledger(self.policy) as ledger:
            with self.assertRaises(oi.InvalidArgument) as cm:
                ledger.submit(support.request(None))
        self.assertEqual(cm.exception.path, "request.id")
        self.assertIn("the id is required", cm.exception.message)

    def test_edate(self):
        with self.assertRaises(oi.DateError) as cm:
            oi.check_graduation(self.policy, "OI-2017-MD", ["2017-02-30"])
        self.assertEqual(cm.exception.path, "attended[0]")
        self.assertIn("no day 30", cm.exception.message)

    def test_enotfound(self):
        with self.assertRaises(oi.NotFound) as cm:
            oi.Policy.builtin(2016)
        self.assertEqual(cm.exception.path, "year")
        self.assertIn("no built-in policy for 2016", str(cm.exception))
        with self.assertRaises(LookupError) as cm:
            oi.check_subsidy(self.policy, support.request(session_id="OI-2016-XX"))
        self.assertEqual(cm.exception.path, "request.session_id")

    def test_eexists(self):
        with oi.Ledger(self.policy) as ledger:
            ledger.submit(support.request("dup"))
            with self.assertRaises(oi.AlreadyExists) as cm:
                ledger.submit(support.request("dup"))
        self.assertEqual(cm.exception.message, 'request "dup" is already entered')

    def test_estate(self):
        with oi.Ledger(self.policy) as ledger:
            ledger.submit(support.request("late", received=datetime.date(2017, 9, 30)))
            with self.assertRaises(oi.StateError) as cm:
                ledger.withdraw("late")
        self.assertEqual(cm.exception.message, 'request "late" is refused: nothing to withdraw')

    def test_eparse_with_line_and_column(self):
        with self.assertRaises(oi.ParseError) as cm:
            oi.Policy.from_json('{\n  "format": "officerinst-policy",\n  "version": 1,,\n}')
        e = cm.exception
        self.assertEqual(e.line, 3)
        self.assertGreater(e.column, 0)
        self.assertIsInstance(e, oi.DocumentError)
        self.assertIsInstance(e, ValueError)

    def test_eschema_with_path(self):
        text = self.policy.to_json().replace('"max_nights": 5', '"max_nights": "five"')
        with self.assertRaises(oi.SchemaError) as cm:
            oi.Policy.from_json(text)
        e = cm.exception
        self.assertEqual(e.path, "numbers.max_nights")
        self.assertGreater(e.line, 1)
        self.assertGreater(e.column, 0)
        self.assertIn("line %d" % e.line, str(e))

    def test_emismatch(self):
        other = oi.Policy.build("another-policy", self.policy.numbers, self.policy.courses,
                                self.policy.sessions, self.policy.prior_sites)
        with oi.Ledger(self.policy) as ledger:
            snapshot = ledger.to_json()
        with self.assertRaises(oi.PolicyMismatch) as cm:
            oi.Ledger.from_json(other, snapshot)
        self.assertIn("another-policy", str(cm.exception) + self.policy.id)

    def test_elimit(self):
        with self.assertRaises(oi.LimitError) as cm:
            oi.cost_split(self.policy, 10, 5, 2 ** 62)
        self.assertEqual(cm.exception.path, "stay.nightly_rate_cents")

    def test_eio(self):
        missing = os.path.join(tempfile.gettempdir(), "no-such-dir-officerinst", "p.json")
        with self.assertRaises(oi.FileError) as cm:
            oi.Policy.load(missing)
        self.assertIsInstance(cm.exception, OSError)
        self.assertIn("no-such-dir-officerinst", cm.exception.message)


class TypeErrorTest(unittest.TestCase):
    """Wrong types are TypeError, before anything reaches C."""

    def setUp(self):
        self.policy = oi.Policy.builtin(2017)

    def test_public_api(self):
        p = self.policy
        cases = [
            lambda: oi.Policy.builtin("2017"),
            lambda: oi.Policy.builtin(True),
            lambda: oi.Policy.from_json(42),
            lambda: oi.Policy.load(None),
            lambda: oi.check_subsidy(p, "a request"),
            lambda: oi.check_subsidy("a policy", support.request()),
            lambda: oi.check_subsidy_many(p, [support.request(), None]),
            lambda: oi.check_subsidy_many(p, 42),
            lambda: oi.check_enrollment(p, support.request()),
            lambda: oi.check_graduation(p, "OI-2017-MD", [20170213]),
            lambda: oi.check_graduation(p, 42, []),
            lambda: oi.cost_split(p, 5.0, 5, 100),
            lambda: oi.cost_split(p, 5, 5, 100.0),
            lambda: oi.Ledger("policy"),
            lambda: oi.Ledger(p).submit(42),
            lambda: oi.Ledger(p).submit_many([support.request(), "x"]),
            lambda: oi.Ledger(p).withdraw(7),
            lambda: oi.Ledger(p).get(7),
            lambda: oi.Ledger(p).session_entries("OI-2017-MD", 1.5),
            lambda: oi.Ledger(p).local_awards("728", 2017),
            lambda: oi.Ledger.from_json(p, 3.5),
            lambda: oi.PolicyBuilder("x", (2018, 10, 2, 6, 5, 0)),
            lambda: oi.Policy(),
        ]
        for i, case in enumerate(cases):
            with self.subTest(case=i):
                with self.assertRaises(TypeError) as cm:
                    case()
                # The package's own exception, naming the argument; only
                # Policy() itself is Python's (there is nothing to name).
                if i != len(cases) - 1:
                    self.assertIsInstance(cm.exception, oi.WrongType)
                    self.assertTrue(cm.exception.path, repr(cm.exception))

    def test_low_level_module_checks_too(self):
        h = self.policy._handle()
        self.assertRaises(TypeError, _c.policy_id, "handle")
        self.assertRaises(oi.WrongType, _c.check_subsidy, h, "not a request")
        self.assertRaises(oi.WrongType, _c.check_subsidy, h, (1, 2, 3))
        self.assertRaises(oi.WrongType, _c.check_subsidy_many, h, 42)
        self.assertRaises(TypeError, _c.policy_builder_add_course, "handle", {"id": "x"})
        self.assertRaises(oi.InvalidArgument, _c.policy_builtin, 2 ** 40)
        request = support.request().to_dict()
        self.assertRaises(oi.WrongType, _c.check_subsidy, h, dict(request, nights="five"))
        self.assertRaises(oi.InvalidArgument, _c.check_subsidy, h, dict(request, id="r\0"))


if __name__ == "__main__":
    unittest.main()
