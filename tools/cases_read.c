/*
 * tools/cases_read.c: loading a case file and reading a vector's input
 * into the library's structures. Every value is read by the library's own
 * parse functions (countries, forms, offices, dates, moments), so a case
 * file spells values exactly as the library's documents do.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cases.h"
#include "cli.h"

int cases_fail(cases_run *r, const char *fmt, ...)
{
  va_list ap;
  char what[CASES_WHY_SIZE];

  if (r->failed)
    return -1;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  if (r->where[0] != '\0')
    snprintf(r->why, sizeof r->why, "%.150s: %.350s", r->where, what);
  else
    snprintf(r->why, sizeof r->why, "%s", what);
  r->failed = 1;
  return -1;
}

/* "FILE: message" on stderr, then the file is freed (after the message,
 * which may quote its strings). Returns -1. */
static int fail_file(cases_file *f, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static int fail_file(cases_file *f, const char *fmt, ...)
{
  va_list ap;

  fprintf(stderr, "%s: ", f->path);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  cases_free(f);
  return -1;
}

/* Version 2's "policies": each a policy document, loaded once with the
 * file, so that a broken one is the file's error, not its cases'. On
 * failure the file is freed. */
static int load_named(cases_file *f)
{
  json_t *policies = json_object_get(f->doc, "policies"), *doc;
  const char *name;

  if (policies == NULL)
    return 0;
  if (f->version < 2)
    return fail_file(f, "\"policies\" is a member of version 2 of the format, "
                        "the file says version %d",
                     f->version);
  if (!json_is_object(policies))
    return fail_file(f, "\"policies\" must be an object of named policy documents");
  f->named = calloc(json_object_size(policies) + 1, sizeof *f->named);
  if (f->named == NULL)
    return fail_file(f, "out of memory");
  json_object_foreach(policies, name, doc) {
    cases_named_policy *p = &f->named[f->named_count];
    char *text;
    oi_error err;
    oi_status st;

    if (!json_is_object(doc))
      return fail_file(f, "policies.%s: not a policy document (an object)", name);
    text = json_dumps(doc, JSON_COMPACT);
    if (text == NULL)
      return fail_file(f, "out of memory");
    oi_error_clear(&err);
    st = oi_policy_from_json(text, strlen(text), &p->policy, &err);
    free(text);
    if (st != OI_OK)
      return fail_file(f, "policies.%s: %s%s%s", name, err.path,
                       err.path[0] != '\0' ? ": " : "", cli_error_message(&err));
    p->name = name;
    f->named_count++;
  }
  return 0;
}

int cases_load(const char *path, cases_file *out)
{
  json_error_t jerr;
  json_t *v, *policy, *version;
  const char *format, *slash;
  size_t i, j;

  memset(out, 0, sizeof *out);
  out->path = path;
  slash = strrchr(path, '/');
  if (slash == NULL)
    snprintf(out->dir, sizeof out->dir, ".");
  else
    snprintf(out->dir, sizeof out->dir, "%.*s", (int)(slash - path > 0 ? slash - path : 1),
             path);
  out->doc = json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
  if (out->doc == NULL) {
    if (jerr.line > 0)
      fprintf(stderr, "%s:%d:%d: %s\n", path, jerr.line, jerr.column, jerr.text);
    else
      fprintf(stderr, "%s: %s\n", path, jerr.text);
    return -1;
  }
  format = json_string_value(json_object_get(out->doc, "format"));
  version = json_object_get(out->doc, "version");
  if (!json_is_object(out->doc) || format == NULL || strcmp(format, CASES_FORMAT) != 0 ||
      !json_is_integer(version) || json_integer_value(version) < CASES_VERSION_MIN ||
      json_integer_value(version) > CASES_VERSION) {
    return fail_file(out, "not a test-case file: expected {\"format\": \"%s\", "
                          "\"version\": %d to %d, ...}",
                     CASES_FORMAT, CASES_VERSION_MIN, CASES_VERSION);
  }
  out->version = (int)json_integer_value(version);
  out->vectors = json_object_get(out->doc, "vectors");
  if (!json_is_array(out->vectors) || json_array_size(out->vectors) == 0) {
    return fail_file(out, "\"vectors\" must be a non-empty list of test cases");
  }
  out->defaults = json_object_get(out->doc, "defaults");
  if (out->defaults == NULL) {
    out->defaults = json_object();
    json_object_set_new(out->doc, "defaults", out->defaults);
  }
  if (!json_is_object(out->defaults)) {
    return fail_file(out, "\"defaults\" must be an object");
  }
  policy = json_object_get(out->doc, "policy");
  if (policy != NULL && !json_is_string(policy)) {
    return fail_file(out, "\"policy\" must be a name of \"policies\", \"builtin-YEAR\" or "
                          "a policy file's path");
  }
  out->policy = json_string_value(policy);
  json_array_foreach(out->vectors, i, v) {
    const char *id = json_string_value(json_object_get(v, "id"));

    if (id == NULL) {
      return fail_file(out, "vectors[%zu] has no \"id\" string", i);
    }
    for (j = 0; j < i; j++)
      if (strcmp(id, json_string_value(json_object_get(json_array_get(out->vectors, j),
                                                       "id"))) == 0) {
        return fail_file(out, "vector id \"%s\" is used twice (vectors[%zu] and [%zu])", id,
                         j, i);
      }
    /* Not a string would run the case under the file's policy unsaid. */
    policy = json_object_get(v, "policy");
    if (policy != NULL && !json_is_string(policy)) {
      return fail_file(out, "vector %s: \"policy\" must be a name of \"policies\", "
                            "\"builtin-YEAR\" or a policy file's path",
                       id);
    }
  }
  if (load_named(out) != 0)
    return -1;
  return 0;
}

void cases_free(cases_file *f)
{
  size_t i;

  for (i = 0; i < f->named_count; i++)
    oi_policy_free(f->named[i].policy);
  free(f->named);
  f->named = NULL;
  f->named_count = 0;
  json_decref(f->doc);
  f->doc = NULL;
  f->vectors = NULL;
  f->defaults = NULL;
}

/* "builtin-" and a year of 1 to 4 digits, as cli_load_policy() reads it. */
static int is_builtin(const char *ref)
{
  size_t n = strlen(ref), i;

  if (strncmp(ref, "builtin-", 8) != 0 || n == 8 || n > 12)
    return 0;
  for (i = 8; i < n; i++)
    if (ref[i] < '0' || ref[i] > '9')
      return 0;
  return 1;
}

const char *cases_policy_ref(const cases_file *f, json_t *v, const oi_policy **named, char *buf,
                             size_t size)
{
  const char *ref = json_string_value(json_object_get(v, "policy"));
  size_t i;

  *named = NULL;
  if (ref == NULL)
    ref = f->policy;
  if (ref == NULL)
    return NULL;
  /* A name of the file's "policies" wins over the other readings, so that
   * the shared vectors' names mean what their runners take them to mean. */
  for (i = 0; i < f->named_count; i++)
    if (strcmp(f->named[i].name, ref) == 0) {
      *named = f->named[i].policy;
      return NULL;
    }
  if (is_builtin(ref) || ref[0] == '/')
    return ref;
  snprintf(buf, size, "%s/%s", f->dir, ref);
  return buf;
}

int cases_since(cases_run *r, int version, const char *what)
{
  if (r->file->version >= version)
    return 0;
  return cases_fail(r, "%s is of version %d of the format, the file says version %d", what,
                    version, r->file->version);
}

static int listed(const char *const *names, const char *key)
{
  size_t i;

  for (i = 0; names != NULL && names[i] != NULL; i++)
    if (strcmp(names[i], key) == 0)
      return 1;
  return 0;
}

int cases_members(cases_run *r, json_t *o, const char *what, const char *const *known,
                  const char *const *known_v2)
{
  const char *key;
  json_t *v;
  char member[160];

  json_object_foreach(o, key, v) {
    if (listed(known, key))
      continue;
    if (!listed(known_v2, key))
      return cases_fail(r, "%s has an unknown member \"%s\"", what, key);
    snprintf(member, sizeof member, "\"%.100s\"", key);
    if (cases_since(r, 2, member) != 0)
      return -1;
  }
  return 0;
}

/* ---- values ------------------------------------------------------------ */

int cases_member(cases_run *r, json_t *o, const char *key, json_t **out)
{
  *out = json_is_object(o) ? json_object_get(o, key) : NULL;
  if (*out == NULL)
    return cases_fail(r, "no \"%s\"", key);
  return 0;
}

int cases_string(cases_run *r, json_t *o, const char *key, const char **out)
{
  json_t *v;

  if (cases_member(r, o, key, &v) != 0)
    return -1;
  if (json_is_null(v)) {
    *out = NULL;
    return 0;
  }
  if (!json_is_string(v))
    return cases_fail(r, "\"%s\" is not a string", key);
  *out = json_string_value(v);
  return 0;
}

int cases_integer(cases_run *r, json_t *o, const char *key, long long *out)
{
  json_t *v;

  if (cases_member(r, o, key, &v) != 0)
    return -1;
  if (!json_is_integer(v))
    return cases_fail(r, "\"%s\" is not an integer", key);
  *out = (long long)json_integer_value(v);
  return 0;
}

static int int_field(cases_run *r, json_t *o, const char *key, int *out)
{
  long long v;

  if (cases_integer(r, o, key, &v) != 0)
    return -1;
  if (v < -2147483647LL - 1 || v > 2147483647LL)
    return cases_fail(r, "\"%s\" is out of range", key);
  *out = (int)v;
  return 0;
}

static int flag(cases_run *r, json_t *o, const char *key, int *out)
{
  json_t *v;

  if (cases_member(r, o, key, &v) != 0)
    return -1;
  if (!json_is_boolean(v))
    return cases_fail(r, "\"%s\" is not true or false", key);
  *out = json_is_true(v) ? 1 : 0;
  return 0;
}

/* A value the library's parser rejects is a broken case, said with the
 * library's own message (which lists the accepted spellings). */
static int parsed(cases_run *r, const char *key, oi_status st, const oi_error *err)
{
  if (st == OI_OK)
    return 0;
  return cases_fail(r, "\"%s\": %s", key, err->message);
}

int cases_date(cases_run *r, const char *text, oi_date *out)
{
  oi_error err;

  oi_error_clear(&err);
  if (text == NULL)
    return cases_fail(r, "a date is null");
  return parsed(r, "date", oi_date_parse(text, out, &err), &err);
}

/* A copy of defaults[section] updated with override's fields (either may
 * be NULL), kept until the case ends. */
static json_t *merged(cases_run *r, const char *section, json_t *override)
{
  json_t *base = json_object_get(r->file->defaults, section);
  json_t *m = json_is_object(base) ? json_deep_copy(base) : json_object();

  if (m == NULL || json_array_append_new(r->keep, m) != 0) {
    cases_fail(r, "out of memory");
    return NULL;
  }
  if (override != NULL) {
    if (!json_is_object(override)) {
      cases_fail(r, "\"%s\" is not an object", section);
      return NULL;
    }
    if (json_object_update(m, override) != 0) {
      cases_fail(r, "out of memory");
      return NULL;
    }
  }
  return m;
}

static int read_local(cases_run *r, json_t *override, oi_local *l)
{
  json_t *o = merged(r, "local", override), *receipts;
  const char *country, *form;
  long long number;
  oi_error err;

  *l = (oi_local)OI_LOCAL_INIT;
  oi_error_clear(&err);
  if (o == NULL || cases_integer(r, o, "number", &number) != 0 ||
      cases_string(r, o, "name", &l->name) != 0 || cases_string(r, o, "country", &country) != 0 ||
      int_field(r, o, "district", &l->district) != 0 ||
      cases_string(r, o, "lm_form", &form) != 0)
    return -1;
  /* Absent means null: no receipts on record. */
  receipts = json_object_get(o, "receipts_cents");
  if (number < 0 || number > 4294967295LL)
    return cases_fail(r, "\"number\" is out of range");
  l->number = (uint32_t)number;
  if (country == NULL || form == NULL)
    return cases_fail(r, "\"country\" and \"lm_form\" must be strings");
  if (parsed(r, "country", oi_country_parse(country, &l->country, &err), &err) != 0 ||
      parsed(r, "lm_form", oi_lm_form_parse(form, &l->lm_form, &err), &err) != 0)
    return -1;
  if (receipts != NULL && !json_is_null(receipts)) {
    long long cents;

    if (cases_integer(r, o, "receipts_cents", &cents) != 0)
      return -1;
    l->receipts_known = 1;
    l->receipts_cents = (int64_t)cents;
  }
  return 0;
}

static int read_officer(cases_run *r, json_t *override, oi_officer *off, oi_graduation *grads)
{
  json_t *o = merged(r, "officer", override), *list, *g;
  const char *office;
  oi_error err;
  size_t i;

  *off = (oi_officer)OI_OFFICER_INIT;
  oi_error_clear(&err);
  if (o == NULL || cases_string(r, o, "id", &off->id) != 0 ||
      cases_string(r, o, "office", &office) != 0)
    return -1;
  /* The name may be absent (none) and so may the graduations (none). */
  if (json_object_get(o, "name") != NULL && cases_string(r, o, "name", &off->name) != 0)
    return -1;
  if (office == NULL)
    return cases_fail(r, "\"office\" must be a string");
  if (parsed(r, "office", oi_office_parse(office, &off->office, &err), &err) != 0)
    return -1;
  list = json_object_get(o, "graduations");
  if (list == NULL)
    return 0;
  if (!json_is_array(list) || json_array_size(list) > OI_GRADUATIONS_MAX)
    return cases_fail(r, "\"graduations\" must be a list of at most %d", OI_GRADUATIONS_MAX);
  json_array_foreach(list, i, g) {
    json_t *date = json_object_get(g, "date");

    if (cases_string(r, g, "site", &grads[i].site) != 0)
      return -1;
    memset(&grads[i].date, 0, sizeof grads[i].date);
    if (date != NULL && !json_is_null(date) &&
        cases_date(r, json_string_value(date), &grads[i].date) != 0)
      return -1;
  }
  off->graduations = json_array_size(list) > 0 ? grads : NULL;
  off->graduation_count = json_array_size(list);
  return 0;
}

int cases_read_request(cases_run *r, json_t *input, cases_request *out)
{
  json_t *o = merged(r, "request", input);
  oi_subsidy_request *q = &out->req;
  const char *received;
  oi_error err;

  *q = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
  oi_error_clear(&err);
  if (o == NULL || cases_string(r, o, "id", &q->id) != 0 ||
      cases_string(r, o, "session_id", &q->session_id) != 0 ||
      read_local(r, json_object_get(input, "local"), &q->local) != 0 ||
      read_officer(r, json_object_get(input, "officer"), &q->officer, out->grads) != 0 ||
      cases_string(r, o, "received", &received) != 0 ||
      int_field(r, o, "nights", &q->nights) != 0 ||
      flag(r, o, "attested", &q->attested) != 0 ||
      flag(r, o, "with_application", &q->with_application) != 0 ||
      flag(r, o, "application_signed", &q->application_signed) != 0 ||
      flag(r, o, "request_signed", &q->request_signed) != 0)
    return -1;
  if (received == NULL)
    return cases_fail(r, "\"received\" must be a string");
  return parsed(r, "received", oi_datetime_parse(received, &q->received, &err), &err);
}

int cases_read_application(cases_run *r, json_t *input, oi_application *app,
                           oi_graduation *grads)
{
  json_t *o = merged(r, "application", input);

  *app = (oi_application)OI_APPLICATION_INIT;
  if (o == NULL || cases_string(r, o, "session_id", &app->session_id) != 0 ||
      cases_string(r, o, "course_id", &app->course_id) != 0 ||
      read_local(r, json_object_get(input, "local"), &app->local) != 0 ||
      read_officer(r, json_object_get(input, "officer"), &app->officer, grads) != 0)
    return -1;
  return 0;
}
