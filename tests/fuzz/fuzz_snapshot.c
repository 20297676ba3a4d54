/*
 * tests/fuzz/fuzz_snapshot.c -- arbitrary bytes as a ledger snapshot
 * (oi_ledger_from_json) under the built-in 2017 policy.
 *
 * A snapshot that fails to load must fail as include/officerinst/json.h
 * says: a documented status, the error filled in, no ledger created.
 * A snapshot that loads must give a ledger that
 *  - keeps every invariant (tests/fuzz/ledger_check.h): loading replays the
 *    history through the same code as live requests, so an edited snapshot
 *    cannot smuggle in an eleventh award or a third officer of a local;
 *  - saves to a snapshot that loads again, and that second ledger saves to
 *    the very same bytes (the round trip is exact);
 *  - goes on working: withdrawing its earliest award at each session keeps
 *    the invariants.
 */
#include "ledger_check.h"

static const oi_status load_errors[] = { OI_EPARSE, OI_ESCHEMA, OI_ELIMIT, OI_EMISMATCH,
                                         OI_ENOMEM, OI_OK };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const oi_policy *policy = fz_policy_2017();
  oi_ledger *const sentinel = (oi_ledger *)(uintptr_t)0x5e7;
  oi_ledger *l = sentinel;
  oi_error err;
  oi_status st;
  size_t i;

  fz_error_poison(&err);
  st = oi_ledger_from_json(policy, (const char *)data, size, &l, &err);
  if (st != OI_OK) {
    fz_check_failure("oi_ledger_from_json", st, &err, load_errors);
    FZ_CHECK(l == sentinel, "a failed oi_ledger_from_json wrote its output");
    return 0;
  }
  FZ_CHECK(l != NULL && l != sentinel, "oi_ledger_from_json: OI_OK without a ledger");
  FZ_CHECK(oi_ledger_policy(l) == policy, "a loaded ledger is bound to another policy");

  lc_check(l);
  lc_check_round_trip(l);

  for (i = 0; i < oi_policy_session_count(policy); i++) {
    oi_session s = OI_SESSION_INIT;
    oi_ledger_entry first = OI_LEDGER_ENTRY_INIT;
    size_t n = 0;

    if (oi_policy_session(policy, i, &s, &err) != OI_OK ||
        oi_ledger_session_entries(l, s.id, OI_OUTCOME_AWARDED, &first, 1, sizeof first, &n,
                                  &err) != OI_OK)
      fz_fail("session %zu: %s", i, err.message);
    if (n == 0)
      continue;
    if (oi_ledger_withdraw(l, first.id, NULL, &err) != OI_OK)
      fz_fail("withdrawing award \"%s\" of a loaded ledger: %s", first.id, err.message);
    lc_check(l);
  }
  oi_ledger_free(l);
  return 0;
}
