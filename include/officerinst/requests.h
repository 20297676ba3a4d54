/**
 * @file officerinst/requests.h
 * @brief Requests and decisions as documents: a batch of subsidy requests
 *        and enrollment applications read from JSON or built field by field
 *        (the rows of a spreadsheet), decided, and its decisions written as
 *        JSON.
 *
 * A batch is read under a policy: every element is checked as the rules
 * check a request or an application (its session and course exist, its
 * values are in range) and its ids are checked to be distinct, so deciding
 * a batch never fails on its elements. Values are written in the
 * vocabulary of vocab.h ("LM-3", "Secretary-Treasurer", "$249,999.99",
 * "2017-01-03 9:05"). doc/requests-format.md gives both formats with an
 * example; examples/requests-2017.json is a year's worth of requests.
 *
 * Bad elements. In ::OI_BATCH_ALL_OR_NOTHING mode the first bad element
 * fails the whole load and nothing is created. In ::OI_BATCH_PER_ELEMENT
 * mode a bad element is kept as an error, with its line, column, path,
 * index, field and what was expected (::oi_error), and the good ones are
 * read and decided. A document that is not well-formed, is over a limit,
 * is not a requests document or names another policy fails in either mode.
 * Errors in an element are ::OI_ESCHEMA (or ::OI_ELIMIT, ::OI_ENOMEM); what
 * was wrong is in ::oi_error::expected (::OI_EXPECT_SESSION for an unknown
 * session, ::OI_EXPECT_UNIQUE for an id used twice, ...).
 *
 * A batch borrows its policy, which must outlive it. Pointers a batch hands
 * out (requests, applications, errors, decisions) live until the batch is
 * freed, except decisions, which live until the batch is decided again.
 * A batch has no lock: calls that change it must not run concurrently with
 * any other call on it.
 */
#ifndef OFFICERINST_REQUESTS_H
#define OFFICERINST_REQUESTS_H

#include "common.h"
#include "error.h"
#include "types.h"
#include "policy.h"
#include "rules.h"
#include "ledger.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup oi_requests Request and decision documents
 *  @{ */

/** Largest requests document accepted, in bytes. */
#define OI_REQUESTS_DOCUMENT_MAX ((size_t)64 << 20)
/** Most requests, and most applications, one batch may hold. */
#define OI_BATCH_ELEMENTS_MAX ((size_t)1 << 20)

/** A batch of requests and applications (opaque). */
typedef struct oi_batch oi_batch;

/** What a bad element does to a batch. */
typedef enum oi_batch_mode {
  OI_BATCH_ALL_OR_NOTHING = 0, /**< The first bad element fails the whole load. */
  OI_BATCH_PER_ELEMENT = 1     /**< Bad elements are kept as errors; the good ones are read. */
} oi_batch_mode;

/**
 * Make an empty batch, to be filled with oi_batch_add_request() and
 * oi_batch_add_application().
 * @param policy  borrowed; must outlive the batch.
 * @param out     receives a batch the caller frees with oi_batch_free().
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_batch_new(const oi_policy *policy, oi_batch_mode mode, oi_batch **out,
                                 oi_error *err);

/** Free a batch. NULL is a no-op. */
OI_EXTERN void oi_batch_free(oi_batch *batch);

/**
 * Read a requests document (doc/requests-format.md).
 * @param text  borrowed; @p length bytes, need not be NUL-terminated.
 * @param out   receives a new batch the caller frees with oi_batch_free();
 *              written only on success.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_EPARSE, ::OI_ESCHEMA, ::OI_ELIMIT,
 *         ::OI_EMISMATCH (the document names another policy), ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_batch_from_json(const oi_policy *policy, const char *text, size_t length,
                                       oi_batch_mode mode, oi_batch **out, oi_error *err);

/**
 * Read a requests document from a file (a regular file of at most
 * ::OI_REQUESTS_DOCUMENT_MAX bytes), as oi_batch_from_json().
 * @return also ::OI_EIO when the file cannot be read.
 */
OI_EXTERN oi_status oi_batch_load(const oi_policy *policy, const char *path, oi_batch_mode mode,
                                  oi_batch **out, oi_error *err);

/**
 * Add one subsidy request given as field names and text values, as a row of
 * a spreadsheet gives it: names are the members of a request in the
 * document ("id", "session", "received", "local.country", "officer.office",
 * ...; doc/requests-format.md, "Fields"), values are read with the same
 * vocabulary as a document's, and an empty value is an absent field.
 * @param names, values  borrowed arrays of @p count NUL-terminated strings.
 * @param line  the element's line in its source (a row number), reported in
 *              its error; 0 when there is none.
 * @param index_out  caller-owned, may be NULL: the request's index in the batch.
 * @return ::OI_OK when the request was added: good, or bad and kept as an
 *         error in ::OI_BATCH_PER_ELEMENT mode (oi_batch_request_error() says
 *         which). In ::OI_BATCH_ALL_OR_NOTHING mode a bad request is not
 *         added and its error is returned (::OI_ESCHEMA, ::OI_ELIMIT).
 *         ::OI_EINVAL for NULL arguments, ::OI_ENOMEM in either mode.
 */
OI_EXTERN oi_status oi_batch_add_request(oi_batch *batch, const char *const *names,
                                         const char *const *values, size_t count, int line,
                                         size_t *index_out, oi_error *err);

/** Add one enrollment application given as fields, as oi_batch_add_request(). */
OI_EXTERN oi_status oi_batch_add_application(oi_batch *batch, const char *const *names,
                                             const char *const *values, size_t count, int line,
                                             size_t *index_out, oi_error *err);

/** @return the policy the batch was read under, or NULL for NULL. */
OI_EXTERN const oi_policy *oi_batch_policy(const oi_batch *batch);

/** @return the number of requests, good and bad (0 for NULL). */
OI_EXTERN size_t oi_batch_request_count(const oi_batch *batch);

/**
 * Copy request @p index out of the batch, in the layout of the caller's
 * version (a request holds a local and an officer by value, so the batch's
 * own structure is not handed out: a later layout of either would move
 * members the caller reads). Strings stay owned by the batch.
 * @param out  caller-owned, its version set (::OI_SUBSIDY_REQUEST_INIT).
 * @return ::OI_OK; ::OI_EINVAL (NULL, or a version the library does not
 *         know); ::OI_ENOTFOUND (@p index out of range); ::OI_ESTATE (the
 *         element is bad: oi_batch_request_error() says why).
 */
OI_EXTERN oi_status oi_batch_get_request(const oi_batch *batch, size_t index,
                                         oi_subsidy_request *out, oi_error *err);

/** @return the error of request @p index, or NULL if it is good or out of range. */
OI_EXTERN const oi_error *oi_batch_request_error(const oi_batch *batch, size_t index);

/** @return the number of applications, good and bad (0 for NULL). */
OI_EXTERN size_t oi_batch_application_count(const oi_batch *batch);

/** Copy application @p index out of the batch, as oi_batch_get_request(). */
OI_EXTERN oi_status oi_batch_get_application(const oi_batch *batch, size_t index,
                                             oi_application *out, oi_error *err);

/** @return the id the document gave application @p index, or NULL (none
 *  given, bad, or out of range). */
OI_EXTERN const char *oi_batch_application_id(const oi_batch *batch, size_t index);

/** @return the error of application @p index, or NULL if it is good or out of range. */
OI_EXTERN const oi_error *oi_batch_application_error(const oi_batch *batch, size_t index);

/** @return the number of bad elements, requests and applications (0 for NULL). */
OI_EXTERN size_t oi_batch_error_count(const oi_batch *batch);

/**
 * Decide every good element statelessly: each request with
 * oi_check_subsidy(), each application with oi_check_enrollment().
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_batch_check(oi_batch *batch, oi_error *err);

/**
 * Enter every good request into a ledger, in receipt order, as
 * oi_ledger_submit_many() does, and decide every good application
 * statelessly. A request whose id the ledger already holds is an error of
 * that element: in ::OI_BATCH_PER_ELEMENT mode it is kept as such
 * (::OI_EXPECT_UNIQUE) and the others are entered; otherwise nothing is
 * entered and its error is returned. The decisions are those made when
 * the requests were entered (later withdrawals change the ledger's entries,
 * not them).
 * @param ledger  on the batch's policy.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_EMISMATCH (a ledger on another policy),
 *         ::OI_EEXISTS, ::OI_ENOMEM. On error the ledger is unchanged.
 */
OI_EXTERN oi_status oi_batch_submit(oi_batch *batch, oi_ledger *ledger, oi_error *err);

/** @return the decision on request @p index, or NULL (bad, not decided yet).
 *  Owned by the batch, in the library's layout, which begins with every
 *  older layout's members at their places (doc/abi.md); read its reasons
 *  with oi_decision_reason(). */
OI_EXTERN const oi_decision *oi_batch_request_decision(const oi_batch *batch, size_t index);

/** @return the decision on application @p index, or NULL (bad, not decided yet). */
OI_EXTERN const oi_decision *oi_batch_application_decision(const oi_batch *batch,
                                                           size_t index);

/**
 * Write a decided batch as a decisions document (doc/requests-format.md):
 * for each request and application in order, its id and decision (outcome,
 * session, nights, payee, every reason with clause, code, severity, values
 * and message) or its error; the policy's id and digest.
 * @param out         receives a NUL-terminated text the caller frees with oi_free().
 * @param length_out  caller-owned, may be NULL.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ESTATE (not decided), ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_batch_decisions_to_json(const oi_batch *batch, char **out,
                                               size_t *length_out, oi_error *err);

/**
 * Write the decisions document to a file, atomically (as oi_policy_save()).
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ESTATE, ::OI_ENOMEM, ::OI_EIO.
 */
OI_EXTERN oi_status oi_batch_decisions_save(const oi_batch *batch, const char *path,
                                            oi_error *err);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* OFFICERINST_REQUESTS_H */
