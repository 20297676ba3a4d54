/*
 * tests/check_ledger.c -- the subsidy ledger (ledger.h) against doc/policy.md.
 *
 * One TCase per clause, each test named after the boundary it tests:
 *
 *  "S4"      ten seats per 1.0 session, first come first served by RECEIPT
 *            (date and time), ties by entry order; the 11th is waitlisted.
 *  "S5"      two officers per local per calendar year (of the session's
 *            first day), across sessions; S4 and S5 together.
 *  "S9"      one subsidy per officer per year; only an awarded or waitlisted
 *            request blocks; refused with every reason that applies.
 *  "S10"     withdrawal and promotion from the waitlist: earliest receipt
 *            first, skipping what does not fit, up to two per withdrawal.
 *  "S11"     awards stand; a batch equals entering its requests one by one in
 *            receipt order; a bad batch changes nothing.
 *  "queries" summaries, entries per status, local/district/hotel totals,
 *            look-ups by id and by entry number.
 *  "audit"   the event trail.
 *  "errors"  NULL arguments, bad requests, duplicate ids.
 *  "S3-paid" only an award pays nights and names a payee; what an award
 *            would pay is nights_if_awarded; a promotion pays when made.
 *  "years"   one ledger over sessions of two calendar years: S5 and S9
 *            count each year of a session's first day apart.
 *  "S4-own"  a session with its own seat count fills to it.
 *  "ids"     decisions name their request; the S9 reason names the
 *            earlier request by its id.
 *
 * Every expected value is derived from doc/policy.md (the 2017 table: OI-2017-MD
 * first day 2017-02-13, S6 deadline 2017-01-02; OI-2017-CO 2017-05-08,
 * deadline 2017-03-27; OI-2017-FL 2017-10-16, deadline 2017-09-04; 10 seats,
 * cap 2, 5 nights) or from a policy the test builds itself.
 */
#include "testutil.h"

#include <stdarg.h>

/* ------------------------------------------------------------------------ */
/* Fixture and small helpers (local to this file)                           */

static oi_policy *pol; /* the built-in 2017 policy, per test */
static oi_ledger *led; /* an empty ledger on it, per test */

#define MD "OI-2017-MD"
#define CO "OI-2017-CO"
#define FL "OI-2017-FL"
#define ADV_MD "ADV-2017-MD"
#define ADV_CA "ADV-2017-CA"

/* Strings that must outlive a call (ids of a batch): printf into an arena. */
static char arena[1 << 16];
static size_t arena_used;

#if defined(__GNUC__) || defined(__clang__)
static const char *str(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif
static const char *str(const char *fmt, ...)
{
  va_list ap;
  int n;
  char *p = arena + arena_used;

  va_start(ap, fmt);
  n = vsnprintf(p, sizeof arena - arena_used, fmt, ap);
  va_end(ap);
  ck_assert_msg(n >= 0 && (size_t)n < sizeof arena - arena_used, "test arena exhausted");
  arena_used += (size_t)n + 1;
  return p;
}

static oi_ledger *new_ledger(const oi_policy *p)
{
  oi_ledger *l = NULL;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_ledger_new(p, &l, &e);
  ck_assert_msg(st == OI_OK && l != NULL, "oi_ledger_new failed: %s %s", oi_status_name(st),
                e.message);
  return l;
}

static void setup(void)
{
  arena_used = 0;
  pol = tu_builtin_2017();
  led = new_ledger(pol);
}

static void teardown(void)
{
  oi_ledger_free(led);
  led = NULL;
  oi_policy_free(pol);
  pol = NULL;
}

static oi_datetime at(int y, int m, int d, int hh, int mm)
{
  return tu_dt(y, m, d, hh, mm, 0);
}

/* The version of each element of an output array: the ledger refuses an
 * element without one and writes only the members of its version. */
static void init_decisions(oi_decision *d, size_t n)
{
  size_t i;
  for (i = 0; i < n; i++)
    d[i] = (oi_decision)OI_DECISION_INIT;
}

static void init_entries(oi_ledger_entry *en, size_t n)
{
  size_t i;
  for (i = 0; i < n; i++)
    en[i] = (oi_ledger_entry)OI_LEDGER_ENTRY_INIT;
}

/* An eligible request (tu_default_request: U.S. LM-3 local, attested, signed,
 * with the application, 5 nights) with the given id, session, local, officer
 * and moment of receipt. */
static oi_subsidy_request req(const char *id, const char *session, uint32_t local,
                              const char *officer, oi_datetime received)
{
  oi_subsidy_request r;

  tu_default_request(&r);
  r.id = id;
  r.session_id = session;
  r.local.number = local;
  r.officer.id = officer;
  r.received = received;
  return r;
}

static oi_decision submit_at(oi_ledger *l, const oi_subsidy_request *r, const char *file,
                             int line)
{
  oi_decision d = OI_DECISION_INIT;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_ledger_submit(l, r, &d, &e);
  ck_assert_msg(st == OI_OK, "%s:%d: submitting %s failed: %s at \"%s\": %s", file, line,
                r->id ? r->id : "(null)", oi_status_name(st), e.path, e.message);
  return d;
}
#define SUBMIT(r) submit_at(led, &(r), __FILE__, __LINE__)

/* Submit and assert the outcome. */
static oi_decision submit_expect_at(oi_ledger *l, const oi_subsidy_request *r,
                                    oi_outcome expected, const char *file, int line)
{
  char buf[512];
  oi_decision d = submit_at(l, r, file, line);
  ck_assert_msg(d.outcome == expected, "%s:%d: %s decided %s, expected %s", file, line, r->id,
                tu_describe(&d, buf, sizeof buf), oi_outcome_name(expected));
  return d;
}
#define SUBMIT_EXPECT(r, o) submit_expect_at(led, &(r), (o), __FILE__, __LINE__)

/* Submit an eligible request and assert it is awarded. */
#define AWARD(id, s, local, officer, when)                                                  \
  do {                                                                                      \
    oi_subsidy_request r_ = req((id), (s), (local), (officer), (when));                    \
    (void)submit_expect_at(led, &r_, OI_OUTCOME_AWARDED, __FILE__, __LINE__);              \
  } while (0)

/* Submit an eligible request and assert it is waitlisted; return the decision. */
static oi_decision waitlist_at(const char *id, const char *s, uint32_t local,
                               const char *officer, oi_datetime when, const char *file,
                               int line)
{
  oi_subsidy_request r = req(id, s, local, officer, when);
  return submit_expect_at(led, &r, OI_OUTCOME_WAITLISTED, file, line);
}
#define WAITLIST(id, s, local, officer, when) \
  waitlist_at((id), (s), (local), (officer), (when), __FILE__, __LINE__)

/*
 * Fill @p n seats of session @p s: requests "<prefix>-1".."<prefix>-n" from
 * locals first_local.. first_local+n-1, officers "<prefix>-o1".., received on
 * @p day at 09:01, 09:02, ...; each must be awarded.
 */
static void fill(const char *s, const char *prefix, uint32_t first_local, int n, oi_date day)
{
  int k;
  for (k = 1; k <= n; k++)
    AWARD(str("%s-%d", prefix, k), s, first_local + (uint32_t)(k - 1), str("%s-o%d", prefix, k),
          tu_dt(day.year, day.month, day.day, 9, k, 0));
}

/* The ten seats of OI-2017-MD: md-1..md-10, locals 101..110, received
 * 2016-12-01 09:01..09:10 (on time: the deadline is 2017-01-02). */
static void fill_md(void)
{
  fill(MD, "md", 101, 10, tu_date(2016, 12, 1));
}

static oi_ledger_entry entry_at(const oi_ledger *l, const char *id, const char *file, int line)
{
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_ledger_get(l, id, &en, &e);
  ck_assert_msg(st == OI_OK, "%s:%d: oi_ledger_get(%s): %s %s", file, line, id,
                oi_status_name(st), e.message);
  ck_assert_msg(en.id != NULL && strcmp(en.id, id) == 0, "%s:%d: get(%s) returned id %s", file,
                line, id, en.id ? en.id : "(null)");
  return en;
}
#define ENTRY(id) entry_at(led, (id), __FILE__, __LINE__)

#define ASSERT_STATUS(id, expected)                                                        \
  do {                                                                                     \
    oi_ledger_entry en_ = entry_at(led, (id), __FILE__, __LINE__);                         \
    ck_assert_msg(en_.status == (expected), "%s is %s, expected %s", (id),                 \
                  oi_outcome_name(en_.status) ? oi_outcome_name(en_.status) : "?",         \
                  oi_outcome_name(expected));                                              \
  } while (0)

static oi_session_summary summary_at(const oi_ledger *l, const char *s, const char *file,
                                     int line)
{
  oi_session_summary sum = OI_SESSION_SUMMARY_INIT;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_ledger_session_summary(l, s, &sum, &e);
  ck_assert_msg(st == OI_OK, "%s:%d: summary(%s): %s %s", file, line, s, oi_status_name(st),
                e.message);
  return sum;
}
#define SUMMARY(s) summary_at(led, (s), __FILE__, __LINE__)

#define ASSERT_SUMMARY(s, seats_, awarded_, waitlisted_, refused_, withdrawn_, left_)        \
  do {                                                                                      \
    oi_session_summary m_ = summary_at(led, (s), __FILE__, __LINE__);                       \
    ck_assert_msg(m_.seats == (seats_) && m_.awarded == (size_t)(awarded_) &&               \
                      m_.waitlisted == (size_t)(waitlisted_) &&                             \
                      m_.refused == (size_t)(refused_) &&                                   \
                      m_.withdrawn == (size_t)(withdrawn_) && m_.seats_left == (left_),     \
                  "%s: seats %d awarded %zu waitlisted %zu refused %zu withdrawn %zu "      \
                  "left %d; expected %d %d %d %d %d %d",                                    \
                  (s), m_.seats, m_.awarded, m_.waitlisted, m_.refused, m_.withdrawn,       \
                  m_.seats_left, (int)(seats_), (int)(awarded_), (int)(waitlisted_),        \
                  (int)(refused_), (int)(withdrawn_), (int)(left_));                        \
  } while (0)

/* The entries of session @p s with status @p st, up to @p cap; returns the total. */
static size_t entries_at(const oi_ledger *l, const char *s, oi_outcome st, oi_ledger_entry *out,
                         size_t cap, const char *file, int line)
{
  size_t n = (size_t)-1;
  oi_error e;
  oi_status rc;

  memset(&e, 0, sizeof e);
  rc = oi_ledger_session_entries(l, s, st, out, cap, sizeof *out, &n, &e);
  ck_assert_msg(rc == OI_OK, "%s:%d: session_entries(%s, %s): %s %s", file, line, s,
                oi_outcome_name(st), oi_status_name(rc), e.message);
  return n;
}

/* Assert session @p s has exactly the requests listed (NULL-terminated) with
 * status @p st, in that order. */
static void assert_list_at(const char *file, int line, const char *s, oi_outcome st, ...)
{
  oi_ledger_entry got[64];
  const char *want[64];
  size_t nwant = 0, n, i;
  va_list ap;

  va_start(ap, st);
  for (;;) {
    const char *id = va_arg(ap, const char *);
    if (id == NULL)
      break;
    ck_assert(nwant < 64);
    want[nwant++] = id;
  }
  va_end(ap);
  init_entries(got, 64);
  n = entries_at(led, s, st, got, 64, file, line);
  ck_assert_msg(n == nwant, "%s:%d: %s has %zu %s requests, expected %zu", file, line, s, n,
                oi_outcome_name(st), nwant);
  for (i = 0; i < n; i++) {
    ck_assert_msg(got[i].id != NULL && strcmp(got[i].id, want[i]) == 0,
                  "%s:%d: %s %s[%zu] is %s, expected %s", file, line, s, oi_outcome_name(st), i,
                  got[i].id ? got[i].id : "(null)", want[i]);
    ck_assert_msg(got[i].status == st, "%s:%d: %s listed as %s has status %s", file, line,
                  got[i].id, oi_outcome_name(st), oi_outcome_name(got[i].status));
  }
}
#define ASSERT_LIST(s, st, ...) assert_list_at(__FILE__, __LINE__, (s), (st), __VA_ARGS__, NULL)

/* Officers of a local subsidized in a year (count only). */
static size_t local_awards(uint32_t local, int year)
{
  size_t n = (size_t)-1;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_ledger_local_awards(led, local, year, NULL, 0, sizeof(oi_ledger_entry), &n, &e);
  ck_assert_msg(st == OI_OK, "local_awards(%u, %d): %s %s", (unsigned)local, year,
                oi_status_name(st), e.message);
  return n;
}

/* S4 reason with its numbers. */
static void assert_seats_taken_at(const oi_decision *d, int64_t seats, int64_t awarded,
                                  int32_t session, const char *file, int line)
{
  const oi_reason *r = tu_assert_reason_at(d, OI_REASON_SEATS_TAKEN, OI_CLAUSE_S4,
                                           OI_SEVERITY_WAITLIST, file, line);
  ck_assert_msg(r->value[0] == seats && r->value[1] == awarded,
                "%s:%d: SEATS_TAKEN values %lld/%lld, expected %lld seats, %lld awarded", file,
                line, (long long)r->value[0], (long long)r->value[1], (long long)seats,
                (long long)awarded);
  ck_assert_msg(r->session == session, "%s:%d: SEATS_TAKEN names session %d, expected %d", file,
                line, (int)r->session, (int)session);
}
#define ASSERT_SEATS_TAKEN(d, seats, awarded, session) \
  assert_seats_taken_at(&(d), (seats), (awarded), (int32_t)(session), __FILE__, __LINE__)

/* S5 reason with its numbers. */
static void assert_cap_reached_at(const oi_decision *d, int64_t local, int64_t year, int64_t cap,
                                  int64_t subsidized, const char *file, int line)
{
  const oi_reason *r = tu_assert_reason_at(d, OI_REASON_LOCAL_CAP_REACHED, OI_CLAUSE_S5,
                                           OI_SEVERITY_WAITLIST, file, line);
  ck_assert_msg(r->value[0] == local && r->value[1] == year && r->value[2] == cap &&
                    r->value[3] == subsidized,
                "%s:%d: LOCAL_CAP_REACHED values {%lld, %lld, %lld, %lld}, expected "
                "{%lld, %lld, %lld, %lld}",
                file, line, (long long)r->value[0], (long long)r->value[1],
                (long long)r->value[2], (long long)r->value[3], (long long)local,
                (long long)year, (long long)cap, (long long)subsidized);
}
#define ASSERT_CAP_REACHED(d, local, year, cap, n) \
  assert_cap_reached_at(&(d), (local), (year), (cap), (n), __FILE__, __LINE__)

static oi_withdrawal withdraw_at(const char *id, const char *file, int line)
{
  oi_withdrawal w = OI_WITHDRAWAL_INIT;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_ledger_withdraw(led, id, &w, &e);
  ck_assert_msg(st == OI_OK, "%s:%d: withdraw(%s): %s %s", file, line, id, oi_status_name(st),
                e.message);
  return w;
}
#define WITHDRAW(id) withdraw_at((id), __FILE__, __LINE__)

/* Assert a withdrawal promoted exactly the listed ids (NULL-terminated), in order. */
static void assert_promoted_at(const oi_withdrawal *w, const char *file, int line, ...)
{
  const char *want[OI_PROMOTIONS_MAX + 1];
  size_t n = 0, i;
  va_list ap;

  va_start(ap, line);
  for (;;) {
    const char *id = va_arg(ap, const char *);
    if (id == NULL)
      break;
    ck_assert(n < OI_PROMOTIONS_MAX + 1);
    want[n++] = id;
  }
  va_end(ap);
  ck_assert_msg(w->promoted_count == n, "%s:%d: %zu promoted (first %s), expected %zu", file,
                line, w->promoted_count,
                w->promoted_count > 0 && w->promoted[0] ? w->promoted[0] : "-", n);
  for (i = 0; i < n; i++)
    ck_assert_msg(w->promoted[i] != NULL && strcmp(w->promoted[i], want[i]) == 0,
                  "%s:%d: promoted[%zu] is %s, expected %s", file, line, i,
                  w->promoted[i] ? w->promoted[i] : "(null)", want[i]);
}
#define ASSERT_PROMOTED(w, ...) assert_promoted_at(&(w), __FILE__, __LINE__, __VA_ARGS__, NULL)
#define ASSERT_PROMOTED_NONE(w)                                                             \
  ck_assert_msg((w).promoted_count == 0, "%zu promoted (first %s), expected none",         \
                (w).promoted_count, (w).promoted[0] ? (w).promoted[0] : "-")

static oi_event event_at(const oi_ledger *l, size_t index)
{
  oi_event ev = OI_EVENT_INIT;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_ledger_event(l, index, &ev, &e);
  ck_assert_msg(st == OI_OK, "oi_ledger_event(%zu): %s %s", index, oi_status_name(st),
                e.message);
  return ev;
}

static void assert_event_at(size_t index, oi_event_type type, const char *request_id,
                            oi_outcome outcome, const char *cause_id, const char *file,
                            int line)
{
  oi_event ev = event_at(led, index);
  ck_assert_msg(ev.sequence == (uint64_t)index + 1, "%s:%d: event %zu has sequence %llu", file,
                line, index, (unsigned long long)ev.sequence);
  ck_assert_msg(ev.type == type, "%s:%d: event %zu is %s, expected %s", file, line, index,
                oi_event_type_name(ev.type) ? oi_event_type_name(ev.type) : "?",
                oi_event_type_name(type));
  ck_assert_msg(ev.request_id != NULL && strcmp(ev.request_id, request_id) == 0,
                "%s:%d: event %zu is about %s, expected %s", file, line, index,
                ev.request_id ? ev.request_id : "(null)", request_id);
  ck_assert_msg(ev.outcome == outcome, "%s:%d: event %zu outcome %s, expected %s", file, line,
                index, oi_outcome_name(ev.outcome) ? oi_outcome_name(ev.outcome) : "?",
                oi_outcome_name(outcome) ? oi_outcome_name(outcome) : "none");
  if (cause_id == NULL)
    ck_assert_msg(ev.cause_id == NULL, "%s:%d: event %zu has cause %s, expected none", file,
                  line, index, ev.cause_id);
  else
    ck_assert_msg(ev.cause_id != NULL && strcmp(ev.cause_id, cause_id) == 0,
                  "%s:%d: event %zu has cause %s, expected %s", file, line, index,
                  ev.cause_id ? ev.cause_id : "(null)", cause_id);
}
#define ASSERT_EVENT(i, type, id, outcome, cause) \
  assert_event_at((i), (type), (id), (outcome), (cause), __FILE__, __LINE__)

/* Field-by-field reason equality. */
static int same_reasons(size_t na, const oi_reason *a, size_t nb, const oi_reason *b)
{
  size_t i;
  if (na != nb)
    return 0;
  if (na > 0 && (a == NULL || b == NULL))
    return 0;
  for (i = 0; i < na; i++)
    if (a[i].code != b[i].code || a[i].clause != b[i].clause ||
        a[i].severity != b[i].severity || a[i].session != b[i].session ||
        memcmp(a[i].value, b[i].value, sizeof a[i].value) != 0)
      return 0;
  return 1;
}

static int same_str(const char *a, const char *b)
{
  return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Everything that can be observed without changing a ledger, to assert that
 * a failed call changed nothing. */
typedef struct snapshot {
  size_t count;
  size_t events;
  oi_session_summary sums[5];
  oi_outcome status[256];
  int nights[256];
  uint64_t last_sequence;
} snapshot;

static void snap(const oi_ledger *l, snapshot *s)
{
  static const char *const ids[5] = { MD, CO, FL, ADV_MD, ADV_CA };
  size_t i;

  memset(s, 0, sizeof *s);
  s->count = oi_ledger_count(l);
  s->events = oi_ledger_event_count(l);
  for (i = 0; i < 5; i++)
    s->sums[i] = summary_at(l, ids[i], __FILE__, __LINE__);
  for (i = 0; i < s->count && i < 256; i++) {
    oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;
    ck_assert_int_eq(oi_ledger_get_by_number(l, (uint64_t)i + 1, &en, NULL), OI_OK);
    s->status[i] = en.status;
    s->nights[i] = en.nights;
  }
  if (s->events > 0)
    s->last_sequence = event_at(l, s->events - 1).sequence;
}

static void assert_unchanged_at(const oi_ledger *l, const snapshot *before, const char *file,
                                int line)
{
  snapshot now;
  size_t i;

  snap(l, &now);
  ck_assert_msg(now.count == before->count, "%s:%d: request count %zu, was %zu", file, line,
                now.count, before->count);
  ck_assert_msg(now.events == before->events, "%s:%d: event count %zu, was %zu", file, line,
                now.events, before->events);
  ck_assert_msg(now.last_sequence == before->last_sequence, "%s:%d: last event changed", file,
                line);
  for (i = 0; i < 5; i++) {
    const oi_session_summary *a = &now.sums[i], *b = &before->sums[i];
    ck_assert_msg(a->seats == b->seats && a->awarded == b->awarded &&
                      a->waitlisted == b->waitlisted && a->refused == b->refused &&
                      a->withdrawn == b->withdrawn && a->seats_left == b->seats_left &&
                      a->nights == b->nights,
                  "%s:%d: summary of session %zu changed", file, line, i);
  }
  for (i = 0; i < now.count && i < 256; i++)
    ck_assert_msg(now.status[i] == before->status[i] && now.nights[i] == before->nights[i],
                  "%s:%d: request %zu changed", file, line, i + 1);
}
#define ASSERT_UNCHANGED(l, before) assert_unchanged_at((l), (before), __FILE__, __LINE__)

/*
 * A policy built in code: one 1.0 course and three sessions in @p year open to
 * both countries, S-A (March 6-10) and S-B (June 5-9) at "Hotel One", S-C
 * (September 11-15) at "Hotel Two"; @p seats per session, local cap @p cap,
 * 6 weeks, 5 nights. Requests received on (year-1)-12-01 are on time for all.
 */
static oi_policy *build_policy(int year, int seats, int cap)
{
  static const char *const courses[] = { "OI-1.0" };
  const unsigned both = OI_COUNTRY_BIT(OI_COUNTRY_US) | OI_COUNTRY_BIT(OI_COUNTRY_CA);
  oi_policy_numbers n = OI_POLICY_NUMBERS_INIT;
  oi_course c = OI_COURSE_INIT;
  oi_session s[3];
  oi_policy_builder *b = NULL;
  oi_policy *p = NULL;
  size_t i;

  n.year = year;
  n.seats_per_session = seats;
  n.local_cap_per_year = cap;
  n.deadline_weeks = 6;
  n.max_nights = 5;
  n.canada_threshold_cents = 25000000;
  c.id = "OI-1.0";
  c.title = "Officer Institute 1.0";
  c.kind = OI_COURSE_INSTITUTE;
  for (i = 0; i < 3; i++)
    s[i] = (oi_session)OI_SESSION_INIT;
  s[0].id = "S-A";
  s[0].place = "Denver, CO";
  s[0].hotel = "Hotel One";
  s[0].first_day = tu_date(year, 3, 6);
  s[0].last_day = tu_date(year, 3, 10);
  s[1] = s[0];
  s[1].id = "S-B";
  s[1].first_day = tu_date(year, 6, 5);
  s[1].last_day = tu_date(year, 6, 9);
  s[2] = s[0];
  s[2].id = "S-C";
  s[2].place = "Orlando, FL";
  s[2].hotel = "Hotel Two";
  s[2].first_day = tu_date(year, 9, 11);
  s[2].last_day = tu_date(year, 9, 15);
  for (i = 0; i < 3; i++) {
    s[i].countries = both;
    s[i].course_ids = courses;
    s[i].course_count = 1;
  }
  ck_assert_int_eq(oi_policy_builder_new(&b, "ledger-test-policy", &n, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_add_course(b, &c, NULL), OI_OK);
  for (i = 0; i < 3; i++)
    ck_assert_int_eq(oi_policy_builder_add_session(b, &s[i], NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_build(b, &p, NULL), OI_OK);
  oi_policy_builder_free(b);
  return p;
}

/* Replace the fixture's ledger with one on a policy built in code. */
static oi_policy *use_built_policy(int year, int seats, int cap)
{
  oi_policy *p = build_policy(year, seats, cap);
  oi_ledger_free(led);
  led = new_ledger(p);
  return p;
}

static void drop_built_policy(oi_policy *p)
{
  oi_ledger_free(led);
  led = NULL;
  oi_policy_free(p);
}

/* ------------------------------------------------------------------------ */
/* TCase "S4": ten seats, first come first served                           */

START_TEST(test_S4_ten_eligible_from_ten_locals_all_awarded_with_5_nights_at_the_hotel)
{
  const char *hotel = tu_session(pol, MD).hotel;
  size_t md = tu_session_index(pol, MD);
  int k;

  for (k = 1; k <= 10; k++) {
    oi_subsidy_request r = req(str("md-%d", k), MD, 100u + (uint32_t)k, str("o%d", k),
                               at(2016, 12, 1, 9, k));
    oi_decision d = SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED);
    TU_ASSERT_REASON_COUNT(&d, 0);
    ck_assert_int_eq(d.nights, 5);
    ck_assert_int_eq(d.nights_requested, 5);
    ck_assert_int_eq(d.session, (int)md);
    ck_assert_ptr_nonnull(d.payee);
    ck_assert_str_eq(d.payee, hotel);
    ck_assert_str_eq(d.policy_id, oi_policy_id(pol));
    ASSERT_SUMMARY(MD, 10, k, 0, 0, 0, 10 - k);
  }
}
END_TEST

START_TEST(test_S4_eleventh_eligible_waitlisted_seats_taken_10_of_10_seats_left_0)
{
  oi_decision d = OI_DECISION_INIT;

  fill_md();
  d = WAITLIST("md-11", MD, 111, "o11", at(2016, 12, 2, 9, 0));
  TU_ASSERT_REASON_COUNT(&d, 1);
  ASSERT_SEATS_TAKEN(d, 10, 10, tu_session_index(pol, MD));
  TU_ASSERT_NO_REASON(&d, OI_REASON_LOCAL_CAP_REACHED);
  ASSERT_SUMMARY(MD, 10, 10, 1, 0, 0, 0);
  ASSERT_STATUS("md-11", OI_OUTCOME_WAITLISTED);
}
END_TEST

START_TEST(test_S4_tie_in_receipt_time_for_the_last_seat_goes_to_the_first_entered)
{
  oi_decision d = OI_DECISION_INIT;

  fill(MD, "md", 101, 9, tu_date(2016, 12, 1));
  AWARD("tie-entered-first", MD, 201, "ta", at(2016, 12, 5, 10, 0));
  d = WAITLIST("tie-entered-second", MD, 202, "tb", at(2016, 12, 5, 10, 0));
  ASSERT_SEATS_TAKEN(d, 10, 10, tu_session_index(pol, MD));
}
END_TEST

START_TEST(test_S4_tie_for_the_last_seat_in_a_batch_goes_to_the_lower_index)
{
  oi_subsidy_request b[2];
  oi_decision out[2];

  fill(MD, "md", 101, 9, tu_date(2016, 12, 1));
  /* ids chosen so that sorting by id would pick the other one */
  b[0] = req("tie-z", MD, 201, "tz", at(2016, 12, 5, 10, 0));
  b[1] = req("tie-a", MD, 202, "ta", at(2016, 12, 5, 10, 0));
  init_decisions(out, 2);
  ck_assert_int_eq(oi_ledger_submit_many(led, b, 2, sizeof b[0], out, sizeof out[0], NULL),
                   OI_OK);
  TU_ASSERT_OUTCOME(&out[0], OI_OUTCOME_AWARDED);
  TU_ASSERT_OUTCOME(&out[1], OI_OUTCOME_WAITLISTED);
  ck_assert_uint_eq(ENTRY("tie-z").entry_number, 10);
  ck_assert_uint_eq(ENTRY("tie-a").entry_number, 11);
}
END_TEST

START_TEST(test_S4_receipt_order_counts_the_time_of_day_not_only_the_date)
{
  oi_subsidy_request b[2];
  oi_decision out[2];

  fill(MD, "md", 101, 9, tu_date(2016, 12, 1));
  b[0] = req("afternoon", MD, 201, "pm", tu_dt(2016, 12, 5, 17, 0, 0));
  b[1] = req("morning", MD, 202, "am", tu_dt(2016, 12, 5, 8, 59, 59));
  init_decisions(out, 2);
  ck_assert_int_eq(oi_ledger_submit_many(led, b, 2, sizeof b[0], out, sizeof out[0], NULL),
                   OI_OK);
  TU_ASSERT_OUTCOME(&out[1], OI_OUTCOME_AWARDED);
  TU_ASSERT_OUTCOME(&out[0], OI_OUTCOME_WAITLISTED);
  ASSERT_STATUS("morning", OI_OUTCOME_AWARDED);
  ASSERT_STATUS("afternoon", OI_OUTCOME_WAITLISTED);
}
END_TEST

START_TEST(test_S4_one_second_earlier_receipt_wins_the_last_seat_in_a_batch)
{
  oi_subsidy_request b[2];
  oi_decision out[2];

  fill(MD, "md", 101, 9, tu_date(2016, 12, 1));
  b[0] = req("second-later", MD, 201, "x", tu_dt(2016, 12, 5, 10, 0, 1));
  b[1] = req("second-earlier", MD, 202, "y", tu_dt(2016, 12, 5, 10, 0, 0));
  init_decisions(out, 2);
  ck_assert_int_eq(oi_ledger_submit_many(led, b, 2, sizeof b[0], out, sizeof out[0], NULL),
                   OI_OK);
  TU_ASSERT_OUTCOME(&out[1], OI_OUTCOME_AWARDED);
  TU_ASSERT_OUTCOME(&out[0], OI_OUTCOME_WAITLISTED);
}
END_TEST

START_TEST(test_S4_eleventh_received_before_all_awards_is_waitlisted_and_first_in_waitlist)
{
  oi_decision d = OI_DECISION_INIT;
  int k;

  fill_md();
  (void)WAITLIST("received-late", MD, 201, "ol", at(2016, 12, 20, 9, 0));
  /* received a month before every award, entered after all of them */
  d = WAITLIST("received-early", MD, 202, "oe", at(2016, 11, 1, 9, 0));
  ASSERT_SEATS_TAKEN(d, 10, 10, tu_session_index(pol, MD));
  for (k = 1; k <= 10; k++) /* awards stand (S11) */
    ASSERT_STATUS(str("md-%d", k), OI_OUTCOME_AWARDED);
  ASSERT_LIST(MD, OI_OUTCOME_WAITLISTED, "received-early", "received-late");
  ck_assert_uint_eq(ENTRY("received-early").entry_number, 12);
}
END_TEST

START_TEST(test_S4_seats_are_per_session_full_md_leaves_co_with_10)
{
  fill_md();
  AWARD("co-1", CO, 111, "c1", at(2017, 3, 1, 9, 0));
  ASSERT_SUMMARY(CO, 10, 1, 0, 0, 0, 9);
  ASSERT_SUMMARY(FL, 10, 0, 0, 0, 0, 10);
}
END_TEST

START_TEST(test_S4_seats_come_from_the_policy_3_seat_policy_waitlists_the_4th_with_3_of_3)
{
  oi_policy *p = use_built_policy(2017, 3, 2);
  oi_decision d = OI_DECISION_INIT;

  AWARD("a1", "S-A", 1, "o1", at(2016, 12, 1, 9, 1));
  AWARD("a2", "S-A", 2, "o2", at(2016, 12, 1, 9, 2));
  AWARD("a3", "S-A", 3, "o3", at(2016, 12, 1, 9, 3));
  d = WAITLIST("a4", "S-A", 4, "o4", at(2016, 12, 1, 9, 4));
  TU_ASSERT_REASON_COUNT(&d, 1);
  ASSERT_SEATS_TAKEN(d, 3, 3, 0);
  ASSERT_SUMMARY("S-A", 3, 3, 1, 0, 0, 0);
  drop_built_policy(p);
}
END_TEST

START_TEST(test_S4_a_2_0_session_has_0_seats_and_refuses_for_S1_not_waitlists)
{
  oi_subsidy_request r = req("adv", ADV_MD, 101, "o1", at(2016, 12, 1, 9, 0));
  oi_decision d = SUBMIT_EXPECT(r, OI_OUTCOME_REFUSED);

  TU_ASSERT_REFUSAL(&d, OI_REASON_NO_SUBSIDY_FOR_COURSE, OI_CLAUSE_S1);
  TU_ASSERT_NO_REASON(&d, OI_REASON_SEATS_TAKEN);
  ck_assert_int_eq(d.nights, 0);
  ck_assert_ptr_null(d.payee);
  ASSERT_SUMMARY(ADV_MD, 0, 0, 0, 1, 0, 0);
}
END_TEST

START_TEST(test_S4_refused_requests_take_no_seat_the_10_awards_after_a_refusal)
{
  oi_subsidy_request late = req("late", MD, 100, "ol", at(2017, 1, 3, 9, 0));
  (void)SUBMIT_EXPECT(late, OI_OUTCOME_REFUSED);
  fill_md(); /* all ten still awarded */
  ASSERT_SUMMARY(MD, 10, 10, 0, 1, 0, 0);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* TCase "S5": two officers per local per calendar year                     */

START_TEST(test_S5_third_officer_of_a_local_waitlisted_across_sessions_cap_2_of_2_year_2017)
{
  oi_decision d = OI_DECISION_INIT;

  AWARD("L-md-1", MD, 500, "la", at(2016, 12, 1, 9, 0));
  AWARD("L-md-2", MD, 500, "lb", at(2016, 12, 1, 9, 1));
  d = WAITLIST("L-co", CO, 500, "lc", at(2017, 3, 1, 9, 0));
  TU_ASSERT_REASON_COUNT(&d, 1); /* CO has all its seats: S5 only */
  ASSERT_CAP_REACHED(d, 500, 2017, 2, 2);
  ck_assert_int_eq(tu_find_reason(&d, OI_REASON_LOCAL_CAP_REACHED)->session,
                   (int)tu_session_index(pol, CO));
  ASSERT_SUMMARY(CO, 10, 0, 1, 0, 0, 10);
  ck_assert_uint_eq(local_awards(500, 2017), 2);
}
END_TEST

START_TEST(test_S5_third_officer_at_the_same_session_waitlisted)
{
  oi_decision d = OI_DECISION_INIT;

  AWARD("L-1", FL, 500, "la", at(2017, 6, 1, 9, 0));
  AWARD("L-2", FL, 500, "lb", at(2017, 6, 1, 9, 1));
  d = WAITLIST("L-3", FL, 500, "lc", at(2017, 6, 1, 9, 2));
  TU_ASSERT_REASON_COUNT(&d, 1);
  ASSERT_CAP_REACHED(d, 500, 2017, 2, 2);
  ASSERT_SUMMARY(FL, 10, 2, 1, 0, 0, 8);
}
END_TEST

START_TEST(test_S5_the_cap_is_per_local_another_local_is_awarded)
{
  AWARD("L-1", MD, 500, "la", at(2016, 12, 1, 9, 0));
  AWARD("L-2", MD, 500, "lb", at(2016, 12, 1, 9, 1));
  AWARD("M-1", CO, 501, "ma", at(2017, 3, 1, 9, 0));
  AWARD("M-2", FL, 501, "mb", at(2017, 6, 1, 9, 0));
  ck_assert_uint_eq(local_awards(500, 2017), 2);
  ck_assert_uint_eq(local_awards(501, 2017), 2);
}
END_TEST

START_TEST(test_S5_year_is_the_sessions_2017_not_the_receipt_year_2016_counts_0)
{
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;

  /* received in 2016 for a session whose first day is in 2017 */
  AWARD("L-1", MD, 500, "la", at(2016, 12, 1, 9, 0));
  AWARD("L-2", MD, 500, "lb", at(2016, 11, 1, 9, 0));
  en = ENTRY("L-1");
  ck_assert_int_eq(en.year, 2017);
  ck_assert_uint_eq(local_awards(500, 2017), 2);
  ck_assert_uint_eq(local_awards(500, 2016), 0);
  ck_assert_uint_eq(local_awards(500, 2018), 0);
}
END_TEST

START_TEST(test_S5_2018_policy_counts_2018_in_reason_value1_and_local_awards)
{
  oi_policy *p = use_built_policy(2018, 10, 2);
  oi_decision d = OI_DECISION_INIT;

  /* received in 2017, sessions in 2018 */
  AWARD("L-1", "S-A", 500, "la", at(2017, 12, 1, 9, 0));
  AWARD("L-2", "S-B", 500, "lb", at(2017, 12, 1, 9, 1));
  d = WAITLIST("L-3", "S-C", 500, "lc", at(2017, 12, 1, 9, 2));
  ASSERT_CAP_REACHED(d, 500, 2018, 2, 2);
  ck_assert_int_eq(ENTRY("L-3").year, 2018);
  ck_assert_uint_eq(local_awards(500, 2018), 2);
  ck_assert_uint_eq(local_awards(500, 2017), 0);
  drop_built_policy(p);
}
END_TEST

START_TEST(test_S5_cap_comes_from_the_policy_cap_1_waitlists_the_2nd_with_1_of_1)
{
  oi_policy *p = use_built_policy(2017, 10, 1);
  oi_decision d = OI_DECISION_INIT;

  AWARD("L-1", "S-A", 500, "la", at(2016, 12, 1, 9, 0));
  d = WAITLIST("L-2", "S-B", 500, "lb", at(2016, 12, 1, 9, 1));
  TU_ASSERT_REASON_COUNT(&d, 1);
  ASSERT_CAP_REACHED(d, 500, 2017, 1, 1);
  drop_built_policy(p);
}
END_TEST

START_TEST(test_S5_counts_awards_only_not_waitlisted_or_refused_requests)
{
  oi_subsidy_request late;

  fill_md();
  (void)WAITLIST("L-md", MD, 500, "la", at(2016, 12, 2, 9, 0)); /* waits for a seat */
  late = req("L-late", CO, 500, "lb", at(2017, 3, 28, 9, 0));  /* a day late */
  (void)SUBMIT_EXPECT(late, OI_OUTCOME_REFUSED);
  AWARD("L-co", CO, 500, "lc", at(2017, 3, 1, 9, 0));
  AWARD("L-fl", FL, 500, "ld", at(2017, 6, 1, 9, 0));
  ck_assert_uint_eq(local_awards(500, 2017), 2);
}
END_TEST

START_TEST(test_S5_and_S4_at_once_waitlisted_with_both_reasons)
{
  oi_decision d = OI_DECISION_INIT;

  AWARD("L-1", MD, 500, "la", at(2016, 12, 1, 8, 0));
  AWARD("L-2", MD, 500, "lb", at(2016, 12, 1, 8, 1));
  fill(MD, "md", 101, 8, tu_date(2016, 12, 1)); /* 2 + 8 = 10 */
  d = WAITLIST("L-3", MD, 500, "lc", at(2016, 12, 2, 9, 0));
  TU_ASSERT_REASON_COUNT(&d, 2);
  ASSERT_SEATS_TAKEN(d, 10, 10, tu_session_index(pol, MD));
  ASSERT_CAP_REACHED(d, 500, 2017, 2, 2);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* TCase "S9": one subsidy per officer per year                             */

START_TEST(test_S9_same_officer_twice_refused_value0_2017_value1_entry_number_of_first)
{
  oi_subsidy_request again;
  oi_decision d = OI_DECISION_INIT;
  const oi_reason *r;

  AWARD("other-1", MD, 101, "x1", at(2016, 12, 1, 9, 0));
  AWARD("other-2", MD, 102, "x2", at(2016, 12, 1, 9, 1));
  AWARD("first", MD, 500, "officer-X", at(2016, 12, 1, 9, 2)); /* entry 3 */
  /* the same officer id, through another local, at another session */
  again = req("second", CO, 501, "officer-X", at(2017, 3, 1, 9, 0));
  d = SUBMIT_EXPECT(again, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 1);
  r = TU_ASSERT_REFUSAL(&d, OI_REASON_OFFICER_ALREADY_SUBSIDIZED, OI_CLAUSE_S9);
  ck_assert_int_eq(r->value[0], 2017);
  ck_assert_int_eq(r->value[1], 3);
  ck_assert_int_eq(d.nights, 0);
  ck_assert_ptr_null(d.payee);
  ASSERT_SUMMARY(CO, 10, 0, 0, 1, 0, 10);
  ck_assert_uint_eq(local_awards(501, 2017), 0);
}
END_TEST

START_TEST(test_S9_blocked_also_when_the_first_is_merely_waitlisted)
{
  oi_subsidy_request again;
  oi_decision d = OI_DECISION_INIT;
  const oi_reason *r;

  fill_md();
  (void)WAITLIST("first", MD, 500, "officer-X", at(2016, 12, 2, 9, 0)); /* entry 11 */
  again = req("second", CO, 500, "officer-X", at(2017, 3, 1, 9, 0));
  d = SUBMIT_EXPECT(again, OI_OUTCOME_REFUSED);
  r = TU_ASSERT_REFUSAL(&d, OI_REASON_OFFICER_ALREADY_SUBSIDIZED, OI_CLAUSE_S9);
  ck_assert_int_eq(r->value[1], 11);
}
END_TEST

START_TEST(test_S9_after_the_first_is_withdrawn_a_new_request_is_awarded)
{
  oi_subsidy_request again;
  oi_decision d = OI_DECISION_INIT;

  AWARD("first", MD, 500, "officer-X", at(2016, 12, 1, 9, 0));
  (void)WITHDRAW("first");
  again = req("second", CO, 500, "officer-X", at(2017, 3, 1, 9, 0));
  d = SUBMIT_EXPECT(again, OI_OUTCOME_AWARDED);
  TU_ASSERT_NO_REASON(&d, OI_REASON_OFFICER_ALREADY_SUBSIDIZED);
}
END_TEST

START_TEST(test_S9_after_a_waitlisted_first_is_withdrawn_a_new_request_is_awarded)
{
  oi_subsidy_request again;

  fill_md();
  (void)WAITLIST("first", MD, 500, "officer-X", at(2016, 12, 2, 9, 0));
  (void)WITHDRAW("first");
  again = req("second", CO, 500, "officer-X", at(2017, 3, 1, 9, 0));
  (void)SUBMIT_EXPECT(again, OI_OUTCOME_AWARDED);
}
END_TEST

START_TEST(test_S9_a_refused_first_request_blocks_nothing)
{
  oi_subsidy_request first = req("first", MD, 500, "officer-X", at(2017, 1, 3, 9, 0)); /* late */
  oi_subsidy_request again = req("second", CO, 500, "officer-X", at(2017, 3, 1, 9, 0));
  oi_decision d = SUBMIT_EXPECT(first, OI_OUTCOME_REFUSED);

  TU_ASSERT_REFUSAL(&d, OI_REASON_RECEIVED_LATE, OI_CLAUSE_S6);
  d = SUBMIT_EXPECT(again, OI_OUTCOME_AWARDED);
  TU_ASSERT_NO_REASON(&d, OI_REASON_OFFICER_ALREADY_SUBSIDIZED);
}
END_TEST

START_TEST(test_S9_a_refused_S9_duplicate_blocks_nothing_after_the_first_is_withdrawn)
{
  oi_subsidy_request dup = req("dup", CO, 500, "officer-X", at(2017, 3, 1, 9, 0));
  oi_subsidy_request third = req("third", FL, 500, "officer-X", at(2017, 6, 1, 9, 0));

  AWARD("first", MD, 500, "officer-X", at(2016, 12, 1, 9, 0));
  (void)SUBMIT_EXPECT(dup, OI_OUTCOME_REFUSED);
  (void)WITHDRAW("first");
  (void)SUBMIT_EXPECT(third, OI_OUTCOME_AWARDED);
}
END_TEST

START_TEST(test_S9_duplicate_received_one_day_late_lists_both_S6_and_S9)
{
  /* MD's deadline is 2017-01-02 (2017-02-13 minus 42 days) */
  oi_subsidy_request dup = req("dup", MD, 500, "officer-X", at(2017, 1, 3, 9, 0));
  oi_decision d = OI_DECISION_INIT;
  const oi_reason *r;

  AWARD("first", MD, 500, "officer-X", at(2016, 12, 1, 9, 0));
  d = SUBMIT_EXPECT(dup, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 2);
  r = TU_ASSERT_REFUSAL(&d, OI_REASON_RECEIVED_LATE, OI_CLAUSE_S6);
  ck_assert_int_eq(r->value[0], tu_days(2017, 1, 3));
  ck_assert_int_eq(r->value[1], 41);
  ck_assert_int_eq(r->value[2], tu_days(2017, 1, 2));
  ck_assert_int_eq(r->value[3], 6);
  r = TU_ASSERT_REFUSAL(&d, OI_REASON_OFFICER_ALREADY_SUBSIDIZED, OI_CLAUSE_S9);
  ck_assert_int_eq(r->value[0], 2017);
  ck_assert_int_eq(r->value[1], 1);
}
END_TEST

START_TEST(test_S9_duplicate_with_every_stateless_fault_lists_them_all_and_S9)
{
  oi_subsidy_request dup = req("dup", ADV_MD, 500, "officer-X", at(2017, 2, 1, 9, 0));
  oi_decision d = OI_DECISION_INIT;

  dup.local.lm_form = OI_LM_2;
  dup.attested = 0;
  dup.request_signed = 0;
  AWARD("first", MD, 500, "officer-X", at(2016, 12, 1, 9, 0));
  d = SUBMIT_EXPECT(dup, OI_OUTCOME_REFUSED);
  TU_ASSERT_REFUSAL(&d, OI_REASON_NO_SUBSIDY_FOR_COURSE, OI_CLAUSE_S1);
  TU_ASSERT_REFUSAL(&d, OI_REASON_US_FORM_NOT_ELIGIBLE, OI_CLAUSE_S2);
  TU_ASSERT_REFUSAL(&d, OI_REASON_NOT_ATTESTED, OI_CLAUSE_S2);
  TU_ASSERT_REFUSAL(&d, OI_REASON_RECEIVED_LATE, OI_CLAUSE_S6); /* ADV-MD: by 2017-01-11 */
  TU_ASSERT_REFUSAL(&d, OI_REASON_REQUEST_NOT_SIGNED, OI_CLAUSE_S8);
  TU_ASSERT_REFUSAL(&d, OI_REASON_OFFICER_ALREADY_SUBSIDIZED, OI_CLAUSE_S9);
  TU_ASSERT_REASON_COUNT(&d, 6);
}
END_TEST

START_TEST(test_S9_duplicate_at_a_full_session_is_refused_with_S9_only_no_S4_reason)
{
  oi_subsidy_request dup = req("dup", MD, 101, "md-o1", at(2016, 12, 2, 9, 0));
  oi_decision d = OI_DECISION_INIT;

  fill_md(); /* md-o1 holds an award */
  d = SUBMIT_EXPECT(dup, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 1);
  TU_ASSERT_REFUSAL(&d, OI_REASON_OFFICER_ALREADY_SUBSIDIZED, OI_CLAUSE_S9);
  ASSERT_SUMMARY(MD, 10, 10, 0, 1, 0, 0);
}
END_TEST

START_TEST(test_S9_different_officers_of_one_local_are_not_S9)
{
  AWARD("a", MD, 500, "officer-X", at(2016, 12, 1, 9, 0));
  AWARD("b", MD, 500, "officer-Y", at(2016, 12, 1, 9, 1));
}
END_TEST

/* ------------------------------------------------------------------------ */
/* TCase "S10": withdrawal and the waitlist                                 */

START_TEST(test_S10_withdrawing_an_award_promotes_the_earliest_received_waitlisted)
{
  oi_withdrawal w = OI_WITHDRAWAL_INIT;
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;

  fill_md();
  (void)WAITLIST("w-late", MD, 201, "wl", at(2016, 12, 20, 9, 0));  /* entered first */
  (void)WAITLIST("w-early", MD, 202, "we", at(2016, 12, 15, 9, 0)); /* received first */
  w = WITHDRAW("md-3");
  ck_assert_int_eq(w.previous, OI_OUTCOME_AWARDED);
  ASSERT_PROMOTED(w, "w-early");
  en = ENTRY("w-early");
  ck_assert_int_eq(en.status, OI_OUTCOME_AWARDED);
  ck_assert_int_eq(en.nights, 5);
  ck_assert_str_eq(en.payee, tu_session(pol, MD).hotel);
  ck_assert_uint_eq(en.reason_count, 0); /* "none once awarded" */
  ASSERT_STATUS("md-3", OI_OUTCOME_WITHDRAWN);
  ASSERT_STATUS("w-late", OI_OUTCOME_WAITLISTED);
  ASSERT_SUMMARY(MD, 10, 10, 1, 0, 1, 0);
  ASSERT_LIST(MD, OI_OUTCOME_WAITLISTED, "w-late");
}
END_TEST

START_TEST(test_S10_promotion_pays_at_most_5_nights_of_7_requested)
{
  oi_subsidy_request r = req("w", MD, 201, "w", at(2016, 12, 20, 9, 0));
  oi_withdrawal w = OI_WITHDRAWAL_INIT;
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;

  fill_md();
  r.nights = 7;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_WAITLISTED);
  w = WITHDRAW("md-1");
  ASSERT_PROMOTED(w, "w");
  en = ENTRY("w");
  ck_assert_int_eq(en.nights_requested, 7);
  ck_assert_int_eq(en.nights, 5);
}
END_TEST

START_TEST(test_S10_promotion_skips_a_waitlisted_request_blocked_by_its_locals_cap)
{
  oi_withdrawal w = OI_WITHDRAWAL_INIT;

  AWARD("L-1", MD, 500, "la", at(2016, 12, 1, 8, 0));
  AWARD("L-2", MD, 500, "lb", at(2016, 12, 1, 8, 1));
  fill(MD, "md", 101, 8, tu_date(2016, 12, 1));
  (void)WAITLIST("L-3", MD, 500, "lc", at(2016, 11, 1, 9, 0)); /* earliest, but capped */
  (void)WAITLIST("other", MD, 300, "ot", at(2016, 12, 20, 9, 0));
  w = WITHDRAW("md-2");
  ASSERT_PROMOTED(w, "other");
  ASSERT_STATUS("L-3", OI_OUTCOME_WAITLISTED);
  ASSERT_STATUS("other", OI_OUTCOME_AWARDED);
  /* now free L's slot and a seat: L-3 fits and is promoted */
  w = WITHDRAW("L-1");
  ASSERT_PROMOTED(w, "L-3");
  ck_assert_uint_eq(local_awards(500, 2017), 2);
}
END_TEST

START_TEST(test_S10_a_withdrawn_award_with_only_capped_waitlisted_leaves_the_seat_free)
{
  oi_withdrawal w = OI_WITHDRAWAL_INIT;

  AWARD("L-1", MD, 500, "la", at(2016, 12, 1, 8, 0));
  AWARD("L-2", CO, 500, "lb", at(2017, 3, 1, 8, 0));
  fill(MD, "md", 101, 9, tu_date(2016, 12, 1));
  (void)WAITLIST("L-3", MD, 500, "lc", at(2016, 12, 2, 9, 0));
  w = WITHDRAW("md-4");
  ASSERT_PROMOTED_NONE(w);
  ASSERT_SUMMARY(MD, 10, 9, 1, 0, 1, 1);
  /* a new request from another local takes the free seat at once */
  AWARD("newcomer", MD, 600, "nc", at(2016, 12, 30, 9, 0));
}
END_TEST

/*
 * doc/policy.md S10's example: one withdrawal promotes two. Local 500 holds an
 * award at MD and one at FL (its cap); its request at CO, which has free
 * seats, waits only for the cap. MD is full and another local's request
 * waits for a seat. Withdrawing 500's MD award frees an MD seat and 500's
 * slot: both waiting requests now fit, promoted earliest receipt first.
 */
static void setup_two_promotions(oi_datetime l_co_received)
{
  oi_decision d = OI_DECISION_INIT;

  AWARD("L-md", MD, 500, "la", at(2016, 12, 1, 8, 0));
  fill(MD, "md", 101, 9, tu_date(2016, 12, 1));
  AWARD("L-fl", FL, 500, "lb", at(2017, 6, 1, 9, 0));
  d = WAITLIST("L-co", CO, 500, "lc", l_co_received);
  TU_ASSERT_REASON_COUNT(&d, 1);
  ASSERT_CAP_REACHED(d, 500, 2017, 2, 2);
  d = WAITLIST("o-md", MD, 300, "om", at(2016, 12, 20, 9, 0));
  TU_ASSERT_REASON_COUNT(&d, 1);
  ASSERT_SEATS_TAKEN(d, 10, 10, tu_session_index(pol, MD));
}

START_TEST(test_S10_one_withdrawal_promotes_two_seat_first_when_received_first)
{
  oi_withdrawal w = OI_WITHDRAWAL_INIT;

  setup_two_promotions(at(2017, 2, 1, 9, 0)); /* L-co received after o-md */
  w = WITHDRAW("L-md");
  ASSERT_PROMOTED(w, "o-md", "L-co");
  ASSERT_STATUS("o-md", OI_OUTCOME_AWARDED);
  ASSERT_STATUS("L-co", OI_OUTCOME_AWARDED);
  ASSERT_SUMMARY(MD, 10, 10, 0, 0, 1, 0);
  ASSERT_SUMMARY(CO, 10, 1, 0, 0, 0, 9);
  ck_assert_uint_eq(local_awards(500, 2017), 2);
}
END_TEST

START_TEST(test_S10_one_withdrawal_promotes_two_local_slot_first_when_received_first)
{
  oi_withdrawal w = OI_WITHDRAWAL_INIT;

  setup_two_promotions(at(2016, 11, 15, 9, 0)); /* L-co received before o-md */
  w = WITHDRAW("L-md");
  ASSERT_PROMOTED(w, "L-co", "o-md");
}
END_TEST

START_TEST(test_S10_earliest_fitting_request_of_the_same_local_takes_both_seat_and_slot)
{
  oi_withdrawal w = OI_WITHDRAWAL_INIT;

  setup_two_promotions(at(2017, 2, 1, 9, 0));
  /* 500's third request at MD, received before everything: blocked by S4 and S5 */
  (void)WAITLIST("L-md2", MD, 500, "ld", at(2016, 10, 1, 9, 0));
  w = WITHDRAW("L-md");
  ASSERT_PROMOTED(w, "L-md2");
  ASSERT_STATUS("o-md", OI_OUTCOME_WAITLISTED);
  ASSERT_STATUS("L-co", OI_OUTCOME_WAITLISTED);
}
END_TEST

START_TEST(test_S10_withdrawing_a_waitlisted_request_promotes_nobody_and_leaves_the_waitlist)
{
  oi_withdrawal w = OI_WITHDRAWAL_INIT;

  fill_md();
  (void)WAITLIST("w1", MD, 201, "w1", at(2016, 12, 20, 9, 0));
  (void)WAITLIST("w2", MD, 202, "w2", at(2016, 12, 21, 9, 0));
  w = WITHDRAW("w1");
  ck_assert_int_eq(w.previous, OI_OUTCOME_WAITLISTED);
  ASSERT_PROMOTED_NONE(w);
  ASSERT_STATUS("w1", OI_OUTCOME_WITHDRAWN);
  ASSERT_SUMMARY(MD, 10, 10, 1, 0, 1, 0);
  ASSERT_LIST(MD, OI_OUTCOME_WAITLISTED, "w2");
  ASSERT_LIST(MD, OI_OUTCOME_WITHDRAWN, "w1");
  /* the withdrawn one never comes back: the next seat goes to w2 */
  w = WITHDRAW("md-5");
  ASSERT_PROMOTED(w, "w2");
  ASSERT_STATUS("w1", OI_OUTCOME_WITHDRAWN);
}
END_TEST

START_TEST(test_S10_withdrawing_an_unknown_id_is_enotfound_and_changes_nothing)
{
  snapshot before;
  oi_withdrawal w, sentinel;
  oi_error e;

  fill_md();
  (void)WAITLIST("w1", MD, 201, "w1", at(2016, 12, 20, 9, 0));
  snap(led, &before);
  memset(&w, TU_SENTINEL, sizeof w);
  w.version = OI_WITHDRAWAL_VERSION;
  sentinel = w;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_ledger_withdraw(led, "no-such-request", &w, &e), OI_ENOTFOUND);
  ck_assert_int_eq(e.status, OI_ENOTFOUND);
  ck_assert_msg(memcmp(&w, &sentinel, sizeof w) == 0, "a failed withdrawal wrote its output");
  ASSERT_UNCHANGED(led, &before);
}
END_TEST

START_TEST(test_S10_withdrawing_twice_is_estate_and_changes_nothing)
{
  snapshot before;
  oi_withdrawal w, sentinel;
  oi_error e;

  fill_md();
  (void)WAITLIST("w1", MD, 201, "w1", at(2016, 12, 20, 9, 0));
  (void)WITHDRAW("md-1"); /* promotes w1 */
  snap(led, &before);
  memset(&w, TU_SENTINEL, sizeof w);
  w.version = OI_WITHDRAWAL_VERSION;
  sentinel = w;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_ledger_withdraw(led, "md-1", &w, &e), OI_ESTATE);
  ck_assert_int_eq(e.status, OI_ESTATE);
  ck_assert_msg(memcmp(&w, &sentinel, sizeof w) == 0, "a failed withdrawal wrote its output");
  ASSERT_UNCHANGED(led, &before);
}
END_TEST

START_TEST(test_S10_withdrawing_a_refused_request_is_estate_and_changes_nothing)
{
  oi_subsidy_request late = req("late", MD, 500, "ol", at(2017, 1, 3, 9, 0));
  snapshot before;

  (void)SUBMIT_EXPECT(late, OI_OUTCOME_REFUSED);
  snap(led, &before);
  ck_assert_int_eq(oi_ledger_withdraw(led, "late", NULL, NULL), OI_ESTATE);
  ASSERT_UNCHANGED(led, &before);
  ASSERT_STATUS("late", OI_OUTCOME_REFUSED);
}
END_TEST

START_TEST(test_S10_a_waitlisted_request_keeps_its_place_by_receipt_across_promotions)
{
  oi_withdrawal w = OI_WITHDRAWAL_INIT;

  fill_md();
  (void)WAITLIST("w-c", MD, 203, "wc", at(2016, 12, 22, 9, 0));
  (void)WAITLIST("w-a", MD, 201, "wa", at(2016, 12, 20, 9, 0));
  (void)WAITLIST("w-b", MD, 202, "wb", at(2016, 12, 21, 9, 0));
  ASSERT_LIST(MD, OI_OUTCOME_WAITLISTED, "w-a", "w-b", "w-c");
  w = WITHDRAW("md-10");
  ASSERT_PROMOTED(w, "w-a");
  w = WITHDRAW("md-9");
  ASSERT_PROMOTED(w, "w-b");
  w = WITHDRAW("w-a");
  ASSERT_PROMOTED(w, "w-c");
  ASSERT_LIST(MD, OI_OUTCOME_WAITLISTED, NULL);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* TCase "S11": awards stand; a batch is entering one by one in receipt order */

START_TEST(test_S11_late_entered_earlier_received_request_of_a_capped_local_displaces_nothing)
{
  oi_decision d = OI_DECISION_INIT;

  AWARD("L-1", MD, 500, "la", at(2016, 12, 10, 9, 0));
  AWARD("L-2", CO, 500, "lb", at(2017, 3, 10, 9, 0));
  d = WAITLIST("L-0", FL, 500, "lc", at(2016, 9, 1, 9, 0)); /* received before both */
  ASSERT_CAP_REACHED(d, 500, 2017, 2, 2);
  ASSERT_STATUS("L-1", OI_OUTCOME_AWARDED);
  ASSERT_STATUS("L-2", OI_OUTCOME_AWARDED);
}
END_TEST

START_TEST(test_S11_a_batch_received_before_every_award_displaces_none)
{
  oi_subsidy_request b[3];
  oi_decision out[3];
  int k;

  fill_md();
  b[0] = req("b0", MD, 201, "b0", at(2016, 9, 3, 9, 0));
  b[1] = req("b1", MD, 202, "b1", at(2016, 9, 1, 9, 0));
  b[2] = req("b2", MD, 203, "b2", at(2016, 9, 2, 9, 0));
  init_decisions(out, 3);
  ck_assert_int_eq(oi_ledger_submit_many(led, b, 3, sizeof b[0], out, sizeof out[0], NULL),
                   OI_OK);
  for (k = 0; k < 3; k++)
    TU_ASSERT_OUTCOME(&out[k], OI_OUTCOME_WAITLISTED);
  for (k = 1; k <= 10; k++)
    ASSERT_STATUS(str("md-%d", k), OI_OUTCOME_AWARDED);
  ASSERT_LIST(MD, OI_OUTCOME_WAITLISTED, "b1", "b2", "b0");
}
END_TEST

START_TEST(test_S11_batch_of_12_shuffled_awards_the_10_earliest_received)
{
  /* received on 2016-12-01 at 09:00 + rank minutes; shuffled in the array */
  static const int rank[12] = { 7, 11, 0, 5, 9, 2, 10, 1, 8, 3, 6, 4 };
  oi_subsidy_request b[12];
  oi_decision out[12];
  int i;

  for (i = 0; i < 12; i++)
    b[i] = req(str("r%d", rank[i]), MD, 300u + (uint32_t)i, str("o%d", i),
               at(2016, 12, 1, 9, rank[i]));
  init_decisions(out, 12);
  ck_assert_int_eq(oi_ledger_submit_many(led, b, 12, sizeof b[0], out, sizeof out[0], NULL),
                   OI_OK);
  for (i = 0; i < 12; i++) {
    oi_ledger_entry en = ENTRY(b[i].id);
    TU_ASSERT_OUTCOME(&out[i], rank[i] < 10 ? OI_OUTCOME_AWARDED : OI_OUTCOME_WAITLISTED);
    ck_assert_int_eq(en.status, out[i].outcome);
    /* entered in receipt order */
    ck_assert_uint_eq(en.entry_number, (uint64_t)rank[i] + 1);
  }
  ASSERT_LIST(MD, OI_OUTCOME_WAITLISTED, "r10", "r11");
}
END_TEST

/* --- batch equals sequential ------------------------------------------- */

static uint64_t prng_state;

static uint64_t prng(void) /* xorshift64 */
{
  uint64_t x = prng_state;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return prng_state = x;
}

static uint32_t prng_below(uint32_t n)
{
  return (uint32_t)(prng() % n);
}

static void assert_same_entry(const oi_ledger_entry *a, const oi_ledger_entry *b, uint64_t k)
{
  ck_assert_msg(same_str(a->id, b->id), "entry %llu: id %s vs %s", (unsigned long long)k, a->id,
                b->id);
  ck_assert_msg(a->entry_number == b->entry_number && a->entry_number == k,
                "entry %llu: numbers %llu vs %llu", (unsigned long long)k,
                (unsigned long long)a->entry_number, (unsigned long long)b->entry_number);
  ck_assert_msg(a->session == b->session && same_str(a->session_id, b->session_id) &&
                    a->year == b->year && a->local_number == b->local_number &&
                    a->country == b->country && a->district == b->district &&
                    same_str(a->officer_id, b->officer_id) &&
                    oi_datetime_compare(a->received, b->received) == 0,
                "entry %llu (%s): request fields differ", (unsigned long long)k, a->id);
  ck_assert_msg(a->status == b->status, "entry %llu (%s): status %s vs %s",
                (unsigned long long)k, a->id, oi_outcome_name(a->status),
                oi_outcome_name(b->status));
  ck_assert_msg(a->nights_requested == b->nights_requested && a->nights == b->nights &&
                    a->nights_if_awarded == b->nights_if_awarded &&
                    same_str(a->payee, b->payee),
                "entry %llu (%s): nights/payee differ (%d vs %d)", (unsigned long long)k,
                a->id, a->nights, b->nights);
  ck_assert_msg(same_reasons(a->reason_count, a->reasons, b->reason_count, b->reasons),
                "entry %llu (%s): reasons differ (%zu vs %zu)", (unsigned long long)k, a->id,
                a->reason_count, b->reason_count);
}

static void assert_same_ledgers(const oi_ledger *a, const oi_ledger *b)
{
  size_t n = oi_ledger_count(a), i;

  ck_assert_uint_eq(n, oi_ledger_count(b));
  for (i = 1; i <= n; i++) {
    oi_ledger_entry ea = OI_LEDGER_ENTRY_INIT, eb = OI_LEDGER_ENTRY_INIT;
    ck_assert_int_eq(oi_ledger_get_by_number(a, (uint64_t)i, &ea, NULL), OI_OK);
    ck_assert_int_eq(oi_ledger_get_by_number(b, (uint64_t)i, &eb, NULL), OI_OK);
    assert_same_entry(&ea, &eb, (uint64_t)i);
  }
  n = oi_ledger_event_count(a);
  ck_assert_uint_eq(n, oi_ledger_event_count(b));
  for (i = 0; i < n; i++) {
    oi_event x = event_at(a, i), y = event_at(b, i);
    ck_assert_msg(x.sequence == y.sequence && x.sequence == (uint64_t)i + 1 &&
                      x.type == y.type && same_str(x.request_id, y.request_id) &&
                      x.outcome == y.outcome && same_str(x.cause_id, y.cause_id) &&
                      x.nights == y.nights &&
                      same_reasons(x.reason_count, x.reasons, y.reason_count, y.reasons),
                  "event %zu differs: %s %s vs %s %s", i, oi_event_type_name(x.type),
                  x.request_id ? x.request_id : "-", oi_event_type_name(y.type),
                  y.request_id ? y.request_id : "-");
  }
}

#define BATCH_N 200

START_TEST(test_S11_batch_of_200_shuffled_equals_one_by_one_in_stable_receipt_order)
{
  static const char *const sessions[4] = { MD, CO, FL, ADV_MD };
  static const int first_day[3][2] = { { 2, 13 }, { 5, 8 }, { 10, 16 } };
  oi_subsidy_request *reqs = calloc(BATCH_N, sizeof *reqs);
  oi_decision *out_batch = calloc(BATCH_N, sizeof *out_batch);
  oi_decision *out_seq = calloc(BATCH_N, sizeof *out_seq);
  size_t order[BATCH_N];
  oi_ledger *seq;
  size_t i, j, n_aw = 0, n_s4 = 0, n_s5 = 0, n_s9 = 0, n_s6 = 0, n_tie = 0;
  size_t withdrawn = 0;

  ck_assert(reqs != NULL && out_batch != NULL && out_seq != NULL);
  init_decisions(out_batch, BATCH_N);
  prng_state = UINT64_C(0x9E3779B97F4A7C15);
  for (i = 0; i < BATCH_N; i++) {
    oi_subsidy_request *r = &reqs[i];
    uint32_t s = prng_below(10) < 9 ? prng_below(3) : 3;
    int day_offset;
    oi_date d;

    tu_default_request(r);
    r->id = str("b%03zu", i);
    r->session_id = sessions[s];
    r->local.number = 600 + prng_below(20);          /* 20 locals: S5 bites */
    r->local.district = 1 + (int)(r->local.number % 13);
    r->officer.id = str("bo%u", prng_below(150));    /* 150 officers: S9 bites */
    /* received 30..97 days before the first day: some after the 42-day deadline */
    day_offset = s < 3 ? 30 + (int)prng_below(68) : 20 + (int)prng_below(40);
    ck_assert_int_eq(oi_date_add_days(s < 3 ? tu_date(2017, first_day[s][0], first_day[s][1])
                                            : tu_date(2017, 2, 22),
                                      -day_offset, &d, NULL),
                     OI_OK);
    r->received = tu_dt(d.year, d.month, d.day, 8 + (int)prng_below(3), 30 * (int)prng_below(2),
                        0); /* coarse times: ties happen */
    r->nights = 1 + (int)prng_below(7);
    if (prng_below(20) == 0)
      r->request_signed = 0;
    if (prng_below(20) == 0)
      r->attested = 0;
    if (prng_below(12) == 0)
      r->local.lm_form = OI_LM_2;
  }

  /* ledger A: the batch, shuffled as generated */
  ck_assert_int_eq(oi_ledger_submit_many(led, reqs, BATCH_N, sizeof reqs[0], out_batch,
                                         sizeof out_batch[0], NULL),
                   OI_OK);
  ck_assert_uint_eq(oi_ledger_count(led), BATCH_N);

  /* ledger B: one by one, in stable receipt order (insertion sort on indices) */
  for (i = 0; i < BATCH_N; i++) {
    size_t k = i;
    while (k > 0 && oi_datetime_compare(reqs[order[k - 1]].received, reqs[i].received) > 0) {
      order[k] = order[k - 1];
      k--;
    }
    order[k] = i;
  }
  for (i = 0; i + 1 < BATCH_N; i++)
    if (oi_datetime_compare(reqs[order[i]].received, reqs[order[i + 1]].received) == 0)
      n_tie++;
  seq = new_ledger(pol);
  for (i = 0; i < BATCH_N; i++)
    out_seq[order[i]] = submit_at(seq, &reqs[order[i]], __FILE__, __LINE__);

  for (i = 0; i < BATCH_N; i++) {
    char b1[512], b2[512];
    ck_assert_msg(tu_decisions_equal(&out_batch[i], &out_seq[i]),
                  "decision on reqs[%zu] (%s): batch %s, one by one %s", i, reqs[i].id,
                  tu_describe(&out_batch[i], b1, sizeof b1),
                  tu_describe(&out_seq[i], b2, sizeof b2));
    if (out_seq[i].outcome == OI_OUTCOME_AWARDED)
      n_aw++;
    if (tu_find_reason(&out_seq[i], OI_REASON_SEATS_TAKEN))
      n_s4++;
    if (tu_find_reason(&out_seq[i], OI_REASON_LOCAL_CAP_REACHED))
      n_s5++;
    if (tu_find_reason(&out_seq[i], OI_REASON_OFFICER_ALREADY_SUBSIDIZED))
      n_s9++;
    if (tu_find_reason(&out_seq[i], OI_REASON_RECEIVED_LATE))
      n_s6++;
  }
  /* the data exercise every rule, so the comparison means something */
  ck_assert_msg(n_aw > 10 && n_s4 > 0 && n_s5 > 0 && n_s9 > 0 && n_s6 > 0 && n_tie > 0,
                "weak data: awarded %zu, S4 %zu, S5 %zu, S9 %zu, S6 %zu, ties %zu", n_aw, n_s4,
                n_s5, n_s9, n_s6, n_tie);
  assert_same_ledgers(led, seq);

  /* and they stay equal through the same withdrawals */
  for (j = 1; j <= BATCH_N && withdrawn < 15; j += 3) {
    oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;
    oi_withdrawal wa = OI_WITHDRAWAL_INIT, wb = OI_WITHDRAWAL_INIT;
    ck_assert_int_eq(oi_ledger_get_by_number(led, (uint64_t)j, &en, NULL), OI_OK);
    if (en.status != OI_OUTCOME_AWARDED && en.status != OI_OUTCOME_WAITLISTED)
      continue;
    ck_assert_int_eq(oi_ledger_withdraw(led, en.id, &wa, NULL), OI_OK);
    ck_assert_int_eq(oi_ledger_withdraw(seq, en.id, &wb, NULL), OI_OK);
    ck_assert_uint_eq(wa.promoted_count, wb.promoted_count);
    for (i = 0; i < wa.promoted_count; i++)
      ck_assert_str_eq(wa.promoted[i], wb.promoted[i]);
    withdrawn++;
  }
  ck_assert_uint_ge(withdrawn, 10);
  assert_same_ledgers(led, seq);

  oi_ledger_free(seq);
  free(reqs);
  free(out_batch);
  free(out_seq);
}
END_TEST

/* A batch of 5 after 3 requests already entered. */
static void batch_setup(oi_subsidy_request b[5])
{
  int k;

  AWARD("pre-1", MD, 101, "p1", at(2016, 12, 1, 9, 0));
  AWARD("pre-2", CO, 102, "p2", at(2017, 3, 1, 9, 0));
  AWARD("pre-3", FL, 103, "p3", at(2017, 6, 1, 9, 0));
  for (k = 0; k < 5; k++)
    b[k] = req(str("batch-%d", k), FL, 200u + (uint32_t)k, str("bo%d", k),
               at(2017, 6, 2, 9, k));
}

static void assert_batch_fails(const oi_subsidy_request *b, oi_status expected, size_t index,
                               const char *field, const char *file, int line)
{
  snapshot before;
  oi_decision out[5], sentinel[5];
  oi_error e;
  oi_status st;
  int k;

  snap(led, &before);
  memset(out, TU_SENTINEL, sizeof out);
  for (k = 0; k < 5; k++)
    out[k].version = OI_DECISION_VERSION;
  memcpy(sentinel, out, sizeof out);
  memset(&e, 0, sizeof e);
  st = oi_ledger_submit_many(led, b, 5, sizeof b[0], out, sizeof out[0], &e);
  ck_assert_msg(st == expected, "%s:%d: submit_many returned %s, expected %s (%s: %s)", file,
                line, oi_status_name(st), oi_status_name(expected), e.path, e.message);
  ck_assert_int_eq(e.status, expected);
  ck_assert_msg(e.index == index, "%s:%d: error about element %zu (path \"%s\"), not %zu", file,
                line, e.index, e.path, index);
  if (field != NULL)
    ck_assert_msg(strcmp(e.field, field) == 0, "%s:%d: error field \"%s\", not \"%s\"", file,
                  line, e.field, field);
  ck_assert_msg(memcmp(out, sentinel, sizeof out) == 0, "%s:%d: a failed batch wrote out[]",
                file, line);
  ASSERT_UNCHANGED(led, &before);
  for (k = 0; k < 5; k++) {
    oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;
    if (strncmp(b[k].id ? b[k].id : "", "batch-", 6) == 0)
      ck_assert_msg(oi_ledger_get(led, b[k].id, &en, NULL) == OI_ENOTFOUND,
                    "%s:%d: %s was entered by a failed batch", file, line, b[k].id);
  }
}

START_TEST(test_S11_batch_with_a_bad_district_at_index_3_fails_with_path_requests_3)
{
  oi_subsidy_request b[5];

  batch_setup(b);
  b[3].local.district = 14;
  assert_batch_fails(b, OI_EINVAL, 3, NULL, __FILE__, __LINE__);
  b[3].local.district = 0;
  assert_batch_fails(b, OI_EINVAL, 3, "local.district", __FILE__, __LINE__);
}
END_TEST

START_TEST(test_S11_batch_with_a_bad_date_at_index_0_fails_with_path_requests_0)
{
  oi_subsidy_request b[5];

  batch_setup(b);
  b[0].received = tu_dt(2017, 2, 29, 9, 0, 0);
  assert_batch_fails(b, OI_EDATE, 0, NULL, __FILE__, __LINE__);
}
END_TEST

START_TEST(test_S11_batch_with_an_empty_id_at_index_4_fails_einval_with_path_requests_4)
{
  oi_subsidy_request b[5];

  batch_setup(b);
  b[4].id = "";
  assert_batch_fails(b, OI_EINVAL, 4, NULL, __FILE__, __LINE__);
  b[4].id = NULL;
  assert_batch_fails(b, OI_EINVAL, 4, NULL, __FILE__, __LINE__);
}
END_TEST

START_TEST(test_S11_batch_with_a_duplicate_id_inside_fails_eexists_at_the_later_index)
{
  oi_subsidy_request b[5];

  batch_setup(b);
  b[4].id = b[1].id;
  assert_batch_fails(b, OI_EEXISTS, 4, NULL, __FILE__, __LINE__);
}
END_TEST

START_TEST(test_S11_batch_with_an_id_already_in_the_ledger_fails_eexists_at_its_index)
{
  oi_subsidy_request b[5];

  batch_setup(b);
  b[2].id = "pre-2";
  assert_batch_fails(b, OI_EEXISTS, 2, NULL, __FILE__, __LINE__);
}
END_TEST

START_TEST(test_S11_batch_with_an_unknown_session_at_index_1_fails_enotfound)
{
  oi_subsidy_request b[5];

  batch_setup(b);
  b[1].session_id = "OI-2017-XX";
  assert_batch_fails(b, OI_ENOTFOUND, 1, NULL, __FILE__, __LINE__);
}
END_TEST

START_TEST(test_S11_empty_batch_is_ok_and_changes_nothing)
{
  oi_subsidy_request b[5];
  snapshot before;

  batch_setup(b);
  snap(led, &before);
  ck_assert_int_eq(oi_ledger_submit_many(led, b, 0, sizeof b[0], NULL, 0, NULL), OI_OK);
  ASSERT_UNCHANGED(led, &before);
}
END_TEST

START_TEST(test_S11_batch_out_may_be_null)
{
  oi_subsidy_request b[5];

  batch_setup(b);
  ck_assert_int_eq(oi_ledger_submit_many(led, b, 5, sizeof b[0], NULL, 0, NULL), OI_OK);
  ck_assert_uint_eq(oi_ledger_count(led), 8);
  ASSERT_STATUS("batch-4", OI_OUTCOME_AWARDED);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* TCase "queries"                                                          */

START_TEST(test_queries_session_summary_counts_each_status_and_the_nights_held)
{
  static const int nights[10] = { 1, 2, 3, 4, 5, 6, 7, 5, 5, 5 }; /* paid: 40 */
  oi_subsidy_request r;
  oi_session_summary sum = OI_SESSION_SUMMARY_INIT;
  oi_withdrawal w = OI_WITHDRAWAL_INIT;
  int k;

  for (k = 0; k < 10; k++) {
    r = req(str("md-%d", k + 1), MD, 101u + (uint32_t)k, str("o%d", k), at(2016, 12, 1, 9, k));
    r.nights = nights[k];
    (void)SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED);
  }
  r = req("late", MD, 200, "late", at(2017, 1, 3, 0, 0));
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_REFUSED);
  r = req("w1", MD, 201, "w1", at(2016, 12, 2, 9, 0));
  r.nights = 3;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_WAITLISTED);
  (void)WAITLIST("w2", MD, 202, "w2", at(2016, 12, 3, 9, 0));
  (void)WITHDRAW("w2");
  sum = SUMMARY(MD);
  ck_assert_int_eq(sum.seats, 10);
  ck_assert_uint_eq(sum.awarded, 10);
  ck_assert_uint_eq(sum.waitlisted, 1);
  ck_assert_uint_eq(sum.refused, 1);
  ck_assert_uint_eq(sum.withdrawn, 1);
  ck_assert_int_eq(sum.seats_left, 0);
  ck_assert_int_eq(sum.nights, 40);
  /* withdraw the 1-night award: w1 (3 nights) is promoted */
  w = WITHDRAW("md-1");
  ASSERT_PROMOTED(w, "w1");
  sum = SUMMARY(MD);
  ck_assert_uint_eq(sum.awarded, 10);
  ck_assert_uint_eq(sum.waitlisted, 0);
  ck_assert_uint_eq(sum.withdrawn, 2);
  ck_assert_int_eq(sum.nights, 42);
  /* untouched sessions */
  ASSERT_SUMMARY(CO, 10, 0, 0, 0, 0, 10);
  ASSERT_SUMMARY(ADV_CA, 0, 0, 0, 0, 0, 0);
}
END_TEST

START_TEST(test_queries_session_entries_of_each_status_are_in_receipt_order_ties_by_entry)
{
  /* awards entered out of receipt order; x-6 and x-7 received at the same moment */
  static const int minute[10] = { 50, 10, 40, 20, 30, 5, 5, 45, 15, 25 };
  oi_subsidy_request r;
  int k;

  for (k = 0; k < 10; k++)
    AWARD(str("x-%d", k), MD, 101u + (uint32_t)k, str("o%d", k), at(2016, 12, 1, 9, minute[k]));
  ASSERT_LIST(MD, OI_OUTCOME_AWARDED, "x-5", "x-6", "x-1", "x-8", "x-3", "x-9", "x-4", "x-2",
              "x-7", "x-0");
  (void)WAITLIST("w-b", MD, 202, "wb", at(2016, 12, 9, 9, 0));
  (void)WAITLIST("w-a", MD, 201, "wa", at(2016, 12, 8, 9, 0));
  (void)WAITLIST("w-c", MD, 203, "wc", at(2016, 12, 10, 9, 0));
  (void)WAITLIST("w-d", MD, 204, "wd", at(2016, 12, 8, 9, 0)); /* ties w-a, entered after */
  ASSERT_LIST(MD, OI_OUTCOME_WAITLISTED, "w-a", "w-d", "w-b", "w-c");
  /* refused (late) in an entry order that is neither receipt order nor its reverse */
  r = req("f-b", MD, 301, "fb", at(2017, 1, 10, 9, 0));
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_REFUSED);
  r = req("f-c", MD, 302, "fc", at(2017, 1, 20, 9, 0));
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_REFUSED);
  r = req("f-a", MD, 303, "fa", at(2017, 1, 5, 9, 0));
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_REFUSED);
  ASSERT_LIST(MD, OI_OUTCOME_REFUSED, "f-a", "f-b", "f-c");
  /* withdrawn in an order that is neither receipt, entry, nor their reverse */
  (void)WITHDRAW("w-c");
  (void)WITHDRAW("w-a");
  (void)WITHDRAW("w-d");
  ASSERT_LIST(MD, OI_OUTCOME_WITHDRAWN, "w-a", "w-d", "w-c");
  ASSERT_LIST(MD, OI_OUTCOME_WAITLISTED, "w-b");
  ASSERT_LIST(CO, OI_OUTCOME_AWARDED, NULL);
}
END_TEST

START_TEST(test_queries_session_entries_capacity_0_sizes_and_a_short_array_is_filled_partly)
{
  oi_ledger_entry out[5];
  oi_ledger_entry sentinel;
  size_t n = 0;

  fill_md();
  ck_assert_int_eq(oi_ledger_session_entries(led, MD, OI_OUTCOME_AWARDED, NULL, 0, sizeof out[0],
                                             &n, NULL),
                   OI_OK);
  ck_assert_uint_eq(n, 10);
  /* the 4 elements asked for carry their version; the fifth is left as it is */
  memset(out, TU_SENTINEL, sizeof out);
  init_entries(out, 4);
  memcpy(&sentinel, &out[4], sizeof sentinel);
  n = 0;
  ck_assert_int_eq(oi_ledger_session_entries(led, MD, OI_OUTCOME_AWARDED, out, 4, sizeof out[0],
                                             &n, NULL),
                   OI_OK);
  ck_assert_uint_eq(n, 10);
  ck_assert_str_eq(out[0].id, "md-1");
  ck_assert_str_eq(out[3].id, "md-4");
  ck_assert_msg(memcmp(&out[4], &sentinel, sizeof sentinel) == 0,
                "entry past the capacity was written");
  ck_assert_int_eq(oi_ledger_session_entries(led, MD, OI_OUTCOME_WAITLISTED, NULL, 0,
                                             sizeof out[0], &n, NULL),
                   OI_OK);
  ck_assert_uint_eq(n, 0);
}
END_TEST

START_TEST(test_queries_session_entries_unknown_session_enotfound_non_ledger_status_einval)
{
  size_t n = 77;

  ck_assert_int_eq(oi_ledger_session_entries(led, "OI-2017-XX", OI_OUTCOME_AWARDED, NULL, 0,
                                             sizeof(oi_ledger_entry), &n, NULL),
                   OI_ENOTFOUND);
  ck_assert_int_eq(oi_ledger_session_entries(led, MD, OI_OUTCOME_ELIGIBLE, NULL, 0,
                                             sizeof(oi_ledger_entry), &n, NULL),
                   OI_EINVAL);
  ck_assert_int_eq(oi_ledger_session_entries(led, MD, OI_OUTCOME_NONE, NULL, 0,
                                             sizeof(oi_ledger_entry), &n, NULL),
                   OI_EINVAL);
  ck_assert_uint_eq(n, 77);
}
END_TEST

START_TEST(test_queries_local_awards_lists_a_locals_awards_of_a_year_in_receipt_order)
{
  oi_ledger_entry out[4];
  oi_subsidy_request late = req("L-late", CO, 500, "lx", at(2017, 4, 1, 9, 0));
  size_t n = 0;

  AWARD("L-fl", FL, 500, "la", at(2017, 6, 1, 9, 0));
  AWARD("L-md", MD, 500, "lb", at(2016, 12, 1, 9, 0));
  (void)WAITLIST("L-co", CO, 500, "lc", at(2017, 3, 1, 9, 0));
  (void)SUBMIT_EXPECT(late, OI_OUTCOME_REFUSED);
  AWARD("M-md", MD, 501, "ma", at(2016, 12, 1, 9, 5));
  init_entries(out, 4);
  ck_assert_int_eq(oi_ledger_local_awards(led, 500, 2017, out, 4, sizeof out[0], &n, NULL),
                   OI_OK);
  ck_assert_uint_eq(n, 2);
  ck_assert_str_eq(out[0].id, "L-md");
  ck_assert_str_eq(out[1].id, "L-fl");
  ck_assert_uint_eq(local_awards(501, 2017), 1);
  ck_assert_uint_eq(local_awards(502, 2017), 0);
  ck_assert_uint_eq(local_awards(500, 2016), 0);
  /* a withdrawn award is no longer counted; the waitlisted L-co is promoted */
  (void)WITHDRAW("L-fl");
  ck_assert_int_eq(oi_ledger_local_awards(led, 500, 2017, out, 4, sizeof out[0], &n, NULL),
                   OI_OK);
  ck_assert_uint_eq(n, 2);
  ck_assert_str_eq(out[0].id, "L-md");
  ck_assert_str_eq(out[1].id, "L-co");
}
END_TEST

START_TEST(test_queries_district_awards_count_held_awards_and_nights_districts_1_to_13)
{
  oi_subsidy_request r;
  size_t awards = 99;
  int64_t nights = 99;
  int d;

  r = req("d3-a", MD, 301, "a", at(2016, 12, 1, 9, 0));
  r.local.district = 3;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED); /* 5 nights */
  r = req("d3-b", CO, 302, "b", at(2017, 3, 1, 9, 0));
  r.local.district = 3;
  r.nights = 2;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED);
  r = req("d3-late", CO, 303, "c", at(2017, 3, 28, 9, 0));
  r.local.district = 3;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_REFUSED);
  r = req("d3-gone", FL, 304, "d", at(2017, 6, 1, 9, 0));
  r.local.district = 3;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED);
  (void)WITHDRAW("d3-gone");
  r = req("d13", FL, 305, "e", at(2017, 6, 1, 9, 0));
  r.local.district = 13;
  r.nights = 9;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED); /* paid 5 */

  ck_assert_int_eq(oi_ledger_district_awards(led, 3, &awards, &nights, NULL), OI_OK);
  ck_assert_uint_eq(awards, 2);
  ck_assert_int_eq(nights, 7);
  ck_assert_int_eq(oi_ledger_district_awards(led, 13, &awards, &nights, NULL), OI_OK);
  ck_assert_uint_eq(awards, 1);
  ck_assert_int_eq(nights, 5);
  ck_assert_int_eq(oi_ledger_district_awards(led, 1, &awards, NULL, NULL), OI_OK);
  ck_assert_uint_eq(awards, 0);
  for (d = 1; d <= 13; d++)
    ck_assert_int_eq(oi_ledger_district_awards(led, d, &awards, &nights, NULL), OI_OK);
  awards = 99;
  nights = 99;
  ck_assert_int_eq(oi_ledger_district_awards(led, 0, &awards, &nights, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_district_awards(led, 14, &awards, &nights, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_district_awards(led, -1, &awards, &nights, NULL), OI_EINVAL);
  ck_assert_uint_eq(awards, 99);
  ck_assert_int_eq(nights, 99);
}
END_TEST

START_TEST(test_queries_hotel_nights_by_the_policys_hotel_name_unknown_hotel_enotfound)
{
  oi_subsidy_request r;
  int64_t nights = -1;
  oi_error e;

  r = req("a", MD, 101, "a", at(2016, 12, 1, 9, 0));
  r.nights = 4;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED);
  r = req("b", MD, 102, "b", at(2016, 12, 1, 9, 1));
  r.nights = 8;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED); /* paid 5 */
  r = req("c", FL, 103, "c", at(2017, 6, 1, 9, 0));
  r.nights = 3;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED);
  ck_assert_int_eq(oi_ledger_hotel_nights(led, tu_session(pol, MD).hotel, &nights, NULL), OI_OK);
  ck_assert_int_eq(nights, 9);
  ck_assert_int_eq(oi_ledger_hotel_nights(led, tu_session(pol, FL).hotel, &nights, NULL), OI_OK);
  ck_assert_int_eq(nights, 3);
  ck_assert_int_eq(oi_ledger_hotel_nights(led, tu_session(pol, CO).hotel, &nights, NULL), OI_OK);
  ck_assert_int_eq(nights, 0);
  nights = -1;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_ledger_hotel_nights(led, "Nowhere Inn", &nights, &e), OI_ENOTFOUND);
  ck_assert_int_eq(e.status, OI_ENOTFOUND);
  ck_assert_int_eq(nights, -1);
  ck_assert_int_eq(oi_ledger_hotel_nights(led, NULL, &nights, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_hotel_nights(led, tu_session(pol, MD).hotel, NULL, NULL),
                   OI_EINVAL);
}
END_TEST

START_TEST(test_queries_hotel_nights_sum_every_session_the_hotel_serves)
{
  oi_policy *p = use_built_policy(2017, 10, 2);
  oi_subsidy_request r;
  int64_t nights = -1;

  r = req("a", "S-A", 1, "a", at(2016, 12, 1, 9, 0));
  r.nights = 3;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED);
  r = req("b", "S-B", 2, "b", at(2016, 12, 1, 9, 0));
  r.nights = 7;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED); /* paid 5 */
  r = req("c", "S-C", 3, "c", at(2016, 12, 1, 9, 0));
  r.nights = 2;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED);
  ck_assert_int_eq(oi_ledger_hotel_nights(led, "Hotel One", &nights, NULL), OI_OK);
  ck_assert_int_eq(nights, 8);
  ck_assert_int_eq(oi_ledger_hotel_nights(led, "Hotel Two", &nights, NULL), OI_OK);
  ck_assert_int_eq(nights, 2);
  drop_built_policy(p);
}
END_TEST

START_TEST(test_queries_get_and_get_by_number_return_the_request_as_held)
{
  char id[16] = "kept-1";
  char officer[16] = "officer-kept";
  oi_subsidy_request r = req(id, CO, 777, officer, tu_dt(2017, 3, 27, 23, 59, 59));
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT, byn = OI_LEDGER_ENTRY_INIT;
  oi_error e;

  AWARD("first", MD, 101, "o1", at(2016, 12, 1, 9, 0));
  r.local.district = 9;
  r.nights = 6;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED); /* on the deadline day: on time */
  /* the ledger copied the strings */
  strcpy(id, "changed");
  strcpy(officer, "changed");
  en = ENTRY("kept-1");
  ck_assert_uint_eq(en.entry_number, 2);
  ck_assert_int_eq(en.session, (int)tu_session_index(pol, CO));
  ck_assert_str_eq(en.session_id, CO);
  ck_assert_int_eq(en.year, 2017);
  ck_assert_uint_eq(en.local_number, 777);
  ck_assert_int_eq(en.country, OI_COUNTRY_US);
  ck_assert_int_eq(en.district, 9);
  ck_assert_str_eq(en.officer_id, "officer-kept");
  ck_assert_str_eq(en.local_name, "IATSE Local 22");
  ck_assert_str_eq(en.officer_name, "Pat Example");
  ck_assert_int_eq(oi_datetime_compare(en.received, tu_dt(2017, 3, 27, 23, 59, 59)), 0);
  ck_assert_int_eq(en.status, OI_OUTCOME_AWARDED);
  ck_assert_int_eq(en.nights_requested, 6);
  ck_assert_int_eq(en.nights, 5);
  ck_assert_str_eq(en.payee, tu_session(pol, CO).hotel);
  ck_assert_int_eq(oi_ledger_get_by_number(led, 2, &byn, NULL), OI_OK);
  ck_assert_str_eq(byn.id, "kept-1");
  ck_assert_int_eq(oi_ledger_get_by_number(led, 1, &byn, NULL), OI_OK);
  ck_assert_str_eq(byn.id, "first");
  ck_assert_uint_eq(byn.entry_number, 1);
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_ledger_get_by_number(led, 3, &byn, &e), OI_ENOTFOUND);
  ck_assert_int_eq(e.status, OI_ENOTFOUND);
  ck_assert_msg(oi_ledger_get_by_number(led, 0, &byn, NULL) != OI_OK,
                "entry number 0 (numbers are 1-based) was found");
  ck_assert_int_eq(oi_ledger_get(led, "changed", &en, NULL), OI_ENOTFOUND);
  ck_assert_uint_eq(oi_ledger_count(led), 2);
  ck_assert_ptr_eq(oi_ledger_policy(led), pol);
}
END_TEST

START_TEST(test_queries_refused_entry_has_0_nights_no_payee_and_its_reasons)
{
  oi_subsidy_request r = req("refused", MD, 101, "o1", at(2017, 1, 3, 9, 0));
  oi_decision d = OI_DECISION_INIT;
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;

  r.with_application = 0;
  d = SUBMIT_EXPECT(r, OI_OUTCOME_REFUSED);
  en = ENTRY("refused");
  ck_assert_int_eq(en.status, OI_OUTCOME_REFUSED);
  ck_assert_int_eq(en.nights, 0);
  ck_assert_ptr_null(en.payee);
  ck_assert_uint_eq(en.reason_count, 2);
  ck_assert_msg(same_reasons(en.reason_count, en.reasons, d.reason_count, d.reasons),
                "the entry's reasons are not its decision's");
}
END_TEST

START_TEST(test_queries_a_waitlisted_entry_carries_why_it_waits)
{
  oi_decision d = OI_DECISION_INIT;
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;

  fill_md();
  d = WAITLIST("w", MD, 201, "w", at(2016, 12, 20, 9, 0));
  en = ENTRY("w");
  ck_assert_int_eq(en.status, OI_OUTCOME_WAITLISTED);
  ck_assert_msg(same_reasons(en.reason_count, en.reasons, d.reason_count, d.reasons),
                "the entry's reasons are not its decision's");
}
END_TEST

/* ------------------------------------------------------------------------ */
/* TCase "audit"                                                            */

START_TEST(test_audit_entered_then_decided_for_each_request_sequence_1_to_n)
{
  oi_subsidy_request a = req("A", MD, 500, "a", at(2016, 12, 1, 9, 0));
  oi_subsidy_request b = req("B", MD, 501, "b", at(2017, 1, 3, 9, 0)); /* late, unsigned */
  oi_decision da = OI_DECISION_INIT, db = OI_DECISION_INIT, dc = OI_DECISION_INIT;
  oi_event ev = OI_EVENT_INIT;
  oi_error e;
  size_t i;

  a.nights = 7;
  b.request_signed = 0;
  ck_assert_uint_eq(oi_ledger_event_count(led), 0);
  da = SUBMIT_EXPECT(a, OI_OUTCOME_AWARDED);
  AWARD("A2", CO, 500, "a2", at(2017, 3, 1, 9, 0));
  db = SUBMIT_EXPECT(b, OI_OUTCOME_REFUSED);
  dc = WAITLIST("C", FL, 500, "c", at(2017, 6, 1, 9, 0)); /* 500 at cap */
  ck_assert_uint_eq(oi_ledger_event_count(led), 8);
  ASSERT_EVENT(0, OI_EVENT_ENTERED, "A", OI_OUTCOME_NONE, NULL);
  ASSERT_EVENT(1, OI_EVENT_DECIDED, "A", OI_OUTCOME_AWARDED, NULL);
  ASSERT_EVENT(2, OI_EVENT_ENTERED, "A2", OI_OUTCOME_NONE, NULL);
  ASSERT_EVENT(3, OI_EVENT_DECIDED, "A2", OI_OUTCOME_AWARDED, NULL);
  ASSERT_EVENT(4, OI_EVENT_ENTERED, "B", OI_OUTCOME_NONE, NULL);
  ASSERT_EVENT(5, OI_EVENT_DECIDED, "B", OI_OUTCOME_REFUSED, NULL);
  ASSERT_EVENT(6, OI_EVENT_ENTERED, "C", OI_OUTCOME_NONE, NULL);
  ASSERT_EVENT(7, OI_EVENT_DECIDED, "C", OI_OUTCOME_WAITLISTED, NULL);
  ev = event_at(led, 1);
  ck_assert_int_eq(ev.nights, 5);
  ck_assert_msg(same_reasons(ev.reason_count, ev.reasons, da.reason_count, da.reasons),
                "DECIDED(A) reasons differ from the decision's");
  ev = event_at(led, 5);
  ck_assert_uint_eq(ev.reason_count, 2); /* S6 and S8 */
  ck_assert_msg(same_reasons(ev.reason_count, ev.reasons, db.reason_count, db.reasons),
                "DECIDED(B) reasons differ from the decision's");
  ev = event_at(led, 7);
  ck_assert_uint_eq(ev.reason_count, 1);
  ck_assert_int_eq(ev.reasons[0].code, OI_REASON_LOCAL_CAP_REACHED);
  ck_assert_msg(same_reasons(ev.reason_count, ev.reasons, dc.reason_count, dc.reasons),
                "DECIDED(C) reasons differ from the decision's");
  for (i = 0; i < 8; i += 2) {
    ev = event_at(led, i);
    ck_assert_uint_eq(ev.reason_count, 0);
  }
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_ledger_event(led, 8, &ev, &e), OI_ENOTFOUND);
  ck_assert_int_eq(e.status, OI_ENOTFOUND);
}
END_TEST

START_TEST(test_audit_withdrawal_then_promotions_with_cause_the_withdrawn_request)
{
  size_t base;
  oi_withdrawal w = OI_WITHDRAWAL_INIT;
  oi_event ev = OI_EVENT_INIT;

  setup_two_promotions(at(2017, 2, 1, 9, 0));
  base = oi_ledger_event_count(led);
  ck_assert_uint_eq(base, 2 * 13);
  w = WITHDRAW("L-md");
  ASSERT_PROMOTED(w, "o-md", "L-co");
  ck_assert_uint_eq(oi_ledger_event_count(led), base + 3);
  ASSERT_EVENT(base, OI_EVENT_WITHDRAWN, "L-md", OI_OUTCOME_AWARDED, NULL);
  ASSERT_EVENT(base + 1, OI_EVENT_PROMOTED, "o-md", OI_OUTCOME_AWARDED, "L-md");
  ASSERT_EVENT(base + 2, OI_EVENT_PROMOTED, "L-co", OI_OUTCOME_AWARDED, "L-md");
  ev = event_at(led, base + 1);
  ck_assert_int_eq(ev.nights, 5);
  /* a waitlisted request withdrawn: one event, nobody promoted */
  (void)WAITLIST("w", MD, 400, "w", at(2016, 12, 22, 9, 0));
  base = oi_ledger_event_count(led);
  (void)WITHDRAW("w");
  ck_assert_uint_eq(oi_ledger_event_count(led), base + 1);
  ASSERT_EVENT(base, OI_EVENT_WITHDRAWN, "w", OI_OUTCOME_WAITLISTED, NULL);
}
END_TEST

START_TEST(test_audit_batch_events_come_in_receipt_order)
{
  oi_subsidy_request b[2];

  b[0] = req("later", CO, 101, "a", at(2017, 3, 2, 9, 0));
  b[1] = req("earlier", CO, 102, "b", at(2017, 3, 1, 9, 0));
  ck_assert_int_eq(oi_ledger_submit_many(led, b, 2, sizeof b[0], NULL, 0, NULL), OI_OK);
  ck_assert_uint_eq(oi_ledger_event_count(led), 4);
  ASSERT_EVENT(0, OI_EVENT_ENTERED, "earlier", OI_OUTCOME_NONE, NULL);
  ASSERT_EVENT(1, OI_EVENT_DECIDED, "earlier", OI_OUTCOME_AWARDED, NULL);
  ASSERT_EVENT(2, OI_EVENT_ENTERED, "later", OI_OUTCOME_NONE, NULL);
  ASSERT_EVENT(3, OI_EVENT_DECIDED, "later", OI_OUTCOME_AWARDED, NULL);
}
END_TEST

START_TEST(test_audit_failed_calls_add_no_event)
{
  oi_subsidy_request dup = req("A", CO, 102, "b", at(2017, 3, 1, 9, 0));

  AWARD("A", MD, 101, "a", at(2016, 12, 1, 9, 0));
  ck_assert_int_eq(oi_ledger_submit(led, &dup, NULL, NULL), OI_EEXISTS);
  ck_assert_int_eq(oi_ledger_withdraw(led, "nobody", NULL, NULL), OI_ENOTFOUND);
  (void)WITHDRAW("A");
  ck_assert_int_eq(oi_ledger_withdraw(led, "A", NULL, NULL), OI_ESTATE);
  ck_assert_uint_eq(oi_ledger_event_count(led), 3);
}
END_TEST

START_TEST(test_audit_event_type_names_and_unknown_types)
{
  ck_assert_str_eq(oi_event_type_name(OI_EVENT_ENTERED), "entered");
  ck_assert_str_eq(oi_event_type_name(OI_EVENT_DECIDED), "decided");
  ck_assert_str_eq(oi_event_type_name(OI_EVENT_WITHDRAWN), "withdrawn");
  ck_assert_str_eq(oi_event_type_name(OI_EVENT_PROMOTED), "promoted");
  ck_assert_ptr_null(oi_event_type_name((oi_event_type)0));
  ck_assert_ptr_null(oi_event_type_name((oi_event_type)5));
  ck_assert_ptr_null(oi_event_type_name((oi_event_type)-1));
}
END_TEST

START_TEST(test_audit_event_strings_live_as_long_as_the_ledger)
{
  char id[16] = "volatile-id";
  oi_subsidy_request r = req(id, MD, 101, "a", at(2016, 12, 1, 9, 0));
  oi_event ev = OI_EVENT_INIT;

  (void)SUBMIT(r);
  strcpy(id, "overwritten");
  fill(CO, "co", 201, 10, tu_date(2017, 3, 1)); /* the ledger grows */
  ev = event_at(led, 0);
  ck_assert_str_eq(ev.request_id, "volatile-id");
}
END_TEST

/* ------------------------------------------------------------------------ */
/* TCase "errors"                                                           */

START_TEST(test_errors_ledger_new_with_null_policy_or_null_out_is_einval)
{
  oi_ledger *l = (oi_ledger *)&l; /* a marker the failed call must not overwrite */
  oi_error e;

  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_ledger_new(NULL, &l, &e), OI_EINVAL);
  ck_assert_int_eq(e.status, OI_EINVAL);
  ck_assert_ptr_eq(l, (oi_ledger *)&l);
  ck_assert_int_eq(oi_ledger_new(pol, NULL, NULL), OI_EINVAL);
}
END_TEST

START_TEST(test_errors_ledger_free_null_is_a_noop)
{
  oi_ledger_free(NULL);
}
END_TEST

START_TEST(test_errors_null_arguments_everywhere_are_einval_or_neutral)
{
  oi_subsidy_request r = req("a", MD, 101, "a", at(2016, 12, 1, 9, 0));
  oi_decision d = OI_DECISION_INIT;
  oi_withdrawal w = OI_WITHDRAWAL_INIT;
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;
  oi_session_summary sum = OI_SESSION_SUMMARY_INIT;
  oi_event ev = OI_EVENT_INIT;
  size_t n;
  int64_t nights;
  snapshot before;

  AWARD("x", MD, 102, "x", at(2016, 12, 1, 9, 0));
  snap(led, &before);
  ck_assert_int_eq(oi_ledger_submit(NULL, &r, &d, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_submit(led, NULL, &d, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_submit_many(NULL, &r, 1, sizeof r, &d, sizeof d, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_submit_many(led, NULL, 1, sizeof r, &d, sizeof d, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_withdraw(NULL, "x", &w, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_withdraw(led, NULL, &w, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_get(NULL, "x", &en, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_get(led, NULL, &en, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_get(led, "x", NULL, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_get_by_number(NULL, 1, &en, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_get_by_number(led, 1, NULL, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_session_summary(NULL, MD, &sum, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_session_summary(led, NULL, &sum, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_session_summary(led, MD, NULL, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_session_entries(NULL, MD, OI_OUTCOME_AWARDED, NULL, 0, sizeof en,
                                             &n, NULL),
                   OI_EINVAL);
  ck_assert_int_eq(oi_ledger_session_entries(led, NULL, OI_OUTCOME_AWARDED, NULL, 0, sizeof en,
                                             &n, NULL),
                   OI_EINVAL);
  ck_assert_int_eq(oi_ledger_session_entries(led, MD, OI_OUTCOME_AWARDED, NULL, 0, sizeof en,
                                             NULL, NULL),
                   OI_EINVAL);
  ck_assert_int_eq(oi_ledger_session_entries(led, MD, OI_OUTCOME_AWARDED, NULL, 3, sizeof en,
                                             &n, NULL),
                   OI_EINVAL);
  ck_assert_int_eq(oi_ledger_local_awards(NULL, 101, 2017, NULL, 0, sizeof en, &n, NULL),
                   OI_EINVAL);
  ck_assert_int_eq(oi_ledger_local_awards(led, 101, 2017, NULL, 0, sizeof en, NULL, NULL),
                   OI_EINVAL);
  ck_assert_int_eq(oi_ledger_local_awards(led, 101, 2017, NULL, 2, sizeof en, &n, NULL),
                   OI_EINVAL);
  ck_assert_int_eq(oi_ledger_district_awards(NULL, 4, &n, &nights, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_district_awards(led, 4, NULL, &nights, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_hotel_nights(NULL, tu_session(pol, MD).hotel, &nights, NULL),
                   OI_EINVAL);
  ck_assert_int_eq(oi_ledger_event(NULL, 0, &ev, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_event(led, 0, NULL, NULL), OI_EINVAL);
  ck_assert_uint_eq(oi_ledger_count(NULL), 0);
  ck_assert_uint_eq(oi_ledger_event_count(NULL), 0);
  ck_assert_ptr_null(oi_ledger_policy(NULL));
  ASSERT_UNCHANGED(led, &before);
}
END_TEST

START_TEST(test_errors_errors_are_reported_in_err_with_status_and_message)
{
  oi_error e;
  oi_withdrawal w = OI_WITHDRAWAL_INIT;

  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_ledger_withdraw(led, NULL, &w, &e), OI_EINVAL);
  ck_assert_int_eq(e.status, OI_EINVAL);
  ck_assert_msg(e.message[0] != '\0', "no message for a failed call");
}
END_TEST

START_TEST(test_errors_success_leaves_err_untouched)
{
  oi_subsidy_request r = req("a", MD, 101, "a", at(2016, 12, 1, 9, 0));
  oi_error e, sentinel;
  oi_decision d = OI_DECISION_INIT;

  memset(&e, TU_SENTINEL, sizeof e);
  sentinel = e;
  ck_assert_int_eq(oi_ledger_submit(led, &r, &d, &e), OI_OK);
  ck_assert_msg(memcmp(&e, &sentinel, sizeof e) == 0, "a successful submit wrote err");
}
END_TEST

static void assert_submit_fails_at(const oi_subsidy_request *r, oi_status expected,
                                   const char *path_part, const char *file, int line)
{
  snapshot before;
  oi_decision d, sentinel;
  oi_error e;
  oi_status st;

  snap(led, &before);
  memset(&d, TU_SENTINEL, sizeof d);
  d.version = OI_DECISION_VERSION;
  sentinel = d;
  memset(&e, 0, sizeof e);
  st = oi_ledger_submit(led, r, &d, &e);
  ck_assert_msg(st == expected, "%s:%d: submit returned %s, expected %s (%s)", file, line,
                oi_status_name(st), oi_status_name(expected), e.message);
  ck_assert_int_eq(e.status, expected);
  if (path_part != NULL)
    ck_assert_msg(strcmp(e.field, path_part) == 0, "%s:%d: error field \"%s\", not \"%s\"",
                  file, line, e.field, path_part);
  ck_assert_msg(memcmp(&d, &sentinel, sizeof d) == 0, "%s:%d: a failed submit wrote its output",
                file, line);
  ASSERT_UNCHANGED(led, &before);
}
#define ASSERT_SUBMIT_FAILS(r, st, path) assert_submit_fails_at(&(r), (st), (path), __FILE__, __LINE__)

START_TEST(test_errors_empty_or_null_request_id_is_einval_and_changes_nothing)
{
  oi_subsidy_request r = req("", MD, 101, "a", at(2016, 12, 1, 9, 0));

  AWARD("x", MD, 102, "x", at(2016, 12, 1, 9, 0));
  ASSERT_SUBMIT_FAILS(r, OI_EINVAL, "id");
  r.id = NULL;
  ASSERT_SUBMIT_FAILS(r, OI_EINVAL, "id");
}
END_TEST

START_TEST(test_errors_request_id_of_64_bytes_is_einval_63_bytes_accepted)
{
  char id[65];
  oi_subsidy_request r = req(tu_string_of(id, 64, 'i'), MD, 101, "a", at(2016, 12, 1, 9, 0));

  ASSERT_SUBMIT_FAILS(r, OI_EINVAL, "id");
  r.id = tu_string_of(id, 63, 'i');
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED);
}
END_TEST

START_TEST(test_errors_duplicate_id_is_eexists_and_changes_nothing_whatever_its_status)
{
  oi_subsidy_request r;
  oi_subsidy_request late = req("refused", MD, 103, "c", at(2017, 1, 3, 9, 0));
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;

  AWARD("awarded", MD, 101, "a", at(2016, 12, 1, 9, 0));
  (void)SUBMIT_EXPECT(late, OI_OUTCOME_REFUSED);
  AWARD("withdrawn", MD, 102, "b", at(2016, 12, 1, 9, 1));
  (void)WITHDRAW("withdrawn");
  /* same ids, other content (other local, officer, session) */
  r = req("awarded", CO, 201, "z", at(2017, 3, 1, 9, 0));
  ASSERT_SUBMIT_FAILS(r, OI_EEXISTS, NULL);
  r.id = "refused";
  ASSERT_SUBMIT_FAILS(r, OI_EEXISTS, NULL);
  r.id = "withdrawn";
  ASSERT_SUBMIT_FAILS(r, OI_EEXISTS, NULL);
  en = ENTRY("awarded");
  ck_assert_str_eq(en.session_id, MD);
  ck_assert_uint_eq(en.local_number, 101);
  ck_assert_uint_eq(oi_ledger_count(led), 3);
}
END_TEST

START_TEST(test_errors_invalid_request_bad_district_changes_nothing_and_takes_no_number)
{
  oi_subsidy_request r = req("bad", MD, 101, "a", at(2016, 12, 1, 9, 0));
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;

  AWARD("x", MD, 102, "x", at(2016, 12, 1, 9, 0));
  r.local.district = 14;
  ASSERT_SUBMIT_FAILS(r, OI_EINVAL, "local.district");
  r.local.district = 0;
  ASSERT_SUBMIT_FAILS(r, OI_EINVAL, "local.district");
  ck_assert_int_eq(oi_ledger_get(led, "bad", &en, NULL), OI_ENOTFOUND);
  r.local.district = 13;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED);
  ck_assert_uint_eq(ENTRY("bad").entry_number, 2);
}
END_TEST

START_TEST(test_errors_unknown_session_bad_moment_zero_nights_bad_flag_change_nothing)
{
  oi_subsidy_request r = req("bad", MD, 101, "a", at(2016, 12, 1, 9, 0));

  AWARD("x", MD, 102, "x", at(2016, 12, 1, 9, 0));
  r.session_id = "OI-2017-XX";
  ASSERT_SUBMIT_FAILS(r, OI_ENOTFOUND, "session_id");
  r.session_id = MD;
  r.received = tu_dt(2016, 11, 31, 9, 0, 0);
  ASSERT_SUBMIT_FAILS(r, OI_EDATE, "received");
  r.received = tu_dt(2016, 11, 30, 24, 0, 0);
  ASSERT_SUBMIT_FAILS(r, OI_EDATE, "received");
  r.received = at(2016, 12, 1, 9, 0);
  r.nights = 0;
  ASSERT_SUBMIT_FAILS(r, OI_EINVAL, "nights");
  r.nights = 5;
  r.attested = 2;
  ASSERT_SUBMIT_FAILS(r, OI_EINVAL, "attested");
  r.attested = 1;
  r.officer.id = "";
  ASSERT_SUBMIT_FAILS(r, OI_EINVAL, "officer.id");
}
END_TEST

START_TEST(test_errors_get_unknown_id_is_enotfound_and_leaves_out_untouched)
{
  oi_ledger_entry en, sentinel;
  oi_error e;

  AWARD("x", MD, 102, "x", at(2016, 12, 1, 9, 0));
  memset(&en, TU_SENTINEL, sizeof en);
  en.version = OI_LEDGER_ENTRY_VERSION;
  sentinel = en;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_ledger_get(led, "y", &en, &e), OI_ENOTFOUND);
  ck_assert_int_eq(e.status, OI_ENOTFOUND);
  ck_assert_msg(memcmp(&en, &sentinel, sizeof en) == 0, "a failed get wrote its output");
  ck_assert_int_eq(oi_ledger_get(led, "", &en, NULL) == OI_OK, 0);
}
END_TEST

START_TEST(test_errors_summary_of_unknown_session_is_enotfound)
{
  oi_session_summary sum = OI_SESSION_SUMMARY_INIT;
  oi_error e;

  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_ledger_session_summary(led, "OI-2017-XX", &sum, &e), OI_ENOTFOUND);
  ck_assert_int_eq(e.status, OI_ENOTFOUND);
  ck_assert_int_eq(oi_ledger_session_summary(led, "oi-2017-md", &sum, NULL), OI_ENOTFOUND);
}
END_TEST

START_TEST(test_errors_two_ledgers_on_one_policy_are_independent)
{
  oi_ledger *other = new_ledger(pol);
  oi_subsidy_request r = req("same-id", MD, 101, "a", at(2016, 12, 1, 9, 0));

  (void)SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED);
  (void)submit_expect_at(other, &r, OI_OUTCOME_AWARDED, __FILE__, __LINE__);
  (void)WITHDRAW("same-id");
  ck_assert_uint_eq(oi_ledger_count(other), 1);
  ck_assert_uint_eq(oi_ledger_event_count(other), 2);
  oi_ledger_free(other);
}
END_TEST

/* ------------------------------------------------------------------------ */


/* ------------------------------------------------------------------------ */
/* TCase "S3-paid": only an award pays nights (S3, S10)                     */

/* Reading (S3): a waitlisted or refused decision pays 0 nights and names no
 * payee; what an award would pay is nights_if_awarded. */
START_TEST(test_S3_paid_waitlisted_decision_pays_0_nights_no_payee_would_pay_5)
{
  oi_subsidy_request r = req("w", MD, 201, "w", at(2016, 12, 20, 9, 0));
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;
  oi_decision d = OI_DECISION_INIT;
  oi_event ev = OI_EVENT_INIT;

  fill_md();
  r.nights = 7;
  d = SUBMIT_EXPECT(r, OI_OUTCOME_WAITLISTED);
  ck_assert_int_eq(d.nights, 0);
  ck_assert_ptr_null(d.payee);
  ck_assert_int_eq(d.nights_if_awarded, 5);
  ck_assert_int_eq(d.nights_requested, 7);
  en = ENTRY("w");
  ck_assert_int_eq(en.nights, 0);
  ck_assert_ptr_null(en.payee);
  ck_assert_int_eq(en.nights_if_awarded, 5);
  ev = event_at(led, oi_ledger_event_count(led) - 1); /* DECIDED */
  ck_assert_int_eq(ev.type, OI_EVENT_DECIDED);
  ck_assert_int_eq(ev.nights, 0);
  ck_assert_int_eq(SUMMARY(MD).nights, 50);
}
END_TEST

START_TEST(test_S3_paid_waitlisted_by_the_locals_cap_pays_0_nights)
{
  oi_decision d = OI_DECISION_INIT;

  AWARD("L-1", MD, 500, "la", at(2016, 12, 1, 8, 0));
  AWARD("L-2", CO, 500, "lb", at(2016, 12, 1, 8, 1));
  d = WAITLIST("L-3", FL, 500, "lc", at(2016, 12, 1, 8, 2));
  ck_assert_int_eq(d.nights, 0);
  ck_assert_ptr_null(d.payee);
  ck_assert_int_eq(d.nights_if_awarded, 5);
}
END_TEST

START_TEST(test_S3_paid_promotion_sets_the_nights_and_payee_when_the_award_is_made)
{
  oi_subsidy_request r = req("w", MD, 201, "w", at(2016, 12, 20, 9, 0));
  const char *hotel = tu_session(pol, MD).hotel;
  size_t before;
  oi_withdrawal w = OI_WITHDRAWAL_INIT;
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;
  oi_event ev = OI_EVENT_INIT;

  fill_md();
  r.nights = 4;
  (void)SUBMIT_EXPECT(r, OI_OUTCOME_WAITLISTED);
  before = oi_ledger_event_count(led);
  w = WITHDRAW("md-3");
  ASSERT_PROMOTED(w, "w");
  en = ENTRY("w");
  ck_assert_int_eq(en.status, OI_OUTCOME_AWARDED);
  ck_assert_int_eq(en.nights, 4);
  ck_assert_int_eq(en.nights_if_awarded, 4);
  ck_assert_ptr_nonnull(en.payee);
  ck_assert_str_eq(en.payee, hotel);
  /* the audit trail: WITHDRAWN md-3, then PROMOTED w with the nights it pays */
  ev = event_at(led, before + 1);
  ck_assert_int_eq(ev.type, OI_EVENT_PROMOTED);
  ck_assert_str_eq(ev.request_id, "w");
  ck_assert_int_eq(ev.nights, 4);
  ck_assert_int_eq(SUMMARY(MD).nights, 49); /* nine awards of 5, one of 4 */
}
END_TEST

START_TEST(test_S3_paid_refused_pays_0_and_would_pay_0)
{
  oi_subsidy_request r = req("late", MD, 201, "o", at(2017, 1, 3, 0, 0)); /* S6 */
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;
  oi_decision d;

  memset(&d, TU_SENTINEL, sizeof d); /* every field is written, none left over */
  d.version = OI_DECISION_VERSION;
  ck_assert_int_eq(oi_ledger_submit(led, &r, &d, NULL), OI_OK);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  en = ENTRY("late");
  ck_assert_int_eq(d.nights, 0);
  ck_assert_ptr_null(d.payee);
  ck_assert_int_eq(d.nights_if_awarded, 0);
  ck_assert_int_eq(en.nights_if_awarded, 0);
}
END_TEST

START_TEST(test_S3_paid_withdrawn_award_pays_0_nights_now)
{
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;

  AWARD("a", MD, 201, "o", at(2016, 12, 1, 9, 0));
  en = ENTRY("a");
  ck_assert_int_eq(en.nights, 5);
  (void)WITHDRAW("a");
  en = ENTRY("a");
  ck_assert_int_eq(en.status, OI_OUTCOME_WITHDRAWN);
  ck_assert_int_eq(en.nights, 0);
  ck_assert_ptr_null(en.payee);
  ck_assert_int_eq(en.nights_if_awarded, 5);
}
END_TEST

START_TEST(test_S3_paid_awarded_decision_pays_what_it_would)
{
  oi_subsidy_request r = req("a", MD, 201, "o", at(2016, 12, 1, 9, 0));
  oi_decision d = OI_DECISION_INIT;

  r.nights = 6;
  d = SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED);
  ck_assert_int_eq(d.nights, 5);
  ck_assert_int_eq(d.nights_if_awarded, 5);
  ck_assert_ptr_nonnull(d.payee);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* TCase "years": one ledger, sessions of two calendar years (S5, S9)       */

/*
 * A policy labelled 2017 whose catalogue runs into 2018: Y-2017-A (March),
 * Y-2017-B (October), Y-2018-A (February 2018), each with the policy's 10
 * seats, cap 2, 6 weeks, 5 nights. Requests received in late 2017 are on
 * time for Y-2018-A (deadline 2018-01-01).
 */
static oi_policy *build_two_year_policy(void)
{
  static const char *const courses[] = { "OI-1.0" };
  oi_policy_numbers n = OI_POLICY_NUMBERS_INIT;
  oi_course c = OI_COURSE_INIT;
  oi_session sess[3];
  oi_policy_builder *b = NULL;
  oi_policy *p = NULL;
  oi_error e;
  size_t i;

  n.year = 2017;
  n.seats_per_session = 10;
  n.local_cap_per_year = 2;
  n.deadline_weeks = 6;
  n.max_nights = 5;
  n.canada_threshold_cents = 25000000;
  c.id = "OI-1.0";
  c.title = "Officer Institute 1.0";
  c.kind = OI_COURSE_INSTITUTE;
  for (i = 0; i < 3; i++)
    sess[i] = (oi_session)OI_SESSION_INIT;
  sess[0].id = "Y-2017-A";
  sess[0].place = "Denver, CO";
  sess[0].hotel = "Hotel One";
  sess[0].first_day = tu_date(2017, 3, 6);
  sess[0].last_day = tu_date(2017, 3, 10);
  sess[1] = sess[0];
  sess[1].id = "Y-2017-B";
  sess[1].place = "Orlando, FL";
  sess[1].hotel = "Hotel Two";
  sess[1].first_day = tu_date(2017, 10, 16);
  sess[1].last_day = tu_date(2017, 10, 20);
  sess[2] = sess[0];
  sess[2].id = "Y-2018-A";
  sess[2].first_day = tu_date(2018, 2, 12);
  sess[2].last_day = tu_date(2018, 2, 16);
  for (i = 0; i < 3; i++) {
    sess[i].countries = OI_COUNTRY_BIT(OI_COUNTRY_US) | OI_COUNTRY_BIT(OI_COUNTRY_CA);
    sess[i].course_ids = courses;
    sess[i].course_count = 1;
  }
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_builder_new(&b, "two-years", &n, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_add_course(b, &c, NULL), OI_OK);
  for (i = 0; i < 3; i++)
    ck_assert_msg(oi_policy_builder_add_session(b, &sess[i], &e) == OI_OK, "%s: %s",
                  sess[i].id, e.message);
  ck_assert_int_eq(oi_policy_builder_build(b, &p, NULL), OI_OK);
  oi_policy_builder_free(b);
  return p;
}

static oi_policy *use_two_year_policy(void)
{
  oi_policy *p = build_two_year_policy();
  oi_ledger_free(led);
  led = new_ledger(p);
  return p;
}

START_TEST(test_years_local_with_two_2017_awards_is_awarded_in_2018)
{
  oi_policy *p = use_two_year_policy();
  oi_ledger_entry list[4];
  oi_decision d = OI_DECISION_INIT;
  size_t n = 0;

  AWARD("a", "Y-2017-A", 500, "oa", at(2016, 12, 1, 9, 0));
  AWARD("b", "Y-2017-B", 500, "ob", at(2017, 6, 1, 9, 0));
  d = WAITLIST("c", "Y-2017-B", 500, "oc", at(2017, 6, 2, 9, 0));
  ASSERT_CAP_REACHED(d, 500, 2017, 2, 2);
  /* The February 2018 session, applied for in late 2017: another year. */
  AWARD("d", "Y-2018-A", 500, "od", at(2017, 11, 20, 9, 0));
  ASSERT_STATUS("c", OI_OUTCOME_WAITLISTED);
  ck_assert_uint_eq(local_awards(500, 2017), 2);
  ck_assert_uint_eq(local_awards(500, 2018), 1);
  init_entries(list, 4);
  ck_assert_int_eq(oi_ledger_local_awards(led, 500, 2018, list, 4, sizeof list[0], &n, NULL),
                   OI_OK);
  ck_assert_uint_eq(n, 1);
  ck_assert_str_eq(list[0].id, "d");
  ck_assert_int_eq(list[0].year, 2018);
  ck_assert_int_eq(ENTRY("a").year, 2017);
  ck_assert_int_eq(ENTRY("c").year, 2017);
  /* and the 2018 cap counts on its own: two in 2018, the third waits */
  AWARD("e", "Y-2018-A", 500, "oe", at(2017, 11, 21, 9, 0));
  d = WAITLIST("f", "Y-2018-A", 500, "of", at(2017, 11, 22, 9, 0));
  ASSERT_CAP_REACHED(d, 500, 2018, 2, 2);
  TU_ASSERT_REASON_COUNT(&d, 1);
  drop_built_policy(p);
}
END_TEST

START_TEST(test_years_officer_awarded_in_2017_may_hold_one_in_2018_not_two)
{
  oi_policy *p = use_two_year_policy();
  oi_subsidy_request r;
  oi_decision d = OI_DECISION_INIT;
  const oi_reason *reason;

  AWARD("a", "Y-2017-B", 500, "officer-X", at(2017, 6, 1, 9, 0));
  AWARD("b", "Y-2018-A", 501, "officer-X", at(2017, 11, 20, 9, 0));
  r = req("c", "Y-2018-A", 502, "officer-X", at(2017, 11, 21, 9, 0));
  d = SUBMIT_EXPECT(r, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 1);
  reason = TU_ASSERT_REFUSAL(&d, OI_REASON_OFFICER_ALREADY_SUBSIDIZED, OI_CLAUSE_S9);
  ck_assert_int_eq(reason->value[0], 2018);
  ck_assert_ptr_nonnull(reason->ref_id);
  ck_assert_str_eq(reason->ref_id, "b"); /* the 2018 request, not the 2017 one */
  drop_built_policy(p);
}
END_TEST

START_TEST(test_years_a_2017_withdrawal_frees_no_2018_slot)
{
  oi_policy *p = use_two_year_policy();
  oi_withdrawal w = OI_WITHDRAWAL_INIT;

  AWARD("a", "Y-2017-A", 500, "oa", at(2016, 12, 1, 9, 0));
  AWARD("b", "Y-2018-A", 500, "ob", at(2017, 11, 1, 9, 0));
  AWARD("c", "Y-2018-A", 500, "oc", at(2017, 11, 2, 9, 0));
  (void)WAITLIST("d", "Y-2018-A", 500, "od", at(2017, 11, 3, 9, 0));
  w = WITHDRAW("a");
  ASSERT_PROMOTED_NONE(w);
  ASSERT_STATUS("d", OI_OUTCOME_WAITLISTED);
  w = WITHDRAW("b");
  ASSERT_PROMOTED(w, "d");
  drop_built_policy(p);
}
END_TEST

START_TEST(test_years_a_batch_over_both_years_counts_each_year_apart)
{
  oi_policy *p = use_two_year_policy();
  oi_subsidy_request b[4];
  oi_decision d[4];
  oi_error e;

  b[0] = req("a", "Y-2017-A", 500, "oa", at(2016, 12, 1, 9, 0));
  b[1] = req("b", "Y-2017-B", 500, "ob", at(2017, 6, 1, 9, 0));
  b[2] = req("c", "Y-2018-A", 500, "oa", at(2017, 11, 1, 9, 0)); /* the officer of a */
  b[3] = req("d", "Y-2018-A", 500, "ob", at(2017, 11, 2, 9, 0));
  memset(&e, 0, sizeof e);
  init_decisions(d, 4);
  ck_assert_int_eq(oi_ledger_submit_many(led, b, 4, sizeof b[0], d, sizeof d[0], &e), OI_OK);
  ck_assert_int_eq(d[0].outcome, OI_OUTCOME_AWARDED);
  ck_assert_int_eq(d[1].outcome, OI_OUTCOME_AWARDED);
  ck_assert_int_eq(d[2].outcome, OI_OUTCOME_AWARDED);
  ck_assert_int_eq(d[3].outcome, OI_OUTCOME_AWARDED);
  ck_assert_uint_eq(local_awards(500, 2017), 2);
  ck_assert_uint_eq(local_awards(500, 2018), 2);
  drop_built_policy(p);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* TCase "S4-own": a session with its own seats fills to them               */

/* The 2017 numbers (10 seats) with S-A setting 3 seats, S-B none, S-C the
 * policy's. */
static oi_policy *build_own_seats_policy(void)
{
  static const char *const courses[] = { "OI-1.0" };
  oi_policy_numbers n = OI_POLICY_NUMBERS_INIT;
  oi_course c = OI_COURSE_INIT;
  oi_session sess[3];
  oi_policy_builder *b = NULL;
  oi_policy *p = NULL;
  size_t i;

  n.year = 2017;
  n.seats_per_session = 10;
  n.local_cap_per_year = 2;
  n.deadline_weeks = 6;
  n.max_nights = 5;
  n.canada_threshold_cents = 25000000;
  c.id = "OI-1.0";
  c.title = "Officer Institute 1.0";
  c.kind = OI_COURSE_INSTITUTE;
  for (i = 0; i < 3; i++)
    sess[i] = (oi_session)OI_SESSION_INIT;
  sess[0].id = "S-A";
  sess[0].place = "Denver, CO";
  sess[0].hotel = "Hotel One";
  sess[0].first_day = tu_date(2017, 3, 6);
  sess[0].last_day = tu_date(2017, 3, 10);
  sess[0].own_seats = 3;
  sess[0].has_own_seats = 1;
  sess[1] = sess[0];
  sess[1].id = "S-B";
  sess[1].own_seats = 0;
  sess[2] = sess[0];
  sess[2].id = "S-C";
  sess[2].own_seats = 99; /* not read: the policy's 10 */
  sess[2].has_own_seats = 0;
  for (i = 0; i < 3; i++) {
    sess[i].countries = OI_COUNTRY_BIT(OI_COUNTRY_US);
    sess[i].course_ids = courses;
    sess[i].course_count = 1;
  }
  ck_assert_int_eq(oi_policy_builder_new(&b, "own-seats", &n, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_add_course(b, &c, NULL), OI_OK);
  for (i = 0; i < 3; i++)
    ck_assert_int_eq(oi_policy_builder_add_session(b, &sess[i], NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_build(b, &p, NULL), OI_OK);
  oi_policy_builder_free(b);
  return p;
}

START_TEST(test_S4_own_session_with_3_seats_fills_to_3_the_4th_waits_with_3_of_3)
{
  oi_policy *p = build_own_seats_policy();
  oi_withdrawal w = OI_WITHDRAWAL_INIT;
  oi_decision d = OI_DECISION_INIT;

  oi_ledger_free(led);
  led = new_ledger(p);
  fill("S-A", "a", 101, 3, tu_date(2016, 12, 1));
  d = WAITLIST("a-4", "S-A", 104, "a-o4", at(2016, 12, 1, 10, 0));
  ASSERT_SEATS_TAKEN(d, 3, 3, tu_session_index(p, "S-A"));
  ASSERT_SUMMARY("S-A", 3, 3, 1, 0, 0, 0);
  /* a session without its own seats keeps the policy's 10 */
  fill("S-C", "c", 201, 10, tu_date(2016, 12, 1));
  ASSERT_SUMMARY("S-C", 10, 10, 0, 0, 0, 0);
  /* a withdrawal frees one of the 3 */
  w = WITHDRAW("a-2");
  ASSERT_PROMOTED(w, "a-4");
  ASSERT_SUMMARY("S-A", 3, 3, 0, 0, 1, 0);
  drop_built_policy(p);
}
END_TEST

START_TEST(test_S4_own_session_with_0_seats_waitlists_its_first_eligible_request)
{
  oi_policy *p = build_own_seats_policy();
  oi_decision d = OI_DECISION_INIT;

  oi_ledger_free(led);
  led = new_ledger(p);
  d = WAITLIST("b-1", "S-B", 101, "o1", at(2016, 12, 1, 9, 0));
  ASSERT_SEATS_TAKEN(d, 0, 0, tu_session_index(p, "S-B"));
  ck_assert_int_eq(d.nights, 0);
  ck_assert_int_eq(d.nights_if_awarded, 5);
  ASSERT_SUMMARY("S-B", 0, 0, 1, 0, 0, 0);
  drop_built_policy(p);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* TCase "ids": decisions and reasons name requests by the caller's ids     */

START_TEST(test_ids_S9_reason_names_the_earlier_request_by_its_id_not_its_number)
{
  oi_subsidy_request again;
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;
  oi_decision d = OI_DECISION_INIT;
  const oi_reason *r;
  char msg[256];
  oi_event ev = OI_EVENT_INIT;
  int k;

  AWARD("other-1", MD, 101, "x1", at(2016, 12, 1, 9, 0));
  AWARD("first-request", MD, 500, "officer-X", at(2016, 12, 1, 9, 2)); /* entry 2 */
  again = req("second", CO, 501, "officer-X", at(2017, 3, 1, 9, 0));
  d = SUBMIT_EXPECT(again, OI_OUTCOME_REFUSED);
  r = TU_ASSERT_REFUSAL(&d, OI_REASON_OFFICER_ALREADY_SUBSIDIZED, OI_CLAUSE_S9);
  ck_assert_ptr_nonnull(r->ref_id);
  ck_assert_str_eq(r->ref_id, "first-request");
  ck_assert_int_eq(r->value[1], 2); /* the entry number stays in the values */
  ck_assert_int_gt(oi_reason_format(pol, r, msg, sizeof msg), 0);
  ck_assert_msg(strstr(msg, "request first-request") != NULL, "message: %s", msg);
  ck_assert_msg(strstr(msg, "number") == NULL, "message names an entry number: %s", msg);
  /* the entry and the audit trail carry the same reason */
  en = ENTRY("second");
  ck_assert_uint_eq(en.reason_count, 1);
  ck_assert_str_eq(en.reasons[0].ref_id, "first-request");
  ev = event_at(led, oi_ledger_event_count(led) - 1);
  ck_assert_str_eq(ev.reasons[0].ref_id, "first-request");
  /* and the id stays valid while the ledger grows */
  for (k = 0; k < 2000; k++) {
    oi_subsidy_request more = req(str("m-%d", k), FL, 1000 + (uint32_t)k, str("mo-%d", k),
                                  at(2017, 6, 1, 9, 0));
    (void)SUBMIT(more);
  }
  en = ENTRY("second");
  ck_assert_str_eq(en.reasons[0].ref_id, "first-request");
}
END_TEST

START_TEST(test_ids_every_other_reason_names_no_request)
{
  oi_subsidy_request r = req("late", MD, 201, "o", at(2017, 1, 3, 0, 0));
  oi_decision d;
  size_t i;

  r.nights = 9;
  r.attested = 0;
  /* stateless: every reason written whole, ref_id NULL, nothing left over */
  memset(&d, TU_SENTINEL, sizeof d);
  d.version = OI_DECISION_VERSION;
  ck_assert_int_eq(oi_check_subsidy(pol, &r, &d, NULL), OI_OK);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  ck_assert_uint_eq(d.reason_count, 2);
  for (i = 0; i < d.reason_count; i++)
    ck_assert_ptr_null(oi_decision_reason(&d, i)->ref_id);
  d = SUBMIT_EXPECT(r, OI_OUTCOME_REFUSED);
  for (i = 0; i < d.reason_count; i++)
    ck_assert_ptr_null(oi_decision_reason(&d, i)->ref_id);
  fill_md();
  d = WAITLIST("w", MD, 300, "ow", at(2016, 12, 5, 9, 0));
  for (i = 0; i < d.reason_count; i++)
    ck_assert_ptr_null(oi_decision_reason(&d, i)->ref_id);
}
END_TEST

START_TEST(test_ids_ledger_decisions_name_their_request_by_the_ledgers_copy)
{
  char id[16];
  oi_subsidy_request r;
  oi_subsidy_request b[2];
  oi_decision d = OI_DECISION_INIT, many[2];

  strcpy(id, "r-1");
  r = req(id, MD, 201, "o", at(2016, 12, 1, 9, 0));
  d = SUBMIT_EXPECT(r, OI_OUTCOME_AWARDED);
  strcpy(id, "XXX"); /* the caller's string changes; the decision's does not */
  ck_assert_ptr_nonnull(d.request_id);
  ck_assert_str_eq(d.request_id, "r-1");
  r = req("r-2", MD, 202, "o", at(2016, 12, 1, 9, 1));
  d = SUBMIT_EXPECT(r, OI_OUTCOME_REFUSED); /* S9 */
  ck_assert_str_eq(d.request_id, "r-2");
  b[0] = req("b-1", CO, 301, "p", at(2017, 3, 1, 9, 0));
  b[1] = req("b-0", CO, 302, "q", at(2017, 2, 1, 9, 0));
  init_decisions(many, 2);
  ck_assert_int_eq(oi_ledger_submit_many(led, b, 2, sizeof b[0], many, sizeof many[0], NULL),
                   OI_OK);
  ck_assert_str_eq(many[0].request_id, "b-1");
  ck_assert_str_eq(many[1].request_id, "b-0");
}
END_TEST

START_TEST(test_ids_stateless_decisions_name_the_callers_request_or_none)
{
  oi_subsidy_request r, rs[2];
  oi_decision d = OI_DECISION_INIT, ds[2];
  oi_application a;
  const oi_date days[1] = { { 2017, 2, 13 } };

  tu_default_request(&r);
  ck_assert_int_eq(oi_check_subsidy(pol, &r, &d, NULL), OI_OK);
  ck_assert_ptr_eq(d.request_id, r.id);
  ck_assert_int_eq(d.nights_if_awarded, 5);
  r.id = NULL;
  ck_assert_int_eq(oi_check_subsidy(pol, &r, &d, NULL), OI_OK);
  ck_assert_ptr_null(d.request_id);
  tu_default_request(&rs[0]);
  tu_default_request(&rs[1]);
  rs[1].id = "req-0002";
  init_decisions(ds, 2);
  ck_assert_int_eq(oi_check_subsidy_many(pol, rs, 2, sizeof rs[0], ds, sizeof ds[0], NULL),
                   OI_OK);
  ck_assert_str_eq(ds[0].request_id, "req-0001");
  ck_assert_str_eq(ds[1].request_id, "req-0002");
  tu_default_application(&a, MD, "OI-1.0");
  ck_assert_int_eq(oi_check_enrollment(pol, &a, &d, NULL), OI_OK);
  ck_assert_ptr_null(d.request_id);
  ck_assert_int_eq(d.nights_if_awarded, 0);
  ck_assert_int_eq(oi_check_graduation(pol, MD, days, 1, &d, NULL), OI_OK);
  ck_assert_ptr_null(d.request_id);
}
END_TEST

static Suite *ledger_suite(void)
{
  Suite *s = suite_create("ledger");
  TCase *tc;

  tc = tcase_create("S4");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_S4_ten_eligible_from_ten_locals_all_awarded_with_5_nights_at_the_hotel);
  tcase_add_test(tc, test_S4_eleventh_eligible_waitlisted_seats_taken_10_of_10_seats_left_0);
  tcase_add_test(tc, test_S4_tie_in_receipt_time_for_the_last_seat_goes_to_the_first_entered);
  tcase_add_test(tc, test_S4_tie_for_the_last_seat_in_a_batch_goes_to_the_lower_index);
  tcase_add_test(tc, test_S4_receipt_order_counts_the_time_of_day_not_only_the_date);
  tcase_add_test(tc, test_S4_one_second_earlier_receipt_wins_the_last_seat_in_a_batch);
  tcase_add_test(tc,
                 test_S4_eleventh_received_before_all_awards_is_waitlisted_and_first_in_waitlist);
  tcase_add_test(tc, test_S4_seats_are_per_session_full_md_leaves_co_with_10);
  tcase_add_test(tc,
                 test_S4_seats_come_from_the_policy_3_seat_policy_waitlists_the_4th_with_3_of_3);
  tcase_add_test(tc, test_S4_a_2_0_session_has_0_seats_and_refuses_for_S1_not_waitlists);
  tcase_add_test(tc, test_S4_refused_requests_take_no_seat_the_10_awards_after_a_refusal);
  suite_add_tcase(s, tc);

  tc = tcase_create("S5");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc,
                 test_S5_third_officer_of_a_local_waitlisted_across_sessions_cap_2_of_2_year_2017);
  tcase_add_test(tc, test_S5_third_officer_at_the_same_session_waitlisted);
  tcase_add_test(tc, test_S5_the_cap_is_per_local_another_local_is_awarded);
  tcase_add_test(tc, test_S5_year_is_the_sessions_2017_not_the_receipt_year_2016_counts_0);
  tcase_add_test(tc, test_S5_2018_policy_counts_2018_in_reason_value1_and_local_awards);
  tcase_add_test(tc, test_S5_cap_comes_from_the_policy_cap_1_waitlists_the_2nd_with_1_of_1);
  tcase_add_test(tc, test_S5_counts_awards_only_not_waitlisted_or_refused_requests);
  tcase_add_test(tc, test_S5_and_S4_at_once_waitlisted_with_both_reasons);
  suite_add_tcase(s, tc);

  tc = tcase_create("S9");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_S9_same_officer_twice_refused_value0_2017_value1_entry_number_of_first);
  tcase_add_test(tc, test_S9_blocked_also_when_the_first_is_merely_waitlisted);
  tcase_add_test(tc, test_S9_after_the_first_is_withdrawn_a_new_request_is_awarded);
  tcase_add_test(tc, test_S9_after_a_waitlisted_first_is_withdrawn_a_new_request_is_awarded);
  tcase_add_test(tc, test_S9_a_refused_first_request_blocks_nothing);
  tcase_add_test(tc, test_S9_a_refused_S9_duplicate_blocks_nothing_after_the_first_is_withdrawn);
  tcase_add_test(tc, test_S9_duplicate_received_one_day_late_lists_both_S6_and_S9);
  tcase_add_test(tc, test_S9_duplicate_with_every_stateless_fault_lists_them_all_and_S9);
  tcase_add_test(tc, test_S9_duplicate_at_a_full_session_is_refused_with_S9_only_no_S4_reason);
  tcase_add_test(tc, test_S9_different_officers_of_one_local_are_not_S9);
  suite_add_tcase(s, tc);

  tc = tcase_create("S10");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_S10_withdrawing_an_award_promotes_the_earliest_received_waitlisted);
  tcase_add_test(tc, test_S10_promotion_pays_at_most_5_nights_of_7_requested);
  tcase_add_test(tc, test_S10_promotion_skips_a_waitlisted_request_blocked_by_its_locals_cap);
  tcase_add_test(tc,
                 test_S10_a_withdrawn_award_with_only_capped_waitlisted_leaves_the_seat_free);
  tcase_add_test(tc, test_S10_one_withdrawal_promotes_two_seat_first_when_received_first);
  tcase_add_test(tc, test_S10_one_withdrawal_promotes_two_local_slot_first_when_received_first);
  tcase_add_test(tc,
                 test_S10_earliest_fitting_request_of_the_same_local_takes_both_seat_and_slot);
  tcase_add_test(tc,
                 test_S10_withdrawing_a_waitlisted_request_promotes_nobody_and_leaves_the_waitlist);
  tcase_add_test(tc, test_S10_withdrawing_an_unknown_id_is_enotfound_and_changes_nothing);
  tcase_add_test(tc, test_S10_withdrawing_twice_is_estate_and_changes_nothing);
  tcase_add_test(tc, test_S10_withdrawing_a_refused_request_is_estate_and_changes_nothing);
  tcase_add_test(tc, test_S10_a_waitlisted_request_keeps_its_place_by_receipt_across_promotions);
  suite_add_tcase(s, tc);

  tc = tcase_create("S11");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc,
                 test_S11_late_entered_earlier_received_request_of_a_capped_local_displaces_nothing);
  tcase_add_test(tc, test_S11_a_batch_received_before_every_award_displaces_none);
  tcase_add_test(tc, test_S11_batch_of_12_shuffled_awards_the_10_earliest_received);
  tcase_add_test(tc, test_S11_batch_of_200_shuffled_equals_one_by_one_in_stable_receipt_order);
  tcase_add_test(tc, test_S11_batch_with_a_bad_district_at_index_3_fails_with_path_requests_3);
  tcase_add_test(tc, test_S11_batch_with_a_bad_date_at_index_0_fails_with_path_requests_0);
  tcase_add_test(tc, test_S11_batch_with_an_empty_id_at_index_4_fails_einval_with_path_requests_4);
  tcase_add_test(tc, test_S11_batch_with_a_duplicate_id_inside_fails_eexists_at_the_later_index);
  tcase_add_test(tc, test_S11_batch_with_an_id_already_in_the_ledger_fails_eexists_at_its_index);
  tcase_add_test(tc, test_S11_batch_with_an_unknown_session_at_index_1_fails_enotfound);
  tcase_add_test(tc, test_S11_empty_batch_is_ok_and_changes_nothing);
  tcase_add_test(tc, test_S11_batch_out_may_be_null);
  suite_add_tcase(s, tc);

  tc = tcase_create("queries");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_queries_session_summary_counts_each_status_and_the_nights_held);
  tcase_add_test(tc,
                 test_queries_session_entries_of_each_status_are_in_receipt_order_ties_by_entry);
  tcase_add_test(tc,
                 test_queries_session_entries_capacity_0_sizes_and_a_short_array_is_filled_partly);
  tcase_add_test(tc,
                 test_queries_session_entries_unknown_session_enotfound_non_ledger_status_einval);
  tcase_add_test(tc, test_queries_local_awards_lists_a_locals_awards_of_a_year_in_receipt_order);
  tcase_add_test(tc,
                 test_queries_district_awards_count_held_awards_and_nights_districts_1_to_13);
  tcase_add_test(tc,
                 test_queries_hotel_nights_by_the_policys_hotel_name_unknown_hotel_enotfound);
  tcase_add_test(tc, test_queries_hotel_nights_sum_every_session_the_hotel_serves);
  tcase_add_test(tc, test_queries_get_and_get_by_number_return_the_request_as_held);
  tcase_add_test(tc, test_queries_refused_entry_has_0_nights_no_payee_and_its_reasons);
  tcase_add_test(tc, test_queries_a_waitlisted_entry_carries_why_it_waits);
  suite_add_tcase(s, tc);

  tc = tcase_create("audit");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_audit_entered_then_decided_for_each_request_sequence_1_to_n);
  tcase_add_test(tc, test_audit_withdrawal_then_promotions_with_cause_the_withdrawn_request);
  tcase_add_test(tc, test_audit_batch_events_come_in_receipt_order);
  tcase_add_test(tc, test_audit_failed_calls_add_no_event);
  tcase_add_test(tc, test_audit_event_type_names_and_unknown_types);
  tcase_add_test(tc, test_audit_event_strings_live_as_long_as_the_ledger);
  suite_add_tcase(s, tc);

  tc = tcase_create("errors");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_errors_ledger_new_with_null_policy_or_null_out_is_einval);
  tcase_add_test(tc, test_errors_ledger_free_null_is_a_noop);
  tcase_add_test(tc, test_errors_null_arguments_everywhere_are_einval_or_neutral);
  tcase_add_test(tc, test_errors_errors_are_reported_in_err_with_status_and_message);
  tcase_add_test(tc, test_errors_success_leaves_err_untouched);
  tcase_add_test(tc, test_errors_empty_or_null_request_id_is_einval_and_changes_nothing);
  tcase_add_test(tc, test_errors_request_id_of_64_bytes_is_einval_63_bytes_accepted);
  tcase_add_test(tc, test_errors_duplicate_id_is_eexists_and_changes_nothing_whatever_its_status);
  tcase_add_test(tc, test_errors_invalid_request_bad_district_changes_nothing_and_takes_no_number);
  tcase_add_test(tc,
                 test_errors_unknown_session_bad_moment_zero_nights_bad_flag_change_nothing);
  tcase_add_test(tc, test_errors_get_unknown_id_is_enotfound_and_leaves_out_untouched);
  tcase_add_test(tc, test_errors_summary_of_unknown_session_is_enotfound);
  tcase_add_test(tc, test_errors_two_ledgers_on_one_policy_are_independent);
  suite_add_tcase(s, tc);

  tc = tcase_create("S3-paid");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_S3_paid_waitlisted_decision_pays_0_nights_no_payee_would_pay_5);
  tcase_add_test(tc, test_S3_paid_waitlisted_by_the_locals_cap_pays_0_nights);
  tcase_add_test(tc, test_S3_paid_promotion_sets_the_nights_and_payee_when_the_award_is_made);
  tcase_add_test(tc, test_S3_paid_refused_pays_0_and_would_pay_0);
  tcase_add_test(tc, test_S3_paid_withdrawn_award_pays_0_nights_now);
  tcase_add_test(tc, test_S3_paid_awarded_decision_pays_what_it_would);
  suite_add_tcase(s, tc);

  tc = tcase_create("years");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_years_local_with_two_2017_awards_is_awarded_in_2018);
  tcase_add_test(tc, test_years_officer_awarded_in_2017_may_hold_one_in_2018_not_two);
  tcase_add_test(tc, test_years_a_2017_withdrawal_frees_no_2018_slot);
  tcase_add_test(tc, test_years_a_batch_over_both_years_counts_each_year_apart);
  suite_add_tcase(s, tc);

  tc = tcase_create("S4-own");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_S4_own_session_with_3_seats_fills_to_3_the_4th_waits_with_3_of_3);
  tcase_add_test(tc, test_S4_own_session_with_0_seats_waitlists_its_first_eligible_request);
  suite_add_tcase(s, tc);

  tc = tcase_create("ids");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_ids_S9_reason_names_the_earlier_request_by_its_id_not_its_number);
  tcase_add_test(tc, test_ids_every_other_reason_names_no_request);
  tcase_add_test(tc, test_ids_ledger_decisions_name_their_request_by_the_ledgers_copy);
  tcase_add_test(tc, test_ids_stateless_decisions_name_the_callers_request_or_none);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(ledger_suite());
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
