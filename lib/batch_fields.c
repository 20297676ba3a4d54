/*
 * A request or an application given as fields, name and text, as the row of
 * a spreadsheet gives it: the names are the members of the element in a
 * requests document ("local.country"), the values are read with the same
 * vocabulary, and the element is checked and kept exactly as a document's.
 * So a reader of any tabular format needs no text-to-value code of its own.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "batch_private.h"
#include "error_private.h"
#include "vocab_private.h"
#include "suggest.h"
#include "strutil.h"

enum field {
  F_ID, F_SESSION, F_COURSE, F_RECEIVED, F_NIGHTS, F_ATTESTED, F_WITH_APPLICATION,
  F_APPLICATION_SIGNED, F_REQUEST_SIGNED, F_LOCAL_NUMBER, F_LOCAL_NAME, F_LOCAL_COUNTRY,
  F_LOCAL_DISTRICT, F_LOCAL_LM_FORM, F_LOCAL_RECEIPTS, F_OFFICER_ID, F_OFFICER_NAME,
  F_OFFICER_OFFICE, F_OFFICER_GRADUATIONS, F_COUNT
};

static const char *const field_names[F_COUNT] = {
  "id", "session", "course", "received", "nights", "attested", "with_application",
  "application_signed", "request_signed", "local.number", "local.name", "local.country",
  "local.district", "local.lm_form", "local.receipts", "officer.id", "officer.name",
  "officer.office", "officer.graduations",
};

/* Which fields each kind has. */
static int has_field(enum oip_kind kind, int f)
{
  if (kind == OIP_REQUEST)
    return f != F_COURSE;
  return f == F_ID || f == F_SESSION || f == F_COURSE || f >= F_LOCAL_NUMBER;
}

/* An element's fields by name; NULL when absent (or empty). */
struct fields {
  const char *value[F_COUNT];
};

static oi_status bad(oi_error *e, oi_expect expected, int f, const char *fmt, ...)
    OIP_PRINTF(4, 5);

static oi_status bad(oi_error *e, oi_expect expected, int f, const char *fmt, ...)
{
  char what[OI_ERROR_MESSAGE_SIZE];
  va_list ap;

  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  return oip_fail_expect(e, OI_ESCHEMA, expected, NULL, field_names[f], "%s", what);
}

/* A parser's error as the field's. */
static oi_status restate(oi_error *e, int f, const oi_error *parse)
{
  oip_fail_expect(e, OI_ESCHEMA, parse->expected, NULL, field_names[f], "%s", parse->message);
  oip_error_set_suggestion(e, parse->suggestion);
  return OI_ESCHEMA;
}

static oi_status collect(enum oip_kind kind, const char *const *names,
                         const char *const *values, size_t count, struct fields *fs,
                         oi_error *e)
{
  int seen[F_COUNT];
  size_t i;
  int f;

  memset(fs, 0, sizeof *fs);
  memset(seen, 0, sizeof seen);
  for (i = 0; i < count; i++) {
    const char *name = names[i] != NULL ? names[i] : "";
    for (f = 0; f < F_COUNT && !(has_field(kind, f) && strcmp(name, field_names[f]) == 0); f++)
      ;
    if (f == F_COUNT) {
      struct oip_suggest sg;
      const char *meant;
      oip_suggest_init(&sg, name);
      for (f = 0; f < F_COUNT; f++)
        if (has_field(kind, f))
          oip_suggest_add(&sg, field_names[f]);
      meant = oip_suggest_result(&sg);
      oip_fail_expect(e, OI_ESCHEMA, OI_EXPECT_FIELD, NULL, NULL,
                      "unknown field \"%.40s\"%s%s%s", name, meant ? "; did you mean \"" : "",
                      meant ? meant : "", meant ? "\"?" : "");
      snprintf(e->field, sizeof e->field, "%.100s", name);
      oip_error_set_suggestion(e, meant);
      return OI_ESCHEMA;
    }
    if (seen[f])
      return bad(e, OI_EXPECT_FIELD, f, "the field is given twice");
    seen[f] = 1;
    if (values[i] == NULL)
      return bad(e, OI_EXPECT_STRING, f, "the value is NULL");
    fs->value[f] = values[i][0] != '\0' ? values[i] : NULL;
  }
  return OI_OK;
}

static oi_status require(const struct fields *fs, int f, oi_error *e)
{
  if (fs->value[f] == NULL)
    return bad(e, OI_EXPECT_VALUE, f, "missing field \"%s\"", field_names[f]);
  return OI_OK;
}

static oi_status text(const struct fields *fs, int f, int required, const char **out,
                      oi_error *e)
{
  oi_status st = required ? require(fs, f, e) : OI_OK;

  *out = fs->value[f];
  return st;
}

static int is_space(char c)
{
  return c == ' ' || c == '\t';
}

/* An integer in min..max, written in decimal digits (surrounding spaces allowed). */
static oi_status integer(const struct fields *fs, int f, int64_t min, int64_t max, int64_t *out,
                         oi_error *e)
{
  const char *s = fs->value[f];
  int64_t v = 0;
  int digits = 0;

  if (s == NULL)
    return require(fs, f, e);
  while (is_space(*s))
    s++;
  for (; *s >= '0' && *s <= '9'; s++, digits++) {
    if (v > (max - (*s - '0')) / 10)
      return bad(e, OI_EXPECT_RANGE, f, "expected %lld..%lld, found \"%.40s\"", (long long)min,
                 (long long)max, fs->value[f]);
    v = v * 10 + (*s - '0');
  }
  while (is_space(*s))
    s++;
  if (digits == 0 || *s != '\0')
    return bad(e, OI_EXPECT_INTEGER, f, "expected a whole number, found \"%.40s\"",
               fs->value[f]);
  if (v < min)
    return bad(e, OI_EXPECT_RANGE, f, "expected %lld..%lld, found %lld", (long long)min,
               (long long)max, (long long)v);
  *out = v;
  return OI_OK;
}

/* true, false, yes, no, y, n, 1, 0, in any case. */
static oi_status flag(const struct fields *fs, int f, int *out, oi_error *e)
{
  static const char *const yes[] = { "true", "yes", "y", "1", NULL };
  static const char *const no[] = { "false", "no", "n", "0", NULL };
  char word[8];
  size_t n = 0, i;
  const char *s = fs->value[f];

  if (s == NULL)
    return require(fs, f, e);
  while (is_space(*s))
    s++;
  for (; *s != '\0' && !is_space(*s) && n < sizeof word - 1; s++)
    word[n++] = (char)(*s >= 'A' && *s <= 'Z' ? *s - 'A' + 'a' : *s);
  word[n] = '\0';
  while (is_space(*s))
    s++;
  for (i = 0; *s == '\0' && yes[i] != NULL; i++) {
    if (strcmp(word, yes[i]) == 0) {
      *out = 1;
      return OI_OK;
    }
    if (strcmp(word, no[i]) == 0) {
      *out = 0;
      return OI_OK;
    }
  }
  return bad(e, OI_EXPECT_BOOLEAN, f,
             "expected true or false (yes/no, y/n, 1/0), found \"%.40s\"", fs->value[f]);
}

static oi_status vocab(const struct fields *fs, int f, enum oip_vocab type, int *out,
                       oi_error *e)
{
  oi_error parse;
  oi_status st = require(fs, f, e);

  if (st == OI_OK && oip_vocab_parse(type, fs->value[f], 0, out, &parse) != OI_OK)
    return restate(e, f, &parse);
  return st;
}

static oi_status read_local(const struct fields *fs, enum oip_kind kind, oi_local *l,
                            oi_error *e)
{
  oi_error parse;
  int64_t v = 0;
  int c = 0;
  oi_status st = integer(fs, F_LOCAL_NUMBER, 1, UINT32_MAX, &v, e);

  if (st != OI_OK)
    return st;
  l->number = (uint32_t)v;
  st = text(fs, F_LOCAL_NAME, 1, &l->name, e);
  if (st == OI_OK && (st = vocab(fs, F_LOCAL_COUNTRY, OIP_VOCAB_COUNTRY, &c, e)) == OI_OK)
    l->country = (oi_country)c;
  if (st == OI_OK && (st = integer(fs, F_LOCAL_DISTRICT, 1, OI_DISTRICT_COUNT, &v, e)) == OI_OK)
    l->district = (int)v;
  if (st != OI_OK)
    return st;
  /* As in a document: a request states what S2 reads of its local. */
  l->lm_form = OI_LM_NONE;
  if (fs->value[F_LOCAL_LM_FORM] != NULL) {
    if ((st = vocab(fs, F_LOCAL_LM_FORM, OIP_VOCAB_LM_FORM, &c, e)) != OI_OK)
      return st;
    l->lm_form = (oi_lm_form)c;
  } else if (kind == OIP_REQUEST && l->country == OI_COUNTRY_US) {
    return bad(e, OI_EXPECT_VALUE, F_LOCAL_LM_FORM,
               "missing field \"local.lm_form\": a U.S. local states the LM form it files "
               "(S2), \"none\" if none");
  }
  l->receipts_known = 0;
  l->receipts_cents = 0;
  if (fs->value[F_LOCAL_RECEIPTS] == NULL) {
    if (kind == OIP_REQUEST && l->country == OI_COUNTRY_CA)
      return bad(e, OI_EXPECT_VALUE, F_LOCAL_RECEIPTS,
                 "missing field \"local.receipts\": a Canadian local states its gross yearly "
                 "receipts (S2), \"none\" if none are on record");
    return OI_OK;
  }
  if (oip_equal_nocase(fs->value[F_LOCAL_RECEIPTS], "none"))
    return OI_OK;
  if (oi_money_parse(fs->value[F_LOCAL_RECEIPTS], &l->receipts_cents, &parse) != OI_OK)
    return restate(e, F_LOCAL_RECEIPTS, &parse);
  if (l->receipts_cents < 0)
    return bad(e, OI_EXPECT_RANGE, F_LOCAL_RECEIPTS, "receipts may not be negative");
  l->receipts_known = 1;
  return OI_OK;
}

/* Room for the sites of every graduation an officer may claim. */
struct graduations {
  oi_graduation g[OI_GRADUATIONS_MAX];
  char sites[OI_GRADUATIONS_MAX][OI_NAME_MAX + 1];
};

/* Ten characters shaped NNNN-NN-NN. */
static int looks_like_date(const char *s)
{
  int i;

  for (i = 0; i < 10; i++)
    if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
      return 0;
  return 1;
}

/* "SITE[ YYYY-MM-DD]; SITE..." */
static oi_status read_graduations(const struct fields *fs, oi_officer *o,
                                  struct graduations *gs, oi_error *e)
{
  const char *s = fs->value[F_OFFICER_GRADUATIONS];
  size_t n = 0;

  o->graduations = NULL;
  o->graduation_count = 0;
  while (s != NULL && *s != '\0') {
    const char *end = strchr(s, ';'), *b = s, *t;
    size_t len;

    if (end == NULL)
      end = s + strlen(s);
    s = *end == ';' ? end + 1 : end;
    while (b < end && is_space(*b))
      b++;
    t = end;
    while (t > b && is_space(t[-1]))
      t--;
    if (t == b)
      continue;
    if (n == OI_GRADUATIONS_MAX)
      return bad(e, OI_EXPECT_LIMIT, F_OFFICER_GRADUATIONS, "at most %d graduations",
                 OI_GRADUATIONS_MAX);
    memset(&gs->g[n].date, 0, sizeof gs->g[n].date);
    /* A date at the end, after a space, is the day of graduation. */
    if (t - b > 11 && is_space(t[-11]) && looks_like_date(t - 10)) {
      char day[11];
      oi_error parse;
      memcpy(day, t - 10, 10);
      day[10] = '\0';
      if (oi_date_parse(day, &gs->g[n].date, &parse) != OI_OK)
        return restate(e, F_OFFICER_GRADUATIONS, &parse);
      t -= 11;
      while (t > b && is_space(t[-1]))
        t--;
    }
    len = (size_t)(t - b);
    if (len > OI_NAME_MAX)
      return bad(e, OI_EXPECT_LENGTH, F_OFFICER_GRADUATIONS,
                 "graduation %zu: a site of more than %d bytes", n + 1, OI_NAME_MAX);
    memcpy(gs->sites[n], b, len);
    gs->sites[n][len] = '\0';
    gs->g[n].site = gs->sites[n];
    n++;
  }
  o->graduations = n > 0 ? gs->g : NULL;
  o->graduation_count = n;
  return OI_OK;
}

static oi_status read_officer(const struct fields *fs, oi_officer *o, struct graduations *gs,
                              oi_error *e)
{
  int c = 0;
  oi_status st = text(fs, F_OFFICER_ID, 1, &o->id, e);

  if (st == OI_OK)
    st = text(fs, F_OFFICER_NAME, 0, &o->name, e);
  if (st == OI_OK && (st = vocab(fs, F_OFFICER_OFFICE, OIP_VOCAB_OFFICE, &c, e)) == OI_OK)
    o->office = (oi_office)c;
  if (st == OI_OK)
    st = read_graduations(fs, o, gs, e);
  return st;
}

static oi_status read_request(const struct fields *fs, oi_subsidy_request *r,
                              struct graduations *gs, oi_error *e)
{
  oi_error parse;
  int64_t v = 0;
  oi_status st = text(fs, F_ID, 1, &r->id, e);

  if (st == OI_OK)
    st = text(fs, F_SESSION, 1, &r->session_id, e);
  if (st == OI_OK && (st = require(fs, F_RECEIVED, e)) == OI_OK &&
      oi_datetime_parse(fs->value[F_RECEIVED], &r->received, &parse) != OI_OK)
    st = restate(e, F_RECEIVED, &parse);
  if (st == OI_OK && (st = integer(fs, F_NIGHTS, 1, INT32_MAX, &v, e)) == OI_OK)
    r->nights = (int)v;
  if (st == OI_OK)
    st = flag(fs, F_ATTESTED, &r->attested, e);
  if (st == OI_OK)
    st = flag(fs, F_WITH_APPLICATION, &r->with_application, e);
  if (st == OI_OK)
    st = flag(fs, F_APPLICATION_SIGNED, &r->application_signed, e);
  if (st == OI_OK)
    st = flag(fs, F_REQUEST_SIGNED, &r->request_signed, e);
  if (st == OI_OK)
    st = read_local(fs, OIP_REQUEST, &r->local, e);
  if (st == OI_OK)
    st = read_officer(fs, &r->officer, gs, e);
  return st;
}

static oi_status read_application(const struct fields *fs, oi_application *a, const char **id,
                                  struct graduations *gs, oi_error *e)
{
  oi_status st = text(fs, F_ID, 0, id, e);

  if (st == OI_OK)
    st = text(fs, F_SESSION, 1, &a->session_id, e);
  if (st == OI_OK)
    st = text(fs, F_COURSE, 1, &a->course_id, e);
  if (st == OI_OK)
    st = read_local(fs, OIP_APPLICATION, &a->local, e);
  if (st == OI_OK)
    st = read_officer(fs, &a->officer, gs, e);
  return st;
}

static oi_status add(oi_batch *b, enum oip_kind kind, const char *const *names,
                     const char *const *values, size_t count, int line, size_t *index_out,
                     oi_error *err)
{
  struct graduations gs;
  struct fields fs;
  oi_subsidy_request r;
  oi_application a;
  const char *id = NULL;
  size_t index;
  oi_error e;
  oi_status st;

  if (b == NULL || (count > 0 && (names == NULL || values == NULL)))
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, NULL,
                           b == NULL ? "batch" : names == NULL ? "names" : "values",
                           "a required pointer is NULL");
  index = b->lists[kind].count;
  r = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
  a = (oi_application)OI_APPLICATION_INIT;
  st = collect(kind, names, values, count, &fs, &e);
  if (st == OI_OK)
    st = kind == OIP_REQUEST ? read_request(&fs, &r, &gs, &e)
                             : read_application(&fs, &a, &id, &gs, &e);
  if (st == OI_OK)
    st = kind == OIP_REQUEST ? oip_batch_check_request(b, &r, &e)
                             : oip_batch_check_application(b, &a, id, &e);
  if (st == OI_OK) {
    st = oip_batch_keep(b, kind, kind == OIP_REQUEST ? (const void *)&r : &a, id, err);
  } else {
    oi_error placed;
    oip_batch_place_error(&placed, &e, kind, index, line, 0, 0);
    if (st == OI_ENOMEM || b->mode == OI_BATCH_ALL_OR_NOTHING) {
      if (err != NULL)
        *err = placed;
      return st;
    }
    st = oip_batch_keep_error(b, kind, &placed, err);
  }
  if (st == OI_OK && index_out != NULL)
    *index_out = index;
  return st;
}

oi_status oi_batch_add_request(oi_batch *b, const char *const *names, const char *const *values,
                               size_t count, int line, size_t *index_out, oi_error *err)
{
  return add(b, OIP_REQUEST, names, values, count, line, index_out, err);
}

oi_status oi_batch_add_application(oi_batch *b, const char *const *names,
                                   const char *const *values, size_t count, int line,
                                   size_t *index_out, oi_error *err)
{
  return add(b, OIP_APPLICATION, names, values, count, line, index_out, err);
}
