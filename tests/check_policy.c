/*
 * tests/check_policy.c -- the policy object (policy.h).
 *
 * TCase "policy":  the built-in 2017 policy is exactly doc/policy.md's table
 *                  (sessions, dates, countries, courses, seats, deadlines,
 *                  numbers, prior sites) and its getters' edge cases.
 * TCase "U3":      the numbers are data: a hypothetical 2018 policy built in
 *                  code moves the S6 deadline, the S3 night limit, the S2
 *                  threshold, the S4 seats and the E2 night bound.
 * TCase "builder": building, the builder's refusals, and the digest.
 * TCase "U3-years": a catalogue may span calendar years; the year is a label.
 * TCase "S4-seats": a session may set its own seats; the policy's is the default.
 */
#include "testutil.h"

static oi_policy *P; /* the built-in 2017 policy, per test */

static void setup_builtin(void)
{
  P = tu_builtin_2017();
}

static void teardown_builtin(void)
{
  oi_policy_free(P);
  P = NULL;
}

static int same_date(oi_date d, int y, int m, int day)
{
  return d.year == y && d.month == m && d.day == day;
}

/* Course kinds offered at a session, as a bit set of (1 << kind). */
static unsigned kinds_offered(const oi_policy *policy, const oi_session *s)
{
  unsigned kinds = 0;
  size_t i;
  for (i = 0; i < s->course_count; i++) {
    size_t ci = 0;
    oi_course c = OI_COURSE_INIT;
    ck_assert_int_eq(oi_policy_find_course(policy, s->course_ids[i], &ci, NULL), OI_OK);
    ck_assert_int_eq(oi_policy_course(policy, ci, &c, NULL), OI_OK);
    kinds |= 1u << (unsigned)c.kind;
  }
  return kinds;
}

#define KIND(k) (1u << (unsigned)(k))
#define US OI_COUNTRY_BIT(OI_COUNTRY_US)
#define CA OI_COUNTRY_BIT(OI_COUNTRY_CA)

/* Assert one row of doc/policy.md's table. */
static void assert_session_row(const char *id, const char *place, int y1, int m1, int d1,
                               int y2, int m2, int d2, unsigned countries, unsigned kinds)
{
  oi_session s = tu_session(P, id);
  ck_assert_str_eq(s.id, id);
  ck_assert_str_eq(s.place, place);
  ck_assert_msg(same_date(s.first_day, y1, m1, d1), "%s first day %04d-%02d-%02d", id,
                s.first_day.year, s.first_day.month, s.first_day.day);
  ck_assert_msg(same_date(s.last_day, y2, m2, d2), "%s last day %04d-%02d-%02d", id,
                s.last_day.year, s.last_day.month, s.last_day.day);
  ck_assert_msg(s.countries == countries, "%s countries mask %#x, expected %#x", id,
                s.countries, countries);
  ck_assert_msg(kinds_offered(P, &s) == kinds, "%s offers kinds %#x, expected %#x", id,
                kinds_offered(P, &s), kinds);
  ck_assert_uint_eq(s.course_count, kinds == KIND(OI_COURSE_INSTITUTE) ? 1 : 2);
}

/* ------------------------------------------------------------------------ */
/* TCase "policy": the built-in 2017 policy                                 */

START_TEST(test_policy_builtin_2017_has_5_sessions_3_courses_11_prior_sites)
{
  ck_assert_uint_eq(oi_policy_session_count(P), 5);
  ck_assert_uint_eq(oi_policy_course_count(P), 3);
  ck_assert_uint_eq(oi_policy_prior_site_count(P), 11);
}
END_TEST

START_TEST(test_policy_builtin_2017_numbers_are_2017_10_seats_cap_2_6_weeks_5_nights_25000000)
{
  oi_policy_numbers n = OI_POLICY_NUMBERS_INIT;
  ck_assert_int_eq(oi_policy_get_numbers(P, &n, NULL), OI_OK);
  ck_assert_int_eq(n.year, 2017);
  ck_assert_int_eq(n.seats_per_session, 10);
  ck_assert_int_eq(n.local_cap_per_year, 2);
  ck_assert_int_eq(n.deadline_weeks, 6);
  ck_assert_int_eq(n.max_nights, 5);
  ck_assert(n.canada_threshold_cents == INT64_C(25000000));
}
END_TEST

START_TEST(test_policy_session_ids_are_exactly_the_five_of_the_table)
{
  static const char *const ids[] = { "OI-2017-MD", "OI-2017-CO", "OI-2017-FL", "ADV-2017-MD",
                                     "ADV-2017-CA" };
  int seen[5] = { 0, 0, 0, 0, 0 };
  size_t i, j;
  for (i = 0; i < oi_policy_session_count(P); i++) {
    oi_session s = OI_SESSION_INIT;
    int found = 0;
    ck_assert_int_eq(oi_policy_session(P, i, &s, NULL), OI_OK);
    for (j = 0; j < 5; j++)
      if (strcmp(s.id, ids[j]) == 0) {
        seen[j]++;
        found = 1;
      }
    ck_assert_msg(found, "unexpected session id %s", s.id);
  }
  for (j = 0; j < 5; j++)
    ck_assert_msg(seen[j] == 1, "session %s seen %d times", ids[j], seen[j]);
}
END_TEST

START_TEST(test_policy_oi_2017_md_1_0_linthicum_heights_feb_13_to_17_us_only)
{
  assert_session_row("OI-2017-MD", "Linthicum Heights, MD", 2017, 2, 13, 2017, 2, 17, US,
                     KIND(OI_COURSE_INSTITUTE));
}
END_TEST

START_TEST(test_policy_oi_2017_co_1_0_denver_may_8_to_12_us_only)
{
  assert_session_row("OI-2017-CO", "Denver, CO", 2017, 5, 8, 2017, 5, 12, US,
                     KIND(OI_COURSE_INSTITUTE));
}
END_TEST

START_TEST(test_policy_oi_2017_fl_1_0_orlando_oct_16_to_20_us_and_canada)
{
  assert_session_row("OI-2017-FL", "Orlando, FL", 2017, 10, 16, 2017, 10, 20, US | CA,
                     KIND(OI_COURSE_INSTITUTE));
}
END_TEST

START_TEST(test_policy_adv_2017_md_both_2_0_courses_linthicum_heights_feb_22_to_24_us_and_canada)
{
  assert_session_row("ADV-2017-MD", "Linthicum Heights, MD", 2017, 2, 22, 2017, 2, 24, US | CA,
                     KIND(OI_COURSE_ADVANCED_ORGANIZING) |
                         KIND(OI_COURSE_ADVANCED_SECRETARY_TREASURER));
}
END_TEST

START_TEST(test_policy_adv_2017_ca_both_2_0_courses_los_angeles_nov_29_to_dec_1_us_and_canada)
{
  assert_session_row("ADV-2017-CA", "Los Angeles, CA", 2017, 11, 29, 2017, 12, 1, US | CA,
                     KIND(OI_COURSE_ADVANCED_ORGANIZING) |
                         KIND(OI_COURSE_ADVANCED_SECRETARY_TREASURER));
}
END_TEST

START_TEST(test_policy_one_course_of_each_kind_with_unique_ids_and_titles)
{
  unsigned kinds = 0;
  size_t i, j;
  for (i = 0; i < oi_policy_course_count(P); i++) {
    oi_course c = OI_COURSE_INIT;
    size_t back = 99;
    ck_assert_int_eq(oi_policy_course(P, i, &c, NULL), OI_OK);
    ck_assert_ptr_nonnull(c.id);
    ck_assert_ptr_nonnull(c.title);
    ck_assert_uint_gt(strlen(c.id), 0);
    ck_assert_uint_le(strlen(c.id), OI_ID_MAX);
    ck_assert_uint_gt(strlen(c.title), 0);
    ck_assert_msg(!(kinds & KIND(c.kind)), "two courses of kind %d", (int)c.kind);
    kinds |= KIND(c.kind);
    ck_assert_int_eq(oi_policy_find_course(P, c.id, &back, NULL), OI_OK);
    ck_assert_uint_eq(back, i);
    for (j = 0; j < i; j++) {
      oi_course o = OI_COURSE_INIT;
      ck_assert_int_eq(oi_policy_course(P, j, &o, NULL), OI_OK);
      ck_assert_str_ne(o.id, c.id);
    }
  }
  ck_assert_uint_eq(kinds, KIND(OI_COURSE_INSTITUTE) | KIND(OI_COURSE_ADVANCED_ORGANIZING) |
                               KIND(OI_COURSE_ADVANCED_SECRETARY_TREASURER));
}
END_TEST

START_TEST(test_policy_seats_10_at_each_1_0_session_0_at_each_2_0_session)
{
  ck_assert_int_eq(oi_policy_session_seats(P, tu_session_index(P, "OI-2017-MD")), 10);
  ck_assert_int_eq(oi_policy_session_seats(P, tu_session_index(P, "OI-2017-CO")), 10);
  ck_assert_int_eq(oi_policy_session_seats(P, tu_session_index(P, "OI-2017-FL")), 10);
  ck_assert_int_eq(oi_policy_session_seats(P, tu_session_index(P, "ADV-2017-MD")), 0);
  ck_assert_int_eq(oi_policy_session_seats(P, tu_session_index(P, "ADV-2017-CA")), 0);
}
END_TEST

static void assert_deadline(const char *id, int y, int m, int d)
{
  oi_date out = tu_date(0, 0, 0);
  ck_assert_int_eq(oi_policy_subsidy_deadline(P, tu_session_index(P, id), &out, NULL), OI_OK);
  ck_assert_msg(same_date(out, y, m, d), "%s deadline %04d-%02d-%02d, expected %04d-%02d-%02d",
                id, out.year, out.month, out.day, y, m, d);
}

START_TEST(test_policy_s6_deadlines_2017_01_02_and_03_27_and_09_04)
{
  assert_deadline("OI-2017-MD", 2017, 1, 2);
  assert_deadline("OI-2017-CO", 2017, 3, 27);
  assert_deadline("OI-2017-FL", 2017, 9, 4);
}
END_TEST

START_TEST(test_policy_every_1_0_session_has_a_designated_hotel)
{
  static const char *const ids[] = { "OI-2017-MD", "OI-2017-CO", "OI-2017-FL" };
  size_t i;
  for (i = 0; i < 3; i++) {
    oi_session s = tu_session(P, ids[i]);
    ck_assert_msg(s.hotel != NULL && s.hotel[0] != '\0', "%s has no hotel", ids[i]);
  }
}
END_TEST

/* City part of a site: up to a trailing ", ST" (two letters), lower-cased. */
static void city_key(const char *site, char *buf, size_t size)
{
  size_t n = strlen(site), i;
  if (n >= 4 && site[n - 4] == ',' && site[n - 3] == ' ')
    n -= 4;
  for (i = 0; i < n && i + 1 < size; i++)
    buf[i] = (char)((site[i] >= 'A' && site[i] <= 'Z') ? site[i] - 'A' + 'a' : site[i]);
  buf[i] = '\0';
}

START_TEST(test_policy_prior_sites_are_the_11_cities_on_record)
{
  /* doc/policy.md P1: Philadelphia, Chicago, Los Angeles, Calgary, New York City,
   * Atlanta, Las Vegas, Toronto, Cambridge, Austin, Vancouver. */
  static const char *const cities[] = { "philadelphia", "chicago",  "los angeles", "calgary",
                                        "new york city", "atlanta", "las vegas",   "toronto",
                                        "cambridge",    "austin",   "vancouver" };
  int seen[11] = { 0 };
  size_t i, j;
  ck_assert_uint_eq(oi_policy_prior_site_count(P), 11);
  for (i = 0; i < oi_policy_prior_site_count(P); i++) {
    const char *site = oi_policy_prior_site(P, i);
    char key[OI_NAME_MAX + 1];
    int found = 0;
    ck_assert_ptr_nonnull(site);
    city_key(site, key, sizeof key);
    for (j = 0; j < 11; j++)
      if (strcmp(key, cities[j]) == 0) {
        seen[j]++;
        found = 1;
      }
    ck_assert_msg(found, "prior site \"%s\" is not on doc/policy.md's list", site);
  }
  for (j = 0; j < 11; j++)
    ck_assert_msg(seen[j] == 1, "prior site %s seen %d times", cities[j], seen[j]);
}
END_TEST

START_TEST(test_policy_builtin_2016_is_enotfound_and_out_untouched)
{
  oi_policy *out = (oi_policy *)&out; /* any non-NULL marker */
  oi_policy *marker = out;
  oi_error e;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_builtin(2016, &out, &e), OI_ENOTFOUND);
  ck_assert_int_eq(e.status, OI_ENOTFOUND);
  ck_assert_msg(e.message[0] != '\0', "no message");
  ck_assert_ptr_eq(out, marker);
  ck_assert_int_eq(oi_policy_builtin(2018, &out, NULL), OI_ENOTFOUND);
  ck_assert_ptr_eq(out, marker);
}
END_TEST

START_TEST(test_policy_builtin_null_out_is_einval)
{
  ck_assert_int_eq(oi_policy_builtin(2017, NULL, NULL), OI_EINVAL);
}
END_TEST

START_TEST(test_policy_free_null_and_builder_free_null_are_noops)
{
  oi_policy_free(NULL);
  oi_policy_builder_free(NULL);
  ck_assert_uint_eq(oi_policy_session_count(P), 5); /* reached without crashing */
}
END_TEST

START_TEST(test_policy_id_is_nonempty_short_and_same_for_two_builtins)
{
  oi_policy *q = tu_builtin_2017();
  const char *id = oi_policy_id(P);
  ck_assert_ptr_nonnull(id);
  ck_assert_uint_gt(strlen(id), 0);
  ck_assert_uint_le(strlen(id), OI_ID_MAX);
  ck_assert_str_eq(oi_policy_id(q), id);
  oi_policy_free(q);
}
END_TEST

START_TEST(test_policy_digest_is_16_lowercase_hex_and_same_for_two_builtins)
{
  oi_policy *q = tu_builtin_2017();
  const char *d = oi_policy_digest(P);
  size_t i;
  ck_assert_ptr_nonnull(d);
  ck_assert_uint_eq(strlen(d), 16);
  for (i = 0; i < 16; i++)
    ck_assert_msg((d[i] >= '0' && d[i] <= '9') || (d[i] >= 'a' && d[i] <= 'f'),
                  "digest %s has a character that is not lowercase hex", d);
  ck_assert_str_eq(oi_policy_digest(q), d);
  oi_policy_free(q);
}
END_TEST

START_TEST(test_policy_counts_of_null_policy_are_0)
{
  ck_assert_uint_eq(oi_policy_course_count(NULL), 0);
  ck_assert_uint_eq(oi_policy_session_count(NULL), 0);
  ck_assert_uint_eq(oi_policy_prior_site_count(NULL), 0);
}
END_TEST

START_TEST(test_policy_course_getter_index_3_is_enotfound_null_is_einval)
{
  oi_course c, before;
  oi_error e;
  memset(&c, TU_SENTINEL, sizeof c);
  c.version = OI_COURSE_VERSION;
  before = c;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_course(P, 3, &c, &e), OI_ENOTFOUND);
  ck_assert_int_eq(e.status, OI_ENOTFOUND);
  ck_assert_mem_eq(&c, &before, sizeof c);
  ck_assert_int_eq(oi_policy_course(P, (size_t)-1, &c, NULL), OI_ENOTFOUND);
  ck_assert_int_eq(oi_policy_course(NULL, 0, &c, NULL), OI_EINVAL);
  ck_assert_mem_eq(&c, &before, sizeof c);
  ck_assert_int_eq(oi_policy_course(P, 0, NULL, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_course(P, 2, &c, NULL), OI_OK);
}
END_TEST

START_TEST(test_policy_session_getter_index_5_is_enotfound_null_is_einval)
{
  oi_session s, before;
  memset(&s, TU_SENTINEL, sizeof s);
  s.version = OI_SESSION_VERSION;
  before = s;
  ck_assert_int_eq(oi_policy_session(P, 5, &s, NULL), OI_ENOTFOUND);
  ck_assert_int_eq(oi_policy_session(NULL, 0, &s, NULL), OI_EINVAL);
  ck_assert_mem_eq(&s, &before, sizeof s);
  ck_assert_int_eq(oi_policy_session(P, 0, NULL, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_session(P, 4, &s, NULL), OI_OK);
}
END_TEST

START_TEST(test_policy_prior_site_index_11_is_null)
{
  ck_assert_ptr_nonnull(oi_policy_prior_site(P, 10));
  ck_assert_ptr_null(oi_policy_prior_site(P, 11));
  ck_assert_ptr_null(oi_policy_prior_site(NULL, 0));
}
END_TEST

START_TEST(test_policy_seats_of_null_policy_or_index_5_is_minus_1)
{
  ck_assert_int_eq(oi_policy_session_seats(NULL, 0), -1);
  ck_assert_int_eq(oi_policy_session_seats(P, 5), -1);
}
END_TEST

START_TEST(test_policy_deadline_index_5_is_enotfound_null_is_einval)
{
  oi_date d = tu_date(1111, 1, 1);
  ck_assert_int_eq(oi_policy_subsidy_deadline(P, 5, &d, NULL), OI_ENOTFOUND);
  ck_assert_int_eq(oi_policy_subsidy_deadline(NULL, 0, &d, NULL), OI_EINVAL);
  ck_assert_int_eq(d.year, 1111);
  ck_assert_int_eq(oi_policy_subsidy_deadline(P, 0, NULL, NULL), OI_EINVAL);
}
END_TEST

START_TEST(test_policy_find_session_is_exact_match_unknown_enotfound_null_einval)
{
  size_t i = 4242;
  ck_assert_int_eq(oi_policy_find_session(P, "oi-2017-md", &i, NULL), OI_ENOTFOUND);
  ck_assert_int_eq(oi_policy_find_session(P, "OI-2017-MD ", &i, NULL), OI_ENOTFOUND);
  ck_assert_int_eq(oi_policy_find_session(P, "OI-2017", &i, NULL), OI_ENOTFOUND);
  ck_assert_int_eq(oi_policy_find_session(P, "", &i, NULL), OI_ENOTFOUND);
  ck_assert_uint_eq(i, 4242);
  ck_assert_int_eq(oi_policy_find_session(P, NULL, &i, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_find_session(NULL, "OI-2017-MD", &i, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_find_session(P, "OI-2017-MD", NULL, NULL), OI_EINVAL);
  ck_assert_uint_eq(i, 4242);
}
END_TEST

START_TEST(test_policy_find_course_unknown_enotfound_null_einval)
{
  size_t i = 4242;
  ck_assert_int_eq(oi_policy_find_course(P, "no-such-course", &i, NULL), OI_ENOTFOUND);
  ck_assert_int_eq(oi_policy_find_course(P, NULL, &i, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_find_course(NULL, "x", &i, NULL), OI_EINVAL);
  ck_assert_uint_eq(i, 4242);
}
END_TEST

START_TEST(test_policy_get_numbers_null_is_einval)
{
  oi_policy_numbers n = OI_POLICY_NUMBERS_INIT;
  ck_assert_int_eq(oi_policy_get_numbers(NULL, &n, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_get_numbers(P, NULL, NULL), OI_EINVAL);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* A hypothetical 2018 policy, built in code                                */

static const char *const course_1_0 = "OI-1.0";
static const char *const course_org = "ORG-2.0";
static const char *const course_st = "ST-2.0";

static oi_policy_numbers numbers_2018(void)
{
  oi_policy_numbers n = OI_POLICY_NUMBERS_INIT;
  n.year = 2018;
  n.seats_per_session = 12;
  n.local_cap_per_year = 3;
  n.deadline_weeks = 8;
  n.max_nights = 4;
  n.canada_threshold_cents = INT64_C(30000000);
  return n;
}

static oi_course course(const char *id, const char *title, oi_course_kind kind)
{
  oi_course c = OI_COURSE_INIT;
  c.id = id;
  c.title = title;
  c.kind = kind;
  return c;
}

static const char *const ids_1_0[] = { "OI-1.0" };
static const char *const ids_2_0[] = { "ORG-2.0", "ST-2.0" };

/* OI-2018-NV: a 1.0 session, 2018-03-05..09, U.S. and Canada. */
static oi_session session_nv(void)
{
  oi_session s = OI_SESSION_INIT;
  s.id = "OI-2018-NV";
  s.place = "Las Vegas, NV";
  s.hotel = "Test Hotel Las Vegas";
  s.first_day = tu_date(2018, 3, 5);
  s.last_day = tu_date(2018, 3, 9);
  s.countries = US | CA;
  s.course_ids = ids_1_0;
  s.course_count = 1;
  return s;
}

/* ADV-2018-NY: both 2.0 courses, 2018-04-10..12, no hotel. */
static oi_session session_ny(void)
{
  oi_session s = OI_SESSION_INIT;
  s.id = "ADV-2018-NY";
  s.place = "New York, NY";
  s.hotel = NULL;
  s.first_day = tu_date(2018, 4, 10);
  s.last_day = tu_date(2018, 4, 12);
  s.countries = US | CA;
  s.course_ids = ids_2_0;
  s.course_count = 2;
  return s;
}

/* A builder holding the three courses (and nothing else). */
static oi_policy_builder *builder_with_courses(const oi_policy_numbers *n)
{
  oi_policy_builder *b = NULL;
  oi_course c;
  oi_error e;
  memset(&e, 0, sizeof e);
  ck_assert_msg(oi_policy_builder_new(&b, "test-2018", n, &e) == OI_OK, "builder_new: %s",
                e.message);
  c = course(course_1_0, "Officer Institute 1.0", OI_COURSE_INSTITUTE);
  ck_assert_int_eq(oi_policy_builder_add_course(b, &c, NULL), OI_OK);
  c = course(course_org, "Advanced Organizing 2.0", OI_COURSE_ADVANCED_ORGANIZING);
  ck_assert_int_eq(oi_policy_builder_add_course(b, &c, NULL), OI_OK);
  c = course(course_st, "Advanced Secretary Treasurer 2.0",
             OI_COURSE_ADVANCED_SECRETARY_TREASURER);
  ck_assert_int_eq(oi_policy_builder_add_course(b, &c, NULL), OI_OK);
  return b;
}

/* The complete 2018 policy with numbers @p n. */
static oi_policy *build_2018(const oi_policy_numbers *n)
{
  oi_policy_builder *b = builder_with_courses(n);
  oi_policy *p = NULL;
  oi_session s;
  oi_error e;
  memset(&e, 0, sizeof e);
  s = session_nv();
  ck_assert_msg(oi_policy_builder_add_session(b, &s, &e) == OI_OK, "add OI-2018-NV: %s",
                e.message);
  s = session_ny();
  ck_assert_msg(oi_policy_builder_add_session(b, &s, &e) == OI_OK, "add ADV-2018-NY: %s",
                e.message);
  ck_assert_int_eq(oi_policy_builder_add_prior_site(b, "Toronto", NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_add_prior_site(b, "Chicago", NULL), OI_OK);
  ck_assert_msg(oi_policy_builder_build(b, &p, &e) == OI_OK, "build: %s", e.message);
  oi_policy_builder_free(b);
  return p;
}

static oi_policy *Q; /* the 2018 policy, per test in TCase U3 */

static void setup_2018(void)
{
  oi_policy_numbers n = numbers_2018();
  Q = build_2018(&n);
}

static void teardown_2018(void)
{
  oi_policy_free(Q);
  Q = NULL;
}

/* An eligible request for OI-2018-NV, received on its 8-week deadline. */
static void request_2018(oi_subsidy_request *r)
{
  tu_default_request(r);
  r->session_id = "OI-2018-NV";
  r->received = tu_dt(2018, 1, 8, 12, 0, 0);
  r->nights = 4;
}

static oi_decision decide(const oi_policy *policy, const oi_subsidy_request *r)
{
  oi_decision d = OI_DECISION_INIT;
  oi_error e;
  memset(&e, 0, sizeof e);
  ck_assert_msg(oi_check_subsidy(policy, r, &d, &e) == OI_OK, "oi_check_subsidy: %s",
                e.message);
  return d;
}

/* ------------------------------------------------------------------------ */
/* TCase "U3": numbers are data                                             */

START_TEST(test_u3_2018_policy_reports_its_own_numbers)
{
  oi_policy_numbers n = OI_POLICY_NUMBERS_INIT;
  ck_assert_int_eq(oi_policy_get_numbers(Q, &n, NULL), OI_OK);
  ck_assert_int_eq(n.year, 2018);
  ck_assert_int_eq(n.seats_per_session, 12);
  ck_assert_int_eq(n.local_cap_per_year, 3);
  ck_assert_int_eq(n.deadline_weeks, 8);
  ck_assert_int_eq(n.max_nights, 4);
  ck_assert(n.canada_threshold_cents == INT64_C(30000000));
  ck_assert_str_eq(oi_policy_id(Q), "test-2018");
}
END_TEST

START_TEST(test_u3_2018_seats_12_at_1_0_session_0_at_2_0_session)
{
  ck_assert_int_eq(oi_policy_session_seats(Q, tu_session_index(Q, "OI-2018-NV")), 12);
  ck_assert_int_eq(oi_policy_session_seats(Q, tu_session_index(Q, "ADV-2018-NY")), 0);
}
END_TEST

START_TEST(test_u3_2018_deadline_8_weeks_before_2018_03_05_is_2018_01_08)
{
  oi_date d = tu_date(0, 0, 0);
  ck_assert_int_eq(oi_policy_subsidy_deadline(Q, tu_session_index(Q, "OI-2018-NV"), &d, NULL),
                   OI_OK);
  ck_assert_msg(same_date(d, 2018, 1, 8), "deadline %04d-%02d-%02d", d.year, d.month, d.day);
}
END_TEST

START_TEST(test_u3_2018_received_56_days_before_is_on_time)
{
  oi_subsidy_request r;
  oi_decision d;
  request_2018(&r);
  r.received = tu_dt(2018, 1, 8, 23, 59, 59);
  d = decide(Q, &r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ELIGIBLE);
  TU_ASSERT_NO_REASON(&d, OI_REASON_RECEIVED_LATE);
}
END_TEST

START_TEST(test_u3_2018_received_55_days_before_is_late_with_8_weeks_required)
{
  oi_subsidy_request r;
  oi_decision d;
  const oi_reason *late;
  request_2018(&r);
  r.received = tu_dt(2018, 1, 9, 0, 0, 0);
  d = decide(Q, &r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  late = TU_ASSERT_REFUSAL(&d, OI_REASON_RECEIVED_LATE, OI_CLAUSE_S6);
  ck_assert(late->value[0] == tu_days(2018, 1, 9));
  ck_assert(late->value[1] == 55);
  ck_assert(late->value[2] == tu_days(2018, 1, 8));
  ck_assert(late->value[3] == 8);
}
END_TEST

START_TEST(test_u3_2018_received_42_days_before_is_late_under_8_weeks)
{
  /* On time under 2017's 6 weeks; late under this policy's 8. */
  oi_subsidy_request r;
  oi_decision d;
  request_2018(&r);
  r.received = tu_dt(2018, 1, 22, 9, 0, 0);
  d = decide(Q, &r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REFUSAL(&d, OI_REASON_RECEIVED_LATE, OI_CLAUSE_S6);
}
END_TEST

START_TEST(test_u3_2018_5_nights_requested_pays_4_with_note)
{
  oi_subsidy_request r;
  oi_decision d;
  const oi_reason *note;
  request_2018(&r);
  r.nights = 5;
  d = decide(Q, &r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ELIGIBLE);
  ck_assert_int_eq(d.nights, 4);
  ck_assert_int_eq(d.nights_requested, 5);
  note = TU_ASSERT_NOTE(&d, OI_REASON_NIGHTS_LIMITED, OI_CLAUSE_S3);
  ck_assert(note->value[0] == 5);
  ck_assert(note->value[1] == 4);
}
END_TEST

START_TEST(test_u3_2018_4_nights_requested_pays_4_without_note)
{
  oi_subsidy_request r;
  oi_decision d;
  request_2018(&r);
  r.nights = 4;
  d = decide(Q, &r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ELIGIBLE);
  ck_assert_int_eq(d.nights, 4);
  TU_ASSERT_REASON_COUNT(&d, 0);
  ck_assert_str_eq(d.payee, "Test Hotel Las Vegas");
}
END_TEST

START_TEST(test_u3_2018_canadian_25000000_cents_qualifies_under_30000000_threshold)
{
  /* Refused under 2017's 25,000,000; eligible under this policy's 30,000,000. */
  oi_subsidy_request r;
  oi_decision d;
  request_2018(&r);
  tu_ca_local(&r.local, 1, INT64_C(25000000));
  d = decide(Q, &r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ELIGIBLE);
}
END_TEST

START_TEST(test_u3_2018_canadian_29999999_cents_qualifies)
{
  oi_subsidy_request r;
  oi_decision d;
  request_2018(&r);
  tu_ca_local(&r.local, 1, INT64_C(29999999));
  d = decide(Q, &r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ELIGIBLE);
}
END_TEST

START_TEST(test_u3_2018_canadian_30000000_cents_refused_with_threshold_30000000)
{
  oi_subsidy_request r;
  oi_decision d;
  const oi_reason *high;
  request_2018(&r);
  tu_ca_local(&r.local, 1, INT64_C(30000000));
  d = decide(Q, &r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  high = TU_ASSERT_REFUSAL(&d, OI_REASON_CA_RECEIPTS_TOO_HIGH, OI_CLAUSE_S2);
  ck_assert(high->value[0] == INT64_C(30000000));
  ck_assert(high->value[1] == INT64_C(30000000));
}
END_TEST

START_TEST(test_u3_2018_cost_split_5_awarded_nights_exceed_max_4_is_einval)
{
  oi_stay stay = OI_STAY_INIT;
  oi_cost_split out, before;
  stay.nights = 5;
  stay.nights_awarded = 5;
  stay.nightly_rate_cents = 10000;
  memset(&out, TU_SENTINEL, sizeof out);
  out.version = OI_COST_SPLIT_VERSION;
  before = out;
  ck_assert_int_eq(oi_cost_split_compute(Q, &stay, &out, NULL), OI_EINVAL);
  ck_assert_mem_eq(&out, &before, sizeof out);
  stay.nights_awarded = 4;
  ck_assert_int_eq(oi_cost_split_compute(Q, &stay, &out, NULL), OI_OK);
  ck_assert_int_eq(out.subsidy_nights, 4);
  ck_assert_int_eq(out.local_nights, 1);
  ck_assert(out.subsidy_hotel_cents == 40000);
  ck_assert(out.local_hotel_cents == 10000);
}
END_TEST

START_TEST(test_u3_2018_decision_names_the_2018_policy)
{
  oi_subsidy_request r;
  oi_decision d;
  request_2018(&r);
  d = decide(Q, &r);
  ck_assert_ptr_nonnull(d.policy_id);
  ck_assert_str_eq(d.policy_id, oi_policy_id(Q));
  ck_assert_str_eq(d.policy_id, "test-2018");
}
END_TEST

START_TEST(test_u3_2018_organizing_2_0_through_prior_site_toronto_admitted)
{
  oi_application a;
  oi_graduation g;
  oi_decision d = OI_DECISION_INIT;
  g.site = "Toronto";
  g.date = tu_date(0, 0, 0);
  tu_default_application(&a, "ADV-2018-NY", course_org);
  a.officer.graduations = &g;
  a.officer.graduation_count = 1;
  ck_assert_int_eq(oi_check_enrollment(Q, &a, &d, NULL), OI_OK);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ADMITTED);
  /* "Atlanta" is on 2017's record, not on this policy's. */
  g.site = "Atlanta";
  ck_assert_int_eq(oi_check_enrollment(Q, &a, &d, NULL), OI_OK);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  TU_ASSERT_REFUSAL(&d, OI_REASON_NO_QUALIFYING_GRADUATION, OI_CLAUSE_P1);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* TCase "builder"                                                          */

static void assert_add_session_fails(oi_policy_builder *b, const oi_session *s,
                                     oi_status expected, const char *what)
{
  oi_error e;
  oi_status st;
  memset(&e, 0, sizeof e);
  st = oi_policy_builder_add_session(b, s, &e);
  ck_assert_msg(st == expected, "%s: status %s, expected %s", what, oi_status_name(st),
                oi_status_name(expected));
  ck_assert_int_eq(e.status, st);
  ck_assert_msg(e.message[0] != '\0', "%s: no message", what);
}

/* Sessions in what @p b builds now. */
static size_t sessions_built(const oi_policy_builder *b)
{
  oi_policy *p = NULL;
  size_t n;
  ck_assert_int_eq(oi_policy_builder_build(b, &p, NULL), OI_OK);
  n = oi_policy_session_count(p);
  oi_policy_free(p);
  return n;
}

START_TEST(test_builder_2_0_session_without_hotel_is_accepted)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_ny();
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  ck_assert_uint_eq(sessions_built(b), 1);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_builder_duplicate_session_id_is_eexists)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_nv();
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  s.place = "Reno, NV";
  assert_add_session_fails(b, &s, OI_EEXISTS, "same id twice");
  ck_assert_uint_eq(sessions_built(b), 1);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_builder_duplicate_course_id_is_eexists)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_course c = course(course_1_0, "Another title", OI_COURSE_INSTITUTE);
  oi_error e;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_builder_add_course(b, &c, &e), OI_EEXISTS);
  ck_assert_int_eq(e.status, OI_EEXISTS);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_builder_session_offering_unknown_course_is_enotfound)
{
  static const char *const unknown[] = { "NO-SUCH-COURSE" };
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_nv();
  s.course_ids = unknown;
  assert_add_session_fails(b, &s, OI_ENOTFOUND, "unknown course");
  ck_assert_uint_eq(sessions_built(b), 0);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_builder_last_day_one_day_before_first_day_is_refused)
{
  /* The header allows OI_EINVAL or OI_EDATE for a bad session; the dates
   * themselves are valid, the order is not. */
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_nv();
  oi_error e;
  oi_status st;
  s.last_day = tu_date(2018, 3, 4);
  memset(&e, 0, sizeof e);
  st = oi_policy_builder_add_session(b, &s, &e);
  ck_assert_msg(st == OI_EINVAL || st == OI_EDATE, "status %d", (int)st);
  ck_assert_int_eq(e.status, st);
  ck_assert_uint_eq(sessions_built(b), 0);
  /* a one-day session (last == first) is fine */
  s.last_day = s.first_day;
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_builder_invalid_first_day_2018_02_30_is_edate)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_nv();
  s.first_day = tu_date(2018, 2, 30);
  assert_add_session_fails(b, &s, OI_EDATE, "2018-02-30");
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_builder_empty_countries_mask_is_einval)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_nv();
  s.countries = 0;
  assert_add_session_fails(b, &s, OI_EINVAL, "countries 0");
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_builder_unknown_country_bit_is_einval)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_nv();
  s.countries = US | OI_COUNTRY_BIT(3);
  assert_add_session_fails(b, &s, OI_EINVAL, "country bit 3");
  s.countries = 1u; /* bit 0: no country 0 */
  assert_add_session_fails(b, &s, OI_EINVAL, "country bit 0");
  ck_assert_uint_eq(sessions_built(b), 0);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_builder_1_0_session_without_hotel_is_einval)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_nv();
  s.hotel = NULL;
  assert_add_session_fails(b, &s, OI_EINVAL, "1.0 without hotel");
  ck_assert_uint_eq(sessions_built(b), 0);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_builder_session_with_no_course_or_a_course_twice_is_einval)
{
  static const char *const twice[] = { "ORG-2.0", "ORG-2.0" };
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_ny();
  s.course_count = 0;
  assert_add_session_fails(b, &s, OI_EINVAL, "no course");
  s.course_ids = twice;
  s.course_count = 2;
  assert_add_session_fails(b, &s, OI_EINVAL, "same course twice");
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_builder_session_id_of_64_bytes_is_einval_63_bytes_accepted)
{
  char id[OI_ID_MAX + 2];
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_nv();
  s.id = tu_string_of(id, OI_ID_MAX + 1, 'S');
  assert_add_session_fails(b, &s, OI_EINVAL, "id of OI_ID_MAX + 1 bytes");
  s.id = tu_string_of(id, OI_ID_MAX, 'S');
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  ck_assert_uint_eq(sessions_built(b), 1);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_builder_policy_id_of_64_bytes_is_einval_63_bytes_accepted)
{
  char id[OI_ID_MAX + 2];
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = NULL;
  ck_assert_int_eq(oi_policy_builder_new(&b, tu_string_of(id, OI_ID_MAX + 1, 'p'), &n, NULL),
                   OI_EINVAL);
  ck_assert_ptr_null(b);
  ck_assert_int_eq(oi_policy_builder_new(&b, tu_string_of(id, OI_ID_MAX, 'p'), &n, NULL), OI_OK);
  ck_assert_ptr_nonnull(b);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_builder_course_kind_0_and_4_are_einval)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_course c = course("X-0", "Kind zero", (oi_course_kind)0);
  ck_assert_int_eq(oi_policy_builder_add_course(b, &c, NULL), OI_EINVAL);
  c.kind = (oi_course_kind)4;
  ck_assert_int_eq(oi_policy_builder_add_course(b, &c, NULL), OI_EINVAL);
  oi_policy_builder_free(b);
}
END_TEST

static void assert_numbers_refused(oi_policy_numbers n, const char *what)
{
  oi_policy_builder *b = NULL;
  oi_error e;
  oi_status st;
  memset(&e, 0, sizeof e);
  st = oi_policy_builder_new(&b, "bad", &n, &e);
  ck_assert_msg(st == OI_EINVAL, "%s: status %d, expected OI_EINVAL", what, (int)st);
  ck_assert_msg(e.message[0] != '\0', "%s: no message", what);
  ck_assert_ptr_null(b);
}

START_TEST(test_builder_negative_seats_is_einval_0_seats_accepted)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = NULL;
  n.seats_per_session = -1;
  assert_numbers_refused(n, "seats -1");
  n.seats_per_session = 0;
  ck_assert_int_eq(oi_policy_builder_new(&b, "zero-seats", &n, NULL), OI_OK);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_builder_negative_cap_weeks_threshold_are_einval)
{
  oi_policy_numbers n = numbers_2018();
  n.local_cap_per_year = -1;
  assert_numbers_refused(n, "cap -1");
  n = numbers_2018();
  n.deadline_weeks = -1;
  assert_numbers_refused(n, "weeks -1");
  n = numbers_2018();
  n.canada_threshold_cents = -1;
  assert_numbers_refused(n, "threshold -1");
}
END_TEST

START_TEST(test_builder_max_nights_0_is_einval_1_accepted)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = NULL;
  n.max_nights = 0;
  assert_numbers_refused(n, "max_nights 0");
  n.max_nights = 1;
  ck_assert_int_eq(oi_policy_builder_new(&b, "one-night", &n, NULL), OI_OK);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_builder_new_null_out_null_numbers_empty_id_are_einval)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = NULL;
  ck_assert_int_eq(oi_policy_builder_new(NULL, "x", &n, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_builder_new(&b, "x", NULL, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_builder_new(&b, "", &n, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_builder_new(&b, NULL, &n, NULL), OI_EINVAL);
  ck_assert_ptr_null(b);
}
END_TEST

START_TEST(test_builder_prior_site_same_city_other_case_is_eexists)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  ck_assert_int_eq(oi_policy_builder_add_prior_site(b, "Toronto", NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_add_prior_site(b, "Toronto", NULL), OI_EEXISTS);
  ck_assert_int_eq(oi_policy_builder_add_prior_site(b, "TORONTO", NULL), OI_EEXISTS);
  ck_assert_int_eq(oi_policy_builder_add_prior_site(b, "", NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_builder_add_prior_site(b, NULL, NULL), OI_EINVAL);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_builder_build_null_out_is_einval_and_builder_reusable)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_policy *p1 = NULL, *p2 = NULL;
  ck_assert_int_eq(oi_policy_builder_build(b, NULL, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_policy_builder_build(NULL, &p1, NULL), OI_EINVAL);
  ck_assert_ptr_null(p1);
  ck_assert_int_eq(oi_policy_builder_build(b, &p1, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_build(b, &p2, NULL), OI_OK);
  ck_assert_ptr_ne(p1, p2);
  ck_assert_str_eq(oi_policy_digest(p1), oi_policy_digest(p2));
  oi_policy_builder_free(b);
  /* the policies outlive their builder */
  ck_assert_uint_eq(oi_policy_course_count(p1), 3);
  oi_policy_free(p1);
  oi_policy_free(p2);
}
END_TEST

START_TEST(test_builder_policy_keeps_copies_of_borrowed_strings)
{
  char place[32], hotel[32];
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_policy *p = NULL;
  oi_session s = session_nv();
  strcpy(place, "Las Vegas, NV");
  strcpy(hotel, "Test Hotel Las Vegas");
  s.place = place;
  s.hotel = hotel;
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  memset(place, 'x', sizeof place - 1);
  memset(hotel, 'y', sizeof hotel - 1);
  ck_assert_int_eq(oi_policy_builder_build(b, &p, NULL), OI_OK);
  oi_policy_builder_free(b);
  s = tu_session(p, "OI-2018-NV");
  ck_assert_str_eq(s.place, "Las Vegas, NV");
  ck_assert_str_eq(s.hotel, "Test Hotel Las Vegas");
  oi_policy_free(p);
}
END_TEST

START_TEST(test_builder_digest_same_for_same_content)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy *a = build_2018(&n), *b = build_2018(&n);
  ck_assert_str_eq(oi_policy_digest(a), oi_policy_digest(b));
  oi_policy_free(a);
  oi_policy_free(b);
}
END_TEST

static void assert_digest_moves(oi_policy_numbers changed, const char *what)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy *a = build_2018(&n), *b = build_2018(&changed);
  ck_assert_msg(strcmp(oi_policy_digest(a), oi_policy_digest(b)) != 0,
                "digest unchanged when %s changes: %s", what, oi_policy_digest(a));
  oi_policy_free(a);
  oi_policy_free(b);
}

START_TEST(test_builder_digest_differs_when_one_number_differs)
{
  oi_policy_numbers n;
  n = numbers_2018();
  n.seats_per_session = 13;
  assert_digest_moves(n, "seats 12 -> 13");
  n = numbers_2018();
  n.local_cap_per_year = 2;
  assert_digest_moves(n, "cap 3 -> 2");
  n = numbers_2018();
  n.deadline_weeks = 7;
  assert_digest_moves(n, "weeks 8 -> 7");
  n = numbers_2018();
  n.max_nights = 5;
  assert_digest_moves(n, "max nights 4 -> 5");
  n = numbers_2018();
  n.canada_threshold_cents = 30000001;
  assert_digest_moves(n, "threshold +1 cent");
}
END_TEST

START_TEST(test_builder_digest_differs_when_a_session_day_differs)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy *a = build_2018(&n), *b = NULL;
  oi_policy_builder *bb = builder_with_courses(&n);
  oi_session s = session_nv();
  s.last_day = tu_date(2018, 3, 10);
  ck_assert_int_eq(oi_policy_builder_add_session(bb, &s, NULL), OI_OK);
  s = session_ny();
  ck_assert_int_eq(oi_policy_builder_add_session(bb, &s, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_add_prior_site(bb, "Toronto", NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_add_prior_site(bb, "Chicago", NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_build(bb, &b, NULL), OI_OK);
  ck_assert_str_ne(oi_policy_digest(a), oi_policy_digest(b));
  oi_policy_builder_free(bb);
  oi_policy_free(a);
  oi_policy_free(b);
}
END_TEST

START_TEST(test_builder_rebuilding_builtin_from_its_getters_gives_same_digest)
{
  /* The digest covers every field, and the getters expose every field, so
   * the same content fed back through a builder has the same digest. */
  oi_policy *p = tu_builtin_2017(), *q = NULL;
  oi_policy_builder *b = NULL;
  oi_policy_numbers n = OI_POLICY_NUMBERS_INIT;
  size_t i;
  ck_assert_int_eq(oi_policy_get_numbers(p, &n, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_new(&b, oi_policy_id(p), &n, NULL), OI_OK);
  for (i = 0; i < oi_policy_course_count(p); i++) {
    oi_course c = OI_COURSE_INIT;
    ck_assert_int_eq(oi_policy_course(p, i, &c, NULL), OI_OK);
    ck_assert_int_eq(oi_policy_builder_add_course(b, &c, NULL), OI_OK);
  }
  for (i = 0; i < oi_policy_session_count(p); i++) {
    oi_session s = OI_SESSION_INIT;
    ck_assert_int_eq(oi_policy_session(p, i, &s, NULL), OI_OK);
    ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  }
  for (i = 0; i < oi_policy_prior_site_count(p); i++)
    ck_assert_int_eq(oi_policy_builder_add_prior_site(b, oi_policy_prior_site(p, i), NULL),
                     OI_OK);
  ck_assert_int_eq(oi_policy_builder_build(b, &q, NULL), OI_OK);
  ck_assert_str_eq(oi_policy_id(q), oi_policy_id(p));
  ck_assert_str_eq(oi_policy_digest(q), oi_policy_digest(p));
  oi_policy_builder_free(b);
  oi_policy_free(q);
  oi_policy_free(p);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* TCase "U3-years": a catalogue may span calendar years                    */

/* OI-2019-FL: a 1.0 session of February 2019, for the 2018 policy. */
static oi_session session_fl_2019(void)
{
  oi_session s = session_nv();
  s.id = "OI-2019-FL";
  s.place = "Orlando, FL";
  s.hotel = "Test Hotel Orlando";
  s.first_day = tu_date(2019, 2, 11);
  s.last_day = tu_date(2019, 2, 15);
  return s;
}

/* Reading (S5, U3): the policy year is the policy's label; a session of the
 * next year (announced, and applied for, in the autumn) belongs in it. */
START_TEST(test_u3_years_2018_policy_holds_a_february_2019_session)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_nv(), got = OI_SESSION_INIT;
  oi_policy *p = NULL;
  oi_policy_numbers back = OI_POLICY_NUMBERS_INIT;
  oi_date deadline;
  oi_error e;
  size_t i = 0;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  s = session_fl_2019();
  ck_assert_msg(oi_policy_builder_add_session(b, &s, &e) == OI_OK, "2019 session: %s",
                e.message);
  ck_assert_int_eq(oi_policy_builder_build(b, &p, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_get_numbers(p, &back, NULL), OI_OK);
  ck_assert_int_eq(back.year, 2018); /* the label stays */
  ck_assert_int_eq(oi_policy_find_session(p, "OI-2019-FL", &i, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_session(p, i, &got, NULL), OI_OK);
  ck_assert(same_date(got.first_day, 2019, 2, 11));
  ck_assert_int_eq(oi_policy_session_seats(p, i), 12);
  /* S6: eight weeks before 2019-02-11 is 2018-12-17, in the policy year */
  ck_assert_int_eq(oi_policy_subsidy_deadline(p, i, &deadline, NULL), OI_OK);
  ck_assert(same_date(deadline, 2018, 12, 17));
  oi_policy_free(p);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_u3_years_session_of_the_year_before_is_accepted)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_nv();
  s.first_day = tu_date(2017, 12, 4);
  s.last_day = tu_date(2017, 12, 8);
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  ck_assert_uint_eq(sessions_built(b), 1);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_u3_years_request_for_2019_session_received_in_2018_decides_by_its_deadline)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_fl_2019();
  oi_subsidy_request r;
  oi_policy *p = NULL;
  oi_decision d;
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_build(b, &p, NULL), OI_OK);
  request_2018(&r);
  r.session_id = "OI-2019-FL";
  r.received = tu_dt(2018, 12, 17, 23, 59, 59); /* on the deadline */
  d = decide(p, &r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ELIGIBLE);
  r.received = tu_dt(2018, 12, 18, 0, 0, 0);    /* a day late */
  d = decide(p, &r);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  ck_assert(TU_ASSERT_REFUSAL(&d, OI_REASON_RECEIVED_LATE, OI_CLAUSE_S6)->value[2] ==
            tu_days(2018, 12, 17));
  oi_policy_free(p);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_u3_years_session_in_year_1_is_einval_year_2_accepted)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_nv();
  oi_error e;
  s.first_day = tu_date(1, 12, 3);
  s.last_day = tu_date(1, 12, 7);
  assert_add_session_fails(b, &s, OI_EINVAL, "year 1");
  memset(&e, 0, sizeof e);
  oi_policy_builder_add_session(b, &s, &e);
  ck_assert_str_eq(e.path, "session.first_day");
  s.first_day = tu_date(2, 1, 1);
  s.last_day = tu_date(2, 1, 5);
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  oi_policy_builder_free(b);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* TCase "S4-seats": a session may set its own seats                        */

/* Reading (S4): the policy's number is the default; a session may set its
 * own, bigger, smaller, or 0 for none. */
START_TEST(test_s4_seats_own_20_and_3_and_0_beside_the_default_12)
{
  static const int own[3] = { 20, 3, 0 };
  static const char *const ids[3] = { "OI-2018-BIG", "OI-2018-SMALL", "OI-2018-NONE" };
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_nv();
  oi_policy *p = NULL;
  size_t i, k;
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK); /* the default */
  for (k = 0; k < 3; k++) {
    s = session_nv();
    s.id = ids[k];
    s.own_seats = own[k];
    s.has_own_seats = 1;
    ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  }
  ck_assert_int_eq(oi_policy_builder_build(b, &p, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_session_seats(p, 0), 12);
  ck_assert_int_eq(oi_policy_session(p, 0, &s, NULL), OI_OK);
  ck_assert_int_eq(s.has_own_seats, 0);
  for (k = 0; k < 3; k++) {
    ck_assert_int_eq(oi_policy_find_session(p, ids[k], &i, NULL), OI_OK);
    ck_assert_int_eq(oi_policy_session_seats(p, i), own[k]);
    ck_assert_int_eq(oi_policy_session(p, i, &s, NULL), OI_OK);
    ck_assert_int_eq(s.has_own_seats, 1);
    ck_assert_int_eq(s.own_seats, own[k]);
  }
  oi_policy_free(p);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_s4_seats_own_minus_1_and_100001_are_einval_100000_accepted)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_nv();
  oi_error e;
  s.has_own_seats = 1;
  s.own_seats = -1;
  assert_add_session_fails(b, &s, OI_EINVAL, "-1 seats");
  memset(&e, 0, sizeof e);
  oi_policy_builder_add_session(b, &s, &e);
  ck_assert_str_eq(e.path, "session.own_seats");
  s.own_seats = 100001;
  assert_add_session_fails(b, &s, OI_EINVAL, "100001 seats");
  s.has_own_seats = 2;
  s.own_seats = 5;
  assert_add_session_fails(b, &s, OI_EINVAL, "has_own_seats 2");
  ck_assert_uint_eq(sessions_built(b), 0);
  s.has_own_seats = 1;
  s.own_seats = 100000;
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_s4_seats_flag_0_ignores_own_seats)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_nv();
  oi_policy *p = NULL;
  s.own_seats = -7; /* not read */
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_build(b, &p, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_session_seats(p, 0), 12);
  oi_policy_free(p);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_s4_seats_on_a_2_0_session_are_einval_s1_0_accepted)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n);
  oi_session s = session_ny();
  oi_error e;
  s.has_own_seats = 1;
  s.own_seats = 1;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, &e), OI_EINVAL);
  ck_assert_str_eq(e.path, "session.own_seats");
  ck_assert_msg(strstr(e.message, "(S1)") != NULL, "%s", e.message);
  s.own_seats = 0;
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  oi_policy_builder_free(b);
}
END_TEST

START_TEST(test_s4_seats_digest_moves_with_own_seats_and_not_without)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy *plain = build_2018(&n), *own12 = NULL, *own13 = NULL, *own13b = NULL;
  oi_policy_builder *b;
  oi_session s;
  int k;
  oi_policy **out[3] = { &own12, &own13, &own13b };
  const int seats[3] = { 12, 13, 13 };
  for (k = 0; k < 3; k++) {
    b = builder_with_courses(&n);
    s = session_nv();
    s.has_own_seats = 1;
    s.own_seats = seats[k];
    ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
    s = session_ny();
    ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
    ck_assert_int_eq(oi_policy_builder_add_prior_site(b, "Toronto", NULL), OI_OK);
    ck_assert_int_eq(oi_policy_builder_add_prior_site(b, "Chicago", NULL), OI_OK);
    ck_assert_int_eq(oi_policy_builder_build(b, out[k], NULL), OI_OK);
    oi_policy_builder_free(b);
  }
  ck_assert_str_ne(oi_policy_digest(plain), oi_policy_digest(own12));
  ck_assert_str_ne(oi_policy_digest(own12), oi_policy_digest(own13));
  ck_assert_str_eq(oi_policy_digest(own13), oi_policy_digest(own13b));
  oi_policy_free(plain);
  oi_policy_free(own12);
  oi_policy_free(own13);
  oi_policy_free(own13b);
}
END_TEST

START_TEST(test_s4_seats_builtin_2017_digest_is_unchanged_65a3d1155405affb)
{
  /* No session of 2017 sets its own seats: its digest, recorded in every
   * snapshot made under it, is what it was before sessions could. */
  oi_policy *p = tu_builtin_2017();
  ck_assert_str_eq(oi_policy_digest(p), "65a3d1155405affb");
  oi_policy_free(p);
}
END_TEST

START_TEST(test_s4_seats_rebuilt_from_getters_keeps_own_seats_and_digest)
{
  oi_policy_numbers n = numbers_2018();
  oi_policy_builder *b = builder_with_courses(&n), *c = NULL;
  oi_policy *p = NULL, *q = NULL;
  oi_session s = session_nv();
  size_t i;
  s.has_own_seats = 1;
  s.own_seats = 30;
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  s = session_ny();
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_build(b, &p, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_new(&c, "test-2018", &n, NULL), OI_OK);
  for (i = 0; i < oi_policy_course_count(p); i++) {
    oi_course co = OI_COURSE_INIT;
    ck_assert_int_eq(oi_policy_course(p, i, &co, NULL), OI_OK);
    ck_assert_int_eq(oi_policy_builder_add_course(c, &co, NULL), OI_OK);
  }
  for (i = 0; i < oi_policy_session_count(p); i++) {
    ck_assert_int_eq(oi_policy_session(p, i, &s, NULL), OI_OK);
    ck_assert_int_eq(oi_policy_builder_add_session(c, &s, NULL), OI_OK);
  }
  ck_assert_int_eq(oi_policy_builder_build(c, &q, NULL), OI_OK);
  ck_assert_str_eq(oi_policy_digest(q), oi_policy_digest(p));
  ck_assert_int_eq(oi_policy_session_seats(q, 0), 30);
  ck_assert_int_eq(oi_policy_session_seats(q, 1), 0);
  oi_policy_free(p);
  oi_policy_free(q);
  oi_policy_builder_free(b);
  oi_policy_builder_free(c);
}
END_TEST

static Suite *policy_suite(void)
{
  Suite *s = suite_create("policy");
  TCase *tc;

  tc = tcase_create("policy");
  tcase_add_checked_fixture(tc, setup_builtin, teardown_builtin);
  tcase_add_test(tc, test_policy_builtin_2017_has_5_sessions_3_courses_11_prior_sites);
  tcase_add_test(tc, test_policy_builtin_2017_numbers_are_2017_10_seats_cap_2_6_weeks_5_nights_25000000);
  tcase_add_test(tc, test_policy_session_ids_are_exactly_the_five_of_the_table);
  tcase_add_test(tc, test_policy_oi_2017_md_1_0_linthicum_heights_feb_13_to_17_us_only);
  tcase_add_test(tc, test_policy_oi_2017_co_1_0_denver_may_8_to_12_us_only);
  tcase_add_test(tc, test_policy_oi_2017_fl_1_0_orlando_oct_16_to_20_us_and_canada);
  tcase_add_test(tc, test_policy_adv_2017_md_both_2_0_courses_linthicum_heights_feb_22_to_24_us_and_canada);
  tcase_add_test(tc, test_policy_adv_2017_ca_both_2_0_courses_los_angeles_nov_29_to_dec_1_us_and_canada);
  tcase_add_test(tc, test_policy_one_course_of_each_kind_with_unique_ids_and_titles);
  tcase_add_test(tc, test_policy_seats_10_at_each_1_0_session_0_at_each_2_0_session);
  tcase_add_test(tc, test_policy_s6_deadlines_2017_01_02_and_03_27_and_09_04);
  tcase_add_test(tc, test_policy_every_1_0_session_has_a_designated_hotel);
  tcase_add_test(tc, test_policy_prior_sites_are_the_11_cities_on_record);
  tcase_add_test(tc, test_policy_builtin_2016_is_enotfound_and_out_untouched);
  tcase_add_test(tc, test_policy_builtin_null_out_is_einval);
  tcase_add_test(tc, test_policy_free_null_and_builder_free_null_are_noops);
  tcase_add_test(tc, test_policy_id_is_nonempty_short_and_same_for_two_builtins);
  tcase_add_test(tc, test_policy_digest_is_16_lowercase_hex_and_same_for_two_builtins);
  tcase_add_test(tc, test_policy_counts_of_null_policy_are_0);
  tcase_add_test(tc, test_policy_course_getter_index_3_is_enotfound_null_is_einval);
  tcase_add_test(tc, test_policy_session_getter_index_5_is_enotfound_null_is_einval);
  tcase_add_test(tc, test_policy_prior_site_index_11_is_null);
  tcase_add_test(tc, test_policy_seats_of_null_policy_or_index_5_is_minus_1);
  tcase_add_test(tc, test_policy_deadline_index_5_is_enotfound_null_is_einval);
  tcase_add_test(tc, test_policy_find_session_is_exact_match_unknown_enotfound_null_einval);
  tcase_add_test(tc, test_policy_find_course_unknown_enotfound_null_einval);
  tcase_add_test(tc, test_policy_get_numbers_null_is_einval);
  suite_add_tcase(s, tc);

  tc = tcase_create("U3");
  tcase_add_checked_fixture(tc, setup_2018, teardown_2018);
  tcase_add_test(tc, test_u3_2018_policy_reports_its_own_numbers);
  tcase_add_test(tc, test_u3_2018_seats_12_at_1_0_session_0_at_2_0_session);
  tcase_add_test(tc, test_u3_2018_deadline_8_weeks_before_2018_03_05_is_2018_01_08);
  tcase_add_test(tc, test_u3_2018_received_56_days_before_is_on_time);
  tcase_add_test(tc, test_u3_2018_received_55_days_before_is_late_with_8_weeks_required);
  tcase_add_test(tc, test_u3_2018_received_42_days_before_is_late_under_8_weeks);
  tcase_add_test(tc, test_u3_2018_5_nights_requested_pays_4_with_note);
  tcase_add_test(tc, test_u3_2018_4_nights_requested_pays_4_without_note);
  tcase_add_test(tc, test_u3_2018_canadian_25000000_cents_qualifies_under_30000000_threshold);
  tcase_add_test(tc, test_u3_2018_canadian_29999999_cents_qualifies);
  tcase_add_test(tc, test_u3_2018_canadian_30000000_cents_refused_with_threshold_30000000);
  tcase_add_test(tc, test_u3_2018_cost_split_5_awarded_nights_exceed_max_4_is_einval);
  tcase_add_test(tc, test_u3_2018_decision_names_the_2018_policy);
  tcase_add_test(tc, test_u3_2018_organizing_2_0_through_prior_site_toronto_admitted);
  suite_add_tcase(s, tc);

  tc = tcase_create("builder");
  tcase_add_test(tc, test_builder_2_0_session_without_hotel_is_accepted);
  tcase_add_test(tc, test_builder_duplicate_session_id_is_eexists);
  tcase_add_test(tc, test_builder_duplicate_course_id_is_eexists);
  tcase_add_test(tc, test_builder_session_offering_unknown_course_is_enotfound);
  tcase_add_test(tc, test_builder_last_day_one_day_before_first_day_is_refused);
  tcase_add_test(tc, test_builder_invalid_first_day_2018_02_30_is_edate);
  tcase_add_test(tc, test_builder_empty_countries_mask_is_einval);
  tcase_add_test(tc, test_builder_unknown_country_bit_is_einval);
  tcase_add_test(tc, test_builder_1_0_session_without_hotel_is_einval);
  tcase_add_test(tc, test_builder_session_with_no_course_or_a_course_twice_is_einval);
  tcase_add_test(tc, test_builder_session_id_of_64_bytes_is_einval_63_bytes_accepted);
  tcase_add_test(tc, test_builder_policy_id_of_64_bytes_is_einval_63_bytes_accepted);
  tcase_add_test(tc, test_builder_course_kind_0_and_4_are_einval);
  tcase_add_test(tc, test_builder_negative_seats_is_einval_0_seats_accepted);
  tcase_add_test(tc, test_builder_negative_cap_weeks_threshold_are_einval);
  tcase_add_test(tc, test_builder_max_nights_0_is_einval_1_accepted);
  tcase_add_test(tc, test_builder_new_null_out_null_numbers_empty_id_are_einval);
  tcase_add_test(tc, test_builder_prior_site_same_city_other_case_is_eexists);
  tcase_add_test(tc, test_builder_build_null_out_is_einval_and_builder_reusable);
  tcase_add_test(tc, test_builder_policy_keeps_copies_of_borrowed_strings);
  tcase_add_test(tc, test_builder_digest_same_for_same_content);
  tcase_add_test(tc, test_builder_digest_differs_when_one_number_differs);
  tcase_add_test(tc, test_builder_digest_differs_when_a_session_day_differs);
  tcase_add_test(tc, test_builder_rebuilding_builtin_from_its_getters_gives_same_digest);
  suite_add_tcase(s, tc);

  tc = tcase_create("U3-years");
  tcase_add_test(tc, test_u3_years_2018_policy_holds_a_february_2019_session);
  tcase_add_test(tc, test_u3_years_session_of_the_year_before_is_accepted);
  tcase_add_test(tc, test_u3_years_request_for_2019_session_received_in_2018_decides_by_its_deadline);
  tcase_add_test(tc, test_u3_years_session_in_year_1_is_einval_year_2_accepted);
  suite_add_tcase(s, tc);

  tc = tcase_create("S4-seats");
  tcase_add_test(tc, test_s4_seats_own_20_and_3_and_0_beside_the_default_12);
  tcase_add_test(tc, test_s4_seats_own_minus_1_and_100001_are_einval_100000_accepted);
  tcase_add_test(tc, test_s4_seats_flag_0_ignores_own_seats);
  tcase_add_test(tc, test_s4_seats_on_a_2_0_session_are_einval_s1_0_accepted);
  tcase_add_test(tc, test_s4_seats_digest_moves_with_own_seats_and_not_without);
  tcase_add_test(tc, test_s4_seats_builtin_2017_digest_is_unchanged_65a3d1155405affb);
  tcase_add_test(tc, test_s4_seats_rebuilt_from_getters_keeps_own_seats_and_digest);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(policy_suite());
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
