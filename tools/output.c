/*
 * tools/output.c: CSV fields, reasons and ledger entries in officerinst's
 * output formats.
 */
#include "config.h"

#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"

void out_csv_field(FILE *to, const char *text, int last)
{
  if (text != NULL) {
    size_t n = strlen(text);

    /* RFC 4180: a field with a comma, a quote or a line break is quoted;
     * so is one with an outer space, which a reader might trim. */
    if (strpbrk(text, ",\"\r\n") != NULL ||
        (n > 0 && (text[0] == ' ' || text[n - 1] == ' ')))
      csv_fwrite(to, text, n);
    else
      fputs(text, to);
  }
  fputs(last ? "\r\n" : ",", to);
}

void out_csv_int(FILE *to, long long value, int last)
{
  fprintf(to, "%lld%s", value, last ? "\r\n" : ",");
}

const char *out_date(oi_date d, char *buf)
{
  if (oi_date_format(d, buf, OI_DATETIME_STRING_SIZE) < 0)
    buf[0] = '\0';
  return buf;
}

const char *out_moment(oi_datetime t, char *buf)
{
  if (oi_datetime_format(t, buf, OI_DATETIME_STRING_SIZE) < 0)
    buf[0] = '\0';
  return buf;
}

/* The library's message for a reason, in buf. */
static const char *message(const oi_policy *policy, const oi_reason *r, char *buf,
                           size_t size)
{
  if (oi_reason_format(policy, r, buf, size) < 0)
    snprintf(buf, size, "%s", oi_reason_code_name(r->code));
  return buf;
}

/* Where reasons are read: a decision's, through oi_decision_reason(), or
 * an array a ledger entry holds. */
struct reasons {
  const oi_decision *decision;
  const oi_reason *array;
  size_t count;
};

static struct reasons of_array(const oi_reason *reasons, size_t count)
{
  struct reasons rs = { NULL, reasons, count };
  return rs;
}

static struct reasons of_decision(const oi_decision *d)
{
  struct reasons rs = { d, NULL, d->reason_count };
  return rs;
}

/* Reason i (below rs->count), or NULL if the decision gives none. */
static const oi_reason *reason_at(const struct reasons *rs, size_t i)
{
  return rs->decision != NULL ? oi_decision_reason(rs->decision, i) : &rs->array[i];
}

static void reasons_text(FILE *to, const oi_policy *policy, const struct reasons *rs,
                         int indent)
{
  size_t i;

  for (i = 0; i < rs->count; i++) {
    char text[512];
    const oi_reason *r = reason_at(rs, i);
    const char *clause;

    if (r == NULL)
      break;
    clause = oi_clause_id(r->clause);
    fprintf(to, "%*s[%s] %s\n", indent, "", clause != NULL ? clause : "?",
            message(policy, r, text, sizeof text));
  }
}

void out_reasons_text(FILE *to, const oi_policy *policy, const oi_reason *reasons,
                      size_t count, int indent)
{
  const struct reasons rs = of_array(reasons, count);
  reasons_text(to, policy, &rs, indent);
}

void out_decision_reasons_text(FILE *to, const oi_policy *policy, const oi_decision *d,
                               int indent)
{
  const struct reasons rs = of_decision(d);
  reasons_text(to, policy, &rs, indent);
}

static char *reasons_line(const oi_policy *policy, const struct reasons *rs)
{
  size_t i, used = 0, size = 1;
  char *line;

  for (i = 0; i < rs->count; i++)
    size += 512 + 64;
  line = malloc(size);
  if (line == NULL)
    return NULL;
  line[0] = '\0';
  for (i = 0; i < rs->count; i++) {
    char text[512];
    const oi_reason *r = reason_at(rs, i);
    const char *clause, *code;
    int n;

    if (r == NULL)
      break;
    clause = oi_clause_id(r->clause);
    code = oi_reason_code_name(r->code);
    n = snprintf(line + used, size - used, "%s%s %s: %s", i > 0 ? "; " : "",
                 clause != NULL ? clause : "?", code != NULL ? code : "?",
                 message(policy, r, text, sizeof text));
    if (n > 0)
      used += (size_t)n < size - used ? (size_t)n : size - used - 1;
  }
  return line;
}

char *out_reasons_line(const oi_policy *policy, const oi_reason *reasons, size_t count)
{
  const struct reasons rs = of_array(reasons, count);
  return reasons_line(policy, &rs);
}

char *out_decision_reasons_line(const oi_policy *policy, const oi_decision *d)
{
  const struct reasons rs = of_decision(d);
  return reasons_line(policy, &rs);
}

int out_set(json_t *object, const char *key, json_t *value)
{
  if (object == NULL || value == NULL) {
    json_decref(value);
    return -1;
  }
  return json_object_set_new(object, key, value) == 0 ? 0 : -1;
}

int out_append(json_t *array, json_t *value)
{
  if (array == NULL || value == NULL) {
    json_decref(value);
    return -1;
  }
  return json_array_append_new(array, value) == 0 ? 0 : -1;
}

/* A string or null. */
static json_t *str_or_null(const char *s)
{
  return s != NULL ? json_string(s) : json_null();
}

static json_t *reasons_json(const oi_policy *policy, const struct reasons *rs)
{
  json_t *list = json_array();
  size_t i;
  int bad = list == NULL;

  for (i = 0; i < rs->count && !bad; i++) {
    const oi_reason *reason = reason_at(rs, i);
    json_t *r = json_object();
    char text[512];

    if (reason == NULL) {
      json_decref(r);
      break;
    }
    bad |= out_set(r, "clause", str_or_null(oi_clause_id(reason->clause)));
    bad |= out_set(r, "code", str_or_null(oi_reason_code_name(reason->code)));
    bad |= out_set(r, "message", json_string(message(policy, reason, text, sizeof text)));
    bad |= out_append(list, r);
  }
  if (bad) {
    json_decref(list);
    return NULL;
  }
  return list;
}

json_t *out_reasons_json(const oi_policy *policy, const oi_reason *reasons, size_t count)
{
  const struct reasons rs = of_array(reasons, count);
  return reasons_json(policy, &rs);
}

json_t *out_decision_reasons_json(const oi_policy *policy, const oi_decision *d)
{
  const struct reasons rs = of_decision(d);
  return reasons_json(policy, &rs);
}

json_t *out_entry_json(const oi_policy *policy, const oi_ledger_entry *e)
{
  json_t *o = json_object();
  char when[OI_DATETIME_STRING_SIZE];
  int bad = o == NULL;

  bad |= out_set(o, "id", json_string(e->id));
  bad |= out_set(o, "entry_number", json_integer((json_int_t)e->entry_number));
  bad |= out_set(o, "session_id", json_string(e->session_id));
  bad |= out_set(o, "status", str_or_null(oi_outcome_name(e->status)));
  bad |= out_set(o, "local_number", json_integer((json_int_t)e->local_number));
  bad |= out_set(o, "local_name", str_or_null(e->local_name));
  bad |= out_set(o, "district", json_integer(e->district));
  bad |= out_set(o, "officer_id", str_or_null(e->officer_id));
  bad |= out_set(o, "officer_name", str_or_null(e->officer_name));
  bad |= out_set(o, "received", json_string(out_moment(e->received, when)));
  bad |= out_set(o, "nights_requested", json_integer(e->nights_requested));
  bad |= out_set(o, "nights", json_integer(e->nights));
  bad |= out_set(o, "payee", str_or_null(e->payee));
  bad |= out_set(o, "reasons", out_reasons_json(policy, e->reasons, e->reason_count));
  if (bad) {
    json_decref(o);
    return NULL;
  }
  return o;
}

int out_json_print(json_t *doc)
{
  int status;

  if (doc == NULL)
    return -1;
  status = json_dumpf(doc, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER) == 0 ? 0 : -1;
  if (status == 0)
    fputc('\n', stdout);
  return status;
}
