/*
 * Calendar dates: validation, day numbers and their arithmetic, text form.
 *
 * Day numbers use the proleptic Gregorian calendar (Howard Hinnant's
 * days_from_civil / civil_from_days), so date arithmetic is exact and needs
 * no table and no floating point.
 */
#include <stdio.h>
#include <string.h>

#include "officerinst/date.h"
#include "date_private.h"
#include "error_private.h"
#include "strutil.h"

/* Day numbers of 0001-01-01 and 9999-12-31: the range a date may take. */
#define DAYS_MIN (-719162)
#define DAYS_MAX 2932896

static int is_leap(int year)
{
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int oi_days_in_month(int year, int month)
{
  static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (year < OI_YEAR_MIN || year > OI_YEAR_MAX || month < 1 || month > 12)
    return 0;
  if (month == 2 && is_leap(year))
    return 29;
  return days[month - 1];
}

int oi_date_is_valid(oi_date d)
{
  const int n = oi_days_in_month(d.year, d.month);
  return n > 0 && d.day >= 1 && d.day <= n;
}

int oi_date_is_none(oi_date d)
{
  return d.year == 0 && d.month == 0 && d.day == 0;
}

int oi_datetime_is_valid(oi_datetime t)
{
  return oi_date_is_valid(t.date) && t.hour >= 0 && t.hour <= 23 && t.minute >= 0 &&
         t.minute <= 59 && t.second >= 0 && t.second <= 59;
}

oi_status oi_date_check(oi_date d, oi_error *err)
{
  if (d.year < OI_YEAR_MIN || d.year > OI_YEAR_MAX)
    return oip_fail_expect(err, OI_EDATE, OI_EXPECT_DATE, NULL, NULL,
                           "year %d is outside %d..%d", d.year, OI_YEAR_MIN, OI_YEAR_MAX);
  if (d.month < 1 || d.month > 12)
    return oip_fail_expect(err, OI_EDATE, OI_EXPECT_DATE, NULL, NULL,
                           "month %d is outside 1..12", d.month);
  if (d.day < 1 || d.day > oi_days_in_month(d.year, d.month))
    return oip_fail_expect(err, OI_EDATE, OI_EXPECT_DATE, NULL, NULL,
                           "%04d-%02d has no day %d (it has %d days)", d.year, d.month, d.day,
                           oi_days_in_month(d.year, d.month));
  return OI_OK;
}

int32_t oip_days(oi_date d)
{
  const int y = d.year - (d.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int mp = d.month > 2 ? d.month - 3 : d.month + 9;
  const int doy = (153 * mp + 2) / 5 + d.day - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

  return (int32_t)(era * 146097 + doe - 719468);
}

oi_date oip_date_of_days(int32_t days)
{
  const int32_t z = days + 719468;
  const int32_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int32_t doe = z - era * 146097;
  const int32_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int32_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int32_t mp = (5 * doy + 2) / 153;
  const int32_t month = mp < 10 ? mp + 3 : mp - 9;
  oi_date d;

  d.year = (int)(yoe + era * 400 + (month <= 2 ? 1 : 0));
  d.month = (int)month;
  d.day = (int)(doy - (153 * mp + 2) / 5 + 1);
  return d;
}

oi_status oi_date_to_days(oi_date d, int32_t *out, oi_error *err)
{
  oi_status st;

  if (out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, "out", "the output pointer is NULL");
  st = oi_date_check(d, err);
  if (st != OI_OK)
    return st;
  *out = oip_days(d);
  return OI_OK;
}

oi_status oi_date_from_days(int32_t days, oi_date *out, oi_error *err)
{
  if (out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, "out", "the output pointer is NULL");
  if (days < DAYS_MIN || days > DAYS_MAX)
    return oip_fail(err, OI_EDATE, NULL, NULL,
                    "day number %ld is outside years %d..%d", (long)days, OI_YEAR_MIN,
                    OI_YEAR_MAX);
  *out = oip_date_of_days(days);
  return OI_OK;
}

oi_status oi_date_add_days(oi_date d, int32_t n, oi_date *out, oi_error *err)
{
  oi_status st;
  int64_t days;

  if (out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, "out", "the output pointer is NULL");
  st = oi_date_check(d, err);
  if (st != OI_OK)
    return st;
  days = (int64_t)oip_days(d) + n;
  if (days < DAYS_MIN || days > DAYS_MAX)
    return oip_fail(err, OI_EDATE, NULL, NULL,
                    "%04d-%02d-%02d plus %ld days is outside years %d..%d", d.year, d.month,
                    d.day, (long)n, OI_YEAR_MIN, OI_YEAR_MAX);
  *out = oip_date_of_days((int32_t)days);
  return OI_OK;
}

oi_status oi_date_diff(oi_date from, oi_date to, int32_t *out, oi_error *err)
{
  oi_status st;

  if (out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, "out", "the output pointer is NULL");
  st = oi_date_check(from, err);
  if (st == OI_OK)
    st = oi_date_check(to, err);
  if (st != OI_OK)
    return st;
  *out = oip_days(to) - oip_days(from);
  return OI_OK;
}

static int compare_int(int a, int b)
{
  return (a > b) - (a < b);
}

int oi_date_compare(oi_date a, oi_date b)
{
  if (a.year != b.year)
    return compare_int(a.year, b.year);
  if (a.month != b.month)
    return compare_int(a.month, b.month);
  return compare_int(a.day, b.day);
}

int oi_datetime_compare(oi_datetime a, oi_datetime b)
{
  const int c = oi_date_compare(a.date, b.date);

  if (c != 0)
    return c;
  if (a.hour != b.hour)
    return compare_int(a.hour, b.hour);
  if (a.minute != b.minute)
    return compare_int(a.minute, b.minute);
  return compare_int(a.second, b.second);
}

/* Read exactly n ASCII digits; -1 if any is not a digit. */
static int read_digits(const char *s, int n)
{
  int v = 0, i;

  for (i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

/* Parse "YYYY-MM-DD" at s without requiring the end of the string. */
static int scan_date(const char *s, oi_date *d)
{
  if (oip_strnlen(s, 10) < 10 || s[4] != '-' || s[7] != '-')
    return 0;
  d->year = read_digits(s, 4);
  d->month = read_digits(s + 5, 2);
  d->day = read_digits(s + 8, 2);
  return d->year >= 0 && d->month >= 0 && d->day >= 0;
}

oi_status oi_date_parse(const char *text, oi_date *out, oi_error *err)
{
  oi_date d;
  oi_status st;

  if (text == NULL || out == NULL)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, NULL, text == NULL ? "text" : "out",
                           "the %s pointer is NULL", text == NULL ? "text" : "output");
  if (!scan_date(text, &d) || text[10] != '\0')
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_DATE, NULL, NULL,
                           "\"%.40s\" is not a date written YYYY-MM-DD", text);
  st = oi_date_check(d, err);
  if (st != OI_OK)
    return st;
  *out = d;
  return OI_OK;
}

/* Read one or two digits of an hour; -1 when there are none. */
static int read_hour(const char *s, size_t *used)
{
  if (s[0] < '0' || s[0] > '9')
    return -1;
  if (s[1] >= '0' && s[1] <= '9') {
    *used = 2;
    return (s[0] - '0') * 10 + (s[1] - '0');
  }
  *used = 1;
  return s[0] - '0';
}

oi_status oi_datetime_parse(const char *text, oi_datetime *out, oi_error *err)
{
  oi_datetime t;
  const char *p;
  size_t used = 0;
  oi_status st;

  if (text == NULL || out == NULL)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, NULL, text == NULL ? "text" : "out",
                           "the %s pointer is NULL", text == NULL ? "text" : "output");
  memset(&t, 0, sizeof t);
  if (!scan_date(text, &t.date))
    goto shape;
  p = text + 10;
  if (*p == '\0')
    goto check;
  /* ISO 8601's T (or t), or the space people and spreadsheets write; the
   * hour may have one digit ("9:05"), the seconds may be left out. */
  if (*p != 'T' && *p != 't' && *p != ' ')
    goto shape;
  t.hour = read_hour(p + 1, &used);
  if (t.hour < 0)
    goto shape;
  p += 1 + used;
  if (p[0] != ':' || (t.minute = read_digits(p + 1, 2)) < 0)
    goto shape;
  p += 3;
  if (p[0] == ':') {
    if ((t.second = read_digits(p + 1, 2)) < 0)
      goto shape;
    p += 3;
  }
  if (*p != '\0')
    goto shape;
check:
  st = oi_date_check(t.date, err);
  if (st != OI_OK) {
    oip_error_set_expect(err, OI_EXPECT_DATETIME);
    return st;
  }
  if (!oi_datetime_is_valid(t))
    return oip_fail_expect(err, OI_EDATE, OI_EXPECT_DATETIME, NULL, NULL,
                           "%02d:%02d:%02d is not a time of day", t.hour, t.minute, t.second);
  *out = t;
  return OI_OK;
shape:
  return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_DATETIME, NULL, NULL,
                         "\"%.40s\" is not a moment written YYYY-MM-DDTHH:MM[:SS] (or with a "
                         "space for the T, or YYYY-MM-DD for midnight); no time zone",
                         text);
}

int oi_date_format(oi_date d, char *buf, size_t size)
{
  if (!oi_date_is_valid(d) || (buf == NULL && size > 0))
    return -1;
  return snprintf(buf, size, "%04d-%02d-%02d", d.year, d.month, d.day);
}

int oi_datetime_format(oi_datetime t, char *buf, size_t size)
{
  if (!oi_datetime_is_valid(t) || (buf == NULL && size > 0))
    return -1;
  return snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d", t.date.year, t.date.month,
                  t.date.day, t.hour, t.minute, t.second);
}
