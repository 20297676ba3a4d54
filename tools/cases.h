/*
 * tools/cases.h: test cases of what a policy must decide, the format of
 * doc/test-format.md (the project's own clause vectors are written in it),
 * run by `officerinst test`.
 *
 * A case that fails says why in one line; a case file that is not a case
 * file at all is an error of the run, not a failed case.
 */
#ifndef OFFICERINST_CASES_H
#define OFFICERINST_CASES_H

#include <jansson.h>

#include <officerinst.h>

#define CASES_FORMAT "officerinst-clause-vectors"
/* The versions read: 1, and 2, which adds a file's "policies", a reason's
 * ref_id, the nights an event carries, more expected fields and the
 * local_awards step. A file uses only what its version has. */
#define CASES_VERSION_MIN 1
#define CASES_VERSION 2

/* Why a case failed: the first mismatch found. */
#define CASES_WHY_SIZE 512

/* A policy document of a file's "policies", loaded with the file. */
typedef struct cases_named_policy {
  const char *name;      /* its key, borrowed from the document */
  oi_policy *policy;
} cases_named_policy;

/* One case file, loaded. */
typedef struct cases_file {
  const char *path;
  char dir[4096];        /* its directory, for the paths it names */
  json_t *doc;
  int version;           /* CASES_VERSION_MIN..CASES_VERSION */
  json_t *vectors;
  json_t *defaults;      /* an object (empty when the file has none) */
  const char *policy;    /* the file's "policy", or NULL (builtin-2017) */
  cases_named_policy *named; /* its "policies" (version 2), in file order */
  size_t named_count;
} cases_file;

/* What running one case needs and leaves. */
typedef struct cases_run {
  const cases_file *file;
  const oi_policy *policy;
  oi_ledger *ledger;     /* a ledger case's; freed by the runner */
  json_t *keep;          /* merged objects whose strings the requests borrow */
  char where[160];       /* the step being run, for the message */
  char why[CASES_WHY_SIZE];
  int failed;
} cases_run;

/*
 * Load a case file and check its shape (format, version, a non-empty list
 * of vectors each with an id, unique, and a "policy" string if any) and
 * load the policy documents of its "policies". On failure prints
 * FILE[:LINE:COLUMN]: message and returns -1.
 */
int cases_load(const char *path, cases_file *out);
void cases_free(cases_file *f);

/*
 * The policy vector v runs under: its own "policy", else the file's, read
 * as the first that fits of
 *   1. a name of the file's "policies": *named is set, NULL is returned;
 *   2. "builtin-YEAR": returned as it is;
 *   3. a policy document's path, relative to the file's directory unless
 *      absolute: returned, made relative to where the program runs, in buf.
 * NULL with *named NULL is the default, builtin-2017.
 */
const char *cases_policy_ref(const cases_file *f, json_t *v, const oi_policy **named, char *buf,
                             size_t size);

/* Record a failure (the first one wins). Always returns -1. */
int cases_fail(cases_run *r, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Reading a vector's input (cases_read.c). Each returns 0, or -1 after
 * cases_fail(). The strings of what they fill are borrowed from the
 * document or from r->keep and live until the case ends. */
int cases_member(cases_run *r, json_t *o, const char *key, json_t **out);
int cases_string(cases_run *r, json_t *o, const char *key, const char **out);
int cases_integer(cases_run *r, json_t *o, const char *key, long long *out);
int cases_date(cases_run *r, const char *text, oi_date *out);

/* Fails unless the file's version is at least `version`: what names the
 * member of a later version that the case uses. */
int cases_since(cases_run *r, int version, const char *what);

/* Every member of object o is one of `known` (NULL-terminated) or, from
 * version 2 of the format on, of `known_v2` (NULL-terminated, may be NULL),
 * so that a misspelt expectation fails instead of going unchecked; what
 * names o in the message ("the expectation", "the step"). */
int cases_members(cases_run *r, json_t *o, const char *what, const char *const *known,
                  const char *const *known_v2);

/* A subsidy request and the graduations its officer claims. */
typedef struct cases_request {
  oi_subsidy_request req;
  oi_graduation grads[OI_GRADUATIONS_MAX];
} cases_request;

int cases_read_request(cases_run *r, json_t *input, cases_request *out);
int cases_read_application(cases_run *r, json_t *input, oi_application *app,
                           oi_graduation *grads);

/* Comparing what the library gave with what a case expects (cases_run.c).
 * Each returns 0 on a match, or -1 after cases_fail(). */

/* oi_outcome_name(), "none" for no outcome. */
const char *cases_outcome_text(oi_outcome outcome);
/* An expected outcome: a name, or null / absent (v NULL) for none. */
int cases_expected_outcome(cases_run *r, json_t *v, const char **out);
/* EXACTLY the expected [clause, code] or [clause, code, ref_id] reasons, in
 * order. */
int cases_expect_reasons(cases_run *r, json_t *expected, const oi_reason *reasons, size_t count);
/* Both NULL, or the same string. */
int cases_same_text(const char *a, const char *b);
/* An optional expected integer expect[key]: absent, or equal to got. */
int cases_expect_int(cases_run *r, json_t *expect, const char *key, long long got);
/* An optional expected "payee": true when one is named (payee not NULL),
 * false when none. */
int cases_expect_payee(cases_run *r, json_t *expect, const char *payee);
/* A decision: outcome, reasons, and the optional fields the case states. */
int cases_expect_decision(cases_run *r, json_t *expect, const oi_decision *d);
/* 1 if the case expects an error and got it, 0 if it expects none and got
 * none, -1 on a mismatch. */
int cases_expect_error(cases_run *r, json_t *expect, oi_status st, const oi_error *err);

/* Run vector v of the file under policy (cases_run.c): 0 passed, -1 failed
 * (r->why says why). */
int cases_run_vector(cases_run *r, json_t *v);

/* A ledger case's steps, on a new ledger or on the saved one its input
 * names (cases_ledger.c); r->ledger is left for the caller to free. */
int cases_run_ledger(cases_run *r, json_t *input);

/* The clauses the file requires a vector for, each covered: 0, or -1 with
 * why. */
int cases_check_coverage(const cases_file *f, char *why, size_t size);

#endif /* OFFICERINST_CASES_H */
