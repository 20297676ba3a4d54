/*
 * Private: an append-only pool of bytes in 64 KiB chunks, whose pieces are
 * named by 32-bit handles (chunk << 16 | offset) rather than pointers, so
 * that a record naming a string or an array of reasons spends four bytes
 * on it. What the pool hands out never moves and lives until the pool is
 * freed: the ledger gives callers pointers into it. Not installed.
 */
#ifndef OFFICERINST_POOL_H
#define OFFICERINST_POOL_H

#include <stddef.h>
#include <stdint.h>

#define OIP_POOL_CHUNK ((size_t)1 << 16)
/* No handle: a NULL string, no reasons. */
#define OIP_POOL_NONE UINT32_MAX

struct oip_pool {
  unsigned char **chunks; /* chunk_count in use, then spares up to chunk_capacity */
  size_t chunk_count;
  size_t spare_count;     /* allocated chunks past chunk_count, ready for use */
  size_t chunk_capacity;  /* room in chunks[] */
  size_t used;            /* bytes used in the last chunk in use */
  size_t align;           /* of every piece: 1 for strings, 8 for reasons */
};

void oip_pool_init(struct oip_pool *p, size_t align);
void oip_pool_free(struct oip_pool *p);

/* Make sure that pieces of at most piece bytes each (each a multiple of the
 * alignment), bytes in all, can be taken with oip_pool_take() without
 * allocating: 0, or -1 when out of memory (the pool then still works as
 * before). */
int oip_pool_grow(struct oip_pool *p, size_t bytes, size_t piece);

static inline int oip_pool_reserve(struct oip_pool *p, size_t bytes, size_t piece)
{
  /* Room enough where the last chunk ends, or spares that a reservation
   * made (which hold at least as much as it asked for). */
  if (bytes == 0 || (p->chunk_count > 0 && p->used + bytes <= OIP_POOL_CHUNK))
    return 0;
  return oip_pool_grow(p, bytes, piece);
}

/* Take n bytes (at most OIP_POOL_CHUNK), room reserved: never fails. */
uint32_t oip_pool_take(struct oip_pool *p, size_t n);

/* Let go of the spare chunks a reservation left unused. */
void oip_pool_trim(struct oip_pool *p);

/* Bytes the pool holds, for accounting. */
size_t oip_pool_bytes(const struct oip_pool *p);

static inline void *oip_pool_at(const struct oip_pool *p, uint32_t h)
{
  return p->chunks[h >> 16] + (h & 0xffff);
}

/* A string's handle as a pointer: NULL for OIP_POOL_NONE. */
static inline const char *oip_pool_str(const struct oip_pool *p, uint32_t h)
{
  return h == OIP_POOL_NONE ? NULL : (const char *)oip_pool_at(p, h);
}

#endif
