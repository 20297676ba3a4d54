/*
 * Status names and the caller-provided error structure.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error_private.h"

void oi_error_clear(oi_error *err)
{
  if (err == NULL)
    return;
  memset(err, 0, sizeof *err);
  err->status = OI_OK;
  err->index = OI_ERROR_NO_INDEX;
  err->expected = OI_EXPECT_NONE;
}

static void set_path(oi_error *err, const char *prefix, const char *field)
{
  const int has_prefix = prefix != NULL && prefix[0] != '\0';
  const int has_field = field != NULL && field[0] != '\0';

  if (has_prefix && has_field)
    snprintf(err->path, sizeof err->path, "%s.%s", prefix, field);
  else
    snprintf(err->path, sizeof err->path, "%s",
             has_prefix ? prefix : has_field ? field : "");
  snprintf(err->field, sizeof err->field, "%s", has_field ? field : "");
}

static void fill(oi_error *err, oi_status status, oi_expect expected, int line, int column,
                 size_t position, const char *fmt, va_list ap)
{
  err->status = status;
  err->line = line;
  err->column = column;
  err->position = position;
  err->index = OI_ERROR_NO_INDEX;
  err->expected = expected;
  err->suggestion[0] = '\0';
  vsnprintf(err->message, sizeof err->message, fmt, ap);
}

oi_status oip_fail(oi_error *err, oi_status status, const char *prefix,
                   const char *field, const char *fmt, ...)
{
  va_list ap;

  if (err == NULL)
    return status;
  set_path(err, prefix, field);
  va_start(ap, fmt);
  fill(err, status, OI_EXPECT_NONE, 0, 0, 0, fmt, ap);
  va_end(ap);
  return status;
}

oi_status oip_fail_expect(oi_error *err, oi_status status, oi_expect expected,
                          const char *prefix, const char *field, const char *fmt, ...)
{
  va_list ap;

  if (err == NULL)
    return status;
  set_path(err, prefix, field);
  va_start(ap, fmt);
  fill(err, status, expected, 0, 0, 0, fmt, ap);
  va_end(ap);
  return status;
}

oi_status oip_fail_at(oi_error *err, oi_status status, int line, int column,
                      size_t position, const char *path, const char *fmt, ...)
{
  va_list ap;

  if (err == NULL)
    return status;
  set_path(err, path, NULL);
  snprintf(err->field, sizeof err->field, "%s", err->path);
  va_start(ap, fmt);
  fill(err, status, OI_EXPECT_NONE, line, column, position, fmt, ap);
  va_end(ap);
  return status;
}

oi_status oip_fail_element(oi_error *err, const oi_error *element, const char *array,
                           size_t index)
{
  if (err != NULL) {
    *err = *element;
    snprintf(err->path, sizeof err->path, "%s[%zu]%s%.90s", array, index,
             element->field[0] != '\0' ? "." : "", element->field);
    err->index = index;
  }
  return element->status;
}

void oip_error_set_expect(oi_error *err, oi_expect expected)
{
  if (err != NULL)
    err->expected = expected;
}

void oip_error_set_element(oi_error *err, size_t index, const char *field)
{
  if (err != NULL) {
    err->index = index;
    snprintf(err->field, sizeof err->field, "%s", field);
  }
}

void oip_error_set_suggestion(oi_error *err, const char *suggestion)
{
  if (err != NULL)
    snprintf(err->suggestion, sizeof err->suggestion, "%s",
             suggestion != NULL ? suggestion : "");
}

struct status_text {
  oi_status status;
  const char *name;
  const char *description;
};

static const struct status_text status_texts[] = {
  { OI_OK, "OI_OK", "success" },
  { OI_EINVAL, "OI_EINVAL", "invalid argument" },
  { OI_EDATE, "OI_EDATE", "invalid date or time" },
  { OI_ENOTFOUND, "OI_ENOTFOUND", "not found" },
  { OI_EEXISTS, "OI_EEXISTS", "already exists" },
  { OI_ENOMEM, "OI_ENOMEM", "out of memory" },
  { OI_ESTATE, "OI_ESTATE", "not allowed in the current state" },
  { OI_EPARSE, "OI_EPARSE", "malformed document" },
  { OI_ESCHEMA, "OI_ESCHEMA", "invalid document content" },
  { OI_EMISMATCH, "OI_EMISMATCH", "made under a different policy" },
  { OI_ELIMIT, "OI_ELIMIT", "limit exceeded" },
  { OI_EIO, "OI_EIO", "input/output error" },
};

static const struct status_text *find_status(oi_status status)
{
  size_t i;

  for (i = 0; i < sizeof status_texts / sizeof status_texts[0]; i++)
    if (status_texts[i].status == status)
      return &status_texts[i];
  return NULL;
}

const char *oi_status_name(oi_status status)
{
  const struct status_text *t = find_status(status);
  return t != NULL ? t->name : "OI_UNKNOWN";
}

const char *oi_status_describe(oi_status status)
{
  const struct status_text *t = find_status(status);
  return t != NULL ? t->description : "unknown status";
}

const char *oi_expect_name(oi_expect expected)
{
  switch (expected) {
  case OI_EXPECT_NONE: return "none";
  case OI_EXPECT_VALUE: return "value";
  case OI_EXPECT_OBJECT: return "object";
  case OI_EXPECT_ARRAY: return "array";
  case OI_EXPECT_STRING: return "string";
  case OI_EXPECT_INTEGER: return "integer";
  case OI_EXPECT_BOOLEAN: return "boolean";
  case OI_EXPECT_RANGE: return "range";
  case OI_EXPECT_LENGTH: return "length";
  case OI_EXPECT_FIELD: return "field";
  case OI_EXPECT_UNIQUE: return "unique";
  case OI_EXPECT_SYNTAX: return "syntax";
  case OI_EXPECT_FORMAT: return "format";
  case OI_EXPECT_LIMIT: return "limit";
  case OI_EXPECT_PRINTABLE: return "printable";
  case OI_EXPECT_VERSION: return "version";
  case OI_EXPECT_DATE: return "date";
  case OI_EXPECT_DATETIME: return "datetime";
  case OI_EXPECT_MONEY: return "money";
  case OI_EXPECT_COUNTRY: return "country";
  case OI_EXPECT_LM_FORM: return "lm_form";
  case OI_EXPECT_OFFICE: return "office";
  case OI_EXPECT_COURSE_KIND: return "course_kind";
  case OI_EXPECT_OUTCOME: return "outcome";
  case OI_EXPECT_CLAUSE: return "clause";
  case OI_EXPECT_REASON_CODE: return "reason_code";
  case OI_EXPECT_SEVERITY: return "severity";
  case OI_EXPECT_EVENT_TYPE: return "event_type";
  case OI_EXPECT_STATUS: return "status";
  case OI_EXPECT_SESSION: return "session";
  case OI_EXPECT_COURSE: return "course";
  case OI_EXPECT_POLICY: return "policy";
  }
  return NULL;
}
