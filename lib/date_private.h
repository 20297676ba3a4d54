/*
 * Private: day numbers without validation, for rules that have already
 * validated their dates. Not installed.
 */
#ifndef OFFICERINST_DATE_PRIVATE_H
#define OFFICERINST_DATE_PRIVATE_H

#include <stdint.h>
#include "officerinst/date.h"
#include "strutil.h"

/* Days since 1970-01-01 of a date already known to be valid. */
int32_t oip_days(oi_date d);

/* The same, inline: for a valid date the year is at least 1, so the years
 * before it are counted with no era and no negative division (March-based
 * years, as in oip_days(), so that a leap day ends its year). */
OIP_ALWAYS_INLINE static inline int32_t oip_days_inline(oi_date d)
{
  const unsigned y = (unsigned)d.year - (d.month <= 2 ? 1u : 0u);
  const unsigned mp = d.month > 2 ? (unsigned)d.month - 3u : (unsigned)d.month + 9u;
  const unsigned doy = (153u * mp + 2u) / 5u + (unsigned)d.day - 1u;

  return (int32_t)(365u * y + y / 4u - y / 100u + y / 400u + doy) - 719468;
}

/* The date of a day number already known to lie in years 1..9999. */
oi_date oip_date_of_days(int32_t days);

#endif
