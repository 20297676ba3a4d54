/*
 * Money as text: dollars and cents, read exactly into whole cents and
 * written back with thousands separators. No floating point anywhere: an
 * amount is two integers, dollars and cents, checked against INT64_MAX
 * before they are combined.
 */
#include <stdio.h>
#include <string.h>

#include "officerinst/vocab.h"
#include "error_private.h"

static int is_space(char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int is_digit(char c)
{
  return c >= '0' && c <= '9';
}

static oi_status bad(oi_error *err, const char *text, const char *why)
{
  return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_MONEY, NULL, NULL,
                         "\"%.40s\" is not an amount of money (%s); write dollars and "
                         "cents, e.g. \"$250,000.00\" or \"249999.99\"",
                         text, why);
}

oi_status oi_money_parse(const char *text, int64_t *out, oi_error *err)
{
  /* The largest magnitude: INT64_MAX cents, or one more when negative. */
  const uint64_t max = (uint64_t)INT64_MAX;
  const char *p, *end;
  uint64_t dollars = 0, cents = 0, limit, total;
  int negative = 0, digits = 0, group = -1, decimals = 0;

  if (text == NULL || out == NULL)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, NULL,
                           text == NULL ? "text" : "out", "the %s pointer is NULL",
                           text == NULL ? "text" : "output");
  p = text;
  end = text + strlen(text);
  while (p < end && is_space(*p))
    p++;
  while (end > p && is_space(end[-1]))
    end--;
  if (p == end)
    return bad(err, text, "it is empty");
  if (*p == '-') {
    negative = 1;
    p++;
  }
  if (p < end && *p == '$')
    p++;
  limit = negative ? max + 1 : max;
  /* Dollars: digits, optionally grouped by threes with commas. group counts
   * the digits since the last comma (-1: no comma seen yet). */
  for (; p < end && (is_digit(*p) || *p == ','); p++) {
    if (*p == ',') {
      if (digits == 0 || (group >= 0 && group != 3) || (group < 0 && digits > 3))
        return bad(err, text, "a misplaced thousands separator");
      group = 0;
      continue;
    }
    if (dollars > (limit / 100 - (uint64_t)(*p - '0')) / 10)
      return bad(err, text, "too large");
    dollars = dollars * 10 + (uint64_t)(*p - '0');
    digits++;
    if (group >= 0)
      group++;
  }
  if (group >= 0 && group != 3)
    return bad(err, text, "a misplaced thousands separator");
  if (p < end && *p == '.') {
    for (p++; p < end && is_digit(*p); p++) {
      if (++decimals > 2)
        return bad(err, text, "fractions of a cent");
      cents = cents * 10 + (uint64_t)(*p - '0');
    }
    if (decimals == 0)
      return bad(err, text, "no cents after the decimal point");
    if (decimals == 1)
      cents *= 10;
  }
  if (p != end)
    return bad(err, text, "an unexpected character");
  if (digits == 0 && decimals == 0)
    return bad(err, text, "no digits");
  total = dollars * 100;
  if (total > limit - cents)
    return bad(err, text, "too large");
  total += cents;
  /* -(INT64_MAX + 1) is INT64_MIN: negate in unsigned arithmetic. */
  *out = negative ? (total == max + 1 ? INT64_MIN : -(int64_t)total) : (int64_t)total;
  return OI_OK;
}

int oi_money_format(int64_t cents, char *buf, size_t size)
{
  char digits[24], text[OI_MONEY_STRING_SIZE];
  const uint64_t magnitude = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
  const int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)(magnitude / 100));
  size_t len = 0;
  int i;

  if (buf == NULL && size > 0)
    return -1;
  if (cents < 0)
    text[len++] = '-';
  text[len++] = '$';
  for (i = 0; i < n; i++) {
    if (i > 0 && (n - i) % 3 == 0)
      text[len++] = ',';
    text[len++] = digits[i];
  }
  snprintf(text + len, sizeof text - len, ".%02u", (unsigned)(magnitude % 100));
  return snprintf(buf, size, "%s", text);
}
