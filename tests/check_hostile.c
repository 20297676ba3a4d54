/*
 * tests/check_hostile.c -- inputs chosen by someone who wants the library to
 * misbehave: ids in buffers without a terminator, ids and names carrying
 * control characters, impossible moments of receipt, ids crafted to collide
 * in hash tables, and waitlists shaped to make a promotion search long.
 *
 * TCase "ids"       every function taking an id or a name reads at most the
 *                   documented length plus one byte (OI_ID_MAX + 1,
 *                   OI_NAME_MAX + 1), whatever follows in memory; control
 *                   characters are bad input naming the field; so is a
 *                   receipt more than a year before the policy's first
 *                   session.
 * TCase "hashing"   ids that all hash alike under an unkeyed hash cost what
 *                   ordinary ids cost.
 * TCase "waitlist"  a withdrawal with many waitlisted locals at their cap
 *                   (S5) ahead of the first one that fits costs what it costs
 *                   without them.
 *
 * The timing tests compare the process's CPU time of two runs of the same
 * size made in the same test, the hostile one against the ordinary one, each
 * the best of three, with a wide margin: what they catch is a cost that
 * grows with the square of the input (tens to hundreds of times the
 * ordinary one), not a few percent.
 */
#define _DEFAULT_SOURCE 1
#define _POSIX_C_SOURCE 200809L

#include "testutil.h"
#include "crafted_ids.h"

#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#ifndef MAP_ANONYMOUS
#define MAP_ANONYMOUS MAP_ANON
#endif

#define MD "OI-2017-MD"

static oi_policy *pol;
static oi_ledger *led;

static oi_ledger *new_ledger(const oi_policy *p)
{
  oi_ledger *l = NULL;
  oi_error e;

  memset(&e, 0, sizeof e);
  ck_assert_msg(oi_ledger_new(p, &l, &e) == OI_OK, "oi_ledger_new: %s", e.message);
  return l;
}

static void setup(void)
{
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

/* Assert a call failed with this status and path, and said so in err. */
#define ASSERT_FAILS(call, e, status, where)                                                   \
  do {                                                                                       \
    oi_status st_;                                                                           \
    memset(&(e), 0, sizeof(e));                                                              \
    st_ = (call);                                                                            \
    ck_assert_msg(st_ == (status), "%s: %s, expected %s (%s: %s)", #call, oi_status_name(st_), \
                  oi_status_name(status), (e).path, (e).message);                            \
    ck_assert_str_eq((e).path, (where));                                                      \
    ck_assert_msg((e).message[0] != '\0', "%s: no message", #call);                          \
  } while (0)

/* ------------------------------------------------------------------------ */
/* Memory that ends where an inaccessible page begins                        */

struct guarded {
  char *base;
  size_t page;
};

static void guarded_map(struct guarded *g)
{
  g->page = (size_t)sysconf(_SC_PAGESIZE);
  g->base = mmap(NULL, 2 * g->page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  ck_assert_msg(g->base != MAP_FAILED, "mmap failed");
  ck_assert_int_eq(mprotect(g->base + g->page, g->page, PROT_NONE), 0);
}

static void guarded_unmap(struct guarded *g)
{
  munmap(g->base, 2 * g->page);
}

/* n bytes of c, the last of them just before the inaccessible page: no
 * terminator follows, and reading one byte too many faults. */
static const char *unterminated(struct guarded *g, size_t n, char c)
{
  char *p = g->base + g->page - n;

  memset(p, c, n);
  return p;
}

/* s and its terminator, the terminator the last readable byte. */
static const char *at_page_end(struct guarded *g, const char *s)
{
  const size_t n = strlen(s) + 1;
  char *p = g->base + g->page - n;

  memcpy(p, s, n);
  return p;
}

/* ------------------------------------------------------------------------ */
/* "ids"                                                                    */

START_TEST(test_ids_lookups_read_at_most_OI_ID_MAX_plus_one_bytes_of_an_unterminated_id)
{
  struct guarded g;
  oi_subsidy_request r;
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;
  oi_session_summary sum = OI_SESSION_SUMMARY_INIT;
  oi_withdrawal w = OI_WITHDRAWAL_INIT;
  oi_decision d = OI_DECISION_INIT;
  oi_error e;
  size_t index = 0, count = 0;
  int64_t nights = 0;
  char id[OI_ID_MAX + 1];
  const char *p;

  guarded_map(&g);
  tu_default_request(&r);
  r.id = tu_string_of(id, OI_ID_MAX, 'i');
  ck_assert_int_eq(oi_ledger_submit(led, &r, NULL, NULL), OI_OK);

  /* OI_ID_MAX + 1 bytes and no terminator: too long, and nothing past them is read. */
  p = unterminated(&g, OI_ID_MAX + 1, 'i');
  ASSERT_FAILS(oi_ledger_get(led, p, &en, &e), e, OI_EINVAL, "id");
  ASSERT_FAILS(oi_ledger_withdraw(led, p, &w, &e), e, OI_EINVAL, "id");
  ASSERT_FAILS(oi_ledger_session_summary(led, p, &sum, &e), e, OI_EINVAL, "session_id");
  ASSERT_FAILS(oi_ledger_session_entries(led, p, OI_OUTCOME_AWARDED, NULL, 0, sizeof en,
                                         &count, &e),
               e, OI_EINVAL, "session_id");
  ASSERT_FAILS(oi_policy_find_session(pol, p, &index, &e), e, OI_EINVAL, "id");
  ASSERT_FAILS(oi_policy_find_course(pol, p, &index, &e), e, OI_EINVAL, "id");
  ASSERT_FAILS(oi_check_graduation(pol, p, NULL, 0, &d, &e), e, OI_EINVAL, "session_id");
  p = unterminated(&g, OI_NAME_MAX + 1, 'h');
  ASSERT_FAILS(oi_ledger_hotel_nights(led, p, &nights, &e), e, OI_EINVAL, "hotel");

  /* The longest id, its terminator the last byte before the guard page. */
  p = at_page_end(&g, id);
  en = (oi_ledger_entry)OI_LEDGER_ENTRY_INIT;
  ck_assert_int_eq(oi_ledger_get(led, p, &en, NULL), OI_OK);
  ck_assert_str_eq(en.id, id);
  ck_assert_int_eq(oi_ledger_withdraw(led, p, &w, NULL), OI_OK);
  p = at_page_end(&g, MD);
  ck_assert_int_eq(oi_ledger_session_summary(led, p, &sum, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_find_session(pol, p, &index, NULL), OI_OK);
  guarded_unmap(&g);
}
END_TEST

START_TEST(test_ids_submit_reads_at_most_OI_ID_MAX_plus_one_bytes_of_every_id_and_name)
{
  struct guarded g;
  oi_subsidy_request r;
  oi_error e;

  guarded_map(&g);
  tu_default_request(&r);
  r.id = unterminated(&g, OI_ID_MAX + 1, 'r');
  ASSERT_FAILS(oi_ledger_submit(led, &r, NULL, &e), e, OI_EINVAL, "request.id");
  tu_default_request(&r);
  r.officer.id = unterminated(&g, OI_ID_MAX + 1, 'o');
  ASSERT_FAILS(oi_ledger_submit(led, &r, NULL, &e), e, OI_EINVAL, "request.officer.id");
  tu_default_request(&r);
  r.session_id = unterminated(&g, OI_ID_MAX + 1, 's');
  ASSERT_FAILS(oi_ledger_submit(led, &r, NULL, &e), e, OI_EINVAL, "request.session_id");
  tu_default_request(&r);
  r.local.name = unterminated(&g, OI_NAME_MAX + 1, 'n');
  ASSERT_FAILS(oi_ledger_submit(led, &r, NULL, &e), e, OI_EINVAL, "request.local.name");
  tu_default_request(&r);
  r.officer.name = unterminated(&g, OI_NAME_MAX + 1, 'n');
  ASSERT_FAILS(oi_ledger_submit(led, &r, NULL, &e), e, OI_EINVAL, "request.officer.name");
  ck_assert_uint_eq(oi_ledger_count(led), 0);
  guarded_unmap(&g);
}
END_TEST

/* What a badly read file leaves in an id or a name. */
static const char *const controls[] = {
  "\n", "\r", "\t", "\x01", "\x1b", "\x7f",
  "\xc2\x85", /* U+0085, NEXT LINE, in UTF-8 */
};
#define CONTROL_COUNT (sizeof controls / sizeof controls[0])

/* value + a control character (at the end, or in the middle when mid). */
static const char *with_control(char *buf, size_t size, const char *value, size_t k, int mid)
{
  if (mid)
    snprintf(buf, size, "%.2s%s%s", value, controls[k], value + 2);
  else
    snprintf(buf, size, "%s%s", value, controls[k]);
  return buf;
}

START_TEST(test_ids_control_characters_in_request_ids_and_names_are_einval_naming_the_field)
{
  char buf[64];
  oi_subsidy_request r;
  oi_decision d = OI_DECISION_INIT;
  oi_error e;
  size_t k;
  int mid;

  for (k = 0; k < CONTROL_COUNT; k++)
    for (mid = 0; mid <= 1; mid++) {
      tu_default_request(&r);
      r.id = with_control(buf, sizeof buf, "req-1", k, mid);
      ASSERT_FAILS(oi_ledger_submit(led, &r, &d, &e), e, OI_EINVAL, "request.id");
      ASSERT_FAILS(oi_check_subsidy(pol, &r, &d, &e), e, OI_EINVAL, "request.id");
      tu_default_request(&r);
      r.officer.id = with_control(buf, sizeof buf, "officer-1", k, mid);
      ASSERT_FAILS(oi_ledger_submit(led, &r, &d, &e), e, OI_EINVAL, "request.officer.id");
      tu_default_request(&r);
      r.session_id = with_control(buf, sizeof buf, MD, k, mid);
      ASSERT_FAILS(oi_ledger_submit(led, &r, &d, &e), e, OI_EINVAL, "request.session_id");
      tu_default_request(&r);
      r.local.name = with_control(buf, sizeof buf, "IATSE Local 22", k, mid);
      ASSERT_FAILS(oi_ledger_submit(led, &r, &d, &e), e, OI_EINVAL, "request.local.name");
      tu_default_request(&r);
      r.officer.name = with_control(buf, sizeof buf, "Pat Example", k, mid);
      ASSERT_FAILS(oi_ledger_submit(led, &r, &d, &e), e, OI_EINVAL, "request.officer.name");
      ck_assert_int_eq(e.expected, OI_EXPECT_PRINTABLE);
      ck_assert_str_eq(e.field, "officer.name");
    }
  ck_assert_uint_eq(oi_ledger_count(led), 0);
  ck_assert_uint_eq(oi_ledger_event_count(led), 0);
  /* Printable text, UTF-8 included, is an id or a name. */
  tu_default_request(&r);
  r.id = "req-\xc3\xa9t\xc3\xa9 #1";
  r.officer.name = "Fran\xc3\xa7oise L'\xc3\x89" "cuyer";
  ck_assert_int_eq(oi_ledger_submit(led, &r, &d, NULL), OI_OK);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_AWARDED);
}
END_TEST

START_TEST(test_ids_control_characters_in_lookups_and_policy_strings_are_einval)
{
  oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;
  oi_session_summary sum = OI_SESSION_SUMMARY_INIT;
  oi_policy_builder *b = NULL;
  oi_policy_numbers n = OI_POLICY_NUMBERS_INIT;
  oi_error e;
  size_t index;

  ASSERT_FAILS(oi_ledger_get(led, "req-1\n", &en, &e), e, OI_EINVAL, "id");
  ASSERT_FAILS(oi_ledger_session_summary(led, MD "\n", &sum, &e), e, OI_EINVAL, "session_id");
  ASSERT_FAILS(oi_policy_find_session(pol, MD "\r\n", &index, &e), e, OI_EINVAL, "id");
  ck_assert_int_eq(oi_policy_get_numbers(pol, &n, NULL), OI_OK);
  ASSERT_FAILS(oi_policy_builder_new(&b, "policy\n", &n, &e), e, OI_EINVAL, "id");
  ck_assert_ptr_null(b);
  ck_assert_int_eq(oi_policy_builder_new(&b, "policy", &n, NULL), OI_OK);
  ASSERT_FAILS(oi_policy_builder_add_prior_site(b, "Toronto\n", &e), e, OI_EINVAL, "site");
  oi_policy_builder_free(b);
}
END_TEST

/* The built-in policy's first session, OI-2017-MD, begins 2017-02-13: the
 * earliest plausible receipt is a year before, 2016-02-13 00:00:00. */
START_TEST(test_ids_received_more_than_a_year_before_the_first_session_is_einval)
{
  oi_subsidy_request r;
  oi_decision d = OI_DECISION_INIT;
  oi_error e;

  tu_default_request(&r);
  r.received = tu_dt(2016, 2, 12, 23, 59, 59);
  ASSERT_FAILS(oi_ledger_submit(led, &r, &d, &e), e, OI_EINVAL, "request.received");
  ck_assert_ptr_nonnull(strstr(e.message, "2016-02-13"));
  ASSERT_FAILS(oi_check_subsidy(pol, &r, &d, &e), e, OI_EINVAL, "request.received");
  r.received = tu_dt(1, 1, 1, 0, 0, 0);
  ASSERT_FAILS(oi_ledger_submit(led, &r, &d, &e), e, OI_EINVAL, "request.received");
  ASSERT_FAILS(oi_ledger_submit_many(led, &r, 1, sizeof r, &d, sizeof d, &e), e, OI_EINVAL,
               "requests[0].received");
  ck_assert_uint_eq(oi_ledger_count(led), 0);

  /* The boundary itself is a receipt like any other: awarded. */
  r.received = tu_dt(2016, 2, 13, 0, 0, 0);
  ck_assert_int_eq(oi_ledger_submit(led, &r, &d, NULL), OI_OK);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_AWARDED);
  /* The bound is the policy's first session, for every session of it. */
  tu_default_request(&r);
  r.id = "req-fl";
  r.officer.id = "officer-fl";
  r.session_id = "OI-2017-FL";
  r.received = tu_dt(2016, 2, 13, 0, 0, 0);
  ck_assert_int_eq(oi_ledger_submit(led, &r, &d, NULL), OI_OK);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_AWARDED);
}
END_TEST

/* A first session on 29 February: a year before is 28 February. */
START_TEST(test_ids_a_year_before_29_february_is_28_february)
{
  static const char *const courses[] = { "OI-1.0" };
  oi_policy_numbers n = OI_POLICY_NUMBERS_INIT;
  oi_course c = OI_COURSE_INIT;
  oi_session s = OI_SESSION_INIT;
  oi_policy_builder *b = NULL;
  oi_policy *p = NULL;
  oi_ledger *l;
  oi_subsidy_request r;
  oi_error e;

  ck_assert_int_eq(oi_policy_get_numbers(pol, &n, NULL), OI_OK);
  n.year = 2020;
  c.id = "OI-1.0";
  c.title = "Officer Institute 1.0";
  c.kind = OI_COURSE_INSTITUTE;
  s.id = "S-LEAP";
  s.place = "Denver, CO";
  s.hotel = "Hotel One";
  s.first_day = tu_date(2020, 2, 29);
  s.last_day = tu_date(2020, 3, 4);
  s.countries = OI_COUNTRY_BIT(OI_COUNTRY_US);
  s.course_ids = courses;
  s.course_count = 1;
  ck_assert_int_eq(oi_policy_builder_new(&b, "leap", &n, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_add_course(b, &c, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_build(b, &p, NULL), OI_OK);
  oi_policy_builder_free(b);
  l = new_ledger(p);
  tu_default_request(&r);
  r.session_id = "S-LEAP";
  r.received = tu_dt(2019, 2, 27, 23, 59, 59);
  ASSERT_FAILS(oi_ledger_submit(l, &r, NULL, &e), e, OI_EINVAL, "request.received");
  r.received = tu_dt(2019, 2, 28, 0, 0, 0);
  ck_assert_int_eq(oi_ledger_submit(l, &r, NULL, NULL), OI_OK);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Timing                                                                   */

static double cpu_seconds(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The hostile run must cost at most this many times the ordinary one, plus
 * a constant for the clock's and the scheduler's noise. */
#define TIME_FACTOR 4.0
#define TIME_SLACK 0.05

/* ------------------------------------------------------------------------ */
/* "hashing"                                                                */

/*
 * The unkeyed string hash the ledger once used (eight bytes at a time, each
 * word folded in with a multiply and a shift, then splitmix64's finalizer),
 * and ids crafted against it: since the multiply carries only upwards,
 * changing only the high half of the first word leaves the low half of the
 * product alone, and the second word can then cancel what changed. Every
 * crafted id of 16 printable bytes has the same 64-bit hash, so a table that
 * used it would put them all in one probe sequence (tests/crafted_ids.h
 * crafts them; old_hash() checks that they do collide).
 */
static uint64_t old_finalizer(uint64_t v)
{
  v ^= v >> 30;
  v *= UINT64_C(0xbf58476d1ce4e5b9);
  v ^= v >> 27;
  v *= UINT64_C(0x94d049bb133111eb);
  v ^= v >> 31;
  return v;
}

static uint64_t old_hash(const char *s, uint64_t seed)
{
  size_t n = strlen(s);
  uint64_t h = seed ^ ((uint64_t)n * UINT64_C(0x9e3779b97f4a7c15)), w;

  for (; n >= 8; s += 8, n -= 8) {
    memcpy(&w, s, 8);
    h = (h ^ w) * UINT64_C(0xff51afd7ed558ccd);
    h ^= h >> 32;
  }
  w = 0;
  memcpy(&w, s, n);
  h = (h ^ w) * UINT64_C(0xc4ceb9fe1a85ec53);
  return old_finalizer(h);
}

/* count crafted ids into ids, count * (CRAFTED_LEN + 1) bytes. */
static void craft_ids(char *ids, size_t count, const char *prefix, uint64_t seed)
{
  crafted_ids(ids, CRAFTED_LEN + 1, count, prefix, seed);
}

static void ordinary_ids(char *ids, size_t count, const char *prefix)
{
  size_t i;

  for (i = 0; i < count; i++)
    snprintf(ids + i * (CRAFTED_LEN + 1), CRAFTED_LEN + 1, "%.4s%012zu", prefix, i);
}

#define HASH_N 16384

/* A batch of HASH_N requests at OI-2017-MD with these ids and officer ids:
 * locals 1..1000, received a minute apart. Returns the best CPU time of
 * three fresh ledgers. */
static double time_batch(const char *ids, const char *officers)
{
  oi_subsidy_request *reqs = calloc(HASH_N, sizeof *reqs);
  double best = 1e9;
  size_t i;
  int run;

  ck_assert_ptr_nonnull(reqs);
  for (i = 0; i < HASH_N; i++) {
    tu_default_request(&reqs[i]);
    reqs[i].id = ids + i * (CRAFTED_LEN + 1);
    reqs[i].officer.id = officers + i * (CRAFTED_LEN + 1);
    reqs[i].local.number = 1 + (uint32_t)(i % 1000);
    reqs[i].received = tu_dt(2016, 12, 1 + (int)(i / 1440 % 28), (int)(i / 60 % 24),
                             (int)(i % 60), 0);
  }
  for (run = 0; run < 3; run++) {
    oi_ledger *l = new_ledger(pol);
    oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;
    oi_error e;
    double t0 = cpu_seconds(), t;
    oi_status st = oi_ledger_submit_many(l, reqs, HASH_N, sizeof reqs[0], NULL, 0, &e);

    t = cpu_seconds() - t0;
    ck_assert_msg(st == OI_OK, "batch: %s %s: %s", oi_status_name(st), e.path, e.message);
    ck_assert_uint_eq(oi_ledger_count(l), HASH_N);
    ck_assert_int_eq(oi_ledger_get(l, reqs[HASH_N - 1].id, &en, NULL), OI_OK);
    if (t < best)
      best = t;
    oi_ledger_free(l);
  }
  free(reqs);
  return best;
}

START_TEST(test_hashing_ids_colliding_under_an_unkeyed_hash_cost_what_ordinary_ids_cost)
{
  const uint64_t officer_seed = (uint64_t)2017 * UINT64_C(0x9e3779b97f4a7c15);
  const size_t size = (size_t)HASH_N * (CRAFTED_LEN + 1);
  char *ids = malloc(size), *officers = malloc(size);
  double crafted, ordinary;
  size_t i;

  ck_assert_ptr_nonnull(ids);
  ck_assert_ptr_nonnull(officers);
  craft_ids(ids, HASH_N, "req-", 0);
  craft_ids(officers, HASH_N, "off-", officer_seed);
  /* The crafting works: all alike under the old hash. */
  for (i = 1; i < HASH_N; i++) {
    ck_assert_uint_eq(old_hash(ids + i * (CRAFTED_LEN + 1), 0), old_hash(ids, 0));
    ck_assert_uint_eq(old_hash(officers + i * (CRAFTED_LEN + 1), officer_seed),
                      old_hash(officers, officer_seed));
  }
  crafted = time_batch(ids, officers);
  ordinary_ids(ids, HASH_N, "req-");
  ordinary_ids(officers, HASH_N, "off-");
  ordinary = time_batch(ids, officers);
  ck_assert_msg(crafted <= TIME_FACTOR * ordinary + TIME_SLACK,
                "a batch of %d crafted ids took %.3f s of CPU, ordinary ids %.3f s", HASH_N,
                crafted, ordinary);
  free(ids);
  free(officers);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* "waitlist"                                                               */

/* One 1.0 session, S-A (2017-03-06), with this many seats; cap 2 (S5). */
static oi_policy *one_session_policy(int seats)
{
  static const char *const courses[] = { "OI-1.0" };
  oi_policy_numbers n = OI_POLICY_NUMBERS_INIT;
  oi_course c = OI_COURSE_INIT;
  oi_session s = OI_SESSION_INIT;
  oi_policy_builder *b = NULL;
  oi_policy *p = NULL;

  n.year = 2017;
  n.seats_per_session = seats;
  n.local_cap_per_year = 2;
  n.deadline_weeks = 6;
  n.max_nights = 5;
  n.canada_threshold_cents = 25000000;
  c.id = "OI-1.0";
  c.title = "Officer Institute 1.0";
  c.kind = OI_COURSE_INSTITUTE;
  s.id = "S-A";
  s.place = "Denver, CO";
  s.hotel = "Hotel One";
  s.first_day = tu_date(2017, 3, 6);
  s.last_day = tu_date(2017, 3, 10);
  s.countries = OI_COUNTRY_BIT(OI_COUNTRY_US);
  s.course_ids = courses;
  s.course_count = 1;
  ck_assert_int_eq(oi_policy_builder_new(&b, "waitlist-test", &n, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_add_course(b, &c, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_add_session(b, &s, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_builder_build(b, &p, NULL), OI_OK);
  oi_policy_builder_free(b);
  return p;
}

static char ids[64 * 1024][16];
static size_t id_count;

static oi_decision enter(oi_ledger *l, uint32_t local, oi_datetime when)
{
  oi_subsidy_request r;
  oi_decision d = OI_DECISION_INIT;
  oi_error e;
  oi_status st;

  ck_assert_uint_lt(id_count, sizeof ids / sizeof ids[0]);
  snprintf(ids[id_count], sizeof ids[0], "w%zu", id_count);
  tu_default_request(&r);
  r.id = ids[id_count];
  r.officer.id = ids[id_count]; /* one officer a request */
  r.session_id = "S-A";
  r.local.number = local;
  r.received = when;
  id_count++;
  st = oi_ledger_submit(l, &r, &d, &e);
  ck_assert_msg(st == OI_OK, "submit: %s", e.message);
  return d;
}

#define CAPPED_K 6000 /* locals at their cap, each with a request waiting */
#define OPEN_M 100    /* locals with room, waiting behind them */

/*
 * S-A with 2K + 1 seats: locals 1001..1000+K hold two awards each (their
 * cap), local 1 holds the last seat; locals 2..M+1 wait (S4) from
 * 2017-01-10. With capped_waiting, each capped local also waits, from
 * 2016-12-01: ahead of every local that fits. Then the seat of local 1 is
 * withdrawn, and M times the request just promoted: each withdrawal must
 * promote the next local with room, never a capped one. Returns the CPU
 * time of the M withdrawals.
 */
static double time_withdrawals(int capped_waiting)
{
  oi_policy *p = one_session_policy(2 * CAPPED_K + 1);
  oi_ledger *l = new_ledger(p);
  char last[16];
  double t0, t;
  int k, m;

  id_count = 0;
  for (k = 0; k < CAPPED_K; k++) {
    oi_decision d = enter(l, 1001 + (uint32_t)k, tu_dt(2017, 1, 2, 9, 0, 0));
    TU_ASSERT_OUTCOME(&d, OI_OUTCOME_AWARDED);
    d = enter(l, 1001 + (uint32_t)k, tu_dt(2017, 1, 2, 9, 0, 1));
    TU_ASSERT_OUTCOME(&d, OI_OUTCOME_AWARDED);
  }
  {
    oi_decision d = enter(l, 1, tu_dt(2017, 1, 2, 10, 0, 0));
    TU_ASSERT_OUTCOME(&d, OI_OUTCOME_AWARDED);
  }
  snprintf(last, sizeof last, "%s", ids[id_count - 1]);
  if (capped_waiting)
    for (k = 0; k < CAPPED_K; k++) {
      oi_decision d = enter(l, 1001 + (uint32_t)k, tu_dt(2016, 12, 1, 9, k / 60 % 60, k % 60));
      TU_ASSERT_OUTCOME(&d, OI_OUTCOME_WAITLISTED);
    }
  for (m = 0; m < OPEN_M; m++) {
    oi_decision d = enter(l, 2 + (uint32_t)m, tu_dt(2017, 1, 10, 9, m / 60, m % 60));
    TU_ASSERT_OUTCOME(&d, OI_OUTCOME_WAITLISTED);
  }

  t0 = cpu_seconds();
  for (m = 0; m < OPEN_M; m++) {
    oi_withdrawal w = OI_WITHDRAWAL_INIT;
    oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;

    ck_assert_int_eq(oi_ledger_withdraw(l, last, &w, NULL), OI_OK);
    ck_assert_uint_eq(w.promoted_count, 1);
    ck_assert_int_eq(oi_ledger_get(l, w.promoted[0], &en, NULL), OI_OK);
    ck_assert_uint_eq(en.local_number, 2 + (uint32_t)m);
    snprintf(last, sizeof last, "%s", w.promoted[0]);
  }
  t = cpu_seconds() - t0;

  if (capped_waiting) {
    /* A capped local whose award is withdrawn has room again: its waiting
     * request, the earliest of all, takes the seat. */
    oi_withdrawal w = OI_WITHDRAWAL_INIT;
    oi_ledger_entry en = OI_LEDGER_ENTRY_INIT;

    ck_assert_int_eq(oi_ledger_withdraw(l, ids[2 * 7], &w, NULL), OI_OK);
    ck_assert_uint_eq(w.promoted_count, 1);
    ck_assert_int_eq(oi_ledger_get(l, w.promoted[0], &en, NULL), OI_OK);
    ck_assert_uint_eq(en.local_number, 1001 + 7);
    ck_assert_int_eq(en.status, OI_OUTCOME_AWARDED);
  }
  oi_ledger_free(l);
  oi_policy_free(p);
  return t;
}

START_TEST(test_waitlist_withdrawal_past_many_capped_locals_costs_what_it_costs_without_them)
{
  double capped = 1e9, ordinary = 1e9;
  int run;

  for (run = 0; run < 3; run++) {
    double a = time_withdrawals(1), b = time_withdrawals(0);
    if (a < capped)
      capped = a;
    if (b < ordinary)
      ordinary = b;
  }
  ck_assert_msg(capped <= TIME_FACTOR * ordinary + TIME_SLACK,
                "%d withdrawals past %d capped locals took %.3f s of CPU, without them %.3f s",
                OPEN_M, CAPPED_K, capped, ordinary);
}
END_TEST

/* ------------------------------------------------------------------------ */

static Suite *hostile_suite(void)
{
  Suite *s = suite_create("hostile");
  TCase *tc;

  tc = tcase_create("ids");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_ids_lookups_read_at_most_OI_ID_MAX_plus_one_bytes_of_an_unterminated_id);
  tcase_add_test(tc, test_ids_submit_reads_at_most_OI_ID_MAX_plus_one_bytes_of_every_id_and_name);
  tcase_add_test(tc,
                 test_ids_control_characters_in_request_ids_and_names_are_einval_naming_the_field);
  tcase_add_test(tc, test_ids_control_characters_in_lookups_and_policy_strings_are_einval);
  tcase_add_test(tc, test_ids_received_more_than_a_year_before_the_first_session_is_einval);
  tcase_add_test(tc, test_ids_a_year_before_29_february_is_28_february);
  suite_add_tcase(s, tc);

  tc = tcase_create("hashing");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_hashing_ids_colliding_under_an_unkeyed_hash_cost_what_ordinary_ids_cost);
  suite_add_tcase(s, tc);

  tc = tcase_create("waitlist");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc,
                 test_waitlist_withdrawal_past_many_capped_locals_costs_what_it_costs_without_them);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(hostile_suite());
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
