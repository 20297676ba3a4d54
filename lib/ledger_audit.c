/*
 * The audit trail: every entry, decision, withdrawal and promotion, in the
 * order they happened, each naming its request (and a promotion the
 * withdrawal that caused it).
 */
#include "ledger_state.h"
#include "error_private.h"

void oip_add_event(oi_ledger *l, oi_event_type type, struct oip_rec *rec,
                   struct oip_rec *cause, oi_outcome outcome)
{
  struct oip_event *e = &l->events[l->event_count++];

  e->rec = rec;
  e->cause = cause;
  e->type = (uint8_t)type;
  e->outcome = (uint8_t)outcome;
  e->reasons = type == OI_EVENT_DECIDED ? rec->reasons : NULL;
  e->reason_count = type == OI_EVENT_DECIDED ? rec->reason_count : 0;
  e->nights = (type == OI_EVENT_DECIDED && outcome == OI_OUTCOME_AWARDED) ||
                      type == OI_EVENT_PROMOTED
                  ? rec->nights
                  : 0;
}

const char *oi_event_type_name(oi_event_type type)
{
  switch (type) {
  case OI_EVENT_ENTERED: return "entered";
  case OI_EVENT_DECIDED: return "decided";
  case OI_EVENT_WITHDRAWN: return "withdrawn";
  case OI_EVENT_PROMOTED: return "promoted";
  }
  return NULL;
}

size_t oi_ledger_event_count(const oi_ledger *l)
{
  return l != NULL ? l->event_count : 0;
}

oi_status oi_ledger_event(const oi_ledger *l, size_t index, oi_event *out, oi_error *err)
{
  const struct oip_event *e;

  if (l == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : "out",
                    "a required pointer is NULL");
  if (index >= l->event_count)
    return oip_fail(err, OI_ENOTFOUND, NULL, "index", "event index %zu is not below %zu",
                    index, l->event_count);
  e = &l->events[index];
  out->sequence = (uint64_t)index + 1;
  out->type = (oi_event_type)e->type;
  out->request_id = e->rec->id;
  out->outcome = (oi_outcome)e->outcome;
  out->cause_id = e->cause != NULL ? e->cause->id : NULL;
  out->nights = e->nights;
  out->reason_count = e->reason_count;
  out->reasons = e->reasons;
  return OI_OK;
}
