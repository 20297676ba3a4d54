/*
 * Private: the stateless subsidy rules, split into validation and decision
 * so the ledger can validate once and decide many times. Not installed.
 */
#ifndef OFFICERINST_RULES_PRIVATE_H
#define OFFICERINST_RULES_PRIVATE_H

#include "officerinst/rules.h"

/* Most reasons one decision carries: the room of the library's own
 * decision layout. Every check produces fewer (tests/check_abi builds the
 * worst case). */
#define OIP_REASONS_MAX OI_DECISION_V1_REASONS

/*
 * Validate a subsidy request and find its session. Error paths start with
 * prefix ("request"). On success *session_index is the session's index.
 */
oi_status oip_validate_subsidy(const oi_policy *policy, const oi_subsidy_request *req,
                               const char *prefix, size_t *session_index, oi_error *err);

/* Decide a validated request: S1, S2, S3, S6, S8, E1. Never fails. */
void oip_decide_subsidy(const oi_policy *policy, const oi_subsidy_request *req,
                        size_t session_index, oi_decision *out);

/* What validating a request found, so that deciding it and entering it in a
 * ledger read none of its strings again: its session, the day number of its
 * receipt, and the lengths of its strings (0 for a NULL id or name). */
struct oip_checked {
  size_t session;
  int32_t received_days;
  size_t id_len;
  size_t local_name_len;
  size_t officer_id_len;
  size_t officer_name_len;
};

/* oip_validate_subsidy(), with what it found into *out. The same errors;
 * a request that passes is read once. */
oi_status oip_check_subsidy_request(const oi_policy *policy, const oi_subsidy_request *req,
                                    const char *prefix, struct oip_checked *out,
                                    oi_error *err);

/* oip_decide_subsidy() of a request checked by oip_check_subsidy_request(). */
void oip_decide_checked(const oi_policy *policy, const oi_subsidy_request *req,
                        const struct oip_checked *checked, oi_decision *out);

/* Check element i of an array of requests req_size bytes apart: its
 * version, that req_size holds its layout, then oip_check_subsidy_request().
 * Errors name the element ("requests[3].local.version") or "req_size". */
oi_status oip_check_request_element(const oi_policy *policy, const oi_subsidy_request *reqs,
                                    size_t i, size_t req_size, struct oip_checked *out,
                                    oi_error *err);

/* Check an array of decisions out_size bytes apart, before anything is
 * written: its first element's version, the layout of every element
 * ("out[0].version"), and that out_size holds that layout ("out_size"). */
oi_status oip_check_decision_array(const oi_decision *out, size_t out_size, oi_error *err);

/* The checks of a local and an officer (U1, U2) and of a session id, paths
 * "prefix.local.field" and so on, shared by subsidies (rules.c) and by
 * enrollment and graduation (enrollment.c). */
oi_status oip_check_local(const oi_local *local, oi_error *err, const char *prefix);
oi_status oip_check_officer(const oi_officer *officer, oi_error *err, const char *prefix);
oi_status oip_check_session_id(const oi_policy *policy, const char *id, oi_error *err,
                               const char *prefix, size_t *index);

/* A decision at session index, no outcome or reason yet (its version is
 * the caller's and stays). */
void oip_start_decision(const oi_policy *policy, size_t session, oi_decision *out);

/* E1: a reason when the session does not admit the local's country. */
struct oip_session;
void oip_apply_e1(const struct oip_session *session, const oi_local *local, int32_t index,
                  oi_decision *out);

/* Fill a reason. */
void oip_set_reason(oi_reason *r, oi_reason_code code, oi_clause clause, oi_severity severity,
                    int32_t session, int64_t v0, int64_t v1, int64_t v2, int64_t v3);

/* Append a reason to a decision. */
void oip_add_reason(oi_decision *d, oi_reason_code code, oi_clause clause,
                    oi_severity severity, int32_t session, int64_t v0, int64_t v1,
                    int64_t v2, int64_t v3);

#endif
