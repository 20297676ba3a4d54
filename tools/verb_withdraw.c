/*
 * tools/verb_withdraw.c: officerinst withdraw --ledger FILE ID...: withdraw
 * requests in the order given, say who each withdrawal promoted from the
 * waitlist (S10), and save the ledger once, atomically.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"

static const char *const verb = "withdraw";

static void help(void)
{
  printf("Usage: %s withdraw --ledger FILE [OPTION]... ID...\n"
         "Withdraw awarded or waitlisted requests from a ledger, in the order given.\n"
         "A withdrawn award frees its seat and its local's slot, and the waitlist is\n"
         "promoted, earliest receipt first, for as long as a request fits (S10).\n"
         "The ledger is saved once, atomically, after the last withdrawal.\n\n"
         "  -l, --ledger FILE    the ledger (required; it must exist)\n"
         "  -p, --policy POLICY  the policy the ledger was made under: a policy\n"
         "                       document, or builtin-YEAR (default builtin-2017)\n"
         "  -f, --format FORMAT  text (default), json or csv\n"
         "  -s, --strict         if any ID cannot be withdrawn, save nothing\n"
         "  -h, --help           show this help\n\n"
         "An ID that cannot be withdrawn (unknown, refused, already withdrawn) is\n"
         "reported on standard error and the others are still withdrawn.\n"
         "Exit status: 0 every ID withdrawn, 1 one could not be, 2 usage,\n"
         "3 a file or policy error.\n",
         cli_program);
}

struct done {
  const char *id;
  oi_withdrawal w;
};

static void print_text(const oi_ledger *ledger, const struct done *done, size_t n)
{
  size_t i, k;

  for (i = 0; i < n; i++) {
    printf("%s withdrawn (was %s); promoted:", done[i].id, oi_outcome_name(done[i].w.previous));
    for (k = 0; k < done[i].w.promoted_count; k++) {
      oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;

      printf("%s", k > 0 ? "," : "");
      if (oi_ledger_get(ledger, done[i].w.promoted[k], &e, NULL) == OI_OK)
        printf(" %s (%s, local %u, %d nights)", e.id, e.session_id,
               (unsigned)e.local_number, e.nights);
      else
        printf(" %s", done[i].w.promoted[k]);
    }
    printf("%s\n", done[i].w.promoted_count == 0 ? " nobody" : "");
  }
}

static void print_csv(const struct done *done, size_t n)
{
  size_t i, k;

  printf("id,previous,promoted\r\n");
  for (i = 0; i < n; i++) {
    char promoted[(OI_ID_MAX + 1) * OI_PROMOTIONS_MAX + 1] = "";

    for (k = 0; k < done[i].w.promoted_count; k++) {
      if (k > 0)
        strcat(promoted, " ");
      strncat(promoted, done[i].w.promoted[k], OI_ID_MAX);
    }
    out_csv_field(stdout, done[i].id, 0);
    out_csv_field(stdout, oi_outcome_name(done[i].w.previous), 0);
    out_csv_field(stdout, promoted, 1);
  }
}

static int print_json(const oi_ledger *ledger, const struct done *done, size_t n)
{
  const oi_policy *policy = oi_ledger_policy(ledger);
  json_t *doc = json_object(), *list = json_array();
  size_t i, k;
  int bad = 0, status;

  bad |= out_set(doc, "policy_id", json_string(oi_policy_id(policy)));
  bad |= out_set(doc, "policy_digest", json_string(oi_policy_digest(policy)));
  for (i = 0; i < n && !bad; i++) {
    json_t *w = json_object(), *promoted = json_array();

    bad |= out_set(w, "id", json_string(done[i].id));
    bad |= out_set(w, "previous", json_string(oi_outcome_name(done[i].w.previous)));
    for (k = 0; k < done[i].w.promoted_count && !bad; k++) {
      oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;

      if (oi_ledger_get(ledger, done[i].w.promoted[k], &e, NULL) == OI_OK)
        bad |= out_append(promoted, out_entry_json(policy, &e));
    }
    bad |= out_set(w, "promoted", promoted);
    bad |= out_append(list, w);
  }
  bad |= out_set(doc, "withdrawals", list);
  status = bad ? -1 : out_json_print(doc);
  json_decref(doc);
  return status;
}

int verb_withdraw(int argc, char **argv)
{
  static const struct option options[] = {
    { "ledger", required_argument, NULL, 'l' },
    { "policy", required_argument, NULL, 'p' },
    { "format", required_argument, NULL, 'f' },
    { "strict", no_argument, NULL, 's' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  const char *ledger_path = NULL, *policy_ref = NULL;
  cli_format format = CLI_FORMAT_TEXT;
  oi_policy *policy = NULL;
  oi_ledger *ledger = NULL;
  struct done *done = NULL;
  size_t n = 0;
  int c, status, failed = 0, strict = 0;

  while ((c = getopt_long(argc, argv, ":l:p:f:sh", options, NULL)) != -1) {
    switch (c) {
    case 'l':
      ledger_path = optarg;
      break;
    case 'p':
      policy_ref = optarg;
      break;
    case 'f':
      if (cli_parse_format(verb, optarg, 7u, &format) != 0)
        return CLI_EXIT_USAGE;
      break;
    case 's':
      strict = 1;
      break;
    case 'h':
      help();
      return CLI_EXIT_OK;
    default:
      return cli_bad_option(verb, argv, c);
    }
  }
  if (ledger_path == NULL)
    return cli_usage_error(verb, "--ledger FILE is required");
  if (optind >= argc)
    return cli_usage_error(verb, "no request id given");
  if ((status = cli_load_policy(verb, policy_ref, &policy)) != CLI_EXIT_OK)
    return status;
  if ((status = cli_open_ledger(verb, policy, ledger_path, 0, &ledger, NULL)) != CLI_EXIT_OK)
    goto done;
  done = calloc((size_t)(argc - optind), sizeof *done);
  if (done == NULL) {
    cli_warn(verb, "out of memory");
    status = CLI_EXIT_FILE;
    goto done;
  }
  for (; optind < argc; optind++) {
    oi_error err;

    oi_error_clear(&err);
    done[n].w = (oi_withdrawal)OI_WITHDRAWAL_INIT;
    if (oi_ledger_withdraw(ledger, argv[optind], &done[n].w, &err) != OI_OK) {
      cli_warn(verb, "%s: %s", argv[optind], err.message);
      failed = 1;
      continue;
    }
    done[n++].id = argv[optind];
  }
  if (failed && strict) {
    cli_warn(verb, "--strict: nothing withdrawn, %s unchanged", ledger_path);
    status = CLI_EXIT_FAILED;
    goto done;
  }
  if (n > 0 && (status = cli_save_ledger(verb, ledger, ledger_path)) != CLI_EXIT_OK)
    goto done;
  if (format == CLI_FORMAT_TEXT)
    print_text(ledger, done, n);
  else if (format == CLI_FORMAT_CSV)
    print_csv(done, n);
  else if (print_json(ledger, done, n) != 0) {
    cli_warn(verb, "out of memory");
    status = CLI_EXIT_FILE;
    goto done;
  }
  status = failed ? CLI_EXIT_FAILED : CLI_EXIT_OK;
done:
  free(done);
  oi_ledger_free(ledger);
  oi_policy_free(policy);
  return status;
}
