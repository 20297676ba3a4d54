/*
 * Requests documents (doc/requests-format.md): subsidy requests and
 * enrollment applications in JSON, read into a batch. Each element is read
 * with the vocabulary's parsers, then checked as the rules check it; a bad
 * element fails the load or is kept as an error, as the caller chose, and
 * its error names its element, its field, its line and column.
 */
#include <stdlib.h>
#include <string.h>

#include "officerinst/json.h"
#include "batch_private.h"
#include "json_doc.h"
#include "fileio.h"

#define REQUESTS_FORMAT "officerinst-requests"
#define REQUESTS_VERSION 1

/* One element being read; strings are borrowed from the document. */
struct reading {
  oi_subsidy_request req;
  oi_application app;
  const char *app_id;
  oi_graduation graduations[OI_GRADUATIONS_MAX];
};

static oi_status read_local(const struct oip_doc *doc, const json_t *parent,
                            enum oip_kind kind, oi_local *l)
{
  static const char *const fields[] = { "number", "name", "country", "district", "lm_form",
                                        "receipts", NULL };
  char full[OI_ERROR_PATH_SIZE];
  json_t *o;
  int64_t v = 0;
  int e = 0;
  oi_status st = oip_doc_object(doc, parent, "local", "", &o);

  if (st == OI_OK)
    st = oip_doc_only(doc, o, "local", fields);
  if (st == OI_OK && (st = oip_doc_int(doc, o, "number", "local", 1, UINT32_MAX, &v)) == OI_OK)
    l->number = (uint32_t)v;
  if (st == OI_OK)
    st = oip_doc_string(doc, o, "name", "local", OI_NAME_MAX, 1, &l->name);
  if (st == OI_OK &&
      (st = oip_doc_vocab(doc, o, "country", "local", OIP_VOCAB_COUNTRY, 0, &e)) == OI_OK)
    l->country = (oi_country)e;
  if (st == OI_OK &&
      (st = oip_doc_int(doc, o, "district", "local", 1, OI_DISTRICT_COUNT, &v)) == OI_OK)
    l->district = (int)v;
  if (st != OI_OK)
    return st;
  /* S2 reads a U.S. local's form and a Canadian local's receipts: a
   * request states the one its local is judged by (no default stands in
   * for it); an application, which S2 does not concern, need not. */
  l->lm_form = OI_LM_NONE;
  if (json_object_get(o, "lm_form") != NULL) {
    st = oip_doc_vocab(doc, o, "lm_form", "local", OIP_VOCAB_LM_FORM, 0, &e);
    l->lm_form = (oi_lm_form)e;
  } else if (kind == OIP_REQUEST && l->country == OI_COUNTRY_US) {
    return oip_doc_fail_expect(doc, OI_ESCHEMA, OI_EXPECT_VALUE, "local.lm_form", 0,
                               "missing field \"lm_form\" in %s: a U.S. local states the LM "
                               "form it files (S2), \"none\" if none",
                               oip_doc_path(doc, "local", full, sizeof full));
  }
  if (st == OI_OK && kind == OIP_REQUEST && l->country == OI_COUNTRY_CA &&
      json_object_get(o, "receipts") == NULL)
    return oip_doc_fail_expect(doc, OI_ESCHEMA, OI_EXPECT_VALUE, "local.receipts", 0,
                               "missing field \"receipts\" in %s: a Canadian local states its "
                               "gross yearly receipts (S2), null if none are on record",
                               oip_doc_path(doc, "local", full, sizeof full));
  if (st == OI_OK)
    st = oip_doc_money(doc, o, "receipts", "local", &l->receipts_known, &l->receipts_cents);
  if (st == OI_OK && l->receipts_known && l->receipts_cents < 0)
    return oip_doc_fail_expect(doc, OI_ESCHEMA, OI_EXPECT_RANGE, "local.receipts", 0,
                               "%s: receipts may not be negative",
                               oip_doc_path(doc, "local.receipts", full, sizeof full));
  return st;
}

static oi_status read_graduations(const struct oip_doc *doc, const json_t *officer,
                                  oi_officer *o, oi_graduation *g)
{
  static const char *const fields[] = { "site", "date", NULL };
  char full[OI_ERROR_PATH_SIZE];
  json_t *arr, *v;
  size_t i;
  oi_status st;

  o->graduations = NULL;
  o->graduation_count = 0;
  if (json_object_get(officer, "graduations") == NULL)
    return OI_OK;
  st = oip_doc_array(doc, officer, "graduations", "officer", &arr);
  if (st != OI_OK)
    return st;
  if (json_array_size(arr) > OI_GRADUATIONS_MAX)
    return oip_doc_fail_expect(doc, OI_ESCHEMA, OI_EXPECT_LIMIT, "officer.graduations", 0,
                               "%s: at most %d graduations, found %zu",
                               oip_doc_path(doc, "officer.graduations", full, sizeof full),
                               OI_GRADUATIONS_MAX, json_array_size(arr));
  json_array_foreach(arr, i, v) {
    char p[OI_ERROR_PATH_SIZE];

    oip_path_index(p, sizeof p, "officer.graduations", i);
    if (!json_is_object(v))
      return oip_doc_wrong_type(doc, p, OI_EXPECT_OBJECT, v);
    memset(&g[i], 0, sizeof g[i]);
    st = oip_doc_only(doc, v, p, fields);
    if (st == OI_OK)
      st = oip_doc_string(doc, v, "site", p, OI_NAME_MAX, 1, &g[i].site);
    if (st == OI_OK && json_object_get(v, "date") != NULL &&
        !json_is_null(json_object_get(v, "date")))
      st = oip_doc_date(doc, v, "date", p, &g[i].date);
    if (st != OI_OK)
      return st;
  }
  o->graduations = g;
  o->graduation_count = json_array_size(arr);
  return OI_OK;
}

static oi_status read_officer(const struct oip_doc *doc, const json_t *parent, oi_officer *o,
                              oi_graduation *g)
{
  static const char *const fields[] = { "id", "name", "office", "graduations", NULL };
  json_t *obj;
  int e = 0;
  oi_status st = oip_doc_object(doc, parent, "officer", "", &obj);

  if (st == OI_OK)
    st = oip_doc_only(doc, obj, "officer", fields);
  if (st == OI_OK)
    st = oip_doc_string(doc, obj, "id", "officer", OI_ID_MAX, 1, &o->id);
  if (st == OI_OK)
    st = oip_doc_opt_string(doc, obj, "name", "officer", OI_NAME_MAX, &o->name);
  if (st == OI_OK &&
      (st = oip_doc_vocab(doc, obj, "office", "officer", OIP_VOCAB_OFFICE, 0, &e)) == OI_OK)
    o->office = (oi_office)e;
  if (st == OI_OK)
    st = read_graduations(doc, obj, o, g);
  return st;
}

static oi_status read_request(const struct oip_doc *doc, const json_t *o, struct reading *r)
{
  static const char *const fields[] = { "id", "session", "received", "nights", "attested",
                                        "with_application", "application_signed",
                                        "request_signed", "local", "officer", NULL };
  oi_subsidy_request *q = &r->req;
  int64_t v = 0;
  oi_status st = oip_doc_only(doc, o, "", fields);

  if (st == OI_OK)
    st = oip_doc_string(doc, o, "id", "", OI_ID_MAX, 1, &q->id);
  if (st == OI_OK)
    st = oip_doc_string(doc, o, "session", "", OI_ID_MAX, 1, &q->session_id);
  if (st == OI_OK)
    st = oip_doc_datetime(doc, o, "received", "", &q->received);
  if (st == OI_OK && (st = oip_doc_int(doc, o, "nights", "", 1, INT32_MAX, &v)) == OI_OK)
    q->nights = (int)v;
  if (st == OI_OK)
    st = oip_doc_bool(doc, o, "attested", "", &q->attested);
  if (st == OI_OK)
    st = oip_doc_bool(doc, o, "with_application", "", &q->with_application);
  if (st == OI_OK)
    st = oip_doc_bool(doc, o, "application_signed", "", &q->application_signed);
  if (st == OI_OK)
    st = oip_doc_bool(doc, o, "request_signed", "", &q->request_signed);
  if (st == OI_OK)
    st = read_local(doc, o, OIP_REQUEST, &q->local);
  if (st == OI_OK)
    st = read_officer(doc, o, &q->officer, r->graduations);
  return st;
}

static oi_status read_application(const struct oip_doc *doc, const json_t *o,
                                  struct reading *r)
{
  static const char *const fields[] = { "id", "session", "course", "local", "officer", NULL };
  oi_application *a = &r->app;
  oi_status st = oip_doc_only(doc, o, "", fields);

  if (st == OI_OK)
    st = oip_doc_opt_string(doc, o, "id", "", OI_ID_MAX, &r->app_id);
  if (st == OI_OK)
    st = oip_doc_string(doc, o, "session", "", OI_ID_MAX, 1, &a->session_id);
  if (st == OI_OK)
    st = oip_doc_string(doc, o, "course", "", OI_ID_MAX, 1, &a->course_id);
  if (st == OI_OK)
    st = read_local(doc, o, OIP_APPLICATION, &a->local);
  if (st == OI_OK)
    st = read_officer(doc, o, &a->officer, r->graduations);
  return st;
}

/* Read element i of an array into the batch: kept, kept as an error, or
 * (all or nothing) the load's error. */
static oi_status read_element(struct oip_doc *doc, oi_batch *b, enum oip_kind kind,
                              const json_t *o, size_t i)
{
  oi_error *const caller = doc->err;
  struct reading r;
  char base[48];
  oi_error e, rules;
  oi_status st;

  memset(&r, 0, sizeof r);
  r.req = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
  r.app = (oi_application)OI_APPLICATION_INIT;
  oi_error_clear(&e);
  doc->err = &e;
  oip_doc_enter(doc, oip_kind_arrays[kind], i, base, sizeof base);
  if (!json_is_object(o))
    st = oip_doc_wrong_type(doc, "", OI_EXPECT_OBJECT, o);
  else
    st = kind == OIP_REQUEST ? read_request(doc, o, &r) : read_application(doc, o, &r);
  if (st == OI_OK) {
    st = kind == OIP_REQUEST ? oip_batch_check_request(b, &r.req, &rules)
                             : oip_batch_check_application(b, &r.app, r.app_id, &rules);
    if (st != OI_OK) {
      char full[OI_ERROR_PATH_SIZE];
      oip_doc_fail_expect(doc, st, rules.expected, rules.field, 0, "%s: %s",
                          oip_doc_path(doc, rules.field, full, sizeof full), rules.message);
      oip_error_set_suggestion(doc->err, rules.suggestion);
    }
  }
  oip_doc_leave(doc);
  doc->err = caller;
  if (st == OI_OK)
    return oip_batch_keep(b, kind, kind == OIP_REQUEST ? (const void *)&r.req : &r.app,
                          r.app_id, caller);
  if (st == OI_ENOMEM || b->mode == OI_BATCH_ALL_OR_NOTHING) {
    if (caller != NULL)
      *caller = e;
    return st;
  }
  return oip_batch_keep_error(b, kind, &e, caller);
}

static oi_status read_array(struct oip_doc *doc, oi_batch *b, enum oip_kind kind,
                            const json_t *arr)
{
  struct oip_cursor cur;
  json_t *o = NULL;
  oi_status st;

  oip_doc_elements(doc, arr, &cur);
  if (cur.count > OI_BATCH_ELEMENTS_MAX) {
    char p[OI_ERROR_PATH_SIZE];
    oip_path_index(p, sizeof p, oip_kind_arrays[kind], OI_BATCH_ELEMENTS_MAX);
    return oip_doc_fail_expect(doc, OI_ELIMIT, OI_EXPECT_LIMIT, p, 0,
                               "%s: a batch holds at most %zu %s", p, OI_BATCH_ELEMENTS_MAX,
                               oip_kind_arrays[kind]);
  }
  /* One element at a time: a document's arrays are parsed as they are
   * read (oip_doc_parse()). */
  while ((st = oip_doc_next(doc, &cur, &o)) == OI_OK && o != NULL) {
    st = read_element(doc, b, kind, o, cur.index - 1);
    json_decref(o);
    if (st != OI_OK)
      break;
  }
  return st;
}

static oi_status read_batch(struct oip_doc *doc, const oi_policy *policy, const json_t *root,
                            oi_batch_mode mode, oi_batch **out)
{
  static const char *const fields[] = { "format", "version", "policy", "requests",
                                        "applications", NULL };
  const char *format, *id;
  json_t *requests = NULL, *applications = NULL;
  oi_batch *b = NULL;
  int64_t version;
  oi_status st;

  if (!json_is_object(root))
    return oip_doc_fail_expect(doc, OI_ESCHEMA, OI_EXPECT_OBJECT, "", 0,
                               "expected a requests document object, found %s",
                               oip_json_type_name(root));
  st = oip_doc_only(doc, root, "", fields);
  if (st == OI_OK)
    st = oip_doc_string(doc, root, "format", "", 64, 1, &format);
  if (st == OI_OK && strcmp(format, REQUESTS_FORMAT) != 0)
    return oip_doc_fail_expect(doc, OI_ESCHEMA, OI_EXPECT_FORMAT, "format", 0,
                               "format: expected \"" REQUESTS_FORMAT "\", found \"%s\"",
                               format);
  if (st == OI_OK)
    st = oip_doc_int(doc, root, "version", "", REQUESTS_VERSION, REQUESTS_VERSION, &version);
  if (st == OI_OK)
    st = oip_doc_opt_string(doc, root, "policy", "", OI_ID_MAX, &id);
  if (st != OI_OK)
    return st;
  if (id != NULL && strcmp(id, oi_policy_id(policy)) != 0)
    return oip_doc_fail_expect(doc, OI_EMISMATCH, OI_EXPECT_POLICY, "policy", 0,
                               "the requests were written for policy \"%s\", not for \"%s\"",
                               id, oi_policy_id(policy));
  if (json_object_get(root, "requests") != NULL)
    st = oip_doc_array(doc, root, "requests", "", &requests);
  if (st == OI_OK && json_object_get(root, "applications") != NULL)
    st = oip_doc_array(doc, root, "applications", "", &applications);
  if (st != OI_OK)
    return st;
  if (requests == NULL && applications == NULL)
    return oip_doc_fail_expect(doc, OI_ESCHEMA, OI_EXPECT_VALUE, "requests", 0,
                               "missing field \"requests\" (or \"applications\") in the "
                               "document");
  st = oi_batch_new(policy, mode, &b, doc->err);
  if (st == OI_OK && requests != NULL)
    st = read_array(doc, b, OIP_REQUEST, requests);
  if (st == OI_OK && applications != NULL)
    st = read_array(doc, b, OIP_APPLICATION, applications);
  if (st != OI_OK) {
    oi_batch_free(b);
    return st;
  }
  *out = b;
  return OI_OK;
}

oi_status oi_batch_from_json(const oi_policy *policy, const char *text, size_t length,
                             oi_batch_mode mode, oi_batch **out, oi_error *err)
{
  static const struct oip_doc_limit limits[] = { { "requests", OI_BATCH_ELEMENTS_MAX },
                                                 { "applications", OI_BATCH_ELEMENTS_MAX },
                                                 { NULL, 0 } };
  struct oip_doc doc;
  json_t *root;
  oi_status st;

  if (policy == NULL || text == NULL || out == NULL)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, NULL,
                           policy == NULL ? "policy" : text == NULL ? "text" : "out",
                           "a required pointer is NULL");
  if (mode != OI_BATCH_ALL_OR_NOTHING && mode != OI_BATCH_PER_ELEMENT)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_RANGE, NULL, "mode",
                           "mode %d is neither OI_BATCH_ALL_OR_NOTHING nor "
                           "OI_BATCH_PER_ELEMENT",
                           (int)mode);
  oip_doc_init(&doc, text, length, err);
  st = oip_doc_parse(&doc, OI_REQUESTS_DOCUMENT_MAX, limits, &root);
  if (st != OI_OK)
    return st;
  st = read_batch(&doc, policy, root, mode, out);
  json_decref(root);
  return st;
}

oi_status oi_batch_load(const oi_policy *policy, const char *path, oi_batch_mode mode,
                        oi_batch **out, oi_error *err)
{
  char *text;
  size_t length;
  oi_status st;

  if (policy == NULL || path == NULL || out == NULL)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, NULL,
                           policy == NULL ? "policy" : path == NULL ? "path" : "out",
                           "a required pointer is NULL");
  st = oip_read_file(path, OI_REQUESTS_DOCUMENT_MAX, &text, &length, err);
  if (st != OI_OK)
    return st;
  st = oi_batch_from_json(policy, text, length, mode, out, err);
  free(text);
  return st;
}
