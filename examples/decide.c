/*
 * examples/decide.c: decide a handful of sample requests under the built-in
 * 2017 policy and print each decision with every reason behind it.
 *
 * It shows the whole cycle of the stateless API: make a policy
 * (oi_policy_builtin), describe a request in plain caller-owned structs,
 * ask for a decision (oi_check_enrollment, oi_check_subsidy), read the
 * outcome and render each reason (oi_clause_id, oi_reason_code_name,
 * oi_reason_format), and free the policy.
 *
 * Each sample also states the outcome doc/policy.md gives it, so this program
 * doubles as a smoke test: it exits 1 if the library decides otherwise, and
 * 1 on any failed call, after printing the library's error message.
 *
 * Build outside the tree:
 *   cc decide.c $(pkg-config --cflags --libs officerinst)
 */
#include <officerinst.h>

#include <stdio.h>
#include <stdlib.h>

/* An enrollment sample. The course is named by its kind (C1, C2, C3) and
 * looked up in the policy, so the example does not depend on course ids. */
struct enrollment_case {
  const char *label;
  const char *session_id;
  oi_course_kind course;
  oi_local local;
  oi_officer officer;
  oi_outcome expected;
};

/* A subsidy sample: a full request, and what doc/policy.md says of it. */
struct subsidy_case {
  const char *label;
  oi_subsidy_request request;
  oi_outcome expected;
};

/* --- The locals (U1) ---------------------------------------------------- */

/* S2: a U.S. local qualifies by the form it files, LM-3 or LM-4. */
#define US_LOCAL_LM3 \
  { .version = OI_LOCAL_VERSION, .number = 101, .name = "Local 101", .country = OI_COUNTRY_US, \
    .district = 2, .lm_form = OI_LM_3 }
#define US_LOCAL_LM4 \
  { .version = OI_LOCAL_VERSION, .number = 202, .name = "Local 202", .country = OI_COUNTRY_US, \
    .district = 5, .lm_form = OI_LM_4 }
/* S2: a U.S. local that files LM-2 does not qualify. */
#define US_LOCAL_LM2 \
  { .version = OI_LOCAL_VERSION, .number = 303, .name = "Local 303", .country = OI_COUNTRY_US, \
    .district = 10, .lm_form = OI_LM_2 }
/* S2: a Canadian local is judged by its receipts alone: this one is well
 * under $250,000. */
#define CA_LOCAL_SMALL \
  { .version = OI_LOCAL_VERSION, .number = 404, .name = "Local 404", .country = OI_COUNTRY_CA, \
    .district = 11, .receipts_known = 1, .receipts_cents = 9500000 }
/* S2: exactly $250,000.00 is not "less than $250,000". */
#define CA_LOCAL_AT_THRESHOLD \
  { .version = OI_LOCAL_VERSION, .number = 505, .name = "Local 505", .country = OI_COUNTRY_CA, \
    .district = 12, .receipts_known = 1, .receipts_cents = 25000000 }

/* --- Graduations claimed for P1 ----------------------------------------- */

/* Toronto is one of the prior sites on record (P1), and 2015 is well before
 * any 2017 2.0 session. */
static const oi_graduation toronto_2015[] = {
  { .site = "Toronto", .date = { 2015, 6, 12 } },
};

/* --- The samples -------------------------------------------------------- */

static const struct enrollment_case enrollment_cases[] = {
  { /* E1: OI-2017-MD is open to U.S. locals only. */
    .label = "Canadian local asks for Officer Institute 1.0 at OI-2017-MD",
    .session_id = "OI-2017-MD",
    .course = OI_COURSE_INSTITUTE,
    .local = CA_LOCAL_SMALL,
    .officer = { .version = OI_OFFICER_VERSION, .id = "ca-404-1", .name = "A. Tremblay", .office = OI_OFFICE_PRESIDENT },
    .expected = OI_OUTCOME_REFUSED },
  { /* P1: a dated graduation at a prior site, before the session began. */
    .label = "Advanced Organizing 2.0 at ADV-2017-MD after graduating in Toronto",
    .session_id = "ADV-2017-MD",
    .course = OI_COURSE_ADVANCED_ORGANIZING,
    .local = US_LOCAL_LM3,
    .officer = { .version = OI_OFFICER_VERSION, .id = "us-101-1", .name = "B. Ortiz", .office = OI_OFFICE_BUSINESS_AGENT,
                 .graduations = toronto_2015, .graduation_count = 1 },
    .expected = OI_OUTCOME_ADMITTED },
  { /* P2: the current office is enough, no graduation needed. */
    .label = "Advanced Secretary Treasurer 2.0 at ADV-2017-CA, held by a Secretary-Treasurer",
    .session_id = "ADV-2017-CA",
    .course = OI_COURSE_ADVANCED_SECRETARY_TREASURER,
    .local = CA_LOCAL_SMALL,
    .officer = { .version = OI_OFFICER_VERSION, .id = "ca-404-2", .name = "C. Singh", .office = OI_OFFICE_SECRETARY_TREASURER },
    .expected = OI_OUTCOME_ADMITTED },
  { /* P1: Organizing 2.0 needs a 1.0 graduation; none is claimed. */
    .label = "Advanced Organizing 2.0 at ADV-2017-CA with no graduation",
    .session_id = "ADV-2017-CA",
    .course = OI_COURSE_ADVANCED_ORGANIZING,
    .local = US_LOCAL_LM4,
    .officer = { .version = OI_OFFICER_VERSION, .id = "us-202-1", .name = "D. Kowalski", .office = OI_OFFICE_PRESIDENT },
    .expected = OI_OUTCOME_REFUSED },
};

/* Every request below is otherwise complete: attested (S2), submitted with
 * the application, and both forms signed (S8), unless its label says not. */
static const struct subsidy_case subsidy_cases[] = {
  { /* S6: OI-2017-CO must be received by 2017-03-27. */
    .label = "U.S. local filing LM-3, OI-2017-CO, received 2017-03-01",
    .request = { .version = OI_SUBSIDY_REQUEST_VERSION, .id = "req-1", .session_id = "OI-2017-CO", .local = US_LOCAL_LM3,
                 .officer = { .version = OI_OFFICER_VERSION, .id = "us-101-2", .name = "E. Novak", .office = OI_OFFICE_TREASURER },
                 .received = { .date = { 2017, 3, 1 }, .hour = 10 },
                 .nights = 5, .attested = 1, .with_application = 1,
                 .application_signed = 1, .request_signed = 1 },
    .expected = OI_OUTCOME_ELIGIBLE },
  { /* S6: OI-2017-MD begins 2017-02-13, so the deadline is 2017-01-02; the
     * day of receipt counts, not the hour. */
    .label = "OI-2017-MD, received 2017-01-03 at 08:00, one day late",
    .request = { .version = OI_SUBSIDY_REQUEST_VERSION, .id = "req-2", .session_id = "OI-2017-MD", .local = US_LOCAL_LM4,
                 .officer = { .version = OI_OFFICER_VERSION, .id = "us-202-2", .name = "F. Brennan", .office = OI_OFFICE_SECRETARY },
                 .received = { .date = { 2017, 1, 3 }, .hour = 8 },
                 .nights = 5, .attested = 1, .with_application = 1,
                 .application_signed = 1, .request_signed = 1 },
    .expected = OI_OUTCOME_REFUSED },
  { /* S2: a U.S. local is judged by its form alone; LM-2 does not qualify. */
    .label = "U.S. local filing LM-2, OI-2017-CO",
    .request = { .version = OI_SUBSIDY_REQUEST_VERSION, .id = "req-3", .session_id = "OI-2017-CO", .local = US_LOCAL_LM2,
                 .officer = { .version = OI_OFFICER_VERSION, .id = "us-303-1", .name = "G. Haddad", .office = OI_OFFICE_PRESIDENT },
                 .received = { .date = { 2017, 2, 20 }, .hour = 14, .minute = 30 },
                 .nights = 4, .attested = 1, .with_application = 1,
                 .application_signed = 1, .request_signed = 1 },
    .expected = OI_OUTCOME_REFUSED },
  { /* S2: receipts must be strictly below $250,000; OI-2017-FL admits
     * Canadian locals (E1), so S2 is the only reason. */
    .label = "Canadian local with receipts of exactly $250,000.00, OI-2017-FL",
    .request = { .version = OI_SUBSIDY_REQUEST_VERSION, .id = "req-4", .session_id = "OI-2017-FL", .local = CA_LOCAL_AT_THRESHOLD,
                 .officer = { .version = OI_OFFICER_VERSION, .id = "ca-505-1", .name = "H. Roy", .office = OI_OFFICE_SECRETARY_TREASURER },
                 .received = { .date = { 2017, 8, 1 }, .hour = 9 },
                 .nights = 5, .attested = 1, .with_application = 1,
                 .application_signed = 1, .request_signed = 1 },
    .expected = OI_OUTCOME_REFUSED },
  { /* S8: both forms must be signed by an Executive Board representative. */
    .label = "Subsidy request not signed, OI-2017-FL",
    .request = { .version = OI_SUBSIDY_REQUEST_VERSION, .id = "req-5", .session_id = "OI-2017-FL", .local = US_LOCAL_LM3,
                 .officer = { .version = OI_OFFICER_VERSION, .id = "us-101-3", .name = "I. Okafor", .office = OI_OFFICE_VICE_PRESIDENT },
                 .received = { .date = { 2017, 7, 15 }, .hour = 11 },
                 .nights = 5, .attested = 1, .with_application = 1,
                 .application_signed = 1, .request_signed = 0 },
    .expected = OI_OUTCOME_REFUSED },
  { /* S10: a refusal lists every reason, not only the first: E1 (OI-2017-MD
     * is U.S.-only), S2 (no attestation), S6 (deadline 2017-01-02), S8 (sent
     * apart from the application). */
    .label = "Canadian local at OI-2017-MD: late, not attested, sent apart from the application",
    .request = { .version = OI_SUBSIDY_REQUEST_VERSION, .id = "req-6", .session_id = "OI-2017-MD", .local = CA_LOCAL_SMALL,
                 .officer = { .version = OI_OFFICER_VERSION, .id = "ca-404-3", .name = "J. Gagnon", .office = OI_OFFICE_TREASURER },
                 .received = { .date = { 2017, 1, 20 }, .hour = 16 },
                 .nights = 3, .attested = 0, .with_application = 0,
                 .application_signed = 1, .request_signed = 1 },
    .expected = OI_OUTCOME_REFUSED },
  { /* S3: at most five nights are paid; asking for more is no refusal. */
    .label = "Seven nights requested, OI-2017-FL",
    .request = { .version = OI_SUBSIDY_REQUEST_VERSION, .id = "req-7", .session_id = "OI-2017-FL", .local = US_LOCAL_LM4,
                 .officer = { .version = OI_OFFICER_VERSION, .id = "us-202-3", .name = "K. Lindqvist", .office = OI_OFFICE_RECORDING_SECRETARY },
                 .received = { .date = { 2017, 6, 30 }, .hour = 12 },
                 .nights = 7, .attested = 1, .with_application = 1,
                 .application_signed = 1, .request_signed = 1 },
    .expected = OI_OUTCOME_ELIGIBLE },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Report a failed call with the library's own explanation. */
static void print_error(const char *what, oi_status status, const oi_error *err)
{
  fprintf(stderr, "decide: %s failed: %s: %s%s%s\n", what, oi_status_name(status),
          err->message, err->path[0] != '\0' ? " at " : "", err->path);
}

/* Print "  [S6] RECEIVED_LATE: <message>". oi_reason_format() works like
 * snprintf, so a message too long for the stack buffer is formatted again
 * into one of the size it asked for. */
static int print_reason(const oi_policy *policy, const oi_reason *reason)
{
  char text[256];
  const char *clause = oi_clause_id(reason->clause);
  const char *code = oi_reason_code_name(reason->code);
  const int len = oi_reason_format(policy, reason, text, sizeof text);

  if (len < 0) {
    fprintf(stderr, "decide: oi_reason_format refused reason code %d\n", (int)reason->code);
    return -1;
  }
  if ((size_t)len < sizeof text) {
    printf("  [%s] %s: %s\n", clause ? clause : "?", code ? code : "?", text);
    return 0;
  }
  char *big = malloc((size_t)len + 1);
  if (big == NULL) {
    fprintf(stderr, "decide: out of memory\n");
    return -1;
  }
  (void)oi_reason_format(policy, reason, big, (size_t)len + 1);
  printf("  [%s] %s: %s\n", clause ? clause : "?", code ? code : "?", big);
  free(big);
  return 0;
}

/* Print a decision; returns 1 if its outcome is the expected one, 0 if not,
 * -1 if a reason could not be printed. */
static int print_decision(const oi_policy *policy, const oi_decision *d, int is_subsidy,
                          oi_outcome expected)
{
  const char *outcome = oi_outcome_name(d->outcome);

  printf("  outcome: %s (policy %s)\n", outcome ? outcome : "?", d->policy_id);
  if (is_subsidy) {
    /* S3: the subsidy pays lodging only, at most the policy's nights, and
     * only to the session's designated hotel; nothing when refused. */
    printf("  nights:  %d paid of %d requested; payee: %s\n", d->nights,
           d->nights_requested, d->payee != NULL ? d->payee : "none");
  }
  for (size_t i = 0; i < d->reason_count; i++) {
    if (print_reason(policy, oi_decision_reason(d, i)) != 0) {
      return -1;
    }
  }
  if (d->outcome != expected) {
    const char *want = oi_outcome_name(expected);
    printf("  UNEXPECTED: doc/policy.md says %s\n", want ? want : "?");
    return 0;
  }
  return 1;
}

/* The id of the policy's first course of a kind (C1, C2 or C3). */
static const char *course_of_kind(const oi_policy *policy, oi_course_kind kind)
{
  const size_t n = oi_policy_course_count(policy);

  for (size_t i = 0; i < n; i++) {
    oi_course course = OI_COURSE_INIT;
    if (oi_policy_course(policy, i, &course, NULL) == OI_OK && course.kind == kind) {
      return course.id;
    }
  }
  return NULL;
}

int main(void)
{
  oi_error err;
  oi_policy *policy = NULL;
  int unexpected = 0;
  int failed = 0;

  oi_error_clear(&err);
  oi_status st = oi_policy_builtin(2017, &policy, &err);
  if (st != OI_OK) {
    print_error("oi_policy_builtin(2017)", st, &err);
    return 1;
  }
  printf("libofficerinst %s, policy %s (digest %s), %zu sessions\n\n", oi_version(),
         oi_policy_id(policy), oi_policy_digest(policy), oi_policy_session_count(policy));

  for (size_t i = 0; i < COUNT(enrollment_cases) && !failed; i++) {
    const struct enrollment_case *c = &enrollment_cases[i];
    const char *course_id = course_of_kind(policy, c->course);
    if (course_id == NULL) {
      fprintf(stderr, "decide: the 2017 policy has no course of kind %d\n", (int)c->course);
      failed = 1;
      break;
    }
    const oi_application app = {
      .version = OI_APPLICATION_VERSION,
      .session_id = c->session_id,
      .course_id = course_id,
      .local = c->local,
      .officer = c->officer,
    };
    oi_decision d = OI_DECISION_INIT;

    printf("Enrollment %zu: %s\n", i + 1, c->label);
    st = oi_check_enrollment(policy, &app, &d, &err);
    if (st != OI_OK) {
      print_error("oi_check_enrollment", st, &err);
      failed = 1;
      break;
    }
    const int ok = print_decision(policy, &d, 0, c->expected);
    if (ok < 0) {
      failed = 1;
    } else if (ok == 0) {
      unexpected++;
    }
    putchar('\n');
  }

  for (size_t i = 0; i < COUNT(subsidy_cases) && !failed; i++) {
    const struct subsidy_case *c = &subsidy_cases[i];
    oi_decision d = OI_DECISION_INIT;

    printf("Subsidy %zu: %s\n", i + 1, c->label);
    st = oi_check_subsidy(policy, &c->request, &d, &err);
    if (st != OI_OK) {
      print_error("oi_check_subsidy", st, &err);
      failed = 1;
      break;
    }
    const int ok = print_decision(policy, &d, 1, c->expected);
    if (ok < 0) {
      failed = 1;
    } else if (ok == 0) {
      unexpected++;
    }
    putchar('\n');
  }

  oi_policy_free(policy);
  if (failed) {
    return 1;
  }
  if (unexpected > 0) {
    fprintf(stderr, "decide: %d decision(s) differ from doc/policy.md\n", unexpected);
    return 1;
  }
  return 0;
}
