/*
 * The vocabulary: the one name of each enumerated value, the spellings
 * people type for it, and the parser that reads them. Documents, messages
 * and programs all go through here, so each table of names exists once.
 *
 * Spellings are compared by a key: ASCII letters folded to lower case, and
 * spaces, tabs, hyphens, underscores and dots dropped, so "Secretary-
 * Treasurer", "secretary treasurer" and "SECRETARY_TREASURER" are one key.
 * The names of clauses, outcomes, reason codes, event types and statuses are
 * not repeated here: their name functions are their tables, read value by
 * value over the small range their values are kept in.
 */
#include <stdio.h>
#include <string.h>

#include "vocab_private.h"
#include "error_private.h"
#include "suggest.h"

/* A value's name, title (or NULL) and other accepted spellings. */
struct spelling {
  int value;
  const char *name;
  const char *title;
  const char *aliases[5];
};

static const struct spelling countries[] = {
  { OI_COUNTRY_US, "US", "United States", { "USA", "United States of America", NULL } },
  { OI_COUNTRY_CA, "CA", "Canada", { "CAN", NULL } },
};

static const struct spelling lm_forms[] = {
  { OI_LM_NONE, "none", NULL, { "no form", "no LM form", NULL } },
  { OI_LM_2, "LM-2", NULL, { "Form LM-2", "2", NULL } },
  { OI_LM_3, "LM-3", NULL, { "Form LM-3", "3", NULL } },
  { OI_LM_4, "LM-4", NULL, { "Form LM-4", "4", NULL } },
};

static const struct spelling offices[] = {
  { OI_OFFICE_NONE, "none", "None", { "no office", NULL } },
  { OI_OFFICE_PRESIDENT, "president", "President", { NULL } },
  { OI_OFFICE_VICE_PRESIDENT, "vice_president", "Vice-President", { "VP", NULL } },
  { OI_OFFICE_SECRETARY, "secretary", "Secretary", { NULL } },
  { OI_OFFICE_TREASURER, "treasurer", "Treasurer", { NULL } },
  { OI_OFFICE_SECRETARY_TREASURER, "secretary_treasurer", "Secretary-Treasurer", { NULL } },
  { OI_OFFICE_BUSINESS_AGENT, "business_agent", "Business Agent", { "BA", NULL } },
  { OI_OFFICE_RECORDING_SECRETARY, "recording_secretary", "Recording Secretary", { NULL } },
  { OI_OFFICE_OTHER, "other", "Other", { NULL } },
};

static const struct spelling course_kinds[] = {
  { OI_COURSE_INSTITUTE, "institute", NULL,
    { "Officer Institute", "Officer Institute 1.0", "1.0", NULL } },
  { OI_COURSE_ADVANCED_ORGANIZING, "advanced_organizing", NULL,
    { "Advanced Organizing 2.0", NULL } },
  { OI_COURSE_ADVANCED_SECRETARY_TREASURER, "advanced_secretary_treasurer", NULL,
    { "Advanced Secretary Treasurer 2.0", NULL } },
};

static const struct spelling severities[] = {
  { OI_SEVERITY_REFUSAL, "refusal", NULL, { NULL } },
  { OI_SEVERITY_WAITLIST, "waitlist", NULL, { NULL } },
  { OI_SEVERITY_NOTE, "note", NULL, { NULL } },
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The name functions of the other modules, over plain ints. */
static const char *outcome_name(int v) { return oi_outcome_name((oi_outcome)v); }
static const char *clause_name(int v) { return oi_clause_id((oi_clause)v); }
static const char *reason_code_name(int v) { return oi_reason_code_name((oi_reason_code)v); }
static const char *event_type_name(int v) { return oi_event_type_name((oi_event_type)v); }
static const char *status_name(int v)
{
  const char *n = oi_status_name((oi_status)v);
  return strcmp(n, "OI_UNKNOWN") != 0 ? n : NULL;
}

/* Values of these enums are kept small and stable; tests/check_vocab.c
 * checks that no name exists outside these ranges. */
struct vocab_type {
  const char *what;            /* for messages: "an office" */
  oi_expect expected;
  const struct spelling *table; /* or NULL: names from name_of over lo..hi */
  size_t count;
  const char *(*name_of)(int value);
  int lo, hi;
  const char *prefix;          /* may be written before the name ("OI_REASON_") */
};

static const struct vocab_type types[] = {
  { "a country", OI_EXPECT_COUNTRY, countries, COUNT(countries), NULL, 0, 0, NULL },
  { "an LM form", OI_EXPECT_LM_FORM, lm_forms, COUNT(lm_forms), NULL, 0, 0, NULL },
  { "an office", OI_EXPECT_OFFICE, offices, COUNT(offices), NULL, 0, 0, NULL },
  { "a kind of course", OI_EXPECT_COURSE_KIND, course_kinds, COUNT(course_kinds), NULL, 0, 0,
    NULL },
  { "an outcome", OI_EXPECT_OUTCOME, NULL, 0, outcome_name, 0, 15, NULL },
  { "a clause", OI_EXPECT_CLAUSE, NULL, 0, clause_name, 0, 63, NULL },
  { "a reason code", OI_EXPECT_REASON_CODE, NULL, 0, reason_code_name, 0, 63, "OI_REASON_" },
  { "a severity", OI_EXPECT_SEVERITY, severities, COUNT(severities), NULL, 0, 0, NULL },
  { "an event type", OI_EXPECT_EVENT_TYPE, NULL, 0, event_type_name, 0, 15, "OI_EVENT_" },
  { "a status", OI_EXPECT_STATUS, NULL, 0, status_name, -31, 0, "OI_" },
};

/* Longest key compared; longer text matches nothing. */
#define KEY_MAX 64

/* The key of a spelling; 0 when it is longer than KEY_MAX. */
static int make_key(const char *s, char key[KEY_MAX + 1])
{
  size_t n = 0;

  for (; *s != '\0'; s++) {
    char c = *s;
    if (c == ' ' || c == '\t' || c == '-' || c == '_' || c == '.')
      continue;
    if (n == KEY_MAX)
      return 0;
    key[n++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
  }
  key[n] = '\0';
  return 1;
}

/* Does the key equal the spelling? With a prefix, the key may also add it
 * to a spelling written without it ("OI_REASON_" and "RECEIVED_LATE") or
 * leave it out of one written with it ("EINVAL" for "OI_EINVAL"). */
static int matches(const struct vocab_type *t, const char *key, const char *spelling)
{
  char k[KEY_MAX + 1], p[KEY_MAX + 1];
  size_t pn;

  if (!make_key(spelling, k))
    return 0;
  if (strcmp(key, k) == 0)
    return 1;
  if (t->prefix == NULL || !make_key(t->prefix, p))
    return 0;
  pn = strlen(p);
  if (strncmp(k, p, pn) == 0)
    return strcmp(k + pn, key) == 0;
  return strncmp(key, p, pn) == 0 && strcmp(key + pn, k) == 0;
}

/* The i-th value of a type and its name; 0 past the last. */
static int value_at(const struct vocab_type *t, size_t i, int *value, const char **name)
{
  if (t->table != NULL) {
    if (i >= t->count)
      return 0;
    *value = t->table[i].value;
    *name = t->table[i].name;
    return 1;
  }
  if (i > (size_t)(t->hi - t->lo))
    return 0;
  *value = t->lo + (int)i;
  *name = t->name_of(*value);
  return 1;
}

static int allowed_value(uint64_t allowed, int v)
{
  return allowed == 0 || (v >= 0 && v < 64 && (allowed & OIP_VALUE_BIT(v)) != 0);
}

/* Every spelling of the value at i: its name, then (table types) its title
 * and aliases. */
static const char *spelling_at(const struct vocab_type *t, size_t i, const char *name,
                               size_t k)
{
  const struct spelling *s;

  if (k == 0)
    return name;
  if (t->table == NULL)
    return NULL;
  s = &t->table[i];
  if (k == 1)
    return s->title != NULL ? s->title : "";
  return k - 2 < COUNT(s->aliases) ? s->aliases[k - 2] : NULL;
}

/* Append "\"name\"" for each allowed value, as many as fit, then ", ...". */
static void list_names(const struct vocab_type *t, uint64_t allowed, char *buf, size_t size)
{
  size_t i, len = 0;
  int value;
  const char *name;

  buf[0] = '\0';
  for (i = 0; value_at(t, i, &value, &name); i++) {
    int n;
    if (name == NULL || !allowed_value(allowed, value))
      continue;
    n = snprintf(buf + len, size - len, "%s\"%s\"", len > 0 ? ", " : "", name);
    if (n < 0 || (size_t)n + 6 >= size - len) {
      snprintf(buf + len, size - len, ", ...");
      return;
    }
    len += (size_t)n;
  }
}

/* The name of the one allowed value closest to key, or NULL. */
static const char *suggest(const struct vocab_type *t, const char *key, uint64_t allowed)
{
  const size_t limit = oip_suggest_limit(strlen(key));
  size_t i, best = (size_t)-1;
  const char *choice = NULL, *name;
  int value, tied = 0;

  for (i = 0; value_at(t, i, &value, &name); i++) {
    const char *s;
    size_t k;
    if (name == NULL || !allowed_value(allowed, value))
      continue;
    for (k = 0; (s = spelling_at(t, i, name, k)) != NULL; k++) {
      char sk[KEY_MAX + 1];
      size_t d;
      if (s[0] == '\0' || !make_key(s, sk))
        continue;
      d = oip_edit_distance(key, sk);
      if (d > limit || d >= strlen(sk))
        continue;
      if (d < best) {
        best = d;
        choice = name;
        tied = 0;
      } else if (d == best && choice != name) {
        tied = 1;
      }
    }
  }
  return tied ? NULL : choice;
}

oi_status oip_vocab_parse(enum oip_vocab type, const char *text, uint64_t allowed, int *out,
                          oi_error *err)
{
  const struct vocab_type *t = &types[type];
  char key[KEY_MAX + 1], names[200];
  const char *name, *meant = NULL;
  size_t i;
  int value, long_text;

  if (text == NULL || out == NULL)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, NULL,
                           text == NULL ? "text" : "out", "the %s pointer is NULL",
                           text == NULL ? "text" : "output");
  long_text = !make_key(text, key);
  for (i = 0; !long_text && key[0] != '\0' && value_at(t, i, &value, &name); i++) {
    const char *s;
    size_t k;
    if (name == NULL || !allowed_value(allowed, value))
      continue;
    for (k = 0; (s = spelling_at(t, i, name, k)) != NULL; k++) {
      if (s[0] != '\0' && matches(t, key, s)) {
        *out = value;
        return OI_OK;
      }
    }
  }
  if (err == NULL)
    return OI_EINVAL;
  list_names(t, allowed, names, sizeof names);
  if (!long_text && key[0] != '\0')
    meant = suggest(t, key, allowed);
  if (meant != NULL)
    oip_fail_expect(err, OI_EINVAL, t->expected, NULL, NULL,
                    "\"%.40s\" is not %s (did you mean \"%s\"?); expected one of %s", text,
                    t->what, meant, names);
  else if (text[0] == '\0')
    oip_fail_expect(err, OI_EINVAL, t->expected, NULL, NULL,
                    "an empty string is not %s; expected one of %s", t->what, names);
  else
    oip_fail_expect(err, OI_EINVAL, t->expected, NULL, NULL,
                    "\"%.40s\" is not %s; expected one of %s", text, t->what, names);
  oip_error_set_suggestion(err, meant);
  return OI_EINVAL;
}

/* ---- the public names and parsers ---------------------------------------- */

static const struct spelling *find(const struct spelling *table, size_t n, int value)
{
  size_t i;

  for (i = 0; i < n; i++)
    if (table[i].value == value)
      return &table[i];
  return NULL;
}

static const char *name_in(const struct spelling *table, size_t n, int value)
{
  const struct spelling *s = find(table, n, value);
  return s != NULL ? s->name : NULL;
}

const char *oi_country_name(oi_country c) { return name_in(countries, COUNT(countries), (int)c); }
const char *oi_lm_form_name(oi_lm_form f) { return name_in(lm_forms, COUNT(lm_forms), (int)f); }
const char *oi_office_name(oi_office o) { return name_in(offices, COUNT(offices), (int)o); }
const char *oi_severity_name(oi_severity s)
{
  return name_in(severities, COUNT(severities), (int)s);
}
const char *oi_course_kind_name(oi_course_kind k)
{
  return name_in(course_kinds, COUNT(course_kinds), (int)k);
}

const char *oi_office_title(oi_office office)
{
  const struct spelling *s = find(offices, COUNT(offices), (int)office);
  return s != NULL ? s->title : NULL;
}

const char *oip_country_adjective(int country)
{
  return country == OI_COUNTRY_US ? "U.S." : country == OI_COUNTRY_CA ? "Canadian" : NULL;
}

/* Each parser reads into an int and converts, so that out is written only
 * on success and only with a value of its enum. */
static oi_status parse_into(enum oip_vocab type, const char *text, int present, int *v,
                            oi_error *err)
{
  return oip_vocab_parse(type, text, 0, present ? v : NULL, err);
}

oi_status oi_country_parse(const char *text, oi_country *out, oi_error *err)
{
  int v = 0;
  oi_status st = parse_into(OIP_VOCAB_COUNTRY, text, out != NULL, &v, err);

  if (st == OI_OK && out != NULL)
    *out = (oi_country)v;
  return st;
}

oi_status oi_lm_form_parse(const char *text, oi_lm_form *out, oi_error *err)
{
  int v = 0;
  oi_status st = parse_into(OIP_VOCAB_LM_FORM, text, out != NULL, &v, err);

  if (st == OI_OK && out != NULL)
    *out = (oi_lm_form)v;
  return st;
}

oi_status oi_office_parse(const char *text, oi_office *out, oi_error *err)
{
  int v = 0;
  oi_status st = parse_into(OIP_VOCAB_OFFICE, text, out != NULL, &v, err);

  if (st == OI_OK && out != NULL)
    *out = (oi_office)v;
  return st;
}

oi_status oi_course_kind_parse(const char *text, oi_course_kind *out, oi_error *err)
{
  int v = 0;
  oi_status st = parse_into(OIP_VOCAB_COURSE_KIND, text, out != NULL, &v, err);

  if (st == OI_OK && out != NULL)
    *out = (oi_course_kind)v;
  return st;
}

oi_status oi_outcome_parse(const char *text, oi_outcome *out, oi_error *err)
{
  int v = 0;
  oi_status st = parse_into(OIP_VOCAB_OUTCOME, text, out != NULL, &v, err);

  if (st == OI_OK && out != NULL)
    *out = (oi_outcome)v;
  return st;
}

oi_status oi_clause_parse(const char *text, oi_clause *out, oi_error *err)
{
  int v = 0;
  oi_status st = parse_into(OIP_VOCAB_CLAUSE, text, out != NULL, &v, err);

  if (st == OI_OK && out != NULL)
    *out = (oi_clause)v;
  return st;
}

oi_status oi_reason_code_parse(const char *text, oi_reason_code *out, oi_error *err)
{
  int v = 0;
  oi_status st = parse_into(OIP_VOCAB_REASON_CODE, text, out != NULL, &v, err);

  if (st == OI_OK && out != NULL)
    *out = (oi_reason_code)v;
  return st;
}

oi_status oi_severity_parse(const char *text, oi_severity *out, oi_error *err)
{
  int v = 0;
  oi_status st = parse_into(OIP_VOCAB_SEVERITY, text, out != NULL, &v, err);

  if (st == OI_OK && out != NULL)
    *out = (oi_severity)v;
  return st;
}

oi_status oi_event_type_parse(const char *text, oi_event_type *out, oi_error *err)
{
  int v = 0;
  oi_status st = parse_into(OIP_VOCAB_EVENT_TYPE, text, out != NULL, &v, err);

  if (st == OI_OK && out != NULL)
    *out = (oi_event_type)v;
  return st;
}

oi_status oi_status_parse(const char *text, oi_status *out, oi_error *err)
{
  int v = 0;
  oi_status st = parse_into(OIP_VOCAB_STATUS, text, out != NULL, &v, err);

  if (st == OI_OK && out != NULL)
    *out = (oi_status)v;
  return st;
}
