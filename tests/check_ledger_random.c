/*
 * tests/check_ledger_random.c -- a randomized run of the ledger (ledger.h)
 * on the built-in 2017 policy against a model of doc/policy.md kept by the test.
 *
 * OI_RANDOM_OPS operations (default 100000, a fraction of a second; 1000000
 * under OI_TEST_LONG=1, `make check-long`; CI under valgrind sets fewer),
 * from a seed printed at the start (override with OI_SEED=0x...; the PRNG is
 * the test's own xorshift64*, not rand(), so a seed replays everywhere):
 *
 *  ~90% submissions: a local from a pool of 300 (U.S. with LM-2/3/4/none,
 *       Canadian with receipts below, at and above the threshold, or none on
 *       record; 12 "busy" qualifying locals send 10% of the requests, so that
 *       S5 bites while seats are free), an officer from a pool of 5000 (so S9
 *       bites sometimes), a session among the five (the 2.0 ones are refused
 *       by S1), received at a random moment of 2016-09-01..2017-09-10 (so
 *       some are late, S6, and receipt order is not entry order; coarse times
 *       make ties), sometimes unattested or unsigned. About 2% of them are
 *       batches of 2-6 requests (oi_ledger_submit_many), 1% invalid or
 *       duplicate requests that must change nothing.
 *  ~10% withdrawals (8% to 20%, more while the waitlists are long, so they
 *       stay short and seats keep filling and freeing): 5% of unknown ids,
 *       15% of a uniformly random earlier id (mostly refused: OI_ESTATE),
 *       80% of a random awarded or waitlisted request (promotions, S10).
 *
 * The model predicts every decision from doc/policy.md alone (E1, S1, S2, S6,
 * S8, S9 refusals with every reason; S4 seats and S5 cap for an eligible
 * request: award or waitlist with the reasons and their numbers) and every
 * promotion (the earliest received, ties by entry number, among waitlisted
 * requests that fit, repeated while one fits). After every step it checks,
 * in time bounded by the sessions and locals the step touched:
 *  - never more awards than seats in a session, nor than the cap for a local;
 *  - every waitlisted request truly blocked: a session with a free seat has
 *    no waitlisted request from a local below its cap (per-(session, local)
 *    waitlisted counts kept by the model);
 *  - no officer with two active (awarded or waitlisted) requests (S9);
 *  - the library's summaries, local awards, entries and last events agree.
 * At the end it cross-checks every request, every session's lists (receipt
 * order), every local, district and hotel against the model.
 */
#include "testutil.h"

#include <inttypes.h>
#include <stdarg.h>
#include <time.h>

/* ------------------------------------------------------------------------ */
/* doc/policy.md, for 2017 (the model's own numbers, not read from the library) */

#define NSESS 5
#define SEATS 10              /* S4 */
#define CAP 2                 /* S5 */
#define YEAR 2017             /* every session begins in 2017 */
#define MAX_NIGHTS 5          /* S3 */
#define THRESHOLD INT64_C(25000000) /* S2, cents */
#define DEADLINE_WEEKS 6      /* S6 */

#define NLOCALS 300
#define NOFFICERS 5000
#define NBUSY 12 /* locals that send many requests, so S5 bites while seats are free */
#ifndef BUSY_PERCENT
#define BUSY_PERCENT 10
#endif

typedef struct msession {
  const char *id;
  int seats;                /* 10 for a 1.0 session, 0 for a 2.0 (S1) */
  int us_only;              /* E1 */
  int subsidized;           /* S1 */
  int64_t deadline;         /* S6: day number of first day - 42 */
  int32_t pidx;             /* index in the policy */
  const char *hotel;        /* payee (S3) */
  size_t awarded, waitlisted, refused, withdrawn;
  int64_t nights;
  int32_t wl_head;          /* waitlisted requests (unordered list) */
  size_t unblocked;         /* waitlisted here from a local below its cap */
} msession;

typedef struct mlocal {
  uint32_t number;
  oi_country country;
  int district;
  oi_lm_form form;
  int known;
  int64_t cents;
  size_t awards;            /* S5: officers subsidized in 2017 */
  int32_t wl_head;          /* its waitlisted requests, any session */
  size_t wl_count[NSESS];   /* waitlisted per session */
} mlocal;

typedef struct mreq {
  int64_t key;              /* received, in seconds */
  oi_datetime received;
  uint32_t off;
  uint16_t loc;
  uint8_t sess;
  uint8_t status;           /* oi_outcome */
  int nights_req, nights;
  int32_t wprev, wnext;     /* session waitlist */
  int32_t lprev, lnext;     /* local waitlist */
  int32_t pos;              /* position in awarded_list / waitlist_list */
} mreq;

static msession S[NSESS];
static mlocal LOC[NLOCALS];
static int32_t *officer_active; /* request index + 1 of its active request, or 0 */
static mreq *R;
static size_t nreq, capreq;
static int32_t *awarded_list, *waitlist_list;
static size_t n_awarded_list, n_waitlist_list;
static size_t model_events;

static oi_policy *pol;
static oi_ledger *led;

static uint64_t seed, rng;
static size_t step, ops;

/* statistics, printed at the end */
static size_t st_submits, st_batches, st_invalid, st_withdrawals, st_promotions,
    st_double_promotions, st_batch_requests, st_estate, st_enotfound, st_awarded, st_waitlisted, st_refused,
    st_s9, st_s4, st_s5, st_both, st_s5_only, st_free_seat_steps, st_max_waitlist;

/* ------------------------------------------------------------------------ */

#if defined(__GNUC__) || defined(__clang__)
static void fail_at(int line, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#endif
static void fail_at(int line, const char *fmt, ...)
{
  char msg[1024];
  va_list ap;

  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  ck_abort_msg("check_ledger_random.c:%d: OI_SEED=%#" PRIx64 ", step %zu of %zu: %s", line,
               seed, step, ops, msg);
}
#define CHECK(cond, ...)             \
  do {                               \
    if (!(cond))                     \
      fail_at(__LINE__, __VA_ARGS__); \
  } while (0)

static uint64_t next(void) /* xorshift64* */
{
  rng ^= rng >> 12;
  rng ^= rng << 25;
  rng ^= rng >> 27;
  return rng * UINT64_C(2685821657736338717);
}

static uint32_t below(uint32_t n)
{
  return (uint32_t)((next() >> 11) % n);
}

/* Date of a day number, independent of the library (H. Hinnant). */
static oi_date date_of_days(int64_t z)
{
  int64_t era, doe, yoe, y, doy, mp, d, m;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = z - era * 146097;
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  return tu_date((int)(y + (m <= 2)), (int)m, (int)d);
}

static void req_id(char *buf, size_t size, size_t index)
{
  snprintf(buf, size, "r%07zu", index);
}

/* ------------------------------------------------------------------------ */
/* The model's lists                                                        */

static void pick_add(int32_t *list, size_t *n, int32_t i)
{
  R[i].pos = (int32_t)*n;
  list[(*n)++] = i;
}

static void pick_remove(int32_t *list, size_t *n, int32_t i)
{
  int32_t last = list[*n - 1];
  list[R[i].pos] = last;
  R[last].pos = R[i].pos;
  (*n)--;
  R[i].pos = -1;
}

static int below_cap(const mlocal *l)
{
  return l->awards < CAP;
}

static void wl_insert(int32_t i)
{
  mreq *q = &R[i];
  msession *s = &S[q->sess];
  mlocal *l = &LOC[q->loc];

  q->wprev = -1;
  q->wnext = s->wl_head;
  if (s->wl_head >= 0)
    R[s->wl_head].wprev = i;
  s->wl_head = i;
  q->lprev = -1;
  q->lnext = l->wl_head;
  if (l->wl_head >= 0)
    R[l->wl_head].lprev = i;
  l->wl_head = i;
  l->wl_count[q->sess]++;
  s->waitlisted++;
  if (below_cap(l))
    s->unblocked++;
  pick_add(waitlist_list, &n_waitlist_list, i);
}

static void wl_remove(int32_t i)
{
  mreq *q = &R[i];
  msession *s = &S[q->sess];
  mlocal *l = &LOC[q->loc];

  if (q->wprev >= 0)
    R[q->wprev].wnext = q->wnext;
  else
    s->wl_head = q->wnext;
  if (q->wnext >= 0)
    R[q->wnext].wprev = q->wprev;
  if (q->lprev >= 0)
    R[q->lprev].lnext = q->lnext;
  else
    l->wl_head = q->lnext;
  if (q->lnext >= 0)
    R[q->lnext].lprev = q->lprev;
  l->wl_count[q->sess]--;
  s->waitlisted--;
  if (below_cap(l))
    s->unblocked--;
  pick_remove(waitlist_list, &n_waitlist_list, i);
}

/* A local's award count changes: keep the sessions' unblocked counts right. */
static void local_awards_add(mlocal *l, int delta)
{
  int was_below = below_cap(l), is_below, k;

  l->awards = (size_t)((int)l->awards + delta);
  is_below = below_cap(l);
  if (was_below == is_below)
    return;
  for (k = 0; k < NSESS; k++) {
    if (is_below)
      S[k].unblocked += l->wl_count[k];
    else
      S[k].unblocked -= l->wl_count[k];
  }
}

static void award(int32_t i)
{
  mreq *q = &R[i];
  q->status = OI_OUTCOME_AWARDED;
  q->nights = q->nights_req < MAX_NIGHTS ? q->nights_req : MAX_NIGHTS;
  S[q->sess].awarded++;
  S[q->sess].nights += q->nights;
  local_awards_add(&LOC[q->loc], +1);
  pick_add(awarded_list, &n_awarded_list, i);
}

static void unaward(int32_t i)
{
  mreq *q = &R[i];
  S[q->sess].awarded--;
  S[q->sess].nights -= q->nights;
  local_awards_add(&LOC[q->loc], -1);
  pick_remove(awarded_list, &n_awarded_list, i);
}

static int fits(const mreq *q)
{
  return S[q->sess].awarded < (size_t)S[q->sess].seats && below_cap(&LOC[q->loc]);
}

static int earlier(const mreq *a, const mreq *b, int32_t ia, int32_t ib)
{
  return a->key < b->key || (a->key == b->key && ia < ib); /* index order = entry order */
}

/* ------------------------------------------------------------------------ */
/* Checks                                                                   */

static int same_reasons(size_t na, const oi_reason *a, size_t nb, const oi_reason *b)
{
  size_t i;
  if (na != nb || (na > 0 && (a == NULL || b == NULL)))
    return 0;
  for (i = 0; i < na; i++)
    if (a[i].code != b[i].code || a[i].clause != b[i].clause ||
        a[i].severity != b[i].severity || a[i].session != b[i].session ||
        memcmp(a[i].value, b[i].value, sizeof a[i].value) != 0)
      return 0;
  return 1;
}

static oi_clause clause_of(oi_reason_code c)
{
  switch (c) {
  case OI_REASON_COUNTRY_NOT_ADMITTED: return OI_CLAUSE_E1;
  case OI_REASON_NO_SUBSIDY_FOR_COURSE: return OI_CLAUSE_S1;
  case OI_REASON_US_FORM_NOT_ELIGIBLE:
  case OI_REASON_CA_RECEIPTS_TOO_HIGH:
  case OI_REASON_CA_RECEIPTS_UNKNOWN:
  case OI_REASON_NOT_ATTESTED: return OI_CLAUSE_S2;
  case OI_REASON_RECEIVED_LATE: return OI_CLAUSE_S6;
  case OI_REASON_NOT_WITH_APPLICATION:
  case OI_REASON_APPLICATION_NOT_SIGNED:
  case OI_REASON_REQUEST_NOT_SIGNED: return OI_CLAUSE_S8;
  case OI_REASON_OFFICER_ALREADY_SUBSIDIZED: return OI_CLAUSE_S9;
  case OI_REASON_SEATS_TAKEN: return OI_CLAUSE_S4;
  case OI_REASON_LOCAL_CAP_REACHED: return OI_CLAUSE_S5;
  case OI_REASON_NIGHTS_LIMITED: return OI_CLAUSE_S3;
  default: return OI_CLAUSE_NONE;
  }
}

#define BIT(code) (UINT32_C(1) << (unsigned)(code))

static size_t popcount(uint32_t x)
{
  size_t n = 0;
  for (; x != 0; x &= x - 1)
    n++;
  return n;
}

/* A request about to be entered, with what the model needs to predict it. */
typedef struct pending {
  oi_subsidy_request r;
  char id[32];
  char officer[16];
  int sess, loc;
  uint32_t off;
  int64_t key;
} pending;

/*
 * Predict the decision on @p p (about to become request @p index) from the
 * model, check the library's decision @p d against it, and apply it.
 */
static void decide_and_apply(const pending *p, size_t index, const oi_decision *d)
{
  const oi_subsidy_request *r = &p->r;
  msession *s = &S[p->sess];
  mlocal *l = &LOC[p->loc];
  int64_t day = tu_days_of(r->received.date);
  uint32_t want = 0, got = 0;
  oi_outcome outcome;
  int32_t active = officer_active[p->off];
  size_t i, nonnote = 0;
  mreq *q;
  char buf[512];

  /* refusals: every reason that applies (S10) */
  if (s->us_only && l->country != OI_COUNTRY_US)
    want |= BIT(OI_REASON_COUNTRY_NOT_ADMITTED); /* E1 */
  if (!s->subsidized)
    want |= BIT(OI_REASON_NO_SUBSIDY_FOR_COURSE); /* S1 */
  if (l->country == OI_COUNTRY_US) {             /* S2 */
    if (l->form != OI_LM_3 && l->form != OI_LM_4)
      want |= BIT(OI_REASON_US_FORM_NOT_ELIGIBLE);
  } else if (!l->known) {
    want |= BIT(OI_REASON_CA_RECEIPTS_UNKNOWN);
  } else if (l->cents >= THRESHOLD) {
    want |= BIT(OI_REASON_CA_RECEIPTS_TOO_HIGH);
  }
  if (!r->attested)
    want |= BIT(OI_REASON_NOT_ATTESTED);
  if (day > s->deadline)
    want |= BIT(OI_REASON_RECEIVED_LATE); /* S6 */
  if (!r->with_application)
    want |= BIT(OI_REASON_NOT_WITH_APPLICATION); /* S8 */
  if (!r->application_signed)
    want |= BIT(OI_REASON_APPLICATION_NOT_SIGNED);
  if (!r->request_signed)
    want |= BIT(OI_REASON_REQUEST_NOT_SIGNED);
  if (active != 0)
    want |= BIT(OI_REASON_OFFICER_ALREADY_SUBSIDIZED); /* S9 */
  if (want != 0) {
    outcome = OI_OUTCOME_REFUSED;
  } else {
    if (s->awarded >= (size_t)s->seats)
      want |= BIT(OI_REASON_SEATS_TAKEN); /* S4 */
    if (!below_cap(l))
      want |= BIT(OI_REASON_LOCAL_CAP_REACHED); /* S5 */
    outcome = want ? OI_OUTCOME_WAITLISTED : OI_OUTCOME_AWARDED;
  }

  CHECK(d->outcome == outcome, "%s: decided %s, the model says %s", p->id,
        tu_describe(d, buf, sizeof buf), oi_outcome_name(outcome));
  CHECK(d->session == S[p->sess].pidx, "%s: decision names session %d", p->id, (int)d->session);
  CHECK(d->reason_count <= OI_DECISION_V1_REASONS, "%s: %zu reasons", p->id,
        d->reason_count);
  for (i = 0; i < d->reason_count; i++) {
    const oi_reason *x = oi_decision_reason(d, i);
    CHECK(x->session == S[p->sess].pidx, "%s: reason %d names session %d", p->id, (int)x->code,
          (int)x->session);
    CHECK(x->clause == clause_of(x->code), "%s: reason %s cites clause %d", p->id,
          oi_reason_code_name(x->code) ? oi_reason_code_name(x->code) : "?", (int)x->clause);
    if (x->severity == OI_SEVERITY_NOTE) {
      /* S3: the only note; it explains nights, never on a refusal */
      CHECK(x->code == OI_REASON_NIGHTS_LIMITED && outcome != OI_OUTCOME_REFUSED &&
                r->nights > MAX_NIGHTS && x->value[0] == r->nights &&
                x->value[1] == MAX_NIGHTS,
            "%s: unexpected note %d in %s", p->id, (int)x->code, tu_describe(d, buf, sizeof buf));
      continue;
    }
    nonnote++;
    CHECK((unsigned)x->code < 32 && (got & BIT(x->code)) == 0,
          "%s: reason %d twice or unknown: %s", p->id, (int)x->code,
          tu_describe(d, buf, sizeof buf));
    got |= BIT(x->code);
    CHECK(x->severity == (outcome == OI_OUTCOME_REFUSED ? OI_SEVERITY_REFUSAL
                                                        : OI_SEVERITY_WAITLIST),
          "%s: reason %d has severity %d", p->id, (int)x->code, (int)x->severity);
    switch (x->code) {
    case OI_REASON_OFFICER_ALREADY_SUBSIDIZED:
      CHECK(x->value[0] == YEAR && x->value[1] == (int64_t)active,
            "%s: S9 values {%lld, %lld}, expected {%d, %d}", p->id, (long long)x->value[0],
            (long long)x->value[1], YEAR, (int)active);
      break;
    case OI_REASON_SEATS_TAKEN:
      CHECK(x->value[0] == s->seats && x->value[1] == (int64_t)s->awarded,
            "%s: S4 values {%lld, %lld}, expected {%d, %zu}", p->id, (long long)x->value[0],
            (long long)x->value[1], s->seats, s->awarded);
      break;
    case OI_REASON_LOCAL_CAP_REACHED:
      CHECK(x->value[0] == (int64_t)l->number && x->value[1] == YEAR && x->value[2] == CAP &&
                x->value[3] == (int64_t)l->awards,
            "%s: S5 values {%lld, %lld, %lld, %lld}", p->id, (long long)x->value[0],
            (long long)x->value[1], (long long)x->value[2], (long long)x->value[3]);
      break;
    case OI_REASON_RECEIVED_LATE:
      CHECK(x->value[0] == day && x->value[2] == s->deadline &&
                x->value[3] == DEADLINE_WEEKS,
            "%s: S6 values wrong", p->id);
      break;
    case OI_REASON_COUNTRY_NOT_ADMITTED:
      CHECK(x->value[0] == (int64_t)l->country, "%s: E1 value wrong", p->id);
      break;
    default:
      break;
    }
  }
  CHECK(got == want && nonnote == popcount(want),
        "%s: reasons %s, expected mask %#x", p->id, tu_describe(d, buf, sizeof buf),
        (unsigned)want);
  if (outcome == OI_OUTCOME_AWARDED) {
    int n = r->nights < MAX_NIGHTS ? r->nights : MAX_NIGHTS;
    CHECK(d->nights == n && d->payee != NULL && strcmp(d->payee, s->hotel) == 0,
          "%s: awarded %d nights to %s, expected %d to %s", p->id, d->nights,
          d->payee ? d->payee : "(null)", n, s->hotel);
  } else if (outcome == OI_OUTCOME_REFUSED) {
    CHECK(d->nights == 0 && d->payee == NULL, "%s: refused with nights or payee", p->id);
  } else {
    /* S3: only an award pays; a waitlisted request shows what it would. */
    int n = r->nights < MAX_NIGHTS ? r->nights : MAX_NIGHTS;
    CHECK(d->nights == 0 && d->payee == NULL && d->nights_if_awarded == n,
          "%s: waitlisted pays %d nights (%d if awarded, expected %d)", p->id, d->nights,
          d->nights_if_awarded, n);
  }

  /* apply */
  if (nreq == capreq) {
    capreq = capreq ? capreq * 2 : 1024;
    R = realloc(R, capreq * sizeof *R);
    ck_assert(R != NULL);
  }
  CHECK(index == nreq, "model index %zu, expected %zu", index, nreq);
  q = &R[nreq++];
  memset(q, 0, sizeof *q);
  q->key = p->key;
  q->received = r->received;
  q->off = p->off;
  q->loc = (uint16_t)p->loc;
  q->sess = (uint8_t)p->sess;
  q->nights_req = r->nights;
  q->wprev = q->wnext = q->lprev = q->lnext = q->pos = -1;
  model_events += 2;
  switch (outcome) {
  case OI_OUTCOME_AWARDED:
    st_awarded++;
    CHECK(active == 0, "S9: officer %u gets a second active request", p->off);
    officer_active[p->off] = (int32_t)index + 1;
    award((int32_t)index);
    break;
  case OI_OUTCOME_WAITLISTED:
    st_waitlisted++;
    if (want & BIT(OI_REASON_SEATS_TAKEN))
      st_s4++;
    if (want & BIT(OI_REASON_LOCAL_CAP_REACHED))
      st_s5++;
    if ((want & BIT(OI_REASON_SEATS_TAKEN)) && (want & BIT(OI_REASON_LOCAL_CAP_REACHED)))
      st_both++;
    if (!(want & BIT(OI_REASON_SEATS_TAKEN)))
      st_s5_only++;
    CHECK(active == 0, "S9: officer %u gets a second active request", p->off);
    officer_active[p->off] = (int32_t)index + 1;
    q->status = OI_OUTCOME_WAITLISTED;
    wl_insert((int32_t)index);
    break;
  default:
    st_refused++;
    if (want & BIT(OI_REASON_OFFICER_ALREADY_SUBSIDIZED))
      st_s9++;
    q->status = OI_OUTCOME_REFUSED;
    s->refused++;
    break;
  }
}

/* Touched sessions and locals of a step, checked after it. */
static int touched_s[NSESS];
static int touched_l[16];
static size_t n_touched_l;

static void touch(int sess, int loc)
{
  size_t k;
  touched_s[sess] = 1;
  for (k = 0; k < n_touched_l; k++)
    if (touched_l[k] == loc)
      return;
  if (n_touched_l < 16)
    touched_l[n_touched_l++] = loc;
}

/* The library's view of a request against the model's. */
static void check_request(int32_t i)
{
  const mreq *q = &R[i];
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;
  char id[32];
  oi_status st;

  req_id(id, sizeof id, (size_t)i);
  st = oi_ledger_get(led, id, &en, NULL);
  CHECK(st == OI_OK, "get(%s): %s", id, oi_status_name(st));
  CHECK(en.status == (oi_outcome)q->status, "%s is %s, the model says %s", id,
        oi_outcome_name(en.status) ? oi_outcome_name(en.status) : "?",
        oi_outcome_name((oi_outcome)q->status));
  CHECK(en.entry_number == (uint64_t)i + 1, "%s has entry number %" PRIu64, id,
        en.entry_number);
  CHECK(en.session == S[q->sess].pidx && en.local_number == LOC[q->loc].number &&
            en.year == YEAR && oi_datetime_compare(en.received, q->received) == 0 &&
            en.nights_requested == q->nights_req,
        "%s: fields differ from the request", id);
  if (q->status == OI_OUTCOME_AWARDED)
    CHECK(en.nights == q->nights && en.payee != NULL && strcmp(en.payee, S[q->sess].hotel) == 0,
          "%s: awarded %d nights, expected %d", id, en.nights, q->nights);
  if (q->status == OI_OUTCOME_REFUSED)
    CHECK(en.nights == 0 && en.payee == NULL, "%s: refused with nights or payee", id);
  if (q->status == OI_OUTCOME_WAITLISTED || q->status == OI_OUTCOME_WITHDRAWN)
    CHECK(en.nights == 0 && en.payee == NULL, "%s: %s with nights or payee", id,
          oi_outcome_name(en.status));
}

static void check_step(void)
{
  size_t k;

  CHECK(oi_ledger_count(led) == nreq, "ledger holds %zu requests, the model %zu",
        oi_ledger_count(led), nreq);
  CHECK(oi_ledger_event_count(led) == model_events, "ledger has %zu events, the model %zu",
        oi_ledger_event_count(led), model_events);
  /* invariants of the model, every session (O(1) each) */
  for (k = 0; k < NSESS; k++) {
    const msession *s = &S[k];
    CHECK(s->awarded <= (size_t)s->seats, "S4: %s holds %zu awards for %d seats", s->id,
          s->awarded, s->seats);
    CHECK(s->awarded == (size_t)s->seats || s->unblocked == 0,
          "S10: %s has %d seats free but %zu waitlisted requests fit", s->id,
          s->seats - (int)s->awarded, s->unblocked);
  }
  /* the library against the model, for what the step touched */
  for (k = 0; k < NSESS; k++) {
    oi_session_summary m = OI_SESSION_SUMMARY_INIT;
    const msession *s = &S[k];
    if (!touched_s[k])
      continue;
    touched_s[k] = 0;
    CHECK(oi_ledger_session_summary(led, s->id, &m, NULL) == OI_OK, "summary(%s)", s->id);
    CHECK(m.seats == s->seats && m.awarded == s->awarded && m.waitlisted == s->waitlisted &&
              m.refused == s->refused && m.withdrawn == s->withdrawn &&
              m.seats_left == s->seats - (int)s->awarded && m.nights == s->nights,
          "summary of %s: %d seats, %zu awarded, %zu waitlisted, %zu refused, %zu withdrawn, "
          "%d left, %" PRId64 " nights; the model: %d, %zu, %zu, %zu, %zu, %" PRId64,
          s->id, m.seats, m.awarded, m.waitlisted, m.refused, m.withdrawn, m.seats_left,
          m.nights, s->seats, s->awarded, s->waitlisted, s->refused, s->withdrawn, s->nights);
  }
  for (k = 0; k < n_touched_l; k++) {
    const mlocal *l = &LOC[touched_l[k]];
    size_t n = (size_t)-1;
    CHECK(l->awards <= CAP, "S5: local %u holds %zu awards", (unsigned)l->number, l->awards);
    CHECK(oi_ledger_local_awards(led, l->number, YEAR, NULL, 0, sizeof(oi_ledger_entry), &n,
                                 NULL) == OI_OK,
          "local_awards(%u)", (unsigned)l->number);
    CHECK(n == l->awards, "local %u: %zu awards in the ledger, %zu in the model",
          (unsigned)l->number, n, l->awards);
  }
  n_touched_l = 0;
}

/* The last two events are ENTERED and DECIDED of request @p index. */
static void check_submit_events(size_t first_event, size_t index, const oi_decision *d)
{
  oi_event ev = OI_EVENT_INIT;
  char id[32];

  req_id(id, sizeof id, index);
  CHECK(oi_ledger_event(led, first_event, &ev, NULL) == OI_OK, "event %zu", first_event);
  CHECK(ev.sequence == first_event + 1 && ev.type == OI_EVENT_ENTERED &&
            ev.request_id != NULL && strcmp(ev.request_id, id) == 0 &&
            ev.outcome == OI_OUTCOME_NONE && ev.cause_id == NULL,
        "event %zu is not ENTERED(%s)", first_event, id);
  CHECK(oi_ledger_event(led, first_event + 1, &ev, NULL) == OI_OK, "event %zu",
        first_event + 1);
  CHECK(ev.sequence == first_event + 2 && ev.type == OI_EVENT_DECIDED &&
            ev.request_id != NULL && strcmp(ev.request_id, id) == 0 &&
            ev.outcome == d->outcome && ev.cause_id == NULL &&
            same_reasons(ev.reason_count, ev.reasons, d->reason_count, d->reasons),
        "event %zu is not DECIDED(%s) with the decision's reasons", first_event + 1, id);
  if (d->outcome == OI_OUTCOME_AWARDED)
    CHECK(ev.nights == d->nights, "DECIDED(%s) nights %d", id, ev.nights);
}

/* ------------------------------------------------------------------------ */
/* Generating requests                                                      */

static void make_locals(void)
{
  int i;
  for (i = 0; i < NLOCALS; i++) {
    mlocal *l = &LOC[i];
    uint32_t u = below(100);
    memset(l, 0, sizeof *l);
    l->number = 1 + (uint32_t)i * 3 + below(3);
    l->district = 1 + (int)below(13);
    l->wl_head = -1;
    if (i < NBUSY) { /* busy locals qualify under S2: 8 U.S., 4 Canadian */
      l->country = i < 8 ? OI_COUNTRY_US : OI_COUNTRY_CA;
      l->form = i < 8 ? (i % 2 ? OI_LM_3 : OI_LM_4) : OI_LM_NONE;
      l->known = i >= 8;
      l->cents = i >= 8 ? (int64_t)below(25000000) : 0;
      continue;
    }
    if (u < 75) {
      uint32_t f = below(100);
      l->country = OI_COUNTRY_US;
      l->form = f < 20 ? OI_LM_3 : f < 35 ? OI_LM_4 : f < 70 ? OI_LM_2 : OI_LM_NONE;
    } else {
      uint32_t c = below(100);
      l->country = OI_COUNTRY_CA;
      l->form = OI_LM_NONE;
      l->known = c < 85;
      l->cents = c < 40   ? (int64_t)below(25000000)           /* below: qualifies */
                 : c < 55 ? THRESHOLD                           /* exactly: does not */
                 : c < 85 ? THRESHOLD + 1 + (int64_t)below(1000000000)
                          : 0;                                  /* none on record */
    }
  }
}

static void gen_content(pending *p)
{
  const mlocal *l;
  int64_t day0 = tu_days(2016, 9, 1), day1 = tu_days(2017, 9, 10);
  int64_t day;
  oi_date date;
  int hh, mm, ss;

  memset(p, 0, sizeof *p);
  tu_default_request(&p->r);
  p->sess = (int)below(NSESS);
  p->loc = below(100) < BUSY_PERCENT ? (int)below(NBUSY) : (int)below(NLOCALS);
  p->off = below(NOFFICERS);
  l = &LOC[p->loc];
  day = day0 + (int64_t)below((uint32_t)(day1 - day0 + 1));
  date = date_of_days(day);
  hh = 8 + (int)below(10);
  mm = 15 * (int)below(4);
  ss = below(4) == 0 ? (int)below(60) : 0; /* coarse moments: ties happen */
  p->key = day * 86400 + hh * 3600 + mm * 60 + ss;
  p->r.session_id = S[p->sess].id;
  p->r.local.number = l->number;
  p->r.local.name = "IATSE local";
  p->r.local.country = l->country;
  p->r.local.district = l->district;
  p->r.local.lm_form = l->form;
  p->r.local.receipts_known = l->known;
  p->r.local.receipts_cents = l->known ? l->cents : 0;
  snprintf(p->officer, sizeof p->officer, "off%05u", (unsigned)p->off);
  p->r.officer.id = p->officer;
  p->r.officer.office = (oi_office)(1 + below(8));
  p->r.received = tu_dt(date.year, date.month, date.day, hh, mm, ss);
  p->r.nights = 1 + (int)below(8);
  p->r.attested = below(100) < 92;
  p->r.with_application = below(100) < 96;
  p->r.application_signed = below(100) < 96;
  p->r.request_signed = below(100) < 96;
}

static void set_id(pending *p, size_t index)
{
  req_id(p->id, sizeof p->id, index);
  p->r.id = p->id;
}

/* ------------------------------------------------------------------------ */
/* Steps                                                                    */

static void step_submit(void)
{
  pending p;
  oi_decision d = OI_DECISION_INIT;
  oi_error e;
  oi_status st;
  size_t events = oi_ledger_event_count(led);

  gen_content(&p);
  set_id(&p, nreq);
  st = oi_ledger_submit(led, &p.r, &d, &e);
  CHECK(st == OI_OK, "submit(%s): %s %s: %s", p.id, oi_status_name(st), e.path, e.message);
  decide_and_apply(&p, nreq, &d);
  check_submit_events(events, nreq - 1, &d);
  check_request((int32_t)(nreq - 1));
  touch(p.sess, p.loc);
  st_submits++;
}

static void step_batch(void)
{
  pending p[6];
  oi_subsidy_request reqs[6];
  oi_decision out[6];
  size_t ord[6], n = 2 + below(5), i, k, base = nreq;
  size_t events = oi_ledger_event_count(led);
  oi_error e;
  oi_status st;

  for (i = 0; i < n; i++)
    gen_content(&p[i]);
  for (i = 0; i < n; i++) { /* stable sort by receipt */
    k = i;
    while (k > 0 && p[ord[k - 1]].key > p[i].key) {
      ord[k] = ord[k - 1];
      k--;
    }
    ord[k] = i;
  }
  for (k = 0; k < n; k++) /* entry numbers follow receipt order */
    set_id(&p[ord[k]], base + k);
  for (i = 0; i < n; i++) {
    reqs[i] = p[i].r;
    out[i] = (oi_decision)OI_DECISION_INIT;
  }
  st = oi_ledger_submit_many(led, reqs, n, sizeof reqs[0], out, sizeof out[0], &e);
  CHECK(st == OI_OK, "submit_many(%zu): %s %s: %s", n, oi_status_name(st), e.path, e.message);
  for (k = 0; k < n; k++) {
    decide_and_apply(&p[ord[k]], base + k, &out[ord[k]]);
    check_submit_events(events + 2 * k, base + k, &out[ord[k]]);
    check_request((int32_t)(base + k));
    touch(p[ord[k]].sess, p[ord[k]].loc);
  }
  st_batches++;
  st_batch_requests += n;
  st_submits += n;
}

static void step_invalid(void)
{
  pending p;
  oi_decision d = OI_DECISION_INIT;
  oi_status st, want;
  size_t count = oi_ledger_count(led), events = oi_ledger_event_count(led);
  char dup[16];

  gen_content(&p);
  set_id(&p, nreq);
  switch (below(4)) {
  case 0:
    if (nreq == 0)
      return;
    req_id(dup, sizeof dup, below((uint32_t)nreq));
    p.r.id = dup;
    want = OI_EEXISTS;
    break;
  case 1:
    p.r.local.district = below(2) ? 0 : 14;
    want = OI_EINVAL;
    break;
  case 2:
    p.r.session_id = "OI-2017-XX";
    want = OI_ENOTFOUND;
    break;
  default:
    p.r.received = tu_dt(2017, 2, 29, 9, 0, 0);
    want = OI_EDATE;
    break;
  }
  st = oi_ledger_submit(led, &p.r, &d, NULL);
  CHECK(st == want, "invalid submit returned %s, expected %s", oi_status_name(st),
        oi_status_name(want));
  CHECK(oi_ledger_count(led) == count && oi_ledger_event_count(led) == events,
        "a failed submit changed the ledger");
  st_invalid++;
}

/* Withdraw request @p i (or an unknown id when i < 0). */
static void step_withdraw(int32_t i)
{
  oi_withdrawal w = OI_WITHDRAWAL_INIT;
  oi_error e;
  oi_status st;
  char id[24];
  size_t events = oi_ledger_event_count(led), k;
  oi_outcome previous;
  mreq *q;
  int32_t expected[OI_PROMOTIONS_MAX + 1];
  size_t n_expected = 0;
  oi_event ev = OI_EVENT_INIT;

  if (i < 0) {
    snprintf(id, sizeof id, "unknown-%u", (unsigned)below(1000));
    st = oi_ledger_withdraw(led, id, &w, &e);
    CHECK(st == OI_ENOTFOUND, "withdraw(%s) returned %s", id, oi_status_name(st));
    CHECK(oi_ledger_event_count(led) == events, "a failed withdrawal added events");
    st_enotfound++;
    return;
  }
  q = &R[i];
  req_id(id, sizeof id, (size_t)i);
  previous = (oi_outcome)q->status;
  st = oi_ledger_withdraw(led, id, &w, &e);
  if (previous != OI_OUTCOME_AWARDED && previous != OI_OUTCOME_WAITLISTED) {
    CHECK(st == OI_ESTATE, "withdraw(%s), %s, returned %s", id, oi_outcome_name(previous),
          oi_status_name(st));
    CHECK(oi_ledger_event_count(led) == events && oi_ledger_count(led) == nreq,
          "a failed withdrawal changed the ledger");
    check_request(i);
    st_estate++;
    return;
  }
  CHECK(st == OI_OK, "withdraw(%s): %s %s", id, oi_status_name(st), e.message);
  CHECK(w.previous == previous, "withdraw(%s) reports previous %s, expected %s", id,
        oi_outcome_name(w.previous) ? oi_outcome_name(w.previous) : "?",
        oi_outcome_name(previous));
  st_withdrawals++;

  /* the model: withdraw, then promote while a waitlisted request fits */
  officer_active[q->off] = 0;
  touch(q->sess, q->loc);
  if (previous == OI_OUTCOME_WAITLISTED) {
    wl_remove(i);
  } else {
    int sess = q->sess, loc = q->loc;
    unaward(i);
    for (;;) {
      /* Before the withdrawal every waitlisted request was blocked (checked
       * after every step); only a seat at this session and a slot of this
       * local were freed, so a request that fits now waits at this session
       * or comes from this local. */
      int32_t best = -1, j;
      for (j = S[sess].wl_head; j >= 0; j = R[j].wnext)
        if (fits(&R[j]) && (best < 0 || earlier(&R[j], &R[best], j, best)))
          best = j;
      for (j = LOC[loc].wl_head; j >= 0; j = R[j].lnext)
        if (fits(&R[j]) && (best < 0 || earlier(&R[j], &R[best], j, best)))
          best = j;
      if (best < 0)
        break;
      CHECK(n_expected < OI_PROMOTIONS_MAX, "the model promotes more than %d",
            OI_PROMOTIONS_MAX);
      expected[n_expected++] = best;
      wl_remove(best);
      award(best);
      touch(R[best].sess, R[best].loc);
    }
  }
  q->status = OI_OUTCOME_WITHDRAWN;
  S[q->sess].withdrawn++;
  model_events += 1 + n_expected;

  CHECK(w.promoted_count == n_expected, "withdraw(%s) promoted %zu (first %s), expected %zu%s",
        id, w.promoted_count, w.promoted_count ? w.promoted[0] : "-", n_expected,
        n_expected ? "" : " (none fits)");
  for (k = 0; k < n_expected; k++) {
    char pid[32];
    req_id(pid, sizeof pid, (size_t)expected[k]);
    CHECK(w.promoted[k] != NULL && strcmp(w.promoted[k], pid) == 0,
          "withdraw(%s): promoted[%zu] is %s, expected %s (earliest received that fits)", id, k,
          w.promoted[k] ? w.promoted[k] : "(null)", pid);
    check_request(expected[k]);
  }
  check_request(i);
  /* events: WITHDRAWN, then PROMOTED with the withdrawn request as cause */
  CHECK(oi_ledger_event(led, events, &ev, NULL) == OI_OK, "event %zu", events);
  CHECK(ev.type == OI_EVENT_WITHDRAWN && ev.request_id && strcmp(ev.request_id, id) == 0 &&
            ev.outcome == previous && ev.sequence == events + 1,
        "event %zu is not WITHDRAWN(%s)", events, id);
  for (k = 0; k < n_expected; k++) {
    char pid[32];
    req_id(pid, sizeof pid, (size_t)expected[k]);
    CHECK(oi_ledger_event(led, events + 1 + k, &ev, NULL) == OI_OK, "event");
    CHECK(ev.type == OI_EVENT_PROMOTED && ev.request_id && strcmp(ev.request_id, pid) == 0 &&
              ev.cause_id && strcmp(ev.cause_id, id) == 0 && ev.outcome == OI_OUTCOME_AWARDED &&
              ev.nights == R[expected[k]].nights,
          "event %zu is not PROMOTED(%s, cause %s)", events + 1 + k, pid, id);
  }
  st_promotions += n_expected;
  if (n_expected == 2)
    st_double_promotions++;
}

static void step_withdrawal(void)
{
  uint32_t u = below(100);
  size_t active = n_awarded_list + n_waitlist_list;

  if (nreq == 0 || u < 5) {
    step_withdraw(-1); /* an unknown id */
  } else if (u < 20 || active == 0) {
    step_withdraw((int32_t)below((uint32_t)nreq)); /* any earlier id */
  } else {
    /* a random active request: keeps the waitlists short, so that seats
     * free up, caps bite with seats free, and awards are withdrawn */
    size_t k = below((uint32_t)active);
    step_withdraw(k < n_awarded_list ? awarded_list[k] : waitlist_list[k - n_awarded_list]);
  }
}

/* ------------------------------------------------------------------------ */
/* The final, complete cross-check                                          */

static void check_everything(void)
{
  static const oi_outcome statuses[4] = { OI_OUTCOME_AWARDED, OI_OUTCOME_WAITLISTED,
                                          OI_OUTCOME_REFUSED, OI_OUTCOME_WITHDRAWN };
  oi_ledger_entry *list = malloc((nreq + 1) * sizeof *list);
  size_t i, k, n, d;
  int32_t *seen = calloc(NOFFICERS, sizeof *seen);
  size_t district_awards[14] = { 0 };
  int64_t district_nights[14] = { 0 };

  ck_assert(list != NULL && seen != NULL);
  for (i = 0; i < nreq + 1; i++)
    list[i] = (oi_ledger_entry)OI_LEDGER_ENTRY_INIT;
  for (i = 0; i < nreq; i++) {
    oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;
    char id[32];
    check_request((int32_t)i);
    req_id(id, sizeof id, i);
    CHECK(oi_ledger_get_by_number(led, (uint64_t)i + 1, &en, NULL) == OI_OK &&
              strcmp(en.id, id) == 0,
          "entry %zu is not %s", i + 1, id);
    /* S9, fully: one active request per officer */
    if (R[i].status == OI_OUTCOME_AWARDED || R[i].status == OI_OUTCOME_WAITLISTED) {
      CHECK(seen[R[i].off] == 0, "S9: officer %u has requests %d and %zu active", R[i].off,
            seen[R[i].off] - 1, i);
      seen[R[i].off] = (int32_t)i + 1;
      CHECK(officer_active[R[i].off] == (int32_t)i + 1, "model's officer map is off");
    }
    /* S10, fully: every waitlisted request is blocked */
    if (R[i].status == OI_OUTCOME_WAITLISTED)
      CHECK(!fits(&R[i]), "S10: r%07zu waits but fits", i);
    if (R[i].status == OI_OUTCOME_AWARDED) {
      district_awards[LOC[R[i].loc].district]++;
      district_nights[LOC[R[i].loc].district] += R[i].nights;
    }
  }
  for (k = 0; k < NSESS; k++) {
    size_t per[4];
    per[0] = S[k].awarded;
    per[1] = S[k].waitlisted;
    per[2] = S[k].refused;
    per[3] = S[k].withdrawn;
    for (i = 0; i < 4; i++) {
      n = (size_t)-1;
      CHECK(oi_ledger_session_entries(led, S[k].id, statuses[i], list, nreq + 1, sizeof *list,
                                      &n, NULL) == OI_OK,
            "session_entries");
      CHECK(n == per[i], "%s has %zu %s, the model %zu", S[k].id, n,
            oi_outcome_name(statuses[i]), per[i]);
      for (d = 0; d < n; d++) {
        const mreq *q = &R[list[d].entry_number - 1];
        CHECK(list[d].status == statuses[i] && q->sess == k && q->status == statuses[i],
              "%s's %s list holds %s", S[k].id, oi_outcome_name(statuses[i]), list[d].id);
        if (d > 0) {
          const mreq *o = &R[list[d - 1].entry_number - 1];
          CHECK(earlier(o, q, (int32_t)list[d - 1].entry_number, (int32_t)list[d].entry_number),
                "%s's %s list is not in receipt order at %zu", S[k].id,
                oi_outcome_name(statuses[i]), d);
        }
      }
    }
  }
  for (k = 0; k < NLOCALS; k++) {
    n = (size_t)-1;
    CHECK(oi_ledger_local_awards(led, LOC[k].number, YEAR, list, nreq + 1, sizeof *list, &n,
                                 NULL) == OI_OK,
          "local_awards");
    CHECK(n == LOC[k].awards, "local %u: %zu awards, the model %zu", (unsigned)LOC[k].number,
          n, LOC[k].awards);
    for (d = 0; d < n; d++)
      CHECK(list[d].local_number == LOC[k].number && list[d].status == OI_OUTCOME_AWARDED,
            "local %u lists %s", (unsigned)LOC[k].number, list[d].id);
  }
  for (d = 1; d <= 13; d++) {
    size_t a = 0;
    int64_t nights = 0;
    CHECK(oi_ledger_district_awards(led, (int)d, &a, &nights, NULL) == OI_OK, "district");
    CHECK(a == district_awards[d] && nights == district_nights[d],
          "district %zu: %zu awards %" PRId64 " nights, the model %zu, %" PRId64, d, a, nights,
          district_awards[d], district_nights[d]);
  }
  for (k = 0; k < 3; k++) { /* each 1.0 session has its own hotel in the 2017 policy */
    int64_t nights = -1;
    CHECK(oi_ledger_hotel_nights(led, S[k].hotel, &nights, NULL) == OI_OK, "hotel nights");
    CHECK(nights == S[k].nights, "hotel of %s: %" PRId64 " nights, the model %" PRId64,
          S[k].id, nights, S[k].nights);
  }
  CHECK(oi_ledger_event_count(led) == model_events, "event count");
  free(list);
  free(seen);
}

/* ------------------------------------------------------------------------ */

static void setup_model(void)
{
  static const char *const ids[NSESS] = { "OI-2017-MD", "OI-2017-CO", "OI-2017-FL",
                                          "ADV-2017-MD", "ADV-2017-CA" };
  /* doc/policy.md's table: first days and who is admitted */
  static const int first[NSESS][3] = {
    { 2017, 2, 13 }, { 2017, 5, 8 }, { 2017, 10, 16 }, { 2017, 2, 22 }, { 2017, 11, 29 }
  };
  static const int us_only[NSESS] = { 1, 1, 0, 0, 0 };
  oi_policy_numbers num = OI_POLICY_NUMBERS_INIT;
  int k;

  pol = tu_builtin_2017();
  ck_assert_int_eq(oi_ledger_new(pol, &led, NULL), OI_OK);
  /* the policy agrees with the model's numbers */
  ck_assert_int_eq(oi_policy_get_numbers(pol, &num, NULL), OI_OK);
  ck_assert(num.year == YEAR && num.seats_per_session == SEATS && num.local_cap_per_year == CAP &&
            num.max_nights == MAX_NIGHTS && num.deadline_weeks == DEADLINE_WEEKS &&
            num.canada_threshold_cents == THRESHOLD);
  for (k = 0; k < NSESS; k++) {
    msession *s = &S[k];
    memset(s, 0, sizeof *s);
    s->id = ids[k];
    s->subsidized = k < 3;
    s->seats = k < 3 ? SEATS : 0;
    s->us_only = us_only[k];
    s->deadline = tu_days(first[k][0], first[k][1], first[k][2]) - 7 * DEADLINE_WEEKS;
    s->pidx = (int32_t)tu_session_index(pol, ids[k]);
    s->hotel = tu_session(pol, ids[k]).hotel;
    s->wl_head = -1;
  }
  /* doc/policy.md S6 states the 2017 deadlines; the model's arithmetic agrees */
  ck_assert(S[0].deadline == tu_days(2017, 1, 2) && S[1].deadline == tu_days(2017, 3, 27) &&
            S[2].deadline == tu_days(2017, 9, 4));
  for (k = -1000; k < 1000; k += 7) { /* the model's calendar is the one of testutil.h */
    oi_date d = date_of_days(tu_days(2017, 1, 1) + k);
    ck_assert(tu_days_of(d) == tu_days(2017, 1, 1) + k);
  }
  make_locals();
  officer_active = calloc(NOFFICERS, sizeof *officer_active);
  ck_assert(officer_active != NULL);
  awarded_list = malloc(3 * SEATS * sizeof *awarded_list);
  waitlist_list = NULL;
  R = NULL;
  nreq = capreq = 0;
  n_awarded_list = n_waitlist_list = 0;
  model_events = 0;
}

static uint64_t env_u64(const char *name, uint64_t dflt)
{
  const char *v = getenv(name);
  char *end = NULL;
  unsigned long long x;

  if (v == NULL || *v == '\0')
    return dflt;
  x = strtoull(v, &end, 0);
  ck_assert_msg(end != NULL && *end == '\0', "%s=%s is not a number", name, v);
  return (uint64_t)x;
}

START_TEST(test_random_operations_keep_every_rule_of_S4_S5_S9_S10_S11)
{
  clock_t t0 = clock();
  double secs;

  seed = env_u64("OI_SEED", UINT64_C(0x0FF1CE2017));
  ops = (size_t)env_u64("OI_RANDOM_OPS", tu_long_run() ? 1000000 : 100000);
  rng = seed ? seed : 1;
  printf("check_ledger_random: OI_SEED=%#" PRIx64 " OI_RANDOM_OPS=%zu\n", seed, ops);
  fflush(stdout);
  setup_model();
  /* the waitlist can hold every request */
  waitlist_list = malloc((ops * 6 + 1) * sizeof *waitlist_list);
  ck_assert(waitlist_list != NULL);

  for (step = 0; step < ops; step++) {
    uint32_t u = below(1000);
    /* about 10% withdrawals, a few more while the waitlists are long and a
     * few less while they are short: the waitlists stay short, so that
     * sessions fill and free up again all along the run */
    uint32_t submits = n_waitlist_list < 12 ? 920 : n_waitlist_list < 36 ? 900
                     : n_waitlist_list < 72 ? 860 : 800;
    if (u < submits) {
      if (u < 18)
        step_batch();
      else if (u < 27)
        step_invalid();
      else
        step_submit();
    } else {
      step_withdrawal();
    }
    check_step();
    if (S[0].awarded < SEATS || S[1].awarded < SEATS || S[2].awarded < SEATS)
      st_free_seat_steps++;
    if (n_waitlist_list > st_max_waitlist)
      st_max_waitlist = n_waitlist_list;
  }
  check_everything();
  secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
  printf("check_ledger_random: %zu steps, %zu requests (%zu in %zu batches), %zu invalid; "
         "decided %zu awarded, %zu waitlisted (%zu S4, %zu S5, %zu both), %zu refused "
         "(%zu S9); %zu withdrawals, %zu promotions (%zu withdrawals promoted two), "
         "%zu ESTATE, %zu ENOTFOUND; %zu events; %zu steps with a free seat, %zu waitlisted "
         "alone by S5, waitlist at most %zu, at the end %zu; %.2f s CPU\n",
         ops, nreq, st_batch_requests, st_batches, st_invalid,
         st_awarded, st_waitlisted, st_s4, st_s5, st_both, st_refused, st_s9, st_withdrawals,
         st_promotions, st_double_promotions, st_estate, st_enotfound, model_events,
         st_free_seat_steps, st_s5_only, st_max_waitlist, n_waitlist_list, secs);
  fflush(stdout);
  /* the run exercised what it claims to */
  if (ops >= 20000)
    ck_assert_msg(st_s4 > 0 && st_s5 > 0 && st_both > 0 && st_s9 > 0 && st_promotions > 100 &&
                      st_estate > 0 && st_enotfound > 0 && st_batches > 0 && st_invalid > 0,
                  "weak run: S4 %zu S5 %zu both %zu S9 %zu promotions %zu", st_s4, st_s5,
                  st_both, st_s9, st_promotions);
  if (ops >= 100000) /* rarer events: a few dozen per 100000 steps */
    ck_assert_msg(st_double_promotions > 0 && st_s5_only > 0,
                  "weak run: %zu withdrawals promoted two, %zu waitlisted alone by S5",
                  st_double_promotions, st_s5_only);

  oi_ledger_free(led);
  oi_policy_free(pol);
  free(R);
  free(officer_active);
  free(awarded_list);
  free(waitlist_list);
}
END_TEST

int main(void)
{
  Suite *s = suite_create("ledger_random");
  TCase *tc = tcase_create("random");
  SRunner *sr;
  int failed;

  tcase_add_test(tc, test_random_operations_keep_every_rule_of_S4_S5_S9_S10_S11);
  /* seconds at -O2 for the default count; valgrind runs use fewer operations
   * (OI_RANDOM_OPS), and CK_TIMEOUT_MULTIPLIER scales this */
  tcase_set_timeout(tc, 300);
  suite_add_tcase(s, tc);
  sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
