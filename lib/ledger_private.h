/*
 * Private: the ledger's records, shared with the snapshot module. Not
 * installed.
 */
#ifndef OFFICERINST_LEDGER_PRIVATE_H
#define OFFICERINST_LEDGER_PRIVATE_H

#include "officerinst/ledger.h"
#include "avl.h"
#include "map.h"
#include "arena.h"

struct oip_queue;
struct oip_local_year;
struct oip_officer_year;

/* One request as the ledger keeps it: what the subsidy rules read, and where
 * it stands. */
struct oip_rec {
  struct oip_avl node;             /* in its session's awards or its queue */
  int64_t received_key;            /* seconds since 1970-01-01T00:00:00 */
  uint64_t entry;                  /* 1-based order of entry */
  struct oip_rec *list_next;       /* in its session's refused or withdrawn list */
  struct oip_queue *queue;         /* while waitlisted */
  struct oip_local_year *ly;       /* eligible requests: the local's year */
  struct oip_officer_year *oy;     /* the officer's year (S9) */
  const char *id;
  const char *officer_id;
  const char *officer_name;        /* may be NULL */
  const char *local_name;
  const oi_reason *reasons;        /* of the latest decision */
  int64_t receipts_cents;
  uint32_t local_number;
  int32_t session;
  int32_t year;
  int32_t nights_requested;
  int32_t nights;                  /* what an award pays (S3), paid only while
                                      awarded; 0 when refused */
  uint8_t country, district, lm_form, receipts_known, office;
  uint8_t attested, with_application, application_signed, request_signed;
  uint8_t status;                  /* an oi_outcome */
  uint8_t reason_count;
};

/* One event of the audit trail. */
struct oip_event {
  struct oip_rec *rec;
  struct oip_rec *cause;           /* PROMOTED: the withdrawn request */
  const oi_reason *reasons;
  uint8_t type;                    /* an oi_event_type */
  uint8_t outcome;                 /* an oi_outcome */
  uint8_t reason_count;
  int32_t nights;
};

/* The request a record was made from (strings point into the ledger). */
void oip_ledger_request_of(const struct oip_rec *rec, const oi_policy *policy,
                           oi_subsidy_request *out);

/* Record number i (0-based, entry order). */
const struct oip_rec *oip_ledger_rec(const oi_ledger *ledger, size_t i);

#endif
