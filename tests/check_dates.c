/*
 * tests/check_dates.c -- calendar dates and moments of receipt (date.h).
 *
 * S6 counts days ("received on or before first day - 42 days"), so the day
 * arithmetic is the ground every deadline stands on. Day numbers are checked
 * against tu_days(), an independent implementation in testutil.h.
 */
#include "testutil.h"

/* ------------------------------------------------------------------------ */
/* Validity                                                                 */

START_TEST(test_dates_feb_29_2016_is_valid_leap_day)
{
  ck_assert_int_eq(oi_date_is_valid(tu_date(2016, 2, 29)), 1);
}
END_TEST

START_TEST(test_dates_feb_29_2017_is_invalid_common_year)
{
  ck_assert_int_eq(oi_date_is_valid(tu_date(2017, 2, 29)), 0);
}
END_TEST

START_TEST(test_dates_feb_29_2000_is_valid_divisible_by_400)
{
  ck_assert_int_eq(oi_date_is_valid(tu_date(2000, 2, 29)), 1);
}
END_TEST

START_TEST(test_dates_feb_29_1900_is_invalid_divisible_by_100)
{
  ck_assert_int_eq(oi_date_is_valid(tu_date(1900, 2, 29)), 0);
}
END_TEST

START_TEST(test_dates_feb_30_is_invalid_even_in_leap_year)
{
  ck_assert_int_eq(oi_date_is_valid(tu_date(2016, 2, 30)), 0);
  ck_assert_int_eq(oi_date_is_valid(tu_date(2017, 2, 30)), 0);
}
END_TEST

START_TEST(test_dates_month_0_and_13_are_invalid)
{
  ck_assert_int_eq(oi_date_is_valid(tu_date(2017, 0, 1)), 0);
  ck_assert_int_eq(oi_date_is_valid(tu_date(2017, 13, 1)), 0);
  ck_assert_int_eq(oi_date_is_valid(tu_date(2017, -1, 1)), 0);
  ck_assert_int_eq(oi_date_is_valid(tu_date(2017, 1, 1)), 1);
  ck_assert_int_eq(oi_date_is_valid(tu_date(2017, 12, 1)), 1);
}
END_TEST

START_TEST(test_dates_day_0_and_day_after_month_end_are_invalid)
{
  ck_assert_int_eq(oi_date_is_valid(tu_date(2017, 1, 0)), 0);
  ck_assert_int_eq(oi_date_is_valid(tu_date(2017, 1, -1)), 0);
  ck_assert_int_eq(oi_date_is_valid(tu_date(2017, 1, 31)), 1);
  ck_assert_int_eq(oi_date_is_valid(tu_date(2017, 1, 32)), 0);
  ck_assert_int_eq(oi_date_is_valid(tu_date(2017, 4, 30)), 1);
  ck_assert_int_eq(oi_date_is_valid(tu_date(2017, 4, 31)), 0);
}
END_TEST

START_TEST(test_dates_year_0_and_10000_are_invalid_1_and_9999_valid)
{
  ck_assert_int_eq(oi_date_is_valid(tu_date(0, 1, 1)), 0);
  ck_assert_int_eq(oi_date_is_valid(tu_date(10000, 1, 1)), 0);
  ck_assert_int_eq(oi_date_is_valid(tu_date(-1, 1, 1)), 0);
  ck_assert_int_eq(oi_date_is_valid(tu_date(OI_YEAR_MIN, 1, 1)), 1);
  ck_assert_int_eq(oi_date_is_valid(tu_date(OI_YEAR_MAX, 12, 31)), 1);
}
END_TEST

START_TEST(test_dates_every_day_of_400_years_valid_iff_within_month)
{
  /* One full Gregorian cycle, every (month, day) pair from day 0 to 32. */
  int y, m, d;
  for (y = 2000; y < 2400; y++)
    for (m = 1; m <= 12; m++)
      for (d = 0; d <= 32; d++) {
        int expected = d >= 1 && d <= tu_month_days(y, m);
        ck_assert_msg(oi_date_is_valid(tu_date(y, m, d)) == expected,
                      "%04d-%02d-%02d: expected valid=%d", y, m, d, expected);
      }
}
END_TEST

START_TEST(test_dates_none_is_all_zero_and_not_valid)
{
  ck_assert_int_eq(oi_date_is_none(tu_date(0, 0, 0)), 1);
  ck_assert_int_eq(oi_date_is_valid(tu_date(0, 0, 0)), 0);
  ck_assert_int_eq(oi_date_is_none(tu_date(2017, 1, 1)), 0);
  ck_assert_int_eq(oi_date_is_none(tu_date(0, 0, 1)), 0);
  ck_assert_int_eq(oi_date_is_none(tu_date(0, 1, 0)), 0);
}
END_TEST

START_TEST(test_dates_days_in_month_february_28_or_29_and_out_of_range_0)
{
  ck_assert_int_eq(oi_days_in_month(2016, 2), 29);
  ck_assert_int_eq(oi_days_in_month(2017, 2), 28);
  ck_assert_int_eq(oi_days_in_month(1900, 2), 28);
  ck_assert_int_eq(oi_days_in_month(2000, 2), 29);
  ck_assert_int_eq(oi_days_in_month(2017, 1), 31);
  ck_assert_int_eq(oi_days_in_month(2017, 4), 30);
  ck_assert_int_eq(oi_days_in_month(2017, 12), 31);
  ck_assert_int_eq(oi_days_in_month(2017, 0), 0);
  ck_assert_int_eq(oi_days_in_month(2017, 13), 0);
  ck_assert_int_eq(oi_days_in_month(0, 1), 0);
  ck_assert_int_eq(oi_days_in_month(10000, 1), 0);
}
END_TEST

START_TEST(test_dates_check_feb_30_is_edate_with_message)
{
  oi_error e;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_date_check(tu_date(2017, 2, 30), &e), OI_EDATE);
  ck_assert_int_eq(e.status, OI_EDATE);
  ck_assert_msg(e.message[0] != '\0', "no message");
  ck_assert_int_eq(oi_date_check(tu_date(2017, 2, 30), NULL), OI_EDATE);
  ck_assert_int_eq(oi_date_check(tu_date(2017, 2, 28), NULL), OI_OK);
}
END_TEST

START_TEST(test_dates_datetime_valid_times_00_00_00_to_23_59_59)
{
  ck_assert_int_eq(oi_datetime_is_valid(tu_dt(2017, 1, 2, 0, 0, 0)), 1);
  ck_assert_int_eq(oi_datetime_is_valid(tu_dt(2017, 1, 2, 23, 59, 59)), 1);
  ck_assert_int_eq(oi_datetime_is_valid(tu_dt(2017, 1, 2, 24, 0, 0)), 0);
  ck_assert_int_eq(oi_datetime_is_valid(tu_dt(2017, 1, 2, 23, 60, 0)), 0);
  ck_assert_int_eq(oi_datetime_is_valid(tu_dt(2017, 1, 2, 23, 59, 60)), 0);
  ck_assert_int_eq(oi_datetime_is_valid(tu_dt(2017, 1, 2, -1, 0, 0)), 0);
  ck_assert_int_eq(oi_datetime_is_valid(tu_dt(2017, 2, 29, 12, 0, 0)), 0);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Day numbers                                                              */

START_TEST(test_dates_epoch_1970_01_01_is_day_0)
{
  int32_t n = 12345;
  ck_assert_int_eq(oi_date_to_days(tu_date(1970, 1, 1), &n, NULL), OI_OK);
  ck_assert_int_eq(n, 0);
  ck_assert_int_eq(oi_date_to_days(tu_date(1969, 12, 31), &n, NULL), OI_OK);
  ck_assert_int_eq(n, -1);
  /* 47 years of 365 days and 12 leap days (1972..2016). */
  ck_assert_int_eq(oi_date_to_days(tu_date(2017, 1, 1), &n, NULL), OI_OK);
  ck_assert_int_eq(n, 47 * 365 + 12);
}
END_TEST

START_TEST(test_dates_round_trip_every_day_from_year_1_to_9999)
{
  int32_t first = (int32_t)tu_days(1, 1, 1);
  int32_t last = (int32_t)tu_days(9999, 12, 31);
  int32_t n;
  oi_date expect = tu_date(1, 1, 1);

  for (n = first; n <= last; n++) {
    oi_date d;
    int32_t back = 0;
    ck_assert_msg(oi_date_from_days(n, &d, NULL) == OI_OK, "from_days(%d) failed", (int)n);
    ck_assert_msg(d.year == expect.year && d.month == expect.month && d.day == expect.day,
                  "from_days(%d) = %04d-%02d-%02d, expected %04d-%02d-%02d", (int)n, d.year,
                  d.month, d.day, expect.year, expect.month, expect.day);
    ck_assert_msg(oi_date_to_days(d, &back, NULL) == OI_OK && back == n,
                  "to_days(%04d-%02d-%02d) = %d, expected %d", d.year, d.month, d.day,
                  (int)back, (int)n);
    /* next calendar day, computed without the library */
    if (++expect.day > tu_month_days(expect.year, expect.month)) {
      expect.day = 1;
      if (++expect.month > 12) {
        expect.month = 1;
        expect.year++;
      }
    }
  }
}
END_TEST

START_TEST(test_dates_to_days_matches_independent_computation)
{
  static const int samples[][3] = {
    { 1, 1, 1 }, { 1582, 10, 15 }, { 1899, 12, 31 }, { 1900, 3, 1 }, { 2000, 2, 29 },
    { 2000, 3, 1 }, { 2016, 2, 29 }, { 2017, 1, 2 }, { 2017, 2, 13 }, { 2017, 12, 31 },
    { 2038, 1, 19 }, { 9999, 12, 31 }
  };
  size_t i;
  for (i = 0; i < sizeof samples / sizeof samples[0]; i++) {
    int32_t n = 0;
    oi_date d = tu_date(samples[i][0], samples[i][1], samples[i][2]);
    ck_assert_int_eq(oi_date_to_days(d, &n, NULL), OI_OK);
    ck_assert_int_eq(n, tu_days_of(d));
  }
}
END_TEST

START_TEST(test_dates_from_days_before_year_1_or_after_9999_is_edate)
{
  oi_date d = tu_date(1234, 5, 6);
  oi_error e;
  memset(&e, 0, sizeof e);
  ck_assert_int_eq(oi_date_from_days((int32_t)tu_days(1, 1, 1) - 1, &d, &e), OI_EDATE);
  ck_assert_int_eq(e.status, OI_EDATE);
  ck_assert_int_eq(oi_date_from_days((int32_t)tu_days(9999, 12, 31) + 1, &d, NULL), OI_EDATE);
  ck_assert_int_eq(oi_date_from_days(INT32_MIN, &d, NULL), OI_EDATE);
  ck_assert_int_eq(oi_date_from_days(INT32_MAX, &d, NULL), OI_EDATE);
  /* written only on success */
  ck_assert_int_eq(d.year, 1234);
  ck_assert_int_eq(d.month, 5);
  ck_assert_int_eq(d.day, 6);
}
END_TEST

START_TEST(test_dates_to_days_of_invalid_date_is_edate_and_null_out_einval)
{
  int32_t n = 777;
  ck_assert_int_eq(oi_date_to_days(tu_date(2017, 2, 29), &n, NULL), OI_EDATE);
  ck_assert_int_eq(n, 777);
  ck_assert_int_eq(oi_date_to_days(tu_date(0, 0, 0), &n, NULL), OI_EDATE);
  ck_assert_int_eq(n, 777);
  ck_assert_int_eq(oi_date_to_days(tu_date(2017, 2, 28), NULL, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_date_from_days(0, NULL, NULL), OI_EINVAL);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Adding days                                                              */

static void assert_add(int y, int m, int d, int32_t n, int ey, int em, int ed)
{
  oi_date out = tu_date(-7, -7, -7);
  oi_status st = oi_date_add_days(tu_date(y, m, d), n, &out, NULL);
  ck_assert_msg(st == OI_OK, "%04d-%02d-%02d %+d: status %d", y, m, d, (int)n, (int)st);
  ck_assert_msg(out.year == ey && out.month == em && out.day == ed,
                "%04d-%02d-%02d %+d = %04d-%02d-%02d, expected %04d-%02d-%02d", y, m, d, (int)n,
                out.year, out.month, out.day, ey, em, ed);
}

START_TEST(test_dates_add_1_day_crosses_month_end)
{
  assert_add(2017, 1, 31, 1, 2017, 2, 1);
  assert_add(2017, 4, 30, 1, 2017, 5, 1);
  assert_add(2017, 2, 1, -1, 2017, 1, 31);
}
END_TEST

START_TEST(test_dates_add_1_day_crosses_year_end)
{
  assert_add(2016, 12, 31, 1, 2017, 1, 1);
  assert_add(2017, 1, 1, -1, 2016, 12, 31);
}
END_TEST

START_TEST(test_dates_add_1_day_to_feb_28_gives_29_in_leap_year_mar_1_otherwise)
{
  assert_add(2016, 2, 28, 1, 2016, 2, 29);
  assert_add(2016, 2, 29, 1, 2016, 3, 1);
  assert_add(2017, 2, 28, 1, 2017, 3, 1);
  assert_add(2016, 3, 1, -1, 2016, 2, 29);
  assert_add(2017, 3, 1, -1, 2017, 2, 28);
  assert_add(2000, 2, 28, 1, 2000, 2, 29);
  assert_add(1900, 2, 28, 1, 1900, 3, 1);
}
END_TEST

START_TEST(test_dates_add_366_days_over_leap_year_and_365_over_common)
{
  assert_add(2016, 1, 1, 366, 2017, 1, 1);
  assert_add(2017, 1, 1, 365, 2018, 1, 1);
  assert_add(2017, 1, 1, -366, 2016, 1, 1);
}
END_TEST

START_TEST(test_dates_minus_42_days_gives_the_2017_s6_deadlines)
{
  /* POLICY.md S6: OI-2017-MD by 2017-01-02, OI-2017-CO by 2017-03-27,
   * OI-2017-FL by 2017-09-04. */
  assert_add(2017, 2, 13, -42, 2017, 1, 2);
  assert_add(2017, 5, 8, -42, 2017, 3, 27);
  assert_add(2017, 10, 16, -42, 2017, 9, 4);
}
END_TEST

START_TEST(test_dates_add_0_days_is_identity)
{
  assert_add(2016, 2, 29, 0, 2016, 2, 29);
}
END_TEST

START_TEST(test_dates_add_beyond_year_9999_or_before_year_1_is_edate)
{
  oi_date out = tu_date(1111, 1, 1);
  ck_assert_int_eq(oi_date_add_days(tu_date(9999, 12, 31), 1, &out, NULL), OI_EDATE);
  ck_assert_int_eq(oi_date_add_days(tu_date(1, 1, 1), -1, &out, NULL), OI_EDATE);
  ck_assert_int_eq(oi_date_add_days(tu_date(2017, 1, 1), INT32_MAX, &out, NULL), OI_EDATE);
  ck_assert_int_eq(oi_date_add_days(tu_date(2017, 1, 1), INT32_MIN, &out, NULL), OI_EDATE);
  ck_assert_int_eq(out.year, 1111);
  assert_add(9999, 12, 30, 1, 9999, 12, 31);
  assert_add(1, 1, 2, -1, 1, 1, 1);
}
END_TEST

START_TEST(test_dates_add_to_invalid_date_is_edate_null_out_einval)
{
  oi_date out = tu_date(1111, 1, 1);
  ck_assert_int_eq(oi_date_add_days(tu_date(2017, 2, 29), 1, &out, NULL), OI_EDATE);
  ck_assert_int_eq(out.year, 1111);
  ck_assert_int_eq(oi_date_add_days(tu_date(2017, 2, 28), 1, NULL, NULL), OI_EINVAL);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Differences and order                                                    */

START_TEST(test_dates_diff_2017_01_02_to_2017_02_13_is_42)
{
  int32_t n = 0;
  ck_assert_int_eq(oi_date_diff(tu_date(2017, 1, 2), tu_date(2017, 2, 13), &n, NULL), OI_OK);
  ck_assert_int_eq(n, 42);
  ck_assert_int_eq(oi_date_diff(tu_date(2017, 2, 13), tu_date(2017, 1, 2), &n, NULL), OI_OK);
  ck_assert_int_eq(n, -42);
  ck_assert_int_eq(oi_date_diff(tu_date(2017, 1, 3), tu_date(2017, 2, 13), &n, NULL), OI_OK);
  ck_assert_int_eq(n, 41);
}
END_TEST

START_TEST(test_dates_diff_same_day_is_0_and_over_leap_year_366)
{
  int32_t n = 9;
  ck_assert_int_eq(oi_date_diff(tu_date(2016, 2, 29), tu_date(2016, 2, 29), &n, NULL), OI_OK);
  ck_assert_int_eq(n, 0);
  ck_assert_int_eq(oi_date_diff(tu_date(2016, 1, 1), tu_date(2017, 1, 1), &n, NULL), OI_OK);
  ck_assert_int_eq(n, 366);
  ck_assert_int_eq(oi_date_diff(tu_date(1, 1, 1), tu_date(9999, 12, 31), &n, NULL), OI_OK);
  ck_assert_int_eq(n, tu_days(9999, 12, 31) - tu_days(1, 1, 1));
}
END_TEST

START_TEST(test_dates_diff_with_invalid_date_is_edate_null_out_einval)
{
  int32_t n = 5;
  ck_assert_int_eq(oi_date_diff(tu_date(2017, 2, 30), tu_date(2017, 3, 1), &n, NULL), OI_EDATE);
  ck_assert_int_eq(oi_date_diff(tu_date(2017, 3, 1), tu_date(2017, 13, 1), &n, NULL), OI_EDATE);
  ck_assert_int_eq(n, 5);
  ck_assert_int_eq(oi_date_diff(tu_date(2017, 3, 1), tu_date(2017, 3, 2), NULL, NULL),
                   OI_EINVAL);
}
END_TEST

START_TEST(test_dates_compare_orders_by_year_then_month_then_day)
{
  ck_assert_int_eq(oi_date_compare(tu_date(2017, 1, 2), tu_date(2017, 1, 2)), 0);
  ck_assert_int_lt(oi_date_compare(tu_date(2017, 1, 2), tu_date(2017, 1, 3)), 0);
  ck_assert_int_gt(oi_date_compare(tu_date(2017, 1, 3), tu_date(2017, 1, 2)), 0);
  ck_assert_int_lt(oi_date_compare(tu_date(2017, 1, 31), tu_date(2017, 2, 1)), 0);
  ck_assert_int_lt(oi_date_compare(tu_date(2016, 12, 31), tu_date(2017, 1, 1)), 0);
  ck_assert_int_gt(oi_date_compare(tu_date(2018, 1, 1), tu_date(2017, 12, 31)), 0);
}
END_TEST

START_TEST(test_dates_datetime_compare_same_day_orders_by_time_of_day)
{
  ck_assert_int_eq(oi_datetime_compare(tu_dt(2017, 1, 2, 9, 0, 0), tu_dt(2017, 1, 2, 9, 0, 0)),
                   0);
  ck_assert_int_lt(oi_datetime_compare(tu_dt(2017, 1, 2, 9, 0, 0), tu_dt(2017, 1, 2, 9, 0, 1)),
                   0);
  ck_assert_int_lt(oi_datetime_compare(tu_dt(2017, 1, 2, 9, 59, 59), tu_dt(2017, 1, 2, 10, 0, 0)),
                   0);
  ck_assert_int_gt(oi_datetime_compare(tu_dt(2017, 1, 2, 0, 0, 0),
                                       tu_dt(2017, 1, 1, 23, 59, 59)), 0);
}
END_TEST

/* ------------------------------------------------------------------------ */
/* Parsing and formatting                                                   */

static void assert_parse_ok(const char *text, int y, int m, int d)
{
  oi_date out = tu_date(-1, -1, -1);
  oi_status st = oi_date_parse(text, &out, NULL);
  ck_assert_msg(st == OI_OK, "parse(\"%s\"): status %d", text, (int)st);
  ck_assert_msg(out.year == y && out.month == m && out.day == d,
                "parse(\"%s\") = %d-%d-%d", text, out.year, out.month, out.day);
}

static void assert_parse_fails(const char *text, oi_status expected)
{
  oi_date out = tu_date(1111, 11, 11);
  oi_error e;
  oi_status st;
  memset(&e, 0, sizeof e);
  st = oi_date_parse(text, &out, &e);
  ck_assert_msg(st == expected, "parse(\"%s\"): status %d, expected %d", text ? text : "(null)",
                (int)st, (int)expected);
  ck_assert_int_eq(e.status, expected);
  ck_assert_msg(e.message[0] != '\0', "parse(\"%s\"): no message", text ? text : "(null)");
  ck_assert_msg(out.year == 1111 && out.month == 11 && out.day == 11,
                "parse(\"%s\") wrote its output on failure", text ? text : "(null)");
}

START_TEST(test_dates_parse_yyyy_mm_dd)
{
  assert_parse_ok("2017-02-13", 2017, 2, 13);
  assert_parse_ok("2016-02-29", 2016, 2, 29);
  assert_parse_ok("0001-01-01", 1, 1, 1);
  assert_parse_ok("9999-12-31", 9999, 12, 31);
}
END_TEST

START_TEST(test_dates_parse_one_digit_month_2017_2_13_is_einval)
{
  assert_parse_fails("2017-2-13", OI_EINVAL);
  assert_parse_fails("2017-02-3", OI_EINVAL);
  assert_parse_fails("17-02-13", OI_EINVAL);
}
END_TEST

START_TEST(test_dates_parse_trailing_garbage_2017_02_13x_is_einval)
{
  assert_parse_fails("2017-02-13x", OI_EINVAL);
  assert_parse_fails("2017-02-13 ", OI_EINVAL);
  assert_parse_fails("2017-02-13T00:00:00", OI_EINVAL);
}
END_TEST

START_TEST(test_dates_parse_leading_space_or_sign_is_einval)
{
  assert_parse_fails(" 2017-02-13", OI_EINVAL);
  assert_parse_fails("2017- 2-13", OI_EINVAL);
  assert_parse_fails("2017-+2-13", OI_EINVAL);
  assert_parse_fails("+2017-02-13", OI_EINVAL);
  assert_parse_fails("2017/02/13", OI_EINVAL);
  assert_parse_fails("2017-0a-13", OI_EINVAL);
}
END_TEST

START_TEST(test_dates_parse_empty_string_is_einval)
{
  assert_parse_fails("", OI_EINVAL);
}
END_TEST

START_TEST(test_dates_parse_null_text_or_null_out_is_einval)
{
  oi_date out;
  assert_parse_fails(NULL, OI_EINVAL);
  ck_assert_int_eq(oi_date_parse("2017-02-13", NULL, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_date_parse(NULL, &out, NULL), OI_EINVAL);
}
END_TEST

START_TEST(test_dates_parse_well_shaped_but_no_such_day_is_edate)
{
  assert_parse_fails("2017-02-29", OI_EDATE);
  assert_parse_fails("2017-02-30", OI_EDATE);
  assert_parse_fails("2017-13-01", OI_EDATE);
  assert_parse_fails("2017-00-10", OI_EDATE);
  assert_parse_fails("2017-01-00", OI_EDATE);
  assert_parse_fails("0000-01-01", OI_EDATE);
}
END_TEST

START_TEST(test_dates_format_writes_yyyy_mm_dd_and_returns_10)
{
  char buf[OI_DATE_STRING_SIZE];
  ck_assert_int_eq(oi_date_format(tu_date(2017, 2, 13), buf, sizeof buf), 10);
  ck_assert_str_eq(buf, "2017-02-13");
  ck_assert_int_eq(oi_date_format(tu_date(1, 1, 1), buf, sizeof buf), 10);
  ck_assert_str_eq(buf, "0001-01-01");
}
END_TEST

START_TEST(test_dates_format_size_0_null_buf_returns_10)
{
  ck_assert_int_eq(oi_date_format(tu_date(2017, 2, 13), NULL, 0), 10);
}
END_TEST

START_TEST(test_dates_format_truncates_to_size_minus_1_and_nul_terminates)
{
  char buf[8];
  memset(buf, 'Z', sizeof buf);
  ck_assert_int_eq(oi_date_format(tu_date(2017, 2, 13), buf, 5), 10);
  ck_assert_str_eq(buf, "2017");
  ck_assert_int_eq(buf[5], 'Z');
  ck_assert_int_eq(oi_date_format(tu_date(2017, 2, 13), buf, 1), 10);
  ck_assert_str_eq(buf, "");
}
END_TEST

START_TEST(test_dates_format_invalid_date_returns_minus_1)
{
  char buf[OI_DATE_STRING_SIZE];
  ck_assert_int_eq(oi_date_format(tu_date(2017, 2, 29), buf, sizeof buf), -1);
  ck_assert_int_eq(oi_date_format(tu_date(0, 0, 0), buf, sizeof buf), -1);
}
END_TEST

START_TEST(test_dates_parse_of_format_round_trips_sampled_days)
{
  int32_t n;
  for (n = (int32_t)tu_days(1, 1, 1); n <= (int32_t)tu_days(9999, 12, 31); n += 997) {
    oi_date d, back;
    char buf[OI_DATE_STRING_SIZE];
    ck_assert_int_eq(oi_date_from_days(n, &d, NULL), OI_OK);
    ck_assert_int_eq(oi_date_format(d, buf, sizeof buf), 10);
    ck_assert_int_eq(oi_date_parse(buf, &back, NULL), OI_OK);
    ck_assert_int_eq(oi_date_compare(d, back), 0);
  }
}
END_TEST

static void assert_dt_parse_ok(const char *text, int y, int mo, int d, int h, int mi, int s)
{
  oi_datetime out = tu_dt(-1, -1, -1, -1, -1, -1);
  oi_status st = oi_datetime_parse(text, &out, NULL);
  ck_assert_msg(st == OI_OK, "datetime_parse(\"%s\"): status %d", text, (int)st);
  ck_assert_msg(out.date.year == y && out.date.month == mo && out.date.day == d &&
                    out.hour == h && out.minute == mi && out.second == s,
                "datetime_parse(\"%s\") = %d-%d-%d %d:%d:%d", text, out.date.year,
                out.date.month, out.date.day, out.hour, out.minute, out.second);
}

static void assert_dt_parse_fails(const char *text, oi_status expected)
{
  oi_datetime out = tu_dt(1111, 11, 11, 11, 11, 11);
  oi_error e;
  oi_status st;
  memset(&e, 0, sizeof e);
  st = oi_datetime_parse(text, &out, &e);
  ck_assert_msg(st == expected, "datetime_parse(\"%s\"): status %d, expected %d",
                text ? text : "(null)", (int)st, (int)expected);
  ck_assert_int_eq(e.status, expected);
  ck_assert_msg(e.message[0] != '\0', "no message");
  ck_assert_msg(out.date.year == 1111 && out.hour == 11 && out.second == 11,
                "datetime_parse(\"%s\") wrote its output on failure", text ? text : "(null)");
}

START_TEST(test_dates_datetime_parse_t_separator_with_seconds)
{
  assert_dt_parse_ok("2017-01-02T23:59:59", 2017, 1, 2, 23, 59, 59);
}
END_TEST

START_TEST(test_dates_datetime_parse_space_separator_with_seconds)
{
  assert_dt_parse_ok("2017-01-02 23:59:59", 2017, 1, 2, 23, 59, 59);
}
END_TEST

START_TEST(test_dates_datetime_parse_without_seconds_means_second_0)
{
  assert_dt_parse_ok("2017-01-02T09:05", 2017, 1, 2, 9, 5, 0);
  assert_dt_parse_ok("2017-01-02 09:05", 2017, 1, 2, 9, 5, 0);
}
END_TEST

START_TEST(test_dates_datetime_parse_one_digit_hour_and_lower_case_t)
{
  assert_dt_parse_ok("2017-01-02T9:05", 2017, 1, 2, 9, 5, 0);
  assert_dt_parse_ok("2017-01-02 9:05:07", 2017, 1, 2, 9, 5, 7);
  assert_dt_parse_ok("2017-01-02t09:05", 2017, 1, 2, 9, 5, 0);
  assert_dt_parse_ok("2017-01-02 0:00", 2017, 1, 2, 0, 0, 0);
}
END_TEST

START_TEST(test_dates_datetime_parse_date_alone_means_midnight)
{
  assert_dt_parse_ok("2017-01-02", 2017, 1, 2, 0, 0, 0);
}
END_TEST

START_TEST(test_dates_datetime_parse_hour_24_minute_60_second_60_are_edate)
{
  assert_dt_parse_fails("2017-01-02T24:00:00", OI_EDATE);
  assert_dt_parse_fails("2017-01-02T23:60:00", OI_EDATE);
  assert_dt_parse_fails("2017-01-02T23:59:60", OI_EDATE);
  assert_dt_parse_fails("2017-02-30T10:00:00", OI_EDATE);
  assert_dt_parse_fails("2017-02-29", OI_EDATE);
}
END_TEST

START_TEST(test_dates_datetime_parse_malformed_is_einval)
{
  assert_dt_parse_fails("", OI_EINVAL);
  assert_dt_parse_fails(NULL, OI_EINVAL);
  assert_dt_parse_fails("2017-01-02T", OI_EINVAL);
  assert_dt_parse_fails("2017-01-02X23:59:59", OI_EINVAL);
  assert_dt_parse_fails("2017-01-02T123:05", OI_EINVAL);
  assert_dt_parse_fails("2017-01-02T9:5", OI_EINVAL);
  assert_dt_parse_fails("2017-01-02T:05", OI_EINVAL);
  assert_dt_parse_fails("2017-01-02  9:05", OI_EINVAL);
  assert_dt_parse_fails("2017-01-02T09:05:07.5", OI_EINVAL);
  assert_dt_parse_fails("2017-01-02T09:05+01:00", OI_EINVAL);
  assert_dt_parse_fails("2017-01-02T23:59:59Z", OI_EINVAL);
  assert_dt_parse_fails("2017-01-02T23", OI_EINVAL);
  assert_dt_parse_fails("2017-1-02T23:59:59", OI_EINVAL);
  assert_dt_parse_fails(" 2017-01-02T23:59:59", OI_EINVAL);
  ck_assert_int_eq(oi_datetime_parse("2017-01-02T23:59:59", NULL, NULL), OI_EINVAL);
}
END_TEST

START_TEST(test_dates_datetime_format_writes_t_separated_and_returns_19)
{
  char buf[OI_DATETIME_STRING_SIZE];
  ck_assert_int_eq(oi_datetime_format(tu_dt(2017, 1, 2, 23, 59, 59), buf, sizeof buf), 19);
  ck_assert_str_eq(buf, "2017-01-02T23:59:59");
  ck_assert_int_eq(oi_datetime_format(tu_dt(2017, 1, 2, 0, 0, 0), buf, sizeof buf), 19);
  ck_assert_str_eq(buf, "2017-01-02T00:00:00");
  ck_assert_int_eq(oi_datetime_format(tu_dt(2017, 1, 2, 0, 0, 0), NULL, 0), 19);
  ck_assert_int_eq(oi_datetime_format(tu_dt(2017, 1, 2, 24, 0, 0), buf, sizeof buf), -1);
}
END_TEST

static Suite *dates_suite(void)
{
  Suite *s = suite_create("dates");
  TCase *tc = tcase_create("dates");

  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_dates_feb_29_2016_is_valid_leap_day);
  tcase_add_test(tc, test_dates_feb_29_2017_is_invalid_common_year);
  tcase_add_test(tc, test_dates_feb_29_2000_is_valid_divisible_by_400);
  tcase_add_test(tc, test_dates_feb_29_1900_is_invalid_divisible_by_100);
  tcase_add_test(tc, test_dates_feb_30_is_invalid_even_in_leap_year);
  tcase_add_test(tc, test_dates_month_0_and_13_are_invalid);
  tcase_add_test(tc, test_dates_day_0_and_day_after_month_end_are_invalid);
  tcase_add_test(tc, test_dates_year_0_and_10000_are_invalid_1_and_9999_valid);
  tcase_add_test(tc, test_dates_every_day_of_400_years_valid_iff_within_month);
  tcase_add_test(tc, test_dates_none_is_all_zero_and_not_valid);
  tcase_add_test(tc, test_dates_days_in_month_february_28_or_29_and_out_of_range_0);
  tcase_add_test(tc, test_dates_check_feb_30_is_edate_with_message);
  tcase_add_test(tc, test_dates_datetime_valid_times_00_00_00_to_23_59_59);
  tcase_add_test(tc, test_dates_epoch_1970_01_01_is_day_0);
  tcase_add_test(tc, test_dates_round_trip_every_day_from_year_1_to_9999);
  tcase_add_test(tc, test_dates_to_days_matches_independent_computation);
  tcase_add_test(tc, test_dates_from_days_before_year_1_or_after_9999_is_edate);
  tcase_add_test(tc, test_dates_to_days_of_invalid_date_is_edate_and_null_out_einval);
  tcase_add_test(tc, test_dates_add_1_day_crosses_month_end);
  tcase_add_test(tc, test_dates_add_1_day_crosses_year_end);
  tcase_add_test(tc, test_dates_add_1_day_to_feb_28_gives_29_in_leap_year_mar_1_otherwise);
  tcase_add_test(tc, test_dates_add_366_days_over_leap_year_and_365_over_common);
  tcase_add_test(tc, test_dates_minus_42_days_gives_the_2017_s6_deadlines);
  tcase_add_test(tc, test_dates_add_0_days_is_identity);
  tcase_add_test(tc, test_dates_add_beyond_year_9999_or_before_year_1_is_edate);
  tcase_add_test(tc, test_dates_add_to_invalid_date_is_edate_null_out_einval);
  tcase_add_test(tc, test_dates_diff_2017_01_02_to_2017_02_13_is_42);
  tcase_add_test(tc, test_dates_diff_same_day_is_0_and_over_leap_year_366);
  tcase_add_test(tc, test_dates_diff_with_invalid_date_is_edate_null_out_einval);
  tcase_add_test(tc, test_dates_compare_orders_by_year_then_month_then_day);
  tcase_add_test(tc, test_dates_datetime_compare_same_day_orders_by_time_of_day);
  tcase_add_test(tc, test_dates_parse_yyyy_mm_dd);
  tcase_add_test(tc, test_dates_parse_one_digit_month_2017_2_13_is_einval);
  tcase_add_test(tc, test_dates_parse_trailing_garbage_2017_02_13x_is_einval);
  tcase_add_test(tc, test_dates_parse_leading_space_or_sign_is_einval);
  tcase_add_test(tc, test_dates_parse_empty_string_is_einval);
  tcase_add_test(tc, test_dates_parse_null_text_or_null_out_is_einval);
  tcase_add_test(tc, test_dates_parse_well_shaped_but_no_such_day_is_edate);
  tcase_add_test(tc, test_dates_format_writes_yyyy_mm_dd_and_returns_10);
  tcase_add_test(tc, test_dates_format_size_0_null_buf_returns_10);
  tcase_add_test(tc, test_dates_format_truncates_to_size_minus_1_and_nul_terminates);
  tcase_add_test(tc, test_dates_format_invalid_date_returns_minus_1);
  tcase_add_test(tc, test_dates_parse_of_format_round_trips_sampled_days);
  tcase_add_test(tc, test_dates_datetime_parse_t_separator_with_seconds);
  tcase_add_test(tc, test_dates_datetime_parse_space_separator_with_seconds);
  tcase_add_test(tc, test_dates_datetime_parse_without_seconds_means_second_0);
  tcase_add_test(tc, test_dates_datetime_parse_one_digit_hour_and_lower_case_t);
  tcase_add_test(tc, test_dates_datetime_parse_date_alone_means_midnight);
  tcase_add_test(tc, test_dates_datetime_parse_hour_24_minute_60_second_60_are_edate);
  tcase_add_test(tc, test_dates_datetime_parse_malformed_is_einval);
  tcase_add_test(tc, test_dates_datetime_format_writes_t_separated_and_returns_19);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(dates_suite());
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
