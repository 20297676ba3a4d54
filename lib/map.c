/*
 * Open addressing with linear probing, kept at most 70% full. Inserts only:
 * the ledger never forgets a request, so no deletion is needed.
 */
#include <stdlib.h>
#include <string.h>

#include "map.h"

void oip_map_free(struct oip_map *m)
{
  free(m->slots);
  m->slots = NULL;
  m->capacity = m->count = 0;
}

static void place(struct oip_map_slot *slots, size_t capacity, uint64_t hash, void *value)
{
  size_t i = (size_t)hash & (capacity - 1);

  while (slots[i].value != NULL)
    i = (i + 1) & (capacity - 1);
  slots[i].hash = hash;
  slots[i].value = value;
}

int oip_map_reserve(struct oip_map *m, size_t extra)
{
  size_t need = m->count + extra, capacity = m->capacity ? m->capacity : 16, i;
  struct oip_map_slot *slots;

  if (need < m->count)
    return -1;
  while (need > capacity / 10 * 7) {
    if (capacity > SIZE_MAX / 2 / sizeof *slots)
      return -1;
    capacity *= 2;
  }
  if (capacity == m->capacity)
    return 0;
  slots = calloc(capacity, sizeof *slots);
  if (slots == NULL)
    return -1;
  for (i = 0; i < m->capacity; i++)
    if (m->slots[i].value != NULL)
      place(slots, capacity, m->slots[i].hash, m->slots[i].value);
  free(m->slots);
  m->slots = slots;
  m->capacity = capacity;
  return 0;
}

void *oip_map_find(const struct oip_map *m, uint64_t hash, oip_map_eq eq, const void *key)
{
  size_t i;

  if (m->capacity == 0)
    return NULL;
  for (i = (size_t)hash & (m->capacity - 1); m->slots[i].value != NULL;
       i = (i + 1) & (m->capacity - 1))
    if (m->slots[i].hash == hash && eq(m->slots[i].value, key))
      return m->slots[i].value;
  return NULL;
}

void oip_map_insert(struct oip_map *m, uint64_t hash, void *value)
{
  place(m->slots, m->capacity, hash, value);
  m->count++;
}
