/*
 * tools/verb_validate.c: officerinst validate POLICY...: load each policy
 * document as every verb would, and say where the first error is, in the
 * compiler convention FILE:LINE:COLUMN: path: message.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>

#include "cli.h"

static const char *const verb = "validate";

static void help(void)
{
  printf("Usage: %s validate [OPTION]... POLICY...\n"
         "Check policy documents (JSON, the format of doc/policy-format.md).\n"
         "Each valid document is named on standard output with its id, digest and\n"
         "catalogue; the first error of an invalid one goes to standard error as\n"
         "  FILE:LINE:COLUMN: path: message\n\n"
         "  -q, --quiet  print nothing for a valid document\n"
         "  -h, --help   show this help\n\n"
         "Exit status: 0 every document is valid, 1 one is invalid, 2 usage,\n"
         "3 one cannot be read.\n",
         cli_program);
}

int verb_validate(int argc, char **argv)
{
  static const struct option options[] = {
    { "quiet", no_argument, NULL, 'q' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  int c, quiet = 0, status = CLI_EXIT_OK;

  while ((c = getopt_long(argc, argv, ":qh", options, NULL)) != -1) {
    switch (c) {
    case 'q':
      quiet = 1;
      break;
    case 'h':
      help();
      return CLI_EXIT_OK;
    default:
      return cli_bad_option(verb, argv, c);
    }
  }
  if (optind >= argc)
    return cli_usage_error(verb, "no policy document given");
  for (; optind < argc; optind++) {
    const char *path = argv[optind];
    oi_policy *policy = NULL;
    oi_error err;

    oi_error_clear(&err);
    if (oi_policy_load(path, &policy, &err) != OI_OK) {
      cli_print_document_error(stderr, path, &err);
      /* A file that cannot be read is not a verdict on the document. */
      if (err.status == OI_EIO) {
        status = CLI_EXIT_FILE;
      } else if (status == CLI_EXIT_OK) {
        status = CLI_EXIT_FAILED;
      }
      continue;
    }
    if (!quiet) {
      oi_policy_numbers numbers = OI_POLICY_NUMBERS_INIT;

      if (oi_policy_get_numbers(policy, &numbers, &err) != OI_OK) {
        cli_warn(verb, "%s: %s", path, err.message);
        oi_policy_free(policy);
        status = CLI_EXIT_FILE;
        continue;
      }
      printf("%s: valid: policy %s, digest %s, year %d: %zu sessions, %zu courses, "
             "%zu prior sites\n",
             path, oi_policy_id(policy), oi_policy_digest(policy), numbers.year,
             oi_policy_session_count(policy), oi_policy_course_count(policy),
             oi_policy_prior_site_count(policy));
    }
    oi_policy_free(policy);
  }
  return status;
}
