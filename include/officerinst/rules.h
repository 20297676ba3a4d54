/**
 * @file officerinst/rules.h
 * @brief Stateless rules: enrollment (E1, P1, P2), subsidy eligibility
 *        (S1, S2, S3, S6, S8, E1), graduation (C1) and the cost split (E2, S7).
 *
 * Each check fills a caller-owned ::oi_decision with its outcome and *every*
 * reason that applies, not only the first. A reason carries a stable code, the
 * clause it applies and the values it compared; its message is rendered only
 * when asked for, with oi_reason_format(), so a decision costs no allocation
 * and no formatting. All functions are reentrant and only read the policy.
 */
#ifndef OFFICERINST_RULES_H
#define OFFICERINST_RULES_H

#include "common.h"
#include "error.h"
#include "date.h"
#include "types.h"
#include "policy.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup oi_rules Rules and decisions
 *  @{ */

/** A clause of the policy. Values are stable and will never be renumbered. */
typedef enum oi_clause {
  OI_CLAUSE_NONE = 0,
  OI_CLAUSE_C1 = 1, OI_CLAUSE_C2 = 2, OI_CLAUSE_C3 = 3,
  OI_CLAUSE_E1 = 11, OI_CLAUSE_E2 = 12,
  OI_CLAUSE_P1 = 21, OI_CLAUSE_P2 = 22,
  OI_CLAUSE_S1 = 31, OI_CLAUSE_S2 = 32, OI_CLAUSE_S3 = 33, OI_CLAUSE_S4 = 34,
  OI_CLAUSE_S5 = 35, OI_CLAUSE_S6 = 36, OI_CLAUSE_S7 = 37, OI_CLAUSE_S8 = 38,
  OI_CLAUSE_S9 = 39, OI_CLAUSE_S10 = 40, OI_CLAUSE_S11 = 41,
  OI_CLAUSE_U1 = 51, OI_CLAUSE_U2 = 52, OI_CLAUSE_U3 = 53
} oi_clause;

/** @return the clause's id ("S6"), or NULL for a value that is not a clause. */
OI_EXTERN const char *oi_clause_id(oi_clause clause);

/** What a decision concluded. Values are stable. */
typedef enum oi_outcome {
  OI_OUTCOME_NONE = 0,
  OI_OUTCOME_ADMITTED = 1,       /**< Enrollment: may enroll. */
  OI_OUTCOME_ELIGIBLE = 2,       /**< Subsidy, stateless part: meets every rule checked. */
  OI_OUTCOME_AWARDED = 3,        /**< Ledger: a subsidy seat is held. */
  OI_OUTCOME_WAITLISTED = 4,     /**< Ledger: eligible, but seats (S4) or the local's cap (S5) are used up. */
  OI_OUTCOME_REFUSED = 5,        /**< At least one rule is broken; every reason is listed. */
  OI_OUTCOME_WITHDRAWN = 6,      /**< Ledger: withdrawn by the caller. */
  OI_OUTCOME_GRADUATED = 7,      /**< C1: attended every day. */
  OI_OUTCOME_NOT_GRADUATED = 8   /**< C1: missed a day. */
} oi_outcome;

/** @return the outcome's name in lower case ("awarded"; "none" for
 *  ::OI_OUTCOME_NONE), or NULL for a value that is not an outcome. */
OI_EXTERN const char *oi_outcome_name(oi_outcome outcome);

/**
 * Why a decision went as it did. Values are stable. The meaning of
 * ::oi_reason::value for each code is given beside it; dates are day numbers
 * (days since 1970-01-01, see oi_date_to_days()).
 */
typedef enum oi_reason_code {
  OI_REASON_NONE = 0,
  /** E1: value[0] local's country, value[1] session's countries mask. */
  OI_REASON_COUNTRY_NOT_ADMITTED = 1,
  /** C1/C2/C3: the course is not given at the session. value[0] course index. */
  OI_REASON_COURSE_NOT_OFFERED = 2,
  /** P1: no graduation qualifies. value[0] graduations claimed, value[1] at a
   *  site neither on record nor in the catalogue, value[2] on or after the
   *  2.0 session began (or from a catalogue session that ended after it began),
   *  value[3] the 2.0 session's first day. */
  OI_REASON_NO_QUALIFYING_GRADUATION = 3,
  /** P2: holds none of the offices and does not meet P1. value[0] office,
   *  value[1..3] as for ::OI_REASON_NO_QUALIFYING_GRADUATION value[0..2]. */
  OI_REASON_NOT_SECRETARY_TREASURER = 4,
  /** S1: the session offers no 1.0 course, so no subsidy. */
  OI_REASON_NO_SUBSIDY_FOR_COURSE = 10,
  /** S2: a U.S. local that files LM-2 or no form. value[0] the form. */
  OI_REASON_US_FORM_NOT_ELIGIBLE = 11,
  /** S2: Canadian receipts not below the threshold. value[0] receipts, value[1] threshold (cents). */
  OI_REASON_CA_RECEIPTS_TOO_HIGH = 12,
  /** S2: a Canadian local with no receipts on record. value[0] threshold (cents). */
  OI_REASON_CA_RECEIPTS_UNKNOWN = 13,
  /** S2: the local did not attest it falls within the category. */
  OI_REASON_NOT_ATTESTED = 14,
  /** S3 (a note, not a refusal): more nights requested than paid. value[0]
   *  requested, value[1] nights awarded. */
  OI_REASON_NIGHTS_LIMITED = 15,
  /** S6: received after the deadline. value[0] day received, value[1] days
   *  before the first day, value[2] the deadline, value[3] weeks required. */
  OI_REASON_RECEIVED_LATE = 16,
  /** S8: not submitted together with the regular application. */
  OI_REASON_NOT_WITH_APPLICATION = 17,
  /** S8: the regular application is not signed by an authorized representative. */
  OI_REASON_APPLICATION_NOT_SIGNED = 18,
  /** S8: the subsidy request is not signed by an authorized representative. */
  OI_REASON_REQUEST_NOT_SIGNED = 19,
  /** S4 (waitlist): the session's seats are taken. value[0] seats, value[1] awarded. */
  OI_REASON_SEATS_TAKEN = 20,
  /** S5 (waitlist): the local's cap for the year is reached. value[0] local
   *  number, value[1] year, value[2] cap, value[3] officers subsidized. */
  OI_REASON_LOCAL_CAP_REACHED = 21,
  /** S9: the officer already holds or awaits a subsidy this year. value[0]
   *  year, value[1] entry number of that request; ::oi_reason::ref_id
   *  names that request by its id. */
  OI_REASON_OFFICER_ALREADY_SUBSIDIZED = 22,
  /** C1: not every day attended. value[0] days attended, value[1] days of the
   *  session, value[2] the first day missed. */
  OI_REASON_MISSED_DAYS = 30,
  /** C1 (a note, not a refusal): the attendance list holds days outside the
   *  session, which neither count toward the certificate nor make the list
   *  invalid. value[0] how many listed days are outside the session (a day
   *  listed twice counts twice), value[1] the earliest of them, value[2] the
   *  latest. */
  OI_REASON_DAYS_OUTSIDE_SESSION = 31
} oi_reason_code;

/** @return the code's name ("RECEIVED_LATE"), or NULL for an unknown value. */
OI_EXTERN const char *oi_reason_code_name(oi_reason_code code);

/** How a reason weighs on its decision. */
typedef enum oi_severity {
  OI_SEVERITY_REFUSAL = 1,  /**< Refuses (or, in C1, withholds the certificate). */
  OI_SEVERITY_WAITLIST = 2, /**< Waitlists an eligible request (S4, S5). */
  OI_SEVERITY_NOTE = 3      /**< Explains without changing the outcome (S3, C1). */
} oi_severity;

/** One reason, with the values it compared. Written by the library only,
 *  with no version: its layout is fixed for as long as the major ABI
 *  (doc/abi.md). What a future clause needs to say is a new
 *  ::oi_reason_code whose values the four slots carry. */
typedef struct oi_reason {
  oi_reason_code code;    /**< What. */
  oi_clause clause;       /**< Which clause applied. */
  oi_severity severity;   /**< Its weight. */
  int32_t session;        /**< Index of the session concerned in the policy, or -1. */
  int64_t value[4];       /**< Values, as documented for each ::oi_reason_code. */
  /** The id of another request the reason names, or NULL: for
   *  ::OI_REASON_OFFICER_ALREADY_SUBSIDIZED, the officer's earlier request
   *  (S9). Owned by the ledger that made the decision and valid until that
   *  ledger is freed; NULL in every stateless decision. Setting it costs no
   *  allocation: it points at the id the ledger already keeps. */
  const char *ref_id;
} oi_reason;

/** How many reasons a version-1 ::oi_decision holds in its own storage:
 *  more than every check of this library produces together. Reasons are
 *  read with oi_decision_reason(), never by indexing the storage: a later
 *  layout with more room keeps some elsewhere, and a decision the library
 *  owns (oi_batch_request_decision()) is of the library's layout, which
 *  may be newer than the caller's headers. The rule for a later library
 *  that could produce more reasons than an older caller's layout holds is
 *  to fail with ::OI_ELIMIT naming "out.reasons", never to drop one
 *  (doc/abi.md). */
#define OI_DECISION_V1_REASONS 16

/** Layout version of ::oi_decision these headers declare. */
#define OI_DECISION_VERSION 1

/**
 * A decision, owned by the caller (usually on the stack). Initialise it
 * with ::OI_DECISION_INIT (or oi_decision_init()) before passing it to the
 * library, which writes the members of that version and no others.
 */
typedef struct oi_decision {
  unsigned int version;      /**< ::OI_DECISION_VERSION, set by ::OI_DECISION_INIT. */
  oi_outcome outcome;        /**< The outcome. */
  const char *policy_id;     /**< Id of the policy it was made under; owned by the policy. */
  int32_t session;           /**< Index of the session in the policy. */
  const char *session_id;    /**< Id of the session; owned by the policy. */
  int nights_requested;      /**< Subsidy: nights asked for; 0 otherwise. */
  /** Subsidy: nights paid (S3). Only an award pays: 0 when waitlisted or
   *  refused. An eligible stateless decision (::OI_OUTCOME_ELIGIBLE) states
   *  the nights an award of it pays. */
  int nights;
  /** Subsidy: who is paid, the session's designated hotel (S3), when the
   *  decision pays (as @ref nights); NULL when waitlisted, refused or not a
   *  subsidy decision. Owned by the policy. */
  const char *payee;
  size_t reason_count;       /**< Number of reasons: read them with oi_decision_reason(). */
  /** Storage of the reasons, refusals first: read them with
   *  oi_decision_reason(). */
  oi_reason reasons[OI_DECISION_V1_REASONS];
  /** Subsidy: the nights an award of this request pays (S3: at most the
   *  policy's max_nights), whatever the outcome: awarded, waitlisted (what
   *  a promotion will pay) or eligible; 0 when refused or not a subsidy
   *  decision. It is not money promised: @ref nights is what is paid. */
  int nights_if_awarded;
  /** Subsidy: the id of the request decided, or NULL (enrollment and
   *  graduation, or a stateless request without id). oi_check_subsidy()
   *  points at the caller's string (valid while it is); a ledger, at its own
   *  copy (valid until the ledger is freed). */
  const char *request_id;
} oi_decision;

/** Initialiser of an ::oi_decision: no outcome, no reasons. */
#define OI_DECISION_INIT                                                                 \
  { OI_DECISION_VERSION, OI_OUTCOME_NONE, NULL, 0, NULL, 0, 0, NULL, 0,                   \
    { { (oi_reason_code)0, OI_CLAUSE_NONE, (oi_severity)0, 0, { 0, 0, 0, 0 }, NULL } }, 0, NULL }

/** Initialise a decision of the given layout version (as oi_local_init()). */
OI_EXTERN oi_status oi_decision_init(oi_decision *out, unsigned int version, oi_error *err);

/**
 * Reason @p index of a decision, in the decision's order (refusals first).
 * @param decision  borrowed; NULL gives NULL.
 * @return a pointer into @p decision (valid while it is), or NULL when
 *         @p index is not below its reason_count.
 */
OI_EXTERN const oi_reason *oi_decision_reason(const oi_decision *decision, size_t index);

/**
 * Decide whether an officer may enroll in a course at a session: E1
 * (country admitted), the course offered there (C1-C3), P1 for Advanced
 * Organizing 2.0, P2 for Advanced Secretary Treasurer 2.0.
 * @param policy  borrowed.
 * @param app     borrowed; validated before any rule is applied.
 * @param out     caller-owned; written only on success. Outcome
 *                ::OI_OUTCOME_ADMITTED or ::OI_OUTCOME_REFUSED.
 * @param err     caller-owned, may be NULL.
 * @return ::OI_OK, ::OI_EINVAL (NULL, bad enum, district outside 1..13,
 *         negative money, empty or over-long string), ::OI_EDATE,
 *         ::OI_ENOTFOUND (unknown session or course).
 */
OI_EXTERN oi_status oi_check_enrollment(const oi_policy *policy, const oi_application *app,
                                        oi_decision *out, oi_error *err);

/**
 * Decide the stateless part of a subsidy request: S1, S2 (with attestation),
 * S3 (nights an award pays, payee), S6, S8 and E1. A request that passes is
 * ::OI_OUTCOME_ELIGIBLE; the seats (S4), the local's cap (S5) and the officer's
 * other requests (S9) are the ledger's to judge. The decision's request_id
 * is the request's id (borrowed).
 * @param policy  borrowed.
 * @param req     borrowed; validated before any rule is applied.
 * @param out     caller-owned; written only on success.
 * @return as oi_check_enrollment().
 */
OI_EXTERN oi_status oi_check_subsidy(const oi_policy *policy, const oi_subsidy_request *req,
                                     oi_decision *out, oi_error *err);

/**
 * oi_check_subsidy() over an array. Every request is validated before any is
 * decided, so on failure @p out is untouched and the error's path names the
 * offending element ("requests[3].local.district").
 *
 * The arrays are walked by the element sizes given, not by the library's
 * own sizeof, so an array of structures of an older layout, or of larger
 * structures that begin with one (a caller's record holding a request),
 * is read and written where the caller put it. Each request carries its
 * version. The first decision's version (set before the call) is the
 * layout of them all, as a C array holds one type: the library writes it
 * into every element.
 * @param reqs      borrowed array of @p count requests, @p req_size bytes apart.
 * @param req_size  sizeof reqs[0]: at least the size of each element's layout.
 * @param out       caller-owned array of @p count decisions, @p out_size bytes apart.
 * @param out_size  sizeof out[0], likewise.
 * @return as oi_check_subsidy(); ::OI_EINVAL naming "req_size" or "out_size"
 *         for a size smaller than an element's layout.
 */
OI_EXTERN oi_status oi_check_subsidy_many(const oi_policy *policy, const oi_subsidy_request *reqs,
                                          size_t count, size_t req_size, oi_decision *out,
                                          size_t out_size, oi_error *err);

/**
 * C1: an officer graduates only by attending every day of the session.
 * The list is a record of what the officer attended: days outside the
 * session (another event, a travel day) neither count toward the
 * certificate nor make the list invalid; they are reported in a note
 * (::OI_REASON_DAYS_OUTSIDE_SESSION).
 * @param session_id  borrowed.
 * @param attended    borrowed array of @p count days attended, in any order
 *                    (repeats are allowed and count once).
 * @param out         caller-owned; outcome ::OI_OUTCOME_GRADUATED or
 *                    ::OI_OUTCOME_NOT_GRADUATED (with ::OI_REASON_MISSED_DAYS),
 *                    and the note when a listed day is outside the session.
 * @return ::OI_OK, ::OI_EINVAL (NULL, a session giving no 1.0), ::OI_EDATE
 *         (a day that is not a calendar date), ::OI_ENOTFOUND.
 */
OI_EXTERN oi_status oi_check_graduation(const oi_policy *policy, const char *session_id,
                                        const oi_date *attended, size_t count,
                                        oi_decision *out, oi_error *err);

/** Who pays an item of the cost of attending (E2, S7). */
typedef enum oi_payer {
  OI_PAYER_INTERNATIONAL = 1, /**< The International Union. */
  OI_PAYER_LOCAL = 2,         /**< The local union (and/or the student). */
  OI_PAYER_SUBSIDY = 3        /**< The subsidy, paid directly to the designated hotel (S3). */
} oi_payer;

/** An item of the cost of attending. */
typedef enum oi_cost_item {
  OI_COST_PROGRAM = 0,         /**< The program. */
  OI_COST_INSTRUCTORS = 1,     /**< The instructors. */
  OI_COST_TRANSPORTATION = 2,  /**< Travel (S7: never subsidized). */
  OI_COST_PER_DIEM = 3,        /**< Meals and incidentals (S7: never subsidized). */
  OI_COST_HOTEL = 4            /**< Lodging; split when a subsidy was awarded. */
} oi_cost_item;

/** Number of ::oi_cost_item values. */
#define OI_COST_ITEM_COUNT 5

/** A stay at a session, for the cost split. */
typedef struct oi_stay {
  unsigned int version;         /**< ::OI_STAY_VERSION, set by ::OI_STAY_INIT. */
  int nights;                   /**< Nights stayed, >= 0. */
  int nights_awarded;           /**< Nights a subsidy awarded, 0..max_nights (0: no subsidy). */
  int64_t nightly_rate_cents;   /**< Hotel rate per night in cents, >= 0. */
} oi_stay;

/** Layout version of ::oi_stay these headers declare. */
#define OI_STAY_VERSION 1
/** Initialiser of an ::oi_stay. */
#define OI_STAY_INIT { OI_STAY_VERSION, 0, 0, 0 }

/** Who pays what. Owned by the caller, who sets its version. */
typedef struct oi_cost_split {
  unsigned int version;               /**< ::OI_COST_SPLIT_VERSION, set by ::OI_COST_SPLIT_INIT. */
  oi_payer payer[OI_COST_ITEM_COUNT]; /**< The main payer of each item; for the hotel, the
                                           subsidy if it pays any night, else the local. */
  int subsidy_nights;                 /**< Nights the subsidy pays: min(awarded, stayed). */
  int local_nights;                   /**< Nights the local pays: the rest of the stay. */
  int64_t subsidy_hotel_cents;        /**< Paid by the subsidy to the hotel. */
  int64_t local_hotel_cents;          /**< Paid by the local. */
} oi_cost_split;

/** Layout version of ::oi_cost_split these headers declare. */
#define OI_COST_SPLIT_VERSION 1
/** Initialiser of an ::oi_cost_split. */
#define OI_COST_SPLIT_INIT                                                               \
  { OI_COST_SPLIT_VERSION, { (oi_payer)0, (oi_payer)0, (oi_payer)0, (oi_payer)0, (oi_payer)0 }, \
    0, 0, 0, 0 }

/** Initialise a structure of the given layout version (as oi_local_init()). */
OI_EXTERN oi_status oi_stay_init(oi_stay *out, unsigned int version, oi_error *err);
/** As oi_stay_init(). */
OI_EXTERN oi_status oi_cost_split_init(oi_cost_split *out, unsigned int version, oi_error *err);

/**
 * E2 and S7: split the cost of attending. The International pays program and
 * instructors; the local pays transportation and per diem, always (S7), and
 * the hotel except the awarded nights, which the subsidy pays to the hotel.
 * @param policy  borrowed (its max_nights bounds nights_awarded).
 * @param stay    borrowed.
 * @param out     caller-owned; written only on success.
 * @return ::OI_OK, ::OI_EINVAL (NULL, negative values, more nights awarded
 *         than the policy allows), ::OI_ELIMIT (amount overflows).
 */
OI_EXTERN oi_status oi_cost_split_compute(const oi_policy *policy, const oi_stay *stay,
                                          oi_cost_split *out, oi_error *err);

/**
 * Render a reason's message, naming its values and, where one exists, what
 * would satisfy the rule, e.g. "received 2017-01-03, 41 days before the
 * session's first day 2017-02-13; requests must be received by 2017-01-02
 * (6 weeks before)". Truncates like snprintf and always NUL-terminates when
 * @p size > 0.
 * @param policy  borrowed: the policy the decision was made under (for session
 *                ids, courses and dates).
 * @param reason  borrowed.
 * @param buf     caller-owned, @p size bytes; may be NULL when @p size is 0.
 * @return the length of the full message (without NUL), or -1 if an argument
 *         is invalid.
 */
OI_EXTERN int oi_reason_format(const oi_policy *policy, const oi_reason *reason,
                               char *buf, size_t size);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* OFFICERINST_RULES_H */
