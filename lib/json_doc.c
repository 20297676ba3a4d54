/*
 * Reading JSON documents with errors that say where: line, column, the
 * field's path, what was expected and what was found.
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

/* ---- the limits, checked before parsing -------------------------------- */

static oi_status limit(const struct oip_doc *doc, size_t offset, const char *fmt, ...)
    OIP_PRINTF(3, 4);

static oi_status limit(const struct oip_doc *doc, size_t offset, const char *fmt, ...)
{
  va_list ap;
  oi_status st;

  va_start(ap, fmt);
  st = fail_at_offset(doc, OI_ELIMIT, offset, "", fmt, ap);
  va_end(ap);
  oip_error_set_expect(doc->err, OI_EXPECT_LIMIT);
  return st;
}

/* One pass over the text: nesting depth and string lengths. Malformed text
 * is left for jansson to report. */
static oi_status scan_limits(const struct oip_doc *doc)
{
  const char *t = doc->text;
  size_t i, depth = 0;

  for (i = 0; i < doc->length; i++) {
    if (t[i] == '[' || t[i] == '{') {
      if (++depth > OI_DOCUMENT_DEPTH_MAX)
        return limit(doc, i, "nesting deeper than %d levels", OI_DOCUMENT_DEPTH_MAX);
    } else if (t[i] == ']' || t[i] == '}') {
      if (depth > 0)
        depth--;
    } else if (t[i] == '"') {
      const size_t start = i;
      for (i++; i < doc->length && t[i] != '"'; i++)
        if (t[i] == '\\')
          i++;
      if (i - start - 1 > OI_DOCUMENT_STRING_MAX)
        return limit(doc, start, "a string longer than %d bytes", OI_DOCUMENT_STRING_MAX);
    }
  }
  return OI_OK;
}

oi_status oip_doc_parse(struct oip_doc *doc, size_t max_bytes, json_t **root)
{
  json_error_t je;
  oi_status st;
  json_t *v;

  if (doc->length > max_bytes) {
    oip_fail_at(doc->err, OI_ELIMIT, 0, 0, 0, "",
                "the document has %zu bytes; at most %zu are accepted", doc->length,
                max_bytes);
    oip_error_set_expect(doc->err, OI_EXPECT_LIMIT);
    return OI_ELIMIT;
  }
  st = scan_limits(doc);
  if (st != OI_OK)
    return st;
  /* \u0000 is valid JSON: let jansson accept it, so that the field reading
   * it reports it where it is (no field of ours may hold one). */
  v = json_loadb(doc->text, doc->length, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
  if (v == NULL) {
    /* jansson reports the position just past the offending token. */
    oip_fail_at(doc->err, OI_EPARSE, je.line, je.column,
                je.position > 0 ? (size_t)je.position : 0, "", "%s", je.text);
    oip_error_set_expect(doc->err, OI_EXPECT_SYNTAX);
    return OI_EPARSE;
  }
  *root = v;
  return OI_OK;
}

/* ---- from a path back to a position ------------------------------------ */

static size_t skip_ws(const struct oip_doc *doc, size_t i)
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

  i = skip_ws(doc, i);
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
  size_t i = skip_ws(doc, 0), key_at = i;
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
      i = skip_ws(doc, i + 1);
      for (k = 0; k < n; k++) {
        i = skip_ws(doc, skip_value(doc, i));
        if (i >= doc->length || doc->text[i] != ',')
          return i;
        i = skip_ws(doc, i + 1);
      }
      key_at = i;
      p = close + 1;
    } else {
      size_t n = strcspn(p, ".[");
      size_t j;
      if (i >= doc->length || doc->text[i] != '{')
        return i;
      j = skip_ws(doc, i + 1);
      for (;;) {
        size_t value;
        if (j >= doc->length || doc->text[j] != '"')
          return i;
        value = skip_ws(doc, skip_value(doc, j));
        value = skip_ws(doc, value + 1); /* past ':' */
        if (key_is(doc, j, p, n)) {
          key_at = j;
          i = value;
          break;
        }
        j = skip_ws(doc, skip_value(doc, value));
        if (j >= doc->length || doc->text[j] != ',')
          return i;
        j = skip_ws(doc, j + 1);
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

/* ---- typed readers ---------------------------------------------------- */

const char *oip_json_type_name(const json_t *v)
{
  switch (json_typeof(v)) {
  case JSON_OBJECT: return "an object";
  case JSON_ARRAY: return "an array";
  case JSON_STRING: return "a string";
  case JSON_INTEGER: return "an integer";
  case JSON_REAL: return "a real number";
  case JSON_TRUE: return "true";
  case JSON_FALSE: return "false";
  case JSON_NULL: return "null";
  }
  return "something else";
}

void oip_path_key(char *dst, size_t size, const char *path, const char *key)
{
  snprintf(dst, size, "%s%s%s", path, path[0] != '\0' ? "." : "", key);
}

void oip_path_index(char *dst, size_t size, const char *path, size_t index)
{
  snprintf(dst, size, "%s[%zu]", path, index);
}

oi_status oip_doc_only(const struct oip_doc *doc, const json_t *obj, const char *path,
                       const char *const *names)
{
  const char *key;
  size_t key_len;
  json_t *value;

  json_object_keylen_foreach((json_t *)obj, key, key_len, value) {
    size_t i;
    int known = 0;
    char p[OI_ERROR_PATH_SIZE], full[OI_ERROR_PATH_SIZE];
    const char *where, *meant;
    struct oip_suggest sg;
    oi_status st;

    /* A name with a NUL in it is never one of ours. */
    for (i = 0; names[i] != NULL && !known; i++)
      known = strlen(key) == key_len && strcmp(names[i], key) == 0;
    if (known)
      continue;
    oip_path_key(p, sizeof p, path, key);
    where = oip_doc_path(doc, path, full, sizeof full);
    oip_suggest_init(&sg, key);
    for (i = 0; names[i] != NULL; i++)
      oip_suggest_add(&sg, names[i]);
    meant = strlen(key) == key_len ? oip_suggest_result(&sg) : NULL;
    if (meant != NULL)
      st = oip_doc_fail_expect(doc, OI_ESCHEMA, OI_EXPECT_FIELD, p, 1,
                               "unknown field \"%.40s\" in %s; did you mean \"%s\"?", key,
                               where[0] != '\0' ? where : "the document", meant);
    else
      st = oip_doc_fail_expect(doc, OI_ESCHEMA, OI_EXPECT_FIELD, p, 1,
                               "unknown field \"%.40s\" in %s", key,
                               where[0] != '\0' ? where : "the document");
    oip_error_set_suggestion(doc->err, meant);
    return st;
  }
  return OI_OK;
}

static oi_status member(const struct oip_doc *doc, const json_t *obj, const char *key,
                        const char *path, char *p, size_t psize, json_t **out)
{
  char full[OI_ERROR_PATH_SIZE];
  const char *where;

  oip_path_key(p, psize, path, key);
  *out = json_object_get(obj, key);
  /* The path names the missing field; its position is its object's. */
  if (*out == NULL) {
    where = oip_doc_path(doc, path, full, sizeof full);
    return oip_doc_fail_expect(doc, OI_ESCHEMA, OI_EXPECT_VALUE, p, 0,
                               "missing field \"%s\" in %s", key,
                               where[0] != '\0' ? where : "the document");
  }
  return OI_OK;
}

/* A failure about the value at p, its message starting with the full path. */
static oi_status value_fail(const struct oip_doc *doc, oi_expect expected, const char *p,
                            const char *fmt, ...) OIP_PRINTF(4, 5);

static oi_status value_fail(const struct oip_doc *doc, oi_expect expected, const char *p,
                            const char *fmt, ...)
{
  char full[OI_ERROR_PATH_SIZE], what[OI_ERROR_MESSAGE_SIZE];
  va_list ap;

  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  return oip_doc_fail_expect(doc, OI_ESCHEMA, expected, p, 0, "%s: %s",
                             oip_doc_path(doc, p, full, sizeof full), what);
}

oi_status oip_doc_wrong_type(const struct oip_doc *doc, const char *p, oi_expect expected,
                             const json_t *v)
{
  const char *what = expected == OI_EXPECT_OBJECT    ? "an object"
                     : expected == OI_EXPECT_ARRAY   ? "an array"
                     : expected == OI_EXPECT_INTEGER ? "an integer"
                     : expected == OI_EXPECT_BOOLEAN ? "true or false"
                                                     : "a string";

  return value_fail(doc, expected, p, "expected %s, found %s", what, oip_json_type_name(v));
}

oi_status oip_doc_object(const struct oip_doc *doc, const json_t *parent, const char *key,
                         const char *path, json_t **out)
{
  char p[OI_ERROR_PATH_SIZE];
  oi_status st = member(doc, parent, key, path, p, sizeof p, out);

  if (st == OI_OK && !json_is_object(*out))
    return oip_doc_wrong_type(doc, p, OI_EXPECT_OBJECT, *out);
  return st;
}

oi_status oip_doc_array(const struct oip_doc *doc, const json_t *parent, const char *key,
                        const char *path, json_t **out)
{
  char p[OI_ERROR_PATH_SIZE];
  oi_status st = member(doc, parent, key, path, p, sizeof p, out);

  if (st == OI_OK && !json_is_array(*out))
    return oip_doc_wrong_type(doc, p, OI_EXPECT_ARRAY, *out);
  return st;
}

static oi_status string_value(const struct oip_doc *doc, const json_t *v, const char *p,
                              size_t max, int nonempty, const char **out)
{
  size_t n;

  if (!json_is_string(v))
    return oip_doc_wrong_type(doc, p, OI_EXPECT_STRING, v);
  n = json_string_length(v);
  if (strlen(json_string_value(v)) != n)
    return value_fail(doc, OI_EXPECT_STRING, p, "a string with a NUL character");
  if (nonempty && n == 0)
    return value_fail(doc, OI_EXPECT_LENGTH, p, "expected a non-empty string, found \"\"");
  if (n > max)
    return value_fail(doc, OI_EXPECT_LENGTH, p, "expected at most %zu bytes, found a string of %zu",
                      max, n);
  *out = json_string_value(v);
  return OI_OK;
}

oi_status oip_doc_string(const struct oip_doc *doc, const json_t *obj, const char *key,
                         const char *path, size_t max, int nonempty, const char **out)
{
  char p[OI_ERROR_PATH_SIZE];
  json_t *v;
  oi_status st = member(doc, obj, key, path, p, sizeof p, &v);

  return st != OI_OK ? st : string_value(doc, v, p, max, nonempty, out);
}

oi_status oip_doc_opt_string(const struct oip_doc *doc, const json_t *obj, const char *key,
                             const char *path, size_t max, const char **out)
{
  char p[OI_ERROR_PATH_SIZE];
  json_t *v = json_object_get(obj, key);

  *out = NULL;
  if (v == NULL || json_is_null(v))
    return OI_OK;
  oip_path_key(p, sizeof p, path, key);
  return string_value(doc, v, p, max, 1, out);
}

oi_status oip_doc_string_at(const struct oip_doc *doc, const json_t *array, size_t index,
                            const char *path, size_t max, const char **out)
{
  char p[OI_ERROR_PATH_SIZE];

  oip_path_index(p, sizeof p, path, index);
  return string_value(doc, json_array_get(array, index), p, max, 1, out);
}

static oi_status int_value(const struct oip_doc *doc, const json_t *v, const char *p,
                           int64_t min, int64_t max, int64_t *out)
{
  json_int_t n;

  if (!json_is_integer(v))
    return oip_doc_wrong_type(doc, p, OI_EXPECT_INTEGER, v);
  n = json_integer_value(v);
  if (n < min || n > max)
    return value_fail(doc, OI_EXPECT_RANGE, p, "expected %lld..%lld, found %lld",
                      (long long)min, (long long)max, (long long)n);
  *out = (int64_t)n;
  return OI_OK;
}

oi_status oip_doc_int(const struct oip_doc *doc, const json_t *obj, const char *key,
                      const char *path, int64_t min, int64_t max, int64_t *out)
{
  char p[OI_ERROR_PATH_SIZE];
  json_t *v;
  oi_status st = member(doc, obj, key, path, p, sizeof p, &v);

  return st != OI_OK ? st : int_value(doc, v, p, min, max, out);
}

oi_status oip_doc_opt_int(const struct oip_doc *doc, const json_t *obj, const char *key,
                          const char *path, int64_t min, int64_t max, int *present,
                          int64_t *out)
{
  char p[OI_ERROR_PATH_SIZE];
  json_t *v = json_object_get(obj, key);

  *present = 0;
  *out = 0;
  if (v == NULL || json_is_null(v))
    return OI_OK;
  *present = 1;
  oip_path_key(p, sizeof p, path, key);
  return int_value(doc, v, p, min, max, out);
}

oi_status oip_doc_bool(const struct oip_doc *doc, const json_t *obj, const char *key,
                       const char *path, int *out)
{
  char p[OI_ERROR_PATH_SIZE];
  json_t *v;
  oi_status st = member(doc, obj, key, path, p, sizeof p, &v);

  if (st != OI_OK)
    return st;
  if (!json_is_boolean(v))
    return oip_doc_wrong_type(doc, p, OI_EXPECT_BOOLEAN, v);
  *out = json_is_true(v) ? 1 : 0;
  return OI_OK;
}

/* Restate a vocabulary parser's error at the value at p. */
static oi_status parse_fail(const struct oip_doc *doc, const char *p, const oi_error *e)
{
  oi_status st = value_fail(doc, e->expected, p, "%s", e->message);

  oip_error_set_suggestion(doc->err, e->suggestion);
  return st;
}

oi_status oip_doc_date(const struct oip_doc *doc, const json_t *obj, const char *key,
                       const char *path, oi_date *out)
{
  char p[OI_ERROR_PATH_SIZE];
  const char *s = NULL;
  oi_error tmp;
  oi_status st = oip_doc_string(doc, obj, key, path, OI_DOCUMENT_STRING_MAX, 1, &s);

  if (st != OI_OK)
    return st;
  if (oi_date_parse(s, out, &tmp) != OI_OK) {
    oip_path_key(p, sizeof p, path, key);
    return parse_fail(doc, p, &tmp);
  }
  return OI_OK;
}

oi_status oip_doc_datetime(const struct oip_doc *doc, const json_t *obj, const char *key,
                           const char *path, oi_datetime *out)
{
  char p[OI_ERROR_PATH_SIZE];
  const char *s = NULL;
  oi_error tmp;
  oi_status st = oip_doc_string(doc, obj, key, path, OI_DOCUMENT_STRING_MAX, 1, &s);

  if (st != OI_OK)
    return st;
  if (oi_datetime_parse(s, out, &tmp) != OI_OK) {
    oip_path_key(p, sizeof p, path, key);
    return parse_fail(doc, p, &tmp);
  }
  return OI_OK;
}

oi_status oip_doc_vocab(const struct oip_doc *doc, const json_t *obj, const char *key,
                        const char *path, enum oip_vocab type, uint64_t allowed, int *out)
{
  char p[OI_ERROR_PATH_SIZE];
  const char *s = NULL;
  oi_error tmp;
  oi_status st = oip_doc_string(doc, obj, key, path, OI_DOCUMENT_STRING_MAX, 0, &s);

  if (st != OI_OK)
    return st;
  if (oip_vocab_parse(type, s, allowed, out, &tmp) != OI_OK) {
    oip_path_key(p, sizeof p, path, key);
    return parse_fail(doc, p, &tmp);
  }
  return OI_OK;
}

oi_status oip_doc_vocab_at(const struct oip_doc *doc, const json_t *array, size_t index,
                           const char *path, enum oip_vocab type, uint64_t allowed, int *out)
{
  char p[OI_ERROR_PATH_SIZE];
  const char *s = NULL;
  oi_error tmp;
  oi_status st = oip_doc_string_at(doc, array, index, path, OI_DOCUMENT_STRING_MAX, &s);

  if (st != OI_OK)
    return st;
  if (oip_vocab_parse(type, s, allowed, out, &tmp) != OI_OK) {
    oip_path_index(p, sizeof p, path, index);
    return parse_fail(doc, p, &tmp);
  }
  return OI_OK;
}

oi_status oip_doc_money(const struct oip_doc *doc, const json_t *obj, const char *key,
                        const char *path, int *present, int64_t *out)
{
  char p[OI_ERROR_PATH_SIZE];
  json_t *v = json_object_get(obj, key);
  oi_error tmp;

  *present = 0;
  *out = 0;
  if (v == NULL || json_is_null(v))
    return OI_OK;
  oip_path_key(p, sizeof p, path, key);
  /* A JSON number would be dollars or cents, and a real one inexact:
   * money is written as text. */
  if (!json_is_string(v))
    return value_fail(doc, OI_EXPECT_MONEY, p,
                      "expected an amount written as a string, e.g. \"$250,000.00\", found %s",
                      oip_json_type_name(v));
  if (strlen(json_string_value(v)) != json_string_length(v))
    return value_fail(doc, OI_EXPECT_STRING, p, "a string with a NUL character");
  if (oi_money_parse(json_string_value(v), out, &tmp) != OI_OK)
    return parse_fail(doc, p, &tmp);
  *present = 1;
  return OI_OK;
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
