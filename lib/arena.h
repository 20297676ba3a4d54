/*
 * Private: an append-only arena. What it hands out never moves and lives
 * until the arena is freed, so the ledger can give callers stable pointers
 * to ids and reasons. Not installed.
 */
#ifndef OFFICERINST_ARENA_H
#define OFFICERINST_ARENA_H

#include <stddef.h>

struct oip_arena_chunk;

struct oip_arena {
  struct oip_arena_chunk *head;
  size_t used;  /* bytes used in head */
  size_t bytes; /* bytes held in all chunks, for accounting */
};

/* size bytes aligned for any object; NULL when out of memory (nothing changes). */
void *oip_arena_alloc(struct oip_arena *a, size_t size);

/* A copy of s (which may be NULL, giving NULL); NULL when out of memory. */
char *oip_arena_strdup(struct oip_arena *a, const char *s);

void oip_arena_free(struct oip_arena *a);

#endif
