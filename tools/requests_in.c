/*
 * tools/requests_in.c: CSV rows and requests documents into a batch.
 *
 * The program has no names of its own for the fields or their values: a
 * CSV header names the fields of a requests document ("id", "session",
 * "local.country", ...) and each row goes to oi_batch_add_request() (or
 * oi_batch_add_application() when the header has a "course" column) as it
 * is, so a spreadsheet and a document are read by the same code. What is
 * left here is the file itself: CSV syntax, field counts, UTF-8.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csv_rows.h"
#include "requests_in.h"

#define HEADER_ERRORS_MAX 32

struct csv_ctx {
  const char *verb;
  requests_in *in;
  int applications;          /* the header has a "course" column */
  long header_line;          /* 0 until the header is read */
  size_t columns;
  char **names;              /* the header's column names */
  /* Errors of the header reported so far (by field), so that a column
   * missing or unknown is said once, not once a row. */
  char header_errors[HEADER_ERRORS_MAX][OI_ERROR_PATH_SIZE];
  size_t header_error_count;
  int failed;                /* out of memory */
};

static void bad_row(void *data, const char *file, long line, const char *message)
{
  struct csv_ctx *c = data;

  fprintf(stderr, "%s:%ld: %s\n", file, line, message);
  c->in->bad++;
}

static int read_header(struct csv_ctx *c, const csv_row *row)
{
  size_t i;

  c->names = calloc(row->count, sizeof *c->names);
  if (c->names == NULL)
    return -1;
  c->columns = row->count;
  c->header_line = row->line;
  for (i = 0; i < row->count; i++) {
    c->names[i] = strdup(row->fields[i]);
    if (c->names[i] == NULL)
      return -1;
    if (strcmp(row->fields[i], "course") == 0)
      c->applications = 1;
  }
  return 0;
}

static int in_header(const struct csv_ctx *c, const char *field)
{
  size_t i;

  for (i = 0; i < c->columns; i++)
    if (strcmp(c->names[i], field) == 0)
      return 1;
  return 0;
}

/* An error of the library about a row: the header's when it is about a
 * column the header lacks or should not have, the row's otherwise. */
static void row_error(struct csv_ctx *c, const oi_error *e)
{
  const char *file = c->in->path;
  size_t i;

  if (e->expected == OI_EXPECT_FIELD ||
      (e->expected == OI_EXPECT_VALUE && e->field[0] != '\0' && !in_header(c, e->field))) {
    for (i = 0; i < c->header_error_count; i++)
      if (strcmp(c->header_errors[i], e->field) == 0)
        return;
    if (c->header_error_count < HEADER_ERRORS_MAX)
      snprintf(c->header_errors[c->header_error_count++], OI_ERROR_PATH_SIZE, "%s", e->field);
    fprintf(stderr, "%s:%ld: %s%s%s (in the header: every row is refused)\n", file,
            c->header_line, e->field, e->field[0] != '\0' ? ": " : "", cli_error_message(e));
    return;
  }
  fprintf(stderr, "%s:%d: %s%s%s\n", file, e->line, e->field, e->field[0] != '\0' ? ": " : "",
          cli_error_message(e));
}

/* Remember the line of request index (CSV), for errors found later. */
static int keep_line(requests_in *in, size_t index, long line)
{
  if (index >= in->line_size) {
    size_t size = in->line_size > 0 ? in->line_size * 2 : 1024;
    long *grown;

    while (size <= index)
      size *= 2;
    grown = realloc(in->lines, size * sizeof *grown);
    if (grown == NULL)
      return -1;
    in->lines = grown;
    in->line_size = size;
  }
  in->lines[index] = line;
  if (index >= in->line_count)
    in->line_count = index + 1;
  return 0;
}

static int on_row(void *data, const csv_row *row)
{
  struct csv_ctx *c = data;
  const oi_error *e;
  oi_error err;
  size_t i, index;
  oi_status st;

  if (c->header_line == 0) {
    if (read_header(c, row) != 0) {
      c->failed = 1;
      return 1;
    }
    return 0;
  }
  if (row->count != c->columns) {
    fprintf(stderr, "%s:%ld: %zu fields, the header has %zu\n", c->in->path, row->line,
            row->count, c->columns);
    c->in->bad++;
    return 0;
  }
  for (i = 0; i < row->count; i++) {
    if (strlen(row->fields[i]) != row->lengths[i] ||
        !csv_utf8_valid(row->fields[i], row->lengths[i])) {
      fprintf(stderr, "%s:%ld: %s: %s\n", c->in->path, row->line, c->names[i],
              strlen(row->fields[i]) != row->lengths[i]
                  ? "holds a NUL byte"
                  : "not UTF-8 text (save the file as UTF-8)");
      c->in->bad++;
      return 0;
    }
  }
  oi_error_clear(&err);
  st = (c->applications ? oi_batch_add_application : oi_batch_add_request)(
      c->in->batch, (const char *const *)c->names, (const char *const *)row->fields, row->count,
      row->line > 0x7fffffffL ? 0x7fffffff : (int)row->line, &index, &err);
  if (st != OI_OK) {
    fprintf(stderr, "%s:%ld: %s\n", c->in->path, row->line, err.message);
    c->failed = 1;
    return 1;
  }
  if (!c->applications && keep_line(c->in, index, row->line) != 0) {
    c->failed = 1;
    return 1;
  }
  e = c->applications ? oi_batch_application_error(c->in->batch, index)
                      : oi_batch_request_error(c->in->batch, index);
  if (e != NULL) {
    row_error(c, e);
    c->in->bad++;
  }
  return 0;
}

static int read_csv(const char *verb, const oi_policy *policy, requests_in *in)
{
  struct csv_ctx c;
  csv_rows_handler h;
  oi_error err;
  int errno_value = 0, status = CLI_EXIT_OK;
  size_t i;

  memset(&c, 0, sizeof c);
  c.verb = verb;
  c.in = in;
  oi_error_clear(&err);
  if (oi_batch_new(policy, OI_BATCH_PER_ELEMENT, &in->batch, &err) != OI_OK) {
    cli_warn(verb, "%s", err.message);
    return CLI_EXIT_FILE;
  }
  h.row = on_row;
  h.bad_row = bad_row;
  h.ctx = &c;
  if (csv_rows_read(in->path, &h, &errno_value) != 0) {
    cli_warn(verb, "%s: %s", in->path, strerror(errno_value));
    status = CLI_EXIT_FILE;
  } else if (c.failed) {
    cli_warn(verb, "%s: out of memory", in->path);
    status = CLI_EXIT_FILE;
  } else if (c.header_line == 0) {
    /* A header with no rows is an empty batch; no header at all is not a
     * requests file (an export that went wrong). */
    fprintf(stderr, "%s:1: the file is empty: expected a header row naming the columns\n",
            in->path);
    in->bad++;
  }
  for (i = 0; i < c.columns; i++)
    free(c.names[i]);
  free(c.names);
  return status;
}

static int read_json(const char *verb, const oi_policy *policy, requests_in *in)
{
  oi_error err;
  size_t i, n;

  oi_error_clear(&err);
  if (oi_batch_load(policy, in->path, OI_BATCH_PER_ELEMENT, &in->batch, &err) != OI_OK) {
    if (err.status == OI_EIO)
      cli_warn(verb, "%s: %s", in->path, err.message);
    else
      cli_print_document_error(stderr, in->path, &err);
    return CLI_EXIT_FILE;
  }
  for (i = 0, n = oi_batch_request_count(in->batch); i < n; i++) {
    const oi_error *e = oi_batch_request_error(in->batch, i);

    if (e != NULL) {
      cli_print_document_error(stderr, in->path, e);
      in->bad++;
    }
  }
  for (i = 0, n = oi_batch_application_count(in->batch); i < n; i++) {
    const oi_error *e = oi_batch_application_error(in->batch, i);

    if (e != NULL) {
      cli_print_document_error(stderr, in->path, e);
      in->bad++;
    }
  }
  return CLI_EXIT_OK;
}

/* Which elements have an error now, so that only new ones are reported. */
static int mark_reported(requests_in *in)
{
  const size_t nr = oi_batch_request_count(in->batch);
  const size_t na = oi_batch_application_count(in->batch);
  size_t i;

  free(in->reported);
  in->reported_size = nr + na;
  in->reported = calloc(in->reported_size > 0 ? in->reported_size : 1, 1);
  if (in->reported == NULL)
    return -1;
  for (i = 0; i < nr; i++)
    in->reported[i] = oi_batch_request_error(in->batch, i) != NULL;
  for (i = 0; i < na; i++)
    in->reported[nr + i] = oi_batch_application_error(in->batch, i) != NULL;
  return 0;
}

static int is_json_name(const char *path)
{
  size_t n = strlen(path);

  return n > 5 && strcmp(path + n - 5, ".json") == 0;
}

int requests_read(const char *verb, const oi_policy *policy, const char *path,
                  requests_kind kind, requests_in *in)
{
  int status;

  memset(in, 0, sizeof *in);
  in->path = path;
  if (kind == REQUESTS_AUTO)
    kind = strcmp(path, "-") != 0 && is_json_name(path) ? REQUESTS_JSON : REQUESTS_CSV;
  if (kind == REQUESTS_JSON && strcmp(path, "-") == 0) {
    cli_warn(verb, "a requests document is read from a file, not standard input");
    return CLI_EXIT_USAGE;
  }
  in->kind = kind;
  status = kind == REQUESTS_JSON ? read_json(verb, policy, in) : read_csv(verb, policy, in);
  if (status == CLI_EXIT_OK && mark_reported(in) != 0) {
    cli_warn(verb, "out of memory");
    status = CLI_EXIT_FILE;
  }
  return status;
}

void requests_report_new_errors(requests_in *in)
{
  const size_t nr = oi_batch_request_count(in->batch);
  size_t i;

  for (i = 0; i < nr && i < in->reported_size; i++) {
    const oi_error *e = oi_batch_request_error(in->batch, i);

    if (e == NULL || in->reported[i])
      continue;
    in->reported[i] = 1;
    in->bad++;
    if (in->kind == REQUESTS_CSV)
      fprintf(stderr, "%s:%ld: %s%s%s\n", in->path,
              e->line > 0 ? (long)e->line : i < in->line_count ? in->lines[i] : 0L, e->field,
              e->field[0] != '\0' ? ": " : "", cli_error_message(e));
    else
      cli_print_document_error(stderr, in->path, e);
  }
}

void requests_free(requests_in *in)
{
  oi_batch_free(in->batch);
  in->batch = NULL;
  free(in->reported);
  in->reported = NULL;
  free(in->lines);
  in->lines = NULL;
}
