/*
 * The waitlist (S10) and the awards (S4): at each session, one receipt-
 * ordered queue per local, and the queues' earliest requests ("heads") in
 * two lazy binary min-heaps of order keys (ledger_state.h): the heads of
 * locals with room in their year (S5), and those of locals at their cap.
 * When a seat frees at a session, the earliest waitlisted request there
 * whose local has room is the top of the first heap, however many capped
 * locals wait ahead of it. A local-year that reaches its cap, or leaves it,
 * pushes the heads of its own queues (one per session of the year at most,
 * a number bounded by the policy) into the heap they now belong in. When a
 * local's slot frees, its queue at each session with a free seat is looked
 * at: again a number bounded by the policy.
 *
 * A queue is an AVL tree whose links are inside the records (a left, b
 * right, height), ordered by order key; the awards of a session are an
 * array in which each awarded record knows its place.
 */
#include <stdlib.h>
#include <string.h>

#include "ledger_state.h"

/* ---- a queue's tree ------------------------------------------------------ */

static int height_of(const oi_ledger *l, uint32_t n)
{
  return n == OIP_NONE ? 0 : l->recs[n].height;
}

static void update(oi_ledger *l, uint32_t n)
{
  const int a = height_of(l, l->recs[n].a), b = height_of(l, l->recs[n].b);
  l->recs[n].height = (uint8_t)((a > b ? a : b) + 1);
}

static uint32_t rotate_right(oi_ledger *l, uint32_t n)
{
  const uint32_t x = l->recs[n].a;

  l->recs[n].a = l->recs[x].b;
  l->recs[x].b = n;
  update(l, n);
  update(l, x);
  return x;
}

static uint32_t rotate_left(oi_ledger *l, uint32_t n)
{
  const uint32_t x = l->recs[n].b;

  l->recs[n].b = l->recs[x].a;
  l->recs[x].a = n;
  update(l, n);
  update(l, x);
  return x;
}

static uint32_t balance(oi_ledger *l, uint32_t n)
{
  struct oip_rec *r = &l->recs[n];
  const int d = height_of(l, r->a) - height_of(l, r->b);

  update(l, n);
  if (d > 1) {
    if (height_of(l, l->recs[r->a].a) < height_of(l, l->recs[r->a].b))
      r->a = rotate_left(l, r->a);
    return rotate_right(l, n);
  }
  if (d < -1) {
    if (height_of(l, l->recs[r->b].b) < height_of(l, l->recs[r->b].a))
      r->b = rotate_right(l, r->b);
    return rotate_left(l, n);
  }
  return n;
}

/* A tree of n records is less than 1.45 log2(n + 2) deep: 36 for 2^24. */
static uint32_t tree_insert(oi_ledger *l, uint32_t root, uint32_t x)
{
  if (root == OIP_NONE) {
    l->recs[x].a = l->recs[x].b = OIP_NONE;
    l->recs[x].height = 1;
    return x;
  }
  if (oip_order(&l->recs[x]) < oip_order(&l->recs[root]))
    l->recs[root].a = tree_insert(l, l->recs[root].a, x);
  else
    l->recs[root].b = tree_insert(l, l->recs[root].b, x);
  return balance(l, root);
}

/* Detach the least record of a subtree into *min; returns the subtree. */
static uint32_t remove_min(oi_ledger *l, uint32_t root, uint32_t *min)
{
  if (l->recs[root].a == OIP_NONE) {
    *min = root;
    return l->recs[root].b;
  }
  l->recs[root].a = remove_min(l, l->recs[root].a, min);
  return balance(l, root);
}

static uint32_t tree_remove(oi_ledger *l, uint32_t root, uint32_t x)
{
  if (root == OIP_NONE)
    return OIP_NONE;
  if (root == x) {
    uint32_t min;

    if (l->recs[root].b == OIP_NONE)
      return l->recs[root].a;
    l->recs[root].b = remove_min(l, l->recs[root].b, &min);
    l->recs[min].a = l->recs[root].a;
    l->recs[min].b = l->recs[root].b;
    return balance(l, min);
  }
  if (oip_order(&l->recs[x]) < oip_order(&l->recs[root]))
    l->recs[root].a = tree_remove(l, l->recs[root].a, x);
  else
    l->recs[root].b = tree_remove(l, l->recs[root].b, x);
  return balance(l, root);
}

static uint32_t tree_first(const oi_ledger *l, uint32_t root)
{
  if (root == OIP_NONE)
    return OIP_NONE;
  while (l->recs[root].a != OIP_NONE)
    root = l->recs[root].a;
  return root;
}

/* ---- heads --------------------------------------------------------------- */

static void heap_up(uint64_t *h, size_t i)
{
  const uint64_t v = h[i];

  while (i > 0 && v < h[(i - 1) / 2]) {
    h[i] = h[(i - 1) / 2];
    i = (i - 1) / 2;
  }
  h[i] = v;
}

static void heap_down(uint64_t *h, size_t n, size_t i)
{
  const uint64_t v = h[i];

  for (;;) {
    size_t c = 2 * i + 1;
    if (c >= n)
      break;
    if (c + 1 < n && h[c + 1] < h[c])
      c++;
    if (h[c] >= v)
      break;
    h[i] = h[c];
    i = c;
  }
  h[i] = v;
}

/* Room must have been reserved. */
static void heap_push(struct oip_heap *h, uint64_t v)
{
  h->items[h->count++] = v;
  heap_up(h->items, h->count - 1);
}

static void heap_pop(struct oip_heap *h)
{
  h->items[0] = h->items[--h->count];
  if (h->count > 1)
    heap_down(h->items, h->count, 0);
}

/* Is v, an entry of the session's heap of capped locals (capped) or of
 * locals with room, its queue's head now? Its record says (OIP_F_HEAD). */
static int current(const oi_ledger *l, uint64_t v, int capped)
{
  const struct oip_rec *r = &l->recs[oip_entry_of(v)];

  return r->status == OI_OUTCOME_WAITLISTED &&
         (r->flags & OIP_F_HEAD) == (capped ? OIP_F_HEAD_CAPPED : OIP_F_HEAD_ROOM);
}

/* Drop the stale entries, keeping the rest a heap (in place: no memory). */
static void heap_compact(const oi_ledger *l, struct oip_heap *h, int capped)
{
  size_t i, n = 0;

  for (i = 0; i < h->count; i++)
    if (current(l, h->items[i], capped))
      h->items[n++] = h->items[i];
  h->count = n;
  for (i = n / 2; i-- > 0;)
    heap_down(h->items, n, i);
}

static int heap_reserve(const oi_ledger *l, struct oip_heap *h, size_t extra, size_t live,
                        int capped)
{
  size_t cap;
  uint64_t *items;

  if (h->count + extra <= h->capacity)
    return 0;
  /* Mostly stale: rebuilt rather than grown. */
  if (h->count > 2 * live + 64) {
    heap_compact(l, h, capped);
    if (h->count + extra <= h->capacity)
      return 0;
  }
  cap = h->capacity ? h->capacity : 16;
  while (cap < h->count + extra)
    cap *= 2;
  items = realloc(h->items, cap * sizeof *items);
  if (items == NULL)
    return -1;
  h->items = items;
  h->capacity = cap;
  return 0;
}

/* extra is what a change may push into any one heap. l->head_room is at
 * most the free room of every heap: each reservation takes extra from it,
 * pushed or not, so only when it runs out are the heaps looked at. */
int oip_waitlist_reserve(oi_ledger *l, size_t extra)
{
  size_t i, room = SIZE_MAX;

  if (l->head_room >= extra) {
    l->head_room -= extra;
    return 0;
  }
  for (i = 0; i < l->policy->session_count; i++) {
    struct oip_session_state *s = &l->sessions[i];
    if (heap_reserve(l, &s->room, extra, s->queues_waiting, 0) != 0 ||
        heap_reserve(l, &s->capped, extra, s->queues_waiting, 1) != 0)
      return -1;
    if (s->room.capacity - s->room.count < room)
      room = s->room.capacity - s->room.count;
    if (s->capped.capacity - s->capped.count < room)
      room = s->capped.capacity - s->capped.count;
  }
  l->head_room = room - extra;
  return 0;
}

/* A session's awards never outnumber its seats (S4): the array holds them
 * all from its first eligible request on, so that a promotion into it (a
 * request waiting there was eligible there) never allocates. */
int oip_awards_reserve(oi_ledger *l, size_t session)
{
  struct oip_session_state *s = &l->sessions[session];
  const size_t seats = (size_t)l->policy->sessions[session].seats;

  if (s->awarded != NULL || seats == 0)
    return 0;
  s->awarded = malloc(seats * sizeof *s->awarded);
  if (s->awarded == NULL)
    return -1;
  s->awarded_capacity = seats;
  return 0;
}

void oip_session_state_free(struct oip_session_state *s)
{
  free(s->awarded);
  free(s->room.items);
  free(s->capped.items);
}

/* ---- queues -------------------------------------------------------------- */

uint32_t oip_find_queue(const oi_ledger *l, uint32_t ly, size_t session)
{
  uint32_t q;

  for (q = l->lys[ly].queues; q != OIP_NONE; q = l->queues[q].next)
    if (l->queues[q].session == session)
      return q;
  return OIP_NONE;
}

uint32_t oip_new_queue(oi_ledger *l, uint32_t ly, size_t session)
{
  const uint32_t i = (uint32_t)l->queue_count++;
  struct oip_queue *q = &l->queues[i];

  q->first = OIP_NONE;
  q->root = OIP_NONE;
  q->ly = ly;
  q->session = (uint16_t)session;
  q->capped = 0;
  q->next = l->lys[ly].queues;
  l->lys[ly].queues = i;
  return i;
}

/* The queue's head changed (or its heap did): push the new one. */
static void push_head(oi_ledger *l, struct oip_queue *q)
{
  struct oip_session_state *s = &l->sessions[q->session];

  struct oip_rec *r = &l->recs[q->first];

  q->capped = !oip_slot_free(l, &l->lys[q->ly]);
  r->flags = (uint8_t)((r->flags & ~OIP_F_HEAD) | (q->capped ? OIP_F_HEAD_CAPPED : OIP_F_HEAD_ROOM));
  heap_push(q->capped ? &s->capped : &s->room, oip_order(r));
}

void oip_queue_push(oi_ledger *l, uint32_t qi, uint32_t x)
{
  struct oip_queue *q = &l->queues[qi];
  struct oip_session_state *s = &l->sessions[q->session];
  struct oip_rec *r = &l->recs[x];

  if (q->root == OIP_NONE)
    s->queues_waiting++;
  q->root = tree_insert(l, q->root, x);
  r->queue = qi;
  r->flags &= (uint8_t)~OIP_F_HEAD;
  s->waitlisted_count++;
  if (q->first == OIP_NONE || oip_order(r) < oip_order(&l->recs[q->first])) {
    if (q->first != OIP_NONE)
      l->recs[q->first].flags &= (uint8_t)~OIP_F_HEAD; /* its entries go stale */
    q->first = x;
    push_head(l, q);
  }
}

void oip_queue_remove(oi_ledger *l, uint32_t x)
{
  struct oip_rec *r = &l->recs[x];
  struct oip_queue *q = &l->queues[r->queue];
  struct oip_session_state *s = &l->sessions[q->session];

  q->root = tree_remove(l, q->root, x);
  r->flags &= (uint8_t)~OIP_F_HEAD;
  s->waitlisted_count--;
  if (q->first == x) {
    q->first = tree_first(l, q->root);
    if (q->first == OIP_NONE)
      s->queues_waiting--;
    else
      push_head(l, q);
  }
}

void oip_local_year_cap_changed(oi_ledger *l, uint32_t ly)
{
  uint32_t qi;

  for (qi = l->lys[ly].queues; qi != OIP_NONE; qi = l->queues[qi].next) {
    struct oip_queue *q = &l->queues[qi];
    if (q->first != OIP_NONE && q->capped == oip_slot_free(l, &l->lys[ly]))
      push_head(l, q);
  }
}

/* ---- awards -------------------------------------------------------------- */

void oip_award_add(oi_ledger *l, uint32_t x)
{
  struct oip_rec *r = &l->recs[x];
  struct oip_session_state *s = &l->sessions[r->session];

  r->a = (uint32_t)s->awarded_count;
  s->awarded[s->awarded_count++] = x;
}

void oip_award_remove(oi_ledger *l, uint32_t x)
{
  struct oip_rec *r = &l->recs[x];
  struct oip_session_state *s = &l->sessions[r->session];
  const uint32_t last = s->awarded[--s->awarded_count];

  s->awarded[r->a] = last;
  l->recs[last].a = r->a;
}

/* ---- candidates for a freed seat or slot --------------------------------- */

/* The earliest waitlisted request at a session with a free seat whose local
 * has room: the top of the heads of locals with room, once the stale
 * entries above it are dropped. */
uint32_t oip_candidate_for_seat(oi_ledger *l, size_t session)
{
  struct oip_heap *h = &l->sessions[session].room;

  if (!oip_seat_free(l, session))
    return OIP_NONE;
  while (h->count > 0 && !current(l, h->items[0], 0))
    heap_pop(h);
  return h->count > 0 ? oip_entry_of(h->items[0]) : OIP_NONE;
}

/* The earliest waitlisted request of a local-year with room, at a session
 * with a free seat: the local-year's own queues, one per session of the
 * year at most, are looked at. */
uint32_t oip_candidate_for_slot(const oi_ledger *l, uint32_t ly)
{
  uint32_t best = OIP_NONE, qi;

  if (!oip_slot_free(l, &l->lys[ly]))
    return OIP_NONE;
  for (qi = l->lys[ly].queues; qi != OIP_NONE; qi = l->queues[qi].next) {
    const struct oip_queue *q = &l->queues[qi];
    if (q->first != OIP_NONE && oip_seat_free(l, q->session) &&
        (best == OIP_NONE || oip_order(&l->recs[q->first]) < oip_order(&l->recs[best])))
      best = q->first;
  }
  return best;
}

/* ---- listing -------------------------------------------------------------- */

static int cmp_u32(const void *a, const void *b)
{
  const uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return (x > y) - (x < y);
}

static size_t collect(const oi_ledger *l, uint32_t n, uint32_t *out, size_t k)
{
  while (n != OIP_NONE) {
    k = collect(l, l->recs[n].a, out, k);
    out[k++] = n;
    n = l->recs[n].b;
  }
  return k;
}

/* Every non-empty queue has a current entry in one of the two heaps (its
 * head changes only with a push), and may have two: the queues of the
 * current entries, each once, hold every waitlisted request. out has room
 * for waitlisted_count records. SIZE_MAX when out of memory. */
size_t oip_waitlisted_records(const oi_ledger *l, size_t session, uint32_t *out)
{
  const struct oip_session_state *s = &l->sessions[session];
  const size_t n = s->room.count + s->capped.count;
  uint32_t *queues;
  size_t i, nq = 0, k = 0;

  if (s->queues_waiting == 0)
    return 0;
  queues = malloc(n * sizeof *queues);
  if (queues == NULL)
    return SIZE_MAX;
  for (i = 0; i < n; i++) {
    const int capped = i >= s->room.count;
    const uint64_t v = capped ? s->capped.items[i - s->room.count] : s->room.items[i];

    if (current(l, v, capped))
      queues[nq++] = l->recs[oip_entry_of(v)].queue;
  }
  qsort(queues, nq, sizeof *queues, cmp_u32);
  for (i = 0; i < nq; i++)
    if (i == 0 || queues[i] != queues[i - 1])
      k = collect(l, l->queues[queues[i]].root, out, k);
  free(queues);
  return k;
}
