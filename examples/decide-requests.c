/*
 * examples/decide-requests.c: decide a requests document with a ledger.
 *
 *   decide-requests REQUESTS.json [DECISIONS.json [POLICY.json]]
 *
 * Reads the subsidy requests and enrollment applications of REQUESTS.json
 * (examples/requests-2017.json) under the built-in 2017 policy or
 * POLICY.json, enters the requests into a ledger in order of receipt,
 * prints every decision with its reasons and, if asked, writes the
 * decisions document to DECISIONS.json. The library reads every value ("LM-3",
 * "Secretary-Treasurer", "$125,000.00", "2016-11-23 9:00"): there is no
 * text-to-value code here. A bad element is reported as FILE:LINE:COLUMN
 * and the others are decided all the same; the exit status is then 1.
 *
 * Build outside the tree:
 *   cc decide-requests.c $(pkg-config --cflags --libs officerinst)
 */
#include <officerinst.h>

#include <stdio.h>

static void print_decision(const oi_policy *policy, const char *id, const oi_decision *d)
{
  printf("%s %s at %s", id != NULL ? id : "-", oi_outcome_name(d->outcome), d->session_id);
  if (d->outcome == OI_OUTCOME_AWARDED)
    printf(", %d night(s) paid to %s", d->nights, d->payee);
  printf("\n");
  for (size_t k = 0; k < d->reason_count; k++) {
    const oi_reason *r = oi_decision_reason(d, k);
    char message[320];
    oi_reason_format(policy, r, message, sizeof message);
    printf("    [%s] %s\n", oi_clause_id(r->clause), message);
  }
}

int main(int argc, char **argv)
{
  oi_policy *policy = NULL;
  oi_batch *batch = NULL;
  oi_ledger *ledger = NULL;
  oi_error err;
  int status = 1;

  if (argc < 2 || argc > 4) {
    fprintf(stderr, "usage: %s REQUESTS.json [DECISIONS.json [POLICY.json]]\n", argv[0]);
    return 2;
  }
  if ((argc > 3 ? oi_policy_load(argv[3], &policy, &err)
                : oi_policy_builtin(2017, &policy, &err)) != OI_OK) {
    fprintf(stderr, "%s:%d:%d: %s\n", argc > 3 ? argv[3] : "2017", err.line, err.column,
            err.message);
    return 1;
  }
  if (oi_batch_load(policy, argv[1], OI_BATCH_PER_ELEMENT, &batch, &err) != OI_OK ||
      oi_ledger_new(policy, &ledger, &err) != OI_OK ||
      oi_batch_submit(batch, ledger, &err) != OI_OK ||
      (argc > 2 && oi_batch_decisions_save(batch, argv[2], &err) != OI_OK)) {
    fprintf(stderr, "%s:%d:%d: %s\n", argv[1], err.line, err.column, err.message);
    goto done;
  }
  for (size_t i = 0; i < oi_batch_request_count(batch); i++) {
    const oi_error *e = oi_batch_request_error(batch, i);
    if (e != NULL)
      fprintf(stderr, "%s:%d:%d: %s\n", argv[1], e->line, e->column, e->message);
    else
      print_decision(policy, oi_batch_request_decision(batch, i)->request_id,
                     oi_batch_request_decision(batch, i));
  }
  for (size_t i = 0; i < oi_batch_application_count(batch); i++) {
    const oi_error *e = oi_batch_application_error(batch, i);
    if (e != NULL)
      fprintf(stderr, "%s:%d:%d: %s\n", argv[1], e->line, e->column, e->message);
    else
      print_decision(policy, oi_batch_application_id(batch, i),
                     oi_batch_application_decision(batch, i));
  }
  printf("%zu requests, %zu applications, %zu in error, under %s (digest %s)\n",
         oi_batch_request_count(batch), oi_batch_application_count(batch),
         oi_batch_error_count(batch), oi_policy_id(policy), oi_policy_digest(policy));
  status = oi_batch_error_count(batch) > 0 ? 1 : 0;
done:
  oi_batch_free(batch);
  oi_ledger_free(ledger);
  oi_policy_free(policy);
  return status;
}
