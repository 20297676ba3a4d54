/*
 * tests/testutil.h -- small helpers shared by the Check test programs.
 *
 * Every helper is `static inline` so a program that does not use one gets no
 * "defined but not used" warning. The helpers only build inputs and look
 * things up; none of them decides anything a test asserts, except
 * tu_days(), which computes day numbers independently of the library
 * (Howard Hinnant's days_from_civil) so a test can check the library's own
 * arithmetic against it.
 */
#ifndef OI_TESTS_TESTUTIL_H
#define OI_TESTS_TESTUTIL_H

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <officerinst.h>

/** Byte pattern outputs are filled with before a call that must not write them. */
#define TU_SENTINEL 0xA5

/* ------------------------------------------------------------------------ */
/* Dates                                                                    */

static inline oi_date tu_date(int y, int m, int d)
{
  oi_date r;
  r.year = y;
  r.month = m;
  r.day = d;
  return r;
}

static inline oi_datetime tu_dt(int y, int m, int d, int hh, int mm, int ss)
{
  oi_datetime r;
  r.date = tu_date(y, m, d);
  r.hour = hh;
  r.minute = mm;
  r.second = ss;
  return r;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, computed without the
 * library (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms").
 */
static inline int64_t tu_days(int y, int m, int d)
{
  int64_t yy = (int64_t)y - (m <= 2 ? 1 : 0);
  int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
  int64_t yoe = yy - era * 400;                                   /* [0, 399] */
  int64_t mp = (m > 2) ? (int64_t)m - 3 : (int64_t)m + 9;         /* [0, 11] */
  int64_t doy = (153 * mp + 2) / 5 + (int64_t)d - 1;              /* [0, 365] */
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            /* [0, 146096] */
  return era * 146097 + doe - 719468;
}

static inline int64_t tu_days_of(oi_date d)
{
  return tu_days(d.year, d.month, d.day);
}

/** 1 if @p y is a Gregorian leap year (independent of the library). */
static inline int tu_is_leap(int y)
{
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/** Days in a month, independent of the library. */
static inline int tu_month_days(int y, int m)
{
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  if (m == 2 && tu_is_leap(y))
    return 29;
  return days[m - 1];
}

/* ------------------------------------------------------------------------ */
/* Policy look-ups                                                          */

/** The built-in 2017 policy; the test fails if it cannot be made. */
static inline oi_policy *tu_builtin_2017(void)
{
  oi_policy *p = NULL;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_policy_builtin(2017, &p, &e);
  ck_assert_msg(st == OI_OK && p != NULL, "oi_policy_builtin(2017) failed: status %d, %s",
                (int)st, e.message);
  return p;
}

/** Index of session @p id in @p policy; the test fails if there is none. */
static inline size_t tu_session_index(const oi_policy *policy, const char *id)
{
  size_t index = (size_t)-1;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_policy_find_session(policy, id, &index, &e);
  ck_assert_msg(st == OI_OK, "session %s not found: status %d, %s", id, (int)st, e.message);
  return index;
}

/** Session @p id of @p policy; the test fails if there is none. */
static inline oi_session tu_session(const oi_policy *policy, const char *id)
{
  oi_session s = OI_SESSION_INIT;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_policy_session(policy, tu_session_index(policy, id), &s, &e);
  ck_assert_msg(st == OI_OK, "oi_policy_session(%s) failed: status %d, %s", id, (int)st,
                e.message);
  return s;
}

/**
 * Id of the course of kind @p kind offered at session @p session_id, found
 * through the policy's getters; NULL if the session offers none of that kind.
 */
static inline const char *tu_course_at(const oi_policy *policy, const char *session_id,
                                       oi_course_kind kind)
{
  oi_session s = tu_session(policy, session_id);
  size_t i;

  for (i = 0; i < s.course_count; i++) {
    size_t ci = (size_t)-1;
    oi_course c = OI_COURSE_INIT;
    ck_assert_int_eq(oi_policy_find_course(policy, s.course_ids[i], &ci, NULL), OI_OK);
    ck_assert_int_eq(oi_policy_course(policy, ci, &c, NULL), OI_OK);
    if (c.kind == kind)
      return c.id;
  }
  return NULL;
}

/** Like tu_course_at(), but the test fails if there is no such course. */
static inline const char *tu_course_id(const oi_policy *policy, const char *session_id,
                                       oi_course_kind kind)
{
  const char *id = tu_course_at(policy, session_id, kind);
  ck_assert_msg(id != NULL, "session %s offers no course of kind %d", session_id, (int)kind);
  return id;
}

/** Index of course @p id; the test fails if there is none. */
static inline size_t tu_course_index(const oi_policy *policy, const char *id)
{
  size_t index = (size_t)-1;
  ck_assert_int_eq(oi_policy_find_course(policy, id, &index, NULL), OI_OK);
  return index;
}

/* ------------------------------------------------------------------------ */
/* Valid default inputs for the 2017 policy                                 */

/** An eligible U.S. local: files LM-3, district 4. */
static inline void tu_us_local(oi_local *l)
{
  *l = (oi_local)OI_LOCAL_INIT;
  l->number = 22;
  l->name = "IATSE Local 22";
  l->country = OI_COUNTRY_US;
  l->district = 4;
  l->lm_form = OI_LM_3;
  l->receipts_known = 0;
  l->receipts_cents = 0;
}

/** A Canadian local with the given receipts (district 12, files no form). */
static inline void tu_ca_local(oi_local *l, int receipts_known, int64_t receipts_cents)
{
  *l = (oi_local)OI_LOCAL_INIT;
  l->number = 58;
  l->name = "IATSE Local 58";
  l->country = OI_COUNTRY_CA;
  l->district = 12;
  l->lm_form = OI_LM_NONE;
  l->receipts_known = receipts_known;
  l->receipts_cents = receipts_cents;
}

/** A President with no graduations. */
static inline void tu_officer(oi_officer *o)
{
  *o = (oi_officer)OI_OFFICER_INIT;
  o->id = "officer-0001";
  o->name = "Pat Example";
  o->office = OI_OFFICE_PRESIDENT;
  o->graduations = NULL;
  o->graduation_count = 0;
}

/**
 * A subsidy request that meets every stateless rule of the 2017 policy: a
 * U.S. LM-3 local, attested, submitted with the application, both forms
 * signed, 5 nights, for OI-2017-MD, received 2017-01-02 09:00:00 (its S6
 * deadline: 2017-02-13 minus 42 days).
 */
static inline void tu_default_request(oi_subsidy_request *r)
{
  *r = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
  r->id = "req-0001";
  r->session_id = "OI-2017-MD";
  tu_us_local(&r->local);
  tu_officer(&r->officer);
  r->received = tu_dt(2017, 1, 2, 9, 0, 0);
  r->nights = 5;
  r->attested = 1;
  r->with_application = 1;
  r->application_signed = 1;
  r->request_signed = 1;
}

/** An application of a President of a U.S. LM-3 local to @p course_id at @p session_id. */
static inline void tu_default_application(oi_application *a, const char *session_id,
                                          const char *course_id)
{
  *a = (oi_application)OI_APPLICATION_INIT;
  a->session_id = session_id;
  a->course_id = course_id;
  tu_us_local(&a->local);
  tu_officer(&a->officer);
}

/* ------------------------------------------------------------------------ */
/* Decisions                                                                */

/** Write "outcome [CODE/clause, ...]" into @p buf, for failure messages. */
static inline const char *tu_describe(const oi_decision *d, char *buf, size_t size)
{
  size_t i, n = 0;
  const char *o = oi_outcome_name(d->outcome);
  int w = snprintf(buf, size, "%s [", o ? o : "?");
  if (w > 0)
    n = (size_t)w < size ? (size_t)w : size - 1;
  for (i = 0; i < d->reason_count && i < OI_DECISION_V1_REASONS && n < size; i++) {
    const char *c = oi_reason_code_name(d->reasons[i].code);
    const char *cl = oi_clause_id(d->reasons[i].clause);
    w = snprintf(buf + n, size - n, "%s%s/%s", i ? ", " : "", c ? c : "?", cl ? cl : "?");
    if (w > 0)
      n += (size_t)w < size - n ? (size_t)w : size - n - 1;
  }
  if (n < size)
    snprintf(buf + n, size - n, "]");
  return buf;
}

/** The number of reasons of @p d with @p code. */
static inline size_t tu_reason_count(const oi_decision *d, oi_reason_code code)
{
  size_t i, n = 0;
  for (i = 0; i < d->reason_count && i < OI_DECISION_V1_REASONS; i++)
    if (d->reasons[i].code == code)
      n++;
  return n;
}

/** The first reason of @p d with @p code, or NULL. */
static inline const oi_reason *tu_find_reason(const oi_decision *d, oi_reason_code code)
{
  size_t i;
  for (i = 0; i < d->reason_count && i < OI_DECISION_V1_REASONS; i++)
    if (d->reasons[i].code == code)
      return &d->reasons[i];
  return NULL;
}

/**
 * Assert that @p d carries exactly one reason @p code, from @p clause, with
 * @p severity; return it.
 */
static inline const oi_reason *tu_assert_reason_at(const oi_decision *d, oi_reason_code code,
                                                   oi_clause clause, oi_severity severity,
                                                   const char *file, int line)
{
  char buf[512];
  const oi_reason *r = tu_find_reason(d, code);
  ck_assert_msg(r != NULL, "%s:%d: expected reason %s, decision is %s", file, line,
                oi_reason_code_name(code) ? oi_reason_code_name(code) : "?",
                tu_describe(d, buf, sizeof buf));
  ck_assert_msg(tu_reason_count(d, code) == 1, "%s:%d: reason %s listed more than once: %s",
                file, line, oi_reason_code_name(code) ? oi_reason_code_name(code) : "?",
                tu_describe(d, buf, sizeof buf));
  ck_assert_msg(r->clause == clause, "%s:%d: reason %s cites clause %d, expected %d", file,
                line, oi_reason_code_name(code) ? oi_reason_code_name(code) : "?",
                (int)r->clause, (int)clause);
  ck_assert_msg(r->severity == severity, "%s:%d: reason %s has severity %d, expected %d", file,
                line, oi_reason_code_name(code) ? oi_reason_code_name(code) : "?",
                (int)r->severity, (int)severity);
  return r;
}

/** Assert @p d has reason @p code (exactly once) from @p clause with severity refusal. */
#define TU_ASSERT_REFUSAL(d, code, clause) \
  tu_assert_reason_at((d), (code), (clause), OI_SEVERITY_REFUSAL, __FILE__, __LINE__)

/** Assert @p d has note @p code (exactly once) from @p clause. */
#define TU_ASSERT_NOTE(d, code, clause) \
  tu_assert_reason_at((d), (code), (clause), OI_SEVERITY_NOTE, __FILE__, __LINE__)

/** Assert @p d does not carry reason @p code. */
#define TU_ASSERT_NO_REASON(d, code)                                                     \
  do {                                                                                   \
    char tu_buf_[512];                                                                   \
    ck_assert_msg(tu_find_reason((d), (code)) == NULL, "unexpected reason %s: %s",        \
                  oi_reason_code_name(code) ? oi_reason_code_name(code) : "?",            \
                  tu_describe((d), tu_buf_, sizeof tu_buf_));                             \
  } while (0)

/** Assert the outcome of @p d, showing its reasons when it differs. */
#define TU_ASSERT_OUTCOME(d, expected)                                                   \
  do {                                                                                   \
    char tu_buf_[512];                                                                   \
    ck_assert_msg((d)->outcome == (expected), "outcome %s, expected %s; decision %s",      \
                  oi_outcome_name((d)->outcome) ? oi_outcome_name((d)->outcome) : "?",   \
                  oi_outcome_name(expected) ? oi_outcome_name(expected) : "?",           \
                  tu_describe((d), tu_buf_, sizeof tu_buf_));                             \
  } while (0)

/** Assert @p d carries exactly @p n reasons, showing them when it does not. */
#define TU_ASSERT_REASON_COUNT(d, n)                                                     \
  do {                                                                                   \
    char tu_buf_[512];                                                                   \
    ck_assert_msg((d)->reason_count == (size_t)(n), "%zu reasons, expected %zu: %s",      \
                  (size_t)(d)->reason_count, (size_t)(n),                                \
                  tu_describe((d), tu_buf_, sizeof tu_buf_));                             \
  } while (0)

/** Field-by-field equality of two decisions (padding bytes ignored). */
static inline int tu_decisions_equal(const oi_decision *a, const oi_decision *b)
{
  size_t i;
  if (a->outcome != b->outcome || a->session != b->session ||
      a->nights_requested != b->nights_requested || a->nights != b->nights ||
      a->nights_if_awarded != b->nights_if_awarded || a->reason_count != b->reason_count)
    return 0;
  if ((a->request_id == NULL) != (b->request_id == NULL) ||
      (a->request_id && strcmp(a->request_id, b->request_id) != 0))
    return 0;
  if ((a->policy_id == NULL) != (b->policy_id == NULL) ||
      (a->policy_id && strcmp(a->policy_id, b->policy_id) != 0))
    return 0;
  if ((a->payee == NULL) != (b->payee == NULL) || (a->payee && strcmp(a->payee, b->payee) != 0))
    return 0;
  for (i = 0; i < a->reason_count && i < OI_DECISION_V1_REASONS; i++) {
    const oi_reason *x = &a->reasons[i], *y = &b->reasons[i];
    if (x->code != y->code || x->clause != y->clause || x->severity != y->severity ||
        x->session != y->session || memcmp(x->value, y->value, sizeof x->value) != 0 ||
        (x->ref_id == NULL) != (y->ref_id == NULL) ||
        (x->ref_id && strcmp(x->ref_id, y->ref_id) != 0))
      return 0;
  }
  return 1;
}

/** A string of @p n copies of @p c in @p buf (which holds n + 1 bytes). */
static inline char *tu_string_of(char *buf, size_t n, char c)
{
  memset(buf, c, n);
  buf[n] = '\0';
  return buf;
}

/* ------------------------------------------------------------------------ */
/* Run length                                                               */

/**
 * 1 when the long runs are asked for: OI_TEST_LONG set to anything but "" or
 * "0" (`make check-long` sets it). Randomized, crash and thread tests take
 * their short default sizes otherwise, so that `make check` stays a matter of
 * seconds on a loaded machine; their own variables (OI_RANDOM_OPS ...) still
 * override either default.
 */
static inline int tu_long_run(void)
{
  const char *v = getenv("OI_TEST_LONG");
  return v != NULL && v[0] != '\0' && strcmp(v, "0") != 0;
}

#endif /* OI_TESTS_TESTUTIL_H */
