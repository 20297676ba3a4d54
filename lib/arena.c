/*
 * Append-only arena of 64 KiB chunks (larger requests get a chunk of their
 * own): one malloc per chunk instead of one per string.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define CHUNK_SIZE ((size_t)64 * 1024)
#define ALIGN (sizeof(long double) > sizeof(void *) ? sizeof(long double) : sizeof(void *))

struct oip_arena_chunk {
  struct oip_arena_chunk *next;
  size_t size;
  /* Data follows, aligned by the union. */
  union {
    long double ld;
    void *p;
    long long ll;
  } data[];
};

void *oip_arena_alloc(struct oip_arena *a, size_t size)
{
  struct oip_arena_chunk *c;
  size_t rounded = (size + ALIGN - 1) / ALIGN * ALIGN, chunk;

  if (rounded < size)
    return NULL;
  if (a->head != NULL && a->head->size - a->used >= rounded) {
    void *p = (char *)a->head->data + a->used;
    a->used += rounded;
    return p;
  }
  chunk = rounded > CHUNK_SIZE ? rounded : CHUNK_SIZE;
  c = malloc(sizeof *c + chunk);
  if (c == NULL)
    return NULL;
  c->size = chunk;
  a->bytes += sizeof *c + chunk;
  if (rounded > CHUNK_SIZE && a->head != NULL) {
    /* A large block goes behind the current chunk, whose free space stays usable. */
    c->next = a->head->next;
    a->head->next = c;
    return c->data;
  }
  c->next = a->head;
  a->head = c;
  a->used = rounded;
  return c->data;
}

char *oip_arena_strdup(struct oip_arena *a, const char *s)
{
  size_t n;
  char *p;

  if (s == NULL)
    return NULL;
  n = strlen(s) + 1;
  p = oip_arena_alloc(a, n);
  if (p != NULL)
    memcpy(p, s, n);
  return p;
}

void oip_arena_free(struct oip_arena *a)
{
  struct oip_arena_chunk *c = a->head;

  while (c != NULL) {
    struct oip_arena_chunk *next = c->next;
    free(c);
    c = next;
  }
  a->head = NULL;
  a->used = a->bytes = 0;
}
