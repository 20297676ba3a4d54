"""The Decisions sequence of a batch (check_subsidy_many, Ledger.submit_many):
indexing and slicing, aggregates, lazy messages, lifetime, equality with
the eager values, and errors naming the element."""

import copy
import datetime
import gc
import pickle
import sys
import unittest

import officerinst as oi

import support

DT = datetime.datetime
A, W, R, E = (oi.Outcome.AWARDED, oi.Outcome.WAITLISTED, oi.Outcome.REFUSED,
              oi.Outcome.ELIGIBLE)


def mixed_requests(count, prefix="m"):
    """count requests of several kinds: eligible, late, unsigned, LM-2, a
    Canadian local over the threshold, 7 nights (capped), at three
    sessions, each from its own officer (so a ledger waitlists, S4)."""
    sessions = ["OI-2017-MD", "OI-2017-FL", "OI-2017-CO"]
    requests = []
    for i in range(count):
        kind = i % 6
        local = support.local(1000 + i // 3, district=1 + i % 13,
                              lm_form=oi.LmForm.LM_2 if kind == 3 else oi.LmForm.LM_3)
        if kind == 4:
            local = support.local(1000 + i // 3, country=oi.Country.CA,
                                  receipts_cents=30_000_000)
        received = DT(2016, 11, 1, 9) + datetime.timedelta(minutes=7 * ((i * 37) % count))
        if kind == 1:
            received = DT(2017, 9, 10, 9)      # late for every session (S6)
        requests.append(support.request(
            "%s%04d" % (prefix, i), sessions[i % 3], local,
            support.officer("%s-o%d" % (prefix, i)), received, nights=7 if kind == 5 else 5,
            request_signed=kind != 2))
    return requests


def eager(d):
    """The same decision made of plain values (messages rendered), as the
    bindings made them before decisions were lazy."""
    return oi.Decision(
        outcome=d.outcome, nights=d.nights, nights_requested=d.nights_requested,
        payee=d.payee, policy_id=d.policy_id, session_id=d.session_id,
        reasons=tuple(oi.Reason(r.code, r.clause, r.severity, r.values, r.message,
                                r.session_id, r.ref_id) for r in d.reasons),
        nights_if_awarded=d.nights_if_awarded, request_id=d.request_id)


class SequenceTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.policy = oi.Policy.builtin(2017)
        cls.requests = mixed_requests(300)
        cls.batch = oi.check_subsidy_many(cls.policy, cls.requests)
        cls.singles = [oi.check_subsidy(cls.policy, r) for r in cls.requests]

    def test_is_a_sequence(self):
        import collections.abc
        b = self.batch
        self.assertIsInstance(b, oi.Decisions)
        self.assertIsInstance(b, collections.abc.Sequence)
        self.assertEqual(len(b), 300)
        self.assertEqual(list(b), self.singles)
        self.assertEqual([b[i] for i in range(len(b))], self.singles)
        self.assertEqual(list(reversed(b)), self.singles[::-1])
        self.assertIn(self.singles[17], b)
        self.assertEqual(b.index(self.singles[1]), 1)      # equal values: the first
        self.assertEqual(b.count(self.singles[0]), self.singles.count(self.singles[0]))
        self.assertIs(type(b[0]), oi.Decision)
        self.assertIs(type(b[5].reasons[0]), oi.Reason)
        with self.assertRaises(TypeError):
            oi.Decisions()
        with self.assertRaises(TypeError):
            hash(b)

    def test_indexing(self):
        b, s = self.batch, self.singles
        for i in (0, 1, 63, 64, 65, 128, 299, -1, -2, -64, -299, -300):
            with self.subTest(i=i):
                self.assertEqual(b[i], s[i])
        for i in (300, 301, -301, 10 ** 20, -10 ** 20):
            with self.subTest(i=i):
                with self.assertRaises(IndexError):
                    b[i]
        for i in ("0", 1.0, None):
            with self.subTest(i=i):
                with self.assertRaises(TypeError):
                    b[i]
        self.assertEqual(b[True], s[1])     # as for a list

    def test_slicing(self):
        b, s = self.batch, self.singles
        for sl in (slice(None), slice(5, 9), slice(-10, None), slice(None, None, -1),
                   slice(3, 250, 7), slice(250, 3, -9), slice(400, 500), slice(-500, 2),
                   slice(10, 10)):
            with self.subTest(slice=sl):
                view = b[sl]
                self.assertIsInstance(view, oi.Decisions)
                self.assertEqual(len(view), len(s[sl]))
                self.assertEqual(list(view), s[sl])
                self.assertEqual(view, s[sl])
        nested = b[10:200][::3][5:-5][::-1]
        self.assertEqual(list(nested), s[10:200][::3][5:-5][::-1])
        self.assertEqual(nested[0], s[10:200][::3][5:-5][-1])
        self.assertEqual(b[::-1][0], s[-1])
        self.assertEqual(list(b[5:9].positions()), [5, 6, 7, 8])

    def test_aggregates_make_no_decision(self):
        b, s = self.batch, self.singles
        outcomes = b.outcomes()
        self.assertEqual(outcomes, [d.outcome for d in s])
        self.assertTrue(all(type(o) is oi.Outcome for o in outcomes))
        counts = b.counts()
        self.assertEqual(counts, {o: [d.outcome for d in s].count(o) for o in (E, R)})
        self.assertEqual(list(counts), [E, R])              # in the enum's order
        self.assertEqual(sum(counts.values()), 300)
        self.assertEqual(b.nights(), sum(d.nights for d in s))
        self.assertEqual(b.nights(E), sum(d.nights for d in s if d.outcome is E))
        self.assertEqual(b.nights(R), 0)
        self.assertEqual(b[10:20].outcomes(), outcomes[10:20])
        self.assertEqual(b[::-1].counts(), counts)

        refused = b.select(R)
        self.assertEqual(list(refused), [d for d in s if d.outcome is R])
        self.assertEqual(list(refused.positions()),
                         [i for i, d in enumerate(s) if d.outcome is R])
        self.assertEqual(refused.counts(), {R: counts[R]})
        self.assertEqual(list(refused[::-1][:3]), [d for d in s if d.outcome is R][::-1][:3])
        self.assertEqual(len(b.select(A)), 0)
        self.assertEqual(len(b.select(E, R)), 300)
        self.assertEqual(list(b[100:].select(E)), [d for d in s[100:] if d.outcome is E])
        with self.assertRaises(TypeError):
            b.select("refused")
        positions = refused.positions()
        positions[0] = 10 ** 6                  # a copy: the view is not changed
        self.assertEqual(refused[0], [d for d in s if d.outcome is R][0])

    def test_repr_equality_pickle(self):
        b, s = self.batch, self.singles
        self.assertRegex(repr(b), r"^<Decisions: 300 decisions \(\d+ eligible, \d+ refused\)>$")
        self.assertEqual(repr(b[:0]), "<Decisions: 0 decisions>")
        self.assertEqual(repr(b[0]), repr(s[0]))
        self.assertEqual(b, s)
        self.assertEqual(b, b[:])
        self.assertNotEqual(b, s[:-1])
        self.assertNotEqual(b[:2], b[1:3])
        self.assertNotEqual(b, tuple(s))                    # as a list is not a tuple
        self.assertNotEqual(b, None)
        copied = pickle.loads(pickle.dumps(b[:5]))
        self.assertEqual(copied, s[:5])
        self.assertIs(type(copied), list)
        self.assertEqual(copy.deepcopy(b[7]), s[7])
        self.assertEqual(pickle.loads(pickle.dumps(b[7])), s[7])

    def test_equal_to_eager_values(self):
        # Lazy Decisions equal the plain values the bindings made eagerly:
        # field by field, in hash and in repr, both ways round.
        for i, d in enumerate(self.batch):
            with self.subTest(i=i):
                e = eager(d)
                self.assertEqual(d, e)
                self.assertEqual(e, d)
                self.assertEqual(hash(d), hash(e))
                self.assertEqual(repr(d), repr(e))
                self.assertEqual([str(r) for r in d.reasons], [str(r) for r in e.reasons])
        self.assertEqual(self.batch, [eager(d) for d in self.singles])


class LedgerBatchTest(unittest.TestCase):

    def test_equal_to_entries_and_single_submits(self):
        requests = mixed_requests(400, "q")
        with oi.Policy.builtin(2017) as policy:
            with oi.Ledger(policy) as batch_ledger, oi.Ledger(policy) as loop_ledger:
                batch = batch_ledger.submit_many(requests)
                # One by one in receipt order (ties by position), as a batch decides.
                order = sorted(range(len(requests)), key=lambda i: (requests[i].received, i))
                singles = [None] * len(requests)
                for i in order:
                    singles[i] = loop_ledger.submit(requests[i])
                self.assertEqual(batch, singles)
                self.assertEqual(batch_ledger.to_json(), loop_ledger.to_json())
                self.assertEqual(set(batch.counts()), {A, W, R})
                # Entries are still made eagerly (messages rendered): the
                # batch's decisions equal them.
                for r, d in zip(requests, batch):
                    e = batch_ledger.get(r.id)
                    self.assertEqual((d.outcome, d.nights_requested, d.nights, d.payee,
                                      d.reasons),
                                     (e.status, e.nights_requested, e.nights, e.payee,
                                      e.reasons))

    def test_empty_and_iterables(self):
        with oi.Policy.builtin(2017) as policy, oi.Ledger(policy) as ledger:
            empty = ledger.submit_many([])
            self.assertEqual((len(empty), list(empty), empty.counts()), (0, [], {}))
            self.assertEqual(empty, [])
            batch = ledger.submit_many(r for r in support.ten_at("OI-2017-MD", 10))
            self.assertEqual(batch.counts(), {A: 10})
            self.assertEqual(batch.nights(A), 50)
            batch = ledger.submit_many(tuple(support.ten_at("OI-2017-FL", 30, prefix="f")))
            self.assertEqual(len(batch), 10)


class LazyMessageTest(unittest.TestCase):

    def setUp(self):
        self.policy = oi.Policy.builtin(2017)

    def test_batch_renders_nothing(self):
        requests = mixed_requests(600)
        batch = oi.check_subsidy_many(self.policy, requests)
        batch.outcomes(), batch.counts(), batch.select(R)
        decisions = list(batch)
        reasons = [r for d in decisions for r in d.reasons]
        self.assertGreater(len(reasons), 300)
        self.assertTrue(all(r.code and r.clause for r in reasons))
        # Not one message rendered: each reason still holds what renders it.
        self.assertFalse(any("message" in vars(r) for r in reasons))
        self.assertTrue(all("_policy" in vars(r) for r in reasons))

        message = reasons[0].message                              # rendered now...
        self.assertIn("message", vars(reasons[0]))
        self.assertNotIn("_policy", vars(reasons[0]))             # ...and the policy let go
        self.assertIs(reasons[0].message, message)                # ...once
        self.assertFalse(any("message" in vars(r) for r in reasons[1:]))

    def test_single_calls_render_when_read(self):
        d = oi.check_subsidy(self.policy, support.request(nights=7))
        with oi.Ledger(self.policy) as ledger:
            w = ledger.submit(support.request(nights=7))
        self.assertNotIn("message", vars(d.reasons[0]))
        self.assertNotIn("message", vars(w.reasons[0]))
        self.assertEqual(d.reasons[0].message, "7 nights requested; the subsidy pays up to 5 "
                                               "nights at the designated hotel")
        self.assertEqual(w.reasons[0].message, d.reasons[0].message)
        self.assertIn("message", vars(d.reasons[0]))

    def test_message_of_a_reason_made_in_python(self):
        r = oi.Reason(oi.ReasonCode.NOT_ATTESTED, "S2", oi.Severity.REFUSAL, (0, 0, 0, 0),
                      "my own words")
        self.assertEqual(r.message, "my own words")
        self.assertEqual(vars(r)["message"], "my own words")
        self.assertIsNotNone(oi.Reason.message.__doc__)

    def test_messages_match_the_library(self):
        # Rendered lazily from the reason's fields, a message is the one the
        # library renders for the C reason (the ledger's entries render
        # theirs eagerly, from the C reasons themselves).
        requests = [support.request(session_id="OI-2017-MD", received=DT(2017, 1, 3),
                                    local_=support.local(lm_form=oi.LmForm.LM_2),
                                    request_signed=False, nights=7),
                    support.request("r-2", "OI-2017-CO", support.local(
                        200, country=oi.Country.CA, receipts_cents=None),
                        support.officer("o-2"))]
        with oi.Ledger(self.policy) as ledger:
            batch = ledger.submit_many(requests)
            for r, d in zip(requests, batch):
                self.assertEqual([x.message for x in d.reasons],
                                 [x.message for x in ledger.get(r.id).reasons])
        self.assertEqual(batch[0].reasons[1].message,
                         "received 2017-01-03, 41 days before the session's first day "
                         "2017-02-13; requests must be received by 2017-01-02 "
                         "(6 weeks before)")


class LifetimeTest(unittest.TestCase):
    """A batch, and a reason not yet rendered, keep their policy's C handle:
    they stay readable after the Policy and Ledger are closed and dropped."""

    def test_batch_outlives_policy(self):
        policy = oi.Policy.builtin(2017)
        batch = oi.check_subsidy_many(policy, mixed_requests(120))
        expected_ids = [r.session_id for r in mixed_requests(120)]
        policy.close()
        del policy
        gc.collect()
        self.assertEqual([d.session_id for d in batch], expected_ids)
        messages = [r.message for d in batch for r in d.reasons]
        self.assertTrue(messages and all(messages))
        self.assertTrue(batch[-1].policy_id.startswith("iatse-officer-institute"))

    def test_batch_outlives_ledger_and_policy(self):
        policy = oi.Policy.builtin(2017)
        ledger = oi.Ledger(policy)
        batch = ledger.submit_many(mixed_requests(60))
        views = [batch[::2], batch.select(R)]
        ledger.close()
        policy.close()
        del ledger, policy, batch
        gc.collect()
        for view in views:
            self.assertTrue(all(d.session_id.startswith("OI-2017") for d in view))
            self.assertTrue(all(r.message for d in view for r in d.reasons))

    def test_reason_outlives_batch_and_policy(self):
        policy = oi.Policy.builtin(2017)
        with oi.Ledger(policy) as ledger:
            reason = ledger.submit_many(mixed_requests(12))[1].reasons[0]
        policy.close()
        del policy
        gc.collect()
        self.assertIn("received 2017-09-10", reason.message)

    def test_references_are_released(self):
        # The batch and its unrendered reasons hold the policy's handle; once
        # they are gone (or the message rendered), nothing does.
        policy = oi.Policy.builtin(2017)
        handle = policy._handle()
        base = sys.getrefcount(handle)
        batch = oi.check_subsidy_many(policy, mixed_requests(30))
        view = batch[3:]
        reasons = view[2].reasons
        self.assertGreater(sys.getrefcount(handle), base)
        del batch, view
        reasons[0].message
        self.assertEqual(sys.getrefcount(handle), base + len(reasons) - 1)
        del reasons
        self.assertEqual(sys.getrefcount(handle), base)

    def test_closed_policy_or_ledger_refuses_new_batches(self):
        policy = oi.Policy.builtin(2017)
        ledger = oi.Ledger(policy)
        ledger.close()
        with self.assertRaises(oi.StateError):
            ledger.submit_many(mixed_requests(3))
        policy.close()
        with self.assertRaises(oi.StateError):
            oi.check_subsidy_many(policy, mixed_requests(3))


class BatchErrorTest(unittest.TestCase):

    def setUp(self):
        self.policy = oi.Policy.builtin(2017)

    def test_library_errors_name_the_element(self):
        requests = mixed_requests(200)
        # Past the first chunks the bindings hand to the library.
        requests[130] = support.request("bad", session_id="OI-2099-XX")
        requests[170] = support.request("bad2", session_id="OI-2099-YY")
        with self.assertRaises(oi.NotFound) as cm:
            oi.check_subsidy_many(self.policy, requests)
        self.assertEqual(cm.exception.path, "requests[130].session_id")
        with self.assertRaises(oi.NotFound) as cm:
            oi.check_subsidy_many(self.policy, requests[:64] + requests[130:131])
        self.assertEqual(cm.exception.path, "requests[64].session_id")
        with oi.Ledger(self.policy) as ledger:
            with self.assertRaises(oi.NotFound) as cm:
                ledger.submit_many(requests)
            self.assertEqual(cm.exception.path, "requests[130].session_id")
            self.assertEqual(len(ledger), 0)
            with self.assertRaises(oi.InvalidArgument) as cm:
                ledger.submit_many(requests[:5] + [support.request(None)])
            self.assertEqual(cm.exception.path, "requests[5].id")

    def test_wrong_elements_are_type_errors_naming_them(self):
        requests = mixed_requests(20)
        for bad in (None, "r-1", (1, 2), 42):
            with self.subTest(bad=bad):
                for call in (lambda x: oi.check_subsidy_many(self.policy, x),
                             lambda x: oi.Ledger(self.policy).submit_many(x)):
                    with self.assertRaises(TypeError) as cm:
                        call(requests[:7] + [bad] + requests[7:])
                    self.assertIsInstance(cm.exception, oi.WrongType)
                    self.assertEqual(cm.exception.index, 7)
                    self.assertEqual(str(cm.exception),
                                     "requests[7]: must be a SubsidyRequest or a dict, not %s"
                                     % type(bad).__name__)
        with self.assertRaises(TypeError) as cm:
            oi.check_subsidy_many(self.policy, 42)
        self.assertEqual(str(cm.exception), "requests: must be a list (any iterable), not int")

    def test_conversion_errors_name_the_element(self):
        # A dict with a member of the wrong type: its element and field.
        requests = mixed_requests(10)
        bad = support.request("t").to_dict()
        bad["local"]["district"] = "two"
        with self.assertRaises(TypeError) as cm:
            oi.check_subsidy_many(self.policy, requests[:3] + [bad])
        self.assertEqual(str(cm.exception), "requests[3].local.district: must be an int, not str")
        self.assertEqual((cm.exception.index, cm.exception.field), (3, "local.district"))
        self.assertEqual(cm.exception.expected, "integer")

    def test_dicts_and_requests(self):
        requests = mixed_requests(50)
        expected = oi.check_subsidy_many(self.policy, requests)
        self.assertEqual(oi.check_subsidy_many(self.policy, [r.to_dict() for r in requests]),
                         list(expected))
        prepared = oi.Requests(requests)
        self.assertEqual(len(prepared), 50)
        self.assertEqual(oi.check_subsidy_many(self.policy, prepared), list(expected))
        self.assertEqual(oi.check_subsidy_many(self.policy, prepared), list(expected))
        with oi.Ledger(self.policy) as a, oi.Ledger(self.policy) as b:
            self.assertEqual(a.submit_many(prepared), b.submit_many(requests))

    def test_first_bad_element_is_reported(self):
        requests = mixed_requests(40)
        requests[30] = None                              # a type error, later...
        requests[20] = support.request("x", session_id="NOPE")   # ...a library error first?
        # Types are checked as the list is read, before the library sees it.
        with self.assertRaises(oi.WrongType) as cm:
            oi.check_subsidy_many(self.policy, requests)
        self.assertIn("requests[30]", str(cm.exception))
        requests[10] = 3.5
        with self.assertRaises(TypeError) as cm:
            oi.check_subsidy_many(self.policy, requests)
        self.assertIn("requests[10]", str(cm.exception))

    def test_list_changed_by_the_caller_afterwards(self):
        # The batch keeps nothing of the caller's list or requests.
        requests = mixed_requests(30)
        batch = oi.check_subsidy_many(self.policy, requests)
        expected = list(batch)
        requests.clear()
        gc.collect()
        self.assertEqual(list(batch), expected)


if __name__ == "__main__":
    unittest.main()
