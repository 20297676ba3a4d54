"""Helpers shared by the tests of the officerinst bindings (unittest only)."""

import datetime
import gc
import os

import officerinst as oi

HERE = os.path.dirname(os.path.abspath(__file__))
TOP_SRCDIR = os.path.normpath(os.path.join(HERE, "..", "..", ".."))


def vectors_path():
    """tests/vectors/clauses.json: $OI_VECTORS, else beside this tree."""
    return os.environ.get("OI_VECTORS") or os.path.join(TOP_SRCDIR, "tests", "vectors",
                                                         "clauses.json")


def examples_dir():
    return os.environ.get("OI_EXAMPLES") or os.path.join(TOP_SRCDIR, "examples")


def local(number=100, country=oi.Country.US, district=1, lm_form=oi.LmForm.LM_3,
          receipts_cents=None, name=None):
    return oi.Local(number, name or "Local %d" % number, country, district, lm_form,
                    receipts_cents)


def officer(officer_id="o-1", office=oi.Office.PRESIDENT, graduations=(), name=None):
    return oi.Officer(officer_id, name, office, graduations)


def request(request_id="r-1", session_id="OI-2017-FL", local_=None, officer_=None,
            received=datetime.datetime(2017, 6, 1, 9, 0), nights=5, attested=True,
            with_application=True, application_signed=True, request_signed=True):
    """A request that is eligible unless told otherwise (FL, on time, LM-3)."""
    return oi.SubsidyRequest(request_id, session_id, local_ or local(),
                             officer_ or officer(), received, nights, attested,
                             with_application, application_signed, request_signed)


def ten_at(session_id, first_local, received=datetime.datetime(2016, 12, 1, 9, 0),
           prefix="r"):
    """Ten eligible requests at a session, from ten locals, a minute apart."""
    return [request("%s%02d" % (prefix, i + 1), session_id, local(first_local + i),
                    officer("o-%d" % (first_local + i)),
                    received + datetime.timedelta(minutes=i))
            for i in range(10)]


def rss_bytes():
    """Resident set size of this process (Linux /proc/self/statm)."""
    gc.collect()
    with open("/proc/self/statm") as f:
        resident_pages = int(f.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE")
