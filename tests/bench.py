#!/usr/bin/env python3
"""tests/bench.py -- the Python side of `make bench` (doc/benchmarks.md).

What a Python caller pays on top of the C library, beside the C batch
itself. Every figure is for the same n requests (-n, default 1e5), a
realistic year generated as tests/bench.c generates it:

  * the C batch: check_subsidy_many (and Ledger.submit_many) on requests
    already converted to C (officerinst.Requests), so the call is the
    library's batch and its array of decisions, with the interpreter lock
    released: the reference the other figures are compared with;
  * building and deciding the n requests from plain dicts (the requests
    document's element form, as json.load gives it), from a requests
    document (Batch.from_json, then check), and from SubsidyRequest values
    (their making timed apart): goal, at most 5 times the C batch;
  * stateless batches from 4 threads against the same batches from one:
    goal, at least 2 times faster (each thread decides its own batches of
    requests already in C; on fewer than 4 cores the figure is bounded by
    the cores: the table says how many there are);
  * one check_subsidy on a ready request, its Decision included: goal, at
    most 3 us; reading one decision out of a batch: at most 1.5 us;
  * a ledger entered by a Python loop of Ledger.submit, for the record.

Each figure is the median of several runs (-r, default 5). The table has
the format of tests/bench.c's. `make bench` runs it with PYTHONPATH at the
package the build staged (bindings/python/stage) and the build tree's
library; when the package cannot be imported it says so and exits 0.

Usage: bench.py [-r RUNS] [-n REQUESTS] [-t THREADS]
"""

import argparse
import datetime
import json
import os
import random
import statistics
import sys
import threading
import time


def skip(why):
    print("tests/bench.py: skipped: %s" % why)
    sys.exit(0)


try:
    import officerinst as oi
except ImportError as e:  # the bindings are not built, or not on sys.path
    skip("cannot import officerinst (%s); build with the Python bindings "
         "(configure --enable-python) and run it through `make bench`" % e)

for name in ("Policy", "Ledger", "SubsidyRequest", "Requests", "Batch", "check_subsidy",
             "check_subsidy_many"):
    if not hasattr(oi, name):
        skip("officerinst has no %s: the bindings do not have the documented API yet" % name)


FIRST = ["Maria", "James", "Aiko", "Robert", "Chen", "Fatima", "Pierre", "Linda"]
LAST = ["Gonzalez", "Smith", "Tanaka", "Johnson", "Wei", "Haddad", "Tremblay", "Brown"]
OFFICES = ["president", "vice_president", "secretary", "treasurer", "secretary_treasurer",
           "business_agent", "recording_secretary", "other"]


def sessions_of(policy):
    """The 1.0 sessions and the others, each as (id, S6 deadline)."""
    institute, advanced = [], []
    for s in policy.sessions:
        if s.seats:
            institute.append((s.id, s.subsidy_deadline))
        else:
            advanced.append((s.id, s.first_day - datetime.timedelta(weeks=6)))
    if not institute:
        skip("the built-in policy has no 1.0 session")
    return institute, advanced


def workload(policy, rng, n):
    """n requests as dicts of the requests document (doc/requests-format.md),
    as tests/bench.c makes them: n/5 locals, four officers each, received
    over the half year before each deadline (10% late), unsorted."""
    institute, advanced = sessions_of(policy)
    nlocals = max(1, n // 5)
    locals_ = []
    for i in range(nlocals):
        if rng.random() < 0.85:
            f = rng.random()
            form = ("LM-3" if f < 0.50 else "LM-4" if f < 0.85 else "LM-2" if f < 0.97
                    else "none")
            locals_.append({"number": i + 1, "name": "IATSE Local %d" % (i + 1),
                            "country": "US", "district": 1 + rng.randrange(13),
                            "lm_form": form})
        else:
            receipts = ("$%d.00" % (20_000 + rng.randrange(380_000))
                        if rng.random() < 0.95 else None)
            locals_.append({"number": i + 1, "name": "IATSE Local %d" % (i + 1),
                            "country": "CA", "district": 1 + rng.randrange(13),
                            "receipts": receipts})
    officers = {}
    out = []
    for i in range(n):
        li = rng.randrange(nlocals)
        k = rng.randrange(4)
        off = officers.get((li, k))
        if off is None:
            off = officers[(li, k)] = {
                "id": "L%d-O%d" % (li + 1, k + 1),
                "name": "%s %s" % (rng.choice(FIRST), rng.choice(LAST)),
                "office": OFFICES[rng.randrange(8)]}
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
        out.append({
            "id": "R%09d" % (i + 1), "session": sid,
            "received": "%s %d:%02d" % (day.isoformat(), 8 + rng.randrange(10),
                                        rng.randrange(60)),
            "nights": nights, "attested": rng.random() < 0.97,
            "with_application": rng.random() < 0.97,
            "application_signed": rng.random() < 0.98, "request_signed": rng.random() < 0.96,
            "local": locals_[li], "officer": off})
    return out


def median_of(runs, fn):
    return statistics.median(fn() for _ in range(runs))


def timed(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-r", "--runs", type=int, default=5, help="runs per figure (median)")
    ap.add_argument("-n", "--requests", type=int, default=100_000,
                    help="requests a batch holds (default 1e5)")
    ap.add_argument("-t", "--threads", type=int, default=4, help="threads (default 4)")
    args = ap.parse_args()
    runs, n, nthreads = max(1, args.runs), max(100, args.requests), max(2, args.threads)
    rng = random.Random(2017)
    policy = oi.Policy.builtin(2017)
    rows = []
    label = ("%.0e" % n).replace("e+0", "e").replace("e+", "e") \
        if str(n).rstrip("0") == "1" else str(n)

    def row(figure, value, unit, goal="-", met=None, fmt="%.2f"):
        rows.append((figure, fmt % value, unit, goal,
                     "-" if met is None else "yes" if met else "NO"))

    print("tests/bench.py: %d requests x %d runs..." % (n, runs), file=sys.stderr)
    dicts = workload(policy, rng, n)
    document = json.dumps({"format": "officerinst-requests", "version": 1,
                           "policy": policy.id, "requests": dicts})
    prepared = oi.Requests(dicts)

    # The C batch, and the same requests from Python's own forms.
    c_batch = median_of(runs, lambda: timed(lambda: oi.check_subsidy_many(policy, prepared)))
    per = lambda seconds: seconds / n * 1e9
    row("C batch: check_subsidy_many, %s in C (Requests)" % label, per(c_batch), "ns",
        fmt="%.0f")
    from_dicts = median_of(runs, lambda: timed(lambda: oi.check_subsidy_many(policy, dicts)))
    row("plain dicts: build + decide, per request", per(from_dicts), "ns", fmt="%.0f")
    row("  plain dicts / C batch", from_dicts / c_batch, "ratio", "<= 5",
        from_dicts / c_batch <= 5, "%.1f")

    def from_document():
        batch = oi.Batch.from_json(policy, document)
        batch.check()
    doc_time = median_of(runs, lambda: timed(from_document))
    row("requests document: read + decide, per request", per(doc_time), "ns", fmt="%.0f")
    row("  requests document / C batch", doc_time / c_batch, "ratio", "<= 5",
        doc_time / c_batch <= 5, "%.1f")

    made = []

    def make_values():
        t0 = time.perf_counter()
        values = [oi.SubsidyRequest.from_dict(d) for d in dicts]
        made.append(values)
        return time.perf_counter() - t0
    make_time = median_of(runs, make_values)
    values = made[-1]
    del made[:]
    row("making SubsidyRequest values (from dicts), per request", make_time / n * 1e6, "us")
    values_time = median_of(runs, lambda: timed(lambda: oi.check_subsidy_many(policy, values)))
    row("SubsidyRequest values: decide, per request", per(values_time), "ns", fmt="%.0f")
    row("  values / C batch", values_time / c_batch, "ratio", "<= 5",
        values_time / c_batch <= 5, "%.1f")

    # The ledger: the C batch and the same from dicts, then a Python loop.
    def into_ledger(requests):
        ledger = oi.Ledger(policy)
        t = timed(lambda: ledger.submit_many(requests))
        ledger.close()
        return t
    ledger_c = median_of(runs, lambda: into_ledger(prepared))
    ledger_dicts = median_of(runs, lambda: into_ledger(dicts))
    row("C batch: Ledger.submit_many, %s in C" % label, per(ledger_c), "ns", fmt="%.0f")
    row("plain dicts into a Ledger: build + enter, per request", per(ledger_dicts), "ns",
        fmt="%.0f")
    row("  ledger from dicts / C batch", ledger_dicts / ledger_c, "ratio", "<= 5",
        ledger_dicts / ledger_c <= 5, "%.1f")

    def loop():
        ledger = oi.Ledger(policy)
        submit = ledger.submit
        t0 = time.perf_counter()
        for r in values:
            submit(r)
        t = time.perf_counter() - t0
        ledger.close()
        return t
    row("Ledger.submit in a Python loop, per request", median_of(runs, loop) / n * 1e6, "us")

    # Threads: each decides batches of its own, of requests already in C.
    chunk = max(100, min(n, 10_000))
    batches = [oi.Requests(dicts[i * chunk % n:][:chunk]) for i in range(nthreads)]
    rounds = max(1, n // chunk)

    def work(b):
        for _ in range(rounds):
            oi.check_subsidy_many(policy, b)

    def sequential():
        return timed(lambda: [work(b) for b in batches])

    def parallel():
        threads = [threading.Thread(target=work, args=(b,)) for b in batches]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return time.perf_counter() - t0
    one = median_of(runs, sequential)
    many = median_of(runs, parallel)
    row("stateless batches of %d, %d x %d from 1 thread" % (chunk, nthreads, rounds), one * 1e3,
        "ms")
    row("  the same from %d threads" % nthreads, many * 1e3, "ms")
    row("  %d threads: speedup over 1 (%d cores)" % (nthreads, os.cpu_count() or 1),
        one / many, "ratio", ">= 2", one / many >= 2, "%.2f")

    # One call; one element of a batch.
    ready = values[:600]
    calls = 20_000

    def one_call():
        check = oi.check_subsidy
        t0 = time.perf_counter()
        for i in range(calls):
            check(policy, ready[i % 600])
        return (time.perf_counter() - t0) / calls * 1e6
    single = median_of(runs, one_call)
    row("check_subsidy: one call, Decision included", single, "us", "<= 3", single <= 3)
    decided = oi.check_subsidy_many(policy, prepared)

    def read_one():
        t0 = time.perf_counter()
        for i in range(calls):
            decided[i]
        return (time.perf_counter() - t0) / calls * 1e6
    reading = median_of(runs, read_one)
    row("reading one Decision out of a batch", reading, "us", "<= 1.5", reading <= 1.5)

    print()
    print("Python %s (%s), officerinst %s from %s: median of %d runs" % (
        sys.version.split()[0], sys.implementation.name, getattr(oi, "__version__", "?"),
        os.path.dirname(oi.__file__), runs))
    try:
        with open("/proc/loadavg") as f:
            load = " ".join(f.read().split()[:3])
    except OSError:
        load = "unknown"
    print("load average at the end: %s (1, 5, 15 min); %d cores" % (load, os.cpu_count() or 1))
    print()
    print("| %-56s | %10s | %-5s | %-7s | %-4s |" % ("figure", "value", "unit", "goal", "met?"))
    print("|%s|%s|%s|%s|%s|" % ("-" * 58, "-" * 11 + ":", "-" * 7, "-" * 9, "-" * 6))
    for r in rows:
        print("| %-56s | %10s | %-5s | %-7s | %-4s |" % r)
    met = sum(1 for r in rows if r[4] == "yes")
    goals = sum(1 for r in rows if r[4] in ("yes", "NO"))
    print()
    print("goals met: %d of %d" % (met, goals))
    return 0


if __name__ == "__main__":
    sys.exit(main())
