"""Values are checked when they are made: TypeError for a wrong type,
InvalidArgument (a ValueError) naming the field for a bad value."""

import dataclasses
import datetime
import unittest

import officerinst as oi

import support


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
                       {"name": b"bytes"}, {"name": None}, {"country": 1.5},
                       {"district": "2"}, {"lm_form": [3]}, {"receipts_cents": 2.5}):
            with self.subTest(**{k: repr(v) for k, v in kwargs.items()}):
                args = dict(number=1, name="L", country=oi.Country.US, district=1)
                args.update(kwargs)
                self.assertRaises(TypeError, oi.Local, **args)

    def test_bad_values(self):
        cases = [
            ({"number": 0}, "local.number", "local number 0 is not a local (U1)"),
            ({"number": 2 ** 32}, "local.number", None),
            ({"name": ""}, "local.name", "is empty; a value is required"),
            ({"name": "x" * 128}, "local.name", "is longer than 127 bytes"),
            ({"name": "\u00e9" * 64}, "local.name", "is longer than 127 bytes"),
            ({"name": "a\0b"}, "local.name", "contains a NUL character"),
            ({"country": 3}, "local.country", "3 is not a Country"),
            ({"country": "MX"}, "local.country", None),
            ({"district": 0}, "local.district", "district 0 is outside 1..13 (U1)"),
            ({"district": 14}, "local.district", "district 14 is outside 1..13 (U1)"),
            ({"lm_form": 1}, "local.lm_form", "1 is not a LmForm"),
            ({"receipts_cents": -1}, "local.receipts_cents", "receipts of -1 cents are negative"),
        ]
        for kwargs, path, message in cases:
            with self.subTest(path=path, value=list(kwargs.values())[0]):
                args = dict(number=1, name="L", country=oi.Country.US, district=1)
                args.update(kwargs)
                with self.assertRaises(oi.InvalidArgument) as cm:
                    oi.Local(**args)
                self.assertIsInstance(cm.exception, ValueError)
                self.assertEqual(cm.exception.path, path)
                if message:
                    self.assertEqual(cm.exception.message, message)

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
        self.assertRaises(TypeError, oi.Officer, 7)
        self.assertRaises(TypeError, oi.Officer, "o", name=7)
        self.assertRaises(TypeError, oi.Officer, "o", graduations="Toronto")
        self.assertRaises(TypeError, oi.Officer, "o", graduations=[7])
        self.assertRaises(TypeError, oi.Graduation, "Toronto", "2016-05-01")
        self.assertRaises(oi.InvalidArgument, oi.Officer, "")
        self.assertRaises(oi.InvalidArgument, oi.Officer, "x" * 64)
        self.assertRaises(oi.InvalidArgument, oi.Officer, "o", office=99)
        self.assertRaises(oi.InvalidArgument, oi.Graduation, "")
        with self.assertRaises(oi.InvalidArgument) as cm:
            oi.Officer("o", graduations=["Toronto"] * (oi.GRADUATIONS_MAX + 1))
        self.assertEqual(cm.exception.path, "officer.graduations")
        oi.Officer("o", name="", graduations=["Toronto"] * oi.GRADUATIONS_MAX)


class RequestTest(unittest.TestCase):

    def test_received_accepts_date_and_datetime(self):
        r = support.request(received=datetime.date(2017, 6, 1))
        self.assertEqual(r.received, datetime.datetime(2017, 6, 1, 0, 0))
        r = support.request(received=datetime.datetime(2017, 6, 1, 9, 30, 15, 999))
        self.assertEqual(r.received, datetime.datetime(2017, 6, 1, 9, 30, 15))

    def test_aware_datetime_refused(self):
        aware = datetime.datetime(2017, 6, 1, 9, 0, tzinfo=datetime.timezone.utc)
        with self.assertRaises(oi.InvalidArgument) as cm:
            support.request(received=aware)
        self.assertEqual(cm.exception.path, "request.received")

    def test_errors(self):
        self.assertRaises(TypeError, support.request, received="2017-06-01")
        self.assertRaises(TypeError, support.request, nights=5.0)
        self.assertRaises(TypeError, support.request, attested=1)
        self.assertRaises(TypeError, support.request, request_id=5)
        self.assertRaises(TypeError, support.request, session_id=None)
        self.assertRaises(TypeError, oi.SubsidyRequest, "r", "OI-2017-FL", "local",
                          support.officer(), datetime.date(2017, 6, 1), 5, True, True, True, True)
        with self.assertRaises(oi.InvalidArgument) as cm:
            support.request(nights=0)
        self.assertEqual(cm.exception.message, "0 nights requested; at least 1")
        self.assertEqual(cm.exception.path, "request.nights")
        self.assertIsNone(support.request(None).id)

    def test_replace_rechecks(self):
        r = support.request()
        self.assertEqual(dataclasses.replace(r, nights=7).nights, 7)
        self.assertRaises(oi.InvalidArgument, dataclasses.replace, r, nights=-1)

    def test_application(self):
        a = oi.Application("ADV-2017-MD", "ORG-2.0", support.local(), support.officer())
        self.assertEqual(a.course_id, "ORG-2.0")
        self.assertRaises(TypeError, oi.Application, "ADV-2017-MD", "ORG-2.0", None,
                          support.officer())
        self.assertRaises(oi.InvalidArgument, oi.Application, "", "ORG-2.0", support.local(),
                          support.officer())


class PolicyPartsTest(unittest.TestCase):

    def test_numbers(self):
        n = oi.PolicyNumbers(2018, 10, 2, 6, 5, 25000000)
        self.assertEqual(n.max_nights, 5)
        self.assertRaises(oi.InvalidArgument, oi.PolicyNumbers, 2018, -1, 2, 6, 5, 0)
        self.assertRaises(oi.InvalidArgument, oi.PolicyNumbers, 2018, 10, 2, 6, 0, 0)
        self.assertRaises(TypeError, oi.PolicyNumbers, "2018", 10, 2, 6, 5, 0)

    def test_session(self):
        s = oi.Session("S", "Denver, CO", "Hotel", datetime.date(2018, 5, 7),
                       datetime.date(2018, 5, 11), [oi.Country.US, "CA"], ["OI-1.0"])
        self.assertEqual(s.countries, frozenset({oi.Country.US, oi.Country.CA}))
        self.assertEqual(s.countries_mask, oi.Country.US.bit | oi.Country.CA.bit)
        self.assertEqual(len(s.days), 5)
        self.assertEqual(s.courses, ("OI-1.0",))
        self.assertRaises(oi.InvalidArgument, oi.Session, "S", "P", None,
                          datetime.date(2018, 5, 7), datetime.date(2018, 5, 7), [], ["C"])
        self.assertRaises(TypeError, oi.Session, "S", "P", None, "2018-05-07",
                          datetime.date(2018, 5, 7), [oi.Country.US], ["C"])
        self.assertRaises(TypeError, oi.Session, "S", "P", None, datetime.date(2018, 5, 7),
                          datetime.date(2018, 5, 7), [oi.Country.US], "C")

    def test_course(self):
        c = oi.Course("OI-1.0", "Officer Institute 1.0", "institute")
        self.assertIs(c.kind, oi.CourseKind.INSTITUTE)
        self.assertRaises(oi.InvalidArgument, oi.Course, "X", "Y", 9)


if __name__ == "__main__":
    unittest.main()
