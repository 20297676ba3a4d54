/*
 * Private: reading JSON documents with errors that say where. jansson
 * parses; this layer enforces the limits before parsing, reads typed fields
 * with their paths, and maps a path back to its line and column (jansson
 * keeps no positions once a document is parsed). Not installed.
 */
#ifndef OFFICERINST_JSON_DOC_H
#define OFFICERINST_JSON_DOC_H

#include <jansson.h>
#include <stdint.h>

#include "officerinst/error.h"
#include "officerinst/date.h"
#include "error_private.h"

/* A document being read. */
struct oip_doc {
  const char *text;
  size_t length;
  oi_error *err;
};

/*
 * Check the limits (size, nesting depth, string length) and parse. On
 * success *root is a new reference the caller releases.
 */
oi_status oip_doc_parse(struct oip_doc *doc, size_t max_bytes, json_t **root);

/* Fail with the position of the value at path (or of its key when at_key,
 * for an unknown field). */
oi_status oip_doc_fail(const struct oip_doc *doc, oi_status status, const char *path,
                       int at_key, const char *fmt, ...) OIP_PRINTF(5, 6);

/*
 * Restate an error a builder or the ledger reported about one element of the
 * document ("session.course_ids[0]", "request.local.district") at the
 * document's path of that element ("sessions[2].courses[0]",
 * "requests[5].local.district"), renaming fields whose API name differs from
 * the document's (renames: NULL-terminated pairs, API name then document
 * name). Out of memory and limits keep their status; anything else is a
 * schema error.
 */
oi_status oip_doc_restate(const struct oip_doc *doc, const oi_error *e, const char *element,
                          const char *const *renames);

/* "string", "integer", ... for messages. */
const char *oip_json_type_name(const json_t *v);

/* Reject any member of obj not in the NULL-terminated list of names. */
oi_status oip_doc_only(const struct oip_doc *doc, const json_t *obj, const char *path,
                       const char *const *names);

/* Typed members of obj at path. A missing member is an error unless the
 * reader's name says it is optional. */
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
oi_status oip_doc_opt_int(const struct oip_doc *doc, const json_t *obj, const char *key,
                          const char *path, int64_t min, int64_t max, int *present,
                          int64_t *out);
oi_status oip_doc_bool(const struct oip_doc *doc, const json_t *obj, const char *key,
                       const char *path, int *out);
oi_status oip_doc_date(const struct oip_doc *doc, const json_t *obj, const char *key,
                       const char *path, oi_date *out);
oi_status oip_doc_datetime(const struct oip_doc *doc, const json_t *obj, const char *key,
                           const char *path, oi_datetime *out);
/* One of the NULL-terminated names; *out is its index. */
oi_status oip_doc_enum(const struct oip_doc *doc, const json_t *obj, const char *key,
                       const char *path, const char *const *names, int *out);
/* An element of an array that must be a string. */
oi_status oip_doc_string_at(const struct oip_doc *doc, const json_t *array, size_t index,
                            const char *path, size_t max, const char **out);

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

/* Common enum spellings of the documents. */
extern const char *const oip_country_names[];   /* index = oi_country */
extern const char *const oip_lm_form_names[];   /* index = oi_lm_form */
extern const char *const oip_office_names[];    /* index = oi_office */

#endif
