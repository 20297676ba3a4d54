/*
 * tests/check_batch.c -- requests documents, requests given as fields, and
 * decisions documents (requests.h).
 *
 * TCases:
 *  "load"     the shipped example and every spelling a document may use;
 *             all-or-nothing and per-element modes.
 *  "hostile"  truncated documents, wrong types, huge numbers, deep nesting,
 *             long strings, too many elements, unknown members (with their
 *             suggestions), missing members, another policy: each with its
 *             status, path, element, field, line and column, and nothing
 *             created when the load fails.
 *  "fields"   one element given as field names and text values decides as
 *             the same element of a document; its errors.
 *  "decide"   stateless and ledger decisions; ids the ledger holds; the
 *             decisions document.
 *
 * Documents are written here one element per line: line 1 opens the
 * document, element k is on line 2 + k, and a column is 1 + the offset of
 * the token in the element's own string (found in the test's string).
 */
#define _POSIX_C_SOURCE 200809L

#include "testutil.h"

#include <jansson.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef OI_TEST_SRCDIR
#define OI_TEST_SRCDIR "."
#endif

static char sentinel_storage;
#define BATCH_SENTINEL ((oi_batch *)(void *)&sentinel_storage)

static const char *src_dir(void)
{
  const char *s = getenv("OI_TEST_SRCDIR");
  return s != NULL && s[0] != '\0' ? s : OI_TEST_SRCDIR;
}

static const char head[] = "{\"format\": \"officerinst-requests\", \"version\": 1, \"requests\": [";

static const char base_request[] =
    "{\"id\": \"ID\", \"session\": \"OI-2017-FL\", \"received\": \"2017-06-01 9:00\", "
    "\"nights\": 5, \"attested\": true, \"with_application\": true, \"application_signed\": "
    "true, \"request_signed\": true, \"local\": {\"number\": 22, \"name\": \"IATSE Local 22\", "
    "\"country\": \"US\", \"district\": 3, \"lm_form\": \"LM-3\"}, \"officer\": {\"id\": "
    "\"officer-ID\", \"office\": \"President\"}}";

/* The base request with id, its first "from" replaced by "to" (when from
 * is not NULL). The caller frees it. */
static char *request(const char *id, const char *from, const char *to)
{
  char *s = malloc(sizeof base_request + 2 * strlen(id) + 1);
  const char *b = base_request, *hit;
  size_t n = 0;

  ck_assert_ptr_nonnull(s);
  /* Both "ID"s are the id. */
  while ((hit = strstr(b, "ID")) != NULL) {
    memcpy(s + n, b, (size_t)(hit - b));
    n += (size_t)(hit - b);
    n += (size_t)sprintf(s + n, "%s", id);
    b = hit + 2;
  }
  strcpy(s + n, b);
  if (from != NULL) {
    char *at = strstr(s, from), *t;
    ck_assert_msg(at != NULL, "no \"%s\" in the base request", from);
    t = malloc(strlen(s) + strlen(to) + 1);
    ck_assert_ptr_nonnull(t);
    memcpy(t, s, (size_t)(at - s));
    strcpy(t + (at - s), to);
    strcat(t, at + strlen(from));
    free(s);
    s = t;
  }
  return s;
}

/* A document of the given elements (NULL-terminated), one per line. */
static char *document(const char *first, ...)
{
  va_list ap;
  const char *e;
  size_t n = strlen(head) + 8;
  char *d;

  va_start(ap, first);
  for (e = first; e != NULL; e = va_arg(ap, const char *))
    n += strlen(e) + 3;
  va_end(ap);
  d = malloc(n);
  ck_assert_ptr_nonnull(d);
  strcpy(d, head);
  va_start(ap, first);
  for (e = first; e != NULL; e = va_arg(ap, const char *)) {
    strcat(d, e != first ? ",\n" : "\n");
    strcat(d, e);
  }
  va_end(ap);
  strcat(d, "\n]}");
  return d;
}

/* 1-based column of the first "token" in element text. */
static int column_of(const char *element, const char *token)
{
  const char *hit = strstr(element, token);
  ck_assert_msg(hit != NULL, "no \"%s\" in the element", token);
  return 1 + (int)(hit - element);
}

static oi_policy *policy(void)
{
  return tu_builtin_2017();
}

/* Load text in a mode, expecting failure; the out pointer must stay. */
static oi_error load_fails(const oi_policy *p, const char *text, oi_batch_mode mode,
                           oi_status expected)
{
  oi_batch *b = BATCH_SENTINEL;
  oi_error e;

  memset(&e, TU_SENTINEL, sizeof e);
  ck_assert_msg(oi_batch_from_json(p, text, strlen(text), mode, &b, &e) == expected,
                "status %s (%s), expected %s", oi_status_name(e.status), e.message,
                oi_status_name(expected));
  ck_assert_int_eq(e.status, expected);
  ck_assert_ptr_eq(b, BATCH_SENTINEL);
  ck_assert_msg(e.message[0] != '\0' && memchr(e.message, '\0', sizeof e.message) != NULL,
                "message");
  return e;
}

static oi_batch *load_ok(const oi_policy *p, const char *text, oi_batch_mode mode)
{
  oi_batch *b = NULL;
  oi_error e;

  ck_assert_msg(oi_batch_from_json(p, text, strlen(text), mode, &b, &e) == OI_OK,
                "%s at %d:%d (%s)", e.message, e.line, e.column, e.path);
  ck_assert_ptr_nonnull(b);
  return b;
}

/* Request index of b, copied out; the test fails unless it is a good one. */
static oi_subsidy_request request_at(const oi_batch *b, size_t index)
{
  oi_subsidy_request r = OI_SUBSIDY_REQUEST_INIT;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_batch_get_request(b, index, &r, &e);
  ck_assert_msg(st == OI_OK, "request %zu: %s (%s)", index, oi_status_name(st), e.message);
  return r;
}

/* Application index of b, copied out; the test fails unless it is a good one. */
static oi_application application_at(const oi_batch *b, size_t index)
{
  oi_application a = OI_APPLICATION_INIT;
  oi_error e;
  oi_status st;

  memset(&e, 0, sizeof e);
  st = oi_batch_get_application(b, index, &a, &e);
  ck_assert_msg(st == OI_OK, "application %zu: %s (%s)", index, oi_status_name(st), e.message);
  return a;
}

/* What copying request index out of b returns: OI_ESTATE for a bad one,
 * OI_ENOTFOUND past the end. */
static oi_status request_status(const oi_batch *b, size_t index)
{
  oi_subsidy_request r = OI_SUBSIDY_REQUEST_INIT;
  return oi_batch_get_request(b, index, &r, NULL);
}

/* As request_status(), for applications. */
static oi_status application_status(const oi_batch *b, size_t index)
{
  oi_application a = OI_APPLICATION_INIT;
  return oi_batch_get_application(b, index, &a, NULL);
}

/* One bad element: all-or-nothing fails with its error; per element keeps
 * it with the same error. */
static oi_error element_fails(const char *element, const char *path, const char *field,
                              oi_expect expected, const char *token)
{
  oi_policy *p = policy();
  char *good = request("G", NULL, NULL);
  char *doc = document(good, element, NULL);
  oi_error e = load_fails(p, doc, OI_BATCH_ALL_OR_NOTHING, OI_ESCHEMA);
  oi_batch *b;
  const oi_error *kept;

  ck_assert_str_eq(e.path, path);
  ck_assert_uint_eq(e.index, 1);
  ck_assert_str_eq(e.field, field);
  ck_assert_msg(e.expected == expected, "expected %s, found %s", oi_expect_name(expected),
                oi_expect_name(e.expected));
  ck_assert_int_eq(e.line, 3);
  if (token != NULL)
    ck_assert_int_eq(e.column, column_of(element, token));
  b = load_ok(p, doc, OI_BATCH_PER_ELEMENT);
  ck_assert_uint_eq(oi_batch_request_count(b), 2);
  ck_assert_uint_eq(oi_batch_error_count(b), 1);
  ck_assert_int_eq(request_status(b, 0), OI_OK);
  ck_assert_ptr_null(oi_batch_request_error(b, 0));
  ck_assert_int_eq(request_status(b, 1), OI_ESTATE);
  kept = oi_batch_request_error(b, 1);
  ck_assert_ptr_nonnull(kept);
  ck_assert_str_eq(kept->path, e.path);
  ck_assert_str_eq(kept->message, e.message);
  ck_assert_int_eq(kept->line, e.line);
  ck_assert_int_eq(kept->column, e.column);
  oi_batch_free(b);
  free(doc);
  free(good);
  oi_policy_free(p);
  return e;
}

/* ---- load ------------------------------------------------------------------- */

START_TEST(test_the_shipped_example_loads_every_element)
{
  oi_policy *p = policy();
  char path[1024];
  oi_subsidy_request r;
  oi_application a;
  oi_batch *b = NULL;
  oi_error e;

  snprintf(path, sizeof path, "%s/examples/requests-2017.json", src_dir());
  ck_assert_msg(oi_batch_load(p, path, OI_BATCH_ALL_OR_NOTHING, &b, &e) == OI_OK, "%s",
                e.message);
  ck_assert_uint_eq(oi_batch_request_count(b), 40);
  ck_assert_uint_eq(oi_batch_application_count(b), 4);
  ck_assert_uint_eq(oi_batch_error_count(b), 0);
  ck_assert_ptr_eq(oi_batch_policy(b), p);
  r = request_at(b, 0);
  ck_assert_str_eq(r.id, "R01");
  ck_assert_str_eq(r.session_id, "OI-2017-MD");
  ck_assert_int_eq(oi_datetime_compare(r.received, tu_dt(2016, 11, 23, 9, 0, 0)), 0);
  ck_assert_int_eq(r.local.country, OI_COUNTRY_US);
  ck_assert_int_eq(r.local.lm_form, OI_LM_3);
  ck_assert_int_eq(r.officer.office, OI_OFFICE_PRESIDENT);
  ck_assert_str_eq(r.officer.name, "Ana Ortiz");
  ck_assert_int_eq(request_at(b, 1).officer.office, OI_OFFICE_SECRETARY_TREASURER);
  /* Local 58: $125,000.00 on record; Local 873: none on record. */
  r = request_at(b, 20);
  ck_assert_uint_eq(r.local.number, 58);
  ck_assert_int_eq(r.local.receipts_known, 1);
  ck_assert_int_eq(r.local.receipts_cents, 12500000);
  r = request_at(b, 26);
  ck_assert_uint_eq(r.local.number, 873);
  ck_assert_int_eq(r.local.receipts_known, 0);
  a = application_at(b, 1);
  ck_assert_str_eq(oi_batch_application_id(b, 1), "A2");
  ck_assert_str_eq(a.course_id, "ORG-2.0");
  ck_assert_uint_eq(a.officer.graduation_count, 1);
  ck_assert_str_eq(a.officer.graduations[0].site, "Toronto");
  ck_assert_int_eq(oi_date_compare(a.officer.graduations[0].date, tu_date(2015, 6, 12)), 0);
  ck_assert_int_eq(request_status(b, 40), OI_ENOTFOUND);
  ck_assert_int_eq(application_status(b, 4), OI_ENOTFOUND);
  oi_batch_free(b);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_a_document_reads_the_spellings_people_type)
{
  oi_policy *p = policy();
  char *r0 = request("a", "\"country\": \"US\", \"district\": 3, \"lm_form\": \"LM-3\"",
                     "\"country\": \"U.S.A.\", \"district\": 3, \"lm_form\": \"form lm4\"");
  char *r1 = request("b", "\"country\": \"US\", \"district\": 3, \"lm_form\": \"LM-3\"",
                     "\"country\": \"Canada\", \"district\": 11, \"receipts\": \"249,999.99\"");
  char *r2 = request("c", "\"office\": \"President\"", "\"office\": \"secretary treasurer\"");
  char *r3 = request("d", "2017-06-01 9:00", "2017-06-01T09:05:30");
  char *doc = document(r0, r1, r2, r3, NULL);
  oi_batch *b = load_ok(p, doc, OI_BATCH_ALL_OR_NOTHING);

  ck_assert_int_eq(request_at(b, 0).local.country, OI_COUNTRY_US);
  ck_assert_int_eq(request_at(b, 0).local.lm_form, OI_LM_4);
  ck_assert_int_eq(request_at(b, 1).local.country, OI_COUNTRY_CA);
  ck_assert_int_eq(request_at(b, 1).local.receipts_cents, 24999999);
  ck_assert_int_eq(request_at(b, 2).officer.office, OI_OFFICE_SECRETARY_TREASURER);
  ck_assert_int_eq(oi_datetime_compare(request_at(b, 3).received,
                                       tu_dt(2017, 6, 1, 9, 5, 30)), 0);
  ck_assert_int_eq(oi_datetime_compare(request_at(b, 0).received,
                                       tu_dt(2017, 6, 1, 9, 0, 0)), 0);
  oi_batch_free(b);
  free(doc);
  free(r0);
  free(r1);
  free(r2);
  free(r3);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_all_or_nothing_reports_the_first_bad_element)
{
  oi_policy *p = policy();
  char *r0 = request("a", NULL, NULL);
  char *r1 = request("b", "\"nights\": 5", "\"nights\": 0");
  char *r2 = request("c", "\"district\": 3", "\"district\": 14");
  char *doc = document(r0, r1, r2, NULL);
  oi_error e = load_fails(p, doc, OI_BATCH_ALL_OR_NOTHING, OI_ESCHEMA);
  oi_batch *b;

  ck_assert_str_eq(e.path, "requests[1].nights");
  ck_assert_int_eq(e.line, 3);
  ck_assert_int_eq(e.column, column_of(r1, "0,"));
  ck_assert_int_eq(e.expected, OI_EXPECT_RANGE);
  /* Per element, both bad ones are kept and the good one read. */
  b = load_ok(p, doc, OI_BATCH_PER_ELEMENT);
  ck_assert_uint_eq(oi_batch_error_count(b), 2);
  ck_assert_str_eq(oi_batch_request_error(b, 2)->path, "requests[2].local.district");
  ck_assert_uint_eq(oi_batch_request_error(b, 2)->index, 2);
  ck_assert_str_eq(oi_batch_request_error(b, 2)->field, "local.district");
  ck_assert_int_eq(oi_batch_request_error(b, 2)->line, 4);
  ck_assert_str_eq(request_at(b, 0).id, "a");
  oi_batch_free(b);
  free(doc);
  free(r0);
  free(r1);
  free(r2);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_applications_are_read_and_checked)
{
  static const char doc[] =
      "{\"format\": \"officerinst-requests\", \"version\": 1, \"applications\": [\n"
      "{\"id\": \"A1\", \"session\": \"ADV-2017-MD\", \"course\": \"ORG-2.0\", \"local\": "
      "{\"number\": 1, \"name\": \"L\", \"country\": \"US\", \"district\": 1}, \"officer\": "
      "{\"id\": \"o\", \"office\": \"BA\", \"graduations\": [{\"site\": \"Toronto\"}, "
      "{\"site\": \"Denver, CO\", \"date\": \"2016-05-20\"}]}},\n"
      "{\"session\": \"ADV-2017-MD\", \"course\": \"ORG-20\", \"local\": {\"number\": 1, "
      "\"name\": \"L\", \"country\": \"US\", \"district\": 1}, \"officer\": {\"id\": \"o\", "
      "\"office\": \"president\"}}\n]}";
  oi_policy *p = policy();
  oi_batch *b = load_ok(p, doc, OI_BATCH_PER_ELEMENT);
  oi_application a = application_at(b, 0);
  const oi_error *e = oi_batch_application_error(b, 1);

  ck_assert_uint_eq(oi_batch_request_count(b), 0);
  ck_assert_uint_eq(oi_batch_application_count(b), 2);
  ck_assert_int_eq(a.officer.office, OI_OFFICE_BUSINESS_AGENT);
  ck_assert_uint_eq(a.officer.graduation_count, 2);
  ck_assert_int_eq(oi_date_is_none(a.officer.graduations[0].date), 1);
  ck_assert_str_eq(a.officer.graduations[1].site, "Denver, CO");
  ck_assert_ptr_nonnull(e);
  ck_assert_str_eq(e->path, "applications[1].course");
  ck_assert_int_eq(e->expected, OI_EXPECT_COURSE);
  ck_assert_str_eq(e->suggestion, "ORG-2.0");
  ck_assert_int_eq(e->line, 3);
  ck_assert_ptr_null(oi_batch_application_id(b, 1));
  oi_batch_free(b);
  oi_policy_free(p);
}
END_TEST

/* ---- hostile ---------------------------------------------------------------- */

START_TEST(test_truncated_documents_are_eparse_in_either_mode)
{
  oi_policy *p = policy();
  char *r = request("a", NULL, NULL);
  char *doc = document(r, NULL);
  size_t n, len = strlen(doc);

  for (n = 0; n < len; n += 7) {
    char *cut = malloc(n + 1);
    oi_batch *b = BATCH_SENTINEL;
    oi_error e;
    oi_status st;
    memcpy(cut, doc, n);
    cut[n] = '\0';
    st = oi_batch_from_json(p, cut, n, OI_BATCH_PER_ELEMENT, &b, &e);
    ck_assert_msg(st == OI_EPARSE, "%zu bytes: %s (%s)", n, oi_status_name(st), e.message);
    ck_assert_ptr_eq(b, BATCH_SENTINEL);
    ck_assert_int_eq(e.expected, OI_EXPECT_SYNTAX);
    free(cut);
  }
  free(doc);
  free(r);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_wrong_types_are_eschema_at_the_value)
{
  char *r;

  r = request("b", "\"nights\": 5", "\"nights\": \"five\"");
  element_fails(r, "requests[1].nights", "nights", OI_EXPECT_INTEGER, "\"five\"");
  free(r);
  r = request("b", "\"nights\": 5", "\"nights\": 5.0");
  element_fails(r, "requests[1].nights", "nights", OI_EXPECT_INTEGER, "5.0");
  free(r);
  r = request("b", "\"attested\": true", "\"attested\": \"yes\"");
  element_fails(r, "requests[1].attested", "attested", OI_EXPECT_BOOLEAN, "\"yes\"");
  free(r);
  r = request("b", "\"received\": \"2017-06-01 9:00\"", "\"received\": 20170601");
  element_fails(r, "requests[1].received", "received", OI_EXPECT_STRING, "20170601");
  free(r);
  r = request("b", "\"country\": \"US\"", "\"country\": 1");
  element_fails(r, "requests[1].local.country", "local.country", OI_EXPECT_STRING, "1,");
  free(r);
  /* Money is text: a JSON number is dollars or cents, and a real one inexact. */
  r = request("b", "\"country\": \"US\", \"district\": 3, \"lm_form\": \"LM-3\"",
              "\"country\": \"CA\", \"district\": 3, \"receipts\": 125000.00");
  element_fails(r, "requests[1].local.receipts", "local.receipts", OI_EXPECT_MONEY, "125000.00");
  free(r);
  element_fails("\"a request\"", "requests[1]", "", OI_EXPECT_OBJECT, NULL);
  element_fails("[]", "requests[1]", "", OI_EXPECT_OBJECT, NULL);
}
END_TEST

START_TEST(test_a_local_that_is_not_an_object_is_eschema)
{
  char *r = request("b", "\"local\": {\"number\": 22, \"name\": \"IATSE Local 22\", "
                    "\"country\": \"US\", \"district\": 3, \"lm_form\": \"LM-3\"}",
                    "\"local\": 22");
  element_fails(r, "requests[1].local", "local", OI_EXPECT_OBJECT, "22,");
  free(r);
}
END_TEST

START_TEST(test_values_out_of_range_are_eschema)
{
  char *r;

  r = request("b", "\"nights\": 5", "\"nights\": 4294967296");
  element_fails(r, "requests[1].nights", "nights", OI_EXPECT_RANGE, "4294967296");
  free(r);
  r = request("b", "\"number\": 22", "\"number\": 0");
  element_fails(r, "requests[1].local.number", "local.number", OI_EXPECT_RANGE, "0,");
  free(r);
  r = request("b", "\"number\": 22", "\"number\": 4294967296");
  element_fails(r, "requests[1].local.number", "local.number", OI_EXPECT_RANGE, "4294967296");
  free(r);
  r = request("b", "\"country\": \"US\", \"district\": 3, \"lm_form\": \"LM-3\"",
              "\"country\": \"CA\", \"district\": 3, \"receipts\": \"$99999999999999999999\"");
  element_fails(r, "requests[1].local.receipts", "local.receipts", OI_EXPECT_MONEY, "\"$9");
  free(r);
  r = request("b", "\"country\": \"US\", \"district\": 3, \"lm_form\": \"LM-3\"",
              "\"country\": \"CA\", \"district\": 3, \"receipts\": \"-$5.00\"");
  element_fails(r, "requests[1].local.receipts", "local.receipts", OI_EXPECT_RANGE, "\"-$5");
  free(r);
  r = request("b", "\"received\": \"2017-06-01 9:00\"", "\"received\": \"2017-02-29 9:00\"");
  element_fails(r, "requests[1].received", "received", OI_EXPECT_DATETIME, "\"2017-02-29");
  free(r);
}
END_TEST

START_TEST(test_an_integer_beyond_64_bits_is_eparse)
{
  oi_policy *p = policy();
  char *r = request("a", "\"nights\": 5", "\"nights\": 99999999999999999999");
  char *doc = document(r, NULL);

  load_fails(p, doc, OI_BATCH_PER_ELEMENT, OI_EPARSE);
  free(doc);
  free(r);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_deep_nesting_and_long_strings_are_elimit)
{
  oi_policy *p = policy();
  char deep[64], *r, *doc, long_id[1100];
  oi_error e;
  int i;

  /* Depth 17: the root, the array and fifteen more. */
  strcpy(deep, "{\"requests\": [");
  for (i = 0; i < 15; i++)
    strcat(deep, "[");
  e = load_fails(p, deep, OI_BATCH_PER_ELEMENT, OI_ELIMIT);
  ck_assert_int_eq(e.expected, OI_EXPECT_LIMIT);
  ck_assert_int_eq(e.column, (int)strlen(deep));
  memset(long_id, 'x', 1025);
  long_id[1025] = '\0';
  r = request(long_id, NULL, NULL);
  doc = document(r, NULL);
  e = load_fails(p, doc, OI_BATCH_PER_ELEMENT, OI_ELIMIT);
  ck_assert_int_eq(e.line, 2);
  free(doc);
  free(r);
  /* An id within the document's limit but over OI_ID_MAX is the element's fault. */
  long_id[64] = '\0';
  r = request(long_id, NULL, NULL);
  element_fails(r, "requests[1].id", "id", OI_EXPECT_LENGTH, "\"xxx");
  free(r);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_a_document_over_the_size_limit_is_elimit)
{
  oi_policy *p = policy();
  char *big = calloc(OI_REQUESTS_DOCUMENT_MAX + 1, 1);
  oi_batch *b = BATCH_SENTINEL;
  oi_error e;

  ck_assert_ptr_nonnull(big);
  ck_assert_int_eq(oi_batch_from_json(p, big, OI_REQUESTS_DOCUMENT_MAX + 1,
                                      OI_BATCH_PER_ELEMENT, &b, &e),
                   OI_ELIMIT);
  ck_assert_ptr_eq(b, BATCH_SENTINEL);
  free(big);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_too_many_elements_are_elimit)
{
  oi_policy *p = policy();
  const size_t n = OI_BATCH_ELEMENTS_MAX + 1;
  char *doc = malloc(2 * n + sizeof head + 8), *q;
  oi_error e;
  size_t i;

  ck_assert_ptr_nonnull(doc);
  q = doc + sprintf(doc, "%s", head);
  for (i = 0; i < n; i++) {
    *q++ = i > 0 ? ',' : ' ';
    *q++ = '0';
  }
  strcpy(q, "]}");
  e = load_fails(p, doc, OI_BATCH_PER_ELEMENT, OI_ELIMIT);
  ck_assert_str_eq(e.path, "requests[1048576]");
  free(doc);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_unknown_members_are_eschema_at_the_key_with_a_suggestion)
{
  oi_policy *p = policy();
  char *r;
  oi_error e;

  r = request("b", "\"session\"", "\"sesion\"");
  e = element_fails(r, "requests[1].sesion", "sesion", OI_EXPECT_FIELD, "\"sesion\"");
  ck_assert_str_eq(e.suggestion, "session");
  ck_assert_str_eq(e.message, "unknown field \"sesion\" in requests[1]; did you mean \"session\"?");
  free(r);
  r = request("b", "\"lm_form\"", "\"lm_from\"");
  e = element_fails(r, "requests[1].local.lm_from", "local.lm_from", OI_EXPECT_FIELD,
                    "\"lm_from\"");
  ck_assert_str_eq(e.suggestion, "lm_form");
  free(r);
  r = request("b", "\"office\"", "\"ofice\"");
  e = element_fails(r, "requests[1].officer.ofice", "officer.ofice", OI_EXPECT_FIELD,
                    "\"ofice\"");
  ck_assert_str_eq(e.suggestion, "office");
  free(r);
  r = request("b", "\"nights\": 5", "\"nights\": 5, \"colour\": \"blue\"");
  e = element_fails(r, "requests[1].colour", "colour", OI_EXPECT_FIELD, "\"colour\"");
  ck_assert_str_eq(e.suggestion, "");
  free(r);
  /* At the top, in either mode. */
  e = load_fails(p, "{\"format\": \"officerinst-requests\", \"version\": 1, \"request\": []}",
                 OI_BATCH_PER_ELEMENT, OI_ESCHEMA);
  ck_assert_str_eq(e.suggestion, "requests");
  ck_assert_int_eq(e.column, 50);
  ck_assert_msg(e.index == OI_ERROR_NO_INDEX, "index");
  oi_policy_free(p);
}
END_TEST

START_TEST(test_unknown_values_say_what_was_meant)
{
  char *r;
  oi_error e;

  r = request("b", "\"OI-2017-FL\"", "\"OI-2017-FM\"");
  e = element_fails(r, "requests[1].session", "session", OI_EXPECT_SESSION, "\"OI-2017-FM\"");
  ck_assert_str_eq(e.suggestion, "OI-2017-FL");
  free(r);
  r = request("b", "\"President\"", "\"Presdent\"");
  e = element_fails(r, "requests[1].officer.office", "officer.office", OI_EXPECT_OFFICE,
                    "\"Presdent\"");
  ck_assert_str_eq(e.suggestion, "president");
  free(r);
  r = request("b", "\"LM-3\"", "\"LM-5\"");
  e = element_fails(r, "requests[1].local.lm_form", "local.lm_form", OI_EXPECT_LM_FORM,
                    "\"LM-5\"");
  ck_assert_msg(strstr(e.message, "expected one of \"none\", \"LM-2\", \"LM-3\", \"LM-4\"") != NULL,
                "%s", e.message);
  free(r);
  r = request("b", "\"country\": \"US\"", "\"country\": \"UK\"");
  e = element_fails(r, "requests[1].local.country", "local.country", OI_EXPECT_COUNTRY,
                    "\"UK\"");
  ck_assert_str_eq(e.suggestion, "");
  free(r);
}
END_TEST

START_TEST(test_missing_members_are_eschema_at_their_object)
{
  char *r;

  r = request("b", "\"session\": \"OI-2017-FL\", ", "");
  element_fails(r, "requests[1].session", "session", OI_EXPECT_VALUE, "{");
  free(r);
  /* S2 reads a U.S. local's form: a request states it. */
  r = request("b", ", \"lm_form\": \"LM-3\"", "");
  element_fails(r, "requests[1].local.lm_form", "local.lm_form", OI_EXPECT_VALUE, "{\"number\"");
  free(r);
  /* And a Canadian local's receipts (null: none on record). */
  r = request("b", "\"country\": \"US\", \"district\": 3, \"lm_form\": \"LM-3\"",
              "\"country\": \"CA\", \"district\": 3");
  element_fails(r, "requests[1].local.receipts", "local.receipts", OI_EXPECT_VALUE,
                "{\"number\"");
  free(r);
  r = request("b", "\"officer\": {\"id\": \"officer-b\", \"office\": \"President\"}",
              "\"officer\": {\"id\": \"officer-b\"}");
  element_fails(r, "requests[1].officer.office", "officer.office", OI_EXPECT_VALUE,
                "{\"id\": \"officer-b\"");
  free(r);
}
END_TEST

START_TEST(test_a_canadian_local_with_null_receipts_has_none_on_record)
{
  oi_policy *p = policy();
  char *r = request("a", "\"country\": \"US\", \"district\": 3, \"lm_form\": \"LM-3\"",
                    "\"country\": \"CA\", \"district\": 3, \"receipts\": null");
  char *doc = document(r, NULL);
  oi_batch *b = load_ok(p, doc, OI_BATCH_ALL_OR_NOTHING);

  ck_assert_int_eq(request_at(b, 0).local.receipts_known, 0);
  oi_batch_free(b);
  free(doc);
  free(r);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_an_id_used_twice_is_eschema_at_the_second)
{
  char *r = request("G", "\"nights\": 5", "\"nights\": 4");
  oi_error e = element_fails(r, "requests[1].id", "id", OI_EXPECT_UNIQUE, "\"G\"");

  ck_assert_str_eq(e.message, "requests[1].id: request \"G\" appears earlier in the batch");
  free(r);
}
END_TEST

START_TEST(test_a_nul_in_a_string_is_eschema)
{
  char *r = request("b", "\"IATSE Local 22\"", "\"IATSE\\u0000Local\"");
  element_fails(r, "requests[1].local.name", "local.name", OI_EXPECT_STRING, "\"IATSE\\u");
  free(r);
}
END_TEST

START_TEST(test_the_document_itself_is_checked_in_either_mode)
{
  oi_policy *p = policy();
  oi_policy *p2018 = NULL;
  char path[1024];
  oi_error e;
  int mode;

  snprintf(path, sizeof path, "%s/examples/policy-2018.json", src_dir());
  ck_assert_int_eq(oi_policy_load(path, &p2018, NULL), OI_OK);
  for (mode = 0; mode < 2; mode++) {
    e = load_fails(p, "[]", (oi_batch_mode)mode, OI_ESCHEMA);
    ck_assert_int_eq(e.expected, OI_EXPECT_OBJECT);
    e = load_fails(p, "{\"format\": \"officerinst-policy\", \"version\": 1, \"requests\": []}",
                   (oi_batch_mode)mode, OI_ESCHEMA);
    ck_assert_str_eq(e.path, "format");
    ck_assert_int_eq(e.expected, OI_EXPECT_FORMAT);
    e = load_fails(p, "{\"format\": \"officerinst-requests\", \"version\": 2, \"requests\": []}",
                   (oi_batch_mode)mode, OI_ESCHEMA);
    ck_assert_str_eq(e.path, "version");
    e = load_fails(p, "{\"format\": \"officerinst-requests\", \"version\": 1}",
                   (oi_batch_mode)mode, OI_ESCHEMA);
    ck_assert_str_eq(e.path, "requests");
    e = load_fails(p, "{\"format\": \"officerinst-requests\", \"version\": 1, \"requests\": {}}",
                   (oi_batch_mode)mode, OI_ESCHEMA);
    ck_assert_int_eq(e.expected, OI_EXPECT_ARRAY);
    e = load_fails(p2018,
                   "{\"format\": \"officerinst-requests\", \"version\": 1, \"policy\": "
                   "\"iatse-officer-institute-2017\", \"requests\": []}",
                   (oi_batch_mode)mode, OI_EMISMATCH);
    ck_assert_str_eq(e.path, "policy");
    ck_assert_int_eq(e.expected, OI_EXPECT_POLICY);
    e = load_fails(p, "", (oi_batch_mode)mode, OI_EPARSE);
    e = load_fails(p, "{\"format\": \"officerinst-requests\", \"format\": \"x\"}",
                   (oi_batch_mode)mode, OI_EPARSE);
  }
  oi_policy_free(p2018);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_null_arguments_and_bad_modes_are_einval)
{
  oi_policy *p = policy();
  oi_batch *b = BATCH_SENTINEL;
  oi_error e;

  ck_assert_int_eq(oi_batch_from_json(NULL, "{}", 2, OI_BATCH_PER_ELEMENT, &b, &e), OI_EINVAL);
  ck_assert_int_eq(oi_batch_from_json(p, NULL, 2, OI_BATCH_PER_ELEMENT, &b, &e), OI_EINVAL);
  ck_assert_int_eq(oi_batch_from_json(p, "{}", 2, OI_BATCH_PER_ELEMENT, NULL, &e), OI_EINVAL);
  ck_assert_int_eq(oi_batch_from_json(p, "{}", 2, (oi_batch_mode)7, &b, &e), OI_EINVAL);
  ck_assert_str_eq(e.field, "mode");
  ck_assert_int_eq(oi_batch_load(p, NULL, OI_BATCH_PER_ELEMENT, &b, &e), OI_EINVAL);
  ck_assert_int_eq(oi_batch_new(p, (oi_batch_mode)-1, &b, &e), OI_EINVAL);
  ck_assert_ptr_eq(b, BATCH_SENTINEL);
  ck_assert_int_eq(oi_batch_check(NULL, &e), OI_EINVAL);
  ck_assert_int_eq(oi_batch_submit(NULL, NULL, &e), OI_EINVAL);
  ck_assert_int_eq(oi_batch_decisions_to_json(NULL, NULL, NULL, &e), OI_EINVAL);
  ck_assert_int_eq(oi_batch_add_request(NULL, NULL, NULL, 0, 0, NULL, &e), OI_EINVAL);
  ck_assert_uint_eq(oi_batch_request_count(NULL), 0);
  ck_assert_uint_eq(oi_batch_error_count(NULL), 0);
  ck_assert_int_eq(request_status(NULL, 0), OI_EINVAL);
  ck_assert_int_eq(application_status(NULL, 0), OI_EINVAL);
  ck_assert_ptr_null(oi_batch_policy(NULL));
  oi_batch_free(NULL);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_files_are_regular_files_only)
{
  oi_policy *p = policy();
  oi_batch *b = BATCH_SENTINEL;
  oi_error e;

  ck_assert_int_eq(oi_batch_load(p, "/nonexistent/requests.json", OI_BATCH_PER_ELEMENT, &b, &e),
                   OI_EIO);
  ck_assert_int_eq(oi_batch_load(p, src_dir(), OI_BATCH_PER_ELEMENT, &b, &e), OI_EIO);
  ck_assert_ptr_eq(b, BATCH_SENTINEL);
  oi_policy_free(p);
}
END_TEST

/* ---- fields ----------------------------------------------------------------- */

static const char *const row_names[] = {
  "id", "session", "received", "nights", "attested", "with_application",
  "application_signed", "request_signed", "local.number", "local.name", "local.country",
  "local.district", "local.lm_form", "local.receipts", "officer.id", "officer.name",
  "officer.office", "officer.graduations",
};
#define ROW_FIELDS (sizeof row_names / sizeof row_names[0])

static const char *const row_values[ROW_FIELDS] = {
  "G", "OI-2017-FL", "2017-06-01 9:00", "5", "yes", "Y", "TRUE", "1", "22", "IATSE Local 22",
  "United States", "3", "LM3", "", "officer-G", "", "president", "",
};

START_TEST(test_fields_make_the_same_request_as_a_document)
{
  oi_policy *p = policy();
  char *r = request("G", NULL, NULL), *doc = document(r, NULL);
  oi_batch *from_doc = load_ok(p, doc, OI_BATCH_ALL_OR_NOTHING), *b = NULL;
  oi_subsidy_request x, y;
  size_t index = 99;
  oi_decision d1 = OI_DECISION_INIT, d2 = OI_DECISION_INIT;
  oi_error e;

  ck_assert_int_eq(oi_batch_new(p, OI_BATCH_ALL_OR_NOTHING, &b, &e), OI_OK);
  ck_assert_msg(oi_batch_add_request(b, row_names, row_values, ROW_FIELDS, 2, &index, &e) ==
                    OI_OK,
                "%s", e.message);
  ck_assert_uint_eq(index, 0);
  x = request_at(from_doc, 0);
  y = request_at(b, 0);
  ck_assert_str_eq(x.id, y.id);
  ck_assert_str_eq(x.session_id, y.session_id);
  ck_assert_int_eq(oi_datetime_compare(x.received, y.received), 0);
  ck_assert_int_eq(x.nights, y.nights);
  ck_assert_int_eq(x.attested + x.with_application + x.application_signed + x.request_signed,
                   y.attested + y.with_application + y.application_signed + y.request_signed);
  ck_assert_uint_eq(x.local.number, y.local.number);
  ck_assert_str_eq(x.local.name, y.local.name);
  ck_assert_int_eq(x.local.country, y.local.country);
  ck_assert_int_eq(x.local.district, y.local.district);
  ck_assert_int_eq(x.local.lm_form, y.local.lm_form);
  ck_assert_int_eq(x.local.receipts_known, y.local.receipts_known);
  ck_assert_str_eq(x.officer.id, y.officer.id);
  ck_assert_ptr_null(y.officer.name);
  ck_assert_int_eq(x.officer.office, y.officer.office);
  ck_assert_int_eq(oi_check_subsidy(p, &x, &d1, NULL), OI_OK);
  ck_assert_int_eq(oi_check_subsidy(p, &y, &d2, NULL), OI_OK);
  ck_assert_int_eq(d1.outcome, d2.outcome);
  ck_assert_uint_eq(d1.reason_count, d2.reason_count);
  oi_batch_free(b);
  oi_batch_free(from_doc);
  free(doc);
  free(r);
  oi_policy_free(p);
}
END_TEST

/* A row with field k's value replaced; its error in per-element mode. */
static oi_error row_fails(const char *name, const char *value, oi_expect expected)
{
  oi_policy *p = policy();
  const char *values[ROW_FIELDS + 1], *names[ROW_FIELDS + 1];
  size_t n = ROW_FIELDS, k, index = 99;
  oi_batch *b = NULL;
  oi_error e, out;

  memcpy(values, row_values, sizeof row_values);
  memcpy(names, row_names, sizeof row_names);
  for (k = 0; k < ROW_FIELDS && strcmp(row_names[k], name) != 0; k++)
    ;
  if (k == ROW_FIELDS)
    names[n++] = name; /* an extra field */
  values[k] = value;
  /* All or nothing: the error, nothing added. */
  ck_assert_int_eq(oi_batch_new(p, OI_BATCH_ALL_OR_NOTHING, &b, NULL), OI_OK);
  memset(&e, TU_SENTINEL, sizeof e);
  ck_assert_msg(oi_batch_add_request(b, names, values, n, 7, &index, &e) == OI_ESCHEMA,
                "%s = \"%s\" was accepted", name, value);
  ck_assert_uint_eq(index, 99);
  ck_assert_uint_eq(oi_batch_request_count(b), 0);
  ck_assert_int_eq(e.line, 7);
  ck_assert_int_eq(e.column, 0);
  ck_assert_uint_eq(e.index, 0);
  ck_assert_int_eq(e.expected, expected);
  oi_batch_free(b);
  /* Per element: kept, and the call succeeds. */
  ck_assert_int_eq(oi_batch_new(p, OI_BATCH_PER_ELEMENT, &b, NULL), OI_OK);
  ck_assert_int_eq(oi_batch_add_request(b, row_names, row_values, ROW_FIELDS, 1, NULL, NULL),
                   OI_OK);
  ck_assert_int_eq(oi_batch_add_request(b, names, values, n, 7, &index, NULL), OI_OK);
  ck_assert_uint_eq(index, 1);
  ck_assert_int_eq(request_status(b, 1), OI_ESTATE);
  out = *oi_batch_request_error(b, 1);
  ck_assert_uint_eq(out.index, 1);
  ck_assert_str_eq(out.field, e.field);
  {
    char path[OI_ERROR_PATH_SIZE + 16];
    snprintf(path, sizeof path, "requests[1]%s%s", e.field[0] != '\0' ? "." : "", e.field);
    ck_assert_str_eq(out.path, path);
  }
  oi_batch_free(b);
  oi_policy_free(p);
  return e;
}

START_TEST(test_field_errors_name_the_field_and_the_line)
{
  oi_error e;

  e = row_fails("nights", "five", OI_EXPECT_INTEGER);
  ck_assert_str_eq(e.path, "requests[0].nights");
  ck_assert_str_eq(e.field, "nights");
  e = row_fails("nights", "99999999999", OI_EXPECT_RANGE);
  e = row_fails("nights", "0", OI_EXPECT_RANGE);
  e = row_fails("attested", "maybe", OI_EXPECT_BOOLEAN);
  e = row_fails("local.district", "14", OI_EXPECT_RANGE);
  e = row_fails("local.country", "Mexico", OI_EXPECT_COUNTRY);
  e = row_fails("officer.office", "Secretery", OI_EXPECT_OFFICE);
  ck_assert_str_eq(e.suggestion, "secretary");
  e = row_fails("received", "2017-06-01 25:00", OI_EXPECT_DATETIME);
  e = row_fails("session", "OI-2017-FM", OI_EXPECT_SESSION);
  ck_assert_str_eq(e.suggestion, "OI-2017-FL");
  ck_assert_str_eq(e.path, "requests[0].session");
  e = row_fails("local.lm_form", "", OI_EXPECT_VALUE);
  ck_assert_str_eq(e.field, "local.lm_form");
  e = row_fails("id", "", OI_EXPECT_VALUE);
  e = row_fails("local.receipts", "12.345", OI_EXPECT_MONEY);
  e = row_fails("sesion", "x", OI_EXPECT_FIELD);
  ck_assert_str_eq(e.suggestion, "session");
  ck_assert_str_eq(e.path, "requests[0].sesion");
  e = row_fails("course", "OI-1.0", OI_EXPECT_FIELD);
}
END_TEST

START_TEST(test_a_field_given_twice_is_eschema)
{
  oi_policy *p = policy();
  const char *names[] = { "id", "id" }, *values[] = { "a", "b" };
  oi_batch *b = NULL;
  oi_error e;

  ck_assert_int_eq(oi_batch_new(p, OI_BATCH_ALL_OR_NOTHING, &b, NULL), OI_OK);
  ck_assert_int_eq(oi_batch_add_request(b, names, values, 2, 3, NULL, &e), OI_ESCHEMA);
  ck_assert_str_eq(e.field, "id");
  ck_assert_int_eq(e.expected, OI_EXPECT_FIELD);
  oi_batch_free(b);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_canadian_receipts_in_fields)
{
  oi_policy *p = policy();
  const char *values[ROW_FIELDS];
  oi_batch *b = NULL;
  oi_error e;

  memcpy(values, row_values, sizeof values);
  values[10] = "CA";
  values[12] = "";
  values[13] = "$125,000";
  ck_assert_int_eq(oi_batch_new(p, OI_BATCH_ALL_OR_NOTHING, &b, NULL), OI_OK);
  ck_assert_msg(oi_batch_add_request(b, row_names, values, ROW_FIELDS, 1, NULL, &e) == OI_OK,
                "%s", e.message);
  ck_assert_int_eq(request_at(b, 0).local.receipts_cents, 12500000);
  values[0] = "H";
  values[13] = "None";
  ck_assert_int_eq(oi_batch_add_request(b, row_names, values, ROW_FIELDS, 2, NULL, &e), OI_OK);
  ck_assert_int_eq(request_at(b, 1).local.receipts_known, 0);
  values[0] = "I";
  values[13] = "";
  ck_assert_int_eq(oi_batch_add_request(b, row_names, values, ROW_FIELDS, 3, NULL, &e),
                   OI_ESCHEMA);
  ck_assert_str_eq(e.field, "local.receipts");
  oi_batch_free(b);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_graduations_in_one_field)
{
  oi_policy *p = policy();
  const char *names[] = { "session", "course", "local.number", "local.name", "local.country",
                          "local.district", "officer.id", "officer.office",
                          "officer.graduations" };
  const char *values[] = { "ADV-2017-MD", "ORG-2.0", "1", "L", "US", "1", "o", "president",
                           " Toronto 2015-06-12 ; Denver, CO;  " };
  oi_application a;
  oi_batch *b = NULL;
  oi_error e;

  ck_assert_int_eq(oi_batch_new(p, OI_BATCH_ALL_OR_NOTHING, &b, NULL), OI_OK);
  ck_assert_msg(oi_batch_add_application(b, names, values, 9, 1, NULL, &e) == OI_OK, "%s",
                e.message);
  a = application_at(b, 0);
  ck_assert_uint_eq(a.officer.graduation_count, 2);
  ck_assert_str_eq(a.officer.graduations[0].site, "Toronto");
  ck_assert_int_eq(oi_date_compare(a.officer.graduations[0].date, tu_date(2015, 6, 12)), 0);
  ck_assert_str_eq(a.officer.graduations[1].site, "Denver, CO");
  ck_assert_int_eq(oi_date_is_none(a.officer.graduations[1].date), 1);
  ck_assert_ptr_null(oi_batch_application_id(b, 0));
  values[8] = "Toronto 2015-02-30";
  ck_assert_int_eq(oi_batch_add_application(b, names, values, 9, 2, NULL, &e), OI_ESCHEMA);
  ck_assert_str_eq(e.field, "officer.graduations");
  ck_assert_int_eq(e.expected, OI_EXPECT_DATE);
  oi_batch_free(b);
  oi_policy_free(p);
}
END_TEST

/* ---- decide ----------------------------------------------------------------- */

/* Two decisions say the same: outcome, request, session, nights, payee,
 * reasons. */
static void assert_same_decision(const oi_decision *a, const oi_decision *b)
{
  size_t k;

  ck_assert_ptr_nonnull(b);
  ck_assert_int_eq(a->outcome, b->outcome);
  if (a->request_id == NULL || b->request_id == NULL)
    ck_assert_ptr_eq(a->request_id, b->request_id);
  else
    ck_assert_str_eq(a->request_id, b->request_id);
  ck_assert_int_eq(a->session, b->session);
  ck_assert_ptr_eq(a->session_id, b->session_id);
  ck_assert_ptr_eq(a->policy_id, b->policy_id);
  ck_assert_int_eq(a->nights_requested, b->nights_requested);
  ck_assert_int_eq(a->nights, b->nights);
  ck_assert_ptr_eq(a->payee, b->payee);
  ck_assert_uint_eq(a->reason_count, b->reason_count);
  for (k = 0; k < a->reason_count; k++) {
    const oi_reason *x = &a->reasons[k], *y = &b->reasons[k];
    ck_assert_int_eq(x->code, y->code);
    ck_assert_int_eq(x->clause, y->clause);
    ck_assert_int_eq(x->severity, y->severity);
    ck_assert_int_eq(x->session, y->session);
    ck_assert_int_eq(memcmp(x->value, y->value, sizeof x->value), 0);
  }
}

static oi_batch *shipped(const oi_policy *p, oi_batch_mode mode)
{
  char path[1024];
  oi_batch *b = NULL;

  snprintf(path, sizeof path, "%s/examples/requests-2017.json", src_dir());
  ck_assert_int_eq(oi_batch_load(p, path, mode, &b, NULL), OI_OK);
  return b;
}

START_TEST(test_check_decides_each_element_as_the_rules_do)
{
  oi_policy *p = policy();
  oi_batch *b = shipped(p, OI_BATCH_ALL_OR_NOTHING);
  size_t i;

  ck_assert_ptr_null(oi_batch_request_decision(b, 0));
  ck_assert_int_eq(oi_batch_check(b, NULL), OI_OK);
  for (i = 0; i < oi_batch_request_count(b); i++) {
    oi_decision d = OI_DECISION_INIT;
    oi_subsidy_request r = request_at(b, i);
    const oi_decision *got = oi_batch_request_decision(b, i);
    ck_assert_int_eq(oi_check_subsidy(p, &r, &d, NULL), OI_OK);
    assert_same_decision(&d, got);
  }
  for (i = 0; i < oi_batch_application_count(b); i++) {
    oi_decision d = OI_DECISION_INIT;
    oi_application a = application_at(b, i);
    ck_assert_int_eq(oi_check_enrollment(p, &a, &d, NULL), OI_OK);
    assert_same_decision(&d, oi_batch_application_decision(b, i));
  }
  ck_assert_int_eq(oi_batch_application_decision(b, 0)->outcome, OI_OUTCOME_REFUSED);
  ck_assert_int_eq(oi_batch_application_decision(b, 1)->outcome, OI_OUTCOME_ADMITTED);
  oi_batch_free(b);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_submit_decides_as_the_ledger_does)
{
  oi_policy *p = policy();
  oi_batch *b = shipped(p, OI_BATCH_ALL_OR_NOTHING);
  oi_ledger *mine = NULL, *theirs = NULL;
  oi_subsidy_request reqs[40];
  oi_decision d[40];
  size_t i;

  for (i = 0; i < 40; i++) {
    reqs[i] = request_at(b, i);
    d[i] = (oi_decision)OI_DECISION_INIT;
  }
  ck_assert_int_eq(oi_ledger_new(p, &mine, NULL), OI_OK);
  ck_assert_int_eq(oi_ledger_new(p, &theirs, NULL), OI_OK);
  ck_assert_int_eq(oi_ledger_submit_many(theirs, reqs, 40, sizeof reqs[0], d, sizeof d[0], NULL),
                   OI_OK);
  ck_assert_int_eq(oi_batch_submit(b, mine, NULL), OI_OK);
  for (i = 0; i < 40; i++)
    assert_same_decision(&d[i], oi_batch_request_decision(b, i));
  ck_assert_int_eq(oi_batch_request_decision(b, 10)->outcome, OI_OUTCOME_WAITLISTED);
  ck_assert_uint_eq(oi_ledger_count(mine), 40);
  oi_ledger_free(mine);
  oi_ledger_free(theirs);
  oi_batch_free(b);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_ids_the_ledger_holds_are_element_errors)
{
  oi_policy *p = policy();
  oi_batch *b = shipped(p, OI_BATCH_ALL_OR_NOTHING);
  oi_ledger *l = NULL;
  const oi_error *kept;
  oi_subsidy_request r;
  oi_error e;

  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  r = request_at(b, 4);
  ck_assert_int_eq(oi_ledger_submit(l, &r, NULL, NULL), OI_OK);
  /* All or nothing: refused, the ledger unchanged. */
  ck_assert_int_eq(oi_batch_submit(b, l, &e), OI_EEXISTS);
  ck_assert_str_eq(e.path, "requests[4].id");
  ck_assert_uint_eq(e.index, 4);
  ck_assert_int_eq(e.expected, OI_EXPECT_UNIQUE);
  ck_assert_uint_eq(oi_ledger_count(l), 1);
  ck_assert_ptr_null(oi_batch_request_decision(b, 0));
  oi_batch_free(b);
  /* Per element: that one is an error, the others are entered. */
  b = shipped(p, OI_BATCH_PER_ELEMENT);
  ck_assert_int_eq(oi_batch_submit(b, l, &e), OI_OK);
  ck_assert_uint_eq(oi_ledger_count(l), 40);
  ck_assert_uint_eq(oi_batch_error_count(b), 1);
  ck_assert_int_eq(request_status(b, 4), OI_ESTATE);
  ck_assert_ptr_null(oi_batch_request_decision(b, 4));
  kept = oi_batch_request_error(b, 4);
  ck_assert_int_eq(kept->status, OI_EEXISTS);
  ck_assert_str_eq(kept->field, "id");
  ck_assert_ptr_nonnull(oi_batch_request_decision(b, 5));
  oi_ledger_free(l);
  oi_batch_free(b);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_a_ledger_on_another_policy_is_emismatch)
{
  oi_policy *p = policy(), *other = policy();
  oi_batch *b = shipped(p, OI_BATCH_ALL_OR_NOTHING);
  oi_ledger *l = NULL;
  oi_error e;

  ck_assert_int_eq(oi_ledger_new(other, &l, NULL), OI_OK);
  ck_assert_int_eq(oi_batch_submit(b, l, &e), OI_EMISMATCH);
  ck_assert_uint_eq(oi_ledger_count(l), 0);
  oi_ledger_free(l);
  oi_batch_free(b);
  oi_policy_free(other);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_the_decisions_document_says_everything)
{
  oi_policy *p = policy();
  char *r0 = request("a", "\"nights\": 5", "\"nights\": 7");
  char *r1 = request("b", "\"OI-2017-FL\"", "\"OI-2017-FM\"");
  char *r2 = request("c", "\"received\": \"2017-06-01 9:00\"", "\"received\": \"2017-09-06 9:00\"");
  char *doc = document(r0, r1, r2, NULL), *text = NULL;
  oi_batch *b = load_ok(p, doc, OI_BATCH_PER_ELEMENT);
  json_t *root, *reqs, *x, *reason;
  json_error_t je;
  size_t length = 0;
  char message[512];
  oi_error e;

  ck_assert_int_eq(oi_batch_decisions_to_json(b, &text, &length, &e), OI_ESTATE);
  ck_assert_ptr_null(text);
  ck_assert_int_eq(oi_batch_check(b, NULL), OI_OK);
  ck_assert_int_eq(oi_batch_decisions_to_json(b, &text, &length, &e), OI_OK);
  ck_assert_uint_eq(strlen(text), length);
  root = json_loadb(text, length, 0, &je);
  ck_assert_msg(root != NULL, "%s", je.text);
  ck_assert_str_eq(json_string_value(json_object_get(root, "format")), "officerinst-decisions");
  ck_assert_str_eq(json_string_value(json_object_get(json_object_get(root, "policy"), "digest")),
                   oi_policy_digest(p));
  ck_assert_str_eq(json_string_value(json_object_get(root, "decided_by")), "rules");
  reqs = json_object_get(root, "requests");
  ck_assert_uint_eq(json_array_size(reqs), 3);
  x = json_array_get(reqs, 0);
  ck_assert_str_eq(json_string_value(json_object_get(x, "request")), "a");
  ck_assert_str_eq(json_string_value(json_object_get(x, "outcome")), "eligible");
  ck_assert_int_eq(json_integer_value(json_object_get(x, "nights")), 5);
  ck_assert_int_eq(json_integer_value(json_object_get(x, "nights_requested")), 7);
  ck_assert_int_eq(json_integer_value(json_object_get(x, "nights_if_awarded")), 5);
  ck_assert_str_eq(json_string_value(json_object_get(x, "payee")),
                   oi_batch_request_decision(b, 0)->payee);
  reason = json_array_get(json_object_get(x, "reasons"), 0);
  ck_assert_str_eq(json_string_value(json_object_get(reason, "clause")), "S3");
  ck_assert_str_eq(json_string_value(json_object_get(reason, "code")), "NIGHTS_LIMITED");
  ck_assert_str_eq(json_string_value(json_object_get(reason, "severity")), "note");
  oi_reason_format(p, &oi_batch_request_decision(b, 0)->reasons[0], message, sizeof message);
  ck_assert_str_eq(json_string_value(json_object_get(reason, "message")), message);
  ck_assert_int_eq(json_integer_value(json_array_get(json_object_get(reason, "values"), 0)), 7);
  x = json_object_get(json_array_get(reqs, 1), "error");
  ck_assert_str_eq(json_string_value(json_object_get(x, "path")), "requests[1].session");
  ck_assert_str_eq(json_string_value(json_object_get(x, "expected")), "session");
  ck_assert_str_eq(json_string_value(json_object_get(x, "suggestion")), "OI-2017-FL");
  ck_assert_int_eq(json_integer_value(json_object_get(x, "index")), 1);
  ck_assert_int_eq(json_integer_value(json_object_get(x, "line")), 3);
  ck_assert_str_eq(json_string_value(json_object_get(x, "status")), "OI_ESCHEMA");
  x = json_array_get(reqs, 2);
  ck_assert_str_eq(json_string_value(json_object_get(x, "outcome")), "refused");
  ck_assert(json_is_null(json_object_get(x, "payee")));
  ck_assert_int_eq(json_integer_value(json_object_get(x, "nights")), 0);
  ck_assert_int_eq(json_integer_value(json_object_get(x, "nights_if_awarded")), 0);
  ck_assert_str_eq(json_string_value(json_object_get(
                       json_array_get(json_object_get(x, "reasons"), 0), "code")),
                   "RECEIVED_LATE");
  json_decref(root);
  oi_free(text);
  /* A batch that grows is no longer decided. */
  ck_assert_int_eq(oi_batch_add_request(b, row_names, row_values, ROW_FIELDS, 9, NULL, NULL),
                   OI_OK);
  ck_assert_ptr_null(oi_batch_request_decision(b, 0));
  ck_assert_int_eq(oi_batch_decisions_to_json(b, &text, NULL, &e), OI_ESTATE);
  oi_batch_free(b);
  free(doc);
  free(r0);
  free(r1);
  free(r2);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_the_decisions_document_is_saved_atomically)
{
  oi_policy *p = policy();
  oi_batch *b = shipped(p, OI_BATCH_PER_ELEMENT);
  char dir[] = "/tmp/oi-batch-XXXXXX", path[64], *text = NULL;
  struct stat sb;
  size_t n;
  FILE *f;
  char *read_back;

  ck_assert_ptr_nonnull(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/decisions.json", dir);
  ck_assert_int_eq(oi_batch_decisions_save(b, path, NULL), OI_ESTATE);
  ck_assert_int_eq(oi_batch_check(b, NULL), OI_OK);
  ck_assert_int_eq(oi_batch_decisions_save(b, path, NULL), OI_OK);
  ck_assert_int_eq(stat(path, &sb), 0);
  ck_assert_int_eq(sb.st_mode & 0777, 0600);
  ck_assert_int_eq(oi_batch_decisions_to_json(b, &text, &n, NULL), OI_OK);
  read_back = malloc(n + 1);
  f = fopen(path, "rb");
  ck_assert_uint_eq(fread(read_back, 1, n + 1, f), n);
  fclose(f);
  ck_assert_int_eq(memcmp(read_back, text, n), 0);
  free(read_back);
  oi_free(text);
  ck_assert_int_eq(unlink(path), 0);
  ck_assert_int_eq(rmdir(dir), 0);
  oi_batch_free(b);
  oi_policy_free(p);
}
END_TEST

static Suite *batch_suite(void)
{
  Suite *s = suite_create("batch");
  TCase *tc = tcase_create("load");

  tcase_add_test(tc, test_the_shipped_example_loads_every_element);
  tcase_add_test(tc, test_a_document_reads_the_spellings_people_type);
  tcase_add_test(tc, test_all_or_nothing_reports_the_first_bad_element);
  tcase_add_test(tc, test_applications_are_read_and_checked);
  suite_add_tcase(s, tc);

  tc = tcase_create("hostile");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_truncated_documents_are_eparse_in_either_mode);
  tcase_add_test(tc, test_wrong_types_are_eschema_at_the_value);
  tcase_add_test(tc, test_a_local_that_is_not_an_object_is_eschema);
  tcase_add_test(tc, test_values_out_of_range_are_eschema);
  tcase_add_test(tc, test_an_integer_beyond_64_bits_is_eparse);
  tcase_add_test(tc, test_deep_nesting_and_long_strings_are_elimit);
  tcase_add_test(tc, test_a_document_over_the_size_limit_is_elimit);
  tcase_add_test(tc, test_too_many_elements_are_elimit);
  tcase_add_test(tc, test_unknown_members_are_eschema_at_the_key_with_a_suggestion);
  tcase_add_test(tc, test_unknown_values_say_what_was_meant);
  tcase_add_test(tc, test_missing_members_are_eschema_at_their_object);
  tcase_add_test(tc, test_a_canadian_local_with_null_receipts_has_none_on_record);
  tcase_add_test(tc, test_an_id_used_twice_is_eschema_at_the_second);
  tcase_add_test(tc, test_a_nul_in_a_string_is_eschema);
  tcase_add_test(tc, test_the_document_itself_is_checked_in_either_mode);
  tcase_add_test(tc, test_null_arguments_and_bad_modes_are_einval);
  tcase_add_test(tc, test_files_are_regular_files_only);
  suite_add_tcase(s, tc);

  tc = tcase_create("fields");
  tcase_add_test(tc, test_fields_make_the_same_request_as_a_document);
  tcase_add_test(tc, test_field_errors_name_the_field_and_the_line);
  tcase_add_test(tc, test_a_field_given_twice_is_eschema);
  tcase_add_test(tc, test_canadian_receipts_in_fields);
  tcase_add_test(tc, test_graduations_in_one_field);
  suite_add_tcase(s, tc);

  tc = tcase_create("decide");
  tcase_add_test(tc, test_check_decides_each_element_as_the_rules_do);
  tcase_add_test(tc, test_submit_decides_as_the_ledger_does);
  tcase_add_test(tc, test_ids_the_ledger_holds_are_element_errors);
  tcase_add_test(tc, test_a_ledger_on_another_policy_is_emismatch);
  tcase_add_test(tc, test_the_decisions_document_says_everything);
  tcase_add_test(tc, test_the_decisions_document_is_saved_atomically);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(batch_suite());
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
