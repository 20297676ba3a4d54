/*
 * tests/fuzz/fuzz_policy.c -- arbitrary bytes as a policy document
 * (oi_policy_from_json).
 *
 * A document that fails to load must fail as include/officerinst/json.h and
 * error.h say: a documented status, the error filled in, nothing created.
 * A document that loads must make a policy that
 *  - saves to a document that loads back to the same digest and saves to
 *    the very same bytes;
 *  - answers every getter consistently (ids unique and found again, every
 *    course a session offers is in the catalogue, deadlines computable);
 *  - decides subsidy requests and enrollments at each of its sessions, with
 *    every reason renderable by oi_reason_format(), truncated safely;
 *  - drives a ledger that keeps every invariant (tests/fuzz/ledger_check.h)
 *    under its own numbers (U3: a fuzzed policy may have 0 seats or a cap
 *    of 0), and whose snapshot round-trips.
 */
#include "ledger_check.h"

/* Sessions looked at in depth; a policy may hold OI_POLICY_ITEMS_MAX. */
#define DEEP_SESSIONS 24

static const oi_status load_errors[] = { OI_EPARSE, OI_ESCHEMA, OI_ELIMIT, OI_ENOMEM, OI_OK };

static void check_reasons(const oi_policy *p, const oi_decision *d, const char *what)
{
  size_t i;

  FZ_CHECK(d->reason_count <= OI_DECISION_V1_REASONS, "%s: %zu reasons", what,
           d->reason_count);
  FZ_CHECK(d->outcome != OI_OUTCOME_REFUSED || d->reason_count > 0,
           "%s: refused without a reason", what);
  for (i = 0; i < d->reason_count; i++) {
    char big[1024], small[8];
    const oi_reason *r = oi_decision_reason(d, i);
    int n, m;

    FZ_CHECK(r != NULL, "%s: reason %zu of %zu is not readable", what, i, d->reason_count);
    n = oi_reason_format(p, r, big, sizeof big);
    FZ_CHECK(oi_clause_id(r->clause) != NULL && oi_reason_code_name(r->code) != NULL,
             "%s: reason %zu has clause %d code %d", what, i, (int)r->clause, (int)r->code);
    FZ_CHECK(n > 0 && (size_t)n < sizeof big && strlen(big) == (size_t)n,
             "%s: reason %s renders %d bytes", what, oi_reason_code_name(r->code), n);
    memset(small, 'x', sizeof small);
    m = oi_reason_format(p, r, small, sizeof small);
    FZ_CHECK(m == n && small[sizeof small - 1] == '\0' &&
                 strncmp(small, big, sizeof small - 1) == 0,
             "%s: reason %s truncates badly", what, oi_reason_code_name(r->code));
    FZ_CHECK(oi_reason_format(p, r, NULL, 0) == n, "%s: sizing call differs", what);
  }
}

/* A request that meets every stateless rule a session can meet. */
static void request_for(const oi_session *s, const oi_date *deadline, oi_country country,
                        int k, oi_subsidy_request *r)
{
  static const char *const ids[] = { "req-a", "req-b", "req-c" };
  static const char *const officers[] = { "officer-a", "officer-b", "officer-c" };

  *r = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
  r->id = ids[k];
  r->session_id = s->id;
  r->local.number = country == OI_COUNTRY_US ? 7u + (unsigned)(k / 2) : 9u;
  r->local.name = "A Local";
  r->local.country = country;
  r->local.district = 1 + k;
  r->local.lm_form = OI_LM_3;
  r->local.receipts_known = 1;
  r->local.receipts_cents = 0;
  r->officer.id = officers[k];
  r->officer.office = OI_OFFICE_SECRETARY_TREASURER;
  r->received.date = *deadline;
  r->received.hour = 23;
  r->nights = 4 + k;
  r->attested = 1;
  r->with_application = 1;
  r->application_signed = 1;
  r->request_signed = 1;
}

static void exercise(const oi_policy *p)
{
  const size_t courses = oi_policy_course_count(p), sessions = oi_policy_session_count(p),
               sites = oi_policy_prior_site_count(p);
  oi_policy_numbers numbers = OI_POLICY_NUMBERS_INIT;
  oi_ledger *ledger = NULL;
  oi_error err;
  size_t i, j, found;

  FZ_CHECK(oi_policy_id(p) != NULL && strlen(oi_policy_digest(p)) == 16, "id or digest");
  if (oi_policy_get_numbers(p, &numbers, &err) != OI_OK)
    fz_fail("oi_policy_get_numbers: %s", err.message);
  FZ_CHECK(courses <= OI_POLICY_ITEMS_MAX && sessions <= OI_POLICY_ITEMS_MAX &&
               sites <= OI_POLICY_ITEMS_MAX,
           "%zu courses, %zu sessions, %zu sites", courses, sessions, sites);
  for (i = 0; i < courses; i++) {
    oi_course c = OI_COURSE_INIT;
    if (oi_policy_course(p, i, &c, &err) != OI_OK)
      fz_fail("oi_policy_course(%zu): %s", i, err.message);
    FZ_CHECK(oi_policy_find_course(p, c.id, &found, &err) == OI_OK && found == i,
             "course \"%s\" is not found at %zu", c.id, i);
  }
  for (i = 0; i < sites; i++)
    FZ_CHECK(oi_policy_prior_site(p, i) != NULL, "prior site %zu is NULL", i);
  FZ_CHECK(oi_policy_prior_site(p, sites) == NULL, "prior site past the end");
  if (oi_ledger_new(p, &ledger, &err) != OI_OK)
    fz_fail("oi_ledger_new: %s", err.message);

  for (i = 0; i < sessions; i++) {
    oi_session s = OI_SESSION_INIT;
    oi_date deadline;
    oi_decision d = OI_DECISION_INIT;
    oi_subsidy_request r;
    int k;

    if (oi_policy_session(p, i, &s, &err) != OI_OK)
      fz_fail("oi_policy_session(%zu): %s", i, err.message);
    FZ_CHECK(oi_policy_find_session(p, s.id, &found, &err) == OI_OK && found == i,
             "session \"%s\" is not found at %zu", s.id, i);
    /* A catalogue may span calendar years (S5, U3): a session's first day
     * need not fall in the policy's year, but it never follows its last. */
    FZ_CHECK(oi_date_compare(s.first_day, s.last_day) <= 0, "session \"%s\" dates", s.id);
    FZ_CHECK(s.course_count >= 1 && s.course_count <= OI_SESSION_COURSES_MAX,
             "session \"%s\" offers %zu courses", s.id, s.course_count);
    for (j = 0; j < s.course_count; j++)
      FZ_CHECK(oi_policy_find_course(p, s.course_ids[j], &found, &err) == OI_OK,
               "session \"%s\" offers unknown course \"%s\"", s.id, s.course_ids[j]);
    FZ_CHECK(oi_policy_session_seats(p, i) >= 0, "session \"%s\" seats", s.id);
    if (oi_policy_subsidy_deadline(p, i, &deadline, &err) != OI_OK)
      fz_fail("oi_policy_subsidy_deadline(\"%s\"): %s", s.id, err.message);
    if (i >= DEEP_SESSIONS)
      continue;

    /* Enrollment in each course, by an officer with graduations on record,
     * in the catalogue, and unknown (P1, P2). */
    for (j = 0; j < s.course_count; j++) {
      oi_graduation g[3];
      oi_application a = OI_APPLICATION_INIT;
      a.session_id = s.id;
      a.course_id = s.course_ids[j];
      a.local.number = 1;
      a.local.name = "A Local";
      a.local.country = (j % 2) ? OI_COUNTRY_CA : OI_COUNTRY_US;
      a.local.district = 13;
      a.officer.id = "officer-e";
      a.officer.office = (oi_office)(j % 9);
      g[0].site = sites > 0 ? oi_policy_prior_site(p, 0) : "Toronto";
      g[0].date = s.first_day;
      g[1].site = s.id;
      memset(&g[1].date, 0, sizeof g[1].date);
      g[2].site = "Nowhere, ZZ";
      g[2].date = deadline;
      a.officer.graduations = g;
      a.officer.graduation_count = 3;
      if (oi_check_enrollment(p, &a, &d, &err) != OI_OK)
        fz_fail("oi_check_enrollment(\"%s\", \"%s\"): %s", s.id, a.course_id, err.message);
      FZ_CHECK(d.outcome == OI_OUTCOME_ADMITTED || d.outcome == OI_OUTCOME_REFUSED,
               "enrollment outcome %d", (int)d.outcome);
      check_reasons(p, &d, "oi_check_enrollment");
    }

    /* Three subsidy requests, two from one local (S5), into the ledger. */
    for (k = 0; k < 3; k++) {
      oi_decision stateless = OI_DECISION_INIT;
      request_for(&s, &deadline, k == 2 ? OI_COUNTRY_CA : OI_COUNTRY_US, k, &r);
      if (oi_check_subsidy(p, &r, &stateless, &err) != OI_OK)
        fz_fail("oi_check_subsidy(\"%s\"): %s", s.id, err.message);
      check_reasons(p, &stateless, "oi_check_subsidy");
      FZ_CHECK(stateless.outcome == OI_OUTCOME_ELIGIBLE ||
                   stateless.outcome == OI_OUTCOME_REFUSED,
               "stateless outcome %d", (int)stateless.outcome);
      {
        /* Ids are reused across sessions: make them unique per session. */
        char id[OI_ID_MAX + 1];
        snprintf(id, sizeof id, "%.20s-%zu", r.id, i);
        r.id = id;
        if (oi_ledger_submit(ledger, &r, &d, &err) != OI_OK)
          fz_fail("oi_ledger_submit(\"%s\" at \"%s\"): %s", r.id, s.id, err.message);
        check_reasons(p, &d, "oi_ledger_submit");
      }
    }
    lc_check(ledger);
    {
      oi_ledger_entry first = OI_LEDGER_ENTRY_INIT;
      size_t n = 0;
      if (oi_ledger_session_entries(ledger, s.id, OI_OUTCOME_AWARDED, &first, 1, sizeof first,
                                    &n, &err) != OI_OK)
        fz_fail("oi_ledger_session_entries: %s", err.message);
      if (n > 0) {
        if (oi_ledger_withdraw(ledger, first.id, NULL, &err) != OI_OK)
          fz_fail("oi_ledger_withdraw(\"%s\"): %s", first.id, err.message);
        lc_check(ledger);
      }
    }
  }
  lc_check_round_trip(ledger);
  oi_ledger_free(ledger);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  oi_policy *const sentinel = (oi_policy *)(uintptr_t)0x5e7;
  oi_policy *p = sentinel, *back = NULL;
  char *t1 = NULL, *t2 = NULL;
  size_t n1 = 0, n2 = 0;
  oi_error err;
  oi_status st;

  fz_error_poison(&err);
  st = oi_policy_from_json((const char *)data, size, &p, &err);
  if (st != OI_OK) {
    fz_check_failure("oi_policy_from_json", st, &err, load_errors);
    FZ_CHECK(p == sentinel, "a failed oi_policy_from_json wrote its output");
    return 0;
  }
  FZ_CHECK(p != NULL && p != sentinel, "oi_policy_from_json: OI_OK without a policy");

  if (oi_policy_to_json(p, &t1, &n1, &err) != OI_OK)
    fz_fail("oi_policy_to_json: %s", err.message);
  if (oi_policy_from_json(t1, n1, &back, &err) != OI_OK)
    fz_fail("a saved policy does not load: %s at %d:%d (%s): %s", oi_status_name(err.status),
            err.line, err.column, err.path, err.message);
  FZ_CHECK(strcmp(oi_policy_digest(p), oi_policy_digest(back)) == 0 &&
               strcmp(oi_policy_id(p), oi_policy_id(back)) == 0,
           "a saved policy loads with another digest (%s, then %s)", oi_policy_digest(p),
           oi_policy_digest(back));
  if (oi_policy_to_json(back, &t2, &n2, &err) != OI_OK)
    fz_fail("oi_policy_to_json: %s", err.message);
  FZ_CHECK(n1 == n2 && memcmp(t1, t2, n1) == 0 && strlen(t1) == n1,
           "a saved policy loaded and saved again differs");
  oi_free(t1);
  oi_free(t2);
  oi_policy_free(back);

  exercise(p);
  oi_policy_free(p);
  return 0;
}
