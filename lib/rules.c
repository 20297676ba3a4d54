/*
 * The stateless rules of a subsidy (S1, S2, S3, S6, S8, E1), and the
 * validation of locals and officers that enrollment and graduation
 * (enrollment.c) share with it.
 *
 * Every check first validates its whole input, so bad input is an error and
 * never a decision, and then applies every rule, collecting every reason that
 * applies rather than stopping at the first. Deciding allocates nothing and
 * formats nothing: reasons carry codes and values, rendered on demand by
 * oi_reason_format().
 */
#include <stdio.h>
#include <string.h>

#include "officerinst/rules.h"
#include "rules_private.h"
#include "policy_private.h"
#include "date_private.h"
#include "error_private.h"
#include "strutil.h"
#include "abi_private.h"
#include "suggest.h"

/* ---- validation ------------------------------------------------------- */

static int is_flag(int v)
{
  return v == 0 || v == 1;
}

/* Two valid dates, compared without converting them to day numbers. */
static int date_before(oi_date a, oi_date b)
{
  if (a.year != b.year)
    return a.year < b.year;
  if (a.month != b.month)
    return a.month < b.month;
  return a.day < b.day;
}

/* Paths are "prefix.local.field": passed as literals, so that validating
 * formats nothing unless it fails. */
oi_status oip_check_local(const oi_local *l, oi_error *err, const char *prefix)
{
  oi_status st;

  st = oip_check_version(&oip_layout_local, l->version, err, prefix, "local.version");
  if (st != OI_OK)
    return st;
  if (l->number < 1)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_RANGE, prefix, "local.number",
                           "local number 0 is not a local (U1)");
  st = oip_check_string(l->name, OI_NAME_MAX, 1, err, prefix, "local.name");
  if (st != OI_OK)
    return st;
  if (l->country != OI_COUNTRY_US && l->country != OI_COUNTRY_CA)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_COUNTRY, prefix, "local.country",
                           "country %d is neither OI_COUNTRY_US nor OI_COUNTRY_CA (U1)",
                           (int)l->country);
  if (l->district < 1 || l->district > OI_DISTRICT_COUNT)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_RANGE, prefix, "local.district",
                           "district %d is outside 1..%d (U1)", l->district, OI_DISTRICT_COUNT);
  if (l->lm_form != OI_LM_NONE && l->lm_form != OI_LM_2 && l->lm_form != OI_LM_3 &&
      l->lm_form != OI_LM_4)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_LM_FORM, prefix, "local.lm_form",
                           "form %d is not LM-2, LM-3, LM-4 or none (S2)", (int)l->lm_form);
  if (!is_flag(l->receipts_known))
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_BOOLEAN, prefix, "local.receipts_known",
                           "%d is neither 0 nor 1", l->receipts_known);
  if (l->receipts_cents < 0)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_RANGE, prefix, "local.receipts_cents",
                           "receipts of %lld cents are negative", (long long)l->receipts_cents);
  return OI_OK;
}

oi_status oip_check_officer(const oi_officer *o, oi_error *err, const char *prefix)
{
  oi_status st;
  size_t i;

  st = oip_check_version(&oip_layout_officer, o->version, err, prefix, "officer.version");
  if (st == OI_OK)
    st = oip_check_string(o->id, OI_ID_MAX, 1, err, prefix, "officer.id");
  if (st == OI_OK)
    st = oip_check_string(o->name, OI_NAME_MAX, 0, err, prefix, "officer.name");
  if (st != OI_OK)
    return st;
  if ((int)o->office < OI_OFFICE_NONE || o->office > OI_OFFICE_OTHER)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_OFFICE, prefix, "officer.office",
                           "office %d is not an office (U2)", (int)o->office);
  if (o->graduation_count > OI_GRADUATIONS_MAX)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_LIMIT, prefix, "officer.graduation_count",
                           "%zu graduations; at most %d may be claimed", o->graduation_count,
                           OI_GRADUATIONS_MAX);
  if (o->graduation_count > 0 && o->graduations == NULL)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, prefix, "officer.graduations",
                           "the graduations array is NULL but the count is %zu",
                           o->graduation_count);
  for (i = 0; i < o->graduation_count; i++) {
    const oi_graduation *g = &o->graduations[i];
    char field[64];

    if (oip_check_string(g->site, OI_NAME_MAX, 1, NULL, NULL, NULL) != OI_OK) {
      snprintf(field, sizeof field, "officer.graduations[%zu].site", i);
      return oip_check_string(g->site, OI_NAME_MAX, 1, err, prefix, field);
    }
    if (!oi_date_is_none(g->date) && !oi_date_is_valid(g->date)) {
      snprintf(field, sizeof field, "officer.graduations[%zu].date", i);
      return oip_fail_expect(err, OI_EDATE, OI_EXPECT_DATE, prefix, field,
                             "%04d-%02d-%02d is not a calendar date (use {0,0,0} for undated)",
                             g->date.year, g->date.month, g->date.day);
    }
  }
  return OI_OK;
}

oi_status oip_check_session_id(const oi_policy *p, const char *id, oi_error *err,
                               const char *prefix, size_t *index)
{
  oi_status st = oip_check_string(id, OI_ID_MAX, 1, err, prefix, "session_id");

  if (st != OI_OK)
    return st;
  if (oip_find_session(p, id, index) == NULL)
    return oip_fail_no_session(err, p, prefix, "session_id", id);
  return OI_OK;
}

oi_status oip_validate_subsidy(const oi_policy *p, const oi_subsidy_request *r,
                               const char *prefix, size_t *session_index, oi_error *err)
{
  oi_status st;

  st = oip_check_version(&oip_layout_subsidy_request, r->version, err, prefix, "version");
  if (st == OI_OK)
    st = oip_check_string(r->id, OI_ID_MAX, 0, err, prefix, "id");
  if (st == OI_OK)
    st = oip_check_session_id(p, r->session_id, err, prefix, session_index);
  if (st == OI_OK)
    st = oip_check_local(&r->local, err, prefix);
  if (st == OI_OK)
    st = oip_check_officer(&r->officer, err, prefix);
  if (st != OI_OK)
    return st;
  if (!oi_datetime_is_valid(r->received))
    return oip_fail_expect(err, OI_EDATE, OI_EXPECT_DATETIME, prefix, "received",
                    "%04d-%02d-%02d %02d:%02d:%02d is not a valid moment",
                    r->received.date.year, r->received.date.month, r->received.date.day,
                    r->received.hour, r->received.minute, r->received.second);
  if (date_before(r->received.date, p->earliest_received))
    return oip_fail(err, OI_EINVAL, prefix, "received",
                    "%04d-%02d-%02d is more than a year before the policy's first session: "
                    "the earliest plausible receipt is %04d-%02d-%02d",
                    r->received.date.year, r->received.date.month, r->received.date.day,
                    p->earliest_received.year, p->earliest_received.month,
                    p->earliest_received.day);
  if (r->nights < 1)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_RANGE, prefix, "nights",
                           "%d nights requested; at least 1", r->nights);
  if (!is_flag(r->attested))
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_BOOLEAN, prefix, "attested",
                           "%d is neither 0 nor 1", r->attested);
  if (!is_flag(r->with_application))
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_BOOLEAN, prefix, "with_application",
                           "%d is neither 0 nor 1", r->with_application);
  if (!is_flag(r->application_signed))
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_BOOLEAN, prefix, "application_signed",
                           "%d is neither 0 nor 1", r->application_signed);
  if (!is_flag(r->request_signed))
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_BOOLEAN, prefix, "request_signed",
                           "%d is neither 0 nor 1", r->request_signed);
  return OI_OK;
}

/*
 * The checks of oip_validate_subsidy() as one predicate, for the request
 * that passes them all, which is read once: each string is measured and
 * looked at in one pass (strutil.h), the session found by its id's length
 * and bytes, the receipt's day number computed once. Any doubt (a failure, a
 * byte that may begin a control character, graduations to look at) returns
 * 0, and the full checks then say exactly what is wrong, in their order.
 */
OIP_ALWAYS_INLINE static inline int quick_string(const char *s, size_t max, int required, size_t *len)
{
  const char *end;

  if (s == NULL)
    return 0;
  end = (const char *)memchr(s, '\0', max + 1);
  if (end == NULL || (required && end == s) ||
      oip_may_hold_control((const unsigned char *)s, (size_t)(end - s)))
    return 0;
  *len = (size_t)(end - s);
  return 1;
}

OIP_ALWAYS_INLINE static inline int quick_checks(const oi_policy *p,
                                                 const oi_subsidy_request *r,
                                                 struct oip_checked *c)
{
  static const unsigned char month_days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  const oi_local *l = &r->local;
  const oi_officer *o = &r->officer;
  const oi_datetime *t = &r->received;
  const char *end;
  unsigned days;

  c->id_len = c->officer_name_len = 0;
  /* Only the layouts these headers declare take the quick path. */
  if (r->version != OI_SUBSIDY_REQUEST_VERSION || l->version != OI_LOCAL_VERSION ||
      o->version != OI_OFFICER_VERSION)
    return 0;
  if (r->id != NULL && !quick_string(r->id, OI_ID_MAX, 0, &c->id_len))
    return 0;
  /* A session id the policy has is a checked id: finding it is its check. */
  if (r->session_id == NULL ||
      (end = (const char *)memchr(r->session_id, '\0', OI_ID_MAX + 1)) == NULL ||
      oip_session_by_id(p, r->session_id, (size_t)(end - r->session_id), &c->session) == NULL)
    return 0;
  if (l->number < 1 || !quick_string(l->name, OI_NAME_MAX, 1, &c->local_name_len) ||
      (unsigned)l->country - 1u > 1u || (unsigned)l->district - 1u >= OI_DISTRICT_COUNT ||
      (unsigned)l->lm_form > 4u || ((0x1du >> (unsigned)l->lm_form) & 1u) == 0 ||
      (unsigned)l->receipts_known > 1u || l->receipts_cents < 0)
    return 0;
  if (!quick_string(o->id, OI_ID_MAX, 1, &c->officer_id_len) ||
      (o->name != NULL && !quick_string(o->name, OI_NAME_MAX, 0, &c->officer_name_len)) ||
      (unsigned)o->office > (unsigned)OI_OFFICE_OTHER || o->graduation_count != 0)
    return 0;
  if ((unsigned)t->date.year - OI_YEAR_MIN > (unsigned)(OI_YEAR_MAX - OI_YEAR_MIN) ||
      (unsigned)t->date.month - 1u > 11u)
    return 0;
  days = month_days[t->date.month - 1];
  if (t->date.month == 2 && (t->date.year % 4 == 0 && (t->date.year % 100 != 0 ||
                                                        t->date.year % 400 == 0)))
    days = 29;
  if ((unsigned)t->date.day - 1u >= days || (unsigned)t->hour > 23u ||
      (unsigned)t->minute > 59u || (unsigned)t->second > 59u)
    return 0;
  c->received_days = oip_days_inline(t->date);
  return c->received_days >= p->earliest_received_days && r->nights >= 1 &&
         ((unsigned)r->attested | (unsigned)r->with_application |
          (unsigned)r->application_signed | (unsigned)r->request_signed) <= 1u;
}

oi_status oip_check_subsidy_request(const oi_policy *p, const oi_subsidy_request *r,
                                    const char *prefix, struct oip_checked *c, oi_error *err)
{
  oi_status st;

  if (quick_checks(p, r, c))
    return OI_OK;
  st = oip_validate_subsidy(p, r, prefix, &c->session, err);
  if (st != OI_OK)
    return st;
  /* Valid after all (graduations, or a byte that only looked suspect). */
  c->received_days = oip_days(r->received.date);
  c->id_len = r->id != NULL ? strlen(r->id) : 0;
  c->local_name_len = strlen(r->local.name);
  c->officer_id_len = strlen(r->officer.id);
  c->officer_name_len = r->officer.name != NULL ? strlen(r->officer.name) : 0;
  return OI_OK;
}

/* ---- decisions -------------------------------------------------------- */

void oip_set_reason(oi_reason *r, oi_reason_code code, oi_clause clause, oi_severity severity,
                    int32_t session, int64_t v0, int64_t v1, int64_t v2, int64_t v3)
{
  r->code = code;
  r->clause = clause;
  r->severity = severity;
  r->session = session;
  r->value[0] = v0;
  r->value[1] = v1;
  r->value[2] = v2;
  r->value[3] = v3;
  r->ref_id = NULL;
}

static void add_reason(oi_decision *d, oi_reason_code code, oi_clause clause,
                       oi_severity severity, int32_t session, int64_t v0, int64_t v1,
                       int64_t v2, int64_t v3)
{
  /* A decision carries at most one reason of each code, and fewer than
   * OIP_REASONS_MAX codes can meet in one decision (tests/check_abi
   * makes the worst case); the guard keeps a future rule from writing past
   * the array. */
  if (d->reason_count >= OIP_REASONS_MAX)
    return;
  oip_set_reason(&d->reasons[d->reason_count++], code, clause, severity, session, v0, v1, v2,
                 v3);
}

void oip_add_reason(oi_decision *d, oi_reason_code code, oi_clause clause,
                    oi_severity severity, int32_t session, int64_t v0, int64_t v1,
                    int64_t v2, int64_t v3)
{
  add_reason(d, code, clause, severity, session, v0, v1, v2, v3);
}

void oip_start_decision(const oi_policy *p, size_t session, oi_decision *d)
{
  d->outcome = OI_OUTCOME_NONE;
  d->policy_id = p->id;
  d->session = (int32_t)session;
  d->session_id = p->sessions[session].id;
  d->nights_requested = 0;
  d->nights = 0;
  d->payee = NULL;
  d->reason_count = 0;
  d->nights_if_awarded = 0;
  d->request_id = NULL;
}

/* E1: the session admits the local's country. */
OIP_ALWAYS_INLINE static inline void apply_e1(const struct oip_session *s, const oi_local *l, int32_t si, oi_decision *d)
{
  if ((s->countries & OI_COUNTRY_BIT(l->country)) == 0)
    add_reason(d, OI_REASON_COUNTRY_NOT_ADMITTED, OI_CLAUSE_E1, OI_SEVERITY_REFUSAL, si,
                   l->country, s->countries, 0, 0);
}

void oip_apply_e1(const struct oip_session *s, const oi_local *l, int32_t si, oi_decision *d)
{
  apply_e1(s, l, si, d);
}

/* S2: U.S. locals by their form alone, Canadian locals by their receipts
 * alone (strictly below the threshold), and the local's attestation. */
OIP_ALWAYS_INLINE static inline void apply_s2(const oi_policy *p, const oi_subsidy_request *r, int32_t si,
                     oi_decision *d)
{
  const oi_local *l = &r->local;
  const int64_t threshold = p->numbers.canada_threshold_cents;

  if (l->country == OI_COUNTRY_US) {
    if (l->lm_form != OI_LM_3 && l->lm_form != OI_LM_4)
      add_reason(d, OI_REASON_US_FORM_NOT_ELIGIBLE, OI_CLAUSE_S2, OI_SEVERITY_REFUSAL, si,
                     l->lm_form, 0, 0, 0);
  } else if (!l->receipts_known) {
    add_reason(d, OI_REASON_CA_RECEIPTS_UNKNOWN, OI_CLAUSE_S2, OI_SEVERITY_REFUSAL, si,
                   threshold, 0, 0, 0);
  } else if (l->receipts_cents >= threshold) {
    add_reason(d, OI_REASON_CA_RECEIPTS_TOO_HIGH, OI_CLAUSE_S2, OI_SEVERITY_REFUSAL, si,
                   l->receipts_cents, threshold, 0, 0);
  }
  if (!r->attested)
    add_reason(d, OI_REASON_NOT_ATTESTED, OI_CLAUSE_S2, OI_SEVERITY_REFUSAL, si, 0, 0, 0,
                   0);
}

void oip_decide_subsidy(const oi_policy *p, const oi_subsidy_request *r, size_t session,
                        oi_decision *d)
{
  struct oip_checked c = { 0 };

  c.session = session;
  c.received_days = oip_days(r->received.date);
  oip_decide_checked(p, r, &c, d);
}

/* Inline in oi_check_subsidy(), out of line for the ledger. */
OIP_ALWAYS_INLINE static inline void decide(const oi_policy *p, const oi_subsidy_request *r,
                                            const struct oip_checked *c, oi_decision *d)
{
  const size_t session = c->session;
  const struct oip_session *s = &p->sessions[session];
  const int32_t si = (int32_t)session;
  const int32_t received = c->received_days;
  const oi_local *l = &r->local;

  /* Most requests break no rule: one test of them all, then the rules one
   * by one only for a request that breaks one, so that its reasons come in
   * their order. */
  if ((s->countries & OI_COUNTRY_BIT(l->country)) != 0 &&
      (s->kinds & OIP_KIND_BIT(OI_COURSE_INSTITUTE)) != 0 &&
      (l->country == OI_COUNTRY_US
           ? l->lm_form == OI_LM_3 || l->lm_form == OI_LM_4
           : l->receipts_known && l->receipts_cents < p->numbers.canada_threshold_cents) &&
      (r->attested & r->with_application & r->application_signed & r->request_signed) != 0 &&
      received <= s->deadline_days) {
    d->policy_id = p->id;
    d->session = si;
    d->session_id = s->id;
    d->nights_requested = r->nights;
    d->reason_count = 0;
    d->request_id = r->id;
    goto eligible;
  }
  oip_start_decision(p, session, d);
  d->nights_requested = r->nights;
  d->request_id = r->id;

  apply_e1(s, &r->local, si, d);
  /* S1: subsidies exist only for the 1.0. */
  if ((s->kinds & OIP_KIND_BIT(OI_COURSE_INSTITUTE)) == 0)
    add_reason(d, OI_REASON_NO_SUBSIDY_FOR_COURSE, OI_CLAUSE_S1, OI_SEVERITY_REFUSAL, si,
                   0, 0, 0, 0);
  apply_s2(p, r, si, d);
  /* S6: the day of receipt counts, not the time: on or before the deadline. */
  if (received > s->deadline_days)
    add_reason(d, OI_REASON_RECEIVED_LATE, OI_CLAUSE_S6, OI_SEVERITY_REFUSAL, si, received,
                   s->first_days - received, s->deadline_days, p->numbers.deadline_weeks);
  /* S8: submitted with the regular application, both forms signed. */
  if (!r->with_application)
    add_reason(d, OI_REASON_NOT_WITH_APPLICATION, OI_CLAUSE_S8, OI_SEVERITY_REFUSAL, si, 0,
                   0, 0, 0);
  if (!r->application_signed)
    add_reason(d, OI_REASON_APPLICATION_NOT_SIGNED, OI_CLAUSE_S8, OI_SEVERITY_REFUSAL, si,
                   0, 0, 0, 0);
  if (!r->request_signed)
    add_reason(d, OI_REASON_REQUEST_NOT_SIGNED, OI_CLAUSE_S8, OI_SEVERITY_REFUSAL, si, 0,
                   0, 0, 0);

  if (d->reason_count > 0) {
    d->outcome = OI_OUTCOME_REFUSED;
    return;
  }
eligible:
  /* S3: up to max_nights, paid directly to the designated hotel, once
   * awarded; an eligible request states what an award of it pays. */
  d->outcome = OI_OUTCOME_ELIGIBLE;
  d->nights = r->nights < p->numbers.max_nights ? r->nights : p->numbers.max_nights;
  d->nights_if_awarded = d->nights;
  d->payee = s->hotel;
  if (r->nights > p->numbers.max_nights)
    add_reason(d, OI_REASON_NIGHTS_LIMITED, OI_CLAUSE_S3, OI_SEVERITY_NOTE, si, r->nights,
                   d->nights, 0, 0);
}

void oip_decide_checked(const oi_policy *p, const oi_subsidy_request *r,
                        const struct oip_checked *c, oi_decision *d)
{
  decide(p, r, c, d);
}

oi_status oi_check_subsidy(const oi_policy *p, const oi_subsidy_request *r, oi_decision *out,
                           oi_error *err)
{
  struct oip_checked checked;
  oi_status st;

  if (p == NULL || r == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL,
                    p == NULL ? "policy" : r == NULL ? "request" : "out",
                    "a required pointer is NULL");
  if (out->version != OI_DECISION_VERSION &&
      (st = oip_check_version(&oip_layout_decision, out->version, err, "out", "version")) != OI_OK)
    return st;
  if (!quick_checks(p, r, &checked)) {
    st = oip_check_subsidy_request(p, r, "request", &checked, err);
    if (st != OI_OK)
      return st;
  }
  decide(p, r, &checked, out);
  return OI_OK;
}

oi_status oip_check_request_element(const oi_policy *p, const oi_subsidy_request *reqs,
                                    size_t i, size_t req_size, struct oip_checked *c,
                                    oi_error *err)
{
  const oi_subsidy_request *r = (const oi_subsidy_request *)oip_at(reqs, i, req_size);
  oi_error tmp;
  oi_status st;

  /* The element's version first: it says how big the element is. */
  st = oip_check_version(&oip_layout_subsidy_request, r->version, &tmp, "request", "version");
  if (st == OI_OK)
    st = oip_check_element_size(&oip_layout_subsidy_request, r->version, req_size, err,
                                "req_size");
  else {
    oip_hint_element_size(&tmp, i, req_size, sizeof *r, "req_size");
    return oip_fail_element(err, &tmp, "requests", i);
  }
  if (st != OI_OK)
    return st;
  st = oip_check_subsidy_request(p, r, "request", c, &tmp);
  return st == OI_OK ? OI_OK : oip_fail_element(err, &tmp, "requests", i);
}

oi_status oip_check_decision_array(const oi_decision *out, size_t out_size, oi_error *err)
{
  oi_error tmp;

  if (oip_check_version(&oip_layout_decision, out->version, &tmp, "out", "version") != OI_OK)
    return oip_fail_element(err, &tmp, "out", 0);
  return oip_check_element_size(&oip_layout_decision, out->version, out_size, err, "out_size");
}

oi_status oi_check_subsidy_many(const oi_policy *p, const oi_subsidy_request *reqs,
                                size_t count, size_t req_size, oi_decision *out,
                                size_t out_size, oi_error *err)
{
  unsigned version;
  size_t i, session;
  oi_status st;

  if (p == NULL || (count > 0 && (reqs == NULL || out == NULL)))
    return oip_fail(err, OI_EINVAL, NULL,
                    p == NULL ? "policy" : reqs == NULL ? "requests" : "out",
                    "a required pointer is NULL");
  if (count == 0)
    return OI_OK;
  /* The first decision's version is the layout of them all (a C array
   * holds one type): only it is read, not a cache line of each. */
  st = oip_check_decision_array(out, out_size, err);
  if (st != OI_OK)
    return st;
  version = out->version;
  /* Validate everything first, so a bad element leaves out untouched. */
  for (i = 0; i < count; i++) {
    struct oip_checked c;

    st = oip_check_request_element(p, reqs, i, req_size, &c, err);
    if (st != OI_OK)
      return st;
  }
  for (i = 0; i < count; i++) {
    const oi_subsidy_request *r = (const oi_subsidy_request *)oip_at(reqs, i, req_size);
    oi_decision *d = (oi_decision *)oip_at_mut(out, i, out_size);

    (void)oip_find_session(p, r->session_id, &session);
    oip_decide_subsidy(p, r, session, d);
    d->version = version;
  }
  return OI_OK;
}
