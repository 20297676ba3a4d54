/*
 * tests/check_json.c -- policy documents and ledger snapshots (json.h).
 *
 * TCases:
 *  "policy-roundtrip"    a policy written out and loaded back has the same
 *                        digest and decides every request alike (the
 *                        built-in 2017 policy, examples/policy-2018.json).
 *  "policy-errors"       one test per kind of malformed policy document, each
 *                        with the exact status, line, column and path; the
 *                        out pointer is never written on failure.
 *  "snapshot-roundtrip"  a ledger of 300 requests saved and restored answers
 *                        every query and decides the next requests alike, and
 *                        writes the same bytes again.
 *  "snapshot-errors"     another policy (OI_EMISMATCH); tampered, damaged or
 *                        edited snapshots (OI_ESCHEMA, OI_EPARSE) with the path.
 *  "files"               saving and loading through files: OI_EIO, modes, no
 *                        temporary file left behind.
 *  "limits"              document size, nesting depth, string length, items.
 *
 * How the expected positions are derived. The documents are written here one
 * line per C string, so a line number is the index of the string plus one
 * and a column is 1 + the number of characters before the token in that
 * string (counted in the comments). json.h promises the position of the
 * offending VALUE for a schema error; of the KEY for an unknown field; of the
 * object that lacks it for a missing field (a missing field has no position
 * of its own). The position of a syntax error is jansson's, which the
 * library passes through: the line and column of the LAST character of the
 * offending token or, at the end of the input, column 0 of the line after
 * the last newline (checked once against jansson 2.14). Limits are checked
 * on the raw text before it is parsed, so their errors carry the position
 * of what is over the limit and no path.
 *
 * OI_TEST_SRCDIR (compiled in, or from the environment) is the top of the
 * source tree, where examples/policy-2018.json and tests/json/ live.
 */
#define _POSIX_C_SOURCE 200809L

#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#ifndef OI_TEST_SRCDIR
#define OI_TEST_SRCDIR "."
#endif

/* ------------------------------------------------------------------------ */
/* Small utilities                                                          */

/* Out pointers are set to these before a call that must fail: a failed load
 * must leave them as they were. */
static char sentinel_storage[2];
#define POLICY_SENTINEL ((oi_policy *)(void *)&sentinel_storage[0])
#define LEDGER_SENTINEL ((oi_ledger *)(void *)&sentinel_storage[1])

static const char *src_dir(void)
{
  const char *s = getenv("OI_TEST_SRCDIR");
  return s != NULL && s[0] != '\0' ? s : OI_TEST_SRCDIR;
}

/* A growable string. */
struct sb {
  char *d;
  size_t n;
  size_t cap;
};

static void sb_add(struct sb *b, const char *s, size_t n)
{
  if (b->n + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 256;
    char *p;
    while (cap < b->n + n + 1)
      cap *= 2;
    p = realloc(b->d, cap);
    ck_assert_msg(p != NULL, "out of memory in the test");
    b->d = p;
    b->cap = cap;
  }
  if (n > 0)
    memcpy(b->d + b->n, s, n);
  b->n += n;
  b->d[b->n] = '\0';
}

static void sb_puts(struct sb *b, const char *s)
{
  sb_add(b, s, strlen(s));
}

#if defined(__GNUC__) || defined(__clang__)
static void sb_printf(struct sb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *xsprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#endif
static void sb_printf(struct sb *b, const char *fmt, ...)
{
  char buf[4096];
  va_list ap;
  int n;

  va_start(ap, fmt);
  n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  ck_assert_msg(n >= 0 && (size_t)n < sizeof buf, "sb_printf: too long");
  sb_add(b, buf, (size_t)n);
}

static char *xsprintf(const char *fmt, ...)
{
  char buf[4096];
  va_list ap;
  int n;
  char *p;

  va_start(ap, fmt);
  n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  ck_assert_msg(n >= 0 && (size_t)n < sizeof buf, "xsprintf: too long");
  p = malloc((size_t)n + 1);
  ck_assert_msg(p != NULL, "out of memory in the test");
  memcpy(p, buf, (size_t)n + 1);
  return p;
}

/* The whole content of a file (NUL-terminated), or NULL. */
static char *slurp(const char *path, size_t *length)
{
  struct sb b = { NULL, 0, 0 };
  char buf[65536];
  size_t n;
  FILE *f = fopen(path, "rb");

  if (f == NULL)
    return NULL;
  sb_add(&b, "", 0);
  while ((n = fread(buf, 1, sizeof buf, f)) > 0)
    sb_add(&b, buf, n);
  fclose(f);
  *length = b.n;
  return b.d;
}

static void spit(const char *path, const char *data, size_t length)
{
  FILE *f = fopen(path, "wb");
  ck_assert_msg(f != NULL, "cannot create %s: %s", path, strerror(errno));
  ck_assert_msg(fwrite(data, 1, length, f) == length, "cannot write %s", path);
  ck_assert_msg(fclose(f) == 0, "cannot close %s", path);
}

static int same_str(const char *a, const char *b)
{
  return a == NULL || b == NULL ? a == b : strcmp(a, b) == 0;
}

/* Line and column (1-based; column 1 + bytes since the last newline) of a
 * byte offset, computed here independently of the library. */
static void line_col_of(const char *text, size_t length, size_t offset, int *line, int *col)
{
  size_t i, start = 0;
  int l = 1;

  for (i = 0; i < offset && i < length; i++)
    if (text[i] == '\n') {
      l++;
      start = i + 1;
    }
  *line = l;
  *col = (int)(offset - start) + 1;
}

/* Offset of the first byte of line `line` (1-based). */
static size_t line_start(const char *text, int line)
{
  size_t i = 0;
  int l = 1;

  while (l < line) {
    const char *nl = strchr(text + i, '\n');
    ck_assert_msg(nl != NULL, "the text has no line %d", line);
    i = (size_t)(nl - text) + 1;
    l++;
  }
  return i;
}

/* Offset of needle within the line that starts at `start`; fails if absent. */
static size_t find_in_line(const char *text, size_t start, const char *needle)
{
  const char *eol = strchr(text + start, '\n');
  const char *hit = strstr(text + start, needle);

  ck_assert_msg(hit != NULL && (eol == NULL || hit < eol), "\"%s\" not found on the line at %zu",
                needle, start);
  return (size_t)(hit - text);
}

/* A copy of text with n bytes at `at` replaced by rep. */
static char *splice(const char *text, size_t length, size_t at, size_t n, const char *rep,
                    size_t *new_length)
{
  struct sb b = { NULL, 0, 0 };

  sb_add(&b, text, at);
  sb_puts(&b, rep);
  sb_add(&b, text + at + n, length - at - n);
  *new_length = b.n;
  return b.d;
}

/* A deterministic generator (xorshift64*), so every run sees the same data. */
struct rng {
  uint64_t s;
};

static uint64_t rng_next(struct rng *g)
{
  uint64_t x = g->s;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  g->s = x;
  return x * UINT64_C(2685821657736338717);
}

static int rng_int(struct rng *g, int lo, int hi)
{
  return lo + (int)(rng_next(g) % (uint64_t)(hi - lo + 1));
}

/* ------------------------------------------------------------------------ */
/* Loading helpers                                                          */

static oi_policy *policy_from_text(const char *text, size_t length)
{
  oi_policy *p = NULL;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_policy_from_json(text, length, &p, &e);
  ck_assert_msg(st == OI_OK && p != NULL,
                "oi_policy_from_json failed: %s at %d:%d path \"%s\": %s", oi_status_name(st),
                e.line, e.column, e.path, e.message);
  return p;
}

static char *policy_text(const oi_policy *p, size_t *length)
{
  char *text = NULL;
  size_t n = (size_t)-1;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_policy_to_json(p, &text, &n, &e);
  ck_assert_msg(st == OI_OK && text != NULL, "oi_policy_to_json failed: %s %s",
                oi_status_name(st), e.message);
  ck_assert_msg(n == strlen(text), "length_out %zu but the text has %zu bytes", n,
                strlen(text));
  if (length != NULL)
    *length = n;
  return text;
}

static char *ledger_text(const oi_ledger *l, size_t *length)
{
  char *text = NULL;
  size_t n = (size_t)-1;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_ledger_to_json(l, &text, &n, &e);
  ck_assert_msg(st == OI_OK && text != NULL, "oi_ledger_to_json failed: %s %s",
                oi_status_name(st), e.message);
  ck_assert_msg(n == strlen(text), "length_out %zu but the text has %zu bytes", n,
                strlen(text));
  if (length != NULL)
    *length = n;
  return text;
}

static oi_ledger *ledger_from_text(const oi_policy *p, const char *text, size_t length)
{
  oi_ledger *l = NULL;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_ledger_from_json(p, text, length, &l, &e);
  ck_assert_msg(st == OI_OK && l != NULL,
                "oi_ledger_from_json failed: %s at %d:%d path \"%s\": %s", oi_status_name(st),
                e.line, e.column, e.path, e.message);
  return l;
}

static oi_policy *load_example_2018(void)
{
  char *path = xsprintf("%s/examples/policy-2018.json", src_dir());
  oi_policy *p = NULL;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_policy_load(path, &p, &e);
  ck_assert_msg(st == OI_OK && p != NULL, "oi_policy_load(%s): %s at %d:%d path \"%s\": %s",
                path, oi_status_name(st), e.line, e.column, e.path, e.message);
  free(path);
  return p;
}

/* A failed load must report the expected status, position and path, fill
 * the error, and leave *out as it was. */
static void check_err_position(const char *text, size_t length, const oi_error *e,
                               const char *file, int where)
{
  int line, col;

  line_col_of(text, length, e->position, &line, &col);
  ck_assert_msg(line == e->line && col == e->column,
                "%s:%d: err.position %zu is %d:%d, but err says %d:%d", file, where,
                e->position, line, col, e->line, e->column);
}

static void expect_policy_error_at(const char *text, size_t length, oi_status status,
                                   int line, int column, const char *path, const char *file,
                                   int where)
{
  oi_policy *out = POLICY_SENTINEL;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_policy_from_json(text, length, &out, &e);
  if (st == OI_OK && out != POLICY_SENTINEL)
    oi_policy_free(out);
  ck_assert_msg(st == status && e.status == status && e.line == line && e.column == column &&
                    strcmp(e.path, path) == 0,
                "%s:%d: expected %s at %d:%d path \"%s\"; got %s (err.status %s) at %d:%d "
                "path \"%s\": %s",
                file, where, oi_status_name(status), line, column, path, oi_status_name(st),
                oi_status_name(e.status), e.line, e.column, e.path, e.message);
  ck_assert_msg(out == POLICY_SENTINEL, "%s:%d: the out pointer was written by a failed load",
                file, where);
  ck_assert_msg(e.message[0] != '\0', "%s:%d: the error has no message", file, where);
  if (status != OI_EPARSE && line > 0)
    check_err_position(text, length, &e, file, where);
}

#define EXPECT_POLICY_ERROR(text, status, line, column, path) \
  expect_policy_error_at((text), strlen(text), (status), (line), (column), (path), __FILE__, \
                         __LINE__)

static void expect_ledger_error_at(const oi_policy *p, const char *text, size_t length,
                                   oi_status status, int line, int column, const char *path,
                                   const char *file, int where)
{
  oi_ledger *out = LEDGER_SENTINEL;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_ledger_from_json(p, text, length, &out, &e);
  if (st == OI_OK && out != LEDGER_SENTINEL)
    oi_ledger_free(out);
  ck_assert_msg(st == status && e.status == status && e.line == line && e.column == column &&
                    strcmp(e.path, path) == 0,
                "%s:%d: expected %s at %d:%d path \"%s\"; got %s (err.status %s) at %d:%d "
                "path \"%s\": %s",
                file, where, oi_status_name(status), line, column, path, oi_status_name(st),
                oi_status_name(e.status), e.line, e.column, e.path, e.message);
  ck_assert_msg(out == LEDGER_SENTINEL, "%s:%d: the out pointer was written by a failed load",
                file, where);
  ck_assert_msg(e.message[0] != '\0', "%s:%d: the error has no message", file, where);
  if (status != OI_EPARSE && line > 0)
    check_err_position(text, length, &e, file, where);
}

#define EXPECT_LEDGER_ERROR(pol, text, length, status, line, column, path)                   \
  expect_ledger_error_at((pol), (text), (length), (status), (line), (column), (path), \
                         __FILE__, __LINE__)

/* ------------------------------------------------------------------------ */
/* The base policy document of the error tests                              */

/* A valid 2018 document, one string per line; line N is base_lines[N - 1].
 * Columns used by the tests are counted in the comments of each test. */
static const char *const base_lines[] = {
  /*  1 */ "{",
  /*  2 */ "  \"format\": \"officerinst-policy\",",
  /*  3 */ "  \"version\": 1,",
  /*  4 */ "  \"id\": \"json-test-2018\",",
  /*  5 */ "  \"numbers\": {",
  /*  6 */ "    \"year\": 2018,",
  /*  7 */ "    \"seats_per_session\": 12,",
  /*  8 */ "    \"local_cap_per_year\": 3,",
  /*  9 */ "    \"deadline_weeks\": 8,",
  /* 10 */ "    \"max_nights\": 4,",
  /* 11 */ "    \"canada_threshold_cents\": 30000000",
  /* 12 */ "  },",
  /* 13 */ "  \"courses\": [",
  /* 14 */ "    {\"id\": \"OI-1.0\", \"title\": \"Officer Institute 1.0\", \"kind\": \"institute\"},",
  /* 15 */ "    {\"id\": \"ORG-2.0\", \"title\": \"Advanced Organizing 2.0\", \"kind\": \"advanced_organizing\"}",
  /* 16 */ "  ],",
  /* 17 */ "  \"sessions\": [",
  /* 18 */ "    {\"id\": \"S-A\", \"place\": \"Houston, TX\", \"hotel\": \"Hotel A\",",
  /* 19 */ "     \"first_day\": \"2018-03-05\", \"last_day\": \"2018-03-09\",",
  /* 20 */ "     \"countries\": [\"US\"], \"courses\": [\"OI-1.0\"]},",
  /* 21 */ "    {\"id\": \"S-B\", \"place\": \"Seattle, WA\", \"hotel\": null,",
  /* 22 */ "     \"first_day\": \"2018-06-13\", \"last_day\": \"2018-06-15\",",
  /* 23 */ "     \"countries\": [\"US\", \"CA\"], \"courses\": [\"ORG-2.0\"]}",
  /* 24 */ "  ],",
  /* 25 */ "  \"prior_sites\": [\"Toronto\", \"Denver\"]",
  /* 26 */ "}",
};
#define BASE_LINES (sizeof base_lines / sizeof base_lines[0])

/* The base document with line `line` (1-based) replaced by `text`, which may
 * span several lines ("a\nb"), or dropped when text is NULL. Line 0 changes
 * nothing. Every line ends with a newline. */
static char *variant(size_t line, const char *text)
{
  struct sb b = { NULL, 0, 0 };
  size_t i;

  for (i = 0; i < BASE_LINES; i++) {
    const char *s = i + 1 == line ? text : base_lines[i];
    if (s != NULL) {
      sb_puts(&b, s);
      sb_puts(&b, "\n");
    }
  }
  return b.d;
}

/* The first n lines of the base document. */
static char *base_prefix(size_t n)
{
  struct sb b = { NULL, 0, 0 };
  size_t i;

  sb_add(&b, "", 0);
  for (i = 0; i < n && i < BASE_LINES; i++) {
    sb_puts(&b, base_lines[i]);
    sb_puts(&b, "\n");
  }
  return b.d;
}

/* ------------------------------------------------------------------------ */
/* Generated requests and applications                                      */

struct req_buf {
  oi_subsidy_request r;
  char id[40];
  char local_name[48];
  char officer_id[32];
  char officer_name[48];
};

/* A request for a random session of p: mostly 1.0 sessions, sometimes a 2.0
 * (S1); locals 1..32 are U.S. (some LM-2 or no form: S2), 33..40 Canadian
 * with receipts unknown, at the threshold, just below, just above, or well
 * below it; received up to 80 days before the S6 deadline or up to 6 days
 * after it; 1..8 nights (S3); each flag missing one time in 30 (S2, S8);
 * officers drawn from 260 so that some ask twice (S9). */
static void gen_request(const oi_policy *p, struct rng *g, struct req_buf *b,
                        const char *prefix, int index)
{
  const size_t nsessions = oi_policy_session_count(p);
  oi_policy_numbers num = OI_POLICY_NUMBERS_INIT;
  oi_session s = OI_SESSION_INIT;
  oi_date deadline;
  size_t si;
  int local, officer;

  memset(b, 0, sizeof *b);
  b->r = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
  ck_assert_int_eq(oi_policy_get_numbers(p, &num, NULL), OI_OK);
  do {
    si = (size_t)rng_int(g, 0, (int)nsessions - 1);
  } while (oi_policy_session_seats(p, si) == 0 && rng_int(g, 0, 4) != 0);
  ck_assert_int_eq(oi_policy_session(p, si, &s, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_subsidy_deadline(p, si, &deadline, NULL), OI_OK);

  snprintf(b->id, sizeof b->id, "%s-%04d", prefix, index);
  b->r.id = b->id;
  b->r.session_id = s.id;

  local = rng_int(g, 1, 40);
  snprintf(b->local_name, sizeof b->local_name, "IATSE Local %d", local);
  b->r.local.number = (uint32_t)local;
  b->r.local.name = b->local_name;
  b->r.local.district = 1 + local % OI_DISTRICT_COUNT;
  if (local > 32) {
    b->r.local.country = OI_COUNTRY_CA;
    b->r.local.lm_form = OI_LM_NONE;
    b->r.local.receipts_known = local != 33;
    switch (local) {
    case 33: b->r.local.receipts_cents = 0; break;
    case 34: b->r.local.receipts_cents = num.canada_threshold_cents; break;
    case 35: b->r.local.receipts_cents = num.canada_threshold_cents - 1; break;
    case 36: b->r.local.receipts_cents = num.canada_threshold_cents + 1; break;
    default: b->r.local.receipts_cents = num.canada_threshold_cents / 10 * (local - 36); break;
    }
  } else {
    b->r.local.country = OI_COUNTRY_US;
    b->r.local.lm_form = local % 9 == 0 ? OI_LM_2
                         : local % 16 == 0 ? OI_LM_NONE
                         : local % 2 != 0 ? OI_LM_3
                                          : OI_LM_4;
  }

  officer = rng_int(g, 0, 259);
  snprintf(b->officer_id, sizeof b->officer_id, "off-%03d", officer);
  snprintf(b->officer_name, sizeof b->officer_name, "Officer %03d", officer);
  b->r.officer.id = b->officer_id;
  b->r.officer.name = officer % 6 == 0 ? NULL : b->officer_name;
  b->r.officer.office = (oi_office)rng_int(g, 0, 8);

  ck_assert_int_eq(oi_date_add_days(deadline, rng_int(g, -80, 6), &b->r.received.date, NULL),
                   OI_OK);
  b->r.received.hour = rng_int(g, 0, 23);
  b->r.received.minute = rng_int(g, 0, 59);
  b->r.received.second = rng_int(g, 0, 59);
  b->r.nights = rng_int(g, 1, 8);
  b->r.attested = rng_int(g, 0, 29) != 0;
  b->r.with_application = rng_int(g, 0, 29) != 0;
  b->r.application_signed = rng_int(g, 0, 29) != 0;
  b->r.request_signed = rng_int(g, 0, 29) != 0;
}

struct app_buf {
  oi_application a;
  oi_graduation grads[3];
  char officer_id[32];
  char local_name[48];
  char site_buf[3][OI_NAME_MAX + 1];
};

/* An application to a random session: usually a course it offers, one time
 * in six any course of the catalogue; graduations claimed at prior sites, at
 * catalogue 1.0 sessions (by id or by city), at an unknown site, dated or
 * not (P1); any office (P2); U.S. or Canadian locals (E1). */
static void gen_application(const oi_policy *p, struct rng *g, struct app_buf *b, int index)
{
  const size_t nsessions = oi_policy_session_count(p);
  const size_t ncourses = oi_policy_course_count(p);
  const size_t nsites = oi_policy_prior_site_count(p);
  oi_policy_numbers num = OI_POLICY_NUMBERS_INIT;
  oi_session s = OI_SESSION_INIT;
  oi_course c = OI_COURSE_INIT;
  size_t k, n;
  int local;

  memset(b, 0, sizeof *b);
  b->a = (oi_application)OI_APPLICATION_INIT;
  ck_assert_int_eq(oi_policy_get_numbers(p, &num, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_session(p, (size_t)rng_int(g, 0, (int)nsessions - 1), &s, NULL),
                   OI_OK);
  b->a.session_id = s.id;
  if (rng_int(g, 0, 5) == 0) {
    ck_assert_int_eq(oi_policy_course(p, (size_t)rng_int(g, 0, (int)ncourses - 1), &c, NULL),
                     OI_OK);
    b->a.course_id = c.id;
  } else {
    b->a.course_id = s.course_ids[rng_int(g, 0, (int)s.course_count - 1)];
  }
  local = rng_int(g, 1, 40);
  snprintf(b->local_name, sizeof b->local_name, "IATSE Local %d", local);
  b->a.local.number = (uint32_t)local;
  b->a.local.name = b->local_name;
  b->a.local.district = 1 + local % OI_DISTRICT_COUNT;
  b->a.local.country = local > 32 ? OI_COUNTRY_CA : OI_COUNTRY_US;
  b->a.local.lm_form = local > 32 ? OI_LM_NONE : OI_LM_3;
  snprintf(b->officer_id, sizeof b->officer_id, "app-%04d", index);
  b->a.officer.id = b->officer_id;
  b->a.officer.office = (oi_office)rng_int(g, 0, 8);
  n = (size_t)rng_int(g, 0, 3);
  for (k = 0; k < n; k++) {
    oi_session other = OI_SESSION_INIT;
    int pick = rng_int(g, 0, 5);
    ck_assert_int_eq(
        oi_policy_session(p, (size_t)rng_int(g, 0, (int)nsessions - 1), &other, NULL), OI_OK);
    switch (pick) {
    case 0:
      snprintf(b->site_buf[k], sizeof b->site_buf[k], "%s",
               oi_policy_prior_site(p, (size_t)rng_int(g, 0, (int)nsites - 1)));
      break;
    case 1: /* a prior site, upper case, with a state */
      snprintf(b->site_buf[k], sizeof b->site_buf[k], "%s, XX",
               oi_policy_prior_site(p, (size_t)rng_int(g, 0, (int)nsites - 1)));
      for (size_t i = 0; b->site_buf[k][i] != '\0'; i++)
        if (b->site_buf[k][i] >= 'a' && b->site_buf[k][i] <= 'z')
          b->site_buf[k][i] = (char)(b->site_buf[k][i] - 'a' + 'A');
      break;
    case 2:
      snprintf(b->site_buf[k], sizeof b->site_buf[k], "%s", other.id);
      break;
    case 3:
      snprintf(b->site_buf[k], sizeof b->site_buf[k], "%s", other.place);
      break;
    default:
      snprintf(b->site_buf[k], sizeof b->site_buf[k], "Nowhere Springs, ZZ");
      break;
    }
    b->grads[k].site = b->site_buf[k];
    if (rng_int(g, 0, 2) == 0) {
      b->grads[k].date = tu_date(0, 0, 0);
    } else {
      ck_assert_int_eq(oi_date_add_days(tu_date(num.year - 1, 1, 1), rng_int(g, 0, 729),
                                        &b->grads[k].date, NULL),
                       OI_OK);
    }
  }
  b->a.officer.graduations = n > 0 ? b->grads : NULL;
  b->a.officer.graduation_count = n;
}

/* ------------------------------------------------------------------------ */
/* Field-by-field comparisons                                               */

static void assert_same_reasons(const oi_reason *a, size_t na, const oi_reason *b, size_t nb,
                                const char *what)
{
  size_t k;

  ck_assert_msg(na == nb, "%s: %zu reasons vs %zu", what, na, nb);
  for (k = 0; k < na; k++)
    ck_assert_msg(a[k].code == b[k].code && a[k].clause == b[k].clause &&
                      a[k].severity == b[k].severity && a[k].session == b[k].session &&
                      a[k].value[0] == b[k].value[0] && a[k].value[1] == b[k].value[1] &&
                      a[k].value[2] == b[k].value[2] && a[k].value[3] == b[k].value[3],
                  "%s: reason %zu differs: %s/%s s%d [%lld %lld %lld %lld] vs %s/%s s%d "
                  "[%lld %lld %lld %lld]",
                  what, k, oi_reason_code_name(a[k].code), oi_clause_id(a[k].clause),
                  (int)a[k].session, (long long)a[k].value[0], (long long)a[k].value[1],
                  (long long)a[k].value[2], (long long)a[k].value[3],
                  oi_reason_code_name(b[k].code), oi_clause_id(b[k].clause), (int)b[k].session,
                  (long long)b[k].value[0], (long long)b[k].value[1], (long long)b[k].value[2],
                  (long long)b[k].value[3]);
}

static void assert_same_decision(const oi_decision *a, const oi_decision *b, const char *what)
{
  ck_assert_msg(a->outcome == b->outcome, "%s: outcome %s vs %s", what,
                oi_outcome_name(a->outcome), oi_outcome_name(b->outcome));
  ck_assert_msg(a->session == b->session, "%s: session %d vs %d", what, (int)a->session,
                (int)b->session);
  ck_assert_msg(a->nights_requested == b->nights_requested && a->nights == b->nights,
                "%s: nights %d/%d vs %d/%d", what, a->nights_requested, a->nights,
                b->nights_requested, b->nights);
  ck_assert_msg(same_str(a->payee, b->payee), "%s: payee %s vs %s", what,
                a->payee ? a->payee : "(null)", b->payee ? b->payee : "(null)");
  ck_assert_msg(same_str(a->policy_id, b->policy_id), "%s: policy id differs", what);
  assert_same_reasons(a->reasons, a->reason_count, b->reasons, b->reason_count, what);
}

static void assert_same_entry(const oi_ledger_entry *a, const oi_ledger_entry *b,
                              const char *what)
{
  ck_assert_msg(same_str(a->id, b->id) && a->entry_number == b->entry_number &&
                    a->session == b->session && same_str(a->session_id, b->session_id) &&
                    a->year == b->year && a->local_number == b->local_number &&
                    a->country == b->country && a->district == b->district &&
                    same_str(a->officer_id, b->officer_id),
                "%s: identity differs (%s #%llu vs %s #%llu)", what, a->id,
                (unsigned long long)a->entry_number, b->id, (unsigned long long)b->entry_number);
  ck_assert_msg(oi_datetime_compare(a->received, b->received) == 0, "%s: received differs",
                what);
  ck_assert_msg(a->status == b->status, "%s: status %s vs %s", what, oi_outcome_name(a->status),
                oi_outcome_name(b->status));
  ck_assert_msg(a->nights_requested == b->nights_requested && a->nights == b->nights,
                "%s: nights %d/%d vs %d/%d", what, a->nights_requested, a->nights,
                b->nights_requested, b->nights);
  ck_assert_msg(same_str(a->payee, b->payee), "%s: payee differs", what);
  assert_same_reasons(a->reasons, a->reason_count, b->reasons, b->reason_count, what);
}

static oi_ledger_entry *session_entries(const oi_ledger *l, const char *sid, oi_outcome status,
                                        size_t *n)
{
  oi_ledger_entry *v;
  size_t count = 0, again = 0, k;

  ck_assert_int_eq(oi_ledger_session_entries(l, sid, status, NULL, 0, sizeof *v, &count, NULL),
                   OI_OK);
  v = calloc(count + 1, sizeof *v);
  ck_assert_ptr_nonnull(v);
  for (k = 0; k < count + 1; k++)
    v[k] = (oi_ledger_entry)OI_LEDGER_ENTRY_INIT;
  ck_assert_int_eq(
      oi_ledger_session_entries(l, sid, status, v, count, sizeof *v, &again, NULL), OI_OK);
  ck_assert_uint_eq(count, again);
  *n = count;
  return v;
}

static oi_ledger_entry *local_awards(const oi_ledger *l, uint32_t local, int year, size_t *n)
{
  oi_ledger_entry *v;
  size_t count = 0, again = 0, k;

  ck_assert_int_eq(oi_ledger_local_awards(l, local, year, NULL, 0, sizeof *v, &count, NULL),
                   OI_OK);
  v = calloc(count + 1, sizeof *v);
  ck_assert_ptr_nonnull(v);
  for (k = 0; k < count + 1; k++)
    v[k] = (oi_ledger_entry)OI_LEDGER_ENTRY_INIT;
  ck_assert_int_eq(oi_ledger_local_awards(l, local, year, v, count, sizeof *v, &again, NULL),
                   OI_OK);
  ck_assert_uint_eq(count, again);
  *n = count;
  return v;
}

static void assert_same_entry_lists(const oi_ledger_entry *a, size_t na,
                                    const oi_ledger_entry *b, size_t nb, const char *what)
{
  char w[160];
  size_t k;

  ck_assert_msg(na == nb, "%s: %zu entries vs %zu", what, na, nb);
  for (k = 0; k < na; k++) {
    snprintf(w, sizeof w, "%s[%zu]", what, k);
    assert_same_entry(&a[k], &b[k], w);
  }
}

/* Every query of ledger.h gives the same answer on a and b. */
static void assert_same_ledgers(const oi_ledger *a, const oi_ledger *b)
{
  static const oi_outcome statuses[] = { OI_OUTCOME_AWARDED, OI_OUTCOME_WAITLISTED,
                                         OI_OUTCOME_REFUSED, OI_OUTCOME_WITHDRAWN };
  const oi_policy *p = oi_ledger_policy(a);
  oi_policy_numbers num = OI_POLICY_NUMBERS_INIT;
  size_t n = oi_ledger_count(a), k, si;
  char what[160];
  uint32_t local;
  int year, district;

  ck_assert_int_eq(oi_policy_get_numbers(p, &num, NULL), OI_OK);
  ck_assert_uint_eq(n, oi_ledger_count(b));

  /* Every request, by entry number and by id. */
  for (k = 1; k <= n; k++) {
    oi_ledger_entry ea = OI_LEDGER_ENTRY_INIT, eb = OI_LEDGER_ENTRY_INIT, ec = OI_LEDGER_ENTRY_INIT;
    ck_assert_int_eq(oi_ledger_get_by_number(a, k, &ea, NULL), OI_OK);
    ck_assert_int_eq(oi_ledger_get_by_number(b, k, &eb, NULL), OI_OK);
    snprintf(what, sizeof what, "entry #%zu", k);
    assert_same_entry(&ea, &eb, what);
    ck_assert_int_eq(oi_ledger_get(b, ea.id, &ec, NULL), OI_OK);
    assert_same_entry(&ea, &ec, what);
  }

  /* Per session: the summary and the entries of each status, in order. */
  for (si = 0; si < oi_policy_session_count(p); si++) {
    oi_session s = OI_SESSION_INIT;
    oi_session_summary sa = OI_SESSION_SUMMARY_INIT, sb2 = OI_SESSION_SUMMARY_INIT;
    size_t t;

    ck_assert_int_eq(oi_policy_session(p, si, &s, NULL), OI_OK);
    ck_assert_int_eq(oi_ledger_session_summary(a, s.id, &sa, NULL), OI_OK);
    ck_assert_int_eq(oi_ledger_session_summary(b, s.id, &sb2, NULL), OI_OK);
    ck_assert_msg(sa.seats == sb2.seats && sa.awarded == sb2.awarded &&
                      sa.waitlisted == sb2.waitlisted && sa.refused == sb2.refused &&
                      sa.withdrawn == sb2.withdrawn && sa.seats_left == sb2.seats_left &&
                      sa.nights == sb2.nights,
                  "summary of %s differs: %d/%zu/%zu/%zu/%zu/%d/%lld vs %d/%zu/%zu/%zu/%zu/%d/%lld",
                  s.id, sa.seats, sa.awarded, sa.waitlisted, sa.refused, sa.withdrawn,
                  sa.seats_left, (long long)sa.nights, sb2.seats, sb2.awarded, sb2.waitlisted,
                  sb2.refused, sb2.withdrawn, sb2.seats_left, (long long)sb2.nights);
    for (t = 0; t < sizeof statuses / sizeof statuses[0]; t++) {
      size_t na, nb;
      oi_ledger_entry *va = session_entries(a, s.id, statuses[t], &na);
      oi_ledger_entry *vb = session_entries(b, s.id, statuses[t], &nb);
      snprintf(what, sizeof what, "%s %s", s.id, oi_outcome_name(statuses[t]));
      assert_same_entry_lists(va, na, vb, nb, what);
      free(va);
      free(vb);
    }
    if (s.hotel != NULL) {
      int64_t na = -1, nb = -2;
      ck_assert_int_eq(oi_ledger_hotel_nights(a, s.hotel, &na, NULL), OI_OK);
      ck_assert_int_eq(oi_ledger_hotel_nights(b, s.hotel, &nb, NULL), OI_OK);
      ck_assert_msg(na == nb, "hotel nights of %s: %lld vs %lld", s.hotel, (long long)na,
                    (long long)nb);
    }
  }

  /* Local awards, for every local the generator uses and a few it does not,
   * in the policy year and around it. */
  for (local = 1; local <= 45; local++)
    for (year = num.year - 1; year <= num.year + 1; year++) {
      size_t na, nb;
      oi_ledger_entry *va = local_awards(a, local, year, &na);
      oi_ledger_entry *vb = local_awards(b, local, year, &nb);
      snprintf(what, sizeof what, "local %u in %d", local, year);
      assert_same_entry_lists(va, na, vb, nb, what);
      free(va);
      free(vb);
    }

  for (district = 1; district <= OI_DISTRICT_COUNT; district++) {
    size_t aa = 0, ab = 1;
    int64_t na = -1, nb = -2;
    ck_assert_int_eq(oi_ledger_district_awards(a, district, &aa, &na, NULL), OI_OK);
    ck_assert_int_eq(oi_ledger_district_awards(b, district, &ab, &nb, NULL), OI_OK);
    ck_assert_msg(aa == ab && na == nb, "district %d: %zu awards/%lld nights vs %zu/%lld",
                  district, aa, (long long)na, ab, (long long)nb);
  }

  /* The audit trail, event by event. */
  n = oi_ledger_event_count(a);
  ck_assert_uint_eq(n, oi_ledger_event_count(b));
  for (k = 0; k < n; k++) {
    oi_event ea = OI_EVENT_INIT, eb = OI_EVENT_INIT;
    ck_assert_int_eq(oi_ledger_event(a, k, &ea, NULL), OI_OK);
    ck_assert_int_eq(oi_ledger_event(b, k, &eb, NULL), OI_OK);
    snprintf(what, sizeof what, "event %zu", k);
    ck_assert_msg(ea.sequence == eb.sequence && ea.type == eb.type &&
                      same_str(ea.request_id, eb.request_id) && ea.outcome == eb.outcome &&
                      same_str(ea.cause_id, eb.cause_id) && ea.nights == eb.nights,
                  "%s differs: %s %s %s vs %s %s %s", what, oi_event_type_name(ea.type),
                  ea.request_id, oi_outcome_name(ea.outcome) ? oi_outcome_name(ea.outcome) : "",
                  oi_event_type_name(eb.type), eb.request_id,
                  oi_outcome_name(eb.outcome) ? oi_outcome_name(eb.outcome) : "");
    assert_same_reasons(ea.reasons, ea.reason_count, eb.reasons, eb.reason_count, what);
  }
}

/* ------------------------------------------------------------------------ */
/* Ledgers with a history                                                   */

#define MAX_REQS 400
static struct req_buf reqs[MAX_REQS];
static struct req_buf next_reqs[64];

struct history {
  size_t awarded, waitlisted, refused, withdrawn;
  size_t withdrawals, promotions;
};

static oi_ledger *new_ledger(const oi_policy *p)
{
  oi_ledger *l = NULL;
  oi_error e;

  memset(&e, 0, sizeof e);
  ck_assert_msg(oi_ledger_new(p, &l, &e) == OI_OK && l != NULL, "oi_ledger_new: %s",
                e.message);
  return l;
}

/* Withdraw a random request of the given status; 1 if there was one. */
static int withdraw_random(oi_ledger *l, struct rng *g, oi_outcome status, struct history *h)
{
  const size_t n = oi_ledger_count(l);
  size_t k, found = 0, pick;
  oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;

  for (k = 1; k <= n; k++) {
    ck_assert_int_eq(oi_ledger_get_by_number(l, k, &e, NULL), OI_OK);
    found += e.status == status;
  }
  if (found == 0)
    return 0;
  pick = (size_t)(rng_next(g) % found);
  for (k = 1; k <= n; k++) {
    ck_assert_int_eq(oi_ledger_get_by_number(l, k, &e, NULL), OI_OK);
    if (e.status == status && pick-- == 0) {
      oi_withdrawal w = OI_WITHDRAWAL_INIT;
      oi_error err;
      memset(&err, 0, sizeof err);
      ck_assert_msg(oi_ledger_withdraw(l, e.id, &w, &err) == OI_OK, "withdraw %s: %s", e.id,
                    err.message);
      h->withdrawals++;
      h->promotions += w.promoted_count;
      return 1;
    }
  }
  return 0;
}

/* Enter n generated requests one by one; after every 15th withdraw a random
 * award (which promotes from the waitlist), after every 40th a random
 * waitlisted request. */
static oi_ledger *build_ledger(const oi_policy *p, size_t n, uint64_t seed, const char *prefix,
                               struct history *h)
{
  oi_ledger *l = new_ledger(p);
  struct rng g;
  size_t i;

  ck_assert_uint_le(n, MAX_REQS);
  memset(h, 0, sizeof *h);
  g.s = seed;
  for (i = 0; i < n; i++) {
    oi_error e;
    memset(&e, 0, sizeof e);
    gen_request(p, &g, &reqs[i], prefix, (int)i);
    ck_assert_msg(oi_ledger_submit(l, &reqs[i].r, NULL, &e) == OI_OK, "submit %s: %s %s",
                  reqs[i].id, e.path, e.message);
    if (i % 15 == 14)
      withdraw_random(l, &g, OI_OUTCOME_AWARDED, h);
    if (i % 40 == 39)
      withdraw_random(l, &g, OI_OUTCOME_WAITLISTED, h);
  }
  for (i = 1; i <= oi_ledger_count(l); i++) {
    oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
    ck_assert_int_eq(oi_ledger_get_by_number(l, i, &e, NULL), OI_OK);
    h->awarded += e.status == OI_OUTCOME_AWARDED;
    h->waitlisted += e.status == OI_OUTCOME_WAITLISTED;
    h->refused += e.status == OI_OUTCOME_REFUSED;
    h->withdrawn += e.status == OI_OUTCOME_WITHDRAWN;
  }
  return l;
}

/* ------------------------------------------------------------------------ */
/* Policy-level comparisons                                                 */

static void assert_same_policy_content(const oi_policy *a, const oi_policy *b)
{
  oi_policy_numbers na = OI_POLICY_NUMBERS_INIT, nb = OI_POLICY_NUMBERS_INIT;
  size_t i, k;

  ck_assert_str_eq(oi_policy_id(a), oi_policy_id(b));
  ck_assert_str_eq(oi_policy_digest(a), oi_policy_digest(b));
  ck_assert_int_eq(oi_policy_get_numbers(a, &na, NULL), OI_OK);
  ck_assert_int_eq(oi_policy_get_numbers(b, &nb, NULL), OI_OK);
  ck_assert_int_eq(na.year, nb.year);
  ck_assert_int_eq(na.seats_per_session, nb.seats_per_session);
  ck_assert_int_eq(na.local_cap_per_year, nb.local_cap_per_year);
  ck_assert_int_eq(na.deadline_weeks, nb.deadline_weeks);
  ck_assert_int_eq(na.max_nights, nb.max_nights);
  ck_assert_int_eq(na.canada_threshold_cents, nb.canada_threshold_cents);
  ck_assert_uint_eq(oi_policy_course_count(a), oi_policy_course_count(b));
  ck_assert_uint_eq(oi_policy_session_count(a), oi_policy_session_count(b));
  ck_assert_uint_eq(oi_policy_prior_site_count(a), oi_policy_prior_site_count(b));
  for (i = 0; i < oi_policy_course_count(a); i++) {
    oi_course ca = OI_COURSE_INIT, cb = OI_COURSE_INIT;
    ck_assert_int_eq(oi_policy_course(a, i, &ca, NULL), OI_OK);
    ck_assert_int_eq(oi_policy_course(b, i, &cb, NULL), OI_OK);
    ck_assert_str_eq(ca.id, cb.id);
    ck_assert_str_eq(ca.title, cb.title);
    ck_assert_int_eq(ca.kind, cb.kind);
  }
  for (i = 0; i < oi_policy_session_count(a); i++) {
    oi_session sa = OI_SESSION_INIT, sb2 = OI_SESSION_INIT;
    oi_date da, db;
    ck_assert_int_eq(oi_policy_session(a, i, &sa, NULL), OI_OK);
    ck_assert_int_eq(oi_policy_session(b, i, &sb2, NULL), OI_OK);
    ck_assert_str_eq(sa.id, sb2.id);
    ck_assert_str_eq(sa.place, sb2.place);
    ck_assert_msg(same_str(sa.hotel, sb2.hotel), "hotel of %s differs", sa.id);
    ck_assert_int_eq(oi_date_compare(sa.first_day, sb2.first_day), 0);
    ck_assert_int_eq(oi_date_compare(sa.last_day, sb2.last_day), 0);
    ck_assert_uint_eq(sa.countries, sb2.countries);
    ck_assert_uint_eq(sa.course_count, sb2.course_count);
    for (k = 0; k < sa.course_count; k++)
      ck_assert_str_eq(sa.course_ids[k], sb2.course_ids[k]);
    ck_assert_int_eq(oi_policy_session_seats(a, i), oi_policy_session_seats(b, i));
    ck_assert_int_eq(oi_policy_subsidy_deadline(a, i, &da, NULL), OI_OK);
    ck_assert_int_eq(oi_policy_subsidy_deadline(b, i, &db, NULL), OI_OK);
    ck_assert_int_eq(oi_date_compare(da, db), 0);
  }
  for (i = 0; i < oi_policy_prior_site_count(a); i++)
    ck_assert_str_eq(oi_policy_prior_site(a, i), oi_policy_prior_site(b, i));
}

/* Decide n generated subsidy requests on a and b; the decisions must agree
 * field by field. Counts the codes and outcomes seen, so the caller can
 * check that the comparison covered every rule. */
static void compare_subsidy_decisions(const oi_policy *a, const oi_policy *b, uint64_t seed,
                                      size_t n, size_t codes[64], size_t outcomes[16],
                                      size_t per_session[OI_POLICY_ITEMS_MAX])
{
  struct rng g;
  struct req_buf one;
  size_t i, k;

  g.s = seed;
  for (i = 0; i < n; i++) {
    oi_decision da = OI_DECISION_INIT, db = OI_DECISION_INIT;
    oi_error ea, eb;
    char what[64];

    memset(&ea, 0, sizeof ea);
    memset(&eb, 0, sizeof eb);
    gen_request(a, &g, &one, "q", (int)i);
    ck_assert_msg(oi_check_subsidy(a, &one.r, &da, &ea) == OI_OK, "request %zu: %s", i,
                  ea.message);
    ck_assert_msg(oi_check_subsidy(b, &one.r, &db, &eb) == OI_OK, "request %zu: %s", i,
                  eb.message);
    snprintf(what, sizeof what, "subsidy request %zu (%s)", i, one.r.session_id);
    assert_same_decision(&da, &db, what);
    outcomes[da.outcome & 15]++;
    per_session[(size_t)da.session % OI_POLICY_ITEMS_MAX]++;
    for (k = 0; k < da.reason_count; k++)
      codes[da.reasons[k].code & 63]++;
  }
}

static void compare_enrollment_decisions(const oi_policy *a, const oi_policy *b, uint64_t seed,
                                         size_t n, size_t codes[64], size_t outcomes[16])
{
  struct rng g;
  struct app_buf one;
  size_t i, k;

  g.s = seed;
  for (i = 0; i < n; i++) {
    oi_decision da = OI_DECISION_INIT, db = OI_DECISION_INIT;
    oi_error ea, eb;
    char what[96];

    memset(&ea, 0, sizeof ea);
    memset(&eb, 0, sizeof eb);
    gen_application(a, &g, &one, (int)i);
    ck_assert_msg(oi_check_enrollment(a, &one.a, &da, &ea) == OI_OK, "application %zu: %s %s",
                  i, ea.path, ea.message);
    ck_assert_msg(oi_check_enrollment(b, &one.a, &db, &eb) == OI_OK, "application %zu: %s", i,
                  eb.message);
    snprintf(what, sizeof what, "application %zu (%s, %s)", i, one.a.session_id,
             one.a.course_id);
    assert_same_decision(&da, &db, what);
    outcomes[da.outcome & 15]++;
    for (k = 0; k < da.reason_count; k++)
      codes[da.reasons[k].code & 63]++;
  }
}

/* ======================================================================== */
/* TCase "policy-roundtrip"                                                 */

START_TEST(test_builtin_2017_written_and_loaded_back_has_the_same_digest)
{
  oi_policy *p = tu_builtin_2017(), *q;
  size_t n, n2, i;
  char *text = policy_text(p, &n), *text2;
  const char *digest = oi_policy_digest(p);

  /* 16 lowercase hex digits (policy.h). */
  ck_assert_uint_eq(strlen(digest), 16);
  for (i = 0; i < 16; i++)
    ck_assert_msg((digest[i] >= '0' && digest[i] <= '9') || (digest[i] >= 'a' && digest[i] <= 'f'),
                  "digest %s is not lowercase hex", digest);

  q = policy_from_text(text, n);
  ck_assert_str_eq(oi_policy_digest(q), oi_policy_digest(p));
  ck_assert_str_eq(oi_policy_id(q), "iatse-officer-institute-2017");
  assert_same_policy_content(p, q);

  /* Writing the loaded policy gives the same text: nothing is lost or added. */
  text2 = policy_text(q, &n2);
  ck_assert_uint_eq(n, n2);
  ck_assert_msg(memcmp(text, text2, n) == 0, "the reloaded policy writes a different text");

  oi_free(text);
  oi_free(text2);
  oi_policy_free(q);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_builtin_2017_reloaded_decides_every_subsidy_request_alike)
{
  oi_policy *p = tu_builtin_2017(), *q;
  size_t n, codes[64] = { 0 }, outcomes[16] = { 0 }, per_session[OI_POLICY_ITEMS_MAX] = { 0 };
  char *text = policy_text(p, &n);
  static const oi_reason_code expected[] = {
    OI_REASON_RECEIVED_LATE,         OI_REASON_US_FORM_NOT_ELIGIBLE,
    OI_REASON_CA_RECEIPTS_TOO_HIGH,  OI_REASON_CA_RECEIPTS_UNKNOWN,
    OI_REASON_NOT_ATTESTED,          OI_REASON_NOT_WITH_APPLICATION,
    OI_REASON_APPLICATION_NOT_SIGNED, OI_REASON_REQUEST_NOT_SIGNED,
    OI_REASON_NO_SUBSIDY_FOR_COURSE, OI_REASON_COUNTRY_NOT_ADMITTED,
    OI_REASON_NIGHTS_LIMITED
  };
  size_t i;

  q = policy_from_text(text, n);
  compare_subsidy_decisions(p, q, UINT64_C(0x2017201720172017), 400, codes, outcomes,
                            per_session);
  for (i = 0; i < oi_policy_session_count(p); i++)
    ck_assert_msg(per_session[i] > 0, "no generated request for session %zu", i);
  /* The comparison is worth something only if every rule was exercised. */
  ck_assert_msg(outcomes[OI_OUTCOME_ELIGIBLE] > 20 && outcomes[OI_OUTCOME_REFUSED] > 20,
                "too few eligible (%zu) or refused (%zu) requests",
                outcomes[OI_OUTCOME_ELIGIBLE], outcomes[OI_OUTCOME_REFUSED]);
  for (i = 0; i < sizeof expected / sizeof expected[0]; i++)
    ck_assert_msg(codes[expected[i]] > 0, "no generated request gave %s",
                  oi_reason_code_name(expected[i]));
  oi_free(text);
  oi_policy_free(q);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_builtin_2017_reloaded_decides_every_enrollment_alike)
{
  oi_policy *p = tu_builtin_2017(), *q;
  size_t n, codes[64] = { 0 }, outcomes[16] = { 0 };
  char *text = policy_text(p, &n);

  q = policy_from_text(text, n);
  compare_enrollment_decisions(p, q, UINT64_C(0x1234567887654321), 300, codes, outcomes);
  ck_assert_msg(outcomes[OI_OUTCOME_ADMITTED] > 10 && outcomes[OI_OUTCOME_REFUSED] > 10,
                "too few admitted (%zu) or refused (%zu) applications",
                outcomes[OI_OUTCOME_ADMITTED], outcomes[OI_OUTCOME_REFUSED]);
  ck_assert_msg(codes[OI_REASON_NO_QUALIFYING_GRADUATION] > 0, "P1 never refused");
  ck_assert_msg(codes[OI_REASON_NOT_SECRETARY_TREASURER] > 0, "P2 never refused");
  ck_assert_msg(codes[OI_REASON_COURSE_NOT_OFFERED] > 0, "no course was refused as not offered");
  ck_assert_msg(codes[OI_REASON_COUNTRY_NOT_ADMITTED] > 0, "E1 never refused");
  oi_free(text);
  oi_policy_free(q);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_example_2018_loads_with_its_numbers_and_round_trips)
{
  static const char *const new_sites[] = { "Linthicum Heights", "Denver", "Orlando" };
  oi_policy *p = load_example_2018(), *q, *p2017 = tu_builtin_2017();
  oi_policy_numbers num = OI_POLICY_NUMBERS_INIT;
  size_t i, k, n, institutes = 0, advanced = 0;
  char *text;

  ck_assert_int_eq(oi_policy_get_numbers(p, &num, NULL), OI_OK);
  ck_assert_int_eq(num.year, 2018);
  ck_assert_int_eq(num.seats_per_session, 12);
  ck_assert_int_eq(num.local_cap_per_year, 3);
  ck_assert_int_eq(num.deadline_weeks, 8);
  ck_assert_int_eq(num.max_nights, 4);
  ck_assert_int_eq(num.canada_threshold_cents, 30000000);
  for (i = 0; i < oi_policy_session_count(p); i++) {
    oi_session s = OI_SESSION_INIT;
    ck_assert_int_eq(oi_policy_session(p, i, &s, NULL), OI_OK);
    ck_assert_int_eq(s.first_day.year, 2018);
    if (oi_policy_session_seats(p, i) == 12)
      institutes++;
    else if (oi_policy_session_seats(p, i) == 0)
      advanced++;
  }
  ck_assert_msg(institutes >= 3 && institutes <= 4, "%zu 1.0 sessions", institutes);
  ck_assert_uint_eq(advanced, 2);
  /* The 2017 prior sites plus the 2017 1.0 cities. */
  ck_assert_uint_eq(oi_policy_prior_site_count(p), oi_policy_prior_site_count(p2017) + 3);
  for (i = 0; i < oi_policy_prior_site_count(p2017); i++) {
    int found = 0;
    for (k = 0; k < oi_policy_prior_site_count(p); k++)
      found |= strcmp(oi_policy_prior_site(p, k), oi_policy_prior_site(p2017, i)) == 0;
    ck_assert_msg(found, "2017 prior site %s missing", oi_policy_prior_site(p2017, i));
  }
  for (i = 0; i < 3; i++) {
    int found = 0;
    for (k = 0; k < oi_policy_prior_site_count(p); k++)
      found |= strcmp(oi_policy_prior_site(p, k), new_sites[i]) == 0;
    ck_assert_msg(found, "prior site %s missing", new_sites[i]);
  }
  ck_assert_str_ne(oi_policy_digest(p), oi_policy_digest(p2017));

  text = policy_text(p, &n);
  q = policy_from_text(text, n);
  assert_same_policy_content(p, q);
  oi_free(text);
  oi_policy_free(q);
  oi_policy_free(p2017);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_example_2018_numbers_feed_the_rules)
{
  oi_policy *p = load_example_2018(), *p2017 = tu_builtin_2017();
  oi_subsidy_request r;
  oi_decision d = OI_DECISION_INIT;
  oi_ledger *l;
  size_t i;
  char ids[16][16], officers[16][16];
  const oi_reason *reason;

  /* S6: 8 weeks = 56 days before each 1.0 session's first day. */
  for (i = 0; i < oi_policy_session_count(p); i++) {
    oi_session s = OI_SESSION_INIT;
    oi_date dl;
    ck_assert_int_eq(oi_policy_session(p, i, &s, NULL), OI_OK);
    ck_assert_int_eq(oi_policy_subsidy_deadline(p, i, &dl, NULL), OI_OK);
    ck_assert_int_eq(tu_days_of(dl), tu_days_of(s.first_day) - 56);
  }

  /* OI-2018-TX begins 2018-03-05; 56 days earlier is 2018-01-08. */
  tu_default_request(&r);
  r.session_id = "OI-2018-TX";
  r.received = tu_dt(2018, 1, 8, 23, 59, 59);
  r.nights = 5;
  ck_assert_int_eq(oi_check_subsidy(p, &r, &d, NULL), OI_OK);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ELIGIBLE);
  ck_assert_int_eq(d.nights, 4); /* S3: 4 nights in this policy */
  reason = TU_ASSERT_NOTE(&d, OI_REASON_NIGHTS_LIMITED, OI_CLAUSE_S3);
  ck_assert_int_eq(reason->value[0], 5);
  ck_assert_int_eq(reason->value[1], 4);

  r.received = tu_dt(2018, 1, 9, 0, 0, 0);
  ck_assert_int_eq(oi_check_subsidy(p, &r, &d, NULL), OI_OK);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  reason = TU_ASSERT_REFUSAL(&d, OI_REASON_RECEIVED_LATE, OI_CLAUSE_S6);
  ck_assert_int_eq(reason->value[0], tu_days(2018, 1, 9));
  ck_assert_int_eq(reason->value[1], 55);
  ck_assert_int_eq(reason->value[2], tu_days(2018, 1, 8));
  ck_assert_int_eq(reason->value[3], 8);

  /* S2: Canadian receipts strictly below 30,000,000 cents; the 2017 policy
   * (25,000,000) refuses what this one accepts. */
  tu_default_request(&r);
  r.session_id = "OI-2018-MN";
  r.received = tu_dt(2018, 7, 23, 12, 0, 0); /* 2018-09-17 - 56 days */
  tu_ca_local(&r.local, 1, 29999999);
  ck_assert_int_eq(oi_check_subsidy(p, &r, &d, NULL), OI_OK);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_ELIGIBLE);
  r.local.receipts_cents = 30000000;
  ck_assert_int_eq(oi_check_subsidy(p, &r, &d, NULL), OI_OK);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);
  reason = TU_ASSERT_REFUSAL(&d, OI_REASON_CA_RECEIPTS_TOO_HIGH, OI_CLAUSE_S2);
  ck_assert_int_eq(reason->value[1], 30000000);
  r.session_id = "OI-2017-FL";
  r.received = tu_dt(2017, 9, 4, 12, 0, 0);
  r.local.receipts_cents = 29999999;
  ck_assert_int_eq(oi_check_subsidy(p2017, &r, &d, NULL), OI_OK);
  TU_ASSERT_OUTCOME(&d, OI_OUTCOME_REFUSED);

  /* S4: 12 seats. Thirteen requests from thirteen locals to OI-2018-WA
   * (deadline 2018-04-16): twelve awarded, the thirteenth waitlisted. */
  l = new_ledger(p);
  for (i = 0; i < 13; i++) {
    tu_default_request(&r);
    snprintf(ids[i], sizeof ids[i], "wa-%02zu", i);
    snprintf(officers[i], sizeof officers[i], "wa-off-%02zu", i);
    r.id = ids[i];
    r.officer.id = officers[i];
    r.local.number = (uint32_t)(100 + i);
    r.session_id = "OI-2018-WA";
    r.received = tu_dt(2018, 4, 1, 8, (int)i, 0);
    ck_assert_int_eq(oi_ledger_submit(l, &r, &d, NULL), OI_OK);
    TU_ASSERT_OUTCOME(&d, i < 12 ? OI_OUTCOME_AWARDED : OI_OUTCOME_WAITLISTED);
  }
  reason = tu_find_reason(&d, OI_REASON_SEATS_TAKEN);
  ck_assert_ptr_nonnull(reason);
  ck_assert_int_eq(reason->value[0], 12);
  oi_ledger_free(l);

  /* S5: a local may have three officers subsidized in 2018; the fourth waits. */
  l = new_ledger(p);
  for (i = 0; i < 4; i++) {
    static const char *const sessions[] = { "OI-2018-TX", "OI-2018-WA", "OI-2018-MN",
                                            "OI-2018-WA" };
    tu_default_request(&r);
    snprintf(ids[i], sizeof ids[i], "cap-%zu", i);
    snprintf(officers[i], sizeof officers[i], "cap-off-%zu", i);
    r.id = ids[i];
    r.officer.id = officers[i];
    r.session_id = sessions[i];
    r.received = tu_dt(2018, 1, 1, 9, (int)i, 0);
    ck_assert_int_eq(oi_ledger_submit(l, &r, &d, NULL), OI_OK);
    TU_ASSERT_OUTCOME(&d, i < 3 ? OI_OUTCOME_AWARDED : OI_OUTCOME_WAITLISTED);
  }
  reason = tu_find_reason(&d, OI_REASON_LOCAL_CAP_REACHED);
  ck_assert_ptr_nonnull(reason);
  ck_assert_int_eq(reason->value[2], 3);
  ck_assert_int_eq(reason->value[3], 3);
  oi_ledger_free(l);

  oi_policy_free(p2017);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_example_2018_reloaded_decides_alike)
{
  oi_policy *p = load_example_2018(), *q;
  size_t n, codes[64] = { 0 }, outcomes[16] = { 0 }, per_session[OI_POLICY_ITEMS_MAX] = { 0 };
  char *text = policy_text(p, &n);

  q = policy_from_text(text, n);
  compare_subsidy_decisions(p, q, UINT64_C(0x2018201820182018), 300, codes, outcomes,
                            per_session);
  compare_enrollment_decisions(p, q, UINT64_C(0x0badc0ffee0ddf00), 200, codes, outcomes);
  ck_assert_msg(outcomes[OI_OUTCOME_ELIGIBLE] > 0 && outcomes[OI_OUTCOME_ADMITTED] > 0 &&
                    outcomes[OI_OUTCOME_REFUSED] > 0,
                "the generated requests cover too little");
  oi_free(text);
  oi_policy_free(q);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_to_json_null_arguments_are_einval)
{
  oi_policy *p = tu_builtin_2017();
  char *text = (char *)(void *)&sentinel_storage[0];
  size_t n = 77;
  oi_error e;

  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_to_json(NULL, &text, &n, &e), OI_EINVAL);
  ck_assert_int_eq(e.status, OI_EINVAL);
  ck_assert_int_eq(oi_policy_to_json(p, NULL, &n, &e), OI_EINVAL);
  ck_assert_ptr_eq(text, (char *)(void *)&sentinel_storage[0]);
  ck_assert_uint_eq(n, 77);
  ck_assert_int_eq(oi_ledger_to_json(NULL, &text, &n, &e), OI_EINVAL);
  ck_assert_ptr_eq(text, (char *)(void *)&sentinel_storage[0]);
  /* length_out may be NULL. */
  ck_assert_int_eq(oi_policy_to_json(p, &text, NULL, &e), OI_OK);
  ck_assert_ptr_nonnull(text);
  oi_free(text);
  oi_free(NULL);
  oi_policy_free(p);
}
END_TEST

/* ======================================================================== */
/* TCase "policy-errors"                                                    */

START_TEST(test_base_document_loads)
{
  char *text = variant(0, NULL);
  oi_policy *p = policy_from_text(text, strlen(text));
  oi_policy_numbers num = OI_POLICY_NUMBERS_INIT;
  oi_session s = OI_SESSION_INIT;

  ck_assert_str_eq(oi_policy_id(p), "json-test-2018");
  ck_assert_int_eq(oi_policy_get_numbers(p, &num, NULL), OI_OK);
  ck_assert_int_eq(num.seats_per_session, 12);
  ck_assert_int_eq(num.canada_threshold_cents, 30000000);
  ck_assert_uint_eq(oi_policy_course_count(p), 2);
  ck_assert_uint_eq(oi_policy_session_count(p), 2);
  ck_assert_uint_eq(oi_policy_prior_site_count(p), 2);
  ck_assert_int_eq(oi_policy_session(p, 1, &s, NULL), OI_OK);
  ck_assert_ptr_null(s.hotel); /* "hotel": null */
  ck_assert_uint_eq(s.countries, OI_COUNTRY_BIT(OI_COUNTRY_US) | OI_COUNTRY_BIT(OI_COUNTRY_CA));
  oi_policy_free(p);
  free(text);
}
END_TEST

START_TEST(test_truncated_document_is_eparse_at_end_of_input)
{
  /* Lines 1..12 only; the text ends with "  },\n", so the end of input is
   * line 13, column 0. */
  char *text = base_prefix(12);
  EXPECT_POLICY_ERROR(text, OI_EPARSE, 13, 0, "");
  free(text);
}
END_TEST

START_TEST(test_truncated_inside_a_string_is_eparse_at_its_last_character)
{
  /* "  \"format\": \"officerinst-pol": the string opens at column 13 and its
   * last character read, 'l', is column 13 + 15 = 28. */
  EXPECT_POLICY_ERROR("{\n  \"format\": \"officerinst-pol", OI_EPARSE, 2, 28, "");
}
END_TEST

START_TEST(test_trailing_comma_in_object_is_eparse_at_the_closing_brace)
{
  /* A comma after the last member of "numbers": jansson wants a key and
   * finds '}' at line 12, column 3. */
  char *text = variant(11, "    \"canada_threshold_cents\": 30000000,");
  EXPECT_POLICY_ERROR(text, OI_EPARSE, 12, 3, "");
  free(text);
}
END_TEST

START_TEST(test_trailing_comma_in_array_is_eparse_at_the_closing_bracket)
{
  /* "  \"prior_sites\": [\"Toronto\", \"Denver\",]": '[' 18, "Toronto" 19-27,
   * ',' 28, ' ' 29, "Denver" 30-37, ',' 38, ']' 39. */
  char *text = variant(25, "  \"prior_sites\": [\"Toronto\", \"Denver\",]");
  EXPECT_POLICY_ERROR(text, OI_EPARSE, 25, 39, "");
  free(text);
}
END_TEST

START_TEST(test_missing_closing_brace_is_eparse_at_end_of_input)
{
  /* Without line 26 the text ends after line 25's newline: line 26, column 0. */
  char *text = variant(26, NULL);
  EXPECT_POLICY_ERROR(text, OI_EPARSE, 26, 0, "");
  free(text);
}
END_TEST

START_TEST(test_string_where_integer_is_eschema_at_the_value)
{
  /* "    \"year\": \"2018\",": 4 spaces, "year" 5-10, ':' 11, ' ' 12, value 13. */
  char *text = variant(6, "    \"year\": \"2018\",");
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 6, 13, "numbers.year");
  free(text);
}
END_TEST

START_TEST(test_real_where_integer_is_eschema_at_the_value)
{
  /* "seats_per_session" (19 characters with its quotes) is 5-23, ':' 24,
   * ' ' 25, value 26. 12.0 equals 12 but is a real, not an integer. */
  char *text = variant(7, "    \"seats_per_session\": 12.0,");
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 7, 26, "numbers.seats_per_session");
  free(text);
}
END_TEST

START_TEST(test_integer_too_big_for_64_bits_is_eparse)
{
  /* "canada_threshold_cents" (24 with quotes) is 5-28, ':' 29, ' ' 30; the
   * value starts at 31. 2^63 has 19 digits, so its last digit is column 49.
   * 2^63 - 1 still fits and loads. */
  char *text = variant(11, "    \"canada_threshold_cents\": 9223372036854775808");
  char *ok = variant(11, "    \"canada_threshold_cents\": 9223372036854775807");
  oi_policy *p;
  oi_policy_numbers num = OI_POLICY_NUMBERS_INIT;

  EXPECT_POLICY_ERROR(text, OI_EPARSE, 11, 49, "");
  p = policy_from_text(ok, strlen(ok));
  ck_assert_int_eq(oi_policy_get_numbers(p, &num, NULL), OI_OK);
  ck_assert_int_eq(num.canada_threshold_cents, INT64_MAX);
  oi_policy_free(p);
  free(text);
  free(ok);
}
END_TEST

START_TEST(test_negative_seats_is_eschema_at_the_value)
{
  char *text = variant(7, "    \"seats_per_session\": -1,");
  char *zero = variant(7, "    \"seats_per_session\": 0,");
  oi_policy *p;

  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 7, 26, "numbers.seats_per_session");
  p = policy_from_text(zero, strlen(zero)); /* 0 seats is allowed (>= 0) */
  oi_policy_free(p);
  free(text);
  free(zero);
}
END_TEST

START_TEST(test_unknown_top_level_field_is_eschema_at_its_key)
{
  /* A new line 5 "  \"comment\": ...": the key starts at column 3. */
  char *text = variant(4, "  \"id\": \"json-test-2018\",\n  \"comment\": \"not a field\",");
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 5, 3, "comment");
  free(text);
}
END_TEST

START_TEST(test_unknown_field_in_second_session_is_eschema_at_its_key)
{
  /* "     \"frist_day\": ...": 5 spaces, the key starts at column 6. */
  char *text = variant(22, "     \"frist_day\": \"2018-06-13\", \"last_day\": \"2018-06-15\",");
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 22, 6, "sessions[1].frist_day");
  free(text);
}
END_TEST

START_TEST(test_missing_field_in_session_is_eschema_at_its_object)
{
  /* sessions[1] without "place": the field has no position, so the error is
   * at the object that lacks it, whose '{' is line 21, column 5; the path
   * names the missing field (json.h: "the path of the field"). */
  char *text = variant(21, "    {\"id\": \"S-B\", \"hotel\": null,");
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 21, 5, "sessions[1].place");
  free(text);
}
END_TEST

START_TEST(test_missing_top_level_field_is_eschema_at_the_root)
{
  /* No "version": the root object starts at line 1, column 1. */
  char *text = variant(3, NULL);
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 1, 1, "version");
  free(text);
}
END_TEST

START_TEST(test_invalid_date_is_eschema_at_the_value)
{
  /* "     \"first_day\": ": 5 spaces, key 6-16, ':' 17, ' ' 18, value 19. */
  char *text = variant(19, "     \"first_day\": \"2018-02-30\", \"last_day\": \"2018-03-09\",");
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 19, 19, "sessions[0].first_day");
  free(text);
}
END_TEST

START_TEST(test_last_day_before_first_day_is_eschema_at_last_day)
{
  /* first_day value 19-30, ',' 31, ' ' 32, "last_day" 33-42, ':' 43, ' ' 44,
   * value 45. */
  char *text = variant(19, "     \"first_day\": \"2018-03-05\", \"last_day\": \"2018-03-02\",");
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 19, 45, "sessions[0].last_day");
  free(text);
}
END_TEST

START_TEST(test_institute_session_without_hotel_is_eschema_at_hotel)
{
  /* "    {\"id\": \"S-A\", \"place\": \"Houston, TX\", \"hotel\": null,":
   * '{' 5, "id" 6-9, ':' 10, ' ' 11, "S-A" 12-16, ',' 17, ' ' 18,
   * "place" 19-25, ':' 26, ' ' 27, "Houston, TX" 28-40, ',' 41, ' ' 42,
   * "hotel" 43-49, ':' 50, ' ' 51, null 52. S3: a 1.0 session needs one. */
  char *text = variant(18, "    {\"id\": \"S-A\", \"place\": \"Houston, TX\", \"hotel\": null,");
  char *absent = variant(18, "    {\"id\": \"S-A\", \"place\": \"Houston, TX\",");

  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 18, 52, "sessions[0].hotel");
  /* Without the member at all, the error is at the session's object. */
  EXPECT_POLICY_ERROR(absent, OI_ESCHEMA, 18, 5, "sessions[0].hotel");
  free(text);
  free(absent);
}
END_TEST

START_TEST(test_unknown_course_is_eschema_at_the_course_id)
{
  /* "     \"countries\": [\"US\"], \"courses\": [\"OI-9.9\"]},": "countries"
   * 6-16, ':' 17, ' ' 18, ["US"] 19-24, ',' 25, ' ' 26, "courses" 27-35,
   * ':' 36, ' ' 37, '[' 38, first id 39; a second id after "OI-1.0" (39-46),
   * ',' 47 and ' ' 48 starts at 49. */
  char *first = variant(20, "     \"countries\": [\"US\"], \"courses\": [\"OI-9.9\"]},");
  char *second = variant(20, "     \"countries\": [\"US\"], \"courses\": [\"OI-1.0\", \"OI-9.9\"]},");

  EXPECT_POLICY_ERROR(first, OI_ESCHEMA, 20, 39, "sessions[0].courses[0]");
  EXPECT_POLICY_ERROR(second, OI_ESCHEMA, 20, 49, "sessions[0].courses[1]");
  free(first);
  free(second);
}
END_TEST

START_TEST(test_unknown_country_and_kind_are_eschema_at_the_value)
{
  /* countries[0] at column 20 (after '[' at 19); "kind" value: '{' 5,
   * "id" 6-9, ':' 10, ' ' 11, "OI-1.0" 12-19, ',' 20, ' ' 21, "title" 22-28,
   * ':' 29, ' ' 30, "Officer Institute 1.0" 31-53, ',' 54, ' ' 55,
   * "kind" 56-61, ':' 62, ' ' 63, value 64. */
  char *country = variant(20, "     \"countries\": [\"MX\"], \"courses\": [\"OI-1.0\"]},");
  char *kind = variant(
      14, "    {\"id\": \"OI-1.0\", \"title\": \"Officer Institute 1.0\", \"kind\": \"workshop\"},");

  EXPECT_POLICY_ERROR(country, OI_ESCHEMA, 20, 20, "sessions[0].countries[0]");
  EXPECT_POLICY_ERROR(kind, OI_ESCHEMA, 14, 64, "courses[0].kind");
  free(country);
  free(kind);
}
END_TEST

START_TEST(test_session_with_no_country_or_no_course_is_eschema_at_the_array)
{
  /* "     \"countries\": [], ...": the empty countries array (E1) is at
   * column 19. "     \"countries\": [\"US\"], \"courses\": []}": the empty courses
   * array starts at column 38 ('[' after "courses" 27-35, ':' 36, ' ' 37).
   * The path names the document's member, "courses". */
  char *countries = variant(20, "     \"countries\": [], \"courses\": [\"OI-1.0\"]},");
  char *courses = variant(20, "     \"countries\": [\"US\"], \"courses\": []},");

  EXPECT_POLICY_ERROR(countries, OI_ESCHEMA, 20, 19, "sessions[0].countries");
  EXPECT_POLICY_ERROR(courses, OI_ESCHEMA, 20, 38, "sessions[0].courses");
  free(countries);
  free(courses);
}
END_TEST

START_TEST(test_duplicate_session_ids_is_eschema_at_the_second_id)
{
  /* sessions[1] also "S-A": its id value starts at column 12. */
  char *text = variant(21, "    {\"id\": \"S-A\", \"place\": \"Seattle, WA\", \"hotel\": null,");
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 21, 12, "sessions[1].id");
  free(text);
}
END_TEST

START_TEST(test_duplicate_keys_are_eparse)
{
  /* "version" twice (lines 3 and 4): JSON_REJECT_DUPLICATES makes it a syntax
   * error at the second key, whose last character is column 11. */
  char *text = variant(3, "  \"version\": 1,\n  \"version\": 1,");
  EXPECT_POLICY_ERROR(text, OI_EPARSE, 4, 11, "");
  free(text);
}
END_TEST

START_TEST(test_wrong_format_name_is_eschema_at_the_value)
{
  /* "  \"format\": ": "format" 3-10, ':' 11, ' ' 12, value 13. */
  char *text = variant(2, "  \"format\": \"officerinst-ledger\",");
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 2, 13, "format");
  free(text);
}
END_TEST

START_TEST(test_version_2_is_eschema_at_the_value)
{
  /* "  \"version\": 2,": "version" 3-11, ':' 12, ' ' 13, value 14. */
  char *text = variant(3, "  \"version\": 2,");
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 3, 14, "version");
  free(text);
}
END_TEST

START_TEST(test_non_object_root_is_eschema_at_the_root)
{
  /* The root array starts at line 2, column 3. */
  EXPECT_POLICY_ERROR("\n  [\"officerinst-policy\", 1]\n", OI_ESCHEMA, 2, 3, "");
}
END_TEST

START_TEST(test_empty_input_is_eparse)
{
  oi_policy *out = POLICY_SENTINEL;
  oi_error e;

  /* Nothing at all: the end of input is line 1, column 0. Only white space:
   * after two newlines, line 3, column 0. */
  expect_policy_error_at("", 0, OI_EPARSE, 1, 0, "", __FILE__, __LINE__);
  EXPECT_POLICY_ERROR("\n\n", OI_EPARSE, 3, 0, "");
  /* A NULL text is an argument error, not a document error. */
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_from_json(NULL, 0, &out, &e), OI_EINVAL);
  ck_assert_ptr_eq(out, POLICY_SENTINEL);
  ck_assert_int_eq(oi_policy_from_json("{}", 2, NULL, &e), OI_EINVAL);
}
END_TEST

START_TEST(test_escaped_nul_in_a_string_is_eschema_at_the_string)
{
  /* "  \"id\": \"json\\u0000test\",": "id" 3-6, ':' 7, ' ' 8, value 9.
   * \u0000 is well-formed JSON (RFC 8259), so by json.h's definitions the
   * document is well-formed but not a valid policy (an id cannot hold NUL):
   * OI_ESCHEMA at the string, not OI_EPARSE. */
  char *text = variant(4, "  \"id\": \"json\\u0000test\",");
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 4, 9, "id");
  free(text);
}
END_TEST

START_TEST(test_raw_nul_byte_in_a_string_is_eparse)
{
  /* A raw control character in a string is not well-formed JSON. jansson
   * stops at the NUL and points at the character before it: '"' is column
   * 9, "json" 10-13, NUL 14, so column 13. */
  char *text = variant(4, "  \"id\": \"json#test\",");
  char *hash = strchr(text, '#');

  *hash = '\0';
  expect_policy_error_at(text, strlen(text) + 1 + strlen(hash + 1), OI_EPARSE, 4, 13, "",
                         __FILE__, __LINE__);
  free(text);
}
END_TEST

/* ======================================================================== */
/* TCase "limits"                                                           */

START_TEST(test_string_of_1024_bytes_passes_the_document_limit)
{
  /* 1024 bytes is OI_DOCUMENT_STRING_MAX: within the document limit, but a
   * prior site holds at most OI_NAME_MAX (127) bytes, so ESCHEMA at
   * prior_sites[1], which opens at column 30 ('[' 18, "Toronto" 19-27,
   * ',' 28, ' ' 29). */
  char big[OI_DOCUMENT_STRING_MAX + 1], *line, *text;

  tu_string_of(big, OI_DOCUMENT_STRING_MAX, 'x');
  line = xsprintf("  \"prior_sites\": [\"Toronto\", \"%s\"]", big);
  text = variant(25, line);
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 25, 30, "prior_sites[1]");
  free(line);
  free(text);
}
END_TEST

START_TEST(test_string_of_1025_bytes_is_elimit_at_the_string)
{
  char big[OI_DOCUMENT_STRING_MAX + 2], *line, *text;

  tu_string_of(big, OI_DOCUMENT_STRING_MAX + 1, 'x');
  line = xsprintf("  \"prior_sites\": [\"Toronto\", \"%s\"]", big);
  text = variant(25, line);
  EXPECT_POLICY_ERROR(text, OI_ELIMIT, 25, 30, "");
  free(line);
  free(text);
}
END_TEST

START_TEST(test_depth_16_passes_the_limit_depth_17_is_elimit)
{
  /* The root object is depth 1 and "prior_sites"'s array depth 2 (column
   * 18). 14 more arrays reach depth 16: within the limit, but prior_sites[0]
   * (column 19) is not a string. 15 more reach depth 17 at the 15th extra
   * '[', column 18 + 15 = 33. */
  struct sb a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
  char *ta, *tb;
  int i;

  sb_puts(&a, "  \"prior_sites\": [");
  sb_puts(&b, "  \"prior_sites\": [");
  for (i = 0; i < 14; i++)
    sb_puts(&a, "[");
  for (i = 0; i < 15; i++)
    sb_puts(&b, "[");
  for (i = 0; i < 15; i++)
    sb_puts(&a, "]");
  for (i = 0; i < 16; i++)
    sb_puts(&b, "]");
  ta = variant(25, a.d);
  tb = variant(25, b.d);
  EXPECT_POLICY_ERROR(ta, OI_ESCHEMA, 25, 19, "prior_sites[0]");
  EXPECT_POLICY_ERROR(tb, OI_ELIMIT, 25, 33, "");
  free(a.d);
  free(b.d);
  free(ta);
  free(tb);
}
END_TEST

START_TEST(test_document_of_max_bytes_loads_one_more_is_elimit)
{
  /* The base document padded with spaces after its closing brace to exactly
   * OI_POLICY_DOCUMENT_MAX bytes loads; one byte more is over the limit,
   * which is about the whole document, so no line, column or path. */
  char *base = variant(0, NULL);
  const size_t n = strlen(base);
  char *text = malloc(OI_POLICY_DOCUMENT_MAX + 1);
  oi_policy *p;

  ck_assert_ptr_nonnull(text);
  memset(text, ' ', OI_POLICY_DOCUMENT_MAX + 1);
  memcpy(text, base, n);
  p = policy_from_text(text, OI_POLICY_DOCUMENT_MAX);
  oi_policy_free(p);
  expect_policy_error_at(text, OI_POLICY_DOCUMENT_MAX + 1, OI_ELIMIT, 0, 0, "", __FILE__,
                         __LINE__);
  free(text);
  free(base);
}
END_TEST

START_TEST(test_256_prior_sites_load_257_are_elimit)
{
  /* OI_POLICY_ITEMS_MAX (256) prior sites, one a line from line 26: site k
   * is on line 26 + k at column 5. The 257th, prior_sites[256], is on line
   * 282 and is one past a documented limit: OI_ELIMIT (json.h: "one past a
   * limit is OI_ELIMIT"; the builder says OI_ELIMIT too). */
  struct sb a = { NULL, 0, 0 }, b = { NULL, 0, 0 };
  char *ta, *tb;
  oi_policy *p;
  int k;

  sb_puts(&a, "  \"prior_sites\": [");
  sb_puts(&b, "  \"prior_sites\": [");
  for (k = 0; k < OI_POLICY_ITEMS_MAX + 1; k++) {
    if (k < OI_POLICY_ITEMS_MAX)
      sb_printf(&a, "\n    \"City %03d\"%s", k, k + 1 < OI_POLICY_ITEMS_MAX ? "," : "");
    sb_printf(&b, "\n    \"City %03d\"%s", k, k < OI_POLICY_ITEMS_MAX ? "," : "");
  }
  sb_puts(&a, "\n  ]");
  sb_puts(&b, "\n  ]");
  ta = variant(25, a.d);
  tb = variant(25, b.d);
  p = policy_from_text(ta, strlen(ta));
  ck_assert_uint_eq(oi_policy_prior_site_count(p), OI_POLICY_ITEMS_MAX);
  oi_policy_free(p);
  EXPECT_POLICY_ERROR(tb, OI_ELIMIT, 26 + OI_POLICY_ITEMS_MAX, 5, "prior_sites[256]");
  free(a.d);
  free(b.d);
  free(ta);
  free(tb);
}
END_TEST

START_TEST(test_id_of_63_bytes_loads_64_is_eschema)
{
  /* OI_ID_MAX is 63; the id value starts at column 9. */
  char id[OI_ID_MAX + 2], *line, *text;
  oi_policy *p;

  tu_string_of(id, OI_ID_MAX, 'i');
  line = xsprintf("  \"id\": \"%s\",", id);
  text = variant(4, line);
  p = policy_from_text(text, strlen(text));
  ck_assert_str_eq(oi_policy_id(p), id);
  oi_policy_free(p);
  free(line);
  free(text);

  tu_string_of(id, OI_ID_MAX + 1, 'i');
  line = xsprintf("  \"id\": \"%s\",", id);
  text = variant(4, line);
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 4, 9, "id");
  free(line);
  free(text);
}
END_TEST

START_TEST(test_policy_file_over_max_bytes_is_elimit)
{
  char tmpl[512], *path, *text;
  const char *tmp = getenv("TMPDIR");
  oi_policy *out = POLICY_SENTINEL;
  oi_error e;

  snprintf(tmpl, sizeof tmpl, "%s/oi-json-limit-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(tmpl));
  path = xsprintf("%s/big.json", tmpl);
  text = malloc(OI_POLICY_DOCUMENT_MAX + 1);
  ck_assert_ptr_nonnull(text);
  memset(text, ' ', OI_POLICY_DOCUMENT_MAX + 1);
  spit(path, text, OI_POLICY_DOCUMENT_MAX + 1);
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_load(path, &out, &e), OI_ELIMIT);
  ck_assert_int_eq(e.status, OI_ELIMIT);
  ck_assert_ptr_eq(out, POLICY_SENTINEL);
  unlink(path);
  rmdir(tmpl);
  free(path);
  free(text);
}
END_TEST

START_TEST(test_snapshot_limits_are_elimit)
{
  /* The same depth and string limits hold for snapshots, before anything
   * else is read. "{\"requests\":" is 12 characters and the root is depth 1;
   * the k-th '[' after it (from column 13) is depth k + 1, so the 16th, at
   * column 28, is depth 17. The long key's string opens at column 2. */
  oi_policy *p = tu_builtin_2017();
  struct sb deep = { NULL, 0, 0 }, lng = { NULL, 0, 0 };
  char big[OI_DOCUMENT_STRING_MAX + 2];
  int i;

  sb_puts(&deep, "{\"requests\":");
  for (i = 0; i < 16; i++)
    sb_puts(&deep, "[");
  for (i = 0; i < 16; i++)
    sb_puts(&deep, "]");
  sb_puts(&deep, "}");
  EXPECT_LEDGER_ERROR(p, deep.d, deep.n, OI_ELIMIT, 1, 28, "");
  tu_string_of(big, OI_DOCUMENT_STRING_MAX + 1, 'y');
  sb_printf(&lng, "{\"%s\":1}", big);
  EXPECT_LEDGER_ERROR(p, lng.d, lng.n, OI_ELIMIT, 1, 2, "");
  free(deep.d);
  free(lng.d);
  oi_policy_free(p);
}
END_TEST

/* ======================================================================== */
/* TCase "snapshot-roundtrip"                                               */

START_TEST(test_empty_ledger_round_trips)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *a = new_ledger(p), *b;
  size_t n, n2;
  char *text = ledger_text(a, &n), *text2;

  b = ledger_from_text(p, text, n);
  ck_assert_uint_eq(oi_ledger_count(b), 0);
  ck_assert_uint_eq(oi_ledger_event_count(b), 0);
  assert_same_ledgers(a, b);
  text2 = ledger_text(b, &n2);
  ck_assert_uint_eq(n, n2);
  ck_assert_msg(memcmp(text, text2, n) == 0, "an empty ledger writes different bytes");
  oi_free(text);
  oi_free(text2);
  oi_ledger_free(b);
  oi_ledger_free(a);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_ledger_of_300_requests_restored_answers_every_query_alike)
{
  oi_policy *p = tu_builtin_2017();
  struct history h;
  oi_ledger *a = build_ledger(p, 300, UINT64_C(0x5eed0000cafe0001), "r", &h), *b;
  size_t n, n2;
  char *text, *text2;

  /* The history must hold every kind of thing a snapshot has to carry. */
  ck_assert_msg(h.awarded > 0 && h.waitlisted > 0 && h.refused > 0 && h.withdrawn > 0 &&
                    h.promotions > 0,
                "history too plain: %zu awarded, %zu waitlisted, %zu refused, %zu withdrawn, "
                "%zu promotions",
                h.awarded, h.waitlisted, h.refused, h.withdrawn, h.promotions);
  ck_assert_uint_eq(oi_ledger_count(a), 300);

  text = ledger_text(a, &n);
  b = ledger_from_text(p, text, n);
  assert_same_ledgers(a, b);

  /* The restored ledger writes exactly the same bytes. */
  text2 = ledger_text(b, &n2);
  ck_assert_uint_eq(n, n2);
  ck_assert_msg(memcmp(text, text2, n) == 0, "the restored ledger writes different bytes");

  oi_free(text);
  oi_free(text2);
  oi_ledger_free(b);
  oi_ledger_free(a);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_restored_ledger_decides_the_next_requests_alike)
{
  oi_policy *p = tu_builtin_2017();
  struct history h;
  oi_ledger *a = build_ledger(p, 300, UINT64_C(0x5eed0000cafe0002), "r", &h), *b;
  oi_decision da[10], db[10];
  oi_subsidy_request batch[10];
  oi_withdrawal wa = OI_WITHDRAWAL_INIT, wb = OI_WITHDRAWAL_INIT;
  struct rng g;
  size_t n, n2, i, k, best = 0, waits = 0, refusals = 0;
  const char *victim_session = NULL;
  oi_ledger_entry *awarded;
  char *text, *text2;

  text = ledger_text(a, &n);
  b = ledger_from_text(p, text, n);
  oi_free(text);

  /* The same 50 new requests, one by one. */
  g.s = UINT64_C(0x0123456789abcdef);
  for (i = 0; i < 50; i++) {
    oi_decision x = OI_DECISION_INIT, y = OI_DECISION_INIT;
    char what[64];
    gen_request(p, &g, &next_reqs[i], "next", (int)i);
    ck_assert_int_eq(oi_ledger_submit(a, &next_reqs[i].r, &x, NULL), OI_OK);
    ck_assert_int_eq(oi_ledger_submit(b, &next_reqs[i].r, &y, NULL), OI_OK);
    snprintf(what, sizeof what, "next request %zu", i);
    assert_same_decision(&x, &y, what);
    waits += x.outcome == OI_OUTCOME_WAITLISTED;
    refusals += x.outcome == OI_OUTCOME_REFUSED;
  }
  ck_assert_msg(waits > 0 && refusals > 0, "the next requests cover too little (%zu, %zu)",
                waits, refusals);

  /* A withdrawal of the first award of the session with the longest
   * waitlist, on both: the same promotions. */
  for (i = 0; i < oi_policy_session_count(p); i++) {
    oi_session s = OI_SESSION_INIT;
    oi_session_summary sum = OI_SESSION_SUMMARY_INIT;
    ck_assert_int_eq(oi_policy_session(p, i, &s, NULL), OI_OK);
    ck_assert_int_eq(oi_ledger_session_summary(a, s.id, &sum, NULL), OI_OK);
    if (sum.awarded > 0 && sum.waitlisted > best) {
      best = sum.waitlisted;
      victim_session = s.id;
    }
  }
  ck_assert_ptr_nonnull(victim_session);
  awarded = session_entries(a, victim_session, OI_OUTCOME_AWARDED, &k);
  ck_assert_int_eq(oi_ledger_withdraw(a, awarded[0].id, &wa, NULL), OI_OK);
  ck_assert_int_eq(oi_ledger_withdraw(b, awarded[0].id, &wb, NULL), OI_OK);
  ck_assert_int_eq(wa.previous, wb.previous);
  ck_assert_uint_eq(wa.promoted_count, wb.promoted_count);
  for (i = 0; i < wa.promoted_count; i++)
    ck_assert_str_eq(wa.promoted[i], wb.promoted[i]);
  free(awarded);

  /* And a batch of ten more. */
  for (i = 0; i < 10; i++) {
    gen_request(p, &g, &next_reqs[50 + i], "batch", (int)i);
    batch[i] = next_reqs[50 + i].r;
    da[i] = (oi_decision)OI_DECISION_INIT;
    db[i] = (oi_decision)OI_DECISION_INIT;
  }
  ck_assert_int_eq(oi_ledger_submit_many(a, batch, 10, sizeof batch[0], da, sizeof da[0], NULL),
                   OI_OK);
  ck_assert_int_eq(oi_ledger_submit_many(b, batch, 10, sizeof batch[0], db, sizeof db[0], NULL),
                   OI_OK);
  for (i = 0; i < 10; i++) {
    char what[64];
    snprintf(what, sizeof what, "batch request %zu", i);
    assert_same_decision(&da[i], &db[i], what);
  }

  assert_same_ledgers(a, b);
  text = ledger_text(a, &n);
  text2 = ledger_text(b, &n2);
  ck_assert_uint_eq(n, n2);
  ck_assert_msg(memcmp(text, text2, n) == 0, "the two ledgers now write different bytes");
  oi_free(text);
  oi_free(text2);
  oi_ledger_free(b);
  oi_ledger_free(a);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_ledger_under_the_2018_example_round_trips)
{
  oi_policy *p = load_example_2018();
  struct history h;
  oi_ledger *a = build_ledger(p, 200, UINT64_C(0x2018000000000001), "r18", &h), *b;
  size_t n, n2;
  char *text, *text2;

  ck_assert_msg(h.waitlisted > 0 && h.refused > 0 && h.promotions > 0,
                "history too plain: %zu waitlisted, %zu refused, %zu promotions", h.waitlisted,
                h.refused, h.promotions);
  text = ledger_text(a, &n);
  b = ledger_from_text(p, text, n);
  assert_same_ledgers(a, b);
  text2 = ledger_text(b, &n2);
  ck_assert_uint_eq(n, n2);
  ck_assert_msg(memcmp(text, text2, n) == 0, "the restored ledger writes different bytes");
  oi_free(text);
  oi_free(text2);
  oi_ledger_free(b);
  oi_ledger_free(a);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_stored_snapshot_loads_with_its_history)
{
  /* tests/json/ledger-2017-small.json, kept in the tree so that a format
   * change that breaks old snapshots shows. Its story, under the 2017
   * policy: r1 (local 22, OI-2017-MD, 2016-12-01) awarded; r2 (local 22,
   * OI-2017-CO, 7 nights) awarded 5 (S3); r3 (local 22, OI-2017-FL)
   * waitlisted, local 22 being at its cap of 2 (S5); r4 (a Canadian local at
   * OI-2017-MD, U.S. only, received 2017-01-03, a day after the deadline)
   * refused for E1 and S6; r1 withdrawn, which frees local 22's slot and
   * promotes r3. */
  oi_policy *p = tu_builtin_2017();
  char *path = xsprintf("%s/tests/json/ledger-2017-small.json", src_dir());
  oi_ledger *l = NULL;
  oi_ledger_entry e = OI_LEDGER_ENTRY_INIT, *v;
  oi_event ev = OI_EVENT_INIT;
  oi_error err;
  size_t n, len, len2;
  char *file, *text;

  memset(&err, 0, sizeof err);
  ck_assert_msg(oi_ledger_load(p, path, &l, &err) == OI_OK, "%s: %s at %d:%d %s", path,
                oi_status_name(err.status), err.line, err.column, err.message);
  ck_assert_uint_eq(oi_ledger_count(l), 4);
  ck_assert_int_eq(oi_ledger_get(l, "r1", &e, NULL), OI_OK);
  ck_assert_int_eq(e.status, OI_OUTCOME_WITHDRAWN);
  ck_assert_int_eq(oi_ledger_get(l, "r2", &e, NULL), OI_OK);
  ck_assert_int_eq(e.status, OI_OUTCOME_AWARDED);
  ck_assert_int_eq(e.nights_requested, 7);
  ck_assert_int_eq(e.nights, 5);
  ck_assert_str_eq(e.payee, "Designated IATSE hotel, Denver, CO");
  ck_assert_int_eq(oi_ledger_get(l, "r3", &e, NULL), OI_OK);
  ck_assert_int_eq(e.status, OI_OUTCOME_AWARDED);
  ck_assert_int_eq(oi_ledger_get(l, "r4", &e, NULL), OI_OK);
  ck_assert_int_eq(e.status, OI_OUTCOME_REFUSED);
  ck_assert_uint_eq(e.reason_count, 2);
  ck_assert_int_eq(e.reasons[0].code, OI_REASON_COUNTRY_NOT_ADMITTED);
  ck_assert_int_eq(e.reasons[1].code, OI_REASON_RECEIVED_LATE);
  ck_assert_int_eq(e.reasons[1].value[0], tu_days(2017, 1, 3));
  ck_assert_int_eq(e.reasons[1].value[2], tu_days(2017, 1, 2));

  /* Four entered, four decided, one withdrawn, one promoted. */
  ck_assert_uint_eq(oi_ledger_event_count(l), 10);
  ck_assert_int_eq(oi_ledger_event(l, 9, &ev, NULL), OI_OK);
  ck_assert_int_eq(ev.type, OI_EVENT_PROMOTED);
  ck_assert_str_eq(ev.request_id, "r3");
  ck_assert_str_eq(ev.cause_id, "r1");
  ck_assert_int_eq(ev.nights, 4);

  v = local_awards(l, 22, 2017, &n);
  ck_assert_uint_eq(n, 2);
  ck_assert_str_eq(v[0].id, "r2"); /* received 2017-01-15 */
  ck_assert_str_eq(v[1].id, "r3"); /* received 2017-03-01 */
  free(v);

  /* Written again, it is the same story in the current version (the file
   * is version 1; test_v1_snapshot_loads_and_is_written_as_v2 compares the
   * bytes). */
  file = slurp(path, &len);
  ck_assert_ptr_nonnull(file);
  text = ledger_text(l, &len2);
  ck_assert_uint_gt(len2, len);
  ck_assert_msg(strncmp(text, "{\"format\":\"officerinst-ledger\",\"version\":2,", 43) == 0,
                "not written as version 2");
  free(file);
  oi_free(text);
  free(path);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

/* ======================================================================== */
/* TCase "snapshot-errors"                                                  */

/* The snapshot of a 120-request ledger, and the ledger. */
static oi_policy *se_policy;
static oi_ledger *se_ledger;
static char *se_text;
static size_t se_length;

static void snapshot_setup(void)
{
  struct history h;

  se_policy = tu_builtin_2017();
  se_ledger = build_ledger(se_policy, 120, UINT64_C(0x5eed0000cafe0003), "s", &h);
  se_text = ledger_text(se_ledger, &se_length);
}

static void snapshot_teardown(void)
{
  oi_free(se_text);
  oi_ledger_free(se_ledger);
  oi_policy_free(se_policy);
}

/* Snapshot layout (doc/snapshot-format.md): line 1 holds the head and
 * "requests":[; request i is line 2 + i; event k is line 2 + n + k, where n
 * is the number of requests. Each element starts at column 1. */
static int request_line(size_t i)
{
  return 2 + (int)i;
}

static int event_line(size_t nreq, size_t k)
{
  return 2 + (int)nreq + (int)k;
}

/* The index of the first event of a type and outcome, and its request. */
static size_t find_event(const oi_ledger *l, oi_event_type type, oi_outcome outcome,
                         oi_reason_code code, oi_event *out)
{
  size_t k;

  for (k = 0; k < oi_ledger_event_count(l); k++) {
    ck_assert_int_eq(oi_ledger_event(l, k, out, NULL), OI_OK);
    if (out->type == type && out->outcome == outcome &&
        (code == OI_REASON_NONE || (out->reason_count > 0 && out->reasons[0].code == code)))
      return k;
  }
  ck_abort_msg("no such event in the ledger");
  return 0;
}

/* A copy of the 2017 built-in policy made with the builder, with its seats
 * per session replaced (or not, when seats < 0) and its id replaced (or not,
 * when id is NULL). */
static oi_policy *copy_2017(int seats, const char *id)
{
  oi_policy *p = tu_builtin_2017(), *q = NULL;
  oi_policy_builder *b = NULL;
  oi_policy_numbers num = OI_POLICY_NUMBERS_INIT;
  size_t i;

  ck_assert_int_eq(oi_policy_get_numbers(p, &num, NULL), OI_OK);
  if (seats >= 0)
    num.seats_per_session = seats;
  ck_assert_int_eq(oi_policy_builder_new(&b, id ? id : oi_policy_id(p), &num, NULL), OI_OK);
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
  oi_policy_builder_free(b);
  oi_policy_free(p);
  return q;
}

/* Column of the value of "policy" in line 1 (the head is compact). */
static int policy_value_column(const char *text)
{
  const char *hit = strstr(text, "\"policy\":");
  ck_assert_ptr_nonnull(hit);
  ck_assert_ptr_null(memchr(text, '\n', (size_t)(hit - text)));
  return (int)(hit - text) + 9 + 1;
}

START_TEST(test_snapshot_under_the_2018_policy_is_emismatch)
{
  oi_policy *p2018 = load_example_2018();

  EXPECT_LEDGER_ERROR(p2018, se_text, se_length, OI_EMISMATCH, 1,
                      policy_value_column(se_text), "policy");
  oi_policy_free(p2018);
}
END_TEST

START_TEST(test_snapshot_under_a_changed_copy_is_emismatch)
{
  /* Same id, one number changed: another digest, so another policy. */
  oi_policy *changed = copy_2017(11, NULL);
  oi_policy *same = copy_2017(-1, NULL);
  oi_policy *renamed = copy_2017(-1, "iatse-officer-institute-2017-renamed");
  oi_ledger *l;

  ck_assert_str_eq(oi_policy_id(changed), oi_policy_id(se_policy));
  ck_assert_str_ne(oi_policy_digest(changed), oi_policy_digest(se_policy));
  EXPECT_LEDGER_ERROR(changed, se_text, se_length, OI_EMISMATCH, 1,
                      policy_value_column(se_text), "policy");

  /* The same content under another id has the same digest, but the id is
   * part of what the snapshot names: still another policy. */
  ck_assert_str_eq(oi_policy_digest(renamed), oi_policy_digest(se_policy));
  EXPECT_LEDGER_ERROR(renamed, se_text, se_length, OI_EMISMATCH, 1,
                      policy_value_column(se_text), "policy");

  /* A copy with the same id and content is the same policy: it loads. */
  ck_assert_str_eq(oi_policy_digest(same), oi_policy_digest(se_policy));
  l = ledger_from_text(same, se_text, se_length);
  assert_same_ledgers(se_ledger, l);
  oi_ledger_free(l);
  oi_policy_free(renamed);
  oi_policy_free(same);
  oi_policy_free(changed);
}
END_TEST

START_TEST(test_tampered_event_outcome_is_eschema_at_the_outcome)
{
  /* The first award decided: recorded as refused instead, the replay
   * disagrees at that event's outcome, and the message gives both values.
   * "awarded" and "refused" have the same length, so nothing else moves. */
  oi_event ev = OI_EVENT_INIT;
  const size_t nreq = oi_ledger_count(se_ledger);
  const size_t k = find_event(se_ledger, OI_EVENT_DECIDED, OI_OUTCOME_AWARDED, OI_REASON_NONE,
                              &ev);
  const size_t at = line_start(se_text, event_line(nreq, k));
  char *needle = xsprintf("\"request\":\"%s\"", ev.request_id), *text;
  size_t len, o;

  find_in_line(se_text, at, needle);
  o = find_in_line(se_text, at, "\"outcome\":\"awarded\"");
  text = splice(se_text, se_length, o, strlen("\"outcome\":\"awarded\""),
                "\"outcome\":\"refused\"", &len);
  {
    char path[48];
    oi_ledger *out = NULL;
    oi_error e;

    snprintf(path, sizeof path, "events[%zu].outcome", k);
    EXPECT_LEDGER_ERROR(se_policy, text, len, OI_ESCHEMA, event_line(nreq, k),
                        (int)(o - at) + 10 + 1, path);
    memset(&e, 0, sizeof e);
    ck_assert_int_eq(oi_ledger_from_json(se_policy, text, len, &out, &e), OI_ESCHEMA);
    ck_assert_msg(strstr(e.message, "recorded as refused, but the policy gives awarded") != NULL,
                  "%s", e.message);
  }
  free(needle);
  free(text);
}
END_TEST

START_TEST(test_tampered_event_nights_name_the_member_and_both_values)
{
  /* The first award of 5 nights, recorded as 4: the error is at the nights
   * value and says 4 was recorded where the policy gives 5. */
  oi_event ev = OI_EVENT_INIT;
  const size_t nreq = oi_ledger_count(se_ledger);
  size_t k, at, o, len;
  char *text, path[48];
  oi_ledger *out = NULL;
  oi_error e;

  for (k = 0; k < oi_ledger_event_count(se_ledger); k++) {
    ck_assert_int_eq(oi_ledger_event(se_ledger, k, &ev, NULL), OI_OK);
    if (ev.type == OI_EVENT_DECIDED && ev.outcome == OI_OUTCOME_AWARDED && ev.nights == 5)
      break;
  }
  ck_assert_uint_lt(k, oi_ledger_event_count(se_ledger));
  at = line_start(se_text, event_line(nreq, k));
  o = find_in_line(se_text, at, "\"nights\":5");
  text = splice(se_text, se_length, o, strlen("\"nights\":5"), "\"nights\":4", &len);
  snprintf(path, sizeof path, "events[%zu].nights", k);
  EXPECT_LEDGER_ERROR(se_policy, text, len, OI_ESCHEMA, event_line(nreq, k),
                      (int)(o - at) + 9 + 1, path);
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_ledger_from_json(se_policy, text, len, &out, &e), OI_ESCHEMA);
  ck_assert_msg(strstr(e.message, "nights: recorded as 4, but the policy gives 5") != NULL,
                "%s", e.message);
  free(text);
}
END_TEST

START_TEST(test_tampered_reason_values_are_eschema_at_the_value)
{
  /* The first request waitlisted for lack of seats (S4): its reason says
   * "values":[10,10,0,0] (10 seats, 10 awarded). Recorded as [10,11,0,0],
   * the replay disagrees at events[k].reasons[0].values[1], the 11, and the
   * message gives both values. */
  oi_event ev = OI_EVENT_INIT;
  const size_t nreq = oi_ledger_count(se_ledger);
  const size_t k = find_event(se_ledger, OI_EVENT_DECIDED, OI_OUTCOME_WAITLISTED,
                              OI_REASON_SEATS_TAKEN, &ev);
  const size_t at = line_start(se_text, event_line(nreq, k));
  size_t len, o, r;
  char *text, path[48];

  ck_assert_int_eq(ev.reasons[0].value[0], 10);
  ck_assert_int_eq(ev.reasons[0].value[1], 10);
  o = find_in_line(se_text, at, "\"values\":[10,10,0,0]");
  r = find_in_line(se_text, at, "\"reasons\":[");
  text = splice(se_text, se_length, o, strlen("\"values\":[10,10,0,0]"),
                "\"values\":[10,11,0,0]", &len);
  snprintf(path, sizeof path, "events[%zu].reasons[0].values[1]", k);
  ck_assert_uint_lt(r, o);
  EXPECT_LEDGER_ERROR(se_policy, text, len, OI_ESCHEMA, event_line(nreq, k),
                      (int)(o - at) + 13 + 1, path);
  {
    oi_ledger *out = NULL;
    oi_error e;
    memset(&e, 0, sizeof e);
    ck_assert_int_eq(oi_ledger_from_json(se_policy, text, len, &out, &e), OI_ESCHEMA);
    ck_assert_msg(strstr(e.message, "recorded as 11, but the policy gives 10 (S4 SEATS_TAKEN)") !=
                      NULL,
                  "%s", e.message);
  }
  free(text);
}
END_TEST

START_TEST(test_every_member_of_a_snapshot_is_required)
{
  /* Members that may be null must still be there: a request's officer name
   * and receipts, a reason's session and its message. Each removed, the
   * snapshot is refused, naming the member, at the object that lacks it. */
  static const struct {
    const char *needle; /* with the comma before or after it */
    const char *member;
    int reason;
  } cases[] = {
    { ",\"receipts_cents\":null", "local.receipts_cents", 0 },
    { ",\"name\":null", "officer.name", 0 },
    { "\"session\":\"OI-2017-MD\",", "session", 1 },
    { ",\"message\":\"", "message", 1 },
  };
  const size_t nreq = oi_ledger_count(se_ledger);
  size_t c;

  for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
    const char *hit = NULL;
    size_t i, at = 0, o, n = strlen(cases[c].needle), len;
    char *text, path[64];
    oi_ledger *out = NULL;
    oi_error e;

    /* The first request line (or event line with a reason) holding it. */
    for (i = 0; hit == NULL; i++) {
      const int line = cases[c].reason ? event_line(nreq, i) : request_line(i);
      const char *eol;
      ck_assert_uint_lt(i, cases[c].reason ? oi_ledger_event_count(se_ledger) : nreq);
      at = line_start(se_text, line);
      eol = strchr(se_text + at, '\n');
      hit = strstr(se_text + at, cases[c].needle);
      if (hit != NULL && eol != NULL && hit > eol)
        hit = NULL;
    }
    i--;
    o = (size_t)(hit - se_text);
    if (cases[c].reason) {
      /* Cut the member whole: for the message, up to its closing quote. */
      const char *end = strchr(hit + n, '"');
      ck_assert_ptr_nonnull(end);
      if (strcmp(cases[c].member, "message") == 0)
        n = (size_t)(end - hit) + 1;
      snprintf(path, sizeof path, "events[%zu].reasons[0].%s", i, cases[c].member);
    } else {
      snprintf(path, sizeof path, "requests[%zu].%s", i, cases[c].member);
    }
    text = splice(se_text, se_length, o, n, "", &len);
    memset(&e, 0, sizeof e);
    ck_assert_int_eq(oi_ledger_from_json(se_policy, text, len, &out, &e), OI_ESCHEMA);
    ck_assert_ptr_null(out);
    ck_assert_str_eq(e.path, path);
    ck_assert_msg(strstr(e.message, "missing field") != NULL, "%s", e.message);
    free(text);
  }
}
END_TEST

START_TEST(test_tampered_request_status_is_eschema_at_the_status)
{
  /* The first awarded request, recorded as refused: every event replays,
   * but the request's status disagrees; the error is at the status value. */
  const size_t n = oi_ledger_count(se_ledger);
  size_t i, at, o, len;
  oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
  char *text, path[48];

  for (i = 0; i < n; i++) {
    ck_assert_int_eq(oi_ledger_get_by_number(se_ledger, i + 1, &e, NULL), OI_OK);
    if (e.status == OI_OUTCOME_AWARDED)
      break;
  }
  ck_assert_uint_lt(i, n);
  at = line_start(se_text, request_line(i));
  o = find_in_line(se_text, at, "\"status\":\"awarded\"");
  text = splice(se_text, se_length, o, strlen("\"status\":\"awarded\""), "\"status\":\"refused\"",
                &len);
  snprintf(path, sizeof path, "requests[%zu].status", i);
  EXPECT_LEDGER_ERROR(se_policy, text, len, OI_ESCHEMA, request_line(i),
                      (int)(o - at) + 9 + 1, path);
  free(text);
}
END_TEST

START_TEST(test_removed_request_is_eschema_at_its_entry_event)
{
  /* Request 30's line removed: the history still enters it, and that entry
   * is the first event that does not match the requests (events[j], one
   * line higher than before, since a request line is gone). */
  const size_t nreq = oi_ledger_count(se_ledger), i = 30;
  oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
  size_t at, end, j, len;
  char *text, path[32];
  oi_event ev = OI_EVENT_INIT;

  ck_assert_int_eq(oi_ledger_get_by_number(se_ledger, i + 1, &e, NULL), OI_OK);
  for (j = 0; j < oi_ledger_event_count(se_ledger); j++) {
    ck_assert_int_eq(oi_ledger_event(se_ledger, j, &ev, NULL), OI_OK);
    if (ev.type == OI_EVENT_ENTERED && strcmp(ev.request_id, e.id) == 0)
      break;
  }
  at = line_start(se_text, request_line(i));
  end = line_start(se_text, request_line(i) + 1);
  text = splice(se_text, se_length, at, end - at, "", &len);
  snprintf(path, sizeof path, "events[%zu]", j);
  EXPECT_LEDGER_ERROR(se_policy, text, len, OI_ESCHEMA, event_line(nreq - 1, j), 1, path);
  free(text);
}
END_TEST

START_TEST(test_invalid_request_fields_are_eschema_at_the_field)
{
  /* requests[5] with district 14 (U1: 1..13), then with a session the
   * policy does not have: each error is at the value of that member. */
  const size_t i = 5;
  const size_t at = line_start(se_text, request_line(i));
  oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
  size_t o, len;
  char *old, *text, path[48];

  ck_assert_int_eq(oi_ledger_get_by_number(se_ledger, i + 1, &e, NULL), OI_OK);
  old = xsprintf("\"district\":%d,", e.district);
  o = find_in_line(se_text, at, old);
  text = splice(se_text, se_length, o, strlen(old), "\"district\":14,", &len);
  snprintf(path, sizeof path, "requests[%zu].local.district", i);
  EXPECT_LEDGER_ERROR(se_policy, text, len, OI_ESCHEMA, request_line(i),
                      (int)(o - at) + 11 + 1, path);
  free(text);
  free(old);

  old = xsprintf("\"session\":\"%s\"", e.session_id);
  o = find_in_line(se_text, at, old);
  text = splice(se_text, se_length, o, strlen(old), "\"session\":\"NO-SUCH\"", &len);
  snprintf(path, sizeof path, "requests[%zu].session", i);
  EXPECT_LEDGER_ERROR(se_policy, text, len, OI_ESCHEMA, request_line(i),
                      (int)(o - at) + 10 + 1, path);
  free(text);
  free(old);
}
END_TEST

START_TEST(test_truncated_snapshot_is_eparse)
{
  /* Cut after the newline that ends event 2's line: the input ends at
   * column 0 of the next line. Cut inside the first request's id string
   * ("{\"id\":\"s-0000\"": the string opens at column 7) after its first two
   * characters: jansson points at the last one read, column 9. */
  const size_t nreq = oi_ledger_count(se_ledger);
  const size_t cut = line_start(se_text, event_line(nreq, 3));
  const size_t mid = line_start(se_text, request_line(0)) + 9;

  EXPECT_LEDGER_ERROR(se_policy, se_text, cut, OI_EPARSE, event_line(nreq, 3), 0, "");
  ck_assert_msg(strncmp(se_text + line_start(se_text, 2), "{\"id\":\"s-0000\"", 14) == 0,
                "unexpected first request line");
  EXPECT_LEDGER_ERROR(se_policy, se_text, mid, OI_EPARSE, 2, 9, "");
}
END_TEST

START_TEST(test_unknown_field_in_snapshot_is_eschema_at_its_key)
{
  /* At the top ("{" then the new key at column 2) and in requests[3]
   * (line 5, the key right after the request's '{'). */
  size_t len, at;
  char *top = splice(se_text, se_length, 1, 0, "\"note\":\"x\",", &len), *req;

  EXPECT_LEDGER_ERROR(se_policy, top, len, OI_ESCHEMA, 1, 2, "note");
  at = line_start(se_text, request_line(3));
  req = splice(se_text, se_length, at + 1, 0, "\"extra\":1,", &len);
  EXPECT_LEDGER_ERROR(se_policy, req, len, OI_ESCHEMA, request_line(3), 2, "requests[3].extra");
  free(top);
  free(req);
}
END_TEST

START_TEST(test_wrong_format_or_version_in_snapshot_is_eschema)
{
  /* Line 1 begins {"format":"officerinst-ledger","version":2,"policy":...
   * '{' 1, "format" 2-9, ':' 10, the format value 11-30, ',' 31,
   * "version" 32-40, ':' 41, the version value 42, ',' 43, "policy" 44.
   * Versions 1 and 2 are read; 0 and 3 are not. */
  size_t len, o;
  char *text;

  ck_assert_msg(strncmp(se_text, "{\"format\":\"officerinst-ledger\",\"version\":2,\"policy\":",
                        52) == 0,
                "unexpected snapshot head");
  text = splice(se_text, se_length, 10, 20, "\"officerinst-policy\"", &len);
  EXPECT_LEDGER_ERROR(se_policy, text, len, OI_ESCHEMA, 1, 11, "format");
  free(text);
  o = (size_t)(strstr(se_text, "\"version\":2") - se_text);
  text = splice(se_text, se_length, o, 11, "\"version\":3", &len);
  EXPECT_LEDGER_ERROR(se_policy, text, len, OI_ESCHEMA, 1, 42, "version");
  free(text);
  text = splice(se_text, se_length, o, 11, "\"version\":0", &len);
  EXPECT_LEDGER_ERROR(se_policy, text, len, OI_ESCHEMA, 1, 42, "version");
  free(text);
}
END_TEST

START_TEST(test_policy_document_is_not_a_snapshot)
{
  /* Members are checked before values. A policy document given as a
   * snapshot: the first member a snapshot does not have is "id" (line 4,
   * column 3, in the policy's layout). A snapshot given as a policy
   * document: the first member a policy does not have is "policy", whose
   * key is at column 44 of line 1. */
  size_t n;
  char *policy = policy_text(se_policy, &n);

  EXPECT_LEDGER_ERROR(se_policy, policy, n, OI_ESCHEMA, 4, 3, "id");
  EXPECT_POLICY_ERROR(se_text, OI_ESCHEMA, 1, 44, "policy");
  oi_free(policy);
}
END_TEST

START_TEST(test_snapshot_null_arguments_are_einval)
{
  oi_ledger *out = LEDGER_SENTINEL;
  oi_error e;

  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_ledger_from_json(NULL, se_text, se_length, &out, &e), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_from_json(se_policy, NULL, 0, &out, &e), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_from_json(se_policy, se_text, se_length, NULL, &e), OI_EINVAL);
  ck_assert_ptr_eq(out, LEDGER_SENTINEL);
}
END_TEST

/* ======================================================================== */
/* TCase "files"                                                            */

static char fdir[512];

static void files_setup(void)
{
  const char *tmp = getenv("TMPDIR");

  snprintf(fdir, sizeof fdir, "%s/oi-json-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  ck_assert_msg(mkdtemp(fdir) != NULL, "mkdtemp(%s): %s", fdir, strerror(errno));
}

/* Remove the directory and what the tests left in it (one level, and empty
 * subdirectories). */
static void files_teardown(void)
{
  DIR *d = opendir(fdir);
  struct dirent *de;

  if (d != NULL) {
    while ((de = readdir(d)) != NULL) {
      char *p;
      if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
        continue;
      p = xsprintf("%s/%s", fdir, de->d_name);
      if (unlink(p) != 0)
        rmdir(p);
      free(p);
    }
    closedir(d);
  }
  rmdir(fdir);
}

/* The names in fdir, sorted, joined by spaces. */
static char *dir_listing(void)
{
  char *names[64];
  size_t n = 0, i, j;
  struct sb b = { NULL, 0, 0 };
  DIR *d = opendir(fdir);
  struct dirent *de;

  ck_assert_ptr_nonnull(d);
  while ((de = readdir(d)) != NULL) {
    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
      continue;
    ck_assert_uint_lt(n, 64);
    names[n++] = xsprintf("%s", de->d_name);
  }
  closedir(d);
  for (i = 1; i < n; i++)
    for (j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
      char *t = names[j];
      names[j] = names[j - 1];
      names[j - 1] = t;
    }
  sb_add(&b, "", 0);
  for (i = 0; i < n; i++) {
    sb_printf(&b, "%s%s", i ? " " : "", names[i]);
    free(names[i]);
  }
  return b.d;
}

static mode_t mode_of(const char *path)
{
  struct stat sb;
  ck_assert_msg(stat(path, &sb) == 0, "stat %s: %s", path, strerror(errno));
  return sb.st_mode & 07777;
}

START_TEST(test_policy_save_and_load)
{
  oi_policy *p = load_example_2018(), *q = NULL;
  char *path = xsprintf("%s/policy.json", fdir), *text, *file, *listing;
  size_t n, len;
  oi_error e;

  memset(&e, 0, sizeof e);
  ck_assert_msg(oi_policy_save(p, path, &e) == OI_OK, "save: %s", e.message);
  /* The file holds exactly what oi_policy_to_json writes. */
  text = policy_text(p, &n);
  file = slurp(path, &len);
  ck_assert_ptr_nonnull(file);
  ck_assert_uint_eq(len, n);
  ck_assert_msg(memcmp(file, text, n) == 0, "the file differs from oi_policy_to_json");
  ck_assert_int_eq(oi_policy_load(path, &q, &e), OI_OK);
  assert_same_policy_content(p, q);
  listing = dir_listing();
  ck_assert_str_eq(listing, "policy.json");
  free(listing);
  free(file);
  oi_free(text);
  free(path);
  oi_policy_free(q);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_ledger_save_and_load)
{
  oi_policy *p = tu_builtin_2017();
  struct history h;
  oi_ledger *a = build_ledger(p, 120, UINT64_C(0x5eed0000cafe0004), "f", &h), *b = NULL;
  char *path = xsprintf("%s/ledger.json", fdir), *text, *text2, *listing;
  size_t n, n2;
  oi_error e;

  memset(&e, 0, sizeof e);
  ck_assert_msg(oi_ledger_save(a, path, &e) == OI_OK, "save: %s", e.message);
  ck_assert_msg(oi_ledger_load(p, path, &b, &e) == OI_OK, "load: %s", e.message);
  assert_same_ledgers(a, b);
  text = ledger_text(a, &n);
  text2 = ledger_text(b, &n2);
  ck_assert_uint_eq(n, n2);
  ck_assert_msg(memcmp(text, text2, n) == 0, "the loaded ledger writes different bytes");
  listing = dir_listing();
  ck_assert_str_eq(listing, "ledger.json");
  free(listing);
  oi_free(text);
  oi_free(text2);
  free(path);
  oi_ledger_free(b);
  oi_ledger_free(a);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_loading_a_missing_file_is_eio)
{
  oi_policy *p = tu_builtin_2017(), *pout = POLICY_SENTINEL;
  oi_ledger *lout = LEDGER_SENTINEL;
  char *path = xsprintf("%s/no-such-file.json", fdir);
  oi_error e;

  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_load(path, &pout, &e), OI_EIO);
  ck_assert_int_eq(e.status, OI_EIO);
  ck_assert_msg(e.message[0] != '\0', "no message");
  ck_assert_ptr_eq(pout, POLICY_SENTINEL);
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_ledger_load(p, path, &lout, &e), OI_EIO);
  ck_assert_int_eq(e.status, OI_EIO);
  ck_assert_ptr_eq(lout, LEDGER_SENTINEL);
  free(path);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_loading_a_directory_is_eio)
{
  oi_policy *p = tu_builtin_2017(), *pout = POLICY_SENTINEL;
  oi_ledger *lout = LEDGER_SENTINEL;
  oi_error e;

  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_load(fdir, &pout, &e), OI_EIO);
  ck_assert_int_eq(e.status, OI_EIO);
  ck_assert_ptr_eq(pout, POLICY_SENTINEL);
  ck_assert_int_eq(oi_ledger_load(p, fdir, &lout, &e), OI_EIO);
  ck_assert_ptr_eq(lout, LEDGER_SENTINEL);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_saving_over_a_directory_is_eio_and_leaves_nothing)
{
  /* The target is a directory: the rename fails, the temporary file beside
   * it is removed, and the directory is left as it was. */
  oi_policy *p = tu_builtin_2017();
  char *sub = xsprintf("%s/sub", fdir), *listing;
  struct stat sb;
  oi_error e;

  ck_assert_int_eq(mkdir(sub, 0700), 0);
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_save(p, sub, &e), OI_EIO);
  ck_assert_int_eq(e.status, OI_EIO);
  ck_assert_int_eq(stat(sub, &sb), 0);
  ck_assert(S_ISDIR(sb.st_mode));
  listing = dir_listing();
  ck_assert_str_eq(listing, "sub");
  free(listing);
  free(sub);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_saving_into_a_missing_directory_is_eio)
{
  oi_policy *p = tu_builtin_2017();
  char *path = xsprintf("%s/missing/policy.json", fdir);
  oi_error e;

  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_save(p, path, &e), OI_EIO);
  ck_assert_int_eq(e.status, OI_EIO);
  free(path);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_a_new_file_is_created_0600)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = new_ledger(p);
  char *pp = xsprintf("%s/new-policy.json", fdir), *lp = xsprintf("%s/new-ledger.json", fdir);
  mode_t old = umask(022);

  ck_assert_int_eq(oi_policy_save(p, pp, NULL), OI_OK);
  ck_assert_int_eq(oi_ledger_save(l, lp, NULL), OI_OK);
  umask(old);
  ck_assert_msg(mode_of(pp) == 0600, "policy file mode %o", (unsigned)mode_of(pp));
  ck_assert_msg(mode_of(lp) == 0600, "ledger file mode %o", (unsigned)mode_of(lp));
  free(pp);
  free(lp);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_saving_over_a_file_keeps_its_mode)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = new_ledger(p);
  char *pp = xsprintf("%s/policy.json", fdir), *lp = xsprintf("%s/ledger.json", fdir);
  char *listing, *file, *text;
  size_t len, n;

  spit(pp, "old", 3);
  spit(lp, "old", 3);
  ck_assert_int_eq(chmod(pp, 0644), 0);
  ck_assert_int_eq(chmod(lp, 0640), 0);
  ck_assert_int_eq(oi_policy_save(p, pp, NULL), OI_OK);
  ck_assert_int_eq(oi_ledger_save(l, lp, NULL), OI_OK);
  ck_assert_msg(mode_of(pp) == 0644, "policy file mode %o", (unsigned)mode_of(pp));
  ck_assert_msg(mode_of(lp) == 0640, "ledger file mode %o", (unsigned)mode_of(lp));
  /* And the content is the new one. */
  file = slurp(lp, &len);
  text = ledger_text(l, &n);
  ck_assert_uint_eq(len, n);
  ck_assert_msg(memcmp(file, text, n) == 0, "the saved file is not the snapshot");
  listing = dir_listing();
  ck_assert_str_eq(listing, "ledger.json policy.json");
  free(listing);
  free(file);
  oi_free(text);
  free(pp);
  free(lp);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_repeated_saves_leave_no_temporary_file)
{
  oi_policy *p = tu_builtin_2017();
  struct history h;
  oi_ledger *l = build_ledger(p, 40, UINT64_C(0x5eed0000cafe0005), "t", &h);
  char *lp = xsprintf("%s/ledger.json", fdir), *pp = xsprintf("%s/policy.json", fdir);
  char *listing;
  int i;

  for (i = 0; i < 20; i++) {
    ck_assert_int_eq(oi_ledger_save(l, lp, NULL), OI_OK);
    ck_assert_int_eq(oi_policy_save(p, pp, NULL), OI_OK);
  }
  listing = dir_listing();
  ck_assert_str_eq(listing, "ledger.json policy.json");
  free(listing);
  free(lp);
  free(pp);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_a_malformed_file_reports_its_position)
{
  /* The same document and position as the string-where-integer test, read
   * from a file. */
  char *text = variant(6, "    \"year\": \"2018\",");
  char *path = xsprintf("%s/bad.json", fdir);
  oi_policy *out = POLICY_SENTINEL;
  oi_error e;

  spit(path, text, strlen(text));
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_load(path, &out, &e), OI_ESCHEMA);
  ck_assert_ptr_eq(out, POLICY_SENTINEL);
  ck_assert_int_eq(e.line, 6);
  ck_assert_int_eq(e.column, 13);
  ck_assert_str_eq(e.path, "numbers.year");
  free(path);
  free(text);
}
END_TEST

START_TEST(test_save_argument_errors)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = new_ledger(p);
  char *slash = xsprintf("%s/", fdir), *listing;
  oi_error e;

  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_save(p, NULL, &e), OI_EINVAL);
  ck_assert_int_eq(oi_policy_save(NULL, slash, &e), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_save(l, NULL, &e), OI_EINVAL);
  ck_assert_int_eq(oi_ledger_save(NULL, slash, &e), OI_EINVAL);
  /* A path that names a directory by its trailing slash names no file. */
  e.status = OI_OK;
  ck_assert_int_ne(oi_policy_save(p, slash, &e), OI_OK);
  ck_assert_int_ne(e.status, OI_OK);
  ck_assert_int_ne(oi_policy_save(p, "", &e), OI_OK);
  listing = dir_listing();
  ck_assert_str_eq(listing, "");
  free(listing);
  free(slash);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

/* ======================================================================== */
/* TCase "policy-seats": a session's own seats in a policy document (S4)    */

START_TEST(test_session_seats_3_loads_and_is_written_back)
{
  /* S-A sets 3 seats; S-B (a 2.0) has none of its own. */
  char *text = variant(20, "     \"countries\": [\"US\"], \"courses\": [\"OI-1.0\"], \"seats\": 3},");
  oi_policy *p = policy_from_text(text, strlen(text)), *q;
  char *again;
  size_t n;

  ck_assert_int_eq(oi_policy_session_seats(p, 0), 3);
  ck_assert_int_eq(oi_policy_session_seats(p, 1), 0);
  again = policy_text(p, &n);
  ck_assert_msg(strstr(again, "\"seats\": 3") != NULL, "not written: %s", again);
  ck_assert_msg(strstr(strstr(again, "\"seats\": 3") + 1, "\"seats\"") == NULL,
                "a session without its own seats is written with seats: %s", again);
  q = policy_from_text(again, n);
  ck_assert_str_eq(oi_policy_digest(q), oi_policy_digest(p));
  ck_assert_int_eq(oi_policy_session_seats(q, 0), 3);
  oi_free(again);
  oi_policy_free(q);
  oi_policy_free(p);
  free(text);
}
END_TEST

START_TEST(test_session_seats_0_and_null_load)
{
  char *text = variant(20, "     \"countries\": [\"US\"], \"courses\": [\"OI-1.0\"], \"seats\": 0},");
  oi_policy *p = policy_from_text(text, strlen(text));
  ck_assert_int_eq(oi_policy_session_seats(p, 0), 0);
  oi_policy_free(p);
  free(text);
  /* null is the same as absent: the policy's seats */
  text = variant(20, "     \"countries\": [\"US\"], \"courses\": [\"OI-1.0\"], \"seats\": null},");
  p = policy_from_text(text, strlen(text));
  ck_assert_int_eq(oi_policy_session_seats(p, 0), 12);
  oi_policy_free(p);
  free(text);
}
END_TEST

START_TEST(test_session_seats_negative_or_a_string_is_eschema_at_the_value)
{
  /* "     \"countries\": [\"US\"], \"courses\": [\"OI-1.0\"], \"seats\": -1},":
   * 5 spaces, "countries" 6-16, ... "seats" 50-56, ':' 57, ' ' 58, value 59. */
  char *text = variant(20, "     \"countries\": [\"US\"], \"courses\": [\"OI-1.0\"], \"seats\": -1},");
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 20, 59, "sessions[0].seats");
  free(text);
  text = variant(20, "     \"countries\": [\"US\"], \"courses\": [\"OI-1.0\"], \"seats\": \"3\"},");
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 20, 59, "sessions[0].seats");
  free(text);
  text = variant(20, "     \"countries\": [\"US\"], \"courses\": [\"OI-1.0\"], \"seats\": 100001},");
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 20, 59, "sessions[0].seats");
  free(text);
}
END_TEST

START_TEST(test_session_seats_on_a_2_0_session_is_eschema_s1)
{
  /* S-B gives only ORG-2.0: no subsidy, so no seats (S1). The builder's
   * error is restated at the session. */
  char *text = variant(23, "     \"countries\": [\"US\", \"CA\"], \"courses\": [\"ORG-2.0\"], \"seats\": 2}");
  oi_policy *out = NULL;
  oi_error e;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_policy_from_json(text, strlen(text), &out, &e), OI_ESCHEMA);
  ck_assert_str_eq(e.path, "sessions[1].seats");
  ck_assert_msg(strstr(e.message, "S1") != NULL, "%s", e.message);
  ck_assert_ptr_null(out);
  free(text);
  text = variant(23, "     \"countries\": [\"US\", \"CA\"], \"courses\": [\"ORG-2.0\"], \"seats\": 0}");
  out = policy_from_text(text, strlen(text));
  oi_policy_free(out);
  free(text);
}
END_TEST

/* ======================================================================== */
/* TCase "policy-years": a catalogue may span calendar years (U3)           */

START_TEST(test_session_outside_the_policy_year_loads_and_round_trips)
{
  /* sessions[1] in 2019 under a 2018 policy: a catalogue may span years
   * (U3; S5 and S9 count each session's own year). */
  char *text = variant(22, "     \"first_day\": \"2019-01-14\", \"last_day\": \"2019-01-16\",");
  oi_policy *p = policy_from_text(text, strlen(text)), *q;
  oi_policy_numbers n = OI_POLICY_NUMBERS_INIT;
  oi_session s = OI_SESSION_INIT;
  char *again;
  size_t len;

  ck_assert_int_eq(oi_policy_get_numbers(p, &n, NULL), OI_OK);
  ck_assert_int_eq(n.year, 2018);
  ck_assert_int_eq(oi_policy_session(p, 1, &s, NULL), OI_OK);
  ck_assert_int_eq(s.first_day.year, 2019);
  again = policy_text(p, &len);
  q = policy_from_text(again, len);
  ck_assert_str_eq(oi_policy_digest(q), oi_policy_digest(p));
  oi_free(again);
  oi_policy_free(q);
  oi_policy_free(p);
  free(text);
}
END_TEST

START_TEST(test_session_in_year_1_is_eschema_at_first_day)
{
  char *text = variant(22, "     \"first_day\": \"0001-06-13\", \"last_day\": \"0001-06-15\",");
  EXPECT_POLICY_ERROR(text, OI_ESCHEMA, 22, 19, "sessions[1].first_day");
  free(text);
}
END_TEST

/* ======================================================================== */
/* TCase "snapshot-v2": what version 2 records, and version 1 still loads   */

/* A small ledger under 2017 with each new thing in it: r1 awarded, r2 the
 * same officer (S9, naming r1), md-1..md-9 then w waitlisted (nights 0, 5 if
 * awarded), then r1 withdrawn, which promotes w. */
static oi_ledger *v2_ledger(const oi_policy *p)
{
  oi_ledger *l = NULL;
  oi_subsidy_request r;
  char id[16], officer[16];
  uint32_t k;

  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  tu_default_request(&r);
  r.id = "r1";
  r.received = tu_dt(2016, 12, 1, 9, 0, 0);
  ck_assert_int_eq(oi_ledger_submit(l, &r, NULL, NULL), OI_OK);
  r.id = "r2";
  r.session_id = "OI-2017-CO";
  ck_assert_int_eq(oi_ledger_submit(l, &r, NULL, NULL), OI_OK);
  r.session_id = "OI-2017-MD";
  for (k = 1; k <= 10; k++) {
    snprintf(id, sizeof id, k < 10 ? "md-%u" : "w", (unsigned)k);
    snprintf(officer, sizeof officer, "o-%u", (unsigned)k);
    r.id = id;
    r.officer.id = officer;
    r.local.number = 100 + k;
    r.nights = 6;
    ck_assert_int_eq(oi_ledger_submit(l, &r, NULL, NULL), OI_OK);
  }
  ck_assert_int_eq(oi_ledger_withdraw(l, "r1", NULL, NULL), OI_OK);
  return l;
}

START_TEST(test_v2_snapshot_records_nights_if_awarded_and_ref_id_and_round_trips)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = v2_ledger(p), *back;
  oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
  size_t len, len2;
  char *text = ledger_text(l, &len), *again;

  ck_assert_msg(strncmp(text, "{\"format\":\"officerinst-ledger\",\"version\":2,", 43) == 0,
                "head: %.60s", text);
  ck_assert_msg(strstr(text, "\"type\":\"decided\",\"request\":\"w\",\"outcome\":\"waitlisted\","
                             "\"nights\":0,\"nights_if_awarded\":5,") != NULL,
                "no nights_if_awarded on the waitlisting of w");
  ck_assert_msg(strstr(text, "\"values\":[2017,1,0,0],\"ref_id\":\"r1\",\"message\"") != NULL,
                "the S9 reason does not name r1");
  ck_assert_msg(strstr(text, "\"ref_id\":null") == NULL, "a reason names no request as null");
  back = ledger_from_text(p, text, len);
  ck_assert_int_eq(oi_ledger_get(back, "r2", &e, NULL), OI_OK);
  ck_assert_str_eq(e.reasons[0].ref_id, "r1");
  ck_assert_int_eq(oi_ledger_get(back, "w", &e, NULL), OI_OK);
  ck_assert_int_eq(e.status, OI_OUTCOME_AWARDED);
  ck_assert_int_eq(e.nights, 5);
  again = ledger_text(back, &len2);
  ck_assert_uint_eq(len, len2);
  ck_assert(memcmp(text, again, len) == 0);
  oi_free(again);
  oi_free(text);
  oi_ledger_free(back);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_v2_tampered_nights_if_awarded_is_eschema_at_the_member)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = v2_ledger(p);
  const char *needle = "\"nights_if_awarded\":5,\"reasons\":[{\"clause\":\"S4\"";
  size_t len, len2, o, at;
  char *text = ledger_text(l, &len), *bad, path[48];
  oi_event ev = OI_EVENT_INIT;
  size_t k;

  k = find_event(l, OI_EVENT_DECIDED, OI_OUTCOME_WAITLISTED, OI_REASON_SEATS_TAKEN, &ev);
  at = line_start(text, event_line(oi_ledger_count(l), k));
  o = find_in_line(text, at, needle);
  bad = splice(text, len, o, strlen("\"nights_if_awarded\":5"), "\"nights_if_awarded\":4",
               &len2);
  snprintf(path, sizeof path, "events[%zu].nights_if_awarded", k);
  EXPECT_LEDGER_ERROR(p, bad, len2, OI_ESCHEMA, event_line(oi_ledger_count(l), k),
                      (int)(o - at) + 21, path);
  free(bad);
  /* a version 2 decided event must record it */
  bad = splice(text, len, o, strlen("\"nights_if_awarded\":5,"), "", &len2);
  snprintf(path, sizeof path, "events[%zu].nights_if_awarded", k);
  EXPECT_LEDGER_ERROR(p, bad, len2, OI_ESCHEMA, event_line(oi_ledger_count(l), k), 1, path);
  free(bad);
  oi_free(text);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_v2_tampered_ref_id_is_eschema_at_the_ref_id)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = v2_ledger(p);
  size_t len, len2, o, r, at, k;
  char *text = ledger_text(l, &len), *bad, path[48];
  oi_event ev = OI_EVENT_INIT;

  k = find_event(l, OI_EVENT_DECIDED, OI_OUTCOME_REFUSED, OI_REASON_OFFICER_ALREADY_SUBSIDIZED,
                 &ev);
  at = line_start(text, event_line(oi_ledger_count(l), k));
  o = find_in_line(text, at, "\"ref_id\":\"r1\"");
  r = find_in_line(text, at, "\"reasons\":[");
  /* altered: the error is at the member, with both values */
  snprintf(path, sizeof path, "events[%zu].reasons[0].ref_id", k);
  bad = splice(text, len, o, strlen("\"ref_id\":\"r1\""), "\"ref_id\":\"md-1\"", &len2);
  EXPECT_LEDGER_ERROR(p, bad, len2, OI_ESCHEMA, event_line(oi_ledger_count(l), k),
                      (int)(o - at) + 9 + 1, path);
  free(bad);
  /* removed: the replay names r1, the record names nothing */
  bad = splice(text, len, o - 1, strlen(",\"ref_id\":\"r1\""), "", &len2);
  EXPECT_LEDGER_ERROR(p, bad, len2, OI_ESCHEMA, event_line(oi_ledger_count(l), k),
                      (int)(r - at) + 11 + 1, path);
  free(bad);
  oi_free(text);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_v1_snapshot_loads_and_is_written_as_v2)
{
  /* tests/json/ledger-2017-small.json is version 1; written again it is
   * tests/json/ledger-2017-small-v2.json, which itself writes back as it
   * is. */
  oi_policy *p = tu_builtin_2017();
  char *v1_path = xsprintf("%s/tests/json/ledger-2017-small.json", src_dir());
  char *v2_path = xsprintf("%s/tests/json/ledger-2017-small-v2.json", src_dir());
  size_t n1, n2, n;
  char *v1 = slurp(v1_path, &n1), *v2 = slurp(v2_path, &n2), *text;
  oi_ledger *l;
  oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;

  ck_assert_ptr_nonnull(v1);
  ck_assert_ptr_nonnull(v2);
  ck_assert_msg(strstr(v1, "\"version\":1,") != NULL, "the stored v1 snapshot is not v1");
  l = ledger_from_text(p, v1, n1);
  ck_assert_int_eq(oi_ledger_get(l, "r3", &e, NULL), OI_OK);
  ck_assert_int_eq(e.nights_if_awarded, 4);
  text = ledger_text(l, &n);
  ck_assert_uint_eq(n, n2);
  ck_assert_msg(memcmp(text, v2, n) == 0, "v1 rewritten differs from the stored v2");
  oi_free(text);
  oi_ledger_free(l);
  l = ledger_from_text(p, v2, n2);
  text = ledger_text(l, &n);
  ck_assert_uint_eq(n, n2);
  ck_assert(memcmp(text, v2, n) == 0);
  oi_free(text);
  oi_ledger_free(l);
  free(v1);
  free(v2);
  free(v1_path);
  free(v2_path);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_v1_snapshot_with_a_v2_member_is_eschema_unknown_field)
{
  /* Version 1 knows neither nights_if_awarded nor ref_id. */
  oi_policy *p = tu_builtin_2017();
  char *path = xsprintf("%s/tests/json/ledger-2017-small.json", src_dir());
  size_t n, len, o;
  char *v1 = slurp(path, &n), *bad;

  ck_assert_ptr_nonnull(v1);
  o = (size_t)(strstr(v1, "\"outcome\":\"waitlisted\",\"nights\":0,") - v1) +
      strlen("\"outcome\":\"waitlisted\",\"nights\":0,");
  bad = splice(v1, n, o, 0, "\"nights_if_awarded\":4,", &len);
  {
    oi_ledger *out = NULL;
    oi_error e;
    memset(&e, 0, sizeof e);
    ck_assert_int_eq(oi_ledger_from_json(p, bad, len, &out, &e), OI_ESCHEMA);
    ck_assert_str_eq(e.path, "events[5].nights_if_awarded");
    ck_assert_ptr_null(out);
  }
  free(bad);
  free(v1);
  free(path);
  oi_policy_free(p);
}
END_TEST

/* ======================================================================== */

static Suite *json_suite(void)
{
  Suite *s = suite_create("json");
  TCase *tc;

  tc = tcase_create("policy-roundtrip");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_builtin_2017_written_and_loaded_back_has_the_same_digest);
  tcase_add_test(tc, test_builtin_2017_reloaded_decides_every_subsidy_request_alike);
  tcase_add_test(tc, test_builtin_2017_reloaded_decides_every_enrollment_alike);
  tcase_add_test(tc, test_example_2018_loads_with_its_numbers_and_round_trips);
  tcase_add_test(tc, test_example_2018_numbers_feed_the_rules);
  tcase_add_test(tc, test_example_2018_reloaded_decides_alike);
  tcase_add_test(tc, test_to_json_null_arguments_are_einval);
  suite_add_tcase(s, tc);

  tc = tcase_create("policy-errors");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_base_document_loads);
  tcase_add_test(tc, test_truncated_document_is_eparse_at_end_of_input);
  tcase_add_test(tc, test_truncated_inside_a_string_is_eparse_at_its_last_character);
  tcase_add_test(tc, test_trailing_comma_in_object_is_eparse_at_the_closing_brace);
  tcase_add_test(tc, test_trailing_comma_in_array_is_eparse_at_the_closing_bracket);
  tcase_add_test(tc, test_missing_closing_brace_is_eparse_at_end_of_input);
  tcase_add_test(tc, test_string_where_integer_is_eschema_at_the_value);
  tcase_add_test(tc, test_real_where_integer_is_eschema_at_the_value);
  tcase_add_test(tc, test_integer_too_big_for_64_bits_is_eparse);
  tcase_add_test(tc, test_negative_seats_is_eschema_at_the_value);
  tcase_add_test(tc, test_unknown_top_level_field_is_eschema_at_its_key);
  tcase_add_test(tc, test_unknown_field_in_second_session_is_eschema_at_its_key);
  tcase_add_test(tc, test_missing_field_in_session_is_eschema_at_its_object);
  tcase_add_test(tc, test_missing_top_level_field_is_eschema_at_the_root);
  tcase_add_test(tc, test_invalid_date_is_eschema_at_the_value);
  tcase_add_test(tc, test_last_day_before_first_day_is_eschema_at_last_day);
  tcase_add_test(tc, test_institute_session_without_hotel_is_eschema_at_hotel);
  tcase_add_test(tc, test_unknown_course_is_eschema_at_the_course_id);
  tcase_add_test(tc, test_unknown_country_and_kind_are_eschema_at_the_value);
  tcase_add_test(tc, test_session_with_no_country_or_no_course_is_eschema_at_the_array);
  tcase_add_test(tc, test_duplicate_session_ids_is_eschema_at_the_second_id);
  tcase_add_test(tc, test_duplicate_keys_are_eparse);
  tcase_add_test(tc, test_wrong_format_name_is_eschema_at_the_value);
  tcase_add_test(tc, test_version_2_is_eschema_at_the_value);
  tcase_add_test(tc, test_non_object_root_is_eschema_at_the_root);
  tcase_add_test(tc, test_empty_input_is_eparse);
  tcase_add_test(tc, test_escaped_nul_in_a_string_is_eschema_at_the_string);
  tcase_add_test(tc, test_raw_nul_byte_in_a_string_is_eparse);
  suite_add_tcase(s, tc);

  tc = tcase_create("snapshot-roundtrip");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_empty_ledger_round_trips);
  tcase_add_test(tc, test_ledger_of_300_requests_restored_answers_every_query_alike);
  tcase_add_test(tc, test_restored_ledger_decides_the_next_requests_alike);
  tcase_add_test(tc, test_ledger_under_the_2018_example_round_trips);
  tcase_add_test(tc, test_stored_snapshot_loads_with_its_history);
  suite_add_tcase(s, tc);

  tc = tcase_create("snapshot-errors");
  tcase_set_timeout(tc, 60);
  tcase_add_checked_fixture(tc, snapshot_setup, snapshot_teardown);
  tcase_add_test(tc, test_snapshot_under_the_2018_policy_is_emismatch);
  tcase_add_test(tc, test_snapshot_under_a_changed_copy_is_emismatch);
  tcase_add_test(tc, test_tampered_event_outcome_is_eschema_at_the_outcome);
  tcase_add_test(tc, test_tampered_event_nights_name_the_member_and_both_values);
  tcase_add_test(tc, test_tampered_reason_values_are_eschema_at_the_value);
  tcase_add_test(tc, test_every_member_of_a_snapshot_is_required);
  tcase_add_test(tc, test_tampered_request_status_is_eschema_at_the_status);
  tcase_add_test(tc, test_removed_request_is_eschema_at_its_entry_event);
  tcase_add_test(tc, test_invalid_request_fields_are_eschema_at_the_field);
  tcase_add_test(tc, test_truncated_snapshot_is_eparse);
  tcase_add_test(tc, test_unknown_field_in_snapshot_is_eschema_at_its_key);
  tcase_add_test(tc, test_wrong_format_or_version_in_snapshot_is_eschema);
  tcase_add_test(tc, test_policy_document_is_not_a_snapshot);
  tcase_add_test(tc, test_snapshot_null_arguments_are_einval);
  suite_add_tcase(s, tc);

  tc = tcase_create("files");
  tcase_set_timeout(tc, 60);
  tcase_add_checked_fixture(tc, files_setup, files_teardown);
  tcase_add_test(tc, test_policy_save_and_load);
  tcase_add_test(tc, test_ledger_save_and_load);
  tcase_add_test(tc, test_loading_a_missing_file_is_eio);
  tcase_add_test(tc, test_loading_a_directory_is_eio);
  tcase_add_test(tc, test_saving_over_a_directory_is_eio_and_leaves_nothing);
  tcase_add_test(tc, test_saving_into_a_missing_directory_is_eio);
  tcase_add_test(tc, test_a_new_file_is_created_0600);
  tcase_add_test(tc, test_saving_over_a_file_keeps_its_mode);
  tcase_add_test(tc, test_repeated_saves_leave_no_temporary_file);
  tcase_add_test(tc, test_a_malformed_file_reports_its_position);
  tcase_add_test(tc, test_save_argument_errors);
  suite_add_tcase(s, tc);

  tc = tcase_create("limits");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_string_of_1024_bytes_passes_the_document_limit);
  tcase_add_test(tc, test_string_of_1025_bytes_is_elimit_at_the_string);
  tcase_add_test(tc, test_depth_16_passes_the_limit_depth_17_is_elimit);
  tcase_add_test(tc, test_document_of_max_bytes_loads_one_more_is_elimit);
  tcase_add_test(tc, test_256_prior_sites_load_257_are_elimit);
  tcase_add_test(tc, test_id_of_63_bytes_loads_64_is_eschema);
  tcase_add_test(tc, test_policy_file_over_max_bytes_is_elimit);
  tcase_add_test(tc, test_snapshot_limits_are_elimit);
  suite_add_tcase(s, tc);

  tc = tcase_create("policy-seats");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_session_seats_3_loads_and_is_written_back);
  tcase_add_test(tc, test_session_seats_0_and_null_load);
  tcase_add_test(tc, test_session_seats_negative_or_a_string_is_eschema_at_the_value);
  tcase_add_test(tc, test_session_seats_on_a_2_0_session_is_eschema_s1);
  suite_add_tcase(s, tc);

  tc = tcase_create("policy-years");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_session_outside_the_policy_year_loads_and_round_trips);
  tcase_add_test(tc, test_session_in_year_1_is_eschema_at_first_day);
  suite_add_tcase(s, tc);

  tc = tcase_create("snapshot-v2");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_v2_snapshot_records_nights_if_awarded_and_ref_id_and_round_trips);
  tcase_add_test(tc, test_v2_tampered_nights_if_awarded_is_eschema_at_the_member);
  tcase_add_test(tc, test_v2_tampered_ref_id_is_eschema_at_the_ref_id);
  tcase_add_test(tc, test_v1_snapshot_loads_and_is_written_as_v2);
  tcase_add_test(tc, test_v1_snapshot_with_a_v2_member_is_eschema_unknown_field);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(json_suite());
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
