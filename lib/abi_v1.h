/*
 * Private: the version-1 layouts of the public structures, copied by hand
 * and never to be edited: what a program compiled against the ABI 1
 * headers (libofficerinst.so.1, doc/abi.md) has in its memory. The headers
 * may grow; these may not. lib/abi.c takes the sizes of version 1 from
 * here, not from the headers, and refuses to compile while a structure of
 * version 1 in the headers differs in size from its copy here;
 * tests/check_abi.c checks that every member is where the headers put it,
 * and passes structures of these layouts to the library. Not installed.
 */
#ifndef OFFICERINST_ABI_V1_H
#define OFFICERINST_ABI_V1_H

#include "officerinst/types.h"
#include "officerinst/policy.h"
#include "officerinst/rules.h"
#include "officerinst/ledger.h"

typedef struct oip_v1_local {
  unsigned int version;
  uint32_t number;
  const char *name;
  oi_country country;
  int district;
  oi_lm_form lm_form;
  int receipts_known;
  int64_t receipts_cents;
} oip_v1_local;

typedef struct oip_v1_officer {
  unsigned int version;
  const char *id;
  const char *name;
  oi_office office;
  const oi_graduation *graduations;
  size_t graduation_count;
} oip_v1_officer;

typedef struct oip_v1_subsidy_request {
  unsigned int version;
  const char *id;
  const char *session_id;
  oip_v1_local local;
  oip_v1_officer officer;
  oi_datetime received;
  int nights;
  int attested;
  int with_application;
  int application_signed;
  int request_signed;
} oip_v1_subsidy_request;

typedef struct oip_v1_application {
  unsigned int version;
  const char *session_id;
  const char *course_id;
  oip_v1_local local;
  oip_v1_officer officer;
} oip_v1_application;

typedef struct oip_v1_decision {
  unsigned int version;
  oi_outcome outcome;
  const char *policy_id;
  int32_t session;
  const char *session_id;
  int nights_requested;
  int nights;
  const char *payee;
  size_t reason_count;
  oi_reason reasons[16];
  int nights_if_awarded;
  const char *request_id;
} oip_v1_decision;

typedef struct oip_v1_ledger_entry {
  unsigned int version;
  const char *id;
  uint64_t entry_number;
  int32_t session;
  const char *session_id;
  int year;
  uint32_t local_number;
  const char *local_name;
  oi_country country;
  int district;
  const char *officer_id;
  const char *officer_name;
  oi_datetime received;
  oi_outcome status;
  int nights_requested;
  int nights;
  const char *payee;
  size_t reason_count;
  const oi_reason *reasons;
  int nights_if_awarded;
} oip_v1_ledger_entry;

typedef struct oip_v1_session_summary {
  unsigned int version;
  int seats;
  size_t awarded;
  size_t waitlisted;
  size_t refused;
  size_t withdrawn;
  int seats_left;
  int64_t nights;
} oip_v1_session_summary;

typedef struct oip_v1_policy_numbers {
  unsigned int version;
  int year;
  int seats_per_session;
  int local_cap_per_year;
  int deadline_weeks;
  int max_nights;
  int64_t canada_threshold_cents;
} oip_v1_policy_numbers;

typedef struct oip_v1_session {
  unsigned int version;
  const char *id;
  const char *place;
  const char *hotel;
  oi_date first_day;
  oi_date last_day;
  unsigned countries;
  const char *const *course_ids;
  size_t course_count;
  int own_seats;
  int has_own_seats;
} oip_v1_session;

typedef struct oip_v1_withdrawal {
  unsigned int version;
  oi_outcome previous;
  size_t promoted_count;
  const char *promoted[2];
} oip_v1_withdrawal;

typedef struct oip_v1_course {
  unsigned int version;
  const char *id;
  const char *title;
  oi_course_kind kind;
} oip_v1_course;

typedef struct oip_v1_stay {
  unsigned int version;
  int nights;
  int nights_awarded;
  int64_t nightly_rate_cents;
} oip_v1_stay;

typedef struct oip_v1_cost_split {
  unsigned int version;
  oi_payer payer[5];
  int subsidy_nights;
  int local_nights;
  int64_t subsidy_hotel_cents;
  int64_t local_hotel_cents;
} oip_v1_cost_split;

typedef struct oip_v1_event {
  unsigned int version;
  uint64_t sequence;
  oi_event_type type;
  const char *request_id;
  oi_outcome outcome;
  const char *cause_id;
  int nights;
  size_t reason_count;
  const oi_reason *reasons;
} oip_v1_event;

#endif
