/*
 * tools/verb_test.c: officerinst test CASES...: run test cases of what a
 * policy must decide (doc/test-format.md), one line per failing case, then
 * "N passed, N failed".
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "cli.h"

static const char *const verb = "test";

static void help(void)
{
  printf("Usage: %s test [OPTION]... CASES...\n"
         "Run test cases: JSON files of requests, applications, attendance records,\n"
         "stays and ledger operations, each with the decision the policy must give\n"
         "(the format of the project's own clause vectors; doc/test-format.md and\n"
         "officerinst(1) describe it). Prints one line per failing case,\n"
         "  FILE: ID: why\n"
         "then a summary line \"N passed, N failed\".\n\n"
         "  -p, --policy POLICY  run every case under this policy (a policy document,\n"
         "                       or builtin-YEAR) instead of the one the file or the\n"
         "                       case names\n"
         "  -v, --verbose        also name each case that passes\n"
         "  -h, --help           show this help\n\n"
         "Exit status: 0 every case passed, 1 a case failed, 2 usage, 3 a case file\n"
         "or a policy could not be loaded.\n",
         cli_program);
}

/* Policies by reference, loaded once per run. */
#define POLICY_CACHE 16
struct policies {
  char refs[POLICY_CACHE][4096];
  oi_policy *loaded[POLICY_CACHE];
  size_t count;
};

static oi_policy *policy_for(struct policies *c, const char *ref, char *why, size_t size)
{
  oi_policy *p = NULL;
  size_t i;
  int status;

  if (ref == NULL)
    ref = "builtin-2017";
  for (i = 0; i < c->count; i++)
    if (strcmp(c->refs[i], ref) == 0)
      return c->loaded[i];
  status = cli_load_policy(verb, ref, &p);
  if (status != CLI_EXIT_OK) {
    snprintf(why, size, "policy %s could not be loaded", ref);
    return NULL;
  }
  if (c->count == POLICY_CACHE) { /* forget the oldest */
    oi_policy_free(c->loaded[0]);
    memmove(&c->loaded[0], &c->loaded[1], sizeof c->loaded[0] * (POLICY_CACHE - 1));
    memmove(&c->refs[0], &c->refs[1], sizeof c->refs[0] * (POLICY_CACHE - 1));
    c->count--;
  }
  snprintf(c->refs[c->count], sizeof c->refs[0], "%s", ref);
  c->loaded[c->count++] = p;
  return p;
}

int verb_test(int argc, char **argv)
{
  static const struct option options[] = {
    { "policy", required_argument, NULL, 'p' },
    { "verbose", no_argument, NULL, 'v' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  const char *policy_override = NULL;
  struct policies *cache;
  size_t passed = 0, failed = 0, i;
  int c, verbose = 0, file_error = 0;

  while ((c = getopt_long(argc, argv, ":p:vh", options, NULL)) != -1) {
    switch (c) {
    case 'p':
      policy_override = optarg;
      break;
    case 'v':
      verbose = 1;
      break;
    case 'h':
      help();
      return CLI_EXIT_OK;
    default:
      return cli_bad_option(verb, argv, c);
    }
  }
  if (optind >= argc)
    return cli_usage_error(verb, "no test-case file given");
  cache = calloc(1, sizeof *cache);
  if (cache == NULL) {
    cli_warn(verb, "out of memory");
    return CLI_EXIT_FILE;
  }
  for (; optind < argc; optind++) {
    cases_file file;
    char why[CASES_WHY_SIZE];
    json_t *v;

    if (cases_load(argv[optind], &file) != 0) {
      file_error = 1;
      continue;
    }
    json_array_foreach(file.vectors, i, v) {
      const char *id = json_string_value(json_object_get(v, "id"));
      char ref_buf[4096];
      const oi_policy *named = NULL;
      const char *ref = policy_override != NULL
                            ? policy_override
                            : cases_policy_ref(&file, v, &named, ref_buf, sizeof ref_buf);
      cases_run run;
      int ok;

      memset(&run, 0, sizeof run);
      run.file = &file;
      run.policy = named != NULL ? named : policy_for(cache, ref, run.why, sizeof run.why);
      run.keep = json_array();
      if (run.policy == NULL) {
        file_error = 1;
        ok = 0;
      } else if (run.keep == NULL) {
        snprintf(run.why, sizeof run.why, "out of memory");
        ok = 0;
      } else {
        ok = cases_run_vector(&run, v) == 0;
      }
      oi_ledger_free(run.ledger);
      json_decref(run.keep);
      if (ok) {
        passed++;
        if (verbose)
          printf("%s: %s: ok\n", file.path, id);
      } else {
        failed++;
        printf("%s: %s: %s\n", file.path, id, run.why);
      }
    }
    /* The file's promise that every clause it lists has a case. */
    if (json_object_get(file.doc, "required_clauses") != NULL) {
      if (cases_check_coverage(&file, why, sizeof why) == 0) {
        passed++;
        if (verbose)
          printf("%s: required_clauses: ok\n", file.path);
      } else {
        failed++;
        printf("%s: required_clauses: %s\n", file.path, why);
      }
    }
    cases_free(&file);
  }
  for (i = 0; i < cache->count; i++)
    oi_policy_free(cache->loaded[i]);
  free(cache);
  printf("%zu passed, %zu failed\n", passed, failed);
  if (file_error)
    return CLI_EXIT_FILE;
  return failed > 0 ? CLI_EXIT_FAILED : CLI_EXIT_OK;
}
