/*
 * Ledger snapshots. A snapshot records every request in entry order and the
 * audit trail; loading replays that history under the policy and checks
 * each recorded event against the replay. The ledger that results is the
 * saved one by construction (the rules are deterministic), and a snapshot
 * that was edited or damaged, or that another policy would decide
 * differently, is refused with the first event that disagrees.
 */
#include <stdlib.h>
#include <string.h>

#include "officerinst/json.h"
#include "arena.h"
#include "json_doc.h"
#include "ledger_private.h"
#include "policy_private.h"
#include "fileio.h"

#define LEDGER_FORMAT "officerinst-ledger"
/* Version 2 records what an award would pay apart from what is paid
 * (decided events' nights_if_awarded) and the request a reason names
 * (reasons' ref_id). Version 1 snapshots lack both and still load: their
 * events are checked for everything they record. */
#define LEDGER_VERSION 2
#define LEDGER_VERSION_MIN 1

/* ---- writing ---------------------------------------------------------- */

oi_status oi_ledger_to_json(const oi_ledger *l, char **out, size_t *length_out, oi_error *err)
{
  if (l == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, l == NULL ? "ledger" : "out",
                    "a required pointer is NULL");
  /* Written one element at a time into one buffer, so a large ledger never
   * needs a document tree in memory (json_ledger_write.c). */
  if (oip_ledger_write_json(l, LEDGER_VERSION, LEDGER_FORMAT, out, length_out) != 0)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory writing a ledger snapshot");
  return OI_OK;
}

static oi_status ledger_text(const void *object, char **out, size_t *length, oi_error *err)
{
  return oi_ledger_to_json(object, out, length, err);
}

oi_status oi_ledger_save(const oi_ledger *l, const char *path, oi_error *err)
{
  return oip_doc_save(l, ledger_text, path, err);
}

/* ---- reading ---------------------------------------------------------- */

struct stored {
  oi_subsidy_request req;
  int status;
};

static oi_status read_request(const struct oip_doc *doc, const json_t *o, const char *p,
                              struct stored *s)
{
  static const char *const fields[] = { "id", "session", "received", "nights", "attested",
                                        "with_application", "application_signed",
                                        "request_signed", "local", "officer", "status", NULL };
  static const char *const local_fields[] = { "number", "name", "country", "district",
                                              "lm_form", "receipts_cents", NULL };
  static const char *const officer_fields[] = { "id", "name", "office", NULL };
  static const uint64_t statuses =
      OIP_VALUE_BIT(OI_OUTCOME_AWARDED) | OIP_VALUE_BIT(OI_OUTCOME_WAITLISTED) |
      OIP_VALUE_BIT(OI_OUTCOME_REFUSED) | OIP_VALUE_BIT(OI_OUTCOME_WITHDRAWN);
  oi_subsidy_request *r = &s->req;
  char lp[64], op[64];
  json_t *local, *officer;
  int64_t v;
  int e = 0;
  oi_status st;

  if (!json_is_object(o))
    return oip_doc_fail(doc, OI_ESCHEMA, p, 0, "%s: expected an object, found %s", p,
                        oip_json_type_name(o));
  memset(s, 0, sizeof *s);
  s->req = (oi_subsidy_request)OI_SUBSIDY_REQUEST_INIT;
  oip_path_key(lp, sizeof lp, p, "local");
  oip_path_key(op, sizeof op, p, "officer");
  st = oip_doc_only(doc, o, p, fields);
  if (st == OI_OK)
    st = oip_doc_string(doc, o, "id", p, OI_ID_MAX, 1, &r->id);
  if (st == OI_OK)
    st = oip_doc_string(doc, o, "session", p, OI_ID_MAX, 1, &r->session_id);
  if (st == OI_OK)
    st = oip_doc_datetime(doc, o, "received", p, &r->received);
  if (st == OI_OK && (st = oip_doc_int(doc, o, "nights", p, 1, INT32_MAX, &v)) == OI_OK)
    r->nights = (int)v;
  if (st == OI_OK)
    st = oip_doc_bool(doc, o, "attested", p, &r->attested);
  if (st == OI_OK)
    st = oip_doc_bool(doc, o, "with_application", p, &r->with_application);
  if (st == OI_OK)
    st = oip_doc_bool(doc, o, "application_signed", p, &r->application_signed);
  if (st == OI_OK)
    st = oip_doc_bool(doc, o, "request_signed", p, &r->request_signed);
  if (st == OI_OK)
    st = oip_doc_vocab(doc, o, "status", p, OIP_VOCAB_OUTCOME, statuses, &s->status);
  if (st == OI_OK)
    st = oip_doc_object(doc, o, "local", p, &local);
  if (st == OI_OK)
    st = oip_doc_only(doc, local, lp, local_fields);
  if (st == OI_OK && (st = oip_doc_int(doc, local, "number", lp, 1, UINT32_MAX, &v)) == OI_OK)
    r->local.number = (uint32_t)v;
  if (st == OI_OK)
    st = oip_doc_string(doc, local, "name", lp, OI_NAME_MAX, 1, &r->local.name);
  if (st == OI_OK && (st = oip_doc_vocab(doc, local, "country", lp, OIP_VOCAB_COUNTRY, 0, &e)) ==
                         OI_OK)
    r->local.country = (oi_country)e;
  if (st == OI_OK &&
      (st = oip_doc_int(doc, local, "district", lp, 1, OI_DISTRICT_COUNT, &v)) == OI_OK)
    r->local.district = (int)v;
  if (st == OI_OK && (st = oip_doc_vocab(doc, local, "lm_form", lp, OIP_VOCAB_LM_FORM, 0, &e)) ==
                         OI_OK)
    r->local.lm_form = (oi_lm_form)e;
  if (st == OI_OK)
    st = oip_doc_nullable_int(doc, local, "receipts_cents", lp, 0, INT64_MAX,
                              &r->local.receipts_known, &r->local.receipts_cents);
  if (st == OI_OK)
    st = oip_doc_object(doc, o, "officer", p, &officer);
  if (st == OI_OK)
    st = oip_doc_only(doc, officer, op, officer_fields);
  if (st == OI_OK)
    st = oip_doc_string(doc, officer, "id", op, OI_ID_MAX, 1, &r->officer.id);
  if (st == OI_OK)
    st = oip_doc_nullable_string(doc, officer, "name", op, OI_NAME_MAX, &r->officer.name);
  if (st == OI_OK && (st = oip_doc_vocab(doc, officer, "office", op, OIP_VOCAB_OFFICE, 0, &e)) ==
                         OI_OK)
    r->officer.office = (oi_office)e;
  return st;
}

/* An event as recorded, to be compared with the replay's. */
struct recorded {
  int type;
  const char *request;
  const char *cause;
  int outcome;
  int64_t nights;
  int64_t nights_if_awarded; /* version 2 */
  const json_t *reasons;
};

static oi_status read_event(const struct oip_doc *doc, const json_t *o, const char *p,
                            int version, struct recorded *ev)
{
  static const uint64_t outcomes = OIP_VALUE_BIT(OI_OUTCOME_AWARDED) |
                                   OIP_VALUE_BIT(OI_OUTCOME_WAITLISTED) |
                                   OIP_VALUE_BIT(OI_OUTCOME_REFUSED);
  static const char *const entered[] = { "type", "request", NULL };
  static const char *const decided_1[] = { "type", "request", "outcome", "nights", "reasons",
                                           NULL };
  static const char *const decided[] = { "type", "request", "outcome", "nights",
                                         "nights_if_awarded", "reasons", NULL };
  static const char *const withdrawn[] = { "type", "request", "outcome", NULL };
  static const char *const promoted[] = { "type", "request", "cause", "nights", NULL };
  static const char *const *const fields[] = { NULL, entered, decided, withdrawn, promoted };
  json_t *reasons;
  oi_status st;

  if (!json_is_object(o))
    return oip_doc_fail(doc, OI_ESCHEMA, p, 0, "%s: expected an object, found %s", p,
                        oip_json_type_name(o));
  memset(ev, 0, sizeof *ev);
  st = oip_doc_vocab(doc, o, "type", p, OIP_VOCAB_EVENT_TYPE, 0, &ev->type);
  if (st == OI_OK)
    st = oip_doc_only(doc, o, p,
                      version == 1 && ev->type == OI_EVENT_DECIDED ? decided_1
                                                                   : fields[ev->type]);
  if (st == OI_OK)
    st = oip_doc_string(doc, o, "request", p, OI_ID_MAX, 1, &ev->request);
  if (st == OI_OK && (ev->type == OI_EVENT_DECIDED || ev->type == OI_EVENT_WITHDRAWN))
    st = oip_doc_vocab(doc, o, "outcome", p, OIP_VOCAB_OUTCOME, outcomes, &ev->outcome);
  if (st == OI_OK && (ev->type == OI_EVENT_DECIDED || ev->type == OI_EVENT_PROMOTED))
    st = oip_doc_int(doc, o, "nights", p, 0, INT32_MAX, &ev->nights);
  if (st == OI_OK && ev->type == OI_EVENT_DECIDED && version >= 2)
    st = oip_doc_int(doc, o, "nights_if_awarded", p, 0, INT32_MAX, &ev->nights_if_awarded);
  if (st == OI_OK && ev->type == OI_EVENT_PROMOTED) {
    ev->outcome = OI_OUTCOME_AWARDED;
    st = oip_doc_string(doc, o, "cause", p, OI_ID_MAX, 1, &ev->cause);
  }
  if (st == OI_OK && ev->type == OI_EVENT_DECIDED) {
    st = oip_doc_array(doc, o, "reasons", p, &reasons);
    ev->reasons = reasons;
  }
  return st;
}

/* A recorded value is not the replay's: the path of the member that
 * differs, both values, and what they belong to. */
static oi_status differs(const struct oip_doc *doc, const char *at, const char *member,
                         const char *recorded, const char *given, const char *about)
{
  char p[OI_ERROR_PATH_SIZE];

  oip_path_key(p, sizeof p, at, member);
  return oip_doc_fail(doc, OI_ESCHEMA, p, 0, "%s: recorded as %s, but the policy gives %s (%s)",
                      p, recorded, given, about);
}

/* s quoted, or null. */
static const char *quoted(char *buf, size_t size, const char *s)
{
  if (s == NULL)
    snprintf(buf, size, "null");
  else
    snprintf(buf, size, "\"%.*s\"", (int)(size - 3), s);
  return buf;
}

/* Does a recorded reason (JSON) say what the replay's reason says? */
static oi_status check_reason(const struct oip_doc *doc, const oi_policy *pol,
                              const json_t *o, const char *p, int version, const oi_reason *r)
{
  static const char *const fields_1[] = { "clause", "code", "severity", "session", "values",
                                          "message", NULL };
  static const char *const fields[] = { "clause", "code", "severity", "session", "values",
                                        "ref_id", "message", NULL };
  const char *clause, *code, *session, *message, *ref_id = NULL;
  const char *const given_session = r->session >= 0 ? pol->sessions[r->session].id : NULL;
  char a[OI_ID_MAX + 3], b[OI_ID_MAX + 3], about[96];
  json_t *values;
  int severity;
  size_t k;
  oi_status st;

  if (!json_is_object(o))
    return oip_doc_fail(doc, OI_ESCHEMA, p, 0, "%s: expected an object, found %s", p,
                        oip_json_type_name(o));
  st = oip_doc_only(doc, o, p, version == 1 ? fields_1 : fields);
  if (st == OI_OK)
    st = oip_doc_string(doc, o, "clause", p, 8, 1, &clause);
  if (st == OI_OK)
    st = oip_doc_string(doc, o, "code", p, 64, 1, &code);
  if (st == OI_OK)
    st = oip_doc_vocab(doc, o, "severity", p, OIP_VOCAB_SEVERITY, 0, &severity);
  if (st == OI_OK)
    st = oip_doc_nullable_string(doc, o, "session", p, OI_ID_MAX, &session);
  if (st == OI_OK)
    st = oip_doc_string(doc, o, "message", p, OI_DOCUMENT_STRING_MAX, 1, &message);
  if (st == OI_OK)
    st = oip_doc_array(doc, o, "values", p, &values);
  if (st == OI_OK && version >= 2)
    st = oip_doc_opt_string(doc, o, "ref_id", p, OI_ID_MAX, &ref_id);
  if (st != OI_OK)
    return st;
  if (json_array_size(values) != 4) {
    char q[OI_ERROR_PATH_SIZE];
    oip_path_key(q, sizeof q, p, "values");
    return oip_doc_fail(doc, OI_ESCHEMA, q, 0, "%s: expected 4 values, found %zu", q,
                        json_array_size(values));
  }
  /* The message is a rendering, not state: it is kept for readers and not
   * compared, so a reworded message never invalidates a snapshot. */
  snprintf(about, sizeof about, "%s %s", oi_clause_id(r->clause),
           oi_reason_code_name(r->code));
  if (strcmp(clause, oi_clause_id(r->clause)) != 0)
    return differs(doc, p, "clause", quoted(a, sizeof a, clause),
                   quoted(b, sizeof b, oi_clause_id(r->clause)), about);
  if (strcmp(code, oi_reason_code_name(r->code)) != 0)
    return differs(doc, p, "code", quoted(a, sizeof a, code),
                   quoted(b, sizeof b, oi_reason_code_name(r->code)), about);
  if (severity != (int)r->severity)
    return differs(doc, p, "severity", quoted(a, sizeof a, oi_severity_name((oi_severity)severity)),
                   quoted(b, sizeof b, oi_severity_name(r->severity)), about);
  if ((session == NULL) != (given_session == NULL) ||
      (session != NULL && strcmp(session, given_session) != 0))
    return differs(doc, p, "session", quoted(a, sizeof a, session),
                   quoted(b, sizeof b, given_session), about);
  /* Version 1 did not record the request a reason names. */
  if (version >= 2 && ((ref_id == NULL) != (r->ref_id == NULL) ||
                       (ref_id != NULL && strcmp(ref_id, r->ref_id) != 0)))
    return differs(doc, p, "ref_id", quoted(a, sizeof a, ref_id),
                   quoted(b, sizeof b, r->ref_id), about);
  for (k = 0; k < 4; k++) {
    const json_t *v = json_array_get(values, k);
    char q[OI_ERROR_PATH_SIZE], member[16];

    snprintf(member, sizeof member, "values[%zu]", k);
    if (!json_is_integer(v)) {
      oip_path_key(q, sizeof q, p, member);
      return oip_doc_fail(doc, OI_ESCHEMA, q, 0, "%s: expected an integer, found %s", q,
                          oip_json_type_name(v));
    }
    if (json_integer_value(v) != r->value[k]) {
      snprintf(a, sizeof a, "%lld", (long long)json_integer_value(v));
      snprintf(b, sizeof b, "%lld", (long long)r->value[k]);
      return differs(doc, p, member, a, b, about);
    }
  }
  return OI_OK;
}

static oi_status check_event(const struct oip_doc *doc, const oi_ledger *l, size_t i,
                             int version, const struct recorded *rec)
{
  char p[32], q[64], a[OI_ID_MAX + 3], b[OI_ID_MAX + 3], about[OI_ID_MAX + 32];
  oi_ledger_entry entry = OI_LEDGER_ENTRY_INIT;
  oi_event e = OI_EVENT_INIT;
  size_t k;

  oip_path_index(p, sizeof p, "events", i);
  if (i >= oi_ledger_event_count(l))
    return oip_doc_fail(doc, OI_ESCHEMA, p, 0,
                        "%s: recorded, but replaying the history does not produce it", p);
  oi_ledger_event(l, i, &e, NULL);
  /* The first member that differs, in the order an event is read. */
  snprintf(about, sizeof about, "%s \"%.*s\"", oi_event_type_name(e.type), OI_ID_MAX,
           e.request_id);
  if ((int)e.type != rec->type)
    return differs(doc, p, "type", quoted(a, sizeof a, oi_event_type_name((oi_event_type)rec->type)),
                   quoted(b, sizeof b, oi_event_type_name(e.type)), about);
  if (strcmp(e.request_id, rec->request) != 0)
    return differs(doc, p, "request", quoted(a, sizeof a, rec->request),
                   quoted(b, sizeof b, e.request_id), about);
  if ((int)e.outcome != rec->outcome)
    return differs(doc, p, "outcome", oi_outcome_name((oi_outcome)rec->outcome),
                   oi_outcome_name(e.outcome), about);
  if ((e.cause_id == NULL) != (rec->cause == NULL) ||
      (e.cause_id != NULL && strcmp(e.cause_id, rec->cause) != 0))
    return differs(doc, p, "cause", quoted(a, sizeof a, rec->cause),
                   quoted(b, sizeof b, e.cause_id), about);
  if (rec->type != OI_EVENT_ENTERED && rec->type != OI_EVENT_WITHDRAWN &&
      e.nights != rec->nights) {
    snprintf(a, sizeof a, "%lld", (long long)rec->nights);
    snprintf(b, sizeof b, "%d", e.nights);
    return differs(doc, p, "nights", a, b, about);
  }
  if (rec->type == OI_EVENT_DECIDED && version >= 2) {
    oi_ledger_get(l, e.request_id, &entry, NULL);
    if (entry.nights_if_awarded != rec->nights_if_awarded) {
      snprintf(a, sizeof a, "%lld", (long long)rec->nights_if_awarded);
      snprintf(b, sizeof b, "%d", entry.nights_if_awarded);
      return differs(doc, p, "nights_if_awarded", a, b, about);
    }
  }
  if (rec->type == OI_EVENT_DECIDED) {
    if (json_array_size(rec->reasons) != e.reason_count) {
      oip_path_key(q, sizeof q, p, "reasons");
      return oip_doc_fail(doc, OI_ESCHEMA, q, 0,
                          "%s: %zu reasons recorded, but the policy gives %zu (%s)", q,
                          json_array_size(rec->reasons), e.reason_count, about);
    }
    for (k = 0; k < e.reason_count; k++) {
      oi_status st;
      snprintf(q, sizeof q, "%s.reasons[%zu]", p, k);
      st = check_reason(doc, oi_ledger_policy(l), json_array_get(rec->reasons, k), q, version,
                        &e.reasons[k]);
      if (st != OI_OK)
        return st;
    }
  }
  return OI_OK;
}

/* The request's field names that the document spells otherwise. */
static const char *const request_renames[] = { "session_id", "session", NULL };

/* Replay one recorded event into l (i is its index), and check the event
 * the replay made at that index against it: in a true record, acting on an
 * "entered" or "withdrawn" event makes it and the events it causes, so by
 * now the replay has made event i. */
static oi_status replay_event(const struct oip_doc *doc, oi_ledger *l, const json_t *o,
                              size_t i, const struct stored *reqs, size_t nreqs, int version,
                              size_t *next)
{
  struct recorded ev;
  char p[32];
  oi_error tmp;
  oi_status st;

  oip_path_index(p, sizeof p, "events", i);
  st = read_event(doc, o, p, version, &ev);
  if (st != OI_OK)
    return st;
  if (ev.type == OI_EVENT_ENTERED) {
    if (*next >= nreqs || strcmp(reqs[*next].req.id, ev.request) != 0)
      return oip_doc_fail(doc, OI_ESCHEMA, p, 0,
                          "%s: enters \"%s\", but the next request recorded is %s%s%s", p,
                          ev.request, *next < nreqs ? "\"" : "",
                          *next < nreqs ? reqs[*next].req.id : "none",
                          *next < nreqs ? "\"" : "");
    if (oi_ledger_submit(l, &reqs[*next].req, NULL, &tmp) != OI_OK) {
      char r[32];
      oip_path_index(r, sizeof r, "requests", *next);
      return oip_doc_restate(doc, &tmp, r, request_renames);
    }
    (*next)++;
  } else if (ev.type == OI_EVENT_WITHDRAWN) {
    if (oi_ledger_withdraw(l, ev.request, NULL, &tmp) != OI_OK)
      return oip_doc_fail(doc, tmp.status == OI_ENOMEM ? OI_ENOMEM : OI_ESCHEMA, p, 0,
                          "%s: %s", p, tmp.message);
  }
  return check_event(doc, l, i, version, &ev);
}

/* Replay the history into l and check it against the record, one event
 * at a time. */
static oi_status replay(const struct oip_doc *doc, oi_ledger *l, const json_t *events,
                        const struct stored *reqs, size_t nreqs, int version)
{
  struct oip_cursor cur;
  size_t i, next = 0;
  json_t *o = NULL;
  oi_status st;

  oip_doc_elements(doc, events, &cur);
  while ((st = oip_doc_next(doc, &cur, &o)) == OI_OK && o != NULL) {
    st = replay_event(doc, l, o, cur.index - 1, reqs, nreqs, version, &next);
    json_decref(o);
    if (st != OI_OK)
      return st;
  }
  if (st != OI_OK)
    return st;
  if (oi_ledger_event_count(l) != cur.count)
    return oip_doc_fail(doc, OI_ESCHEMA, "events", 0,
                        "events: %zu recorded, but replaying the history gives %zu",
                        cur.count, oi_ledger_event_count(l));
  if (next != nreqs) {
    char r[32];
    oip_path_index(r, sizeof r, "requests", next);
    return oip_doc_fail(doc, OI_ESCHEMA, r, 0, "%s: recorded, but never entered in the events",
                        r);
  }
  for (i = 0; i < nreqs; i++) {
    oi_ledger_entry e = OI_LEDGER_ENTRY_INIT;
    oi_ledger_get(l, reqs[i].req.id, &e, NULL);
    if ((int)e.status != reqs[i].status) {
      char r[48];
      snprintf(r, sizeof r, "requests[%zu].status", i);
      return oip_doc_fail(doc, OI_ESCHEMA, r, 0, "%s: recorded as %s, but the history gives %s",
                          r, oi_outcome_name((oi_outcome)reqs[i].status),
                          oi_outcome_name(e.status));
    }
  }
  return OI_OK;
}

/* The requests as read, their strings copied out of the document's
 * elements (which are let go one by one). */
struct stored_list {
  struct stored *items;
  size_t count;
  size_t capacity;
  struct oip_arena strings;
};

static oi_status keep_request(const struct oip_doc *doc, struct stored_list *list,
                              const struct stored *s)
{
  struct stored *k;

  if (list->count == list->capacity) {
    const size_t cap = list->capacity ? 2 * list->capacity : 64;
    struct stored *items = realloc(list->items, cap * sizeof *items);
    if (items == NULL)
      return oip_fail(doc->err, OI_ENOMEM, NULL, NULL, "out of memory reading a snapshot");
    list->items = items;
    list->capacity = cap;
  }
  k = &list->items[list->count];
  *k = *s;
  k->req.id = oip_arena_strdup(&list->strings, s->req.id);
  k->req.session_id = oip_arena_strdup(&list->strings, s->req.session_id);
  k->req.local.name = oip_arena_strdup(&list->strings, s->req.local.name);
  k->req.officer.id = oip_arena_strdup(&list->strings, s->req.officer.id);
  k->req.officer.name = oip_arena_strdup(&list->strings, s->req.officer.name);
  if (k->req.id == NULL || k->req.session_id == NULL || k->req.local.name == NULL ||
      k->req.officer.id == NULL || (k->req.officer.name == NULL) != (s->req.officer.name == NULL))
    return oip_fail(doc->err, OI_ENOMEM, NULL, NULL, "out of memory reading a snapshot");
  list->count++;
  return OI_OK;
}

static oi_status read_requests(const struct oip_doc *doc, const json_t *requests,
                               struct stored_list *list)
{
  struct oip_cursor cur;
  json_t *o = NULL;
  oi_status st;

  oip_doc_elements(doc, requests, &cur);
  while ((st = oip_doc_next(doc, &cur, &o)) == OI_OK && o != NULL) {
    struct stored s;
    char p[32];

    oip_path_index(p, sizeof p, "requests", cur.index - 1);
    st = read_request(doc, o, p, &s);
    if (st == OI_OK)
      st = keep_request(doc, list, &s);
    json_decref(o);
    if (st != OI_OK)
      break;
  }
  return st;
}

static oi_status read_ledger(const struct oip_doc *doc, const oi_policy *pol,
                             const json_t *root, oi_ledger **out)
{
  static const char *const fields[] = { "format", "version", "policy", "requests", "events",
                                        NULL };
  static const char *const policy_fields[] = { "id", "digest", NULL };
  struct stored_list list = { NULL, 0, 0, { NULL, 0, 0 } };
  const char *format, *id, *digest;
  json_t *policy, *requests, *events;
  oi_ledger *l = NULL;
  int64_t version;
  oi_status st;

  if (!json_is_object(root))
    return oip_doc_fail(doc, OI_ESCHEMA, "", 0, "expected a ledger snapshot object, found %s",
                        oip_json_type_name(root));
  st = oip_doc_only(doc, root, "", fields);
  if (st == OI_OK)
    st = oip_doc_string(doc, root, "format", "", 64, 1, &format);
  if (st == OI_OK && strcmp(format, LEDGER_FORMAT) != 0)
    return oip_doc_fail(doc, OI_ESCHEMA, "format", 0,
                        "format: expected \"" LEDGER_FORMAT "\", found \"%s\"", format);
  if (st == OI_OK)
    st = oip_doc_int(doc, root, "version", "", LEDGER_VERSION_MIN, LEDGER_VERSION, &version);
  if (st == OI_OK)
    st = oip_doc_object(doc, root, "policy", "", &policy);
  if (st == OI_OK)
    st = oip_doc_only(doc, policy, "policy", policy_fields);
  if (st == OI_OK)
    st = oip_doc_string(doc, policy, "id", "policy", OI_ID_MAX, 1, &id);
  if (st == OI_OK)
    st = oip_doc_string(doc, policy, "digest", "policy", 16, 1, &digest);
  if (st != OI_OK)
    return st;
  if (strcmp(id, pol->id) != 0 || strcmp(digest, pol->digest) != 0)
    return oip_doc_fail(doc, OI_EMISMATCH, "policy", 0,
                        "the snapshot was made under policy \"%s\" (digest %s), not under "
                        "\"%s\" (digest %s)",
                        id, digest, pol->id, pol->digest);
  st = oip_doc_array(doc, root, "requests", "", &requests);
  if (st == OI_OK)
    st = oip_doc_array(doc, root, "events", "", &events);
  if (st != OI_OK)
    return st;
  st = read_requests(doc, requests, &list);
  if (st == OI_OK)
    st = oi_ledger_new(pol, &l, doc->err);
  if (st == OI_OK)
    st = replay(doc, l, events, list.items, list.count, (int)version);
  free(list.items);
  oip_arena_free(&list.strings);
  if (st != OI_OK) {
    oi_ledger_free(l);
    return st;
  }
  *out = l;
  return OI_OK;
}

oi_status oi_ledger_from_json(const oi_policy *policy, const char *text, size_t length,
                              oi_ledger **out, oi_error *err)
{
  /* What a ledger can hold, and no more: counted before anything is built. */
  static const struct oip_doc_limit limits[] = { { "requests", OI_LEDGER_REQUESTS_MAX },
                                                 { "events", OI_SNAPSHOT_EVENTS_MAX },
                                                 { NULL, 0 } };
  struct oip_doc doc;
  json_t *root;
  oi_status st;

  if (policy == NULL || text == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL,
                    policy == NULL ? "policy" : text == NULL ? "text" : "out",
                    "a required pointer is NULL");
  /* A snapshot as this library writes one loads the quick way; any other
   * text, and any text with a fault, is read here, which says where. */
  switch (oip_ledger_read_json(policy, text, length, out, err)) {
  case 1: return OI_OK;
  case -1: return OI_ENOMEM;
  default: break;
  }
  oip_doc_init(&doc, text, length, err);
  st = oip_doc_parse(&doc, OI_SNAPSHOT_DOCUMENT_MAX, limits, &root);
  if (st != OI_OK)
    return st;
  st = read_ledger(&doc, policy, root, out);
  json_decref(root);
  return st;
}

oi_status oi_ledger_load(const oi_policy *policy, const char *path, oi_ledger **out,
                         oi_error *err)
{
  char *text;
  size_t length;
  oi_status st;

  if (policy == NULL || path == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL,
                    policy == NULL ? "policy" : path == NULL ? "path" : "out",
                    "a required pointer is NULL");
  st = oip_read_file(path, OI_SNAPSHOT_DOCUMENT_MAX, &text, &length, err);
  if (st != OI_OK)
    return st;
  st = oi_ledger_from_json(policy, text, length, out, err);
  free(text);
  return st;
}
