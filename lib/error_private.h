/*
 * Private: filling the caller's oi_error. Not installed.
 */
#ifndef OFFICERINST_ERROR_PRIVATE_H
#define OFFICERINST_ERROR_PRIVATE_H

#include "officerinst/error.h"

#if defined(__GNUC__) || defined(__clang__)
#  define OIP_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define OIP_PRINTF(f, a)
/*
 * Copy an error about one element of an array into err, its path rebased:
 * "request.local.district" about element 3 becomes "requests[3].local.district".
 */
oi_status oip_fail_element(oi_error *err, const oi_error *element, const char *array,
                           size_t index);

#endif

/*
 * Record a failure in err (when err is not NULL) and return status, so a
 * function can say `return oip_fail(...)`. The path is "prefix.field" (either
 * part may be NULL or empty). Formatting happens only on this error path.
 */
oi_status oip_fail(oi_error *err, oi_status status, const char *prefix,
                   const char *field, const char *fmt, ...) OIP_PRINTF(5, 6);

/* The same, for a position in a document (1-based line and column). */
oi_status oip_fail_at(oi_error *err, oi_status status, int line, int column,
                      size_t position, const char *path, const char *fmt, ...)
    OIP_PRINTF(7, 8);

/*
 * Copy an error about one element of an array into err, its path rebased:
 * "request.local.district" about element 3 becomes "requests[3].local.district".
 */
oi_status oip_fail_element(oi_error *err, const oi_error *element, const char *array,
                           size_t index);

#endif
