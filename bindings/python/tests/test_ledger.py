"""The Ledger through Python: it mirrors the C ledger (S4, S5, S9, S10, S11),
its queries and audit trail, and its life cycle."""

import datetime
import unittest

import officerinst as oi

import support

DT = datetime.datetime
A, W, R, X = oi.Outcome.AWARDED, oi.Outcome.WAITLISTED, oi.Outcome.REFUSED, oi.Outcome.WITHDRAWN


class AllocationTest(unittest.TestCase):

    def setUp(self):
        self.policy = oi.Policy.builtin(2017)
        self.ledger = oi.Ledger(self.policy)

    def tearDown(self):
        self.ledger.close()
        self.policy.close()

    def test_ten_seats_then_waitlist_then_promotion(self):
        decisions = [self.ledger.submit(r) for r in support.ten_at("OI-2017-MD", 200)]
        self.assertEqual({d.outcome for d in decisions}, {A})
        eleventh = self.ledger.submit(support.request(
            "r11", "OI-2017-MD", support.local(300), support.officer("o-300"),
            DT(2016, 12, 2)))
        self.assertIs(eleventh.outcome, W)
        (why,) = eleventh.reasons
        self.assertIs(why.code, oi.ReasonCode.SEATS_TAKEN)
        self.assertIs(why.severity, oi.Severity.WAITLIST)
        self.assertEqual(why.values[:2], (10, 10))
        self.assertIn("all 10 subsidies of session OI-2017-MD are awarded", why.message)

        summary = self.ledger.session_summary("OI-2017-MD")
        self.assertEqual(summary, oi.SessionSummary(seats=10, awarded=10, waitlisted=1,
                                                    refused=0, withdrawn=0, seats_left=0,
                                                    nights=50))
        w = self.ledger.withdraw("r01")
        self.assertEqual(w, oi.Withdrawal(A, ("r11",)))
        self.assertIs(self.ledger.get("r11").status, A)
        self.assertIs(self.ledger.get("r01").status, X)
        self.assertEqual(self.ledger.withdraw("r02"), oi.Withdrawal(A, ()))
        with self.assertRaises(oi.StateError):
            self.ledger.withdraw("r02")
        with self.assertRaises(oi.NotFound):
            self.ledger.withdraw("nope")

    def test_local_cap_and_one_withdrawal_promoting_two(self):
        # Local 400: officers at MD and CO hold its two slots; MD is full.
        batch = support.ten_at("OI-2017-MD", 401)
        batch[0] = support.request("r01", "OI-2017-MD", support.local(400),
                                   support.officer("o-400-1"), DT(2016, 12, 1, 9))
        batch.append(support.request("co", "OI-2017-CO", support.local(400),
                                     support.officer("o-400-2"), DT(2016, 12, 1, 10)))
        self.assertEqual({d.outcome for d in self.ledger.submit_many(batch)}, {A})
        q = self.ledger.submit(support.request("q", "OI-2017-MD", support.local(420),
                                               support.officer("o-420"), DT(2016, 12, 2)))
        third = self.ledger.submit(support.request("p3", "OI-2017-FL", support.local(400),
                                                   support.officer("o-400-3"), DT(2016, 12, 3)))
        self.assertEqual((q.outcome, third.outcome), (W, W))
        self.assertEqual(third.codes, (oi.ReasonCode.LOCAL_CAP_REACHED,))
        self.assertEqual(third.reasons[0].values, (400, 2017, 2, 2))
        self.assertEqual([e.id for e in self.ledger.local_awards(400, 2017)], ["r01", "co"])
        self.assertEqual(self.ledger.withdraw("r01"), oi.Withdrawal(A, ("q", "p3")))
        self.assertEqual([e.id for e in self.ledger.local_awards(support.local(400), 2017)],
                         ["co", "p3"])
        promoted = [e for e in self.ledger.events() if e.type is oi.EventType.PROMOTED]
        self.assertEqual([(e.request_id, e.cause_id, e.outcome, e.nights) for e in promoted],
                         [("q", "r01", A, 5), ("p3", "r01", A, 5)])

    def test_same_officer_twice(self):
        first = support.request("x1", "OI-2017-MD", received=DT(2016, 12, 1))
        self.assertIs(self.ledger.submit(first).outcome, A)
        d = self.ledger.submit(support.request("x2", "OI-2017-CO", received=DT(2016, 12, 2)))
        self.assertIs(d.outcome, R)
        self.assertEqual(d.codes, (oi.ReasonCode.OFFICER_ALREADY_SUBSIDIZED,))
        self.assertEqual(d.reasons[0].values[:2], (2017, 1))
        self.ledger.withdraw("x1")
        self.assertIs(self.ledger.submit(support.request("x3")).outcome, A)

    def test_batch_is_decided_in_receipt_order(self):
        requests = [support.request("b%02d" % n, "OI-2017-FL", support.local(700 + n),
                                    support.officer("o-%d" % n), DT(2017, 6, n, 9))
                    for n in range(12, 0, -1)]
        decisions = self.ledger.submit_many(requests)
        self.assertEqual(len(decisions), 12)
        self.assertEqual([d.outcome for d in decisions], [W, W] + [A] * 10)
        self.assertEqual(len(self.ledger), 12)
        self.assertEqual([e.entry_number for e in self.ledger], list(range(1, 13)))
        self.assertEqual(self.ledger.entry(1).id, "b01")    # entered in receipt order
        waitlist = self.ledger.session_entries("OI-2017-FL", oi.Outcome.WAITLISTED)
        self.assertEqual([e.id for e in waitlist], ["b11", "b12"])

    def test_batch_is_all_or_nothing(self):
        requests = [support.request("k1"), support.request("k2", officer_=support.officer("o2")),
                    support.request("k1", officer_=support.officer("o3"))]
        with self.assertRaises(oi.AlreadyExists) as cm:
            self.ledger.submit_many(requests)
        self.assertEqual(cm.exception.path, "requests[2].id")
        self.assertEqual(len(self.ledger), 0)
        self.assertEqual(self.ledger.submit_many([]), [])

    def test_queries(self):
        self.ledger.submit(support.request("a", nights=7, local_=support.local(9, district=4)))
        self.ledger.submit(support.request("late", received=DT(2017, 10, 1),
                                           officer_=support.officer("o-2")))
        entry = self.ledger.get("a")
        self.assertEqual((entry.id, entry.status, entry.nights, entry.nights_requested),
                         ("a", A, 5, 7))
        self.assertEqual((entry.session_id, entry.year, entry.local_number, entry.district),
                         ("OI-2017-FL", 2017, 9, 4))
        self.assertIs(entry.country, oi.Country.US)
        self.assertEqual(entry.received, DT(2017, 6, 1, 9, 0))
        self.assertEqual(self.ledger.district_awards(4), oi.DistrictAwards(1, 5))
        self.assertEqual(self.ledger.district_awards(5), oi.DistrictAwards(0, 0))
        with self.assertRaises(oi.InvalidArgument):
            self.ledger.district_awards(14)
        hotel = self.policy.session("OI-2017-FL").hotel
        self.assertEqual(self.ledger.hotel_nights(hotel), 5)
        with self.assertRaises(oi.NotFound):
            self.ledger.hotel_nights("Motel 6")
        self.assertIn("a", self.ledger)
        self.assertNotIn("b", self.ledger)
        self.assertNotIn(7, self.ledger)
        self.assertNotIn("", self.ledger)
        self.assertEqual(len(self.ledger), 2)
        refused = self.ledger.session_entries("OI-2017-FL", oi.Outcome.REFUSED)
        self.assertEqual([(e.id, e.payee) for e in refused], [("late", None)])
        self.assertEqual(refused[0].reasons[0].clause, "S6")
        with self.assertRaises(oi.NotFound):
            self.ledger.get("b")
        with self.assertRaises(oi.NotFound):
            self.ledger.session_summary("OI-1999")
        self.assertEqual(repr(self.ledger), "<Ledger on 'iatse-officer-institute-2017': 2 requests>")
        self.assertIs(self.ledger.policy, self.policy)

    def test_events(self):
        self.ledger.submit(support.request("a"))
        self.ledger.withdraw("a")
        events = list(self.ledger.events())
        self.assertEqual([(e.sequence, e.type, e.request_id, e.outcome) for e in events], [
            (1, oi.EventType.ENTERED, "a", oi.Outcome.NONE),
            (2, oi.EventType.DECIDED, "a", A),
            (3, oi.EventType.WITHDRAWN, "a", A)])
        self.assertEqual(events[1].nights, 5)
        self.assertEqual(list(self.ledger.events(start=2)), events[2:])
        it = self.ledger.events()
        next(it)
        self.ledger.close()
        with self.assertRaises(oi.StateError):
            next(it)


class LifecycleTest(unittest.TestCase):

    def test_use_after_close_raises_never_crashes(self):
        policy = oi.Policy.builtin(2017)
        ledger = oi.Ledger(policy)
        ledger.submit(support.request())
        ledger.close()
        ledger.close()                # harmless
        self.assertTrue(ledger.closed)
        self.assertEqual(repr(ledger), "<Ledger (closed)>")
        uses = [lambda: len(ledger), lambda: ledger.submit(support.request("b")),
                lambda: ledger.submit_many([]), lambda: ledger.withdraw("r-1"),
                lambda: ledger.get("r-1"), lambda: "r-1" in ledger, lambda: list(ledger),
                lambda: ledger.session_summary("OI-2017-FL"), lambda: list(ledger.events()),
                lambda: ledger.to_json(), lambda: ledger.district_awards(1)]
        for i, use in enumerate(uses):
            with self.subTest(use=i):
                with self.assertRaises(oi.StateError) as cm:
                    use()
                self.assertEqual(cm.exception.message, "the ledger is closed")

    def test_low_level_handle_after_close(self):
        from officerinst import _officerinst_c as _c
        ledger = oi.Ledger(oi.Policy.builtin(2017))
        ledger.submit(support.request())
        handle = ledger._h
        ledger.close()
        # The handle let go of its pointer: a call through it is an error.
        self.assertEqual(_c.ledger_count(handle), 0)
        with self.assertRaises(oi.InvalidArgument):
            _c.ledger_get(handle, "r-1")
        with self.assertRaises(TypeError):
            _c.ledger_release(handle)          # nothing left to free

    def test_context_manager(self):
        with oi.Policy.builtin(2017) as policy, oi.Ledger(policy) as ledger:
            self.assertIs(ledger.submit(support.request()).outcome, A)
        self.assertTrue(ledger.closed and policy.closed)

    def test_policy_closed_first(self):
        policy = oi.Policy.builtin(2017)
        ledger = oi.Ledger(policy)
        policy.close()
        self.assertIs(ledger.submit(support.request()).outcome, A)   # still works
        self.assertEqual(repr(ledger), "<Ledger on '?': 1 request>")
        with self.assertRaises(oi.StateError):
            oi.Ledger(policy)
        ledger.close()


if __name__ == "__main__":
    unittest.main()
