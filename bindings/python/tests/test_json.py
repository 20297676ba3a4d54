"""Round trips through JSON: policies and ledger snapshots, as text and as
files."""

import datetime
import json
import os
import pickle
import shutil
import stat
import tempfile
import unittest

import officerinst as oi

import support

DT = datetime.datetime


class TempDirTest(unittest.TestCase):

    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="officerinst-test-")
        self.policy = oi.Policy.builtin(2017)

    def tearDown(self):
        self.policy.close()
        shutil.rmtree(self.dir)


class PolicyJsonTest(TempDirTest):

    def test_text_round_trip(self):
        text = self.policy.to_json()
        self.assertIsInstance(text, str)
        doc = json.loads(text)
        self.assertEqual(doc["id"], self.policy.id)
        again = oi.Policy.from_json(text)
        self.assertEqual(again.digest, self.policy.digest)
        self.assertEqual(again.sessions, self.policy.sessions)
        self.assertEqual(oi.Policy.from_json(text.encode("utf-8")).digest, self.policy.digest)

    def test_file_round_trip(self):
        path = os.path.join(self.dir, "policy.json")
        self.policy.save(path)
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)
        self.assertEqual(oi.Policy.load(path).digest, self.policy.digest)
        from pathlib import Path
        self.assertEqual(oi.Policy.load(Path(path)).id, self.policy.id)
        self.assertEqual(oi.Policy.load(os.fsencode(path)).id, self.policy.id)

    def test_built_policy_round_trip(self):
        p = oi.Policy.build("mini", oi.PolicyNumbers(2018, 1, 1, 2, 3, 100),
                            [oi.Course("OI-1.0", "Officer Institute 1.0", oi.CourseKind.INSTITUTE)],
                            [oi.Session("S", "Denver, CO", "H\u00f4tel", datetime.date(2018, 1, 29),
                                        datetime.date(2018, 2, 2), ["US", "CA"], ["OI-1.0"])])
        q = oi.Policy.from_json(p.to_json())
        self.assertEqual(q.digest, p.digest)
        self.assertEqual(q.session("S").hotel, "H\u00f4tel")

    def test_pickle(self):
        again = pickle.loads(pickle.dumps(self.policy))
        self.assertEqual(again, self.policy)

    def test_bad_documents(self):
        with self.assertRaises(oi.ParseError) as cm:
            oi.Policy.from_json("")
        self.assertIsInstance(cm.exception, oi.DocumentError)
        with self.assertRaises(oi.SchemaError) as cm:
            oi.Policy.from_json('{"format": "officerinst-policy", "version": 1}')
        self.assertTrue(cm.exception.message)


class LedgerJsonTest(TempDirTest):

    def fill(self, ledger):
        ledger.submit_many(support.ten_at("OI-2017-MD", 100))
        ledger.submit(support.request("w", "OI-2017-MD", support.local(300),
                                      support.officer("o-300"), DT(2016, 12, 5)))
        ledger.submit(support.request("late", received=DT(2017, 9, 30)))
        ledger.withdraw("r03")

    def test_snapshot_answers_alike(self):
        with oi.Ledger(self.policy) as ledger:
            self.fill(ledger)
            text = ledger.to_json()
            restored = oi.Ledger.from_json(self.policy, text)
            self.assertEqual(len(restored), len(ledger))
            self.assertEqual(list(restored), list(ledger))
            self.assertEqual(list(restored.events()), list(ledger.events()))
            self.assertEqual(restored.session_summary("OI-2017-MD"),
                             ledger.session_summary("OI-2017-MD"))
            # ... and decides the next request alike.
            nxt = support.request("next", "OI-2017-MD", support.local(301),
                                  support.officer("o-301"), DT(2016, 12, 6))
            self.assertEqual(restored.submit(nxt), ledger.submit(nxt))
            self.assertEqual(restored.to_json(), ledger.to_json())
            restored.close()

    def test_file_round_trip(self):
        path = os.path.join(self.dir, "ledger.json")
        with oi.Ledger(self.policy) as ledger:
            self.fill(ledger)
            ledger.save(path)
            with oi.Ledger.load(self.policy, path) as restored:
                self.assertEqual(list(restored), list(ledger))
                self.assertIs(restored.policy, self.policy)
        self.assertEqual(stat.S_IMODE(os.stat(path).st_mode), 0o600)

    def test_restored_ledger_keeps_its_policy(self):
        with oi.Ledger(self.policy) as ledger:
            self.fill(ledger)
            text = ledger.to_json()
        policy = oi.Policy.builtin(2017)
        restored = oi.Ledger.from_json(policy, text)
        policy.close()
        self.assertEqual(restored.get("w").status, oi.Outcome.AWARDED)   # promoted
        restored.close()

    def test_mismatch_and_bad_snapshots(self):
        other = oi.Policy.build("other", self.policy.numbers, self.policy.courses,
                                self.policy.sessions, self.policy.prior_sites)
        with oi.Ledger(self.policy) as ledger:
            self.fill(ledger)
            text = ledger.to_json()
        with self.assertRaises(oi.PolicyMismatch):
            oi.Ledger.from_json(other, text)
        with self.assertRaises(oi.ParseError):
            oi.Ledger.from_json(self.policy, text[:-10])
        doc = json.loads(text)
        doc["requests"][0]["nights"] = "five"
        with self.assertRaises(oi.SchemaError) as cm:
            oi.Ledger.from_json(self.policy, json.dumps(doc, indent=1))
        self.assertTrue(cm.exception.path.startswith("requests[0]"), cm.exception.path)
        self.assertGreater(cm.exception.line, 1)
        with self.assertRaises(oi.FileError):
            oi.Ledger.load(self.policy, os.path.join(self.dir, "missing.json"))
        with self.assertRaises(oi.FileError):
            oi.Ledger(self.policy).save(os.path.join(self.dir, "no", "such", "dir.json"))


if __name__ == "__main__":
    unittest.main()
