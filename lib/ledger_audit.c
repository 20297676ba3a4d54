/*
 * The audit trail: every entry, decision, withdrawal and promotion, in the
 * order they happened, each naming its request (and a promotion the
 * withdrawal that caused it). An event is four bytes (ledger_state.h):
 * what it says besides its type and its request is the request's own, fixed
 * when it was decided (its decision, its reasons, the nights an award pays),
 * and a promotion's cause is the withdrawal it follows.
 */
#include "ledger_state.h"
#include "error_private.h"
#include "abi_private.h"

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

static oi_event_type type_of(uint32_t ev)
{
  return (oi_event_type)(ev >> OIP_EV_TYPE_SHIFT & 7u);
}

void oip_ledger_event_at(const oi_ledger *l, size_t index, struct oip_event_view *v)
{
  const uint32_t ev = l->events[index];
  const struct oip_rec *r = &l->recs[ev & OIP_ENTRY_MASK];

  v->type = type_of(ev);
  v->rec = ev & OIP_ENTRY_MASK;
  v->cause = SIZE_MAX;
  v->outcome = OI_OUTCOME_NONE;
  v->nights = 0;
  v->nights_if_awarded = r->nights;
  v->reasons = NULL;
  v->reason_count = 0;
  switch (v->type) {
  case OI_EVENT_ENTERED:
    break;
  case OI_EVENT_DECIDED:
    v->outcome = (oi_outcome)r->decided;
    v->nights = r->decided == OI_OUTCOME_AWARDED ? r->nights : 0;
    v->reasons = oip_reasons_at(l, r->reasons);
    v->reason_count = r->reason_count;
    break;
  case OI_EVENT_WITHDRAWN:
    v->outcome = (ev & OIP_EV_WAS_AWARDED) != 0 ? OI_OUTCOME_AWARDED : OI_OUTCOME_WAITLISTED;
    break;
  case OI_EVENT_PROMOTED: {
    /* A withdrawal promotes at most OI_PROMOTIONS_MAX, right after it. */
    size_t k = index - 1;
    while (type_of(l->events[k]) != OI_EVENT_WITHDRAWN)
      k--;
    v->cause = l->events[k] & OIP_ENTRY_MASK;
    v->outcome = OI_OUTCOME_AWARDED;
    v->nights = r->nights;
    break;
  }
  }
}

const char *oip_ledger_id_at(const oi_ledger *l, size_t i, size_t *len)
{
  const char *id = oip_str(l, l->recs[i].id);

  if (len != NULL)
    *len = oip_kept_length(id);
  return id;
}

oi_status oi_ledger_event(const oi_ledger *l, size_t index, oi_event *out, oi_error *err)
{
  struct oip_event_view v;

  if (l == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : "out",
                    "a required pointer is NULL");
  if (oip_check_version(&oip_layout_event, out->version, err, "out", "version") != OI_OK)
    return OI_EINVAL;
  if (index >= l->event_count)
    return oip_fail(err, OI_ENOTFOUND, NULL, "index", "event index %zu is not below %zu",
                    index, l->event_count);
  oip_ledger_event_at(l, index, &v);
  out->sequence = (uint64_t)index + 1;
  out->type = v.type;
  out->request_id = oip_ledger_id_at(l, v.rec, NULL);
  out->outcome = v.outcome;
  out->cause_id = v.cause != SIZE_MAX ? oip_ledger_id_at(l, v.cause, NULL) : NULL;
  out->nights = v.nights;
  out->reason_count = v.reason_count;
  out->reasons = v.reasons;
  return OI_OK;
}
