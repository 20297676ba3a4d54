#!/usr/bin/env python3
"""tests/bench.py -- the Python side of `make bench` (doc/benchmarks.md).

What a Python caller pays on top of the C library:

  * one officerinst.check_subsidy(policy, request) call, in microseconds,
    over a mix of pre-built requests (eligible, late, unsigned, LM-2,
    Canadian over the threshold, 7 nights capped);
  * the same through check_subsidy_many, per request: the call alone, and
    the call then list() of the Decisions it returns;
  * entering 1e5 requests into a fresh Ledger: per request with
    Ledger.submit_many(requests) (one call) and with a Python loop of
    Ledger.submit(request) calls; the goal is a batch at least 20 times
    cheaper per request than the loop, and the ratio is printed.

A batch returns an officerinst.Decisions, which holds the decisions in C
and makes a Decision only for an element read; a single call returns its
Decision. So the batch's figure is the call alone, and what reading the
results costs is printed beside it: iterating every Decision of the 1e5
(reading each one's .outcome), and Decisions.outcomes(), which makes no
Decision. Both ratios are printed: loop / batch (the goal) and loop /
(batch + iterating), which compares the same work done in Python.

Every figure is the median of several runs (-r, default 5); the requests
are built before any clock starts (SubsidyRequest validates when it is
made, which is the caller's cost, not the call's). It prints one table in
the format of tests/bench.c.

`make bench` runs it with PYTHONPATH pointing at the package the build
staged (bindings/python/stage) and the build tree's library; when the
package cannot be imported it says so and exits 0, so `make bench` goes on.

Usage: bench.py [-r RUNS] [-n REQUESTS]
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time


def skip(why):
    print("tests/bench.py: skipped: %s" % why)
    sys.exit(0)


try:
    import officerinst as oi
except ImportError as e:  # the bindings are not built, or not on sys.path
    skip("cannot import officerinst (%s); build with the Python bindings "
         "(configure --enable-python) and run it through `make bench`" % e)

for name in ("Policy", "Ledger", "SubsidyRequest", "Local", "Officer", "check_subsidy",
             "check_subsidy_many"):
    if not hasattr(oi, name):
        skip("officerinst has no %s: the bindings do not have the documented API yet" % name)


FIRST = ["Maria", "James", "Aiko", "Robert", "Chen", "Fatima", "Pierre", "Linda"]
LAST = ["Gonzalez", "Smith", "Tanaka", "Johnson", "Wei", "Haddad", "Tremblay", "Brown"]


def sessions_of(policy):
    """The 1.0 sessions and the others, each as (id, S6 deadline), and the id
    of a 1.0 session open to Canadian locals (or None)."""
    institute, advanced, canadian = [], [], None
    for s in policy.sessions:
        if s.seats:
            institute.append((s.id, s.subsidy_deadline))
            if oi.Country.CA in s.countries:
                canadian = s.id
        else:
            advanced.append((s.id, s.first_day - datetime.timedelta(weeks=6)))
    if not institute:
        skip("the built-in policy has no 1.0 session")
    return institute, advanced, canadian


def moment(rng, day):
    return datetime.datetime(day.year, day.month, day.day, 8 + rng.randrange(10),
                             rng.randrange(60), rng.randrange(60))


def check_mix(policy, rng, count=600):
    """The six kinds of tests/bench.c, at the session open to both countries."""
    institute, _, canadian = sessions_of(policy)
    sid = canadian or institute[0][0]
    deadline = dict(institute)[sid]
    kinds = [i % 6 for i in range(count)]
    rng.shuffle(kinds)
    reqs = []
    for i, kind in enumerate(kinds):
        local = oi.Local(100 + i, "IATSE Local %d" % (100 + i), oi.Country.US,
                         district=1 + i % 13,
                         lm_form=oi.LmForm.LM_2 if kind == 3 else oi.LmForm.LM_3)
        if kind == 4:
            local = oi.Local(100 + i, "IATSE Local %d" % (100 + i), oi.Country.CA,
                             district=1 + i % 13,
                             receipts_cents=25_000_000 + rng.randrange(10_000_000))
        received = deadline - datetime.timedelta(days=rng.randrange(120))
        if kind == 1:
            received = deadline + datetime.timedelta(days=1 + rng.randrange(30))
        reqs.append(oi.SubsidyRequest(
            id="C%06d" % (i + 1), session_id=sid, local=local,
            officer=oi.Officer("officer-%d" % (i + 1), "Pat Officer", oi.Office.TREASURER),
            received=moment(rng, received), nights=7 if kind == 5 else 5, attested=True,
            with_application=True, application_signed=True, request_signed=(kind != 2)))
    return reqs


def workload(policy, rng, n):
    """n requests as tests/bench.c makes them: n/5 locals, four officers each,
    received over the half year before each deadline (10% late), unsorted."""
    institute, advanced, _ = sessions_of(policy)
    nlocals = max(1, n // 5)
    locals_ = []
    for i in range(nlocals):
        if rng.random() < 0.85:
            f = rng.random()
            form = (oi.LmForm.LM_3 if f < 0.50 else oi.LmForm.LM_4 if f < 0.85
                    else oi.LmForm.LM_2 if f < 0.97 else oi.LmForm.NONE)
            locals_.append(oi.Local(i + 1, "IATSE Local %d" % (i + 1), oi.Country.US,
                                    district=1 + rng.randrange(13), lm_form=form))
        else:
            known = rng.random() < 0.95
            locals_.append(oi.Local(i + 1, "IATSE Local %d" % (i + 1), oi.Country.CA,
                                    district=1 + rng.randrange(13),
                                    receipts_cents=(2_000_000 + rng.randrange(38_000_000))
                                    if known else None))
    officers = {}
    reqs = []
    for i in range(n):
        li = rng.randrange(nlocals)
        k = rng.randrange(4)
        off = officers.get((li, k))
        if off is None:
            off = officers[(li, k)] = oi.Officer(
                "L%d-O%d" % (li + 1, k + 1), "%s %s" % (rng.choice(FIRST), rng.choice(LAST)),
                oi.Office(1 + rng.randrange(8)))
        if advanced and rng.random() < 0.05:
            sid, deadline = rng.choice(advanced)
        else:
            sid, deadline = rng.choice(institute)
        if rng.random() < 0.10:
            day = deadline + datetime.timedelta(days=1 + rng.randrange(40))
        else:
            day = deadline - datetime.timedelta(days=rng.randrange(180))
        x = rng.randrange(100)
        nights = (5 if x < 60 else 3 + rng.randrange(2) if x < 80
                  else 6 + rng.randrange(2) if x < 95 else 1 + rng.randrange(2))
        reqs.append(oi.SubsidyRequest(
            id="R%09d" % (i + 1), session_id=sid, local=locals_[li], officer=off,
            received=moment(rng, day), nights=nights, attested=rng.random() < 0.97,
            with_application=rng.random() < 0.97, application_signed=rng.random() < 0.98,
            request_signed=rng.random() < 0.96))
    return reqs


def median_of(runs, fn):
    return statistics.median(fn() for _ in range(runs))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-r", "--runs", type=int, default=5, help="runs per figure (median)")
    ap.add_argument("-n", "--requests", type=int, default=100_000,
                    help="requests entered into the ledger (default 1e5)")
    args = ap.parse_args()
    runs, n = max(1, args.runs), max(10, args.requests)
    rng = random.Random(2017)
    policy = oi.Policy.builtin(2017)
    rows = []

    # One stateless call.
    mix = check_mix(policy, rng)
    loops = 20_000

    def one_call():
        check = oi.check_subsidy
        t0 = time.perf_counter()
        for i in range(loops):
            check(policy, mix[i % len(mix)])
        return (time.perf_counter() - t0) / loops * 1e6

    def many_calls():
        t0 = time.perf_counter()
        for _ in range(loops // len(mix)):
            oi.check_subsidy_many(policy, mix)
        return (time.perf_counter() - t0) / ((loops // len(mix)) * len(mix)) * 1e6

    rows.append(("check_subsidy: one call from Python", "%.2f" % median_of(runs, one_call),
                 "us", "-", "-"))
    def many_calls_listed():
        t0 = time.perf_counter()
        for _ in range(loops // len(mix)):
            list(oi.check_subsidy_many(policy, mix))
        return (time.perf_counter() - t0) / ((loops // len(mix)) * len(mix)) * 1e6

    rows.append(("check_subsidy_many: per request, batches of %d" % len(mix),
                 "%.2f" % median_of(runs, many_calls), "us", "-", "-"))
    rows.append(("check_subsidy_many + list(): per request, of %d" % len(mix),
                 "%.2f" % median_of(runs, many_calls_listed), "us", "-", "-"))

    # The ledger: one batch against a loop of single calls.
    print("tests/bench.py: %d requests x %d runs..." % (n, runs), file=sys.stderr)
    reqs = workload(policy, rng, n)

    reading = []

    def batch():
        ledger = oi.Ledger(policy)
        t0 = time.perf_counter()
        decisions = ledger.submit_many(reqs)
        t = (time.perf_counter() - t0) / n * 1e6
        ledger.close()
        # What reading the results costs, timed apart from the call: every
        # Decision made (as a loop of submit makes them), or the outcomes.
        t0 = time.perf_counter()
        for d in decisions:
            d.outcome
        t1 = time.perf_counter()
        decisions.outcomes()
        t2 = time.perf_counter()
        reading.append(((t1 - t0) / n * 1e6, (t2 - t1) / n * 1e6))
        del decisions
        return t

    def loop():
        ledger = oi.Ledger(policy)
        submit = ledger.submit
        t0 = time.perf_counter()
        for r in reqs:
            submit(r)
        t = (time.perf_counter() - t0) / n * 1e6
        ledger.close()
        return t

    tb = median_of(runs, batch)
    ti = statistics.median(r[0] for r in reading)
    to = statistics.median(r[1] for r in reading)
    tl = median_of(runs, loop)
    label = "%.0e" % n if str(n).rstrip("0") == "1" else str(n)
    label = label.replace("e+0", "e").replace("e+", "e")
    rows.append(("Ledger.submit_many: per request, %s requests" % label, "%.2f" % tb, "us",
                 "-", "-"))
    rows.append(("  then iterating its %s Decisions: per decision" % label, "%.2f" % ti, "us",
                 "-", "-"))
    rows.append(("  or Decisions.outcomes(): per decision", "%.3f" % to, "us", "-", "-"))
    rows.append(("Ledger.submit in a Python loop: per request, %s" % label, "%.2f" % tl, "us",
                 "-", "-"))
    ratio = tl / tb
    rows.append(("Python: loop / batch cost per request", "%.1f" % ratio, "ratio", ">= 20",
                 "yes" if ratio >= 20 else "NO"))
    rows.append(("Python: loop / (batch + iterating the Decisions)", "%.1f" % (tl / (tb + ti)),
                 "ratio", "-", "-"))

    print()
    print("Python %s (%s), officerinst %s from %s: median of %d runs" % (
        sys.version.split()[0], sys.implementation.name, getattr(oi, "__version__", "?"),
        os.path.dirname(oi.__file__), runs))
    try:
        with open("/proc/loadavg") as f:
            load = " ".join(f.read().split()[:3])
    except OSError:
        load = "unknown"
    print("load average at the end: %s (1, 5, 15 min)" % load)
    print()
    print("| %-52s | %10s | %-5s | %-7s | %-4s |" % ("figure", "value", "unit", "goal", "met?"))
    print("|%s|%s|%s|%s|%s|" % ("-" * 54, "-" * 11 + ":", "-" * 7, "-" * 9, "-" * 6))
    for r in rows:
        print("| %-52s | %10s | %-5s | %-7s | %-4s |" % r)
    met = sum(1 for r in rows if r[4] == "yes")
    goals = sum(1 for r in rows if r[4] in ("yes", "NO"))
    print()
    print("goals met: %d of %d" % (met, goals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
