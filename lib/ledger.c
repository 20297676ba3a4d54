/*
 * The subsidy ledger: S4 (seats, first come first served by receipt), S5
 * (a local's cap per calendar year), S9 (one subsidy an officer a year), S10
 * (waitlist and promotion) and S11 (awards stand), over the stateless rules.
 *
 * Layout, chosen so that no operation scans all requests or all locals:
 *  - every request is a record in pointer-stable chunks, found by id through
 *    a hash map; its strings and reasons live in an arena;
 *  - each session keeps its awards in a tree ordered by receipt, and its
 *    waitlist as one receipt-ordered queue per local, the queues' earliest
 *    requests ("heads") in a binary min-heap;
 *  - each (local, year) and (officer, year) has a small counter record found
 *    by hash.
 * When a seat frees at a session, the earliest waitlisted request there whose
 * local has room is the earliest head not at its cap, found by a best-first
 * walk down the heap that skips only locals at their cap; there are at most
 * (awards in the year / cap) of those, a number bounded by the policy. When a local's slot frees, its queue at each
 * session with a free seat is looked at: a number of sessions, again bounded
 * by the policy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "officerinst/ledger.h"
#include "ledger_private.h"
#include "policy_private.h"
#include "rules_private.h"
#include "date_private.h"
#include "error_private.h"
#include "strutil.h"

#define REC_CHUNK 1024

struct oip_queue;

struct oip_local_year {
  uint32_t local;
  int32_t year;
  int awarded;              /* S5 */
  struct oip_queue *queues; /* the local's queues at the year's sessions */
};

struct oip_officer_year {
  const char *officer_id;
  int32_t year;
  struct oip_rec *active; /* S9: the awarded or waitlisted request, or NULL */
};


/* A waitlist head: a queue and its earliest request's receipt and entry,
 * copied here so that ordering the heads reads no record. */
struct oip_head {
  int64_t key;
  uint64_t entry;
  struct oip_queue *queue;
};

/* The heads of a session's queues, as a binary min-heap in one array: a
 * head arriving in random receipt order settles in O(1) expected steps,
 * near the top of an array that stays in cache. */
struct oip_heads {
  struct oip_head *items;
  size_t count;
  size_t capacity;
};

/* The waitlisted requests of one local at one session, in receipt order. */
struct oip_queue {
  size_t head_index;           /* its place in the session's heads, while non-empty */
  struct oip_avl *root;
  struct oip_rec *first;
  struct oip_local_year *ly;
  struct oip_queue *next;      /* the local-year's next queue */
  uint32_t local;
  int32_t session;
};

struct oip_session_state {
  struct oip_avl *awarded;     /* records, by receipt */
  struct oip_heads heads;      /* non-empty queues, by their first record's receipt */
  size_t heads_wanted;         /* scratch: a batch's requests at this session */
  struct oip_rec *refused;     /* list, newest first */
  struct oip_rec *withdrawn;   /* list, newest first */
  size_t awarded_count, waitlisted_count, refused_count, withdrawn_count;
  int64_t nights;
};

struct oi_ledger {
  const oi_policy *policy;
  struct oip_session_state *sessions;
  struct oip_arena arena;
  struct oip_map ids;          /* id -> record */
  struct oip_map officers;     /* (officer, year) -> oip_officer_year */
  struct oip_map locals;       /* (local, year) -> oip_local_year */
  struct oip_map queues;       /* (session, local) -> oip_queue */
  struct oip_rec **chunks;
  size_t chunk_count;
  size_t count;
  struct oip_event *events;
  size_t event_count;
  size_t event_capacity;
  size_t full_local_years;     /* local-years at their cap (S5) */
  size_t *search;              /* scratch for candidate_for_seat() */
  size_t search_capacity;
  size_t district_awards[OI_DISTRICT_COUNT + 1];
  int64_t district_nights[OI_DISTRICT_COUNT + 1];
};

/* ---- keys and orders -------------------------------------------------- */

#define REC_OF(n) ((struct oip_rec *)(void *)((char *)(n) - offsetof(struct oip_rec, node)))
/* First come, first served: receipt, then entry. */
static int rec_order(const struct oip_rec *a, const struct oip_rec *b)
{
  if (a->received_key != b->received_key)
    return a->received_key < b->received_key ? -1 : 1;
  return (a->entry > b->entry) - (a->entry < b->entry);
}

static int cmp_rec_nodes(const struct oip_avl *a, const struct oip_avl *b)
{
  return rec_order(REC_OF(a), REC_OF(b));
}

static int head_less(const struct oip_head *a, const struct oip_head *b)
{
  return a->key != b->key ? a->key < b->key : a->entry < b->entry;
}

static void head_place(struct oip_heads *h, size_t i, struct oip_head v)
{
  h->items[i] = v;
  v.queue->head_index = i;
}

static void heads_up(struct oip_heads *h, size_t i)
{
  const struct oip_head v = h->items[i];

  while (i > 0 && head_less(&v, &h->items[(i - 1) / 2])) {
    head_place(h, i, h->items[(i - 1) / 2]);
    i = (i - 1) / 2;
  }
  head_place(h, i, v);
}

static void heads_down(struct oip_heads *h, size_t i)
{
  const struct oip_head v = h->items[i];

  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= h->count)
      break;
    if (c + 1 < h->count && head_less(&h->items[c + 1], &h->items[c]))
      c++;
    if (!head_less(&h->items[c], &v))
      break;
    head_place(h, i, h->items[c]);
    i = c;
  }
  head_place(h, i, v);
}

static struct oip_head head_of(struct oip_queue *q)
{
  struct oip_head v;

  v.key = q->first->received_key;
  v.entry = q->first->entry;
  v.queue = q;
  return v;
}

/* Room for the head must have been reserved. */
static void heads_push(struct oip_heads *h, struct oip_queue *q)
{
  h->items[h->count++] = head_of(q);
  heads_up(h, h->count - 1);
}

static void heads_remove(struct oip_heads *h, struct oip_queue *q)
{
  const size_t i = q->head_index;
  const struct oip_head last = h->items[--h->count];

  if (i < h->count) {
    head_place(h, i, last);
    heads_up(h, i);
    heads_down(h, last.queue->head_index);
  }
}

/* The queue's first request changed: move its head to its new place. */
static void heads_rekey(struct oip_heads *h, struct oip_queue *q)
{
  h->items[q->head_index] = head_of(q);
  heads_up(h, q->head_index);
  heads_down(h, q->head_index);
}

static oi_status heads_reserve(struct oip_heads *h, size_t extra)
{
  size_t cap = h->capacity ? h->capacity : 16;
  struct oip_head *items;

  if (h->count + extra <= h->capacity)
    return OI_OK;
  while (cap < h->count + extra)
    cap *= 2;
  items = realloc(h->items, cap * sizeof *items);
  if (items == NULL)
    return OI_ENOMEM;
  h->items = items;
  h->capacity = cap;
  return OI_OK;
}

static int64_t receipt_key(oi_datetime t)
{
  return (int64_t)oip_days(t.date) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
}

static oi_datetime receipt_of_key(int64_t key)
{
  int64_t days = key / 86400, rest = key % 86400;
  oi_datetime t;

  if (rest < 0) {
    rest += 86400;
    days -= 1;
  }
  t.date = oip_date_of_days((int32_t)days);
  t.hour = (int)(rest / 3600);
  t.minute = (int)(rest / 60 % 60);
  t.second = (int)(rest % 60);
  return t;
}

struct officer_key {
  const char *officer_id;
  int32_t year;
};

static uint64_t officer_hash(const char *officer_id, int32_t year)
{
  return oip_hash_string(officer_id, (uint64_t)(uint32_t)year * UINT64_C(0x9e3779b97f4a7c15));
}

static uint64_t pair_hash(uint64_t tag, uint32_t a, uint32_t b)
{
  return oip_hash_u64((tag << 62) ^ ((uint64_t)a << 32) ^ b);
}

static int eq_id(const void *value, const void *key)
{
  return strcmp(((const struct oip_rec *)value)->id, key) == 0;
}

static int eq_officer(const void *value, const void *key)
{
  const struct oip_officer_year *oy = value;
  const struct officer_key *k = key;
  return oy->year == k->year && strcmp(oy->officer_id, k->officer_id) == 0;
}

static int eq_local(const void *value, const void *key)
{
  const struct oip_local_year *ly = value;
  const struct oip_local_year *k = key;
  return ly->local == k->local && ly->year == k->year;
}

static int eq_queue(const void *value, const void *key)
{
  const struct oip_queue *q = value;
  const struct oip_queue *k = key;
  return q->local == k->local && q->session == k->session;
}

static struct oip_rec *find_rec(const oi_ledger *l, const char *id)
{
  return oip_map_find(&l->ids, oip_hash_string(id, 0), eq_id, id);
}

static struct oip_queue *find_queue(const oi_ledger *l, int32_t session, uint32_t local)
{
  struct oip_queue k;

  k.session = session;
  k.local = local;
  return oip_map_find(&l->queues, pair_hash(1, (uint32_t)session, local), eq_queue, &k);
}

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
    free(l->sessions[i].heads.items);
  free(l->sessions);
  free(l->search);
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

static struct oip_rec *rec_at(const oi_ledger *l, size_t i)
{
  return &l->chunks[i / REC_CHUNK][i % REC_CHUNK];
}

const struct oip_rec *oip_ledger_rec(const oi_ledger *l, size_t i)
{
  return i < l->count ? rec_at(l, i) : NULL;
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

/* Room for extra more heads at a session, and for the frontier of a
 * promotion search (at most one entry per local-year at its cap, plus the
 * two a withdrawal's promotions can add, plus the root). */
static oi_status reserve_heads(oi_ledger *l, size_t session, size_t extra, oi_error *err)
{
  if (heads_reserve(&l->sessions[session].heads, extra) != OI_OK)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory growing a waitlist");
  return OI_OK;
}

static oi_status reserve_search(oi_ledger *l, oi_error *err)
{
  const size_t need = l->full_local_years + 4;
  size_t *p;

  if (need <= l->search_capacity)
    return OI_OK;
  p = realloc(l->search, 2 * need * sizeof *p);
  if (p == NULL)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory for a promotion");
  l->search = p;
  l->search_capacity = 2 * need;
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

static struct oip_local_year *find_local_year(const oi_ledger *l, uint32_t local, int32_t year);
static struct oip_officer_year *find_officer_year(const oi_ledger *l, const char *officer_id,
                                                  int32_t year, uint64_t hash);

static void add_event(oi_ledger *l, oi_event_type type, struct oip_rec *rec,
                      struct oip_rec *cause, oi_outcome outcome)
{
  struct oip_event *e = &l->events[l->event_count++];

  e->rec = rec;
  e->cause = cause;
  e->type = (uint8_t)type;
  e->outcome = (uint8_t)outcome;
  e->reasons = type == OI_EVENT_DECIDED ? rec->reasons : NULL;
  e->reason_count = type == OI_EVENT_DECIDED ? rec->reason_count : 0;
  e->nights = (type == OI_EVENT_DECIDED && outcome == OI_OUTCOME_AWARDED) ||
                      type == OI_EVENT_PROMOTED
                  ? rec->nights
                  : 0;
}

/* ---- counters found by hash (room reserved beforehand) ----------------- */

static struct oip_local_year *find_local_year(const oi_ledger *l, uint32_t local, int32_t year)
{
  struct oip_local_year k;

  k.local = local;
  k.year = year;
  return oip_map_find(&l->locals, pair_hash(0, local, (uint32_t)year), eq_local, &k);
}

static struct oip_officer_year *find_officer_year(const oi_ledger *l, const char *officer_id,
                                                  int32_t year, uint64_t hash)
{
  struct officer_key k;

  k.officer_id = officer_id;
  k.year = year;
  return oip_map_find(&l->officers, hash, eq_officer, &k);
}

/* The counters below are found by hash or, when missing, made from the
 * request's spare (allocated with its payload) in room reserved beforehand:
 * nothing here can fail. A batch may leave a spare unused when an earlier
 * request of the same batch made the counter first. */
static struct oip_local_year *local_year(oi_ledger *l, uint32_t local, int32_t year,
                                         struct oip_local_year *spare)
{
  struct oip_local_year *ly = find_local_year(l, local, year);

  if (ly == NULL) {
    ly = spare;
    ly->local = local;
    ly->year = year;
    ly->awarded = 0;
    ly->queues = NULL;
    oip_map_insert(&l->locals, pair_hash(0, local, (uint32_t)year), ly);
  }
  return ly;
}

static struct oip_officer_year *officer_year(oi_ledger *l, const char *officer_id,
                                             int32_t year, uint64_t hash,
                                             struct oip_officer_year *spare)
{
  struct oip_officer_year *oy = find_officer_year(l, officer_id, year, hash);

  if (oy == NULL) {
    oy = spare;
    oy->officer_id = officer_id;
    oy->year = year;
    oy->active = NULL;
    oip_map_insert(&l->officers, hash, oy);
  }
  return oy;
}

static struct oip_queue *queue_for(oi_ledger *l, int32_t session, uint32_t local,
                                   struct oip_local_year *ly, struct oip_queue *spare)
{
  struct oip_queue *q = find_queue(l, session, local);

  if (q == NULL) {
    q = spare;
    memset(q, 0, sizeof *q);
    q->session = session;
    q->local = local;
    q->ly = ly;
    q->next = ly->queues;
    ly->queues = q;
    oip_map_insert(&l->queues, pair_hash(1, (uint32_t)session, local), q);
  }
  return q;
}

/* ---- moving records between places ------------------------------------ */

/* Room in the session's heads must have been reserved. */
static void queue_push(oi_ledger *l, struct oip_queue *q, struct oip_rec *r)
{
  struct oip_session_state *s = &l->sessions[q->session];

  q->root = oip_avl_insert(q->root, &r->node, cmp_rec_nodes);
  if (q->first == NULL) {
    q->first = r;
    heads_push(&s->heads, q);
  } else if (rec_order(r, q->first) < 0) {
    q->first = r;
    heads_rekey(&s->heads, q);
  }
  r->queue = q;
  s->waitlisted_count++;
}

static void queue_remove(oi_ledger *l, struct oip_rec *r)
{
  struct oip_queue *q = r->queue;
  struct oip_session_state *s = &l->sessions[q->session];

  q->root = oip_avl_remove(q->root, &r->node, cmp_rec_nodes);
  if (q->first == r) {
    struct oip_avl *first = oip_avl_first(q->root);
    q->first = first != NULL ? REC_OF(first) : NULL;
    if (q->first != NULL)
      heads_rekey(&s->heads, q);
    else
      heads_remove(&s->heads, q);
  }
  r->queue = NULL;
  s->waitlisted_count--;
}

static void award(oi_ledger *l, struct oip_rec *r)
{
  struct oip_session_state *s = &l->sessions[r->session];

  s->awarded = oip_avl_insert(s->awarded, &r->node, cmp_rec_nodes);
  s->awarded_count++;
  s->nights += r->nights;
  if (++r->ly->awarded == l->policy->numbers.local_cap_per_year)
    l->full_local_years++;
  l->district_awards[r->district]++;
  l->district_nights[r->district] += r->nights;
  r->status = OI_OUTCOME_AWARDED;
}

static void unaward(oi_ledger *l, struct oip_rec *r)
{
  struct oip_session_state *s = &l->sessions[r->session];

  s->awarded = oip_avl_remove(s->awarded, &r->node, cmp_rec_nodes);
  s->awarded_count--;
  s->nights -= r->nights;
  if (r->ly->awarded-- == l->policy->numbers.local_cap_per_year)
    l->full_local_years--;
  l->district_awards[r->district]--;
  l->district_nights[r->district] -= r->nights;
}

static int seat_free(const oi_ledger *l, int32_t session)
{
  return l->sessions[session].awarded_count < (size_t)l->policy->sessions[session].seats;
}

static int slot_free(const oi_ledger *l, const struct oip_local_year *ly)
{
  return ly->awarded < l->policy->numbers.local_cap_per_year;
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
  *id_hash = oip_hash_string(r->id, 0);
  if (oip_map_find(&l->ids, *id_hash, eq_id, r->id) != NULL)
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
  rec->received_key = receipt_key(r->received);
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
  d->nights = rec->nights;
  d->payee = rec->status == OI_OUTCOME_REFUSED ? NULL : s->hotel;
  d->reason_count = rec->reason_count;
  if (rec->reason_count > 0)
    memcpy(d->reasons, rec->reasons, rec->reason_count * sizeof *rec->reasons);
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
                     : officer_year(l, rec->officer_id, rec->year, p->officer_hash, p->oy_spare);
  rec->oy = oy;
  /* S9: one subsidy an officer a year, while the first is awarded or waits. */
  if (oy->active != NULL) {
    if (rec->status == OI_OUTCOME_ELIGIBLE)
      n = 0; /* a refusal carries no S3 note */
    oip_set_reason(&p->reasons[n++], OI_REASON_OFFICER_ALREADY_SUBSIDIZED, OI_CLAUSE_S9,
               OI_SEVERITY_REFUSAL, rec->session, rec->year, (int64_t)oy->active->entry, 0,
               0);
    rec->status = OI_OUTCOME_REFUSED;
    rec->nights = 0;
  }
  if (rec->status == OI_OUTCOME_ELIGIBLE) {
    struct oip_local_year *ly =
        p->ly != NULL ? p->ly : local_year(l, rec->local_number, rec->year, p->ly_spare);
    const int seat = seat_free(l, rec->session), slot = slot_free(l, ly);
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

  oip_map_insert(&l->ids, p->id_hash, rec);
  l->count++;
  add_event(l, OI_EVENT_ENTERED, rec, NULL, OI_OUTCOME_NONE);
  switch (rec->status) {
  case OI_OUTCOME_AWARDED:
    award(l, rec);
    oy->active = rec;
    break;
  case OI_OUTCOME_WAITLISTED:
    queue_push(l, p->queue != NULL ? p->queue
                                   : queue_for(l, rec->session, rec->local_number, rec->ly,
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
  add_event(l, OI_EVENT_DECIDED, rec, NULL, (oi_outcome)rec->status);
  if (out != NULL)
    decision_of(l, rec, out);
}

/* Find the counters a request touches, as the ledger stands now. */
static void find_counters(const oi_ledger *l, const oi_subsidy_request *r, size_t session,
                          int eligible, struct prep *p)
{
  const int32_t year = l->policy->sessions[session].first_day.year;

  p->officer_hash = officer_hash(r->officer.id, year);
  p->oy = find_officer_year(l, r->officer.id, year, p->officer_hash);
  if (eligible) {
    p->ly = find_local_year(l, r->local.number, year);
    p->queue = find_queue(l, (int32_t)session, r->local.number);
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
    const int seat = seat_free(l, (int32_t)session);
    const int slot = p.ly != NULL ? slot_free(l, p.ly) : l->policy->numbers.local_cap_per_year > 0;
    wait = !seat || !slot;
    slots = d.reason_count + (size_t)!seat + (size_t)!slot;
  } else {
    slots = d.reason_count;
  }
  p.rec = rec_at(l, l->count);
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
    order[i].key = receipt_key(reqs[i].received);
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
    p->rec = rec_at(l, l->count + at);
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

/* ---- withdrawal and promotion ----------------------------------------- */

/*
 * The earliest waitlisted request at a session with a free seat whose local
 * has room. A best-first walk down the heads heap: a head whose local is at
 * its cap is skipped and its two children are looked at instead, so the walk
 * visits at most 2k + 1 heads for k skipped, and k is at most the number of
 * local-years at their cap, a number bounded by the policy's seats. The
 * frontier lives in l->search, reserved by the caller.
 */
static struct oip_rec *candidate_for_seat(oi_ledger *l, int32_t session)
{
  const struct oip_heads *h = &l->sessions[session].heads;
  size_t *frontier = l->search, n = 0;

  if (!seat_free(l, session) || h->count == 0 || l->policy->numbers.local_cap_per_year == 0)
    return NULL;
  frontier[n++] = 0;
  while (n > 0) {
    size_t best = 0, i, k;

    for (k = 1; k < n; k++)
      if (head_less(&h->items[frontier[k]], &h->items[frontier[best]]))
        best = k;
    i = frontier[best];
    frontier[best] = frontier[--n];
    if (slot_free(l, h->items[i].queue->ly))
      return h->items[i].queue->first;
    for (k = 2 * i + 1; k <= 2 * i + 2 && k < h->count; k++)
      frontier[n++] = k;
  }
  return NULL;
}

/* The earliest waitlisted request of a local-year with room, at a session
 * with a free seat: the local-year's own queues, one per session of the
 * year at most, are looked at. */
static struct oip_rec *candidate_for_slot(const oi_ledger *l, const struct oip_local_year *ly)
{
  struct oip_rec *best = NULL;
  const struct oip_queue *q;

  if (!slot_free(l, ly))
    return NULL;
  for (q = ly->queues; q != NULL; q = q->next)
    if (q->first != NULL && seat_free(l, q->session) &&
        (best == NULL || rec_order(q->first, best) < 0))
      best = q->first;
  return best;
}

oi_status oi_ledger_withdraw(oi_ledger *l, const char *id, oi_withdrawal *out, oi_error *err)
{
  struct oip_rec *r;
  oi_withdrawal w;
  oi_status st;

  if (l == NULL || id == NULL)
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : "id",
                    "a required pointer is NULL");
  r = find_rec(l, id);
  if (r == NULL)
    return oip_fail(err, OI_ENOTFOUND, NULL, "id", "no request \"%.*s\" in the ledger",
                    OI_ID_MAX, id);
  if (r->status != OI_OUTCOME_AWARDED && r->status != OI_OUTCOME_WAITLISTED)
    return oip_fail(err, OI_ESTATE, NULL, "id", "request \"%s\" is %s: nothing to withdraw",
                    r->id, oi_outcome_name((oi_outcome)r->status));
  st = reserve(l, 0, 1 + OI_PROMOTIONS_MAX, err);
  if (st == OI_OK)
    st = reserve_search(l, err);
  if (st != OI_OK)
    return st;

  memset(&w, 0, sizeof w);
  w.previous = (oi_outcome)r->status;
  if (r->status == OI_OUTCOME_WAITLISTED)
    queue_remove(l, r);
  else
    unaward(l, r);
  r->status = OI_OUTCOME_WITHDRAWN;
  r->oy->active = NULL; /* a withdrawn request blocks nothing (S9) */
  r->list_next = l->sessions[r->session].withdrawn;
  l->sessions[r->session].withdrawn = r;
  l->sessions[r->session].withdrawn_count++;
  add_event(l, OI_EVENT_WITHDRAWN, r, NULL, w.previous);

  /* S10: the freed seat and the freed local slot are filled, earliest
   * receipt first, for as long as a waitlisted request fits. Everything
   * waitlisted was blocked before, so only a request at this session or of
   * this local can fit now, and each promotion uses a seat and a slot: at
   * most two promotions, one per freed resource. */
  while (w.previous == OI_OUTCOME_AWARDED && w.promoted_count < OI_PROMOTIONS_MAX) {
    struct oip_rec *a = candidate_for_seat(l, r->session);
    struct oip_rec *b = candidate_for_slot(l, r->ly);
    struct oip_rec *p = a == NULL ? b : b == NULL ? a : rec_order(a, b) <= 0 ? a : b;

    if (p == NULL)
      break;
    queue_remove(l, p);
    award(l, p);
    p->reasons = NULL;
    p->reason_count = 0;
    add_event(l, OI_EVENT_PROMOTED, p, r, OI_OUTCOME_AWARDED);
    w.promoted[w.promoted_count++] = p->id;
  }
  if (out != NULL)
    *out = w;
  return OI_OK;
}

/* ---- queries ---------------------------------------------------------- */

static void fill_entry(const oi_ledger *l, const struct oip_rec *r, oi_ledger_entry *e)
{
  const struct oip_session *s = &l->policy->sessions[r->session];

  e->id = r->id;
  e->entry_number = r->entry;
  e->session = r->session;
  e->session_id = s->id;
  e->year = r->year;
  e->local_number = r->local_number;
  e->local_name = r->local_name;
  e->country = (oi_country)r->country;
  e->district = r->district;
  e->officer_id = r->officer_id;
  e->officer_name = r->officer_name;
  e->received = receipt_of_key(r->received_key);
  e->status = (oi_outcome)r->status;
  e->nights_requested = r->nights_requested;
  e->nights = r->nights;
  e->payee = r->status == OI_OUTCOME_REFUSED ? NULL : s->hotel;
  e->reason_count = r->reason_count;
  e->reasons = r->reasons;
}

void oip_ledger_request_of(const struct oip_rec *r, const oi_policy *p, oi_subsidy_request *q)
{
  memset(q, 0, sizeof *q);
  q->id = r->id;
  q->session_id = p->sessions[r->session].id;
  q->local.number = r->local_number;
  q->local.name = r->local_name;
  q->local.country = (oi_country)r->country;
  q->local.district = r->district;
  q->local.lm_form = (oi_lm_form)r->lm_form;
  q->local.receipts_known = r->receipts_known;
  q->local.receipts_cents = r->receipts_cents;
  q->officer.id = r->officer_id;
  q->officer.name = r->officer_name;
  q->officer.office = (oi_office)r->office;
  q->received = receipt_of_key(r->received_key);
  q->nights = r->nights_requested;
  q->attested = r->attested;
  q->with_application = r->with_application;
  q->application_signed = r->application_signed;
  q->request_signed = r->request_signed;
}

oi_status oi_ledger_get(const oi_ledger *l, const char *id, oi_ledger_entry *out, oi_error *err)
{
  const struct oip_rec *r;

  if (l == NULL || id == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : id == NULL ? "id" : "out",
                    "a required pointer is NULL");
  r = find_rec(l, id);
  if (r == NULL)
    return oip_fail(err, OI_ENOTFOUND, NULL, "id", "no request \"%.*s\" in the ledger",
                    OI_ID_MAX, id);
  fill_entry(l, r, out);
  return OI_OK;
}

oi_status oi_ledger_get_by_number(const oi_ledger *l, uint64_t n, oi_ledger_entry *out,
                                  oi_error *err)
{
  if (l == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : "out",
                    "a required pointer is NULL");
  if (n < 1 || n > l->count)
    return oip_fail(err, OI_ENOTFOUND, NULL, "entry_number",
                    "no request entered as number %llu (%zu entered)", (unsigned long long)n,
                    l->count);
  fill_entry(l, rec_at(l, (size_t)(n - 1)), out);
  return OI_OK;
}

static oi_status session_of(const oi_ledger *l, const char *session_id, size_t *index,
                            oi_error *err)
{
  if (oip_find_session(l->policy, session_id, index) == NULL)
    return oip_fail(err, OI_ENOTFOUND, NULL, "session_id", "no session \"%.*s\" in policy \"%s\"",
                    OI_ID_MAX, session_id, l->policy->id);
  return OI_OK;
}

oi_status oi_ledger_session_summary(const oi_ledger *l, const char *session_id,
                                    oi_session_summary *out, oi_error *err)
{
  const struct oip_session_state *s;
  size_t i;
  oi_status st;

  if (l == NULL || session_id == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL,
                    l == NULL ? "ledger" : session_id == NULL ? "session_id" : "out",
                    "a required pointer is NULL");
  st = session_of(l, session_id, &i, err);
  if (st != OI_OK)
    return st;
  s = &l->sessions[i];
  out->seats = l->policy->sessions[i].seats;
  out->awarded = s->awarded_count;
  out->waitlisted = s->waitlisted_count;
  out->refused = s->refused_count;
  out->withdrawn = s->withdrawn_count;
  out->seats_left = out->seats - (int)s->awarded_count;
  out->nights = s->nights;
  return OI_OK;
}

static int cmp_rec_ptrs(const void *a, const void *b)
{
  return rec_order(*(const struct oip_rec *const *)a, *(const struct oip_rec *const *)b);
}

/* Sort collected records by receipt and copy what fits into out. */
static void emit(const oi_ledger *l, const struct oip_rec **recs, size_t n, oi_ledger_entry *out,
                 size_t capacity)
{
  size_t i;

  qsort((void *)recs, n, sizeof *recs, cmp_rec_ptrs);
  for (i = 0; i < n && i < capacity; i++)
    fill_entry(l, recs[i], &out[i]);
}

oi_status oi_ledger_session_entries(const oi_ledger *l, const char *session_id,
                                    oi_outcome status, oi_ledger_entry *out, size_t capacity,
                                    size_t *count_out, oi_error *err)
{
  const struct oip_session_state *s;
  const struct oip_rec **recs;
  struct oip_avl_iter it;
  struct oip_avl *n;
  const struct oip_rec *r;
  size_t i, total, k = 0, k2;
  oi_status st;

  if (l == NULL || session_id == NULL || count_out == NULL || (capacity > 0 && out == NULL))
    return oip_fail(err, OI_EINVAL, NULL,
                    l == NULL ? "ledger" : session_id == NULL ? "session_id"
                                           : count_out == NULL ? "count_out" : "out",
                    "a required pointer is NULL");
  st = session_of(l, session_id, &i, err);
  if (st != OI_OK)
    return st;
  s = &l->sessions[i];
  switch (status) {
  case OI_OUTCOME_AWARDED: total = s->awarded_count; break;
  case OI_OUTCOME_WAITLISTED: total = s->waitlisted_count; break;
  case OI_OUTCOME_REFUSED: total = s->refused_count; break;
  case OI_OUTCOME_WITHDRAWN: total = s->withdrawn_count; break;
  default:
    return oip_fail(err, OI_EINVAL, NULL, "status",
                    "status %d is not awarded, waitlisted, refused or withdrawn", (int)status);
  }
  if (capacity == 0 || total == 0) {
    *count_out = total;
    return OI_OK;
  }
  recs = malloc(total * sizeof *recs);
  if (recs == NULL)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory listing %zu requests", total);
  switch (status) {
  case OI_OUTCOME_AWARDED:
    oip_avl_iter_init(&it, s->awarded);
    while ((n = oip_avl_iter_next(&it)) != NULL)
      recs[k++] = REC_OF(n);
    break;
  case OI_OUTCOME_WAITLISTED:
    for (k2 = 0; k2 < s->heads.count; k2++) {
      oip_avl_iter_init(&it, s->heads.items[k2].queue->root);
      while ((n = oip_avl_iter_next(&it)) != NULL)
        recs[k++] = REC_OF(n);
    }
    break;
  default:
    for (r = status == OI_OUTCOME_REFUSED ? s->refused : s->withdrawn; r; r = r->list_next)
      recs[k++] = r;
    break;
  }
  emit(l, recs, k, out, capacity);
  free((void *)recs);
  *count_out = total;
  return OI_OK;
}

oi_status oi_ledger_local_awards(const oi_ledger *l, uint32_t local, int year,
                                 oi_ledger_entry *out, size_t capacity, size_t *count_out,
                                 oi_error *err)
{
  const struct oip_rec **recs;
  const struct oip_local_year *ly;
  struct oip_avl_iter it;
  struct oip_avl *n;
  size_t s, total, got = 0;

  if (l == NULL || count_out == NULL || (capacity > 0 && out == NULL))
    return oip_fail(err, OI_EINVAL, NULL,
                    l == NULL ? "ledger" : count_out == NULL ? "count_out" : "out",
                    "a required pointer is NULL");
  ly = find_local_year(l, local, year);
  total = ly != NULL ? (size_t)ly->awarded : 0;
  if (capacity == 0 || total == 0) {
    *count_out = total;
    return OI_OK;
  }
  recs = malloc(total * sizeof *recs);
  if (recs == NULL)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory listing %zu requests", total);
  /* The awards of a year are bounded by the policy's seats: walk them. */
  for (s = 0; s < l->policy->session_count; s++) {
    if (l->policy->sessions[s].first_day.year != year)
      continue;
    oip_avl_iter_init(&it, l->sessions[s].awarded);
    while ((n = oip_avl_iter_next(&it)) != NULL && got < total)
      if (REC_OF(n)->local_number == local)
        recs[got++] = REC_OF(n);
  }
  emit(l, recs, got, out, capacity);
  free((void *)recs);
  *count_out = total;
  return OI_OK;
}

oi_status oi_ledger_district_awards(const oi_ledger *l, int district, size_t *awards_out,
                                    int64_t *nights_out, oi_error *err)
{
  if (l == NULL || awards_out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : "awards_out",
                    "a required pointer is NULL");
  if (district < 1 || district > OI_DISTRICT_COUNT)
    return oip_fail(err, OI_EINVAL, NULL, "district", "district %d is outside 1..%d (U1)",
                    district, OI_DISTRICT_COUNT);
  *awards_out = l->district_awards[district];
  if (nights_out != NULL)
    *nights_out = l->district_nights[district];
  return OI_OK;
}

oi_status oi_ledger_hotel_nights(const oi_ledger *l, const char *hotel, int64_t *nights_out,
                                 oi_error *err)
{
  int64_t nights = 0;
  int found = 0;
  size_t s;

  if (l == NULL || hotel == NULL || nights_out == NULL)
    return oip_fail(err, OI_EINVAL, NULL,
                    l == NULL ? "ledger" : hotel == NULL ? "hotel" : "nights_out",
                    "a required pointer is NULL");
  for (s = 0; s < l->policy->session_count; s++) {
    const struct oip_session *ps = &l->policy->sessions[s];
    if (ps->has_hotel && strcmp(ps->hotel, hotel) == 0) {
      found = 1;
      nights += l->sessions[s].nights;
    }
  }
  if (!found)
    return oip_fail(err, OI_ENOTFOUND, NULL, "hotel",
                    "no session of policy \"%s\" has the designated hotel \"%.*s\"",
                    l->policy->id, OI_NAME_MAX, hotel);
  *nights_out = nights;
  return OI_OK;
}

/* ---- audit trail ------------------------------------------------------ */

const char *oi_event_type_name(oi_event_type type)
{
  switch (type) {
  case OI_EVENT_ENTERED: return "entered";
  case OI_EVENT_DECIDED: return "decided";
  case OI_EVENT_WITHDRAWN: return "withdrawn";
  case OI_EVENT_PROMOTED: return "promoted";
  }
  return NULL;
}

size_t oi_ledger_event_count(const oi_ledger *l)
{
  return l != NULL ? l->event_count : 0;
}

oi_status oi_ledger_event(const oi_ledger *l, size_t index, oi_event *out, oi_error *err)
{
  const struct oip_event *e;

  if (l == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : "out",
                    "a required pointer is NULL");
  if (index >= l->event_count)
    return oip_fail(err, OI_ENOTFOUND, NULL, "index", "event index %zu is not below %zu",
                    index, l->event_count);
  e = &l->events[index];
  out->sequence = (uint64_t)index + 1;
  out->type = (oi_event_type)e->type;
  out->request_id = e->rec->id;
  out->outcome = (oi_outcome)e->outcome;
  out->cause_id = e->cause != NULL ? e->cause->id : NULL;
  out->nights = e->nights;
  out->reason_count = e->reason_count;
  out->reasons = e->reasons;
  return OI_OK;
}
