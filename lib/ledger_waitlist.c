/*
 * The waitlist (S10): at each session, one receipt-ordered queue per local,
 * and the queues' earliest requests ("heads") in a binary min-heap. When a
 * seat frees at a session, the earliest waitlisted request there whose local
 * has room is the earliest head not at its cap, found by a best-first walk
 * down the heap that skips only locals at their cap; there are at most
 * (awards in the year / cap) of those, a number bounded by the policy. When
 * a local's slot frees, its queue at each session with a free seat is looked
 * at: a number of sessions, again bounded by the policy.
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

oi_status oip_heads_reserve(struct oip_heads *h, size_t extra)
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

/* Room in the session's heads must have been reserved. */
void oip_queue_push(oi_ledger *l, struct oip_queue *q, struct oip_rec *r)
{
  struct oip_session_state *s = &l->sessions[q->session];

  q->root = oip_avl_insert(q->root, &r->node, oip_cmp_rec_nodes);
  if (q->first == NULL) {
    q->first = r;
    heads_push(&s->heads, q);
  } else if (oip_rec_order(r, q->first) < 0) {
    q->first = r;
    heads_rekey(&s->heads, q);
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
      heads_rekey(&s->heads, q);
    else
      heads_remove(&s->heads, q);
  }
  r->queue = NULL;
  s->waitlisted_count--;
}

/*
 * The earliest waitlisted request at a session with a free seat whose local
 * has room. A best-first walk down the heads heap: a head whose local is at
 * its cap is skipped and its two children are looked at instead, so the walk
 * visits at most 2k + 1 heads for k skipped, and k is at most the number of
 * local-years at their cap, a number bounded by the policy's seats. The
 * frontier lives in l->search, reserved by the caller.
 */
struct oip_rec *oip_candidate_for_seat(oi_ledger *l, int32_t session)
{
  const struct oip_heads *h = &l->sessions[session].heads;
  size_t *frontier = l->search, n = 0;

  if (!oip_seat_free(l, session) || h->count == 0 || l->policy->numbers.local_cap_per_year == 0)
    return NULL;
  frontier[n++] = 0;
  while (n > 0) {
    size_t best = 0, i, k;

    for (k = 1; k < n; k++)
      if (head_less(&h->items[frontier[k]], &h->items[frontier[best]]))
        best = k;
    i = frontier[best];
    frontier[best] = frontier[--n];
    if (oip_slot_free(l, h->items[i].queue->ly))
      return h->items[i].queue->first;
    for (k = 2 * i + 1; k <= 2 * i + 2 && k < h->count; k++)
      frontier[n++] = k;
  }
  return NULL;
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
