/*
 * Private: day numbers without validation, for rules that have already
 * validated their dates. Not installed.
 */
#ifndef OFFICERINST_DATE_PRIVATE_H
#define OFFICERINST_DATE_PRIVATE_H

#include <stdint.h>
#include "officerinst/date.h"

/* Days since 1970-01-01 of a date already known to be valid. */
int32_t oip_days(oi_date d);

/* The date of a day number already known to lie in years 1..9999. */
oi_date oip_date_of_days(int32_t days);

#endif
