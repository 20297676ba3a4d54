/*
 * Private: bounded strings and city names. Not installed.
 */
#ifndef OFFICERINST_STRUTIL_H
#define OFFICERINST_STRUTIL_H

#include <stddef.h>
#include "officerinst/error.h"

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
