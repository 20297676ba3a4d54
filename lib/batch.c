/*
 * A batch of subsidy requests and enrollment applications: its elements,
 * good or bad, as its readers (lib/json_requests.c, lib/batch_fields.c)
 * made them, and their decisions. The rules check each element when it is
 * read, so deciding never fails on one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch_private.h"
#include "rules_private.h"
#include "error_private.h"
#include "strutil.h"
#include "abi_private.h"

const char *const oip_kind_arrays[2] = { "requests", "applications" };

oi_status oi_batch_new(const oi_policy *policy, oi_batch_mode mode, oi_batch **out,
                       oi_error *err)
{
  oi_batch *b;

  if (policy == NULL || out == NULL)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, NULL,
                           policy == NULL ? "policy" : "out", "a required pointer is NULL");
  if (mode != OI_BATCH_ALL_OR_NOTHING && mode != OI_BATCH_PER_ELEMENT)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_RANGE, NULL, "mode",
                           "mode %d is neither OI_BATCH_ALL_OR_NOTHING nor "
                           "OI_BATCH_PER_ELEMENT",
                           (int)mode);
  b = calloc(1, sizeof *b);
  if (b == NULL)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory for a batch");
  b->policy = policy;
  (void)oip_hash_key_new(&b->key, b);
  b->mode = mode;
  *out = b;
  return OI_OK;
}

void oi_batch_free(oi_batch *b)
{
  int k;

  if (b == NULL)
    return;
  for (k = 0; k < 2; k++) {
    free(b->lists[k].elems);
    free(b->lists[k].decisions);
    oip_map_free(&b->lists[k].ids);
  }
  oip_arena_free(&b->arena);
  free(b);
}

/* ---- checking an element ------------------------------------------------- */

static int eq_request_id(const void *value, const void *key)
{
  return strcmp(((const oi_subsidy_request *)value)->id, key) == 0;
}

static int eq_application_id(const void *value, const void *key)
{
  return strcmp(((const struct oip_app *)value)->id, key) == 0;
}

/* The document's name of a field the rules name otherwise. */
static const char *document_field(const char *field)
{
  static const char *const renames[] = {
    "session_id", "session",
    "course_id", "course",
    "local.receipts_cents", "local.receipts",
    "local.receipts_known", "local.receipts",
    "officer.graduation_count", "officer.graduations",
    NULL
  };
  size_t i;

  for (i = 0; renames[i] != NULL; i += 2)
    if (strcmp(field, renames[i]) == 0)
      return renames[i + 1];
  return field;
}

/* A rules error as an error of the element: the document's field name; out
 * of memory stays itself, anything else is the document's fault. */
static oi_status as_element_error(const oi_error *rules, oi_error *e)
{
  const oi_status status = rules->status == OI_ENOMEM ? OI_ENOMEM : OI_ESCHEMA;

  oip_fail_expect(e, status, rules->expected, NULL, document_field(rules->field), "%s",
                  rules->message);
  oip_error_set_suggestion(e, rules->suggestion);
  return status;
}

oi_status oip_batch_check_request(const oi_batch *b, const oi_subsidy_request *r, oi_error *e)
{
  const struct oip_list *l = &b->lists[OIP_REQUEST];
  oi_error rules;
  size_t session;

  if (oip_validate_subsidy(b->policy, r, "request", &session, &rules) != OI_OK)
    return as_element_error(&rules, e);
  /* The ledger names requests by id, so a batch needs one for each. */
  if (oip_check_string(r->id, OI_ID_MAX, 1, &rules, "request", "id") != OI_OK)
    return as_element_error(&rules, e);
  if (oip_map_find(&l->ids, oip_hash_string(&b->key, 0, r->id), eq_request_id, r->id) != NULL) {
    oip_fail_expect(e, OI_ESCHEMA, OI_EXPECT_UNIQUE, NULL, "id",
                    "request \"%s\" appears earlier in the batch", r->id);
    return OI_ESCHEMA;
  }
  return OI_OK;
}

oi_status oip_batch_check_application(const oi_batch *b, const oi_application *a,
                                      const char *id, oi_error *e)
{
  const struct oip_list *l = &b->lists[OIP_APPLICATION];
  oi_decision scratch = OI_DECISION_INIT;
  oi_error rules;

  /* oi_check_enrollment() validates before it decides: its only errors are
   * about its input. */
  if (oi_check_enrollment(b->policy, a, &scratch, &rules) != OI_OK)
    return as_element_error(&rules, e);
  if (id != NULL) {
    if (oip_check_string(id, OI_ID_MAX, 1, &rules, "application", "id") != OI_OK)
      return as_element_error(&rules, e);
    if (oip_map_find(&l->ids, oip_hash_string(&b->key, 0, id), eq_application_id, id) != NULL) {
      oip_fail_expect(e, OI_ESCHEMA, OI_EXPECT_UNIQUE, NULL, "id",
                      "application \"%s\" appears earlier in the batch", id);
      return OI_ESCHEMA;
    }
  }
  return OI_OK;
}

/* ---- keeping elements ------------------------------------------------------ */

static oi_status no_memory(oi_error *err)
{
  return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory growing a batch");
}

/* Room for one more element; OI_ELIMIT past OI_BATCH_ELEMENTS_MAX. A
 * batch that grows is no longer decided: its decisions are dropped. */
static oi_status grow(oi_batch *b, enum oip_kind kind, oi_error *err)
{
  struct oip_list *l = &b->lists[kind];
  struct oip_elem *elems;
  size_t cap;
  int k;

  for (k = 0; k < 2 && b->decided; k++) {
    free(b->lists[k].decisions);
    b->lists[k].decisions = NULL;
  }
  b->decided = 0;

  if (l->count >= OI_BATCH_ELEMENTS_MAX)
    return oip_fail_expect(err, OI_ELIMIT, OI_EXPECT_LIMIT, NULL, NULL,
                           "a batch holds at most %zu %s", OI_BATCH_ELEMENTS_MAX,
                           oip_kind_arrays[kind]);
  if (l->count < l->capacity)
    return OI_OK;
  cap = l->capacity ? l->capacity * 2 : 64;
  elems = realloc(l->elems, cap * sizeof *elems);
  if (elems == NULL)
    return no_memory(err);
  l->elems = elems;
  l->capacity = cap;
  return OI_OK;
}

static int copy_string(struct oip_arena *a, const char **s)
{
  if (*s != NULL && (*s = oip_arena_strdup(a, *s)) == NULL)
    return -1;
  return 0;
}

static int copy_local_officer(struct oip_arena *a, oi_local *local, oi_officer *o)
{
  oi_graduation *g = NULL;
  size_t i;

  if (copy_string(a, &local->name) != 0 || copy_string(a, &o->id) != 0 ||
      copy_string(a, &o->name) != 0)
    return -1;
  if (o->graduation_count > 0) {
    g = oip_arena_alloc(a, o->graduation_count * sizeof *g);
    if (g == NULL)
      return -1;
    for (i = 0; i < o->graduation_count; i++) {
      g[i] = o->graduations[i];
      if (copy_string(a, &g[i].site) != 0)
        return -1;
    }
  }
  o->graduations = g;
  return 0;
}

oi_status oip_batch_keep(oi_batch *b, enum oip_kind kind, const void *value, const char *id,
                         oi_error *err)
{
  struct oip_list *l = &b->lists[kind];
  struct oip_elem *e;
  oi_status st = grow(b, kind, err);
  const char *key;
  void *copy;

  if (st != OI_OK)
    return st;
  if (oip_map_reserve(&l->ids, 1) != 0)
    return no_memory(err);
  if (kind == OIP_REQUEST) {
    oi_subsidy_request *r = oip_arena_alloc(&b->arena, sizeof *r);
    if (r == NULL)
      return no_memory(err);
    *r = *(const oi_subsidy_request *)value;
    if (copy_string(&b->arena, &r->id) != 0 || copy_string(&b->arena, &r->session_id) != 0 ||
        copy_local_officer(&b->arena, &r->local, &r->officer) != 0)
      return no_memory(err);
    key = r->id;
    copy = r;
  } else {
    struct oip_app *a = oip_arena_alloc(&b->arena, sizeof *a);
    if (a == NULL)
      return no_memory(err);
    a->app = *(const oi_application *)value;
    a->id = id;
    if (copy_string(&b->arena, &a->id) != 0 || copy_string(&b->arena, &a->app.session_id) != 0 ||
        copy_string(&b->arena, &a->app.course_id) != 0 ||
        copy_local_officer(&b->arena, &a->app.local, &a->app.officer) != 0)
      return no_memory(err);
    key = a->id;
    copy = a;
  }
  if (key != NULL)
    oip_map_insert(&l->ids, oip_hash_string(&b->key, 0, key), copy);
  e = &l->elems[l->count++];
  e->value = copy;
  e->error = NULL;
  e->good = l->good++;
  return OI_OK;
}

oi_status oip_batch_keep_error(oi_batch *b, enum oip_kind kind, const oi_error *bad,
                               oi_error *err)
{
  struct oip_list *l = &b->lists[kind];
  oi_error *copy;
  oi_status st = grow(b, kind, err);

  if (st != OI_OK)
    return st;
  copy = oip_arena_alloc(&b->arena, sizeof *copy);
  if (copy == NULL)
    return no_memory(err);
  *copy = *bad;
  l->elems[l->count].value = NULL;
  l->elems[l->count].error = copy;
  l->elems[l->count].good = 0;
  l->count++;
  b->errors++;
  return OI_OK;
}

void oip_batch_place_error(oi_error *dst, const oi_error *e, enum oip_kind kind, size_t index,
                           int line, int column, size_t position)
{
  if (dst == NULL)
    return;
  *dst = *e;
  snprintf(dst->path, sizeof dst->path, "%s[%zu]%s%.90s", oip_kind_arrays[kind], index,
           e->field[0] != '\0' ? "." : "", e->field);
  snprintf(dst->message, sizeof dst->message, "%.100s: %.150s", dst->path, e->message);
  dst->index = index;
  dst->line = line;
  dst->column = column;
  dst->position = position;
}

/* ---- reading it ------------------------------------------------------------ */

const oi_policy *oi_batch_policy(const oi_batch *b)
{
  return b != NULL ? b->policy : NULL;
}

static const struct oip_elem *elem(const oi_batch *b, enum oip_kind kind, size_t index)
{
  return b != NULL && index < b->lists[kind].count ? &b->lists[kind].elems[index] : NULL;
}

size_t oi_batch_request_count(const oi_batch *b)
{
  return b != NULL ? b->lists[OIP_REQUEST].count : 0;
}

size_t oi_batch_application_count(const oi_batch *b)
{
  return b != NULL ? b->lists[OIP_APPLICATION].count : 0;
}

size_t oi_batch_error_count(const oi_batch *b)
{
  return b != NULL ? b->errors : 0;
}

const oi_subsidy_request *oip_batch_request(const oi_batch *b, size_t index)
{
  const struct oip_elem *e = elem(b, OIP_REQUEST, index);
  return e != NULL ? e->value : NULL;
}

const oi_application *oip_batch_application(const oi_batch *b, size_t index)
{
  const struct oip_elem *e = elem(b, OIP_APPLICATION, index);
  return e != NULL && e->value != NULL ? &((const struct oip_app *)e->value)->app : NULL;
}

/* The copy-out of element index: its checks, then the kept structure in the
 * caller's layout. */
static oi_status get_element(const oi_batch *b, enum oip_kind kind, size_t index, void *out,
                             const struct oip_layout *layout, const void *kept, oi_error *err)
{
  oi_status st;

  if (b == NULL || out == NULL)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, NULL, b == NULL ? "batch" : "out",
                           "a required pointer is NULL");
  st = oip_check_version(layout, oip_version_of(out), err, "out", "version");
  if (st != OI_OK)
    return st;
  if (index >= b->lists[kind].count)
    return oip_fail(err, OI_ENOTFOUND, NULL, "index", "%s index %zu is not below %zu",
                    kind == OIP_REQUEST ? "request" : "application", index,
                    b->lists[kind].count);
  if (kept == NULL)
    return oip_fail(err, OI_ESTATE, NULL, "index", "%s %zu is bad: %s",
                    kind == OIP_REQUEST ? "request" : "application", index,
                    elem(b, kind, index)->error->message);
  oip_write_out(layout, out, kept);
  return OI_OK;
}

oi_status oi_batch_get_request(const oi_batch *b, size_t index, oi_subsidy_request *out,
                               oi_error *err)
{
  return get_element(b, OIP_REQUEST, index, out, &oip_layout_subsidy_request,
                     oip_batch_request(b, index), err);
}

oi_status oi_batch_get_application(const oi_batch *b, size_t index, oi_application *out,
                                   oi_error *err)
{
  return get_element(b, OIP_APPLICATION, index, out, &oip_layout_application,
                     oip_batch_application(b, index), err);
}

const oi_error *oi_batch_request_error(const oi_batch *b, size_t index)
{
  const struct oip_elem *e = elem(b, OIP_REQUEST, index);
  return e != NULL ? e->error : NULL;
}

const char *oi_batch_application_id(const oi_batch *b, size_t index)
{
  const struct oip_elem *e = elem(b, OIP_APPLICATION, index);
  return e != NULL && e->value != NULL ? ((const struct oip_app *)e->value)->id : NULL;
}

const oi_error *oi_batch_application_error(const oi_batch *b, size_t index)
{
  const struct oip_elem *e = elem(b, OIP_APPLICATION, index);
  return e != NULL ? e->error : NULL;
}

static const oi_decision *decision(const oi_batch *b, enum oip_kind kind, size_t index)
{
  const struct oip_elem *e = elem(b, kind, index);

  if (e == NULL || e->value == NULL || b->lists[kind].decisions == NULL)
    return NULL;
  return &b->lists[kind].decisions[e->good];
}

const oi_decision *oi_batch_request_decision(const oi_batch *b, size_t index)
{
  return decision(b, OIP_REQUEST, index);
}

const oi_decision *oi_batch_application_decision(const oi_batch *b, size_t index)
{
  return decision(b, OIP_APPLICATION, index);
}

/* ---- deciding it ------------------------------------------------------------ */

/* Fresh decision arrays for both kinds; the old ones stay until success. */
static oi_status new_decisions(const oi_batch *b, oi_decision **out, oi_error *err)
{
  size_t i;
  int k;

  for (k = 0; k < 2; k++) {
    const size_t n = b->lists[k].good;
    out[k] = calloc(n > 0 ? n : 1, sizeof *out[k]);
    if (out[k] == NULL) {
      free(out[0]);
      return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory for %zu decisions", n);
    }
    for (i = 0; i < n; i++)
      out[k][i].version = OI_DECISION_VERSION;
  }
  return OI_OK;
}

static void set_decisions(oi_batch *b, oi_decision **d, int how)
{
  int k;

  for (k = 0; k < 2; k++) {
    free(b->lists[k].decisions);
    b->lists[k].decisions = d[k];
  }
  b->decided = how;
}

/* Applications are decided alike by both ways of deciding a batch. */
static void decide_applications(const oi_batch *b, oi_decision *out)
{
  const struct oip_list *l = &b->lists[OIP_APPLICATION];
  size_t i;

  for (i = 0; i < l->count; i++)
    if (l->elems[i].value != NULL)
      (void)oi_check_enrollment(b->policy, &((const struct oip_app *)l->elems[i].value)->app,
                                &out[l->elems[i].good], NULL);
}

oi_status oi_batch_check(oi_batch *b, oi_error *err)
{
  const struct oip_list *l;
  oi_decision *d[2];
  size_t i;
  oi_status st;

  if (b == NULL)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, NULL, "batch",
                           "the batch pointer is NULL");
  st = new_decisions(b, d, err);
  if (st != OI_OK)
    return st;
  l = &b->lists[OIP_REQUEST];
  for (i = 0; i < l->count; i++)
    if (l->elems[i].value != NULL)
      (void)oi_check_subsidy(b->policy, l->elems[i].value, &d[OIP_REQUEST][l->elems[i].good],
                             NULL);
  decide_applications(b, d[OIP_APPLICATION]);
  set_decisions(b, d, 1);
  return OI_OK;
}

oi_status oi_batch_submit(oi_batch *b, oi_ledger *ledger, oi_error *err)
{
  struct oip_list *l;
  oi_subsidy_request *reqs = NULL;
  oi_decision *d[2] = { NULL, NULL }, *entered = NULL;
  oi_error **held = NULL;
  size_t *element = NULL, i, n = 0;
  oi_status st;

  if (b == NULL || ledger == NULL)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, NULL,
                           b == NULL ? "batch" : "ledger", "a required pointer is NULL");
  if (oi_ledger_policy(ledger) != b->policy)
    return oip_fail_expect(err, OI_EMISMATCH, OI_EXPECT_POLICY, NULL, "ledger",
                           "the ledger is bound to policy \"%s\", the batch was read under "
                           "\"%s\"",
                           oi_policy_id(oi_ledger_policy(ledger)), oi_policy_id(b->policy));
  l = &b->lists[OIP_REQUEST];
  st = new_decisions(b, d, err);
  if (st != OI_OK)
    return st;
  reqs = malloc((l->good > 0 ? l->good : 1) * sizeof *reqs);
  element = malloc((l->good > 0 ? l->good : 1) * sizeof *element);
  entered = malloc((l->good > 0 ? l->good : 1) * sizeof *entered);
  held = calloc(l->count > 0 ? l->count : 1, sizeof *held);
  if (reqs == NULL || element == NULL || entered == NULL || held == NULL) {
    st = oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory entering a batch");
    goto done;
  }
  /* A request whose id the ledger already holds: an error of its element,
   * found (and its error made) before anything is entered. */
  for (i = 0; i < l->count; i++) {
    const oi_subsidy_request *r = l->elems[i].value;
    oi_ledger_entry entry = OI_LEDGER_ENTRY_INIT;
    oi_error e, placed;

    if (r == NULL)
      continue;
    if (oi_ledger_get(ledger, r->id, &entry, NULL) != OI_OK) {
      reqs[n] = *r;
      element[n++] = i;
      continue;
    }
    oip_fail_expect(&e, OI_EEXISTS, OI_EXPECT_UNIQUE, NULL, "id",
                    "request \"%s\" is already entered in the ledger", r->id);
    oip_batch_place_error(&placed, &e, OIP_REQUEST, i, 0, 0, 0);
    if (b->mode == OI_BATCH_ALL_OR_NOTHING) {
      if (err != NULL)
        *err = placed;
      st = OI_EEXISTS;
      goto done;
    }
    held[i] = oip_arena_alloc(&b->arena, sizeof *held[i]);
    if (held[i] == NULL) {
      st = oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory entering a batch");
      goto done;
    }
    *held[i] = placed;
  }
  for (i = 0; i < n; i++)
    entered[i].version = OI_DECISION_VERSION;
  st = oi_ledger_submit_many(ledger, reqs, n, sizeof *reqs, entered, sizeof *entered, err);
  if (st != OI_OK) {
    /* Every element was checked, so only memory fails here; should the
     * ledger name an element, it is named as the batch knows it. */
    if (err != NULL && err->index != OI_ERROR_NO_INDEX && err->index < n) {
      oi_error e = *err;
      oip_batch_place_error(err, &e, OIP_REQUEST, element[e.index], 0, 0, 0);
      snprintf(err->message, sizeof err->message, "%s", e.message);
    }
    goto done;
  }
  for (i = 0; i < n; i++)
    d[OIP_REQUEST][l->elems[element[i]].good] = entered[i];
  for (i = 0; i < l->count; i++) {
    if (held[i] != NULL) {
      l->elems[i].value = NULL;
      l->elems[i].error = held[i];
      b->errors++;
    }
  }
  decide_applications(b, d[OIP_APPLICATION]);
  set_decisions(b, d, 2);
  d[0] = d[1] = NULL;
done:
  free(d[0]);
  free(d[1]);
  free(reqs);
  free(element);
  free(entered);
  free(held);
  return st;
}
