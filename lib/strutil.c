/*
 * Bounded strings and city names.
 */
#include <string.h>

#include "strutil.h"
#include "error_private.h"

size_t oip_strnlen(const char *s, size_t max)
{
  const char *end = memchr(s, '\0', max);
  return end != NULL ? (size_t)(end - s) : max;
}

/* The code point of a control character starting at u (C0, DEL, or C1 in
 * UTF-8: 0xC2 0x80..0x9F), or 0. u[0] is not NUL, so u[1] may be read. */
static unsigned control_at(const unsigned char *u)
{
  if (u[0] < 0x20 || u[0] == 0x7f)
    return u[0];
  if (u[0] == 0xc2 && u[1] >= 0x80 && u[1] <= 0x9f)
    return u[1];
  return 0;
}

/* Whether the n bytes at u may hold a control character (strutil.h). */
static int may_hold_control(const unsigned char *u, size_t n)
{
  return oip_may_hold_control(u, n);
}

oi_status oip_check_string(const char *s, size_t max, int required, oi_error *err,
                           const char *prefix, const char *field)
{
  const unsigned char *u = (const unsigned char *)s;
  size_t i, n;

  if (s == NULL) {
    if (required)
      return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, prefix, field,
                             "is NULL; a value is required");
    return OI_OK;
  }
  if (required && s[0] == '\0')
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_LENGTH, prefix, field,
                           "is empty; a value is required");
  /* At most max + 1 bytes are read: the caller's buffer need not be
   * terminated past them. */
  n = oip_strnlen(s, max + 1);
  if (n > max)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_LENGTH, prefix, field,
                           "is longer than %zu bytes", max);
  if (!may_hold_control(u, n))
    return OI_OK;
  for (i = 0; i < n; i++) {
    const unsigned c = control_at(&u[i]);

    if (c != 0)
      return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_PRINTABLE, prefix, field,
                             "holds the control character U+%04X at byte %zu; ids and names "
                             "are printable text",
                             c, i);
  }
  return OI_OK;
}

void oip_copy(char *dst, size_t size, const char *src)
{
  const size_t n = oip_strnlen(src, size - 1);

  memcpy(dst, src, n);
  dst[n] = '\0';
}

static int is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_alpha(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower(char c)
{
  return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

size_t oip_city_key(const char *city, char *key, size_t size)
{
  const char *begin = city, *end;
  size_t n, i;

  while (is_space(*begin))
    begin++;
  end = begin + strlen(begin);
  while (end > begin && is_space(end[-1]))
    end--;
  /* A trailing ", ST": comma, optional spaces, exactly two letters. */
  if (end - begin >= 3 && is_alpha(end[-1]) && is_alpha(end[-2])) {
    const char *p = end - 2;
    while (p > begin && is_space(p[-1]))
      p--;
    if (p > begin && p[-1] == ',') {
      end = p - 1;
      while (end > begin && is_space(end[-1]))
        end--;
    }
  }
  n = (size_t)(end - begin);
  if (n > size - 1)
    n = size - 1;
  for (i = 0; i < n; i++)
    key[i] = lower(begin[i]);
  key[n] = '\0';
  return n;
}

int oip_equal_nocase(const char *a, const char *b)
{
  while (*a != '\0' && lower(*a) == lower(*b)) {
    a++;
    b++;
  }
  return lower(*a) == lower(*b);
}
