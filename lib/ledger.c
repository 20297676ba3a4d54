/*
 * The subsidy ledger: S4 (seats, first come first served by receipt), S5
 * (a local's cap per calendar year), S9 (one subsidy an officer a year), S10
 * (waitlist and promotion) and S11 (awards stand), over the stateless rules.
 * This file holds the ledger's life and its changes: entering requests one
 * by one or as a batch, awarding, and withdrawing with promotion. Its
 * indexes, waitlist, queries and audit trail have files of their own
 * (ledger_state.h says which).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ledger_state.h"
#include "rules_private.h"
#include "error_private.h"
#include "strutil.h"

/* ---- life cycle ------------------------------------------------------- */

oi_status oi_ledger_new(const oi_policy *policy, oi_ledger **out, oi_error *err)
{
  oi_ledger *l;

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
  for (i = 0; i < l->chunk_count; i++)
    free(l->chunks[i]);
  free(l->chunks);
  free(l->events);
  for (i = 0; l->sessions != NULL && i < l->policy->session_count; i++)
    oip_heads_free(&l->sessions[i]);
  free(l->sessions);
  oip_map_free(&l->ids);
  oip_map_free(&l->officers);
  oip_map_free(&l->locals);
  oip_map_free(&l->queues);
  oip_arena_free(&l->arena);
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

const struct oip_rec *oip_ledger_rec(const oi_ledger *l, size_t i)
{
  return i < l->count ? oip_rec_at(l, i) : NULL;
}

/* ---- reserving: everything a change needs is allocated before it starts,
 * so a change either happens whole or not at all. ------------------------ */

static oi_status reserve(oi_ledger *l, size_t requests, size_t events, oi_error *err)
{
  size_t need_chunks = (l->count + requests + REC_CHUNK - 1) / REC_CHUNK;

  /* No more requests than a snapshot may hold, so that every ledger saved
   * loads back (json.h). */
  if (requests > (size_t)OI_LEDGER_REQUESTS_MAX - l->count)
    return oip_fail(err, OI_ELIMIT, NULL, "ledger",
                    "the ledger holds %zu requests; it may hold at most %d", l->count,
                    OI_LEDGER_REQUESTS_MAX);
  if (oip_map_reserve(&l->ids, requests) != 0 || oip_map_reserve(&l->officers, requests) != 0 ||
      oip_map_reserve(&l->locals, requests) != 0 || oip_map_reserve(&l->queues, requests) != 0)
    goto nomem;
  if (need_chunks > l->chunk_count) {
    struct oip_rec **chunks = realloc(l->chunks, need_chunks * sizeof *chunks);
    if (chunks == NULL)
      goto nomem;
    l->chunks = chunks;
    while (l->chunk_count < need_chunks) {
      chunks[l->chunk_count] = malloc(REC_CHUNK * sizeof **chunks);
      if (chunks[l->chunk_count] == NULL)
        goto nomem;
      l->chunk_count++;
    }
  }
  if (l->event_count + events > l->event_capacity) {
    size_t cap = l->event_capacity ? l->event_capacity : 64;
    struct oip_event *ev;
    while (cap < l->event_count + events)
      cap *= 2;
    ev = realloc(l->events, cap * sizeof *ev);
    if (ev == NULL)
      goto nomem;
    l->events = ev;
    l->event_capacity = cap;
  }
  return OI_OK;
nomem:
  return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory growing the ledger");
}

/* Room for extra more heads at a session. */
static oi_status reserve_heads(oi_ledger *l, size_t session, size_t extra, oi_error *err)
{
  if (oip_heads_reserve(&l->sessions[session], extra) != OI_OK)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory growing a waitlist");
  return OI_OK;
}

/*
 * What entering one request needs, found or allocated before anything
 * changes: its strings and reason slots (in the arena), and the counters it
 * touches, found, or else a spare to make them from. Its record is filled in

 * place, in a reserved slot past the last entered one, where nothing sees it
 * until it is committed.
 */
struct prep {
  struct oip_rec *rec;
  oi_reason *reasons;          /* reason_slots of them */
  size_t reason_slots;
  uint64_t id_hash;
  uint64_t officer_hash;
  struct oip_officer_year *oy; /* found when prepared, or NULL */
  struct oip_local_year *ly;
  struct oip_queue *queue;
  struct oip_officer_year *oy_spare;
  struct oip_local_year *ly_spare;
  struct oip_queue *queue_spare;
};

static void award(oi_ledger *l, struct oip_rec *r)
{
  struct oip_session_state *s = &l->sessions[r->session];

  s->awarded = oip_avl_insert(s->awarded, &r->node, oip_cmp_rec_nodes);
  s->awarded_count++;
  s->nights += r->nights;
  if (++r->ly->awarded == l->policy->numbers.local_cap_per_year)
    oip_local_year_cap_changed(l, r->ly); /* S5: its queues now wait for a slot */
  l->district_awards[r->district]++;
  l->district_nights[r->district] += r->nights;
  r->status = OI_OUTCOME_AWARDED;
}

static void unaward(oi_ledger *l, struct oip_rec *r)
{
  struct oip_session_state *s = &l->sessions[r->session];

  s->awarded = oip_avl_remove(s->awarded, &r->node, oip_cmp_rec_nodes);
  s->awarded_count--;
  s->nights -= r->nights;
  if (r->ly->awarded-- == l->policy->numbers.local_cap_per_year)
    oip_local_year_cap_changed(l, r->ly); /* S5: room again */
  l->district_awards[r->district]--;
  l->district_nights[r->district] -= r->nights;
}

/* ---- entering a request -----------------------------------------------
 *
 * A request is entered in two steps. prepare() decides its stateless part
 * (S1, S2, S3, S6, S8, E1), allocates what it needs and fills its record
 * where nothing sees it yet; commit() applies S9, S4 and S5 against the
 * ledger as it stands and links the record in. Every allocation happens in
 * prepare(), so a submit or a whole batch either happens or changes nothing.
 */

static oi_status validate_for_ledger(const oi_ledger *l, const oi_subsidy_request *r,
                                     size_t *session, uint64_t *id_hash, oi_error *err)
{
  oi_status st;

  st = oip_validate_subsidy(l->policy, r, "request", session, err);
  if (st != OI_OK)
    return st;
  if (r->id == NULL || r->id[0] == '\0')
    return oip_fail(err, OI_EINVAL, "request", "id",
                    "a ledger names requests by id: the id is required");
  *id_hash = oip_id_hash(l, r->id);
  if (oip_find_rec(l, r->id, *id_hash) != NULL)
    return oip_fail(err, OI_EEXISTS, "request", "id", "request \"%s\" is already entered",
                    r->id);
  return OI_OK;
}

/*
 * Prepare a validated request as record rec. reason_slots says how many
 * reasons its decision may end with (its stateless reasons, plus what S9,
 * S4 and S5 may add); will_wait says whether it may be waitlisted (so may
 * need a queue).
 */
static oi_status prepare(oi_ledger *l, const oi_subsidy_request *r, size_t session,
                         const oi_decision *d, size_t reason_slots, int will_wait,
                         struct prep *p, oi_error *err)
{
  const struct oip_session *ps = &l->policy->sessions[session];
  struct oip_arena *a = &l->arena;
  struct oip_rec *rec = p->rec;
  const int32_t year = ps->first_day.year; /* S5, S9: the year of the first day */
  const char *id, *officer_id, *officer_name, *local_name;
  int ok;

  id = oip_arena_strdup(a, r->id);
  officer_id = oip_arena_strdup(a, r->officer.id);
  officer_name = oip_arena_strdup(a, r->officer.name);
  local_name = oip_arena_strdup(a, r->local.name);
  p->reason_slots = reason_slots;
  p->reasons = reason_slots > 0 ? oip_arena_alloc(a, reason_slots * sizeof(oi_reason)) : NULL;
  ok = id && officer_id && local_name && (r->officer.name == NULL || officer_name) &&
       (reason_slots == 0 || p->reasons);
  if (ok && p->oy == NULL)
    ok = (p->oy_spare = oip_arena_alloc(a, sizeof *p->oy_spare)) != NULL;
  if (ok && d->outcome == OI_OUTCOME_ELIGIBLE && p->ly == NULL)
    ok = (p->ly_spare = oip_arena_alloc(a, sizeof *p->ly_spare)) != NULL;
  if (ok && will_wait && p->queue == NULL)
    ok = (p->queue_spare = oip_arena_alloc(a, sizeof *p->queue_spare)) != NULL;
  if (!ok)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory storing a request");

  memset(rec, 0, sizeof *rec);
  rec->id = id;
  rec->officer_id = officer_id;
  rec->officer_name = officer_name;
  rec->local_name = local_name;
  rec->received_key = oip_receipt_key(r->received);
  rec->receipts_cents = r->local.receipts_cents;
  rec->local_number = r->local.number;
  rec->session = (int32_t)session;
  rec->year = year;
  rec->nights_requested = r->nights;
  rec->nights = d->nights;
  rec->country = (uint8_t)r->local.country;
  rec->district = (uint8_t)r->local.district;
  rec->lm_form = (uint8_t)r->local.lm_form;
  rec->receipts_known = (uint8_t)r->local.receipts_known;
  rec->office = (uint8_t)r->officer.office;
  rec->attested = (uint8_t)r->attested;
  rec->with_application = (uint8_t)r->with_application;
  rec->application_signed = (uint8_t)r->application_signed;
  rec->request_signed = (uint8_t)r->request_signed;
  /* Until committed, the status is the stateless outcome. */
  rec->status = (uint8_t)d->outcome;
  rec->reason_count = (uint8_t)d->reason_count;
  if (d->reason_count > 0)
    memcpy(p->reasons, d->reasons, d->reason_count * sizeof *d->reasons);
  return OI_OK;
}

static void decision_of(const oi_ledger *l, const struct oip_rec *rec, oi_decision *d)
{
  const struct oip_session *s = &l->policy->sessions[rec->session];

  d->outcome = (oi_outcome)rec->status;
  d->policy_id = l->policy->id;
  d->session = rec->session;
  d->session_id = s->id;
  d->nights_requested = rec->nights_requested;
  /* S3: only an award pays nights, to the hotel; a waitlisted request shows
   * what its award will pay apart. */
  d->nights = rec->status == OI_OUTCOME_AWARDED ? rec->nights : 0;
  d->payee = rec->status == OI_OUTCOME_AWARDED ? s->hotel : NULL;
  d->reason_count = rec->reason_count;
  if (rec->reason_count > 0)
    memcpy(d->reasons, rec->reasons, rec->reason_count * sizeof *rec->reasons);
  d->nights_if_awarded = rec->nights;
  d->request_id = rec->id;
}

/* Apply S9, S4 and S5 to a prepared record and enter it. Cannot fail. */
static void commit(oi_ledger *l, struct prep *p, oi_decision *out)
{
  struct oip_rec *rec = p->rec;
  const oi_policy *pol = l->policy;
  struct oip_session_state *ss = &l->sessions[rec->session];
  struct oip_officer_year *oy;
  size_t n = rec->reason_count;

  rec->entry = (uint64_t)l->count + 1;
  oy = p->oy != NULL ? p->oy
                     : oip_officer_year(l, rec->officer_id, rec->year, p->officer_hash, p->oy_spare);
  rec->oy = oy;
  /* S9: one subsidy an officer a year, while the first is awarded or waits. */
  if (oy->active != NULL) {
    if (rec->status == OI_OUTCOME_ELIGIBLE)
      n = 0; /* a refusal carries no S3 note */
    oip_set_reason(&p->reasons[n], OI_REASON_OFFICER_ALREADY_SUBSIDIZED, OI_CLAUSE_S9,
               OI_SEVERITY_REFUSAL, rec->session, rec->year, (int64_t)oy->active->entry, 0,
               0);
    /* Named by the id its caller gave it: the ledger's copy, no allocation. */
    p->reasons[n++].ref_id = oy->active->id;
    rec->status = OI_OUTCOME_REFUSED;
    rec->nights = 0;
  }
  if (rec->status == OI_OUTCOME_ELIGIBLE) {
    struct oip_local_year *ly =
        p->ly != NULL ? p->ly : oip_local_year(l, rec->local_number, rec->year, p->ly_spare);
    const int seat = oip_seat_free(l, rec->session), slot = oip_slot_free(l, ly);
    const size_t blocked = (size_t)!seat + (size_t)!slot;

    rec->ly = ly;
    if (blocked == 0) {
      rec->status = OI_OUTCOME_AWARDED;
    } else {
      /* S10: eligible but blocked by S4, S5 or both; it waits by receipt.
       * Its reasons say why, ahead of the S3 note it may carry. */
      memmove(&p->reasons[blocked], &p->reasons[0], n * sizeof *p->reasons);
      n = 0;
      if (!seat)
        oip_set_reason(&p->reasons[n++], OI_REASON_SEATS_TAKEN, OI_CLAUSE_S4,
                   OI_SEVERITY_WAITLIST, rec->session, pol->sessions[rec->session].seats,
                   (int64_t)ss->awarded_count, 0, 0);
      if (!slot)
        oip_set_reason(&p->reasons[n++], OI_REASON_LOCAL_CAP_REACHED, OI_CLAUSE_S5,
                   OI_SEVERITY_WAITLIST, rec->session, rec->local_number, rec->year,
                   pol->numbers.local_cap_per_year, ly->awarded);
      n = blocked + rec->reason_count;
      rec->status = OI_OUTCOME_WAITLISTED;
    }
  }
  rec->reason_count = (uint8_t)n;
  rec->reasons = n > 0 ? p->reasons : NULL;

  oip_index_rec(l, p->id_hash, rec);
  l->count++;
  oip_add_event(l, OI_EVENT_ENTERED, rec, NULL, OI_OUTCOME_NONE);
  switch (rec->status) {
  case OI_OUTCOME_AWARDED:
    award(l, rec);
    oy->active = rec;
    break;
  case OI_OUTCOME_WAITLISTED:
    oip_queue_push(l, p->queue != NULL ? p->queue
                                   : oip_queue_for(l, rec->session, rec->local_number, rec->ly,
                                               p->queue_spare),
               rec);
    oy->active = rec;
    break;
  default:
    rec->list_next = ss->refused;
    ss->refused = rec;
    ss->refused_count++;
    break;
  }
  oip_add_event(l, OI_EVENT_DECIDED, rec, NULL, (oi_outcome)rec->status);
  if (out != NULL)
    decision_of(l, rec, out);
}

/* Find the counters a request touches, as the ledger stands now. */
static void find_counters(const oi_ledger *l, const oi_subsidy_request *r, size_t session,
                          int eligible, struct prep *p)
{
  const int32_t year = l->policy->sessions[session].first_day.year;

  p->officer_hash = oip_officer_hash(l, r->officer.id, year);
  p->oy = oip_find_officer_year(l, r->officer.id, year, p->officer_hash);
  if (eligible) {
    p->ly = oip_find_local_year(l, r->local.number, year);
    p->queue = oip_find_queue(l, (int32_t)session, r->local.number);
  }
}

oi_status oi_ledger_submit(oi_ledger *l, const oi_subsidy_request *r, oi_decision *out,
                           oi_error *err)
{
  struct prep p;
  oi_decision d;
  size_t session, slots;
  int s9, wait = 0;
  oi_status st;

  if (l == NULL || r == NULL)
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : "request",
                    "a required pointer is NULL");
  memset(&p, 0, sizeof p);
  st = validate_for_ledger(l, r, &session, &p.id_hash, err);
  if (st == OI_OK)
    st = reserve(l, 1, 2, err);
  if (st == OI_OK)
    st = reserve_heads(l, session, 1, err);
  if (st != OI_OK)
    return st;
  oip_decide_subsidy(l->policy, r, session, &d);
  find_counters(l, r, session, d.outcome == OI_OUTCOME_ELIGIBLE, &p);
  /* One request at a time, the state it meets is known now: size its
   * reasons exactly (commit() decides the same way). */
  s9 = p.oy != NULL && p.oy->active != NULL;
  if (s9) {
    slots = (d.outcome == OI_OUTCOME_ELIGIBLE ? 0 : d.reason_count) + 1;
  } else if (d.outcome == OI_OUTCOME_ELIGIBLE) {
    const int seat = oip_seat_free(l, (int32_t)session);
    const int slot = p.ly != NULL ? oip_slot_free(l, p.ly) : l->policy->numbers.local_cap_per_year > 0;
    wait = !seat || !slot;
    slots = d.reason_count + (size_t)!seat + (size_t)!slot;
  } else {
    slots = d.reason_count;
  }
  p.rec = oip_rec_at(l, l->count);
  st = prepare(l, r, session, &d, slots, wait, &p, err);
  if (st != OI_OK)
    return st;
  commit(l, &p, out);
  return OI_OK;
}

/* ---- batches ---------------------------------------------------------- */

struct batch_key {
  int64_t key;  /* receipt */
  size_t index; /* in the caller's array */
};

static int cmp_batch(const void *a, const void *b)
{
  const struct batch_key *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return (x->index > y->index) - (x->index < y->index);
}

static int eq_batch_id(const void *value, const void *key)
{
  return strcmp(*(const char *const *)value, key) == 0;
}

oi_status oi_ledger_submit_many(oi_ledger *l, const oi_subsidy_request *reqs, size_t count,
                                oi_decision *out, oi_error *err)
{
  struct batch_key *order = NULL;
  struct prep *preps = NULL;
  size_t *sessions = NULL, *rank = NULL;
  uint64_t *hashes = NULL;
  struct oip_map seen = { NULL, 0, 0 };
  oi_status st = OI_OK;
  oi_error tmp;
  size_t i, k;

  if (l == NULL || (count > 0 && reqs == NULL))
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : "requests",
                    "a required pointer is NULL");
  if (count == 0)
    return OI_OK;
  if (count > (size_t)OI_LEDGER_REQUESTS_MAX - l->count)
    return oip_fail(err, OI_ELIMIT, NULL, "count",
                    "%zu requests are too many: the ledger holds %zu and may hold at most %d",
                    count, l->count, OI_LEDGER_REQUESTS_MAX);
  order = malloc(count * sizeof *order);
  preps = calloc(count, sizeof *preps);
  sessions = malloc(count * sizeof *sessions);
  hashes = malloc(count * sizeof *hashes);
  rank = malloc(count * sizeof *rank);
  if (order == NULL || preps == NULL || sessions == NULL || hashes == NULL ||
      rank == NULL ||
      oip_map_reserve(&seen, count) != 0) {
    st = oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory for a batch of %zu", count);
    goto done;
  }
  /* Validate everything, ids distinct and new, before anything changes;
   * the first bad element, in the caller's order, is the one reported. */
  for (i = 0; i < count; i++) {
    const char *id = reqs[i].id;

    st = validate_for_ledger(l, &reqs[i], &sessions[i], &hashes[i], &tmp);
    if (st != OI_OK) {
      st = oip_fail_element(err, &tmp, "requests", i);
      goto done;
    }
    if (oip_map_find(&seen, hashes[i], eq_batch_id, id) != NULL) {
      oip_fail(&tmp, OI_EEXISTS, "request", "id", "request \"%s\" appears twice in the batch",
               id);
      st = oip_fail_element(err, &tmp, "requests", i);
      goto done;
    }
    oip_map_insert(&seen, hashes[i], (void *)&reqs[i].id);
    order[i].key = oip_receipt_key(reqs[i].received);
    order[i].index = i;
  }
  st = reserve(l, count, 2 * count, err);
  if (st == OI_OK) {
    /* Room in each session's heads for the requests of the batch there:
     * a scratch count kept with each session. */
    for (i = 0; i < l->policy->session_count; i++)
      l->sessions[i].heads_wanted = 0;
    for (i = 0; i < count; i++)
      l->sessions[sessions[i]].heads_wanted++;
    for (i = 0; st == OI_OK && i < l->policy->session_count; i++)
      st = reserve_heads(l, i, l->sessions[i].heads_wanted, err);
  }
  if (st != OI_OK)
    goto done;
  /* S11: a batch is decided in receipt order, ties by order in the batch:
   * the request of rank i in that order becomes record count + i. The
   * requests are read in the caller's order, which is the order they lie in
   * memory; only the records are written out of order. */
  qsort(order, count, sizeof *order, cmp_batch);
  for (i = 0; i < count; i++)
    rank[order[i].index] = i;
  for (k = 0; st == OI_OK && k < count; k++) {
    const size_t at = rank[k];
    struct prep *p = &preps[at];
    oi_decision d;
    int eligible;

    oip_decide_subsidy(l->policy, &reqs[k], sessions[k], &d);
    eligible = d.outcome == OI_OUTCOME_ELIGIBLE;
    find_counters(l, &reqs[k], sessions[k], eligible, p);
    p->id_hash = hashes[k];
    p->rec = oip_rec_at(l, l->count + at);
    /* The state each request meets depends on those before it in the batch:
     * room for the most its decision can carry (S9 on a refusal; S4 and S5
     * on an eligible request). */
    st = prepare(l, &reqs[k], sessions[k], &d, d.reason_count + (eligible ? 2 : 1), eligible,
                 p, err);
  }
  if (st != OI_OK)
    goto done;
  /* A counter that an earlier request of the batch made is found by
   * commit(), which looks again before making one from a spare. */
  for (i = 0; i < count; i++)
    commit(l, &preps[i], out != NULL ? &out[order[i].index] : NULL);
done:
  oip_map_free(&seen);
  free(order);
  free(preps);
  free(sessions);
  free(rank);
  free(hashes);
  return st;
}

oi_status oi_ledger_withdraw(oi_ledger *l, const char *id, oi_withdrawal *out, oi_error *err)
{
  struct oip_rec *r;
  oi_withdrawal w;
  oi_status st;

  if (l == NULL || id == NULL)
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : "id",
                    "a required pointer is NULL");
  st = oip_lookup_rec(l, id, &r, err);
  if (st != OI_OK)
    return st;
  if (r->status != OI_OUTCOME_AWARDED && r->status != OI_OUTCOME_WAITLISTED)
    return oip_fail(err, OI_ESTATE, NULL, "id", "request \"%s\" is %s: nothing to withdraw",
                    r->id, oi_outcome_name((oi_outcome)r->status));
  st = reserve(l, 0, 1 + OI_PROMOTIONS_MAX, err);
  if (st != OI_OK)
    return st;

  memset(&w, 0, sizeof w);
  w.previous = (oi_outcome)r->status;
  if (r->status == OI_OUTCOME_WAITLISTED)
    oip_queue_remove(l, r);
  else
    unaward(l, r);
  r->status = OI_OUTCOME_WITHDRAWN;
  r->oy->active = NULL; /* a withdrawn request blocks nothing (S9) */
  r->list_next = l->sessions[r->session].withdrawn;
  l->sessions[r->session].withdrawn = r;
  l->sessions[r->session].withdrawn_count++;
  oip_add_event(l, OI_EVENT_WITHDRAWN, r, NULL, w.previous);

  /* S10: the freed seat and the freed local slot are filled, earliest
   * receipt first, for as long as a waitlisted request fits. Everything
   * waitlisted was blocked before, so only a request at this session or of
   * this local can fit now, and each promotion uses a seat and a slot: at
   * most two promotions, one per freed resource. */
  while (w.previous == OI_OUTCOME_AWARDED && w.promoted_count < OI_PROMOTIONS_MAX) {
    struct oip_rec *a = oip_candidate_for_seat(l, r->session);
    struct oip_rec *b = oip_candidate_for_slot(l, r->ly);
    struct oip_rec *p = a == NULL ? b : b == NULL ? a : oip_rec_order(a, b) <= 0 ? a : b;

    if (p == NULL)
      break;
    oip_queue_remove(l, p);
    award(l, p);
    p->reasons = NULL;
    p->reason_count = 0;
    oip_add_event(l, OI_EVENT_PROMOTED, p, r, OI_OUTCOME_AWARDED);
    w.promoted[w.promoted_count++] = p->id;
  }
  if (out != NULL)
    *out = w;
  return OI_OK;
}
