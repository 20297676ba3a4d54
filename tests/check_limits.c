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
 * json_set_alloc_funcs() changes jansson for the whole process: each test
 * installs its allocator around the one call it measures, in a test
 * program that runs nothing concurrently, and puts malloc and free back.
 */
#include "testutil.h"

#include <jansson.h>

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
