/*
 * tools/verb_report.c: officerinst report --ledger FILE: a ledger per
 * session (seats, awards, the waitlist in order, refusals with their
 * reasons, nights and payee), per local (awards against the S5 cap, per
 * calendar year) and per district. Every figure is the ledger's own answer
 * to a query; nothing is recounted here but the list of locals.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"

static const char *const verb = "report";

static void help(void)
{
  printf("Usage: %s report --ledger FILE [OPTION]...\n"
         "Report a ledger: per session the seats, the awards, the waitlist in order,\n"
         "the refusals with their reasons, the nights paid and to whom; per local the\n"
         "awards of each year against the local's cap (S5); per district the awards.\n\n"
         "  -l, --ledger FILE    the ledger (required)\n"
         "  -p, --policy POLICY  the policy the ledger was made under: a policy\n"
         "                       document, or builtin-YEAR (default builtin-2017)\n"
         "  -f, --format FORMAT  text (default); json (the whole report); csv (one\n"
         "                       row per request, with its session, status and place\n"
         "                       in the waitlist)\n"
         "  -h, --help           show this help\n\n"
         "Exit status: 0 ok, 2 usage, 3 a file or policy error.\n",
         cli_program);
}

static const oi_outcome statuses[] = { OI_OUTCOME_AWARDED, OI_OUTCOME_WAITLISTED,
                                       OI_OUTCOME_REFUSED, OI_OUTCOME_WITHDRAWN };
#define STATUS_COUNT (sizeof statuses / sizeof statuses[0])

/* One local in one calendar year. */
struct local_year {
  uint32_t number;
  int year;
  const char *name;
  int district;
  size_t requests;
  size_t awarded; /* the ledger's S5 count */
};

struct report {
  const oi_policy *policy;
  const oi_ledger *ledger;
  oi_policy_numbers numbers;
  struct local_year *locals;
  size_t local_count;
};

static int by_local_year(const void *a, const void *b)
{
  const struct local_year *x = a, *y = b;

  if (x->number != y->number)
    return x->number < y->number ? -1 : 1;
  return (x->year > y->year) - (x->year < y->year);
}

/* The locals that have requests, each year apart; -1 when out of memory. */
static int gather_locals(struct report *r, oi_error *err)
{
  size_t n = oi_ledger_count(r->ledger), i, k = 0;
  struct local_year *all = calloc(n > 0 ? n : 1, sizeof *all);

  if (all == NULL)
    return -1;
  for (i = 0; i < n; i++) {
    oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;

    if (oi_ledger_get_by_number(r->ledger, (uint64_t)i + 1, &e, err) != OI_OK) {
      free(all);
      return -1;
    }
    all[i].number = e.local_number;
    all[i].year = e.year;
    all[i].name = e.local_name;
    all[i].district = e.district;
    all[i].requests = 1;
  }
  qsort(all, n, sizeof *all, by_local_year);
  for (i = 0; i < n; i++) {
    if (k > 0 && all[k - 1].number == all[i].number && all[k - 1].year == all[i].year) {
      all[k - 1].requests++;
      continue;
    }
    all[k++] = all[i];
  }
  for (i = 0; i < k; i++)
    if (oi_ledger_local_awards(r->ledger, all[i].number, all[i].year, NULL, 0,
                               sizeof(oi_ledger_entry), &all[i].awarded, err) != OI_OK) {
      free(all);
      return -1;
    }
  r->locals = all;
  r->local_count = k;
  return 0;
}

/* A session's entries of one status, in the ledger's order; *out is NULL
 * when there are none. -1 on error. */
static int entries_of(const struct report *r, const char *session_id, oi_outcome status,
                      oi_ledger_entry **out, size_t *count, oi_error *err)
{
  size_t i;

  *out = NULL;
  if (oi_ledger_session_entries(r->ledger, session_id, status, NULL, 0, sizeof **out, count,
                                err) != OI_OK)
    return -1;
  if (*count == 0)
    return 0;
  *out = calloc(*count, sizeof **out);
  if (*out == NULL)
    return -1;
  for (i = 0; i < *count; i++)
    (*out)[i] = (oi_ledger_entry)OI_LEDGER_ENTRY_INIT;
  if (oi_ledger_session_entries(r->ledger, session_id, status, *out, *count, sizeof **out,
                                count, err) != OI_OK) {
    free(*out);
    *out = NULL;
    return -1;
  }
  return 0;
}

/* ---- text ------------------------------------------------------------- */

static const char *status_heading(oi_outcome status)
{
  return status == OI_OUTCOME_WAITLISTED ? "waitlist, in order" : oi_outcome_name(status);
}

static int text_session(const struct report *r, size_t index, int colour, oi_error *err)
{
  oi_session s = OI_SESSION_INIT;
  oi_session_summary sum = OI_SESSION_SUMMARY_INIT;
  char first[OI_DATETIME_STRING_SIZE], last[OI_DATETIME_STRING_SIZE];
  size_t k, i;

  if (oi_policy_session(r->policy, index, &s, err) != OI_OK ||
      oi_ledger_session_summary(r->ledger, s.id, &sum, err) != OI_OK)
    return -1;
  printf("\n%s  %s, %s to %s\n", s.id, s.place, out_date(s.first_day, first),
         out_date(s.last_day, last));
  if (sum.seats == 0 && sum.awarded + sum.waitlisted + sum.refused + sum.withdrawn == 0) {
    printf("  no subsidy seats (S1)\n");
    return 0;
  }
  printf("  %d seats: %zu awarded, %d left, %zu waiting; %lld nights paid to %s\n", sum.seats,
         sum.awarded, sum.seats_left, sum.waitlisted, (long long)sum.nights,
         s.hotel != NULL ? s.hotel : "(no designated hotel)");
  for (k = 0; k < STATUS_COUNT; k++) {
    oi_ledger_entry *list;
    size_t n;

    if (entries_of(r, s.id, statuses[k], &list, &n, err) != 0)
      return -1;
    if (n == 0)
      continue;
    printf("  %s%s%s (%zu)\n", cli_outcome_colour(colour, statuses[k]),
           status_heading(statuses[k]), colour ? CLI_RESET : "", n);
    for (i = 0; i < n; i++) {
      const oi_ledger_entry *e = &list[i];
      char when[OI_DATETIME_STRING_SIZE];

      printf("    ");
      if (statuses[k] == OI_OUTCOME_WAITLISTED)
        printf("%2zu. ", i + 1);
      printf("%-8s local %-5u %-20s received %s", e->id, (unsigned)e->local_number,
             e->officer_name != NULL ? e->officer_name : e->officer_id,
             out_moment(e->received, when));
      if (statuses[k] == OI_OUTCOME_AWARDED)
        printf("  %d nights", e->nights);
      printf("\n");
      out_reasons_text(stdout, r->policy, e->reasons, e->reason_count,
                       statuses[k] == OI_OUTCOME_WAITLISTED ? 12 : 8);
    }
    free(list);
  }
  return 0;
}

static int print_text(const struct report *r, const char *path, oi_error *err)
{
  const int colour = cli_use_colour(stdout);
  size_t i;
  int d;

  printf("Ledger %s: policy %s (digest %s), %zu requests, %zu events\n", path,
         oi_policy_id(r->policy), oi_policy_digest(r->policy), oi_ledger_count(r->ledger),
         oi_ledger_event_count(r->ledger));
  for (i = 0; i < oi_policy_session_count(r->policy); i++)
    if (text_session(r, i, colour, err) != 0)
      return -1;

  printf("\nLocals: officers subsidized against the cap of %d a year (S5)\n",
         r->numbers.local_cap_per_year);
  if (r->local_count == 0)
    printf("  none\n");
  else
    printf("  %-6s %-28s %-8s %-4s %-8s %s\n", "local", "name", "district", "year",
           "requests", "awarded");
  for (i = 0; i < r->local_count; i++) {
    const struct local_year *l = &r->locals[i];

    printf("  %-6u %-28.28s %-8d %-4d %-8zu %zu of %d%s\n", (unsigned)l->number, l->name,
           l->district, l->year, l->requests, l->awarded, r->numbers.local_cap_per_year,
           (int)l->awarded >= r->numbers.local_cap_per_year ? ", at the cap" : "");
  }

  printf("\nDistricts\n");
  printf("  %-8s %-7s %-13s %-6s %s\n", "district", "locals", "locals at cap", "awards",
         "nights");
  for (d = 1; d <= OI_DISTRICT_COUNT; d++) {
    size_t awards = 0, locals = 0, at_cap = 0;
    int64_t nights = 0;
    uint32_t last = 0;

    if (oi_ledger_district_awards(r->ledger, d, &awards, &nights, err) != OI_OK)
      return -1;
    for (i = 0; i < r->local_count; i++) {
      const struct local_year *l = &r->locals[i];

      if (l->district != d)
        continue;
      if (locals == 0 || l->number != last)
        locals++;
      last = l->number;
      if ((int)l->awarded >= r->numbers.local_cap_per_year)
        at_cap++;
    }
    if (locals == 0 && awards == 0)
      continue;
    printf("  %-8d %-7zu %-13zu %-6zu %lld\n", d, locals, at_cap, awards, (long long)nights);
  }
  return 0;
}

/* ---- csv -------------------------------------------------------------- */

static int print_csv(const struct report *r, oi_error *err)
{
  size_t i, k, j;

  printf("session_id,status,position,id,local_number,local_name,district,officer_id,"
         "officer_name,received,nights_requested,nights,payee,reasons\r\n");
  for (i = 0; i < oi_policy_session_count(r->policy); i++) {
    oi_session s = OI_SESSION_INIT;

    if (oi_policy_session(r->policy, i, &s, err) != OI_OK)
      return -1;
    for (k = 0; k < STATUS_COUNT; k++) {
      oi_ledger_entry *list;
      size_t n;

      if (entries_of(r, s.id, statuses[k], &list, &n, err) != 0)
        return -1;
      for (j = 0; j < n; j++) {
        const oi_ledger_entry *e = &list[j];
        char when[OI_DATETIME_STRING_SIZE];
        char *reasons = out_reasons_line(r->policy, e->reasons, e->reason_count);

        out_csv_field(stdout, s.id, 0);
        out_csv_field(stdout, oi_outcome_name(e->status), 0);
        out_csv_int(stdout, (long long)j + 1, 0);
        out_csv_field(stdout, e->id, 0);
        out_csv_int(stdout, (long long)e->local_number, 0);
        out_csv_field(stdout, e->local_name, 0);
        out_csv_int(stdout, e->district, 0);
        out_csv_field(stdout, e->officer_id, 0);
        out_csv_field(stdout, e->officer_name, 0);
        out_csv_field(stdout, out_moment(e->received, when), 0);
        out_csv_int(stdout, e->nights_requested, 0);
        out_csv_int(stdout, e->nights, 0);
        out_csv_field(stdout, e->payee, 0);
        out_csv_field(stdout, reasons, 1);
        free(reasons);
      }
      free(list);
    }
  }
  return 0;
}

/* ---- json ------------------------------------------------------------- */

static json_t *json_session(const struct report *r, size_t index, oi_error *err)
{
  static const char *const keys[] = { "awarded", "waitlist", "refused", "withdrawn" };
  oi_session s = OI_SESSION_INIT;
  oi_session_summary sum = OI_SESSION_SUMMARY_INIT;
  char first[OI_DATETIME_STRING_SIZE], last[OI_DATETIME_STRING_SIZE];
  json_t *o = json_object();
  size_t k, i;
  int bad = o == NULL;

  if (bad || oi_policy_session(r->policy, index, &s, err) != OI_OK ||
      oi_ledger_session_summary(r->ledger, s.id, &sum, err) != OI_OK) {
    json_decref(o);
    return NULL;
  }
  bad |= out_set(o, "id", json_string(s.id));
  bad |= out_set(o, "place", json_string(s.place));
  bad |= out_set(o, "first_day", json_string(out_date(s.first_day, first)));
  bad |= out_set(o, "last_day", json_string(out_date(s.last_day, last)));
  bad |= out_set(o, "hotel", s.hotel != NULL ? json_string(s.hotel) : json_null());
  bad |= out_set(o, "seats", json_integer(sum.seats));
  bad |= out_set(o, "seats_left", json_integer(sum.seats_left));
  bad |= out_set(o, "nights", json_integer((json_int_t)sum.nights));
  for (k = 0; k < STATUS_COUNT && !bad; k++) {
    oi_ledger_entry *list;
    json_t *a = json_array();
    size_t n;

    if (entries_of(r, s.id, statuses[k], &list, &n, err) != 0) {
      json_decref(a);
      json_decref(o);
      return NULL;
    }
    for (i = 0; i < n && !bad; i++)
      bad |= out_append(a, out_entry_json(r->policy, &list[i]));
    free(list);
    bad |= out_set(o, keys[k], a);
  }
  if (bad) {
    json_decref(o);
    return NULL;
  }
  return o;
}

static int print_json(const struct report *r, oi_error *err)
{
  json_t *doc = json_object(), *sessions = json_array(), *locals = json_array();
  json_t *districts = json_array();
  size_t i;
  int d, bad = 0, status;

  bad |= out_set(doc, "policy_id", json_string(oi_policy_id(r->policy)));
  bad |= out_set(doc, "policy_digest", json_string(oi_policy_digest(r->policy)));
  bad |= out_set(doc, "requests", json_integer((json_int_t)oi_ledger_count(r->ledger)));
  bad |= out_set(doc, "local_cap_per_year", json_integer(r->numbers.local_cap_per_year));
  for (i = 0; i < oi_policy_session_count(r->policy) && !bad; i++)
    bad |= out_append(sessions, json_session(r, i, err));
  for (i = 0; i < r->local_count && !bad; i++) {
    const struct local_year *l = &r->locals[i];
    json_t *o = json_object();

    bad |= out_set(o, "number", json_integer((json_int_t)l->number));
    bad |= out_set(o, "name", json_string(l->name));
    bad |= out_set(o, "district", json_integer(l->district));
    bad |= out_set(o, "year", json_integer(l->year));
    bad |= out_set(o, "requests", json_integer((json_int_t)l->requests));
    bad |= out_set(o, "awarded", json_integer((json_int_t)l->awarded));
    bad |= out_set(o, "at_cap", json_boolean((int)l->awarded >= r->numbers.local_cap_per_year));
    bad |= out_append(locals, o);
  }
  for (d = 1; d <= OI_DISTRICT_COUNT && !bad; d++) {
    size_t awards = 0;
    int64_t nights = 0;
    json_t *o;

    if (oi_ledger_district_awards(r->ledger, d, &awards, &nights, err) != OI_OK) {
      bad = 1;
      break;
    }
    o = json_object();
    bad |= out_set(o, "district", json_integer(d));
    bad |= out_set(o, "awards", json_integer((json_int_t)awards));
    bad |= out_set(o, "nights", json_integer((json_int_t)nights));
    bad |= out_append(districts, o);
  }
  bad |= out_set(doc, "sessions", sessions);
  bad |= out_set(doc, "locals", locals);
  bad |= out_set(doc, "districts", districts);
  status = bad ? -1 : out_json_print(doc);
  json_decref(doc);
  return status;
}

int verb_report(int argc, char **argv)
{
  static const struct option options[] = {
    { "ledger", required_argument, NULL, 'l' },
    { "policy", required_argument, NULL, 'p' },
    { "format", required_argument, NULL, 'f' },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  const char *ledger_path = NULL, *policy_ref = NULL;
  cli_format format = CLI_FORMAT_TEXT;
  oi_policy *policy = NULL;
  oi_ledger *ledger = NULL;
  struct report r;
  oi_error err;
  int c, status, failed;

  while ((c = getopt_long(argc, argv, ":l:p:f:h", options, NULL)) != -1) {
    switch (c) {
    case 'l':
      ledger_path = optarg;
      break;
    case 'p':
      policy_ref = optarg;
      break;
    case 'f':
      if (cli_parse_format(verb, optarg, 7u, &format) != 0)
        return CLI_EXIT_USAGE;
      break;
    case 'h':
      help();
      return CLI_EXIT_OK;
    default:
      return cli_bad_option(verb, argv, c);
    }
  }
  if (ledger_path == NULL)
    return cli_usage_error(verb, "--ledger FILE is required");
  if (optind < argc)
    return cli_usage_error(verb, "unexpected argument '%s'", argv[optind]);
  if ((status = cli_load_policy(verb, policy_ref, &policy)) != CLI_EXIT_OK)
    return status;
  if ((status = cli_open_ledger(verb, policy, ledger_path, 0, &ledger, NULL)) != CLI_EXIT_OK) {
    oi_policy_free(policy);
    return status;
  }
  memset(&r, 0, sizeof r);
  r.policy = policy;
  r.ledger = ledger;
  r.numbers = (oi_policy_numbers)OI_POLICY_NUMBERS_INIT;
  oi_error_clear(&err);
  failed = oi_policy_get_numbers(policy, &r.numbers, &err) != OI_OK ||
           gather_locals(&r, &err) != 0;
  if (!failed) {
    if (format == CLI_FORMAT_TEXT)
      failed = print_text(&r, ledger_path, &err) != 0;
    else if (format == CLI_FORMAT_CSV)
      failed = print_csv(&r, &err) != 0;
    else
      failed = print_json(&r, &err) != 0;
  }
  if (failed)
    cli_warn(verb, "%s", err.message[0] != '\0' ? err.message : "out of memory");
  free(r.locals);
  oi_ledger_free(ledger);
  oi_policy_free(policy);
  return failed ? CLI_EXIT_FILE : CLI_EXIT_OK;
}
