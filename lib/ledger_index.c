/*
 * The ledger's keys and indexes: receipt moments as sortable keys, and the
 * hash maps that find a record by id, an officer's year (S9), a local's
 * year (S5) and a local's queue at a session (S10) in O(1) expected. Every
 * hash is keyed with the ledger's own key (siphash.h), so no choice of ids
 * or local numbers makes them collide more than chance does.
 */
#include <string.h>

#include "ledger_state.h"
#include "error_private.h"
#include "strutil.h"

oi_datetime oip_receipt_of_key(int64_t key)
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

uint64_t oip_id_hash(const oi_ledger *l, const char *id)
{
  return oip_hash_string(&l->key, 0, id);
}

uint64_t oip_officer_hash(const oi_ledger *l, const char *officer_id, int32_t year)
{
  return oip_hash_string(&l->key, (uint64_t)(uint32_t)year + 1, officer_id);
}

static uint64_t pair_hash(const oi_ledger *l, uint32_t a, uint32_t b)
{
  return oip_hash_u64(&l->key, (uint64_t)a << 32 | b);
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

struct oip_rec *oip_find_rec(const oi_ledger *l, const char *id, uint64_t hash)
{
  return oip_map_find(&l->ids, hash, eq_id, id);
}

static struct oip_queue *find_queue(const oi_ledger *l, int32_t session, uint32_t local,
                                    uint64_t hash)
{
  struct oip_queue k;

  k.session = session;
  k.local = local;
  return oip_map_find(&l->queues, hash, eq_queue, &k);
}

struct oip_queue *oip_find_queue(const oi_ledger *l, int32_t session, uint32_t local)
{
  return find_queue(l, session, local, pair_hash(l, (uint32_t)session, local));
}

static struct oip_local_year *find_local_year(const oi_ledger *l, uint32_t local, int32_t year,
                                              uint64_t hash)
{
  struct oip_local_year k;

  k.local = local;
  k.year = year;
  return oip_map_find(&l->locals, hash, eq_local, &k);
}

struct oip_local_year *oip_find_local_year(const oi_ledger *l, uint32_t local, int32_t year)
{
  return find_local_year(l, local, year, pair_hash(l, local, (uint32_t)year));
}

struct oip_officer_year *oip_find_officer_year(const oi_ledger *l, const char *officer_id,
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
struct oip_local_year *oip_local_year(oi_ledger *l, uint32_t local, int32_t year,
                                         struct oip_local_year *spare)
{
  const uint64_t hash = pair_hash(l, local, (uint32_t)year);
  struct oip_local_year *ly = find_local_year(l, local, year, hash);

  if (ly == NULL) {
    ly = spare;
    ly->local = local;
    ly->year = year;
    ly->awarded = 0;
    ly->queues = NULL;
    oip_map_insert(&l->locals, hash, ly);
  }
  return ly;
}

struct oip_officer_year *oip_officer_year(oi_ledger *l, const char *officer_id,
                                             int32_t year, uint64_t hash,
                                             struct oip_officer_year *spare)
{
  struct oip_officer_year *oy = oip_find_officer_year(l, officer_id, year, hash);

  if (oy == NULL) {
    oy = spare;
    oy->officer_id = officer_id;
    oy->year = year;
    oy->active = NULL;
    oip_map_insert(&l->officers, hash, oy);
  }
  return oy;
}

struct oip_queue *oip_queue_for(oi_ledger *l, int32_t session, uint32_t local,
                                   struct oip_local_year *ly, struct oip_queue *spare)
{
  const uint64_t hash = pair_hash(l, (uint32_t)session, local);
  struct oip_queue *q = find_queue(l, session, local, hash);

  if (q == NULL) {
    q = spare;
    memset(q, 0, sizeof *q);
    q->session = session;
    q->local = local;
    q->ly = ly;
    q->next = ly->queues;
    ly->queues = q;
    oip_map_insert(&l->queues, hash, q);
  }
  return q;
}

void oip_index_rec(oi_ledger *l, uint64_t hash, struct oip_rec *rec)
{
  oip_map_insert(&l->ids, hash, rec);
}

oi_status oip_lookup_rec(const oi_ledger *l, const char *id, struct oip_rec **out, oi_error *err)
{
  /* The id is read no further than its limit: the caller's buffer need not
   * be terminated past it. */
  oi_status st = oip_check_string(id, OI_ID_MAX, 0, err, NULL, "id");

  if (st != OI_OK)
    return st;
  *out = oip_find_rec(l, id, oip_id_hash(l, id));
  if (*out == NULL)
    return oip_fail(err, OI_ENOTFOUND, NULL, "id", "no request \"%.*s\" in the ledger",
                    OI_ID_MAX, id);
  return OI_OK;
}
