"""Values as documents: to_dict()/from_dict() give the library's own
document forms, plain dicts in that form are requests, a Batch reads and
writes requests and decisions documents; and the package's edges: text
forms of enums, reprs that round-trip, help on every public name."""

import datetime
import json
import os
import unittest

import officerinst as oi

import support

EXAMPLE = os.path.join(support.examples_dir(), "requests-2017.json")


class DocumentFormTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.policy = oi.Policy.builtin(2017)

    def test_request_to_dict_is_a_requests_document_element(self):
        requests = [support.request("r%d" % i, nights=3 + i) for i in range(3)]
        requests.append(support.request("ca", "OI-2017-FL", support.local(
            58, country="CA", receipts_cents="$249,999.99"), support.officer(
                "o-ca", graduations=[oi.Graduation("Toronto", "2015-06-12")])))
        doc = {"format": "officerinst-requests", "version": 1,
               "requests": [r.to_dict() for r in requests]}
        self.assertEqual(doc["requests"][3]["local"]["receipts"], "$249,999.99")
        self.assertEqual(doc["requests"][3]["session"], "OI-2017-FL")
        batch = oi.Batch.from_json(self.policy, json.dumps(doc))
        self.assertEqual(batch.requests, tuple(requests))
        for r in requests:
            self.assertEqual(oi.SubsidyRequest.from_dict(json.loads(json.dumps(r.to_dict()))), r)

    def test_decision_to_dict_is_a_decisions_document_element(self):
        batch = oi.Batch.load(self.policy, EXAMPLE, per_element=True).check()
        written = json.loads(batch.decisions_to_json())["requests"]
        decisions = batch.decisions()
        self.assertEqual(len(written), len(decisions))
        for d, w in zip(decisions, written):
            with self.subTest(request=w.get("request")):
                mine = d.to_dict()
                self.assertEqual(mine.pop("policy"), self.policy.id)
                self.assertEqual(mine, w)
                self.assertEqual(oi.Decision.from_dict(d.to_dict()), d)

    def test_ledger_decisions_and_entries(self):
        with oi.Ledger(self.policy) as ledger:
            batch = oi.Batch.load(self.policy, EXAMPLE).submit(ledger)
            written = json.loads(batch.decisions_to_json())["requests"]
            for d, w in zip(batch.decisions(), written):
                mine = d.to_dict()
                del mine["policy"]
                self.assertEqual(mine, w)
            for entry in ledger:
                d = entry.to_dict()
                self.assertEqual(d["session"], entry.session_id)
                self.assertIn(d["status"], ("awarded", "waitlisted", "refused"))
                self.assertEqual(oi.LedgerEntry.from_dict(json.loads(json.dumps(d))), entry)
            for event in ledger.events():
                self.assertEqual(oi.Event.from_dict(event.to_dict()), event)

    def test_plain_dicts_decide_as_the_values_do(self):
        with open(EXAMPLE, encoding="utf-8") as f:
            doc = json.load(f)
        dicts = doc["requests"]
        from_dicts = oi.check_subsidy_many(self.policy, dicts)
        from_values = oi.check_subsidy_many(self.policy, [oi.SubsidyRequest.from_dict(d)
                                                          for d in dicts])
        self.assertEqual(from_dicts, list(from_values))
        self.assertEqual(list(from_dicts), oi.Batch.load(self.policy, EXAMPLE).check().decisions())
        with oi.Ledger(self.policy) as a, oi.Ledger(self.policy) as b:
            self.assertEqual(a.submit_many(dicts), list(b.submit_many(oi.Requests(dicts))))

    def test_a_misspelt_key_is_an_error_not_a_default(self):
        d = support.request().to_dict()
        d["local"]["lm-form"] = d["local"].pop("lm_form")
        with self.assertRaises(oi.InvalidArgument) as cm:
            oi.check_subsidy(self.policy, d)
        self.assertEqual(cm.exception.path, "request.local")
        self.assertEqual(cm.exception.expected, "field")
        self.assertIn("lm-form", cm.exception.message)


class BatchTest(unittest.TestCase):

    def setUp(self):
        self.policy = oi.Policy.builtin(2017)

    def bad_document(self):
        with open(EXAMPLE, encoding="utf-8") as f:
            doc = json.load(f)
        doc["requests"][1]["session"] = "OI-2017-ND"
        return json.dumps(doc, indent=1)

    def test_per_element_and_all_or_nothing(self):
        with self.assertRaises(oi.SchemaError) as cm:
            oi.Batch.from_json(self.policy, self.bad_document())
        self.assertEqual(cm.exception.path, "requests[1].session")
        self.assertEqual((cm.exception.index, cm.exception.field), (1, "session"))
        self.assertEqual(cm.exception.suggestion, "OI-2017-MD")
        self.assertGreater(cm.exception.line, 1)
        self.assertEqual(str(cm.exception).count("requests[1].session"), 1, str(cm.exception))
        batch = oi.Batch.from_json(self.policy, self.bad_document(), per_element=True)
        (error,) = batch.errors
        self.assertIsInstance(error, oi.SchemaError)
        self.assertEqual(error.path, "requests[1].session")
        self.assertIsNone(batch.request(1))
        self.assertIs(batch.request_error(1).__class__, oi.SchemaError)
        decisions = batch.check().decisions()
        self.assertIsNone(decisions[1])
        self.assertEqual(sum(d is not None for d in decisions), len(batch) - 1)
        self.assertEqual(len(batch.application_decisions()), batch.application_count)

    def test_elements_copied_out(self):
        # Each good element as the document gave it; None where the batch
        # holds none: a bad element, or an index past the last.
        with open(EXAMPLE, encoding="utf-8") as f:
            doc = json.load(f)
        doc["applications"][2]["course"] = "NO-SUCH-COURSE"
        batch = oi.Batch.from_json(self.policy, json.dumps(doc), per_element=True)
        self.assertEqual(batch.application_count, len(doc["applications"]))
        for i, element in enumerate(doc["applications"]):
            with self.subTest(application=i):
                if i == 2:
                    self.assertIsNone(batch.application(i))
                    self.assertEqual(batch.application_error(i).field, "course")
                    continue
                fields = {k: v for k, v in element.items() if k != "id"}
                self.assertEqual(batch.application(i), oi.Application.from_dict(fields))
                self.assertEqual(batch.application_id(i), element["id"])
        self.assertIsNone(batch.application(len(doc["applications"])))
        self.assertEqual(batch.requests,
                         tuple(oi.SubsidyRequest.from_dict(r) for r in doc["requests"]))
        self.assertEqual(batch.request(3), oi.SubsidyRequest.from_dict(doc["requests"][3]))
        self.assertIsNone(batch.request(len(batch)))

    def test_rows(self):
        batch = oi.Batch(self.policy, per_element=True)
        row = {"id": "R1", "session": "OI-2017-MD", "received": "2016-11-23 9:00", "nights": "5",
               "attested": "yes", "with_application": "y", "application_signed": "1",
               "request_signed": "TRUE", "local.number": "2", "local.name": "IATSE Local 2",
               "local.country": "United States", "local.district": "4", "local.lm_form": "LM3",
               "officer.id": "local-2/ana", "officer.office": "President",
               "officer.graduations": "Toronto 2015-06-12; Denver, CO"}
        self.assertEqual(batch.add_request(row, line=2), 0)
        self.assertEqual(batch.add_request(dict(row, id="R2", nights="many"), line=3), 1)
        r = batch.request(0)
        self.assertEqual((r.local.country, r.local.lm_form), (oi.Country.US, oi.LmForm.LM_3))
        self.assertEqual(r.officer.graduations[0], oi.Graduation("Toronto", "2015-06-12"))
        e = batch.request_error(1)
        self.assertEqual((e.line, e.field), (3, "nights"))
        with self.assertRaises(oi.WrongType):
            batch.add_request({"id": 7})
        with self.assertRaises(oi.WrongType):
            batch.add_request([("id", "x")])       # a row is a mapping

    def test_decisions_document_saved(self):
        import tempfile
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "decisions.json")
            batch = oi.Batch.load(self.policy, EXAMPLE)
            with self.assertRaises(oi.StateError):
                batch.save_decisions(path)          # not decided yet
            batch.check().save_decisions(path)
            with open(path, encoding="utf-8") as f:
                self.assertEqual(json.load(f)["format"], "officerinst-decisions")


class EdgesTest(unittest.TestCase):

    def test_enums_read_and_write_their_text(self):
        self.assertIs(oi.LmForm("LM-3"), oi.LmForm.LM_3)
        self.assertIs(oi.Country("CA"), oi.Country.CA)
        self.assertIs(oi.Country("Canada"), oi.Country.CA)
        self.assertIs(oi.Office("Secretary-Treasurer"), oi.Office.SECRETARY_TREASURER)
        self.assertIs(oi.Outcome("not graduated"), oi.Outcome.NOT_GRADUATED)
        self.assertIs(oi.ReasonCode("received late"), oi.ReasonCode.RECEIVED_LATE)
        self.assertIs(oi.Clause("s6"), oi.Clause.S6)
        self.assertIs(oi.Severity("note"), oi.Severity.NOTE)
        self.assertIs(oi.EventType("promoted"), oi.EventType.PROMOTED)
        self.assertIs(oi.CourseKind("Officer Institute 1.0"), oi.CourseKind.INSTITUTE)
        for cls in (oi.Country, oi.LmForm, oi.Office, oi.CourseKind, oi.Clause, oi.Outcome,
                    oi.ReasonCode, oi.Severity, oi.EventType, oi.Status):
            for member in cls:
                with self.subTest(member=member):
                    if member.name == "NONE" and cls in (oi.Clause, oi.ReasonCode):
                        continue            # no clause, no code: nothing to name
                    self.assertIs(cls(str(member)), member)        # round trip
                    self.assertEqual(format(member), str(member))
                    self.assertEqual(eval(repr(member), vars(oi)), member)
        self.assertEqual(str(oi.LmForm.LM_3), "LM-3")
        self.assertEqual(str(oi.Payer.SUBSIDY), "subsidy")
        self.assertEqual(str(oi.CostItem.PER_DIEM), "per_diem")
        self.assertIs(oi.Payer("subsidy"), oi.Payer.SUBSIDY)
        self.assertIs(oi.CostItem("per_diem"), oi.CostItem.PER_DIEM)
        with self.assertRaises(oi.InvalidArgument) as cm:
            oi.Country("Mexico")
        self.assertIsInstance(cm.exception, ValueError)
        with self.assertRaises(oi.InvalidArgument) as cm:
            oi.Office("secretry")
        self.assertEqual(cm.exception.suggestion, "secretary")

    def test_dates_and_money_as_text(self):
        s = oi.Session("S", "Denver, CO", "H", "2018-05-07", datetime.date(2018, 5, 11),
                       ["US"], ["OI-1.0"])
        self.assertEqual(s.first_day, datetime.date(2018, 5, 7))
        self.assertEqual(oi.check_graduation(oi.Policy.builtin(2017), "OI-2017-MD",
                                             ["2017-02-%02d" % d for d in range(13, 18)]).outcome,
                         oi.Outcome.GRADUATED)
        split = oi.cost_split(oi.Policy.builtin(2017), 7, 5, "$150.00")
        self.assertEqual(split.subsidy_hotel_cents, 75000)

    def test_reprs_round_trip(self):
        values = [support.local(), support.officer(graduations=["Toronto"]), support.request(),
                  oi.Application("ADV-2017-MD", "ORG-2.0", support.local(), support.officer()),
                  oi.PolicyNumbers(2018, 10, 2, 6, 5, 25000000),
                  oi.Course("OI-1.0", "Officer Institute 1.0", "institute"),
                  oi.Policy.builtin(2017).sessions[0],
                  oi.check_subsidy(oi.Policy.builtin(2017), support.request(nights=7))]
        for v in values:
            with self.subTest(type=type(v).__name__):
                self.assertEqual(eval(repr(v), dict(vars(oi), datetime=datetime)), v)

    def test_help_on_every_public_name(self):
        for name in oi.__all__:
            obj = getattr(oi, name)
            if isinstance(obj, int):
                continue
            with self.subTest(name=name):
                self.assertTrue((obj.__doc__ or "").strip(), name)
                if isinstance(obj, type):
                    for attr, member in vars(obj).items():
                        if attr.startswith("_") or not callable(member):
                            continue
                        self.assertTrue((getattr(member, "__doc__", "") or "").strip(),
                                        "%s.%s" % (name, attr))

    def test_typed_package(self):
        here = os.path.dirname(oi.__file__)
        self.assertTrue(os.path.exists(os.path.join(here, "py.typed")))
        self.assertIn("return", oi.check_subsidy.__annotations__)


if __name__ == "__main__":
    unittest.main()
