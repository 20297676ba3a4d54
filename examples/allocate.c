/*
 * examples/allocate.c: allocate a realistic year of subsidy requests with a
 * ledger and print, per session, who is awarded, who waits and who is
 * refused, each with the clauses behind it.
 *
 *   allocate                 the built-in 2017 policy
 *   allocate POLICY.json     a policy document (e.g. examples/policy-2018.json)
 *
 * The sample is about forty requests from twenty locals, placed relative to
 * the policy's own 1.0 sessions and deadlines so that it means the same under
 * any year's policy: the first session is oversubscribed (S4), one local asks
 * for three officers (S5), one officer asks twice (S9), some requests are
 * late (S6) or unsigned (S8), some locals file LM-2 or have receipts over the
 * Canadian threshold (S2), one Canadian local applies to a U.S.-only session
 * (E1), and some ask for more nights than are paid (S3). The requests are
 * entered in one batch, in the order they were typed, not the order they
 * were received; the ledger decides them in order of receipt (S4, S11).
 * Finally one award is withdrawn to show who is promoted (S10).
 *
 * Build outside the tree:
 *   cc allocate.c $(pkg-config --cflags --libs officerinst)
 */
#include <officerinst.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The twenty locals (U1). Receipts are in cents (S2). */
static const oi_local locals[] = {
  { OI_LOCAL_VERSION, 2, "IATSE Local 2", OI_COUNTRY_US, 4, OI_LM_3, 0, 0 },
  { OI_LOCAL_VERSION, 8, "IATSE Local 8", OI_COUNTRY_US, 3, OI_LM_4, 0, 0 },
  { OI_LOCAL_VERSION, 11, "IATSE Local 11", OI_COUNTRY_US, 1, OI_LM_3, 0, 0 },
  { OI_LOCAL_VERSION, 16, "IATSE Local 16", OI_COUNTRY_US, 2, OI_LM_2, 0, 0 },
  { OI_LOCAL_VERSION, 22, "IATSE Local 22", OI_COUNTRY_US, 3, OI_LM_4, 0, 0 },
  { OI_LOCAL_VERSION, 33, "IATSE Local 33", OI_COUNTRY_US, 2, OI_LM_3, 0, 0 },
  { OI_LOCAL_VERSION, 38, "IATSE Local 38", OI_COUNTRY_US, 5, OI_LM_3, 0, 0 },
  { OI_LOCAL_VERSION, 44, "IATSE Local 44", OI_COUNTRY_US, 2, OI_LM_2, 0, 0 },
  { OI_LOCAL_VERSION, 52, "IATSE Local 52", OI_COUNTRY_US, 10, OI_LM_4, 0, 0 },
  { OI_LOCAL_VERSION, 58, "IATSE Local 58", OI_COUNTRY_CA, 11, OI_LM_NONE, 1, 12500000 },
  { OI_LOCAL_VERSION, 63, "IATSE Local 63", OI_COUNTRY_CA, 12, OI_LM_NONE, 1, 25000000 },
  { OI_LOCAL_VERSION, 69, "IATSE Local 69", OI_COUNTRY_US, 7, OI_LM_4, 0, 0 },
  { OI_LOCAL_VERSION, 80, "IATSE Local 80", OI_COUNTRY_US, 2, OI_LM_3, 0, 0 },
  { OI_LOCAL_VERSION, 99, "IATSE Local 99", OI_COUNTRY_US, 6, OI_LM_3, 0, 0 },
  { OI_LOCAL_VERSION, 107, "IATSE Local 107", OI_COUNTRY_US, 2, OI_LM_NONE, 0, 0 },
  { OI_LOCAL_VERSION, 122, "IATSE Local 122", OI_COUNTRY_US, 2, OI_LM_4, 0, 0 },
  { OI_LOCAL_VERSION, 161, "IATSE Local 161", OI_COUNTRY_US, 10, OI_LM_3, 0, 0 },
  { OI_LOCAL_VERSION, 470, "IATSE Local 470", OI_COUNTRY_US, 8, OI_LM_4, 0, 0 },
  { OI_LOCAL_VERSION, 667, "IATSE Local 667", OI_COUNTRY_CA, 12, OI_LM_NONE, 1, 21000000 },
  { OI_LOCAL_VERSION, 873, "IATSE Local 873", OI_COUNTRY_CA, 12, OI_LM_NONE, 0, 0 },
};

/*
 * One sample request: which 1.0 session (0 = the first of the policy's 1.0
 * sessions, taken modulo their number), which local (index in locals[]),
 * the officer, when it was received relative to the session's S6 deadline
 * (negative: before it) and at what hour, the nights asked for, and its
 * faults.
 */
struct sample {
  int session;
  int local;
  const char *officer;
  int days_from_deadline;
  int hour;
  int nights;
  unsigned faults;
};

#define UNSIGNED 1u        /* S8: the subsidy request is not signed */
#define NOT_ATTESTED 2u    /* S2: no attestation */
#define ALONE 4u           /* S8: not submitted with the regular application */

static const struct sample samples[] = {
  /* The first session: sixteen eligible requests for ten seats (S4). */
  { 0, 0, "ana.ortiz", -40, 9, 5, 0 },      { 0, 1, "ben.kowalski", -38, 14, 5, 0 },
  { 0, 2, "carla.reyes", -30, 10, 5, 0 },   { 0, 4, "dev.patel", -29, 16, 7, 0 },
  { 0, 5, "erin.walsh", -25, 11, 5, 0 },    { 0, 6, "farid.haddad", -21, 8, 4, 0 },
  { 0, 8, "gina.russo", -20, 15, 5, 0 },    { 0, 11, "hank.moore", -14, 9, 5, 0 },
  { 0, 12, "ines.duarte", -10, 13, 6, 0 },  { 0, 13, "jon.berg", -7, 10, 5, 0 },
  { 0, 15, "kim.nguyen", -5, 12, 5, 0 },    { 0, 16, "luis.vega", -3, 9, 5, 0 },
  { 0, 17, "mara.stein", -2, 17, 5, 0 },    { 0, 0, "noah.fisher", -1, 11, 5, 0 },
  { 0, 5, "olga.petrov", 0, 8, 5, 0 },      { 0, 0, "paul.grant", 0, 23, 5, 0 },
  /* Refused at the first session: late, LM-2, no form, unsigned, Canadian
   * at a U.S.-only session (if it is one), one officer twice (S9). */
  { 0, 2, "quinn.adams", 1, 9, 5, 0 },      { 0, 3, "rosa.lima", -30, 10, 5, 0 },
  { 0, 14, "sam.cohen", -12, 9, 5, 0 },     { 0, 12, "tara.bell", -9, 15, 5, UNSIGNED },
  { 0, 9, "uma.roy", -18, 10, 5, 0 },       { 0, 1, "ben.kowalski", -16, 9, 5, 0 },
  /* The second session. */
  { 1, 7, "vic.chen", -35, 10, 5, 0 },      { 1, 18, "wes.taylor", -33, 9, 5, 0 },
  { 1, 10, "xena.moss", -31, 14, 5, 0 },    { 1, 6, "yuri.sokol", -28, 11, 5, 0 },
  { 1, 19, "zoe.martin", -26, 9, 5, 0 },    { 1, 4, "al.brooks", -22, 10, 5, NOT_ATTESTED },
  { 1, 0, "bea.costa", -18, 15, 5, 0 },    { 1, 8, "cal.dunn", 3, 9, 5, 0 },
  { 1, 15, "dana.frey", -12, 8, 5, ALONE },  { 1, 16, "eli.stone", -8, 16, 5, 0 },
  /* The last session. */
  { 2, 9, "fay.lund", -40, 10, 5, 0 },      { 2, 18, "gus.weber", -36, 11, 5, 0 },
  { 2, 13, "hal.price", -27, 9, 5, 0 },     { 2, 17, "ivy.hart", -19, 14, 8, 0 },
  { 2, 10, "jay.ross", -15, 10, 5, 0 },     { 2, 2, "kai.wolf", -11, 13, 5, UNSIGNED | ALONE },
  { 2, 1, "lea.marsh", -6, 9, 5, 0 },       { 2, 0, "max.cole", -4, 10, 5, 0 },
};

/* Print the reasons of a ledger entry, one per line. */
static void print_reasons(const oi_policy *policy, const oi_ledger_entry *e)
{
  size_t i;

  for (i = 0; i < e->reason_count; i++) {
    const oi_reason *r = &e->reasons[i]; /* the ledger's array of reasons */
    char message[320];

    oi_reason_format(policy, r, message, sizeof message);
    printf("        [%s] %s\n", oi_clause_id(r->clause), message);
  }
}

static int print_status(const oi_policy *policy, const oi_ledger *ledger,
                        const char *session_id, oi_outcome status, oi_error *err)
{
  oi_ledger_entry *entries = NULL;
  size_t count = 0, i;

  if (oi_ledger_session_entries(ledger, session_id, status, NULL, 0, sizeof *entries, &count,
                                err) != OI_OK)
    return -1;
  printf("    %s (%zu)\n", oi_outcome_name(status), count);
  if (count == 0)
    return 0;
  entries = calloc(count, sizeof *entries);
  for (i = 0; entries != NULL && i < count; i++)
    entries[i] = (oi_ledger_entry)OI_LEDGER_ENTRY_INIT;
  if (entries == NULL ||
      oi_ledger_session_entries(ledger, session_id, status, entries, count, sizeof *entries,
                                &count, err) != OI_OK) {
    free(entries);
    return -1;
  }
  for (i = 0; i < count; i++) {
    const oi_ledger_entry *e = &entries[i];
    char received[OI_DATETIME_STRING_SIZE];

    oi_datetime_format(e->received, received, sizeof received);
    printf("      %-5s local %-4u %-14s received %s", e->id, (unsigned)e->local_number,
           e->officer_id, received);
    if (status == OI_OUTCOME_AWARDED)
      printf("  %d nights", e->nights);
    printf("\n");
    print_reasons(policy, e);
  }
  free(entries);
  return 0;
}

static int print_session(const oi_policy *policy, const oi_ledger *ledger, size_t index,
                         oi_error *err)
{
  static const oi_outcome statuses[] = { OI_OUTCOME_AWARDED, OI_OUTCOME_WAITLISTED,
                                         OI_OUTCOME_REFUSED, OI_OUTCOME_WITHDRAWN };
  oi_session s = OI_SESSION_INIT;
  oi_session_summary sum = OI_SESSION_SUMMARY_INIT;
  char first[OI_DATE_STRING_SIZE], last[OI_DATE_STRING_SIZE];
  size_t i;

  if (oi_policy_session(policy, index, &s, err) != OI_OK ||
      oi_ledger_session_summary(ledger, s.id, &sum, err) != OI_OK)
    return -1;
  oi_date_format(s.first_day, first, sizeof first);
  oi_date_format(s.last_day, last, sizeof last);
  printf("\n%s  %s, %s to %s\n", s.id, s.place, first, last);
  printf("  %d seats, %zu awarded, %d left; %lld nights at %s\n", sum.seats, sum.awarded,
         sum.seats_left, (long long)sum.nights, s.hotel != NULL ? s.hotel : "(no hotel)");
  for (i = 0; i < COUNT(statuses); i++)
    if (print_status(policy, ledger, s.id, statuses[i], err) != 0)
      return -1;
  return 0;
}

/* Indices of the policy's sessions that give the 1.0 (they have seats, S1). */
static size_t institute_sessions(const oi_policy *policy, size_t *out, size_t max)
{
  size_t i, n = 0;

  for (i = 0; i < oi_policy_session_count(policy) && n < max; i++)
    if (oi_policy_session_seats(policy, i) > 0)
      out[n++] = i;
  return n;
}

static int build_requests(const oi_policy *policy, oi_subsidy_request *reqs, char ids[][8],
                          oi_error *err)
{
  size_t sessions[16], n, i;

  n = institute_sessions(policy, sessions, COUNT(sessions));
  if (n == 0) {
    fprintf(stderr, "allocate: policy \"%s\" has no session with subsidy seats\n",
            oi_policy_id(policy));
    return -1;
  }
  for (i = 0; i < COUNT(samples); i++) {
    const struct sample *s = &samples[i];
    oi_subsidy_request *r = &reqs[i];
    oi_session session = OI_SESSION_INIT;
    oi_date deadline;
    const size_t si = sessions[(size_t)s->session % n];

    *r = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
    if (oi_policy_session(policy, si, &session, err) != OI_OK ||
        oi_policy_subsidy_deadline(policy, si, &deadline, err) != OI_OK ||
        oi_date_add_days(deadline, s->days_from_deadline, &r->received.date, err) != OI_OK)
      return -1;
    snprintf(ids[i], sizeof ids[i], "R%02zu", i + 1);
    r->id = ids[i];
    r->session_id = session.id;
    r->local = locals[s->local];
    r->officer.id = s->officer;
    r->officer.office = OI_OFFICE_PRESIDENT;
    r->received.hour = s->hour;
    r->nights = s->nights;
    r->attested = (s->faults & NOT_ATTESTED) == 0;
    r->with_application = (s->faults & ALONE) == 0;
    r->application_signed = 1;
    r->request_signed = (s->faults & UNSIGNED) == 0;
  }
  return 0;
}

int main(int argc, char **argv)
{
  oi_subsidy_request reqs[COUNT(samples)];
  char ids[COUNT(samples)][8];
  oi_policy *policy = NULL;
  oi_ledger *ledger = NULL;
  oi_withdrawal w = OI_WITHDRAWAL_INIT;
  oi_error err;
  size_t i, sessions[16], n;
  int status = 1;

  if (argc > 2) {
    fprintf(stderr, "usage: %s [POLICY.json]\n", argv[0]);
    return 2;
  }
  if ((argc == 2 ? oi_policy_load(argv[1], &policy, &err)
                 : oi_policy_builtin(2017, &policy, &err)) != OI_OK) {
    if (err.line > 0)
      fprintf(stderr, "%s:%d:%d: %s\n", argv[1], err.line, err.column, err.message);
    else
      fprintf(stderr, "allocate: %s\n", err.message);
    return 1;
  }
  printf("Subsidy allocation under policy %s (digest %s), libofficerinst %s\n",
         oi_policy_id(policy), oi_policy_digest(policy), oi_version());
  printf("%zu requests entered in one batch, decided in order of receipt.\n",
         COUNT(samples));

  if (build_requests(policy, reqs, ids, &err) != 0 || oi_ledger_new(policy, &ledger, &err) ||
      oi_ledger_submit_many(ledger, reqs, COUNT(samples), sizeof reqs[0], NULL, 0, &err) !=
          OI_OK)
    goto fail;
  n = institute_sessions(policy, sessions, COUNT(sessions));
  for (i = 0; i < n; i++)
    if (print_session(policy, ledger, sessions[i], &err) != 0)
      goto fail;

  /* S10: the first session's first award is withdrawn; its seat and its
   * local's slot go to the earliest waitlisted requests that fit. */
  {
    oi_session first = OI_SESSION_INIT;
    oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
    size_t count = 0;

    if (oi_policy_session(policy, sessions[0], &first, &err) != OI_OK ||
        oi_ledger_session_entries(ledger, first.id, OI_OUTCOME_AWARDED, &e, 1, sizeof e,
                                  &count, &err) != OI_OK)
      goto fail;
    if (count > 0) {
      if (oi_ledger_withdraw(ledger, e.id, &w, &err) != OI_OK)
        goto fail;
      printf("\nWithdrawn: %s (local %u). Promoted:", e.id, (unsigned)e.local_number);
      for (i = 0; i < w.promoted_count; i++)
        printf(" %s", w.promoted[i]);
      printf("%s\n", w.promoted_count == 0 ? " nobody" : "");
      if (print_session(policy, ledger, sessions[0], &err) != 0)
        goto fail;
    }
  }
  printf("\nAudit trail: %zu events.\n", oi_ledger_event_count(ledger));
  status = 0;
  goto done;
fail:
  fprintf(stderr, "allocate: %s%s%s\n", err.path, err.path[0] ? ": " : "", err.message);
done:
  oi_ledger_free(ledger);
  oi_policy_free(policy);
  return status;
}
