/*
 * tests/check_vectors.c -- runs every vector of tests/vectors/clauses.json
 * against the C library, one Check test per vector (a loop test).
 *
 * The same file is run by the Python bindings' test_vectors.py, so C and
 * Python can never drift apart; tests/vectors/README describes its format.
 *
 * The file is the first argument if one is given, else $OI_VECTORS (which
 * tests/vectors.mk sets to the file in the source tree), else
 * $top_srcdir/tests/vectors/clauses.json, else tests/vectors/clauses.json.
 *
 * Each vector builds its inputs from the JSON (merged with the document's
 * defaults), calls the library, and compares the outcome, the exact list of
 * (clause, reason code) pairs, and what else the vector states. Names are
 * compared through the library's own name functions (oi_outcome_name,
 * oi_clause_id, oi_reason_code_name, oi_status_name, oi_event_type_name).
 * A failure names the vector and, for a ledger, the step.
 */
#include <check.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <officerinst.h>

#define VECTORS_FORMAT "officerinst-clause-vectors"

/* The document, loaded by main() before the suite runs (forked tests
 * inherit it). */
static json_t *g_doc;
static json_t *g_vectors;
static json_t *g_defaults;
static json_t *g_policies; /* {"name": policy document}, may be NULL */
static const char *g_path;

/* Per test: created by setup(), freed by teardown() even after a failure. */
static oi_policy *t_policy;
static oi_ledger *t_ledger;
static json_t *t_keep; /* merged objects whose strings the C structures borrow */

/* Context of the current check, for failure messages. */
static char t_where[160];

static void setup(void)
{
  oi_error err;

  t_keep = json_array();
  ck_assert_ptr_nonnull(t_keep);
  oi_error_clear(&err);
  ck_assert_msg(oi_policy_builtin(2017, &t_policy, &err) == OI_OK, "builtin policy: %s",
                err.message);
  t_ledger = NULL;
  t_where[0] = '\0';
}

static void teardown(void)
{
  oi_ledger_free(t_ledger);
  t_ledger = NULL;
  oi_policy_free(t_policy);
  t_policy = NULL;
  json_decref(t_keep);
  t_keep = NULL;
}

/* A vector's policy: the built-in 2017 one unless it names one of the
 * document's "policies", which replaces the fixture's. */
static void use_policy(json_t *name)
{
  json_t *doc;
  char *text;
  oi_error err;

  if (name == NULL)
    return;
  ck_assert_msg(json_is_string(name), "%s: \"policy\" is not a string", t_where);
  doc = json_object_get(g_policies, json_string_value(name));
  ck_assert_msg(doc != NULL, "%s: no policy \"%s\" in \"policies\"", t_where,
                json_string_value(name));
  text = json_dumps(doc, 0);
  ck_assert_ptr_nonnull(text);
  oi_policy_free(t_policy);
  t_policy = NULL;
  oi_error_clear(&err);
  ck_assert_msg(oi_policy_from_json(text, strlen(text), &t_policy, &err) == OI_OK,
                "%s: policy \"%s\": %s: %s", t_where, json_string_value(name), err.path,
                err.message);
  free(text);
}

/* ---- reading the JSON ------------------------------------------------- */

/* A copy of defaults[section] updated with override's fields (both may be
 * NULL); kept alive until teardown. */
static json_t *merged(const char *section, json_t *override)
{
  json_t *base = json_object_get(g_defaults, section);
  json_t *m = base != NULL ? json_deep_copy(base) : json_object();

  ck_assert_ptr_nonnull(m);
  if (override != NULL) {
    ck_assert_msg(json_is_object(override), "%s: \"%s\" is not an object", t_where, section);
    ck_assert_int_eq(json_object_update(m, override), 0);
  }
  ck_assert_int_eq(json_array_append_new(t_keep, m), 0);
  return m;
}

static json_t *member(json_t *o, const char *key)
{
  json_t *v = json_object_get(o, key);

  ck_assert_msg(v != NULL, "%s: no \"%s\"", t_where, key);
  return v;
}

static const char *str_of(json_t *o, const char *key)
{
  json_t *v = member(o, key);

  if (json_is_null(v))
    return NULL;
  ck_assert_msg(json_is_string(v), "%s: \"%s\" is not a string", t_where, key);
  return json_string_value(v);
}

static long long int_of(json_t *o, const char *key)
{
  json_t *v = member(o, key);

  ck_assert_msg(json_is_integer(v), "%s: \"%s\" is not an integer", t_where, key);
  return (long long)json_integer_value(v);
}

static int int_field(json_t *o, const char *key)
{
  return (int)int_of(o, key);
}

static int flag_of(json_t *o, const char *key)
{
  json_t *v = member(o, key);

  ck_assert_msg(json_is_boolean(v), "%s: \"%s\" is not a boolean", t_where, key);
  return json_is_true(v) ? 1 : 0;
}

static oi_date date_of(const char *text)
{
  oi_date d;
  oi_error err;

  ck_assert_msg(oi_date_parse(text, &d, &err) == OI_OK, "%s: date \"%s\": %s", t_where, text,
                err.message);
  return d;
}

static oi_datetime moment_of(const char *text)
{
  oi_datetime t;
  oi_error err;

  ck_assert_msg(oi_datetime_parse(text, &t, &err) == OI_OK, "%s: moment \"%s\": %s", t_where,
                text, err.message);
  return t;
}

struct name_value {
  const char *name;
  int value;
};

static int lookup(const struct name_value *table, const char *name, const char *what)
{
  size_t i;

  for (i = 0; name != NULL && table[i].name != NULL; i++)
    if (strcmp(table[i].name, name) == 0)
      return table[i].value;
  ck_abort_msg("%s: unknown %s \"%s\"", t_where, what, name != NULL ? name : "(null)");
  return -1;
}

static const struct name_value countries[] = {
  { "US", OI_COUNTRY_US }, { "CA", OI_COUNTRY_CA }, { NULL, 0 }
};
static const struct name_value forms[] = {
  { "none", OI_LM_NONE }, { "LM-2", OI_LM_2 }, { "LM-3", OI_LM_3 }, { "LM-4", OI_LM_4 },
  { NULL, 0 }
};
static const struct name_value offices[] = {
  { "NONE", OI_OFFICE_NONE },
  { "PRESIDENT", OI_OFFICE_PRESIDENT },
  { "VICE_PRESIDENT", OI_OFFICE_VICE_PRESIDENT },
  { "SECRETARY", OI_OFFICE_SECRETARY },
  { "TREASURER", OI_OFFICE_TREASURER },
  { "SECRETARY_TREASURER", OI_OFFICE_SECRETARY_TREASURER },
  { "BUSINESS_AGENT", OI_OFFICE_BUSINESS_AGENT },
  { "RECORDING_SECRETARY", OI_OFFICE_RECORDING_SECRETARY },
  { "OTHER", OI_OFFICE_OTHER },
  { NULL, 0 }
};

static void read_local(json_t *override, oi_local *l)
{
  json_t *o = merged("local", override);
  json_t *receipts = member(o, "receipts_cents");

  *l = (oi_local)OI_LOCAL_INIT;
  l->number = (uint32_t)int_of(o, "number");
  l->name = str_of(o, "name");
  l->country = (oi_country)lookup(countries, str_of(o, "country"), "country");
  l->district = int_field(o, "district");
  l->lm_form = (oi_lm_form)lookup(forms, str_of(o, "lm_form"), "lm_form");
  if (!json_is_null(receipts)) {
    l->receipts_known = 1;
    l->receipts_cents = (int64_t)int_of(o, "receipts_cents");
  }
}

/* grads: room for OI_GRADUATIONS_MAX. */
static void read_officer(json_t *override, oi_officer *off, oi_graduation *grads)
{
  json_t *o = merged("officer", override);
  json_t *list = member(o, "graduations"), *g;
  size_t i;

  *off = (oi_officer)OI_OFFICER_INIT;
  off->id = str_of(o, "id");
  off->name = str_of(o, "name");
  off->office = (oi_office)lookup(offices, str_of(o, "office"), "office");
  ck_assert_msg(json_is_array(list) && json_array_size(list) <= OI_GRADUATIONS_MAX,
                "%s: bad graduations", t_where);
  json_array_foreach(list, i, g) {
    json_t *date = json_object_get(g, "date");

    grads[i].site = str_of(g, "site");
    memset(&grads[i].date, 0, sizeof grads[i].date);
    if (date != NULL && !json_is_null(date))
      grads[i].date = date_of(json_string_value(date));
  }
  off->graduations = json_array_size(list) > 0 ? grads : NULL;
  off->graduation_count = json_array_size(list);
}

struct request_buf {
  oi_subsidy_request req;
  oi_graduation grads[OI_GRADUATIONS_MAX];
};

static void read_request(json_t *input, struct request_buf *b)
{
  json_t *o = merged("request", input);
  oi_subsidy_request *r = &b->req;

  *r = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
  r->id = str_of(o, "id");
  r->session_id = str_of(o, "session_id");
  read_local(json_object_get(input, "local"), &r->local);
  read_officer(json_object_get(input, "officer"), &r->officer, b->grads);
  r->received = moment_of(str_of(o, "received"));
  r->nights = int_field(o, "nights");
  r->attested = flag_of(o, "attested");
  r->with_application = flag_of(o, "with_application");
  r->application_signed = flag_of(o, "application_signed");
  r->request_signed = flag_of(o, "request_signed");
}

/* ---- comparing -------------------------------------------------------- */

static const char *outcome_text(oi_outcome outcome)
{
  const char *name = oi_outcome_name(outcome);
  return name != NULL ? name : "none";
}

/* A JSON string or null ("none"). */
static const char *expected_outcome(json_t *v)
{
  if (v == NULL || json_is_null(v))
    return "none";
  ck_assert_msg(json_is_string(v), "%s: an outcome must be a string", t_where);
  return json_string_value(v);
}

static void expect_reasons(json_t *expected, const oi_reason *reasons, size_t count)
{
  json_t *pair;
  size_t i;

  ck_assert_msg(json_is_array(expected), "%s: \"reasons\" is not a list", t_where);
  ck_assert_msg(json_array_size(expected) == count, "%s: %zu reason(s), expected %zu (first: %s %s)",
                t_where, count, json_array_size(expected),
                count > 0 ? oi_clause_id(reasons[0].clause) : "-",
                count > 0 ? oi_reason_code_name(reasons[0].code) : "-");
  json_array_foreach(expected, i, pair) {
    const char *clause = json_string_value(json_array_get(pair, 0));
    const char *code = json_string_value(json_array_get(pair, 1));
    const char *got_clause = oi_clause_id(reasons[i].clause);
    const char *got_code = oi_reason_code_name(reasons[i].code);

    ck_assert_msg(clause != NULL && code != NULL, "%s: reason %zu is not [clause, code]",
                  t_where, i);
    ck_assert_msg(got_clause != NULL && strcmp(got_clause, clause) == 0 && got_code != NULL &&
                      strcmp(got_code, code) == 0,
                  "%s: reason %zu is %s %s, expected %s %s", t_where, i,
                  got_clause != NULL ? got_clause : "?", got_code != NULL ? got_code : "?",
                  clause, code);
    /* [clause, code, ref_id]: the request the reason names, or null */
    if (json_array_size(pair) > 2) {
      const char *ref = json_string_value(json_array_get(pair, 2));
      const char *got = reasons[i].ref_id;
      ck_assert_msg(ref == NULL ? got == NULL : got != NULL && strcmp(got, ref) == 0,
                    "%s: reason %zu names request %s, expected %s", t_where, i,
                    got != NULL ? got : "none", ref != NULL ? ref : "none");
    }
  }
}

static void expect_decision(json_t *expect, const oi_decision *d)
{
  json_t *nights = json_object_get(expect, "nights");
  json_t *if_awarded = json_object_get(expect, "nights_if_awarded");
  json_t *request_id = json_object_get(expect, "request_id");
  json_t *payee = json_object_get(expect, "payee");
  const char *outcome = expected_outcome(member(expect, "outcome"));
  size_t i;

  ck_assert_msg(strcmp(outcome_text(d->outcome), outcome) == 0, "%s: outcome %s, expected %s",
                t_where, outcome_text(d->outcome), outcome);
  expect_reasons(member(expect, "reasons"), d->reasons, d->reason_count);
  if (nights != NULL)
    ck_assert_msg(d->nights == (int)json_integer_value(nights), "%s: %d nights, expected %d",
                  t_where, d->nights, (int)json_integer_value(nights));
  if (payee != NULL)
    ck_assert_msg((d->payee != NULL) == json_is_true(payee), "%s: payee %s, expected %s",
                  t_where, d->payee != NULL ? d->payee : "none",
                  json_is_true(payee) ? "one" : "none");
  if (if_awarded != NULL)
    ck_assert_msg(d->nights_if_awarded == (int)json_integer_value(if_awarded),
                  "%s: %d nights if awarded, expected %d", t_where, d->nights_if_awarded,
                  (int)json_integer_value(if_awarded));
  if (request_id != NULL) {
    const char *want = json_string_value(request_id);
    ck_assert_msg(want == NULL ? d->request_id == NULL
                               : d->request_id != NULL && strcmp(d->request_id, want) == 0,
                  "%s: request_id %s, expected %s", t_where,
                  d->request_id != NULL ? d->request_id : "none", want != NULL ? want : "none");
  }
  /* Every message renders (the Python side shows them). */
  for (i = 0; i < d->reason_count; i++)
    ck_assert_msg(oi_reason_format(t_policy, oi_decision_reason(d, i), NULL, 0) > 0,
                  "%s: reason %zu has no message", t_where, i);
}

/* 1 if the vector expects an error: then the status and path are checked. */
static int expect_error(json_t *expect, oi_status st, const oi_error *err)
{
  json_t *error = json_is_object(expect) ? json_object_get(expect, "error") : NULL;
  json_t *path = json_is_object(expect) ? json_object_get(expect, "path") : NULL;

  if (error == NULL) {
    ck_assert_msg(st == OI_OK, "%s: %s (%s: %s), expected success", t_where,
                  oi_status_name(st), err->path, err->message);
    return 0;
  }
  ck_assert_msg(st != OI_OK, "%s: success, expected %s", t_where, json_string_value(error));
  ck_assert_msg(strcmp(oi_status_name(st), json_string_value(error)) == 0,
                "%s: %s (%s: %s), expected %s", t_where, oi_status_name(st), err->path,
                err->message, json_string_value(error));
  ck_assert_msg(err->message[0] != '\0', "%s: the error has no message", t_where);
  if (path != NULL)
    ck_assert_msg(strcmp(err->path, json_string_value(path)) == 0,
                  "%s: error path \"%s\", expected \"%s\"", t_where, err->path,
                  json_string_value(path));
  return 1;
}

/* ---- the kinds of vector ---------------------------------------------- */

static void run_subsidy(json_t *input, json_t *expect)
{
  struct request_buf b;
  oi_decision d = OI_DECISION_INIT;
  oi_error err;
  oi_status st;

  read_request(input, &b);
  oi_error_clear(&err);
  st = oi_check_subsidy(t_policy, &b.req, &d, &err);
  if (!expect_error(expect, st, &err))
    expect_decision(expect, &d);
}

static void run_enrollment(json_t *input, json_t *expect)
{
  json_t *o = merged("application", input);
  oi_graduation grads[OI_GRADUATIONS_MAX];
  oi_application app;
  oi_decision d = OI_DECISION_INIT;
  oi_error err;
  oi_status st;

  app = (oi_application)OI_APPLICATION_INIT;
  app.session_id = str_of(o, "session_id");
  app.course_id = str_of(o, "course_id");
  read_local(json_object_get(input, "local"), &app.local);
  read_officer(json_object_get(input, "officer"), &app.officer, grads);
  oi_error_clear(&err);
  st = oi_check_enrollment(t_policy, &app, &d, &err);
  if (!expect_error(expect, st, &err))
    expect_decision(expect, &d);
}

static void run_graduation(json_t *input, json_t *expect)
{
  json_t *days = member(input, "attended"), *day;
  oi_date attended[64];
  oi_decision d = OI_DECISION_INIT;
  oi_error err;
  oi_status st;
  size_t i;

  ck_assert_msg(json_is_array(days) && json_array_size(days) <= 64, "%s: bad attended", t_where);
  json_array_foreach(days, i, day)
    attended[i] = date_of(json_string_value(day));
  oi_error_clear(&err);
  st = oi_check_graduation(t_policy, str_of(input, "session_id"), attended,
                           json_array_size(days), &d, &err);
  if (!expect_error(expect, st, &err))
    expect_decision(expect, &d);
}

static void run_cost(json_t *input, json_t *expect)
{
  static const struct name_value items[] = {
    { "program", OI_COST_PROGRAM },
    { "instructors", OI_COST_INSTRUCTORS },
    { "transportation", OI_COST_TRANSPORTATION },
    { "per_diem", OI_COST_PER_DIEM },
    { "hotel", OI_COST_HOTEL },
    { NULL, 0 }
  };
  static const struct name_value payers[] = {
    { "international", OI_PAYER_INTERNATIONAL },
    { "local", OI_PAYER_LOCAL },
    { "subsidy", OI_PAYER_SUBSIDY },
    { NULL, 0 }
  };
  json_t *expected_payers, *payer;
  const char *item;
  oi_cost_split split = OI_COST_SPLIT_INIT;
  oi_stay stay = OI_STAY_INIT;
  oi_error err;
  oi_status st;

  stay.nights = int_field(input, "nights");
  stay.nights_awarded = int_field(input, "nights_awarded");
  stay.nightly_rate_cents = (int64_t)int_of(input, "nightly_rate_cents");
  oi_error_clear(&err);
  st = oi_cost_split_compute(t_policy, &stay, &split, &err);
  if (expect_error(expect, st, &err))
    return;
  expected_payers = member(expect, "payers");
  ck_assert_msg(json_object_size(expected_payers) == OI_COST_ITEM_COUNT,
                "%s: \"payers\" must name every item", t_where);
  json_object_foreach(expected_payers, item, payer) {
    int k = lookup(items, item, "cost item");
    int want = lookup(payers, json_string_value(payer), "payer");

    ck_assert_msg((int)split.payer[k] == want, "%s: %s is paid by %d, expected %s", t_where,
                  item, (int)split.payer[k], json_string_value(payer));
  }
  ck_assert_int_eq(split.subsidy_nights, int_field(expect, "subsidy_nights"));
  ck_assert_int_eq(split.local_nights, int_field(expect, "local_nights"));
  ck_assert_int_eq(split.subsidy_hotel_cents, int_of(expect, "subsidy_hotel_cents"));
  ck_assert_int_eq(split.local_hotel_cents, int_of(expect, "local_hotel_cents"));
}

/* Ledger steps. */

static void step_submit(json_t *request, json_t *expect)
{
  struct request_buf b;
  oi_decision d = OI_DECISION_INIT;
  oi_error err;
  oi_status st;

  read_request(request, &b);
  oi_error_clear(&err);
  st = oi_ledger_submit(t_ledger, &b.req, &d, &err);
  if (!expect_error(expect, st, &err))
    expect_decision(expect, &d);
}

static void step_submit_many(json_t *requests, json_t *expect)
{
  struct request_buf *bufs;
  oi_subsidy_request *reqs;
  oi_decision *d;
  json_t *r;
  oi_error err;
  oi_status st;
  size_t i, n = json_array_size(requests);
  char where[sizeof t_where];

  ck_assert_msg(json_is_array(requests) && n > 0, "%s: submit_many needs a list", t_where);
  bufs = calloc(n, sizeof *bufs);
  reqs = calloc(n, sizeof *reqs);
  d = calloc(n, sizeof *d);
  ck_assert(bufs != NULL && reqs != NULL && d != NULL);
  json_array_foreach(requests, i, r) {
    read_request(r, &bufs[i]);
    reqs[i] = bufs[i].req;
    d[i] = (oi_decision)OI_DECISION_INIT;
  }
  oi_error_clear(&err);
  st = oi_ledger_submit_many(t_ledger, reqs, n, sizeof reqs[0], d, sizeof d[0], &err);
  if (!expect_error(expect, st, &err)) {
    ck_assert_msg(json_is_array(expect) && json_array_size(expect) == n,
                  "%s: expect one decision per request", t_where);
    memcpy(where, t_where, sizeof where);
    for (i = 0; i < n; i++) {
      snprintf(t_where, sizeof t_where, "%.120s, request %zu", where, i);
      expect_decision(json_array_get(expect, i), &d[i]);
    }
    memcpy(t_where, where, sizeof where);
  }
  free(d);
  free(reqs);
  free(bufs);
}

static void step_withdraw(const char *id, json_t *expect)
{
  oi_withdrawal w = OI_WITHDRAWAL_INIT;
  oi_error err;
  oi_status st;
  json_t *promoted;
  size_t i;

  oi_error_clear(&err);
  st = oi_ledger_withdraw(t_ledger, id, &w, &err);
  if (expect_error(expect, st, &err))
    return;
  ck_assert_str_eq(outcome_text(w.previous), expected_outcome(member(expect, "previous")));
  promoted = member(expect, "promoted");
  ck_assert_msg(json_array_size(promoted) == w.promoted_count, "%s: %zu promoted, expected %zu",
                t_where, w.promoted_count, json_array_size(promoted));
  for (i = 0; i < w.promoted_count; i++)
    ck_assert_msg(strcmp(w.promoted[i], json_string_value(json_array_get(promoted, i))) == 0,
                  "%s: promoted[%zu] is %s, expected %s", t_where, i, w.promoted[i],
                  json_string_value(json_array_get(promoted, i)));
}

static void step_entry(const char *id, json_t *expect)
{
  oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
  oi_error err;
  oi_status st;
  json_t *v;

  oi_error_clear(&err);
  st = oi_ledger_get(t_ledger, id, &e, &err);
  if (expect_error(expect, st, &err))
    return;
  if ((v = json_object_get(expect, "status")) != NULL)
    ck_assert_msg(strcmp(outcome_text(e.status), expected_outcome(v)) == 0,
                  "%s: status %s, expected %s", t_where, outcome_text(e.status),
                  expected_outcome(v));
  if ((v = json_object_get(expect, "nights")) != NULL)
    ck_assert_int_eq(e.nights, (int)json_integer_value(v));
  if ((v = json_object_get(expect, "nights_if_awarded")) != NULL)
    ck_assert_int_eq(e.nights_if_awarded, (int)json_integer_value(v));
  if ((v = json_object_get(expect, "payee")) != NULL)
    ck_assert_msg((e.payee != NULL) == json_is_true(v), "%s: payee %s", t_where,
                  e.payee != NULL ? e.payee : "none");
  if ((v = json_object_get(expect, "year")) != NULL)
    ck_assert_int_eq(e.year, (int)json_integer_value(v));
  if ((v = json_object_get(expect, "local_name")) != NULL)
    ck_assert_str_eq(e.local_name, json_string_value(v));
  if ((v = json_object_get(expect, "officer_name")) != NULL) {
    if (json_is_null(v))
      ck_assert_ptr_null(e.officer_name);
    else
      ck_assert_str_eq(e.officer_name != NULL ? e.officer_name : "(none)", json_string_value(v));
  }
  if ((v = json_object_get(expect, "reasons")) != NULL)
    expect_reasons(v, e.reasons, e.reason_count);
}

/* {"local_awards": {"local": n, "year": y}}: the ids of the local's awards of
 * that year, in receipt order. */
static void step_local_awards(json_t *query, json_t *expect)
{
  oi_ledger_entry got[64];
  size_t n = 0, i;
  oi_error err;
  oi_status st;

  for (i = 0; i < 64; i++)
    got[i] = (oi_ledger_entry)OI_LEDGER_ENTRY_INIT;
  oi_error_clear(&err);
  st = oi_ledger_local_awards(t_ledger, (uint32_t)int_of(query, "local"), int_field(query, "year"),
                              got, 64, sizeof got[0], &n, &err);
  if (expect_error(expect, st, &err))
    return;
  ck_assert_msg(json_is_array(expect) && json_array_size(expect) == n,
                "%s: %zu awards, expected %zu", t_where, n, json_array_size(expect));
  for (i = 0; i < n; i++)
    ck_assert_msg(strcmp(got[i].id, json_string_value(json_array_get(expect, i))) == 0,
                  "%s: award %zu is %s, expected %s", t_where, i, got[i].id,
                  json_string_value(json_array_get(expect, i)));
}

static void step_summary(const char *session_id, json_t *expect)
{
  oi_session_summary s = OI_SESSION_SUMMARY_INIT;
  oi_error err;
  oi_status st;
  const char *key;
  json_t *v;

  oi_error_clear(&err);
  st = oi_ledger_session_summary(t_ledger, session_id, &s, &err);
  if (expect_error(expect, st, &err))
    return;
  json_object_foreach(expect, key, v) {
    long long want = (long long)json_integer_value(v), got;

    if (strcmp(key, "seats") == 0)
      got = s.seats;
    else if (strcmp(key, "awarded") == 0)
      got = (long long)s.awarded;
    else if (strcmp(key, "waitlisted") == 0)
      got = (long long)s.waitlisted;
    else if (strcmp(key, "refused") == 0)
      got = (long long)s.refused;
    else if (strcmp(key, "withdrawn") == 0)
      got = (long long)s.withdrawn;
    else if (strcmp(key, "seats_left") == 0)
      got = s.seats_left;
    else if (strcmp(key, "nights") == 0)
      got = (long long)s.nights;
    else
      ck_abort_msg("%s: unknown summary field \"%s\"", t_where, key);
    ck_assert_msg(got == want, "%s: %s is %lld, expected %lld", t_where, key, got, want);
  }
}

static void step_events(size_t from, json_t *expect)
{
  size_t i, count = oi_ledger_event_count(t_ledger);
  json_t *row;

  ck_assert_msg(count - from == json_array_size(expect), "%s: %zu events from %zu, expected %zu",
                t_where, count - from, from, json_array_size(expect));
  json_array_foreach(expect, i, row) {
    oi_event ev = OI_EVENT_INIT;
    oi_error err;
    const char *cause = json_string_value(json_array_get(row, 3));

    ck_assert_int_eq(oi_ledger_event(t_ledger, from + i, &ev, &err), OI_OK);
    ck_assert_msg(strcmp(oi_event_type_name(ev.type), json_string_value(json_array_get(row, 0))) == 0,
                  "%s: event %zu is %s, expected %s", t_where, from + i,
                  oi_event_type_name(ev.type), json_string_value(json_array_get(row, 0)));
    ck_assert_str_eq(ev.request_id, json_string_value(json_array_get(row, 1)));
    ck_assert_str_eq(outcome_text(ev.outcome), expected_outcome(json_array_get(row, 2)));
    if (cause == NULL)
      ck_assert_ptr_null(ev.cause_id);
    else
      ck_assert_str_eq(ev.cause_id != NULL ? ev.cause_id : "(none)", cause);
    if (json_array_size(row) > 4) /* optional: the nights the event carries */
      ck_assert_msg(ev.nights == (int)json_integer_value(json_array_get(row, 4)),
                    "%s: event %zu carries %d nights, expected %d", t_where, from + i,
                    ev.nights, (int)json_integer_value(json_array_get(row, 4)));
  }
}

static void run_ledger(const char *id, json_t *input)
{
  json_t *steps = member(input, "steps"), *step, *v;
  oi_error err;
  size_t i;

  ck_assert_int_eq(oi_ledger_new(t_policy, &t_ledger, &err), OI_OK);
  json_array_foreach(steps, i, step) {
    json_t *expect = member(step, "expect");

    snprintf(t_where, sizeof t_where, "vector %.100s, step %zu", id, i);
    if ((v = json_object_get(step, "submit")) != NULL)
      step_submit(v, expect);
    else if ((v = json_object_get(step, "submit_many")) != NULL)
      step_submit_many(v, expect);
    else if ((v = json_object_get(step, "withdraw")) != NULL)
      step_withdraw(json_string_value(v), expect);
    else if ((v = json_object_get(step, "entry")) != NULL)
      step_entry(json_string_value(v), expect);
    else if ((v = json_object_get(step, "summary")) != NULL)
      step_summary(json_string_value(v), expect);
    else if ((v = json_object_get(step, "events_from")) != NULL)
      step_events((size_t)json_integer_value(v), expect);
    else if ((v = json_object_get(step, "local_awards")) != NULL)
      step_local_awards(v, expect);
    else
      ck_abort_msg("%s: unknown step", t_where);
  }
}

START_TEST(test_vector)
{
  json_t *v = json_array_get(g_vectors, (size_t)_i);
  const char *id = json_string_value(json_object_get(v, "id"));
  const char *kind = json_string_value(json_object_get(v, "kind"));
  json_t *input = json_object_get(v, "input");
  json_t *expect = json_object_get(v, "expect");

  snprintf(t_where, sizeof t_where, "vector %.120s", id);
  use_policy(json_object_get(v, "policy"));
  if (strcmp(kind, "subsidy") == 0)
    run_subsidy(input, expect);
  else if (strcmp(kind, "enrollment") == 0)
    run_enrollment(input, expect);
  else if (strcmp(kind, "graduation") == 0)
    run_graduation(input, expect);
  else if (strcmp(kind, "cost") == 0)
    run_cost(input, expect);
  else if (strcmp(kind, "ledger") == 0)
    run_ledger(id, input);
  else
    ck_abort_msg("%s: unknown kind \"%s\"", t_where, kind);
}
END_TEST

/* Every clause the file promises to cover has a vector. */
START_TEST(test_coverage)
{
  json_t *required = json_object_get(g_doc, "required_clauses"), *c, *v;
  size_t i, k;

  ck_assert_msg(json_is_array(required) && json_array_size(required) > 0,
                "%s: no \"required_clauses\"", g_path);
  json_array_foreach(required, i, c) {
    int found = 0;

    json_array_foreach(g_vectors, k, v)
      if (json_equal(json_object_get(v, "clause"), c))
        found = 1;
    ck_assert_msg(found, "no vector for clause %s", json_string_value(c));
  }
}
END_TEST

/* ---- main ------------------------------------------------------------- */

/* Structural checks, so that a malformed file is a hard error (99), not a
 * pile of failures. */
static int check_document(void)
{
  static const char *const kinds[] = { "subsidy", "enrollment", "graduation", "cost", "ledger" };
  json_t *v;
  size_t i, j;

  if (!json_is_object(g_doc) ||
      strcmp(json_string_value(json_object_get(g_doc, "format")) != NULL
                 ? json_string_value(json_object_get(g_doc, "format"))
                 : "",
             VECTORS_FORMAT) != 0 ||
      json_integer_value(json_object_get(g_doc, "version")) != 2) {
    fprintf(stderr, "%s: not an %s document, version 2\n", g_path, VECTORS_FORMAT);
    return -1;
  }
  g_vectors = json_object_get(g_doc, "vectors");
  g_defaults = json_object_get(g_doc, "defaults");
  g_policies = json_object_get(g_doc, "policies");
  if (g_policies != NULL && !json_is_object(g_policies)) {
    fprintf(stderr, "%s: \"policies\" is not an object\n", g_path);
    return -1;
  }
  if (!json_is_array(g_vectors) || json_array_size(g_vectors) == 0 ||
      !json_is_object(g_defaults)) {
    fprintf(stderr, "%s: no vectors or no defaults\n", g_path);
    return -1;
  }
  json_array_foreach(g_vectors, i, v) {
    const char *id = json_string_value(json_object_get(v, "id"));
    const char *kind = json_string_value(json_object_get(v, "kind"));
    int known = 0;

    for (j = 0; kind != NULL && j < sizeof kinds / sizeof kinds[0]; j++)
      known |= strcmp(kind, kinds[j]) == 0;
    if (json_object_get(v, "policy") != NULL &&
        json_object_get(g_policies, json_string_value(json_object_get(v, "policy"))) == NULL) {
      fprintf(stderr, "%s: vector %zu (%s) names a policy \"policies\" does not hold\n",
              g_path, i, id != NULL ? id : "no id");
      return -1;
    }
    if (id == NULL || !known || !json_is_string(json_object_get(v, "clause")) ||
        !json_is_object(json_object_get(v, "input")) || json_object_get(v, "expect") == NULL) {
      fprintf(stderr, "%s: vector %zu (%s) needs id, clause, a known kind, input, expect\n",
              g_path, i, id != NULL ? id : "no id");
      return -1;
    }
    for (j = 0; j < i; j++)
      if (strcmp(id, json_string_value(json_object_get(json_array_get(g_vectors, j), "id"))) == 0) {
        fprintf(stderr, "%s: vector id \"%s\" is used twice\n", g_path, id);
        return -1;
      }
  }
  return 0;
}

static const char *vectors_path(int argc, char **argv)
{
  static char buf[4096];
  const char *env = getenv("OI_VECTORS");
  const char *top = getenv("top_srcdir");

  if (argc > 1)
    return argv[1];
  if (env != NULL && env[0] != '\0')
    return env;
  if (top != NULL && top[0] != '\0') {
    snprintf(buf, sizeof buf, "%s/tests/vectors/clauses.json", top);
    return buf;
  }
  return "tests/vectors/clauses.json";
}

int main(int argc, char **argv)
{
  json_error_t jerr;
  Suite *s;
  TCase *tc;
  SRunner *sr;
  int failed;

  g_path = vectors_path(argc, argv);
  g_doc = json_load_file(g_path, 0, &jerr);
  if (g_doc == NULL) {
    fprintf(stderr, "%s:%d:%d: %s\n", g_path, jerr.line, jerr.column, jerr.text);
    return 99;
  }
  if (check_document() != 0) {
    json_decref(g_doc);
    return 99;
  }
  printf("%s: %zu vectors\n", g_path, json_array_size(g_vectors));

  s = suite_create("vectors");
  tc = tcase_create("clauses");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_loop_test(tc, test_vector, 0, (int)json_array_size(g_vectors));
  suite_add_tcase(s, tc);
  tc = tcase_create("coverage");
  tcase_add_test(tc, test_coverage);
  suite_add_tcase(s, tc);

  sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  json_decref(g_doc);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
