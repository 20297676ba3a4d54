/*
 * Private: the layout of a policy, shared by the modules that read it
 * (rules, reasons, ledger, JSON). Not installed.
 */
#ifndef OFFICERINST_POLICY_PRIVATE_H
#define OFFICERINST_POLICY_PRIVATE_H

#include "officerinst/policy.h"

/* Bounds on the numbers of a policy (U3); see oip_check_numbers(). */
#define OIP_SEATS_MAX 100000
#define OIP_CAP_MAX 100000
#define OIP_DEADLINE_WEEKS_MAX 52
#define OIP_NIGHTS_MAX 31
/* Longest session, in days: attendance (C1) is kept as a bit per day. */
#define OIP_SESSION_DAYS_MAX 31

/* Bit of a course kind in oip_session.kinds. */
#define OIP_KIND_BIT(k) (1u << (unsigned)(k))

struct oip_course {
  char id[OI_ID_MAX + 1];
  char title[OI_NAME_MAX + 1];
  oi_course_kind kind;
};

struct oip_session {
  char id[OI_ID_MAX + 1];
  char place[OI_NAME_MAX + 1];
  char place_key[OI_NAME_MAX + 1]; /* oip_city_key(place), for P1 */
  char hotel[OI_NAME_MAX + 1];
  int has_hotel;
  oi_date first_day;
  oi_date last_day;
  int32_t first_days;    /* day numbers, computed once so rules never convert */
  int32_t last_days;
  int32_t deadline_days; /* S6: first day minus the deadline weeks */
  unsigned countries;    /* E1 */
  unsigned kinds;        /* OIP_KIND_BIT of every course kind offered */
  int seats;             /* S1, S4: own seats if set, else seats_per_session if a 1.0
                            is offered, else 0 */
  int own_seats;         /* S4: the session's own seats, when has_own_seats */
  int has_own_seats;
  size_t course_count;
  size_t course_index[OI_SESSION_COURSES_MAX];
  /* Points into the owning policy's courses; wired when the policy is built. */
  const char *course_ids[OI_SESSION_COURSES_MAX];
};

struct oip_site {
  char name[OI_NAME_MAX + 1];
  char key[OI_NAME_MAX + 1]; /* oip_city_key(name) */
};

struct oi_policy {
  char id[OI_ID_MAX + 1];
  char digest[17];
  oi_policy_numbers numbers;
  size_t course_count;
  size_t session_count;
  size_t site_count;
  struct oip_course *courses;
  struct oip_session *sessions;
  struct oip_site *sites;
  /* The earliest plausible receipt of a request: a year before the first
   * day of the earliest session (computed when built). */
  oi_date earliest_received;
};

/* Check the numbers of a policy; the path is "prefix.field". */
oi_status oip_check_numbers(const oi_policy_numbers *numbers, oi_error *err,
                            const char *prefix);

/* Lookups by exact id; NULL when absent. index may be NULL. */
const struct oip_course *oip_find_course(const struct oi_policy *p, const char *id,
                                         size_t *index);
const struct oip_session *oip_find_session(const struct oi_policy *p, const char *id,
                                           size_t *index);

#endif
