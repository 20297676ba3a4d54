/*
 * Private: bounded strings and city names. Not installed.
 */
#ifndef OFFICERINST_STRUTIL_H
#define OFFICERINST_STRUTIL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "officerinst/error.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* For the few helpers of a hot path that the compiler would leave out of
 * line. */
#if defined(__GNUC__) || defined(__clang__)
#define OIP_ALWAYS_INLINE __attribute__((always_inline))
#else
#define OIP_ALWAYS_INLINE
#endif

/*
 * Check a string argument: NULL or empty is an error when required, it
 * may hold at most max bytes, and no control character (C0, DEL, or C1 in
 * UTF-8). At most max + 1 bytes of s are read. On error the path is
 * "prefix.field".
 */
oi_status oip_check_string(const char *s, size_t max, int required, oi_error *err,
                           const char *prefix, const char *field);

/* strlen bounded by max (strnlen is not C99). */
size_t oip_strnlen(const char *s, size_t max);

/*
 * The same check, and the string's length into *len, in one scan. This
 * inline part finds the length with memchr() (at most max + 1 bytes read)
 * and looks at the bytes for control characters sixteen (or eight) at a
 * time without reading past them; only a string that fails, or may hold a
 * control character, goes through oip_check_string(), which says why.
 */
static inline oi_status oip_check_string_len(const char *s, size_t max, int required,
                                             oi_error *err, const char *prefix,
                                             const char *field, size_t *len);

/* 8, 4 and 2 bytes at p, in the machine's order: a load, not a call. */
static inline uint64_t oip_load64(const void *p)
{
  uint64_t w;
  memcpy(&w, p, sizeof w);
  return w;
}

static inline uint32_t oip_load32(const void *p)
{
  uint32_t w;
  memcpy(&w, p, sizeof w);
  return w;
}

/* The n bytes at a and at b are equal: eight at a time (the last eight
 * overlapping), reading the n bytes of each and no other. */
OIP_ALWAYS_INLINE static inline int oip_bytes_equal(const void *a, const void *b, size_t n)
{
  const unsigned char *x = (const unsigned char *)a, *y = (const unsigned char *)b;
  size_t i;

  if (n >= 8) {
    for (i = 0; i + 8 < n; i += 8)
      if (oip_load64(x + i) != oip_load64(y + i))
        return 0;
    return oip_load64(x + n - 8) == oip_load64(y + n - 8);
  }
  if (n >= 4)
    return oip_load32(x) == oip_load32(y) && oip_load32(x + n - 4) == oip_load32(y + n - 4);
  for (i = 0; i < n; i++)
    if (x[i] != y[i])
      return 0;
  return 1;
}

#define OIP_BYTES(b) (UINT64_C(0x0101010101010101) * (b))

/* Bit 7 of a byte of the result is set for some byte of w below 0x20, or
 * equal to 0x7F or 0xC2 (the first byte of a C1 control, and of other
 * characters: a hint, checked exactly after), and only if there is one. */
OIP_ALWAYS_INLINE static inline uint64_t oip_control_suspects(uint64_t w)
{
  const uint64_t d = w ^ OIP_BYTES(0x7f), c = w ^ OIP_BYTES(0xc2);

  return (((w - OIP_BYTES(0x20)) & ~w) | ((d - OIP_BYTES(1)) & ~d) | ((c - OIP_BYTES(1)) & ~c)) &
         OIP_BYTES(0x80);
}

#if defined(__SSE2__)
/* The same for sixteen bytes: a mask of the suspect ones. */
OIP_ALWAYS_INLINE static inline int oip_control_suspects16(__m128i v)
{
  const __m128i low = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v);
  const __m128i del = _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f));
  const __m128i c2 = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xc2));

  return _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(low, del), c2));
}
#endif

/* Whether the n bytes at u may hold a control character. Reads the n
 * bytes and no other: words that overlap rather than a word past the end. */
OIP_ALWAYS_INLINE static inline int oip_may_hold_control(const unsigned char *u, size_t n)
{
  if (n >= 8) {
#if defined(__SSE2__)
    size_t i;
    int any = 0;

    if (n <= 16)
      return oip_control_suspects16(_mm_set_epi64x((long long)oip_load64(u + n - 8),
                                                   (long long)oip_load64(u))) != 0;
    for (i = 0; i + 16 <= n; i += 16)
      any |= oip_control_suspects16(_mm_loadu_si128((const __m128i *)(const void *)(u + i)));
    if (i < n)
      any |= oip_control_suspects16(
          _mm_loadu_si128((const __m128i *)(const void *)(u + n - 16)));
    return any != 0;
#else
    uint64_t any = 0;
    size_t i;

    for (i = 0; i + 8 <= n; i += 8)
      any |= oip_control_suspects(oip_load64(u + i));
    if (i < n)
      any |= oip_control_suspects(oip_load64(u + n - 8));
    return any != 0;
#endif
  }
  if (n >= 4)
    return oip_control_suspects((uint64_t)oip_load32(u) |
                                (uint64_t)oip_load32(u + n - 4) << 32) != 0;
  if (n > 0) /* the first, middle and last bytes, padded with letters */
    return oip_control_suspects(OIP_BYTES(0x61) << 24 | (uint64_t)u[0] |
                                (uint64_t)u[n >> 1] << 8 | (uint64_t)u[n - 1] << 16) != 0;
  return 0;
}

static inline oi_status oip_check_string_len(const char *s, size_t max, int required,
                                             oi_error *err, const char *prefix,
                                             const char *field, size_t *len)
{
  if (s != NULL) {
    const char *end = (const char *)memchr(s, '\0', max + 1);

    if (end != NULL && (end != s || !required) &&
        !oip_may_hold_control((const unsigned char *)s, (size_t)(end - s))) {
      *len = (size_t)(end - s);
      return OI_OK;
    }
  }
  *len = s != NULL ? oip_strnlen(s, max + 1) : 0;
  return oip_check_string(s, max, required, err, prefix, field);
}

/* Copy src (known to be at most size - 1 bytes) into dst. */
void oip_copy(char *dst, size_t size, const char *src);

/*
 * The key a city is matched by (P1): lower case, surrounding space removed,
 * and a trailing ", ST" (a two-letter state or province) dropped, so that
 * "Las Vegas, NV" and "las vegas" match. Writes at most size - 1 bytes and
 * NUL; returns the key's length.
 */
size_t oip_city_key(const char *city, char *key, size_t size);

/* ASCII case-insensitive equality. */
int oip_equal_nocase(const char *a, const char *b);

#endif
