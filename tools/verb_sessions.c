/*
 * tools/verb_sessions.c: officerinst sessions: the catalogue of a policy
 * and, for one officer of one local on one date, the sessions that officer
 * can still apply to, with why each other one is closed.
 *
 * Every verdict is the library's. Enrollment is oi_check_enrollment() per
 * course (E1, P1, P2). The subsidy is a request received on that date,
 * entered into a scratch copy of the ledger (restored from its snapshot, so
 * the file is never touched): the copy's decision is what the ledger would
 * decide now, with the deadline (S6), the seats (S4), the local's cap (S5)
 * and the officer's other requests (S9). The forms are taken as in order
 * (attested, signed, with the application: S2, S8), and the local as
 * qualifying unless --lm-form or --receipts say what it files.
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "output.h"
#include "sessions.h"

static const char *const verb = "sessions";

static void help(void)
{
  printf("Usage: %s sessions [OPTION]...\n"
         "   or: %s sessions --local N --officer ID --on DATE [OPTION]...\n"
         "List the sessions of a policy: courses, dates, countries admitted, hotel,\n"
         "subsidy seats and deadline (and, with --ledger, the seats left).\n"
         "With --local, --officer and --on: the sessions that officer can still apply\n"
         "to on that date (the session not begun; the country admitted, E1; the\n"
         "course's prerequisites, P1, P2) and what a subsidy request made that day\n"
         "would get (the deadline, S6; the seats or the waitlist, S4; the local's cap,\n"
         "S5; one subsidy an officer a year, S9), with why each other one is closed.\n\n"
         "  -p, --policy POLICY     a policy document, or builtin-YEAR (default\n"
         "                          builtin-2017)\n"
         "  -l, --ledger FILE       the ledger whose seats, caps and requests count\n"
         "                          (read only); without it, an empty ledger\n"
         "  -f, --format FORMAT     text (default), json or csv\n"
         "      --local N           the local's number\n"
         "      --officer ID        the officer's id (as in the requests)\n"
         "      --on DATE           the day of applying, YYYY-MM-DD\n"
         "      --country C         the local's country (US, CA); default: as in\n"
         "                          the ledger's requests from that local\n"
         "      --district D        the local's district, 1-13; default: as in the\n"
         "                          ledger\n"
         "      --office O          the officer's office now (P2), e.g. treasurer\n"
         "      --graduated SITE[@DATE]  a 1.0 graduation the officer claims (P1);\n"
         "                          may be repeated\n"
         "      --lm-form F         the form the local files (S2), e.g. LM-3\n"
         "      --receipts AMOUNT   a Canadian local's gross yearly receipts (S2)\n"
         "  -h, --help              show this help\n\n"
         "Without --lm-form or --receipts the local is taken to qualify (S2), and the\n"
         "forms are taken as signed and sent together (S8).\n"
         "Exit status: 0 ok, 2 usage, 3 a file or policy error.\n",
         cli_program, cli_program);
}

struct query {
  int asked;                 /* --local, --officer and --on were given */
  uint32_t local_number;
  const char *officer_id;
  oi_date on;
  const char *country_text, *district_text, *office_text, *lm_form_text, *receipts_text;
  const char *graduated[OI_GRADUATIONS_MAX];
  size_t graduated_count;
  /* Resolved. */
  oi_local local;
  char local_name[OI_NAME_MAX + 1];
  oi_officer officer;
  oi_graduation grads[OI_GRADUATIONS_MAX];
  char sites[OI_GRADUATIONS_MAX][OI_NAME_MAX + 1];
  int s2_judged;
};

/* One session's answer. */
struct answer {
  oi_session s;
  int began;
  size_t course_count;
  oi_decision courses[OI_SESSION_COURSES_MAX];
  int has_subsidy;
  oi_decision subsidy;
  /* The scratch ledger that made subsidy: its ids and reasons (a reason's
   * ref_id) live there, so it lives as long as the answer. */
  oi_ledger *scratch;
  int open;
};

/* A bad option, said by cli_usage_error(): the caller returns -1. */
static int usage_failed(int status)
{
  (void)status;
  return -1;
}

static int parse_number(const char *what, const char *text, long lo, long hi, long *out)
{
  char *end;
  long v = strtol(text, &end, 10);

  if (text[0] == '\0' || *end != '\0' || v < lo || v > hi)
    return usage_failed(cli_usage_error(verb, "%s '%s': expected a whole number from %ld to %ld",
                                        what, text, lo, hi));
  *out = v;
  return 0;
}

/* Fill the local and the officer from the options and, where they are
 * silent, from the ledger's own record of the local. */
static int resolve(struct query *q, const oi_ledger *ledger)
{
  oi_ledger_entry known = OI_LEDGER_ENTRY_INIT;
  int have_known = 0;
  oi_error err;
  size_t i, n = ledger != NULL ? oi_ledger_count(ledger) : 0;

  oi_error_clear(&err);
  for (i = n; i > 0 && !have_known; i--)
    if (oi_ledger_get_by_number(ledger, (uint64_t)i, &known, NULL) == OI_OK &&
        known.local_number == q->local_number)
      have_known = 1;

  q->local = (oi_local)OI_LOCAL_INIT;
  q->local.number = q->local_number;
  snprintf(q->local_name, sizeof q->local_name, "%s",
           have_known ? known.local_name : "");
  if (q->local_name[0] == '\0')
    snprintf(q->local_name, sizeof q->local_name, "Local %u", (unsigned)q->local_number);
  q->local.name = q->local_name;
  if (q->country_text != NULL) {
    if (oi_country_parse(q->country_text, &q->local.country, &err) != OI_OK)
      return usage_failed(cli_usage_error(verb, "--country: %s", err.message));
  } else if (have_known) {
    q->local.country = known.country;
  } else {
    return usage_failed(cli_usage_error(
        verb, "--country is needed: the ledger has no request from local %u",
        (unsigned)q->local_number));
  }
  if (q->district_text != NULL) {
    long d;

    if (parse_number("--district", q->district_text, 1, OI_DISTRICT_COUNT, &d) != 0)
      return -1;
    q->local.district = (int)d;
  } else if (have_known) {
    q->local.district = known.district;
  } else {
    return usage_failed(cli_usage_error(
        verb, "--district is needed: the ledger has no request from local %u",
        (unsigned)q->local_number));
  }
  /* S2: what the local files, if said; else a form (or receipts) that
   * qualifies, so that the rest can be judged. */
  q->s2_judged = q->lm_form_text != NULL || q->receipts_text != NULL;
  q->local.lm_form = OI_LM_3;
  if (q->lm_form_text != NULL &&
      oi_lm_form_parse(q->lm_form_text, &q->local.lm_form, &err) != OI_OK)
    return usage_failed(cli_usage_error(verb, "--lm-form: %s", err.message));
  q->local.receipts_known = 1;
  q->local.receipts_cents = 0;
  if (q->receipts_text != NULL &&
      oi_money_parse(q->receipts_text, &q->local.receipts_cents, &err) != OI_OK)
    return usage_failed(cli_usage_error(verb, "--receipts: %s", err.message));

  q->officer = (oi_officer)OI_OFFICER_INIT;
  q->officer.id = q->officer_id;
  q->officer.office = OI_OFFICE_NONE;
  if (q->office_text != NULL &&
      oi_office_parse(q->office_text, &q->officer.office, &err) != OI_OK)
    return usage_failed(cli_usage_error(verb, "--office: %s", err.message));
  for (i = 0; i < q->graduated_count; i++) {
    const char *text = q->graduated[i], *at = strrchr(text, '@');
    size_t len = at != NULL ? (size_t)(at - text) : strlen(text);

    memset(&q->grads[i].date, 0, sizeof q->grads[i].date);
    if (len > OI_NAME_MAX)
      len = OI_NAME_MAX + 1; /* the library says it is too long */
    snprintf(q->sites[i], sizeof q->sites[i], "%.*s", (int)len, text);
    q->grads[i].site = q->sites[i];
    if (at != NULL && oi_date_parse(at + 1, &q->grads[i].date, &err) != OI_OK)
      return usage_failed(cli_usage_error(verb, "--graduated %s: %s", text, err.message));
  }
  q->officer.graduations = q->graduated_count > 0 ? q->grads : NULL;
  q->officer.graduation_count = q->graduated_count;
  return 0;
}

/* The subsidy request made on the day of the query, entered into a scratch
 * ledger restored from snapshot (or a new one). */
static int dry_run(const oi_policy *policy, const char *snapshot, size_t length,
                   const struct query *q, const oi_session *s, oi_decision *out,
                   oi_ledger **scratch_out, oi_error *err)
{
  oi_policy_numbers numbers = OI_POLICY_NUMBERS_INIT;
  oi_subsidy_request req;
  oi_ledger *scratch = NULL;
  oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
  char id[OI_ID_MAX + 1];
  unsigned k = 0;
  int status;

  if (oi_policy_get_numbers(policy, &numbers, err) != OI_OK)
    return -1;
  if ((snapshot != NULL ? oi_ledger_from_json(policy, snapshot, length, &scratch, err)
                        : oi_ledger_new(policy, &scratch, err)) != OI_OK)
    return -1;
  do
    snprintf(id, sizeof id, "sessions-query-%u", k++);
  while (oi_ledger_get(scratch, id, &e, NULL) == OI_OK);
  req = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
  req.id = id;
  req.session_id = s->id;
  req.local = q->local;
  req.officer = q->officer;
  req.received.date = q->on;
  req.nights = numbers.max_nights > 0 ? numbers.max_nights : 1;
  req.attested = 1;
  req.with_application = 1;
  req.application_signed = 1;
  req.request_signed = 1;
  status = oi_ledger_submit(scratch, &req, out, err) == OI_OK ? 0 : -1;
  if (status == 0)
    *scratch_out = scratch;
  else
    oi_ledger_free(scratch);
  return status;
}

static int answer_session(const oi_policy *policy, const char *snapshot, size_t length,
                          const struct query *q, size_t index, struct answer *a,
                          oi_error *err)
{
  size_t k;

  memset(a, 0, sizeof *a);
  a->s = (oi_session)OI_SESSION_INIT;
  for (k = 0; k < OI_SESSION_COURSES_MAX; k++)
    a->courses[k] = (oi_decision)OI_DECISION_INIT;
  a->subsidy = (oi_decision)OI_DECISION_INIT;
  if (oi_policy_session(policy, index, &a->s, err) != OI_OK)
    return -1;
  a->began = oi_date_compare(q->on, a->s.first_day) >= 0;
  a->course_count = a->s.course_count;
  for (k = 0; k < a->s.course_count; k++) {
    oi_application app = OI_APPLICATION_INIT;

    app.session_id = a->s.id;
    app.course_id = a->s.course_ids[k];
    app.local = q->local;
    app.officer = q->officer;
    if (oi_check_enrollment(policy, &app, &a->courses[k], err) != OI_OK)
      return -1;
    if (a->courses[k].outcome == OI_OUTCOME_ADMITTED && !a->began)
      a->open = 1;
  }
  if (oi_policy_session_seats(policy, index) > 0) {
    a->has_subsidy = 1;
    if (dry_run(policy, snapshot, length, q, &a->s, &a->subsidy, &a->scratch, err) != 0)
      return -1;
  }
  return 0;
}

/* ---- the officer's sessions ------------------------------------------- */

static const char *subsidy_words(oi_outcome outcome)
{
  switch (outcome) {
  case OI_OUTCOME_AWARDED:
    return "would be awarded";
  case OI_OUTCOME_WAITLISTED:
    return "would be waitlisted";
  case OI_OUTCOME_REFUSED:
    return "would be refused";
  default:
    return oi_outcome_name(outcome);
  }
}

static void text_answer(const oi_policy *policy, const struct answer *a, int colour)
{
  char first[OI_DATETIME_STRING_SIZE], last[OI_DATETIME_STRING_SIZE];
  size_t k;

  printf("\n%s%-6s%s %s  %s, %s to %s\n", colour ? (a->open ? "\033[32m" : "\033[31m") : "",
         a->open ? "open" : "closed", colour ? CLI_RESET : "", a->s.id, a->s.place,
         out_date(a->s.first_day, first), out_date(a->s.last_day, last));
  if (a->began)
    printf("       the session began on %s\n", first);
  for (k = 0; k < a->course_count; k++) {
    const oi_decision *d = &a->courses[k];

    printf("       %s: %s\n", a->s.course_ids[k],
           d->outcome == OI_OUTCOME_ADMITTED ? "may enroll" : "may not enroll");
    out_decision_reasons_text(stdout, policy, d, 9);
  }
  if (a->has_subsidy) {
    printf("       subsidy: %s%s%s", cli_outcome_colour(colour, a->subsidy.outcome),
           subsidy_words(a->subsidy.outcome), colour ? CLI_RESET : "");
    if (a->subsidy.outcome == OI_OUTCOME_AWARDED)
      printf(", %d nights paid to %s", a->subsidy.nights,
             a->subsidy.payee != NULL ? a->subsidy.payee : "the hotel");
    printf("\n");
    out_decision_reasons_text(stdout, policy, &a->subsidy, 9);
  } else {
    printf("       no subsidy (S1)\n");
  }
}

static int query(const oi_policy *policy, const oi_ledger *ledger, const struct query *q,
                 cli_format format, oi_error *err)
{
  const int colour = format == CLI_FORMAT_TEXT && cli_use_colour(stdout);
  char *snapshot = NULL;
  size_t length = 0, i, k, open = 0;
  char on[OI_DATETIME_STRING_SIZE];
  json_t *doc = NULL, *list = NULL;
  int bad = 0;

  if (ledger != NULL && oi_ledger_to_json(ledger, &snapshot, &length, err) != OI_OK)
    return -1;
  out_date(q->on, on);
  if (format == CLI_FORMAT_JSON) {
    doc = json_object();
    list = json_array();
    bad |= out_set(doc, "policy_id", json_string(oi_policy_id(policy)));
    bad |= out_set(doc, "on", json_string(on));
    bad |= out_set(doc, "local_number", json_integer((json_int_t)q->local.number));
    bad |= out_set(doc, "country", json_string(oi_country_name(q->local.country)));
    bad |= out_set(doc, "officer_id", json_string(q->officer.id));
    bad |= out_set(doc, "office", json_string(oi_office_name(q->officer.office)));
    bad |= out_set(doc, "s2_judged", json_boolean(q->s2_judged));
  } else if (format == CLI_FORMAT_CSV) {
    printf("session_id,item,open,outcome,nights,reasons\r\n");
  } else {
    printf("Officer %s of local %u (%s, district %d), applying on %s, under policy %s\n",
           q->officer.id, (unsigned)q->local.number, oi_country_name(q->local.country),
           q->local.district, on, oi_policy_id(policy));
    if (!q->s2_judged)
      printf("The local is taken to qualify (S2: no --lm-form or --receipts given) and the "
             "forms\nto be signed and sent together (S8).\n");
  }
  for (i = 0; i < oi_policy_session_count(policy) && !bad; i++) {
    struct answer a;

    if (answer_session(policy, snapshot, length, q, i, &a, err) != 0) {
      bad = 1;
      break;
    }
    if (a.open)
      open++;
    if (format == CLI_FORMAT_TEXT) {
      text_answer(policy, &a, colour);
    } else if (format == CLI_FORMAT_CSV) {
      for (k = 0; k < a.course_count + (size_t)a.has_subsidy; k++) {
        const oi_decision *d = k < a.course_count ? &a.courses[k] : &a.subsidy;
        char *reasons = out_decision_reasons_line(policy, d);

        out_csv_field(stdout, a.s.id, 0);
        out_csv_field(stdout, k < a.course_count ? a.s.course_ids[k] : "subsidy", 0);
        out_csv_field(stdout, a.open ? "yes" : "no", 0);
        out_csv_field(stdout, oi_outcome_name(d->outcome), 0);
        out_csv_int(stdout, d->nights, 0);
        out_csv_field(stdout, reasons, 1);
        free(reasons);
      }
    } else {
      json_t *o = json_object(), *courses = json_array();

      bad |= out_set(o, "id", json_string(a.s.id));
      bad |= out_set(o, "open", json_boolean(a.open));
      bad |= out_set(o, "began", json_boolean(a.began));
      for (k = 0; k < a.course_count && !bad; k++) {
        json_t *c = json_object();

        bad |= out_set(c, "course_id", json_string(a.s.course_ids[k]));
        bad |= out_set(c, "outcome", json_string(oi_outcome_name(a.courses[k].outcome)));
        bad |= out_set(c, "reasons", out_decision_reasons_json(policy, &a.courses[k]));
        bad |= out_append(courses, c);
      }
      bad |= out_set(o, "courses", courses);
      if (a.has_subsidy) {
        json_t *sub = json_object();

        bad |= out_set(sub, "outcome", json_string(oi_outcome_name(a.subsidy.outcome)));
        bad |= out_set(sub, "nights", json_integer(a.subsidy.nights));
        bad |= out_set(sub, "payee", a.subsidy.payee != NULL ? json_string(a.subsidy.payee)
                                                            : json_null());
        bad |= out_set(sub, "reasons", out_decision_reasons_json(policy, &a.subsidy));
        bad |= out_set(o, "subsidy", sub);
      } else {
        bad |= out_set(o, "subsidy", json_null());
      }
      bad |= out_append(list, o);
    }
    oi_ledger_free(a.scratch);
  }
  if (format == CLI_FORMAT_JSON) {
    bad |= out_set(doc, "sessions", list);
    if (!bad)
      bad = out_json_print(doc) != 0;
    json_decref(doc);
  } else if (format == CLI_FORMAT_TEXT && !bad) {
    printf("\n%zu of %zu sessions open to this officer on %s.\n", open,
           oi_policy_session_count(policy), on);
  }
  oi_free(snapshot);
  return bad ? -1 : 0;
}

int verb_sessions(int argc, char **argv)
{
  enum { OPT_LOCAL = 256, OPT_OFFICER, OPT_ON, OPT_COUNTRY, OPT_DISTRICT, OPT_OFFICE,
         OPT_GRADUATED, OPT_LM_FORM, OPT_RECEIPTS };
  static const struct option options[] = {
    { "policy", required_argument, NULL, 'p' },
    { "ledger", required_argument, NULL, 'l' },
    { "format", required_argument, NULL, 'f' },
    { "local", required_argument, NULL, OPT_LOCAL },
    { "officer", required_argument, NULL, OPT_OFFICER },
    { "on", required_argument, NULL, OPT_ON },
    { "country", required_argument, NULL, OPT_COUNTRY },
    { "district", required_argument, NULL, OPT_DISTRICT },
    { "office", required_argument, NULL, OPT_OFFICE },
    { "graduated", required_argument, NULL, OPT_GRADUATED },
    { "lm-form", required_argument, NULL, OPT_LM_FORM },
    { "receipts", required_argument, NULL, OPT_RECEIPTS },
    { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 }
  };
  const char *policy_ref = NULL, *ledger_path = NULL, *local_text = NULL, *on_text = NULL;
  cli_format format = CLI_FORMAT_TEXT;
  oi_policy *policy = NULL;
  oi_ledger *ledger = NULL;
  struct query *q;
  oi_error err;
  int c, status = CLI_EXIT_OK;

  q = calloc(1, sizeof *q);
  if (q == NULL) {
    cli_warn(verb, "out of memory");
    return CLI_EXIT_FILE;
  }
  while ((c = getopt_long(argc, argv, ":p:l:f:h", options, NULL)) != -1) {
    switch (c) {
    case 'p': policy_ref = optarg; break;
    case 'l': ledger_path = optarg; break;
    case 'f':
      if (cli_parse_format(verb, optarg, 7u, &format) != 0)
        status = CLI_EXIT_USAGE;
      break;
    case OPT_LOCAL: local_text = optarg; break;
    case OPT_OFFICER: q->officer_id = optarg; break;
    case OPT_ON: on_text = optarg; break;
    case OPT_COUNTRY: q->country_text = optarg; break;
    case OPT_DISTRICT: q->district_text = optarg; break;
    case OPT_OFFICE: q->office_text = optarg; break;
    case OPT_LM_FORM: q->lm_form_text = optarg; break;
    case OPT_RECEIPTS: q->receipts_text = optarg; break;
    case OPT_GRADUATED:
      if (q->graduated_count == OI_GRADUATIONS_MAX)
        status = cli_usage_error(verb, "at most %d --graduated", OI_GRADUATIONS_MAX);
      else
        q->graduated[q->graduated_count++] = optarg;
      break;
    case 'h':
      help();
      free(q);
      return CLI_EXIT_OK;
    default:
      status = cli_bad_option(verb, argv, c);
      break;
    }
    if (status != CLI_EXIT_OK)
      break;
  }
  if (status == CLI_EXIT_OK && optind < argc)
    status = cli_usage_error(verb, "unexpected argument '%s'", argv[optind]);
  if (status == CLI_EXIT_OK) {
    const int given = (local_text != NULL) + (q->officer_id != NULL) + (on_text != NULL);
    const int extra = q->country_text != NULL || q->district_text != NULL ||
                      q->office_text != NULL || q->graduated_count > 0 ||
                      q->lm_form_text != NULL || q->receipts_text != NULL;

    q->asked = given == 3;
    if ((given > 0 && given < 3) || (given == 0 && extra))
      status = cli_usage_error(verb, "--local, --officer and --on go together");
  }
  if (status == CLI_EXIT_OK && q->asked) {
    long number;

    oi_error_clear(&err);
    if (parse_number("--local", local_text, 1, 4294967295L, &number) != 0)
      status = CLI_EXIT_USAGE;
    else
      q->local_number = (uint32_t)number;
    if (status == CLI_EXIT_OK && oi_date_parse(on_text, &q->on, &err) != OI_OK)
      status = cli_usage_error(verb, "--on %s: %s", on_text, err.message);
  }
  if (status != CLI_EXIT_OK) {
    free(q);
    return status;
  }
  if ((status = cli_load_policy(verb, policy_ref, &policy)) != CLI_EXIT_OK)
    goto done;
  if (ledger_path != NULL &&
      (status = cli_open_ledger(verb, policy, ledger_path, 0, &ledger, NULL)) != CLI_EXIT_OK)
    goto done;
  oi_error_clear(&err);
  if (q->asked) {
    if (resolve(q, ledger) != 0) {
      status = CLI_EXIT_USAGE;
      goto done;
    }
    if (query(policy, ledger, q, format, &err) != 0) {
      cli_warn(verb, "%s%s%s", err.path, err.path[0] != '\0' ? ": " : "",
               err.message[0] != '\0' ? err.message : "out of memory");
      /* A local or officer the library refuses is the command line's fault. */
      status = err.status == OI_EINVAL || err.status == OI_EDATE ? CLI_EXIT_USAGE
                                                                 : CLI_EXIT_FILE;
    }
  } else if (sessions_catalogue(policy, ledger, format, &err) != 0) {
    cli_warn(verb, "%s", err.message[0] != '\0' ? err.message : "out of memory");
    status = CLI_EXIT_FILE;
  }
done:
  oi_ledger_free(ledger);
  oi_policy_free(policy);
  free(q);
  return status;
}
