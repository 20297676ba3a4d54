"""Values are cheap to make and judged by the library when used: WrongType
(a TypeError) for a type the C member cannot hold, InvalidArgument (a
ValueError) naming the field as the caller wrote it for a bad value."""

import dataclasses
import datetime
import unittest

import officerinst as oi

import support

POLICY = oi.Policy.builtin(2017)


def use_local(local):
    """Decide a request of this local: the library judges the local."""
    return oi.check_subsidy(POLICY, support.request(local_=local))


def use_officer(officer):
    return oi.check_subsidy(POLICY, support.request(officer_=officer))


class LocalTest(unittest.TestCase):

    def test_valid(self):
        l = oi.Local(728, "Studio Electrical Lighting Technicians", oi.Country.US, 2,
                     lm_form=oi.LmForm.LM_3)
        self.assertEqual(l.number, 728)
        self.assertIs(l.lm_form, oi.LmForm.LM_3)
        self.assertIsNone(l.receipts_cents)
        ca = oi.Local(58, "Toronto", "CA", 12, receipts_cents=0)
        self.assertIs(ca.country, oi.Country.CA)
        self.assertEqual(oi.Local(1, "x", 1, 1, 4).lm_form, oi.LmForm.LM_4)

    def test_frozen_and_comparable(self):
        a, b = support.local(5), support.local(5)
        self.assertEqual(a, b)
        self.assertEqual(hash(a), hash(b))
        with self.assertRaises(dataclasses.FrozenInstanceError):
            a.district = 3
        self.assertNotIn("_c=", repr(a))

    def test_wrong_types(self):
        for kwargs in ({"number": "728"}, {"number": 7.0}, {"number": True},
                       {"name": b"bytes"}, {"country": 1.5},
                       {"district": "2"}, {"lm_form": [3]}, {"receipts_cents": 2.5}):
            with self.subTest(**{k: repr(v) for k, v in kwargs.items()}):
                args = dict(number=1, name="L", country=oi.Country.US, district=1)
                args.update(kwargs)
                local = oi.Local(**args)            # cheap: nothing judged yet
                with self.assertRaises(TypeError) as cm:
                    use_local(local)
                self.assertIsInstance(cm.exception, oi.WrongType)
                self.assertEqual(cm.exception.path, "request.local." + list(kwargs)[0])

    def test_bad_values(self):
        cases = [
            ({"number": 0}, "local.number", "local number 0 is not a local (U1)"),
            ({"number": 2 ** 32}, "local.number", None),
            ({"name": None}, "local.name", "is NULL; a value is required"),
            ({"name": ""}, "local.name", "is empty; a value is required"),
            ({"name": "x" * 128}, "local.name", "is longer than 127 bytes"),
            ({"name": "\u00e9" * 64}, "local.name", "is longer than 127 bytes"),
            ({"name": "a\0b"}, "local.name", "contains a NUL character"),
            ({"country": 3}, "local.country", None),
            ({"country": "MX"}, "local.country", None),
            ({"district": 0}, "local.district", "district 0 is outside 1..13 (U1)"),
            ({"district": 14}, "local.district", "district 14 is outside 1..13 (U1)"),
            ({"lm_form": 1}, "local.lm_form", None),
            ({"receipts_cents": -1}, "local.receipts_cents", "receipts of -1 cents are negative"),
            ({"receipts_cents": "$1,00"}, "local.receipts_cents", None),
        ]
        for kwargs, path, message in cases:
            with self.subTest(path=path, value=list(kwargs.values())[0]):
                args = dict(number=1, name="L", country=oi.Country.US, district=1)
                args.update(kwargs)
                local = oi.Local(**args)
                with self.assertRaises(oi.InvalidArgument) as cm:
                    use_local(local)
                self.assertIsInstance(cm.exception, ValueError)
                self.assertEqual(cm.exception.path, "request." + path)
                self.assertEqual(cm.exception.field, path)
                self.assertIsNone(cm.exception.index)
                if message:
                    self.assertEqual(cm.exception.message, message)
                # The path is named once.
                self.assertEqual(str(cm.exception).count(path), 1, str(cm.exception))

    def test_text_forms(self):
        l = oi.Local(58, "Toronto", "Canada", 12, receipts_cents="$249,999.99")
        self.assertIs(l.country, oi.Country.CA)
        self.assertEqual(l.receipts_cents, 24999999)
        self.assertIs(oi.Local(1, "x", "US", 1, "LM-3").lm_form, oi.LmForm.LM_3)
        self.assertIs(oi.Local(1, "x", "US", 1, "lm4").lm_form, oi.LmForm.LM_4)
        self.assertEqual(oi.Local.from_dict(l.to_dict()), l)
        self.assertEqual(l.to_dict()["country"], "CA")
        self.assertEqual(eval(repr(l), vars(oi)), l)

    def test_name_limit_is_in_bytes(self):
        oi.Local(1, "x" * 127, oi.Country.US, 1)
        oi.Local(1, "\u00e9" * 63, oi.Country.US, 1)   # 126 bytes


class OfficerTest(unittest.TestCase):

    def test_valid(self):
        o = oi.Officer("o-1", graduations=["Toronto",
                                           oi.Graduation("Chicago", datetime.date(2015, 6, 1))])
        self.assertEqual(o.office, oi.Office.NONE)
        self.assertEqual(o.graduations[0], oi.Graduation("Toronto"))
        self.assertIsNone(o.graduations[0].date)
        self.assertIsInstance(o.graduations, tuple)
        self.assertEqual(oi.Officer("o", office="secretary").office, oi.Office.SECRETARY)

    def test_graduation_date_from_datetime(self):
        g = oi.Graduation("Toronto", datetime.datetime(2016, 5, 1, 17, 0))
        self.assertEqual(g.date, datetime.date(2016, 5, 1))
        self.assertNotIsInstance(g.date, datetime.datetime)

    def test_errors(self):
        for officer, path, error in [
                (oi.Officer(7), "officer.id", TypeError),
                (oi.Officer("o", name=7), "officer.name", TypeError),
                (oi.Officer("o", graduations="Toronto"), "officer.graduations", TypeError),
                (oi.Officer("o", graduations=[7]), "officer.graduations[0]", TypeError),
                (oi.Officer("o", graduations=[oi.Graduation("Toronto", [2016])]),
                 "officer.graduations[0].date", TypeError),
                (oi.Officer(""), "officer.id", oi.InvalidArgument),
                (oi.Officer("x" * 64), "officer.id", oi.InvalidArgument),
                (oi.Officer("o", office=99), "officer.office", oi.InvalidArgument),
                (oi.Officer("o", office="chief"), "officer.office", oi.InvalidArgument),
                (oi.Officer("o", graduations=[""]), "officer.graduations[0].site",
                 oi.InvalidArgument),
                (oi.Officer("o", graduations=["Toronto"] * (oi.GRADUATIONS_MAX + 1)),
                 "officer.graduation_count", oi.InvalidArgument)]:
            with self.subTest(path=path, officer=repr(officer)[:60]):
                with self.assertRaises(error) as cm:
                    use_officer(officer)
                self.assertEqual(cm.exception.path, "request." + path)
        use_officer(oi.Officer("o", name="", graduations=["Toronto"] * oi.GRADUATIONS_MAX))

    def test_text_forms(self):
        o = oi.Officer("o", office="Secretary-Treasurer",
                       graduations=[{"site": "Toronto", "date": "2015-06-01"}])
        self.assertIs(o.office, oi.Office.SECRETARY_TREASURER)
        self.assertEqual(o.graduations, (oi.Graduation("Toronto", datetime.date(2015, 6, 1)),))
        self.assertEqual(str(o.office), "secretary_treasurer")
        self.assertEqual(o.office.title, "Secretary-Treasurer")
        self.assertEqual(oi.Officer.from_dict(o.to_dict()), o)


class RequestTest(unittest.TestCase):

    def test_received_accepts_date_and_datetime(self):
        r = support.request(received=datetime.date(2017, 6, 1))
        self.assertEqual(r.received, datetime.datetime(2017, 6, 1, 0, 0))
        r = support.request(received=datetime.datetime(2017, 6, 1, 9, 30, 15, 999))
        self.assertEqual(r.received, datetime.datetime(2017, 6, 1, 9, 30, 15))

    def test_received_accepts_iso_text(self):
        r = support.request(received="2017-06-01 9:05")
        self.assertEqual(r.received, datetime.datetime(2017, 6, 1, 9, 5))
        self.assertEqual(support.request(received="2017-06-01").received,
                         datetime.datetime(2017, 6, 1))
        self.assertEqual(oi.SubsidyRequest.from_dict(r.to_dict()), r)
        self.assertEqual(r.to_dict()["received"], "2017-06-01T09:05:00")

    def test_aware_datetime_refused(self):
        aware = datetime.datetime(2017, 6, 1, 9, 0, tzinfo=datetime.timezone.utc)
        with self.assertRaises(oi.InvalidArgument) as cm:
            oi.check_subsidy(POLICY, support.request(received=aware))
        self.assertEqual(cm.exception.path, "request.received")

    def test_errors(self):
        for kwargs, path, error in [
                ({"received": "2017-06-31"}, "received", oi.DateError),
                ({"received": "June 1st"}, "received", oi.InvalidArgument),
                ({"received": 20170601}, "received", TypeError),
                ({"nights": 5.0}, "nights", TypeError),
                ({"attested": "yes"}, "attested", TypeError),
                ({"attested": 2}, "attested", oi.InvalidArgument),
                ({"request_id": 5}, "id", TypeError),
                ({"session_id": None}, "session_id", oi.InvalidArgument),
                ({"local_": "local"}, "local", TypeError),
                ({"nights": 0}, "nights", oi.InvalidArgument)]:
            with self.subTest(path=path, value=repr(list(kwargs.values())[0])):
                with self.assertRaises(error) as cm:
                    oi.check_subsidy(POLICY, support.request(**kwargs))
                self.assertEqual(cm.exception.path, "request." + path)
        with self.assertRaises(oi.InvalidArgument) as cm:
            oi.check_subsidy(POLICY, support.request(nights=0))
        self.assertEqual(cm.exception.message, "0 nights requested; at least 1")
        self.assertEqual(str(cm.exception), "request.nights: 0 nights requested; at least 1")
        self.assertIsNone(support.request(None).id)

    def test_replace_is_judged_when_used(self):
        r = support.request()
        self.assertEqual(dataclasses.replace(r, nights=7).nights, 7)
        with self.assertRaises(oi.InvalidArgument):
            oi.check_subsidy(POLICY, dataclasses.replace(r, nights=-1))

    def test_application(self):
        a = oi.Application("ADV-2017-MD", "ORG-2.0", support.local(), support.officer())
        self.assertEqual(a.course_id, "ORG-2.0")
        with self.assertRaises(TypeError) as cm:
            oi.check_enrollment(POLICY, oi.Application("ADV-2017-MD", "ORG-2.0", None,
                                                       support.officer()))
        self.assertEqual(cm.exception.path, "application.local")
        with self.assertRaises(oi.InvalidArgument) as cm:
            oi.check_enrollment(POLICY, oi.Application("", "ORG-2.0", support.local(),
                                                       support.officer()))
        self.assertEqual(cm.exception.path, "application.session_id")
        self.assertEqual(oi.Application.from_dict(a.to_dict()), a)

    def test_dicts_are_values_too(self):
        r = support.request()
        self.assertEqual(oi.check_subsidy(POLICY, r.to_dict()), oi.check_subsidy(POLICY, r))
        d = r.to_dict()
        d["local"]["distrcit"] = 3
        with self.assertRaises(oi.InvalidArgument) as cm:
            oi.check_subsidy(POLICY, d)
        self.assertEqual(cm.exception.path, "request.local")
        self.assertIn("distrcit", cm.exception.message)

    def test_no_layout_version_to_set(self):
        # The C structs' layout versions are the bindings' to set: no value
        # or tuple has one, a dict naming one is refused like any member the
        # struct does not have, and the C initialisers are not wrapped.
        from officerinst import _officerinst_c as _c
        for name in ("local", "officer", "request", "application", "numbers", "course",
                     "session", "stay", "reason", "decision", "entry", "event", "withdrawal",
                     "summary", "cost_split"):
            self.assertNotIn("version", _c.fields(name), name)
        for cls in (oi.Local, oi.Officer, oi.SubsidyRequest, oi.Application, oi.PolicyNumbers,
                    oi.Course, oi.Session, oi.LedgerEntry, oi.Withdrawal):
            self.assertNotIn("version", [f.name for f in dataclasses.fields(cls)], cls)
        d = support.request().to_dict()
        for where, path in ((d, "request"), (d["local"], "request.local"),
                            (d["officer"], "request.officer")):
            with self.subTest(path=path):
                where["version"] = 1
                with self.assertRaises(oi.InvalidArgument) as cm:
                    oi.check_subsidy(POLICY, d)
                self.assertEqual(cm.exception.path, path)
                self.assertIn('"version"', cm.exception.message)
                del where["version"]
        self.assertEqual([n for n in dir(_c) if n.endswith("_init") or n == "decision_reason"],
                         [])


class PolicyPartsTest(unittest.TestCase):

    def builder(self):
        return oi.PolicyBuilder("t", oi.PolicyNumbers(2018, 10, 2, 6, 5, "$250,000.00"))

    def test_numbers(self):
        n = oi.PolicyNumbers(2018, 10, 2, 6, 5, 25000000)
        self.assertEqual(n.max_nights, 5)
        self.assertEqual(oi.PolicyNumbers(2018, 10, 2, 6, 5, "$250,000").canada_threshold_cents,
                         25000000)
        for numbers, path, error in [
                (oi.PolicyNumbers(2018, -1, 2, 6, 5, 0), "numbers.seats_per_session",
                 oi.InvalidArgument),
                (oi.PolicyNumbers(2018, 10, 2, 6, 0, 0), "numbers.max_nights",
                 oi.InvalidArgument),
                (oi.PolicyNumbers("2018", 10, 2, 6, 5, 0), "numbers.year", TypeError)]:
            with self.subTest(path=path):
                with self.assertRaises(error) as cm:
                    oi.PolicyBuilder("x", numbers)
                self.assertEqual(cm.exception.path, path)

    def test_session(self):
        s = oi.Session("S", "Denver, CO", "Hotel", datetime.date(2018, 5, 7),
                       "2018-05-11", [oi.Country.US, "CA"], ["OI-1.0"])
        self.assertEqual(s.countries, frozenset({oi.Country.US, oi.Country.CA}))
        self.assertEqual(s.countries_mask, oi.Country.US.bit | oi.Country.CA.bit)
        self.assertEqual(len(s.days), 5)
        self.assertEqual(s.courses, ("OI-1.0",))
        self.assertEqual(oi.Session.from_dict(s.to_dict()), s)
        b = self.builder().add_course("OI-1.0", "Officer Institute 1.0", "institute")
        for session, path, error in [
                (oi.Session("S", "P", "H", datetime.date(2018, 5, 7),
                            datetime.date(2018, 5, 7), [], ["OI-1.0"]), "session.countries",
                 oi.InvalidArgument),
                (oi.Session("S", "P", None, 20180507, datetime.date(2018, 5, 7),
                            [oi.Country.US], ["OI-1.0"]), "session.first_day", TypeError),
                (oi.Session("S", "P", None, datetime.date(2018, 5, 7),
                            datetime.date(2018, 5, 7), [oi.Country.US], "OI-1.0"),
                 "session.courses", TypeError)]:
            with self.subTest(path=path):
                with self.assertRaises(error) as cm:
                    b.add_session(session)
                self.assertEqual(cm.exception.path, path)

    def test_course(self):
        c = oi.Course("OI-1.0", "Officer Institute 1.0", "institute")
        self.assertIs(c.kind, oi.CourseKind.INSTITUTE)
        self.assertIs(oi.Course("X", "Y", "Officer Institute 1.0").kind, oi.CourseKind.INSTITUTE)
        with self.assertRaises(oi.InvalidArgument) as cm:
            self.builder().add_course(oi.Course("X", "Y", 9))
        self.assertEqual(cm.exception.path, "course.kind")


if __name__ == "__main__":
    unittest.main()
