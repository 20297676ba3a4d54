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
#endif

/*
 * Record a failure in err (when err is not NULL) and return status, so a
 * function can say `return oip_fail(...)`. The path is "prefix.field" (either
 * part may be NULL or empty) and the error's field is field. Formatting
 * happens only on this error path.
 */
oi_status oip_fail(oi_error *err, oi_status status, const char *prefix,
                   const char *field, const char *fmt, ...) OIP_PRINTF(5, 6);

/* The same, saying what was expected (err->expected). */
oi_status oip_fail_expect(oi_error *err, oi_status status, oi_expect expected,
                          const char *prefix, const char *field, const char *fmt, ...)
    OIP_PRINTF(6, 7);

/* The same, for a position in a document (1-based line and column); the
 * error's field is the path until oip_error_set_element() says otherwise. */
oi_status oip_fail_at(oi_error *err, oi_status status, int line, int column,
                      size_t position, const char *path, const char *fmt, ...)
    OIP_PRINTF(7, 8);

/*
 * Copy an error about one element of an array into err, its path rebased:
 * "request.local.district" (field "local.district") about element 3 becomes
 * "requests[3].local.district", with index 3.
 */
oi_status oip_fail_element(oi_error *err, const oi_error *element, const char *array,
                           size_t index);

/* Set the structured parts of an error already filled (err may be NULL). */
void oip_error_set_expect(oi_error *err, oi_expect expected);
void oip_error_set_element(oi_error *err, size_t index, const char *field);
void oip_error_set_suggestion(oi_error *err, const char *suggestion);

#endif
