/*
 * The policy object (immutable once built) and its builder.
 *
 * A policy holds every number of U3 as data; the rules read them from here
 * and the code holds none of them as constants. Once built, nothing in a
 * policy changes, so threads share one without locking.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "officerinst/policy.h"
#include "policy_private.h"
#include "date_private.h"
#include "error_private.h"
#include "strutil.h"
#include "abi_private.h"
#include "suggest.h"

struct oi_policy_builder {
  struct oi_policy draft;
  size_t course_cap;
  size_t session_cap;
  size_t site_cap;
};

/* ---- numbers ---------------------------------------------------------- */

oi_status oip_check_numbers(const oi_policy_numbers *n, oi_error *err, const char *prefix)
{
  if (!oip_known(&oip_layout_policy_numbers, n->version))
    return oip_check_version(&oip_layout_policy_numbers, n->version, err, prefix, "version");
  /* Year 1 is excluded so a deadline (at most 52 weeks earlier) stays in range. */
  if (n->year < OI_YEAR_MIN + 1 || n->year > OI_YEAR_MAX)
    return oip_fail(err, OI_EINVAL, prefix, "year", "year %d is outside %d..%d", n->year,
                    OI_YEAR_MIN + 1, OI_YEAR_MAX);
  if (n->seats_per_session < 0 || n->seats_per_session > OIP_SEATS_MAX)
    return oip_fail(err, OI_EINVAL, prefix, "seats_per_session",
                    "seats per session %d is outside 0..%d (S4)", n->seats_per_session,
                    OIP_SEATS_MAX);
  if (n->local_cap_per_year < 0 || n->local_cap_per_year > OIP_CAP_MAX)
    return oip_fail(err, OI_EINVAL, prefix, "local_cap_per_year",
                    "local cap per year %d is outside 0..%d (S5)", n->local_cap_per_year,
                    OIP_CAP_MAX);
  if (n->deadline_weeks < 0 || n->deadline_weeks > OIP_DEADLINE_WEEKS_MAX)
    return oip_fail(err, OI_EINVAL, prefix, "deadline_weeks",
                    "deadline weeks %d is outside 0..%d (S6)", n->deadline_weeks,
                    OIP_DEADLINE_WEEKS_MAX);
  if (n->max_nights < 1 || n->max_nights > OIP_NIGHTS_MAX)
    return oip_fail(err, OI_EINVAL, prefix, "max_nights",
                    "max nights %d is outside 1..%d (S3)", n->max_nights, OIP_NIGHTS_MAX);
  if (n->canada_threshold_cents < 0)
    return oip_fail(err, OI_EINVAL, prefix, "canada_threshold_cents",
                    "the Canadian threshold %lld cents is negative (S2)",
                    (long long)n->canada_threshold_cents);
  return OI_OK;
}

/* ---- builder ---------------------------------------------------------- */

oi_status oi_policy_builder_new(oi_policy_builder **out, const char *id,
                                const oi_policy_numbers *numbers, oi_error *err)
{
  oi_policy_builder *b;
  oi_status st;

  if (out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, "out", "the output pointer is NULL");
  st = oip_check_string(id, OI_ID_MAX, 1, err, NULL, "id");
  if (st != OI_OK)
    return st;
  if (numbers == NULL)
    return oip_fail(err, OI_EINVAL, NULL, "numbers", "the numbers pointer is NULL");
  st = oip_check_numbers(numbers, err, "numbers");
  if (st != OI_OK)
    return st;
  b = calloc(1, sizeof *b);
  if (b == NULL)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory for a policy builder");
  oip_copy(b->draft.id, sizeof b->draft.id, id);
  /* Kept in the library's own layout, whatever the caller's. */
  b->draft.numbers = (oi_policy_numbers)OI_POLICY_NUMBERS_INIT;
  memcpy(&b->draft.numbers, numbers, oip_size(&oip_layout_policy_numbers, numbers->version));
  b->draft.numbers.version = OI_POLICY_NUMBERS_VERSION;
  *out = b;
  return OI_OK;
}

void oi_policy_builder_free(oi_policy_builder *b)
{
  if (b == NULL)
    return;
  free(b->draft.courses);
  free(b->draft.sessions);
  free(b->draft.sites);
  free(b);
}

/* Make room for one more element of an array of capacity *cap. */
static oi_status reserve(void **items, size_t *cap, size_t count, size_t size, oi_error *err)
{
  size_t n;
  void *p;

  if (count < *cap)
    return OI_OK;
  if (count >= OI_POLICY_ITEMS_MAX)
    return oip_fail(err, OI_ELIMIT, NULL, NULL, "a policy holds at most %d of each item",
                    OI_POLICY_ITEMS_MAX);
  n = *cap == 0 ? 8 : *cap * 2;
  if (n > OI_POLICY_ITEMS_MAX)
    n = OI_POLICY_ITEMS_MAX;
  p = realloc(*items, n * size);
  if (p == NULL)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory growing a policy");
  *items = p;
  *cap = n;
  return OI_OK;
}

const struct oip_course *oip_find_course(const struct oi_policy *p, const char *id,
                                            size_t *index)
{
  size_t i;

  for (i = 0; i < p->course_count; i++)
    if (strcmp(p->courses[i].id, id) == 0) {
      if (index != NULL)
        *index = i;
      return &p->courses[i];
    }
  return NULL;
}

const struct oip_session *oip_find_session_n(const struct oi_policy *p, const char *id,
                                             size_t n, size_t *index)
{
  return oip_session_by_id(p, id, n, index);
}

const struct oip_session *oip_find_session(const struct oi_policy *p, const char *id,
                                           size_t *index)
{
  return oip_find_session_n(p, id, strlen(id), index);
}

/* The table oip_find_session_n() searches: at most half full. */
static int index_sessions(struct oi_policy *p)
{
  size_t i, cap = 4;

  while (cap < 2 * p->session_count)
    cap *= 2;
  p->session_slots = calloc(cap, sizeof *p->session_slots);
  if (p->session_slots == NULL)
    return -1;
  p->session_mask = cap - 1;
  for (i = 0; i < p->session_count; i++) {
    const struct oip_session *s = &p->sessions[i];
    uint64_t first, last;
    size_t k;

    oip_id_words(s->id, s->id_len, &first, &last);
    k = oip_session_hash(first, last, s->id_len, p->session_mask);
    while (p->session_slots[k].session != 0)
      k = (k + 1) & p->session_mask;
    p->session_slots[k].first = first;
    p->session_slots[k].last = last;
    p->session_slots[k].length = (uint32_t)s->id_len;
    p->session_slots[k].session = (uint32_t)(i + 1);
  }
  return 0;
}

oi_status oi_policy_builder_add_course(oi_policy_builder *b, const oi_course *c, oi_error *err)
{
  struct oip_course *dst;
  oi_status st;

  if (b == NULL || c == NULL)
    return oip_fail(err, OI_EINVAL, NULL, b == NULL ? "builder" : "course",
                    "the %s pointer is NULL", b == NULL ? "builder" : "course");
  st = oip_check_version(&oip_layout_course, c->version, err, "course", "version");
  if (st == OI_OK)
    st = oip_check_string(c->id, OI_ID_MAX, 1, err, "course", "id");
  if (st == OI_OK)
    st = oip_check_string(c->title, OI_NAME_MAX, 1, err, "course", "title");
  if (st != OI_OK)
    return st;
  if (c->kind < OI_COURSE_INSTITUTE || c->kind > OI_COURSE_ADVANCED_SECRETARY_TREASURER)
    return oip_fail(err, OI_EINVAL, "course", "kind", "course kind %d is not a kind of course",
                    (int)c->kind);
  if (oip_find_course(&b->draft, c->id, NULL) != NULL)
    return oip_fail(err, OI_EEXISTS, "course", "id", "course \"%s\" is already defined", c->id);
  st = reserve((void **)&b->draft.courses, &b->course_cap, b->draft.course_count,
               sizeof *b->draft.courses, err);
  if (st != OI_OK)
    return st;
  dst = &b->draft.courses[b->draft.course_count++];
  memset(dst, 0, sizeof *dst);
  oip_copy(dst->id, sizeof dst->id, c->id);
  oip_copy(dst->title, sizeof dst->title, c->title);
  dst->kind = c->kind;
  return OI_OK;
}

static oi_status check_session(const oi_policy_builder *b, const oi_session *s,
                               struct oip_session *out, oi_error *err)
{
  const unsigned known = OI_COUNTRY_BIT(OI_COUNTRY_US) | OI_COUNTRY_BIT(OI_COUNTRY_CA);
  oi_status st;
  size_t i, j;

  st = oip_check_version(&oip_layout_session, s->version, err, "session", "version");
  if (st == OI_OK)
    st = oip_check_string(s->id, OI_ID_MAX, 1, err, "session", "id");
  if (st == OI_OK)
    st = oip_check_string(s->place, OI_NAME_MAX, 1, err, "session", "place");
  if (st == OI_OK)
    st = oip_check_string(s->hotel, OI_NAME_MAX, 0, err, "session", "hotel");
  if (st != OI_OK)
    return st;
  if (oip_find_session(&b->draft, s->id, NULL) != NULL)
    return oip_fail(err, OI_EEXISTS, "session", "id", "session \"%s\" is already defined",
                    s->id);
  if (!oi_date_is_valid(s->first_day))
    return oip_fail(err, OI_EDATE, "session", "first_day",
                    "%04d-%02d-%02d is not a calendar date", s->first_day.year,
                    s->first_day.month, s->first_day.day);
  if (!oi_date_is_valid(s->last_day))
    return oip_fail(err, OI_EDATE, "session", "last_day",
                    "%04d-%02d-%02d is not a calendar date", s->last_day.year,
                    s->last_day.month, s->last_day.day);
  /* U3: a catalogue may span calendar years (S5 and S9 count by the year of
   * each session's first day), so the policy year is no bound; year 1 is, so
   * that the S6 deadline (at most 52 weeks earlier) stays a date. */
  if (s->first_day.year < OI_YEAR_MIN + 1)
    return oip_fail(err, OI_EINVAL, "session", "first_day",
                    "session \"%s\" begins in year %d; sessions begin in %d..%d so that "
                    "their subsidy deadline (S6) is a date",
                    s->id, s->first_day.year, OI_YEAR_MIN + 1, OI_YEAR_MAX);
  if (oi_date_compare(s->last_day, s->first_day) < 0)
    return oip_fail(err, OI_EINVAL, "session", "last_day",
                    "session \"%s\" ends %04d-%02d-%02d, before it begins", s->id,
                    s->last_day.year, s->last_day.month, s->last_day.day);
  if (oip_days(s->last_day) - oip_days(s->first_day) >= OIP_SESSION_DAYS_MAX)
    return oip_fail(err, OI_EINVAL, "session", "last_day",
                    "session \"%s\" lasts more than %d days", s->id, OIP_SESSION_DAYS_MAX);
  if (s->countries == 0 || (s->countries & ~known) != 0)
    return oip_fail(err, OI_EINVAL, "session", "countries",
                    "countries mask 0x%x must name U.S., Canada or both (E1)", s->countries);
  if (s->course_count < 1 || s->course_count > OI_SESSION_COURSES_MAX)
    return oip_fail(err, OI_EINVAL, "session", "course_count",
                    "session \"%s\" offers %zu courses; it must offer 1..%d", s->id,
                    s->course_count, OI_SESSION_COURSES_MAX);
  if (s->course_ids == NULL)
    return oip_fail(err, OI_EINVAL, "session", "course_ids", "the course id array is NULL");
  if (s->has_own_seats != 0 && s->has_own_seats != 1)
    return oip_fail(err, OI_EINVAL, "session", "has_own_seats", "%d is neither 0 nor 1",
                    s->has_own_seats);
  if (s->has_own_seats && (s->own_seats < 0 || s->own_seats > OIP_SEATS_MAX))
    return oip_fail(err, OI_EINVAL, "session", "own_seats",
                    "session \"%s\" has %d seats; a session has 0..%d (S4)", s->id,
                    s->own_seats, OIP_SEATS_MAX);

  memset(out, 0, sizeof *out);
  for (i = 0; i < s->course_count; i++) {
    const struct oip_course *c;
    char field[32];

    snprintf(field, sizeof field, "course_ids[%zu]", i);
    st = oip_check_string(s->course_ids[i], OI_ID_MAX, 1, err, "session", field);
    if (st != OI_OK)
      return st;
    c = oip_find_course(&b->draft, s->course_ids[i], &out->course_index[i]);
    if (c == NULL) {
      const char *meant = err != NULL ? oip_suggest_course(&b->draft, s->course_ids[i]) : NULL;
      oip_fail_expect(err, OI_ENOTFOUND, OI_EXPECT_COURSE, "session", field,
                      "session \"%s\" offers unknown course \"%s\"%s%s%s", s->id,
                      s->course_ids[i], meant ? "; did you mean \"" : "", meant ? meant : "",
                      meant ? "\"?" : "");
      oip_error_set_suggestion(err, meant);
      return OI_ENOTFOUND;
    }
    for (j = 0; j < i; j++)
      if (out->course_index[j] == out->course_index[i])
        return oip_fail(err, OI_EINVAL, "session", field,
                        "session \"%s\" offers course \"%s\" twice", s->id, s->course_ids[i]);
    out->kinds |= OIP_KIND_BIT(c->kind);
  }
  /* S3: the subsidy is paid to the designated hotel, so a 1.0 session needs one. */
  if ((out->kinds & OIP_KIND_BIT(OI_COURSE_INSTITUTE)) != 0 &&
      (s->hotel == NULL || s->hotel[0] == '\0'))
    return oip_fail(err, OI_EINVAL, "session", "hotel",
                    "session \"%s\" offers the Officer Institute 1.0 but names no designated "
                    "hotel (S3)",
                    s->id);
  /* S1: subsidies exist only for the 1.0, so only its sessions have seats. */
  if (s->has_own_seats && s->own_seats > 0 &&
      (out->kinds & OIP_KIND_BIT(OI_COURSE_INSTITUTE)) == 0)
    return oip_fail(err, OI_EINVAL, "session", "own_seats",
                    "session \"%s\" gives no Officer Institute 1.0, so it has no subsidy "
                    "seats (S1); it sets %d",
                    s->id, s->own_seats);

  oip_copy(out->id, sizeof out->id, s->id);
  oip_copy(out->place, sizeof out->place, s->place);
  oip_city_key(out->place, out->place_key, sizeof out->place_key);
  out->has_hotel = s->hotel != NULL && s->hotel[0] != '\0';
  if (out->has_hotel)
    oip_copy(out->hotel, sizeof out->hotel, s->hotel);
  out->first_day = s->first_day;
  out->last_day = s->last_day;
  out->countries = s->countries;
  out->course_count = s->course_count;
  out->has_own_seats = s->has_own_seats;
  out->own_seats = s->has_own_seats ? s->own_seats : 0;
  return OI_OK;
}

oi_status oi_policy_builder_add_session(oi_policy_builder *b, const oi_session *s,
                                        oi_error *err)
{
  struct oip_session tmp;
  oi_status st;

  if (b == NULL || s == NULL)
    return oip_fail(err, OI_EINVAL, NULL, b == NULL ? "builder" : "session",
                    "the %s pointer is NULL", b == NULL ? "builder" : "session");
  st = check_session(b, s, &tmp, err);
  if (st != OI_OK)
    return st;
  st = reserve((void **)&b->draft.sessions, &b->session_cap, b->draft.session_count,
               sizeof *b->draft.sessions, err);
  if (st != OI_OK)
    return st;
  tmp.id_len = strlen(tmp.id);
  b->draft.sessions[b->draft.session_count++] = tmp;
  return OI_OK;
}

oi_status oi_policy_builder_add_prior_site(oi_policy_builder *b, const char *site,
                                           oi_error *err)
{
  struct oip_site tmp;
  oi_status st;
  size_t i;

  if (b == NULL)
    return oip_fail(err, OI_EINVAL, NULL, "builder", "the builder pointer is NULL");
  st = oip_check_string(site, OI_NAME_MAX, 1, err, NULL, "site");
  if (st != OI_OK)
    return st;
  memset(&tmp, 0, sizeof tmp);
  oip_copy(tmp.name, sizeof tmp.name, site);
  if (oip_city_key(site, tmp.key, sizeof tmp.key) == 0)
    return oip_fail(err, OI_EINVAL, NULL, "site", "\"%s\" names no city", site);
  for (i = 0; i < b->draft.site_count; i++)
    if (strcmp(b->draft.sites[i].key, tmp.key) == 0)
      return oip_fail(err, OI_EEXISTS, NULL, "site", "\"%s\" is already on record as \"%s\"",
                      site, b->draft.sites[i].name);
  st = reserve((void **)&b->draft.sites, &b->site_cap, b->draft.site_count,
               sizeof *b->draft.sites, err);
  if (st != OI_OK)
    return st;
  b->draft.sites[b->draft.site_count++] = tmp;
  return OI_OK;
}

/* ---- digest ----------------------------------------------------------- */

#define FNV_OFFSET UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME UINT64_C(0x100000001b3)

static uint64_t hash_bytes(uint64_t h, const void *data, size_t n)
{
  const unsigned char *p = data;
  size_t i;

  for (i = 0; i < n; i++) {
    h ^= p[i];
    h *= FNV_PRIME;
  }
  return h;
}

/* Integers are hashed as 8 little-endian bytes so the digest is portable. */
static uint64_t hash_int(uint64_t h, int64_t v)
{
  unsigned char b[8];
  uint64_t u = (uint64_t)v;
  int i;

  for (i = 0; i < 8; i++)
    b[i] = (unsigned char)(u >> (8 * i));
  return hash_bytes(h, b, sizeof b);
}

/* Strings with their terminating NUL, so ("ab","c") and ("a","bc") differ. */
static uint64_t hash_str(uint64_t h, const char *s)
{
  return hash_bytes(h, s, strlen(s) + 1);
}

static uint64_t hash_date(uint64_t h, oi_date d)
{
  return hash_int(hash_int(hash_int(h, d.year), d.month), d.day);
}

/* The digest covers the content, not the id: the same rules under two ids
 * have the same digest. A policy whose sessions all take the policy's seats
 * per session is encoded as before sessions could set their own, so its
 * digest (recorded in snapshots) is unchanged; one where a session sets its
 * own seats is encoded under another tag, with every session's seats. */
static void compute_digest(struct oi_policy *p)
{
  static const char hex[] = "0123456789abcdef";
  const oi_policy_numbers *n = &p->numbers;
  uint64_t h = FNV_OFFSET;
  size_t i, j;
  int k, own = 0;

  for (i = 0; i < p->session_count; i++)
    own |= p->sessions[i].has_own_seats;
  h = hash_str(h, own ? "officerinst-policy-2" : "officerinst-policy-1");
  h = hash_int(h, n->year);
  h = hash_int(h, n->seats_per_session);
  h = hash_int(h, n->local_cap_per_year);
  h = hash_int(h, n->deadline_weeks);
  h = hash_int(h, n->max_nights);
  h = hash_int(h, n->canada_threshold_cents);
  h = hash_int(h, (int64_t)p->course_count);
  for (i = 0; i < p->course_count; i++) {
    h = hash_str(h, p->courses[i].id);
    h = hash_str(h, p->courses[i].title);
    h = hash_int(h, p->courses[i].kind);
  }
  h = hash_int(h, (int64_t)p->session_count);
  for (i = 0; i < p->session_count; i++) {
    const struct oip_session *s = &p->sessions[i];
    h = hash_str(h, s->id);
    h = hash_str(h, s->place);
    h = hash_str(h, s->has_hotel ? s->hotel : "");
    h = hash_date(h, s->first_day);
    h = hash_date(h, s->last_day);
    h = hash_int(h, s->countries);
    h = hash_int(h, (int64_t)s->course_count);
    for (j = 0; j < s->course_count; j++)
      h = hash_str(h, p->courses[s->course_index[j]].id);
    if (own) {
      h = hash_int(h, s->has_own_seats);
      h = hash_int(h, s->own_seats);
    }
  }
  h = hash_int(h, (int64_t)p->site_count);
  for (i = 0; i < p->site_count; i++)
    h = hash_str(h, p->sites[i].name);
  for (k = 0; k < 16; k++)
    p->digest[k] = hex[(h >> (60 - 4 * k)) & 0xf];
  p->digest[16] = '\0';
}

/* ---- build ------------------------------------------------------------ */

static void *copy_array(const void *src, size_t count, size_t size)
{
  void *p = malloc(count == 0 ? 1 : count * size);

  if (p != NULL && count > 0)
    memcpy(p, src, count * size);
  return p;
}

/* A year before the first day of the policy's earliest session (29 February
 * giving 28 February), and never before year OI_YEAR_MIN: a request received
 * earlier is a mistake (a year typed wrong, a date left at zero), which
 * first come, first served (S4) would otherwise put first in every queue. */
static oi_date earliest_received(const struct oi_policy *p)
{
  oi_date d = { OI_YEAR_MIN, 1, 1 };
  size_t i, first = 0;

  if (p->session_count == 0)
    return d;
  for (i = 1; i < p->session_count; i++)
    if (p->sessions[i].first_days < p->sessions[first].first_days)
      first = i;
  d = p->sessions[first].first_day;
  if (d.year <= OI_YEAR_MIN) {
    d.month = d.day = 1;
    return d;
  }
  d.year -= 1;
  if (d.month == 2 && d.day == 29)
    d.day = 28;
  return d;
}

oi_status oi_policy_builder_build(const oi_policy_builder *b, oi_policy **out, oi_error *err)
{
  const struct oi_policy *d;
  struct oi_policy *p;
  size_t i, j;

  if (b == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, b == NULL ? "builder" : "out",
                    "the %s pointer is NULL", b == NULL ? "builder" : "output");
  d = &b->draft;
  p = calloc(1, sizeof *p);
  if (p == NULL)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory for a policy");
  *p = *d;
  p->courses = copy_array(d->courses, d->course_count, sizeof *d->courses);
  p->sessions = copy_array(d->sessions, d->session_count, sizeof *d->sessions);
  p->sites = copy_array(d->sites, d->site_count, sizeof *d->sites);
  if (p->courses == NULL || p->sessions == NULL || p->sites == NULL) {
    oi_policy_free(p);
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory for a policy");
  }
  for (i = 0; i < p->session_count; i++) {
    struct oip_session *s = &p->sessions[i];
    for (j = 0; j < s->course_count; j++)
      s->course_ids[j] = p->courses[s->course_index[j]].id;
    s->first_days = oip_days(s->first_day);
    s->last_days = oip_days(s->last_day);
    s->deadline_days = s->first_days - 7 * p->numbers.deadline_weeks;
    /* S1: only a session giving the 1.0 has subsidy seats; S4: how many,
     * its own number if it sets one, else the policy's. */
    s->seats = s->has_own_seats ? s->own_seats
               : (s->kinds & OIP_KIND_BIT(OI_COURSE_INSTITUTE)) != 0
                   ? p->numbers.seats_per_session
                   : 0;
  }
  p->earliest_received = earliest_received(p);
  p->earliest_received_days = oip_days(p->earliest_received);
  if (index_sessions(p) != 0) {
    oi_policy_free(p);
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory for a policy");
  }
  compute_digest(p);
  *out = p;
  return OI_OK;
}

/* ---- the policy ------------------------------------------------------- */

void oi_policy_free(oi_policy *p)
{
  if (p == NULL)
    return;
  free(p->courses);
  free(p->sessions);
  free(p->sites);
  free(p->session_slots);
  free(p);
}

const char *oi_policy_id(const oi_policy *p)
{
  return p != NULL ? p->id : NULL;
}

const char *oi_policy_digest(const oi_policy *p)
{
  return p != NULL ? p->digest : NULL;
}

oi_status oi_policy_get_numbers(const oi_policy *p, oi_policy_numbers *out, oi_error *err)
{
  if (p == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, p == NULL ? "policy" : "out",
                    "the %s pointer is NULL", p == NULL ? "policy" : "output");
  if (oip_check_version(&oip_layout_policy_numbers, out->version, err, "out", "version") != OI_OK)
    return OI_EINVAL;
  oip_write_out(&oip_layout_policy_numbers, out, &p->numbers);
  return OI_OK;
}

size_t oi_policy_course_count(const oi_policy *p)
{
  return p != NULL ? p->course_count : 0;
}

size_t oi_policy_session_count(const oi_policy *p)
{
  return p != NULL ? p->session_count : 0;
}

size_t oi_policy_prior_site_count(const oi_policy *p)
{
  return p != NULL ? p->site_count : 0;
}

oi_status oi_policy_course(const oi_policy *p, size_t index, oi_course *out, oi_error *err)
{
  const struct oip_course *c;

  if (p == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, p == NULL ? "policy" : "out",
                    "the %s pointer is NULL", p == NULL ? "policy" : "output");
  if (oip_check_version(&oip_layout_course, out->version, err, "out", "version") != OI_OK)
    return OI_EINVAL;
  if (index >= p->course_count)
    return oip_fail(err, OI_ENOTFOUND, NULL, "index", "course index %zu is not below %zu",
                    index, p->course_count);
  c = &p->courses[index];
  out->id = c->id;
  out->title = c->title;
  out->kind = c->kind;
  return OI_OK;
}

oi_status oi_policy_session(const oi_policy *p, size_t index, oi_session *out, oi_error *err)
{
  const struct oip_session *s;

  if (p == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, p == NULL ? "policy" : "out",
                    "the %s pointer is NULL", p == NULL ? "policy" : "output");
  if (oip_check_version(&oip_layout_session, out->version, err, "out", "version") != OI_OK)
    return OI_EINVAL;
  if (index >= p->session_count)
    return oip_fail(err, OI_ENOTFOUND, NULL, "index", "session index %zu is not below %zu",
                    index, p->session_count);
  s = &p->sessions[index];
  out->id = s->id;
  out->place = s->place;
  out->hotel = s->has_hotel ? s->hotel : NULL;
  out->first_day = s->first_day;
  out->last_day = s->last_day;
  out->countries = s->countries;
  out->course_ids = s->course_ids;
  out->course_count = s->course_count;
  out->own_seats = s->own_seats;
  out->has_own_seats = s->has_own_seats;
  return OI_OK;
}

const char *oi_policy_prior_site(const oi_policy *p, size_t index)
{
  if (p == NULL || index >= p->site_count)
    return NULL;
  return p->sites[index].name;
}

oi_status oi_policy_find_session(const oi_policy *p, const char *id, size_t *index_out,
                                 oi_error *err)
{
  if (p == NULL || id == NULL || index_out == NULL)
    return oip_fail(err, OI_EINVAL, NULL,
                    p == NULL ? "policy" : id == NULL ? "id" : "index_out",
                    "a required pointer is NULL");
  if (oip_check_string(id, OI_ID_MAX, 0, err, NULL, "id") != OI_OK)
    return OI_EINVAL;
  if (oip_find_session(p, id, index_out) == NULL)
    return oip_fail_no_session(err, p, NULL, "id", id);
  return OI_OK;
}

oi_status oi_policy_find_course(const oi_policy *p, const char *id, size_t *index_out,
                                oi_error *err)
{
  if (p == NULL || id == NULL || index_out == NULL)
    return oip_fail(err, OI_EINVAL, NULL,
                    p == NULL ? "policy" : id == NULL ? "id" : "index_out",
                    "a required pointer is NULL");
  if (oip_check_string(id, OI_ID_MAX, 0, err, NULL, "id") != OI_OK)
    return OI_EINVAL;
  if (oip_find_course(p, id, index_out) == NULL)
    return oip_fail_no_course(err, p, NULL, "id", id);
  return OI_OK;
}

int oi_policy_session_seats(const oi_policy *p, size_t index)
{
  if (p == NULL || index >= p->session_count)
    return -1;
  return p->sessions[index].seats;
}

oi_status oi_policy_subsidy_deadline(const oi_policy *p, size_t index, oi_date *out,
                                     oi_error *err)
{
  if (p == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, p == NULL ? "policy" : "out",
                    "the %s pointer is NULL", p == NULL ? "policy" : "output");
  if (index >= p->session_count)
    return oip_fail(err, OI_ENOTFOUND, NULL, "index", "session index %zu is not below %zu",
                    index, p->session_count);
  *out = oip_date_of_days(p->sessions[index].deadline_days);
  return OI_OK;
}
