/*
 * tests/fuzz/fuzz_ledger.c -- arbitrary bytes as a sequence of operations on
 * a subsidy ledger of the built-in 2017 policy, with the ledger's invariants
 * (tests/fuzz/ledger_check.h) checked after every step.
 *
 * The bytes are read as operations until they run out (a missing byte reads
 * as 0). Zero bytes make the plainest valid input, so the fuzzer starts from
 * eligible requests and has to learn to break them:
 *
 *   op byte % 8   0-3  submit one request (7 bytes, below)
 *                 4    submit a batch: 1 + next % 6 requests
 *                 5-6  withdraw request number (next16 % (count + 1)) + 1;
 *                      count + 1 names no request (OI_ENOTFOUND)
 *                 7    withdraw the earliest award of session next % S
 *
 *   request       b0  session index % S (the 2.0 sessions are refused, S1)
 *                 b1  local of a pool of 24 (U.S. LM-3/LM-4, U.S. LM-2,
 *                     Canadian below / above / without receipts)
 *                 b2  officer of a pool of 48
 *                 b3  received: < 232 means (b3 % 29) days before the S6
 *                     deadline, else (b3 - 231) days after it (late)
 *                 b4  time of day, coarse (6-hour steps, :00 or :30), so that
 *                     receipts tie and entry order decides (S4)
 *                 b5  nights 1 + b5 % 7 (S3: 5 are paid)
 *                 b6  bits 0-3 break S2 attestation / S8 with-application /
 *                     application signed / request signed; bit 4 makes the
 *                     request invalid, bits 5-7 say how (see bad_kind)
 *
 * After each step:
 *  - a call with a valid input returns OI_OK and its decision is the one the
 *    model expects (lc_expect_outcome: stateless rules, S9, seats, cap);
 *  - a call with an invalid input returns the expected status, fills the
 *    error, and leaves the ledger unchanged (lc_fingerprint: every entry
 *    with its reasons, the events, the session summaries);
 *  - a batch gives exactly what entering its requests one by one in receipt
 *    order gives (S11), checked on a copy of the ledger;
 *  - a withdrawal promotes exactly whom lc_expect_promotions says (S10);
 *  - lc_check(): S4, S5, S9, S10 blocked-waitlist, S3, counters.
 * At the end the ledger's snapshot must load back and save to the same bytes.
 */
#include "ledger_check.h"

#define LOCALS 24
#define OFFICERS 48
#define BATCH_MAX 6
#define OPS_MAX 1024

struct src {
  const uint8_t *p;
  size_t n, i;
};

static uint8_t next8(struct src *s)
{
  return s->i < s->n ? s->p[s->i++] : 0;
}

static unsigned next16(struct src *s)
{
  unsigned hi = next8(s);
  return hi << 8 | next8(s);
}

static const char *const local_names[LOCALS] = {
  "Local 100", "Local 101", "Local 102", "Local 103", "Local 104", "Local 105",
  "Local 106", "Local 107", "Local 108", "Local 109", "Local 110", "Local 111",
  "Local 112", "Local 113", "Local 114", "Local 115", "Local 116", "Local 117",
  "Local 118", "Local 119", "Local 120", "Local 121", "Local 122", "Local 123"
};

static void pool_local(unsigned i, oi_local *l)
{
  *l = (oi_local)OI_LOCAL_INIT;
  l->number = 100 + i;
  l->name = local_names[i];
  l->district = 1 + (int)(i % OI_DISTRICT_COUNT);
  switch (i % 8) {
  case 5: /* Canadian: below the threshold, above it, or unknown (S2) */
    l->country = OI_COUNTRY_CA;
    l->receipts_known = i % 3 != 2;
    l->receipts_cents = i % 3 == 0 ? 24999999 : 25000000;
    break;
  case 6: /* U.S., files LM-2: not eligible (S2) */
    l->country = OI_COUNTRY_US;
    l->lm_form = OI_LM_2;
    break;
  default:
    l->country = OI_COUNTRY_US;
    l->lm_form = i % 2 ? OI_LM_4 : OI_LM_3;
    break;
  }
}

static const char *officer_id(unsigned i)
{
  static char ids[OFFICERS][16];
  if (ids[i][0] == '\0')
    snprintf(ids[i], sizeof ids[i], "officer-%02u", i);
  return ids[i];
}

/* How an invalid request is invalid, and the status it must get. */
enum bad_kind {
  BAD_NIGHTS,     /* nights 0: OI_EINVAL */
  BAD_DISTRICT,   /* district 0: OI_EINVAL */
  BAD_FLAG,       /* attested 2: OI_EINVAL */
  BAD_DATE,       /* received 2017-13-01: OI_EDATE */
  BAD_SESSION,    /* no such session: OI_ENOTFOUND */
  BAD_OFFICER,    /* empty officer id: OI_EINVAL */
  BAD_ID,         /* empty request id: OI_EINVAL (a ledger requires it) */
  BAD_DUPLICATE   /* an id already entered, or twice in a batch: OI_EEXISTS */
};

struct ctx {
  const oi_policy *policy;
  oi_ledger *ledger;
  size_t sessions;
  oi_date *deadline;
  unsigned next_id;
  char ids[BATCH_MAX][24];
};

/* Build request @p k of a batch (k == 0 for a single submit) from the
 * bytes; return the status the ledger must answer for it alone. */
static oi_status build(struct ctx *c, struct src *s, size_t k, oi_subsidy_request *reqs)
{
  oi_subsidy_request *r = &reqs[k];
  const unsigned b0 = next8(s), b1 = next8(s), b2 = next8(s), b3 = next8(s), b4 = next8(s),
                 b5 = next8(s), b6 = next8(s);
  const size_t session = b0 % c->sessions;
  oi_date day = c->deadline[session];
  oi_status expect = OI_OK;
  oi_error err;

  *r = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
  snprintf(c->ids[k], sizeof c->ids[k], "r%u", c->next_id++);
  r->id = c->ids[k];
  {
    oi_session ses = OI_SESSION_INIT;
    if (oi_policy_session(c->policy, session, &ses, &err) != OI_OK)
      fz_fail("oi_policy_session: %s", err.message);
    r->session_id = ses.id;
  }
  pool_local(b1 % LOCALS, &r->local);
  r->officer.id = officer_id(b2 % OFFICERS);
  r->officer.name = b2 % 3 ? "An Officer" : NULL;
  r->officer.office = (oi_office)(b2 % 9);
  if (oi_date_add_days(day, b3 < 232 ? -(int32_t)(b3 % 29) : (int32_t)(b3 - 231), &day,
                       &err) != OI_OK)
    fz_fail("oi_date_add_days: %s", err.message);
  r->received.date = day;
  r->received.hour = (int)(b4 % 4) * 6;
  r->received.minute = (int)(b4 / 4 % 2) * 30;
  r->nights = 1 + (int)(b5 % 7);
  r->attested = !(b6 & 1);
  r->with_application = !(b6 & 2);
  r->application_signed = !(b6 & 4);
  r->request_signed = !(b6 & 8);
  if (b6 & 16) {
    switch ((enum bad_kind)(b6 >> 5)) {
    case BAD_NIGHTS: r->nights = 0; expect = OI_EINVAL; break;
    case BAD_DISTRICT: r->local.district = 0; expect = OI_EINVAL; break;
    case BAD_FLAG: r->attested = 2; expect = OI_EINVAL; break;
    case BAD_DATE: r->received.date.month = 13; expect = OI_EDATE; break;
    case BAD_SESSION: r->session_id = "NO-SUCH-SESSION"; expect = OI_ENOTFOUND; break;
    case BAD_OFFICER: r->officer.id = ""; expect = OI_EINVAL; break;
    case BAD_ID: r->id = ""; expect = OI_EINVAL; break;
    case BAD_DUPLICATE:
      if (k > 0) {
        r->id = reqs[k - 1].id;
        expect = OI_EEXISTS;
      } else if (oi_ledger_count(c->ledger) > 0) {
        oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
        if (oi_ledger_get_by_number(c->ledger, 1 + b5 % oi_ledger_count(c->ledger), &e,
                                    &err) != OI_OK)
          fz_fail("oi_ledger_get_by_number: %s", err.message);
        r->id = e.id;
        expect = OI_EEXISTS;
      }
      break;
    }
  }
  return expect;
}

/* The ledger must be as it was: everything the API shows of it
 * (lc_fingerprint). */
static void check_unchanged(const oi_ledger *l, uint64_t before, const char *call)
{
  FZ_CHECK(lc_fingerprint(l) == before, "%s failed but changed the ledger", call);
}

static const oi_status submit_errors[] = { OI_EINVAL, OI_EDATE, OI_ENOTFOUND, OI_EEXISTS,
                                           OI_OK };

/* Submit one valid request to @p l and check its decision against the model. */
static void submit_checked(const oi_policy *policy, oi_ledger *l, const oi_subsidy_request *r,
                           oi_decision *out)
{
  struct lc_state s;
  oi_decision stateless = OI_DECISION_INIT;
  oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
  oi_error err;
  oi_outcome expect;
  size_t session = 0;
  int s9, seats, cap;

  if (oi_policy_find_session(policy, r->session_id, &session, &err) != OI_OK ||
      oi_check_subsidy(policy, r, &stateless, &err) != OI_OK)
    fz_fail("a valid request is not: %s", err.message);
  lc_state_load(l, &s);
  expect = lc_expect_outcome(&s, r, session, &stateless, &s9, &seats, &cap);
  lc_state_free(&s);
  fz_error_poison(&err);
  if (oi_ledger_submit(l, r, out, &err) != OI_OK)
    fz_fail("oi_ledger_submit(\"%s\") of a valid request: %s: %s", r->id,
            oi_status_name(err.status), err.message);
  FZ_CHECK(out->outcome == expect, "\"%s\" was %s; the rules give %s", r->id,
           oi_outcome_name(out->outcome), oi_outcome_name(expect));
  FZ_CHECK(lc_has_reason(out, OI_REASON_OFFICER_ALREADY_SUBSIDIZED) == s9,
           "S9 reason of \"%s\": %d, expected %d", r->id, !s9, s9);
  if (expect == OI_OUTCOME_WAITLISTED)
    FZ_CHECK(lc_has_reason(out, OI_REASON_SEATS_TAKEN) == seats &&
                 lc_has_reason(out, OI_REASON_LOCAL_CAP_REACHED) == cap,
             "waitlisted \"%s\": S4 reason %d (expected %d), S5 reason %d (expected %d)",
             r->id, lc_has_reason(out, OI_REASON_SEATS_TAKEN), seats,
             lc_has_reason(out, OI_REASON_LOCAL_CAP_REACHED), cap);
  if (oi_ledger_get(l, r->id, &e, &err) != OI_OK)
    fz_fail("a submitted request is not found: %s", err.message);
  FZ_CHECK(e.status == out->outcome && e.nights == out->nights,
           "\"%s\": decided %s (%d nights), held as %s (%d nights)", r->id,
           oi_outcome_name(out->outcome), out->nights, oi_outcome_name(e.status), e.nights);
}

static void op_submit(struct ctx *c, struct src *s)
{
  oi_subsidy_request reqs[1];
  const oi_status expect = build(c, s, 0, reqs);
  oi_decision d = OI_DECISION_INIT;
  oi_error err;

  if (expect == OI_OK) {
    submit_checked(c->policy, c->ledger, &reqs[0], &d);
  } else {
    const uint64_t before = lc_fingerprint(c->ledger);
    oi_status st;
    fz_error_poison(&err);
    st = oi_ledger_submit(c->ledger, &reqs[0], &d, &err);
    fz_check_failure("oi_ledger_submit", st, &err, submit_errors);
    FZ_CHECK(st == expect, "oi_ledger_submit of a bad request: %s, expected %s",
             oi_status_name(st), oi_status_name(expect));
    check_unchanged(c->ledger, before, "oi_ledger_submit");
  }
}

struct order {
  int64_t key;
  size_t index;
};

static int cmp_order(const void *a, const void *b)
{
  const struct order *x = a, *y = b;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

static void op_submit_many(struct ctx *c, struct src *s)
{
  oi_subsidy_request reqs[BATCH_MAX];
  oi_decision out[BATCH_MAX], one[BATCH_MAX];
  struct order order[BATCH_MAX];
  const size_t count = 1 + next8(s) % BATCH_MAX;
  oi_status expect = OI_OK, st;
  oi_ledger *copy = NULL;
  char *before;
  size_t n = 0, i;
  oi_error err;

  for (i = 0; i < count; i++) {
    oi_status e = build(c, s, i, reqs);
    if (expect == OI_OK)
      expect = e;
    out[i] = (oi_decision)OI_DECISION_INIT;
    one[i] = (oi_decision)OI_DECISION_INIT;
  }
  if (expect != OI_OK) {
    const uint64_t print = lc_fingerprint(c->ledger);
    fz_error_poison(&err);
    st = oi_ledger_submit_many(c->ledger, reqs, count, sizeof reqs[0], out, sizeof out[0],
                               &err);
    fz_check_failure("oi_ledger_submit_many", st, &err, submit_errors);
    FZ_CHECK(st == expect, "oi_ledger_submit_many of a bad batch: %s, expected %s",
             oi_status_name(st), oi_status_name(expect));
    FZ_CHECK(err.index < count, "batch error about element %zu of %zu (path \"%s\")",
             err.index, (size_t)count, err.path);
    check_unchanged(c->ledger, print, "oi_ledger_submit_many");
    return;
  }
  /* The ledger as it was, to replay the batch one by one on a copy. */
  before = lc_snapshot(c->ledger, &n);
  fz_error_poison(&err);
  st = oi_ledger_submit_many(c->ledger, reqs, count, sizeof reqs[0], out, sizeof out[0], &err);
  if (st != OI_OK)
    fz_fail("oi_ledger_submit_many of a valid batch: %s: %s", oi_status_name(st),
            err.message);
  /* S11: the same as one by one in receipt order (ties by batch order). */
  if (oi_ledger_from_json(c->policy, before, n, &copy, &err) != OI_OK)
    fz_fail("the snapshot before a batch does not load: %s", err.message);
  for (i = 0; i < count; i++) {
    order[i].key = lc_key(reqs[i].received);
    order[i].index = i;
  }
  qsort(order, count, sizeof *order, cmp_order);
  for (i = 0; i < count; i++)
    submit_checked(c->policy, copy, &reqs[order[i].index], &one[order[i].index]);
  for (i = 0; i < count; i++)
    FZ_CHECK(lc_decisions_equal(&out[i], &one[i]),
             "S11: in a batch \"%s\" was %s, one by one %s", reqs[i].id,
             oi_outcome_name(out[i].outcome), oi_outcome_name(one[i].outcome));
  {
    size_t n1 = 0, n2 = 0;
    char *a = lc_snapshot(c->ledger, &n1), *b = lc_snapshot(copy, &n2);
    FZ_CHECK(n1 == n2 && memcmp(a, b, n1) == 0,
             "S11: a batch of %zu and the same one by one leave different ledgers", count);
    oi_free(a);
    oi_free(b);
  }
  oi_ledger_free(copy);
  oi_free(before);
}

static const oi_status withdraw_errors[] = { OI_EINVAL, OI_ENOTFOUND, OI_ESTATE, OI_OK };

static void withdraw_checked(struct ctx *c, const char *id)
{
  const char *expect_ids[OI_PROMOTIONS_MAX + 1];
  struct lc_state s;
  oi_ledger_entry before = OI_LEDGER_ENTRY_INIT, e = OI_LEDGER_ENTRY_INIT;
  oi_withdrawal w = OI_WITHDRAWAL_INIT;
  oi_error err;
  size_t expect, i;
  oi_status st;

  if (oi_ledger_get(c->ledger, id, &before, &err) != OI_OK) {
    const uint64_t print = lc_fingerprint(c->ledger);
    fz_error_poison(&err);
    st = oi_ledger_withdraw(c->ledger, id, &w, &err);
    fz_check_failure("oi_ledger_withdraw", st, &err, withdraw_errors);
    FZ_CHECK(st == OI_ENOTFOUND, "withdrawing an unknown id: %s", oi_status_name(st));
    check_unchanged(c->ledger, print, "oi_ledger_withdraw");
    return;
  }
  if (!lc_is_active(before.status)) {
    const uint64_t print = lc_fingerprint(c->ledger);
    fz_error_poison(&err);
    st = oi_ledger_withdraw(c->ledger, id, &w, &err);
    fz_check_failure("oi_ledger_withdraw", st, &err, withdraw_errors);
    FZ_CHECK(st == OI_ESTATE, "withdrawing a %s request: %s", oi_outcome_name(before.status),
             oi_status_name(st));
    check_unchanged(c->ledger, print, "oi_ledger_withdraw");
    return;
  }
  lc_state_load(c->ledger, &s);
  expect = lc_expect_promotions(&s, id, expect_ids, OI_PROMOTIONS_MAX);
  lc_state_free(&s);
  if (oi_ledger_withdraw(c->ledger, id, &w, &err) != OI_OK)
    fz_fail("withdrawing %s \"%s\": %s", oi_outcome_name(before.status), id, err.message);
  FZ_CHECK(w.previous == before.status, "withdrawal of \"%s\" says it was %s, it was %s", id,
           oi_outcome_name(w.previous), oi_outcome_name(before.status));
  FZ_CHECK(w.promoted_count == expect, "S10: withdrawing \"%s\" promoted %zu, expected %zu",
           id, w.promoted_count, expect);
  for (i = 0; i < expect; i++) {
    FZ_CHECK(strcmp(w.promoted[i], expect_ids[i]) == 0,
             "S10: withdrawing \"%s\" promoted \"%s\" as number %zu, expected \"%s\"", id,
             w.promoted[i], i + 1, expect_ids[i]);
    if (oi_ledger_get(c->ledger, w.promoted[i], &e, &err) != OI_OK ||
        e.status != OI_OUTCOME_AWARDED || e.reason_count != 0)
      fz_fail("promoted \"%s\" is not a plain award", w.promoted[i]);
  }
  if (oi_ledger_get(c->ledger, id, &e, &err) != OI_OK || e.status != OI_OUTCOME_WITHDRAWN)
    fz_fail("\"%s\" is not withdrawn after its withdrawal", id);
}

static void op_withdraw(struct ctx *c, struct src *s)
{
  const size_t count = oi_ledger_count(c->ledger);
  const size_t pick = next16(s) % (count + 1);
  oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
  oi_error err;

  if (pick == count) {
    withdraw_checked(c, "no-such-request");
    return;
  }
  if (oi_ledger_get_by_number(c->ledger, pick + 1, &e, &err) != OI_OK)
    fz_fail("oi_ledger_get_by_number(%zu): %s", pick + 1, err.message);
  withdraw_checked(c, e.id);
}

static void op_withdraw_award(struct ctx *c, struct src *s)
{
  oi_session ses = OI_SESSION_INIT;
  oi_ledger_entry first = OI_LEDGER_ENTRY_INIT;
  size_t n = 0;
  oi_error err;

  if (oi_policy_session(c->policy, next8(s) % c->sessions, &ses, &err) != OI_OK)
    fz_fail("oi_policy_session: %s", err.message);
  if (oi_ledger_session_entries(c->ledger, ses.id, OI_OUTCOME_AWARDED, &first, 1,
                                sizeof first, &n, &err) != OI_OK)
    fz_fail("oi_ledger_session_entries: %s", err.message);
  if (n > 0)
    withdraw_checked(c, first.id);
}

/* The audit trail: numbered, typed, naming requests the ledger holds. */
static void check_events(const oi_ledger *l)
{
  const size_t n = oi_ledger_event_count(l);
  size_t i, entered = 0;
  oi_error err;

  for (i = 0; i < n; i++) {
    oi_event ev = OI_EVENT_INIT;
    oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
    if (oi_ledger_event(l, i, &ev, &err) != OI_OK)
      fz_fail("oi_ledger_event(%zu): %s", i, err.message);
    FZ_CHECK(ev.sequence == i + 1 && oi_event_type_name(ev.type) != NULL,
             "event %zu: sequence %llu, type %d", i, (unsigned long long)ev.sequence,
             (int)ev.type);
    FZ_CHECK(oi_ledger_get(l, ev.request_id, &e, &err) == OI_OK,
             "event %zu names an unknown request", i);
    FZ_CHECK((ev.type == OI_EVENT_PROMOTED) == (ev.cause_id != NULL),
             "event %zu: cause only for promotions", i);
    if (ev.type == OI_EVENT_ENTERED)
      FZ_CHECK(e.entry_number == ++entered, "event %zu enters \"%s\" out of order", i,
               ev.request_id);
  }
  FZ_CHECK(entered == oi_ledger_count(l), "%zu requests entered by events, %zu held", entered,
           oi_ledger_count(l));
  {
    oi_event ev = OI_EVENT_INIT;
    fz_error_poison(&err);
    FZ_CHECK(oi_ledger_event(l, n, &ev, &err) == OI_ENOTFOUND, "event past the end");
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  struct ctx c;
  struct src s;
  oi_date deadlines[OI_POLICY_ITEMS_MAX];
  oi_error err;
  size_t i, ops;

  memset(&c, 0, sizeof c);
  c.policy = fz_policy_2017();
  c.sessions = oi_policy_session_count(c.policy);
  FZ_CHECK(c.sessions > 0 && c.sessions <= OI_POLICY_ITEMS_MAX, "sessions: %zu", c.sessions);
  for (i = 0; i < c.sessions; i++)
    if (oi_policy_subsidy_deadline(c.policy, i, &deadlines[i], &err) != OI_OK)
      fz_fail("oi_policy_subsidy_deadline(%zu): %s", i, err.message);
  c.deadline = deadlines;
  if (oi_ledger_new(c.policy, &c.ledger, &err) != OI_OK)
    fz_fail("oi_ledger_new: %s", err.message);

  s.p = data;
  s.n = size;
  s.i = 0;
  for (ops = 0; s.i < s.n && ops < OPS_MAX; ops++) {
    switch (next8(&s) % 8) {
    case 4: op_submit_many(&c, &s); break;
    case 5:
    case 6: op_withdraw(&c, &s); break;
    case 7: op_withdraw_award(&c, &s); break;
    default: op_submit(&c, &s); break;
    }
    lc_check(c.ledger);
  }
  check_events(c.ledger);
  lc_check_round_trip(c.ledger);
  oi_ledger_free(c.ledger);
  return 0;
}
