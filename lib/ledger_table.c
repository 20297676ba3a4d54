/*
 * Growing the ledger's hash tables (ledger_table.h): spares twice, four
 * times, ... the size, made when room is reserved, and moved into when the
 * entries need them, each slot placed again by its tag.
 */
#include <stdlib.h>
#include <string.h>

#include "ledger_table.h"

#define CAPACITY_MIN 16

static size_t limit_of(size_t capacity)
{
  return capacity / 10 * 7;
}

void oip_table_free(struct oip_table *t)
{
  oip_table_trim(t);
  free(t->slots);
  t->slots = NULL;
  t->mask = 0;
  t->count = 0;
  t->limit = 0;
  t->reserved = 0;
}

void oip_table_trim(struct oip_table *t)
{
  while (t->spare_count > 0)
    free(t->spare[--t->spare_count]);
  t->reserved = t->limit;
}

int oip_table_grow(struct oip_table *t, size_t extra)
{
  const size_t need = t->count + extra;
  size_t capacity;

  if (need < t->count)
    return -1;
  if (t->slots == NULL) {
    t->slots = calloc(CAPACITY_MIN, sizeof *t->slots);
    if (t->slots == NULL)
      return -1;
    t->mask = CAPACITY_MIN - 1;
    t->limit = t->reserved = limit_of(CAPACITY_MIN);
  }
  capacity = (t->mask + 1) << t->spare_count;
  while (need > t->reserved) {
    uint64_t *slots;

    if (t->spare_count == OIP_TABLE_SPARES || capacity > SIZE_MAX / 4 / sizeof *slots ||
        capacity >= ((size_t)1 << 31))
      return -1;
    capacity *= 2;
    /* Large enough, calloc() maps fresh zero pages: nothing is touched. */
    slots = calloc(capacity, sizeof *slots);
    if (slots == NULL)
      return -1;
    t->spare[t->spare_count++] = slots;
    t->reserved = limit_of(capacity);
  }
  return 0;
}

void oip_table_move_on(struct oip_table *t)
{
  const size_t capacity = 2 * (t->mask + 1);
  uint64_t *slots = t->spare[0];
  size_t i;

  for (i = 0; i <= t->mask; i++) {
    const uint64_t s = t->slots[i];
    size_t k;

    if (s == 0)
      continue;
    for (k = (size_t)(s >> 32) & (capacity - 1); slots[k] != 0; k = (k + 1) & (capacity - 1))
      ;
    slots[k] = s;
  }
  free(t->slots);
  t->slots = slots;
  t->mask = capacity - 1;
  t->limit = limit_of(capacity);
  for (i = 1; i < t->spare_count; i++)
    t->spare[i - 1] = t->spare[i];
  t->spare_count--;
}
