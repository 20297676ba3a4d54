#!/usr/bin/env python3
"""examples/allocate.py -- allocate the 2017 Officer Institute hotel subsidies.

A realistic season: 40 subsidy requests from 20 locals for the three 2017
Officer Institute 1.0 sessions (Linthicum Heights, Denver, Orlando), entered
in one batch into a Ledger (one call into the library, decided in order of
receipt), then a table per session of what was awarded, waitlisted and
refused, with every reason. Among the requests: some received late (S6),
some unsigned (S8), some from locals filing Form LM-2 (S2), third officers
of a local (S5), more eligible requests than seats (S4), a Canadian local at
a U.S.-only session (E1), stays longer than five nights (S3). At the end one
award is withdrawn, to show the waitlist move (S10).

Run it after `make` from the top of the build tree:

    PYTHONPATH=bindings/python/stage python3 examples/allocate.py

(without PYTHONPATH it looks for bindings/python/stage under the current
directory itself), or anywhere once `make install` has put the officerinst
package on Python's path. Options: --policy FILE to use a policy document
instead of the built-in 2017 policy, --save FILE to save the ledger snapshot.
"""

import argparse
import datetime
import os
import sys

try:
    import officerinst as oi
except ImportError:
    # Not installed: use the package `make` staged in the build tree.
    for top in (os.getcwd(), os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")):
        stage = os.path.join(top, "bindings", "python", "stage")
        if os.path.isfile(os.path.join(stage, "officerinst", "__init__.py")):
            sys.path.insert(0, stage)
            break
    import officerinst as oi

US, CA = oi.Country.US, oi.Country.CA
LM2, LM3, LM4, NOFORM = oi.LmForm.LM_2, oi.LmForm.LM_3, oi.LmForm.LM_4, oi.LmForm.NONE
O = oi.Office

# Twenty locals: number -> (name, country, district, form, receipts in cents).
# The numbers and names are illustrative.
LOCALS = {
    1: ("Theatrical Stage Employees, New York", US, 1, LM2, None),
    22: ("Stagehands of Washington, D.C.", US, 3, LM3, None),
    27: ("Stagehands of Cleveland", US, 4, LM3, None),
    28: ("Stagehands of Portland", US, 8, LM4, None),
    30: ("Stagehands of Indianapolis", US, 4, LM4, None),
    58: ("Stage Employees of Toronto", CA, 11, NOFORM, 24500000),
    63: ("Stage Employees of Winnipeg", CA, 12, NOFORM, 9000000),
    99: ("Stagehands of Salt Lake City", US, 8, LM4, None),
    115: ("Stagehands of Jacksonville", US, 7, LM4, None),
    129: ("Stage Employees of Hamilton", CA, 11, NOFORM, 30000000),
    200: ("Stagehands of Allentown", US, 1, LM4, None),
    262: ("Stage Employees of Montreal", CA, 11, NOFORM, None),
    321: ("Stagehands of Tampa", US, 7, LM3, None),
    347: ("Stagehands of Columbia, SC", US, 7, LM4, None),
    470: ("Stagehands of Appleton", US, 6, LM4, None),
    489: ("Stagehands of Pittsburgh", US, 3, LM3, None),
    500: ("Stagehands of South Florida", US, 7, LM3, None),
    631: ("Stagehands of Orlando", US, 7, LM2, None),
    720: ("Stagehands of Las Vegas", US, 12, LM2, None),
    835: ("Stagehands of Orlando Theatres", US, 7, LM4, None),
}

# Forty requests: id, local, officer, office, session, received, nights, and
# what is unusual about the paperwork ("" = complete and signed).
REQUESTS = [
    # Linthicum Heights, MD: first day 2017-02-13, deadline 2017-01-02.
    ("md-01", 22, "A. Rivera", O.PRESIDENT, "OI-2017-MD", "2016-11-02 09:15", 5, ""),
    ("md-02", 27, "B. Chen", O.SECRETARY_TREASURER, "OI-2017-MD", "2016-11-03 14:40", 5, ""),
    ("md-03", 489, "C. Novak", O.BUSINESS_AGENT, "OI-2017-MD", "2016-11-07 10:05", 6, ""),
    ("md-04", 200, "D. Okafor", O.VICE_PRESIDENT, "OI-2017-MD", "2016-11-10 16:30", 5, ""),
    ("md-05", 1, "E. Walsh", O.PRESIDENT, "OI-2017-MD", "2016-11-12 11:00", 5, ""),
    ("md-06", 30, "F. Silva", O.TREASURER, "OI-2017-MD", "2016-11-15 09:45", 5, ""),
    ("md-07", 347, "G. Patel", O.SECRETARY, "OI-2017-MD", "2016-11-18 13:20", 4, ""),
    ("md-08", 470, "H. Kowalski", O.PRESIDENT, "OI-2017-MD", "2016-11-21 08:55", 5, ""),
    ("md-09", 115, "I. Moreau", O.BUSINESS_AGENT, "OI-2017-MD", "2016-11-28 15:10", 5, ""),
    ("md-10", 99, "J. Haddad", O.SECRETARY_TREASURER, "OI-2017-MD", "2016-12-01 10:00", 5, ""),
    ("md-11", 58, "K. Tremblay", O.PRESIDENT, "OI-2017-MD", "2016-12-02 12:00", 5, ""),
    ("md-12", 321, "L. Brooks", O.VICE_PRESIDENT, "OI-2017-MD", "2016-12-05 09:30", 5, ""),
    ("md-13", 835, "M. Duarte", O.PRESIDENT, "OI-2017-MD", "2016-12-09 17:45", 7, ""),
    ("md-14", 28, "N. Larsen", O.TREASURER, "OI-2017-MD", "2016-12-12 11:25", 5, ""),
    ("md-15", 500, "O. Ibarra", O.SECRETARY, "OI-2017-MD", "2017-01-02 16:59", 5, ""),
    ("md-16", 22, "P. Mensah", O.BUSINESS_AGENT, "OI-2017-MD", "2017-01-03 09:00", 5, ""),
    # Denver, CO: first day 2017-05-08, deadline 2017-03-27.
    ("co-01", 22, "Q. Rossi", O.SECRETARY_TREASURER, "OI-2017-CO", "2017-01-20 10:10", 5, ""),
    ("co-02", 99, "R. Yamada", O.PRESIDENT, "OI-2017-CO", "2017-01-25 14:00", 5, ""),
    ("co-03", 720, "S. Green", O.PRESIDENT, "OI-2017-CO", "2017-02-01 09:00", 5, ""),
    ("co-04", 28, "T. Kim", O.SECRETARY, "OI-2017-CO", "2017-02-03 15:30", 5, "unsigned"),
    ("co-05", 470, "U. Nguyen", O.TREASURER, "OI-2017-CO", "2017-02-06 08:20", 8, ""),
    ("co-06", 30, "V. Adeyemi", O.PRESIDENT, "OI-2017-CO", "2017-02-10 12:45", 5, "alone"),
    ("co-07", 115, "W. Ortiz", O.SECRETARY_TREASURER, "OI-2017-CO", "2017-02-14 10:30", 5, ""),
    ("co-08", 200, "X. Fischer", O.BUSINESS_AGENT, "OI-2017-CO", "2017-02-20 11:50", 5, ""),
    ("co-09", 63, "Y. Bouchard", O.PRESIDENT, "OI-2017-CO", "2017-02-22 09:05", 5, ""),
    ("co-10", 347, "Z. Ali", O.VICE_PRESIDENT, "OI-2017-CO", "2017-03-01 13:00", 5, ""),
    ("co-11", 489, "A. Lindqvist", O.SECRETARY_TREASURER, "OI-2017-CO", "2017-03-27 23:30", 5, ""),
    ("co-12", 321, "B. Osei", O.TREASURER, "OI-2017-CO", "2017-03-28 08:00", 5, ""),
    # Orlando, FL: first day 2017-10-16, deadline 2017-09-04; open to Canadian locals.
    ("fl-01", 58, "C. Gagnon", O.SECRETARY_TREASURER, "OI-2017-FL", "2017-05-02 10:00", 5, ""),
    ("fl-02", 129, "D. MacLeod", O.PRESIDENT, "OI-2017-FL", "2017-05-04 11:15", 5, ""),
    ("fl-03", 262, "E. Lavoie", O.SECRETARY, "OI-2017-FL", "2017-05-08 09:40", 5, ""),
    ("fl-04", 631, "F. Reyes", O.PRESIDENT, "OI-2017-FL", "2017-05-15 14:25", 5, ""),
    ("fl-05", 22, "G. Hughes", O.TREASURER, "OI-2017-FL", "2017-05-20 10:30", 5, ""),
    ("fl-06", 500, "H. Castillo", O.PRESIDENT, "OI-2017-FL", "2017-06-01 09:00", 7, ""),
    ("fl-07", 835, "I. Santos", O.SECRETARY_TREASURER, "OI-2017-FL", "2017-06-12 16:00", 5, ""),
    ("fl-08", 63, "J. Roy", O.TREASURER, "OI-2017-FL", "2017-07-03 10:20", 5, "not attested"),
    ("fl-09", 1, "K. Murphy", O.SECRETARY, "OI-2017-FL", "2017-07-10 12:10", 5, ""),
    ("fl-10", 321, "L. Park", O.PRESIDENT, "OI-2017-FL", "2017-08-01 09:35", 5, ""),
    ("fl-11", 27, "M. Weber", O.VICE_PRESIDENT, "OI-2017-FL", "2017-09-04 18:00", 5, ""),
    ("fl-12", 115, "N. Ahmed", O.SECRETARY, "OI-2017-FL", "2017-09-06 09:00", 5, ""),
]


def make_local(number):
    name, country, district, form, receipts = LOCALS[number]
    return oi.Local(number, "Local %d, %s" % (number, name), country, district, form, receipts)


def make_requests():
    requests = []
    for rid, local, name, office, session, received, nights, issue in REQUESTS:
        officer = oi.Officer("%d/%s" % (local, name), name, office)
        requests.append(oi.SubsidyRequest(
            rid, session, make_local(local), officer,
            datetime.datetime.strptime(received, "%Y-%m-%d %H:%M"), nights,
            attested=issue != "not attested",
            with_application=issue != "alone",
            application_signed=True,
            request_signed=issue != "unsigned"))
    return requests


def describe_local(entry):
    name, country, district, form, _ = LOCALS[entry.local_number]
    what = form.name.replace("_", "-") if country is US else "Canada"
    return "Local %-4d %-8s d%-2d" % (entry.local_number, what, district)


def print_session(policy, ledger, session):
    summary = ledger.session_summary(session.id)
    print("%s  %s, %s to %s; requests by %s; %d seats, %d left" % (
        session.id, session.place, session.first_day, session.last_day,
        session.subsidy_deadline, summary.seats, summary.seats_left))
    print("  paid to: %s, %d nights in all" % (session.hotel, summary.nights))
    for status in (oi.Outcome.AWARDED, oi.Outcome.WAITLISTED, oi.Outcome.REFUSED,
                   oi.Outcome.WITHDRAWN):
        entries = ledger.session_entries(session.id, status)
        if not entries:
            continue
        print("  %s (%d)" % (str(status), len(entries)))
        for e in entries:
            nights = "%d of %d nights" % (e.nights, e.nights_requested) \
                if status is oi.Outcome.AWARDED else "%d nights asked" % e.nights_requested
            print("    %-6s %s %-26s received %s  %s" % (
                e.id, describe_local(e), e.officer_id.split("/", 1)[1], e.received, nights))
            for r in e.reasons:
                print("           %s %s: %s" % (r.clause, r.code.name, r.message))
    print()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--policy", help="a policy document (default: the built-in 2017 policy)")
    parser.add_argument("--save", help="save the ledger snapshot to this file")
    args = parser.parse_args(argv)

    with (oi.Policy.load(args.policy) if args.policy else oi.Policy.builtin(2017)) as policy, \
            oi.Ledger(policy) as ledger:
        requests = make_requests()
        decisions = ledger.submit_many(requests)         # one call, in order of receipt

        print("libofficerinst %s, policy %s (digest %s)" % (oi.__version__, policy.id,
                                                           policy.digest))
        counts = {}
        for d in decisions:
            counts[d.outcome] = counts.get(d.outcome, 0) + 1
        print("%d requests from %d locals: %s\n" % (
            len(requests), len({r.local.number for r in requests}),
            ", ".join("%d %s" % (n, o) for o, n in sorted(counts.items()))))

        for session in policy.sessions:
            if session.seats:
                print_session(policy, ledger, session)

        # S10: a withdrawal frees a seat and the local's slot.
        first = ledger.session_entries("OI-2017-MD", oi.Outcome.AWARDED)[0]
        w = ledger.withdraw(first.id)
        print("Withdrawing %s (%s) promotes: %s" % (
            first.id, str(w.previous), ", ".join(w.promoted) or "nobody"))
        for event in ledger.events(start=2 * len(requests)):
            print("  event %d: %s %s%s" % (event.sequence, event.type, event.request_id,
                                            " (took the place of %s)" % event.cause_id
                                            if event.cause_id else ""))
        if args.save:
            ledger.save(args.save)
            print("ledger snapshot saved to %s" % args.save)
    return 0


if __name__ == "__main__":
    sys.exit(main())
