"""Policy and PolicyBuilder: reading, building, closing."""

import datetime
import gc
import unittest
import weakref

import officerinst as oi

D = datetime.date


class BuiltinTest(unittest.TestCase):

    def setUp(self):
        self.policy = oi.Policy.builtin(2017)

    def tearDown(self):
        self.policy.close()

    def test_identity(self):
        p = self.policy
        self.assertEqual(p.id, "iatse-officer-institute-2017")
        self.assertRegex(p.digest, r"^[0-9a-f]{16}$")
        self.assertEqual(p.year, 2017)
        self.assertEqual(p.numbers, oi.PolicyNumbers(2017, 10, 2, 6, 5, 25000000))
        self.assertEqual(oi.Policy.builtin().digest, p.digest)

    def test_sessions(self):
        s = {x.id: x for x in self.policy.sessions}
        self.assertEqual(list(s), ["OI-2017-MD", "OI-2017-CO", "OI-2017-FL", "ADV-2017-MD",
                                   "ADV-2017-CA"])
        md = s["OI-2017-MD"]
        self.assertEqual((md.first_day, md.last_day), (D(2017, 2, 13), D(2017, 2, 17)))
        self.assertIsInstance(md.first_day, datetime.date)
        self.assertEqual(md.place, "Linthicum Heights, MD")
        self.assertEqual(md.countries, frozenset({oi.Country.US}))
        self.assertEqual(md.courses, ("OI-1.0",))
        self.assertEqual(md.seats, 10)
        self.assertTrue(md.hotel)
        # S6: 42 days before each first day.
        self.assertEqual(md.subsidy_deadline, D(2017, 1, 2))
        self.assertEqual(s["OI-2017-CO"].subsidy_deadline, D(2017, 3, 27))
        self.assertEqual(s["OI-2017-FL"].subsidy_deadline, D(2017, 9, 4))
        self.assertEqual(s["OI-2017-FL"].countries, frozenset({oi.Country.US, oi.Country.CA}))
        adv = s["ADV-2017-CA"]
        self.assertEqual((adv.seats, adv.subsidy_deadline, adv.hotel), (0, None, None))
        self.assertEqual(adv.courses, ("ORG-2.0", "ST-2.0"))
        self.assertIs(self.policy.session("OI-2017-CO"), s["OI-2017-CO"])

    def test_courses_and_sites(self):
        self.assertEqual([(c.id, c.kind) for c in self.policy.courses], [
            ("OI-1.0", oi.CourseKind.INSTITUTE),
            ("ORG-2.0", oi.CourseKind.ADVANCED_ORGANIZING),
            ("ST-2.0", oi.CourseKind.ADVANCED_SECRETARY_TREASURER)])
        self.assertEqual(self.policy.course("ST-2.0").title, "Advanced Secretary Treasurer 2.0")
        self.assertEqual(len(self.policy.prior_sites), 11)
        self.assertIn("Toronto", self.policy.prior_sites)

    def test_lookups_raise_not_found(self):
        with self.assertRaises(oi.NotFound):
            self.policy.session("OI-2016-XX")
        with self.assertRaises(LookupError):
            self.policy.course("nope")

    def test_repr_and_equality(self):
        self.assertRegex(repr(self.policy),
                         r"^<Policy 'iatse-officer-institute-2017' year 2017, 5 sessions, "
                         r"digest [0-9a-f]{16}>$")
        other = oi.Policy.builtin(2017)
        self.assertEqual(other, self.policy)
        self.assertEqual(hash(other), hash(self.policy))
        other.close()
        self.assertNotEqual(other, self.policy)
        self.assertEqual(repr(other), "<Policy (closed)>")


class LifecycleTest(unittest.TestCase):

    def test_use_after_close_raises(self):
        p = oi.Policy.builtin(2017)
        p.close()
        p.close()                     # harmless
        self.assertTrue(p.closed)
        for use in (lambda: p.id, lambda: p.sessions, lambda: p.to_json(),
                    lambda: oi.check_subsidy(p, None), lambda: oi.Ledger(p),
                    lambda: oi.cost_split(p, 1, 0, 0), lambda: p.session("OI-2017-MD")):
            with self.assertRaises(oi.StateError) as cm:
                use()
            self.assertEqual(cm.exception.message, "the policy is closed")
            self.assertIsInstance(cm.exception, oi.Error)

    def test_context_manager(self):
        with oi.Policy.builtin(2017) as p:
            self.assertFalse(p.closed)
        self.assertTrue(p.closed)
        with self.assertRaises(oi.StateError):
            with p:
                pass

    def test_close_frees_the_c_object_now(self):
        p = oi.Policy.builtin(2017)
        handle = weakref.ref(p._handle())
        p.close()
        self.assertIsNone(handle())

    def test_ledger_keeps_the_policy_alive(self):
        p = oi.Policy.builtin(2017)
        handle = weakref.ref(p._handle())
        ledger = oi.Ledger(p)
        p.close()
        del p
        gc.collect()
        self.assertIsNotNone(handle(), "the ledger still points into the policy")
        self.assertEqual(ledger.session_summary("OI-2017-MD").seats, 10)
        ledger.close()
        gc.collect()
        self.assertIsNone(handle(), "freed with the last ledger")

    def test_direct_construction_refused(self):
        self.assertRaises(TypeError, oi.Policy)


def numbers_2018():
    return oi.PolicyNumbers(2018, seats_per_session=3, local_cap_per_year=1, deadline_weeks=4,
                            max_nights=4, canada_threshold_cents=30000000)


class BuilderTest(unittest.TestCase):

    def test_build_a_policy(self):
        with oi.PolicyBuilder("test-2018", numbers_2018()) as b:
            self.assertIs(b.add_course("OI-1.0", "Officer Institute 1.0", oi.CourseKind.INSTITUTE), b)
            b.add_session(oi.Session("OI-2018-TX", "Austin, TX", "Hotel Austin", D(2018, 3, 5),
                                     D(2018, 3, 9), [oi.Country.US], ["OI-1.0"]))
            b.add_prior_site("Toronto").add_prior_site("Chicago")
            p = b.build()
            q = b.build()             # a builder may build again
        self.assertTrue(b.closed)
        self.assertEqual(p.digest, q.digest)
        self.assertEqual(p.id, "test-2018")
        self.assertEqual(p.numbers, numbers_2018())
        tx = p.session("OI-2018-TX")
        self.assertEqual(tx.seats, 3)
        self.assertEqual(tx.subsidy_deadline, D(2018, 2, 5))   # 4 weeks
        self.assertEqual(p.prior_sites, ("Toronto", "Chicago"))

    def test_build_from_values_round_trips(self):
        b = oi.Policy.builtin(2017)
        p = oi.Policy.build(b.id, b.numbers, b.courses, b.sessions, b.prior_sites)
        self.assertEqual(p.digest, b.digest)
        self.assertEqual(p, b)
        self.assertEqual(p.sessions, b.sessions)

    def test_builder_errors(self):
        course = oi.Course("OI-1.0", "Officer Institute 1.0", oi.CourseKind.INSTITUTE)
        session = oi.Session("S1", "Austin, TX", "Hotel", D(2018, 3, 5), D(2018, 3, 9),
                             [oi.Country.US], ["OI-1.0"])
        b = oi.PolicyBuilder("test-2018", numbers_2018())
        with self.assertRaises(oi.NotFound) as cm:
            b.add_session(session)             # its course is not added yet
        self.assertEqual(cm.exception.path, "session.course_ids[0]")
        b.add_course(course)
        with self.assertRaises(oi.AlreadyExists):
            b.add_course(course)
        b.add_session(session)
        with self.assertRaises(oi.AlreadyExists):
            b.add_session(session)
        with self.assertRaises(oi.InvalidArgument) as cm:
            b.add_session(oi.Session("S2", "Austin, TX", "Hotel", D(1, 3, 5), D(1, 3, 9),
                                     [oi.Country.US], ["OI-1.0"]))
        self.assertEqual(cm.exception.path, "session.first_day")
        self.assertIn("begins in year 1", cm.exception.message)
        with self.assertRaises(oi.InvalidArgument) as cm:
            b.add_session(oi.Session("S3", "Austin, TX", None, D(2018, 3, 5), D(2018, 3, 9),
                                     [oi.Country.US], ["OI-1.0"]))
        self.assertEqual(cm.exception.path, "session.hotel")
        with self.assertRaises(oi.InvalidArgument):
            b.add_session(oi.Session("S4", "Austin, TX", "H", D(2018, 3, 9), D(2018, 3, 5),
                                     [oi.Country.US], ["OI-1.0"]))
        with self.assertRaises(oi.InvalidArgument):
            b.add_session(oi.Session("S5", "Austin, TX", "H", D(2018, 3, 5), D(2018, 3, 5),
                                     [oi.Country.US], ["OI-1.0"] * 9))
        b.add_prior_site("Toronto")
        with self.assertRaises(oi.AlreadyExists):
            b.add_prior_site("toronto, ON")
        with self.assertRaises(oi.InvalidArgument):
            oi.PolicyBuilder("", numbers_2018())
        with self.assertRaises(oi.InvalidArgument) as cm:
            oi.PolicyBuilder("x", oi.PolicyNumbers(2018, 10, 2, 6, 40, 0))
        self.assertEqual(cm.exception.path, "numbers.max_nights")
        b.close()
        with self.assertRaises(oi.StateError):
            b.build()


if __name__ == "__main__":
    unittest.main()
