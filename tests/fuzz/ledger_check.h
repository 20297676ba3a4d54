/*
 * tests/fuzz/ledger_check.h -- the subsidy ledger's invariants, checked from
 * the outside through the public API only (include/officerinst/ledger.h),
 * against the numbers of the ledger's own policy (U3: nothing here assumes
 * ten seats or a cap of two).
 *
 * Used by tests/fuzz/fuzz_ledger.c, fuzz_snapshot.c and fuzz_policy.c after
 * every step, and by tests/check_threads.c on the ledgers the threads built.
 *
 *   lc_check(l)              every invariant below; abort() on the first
 *                            broken one (fz_fail, tests/fuzz/fuzz.h)
 *   lc_state_load(l, &s)     the ledger's requests as seen through the API
 *   lc_expect_promotions()   who a withdrawal must promote (S10)
 *   lc_expect_outcome()      what submitting a request must decide
 *
 * The invariants (doc/policy.md):
 *   S4   a session never holds more awards than it has seats;
 *   S5   a local never holds more awards in a year than the cap;
 *   S10  every waitlisted request is truly blocked: its session is full or
 *        its local-year is at the cap (otherwise it should have been
 *        promoted or awarded);
 *   S9   no officer has two active (awarded or waitlisted) requests in one
 *        year;
 *   S3   an award pays min(requested, max_nights) nights to the session's
 *        hotel; only an award pays: a waitlisted, refused or withdrawn
 *        request pays nothing and names no payee, and what an award would
 *        pay (nights_if_awarded) is the same min for all but a refusal;
 *   and the ledger's own counters (session summaries, per-local, per-
 *   district and per-hotel totals, the receipt order of its lists) agree
 *   with its requests.
 * Promotions (S10: earliest receipt first, for as long as one fits) are
 * checked by lc_expect_promotions(), which replays a withdrawal on the
 * state loaded before it.
 */
#ifndef OI_TESTS_FUZZ_LEDGER_CHECK_H
#define OI_TESTS_FUZZ_LEDGER_CHECK_H

#include "fuzz.h"

/* One request as the public API shows it. */
struct lc_entry {
  const char *id;
  const char *officer_id;
  const char *payee;
  uint64_t entry;
  int64_t key; /* receipt in seconds since 1970-01-01 */
  int32_t session;
  int year;
  uint32_t local;
  int district;
  oi_outcome status;
  int nights;
  int nights_requested;
  int nights_if_awarded;
};

/* Awards held by one local in one year. */
struct lc_local_year {
  uint32_t local;
  int year;
  int awarded;
};

/* A ledger's requests and counts, loaded through the API. */
struct lc_state {
  const oi_policy *policy;
  oi_policy_numbers numbers;
  size_t count;
  struct lc_entry *e;
  size_t sessions;
  int *seats;       /* per session (oi_policy_session_seats) */
  size_t *awarded;  /* per session, counted from the entries */
  int *year;        /* per session: year of its first day */
  size_t ly_count;
  struct lc_local_year *ly; /* every local-year with an eligible request, sorted */
};

static inline void *lc_alloc(size_t n, size_t size)
{
  void *p = calloc(n > 0 ? n : 1, size);
  if (p == NULL)
    fz_fail("out of memory in the ledger checker");
  return p;
}

/* An array of n ledger entries, each with its version set, as the queries
 * that fill it require. */
static inline oi_ledger_entry *lc_alloc_entries(size_t n)
{
  oi_ledger_entry *list = lc_alloc(n, sizeof *list);
  size_t i;

  for (i = 0; i < n; i++)
    list[i] = (oi_ledger_entry)OI_LEDGER_ENTRY_INIT;
  return list;
}

static inline int64_t lc_key(oi_datetime t)
{
  int32_t days = 0;
  if (oi_date_to_days(t.date, &days, NULL) != OI_OK)
    fz_fail("a ledger entry carries an invalid receipt date %04d-%02d-%02d", t.date.year,
            t.date.month, t.date.day);
  return (int64_t)days * 86400 + (int64_t)t.hour * 3600 + (int64_t)t.minute * 60 + t.second;
}

/* First come, first served: receipt, then entry. */
static inline int lc_order(const struct lc_entry *a, const struct lc_entry *b)
{
  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  return (a->entry > b->entry) - (a->entry < b->entry);
}

static inline int lc_is_active(oi_outcome s)
{
  return s == OI_OUTCOME_AWARDED || s == OI_OUTCOME_WAITLISTED;
}

static inline void lc_entry_of(const oi_ledger_entry *le, struct lc_entry *e)
{
  e->id = le->id;
  e->officer_id = le->officer_id;
  e->payee = le->payee;
  e->entry = le->entry_number;
  e->key = lc_key(le->received);
  e->session = le->session;
  e->year = le->year;
  e->local = le->local_number;
  e->district = le->district;
  e->status = le->status;
  e->nights = le->nights;
  e->nights_requested = le->nights_requested;
  e->nights_if_awarded = le->nights_if_awarded;
}

static inline int lc_cmp_ly(const void *a, const void *b)
{
  const struct lc_local_year *x = a, *y = b;
  if (x->local != y->local)
    return x->local < y->local ? -1 : 1;
  return (x->year > y->year) - (x->year < y->year);
}

static inline struct lc_local_year *lc_find_ly(const struct lc_state *s, uint32_t local, int year)
{
  struct lc_local_year k;
  k.local = local;
  k.year = year;
  k.awarded = 0;
  return bsearch(&k, s->ly, s->ly_count, sizeof k, lc_cmp_ly);
}

/* Awards of a local in a year, counted from the entries (0 when none). */
static inline int lc_ly_awarded(const struct lc_state *s, uint32_t local, int year)
{
  const struct lc_local_year *ly = lc_find_ly(s, local, year);
  return ly != NULL ? ly->awarded : 0;
}

static inline void lc_state_free(struct lc_state *s)
{
  free(s->e);
  free(s->seats);
  free(s->awarded);
  free(s->year);
  free(s->ly);
  memset(s, 0, sizeof *s);
}

/* Load every request through oi_ledger_get_by_number() and check that the
 * id map agrees with the entry order. */
static inline void lc_state_load(const oi_ledger *l, struct lc_state *s)
{
  oi_error err;
  size_t i, k;

  memset(s, 0, sizeof *s);
  s->numbers = (oi_policy_numbers)OI_POLICY_NUMBERS_INIT;
  s->policy = oi_ledger_policy(l);
  FZ_CHECK(s->policy != NULL, "oi_ledger_policy returned NULL");
  if (oi_policy_get_numbers(s->policy, &s->numbers, &err) != OI_OK)
    fz_fail("oi_policy_get_numbers: %s", err.message);
  s->count = oi_ledger_count(l);
  s->e = lc_alloc(s->count, sizeof *s->e);
  s->sessions = oi_policy_session_count(s->policy);
  s->seats = lc_alloc(s->sessions, sizeof *s->seats);
  s->awarded = lc_alloc(s->sessions, sizeof *s->awarded);
  s->year = lc_alloc(s->sessions, sizeof *s->year);
  for (i = 0; i < s->sessions; i++) {
    oi_session ses = OI_SESSION_INIT;
    s->seats[i] = oi_policy_session_seats(s->policy, i);
    FZ_CHECK(s->seats[i] >= 0, "session %zu has %d seats", i, s->seats[i]);
    if (oi_policy_session(s->policy, i, &ses, &err) != OI_OK)
      fz_fail("oi_policy_session(%zu): %s", i, err.message);
    s->year[i] = ses.first_day.year;
  }
  for (i = 0; i < s->count; i++) {
    oi_ledger_entry le = OI_LEDGER_ENTRY_INIT, byid = OI_LEDGER_ENTRY_INIT;
    struct lc_entry *e = &s->e[i];

    if (oi_ledger_get_by_number(l, (uint64_t)i + 1, &le, &err) != OI_OK)
      fz_fail("oi_ledger_get_by_number(%zu) of %zu: %s", i + 1, s->count, err.message);
    FZ_CHECK(le.entry_number == (uint64_t)i + 1, "entry %zu says it is number %llu", i + 1,
             (unsigned long long)le.entry_number);
    FZ_CHECK(le.id != NULL && le.id[0] != '\0' && le.officer_id != NULL,
             "entry %zu has no id or officer", i + 1);
    if (oi_ledger_get(l, le.id, &byid, &err) != OI_OK)
      fz_fail("oi_ledger_get(\"%s\") of entry %zu: %s", le.id, i + 1, err.message);
    FZ_CHECK(byid.entry_number == le.entry_number, "id \"%s\" finds entry %llu, not %zu", le.id,
             (unsigned long long)byid.entry_number, i + 1);
    FZ_CHECK(le.session >= 0 && (size_t)le.session < s->sessions,
             "entry %zu names session %d of %zu", i + 1, (int)le.session, s->sessions);
    FZ_CHECK(le.year == s->year[le.session], "entry %zu: year %d, its session's is %d", i + 1,
             le.year, s->year[le.session]);
    FZ_CHECK(le.status == OI_OUTCOME_AWARDED || le.status == OI_OUTCOME_WAITLISTED ||
                 le.status == OI_OUTCOME_REFUSED || le.status == OI_OUTCOME_WITHDRAWN,
             "entry %zu has status %d", i + 1, (int)le.status);
    lc_entry_of(&le, e);
    if (e->status == OI_OUTCOME_AWARDED)
      s->awarded[e->session]++;
  }
  /* Local-years of every request that ever was eligible (awarded,
   * waitlisted or withdrawn), sorted, with their awards. */
  s->ly = lc_alloc(s->count, sizeof *s->ly);
  for (i = 0; i < s->count; i++) {
    if (s->e[i].status == OI_OUTCOME_REFUSED)
      continue;
    s->ly[s->ly_count].local = s->e[i].local;
    s->ly[s->ly_count].year = s->e[i].year;
    s->ly[s->ly_count].awarded = 0;
    s->ly_count++;
  }
  qsort(s->ly, s->ly_count, sizeof *s->ly, lc_cmp_ly);
  for (i = 0, k = 0; i < s->ly_count; i++)
    if (k == 0 || lc_cmp_ly(&s->ly[k - 1], &s->ly[i]) != 0)
      s->ly[k++] = s->ly[i];
  s->ly_count = k;
  for (i = 0; i < s->count; i++)
    if (s->e[i].status == OI_OUTCOME_AWARDED)
      lc_find_ly(s, s->e[i].local, s->e[i].year)->awarded++;
}

static inline int lc_cmp_officer_year(const void *a, const void *b)
{
  const struct lc_entry *x = *(const struct lc_entry *const *)a;
  const struct lc_entry *y = *(const struct lc_entry *const *)b;
  int c = strcmp(x->officer_id, y->officer_id);
  if (c != 0)
    return c;
  return (x->year > y->year) - (x->year < y->year);
}

/* The session's list of one status, in receipt order, agrees with the
 * entries. */
static inline void lc_check_list(const oi_ledger *l, const struct lc_state *s, size_t session,
                                 const char *session_id, oi_outcome status, size_t expected)
{
  oi_ledger_entry *list;
  oi_error err;
  size_t n = (size_t)-1, i;

  if (oi_ledger_session_entries(l, session_id, status, NULL, 0, sizeof *list, &n, &err) !=
      OI_OK)
    fz_fail("oi_ledger_session_entries(%s, %s) sizing: %s", session_id,
            oi_outcome_name(status), err.message);
  FZ_CHECK(n == expected, "session %s lists %zu %s, its entries say %zu", session_id, n,
           oi_outcome_name(status), expected);
  if (n == 0)
    return;
  list = lc_alloc_entries(n);
  if (oi_ledger_session_entries(l, session_id, status, list, n, sizeof *list, &n, &err) !=
      OI_OK)
    fz_fail("oi_ledger_session_entries(%s, %s): %s", session_id, oi_outcome_name(status),
            err.message);
  for (i = 0; i < n; i++) {
    struct lc_entry a;
    FZ_CHECK(list[i].entry_number >= 1 && list[i].entry_number <= s->count,
             "session %s lists entry %llu", session_id,
             (unsigned long long)list[i].entry_number);
    lc_entry_of(&list[i], &a);
    FZ_CHECK(a.status == status && (size_t)a.session == session,
             "session %s's %s list holds \"%s\" (%s at session %d)", session_id,
             oi_outcome_name(status), a.id, oi_outcome_name(a.status), (int)a.session);
    FZ_CHECK(a.key == s->e[a.entry - 1].key, "listed \"%s\" with another receipt", a.id);
    if (i > 0) {
      struct lc_entry b;
      lc_entry_of(&list[i - 1], &b);
      FZ_CHECK(lc_order(&b, &a) < 0, "session %s's %s list is not in receipt order at %zu",
               session_id, oi_outcome_name(status), i);
    }
  }
  free(list);
}

/* Every invariant of the file comment, on a loaded state. */
static inline void lc_check_state(const oi_ledger *l, const struct lc_state *s)
{
  const int cap = s->numbers.local_cap_per_year;
  const int max_nights = s->numbers.max_nights;
  size_t i, total = 0, active_count = 0;
  const struct lc_entry **active;
  size_t district_awards[OI_DISTRICT_COUNT + 1];
  int64_t district_nights[OI_DISTRICT_COUNT + 1];
  oi_error err;

  memset(district_awards, 0, sizeof district_awards);
  memset(district_nights, 0, sizeof district_nights);

  /* Per session: S4, the summary, the lists. */
  for (i = 0; i < s->sessions; i++) {
    size_t by[7] = { 0, 0, 0, 0, 0, 0, 0 }, k;
    int64_t nights = 0;
    oi_session ses = OI_SESSION_INIT;
    oi_session_summary sum = OI_SESSION_SUMMARY_INIT;

    if (oi_policy_session(s->policy, i, &ses, &err) != OI_OK)
      fz_fail("oi_policy_session(%zu): %s", i, err.message);
    for (k = 0; k < s->count; k++) {
      if ((size_t)s->e[k].session != i)
        continue;
      by[s->e[k].status]++;
      if (s->e[k].status == OI_OUTCOME_AWARDED)
        nights += s->e[k].nights;
    }
    FZ_CHECK(by[OI_OUTCOME_AWARDED] <= (size_t)s->seats[i],
             "S4: session %s holds %zu awards for %d seats", ses.id, by[OI_OUTCOME_AWARDED],
             s->seats[i]);
    if (oi_ledger_session_summary(l, ses.id, &sum, &err) != OI_OK)
      fz_fail("oi_ledger_session_summary(%s): %s", ses.id, err.message);
    FZ_CHECK(sum.seats == s->seats[i] && sum.awarded == by[OI_OUTCOME_AWARDED] &&
                 sum.waitlisted == by[OI_OUTCOME_WAITLISTED] &&
                 sum.refused == by[OI_OUTCOME_REFUSED] &&
                 sum.withdrawn == by[OI_OUTCOME_WITHDRAWN] &&
                 sum.seats_left == s->seats[i] - (int)by[OI_OUTCOME_AWARDED] &&
                 sum.nights == nights,
             "session %s: summary seats %d awarded %zu waitlisted %zu refused %zu withdrawn "
             "%zu left %d nights %lld; entries say %d %zu %zu %zu %zu %d %lld",
             ses.id, sum.seats, sum.awarded, sum.waitlisted, sum.refused, sum.withdrawn,
             sum.seats_left, (long long)sum.nights, s->seats[i], by[OI_OUTCOME_AWARDED],
             by[OI_OUTCOME_WAITLISTED], by[OI_OUTCOME_REFUSED], by[OI_OUTCOME_WITHDRAWN],
             s->seats[i] - (int)by[OI_OUTCOME_AWARDED], (long long)nights);
    lc_check_list(l, s, i, ses.id, OI_OUTCOME_AWARDED, by[OI_OUTCOME_AWARDED]);
    lc_check_list(l, s, i, ses.id, OI_OUTCOME_WAITLISTED, by[OI_OUTCOME_WAITLISTED]);
    lc_check_list(l, s, i, ses.id, OI_OUTCOME_REFUSED, by[OI_OUTCOME_REFUSED]);
    lc_check_list(l, s, i, ses.id, OI_OUTCOME_WITHDRAWN, by[OI_OUTCOME_WITHDRAWN]);
    if (ses.hotel != NULL) {
      int64_t hotel = 0, expect = 0;
      size_t j;
      for (j = 0; j < s->sessions; j++) {
        oi_session other = OI_SESSION_INIT;
        if (oi_policy_session(s->policy, j, &other, &err) != OI_OK)
          fz_fail("oi_policy_session(%zu): %s", j, err.message);
        if (other.hotel == NULL || strcmp(other.hotel, ses.hotel) != 0)
          continue;
        for (k = 0; k < s->count; k++)
          if ((size_t)s->e[k].session == j && s->e[k].status == OI_OUTCOME_AWARDED)
            expect += s->e[k].nights;
      }
      if (oi_ledger_hotel_nights(l, ses.hotel, &hotel, &err) != OI_OK)
        fz_fail("oi_ledger_hotel_nights(%s): %s", ses.hotel, err.message);
      FZ_CHECK(hotel == expect, "hotel \"%s\": %lld nights, its awards hold %lld", ses.hotel,
               (long long)hotel, (long long)expect);
    }
    total += by[1] + by[2] + by[3] + by[4] + by[5] + by[6];
  }
  FZ_CHECK(total == s->count, "the sessions hold %zu requests, the ledger %zu", total,
           s->count);

  /* Per request: S3, S10 (waitlisted means blocked), collecting S9. */
  active = lc_alloc(s->count, sizeof *active);
  for (i = 0; i < s->count; i++) {
    const struct lc_entry *e = &s->e[i];
    const int paid = e->nights_requested < max_nights ? e->nights_requested : max_nights;

    FZ_CHECK(e->nights_requested >= 1, "\"%s\": %d nights requested", e->id,
             e->nights_requested);
    FZ_CHECK(e->district >= 1 && e->district <= OI_DISTRICT_COUNT, "\"%s\": district %d",
             e->id, e->district);
    switch (e->status) {
    case OI_OUTCOME_AWARDED:
      FZ_CHECK(e->nights == paid, "S3: \"%s\" awarded %d nights for %d requested (max %d)",
               e->id, e->nights, e->nights_requested, max_nights);
      FZ_CHECK(e->payee != NULL, "S3: award \"%s\" has no payee", e->id);
      FZ_CHECK(e->nights_if_awarded == paid, "S3: award \"%s\" would pay %d nights, pays %d",
               e->id, e->nights_if_awarded, e->nights);
      district_awards[e->district]++;
      district_nights[e->district] += e->nights;
      active[active_count++] = e;
      break;
    case OI_OUTCOME_WAITLISTED: {
      const int seat_free = s->awarded[e->session] < (size_t)s->seats[e->session];
      const int slot_free = lc_ly_awarded(s, e->local, e->year) < cap;
      FZ_CHECK(!(seat_free && slot_free),
               "S10: \"%s\" waits, but session %d has %zu of %d seats taken and local %u "
               "has %d of %d awards in %d",
               e->id, (int)e->session, s->awarded[e->session], s->seats[e->session],
               (unsigned)e->local, lc_ly_awarded(s, e->local, e->year), cap, e->year);
      FZ_CHECK(e->nights == 0 && e->payee == NULL, "S3: waitlisted \"%s\" pays %d nights to %s",
               e->id, e->nights, e->payee != NULL ? e->payee : "(none)");
      FZ_CHECK(e->nights_if_awarded == paid, "S3: waitlisted \"%s\" would pay %d nights, not %d",
               e->id, e->nights_if_awarded, paid);
      active[active_count++] = e;
      break;
    }
    case OI_OUTCOME_REFUSED:
      FZ_CHECK(e->nights == 0 && e->payee == NULL && e->nights_if_awarded == 0,
               "refused \"%s\" pays %d nights to %s (%d if awarded)", e->id, e->nights,
               e->payee != NULL ? e->payee : "(none)", e->nights_if_awarded);
      break;
    default:
      FZ_CHECK(e->nights == 0 && e->payee == NULL, "withdrawn \"%s\" pays %d nights to %s",
               e->id, e->nights, e->payee != NULL ? e->payee : "(none)");
      break;
    }
  }

  /* S5, and the ledger's own per-local count. */
  for (i = 0; i < s->ly_count; i++) {
    const struct lc_local_year *ly = &s->ly[i];
    oi_ledger_entry *list = NULL;
    size_t n = (size_t)-1, k;

    FZ_CHECK(ly->awarded <= cap, "S5: local %u holds %d awards in %d, the cap is %d",
             (unsigned)ly->local, ly->awarded, ly->year, cap);
    if (oi_ledger_local_awards(l, ly->local, ly->year, NULL, 0, sizeof *list, &n, &err) !=
        OI_OK)
      fz_fail("oi_ledger_local_awards(%u, %d): %s", (unsigned)ly->local, ly->year,
              err.message);
    FZ_CHECK(n == (size_t)ly->awarded, "local %u in %d: the ledger counts %zu awards, its "
             "entries %d", (unsigned)ly->local, ly->year, n, ly->awarded);
    if (n == 0)
      continue;
    list = lc_alloc_entries(n);
    if (oi_ledger_local_awards(l, ly->local, ly->year, list, n, sizeof *list, &n, &err) !=
        OI_OK)
      fz_fail("oi_ledger_local_awards(%u, %d): %s", (unsigned)ly->local, ly->year,
              err.message);
    for (k = 0; k < n; k++)
      FZ_CHECK(list[k].local_number == ly->local && list[k].year == ly->year &&
                   list[k].status == OI_OUTCOME_AWARDED,
               "local %u's awards of %d list \"%s\" (local %u, %d, %s)", (unsigned)ly->local,
               ly->year, list[k].id, (unsigned)list[k].local_number, list[k].year,
               oi_outcome_name(list[k].status));
    free(list);
  }

  /* Districts. */
  for (i = 1; i <= OI_DISTRICT_COUNT; i++) {
    size_t awards = (size_t)-1;
    int64_t nights = -1;
    if (oi_ledger_district_awards(l, (int)i, &awards, &nights, &err) != OI_OK)
      fz_fail("oi_ledger_district_awards(%zu): %s", i, err.message);
    FZ_CHECK(awards == district_awards[i] && nights == district_nights[i],
             "district %zu: %zu awards, %lld nights; its entries say %zu, %lld", i, awards,
             (long long)nights, district_awards[i], (long long)district_nights[i]);
  }

  /* S9: one active request an officer a year. */
  qsort((void *)active, active_count, sizeof *active, lc_cmp_officer_year);
  for (i = 1; i < active_count; i++)
    FZ_CHECK(lc_cmp_officer_year(&active[i - 1], &active[i]) != 0,
             "S9: officer \"%s\" holds \"%s\" and \"%s\" in %d", active[i]->officer_id,
             active[i - 1]->id, active[i]->id, active[i]->year);
  free((void *)active);

  FZ_CHECK(oi_ledger_event_count(l) >= 2 * s->count, "%zu events for %zu requests",
           oi_ledger_event_count(l), s->count);
}

/* Load the ledger and check every invariant. */
static inline void lc_check(const oi_ledger *l)
{
  struct lc_state s;

  lc_state_load(l, &s);
  lc_check_state(l, &s);
  lc_state_free(&s);
}

/*
 * S10: the requests that withdrawing @p id must promote, in order, computed
 * on @p s, the state loaded just before the withdrawal: an award frees its
 * seat and its local-year slot; then, for as long as a waitlisted request
 * fits (its session has a seat and its local-year a slot), the earliest by
 * receipt (ties by entry) is promoted. Withdrawing a waitlisted request frees
 * nothing. Returns how many; their ids go to @p out (room for @p max; more
 * is a failure, since a withdrawal frees one seat and one slot).
 * @p s is changed (its counts), so it must not be used afterwards.
 */
static inline size_t lc_expect_promotions(struct lc_state *s, const char *id, const char **out,
                                          size_t max)
{
  const int cap = s->numbers.local_cap_per_year;
  struct lc_entry *w = NULL;
  size_t i, n = 0;

  for (i = 0; i < s->count && w == NULL; i++)
    if (strcmp(s->e[i].id, id) == 0)
      w = &s->e[i];
  if (w == NULL || !lc_is_active(w->status))
    return 0;
  if (w->status == OI_OUTCOME_AWARDED) {
    s->awarded[w->session]--;
    lc_find_ly(s, w->local, w->year)->awarded--;
  }
  w->status = OI_OUTCOME_WITHDRAWN;
  for (;;) {
    struct lc_entry *best = NULL;
    for (i = 0; i < s->count; i++) {
      struct lc_entry *e = &s->e[i];
      if (e->status != OI_OUTCOME_WAITLISTED)
        continue;
      if (s->awarded[e->session] >= (size_t)s->seats[e->session] ||
          lc_ly_awarded(s, e->local, e->year) >= cap)
        continue;
      if (best == NULL || lc_order(e, best) < 0)
        best = e;
    }
    if (best == NULL)
      return n;
    FZ_CHECK(n < max, "S10: withdrawing \"%s\" should promote more than %zu requests", id, max);
    best->status = OI_OUTCOME_AWARDED;
    s->awarded[best->session]++;
    lc_find_ly(s, best->local, best->year)->awarded++;
    out[n++] = best->id;
  }
}

/*
 * What submitting @p req (valid, with a new id) to a ledger in state @p s
 * must decide: refused when the stateless rules refuse it (@p stateless, from
 * oi_check_subsidy) or its officer already holds an active request of that
 * year (S9); otherwise awarded when its session has a seat and its local a
 * slot, else waitlisted (S4, S5, S10, S11: nothing already decided moves).
 * Updates @p s as the decision does (counts only), so that a batch can be
 * followed request by request.
 */
static inline oi_outcome lc_expect_outcome(struct lc_state *s, const oi_subsidy_request *req,
                                           size_t session, const oi_decision *stateless,
                                           int *s9, int *seats_taken, int *cap_reached)
{
  const int year = s->year[session];
  struct lc_local_year *ly;
  size_t i;

  *s9 = 0;
  *seats_taken = 0;
  *cap_reached = 0;
  for (i = 0; i < s->count && !*s9; i++)
    *s9 = lc_is_active(s->e[i].status) && s->e[i].year == year &&
          strcmp(s->e[i].officer_id, req->officer.id) == 0;
  if (*s9 || stateless->outcome == OI_OUTCOME_REFUSED)
    return OI_OUTCOME_REFUSED;
  *seats_taken = s->awarded[session] >= (size_t)s->seats[session];
  *cap_reached = lc_ly_awarded(s, req->local.number, year) >= s->numbers.local_cap_per_year;
  if (*seats_taken || *cap_reached)
    return OI_OUTCOME_WAITLISTED;
  s->awarded[session]++;
  ly = lc_find_ly(s, req->local.number, year);
  if (ly != NULL)
    ly->awarded++;
  return OI_OUTCOME_AWARDED;
}

/* Field-by-field equality of two decisions (padding ignored). */
static inline int lc_decisions_equal(const oi_decision *a, const oi_decision *b)
{
  size_t i;
  if (a->outcome != b->outcome || a->session != b->session ||
      a->nights_requested != b->nights_requested || a->nights != b->nights ||
      a->nights_if_awarded != b->nights_if_awarded ||
      a->reason_count != b->reason_count || a->reason_count > OI_DECISION_V1_REASONS)
    return 0;
  if ((a->request_id == NULL) != (b->request_id == NULL) ||
      (a->request_id != NULL && strcmp(a->request_id, b->request_id) != 0))
    return 0;
  if ((a->policy_id == NULL) != (b->policy_id == NULL) ||
      (a->policy_id != NULL && strcmp(a->policy_id, b->policy_id) != 0))
    return 0;
  if ((a->payee == NULL) != (b->payee == NULL) ||
      (a->payee != NULL && strcmp(a->payee, b->payee) != 0))
    return 0;
  for (i = 0; i < a->reason_count; i++) {
    const oi_reason *x = &a->reasons[i], *y = &b->reasons[i];
    if (x->code != y->code || x->clause != y->clause || x->severity != y->severity ||
        x->session != y->session || memcmp(x->value, y->value, sizeof x->value) != 0 ||
        (x->ref_id == NULL) != (y->ref_id == NULL) ||
        (x->ref_id != NULL && strcmp(x->ref_id, y->ref_id) != 0))
      return 0;
  }
  return 1;
}

/* Does decision @p d carry a reason with @p code? */
static inline int lc_has_reason(const oi_decision *d, oi_reason_code code)
{
  size_t i;
  for (i = 0; i < d->reason_count && i < OI_DECISION_V1_REASONS; i++)
    if (d->reasons[i].code == code)
      return 1;
  return 0;
}

/*
 * A fingerprint of everything the API shows of a ledger: every entry (all
 * its fields and reasons), the number of events and the last one, every
 * session's summary. Cheaper than a snapshot, for checking that a failed
 * call changed nothing.
 */
static inline uint64_t lc_fingerprint(const oi_ledger *l)
{
  const oi_policy *p = oi_ledger_policy(l);
  uint64_t h = UINT64_C(0xcbf29ce484222325);
  size_t i, k, n = oi_ledger_count(l);
  oi_error err;

#define LC_MIX(ptr, len)                                   \
  do {                                                     \
    const unsigned char *lc_p_ = (const unsigned char *)(ptr); \
    size_t lc_i_;                                          \
    for (lc_i_ = 0; lc_i_ < (len); lc_i_++) {              \
      h ^= lc_p_[lc_i_];                                   \
      h *= UINT64_C(0x100000001b3);                        \
    }                                                      \
  } while (0)
#define LC_MIX_STR(str) LC_MIX((str) != NULL ? (str) : "", (str) != NULL ? strlen(str) + 1 : 0)

  LC_MIX(&n, sizeof n);
  for (i = 1; i <= n; i++) {
    oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
    if (oi_ledger_get_by_number(l, i, &e, &err) != OI_OK)
      fz_fail("oi_ledger_get_by_number(%zu): %s", i, err.message);
    LC_MIX_STR(e.id);
    LC_MIX_STR(e.officer_id);
    LC_MIX_STR(e.payee);
    LC_MIX(&e.session, sizeof e.session);
    LC_MIX(&e.year, sizeof e.year);
    LC_MIX(&e.local_number, sizeof e.local_number);
    LC_MIX(&e.received, sizeof e.received);
    LC_MIX(&e.status, sizeof e.status);
    LC_MIX(&e.nights, sizeof e.nights);
    LC_MIX(&e.nights_requested, sizeof e.nights_requested);
    LC_MIX(&e.nights_if_awarded, sizeof e.nights_if_awarded);
    LC_MIX(&e.reason_count, sizeof e.reason_count);
    for (k = 0; k < e.reason_count; k++) {
      LC_MIX(&e.reasons[k].code, sizeof e.reasons[k].code);
      LC_MIX(e.reasons[k].value, sizeof e.reasons[k].value);
    }
  }
  n = oi_ledger_event_count(l);
  LC_MIX(&n, sizeof n);
  if (n > 0) {
    oi_event ev = OI_EVENT_INIT;
    if (oi_ledger_event(l, n - 1, &ev, &err) != OI_OK)
      fz_fail("oi_ledger_event(%zu): %s", n - 1, err.message);
    LC_MIX(&ev.type, sizeof ev.type);
    LC_MIX_STR(ev.request_id);
  }
  for (i = 0; i < oi_policy_session_count(p); i++) {
    oi_session s = OI_SESSION_INIT;
    oi_session_summary sum = OI_SESSION_SUMMARY_INIT;
    if (oi_policy_session(p, i, &s, &err) != OI_OK ||
        oi_ledger_session_summary(l, s.id, &sum, &err) != OI_OK)
      fz_fail("session %zu: %s", i, err.message);
    LC_MIX(&sum.awarded, sizeof sum.awarded);
    LC_MIX(&sum.waitlisted, sizeof sum.waitlisted);
    LC_MIX(&sum.refused, sizeof sum.refused);
    LC_MIX(&sum.withdrawn, sizeof sum.withdrawn);
    LC_MIX(&sum.nights, sizeof sum.nights);
  }
#undef LC_MIX_STR
#undef LC_MIX
  return h;
}

/* The snapshot of a ledger, which must succeed; the caller frees it with
 * oi_free(). */
static inline char *lc_snapshot(const oi_ledger *l, size_t *length)
{
  char *text = NULL;
  oi_error err;

  if (oi_ledger_to_json(l, &text, length, &err) != OI_OK)
    fz_fail("oi_ledger_to_json: %s", err.message);
  FZ_CHECK(text != NULL && strlen(text) == *length, "oi_ledger_to_json: bad length");
  return text;
}

/*
 * A ledger's snapshot loads back (replaying and re-checking its whole
 * history) and the loaded ledger saves to the very same bytes.
 */
static inline void lc_check_round_trip(const oi_ledger *l)
{
  size_t n1 = 0, n2 = 0;
  char *t1 = lc_snapshot(l, &n1), *t2;
  oi_ledger *back = NULL;
  oi_error err;

  if (oi_ledger_from_json(oi_ledger_policy(l), t1, n1, &back, &err) != OI_OK)
    fz_fail("a saved snapshot does not load: %s at %d:%d (%s): %s",
            oi_status_name(err.status), err.line, err.column, err.path, err.message);
  t2 = lc_snapshot(back, &n2);
  FZ_CHECK(n1 == n2 && memcmp(t1, t2, n1) == 0,
           "a snapshot loaded and saved again differs (%zu and %zu bytes)", n1, n2);
  oi_free(t1);
  oi_free(t2);
  oi_ledger_free(back);
}

#endif /* OI_TESTS_FUZZ_LEDGER_CHECK_H */
