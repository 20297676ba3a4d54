/*
 * tests/bench.c -- the benchmark of libofficerinst: the speed and memory the
 * library must reach (doc/benchmarks.md). Run by `make bench`, never by
 * `make check`.
 *
 * It prints one table: the machine it ran on, then for each figure its value
 * (the median of several runs), its unit, its goal and whether the goal is
 * met. Inputs are generated before any clock starts, from a fixed seed, so
 * two runs measure the same work; nothing is allocated inside a timed loop
 * but what the library allocates itself.
 *
 * Usage: tests/bench [-r RUNS] [-q] [-n SIZE] [-s SECTION] [-C WHAT] [-h]
 *   -r RUNS     runs per figure, the median is reported (default 5)
 *   -q          quick: ledger sizes up to 1e5 only (for valgrind/callgrind)
 *   -n SIZE     the ledger figures (submit, withdraw) at this one size
 *   -s SECTION  only one section: memory, check, submit (with withdraw),
 *               batch, json, hostile (for perf record and callgrind)
 *   -C WHAT     no clock: make a known number of calls of one function
 *               (check, submit, withdraw, batch, save, load; -n the size)
 *               and print how many, for tests/bench-callgrind.sh to divide
 *               callgrind's count of the instructions inside them by
 * `make bench BENCHFLAGS='...'` passes options.
 * Environment (set by `make bench`): OI_BENCH_CC, OI_BENCH_CFLAGS, the
 * compiler and flags the library and this program were built with.
 */
#define _GNU_SOURCE 1

#include <malloc.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include <officerinst.h>

#include "crafted_ids.h"

/* ---- small helpers ------------------------------------------------------ */

static void die(const char *what, oi_status st, const oi_error *err)
{
  fprintf(stderr, "bench: %s failed: %s", what, oi_status_name(st));
  if (err != NULL)
    fprintf(stderr, " (%s%s%s)", err->path, err->path[0] ? ": " : "", err->message);
  fprintf(stderr, "\n");
  exit(2);
}

static void *xmalloc(size_t n)
{
  void *p = malloc(n > 0 ? n : 1);

  if (p == NULL) {
    fprintf(stderr, "bench: out of memory (%zu bytes)\n", n);
    exit(2);
  }
  return p;
}

static void *xcalloc(size_t n, size_t size)
{
  void *p = calloc(n > 0 ? n : 1, size > 0 ? size : 1);

  if (p == NULL) {
    fprintf(stderr, "bench: out of memory (%zu x %zu bytes)\n", n, size);
    exit(2);
  }
  return p;
}

static double now_ns(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
  const double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, int n)
{
  qsort(v, (size_t)n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* "1e6" for a power of ten, else the number. */
static const char *sci(size_t n, char *buf, size_t size)
{
  size_t m = n;
  int e = 0;

  while (m >= 10 && m % 10 == 0) {
    m /= 10;
    e++;
  }
  if (m == 1 && e > 0)
    snprintf(buf, size, "1e%d", e);
  else
    snprintf(buf, size, "%zu", n);
  return buf;
}

/* splitmix64: a fixed seed, so every run generates the same inputs. */
static uint64_t rng_state = UINT64_C(0x2017);

static uint64_t rnd(void)
{
  uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));
  z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static uint32_t below(uint32_t n)
{
  return (uint32_t)(rnd() % n);
}

/* True with probability pct/100. */
static int chance(uint32_t pct)
{
  return below(100) < pct;
}

static volatile uint64_t sink; /* keeps results alive past the optimizer */

/* ---- the table ------------------------------------------------------------ */

enum { MET_NA = -1, MET_NO = 0, MET_YES = 1 };

struct row {
  char figure[72];
  char value[24];
  char unit[20];
  char goal[20];
  int met;
};

static struct row rows[64];
static int row_count;

static void add_row(const char *figure, const char *unit, const char *goal, int met,
                    const char *fmt, ...)
{
  struct row *r;
  va_list ap;

  if (row_count >= (int)(sizeof rows / sizeof rows[0]))
    return;
  r = &rows[row_count++];
  snprintf(r->figure, sizeof r->figure, "%s", figure);
  snprintf(r->unit, sizeof r->unit, "%s", unit);
  snprintf(r->goal, sizeof r->goal, "%s", goal);
  r->met = met;
  va_start(ap, fmt);
  vsnprintf(r->value, sizeof r->value, fmt, ap);
  va_end(ap);
}

/* A figure with an upper bound as its goal. */
static void add_max(const char *figure, double value, const char *fmt, const char *unit,
                    double goal, const char *goal_text)
{
  add_row(figure, unit, goal_text, value <= goal ? MET_YES : MET_NO, fmt, value);
}

/* A figure with a lower bound as its goal. */
static void add_min(const char *figure, double value, const char *fmt, const char *unit,
                    double goal, const char *goal_text)
{
  add_row(figure, unit, goal_text, value >= goal ? MET_YES : MET_NO, fmt, value);
}

/* A figure with no goal: measured for the record. */
static void add_info(const char *figure, double value, const char *fmt, const char *unit)
{
  add_row(figure, unit, "-", MET_NA, fmt, value);
}

/* ---- the machine ---------------------------------------------------------- */

static void read_field(const char *path, const char *key, char *out, size_t size)
{
  char line[512];
  FILE *f = fopen(path, "r");
  size_t klen = strlen(key);

  snprintf(out, size, "unknown");
  if (f == NULL)
    return;
  while (fgets(line, sizeof line, f) != NULL) {
    if (strncmp(line, key, klen) == 0) {
      char *v = strchr(line, ':');
      if (v == NULL)
        continue;
      v++;
      while (*v == ' ' || *v == '\t')
        v++;
      v[strcspn(v, "\n")] = '\0';
      snprintf(out, size, "%s", v);
      break;
    }
  }
  fclose(f);
}

static void loadavg(char *out, size_t size)
{
  FILE *f = fopen("/proc/loadavg", "r");
  double a = 0, b = 0, c = 0;

  if (f == NULL || fscanf(f, "%lf %lf %lf", &a, &b, &c) != 3)
    snprintf(out, size, "unknown");
  else
    snprintf(out, size, "%.2f %.2f %.2f", a, b, c);
  if (f != NULL)
    fclose(f);
}

/* /proc/self/status fields in kB, or -1. */
static long status_kb(const char *key)
{
  char v[128];

  read_field("/proc/self/status", key, v, sizeof v);
  if (strcmp(v, "unknown") == 0)
    return -1;
  return strtol(v, NULL, 10);
}

/* ---- the policy's sessions ------------------------------------------------ */

struct session_info {
  const char *id;
  int seats;        /* 0: no 1.0, no subsidy (S1) */
  int canadian;     /* admits Canadian locals (E1) */
  oi_date deadline; /* S6 (1.0 sessions) or the first day minus 6 weeks */
};

static struct session_info sessions[64];
static size_t session_count;
static size_t institute[64], institute_count; /* indexes of the 1.0 sessions */
static size_t advanced[64], advanced_count;   /* the others */

static void load_sessions(const oi_policy *p)
{
  size_t i, n = oi_policy_session_count(p);
  oi_error err;
  oi_status st;

  for (i = 0; i < n && i < 64; i++) {
    oi_session s = OI_SESSION_INIT;
    struct session_info *si = &sessions[session_count++];

    if ((st = oi_policy_session(p, i, &s, &err)) != OI_OK)
      die("oi_policy_session", st, &err);
    si->id = s.id;
    si->seats = oi_policy_session_seats(p, i);
    si->canadian = (s.countries & OI_COUNTRY_BIT(OI_COUNTRY_CA)) != 0;
    if (si->seats > 0) {
      if ((st = oi_policy_subsidy_deadline(p, i, &si->deadline, &err)) != OI_OK)
        die("oi_policy_subsidy_deadline", st, &err);
      institute[institute_count++] = i;
    } else {
      if ((st = oi_date_add_days(s.first_day, -42, &si->deadline, &err)) != OI_OK)
        die("oi_date_add_days", st, &err);
      advanced[advanced_count++] = i;
    }
  }
  if (institute_count == 0) {
    fprintf(stderr, "bench: the policy has no 1.0 session\n");
    exit(2);
  }
}

static oi_date add_days(oi_date d, int32_t n)
{
  oi_date out;
  oi_error err;
  oi_status st = oi_date_add_days(d, n, &out, &err);

  if (st != OI_OK)
    die("oi_date_add_days", st, &err);
  return out;
}

static oi_datetime moment(oi_date d)
{
  oi_datetime t;

  t.date = d;
  t.hour = 8 + (int)below(10);
  t.minute = (int)below(60);
  t.second = (int)below(60);
  return t;
}

/* ---- a realistic year of requests ----------------------------------------- */

/*
 * n requests from n/5 locals (about 85% U.S., 15% Canadian), four officers a
 * local, for the three 1.0 sessions (and a few for the 2.0 sessions, which
 * S1 refuses), received over the half year before each session's deadline
 * (10% after it), in no particular order: each request's receipt is drawn
 * independently, so the order of entry is not the order of receipt.
 *
 * Each request carries its own copy of its strings, beside it, as a caller
 * that reads requests from a form, a CSV file or a JSON document has them:
 * the library, not the input, pays for what it looks up at random.
 */
#define ID_SIZE 24
#define NAME_SIZE 32
#define OFFICERS_PER_LOCAL 4

struct req_strings {
  char id[ID_SIZE];
  char officer_id[ID_SIZE];
  char local_name[NAME_SIZE];
  char officer_name[NAME_SIZE];
};

struct workload {
  size_t n;
  oi_subsidy_request *reqs;
  struct req_strings *strings; /* n, one per request */
  oi_local *locals;            /* n/5 */
  unsigned char *names;        /* an officer's name: first and last name indexes */
  size_t local_count;
};

static const char *const first_names[] = { "Maria", "James", "Aiko", "Robert", "Chen",
                                           "Fatima", "Pierre", "Linda", "Kwame", "Sofia",
                                           "Daniel", "Priya", "Tomasz", "Grace", "Omar",
                                           "Elena" };
static const char *const last_names[] = { "Gonzalez", "Smith", "Tanaka", "Johnson", "Wei",
                                          "Haddad", "Tremblay", "Brown", "Mensah", "Rossi",
                                          "Murphy", "Patel", "Kowalski", "Lee", "Farouk",
                                          "Novak" };

static void make_local(oi_local *l, uint32_t number)
{
  *l = (oi_local)OI_LOCAL_INIT;
  l->number = number;
  l->district = 1 + (int)below(OI_DISTRICT_COUNT);
  if (chance(85)) {
    uint32_t f = below(100);
    l->country = OI_COUNTRY_US;
    l->lm_form = f < 50 ? OI_LM_3 : f < 85 ? OI_LM_4 : f < 97 ? OI_LM_2 : OI_LM_NONE;
  } else {
    l->country = OI_COUNTRY_CA;
    l->receipts_known = chance(95);
    /* $20,000 to $400,000: a good part above the $250,000 threshold. */
    l->receipts_cents = l->receipts_known ? (int64_t)(2000000 + below(38000000)) : 0;
  }
}

static int pick_nights(void)
{
  uint32_t x = below(100);
  return x < 60 ? 5 : x < 80 ? 3 + (int)below(2) : x < 95 ? 6 + (int)below(2) : 1 + (int)below(2);
}

static void workload_make(struct workload *w, size_t n)
{
  size_t i, officer_count;

  memset(w, 0, sizeof *w);
  w->n = n;
  w->local_count = n / 5 > 0 ? n / 5 : 1;
  officer_count = w->local_count * OFFICERS_PER_LOCAL;
  w->reqs = xcalloc(n, sizeof *w->reqs);
  w->strings = xcalloc(n, sizeof *w->strings);
  w->locals = xmalloc(w->local_count * sizeof *w->locals);
  w->names = xmalloc(officer_count);
  for (i = 0; i < w->local_count; i++)
    make_local(&w->locals[i], (uint32_t)(i + 1));
  for (i = 0; i < officer_count; i++)
    w->names[i] = (unsigned char)(below(16) << 4 | below(16));

  for (i = 0; i < n; i++) {
    oi_subsidy_request *r = &w->reqs[i];
    struct req_strings *str = &w->strings[i];
    const size_t local = below((uint32_t)w->local_count);
    const size_t k = below(OFFICERS_PER_LOCAL), officer = local * OFFICERS_PER_LOCAL + k;
    size_t s;
    oi_date day;

    if (advanced_count > 0 && chance(5))
      s = advanced[below((uint32_t)advanced_count)];
    else
      s = institute[below((uint32_t)institute_count)];
    *r = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
    snprintf(str->id, ID_SIZE, "R%09u", (unsigned)(i + 1));
    snprintf(str->officer_id, ID_SIZE, "L%u-O%u", (unsigned)(local + 1), (unsigned)(k + 1));
    snprintf(str->local_name, NAME_SIZE, "IATSE Local %u", (unsigned)(local + 1));
    snprintf(str->officer_name, NAME_SIZE, "%s %s", first_names[w->names[officer] >> 4],
             last_names[w->names[officer] & 15]);
    r->id = str->id;
    r->session_id = sessions[s].id;
    r->local = w->locals[local];
    r->local.name = str->local_name;
    r->officer.id = str->officer_id;
    r->officer.name = str->officer_name;
    r->officer.office = (oi_office)(1 + below(8));
    /* Received over the half year before the deadline, or up to 40 days late. */
    if (chance(10))
      day = add_days(sessions[s].deadline, 1 + (int32_t)below(40));
    else
      day = add_days(sessions[s].deadline, -(int32_t)below(180));
    r->received = moment(day);
    r->nights = pick_nights();
    r->attested = chance(97);
    r->with_application = chance(97);
    r->application_signed = chance(98);
    r->request_signed = chance(96);
  }
}

static void workload_free(struct workload *w)
{
  free(w->reqs);
  free(w->strings);
  free(w->locals);
  free(w->names);
  memset(w, 0, sizeof *w);
}

/* ---- 1. the stateless decision -------------------------------------------- */

enum kind { K_ELIGIBLE, K_LATE, K_UNSIGNED, K_LM2, K_CA_OVER, K_CAPPED, K_COUNT };

#define CHECK_REQS 1020     /* 170 of each kind, shuffled */
#define CHECK_LOOPS 3000000 /* decisions per run */

static void bench_check(const oi_policy *p, int runs)
{
  static oi_subsidy_request reqs[CHECK_REQS];
  static char ids[CHECK_REQS][ID_SIZE], officer_ids[CHECK_REQS][ID_SIZE];
  static enum kind kinds[CHECK_REQS];
  const struct session_info *fl = NULL;
  oi_decision d = OI_DECISION_INIT; /* its version set once, before any clock */
  double t[64];
  size_t i;
  int run;

  /* Orlando admits both countries, so every kind fits it. */
  for (i = 0; i < institute_count; i++)
    if (sessions[institute[i]].canadian)
      fl = &sessions[institute[i]];
  if (fl == NULL)
    fl = &sessions[institute[0]];

  for (i = 0; i < CHECK_REQS; i++)
    kinds[i] = (enum kind)(i % K_COUNT);
  for (i = CHECK_REQS - 1; i > 0; i--) {
    size_t j = below((uint32_t)(i + 1));
    enum kind k = kinds[i];
    kinds[i] = kinds[j];
    kinds[j] = k;
  }
  for (i = 0; i < CHECK_REQS; i++) {
    oi_subsidy_request *r = &reqs[i];

    snprintf(ids[i], ID_SIZE, "C%06u", (unsigned)(i + 1));
    snprintf(officer_ids[i], ID_SIZE, "officer-%u", (unsigned)(i + 1));
    *r = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
    r->id = ids[i];
    r->session_id = fl->id;
    r->local.number = 100 + (uint32_t)i;
    r->local.name = "IATSE Local";
    r->local.country = OI_COUNTRY_US;
    r->local.district = 1 + (int)(i % OI_DISTRICT_COUNT);
    r->local.lm_form = i % 2 ? OI_LM_3 : OI_LM_4;
    r->officer.id = officer_ids[i];
    r->officer.name = "Pat Officer";
    r->officer.office = OI_OFFICE_TREASURER;
    r->received = moment(add_days(fl->deadline, -(int32_t)below(120)));
    r->nights = 5;
    r->attested = r->with_application = r->application_signed = r->request_signed = 1;
    switch (kinds[i]) {
    case K_ELIGIBLE: break;
    case K_LATE: r->received = moment(add_days(fl->deadline, 1 + (int32_t)below(30))); break;
    case K_UNSIGNED: r->request_signed = 0; break;
    case K_LM2: r->local.lm_form = OI_LM_2; break;
    case K_CA_OVER:
      r->local.country = OI_COUNTRY_CA;
      r->local.lm_form = OI_LM_NONE;
      r->local.receipts_known = 1;
      r->local.receipts_cents = INT64_C(25000000) + (int64_t)below(10000000);
      break;
    case K_CAPPED: r->nights = 7; break;
    case K_COUNT: break;
    }
  }

  /* The mix decides as intended, before anything is timed. */
  for (i = 0; i < CHECK_REQS; i++) {
    oi_error err;
    oi_status st = oi_check_subsidy(p, &reqs[i], &d, &err);
    int ok;

    if (st != OI_OK)
      die("oi_check_subsidy", st, &err);
    switch (kinds[i]) {
    case K_ELIGIBLE: ok = d.outcome == OI_OUTCOME_ELIGIBLE && d.reason_count == 0; break;
    case K_CAPPED:
      ok = d.outcome == OI_OUTCOME_ELIGIBLE && d.reason_count == 1 &&
           oi_decision_reason(&d, 0)->code == OI_REASON_NIGHTS_LIMITED;
      break;
    default: ok = d.outcome == OI_OUTCOME_REFUSED && d.reason_count >= 1; break;
    }
    if (!ok) {
      fprintf(stderr, "bench: request kind %d decided %s\n", (int)kinds[i],
              oi_outcome_name(d.outcome));
      exit(2);
    }
  }

  for (run = 0; run < runs; run++) {
    oi_error err;
    uint64_t acc = 0;
    size_t k = 0;
    double t0 = now_ns();
    long it;

    for (it = 0; it < CHECK_LOOPS; it++) {
      oi_status st = oi_check_subsidy(p, &reqs[k], &d, &err);
      if (st != OI_OK)
        die("oi_check_subsidy", st, &err);
      acc += (uint64_t)d.outcome + d.reason_count;
      if (++k == CHECK_REQS)
        k = 0;
    }
    t[run] = (now_ns() - t0) / CHECK_LOOPS;
    sink += acc;
  }
  {
    const double ns = median(t, runs);
    add_max("check_subsidy: one decision (6-kind mix)", ns, "%.1f", "ns", 100, "<= 100");
    add_min("check_subsidy: decisions per second", 1e9 / ns, "%.3g", "1/s", 1e7, ">= 1e7");
  }
}

/*
 * The same decision over STREAM_REQS distinct requests of the realistic
 * year (section 2's generator: each request with its own strings), taken
 * in order: some 25 MB of requests and strings. Before each pass the
 * caches are flushed (a 64 MB buffer is written, untimed), so the pass reads
 * the requests from memory rather than from a cache a small loop keeps warm.
 * The decision goes to one caller's oi_decision, as a caller deciding the
 * rows of a file one by one has it.
 */
#define STREAM_REQS 100000
#define STREAM_PASSES 5
#define FLUSH_BYTES ((size_t)64 << 20)

static unsigned char *flush_buf;

/* Push everything out of the caches: write more than they hold. */
static void flush_caches(void)
{
  size_t i;

  if (flush_buf == NULL)
    flush_buf = xmalloc(FLUSH_BYTES);
  for (i = 0; i < FLUSH_BYTES; i += 64)
    flush_buf[i] = (unsigned char)(flush_buf[i] + 1);
  sink += flush_buf[FLUSH_BYTES / 2];
}

static void bench_check_stream(const oi_policy *p, int runs)
{
  struct workload w;
  oi_decision d = OI_DECISION_INIT; /* its version set once, before any clock */
  double t[64];
  size_t i;
  int run, pass;

  workload_make(&w, STREAM_REQS);
  fprintf(stderr, "bench: stateless decisions over %d distinct requests x %d runs...\n",
          STREAM_REQS, runs);
  for (run = -1; run < runs; run++) { /* run -1: a pass that checks, untimed */
    oi_error err;
    uint64_t acc = 0;
    const oi_subsidy_request *reqs = w.reqs;
    double spent = 0;

    for (pass = 0; pass < (run < 0 ? 1 : STREAM_PASSES); pass++) {
      double t0;

      flush_caches();
      t0 = now_ns();
      for (i = 0; i < STREAM_REQS; i++) {
        oi_status st = oi_check_subsidy(p, &reqs[i], &d, &err);
        if (st != OI_OK)
          die("oi_check_subsidy", st, &err);
        acc += (uint64_t)d.outcome + d.reason_count;
      }
      spent += now_ns() - t0;
    }
    if (run >= 0)
      t[run] = spent / ((double)STREAM_REQS * STREAM_PASSES);
    sink += acc;
  }
  add_max("check_subsidy: 1e5 distinct requests, streamed", median(t, runs), "%.1f", "ns", 100,
          "<= 100");

  /* The same requests through oi_check_subsidy_many(), into an array of
   * 1e5 decisions (touched before the clock): what writing a decision per
   * request costs when the decisions too stream to memory. */
  {
    oi_decision *out = xcalloc(STREAM_REQS, sizeof *out);

    for (run = 0; run < runs; run++) {
      oi_error err;
      oi_status st;
      double t0;

      for (i = 0; i < STREAM_REQS; i++) /* each element's version, untimed */
        out[i] = (oi_decision)OI_DECISION_INIT;
      flush_caches();
      t0 = now_ns();
      st = oi_check_subsidy_many(p, w.reqs, STREAM_REQS, sizeof w.reqs[0], out, sizeof out[0],
                                 &err);
      t[run] = (now_ns() - t0) / STREAM_REQS;
      if (st != OI_OK)
        die("oi_check_subsidy_many", st, &err);
      sink += (uint64_t)out[STREAM_REQS - 1].outcome;
    }
    add_info("check_subsidy_many: the 1e5, decisions out", median(t, runs), "%.1f", "ns");
    free(out);
  }
  workload_free(&w);
}

/* ---- 2. the ledger: one by one, and withdrawals ---------------------------- */

struct fill_result {
  double submit_ns;   /* total time of the submits */
  double withdraw_ns; /* total time of the withdrawals */
  size_t withdrawals;
  size_t withdrawn_awards;
  size_t promotions;
};

static size_t index_of_id(const char *id)
{
  return (size_t)strtoul(id + 1, NULL, 10) - 1;
}

/*
 * Fill a fresh ledger with w's requests one by one (timed), then withdraw a
 * random sample of n/10 requests (timed), alternating an award (which
 * promotes from the waitlist, S10) and a waitlisted request.
 */
static void fill_and_withdraw(const oi_policy *p, const struct workload *w, int withdraw,
                              struct fill_result *res)
{
  const size_t n = w->n;
  unsigned char *state = xmalloc(n);
  size_t *waiting = xmalloc(n * sizeof *waiting), nwait = 0, wi = 0;
  size_t *pool = xmalloc((n + 64) * sizeof *pool), npool = 0;
  oi_ledger *l;
  oi_decision d = OI_DECISION_INIT; /* versions set once, before any clock */
  oi_withdrawal wd = OI_WITHDRAWAL_INIT;
  oi_error err;
  oi_status st;
  double t0;
  size_t i, want, done = 0;

  if ((st = oi_ledger_new(p, &l, &err)) != OI_OK)
    die("oi_ledger_new", st, &err);
  t0 = now_ns();
  for (i = 0; i < n; i++) {
    st = oi_ledger_submit(l, &w->reqs[i], &d, &err);
    if (st != OI_OK)
      die("oi_ledger_submit", st, &err);
    state[i] = (unsigned char)d.outcome;
  }
  res->submit_ns += now_ns() - t0;

  if (withdraw) {
    /* The sample: shuffled waitlisted requests, and the awards as they come. */
    for (i = 0; i < n; i++) {
      if (state[i] == OI_OUTCOME_WAITLISTED)
        waiting[nwait++] = i;
      else if (state[i] == OI_OUTCOME_AWARDED)
        pool[npool++] = i;
    }
    for (i = nwait; i > 1; i--) {
      size_t j = below((uint32_t)i), x = waiting[i - 1];
      waiting[i - 1] = waiting[j];
      waiting[j] = x;
    }
    want = n / 10;
    t0 = now_ns();
    while (done < want) {
      size_t k = SIZE_MAX, m;

      if (done % 2 == 1) { /* an award */
        while (npool > 0 && k == SIZE_MAX) {
          size_t c = pool[--npool];
          if (state[c] == OI_OUTCOME_AWARDED)
            k = c;
        }
        if (k != SIZE_MAX)
          res->withdrawn_awards++;
      }
      while (k == SIZE_MAX && wi < nwait) { /* a waitlisted request (or one since promoted) */
        size_t c = waiting[wi++];
        if (state[c] == OI_OUTCOME_WAITLISTED || state[c] == OI_OUTCOME_AWARDED)
          k = c;
      }
      if (k == SIZE_MAX)
        break;
      st = oi_ledger_withdraw(l, w->reqs[k].id, &wd, &err);
      if (st != OI_OK)
        die("oi_ledger_withdraw", st, &err);
      state[k] = OI_OUTCOME_WITHDRAWN;
      for (m = 0; m < wd.promoted_count; m++) {
        size_t c = index_of_id(wd.promoted[m]);
        state[c] = OI_OUTCOME_AWARDED;
        pool[npool++] = c;
      }
      res->promotions += wd.promoted_count;
      done++;
    }
    res->withdraw_ns += now_ns() - t0;
    res->withdrawals += done;
  }
  sink += oi_ledger_count(l);
  oi_ledger_free(l);
  free(state);
  free(waiting);
  free(pool);
}

struct size_figures {
  size_t n;
  double submit_ns, withdraw_ns; /* per request, per withdrawal: medians */
};

static void bench_ledger(const oi_policy *p, int runs, const size_t *sizes, size_t nsizes)
{
  struct size_figures fig[8];
  size_t si;
  char name[96], a[16];

  for (si = 0; si < nsizes; si++) {
    const size_t n = sizes[si];
    /* Small ledgers are filled many times per run, so a run lasts long
     * enough to time; each fill starts from a fresh ledger. */
    const size_t reps = n >= 100000 ? 1 : 100000 / n;
    double ts[64], tw[64];
    struct workload w;
    size_t awards = 0, withdrawals = 0;
    int run;

    workload_make(&w, n);
    fprintf(stderr, "bench: ledger of %zu requests x %d runs...\n", n, runs);
    for (run = 0; run < runs; run++) {
      struct fill_result res;
      size_t r;

      memset(&res, 0, sizeof res);
      for (r = 0; r < reps; r++)
        fill_and_withdraw(p, &w, 1, &res);
      ts[run] = res.submit_ns / (double)(n * reps);
      tw[run] = res.withdrawals > 0 ? res.withdraw_ns / (double)res.withdrawals : 0;
      awards = res.withdrawn_awards;
      withdrawals = res.withdrawals;
    }
    fig[si].n = n;
    fig[si].submit_ns = median(ts, runs);
    fig[si].withdraw_ns = median(tw, runs);
    snprintf(name, sizeof name, "ledger_submit: per request, %s requests", sci(n, a, sizeof a));
    add_max(name, fig[si].submit_ns, "%.0f", "ns", 600, "<= 600");
    snprintf(name, sizeof name, "ledger_withdraw: per withdrawal, %s (%zu%% awards)",
             sci(n, a, sizeof a), withdrawals ? 100 * awards / withdrawals : 0);
    add_max(name, fig[si].withdraw_ns, "%.0f", "ns", 1000, "<= 1000");
    workload_free(&w);
  }
  if (nsizes >= 2) {
    const struct size_figures *lo = &fig[0], *hi = &fig[nsizes - 1];
    char x[16];

    sci(hi->n, x, sizeof x);
    sci(lo->n, a, sizeof a);
    snprintf(name, sizeof name, "ledger_submit: flatness, %s / %s", x, a);
    add_max(name, hi->submit_ns / lo->submit_ns, "%.2f", "ratio", 2.0, "<= 2");
    snprintf(name, sizeof name, "ledger_withdraw: flatness, %s / %s", x, a);
    add_max(name, hi->withdraw_ns / lo->withdraw_ns, "%.2f", "ratio", 2.0, "<= 2");
  }
}

/* ---- 3. the batch --------------------------------------------------------- */

static void bench_batch(const oi_policy *p, int runs, size_t n)
{
  struct workload w;
  double t[64], to[64];
  oi_decision *out = NULL;
  char name[96], a[16];
  size_t i;
  int run;

  workload_make(&w, n);
  fprintf(stderr, "bench: batch of %zu requests x %d runs...\n", n, runs);
  for (run = 0; run < runs; run++) {
    oi_ledger *l;
    oi_error err;
    oi_status st;
    double t0;

    if ((st = oi_ledger_new(p, &l, &err)) != OI_OK)
      die("oi_ledger_new", st, &err);
    t0 = now_ns();
    st = oi_ledger_submit_many(l, w.reqs, n, sizeof w.reqs[0], NULL, 0, &err);
    t[run] = (now_ns() - t0) / 1e9;
    if (st != OI_OK)
      die("oi_ledger_submit_many", st, &err);
    sink += oi_ledger_count(l);
    oi_ledger_free(l);
  }
  snprintf(name, sizeof name, "ledger_submit_many: %s unsorted, total", sci(n, a, sizeof a));
  add_max(name, median(t, runs), "%.3f", "s", 0.5, "<= 0.5");

  /* The same, asking for every decision (what a binding returns). */
  out = xmalloc(n * sizeof *out);
  for (run = 0; run < runs; run++) {
    oi_ledger *l;
    oi_error err;
    oi_status st;
    double t0;

    if ((st = oi_ledger_new(p, &l, &err)) != OI_OK)
      die("oi_ledger_new", st, &err);
    for (i = 0; i < n; i++) /* each element's version; touches the pages before the clock */
      out[i] = (oi_decision)OI_DECISION_INIT;
    t0 = now_ns();
    st = oi_ledger_submit_many(l, w.reqs, n, sizeof w.reqs[0], out, sizeof out[0], &err);
    to[run] = (now_ns() - t0) / 1e9;
    if (st != OI_OK)
      die("oi_ledger_submit_many", st, &err);
    sink += (uint64_t)out[n - 1].outcome;
    oi_ledger_free(l);
  }
  free(out);
  snprintf(name, sizeof name, "ledger_submit_many: %s, with decisions out", sci(n, a, sizeof a));
  add_max(name, median(to, runs), "%.3f", "s", 0.5, "<= 0.5");
  workload_free(&w);
}

/* ---- 4. JSON documents ---------------------------------------------------- */

#define POLICY_LOADS 2000

static void bench_json(const oi_policy *p, int runs, size_t n)
{
  struct workload w;
  char *text = NULL, *snap = NULL;
  size_t len = 0, snap_len = 0, i;
  double t[64], ts[64], tl[64];
  oi_ledger *l;
  oi_error err;
  oi_status st;
  char name[96], a[16];
  int run;

  if ((st = oi_policy_to_json(p, &text, &len, &err)) != OI_OK)
    die("oi_policy_to_json", st, &err);
  for (run = 0; run < runs; run++) {
    double t0 = now_ns();
    for (i = 0; i < POLICY_LOADS; i++) {
      oi_policy *q;
      if ((st = oi_policy_from_json(text, len, &q, &err)) != OI_OK)
        die("oi_policy_from_json", st, &err);
      oi_policy_free(q);
    }
    t[run] = (now_ns() - t0) / POLICY_LOADS / 1e3;
  }
  snprintf(name, sizeof name, "policy_from_json: built-in policy (%zu bytes)", len);
  add_info(name, median(t, runs), "%.1f", "us");
  oi_free(text);

  workload_make(&w, n);
  fprintf(stderr, "bench: snapshots of %zu requests x %d runs...\n", n, runs);
  if ((st = oi_ledger_new(p, &l, &err)) != OI_OK)
    die("oi_ledger_new", st, &err);
  for (i = 0; i < n; i++)
    if ((st = oi_ledger_submit(l, &w.reqs[i], NULL, &err)) != OI_OK)
      die("oi_ledger_submit", st, &err);
  for (run = 0; run < runs; run++) {
    oi_ledger *back;
    double t0 = now_ns();

    if ((st = oi_ledger_to_json(l, &snap, &snap_len, &err)) != OI_OK)
      die("oi_ledger_to_json", st, &err);
    ts[run] = (now_ns() - t0) / 1e6;
    t0 = now_ns();
    if ((st = oi_ledger_from_json(p, snap, snap_len, &back, &err)) != OI_OK)
      die("oi_ledger_from_json", st, &err);
    tl[run] = (now_ns() - t0) / 1e6;
    if (oi_ledger_count(back) != n) {
      fprintf(stderr, "bench: the snapshot loaded %zu requests, not %zu\n",
              oi_ledger_count(back), n);
      exit(2);
    }
    oi_ledger_free(back);
    if (run + 1 < runs)
      oi_free(snap);
  }
  snprintf(name, sizeof name, "ledger_to_json: save, %s requests", sci(n, a, sizeof a));
  add_max(name, median(ts, runs), "%.0f", "ms", 100, "<= 100");
  snprintf(name, sizeof name, "ledger_from_json: load (replays), %s requests", sci(n, a, sizeof a));
  add_max(name, median(tl, runs), "%.0f", "ms", 300, "<= 300");
  add_info("ledger snapshot: size per request", (double)snap_len / (double)n, "%.0f", "bytes");
  oi_free(snap);
  oi_ledger_free(l);
  workload_free(&w);
}

/* ---- 5. memory ------------------------------------------------------------ */

/*
 * Bytes the ledger holds per request, from glibc's own accounting:
 * mallinfo2() before and after filling a fresh ledger of n requests one by
 * one (uordblks, the heap in use, plus hblkhd, the blocks malloc mmap()ed,
 * which hold the large hash tables). The inputs exist before the first
 * reading, so only the library's allocations are counted. The peak is from
 * the kernel: VmHWM after resetting it (/proc/self/clear_refs), minus VmRSS
 * before, which also sees the hash tables' transient doubling.
 */
static void bench_memory(const oi_policy *p, size_t n)
{
  struct workload w;
  struct mallinfo2 before, after;
  long rss_before, hwm_after;
  oi_ledger *l;
  oi_error err;
  oi_status st;
  char name[96], a[16];
  size_t i;
  FILE *f;
  int peak_ok = 0;

  workload_make(&w, n);
  fprintf(stderr, "bench: memory of a ledger of %zu requests...\n", n);
  malloc_trim(0);
  f = fopen("/proc/self/clear_refs", "w");
  if (f != NULL) {
    peak_ok = fputs("5", f) >= 0;
    peak_ok = (fclose(f) == 0) && peak_ok;
  }
  rss_before = status_kb("VmRSS");
  before = mallinfo2();
  if ((st = oi_ledger_new(p, &l, &err)) != OI_OK)
    die("oi_ledger_new", st, &err);
  for (i = 0; i < n; i++)
    if ((st = oi_ledger_submit(l, &w.reqs[i], NULL, &err)) != OI_OK)
      die("oi_ledger_submit", st, &err);
  after = mallinfo2();
  hwm_after = status_kb("VmHWM");
  snprintf(name, sizeof name, "memory held per request, %s (mallinfo2)", sci(n, a, sizeof a));
  add_max(name,
          ((double)(after.uordblks + after.hblkhd) - (double)(before.uordblks + before.hblkhd)) /
              (double)n,
          "%.0f", "bytes", 200, "<= 200");
  if (peak_ok && rss_before > 0 && hwm_after > 0) {
    snprintf(name, sizeof name, "peak RSS growth per request, %s (VmHWM)", sci(n, a, sizeof a));
    add_info(name, (double)(hwm_after - rss_before) * 1024.0 / (double)n, "%.0f", "bytes");
  }
  oi_ledger_free(l);
  workload_free(&w);
}

/* ---- 6. hostile inputs ---------------------------------------------------- */

/* Ids chosen to collide under the ledger's old unkeyed hash
 * (tests/crafted_ids.h), count of them ID_SIZE bytes apart. */
static void craft_ids(char *ids, size_t count, const char *prefix, uint64_t seed)
{
  crafted_ids(ids, ID_SIZE, count, prefix, seed);
}

/* Seconds to enter w's requests in one batch into a fresh ledger, and
 * (when load_ms is not NULL) milliseconds to load that ledger's snapshot
 * back. */
static void time_hostile_batch(const oi_policy *p, const struct workload *w, double *batch_s,
                               double *load_ms)
{
  oi_ledger *l, *back;
  char *snap;
  size_t len;
  oi_error err;
  oi_status st;
  double t0;

  if ((st = oi_ledger_new(p, &l, &err)) != OI_OK)
    die("oi_ledger_new", st, &err);
  t0 = now_ns();
  st = oi_ledger_submit_many(l, w->reqs, w->n, sizeof w->reqs[0], NULL, 0, &err);
  *batch_s = (now_ns() - t0) / 1e9;
  if (st != OI_OK)
    die("oi_ledger_submit_many", st, &err);
  if (load_ms == NULL) {
    oi_ledger_free(l);
    return;
  }
  if ((st = oi_ledger_to_json(l, &snap, &len, &err)) != OI_OK)
    die("oi_ledger_to_json", st, &err);
  t0 = now_ns();
  if ((st = oi_ledger_from_json(p, snap, len, &back, &err)) != OI_OK)
    die("oi_ledger_from_json", st, &err);
  *load_ms = (now_ns() - t0) / 1e6;
  if (oi_ledger_count(back) != w->n) {
    fprintf(stderr, "bench: the hostile snapshot loaded %zu requests\n", oi_ledger_count(back));
    exit(2);
  }
  oi_ledger_free(back);
  oi_free(snap);
  oi_ledger_free(l);
}

/* One 1.0 session, "S-A" (2017-03-06), with this many seats and a cap of 2. */
static oi_policy *one_session_policy(int seats)
{
  static const char *const courses[] = { "OI-1.0" };
  oi_policy_numbers num = OI_POLICY_NUMBERS_INIT;
  oi_course c = OI_COURSE_INIT;
  oi_session s = OI_SESSION_INIT;
  oi_policy_builder *b = NULL;
  oi_policy *p = NULL;
  oi_error err;
  oi_status st;

  num.year = 2017;
  num.seats_per_session = seats;
  num.local_cap_per_year = 2;
  num.deadline_weeks = 6;
  num.max_nights = 5;
  num.canada_threshold_cents = 25000000;
  c.id = "OI-1.0";
  c.title = "Officer Institute 1.0";
  c.kind = OI_COURSE_INSTITUTE;
  s.id = "S-A";
  s.place = "Denver, CO";
  s.hotel = "Hotel One";
  s.first_day.year = 2017;
  s.first_day.month = 3;
  s.first_day.day = 6;
  s.last_day = s.first_day;
  s.last_day.day = 10;
  s.countries = OI_COUNTRY_BIT(OI_COUNTRY_US);
  s.course_ids = courses;
  s.course_count = 1;
  if ((st = oi_policy_builder_new(&b, "bench-capped", &num, &err)) != OI_OK ||
      (st = oi_policy_builder_add_course(b, &c, &err)) != OI_OK ||
      (st = oi_policy_builder_add_session(b, &s, &err)) != OI_OK ||
      (st = oi_policy_builder_build(b, &p, &err)) != OI_OK)
    die("building the capped-locals policy", st, &err);
  oi_policy_builder_free(b);
  return p;
}

#define CAPPED_LOCALS 8000
#define OPEN_LOCALS 2000
#define WITHDRAW_BUDGET_NS 1e9 /* the quadratic search of old stops here */

struct capped_ids {
  char id[CAPPED_LOCALS * 3 + OPEN_LOCALS + 1][ID_SIZE];
  size_t n;
};

static void enter_one(oi_ledger *l, struct capped_ids *ids, uint32_t local, int day, int sec,
                      oi_outcome expect)
{
  oi_subsidy_request r = OI_SUBSIDY_REQUEST_INIT;
  oi_decision d = OI_DECISION_INIT;
  oi_error err;
  oi_status st;
  char *id = ids->id[ids->n++];

  snprintf(id, ID_SIZE, "c%zu", ids->n);
  r.id = id;
  r.session_id = "S-A";
  r.local.number = local;
  r.local.name = "IATSE Local";
  r.local.country = OI_COUNTRY_US;
  r.local.district = 1;
  r.local.lm_form = OI_LM_3;
  r.officer.id = id; /* an officer a request */
  r.officer.office = OI_OFFICE_PRESIDENT;
  r.received.date.year = day < 0 ? 2016 : 2017;
  r.received.date.month = day < 0 ? 12 : 1;
  r.received.date.day = day < 0 ? -day : day;
  r.received.hour = 8 + sec / 3600;
  r.received.minute = sec / 60 % 60;
  r.received.second = sec % 60;
  r.nights = 5;
  r.attested = r.with_application = r.application_signed = r.request_signed = 1;
  if ((st = oi_ledger_submit(l, &r, &d, &err)) != OI_OK)
    die("oi_ledger_submit", st, &err);
  if (d.outcome != expect) {
    fprintf(stderr, "bench: capped-locals request decided %s\n", oi_outcome_name(d.outcome));
    exit(2);
  }
}

/*
 * A session with 2K + 1 seats: K locals hold two awards each (their cap,
 * S5), one more local the last seat, OPEN_LOCALS locals wait for a seat
 * (S4). With ahead, each capped local also waits, received earlier than
 * every local that fits. Then the last seat is withdrawn, and again the
 * request just promoted, OPEN_LOCALS times (or until a second is spent):
 * each withdrawal promotes the next local with room, past the K capped
 * ones. Returns nanoseconds per withdrawal.
 */
static double time_capped_withdrawals(const oi_policy *p, int ahead)
{
  static struct capped_ids ids;
  char last[ID_SIZE];
  oi_withdrawal wd = OI_WITHDRAWAL_INIT; /* its version set once, before the clock */
  oi_ledger *l;
  oi_error err;
  oi_status st;
  double t0, t;
  size_t k, m;

  ids.n = 0;
  if ((st = oi_ledger_new(p, &l, &err)) != OI_OK)
    die("oi_ledger_new", st, &err);
  for (k = 0; k < CAPPED_LOCALS; k++) {
    enter_one(l, &ids, 10001 + (uint32_t)k, 2, 0, OI_OUTCOME_AWARDED);
    enter_one(l, &ids, 10001 + (uint32_t)k, 2, 1, OI_OUTCOME_AWARDED);
  }
  enter_one(l, &ids, 1, 2, 3600, OI_OUTCOME_AWARDED);
  snprintf(last, sizeof last, "%s", ids.id[ids.n - 1]);
  if (ahead)
    for (k = 0; k < CAPPED_LOCALS; k++)
      enter_one(l, &ids, 10001 + (uint32_t)k, -1, (int)(k % 36000), OI_OUTCOME_WAITLISTED);
  for (m = 0; m < OPEN_LOCALS; m++)
    enter_one(l, &ids, 2 + (uint32_t)m, 10, (int)m, OI_OUTCOME_WAITLISTED);

  t0 = now_ns();
  for (m = 0; m < OPEN_LOCALS && now_ns() - t0 < WITHDRAW_BUDGET_NS; m++) {
    if ((st = oi_ledger_withdraw(l, last, &wd, &err)) != OI_OK)
      die("oi_ledger_withdraw", st, &err);
    if (wd.promoted_count != 1) {
      fprintf(stderr, "bench: a capped-locals withdrawal promoted %zu\n", wd.promoted_count);
      exit(2);
    }
    snprintf(last, sizeof last, "%s", wd.promoted[0]);
  }
  t = (now_ns() - t0) / (double)m;
  oi_ledger_free(l);
  return t;
}

static void bench_hostile(const oi_policy *p, int runs, size_t n)
{
  const uint64_t officer_seed = (uint64_t)2017 * UINT64_C(0x9e3779b97f4a7c15);
  struct workload w;
  char *crafted_ids = xmalloc(n * ID_SIZE), *crafted_officers = xmalloc(n * ID_SIZE);
  double tb[2][64], tl[2][64], tw[2][64], b[2], ld[2], wd[2];
  char name[96], a[16];
  oi_policy *capped;
  size_t i;
  int run, kind;
  const int load_runs = runs < 3 ? runs : 3;

  /* The policy's sessions are all of 2017: one officer seed. */
  workload_make(&w, n);
  craft_ids(crafted_ids, n, "req-", 0);
  craft_ids(crafted_officers, n, "off-", officer_seed);
  fprintf(stderr, "bench: hostile ids, batches of %zu x %d runs...\n", n, runs);
  for (run = 0; run < runs; run++)
    for (kind = 0; kind < 2; kind++) {
      for (i = 0; i < n; i++) {
        struct req_strings *str = &w.strings[i];
        if (kind == 0) {
          snprintf(str->id, ID_SIZE, "req-%012zu", i);
          snprintf(str->officer_id, ID_SIZE, "off-%012zu", i);
        } else {
          memcpy(str->id, crafted_ids + i * ID_SIZE, ID_SIZE);
          memcpy(str->officer_id, crafted_officers + i * ID_SIZE, ID_SIZE);
        }
      }
      /* Loading replays the whole history: three runs are enough. */
      time_hostile_batch(p, &w, &tb[kind][run], run < load_runs ? &tl[kind][run] : NULL);
    }
  for (kind = 0; kind < 2; kind++) {
    b[kind] = median(tb[kind], runs);
    ld[kind] = median(tl[kind], load_runs);
  }
  sci(n, a, sizeof a);
  snprintf(name, sizeof name, "submit_many: %s, ordinary ids of 16 bytes", a);
  add_info(name, b[0], "%.3f", "s");
  snprintf(name, sizeof name, "submit_many: %s, ids colliding unkeyed", a);
  add_info(name, b[1], "%.3f", "s");
  add_max("  crafted / ordinary", b[1] / b[0], "%.2f", "ratio", 2.0, "<= 2");
  snprintf(name, sizeof name, "ledger_from_json: %s, ordinary ids", a);
  add_info(name, ld[0], "%.0f", "ms");
  snprintf(name, sizeof name, "ledger_from_json: %s, ids colliding unkeyed", a);
  add_info(name, ld[1], "%.0f", "ms");
  add_max("  crafted / ordinary", ld[1] / ld[0], "%.2f", "ratio", 2.0, "<= 2");
  free(crafted_ids);
  free(crafted_officers);
  workload_free(&w);

  fprintf(stderr, "bench: withdrawals past %d capped locals x %d runs...\n", CAPPED_LOCALS,
          runs);
  capped = one_session_policy(2 * CAPPED_LOCALS + 1);
  for (run = 0; run < runs; run++)
    for (kind = 0; kind < 2; kind++)
      tw[kind][run] = time_capped_withdrawals(capped, kind);
  for (kind = 0; kind < 2; kind++)
    wd[kind] = median(tw[kind], runs);
  oi_policy_free(capped);
  add_info("ledger_withdraw: no capped local waiting ahead", wd[0], "%.0f", "ns");
  snprintf(name, sizeof name, "ledger_withdraw: %d capped locals waiting ahead", CAPPED_LOCALS);
  add_info(name, wd[1], "%.0f", "ns");
  add_max("  capped ahead / none", wd[1] / wd[0], "%.2f", "ratio", 2.0, "<= 2");
}

/* ---- counting calls, for callgrind ---------------------------------------- */

/*
 * -C WHAT: make a known number of calls of one library function, with no
 * clock, and print "calls N" on stdout. tests/bench-callgrind.sh runs this
 * under callgrind collecting only inside that function (--toggle-collect),
 * so the instructions counted, over N, are the function's own cost per call
 * (per request for the batch and the snapshots), whatever the machine's load.
 */
static int count_calls(const oi_policy *p, const char *what, size_t n)
{
  struct workload w;
  oi_ledger *l = NULL;
  oi_decision d = OI_DECISION_INIT, *out;
  oi_error err;
  oi_status st;
  size_t i, calls = n;
  char *snap;
  size_t len;

  if (strcmp(what, "check") != 0 && strcmp(what, "submit") != 0 &&
      strcmp(what, "withdraw") != 0 && strcmp(what, "batch") != 0 &&
      strcmp(what, "save") != 0 && strcmp(what, "load") != 0) {
    fprintf(stderr, "bench: -C takes check, submit, withdraw, batch, save or load\n");
    return 2;
  }
  workload_make(&w, n);
  if (strcmp(what, "check") == 0) {
    for (i = 0; i < n; i++)
      if ((st = oi_check_subsidy(p, &w.reqs[i], &d, &err)) != OI_OK)
        die("oi_check_subsidy", st, &err);
  } else if (strcmp(what, "withdraw") == 0) {
    struct fill_result res;

    memset(&res, 0, sizeof res);
    fill_and_withdraw(p, &w, 1, &res);
    calls = res.withdrawals;
  } else if (strcmp(what, "batch") == 0) {
    out = xmalloc(n * sizeof *out);
    for (i = 0; i < n; i++)
      out[i] = (oi_decision)OI_DECISION_INIT;
    if ((st = oi_ledger_new(p, &l, &err)) != OI_OK)
      die("oi_ledger_new", st, &err);
    if ((st = oi_ledger_submit_many(l, w.reqs, n, sizeof w.reqs[0], out, sizeof out[0],
                                    &err)) != OI_OK)
      die("oi_ledger_submit_many", st, &err);
    free(out);
  } else {
    if ((st = oi_ledger_new(p, &l, &err)) != OI_OK)
      die("oi_ledger_new", st, &err);
    for (i = 0; i < n; i++)
      if ((st = oi_ledger_submit(l, &w.reqs[i], &d, &err)) != OI_OK)
        die("oi_ledger_submit", st, &err);
    if (strcmp(what, "save") == 0 || strcmp(what, "load") == 0) {
      oi_ledger *back;

      if ((st = oi_ledger_to_json(l, &snap, &len, &err)) != OI_OK)
        die("oi_ledger_to_json", st, &err);
      if (strcmp(what, "load") == 0) {
        if ((st = oi_ledger_from_json(p, snap, len, &back, &err)) != OI_OK)
          die("oi_ledger_from_json", st, &err);
        oi_ledger_free(back);
      }
      oi_free(snap);
    }
  }
  oi_ledger_free(l);
  workload_free(&w);
  printf("calls %zu\n", calls);
  return 0;
}

/* ---- main ----------------------------------------------------------------- */

/* "AMD EPYC, family 25 model 17, 2596 MHz, virtual machine (KVM)" */
static void describe_cpu(char *out, size_t size)
{
  char model[160], family[16], num[16], mhz[32], flags[4096];
  char hv[64] = "";
  FILE *f;

  read_field("/proc/cpuinfo", "model name", model, sizeof model);
  read_field("/proc/cpuinfo", "cpu family", family, sizeof family);
  read_field("/proc/cpuinfo", "model\t", num, sizeof num);
  read_field("/proc/cpuinfo", "cpu MHz", mhz, sizeof mhz);
  read_field("/proc/cpuinfo", "flags", flags, sizeof flags);
  if (strstr(flags, " hypervisor") != NULL) {
    char vendor[32] = "";
    f = fopen("/sys/hypervisor/type", "r");
    if (f != NULL) {
      if (fgets(vendor, sizeof vendor, f) != NULL)
        vendor[strcspn(vendor, "\n")] = '\0';
      fclose(f);
    }
    snprintf(hv, sizeof hv, ", virtual machine%s%s%s", vendor[0] ? " (" : "", vendor,
             vendor[0] ? ")" : "");
  }
  snprintf(out, size, "%s, family %s model %s, %.0f MHz%s", model, family, num,
           strtod(mhz, NULL), hv);
}

static void usage(FILE *f)
{
  fprintf(f,
          "usage: bench [-r RUNS] [-q] [-n SIZE] [-s SECTION] [-C WHAT]\n"
          "  -r RUNS     runs per figure; the median is reported (default 5)\n"
          "  -q          quick: ledgers of 1e3, 1e4 and 1e5 requests, not up to 1e6\n"
          "  -n SIZE     the ledger figures at this one size only (for profiling)\n"
          "  -s SECTION  one section: memory, check, submit (with withdraw), batch, json,\n"
          "              hostile\n"
          "  -C WHAT     no clock: a known number of calls of one function, for\n"
          "              callgrind (check, submit, withdraw, batch, save, load)\n");
}

int main(int argc, char **argv)
{
  static const size_t full_sizes[] = { 1000, 100000, 1000000 };
  static const size_t quick_sizes[] = { 1000, 10000, 100000 };
  const size_t *sizes = full_sizes;
  size_t one_size = 0;
  const char *only = NULL, *count = NULL, *cc = getenv("OI_BENCH_CC"), *cflags = getenv("OI_BENCH_CFLAGS");
  char cpu[512], mem[64], load_start[64], load_end[64], date[32];
  struct utsname un;
  oi_policy *p;
  oi_error err;
  oi_status st;
  int runs = 5, quick = 0, opt, i, met = 0, missed = 0;
  const long cores = sysconf(_SC_NPROCESSORS_ONLN);
  const double t0 = now_ns();
  const time_t when = time(NULL);

  while ((opt = getopt(argc, argv, "r:qn:s:C:h")) != -1) {
    switch (opt) {
    case 'r':
      runs = atoi(optarg);
      if (runs < 1 || runs > 64) {
        fprintf(stderr, "bench: -r takes 1..64\n");
        return 2;
      }
      break;
    case 'q': quick = 1; sizes = quick_sizes; break;
    case 'n':
      one_size = (size_t)strtod(optarg, NULL);
      if (one_size < 10 || one_size > OI_LEDGER_REQUESTS_MAX) {
        fprintf(stderr, "bench: -n takes 10..%d (OI_LEDGER_REQUESTS_MAX)\n",
                OI_LEDGER_REQUESTS_MAX);
        return 2;
      }
      break;
    case 's': only = optarg; break;
    case 'C': count = optarg; break;
    case 'h': usage(stdout); return 0;
    default: usage(stderr); return 2;
    }
  }
  if (optind < argc) {
    usage(stderr);
    return 2;
  }
#define WANT(s) (only == NULL || strcmp(only, (s)) == 0)

  loadavg(load_start, sizeof load_start);
  if ((st = oi_policy_builtin(2017, &p, &err)) != OI_OK)
    die("oi_policy_builtin", st, &err);
  load_sessions(p);
  if (count != NULL) {
    opt = count_calls(p, count, one_size > 0 ? one_size : STREAM_REQS);
    oi_policy_free(p);
    return opt;
  }

  /* Memory first, in a heap nothing else has used yet. */
  if (WANT("memory"))
    bench_memory(p, sizes[2]);
  if (WANT("check")) {
    fprintf(stderr, "bench: stateless decisions x %d runs...\n", runs);
    bench_check(p, runs);
    bench_check_stream(p, runs);
  }
  if (WANT("submit") || WANT("withdraw")) {
    if (one_size > 0)
      bench_ledger(p, runs, &one_size, 1);
    else
      bench_ledger(p, runs, sizes, 3);
  }
  if (WANT("batch"))
    bench_batch(p, runs, sizes[2]);
  if (WANT("json"))
    bench_json(p, runs, sizes[1]);
  if (WANT("hostile"))
    bench_hostile(p, runs, 80000);
  loadavg(load_end, sizeof load_end);

  describe_cpu(cpu, sizeof cpu);
  read_field("/proc/meminfo", "MemTotal", mem, sizeof mem);
  if (strcmp(mem, "unknown") != 0)
    snprintf(mem, sizeof mem, "%.1f GiB", (double)strtol(mem, NULL, 10) / 1048576.0);
  if (uname(&un) != 0)
    snprintf(un.release, sizeof un.release, "unknown");
  strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", gmtime(&when));

  fflush(stderr);
  printf("\nlibofficerinst benchmark, %s: median of %d runs%s\n\n", date, runs,
         quick ? ", quick sizes (-q)" : "");
  printf("| machine  | %s |\n", cpu);
  printf("|----------|----|\n");
  printf("| cores    | %ld online |\n", cores);
  printf("| memory   | %s |\n", mem);
  printf("| kernel   | Linux %s |\n", un.release);
  printf("| compiler | %s, version %s |\n", cc != NULL ? cc : "cc",
#ifdef __VERSION__
         __VERSION__
#else
         "unknown"
#endif
  );
  printf("| CFLAGS   | %s (library and bench) |\n",
         cflags != NULL ? cflags : "unknown: run through `make bench`");
  printf("| library  | libofficerinst %s (oi_version()) |\n", oi_version());
  printf("| load     | %s at start, %s at end (1, 5, 15 min averages) |\n\n", load_start,
         load_end);

  printf("| %-52s | %10s | %-5s | %-7s | %-4s |\n", "figure", "value", "unit", "goal", "met?");
  printf("|%s|%s|%s|%s|%s|\n", "------------------------------------------------------",
         "-----------:", "-------", "---------", "------");
  for (i = 0; i < row_count; i++) {
    const struct row *r = &rows[i];
    const char *m = r->met == MET_YES ? "yes" : r->met == MET_NO ? "NO" : "-";
    printf("| %-52s | %10s | %-5s | %-7s | %-4s |\n", r->figure, r->value, r->unit, r->goal, m);
    if (r->met == MET_YES)
      met++;
    else if (r->met == MET_NO)
      missed++;
  }
  printf("\ngoals met: %d of %d (\"-\": measured, no goal set); %.0f s in all\n", met,
         met + missed, (now_ns() - t0) / 1e9);
  oi_policy_free(p);
  return 0;
}
