/*
 * Private: keyed hashing for the ledger's hash tables. Not installed.
 *
 * Request and officer ids come from outside (forms, files, other programs).
 * With a hash anyone can compute, ids can be chosen so that they all land in
 * one probe sequence, and every look-up then walks all of them: n requests
 * cost O(n^2). SipHash (J.-P. Aumasson and D. J. Bernstein, "SipHash: a fast
 * short-input PRF", 2012) under a key the caller does not know makes such a
 * choice impossible without the key; each ledger draws its own key from the
 * system when it is made.
 */
#ifndef OFFICERINST_SIPHASH_H
#define OFFICERINST_SIPHASH_H

#include <stddef.h>
#include <stdint.h>

struct oip_hash_key {
  uint64_t k0, k1;
};

static inline uint64_t oip_rotl64(uint64_t x, int b)
{
  return (x << b) | (x >> (64 - b));
}

/* SipHash's state, and one SipRound of it. */
struct oip_sip {
  uint64_t v0, v1, v2, v3;
};

static inline void oip_sip_init(struct oip_sip *s, uint64_t k0, uint64_t k1)
{
  s->v0 = k0 ^ UINT64_C(0x736f6d6570736575);
  s->v1 = k1 ^ UINT64_C(0x646f72616e646f6d);
  s->v2 = k0 ^ UINT64_C(0x6c7967656e657261);
  s->v3 = k1 ^ UINT64_C(0x7465646279746573);
}

static inline void oip_sip_round(struct oip_sip *s)
{
  s->v0 += s->v1;
  s->v1 = oip_rotl64(s->v1, 13);
  s->v1 ^= s->v0;
  s->v0 = oip_rotl64(s->v0, 32);
  s->v2 += s->v3;
  s->v3 = oip_rotl64(s->v3, 16);
  s->v3 ^= s->v2;
  s->v0 += s->v3;
  s->v3 = oip_rotl64(s->v3, 21);
  s->v3 ^= s->v0;
  s->v2 += s->v1;
  s->v1 = oip_rotl64(s->v1, 17);
  s->v1 ^= s->v2;
  s->v2 = oip_rotl64(s->v2, 32);
}

/* One 8-byte word through c rounds. */
static inline void oip_sip_word(struct oip_sip *s, uint64_t w, int c)
{
  int i;

  s->v3 ^= w;
  for (i = 0; i < c; i++)
    oip_sip_round(s);
  s->v0 ^= w;
}

/* The last d rounds, and the hash. */
static inline uint64_t oip_sip_finish(struct oip_sip *s, int d)
{
  int i;

  s->v2 ^= 0xff;
  for (i = 0; i < d; i++)
    oip_sip_round(s);
  return s->v0 ^ s->v1 ^ s->v2 ^ s->v3;
}

/* Eight bytes as a little-endian word, whatever the machine's order. */
static inline uint64_t oip_load_le64(const unsigned char *p)
{
  return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 | (uint64_t)p[3] << 24 |
         (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 | (uint64_t)p[6] << 48 |
         (uint64_t)p[7] << 56;
}

/*
 * SipHash-c-d of the n bytes at m under the key (k0, k1), as the paper
 * defines it: c rounds per 8-byte word (the last word holds the remaining
 * bytes and the length modulo 256 in its top byte), d rounds to finish.
 * Inline, so that a caller's constant c and d unroll.
 */
static inline uint64_t oip_siphash(uint64_t k0, uint64_t k1, const unsigned char *m, size_t n,
                                   int c, int d)
{
  struct oip_sip s;
  uint64_t b = (uint64_t)n << 56;
  size_t left = n;

  oip_sip_init(&s, k0, k1);
  for (; left >= 8; m += 8, left -= 8)
    oip_sip_word(&s, oip_load_le64(m), c);
  while (left > 0) {
    left--;
    b |= (uint64_t)m[left] << (8 * left);
  }
  oip_sip_word(&s, b, c);
  return oip_sip_finish(&s, d);
}

/*
 * The ledger's hashes: SipHash-1-3 (the variant hash tables use, as in
 * Python and Rust) of a string, under the key with tweak folded into its
 * second half (so that an officer's id hashes independently in each year),
 * and of a 64-bit integer (its eight bytes, little-endian).
 */
uint64_t oip_hash_string(const struct oip_hash_key *key, uint64_t tweak, const char *s);
uint64_t oip_hash_u64(const struct oip_hash_key *key, uint64_t v);

/* oip_hash_string() of the n bytes at s, whose length the caller measured
 * already: the same value, the bytes read once, the last word loaded whole
 * rather than byte by byte. */
uint64_t oip_hash_bytes(const struct oip_hash_key *key, uint64_t tweak, const void *s,
                        size_t n);

/*
 * A new key, from the system's entropy (getrandom(2), else /dev/urandom),
 * read once. Where the system gives none (a sandbox that forbids both), the
 * key is derived from addresses that address space randomization makes
 * unknown to anyone outside the process (salt: an address of the caller's,
 * the object being keyed), so hashing still works and the tables stay
 * correct; only their resistance to crafted ids then rests on that
 * randomization. Returns 1 if the key came from the system, 0 if derived.
 */
int oip_hash_key_new(struct oip_hash_key *key, const void *salt);

/* The key derived from bytes of entropy (NULL: none) and salt, as above. */
int oip_hash_key_from(struct oip_hash_key *key, const unsigned char *entropy, const void *salt);

#endif
