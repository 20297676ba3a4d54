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
}

oi_status oip_fail(oi_error *err, oi_status status, const char *prefix,
                   const char *field, const char *fmt, ...)
{
  va_list ap;

  if (err == NULL)
    return status;
  err->status = status;
  err->line = 0;
  err->column = 0;
  err->position = 0;
  set_path(err, prefix, field);
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  return status;
}

oi_status oip_fail_at(oi_error *err, oi_status status, int line, int column,
                      size_t position, const char *path, const char *fmt, ...)
{
  va_list ap;

  if (err == NULL)
    return status;
  err->status = status;
  err->line = line;
  err->column = column;
  err->position = position;
  set_path(err, path, NULL);
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  return status;
}

oi_status oip_fail_element(oi_error *err, const oi_error *element, const char *array,
                           size_t index)
{
  /* The element's path starts with the singular of the array's name. */
  const size_t n = strlen(array) - 1;
  const char *rest = strncmp(element->path, array, n) == 0 ? element->path + n : "";

  if (err != NULL) {
    *err = *element;
    snprintf(err->path, sizeof err->path, "%s[%zu]%.90s", array, index, rest);
  }
  return element->status;
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
