/*
 * Private: the ledger's hash tables. Open addressing with linear probing
 * over 8-byte slots, each the high half of a key's hash (its tag) and the
 * index + 1 of the record it names (0: an empty slot); a slot's place is
 * its tag modulo the capacity, so the table grows from the tags alone,
 * without reading a record. A look-up reads only slots until a tag
 * matches, so finding that a key is new costs one probe of one cache line;
 * a tag that matches is confirmed by the caller against the record. Kept
 * at most 70% full; entries are never removed (the ledger forgets nothing).
 * The hashes are keyed (siphash.h), so no choice of keys makes the probe
 * sequences longer than chance does. Not installed.
 */
#ifndef OFFICERINST_LEDGER_TABLE_H
#define OFFICERINST_LEDGER_TABLE_H

#include <stddef.h>
#include <stdint.h>

/*
 * Room is reserved as tables twice, four times, ... the size (spares), made
 * but not yet filled: the table moves into the next one only when its
 * entries need it, so that a batch that may add a million officers, but
 * adds half as many, fills a table of the size they need (its pages are
 * touched at random, every one of them), and the larger spares, never
 * touched, cost no page of memory and are let go after.
 */
#define OIP_TABLE_SPARES 40

struct oip_table {
  uint64_t *slots;
  size_t mask;     /* capacity - 1; capacity a power of two, or 0 (slots NULL) */
  size_t count;
  size_t limit;    /* most entries before it moves on: 70% of the capacity */
  size_t reserved; /* most entries it has room for, spares included */
  uint64_t *spare[OIP_TABLE_SPARES]; /* capacities 2, 4, ... times its own */
  size_t spare_count;
};

#define OIP_TABLE_NONE UINT32_MAX

void oip_table_free(struct oip_table *t);

/* Room for extra more entries: 0, or -1 when out of memory (the table is
 * then unchanged). */
int oip_table_grow(struct oip_table *t, size_t extra);

static inline int oip_table_reserve(struct oip_table *t, size_t extra)
{
  return t->count + extra <= t->reserved && t->slots != NULL ? 0 : oip_table_grow(t, extra);
}

/* Move into the next spare (its room was reserved). */
void oip_table_move_on(struct oip_table *t);

/* Let go of the spares no entry needed. */
void oip_table_trim(struct oip_table *t);

static inline uint32_t oip_tag_of(uint64_t hash)
{
  return (uint32_t)(hash >> 32);
}

/* Start fetching the slot a tag's search begins at. */
static inline void oip_table_prefetch(const struct oip_table *t, uint32_t tag)
{
#if defined(__GNUC__) || defined(__clang__)
  if (t->slots != NULL)
    __builtin_prefetch(&t->slots[tag & t->mask]);
#else
  (void)t;
  (void)tag;
#endif
}

/* The records whose tag is tag, one after another: start with
 * *at = tag & mask (oip_table_first()), then oip_table_next() until it
 * returns OIP_TABLE_NONE. */
static inline uint32_t oip_table_next(const struct oip_table *t, uint32_t tag, size_t *at)
{
  uint64_t s;

  if (t->slots == NULL)
    return OIP_TABLE_NONE;
  for (; (s = t->slots[*at]) != 0; *at = (*at + 1) & t->mask)
    if ((uint32_t)(s >> 32) == tag) {
      *at = (*at + 1) & t->mask;
      return (uint32_t)s - 1;
    }
  return OIP_TABLE_NONE;
}

static inline size_t oip_table_first(const struct oip_table *t, uint32_t tag)
{
  return tag & t->mask;
}

/* The first record a tag names, unconfirmed (OIP_TABLE_NONE for none):
 * what to fetch before it is confirmed. */
static inline uint32_t oip_table_peek(const struct oip_table *t, uint32_t tag)
{
  size_t at = oip_table_first(t, tag);
  return oip_table_next(t, tag, &at);
}

static inline void oip_prefetch(const void *p)
{
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}

static inline void oip_prefetch_write(const void *p)
{
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p, 1);
#else
  (void)p;
#endif
}

/* Add a record under a tag; room must have been reserved. */
static inline void oip_table_insert(struct oip_table *t, uint32_t tag, uint32_t index)
{
  size_t i;

  if (t->count + 1 > t->limit)
    oip_table_move_on(t);
  i = tag & t->mask;

  while (t->slots[i] != 0)
    i = (i + 1) & t->mask;
  t->slots[i] = (uint64_t)tag << 32 | (uint64_t)(index + 1);
  t->count++;
}

#endif
