/*
 * tools/cases_ledger.c: a ledger case, its steps run in order on one ledger
 * (a new one, or a saved one the case names, which is never written), each
 * step's result compared with the "expect" it carries.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"

static int step_submit(cases_run *r, json_t *request, json_t *expect)
{
  cases_request b;
  oi_decision d = OI_DECISION_INIT;
  oi_error err;
  int e;

  if (cases_read_request(r, request, &b) != 0)
    return -1;
  oi_error_clear(&err);
  e = cases_expect_error(r, expect, oi_ledger_submit(r->ledger, &b.req, &d, &err), &err);
  return e != 0 ? (e > 0 ? 0 : -1) : cases_expect_decision(r, expect, &d);
}

static int step_submit_many(cases_run *r, json_t *requests, json_t *expect)
{
  const size_t n = json_array_size(requests);
  cases_request *bufs = NULL;
  oi_subsidy_request *reqs = NULL;
  oi_decision *d = NULL;
  char where[sizeof r->where];
  oi_error err;
  json_t *q;
  size_t i;
  int status = -1, e;

  if (!json_is_array(requests) || n == 0)
    return cases_fail(r, "\"submit_many\" needs a non-empty list of requests");
  bufs = calloc(n, sizeof *bufs);
  reqs = calloc(n, sizeof *reqs);
  d = calloc(n, sizeof *d);
  if (bufs == NULL || reqs == NULL || d == NULL) {
    cases_fail(r, "out of memory");
    goto done;
  }
  json_array_foreach(requests, i, q) {
    if (cases_read_request(r, q, &bufs[i]) != 0)
      goto done;
    reqs[i] = bufs[i].req;
    d[i] = (oi_decision)OI_DECISION_INIT;
  }
  oi_error_clear(&err);
  e = cases_expect_error(r, expect,
                         oi_ledger_submit_many(r->ledger, reqs, n, sizeof reqs[0], d,
                                               sizeof d[0], &err),
                         &err);
  if (e != 0) {
    status = e > 0 ? 0 : -1;
    goto done;
  }
  if (!json_is_array(expect) || json_array_size(expect) != n) {
    cases_fail(r, "\"expect\" must be a list of one decision per request");
    goto done;
  }
  memcpy(where, r->where, sizeof where);
  for (i = 0; i < n; i++) {
    snprintf(r->where, sizeof r->where, "%.120s, request %zu", where, i);
    if (cases_expect_decision(r, json_array_get(expect, i), &d[i]) != 0)
      goto done;
  }
  memcpy(r->where, where, sizeof where);
  status = 0;
done:
  free(d);
  free(reqs);
  free(bufs);
  return status;
}

static int step_withdraw(cases_run *r, json_t *id, json_t *expect)
{
  static const char *const known[] = { "previous", "promoted", NULL };
  const char *previous = "none";
  oi_withdrawal w = OI_WITHDRAWAL_INIT;
  oi_error err;
  json_t *promoted;
  size_t i;
  int e;

  if (!json_is_string(id))
    return cases_fail(r, "\"withdraw\" must name a request id");
  oi_error_clear(&err);
  e = cases_expect_error(r, expect,
                         oi_ledger_withdraw(r->ledger, json_string_value(id), &w, &err), &err);
  if (e != 0)
    return e > 0 ? 0 : -1;
  if (!json_is_object(expect))
    return cases_fail(r, "\"expect\" is not an object");
  if (cases_members(r, expect, "the expected withdrawal", known, NULL) != 0 ||
      cases_expected_outcome(r, json_object_get(expect, "previous"), &previous) != 0)
    return -1;
  if (strcmp(cases_outcome_text(w.previous), previous) != 0)
    return cases_fail(r, "it was %s, expected %s", cases_outcome_text(w.previous), previous);
  if (cases_member(r, expect, "promoted", &promoted) != 0)
    return -1;
  if (!json_is_array(promoted) || json_array_size(promoted) != w.promoted_count)
    return cases_fail(r, "%zu promoted, expected %zu", w.promoted_count,
                      json_array_size(promoted));
  for (i = 0; i < w.promoted_count; i++) {
    const char *want = json_string_value(json_array_get(promoted, i));

    if (want == NULL || strcmp(w.promoted[i], want) != 0)
      return cases_fail(r, "promoted[%zu] is %s, expected %s", i, w.promoted[i],
                        want != NULL ? want : "?");
  }
  return 0;
}

/* An optional expected string (or null for none) of an entry. */
static int entry_text(cases_run *r, json_t *expect, const char *key, const char *got)
{
  const char *want;

  if (json_object_get(expect, key) == NULL)
    return 0;
  if (cases_string(r, expect, key, &want) != 0)
    return -1;
  if (!cases_same_text(got, want))
    return cases_fail(r, "%s %s, expected %s", key, got != NULL ? got : "none",
                      want != NULL ? want : "none");
  return 0;
}

static int step_entry(cases_run *r, json_t *id, json_t *expect)
{
  static const char *const known[] = { "status", "nights", "reasons", NULL };
  static const char *const known_v2[] = { "nights_if_awarded", "payee", "year", "local_name",
                                          "officer_name", NULL };
  const char *status = "none";
  oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
  oi_error err;
  json_t *v;
  int x;

  if (!json_is_string(id))
    return cases_fail(r, "\"entry\" must name a request id");
  oi_error_clear(&err);
  x = cases_expect_error(r, expect, oi_ledger_get(r->ledger, json_string_value(id), &e, &err),
                         &err);
  if (x != 0)
    return x > 0 ? 0 : -1;
  if (!json_is_object(expect))
    return cases_fail(r, "\"expect\" is not an object");
  if (cases_members(r, expect, "the expected entry", known, known_v2) != 0)
    return -1;
  if ((v = json_object_get(expect, "status")) != NULL) {
    if (cases_expected_outcome(r, v, &status) != 0)
      return -1;
    if (strcmp(cases_outcome_text(e.status), status) != 0)
      return cases_fail(r, "status %s, expected %s", cases_outcome_text(e.status), status);
  }
  if (cases_expect_int(r, expect, "nights", e.nights) != 0 ||
      cases_expect_int(r, expect, "nights_if_awarded", e.nights_if_awarded) != 0 ||
      cases_expect_int(r, expect, "year", e.year) != 0 ||
      cases_expect_payee(r, expect, e.payee) != 0 ||
      entry_text(r, expect, "local_name", e.local_name) != 0 ||
      entry_text(r, expect, "officer_name", e.officer_name) != 0)
    return -1;
  if ((v = json_object_get(expect, "reasons")) != NULL)
    return cases_expect_reasons(r, v, e.reasons, e.reason_count);
  return 0;
}

/* {"local_awards": {"local": n, "year": y}} (version 2): the ids of the
 * local's awards of that year (S5), in receipt order. */
static int step_local_awards(cases_run *r, json_t *query, json_t *expect)
{
  static const char *const known[] = { "local", "year", NULL };
  oi_ledger_entry *got = NULL;
  long long local, year;
  size_t n = 0, i;
  oi_error err;
  oi_status st;
  int status = -1, x;

  if (!json_is_object(query))
    return cases_fail(r, "\"local_awards\" must be {\"local\": number, \"year\": year}");
  if (cases_members(r, query, "\"local_awards\"", known, NULL) != 0 ||
      cases_integer(r, query, "local", &local) != 0 || cases_integer(r, query, "year", &year) != 0)
    return -1;
  if (local < 0 || local > 4294967295LL || year < -2147483647LL - 1 || year > 2147483647LL)
    return cases_fail(r, "\"local_awards\": \"local\" or \"year\" is out of range");
  /* First how many, then all of them. */
  oi_error_clear(&err);
  st = oi_ledger_local_awards(r->ledger, (uint32_t)local, (int)year, NULL, 0, sizeof *got, &n,
                              &err);
  if (st == OI_OK && n > 0) {
    got = calloc(n, sizeof *got);
    if (got == NULL)
      return cases_fail(r, "out of memory");
    for (i = 0; i < n; i++)
      got[i] = (oi_ledger_entry)OI_LEDGER_ENTRY_INIT;
    st = oi_ledger_local_awards(r->ledger, (uint32_t)local, (int)year, got, n, sizeof *got, &n,
                                &err);
  }
  x = cases_expect_error(r, expect, st, &err);
  if (x != 0) {
    status = x > 0 ? 0 : -1;
    goto done;
  }
  if (!json_is_array(expect)) {
    cases_fail(r, "\"expect\" must be the list of the awards' ids");
    goto done;
  }
  if (json_array_size(expect) != n) {
    cases_fail(r, "%zu awards, expected %zu", n, json_array_size(expect));
    goto done;
  }
  for (i = 0; i < n; i++) {
    const char *want = json_string_value(json_array_get(expect, i));

    if (want == NULL || strcmp(got[i].id, want) != 0) {
      cases_fail(r, "award %zu is %s, expected %s", i, got[i].id, want != NULL ? want : "?");
      goto done;
    }
  }
  status = 0;
done:
  free(got);
  return status;
}

static int step_summary(cases_run *r, json_t *session_id, json_t *expect)
{
  oi_session_summary s = OI_SESSION_SUMMARY_INIT;
  oi_error err;
  const char *key;
  json_t *v;
  int x;

  if (!json_is_string(session_id))
    return cases_fail(r, "\"summary\" must name a session id");
  oi_error_clear(&err);
  x = cases_expect_error(
      r, expect, oi_ledger_session_summary(r->ledger, json_string_value(session_id), &s, &err),
      &err);
  if (x != 0)
    return x > 0 ? 0 : -1;
  if (!json_is_object(expect))
    return cases_fail(r, "\"expect\" is not an object");
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
      return cases_fail(r, "unknown summary field \"%s\"", key);
    if (!json_is_integer(v))
      return cases_fail(r, "\"%s\" must be an integer", key);
    if (got != want)
      return cases_fail(r, "%s is %lld, expected %lld", key, got, want);
  }
  return 0;
}

static int step_events(cases_run *r, json_t *from_v, json_t *expect)
{
  const size_t count = oi_ledger_event_count(r->ledger);
  size_t from, i;
  json_t *row;

  if (!json_is_integer(from_v) || json_integer_value(from_v) < 0)
    return cases_fail(r, "\"events_from\" must be an index");
  from = (size_t)json_integer_value(from_v);
  if (!json_is_array(expect))
    return cases_fail(r, "\"expect\" must be a list of events");
  if (from > count || count - from != json_array_size(expect))
    return cases_fail(r, "%zu events from %zu, expected %zu", from > count ? 0 : count - from,
                      from, json_array_size(expect));
  json_array_foreach(expect, i, row) {
    const char *type = json_string_value(json_array_get(row, 0));
    const char *id = json_string_value(json_array_get(row, 1));
    const char *cause = json_string_value(json_array_get(row, 3));
    const size_t size = json_array_size(row);
    json_t *nights = json_array_get(row, 4);
    const char *outcome = "none";
    oi_event ev = OI_EVENT_INIT;
    oi_error err;

    if (type == NULL || id == NULL || size < 4 || size > 5 ||
        (size == 5 && !json_is_integer(nights)))
      return cases_fail(r, "event %zu is not [type, request_id, outcome, cause_id] or "
                           "[type, request_id, outcome, cause_id, nights]",
                        i);
    if (size == 5 && cases_since(r, 2, "an event's nights") != 0)
      return -1;
    if (cases_expected_outcome(r, json_array_get(row, 2), &outcome) != 0)
      return -1;
    if (oi_ledger_event(r->ledger, from + i, &ev, &err) != OI_OK)
      return cases_fail(r, "event %zu: %s", from + i, err.message);
    if (strcmp(oi_event_type_name(ev.type), type) != 0 || strcmp(ev.request_id, id) != 0 ||
        strcmp(cases_outcome_text(ev.outcome), outcome) != 0 ||
        (cause == NULL) != (ev.cause_id == NULL) ||
        (cause != NULL && strcmp(cause, ev.cause_id) != 0))
      return cases_fail(r, "event %zu is [%s, %s, %s, %s], expected [%s, %s, %s, %s]", from + i,
                        oi_event_type_name(ev.type), ev.request_id,
                        cases_outcome_text(ev.outcome),
                        ev.cause_id != NULL ? ev.cause_id : "null", type, id, outcome,
                        cause != NULL ? cause : "null");
    /* The fifth element: the nights the event carries (S3: what an award
     * pays, when it is made; 0 for every other event). */
    if (size == 5 && ev.nights != json_integer_value(nights))
      return cases_fail(r, "event %zu carries %d nights, expected %lld", from + i, ev.nights,
                        (long long)json_integer_value(nights));
  }
  return 0;
}

/* The one operation of a step, by its member. */
static int run_step(cases_run *r, json_t *step)
{
  static const char *const ops[] = { "submit", "submit_many", "withdraw", "entry", "summary",
                                     "events_from", "expect", NULL };
  static const char *const ops_v2[] = { "local_awards", NULL };
  json_t *expect, *v;

  if (!json_is_object(step))
    return cases_fail(r, "a step must be an object");
  if (cases_members(r, step, "the step", ops, ops_v2) != 0 ||
      cases_member(r, step, "expect", &expect) != 0)
    return -1;
  if (json_object_size(step) != 2)
    return cases_fail(r, "a step is one operation and its \"expect\"");
  if ((v = json_object_get(step, "submit")) != NULL)
    return step_submit(r, v, expect);
  if ((v = json_object_get(step, "submit_many")) != NULL)
    return step_submit_many(r, v, expect);
  if ((v = json_object_get(step, "withdraw")) != NULL)
    return step_withdraw(r, v, expect);
  if ((v = json_object_get(step, "entry")) != NULL)
    return step_entry(r, v, expect);
  if ((v = json_object_get(step, "summary")) != NULL)
    return step_summary(r, v, expect);
  if ((v = json_object_get(step, "events_from")) != NULL)
    return step_events(r, v, expect);
  return step_local_awards(r, json_object_get(step, "local_awards"), expect);
}

int cases_run_ledger(cases_run *r, json_t *input)
{
  json_t *steps, *step, *v;
  const char *snapshot = NULL;
  char path[4096];
  oi_error err;
  size_t i;

  if (cases_member(r, input, "steps", &steps) != 0)
    return -1;
  if (!json_is_array(steps))
    return cases_fail(r, "\"steps\" is not a list");
  oi_error_clear(&err);
  /* A ledger case may start from a saved ledger (a path relative to the
   * case file), to check what a real ledger decides next. */
  if ((v = json_object_get(input, "ledger")) != NULL) {
    if (!json_is_string(v))
      return cases_fail(r, "\"ledger\" must be a ledger file's path");
    snapshot = json_string_value(v);
    if (snapshot[0] != '/') {
      snprintf(path, sizeof path, "%.2000s/%.2000s", r->file->dir, snapshot);
      snapshot = path;
    }
  }
  if ((snapshot != NULL ? oi_ledger_load(r->policy, snapshot, &r->ledger, &err)
                        : oi_ledger_new(r->policy, &r->ledger, &err)) != OI_OK)
    return cases_fail(r, "%s%s%s", snapshot != NULL ? snapshot : "",
                      snapshot != NULL ? ": " : "", err.message);
  json_array_foreach(steps, i, step) {
    snprintf(r->where, sizeof r->where, "step %zu", i);
    if (run_step(r, step) != 0)
      return -1;
  }
  r->where[0] = '\0';
  return 0;
}
