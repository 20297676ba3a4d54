/*
 * bindings/python/convert.c -- the part of the converters every other part
 * uses: the arena that holds one conversion's memory, the table of each
 * struct's members that both directions walk (see convert.h for why this is
 * not left to SWIG's struct proxies), and the module's set-up. The parts
 * are listed in convert_private.h.
 *
 * C rather than typemaps, as the rest of the converters (convert.h): code
 * SWIG does not copy into each wrapper, compiled with the project's warning
 * flags and read by the analyzers.
 */
#include "convert_private.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* ---- the arena ----------------------------------------------------------- */

struct oipy_chunk {
  oipy_chunk *next;
  size_t used, size;
};
#define OIPY_ALIGN ((size_t)16)
#define OIPY_HEADER ((sizeof(oipy_chunk) + OIPY_ALIGN - 1) & ~(OIPY_ALIGN - 1))

void *oipy_arena_alloc(oipy_arena *a, size_t size)
{
  oipy_chunk *c = a->head;
  size_t cap;

  if (size > ((size_t)PY_SSIZE_T_MAX) / 2) {
    PyErr_NoMemory();
    return NULL;
  }
  size = (size + OIPY_ALIGN - 1) & ~(OIPY_ALIGN - 1);
  if (c == NULL || c->size - c->used < size) {
    /* Chunks double up to 1 MiB, so a batch's strings cost few mallocs. */
    cap = c == NULL ? 4096 : c->size < ((size_t)1 << 20) ? 2 * c->size : c->size;
    if (cap < size)
      cap = size;
    c = malloc(OIPY_HEADER + cap);
    if (c == NULL) {
      PyErr_NoMemory();
      return NULL;
    }
    c->next = a->head;
    c->used = 0;
    c->size = cap;
    a->head = c;
  }
  c->used += size;
  return (char *)c + OIPY_HEADER + (c->used - size);
}

void oipy_arena_free(oipy_arena *a)
{
  while (a->head != NULL) {
    oipy_chunk *next = a->head->next;
    free(a->head);
    a->head = next;
  }
}

/* ---- the tables ---------------------------------------------------------- */

/* The structs Python gives the library (inputs) start from their _INIT,
 * which sets their layout version (and their nested structs'); the frozen
 * ones (graduation, reason) and the outputs, which Python never gives, have
 * no start and are read into zeroes. */
#define N(a) (sizeof(a) / sizeof((a)[0]))
#define TYPE(var, name, python, T, fields, from_str, init) \
  oipy_type var = {name, python, sizeof(T), fields, N(fields), from_str, init}

#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_graduation, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_graduation, m), aux, sub, NULL, NULL}
static oipy_field graduation_f[] = {F(site, K_STR, 0, 0, NULL), F(date, K_DATE, 0, 0, NULL)};
static TYPE(graduation_t, "graduation", "a Graduation", oi_graduation, graduation_f, 1, NULL);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_local, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_local, m), aux, sub, NULL, NULL}
static oipy_field local_f[] = {
    F(number, K_U32, 0, 0, NULL), F(name, K_STR, 0, 0, NULL),
    F(country, K_ENUM, E_COUNTRY, 0, NULL), F(district, K_INT, 0, 0, NULL),
    F(lm_form, K_ENUM, E_LM_FORM, 0, NULL),
    FD(receipts_cents, "receipts", K_RECEIPTS, 0, offsetof(oi_local, receipts_known), NULL)};
static const oi_local local_init = OI_LOCAL_INIT;
TYPE(oipy_local_t, "local", "a Local", oi_local, local_f, 0, &local_init);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_officer, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_officer, m), aux, sub, NULL, NULL}
static oipy_field officer_f[] = {
    F(id, K_STR, 0, 0, NULL), F(name, K_STR, 0, 0, NULL), F(office, K_ENUM, E_OFFICE, 0, NULL),
    F(graduations, K_ARRAY, 0, offsetof(oi_officer, graduation_count), &graduation_t)};
static const oi_officer officer_init = OI_OFFICER_INIT;
TYPE(oipy_officer_t, "officer", "an Officer", oi_officer, officer_f, 0, &officer_init);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_subsidy_request, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_subsidy_request, m), aux, sub, NULL, NULL}
static oipy_field request_f[] = {
    F(id, K_STR, 0, 0, NULL), FD(session_id, "session", K_STR, 0, 0, NULL),
    F(local, K_STRUCT, 0, 0, &oipy_local_t), F(officer, K_STRUCT, 0, 0, &oipy_officer_t),
    F(received, K_MOMENT, 0, 0, NULL), F(nights, K_INT, 0, 0, NULL),
    F(attested, K_FLAG, 0, 0, NULL), F(with_application, K_FLAG, 0, 0, NULL),
    F(application_signed, K_FLAG, 0, 0, NULL), F(request_signed, K_FLAG, 0, 0, NULL)};
static const oi_subsidy_request request_init = OI_SUBSIDY_REQUEST_INIT;
TYPE(oipy_request_t, "request", "a SubsidyRequest", oi_subsidy_request, request_f, 0,
     &request_init);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_application, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_application, m), aux, sub, NULL, NULL}
static oipy_field application_f[] = {
    FD(session_id, "session", K_STR, 0, 0, NULL), FD(course_id, "course", K_STR, 0, 0, NULL),
    F(local, K_STRUCT, 0, 0, &oipy_local_t), F(officer, K_STRUCT, 0, 0, &oipy_officer_t)};
static const oi_application application_init = OI_APPLICATION_INIT;
TYPE(oipy_application_t, "application", "an Application", oi_application, application_f, 0,
     &application_init);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_policy_numbers, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_policy_numbers, m), aux, sub, NULL, NULL}
static oipy_field numbers_f[] = {
    F(year, K_INT, 0, 0, NULL), F(seats_per_session, K_INT, 0, 0, NULL),
    F(local_cap_per_year, K_INT, 0, 0, NULL), F(deadline_weeks, K_INT, 0, 0, NULL),
    F(max_nights, K_INT, 0, 0, NULL), F(canada_threshold_cents, K_CENTS, 0, 0, NULL)};
static const oi_policy_numbers numbers_init = OI_POLICY_NUMBERS_INIT;
TYPE(oipy_numbers_t, "numbers", "a PolicyNumbers", oi_policy_numbers, numbers_f, 0,
     &numbers_init);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_course, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_course, m), aux, sub, NULL, NULL}
static oipy_field course_f[] = {F(id, K_STR, 0, 0, NULL), F(title, K_STR, 0, 0, NULL),
                                F(kind, K_ENUM, E_KIND, 0, NULL)};
static const oi_course course_init = OI_COURSE_INIT;
TYPE(oipy_course_t, "course", "a Course", oi_course, course_f, 0, &course_init);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_session, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_session, m), aux, sub, NULL, NULL}
static oipy_field session_f[] = {
    F(id, K_STR, 0, 0, NULL), F(place, K_STR, 0, 0, NULL), F(hotel, K_STR, 0, 0, NULL),
    F(first_day, K_DATE, 0, 0, NULL), F(last_day, K_DATE, 0, 0, NULL),
    F(countries, K_MASK, E_COUNTRY, 0, NULL),
    {"courses", NULL, K_STRS, 0, offsetof(oi_session, course_ids),
     offsetof(oi_session, course_count), NULL, NULL, NULL},
    FD(own_seats, "seats", K_OWN, 0, offsetof(oi_session, has_own_seats), NULL)};
static const oi_session session_init = OI_SESSION_INIT;
TYPE(oipy_session_t, "session", "a Session", oi_session, session_f, 0, &session_init);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_stay, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_stay, m), aux, sub, NULL, NULL}
static oipy_field stay_f[] = {F(nights, K_INT, 0, 0, NULL), F(nights_awarded, K_INT, 0, 0, NULL),
                              F(nightly_rate_cents, K_CENTS, 0, 0, NULL)};
static const oi_stay stay_init = OI_STAY_INIT;
TYPE(oipy_stay_t, "stay", "a stay", oi_stay, stay_f, 0, &stay_init);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_reason, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_reason, m), aux, sub, NULL, NULL}
static oipy_field reason_f[] = {
    F(code, K_ENUM, E_CODE, 0, NULL), F(clause, K_ENUM, E_CLAUSE, 0, NULL),
    F(severity, K_ENUM, E_SEVERITY, 0, NULL), F(session, K_I32, 0, 0, NULL),
    {"values", NULL, K_VALUES, 0, offsetof(oi_reason, value), 0, NULL, NULL, NULL},
    F(ref_id, K_STR, 0, 0, NULL)};
TYPE(oipy_reason_t, "reason", "a Reason", oi_reason, reason_f, 0, NULL);
#undef F
#undef FD
/* The outputs. */
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_decision, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_decision, m), aux, sub, NULL, NULL}
static oipy_field decision_f[] = {
    F(outcome, K_ENUM, E_OUTCOME, 0, NULL), F(policy_id, K_STR, 0, 0, NULL),
    F(session, K_I32, 0, 0, NULL), F(session_id, K_STR, 0, 0, NULL),
    F(nights_requested, K_INT, 0, 0, NULL), F(nights, K_INT, 0, 0, NULL),
    F(payee, K_STR, 0, 0, NULL),
    F(reasons, K_REASONS, 0, 0, &oipy_reason_t),
    F(nights_if_awarded, K_INT, 0, 0, NULL), F(request_id, K_STR, 0, 0, NULL)};
TYPE(oipy_decision_t, "decision", "a Decision", oi_decision, decision_f, 0, NULL);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_ledger_entry, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_ledger_entry, m), aux, sub, NULL, NULL}
static oipy_field entry_f[] = {
    F(id, K_STR, 0, 0, NULL), F(entry_number, K_U64, 0, 0, NULL), F(session, K_I32, 0, 0, NULL),
    F(session_id, K_STR, 0, 0, NULL), F(year, K_INT, 0, 0, NULL),
    F(local_number, K_U32, 0, 0, NULL), F(local_name, K_STR, 0, 0, NULL),
    F(country, K_ENUM, E_COUNTRY, 0, NULL), F(district, K_INT, 0, 0, NULL),
    F(officer_id, K_STR, 0, 0, NULL), F(officer_name, K_STR, 0, 0, NULL),
    F(received, K_MOMENT, 0, 0, NULL), F(status, K_ENUM, E_OUTCOME, 0, NULL),
    F(nights_requested, K_INT, 0, 0, NULL), F(nights, K_INT, 0, 0, NULL),
    F(payee, K_STR, 0, 0, NULL),
    F(reasons, K_ARRAY, 0, offsetof(oi_ledger_entry, reason_count), &oipy_reason_t),
    F(nights_if_awarded, K_INT, 0, 0, NULL)};
TYPE(oipy_entry_t, "entry", "a LedgerEntry", oi_ledger_entry, entry_f, 0, NULL);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_event, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_event, m), aux, sub, NULL, NULL}
static oipy_field event_f[] = {
    F(sequence, K_U64, 0, 0, NULL), F(type, K_INT, 0, 0, NULL), F(request_id, K_STR, 0, 0, NULL),
    F(outcome, K_ENUM, E_OUTCOME, 0, NULL), F(cause_id, K_STR, 0, 0, NULL),
    F(nights, K_INT, 0, 0, NULL),
    F(reasons, K_ARRAY, 0, offsetof(oi_event, reason_count), &oipy_reason_t)};
TYPE(oipy_event_t, "event", "an Event", oi_event, event_f, 0, NULL);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_withdrawal, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_withdrawal, m), aux, sub, NULL, NULL}
static oipy_field withdrawal_f[] = {
    F(previous, K_ENUM, E_OUTCOME, 0, NULL),
    F(promoted, K_INLINE_STRS, 0, offsetof(oi_withdrawal, promoted_count), NULL)};
TYPE(oipy_withdrawal_t, "withdrawal", "a Withdrawal", oi_withdrawal, withdrawal_f, 0, NULL);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_session_summary, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_session_summary, m), aux, sub, NULL, NULL}
static oipy_field summary_f[] = {
    F(seats, K_INT, 0, 0, NULL), F(awarded, K_SIZE, 0, 0, NULL), F(waitlisted, K_SIZE, 0, 0, NULL),
    F(refused, K_SIZE, 0, 0, NULL), F(withdrawn, K_SIZE, 0, 0, NULL),
    F(seats_left, K_INT, 0, 0, NULL), F(nights, K_I64, 0, 0, NULL)};
TYPE(oipy_summary_t, "summary", "a SessionSummary", oi_session_summary, summary_f, 0, NULL);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_cost_split, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_cost_split, m), aux, sub, NULL, NULL}
static oipy_field split_f[] = {
    {"payers", NULL, K_INTS, 0, offsetof(oi_cost_split, payer), OI_COST_ITEM_COUNT, NULL, NULL,
     NULL},
    F(subsidy_nights, K_INT, 0, 0, NULL), F(local_nights, K_INT, 0, 0, NULL),
    F(subsidy_hotel_cents, K_I64, 0, 0, NULL), F(local_hotel_cents, K_I64, 0, 0, NULL)};
TYPE(oipy_split_t, "cost_split", "a CostSplit", oi_cost_split, split_f, 0, NULL);
#undef F
#undef FD

static oipy_type *const all_types[] = {
    &graduation_t,   &oipy_local_t,    &oipy_officer_t,    &oipy_request_t,
    &oipy_application_t, &oipy_numbers_t, &oipy_course_t,  &oipy_session_t,
    &oipy_stay_t,    &oipy_reason_t,   &oipy_decision_t,   &oipy_entry_t,
    &oipy_event_t,   &oipy_withdrawal_t, &oipy_summary_t,  &oipy_split_t};

PyObject *oipy_fields(const char *name)
{
  size_t i, j;

  for (i = 0; i < N(all_types); i++) {
    const oipy_type *t = all_types[i];
    if (strcmp(t->name, name) == 0) {
      PyObject *names = PyTuple_New((Py_ssize_t)t->nfields);
      for (j = 0; names != NULL && j < t->nfields; j++) {
        Py_INCREF(t->fields[j].key);
        PyTuple_SET_ITEM(names, (Py_ssize_t)j, t->fields[j].key);
      }
      return names;
    }
  }
  return PyErr_Format(PyExc_KeyError, "no struct %s", name);
}

int oipy_init(void)
{
  size_t i, j;

  if (oipy_datetime_import() < 0)
    return -1;
  for (i = 0; i < N(all_types); i++)
    for (j = 0; j < all_types[i]->nfields; j++) {
      oipy_field *f = &all_types[i]->fields[j];
      if (f->key == NULL && (f->key = PyUnicode_InternFromString(f->name)) == NULL)
        return -1;
      if (f->doc != NULL && f->doc_key == NULL &&
          (f->doc_key = PyUnicode_InternFromString(f->doc)) == NULL)
        return -1;
    }
  return 0;
}
