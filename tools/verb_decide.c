/*
 * tools/verb_decide.c: officerinst check and officerinst allocate, the two
 * verbs that decide a file of requests: check each on its own, by the
 * stateless rules; allocate by entering them into a ledger, in receipt
 * order (S4, S11), which is created if absent and saved atomically after
 * the batch.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"
#include "requests_in.h"

static void help(const char *verb)
{
  const int allocate = strcmp(verb, "allocate") == 0;

  if (allocate)
    printf("Usage: %s allocate [OPTION]... REQUESTS\n"
           "Enter subsidy requests into a ledger and decide them: in order of receipt,\n"
           "ten seats a session (S4), two officers a local a year (S5), one subsidy an\n"
           "officer a year (S9), the rest waitlisted (S10) or refused with every reason.\n"
           "With --ledger the ledger is read from FILE if it exists, else created, and\n"
           "saved to it atomically after the batch, so a later run continues it.\n\n",
           cli_program);
  else
    printf("Usage: %s check [OPTION]... REQUESTS\n"
           "Decide each subsidy request on its own, by the rules that need no ledger\n"
           "(S1, S2, S3, S6, S8, E1): eligible or refused, with every reason. A file\n"
           "of enrollment applications (a \"course\" column) is decided by E1, P1, P2.\n\n",
           cli_program);
  printf("REQUESTS is a CSV file (\"-\" for standard input) whose header row names\n"
         "the fields (id, session, received, nights, attested, with_application,\n"
         "application_signed, request_signed, local.number, local.name,\n"
         "local.country, local.district, local.lm_form, local.receipts, officer.id,\n"
         "officer.name, officer.office), one request a row; or a requests document\n"
         "(a *.json file). A bad row is reported as FILE:LINE: column: message and\n"
         "the other rows are still decided.\n\n"
         "  -p, --policy POLICY  a policy document, or builtin-YEAR (default\n"
         "                       builtin-2017)\n");
  if (allocate)
    printf("  -l, --ledger FILE    the ledger to continue (created if absent); without\n"
           "                       it, a new ledger that is not kept\n");
  printf("  -f, --format FORMAT  text (default), json (the decisions document) or csv\n"
         "  -i, --input KIND     read REQUESTS as csv or json whatever its name\n"
         "  -s, --strict         any bad row fails the run: nothing is decided%s\n"
         "  -h, --help           show this help\n\n"
         "Exit status: 0 every row decided, 1 a row was bad, 2 usage, 3 a file or\n"
         "policy error.\n",
         allocate ? " or saved" : "");
}

struct tally {
  size_t decided, by_outcome[OI_OUTCOME_NOT_GRADUATED + 1];
};

static void count(struct tally *t, const oi_decision *d)
{
  t->decided++;
  if ((unsigned)d->outcome <= OI_OUTCOME_NOT_GRADUATED)
    t->by_outcome[d->outcome]++;
}

/* ---- text ------------------------------------------------------------- */

static void print_text(const requests_in *in, int colour, struct tally *t)
{
  const oi_batch *b = in->batch;
  const oi_policy *policy = oi_batch_policy(b);
  const size_t nr = oi_batch_request_count(b), na = oi_batch_application_count(b);
  int id_width = 2, session_width = 7;
  size_t i;

  /* A bad element has no copy to give (OI_ESTATE): its error is reported
   * where it was read. */
  for (i = 0; i < nr; i++) {
    oi_subsidy_request r = OI_SUBSIDY_REQUEST_INIT;

    if (oi_batch_get_request(b, i, &r, NULL) != OI_OK)
      continue;
    if ((int)strlen(r.id) > id_width)
      id_width = (int)strlen(r.id);
    if ((int)strlen(r.session_id) > session_width)
      session_width = (int)strlen(r.session_id);
  }
  for (i = 0; i < na; i++) {
    oi_application a = OI_APPLICATION_INIT;
    const char *id = oi_batch_application_id(b, i);

    if (id != NULL && (int)strlen(id) > id_width)
      id_width = (int)strlen(id);
    if (oi_batch_get_application(b, i, &a, NULL) == OI_OK &&
        (int)strlen(a.session_id) > session_width)
      session_width = (int)strlen(a.session_id);
  }
  for (i = 0; i < nr; i++) {
    const oi_decision *d = oi_batch_request_decision(b, i);

    if (d == NULL)
      continue;
    count(t, d);
    printf("%-*s  %-*s  %s%s%s", id_width, d->request_id, session_width, d->session_id,
           cli_outcome_colour(colour, d->outcome), oi_outcome_name(d->outcome),
           colour ? CLI_RESET : "");
    /* S3: only an award pays; what another decision names is what an
     * award would pay. */
    if (d->payee != NULL)
      printf("%*s%d night%s %s %s", 12 - (int)strlen(oi_outcome_name(d->outcome)), "",
             d->nights, d->nights == 1 ? "" : "s",
             d->outcome == OI_OUTCOME_AWARDED ? "paid to" : "if awarded, to", d->payee);
    printf("\n");
    out_decision_reasons_text(stdout, policy, d, id_width + 4);
  }
  for (i = 0; i < na; i++) {
    oi_application a = OI_APPLICATION_INIT;
    const oi_decision *d = oi_batch_application_decision(b, i);
    const char *id = oi_batch_application_id(b, i);

    if (d == NULL || oi_batch_get_application(b, i, &a, NULL) != OI_OK)
      continue;
    count(t, d);
    printf("%-*s  %-*s  %-10s  %s%s%s\n", id_width, id != NULL ? id : "-", session_width,
           d->session_id, a.course_id, cli_outcome_colour(colour, d->outcome),
           oi_outcome_name(d->outcome), colour ? CLI_RESET : "");
    out_decision_reasons_text(stdout, policy, d, id_width + 4);
  }
}

static void print_summary(const requests_in *in, const struct tally *t, const char *ledger_path,
                          const oi_ledger *ledger)
{
  static const oi_outcome order[] = { OI_OUTCOME_AWARDED,  OI_OUTCOME_WAITLISTED,
                                      OI_OUTCOME_ELIGIBLE, OI_OUTCOME_ADMITTED,
                                      OI_OUTCOME_REFUSED };
  size_t i;
  int first = 1;

  printf("\n%zu decided:", t->decided);
  for (i = 0; i < sizeof order / sizeof order[0]; i++)
    if (t->by_outcome[order[i]] > 0) {
      printf("%s %zu %s", first ? "" : ",", t->by_outcome[order[i]], oi_outcome_name(order[i]));
      first = 0;
    }
  printf("%s; %zu bad row%s", first ? " none" : "", in->bad, in->bad == 1 ? "" : "s");
  if (ledger_path != NULL)
    printf("; ledger %s holds %zu requests", ledger_path, oi_ledger_count(ledger));
  printf(".\n");
}

/* ---- csv -------------------------------------------------------------- */

static void csv_error_row(const oi_error *e, const char *id)
{
  char what[OI_ERROR_MESSAGE_SIZE + OI_ERROR_PATH_SIZE + 4];

  cli_error_text(e, what, sizeof what);
  out_csv_int(stdout, e->line, 0);
  out_csv_field(stdout, id, 0);
  out_csv_field(stdout, NULL, 0);
  out_csv_field(stdout, NULL, 0);
  out_csv_field(stdout, "error", 0);
  out_csv_field(stdout, NULL, 0);
  out_csv_field(stdout, NULL, 0);
  out_csv_field(stdout, NULL, 0);
  out_csv_field(stdout, what, 1);
}

static void print_csv(const requests_in *in)
{
  const oi_batch *b = in->batch;
  const oi_policy *policy = oi_batch_policy(b);
  const size_t nr = oi_batch_request_count(b), na = oi_batch_application_count(b);
  size_t i;

  printf("line,id,session,course,outcome,nights_requested,nights,payee,reasons\r\n");
  for (i = 0; i < nr + na; i++) {
    const int app = i >= nr;
    const size_t k = app ? i - nr : i;
    const oi_decision *d =
        app ? oi_batch_application_decision(b, k) : oi_batch_request_decision(b, k);
    const oi_error *e = app ? oi_batch_application_error(b, k) : oi_batch_request_error(b, k);
    /* A bad request has neither a decision nor an id to give. */
    const char *id = app ? oi_batch_application_id(b, k) : d != NULL ? d->request_id : NULL;
    oi_application a = OI_APPLICATION_INIT;
    char *reasons;

    if (e != NULL) {
      csv_error_row(e, id);
      continue;
    }
    if (d == NULL || (app && oi_batch_get_application(b, k, &a, NULL) != OI_OK))
      continue;
    reasons = out_decision_reasons_line(policy, d);
    out_csv_field(stdout, NULL, 0); /* the line is known for a bad row only */
    out_csv_field(stdout, id, 0);
    out_csv_field(stdout, d->session_id, 0);
    out_csv_field(stdout, app ? a.course_id : NULL, 0);
    out_csv_field(stdout, oi_outcome_name(d->outcome), 0);
    out_csv_int(stdout, d->nights_requested, 0);
    out_csv_int(stdout, d->nights, 0);
    out_csv_field(stdout, d->payee, 0);
    out_csv_field(stdout, reasons, 1);
    free(reasons);
  }
}

/* The requests the batch entered into the ledger. */
static size_t entered(const requests_in *in)
{
  size_t i, n = 0;

  for (i = 0; i < oi_batch_request_count(in->batch); i++)
    if (oi_batch_request_decision(in->batch, i) != NULL)
      n++;
  return n;
}

/* ---- the verbs -------------------------------------------------------- */

static int decide(const char *verb, int argc, char **argv)
{
  static const struct option options[] = {
    { "policy", required_argument, NULL, 'p' },
    { "ledger", required_argument, NULL, 'l' },
    { "format", required_argument, NULL, 'f' },
    { "input", required_argument, NULL, 'i' },
    { "strict", no_argument, NULL, 's' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  const int allocate = strcmp(verb, "allocate") == 0;
  const char *policy_ref = NULL, *ledger_path = NULL;
  cli_format format = CLI_FORMAT_TEXT;
  requests_kind kind = REQUESTS_AUTO;
  oi_policy *policy = NULL;
  oi_ledger *ledger = NULL;
  requests_in in;
  struct tally t;
  oi_error err;
  int c, status, strict = 0, created = 0;

  memset(&in, 0, sizeof in);
  memset(&t, 0, sizeof t);
  while ((c = getopt_long(argc, argv, allocate ? ":p:l:f:i:sh" : ":p:f:i:sh", options,
                          NULL)) != -1) {
    switch (c) {
    case 'p':
      policy_ref = optarg;
      break;
    case 'l':
      if (!allocate)
        return cli_usage_error(verb, "check keeps no ledger (use allocate)");
      ledger_path = optarg;
      break;
    case 'f':
      if (cli_parse_format(verb, optarg, 7u, &format) != 0)
        return CLI_EXIT_USAGE;
      break;
    case 'i':
      if (strcmp(optarg, "csv") == 0)
        kind = REQUESTS_CSV;
      else if (strcmp(optarg, "json") == 0)
        kind = REQUESTS_JSON;
      else
        return cli_usage_error(verb, "unknown input kind '%s'; expected csv or json", optarg);
      break;
    case 's':
      strict = 1;
      break;
    case 'h':
      help(verb);
      return CLI_EXIT_OK;
    default:
      return cli_bad_option(verb, argv, c);
    }
  }
  if (optind >= argc)
    return cli_usage_error(verb, "no requests file given");
  if (optind + 1 < argc)
    return cli_usage_error(verb, "one requests file at a time ('%s' is one too many)",
                           argv[optind + 1]);
  if ((status = cli_load_policy(verb, policy_ref, &policy)) != CLI_EXIT_OK)
    return status;
  /* The ledger first: a file that will not load fails the run before the
   * requests are read. */
  if (allocate) {
    if (ledger_path != NULL)
      status = cli_open_ledger(verb, policy, ledger_path, 1, &ledger, &created);
    else if (oi_ledger_new(policy, &ledger, NULL) != OI_OK)
      status = CLI_EXIT_FILE;
    if (status != CLI_EXIT_OK)
      goto done;
  }
  if ((status = requests_read(verb, policy, argv[optind], kind, &in)) != CLI_EXIT_OK)
    goto done;
  if (strict && in.bad > 0) {
    cli_warn(verb, "--strict: %zu bad row%s, nothing decided%s", in.bad,
             in.bad == 1 ? "" : "s", allocate ? " or saved" : "");
    status = CLI_EXIT_FAILED;
    goto done;
  }
  oi_error_clear(&err);
  if ((allocate ? oi_batch_submit(in.batch, ledger, &err) : oi_batch_check(in.batch, &err)) !=
      OI_OK) {
    cli_warn(verb, "%s", err.message);
    status = CLI_EXIT_FILE;
    goto done;
  }
  if (allocate) {
    const size_t before = in.bad;

    /* Ids the ledger already held: found only now, when entering. */
    requests_report_new_errors(&in);
    if (strict && in.bad > before) {
      cli_warn(verb, "--strict: %zu request%s already in the ledger, nothing saved",
               in.bad - before, in.bad - before == 1 ? "" : "s");
      status = CLI_EXIT_FAILED;
      goto done;
    }
    /* A new ledger is saved even empty, so that it exists; an old one
     * only when a request was entered, so that a run that entered nothing
     * leaves the file untouched. */
    if (ledger_path != NULL && (created || entered(&in) > 0) &&
        (status = cli_save_ledger(verb, ledger, ledger_path)) != CLI_EXIT_OK)
      goto done;
  }
  if (format == CLI_FORMAT_TEXT)
    printf("%s: %zu requests, %zu applications, under policy %s (digest %s)\n\n",
           argv[optind], oi_batch_request_count(in.batch),
           oi_batch_application_count(in.batch), oi_policy_id(policy),
           oi_policy_digest(policy));
  if (format == CLI_FORMAT_JSON) {
    char *text = NULL;
    size_t length = 0;

    if (oi_batch_decisions_to_json(in.batch, &text, &length, &err) != OI_OK) {
      cli_warn(verb, "%s", err.message);
      status = CLI_EXIT_FILE;
      goto done;
    }
    fwrite(text, 1, length, stdout);
    oi_free(text);
  } else if (format == CLI_FORMAT_CSV) {
    print_csv(&in);
  } else {
    print_text(&in, cli_use_colour(stdout), &t);
    print_summary(&in, &t, ledger_path, ledger);
  }
  if (fflush(stdout) != 0 || ferror(stdout)) {
    cli_warn(verb, "writing the decisions failed");
    status = CLI_EXIT_FILE;
    goto done;
  }
  status = in.bad > 0 ? CLI_EXIT_FAILED : CLI_EXIT_OK;
done:
  requests_free(&in);
  oi_ledger_free(ledger);
  oi_policy_free(policy);
  return status;
}

int verb_check(int argc, char **argv)
{
  return decide("check", argc, argv);
}

int verb_allocate(int argc, char **argv)
{
  return decide("allocate", argc, argv);
}
