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
/** Size of ::oi_error::path and ::oi_error::field, including the terminating NUL. */
#define OI_ERROR_PATH_SIZE 128
/** Size of ::oi_error::suggestion, including the terminating NUL. */
#define OI_ERROR_SUGGESTION_SIZE 64
/** ::oi_error::index when the error is not about one element of an array. */
#define OI_ERROR_NO_INDEX ((size_t)-1)

/**
 * What a failed call expected where it found something else: a stable code
 * that bindings and tools can act on without reading the message (which is
 * for people and may be reworded). Values are stable and will never be
 * renumbered; new ones may be added.
 */
typedef enum oi_expect {
  OI_EXPECT_NONE = 0,         /**< Nothing more specific than the status. */
  OI_EXPECT_VALUE = 1,        /**< A value: a non-NULL pointer, a member that is missing. */
  OI_EXPECT_OBJECT = 2,       /**< A JSON object. */
  OI_EXPECT_ARRAY = 3,        /**< A JSON array. */
  OI_EXPECT_STRING = 4,       /**< A string (with no NUL character). */
  OI_EXPECT_INTEGER = 5,      /**< An integer. */
  OI_EXPECT_BOOLEAN = 6,      /**< true or false (0 or 1 in C). */
  OI_EXPECT_RANGE = 7,        /**< A number within its documented bounds. */
  OI_EXPECT_LENGTH = 8,       /**< A non-empty string no longer than its limit. */
  OI_EXPECT_FIELD = 9,        /**< A member the format defines (an unknown one was given). */
  OI_EXPECT_UNIQUE = 10,      /**< An id not already in use. */
  OI_EXPECT_SYNTAX = 11,      /**< Well-formed JSON. */
  OI_EXPECT_FORMAT = 12,      /**< The document's format name and version. */
  OI_EXPECT_LIMIT = 13,       /**< Input within a size, depth or count limit. */
  OI_EXPECT_PRINTABLE = 14,   /**< Printable text: no control character in an id or name. */
  OI_EXPECT_VERSION = 15,     /**< A structure's layout version the library knows (doc/abi.md). */
  OI_EXPECT_DATE = 20,        /**< A date, "YYYY-MM-DD" (oi_date_parse()). */
  OI_EXPECT_DATETIME = 21,    /**< A moment, "YYYY-MM-DDTHH:MM:SS" (oi_datetime_parse()). */
  OI_EXPECT_MONEY = 22,       /**< An amount of money, "$250,000.00" (oi_money_parse()). */
  OI_EXPECT_COUNTRY = 23,     /**< A country (oi_country_parse()). */
  OI_EXPECT_LM_FORM = 24,     /**< An LM form (oi_lm_form_parse()). */
  OI_EXPECT_OFFICE = 25,      /**< An office (oi_office_parse()). */
  OI_EXPECT_COURSE_KIND = 26, /**< A kind of course (oi_course_kind_parse()). */
  OI_EXPECT_OUTCOME = 27,     /**< An outcome (oi_outcome_parse()). */
  OI_EXPECT_CLAUSE = 28,      /**< A clause id (oi_clause_parse()). */
  OI_EXPECT_REASON_CODE = 29, /**< A reason code (oi_reason_code_parse()). */
  OI_EXPECT_SEVERITY = 30,    /**< A severity (oi_severity_parse()). */
  OI_EXPECT_EVENT_TYPE = 31,  /**< An event type (oi_event_type_parse()). */
  OI_EXPECT_STATUS = 32,      /**< A status name (oi_status_parse()). */
  OI_EXPECT_SESSION = 40,     /**< The id of a session of the policy. */
  OI_EXPECT_COURSE = 41,      /**< The id of a course of the policy. */
  OI_EXPECT_POLICY = 42       /**< A document made for this policy (its id and digest). */
} oi_expect;

/**
 * What went wrong in a failed call. Owned by the caller (usually on the
 * stack); the library only writes into it. It has no version: its layout
 * is fixed for as long as the major ABI (doc/abi.md), and any detail a
 * later library gives will come through functions, not new members.
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
  /* The members below carry, as data, what the path and the message say,
   * for programs; they follow the older ones so that code written for the
   * older structure still compiles. */
  /** The element of the batch or of the document's array the error is
   *  about (3 for "requests[3].local.district"), or ::OI_ERROR_NO_INDEX. */
  size_t index;
  /** The offending field within that element, or within the argument when
   *  there is no element: "local.district" for "requests[3].local.district"
   *  and for "request.local.district", "first_day" for
   *  "sessions[2].first_day"; empty when the element or argument as a whole
   *  is at fault. */
  char field[OI_ERROR_PATH_SIZE];
  /** What was expected there (::OI_EXPECT_NONE when nothing more specific
   *  than the status can be said). */
  oi_expect expected;
  /** The spelling probably meant, when an unknown name (a field, a session
   *  or course id, an enumerated value) is close to exactly one known
   *  name; empty otherwise. The message says it too ("did you mean ..."). */
  char suggestion[OI_ERROR_SUGGESTION_SIZE];
} oi_error;

/**
 * Reset an error structure to "no error" (status ::OI_OK, empty strings,
 * ::OI_ERROR_NO_INDEX, ::OI_EXPECT_NONE).
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

/**
 * The name of an expectation in lower case, e.g. "session" for
 * ::OI_EXPECT_SESSION, "lm_form" for ::OI_EXPECT_LM_FORM.
 * @return a static string, or NULL for a value that is not an expectation.
 */
OI_EXTERN const char *oi_expect_name(oi_expect expected);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* OFFICERINST_ERROR_H */
