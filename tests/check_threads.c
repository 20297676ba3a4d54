/*
 * tests/check_threads.c -- the threading guarantees of the public headers,
 * exercised with POSIX threads (and, in CI, under ThreadSanitizer: a race
 * anywhere in what is run here is a failure there).
 *
 *  policy.h: "a policy is immutable ... any number of threads may read one
 *  policy at the same time"; rules.h: "All functions are reentrant and only
 *  read the policy"; ledger.h: "a ledger has no lock. Calls that change it
 *  must not run concurrently with any other call on the same ledger; calls
 *  that only read it may run concurrently with each other. Use one ledger per
 *  thread or an external lock. Different ledgers, even on one policy, are
 *  independent."
 *
 * TCases:
 *  shared_policy      8 threads make OI_THREAD_DECISIONS decisions in all
 *                     (see below for the default: oi_check_subsidy,
 *                     oi_check_enrollment, each reason rendered with
 *                     oi_reason_format) on ONE built-in policy, each compared
 *                     with a single-threaded reference computed first, errors
 *                     (status, path, message) included; the policy's JSON
 *                     and getters are read concurrently too.
 *  ledger_per_thread  8 threads, each with its own ledger on the shared
 *                     policy, run different scripts of submits, batches and
 *                     withdrawals; each ledger's snapshot must equal, byte
 *                     for byte, the one the same script gave single-threaded.
 *  ledger_locked      one ledger behind a pthread mutex; 8 threads submit and
 *                     withdraw concurrently; at the end every invariant holds
 *                     (tests/fuzz/ledger_check.h), every decision a thread got
 *                     is the one the audit trail records, and the snapshot
 *                     replays (so the interleaving was a valid serial history).
 *  ledger_readers     one ledger and no writer; 8 threads run every const
 *                     query (get, lists, summaries, local, district and hotel
 *                     totals, events, the snapshot) and compare with a
 *                     single-threaded reference.
 *
 * Sizes come from the environment so that valgrind (which runs threads one at
 * a time) can take less: OI_THREAD_DECISIONS, OI_THREAD_LEDGER_OPS (per
 * script), OI_THREAD_READER_ROUNDS. The defaults are 200,000 decisions, 1000
 * operations and 2 rounds, about a second in all; under OI_TEST_LONG=1
 * (`make check-long`, and the ThreadSanitizer stage of CI) 1,000,000
 * decisions, 3000 operations and 4 rounds.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>

#include "testutil.h"
#include "fuzz/ledger_check.h"

#define THREADS 8

/* The default sizes, short or long (tu_long_run()). */
#define DECISIONS (tu_long_run() ? 1000000 : 200000)
#define LEDGER_OPS (tu_long_run() ? 3000 : 1000)
#define READER_ROUNDS (tu_long_run() ? 4 : 2)

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

static size_t env_size(const char *name, size_t fallback)
{
  const char *v = getenv(name);
  char *end = NULL;
  unsigned long long n;

  if (v == NULL || v[0] == '\0')
    return fallback;
  n = strtoull(v, &end, 0);
  return end != NULL && *end == '\0' && n > 0 ? (size_t)n : fallback;
}

/* xorshift64*: the test's own generator, the same everywhere. */
static uint64_t rnd(uint64_t *s)
{
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return *s * UINT64_C(2685821657736338717);
}

static unsigned rnd_below(uint64_t *s, unsigned n)
{
  return (unsigned)(rnd(s) >> 33) % n;
}

/* A thread's first mismatch, kept for the main thread to report (Check's
 * assertions belong to the main thread). */
struct mismatch {
  size_t count;
  char first[512];
};

static void mismatch(struct mismatch *m, const char *fmt, ...) FZ_PRINTF(2, 3);

static void mismatch(struct mismatch *m, const char *fmt, ...)
{
  if (m->count++ == 0) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(m->first, sizeof m->first, fmt, ap);
    va_end(ap);
  }
}

static void start_threads(pthread_t *t, void *(*fn)(void *), void *args, size_t arg_size)
{
  size_t i;
  for (i = 0; i < THREADS; i++)
    ck_assert_int_eq(pthread_create(&t[i], NULL, fn, (char *)args + i * arg_size), 0);
}

static void join_threads(pthread_t *t)
{
  size_t i;
  for (i = 0; i < THREADS; i++)
    ck_assert_int_eq(pthread_join(t[i], NULL), 0);
}

/* ------------------------------------------------------------------------ */
/* Inputs: requests and applications of every kind, valid and not           */

#define NLOCALS 24
#define NOFFICERS 512

static const char *const local_names[NLOCALS] = {
  "Local 100", "Local 101", "Local 102", "Local 103", "Local 104", "Local 105",
  "Local 106", "Local 107", "Local 108", "Local 109", "Local 110", "Local 111",
  "Local 112", "Local 113", "Local 114", "Local 115", "Local 116", "Local 117",
  "Local 118", "Local 119", "Local 120", "Local 121", "Local 122", "Local 123"
};

static char officer_ids[NOFFICERS][16];

static void init_officer_ids(void)
{
  unsigned i;
  for (i = 0; i < NOFFICERS; i++)
    snprintf(officer_ids[i], sizeof officer_ids[i], "officer-%02u", i);
}

static void random_local(uint64_t *s, oi_local *l)
{
  const unsigned i = rnd_below(s, NLOCALS);

  *l = (oi_local)OI_LOCAL_INIT;
  l->number = 100 + i;
  l->name = local_names[i];
  l->district = 1 + (int)(i % OI_DISTRICT_COUNT);
  if (i % 6 == 5) {
    l->country = OI_COUNTRY_CA;
    l->receipts_known = rnd_below(s, 4) != 0;
    l->receipts_cents = 24999000 + rnd_below(s, 2000); /* around the threshold */
  } else {
    static const oi_lm_form forms[] = { OI_LM_3, OI_LM_4, OI_LM_3, OI_LM_2, OI_LM_NONE };
    l->country = OI_COUNTRY_US;
    l->lm_form = forms[rnd_below(s, 5)];
  }
}

/* A request to @p policy: mostly eligible, some refused by each rule, a few
 * invalid (error statuses). @p id is borrowed. */
static void random_request(const oi_policy *policy, uint64_t *s, const char *id, int allow_bad,
                           oi_subsidy_request *r)
{
  const size_t sessions = oi_policy_session_count(policy);
  const size_t si = rnd_below(s, (unsigned)sessions);
  oi_session ses = OI_SESSION_INIT;
  oi_date deadline;

  ck_assert_int_eq(oi_policy_session(policy, si, &ses, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_subsidy_deadline(policy, si, &deadline, NULL), OI_OK);
  *r = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
  r->id = id;
  r->session_id = ses.id;
  random_local(s, &r->local);
  r->officer.id = officer_ids[rnd_below(s, NOFFICERS)];
  r->officer.name = rnd_below(s, 2) ? "An Officer" : NULL;
  r->officer.office = (oi_office)rnd_below(s, 9);
  ck_assert_int_eq(oi_date_add_days(deadline, (int32_t)rnd_below(s, 40) - 34,
                                    &r->received.date, NULL),
                   OI_OK);
  r->received.hour = (int)rnd_below(s, 4) * 6;
  r->nights = 1 + (int)rnd_below(s, 8);
  r->attested = rnd_below(s, 16) != 0;
  r->with_application = rnd_below(s, 16) != 0;
  r->application_signed = rnd_below(s, 16) != 0;
  r->request_signed = rnd_below(s, 16) != 0;
  if (allow_bad && rnd_below(s, 20) == 0) {
    switch (rnd_below(s, 4)) {
    case 0: r->nights = 0; break;
    case 1: r->local.district = 14; break;
    case 2: r->received.date.day = 32; break;
    default: r->session_id = "NO-SUCH-SESSION"; break;
    }
  }
}

/* ------------------------------------------------------------------------ */
/* shared_policy                                                            */

#define NINPUTS 512
#define NSITES 4

struct input {
  int is_subsidy;
  oi_subsidy_request req;
  oi_application app;
  oi_graduation grads[NSITES];
};

struct expected {
  oi_status status;
  oi_decision d;
  char path[OI_ERROR_PATH_SIZE];
  char message[OI_ERROR_MESSAGE_SIZE];
  int length[OI_DECISION_V1_REASONS];
  char text[OI_DECISION_V1_REASONS][320];
};

static const oi_policy *g_policy;
static struct input g_inputs[NINPUTS];
static struct expected g_expected[NINPUTS];
static char *g_policy_json;
static size_t g_policy_json_length;

static void make_inputs(const oi_policy *p)
{
  static const char *const sites[] = { "Toronto", "Las Vegas, NV", "OI-2017-MD", "Nowhere" };
  uint64_t s = UINT64_C(0x5eed0f7412ead5);
  size_t i, k;

  for (i = 0; i < NINPUTS; i++) {
    struct input *in = &g_inputs[i];
    memset(in, 0, sizeof *in);
    in->req = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
    in->app = (oi_application)OI_APPLICATION_INIT;
    in->is_subsidy = i % 3 != 0;
    if (in->is_subsidy) {
      random_request(p, &s, NULL, 1, &in->req);
      continue;
    }
    /* An application to a course of a session (sometimes one it does not
     * give), with graduations that do or do not count (P1, P2). */
    {
      const size_t si = rnd_below(&s, (unsigned)oi_policy_session_count(p));
      oi_session ses = OI_SESSION_INIT;
      oi_course c = OI_COURSE_INIT;
      ck_assert_int_eq(oi_policy_session(p, si, &ses, NULL), OI_OK);
      ck_assert_int_eq(oi_policy_course(p, rnd_below(&s, (unsigned)oi_policy_course_count(p)),
                                        &c, NULL),
                       OI_OK);
      in->app.session_id = ses.id;
      in->app.course_id = c.id;
      random_local(&s, &in->app.local);
      in->app.officer.id = officer_ids[rnd_below(&s, NOFFICERS)];
      in->app.officer.office = (oi_office)rnd_below(&s, 9);
      in->app.officer.graduation_count = rnd_below(&s, NSITES + 1);
      for (k = 0; k < in->app.officer.graduation_count; k++) {
        in->grads[k].site = sites[rnd_below(&s, NSITES)];
        if (rnd_below(&s, 2))
          in->grads[k].date = tu_date(2016 + (int)rnd_below(&s, 2), 1 + (int)rnd_below(&s, 12),
                                      1 + (int)rnd_below(&s, 28));
      }
      in->app.officer.graduations = in->app.officer.graduation_count ? in->grads : NULL;
      if (rnd_below(&s, 25) == 0)
        in->app.local.country = (oi_country)7; /* invalid: OI_EINVAL */
    }
  }
}

/* One decision on input @p k, rendered; the same code makes the reference
 * and is run by the threads. */
static void decide(const oi_policy *p, size_t k, struct expected *out)
{
  const struct input *in = &g_inputs[k];
  oi_error err;
  size_t i;

  memset(out, 0, sizeof *out);
  out->d = (oi_decision)OI_DECISION_INIT;
  memset(&err, 0, sizeof err);
  out->status = in->is_subsidy ? oi_check_subsidy(p, &in->req, &out->d, &err)
                               : oi_check_enrollment(p, &in->app, &out->d, &err);
  if (out->status != OI_OK) {
    memcpy(out->path, err.path, sizeof out->path);
    memcpy(out->message, err.message, sizeof out->message);
    return;
  }
  for (i = 0; i < out->d.reason_count && i < OI_DECISION_V1_REASONS; i++)
    out->length[i] =
        oi_reason_format(p, oi_decision_reason(&out->d, i), out->text[i], sizeof out->text[i]);
}

static int same_decision(const struct expected *a, const struct expected *b)
{
  size_t i;
  if (a->status != b->status)
    return 0;
  if (a->status != OI_OK)
    return strcmp(a->path, b->path) == 0 && strcmp(a->message, b->message) == 0;
  if (!lc_decisions_equal(&a->d, &b->d))
    return 0;
  for (i = 0; i < a->d.reason_count && i < OI_DECISION_V1_REASONS; i++)
    if (a->length[i] != b->length[i] || strcmp(a->text[i], b->text[i]) != 0)
      return 0;
  return 1;
}

struct decider {
  size_t index;
  size_t decisions;
  size_t reasons;
  struct mismatch m;
};

static void *decider_main(void *arg)
{
  struct decider *w = arg;
  struct expected got;
  size_t i;

  for (i = 0; i < w->decisions; i++) {
    /* Each thread walks the inputs with its own start, so that at any moment
     * the threads decide different requests. */
    const size_t k = (i * 7 + w->index * (NINPUTS / THREADS)) % NINPUTS;
    decide(g_policy, k, &got);
    w->reasons += got.d.reason_count;
    if (!same_decision(&got, &g_expected[k]))
      mismatch(&w->m, "thread %zu, decision %zu (input %zu): %s differs from the reference "
               "(status %s, reference %s)",
               w->index, i, k, g_inputs[k].is_subsidy ? "subsidy" : "enrollment",
               oi_status_name(got.status), oi_status_name(g_expected[k].status));
    if (i % 4096 == 0) {
      /* The policy's other readers. */
      char *json = NULL;
      size_t n = 0;
      oi_policy_numbers numbers = OI_POLICY_NUMBERS_INIT;
      if (oi_policy_to_json(g_policy, &json, &n, NULL) != OI_OK || n != g_policy_json_length ||
          memcmp(json, g_policy_json, n) != 0)
        mismatch(&w->m, "thread %zu: oi_policy_to_json differs", w->index);
      oi_free(json);
      if (oi_policy_get_numbers(g_policy, &numbers, NULL) != OI_OK || numbers.year != 2017 ||
          strcmp(oi_policy_digest(g_policy), oi_policy_digest(g_policy)) != 0)
        mismatch(&w->m, "thread %zu: policy getters differ", w->index);
    }
  }
  return NULL;
}

START_TEST(shared_policy)
{
  const size_t total = env_size("OI_THREAD_DECISIONS", DECISIONS);
  struct decider w[THREADS];
  pthread_t t[THREADS];
  oi_policy *p = tu_builtin_2017();
  size_t i, done = 0, reasons = 0, errors = 0;

  init_officer_ids();
  g_policy = p;
  make_inputs(p);
  for (i = 0; i < NINPUTS; i++) {
    decide(p, i, &g_expected[i]);
    errors += g_expected[i].status != OI_OK;
  }
  ck_assert_msg(errors > 0 && errors < NINPUTS / 4, "%zu of %d inputs are errors", errors,
                NINPUTS);
  ck_assert_int_eq(oi_policy_to_json(p, &g_policy_json, &g_policy_json_length, NULL), OI_OK);

  memset(w, 0, sizeof w);
  for (i = 0; i < THREADS; i++) {
    w[i].index = i;
    w[i].decisions = total / THREADS + (i < total % THREADS ? 1 : 0);
  }
  start_threads(t, decider_main, w, sizeof w[0]);
  join_threads(t);
  for (i = 0; i < THREADS; i++) {
    ck_assert_msg(w[i].m.count == 0, "%zu mismatches; first: %s", w[i].m.count, w[i].m.first);
    done += w[i].decisions;
    reasons += w[i].reasons;
  }
  ck_assert_uint_eq(done, total);
  printf("shared_policy: %d threads, %zu decisions, %zu reasons rendered, one policy\n",
         THREADS, done, reasons);
  oi_free(g_policy_json);
  g_policy_json = NULL;
  g_policy = NULL;
  oi_policy_free(p);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* A ledger script: submits, batches and withdrawals from a seed             */

/* Run @p ops operations from @p seed on @p l. With @p lock, each call holds
 * it (the shared-ledger case). Records each submitted id's decision in
 * @p decided (indexed by the request's number) when not NULL. */
static void run_script(oi_ledger *l, uint64_t seed, size_t ops, const char *prefix,
                       pthread_mutex_t *lock, oi_outcome *decided, struct mismatch *m)
{
  const oi_policy *p = oi_ledger_policy(l);
  uint64_t s = seed;
  size_t i, k, next = 0;
  char ids[6][32];
  oi_decision out[6];

  for (k = 0; k < 6; k++)
    out[k] = (oi_decision)OI_DECISION_INIT;
  for (i = 0; i < ops; i++) {
    const unsigned op = rnd_below(&s, 100);
    oi_subsidy_request reqs[6];
    oi_status st;
    size_t n;

    if (op < 80) { /* one request */
      snprintf(ids[0], sizeof ids[0], "%s%zu", prefix, next);
      random_request(p, &s, ids[0], 0, &reqs[0]);
      if (lock != NULL)
        pthread_mutex_lock(lock);
      st = oi_ledger_submit(l, &reqs[0], &out[0], NULL);
      if (lock != NULL)
        pthread_mutex_unlock(lock);
      if (st != OI_OK)
        mismatch(m, "submit %s: %s", ids[0], oi_status_name(st));
      else if (decided != NULL)
        decided[next] = out[0].outcome;
      next++;
    } else if (op < 85) { /* a batch */
      n = 2 + rnd_below(&s, 5);
      for (k = 0; k < n; k++) {
        snprintf(ids[k], sizeof ids[k], "%s%zu", prefix, next + k);
        random_request(p, &s, ids[k], 0, &reqs[k]);
      }
      if (lock != NULL)
        pthread_mutex_lock(lock);
      st = oi_ledger_submit_many(l, reqs, n, sizeof reqs[0], out, sizeof out[0], NULL);
      if (lock != NULL)
        pthread_mutex_unlock(lock);
      if (st != OI_OK)
        mismatch(m, "submit_many at %s: %s", ids[0], oi_status_name(st));
      for (k = 0; k < n && decided != NULL && st == OI_OK; k++)
        decided[next + k] = out[k].outcome;
      next += n;
    } else if (op < 92) { /* withdraw the earliest award of a session (S10) */
      oi_session ses = OI_SESSION_INIT;
      oi_ledger_entry first = OI_LEDGER_ENTRY_INIT;
      const size_t si = rnd_below(&s, (unsigned)oi_policy_session_count(p));
      n = 0;
      if (oi_policy_session(p, si, &ses, NULL) != OI_OK)
        mismatch(m, "oi_policy_session(%zu) failed", si);
      if (lock != NULL)
        pthread_mutex_lock(lock);
      st = oi_ledger_session_entries(l, ses.id, OI_OUTCOME_AWARDED, &first, 1, sizeof first,
                                     &n, NULL);
      if (st == OI_OK && n > 0)
        st = oi_ledger_withdraw(l, first.id, NULL, NULL);
      if (lock != NULL)
        pthread_mutex_unlock(lock);
      if (st != OI_OK)
        mismatch(m, "withdrawing the first award of %s: %s", ses.id, oi_status_name(st));
    } else if (next > 0) { /* withdraw one of this script's requests */
      char id[32];
      oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
      snprintf(id, sizeof id, "%s%u", prefix, rnd_below(&s, (unsigned)next));
      if (lock != NULL)
        pthread_mutex_lock(lock);
      st = oi_ledger_get(l, id, &e, NULL);
      if (st == OI_OK && lc_is_active(e.status))
        st = oi_ledger_withdraw(l, id, NULL, NULL);
      if (lock != NULL)
        pthread_mutex_unlock(lock);
      if (st != OI_OK)
        mismatch(m, "withdraw %s: %s", id, oi_status_name(st));
    }
  }
}

static size_t script_requests(uint64_t seed, size_t ops)
{
  /* The number of requests a script enters, by running its generator. */
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = NULL;
  struct mismatch m;
  size_t n;

  memset(&m, 0, sizeof m);
  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  run_script(l, seed, ops, "x", NULL, NULL, &m);
  n = oi_ledger_count(l);
  oi_ledger_free(l);
  oi_policy_free(p);
  return n;
}

/* ------------------------------------------------------------------------ */
/* ledger_per_thread                                                        */

struct own {
  size_t index;
  size_t ops;
  char *snapshot;
  size_t length;
  oi_ledger *ledger;
  struct mismatch m;
};

static void *own_main(void *arg)
{
  struct own *w = arg;

  if (oi_ledger_new(g_policy, &w->ledger, NULL) != OI_OK) {
    mismatch(&w->m, "thread %zu: oi_ledger_new failed", w->index);
    return NULL;
  }
  run_script(w->ledger, 1000 + w->index, w->ops, "r", NULL, NULL, &w->m);
  if (oi_ledger_to_json(w->ledger, &w->snapshot, &w->length, NULL) != OI_OK)
    mismatch(&w->m, "thread %zu: oi_ledger_to_json failed", w->index);
  return NULL;
}

START_TEST(ledger_per_thread)
{
  const size_t ops = env_size("OI_THREAD_LEDGER_OPS", LEDGER_OPS);
  struct own w[THREADS];
  char *reference[THREADS];
  size_t length[THREADS];
  pthread_t t[THREADS];
  oi_policy *p = tu_builtin_2017();
  size_t i;

  init_officer_ids();
  g_policy = p;
  /* The reference: each script run alone, one after the other. */
  for (i = 0; i < THREADS; i++) {
    oi_ledger *l = NULL;
    struct mismatch m;
    memset(&m, 0, sizeof m);
    ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
    run_script(l, 1000 + i, ops, "r", NULL, NULL, &m);
    ck_assert_msg(m.count == 0, "reference script %zu: %s", i, m.first);
    ck_assert_int_eq(oi_ledger_to_json(l, &reference[i], &length[i], NULL), OI_OK);
    oi_ledger_free(l);
  }
  memset(w, 0, sizeof w);
  for (i = 0; i < THREADS; i++) {
    w[i].index = i;
    w[i].ops = ops;
  }
  start_threads(t, own_main, w, sizeof w[0]);
  join_threads(t);
  for (i = 0; i < THREADS; i++) {
    ck_assert_msg(w[i].m.count == 0, "thread %zu: %s", i, w[i].m.first);
    ck_assert_msg(w[i].length == length[i] && memcmp(w[i].snapshot, reference[i], length[i]) == 0,
                  "thread %zu's ledger differs from the same script run alone", i);
    lc_check(w[i].ledger);
    oi_free(w[i].snapshot);
    oi_free(reference[i]);
    oi_ledger_free(w[i].ledger);
  }
  printf("ledger_per_thread: %d threads, %zu operations each, one ledger each, one policy\n",
         THREADS, ops);
  g_policy = NULL;
  oi_policy_free(p);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* ledger_locked                                                            */

struct locked {
  size_t index;
  size_t ops;
  oi_ledger *ledger;
  pthread_mutex_t *lock;
  char prefix[8];
  oi_outcome *decided;
  struct mismatch m;
};

static void *locked_main(void *arg)
{
  struct locked *w = arg;
  run_script(w->ledger, 2000 + w->index, w->ops, w->prefix, w->lock, w->decided, &w->m);
  return NULL;
}

START_TEST(ledger_locked)
{
  const size_t ops = env_size("OI_THREAD_LEDGER_OPS", LEDGER_OPS);
  pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
  struct locked w[THREADS];
  size_t entered[THREADS];
  pthread_t t[THREADS];
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = NULL;
  size_t i, total = 0, decided_events = 0;

  init_officer_ids();
  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  memset(w, 0, sizeof w);
  for (i = 0; i < THREADS; i++) {
    entered[i] = script_requests(2000 + i, ops);
    w[i].index = i;
    w[i].ops = ops;
    w[i].ledger = l;
    w[i].lock = &lock;
    snprintf(w[i].prefix, sizeof w[i].prefix, "t%zu-", i);
    w[i].decided = calloc(entered[i] + 1, sizeof *w[i].decided);
    ck_assert_ptr_nonnull(w[i].decided);
    total += entered[i];
  }
  start_threads(t, locked_main, w, sizeof w[0]);
  join_threads(t);
  for (i = 0; i < THREADS; i++)
    ck_assert_msg(w[i].m.count == 0, "thread %zu: %s", i, w[i].m.first);
  ck_assert_uint_eq(oi_ledger_count(l), total);

  /* The state the interleaving left keeps every invariant ... */
  lc_check(l);
  /* ... the history replays (each recorded decision re-derived in order) ... */
  lc_check_round_trip(l);
  /* ... and every thread got the decision the trail records. */
  for (i = 0; i < oi_ledger_event_count(l); i++) {
    oi_event ev = OI_EVENT_INIT;
    unsigned thread = 0, n = 0;
    ck_assert_int_eq(oi_ledger_event(l, i, &ev, NULL), OI_OK);
    if (ev.type != OI_EVENT_DECIDED)
      continue;
    ck_assert_int_eq(sscanf(ev.request_id, "t%u-%u", &thread, &n), 2);
    ck_assert_uint_lt(thread, THREADS);
    ck_assert_uint_lt(n, entered[thread]);
    ck_assert_msg(w[thread].decided[n] == ev.outcome, "%s: thread got %s, trail says %s",
                  ev.request_id, oi_outcome_name(w[thread].decided[n]),
                  oi_outcome_name(ev.outcome));
    decided_events++;
  }
  ck_assert_uint_eq(decided_events, total);
  printf("ledger_locked: %d threads, %zu requests on one ledger behind a mutex, %zu events\n",
         THREADS, total, oi_ledger_event_count(l));
  for (i = 0; i < THREADS; i++)
    free(w[i].decided);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* ledger_readers                                                           */

/* Everything a reader can ask, asked once: the reference and each round. */
struct answers {
  uint64_t hash;     /* of every answer, in a fixed order */
  size_t answers;
  char *snapshot;
  size_t length;
};

static void mix(uint64_t *h, const void *data, size_t n)
{
  const unsigned char *p = data;
  size_t i;
  for (i = 0; i < n; i++) {
    *h ^= p[i];
    *h *= UINT64_C(0x100000001b3);
  }
}

static void mix_str(uint64_t *h, const char *s)
{
  mix(h, s != NULL ? s : "(null)", strlen(s != NULL ? s : "(null)") + 1);
}

static void mix_entry(uint64_t *h, const oi_ledger_entry *e)
{
  size_t i;
  mix_str(h, e->id);
  mix_str(h, e->session_id);
  mix_str(h, e->officer_id);
  mix_str(h, e->payee);
  mix(h, &e->entry_number, sizeof e->entry_number);
  mix(h, &e->session, sizeof e->session);
  mix(h, &e->year, sizeof e->year);
  mix(h, &e->local_number, sizeof e->local_number);
  mix(h, &e->district, sizeof e->district);
  mix(h, &e->received, sizeof e->received);
  mix(h, &e->status, sizeof e->status);
  mix(h, &e->nights, sizeof e->nights);
  mix(h, &e->reason_count, sizeof e->reason_count);
  for (i = 0; i < e->reason_count; i++)
    mix(h, &e->reasons[i], sizeof e->reasons[i]);
}

static int ask_everything(const oi_ledger *l, struct answers *a)
{
  static const oi_outcome statuses[] = { OI_OUTCOME_AWARDED, OI_OUTCOME_WAITLISTED,
                                         OI_OUTCOME_REFUSED, OI_OUTCOME_WITHDRAWN };
  const oi_policy *p = oi_ledger_policy(l);
  const size_t count = oi_ledger_count(l), events = oi_ledger_event_count(l);
  oi_ledger_entry *list = calloc(count + 1, sizeof *list);
  uint64_t h = UINT64_C(0xcbf29ce484222325);
  size_t i, k, n;

  if (list == NULL)
    return -1;
  for (i = 0; i < count + 1; i++)
    list[i] = (oi_ledger_entry)OI_LEDGER_ENTRY_INIT;
  a->answers = 0;
  for (i = 1; i <= count; i++) {
    oi_ledger_entry e = OI_LEDGER_ENTRY_INIT, byid = OI_LEDGER_ENTRY_INIT;
    if (oi_ledger_get_by_number(l, i, &e, NULL) != OI_OK ||
        oi_ledger_get(l, e.id, &byid, NULL) != OI_OK || byid.entry_number != i)
      goto fail;
    mix_entry(&h, &e);
    a->answers += 2;
  }
  for (i = 0; i < oi_policy_session_count(p); i++) {
    oi_session s = OI_SESSION_INIT;
    oi_session_summary sum = OI_SESSION_SUMMARY_INIT;
    int64_t nights = 0;
    if (oi_policy_session(p, i, &s, NULL) != OI_OK ||
        oi_ledger_session_summary(l, s.id, &sum, NULL) != OI_OK)
      goto fail;
    mix(&h, &sum, sizeof sum);
    for (k = 0; k < 4; k++) {
      size_t j;
      if (oi_ledger_session_entries(l, s.id, statuses[k], list, count, sizeof *list, &n,
                                    NULL) != OI_OK)
        goto fail;
      for (j = 0; j < n; j++)
        mix_entry(&h, &list[j]);
    }
    if (s.hotel != NULL) {
      if (oi_ledger_hotel_nights(l, s.hotel, &nights, NULL) != OI_OK)
        goto fail;
      mix(&h, &nights, sizeof nights);
    }
    a->answers += 6;
  }
  for (i = 0; i < NLOCALS; i++) {
    size_t j;
    if (oi_ledger_local_awards(l, (uint32_t)(100 + i), 2017, list, count, sizeof *list, &n,
                               NULL) != OI_OK)
      goto fail;
    for (j = 0; j < n; j++)
      mix_entry(&h, &list[j]);
    a->answers++;
  }
  for (i = 1; i <= OI_DISTRICT_COUNT; i++) {
    size_t awards = 0;
    int64_t nights = 0;
    if (oi_ledger_district_awards(l, (int)i, &awards, &nights, NULL) != OI_OK)
      goto fail;
    mix(&h, &awards, sizeof awards);
    mix(&h, &nights, sizeof nights);
    a->answers++;
  }
  for (i = 0; i < events; i++) {
    oi_event ev = OI_EVENT_INIT;
    if (oi_ledger_event(l, i, &ev, NULL) != OI_OK)
      goto fail;
    mix(&h, &ev.sequence, sizeof ev.sequence);
    mix(&h, &ev.type, sizeof ev.type);
    mix(&h, &ev.outcome, sizeof ev.outcome);
    mix_str(&h, ev.request_id);
    mix_str(&h, ev.cause_id);
    a->answers++;
  }
  if (oi_ledger_to_json(l, &a->snapshot, &a->length, NULL) != OI_OK)
    goto fail;
  a->answers++;
  a->hash = h;
  free(list);
  return 0;
fail:
  free(list);
  return -1;
}

struct reader {
  size_t index;
  size_t rounds;
  const oi_ledger *ledger;
  const struct answers *reference;
  size_t answers;
  struct mismatch m;
};

static void *reader_main(void *arg)
{
  struct reader *w = arg;
  size_t r;

  for (r = 0; r < w->rounds; r++) {
    struct answers a;
    memset(&a, 0, sizeof a);
    if (ask_everything(w->ledger, &a) != 0)
      mismatch(&w->m, "thread %zu round %zu: a query failed", w->index, r);
    else if (a.hash != w->reference->hash || a.length != w->reference->length ||
             memcmp(a.snapshot, w->reference->snapshot, a.length) != 0)
      mismatch(&w->m, "thread %zu round %zu: answers differ from the reference", w->index, r);
    w->answers += a.answers;
    oi_free(a.snapshot);
  }
  return NULL;
}

START_TEST(ledger_readers)
{
  const size_t rounds = env_size("OI_THREAD_READER_ROUNDS", READER_ROUNDS);
  const size_t ops = env_size("OI_THREAD_LEDGER_OPS", LEDGER_OPS);
  struct reader w[THREADS];
  struct answers reference;
  pthread_t t[THREADS];
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = NULL;
  struct mismatch m;
  size_t i, answers = 0;

  init_officer_ids();
  memset(&m, 0, sizeof m);
  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  run_script(l, 3000, ops, "q", NULL, NULL, &m);
  ck_assert_msg(m.count == 0, "building the ledger: %s", m.first);
  lc_check(l);
  memset(&reference, 0, sizeof reference);
  ck_assert_int_eq(ask_everything(l, &reference), 0);

  memset(w, 0, sizeof w);
  for (i = 0; i < THREADS; i++) {
    w[i].index = i;
    w[i].rounds = rounds;
    w[i].ledger = l;
    w[i].reference = &reference;
  }
  start_threads(t, reader_main, w, sizeof w[0]);
  join_threads(t);
  for (i = 0; i < THREADS; i++) {
    ck_assert_msg(w[i].m.count == 0, "%zu mismatches; first: %s", w[i].m.count, w[i].m.first);
    answers += w[i].answers;
  }
  printf("ledger_readers: %d threads, %zu answers from one ledger of %zu requests, no writer\n",
         THREADS, answers, oi_ledger_count(l));
  oi_free(reference.snapshot);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

static Suite *threads_suite(void)
{
  Suite *s = suite_create("threads");
  const struct {
    const char *name;
    const TTest *test;
  } cases[] = {
    { "shared_policy", shared_policy },
    { "ledger_per_thread", ledger_per_thread },
    { "ledger_locked", ledger_locked },
    { "ledger_readers", ledger_readers },
  };
  size_t i;

  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    TCase *tc = tcase_create(cases[i].name);
    /* Generous: ThreadSanitizer runs several times slower (and
     * CK_TIMEOUT_MULTIPLIER scales this). */
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, cases[i].test);
    suite_add_tcase(s, tc);
  }
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(threads_suite());
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
