/**
 * @file officerinst/date.h
 * @brief Calendar dates and times of receipt (proleptic Gregorian, no time zone).
 *
 * The library never reads the clock: every date a rule needs comes in its
 * arguments, so a decision can be replayed exactly.
 */
#ifndef OFFICERINST_DATE_H
#define OFFICERINST_DATE_H

#include "common.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup oi_date Dates
 *  @{ */

/** Smallest year a date may carry. */
#define OI_YEAR_MIN 1
/** Largest year a date may carry. */
#define OI_YEAR_MAX 9999

/**
 * A calendar date. Valid when year is in [::OI_YEAR_MIN, ::OI_YEAR_MAX],
 * month in 1..12 and day within the month (February 29 only in leap years).
 * The all-zero value {0, 0, 0} means "no date" where a field says so.
 */
typedef struct oi_date {
  int year;   /**< 1..9999 */
  int month;  /**< 1..12 */
  int day;    /**< 1..28/29/30/31 */
} oi_date;

/**
 * A moment of receipt: a date and a time of day (local time of the office
 * that received the request; no time zone is implied).
 */
typedef struct oi_datetime {
  oi_date date;  /**< The day of receipt. */
  int hour;      /**< 0..23 */
  int minute;    /**< 0..59 */
  int second;    /**< 0..59 */
} oi_datetime;

/** @return 1 if @p d is a valid calendar date, else 0. */
OI_EXTERN int oi_date_is_valid(oi_date d);

/** @return 1 if @p d is the "no date" value {0, 0, 0}, else 0. */
OI_EXTERN int oi_date_is_none(oi_date d);

/** @return 1 if @p t has a valid date and time of day, else 0. */
OI_EXTERN int oi_datetime_is_valid(oi_datetime t);

/**
 * Check a date, saying what is wrong with it.
 * @param d    the date.
 * @param err  caller-owned, may be NULL.
 * @return ::OI_OK or ::OI_EDATE.
 */
OI_EXTERN oi_status oi_date_check(oi_date d, oi_error *err);

/** @return the number of days in @p month of @p year, or 0 if either is out of range. */
OI_EXTERN int oi_days_in_month(int year, int month);

/**
 * Day number of a date: days since 1970-01-01 (negative before it).
 * @param d    the date.
 * @param out  caller-owned; written only on success.
 * @param err  caller-owned, may be NULL.
 * @return ::OI_OK, ::OI_EDATE for an invalid date, ::OI_EINVAL if @p out is NULL.
 */
OI_EXTERN oi_status oi_date_to_days(oi_date d, int32_t *out, oi_error *err);

/**
 * The date of a day number (days since 1970-01-01).
 * @return ::OI_OK, ::OI_EDATE if the result falls outside years 1..9999,
 *         ::OI_EINVAL if @p out is NULL.
 */
OI_EXTERN oi_status oi_date_from_days(int32_t days, oi_date *out, oi_error *err);

/**
 * @p d plus @p n days (n may be negative).
 * @return ::OI_OK, ::OI_EDATE if @p d is invalid or the result is out of range,
 *         ::OI_EINVAL if @p out is NULL.
 */
OI_EXTERN oi_status oi_date_add_days(oi_date d, int32_t n, oi_date *out, oi_error *err);

/**
 * Days from @p from to @p to (positive when @p to is later).
 * @return ::OI_OK, ::OI_EDATE if either date is invalid, ::OI_EINVAL if @p out is NULL.
 */
OI_EXTERN oi_status oi_date_diff(oi_date from, oi_date to, int32_t *out, oi_error *err);

/** Order two dates field by field: negative, zero or positive like strcmp. */
OI_EXTERN int oi_date_compare(oi_date a, oi_date b);

/** Order two moments: negative, zero or positive like strcmp. */
OI_EXTERN int oi_datetime_compare(oi_datetime a, oi_datetime b);

/**
 * Parse a date written "YYYY-MM-DD" (exactly; no surrounding space).
 * @param text  NUL-terminated, borrowed.
 * @param out   caller-owned; written only on success.
 * @return ::OI_OK, ::OI_EINVAL (NULL argument or wrong shape), ::OI_EDATE (no such day).
 */
OI_EXTERN oi_status oi_date_parse(const char *text, oi_date *out, oi_error *err);

/**
 * Parse a moment written "YYYY-MM-DDTHH:MM:SS", "YYYY-MM-DDTHH:MM" (second
 * 0) or "YYYY-MM-DD" (midnight). A space (or a lower-case t) may replace the
 * T, and the hour may have one digit ("2017-01-03 9:05"). No time zone is
 * accepted (none is implied: see ::oi_datetime), nor fractions of a second.
 * @return ::OI_OK, ::OI_EINVAL (NULL argument or wrong shape), ::OI_EDATE (no such moment).
 */
OI_EXTERN oi_status oi_datetime_parse(const char *text, oi_datetime *out, oi_error *err);

/** Size of a buffer that holds any formatted date ("YYYY-MM-DD" and NUL). */
#define OI_DATE_STRING_SIZE 11
/** Size of a buffer that holds any formatted moment ("YYYY-MM-DDTHH:MM:SS" and NUL). */
#define OI_DATETIME_STRING_SIZE 20

/**
 * Write @p d as "YYYY-MM-DD" into @p buf, truncating like snprintf.
 * @param buf   caller-owned, @p size bytes (may be NULL when size is 0).
 * @return the length the full text needs (10), or -1 if @p d is invalid.
 */
OI_EXTERN int oi_date_format(oi_date d, char *buf, size_t size);

/**
 * Write @p t as "YYYY-MM-DDTHH:MM:SS" into @p buf, truncating like snprintf.
 * @return the length the full text needs (19), or -1 if @p t is invalid.
 */
OI_EXTERN int oi_datetime_format(oi_datetime t, char *buf, size_t size);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* OFFICERINST_DATE_H */
