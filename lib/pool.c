/*
 * The chunked pool of pool.h: a reservation allocates the chunks a change
 * will need before the change starts, so that taking never fails and a
 * change happens whole or not at all.
 */
#include <stdlib.h>

#include "pool.h"

void oip_pool_init(struct oip_pool *p, size_t align)
{
  p->chunks = NULL;
  p->chunk_count = p->spare_count = p->chunk_capacity = 0;
  p->used = OIP_POOL_CHUNK; /* no chunk in use: the first take starts one */
  p->align = align;
}

void oip_pool_free(struct oip_pool *p)
{
  size_t i;

  for (i = 0; i < p->chunk_count + p->spare_count; i++)
    free(p->chunks[i]);
  free(p->chunks);
  oip_pool_init(p, p->align);
}

static size_t round_up(size_t n, size_t align)
{
  return (n + align - 1) / align * align;
}

int oip_pool_grow(struct oip_pool *p, size_t bytes, size_t piece)
{
  const size_t used = p->chunk_count > 0 ? round_up(p->used, p->align) : OIP_POOL_CHUNK;
  const size_t left = used < OIP_POOL_CHUNK ? OIP_POOL_CHUNK - used : 0;
  size_t need = 0, fits, want;

  piece = round_up(piece > 0 ? piece : 1, p->align);
  if (piece >= OIP_POOL_CHUNK / 2)
    return -1;
  /* A chunk, the current one or a new one, is left only when the next
   * piece does not fit in it, so it takes in all but less than a piece: the
   * current one more than left - piece, a new one more than
   * OIP_POOL_CHUNK - piece. */
  fits = left > piece ? left - piece : 0;
  if (bytes > fits)
    need = (bytes - fits + (OIP_POOL_CHUNK - piece) - 1) / (OIP_POOL_CHUNK - piece);
  if (need <= p->spare_count)
    return 0;
  want = p->chunk_count + need;
  if (want > ((size_t)1 << 16))
    return -1; /* handles name at most 65536 chunks: 4 GiB */
  if (want > p->chunk_capacity) {
    size_t cap = p->chunk_capacity ? p->chunk_capacity : 16;
    unsigned char **chunks;

    while (cap < want)
      cap *= 2;
    chunks = realloc(p->chunks, cap * sizeof *chunks);
    if (chunks == NULL)
      return -1;
    p->chunks = chunks;
    p->chunk_capacity = cap;
  }
  while (p->spare_count < need) {
    unsigned char *c = malloc(OIP_POOL_CHUNK);
    if (c == NULL)
      return -1;
    p->chunks[p->chunk_count + p->spare_count++] = c;
  }
  return 0;
}

uint32_t oip_pool_take(struct oip_pool *p, size_t n)
{
  size_t at = round_up(p->used, p->align);

  if (p->chunk_count == 0 || at + n > OIP_POOL_CHUNK) {
    /* The reservation made a spare chunk ready. */
    p->chunk_count++;
    p->spare_count--;
    at = 0;
  }
  p->used = at + n;
  return (uint32_t)((p->chunk_count - 1) << 16 | at);
}

void oip_pool_trim(struct oip_pool *p)
{
  while (p->spare_count > 0)
    free(p->chunks[p->chunk_count + --p->spare_count]);
}

size_t oip_pool_bytes(const struct oip_pool *p)
{
  return (p->chunk_count + p->spare_count) * OIP_POOL_CHUNK;
}
