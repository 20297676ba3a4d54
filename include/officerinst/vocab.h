/**
 * @file officerinst/vocab.h
 * @brief One text form for every value: the names the documents, the
 *        messages and programs use, and the parsers that read them back.
 *
 * Every enumerated value of the library has exactly one name, the one the
 * policy documents, ledger snapshots and request documents are written with
 * ("US", "LM-3", "secretary_treasurer", "institute", "awarded", "S6",
 * "RECEIVED_LATE", "refusal", "entered", "OI_EINVAL"), and a parse function
 * that reads that name and the other spellings a person types
 * ("Secretary-Treasurer", "secretary treasurer", "LM3", "Canada"). The
 * library's own readers use these functions, so a web form, a script and a
 * report built on them agree on what each spelling means.
 *
 * Parsing ignores ASCII case, spaces, tabs, hyphens, underscores and dots
 * ("LM-3", "lm3", "L.M. 3" are one spelling); beyond the name, each type
 * accepts the aliases listed with its parse function (doc/vocabulary.md has
 * the whole table). Anything else fails with ::OI_EINVAL, an error whose
 * message lists the accepted names and, when one name is close to what was
 * written, says which ("did you mean \"secretary\"?"; also in
 * ::oi_error::suggestion), with ::oi_error::expected saying what kind of value
 * was expected. A failed parse leaves @p out untouched.
 *
 * The names of clauses, outcomes, reason codes, event types and statuses
 * come from the functions that have always given them: oi_clause_id(),
 * oi_outcome_name(), oi_reason_code_name() (rules.h), oi_event_type_name()
 * (ledger.h) and oi_status_name() (error.h). Dates and moments are read and
 * written by oi_date_parse(), oi_datetime_parse(), oi_date_format() and
 * oi_datetime_format() (date.h); amounts of money by oi_money_parse() and
 * oi_money_format() below. Every function here is reentrant.
 */
#ifndef OFFICERINST_VOCAB_H
#define OFFICERINST_VOCAB_H

#include "common.h"
#include "error.h"
#include "types.h"
#include "policy.h"
#include "rules.h"
#include "ledger.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup oi_vocab Names and their parsers
 *  @{ */

/** @return "US" or "CA", or NULL for a value that is not a country. */
OI_EXTERN const char *oi_country_name(oi_country country);

/**
 * Read a country (U1). Accepts "US", "USA", "U.S.", "U.S.A.", "United
 * States", "United States of America"; "CA", "CAN", "Canada".
 * @param text  NUL-terminated, borrowed.
 * @param out   caller-owned; written only on success.
 * @param err   caller-owned, may be NULL.
 * @return ::OI_OK, or ::OI_EINVAL (NULL argument or not a country).
 */
OI_EXTERN oi_status oi_country_parse(const char *text, oi_country *out, oi_error *err);

/** @return "none", "LM-2", "LM-3" or "LM-4", or NULL for a value that is not a form. */
OI_EXTERN const char *oi_lm_form_name(oi_lm_form form);

/**
 * Read the LM form a local files (S2). Accepts the names ("LM-3", "lm3",
 * "LM 3"), "Form LM-3" and the bare number ("3"); "none" and "no form" for
 * ::OI_LM_NONE.
 * @return ::OI_OK, or ::OI_EINVAL.
 */
OI_EXTERN oi_status oi_lm_form_parse(const char *text, oi_lm_form *out, oi_error *err);

/** @return the office's name ("secretary_treasurer", "none" for
 *  ::OI_OFFICE_NONE), or NULL for a value that is not an office. */
OI_EXTERN const char *oi_office_name(oi_office office);

/** @return the office's title as people write it ("Secretary-Treasurer",
 *  "Vice-President", "None"), or NULL for a value that is not an office. */
OI_EXTERN const char *oi_office_title(oi_office office);

/**
 * Read an office (U2, P2). Accepts the names and the titles
 * ("secretary_treasurer", "Secretary-Treasurer", "secretary treasurer"),
 * "VP" and "Vice President", "BA" for a business agent, "no office" for
 * ::OI_OFFICE_NONE.
 * @return ::OI_OK, or ::OI_EINVAL.
 */
OI_EXTERN oi_status oi_office_parse(const char *text, oi_office *out, oi_error *err);

/** @return "institute", "advanced_organizing" or "advanced_secretary_treasurer",
 *  or NULL for a value that is not a kind of course. */
OI_EXTERN const char *oi_course_kind_name(oi_course_kind kind);

/**
 * Read a kind of course (C1-C3). Accepts the names, "Officer Institute",
 * "Officer Institute 1.0" and "1.0" (C1); "Advanced Organizing 2.0" (C2);
 * "Advanced Secretary Treasurer 2.0", "Advanced Secretary-Treasurer" (C3).
 * @return ::OI_OK, or ::OI_EINVAL.
 */
OI_EXTERN oi_status oi_course_kind_parse(const char *text, oi_course_kind *out, oi_error *err);

/**
 * Read an outcome: the names of oi_outcome_name() ("awarded", "not
 * graduated", which may also be written "not_graduated").
 * @return ::OI_OK, or ::OI_EINVAL.
 */
OI_EXTERN oi_status oi_outcome_parse(const char *text, oi_outcome *out, oi_error *err);

/**
 * Read a clause id: the ids of oi_clause_id() ("S6", "s6", "S-6").
 * @return ::OI_OK, or ::OI_EINVAL.
 */
OI_EXTERN oi_status oi_clause_parse(const char *text, oi_clause *out, oi_error *err);

/**
 * Read a reason code: the names of oi_reason_code_name() ("RECEIVED_LATE",
 * "received late"), also with the C prefix ("OI_REASON_RECEIVED_LATE").
 * @return ::OI_OK, or ::OI_EINVAL.
 */
OI_EXTERN oi_status oi_reason_code_parse(const char *text, oi_reason_code *out, oi_error *err);

/** @return "refusal", "waitlist" or "note", or NULL for a value that is not a severity. */
OI_EXTERN const char *oi_severity_name(oi_severity severity);

/**
 * Read a severity: "refusal", "waitlist", "note".
 * @return ::OI_OK, or ::OI_EINVAL.
 */
OI_EXTERN oi_status oi_severity_parse(const char *text, oi_severity *out, oi_error *err);

/**
 * Read an event type: the names of oi_event_type_name() ("entered",
 * "decided", "withdrawn", "promoted").
 * @return ::OI_OK, or ::OI_EINVAL.
 */
OI_EXTERN oi_status oi_event_type_parse(const char *text, oi_event_type *out, oi_error *err);

/**
 * Read a status: the names of oi_status_name() ("OI_EINVAL"), also without
 * the prefix ("EINVAL", "einval").
 * @return ::OI_OK, or ::OI_EINVAL.
 */
OI_EXTERN oi_status oi_status_parse(const char *text, oi_status *out, oi_error *err);

/** Size of a buffer that holds any amount oi_money_format() writes, with its NUL
 *  ("-$92,233,720,368,547,758.08"). */
#define OI_MONEY_STRING_SIZE 28

/**
 * Read an amount of money written in dollars and cents, exactly, into
 * whole cents (no floating point is involved): "249,999.99", "$250,000",
 * "250000.00", "$1,000.5" (50 cents), "-$12.00". Surrounding spaces are
 * ignored; a "$" may follow the minus sign; thousands separators, when
 * used, must separate every group of three digits; at most two digits may
 * follow the decimal point, and at least one must.
 * @param text  NUL-terminated, borrowed.
 * @param out   caller-owned: the amount in cents; written only on success.
 * @return ::OI_OK, or ::OI_EINVAL (NULL argument, not an amount, fractions
 *         of a cent, or beyond the range of int64_t cents).
 */
OI_EXTERN oi_status oi_money_parse(const char *text, int64_t *out, oi_error *err);

/**
 * Write an amount of cents as dollars and cents with thousands separators,
 * "$250,000.00" ("-$12.00" when negative), truncating like snprintf. The
 * text is the one reason messages use, and oi_money_parse() reads it back.
 * @param buf   caller-owned, @p size bytes (may be NULL when size is 0).
 * @return the length the full text needs, or -1 if @p buf is NULL and
 *         @p size is not 0.
 */
OI_EXTERN int oi_money_format(int64_t cents, char *buf, size_t size);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* OFFICERINST_VOCAB_H */
