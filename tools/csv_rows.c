/*
 * tools/csv_rows.c: rows of a CSV file with their line numbers, on libcsv.
 *
 * libcsv parses a stream and calls back per field and per record, but does
 * not say where a record began. So the file is fed to it one line at a time
 * (a line ends at LF): a record begins on the first line fed that is not
 * blank while no record is open, and stays open until libcsv ends it, which
 * may be several lines later when a quoted field holds a line break.
 */
#include "config.h"

#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv_rows.h"

struct reader {
  const char *file;
  const csv_rows_handler *h;
  long line;        /* the line being fed */
  long row_line;    /* where the open record began */
  int in_record;    /* a record is open */
  int stop;         /* the handler asked to stop */
  int overflow;     /* the open record has too many fields */
  /* The open record's fields, end to end, each NUL-terminated. */
  char *buf;
  size_t used, size;
  size_t offsets[CSV_FIELDS_MAX];
  size_t lengths[CSV_FIELDS_MAX];
  char *fields[CSV_FIELDS_MAX];
  size_t count;
};

/* libcsv grows its field buffer through this: refusing past the limit makes
 * it fail with CSV_ENOMEM, so one endless field cannot take all memory. */
static void *bounded_realloc(void *p, size_t size)
{
  if (size > CSV_FIELD_MAX + 1024)
    return NULL;
  return realloc(p, size);
}

static void on_field(void *data, size_t len, void *ctx)
{
  struct reader *r = ctx;

  if (!r->in_record) { /* a record begun mid-line, after a lone CR */
    r->in_record = 1;
    r->row_line = r->line;
  }
  if (r->count == CSV_FIELDS_MAX) {
    r->overflow = 1;
    return;
  }
  if (r->used + len + 1 > r->size) {
    size_t size = r->size > 0 ? r->size : 4096;
    char *grown;

    while (size < r->used + len + 1)
      size *= 2;
    grown = realloc(r->buf, size);
    if (grown == NULL) {
      r->overflow = 1;
      return;
    }
    r->buf = grown;
    r->size = size;
  }
  if (len > 0)
    memcpy(r->buf + r->used, data, len);
  r->buf[r->used + len] = '\0';
  r->offsets[r->count] = r->used;
  r->lengths[r->count] = len;
  r->count++;
  r->used += len + 1;
}

static void reset_record(struct reader *r)
{
  r->in_record = 0;
  r->overflow = 0;
  r->count = 0;
  r->used = 0;
}

static void on_record(int terminator, void *ctx)
{
  struct reader *r = ctx;
  csv_row row;
  size_t i;

  (void)terminator;
  if (r->stop) {
    reset_record(r);
    return;
  }
  if (r->overflow) {
    char message[96];

    snprintf(message, sizeof message, "more than %d fields", CSV_FIELDS_MAX);
    r->h->bad_row(r->h->ctx, r->file, r->row_line, message);
    reset_record(r);
    return;
  }
  /* A line of spaces is one empty field: blank, not a row. */
  if (r->count == 0 || (r->count == 1 && r->lengths[0] == 0)) {
    reset_record(r);
    return;
  }
  for (i = 0; i < r->count; i++)
    r->fields[i] = r->buf + r->offsets[i];
  row.file = r->file;
  row.line = r->row_line;
  row.count = r->count;
  row.fields = r->fields;
  row.lengths = r->lengths;
  if (r->h->row(r->h->ctx, &row) != 0)
    r->stop = 1;
  reset_record(r);
}

static int blank(const char *s, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++)
    if (s[i] != '\r' && s[i] != '\n')
      return 0;
  return 1;
}

static const char *parse_error_text(int code)
{
  if (code == CSV_ENOMEM || code == CSV_ETOOBIG)
    return "a field longer than 65536 bytes";
  return "not RFC 4180 CSV: a quote inside an unquoted field, or text after a "
         "closing quote (write a quote inside a quoted field as \"\")";
}

static int new_parser(struct csv_parser *p)
{
  if (csv_init(p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
    return -1;
  csv_set_realloc_func(p, bounded_realloc);
  return 0;
}

/* Feed one piece of a line (it ends at LF, or is the start of a line that
 * continues in the next chunk; *skip then says to drop the rest of a line
 * after an error). */
static int feed(struct reader *r, struct csv_parser *p, const char *s, size_t n, int *skip)
{
  if (*skip)
    return 0;
  if (!r->in_record && !blank(s, n)) {
    r->in_record = 1;
    r->row_line = r->line;
  }
  if (csv_parse(p, s, n, on_field, on_record, r) == n)
    return 0;
  r->h->bad_row(r->h->ctx, r->file, r->in_record ? r->row_line : r->line,
                parse_error_text(csv_error(p)));
  csv_free(p);
  reset_record(r);
  if (new_parser(p) != 0)
    return -1;
  *skip = s[n - 1] != '\n';
  return 0;
}

int csv_rows_read(const char *path, const csv_rows_handler *handler, int *errno_out)
{
  struct reader r;
  struct csv_parser p;
  FILE *in;
  char chunk[65536];
  size_t n;
  int first = 1, skip = 0, status = 0;

  memset(&r, 0, sizeof r);
  r.file = path;
  r.h = handler;
  r.line = 1;
  in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (in == NULL) {
    if (errno_out != NULL)
      *errno_out = errno;
    return -1;
  }
  if (new_parser(&p) != 0) {
    if (in != stdin)
      fclose(in);
    if (errno_out != NULL)
      *errno_out = ENOMEM;
    return -1;
  }
  while (!r.stop && (n = fread(chunk, 1, sizeof chunk, in)) > 0) {
    const char *s = chunk, *end = chunk + n;

    if (first && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
      s += 3;
    first = 0;
    while (s < end && !r.stop) {
      const char *lf = memchr(s, '\n', (size_t)(end - s));
      size_t len = lf != NULL ? (size_t)(lf - s) + 1 : (size_t)(end - s);

      if (len > 0 && feed(&r, &p, s, len, &skip) != 0) {
        status = -1;
        break;
      }
      if (lf != NULL) {
        r.line++;
        skip = 0;
      }
      s += len;
    }
    if (status != 0)
      break;
  }
  if (ferror(in)) {
    if (errno_out != NULL)
      *errno_out = errno != 0 ? errno : EIO;
    status = -1;
  } else if (status == 0 && !r.stop && !skip) {
    if (csv_fini(&p, on_field, on_record, &r) != 0)
      handler->bad_row(handler->ctx, path, r.in_record ? r.row_line : r.line,
                       "a quoted field is not closed (no closing quote before the end "
                       "of the file)");
  } else if (status != 0 && errno_out != NULL) {
    *errno_out = ENOMEM;
  }
  csv_free(&p);
  free(r.buf);
  if (in != stdin)
    fclose(in);
  return status;
}

int csv_utf8_valid(const char *text, size_t n)
{
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0;

  while (i < n) {
    unsigned c = s[i];
    size_t extra, k;
    unsigned long cp;

    if (c < 0x80) {
      i++;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      extra = 2;
      cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return 0;
    }
    if (i + extra >= n)
      return 0;
    for (k = 1; k <= extra; k++) {
      if ((s[i + k] & 0xC0) != 0x80)
        return 0;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((extra == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)))
      return 0;
    i += extra + 1;
  }
  return 1;
}
