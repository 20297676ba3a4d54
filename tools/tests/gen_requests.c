/*
 * tools/tests/gen_requests.c: the same requests, deterministically, as a
 * CSV file for the officerinst program and as the library's structures, so
 * that a test can check that `officerinst allocate --format json` decides
 * a file exactly as oi_ledger_submit_many() decides its requests.
 *
 *   gen-requests csv N SEED FILE        write N requests as CSV
 *   gen-requests compare N SEED FILE    enter the same N requests with
 *                                       oi_ledger_submit_many() under the
 *                                       built-in 2017 policy and compare
 *                                       every decision with the decisions
 *                                       document FILE (the program's output)
 *
 * The CSV is written the way people write it: each value in one of the
 * spellings a person types ("Secretary-Treasurer", "secretary treasurer",
 * "$125,000.00", "125000", "2017-03-01 9:05", "yes"/"TRUE"/"1"), local
 * names with commas and quotes (quoted as RFC 4180 says), officer names in
 * UTF-8. The structures are built from the same random choices with the
 * library's enumerations directly, so the comparison does not go through
 * the parser it tests.
 *
 * Exit 0 when every decision matches, 1 on a mismatch (the first few are
 * printed), 99 on a hard error.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <officerinst.h>

/* xorshift64*: the same stream on every machine. */
struct rng {
  uint64_t s;
};

static uint64_t next(struct rng *g)
{
  g->s ^= g->s >> 12;
  g->s ^= g->s << 25;
  g->s ^= g->s >> 27;
  return g->s * 2685821657736338717ULL;
}

static int pick(struct rng *g, int lo, int hi)
{
  return lo + (int)(next(g) % (uint64_t)(hi - lo + 1));
}

/* Spellings of each value and what they mean. */
struct spelling {
  const char *text;
  int value;
};

static const struct spelling offices[] = {
  { "President", OI_OFFICE_PRESIDENT },
  { "vice-president", OI_OFFICE_VICE_PRESIDENT },
  { "Secretary", OI_OFFICE_SECRETARY },
  { "TREASURER", OI_OFFICE_TREASURER },
  { "Secretary-Treasurer", OI_OFFICE_SECRETARY_TREASURER },
  { "secretary treasurer", OI_OFFICE_SECRETARY_TREASURER },
  { "Business Agent", OI_OFFICE_BUSINESS_AGENT },
  { "recording_secretary", OI_OFFICE_RECORDING_SECRETARY },
  { "other", OI_OFFICE_OTHER },
};
static const struct spelling forms[] = {
  { "LM-3", OI_LM_3 }, { "lm3", OI_LM_3 }, { "LM-4", OI_LM_4 }, { "LM 4", OI_LM_4 },
  { "LM-2", OI_LM_2 }, { "none", OI_LM_NONE },
};
static const struct spelling flags[] = {
  { "yes", 1 }, { "TRUE", 1 }, { "1", 1 }, { "y", 1 }, { "no", 0 }, { "false", 0 },
};
static const char *const us_spellings[] = { "US", "USA", "United States", "u.s." };
static const char *const ca_spellings[] = { "CA", "Canada", "can" };
static const char *const sessions[] = { "OI-2017-MD", "OI-2017-CO", "OI-2017-FL",
                                        "ADV-2017-MD" };
static const char *const given[] = { "Ana", "Ben", "Carla", "Dev", "Zoë", "José", "Ngọc",
                                     "Søren", "Amélie", "Łukasz" };
static const char *const family[] = { "Ortiz", "Kowalski", "Reyes", "Patel", "Núñez",
                                      "Müller", "O'Brien", "Nguyễn", "Øster", "Smith" };

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* One request: the CSV fields and the structure, from the same choices. */
struct gen {
  char id[16], session[16], received[32], nights[8], flag_text[4][8];
  char number[12], local_name[64], country[16], district[4], form[8], receipts[24];
  char officer_id[32], officer_name[64], office[24];
  oi_subsidy_request r;
};

static void money_text(int64_t cents, int style, char *buf, size_t size)
{
  if (style == 0)
    oi_money_format(cents, buf, size); /* "$125,000.00" */
  else if (style == 1)
    snprintf(buf, size, "%lld.%02lld", (long long)(cents / 100), (long long)(cents % 100));
  else if (cents % 100 == 0)
    snprintf(buf, size, "%lld", (long long)(cents / 100));
  else
    snprintf(buf, size, "%lld.%02lld", (long long)(cents / 100), (long long)(cents % 100));
}

static void generate(struct rng *g, size_t i, size_t n, struct gen *x)
{
  const int officers = (int)(n / 3 > 10 ? n / 3 : 10);
  const int local = pick(g, 1, 400), officer = pick(g, 1, officers);
  const int session = pick(g, 0, 20) == 0 ? 3 : pick(g, 0, 2);
  oi_date day;
  int k;

  memset(x, 0, sizeof *x);
  x->r = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
  snprintf(x->id, sizeof x->id, "Q%06zu", i + 1);
  snprintf(x->session, sizeof x->session, "%s", sessions[session]);
  oi_date_add_days((oi_date){ 2016, 9, 1 }, pick(g, 0, 400), &day, NULL);
  x->r.received.date = day;
  x->r.received.hour = pick(g, 0, 23);
  x->r.received.minute = pick(g, 0, 59);
  x->r.received.second = pick(g, 0, 3) == 0 ? pick(g, 0, 59) : 0;
  if (x->r.received.second != 0)
    snprintf(x->received, sizeof x->received, "%04d-%02d-%02dT%02d:%02d:%02d", day.year,
             day.month, day.day, x->r.received.hour, x->r.received.minute,
             x->r.received.second);
  else
    snprintf(x->received, sizeof x->received, "%04d-%02d-%02d %d:%02d", day.year, day.month,
             day.day, x->r.received.hour, x->r.received.minute);
  x->r.nights = pick(g, 1, 8);
  snprintf(x->nights, sizeof x->nights, "%d", x->r.nights);
  for (k = 0; k < 4; k++) {
    /* Mostly yes: a flag is missing one time in twenty-five. */
    const struct spelling *f = &flags[pick(g, 0, 24) == 0 ? pick(g, 4, 5) : pick(g, 0, 3)];

    snprintf(x->flag_text[k], sizeof x->flag_text[k], "%s", f->text);
    *(k == 0 ? &x->r.attested
      : k == 1 ? &x->r.with_application
      : k == 2 ? &x->r.application_signed
               : &x->r.request_signed) = f->value;
  }

  x->r.local.number = (uint32_t)local;
  snprintf(x->number, sizeof x->number, "%d", local);
  if (local % 7 == 0)
    snprintf(x->local_name, sizeof x->local_name, "IATSE Local %d, \"Stagehands\"", local);
  else if (local % 5 == 0)
    snprintf(x->local_name, sizeof x->local_name, "Local %d, Wardrobe", local);
  else
    snprintf(x->local_name, sizeof x->local_name, "IATSE Local %d", local);
  x->r.local.name = x->local_name;
  x->r.local.district = 1 + local % OI_DISTRICT_COUNT;
  snprintf(x->district, sizeof x->district, "%d", x->r.local.district);
  if (local > 340) {
    const int64_t threshold = 25000000, cents = local % 4 == 0   ? threshold
                                                : local % 4 == 1 ? threshold - 1
                                                                 : (int64_t)local * 31337;

    x->r.local.country = OI_COUNTRY_CA;
    snprintf(x->country, sizeof x->country, "%s",
             ca_spellings[(size_t)local % COUNT(ca_spellings)]);
    if (local % 9 == 0) {
      snprintf(x->receipts, sizeof x->receipts, "none");
    } else {
      x->r.local.receipts_known = 1;
      x->r.local.receipts_cents = cents;
      money_text(cents, local % 3, x->receipts, sizeof x->receipts);
    }
  } else {
    const struct spelling *f = &forms[local % 11 == 0 ? 4 + local % 2 : local % 4];

    x->r.local.country = OI_COUNTRY_US;
    snprintf(x->country, sizeof x->country, "%s",
             us_spellings[(size_t)local % COUNT(us_spellings)]);
    x->r.local.lm_form = (oi_lm_form)f->value;
    snprintf(x->form, sizeof x->form, "%s", f->text);
  }

  snprintf(x->officer_id, sizeof x->officer_id, "off-%05d", officer);
  x->r.officer.id = x->officer_id;
  if (officer % 8 != 0) {
    snprintf(x->officer_name, sizeof x->officer_name, "%s %s",
             given[(size_t)officer % COUNT(given)], family[(size_t)officer / 7 % COUNT(family)]);
    x->r.officer.name = x->officer_name;
  }
  {
    const struct spelling *o = &offices[(size_t)pick(g, 0, (int)COUNT(offices) - 1)];

    snprintf(x->office, sizeof x->office, "%s", o->text);
    x->r.officer.office = (oi_office)o->value;
  }
  x->r.id = x->id;
  x->r.session_id = x->session;
}

/* RFC 4180: quote a field that holds a comma, a quote or a line break. */
static void field(FILE *out, const char *s, int last)
{
  if (strpbrk(s, ",\"\r\n") != NULL) {
    fputc('"', out);
    for (; *s != '\0'; s++) {
      if (*s == '"')
        fputc('"', out);
      fputc(*s, out);
    }
    fputc('"', out);
  } else {
    fputs(s, out);
  }
  fputs(last ? "\r\n" : ",", out);
}

static int write_csv(size_t n, uint64_t seed, const char *path)
{
  struct rng g = { seed * 2654435761u + 1 };
  struct gen x;
  FILE *out = fopen(path, "wb");
  size_t i;

  if (out == NULL) {
    perror(path);
    return 99;
  }
  /* Not the order of the documentation: a header may name the columns in
   * any order. */
  fputs("id,received,session,officer.id,officer.name,officer.office,local.number,local.name,"
        "local.country,local.district,local.lm_form,local.receipts,nights,attested,"
        "with_application,application_signed,request_signed\r\n",
        out);
  for (i = 0; i < n; i++) {
    generate(&g, i, n, &x);
    field(out, x.id, 0);
    field(out, x.received, 0);
    field(out, x.session, 0);
    field(out, x.officer_id, 0);
    field(out, x.officer_name, 0);
    field(out, x.office, 0);
    field(out, x.number, 0);
    field(out, x.local_name, 0);
    field(out, x.country, 0);
    field(out, x.district, 0);
    field(out, x.form, 0);
    field(out, x.receipts, 0);
    field(out, x.nights, 0);
    field(out, x.flag_text[0], 0);
    field(out, x.flag_text[1], 0);
    field(out, x.flag_text[2], 0);
    field(out, x.flag_text[3], 1);
  }
  if (fclose(out) != 0) {
    perror(path);
    return 99;
  }
  return 0;
}

static int mismatches;

static void mismatch(size_t i, const char *what, const char *got, const char *want)
{
  if (mismatches++ < 10)
    fprintf(stderr, "request %zu: %s: the program says %s, the library %s\n", i, what, got,
            want);
}

static const char *str(json_t *o, const char *key)
{
  const char *s = json_string_value(json_object_get(o, key));
  return s != NULL ? s : "(null)";
}

static void compare_reasons(size_t i, const oi_policy *p, json_t *got, const oi_decision *d)
{
  size_t k;

  if (json_array_size(got) != d->reason_count) {
    char a[16], b[16];

    snprintf(a, sizeof a, "%zu", json_array_size(got));
    snprintf(b, sizeof b, "%zu", d->reason_count);
    mismatch(i, "number of reasons", a, b);
    return;
  }
  for (k = 0; k < d->reason_count; k++) {
    const oi_reason *want = oi_decision_reason(d, k);
    json_t *r = json_array_get(got, k), *values = json_object_get(r, "values");
    char message[512];
    size_t v;

    if (want == NULL) {
      mismatch(i, "a reason", "one", "none");
      return;
    }
    oi_reason_format(p, want, message, sizeof message);
    if (strcmp(str(r, "clause"), oi_clause_id(want->clause)) != 0)
      mismatch(i, "clause", str(r, "clause"), oi_clause_id(want->clause));
    if (strcmp(str(r, "code"), oi_reason_code_name(want->code)) != 0)
      mismatch(i, "code", str(r, "code"), oi_reason_code_name(want->code));
    if (strcmp(str(r, "message"), message) != 0)
      mismatch(i, "message", str(r, "message"), message);
    for (v = 0; v < 4; v++)
      if (json_integer_value(json_array_get(values, v)) != want->value[v])
        mismatch(i, "a reason's values", "other values", "these");
  }
}

static int compare(size_t n, uint64_t seed, const char *path)
{
  struct rng g = { seed * 2654435761u + 1 };
  struct gen *xs = calloc(n, sizeof *xs);
  oi_subsidy_request *reqs = calloc(n, sizeof *reqs);
  oi_decision *d = calloc(n, sizeof *d);
  oi_policy *p = NULL;
  oi_ledger *l = NULL;
  json_error_t jerr;
  json_t *doc, *list;
  oi_error err;
  size_t i;

  if (xs == NULL || reqs == NULL || d == NULL)
    return 99;
  for (i = 0; i < n; i++) {
    generate(&g, i, n, &xs[i]);
    reqs[i] = xs[i].r;
    d[i] = (oi_decision)OI_DECISION_INIT;
  }
  if (oi_policy_builtin(2017, &p, &err) != OI_OK || oi_ledger_new(p, &l, &err) != OI_OK ||
      oi_ledger_submit_many(l, reqs, n, sizeof reqs[0], d, sizeof d[0], &err) != OI_OK) {
    fprintf(stderr, "the library: %s: %s\n", err.path, err.message);
    return 99;
  }
  doc = json_load_file(path, 0, &jerr);
  if (doc == NULL) {
    fprintf(stderr, "%s:%d:%d: %s\n", path, jerr.line, jerr.column, jerr.text);
    return 99;
  }
  list = json_object_get(doc, "requests");
  if (json_array_size(list) != n) {
    fprintf(stderr, "%s: %zu decisions, expected %zu\n", path, json_array_size(list), n);
    return 1;
  }
  for (i = 0; i < n; i++) {
    json_t *e = json_array_get(list, i);
    const char *payee = json_string_value(json_object_get(e, "payee"));
    char a[16], b[16];

    if (json_object_get(e, "error") != NULL) {
      mismatch(i, "the row", "an error", "a request");
      continue;
    }
    if (strcmp(str(e, "request"), reqs[i].id) != 0)
      mismatch(i, "id", str(e, "request"), reqs[i].id);
    if (strcmp(str(e, "outcome"), oi_outcome_name(d[i].outcome)) != 0)
      mismatch(i, "outcome", str(e, "outcome"), oi_outcome_name(d[i].outcome));
    if (strcmp(str(e, "session"), d[i].session_id) != 0)
      mismatch(i, "session", str(e, "session"), d[i].session_id);
    snprintf(a, sizeof a, "%lld", (long long)json_integer_value(json_object_get(e, "nights")));
    snprintf(b, sizeof b, "%d", d[i].nights);
    if (strcmp(a, b) != 0)
      mismatch(i, "nights", a, b);
    if ((payee == NULL) != (d[i].payee == NULL) ||
        (payee != NULL && strcmp(payee, d[i].payee) != 0))
      mismatch(i, "payee", payee != NULL ? payee : "none",
               d[i].payee != NULL ? d[i].payee : "none");
    compare_reasons(i, p, json_object_get(e, "reasons"), &d[i]);
  }
  {
    size_t by[OI_OUTCOME_NOT_GRADUATED + 1] = { 0 };

    for (i = 0; i < n; i++)
      by[d[i].outcome]++;
    printf("%zu requests compared: %zu awarded, %zu waitlisted, %zu refused; %d mismatches\n", n,
           by[OI_OUTCOME_AWARDED], by[OI_OUTCOME_WAITLISTED], by[OI_OUTCOME_REFUSED],
           mismatches);
  }
  json_decref(doc);
  oi_ledger_free(l);
  oi_policy_free(p);
  free(d);
  free(reqs);
  free(xs);
  return mismatches == 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
  char *end;
  unsigned long long n, seed;

  if (argc != 5 || (strcmp(argv[1], "csv") != 0 && strcmp(argv[1], "compare") != 0)) {
    fprintf(stderr, "usage: %s csv|compare N SEED FILE\n", argv[0]);
    return 99;
  }
  n = strtoull(argv[2], &end, 10);
  if (*end != '\0' || n == 0)
    return 99;
  seed = strtoull(argv[3], &end, 10);
  if (*end != '\0')
    return 99;
  if (strcmp(argv[1], "csv") == 0)
    return write_csv((size_t)n, (uint64_t)seed, argv[4]);
  return compare((size_t)n, (uint64_t)seed, argv[4]);
}
