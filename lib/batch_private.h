/*
 * Private: the batch of requests and applications, shared by its readers
 * (JSON documents, fields) and its writer (decisions). Not installed.
 */
#ifndef OFFICERINST_BATCH_PRIVATE_H
#define OFFICERINST_BATCH_PRIVATE_H

#include "officerinst/requests.h"
#include "arena.h"
#include "map.h"
#include "siphash.h"

/* The two kinds of element, and the names of their arrays. */
enum oip_kind { OIP_REQUEST = 0, OIP_APPLICATION = 1 };
extern const char *const oip_kind_arrays[2]; /* "requests", "applications" */

struct oip_app {
  oi_application app;
  const char *id; /* may be NULL */
};

struct oip_elem {
  void *value;     /* oi_subsidy_request or struct oip_app, in the arena; NULL when bad */
  oi_error *error; /* in the arena; NULL when good */
  size_t good;     /* its decision's index, when good */
};

struct oip_list {
  struct oip_elem *elems;
  size_t count;
  size_t capacity;
  size_t good;          /* good elements made so far (decisions) */
  struct oip_map ids;   /* the ids of the good elements */
  oi_decision *decisions; /* one per good element once decided, else NULL */
};

struct oi_batch {
  const oi_policy *policy;
  oi_batch_mode mode;
  struct oip_arena arena;
  struct oip_list lists[2];
  size_t errors;
  int decided; /* 0, or how: 1 stateless, 2 by a ledger */
  struct oip_hash_key key; /* of the id tables: ids cannot be chosen to collide */
};

/*
 * Check an element read from a document or from fields as the rules check
 * it, and that its id is new to the batch. On failure e is filled with the
 * document's name of the field ("session", not "session_id") and no path,
 * position or index: the reader adds those.
 */
oi_status oip_batch_check_request(const oi_batch *b, const oi_subsidy_request *r, oi_error *e);
oi_status oip_batch_check_application(const oi_batch *b, const oi_application *a,
                                      const char *id, oi_error *e);

/* Keep a good element (its strings and graduations are copied), or a bad
 * one's error (copied). OI_ENOMEM, OI_ELIMIT into err. */
oi_status oip_batch_keep(oi_batch *b, enum oip_kind kind, const void *value, const char *id,
                         oi_error *err);
oi_status oip_batch_keep_error(oi_batch *b, enum oip_kind kind, const oi_error *e,
                               oi_error *err);

/* The batch's own request or application index, or NULL (bad, out of
 * range): in the library's layout, for the library's use. */
const oi_subsidy_request *oip_batch_request(const oi_batch *b, size_t index);
const oi_application *oip_batch_application(const oi_batch *b, size_t index);

/* The error of element index of a kind, at its path "requests[index].field"
 * with line and column: dst = e, restated. */
void oip_batch_place_error(oi_error *dst, const oi_error *e, enum oip_kind kind, size_t index,
                           int line, int column, size_t position);

#endif
