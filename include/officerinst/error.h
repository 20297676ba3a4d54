/**
 * @file officerinst/error.h
 * @brief Status codes and the caller-provided error structure.
 *
 * Every fallible function returns an ::oi_status and, when it fails and the
 * caller passed a non-NULL ::oi_error, fills that structure with what was
 * wrong. A failing call changes nothing else: outputs and objects keep the
 * values they had before the call. On success the error structure is left
 * untouched.
 */
#ifndef OFFICERINST_ERROR_H
#define OFFICERINST_ERROR_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup oi_error Errors
 *  @{ */

/** Result of a call. The values are stable and will never be renumbered. */
typedef enum oi_status {
  OI_OK = 0,           /**< Success. */
  OI_EINVAL = -1,      /**< An argument is invalid: NULL, out of range, negative money, too long. */
  OI_EDATE = -2,       /**< Not a valid calendar date or time of day. */
  OI_ENOTFOUND = -3,   /**< Unknown identifier: session, course, request, built-in year. */
  OI_EEXISTS = -4,     /**< The identifier is already in use. */
  OI_ENOMEM = -5,      /**< Out of memory. */
  OI_ESTATE = -6,      /**< Not allowed in the object's current state. */
  OI_EPARSE = -7,      /**< A document is not well-formed (syntax). */
  OI_ESCHEMA = -8,     /**< A document is well-formed but does not describe a valid object. */
  OI_EMISMATCH = -9,   /**< A snapshot was made under a different policy. */
  OI_ELIMIT = -10,     /**< Input exceeds a size, depth or length limit. */
  OI_EIO = -11         /**< An operating-system I/O call failed. */
} oi_status;

/** Size of ::oi_error::message, including the terminating NUL. */
#define OI_ERROR_MESSAGE_SIZE 256
/** Size of ::oi_error::path, including the terminating NUL. */
#define OI_ERROR_PATH_SIZE 128

/**
 * What went wrong in a failed call. Owned by the caller (usually on the
 * stack); the library only writes into it.
 */
typedef struct oi_error {
  oi_status status;  /**< The status the call returned. */
  int line;          /**< 1-based line in a document, or 0 when not about a document. */
  int column;        /**< 1-based column in a document, or 0. */
  size_t position;   /**< Byte offset in a document, or 0. */
  /** Path of the offending field or argument, e.g. "sessions[2].first_day"
   *  or "request.local.district"; empty when not applicable. */
  char path[OI_ERROR_PATH_SIZE];
  /** Human-readable explanation, always NUL-terminated. */
  char message[OI_ERROR_MESSAGE_SIZE];
} oi_error;

/**
 * Reset an error structure to "no error" (status ::OI_OK, empty strings).
 * @param err  caller-owned; NULL is ignored.
 */
OI_EXTERN void oi_error_clear(oi_error *err);

/**
 * The symbolic name of a status, e.g. "OI_EINVAL".
 * @return a static string; "OI_UNKNOWN" for a value that is not a status.
 */
OI_EXTERN const char *oi_status_name(oi_status status);

/**
 * A short description of a status, e.g. "invalid argument".
 * @return a static string; never NULL.
 */
OI_EXTERN const char *oi_status_describe(oi_status status);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* OFFICERINST_ERROR_H */
