/*
 * Ids crafted to collide, shared by tests/check_hostile and the benchmark.
 *
 * The string hash the ledger's tables once used was unkeyed: eight bytes at
 * a time, each word folded in as h = (h ^ word) * M; h ^= h >> 32, then
 * splitmix64's finalizer. A multiply carries only upwards, so ids whose
 * first word differs only in its high half give products with one low half
 * L and high halves H; the second word (H, H) then cancels what differs,
 * and every such id of 16 printable bytes has the same 64-bit hash: all of
 * them in one probe sequence of an unkeyed table. The crafting is cheap (one
 * multiply a candidate, 1.7% of candidates printable) and reproducible;
 * under a keyed hash these ids are ordinary ones.
 */
#ifndef OFFICERINST_TESTS_CRAFTED_IDS_H
#define OFFICERINST_TESTS_CRAFTED_IDS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define CRAFTED_LEN 16

/* Four bytes that are printable and need no escape in JSON. */
static inline int crafted_printable(uint32_t x)
{
  int i;

  for (i = 0; i < 4; i++, x >>= 8)
    if ((x & 0xff) < 0x21 || (x & 0xff) > 0x7e || (x & 0xff) == '"' || (x & 0xff) == '\\')
      return 0;
  return 1;
}

/* count ids of CRAFTED_LEN bytes and a terminator, stride bytes apart from
 * ids, all with one old hash under seed (0 for request ids; the year times
 * 0x9e3779b97f4a7c15 for officer ids); prefix: four printable bytes. */
static inline void crafted_ids(char *ids, size_t stride, size_t count, const char *prefix,
                               uint64_t seed)
{
  const uint64_t c0 = seed ^ ((uint64_t)CRAFTED_LEN * UINT64_C(0x9e3779b97f4a7c15));
  uint32_t lo, hi;
  size_t made = 0;

  memcpy(&lo, prefix, 4);
  for (hi = 0x21212121; made < count; hi++) {
    uint64_t w1, w2, y;
    uint32_t h;

    if (!crafted_printable(hi))
      continue;
    w1 = (uint64_t)hi << 32 | lo;
    y = (c0 ^ w1) * UINT64_C(0xff51afd7ed558ccd);
    h = (uint32_t)(y >> 32);
    if (!crafted_printable(h))
      continue;
    w2 = (uint64_t)h << 32 | h;
    memcpy(ids + made * stride, &w1, 8);
    memcpy(ids + made * stride + 8, &w2, 8);
    ids[made * stride + CRAFTED_LEN] = '\0';
    made++;
  }
}

#endif
