/*
 * tools/officerinst.c: the officerinst program, verbs as sub-commands
 * (officerinst(1)). This file finds the verb; each verb parses its own
 * options with getopt_long and has its own --help.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

struct verb {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *summary;
};

static const struct verb verbs[] = {
  { "check", verb_check, "decide requests, each on its own (no ledger)" },
  { "allocate", verb_allocate, "enter requests into a ledger and decide them" },
  { "withdraw", verb_withdraw, "withdraw requests from a ledger, promote from the waitlist" },
  { "report", verb_report, "a ledger per session, per local and per district" },
  { "sessions", verb_sessions, "the catalogue, or the sessions an officer can still apply to" },
  { "validate", verb_validate, "check a policy document" },
  { "test", verb_test, "run test cases of what a policy must decide" },
};
#define VERB_COUNT (sizeof verbs / sizeof verbs[0])

static void usage(FILE *to)
{
  size_t i;

  fprintf(to,
          "Usage: %s [--help] [--version] VERB [OPTION]... [ARG]...\n"
          "The rules of the IATSE Officer Institute: who may enroll, who gets a hotel\n"
          "subsidy, and why, clause by clause.\n\n"
          "Verbs:\n",
          cli_program);
  for (i = 0; i < VERB_COUNT; i++)
    fprintf(to, "  %-10s %s\n", verbs[i].name, verbs[i].summary);
  fprintf(to,
          "\n'%s VERB --help' describes a verb and its options;\n"
          "'man officerinst' describes them all, the input columns and the exit statuses.\n"
          "Exit status: 0 ok, 1 a row was bad or a test failed, 2 usage, 3 a file or\n"
          "policy error.\n",
          cli_program);
}

static void version(void)
{
  printf("%s %s (libofficerinst %s)\n", cli_program, PACKAGE_VERSION, oi_version());
}

int main(int argc, char **argv)
{
  static const struct option options[] = {
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  size_t i;
  int c;

  /* Options before the verb only: "+" stops at the first non-option, which
   * is the verb, so the verb's own options are left to it. */
  opterr = 0;
  while ((c = getopt_long(argc, argv, "+hV", options, NULL)) != -1) {
    switch (c) {
    case 'h':
      usage(stdout);
      return CLI_EXIT_OK;
    case 'V':
      version();
      return CLI_EXIT_OK;
    default:
      fprintf(stderr, "%s: unknown option '%s'\n", cli_program, argv[optind - 1]);
      fprintf(stderr, "Try '%s --help'.\n", cli_program);
      return CLI_EXIT_USAGE;
    }
  }
  if (optind >= argc) {
    usage(stderr);
    return CLI_EXIT_USAGE;
  }
  /* "help VERB" is "VERB --help". */
  if (strcmp(argv[optind], "help") == 0) {
    if (optind + 1 >= argc) {
      usage(stdout);
      return CLI_EXIT_OK;
    }
    for (i = 0; i < VERB_COUNT; i++)
      if (strcmp(argv[optind + 1], verbs[i].name) == 0) {
        char *help_argv[] = { argv[optind + 1], (char *)"--help", NULL };
        optind = 0;
        return verbs[i].run(2, help_argv);
      }
    fprintf(stderr, "%s: no verb '%s'\nTry '%s --help'.\n", cli_program, argv[optind + 1],
            cli_program);
    return CLI_EXIT_USAGE;
  }
  for (i = 0; i < VERB_COUNT; i++)
    if (strcmp(argv[optind], verbs[i].name) == 0) {
      int first = optind;
      /* Each verb runs getopt_long afresh over its own arguments; optind 0
       * makes glibc's getopt reinitialize. */
      optind = 0;
      opterr = 1;
      return verbs[i].run(argc - first, argv + first);
    }
  fprintf(stderr, "%s: no verb '%s'\nTry '%s --help'.\n", cli_program, argv[optind],
          cli_program);
  return CLI_EXIT_USAGE;
}
