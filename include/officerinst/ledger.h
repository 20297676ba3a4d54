/**
 * @file officerinst/ledger.h
 * @brief The subsidy ledger: ten seats a session (S4), two officers a local a
 *        year (S5), one subsidy an officer a year (S9), a waitlist (S10),
 *        awards that stand (S11), and an audit trail.
 *
 * A ledger is bound to one policy, which it borrows: the policy must outlive
 * the ledger. It decides each request when the request is entered and never
 * takes back an award on its own (S11): only a withdrawal ends one, and a
 * withdrawal promotes from the waitlist, earliest receipt first, for as long
 * as a waitlisted request fits every rule (S10).
 *
 * First come, first served (S4) means order of receipt: date and time, ties
 * broken by order of entry. A request entered late but received early does
 * not displace an award already made; it takes its place in the waitlist by
 * receipt order. oi_ledger_submit_many() decides a batch in receipt order
 * (stable), so it gives exactly what entering the requests one by one in
 * that order gives.
 *
 * Threads: a ledger has no lock. Calls that change it (submit, withdraw) must
 * not run concurrently with any other call on the same ledger; calls that
 * only read it (those taking a const ledger) may run concurrently with each
 * other. Use one ledger per thread or an external lock. Different ledgers,
 * even on one policy, are independent.
 *
 * Cost: entering, deciding and withdrawing take O(log n) time for n requests
 * held, plus a term bounded by the policy (its sessions and seats), never a
 * scan over all requests or all locals, whatever the ids, local numbers and
 * receipts: the ledger's hash tables are keyed with a key of its own, drawn
 * from the system when it is made, so ids chosen to collide cost what any
 * others cost, and locals at their cap (S5) waiting ahead of a free seat do
 * not slow the search for the request that takes it. Memory grows with the
 * requests held.
 *
 * Strings and reason arrays the ledger hands out (ids, officer ids, payees,
 * reasons, and the request ids in decisions and in reasons' ref_id) are
 * owned by the ledger or its policy and stay valid until the ledger is
 * freed.
 *
 * Years (S5, S9): a request counts in the calendar year of its session's
 * first day, which need not be the policy's year: one ledger may hold the
 * sessions of several years, and each year's cap and each officer's one
 * subsidy are counted apart.
 */
#ifndef OFFICERINST_LEDGER_H
#define OFFICERINST_LEDGER_H

#include "common.h"
#include "error.h"
#include "date.h"
#include "types.h"
#include "policy.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup oi_ledger Ledger
 *  @{ */

/** A subsidy ledger (opaque). */
typedef struct oi_ledger oi_ledger;

/** A request as the ledger holds it. Pointers are owned by the ledger or its
 *  policy. The caller sets the version (::OI_LEDGER_ENTRY_INIT); the ledger
 *  writes the members of that version and no others. */
typedef struct oi_ledger_entry {
  unsigned int version;     /**< ::OI_LEDGER_ENTRY_VERSION. */
  const char *id;           /**< The request's id. */
  uint64_t entry_number;    /**< 1 for the first request entered, then 2, 3, ... */
  int32_t session;          /**< Index of its session in the policy. */
  const char *session_id;   /**< Id of its session. */
  int year;                 /**< Calendar year of the session's first day (S5, S9). */
  uint32_t local_number;    /**< The local. */
  const char *local_name;   /**< The local's name. */
  oi_country country;       /**< The local's country. */
  int district;             /**< The local's district (1..13). */
  const char *officer_id;   /**< The officer. */
  const char *officer_name; /**< The officer's name, or NULL when none was given. */
  oi_datetime received;     /**< When it was received. */
  /** Its status now: ::OI_OUTCOME_AWARDED, ::OI_OUTCOME_WAITLISTED,
   *  ::OI_OUTCOME_REFUSED or ::OI_OUTCOME_WITHDRAWN. */
  oi_outcome status;
  int nights_requested;     /**< Nights asked for. */
  /** Nights paid (S3): only while awarded; 0 when waitlisted, refused or
   *  withdrawn. */
  int nights;
  /** The designated hotel (S3) while awarded, which the subsidy pays
   *  directly; NULL otherwise. */
  const char *payee;
  size_t reason_count;      /**< Reasons of its latest decision. */
  const oi_reason *reasons; /**< Refusal reasons, or why it waits (S4, S5); none once awarded. */
  /** The nights an award of it pays (S3), whatever its status: for a
   *  waitlisted request, what a promotion will pay; 0 when refused. */
  int nights_if_awarded;
} oi_ledger_entry;

/** Layout version of ::oi_ledger_entry these headers declare. */
#define OI_LEDGER_ENTRY_VERSION 1
/** Initialiser of an ::oi_ledger_entry. */
#define OI_LEDGER_ENTRY_INIT                                                             \
  { OI_LEDGER_ENTRY_VERSION, NULL, 0, 0, NULL, 0, 0, NULL, (oi_country)0, 0, NULL, NULL,   \
    { { 0, 0, 0 }, 0, 0, 0 }, OI_OUTCOME_NONE, 0, 0, NULL, 0, NULL, 0 }

/** Most requests one withdrawal can promote: one into the freed seat, one into
 *  the freed local slot (S10). */
#define OI_PROMOTIONS_MAX 2

/** What a withdrawal did. Owned by the caller, who sets its version. */
typedef struct oi_withdrawal {
  unsigned int version;       /**< ::OI_WITHDRAWAL_VERSION. */
  oi_outcome previous;        /**< ::OI_OUTCOME_AWARDED or ::OI_OUTCOME_WAITLISTED. */
  size_t promoted_count;      /**< Requests promoted from the waitlist, in order. */
  const char *promoted[OI_PROMOTIONS_MAX]; /**< Their ids, owned by the ledger. */
} oi_withdrawal;

/** Layout version of ::oi_withdrawal these headers declare. */
#define OI_WITHDRAWAL_VERSION 1
/** Initialiser of an ::oi_withdrawal. */
#define OI_WITHDRAWAL_INIT { OI_WITHDRAWAL_VERSION, OI_OUTCOME_NONE, 0, { NULL, NULL } }

/** A session's count of seats and requests. Owned by the caller, who sets its version. */
typedef struct oi_session_summary {
  unsigned int version; /**< ::OI_SESSION_SUMMARY_VERSION. */
  int seats;          /**< Subsidy seats: the session's own or the policy's (S4; 0 for a 2.0 session, S1). */
  size_t awarded;     /**< Requests holding a seat. */
  size_t waitlisted;  /**< Requests waiting. */
  size_t refused;     /**< Requests refused. */
  size_t withdrawn;   /**< Requests withdrawn. */
  int seats_left;     /**< seats - awarded. */
  int64_t nights;     /**< Nights awarded at the session's designated hotel. */
} oi_session_summary;

/** Layout version of ::oi_session_summary these headers declare. */
#define OI_SESSION_SUMMARY_VERSION 1
/** Initialiser of an ::oi_session_summary. */
#define OI_SESSION_SUMMARY_INIT { OI_SESSION_SUMMARY_VERSION, 0, 0, 0, 0, 0, 0, 0 }

/** Kinds of event in the audit trail. Values are stable. */
typedef enum oi_event_type {
  OI_EVENT_ENTERED = 1,   /**< A request was entered. */
  OI_EVENT_DECIDED = 2,   /**< It was decided: awarded, waitlisted or refused. */
  OI_EVENT_WITHDRAWN = 3, /**< It was withdrawn. */
  OI_EVENT_PROMOTED = 4   /**< It was promoted from the waitlist to an award (S10). */
} oi_event_type;

/** @return the event type's name ("entered"), or NULL for an unknown value. */
OI_EXTERN const char *oi_event_type_name(oi_event_type type);

/** One event of the audit trail. Pointers are owned by the ledger. The
 *  caller sets the version. */
typedef struct oi_event {
  unsigned int version;     /**< ::OI_EVENT_VERSION. */
  uint64_t sequence;        /**< 1 for the first event, then 2, 3, ... */
  oi_event_type type;       /**< What happened. */
  const char *request_id;   /**< The request it happened to. */
  /** DECIDED: the decision; PROMOTED: ::OI_OUTCOME_AWARDED; WITHDRAWN: the
   *  status it had; ENTERED: ::OI_OUTCOME_NONE. */
  oi_outcome outcome;
  /** PROMOTED: the withdrawn request whose seat or slot it took; else NULL. */
  const char *cause_id;
  /** DECIDED (awarded) and PROMOTED: the nights the award pays (S3), set
   *  when the award is made; 0 for every other event. */
  int nights;
  size_t reason_count;      /**< DECIDED: the decision's reasons. */
  const oi_reason *reasons; /**< The reasons. */
} oi_event;

/** Layout version of ::oi_event these headers declare. */
#define OI_EVENT_VERSION 1
/** Initialiser of an ::oi_event. */
#define OI_EVENT_INIT                                                                    \
  { OI_EVENT_VERSION, 0, (oi_event_type)0, NULL, OI_OUTCOME_NONE, NULL, 0, 0, NULL }

/** Initialise a structure of the given layout version (as oi_local_init()). */
OI_EXTERN oi_status oi_ledger_entry_init(oi_ledger_entry *out, unsigned int version,
                                         oi_error *err);
/** As oi_ledger_entry_init(). */
OI_EXTERN oi_status oi_withdrawal_init(oi_withdrawal *out, unsigned int version, oi_error *err);
/** As oi_ledger_entry_init(). */
OI_EXTERN oi_status oi_session_summary_init(oi_session_summary *out, unsigned int version,
                                            oi_error *err);
/** As oi_ledger_entry_init(). */
OI_EXTERN oi_status oi_event_init(oi_event *out, unsigned int version, oi_error *err);

/**
 * Make an empty ledger. It reads 16 bytes of the system's entropy
 * (getrandom(2), else /dev/urandom) for the key of its hash tables; where
 * the system has none to give, the key is derived from addresses that
 * address space randomization hides, and the call still succeeds. Nothing
 * the ledger decides or reports depends on the key.
 * @param policy  borrowed; must outlive the ledger.
 * @param out     receives a ledger the caller frees with oi_ledger_free().
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_ledger_new(const oi_policy *policy, oi_ledger **out, oi_error *err);

/** Free a ledger. NULL is a no-op. */
OI_EXTERN void oi_ledger_free(oi_ledger *ledger);

/** @return the policy the ledger is bound to (borrowed), or NULL for NULL. */
OI_EXTERN const oi_policy *oi_ledger_policy(const oi_ledger *ledger);

/** @return the number of requests entered (0 for NULL). */
OI_EXTERN size_t oi_ledger_count(const oi_ledger *ledger);

/** Most requests a ledger holds. A submit or a batch that would go past it
 *  is ::OI_ELIMIT and changes nothing; the snapshot of any ledger it allows
 *  loads (json.h: ::OI_SNAPSHOT_DOCUMENT_MAX is derived from it). */
#define OI_LEDGER_REQUESTS_MAX 1000000

/**
 * Enter one request and decide it: awarded (with nights and payee, S3),
 * waitlisted (S4 seats or S5 cap used up; the reasons say which, with the
 * numbers; no nights are paid and no payee is named until a promotion, but
 * nights_if_awarded says what it will pay) or refused (every reason of S1,
 * S2, S6, S8, E1 and S9; an S9 reason names the earlier request by its id).
 * The decision's request_id is the ledger's copy of the request's id.
 * The ledger copies what it keeps of the request.
 * @param req  borrowed; its id must be non-empty and new to this ledger.
 * @param out  caller-owned, may be NULL; receives the decision.
 * @return ::OI_OK; ::OI_EINVAL, ::OI_EDATE, ::OI_ENOTFOUND for bad input;
 *         ::OI_EEXISTS for an id already entered; ::OI_ELIMIT when the ledger
 *         holds ::OI_LEDGER_REQUESTS_MAX; ::OI_ENOMEM. On error the ledger is
 *         unchanged.
 */
OI_EXTERN oi_status oi_ledger_submit(oi_ledger *ledger, const oi_subsidy_request *req,
                                     oi_decision *out, oi_error *err);

/**
 * Enter a batch in receipt order (ties by their order in @p reqs) and decide
 * each, exactly as if entered one by one in that order. All or nothing: every
 * request is validated (ids new and distinct) and memory reserved before any
 * is entered.
 * @param reqs      borrowed array of @p count requests, in any order,
 *                  @p req_size bytes apart (as oi_check_subsidy_many()).
 * @param req_size  sizeof reqs[0].
 * @param out       caller-owned array of @p count decisions, @p out_size
 *                  bytes apart, may be NULL; the first one's version is set,
 *                  and is the layout of all (as oi_check_subsidy_many()).
 *                  out[i] is the decision on reqs[i].
 * @param out_size  sizeof out[0] (ignored when @p out is NULL).
 * @return as oi_ledger_submit(); the error path names the element ("requests[7].id").
 *         A batch that would take the ledger past ::OI_LEDGER_REQUESTS_MAX is
 *         ::OI_ELIMIT (path "count") before any request is read.
 */
OI_EXTERN oi_status oi_ledger_submit_many(oi_ledger *ledger, const oi_subsidy_request *reqs,
                                          size_t count, size_t req_size, oi_decision *out,
                                          size_t out_size, oi_error *err);

/**
 * Withdraw an awarded or waitlisted request. An award frees its seat and its
 * local's slot, and waitlisted requests are promoted, earliest receipt first,
 * for as long as one fits every rule (S10). Withdrawing a waitlisted request
 * promotes nobody.
 * @param id   borrowed; at most ::OI_ID_MAX + 1 bytes are read.
 * @param out  caller-owned, may be NULL; says who was promoted.
 * @return ::OI_OK, ::OI_EINVAL (an id too long or not printable),
 *         ::OI_ENOTFOUND (unknown id), ::OI_ESTATE
 *         (already withdrawn, or refused), ::OI_ENOMEM. On error the ledger
 *         is unchanged.
 */
OI_EXTERN oi_status oi_ledger_withdraw(oi_ledger *ledger, const char *id, oi_withdrawal *out,
                                       oi_error *err);

/**
 * Look a request up by id.
 * @param id   borrowed; at most ::OI_ID_MAX + 1 bytes are read.
 * @param out  caller-owned.
 * @return ::OI_OK, ::OI_EINVAL (an id too long or not printable), ::OI_ENOTFOUND.
 */
OI_EXTERN oi_status oi_ledger_get(const oi_ledger *ledger, const char *id,
                                  oi_ledger_entry *out, oi_error *err);

/**
 * The request entered as number @p entry_number (1-based), in entry order.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOTFOUND.
 */
OI_EXTERN oi_status oi_ledger_get_by_number(const oi_ledger *ledger, uint64_t entry_number,
                                            oi_ledger_entry *out, oi_error *err);

/**
 * A session's seats and counts.
 * @param session_id  borrowed; at most ::OI_ID_MAX + 1 bytes are read.
 * @param out         caller-owned.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOTFOUND.
 */
OI_EXTERN oi_status oi_ledger_session_summary(const oi_ledger *ledger, const char *session_id,
                                              oi_session_summary *out, oi_error *err);

/**
 * A session's requests of one status in receipt order (ties by entry):
 * ::OI_OUTCOME_AWARDED or ::OI_OUTCOME_WAITLISTED (the waitlist's order),
 * ::OI_OUTCOME_REFUSED or ::OI_OUTCOME_WITHDRAWN.
 * @param session_id borrowed; at most ::OI_ID_MAX + 1 bytes are read.
 * @param out        caller-owned array of @p capacity entries (may be NULL when
 *                   0), @p entry_size bytes apart; the first one's version is
 *                   set, and is the layout of all (each written gets it).
 * @param entry_size sizeof out[0]: at least the size of each element's layout.
 * @param count_out  receives how many there are in all; min(count, capacity)
 *                   are written, so a first call with capacity 0 sizes the array.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOTFOUND, ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_ledger_session_entries(const oi_ledger *ledger, const char *session_id,
                                              oi_outcome status, oi_ledger_entry *out,
                                              size_t capacity, size_t entry_size,
                                              size_t *count_out, oi_error *err);

/**
 * The officers of a local subsidized in a calendar year (S5): its awarded
 * requests of that year, in receipt order.
 * @param out, capacity, entry_size, count_out  as in oi_ledger_session_entries().
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_ledger_local_awards(const oi_ledger *ledger, uint32_t local_number,
                                           int year, oi_ledger_entry *out, size_t capacity,
                                           size_t entry_size, size_t *count_out,
                                           oi_error *err);

/**
 * Awards held by locals of a district.
 * @param district     1..13.
 * @param awards_out   caller-owned; awards held now.
 * @param nights_out   caller-owned, may be NULL; their nights.
 * @return ::OI_OK, ::OI_EINVAL.
 */
OI_EXTERN oi_status oi_ledger_district_awards(const oi_ledger *ledger, int district,
                                              size_t *awards_out, int64_t *nights_out,
                                              oi_error *err);

/**
 * Nights awarded at a designated hotel, over every session it serves.
 * @param hotel       borrowed: a hotel name as in the policy; at most
 *                    ::OI_NAME_MAX + 1 bytes are read.
 * @param nights_out  caller-owned.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOTFOUND (no session has that hotel).
 */
OI_EXTERN oi_status oi_ledger_hotel_nights(const oi_ledger *ledger, const char *hotel,
                                           int64_t *nights_out, oi_error *err);

/** @return the number of events in the audit trail (0 for NULL). */
OI_EXTERN size_t oi_ledger_event_count(const oi_ledger *ledger);

/**
 * Read event @p index (0-based; events are append-only, in the order they
 * happened).
 * @param out  caller-owned.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOTFOUND (index out of range).
 */
OI_EXTERN oi_status oi_ledger_event(const oi_ledger *ledger, size_t index, oi_event *out,
                                    oi_error *err);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* OFFICERINST_LEDGER_H */
