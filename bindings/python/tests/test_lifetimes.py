"""No call can outlive its objects: a ledger closed, or its handle dropped,
while one of its calls is still running -- by Python code the call runs
(a generator of requests, __bool__ or __fspath__ of an argument) or by
another thread -- raises StateError and leaves the ledger as it was.

Each scenario runs in a child interpreter: if the bindings touched freed
memory the child would die of a signal, and the test fails with it instead
of the whole test run.
"""

import json
import os
import subprocess
import sys
import textwrap
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))

PRELUDE = """
import datetime, gc, json, sys, threading
sys.path.insert(0, %r)
import officerinst as oi
from officerinst import _officerinst_c as _c
import support

_x = _c._officerinst
policy = oi.Policy.builtin(2017)
ledger = oi.Ledger(policy)
ledger.submit(support.request("r0", officer_=support.officer("o-0")))

def req(i):
    return support.request("r%%d" %% i, local_=support.local(100 + i),
                           officer_=support.officer("o-%%d" %% i))

def state():
    return {"closed": ledger.closed, "count": None if ledger.closed else len(ledger),
            "events": None if ledger.closed else len(list(ledger.events()))}

def result(**kw):
    print("RESULT " + json.dumps(kw))
""" % HERE


def run_child(body):
    """Run PRELUDE + body in a child interpreter; the dict it printed."""
    code = PRELUDE + textwrap.dedent(body)
    proc = subprocess.run([sys.executable, "-c", code], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True, timeout=60)
    if proc.returncode != 0:
        raise AssertionError("the child interpreter %s:\n%s" % (
            "died of signal %d" % -proc.returncode if proc.returncode < 0
            else "exited with %d" % proc.returncode, proc.stderr[-2000:]))
    lines = [l for l in proc.stdout.splitlines() if l.startswith("RESULT ")]
    if len(lines) != 1:
        raise AssertionError("no result from the child:\n%s\n%s" % (proc.stdout, proc.stderr))
    return json.loads(lines[0][len("RESULT "):])


class CloseDuringACallTest(unittest.TestCase):

    def test_a_generator_fed_to_submit_many_that_closes_the_ledger_gets_state_error(self):
        r = run_child("""
            seen = []
            def requests():
                yield req(1)
                try:
                    ledger.close()
                    seen.append("closed")
                except oi.StateError as e:
                    seen.append(type(e).__name__)
                yield req(2)
            decisions = ledger.submit_many(requests())
            result(seen=seen, outcomes=[d.outcome.name for d in decisions], **state())
            """)
        self.assertEqual(r["seen"], ["StateError"])
        self.assertEqual(r["outcomes"], ["AWARDED", "AWARDED"])
        self.assertEqual((r["closed"], r["count"]), (False, 3))

    def test_the_state_error_raised_into_submit_many_leaves_the_ledger_as_it_was(self):
        r = run_child("""
            before = state()
            def requests():
                yield req(1)
                ledger.close()
                yield req(2)
            try:
                ledger.submit_many(requests())
                raised = None
            except oi.StateError as e:
                raised = type(e).__name__
            result(raised=raised, before=before, after=state())
            """)
        self.assertEqual(r["raised"], "StateError")
        self.assertEqual(r["before"], r["after"])
        self.assertEqual(r["after"]["count"], 1)

    def test_another_thread_closing_while_a_batch_reads_its_requests_gets_state_error(self):
        r = run_child("""
            errors = []
            def close_it():
                try:
                    ledger.close()
                    errors.append("closed")
                except oi.StateError:
                    errors.append("StateError")
            def requests():
                yield req(1)
                t = threading.Thread(target=close_it)
                t.start()
                t.join()
                yield req(2)
            decisions = ledger.submit_many(requests())
            after = state()
            ledger.close()
            result(errors=errors, n=len(decisions), after=after, closed_after=ledger.closed)
            """)
        self.assertEqual(r["errors"], ["StateError"])
        self.assertEqual(r["n"], 2)
        self.assertEqual(r["after"]["count"], 3)
        self.assertTrue(r["closed_after"])

    def test_a_generator_that_drops_every_reference_to_the_ledger_does_not_free_it(self):
        r = run_child("""
            holder = [ledger]
            del ledger
            def requests():
                yield req(1)
                holder.clear()
                gc.collect()
                yield req(2)
            l = holder[0]
            decisions = l.submit_many(requests())
            del l
            gc.collect()
            result(n=len(decisions), outcome=decisions[1].outcome.name)
            """)
        self.assertEqual((r["n"], r["outcome"]), (2, "AWARDED"))


class BindingEntryPointsTest(unittest.TestCase):
    """The low-level module itself, whatever the package checks first."""

    def test_a_request_field_closing_the_ledger_is_state_error(self):
        r = run_child("""
            h = ledger._h
            base = req(1)
            class Sly:
                def __getattr__(self, name):
                    if name == "attested":
                        _c.ledger_release(h)
                    return getattr(base, name)
            try:
                _x.ledger_submit(h, Sly())
                raised = None
            except oi.StateError:
                raised = "StateError"
            result(raised=raised, **state())
            """)
        self.assertEqual(r["raised"], "StateError")
        self.assertEqual((r["closed"], r["count"]), (False, 1))

    def test_fspath_of_a_save_path_closing_the_ledger_is_state_error(self):
        r = run_child("""
            import os, tempfile
            h = ledger._h
            d = tempfile.mkdtemp()
            class SlyPath:
                def __fspath__(self):
                    _c.ledger_release(h)
                    return os.path.join(d, "ledger.json")
            try:
                _c.ledger_save(h, SlyPath())
                raised = None
            except oi.StateError:
                raised = "StateError"
            saved = os.path.exists(os.path.join(d, "ledger.json"))
            result(raised=raised, saved=saved, **state())
            """)
        self.assertEqual(r["raised"], "StateError")
        self.assertFalse(r["saved"])
        self.assertEqual((r["closed"], r["count"]), (False, 1))

    def test_a_generator_closing_the_handle_under_submit_many_is_state_error(self):
        r = run_child("""
            h = ledger._h
            def requests():
                yield req(1)
                _c.ledger_release(h)
                yield req(2)
            try:
                _x.ledger_submit_many(h, requests())
                raised = None
            except oi.StateError:
                raised = "StateError"
            result(raised=raised, **state())
            """)
        self.assertEqual(r["raised"], "StateError")
        self.assertEqual((r["closed"], r["count"]), (False, 1))

    def test_a_handle_dropped_during_its_call_is_freed_when_the_call_ends(self):
        # What the collector does to a handle whose last reference goes: the
        # C object behind the proxy is destroyed, here while its call runs.
        r = run_child("""
            h = ledger._h
            def requests():
                yield req(1)
                del h.this
                gc.collect()
                yield req(2)
            batch = _x.ledger_submit_many(h, requests())
            decisions = oi.Decisions._wrap(batch, ledger._ph)
            ledger._h = None
            gc.collect()
            result(n=len(decisions), outcome=decisions[1].outcome.name)
            """)
        self.assertEqual((r["n"], r["outcome"]), (2, "AWARDED"))


class ThreadsTest(unittest.TestCase):

    def test_two_threads_submitting_and_withdrawing_leave_a_consistent_ledger(self):
        r = run_child("""
            errors = []
            def work(k):
                try:
                    for i in range(200):
                        n = 1000 * k + i
                        ledger.submit(req(n))
                        if i % 3 == 0:
                            try:
                                ledger.withdraw("r%d" % n)
                            except oi.StateError:
                                pass
                        len(ledger)
                        list(ledger.events(len(list(ledger.events())) - 2))
                except Exception as e:
                    errors.append(repr(e))
            ts = [threading.Thread(target=work, args=(k,)) for k in (1, 2)]
            for t in ts: t.start()
            for t in ts: t.join()
            back = oi.Ledger.from_json(policy, ledger.to_json())
            result(errors=errors, count=len(ledger), replayed=len(back))
            """)
        self.assertEqual(r["errors"], [])
        self.assertEqual(r["count"], 401)
        self.assertEqual(r["replayed"], 401)


if __name__ == "__main__":
    unittest.main()
