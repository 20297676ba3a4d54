/*
 * tools/output.h: the pieces of officerinst's three output formats: text
 * (aligned, coloured on a terminal), CSV (RFC 4180, for a spreadsheet) and
 * JSON (jansson values, printed once whole). Every name printed comes from
 * the library's own name functions.
 */
#ifndef OFFICERINST_OUTPUT_H
#define OFFICERINST_OUTPUT_H

#include <jansson.h>
#include <stdio.h>

#include <officerinst.h>

/* One CSV field, quoted (by libcsv) only when it has to be; then a comma,
 * or the line's end (CRLF, as RFC 4180 has it) when last is set. NULL is
 * an empty field. */
void out_csv_field(FILE *to, const char *text, int last);
/* The same for a number. */
void out_csv_int(FILE *to, long long value, int last);

/* Each reason on its own line: indent spaces, "[S6] " and the library's
 * message. */
void out_reasons_text(FILE *to, const oi_policy *policy, const oi_reason *reasons,
                      size_t count, int indent);

/* The reasons as one CSV-friendly text: "S6 RECEIVED_LATE: message; ...". */
char *out_reasons_line(const oi_policy *policy, const oi_reason *reasons, size_t count);

/* The reasons as a JSON array of {"clause", "code", "severity"?, "message"}. */
json_t *out_reasons_json(const oi_policy *policy, const oi_reason *reasons, size_t count);

/* The same three for a decision's reasons. A ledger entry's reasons are an
 * array the ledger owns; a decision's are read with oi_decision_reason(),
 * which keeps working whatever room a later layout of ::oi_decision gives
 * them. */
void out_decision_reasons_text(FILE *to, const oi_policy *policy, const oi_decision *d,
                               int indent);
char *out_decision_reasons_line(const oi_policy *policy, const oi_decision *d);
json_t *out_decision_reasons_json(const oi_policy *policy, const oi_decision *d);

/* A ledger entry as a JSON object (id, session, local, officer, received,
 * status, nights, payee, reasons). */
json_t *out_entry_json(const oi_policy *policy, const oi_ledger_entry *e);

/* A date or moment as text into buf (OI_DATETIME_STRING_SIZE bytes). */
const char *out_date(oi_date d, char *buf);
const char *out_moment(oi_datetime t, char *buf);

/* Print a JSON document to stdout, indented, with a final newline.
 * Returns 0, or -1 if it could not be written (out of memory). */
int out_json_print(json_t *doc);

/* Helpers that treat a failed jansson allocation as fatal to the output:
 * they return -1 once any call failed (the value is then freed). */
int out_set(json_t *object, const char *key, json_t *value);
int out_append(json_t *array, json_t *value);

#endif /* OFFICERINST_OUTPUT_H */
