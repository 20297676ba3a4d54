/*
 * Enrollment (E1, the course offered at the session as C1-C3 describe it,
 * P1, P2) and graduation (C1): the stateless rules of a course, as rules.c
 * holds those of a subsidy. Each check validates its whole input first
 * (rules_private.h), then applies every rule, collecting every reason.
 */
#include <stdio.h>
#include <string.h>

#include "officerinst/rules.h"
#include "rules_private.h"
#include "policy_private.h"
#include "date_private.h"
#include "error_private.h"
#include "strutil.h"
#include "suggest.h"
#include "abi_private.h"

/* ---- enrollment ------------------------------------------------------- */

struct p1_result {
  int met;
  int64_t claimed;
  int64_t unknown; /* at a site neither on record nor in the catalogue */
  int64_t late;    /* not before the 2.0 session began */
};

static int on_record(const oi_policy *p, const char *key)
{
  size_t i;

  for (i = 0; i < p->site_count; i++)
    if (strcmp(p->sites[i].key, key) == 0)
      return 1;
  return 0;
}

/*
 * P1: a graduation from a prior 1.0. Reading (doc/policy.md, P1): a site on
 * record counts, dated before the 2.0 session's first day or undated; a 1.0
 * session of the policy's own catalogue, named by id or by city, counts if it
 * ended before the 2.0 session began (and, when the graduation is dated, not
 * after the graduation); any other site does not.
 */
static void check_p1(const oi_policy *p, const oi_officer *o, const struct oip_session *s2,
                     struct p1_result *res)
{
  size_t i, k;

  memset(res, 0, sizeof *res);
  res->claimed = (int64_t)o->graduation_count;
  for (i = 0; i < o->graduation_count; i++) {
    const oi_graduation *g = &o->graduations[i];
    const int dated = !oi_date_is_none(g->date);
    const int32_t day = dated ? oip_days(g->date) : 0;
    char key[OI_NAME_MAX + 1];
    int in_catalogue = 0;

    if (dated && day >= s2->first_days) {
      res->late++;
      continue;
    }
    oip_city_key(g->site, key, sizeof key);
    if (on_record(p, key)) {
      res->met = 1;
      return;
    }
    for (k = 0; k < p->session_count; k++) {
      const struct oip_session *c = &p->sessions[k];

      if ((c->kinds & OIP_KIND_BIT(OI_COURSE_INSTITUTE)) == 0)
        continue;
      if (strcmp(c->id, g->site) != 0 && strcmp(c->place_key, key) != 0)
        continue;
      in_catalogue = 1;
      if (c->last_days < s2->first_days && (!dated || day >= c->last_days)) {
        res->met = 1;
        return;
      }
    }
    if (in_catalogue)
      res->late++;
    else
      res->unknown++;
  }
}

static int holds_secretary_office(oi_office office)
{
  /* P2: exactly these offices; a Recording Secretary does not qualify. */
  return office == OI_OFFICE_SECRETARY || office == OI_OFFICE_TREASURER ||
         office == OI_OFFICE_SECRETARY_TREASURER;
}

static oi_clause course_clause(oi_course_kind kind)
{
  switch (kind) {
  case OI_COURSE_INSTITUTE:
    return OI_CLAUSE_C1;
  case OI_COURSE_ADVANCED_ORGANIZING:
    return OI_CLAUSE_C2;
  case OI_COURSE_ADVANCED_SECRETARY_TREASURER:
    return OI_CLAUSE_C3;
  }
  return OI_CLAUSE_NONE;
}

oi_status oi_check_enrollment(const oi_policy *p, const oi_application *a, oi_decision *out,
                              oi_error *err)
{
  const struct oip_session *s;
  const struct oip_course *c;
  size_t si, ci, k;
  int offered = 0;
  oi_status st;

  if (p == NULL || a == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL,
                    p == NULL ? "policy" : a == NULL ? "application" : "out",
                    "a required pointer is NULL");
  st = oip_check_version(&oip_layout_decision, out->version, err, "out", "version");
  if (st == OI_OK)
    st = oip_check_version(&oip_layout_application, a->version, err, "application",
                           "version");
  if (st == OI_OK)
    st = oip_check_session_id(p, a->session_id, err, "application", &si);
  if (st == OI_OK)
    st = oip_check_string(a->course_id, OI_ID_MAX, 1, err, "application", "course_id");
  if (st != OI_OK)
    return st;
  c = oip_find_course(p, a->course_id, &ci);
  if (c == NULL)
    return oip_fail_no_course(err, p, "application", "course_id", a->course_id);
  st = oip_check_local(&a->local, err, "application");
  if (st == OI_OK)
    st = oip_check_officer(&a->officer, err, "application");
  if (st != OI_OK)
    return st;

  s = &p->sessions[si];
  oip_start_decision(p, si, out);
  oip_apply_e1(s, &a->local, (int32_t)si, out);
  for (k = 0; k < s->course_count; k++)
    if (s->course_index[k] == ci)
      offered = 1;
  if (!offered)
    oip_add_reason(out, OI_REASON_COURSE_NOT_OFFERED, course_clause(c->kind),
                   OI_SEVERITY_REFUSAL, (int32_t)si, (int64_t)ci, 0, 0, 0);
  if (c->kind == OI_COURSE_ADVANCED_ORGANIZING) {
    struct p1_result p1;
    check_p1(p, &a->officer, s, &p1);
    if (!p1.met)
      oip_add_reason(out, OI_REASON_NO_QUALIFYING_GRADUATION, OI_CLAUSE_P1,
                     OI_SEVERITY_REFUSAL, (int32_t)si, p1.claimed, p1.unknown, p1.late,
                     s->first_days);
  } else if (c->kind == OI_COURSE_ADVANCED_SECRETARY_TREASURER &&
             !holds_secretary_office(a->officer.office)) {
    struct p1_result p1;
    check_p1(p, &a->officer, s, &p1);
    if (!p1.met)
      oip_add_reason(out, OI_REASON_NOT_SECRETARY_TREASURER, OI_CLAUSE_P2, OI_SEVERITY_REFUSAL,
                     (int32_t)si, a->officer.office, p1.claimed, p1.unknown, p1.late);
  }
  out->outcome = out->reason_count > 0 ? OI_OUTCOME_REFUSED : OI_OUTCOME_ADMITTED;
  return OI_OK;
}

/* ---- graduation ------------------------------------------------------- */

oi_status oi_check_graduation(const oi_policy *p, const char *session_id,
                              const oi_date *attended, size_t count, oi_decision *out,
                              oi_error *err)
{
  const struct oip_session *s;
  uint32_t seen = 0;
  int32_t days, first_missed = -1, earliest_out = 0, latest_out = 0;
  int64_t distinct = 0, outside = 0;
  size_t si, i;
  oi_status st;

  if (p == NULL || out == NULL || (count > 0 && attended == NULL))
    return oip_fail(err, OI_EINVAL, NULL,
                    p == NULL ? "policy" : out == NULL ? "out" : "attended",
                    "a required pointer is NULL");
  st = oip_check_version(&oip_layout_decision, out->version, err, "out", "version");
  if (st == OI_OK)
    st = oip_check_session_id(p, session_id, err, NULL, &si);
  if (st != OI_OK)
    return st;
  s = &p->sessions[si];
  if ((s->kinds & OIP_KIND_BIT(OI_COURSE_INSTITUTE)) == 0)
    return oip_fail(err, OI_EINVAL, NULL, "session_id",
                    "session \"%s\" gives no Officer Institute 1.0, whose certificate C1 "
                    "governs",
                    s->id);
  days = s->last_days - s->first_days + 1;
  for (i = 0; i < count; i++) {
    char field[32];
    int32_t d;

    if (!oi_date_is_valid(attended[i])) {
      snprintf(field, sizeof field, "attended[%zu]", i);
      return oip_fail(err, OI_EDATE, NULL, field, "%04d-%02d-%02d is not a calendar date",
                      attended[i].year, attended[i].month, attended[i].day);
    }
    d = oip_days(attended[i]);
    /* Reading (C1): the list is a record of what was attended; a day outside
     * the session neither counts nor makes the record invalid. */
    if (d < s->first_days || d > s->last_days) {
      if (outside == 0 || d < earliest_out)
        earliest_out = d;
      if (outside == 0 || d > latest_out)
        latest_out = d;
      outside++;
      continue;
    }
    seen |= UINT32_C(1) << (d - s->first_days);
  }
  for (i = 0; i < (size_t)days; i++) {
    if (seen & (UINT32_C(1) << i))
      distinct++;
    else if (first_missed < 0)
      first_missed = s->first_days + (int32_t)i;
  }
  oip_start_decision(p, si, out);
  /* C1: the certificate requires every class, so every day of the session. */
  if (first_missed >= 0) {
    oip_add_reason(out, OI_REASON_MISSED_DAYS, OI_CLAUSE_C1, OI_SEVERITY_REFUSAL, (int32_t)si,
                   distinct, days, first_missed, 0);
    out->outcome = OI_OUTCOME_NOT_GRADUATED;
  } else {
    out->outcome = OI_OUTCOME_GRADUATED;
  }
  if (outside > 0)
    oip_add_reason(out, OI_REASON_DAYS_OUTSIDE_SESSION, OI_CLAUSE_C1, OI_SEVERITY_NOTE,
                   (int32_t)si, outside, earliest_out, latest_out, 0);
  return OI_OK;
}
