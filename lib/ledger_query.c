/*
 * What the ledger answers: one entry by id or number, a session's summary
 * and listings (by receipt), a local's awards in a year, a district's
 * awards, a hotel's nights. Nothing here changes the ledger.
 */
#include <stdlib.h>
#include <string.h>

#include "ledger_state.h"
#include "error_private.h"
#include "abi_private.h"
#include "strutil.h"

static void fill_entry(const oi_ledger *l, uint32_t i, oi_ledger_entry *e)
{
  const struct oip_rec *r = &l->recs[i];
  const struct oip_session *s = &l->policy->sessions[r->session];

  e->id = oip_str(l, r->id);
  e->entry_number = (uint64_t)i + 1;
  e->session = r->session;
  e->session_id = s->id;
  e->year = s->first_day.year;
  e->local_number = r->local_number;
  e->local_name = oip_str(l, r->local_name);
  e->country = (oi_country)r->country;
  e->district = r->district;
  e->officer_id = oip_oy_id(l, oip_oy(l, r->oy));
  e->officer_name = oip_str(l, r->officer_name);
  e->received = oip_receipt_of_key(oip_receipt_of_order(oip_order(r)));
  e->status = (oi_outcome)r->status;
  e->nights_requested = r->nights_requested;
  /* S3: only an award pays; what an award pays is shown apart. */
  e->nights = r->status == OI_OUTCOME_AWARDED ? r->nights : 0;
  e->payee = r->status == OI_OUTCOME_AWARDED ? s->hotel : NULL;
  e->reason_count = oip_rec_reason_count(r);
  e->reasons = oip_rec_reasons(l, r);
  e->nights_if_awarded = r->nights;
}

void oip_ledger_request_at(const oi_ledger *l, size_t i, oi_subsidy_request *q,
                           oi_outcome *status, struct oip_lengths *lengths)
{
  const struct oip_rec *r = &l->recs[i];
  const struct oip_officer_year *oy = oip_oy(l, r->oy);
  static const oi_subsidy_request fresh = OI_SUBSIDY_REQUEST_INIT;

  *q = fresh;
  q->id = oip_str(l, r->id);
  q->session_id = l->policy->sessions[r->session].id;
  q->local.number = r->local_number;
  q->local.name = oip_str(l, r->local_name);
  q->local.country = (oi_country)r->country;
  q->local.district = r->district;
  q->local.lm_form = (oi_lm_form)r->lm_form;
  q->local.receipts_known = (r->flags & OIP_F_RECEIPTS) != 0;
  if (q->local.receipts_known) {
    /* Kept by record, in entry order. */
    size_t lo = 0, hi = l->receipt_count;
    while (hi - lo > 1) {
      const size_t mid = lo + (hi - lo) / 2;
      if (l->receipts[mid].rec <= i)
        lo = mid;
      else
        hi = mid;
    }
    q->local.receipts_cents = l->receipts[lo].cents;
  }
  q->officer.id = oip_oy_id(l, oy);
  q->officer.name = oip_str(l, r->officer_name);
  q->officer.office = (oi_office)r->office;
  if (lengths != NULL) {
    lengths->id = oip_kept_length(q->id);
    lengths->local_name = oip_kept_length(q->local.name);
    lengths->officer_id = oy->len;
    lengths->officer_name = q->officer.name != NULL ? oip_kept_length(q->officer.name) : 0;
    lengths->session = r->session;
  }
  q->received = oip_receipt_of_key(oip_receipt_of_order(oip_order(r)));
  q->nights = r->nights_requested;
  q->attested = (r->flags & OIP_F_ATTESTED) != 0;
  q->with_application = (r->flags & OIP_F_WITH_APPLICATION) != 0;
  q->application_signed = (r->flags & OIP_F_APPLICATION_SIGNED) != 0;
  q->request_signed = (r->flags & OIP_F_REQUEST_SIGNED) != 0;
  *status = (oi_outcome)r->status;
}

oi_status oi_ledger_get(const oi_ledger *l, const char *id, oi_ledger_entry *out, oi_error *err)
{
  uint32_t x;
  size_t len;
  oi_status st;

  if (l == NULL || id == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : id == NULL ? "id" : "out",
                    "a required pointer is NULL");
  st = oip_check_version(&oip_layout_ledger_entry, out->version, err, "out", "version");
  if (st == OI_OK)
    st = oip_check_string_len(id, OI_ID_MAX, 0, err, NULL, "id", &len);
  if (st != OI_OK)
    return st;
  x = oip_find_rec(l, id, len, oip_id_hash(l, id, len));
  if (x == OIP_NONE)
    return oip_fail(err, OI_ENOTFOUND, NULL, "id", "no request \"%.*s\" in the ledger",
                    OI_ID_MAX, id);
  fill_entry(l, x, out);
  return OI_OK;
}

oi_status oi_ledger_get_by_number(const oi_ledger *l, uint64_t n, oi_ledger_entry *out,
                                  oi_error *err)
{
  oi_status st;

  if (l == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : "out",
                    "a required pointer is NULL");
  st = oip_check_version(&oip_layout_ledger_entry, out->version, err, "out", "version");
  if (st != OI_OK)
    return st;
  if (n < 1 || n > l->count)
    return oip_fail(err, OI_ENOTFOUND, NULL, "entry_number",
                    "no request entered as number %llu (%zu entered)", (unsigned long long)n,
                    l->count);
  fill_entry(l, (uint32_t)(n - 1), out);
  return OI_OK;
}

static oi_status session_of(const oi_ledger *l, const char *session_id, size_t *index,
                            oi_error *err)
{
  oi_status st = oip_check_string(session_id, OI_ID_MAX, 0, err, NULL, "session_id");

  if (st != OI_OK)
    return st;
  if (oip_find_session(l->policy, session_id, index) == NULL)
    return oip_fail(err, OI_ENOTFOUND, NULL, "session_id", "no session \"%.*s\" in policy \"%s\"",
                    OI_ID_MAX, session_id, l->policy->id);
  return OI_OK;
}

oi_status oi_ledger_session_summary(const oi_ledger *l, const char *session_id,
                                    oi_session_summary *out, oi_error *err)
{
  const struct oip_session_state *s;
  size_t i;
  oi_status st;

  if (l == NULL || session_id == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL,
                    l == NULL ? "ledger" : session_id == NULL ? "session_id" : "out",
                    "a required pointer is NULL");
  st = oip_check_version(&oip_layout_session_summary, out->version, err, "out", "version");
  if (st == OI_OK)
    st = session_of(l, session_id, &i, err);
  if (st != OI_OK)
    return st;
  s = &l->sessions[i];
  out->seats = l->policy->sessions[i].seats;
  out->awarded = s->awarded_count;
  out->waitlisted = s->waitlisted_count;
  out->refused = s->refused_count;
  out->withdrawn = s->withdrawn_count;
  out->seats_left = out->seats - (int)s->awarded_count;
  out->nights = s->nights;
  return OI_OK;
}

static int cmp_order(const void *a, const void *b)
{
  const uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

/* Sort collected records by receipt (their order keys, in keys) and copy
 * what fits into out. */
/* Every element takes the first one's version (check_entries()). */
static void emit(const oi_ledger *l, uint64_t *keys, size_t n, oi_ledger_entry *out,
                 size_t capacity, size_t entry_size)
{
  const unsigned version = out->version;
  size_t i;

  qsort(keys, n, sizeof *keys, cmp_order);
  for (i = 0; i < n && i < capacity; i++) {
    oi_ledger_entry *e = (oi_ledger_entry *)oip_at_mut(out, i, entry_size);

    fill_entry(l, oip_entry_of(keys[i]), e);
    e->version = version;
  }
}

/* An output array of entries, before anything is written: the first
 * element's version is the layout of them all (a C array holds one type),
 * and entry_size must hold it. */
static oi_status check_entries(const oi_ledger_entry *out, size_t capacity, size_t entry_size,
                               oi_error *err)
{
  oi_error tmp;

  if (capacity == 0)
    return OI_OK;
  if (oip_check_version(&oip_layout_ledger_entry, out->version, &tmp, "out", "version") !=
      OI_OK)
    return oip_fail_element(err, &tmp, "out", 0);
  return oip_check_element_size(&oip_layout_ledger_entry, out->version, entry_size, err,
                                "entry_size");
}

oi_status oi_ledger_session_entries(const oi_ledger *l, const char *session_id,
                                    oi_outcome status, oi_ledger_entry *out, size_t capacity,
                                    size_t entry_size, size_t *count_out, oi_error *err)
{
  const struct oip_session_state *s;
  uint64_t *keys;
  uint32_t *recs, r;
  size_t i, total, k = 0;
  oi_status st;

  if (l == NULL || session_id == NULL || count_out == NULL || (capacity > 0 && out == NULL))
    return oip_fail(err, OI_EINVAL, NULL,
                    l == NULL ? "ledger" : session_id == NULL ? "session_id"
                                           : count_out == NULL ? "count_out" : "out",
                    "a required pointer is NULL");
  st = check_entries(out, capacity, entry_size, err);
  if (st == OI_OK)
    st = session_of(l, session_id, &i, err);
  if (st != OI_OK)
    return st;
  s = &l->sessions[i];
  switch (status) {
  case OI_OUTCOME_AWARDED: total = s->awarded_count; break;
  case OI_OUTCOME_WAITLISTED: total = s->waitlisted_count; break;
  case OI_OUTCOME_REFUSED: total = s->refused_count; break;
  case OI_OUTCOME_WITHDRAWN: total = s->withdrawn_count; break;
  default:
    return oip_fail(err, OI_EINVAL, NULL, "status",
                    "status %d is not awarded, waitlisted, refused or withdrawn", (int)status);
  }
  if (capacity == 0 || total == 0) {
    *count_out = total;
    return OI_OK;
  }
  keys = malloc(total * sizeof *keys);
  recs = malloc(total * sizeof *recs);
  if (keys == NULL || recs == NULL) {
    free(keys);
    free(recs);
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory listing %zu requests", total);
  }
  switch (status) {
  case OI_OUTCOME_AWARDED:
    memcpy(recs, s->awarded, total * sizeof *recs);
    k = total;
    break;
  case OI_OUTCOME_WAITLISTED:
    k = oip_waitlisted_records(l, i, recs);
    break;
  default:
    for (r = status == OI_OUTCOME_REFUSED ? s->refused : s->withdrawn; r != OIP_NONE;
         r = l->recs[r].a)
      recs[k++] = r;
    break;
  }
  if (k == SIZE_MAX) {
    free(keys);
    free(recs);
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory listing %zu requests", total);
  }
  for (i = 0; i < k; i++)
    keys[i] = oip_order(&l->recs[recs[i]]);
  emit(l, keys, k, out, capacity, entry_size);
  free(keys);
  free(recs);
  *count_out = total;
  return OI_OK;
}

oi_status oi_ledger_local_awards(const oi_ledger *l, uint32_t local, int year,
                                 oi_ledger_entry *out, size_t capacity, size_t entry_size,
                                 size_t *count_out, oi_error *err)
{
  uint64_t *keys;
  uint32_t ly;
  size_t s, k, total, got = 0;
  oi_status st;

  if (l == NULL || count_out == NULL || (capacity > 0 && out == NULL))
    return oip_fail(err, OI_EINVAL, NULL,
                    l == NULL ? "ledger" : count_out == NULL ? "count_out" : "out",
                    "a required pointer is NULL");
  st = check_entries(out, capacity, entry_size, err);
  if (st != OI_OK)
    return st;
  ly = oip_find_local_year(l, local, year, oip_local_hash(l, local, year));
  total = ly != OIP_NONE ? (size_t)l->lys[ly].awarded : 0;
  if (capacity == 0 || total == 0) {
    *count_out = total;
    return OI_OK;
  }
  keys = malloc(total * sizeof *keys);
  if (keys == NULL)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory listing %zu requests", total);
  /* The awards of a year are bounded by the policy's seats: walk them. */
  for (s = 0; s < l->policy->session_count; s++) {
    const struct oip_session_state *ss = &l->sessions[s];
    if (l->policy->sessions[s].first_day.year != year)
      continue;
    for (k = 0; k < ss->awarded_count && got < total; k++)
      if (l->recs[ss->awarded[k]].local_number == local)
        keys[got++] = oip_order(&l->recs[ss->awarded[k]]);
  }
  emit(l, keys, got, out, capacity, entry_size);
  free(keys);
  *count_out = total;
  return OI_OK;
}

oi_status oi_ledger_district_awards(const oi_ledger *l, int district, size_t *awards_out,
                                    int64_t *nights_out, oi_error *err)
{
  if (l == NULL || awards_out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : "awards_out",
                    "a required pointer is NULL");
  if (district < 1 || district > OI_DISTRICT_COUNT)
    return oip_fail(err, OI_EINVAL, NULL, "district", "district %d is outside 1..%d (U1)",
                    district, OI_DISTRICT_COUNT);
  *awards_out = l->district_awards[district];
  if (nights_out != NULL)
    *nights_out = l->district_nights[district];
  return OI_OK;
}

oi_status oi_ledger_hotel_nights(const oi_ledger *l, const char *hotel, int64_t *nights_out,
                                 oi_error *err)
{
  int64_t nights = 0;
  int found = 0;
  size_t s;
  oi_status st;

  if (l == NULL || hotel == NULL || nights_out == NULL)
    return oip_fail(err, OI_EINVAL, NULL,
                    l == NULL ? "ledger" : hotel == NULL ? "hotel" : "nights_out",
                    "a required pointer is NULL");
  st = oip_check_string(hotel, OI_NAME_MAX, 0, err, NULL, "hotel");
  if (st != OI_OK)
    return st;
  for (s = 0; s < l->policy->session_count; s++) {
    const struct oip_session *ps = &l->policy->sessions[s];
    if (ps->has_hotel && strcmp(ps->hotel, hotel) == 0) {
      found = 1;
      nights += l->sessions[s].nights;
    }
  }
  if (!found)
    return oip_fail(err, OI_ENOTFOUND, NULL, "hotel",
                    "no session of policy \"%s\" has the designated hotel \"%.*s\"",
                    l->policy->id, OI_NAME_MAX, hotel);
  *nights_out = nights;
  return OI_OK;
}
