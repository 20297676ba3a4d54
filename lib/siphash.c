/*
 * Keyed hashing for the ledger's hash tables (siphash.h): SipHash-1-3, and
 * keys from the system's entropy.
 */
#define _DEFAULT_SOURCE 1

#include <config.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#ifdef HAVE_SYS_RANDOM_H
#include <sys/random.h>
#endif

#include "siphash.h"

uint64_t oip_hash_string(const struct oip_hash_key *key, uint64_t tweak, const char *s)
{
  return oip_hash_bytes(key, tweak, s, strlen(s));
}

uint64_t oip_hash_bytes(const struct oip_hash_key *key, uint64_t tweak, const void *s, size_t n)
{
  const unsigned char *m = s;
  struct oip_sip st;
  uint64_t b = (uint64_t)n << 56;
  size_t i;

  oip_sip_init(&st, key->k0, key->k1 ^ tweak);
  for (i = 0; i + 8 <= n; i += 8)
    oip_sip_word(&st, oip_load_le64(m + i), 1);
  if (n >= 8 && i < n) {
    /* The last 8 bytes, of which the first 8 - (n - i) were hashed. */
    b |= oip_load_le64(m + n - 8) >> (8 * (8 - (n - i)));
  } else if (n < 8 && n >= 4) {
    /* i is 0: four to seven bytes, as two overlapping loads of four. */
    const size_t left = n;
    const uint64_t lo = (uint64_t)m[i] | (uint64_t)m[i + 1] << 8 | (uint64_t)m[i + 2] << 16 |
                        (uint64_t)m[i + 3] << 24;
    const uint64_t hi = (uint64_t)m[n - 4] | (uint64_t)m[n - 3] << 8 |
                        (uint64_t)m[n - 2] << 16 | (uint64_t)m[n - 1] << 24;
    b |= lo | hi << (8 * (left - 4));
  } else {
    while (i < n) {
      b |= (uint64_t)m[i] << (8 * (i & 7));
      i++;
    }
  }
  oip_sip_word(&st, b, 1);
  return oip_sip_finish(&st, 3);
}

/* oip_siphash() of the eight bytes of v, without storing them. */
uint64_t oip_hash_u64(const struct oip_hash_key *key, uint64_t v)
{
  struct oip_sip s;

  oip_sip_init(&s, key->k0, key->k1);
  oip_sip_word(&s, v, 1);
  oip_sip_word(&s, (uint64_t)8 << 56, 1);
  return oip_sip_finish(&s, 3);
}

/* n bytes of the system's entropy: 1, or 0 when it gives none. Never
 * blocks: getrandom() is asked not to wait for a pool still filling at
 * boot, and /dev/urandom never waits. */
static int system_entropy(unsigned char *buf, size_t n)
{
  size_t got = 0;
  int fd;

#if defined(HAVE_GETRANDOM)
  while (got < n) {
    ssize_t k = getrandom(buf + got, n - got, GRND_NONBLOCK);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      break;
    got += (size_t)k;
  }
  if (got == n)
    return 1;
  got = 0;
#endif
  fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return 0;
  while (got < n) {
    ssize_t k = read(fd, buf + got, n - got);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      break;
    got += (size_t)k;
  }
  close(fd);
  return got == n;
}

int oip_hash_key_from(struct oip_hash_key *key, const unsigned char *entropy, const void *salt)
{
  /* Without entropy: addresses of the heap (salt), the stack and the
   * library's code, hashed under a fixed key so that every bit of each
   * counts. */
  unsigned char mix[3 * sizeof(uintptr_t)];
  const uintptr_t heap = (uintptr_t)salt, stack = (uintptr_t)&mix,
                  code = (uintptr_t)&oip_hash_key_from;

  if (entropy != NULL) {
    key->k0 = oip_load_le64(entropy);
    key->k1 = oip_load_le64(entropy + 8);
    return 1;
  }
  memcpy(mix, &heap, sizeof heap);
  memcpy(mix + sizeof heap, &stack, sizeof stack);
  memcpy(mix + 2 * sizeof heap, &code, sizeof code);
  key->k0 = oip_siphash(UINT64_C(0x0123456789abcdef), UINT64_C(0xfedcba9876543210), mix,
                        sizeof mix, 2, 4);
  key->k1 = oip_siphash(UINT64_C(0x1032547698badcfe), UINT64_C(0xefcdab8967452301), mix,
                        sizeof mix, 2, 4);
  return 0;
}

int oip_hash_key_new(struct oip_hash_key *key, const void *salt)
{
  unsigned char entropy[16];

  return oip_hash_key_from(key, system_entropy(entropy, sizeof entropy) ? entropy : NULL, salt);
}
