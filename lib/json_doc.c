/*
 * Reading JSON documents with errors that say where: line, column, the
 * field's path, what was expected and what was found. (The text itself is
 * read in json_parse.c, and the typed members in json_fields.c.)
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_doc.h"
#include "fileio.h"
#include "suggest.h"
#include "officerinst/json.h"
#include "officerinst/types.h"

void oip_doc_init(struct oip_doc *doc, const char *text, size_t length, oi_error *err)
{
  doc->text = text;
  doc->length = length;
  doc->err = err;
  doc->base = NULL;
  doc->element = OI_ERROR_NO_INDEX;
}

void oip_doc_enter(struct oip_doc *doc, const char *array, size_t index, char *buf,
                   size_t size)
{
  oip_path_index(buf, size, array, index);
  doc->base = buf;
  doc->element = index;
}

void oip_doc_leave(struct oip_doc *doc)
{
  doc->base = NULL;
  doc->element = OI_ERROR_NO_INDEX;
}

const char *oip_doc_path(const struct oip_doc *doc, const char *path, char *buf, size_t size)
{
  if (doc->base == NULL)
    return path;
  snprintf(buf, size, "%s%s%s", doc->base, path[0] != '\0' ? "." : "", path);
  return buf;
}

/* ---- positions -------------------------------------------------------- */

static void position_of(const struct oip_doc *doc, size_t offset, int *line, int *column)
{
  size_t i;
  int l = 1, c = 1;

  for (i = 0; i < offset && i < doc->length; i++) {
    if (doc->text[i] == '\n') {
      l++;
      c = 1;
    } else {
      c++;
    }
  }
  *line = l;
  *column = c;
}

static oi_status fail_at_offset(const struct oip_doc *doc, oi_status status, size_t offset,
                                const char *path, const char *fmt, va_list ap)
{
  char message[OI_ERROR_MESSAGE_SIZE];
  int line, column;

  vsnprintf(message, sizeof message, fmt, ap);
  position_of(doc, offset, &line, &column);
  return oip_fail_at(doc->err, status, line, column, offset, path, "%s", message);
}

oi_status oip_doc_fail_at(const struct oip_doc *doc, oi_status status, size_t offset,
                          const char *path, const char *fmt, ...)
{
  va_list ap;
  oi_status st;

  va_start(ap, fmt);
  st = fail_at_offset(doc, status, offset, path, fmt, ap);
  va_end(ap);
  oip_error_set_expect(doc->err, OI_EXPECT_LIMIT);
  return st;
}

/* ---- from a path back to a position ------------------------------------ */

size_t oip_doc_skip_ws(const struct oip_doc *doc, size_t i)
{
  while (i < doc->length && (doc->text[i] == ' ' || doc->text[i] == '\t' ||
                             doc->text[i] == '\n' || doc->text[i] == '\r'))
    i++;
  return i;
}

/* Skip one value (the document is known to be well-formed). */
static size_t skip_value(const struct oip_doc *doc, size_t i)
{
  const char *t = doc->text;
  size_t depth = 0;

  i = oip_doc_skip_ws(doc, i);
  do {
    if (i >= doc->length)
      return i;
    if (t[i] == '"') {
      for (i++; i < doc->length && t[i] != '"'; i++)
        if (t[i] == '\\')
          i++;
      i++;
    } else if (t[i] == '[' || t[i] == '{') {
      depth++;
      i++;
    } else if (t[i] == ']' || t[i] == '}') {
      depth--;
      i++;
    } else if (depth == 0) {
      while (i < doc->length && strchr(",]} \t\r\n", t[i]) == NULL)
        i++;
    } else {
      i++;
    }
  } while (depth > 0);
  return i;
}

/* Does the string token at i (a key) equal name? Keys of our formats are
 * plain ASCII; an escaped key simply never matches. */
static int key_is(const struct oip_doc *doc, size_t i, const char *name, size_t n)
{
  return i + n + 1 < doc->length && doc->text[i] == '"' &&
         memcmp(doc->text + i + 1, name, n) == 0 && doc->text[i + n + 1] == '"';
}

/*
 * Offset of the value at path ("sessions[2].first_day"), or of its key when
 * at_key. Stops at the deepest component found, so a missing member points
 * at its object. On the way it passes the element of a top-level array the
 * path goes into, if any: *element is then its index and *field the rest of
 * the path ("first_day"), as the error reports them.
 */
static size_t locate(const struct oip_doc *doc, const char *path, int at_key,
                     size_t *element, const char **field)
{
  size_t i = oip_doc_skip_ws(doc, 0), key_at = i;
  const char *p = path;
  int component = 0;

  *element = OI_ERROR_NO_INDEX;
  *field = path;
  for (; *p != '\0'; component++) {
    if (*p == '.')
      p++;
    if (*p == '[') {
      unsigned long n = strtoul(p + 1, NULL, 10), k;
      const char *close = strchr(p, ']');
      if (close != NULL && component == 1) {
        *element = (size_t)n;
        *field = close[1] == '.' ? close + 2 : close + 1;
      }
      if (i >= doc->length || doc->text[i] != '[' || close == NULL)
        return i;
      i = oip_doc_skip_ws(doc, i + 1);
      for (k = 0; k < n; k++) {
        i = oip_doc_skip_ws(doc, skip_value(doc, i));
        if (i >= doc->length || doc->text[i] != ',')
          return i;
        i = oip_doc_skip_ws(doc, i + 1);
      }
      key_at = i;
      p = close + 1;
    } else {
      size_t n = strcspn(p, ".[");
      size_t j;
      if (i >= doc->length || doc->text[i] != '{')
        return i;
      j = oip_doc_skip_ws(doc, i + 1);
      for (;;) {
        size_t value;
        if (j >= doc->length || doc->text[j] != '"')
          return i;
        value = oip_doc_skip_ws(doc, skip_value(doc, j));
        value = oip_doc_skip_ws(doc, value + 1); /* past ':' */
        if (key_is(doc, j, p, n)) {
          key_at = j;
          i = value;
          break;
        }
        j = oip_doc_skip_ws(doc, skip_value(doc, value));
        if (j >= doc->length || doc->text[j] != ',')
          return i;
        j = oip_doc_skip_ws(doc, j + 1);
      }
      p += n;
    }
  }
  return at_key ? key_at : i;
}

/* path is relative to the element being read, if any: the error's path is
 * the full one, its index and field the element's and path. */
static oi_status doc_fail(const struct oip_doc *doc, oi_status status, oi_expect expected,
                          const char *path, int at_key, const char *fmt, va_list ap)
{
  char full[OI_ERROR_PATH_SIZE];
  const char *p = oip_doc_path(doc, path, full, sizeof full), *field;
  size_t element;
  oi_status st = fail_at_offset(doc, status, locate(doc, p, at_key, &element, &field), p, fmt,
                                ap);

  oip_error_set_expect(doc->err, expected);
  if (doc->base != NULL)
    oip_error_set_element(doc->err, doc->element, path);
  else if (element != OI_ERROR_NO_INDEX)
    oip_error_set_element(doc->err, element, field);
  return st;
}

oi_status oip_doc_fail(const struct oip_doc *doc, oi_status status, const char *path,
                       int at_key, const char *fmt, ...)
{
  va_list ap;
  oi_status st;

  va_start(ap, fmt);
  st = doc_fail(doc, status, OI_EXPECT_NONE, path, at_key, fmt, ap);
  va_end(ap);
  return st;
}

oi_status oip_doc_fail_expect(const struct oip_doc *doc, oi_status status, oi_expect expected,
                              const char *path, int at_key, const char *fmt, ...)
{
  va_list ap;
  oi_status st;

  va_start(ap, fmt);
  st = doc_fail(doc, status, expected, path, at_key, fmt, ap);
  va_end(ap);
  return st;
}

/* The document's name of an API field: renames as described in json_doc.h.
 * Fields are compared whole (an array's elements by building each name),
 * never cut apart. */
static const char *rename_field(const char *field, const char *const *renames, char *buf,
                                size_t size)
{
  size_t i, k;

  for (i = 0; renames != NULL && renames[i] != NULL; i += 2) {
    const size_t n = strlen(renames[i]), m = strlen(renames[i + 1]);
    if (n < 2 || strcmp(renames[i] + n - 2, "[]") != 0) {
      if (strcmp(field, renames[i]) == 0)
        return renames[i + 1];
      continue;
    }
    for (k = 0; k < OI_POLICY_ITEMS_MAX; k++) {
      char api[OI_ERROR_PATH_SIZE];
      snprintf(api, sizeof api, "%.*s[%zu]", (int)(n - 2), renames[i], k);
      if (strcmp(field, api) == 0) {
        snprintf(buf, size, "%.*s[%zu]", (int)(m - 2), renames[i + 1], k);
        return buf;
      }
    }
  }
  return field;
}

oi_status oip_doc_restate(const struct oip_doc *doc, const oi_error *e, const char *element,
                          const char *const *renames)
{
  char p[OI_ERROR_PATH_SIZE], renamed[OI_ERROR_PATH_SIZE];
  const char *field = rename_field(e->field, renames, renamed, sizeof renamed);
  const oi_status status =
      e->status == OI_ENOMEM || e->status == OI_ELIMIT ? e->status : OI_ESCHEMA;
  oi_status st;

  snprintf(p, sizeof p, "%.40s%s%.80s", element, element[0] != '\0' && field[0] != '\0' ? "." : "",
           field);
  st = oip_doc_fail_expect(doc, status, e->expected, p, 0, "%s: %s", p, e->message);
  oip_error_set_suggestion(doc->err, e->suggestion);
  return st;
}

/* ---- writing ---------------------------------------------------------- */

/* Room for n more bytes and a NUL; -1 when out of memory. */
static int buf_reserve(struct oip_buf *b, size_t n)
{
  size_t cap = b->capacity ? b->capacity : 4096;
  char *p;

  if (b->length + n + 1 <= b->capacity)
    return 0;
  while (cap < b->length + n + 1) {
    if (cap > SIZE_MAX / 2)
      return -1;
    cap *= 2;
  }
  p = realloc(b->data, cap);
  if (p == NULL)
    return -1;
  b->data = p;
  b->capacity = cap;
  return 0;
}

int oip_buf_append(struct oip_buf *b, const char *s, size_t n)
{
  if (buf_reserve(b, n) != 0)
    return -1;
  memcpy(b->data + b->length, s, n);
  b->length += n;
  b->data[b->length] = '\0';
  return 0;
}

int oip_buf_puts(struct oip_buf *b, const char *s)
{
  return oip_buf_append(b, s, strlen(s));
}

int oip_buf_json(struct oip_buf *b, const json_t *v)
{
  const size_t flags = JSON_COMPACT | JSON_ENCODE_ANY;
  const size_t n = json_dumpb(v, NULL, 0, flags);

  if (n == 0 || buf_reserve(b, n) != 0)
    return -1;
  json_dumpb(v, b->data + b->length, n, flags);
  b->length += n;
  b->data[b->length] = '\0';
  return 0;
}

oi_status oip_doc_save(const void *object, oip_to_text to_text, const char *path,
                       oi_error *err)
{
  char *text;
  size_t n;
  oi_status st;

  if (path == NULL)
    return oip_fail(err, OI_EINVAL, NULL, "path", "the path is NULL");
  st = to_text(object, &text, &n, err);
  if (st != OI_OK)
    return st;
  st = oip_write_file_atomic(path, text, n, err);
  free(text);
  return st;
}
