/*
 * Growing the ledger's hash tables (ledger_table.h): a table twice the
 * size, each slot placed again by its tag.
 */
#include <stdlib.h>

#include "ledger_table.h"

void oip_table_free(struct oip_table *t)
{
  free(t->slots);
  t->slots = NULL;
  t->mask = 0;
  t->count = 0;
  t->limit = 0;
}

int oip_table_grow(struct oip_table *t, size_t extra)
{
  const size_t need = t->count + extra;
  size_t capacity = t->slots != NULL ? t->mask + 1 : 16, i;
  uint64_t *slots;

  if (need < t->count)
    return -1;
  while (need > capacity / 10 * 7) {
    if (capacity > SIZE_MAX / 2 / sizeof *slots || capacity >= ((size_t)1 << 32))
      return -1;
    capacity *= 2;
  }
  if (t->slots != NULL && capacity == t->mask + 1)
    return 0;
  slots = calloc(capacity, sizeof *slots);
  if (slots == NULL)
    return -1;
  if (t->slots != NULL)
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
  t->limit = capacity / 10 * 7;
  return 0;
}
