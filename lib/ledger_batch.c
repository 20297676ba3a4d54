/*
 * Entering a batch (S11: decided in receipt order, ties by order in the
 * batch, as entering the requests one by one in that order would).
 *
 * Three passes:
 *  1. the caller's requests, in the order they lie in memory: each checked
 *     once (its strings measured, its session found, its receipt turned
 *     into a key), decided as far as the stateless rules go, and its id,
 *     officer and local hashed; the first bad element, in the caller's
 *     order, is the one reported, duplicate ids included, which a sort of
 *     the id hashes finds (no table of the batch's ids);
 *  2. a radix sort of the receipt keys gives the order of entry, and
 *     everything the batch can need is reserved at once (the hash tables
 *     as spares, filled only as far as the entries need);
 *  3. the requests in that order: each written into the next record, its
 *     strings into the pool, and committed (S9, S4 and S5 against the
 *     ledger as it stands), while what the requests a few places ahead
 *     will read is fetched: the request and its strings, the tables' slots,
 *     then the officer- and local-years they name. Records, strings and
 *     events are written in order; only the caller's requests are read out
 *     of it, ahead of need.
 */
#include <stdlib.h>
#include <string.h>

#include "ledger_state.h"
#include "rules_private.h"
#include "error_private.h"
#include "abi_private.h"

/* Element i of the caller's array, whose elements are req_size bytes apart. */
#define REQ(i) ((const oi_subsidy_request *)oip_at(reqs, (i), req_size))

/* What pass 1 learns of a request, for pass 3. */
struct checked_item {
  uint64_t id_hash, officer_hash, local_hash;
  int32_t days;
  uint32_t seconds; /* of the day of receipt */
  uint16_t session;
  uint8_t id_len, officer_id_len, local_name_len, officer_name_len;
  uint8_t reasons;  /* of its stateless decision */
  uint8_t outcome;  /* of its stateless decision */
  uint8_t nights;   /* an award of it pays (S3) */
};

/* LSD radix sort of n keys on bits [from, to), 11 at a time, stable: the
 * result in *keys (tmp is scratch of n). */
static void radix_sort(uint64_t **keys, uint64_t **tmp, size_t n, unsigned from, unsigned to)
{
  static const unsigned digit = 11;
  size_t counts[1u << 11];
  unsigned shift;

  for (shift = from; shift < to; shift += digit) {
    uint64_t *src = *keys, *dst = *tmp, *swap;
    size_t i, sum = 0;

    memset(counts, 0, sizeof counts);
    for (i = 0; i < n; i++)
      counts[(src[i] >> shift) & ((1u << digit) - 1)]++;
    for (i = 0; i < (1u << digit); i++) {
      const size_t c = counts[i];
      counts[i] = sum;
      sum += c;
    }
    for (i = 0; i < n; i++)
      dst[counts[(src[i] >> shift) & ((1u << digit) - 1)]++] = src[i];
    swap = *keys;
    *keys = *tmp;
    *tmp = swap;
  }
}

static unsigned bits_of(uint64_t v)
{
  unsigned b = 0;

  while (v != 0) {
    b++;
    v >>= 1;
  }
  return b;
}

/* The earliest element (below limit) whose id an earlier element of the
 * batch has, or limit: the id hashes sorted (their top 40 bits, the
 * elements' indexes below), then equal hashes compared as ids. */
static size_t first_duplicate(const oi_subsidy_request *reqs, size_t req_size,
                              const struct checked_item *items, size_t limit, uint64_t *keys,
                              uint64_t *tmp)
{
  size_t i, j, first = limit;

  for (i = 0; i < limit; i++)
    keys[i] = (items[i].id_hash & ~OIP_ENTRY_MASK) | i;
  radix_sort(&keys, &tmp, limit, OIP_ENTRY_BITS, 64);
  for (i = 0; i < limit; i = j) {
    for (j = i + 1; j < limit && (keys[j] >> OIP_ENTRY_BITS) == (keys[i] >> OIP_ENTRY_BITS); j++)
      ;
    if (j - i > 1) {
      size_t a, b;
      for (b = i + 1; b < j; b++) {
        const size_t x = oip_entry_of(keys[b]);
        for (a = i; a < b; a++) {
          const size_t y = oip_entry_of(keys[a]);
          if (items[x].id_len == items[y].id_len &&
              memcmp(REQ(x)->id, REQ(y)->id, items[x].id_len) == 0) {
            if (x < first)
              first = x;
            break;
          }
        }
      }
    }
  }
  return first;
}

/* Pass 1: check element i. Its error, element-relative, into *e. */
static oi_status check_element(const oi_ledger *l, const oi_subsidy_request *r,
                               struct checked_item *it, oi_error *e)
{
  struct oip_checked c;
  oi_decision d;
  oi_status st = oip_check_subsidy_request(l->policy, r, "request", &c, e);
  int32_t year;

  if (st != OI_OK)
    return st;
  if (r->id == NULL || r->id[0] == '\0')
    return oip_fail(e, OI_EINVAL, "request", "id",
                    "a ledger names requests by id: the id is required");
  year = l->policy->sessions[c.session].first_day.year;
  it->id_hash = oip_id_hash(l, r->id, c.id_len);
  it->officer_hash = oip_officer_hash(l, r->officer.id, c.officer_id_len, year);
  it->days = c.received_days;
  it->session = (uint16_t)c.session;
  it->id_len = (uint8_t)c.id_len;
  it->officer_id_len = (uint8_t)c.officer_id_len;
  it->local_name_len = (uint8_t)c.local_name_len;
  it->officer_name_len = (uint8_t)c.officer_name_len;
  it->local_hash = oip_local_hash(l, r->local.number, year);
  oip_decide_checked(l->policy, r, &c, &d);
  it->reasons = (uint8_t)d.reason_count;
  it->outcome = (uint8_t)d.outcome;
  it->nights = (uint8_t)d.nights_if_awarded;
  it->seconds = (uint32_t)(r->received.hour * 3600 + r->received.minute * 60 + r->received.second);
  if (l->count > 0 && oip_find_rec(l, r->id, c.id_len, it->id_hash) != OIP_NONE)
    return oip_fail(e, OI_EEXISTS, "request", "id", "request \"%s\" is already entered", r->id);
  return OI_OK;
}

/* Fetch, for the request of rank k, what stage asks: 0 its request and
 * what pass 1 learnt of it; 1 its strings and the tables' slots; 2 the
 * officer- and local-years the slots name; 3 the local-year's queue. */
static void fetch(const oi_ledger *l, const oi_subsidy_request *reqs, size_t req_size,
                  const struct checked_item *items, const uint64_t *sorted, size_t k, int stage)
{
  const size_t i = oip_entry_of(sorted[k]);
  const struct checked_item *it = &items[i];
  const oi_subsidy_request *r = REQ(i);
  uint32_t x;

  switch (stage) {
  case 0:
    oip_prefetch(r);
    oip_prefetch((const char *)r + 64);
    oip_prefetch((const char *)r + sizeof *r - 1);
    oip_prefetch(it);
    break;
  case 1:
    oip_prefetch(r->id);
    oip_prefetch(r->local.name);
    oip_prefetch(r->officer.id);
    if (r->officer.name != NULL)
      oip_prefetch(r->officer.name);
    oip_table_prefetch(&l->ids, oip_tag_of(it->id_hash));
    oip_table_prefetch(&l->officers, oip_tag_of(it->officer_hash));
    if (it->outcome == OI_OUTCOME_ELIGIBLE)
      oip_table_prefetch(&l->locals, oip_tag_of(it->local_hash));
    break;
  case 2:
    if ((x = oip_table_peek(&l->officers, oip_tag_of(it->officer_hash))) != OIP_TABLE_NONE)
      oip_prefetch(oip_oy(l, x));
    if (it->outcome == OI_OUTCOME_ELIGIBLE &&
        (x = oip_table_peek(&l->locals, oip_tag_of(it->local_hash))) != OIP_TABLE_NONE)
      oip_prefetch(&l->lys[x]);
    break;
  default:
    /* The local-year's first queue, where a waitlisted request goes. */
    if (it->outcome == OI_OUTCOME_ELIGIBLE &&
        (x = oip_table_peek(&l->locals, oip_tag_of(it->local_hash))) != OIP_TABLE_NONE &&
        l->lys[x].queues != OIP_NONE)
      oip_prefetch(&l->queues[l->lys[x].queues]);
    break;
  }
}

/* The decisions, in the caller's order, so that the 968-byte decisions are
 * written one after another rather than all over the caller's array: the
 * record of each element (record[i]), fetched a few ahead. Every element
 * takes the first one's version (oip_check_decision_array()). */
static void decisions_out(const oi_ledger *l, size_t count, const uint64_t *record,
                          oi_decision *out, size_t out_size)
{
  const unsigned version = out->version;
  size_t i;

  for (i = 0; i < count; i++) {
    if (i + 16 < count)
      oip_prefetch(&l->recs[record[i + 16]]);
    if (i + 8 < count && l->recs[record[i + 8]].reasons != OIP_POOL_NONE)
      oip_prefetch(oip_reasons_at(l, l->recs[record[i + 8]].reasons));
    oi_decision *d = (oi_decision *)oip_at_mut(out, i, out_size);

    oip_decision_of(l, (uint32_t)record[i], d);
    d->version = version;
  }
}

/* Pass 3, everything reserved: cannot fail. record (count of them) is
 * scratch. */
static void enter(oi_ledger *l, const oi_subsidy_request *reqs, size_t req_size, size_t count,
                  const struct checked_item *items, const uint64_t *sorted, uint64_t *record,
                  oi_decision *out, size_t out_size)
{
  enum { AHEAD0 = 32, AHEAD1 = 16, AHEAD2 = 6, AHEAD3 = 2 };
  size_t k;

  for (k = 0; k < count && k < AHEAD0; k++)
    fetch(l, reqs, req_size, items, sorted, k, 0);
  for (k = 0; k < count && k < AHEAD1; k++)
    fetch(l, reqs, req_size, items, sorted, k, 1);
  for (k = 0; k < count; k++) {
    const size_t i = oip_entry_of(sorted[k]);
    const struct checked_item *it = &items[i];
    const oi_subsidy_request *r = REQ(i);
    const uint32_t x = (uint32_t)l->count;
    struct oip_entering e;
    struct oip_checked c;
    struct oip_rec *rec;
    oi_decision d;

    if (k + AHEAD0 < count)
      fetch(l, reqs, req_size, items, sorted, k + AHEAD0, 0);
    if (k + AHEAD1 < count)
      fetch(l, reqs, req_size, items, sorted, k + AHEAD1, 1);
    if (k + AHEAD2 < count)
      fetch(l, reqs, req_size, items, sorted, k + AHEAD2, 2);
    if (k + AHEAD3 < count)
      fetch(l, reqs, req_size, items, sorted, k + AHEAD3, 3);
    memset(&c, 0, sizeof c);
    c.session = it->session;
    c.received_days = it->days;
    oip_decide_checked(l->policy, r, &c, &d);
    oip_fill_rec(l, x, r, &c, &d);
    rec = &l->recs[x];
    rec->id = oip_keep_string(l, r->id, it->id_len);
    rec->local_name = oip_keep_string(l, r->local.name, it->local_name_len);
    rec->officer_name = r->officer.name != NULL
                            ? oip_keep_string(l, r->officer.name, it->officer_name_len)
                            : OIP_POOL_NONE;
    memset(&e, 0, sizeof e);
    e.id_hash = it->id_hash;
    e.officer_hash = it->officer_hash;
    e.local_hash = it->local_hash;
    e.officer_id = r->officer.id;
    e.officer_id_len = it->officer_id_len;
    oip_commit(l, x, &e, &d, NULL);
    record[i] = x;
  }
  if (out != NULL)
    decisions_out(l, count, record, out, out_size);
}

oi_status oi_ledger_submit_many(oi_ledger *l, const oi_subsidy_request *reqs, size_t count,
                                size_t req_size, oi_decision *out, size_t out_size,
                                oi_error *err)
{
  struct checked_item *items = NULL;
  uint64_t *keys = NULL, *tmp = NULL, lo = UINT64_MAX, hi = 0;
  struct oip_reservation res;
  size_t i, bad, dup, *per_session = NULL;
  oi_status st = OI_OK;
  oi_error tmp_err;

  if (l == NULL || (count > 0 && reqs == NULL))
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : "requests",
                    "a required pointer is NULL");
  if (count == 0)
    return OI_OK;
  if (count > (size_t)OI_LEDGER_REQUESTS_MAX - l->count)
    return oip_fail(err, OI_ELIMIT, NULL, "count",
                    "%zu requests are too many: the ledger holds %zu and may hold at most %d",
                    count, l->count, OI_LEDGER_REQUESTS_MAX);
  items = malloc(count * sizeof *items);
  keys = malloc(count * sizeof *keys);
  tmp = malloc(count * sizeof *tmp);
  if (items == NULL || keys == NULL || tmp == NULL) {
    st = oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory for a batch of %zu", count);
    goto done;
  }
  /* Pass 1. Nothing changes before every element is known good. */
  memset(&res, 0, sizeof res);
  for (bad = 0; bad < count; bad++) {
    const oi_subsidy_request *r = REQ(bad);

    /* The element's version says how big it is, before any other member
     * is read. */
    if (oip_check_version(&oip_layout_subsidy_request, r->version, &tmp_err, "request",
                          "version") != OI_OK) {
      oip_hint_element_size(&tmp_err, bad, req_size, sizeof *r, "req_size");
      break;
    }
    if (oip_check_element_size(&oip_layout_subsidy_request, r->version, req_size, err,
                               "req_size") != OI_OK ||
        (bad == 0 && out != NULL && oip_check_decision_array(out, out_size, err) != OI_OK)) {
      st = OI_EINVAL;
      goto done;
    }
    if (check_element(l, r, &items[bad], &tmp_err) != OI_OK)
      break;
    res.string_bytes += (size_t)items[bad].id_len + items[bad].local_name_len +
                        items[bad].officer_name_len + items[bad].officer_id_len + 8u;
    /* What S9 (a refusal), or S4 and S5 (an eligible request), may add. */
    res.reason_bytes += (items[bad].reasons + (items[bad].outcome == OI_OUTCOME_ELIGIBLE ? 2u : 1u)) *
                        sizeof(oi_reason);
  }
  /* A duplicate ahead of the first bad element is the one reported. */
  dup = first_duplicate(reqs, req_size, items, bad, keys, tmp);
  if (dup < bad) {
    oip_fail(&tmp_err, OI_EEXISTS, "request", "id", "request \"%s\" appears twice in the batch",
             REQ(dup)->id);
    bad = dup;
  }
  if (bad < count) {
    st = oip_fail_element(err, &tmp_err, "requests", bad);
    goto done;
  }
  /* Pass 2: everything the batch may need. */
  res.requests = count;
  res.events = 2 * count;
  res.officers = res.locals = res.queues = count;
  res.heads = count; /* each request one push into any one heap, at most */
  st = oip_ledger_reserve(l, &res, err);
  per_session = calloc(l->policy->session_count > 0 ? l->policy->session_count : 1,
                       sizeof *per_session);
  if (st == OI_OK && per_session == NULL)
    st = oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory for a batch of %zu", count);
  for (i = 0; st == OI_OK && i < count; i++)
    per_session[items[i].session]++;
  for (i = 0; st == OI_OK && i < l->policy->session_count; i++)
    if (per_session[i] > 0 && oip_awards_reserve(l, i) != 0)
      st = oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory growing the ledger");
  if (st != OI_OK)
    goto done;
  /* S11: receipt order, ties by order in the batch: the keys hold the
   * receipt above the index, and only the receipt's bits need sorting. */
  for (i = 0; i < count; i++) {
    const uint64_t r =
        (uint64_t)((int64_t)items[i].days * 86400 + items[i].seconds - OIP_KEY_MIN);
    lo = r < lo ? r : lo;
    hi = r > hi ? r : hi;
    keys[i] = r;
  }
  for (i = 0; i < count; i++)
    keys[i] = (keys[i] - lo) << OIP_ENTRY_BITS | i;
  radix_sort(&keys, &tmp, count, OIP_ENTRY_BITS, OIP_ENTRY_BITS + bits_of(hi - lo));
  enter(l, reqs, req_size, count, items, keys, tmp, out, out_size);
done:
  oip_pool_trim(&l->strings);
  oip_pool_trim(&l->reasons);
  oip_table_trim(&l->ids);
  oip_table_trim(&l->officers);
  oip_table_trim(&l->locals);
  free(items);
  free(keys);
  free(tmp);
  free(per_session);
  return st;
}
