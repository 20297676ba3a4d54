/*
 * Reading a document's text: its limits, its syntax, and the arrays at its
 * top one element at a time.
 *
 * A jansson tree costs many times the text it is read from: an empty
 * object, the three bytes "{},", is a few hundred bytes of tree. A document
 * is therefore never handed to jansson whole. The root and the arrays at
 * its top (the root itself, or the root object's members that are arrays)
 * are walked here, and jansson parses one bounded value at a time
 * (OI_DOCUMENT_ELEMENT_MAX): each element of those arrays, and the root
 * object's other members. oip_doc_parse() reads the whole text once, for
 * its syntax and limits, keeping only the root's small members; a reader
 * then takes the elements one at a time with a cursor, which parses each
 * again and lets it go. Loading costs the text, what the reader builds
 * from it, and a bounded amount more.
 *
 * Syntax errors are the ones jansson gives when it parses a text whole, at
 * the same positions (the line and column of the last character of the
 * offending token; at the end of the input, where jansson stands there):
 * jansson reports them itself inside a value, and the walk reports them
 * between values as jansson's parser would.
 *
 * Running out of memory is OI_ENOMEM. jansson says so with no message, or,
 * when a string's buffer cannot be had, with a parse error at the string's
 * closing quote (see jansson_failed()).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_doc.h"

/* \u0000 is valid JSON: jansson accepts it, so that the field reading it
 * reports it where it is (no field of ours may hold one). */
#define PARSE_FLAGS \
  (JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL | JSON_DECODE_ANY | JSON_DISABLE_EOF_CHECK)

static oi_status out_of_memory(const struct oip_doc *doc)
{
  return oip_fail(doc->err, OI_ENOMEM, NULL, NULL, "out of memory reading the document");
}

/* Where jansson stands after reading the first n bytes: lines counted by
 * '\n', columns by characters (not UTF-8 continuation bytes), column 0 just
 * after a newline. */
static void jansson_position(const struct oip_doc *doc, size_t n, int *line, int *column)
{
  size_t i;
  int l = 1, c = 0;

  for (i = 0; i < n && i < doc->length; i++) {
    const unsigned char b = (unsigned char)doc->text[i];
    if (b == '\n') {
      l++;
      c = 0;
    } else if (b < 0x80 || (b >= 0xC2 && b <= 0xF4)) {
      c++;
    }
  }
  *line = l;
  *column = c;
}

static oi_status syntax_error(const struct oip_doc *doc, size_t end, const char *fmt, ...)
    OIP_PRINTF(3, 4);

/* A syntax error with jansson's position after reading end bytes. */
static oi_status syntax_error(const struct oip_doc *doc, size_t end, const char *fmt, ...)
{
  char message[OI_ERROR_MESSAGE_SIZE];
  int line, column;
  va_list ap;

  va_start(ap, fmt);
  vsnprintf(message, sizeof message, fmt, ap);
  va_end(ap);
  jansson_position(doc, end, &line, &column);
  return oip_fail_at(doc->err, OI_EPARSE, line, column, end, "", "%s", message);
}

static int is_invalid_token(const json_error_t *je)
{
  return strncmp(je->text, "invalid token", 13) == 0;
}

/* jansson failed to parse the value at start. A string it could not keep
 * for want of memory is an invalid token where a value may be, and
 * "string or '}' expected" where a key may be: errors no string can cause
 * otherwise (one that cannot be lexed has its own message). */
static oi_status jansson_failed(const struct oip_doc *doc, size_t start, const json_error_t *je)
{
  const size_t end = start + (size_t)(je->position > 0 ? je->position : 0);
  const int at_string = end > start && doc->text[end - 1] == '"';

  if (je->text[0] == '\0' ||
      (at_string && (is_invalid_token(je) || strncmp(je->text, "string or '}' expected", 22) == 0)))
    return out_of_memory(doc);
  return syntax_error(doc, end, "%s", je->text);
}

/*
 * The token at i is not what the grammar wants there: report it as
 * jansson does, e.g. "']' expected near 'x'" at the token's last character,
 * or at the end of the input. jansson lexes a token that is not a single
 * character, and reports one it cannot lex (a string with a control
 * character) itself.
 */
static oi_status unexpected(const struct oip_doc *doc, size_t i, const char *expected)
{
  size_t end = i + 1;

  if (i >= doc->length)
    return syntax_error(doc, doc->length, "%s near end of file", expected);
  if (doc->text[i] == '\0' || strchr("{}[]:,", doc->text[i]) == NULL) {
    json_error_t je;
    json_t *v = json_loadb(doc->text + i, doc->length - i, PARSE_FLAGS, &je);

    if (v == NULL && !is_invalid_token(&je))
      return jansson_failed(doc, i, &je);
    if (v == NULL && doc->text[i] == '"')
      return out_of_memory(doc); /* a string that lexes only when memory allows */
    json_decref(v);
    end = i + (size_t)(je.position > 0 ? je.position : 1);
  }
  /* jansson quotes a token of up to 20 bytes. */
  if (end - i <= 20)
    return syntax_error(doc, end, "%s near '%.*s'", expected, (int)(end - i), doc->text + i);
  return syntax_error(doc, end, "%s", expected);
}

/* Where the value at i ends, by its brackets and strings: what the size
 * limit measures before jansson parses it. A malformed value ends where it
 * stops making sense, and jansson then reports it. */
static size_t value_end(const struct oip_doc *doc, size_t i)
{
  const char *t = doc->text;
  size_t depth = 0;

  for (; i < doc->length; i++) {
    const char c = t[i];
    if (c == '"') {
      for (i++; i < doc->length && t[i] != '"'; i++)
        if (t[i] == '\\')
          i++;
      if (depth == 0)
        return i < doc->length ? i + 1 : doc->length;
    } else if (c == '[' || c == '{') {
      depth++;
    } else if (c == ']' || c == '}') {
      if (depth == 0)
        return i;
      if (--depth == 0)
        return i + 1;
    } else if (depth == 0 && strchr(",: \t\r\n", c) != NULL && c != '\0') {
      return i;
    }
  }
  return doc->length;
}

/* Parse the one value at at (path names it in errors); *end is past it. */
static oi_status parse_at(const struct oip_doc *doc, size_t at, const char *path, json_t **out,
                          size_t *end)
{
  const size_t n = value_end(doc, at) - at;
  json_error_t je;
  json_t *v;

  if (n > OI_DOCUMENT_ELEMENT_MAX)
    return oip_doc_fail_at(doc, OI_ELIMIT, at, path, "%s: %zu bytes; at most %zu are accepted",
                           path[0] != '\0' ? path : "the value", n, OI_DOCUMENT_ELEMENT_MAX);
  v = json_loadb(doc->text + at, doc->length - at, PARSE_FLAGS, &je);
  if (v == NULL)
    return jansson_failed(doc, at, &je);
  *out = v;
  *end = at + (size_t)je.position;
  return OI_OK;
}

/* Over max elements in the array whose first element is at i? Counted
 * without parsing, so that too many is refused before any is parsed; the
 * count stops where the text stops making sense, for the walk to report. */
static oi_status count_elements(const struct oip_doc *doc, size_t i, const char *name,
                                size_t max)
{
  size_t n;

  for (n = 0; i < doc->length && doc->text[i] != ']'; n++) {
    if (n == max) {
      char p[OI_ERROR_PATH_SIZE];
      oip_path_index(p, sizeof p, name, n);
      return oip_doc_fail_at(doc, OI_ELIMIT, i, p,
                             "%s: more than %zu elements; at most %zu are accepted", name, max,
                             max);
    }
    i = oip_doc_skip_ws(doc, value_end(doc, i));
    if (i >= doc->length || doc->text[i] != ',')
      break;
    i = oip_doc_skip_ws(doc, i + 1);
  }
  return OI_OK;
}

/* The elements of the array that opens at open: checked, counted (at most
 * max), parsed and let go. *end is past its ']'. */
static oi_status walk_array(const struct oip_doc *doc, size_t open, const char *name,
                            size_t max, size_t *count, size_t *end)
{
  size_t i = oip_doc_skip_ws(doc, open + 1), n;

  if (max != SIZE_MAX) {
    oi_status st = count_elements(doc, i, name, max);
    if (st != OI_OK)
      return st;
  }
  if (i < doc->length && doc->text[i] == ']') {
    *count = 0;
    *end = i + 1;
    return OI_OK;
  }
  for (n = 0;; n++) {
    char p[OI_ERROR_PATH_SIZE];
    size_t e;
    json_t *v = NULL;
    oi_status st;

    oip_path_index(p, sizeof p, name, n);
    if (n == max)
      return oip_doc_fail_at(doc, OI_ELIMIT, i, p,
                             "%s: more than %zu elements; at most %zu are accepted",
                             name[0] != '\0' ? name : "the array", max, max);
    st = parse_at(doc, i, p, &v, &e);
    if (st != OI_OK)
      return st;
    json_decref(v);
    i = oip_doc_skip_ws(doc, e);
    if (i < doc->length && doc->text[i] == ',') {
      i = oip_doc_skip_ws(doc, i + 1);
    } else if (i < doc->length && doc->text[i] == ']') {
      *count = n + 1;
      *end = i + 1;
      return OI_OK;
    } else {
      return unexpected(doc, i, "']' expected");
    }
  }
}

static size_t limit_of(const struct oip_doc_limit *limits, const char *key, size_t n)
{
  for (; limits != NULL && limits->name != NULL; limits++)
    if (strlen(limits->name) == n && memcmp(limits->name, key, n) == 0)
      return limits->max;
  return SIZE_MAX;
}

/* Remember an array at the top, read through a cursor later. */
static void add_array(struct oip_doc *doc, const json_t *placeholder, size_t open, size_t count)
{
  struct oip_doc_array *a = &doc->arrays[doc->array_count++];

  a->placeholder = placeholder;
  a->open = open;
  a->count = count;
}

/* The root object that opens at open, into root. *end is past its '}'. */
static oi_status walk_object(struct oip_doc *doc, size_t open, const struct oip_doc_limit *limits,
                             json_t *root, size_t *end)
{
  size_t i = oip_doc_skip_ws(doc, open + 1), members, small = 0;

  if (i < doc->length && doc->text[i] == '}') {
    *end = i + 1;
    return OI_OK;
  }
  for (members = 0;; members++) {
    char p[OI_ERROR_PATH_SIZE];
    json_error_t je;
    json_t *key, *v = NULL;
    const char *k;
    size_t klen, e, count;
    oi_status st;

    if (i >= doc->length || doc->text[i] != '"')
      return unexpected(doc, i, "string or '}' expected");
    if (members == OI_DOCUMENT_MEMBERS_MAX)
      return oip_doc_fail_at(doc, OI_ELIMIT, i, "",
                             "the root object has more than %d members; at most %d are accepted",
                             OI_DOCUMENT_MEMBERS_MAX, OI_DOCUMENT_MEMBERS_MAX);
    key = json_loadb(doc->text + i, doc->length - i, PARSE_FLAGS, &je);
    if (key == NULL)
      return jansson_failed(doc, i, &je);
    e = i + (size_t)je.position;
    k = json_string_value(key);
    klen = json_string_length(key);
    /* As jansson: a key with a NUL is refused, then a duplicate key. */
    if (memchr(k, '\0', klen) != NULL) {
      json_decref(key);
      return syntax_error(doc, e, "NUL byte in object key not supported");
    }
    if (json_object_getn(root, k, klen) != NULL) {
      json_decref(key);
      return syntax_error(doc, e, "duplicate object key near '%.*s'", (int)(e - i),
                          doc->text + i);
    }
    i = oip_doc_skip_ws(doc, e);
    if (i >= doc->length || doc->text[i] != ':') {
      json_decref(key);
      return unexpected(doc, i, "':' expected");
    }
    i = oip_doc_skip_ws(doc, i + 1);
    snprintf(p, sizeof p, "%.*s", klen < 80 ? (int)klen : 80, k);
    if (i < doc->length && doc->text[i] == '[') {
      st = walk_array(doc, i, p, limit_of(limits, k, klen), &count, &e);
      if (st == OI_OK && (v = json_array()) == NULL)
        st = out_of_memory(doc);
      if (st == OI_OK)
        add_array(doc, v, i, count);
    } else {
      small += value_end(doc, i) - i;
      if (small > OI_DOCUMENT_ELEMENT_MAX)
        st = oip_doc_fail_at(doc, OI_ELIMIT, i, p,
                             "%s: the root object's members that are not arrays have more "
                             "than %zu bytes",
                             p, OI_DOCUMENT_ELEMENT_MAX);
      else
        st = parse_at(doc, i, p, &v, &e);
    }
    if (st == OI_OK && json_object_setn_new(root, k, klen, v) != 0)
      st = out_of_memory(doc);
    json_decref(key);
    if (st != OI_OK)
      return st;
    i = oip_doc_skip_ws(doc, e);
    if (i < doc->length && doc->text[i] == ',') {
      i = oip_doc_skip_ws(doc, i + 1);
    } else if (i < doc->length && doc->text[i] == '}') {
      *end = i + 1;
      return OI_OK;
    } else {
      return unexpected(doc, i, "'}' expected");
    }
  }
}

/* ---- the limits of the raw text, checked first ------------------------- */

/* One pass over the text: nesting depth and string lengths. Malformed text
 * is left for the walk to report. */
static oi_status scan_limits(const struct oip_doc *doc)
{
  const char *t = doc->text;
  size_t i, depth = 0;

  for (i = 0; i < doc->length; i++) {
    if (t[i] == '[' || t[i] == '{') {
      if (++depth > OI_DOCUMENT_DEPTH_MAX)
        return oip_doc_fail_at(doc, OI_ELIMIT, i, "", "nesting deeper than %d levels",
                               OI_DOCUMENT_DEPTH_MAX);
    } else if (t[i] == ']' || t[i] == '}') {
      if (depth > 0)
        depth--;
    } else if (t[i] == '"') {
      const size_t start = i;
      for (i++; i < doc->length && t[i] != '"'; i++)
        if (t[i] == '\\')
          i++;
      if (i - start - 1 > OI_DOCUMENT_STRING_MAX)
        return oip_doc_fail_at(doc, OI_ELIMIT, start, "", "a string longer than %d bytes",
                               OI_DOCUMENT_STRING_MAX);
    }
  }
  return OI_OK;
}

static oi_status parse(struct oip_doc *doc, size_t max_bytes, const struct oip_doc_limit *limits,
                       json_t **root)
{
  size_t i, end = 0, count;
  json_t *r = NULL;
  oi_status st;

  doc->array_count = 0;
  if (doc->length > max_bytes)
    return oip_fail_at(doc->err, OI_ELIMIT, 0, 0, 0, "",
                       "the document has %zu bytes; at most %zu are accepted", doc->length,
                       max_bytes);
  st = scan_limits(doc);
  if (st != OI_OK)
    return st;
  i = oip_doc_skip_ws(doc, 0);
  if (i < doc->length && doc->text[i] == '{') {
    r = json_object();
    st = r != NULL ? walk_object(doc, i, limits, r, &end) : out_of_memory(doc);
  } else if (i < doc->length && doc->text[i] == '[') {
    st = walk_array(doc, i, "", SIZE_MAX, &count, &end);
    if (st == OI_OK && (r = json_array()) == NULL)
      st = out_of_memory(doc);
    if (st == OI_OK)
      add_array(doc, r, i, count);
  } else {
    return unexpected(doc, i, "'[' or '{' expected");
  }
  if (st == OI_OK) {
    i = oip_doc_skip_ws(doc, end);
    if (i < doc->length)
      st = unexpected(doc, i, "end of file expected");
  }
  if (st != OI_OK) {
    json_decref(r);
    doc->array_count = 0;
    return st;
  }
  *root = r;
  return OI_OK;
}

oi_status oip_doc_parse(struct oip_doc *doc, size_t max_bytes,
                        const struct oip_doc_limit *limits, json_t **root)
{
  const oi_status st = parse(doc, max_bytes, limits, root);

  /* What a reader of the error may act on without reading its text. */
  if (st == OI_EPARSE)
    oip_error_set_expect(doc->err, OI_EXPECT_SYNTAX);
  else if (st == OI_ELIMIT)
    oip_error_set_expect(doc->err, OI_EXPECT_LIMIT);
  return st;
}

/* ---- cursors ------------------------------------------------------------ */

void oip_doc_elements(const struct oip_doc *doc, const json_t *array, struct oip_cursor *c)
{
  size_t k;

  memset(c, 0, sizeof *c);
  c->array = array;
  for (k = 0; k < doc->array_count; k++) {
    if (doc->arrays[k].placeholder == array) {
      c->streamed = 1;
      c->at = oip_doc_skip_ws(doc, doc->arrays[k].open + 1);
      c->count = doc->arrays[k].count;
      return;
    }
  }
  c->count = json_array_size(array);
}

oi_status oip_doc_next(const struct oip_doc *doc, struct oip_cursor *c, json_t **out)
{
  json_error_t je;
  json_t *v;

  *out = NULL;
  if (c->index >= c->count)
    return OI_OK;
  if (!c->streamed) {
    *out = json_incref(json_array_get(c->array, c->index++));
    return OI_OK;
  }
  /* oip_doc_parse() parsed this very text: only memory can fail now. */
  v = json_loadb(doc->text + c->at, doc->length - c->at, PARSE_FLAGS, &je);
  if (v == NULL)
    return out_of_memory(doc);
  c->at = oip_doc_skip_ws(doc, c->at + (size_t)je.position);
  if (c->at < doc->length && doc->text[c->at] == ',')
    c->at = oip_doc_skip_ws(doc, c->at + 1);
  c->index++;
  *out = v;
  return OI_OK;
}

oi_status oip_doc_each(const struct oip_doc *doc, const json_t *array, oip_doc_element_fn fn,
                       void *ctx)
{
  struct oip_cursor cur;
  json_t *o = NULL;
  oi_status st;

  oip_doc_elements(doc, array, &cur);
  while ((st = oip_doc_next(doc, &cur, &o)) == OI_OK && o != NULL) {
    st = fn(doc, o, cur.index - 1, ctx);
    json_decref(o);
    if (st != OI_OK)
      break;
  }
  return st;
}
