/*
 * tests/check_rules.c -- the stateless rules (rules.h), clause by clause.
 *
 * One TCase per clause of doc/policy.md, named exactly by the clause id:
 *   C1 C2 C3   graduation; a course offered at the session
 *   E1         countries a session admits
 *   E2 S7      the cost split
 *   P1 P2      prerequisites of the 2.0 courses
 *   S1 S2 S3 S6 S8   the stateless subsidy rules
 *   S10        "refused with every reason that applies, not only the first"
 * and "decisions" for what every decision carries (the policy's id, the
 * session) and oi_check_subsidy_many().
 *
 * Every expected value below is read from doc/policy.md's text or table, or
 * computed from it (day numbers by tu_days(), independent of the library).
 *
 * A boundary that the shared vectors (tests/vectors/clauses.json, run by
 * check_vectors and the Python suite) decide with the same inputs is left to
 * them: they check the outcome, every reason in order, the nights and the
 * payee. The tests here check what a vector cannot say: the values and the
 * severity a reason carries, its message, the payee's name, nights_requested,
 * fields a vector cannot set (receipts_cents while receipts_known is 0) and
 * outputs left untouched by an error.
 */
#include "testutil.h"

static oi_policy *P; /* the built-in 2017 policy, per test */

static void setup(void)
{
  P = tu_builtin_2017();
}

static void teardown(void)
{
  oi_policy_free(P);
  P = NULL;
}

#define US OI_COUNTRY_BIT(OI_COUNTRY_US)
#define CA OI_COUNTRY_BIT(OI_COUNTRY_CA)

static oi_decision subsidy(const oi_subsidy_request *r)
{
  oi_decision d = OI_DECISION_INIT;
  oi_error e;
  oi_status st;
  memset(&e, 0, sizeof e);
  st = oi_check_subsidy(P, r, &d, &e);
  ck_assert_msg(st == OI_OK, "oi_check_subsidy: status %d, %s (%s)", (int)st, e.message,
                e.path);
  return d;
}

static oi_decision enroll(const oi_application *a)
{
  oi_decision d = OI_DECISION_INIT;
  oi_error e;
  oi_status st;
  memset(&e, 0, sizeof e);
  st = oi_check_enrollment(P, a, &d, &e);
  ck_assert_msg(st == OI_OK, "oi_check_enrollment: status %d, %s (%s)", (int)st, e.message,
                e.path);
  return d;
}

static oi_decision graduation(const char *session_id, const oi_date *days, size_t n)
{
  oi_decision d = OI_DECISION_INIT;
  oi_error e;
  oi_status st;
  memset(&e, 0, sizeof e);
  st = oi_check_graduation(P, session_id, days, n, &d, &e);
  ck_assert_msg(st == OI_OK, "oi_check_graduation: status %d, %s", (int)st, e.message);
  return d;
}

/* The eligible default request (OI-2017-MD) moved to another 1.0 session and
 * received on that session's S6 deadline. */
static void request_for(oi_subsidy_request *r, const char *session_id)
{
  tu_default_request(r);
  r->session_id = session_id;
  if (strcmp(session_id, "OI-2017-CO") == 0)
    r->received = tu_dt(2017, 3, 27, 9, 0, 0);
  else if (strcmp(session_id, "OI-2017-FL") == 0)
    r->received = tu_dt(2017, 9, 4, 9, 0, 0);
}

/* A Canadian request at OI-2017-FL (the only 1.0 session open to Canada). */
static void canadian_request(oi_subsidy_request *r, int receipts_known, int64_t cents)
{
  request_for(r, "OI-2017-FL");
  tu_ca_local(&r->local, receipts_known, cents);
}

/* ------------------------------------------------------------------------ */
/* C1: graduation; the 1.0 course offered at a session                      */

static const oi_date md_week[5] = { { 2017, 2, 13 }, { 2017, 2, 14 }, { 2017, 2, 15 },
                                    { 2017, 2, 16 }, { 2017, 2, 17 } };

START_TEST(test_c1_all_5_days_in_any_order_graduates)
{
  const oi_date days[5] = { { 2017, 2, 17 }, { 2017, 2, 13 }, { 2017, 2, 15 }, { 2017, 2, 14 },
                            { 2017, 2, 16 } };
  oi_decision d = graduation("OI-2017-MD", days, 5);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_GRADUATED);
}
END_TEST

START_TEST(test_c1_4_of_5_days_missing_2017_02_15_not_graduated)
{
  const oi_date days[4] = { { 2017, 2, 13 }, { 2017, 2, 14 }, { 2017, 2, 16 }, { 2017, 2, 17 } };
  oi_decision d = graduation("OI-2017-MD", days, 4);
  const oi_reason *r;
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_NOT_GRADUATED);
  TU_ASSERT_REASON_COUNT(&d, 1);
  r = TU_ASSERT_REFUSAL(&d, OI_REASON_MISSED_DAYS, OI_CLAUSE_C1);
  ck_assert(r->value[0] == 4);
  ck_assert(r->value[1] == 5);
  ck_assert(r->value[2] == tu_days(2017, 2, 15));
}
END_TEST

START_TEST(test_c1_missing_first_and_last_day_reports_first_day_2017_02_13)
{
  const oi_date days[3] = { { 2017, 2, 14 }, { 2017, 2, 15 }, { 2017, 2, 16 } };
  oi_decision d = graduation("OI-2017-MD", days, 3);
  const oi_reason *r;
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_NOT_GRADUATED);
  r = TU_ASSERT_REFUSAL(&d, OI_REASON_MISSED_DAYS, OI_CLAUSE_C1);
  ck_assert(r->value[0] == 3);
  ck_assert(r->value[2] == tu_days(2017, 2, 13));
}
END_TEST

START_TEST(test_c1_missing_only_last_day_2017_02_17_not_graduated)
{
  oi_decision d = graduation("OI-2017-MD", md_week, 4);
  const oi_reason *r;
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_NOT_GRADUATED);
  r = TU_ASSERT_REFUSAL(&d, OI_REASON_MISSED_DAYS, OI_CLAUSE_C1);
  ck_assert(r->value[2] == tu_days(2017, 2, 17));
}
END_TEST

START_TEST(test_c1_repeated_day_counts_once_so_4_distinct_days_do_not_graduate)
{
  const oi_date days[5] = { { 2017, 2, 13 }, { 2017, 2, 13 }, { 2017, 2, 14 }, { 2017, 2, 15 },
                            { 2017, 2, 16 } };
  oi_decision d = graduation("OI-2017-MD", days, 5);
  const oi_reason *r;
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_NOT_GRADUATED);
  r = TU_ASSERT_REFUSAL(&d, OI_REASON_MISSED_DAYS, OI_CLAUSE_C1);
  ck_assert(r->value[0] == 4);
  ck_assert(r->value[2] == tu_days(2017, 2, 17));
}
END_TEST

START_TEST(test_c1_repeated_day_with_all_5_days_still_graduates)
{
  const oi_date days[7] = { { 2017, 2, 13 }, { 2017, 2, 14 }, { 2017, 2, 14 }, { 2017, 2, 15 },
                            { 2017, 2, 16 }, { 2017, 2, 17 }, { 2017, 2, 17 } };
  oi_decision d = graduation("OI-2017-MD", days, 7);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_GRADUATED);
}
END_TEST

START_TEST(test_c1_0_days_attended_not_graduated)
{
  oi_decision d = graduation("OI-2017-MD", md_week, 0);
  const oi_reason *r;
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_NOT_GRADUATED);
  r = TU_ASSERT_REFUSAL(&d, OI_REASON_MISSED_DAYS, OI_CLAUSE_C1);
  ck_assert(r->value[0] == 0);
  ck_assert(r->value[1] == 5);
  ck_assert(r->value[2] == tu_days(2017, 2, 13));
}
END_TEST

START_TEST(test_c1_all_5_days_of_denver_graduates_there_but_not_at_linthicum)
{
  const oi_date days[5] = { { 2017, 5, 8 }, { 2017, 5, 9 }, { 2017, 5, 10 }, { 2017, 5, 11 },
                            { 2017, 5, 12 } };
  oi_decision d = graduation("OI-2017-CO", days, 5);
  const oi_reason *r;
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_GRADUATED);
  TU_ASSERT_REASON_COUNT(&d, 0);
  /* Denver's days are outside OI-2017-MD: none of its days was attended,
   * and the five listed are a note, not an error. */
  d = graduation("OI-2017-MD", days, 5);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_NOT_GRADUATED);
  TU_ASSERT_REASON_COUNT(&d, 2);
  r = TU_ASSERT_REFUSAL(&d, OI_REASON_MISSED_DAYS, OI_CLAUSE_C1);
  ck_assert(r->value[0] == 0);
  r = TU_ASSERT_NOTE(&d, OI_REASON_DAYS_OUTSIDE_SESSION, OI_CLAUSE_C1);
  ck_assert(r->value[0] == 5);
}
END_TEST

static void assert_graduation_fails(const char *session_id, const oi_date *days, size_t n,
                                    oi_status expected)
{
  oi_decision d, before;
  oi_error e;
  oi_status st;
  memset(&d, TU_SENTINEL, sizeof d);
  d.version = OI_DECISION_VERSION;
  before = d;
  memset(&e, 0, sizeof e);
  st = oi_check_graduation(P, session_id, days, n, &d, &e);
  ck_assert_msg(st == expected, "status %d, expected %d", (int)st, (int)expected);
  ck_assert_int_eq(e.status, expected);
  ck_assert_msg(e.message[0] != '\0', "no message");
  ck_assert_mem_eq(&d, &before, sizeof d);
}

/* Reading (C1): days outside the session are a record of what the officer
 * attended, not bad input: a note, and graduation reads the session's days. */
START_TEST(test_c1_extra_day_before_and_after_graduates_with_a_note)
{
  const oi_date days[7] = { { 2017, 2, 12 }, { 2017, 2, 13 }, { 2017, 2, 14 }, { 2017, 2, 15 },
                            { 2017, 2, 16 }, { 2017, 2, 17 }, { 2017, 2, 18 } };
  oi_decision d = graduation("OI-2017-MD", days, 7);
  const oi_reason *r;
  char msg[256];
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_GRADUATED);
  TU_ASSERT_REASON_COUNT(&d, 1);
  r = TU_ASSERT_NOTE(&d, OI_REASON_DAYS_OUTSIDE_SESSION, OI_CLAUSE_C1);
  ck_assert(r->value[0] == 2);
  ck_assert(r->value[1] == tu_days(2017, 2, 12));
  ck_assert(r->value[2] == tu_days(2017, 2, 18));
  ck_assert_int_eq(r->session, (int32_t)tu_session_index(P, "OI-2017-MD"));
  ck_assert_int_gt(oi_reason_format(P, r, msg, sizeof msg), 0);
  ck_assert_msg(strstr(msg, "2 of the days listed (2017-02-12 to 2017-02-18) are outside "
                            "session OI-2017-MD (2017-02-13 to 2017-02-17)") != NULL,
                "message: %s", msg);
}
END_TEST

START_TEST(test_c1_extra_days_around_a_missed_day_not_graduated_missed_then_note)
{
  /* 2017-02-15 missed; 2017-02-11 and 2017-02-19 outside the session. */
  const oi_date days[6] = { { 2017, 2, 19 }, { 2017, 2, 13 }, { 2017, 2, 14 }, { 2017, 2, 16 },
                            { 2017, 2, 17 }, { 2017, 2, 11 } };
  oi_decision d = graduation("OI-2017-MD", days, 6);
  const oi_reason *r;
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_NOT_GRADUATED);
  TU_ASSERT_REASON_COUNT(&d, 2);
  ck_assert_int_eq(d.reasons[0].code, OI_REASON_MISSED_DAYS); /* the refusal first */
  r = TU_ASSERT_REFUSAL(&d, OI_REASON_MISSED_DAYS, OI_CLAUSE_C1);
  ck_assert(r->value[0] == 4);
  ck_assert(r->value[2] == tu_days(2017, 2, 15));
  r = TU_ASSERT_NOTE(&d, OI_REASON_DAYS_OUTSIDE_SESSION, OI_CLAUSE_C1);
  ck_assert(r->value[0] == 2);
  ck_assert(r->value[1] == tu_days(2017, 2, 11));
  ck_assert(r->value[2] == tu_days(2017, 2, 19));
}
END_TEST

START_TEST(test_c1_one_day_outside_a_year_away_is_one_note)
{
  const oi_date days[6] = { { 2017, 2, 13 }, { 2017, 2, 14 }, { 2017, 2, 15 }, { 2017, 2, 16 },
                            { 2017, 2, 17 }, { 2016, 2, 13 } };
  oi_decision d = graduation("OI-2017-MD", days, 6);
  const oi_reason *r;
  char msg[256];
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_GRADUATED);
  r = TU_ASSERT_NOTE(&d, OI_REASON_DAYS_OUTSIDE_SESSION, OI_CLAUSE_C1);
  ck_assert(r->value[0] == 1);
  ck_assert(r->value[1] == tu_days(2016, 2, 13) && r->value[2] == r->value[1]);
  oi_reason_format(P, r, msg, sizeof msg);
  ck_assert_msg(strstr(msg, "1 of the days listed (2016-02-13) is outside") != NULL, "%s", msg);
}
END_TEST

START_TEST(test_c1_invalid_date_beside_days_outside_is_still_edate)
{
  const oi_date days[3] = { { 2017, 2, 12 }, { 2017, 2, 13 }, { 2017, 2, 29 } };
  assert_graduation_fails("OI-2017-MD", days, 3, OI_EDATE);
}
END_TEST

START_TEST(test_c1_attended_2017_02_30_is_edate)
{
  const oi_date days[2] = { { 2017, 2, 13 }, { 2017, 2, 30 } };
  assert_graduation_fails("OI-2017-MD", days, 2, OI_EDATE);
}
END_TEST

START_TEST(test_c1_unknown_session_is_enotfound)
{
  assert_graduation_fails("OI-2016-MD", md_week, 5, OI_ENOTFOUND);
}
END_TEST

START_TEST(test_c1_institute_course_not_offered_at_adv_2017_md)
{
  oi_application a;
  oi_decision d;
  const oi_reason *r;
  const char *inst = tu_course_id(P, "OI-2017-MD", OI_COURSE_INSTITUTE);
  tu_default_application(&a, "ADV-2017-MD", inst);
  d = enroll(&a);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 1);
  r = TU_ASSERT_REFUSAL(&d, OI_REASON_COURSE_NOT_OFFERED, OI_CLAUSE_C1);
  ck_assert(r->value[0] == (int64_t)tu_course_index(P, inst));
  ck_assert_int_eq(r->session, (int32_t)tu_session_index(P, "ADV-2017-MD"));
}
END_TEST

START_TEST(test_c1_institute_course_offered_at_each_1_0_session_admits_us_officer)
{
  static const char *const ids[] = { "OI-2017-MD", "OI-2017-CO", "OI-2017-FL" };
  size_t i;
  for (i = 0; i < 3; i++) {
    oi_application a;
    oi_decision d;
    tu_default_application(&a, ids[i], tu_course_id(P, ids[i], OI_COURSE_INSTITUTE));
    d = enroll(&a);
    TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ADMITTED);
    TU_ASSERT_REASON_COUNT(&d, 0);
  }
}
END_TEST

/* ------------------------------------------------------------------------ */
/* C2, C3: the 2.0 courses are offered at the 2.0 sessions only             */

static const oi_graduation toronto_undated = { "Toronto", { 0, 0, 0 } };

START_TEST(test_c2_organizing_course_not_offered_at_oi_2017_md)
{
  oi_application a;
  oi_decision d;
  const oi_reason *r;
  const char *org = tu_course_id(P, "ADV-2017-MD", OI_COURSE_ADVANCED_ORGANIZING);
  tu_default_application(&a, "OI-2017-MD", org);
  a.officer.graduations = &toronto_undated; /* P1 met, so only the course is wrong */
  a.officer.graduation_count = 1;
  d = enroll(&a);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 1);
  r = TU_ASSERT_REFUSAL(&d, OI_REASON_COURSE_NOT_OFFERED, OI_CLAUSE_C2);
  ck_assert(r->value[0] == (int64_t)tu_course_index(P, org));
}
END_TEST

START_TEST(test_c3_secretary_treasurer_course_not_offered_at_oi_2017_co)
{
  oi_application a;
  oi_decision d;
  const oi_reason *r;
  const char *st = tu_course_id(P, "ADV-2017-CA", OI_COURSE_ADVANCED_SECRETARY_TREASURER);
  tu_default_application(&a, "OI-2017-CO", st);
  a.officer.office = OI_OFFICE_TREASURER; /* P2 met, so only the course is wrong */
  d = enroll(&a);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 1);
  r = TU_ASSERT_REFUSAL(&d, OI_REASON_COURSE_NOT_OFFERED, OI_CLAUSE_C3);
  ck_assert(r->value[0] == (int64_t)tu_course_index(P, st));
}
END_TEST

/* ------------------------------------------------------------------------ */
/* E1: a session admits only locals of the countries it is open to          */

static void assert_country_refusal(const oi_decision *d, const char *session_id,
                                   unsigned mask)
{
  const oi_reason *r;
  TU_ASSERT_OUTCOME(d, OI_OUTCOME_REFUSED);
  r = TU_ASSERT_REFUSAL(d, OI_REASON_COUNTRY_NOT_ADMITTED, OI_CLAUSE_E1);
  ck_assert(r->value[0] == OI_COUNTRY_CA);
  ck_assert(r->value[1] == (int64_t)mask);
  ck_assert_int_eq(r->session, (int32_t)tu_session_index(P, session_id));
}

START_TEST(test_e1_canadian_local_enrollment_at_oi_2017_md_refused)
{
  oi_application a;
  oi_decision d;
  tu_default_application(&a, "OI-2017-MD", tu_course_id(P, "OI-2017-MD", OI_COURSE_INSTITUTE));
  tu_ca_local(&a.local, 1, 100);
  d = enroll(&a);
  TU_ASSERT_REASON_COUNT(&d, 1);
  assert_country_refusal(&d, "OI-2017-MD", US);
}
END_TEST

START_TEST(test_e1_canadian_local_enrollment_at_oi_2017_co_refused)
{
  oi_application a;
  oi_decision d;
  tu_default_application(&a, "OI-2017-CO", tu_course_id(P, "OI-2017-CO", OI_COURSE_INSTITUTE));
  tu_ca_local(&a.local, 1, 100);
  d = enroll(&a);
  assert_country_refusal(&d, "OI-2017-CO", US);
}
END_TEST

START_TEST(test_e1_canadian_local_subsidy_at_oi_2017_md_refused)
{
  /* Receipts qualify (S2) and the request is on time: only E1 refuses it. */
  oi_subsidy_request r;
  oi_decision d;
  tu_default_request(&r);
  tu_ca_local(&r.local, 1, 100);
  d = subsidy(&r);
  TU_ASSERT_REASON_COUNT(&d, 1);
  assert_country_refusal(&d, "OI-2017-MD", US);
  ck_assert_int_eq(d.nights, 0);
  ck_assert_ptr_null(d.payee);
}
END_TEST

/* An officer who meets P1 (Toronto, undated) and P2 (Secretary). */
static void qualified_application(oi_application *a, const char *session_id,
                                  const char *course_id)
{
  tu_default_application(a, session_id, course_id);
  a->officer.office = OI_OFFICE_SECRETARY;
  a->officer.graduations = &toronto_undated;
  a->officer.graduation_count = 1;
}

START_TEST(test_e1_us_local_admitted_to_every_course_of_every_session)
{
  size_t i, j;
  ck_assert_uint_eq(oi_policy_session_count(P), 5);
  for (i = 0; i < oi_policy_session_count(P); i++) {
    oi_session s = OI_SESSION_INIT;
    ck_assert_int_eq(oi_policy_session(P, i, &s, NULL), OI_OK);
    for (j = 0; j < s.course_count; j++) {
      oi_application a;
      oi_decision d;
      qualified_application(&a, s.id, s.course_ids[j]);
      d = enroll(&a);
      ck_assert_msg(d.outcome == OI_OUTCOME_ADMITTED, "U.S. officer refused %s at %s",
                    s.course_ids[j], s.id);
    }
  }
}
END_TEST

START_TEST(test_e1_canadian_local_admitted_to_both_courses_at_both_adv_sessions)
{
  static const char *const ids[] = { "ADV-2017-MD", "ADV-2017-CA" };
  size_t i, j;
  for (i = 0; i < 2; i++) {
    oi_session s = tu_session(P, ids[i]);
    ck_assert_uint_eq(s.course_count, 2);
    for (j = 0; j < s.course_count; j++) {
      oi_application a;
      oi_decision d;
      qualified_application(&a, s.id, s.course_ids[j]);
      tu_ca_local(&a.local, 0, 0);
      d = enroll(&a);
      ck_assert_msg(d.outcome == OI_OUTCOME_ADMITTED, "Canadian officer refused %s at %s",
                    s.course_ids[j], s.id);
    }
  }
}
END_TEST

START_TEST(test_e1_canadian_at_oi_2017_md_for_2_0_course_lists_country_and_course)
{
  oi_application a;
  oi_decision d;
  qualified_application(&a, "OI-2017-MD",
                        tu_course_id(P, "ADV-2017-MD", OI_COURSE_ADVANCED_ORGANIZING));
  tu_ca_local(&a.local, 1, 100);
  d = enroll(&a);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 2);
  TU_ASSERT_REFUSAL(&d, OI_REASON_COUNTRY_NOT_ADMITTED, OI_CLAUSE_E1);
  TU_ASSERT_REFUSAL(&d, OI_REASON_COURSE_NOT_OFFERED, OI_CLAUSE_C2);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* E2 and S7: the cost split                                                */

static oi_cost_split split(int nights, int awarded, int64_t rate)
{
  oi_stay stay = OI_STAY_INIT;
  oi_cost_split out = OI_COST_SPLIT_INIT;
  oi_error e;
  oi_status st;
  stay.nights = nights;
  stay.nights_awarded = awarded;
  stay.nightly_rate_cents = rate;
  memset(&e, 0, sizeof e);
  st = oi_cost_split_compute(P, &stay, &out, &e);
  ck_assert_msg(st == OI_OK, "cost split (%d, %d, %lld): status %d, %s", nights, awarded,
                (long long)rate, (int)st, e.message);
  return out;
}

static void assert_split_fails(int nights, int awarded, int64_t rate, oi_status expected)
{
  oi_stay stay = OI_STAY_INIT;
  oi_cost_split out, before;
  oi_error e;
  oi_status st;
  stay.nights = nights;
  stay.nights_awarded = awarded;
  stay.nightly_rate_cents = rate;
  memset(&out, TU_SENTINEL, sizeof out);
  out.version = OI_COST_SPLIT_VERSION;
  before = out;
  memset(&e, 0, sizeof e);
  st = oi_cost_split_compute(P, &stay, &out, &e);
  ck_assert_msg(st == expected, "cost split (%d, %d, %lld): status %d, expected %d", nights,
                awarded, (long long)rate, (int)st, (int)expected);
  ck_assert_int_eq(e.status, expected);
  ck_assert_msg(e.message[0] != '\0', "no message");
  ck_assert_mem_eq(&out, &before, sizeof out);
}

START_TEST(test_e2_program_and_instructors_paid_by_international)
{
  oi_cost_split c = split(5, 0, 15000);
  ck_assert_int_eq(c.payer[OI_COST_PROGRAM], OI_PAYER_INTERNATIONAL);
  ck_assert_int_eq(c.payer[OI_COST_INSTRUCTORS], OI_PAYER_INTERNATIONAL);
  c = split(7, 5, 15000);
  ck_assert_int_eq(c.payer[OI_COST_PROGRAM], OI_PAYER_INTERNATIONAL);
  ck_assert_int_eq(c.payer[OI_COST_INSTRUCTORS], OI_PAYER_INTERNATIONAL);
}
END_TEST

START_TEST(test_e2_no_subsidy_local_pays_all_5_hotel_nights)
{
  oi_cost_split c = split(5, 0, 15000);
  ck_assert_int_eq(c.payer[OI_COST_HOTEL], OI_PAYER_LOCAL);
  ck_assert_int_eq(c.subsidy_nights, 0);
  ck_assert_int_eq(c.local_nights, 5);
  ck_assert(c.subsidy_hotel_cents == 0);
  ck_assert(c.local_hotel_cents == 75000);
}
END_TEST

START_TEST(test_e2_awarded_6_exceeds_max_nights_5_is_einval)
{
  assert_split_fails(7, 6, 15000, OI_EINVAL);
}
END_TEST

START_TEST(test_e2_negative_rate_or_nights_is_einval)
{
  assert_split_fails(5, 5, -1, OI_EINVAL);
  assert_split_fails(-1, 0, 15000, OI_EINVAL);
  assert_split_fails(5, -1, 15000, OI_EINVAL);
}
END_TEST

START_TEST(test_e2_rate_int64_max_for_2_local_nights_overflows_elimit)
{
  assert_split_fails(2, 0, INT64_MAX, OI_ELIMIT);
}
END_TEST

START_TEST(test_e2_rate_int64_max_for_5_subsidy_nights_overflows_elimit)
{
  assert_split_fails(5, 5, INT64_MAX, OI_ELIMIT);
}
END_TEST

START_TEST(test_e2_rate_int64_max_for_1_night_fits)
{
  oi_cost_split c = split(1, 0, INT64_MAX);
  ck_assert(c.local_hotel_cents == INT64_MAX);
  c = split(1, 1, INT64_MAX);
  ck_assert(c.subsidy_hotel_cents == INT64_MAX);
  ck_assert(c.local_hotel_cents == 0);
}
END_TEST

START_TEST(test_e2_null_policy_stay_or_out_is_einval)
{
  oi_stay stay = OI_STAY_INIT;
  oi_cost_split out = OI_COST_SPLIT_INIT;
  stay.nights = 5;
  stay.nights_awarded = 5;
  stay.nightly_rate_cents = 15000;
  ck_assert_int_eq(oi_cost_split_compute(NULL, &stay, &out, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_cost_split_compute(P, NULL, &out, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_cost_split_compute(P, &stay, NULL, NULL), OI_EINVAL);
}
END_TEST

START_TEST(test_s7_transportation_and_per_diem_paid_by_local_without_subsidy)
{
  oi_cost_split c = split(5, 0, 15000);
  ck_assert_int_eq(c.payer[OI_COST_TRANSPORTATION], OI_PAYER_LOCAL);
  ck_assert_int_eq(c.payer[OI_COST_PER_DIEM], OI_PAYER_LOCAL);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* P1: Advanced Organizing 2.0 requires a 1.0 graduation before it          */

static oi_decision organizing(const char *session_id, const oi_graduation *g, size_t n)
{
  oi_application a;
  tu_default_application(&a, session_id,
                         tu_course_id(P, session_id, OI_COURSE_ADVANCED_ORGANIZING));
  a.officer.graduations = g;
  a.officer.graduation_count = n;
  return enroll(&a);
}

static oi_graduation grad(const char *site, int y, int m, int d)
{
  oi_graduation g;
  g.site = site;
  g.date = tu_date(y, m, d);
  return g;
}

/* Refused under P1 with the given counts (value[0..2]) and 2.0 first day. */
static void assert_p1_refused(const oi_decision *d, int64_t claimed, int64_t unknown,
                              int64_t late, oi_date adv_first_day)
{
  const oi_reason *r;
  TU_ASSERT_OUTCOME(d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(d, 1);
  r = TU_ASSERT_REFUSAL(d, OI_REASON_NO_QUALIFYING_GRADUATION, OI_CLAUSE_P1);
  ck_assert_msg(r->value[0] == claimed, "claimed %lld, expected %lld", (long long)r->value[0],
                (long long)claimed);
  ck_assert_msg(r->value[1] == unknown, "unknown site %lld, expected %lld",
                (long long)r->value[1], (long long)unknown);
  ck_assert_msg(r->value[2] == late, "too late %lld, expected %lld", (long long)r->value[2],
                (long long)late);
  ck_assert(r->value[3] == tu_days_of(adv_first_day));
}

static const oi_date adv_md_first_day = { 2017, 2, 22 };

START_TEST(test_p1_prior_site_matches_ignoring_case_toronto_lowercase)
{
  oi_graduation g = grad("toronto", 0, 0, 0);
  oi_decision d = organizing("ADV-2017-MD", &g, 1);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ADMITTED);
  g.site = "TORONTO";
  d = organizing("ADV-2017-MD", &g, 1);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ADMITTED);
}
END_TEST

START_TEST(test_p1_prior_site_matches_ignoring_trailing_state_las_vegas_nv)
{
  oi_graduation g = grad("Las Vegas, NV", 0, 0, 0);
  oi_decision d = organizing("ADV-2017-MD", &g, 1);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ADMITTED);
  g.site = "new york city, ny";
  d = organizing("ADV-2017-MD", &g, 1);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ADMITTED);
}
END_TEST

START_TEST(test_p1_every_prior_site_on_record_qualifies_undated)
{
  static const char *const sites[] = { "Philadelphia", "Chicago",  "Los Angeles", "Calgary",
                                       "New York City", "Atlanta", "Las Vegas",   "Toronto",
                                       "Cambridge",    "Austin",   "Vancouver" };
  size_t i;
  for (i = 0; i < 11; i++) {
    oi_graduation g = grad(sites[i], 0, 0, 0);
    oi_decision d = organizing("ADV-2017-MD", &g, 1);
    ck_assert_msg(d.outcome == OI_OUTCOME_ADMITTED, "graduation at %s did not qualify",
                  sites[i]);
  }
}
END_TEST

START_TEST(test_p1_prior_site_dated_2017_02_22_on_adv_first_day_does_not_qualify)
{
  oi_graduation g = grad("Toronto", 2017, 2, 22);
  oi_decision d = organizing("ADV-2017-MD", &g, 1);
  assert_p1_refused(&d, 1, 0, 1, adv_md_first_day);
}
END_TEST

START_TEST(test_p1_catalogue_site_denver_dated_2017_05_12_does_not_qualify_for_adv_md)
{
  /* OI-2017-CO ended 2017-05-12, after ADV-2017-MD began. */
  oi_graduation g = grad("Denver", 2017, 5, 12);
  oi_decision d = organizing("ADV-2017-MD", &g, 1);
  assert_p1_refused(&d, 1, 0, 1, adv_md_first_day);
}
END_TEST

START_TEST(test_p1_catalogue_session_id_oi_2017_co_does_not_qualify_for_adv_md)
{
  oi_graduation g = grad("OI-2017-CO", 0, 0, 0);
  oi_decision d = organizing("ADV-2017-MD", &g, 1);
  assert_p1_refused(&d, 1, 0, 1, adv_md_first_day);
}
END_TEST

START_TEST(test_p1_catalogue_site_denver_dated_2017_05_12_qualifies_for_adv_ca)
{
  /* OI-2017-CO ended 2017-05-12, before ADV-2017-CA began 2017-11-29. */
  oi_graduation g = grad("Denver, CO", 2017, 5, 12);
  oi_decision d = organizing("ADV-2017-CA", &g, 1);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ADMITTED);
}
END_TEST

START_TEST(test_p1_unknown_site_springfield_does_not_qualify)
{
  oi_graduation g = grad("Springfield", 0, 0, 0);
  oi_decision d = organizing("ADV-2017-MD", &g, 1);
  assert_p1_refused(&d, 1, 1, 0, adv_md_first_day);
}
END_TEST

START_TEST(test_p1_unknown_site_springfield_dated_before_does_not_qualify)
{
  oi_graduation g = grad("Springfield", 2015, 6, 1);
  oi_decision d = organizing("ADV-2017-MD", &g, 1);
  assert_p1_refused(&d, 1, 1, 0, adv_md_first_day);
}
END_TEST

START_TEST(test_p1_site_that_only_begins_with_a_prior_city_does_not_qualify)
{
  /* Sites match by city name: "Toronto Falls" is not Toronto. */
  oi_graduation g = grad("Toronto Falls", 0, 0, 0);
  oi_decision d = organizing("ADV-2017-MD", &g, 1);
  assert_p1_refused(&d, 1, 1, 0, adv_md_first_day);
}
END_TEST

START_TEST(test_p1_no_graduations_refused_with_zero_counts)
{
  oi_decision d = organizing("ADV-2017-MD", NULL, 0);
  assert_p1_refused(&d, 0, 0, 0, adv_md_first_day);
  ck_assert_int_eq(d.reasons[0].session, (int32_t)tu_session_index(P, "ADV-2017-MD"));
}
END_TEST

START_TEST(test_p1_no_graduations_at_adv_ca_reports_2017_11_29)
{
  oi_decision d = organizing("ADV-2017-CA", NULL, 0);
  assert_p1_refused(&d, 0, 0, 0, tu_date(2017, 11, 29));
}
END_TEST

START_TEST(test_p1_counts_one_unknown_and_two_late_of_three_claimed)
{
  oi_graduation g[3];
  oi_decision d;
  g[0] = grad("Springfield", 0, 0, 0);
  g[1] = grad("Toronto", 2017, 2, 22);
  g[2] = grad("Denver, CO", 2017, 5, 12);
  d = organizing("ADV-2017-MD", g, 3);
  assert_p1_refused(&d, 3, 1, 2, adv_md_first_day);
}
END_TEST

START_TEST(test_p1_one_qualifying_graduation_among_bad_ones_admits)
{
  oi_graduation g[3];
  oi_decision d;
  g[0] = grad("Springfield", 0, 0, 0);
  g[1] = grad("Toronto", 2017, 2, 22);
  g[2] = grad("Calgary, AB", 2016, 8, 5);
  d = organizing("ADV-2017-MD", g, 3);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ADMITTED);
  TU_ASSERT_REASON_COUNT(&d, 0);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* P2: Advanced Secretary Treasurer 2.0                                     */

static oi_decision sec_treasurer(oi_office office, const oi_graduation *g, size_t n)
{
  oi_application a;
  tu_default_application(&a, "ADV-2017-MD",
                         tu_course_id(P, "ADV-2017-MD", OI_COURSE_ADVANCED_SECRETARY_TREASURER));
  a.officer.office = office;
  a.officer.graduations = g;
  a.officer.graduation_count = n;
  return enroll(&a);
}

static void assert_p2_refused(const oi_decision *d, oi_office office, int64_t claimed,
                              int64_t unknown, int64_t late)
{
  const oi_reason *r;
  TU_ASSERT_OUTCOME(d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(d, 1);
  r = TU_ASSERT_REFUSAL(d, OI_REASON_NOT_SECRETARY_TREASURER, OI_CLAUSE_P2);
  ck_assert(r->value[0] == (int64_t)office);
  ck_assert(r->value[1] == claimed);
  ck_assert(r->value[2] == unknown);
  ck_assert(r->value[3] == late);
}

START_TEST(test_p2_recording_secretary_refused_without_graduation)
{
  oi_decision d = sec_treasurer(OI_OFFICE_RECORDING_SECRETARY, NULL, 0);
  assert_p2_refused(&d, OI_OFFICE_RECORDING_SECRETARY, 0, 0, 0);
}
END_TEST

START_TEST(test_p2_president_refused_without_graduation)
{
  oi_decision d = sec_treasurer(OI_OFFICE_PRESIDENT, NULL, 0);
  assert_p2_refused(&d, OI_OFFICE_PRESIDENT, 0, 0, 0);
}
END_TEST

START_TEST(test_p2_vice_president_business_agent_none_other_refused)
{
  static const oi_office offices[] = { OI_OFFICE_NONE, OI_OFFICE_VICE_PRESIDENT,
                                       OI_OFFICE_BUSINESS_AGENT, OI_OFFICE_OTHER };
  size_t i;
  for (i = 0; i < 4; i++) {
    oi_decision d = sec_treasurer(offices[i], NULL, 0);
    assert_p2_refused(&d, offices[i], 0, 0, 0);
  }
}
END_TEST

START_TEST(test_p2_business_agent_with_unknown_and_late_graduations_refused_with_counts)
{
  oi_graduation g[2];
  oi_decision d;
  g[0] = grad("Springfield", 0, 0, 0);
  g[1] = grad("Toronto", 2017, 2, 22);
  d = sec_treasurer(OI_OFFICE_BUSINESS_AGENT, g, 2);
  assert_p2_refused(&d, OI_OFFICE_BUSINESS_AGENT, 2, 1, 1);
}
END_TEST

START_TEST(test_p2_canadian_treasurer_admitted_at_adv_2017_ca)
{
  oi_application a;
  oi_decision d;
  tu_default_application(&a, "ADV-2017-CA",
                         tu_course_id(P, "ADV-2017-CA", OI_COURSE_ADVANCED_SECRETARY_TREASURER));
  tu_ca_local(&a.local, 0, 0);
  a.officer.office = OI_OFFICE_TREASURER;
  d = enroll(&a);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ADMITTED);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* S1: no subsidy for 2.0 sessions                                          */

START_TEST(test_s1_subsidy_request_to_adv_2017_md_refused_no_subsidy_for_course)
{
  oi_subsidy_request r;
  oi_decision d;
  const oi_reason *reason;
  tu_default_request(&r);
  r.session_id = "ADV-2017-MD";
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 1);
  reason = TU_ASSERT_REFUSAL(&d, OI_REASON_NO_SUBSIDY_FOR_COURSE, OI_CLAUSE_S1);
  ck_assert_int_eq(reason->session, (int32_t)tu_session_index(P, "ADV-2017-MD"));
  ck_assert_int_eq(d.nights, 0);
  ck_assert_ptr_null(d.payee);
}
END_TEST

START_TEST(test_s1_subsidy_request_to_adv_2017_ca_refused_no_subsidy_for_course)
{
  oi_subsidy_request r;
  oi_decision d;
  tu_default_request(&r);
  r.session_id = "ADV-2017-CA";
  r.received = tu_dt(2017, 9, 1, 9, 0, 0);
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REFUSAL(&d, OI_REASON_NO_SUBSIDY_FOR_COURSE, OI_CLAUSE_S1);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* S2: the local's category, and its attestation                            */

START_TEST(test_s2_us_lm2_refused_form_not_eligible)
{
  oi_subsidy_request r;
  oi_decision d;
  const oi_reason *reason;
  tu_default_request(&r);
  r.local.lm_form = OI_LM_2;
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 1);
  reason = TU_ASSERT_REFUSAL(&d, OI_REASON_US_FORM_NOT_ELIGIBLE, OI_CLAUSE_S2);
  ck_assert(reason->value[0] == OI_LM_2);
}
END_TEST

START_TEST(test_s2_us_no_form_refused_form_not_eligible)
{
  oi_subsidy_request r;
  oi_decision d;
  const oi_reason *reason;
  tu_default_request(&r);
  r.local.lm_form = OI_LM_NONE;
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  reason = TU_ASSERT_REFUSAL(&d, OI_REASON_US_FORM_NOT_ELIGIBLE, OI_CLAUSE_S2);
  ck_assert(reason->value[0] == OI_LM_NONE);
}
END_TEST

START_TEST(test_s2_us_lm2_with_zero_receipts_refused_by_form_alone)
{
  oi_subsidy_request r;
  oi_decision d;
  tu_default_request(&r);
  r.local.lm_form = OI_LM_2;
  r.local.receipts_known = 1;
  r.local.receipts_cents = 0;
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REFUSAL(&d, OI_REASON_US_FORM_NOT_ELIGIBLE, OI_CLAUSE_S2);
}
END_TEST

START_TEST(test_s2_receipts_25000000_cents_refused_too_high)
{
  oi_subsidy_request r;
  oi_decision d;
  const oi_reason *reason;
  canadian_request(&r, 1, INT64_C(25000000));
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 1);
  reason = TU_ASSERT_REFUSAL(&d, OI_REASON_CA_RECEIPTS_TOO_HIGH, OI_CLAUSE_S2);
  ck_assert(reason->value[0] == INT64_C(25000000));
  ck_assert(reason->value[1] == INT64_C(25000000));
}
END_TEST

START_TEST(test_s2_receipts_0_cents_qualify)
{
  oi_subsidy_request r;
  oi_decision d;
  canadian_request(&r, 1, 0);
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ELIGIBLE);
}
END_TEST

START_TEST(test_s2_canadian_receipts_unknown_refused)
{
  oi_subsidy_request r;
  oi_decision d;
  const oi_reason *reason;
  canadian_request(&r, 0, 0);
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 1);
  reason = TU_ASSERT_REFUSAL(&d, OI_REASON_CA_RECEIPTS_UNKNOWN, OI_CLAUSE_S2);
  ck_assert(reason->value[0] == INT64_C(25000000));
}
END_TEST

START_TEST(test_s2_canadian_receipts_not_known_ignores_receipts_field)
{
  /* receipts_cents is read only when receipts_known */
  oi_subsidy_request r;
  oi_decision d;
  canadian_request(&r, 0, 100);
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REFUSAL(&d, OI_REASON_CA_RECEIPTS_UNKNOWN, OI_CLAUSE_S2);
}
END_TEST

START_TEST(test_s2_canadian_lm3_with_25000000_cents_refused_by_receipts_alone)
{
  oi_subsidy_request r;
  oi_decision d;
  canadian_request(&r, 1, INT64_C(25000000));
  r.local.lm_form = OI_LM_3;
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REFUSAL(&d, OI_REASON_CA_RECEIPTS_TOO_HIGH, OI_CLAUSE_S2);
  TU_ASSERT_NO_REASON(&d, OI_REASON_US_FORM_NOT_ELIGIBLE);
}
END_TEST

START_TEST(test_s2_missing_attestation_of_lm2_local_gives_both_reasons)
{
  oi_subsidy_request r;
  oi_decision d;
  tu_default_request(&r);
  r.attested = 0;
  r.local.lm_form = OI_LM_2;
  d = subsidy(&r);
  TU_ASSERT_REASON_COUNT(&d, 2);
  TU_ASSERT_REFUSAL(&d, OI_REASON_NOT_ATTESTED, OI_CLAUSE_S2);
  TU_ASSERT_REFUSAL(&d, OI_REASON_US_FORM_NOT_ELIGIBLE, OI_CLAUSE_S2);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* S3: up to five nights, paid to the designated hotel                      */

START_TEST(test_s3_5_nights_requested_pays_5_without_note)
{
  oi_subsidy_request r;
  oi_decision d;
  tu_default_request(&r);
  r.nights = 5;
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ELIGIBLE);
  ck_assert_int_eq(d.nights_requested, 5);
  ck_assert_int_eq(d.nights, 5);
  TU_ASSERT_NO_REASON(&d, OI_REASON_NIGHTS_LIMITED);
}
END_TEST

START_TEST(test_s3_6_nights_requested_pays_5_with_note)
{
  oi_subsidy_request r;
  oi_decision d;
  const oi_reason *note;
  tu_default_request(&r);
  r.nights = 6;
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ELIGIBLE);
  ck_assert_int_eq(d.nights, 5);
  note = TU_ASSERT_NOTE(&d, OI_REASON_NIGHTS_LIMITED, OI_CLAUSE_S3);
  ck_assert(note->value[0] == 6);
  ck_assert(note->value[1] == 5);
}
END_TEST

START_TEST(test_s3_7_nights_requested_pays_5_still_eligible_with_note)
{
  oi_subsidy_request r;
  oi_decision d;
  const oi_reason *note;
  tu_default_request(&r);
  r.nights = 7;
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ELIGIBLE);
  ck_assert_int_eq(d.nights_requested, 7);
  ck_assert_int_eq(d.nights, 5);
  TU_ASSERT_REASON_COUNT(&d, 1);
  note = TU_ASSERT_NOTE(&d, OI_REASON_NIGHTS_LIMITED, OI_CLAUSE_S3);
  ck_assert(note->value[0] == 7);
  ck_assert(note->value[1] == 5);
}
END_TEST

START_TEST(test_s3_payee_is_the_designated_hotel_of_each_1_0_session)
{
  static const char *const ids[] = { "OI-2017-MD", "OI-2017-CO", "OI-2017-FL" };
  size_t i;
  for (i = 0; i < 3; i++) {
    oi_subsidy_request r;
    oi_decision d;
    oi_session s = tu_session(P, ids[i]);
    request_for(&r, ids[i]);
    d = subsidy(&r);
    TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ELIGIBLE);
    ck_assert_ptr_nonnull(s.hotel);
    ck_assert_msg(d.payee != NULL, "%s: no payee", ids[i]);
    ck_assert_str_eq(d.payee, s.hotel);
  }
}
END_TEST

START_TEST(test_s3_refused_request_pays_0_nights_and_no_payee)
{
  oi_subsidy_request r;
  oi_decision d;
  tu_default_request(&r);
  r.local.lm_form = OI_LM_2;
  r.nights = 7;
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  ck_assert_int_eq(d.nights, 0);
  ck_assert_ptr_null(d.payee);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* S6: received at least 42 days before the first day                       */

static void assert_on_time(const char *session_id, oi_datetime received)
{
  oi_subsidy_request r;
  oi_decision d;
  request_for(&r, session_id);
  r.received = received;
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ELIGIBLE);
  TU_ASSERT_NO_REASON(&d, OI_REASON_RECEIVED_LATE);
}

static oi_decision late_decision(const char *session_id, oi_datetime received)
{
  oi_subsidy_request r;
  oi_decision d;
  request_for(&r, session_id);
  r.received = received;
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 1);
  TU_ASSERT_REFUSAL(&d, OI_REASON_RECEIVED_LATE, OI_CLAUSE_S6);
  return d;
}

START_TEST(test_s6_received_months_early_2016_06_01_is_on_time)
{
  assert_on_time("OI-2017-MD", tu_dt(2016, 6, 1, 9, 0, 0));
}
END_TEST

START_TEST(test_s6_late_reason_values_day_received_41_days_deadline_6_weeks)
{
  oi_decision d = late_decision("OI-2017-MD", tu_dt(2017, 1, 3, 15, 30, 0));
  const oi_reason *r = tu_find_reason(&d, OI_REASON_RECEIVED_LATE);
  ck_assert(r->value[0] == tu_days(2017, 1, 3));
  ck_assert(r->value[1] == 41);
  ck_assert(r->value[2] == tu_days(2017, 1, 2));
  ck_assert(r->value[3] == 6);
  ck_assert_int_eq(r->session, (int32_t)tu_session_index(P, "OI-2017-MD"));
}
END_TEST

START_TEST(test_s6_late_message_names_2017_01_03_41_days_2017_02_13_2017_01_02)
{
  oi_decision d = late_decision("OI-2017-MD", tu_dt(2017, 1, 3, 15, 30, 0));
  const oi_reason *r = tu_find_reason(&d, OI_REASON_RECEIVED_LATE);
  char buf[512];
  int n = oi_reason_format(P, r, buf, sizeof buf);
  ck_assert_int_gt(n, 0);
  ck_assert_int_lt(n, (int)sizeof buf);
  ck_assert_uint_eq(strlen(buf), (size_t)n);
  ck_assert_msg(strstr(buf, "2017-01-03") != NULL, "no day of receipt in \"%s\"", buf);
  ck_assert_msg(strstr(buf, "41 days") != NULL, "no \"41 days\" in \"%s\"", buf);
  ck_assert_msg(strstr(buf, "2017-02-13") != NULL, "no first day in \"%s\"", buf);
  ck_assert_msg(strstr(buf, "2017-01-02") != NULL, "no deadline in \"%s\"", buf);
}
END_TEST

START_TEST(test_s6_received_2017_02_14_after_first_day_is_late_by_minus_1_days)
{
  oi_decision d = late_decision("OI-2017-MD", tu_dt(2017, 2, 14, 9, 0, 0));
  const oi_reason *r = tu_find_reason(&d, OI_REASON_RECEIVED_LATE);
  ck_assert(r->value[0] == tu_days(2017, 2, 14));
  ck_assert(r->value[1] == -1);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* S8: submitted with the application; both forms signed                    */

START_TEST(test_s8_all_three_missing_give_three_reasons)
{
  oi_subsidy_request r;
  oi_decision d;
  tu_default_request(&r);
  r.with_application = 0;
  r.application_signed = 0;
  r.request_signed = 0;
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 3);
  TU_ASSERT_REFUSAL(&d, OI_REASON_NOT_WITH_APPLICATION, OI_CLAUSE_S8);
  TU_ASSERT_REFUSAL(&d, OI_REASON_APPLICATION_NOT_SIGNED, OI_CLAUSE_S8);
  TU_ASSERT_REFUSAL(&d, OI_REASON_REQUEST_NOT_SIGNED, OI_CLAUSE_S8);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* S10: every reason that applies, not only the first                       */

/* Late, not with the application, neither form signed, not attested. */
static void bad_request(oi_subsidy_request *r)
{
  tu_default_request(r);
  r->received = tu_dt(2017, 1, 3, 9, 0, 0);
  r->with_application = 0;
  r->application_signed = 0;
  r->request_signed = 0;
  r->attested = 0;
}

START_TEST(test_s10_canadian_at_md_late_unsigned_unattested_no_receipts_lists_all_7)
{
  oi_subsidy_request r;
  oi_decision d;
  bad_request(&r);
  tu_ca_local(&r.local, 0, 0);
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 7);
  TU_ASSERT_REFUSAL(&d, OI_REASON_COUNTRY_NOT_ADMITTED, OI_CLAUSE_E1);
  TU_ASSERT_REFUSAL(&d, OI_REASON_CA_RECEIPTS_UNKNOWN, OI_CLAUSE_S2);
  TU_ASSERT_REFUSAL(&d, OI_REASON_NOT_ATTESTED, OI_CLAUSE_S2);
  TU_ASSERT_REFUSAL(&d, OI_REASON_RECEIVED_LATE, OI_CLAUSE_S6);
  TU_ASSERT_REFUSAL(&d, OI_REASON_NOT_WITH_APPLICATION, OI_CLAUSE_S8);
  TU_ASSERT_REFUSAL(&d, OI_REASON_APPLICATION_NOT_SIGNED, OI_CLAUSE_S8);
  TU_ASSERT_REFUSAL(&d, OI_REASON_REQUEST_NOT_SIGNED, OI_CLAUSE_S8);
}
END_TEST

START_TEST(test_s10_us_lm2_at_md_late_unsigned_unattested_lists_all_6)
{
  oi_subsidy_request r;
  oi_decision d;
  bad_request(&r);
  r.local.lm_form = OI_LM_2;
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 6);
  TU_ASSERT_REFUSAL(&d, OI_REASON_US_FORM_NOT_ELIGIBLE, OI_CLAUSE_S2);
  TU_ASSERT_REFUSAL(&d, OI_REASON_NOT_ATTESTED, OI_CLAUSE_S2);
  TU_ASSERT_REFUSAL(&d, OI_REASON_RECEIVED_LATE, OI_CLAUSE_S6);
  TU_ASSERT_REFUSAL(&d, OI_REASON_NOT_WITH_APPLICATION, OI_CLAUSE_S8);
  TU_ASSERT_REFUSAL(&d, OI_REASON_APPLICATION_NOT_SIGNED, OI_CLAUSE_S8);
  TU_ASSERT_REFUSAL(&d, OI_REASON_REQUEST_NOT_SIGNED, OI_CLAUSE_S8);
}
END_TEST

START_TEST(test_s10_canadian_at_adv_md_with_receipts_25000000_lists_s1_and_s2)
{
  /* ADV-2017-MD admits Canada, so no E1; S1 and S2 (receipts) both apply. */
  oi_subsidy_request r;
  oi_decision d;
  tu_default_request(&r);
  r.session_id = "ADV-2017-MD";
  tu_ca_local(&r.local, 1, INT64_C(25000000));
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REASON_COUNT(&d, 2);
  TU_ASSERT_REFUSAL(&d, OI_REASON_NO_SUBSIDY_FOR_COURSE, OI_CLAUSE_S1);
  TU_ASSERT_REFUSAL(&d, OI_REASON_CA_RECEIPTS_TOO_HIGH, OI_CLAUSE_S2);
}
END_TEST

START_TEST(test_s10_refusals_come_before_notes_when_7_nights_requested)
{
  oi_subsidy_request r;
  oi_decision d;
  size_t i, refusals = 0;
  int seen_note = 0;
  bad_request(&r);
  r.local.lm_form = OI_LM_2;
  r.nights = 7;
  d = subsidy(&r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  for (i = 0; i < d.reason_count; i++) {
    if (d.reasons[i].severity == OI_SEVERITY_NOTE)
      seen_note = 1;
    else {
      ck_assert_msg(!seen_note, "refusal at position %zu follows a note", i);
      refusals++;
    }
  }
  ck_assert_uint_eq(refusals, 6);
}
END_TEST

START_TEST(test_s10_every_reason_renders_a_nonempty_message)
{
  oi_subsidy_request r;
  oi_decision d;
  size_t i;
  bad_request(&r);
  tu_ca_local(&r.local, 0, 0);
  d = subsidy(&r);
  ck_assert_uint_gt(d.reason_count, 0);
  for (i = 0; i < d.reason_count; i++) {
    char buf[512];
    int n = oi_reason_format(P, &d.reasons[i], buf, sizeof buf);
    ck_assert_msg(n > 0, "reason %zu (%s) renders %d", i,
                  oi_reason_code_name(d.reasons[i].code), n);
    ck_assert_uint_eq(strlen(buf), (size_t)n);
  }
}
END_TEST

START_TEST(test_s10_enrollment_canadian_at_oi_2017_co_for_organizing_lists_e1_and_c2)
{
  oi_application a;
  oi_decision d;
  tu_default_application(&a, "OI-2017-CO",
                         tu_course_id(P, "ADV-2017-MD", OI_COURSE_ADVANCED_ORGANIZING));
  tu_ca_local(&a.local, 0, 0);
  d = enroll(&a);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REFUSAL(&d, OI_REASON_COUNTRY_NOT_ADMITTED, OI_CLAUSE_E1);
  TU_ASSERT_REFUSAL(&d, OI_REASON_COURSE_NOT_OFFERED, OI_CLAUSE_C2);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* decisions: what every decision carries; oi_check_subsidy_many()          */

START_TEST(test_decisions_subsidy_names_the_policy_and_session)
{
  oi_subsidy_request r;
  oi_decision d;
  request_for(&r, "OI-2017-FL");
  d = subsidy(&r);
  ck_assert_ptr_nonnull(d.policy_id);
  ck_assert_str_eq(d.policy_id, oi_policy_id(P));
  ck_assert_int_eq(d.session, (int32_t)tu_session_index(P, "OI-2017-FL"));
  ck_assert_str_eq(d.session_id, "OI-2017-FL");
}
END_TEST

START_TEST(test_decisions_refused_subsidy_names_the_policy)
{
  oi_subsidy_request r;
  oi_decision d;
  bad_request(&r);
  d = subsidy(&r);
  ck_assert_ptr_nonnull(d.policy_id);
  ck_assert_str_eq(d.policy_id, oi_policy_id(P));
}
END_TEST

START_TEST(test_decisions_enrollment_names_the_policy_and_has_no_payee)
{
  oi_application a;
  oi_decision d;
  tu_default_application(&a, "OI-2017-CO", tu_course_id(P, "OI-2017-CO", OI_COURSE_INSTITUTE));
  d = enroll(&a);
  ck_assert_ptr_nonnull(d.policy_id);
  ck_assert_str_eq(d.policy_id, oi_policy_id(P));
  ck_assert_int_eq(d.session, (int32_t)tu_session_index(P, "OI-2017-CO"));
  ck_assert_ptr_null(d.payee);
  ck_assert_int_eq(d.nights, 0);
}
END_TEST

START_TEST(test_decisions_graduation_names_the_policy_and_session)
{
  oi_decision d = graduation("OI-2017-MD", md_week, 5);
  ck_assert_ptr_nonnull(d.policy_id);
  ck_assert_str_eq(d.policy_id, oi_policy_id(P));
  ck_assert_int_eq(d.session, (int32_t)tu_session_index(P, "OI-2017-MD"));
  ck_assert_ptr_null(d.payee);
}
END_TEST

START_TEST(test_decisions_same_request_twice_gives_equal_decisions)
{
  oi_subsidy_request r;
  oi_decision a, b;
  bad_request(&r);
  a = subsidy(&r);
  b = subsidy(&r);
  ck_assert(tu_decisions_equal(&a, &b));
}
END_TEST

#define MANY 6

static void many_requests(oi_subsidy_request reqs[MANY])
{
  tu_default_request(&reqs[0]);                      /* eligible */
  tu_default_request(&reqs[1]);
  reqs[1].received = tu_dt(2017, 1, 3, 0, 0, 0);     /* late */
  tu_default_request(&reqs[2]);
  tu_ca_local(&reqs[2].local, 1, 100);               /* Canada at MD */
  tu_default_request(&reqs[3]);
  reqs[3].nights = 7;                                /* nights limited */
  bad_request(&reqs[4]);                             /* six reasons */
  tu_default_request(&reqs[5]);
  reqs[5].session_id = "ADV-2017-CA";                /* S1 */
}

START_TEST(test_decisions_many_equals_one_by_one)
{
  oi_subsidy_request reqs[MANY];
  oi_decision many[MANY];
  oi_error e;
  size_t i;
  many_requests(reqs);
  for (i = 0; i < MANY; i++)
    many[i] = (oi_decision)OI_DECISION_INIT;
  memset(&e, 0, sizeof e);
  ck_assert_msg(oi_check_subsidy_many(P, reqs, MANY, sizeof reqs[0], many, sizeof many[0], &e) ==
                    OI_OK,
                "many: %s", e.message);
  for (i = 0; i < MANY; i++) {
    oi_decision one = subsidy(&reqs[i]);
    char x[512], y[512];
    ck_assert_msg(tu_decisions_equal(&one, &many[i]), "request %zu: one %s, many %s", i,
                  tu_describe(&one, x, sizeof x), tu_describe(&many[i], y, sizeof y));
  }
  /* and they are not all alike */
  ck_assert_int_eq(many[0].outcome, OI_OUTCOME_ELIGIBLE);
  ck_assert_int_eq(many[1].outcome, OI_OUTCOME_REFUSED);
}
END_TEST

START_TEST(test_decisions_many_invalid_element_3_path_requests_3_and_out_untouched)
{
  oi_subsidy_request reqs[MANY];
  oi_decision out[MANY], before[MANY];
  oi_error e;
  oi_status st;
  size_t i;
  many_requests(reqs);
  reqs[3].local.district = 0;
  memset(out, TU_SENTINEL, sizeof out);
  for (i = 0; i < MANY; i++)
    out[i].version = OI_DECISION_VERSION;
  memcpy(before, out, sizeof out);
  memset(&e, 0, sizeof e);
  st = oi_check_subsidy_many(P, reqs, MANY, sizeof reqs[0], out, sizeof out[0], &e);
  ck_assert_int_eq(st, OI_EINVAL);
  ck_assert_int_eq(e.status, OI_EINVAL);
  ck_assert_uint_eq(e.index, 3);
  ck_assert_str_eq(e.field, "local.district");
  ck_assert_str_eq(e.path, "requests[3].local.district");
  ck_assert_msg(e.message[0] != '\0', "no message");
  ck_assert_msg(memcmp(out, before, sizeof out) == 0, "decisions written on failure");
}
END_TEST

START_TEST(test_decisions_many_unknown_session_at_element_5_is_enotfound_out_untouched)
{
  oi_subsidy_request reqs[MANY];
  oi_decision out[MANY], before[MANY];
  oi_error e;
  size_t i;
  many_requests(reqs);
  reqs[5].session_id = "OI-2016-MD";
  memset(out, TU_SENTINEL, sizeof out);
  for (i = 0; i < MANY; i++)
    out[i].version = OI_DECISION_VERSION;
  memcpy(before, out, sizeof out);
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_check_subsidy_many(P, reqs, MANY, sizeof reqs[0], out, sizeof out[0], &e),
                   OI_ENOTFOUND);
  ck_assert_uint_eq(e.index, 5);
  ck_assert_str_eq(e.field, "session_id");
  ck_assert_msg(memcmp(out, before, sizeof out) == 0, "decisions written on failure");
}
END_TEST

START_TEST(test_decisions_many_null_policy_or_out_is_einval)
{
  oi_subsidy_request reqs[MANY];
  oi_decision out[MANY];
  size_t i;
  many_requests(reqs);
  for (i = 0; i < MANY; i++)
    out[i] = (oi_decision)OI_DECISION_INIT;
  ck_assert_int_eq(
      oi_check_subsidy_many(NULL, reqs, MANY, sizeof reqs[0], out, sizeof out[0], NULL),
      OI_EINVAL);
  ck_assert_int_eq(oi_check_subsidy_many(P, reqs, MANY, sizeof reqs[0], NULL, sizeof out[0], NULL),
                   OI_EINVAL);
  ck_assert_int_eq(oi_check_subsidy_many(P, NULL, MANY, sizeof reqs[0], out, sizeof out[0], NULL),
                   OI_EINVAL);
}
END_TEST

/* ------------------------------------------------------------------------ */

static TCase *clause(Suite *s, const char *name)
{
  TCase *tc = tcase_create(name);
  tcase_add_checked_fixture(tc, setup, teardown);
  suite_add_tcase(s, tc);
  return tc;
}

static Suite *rules_suite(void)
{
  Suite *s = suite_create("rules");
  TCase *tc;

  tc = clause(s, "C1");
  tcase_add_test(tc, test_c1_all_5_days_in_any_order_graduates);
  tcase_add_test(tc, test_c1_4_of_5_days_missing_2017_02_15_not_graduated);
  tcase_add_test(tc, test_c1_missing_first_and_last_day_reports_first_day_2017_02_13);
  tcase_add_test(tc, test_c1_missing_only_last_day_2017_02_17_not_graduated);
  tcase_add_test(tc, test_c1_repeated_day_counts_once_so_4_distinct_days_do_not_graduate);
  tcase_add_test(tc, test_c1_repeated_day_with_all_5_days_still_graduates);
  tcase_add_test(tc, test_c1_0_days_attended_not_graduated);
  tcase_add_test(tc, test_c1_all_5_days_of_denver_graduates_there_but_not_at_linthicum);
  tcase_add_test(tc, test_c1_extra_day_before_and_after_graduates_with_a_note);
  tcase_add_test(tc, test_c1_extra_days_around_a_missed_day_not_graduated_missed_then_note);
  tcase_add_test(tc, test_c1_one_day_outside_a_year_away_is_one_note);
  tcase_add_test(tc, test_c1_invalid_date_beside_days_outside_is_still_edate);
  tcase_add_test(tc, test_c1_attended_2017_02_30_is_edate);
  tcase_add_test(tc, test_c1_unknown_session_is_enotfound);
  tcase_add_test(tc, test_c1_institute_course_not_offered_at_adv_2017_md);
  tcase_add_test(tc, test_c1_institute_course_offered_at_each_1_0_session_admits_us_officer);

  tc = clause(s, "C2");
  tcase_add_test(tc, test_c2_organizing_course_not_offered_at_oi_2017_md);

  tc = clause(s, "C3");
  tcase_add_test(tc, test_c3_secretary_treasurer_course_not_offered_at_oi_2017_co);

  tc = clause(s, "E1");
  tcase_add_test(tc, test_e1_canadian_local_enrollment_at_oi_2017_md_refused);
  tcase_add_test(tc, test_e1_canadian_local_enrollment_at_oi_2017_co_refused);
  tcase_add_test(tc, test_e1_canadian_local_subsidy_at_oi_2017_md_refused);
  tcase_add_test(tc, test_e1_us_local_admitted_to_every_course_of_every_session);
  tcase_add_test(tc, test_e1_canadian_local_admitted_to_both_courses_at_both_adv_sessions);
  tcase_add_test(tc, test_e1_canadian_at_oi_2017_md_for_2_0_course_lists_country_and_course);

  tc = clause(s, "E2");
  tcase_add_test(tc, test_e2_program_and_instructors_paid_by_international);
  tcase_add_test(tc, test_e2_no_subsidy_local_pays_all_5_hotel_nights);
  tcase_add_test(tc, test_e2_awarded_6_exceeds_max_nights_5_is_einval);
  tcase_add_test(tc, test_e2_negative_rate_or_nights_is_einval);
  tcase_add_test(tc, test_e2_rate_int64_max_for_2_local_nights_overflows_elimit);
  tcase_add_test(tc, test_e2_rate_int64_max_for_5_subsidy_nights_overflows_elimit);
  tcase_add_test(tc, test_e2_rate_int64_max_for_1_night_fits);
  tcase_add_test(tc, test_e2_null_policy_stay_or_out_is_einval);

  tc = clause(s, "P1");
  tcase_add_test(tc, test_p1_prior_site_matches_ignoring_case_toronto_lowercase);
  tcase_add_test(tc, test_p1_prior_site_matches_ignoring_trailing_state_las_vegas_nv);
  tcase_add_test(tc, test_p1_every_prior_site_on_record_qualifies_undated);
  tcase_add_test(tc, test_p1_prior_site_dated_2017_02_22_on_adv_first_day_does_not_qualify);
  tcase_add_test(tc, test_p1_catalogue_site_denver_dated_2017_05_12_does_not_qualify_for_adv_md);
  tcase_add_test(tc, test_p1_catalogue_session_id_oi_2017_co_does_not_qualify_for_adv_md);
  tcase_add_test(tc, test_p1_catalogue_site_denver_dated_2017_05_12_qualifies_for_adv_ca);
  tcase_add_test(tc, test_p1_unknown_site_springfield_does_not_qualify);
  tcase_add_test(tc, test_p1_unknown_site_springfield_dated_before_does_not_qualify);
  tcase_add_test(tc, test_p1_site_that_only_begins_with_a_prior_city_does_not_qualify);
  tcase_add_test(tc, test_p1_no_graduations_refused_with_zero_counts);
  tcase_add_test(tc, test_p1_no_graduations_at_adv_ca_reports_2017_11_29);
  tcase_add_test(tc, test_p1_counts_one_unknown_and_two_late_of_three_claimed);
  tcase_add_test(tc, test_p1_one_qualifying_graduation_among_bad_ones_admits);

  tc = clause(s, "P2");
  tcase_add_test(tc, test_p2_recording_secretary_refused_without_graduation);
  tcase_add_test(tc, test_p2_president_refused_without_graduation);
  tcase_add_test(tc, test_p2_vice_president_business_agent_none_other_refused);
  tcase_add_test(tc, test_p2_business_agent_with_unknown_and_late_graduations_refused_with_counts);
  tcase_add_test(tc, test_p2_canadian_treasurer_admitted_at_adv_2017_ca);

  tc = clause(s, "S1");
  tcase_add_test(tc, test_s1_subsidy_request_to_adv_2017_md_refused_no_subsidy_for_course);
  tcase_add_test(tc, test_s1_subsidy_request_to_adv_2017_ca_refused_no_subsidy_for_course);

  tc = clause(s, "S2");
  tcase_add_test(tc, test_s2_us_lm2_refused_form_not_eligible);
  tcase_add_test(tc, test_s2_us_no_form_refused_form_not_eligible);
  tcase_add_test(tc, test_s2_us_lm2_with_zero_receipts_refused_by_form_alone);
  tcase_add_test(tc, test_s2_receipts_25000000_cents_refused_too_high);
  tcase_add_test(tc, test_s2_receipts_0_cents_qualify);
  tcase_add_test(tc, test_s2_canadian_receipts_unknown_refused);
  tcase_add_test(tc, test_s2_canadian_receipts_not_known_ignores_receipts_field);
  tcase_add_test(tc, test_s2_canadian_lm3_with_25000000_cents_refused_by_receipts_alone);
  tcase_add_test(tc, test_s2_missing_attestation_of_lm2_local_gives_both_reasons);

  tc = clause(s, "S3");
  tcase_add_test(tc, test_s3_5_nights_requested_pays_5_without_note);
  tcase_add_test(tc, test_s3_6_nights_requested_pays_5_with_note);
  tcase_add_test(tc, test_s3_7_nights_requested_pays_5_still_eligible_with_note);
  tcase_add_test(tc, test_s3_payee_is_the_designated_hotel_of_each_1_0_session);
  tcase_add_test(tc, test_s3_refused_request_pays_0_nights_and_no_payee);

  tc = clause(s, "S6");
  tcase_add_test(tc, test_s6_received_months_early_2016_06_01_is_on_time);
  tcase_add_test(tc, test_s6_late_reason_values_day_received_41_days_deadline_6_weeks);
  tcase_add_test(tc, test_s6_late_message_names_2017_01_03_41_days_2017_02_13_2017_01_02);
  tcase_add_test(tc, test_s6_received_2017_02_14_after_first_day_is_late_by_minus_1_days);

  tc = clause(s, "S7");
  tcase_add_test(tc, test_s7_transportation_and_per_diem_paid_by_local_without_subsidy);

  tc = clause(s, "S8");
  tcase_add_test(tc, test_s8_all_three_missing_give_three_reasons);

  tc = clause(s, "S10");
  tcase_add_test(tc, test_s10_canadian_at_md_late_unsigned_unattested_no_receipts_lists_all_7);
  tcase_add_test(tc, test_s10_us_lm2_at_md_late_unsigned_unattested_lists_all_6);
  tcase_add_test(tc, test_s10_canadian_at_adv_md_with_receipts_25000000_lists_s1_and_s2);
  tcase_add_test(tc, test_s10_refusals_come_before_notes_when_7_nights_requested);
  tcase_add_test(tc, test_s10_every_reason_renders_a_nonempty_message);
  tcase_add_test(tc, test_s10_enrollment_canadian_at_oi_2017_co_for_organizing_lists_e1_and_c2);

  tc = clause(s, "decisions");
  tcase_add_test(tc, test_decisions_subsidy_names_the_policy_and_session);
  tcase_add_test(tc, test_decisions_refused_subsidy_names_the_policy);
  tcase_add_test(tc, test_decisions_enrollment_names_the_policy_and_has_no_payee);
  tcase_add_test(tc, test_decisions_graduation_names_the_policy_and_session);
  tcase_add_test(tc, test_decisions_same_request_twice_gives_equal_decisions);
  tcase_add_test(tc, test_decisions_many_equals_one_by_one);
  tcase_add_test(tc, test_decisions_many_invalid_element_3_path_requests_3_and_out_untouched);
  tcase_add_test(tc, test_decisions_many_unknown_session_at_element_5_is_enotfound_out_untouched);
  tcase_add_test(tc, test_decisions_many_null_policy_or_out_is_einval);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(rules_suite());
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
