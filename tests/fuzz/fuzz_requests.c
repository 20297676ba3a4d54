/*
 * tests/fuzz/fuzz_requests.c -- arbitrary bytes as a requests document
 * (oi_batch_from_json) under the built-in 2017 policy.
 *
 * A document that fails to load, in either mode, must fail as
 * include/officerinst/requests.h and error.h say: a documented status, the
 * error filled in, nothing created; and it fails all or nothing exactly when
 * it fails element by element, or when element by element it has a bad
 * element. A document that loads must give
 *  - for every element either a value or an error, never both, the error
 *    naming that element (its index, a line, a NUL-terminated path);
 *  - good requests and applications the rules accept, decided by
 *    oi_batch_check() exactly as oi_check_subsidy() and
 *    oi_check_enrollment() decide them one by one;
 *  - a ledger, through oi_batch_submit(), that keeps every invariant of
 *    ledger_check.h and holds every good request;
 *  - a decisions document;
 *  - each good request written back as fields with the vocabulary's own
 *    names (oi_country_name(), oi_money_format(), oi_datetime_format() ...)
 *    and read by oi_batch_add_request() as the same request: every name
 *    the library writes, it reads.
 */
#include "ledger_check.h"

static const oi_status load_errors[] = { OI_EPARSE, OI_ESCHEMA, OI_ELIMIT, OI_EMISMATCH,
                                         OI_ENOMEM, OI_OK };

static void check_element_error(const oi_error *e, size_t index, const char *what)
{
  FZ_CHECK(e->status == OI_ESCHEMA || e->status == OI_ELIMIT, "%s %zu: status %s", what,
           index, oi_status_name(e->status));
  FZ_CHECK(e->index == index, "%s %zu: error about element %zu", what, index, e->index);
  FZ_CHECK(e->line >= 1, "%s %zu: line %d", what, index, e->line);
  FZ_CHECK(memchr(e->path, '\0', sizeof e->path) != NULL &&
               memchr(e->field, '\0', sizeof e->field) != NULL &&
               memchr(e->message, '\0', sizeof e->message) != NULL &&
               memchr(e->suggestion, '\0', sizeof e->suggestion) != NULL,
           "%s %zu: an error string is not NUL-terminated", what, index);
  FZ_CHECK(e->message[0] != '\0', "%s %zu: an empty message", what, index);
  FZ_CHECK(oi_expect_name(e->expected) != NULL, "%s %zu: expected %d", what, index,
           (int)e->expected);
}

/* Copy request @p i out of the batch into @p r: OI_OK for a good element,
 * OI_ESTATE for one with an error, never both; 1 if it is good. */
static int get_request(const oi_batch *b, size_t i, oi_subsidy_request *r)
{
  const oi_error *e = oi_batch_request_error(b, i);
  oi_error err;
  oi_status st;

  *r = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
  fz_error_poison(&err);
  st = oi_batch_get_request(b, i, r, &err);
  FZ_CHECK(st == (e != NULL ? OI_ESTATE : OI_OK), "request %zu (%s): copied out with %s", i,
           e != NULL ? "bad" : "good", oi_status_name(st));
  return st == OI_OK;
}

/* The same for application @p i. */
static int get_application(const oi_batch *b, size_t i, oi_application *a)
{
  const oi_error *e = oi_batch_application_error(b, i);
  oi_error err;
  oi_status st;

  *a = (oi_application)OI_APPLICATION_INIT;
  fz_error_poison(&err);
  st = oi_batch_get_application(b, i, a, &err);
  FZ_CHECK(st == (e != NULL ? OI_ESTATE : OI_OK), "application %zu (%s): copied out with %s", i,
           e != NULL ? "bad" : "good", oi_status_name(st));
  return st == OI_OK;
}

/* Request r written as fields with the library's names, read back. */
static void check_fields_round_trip(const oi_policy *p, const oi_subsidy_request *r)
{
  static const char *const names[] = {
    "id", "session", "received", "nights", "attested", "with_application",
    "application_signed", "request_signed", "local.number", "local.name", "local.country",
    "local.district", "local.lm_form", "local.receipts", "officer.id", "officer.name",
    "officer.office",
  };
  char received[OI_DATETIME_STRING_SIZE], nights[16], number[16], district[16];
  char receipts[OI_MONEY_STRING_SIZE];
  const char *values[sizeof names / sizeof names[0]];
  oi_subsidy_request back = OI_SUBSIDY_REQUEST_INIT;
  oi_batch *b = NULL;
  oi_error err;

  oi_datetime_format(r->received, received, sizeof received);
  snprintf(nights, sizeof nights, "%d", r->nights);
  snprintf(number, sizeof number, "%u", (unsigned)r->local.number);
  snprintf(district, sizeof district, "%d", r->local.district);
  if (r->local.receipts_known)
    oi_money_format(r->local.receipts_cents, receipts, sizeof receipts);
  else
    strcpy(receipts, "none");
  values[0] = r->id;
  values[1] = r->session_id;
  values[2] = received;
  values[3] = nights;
  values[4] = r->attested ? "true" : "false";
  values[5] = r->with_application ? "true" : "false";
  values[6] = r->application_signed ? "true" : "false";
  values[7] = r->request_signed ? "true" : "false";
  values[8] = number;
  values[9] = r->local.name;
  values[10] = oi_country_name(r->local.country);
  values[11] = district;
  values[12] = oi_lm_form_name(r->local.lm_form);
  values[13] = receipts;
  values[14] = r->officer.id;
  values[15] = r->officer.name != NULL ? r->officer.name : "";
  values[16] = oi_office_name(r->officer.office);
  FZ_CHECK(values[10] != NULL && values[12] != NULL && values[16] != NULL,
           "request \"%s\": a value without a name", r->id);
  if (oi_batch_new(p, OI_BATCH_ALL_OR_NOTHING, &b, &err) != OI_OK)
    fz_fail("oi_batch_new: %s", err.message);
  if (oi_batch_add_request(b, names, values, sizeof names / sizeof names[0], 1, NULL, &err) !=
      OI_OK)
    fz_fail("request \"%s\" written as fields does not read back: %s (%s)", r->id, err.message,
            err.path);
  if (oi_batch_get_request(b, 0, &back, &err) != OI_OK)
    fz_fail("request \"%s\" read from fields is not copied out: %s", r->id, err.message);
  FZ_CHECK(strcmp(back.id, r->id) == 0 && strcmp(back.session_id, r->session_id) == 0 &&
               oi_datetime_compare(back.received, r->received) == 0 &&
               back.nights == r->nights && back.attested == r->attested &&
               back.with_application == r->with_application &&
               back.application_signed == r->application_signed &&
               back.request_signed == r->request_signed &&
               back.local.number == r->local.number &&
               strcmp(back.local.name, r->local.name) == 0 &&
               back.local.country == r->local.country &&
               back.local.district == r->local.district &&
               back.local.lm_form == r->local.lm_form &&
               back.local.receipts_known == r->local.receipts_known &&
               (!r->local.receipts_known ||
                back.local.receipts_cents == r->local.receipts_cents) &&
               strcmp(back.officer.id, r->officer.id) == 0 &&
               back.officer.office == r->officer.office,
           "request \"%s\" written as fields reads back otherwise", r->id);
  oi_batch_free(b);
}

static void exercise(const oi_policy *p, oi_batch *b)
{
  const size_t nreq = oi_batch_request_count(b), napp = oi_batch_application_count(b);
  size_t i, good = 0, bad = 0;
  oi_ledger *ledger = NULL;
  char *text = NULL;
  size_t length = 0;
  oi_error err;

  for (i = 0; i < nreq; i++) {
    oi_subsidy_request r;
    if (!get_request(b, i, &r)) {
      check_element_error(oi_batch_request_error(b, i), i, "request");
      bad++;
    } else {
      oi_decision d = OI_DECISION_INIT;
      if (oi_check_subsidy(p, &r, &d, &err) != OI_OK)
        fz_fail("good request %zu is refused by the rules' checks: %s", i, err.message);
      good++;
    }
  }
  for (i = 0; i < napp; i++) {
    oi_application a;
    if (!get_application(b, i, &a)) {
      check_element_error(oi_batch_application_error(b, i), i, "application");
      bad++;
    } else {
      oi_decision d = OI_DECISION_INIT;
      if (oi_check_enrollment(p, &a, &d, &err) != OI_OK)
        fz_fail("good application %zu is refused by the rules' checks: %s", i, err.message);
    }
  }
  FZ_CHECK(oi_batch_error_count(b) == bad, "%zu errors counted, %zu found",
           oi_batch_error_count(b), bad);
  FZ_CHECK(oi_batch_decisions_to_json(b, &text, NULL, &err) == OI_ESTATE,
           "decisions written before deciding");

  if (oi_batch_check(b, &err) != OI_OK)
    fz_fail("oi_batch_check: %s", err.message);
  for (i = 0; i < nreq; i++) {
    oi_subsidy_request r;
    oi_decision d = OI_DECISION_INIT;
    if (!get_request(b, i, &r))
      continue;
    (void)oi_check_subsidy(p, &r, &d, NULL);
    FZ_CHECK(lc_decisions_equal(&d, oi_batch_request_decision(b, i)),
             "request %zu: the batch decides otherwise than oi_check_subsidy()", i);
    check_fields_round_trip(p, &r);
  }
  for (i = 0; i < napp; i++) {
    oi_application a;
    oi_decision d = OI_DECISION_INIT;
    if (!get_application(b, i, &a))
      continue;
    (void)oi_check_enrollment(p, &a, &d, NULL);
    FZ_CHECK(lc_decisions_equal(&d, oi_batch_application_decision(b, i)),
             "application %zu: the batch decides otherwise than oi_check_enrollment()", i);
  }

  if (oi_ledger_new(p, &ledger, &err) != OI_OK)
    fz_fail("oi_ledger_new: %s", err.message);
  if (oi_batch_submit(b, ledger, &err) != OI_OK)
    fz_fail("oi_batch_submit: %s (%s)", err.message, err.path);
  FZ_CHECK(oi_ledger_count(ledger) == good, "%zu good requests, %zu entered", good,
           oi_ledger_count(ledger));
  for (i = 0; i < nreq; i++) {
    oi_subsidy_request r;
    oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
    if (!get_request(b, i, &r))
      continue;
    FZ_CHECK(oi_ledger_get(ledger, r.id, &e, NULL) == OI_OK &&
                 e.status == oi_batch_request_decision(b, i)->outcome,
             "request \"%s\": the ledger holds another status", r.id);
  }
  lc_check(ledger);
  if (oi_batch_decisions_to_json(b, &text, &length, &err) != OI_OK)
    fz_fail("oi_batch_decisions_to_json: %s", err.message);
  FZ_CHECK(strlen(text) == length && length > 0 && text[length - 1] == '\n',
           "a decisions document of %zu bytes", length);
  oi_free(text);
  oi_ledger_free(ledger);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const oi_policy *p = fz_policy_2017();
  oi_batch *const sentinel = (oi_batch *)(uintptr_t)0x5e7;
  oi_batch *per = sentinel, *all = sentinel;
  oi_error err, err_all;
  oi_status st, st_all;

  fz_error_poison(&err);
  st = oi_batch_from_json(p, (const char *)data, size, OI_BATCH_PER_ELEMENT, &per, &err);
  fz_error_poison(&err_all);
  st_all = oi_batch_from_json(p, (const char *)data, size, OI_BATCH_ALL_OR_NOTHING, &all,
                              &err_all);
  if (st_all != OI_OK) {
    fz_check_failure("oi_batch_from_json (all or nothing)", st_all, &err_all, load_errors);
    FZ_CHECK(all == sentinel, "a failed load wrote its output");
  }
  if (st != OI_OK) {
    fz_check_failure("oi_batch_from_json (per element)", st, &err, load_errors);
    FZ_CHECK(per == sentinel, "a failed load wrote its output");
    FZ_CHECK(st_all == st, "per element %s, all or nothing %s", oi_status_name(st),
             oi_status_name(st_all));
    return 0;
  }
  FZ_CHECK((st_all == OI_OK) == (oi_batch_error_count(per) == 0),
           "all or nothing %s, per element %zu bad elements", oi_status_name(st_all),
           oi_batch_error_count(per));
  if (st_all == OI_OK) {
    FZ_CHECK(oi_batch_request_count(all) == oi_batch_request_count(per) &&
                 oi_batch_application_count(all) == oi_batch_application_count(per),
             "the two modes read different elements");
    oi_batch_free(all);
  } else {
    /* The first bad element, requests before applications. */
    const oi_error *first = NULL;
    size_t i;
    for (i = 0; first == NULL && i < oi_batch_request_count(per); i++)
      first = oi_batch_request_error(per, i);
    for (i = 0; first == NULL && i < oi_batch_application_count(per); i++)
      first = oi_batch_application_error(per, i);
    FZ_CHECK(first != NULL && strcmp(first->path, err_all.path) == 0 &&
                 first->line == err_all.line && first->column == err_all.column,
             "all or nothing fails at %s, the first bad element is %s", err_all.path,
             first != NULL ? first->path : "none");
  }
  exercise(p, per);
  oi_batch_free(per);
  return 0;
}
