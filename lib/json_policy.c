/*
 * Policy documents: a policy in JSON and back (format in
 * doc/policy-format.md). A document is read into a builder, so a loaded
 * policy passes exactly the checks of one built in code; every error names
 * its field's path and position.
 */
#include <stdlib.h>
#include <string.h>

#include "officerinst/json.h"
#include "json_doc.h"
#include "policy_private.h"
#include "fileio.h"

#define POLICY_FORMAT "officerinst-policy"
#define POLICY_VERSION 1

void oi_free(void *ptr)
{
  free(ptr);
}

/* The builder's field names that the document spells otherwise. */
static const char *const session_renames[] = { "course_ids[]", "courses[]", "course_count",
                                               "courses", "own_seats", "seats", NULL };
/* A prior site's error is about the element itself. */
static const char *const site_renames[] = { "site", "", NULL };

static oi_status read_numbers(const struct oip_doc *doc, const json_t *root,
                              oi_policy_numbers *n)
{
  static const char *const fields[] = { "year", "seats_per_session", "local_cap_per_year",
                                        "deadline_weeks", "max_nights",
                                        "canada_threshold_cents", NULL };
  json_t *obj;
  int64_t v[6];
  oi_status st;
  oi_error tmp;

  st = oip_doc_object(doc, root, "numbers", "", &obj);
  if (st == OI_OK)
    st = oip_doc_only(doc, obj, "numbers", fields);
  if (st == OI_OK)
    st = oip_doc_int(doc, obj, "year", "numbers", OI_YEAR_MIN + 1, OI_YEAR_MAX, &v[0]);
  if (st == OI_OK)
    st = oip_doc_int(doc, obj, "seats_per_session", "numbers", 0, OIP_SEATS_MAX, &v[1]);
  if (st == OI_OK)
    st = oip_doc_int(doc, obj, "local_cap_per_year", "numbers", 0, OIP_CAP_MAX, &v[2]);
  if (st == OI_OK)
    st = oip_doc_int(doc, obj, "deadline_weeks", "numbers", 0, OIP_DEADLINE_WEEKS_MAX, &v[3]);
  if (st == OI_OK)
    st = oip_doc_int(doc, obj, "max_nights", "numbers", 1, OIP_NIGHTS_MAX, &v[4]);
  if (st == OI_OK)
    st = oip_doc_int(doc, obj, "canada_threshold_cents", "numbers", 0, INT64_MAX, &v[5]);
  if (st != OI_OK)
    return st;
  n->version = OI_POLICY_NUMBERS_VERSION;
  n->year = (int)v[0];
  n->seats_per_session = (int)v[1];
  n->local_cap_per_year = (int)v[2];
  n->deadline_weeks = (int)v[3];
  n->max_nights = (int)v[4];
  n->canada_threshold_cents = v[5];
  /* The same bounds as oip_check_numbers(), checked field by field above. */
  return oip_check_numbers(n, &tmp, "numbers") == OI_OK
             ? OI_OK
             : oip_doc_fail(doc, OI_ESCHEMA, tmp.path, 0, "%s: %s", tmp.path, tmp.message);
}

static oi_status read_course(const struct oip_doc *doc, const json_t *obj, size_t index,
                             void *builder)
{
  static const char *const fields[] = { "id", "title", "kind", NULL };
  char p[32];
  oi_course c;
  int kind = 0;
  oi_error tmp;
  oi_status st = OI_OK;

  c.version = OI_COURSE_VERSION;
  oip_path_index(p, sizeof p, "courses", index);
  if (!json_is_object(obj))
    st = oip_doc_fail(doc, OI_ESCHEMA, p, 0, "%s: expected an object, found %s", p,
                      oip_json_type_name(obj));
  if (st == OI_OK)
    st = oip_doc_only(doc, obj, p, fields);
  if (st == OI_OK)
    st = oip_doc_string(doc, obj, "id", p, OI_ID_MAX, 1, &c.id);
  if (st == OI_OK)
    st = oip_doc_string(doc, obj, "title", p, OI_NAME_MAX, 1, &c.title);
  if (st == OI_OK)
    st = oip_doc_vocab(doc, obj, "kind", p, OIP_VOCAB_COURSE_KIND, 0, &kind);
  c.kind = (oi_course_kind)kind;
  if (st == OI_OK && oi_policy_builder_add_course(builder, &c, &tmp) != OI_OK)
    st = oip_doc_restate(doc, &tmp, p, NULL);
  return st;
}

static oi_status read_countries(const struct oip_doc *doc, const json_t *obj, const char *p,
                                unsigned *mask)
{
  char q[OI_ERROR_PATH_SIZE];
  json_t *arr, *v;
  size_t i;
  oi_status st = oip_doc_array(doc, obj, "countries", p, &arr);

  *mask = 0;
  oip_path_key(q, sizeof q, p, "countries");
  json_array_foreach(arr, i, v) {
    char e[OI_ERROR_PATH_SIZE];
    int country = 0;
    unsigned bit;

    if (st != OI_OK)
      break;
    st = oip_doc_vocab_at(doc, v, i, q, OIP_VOCAB_COUNTRY, 0, &country);
    if (st != OI_OK)
      return st;
    oip_path_index(e, sizeof e, q, i);
    bit = OI_COUNTRY_BIT(country);
    if (*mask & bit)
      return oip_doc_fail(doc, OI_ESCHEMA, e, 0, "%s: \"%s\" is listed twice", e,
                          oi_country_name((oi_country)country));
    *mask |= bit;
  }
  return st;
}

static oi_status read_session(const struct oip_doc *doc, const json_t *obj, const char *p,
                              oi_policy_builder *b)
{
  static const char *const fields[] = { "id", "place", "hotel", "first_day", "last_day",
                                        "countries", "courses", "seats", NULL };
  const char *course_ids[OI_SESSION_COURSES_MAX];
  char q[48];
  json_t *courses, *v;
  static const oi_session fresh = OI_SESSION_INIT;
  oi_session s;
  size_t k;
  int64_t seats;
  oi_error tmp;
  oi_status st;

  if (!json_is_object(obj))
    return oip_doc_fail(doc, OI_ESCHEMA, p, 0, "%s: expected an object, found %s", p,
                        oip_json_type_name(obj));
  s = fresh;
  st = oip_doc_only(doc, obj, p, fields);
  if (st == OI_OK)
    st = oip_doc_string(doc, obj, "id", p, OI_ID_MAX, 1, &s.id);
  if (st == OI_OK)
    st = oip_doc_string(doc, obj, "place", p, OI_NAME_MAX, 1, &s.place);
  if (st == OI_OK)
    st = oip_doc_opt_string(doc, obj, "hotel", p, OI_NAME_MAX, &s.hotel);
  if (st == OI_OK)
    st = oip_doc_date(doc, obj, "first_day", p, &s.first_day);
  if (st == OI_OK)
    st = oip_doc_date(doc, obj, "last_day", p, &s.last_day);
  if (st == OI_OK)
    st = read_countries(doc, obj, p, &s.countries);
  if (st == OI_OK)
    st = oip_doc_array(doc, obj, "courses", p, &courses);
  /* S4: a session may set its own seats; absent, the policy's. */
  if (st == OI_OK)
    st = oip_doc_opt_int(doc, obj, "seats", p, 0, OIP_SEATS_MAX, &s.has_own_seats, &seats);
  if (st != OI_OK)
    return st;
  s.own_seats = (int)seats;
  oip_path_key(q, sizeof q, p, "courses");
  if (json_array_size(courses) > OI_SESSION_COURSES_MAX)
    return oip_doc_fail(doc, OI_ESCHEMA, q, 0, "%s: at most %d courses, found %zu", q,
                        OI_SESSION_COURSES_MAX, json_array_size(courses));
  json_array_foreach(courses, k, v) {
    st = oip_doc_string_at(doc, v, k, q, OI_ID_MAX, &course_ids[k]);
    if (st != OI_OK)
      return st;
  }
  s.course_ids = course_ids;
  s.course_count = json_array_size(courses);
  if (oi_policy_builder_add_session(b, &s, &tmp) != OI_OK)
    return oip_doc_restate(doc, &tmp, p, session_renames);
  return OI_OK;
}

static oi_status read_session_at(const struct oip_doc *doc, const json_t *obj, size_t index,
                                 void *builder)
{
  char p[32];

  oip_path_index(p, sizeof p, "sessions", index);
  return read_session(doc, obj, p, builder);
}

static oi_status read_site(const struct oip_doc *doc, const json_t *v, size_t index,
                           void *builder)
{
  char p[32];
  const char *site;
  oi_error tmp;
  oi_status st = oip_doc_string_at(doc, v, index, "prior_sites", OI_NAME_MAX, &site);

  if (st == OI_OK && oi_policy_builder_add_prior_site(builder, site, &tmp) != OI_OK) {
    oip_path_index(p, sizeof p, "prior_sites", index);
    st = oip_doc_restate(doc, &tmp, p, site_renames);
  }
  return st;
}

/* The policy's arrays, each read one element at a time into the builder. */
static oi_status read_items(const struct oip_doc *doc, const json_t *root, const char *name,
                            oip_doc_element_fn fn, oi_policy_builder *b)
{
  json_t *arr;
  oi_status st = oip_doc_array(doc, root, name, "", &arr);

  return st != OI_OK ? st : oip_doc_each(doc, arr, fn, b);
}

static oi_status read_policy(const struct oip_doc *doc, const json_t *root, oi_policy **out)
{
  static const char *const fields[] = { "format", "version", "id", "numbers", "courses",
                                        "sessions", "prior_sites", NULL };
  oi_policy_builder *b = NULL;
  oi_policy_numbers numbers;
  const char *format, *id;
  int64_t version;
  oi_error tmp;
  oi_status st;

  if (!json_is_object(root))
    return oip_doc_fail(doc, OI_ESCHEMA, "", 0, "expected a policy object, found %s",
                        oip_json_type_name(root));
  st = oip_doc_only(doc, root, "", fields);
  if (st == OI_OK)
    st = oip_doc_string(doc, root, "format", "", 64, 1, &format);
  if (st == OI_OK && strcmp(format, POLICY_FORMAT) != 0)
    return oip_doc_fail(doc, OI_ESCHEMA, "format", 0,
                        "format: expected \"" POLICY_FORMAT "\", found \"%s\"", format);
  if (st == OI_OK)
    st = oip_doc_int(doc, root, "version", "", POLICY_VERSION, POLICY_VERSION, &version);
  if (st == OI_OK)
    st = oip_doc_string(doc, root, "id", "", OI_ID_MAX, 1, &id);
  if (st == OI_OK)
    st = read_numbers(doc, root, &numbers);
  if (st != OI_OK)
    return st;
  if (oi_policy_builder_new(&b, id, &numbers, &tmp) != OI_OK)
    return oip_doc_restate(doc, &tmp, "", NULL);
  st = read_items(doc, root, "courses", read_course, b);
  if (st == OI_OK)
    st = read_items(doc, root, "sessions", read_session_at, b);
  if (st == OI_OK)
    st = read_items(doc, root, "prior_sites", read_site, b);
  if (st == OI_OK && oi_policy_builder_build(b, out, &tmp) != OI_OK)
    st = oip_doc_fail(doc, tmp.status, "", 0, "%s", tmp.message);
  oi_policy_builder_free(b);
  return st;
}

oi_status oi_policy_from_json(const char *text, size_t length, oi_policy **out, oi_error *err)
{
  struct oip_doc doc;
  json_t *root;
  oi_status st;

  if (text == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, text == NULL ? "text" : "out",
                    "a required pointer is NULL");
  oip_doc_init(&doc, text, length, err);
  st = oip_doc_parse(&doc, OI_POLICY_DOCUMENT_MAX, NULL, &root);
  if (st != OI_OK)
    return st;
  st = read_policy(&doc, root, out);
  json_decref(root);
  return st;
}

oi_status oi_policy_load(const char *path, oi_policy **out, oi_error *err)
{
  char *text;
  size_t length;
  oi_status st;

  if (path == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, path == NULL ? "path" : "out",
                    "a required pointer is NULL");
  st = oip_read_file(path, OI_POLICY_DOCUMENT_MAX, &text, &length, err);
  if (st != OI_OK)
    return st;
  st = oi_policy_from_json(text, length, out, err);
  free(text);
  return st;
}

/* ---- writing ---------------------------------------------------------- */

static json_t *policy_json(const oi_policy *p)
{
  json_t *root = json_object(), *numbers = json_object(), *courses = json_array(),
         *sessions = json_array(), *sites = json_array();
  const oi_policy_numbers *n = &p->numbers;
  size_t i, k;
  int bad = root == NULL || numbers == NULL || courses == NULL || sessions == NULL ||
            sites == NULL;

  if (bad) {
    json_decref(root);
    json_decref(numbers);
    json_decref(courses);
    json_decref(sessions);
    json_decref(sites);
    return NULL;
  }
  bad |= json_object_set_new(root, "format", json_string(POLICY_FORMAT));
  bad |= json_object_set_new(root, "version", json_integer(POLICY_VERSION));
  bad |= json_object_set_new(root, "id", json_string(p->id));
  bad |= json_object_set_new(numbers, "year", json_integer(n->year));
  bad |= json_object_set_new(numbers, "seats_per_session", json_integer(n->seats_per_session));
  bad |= json_object_set_new(numbers, "local_cap_per_year",
                             json_integer(n->local_cap_per_year));
  bad |= json_object_set_new(numbers, "deadline_weeks", json_integer(n->deadline_weeks));
  bad |= json_object_set_new(numbers, "max_nights", json_integer(n->max_nights));
  bad |= json_object_set_new(numbers, "canada_threshold_cents",
                             json_integer(n->canada_threshold_cents));
  bad |= json_object_set_new(root, "numbers", numbers);
  for (i = 0; i < p->course_count; i++) {
    const struct oip_course *c = &p->courses[i];
    bad |= json_array_append_new(courses, json_pack("{s:s, s:s, s:s}", "id", c->id, "title",
                                                    c->title, "kind", oi_course_kind_name(c->kind)));
  }
  bad |= json_object_set_new(root, "courses", courses);
  for (i = 0; i < p->session_count; i++) {
    const struct oip_session *s = &p->sessions[i];
    char first[OI_DATE_STRING_SIZE], last[OI_DATE_STRING_SIZE];
    json_t *cs = json_array(), *countries = json_array(), *session;

    oi_date_format(s->first_day, first, sizeof first);
    oi_date_format(s->last_day, last, sizeof last);
    if (s->countries & OI_COUNTRY_BIT(OI_COUNTRY_US))
      bad |= json_array_append_new(countries, json_string(oi_country_name(OI_COUNTRY_US)));
    if (s->countries & OI_COUNTRY_BIT(OI_COUNTRY_CA))
      bad |= json_array_append_new(countries, json_string(oi_country_name(OI_COUNTRY_CA)));
    for (k = 0; k < s->course_count; k++)
      bad |= json_array_append_new(cs, json_string(s->course_ids[k]));
    session = json_pack("{s:s, s:s, s:o, s:s, s:s, s:o, s:o}", "id", s->id, "place", s->place,
                        "hotel", s->has_hotel ? json_string(s->hotel) : json_null(),
                        "first_day", first, "last_day", last, "countries", countries,
                        "courses", cs);
    /* Only a session's own seats are written: the others take the policy's. */
    if (session != NULL && s->has_own_seats)
      bad |= json_object_set_new(session, "seats", json_integer(s->own_seats));
    bad |= json_array_append_new(sessions, session);
  }
  bad |= json_object_set_new(root, "sessions", sessions);
  for (i = 0; i < p->site_count; i++)
    bad |= json_array_append_new(sites, json_string(p->sites[i].name));
  bad |= json_object_set_new(root, "prior_sites", sites);
  if (bad) {
    json_decref(root);
    return NULL;
  }
  return root;
}

oi_status oi_policy_to_json(const oi_policy *p, char **out, size_t *length_out, oi_error *err)
{
  const size_t flags = JSON_INDENT(2);
  json_t *root;
  char *text = NULL;
  size_t n = 0;

  if (p == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, p == NULL ? "policy" : "out",
                    "a required pointer is NULL");
  /* Dump into memory of our own, which the caller frees with oi_free()
   * whatever allocator jansson was given. */
  root = policy_json(p);
  if (root != NULL)
    n = json_dumpb(root, NULL, 0, flags);
  if (n > 0)
    text = malloc(n + 2);
  if (text != NULL) {
    json_dumpb(root, text, n, flags);
    text[n++] = '\n';
    text[n] = '\0';
  }
  json_decref(root);
  if (text == NULL)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory writing a policy");
  *out = text;
  if (length_out != NULL)
    *length_out = n;
  return OI_OK;
}

static oi_status policy_text(const void *object, char **out, size_t *length, oi_error *err)
{
  return oi_policy_to_json(object, out, length, err);
}

oi_status oi_policy_save(const oi_policy *p, const char *path, oi_error *err)
{
  return oip_doc_save(p, policy_text, path, err);
}
