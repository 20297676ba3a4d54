/*
 * Private: reading JSON documents with errors that say where. jansson
 * parses, one bounded value at a time (json_parse.c); this layer enforces
 * the limits, reads typed fields with their paths, and maps a path back to
 * its line and column (jansson keeps no positions once a value is parsed).
 * Not installed.
 */
#ifndef OFFICERINST_JSON_DOC_H
#define OFFICERINST_JSON_DOC_H

#include <jansson.h>
#include <stdint.h>

#include "officerinst/error.h"
#include "officerinst/date.h"
#include "officerinst/json.h"
#include "officerinst/rules.h"
#include "error_private.h"
#include "vocab_private.h"

/* An array at the top of a document (the root, or a member of the root
 * object), read one element at a time: its stand-in in the tree, where it
 * opens in the text, and how many elements it has. */
struct oip_doc_array {
  const json_t *placeholder;
  size_t open;
  size_t count;
};

/* A document being read. While an element of a top-level array is read
 * (oip_doc_enter()), the paths given to the readers are relative to it, and
 * an error names its element (err->index) and its field (err->field)
 * as such. */
struct oip_doc {
  const char *text;
  size_t length;
  oi_error *err;
  const char *base;  /* the element's path, "requests[3]", or NULL */
  size_t element;    /* its index */
  /* Filled by oip_doc_parse(). */
  struct oip_doc_array arrays[OI_DOCUMENT_MEMBERS_MAX + 1];
  size_t array_count;
};

/* Most elements an array of the root object (by name) may have. */
struct oip_doc_limit {
  const char *name;
  size_t max;
};

void oip_doc_init(struct oip_doc *doc, const char *text, size_t length, oi_error *err);

/* Read element index of the top-level array: paths are relative to it
 * until oip_doc_leave(). buf (at least 48 bytes) holds its path. */
void oip_doc_enter(struct oip_doc *doc, const char *array, size_t index, char *buf,
                   size_t size);
void oip_doc_leave(struct oip_doc *doc);

/*
 * Read the whole text once, element by element: the limits (size, nesting
 * depth, string length, the size of each value parsed, the counts in
 * limits, a NULL-terminated list or NULL) and the syntax. On success *root
 * is a new reference the caller releases: the root object with its
 * members, except that each array of it (or the root itself, if it is an
 * array) is an empty stand-in whose elements oip_doc_next() gives. Peak
 * memory: the root's small members and one element at a time.
 */
oi_status oip_doc_parse(struct oip_doc *doc, size_t max_bytes,
                        const struct oip_doc_limit *limits, json_t **root);

/* The elements of an array, in order: of a stand-in, parsed from the text
 * one at a time; of any other array, its own. */
struct oip_cursor {
  const json_t *array;
  size_t at;    /* text offset of the next element (stand-ins) */
  size_t index; /* index of the next element */
  size_t count; /* elements in all */
  int streamed;
};

void oip_doc_elements(const struct oip_doc *doc, const json_t *array, struct oip_cursor *c);

/* The next element, a new reference the caller releases, or NULL after the
 * last. Only running out of memory can fail. */
oi_status oip_doc_next(const struct oip_doc *doc, struct oip_cursor *c, json_t **out);

/* Call fn on each element of an array in order (index: its index), until
 * one fails; that failure, or a failure to parse the next element. */
typedef oi_status (*oip_doc_element_fn)(const struct oip_doc *doc, const json_t *element,
                                        size_t index, void *ctx);
oi_status oip_doc_each(const struct oip_doc *doc, const json_t *array, oip_doc_element_fn fn,
                       void *ctx);

/* Fail with the position of a text offset. */
oi_status oip_doc_fail_at(const struct oip_doc *doc, oi_status status, size_t offset,
                          const char *path, const char *fmt, ...) OIP_PRINTF(5, 6);

/* The offset of the first byte at or after i that is not JSON white space. */
size_t oip_doc_skip_ws(const struct oip_doc *doc, size_t i);

/* Fail with the position of the value at path (or of its key when at_key,
 * for an unknown field). */
oi_status oip_doc_fail(const struct oip_doc *doc, oi_status status, const char *path,
                       int at_key, const char *fmt, ...) OIP_PRINTF(5, 6);
/* The same, saying what was expected. */
oi_status oip_doc_fail_expect(const struct oip_doc *doc, oi_status status, oi_expect expected,
                              const char *path, int at_key, const char *fmt, ...)
    OIP_PRINTF(6, 7);

/* The full path of path (relative inside an element), for messages. */
const char *oip_doc_path(const struct oip_doc *doc, const char *path, char *buf, size_t size);

/*
 * Restate an error a builder or the ledger reported about one element of the
 * document (its field "course_ids[0]", "local.district") at the document's
 * path of that element ("sessions[2].courses[0]",
 * "requests[5].local.district"), renaming fields whose API name differs from
 * the document's (renames: NULL-terminated pairs, API name then document
 * name; a pair "course_ids[]", "courses[]" renames every element of an
 * array). Out of memory and limits keep their status; anything else is a
 * schema error. What was expected and any suggestion are kept.
 */
oi_status oip_doc_restate(const struct oip_doc *doc, const oi_error *e, const char *element,
                          const char *const *renames);

/* "string", "integer", ... for messages. */
const char *oip_json_type_name(const json_t *v);

/* Fail: the value at p is not of the type expected (OI_EXPECT_OBJECT,
 * _ARRAY, _STRING, _INTEGER or _BOOLEAN). */
oi_status oip_doc_wrong_type(const struct oip_doc *doc, const char *p, oi_expect expected,
                             const json_t *v);

/* Reject any member of obj not in the NULL-terminated list of names. */
oi_status oip_doc_only(const struct oip_doc *doc, const json_t *obj, const char *path,
                       const char *const *names);

/* Typed members of obj at path. A missing member is an error unless the
 * reader's name says it is optional; a nullable member must be there, and
 * may be null (*out NULL, *present 0). */
oi_status oip_doc_object(const struct oip_doc *doc, const json_t *parent, const char *key,
                         const char *path, json_t **out);
oi_status oip_doc_array(const struct oip_doc *doc, const json_t *parent, const char *key,
                        const char *path, json_t **out);
oi_status oip_doc_string(const struct oip_doc *doc, const json_t *obj, const char *key,
                         const char *path, size_t max, int nonempty, const char **out);
oi_status oip_doc_opt_string(const struct oip_doc *doc, const json_t *obj, const char *key,
                             const char *path, size_t max, const char **out);
oi_status oip_doc_int(const struct oip_doc *doc, const json_t *obj, const char *key,
                      const char *path, int64_t min, int64_t max, int64_t *out);
/* An integer member that may be absent or null: *present says which. */
oi_status oip_doc_opt_int(const struct oip_doc *doc, const json_t *obj, const char *key,
                          const char *path, int64_t min, int64_t max, int *present,
                          int64_t *out);
oi_status oip_doc_nullable_string(const struct oip_doc *doc, const json_t *obj, const char *key,
                                  const char *path, size_t max, const char **out);
oi_status oip_doc_nullable_int(const struct oip_doc *doc, const json_t *obj, const char *key,
                               const char *path, int64_t min, int64_t max, int *present,
                               int64_t *out);
oi_status oip_doc_bool(const struct oip_doc *doc, const json_t *obj, const char *key,
                       const char *path, int *out);
oi_status oip_doc_date(const struct oip_doc *doc, const json_t *obj, const char *key,
                       const char *path, oi_date *out);
oi_status oip_doc_datetime(const struct oip_doc *doc, const json_t *obj, const char *key,
                           const char *path, oi_datetime *out);
/* A value of the vocabulary (oip_vocab_parse(): any spelling it accepts,
 * only the allowed values when allowed is not 0). */
oi_status oip_doc_vocab(const struct oip_doc *doc, const json_t *obj, const char *key,
                        const char *path, enum oip_vocab type, uint64_t allowed, int *out);
/* The same for element index of the array at path. */
oi_status oip_doc_vocab_at(const struct oip_doc *doc, const json_t *element, size_t index,
                           const char *path, enum oip_vocab type, uint64_t allowed, int *out);
/* An amount of money written as text ("$250,000.00"), or null / absent
 * when optional (*present says which). */
oi_status oip_doc_money(const struct oip_doc *doc, const json_t *obj, const char *key,
                        const char *path, int *present, int64_t *out);
/* Element index of the array at path, which must be a string. */
oi_status oip_doc_string_at(const struct oip_doc *doc, const json_t *element, size_t index,
                            const char *path, size_t max, const char **out);

/* A new array of n reasons in their document form (json_reason.c), or NULL
 * when out of memory. */
json_t *oip_reasons_json(const oi_policy *policy, const oi_reason *reasons, size_t n);

/* Join a path and a member or an index, for error paths. */
void oip_path_key(char *dst, size_t size, const char *path, const char *key);
void oip_path_index(char *dst, size_t size, const char *path, size_t index);

/* A growable text buffer for writing documents. */
struct oip_buf {
  char *data;
  size_t length;
  size_t capacity;
};

int oip_buf_append(struct oip_buf *b, const char *s, size_t n);
int oip_buf_puts(struct oip_buf *b, const char *s);
/* Append v as compact JSON. */
int oip_buf_json(struct oip_buf *b, const json_t *v);

/* Write an object's document (made by to_text, freed here) to path,
 * atomically. */
typedef oi_status (*oip_to_text)(const void *object, char **out, size_t *length,
                                 oi_error *err);
oi_status oip_doc_save(const void *object, oip_to_text to_text, const char *path,
                       oi_error *err);

#endif
