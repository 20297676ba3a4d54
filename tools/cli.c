/*
 * tools/cli.c: messages, --policy, --format, --ledger and colour, shared by
 * the verbs.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

const char *cli_program = "officerinst";

void cli_warn(const char *verb, const char *fmt, ...)
{
  va_list ap;

  fprintf(stderr, "%s %s: ", cli_program, verb);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
}

void cli_error_text(const oi_error *err, char *buf, size_t size)
{
  if (err->path[0] != '\0')
    snprintf(buf, size, "%s: %s", err->path, err->message);
  else
    snprintf(buf, size, "%s", err->message);
}

int cli_usage_error(const char *verb, const char *fmt, ...)
{
  va_list ap;

  fprintf(stderr, "%s %s: ", cli_program, verb);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fprintf(stderr, "\nTry '%s %s --help'.\n", cli_program, verb);
  return CLI_EXIT_USAGE;
}

int cli_bad_option(const char *verb, char **argv, int c)
{
  if (c == ':')
    return cli_usage_error(verb, "option '%s' needs an argument", argv[optind - 1]);
  if (optopt != 0)
    return cli_usage_error(verb, "unknown option '-%c'", optopt);
  return cli_usage_error(verb, "unknown option '%s'", argv[optind - 1]);
}

int cli_parse_format(const char *verb, const char *text, unsigned allowed, cli_format *out)
{
  static const char *const names[] = { "text", "json", "csv" };
  size_t i;

  for (i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(text, names[i]) == 0 && (allowed & (1u << i)) != 0) {
      *out = (cli_format)i;
      return 0;
    }
  fprintf(stderr, "%s %s: unknown format '%s'; expected", cli_program, verb, text);
  for (i = 0; i < sizeof names / sizeof names[0]; i++)
    if ((allowed & (1u << i)) != 0)
      fprintf(stderr, " %s", names[i]);
  fprintf(stderr, "\nTry '%s %s --help'.\n", cli_program, verb);
  return -1;
}

const char *cli_error_message(const oi_error *err)
{
  const size_t n = strlen(err->path);

  /* Some of the library's messages begin with the path they are about
   * ("requests[3].received: ..."); the path is not said twice, and a CSV
   * row is named by its line and column instead. */
  if (n > 0 && strncmp(err->message, err->path, n) == 0 && err->message[n] == ':' &&
      err->message[n + 1] == ' ')
    return err->message + n + 2;
  return err->message;
}

void cli_print_document_error(FILE *to, const char *file, const oi_error *err)
{
  fprintf(to, "%s:", file);
  if (err->line > 0)
    fprintf(to, "%d:%d:", err->line, err->column);
  fprintf(to, " %s%s%s\n", err->path, err->path[0] != '\0' ? ": " : "",
          cli_error_message(err));
}

/* "builtin-2017" -> 2017; 0 when ref is not of that shape. */
static int builtin_year(const char *ref)
{
  const char *prefix = "builtin-";
  size_t n = strlen(prefix), i;
  int year = 0;

  if (strncmp(ref, prefix, n) != 0 || ref[n] == '\0' || strlen(ref + n) > 4)
    return 0;
  for (i = n; ref[i] != '\0'; i++) {
    if (ref[i] < '0' || ref[i] > '9')
      return 0;
    year = year * 10 + (ref[i] - '0');
  }
  return year;
}

int cli_load_policy(const char *verb, const char *ref, oi_policy **out)
{
  oi_error err;
  int year;

  oi_error_clear(&err);
  if (ref == NULL)
    ref = "builtin-2017";
  year = builtin_year(ref);
  if (year > 0) {
    if (oi_policy_builtin(year, out, &err) == OI_OK)
      return CLI_EXIT_OK;
    cli_warn(verb, "--policy %s: %s", ref, err.message);
    return CLI_EXIT_FILE;
  }
  if (oi_policy_load(ref, out, &err) == OI_OK)
    return CLI_EXIT_OK;
  cli_print_document_error(stderr, ref, &err);
  return CLI_EXIT_FILE;
}

int cli_open_ledger(const char *verb, const oi_policy *policy, const char *path, int create,
                    oi_ledger **out, int *created_out)
{
  oi_error err;

  oi_error_clear(&err);
  if (created_out != NULL)
    *created_out = 0;
  if (access(path, F_OK) != 0 && errno == ENOENT) {
    if (!create) {
      cli_warn(verb, "%s: no such ledger", path);
      return CLI_EXIT_FILE;
    }
    if (oi_ledger_new(policy, out, &err) != OI_OK) {
      cli_warn(verb, "%s", err.message);
      return CLI_EXIT_FILE;
    }
    if (created_out != NULL)
      *created_out = 1;
    return CLI_EXIT_OK;
  }
  if (oi_ledger_load(policy, path, out, &err) == OI_OK)
    return CLI_EXIT_OK;
  if (err.status == OI_EMISMATCH)
    cli_warn(verb, "%s: %s (give the --policy the ledger was made under)", path,
             err.message);
  else
    cli_print_document_error(stderr, path, &err);
  return CLI_EXIT_FILE;
}

int cli_save_ledger(const char *verb, const oi_ledger *ledger, const char *path)
{
  oi_error err;

  oi_error_clear(&err);
  if (oi_ledger_save(ledger, path, &err) == OI_OK)
    return CLI_EXIT_OK;
  cli_warn(verb, "%s: ledger not saved: %s", path, err.message);
  return CLI_EXIT_FILE;
}

int cli_use_colour(FILE *out)
{
  const char *no_colour = getenv("NO_COLOR");

  if (no_colour != NULL && no_colour[0] != '\0')
    return 0;
  return isatty(fileno(out));
}

const char *cli_outcome_colour(int colour, oi_outcome outcome)
{
  if (!colour)
    return "";
  switch (outcome) {
  case OI_OUTCOME_AWARDED:
  case OI_OUTCOME_ELIGIBLE:
  case OI_OUTCOME_ADMITTED:
  case OI_OUTCOME_GRADUATED:
    return "\033[32m"; /* green */
  case OI_OUTCOME_WAITLISTED:
    return "\033[33m"; /* yellow */
  case OI_OUTCOME_REFUSED:
  case OI_OUTCOME_NOT_GRADUATED:
    return "\033[31m"; /* red */
  default:
    return "\033[2m"; /* dim */
  }
}
