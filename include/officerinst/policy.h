/**
 * @file officerinst/policy.h
 * @brief The policy: courses, sessions, prior sites and the numbers of U3.
 *
 * A policy is an opaque, immutable object. Once built it is never modified,
 * so any number of threads may read one policy at the same time. It is made
 * by oi_policy_builtin() (the 2017 policy) or by a builder, and freed with
 * oi_policy_free(). Pointers a policy hands out (ids, names, course lists)
 * live as long as the policy.
 */
#ifndef OFFICERINST_POLICY_H
#define OFFICERINST_POLICY_H

#include "common.h"
#include "error.h"
#include "date.h"
#include "types.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup oi_policy Policy
 *  @{ */

/** An immutable policy (opaque). */
typedef struct oi_policy oi_policy;

/** A policy under construction (opaque). */
typedef struct oi_policy_builder oi_policy_builder;

/** Kind of a course: which clause defines it and so which rules apply. */
typedef enum oi_course_kind {
  OI_COURSE_INSTITUTE = 1,                 /**< Officer Institute 1.0 (C1); subsidized (S1). */
  OI_COURSE_ADVANCED_ORGANIZING = 2,       /**< Advanced Organizing 2.0 (C2); requires P1. */
  OI_COURSE_ADVANCED_SECRETARY_TREASURER = 3 /**< Advanced Secretary Treasurer 2.0 (C3); requires P2. */
} oi_course_kind;

/**
 * The numbers of a policy year (U3). None of them is a constant of the code:
 * every rule reads them from the policy it is given.
 */
typedef struct oi_policy_numbers {
  /** ::OI_POLICY_NUMBERS_VERSION, set by ::OI_POLICY_NUMBERS_INIT. As an
   *  output (oi_policy_get_numbers()), the members of this version are
   *  written and no others. */
  unsigned int version;
  /** The policy year (U3): the policy's label, and the year oi_policy_builtin()
   *  makes. Its sessions may begin in other years (a February session of the
   *  next year, applied for in the autumn); S5 and S9 count by the year of
   *  each session's first day. */
  int year;
  /** S4: subsidies per 1.0 session (2017: 10), >= 0, for every session that
   *  does not set its own (::oi_session::has_own_seats). */
  int seats_per_session;
  int local_cap_per_year;          /**< S5: officers a local may have subsidized per calendar year (2017: 2), >= 0. */
  int deadline_weeks;              /**< S6: weeks before the first day a request must be received by (2017: 6), >= 0. */
  int max_nights;                  /**< S3: most nights a subsidy pays (2017: 5), >= 1. */
  int64_t canada_threshold_cents;  /**< S2: Canadian receipts must be strictly below this (2017: 25,000,000), >= 0. */
} oi_policy_numbers;

/** Layout version of ::oi_policy_numbers these headers declare. */
#define OI_POLICY_NUMBERS_VERSION 1
/** Initialiser of an ::oi_policy_numbers: every number 0 but its version. */
#define OI_POLICY_NUMBERS_INIT { OI_POLICY_NUMBERS_VERSION, 0, 0, 0, 0, 0, 0 }

/** A course of the catalogue. Strings are borrowed (builder input) or owned by the policy (getters). */
typedef struct oi_course {
  unsigned int version; /**< ::OI_COURSE_VERSION, set by ::OI_COURSE_INIT (input and output). */
  const char *id;       /**< Non-empty, at most ::OI_ID_MAX bytes, unique in the policy. */
  const char *title;    /**< Non-empty, at most ::OI_NAME_MAX bytes. */
  oi_course_kind kind;  /**< Which rules apply. */
} oi_course;

/** Layout version of ::oi_course these headers declare. */
#define OI_COURSE_VERSION 1
/** Initialiser of an ::oi_course. */
#define OI_COURSE_INIT { OI_COURSE_VERSION, NULL, NULL, (oi_course_kind)0 }

/** A session: one course or more given at one place on consecutive days. */
typedef struct oi_session {
  unsigned int version;  /**< ::OI_SESSION_VERSION, set by ::OI_SESSION_INIT (input and output). */
  const char *id;        /**< Non-empty, at most ::OI_ID_MAX bytes, unique in the policy. */
  const char *place;     /**< City, e.g. "Denver, CO"; non-empty, at most ::OI_NAME_MAX bytes. */
  /** The designated IATSE hotel, payee of subsidies (S3). Required for a
   *  session offering a 1.0 course; may be NULL otherwise. */
  const char *hotel;
  /** First day of classes, in year 2 or later. Its calendar year is the
   *  year the session's subsidies count in (S5, S9); it need not be the
   *  policy year. */
  oi_date first_day;
  oi_date last_day;      /**< Last day of classes, not before first_day. */
  /** Countries whose locals are admitted (E1): a mask of ::OI_COUNTRY_BIT values. */
  unsigned countries;
  /** Ids of the courses offered: at least one, each a course of the policy, no repeats. */
  const char *const *course_ids;
  size_t course_count;   /**< Number of course ids, at most ::OI_SESSION_COURSES_MAX. */
  /** S4: the session's own number of subsidy seats (a bigger venue, a
   *  smaller one, 0 for none), 0..100000; read only when @ref has_own_seats
   *  is 1. Only a session offering a 1.0 course may have seats (S1). */
  int own_seats;
  /** 1 if the session sets its own seats (@ref own_seats); 0, as in a zeroed
   *  structure, for the policy's seats_per_session. */
  int has_own_seats;
} oi_session;

/** Layout version of ::oi_session these headers declare. */
#define OI_SESSION_VERSION 1
/** Initialiser of an ::oi_session: no courses, the policy's seats. */
#define OI_SESSION_INIT                                                                 \
  { OI_SESSION_VERSION, NULL, NULL, NULL, { 0, 0, 0 }, { 0, 0, 0 }, 0u, NULL, 0, 0, 0 }

/** Initialise a structure of the given layout version (as oi_local_init()). */
OI_EXTERN oi_status oi_policy_numbers_init(oi_policy_numbers *out, unsigned int version,
                                           oi_error *err);
/** As oi_policy_numbers_init(). */
OI_EXTERN oi_status oi_course_init(oi_course *out, unsigned int version, oi_error *err);
/** As oi_policy_numbers_init(). */
OI_EXTERN oi_status oi_session_init(oi_session *out, unsigned int version, oi_error *err);

/** Most courses one session may offer. */
#define OI_SESSION_COURSES_MAX 8
/** Most sessions, courses or prior sites a policy may hold, each. */
#define OI_POLICY_ITEMS_MAX 256

/**
 * Make the built-in policy of a year. Only 2017 is built in.
 * @param year  the policy year.
 * @param out   receives a new policy the caller frees with oi_policy_free();
 *              written only on success.
 * @param err   caller-owned, may be NULL.
 * @return ::OI_OK, ::OI_ENOTFOUND for a year with no built-in policy,
 *         ::OI_EINVAL if @p out is NULL, ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_policy_builtin(int year, oi_policy **out, oi_error *err);

/** Free a policy. NULL is a no-op. Every ledger made on it must be freed first. */
OI_EXTERN void oi_policy_free(oi_policy *policy);

/** @return the policy's id (e.g. "iatse-officer-institute-2017"), owned by the policy. */
OI_EXTERN const char *oi_policy_id(const oi_policy *policy);

/**
 * A digest of the policy's content: 16 lowercase hex digits of a 64-bit
 * FNV-1a hash over a canonical encoding of every field. Two policies with
 * the same digest decide every request alike.
 * @return a string owned by the policy.
 */
OI_EXTERN const char *oi_policy_digest(const oi_policy *policy);

/**
 * Copy the policy's numbers.
 * @param out  caller-owned.
 * @return ::OI_OK, or ::OI_EINVAL if an argument is NULL.
 */
OI_EXTERN oi_status oi_policy_get_numbers(const oi_policy *policy, oi_policy_numbers *out, oi_error *err);

/** @return the number of courses (0 for a NULL policy). */
OI_EXTERN size_t oi_policy_course_count(const oi_policy *policy);
/** @return the number of sessions (0 for a NULL policy). */
OI_EXTERN size_t oi_policy_session_count(const oi_policy *policy);
/** @return the number of prior sites on record (0 for a NULL policy). */
OI_EXTERN size_t oi_policy_prior_site_count(const oi_policy *policy);

/**
 * Read course @p index. The strings written into @p out belong to the policy.
 * @return ::OI_OK, ::OI_EINVAL (NULL argument), ::OI_ENOTFOUND (index out of range).
 */
OI_EXTERN oi_status oi_policy_course(const oi_policy *policy, size_t index, oi_course *out, oi_error *err);

/**
 * Read session @p index. The strings and the course-id array written into
 * @p out belong to the policy. own_seats and has_own_seats say whether the
 * session sets its own seats, as it was built (oi_policy_session_seats()
 * gives the seats it has either way).
 * @return ::OI_OK, ::OI_EINVAL (NULL argument), ::OI_ENOTFOUND (index out of range).
 */
OI_EXTERN oi_status oi_policy_session(const oi_policy *policy, size_t index, oi_session *out, oi_error *err);

/**
 * Prior site @p index (P1), owned by the policy.
 * @return the site, or NULL if @p index is out of range.
 */
OI_EXTERN const char *oi_policy_prior_site(const oi_policy *policy, size_t index);

/**
 * Find a session by id (exact match).
 * @param id         borrowed; at most ::OI_ID_MAX + 1 bytes are read.
 * @param index_out  caller-owned; written only on success.
 * @return ::OI_OK, ::OI_EINVAL (NULL argument, an id too long or not
 *         printable), ::OI_ENOTFOUND.
 */
OI_EXTERN oi_status oi_policy_find_session(const oi_policy *policy, const char *id, size_t *index_out, oi_error *err);

/**
 * Find a course by id (exact match).
 * @param id         borrowed; at most ::OI_ID_MAX + 1 bytes are read.
 * @param index_out  caller-owned; written only on success.
 * @return ::OI_OK, ::OI_EINVAL (NULL argument, an id too long or not
 *         printable), ::OI_ENOTFOUND.
 */
OI_EXTERN oi_status oi_policy_find_course(const oi_policy *policy, const char *id, size_t *index_out, oi_error *err);

/**
 * Subsidy seats of session @p index (S1, S4): the session's own seats if it
 * sets them, else the policy's seats per session if the session offers a
 * 1.0 course, else 0.
 * @return the seats, or -1 if an argument is invalid.
 */
OI_EXTERN int oi_policy_session_seats(const oi_policy *policy, size_t index);

/**
 * The last day a subsidy request for session @p index may be received (S6):
 * first day minus the policy's deadline weeks.
 * @param out  caller-owned; written only on success.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOTFOUND.
 */
OI_EXTERN oi_status oi_policy_subsidy_deadline(const oi_policy *policy, size_t index, oi_date *out, oi_error *err);

/**
 * Start building a policy.
 * @param out      receives a builder the caller frees with oi_policy_builder_free().
 * @param id       borrowed; non-empty, at most ::OI_ID_MAX bytes.
 * @param numbers  borrowed; checked as described in ::oi_policy_numbers.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_policy_builder_new(oi_policy_builder **out, const char *id,
                                          const oi_policy_numbers *numbers, oi_error *err);

/** Free a builder. NULL is a no-op. */
OI_EXTERN void oi_policy_builder_free(oi_policy_builder *builder);

/**
 * Add a course. Its strings are copied.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_EEXISTS (duplicate id), ::OI_ELIMIT, ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_policy_builder_add_course(oi_policy_builder *builder, const oi_course *course, oi_error *err);

/**
 * Add a session; every course it offers must have been added already. Its
 * strings are copied. Its first day may fall in any year from 2 on, not only
 * the policy year (U3). Its seats are the policy's seats per session unless
 * it sets its own (::oi_session::has_own_seats).
 * @return ::OI_OK, ::OI_EINVAL (also own seats out of range, or on a session
 *         giving no 1.0, S1), ::OI_EDATE, ::OI_EEXISTS, ::OI_ENOTFOUND
 *         (unknown course), ::OI_ELIMIT, ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_policy_builder_add_session(oi_policy_builder *builder, const oi_session *session, oi_error *err);

/**
 * Add a prior site of the Officer Institute (P1). The string is copied.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_EEXISTS (same city already on record), ::OI_ELIMIT, ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_policy_builder_add_prior_site(oi_policy_builder *builder, const char *site, oi_error *err);

/**
 * Make an immutable policy of what the builder holds. The builder is left
 * as it was and may build again or be freed.
 * @param out  receives a new policy the caller frees with oi_policy_free().
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_policy_builder_build(const oi_policy_builder *builder, oi_policy **out, oi_error *err);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* OFFICERINST_POLICY_H */
