"""examples/allocate.py runs from the build tree and shows what it promises."""

import os
import subprocess
import sys
import tempfile
import unittest

import officerinst as oi

import support


class ExampleTest(unittest.TestCase):

    def test_allocate(self):
        script = os.path.join(support.examples_dir(), "allocate.py")
        with tempfile.TemporaryDirectory() as tmp:
            snapshot = os.path.join(tmp, "ledger.json")
            result = subprocess.run([sys.executable, script, "--save", snapshot],
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    universal_newlines=True, timeout=120)
            self.assertEqual(result.returncode, 0, result.stderr)
            out = result.stdout
            for text in ("40 requests from 20 locals", "OI-2017-MD", "OI-2017-CO", "OI-2017-FL",
                         "awarded (10)", "waitlisted", "refused",
                         "S4 SEATS_TAKEN", "S5 LOCAL_CAP_REACHED", "S6 RECEIVED_LATE",
                         "S8 REQUEST_NOT_SIGNED", "S8 NOT_WITH_APPLICATION",
                         "S2 US_FORM_NOT_ELIGIBLE", "S2 CA_RECEIPTS_TOO_HIGH",
                         "S2 CA_RECEIPTS_UNKNOWN", "S2 NOT_ATTESTED",
                         "E1 COUNTRY_NOT_ADMITTED", "S3 NIGHTS_LIMITED", "promotes: md-"):
                self.assertIn(text, out)
            with oi.Policy.builtin(2017) as policy:
                ledger = oi.Ledger.load(policy, snapshot)
                self.assertEqual(len(ledger), 40)
                ledger.close()


if __name__ == "__main__":
    unittest.main()
