/*
 * tools/cases_run.c: running one test case against the library and
 * comparing what it decided with what the case expects. Names are compared
 * through the library's own name functions (oi_outcome_name, oi_clause_id,
 * oi_reason_code_name, oi_status_name, oi_event_type_name), so a case file
 * is written in the vocabulary of every other document.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"

const char *cases_outcome_text(oi_outcome outcome)
{
  const char *name = oi_outcome_name(outcome);
  return name != NULL ? name : "none";
}

int cases_expected_outcome(cases_run *r, json_t *v, const char **out)
{
  if (v == NULL || json_is_null(v)) {
    *out = "none";
    return 0;
  }
  if (!json_is_string(v))
    return cases_fail(r, "an expected outcome must be a string");
  *out = json_string_value(v);
  return 0;
}

int cases_same_text(const char *a, const char *b)
{
  return a == NULL ? b == NULL : b != NULL && strcmp(a, b) == 0;
}

/* Reason i of a decision, read with oi_decision_reason(), or of an array
 * (a ledger entry's); NULL if the decision gives none. */
static const oi_reason *reason_at(const oi_decision *d, const oi_reason *array, size_t i)
{
  return d != NULL ? oi_decision_reason(d, i) : &array[i];
}

/* cases_expect_reasons() on a decision's reasons (d) or an array's. */
static int expect_reasons(cases_run *r, json_t *expected, const oi_decision *d,
                          const oi_reason *reasons, size_t count)
{
  json_t *pair;
  size_t i;

  if (!json_is_array(expected))
    return cases_fail(r, "\"reasons\" is not a list");
  if (json_array_size(expected) != count) {
    char got[256] = "";

    for (i = 0; i < count && strlen(got) < sizeof got - 40; i++) {
      const oi_reason *reason = reason_at(d, reasons, i);
      const char *clause = reason != NULL ? oi_clause_id(reason->clause) : NULL;
      const char *code = reason != NULL ? oi_reason_code_name(reason->code) : NULL;

      snprintf(got + strlen(got), sizeof got - strlen(got), "%s[%s, %s]", i > 0 ? ", " : "",
               clause != NULL ? clause : "?", code != NULL ? code : "?");
    }
    return cases_fail(r, "%zu reason(s) [%s], expected %zu", count, got,
                      json_array_size(expected));
  }
  json_array_foreach(expected, i, pair) {
    const oi_reason *reason = reason_at(d, reasons, i);
    const char *clause = json_string_value(json_array_get(pair, 0));
    const char *code = json_string_value(json_array_get(pair, 1));
    const char *got_clause = reason != NULL ? oi_clause_id(reason->clause) : NULL;
    const char *got_code = reason != NULL ? oi_reason_code_name(reason->code) : NULL;
    const char *got_ref = reason != NULL ? reason->ref_id : NULL;
    const size_t size = json_array_size(pair);
    json_t *ref = json_array_get(pair, 2);

    if (clause == NULL || code == NULL || size < 2 || size > 3 ||
        (size == 3 && !json_is_string(ref) && !json_is_null(ref)))
      return cases_fail(r, "reason %zu is not [clause, code] or [clause, code, ref_id]", i);
    if (size == 3 && cases_since(r, 2, "a reason's ref_id") != 0)
      return -1;
    if (got_clause == NULL || strcmp(got_clause, clause) != 0 || got_code == NULL ||
        strcmp(got_code, code) != 0)
      return cases_fail(r, "reason %zu is %s %s, expected %s %s", i,
                        got_clause != NULL ? got_clause : "?", got_code != NULL ? got_code : "?",
                        clause, code);
    /* The third element: the request the reason names (S9's earlier
     * award), or null for none. */
    if (size == 3 && !cases_same_text(got_ref, json_string_value(ref)))
      return cases_fail(r, "reason %zu names request %s, expected %s", i,
                        got_ref != NULL ? got_ref : "none",
                        json_is_string(ref) ? json_string_value(ref) : "none");
  }
  return 0;
}

int cases_expect_reasons(cases_run *r, json_t *expected, const oi_reason *reasons, size_t count)
{
  return expect_reasons(r, expected, NULL, reasons, count);
}

int cases_expect_int(cases_run *r, json_t *expect, const char *key, long long got)
{
  json_t *v = json_object_get(expect, key);

  if (v == NULL)
    return 0;
  if (!json_is_integer(v))
    return cases_fail(r, "\"%s\" must be an integer", key);
  if (got != (long long)json_integer_value(v))
    return cases_fail(r, "%s is %lld, expected %lld", key, got,
                      (long long)json_integer_value(v));
  return 0;
}

int cases_expect_payee(cases_run *r, json_t *expect, const char *payee)
{
  json_t *v = json_object_get(expect, "payee");

  if (v == NULL)
    return 0;
  if (!json_is_boolean(v))
    return cases_fail(r, "\"payee\" must be true or false");
  if ((payee != NULL) != json_is_true(v))
    return cases_fail(r, "payee %s, expected %s", payee != NULL ? payee : "none",
                      json_is_true(v) ? "one" : "none");
  return 0;
}

int cases_expect_decision(cases_run *r, json_t *expect, const oi_decision *d)
{
  static const char *const known[] = { "outcome", "reasons", "nights", "payee", NULL };
  static const char *const known_v2[] = { "nights_if_awarded", "request_id", NULL };
  json_t *v, *reasons;
  const char *outcome = "none", *request_id;
  size_t i;

  if (!json_is_object(expect))
    return cases_fail(r, "\"expect\" is not an object");
  if (cases_members(r, expect, "the expected decision", known, known_v2) != 0)
    return -1;
  if (cases_member(r, expect, "outcome", &v) != 0 || cases_expected_outcome(r, v, &outcome) != 0)
    return -1;
  if (strcmp(cases_outcome_text(d->outcome), outcome) != 0)
    return cases_fail(r, "outcome %s, expected %s", cases_outcome_text(d->outcome), outcome);
  if (cases_member(r, expect, "reasons", &reasons) != 0 ||
      expect_reasons(r, reasons, d, NULL, d->reason_count) != 0 ||
      cases_expect_int(r, expect, "nights", d->nights) != 0 ||
      cases_expect_payee(r, expect, d->payee) != 0 ||
      cases_expect_int(r, expect, "nights_if_awarded", d->nights_if_awarded) != 0)
    return -1;
  if (json_object_get(expect, "request_id") != NULL) {
    if (cases_string(r, expect, "request_id", &request_id) != 0)
      return -1;
    if (!cases_same_text(d->request_id, request_id))
      return cases_fail(r, "request_id %s, expected %s",
                        d->request_id != NULL ? d->request_id : "none",
                        request_id != NULL ? request_id : "none");
  }
  for (i = 0; i < d->reason_count; i++)
    if (oi_reason_format(r->policy, oi_decision_reason(d, i), NULL, 0) <= 0)
      return cases_fail(r, "reason %zu has no message", i);
  return 0;
}

int cases_expect_error(cases_run *r, json_t *expect, oi_status st, const oi_error *err)
{
  static const char *const known[] = { "error", "path", NULL };
  json_t *error = json_is_object(expect) ? json_object_get(expect, "error") : NULL;
  json_t *path = json_is_object(expect) ? json_object_get(expect, "path") : NULL;

  if (error == NULL) {
    if (st != OI_OK)
      return cases_fail(r, "%s (%s%s%s), expected success", oi_status_name(st), err->path,
                        err->path[0] != '\0' ? ": " : "", err->message);
    return 0;
  }
  if (!json_is_string(error))
    return cases_fail(r, "\"error\" must be a status name");
  if (cases_members(r, expect, "the expected error", known, NULL) != 0)
    return -1;
  if (st == OI_OK)
    return cases_fail(r, "success, expected %s", json_string_value(error));
  if (strcmp(oi_status_name(st), json_string_value(error)) != 0)
    return cases_fail(r, "%s (%s%s%s), expected %s", oi_status_name(st), err->path,
                      err->path[0] != '\0' ? ": " : "", err->message, json_string_value(error));
  if (err->message[0] == '\0')
    return cases_fail(r, "the error has no message");
  if (path != NULL && (!json_is_string(path) || strcmp(err->path, json_string_value(path)) != 0))
    return cases_fail(r, "error path \"%s\", expected \"%s\"", err->path,
                      json_is_string(path) ? json_string_value(path) : "?");
  return 1;
}

/* ---- the kinds of case -------------------------------------------------- */

static int run_subsidy(cases_run *r, json_t *input, json_t *expect)
{
  cases_request b;
  oi_decision d = OI_DECISION_INIT;
  oi_error err;
  int e;

  if (cases_read_request(r, input, &b) != 0)
    return -1;
  oi_error_clear(&err);
  e = cases_expect_error(r, expect, oi_check_subsidy(r->policy, &b.req, &d, &err), &err);
  return e != 0 ? (e > 0 ? 0 : -1) : cases_expect_decision(r, expect, &d);
}

static int run_enrollment(cases_run *r, json_t *input, json_t *expect)
{
  oi_graduation grads[OI_GRADUATIONS_MAX];
  oi_application app;
  oi_decision d = OI_DECISION_INIT;
  oi_error err;
  int e;

  if (cases_read_application(r, input, &app, grads) != 0)
    return -1;
  oi_error_clear(&err);
  e = cases_expect_error(r, expect, oi_check_enrollment(r->policy, &app, &d, &err), &err);
  return e != 0 ? (e > 0 ? 0 : -1) : cases_expect_decision(r, expect, &d);
}

#define ATTENDED_MAX 64

static int run_graduation(cases_run *r, json_t *input, json_t *expect)
{
  json_t *days, *day;
  oi_date attended[ATTENDED_MAX];
  const char *session_id;
  oi_decision d = OI_DECISION_INIT;
  oi_error err;
  size_t i;
  int e;

  if (cases_member(r, input, "attended", &days) != 0 ||
      cases_string(r, input, "session_id", &session_id) != 0)
    return -1;
  if (!json_is_array(days) || json_array_size(days) > ATTENDED_MAX)
    return cases_fail(r, "\"attended\" must be a list of at most %d dates", ATTENDED_MAX);
  json_array_foreach(days, i, day)
    if (cases_date(r, json_string_value(day), &attended[i]) != 0)
      return -1;
  oi_error_clear(&err);
  e = cases_expect_error(r, expect,
                         oi_check_graduation(r->policy, session_id, attended,
                                             json_array_size(days), &d, &err),
                         &err);
  return e != 0 ? (e > 0 ? 0 : -1) : cases_expect_decision(r, expect, &d);
}

static int run_cost(cases_run *r, json_t *input, json_t *expect)
{
  static const char *const numbers[] = { "subsidy_nights", "local_nights", "subsidy_hotel_cents",
                                         "local_hotel_cents" };
  static const char *const known[] = { "payers",         "subsidy_nights",    "local_nights",
                                       "subsidy_hotel_cents", "local_hotel_cents", NULL };
  json_t *payers;
  long long nights, awarded, rate, want;
  oi_cost_split split = OI_COST_SPLIT_INIT;
  oi_stay stay = OI_STAY_INIT;
  oi_error err;
  size_t i;
  int e;

  if (cases_integer(r, input, "nights", &nights) != 0 ||
      cases_integer(r, input, "nights_awarded", &awarded) != 0 ||
      cases_integer(r, input, "nightly_rate_cents", &rate) != 0)
    return -1;
  if (nights < -2147483647LL - 1 || nights > 2147483647LL || awarded < -2147483647LL - 1 ||
      awarded > 2147483647LL)
    return cases_fail(r, "\"nights\" or \"nights_awarded\" is out of range");
  stay.nights = (int)nights;
  stay.nights_awarded = (int)awarded;
  stay.nightly_rate_cents = (int64_t)rate;
  oi_error_clear(&err);
  e = cases_expect_error(r, expect, oi_cost_split_compute(r->policy, &stay, &split, &err), &err);
  if (e != 0)
    return e > 0 ? 0 : -1;
  if (!json_is_object(expect))
    return cases_fail(r, "\"expect\" is not an object");
  if (cases_members(r, expect, "the expected split", known, NULL) != 0 ||
      cases_member(r, expect, "payers", &payers) != 0)
    return -1;
  if (!json_is_object(payers) || json_object_size(payers) != OI_COST_ITEM_COUNT)
    return cases_fail(r, "\"payers\" must name the payer of every item");
  /* Each item by its name, each payer by its name, as the library gives them. */
  for (i = 0; i < OI_COST_ITEM_COUNT; i++) {
    const char *item = oi_cost_item_name((oi_cost_item)i);
    const char *got = oi_payer_name(split.payer[i]);
    const char *payer = json_string_value(json_object_get(payers, item != NULL ? item : ""));

    if (payer == NULL)
      return cases_fail(r, "\"payers\" has no \"%s\" string", item != NULL ? item : "?");
    if (got == NULL || strcmp(got, payer) != 0)
      return cases_fail(r, "%s is paid by %s, expected %s", item, got != NULL ? got : "?",
                        payer);
  }
  for (i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
    const long long got = i == 0   ? split.subsidy_nights
                          : i == 1 ? split.local_nights
                          : i == 2 ? (long long)split.subsidy_hotel_cents
                                   : (long long)split.local_hotel_cents;

    if (cases_integer(r, expect, numbers[i], &want) != 0)
      return -1;
    if (got != want)
      return cases_fail(r, "%s is %lld, expected %lld", numbers[i], got, want);
  }
  return 0;
}

int cases_run_vector(cases_run *r, json_t *v)
{
  const char *kind = json_string_value(json_object_get(v, "kind"));
  json_t *input = json_object_get(v, "input");
  json_t *expect = json_object_get(v, "expect");

  r->where[0] = '\0';
  if (!json_is_object(input))
    return cases_fail(r, "no \"input\" object");
  if (kind == NULL)
    return cases_fail(r, "no \"kind\"");
  if (strcmp(kind, "ledger") != 0 && expect == NULL)
    return cases_fail(r, "no \"expect\"");
  if (strcmp(kind, "subsidy") == 0)
    return run_subsidy(r, input, expect);
  if (strcmp(kind, "enrollment") == 0)
    return run_enrollment(r, input, expect);
  if (strcmp(kind, "graduation") == 0)
    return run_graduation(r, input, expect);
  if (strcmp(kind, "cost") == 0)
    return run_cost(r, input, expect);
  if (strcmp(kind, "ledger") == 0) {
    /* What a ledger case expects is in its steps: anything here would go
     * unchecked. */
    if (expect != NULL && !(json_is_object(expect) && json_object_size(expect) == 0))
      return cases_fail(r, "a ledger case's \"expect\" must be {}: each step has its own");
    return cases_run_ledger(r, input);
  }
  return cases_fail(r, "unknown kind \"%s\": expected subsidy, enrollment, graduation, "
                       "cost or ledger",
                    kind);
}

int cases_check_coverage(const cases_file *f, char *why, size_t size)
{
  json_t *required = json_object_get(f->doc, "required_clauses"), *c, *v;
  size_t i, k;

  if (required == NULL)
    return 0;
  if (!json_is_array(required)) {
    snprintf(why, size, "\"required_clauses\" is not a list");
    return -1;
  }
  json_array_foreach(required, i, c) {
    int found = 0;

    json_array_foreach(f->vectors, k, v)
      if (json_equal(json_object_get(v, "clause"), c))
        found = 1;
    if (!found) {
      snprintf(why, size, "no vector for required clause %s",
               json_is_string(c) ? json_string_value(c) : "?");
      return -1;
    }
  }
  return 0;
}
