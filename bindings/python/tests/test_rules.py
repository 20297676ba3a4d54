"""The stateless rules through Python: decisions, reasons, batches, costs."""

import datetime
import json
import unittest

import officerinst as oi

import support

D = datetime.date


class SubsidyTest(unittest.TestCase):

    def setUp(self):
        self.policy = oi.Policy.builtin(2017)

    def test_eligible(self):
        d = oi.check_subsidy(self.policy, support.request(nights=7))
        self.assertIs(d.outcome, oi.Outcome.ELIGIBLE)
        self.assertEqual((d.nights, d.nights_requested), (5, 7))
        self.assertEqual(d.payee, self.policy.session("OI-2017-FL").hotel)
        self.assertEqual(d.policy_id, self.policy.id)
        self.assertEqual(d.session_id, "OI-2017-FL")
        (note,) = d.reasons
        self.assertIs(note.code, oi.ReasonCode.NIGHTS_LIMITED)
        self.assertEqual(note.clause, "S3")
        self.assertIs(note.clause_code, oi.Clause.S3)
        self.assertIs(note.severity, oi.Severity.NOTE)
        self.assertEqual(note.values, (7, 5, 0, 0))
        self.assertEqual(note.session_id, "OI-2017-FL")
        self.assertEqual(note.message, "7 nights requested; the subsidy pays up to 5 nights at "
                                       "the designated hotel")
        self.assertEqual(str(note), "S3 NIGHTS_LIMITED: " + note.message)

    def test_refused_with_every_reason(self):
        r = support.request(session_id="OI-2017-MD", received=D(2017, 1, 3),
                            local_=support.local(lm_form=oi.LmForm.LM_2), request_signed=False)
        d = oi.check_subsidy(self.policy, r)
        self.assertIs(d.outcome, oi.Outcome.REFUSED)
        self.assertEqual(d.clauses, ("S2", "S6", "S8"))
        self.assertEqual(d.codes, (oi.ReasonCode.US_FORM_NOT_ELIGIBLE,
                                   oi.ReasonCode.RECEIVED_LATE, oi.ReasonCode.REQUEST_NOT_SIGNED))
        self.assertEqual((d.nights, d.payee), (0, None))
        late = d.reasons[1]
        self.assertEqual(late.message,
                         "received 2017-01-03, 41 days before the session's first day "
                         "2017-02-13; requests must be received by 2017-01-02 (6 weeks before)")
        self.assertEqual(late.values[1], 41)
        self.assertTrue(repr(d).startswith("Decision(outcome=Outcome.REFUSED, reasons=("
                                           "Reason(code=ReasonCode.US_FORM_NOT_ELIGIBLE, "
                                           "clause='S2', severity=Severity.REFUSAL"), repr(d))
        self.assertEqual(eval(repr(d), vars(oi)), d)

    def test_decisions_are_plain_values(self):
        d = oi.check_subsidy(self.policy, support.request())
        self.policy.close()
        self.assertIs(d.outcome, oi.Outcome.ELIGIBLE)      # points into nothing
        self.assertEqual(d, oi.Decision.from_dict(d.to_dict()))
        self.assertEqual(eval(repr(d), vars(oi)), d)          # repr round-trips
        self.assertEqual(json.loads(json.dumps(d.to_dict())), d.to_dict())
        self.assertEqual(d.to_dict()["outcome"], "eligible")

    def test_many_is_one_call_and_equals_one_by_one(self):
        requests = [support.request("r%d" % i, received=D(2017, 8, 28) + datetime.timedelta(days=i),
                                    nights=3 + i)
                    for i in range(10)]
        many = oi.check_subsidy_many(self.policy, requests)
        self.assertEqual(many, [oi.check_subsidy(self.policy, r) for r in requests])
        self.assertEqual(oi.check_subsidy_many(self.policy, iter(requests[:2])), many[:2])
        self.assertEqual(oi.check_subsidy_many(self.policy, []), [])
        self.assertEqual([d.outcome for d in many[-2:]], [oi.Outcome.REFUSED] * 2)

    def test_many_error_names_the_element(self):
        requests = [support.request(), support.request(session_id="OI-2099-XX")]
        with self.assertRaises(oi.NotFound) as cm:
            oi.check_subsidy_many(self.policy, requests)
        self.assertEqual(cm.exception.path, "requests[1].session_id")


class EnrollmentTest(unittest.TestCase):

    def setUp(self):
        self.policy = oi.Policy.builtin(2017)

    def apply(self, session_id, course_id, **kw):
        app = oi.Application(session_id, course_id, kw.pop("local", support.local()),
                             support.officer(**kw))
        return oi.check_enrollment(self.policy, app)

    def test_p1_and_p2(self):
        self.assertIs(self.apply("ADV-2017-MD", "ORG-2.0", graduations=["Toronto"]).outcome,
                      oi.Outcome.ADMITTED)
        d = self.apply("ADV-2017-MD", "ORG-2.0", graduations=["Springfield"])
        self.assertEqual(d.codes, (oi.ReasonCode.NO_QUALIFYING_GRADUATION,))
        self.assertIn("1 at a site neither on record nor in the catalogue", d.reasons[0].message)
        d = self.apply("ADV-2017-MD", "ST-2.0", office=oi.Office.RECORDING_SECRETARY)
        self.assertEqual(d.clauses, ("P2",))
        self.assertIn("Recording Secretary", d.reasons[0].message)
        self.assertIs(self.apply("ADV-2017-MD", "ST-2.0", office=oi.Office.TREASURER).outcome,
                      oi.Outcome.ADMITTED)

    def test_e1(self):
        ca = support.local(country=oi.Country.CA, receipts_cents=100)
        d = self.apply("OI-2017-CO", "OI-1.0", local=ca)
        self.assertEqual(d.clauses, ("E1",))
        self.assertEqual(d.reasons[0].message, "a Canadian local may not attend session "
                                               "OI-2017-CO, which is open to U.S. locals only")

    def test_unknown_course(self):
        with self.assertRaises(oi.NotFound) as cm:
            self.apply("OI-2017-MD", "XYZ")
        self.assertEqual(cm.exception.path, "application.course_id")


class GraduationAndCostTest(unittest.TestCase):

    def setUp(self):
        self.policy = oi.Policy.builtin(2017)

    def test_graduation(self):
        days = self.policy.session("OI-2017-MD").days
        self.assertIs(oi.check_graduation(self.policy, "OI-2017-MD", days).outcome,
                      oi.Outcome.GRADUATED)
        d = oi.check_graduation(self.policy, "OI-2017-MD", days[:2] + days[3:] + days[:1])
        self.assertIs(d.outcome, oi.Outcome.NOT_GRADUATED)
        self.assertEqual(d.reasons[0].message, "attended 4 of the 5 days of session OI-2017-MD; "
                         "first day missed 2017-02-15; the certificate requires attending all "
                         "classes")
        self.assertIs(oi.check_graduation(self.policy, "OI-2017-MD",
                                          (datetime.datetime.combine(x, datetime.time(9))
                                           for x in days)).outcome, oi.Outcome.GRADUATED)

    def test_cost_split(self):
        s = oi.cost_split(self.policy, 7, 5, 15000)
        self.assertEqual(s.payer(oi.CostItem.HOTEL), oi.Payer.SUBSIDY)
        self.assertEqual(s.payers[oi.CostItem.TRANSPORTATION], oi.Payer.LOCAL)
        self.assertEqual(s.payers[oi.CostItem.PROGRAM], oi.Payer.INTERNATIONAL)
        self.assertEqual((s.subsidy_nights, s.local_nights), (5, 2))
        self.assertEqual((s.subsidy_hotel_cents, s.local_hotel_cents), (75000, 30000))
        with self.assertRaises(TypeError):
            s.payers[oi.CostItem.HOTEL] = oi.Payer.LOCAL
        self.assertEqual(oi.cost_split(self.policy, 3).payer(oi.CostItem.HOTEL), oi.Payer.LOCAL)
        with self.assertRaises(oi.InvalidArgument) as cm:
            oi.cost_split(self.policy, 7, 6, 100)
        self.assertEqual(cm.exception.message, "6 nights awarded is outside 0..5 (S3)")
        with self.assertRaises(oi.InvalidArgument):
            oi.cost_split(self.policy, -1, 0, 100)


if __name__ == "__main__":
    unittest.main()
