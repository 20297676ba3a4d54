/*
 * tools/csv_rows.h: a CSV file (RFC 4180) as rows of fields, each row with
 * the line it starts on, read with libcsv.
 */
#ifndef OFFICERINST_CSV_ROWS_H
#define OFFICERINST_CSV_ROWS_H

#include <stddef.h>

/* Longest field accepted, in bytes; a longer one makes its row bad (and
 * bounds the memory a hostile file can take). */
#define CSV_FIELD_MAX 65536
/* Most fields a row may have. */
#define CSV_FIELDS_MAX 256

/* One row. The strings are NUL-terminated and valid only during the call. */
typedef struct csv_row {
  const char *file;           /* as given to csv_rows_read() */
  long line;                  /* line of the row's first character, 1-based */
  size_t count;               /* number of fields */
  char *const *fields;        /* the fields, without their quotes */
  const size_t *lengths;      /* their lengths (a field may hold a NUL byte) */
} csv_row;

typedef struct csv_rows_handler {
  /* Each row in order, the header row first. Blank lines are not rows.
   * Return 0 to go on, anything else to stop reading. */
  int (*row)(void *ctx, const csv_row *row);
  /* A row that is not CSV (a stray quote, a quoted field never closed, a
   * field over CSV_FIELD_MAX): reading goes on at the next line. */
  void (*bad_row)(void *ctx, const char *file, long line, const char *message);
  void *ctx;
} csv_rows_handler;

/*
 * Read path ("-" is standard input) row by row. A UTF-8 byte-order mark at
 * the start is skipped. Fields are trimmed of spaces and tabs outside
 * quotes (libcsv's rule, kind to hand-edited files).
 * Returns 0 at the end of the file or when a handler stopped it, -1 if the
 * file cannot be read (errno_out, may be NULL, receives errno).
 */
int csv_rows_read(const char *path, const csv_rows_handler *handler, int *errno_out);

/* 1 if the n bytes at s are well-formed UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF), else 0. */
int csv_utf8_valid(const char *s, size_t n);

#endif /* OFFICERINST_CSV_ROWS_H */
