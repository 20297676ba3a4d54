/*
 * Private to the ledger's own files (ledger*.c): the state a ledger keeps
 * and the small helpers its parts share. The snapshot module sees only
 * ledger_private.h. Not installed.
 *
 * Layout, chosen so that no operation scans all requests or all locals:
 *  - every request is a record in pointer-stable chunks, found by id through
 *    a hash map (ledger_index.c); its strings and reasons live in an arena;
 *  - each session keeps its awards in a tree ordered by receipt, and its
 *    waitlist as one receipt-ordered queue per local, the queues' earliest
 *    requests ("heads") in two binary min-heaps, one for the locals with
 *    room (S5) and one for those at their cap (ledger_waitlist.c);
 *  - each (local, year) and (officer, year) has a small counter record found
 *    by hash (ledger_index.c).
 *
 * Why a tree and an arena, not something simpler: a session's awards are
 * bounded only by its seats, which a session may set up to OIP_SEATS_MAX
 * (S4), and a local's queue at a session is not bounded at all; a sorted
 * array would make a request received early cost a move of every later
 * award or waiting request, so the intrusive AVL tree (no allocation, O(log
 * n) either way) earns its place for both. The arena gives ids, names and
 * reasons addresses that never move, which entries, events and decisions
 * hand to callers (a reason's ref_id among them), and frees them all at once.
 */
#ifndef OFFICERINST_LEDGER_STATE_H
#define OFFICERINST_LEDGER_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "officerinst/ledger.h"
#include "ledger_private.h"
#include "policy_private.h"
#include "date_private.h"
#include "map.h"
#include "siphash.h"

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

/* Heads of a session's queues, as a binary min-heap in one array: a head
 * arriving in random receipt order settles in O(1) expected steps, near the
 * top of an array that stays in cache. */
struct oip_heads {
  struct oip_head *items;
  size_t count;
  size_t capacity;
};

/* The waitlisted requests of one local at one session, in receipt order. */
struct oip_queue {
  struct oip_heads *heap;      /* the heap holding its head, while non-empty */
  size_t head_index;           /* its place there */
  struct oip_avl *root;
  struct oip_rec *first;
  struct oip_local_year *ly;
  struct oip_queue *next;      /* the local-year's next queue */
  uint32_t local;
  int32_t session;
};

struct oip_session_state {
  struct oip_avl *awarded;     /* records, by receipt */
  struct oip_heads heads;      /* non-empty queues of locals with room (S5), by receipt */
  struct oip_heads capped;     /* non-empty queues of locals at their cap */
  size_t heads_wanted;         /* scratch: a batch's requests at this session */
  struct oip_rec *refused;     /* list, newest first */
  struct oip_rec *withdrawn;   /* list, newest first */
  size_t awarded_count, waitlisted_count, refused_count, withdrawn_count;
  int64_t nights;
};

struct oi_ledger {
  const oi_policy *policy;
  struct oip_hash_key key;     /* of every hash below, drawn when the ledger is made */
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
  size_t district_awards[OI_DISTRICT_COUNT + 1];
  int64_t district_nights[OI_DISTRICT_COUNT + 1];
};

#define REC_OF(n) ((struct oip_rec *)(void *)((char *)(n) - offsetof(struct oip_rec, node)))

/* First come, first served: receipt, then entry. */
static inline int oip_rec_order(const struct oip_rec *a, const struct oip_rec *b)
{
  if (a->received_key != b->received_key)
    return a->received_key < b->received_key ? -1 : 1;
  return (a->entry > b->entry) - (a->entry < b->entry);
}

static inline int oip_cmp_rec_nodes(const struct oip_avl *a, const struct oip_avl *b)
{
  return oip_rec_order(REC_OF(a), REC_OF(b));
}

static inline int64_t oip_receipt_key(oi_datetime t)
{
  return (int64_t)oip_days(t.date) * 86400 + (int64_t)t.hour * 3600 + (int64_t)t.minute * 60 +
         t.second;
}

static inline struct oip_rec *oip_rec_at(const oi_ledger *l, size_t i)
{
  return &l->chunks[i / REC_CHUNK][i % REC_CHUNK];
}

static inline int oip_seat_free(const oi_ledger *l, int32_t session)
{
  return l->sessions[session].awarded_count < (size_t)l->policy->sessions[session].seats;
}

static inline int oip_slot_free(const oi_ledger *l, const struct oip_local_year *ly)
{
  return ly->awarded < l->policy->numbers.local_cap_per_year;
}

/* ---- ledger_index.c: keys and the hash indexes ------------------------ */

oi_datetime oip_receipt_of_key(int64_t key);
uint64_t oip_id_hash(const oi_ledger *l, const char *id);
uint64_t oip_officer_hash(const oi_ledger *l, const char *officer_id, int32_t year);
struct oip_rec *oip_find_rec(const oi_ledger *l, const char *id, uint64_t hash);
struct oip_queue *oip_find_queue(const oi_ledger *l, int32_t session, uint32_t local);
struct oip_local_year *oip_find_local_year(const oi_ledger *l, uint32_t local, int32_t year);
struct oip_officer_year *oip_find_officer_year(const oi_ledger *l, const char *officer_id,
                                               int32_t year, uint64_t hash);
/* Found, or made from spare in room reserved beforehand: cannot fail. */
struct oip_local_year *oip_local_year(oi_ledger *l, uint32_t local, int32_t year,
                                      struct oip_local_year *spare);
struct oip_officer_year *oip_officer_year(oi_ledger *l, const char *officer_id, int32_t year,
                                          uint64_t hash, struct oip_officer_year *spare);
struct oip_queue *oip_queue_for(oi_ledger *l, int32_t session, uint32_t local,
                                struct oip_local_year *ly, struct oip_queue *spare);
/* The record of a caller's id: OI_EINVAL for an id that is no id (too long,
 * control characters), OI_ENOTFOUND for one not entered. */
oi_status oip_lookup_rec(const oi_ledger *l, const char *id, struct oip_rec **out, oi_error *err);
/* Insert a record under its id (room reserved). */
void oip_index_rec(oi_ledger *l, uint64_t hash, struct oip_rec *rec);

/* ---- ledger_waitlist.c: queues, their heads, promotion candidates ------ */

/* Room for extra more non-empty queues at a session, in either heap, so
 * that no later change of the waitlist allocates. */
oi_status oip_heads_reserve(struct oip_session_state *s, size_t extra);
void oip_heads_free(struct oip_session_state *s);
/* Room in the session's heads must have been reserved. */
void oip_queue_push(oi_ledger *l, struct oip_queue *q, struct oip_rec *r);
void oip_queue_remove(oi_ledger *l, struct oip_rec *r);
/* The local-year just reached its cap, or just left it: move the heads of
 * its queues to the heap they now belong in. */
void oip_local_year_cap_changed(oi_ledger *l, struct oip_local_year *ly);
struct oip_rec *oip_candidate_for_seat(const oi_ledger *l, int32_t session);
struct oip_rec *oip_candidate_for_slot(const oi_ledger *l, const struct oip_local_year *ly);

/* ---- ledger_audit.c: the audit trail ----------------------------------- */

/* Room for the event must have been reserved. */
void oip_add_event(oi_ledger *l, oi_event_type type, struct oip_rec *rec,
                   struct oip_rec *cause, oi_outcome outcome);

#endif
