"""The IntEnums carry the C values, and miss no C constant."""

import enum
import unittest

import officerinst as oi
from officerinst import _officerinst_c as _c

# enum, prefix of its C constants, C constants with that prefix that are not members
ENUMS = [
    (oi.Country, "OI_COUNTRY_", ()),
    (oi.LmForm, "OI_LM_", ()),
    (oi.Office, "OI_OFFICE_", ()),
    (oi.CourseKind, "OI_COURSE_", ()),
    (oi.Clause, "OI_CLAUSE_", ()),
    (oi.Outcome, "OI_OUTCOME_", ()),
    (oi.ReasonCode, "OI_REASON_", ()),
    (oi.Severity, "OI_SEVERITY_", ()),
    (oi.Payer, "OI_PAYER_", ()),
    (oi.CostItem, "OI_COST_", ("OI_COST_ITEM_COUNT",)),
    (oi.EventType, "OI_EVENT_", ()),
]


def member_name(prefix, constant):
    name = constant[len(prefix):]
    return "LM_" + name if name[0].isdigit() else name


class EnumTest(unittest.TestCase):

    def test_every_c_constant_is_a_member_with_its_value(self):
        for cls, prefix, exclude in ENUMS:
            constants = {k: v for k, v in vars(_c).items()
                         if k.startswith(prefix) and k not in exclude}
            self.assertTrue(constants, prefix)
            with self.subTest(cls=cls.__name__):
                self.assertEqual(len(cls), len(constants))
                for constant, value in constants.items():
                    self.assertEqual(cls[member_name(prefix, constant)], value, constant)

    def test_int_enums(self):
        for cls, _, _ in ENUMS + [(oi.Status, "", ())]:
            self.assertTrue(issubclass(cls, enum.IntEnum), cls)
            self.assertEqual(cls.__module__, "officerinst")

    def test_status_matches_c_names(self):
        for status in oi.Status:
            self.assertEqual(_c.status_name(status), "OI_" + status.name)
            self.assertTrue(status.description)
        self.assertEqual(oi.Status.EINVAL.description, "invalid argument")

    def test_names_match_the_c_name_functions(self):
        for code in oi.ReasonCode:
            if code != oi.ReasonCode.NONE:
                self.assertEqual(_c.reason_code_name(code), code.name)
        for value in range(0, 100):
            name = _c.reason_code_name(value)
            if name is not None:
                self.assertEqual(oi.ReasonCode(value).name, name)
        for clause in oi.Clause:
            if clause != oi.Clause.NONE:
                self.assertEqual(str(clause), clause.name)
        self.assertEqual(str(oi.Outcome.NOT_GRADUATED), "not graduated")
        self.assertEqual(str(oi.Outcome.AWARDED), "awarded")
        self.assertEqual(str(oi.EventType.PROMOTED), "promoted")

    def test_values_are_the_documented_ones(self):
        # A few values the C headers promise never to renumber.
        self.assertEqual(oi.Status.EIO, -11)
        self.assertEqual(oi.Clause.S6, 36)
        self.assertEqual(oi.ReasonCode.RECEIVED_LATE, 16)
        self.assertEqual(oi.Outcome.WAITLISTED, 4)
        self.assertEqual(oi.LmForm.LM_4, 4)
        self.assertEqual(oi.Office.RECORDING_SECRETARY, 7)
        self.assertEqual(oi.Country.CA.bit, 4)


if __name__ == "__main__":
    unittest.main()
