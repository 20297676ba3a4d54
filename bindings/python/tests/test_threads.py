"""Threads and lifetimes: batches run without the interpreter lock, a Ledger
serializes its own calls, a call in progress keeps its ledger, closing one
while a call runs is a StateError that changes nothing, and a Ledger copies
and pickles through its snapshot."""

import copy
import datetime
import gc
import pickle
import threading
import unittest

import officerinst as oi

import support

DT = datetime.datetime


def many(n, prefix="t", session="OI-2017-FL"):
    """n eligible requests at a session, on time, from distinct officers."""
    start = DT(2016, 11, 1, 9) if session == "OI-2017-MD" else DT(2017, 5, 1, 9)
    return [support.request("%s%05d" % (prefix, i), session, support.local(100 + i % 500),
                            support.officer("%s-o%d" % (prefix, i)),
                            start + datetime.timedelta(minutes=i))
            for i in range(n)]


class CloseWhileInUseTest(unittest.TestCase):

    def setUp(self):
        self.policy = oi.Policy.builtin(2017)

    def test_generator_closing_the_ledger_it_feeds(self):
        ledger = oi.Ledger(self.policy)
        ledger.submit(support.request("first"))
        seen = []

        def requests():
            yield support.request("a", officer_=support.officer("o-a"))
            try:
                ledger.close()
            except oi.StateError as e:
                seen.append(e)
                raise
            yield support.request("b", officer_=support.officer("o-b"))

        with self.assertRaises(oi.StateError):
            ledger.submit_many(requests())
        self.assertEqual(len(seen), 1)
        self.assertIn("in use", seen[0].message)
        self.assertFalse(ledger.closed)
        self.assertEqual(len(ledger), 1)           # as it was
        self.assertEqual([e.id for e in ledger], ["first"])
        ledger.close()                             # and closes once the call is over
        self.assertTrue(ledger.closed)

    def test_generator_swallowing_the_error_changes_nothing_either(self):
        ledger = oi.Ledger(self.policy)

        def requests():
            for r in many(3):
                try:
                    ledger.close()
                except oi.StateError:
                    pass
                yield r

        self.assertEqual(len(ledger.submit_many(requests())), 3)
        self.assertEqual(len(ledger), 3)
        ledger.close()

    def test_a_property_closing_the_ledger_during_a_submit(self):
        ledger = oi.Ledger(self.policy)

        class Sneaky:
            def __getattr__(self, name):
                ledger.close()

        with self.assertRaises(oi.StateError):
            ledger.submit(Sneaky())
        self.assertFalse(ledger.closed)
        ledger.close()

    def test_another_thread_closing_during_a_batch(self):
        ledger = oi.Ledger(self.policy)
        started, release = threading.Event(), threading.Event()
        outcome = []

        def slow():
            for i, r in enumerate(many(20)):
                if i == 1:
                    started.set()
                    release.wait(10)
                yield r

        worker = threading.Thread(target=lambda: outcome.append(ledger.submit_many(slow())))
        worker.start()
        started.wait(10)
        with self.assertRaises(oi.StateError) as cm:
            ledger.close()
        self.assertIn("another thread", cm.exception.message)
        release.set()
        worker.join(10)
        self.assertEqual(len(outcome[0]), 20)
        self.assertEqual(len(ledger), 20)
        ledger.close()

    def test_a_closed_batch_raises(self):
        with oi.Batch(self.policy) as batch:
            row = {"id": "x", "session": "OI-2017-FL", "received": "2017-06-01 9:00",
                   "nights": "5", "attested": "yes", "with_application": "yes",
                   "application_signed": "yes", "request_signed": "yes",
                   "local.number": "728", "local.name": "Local 728", "local.country": "US",
                   "local.district": "2", "local.lm_form": "LM-3", "officer.id": "o-1",
                   "officer.office": "Secretary-Treasurer"}
            self.assertEqual(batch.add_request(row, 2), 0)
            self.assertEqual(batch.request(0).local.lm_form, oi.LmForm.LM_3)
        self.assertTrue(batch.closed)
        batch.close()                       # harmless
        with self.assertRaises(oi.StateError):
            len(batch)

    def test_dropping_every_reference_during_a_call(self):
        # The call holds its ledger: dropping the caller's reference from
        # inside the call frees nothing under it.
        holder = {"ledger": oi.Ledger(self.policy)}

        def requests():
            yield support.request("a")
            holder.clear()
            gc.collect()
            yield support.request("b", officer_=support.officer("o-b"))

        decisions = holder["ledger"].submit_many(requests())
        self.assertEqual([d.request_id for d in decisions], ["a", "b"])


class ParallelTest(unittest.TestCase):

    def test_stateless_batches_from_threads_agree(self):
        policy = oi.Policy.builtin(2017)
        prepared = oi.Requests(many(2000))
        expected = list(oi.check_subsidy_many(policy, prepared))
        results, errors = [], []

        def work():
            try:
                for _ in range(3):
                    results.append(list(oi.check_subsidy_many(policy, prepared)))
            except Exception as e:          # reported below
                errors.append(e)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        self.assertEqual(errors, [])
        self.assertEqual(len(results), 12)
        for r in results:
            self.assertEqual(r, expected)

    def test_ledger_shared_by_threads_is_consistent(self):
        policy = oi.Policy.builtin(2017)
        requests = many(400, session="OI-2017-MD")
        with oi.Ledger(policy) as ledger:
            chunks = [requests[i::4] for i in range(4)]
            errors = []

            def work(chunk):
                try:
                    for r in chunk[:50]:
                        ledger.submit(r)
                    ledger.submit_many(chunk[50:])
                    len(ledger), ledger.session_summary("OI-2017-MD")
                except Exception as e:      # reported below
                    errors.append(e)

            threads = [threading.Thread(target=work, args=(c,)) for c in chunks]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            self.assertEqual(errors, [])
            self.assertEqual(len(ledger), 400)
            summary = ledger.session_summary("OI-2017-MD")
            self.assertEqual(summary.awarded + summary.waitlisted + summary.refused, 400)
            self.assertEqual(summary.awarded, 10)
            # The same as one thread entering them in some order: a restore
            # replays and checks every decision.
            self.assertEqual(len(oi.Ledger.from_json(policy, ledger.to_json())), 400)

    def test_the_batch_call_lets_other_threads_run(self):
        # While one thread is inside the library, another runs Python code.
        policy = oi.Policy.builtin(2017)
        prepared = oi.Requests(many(20000))
        ticks = []
        done = threading.Event()

        def tick():
            while not done.is_set():
                ticks.append(1)

        t = threading.Thread(target=tick)
        t.start()
        try:
            before = len(ticks)
            for _ in range(5):
                oi.check_subsidy_many(policy, prepared)
            during = len(ticks) - before
        finally:
            done.set()
            t.join(10)
        self.assertGreater(during, 0)


class ChildrenKeepParentsTest(unittest.TestCase):

    def test_ledger_batch_outlives_its_ledger(self):
        # S9 names the officer's earlier request; the batch keeps its own copy.
        policy = oi.Policy.builtin(2017)
        ledger = oi.Ledger(policy)
        first = support.request("early", "OI-2017-MD", received=DT(2016, 12, 1))
        second = support.request("again", "OI-2017-CO", received=DT(2016, 12, 2))
        decisions = ledger.submit_many([first, second])
        ledger.close()
        policy.close()
        del ledger, policy
        gc.collect()
        again = decisions[1]
        self.assertEqual(again.request_id, "again")
        self.assertEqual(again.codes, (oi.ReasonCode.OFFICER_ALREADY_SUBSIDIZED,))
        self.assertEqual(again.reasons[0].ref_id, "early")
        self.assertTrue(again.reasons[0].message)
        self.assertEqual(decisions[0].request_id, "early")

    def test_stateless_batch_outlives_its_requests(self):
        policy = oi.Policy.builtin(2017)
        prepared = oi.Requests(many(10))
        decisions = oi.check_subsidy_many(policy, prepared)
        from_dicts = oi.check_subsidy_many(policy, (r.to_dict() for r in many(10)))
        del prepared
        gc.collect()
        self.assertEqual([d.request_id for d in decisions], ["t%05d" % i for i in range(10)])
        self.assertEqual(list(from_dicts), list(decisions))

    def test_batch_document_decisions_need_their_ledger_open(self):
        policy = oi.Policy.builtin(2017)
        batch = oi.Batch.load(policy, support.examples_dir() + "/requests-2017.json")
        ledger = oi.Ledger(policy)
        batch.submit(ledger)
        self.assertEqual(len(batch.decisions()), len(batch))
        ledger.close()
        with self.assertRaises(oi.StateError):
            batch.decisions_to_json()
        batch.check()                       # decided again, by the rules
        self.assertTrue(batch.decisions_to_json())


class CopyAndPickleTest(unittest.TestCase):

    def test_ledger_copies_and_pickles_through_its_snapshot(self):
        policy = oi.Policy.builtin(2017)
        with oi.Ledger(policy) as ledger:
            ledger.submit_many(many(30, session="OI-2017-MD"))
            ledger.withdraw("t00001")
            for again in (copy.copy(ledger), copy.deepcopy(ledger),
                          pickle.loads(pickle.dumps(ledger))):
                with self.subTest(kind=type(again)):
                    self.assertIsNot(again, ledger)
                    self.assertEqual(again.to_json(), ledger.to_json())
                    self.assertEqual(list(again), list(ledger))
                    again.submit(support.request("new", "OI-2017-MD"))
                    self.assertNotIn("new", ledger)
                    again.close()
            self.assertIs(copy.copy(ledger).policy, policy)
        with self.assertRaises(oi.StateError):
            copy.copy(ledger)

    def test_a_ledger_whose_policy_was_closed_still_pickles(self):
        policy = oi.Policy.builtin(2017)
        ledger = oi.Ledger(policy)
        ledger.submit(support.request())
        policy.close()
        again = pickle.loads(pickle.dumps(ledger))
        self.assertEqual(again.to_json(), ledger.to_json())


if __name__ == "__main__":
    unittest.main()
