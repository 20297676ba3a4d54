/*
 * Private: the typed members of a document's objects (json_doc.h): objects,
 * arrays, strings, integers, booleans, dates and moments, values of the
 * vocabulary and money, each read at its path with an error that names the
 * field, says what was expected and where it stands in the text.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "json_doc.h"
#include "suggest.h"
#include "officerinst/types.h"

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

oi_status oip_doc_string_at(const struct oip_doc *doc, const json_t *element, size_t index,
                            const char *path, size_t max, const char **out)
{
  char p[OI_ERROR_PATH_SIZE];

  oip_path_index(p, sizeof p, path, index);
  return string_value(doc, element, p, max, 1, out);
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

oi_status oip_doc_nullable_string(const struct oip_doc *doc, const json_t *obj, const char *key,
                                  const char *path, size_t max, const char **out)
{
  char p[OI_ERROR_PATH_SIZE];
  json_t *v;
  oi_status st = member(doc, obj, key, path, p, sizeof p, &v);

  *out = NULL;
  if (st != OI_OK || json_is_null(v))
    return st;
  return string_value(doc, v, p, max, 1, out);
}

oi_status oip_doc_nullable_int(const struct oip_doc *doc, const json_t *obj, const char *key,
                               const char *path, int64_t min, int64_t max, int *present,
                               int64_t *out)
{
  char p[OI_ERROR_PATH_SIZE];
  json_t *v;
  oi_status st = member(doc, obj, key, path, p, sizeof p, &v);

  *present = 0;
  *out = 0;
  if (st != OI_OK || json_is_null(v))
    return st;
  *present = 1;
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

/* The parse of the text s of member key at path: OI_OK, or its error
 * restated at the member. */
static oi_status parsed(const struct oip_doc *doc, const char *path, const char *key,
                        oi_status parse_status, const oi_error *e)
{
  char p[OI_ERROR_PATH_SIZE];

  if (parse_status == OI_OK)
    return OI_OK;
  oip_path_key(p, sizeof p, path, key);
  return parse_fail(doc, p, e);
}

oi_status oip_doc_date(const struct oip_doc *doc, const json_t *obj, const char *key,
                       const char *path, oi_date *out)
{
  const char *s = NULL;
  oi_error e;
  oi_status st = oip_doc_string(doc, obj, key, path, OI_DOCUMENT_STRING_MAX, 1, &s);

  return st != OI_OK ? st : parsed(doc, path, key, oi_date_parse(s, out, &e), &e);
}

oi_status oip_doc_datetime(const struct oip_doc *doc, const json_t *obj, const char *key,
                           const char *path, oi_datetime *out)
{
  const char *s = NULL;
  oi_error e;
  oi_status st = oip_doc_string(doc, obj, key, path, OI_DOCUMENT_STRING_MAX, 1, &s);

  return st != OI_OK ? st : parsed(doc, path, key, oi_datetime_parse(s, out, &e), &e);
}

oi_status oip_doc_vocab(const struct oip_doc *doc, const json_t *obj, const char *key,
                        const char *path, enum oip_vocab type, uint64_t allowed, int *out)
{
  const char *s = NULL;
  oi_error e;
  oi_status st = oip_doc_string(doc, obj, key, path, OI_DOCUMENT_STRING_MAX, 0, &s);

  return st != OI_OK ? st
                     : parsed(doc, path, key, oip_vocab_parse(type, s, allowed, out, &e), &e);
}

oi_status oip_doc_vocab_at(const struct oip_doc *doc, const json_t *element, size_t index,
                           const char *path, enum oip_vocab type, uint64_t allowed, int *out)
{
  char p[OI_ERROR_PATH_SIZE];
  const char *s = NULL;
  oi_error e;
  oi_status st = oip_doc_string_at(doc, element, index, path, OI_DOCUMENT_STRING_MAX, &s);

  if (st != OI_OK || oip_vocab_parse(type, s, allowed, out, &e) == OI_OK)
    return st;
  oip_path_index(p, sizeof p, path, index);
  return parse_fail(doc, p, &e);
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
