/**
 * @file officerinst/types.h
 * @brief Plain value types: locals, officers, graduations, applications and
 *        subsidy requests (clauses U1, U2).
 *
 * These structures belong to the caller. Their string and array members are
 * borrowed: the library reads them during a call and keeps no pointer to them
 * afterwards (a ledger copies what it keeps). Enumeration values are stable and
 * will never be renumbered.
 *
 * Each structure the caller fills begins with a version: initialise it with
 * its `_INIT` macro (or its `_init()` function) before setting members, so
 * that a program compiled against these headers keeps working when a later
 * library adds members (doc/abi.md). A version of 0, or one newer than the
 * library knows, is ::OI_EINVAL naming the member ("request.local.version").
 */
#ifndef OFFICERINST_TYPES_H
#define OFFICERINST_TYPES_H

#include "common.h"
#include "date.h"
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup oi_types Value types
 *  @{ */

/** Country of a local (U1). */
typedef enum oi_country {
  OI_COUNTRY_US = 1,  /**< United States (and its territories). */
  OI_COUNTRY_CA = 2   /**< Canada. */
} oi_country;

/** The bit of a country in a countries mask (::oi_session::countries). */
#define OI_COUNTRY_BIT(c) (1u << (unsigned)(c))

/** U.S. Department of Labor financial report a local files (S2). */
typedef enum oi_lm_form {
  OI_LM_NONE = 0,  /**< Files no form (or none on record). */
  OI_LM_2 = 2,     /**< Form LM-2 (large treasuries). */
  OI_LM_3 = 3,     /**< Form LM-3. */
  OI_LM_4 = 4      /**< Form LM-4. */
} oi_lm_form;

/** Office an officer currently holds in the local (U2). */
typedef enum oi_office {
  OI_OFFICE_NONE = 0,
  OI_OFFICE_PRESIDENT = 1,
  OI_OFFICE_VICE_PRESIDENT = 2,
  OI_OFFICE_SECRETARY = 3,
  OI_OFFICE_TREASURER = 4,
  OI_OFFICE_SECRETARY_TREASURER = 5,
  OI_OFFICE_BUSINESS_AGENT = 6,
  OI_OFFICE_RECORDING_SECRETARY = 7,
  OI_OFFICE_OTHER = 8
} oi_office;

/** Number of districts the locals are divided into (U1); districts are 1..13. */
#define OI_DISTRICT_COUNT 13

/** Layout version of ::oi_local these headers declare. */
#define OI_LOCAL_VERSION 1

/** A local union (U1). */
typedef struct oi_local {
  unsigned int version;    /**< ::OI_LOCAL_VERSION, set by ::OI_LOCAL_INIT. */
  uint32_t number;         /**< Local number, at least 1. */
  const char *name;        /**< Borrowed, non-empty, at most ::OI_NAME_MAX bytes. */
  oi_country country;      /**< ::OI_COUNTRY_US or ::OI_COUNTRY_CA. */
  int district;            /**< 1..::OI_DISTRICT_COUNT. */
  oi_lm_form lm_form;      /**< U.S. locals: the form filed (S2). Ignored for Canadian locals. */
  int receipts_known;      /**< Canadian locals: 1 if gross yearly receipts are on record (S2). */
  int64_t receipts_cents;  /**< Gross yearly receipts in cents, >= 0; read only when receipts_known. */
} oi_local;

/** Initialiser of an ::oi_local: every member 0 or NULL but its version. */
#define OI_LOCAL_INIT { OI_LOCAL_VERSION, 0, NULL, (oi_country)0, 0, OI_LM_NONE, 0, 0 }

/** A graduation from an Officer Institute 1.0 the officer claims (P1).
 *  A value pair, like ::oi_date, with no version: its layout is fixed for
 *  as long as the library's major ABI (doc/abi.md), so arrays of it are
 *  plain C arrays. */
typedef struct oi_graduation {
  /** Borrowed, non-empty, at most ::OI_NAME_MAX bytes: a city ("Toronto",
   *  "Denver, CO") or the id of a 1.0 session of the policy's catalogue. */
  const char *site;
  /** Day of graduation, or {0, 0, 0} when undated. */
  oi_date date;
} oi_graduation;

/** Layout version of ::oi_officer these headers declare. */
#define OI_OFFICER_VERSION 1

/** An officer of a local. */
typedef struct oi_officer {
  unsigned int version;    /**< ::OI_OFFICER_VERSION, set by ::OI_OFFICER_INIT. */
  /** Borrowed, non-empty, at most ::OI_ID_MAX bytes: the stable identity
   *  used to count subsidies per officer (S9). */
  const char *id;
  /** Borrowed, may be NULL; at most ::OI_NAME_MAX bytes. */
  const char *name;
  /** The office held now (P2 reads the current office). */
  oi_office office;
  /** Borrowed array of @ref graduation_count graduations; may be NULL when the count is 0. */
  const oi_graduation *graduations;
  /** Number of graduations, at most ::OI_GRADUATIONS_MAX. */
  size_t graduation_count;
} oi_officer;

/** Initialiser of an ::oi_officer: every member 0 or NULL but its version. */
#define OI_OFFICER_INIT { OI_OFFICER_VERSION, NULL, NULL, OI_OFFICE_NONE, NULL, 0 }

/** Most graduations one officer may claim in a request. */
#define OI_GRADUATIONS_MAX 64

/** Layout version of ::oi_application these headers declare. It covers the
 *  layouts of the ::oi_local and ::oi_officer it holds: a member added to
 *  either is a new version of this structure too. */
#define OI_APPLICATION_VERSION 1

/** An officer's regular application to a course at a session (E1, P1, P2). */
typedef struct oi_application {
  unsigned int version;    /**< ::OI_APPLICATION_VERSION, set by ::OI_APPLICATION_INIT. */
  const char *session_id;  /**< Borrowed: a session of the policy. */
  const char *course_id;   /**< Borrowed: a course offered at that session. */
  oi_local local;          /**< The officer's local. */
  oi_officer officer;      /**< The applicant. */
} oi_application;

/** Initialiser of an ::oi_application, its local and its officer. */
#define OI_APPLICATION_INIT { OI_APPLICATION_VERSION, NULL, NULL, OI_LOCAL_INIT, OI_OFFICER_INIT }

/** Layout version of ::oi_subsidy_request these headers declare; like
 *  ::OI_APPLICATION_VERSION, it covers the local and officer it holds. */
#define OI_SUBSIDY_REQUEST_VERSION 1

/** A request for a hotel subsidy (S1-S11). */
typedef struct oi_subsidy_request {
  unsigned int version;    /**< ::OI_SUBSIDY_REQUEST_VERSION, set by ::OI_SUBSIDY_REQUEST_INIT. */
  /** Borrowed, at most ::OI_ID_MAX bytes: the request's id. Required
   *  (non-empty) by a ledger, which names requests by it; may be NULL for a
   *  stateless check. */
  const char *id;
  const char *session_id;  /**< Borrowed: the 1.0 session applied to. */
  oi_local local;          /**< The officer's local. */
  oi_officer officer;      /**< The officer who would attend. */
  /** When the request was received (S4, S6). A receipt more than a year
   *  before the policy's first session begins (before the same day a year
   *  earlier; 28 February for 29 February) is not plausible: ::OI_EINVAL
   *  naming "received", rather than first place in every waitlist. */
  oi_datetime received;
  int nights;              /**< Nights of lodging requested, at least 1 (S3). */
  int attested;            /**< 1 if the local attests it falls within the S2 category. */
  int with_application;    /**< 1 if submitted together with the regular application (S8). */
  int application_signed;  /**< 1 if the application is signed by an authorized Executive Board representative (S8). */
  int request_signed;      /**< 1 if the subsidy request is so signed (S8). */
} oi_subsidy_request;

/** Initialiser of an ::oi_subsidy_request, its local and its officer. */
#define OI_SUBSIDY_REQUEST_INIT                                                          \
  { OI_SUBSIDY_REQUEST_VERSION, NULL, NULL, OI_LOCAL_INIT, OI_OFFICER_INIT,              \
    { { 0, 0, 0 }, 0, 0, 0 }, 0, 0, 0, 0, 0 }

/**
 * Initialise a structure of the given layout version: every member 0 or
 * NULL, and the version set (for the structures it holds, theirs too). For
 * bindings and programs that cannot use the `_INIT` macros.
 * @param out      caller-owned.
 * @param version  a layout version the library knows, normally the
 *                 header's (::OI_LOCAL_VERSION, ...).
 * @return ::OI_OK, or ::OI_EINVAL (NULL, or a version the library does not
 *         know; then nothing is written).
 */
OI_EXTERN oi_status oi_local_init(oi_local *out, unsigned int version, oi_error *err);
/** As oi_local_init(). */
OI_EXTERN oi_status oi_officer_init(oi_officer *out, unsigned int version, oi_error *err);
/** As oi_local_init(). */
OI_EXTERN oi_status oi_application_init(oi_application *out, unsigned int version,
                                        oi_error *err);
/** As oi_local_init(). */
OI_EXTERN oi_status oi_subsidy_request_init(oi_subsidy_request *out, unsigned int version,
                                            oi_error *err);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* OFFICERINST_TYPES_H */
