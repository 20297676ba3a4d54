/*
 * Private: what the snapshot module reads of a ledger besides its public
 * interface. Not installed.
 */
#ifndef OFFICERINST_LEDGER_PRIVATE_H
#define OFFICERINST_LEDGER_PRIVATE_H

#include "officerinst/ledger.h"

/* The lengths of a request's strings (0 for a NULL name), and its
 * session's index. */
struct oip_lengths {
  size_t id, local_name, officer_id, officer_name;
  size_t session;
};

/* The request entered as number i + 1 (0-based i, entry order; strings
 * point into the ledger), its status now and, when lengths is not NULL,
 * its strings' lengths. */
void oip_ledger_request_at(const oi_ledger *ledger, size_t i, oi_subsidy_request *out,
                           oi_outcome *status, struct oip_lengths *lengths);

/* One event of the audit trail, by entry numbers rather than ids. */
struct oip_event_view {
  oi_event_type type;
  size_t rec;                /* 0-based entry of the request */
  size_t cause;              /* PROMOTED: the withdrawn request's; else SIZE_MAX */
  oi_outcome outcome;
  int nights;
  int nights_if_awarded;     /* of the request, fixed when it was decided */
  const oi_reason *reasons;  /* DECIDED */
  size_t reason_count;
};

/* Event index (0-based), which must exist. */
void oip_ledger_event_at(const oi_ledger *ledger, size_t index, struct oip_event_view *out);

/* The id of the request entered as number i + 1, and its length when len
 * is not NULL. */
const char *oip_ledger_id_at(const oi_ledger *ledger, size_t i, size_t *len);

/* json_ledger_write.c: the snapshot of a ledger as text (malloc'ed, NUL
 * after its length), in the format and version given; -1 when out of
 * memory or when a string of the ledger is not UTF-8. */
int oip_ledger_write_json(const oi_ledger *ledger, int version, const char *format,
                          char **out, size_t *length_out);

/* json_ledger_read.c: load a snapshot the quick way. 1 when loaded into
 * *out, -1 when out of memory (err says so), 0 when it declines: the full
 * reader must then read the text, and says what is wrong if anything is. */
int oip_ledger_read_json(const oi_policy *policy, const char *text, size_t length,
                         oi_ledger **out, oi_error *err);

#endif
