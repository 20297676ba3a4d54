/*
 * tests/check_errors.c -- every bad input is refused the same way (error.h):
 * an error status, err->status equal to it, a non-empty NUL-terminated
 * message, and nothing else changed (outputs are filled with a sentinel byte
 * pattern before the call and compared after it). err == NULL is allowed
 * everywhere. Also the names of statuses, clauses, outcomes and reason codes,
 * and oi_reason_format()'s buffer contract.
 */
#include <limits.h>

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

static const char *sname(oi_status st)
{
  const char *n = oi_status_name(st);
  return n ? n : "(null)";
}

/* The error structure after a failed call says what the call returned. */
static void assert_error_filled(const oi_error *e, oi_status st, const char *what)
{
  ck_assert_msg(e->status == st, "%s: err.status %s, returned %s", what, sname(e->status),
                sname(st));
  ck_assert_msg(memchr(e->message, '\0', sizeof e->message) != NULL,
                "%s: message not NUL-terminated", what);
  ck_assert_msg(e->message[0] != '\0', "%s: empty message", what);
  ck_assert_msg(memchr(e->path, '\0', sizeof e->path) != NULL, "%s: path not NUL-terminated",
                what);
}

/*
 * oi_check_subsidy(P, r) must fail with @p expected, fill the error, and
 * leave the decision as it was; the same with err == NULL; and, inside an
 * array after a valid request, oi_check_subsidy_many() must fail the same way
 * naming "requests[1]" and writing no decision.
 */
static void expect_subsidy_error(const oi_subsidy_request *r, oi_status expected,
                                 const char *what)
{
  oi_decision out, before;
  oi_error e;
  oi_status st;

  memset(&out, TU_SENTINEL, sizeof out);
  out.version = OI_DECISION_VERSION;
  before = out;
  memset(&e, 0, sizeof e);
  st = oi_check_subsidy(P, r, &out, &e);
  ck_assert_msg(st == expected, "%s: status %s, expected %s", what, sname(st), sname(expected));
  assert_error_filled(&e, st, what);
  ck_assert_msg(memcmp(&out, &before, sizeof out) == 0, "%s: decision written on failure",
                what);

  st = oi_check_subsidy(P, r, &out, NULL);
  ck_assert_msg(st == expected, "%s (err NULL): status %s", what, sname(st));
  ck_assert_msg(memcmp(&out, &before, sizeof out) == 0, "%s (err NULL): decision written",
                what);

  if (r != NULL) {
    oi_subsidy_request two[2];
    oi_decision outs[2], befores[2];
    tu_default_request(&two[0]);
    two[1] = *r;
    memset(outs, TU_SENTINEL, sizeof outs);
    outs[0].version = OI_DECISION_VERSION;
    outs[1].version = OI_DECISION_VERSION;
    memcpy(befores, outs, sizeof outs);
    memset(&e, 0, sizeof e);
    st = oi_check_subsidy_many(P, two, 2, sizeof two[0], outs, sizeof outs[0], &e);
    ck_assert_msg(st == expected, "%s (many): status %s", what, sname(st));
    assert_error_filled(&e, st, what);
    ck_assert_msg(e.index == 1, "%s (many): index %zu (path \"%s\")", what, e.index, e.path);
    ck_assert_msg(memcmp(outs, befores, sizeof outs) == 0, "%s (many): decisions written",
                  what);
  }
}

static void expect_subsidy_ok(const oi_subsidy_request *r, const char *what)
{
  oi_decision out = OI_DECISION_INIT;
  oi_error e;
  oi_status st;
  memset(&e, 0, sizeof e);
  st = oi_check_subsidy(P, r, &out, &e);
  ck_assert_msg(st == OI_OK, "%s: status %s, %s", what, sname(st), e.message);
}

/* As expect_subsidy_error(), for oi_check_enrollment(). */
static void expect_enrollment_error(const oi_application *a, oi_status expected,
                                    const char *what)
{
  oi_decision out, before;
  oi_error e;
  oi_status st;

  memset(&out, TU_SENTINEL, sizeof out);
  out.version = OI_DECISION_VERSION;
  before = out;
  memset(&e, 0, sizeof e);
  st = oi_check_enrollment(P, a, &out, &e);
  ck_assert_msg(st == expected, "%s: status %s, expected %s", what, sname(st), sname(expected));
  assert_error_filled(&e, st, what);
  ck_assert_msg(memcmp(&out, &before, sizeof out) == 0, "%s: decision written on failure",
                what);
  st = oi_check_enrollment(P, a, &out, NULL);
  ck_assert_msg(st == expected, "%s (err NULL): status %s", what, sname(st));
  ck_assert_msg(memcmp(&out, &before, sizeof out) == 0, "%s (err NULL): decision written",
                what);
}

static void expect_enrollment_ok(const oi_application *a, const char *what)
{
  oi_decision out = OI_DECISION_INIT;
  oi_error e;
  oi_status st;
  memset(&e, 0, sizeof e);
  st = oi_check_enrollment(P, a, &out, &e);
  ck_assert_msg(st == OI_OK, "%s: status %s, %s", what, sname(st), e.message);
}

static void default_application(oi_application *a)
{
  tu_default_application(a, "OI-2017-MD", tu_course_id(P, "OI-2017-MD", OI_COURSE_INSTITUTE));
}

/* ------------------------------------------------------------------------ */
/* NULL arguments                                                           */

START_TEST(test_errors_subsidy_null_policy_is_einval)
{
  oi_subsidy_request r;
  oi_decision out, before;
  oi_error e;
  tu_default_request(&r);
  memset(&out, TU_SENTINEL, sizeof out);
  out.version = OI_DECISION_VERSION;
  before = out;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_check_subsidy(NULL, &r, &out, &e), OI_EINVAL);
  assert_error_filled(&e, OI_EINVAL, "NULL policy");
  ck_assert_mem_eq(&out, &before, sizeof out);
  ck_assert_int_eq(oi_check_subsidy(NULL, &r, &out, NULL), OI_EINVAL);
}
END_TEST

START_TEST(test_errors_subsidy_null_request_is_einval)
{
  expect_subsidy_error(NULL, OI_EINVAL, "NULL request");
}
END_TEST

START_TEST(test_errors_subsidy_null_out_is_einval)
{
  oi_subsidy_request r;
  oi_error e;
  tu_default_request(&r);
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_check_subsidy(P, &r, NULL, &e), OI_EINVAL);
  assert_error_filled(&e, OI_EINVAL, "NULL out");
  ck_assert_int_eq(oi_check_subsidy(P, &r, NULL, NULL), OI_EINVAL);
}
END_TEST

START_TEST(test_errors_enrollment_null_policy_application_or_out_is_einval)
{
  oi_application a;
  oi_decision out, before;
  oi_error e;
  default_application(&a);
  memset(&out, TU_SENTINEL, sizeof out);
  out.version = OI_DECISION_VERSION;
  before = out;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_check_enrollment(NULL, &a, &out, &e), OI_EINVAL);
  assert_error_filled(&e, OI_EINVAL, "NULL policy");
  ck_assert_mem_eq(&out, &before, sizeof out);
  expect_enrollment_error(NULL, OI_EINVAL, "NULL application");
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_check_enrollment(P, &a, NULL, &e), OI_EINVAL);
  assert_error_filled(&e, OI_EINVAL, "NULL out");
}
END_TEST

START_TEST(test_errors_graduation_null_policy_session_days_or_out_is_einval)
{
  const oi_date days[1] = { { 2017, 2, 13 } };
  oi_decision out, before;
  oi_error e;
  memset(&out, TU_SENTINEL, sizeof out);
  out.version = OI_DECISION_VERSION;
  before = out;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_check_graduation(NULL, "OI-2017-MD", days, 1, &out, &e), OI_EINVAL);
  assert_error_filled(&e, OI_EINVAL, "NULL policy");
  ck_assert_int_eq(oi_check_graduation(P, NULL, days, 1, &out, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_check_graduation(P, "OI-2017-MD", NULL, 1, &out, NULL), OI_EINVAL);
  ck_assert_mem_eq(&out, &before, sizeof out);
  ck_assert_int_eq(oi_check_graduation(P, "OI-2017-MD", days, 1, NULL, NULL), OI_EINVAL);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Enumerations out of range                                                */

START_TEST(test_errors_country_0_is_einval)
{
  oi_subsidy_request r;
  oi_application a;
  tu_default_request(&r);
  r.local.country = (oi_country)0;
  expect_subsidy_error(&r, OI_EINVAL, "country 0");
  default_application(&a);
  a.local.country = (oi_country)0;
  expect_enrollment_error(&a, OI_EINVAL, "country 0");
}
END_TEST

START_TEST(test_errors_country_3_is_einval)
{
  oi_subsidy_request r;
  oi_application a;
  tu_default_request(&r);
  r.local.country = (oi_country)3;
  expect_subsidy_error(&r, OI_EINVAL, "country 3");
  default_application(&a);
  a.local.country = (oi_country)3;
  expect_enrollment_error(&a, OI_EINVAL, "country 3");
}
END_TEST

START_TEST(test_errors_office_99_is_einval)
{
  oi_subsidy_request r;
  oi_application a;
  tu_default_request(&r);
  r.officer.office = (oi_office)99;
  expect_subsidy_error(&r, OI_EINVAL, "office 99");
  default_application(&a);
  a.officer.office = (oi_office)99;
  expect_enrollment_error(&a, OI_EINVAL, "office 99");
  a.officer.office = (oi_office)-1;
  expect_enrollment_error(&a, OI_EINVAL, "office -1");
}
END_TEST

START_TEST(test_errors_lm_form_1_is_einval)
{
  oi_subsidy_request r;
  tu_default_request(&r);
  r.local.lm_form = (oi_lm_form)1;
  expect_subsidy_error(&r, OI_EINVAL, "LM form 1");
}
END_TEST

START_TEST(test_errors_lm_form_5_is_einval)
{
  oi_subsidy_request r;
  oi_application a;
  tu_default_request(&r);
  r.local.lm_form = (oi_lm_form)5;
  expect_subsidy_error(&r, OI_EINVAL, "LM form 5");
  default_application(&a);
  a.local.lm_form = (oi_lm_form)5;
  expect_enrollment_error(&a, OI_EINVAL, "LM form 5");
}
END_TEST

START_TEST(test_errors_course_kind_0_is_einval_and_adds_nothing)
{
  oi_policy_numbers n = OI_POLICY_NUMBERS_INIT;
  oi_policy_builder *b = NULL;
  oi_policy *p = NULL;
  oi_course c = OI_COURSE_INIT;
  oi_error e;
  ck_assert_int_eq(oi_policy_get_numbers(P, &n, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_new(&b, "kinds", &n, NULL), OI_OK);
  c.id = "K0";
  c.title = "Kind zero";
  c.kind = (oi_course_kind)0;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_builder_add_course(b, &c, &e), OI_EINVAL);
  assert_error_filled(&e, OI_EINVAL, "kind 0");
  ck_assert_int_eq(oi_policy_builder_add_course(b, &c, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_builder_build(b, &p, NULL), OI_OK);
  ck_assert_uint_eq(oi_policy_course_count(p), 0);
  oi_policy_free(p);
  oi_policy_builder_free(b);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Invalid dates                                                            */

START_TEST(test_errors_received_2017_02_30_is_edate)
{
  oi_subsidy_request r;
  tu_default_request(&r);
  r.received = tu_dt(2017, 2, 30, 9, 0, 0);
  expect_subsidy_error(&r, OI_EDATE, "received 2017-02-30");
}
END_TEST

START_TEST(test_errors_received_at_hour_24_is_edate)
{
  oi_subsidy_request r;
  tu_default_request(&r);
  r.received = tu_dt(2017, 1, 2, 24, 0, 0);
  expect_subsidy_error(&r, OI_EDATE, "received at 24:00:00");
  r.received = tu_dt(2017, 1, 2, 23, 59, 60);
  expect_subsidy_error(&r, OI_EDATE, "received at 23:59:60");
}
END_TEST

START_TEST(test_errors_received_no_date_is_edate)
{
  oi_subsidy_request r;
  tu_default_request(&r);
  r.received = tu_dt(0, 0, 0, 0, 0, 0);
  expect_subsidy_error(&r, OI_EDATE, "received {0,0,0}");
}
END_TEST

START_TEST(test_errors_graduation_date_2017_13_01_is_edate)
{
  oi_graduation g;
  oi_subsidy_request r;
  oi_application a;
  g.site = "Toronto";
  g.date = tu_date(2017, 13, 1);
  tu_default_request(&r);
  r.officer.graduations = &g;
  r.officer.graduation_count = 1;
  expect_subsidy_error(&r, OI_EDATE, "graduation 2017-13-01");
  tu_default_application(&a, "ADV-2017-MD",
                         tu_course_id(P, "ADV-2017-MD", OI_COURSE_ADVANCED_ORGANIZING));
  a.officer.graduations = &g;
  a.officer.graduation_count = 1;
  expect_enrollment_error(&a, OI_EDATE, "graduation 2017-13-01");
  g.date = tu_date(0, 0, 0); /* undated is fine */
  expect_enrollment_ok(&a, "undated graduation");
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Money, ids, districts, strings, nights                                   */

START_TEST(test_errors_receipts_minus_1_cent_is_einval)
{
  oi_subsidy_request r;
  tu_default_request(&r);
  r.session_id = "OI-2017-FL";
  r.received = tu_dt(2017, 9, 4, 9, 0, 0);
  tu_ca_local(&r.local, 1, -1);
  expect_subsidy_error(&r, OI_EINVAL, "receipts -1");
  r.local.receipts_cents = 0;
  expect_subsidy_ok(&r, "receipts 0");
}
END_TEST

START_TEST(test_errors_unknown_session_id_is_enotfound)
{
  oi_subsidy_request r;
  oi_application a;
  tu_default_request(&r);
  r.session_id = "OI-2016-MD";
  expect_subsidy_error(&r, OI_ENOTFOUND, "session OI-2016-MD");
  r.session_id = "oi-2017-md";
  expect_subsidy_error(&r, OI_ENOTFOUND, "session oi-2017-md");
  default_application(&a);
  a.session_id = "OI-2016-MD";
  expect_enrollment_error(&a, OI_ENOTFOUND, "session OI-2016-MD");
}
END_TEST

START_TEST(test_errors_unknown_course_id_is_enotfound)
{
  oi_application a;
  default_application(&a);
  a.course_id = "no-such-course";
  expect_enrollment_error(&a, OI_ENOTFOUND, "course no-such-course");
}
END_TEST

START_TEST(test_errors_null_or_empty_session_or_course_id_is_einval)
{
  oi_subsidy_request r;
  oi_application a;
  tu_default_request(&r);
  r.session_id = NULL;
  expect_subsidy_error(&r, OI_EINVAL, "session NULL");
  r.session_id = "";
  expect_subsidy_error(&r, OI_EINVAL, "session empty");
  default_application(&a);
  a.session_id = NULL;
  expect_enrollment_error(&a, OI_EINVAL, "session NULL");
  default_application(&a);
  a.course_id = NULL;
  expect_enrollment_error(&a, OI_EINVAL, "course NULL");
  a.course_id = "";
  expect_enrollment_error(&a, OI_EINVAL, "course empty");
}
END_TEST

START_TEST(test_errors_district_0_is_einval)
{
  oi_subsidy_request r;
  oi_application a;
  tu_default_request(&r);
  r.local.district = 0;
  expect_subsidy_error(&r, OI_EINVAL, "district 0");
  default_application(&a);
  a.local.district = 0;
  expect_enrollment_error(&a, OI_EINVAL, "district 0");
}
END_TEST

START_TEST(test_errors_district_14_is_einval)
{
  oi_subsidy_request r;
  oi_application a;
  tu_default_request(&r);
  r.local.district = OI_DISTRICT_COUNT + 1;
  expect_subsidy_error(&r, OI_EINVAL, "district 14");
  default_application(&a);
  a.local.district = 14;
  expect_enrollment_error(&a, OI_EINVAL, "district 14");
}
END_TEST

START_TEST(test_errors_districts_1_and_13_are_accepted)
{
  oi_subsidy_request r;
  oi_application a;
  tu_default_request(&r);
  default_application(&a);
  r.local.district = 1;
  a.local.district = 1;
  expect_subsidy_ok(&r, "district 1");
  expect_enrollment_ok(&a, "district 1");
  r.local.district = OI_DISTRICT_COUNT;
  a.local.district = 13;
  expect_subsidy_ok(&r, "district 13");
  expect_enrollment_ok(&a, "district 13");
}
END_TEST

START_TEST(test_errors_district_error_path_names_the_district)
{
  oi_subsidy_request r;
  oi_decision out = OI_DECISION_INIT;
  oi_error e;
  tu_default_request(&r);
  r.local.district = 0;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_check_subsidy(P, &r, &out, &e), OI_EINVAL);
  ck_assert_str_eq(e.field, "local.district");
}
END_TEST

START_TEST(test_errors_local_number_0_is_einval)
{
  oi_subsidy_request r;
  tu_default_request(&r);
  r.local.number = 0;
  expect_subsidy_error(&r, OI_EINVAL, "local number 0");
  r.local.number = 1;
  expect_subsidy_ok(&r, "local number 1");
}
END_TEST

START_TEST(test_errors_officer_id_of_64_bytes_is_einval_63_accepted)
{
  char id[OI_ID_MAX + 2];
  oi_subsidy_request r;
  oi_application a;
  tu_default_request(&r);
  default_application(&a);
  r.officer.id = tu_string_of(id, OI_ID_MAX + 1, 'o');
  a.officer.id = r.officer.id;
  expect_subsidy_error(&r, OI_EINVAL, "officer id of OI_ID_MAX + 1 bytes");
  expect_enrollment_error(&a, OI_EINVAL, "officer id of OI_ID_MAX + 1 bytes");
  tu_string_of(id, OI_ID_MAX, 'o');
  expect_subsidy_ok(&r, "officer id of OI_ID_MAX bytes");
  expect_enrollment_ok(&a, "officer id of OI_ID_MAX bytes");
}
END_TEST

START_TEST(test_errors_local_name_of_128_bytes_is_einval_127_accepted)
{
  char name[OI_NAME_MAX + 2];
  oi_subsidy_request r;
  oi_application a;
  tu_default_request(&r);
  default_application(&a);
  r.local.name = tu_string_of(name, OI_NAME_MAX + 1, 'n');
  a.local.name = r.local.name;
  expect_subsidy_error(&r, OI_EINVAL, "local name of OI_NAME_MAX + 1 bytes");
  expect_enrollment_error(&a, OI_EINVAL, "local name of OI_NAME_MAX + 1 bytes");
  tu_string_of(name, OI_NAME_MAX, 'n');
  expect_subsidy_ok(&r, "local name of OI_NAME_MAX bytes");
  expect_enrollment_ok(&a, "local name of OI_NAME_MAX bytes");
}
END_TEST

START_TEST(test_errors_officer_name_of_128_bytes_is_einval_null_accepted)
{
  char name[OI_NAME_MAX + 2];
  oi_subsidy_request r;
  tu_default_request(&r);
  r.officer.name = tu_string_of(name, OI_NAME_MAX + 1, 'n');
  expect_subsidy_error(&r, OI_EINVAL, "officer name of OI_NAME_MAX + 1 bytes");
  tu_string_of(name, OI_NAME_MAX, 'n');
  expect_subsidy_ok(&r, "officer name of OI_NAME_MAX bytes");
  r.officer.name = NULL;
  expect_subsidy_ok(&r, "officer name NULL");
}
END_TEST

START_TEST(test_errors_request_id_of_64_bytes_is_einval_null_accepted)
{
  char id[OI_ID_MAX + 2];
  oi_subsidy_request r;
  tu_default_request(&r);
  r.id = tu_string_of(id, OI_ID_MAX + 1, 'r');
  expect_subsidy_error(&r, OI_EINVAL, "request id of OI_ID_MAX + 1 bytes");
  tu_string_of(id, OI_ID_MAX, 'r');
  expect_subsidy_ok(&r, "request id of OI_ID_MAX bytes");
  r.id = NULL;
  expect_subsidy_ok(&r, "request id NULL (stateless check)");
}
END_TEST

START_TEST(test_errors_session_id_of_64_bytes_is_einval)
{
  char id[OI_ID_MAX + 2];
  oi_subsidy_request r;
  tu_default_request(&r);
  r.session_id = tu_string_of(id, OI_ID_MAX + 1, 's');
  expect_subsidy_error(&r, OI_EINVAL, "session id of OI_ID_MAX + 1 bytes");
}
END_TEST

START_TEST(test_errors_empty_or_null_officer_id_is_einval)
{
  oi_subsidy_request r;
  oi_application a;
  tu_default_request(&r);
  r.officer.id = "";
  expect_subsidy_error(&r, OI_EINVAL, "officer id empty");
  r.officer.id = NULL;
  expect_subsidy_error(&r, OI_EINVAL, "officer id NULL");
  default_application(&a);
  a.officer.id = "";
  expect_enrollment_error(&a, OI_EINVAL, "officer id empty");
}
END_TEST

START_TEST(test_errors_empty_or_null_local_name_is_einval)
{
  oi_subsidy_request r;
  tu_default_request(&r);
  r.local.name = "";
  expect_subsidy_error(&r, OI_EINVAL, "local name empty");
  r.local.name = NULL;
  expect_subsidy_error(&r, OI_EINVAL, "local name NULL");
}
END_TEST

START_TEST(test_errors_empty_null_or_128_byte_graduation_site_is_einval)
{
  char site[OI_NAME_MAX + 2];
  oi_graduation g;
  oi_application a;
  tu_default_application(&a, "ADV-2017-MD",
                         tu_course_id(P, "ADV-2017-MD", OI_COURSE_ADVANCED_ORGANIZING));
  g.date = tu_date(0, 0, 0);
  a.officer.graduations = &g;
  a.officer.graduation_count = 1;
  g.site = "";
  expect_enrollment_error(&a, OI_EINVAL, "graduation site empty");
  g.site = NULL;
  expect_enrollment_error(&a, OI_EINVAL, "graduation site NULL");
  g.site = tu_string_of(site, OI_NAME_MAX + 1, 'x');
  expect_enrollment_error(&a, OI_EINVAL, "graduation site of OI_NAME_MAX + 1 bytes");
  tu_string_of(site, OI_NAME_MAX, 'x');
  expect_enrollment_ok(&a, "graduation site of OI_NAME_MAX bytes");
}
END_TEST

START_TEST(test_errors_null_graduations_with_count_1_is_einval)
{
  oi_subsidy_request r;
  tu_default_request(&r);
  r.officer.graduations = NULL;
  r.officer.graduation_count = 1;
  expect_subsidy_error(&r, OI_EINVAL, "graduations NULL, count 1");
}
END_TEST

START_TEST(test_errors_65_graduations_is_einval_64_accepted)
{
  oi_graduation g[OI_GRADUATIONS_MAX + 1];
  oi_application a;
  size_t i;
  for (i = 0; i < OI_GRADUATIONS_MAX + 1; i++) {
    g[i].site = "Springfield";
    g[i].date = tu_date(0, 0, 0);
  }
  tu_default_application(&a, "ADV-2017-MD",
                         tu_course_id(P, "ADV-2017-MD", OI_COURSE_ADVANCED_ORGANIZING));
  a.officer.graduations = g;
  a.officer.graduation_count = OI_GRADUATIONS_MAX + 1;
  expect_enrollment_error(&a, OI_EINVAL, "OI_GRADUATIONS_MAX + 1 graduations");
  a.officer.graduation_count = OI_GRADUATIONS_MAX;
  expect_enrollment_ok(&a, "OI_GRADUATIONS_MAX graduations");
}
END_TEST

START_TEST(test_errors_nights_0_is_einval)
{
  oi_subsidy_request r;
  tu_default_request(&r);
  r.nights = 0;
  expect_subsidy_error(&r, OI_EINVAL, "nights 0");
  r.nights = 1;
  expect_subsidy_ok(&r, "nights 1");
}
END_TEST

START_TEST(test_errors_nights_negative_is_einval)
{
  oi_subsidy_request r;
  tu_default_request(&r);
  r.nights = -1;
  expect_subsidy_error(&r, OI_EINVAL, "nights -1");
  r.nights = INT_MIN;
  expect_subsidy_error(&r, OI_EINVAL, "nights INT_MIN");
}
END_TEST

START_TEST(test_errors_validation_error_wins_over_refusal_reasons)
{
  /* Validated before any rule: a late, unsigned request with district 0 is
   * an error, not a refusal. */
  oi_subsidy_request r;
  tu_default_request(&r);
  r.received = tu_dt(2017, 1, 3, 9, 0, 0);
  r.request_signed = 0;
  r.local.district = 0;
  expect_subsidy_error(&r, OI_EINVAL, "late, unsigned, district 0");
}
END_TEST

/* ------------------------------------------------------------------------ */
/* err == NULL everywhere; success leaves err untouched                     */

START_TEST(test_errors_err_null_is_allowed_in_every_failing_call)
{
  oi_date d;
  oi_datetime t;
  int32_t n;
  size_t i;
  oi_policy *p = NULL;
  oi_policy_numbers num = OI_POLICY_NUMBERS_INIT;
  oi_policy_builder *b = NULL;
  oi_course c = OI_COURSE_INIT;
  oi_session s = OI_SESSION_INIT;
  oi_stay stay = OI_STAY_INIT;
  oi_cost_split cs = OI_COST_SPLIT_INIT;
  oi_decision dec = OI_DECISION_INIT;

  ck_assert_int_eq(oi_date_check(tu_date(2017, 2, 30), NULL), OI_EDATE);
  ck_assert_int_eq(oi_date_to_days(tu_date(2017, 2, 30), &n, NULL), OI_EDATE);
  ck_assert_int_eq(oi_date_from_days(INT32_MAX, &d, NULL), OI_EDATE);
  ck_assert_int_eq(oi_date_add_days(tu_date(9999, 12, 31), 1, &d, NULL), OI_EDATE);
  ck_assert_int_eq(oi_date_diff(tu_date(2017, 2, 30), tu_date(2017, 1, 1), &n, NULL),
                   OI_EDATE);
  ck_assert_int_eq(oi_date_parse("x", &d, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_datetime_parse("x", &t, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_builtin(2016, &p, NULL), OI_ENOTFOUND);
  ck_assert_int_eq(oi_policy_get_numbers(NULL, &num, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_course(P, 99, &c, NULL), OI_ENOTFOUND);
  ck_assert_int_eq(oi_policy_session(P, 99, &s, NULL), OI_ENOTFOUND);
  ck_assert_int_eq(oi_policy_find_session(P, "nope", &i, NULL), OI_ENOTFOUND);
  ck_assert_int_eq(oi_policy_find_course(P, "nope", &i, NULL), OI_ENOTFOUND);
  ck_assert_int_eq(oi_policy_subsidy_deadline(P, 99, &d, NULL), OI_ENOTFOUND);
  ck_assert_int_eq(oi_policy_builder_new(&b, "", NULL, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_get_numbers(P, &num, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_new(&b, "x", &num, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_add_course(b, NULL, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_builder_add_session(b, NULL, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_builder_add_prior_site(b, "", NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_builder_build(b, NULL, NULL), OI_EINVAL);
  oi_policy_builder_free(b);
  d = tu_date(2017, 2, 13);
  ck_assert_int_eq(oi_check_graduation(P, "nope", &d, 1, &dec, NULL), OI_ENOTFOUND);
  stay.nights = -1;
  stay.nights_awarded = 0;
  stay.nightly_rate_cents = 0;
  ck_assert_int_eq(oi_cost_split_compute(P, &stay, &cs, NULL), OI_EINVAL);
  ck_assert_int_eq(
      oi_check_subsidy_many(P, NULL, 1, sizeof(oi_subsidy_request), &dec, sizeof dec, NULL),
      OI_EINVAL);
}
END_TEST

START_TEST(test_errors_success_leaves_err_untouched)
{
  oi_error e, before;
  oi_subsidy_request r;
  oi_application a;
  oi_decision d = OI_DECISION_INIT;
  oi_date day;
  oi_stay stay = OI_STAY_INIT;
  oi_cost_split cs = OI_COST_SPLIT_INIT;
  oi_policy *p = NULL;

  memset(&e, TU_SENTINEL, sizeof e);
  before = e;
  tu_default_request(&r);
  ck_assert_int_eq(oi_check_subsidy(P, &r, &d, &e), OI_OK);
  ck_assert_msg(memcmp(&e, &before, sizeof e) == 0, "oi_check_subsidy wrote err on success");
  r.local.lm_form = OI_LM_2; /* a refusal is a success of the call */
  ck_assert_int_eq(oi_check_subsidy(P, &r, &d, &e), OI_OK);
  ck_assert_msg(memcmp(&e, &before, sizeof e) == 0, "oi_check_subsidy wrote err on refusal");
  default_application(&a);
  ck_assert_int_eq(oi_check_enrollment(P, &a, &d, &e), OI_OK);
  ck_assert_msg(memcmp(&e, &before, sizeof e) == 0, "oi_check_enrollment wrote err");
  ck_assert_int_eq(oi_date_parse("2017-02-13", &day, &e), OI_OK);
  ck_assert_msg(memcmp(&e, &before, sizeof e) == 0, "oi_date_parse wrote err");
  stay.nights = 5;
  stay.nights_awarded = 5;
  stay.nightly_rate_cents = 100;
  ck_assert_int_eq(oi_cost_split_compute(P, &stay, &cs, &e), OI_OK);
  ck_assert_msg(memcmp(&e, &before, sizeof e) == 0, "oi_cost_split_compute wrote err");
  ck_assert_int_eq(oi_policy_builtin(2017, &p, &e), OI_OK);
  ck_assert_msg(memcmp(&e, &before, sizeof e) == 0, "oi_policy_builtin wrote err");
  oi_policy_free(p);
}
END_TEST

START_TEST(test_errors_error_clear_null_is_noop_and_clear_resets)
{
  oi_error e;
  oi_error_clear(NULL);
  memset(&e, TU_SENTINEL, sizeof e);
  oi_error_clear(&e);
  ck_assert_int_eq(e.status, OI_OK);
  ck_assert_str_eq(e.message, "");
  ck_assert_str_eq(e.path, "");
  ck_assert_int_eq(e.line, 0);
  ck_assert_int_eq(e.column, 0);
  ck_assert_uint_eq(e.position, 0);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* oi_reason_format                                                         */

static oi_reason late_reason(void)
{
  oi_subsidy_request r;
  oi_decision d = OI_DECISION_INIT;
  const oi_reason *found;
  tu_default_request(&r);
  r.received = tu_dt(2017, 1, 3, 9, 0, 0);
  ck_assert_int_eq(oi_check_subsidy(P, &r, &d, NULL), OI_OK);
  found = tu_find_reason(&d, OI_REASON_RECEIVED_LATE);
  ck_assert_ptr_nonnull(found);
  return *found;
}

START_TEST(test_errors_reason_format_null_policy_or_reason_returns_minus_1)
{
  oi_reason r = late_reason();
  char buf[64];
  ck_assert_int_eq(oi_reason_format(NULL, &r, buf, sizeof buf), -1);
  ck_assert_int_eq(oi_reason_format(P, NULL, buf, sizeof buf), -1);
}
END_TEST

START_TEST(test_errors_reason_format_null_buf_with_size_8_returns_minus_1)
{
  oi_reason r = late_reason();
  ck_assert_int_eq(oi_reason_format(P, &r, NULL, 8), -1);
}
END_TEST

START_TEST(test_errors_reason_format_size_0_returns_needed_length)
{
  oi_reason r = late_reason();
  char buf[512];
  int needed = oi_reason_format(P, &r, NULL, 0);
  ck_assert_int_gt(needed, 0);
  ck_assert_int_lt(needed, (int)sizeof buf);
  memset(buf, 'Z', sizeof buf);
  ck_assert_int_eq(oi_reason_format(P, &r, buf, 0), needed);
  ck_assert_int_eq(buf[0], 'Z'); /* size 0: nothing written */
  ck_assert_int_eq(oi_reason_format(P, &r, buf, (size_t)needed + 1), needed);
  ck_assert_uint_eq(strlen(buf), (size_t)needed);
}
END_TEST

START_TEST(test_errors_reason_format_truncated_to_size_10_nul_terminates_at_9)
{
  oi_reason r = late_reason();
  char full[512], small[16];
  int needed = oi_reason_format(P, &r, full, sizeof full);
  ck_assert_int_gt(needed, 10);
  memset(small, 'Z', sizeof small);
  ck_assert_int_eq(oi_reason_format(P, &r, small, 10), needed);
  ck_assert_int_eq(small[9], '\0');
  ck_assert_uint_eq(strlen(small), 9);
  ck_assert_int_eq(strncmp(small, full, 9), 0);
  ck_assert_int_eq(small[10], 'Z'); /* nothing past size */
}
END_TEST

START_TEST(test_errors_reason_format_size_1_writes_empty_string)
{
  oi_reason r = late_reason();
  char buf[4] = { 'Z', 'Z', 'Z', 'Z' };
  ck_assert_int_gt(oi_reason_format(P, &r, buf, 1), 0);
  ck_assert_int_eq(buf[0], '\0');
  ck_assert_int_eq(buf[1], 'Z');
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Names of statuses, clauses, outcomes, reason codes                       */

#define STATUS_NAMED(s) ck_assert_str_eq(oi_status_name(s), #s)

START_TEST(test_errors_status_name_of_every_status)
{
  STATUS_NAMED(OI_OK);
  STATUS_NAMED(OI_EINVAL);
  STATUS_NAMED(OI_EDATE);
  STATUS_NAMED(OI_ENOTFOUND);
  STATUS_NAMED(OI_EEXISTS);
  STATUS_NAMED(OI_ENOMEM);
  STATUS_NAMED(OI_ESTATE);
  STATUS_NAMED(OI_EPARSE);
  STATUS_NAMED(OI_ESCHEMA);
  STATUS_NAMED(OI_EMISMATCH);
  STATUS_NAMED(OI_ELIMIT);
  STATUS_NAMED(OI_EIO);
}
END_TEST

START_TEST(test_errors_status_name_of_unknown_values_1_minus_12_and_int_min_is_oi_unknown)
{
  ck_assert_str_eq(oi_status_name((oi_status)1), "OI_UNKNOWN");
  ck_assert_str_eq(oi_status_name((oi_status)-12), "OI_UNKNOWN");
  ck_assert_str_eq(oi_status_name((oi_status)100), "OI_UNKNOWN");
  ck_assert_str_eq(oi_status_name((oi_status)INT_MIN), "OI_UNKNOWN");
}
END_TEST

START_TEST(test_errors_status_describe_is_nonempty_and_distinct_for_known_nonnull_for_unknown)
{
  int i, j;
  for (i = 0; i >= -11; i--) {
    const char *a = oi_status_describe((oi_status)i);
    ck_assert_ptr_nonnull(a);
    ck_assert_uint_gt(strlen(a), 0);
    for (j = 0; j > i; j--)
      ck_assert_str_ne(a, oi_status_describe((oi_status)j));
  }
  ck_assert_ptr_nonnull(oi_status_describe((oi_status)1));
  ck_assert_ptr_nonnull(oi_status_describe((oi_status)-12));
  ck_assert_ptr_nonnull(oi_status_describe((oi_status)INT_MIN));
}
END_TEST

#define CLAUSE_NAMED(id) ck_assert_str_eq(oi_clause_id(OI_CLAUSE_##id), #id)

START_TEST(test_errors_clause_id_of_every_clause)
{
  CLAUSE_NAMED(C1);
  CLAUSE_NAMED(C2);
  CLAUSE_NAMED(C3);
  CLAUSE_NAMED(E1);
  CLAUSE_NAMED(E2);
  CLAUSE_NAMED(P1);
  CLAUSE_NAMED(P2);
  CLAUSE_NAMED(S1);
  CLAUSE_NAMED(S2);
  CLAUSE_NAMED(S3);
  CLAUSE_NAMED(S4);
  CLAUSE_NAMED(S5);
  CLAUSE_NAMED(S6);
  CLAUSE_NAMED(S7);
  CLAUSE_NAMED(S8);
  CLAUSE_NAMED(S9);
  CLAUSE_NAMED(S10);
  CLAUSE_NAMED(S11);
  CLAUSE_NAMED(U1);
  CLAUSE_NAMED(U2);
  CLAUSE_NAMED(U3);
}
END_TEST

START_TEST(test_errors_clause_id_of_unknown_values_4_10_30_42_99_minus_1_is_null)
{
  ck_assert_ptr_null(oi_clause_id((oi_clause)4));
  ck_assert_ptr_null(oi_clause_id((oi_clause)10));
  ck_assert_ptr_null(oi_clause_id((oi_clause)30));
  ck_assert_ptr_null(oi_clause_id((oi_clause)42));
  ck_assert_ptr_null(oi_clause_id((oi_clause)99));
  ck_assert_ptr_null(oi_clause_id((oi_clause)-1));
}
END_TEST

START_TEST(test_errors_outcome_names_are_lower_case_and_distinct)
{
  static const oi_outcome all[] = { OI_OUTCOME_ADMITTED,  OI_OUTCOME_ELIGIBLE,
                                    OI_OUTCOME_AWARDED,   OI_OUTCOME_WAITLISTED,
                                    OI_OUTCOME_REFUSED,   OI_OUTCOME_WITHDRAWN,
                                    OI_OUTCOME_GRADUATED, OI_OUTCOME_NOT_GRADUATED };
  size_t i, j;
  ck_assert_str_eq(oi_outcome_name(OI_OUTCOME_ADMITTED), "admitted");
  ck_assert_str_eq(oi_outcome_name(OI_OUTCOME_ELIGIBLE), "eligible");
  ck_assert_str_eq(oi_outcome_name(OI_OUTCOME_AWARDED), "awarded");
  ck_assert_str_eq(oi_outcome_name(OI_OUTCOME_WAITLISTED), "waitlisted");
  ck_assert_str_eq(oi_outcome_name(OI_OUTCOME_REFUSED), "refused");
  ck_assert_str_eq(oi_outcome_name(OI_OUTCOME_WITHDRAWN), "withdrawn");
  ck_assert_str_eq(oi_outcome_name(OI_OUTCOME_GRADUATED), "graduated");
  ck_assert_str_eq(oi_outcome_name(OI_OUTCOME_NONE), "none");
  for (i = 0; i < sizeof all / sizeof all[0]; i++) {
    const char *n = oi_outcome_name(all[i]);
    const char *c;
    ck_assert_ptr_nonnull(n);
    ck_assert_uint_gt(strlen(n), 0);
    for (c = n; *c; c++)
      ck_assert_msg(!(*c >= 'A' && *c <= 'Z'), "outcome name \"%s\" is not lower case", n);
    for (j = 0; j < i; j++)
      ck_assert_str_ne(n, oi_outcome_name(all[j]));
  }
}
END_TEST

START_TEST(test_errors_outcome_name_of_unknown_values_9_99_minus_1_is_null)
{
  ck_assert_ptr_null(oi_outcome_name((oi_outcome)9));
  ck_assert_ptr_null(oi_outcome_name((oi_outcome)99));
  ck_assert_ptr_null(oi_outcome_name((oi_outcome)-1));
}
END_TEST

#define CODE_NAMED(c) ck_assert_str_eq(oi_reason_code_name(OI_REASON_##c), #c)

START_TEST(test_errors_reason_code_name_of_every_code)
{
  CODE_NAMED(COUNTRY_NOT_ADMITTED);
  CODE_NAMED(COURSE_NOT_OFFERED);
  CODE_NAMED(NO_QUALIFYING_GRADUATION);
  CODE_NAMED(NOT_SECRETARY_TREASURER);
  CODE_NAMED(NO_SUBSIDY_FOR_COURSE);
  CODE_NAMED(US_FORM_NOT_ELIGIBLE);
  CODE_NAMED(CA_RECEIPTS_TOO_HIGH);
  CODE_NAMED(CA_RECEIPTS_UNKNOWN);
  CODE_NAMED(NOT_ATTESTED);
  CODE_NAMED(NIGHTS_LIMITED);
  CODE_NAMED(RECEIVED_LATE);
  CODE_NAMED(NOT_WITH_APPLICATION);
  CODE_NAMED(APPLICATION_NOT_SIGNED);
  CODE_NAMED(REQUEST_NOT_SIGNED);
  CODE_NAMED(SEATS_TAKEN);
  CODE_NAMED(LOCAL_CAP_REACHED);
  CODE_NAMED(OFFICER_ALREADY_SUBSIDIZED);
  CODE_NAMED(MISSED_DAYS);
}
END_TEST

START_TEST(test_errors_reason_code_name_of_unknown_values_5_9_23_29_32_minus_1_is_null)
{
  ck_assert_ptr_null(oi_reason_code_name((oi_reason_code)5));
  ck_assert_ptr_null(oi_reason_code_name((oi_reason_code)9));
  ck_assert_ptr_null(oi_reason_code_name((oi_reason_code)23));
  ck_assert_ptr_null(oi_reason_code_name((oi_reason_code)29));
  ck_assert_ptr_null(oi_reason_code_name((oi_reason_code)32));
  ck_assert_ptr_null(oi_reason_code_name((oi_reason_code)-1));
}
END_TEST

START_TEST(test_errors_version_string_of_library_matches_header)
{
  ck_assert_ptr_nonnull(oi_version());
  ck_assert_str_eq(oi_version(), OI_VERSION_STRING);
}
END_TEST

static Suite *errors_suite(void)
{
  Suite *s = suite_create("errors");
  TCase *tc = tcase_create("errors");

  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_errors_subsidy_null_policy_is_einval);
  tcase_add_test(tc, test_errors_subsidy_null_request_is_einval);
  tcase_add_test(tc, test_errors_subsidy_null_out_is_einval);
  tcase_add_test(tc, test_errors_enrollment_null_policy_application_or_out_is_einval);
  tcase_add_test(tc, test_errors_graduation_null_policy_session_days_or_out_is_einval);
  tcase_add_test(tc, test_errors_country_0_is_einval);
  tcase_add_test(tc, test_errors_country_3_is_einval);
  tcase_add_test(tc, test_errors_office_99_is_einval);
  tcase_add_test(tc, test_errors_lm_form_1_is_einval);
  tcase_add_test(tc, test_errors_lm_form_5_is_einval);
  tcase_add_test(tc, test_errors_course_kind_0_is_einval_and_adds_nothing);
  tcase_add_test(tc, test_errors_received_2017_02_30_is_edate);
  tcase_add_test(tc, test_errors_received_at_hour_24_is_edate);
  tcase_add_test(tc, test_errors_received_no_date_is_edate);
  tcase_add_test(tc, test_errors_graduation_date_2017_13_01_is_edate);
  tcase_add_test(tc, test_errors_receipts_minus_1_cent_is_einval);
  tcase_add_test(tc, test_errors_unknown_session_id_is_enotfound);
  tcase_add_test(tc, test_errors_unknown_course_id_is_enotfound);
  tcase_add_test(tc, test_errors_null_or_empty_session_or_course_id_is_einval);
  tcase_add_test(tc, test_errors_district_0_is_einval);
  tcase_add_test(tc, test_errors_district_14_is_einval);
  tcase_add_test(tc, test_errors_districts_1_and_13_are_accepted);
  tcase_add_test(tc, test_errors_district_error_path_names_the_district);
  tcase_add_test(tc, test_errors_local_number_0_is_einval);
  tcase_add_test(tc, test_errors_officer_id_of_64_bytes_is_einval_63_accepted);
  tcase_add_test(tc, test_errors_local_name_of_128_bytes_is_einval_127_accepted);
  tcase_add_test(tc, test_errors_officer_name_of_128_bytes_is_einval_null_accepted);
  tcase_add_test(tc, test_errors_request_id_of_64_bytes_is_einval_null_accepted);
  tcase_add_test(tc, test_errors_session_id_of_64_bytes_is_einval);
  tcase_add_test(tc, test_errors_empty_or_null_officer_id_is_einval);
  tcase_add_test(tc, test_errors_empty_or_null_local_name_is_einval);
  tcase_add_test(tc, test_errors_empty_null_or_128_byte_graduation_site_is_einval);
  tcase_add_test(tc, test_errors_null_graduations_with_count_1_is_einval);
  tcase_add_test(tc, test_errors_65_graduations_is_einval_64_accepted);
  tcase_add_test(tc, test_errors_nights_0_is_einval);
  tcase_add_test(tc, test_errors_nights_negative_is_einval);
  tcase_add_test(tc, test_errors_validation_error_wins_over_refusal_reasons);
  tcase_add_test(tc, test_errors_err_null_is_allowed_in_every_failing_call);
  tcase_add_test(tc, test_errors_success_leaves_err_untouched);
  tcase_add_test(tc, test_errors_error_clear_null_is_noop_and_clear_resets);
  tcase_add_test(tc, test_errors_reason_format_null_policy_or_reason_returns_minus_1);
  tcase_add_test(tc, test_errors_reason_format_null_buf_with_size_8_returns_minus_1);
  tcase_add_test(tc, test_errors_reason_format_size_0_returns_needed_length);
  tcase_add_test(tc, test_errors_reason_format_truncated_to_size_10_nul_terminates_at_9);
  tcase_add_test(tc, test_errors_reason_format_size_1_writes_empty_string);
  tcase_add_test(tc, test_errors_status_name_of_every_status);
  tcase_add_test(tc, test_errors_status_name_of_unknown_values_1_minus_12_and_int_min_is_oi_unknown);
  tcase_add_test(tc, test_errors_status_describe_is_nonempty_and_distinct_for_known_nonnull_for_unknown);
  tcase_add_test(tc, test_errors_clause_id_of_every_clause);
  tcase_add_test(tc, test_errors_clause_id_of_unknown_values_4_10_30_42_99_minus_1_is_null);
  tcase_add_test(tc, test_errors_outcome_names_are_lower_case_and_distinct);
  tcase_add_test(tc, test_errors_outcome_name_of_unknown_values_9_99_minus_1_is_null);
  tcase_add_test(tc, test_errors_reason_code_name_of_every_code);
  tcase_add_test(tc, test_errors_reason_code_name_of_unknown_values_5_9_23_29_32_minus_1_is_null);
  tcase_add_test(tc, test_errors_version_string_of_library_matches_header);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(errors_suite());
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
