/*
 * tests/check_snapshot_reader.c -- the two readers of a ledger snapshot
 * agree (lib/json_ledger_read.c, lib/json_ledger.c).
 *
 * oi_ledger_from_json() reads a snapshot written the way the library
 * writes one in a single pass, and hands anything else to the full reader,
 * which says what is wrong and where. The quick reader must never accept
 * what the full one refuses, nor build another ledger. Its documents start
 * {"format":...,"version":...}: the same document with those two members
 * the other way round has the same bytes everywhere else (the same
 * positions, the same meaning), and only the full reader reads it. So each
 * document below is loaded both ways and the answers compared: the same
 * status, line, column, path and message, or two ledgers that write the
 * same snapshot.
 *
 * TCase "agree"  snapshots of random ledgers (withdrawals and promotions,
 *                ids and names with quotes, backslashes and UTF-8, long
 *                officer ids, Canadian receipts, officers with no name),
 *                and the version 1 snapshot of tests/json, each loaded as
 *                written and then with one change each time (a byte
 *                replaced, removed or doubled, a line removed or moved, a
 *                word of the vocabulary spelt otherwise, white space
 *                added): every time, the two readers give the same answer.
 */
#include "testutil.h"

/* xorshift64*: the test's own generator, the same everywhere. */
static uint64_t rnd(uint64_t *s)
{
  *s ^= *s >> 12;
  *s ^= *s << 25;
  *s ^= *s >> 27;
  return *s * UINT64_C(2685821657736338717);
}

static unsigned below(uint64_t *s, unsigned n)
{
  return (unsigned)(rnd(s) >> 33) % n;
}

static const char *const names[] = { "Maria", "Jos\xc3\xa9 \"Pepe\" N\xc3\xba\xc3\xb1" "ez",
                                     "back\\slash", "\xe2\x82\xac uro", "tab/less", "A",
                                     "\xf0\x9f\x98\x80 smile", "O'Brien" };

/* A ledger of n requests under p, with withdrawals, from seed. */
static oi_ledger *random_ledger(const oi_policy *p, int n, uint64_t seed)
{
  static char ids[64][32], officers[64][48], locals[64][48];
  const size_t sessions = oi_policy_session_count(p);
  uint64_t s = seed * UINT64_C(0x9e3779b97f4a7c15) + 1;
  oi_ledger *l = NULL;
  int i;

  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  for (i = 0; i < n; i++) {
    oi_subsidy_request r;
    oi_session ses = OI_SESSION_INIT;
    const int k = i % 64;

    tu_default_request(&r);
    ck_assert_int_eq(oi_policy_session(p, below(&s, (unsigned)sessions), &ses, NULL), OI_OK);
    snprintf(ids[k], sizeof ids[k], below(&s, 8) == 0 ? "r\"%d\\x" : "r-%d", i);
    snprintf(officers[k], sizeof officers[k],
             below(&s, 6) == 0 ? "officer-with-a-rather-longer-id-%u" : "o%u",
             below(&s, (unsigned)n / 3 + 1));
    snprintf(locals[k], sizeof locals[k], "%s %u", names[below(&s, 8)], below(&s, 4));
    r.id = ids[k];
    r.session_id = ses.id;
    r.local.number = 1 + below(&s, (unsigned)n / 5 + 2);
    r.local.name = locals[k];
    r.local.country = below(&s, 5) == 0 ? OI_COUNTRY_CA : OI_COUNTRY_US;
    r.local.lm_form = below(&s, 8) == 0 ? OI_LM_2 : below(&s, 2) ? OI_LM_3 : OI_LM_4;
    r.local.receipts_known = (int)below(&s, 2);
    r.local.receipts_cents = (int64_t)below(&s, 40000000);
    r.officer.id = officers[k];
    r.officer.name = below(&s, 4) == 0 ? NULL : names[below(&s, 8)];
    r.officer.office = (oi_office)below(&s, 9);
    r.received = tu_dt(2016 + (int)below(&s, 2), 3 + (int)below(&s, 10), 1 + (int)below(&s, 28),
                       (int)below(&s, 24), (int)below(&s, 60), (int)below(&s, 60));
    r.nights = 1 + (int)below(&s, 8);
    r.attested = below(&s, 20) != 0;
    r.request_signed = below(&s, 25) != 0;
    (void)oi_ledger_submit(l, &r, NULL, NULL);
    if (i > 4 && below(&s, 4) == 0) {
      char w[32];
      snprintf(w, sizeof w, "r-%u", below(&s, (unsigned)i));
      (void)oi_ledger_withdraw(l, w, NULL, NULL);
    }
  }
  return l;
}

/* The document with its first two members the other way round: the quick
 * reader declines it, the full reader reads the same bytes beyond them. */
static char *swapped(const char *text, size_t n)
{
  static const char a[] = "{\"format\":\"officerinst-ledger\",";
  const char *v = text + sizeof a - 1, *comma;
  char *b;

  ck_assert_msg(n > sizeof a && memcmp(text, a, sizeof a - 1) == 0, "not a snapshot");
  comma = memchr(v, ',', n - (sizeof a - 1));
  ck_assert_ptr_nonnull(comma);
  b = malloc(n + 1);
  ck_assert_ptr_nonnull(b);
  /* {"version":2,"format":"officerinst-ledger",... : as long as before. */
  memcpy(b, "{", 1);
  memcpy(b + 1, v, (size_t)(comma - v) + 1);
  memcpy(b + 1 + (comma - v) + 1, a + 1, sizeof a - 2);
  memcpy(b + (comma - text) + 1, comma + 1, n - (size_t)(comma - text) - 1);
  b[n] = '\0';
  return b;
}

static char *snapshot(const oi_ledger *l, size_t *n)
{
  char *t = NULL;

  ck_assert_int_eq(oi_ledger_to_json(l, &t, n, NULL), OI_OK);
  return t;
}

/* Both readers on the same document: the same answer. */
static void agree(const oi_policy *p, const char *text, size_t n, const char *what)
{
  char *other = swapped(text, n);
  oi_ledger *a = NULL, *b = NULL;
  oi_error ea, eb;
  oi_status sa, sb;

  memset(&ea, 0, sizeof ea);
  memset(&eb, 0, sizeof eb);
  sa = oi_ledger_from_json(p, text, n, &a, &ea);
  sb = oi_ledger_from_json(p, other, n, &b, &eb);
  ck_assert_msg(sa == sb, "%s: %s (%s) one way, %s (%s) the other", what, oi_status_name(sa),
                ea.message, oi_status_name(sb), eb.message);
  if (sa == OI_OK) {
    size_t na, nb;
    char *ta = snapshot(a, &na), *tb = snapshot(b, &nb);
    ck_assert_msg(na == nb && memcmp(ta, tb, na) == 0, "%s: the two ledgers differ", what);
    oi_free(ta);
    oi_free(tb);
  } else if (ea.line > 1) {
    /* Past the first line the two documents are the same bytes. */
    ck_assert_msg(ea.line == eb.line && ea.column == eb.column &&
                      strcmp(ea.path, eb.path) == 0 && strcmp(ea.message, eb.message) == 0,
                  "%s: \"%s\" at %d:%d (%s) one way, \"%s\" at %d:%d (%s) the other", what,
                  ea.message, ea.line, ea.column, ea.path, eb.message, eb.line, eb.column,
                  eb.path);
  }
  oi_ledger_free(a);
  oi_ledger_free(b);
  free(other);
}

/* Where the first line (the head) ends. */
static size_t head_end(const char *t, size_t n)
{
  const char *nl = memchr(t, '\n', n);
  return nl != NULL ? (size_t)(nl - t) + 1 : n;
}

static const char *const respellings[][2] = {
  { "\"US\"", "\"us\"" },           { "\"LM-3\"", "\"lm-3\"" },
  { "\"president\"", "\"President\"" }, { "\"awarded\"", "\"waitlisted\"" },
  { "\"waitlisted\"", "\"refused\"" },  { "\"refused\"", "\"withdrawn\"" },
  { "\"entered\"", "\"Entered\"" },    { "\"note\"", "\"refusal\"" },
  { ":5,", ":4," },                    { ":0,", ":-0," },
  { ":true", ":false" },               { "null", "0" },
  { "\"r-1\"", "\"r\\/1\"" },          { "o1\"", "o\\u0031\"" }
};

/* One change to the text past its head, from s: into out (n bytes). */
static char *mutate(const char *t, size_t n, uint64_t *s, size_t *out_n)
{
  static const char bytes[] = "\"\\09-.e ,}]{xAt/\x01\xc3\xff";
  const size_t from = head_end(t, n);
  char *m = malloc(2 * n + 64);
  size_t at = from + below(s, (unsigned)(n - from - 1)), k;

  ck_assert_ptr_nonnull(m);
  memcpy(m, t, n);
  *out_n = n;
  switch (below(s, 7)) {
  case 0: /* a byte replaced */
    m[at] = bytes[below(s, sizeof bytes - 1)];
    break;
  case 1: /* removed */
    memmove(m + at, m + at + 1, n - at - 1);
    (*out_n)--;
    break;
  case 2: /* doubled */
    memmove(m + at + 1, m + at, n - at);
    (*out_n)++;
    break;
  case 3: { /* a line removed */
    const char *nl = memchr(m + at, '\n', n - at);
    const char *next = nl != NULL ? memchr(nl + 1, '\n', n - (size_t)(nl + 1 - m)) : NULL;
    if (nl != NULL && next != NULL) {
      memmove((char *)nl, next, n - (size_t)(next - m));
      *out_n = n - (size_t)(next - nl);
    }
    break;
  }
  case 4: { /* a line moved one down */
    char *nl = memchr(m + at, '\n', n - at), *a2, *b2;
    if (nl != NULL && (a2 = memchr(nl + 1, '\n', n - (size_t)(nl + 1 - m))) != NULL &&
        (b2 = memchr(a2 + 1, '\n', n - (size_t)(a2 + 1 - m))) != NULL) {
      const size_t la = (size_t)(a2 - nl), lb = (size_t)(b2 - a2);
      char *tmp = malloc(la);
      ck_assert_ptr_nonnull(tmp);
      memcpy(tmp, nl, la);
      memmove(nl, a2, lb);
      memcpy(nl + lb, tmp, la);
      free(tmp);
    }
    break;
  }
  case 5: { /* a word spelt otherwise */
    const char *const *r = respellings[below(s, sizeof respellings / sizeof respellings[0])];
    const size_t lf = strlen(r[0]), lt = strlen(r[1]);
    for (k = at; k + lf <= n; k++)
      if (memcmp(m + k, r[0], lf) == 0) {
        memmove(m + k + lt, m + k + lf, n - k - lf);
        memcpy(m + k, r[1], lt);
        *out_n = n - lf + lt;
        break;
      }
    break;
  }
  default: /* white space */
    memmove(m + at + 2, m + at, n - at);
    memcpy(m + at, below(s, 2) ? " \t" : "\r\n", 2);
    *out_n = n + 2;
    break;
  }
  m[*out_n] = '\0';
  return m;
}

static void agree_under_changes(const oi_policy *p, const char *t, size_t n, uint64_t seed,
                                int changes)
{
  uint64_t s = seed;
  int i;

  agree(p, t, n, "as written");
  for (i = 0; i < changes; i++) {
    char what[64];
    size_t mn;
    char *m = mutate(t, n, &s, &mn);

    snprintf(what, sizeof what, "change %d of seed %llu", i, (unsigned long long)seed);
    agree(p, m, mn, what);
    free(m);
  }
}

START_TEST(test_the_quick_reader_answers_as_the_full_one)
{
  oi_policy *p = tu_builtin_2017();
  uint64_t seed;

  for (seed = 1; seed <= 3; seed++) {
    oi_ledger *l = random_ledger(p, 30, seed);
    size_t n;
    char *t = snapshot(l, &n);

    agree_under_changes(p, t, n, seed, 150);
    oi_free(t);
    oi_ledger_free(l);
  }
  oi_policy_free(p);
}
END_TEST

START_TEST(test_a_version_1_snapshot_reads_alike_both_ways)
{
  oi_policy *p = tu_builtin_2017();
  const char *dir = getenv("OI_TEST_SRCDIR");
  char path[4096];
  FILE *f;
  char *t;
  size_t n;
  long size;

#ifdef OI_TEST_SRCDIR
  if (dir == NULL || dir[0] == '\0')
    dir = OI_TEST_SRCDIR;
#endif
  snprintf(path, sizeof path, "%s/tests/json/ledger-2017-small.json",
           dir != NULL && dir[0] != '\0' ? dir : ".");
  f = fopen(path, "rb");
  ck_assert_msg(f != NULL, "cannot open %s", path);
  ck_assert_int_eq(fseek(f, 0, SEEK_END), 0);
  size = ftell(f);
  ck_assert_int_ge(size, 1);
  rewind(f);
  t = malloc((size_t)size + 1);
  ck_assert_ptr_nonnull(t);
  n = fread(t, 1, (size_t)size, f);
  fclose(f);
  t[n] = '\0';
  agree_under_changes(p, t, n, 99, 200);
  free(t);
  oi_policy_free(p);
}
END_TEST

static Suite *reader_suite(void)
{
  Suite *s = suite_create("snapshot_reader");
  TCase *tc = tcase_create("agree");

  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_the_quick_reader_answers_as_the_full_one);
  tcase_add_test(tc, test_a_version_1_snapshot_reads_alike_both_ways);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(reader_suite());
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
