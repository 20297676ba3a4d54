/*
 * Names of clauses, outcomes and reason codes, and the messages of reasons.
 *
 * Decisions carry only codes and values; a message is rendered here, when
 * the caller asks for it, naming the values compared and what would satisfy
 * the rule.
 */
#include <stdarg.h>
#include <stdio.h>

#include "officerinst/rules.h"
#include "policy_private.h"
#include "date_private.h"
#include "vocab_private.h"

const char *oi_clause_id(oi_clause clause)
{
  switch (clause) {
  case OI_CLAUSE_C1: return "C1";
  case OI_CLAUSE_C2: return "C2";
  case OI_CLAUSE_C3: return "C3";
  case OI_CLAUSE_E1: return "E1";
  case OI_CLAUSE_E2: return "E2";
  case OI_CLAUSE_P1: return "P1";
  case OI_CLAUSE_P2: return "P2";
  case OI_CLAUSE_S1: return "S1";
  case OI_CLAUSE_S2: return "S2";
  case OI_CLAUSE_S3: return "S3";
  case OI_CLAUSE_S4: return "S4";
  case OI_CLAUSE_S5: return "S5";
  case OI_CLAUSE_S6: return "S6";
  case OI_CLAUSE_S7: return "S7";
  case OI_CLAUSE_S8: return "S8";
  case OI_CLAUSE_S9: return "S9";
  case OI_CLAUSE_S10: return "S10";
  case OI_CLAUSE_S11: return "S11";
  case OI_CLAUSE_U1: return "U1";
  case OI_CLAUSE_U2: return "U2";
  case OI_CLAUSE_U3: return "U3";
  case OI_CLAUSE_NONE: break;
  }
  return NULL;
}

const char *oi_outcome_name(oi_outcome outcome)
{
  switch (outcome) {
  case OI_OUTCOME_ADMITTED: return "admitted";
  case OI_OUTCOME_ELIGIBLE: return "eligible";
  case OI_OUTCOME_AWARDED: return "awarded";
  case OI_OUTCOME_WAITLISTED: return "waitlisted";
  case OI_OUTCOME_REFUSED: return "refused";
  case OI_OUTCOME_WITHDRAWN: return "withdrawn";
  case OI_OUTCOME_GRADUATED: return "graduated";
  case OI_OUTCOME_NOT_GRADUATED: return "not graduated";
  case OI_OUTCOME_NONE: return "none";
  }
  return NULL;
}

const char *oi_reason_code_name(oi_reason_code code)
{
  switch (code) {
  case OI_REASON_COUNTRY_NOT_ADMITTED: return "COUNTRY_NOT_ADMITTED";
  case OI_REASON_COURSE_NOT_OFFERED: return "COURSE_NOT_OFFERED";
  case OI_REASON_NO_QUALIFYING_GRADUATION: return "NO_QUALIFYING_GRADUATION";
  case OI_REASON_NOT_SECRETARY_TREASURER: return "NOT_SECRETARY_TREASURER";
  case OI_REASON_NO_SUBSIDY_FOR_COURSE: return "NO_SUBSIDY_FOR_COURSE";
  case OI_REASON_US_FORM_NOT_ELIGIBLE: return "US_FORM_NOT_ELIGIBLE";
  case OI_REASON_CA_RECEIPTS_TOO_HIGH: return "CA_RECEIPTS_TOO_HIGH";
  case OI_REASON_CA_RECEIPTS_UNKNOWN: return "CA_RECEIPTS_UNKNOWN";
  case OI_REASON_NOT_ATTESTED: return "NOT_ATTESTED";
  case OI_REASON_NIGHTS_LIMITED: return "NIGHTS_LIMITED";
  case OI_REASON_RECEIVED_LATE: return "RECEIVED_LATE";
  case OI_REASON_NOT_WITH_APPLICATION: return "NOT_WITH_APPLICATION";
  case OI_REASON_APPLICATION_NOT_SIGNED: return "APPLICATION_NOT_SIGNED";
  case OI_REASON_REQUEST_NOT_SIGNED: return "REQUEST_NOT_SIGNED";
  case OI_REASON_SEATS_TAKEN: return "SEATS_TAKEN";
  case OI_REASON_LOCAL_CAP_REACHED: return "LOCAL_CAP_REACHED";
  case OI_REASON_OFFICER_ALREADY_SUBSIDIZED: return "OFFICER_ALREADY_SUBSIDIZED";
  case OI_REASON_MISSED_DAYS: return "MISSED_DAYS";
  case OI_REASON_NONE: break;
  }
  return NULL;
}

/* ---- rendering -------------------------------------------------------- */

/* A small appending writer with snprintf's contract: it counts the full
 * length and writes what fits. */
struct out {
  char *buf;
  size_t size;
  size_t len;
};

#if defined(__GNUC__) || defined(__clang__)
__attribute__((format(printf, 2, 3)))
#endif
static void put(struct out *o, const char *fmt, ...)
{
  va_list ap;
  int n;
  char *dst = NULL;
  size_t room = 0;

  if (o->len < o->size) {
    dst = o->buf + o->len;
    room = o->size - o->len;
  }
  va_start(ap, fmt);
  n = vsnprintf(dst, room, fmt, ap);
  va_end(ap);
  if (n > 0)
    o->len += (size_t)n;
}

/* A day number as YYYY-MM-DD; out-of-range numbers print as a number. */
static void put_day(struct out *o, int64_t days)
{
  if (days >= -719162 && days <= 2932896) {
    const oi_date d = oip_date_of_days((int32_t)days);
    put(o, "%04d-%02d-%02d", d.year, d.month, d.day);
  } else {
    put(o, "day %lld", (long long)days);
  }
}

/* Whole cents as dollars with thousands separators: $250,000.00, the text
 * oi_money_parse() reads. */
static void put_cents(struct out *o, int64_t cents)
{
  char text[OI_MONEY_STRING_SIZE];

  oi_money_format(cents, text, sizeof text);
  put(o, "%s", text);
}

static const char *country_name(int64_t c)
{
  const char *adjective = c >= 0 && c <= 2 ? oip_country_adjective((int)c) : NULL;
  return adjective != NULL ? adjective : "unknown-country";
}

static void put_countries(struct out *o, int64_t mask)
{
  const int us = (mask & OI_COUNTRY_BIT(OI_COUNTRY_US)) != 0;
  const int ca = (mask & OI_COUNTRY_BIT(OI_COUNTRY_CA)) != 0;

  put(o, "%s", us && ca ? "U.S. and Canadian" : us ? "U.S." : ca ? "Canadian" : "no");
}

/* "holds ...": the office's title, and words for no office or another. */
static const char *office_name(int64_t office)
{
  const char *title;

  if (office == OI_OFFICE_NONE)
    return "no office";
  if (office == OI_OFFICE_OTHER)
    return "another office";
  title = office >= 0 && office <= OI_OFFICE_OTHER ? oi_office_title((oi_office)office) : NULL;
  return title != NULL ? title : "an unknown office";
}

static void put_graduations(struct out *o, int64_t claimed, int64_t unknown, int64_t late)
{
  if (claimed == 0) {
    put(o, "no graduation from an Officer Institute 1.0 is claimed");
    return;
  }
  put(o, "none of %lld claimed graduation(s) qualifies (%lld at a site neither on record nor "
      "in the catalogue, %lld not before the session began)",
      (long long)claimed, (long long)unknown, (long long)late);
}

static void render(const oi_policy *p, const oi_reason *r, struct out *o)
{
  const struct oip_session *s = NULL;
  const int64_t *v = r->value;

  if (r->session >= 0 && (size_t)r->session < p->session_count)
    s = &p->sessions[r->session];

  switch (r->code) {
  case OI_REASON_COUNTRY_NOT_ADMITTED:
    put(o, "a %s local may not attend session %s, which is open to ", country_name(v[0]),
        s ? s->id : "?");
    put_countries(o, v[1]);
    put(o, " locals only");
    break;
  case OI_REASON_COURSE_NOT_OFFERED:
    put(o, "course %s is not given at session %s",
        v[0] >= 0 && (size_t)v[0] < p->course_count ? p->courses[v[0]].id : "?",
        s ? s->id : "?");
    break;
  case OI_REASON_NO_QUALIFYING_GRADUATION:
    put_graduations(o, v[0], v[1], v[2]);
    put(o, "; Advanced Organizing 2.0 requires graduating from an Officer Institute 1.0 at a "
           "prior site on record or a catalogue session that ended before ");
    put_day(o, v[3]);
    break;
  case OI_REASON_NOT_SECRETARY_TREASURER:
    put(o, "holds %s, not Secretary, Treasurer or Secretary-Treasurer, and ",
        office_name(v[0]));
    put_graduations(o, v[1], v[2], v[3]);
    put(o, "; Advanced Secretary Treasurer 2.0 requires one or the other");
    break;
  case OI_REASON_NO_SUBSIDY_FOR_COURSE:
    put(o, "session %s gives no Officer Institute 1.0; subsidies are only for the 1.0, not "
           "the advanced 2.0",
        s ? s->id : "?");
    break;
  case OI_REASON_US_FORM_NOT_ELIGIBLE:
    if (v[0] == OI_LM_NONE)
      put(o, "the U.S. local files no LM form on record; only locals filing Form LM-3 or "
             "LM-4 qualify");
    else if (v[0] >= 0 && v[0] <= OI_LM_4 && oi_lm_form_name((oi_lm_form)v[0]) != NULL)
      put(o, "the U.S. local files Form %s; only locals filing Form LM-3 or LM-4 qualify",
          oi_lm_form_name((oi_lm_form)v[0]));
    else
      put(o, "the U.S. local files form %lld; only locals filing Form LM-3 or LM-4 qualify",
          (long long)v[0]);
    break;
  case OI_REASON_CA_RECEIPTS_TOO_HIGH:
    put(o, "the Canadian local's gross yearly receipts are ");
    put_cents(o, v[0]);
    put(o, "; they must total less than ");
    put_cents(o, v[1]);
    break;
  case OI_REASON_CA_RECEIPTS_UNKNOWN:
    put(o, "the Canadian local has no gross yearly receipts on record; they must total less "
           "than ");
    put_cents(o, v[0]);
    break;
  case OI_REASON_NOT_ATTESTED:
    put(o, "the local has not attested that it falls within the eligible category");
    break;
  case OI_REASON_NIGHTS_LIMITED:
    put(o, "%lld nights requested; the subsidy pays up to %lld nights at the designated hotel",
        (long long)v[0], (long long)v[1]);
    break;
  case OI_REASON_RECEIVED_LATE:
    put(o, "received ");
    put_day(o, v[0]);
    put(o, ", %lld days before the session's first day ", (long long)v[1]);
    if (s != NULL)
      put_day(o, s->first_days);
    else
      put(o, "?");
    put(o, "; requests must be received by ");
    put_day(o, v[2]);
    put(o, " (%lld weeks before)", (long long)v[3]);
    break;
  case OI_REASON_NOT_WITH_APPLICATION:
    put(o, "the subsidy request was not submitted together with the officer's regular "
           "application");
    break;
  case OI_REASON_APPLICATION_NOT_SIGNED:
    put(o, "the regular application is not signed by an authorized representative of the "
           "local's Executive Board");
    break;
  case OI_REASON_REQUEST_NOT_SIGNED:
    put(o, "the subsidy request is not signed by an authorized representative of the local's "
           "Executive Board");
    break;
  case OI_REASON_SEATS_TAKEN:
    put(o, "all %lld subsidies of session %s are awarded (%lld awarded); waitlisted in order "
           "of receipt",
        (long long)v[0], s ? s->id : "?", (long long)v[1]);
    break;
  case OI_REASON_LOCAL_CAP_REACHED:
    put(o, "local %lld already has %lld officer(s) subsidized in %lld; the limit is %lld a "
           "year; waitlisted in order of receipt",
        (long long)v[0], (long long)v[3], (long long)v[1], (long long)v[2]);
    break;
  case OI_REASON_OFFICER_ALREADY_SUBSIDIZED:
    put(o, "the officer already holds or awaits a subsidy in %lld (request entered as number "
           "%lld); an officer receives at most one subsidy a year",
        (long long)v[0], (long long)v[1]);
    break;
  case OI_REASON_MISSED_DAYS:
    put(o, "attended %lld of the %lld days of session %s; first day missed ", (long long)v[0],
        (long long)v[1], s ? s->id : "?");
    put_day(o, v[2]);
    put(o, "; the certificate requires attending all classes");
    break;
  case OI_REASON_NONE:
    break;
  }
}

int oi_reason_format(const oi_policy *p, const oi_reason *r, char *buf, size_t size)
{
  struct out o;

  if (p == NULL || r == NULL || (buf == NULL && size > 0) ||
      oi_reason_code_name(r->code) == NULL)
    return -1;
  o.buf = buf;
  o.size = size;
  o.len = 0;
  if (size > 0)
    buf[0] = '\0';
  render(p, r, &o);
  return o.len > (size_t)0x7fffffff ? -1 : (int)o.len;
}
