/*
 * Private to the ledger's own files (ledger*.c): the state a ledger keeps
 * and the small helpers its parts share. The snapshot module sees only
 * ledger_private.h. Not installed.
 *
 * Layout, chosen so that no operation scans all requests or all locals and
 * so that a request costs little memory and few cache misses, however many
 * the ledger holds:
 *  - every request is a fixed-size record (64 bytes, one cache line) in one array, in entry
 *    order; records name each other, their strings and their reasons by
 *    32-bit indexes and handles, not pointers. Strings (ids, names) live in
 *    a byte pool, reasons in a pool of arrays (pool.h), both stable, since
 *    entries, events and decisions hand out pointers into them (a reason's
 *    ref_id among them). Reason arrays that are equal are kept once.
 *  - requests are found by id, officer-years (S9) by officer id and year,
 *    local-years (S5) by local and year, through hash tables whose slots
 *    hold a tag of the keyed hash and an index (ledger_table.h): finding
 *    that an id is new reads one slot. An officer-year keeps a short
 *    officer id inline, so finding one reads its slot and its record.
 *  - each session keeps its awards in an array (a record knows its place,
 *    so removing one is O(1); listings sort what they return), and its
 *    waitlist as one queue per local: an AVL tree of the local's waiting
 *    records, ordered by receipt, with its earliest request ("head") in one
 *    of two binary min-heaps of 8-byte keys, for the locals with room (S5)
 *    and for those at their cap (ledger_waitlist.c).
 *
 * Why a tree for a queue, not an array: a local's queue at a session is not
 * bounded at all (a local may have any number of officers waiting), and a
 * sorted array would make a request received early cost a move of every
 * later one; the tree (links inside the records, no allocation) is O(log n)
 * either way, and in the common case, a queue of one or two requests, it
 * is one or two records. Awards are bounded by the seats (S4) and need no
 * order until they are listed.
 */
#ifndef OFFICERINST_LEDGER_STATE_H
#define OFFICERINST_LEDGER_STATE_H

#include <stddef.h>
#include <stdint.h>

#include "officerinst/ledger.h"
#include "ledger_private.h"
#include "ledger_table.h"
#include "policy_private.h"
#include "date_private.h"
#include "pool.h"
#include "siphash.h"

#define OIP_NONE UINT32_MAX

/* A record's order key: its receipt (seconds since 0001-01-01T00:00:00,
 * which the years 1..9999 keep below 2^39) above its 0-based entry (below
 * 2^24): first come, first served (S4), ties by order of entry, in one
 * integer comparison. */
#define OIP_ENTRY_BITS 24
#define OIP_ENTRY_MASK ((UINT64_C(1) << OIP_ENTRY_BITS) - 1)
#define OIP_KEY_MIN INT64_C(-62135596800) /* 0001-01-01T00:00:00 */

#if OI_LEDGER_REQUESTS_MAX >= (1 << 24)
#error "a record's order key holds its entry in 24 bits"
#endif

/* Record flags. */
#define OIP_F_ATTESTED 1u
#define OIP_F_WITH_APPLICATION 2u
#define OIP_F_APPLICATION_SIGNED 4u
#define OIP_F_REQUEST_SIGNED 8u
#define OIP_F_PROMOTED 16u /* awarded by a promotion: its reasons are gone */
/* Waitlisted at the head of its queue: the heap that holds it, so that an
 * entry of a heap is known current from its record alone. */
#define OIP_F_HEAD_ROOM 32u
#define OIP_F_HEAD_CAPPED 64u
#define OIP_F_HEAD (OIP_F_HEAD_ROOM | OIP_F_HEAD_CAPPED)
#define OIP_F_RECEIPTS 128u /* its receipts are known: in oi_ledger.receipts */

/* One request as the ledger keeps it: what the subsidy rules read, and
 * where it stands. 64 bytes, one cache line (the array is aligned to
 * them): the order key is kept as two halves, receipts (known for few
 * requests) apart (oi_ledger.receipts). */
struct oip_rec {
  uint32_t order_lo, order_hi; /* order key (above) */
  /* Links, by status: waitlisted, its queue's tree (a left, b right);
   * awarded, a is its place in its session's awards; refused or
   * withdrawn, a is the next in its session's list of them. */
  uint32_t a, b;
  uint32_t queue;           /* waitlisted: its queue */
  uint32_t oy;              /* its officer-year (S9) */
  uint32_t ly;              /* eligible requests: its local-year (S5); else OIP_NONE */
  uint32_t local_number;
  int32_t nights_requested;
  uint32_t id;              /* string handles; officer_name OIP_POOL_NONE for none */
  uint32_t local_name;
  uint32_t officer_name;
  uint32_t reasons;         /* value-pool handle of its decision's; OIP_POOL_NONE for none */
  uint16_t session;
  uint8_t height;           /* in its queue's tree */
  uint8_t status;           /* an oi_outcome */
  uint8_t decided;          /* the oi_outcome it was decided */
  uint8_t reason_count;     /* of its decision */
  uint8_t nights;           /* what an award pays (S3), paid only while awarded;
                               0 when refused */
  uint8_t flags;            /* OIP_F_* */
  uint8_t country, district, lm_form, office;
};

static inline uint64_t oip_order(const struct oip_rec *r)
{
  return (uint64_t)r->order_hi << 32 | r->order_lo;
}

/* Known receipts (S2), by record, in entry order. */
struct oip_receipts {
  uint32_t rec;
  int64_t cents;
};

/* An officer's year (S9). The id is kept inline when it is short, else in
 * the string pool (id then holds its handle). */
#define OIP_OY_INLINE 15
struct oip_officer_year {
  uint32_t active;          /* the awarded or waitlisted request, or OIP_NONE */
  uint32_t active_id;       /* its id's handle, for the S9 reason that names it */
  int32_t year;
  uint32_t name;            /* the name it was first given, to share (OIP_POOL_NONE) */
  uint8_t len;
  char id[OIP_OY_INLINE];
};

/* Officer-years are in chunks that never move: their inline ids are handed
 * out. */
#define OIP_OY_CHUNK_BITS 12

struct oip_local_year {
  uint32_t local;
  int32_t year;
  int32_t awarded;          /* S5 */
  uint32_t queues;          /* its first queue (they are linked), or OIP_NONE */
  uint32_t name;            /* the local's name as first given, to share */
};

/* The waitlisted requests of one local at one session. */
struct oip_queue {
  uint32_t first;           /* its earliest request, OIP_NONE when empty */
  uint32_t root;            /* of its tree, OIP_NONE when empty */
  uint32_t next;            /* the local-year's next queue */
  uint32_t ly;
  uint16_t session;
  uint8_t capped;           /* its head belongs in the heap of capped locals */
};

/*
 * Heads of queues as a binary min-heap of order keys. Lazy: a queue whose
 * head changes (a new earliest request, the head promoted or withdrawn, its
 * local reaching or leaving its cap) pushes its new head and leaves the old
 * entry where it is; an entry is current if its request is waitlisted, is
 * its queue's head, and its queue belongs in this heap. Stale entries are
 * dropped when they come to the top, and the heap is rebuilt without them
 * when they are the larger part of it, so its size stays within a constant
 * factor of the queues waiting. No entry records where it is, so moving one
 * writes only the heap's own array.
 */
struct oip_heap {
  uint64_t *items;
  size_t count;
  size_t capacity;
};

struct oip_session_state {
  uint32_t *awarded;        /* records, in no order; rec->a is the place */
  size_t awarded_count, awarded_capacity; /* capacity: the seats, once made */
  struct oip_heap room;     /* heads of queues of locals with room (S5) */
  struct oip_heap capped;   /* heads of queues of locals at their cap */
  size_t queues_waiting;    /* non-empty queues */
  uint32_t refused;         /* list, newest first */
  uint32_t withdrawn;       /* list, newest first */
  size_t waitlisted_count, refused_count, withdrawn_count;
  int64_t nights;
};

/* A cache of the reason arrays stored, so that equal arrays (the same seats
 * taken, the same nights limited, the same receipts too high) are kept
 * once; it grows with the ledger, an eighth of a slot a request. A slot
 * missed is only memory not saved. */
#define OIP_REASON_CACHE_MIN 1024
#define OIP_REASON_CACHE_MAX 65536
struct oip_reason_cache {
  uint32_t handle1;         /* handle + 1; 0: empty */
  uint16_t count;
  uint16_t check;           /* more of its hash: most slots that hold another
                               array are told apart without reading it */
};

/* Events: the record's entry, the type, and for a withdrawal whether it
 * was awarded. A promotion's cause is the withdrawal just before it. */
#define OIP_EV_TYPE_SHIFT 24
#define OIP_EV_WAS_AWARDED (1u << 27)

struct oi_ledger {
  const oi_policy *policy;
  struct oip_hash_key key;     /* of every hash below, drawn when the ledger is made */
  struct oip_session_state *sessions;
  struct oip_rec *recs;        /* 64-byte aligned, within rec_block */
  void *rec_block;
  size_t count, rec_capacity;
  struct oip_receipts *receipts; /* of the records that know them, by record */
  size_t receipt_count, receipt_capacity;
  struct oip_pool strings;     /* ids and names, NUL-terminated */
  struct oip_pool reasons;     /* arrays of oi_reason */
  struct oip_table ids;        /* id -> record */
  struct oip_table officers;   /* (officer, year) -> officer-year */
  struct oip_table locals;     /* (local, year) -> local-year */
  struct oip_officer_year **oy_chunks;
  size_t oy_count, oy_chunk_count;
  struct oip_local_year *lys;
  size_t ly_count, ly_capacity;
  struct oip_queue *queues;
  size_t queue_count, queue_capacity;
  uint32_t *events;
  size_t event_count, event_capacity;
  size_t head_room;            /* room every heap has (ledger_waitlist.c) */
  size_t district_awards[OI_DISTRICT_COUNT + 1];
  int64_t district_nights[OI_DISTRICT_COUNT + 1];
  struct oip_reason_cache *reason_cache;
  size_t reason_cache_mask;
};

/* ---- small helpers ---------------------------------------------------- */

static inline struct oip_rec *oip_rec(const oi_ledger *l, uint32_t i)
{
  return &l->recs[i];
}

static inline uint32_t oip_entry_of(uint64_t order)
{
  return (uint32_t)(order & OIP_ENTRY_MASK);
}

static inline int64_t oip_receipt_key(oi_datetime t)
{
  return (int64_t)oip_days_inline(t.date) * 86400 + (int64_t)t.hour * 3600 +
         (int64_t)t.minute * 60 + t.second;
}

static inline uint64_t oip_order_key(int64_t receipt, uint32_t entry)
{
  return (uint64_t)(receipt - OIP_KEY_MIN) << OIP_ENTRY_BITS | entry;
}

static inline int64_t oip_receipt_of_order(uint64_t order)
{
  return (int64_t)(order >> OIP_ENTRY_BITS) + OIP_KEY_MIN;
}

static inline struct oip_officer_year *oip_oy(const oi_ledger *l, uint32_t i)
{
  return &l->oy_chunks[i >> OIP_OY_CHUNK_BITS][i & ((1u << OIP_OY_CHUNK_BITS) - 1)];
}

static inline const char *oip_str(const oi_ledger *l, uint32_t h)
{
  return oip_pool_str(&l->strings, h);
}

/* The length of a kept string (oip_keep_string()), from the byte before it. */
static inline size_t oip_kept_length(const char *s)
{
  return ((const unsigned char *)s)[-1];
}

/* Is the kept string h (oip_keep_string()) the len bytes at s? */
static inline int oip_kept_equal(const oi_ledger *l, uint32_t h, const char *s, size_t len)
{
  const unsigned char *k = (const unsigned char *)oip_str(l, h);
  return k[-1] == len && oip_bytes_equal(k, s, len);
}

static inline const oi_reason *oip_reasons_at(const oi_ledger *l, uint32_t h)
{
  return h == OIP_POOL_NONE ? NULL : (const oi_reason *)oip_pool_at(&l->reasons, h);
}

/* A record's reasons now: those it was decided with, unless a promotion
 * awarded it since. */
static inline const oi_reason *oip_rec_reasons(const oi_ledger *l, const struct oip_rec *r)
{
  return (r->flags & OIP_F_PROMOTED) != 0 ? NULL : oip_reasons_at(l, r->reasons);
}

static inline size_t oip_rec_reason_count(const struct oip_rec *r)
{
  return (r->flags & OIP_F_PROMOTED) != 0 ? 0 : r->reason_count;
}

static inline int32_t oip_rec_year(const oi_ledger *l, const struct oip_rec *r)
{
  return l->policy->sessions[r->session].first_day.year;
}

static inline int oip_seat_free(const oi_ledger *l, size_t session)
{
  return l->sessions[session].awarded_count < (size_t)l->policy->sessions[session].seats;
}

static inline int oip_slot_free(const oi_ledger *l, const struct oip_local_year *ly)
{
  return ly->awarded < l->policy->numbers.local_cap_per_year;
}

/* ---- ledger.c: entering requests (shared with ledger_batch.c) ----------- */

struct oip_checked;

/* What a change may need: room reserved by oip_ledger_reserve(). */
struct oip_reservation {
  size_t requests, events;
  size_t officers, locals, queues; /* new ones, at most */
  size_t string_bytes;             /* pieces of at most OI_NAME_MAX + 2 bytes */
  size_t reason_bytes;             /* arrays of at most OIP_REASONS_MAX reasons */
  size_t heads;                    /* pushes into any one heap, at most */
};

oi_status oip_ledger_reserve(oi_ledger *l, const struct oip_reservation *r, oi_error *err);
/* What entering one request needs, its strings measured. */
void oip_reservation_one(struct oip_reservation *r, const struct oip_checked *c,
                         size_t stateless_reasons);

/* What oip_commit() needs of a request besides its record: its hashes, its
 * officer's id and, when names is set, the names to store (a batch stores
 * them before). */
struct oip_entering {
  uint64_t id_hash, officer_hash, local_hash; /* local_hash: eligible requests */
  const char *officer_id;
  size_t officer_id_len;
  int names;
  const char *officer_name; /* may be NULL */
  size_t officer_name_len;
  const char *local_name;
  size_t local_name_len;
};

/* Fill record i from a checked request and its stateless decision (its id
 * and names are the caller's to store). */
void oip_fill_rec(oi_ledger *l, uint32_t i, const oi_subsidy_request *r,
                  const struct oip_checked *c, const oi_decision *d);
/* Apply S9, S4 and S5 to record i, which must be the next entry (count),
 * filled, its stateless decision d, and link it in; room reserved. Cannot
 * fail. out may be NULL. */
void oip_commit(oi_ledger *l, uint32_t i, const struct oip_entering *e, const oi_decision *d,
                oi_decision *out);
void oip_decision_of(const oi_ledger *l, uint32_t i, oi_decision *d);
uint32_t oip_store_reasons(oi_ledger *l, const oi_reason *reasons, size_t n);

/* ---- ledger_index.c: keys and the hash indexes ------------------------ */

oi_datetime oip_receipt_of_key(int64_t key);
uint64_t oip_id_hash(const oi_ledger *l, const char *id, size_t len);
uint64_t oip_officer_hash(const oi_ledger *l, const char *officer_id, size_t len, int32_t year);
uint64_t oip_local_hash(const oi_ledger *l, uint32_t local, int32_t year);
/* The record with this id, or OIP_NONE. */
uint32_t oip_find_rec(const oi_ledger *l, const char *id, size_t len, uint64_t hash);
uint32_t oip_find_officer_year(const oi_ledger *l, const char *officer_id, size_t len,
                               int32_t year, uint64_t hash);
uint32_t oip_find_local_year(const oi_ledger *l, uint32_t local, int32_t year, uint64_t hash);
const char *oip_oy_id(const oi_ledger *l, const struct oip_officer_year *oy);
/* Make room for extra more officer-years (0, or -1 out of memory). */
int oip_reserve_officer_years(oi_ledger *l, size_t extra);
/* Made in room reserved beforehand (the id's string too, when it is not
 * kept inline): cannot fail. */
uint32_t oip_new_officer_year(oi_ledger *l, const char *officer_id, size_t len, int32_t year,
                              uint64_t hash);
uint32_t oip_new_local_year(oi_ledger *l, uint32_t local, int32_t year, uint64_t hash);
/* A string into the pool (len + 2 bytes: its length before it), room
 * reserved: its handle. */
uint32_t oip_keep_string(oi_ledger *l, const char *s, size_t len);

/* ---- ledger_waitlist.c: queues, their heads, awards, candidates -------- */

/* Room for extra more entries in every session's heaps (0, or -1 out of
 * memory). */
int oip_waitlist_reserve(oi_ledger *l, size_t extra);
/* The session's array of awards, made before its first eligible request. */
int oip_awards_reserve(oi_ledger *l, size_t session);
void oip_session_state_free(struct oip_session_state *s);
/* The local-year's queue at a session, or OIP_NONE. */
uint32_t oip_find_queue(const oi_ledger *l, uint32_t ly, size_t session);
/* Made in room reserved beforehand. */
uint32_t oip_new_queue(oi_ledger *l, uint32_t ly, size_t session);
void oip_queue_push(oi_ledger *l, uint32_t queue, uint32_t rec);
void oip_queue_remove(oi_ledger *l, uint32_t rec);
void oip_award_add(oi_ledger *l, uint32_t rec);
void oip_award_remove(oi_ledger *l, uint32_t rec);
/* The local-year just reached its cap, or just left it: push the heads of
 * its queues to the heap they now belong in. */
void oip_local_year_cap_changed(oi_ledger *l, uint32_t ly);
uint32_t oip_candidate_for_seat(oi_ledger *l, size_t session);
uint32_t oip_candidate_for_slot(const oi_ledger *l, uint32_t ly);
/* The records waitlisted at a session (waitlisted_count of them) into out. */
size_t oip_waitlisted_records(const oi_ledger *l, size_t session, uint32_t *out);

/* ---- ledger_audit.c: the audit trail ----------------------------------- */

/* Room for the event must have been reserved. */
static inline void oip_add_event(oi_ledger *l, oi_event_type type, uint32_t rec,
                                 int was_awarded)
{
  l->events[l->event_count++] =
      rec | (uint32_t)type << OIP_EV_TYPE_SHIFT | (was_awarded ? OIP_EV_WAS_AWARDED : 0u);
}

#endif
