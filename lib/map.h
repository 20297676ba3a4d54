/*
 * Private: an open-addressing hash map from a 64-bit hash to a pointer,
 * with equality decided by the caller. Entries are never removed (the
 * ledger keeps every request it was given). Not installed.
 */
#ifndef OFFICERINST_MAP_H
#define OFFICERINST_MAP_H

#include <stddef.h>
#include <stdint.h>

struct oip_map_slot {
  uint64_t hash;
  void *value; /* NULL: empty slot */
};

struct oip_map {
  struct oip_map_slot *slots;
  size_t capacity; /* a power of two, or 0 */
  size_t count;
};

/* Does the stored value have this key? */
typedef int (*oip_map_eq)(const void *value, const void *key);

void oip_map_free(struct oip_map *m);

/* Make room for extra more entries; 0 on success, -1 when out of memory
 * (the map is then unchanged). */
int oip_map_reserve(struct oip_map *m, size_t extra);

/* The value with this key, or NULL. */
void *oip_map_find(const struct oip_map *m, uint64_t hash, oip_map_eq eq, const void *key);

/* Add a value whose key is not in the map; room must have been reserved. */
void oip_map_insert(struct oip_map *m, uint64_t hash, void *value);

/* The hashes are the caller's: keyed ones (siphash.h) where keys come from
 * outside, since linear probing degrades to a scan when many keys share a
 * slot. */

#endif
