/*
 * tools/cli.h: what the verbs of officerinst share. Private to the program;
 * the program itself uses only the library's public API, like any caller.
 */
#ifndef OFFICERINST_CLI_H
#define OFFICERINST_CLI_H

#include <stdio.h>

#include <officerinst.h>

/* Exit statuses, documented in officerinst(1). */
enum {
  CLI_EXIT_OK = 0,      /* done, every row good, every test passed */
  CLI_EXIT_FAILED = 1,  /* a row was bad, a test failed, a document is invalid */
  CLI_EXIT_USAGE = 2,   /* bad command line */
  CLI_EXIT_FILE = 3     /* a file could not be read or written, or the policy or
                         * ledger could not be loaded */
};

/* Output formats of --format. */
typedef enum cli_format {
  CLI_FORMAT_TEXT = 0,
  CLI_FORMAT_JSON,
  CLI_FORMAT_CSV
} cli_format;

/* The program's name in messages ("officerinst"). */
extern const char *cli_program;

/* "officerinst VERB: message" on stderr. */
void cli_warn(const char *verb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The message of a library error: "path: message" or "message". */
void cli_error_text(const oi_error *err, char *buf, size_t size);

/* The message of a library error without the path it may begin with (the
 * caller says the path, or the column, itself). */
const char *cli_error_message(const oi_error *err);

/* A bad command line: the message, then "Try 'officerinst VERB --help'."
 * Returns CLI_EXIT_USAGE. */
int cli_usage_error(const char *verb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* An option getopt_long rejected (it returned c, '?' or ':'; the verbs'
 * option strings start with ':'). Returns CLI_EXIT_USAGE. */
int cli_bad_option(const char *verb, char **argv, int c);

/* --format's argument; -1 (after a message) when it is none of the formats
 * in allowed (a mask of 1 << cli_format). */
int cli_parse_format(const char *verb, const char *text, unsigned allowed, cli_format *out);

/*
 * The policy named by --policy: "builtin-YEAR" for a built-in policy, or a
 * policy document's path; NULL for the default, the built-in 2017 policy.
 * On failure prints the error (a document's as FILE:LINE:COLUMN: path:
 * message) and returns CLI_EXIT_FILE.
 */
int cli_load_policy(const char *verb, const char *ref, oi_policy **out);

/* Print a policy document's error in the compiler convention:
 * "FILE:LINE:COLUMN: path: message" (LINE and COLUMN omitted when unknown). */
void cli_print_document_error(FILE *to, const char *file, const oi_error *err);

/*
 * The ledger of --ledger: loaded from path if the file exists, else a new
 * empty one (when create is set; otherwise a missing file is an error).
 * *created_out (may be NULL) says which. Returns CLI_EXIT_OK or, after a
 * message, CLI_EXIT_FILE.
 */
int cli_open_ledger(const char *verb, const oi_policy *policy, const char *path, int create,
                    oi_ledger **out, int *created_out);

/* Save the ledger atomically; CLI_EXIT_OK or, after a message, CLI_EXIT_FILE. */
int cli_save_ledger(const char *verb, const oi_ledger *ledger, const char *path);

/* Colour: on only when stdout is a terminal and NO_COLOR is unset or empty
 * (https://no-color.org). */
int cli_use_colour(FILE *out);

/* The escape sequence that colours an outcome, or "" (and CLI_RESET is
 * then not needed) when colour is off. */
const char *cli_outcome_colour(int colour, oi_outcome outcome);
#define CLI_RESET "\033[0m"

/* The verbs, each main-like: argv[0] is the verb. */
int verb_check(int argc, char **argv);
int verb_allocate(int argc, char **argv);
int verb_withdraw(int argc, char **argv);
int verb_report(int argc, char **argv);
int verb_sessions(int argc, char **argv);
int verb_validate(int argc, char **argv);
int verb_test(int argc, char **argv);

#endif /* OFFICERINST_CLI_H */
