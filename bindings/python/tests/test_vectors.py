"""Every vector of tests/vectors/clauses.json, through the Python bindings.

tests/check_vectors runs the same file against the C library, so the two can
never drift apart. tests/vectors/README describes the format. One unittest
test per vector, named after it (test_0042_S6_MD_41_days_before).
"""

import datetime
import json
import re
import unittest

import officerinst as oi

import support

with open(support.vectors_path(), encoding="utf-8") as _f:
    DOC = json.load(_f)
DEFAULTS = DOC["defaults"]

LM_FORMS = {"none": oi.LmForm.NONE, "LM-2": oi.LmForm.LM_2, "LM-3": oi.LmForm.LM_3,
            "LM-4": oi.LmForm.LM_4}


def merged(section, override):
    m = dict(DEFAULTS.get(section, {}))
    m.update(override or {})
    return m


def make_local(override):
    d = merged("local", override)
    return oi.Local(d["number"], d["name"], oi.Country[d["country"]], d["district"],
                    LM_FORMS[d["lm_form"]], d["receipts_cents"])


def make_officer(override):
    d = merged("officer", override)
    graduations = [oi.Graduation(g["site"], datetime.date.fromisoformat(g["date"])
                                 if g.get("date") else None)
                   for g in d["graduations"]]
    return oi.Officer(d["id"], d["name"], oi.Office[d["office"]], graduations)


def make_request(spec):
    d = merged("request", {k: v for k, v in spec.items() if k not in ("local", "officer")})
    return oi.SubsidyRequest(d["id"], d["session_id"], make_local(spec.get("local")),
                             make_officer(spec.get("officer")),
                             datetime.datetime.fromisoformat(d["received"]), d["nights"],
                             d["attested"], d["with_application"], d["application_signed"],
                             d["request_signed"])


def outcome_name(outcome):
    return "none" if outcome == oi.Outcome.NONE else str(outcome)


def expected_outcome(value):
    return "none" if value is None else value


class Runner:
    """Mixin: the checks, shared by the generated tests."""

    def check_error(self, expect, make_and_call):
        """Run; if the vector expects an error, check it and return None."""
        if not isinstance(expect, dict) or "error" not in expect:
            return make_and_call()
        with self.assertRaises(oi.Error) as cm:
            make_and_call()
        e = cm.exception
        self.assertEqual("OI_" + oi.Status(e.status).name, expect["error"], str(e))
        self.assertTrue(e.message)
        if "path" in expect:
            # Python checks values when they are made: the path may be a suffix.
            self.assertTrue(expect["path"] == e.path or expect["path"].endswith("." + e.path),
                            "error path %r, expected %r" % (e.path, expect["path"]))
        return None

    def check_reasons(self, reasons, expected):
        self.assertEqual([[r.clause, r.code.name] for r in reasons],
                         [pair[:2] for pair in expected])
        for r, pair in zip(reasons, expected):
            if len(pair) > 2:               # [clause, code, ref_id]
                self.assertEqual(r.ref_id, pair[2], r)
        for r in reasons:
            self.assertTrue(r.message, r)

    def check_decision(self, d, expect):
        self.assertEqual(outcome_name(d.outcome), expected_outcome(expect["outcome"]), repr(d))
        self.check_reasons(d.reasons, expect["reasons"])
        if "nights" in expect:
            self.assertEqual(d.nights, expect["nights"], repr(d))
        if "payee" in expect:
            self.assertEqual(d.payee is not None, expect["payee"], repr(d))
        if "nights_if_awarded" in expect:
            self.assertEqual(d.nights_if_awarded, expect["nights_if_awarded"], repr(d))
        if "request_id" in expect:
            self.assertEqual(d.request_id, expect["request_id"], repr(d))

    def policy_of(self, v):
        """The built-in 2017 policy, or the one of "policies" the vector names."""
        if "policy" not in v:
            return oi.Policy.builtin(2017)
        return oi.Policy.from_json(json.dumps(DOC["policies"][v["policy"]]))

    def run_vector(self, v):
        kind, spec, expect = v["kind"], v["input"], v["expect"]
        with self.policy_of(v) as policy:
            if kind == "subsidy":
                d = self.check_error(expect, lambda: oi.check_subsidy(policy, make_request(spec)))
            elif kind == "enrollment":
                def call():
                    a = merged("application", {k: spec[k] for k in ("session_id", "course_id")
                                               if k in spec})
                    app = oi.Application(a["session_id"], a["course_id"],
                                         make_local(spec.get("local")),
                                         make_officer(spec.get("officer")))
                    return oi.check_enrollment(policy, app)
                d = self.check_error(expect, call)
            elif kind == "graduation":
                days = [datetime.date.fromisoformat(x) for x in spec["attended"]]
                d = self.check_error(expect, lambda: oi.check_graduation(
                    policy, spec["session_id"], days))
            elif kind == "cost":
                split = self.check_error(expect, lambda: oi.cost_split(
                    policy, spec["nights"], spec["nights_awarded"], spec["nightly_rate_cents"]))
                if split is not None:
                    self.assertEqual({item.name.lower(): payer.name.lower()
                                      for item, payer in split.payers.items()}, expect["payers"])
                    for key in ("subsidy_nights", "local_nights", "subsidy_hotel_cents",
                                "local_hotel_cents"):
                        self.assertEqual(getattr(split, key), expect[key], key)
                return
            elif kind == "ledger":
                with oi.Ledger(policy) as ledger:
                    for i, step in enumerate(spec["steps"]):
                        with self.subTest(step=i):
                            self.run_step(ledger, step)
                return
            else:
                self.fail("unknown kind %r" % kind)
            if d is not None:
                self.check_decision(d, expect)

    def run_step(self, ledger, step):
        expect = step["expect"]
        if "submit" in step:
            d = self.check_error(expect, lambda: ledger.submit(make_request(step["submit"])))
            if d is not None:
                self.check_decision(d, expect)
        elif "submit_many" in step:
            ds = self.check_error(expect, lambda: ledger.submit_many(
                [make_request(r) for r in step["submit_many"]]))
            if ds is not None:
                self.assertEqual(len(ds), len(expect))
                for d, e in zip(ds, expect):
                    self.check_decision(d, e)
        elif "withdraw" in step:
            w = self.check_error(expect, lambda: ledger.withdraw(step["withdraw"]))
            if w is not None:
                self.assertEqual(outcome_name(w.previous), expect["previous"])
                self.assertEqual(list(w.promoted), expect["promoted"])
        elif "entry" in step:
            e = self.check_error(expect, lambda: ledger.get(step["entry"]))
            if e is not None:
                if "status" in expect:
                    self.assertEqual(outcome_name(e.status), expect["status"])
                if "nights" in expect:
                    self.assertEqual(e.nights, expect["nights"])
                for key in ("nights_if_awarded", "year", "local_name", "officer_name"):
                    if key in expect:
                        self.assertEqual(getattr(e, key), expect[key], key)
                if "payee" in expect:
                    self.assertEqual(e.payee is not None, expect["payee"])
                if "reasons" in expect:
                    self.check_reasons(e.reasons, expect["reasons"])
        elif "summary" in step:
            s = self.check_error(expect, lambda: ledger.session_summary(step["summary"]))
            if s is not None:
                for key, value in expect.items():
                    self.assertEqual(getattr(s, key), value, key)
        elif "events_from" in step:
            events = list(ledger.events(start=step["events_from"]))
            # a row may add the nights the event carries as a fifth element
            self.assertEqual([[str(e.type), e.request_id,
                               None if e.outcome == oi.Outcome.NONE else str(e.outcome),
                               e.cause_id] + ([e.nights] if len(row) > 4 else [])
                              for e, row in zip(events, expect)], expect)
            self.assertEqual(len(events), len(expect))
        elif "local_awards" in step:
            q = step["local_awards"]
            awards = self.check_error(expect, lambda: ledger.local_awards(q["local"], q["year"]))
            if awards is not None:
                self.assertEqual([e.id for e in awards], expect)
        else:
            self.fail("unknown step %r" % step)


class VectorTest(Runner, unittest.TestCase):
    """Generated: one test per vector."""

    def test_document(self):
        self.assertEqual(DOC["format"], "officerinst-clause-vectors")
        self.assertEqual(DOC["version"], 2)
        for v in DOC["vectors"]:
            if "policy" in v:
                self.assertIn(v["policy"], DOC.get("policies", {}), v["id"])
        ids = [v["id"] for v in DOC["vectors"]]
        self.assertEqual(len(ids), len(set(ids)), "vector ids must be unique")
        covered = {v["clause"] for v in DOC["vectors"]}
        self.assertFalse(set(DOC["required_clauses"]) - covered)


def _add_tests():
    for i, v in enumerate(DOC["vectors"]):
        def test(self, v=v):
            self.run_vector(v)
        name = "test_%04d_%s" % (i, re.sub(r"\W", "_", v["id"]))
        test.__name__ = name
        test.__doc__ = "%s (%s): %s" % (v["id"], v["clause"], v["description"])
        setattr(VectorTest, name, test)


_add_tests()

if __name__ == "__main__":
    unittest.main()
