/*
 * Private: the layout of a policy, shared by the modules that read it
 * (rules, reasons, ledger, JSON). Not installed.
 */
#ifndef OFFICERINST_POLICY_PRIVATE_H
#define OFFICERINST_POLICY_PRIVATE_H

#include <string.h>

#include "officerinst/policy.h"
#include "strutil.h"

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
  size_t id_len;         /* strlen(id), set when the policy is built */
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
   * day of the earliest session (computed when built), and its day number. */
  oi_date earliest_received;
  int32_t earliest_received_days;
  /* The sessions by id, for a look-up that reads the id once: an
   * open-addressing table of session_mask + 1 slots, made when the policy is
   * built. NULL in a builder's draft, whose look-ups scan. */
  struct oip_session_slot *session_slots;
  size_t session_mask;
};

/* A slot of that table: an id as its length and its first and last eight
 * bytes (oip_id_words()), which for an id of up to 16 bytes is the whole id,
 * and the session's index + 1 (0: an empty slot). */
struct oip_session_slot {
  uint64_t first, last;
  uint32_t length;
  uint32_t session;
};

/* Check the numbers of a policy; the path is "prefix.field". */
oi_status oip_check_numbers(const oi_policy_numbers *numbers, oi_error *err,
                            const char *prefix);

/* Lookups by exact id; NULL when absent. index may be NULL. */
const struct oip_course *oip_find_course(const struct oi_policy *p, const char *id,
                                         size_t *index);
const struct oip_session *oip_find_session(const struct oi_policy *p, const char *id,
                                           size_t *index);
/* The same for an id of n bytes (not necessarily followed by a NUL), which
 * reads no more than the n bytes. */
const struct oip_session *oip_find_session_n(const struct oi_policy *p, const char *id,
                                             size_t n, size_t *index);

/* An id of n bytes as two words: its first and last eight bytes (for n >= 8;
 * four, for n >= 4; its first, middle and last bytes below that). With n,
 * the words are the whole id up to 16 bytes: the words of two such ids are
 * equal only if the ids are. Reads only the n bytes. */
static inline void oip_id_words(const char *id, size_t n, uint64_t *first, uint64_t *last)
{
  const unsigned char *u = (const unsigned char *)id;

  if (n >= 8) {
    *first = oip_load64(u);
    *last = oip_load64(u + n - 8);
  } else if (n >= 4) {
    *first = oip_load32(u);
    *last = oip_load32(u + n - 4);
  } else {
    *first = n > 0 ? (uint64_t)u[0] | (uint64_t)u[n >> 1] << 8 | (uint64_t)u[n - 1] << 16 : 0;
    *last = 0;
  }
}

/* The slot an id's search starts at. Not keyed: the table holds the
 * policy's own ids, fixed when it is built, so no request can make a
 * look-up probe more slots than the policy has sessions. */
static inline size_t oip_session_hash(uint64_t first, uint64_t last, size_t n, size_t mask)
{
  const uint64_t h = (first ^ (last << 29 | last >> 35) ^ n) * UINT64_C(0x9e3779b97f4a7c15);

  return (size_t)(h >> 32 ^ h) & mask;
}

/* oip_find_session_n(), inline for the rules. */
OIP_ALWAYS_INLINE static inline const struct oip_session *oip_session_by_id(const struct oi_policy *p,
                                                          const char *id, size_t n,
                                                          size_t *index)
{
  const struct oip_session_slot *slot;
  uint64_t first, last;
  size_t i;

  if (p->session_slots == NULL) {
    for (i = 0; i < p->session_count; i++)
      if (p->sessions[i].id_len == n && memcmp(p->sessions[i].id, id, n) == 0)
        break;
    if (i >= p->session_count)
      return NULL;
  } else {
    oip_id_words(id, n, &first, &last);
    for (i = oip_session_hash(first, last, n, p->session_mask);; i = (i + 1) & p->session_mask) {
      slot = &p->session_slots[i];
      if (slot->session == 0)
        return NULL;
      if (slot->length == n && slot->first == first && slot->last == last &&
          (n <= 16 || memcmp(p->sessions[slot->session - 1].id + 8, id + 8, n - 16) == 0))
        break;
    }
    i = slot->session - 1;
  }
  if (index != NULL)
    *index = i;
  return &p->sessions[i];
}

#endif
