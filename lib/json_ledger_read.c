/*
 * Loading a ledger snapshot the quick way. A snapshot is almost always the
 * text oi_ledger_to_json() wrote: members in its order, strings with no
 * \u escape. This reader takes that text in one pass, reading each request
 * and event in place rather than through a jansson value per element, and
 * replays and checks the history exactly as the full reader does
 * (json_ledger.c): the same requests entered and withdrawn in the same
 * order, every recorded event compared with the replay's, every limit of
 * the document (its size, its elements' sizes and counts, its strings'
 * lengths) held to. The root's few small members are read with jansson.
 *
 * It only ever says yes for a document the full reader accepts, giving the
 * same ledger: anything else it is unsure of, a member out of order, a
 * number with a fraction, a value the policy decides otherwise, makes it
 * decline, and the full reader then reads the document and reports what is
 * wrong where it is wrong. So a snapshot is never refused here, only
 * accepted or handed on.
 */
#include <stdlib.h>
#include <string.h>

#include "officerinst/json.h"
#include "json_doc.h"
#include "ledger_private.h"
#include "policy_private.h"
#include "vocab_private.h"
#include "json_scan.h"
#include "arena.h"

#define DECLINE 0
#define DONE 1
#define NOMEM (-1)

/* The text, and the version of the format it says it is. */
struct reader {
  struct oip_scan s;
  int version;
};

/* The scanner's readers (json_scan.h), for brevity below. */
static void ws(struct reader *c)
{
  oip_scan_ws(&c->s);
}

static int expect(struct reader *c, char ch)
{
  return oip_scan_byte(&c->s, ch);
}

#define KEY(c, k) oip_scan_key(&(c)->s, "\"" k "\"", sizeof(k) + 1)

static int string(struct reader *c, const char **s, size_t *len, size_t max, int want_nul)
{
  return oip_scan_string(&c->s, s, len, max, want_nul);
}

static int integer(struct reader *c, int64_t lo, int64_t hi, int64_t *v)
{
  return oip_scan_integer(&c->s, lo, hi, v);
}

static int literal(struct reader *c, const char *lit, size_t len)
{
  return oip_scan_literal(&c->s, lit, len);
}

static int boolean(struct reader *c, int *v)
{
  return oip_scan_boolean(&c->s, v);
}

static int null_next(struct reader *c)
{
  return oip_scan_at_null(&c->s);
}

static int vocab(struct reader *c, enum oip_vocab type, uint64_t allowed, int *v)
{
  return oip_scan_vocab(&c->s, type, allowed, v);
}

/* ---- the requests ------------------------------------------------------- */

struct kept {
  oi_subsidy_request req;
  int status;
};

struct kept_list {
  struct kept *items;
  size_t count, capacity;
  struct oip_arena strings;
};

/* A string of at most max bytes (non-empty when nonempty), kept. */
static int kept_string(struct reader *c, struct kept_list *k, size_t max, int nonempty,
                       const char **out, int *nomem)
{
  const char *s;
  size_t len;
  char *p;

  if (!string(c, &s, &len, max, 0) || (nonempty && len == 0))
    return 0;
  p = oip_arena_alloc(&k->strings, len + 1);
  if (p == NULL) {
    *nomem = 1;
    return 0;
  }
  memcpy(p, s, len);
  p[len] = '\0';
  *out = p;
  return 1;
}

/* One request, as read_request() reads it, in the order written. */
static int read_request(struct reader *c, struct kept_list *k, struct kept *out, int *nomem)
{
  static const uint64_t statuses =
      OIP_VALUE_BIT(OI_OUTCOME_AWARDED) | OIP_VALUE_BIT(OI_OUTCOME_WAITLISTED) |
      OIP_VALUE_BIT(OI_OUTCOME_REFUSED) | OIP_VALUE_BIT(OI_OUTCOME_WITHDRAWN);
  oi_subsidy_request *r = &out->req;
  const char *s;
  size_t len;
  int64_t v;
  int e;
  oi_error err;

  memset(out, 0, sizeof *out);
  out->req = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
  if (!expect(c, '{') || !KEY(c, "id") || !kept_string(c, k, OI_ID_MAX, 1, &r->id, nomem) ||
      !expect(c, ',') || !KEY(c, "session") ||
      !kept_string(c, k, OI_ID_MAX, 1, &r->session_id, nomem) || !expect(c, ',') ||
      !KEY(c, "received") || !string(c, &s, &len, 40, 1) || len == 0 ||
      oi_datetime_parse(s, &r->received, &err) != OI_OK || !expect(c, ',') ||
      !KEY(c, "nights") || !integer(c, 1, INT32_MAX, &v))
    return 0;
  r->nights = (int)v;
  if (!expect(c, ',') || !KEY(c, "attested") || !boolean(c, &r->attested) || !expect(c, ',') ||
      !KEY(c, "with_application") || !boolean(c, &r->with_application) || !expect(c, ',') ||
      !KEY(c, "application_signed") || !boolean(c, &r->application_signed) ||
      !expect(c, ',') || !KEY(c, "request_signed") || !boolean(c, &r->request_signed) ||
      !expect(c, ',') || !KEY(c, "local") || !expect(c, '{') || !KEY(c, "number") ||
      !integer(c, 1, UINT32_MAX, &v))
    return 0;
  r->local.number = (uint32_t)v;
  if (!expect(c, ',') || !KEY(c, "name") ||
      !kept_string(c, k, OI_NAME_MAX, 1, &r->local.name, nomem) || !expect(c, ',') ||
      !KEY(c, "country") || !vocab(c, OIP_VOCAB_COUNTRY, 0, &e))
    return 0;
  r->local.country = (oi_country)e;
  if (!expect(c, ',') || !KEY(c, "district") || !integer(c, 1, OI_DISTRICT_COUNT, &v))
    return 0;
  r->local.district = (int)v;
  if (!expect(c, ',') || !KEY(c, "lm_form") || !vocab(c, OIP_VOCAB_LM_FORM, 0, &e))
    return 0;
  r->local.lm_form = (oi_lm_form)e;
  if (!expect(c, ',') || !KEY(c, "receipts_cents"))
    return 0;
  if (null_next(c)) {
    if (!literal(c, "null", 4))
      return 0;
  } else {
    if (!integer(c, 0, INT64_MAX, &v))
      return 0;
    r->local.receipts_known = 1;
    r->local.receipts_cents = v;
  }
  if (!expect(c, '}') || !expect(c, ',') || !KEY(c, "officer") || !expect(c, '{') ||
      !KEY(c, "id") || !kept_string(c, k, OI_ID_MAX, 1, &r->officer.id, nomem) ||
      !expect(c, ',') || !KEY(c, "name"))
    return 0;
  if (null_next(c)) {
    if (!literal(c, "null", 4))
      return 0;
  } else if (!kept_string(c, k, OI_NAME_MAX, 1, &r->officer.name, nomem)) {
    return 0;
  }
  if (!expect(c, ',') || !KEY(c, "office") || !vocab(c, OIP_VOCAB_OFFICE, 0, &e))
    return 0;
  r->officer.office = (oi_office)e;
  if (!expect(c, '}') || !expect(c, ',') || !KEY(c, "status") ||
      !vocab(c, OIP_VOCAB_OUTCOME, statuses, &out->status) || !expect(c, '}'))
    return 0;
  return 1;
}

/* The array of requests, its '[' read. */
static int read_requests(struct reader *c, struct kept_list *k, int *nomem)
{
  ws(c);
  if (c->s.i < c->s.n && c->s.t[c->s.i] == ']') {
    c->s.i++;
    return 1;
  }
  for (;;) {
    size_t start;

    if (k->count == OI_LEDGER_REQUESTS_MAX)
      return 0;
    if (k->count == k->capacity) {
      const size_t cap = k->capacity ? 2 * k->capacity : 1024;
      struct kept *items = realloc(k->items, cap * sizeof *items);
      if (items == NULL) {
        *nomem = 1;
        return 0;
      }
      k->items = items;
      k->capacity = cap;
    }
    ws(c);
    start = c->s.i;
    if (!read_request(c, k, &k->items[k->count], nomem) ||
        c->s.i - start > OI_DOCUMENT_ELEMENT_MAX)
      return 0;
    k->count++;
    ws(c);
    if (c->s.i < c->s.n && c->s.t[c->s.i] == ',') {
      c->s.i++;
      continue;
    }
    return expect(c, ']');
  }
}

/* ---- the events, replayed and checked ----------------------------------- */

static int same(const char *a, const char *b)
{
  return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* A string equal to want (which may be NULL, for null: nullable). */
static int string_is(struct reader *c, const char *want, size_t max, int nullable)
{
  const char *s;
  size_t len;

  if (nullable && null_next(c))
    return want == NULL && literal(c, "null", 4);
  return string(c, &s, &len, max, 0) && len > 0 && want != NULL && strlen(want) == len &&
         memcmp(s, want, len) == 0;
}

/* A recorded reason, as check_reason() reads it, the replay's r. */
static int check_reason(struct reader *c, const oi_policy *pol, const oi_reason *r)
{
  const char *given_session = r->session >= 0 ? pol->sessions[r->session].id : NULL;
  const char *s;
  size_t len;
  int64_t v;
  int severity, k;

  if (!expect(c, '{') || !KEY(c, "clause") || !string_is(c, oi_clause_id(r->clause), 8, 0) ||
      !expect(c, ',') || !KEY(c, "code") ||
      !string_is(c, oi_reason_code_name(r->code), 64, 0) || !expect(c, ',') ||
      !KEY(c, "severity") || !vocab(c, OIP_VOCAB_SEVERITY, 0, &severity) ||
      severity != (int)r->severity || !expect(c, ',') || !KEY(c, "session") ||
      !string_is(c, given_session, OI_ID_MAX, 1) || !expect(c, ',') || !KEY(c, "values") ||
      !expect(c, '['))
    return 0;
  for (k = 0; k < 4; k++)
    if ((k > 0 && !expect(c, ',')) || !integer(c, INT64_MIN, INT64_MAX, &v) || v != r->value[k])
      return 0;
  if (!expect(c, ']') || !expect(c, ','))
    return 0;
  /* Version 2 records the request a reason names, where there is one. */
  if (c->version >= 2) {
    ws(c);
    if (c->s.n - c->s.i >= 8 && memcmp(c->s.t + c->s.i, "\"ref_id\"", 8) == 0) {
      if (!KEY(c, "ref_id") || !string_is(c, r->ref_id, OI_ID_MAX, 1) || !expect(c, ','))
        return 0;
    } else if (r->ref_id != NULL) {
      return 0;
    }
  }
  /* The message is a rendering, not state: read, not compared. */
  return KEY(c, "message") && string(c, &s, &len, OI_DOCUMENT_STRING_MAX, 0) && len > 0 &&
         expect(c, '}');
}

struct replay {
  oi_ledger *ledger;
  const struct kept *reqs;
  size_t nreqs, next;
};

/* Event i, as read_event() reads it, replayed (an entry or a withdrawal)
 * and checked against the replay's event i, as check_event() does. */
static int replay_event(struct reader *c, struct replay *rp, size_t i)
{
  static const uint64_t outcomes = OIP_VALUE_BIT(OI_OUTCOME_AWARDED) |
                                   OIP_VALUE_BIT(OI_OUTCOME_WAITLISTED) |
                                   OIP_VALUE_BIT(OI_OUTCOME_REFUSED);
  const oi_policy *pol = oi_ledger_policy(rp->ledger);
  char request[OI_ID_MAX + 1], cause[OI_ID_MAX + 1];
  struct oip_event_view e;
  const char *s;
  size_t len, k;
  int type, outcome = OI_OUTCOME_NONE;
  int64_t nights = 0, nights_if_awarded = 0;
  oi_error err;

  if (!expect(c, '{') || !KEY(c, "type") || !vocab(c, OIP_VOCAB_EVENT_TYPE, 0, &type) ||
      !expect(c, ',') || !KEY(c, "request") || !string(c, &s, &len, OI_ID_MAX, 0) || len == 0)
    return 0;
  memcpy(request, s, len);
  request[len] = '\0';
  cause[0] = '\0';
  switch (type) {
  case OI_EVENT_ENTERED:
    if (!expect(c, '}') || rp->next >= rp->nreqs ||
        strcmp(rp->reqs[rp->next].req.id, request) != 0 ||
        oi_ledger_submit(rp->ledger, &rp->reqs[rp->next].req, NULL, &err) != OI_OK)
      return 0;
    rp->next++;
    break;
  case OI_EVENT_WITHDRAWN:
    if (!expect(c, ',') || !KEY(c, "outcome") ||
        !vocab(c, OIP_VOCAB_OUTCOME, outcomes, &outcome) || !expect(c, '}') ||
        oi_ledger_withdraw(rp->ledger, request, NULL, &err) != OI_OK)
      return 0;
    break;
  case OI_EVENT_PROMOTED:
    if (!expect(c, ',') || !KEY(c, "cause") || !string(c, &s, &len, OI_ID_MAX, 0) || len == 0)
      return 0;
    memcpy(cause, s, len);
    cause[len] = '\0';
    outcome = OI_OUTCOME_AWARDED;
    if (!expect(c, ',') || !KEY(c, "nights") || !integer(c, 0, INT32_MAX, &nights) ||
        !expect(c, '}'))
      return 0;
    break;
  case OI_EVENT_DECIDED:
    if (!expect(c, ',') || !KEY(c, "outcome") ||
        !vocab(c, OIP_VOCAB_OUTCOME, outcomes, &outcome) || !expect(c, ',') ||
        !KEY(c, "nights") || !integer(c, 0, INT32_MAX, &nights) || !expect(c, ','))
      return 0;
    if (c->version >= 2 && (!KEY(c, "nights_if_awarded") ||
                            !integer(c, 0, INT32_MAX, &nights_if_awarded) || !expect(c, ',')))
      return 0;
    if (!KEY(c, "reasons") || !expect(c, '['))
      return 0;
    break;
  default:
    return 0;
  }
  /* The replay's event i, as check_event() compares it. */
  if (i >= oi_ledger_event_count(rp->ledger))
    return 0;
  oip_ledger_event_at(rp->ledger, i, &e);
  if ((int)e.type != type || strcmp(oip_ledger_id_at(rp->ledger, e.rec, NULL), request) != 0 ||
      (int)e.outcome != outcome ||
      (e.cause == SIZE_MAX) != (type != OI_EVENT_PROMOTED) ||
      (e.cause != SIZE_MAX && strcmp(oip_ledger_id_at(rp->ledger, e.cause, NULL), cause) != 0) ||
      (type != OI_EVENT_ENTERED && type != OI_EVENT_WITHDRAWN && e.nights != nights) ||
      (type == OI_EVENT_DECIDED && c->version >= 2 && e.nights_if_awarded != nights_if_awarded))
    return 0;
  if (type != OI_EVENT_DECIDED)
    return 1;
  /* The reasons, each against the replay's, as many as it gives. */
  for (k = 0;; k++) {
    ws(c);
    if (c->s.i < c->s.n && c->s.t[c->s.i] == ']')
      break;
    if ((k > 0 && !expect(c, ',')) || k >= e.reason_count ||
        !check_reason(c, pol, &e.reasons[k]))
      return 0;
  }
  return k == e.reason_count && expect(c, ']') && expect(c, '}');
}

static int replay_events(struct reader *c, struct replay *rp)
{
  size_t i, j;
  oi_ledger_entry entry = OI_LEDGER_ENTRY_INIT;

  ws(c);
  if (c->s.i < c->s.n && c->s.t[c->s.i] == ']') {
    c->s.i++;
    i = 0;
  } else {
    for (i = 0;; i++) {
      size_t start;

      if (i == OI_SNAPSHOT_EVENTS_MAX)
        return 0;
      ws(c);
      start = c->s.i;
      if (!replay_event(c, rp, i) || c->s.i - start > OI_DOCUMENT_ELEMENT_MAX)
        return 0;
      ws(c);
      if (c->s.i < c->s.n && c->s.t[c->s.i] == ',') {
        c->s.i++;
        continue;
      }
      if (!expect(c, ']'))
        return 0;
      i++;
      break;
    }
  }
  /* Every event made, every request entered, each with its status. */
  if (oi_ledger_event_count(rp->ledger) != i || rp->next != rp->nreqs)
    return 0;
  for (j = 0; j < rp->nreqs; j++)
    if (oi_ledger_get_by_number(rp->ledger, j + 1, &entry, NULL) != OI_OK ||
        (int)entry.status != rp->reqs[j].status)
      return 0;
  return 1;
}

/* ---- the document ------------------------------------------------------- */

/* The value at [from, c->s.i) through jansson, as the full reader reads the
 * root's small members; NULL when jansson says no (out of memory among
 * its reasons: *nomem). */
static json_t *through_jansson(const struct reader *c, size_t from, int *nomem)
{
  json_error_t je;
  json_t *v = json_loadb(c->s.t + from, c->s.i - from, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &je);

  if (v == NULL && je.text[0] == '\0')
    *nomem = 1;
  return v;
}

/* The root's small members: format, version, policy, as written. */
static int read_head(struct reader *c, const oi_policy *pol, int *nomem)
{
  const char *s;
  size_t len, from, small = 0;
  int64_t version;
  json_t *v;
  int ok;

  if (!expect(c, '{') || !KEY(c, "format"))
    return 0;
  ws(c);
  from = c->s.i;
  if (!string(c, &s, &len, 64, 0) || (v = through_jansson(c, from, nomem)) == NULL)
    return 0;
  small += c->s.i - from;
  ok = json_is_string(v) && strcmp(json_string_value(v), "officerinst-ledger") == 0 &&
       json_string_length(v) == strlen("officerinst-ledger");
  json_decref(v);
  if (!ok || !expect(c, ',') || !KEY(c, "version"))
    return 0;
  ws(c);
  from = c->s.i;
  if (!integer(c, 1, 2, &version) || (v = through_jansson(c, from, nomem)) == NULL)
    return 0;
  small += c->s.i - from;
  ok = json_is_integer(v) && json_integer_value(v) == version;
  json_decref(v);
  c->version = (int)version;
  if (!ok || !expect(c, ',') || !KEY(c, "policy"))
    return 0;
  ws(c);
  from = c->s.i;
  if (!expect(c, '{') || !KEY(c, "id") || !string_is(c, pol->id, OI_ID_MAX, 0) ||
      !expect(c, ',') || !KEY(c, "digest") || !string_is(c, pol->digest, 16, 0) ||
      !expect(c, '}') || (v = through_jansson(c, from, nomem)) == NULL)
    return 0;
  small += c->s.i - from;
  ok = json_is_object(v) && json_object_size(v) == 2 &&
       same(json_string_value(json_object_get(v, "id")), pol->id) &&
       same(json_string_value(json_object_get(v, "digest")), pol->digest);
  json_decref(v);
  return ok && small <= OI_DOCUMENT_ELEMENT_MAX;
}

int oip_ledger_read_json(const oi_policy *pol, const char *text, size_t length, oi_ledger **out,
                         oi_error *err)
{
  struct kept_list k = { NULL, 0, 0, { NULL, 0, 0 } };
  struct replay rp = { NULL, NULL, 0, 0 };
  struct reader *c;
  int ok, nomem = 0;

  if (length > OI_SNAPSHOT_DOCUMENT_MAX)
    return DECLINE;
  c = calloc(1, sizeof *c);
  if (c == NULL)
    return DECLINE;
  c->s.t = text;
  c->s.n = length;
  ok = read_head(c, pol, &nomem) && expect(c, ',') && KEY(c, "requests") && expect(c, '[') &&
       read_requests(c, &k, &nomem) && expect(c, ',') && KEY(c, "events") && expect(c, '[');
  if (ok && oi_ledger_new(pol, &rp.ledger, NULL) != OI_OK) {
    ok = 0;
    nomem = 1;
  }
  if (ok) {
    rp.reqs = k.items;
    rp.nreqs = k.count;
    ok = replay_events(c, &rp) && expect(c, '}');
    ws(c);
    ok = ok && c->s.i == c->s.n;
  }
  free(k.items);
  oip_arena_free(&k.strings);
  free(c);
  if (!ok) {
    oi_ledger_free(rp.ledger);
    if (nomem) {
      (void)oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory reading the document");
      return NOMEM;
    }
    return DECLINE;
  }
  *out = rp.ledger;
  return DONE;
}
