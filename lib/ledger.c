/*
 * The subsidy ledger: S4 (seats, first come first served by receipt), S5
 * (a local's cap per calendar year), S9 (one subsidy an officer a year), S10
 * (waitlist and promotion) and S11 (awards stand), over the stateless rules.
 * This file holds the ledger's life and its changes: entering a request,
 * awarding, and withdrawing with promotion. Batches, indexes, the waitlist,
 * queries and the audit trail have files of their own (ledger_state.h says
 * which).
 */
#include <stdlib.h>
#include <string.h>

#include "ledger_state.h"
#include "abi_private.h"
#include "rules_private.h"
#include "error_private.h"
#include "strutil.h"

/* ---- life cycle ------------------------------------------------------- */

oi_status oi_ledger_new(const oi_policy *policy, oi_ledger **out, oi_error *err)
{
  oi_ledger *l;
  size_t i;

  if (policy == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, policy == NULL ? "policy" : "out",
                    "a required pointer is NULL");
  l = calloc(1, sizeof *l);
  if (l == NULL)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory for a ledger");
  l->sessions = calloc(policy->session_count > 0 ? policy->session_count : 1,
                       sizeof *l->sessions);
  if (l->sessions == NULL) {
    free(l);
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory for a ledger");
  }
  for (i = 0; i < policy->session_count; i++)
    l->sessions[i].refused = l->sessions[i].withdrawn = OIP_NONE;
  oip_pool_init(&l->strings, 1);
  oip_pool_init(&l->reasons, 8);
  l->policy = policy;
  /* A key no caller can predict: ids cannot be chosen to collide. The
   * tables work alike under any key, so nothing the ledger decides or
   * reports depends on it. */
  (void)oip_hash_key_new(&l->key, l);
  *out = l;
  return OI_OK;
}

void oi_ledger_free(oi_ledger *l)
{
  size_t i;

  if (l == NULL)
    return;
  for (i = 0; i < l->policy->session_count; i++)
    oip_session_state_free(&l->sessions[i]);
  free(l->sessions);
  free(l->rec_block);
  free(l->receipts);
  oip_pool_free(&l->strings);
  oip_pool_free(&l->reasons);
  oip_table_free(&l->ids);
  oip_table_free(&l->officers);
  oip_table_free(&l->locals);
  for (i = 0; i < l->oy_chunk_count; i++)
    free(l->oy_chunks[i]);
  free(l->oy_chunks);
  free(l->lys);
  free(l->queues);
  free(l->events);
  free(l->reason_cache);
  free(l);
}

const oi_policy *oi_ledger_policy(const oi_ledger *l)
{
  return l != NULL ? l->policy : NULL;
}

size_t oi_ledger_count(const oi_ledger *l)
{
  return l != NULL ? l->count : 0;
}

/* ---- reserving: everything a change needs is allocated before it starts,
 * so a change either happens whole or not at all. ------------------------ */

/* Room for n more elements of size bytes in *items (capacity *cap),
 * growing by half (gently) or doubling. */
static int grow(void **items, size_t *cap, size_t count, size_t n, size_t size, int gently)
{
  size_t c = *cap ? *cap : 64;
  void *p;

  if (count + n <= *cap)
    return 0;
  while (c < count + n)
    c = gently ? c + c / 2 : 2 * c;
  p = realloc(*items, c * size);
  if (p == NULL)
    return -1;
  *items = p;
  *cap = c;
  return 0;
}

/* A record is one cache line. */
typedef char oip_rec_is_a_cache_line[sizeof(struct oip_rec) == 64 ? 1 : -1];

/* Room for n more records, the array aligned to 64 bytes so that each
 * record is one cache line: a block 64 bytes larger, the records moved
 * within it when a realloc() lands them elsewhere modulo 64. */
static int grow_records(oi_ledger *l, size_t n)
{
  const size_t line = 64, size = sizeof *l->recs;
  size_t c = l->rec_capacity ? l->rec_capacity : 64, before;
  char *block;

  if (l->count + n <= l->rec_capacity)
    return 0;
  while (c < l->count + n)
    c *= 2;
  before = l->rec_block != NULL ? (size_t)((char *)l->recs - (char *)l->rec_block) : 0;
  block = realloc(l->rec_block, c * size + line);
  if (block == NULL)
    return -1;
  {
    char *aligned = block + (line - (size_t)((uintptr_t)block % line)) % line;
    if (aligned != block + before)
      memmove(aligned, block + before, l->count * size);
    l->rec_block = block;
    l->recs = (struct oip_rec *)(void *)aligned;
    l->rec_capacity = c;
  }
  return 0;
}

/* The cache of reason arrays, an eighth of a slot for each of n requests
 * (within bounds). Out of memory, the one it has stays: it is only a cache. */
static void grow_reason_cache(oi_ledger *l, size_t n)
{
  size_t cap = l->reason_cache != NULL ? l->reason_cache_mask + 1 : 0, want = cap;
  struct oip_reason_cache *c;

  while (want < OIP_REASON_CACHE_MIN || (want < n / 8 && want < OIP_REASON_CACHE_MAX))
    want = want ? 2 * want : OIP_REASON_CACHE_MIN;
  if (want == cap || (c = calloc(want, sizeof *c)) == NULL)
    return;
  free(l->reason_cache);
  l->reason_cache = c;
  l->reason_cache_mask = want - 1;
}

oi_status oip_ledger_reserve(oi_ledger *l, const struct oip_reservation *r, oi_error *err)
{
  /* No more requests than a snapshot may hold, so that every ledger saved
   * loads back (json.h). */
  if (r->requests > (size_t)OI_LEDGER_REQUESTS_MAX - l->count)
    return oip_fail(err, OI_ELIMIT, NULL, "ledger",
                    "the ledger holds %zu requests; it may hold at most %d", l->count,
                    OI_LEDGER_REQUESTS_MAX);
  if (grow_records(l, r->requests) != 0 ||
      grow((void **)&l->receipts, &l->receipt_capacity, l->receipt_count, r->requests,
           sizeof *l->receipts, 1) != 0 ||
      grow((void **)&l->events, &l->event_capacity, l->event_count, r->events,
           sizeof *l->events, 0) != 0 ||
      oip_table_reserve(&l->ids, r->requests) != 0 ||
      oip_table_reserve(&l->officers, r->officers) != 0 ||
      oip_table_reserve(&l->locals, r->locals) != 0 ||
      oip_reserve_officer_years(l, r->officers) != 0 ||
      /* Local-years and queues are fewer than requests, and grow gently. */
      grow((void **)&l->lys, &l->ly_capacity, l->ly_count, r->locals, sizeof *l->lys, 1) != 0 ||
      grow((void **)&l->queues, &l->queue_capacity, l->queue_count, r->queues,
           sizeof *l->queues, 1) != 0 ||
      oip_pool_reserve(&l->strings, r->string_bytes, OI_NAME_MAX + 2) != 0 ||
      oip_pool_reserve(&l->reasons, r->reason_bytes, OIP_REASONS_MAX * sizeof(oi_reason)) != 0 ||
      oip_waitlist_reserve(l, r->heads) != 0)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory growing the ledger");
  grow_reason_cache(l, l->count + r->requests);
  return OI_OK;
}

/* ---- reasons ------------------------------------------------------------ */

static uint64_t mix(uint64_t h, uint64_t v)
{
  h ^= v;
  h *= UINT64_C(0x9e3779b97f4a7c15);
  return h ^ h >> 29;
}

/* Store n reasons (room reserved), as the array an equal one already
 * stored is when the cache remembers it: the same reasons, kept once. The
 * cache only saves memory: a pair it misses is stored twice, so no choice
 * of requests makes this slower or wrong. */
uint32_t oip_store_reasons(oi_ledger *l, const oi_reason *reasons, size_t n)
{
  struct oip_reason_cache *slot = NULL;
  uint64_t h = n;
  uint32_t handle;
  size_t i;

  if (n == 0)
    return OIP_POOL_NONE;
  for (i = 0; i < n; i++) {
    const oi_reason *r = &reasons[i];
    h = mix(h, (uint64_t)r->code << 32 ^ (uint64_t)(uint32_t)r->session);
    h = mix(h, (uint64_t)r->value[0] ^ (uint64_t)r->value[1] << 17);
    h = mix(h, (uint64_t)r->value[2] ^ (uint64_t)r->value[3] << 23 ^ (uintptr_t)r->ref_id);
  }
  if (l->reason_cache != NULL) {
    slot = &l->reason_cache[h & l->reason_cache_mask];
    if (slot->handle1 != 0 && slot->count == n && slot->check == (uint16_t)(h >> 48) &&
        oip_bytes_equal(oip_pool_at(&l->reasons, slot->handle1 - 1), reasons,
                        n * sizeof *reasons))
      return slot->handle1 - 1;
  }
  handle = oip_pool_take(&l->reasons, n * sizeof *reasons);
  memcpy(oip_pool_at(&l->reasons, handle), reasons, n * sizeof *reasons);
  if (slot != NULL) {
    slot->handle1 = handle + 1;
    slot->count = (uint16_t)n;
    slot->check = (uint16_t)(h >> 48);
  }
  return handle;
}

/* ---- awards ------------------------------------------------------------ */

static void award(oi_ledger *l, uint32_t x)
{
  struct oip_rec *r = &l->recs[x];
  struct oip_session_state *s = &l->sessions[r->session];

  oip_award_add(l, x);
  s->nights += r->nights;
  if (++l->lys[r->ly].awarded == l->policy->numbers.local_cap_per_year)
    oip_local_year_cap_changed(l, r->ly); /* S5: its queues now wait for a slot */
  l->district_awards[r->district]++;
  l->district_nights[r->district] += r->nights;
  r->status = OI_OUTCOME_AWARDED;
}

static void unaward(oi_ledger *l, uint32_t x)
{
  struct oip_rec *r = &l->recs[x];
  struct oip_session_state *s = &l->sessions[r->session];

  oip_award_remove(l, x);
  s->nights -= r->nights;
  if (l->lys[r->ly].awarded-- == l->policy->numbers.local_cap_per_year)
    oip_local_year_cap_changed(l, r->ly); /* S5: room again */
  l->district_awards[r->district]--;
  l->district_nights[r->district] -= r->nights;
}

/* ---- entering a request -----------------------------------------------
 *
 * A request's record is filled with what it says and its stateless
 * decision (S1, S2, S3, S6, S8, E1); oip_commit() then applies S9, S4 and
 * S5 against the ledger as it stands and links the record in. Every
 * allocation happens before (oip_ledger_reserve()), so a submit or a whole
 * batch either happens or changes nothing.
 */

void oip_fill_rec(oi_ledger *l, uint32_t i, const oi_subsidy_request *r,
                  const struct oip_checked *c, const oi_decision *d)
{
  struct oip_rec *rec = &l->recs[i];
  const oi_datetime t = r->received;

  const uint64_t order = oip_order_key((int64_t)c->received_days * 86400 +
                                           (int64_t)t.hour * 3600 + (int64_t)t.minute * 60 +
                                           t.second,
                                       i);

  rec->order_lo = (uint32_t)order;
  rec->order_hi = (uint32_t)(order >> 32);
  /* Receipts matter only when known (S2; a snapshot writes null), and few
   * requests know them: kept apart, room reserved. */
  if (r->local.receipts_known) {
    l->receipts[l->receipt_count].rec = i;
    l->receipts[l->receipt_count++].cents = r->local.receipts_cents;
  }
  rec->a = rec->b = OIP_NONE;
  rec->queue = OIP_NONE;
  rec->oy = OIP_NONE;
  rec->ly = OIP_NONE;
  rec->local_number = r->local.number;
  rec->nights_requested = r->nights;
  rec->reasons = OIP_POOL_NONE;
  rec->session = (uint16_t)c->session;
  rec->height = 0;
  /* Until committed, the status is the stateless outcome. */
  rec->status = (uint8_t)d->outcome;
  rec->decided = (uint8_t)d->outcome;
  rec->reason_count = 0;
  rec->nights = (uint8_t)d->nights_if_awarded;
  rec->flags = (uint8_t)((r->attested ? OIP_F_ATTESTED : 0u) |
                         (r->with_application ? OIP_F_WITH_APPLICATION : 0u) |
                         (r->application_signed ? OIP_F_APPLICATION_SIGNED : 0u) |
                         (r->request_signed ? OIP_F_REQUEST_SIGNED : 0u) |
                         (r->local.receipts_known ? OIP_F_RECEIPTS : 0u));
  rec->country = (uint8_t)r->local.country;
  rec->district = (uint8_t)r->local.district;
  rec->lm_form = (uint8_t)r->local.lm_form;
  rec->office = (uint8_t)r->officer.office;
}

/* A string shared with the one already kept (*kept) when they are equal,
 * else kept anew (and remembered in *kept when it held none). */
static uint32_t share_string(oi_ledger *l, uint32_t *kept, const char *s, size_t len)
{
  uint32_t h;

  if (*kept != OIP_POOL_NONE && oip_kept_equal(l, *kept, s, len))
    return *kept;
  h = oip_keep_string(l, s, len);
  if (*kept == OIP_POOL_NONE)
    *kept = h;
  return h;
}

void oip_commit(oi_ledger *l, uint32_t i, const struct oip_entering *e, const oi_decision *d,
                oi_decision *out)
{
  struct oip_rec *rec = &l->recs[i];
  const oi_policy *pol = l->policy;
  struct oip_session_state *ss = &l->sessions[rec->session];
  const int32_t year = oip_rec_year(l, rec);
  const int look_local = rec->status == OI_OUTCOME_ELIGIBLE || e->names;
  oi_reason reasons[OIP_REASONS_MAX];
  struct oip_officer_year *oy;
  struct oip_local_year *ly = NULL;
  size_t n = d->reason_count;
  uint32_t oyi, lyi = OIP_NONE;

  /* The records the tables' slots name are fetched together, then their
   * names, while the rules are applied: at a million requests each is a
   * trip to memory, and they overlap. */
  oyi = oip_table_peek(&l->officers, oip_tag_of(e->officer_hash));
  if (oyi != OIP_TABLE_NONE)
    oip_prefetch(oip_oy(l, oyi));
  if (look_local && (lyi = oip_table_peek(&l->locals, oip_tag_of(e->local_hash))) !=
                        OIP_TABLE_NONE)
    oip_prefetch(&l->lys[lyi]);
  if (n > 0)
    memcpy(reasons, d->reasons, n * sizeof *reasons);
  oyi = oip_find_officer_year(l, e->officer_id, e->officer_id_len, year, e->officer_hash);
  if (oyi == OIP_NONE)
    oyi = oip_new_officer_year(l, e->officer_id, e->officer_id_len, year, e->officer_hash);
  oy = oip_oy(l, oyi);
  rec->oy = oyi;
  if (e->names && e->officer_name != NULL && oy->name != OIP_POOL_NONE)
    oip_prefetch(oip_str(l, oy->name));
  if (look_local) {
    lyi = oip_find_local_year(l, rec->local_number, year, e->local_hash);
    if (lyi != OIP_NONE) {
      ly = &l->lys[lyi];
      if (e->names && ly->name != OIP_POOL_NONE)
        oip_prefetch(oip_str(l, ly->name));
    }
  }
  /* S9: one subsidy an officer a year, while the first is awarded or waits. */
  if (oy->active != OIP_NONE) {
    if (rec->status == OI_OUTCOME_ELIGIBLE)
      n = 0; /* a refusal carries no S3 note */
    oip_set_reason(&reasons[n], OI_REASON_OFFICER_ALREADY_SUBSIDIZED, OI_CLAUSE_S9,
                   OI_SEVERITY_REFUSAL, rec->session, year, (int64_t)oy->active + 1, 0, 0);
    /* Named by the id its caller gave it: the ledger's copy, no allocation. */
    reasons[n++].ref_id = oip_str(l, oy->active_id);
    rec->status = OI_OUTCOME_REFUSED;
    rec->nights = 0;
  }
  if (rec->status == OI_OUTCOME_ELIGIBLE) {
    int seat, slot;
    size_t blocked;

    if (ly == NULL) {
      lyi = oip_new_local_year(l, rec->local_number, year, e->local_hash);
      ly = &l->lys[lyi];
    }
    rec->ly = lyi;
    seat = oip_seat_free(l, rec->session);
    slot = oip_slot_free(l, ly);
    blocked = (size_t)!seat + (size_t)!slot;
    if (blocked == 0) {
      rec->status = OI_OUTCOME_AWARDED;
    } else {
      /* S10: eligible but blocked by S4, S5 or both; it waits by receipt.
       * Its reasons say why, ahead of the S3 note it may carry. */
      memmove(&reasons[blocked], &reasons[0], n * sizeof *reasons);
      n = 0;
      if (!seat)
        oip_set_reason(&reasons[n++], OI_REASON_SEATS_TAKEN, OI_CLAUSE_S4,
                       OI_SEVERITY_WAITLIST, rec->session, pol->sessions[rec->session].seats,
                       (int64_t)ss->awarded_count, 0, 0);
      if (!slot)
        oip_set_reason(&reasons[n++], OI_REASON_LOCAL_CAP_REACHED, OI_CLAUSE_S5,
                       OI_SEVERITY_WAITLIST, rec->session, rec->local_number, year,
                       pol->numbers.local_cap_per_year, ly->awarded);
      n = blocked + d->reason_count;
      rec->status = OI_OUTCOME_WAITLISTED;
    }
  }
  rec->decided = rec->status;
  rec->reason_count = (uint8_t)n;
  rec->reasons = oip_store_reasons(l, reasons, n);

  oip_table_insert(&l->ids, oip_tag_of(e->id_hash), i);
  l->count++;
  oip_add_event(l, OI_EVENT_ENTERED, i, 0);
  switch (rec->status) {
  case OI_OUTCOME_AWARDED:
    award(l, i);
    oy->active = i;
    oy->active_id = rec->id;
    break;
  case OI_OUTCOME_WAITLISTED: {
    uint32_t q = oip_find_queue(l, rec->ly, rec->session);
    if (q == OIP_NONE)
      q = oip_new_queue(l, rec->ly, rec->session);
    oip_queue_push(l, q, i);
    oy->active = i;
    oy->active_id = rec->id;
    break;
  }
  default:
    rec->a = ss->refused;
    ss->refused = i;
    ss->refused_count++;
    break;
  }
  oip_add_event(l, OI_EVENT_DECIDED, i, 0);
  /* Names last: shared with those their year was first given, when equal
   * (the local's only when the local has a year here). */
  if (e->names) {
    rec->officer_name = e->officer_name == NULL ? OIP_POOL_NONE
                        : share_string(l, &oy->name, e->officer_name, e->officer_name_len);
    rec->local_name = ly != NULL
                          ? share_string(l, &ly->name, e->local_name, e->local_name_len)
                          : oip_keep_string(l, e->local_name, e->local_name_len);
  }
  if (out != NULL)
    oip_decision_of(l, i, out);
}

void oip_decision_of(const oi_ledger *l, uint32_t i, oi_decision *d)
{
  const struct oip_rec *rec = &l->recs[i];
  const struct oip_session *s = &l->policy->sessions[rec->session];
  const size_t n = oip_rec_reason_count(rec);

  d->outcome = (oi_outcome)rec->status;
  d->policy_id = l->policy->id;
  d->session = rec->session;
  d->session_id = s->id;
  d->nights_requested = rec->nights_requested;
  /* S3: only an award pays nights, to the hotel; a waitlisted request shows
   * what its award will pay apart. */
  d->nights = rec->status == OI_OUTCOME_AWARDED ? rec->nights : 0;
  d->payee = rec->status == OI_OUTCOME_AWARDED ? s->hotel : NULL;
  d->reason_count = n;
  if (n > 0)
    memcpy(d->reasons, oip_rec_reasons(l, rec), n * sizeof *d->reasons);
  d->nights_if_awarded = rec->nights;
  d->request_id = oip_str(l, rec->id);
}

/* What a request's slots are, reckoned before it is checked. */
struct early {
  uint64_t id_hash, officer_hash, local_hash;
  size_t id_len, officer_id_len, session;
  int known;
};

/* Hash the request's id, officer and local and start fetching the slots
 * they name, before the request is checked, so that they arrive while it
 * is: at a million requests each is a trip to memory. Nothing here trusts
 * the request (a hash of bytes is only a hash, a fetch changes nothing);
 * its strings are read only within their bounds. */
static void fetch_early(const oi_ledger *l, const oi_subsidy_request *r, struct early *x)
{
  const char *e1, *e2, *e3;
  int32_t year;

  memset(x, 0, sizeof *x);
  if (r->id == NULL || r->session_id == NULL || r->officer.id == NULL ||
      (e1 = memchr(r->id, '\0', OI_ID_MAX + 1)) == NULL ||
      (e2 = memchr(r->session_id, '\0', OI_ID_MAX + 1)) == NULL ||
      (e3 = memchr(r->officer.id, '\0', OI_ID_MAX + 1)) == NULL ||
      oip_session_by_id(l->policy, r->session_id, (size_t)(e2 - r->session_id), &x->session) ==
          NULL)
    return;
  year = l->policy->sessions[x->session].first_day.year;
  x->id_len = (size_t)(e1 - r->id);
  x->officer_id_len = (size_t)(e3 - r->officer.id);
  x->id_hash = oip_id_hash(l, r->id, x->id_len);
  oip_table_prefetch(&l->ids, oip_tag_of(x->id_hash));
  x->officer_hash = oip_officer_hash(l, r->officer.id, x->officer_id_len, year);
  oip_table_prefetch(&l->officers, oip_tag_of(x->officer_hash));
  x->local_hash = oip_local_hash(l, r->local.number, year);
  oip_table_prefetch(&l->locals, oip_tag_of(x->local_hash));
  x->known = 1;
}

oi_status oi_ledger_submit(oi_ledger *l, const oi_subsidy_request *r, oi_decision *out,
                           oi_error *err)
{
  struct oip_reservation res;
  struct oip_entering e;
  struct oip_checked c;
  struct early x;
  oi_decision d;
  int32_t year;
  uint32_t peek;
  oi_status st;

  if (l == NULL || r == NULL)
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : "request",
                    "a required pointer is NULL");
  if (out != NULL && out->version != OI_DECISION_VERSION &&
      (st = oip_check_version(&oip_layout_decision, out->version, err, "out", "version")) != OI_OK)
    return st;
  /* Its members are read early only in the layout these headers declare;
   * any other version is checked before anything else is read. */
  if (r->version == OI_SUBSIDY_REQUEST_VERSION && r->officer.version == OI_OFFICER_VERSION)
    fetch_early(l, r, &x);
  else
    memset(&x, 0, sizeof x);
  st = oip_check_subsidy_request(l->policy, r, "request", &c, err);
  if (st != OI_OK)
    return st;
  if (r->id == NULL || r->id[0] == '\0')
    return oip_fail(err, OI_EINVAL, "request", "id",
                    "a ledger names requests by id: the id is required");
  year = l->policy->sessions[c.session].first_day.year;
  if (x.known && x.session == c.session && x.id_len == c.id_len &&
      x.officer_id_len == c.officer_id_len) {
    e.id_hash = x.id_hash;
    e.officer_hash = x.officer_hash;
    e.local_hash = x.local_hash;
  } else {
    e.id_hash = oip_id_hash(l, r->id, c.id_len);
    e.officer_hash = oip_officer_hash(l, r->officer.id, c.officer_id_len, year);
    e.local_hash = oip_local_hash(l, r->local.number, year);
  }
  /* The slots have come, or are coming: the records they name next. */
  if ((peek = oip_table_peek(&l->officers, oip_tag_of(e.officer_hash))) != OIP_TABLE_NONE)
    oip_prefetch(oip_oy(l, peek));
  if ((peek = oip_table_peek(&l->locals, oip_tag_of(e.local_hash))) != OIP_TABLE_NONE)
    oip_prefetch(&l->lys[peek]);
  oip_decide_checked(l->policy, r, &c, &d);
  if (oip_find_rec(l, r->id, c.id_len, e.id_hash) != OIP_NONE)
    return oip_fail(err, OI_EEXISTS, "request", "id", "request \"%s\" is already entered",
                    r->id);
  oip_reservation_one(&res, &c, d.reason_count);
  st = oip_ledger_reserve(l, &res, err);
  if (st == OI_OK && d.outcome == OI_OUTCOME_ELIGIBLE && oip_awards_reserve(l, c.session) != 0)
    st = oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory growing the ledger");
  if (st != OI_OK)
    return st;
  e.officer_id = r->officer.id;
  e.officer_id_len = c.officer_id_len;
  e.names = 1;
  e.officer_name = r->officer.name;
  e.officer_name_len = c.officer_name_len;
  e.local_name = r->local.name;
  e.local_name_len = c.local_name_len;
  oip_fill_rec(l, (uint32_t)l->count, r, &c, &d);
  l->recs[l->count].id = oip_keep_string(l, r->id, c.id_len);
  oip_commit(l, (uint32_t)l->count, &e, &d, out);
  return OI_OK;
}

void oip_reservation_one(struct oip_reservation *res, const struct oip_checked *c,
                         size_t stateless_reasons)
{
  res->requests = 1;
  res->events = 2;
  res->officers = 1;
  res->locals = 1;
  res->queues = 1;
  /* Its id, names and (when not inline) officer id, each after its length. */
  res->string_bytes = c->id_len + 2 + c->local_name_len + 2 + c->officer_name_len + 2 +
                      (c->officer_id_len >= OIP_OY_INLINE ? c->officer_id_len + 2 : 0);
  /* Its stateless reasons and what S9, S4 and S5 may add. */
  res->reason_bytes = (stateless_reasons + 2) * sizeof(oi_reason);
  /* A queue's new head, or the heads of a local-year reaching its cap:
   * one into any one heap. */
  res->heads = 1;
}

/* ---- withdrawing ------------------------------------------------------- */

oi_status oi_ledger_withdraw(oi_ledger *l, const char *id, oi_withdrawal *out, oi_error *err)
{
  struct oip_reservation res;
  struct oip_rec *r;
  oi_withdrawal w;
  uint64_t hash;
  uint32_t x;
  size_t len;
  oi_status st;

  if (l == NULL || id == NULL)
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : "id",
                    "a required pointer is NULL");
  if (out != NULL &&
      (st = oip_check_version(&oip_layout_withdrawal, out->version, err, "out", "version")) != OI_OK)
    return st;
  st = oip_check_string_len(id, OI_ID_MAX, 0, err, NULL, "id", &len);
  if (st != OI_OK)
    return st;
  hash = oip_id_hash(l, id, len);
  x = oip_find_rec(l, id, len, hash);
  if (x == OIP_NONE)
    return oip_fail(err, OI_ENOTFOUND, NULL, "id", "no request \"%.*s\" in the ledger",
                    OI_ID_MAX, id);
  r = &l->recs[x];
  if (r->status != OI_OUTCOME_AWARDED && r->status != OI_OUTCOME_WAITLISTED)
    return oip_fail(err, OI_ESTATE, NULL, "id", "request \"%s\" is %s: nothing to withdraw",
                    oip_str(l, r->id), oi_outcome_name((oi_outcome)r->status));
  memset(&res, 0, sizeof res);
  res.events = 1 + OI_PROMOTIONS_MAX;
  /* What a withdrawal may push into any one heap: a queue's new head or a
   * local leaving its cap, and for each promotion (S10) its queue's new
   * head and its local reaching its cap. */
  res.heads = 1 + 2 * OI_PROMOTIONS_MAX;
  st = oip_ledger_reserve(l, &res, err);
  if (st != OI_OK)
    return st;

  memset(&w, 0, sizeof w);
  w.previous = (oi_outcome)r->status;
  if (r->status == OI_OUTCOME_WAITLISTED)
    oip_queue_remove(l, x);
  else
    unaward(l, x);
  r->status = OI_OUTCOME_WITHDRAWN;
  oip_oy(l, r->oy)->active = OIP_NONE; /* a withdrawn request blocks nothing (S9) */
  r->a = l->sessions[r->session].withdrawn;
  l->sessions[r->session].withdrawn = x;
  l->sessions[r->session].withdrawn_count++;
  oip_add_event(l, OI_EVENT_WITHDRAWN, x, w.previous == OI_OUTCOME_AWARDED);

  /* S10: the freed seat and the freed local slot are filled, earliest
   * receipt first, for as long as a waitlisted request fits. Everything
   * waitlisted was blocked before, so only a request at this session or of
   * this local can fit now, and each promotion uses a seat and a slot: at
   * most two promotions, one per freed resource. */
  while (w.previous == OI_OUTCOME_AWARDED && w.promoted_count < OI_PROMOTIONS_MAX) {
    const uint32_t a = oip_candidate_for_seat(l, r->session);
    const uint32_t b = oip_candidate_for_slot(l, r->ly);
    const uint32_t p = a == OIP_NONE ? b
                       : b == OIP_NONE ? a
                       : oip_order(&l->recs[a]) <= oip_order(&l->recs[b]) ? a : b;

    if (p == OIP_NONE)
      break;
    oip_queue_remove(l, p);
    award(l, p);
    l->recs[p].flags |= OIP_F_PROMOTED;
    oip_add_event(l, OI_EVENT_PROMOTED, p, 0);
    w.promoted[w.promoted_count++] = oip_str(l, l->recs[p].id);
  }
  if (out != NULL)
    oip_write_out(&oip_layout_withdrawal, out, &w);
  return OI_OK;
}
