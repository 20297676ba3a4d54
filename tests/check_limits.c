/*
 * tests/check_limits.c -- what loading a document costs, and what happens
 * when memory runs out (json.h; doc/guarantees.md, "Limits").
 *
 * TCase "memory":
 *  - a snapshot of "requests": [{}, {}, ...], or of anything else made of
 *    many small values, costs jansson a bounded amount of memory, whatever
 *    its length: the peak of what jansson holds is measured through
 *    json_set_alloc_funcs() and must not grow with the document;
 *  - a valid snapshot of many requests also costs jansson a bounded amount
 *    (one element at a time), and loads;
 *  - every allocation jansson makes while loading a policy or a snapshot is
 *    made to fail in turn (and every one after it): each load ends in
 *    OI_OK or OI_ENOMEM with a message, never in a parse error.
 *
 * TCase "capacity": what is saved can be loaded.
 *  - a ledger refuses to grow past OI_LEDGER_REQUESTS_MAX (OI_ELIMIT, the
 *    number in the message), a batch before any of it is read;
 *  - a snapshot of more requests than a ledger holds, or more events than
 *    it can make, is OI_ELIMIT before anything is built;
 *  - a full ledger's snapshot is within OI_SNAPSHOT_DOCUMENT_MAX, and the
 *    largest elements a ledger writes (every string at its longest, every
 *    character escaped) are within OI_DOCUMENT_ELEMENT_MAX and load;
 *  - the largest policy the builder makes saves to a document within
 *    OI_POLICY_DOCUMENT_MAX that loads back to the same digest.
 *
 * json_set_alloc_funcs() changes jansson for the whole process: each test
 * installs its allocator around the one call it measures, in a test
 * program that runs nothing concurrently, and puts malloc and free back.
 */
#define _POSIX_C_SOURCE 200809L

#include "testutil.h"

#include <jansson.h>
#include <unistd.h>

/* ------------------------------------------------------------------------ */
/* A counting, failing allocator for jansson                                */

static size_t live, peak, calls, fail_from = SIZE_MAX;

/* Each block carries its size before the pointer jansson sees. */
union header {
  size_t size;
  long double ld;
  void *ptr;
  long long ll;
};

static void *counting_malloc(size_t n)
{
  union header *h;

  if (calls++ >= fail_from)
    return NULL;
  h = malloc(sizeof *h + n);
  if (h == NULL)
    return NULL;
  h->size = n;
  live += n;
  if (live > peak)
    peak = live;
  return h + 1;
}

static void counting_free(void *p)
{
  union header *h;

  if (p == NULL)
    return;
  h = (union header *)p - 1;
  live -= h->size;
  free(h);
}

/* Count from zero; allocations from the fail_after-th on fail. */
static void counting_begin(size_t fail_after)
{
  live = peak = calls = 0;
  fail_from = fail_after;
  json_set_alloc_funcs(counting_malloc, counting_free);
}

static void counting_end(void)
{
  json_set_alloc_funcs(malloc, free);
  ck_assert_msg(live == 0, "jansson still holds %zu bytes after the load", live);
}

/* ------------------------------------------------------------------------ */
/* Documents                                                                */

struct text {
  char *d;
  size_t n, cap;
};

static void put(struct text *t, const char *s, size_t n)
{
  if (t->n + n + 1 > t->cap) {
    size_t cap = t->cap ? t->cap : 4096;
    while (cap < t->n + n + 1)
      cap *= 2;
    t->d = realloc(t->d, cap);
    ck_assert_ptr_nonnull(t->d);
    t->cap = cap;
  }
  memcpy(t->d + t->n, s, n);
  t->n += n;
  t->d[t->n] = '\0';
}

static void puts_(struct text *t, const char *s)
{
  put(t, s, strlen(s));
}

/* A snapshot's head under p, up to and including "\"requests\":[". */
static void snapshot_head(struct text *t, const oi_policy *p)
{
  char buf[256];

  snprintf(buf, sizeof buf,
           "{\"format\":\"officerinst-ledger\",\"version\":1,\"policy\":{\"id\":\"%s\","
           "\"digest\":\"%s\"},\"requests\":[",
           oi_policy_id(p), oi_policy_digest(p));
  puts_(t, buf);
}

/* A snapshot whose requests are n copies of element (separated by ","). */
static struct text snapshot_of(const oi_policy *p, const char *element, size_t n)
{
  struct text t = { NULL, 0, 0 };
  size_t i;

  snapshot_head(&t, p);
  for (i = 0; i < n; i++) {
    if (i > 0)
      puts_(&t, ",");
    puts_(&t, element);
  }
  puts_(&t, "],\"events\":[]}");
  return t;
}

static char *slurp(const char *path, size_t *length)
{
  FILE *f = fopen(path, "rb");
  struct text t = { NULL, 0, 0 };
  char buf[4096];
  size_t n;

  ck_assert_msg(f != NULL, "cannot open %s", path);
  while ((n = fread(buf, 1, sizeof buf, f)) > 0)
    put(&t, buf, n);
  fclose(f);
  *length = t.n;
  return t.d;
}

static const char *src_dir(void)
{
  const char *s = getenv("OI_TEST_SRCDIR");
#ifdef OI_TEST_SRCDIR
  return s != NULL && s[0] != '\0' ? s : OI_TEST_SRCDIR;
#else
  return s != NULL && s[0] != '\0' ? s : ".";
#endif
}

/* A ledger of n ordinary requests under p (their ids "m-000000", ...). */
static oi_ledger *ledger_of(const oi_policy *p, size_t n)
{
  oi_ledger *l;
  size_t i;

  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  for (i = 0; i < n; i++) {
    oi_subsidy_request r;
    char id[32], officer[32];
    tu_default_request(&r);
    snprintf(id, sizeof id, "m-%06zu", i);
    snprintf(officer, sizeof officer, "officer-%06zu", i);
    r.id = id;
    r.officer.id = officer;
    r.local.number = (uint32_t)(1 + i % 97);
    r.received.hour = (int)(i % 24);
    ck_assert_int_eq(oi_ledger_submit(l, &r, NULL, NULL), OI_OK);
  }
  return l;
}

/* ======================================================================== */
/* TCase "memory"                                                           */

/* What loading text as a snapshot costs jansson at its peak. */
static size_t snapshot_peak(const oi_policy *p, const struct text *t, oi_status expected)
{
  oi_ledger *l = NULL;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  counting_begin(SIZE_MAX);
  st = oi_ledger_from_json(p, t->d, t->n, &l, &e);
  counting_end();
  ck_assert_msg(st == expected, "loading %zu bytes: %s (%s), not %s", t->n, oi_status_name(st),
                e.message, oi_status_name(expected));
  oi_ledger_free(l);
  return peak;
}

START_TEST(test_many_small_values_cost_a_bounded_amount)
{
  /* 300,000 empty objects (900 KB) cost jansson no more than 1,000 do:
   * elements are parsed and let go one at a time. The first is refused (it
   * has no "id"), after the whole text was read for its syntax. The same
   * for empty arrays and for numbers. */
  static const char *const elements[] = { "{}", "[]", "0" };
  oi_policy *p = tu_builtin_2017();
  size_t k;

  for (k = 0; k < 3; k++) {
    struct text small = snapshot_of(p, elements[k], 1000);
    struct text big = snapshot_of(p, elements[k], 300000);
    const size_t a = snapshot_peak(p, &small, OI_ESCHEMA);
    const size_t b = snapshot_peak(p, &big, OI_ESCHEMA);

    ck_assert_msg(b <= a + 1024 && b < 64 * 1024,
                  "\"%s\" x 300000 (%zu bytes): jansson peak %zu bytes, against %zu for 1000",
                  elements[k], big.n, b, a);
    free(small.d);
    free(big.d);
  }
  oi_policy_free(p);
}
END_TEST

START_TEST(test_a_policy_of_many_small_values_costs_a_bounded_amount)
{
  /* A policy document of 1 MiB less a little, "courses": [{}, {}, ...],
   * costs jansson a few KiB, and is refused at courses[0]. */
  struct text t = { NULL, 0, 0 };
  oi_policy *out = NULL;
  oi_error e;
  oi_status st;

  puts_(&t, "{\"courses\":[{}");
  while (t.n + 8 < OI_POLICY_DOCUMENT_MAX)
    puts_(&t, ",{}");
  puts_(&t, "]}");
  memset(&e, 0, sizeof e);
  counting_begin(SIZE_MAX);
  st = oi_policy_from_json(t.d, t.n, &out, &e);
  counting_end();
  ck_assert_msg(st == OI_ESCHEMA, "%s: %s", oi_status_name(st), e.message);
  ck_assert_msg(peak < 64 * 1024, "%zu bytes of document: jansson peak %zu bytes", t.n, peak);
  free(t.d);
}
END_TEST

START_TEST(test_a_valid_snapshot_costs_jansson_one_element_at_a_time)
{
  /* 2,000 requests load with jansson's peak what 50 take. */
  oi_policy *p = tu_builtin_2017();
  oi_ledger *a = ledger_of(p, 50), *b = ledger_of(p, 2000);
  struct text ta = { NULL, 0, 0 }, tb = { NULL, 0, 0 };
  size_t pa, pb;

  ck_assert_int_eq(oi_ledger_to_json(a, &ta.d, &ta.n, NULL), OI_OK);
  ck_assert_int_eq(oi_ledger_to_json(b, &tb.d, &tb.n, NULL), OI_OK);
  pa = snapshot_peak(p, &ta, OI_OK);
  pb = snapshot_peak(p, &tb, OI_OK);
  ck_assert_msg(pb <= pa + 4096, "%zu bytes: jansson peak %zu bytes, against %zu for %zu bytes",
                tb.n, pb, pa, ta.n);
  oi_free(ta.d);
  oi_free(tb.d);
  oi_ledger_free(a);
  oi_ledger_free(b);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_running_out_of_memory_is_enomem_with_a_message)
{
  /* Allocation k of jansson's fails, and every one after it, for k = 0,
   * 1, 2, ... until the load needs no more than k: every load before that
   * is OI_ENOMEM with a message, and nothing is returned. */
  oi_policy *p = tu_builtin_2017(), *q;
  char *path = NULL, *snap, *pol;
  size_t snap_n, pol_n, k, failures = 0;
  int done;

  {
    const char *d = src_dir();
    size_t n = strlen(d) + 64;
    path = malloc(n);
    ck_assert_ptr_nonnull(path);
    snprintf(path, n, "%s/tests/json/ledger-2017-small.json", d);
  }
  snap = slurp(path, &snap_n);
  ck_assert_int_eq(oi_policy_to_json(p, &pol, &pol_n, NULL), OI_OK);
  for (done = 0, k = 0; !done; k++) {
    oi_ledger *l = NULL;
    oi_error e;
    oi_status st;

    memset(&e, 0, sizeof e);
    counting_begin(k);
    st = oi_ledger_from_json(p, snap, snap_n, &l, &e);
    counting_end();
    ck_assert_msg(st == OI_OK || (st == OI_ENOMEM && e.status == OI_ENOMEM),
                  "snapshot, allocation %zu failing: %s (%s) at %d:%d", k, oi_status_name(st),
                  e.message, e.line, e.column);
    ck_assert_msg(st == OI_OK || e.message[0] != '\0', "allocation %zu: no message", k);
    ck_assert_msg(st == OI_OK || l == NULL, "a failed load returned a ledger");
    done = st == OI_OK;
    failures += !done;
    oi_ledger_free(l);
  }
  ck_assert_uint_gt(failures, 10);
  for (done = 0, k = 0; !done; k++) {
    oi_error e;
    oi_status st;

    q = NULL;
    memset(&e, 0, sizeof e);
    counting_begin(k);
    st = oi_policy_from_json(pol, pol_n, &q, &e);
    counting_end();
    ck_assert_msg(st == OI_OK || (st == OI_ENOMEM && e.message[0] != '\0'),
                  "policy, allocation %zu failing: %s (%s) at %d:%d", k, oi_status_name(st),
                  e.message, e.line, e.column);
    done = st == OI_OK;
    oi_policy_free(q);
  }
  oi_free(pol);
  free(snap);
  free(path);
  oi_policy_free(p);
}
END_TEST

/* ======================================================================== */
/* TCase "capacity"                                                         */

START_TEST(test_a_ledger_refuses_to_grow_past_its_limit)
{
  /* A batch of OI_LEDGER_REQUESTS_MAX + 1 requests, and one of
   * OI_LEDGER_REQUESTS_MAX into a ledger that holds one: each is refused
   * whole, naming the limit, before a request of it is read (the array is
   * all zeros, which as requests would be OI_EINVAL). */
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = ledger_of(p, 0);
  oi_subsidy_request *many = calloc((size_t)OI_LEDGER_REQUESTS_MAX + 1, sizeof *many);
  oi_subsidy_request r;
  oi_error e;

  ck_assert_ptr_nonnull(many);
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_ledger_submit_many(l, many, (size_t)OI_LEDGER_REQUESTS_MAX + 1,
                                         sizeof *many, NULL, 0, &e),
                   OI_ELIMIT);
  ck_assert_int_eq(e.status, OI_ELIMIT);
  ck_assert_msg(strstr(e.message, "1000000") != NULL, "the message names no limit: %s",
                e.message);
  ck_assert_uint_eq(oi_ledger_count(l), 0);
  tu_default_request(&r);
  ck_assert_int_eq(oi_ledger_submit(l, &r, NULL, NULL), OI_OK);
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(
      oi_ledger_submit_many(l, many, OI_LEDGER_REQUESTS_MAX, sizeof *many, NULL, 0, &e),
      OI_ELIMIT);
  ck_assert_msg(strstr(e.message, "1000000") != NULL, "%s", e.message);
  ck_assert_uint_eq(oi_ledger_count(l), 1);
  ck_assert_uint_eq(oi_ledger_event_count(l), 2);
  free(many);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

/* A snapshot whose member name is an array of n zeros (the other one empty). */
static struct text zeros_in(const oi_policy *p, const char *name, size_t n)
{
  struct text t = { NULL, 0, 0 };
  size_t i;

  snapshot_head(&t, p);
  if (strcmp(name, "events") == 0)
    puts_(&t, "],\"events\":[");
  for (i = 0; i < n; i++)
    put(&t, i > 0 ? ",0" : "0", i > 0 ? 2 : 1);
  puts_(&t, strcmp(name, "events") == 0 ? "]}" : "],\"events\":[]}");
  return t;
}

START_TEST(test_a_snapshot_of_more_than_a_ledger_holds_is_elimit)
{
  /* One element too many, however malformed the elements: refused as over
   * the limit, at that element, before any element is read. */
  static const struct {
    const char *name;
    size_t max;
  } arrays[] = { { "requests", OI_LEDGER_REQUESTS_MAX }, { "events", OI_SNAPSHOT_EVENTS_MAX } };
  oi_policy *p = tu_builtin_2017();
  size_t k;

  for (k = 0; k < 2; k++) {
    struct text t = zeros_in(p, arrays[k].name, arrays[k].max + 1);
    oi_ledger *l = NULL;
    char path[64];
    oi_error e;

    snprintf(path, sizeof path, "%s[%zu]", arrays[k].name, arrays[k].max);
    memset(&e, 0, sizeof e);
    ck_assert_int_eq(oi_ledger_from_json(p, t.d, t.n, &l, &e), OI_ELIMIT);
    ck_assert_ptr_null(l);
    ck_assert_str_eq(e.path, path);
    ck_assert_msg(e.position == t.n - (arrays[k].name[0] == 'e' ? 3 : 15),
                  "%s: position %zu of %zu", path, e.position, t.n);
    free(t.d);
  }
  oi_policy_free(p);
}
END_TEST

START_TEST(test_a_full_ledger_of_ordinary_requests_is_within_the_snapshot_limit)
{
  /* 2,000 ordinary requests, some withdrawn (so promotions too): their
   * snapshot, scaled to OI_LEDGER_REQUESTS_MAX requests, is within the
   * limit that loading applies. */
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = ledger_of(p, 2000), *back = NULL;
  struct text t = { NULL, 0, 0 };
  double per_request;
  size_t i;

  for (i = 0; i < 2000; i += 7) {
    char id[32];
    snprintf(id, sizeof id, "m-%06zu", i);
    (void)oi_ledger_withdraw(l, id, NULL, NULL);
  }
  ck_assert_int_eq(oi_ledger_to_json(l, &t.d, &t.n, NULL), OI_OK);
  per_request = (double)t.n / 2000.0;
  ck_assert_msg(per_request * OI_LEDGER_REQUESTS_MAX <= (double)OI_SNAPSHOT_DOCUMENT_MAX,
                "%.0f bytes a request: a full ledger writes %.0f bytes, over the %.0f a load "
                "accepts",
                per_request, per_request * OI_LEDGER_REQUESTS_MAX,
                (double)OI_SNAPSHOT_DOCUMENT_MAX);
  ck_assert_int_eq(oi_ledger_from_json(p, t.d, t.n, &back, NULL), OI_OK);
  oi_ledger_free(back);
  oi_free(t.d);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

/* n bytes that the snapshot escapes at the most it can: n - 3 copies of c
 * and three digits of k, to make them distinct. */
static const char *longest(char *buf, size_t n, size_t k, char c)
{
  memset(buf, c, n - 3);
  snprintf(buf + n - 3, 4, "%03zu", k % 1000);
  return buf;
}

/* The largest policy a builder makes: OI_POLICY_ITEMS_MAX courses, sessions
 * of OI_SESSION_COURSES_MAX courses (every session offers course 0, the
 * 1.0) and prior sites, every string at its longest and made of c. NULL
 * when the builder refuses c in its strings. */
static oi_policy *largest_policy(char c)
{
  static char ids[OI_POLICY_ITEMS_MAX][OI_ID_MAX + 1], names[3][OI_POLICY_ITEMS_MAX][OI_NAME_MAX + 1];
  char pid[OI_ID_MAX + 1];
  oi_policy *base = tu_builtin_2017(), *p = NULL;
  oi_policy_builder *b = NULL;
  oi_policy_numbers num = OI_POLICY_NUMBERS_INIT;
  size_t i, k;
  int ok;

  ck_assert_int_eq(oi_policy_get_numbers(base, &num, NULL), OI_OK);
  oi_policy_free(base);
  ok = oi_policy_builder_new(&b, longest(pid, OI_ID_MAX, 999, c), &num, NULL) == OI_OK;
  for (i = 0; ok && i < OI_POLICY_ITEMS_MAX; i++) {
    oi_course course = OI_COURSE_INIT;
    course.id = longest(ids[i], OI_ID_MAX, i, c);
    course.title = longest(names[0][i], OI_NAME_MAX, i, c);
    course.kind = i == 0 ? OI_COURSE_INSTITUTE : OI_COURSE_ADVANCED_ORGANIZING;
    ok = oi_policy_builder_add_course(b, &course, NULL) == OI_OK;
  }
  for (i = 0; ok && i < OI_POLICY_ITEMS_MAX; i++) {
    const char *courses[OI_SESSION_COURSES_MAX];
    char sid[OI_ID_MAX + 1];
    oi_session s = OI_SESSION_INIT;
    for (k = 0; k < OI_SESSION_COURSES_MAX; k++)
      courses[k] = ids[k];
    sid[0] = '\0';
    s.id = longest(sid, OI_ID_MAX, 500 + i, c);
    s.place = longest(names[1][i], OI_NAME_MAX, i, c);
    s.hotel = longest(names[2][i], OI_NAME_MAX, i, c);
    s.first_day = tu_date(num.year, 3, 6);
    s.last_day = tu_date(num.year, 3, 10);
    s.countries = OI_COUNTRY_BIT(OI_COUNTRY_US) | OI_COUNTRY_BIT(OI_COUNTRY_CA);
    s.course_ids = courses;
    s.course_count = OI_SESSION_COURSES_MAX;
    ok = oi_policy_builder_add_session(b, &s, NULL) == OI_OK;
  }
  for (i = 0; ok && i < OI_POLICY_ITEMS_MAX; i++) {
    char site[OI_NAME_MAX + 1];
    ok = oi_policy_builder_add_prior_site(b, longest(site, OI_NAME_MAX, i, c), NULL) == OI_OK;
  }
  if (ok)
    ck_assert_int_eq(oi_policy_builder_build(b, &p, NULL), OI_OK);
  oi_policy_builder_free(b);
  return p;
}

/* The characters a document escapes at the most: a control character (six
 * bytes, "\u0001") where the library accepts it, else a quote (two). */
static oi_policy *largest_policy_escaped(char *used)
{
  oi_policy *p = largest_policy('\x01');

  *used = '\x01';
  if (p == NULL) {
    p = largest_policy('"');
    *used = '"';
  }
  ck_assert_ptr_nonnull(p);
  return p;
}

START_TEST(test_the_largest_policy_saves_to_a_document_that_loads)
{
  oi_policy *p, *back = NULL;
  struct text t = { NULL, 0, 0 };
  oi_error e;
  char c;

  p = largest_policy_escaped(&c);
  ck_assert_int_eq(oi_policy_to_json(p, &t.d, &t.n, NULL), OI_OK);
  ck_assert_msg(t.n <= OI_POLICY_DOCUMENT_MAX, "the largest policy writes %zu bytes; loading "
                "accepts %zu", t.n, (size_t)OI_POLICY_DOCUMENT_MAX);
  memset(&e, 0, sizeof e);
  ck_assert_msg(oi_policy_from_json(t.d, t.n, &back, &e) == OI_OK, "%s", e.message);
  ck_assert_str_eq(oi_policy_digest(back), oi_policy_digest(p));
  oi_policy_free(back);
  oi_free(t.d);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_the_largest_snapshot_elements_are_within_the_element_limit)
{
  /* Under the largest policy, requests with every string at its longest:
   * two awarded, a third waitlisted by its local's cap (S5) and promoted
   * when the first is withdrawn, a fourth refused for every reason it can
   * be. Every line of the snapshot (a request, an event) is within
   * OI_DOCUMENT_ELEMENT_MAX, and the snapshot loads. A decision has at most
   * OI_DECISION_V1_REASONS reasons, each at most its fixed text, four 20-digit
   * values, a session id and a 511-byte message, all escaped six bytes a
   * byte: the largest decision possible is within the limit too. */
  char c, rid[OI_ID_MAX + 1], oid[OI_ID_MAX + 1], lname[OI_NAME_MAX + 1], oname[OI_NAME_MAX + 1];
  oi_policy *p = largest_policy_escaped(&c);
  oi_ledger *l = ledger_of(p, 0), *back = NULL;
  struct text t = { NULL, 0, 0 };
  const char *line, *nl;
  size_t i, longest_line = 0;
  const size_t reason_max = 160 + 4 * 20 + 6 * (OI_ID_MAX + 511);
  const size_t decided_head = 120 + 6 * OI_ID_MAX;
  oi_session s = OI_SESSION_INIT;
  oi_error e;

  ck_assert_int_eq(oi_policy_session(p, 0, &s, NULL), OI_OK);
  for (i = 0; i < 4; i++) {
    oi_subsidy_request r;
    tu_default_request(&r);
    r.id = longest(rid, OI_ID_MAX, i, c);
    r.session_id = s.id;
    r.received = tu_dt(s.first_day.year, 1, 2, 9, 0, 0);
    r.local.number = UINT32_MAX;
    r.local.name = longest(lname, OI_NAME_MAX, 0, c);
    r.local.district = OI_DISTRICT_COUNT;
    r.officer.id = longest(oid, OI_ID_MAX, i, c);
    r.officer.name = longest(oname, OI_NAME_MAX, i, c);
    r.nights = INT32_MAX;
    if (i == 3) {
      r.local.number = 1;
      r.local.lm_form = OI_LM_2;
      r.received = tu_dt(s.first_day.year, 3, 1, 23, 59, 59);
      r.attested = r.with_application = r.application_signed = r.request_signed = 0;
    }
    memset(&e, 0, sizeof e);
    ck_assert_msg(oi_ledger_submit(l, &r, NULL, &e) == OI_OK, "request %zu: %s", i, e.message);
  }
  ck_assert_int_eq(oi_ledger_withdraw(l, longest(rid, OI_ID_MAX, 0, c), NULL, NULL), OI_OK);
  ck_assert_uint_eq(oi_ledger_event_count(l), 10);
  ck_assert_int_eq(oi_ledger_to_json(l, &t.d, &t.n, NULL), OI_OK);
  for (line = t.d; (nl = strchr(line, '\n')) != NULL; line = nl + 1)
    if ((size_t)(nl - line) > longest_line)
      longest_line = (size_t)(nl - line);
  ck_assert_msg(longest_line <= OI_DOCUMENT_ELEMENT_MAX, "a line of %zu bytes", longest_line);
  ck_assert_msg(decided_head + OI_DECISION_V1_REASONS * reason_max <= OI_DOCUMENT_ELEMENT_MAX,
                "a decision of %d reasons may take %zu bytes", OI_DECISION_V1_REASONS,
                decided_head + OI_DECISION_V1_REASONS * reason_max);
  memset(&e, 0, sizeof e);
  ck_assert_msg(oi_ledger_from_json(p, t.d, t.n, &back, &e) == OI_OK, "%s", e.message);
  ck_assert_uint_eq(oi_ledger_event_count(back), 10);
  oi_ledger_free(back);
  oi_free(t.d);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_a_snapshot_file_over_the_limit_is_elimit_unread)
{
  /* A sparse file one byte over OI_SNAPSHOT_DOCUMENT_MAX: refused by its
   * size, never read. */
  const char *tmp = getenv("TMPDIR");
  char dir[512], path[600];
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = NULL;
  oi_error e;
  FILE *f;

  snprintf(dir, sizeof dir, "%s/oi-limits-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/big.json", dir);
  f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fclose(f);
  if ((unsigned long long)OI_SNAPSHOT_DOCUMENT_MAX >= (unsigned long long)INT64_MAX ||
      truncate(path, (off_t)OI_SNAPSHOT_DOCUMENT_MAX + 1) != 0) {
    fprintf(stderr, "check_limits: no sparse file of %zu bytes here: test skipped\n",
            (size_t)OI_SNAPSHOT_DOCUMENT_MAX + 1);
  } else {
    memset(&e, 0, sizeof e);
    ck_assert_int_eq(oi_ledger_load(p, path, &l, &e), OI_ELIMIT);
    ck_assert_ptr_null(l);
  }
  unlink(path);
  rmdir(dir);
  oi_policy_free(p);
}
END_TEST

/* ======================================================================== */

static Suite *limits_suite(void)
{
  Suite *s = suite_create("limits");
  TCase *tc;

  tc = tcase_create("memory");
  tcase_set_timeout(tc, 30);
  tcase_add_test(tc, test_many_small_values_cost_a_bounded_amount);
  tcase_add_test(tc, test_a_policy_of_many_small_values_costs_a_bounded_amount);
  tcase_add_test(tc, test_a_valid_snapshot_costs_jansson_one_element_at_a_time);
  tcase_add_test(tc, test_running_out_of_memory_is_enomem_with_a_message);
  suite_add_tcase(s, tc);

  tc = tcase_create("capacity");
  tcase_set_timeout(tc, 30);
  tcase_add_test(tc, test_a_ledger_refuses_to_grow_past_its_limit);
  tcase_add_test(tc, test_a_snapshot_of_more_than_a_ledger_holds_is_elimit);
  tcase_add_test(tc, test_a_full_ledger_of_ordinary_requests_is_within_the_snapshot_limit);
  tcase_add_test(tc, test_the_largest_policy_saves_to_a_document_that_loads);
  tcase_add_test(tc, test_the_largest_snapshot_elements_are_within_the_element_limit);
  tcase_add_test(tc, test_a_snapshot_file_over_the_limit_is_elimit_unread);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(limits_suite());
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
