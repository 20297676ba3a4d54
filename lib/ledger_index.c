/*
 * The ledger's keys and indexes: receipt moments as sortable keys, and the
 * hash tables that find a record by id, an officer's year (S9) and a
 * local's year (S5) in O(1) expected. Every hash is keyed with the ledger's
 * own key (siphash.h), so no choice of ids or local numbers makes them
 * collide more than chance does; a tag that matches is confirmed against
 * the record's own key.
 */
#include <stdlib.h>
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

uint64_t oip_id_hash(const oi_ledger *l, const char *id, size_t len)
{
  return oip_hash_bytes(&l->key, 0, id, len);
}

uint64_t oip_officer_hash(const oi_ledger *l, const char *officer_id, size_t len, int32_t year)
{
  return oip_hash_bytes(&l->key, (uint64_t)(uint32_t)year + 1, officer_id, len);
}

uint64_t oip_local_hash(const oi_ledger *l, uint32_t local, int32_t year)
{
  return oip_hash_u64(&l->key, (uint64_t)local << 32 | (uint32_t)year);
}

uint32_t oip_find_rec(const oi_ledger *l, const char *id, size_t len, uint64_t hash)
{
  const uint32_t tag = oip_tag_of(hash);
  size_t at = oip_table_first(&l->ids, tag);
  uint32_t i;

  while ((i = oip_table_next(&l->ids, tag, &at)) != OIP_TABLE_NONE) {
    if (oip_kept_equal(l, l->recs[i].id, id, len))
      return i;
  }
  return OIP_NONE;
}

const char *oip_oy_id(const oi_ledger *l, const struct oip_officer_year *oy)
{
  uint32_t h;

  if (oy->len < OIP_OY_INLINE)
    return oy->id;
  memcpy(&h, oy->id, sizeof h);
  return oip_str(l, h);
}

uint32_t oip_find_officer_year(const oi_ledger *l, const char *officer_id, size_t len,
                               int32_t year, uint64_t hash)
{
  const uint32_t tag = oip_tag_of(hash);
  size_t at = oip_table_first(&l->officers, tag);
  uint32_t i;

  while ((i = oip_table_next(&l->officers, tag, &at)) != OIP_TABLE_NONE) {
    const struct oip_officer_year *oy = oip_oy(l, i);
    if (oy->year == year && oy->len == len && oip_bytes_equal(oip_oy_id(l, oy), officer_id, len))
      return i;
  }
  return OIP_NONE;
}

uint32_t oip_find_local_year(const oi_ledger *l, uint32_t local, int32_t year, uint64_t hash)
{
  const uint32_t tag = oip_tag_of(hash);
  size_t at = oip_table_first(&l->locals, tag);
  uint32_t i;

  while ((i = oip_table_next(&l->locals, tag, &at)) != OIP_TABLE_NONE)
    if (l->lys[i].local == local && l->lys[i].year == year)
      return i;
  return OIP_NONE;
}

int oip_reserve_officer_years(oi_ledger *l, size_t extra)
{
  const size_t per = (size_t)1 << OIP_OY_CHUNK_BITS;
  const size_t need = (l->oy_count + extra + per - 1) / per;

  if (need > l->oy_chunk_count) {
    struct oip_officer_year **chunks = realloc(l->oy_chunks, need * sizeof *chunks);
    if (chunks == NULL)
      return -1;
    l->oy_chunks = chunks;
    while (l->oy_chunk_count < need) {
      chunks[l->oy_chunk_count] = malloc(per * sizeof **chunks);
      if (chunks[l->oy_chunk_count] == NULL)
        return -1;
      l->oy_chunk_count++;
    }
  }
  return 0;
}

/* Kept after a byte that holds its length (ids and names are at most
 * OI_NAME_MAX bytes), so that comparing a string with one kept reads no byte
 * past either (oip_kept_equal()). */
uint32_t oip_keep_string(oi_ledger *l, const char *s, size_t len)
{
  const uint32_t h = oip_pool_take(&l->strings, len + 2);
  unsigned char *p = oip_pool_at(&l->strings, h);

  p[0] = (unsigned char)len;
  memcpy(p + 1, s, len);
  p[len + 1] = '\0';
  return h + 1;
}

uint32_t oip_new_officer_year(oi_ledger *l, const char *officer_id, size_t len, int32_t year,
                              uint64_t hash)
{
  const uint32_t i = (uint32_t)l->oy_count++;
  struct oip_officer_year *oy = oip_oy(l, i);

  oy->active = OIP_NONE;
  oy->active_id = OIP_POOL_NONE;
  oy->year = year;
  oy->name = OIP_POOL_NONE;
  oy->len = (uint8_t)len;
  if (len < OIP_OY_INLINE) {
    memcpy(oy->id, officer_id, len);
    oy->id[len] = '\0';
  } else {
    const uint32_t h = oip_keep_string(l, officer_id, len);
    memcpy(oy->id, &h, sizeof h);
  }
  oip_table_insert(&l->officers, oip_tag_of(hash), i);
  return i;
}

uint32_t oip_new_local_year(oi_ledger *l, uint32_t local, int32_t year, uint64_t hash)
{
  const uint32_t i = (uint32_t)l->ly_count++;
  struct oip_local_year *ly = &l->lys[i];

  ly->local = local;
  ly->year = year;
  ly->awarded = 0;
  ly->queues = OIP_NONE;
  ly->name = OIP_POOL_NONE;
  oip_table_insert(&l->locals, oip_tag_of(hash), i);
  return i;
}
