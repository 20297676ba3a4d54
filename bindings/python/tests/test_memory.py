"""No memory growth: create/free cycles of policies, ledgers, decisions and
errors leave the resident set where it was.

Each test warms up first (allocator pools, caches, interned strings), then
measures the RSS (/proc/self/statm) before and after its cycles and allows a
small slack. `make check` runs 5,000 cycles a test (and 10 of the batch
test's), where a leak of a few hundred bytes a cycle shows; `make check-long`
(OI_TEST_LONG=1) runs 100,000 (and 100), where a leak of even 16 bytes a
cycle would show as 1.6 MB. OI_MEMORY_CYCLES sets the count. The figures are
printed (make check keeps them in the test log).
"""

import datetime
import json
import os
import sys
import unittest

import officerinst as oi

import support

LONG = os.environ.get("OI_TEST_LONG", "") not in ("", "0")
CYCLES = int(os.environ.get("OI_MEMORY_CYCLES", "100000" if LONG else "5000"))
BATCH_CYCLES = 100 if LONG else 10
WARMUP = 2000
SLACK = 1024 * 1024      # bytes


# Under AddressSanitizer (.ci/harden asan preloads libasan) the allocator
# keeps freed blocks in its own free lists and the RSS says nothing about
# leaks; the plain `make check` run measures it.
UNDER_ASAN = "libasan" in os.environ.get("LD_PRELOAD", "")


@unittest.skipUnless(os.path.exists("/proc/self/statm"), "needs /proc/self/statm")
@unittest.skipIf(UNDER_ASAN, "RSS is not a measure of leaks under AddressSanitizer")
class MemoryTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.policy = oi.Policy.builtin(2017)
        cls.request = support.request(nights=7)
        cls.late = support.request(received=datetime.datetime(2017, 10, 1), request_signed=False)

    @classmethod
    def tearDownClass(cls):
        cls.policy.close()

    def measure(self, name, cycle):
        for _ in range(WARMUP):
            cycle()
        before = support.rss_bytes()
        for _ in range(CYCLES):
            cycle()
        after = support.rss_bytes()
        growth = after - before
        sys.stderr.write("\n  memory %-28s %d cycles: RSS %.1f MB -> %.1f MB (%+d KB) " % (
            name, CYCLES, before / 1e6, after / 1e6, growth // 1024))
        self.assertLess(growth, SLACK, "%s grew by %d bytes over %d cycles" % (name, growth, CYCLES))

    def test_policy_cycles(self):
        def cycle():
            p = oi.Policy.builtin(2017)
            p.sessions
            p.close()
        self.measure("Policy.builtin/close", cycle)

    def test_policy_garbage_collected(self):
        def cycle():
            oi.Policy.builtin(2017).id
        self.measure("Policy dropped", cycle)

    def test_ledger_cycles(self):
        policy, request = self.policy, self.request

        def cycle():
            with oi.Ledger(policy) as ledger:
                ledger.submit(request)
                ledger.withdraw(request.id)
        self.measure("Ledger submit/withdraw/close", cycle)

    def test_ledger_dropped_with_its_policy(self):
        request = self.request

        def cycle():
            ledger = oi.Ledger(oi.Policy.builtin(2017))
            ledger.submit(request)
        self.measure("Ledger+Policy dropped", cycle)

    def test_decision_cycles(self):
        policy, request, late = self.policy, self.request, self.late

        def cycle():
            oi.check_subsidy(policy, request)
            oi.check_subsidy(policy, late)
        self.measure("Decision (check_subsidy x2)", cycle)

    def test_batch_cycles(self):
        policy = self.policy
        batch = [self.request, self.late] * 5

        def cycle():
            oi.check_subsidy_many(policy, batch)
        self.measure("check_subsidy_many (10)", cycle)

    def test_decisions_batches(self):
        # BATCH_CYCLES batches of 10,000 decisions (a ledger's and a
        # stateless one), each read in part (a Decision, messages,
        # aggregates, a view), then dropped: the C memory of every batch is
        # freed with it.
        policy = self.policy
        requests = [support.request("b%05d" % i, ("OI-2017-MD", "OI-2017-FL")[i % 2],
                                    support.local(100 + i // 3, district=1 + i % 13),
                                    support.officer("o-%d" % i),
                                    datetime.datetime(2016, 11, 1) + datetime.timedelta(
                                        minutes=(i * 7919) % 10_000),
                                    nights=3 + i % 5, request_signed=i % 7 != 0)
                    for i in range(10_000)]

        def cycle():
            with oi.Ledger(policy) as ledger:
                batch = ledger.submit_many(requests)
            stateless = oi.check_subsidy_many(policy, requests)
            for b in (batch, stateless):
                b.outcomes()
                b.counts()
                waiting = b.select(oi.Outcome.WAITLISTED, oi.Outcome.REFUSED)[::-1]
                for d in (b[0], b[-1], waiting[0]):
                    [r.message for r in d.reasons]
                list(b[5000:5100])

        for _ in range(5):
            cycle()
        before = support.rss_bytes()
        for _ in range(BATCH_CYCLES):
            cycle()
        after = support.rss_bytes()
        growth = after - before
        sys.stderr.write("\n  memory %-28s %d cycles: RSS %.1f MB -> %.1f MB (%+d KB) " % (
            "Decisions, 2 x 10,000", BATCH_CYCLES, before / 1e6, after / 1e6, growth // 1024))
        self.assertLess(growth, SLACK, "batches grew by %d bytes over %d cycles" % (
            growth, BATCH_CYCLES))

    def test_dict_batch_cycles(self):
        policy = self.policy
        dicts = [self.request.to_dict(), self.late.to_dict()] * 5

        def cycle():
            oi.check_subsidy_many(policy, dicts)[3].reasons
        self.measure("check_subsidy_many of dicts", cycle)

    def test_document_cycles(self):
        policy = self.policy
        text = json.dumps({"format": "officerinst-requests", "version": 1,
                           "requests": [dict(self.request.to_dict(), id="r%d" % i)
                                        for i in range(5)]})

        def cycle():
            with oi.Batch.from_json(policy, text) as batch:
                batch.check().decisions()
                batch.decisions_to_json()
        self.measure("Batch from_json/check", cycle)

    def test_error_cycles(self):
        policy = self.policy
        unknown = support.request(session_id="OI-2099-XX")

        def cycle():
            try:
                oi.check_subsidy(policy, unknown)
            except oi.NotFound:
                pass
        self.measure("NotFound raised from C", cycle)

    def test_json_cycles(self):
        policy = self.policy

        def cycle():
            oi.Policy.from_json(policy.to_json()).close()
        self.measure("Policy to_json/from_json", cycle)


if __name__ == "__main__":
    unittest.main()
