"""The policy's readings at their boundaries, through the bindings
(doc/policy.md): only an award pays nights (S3), a catalogue over two
calendar years (S5, S9, U3), seats a session sets itself (S4), attendance
outside the session (C1), and decisions and reasons that name requests by
their ids (S9)."""

import datetime
import json
import pickle
import unittest

import officerinst as oi

import support

D = datetime.date
T = datetime.datetime
EPOCH = datetime.date(1970, 1, 1)


def day(d):
    """A day number, as reasons carry dates."""
    return (d - EPOCH).days


def institute():
    return oi.Course("OI-1.0", "Officer Institute 1.0", oi.CourseKind.INSTITUTE)


def catalogue(seats_small=2):
    """A policy labelled 2017 whose catalogue runs into 2018: OI-2017-FL
    (October), OI-2018-MD (February 2018, applied for in late 2017, deadline
    2018-01-01) and OI-2018-SMALL, which sets its own seats."""
    numbers = oi.PolicyNumbers(2017, 10, 2, 6, 5, 25000000)
    sessions = [
        oi.Session("OI-2017-FL", "Orlando, FL", "Hotel Orlando", D(2017, 10, 16),
                   D(2017, 10, 20), [oi.Country.US, oi.Country.CA], ["OI-1.0"]),
        oi.Session("OI-2018-MD", "Linthicum Heights, MD", "Hotel Linthicum", D(2018, 2, 12),
                   D(2018, 2, 16), [oi.Country.US], ["OI-1.0"]),
        oi.Session("OI-2018-SMALL", "Austin, TX", "Hotel Small", D(2018, 4, 9),
                   D(2018, 4, 13), [oi.Country.US], ["OI-1.0"], own_seats=seats_small),
    ]
    return oi.Policy.build("readings-2017-2018", numbers, [institute()], sessions)


class PaidNightsTest(unittest.TestCase):
    """S3: only an award pays; what an award would pay has its own name."""

    def setUp(self):
        self.policy = oi.Policy.builtin(2017)
        self.ledger = oi.Ledger(self.policy)

    def tearDown(self):
        self.ledger.close()
        self.policy.close()

    def waitlisted(self):
        for r in support.ten_at("OI-2017-MD", 101):
            self.ledger.submit(r)
        late = support.request("w", "OI-2017-MD", support.local(300), support.officer("o-w"),
                               T(2016, 12, 2, 9, 0), nights=7)
        return self.ledger.submit(late)

    def test_waitlisted_decision_pays_0_nights_and_names_no_payee(self):
        d = self.waitlisted()
        self.assertEqual(d.outcome, oi.Outcome.WAITLISTED)
        self.assertEqual(d.nights, 0)
        self.assertIsNone(d.payee)
        self.assertEqual(d.nights_if_awarded, 5)
        self.assertEqual(d.nights_requested, 7)
        e = self.ledger.get("w")
        self.assertEqual((e.nights, e.payee, e.nights_if_awarded), (0, None, 5))
        self.assertEqual(self.ledger.session_summary("OI-2017-MD").nights, 50)

    def test_promotion_sets_the_nights_when_the_award_is_made(self):
        self.waitlisted()
        w = self.ledger.withdraw("r01")
        self.assertEqual(w.promoted, ("w",))
        e = self.ledger.get("w")
        self.assertEqual(e.status, oi.Outcome.AWARDED)
        self.assertEqual((e.nights, e.nights_if_awarded), (5, 5))
        self.assertEqual(e.payee, self.policy.session("OI-2017-MD").hotel)
        promoted = list(self.ledger.events())[-1]
        self.assertEqual((promoted.type, promoted.request_id, promoted.nights),
                         (oi.EventType.PROMOTED, "w", 5))
        withdrawn = self.ledger.get("r01")
        self.assertEqual((withdrawn.nights, withdrawn.payee, withdrawn.nights_if_awarded),
                         (0, None, 5))

    def test_refused_pays_0_and_would_pay_0(self):
        late = support.request("late", "OI-2017-MD", received=T(2017, 1, 3, 9, 0))
        d = self.ledger.submit(late)
        self.assertEqual((d.outcome, d.nights, d.payee, d.nights_if_awarded),
                         (oi.Outcome.REFUSED, 0, None, 0))

    def test_a_batch_pays_nights_only_for_its_awards(self):
        requests = support.ten_at("OI-2017-MD", 101) + [
            support.request("w", "OI-2017-MD", support.local(300), support.officer("o-w"),
                            T(2016, 12, 2, 9, 0), nights=7)]
        ds = self.ledger.submit_many(requests)
        self.assertEqual(ds.nights(), 50)
        self.assertEqual(ds.nights(oi.Outcome.WAITLISTED), 0)
        self.assertEqual((ds[10].nights, ds[10].payee, ds[10].nights_if_awarded), (0, None, 5))
        self.assertEqual(ds[0].nights_if_awarded, 5)

    def test_eligible_stateless_check_states_what_an_award_pays(self):
        d = oi.check_subsidy(self.policy, support.request(nights=9))
        self.assertEqual((d.outcome, d.nights, d.nights_if_awarded),
                         (oi.Outcome.ELIGIBLE, 5, 5))


class YearsTest(unittest.TestCase):
    """S5, S9, U3: one ledger over sessions of two calendar years."""

    def setUp(self):
        self.policy = catalogue()
        self.ledger = oi.Ledger(self.policy)

    def tearDown(self):
        self.ledger.close()
        self.policy.close()

    def submit(self, rid, session_id, local_number, officer_id, received):
        return self.ledger.submit(support.request(rid, session_id, support.local(local_number),
                                                  support.officer(officer_id), received))

    def test_policy_year_is_a_label_its_sessions_span_two_years(self):
        self.assertEqual(self.policy.year, 2017)
        self.assertEqual(self.policy.session("OI-2018-MD").first_day, D(2018, 2, 12))
        self.assertEqual(self.policy.session("OI-2018-MD").subsidy_deadline, D(2018, 1, 1))

    def test_local_with_two_2017_awards_is_awarded_in_2018(self):
        self.assertEqual(self.submit("a", "OI-2017-FL", 500, "o-a", T(2017, 6, 1)).outcome,
                         oi.Outcome.AWARDED)
        self.assertEqual(self.submit("b", "OI-2017-FL", 500, "o-b", T(2017, 6, 2)).outcome,
                         oi.Outcome.AWARDED)
        c = self.submit("c", "OI-2017-FL", 500, "o-c", T(2017, 6, 3))
        self.assertEqual(c.outcome, oi.Outcome.WAITLISTED)
        self.assertEqual(c.reasons[0].code, oi.ReasonCode.LOCAL_CAP_REACHED)
        self.assertEqual(c.reasons[0].values[1], 2017)
        d = self.submit("d", "OI-2018-MD", 500, "o-d", T(2017, 11, 20))
        self.assertEqual(d.outcome, oi.Outcome.AWARDED)
        self.assertEqual([e.id for e in self.ledger.local_awards(500, 2017)], ["a", "b"])
        self.assertEqual([e.id for e in self.ledger.local_awards(500, 2018)], ["d"])
        self.assertEqual((self.ledger.get("c").year, self.ledger.get("d").year), (2017, 2018))

    def test_officer_awarded_in_2017_may_hold_one_in_2018_not_two(self):
        self.submit("x-2017", "OI-2017-FL", 510, "o-x", T(2017, 6, 1))
        self.assertEqual(self.submit("x-2018", "OI-2018-MD", 511, "o-x",
                                     T(2017, 11, 20)).outcome, oi.Outcome.AWARDED)
        again = self.submit("x-again", "OI-2018-SMALL", 512, "o-x", T(2017, 11, 21))
        self.assertEqual(again.outcome, oi.Outcome.REFUSED)
        self.assertEqual([(r.code, r.values[0], r.ref_id) for r in again.reasons],
                         [(oi.ReasonCode.OFFICER_ALREADY_SUBSIDIZED, 2018, "x-2018")])

    def test_request_for_the_next_years_session_is_judged_by_its_deadline(self):
        on_time = support.request("t", "OI-2018-MD", received=T(2018, 1, 1, 23, 59, 59))
        late = support.request("t", "OI-2018-MD", received=T(2018, 1, 2))
        self.assertEqual(oi.check_subsidy(self.policy, on_time).outcome, oi.Outcome.ELIGIBLE)
        self.assertEqual(oi.check_subsidy(self.policy, late).codes,
                         (oi.ReasonCode.RECEIVED_LATE,))


class OwnSeatsTest(unittest.TestCase):
    """S4: the policy's seats are the default; a session may set its own."""

    def test_a_session_with_its_own_seats_fills_to_them(self):
        with catalogue(seats_small=2) as policy, oi.Ledger(policy) as ledger:
            small = policy.session("OI-2018-SMALL")
            self.assertEqual((small.seats, small.own_seats), (2, 2))
            fl = policy.session("OI-2017-FL")
            self.assertEqual((fl.seats, fl.own_seats), (10, None))
            outcomes = [ledger.submit(support.request(
                "s%d" % i, "OI-2018-SMALL", support.local(600 + i), support.officer("o-%d" % i),
                T(2017, 12, 1, 9, i))) for i in range(3)]
            self.assertEqual([d.outcome for d in outcomes],
                             [oi.Outcome.AWARDED, oi.Outcome.AWARDED, oi.Outcome.WAITLISTED])
            self.assertEqual(outcomes[2].reasons[0].values[:2], (2, 2))
            summary = ledger.session_summary("OI-2018-SMALL")
            self.assertEqual((summary.seats, summary.awarded, summary.seats_left), (2, 2, 0))

    def test_0_seats_waitlist_the_first_eligible_request(self):
        with catalogue(seats_small=0) as policy, oi.Ledger(policy) as ledger:
            d = ledger.submit(support.request("n", "OI-2018-SMALL", received=T(2017, 12, 1)))
            self.assertEqual(d.outcome, oi.Outcome.WAITLISTED)
            self.assertEqual(d.codes, (oi.ReasonCode.SEATS_TAKEN,))
            self.assertEqual(ledger.session_summary("OI-2018-SMALL").seats, 0)

    def test_own_seats_round_trip_through_values_and_documents(self):
        with catalogue(seats_small=7) as policy:
            again = oi.Policy.build(policy.id, policy.numbers, policy.courses, policy.sessions)
            self.assertEqual(again.digest, policy.digest)
            doc = json.loads(policy.to_json())
            self.assertEqual([s.get("seats") for s in doc["sessions"]], [None, None, 7])
            loaded = oi.Policy.from_json(policy.to_json())
            self.assertEqual(loaded.session("OI-2018-SMALL").seats, 7)
            self.assertEqual(loaded.digest, policy.digest)

    def test_bad_own_seats_are_refused_naming_the_field(self):
        # Values are judged by the library when used: by the builder here.
        with oi.PolicyBuilder("a", oi.PolicyNumbers(2018, 10, 2, 6, 5, 0)) as b:
            b.add_course(institute())
            with self.assertRaises(oi.InvalidArgument) as cm:
                b.add_session(oi.Session("X", "Austin, TX", "H", D(2018, 4, 9), D(2018, 4, 13),
                                         [oi.Country.US], ["OI-1.0"], own_seats=-1))
            self.assertEqual(cm.exception.path, "session.own_seats")
            with self.assertRaises(TypeError) as cm:
                b.add_session(oi.Session("X", "Austin, TX", "H", D(2018, 4, 9), D(2018, 4, 13),
                                         [oi.Country.US], ["OI-1.0"], own_seats="3"))
            self.assertEqual(cm.exception.path, "session.own_seats")
        organizing = oi.Course("ORG-2.0", "Advanced Organizing 2.0",
                               oi.CourseKind.ADVANCED_ORGANIZING)
        with oi.PolicyBuilder("b", oi.PolicyNumbers(2018, 10, 2, 6, 5, 0)) as b:
            b.add_course(organizing)
            with self.assertRaises(oi.InvalidArgument) as cm:
                b.add_session(oi.Session("ADV", "Austin, TX", None, D(2018, 4, 9),
                                         D(2018, 4, 11), [oi.Country.US], ["ORG-2.0"],
                                         own_seats=3))
            self.assertEqual(cm.exception.path, "session.own_seats")
            self.assertIn("(S1)", cm.exception.message)


class AttendanceTest(unittest.TestCase):
    """C1: graduation reads the session's days; days outside it are a note."""

    def setUp(self):
        self.policy = oi.Policy.builtin(2017)
        self.week = self.policy.session("OI-2017-MD").days

    def tearDown(self):
        self.policy.close()

    def test_extra_day_before_and_after_graduates_with_a_note(self):
        days = (D(2017, 2, 12),) + self.week + (D(2017, 2, 18),)
        d = oi.check_graduation(self.policy, "OI-2017-MD", days)
        self.assertEqual(d.outcome, oi.Outcome.GRADUATED)
        self.assertEqual(len(d.reasons), 1)
        note = d.reasons[0]
        self.assertEqual((note.clause, note.code, note.severity),
                         ("C1", oi.ReasonCode.DAYS_OUTSIDE_SESSION, oi.Severity.NOTE))
        self.assertEqual(note.values, (2, day(D(2017, 2, 12)), day(D(2017, 2, 18)), 0))
        self.assertIn("2 of the days listed (2017-02-12 to 2017-02-18) are outside session "
                      "OI-2017-MD", note.message)

    def test_extra_days_around_a_missed_day_are_not_graduated_missed_day_first(self):
        days = [D(2017, 2, 12)] + [x for x in self.week if x != D(2017, 2, 15)] + [D(2017, 2, 18)]
        d = oi.check_graduation(self.policy, "OI-2017-MD", days)
        self.assertEqual(d.outcome, oi.Outcome.NOT_GRADUATED)
        self.assertEqual(d.codes, (oi.ReasonCode.MISSED_DAYS, oi.ReasonCode.DAYS_OUTSIDE_SESSION))
        self.assertEqual(d.reasons[0].values[2], day(D(2017, 2, 15)))


class NamesTest(unittest.TestCase):
    """Decisions name their request; an S9 reason names the earlier one."""

    def setUp(self):
        self.policy = oi.Policy.builtin(2017)

    def tearDown(self):
        self.policy.close()

    def test_every_subsidy_decision_names_its_request(self):
        self.assertEqual(oi.check_subsidy(self.policy, support.request("mine")).request_id,
                         "mine")
        self.assertIsNone(oi.check_subsidy(self.policy, support.request(None)).request_id)
        batch = oi.check_subsidy_many(self.policy, [support.request("a"),
                                                     support.request(None),
                                                     support.request("c")])
        self.assertEqual([d.request_id for d in batch], ["a", None, "c"])
        with oi.Ledger(self.policy) as ledger:
            self.assertEqual(ledger.submit(support.request("one")).request_id, "one")
            many = ledger.submit_many([support.request("two", officer_=support.officer("o-2")),
                                       support.request("three",
                                                       officer_=support.officer("o-3"))])
        self.assertEqual([d.request_id for d in many], ["two", "three"])
        app = oi.Application("OI-2017-MD", "OI-1.0", support.local(), support.officer())
        self.assertIsNone(oi.check_enrollment(self.policy, app).request_id)

    def test_s9_reason_names_the_earlier_request_by_its_id(self):
        with oi.Ledger(self.policy) as ledger:
            ledger.submit(support.request("first", officer_=support.officer("o-x")))
            d = ledger.submit(support.request("second", local_=support.local(101),
                                              officer_=support.officer("o-x")))
            batch = ledger.submit_many([support.request("third", local_=support.local(102),
                                                        officer_=support.officer("o-x"))])
            entry = ledger.get("second")
            event = list(ledger.events())[3]
        reason = d.reasons[0]
        self.assertEqual((reason.code, reason.ref_id),
                         (oi.ReasonCode.OFFICER_ALREADY_SUBSIDIZED, "first"))
        self.assertIn("(request first)", reason.message)
        self.assertNotIn("number", reason.message)
        self.assertEqual(entry.reasons[0].ref_id, "first")
        self.assertEqual(event.reasons[0].ref_id, "first")
        # the batch's decisions outlive the closed ledger, names included
        self.assertEqual(batch[0].reasons[0].ref_id, "first")
        self.assertIn("(request first)", batch[0].reasons[0].message)
        self.assertEqual(pickle.loads(pickle.dumps(reason)).ref_id, "first")
        self.assertIsNone(oi.check_subsidy(self.policy, support.request(nights=9))
                          .reasons[0].ref_id)

    def test_ledger_entries_carry_the_local_and_officer_names(self):
        with oi.Ledger(self.policy) as ledger:
            ledger.submit(support.request("n", local_=support.local(728, name="Local 728"),
                                          officer_=support.officer("o-n", name="A. Rivera")))
            ledger.submit(support.request("m", local_=support.local(729),
                                          officer_=support.officer("o-m")))
            n, m = ledger.get("n"), ledger.get("m")
        self.assertEqual((n.local_name, n.officer_name), ("Local 728", "A. Rivera"))
        self.assertEqual((m.local_name, m.officer_name), ("Local 729", None))


if __name__ == "__main__":
    unittest.main()
