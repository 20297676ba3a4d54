/*
 * The waitlist (S10): at each session, one receipt-ordered queue per local,
 * and the queues' earliest requests ("heads") in two binary min-heaps: the
 * heads of locals with room in their year (S5), and those of locals at
 * their cap. When a seat frees at a session, the earliest waitlisted request
 * there whose local has room is the top of the first heap: O(1), however
 * many capped locals wait ahead of it. A local-year that reaches its cap, or
 * leaves it, moves the heads of its own queues (one per session of the year
 * at most, a number bounded by the policy) from one heap to the other, in
 * O(log n) each. When a local's slot frees, its queue at each session with
 * a free seat is looked at: again a number bounded by the policy.
 */
#include <stdlib.h>

#include "ledger_state.h"

static int head_less(const struct oip_head *a, const struct oip_head *b)
{
  return a->key != b->key ? a->key < b->key : a->entry < b->entry;
}

static void head_place(struct oip_heads *h, size_t i, struct oip_head v)
{
  h->items[i] = v;
  v.queue->heap = h;
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

static void heads_remove(struct oip_queue *q)
{
  struct oip_heads *h = q->heap;
  const size_t i = q->head_index;
  const struct oip_head last = h->items[--h->count];

  q->heap = NULL;
  if (i < h->count) {
    head_place(h, i, last);
    heads_up(h, i);
    heads_down(h, last.queue->head_index);
  }
}

/* The queue's first request changed: move its head to its new place. */
static void heads_rekey(struct oip_queue *q)
{
  struct oip_heads *h = q->heap;

  h->items[q->head_index] = head_of(q);
  heads_up(h, q->head_index);
  heads_down(h, q->head_index);
}

/* The heap a non-empty queue's head belongs in. */
static struct oip_heads *heap_for(oi_ledger *l, const struct oip_queue *q)
{
  struct oip_session_state *s = &l->sessions[q->session];

  return oip_slot_free(l, q->ly) ? &s->heads : &s->capped;
}

static oi_status heap_reserve(struct oip_heads *h, size_t need)
{
  size_t cap = h->capacity ? h->capacity : 16;
  struct oip_head *items;

  if (need <= h->capacity)
    return OI_OK;
  while (cap < need)
    cap *= 2;
  items = realloc(h->items, cap * sizeof *items);
  if (items == NULL)
    return OI_ENOMEM;
  h->items = items;
  h->capacity = cap;
  return OI_OK;
}

/* Either heap can hold every non-empty queue of the session, so a head
 * moves between them without allocating. */
oi_status oip_heads_reserve(struct oip_session_state *s, size_t extra)
{
  const size_t need = s->heads.count + s->capped.count + extra;

  if (heap_reserve(&s->heads, need) != OI_OK || heap_reserve(&s->capped, need) != OI_OK)
    return OI_ENOMEM;
  return OI_OK;
}

void oip_heads_free(struct oip_session_state *s)
{
  free(s->heads.items);
  free(s->capped.items);
}

/* Room in the session's heads must have been reserved. */
void oip_queue_push(oi_ledger *l, struct oip_queue *q, struct oip_rec *r)
{
  struct oip_session_state *s = &l->sessions[q->session];

  q->root = oip_avl_insert(q->root, &r->node, oip_cmp_rec_nodes);
  if (q->first == NULL) {
    q->first = r;
    heads_push(heap_for(l, q), q);
  } else if (oip_rec_order(r, q->first) < 0) {
    q->first = r;
    heads_rekey(q);
  }
  r->queue = q;
  s->waitlisted_count++;
}

void oip_queue_remove(oi_ledger *l, struct oip_rec *r)
{
  struct oip_queue *q = r->queue;
  struct oip_session_state *s = &l->sessions[q->session];

  q->root = oip_avl_remove(q->root, &r->node, oip_cmp_rec_nodes);
  if (q->first == r) {
    struct oip_avl *first = oip_avl_first(q->root);
    q->first = first != NULL ? REC_OF(first) : NULL;
    if (q->first != NULL)
      heads_rekey(q);
    else
      heads_remove(q);
  }
  r->queue = NULL;
  s->waitlisted_count--;
}

void oip_local_year_cap_changed(oi_ledger *l, struct oip_local_year *ly)
{
  struct oip_queue *q;

  for (q = ly->queues; q != NULL; q = q->next) {
    struct oip_heads *to;

    if (q->first == NULL)
      continue;
    to = heap_for(l, q);
    if (q->heap != to) {
      heads_remove(q);
      heads_push(to, q);
    }
  }
}

/* The earliest waitlisted request at a session with a free seat whose local
 * has room: the top of the heads of locals with room. */
struct oip_rec *oip_candidate_for_seat(const oi_ledger *l, int32_t session)
{
  const struct oip_heads *h = &l->sessions[session].heads;

  if (!oip_seat_free(l, session) || h->count == 0)
    return NULL;
  return h->items[0].queue->first;
}

/* The earliest waitlisted request of a local-year with room, at a session
 * with a free seat: the local-year's own queues, one per session of the
 * year at most, are looked at. */
struct oip_rec *oip_candidate_for_slot(const oi_ledger *l, const struct oip_local_year *ly)
{
  struct oip_rec *best = NULL;
  const struct oip_queue *q;

  if (!oip_slot_free(l, ly))
    return NULL;
  for (q = ly->queues; q != NULL; q = q->next)
    if (q->first != NULL && oip_seat_free(l, q->session) &&
        (best == NULL || oip_rec_order(q->first, best) < 0))
      best = q->first;
  return best;
}
