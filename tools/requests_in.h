/*
 * tools/requests_in.h: the requests a verb reads, from a CSV file (a
 * header row naming the fields, one request or application a row) or a
 * requests document (JSON), into a batch of the library's.
 */
#ifndef OFFICERINST_REQUESTS_IN_H
#define OFFICERINST_REQUESTS_IN_H

#include <officerinst.h>

typedef enum requests_kind {
  REQUESTS_AUTO = 0, /* by the name: *.json is a document, anything else CSV */
  REQUESTS_CSV,
  REQUESTS_JSON
} requests_kind;

typedef struct requests_in {
  const char *path;
  requests_kind kind;   /* what was read */
  oi_batch *batch;      /* per element: bad rows are kept as errors */
  size_t bad;           /* bad rows and elements, each reported once */
  unsigned char *reported; /* per request, then per application: its error was printed */
  size_t reported_size;
  long *lines;          /* CSV: the line of each request, by index in the batch */
  size_t line_count, line_size;
} requests_in;

/*
 * Read path ("-": standard input, CSV) into a new batch under policy. Every
 * bad row or element is reported on stderr, a CSV row as
 * FILE:LINE: column: message, a document's element as
 * FILE:LINE:COLUMN: path: message; a column missing from the header, or
 * one the format does not know, is reported once, as the header's.
 * Returns CLI_EXIT_OK (bad rows or not: see in->bad) or, after a message,
 * CLI_EXIT_FILE (the file cannot be read, or a document is not a requests
 * document at all).
 */
int requests_read(const char *verb, const oi_policy *policy, const char *path,
                  requests_kind kind, requests_in *in);

/* Report the errors the batch gained since the last report (a request whose
 * id the ledger already held, found when entering it); adds them to bad. */
void requests_report_new_errors(requests_in *in);

void requests_free(requests_in *in);

#endif /* OFFICERINST_REQUESTS_IN_H */
