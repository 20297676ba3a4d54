/*
 * bindings/python/convert.c -- Python values to the library's structs and
 * back, by one table per struct (see convert.h for why this is not left to
 * SWIG's struct proxies). Nothing here judges a value: a district of 14 or
 * an unknown session id goes to the library, which refuses it and names
 * the member; only what a C member cannot hold is refused here.
 */
#include "convert.h"

#include <datetime.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Enumerations are written as int (the library's enums are int-sized). */
typedef char oipy_enums_are_ints[sizeof(oi_country) == sizeof(int) &&
                                 sizeof(oi_payer) == sizeof(int) ? 1 : -1];

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

enum {
  K_STR, K_INT, K_I32, K_U32, K_I64, K_U64, K_SIZE, K_CENTS, K_RECEIPTS, K_OWN, K_FLAG, K_DATE,
  K_MOMENT, K_ENUM, K_MASK, K_STRUCT, K_ARRAY, K_INLINE, K_STRS, K_INLINE_STRS, K_VALUES,
  K_INTS
};
/* Which parse function reads an enumeration's name. */
enum { E_NONE, E_COUNTRY, E_LM_FORM, E_OFFICE, E_KIND, E_OUTCOME, E_CLAUSE, E_CODE, E_SEVERITY };
static const char *const enum_names[] = {"int", "Country", "LmForm", "Office", "CourseKind",
                                         "Outcome", "Clause", "ReasonCode", "Severity"};

typedef struct oipy_field {
  const char *name; /* the Python attribute (and a dict key) */
  const char *doc;  /* the documents' name, another dict key, or NULL */
  unsigned char kind, parse;
  size_t off;       /* of the member */
  size_t aux;       /* K_ARRAY, K_INLINE, K_STRS, K_INLINE_STRS: offset of the count;
                       K_RECEIPTS, K_OWN: offset of the flag saying the value is
                       set (None in Python when it is not); K_INTS: the count */
  oipy_type *sub;
  PyObject *key, *doc_key; /* name and doc, interned by oipy_init() */
} oipy_field;

struct oipy_type {
  const char *name;   /* for oipy_fields() */
  const char *python; /* what a wrong value should have been */
  size_t size;
  oipy_field *fields;
  size_t nfields;
  int from_str;       /* a str stands for the struct with its first member only */
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define TYPE(var, name, python, T, fields, from_str) \
  oipy_type var = {name, python, sizeof(T), fields, N(fields), from_str}

#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_graduation, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_graduation, m), aux, sub, NULL, NULL}
static oipy_field graduation_f[] = {F(site, K_STR, 0, 0, NULL), F(date, K_DATE, 0, 0, NULL)};
static TYPE(graduation_t, "graduation", "a Graduation", oi_graduation, graduation_f, 1);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_local, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_local, m), aux, sub, NULL, NULL}
static oipy_field local_f[] = {
    F(number, K_U32, 0, 0, NULL), F(name, K_STR, 0, 0, NULL),
    F(country, K_ENUM, E_COUNTRY, 0, NULL), F(district, K_INT, 0, 0, NULL),
    F(lm_form, K_ENUM, E_LM_FORM, 0, NULL),
    FD(receipts_cents, "receipts", K_RECEIPTS, 0, offsetof(oi_local, receipts_known), NULL)};
TYPE(oipy_local_t, "local", "a Local", oi_local, local_f, 0);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_officer, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_officer, m), aux, sub, NULL, NULL}
static oipy_field officer_f[] = {
    F(id, K_STR, 0, 0, NULL), F(name, K_STR, 0, 0, NULL), F(office, K_ENUM, E_OFFICE, 0, NULL),
    F(graduations, K_ARRAY, 0, offsetof(oi_officer, graduation_count), &graduation_t)};
TYPE(oipy_officer_t, "officer", "an Officer", oi_officer, officer_f, 0);
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
TYPE(oipy_request_t, "request", "a SubsidyRequest", oi_subsidy_request, request_f, 0);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_application, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_application, m), aux, sub, NULL, NULL}
static oipy_field application_f[] = {
    FD(session_id, "session", K_STR, 0, 0, NULL), FD(course_id, "course", K_STR, 0, 0, NULL),
    F(local, K_STRUCT, 0, 0, &oipy_local_t), F(officer, K_STRUCT, 0, 0, &oipy_officer_t)};
TYPE(oipy_application_t, "application", "an Application", oi_application, application_f, 0);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_policy_numbers, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_policy_numbers, m), aux, sub, NULL, NULL}
static oipy_field numbers_f[] = {
    F(year, K_INT, 0, 0, NULL), F(seats_per_session, K_INT, 0, 0, NULL),
    F(local_cap_per_year, K_INT, 0, 0, NULL), F(deadline_weeks, K_INT, 0, 0, NULL),
    F(max_nights, K_INT, 0, 0, NULL), F(canada_threshold_cents, K_CENTS, 0, 0, NULL)};
TYPE(oipy_numbers_t, "numbers", "a PolicyNumbers", oi_policy_numbers, numbers_f, 0);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_course, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_course, m), aux, sub, NULL, NULL}
static oipy_field course_f[] = {F(id, K_STR, 0, 0, NULL), F(title, K_STR, 0, 0, NULL),
                                F(kind, K_ENUM, E_KIND, 0, NULL)};
TYPE(oipy_course_t, "course", "a Course", oi_course, course_f, 0);
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
TYPE(oipy_session_t, "session", "a Session", oi_session, session_f, 0);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_stay, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_stay, m), aux, sub, NULL, NULL}
static oipy_field stay_f[] = {F(nights, K_INT, 0, 0, NULL), F(nights_awarded, K_INT, 0, 0, NULL),
                              F(nightly_rate_cents, K_CENTS, 0, 0, NULL)};
TYPE(oipy_stay_t, "stay", "a stay", oi_stay, stay_f, 0);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_reason, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_reason, m), aux, sub, NULL, NULL}
static oipy_field reason_f[] = {
    F(code, K_ENUM, E_CODE, 0, NULL), F(clause, K_ENUM, E_CLAUSE, 0, NULL),
    F(severity, K_ENUM, E_SEVERITY, 0, NULL), F(session, K_I32, 0, 0, NULL),
    {"values", NULL, K_VALUES, 0, offsetof(oi_reason, value), 0, NULL, NULL, NULL},
    F(ref_id, K_STR, 0, 0, NULL)};
TYPE(oipy_reason_t, "reason", "a Reason", oi_reason, reason_f, 0);
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
    F(reasons, K_INLINE, 0, offsetof(oi_decision, reason_count), &oipy_reason_t),
    F(nights_if_awarded, K_INT, 0, 0, NULL), F(request_id, K_STR, 0, 0, NULL)};
TYPE(oipy_decision_t, "decision", "a Decision", oi_decision, decision_f, 0);
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
TYPE(oipy_entry_t, "entry", "a LedgerEntry", oi_ledger_entry, entry_f, 0);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_event, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_event, m), aux, sub, NULL, NULL}
static oipy_field event_f[] = {
    F(sequence, K_U64, 0, 0, NULL), F(type, K_INT, 0, 0, NULL), F(request_id, K_STR, 0, 0, NULL),
    F(outcome, K_ENUM, E_OUTCOME, 0, NULL), F(cause_id, K_STR, 0, 0, NULL),
    F(nights, K_INT, 0, 0, NULL),
    F(reasons, K_ARRAY, 0, offsetof(oi_event, reason_count), &oipy_reason_t)};
TYPE(oipy_event_t, "event", "an Event", oi_event, event_f, 0);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_withdrawal, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_withdrawal, m), aux, sub, NULL, NULL}
static oipy_field withdrawal_f[] = {
    F(previous, K_ENUM, E_OUTCOME, 0, NULL),
    F(promoted, K_INLINE_STRS, 0, offsetof(oi_withdrawal, promoted_count), NULL)};
TYPE(oipy_withdrawal_t, "withdrawal", "a Withdrawal", oi_withdrawal, withdrawal_f, 0);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_session_summary, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_session_summary, m), aux, sub, NULL, NULL}
static oipy_field summary_f[] = {
    F(seats, K_INT, 0, 0, NULL), F(awarded, K_SIZE, 0, 0, NULL), F(waitlisted, K_SIZE, 0, 0, NULL),
    F(refused, K_SIZE, 0, 0, NULL), F(withdrawn, K_SIZE, 0, 0, NULL),
    F(seats_left, K_INT, 0, 0, NULL), F(nights, K_I64, 0, 0, NULL)};
TYPE(oipy_summary_t, "summary", "a SessionSummary", oi_session_summary, summary_f, 0);
#undef F
#undef FD
#define F(m, k, p, aux, sub) {#m, NULL, k, p, offsetof(oi_cost_split, m), aux, sub, NULL, NULL}
#define FD(m, d, k, p, aux, sub) {#m, d, k, p, offsetof(oi_cost_split, m), aux, sub, NULL, NULL}
static oipy_field split_f[] = {
    {"payers", NULL, K_INTS, 0, offsetof(oi_cost_split, payer), OI_COST_ITEM_COUNT, NULL, NULL,
     NULL},
    F(subsidy_nights, K_INT, 0, 0, NULL), F(local_nights, K_INT, 0, 0, NULL),
    F(subsidy_hotel_cents, K_I64, 0, 0, NULL), F(local_hotel_cents, K_I64, 0, 0, NULL)};
TYPE(oipy_split_t, "cost_split", "a CostSplit", oi_cost_split, split_f, 0);
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

/* ---- errors ---------------------------------------------------------------- */

/* The classes raised, by status, and the class of a value of the wrong
 * type; set once by the module's own Python code (oipy_register()). */
static PyObject *error_classes, *wrong_type_class;

PyObject *oipy_register(PyObject *by_status, PyObject *wrong_type)
{
  Py_INCREF(by_status);
  Py_INCREF(wrong_type);
  Py_XDECREF(error_classes);
  Py_XDECREF(wrong_type_class);
  error_classes = by_status;
  wrong_type_class = wrong_type;
  Py_RETURN_NONE;
}

/* Library text (a message may be cut inside a character at 255 bytes). */
static PyObject *text(const char *s)
{
  return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

/* The exception of an error, of its status's class (or cls), not raised. */
static PyObject *error_object(const oi_error *e, PyObject *cls)
{
  const char *message = e->message[0] != '\0' ? e->message : oi_status_describe(e->status);
  const char *expected = oi_expect_name(e->expected);
  PyObject *key, *args, *kw, *exc = NULL, *index;

  if (cls == NULL && error_classes != NULL) {
    key = PyLong_FromLong((long)e->status);
    cls = key != NULL ? PyDict_GetItemWithError(error_classes, key) : NULL;
    Py_XDECREF(key);
    if (PyErr_Occurred())
      return NULL;
  }
  if (cls == NULL)
    return PyObject_CallFunction(PyExc_RuntimeError, "ss", oi_status_name(e->status), message);
  if (e->index == OI_ERROR_NO_INDEX) {
    Py_INCREF(Py_None);
    index = Py_None;
  } else {
    index = PyLong_FromSize_t(e->index);
  }
  args = Py_BuildValue("(N)", text(message));
  kw = Py_BuildValue("{s:i,s:N,s:i,s:i,s:n,s:N,s:N,s:s,s:N}", "status", (int)e->status, "path",
                     text(e->path), "line", e->line, "column", e->column, "position",
                     (Py_ssize_t)e->position, "index", index, "field", text(e->field),
                     "expected", expected != NULL ? expected : "", "suggestion",
                     text(e->suggestion));
  if (args != NULL && kw != NULL)
    exc = PyObject_Call(cls, args, kw);
  Py_XDECREF(args);
  Py_XDECREF(kw);
  return exc;
}

PyObject *oipy_error_object(const oi_error *err)
{
  if (err == NULL)
    Py_RETURN_NONE;
  return error_object(err, NULL);
}

static void raise_as(const oi_error *e, PyObject *cls)
{
  PyObject *exc = error_object(e, cls);

  if (exc != NULL) {
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    Py_DECREF(exc);
  }
}

void oipy_raise(const oi_error *err)
{
  raise_as(err, NULL);
}

/* Where a conversion is: a chain of frames on the C stack, formatted only
 * when it fails ("requests[3].local.district"). */
typedef struct frame {
  const struct frame *up;
  const char *name;  /* NULL for an element of the array above */
  Py_ssize_t index;  /* the element's index */
} frame;

static size_t format_path(const frame *at, char *buf, size_t size, const frame *stop)
{
  size_t n = 0;
  int w;

  if (at == NULL || at == stop)
    return 0;
  n = format_path(at->up, buf, size, stop);
  if (at->name != NULL)
    w = snprintf(buf + n, size - n, "%s%s", n > 0 ? "." : "", at->name);
  else
    w = snprintf(buf + n, size - n, "[%zd]", at->index);
  n += w > 0 ? (size_t)w : 0;
  return n < size ? n : size - 1;
}

/* Name the member at `at` in e (path, element index, field) and raise. */
static int fail_c(const frame *at, oi_error *e, PyObject *cls)
{
  const frame *root = at, *element = NULL;

  while (root->up != NULL) {
    if (root->up->up == NULL && root->name == NULL)
      element = root;
    root = root->up;
  }
  format_path(at, e->path, sizeof e->path, NULL);
  e->field[0] = '\0';
  e->index = element != NULL ? (size_t)element->index : OI_ERROR_NO_INDEX;
  format_path(at, e->field, sizeof e->field, element != NULL ? element : root);
  raise_as(e, cls);
  return -1;
}

static int fail(const frame *at, int wrong_type, oi_expect expected, const char *fmt, ...)
{
  oi_error e;
  va_list ap;

  oi_error_clear(&e);
  e.status = OI_EINVAL;
  e.expected = expected;
  va_start(ap, fmt);
  vsnprintf(e.message, sizeof e.message, fmt, ap);
  va_end(ap);
  return fail_c(at, &e, wrong_type ? wrong_type_class : NULL);
}

#define TYPENAME(o) (Py_TYPE(o)->tp_name)

/* ---- handles in use -------------------------------------------------------- */

/* Which handles calls are using now, and how many calls each: a short list
 * (one entry a thread inside the library, at most), read and written with
 * the interpreter lock held. A call may run Python code after it has its
 * handle (a generator of requests, a property, __fspath__), and that code
 * may try to free the handle: oipy_in_use() says no. */
static struct { const void *handle; size_t calls; } *held;
static size_t held_count, held_capacity;

int oipy_hold(const void *handle)
{
  size_t i;

  if (handle == NULL)
    return 0;
  for (i = 0; i < held_count; i++)
    if (held[i].handle == handle) {
      held[i].calls++;
      return 0;
    }
  if (held_count == held_capacity) {
    size_t cap = held_capacity > 0 ? 2 * held_capacity : 8;
    void *more = PyMem_Realloc(held, cap * sizeof *held);
    if (more == NULL) {
      PyErr_NoMemory();
      return -1;
    }
    held = more;
    held_capacity = cap;
  }
  held[held_count].handle = handle;
  held[held_count++].calls = 1;
  return 0;
}

void oipy_unhold(const void *handle)
{
  size_t i;

  for (i = 0; handle != NULL && i < held_count; i++)
    if (held[i].handle == handle) {
      if (--held[i].calls == 0)
        held[i] = held[--held_count];
      return;
    }
}

int oipy_in_use(const void *handle, const char *what)
{
  oi_error e;
  size_t i;

  for (i = 0; handle != NULL && i < held_count; i++)
    if (held[i].handle == handle) {
      oi_error_clear(&e);
      e.status = OI_ESTATE;
      snprintf(e.path, sizeof e.path, "%s", what);
      snprintf(e.message, sizeof e.message, "the %s is in use by a call in progress", what);
      raise_as(&e, NULL);
      return 1;
    }
  return 0;
}

/* ---- Python to C ------------------------------------------------------------ */

static int text_at(PyObject *o, oipy_arena *a, const char **out, const frame *at)
{
  Py_ssize_t n;
  const char *s;
  char *copy;

  if (o == Py_None) {
    *out = NULL;
    return 0;
  }
  if (!PyUnicode_Check(o))
    return fail(at, 1, OI_EXPECT_STRING, "must be a str, not %s", TYPENAME(o));
  s = PyUnicode_AsUTF8AndSize(o, &n);
  if (s == NULL) {
    if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
      return -1;
    PyErr_Clear();
    return fail(at, 0, OI_EXPECT_STRING, "is not valid text (it holds a lone surrogate)");
  }
  if (memchr(s, '\0', (size_t)n) != NULL)
    return fail(at, 0, OI_EXPECT_STRING, "contains a NUL character");
  if (a == NULL) { /* borrowed: the str outlives the call */
    *out = s;
    return 0;
  }
  copy = oipy_arena_alloc(a, (size_t)n + 1);
  if (copy == NULL)
    return -1;
  memcpy(copy, s, (size_t)n + 1);
  *out = copy;
  return 0;
}

int oipy_text(PyObject *o, oipy_arena *a, const char **out, const char *path)
{
  const frame root = {NULL, path, -1};
  return text_at(o, a, out, &root);
}

static int int_at(PyObject *v, long long lo, long long hi, long long *out, const frame *at)
{
  int overflow = 0;
  long long x = 0;

  if (!PyLong_Check(v) || PyBool_Check(v))
    return fail(at, 1, OI_EXPECT_INTEGER, "must be an int, not %s", TYPENAME(v));
  x = PyLong_AsLongLongAndOverflow(v, &overflow);
  if (x == -1 && PyErr_Occurred())
    return -1;
  if (overflow != 0 || x < lo || x > hi)
    return fail(at, 0, OI_EXPECT_RANGE, "%s is outside %lld..%lld, what its C type holds",
                overflow != 0 ? "the number" : "the value", lo, hi);
  *out = x;
  return 0;
}

int oipy_wrong_type(PyObject *o, const char *expected, const char *path)
{
  const frame root = {NULL, path, -1};

  if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_TypeError))
    return -1;
  PyErr_Clear();
  return fail(&root, 1, OI_EXPECT_STRING, "must be %s, not %s", expected, TYPENAME(o));
}

int oipy_integer(PyObject *o, long long lo, long long hi, long long *out, const char *path)
{
  const frame root = {NULL, path, -1};
  return int_at(o, lo, hi, out, &root);
}

static oi_status parse_enum(int which, const char *s, int *out, oi_error *e)
{
#define P(T, fn)                          \
  do {                                    \
    T v_ = (T)0;                          \
    oi_status st_ = fn(s, &v_, e);        \
    *out = (int)v_;                       \
    return st_;                           \
  } while (0)
  switch (which) {
  case E_COUNTRY: P(oi_country, oi_country_parse);
  case E_LM_FORM: P(oi_lm_form, oi_lm_form_parse);
  case E_OFFICE: P(oi_office, oi_office_parse);
  case E_KIND: P(oi_course_kind, oi_course_kind_parse);
  case E_OUTCOME: P(oi_outcome, oi_outcome_parse);
  case E_CLAUSE: P(oi_clause, oi_clause_parse);
  case E_CODE: P(oi_reason_code, oi_reason_code_parse);
  case E_SEVERITY: P(oi_severity, oi_severity_parse);
  default: break;
  }
#undef P
  oi_error_clear(e);
  e->status = OI_EINVAL;
  snprintf(e->message, sizeof e->message, "has no names");
  return OI_EINVAL;
}

/* An enumeration: its value, or a name its parse function reads. */
static int enum_at(PyObject *v, int which, int *out, const frame *at)
{
  long long x = 0;
  oi_error e;

  if (PyUnicode_Check(v)) {
    const char *s;
    if (text_at(v, NULL, &s, at) < 0)
      return -1;
    oi_error_clear(&e);
    return parse_enum(which, s, out, &e) == OI_OK ? 0 : fail_c(at, &e, NULL);
  }
  if (!PyLong_Check(v) || PyBool_Check(v))
    return fail(at, 1, OI_EXPECT_VALUE, "must be a %s or its name, not %s", enum_names[which],
                TYPENAME(v));
  if (int_at(v, INT_MIN, INT_MAX, &x, at) < 0)
    return -1;
  *out = (int)x;
  return 0;
}

/* Whole cents, or an amount written in dollars (oi_money_parse()). */
static int cents_at(PyObject *v, int64_t *out, const frame *at)
{
  long long x = 0;
  oi_error e;

  if (PyUnicode_Check(v)) {
    const char *s;
    if (text_at(v, NULL, &s, at) < 0)
      return -1;
    oi_error_clear(&e);
    return oi_money_parse(s, out, &e) == OI_OK ? 0 : fail_c(at, &e, NULL);
  }
  if (!PyLong_Check(v) || PyBool_Check(v))
    return fail(at, 1, OI_EXPECT_MONEY, "must be an int (cents) or an amount as a str, not %s",
                TYPENAME(v));
  if (int_at(v, LLONG_MIN, LLONG_MAX, &x, at) < 0)
    return -1;
  *out = (int64_t)x;
  return 0;
}

static int date_at(PyObject *o, oi_date *out, const frame *at)
{
  oi_error e;
  const char *s;

  if (o == Py_None) {
    memset(out, 0, sizeof *out);
    return 0;
  }
  if (PyDate_Check(o)) {
    out->year = PyDateTime_GET_YEAR(o);
    out->month = PyDateTime_GET_MONTH(o);
    out->day = PyDateTime_GET_DAY(o);
    return 0;
  }
  if (!PyUnicode_Check(o))
    return fail(at, 1, OI_EXPECT_DATE, "must be a datetime.date or a str (YYYY-MM-DD), not %s",
                TYPENAME(o));
  if (text_at(o, NULL, &s, at) < 0)
    return -1;
  oi_error_clear(&e);
  return oi_date_parse(s, out, &e) == OI_OK ? 0 : fail_c(at, &e, NULL);
}

static int datetime_at(PyObject *o, oi_datetime *out, const frame *at)
{
  oi_error e;
  const char *s;

  memset(out, 0, sizeof *out);
  if (PyDateTime_Check(o)) {
    /* No zone is implied by the library: an aware moment has no meaning. */
    if (_PyDateTime_HAS_TZINFO(o))
      return fail(at, 0, OI_EXPECT_DATETIME, "must be a naive datetime (the local time of the "
                  "office that received it), not an aware one");
    out->hour = PyDateTime_DATE_GET_HOUR(o);
    out->minute = PyDateTime_DATE_GET_MINUTE(o);
    out->second = PyDateTime_DATE_GET_SECOND(o);
  }
  if (PyDate_Check(o) || o == Py_None)
    return date_at(o, &out->date, at);
  if (!PyUnicode_Check(o))
    return fail(at, 1, OI_EXPECT_DATETIME,
                "must be a datetime.datetime, a datetime.date or a str "
                "(YYYY-MM-DDTHH:MM:SS), not %s", TYPENAME(o));
  if (text_at(o, NULL, &s, at) < 0)
    return -1;
  oi_error_clear(&e);
  return oi_datetime_parse(s, out, &e) == OI_OK ? 0 : fail_c(at, &e, NULL);
}

int oipy_date(PyObject *o, oi_date *out, const char *path)
{
  const frame root = {NULL, path, -1};
  return date_at(o, out, &root);
}

int oipy_datetime(PyObject *o, oi_datetime *out, const char *path)
{
  const frame root = {NULL, path, -1};
  return datetime_at(o, out, &root);
}

static int struct_at(PyObject *o, const oipy_type *t, void *out, oipy_arena *a, const frame *at);

/* A list of what `each` converts, into an array of `size`-byte items. */
static int array_at(PyObject *v, size_t size, oipy_arena *a, void **items, size_t *count,
                    const frame *at, const oipy_type *sub)
{
  PyObject *list;
  Py_ssize_t i, n;
  char *arr;
  int st = 0;

  if (v == Py_None) {
    *items = NULL;
    *count = 0;
    return 0;
  }
  /* A copy of the list: converting an element may run Python code (a
   * property) that changes the caller's list. */
  list = PyUnicode_Check(v) || PyBytes_Check(v) || PyDict_Check(v) ? NULL : PySequence_List(v);
  if (list == NULL) {
    if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_TypeError))
      return -1;
    PyErr_Clear();
    return fail(at, 1, OI_EXPECT_ARRAY, "must be a list (any iterable), not %s", TYPENAME(v));
  }
  n = PyList_GET_SIZE(list);
  arr = oipy_arena_alloc(a, (size_t)(n > 0 ? n : 1) * size);
  for (i = 0; arr != NULL && st == 0 && i < n; i++) {
    const frame el = {at, NULL, i};
    PyObject *item = PyList_GET_ITEM(list, i);
    void *slot = arr + (size_t)i * size;
    st = sub != NULL ? struct_at(item, sub, slot, a, &el) : text_at(item, a, slot, &el);
  }
  Py_DECREF(list);
  if (arr == NULL || st < 0)
    return -1;
  *items = arr;
  *count = (size_t)n;
  return 0;
}

static int mask_at(PyObject *v, unsigned *out, const frame *at)
{
  PyObject *items;
  Py_ssize_t i, n;
  unsigned mask = 0;
  long long x = 0;
  int c, st = 0;

  if (PyLong_Check(v) && !PyBool_Check(v)) {
    if (int_at(v, 0, UINT_MAX, &x, at) < 0)
      return -1;
    *out = (unsigned)x;
    return 0;
  }
  items = PyUnicode_Check(v) ? PyTuple_Pack(1, v) : PySequence_Tuple(v);
  if (items == NULL) {
    if (!PyErr_ExceptionMatches(PyExc_TypeError))
      return -1;
    PyErr_Clear();
    return fail(at, 1, OI_EXPECT_ARRAY, "must be a set of Country, not %s", TYPENAME(v));
  }
  n = PyTuple_GET_SIZE(items);
  for (i = 0; st == 0 && i < n; i++) {
    const frame el = {at, NULL, i};
    st = enum_at(PyTuple_GET_ITEM(items, i), E_COUNTRY, &c, &el);
    if (st == 0 && (c < 0 || c >= (int)(sizeof mask * CHAR_BIT)))
      st = fail(&el, 0, OI_EXPECT_COUNTRY, "%d has no bit in a countries mask", c);
    if (st == 0)
      mask |= OI_COUNTRY_BIT(c);
  }
  Py_DECREF(items);
  if (st == 0)
    *out = mask;
  return st;
}

static int value_at(PyObject *v, const oipy_field *f, char *base, oipy_arena *a,
                    const frame *at)
{
  char *p = base + f->off;
  long long x = 0;
  int e, known = 1;
  int32_t i32;
  uint32_t u32;
  int64_t i64;

  switch (f->kind) {
  case K_STR:
    return text_at(v, a, (const char **)(void *)p, at);
  case K_INT:
  case K_FLAG:
    if (f->kind == K_FLAG && PyBool_Check(v))
      e = v == Py_True;
    else if (int_at(v, INT_MIN, INT_MAX, &x, at) < 0)
      return -1;
    else
      e = (int)x;
    memcpy(p, &e, sizeof e);
    return 0;
  case K_I32:
    if (int_at(v, INT32_MIN, INT32_MAX, &x, at) < 0)
      return -1;
    i32 = (int32_t)x;
    memcpy(p, &i32, sizeof i32);
    return 0;
  case K_U32:
    if (int_at(v, 0, UINT32_MAX, &x, at) < 0)
      return -1;
    u32 = (uint32_t)x;
    memcpy(p, &u32, sizeof u32);
    return 0;
  case K_OWN:
    known = v != Py_None;
    memcpy(base + f->aux, &known, sizeof known);
    if (!known)
      return 0;
    if (int_at(v, INT_MIN, INT_MAX, &x, at) < 0)
      return -1;
    e = (int)x;
    memcpy(p, &e, sizeof e);
    return 0;
  case K_RECEIPTS:
    known = v != Py_None;
    memcpy(base + f->aux, &known, sizeof known);
    if (!known)
      return 0;
    /* fall through */
  case K_CENTS:
    if (cents_at(v, &i64, at) < 0)
      return -1;
    memcpy(p, &i64, sizeof i64);
    return 0;
  case K_DATE:
    return date_at(v, (oi_date *)(void *)p, at);
  case K_MOMENT:
    return datetime_at(v, (oi_datetime *)(void *)p, at);
  case K_ENUM:
    if (enum_at(v, f->parse, &e, at) < 0)
      return -1;
    memcpy(p, &e, sizeof e);
    return 0;
  case K_MASK:
    return mask_at(v, (unsigned *)(void *)p, at);
  case K_STRUCT:
    return struct_at(v, f->sub, p, a, at);
  case K_ARRAY:
    return array_at(v, f->sub->size, a, (void **)(void *)p, (size_t *)(void *)(base + f->aux),
                    at, f->sub);
  case K_STRS:
    return array_at(v, sizeof(const char *), a, (void **)(void *)p,
                    (size_t *)(void *)(base + f->aux), at, NULL);
  case K_VALUES: {
    PyObject *list = PySequence_List(v);
    Py_ssize_t i;
    if (list == NULL || PyList_GET_SIZE(list) != 4) {
      Py_XDECREF(list);
      PyErr_Clear();
      return fail(at, 1, OI_EXPECT_ARRAY, "must be four ints, not %s", TYPENAME(v));
    }
    for (i = 0; i < 4; i++) {
      const frame el = {at, NULL, i};
      if (int_at(PyList_GET_ITEM(list, i), LLONG_MIN, LLONG_MAX, &x, &el) < 0)
        break;
      i64 = (int64_t)x;
      memcpy(p + (size_t)i * sizeof i64, &i64, sizeof i64);
    }
    Py_DECREF(list);
    return i == 4 ? 0 : -1;
  }
  default:
    return fail(at, 0, OI_EXPECT_NONE, "is not read from Python");
  }
}

/* The instance dict of an object whose type says (a true class attribute
 * _oipy_plain_dict) that its members are kept there under their names, as
 * the package's values are: read as a dict, without a lookup of the type
 * per member. NULL (no error) for any other object. */
static PyObject *plain_dict(PyObject *o)
{
  static PyObject *marker;
  PyObject *flag, *d;
  int plain;

  if (marker == NULL && (marker = PyUnicode_InternFromString("_oipy_plain_dict")) == NULL)
    return NULL;
  if (Py_TYPE(o)->tp_dictoffset == 0 || Py_TYPE(o)->tp_getattro != PyObject_GenericGetAttr)
    return NULL;
  flag = PyObject_GetAttr((PyObject *)Py_TYPE(o), marker);
  plain = flag != NULL && PyObject_IsTrue(flag) == 1;
  Py_XDECREF(flag);
  PyErr_Clear();
  if (!plain || (d = PyObject_GenericGetDict(o, NULL)) == NULL || !PyDict_Check(d)) {
    PyErr_Clear();
    return NULL;
  }
  Py_DECREF(d);      /* the object holds it */
  return d;
}

static int struct_at(PyObject *o, const oipy_type *t, void *out, oipy_arena *a, const frame *at)
{
  const int is_dict = PyDict_Check(o);
  PyObject *members = is_dict ? NULL : plain_dict(o);
  Py_ssize_t found = 0, pos = 0;
  PyObject *v, *key;
  size_t i;
  int st;

  memset(out, 0, t->size);
  if (t->from_str && PyUnicode_Check(o))
    return value_at(o, &t->fields[0], out, a, at);
  for (i = 0; i < t->nfields; i++) {
    frame member = {at, t->fields[i].name, -1};
    if (is_dict) {
      /* The documents' name or the attribute's; a key left out leaves its
       * member unset, for the library to judge. */
      v = t->fields[i].doc_key != NULL ? PyDict_GetItemWithError(o, t->fields[i].doc_key) : NULL;
      if (v == NULL && !PyErr_Occurred())
        v = PyDict_GetItemWithError(o, t->fields[i].key);
      else if (v != NULL)
        member.name = t->fields[i].doc;
      if (v == NULL) {
        if (PyErr_Occurred())
          return -1;
        continue;
      }
      Py_INCREF(v);
      found++;
    } else if (members != NULL && (v = PyDict_GetItemWithError(members, t->fields[i].key))) {
      Py_INCREF(v);
    } else if ((v = PyObject_GetAttr(o, t->fields[i].key)) == NULL) {
      if (!PyErr_ExceptionMatches(PyExc_AttributeError))
        return -1;
      PyErr_Clear();
      return fail(at, 1, OI_EXPECT_OBJECT, "must be %s or a dict, not %s", t->python,
                  TYPENAME(o));
    }
    st = value_at(v, &t->fields[i], out, a, &member);
    Py_DECREF(v);
    if (st < 0)
      return -1;
  }
  if (is_dict && found != PyDict_GET_SIZE(o)) {
    /* A key the struct does not have: a typo must not pass for "unset". */
    while (PyDict_Next(o, &pos, &key, &v)) {
      for (i = 0; i < t->nfields; i++)
        if (PyUnicode_Check(key) && (PyUnicode_Compare(key, t->fields[i].key) == 0 ||
                                     (t->fields[i].doc_key != NULL &&
                                      PyUnicode_Compare(key, t->fields[i].doc_key) == 0)))
          break;
      if (i == t->nfields) {
        const char *name = PyUnicode_Check(key) ? PyUnicode_AsUTF8(key) : NULL;
        if (name == NULL) {
          PyErr_Clear();
          return fail(at, 1, OI_EXPECT_FIELD, "has a key that is not a str");
        }
        return fail(at, 0, OI_EXPECT_FIELD, "has no member \"%.60s\" (%s has no such field)",
                    name, t->python);
      }
    }
  }
  return 0;
}

int oipy_in(PyObject *o, const oipy_type *t, void *out, oipy_arena *a, const char *root)
{
  const frame top = {NULL, root, -1};
  return struct_at(o, t, out, a, &top);
}

int oipy_dates(PyObject *items, oipy_arena *a, oi_date **out, size_t *count, const char *root)
{
  const frame top = {NULL, root, -1};
  PyObject *list = PyUnicode_Check(items) ? NULL : PySequence_List(items);
  Py_ssize_t i, n;
  oi_date *days;

  if (list == NULL) {
    if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_TypeError))
      return -1;
    PyErr_Clear();
    return fail(&top, 1, OI_EXPECT_ARRAY, "must be a list of dates, not %s", TYPENAME(items));
  }
  n = PyList_GET_SIZE(list);
  days = oipy_arena_alloc(a, (size_t)(n > 0 ? n : 1) * sizeof *days);
  for (i = 0; days != NULL && i < n; i++) {
    const frame el = {&top, NULL, i};
    if (date_at(PyList_GET_ITEM(list, i), &days[i], &el) < 0)
      break;
  }
  Py_DECREF(list);
  if (days == NULL || i < n)
    return -1;
  *out = days;
  *count = (size_t)n;
  return 0;
}

int oipy_requests_fill(oipy_requests *r, PyObject *items)
{
  const frame top = {NULL, "requests", -1};
  void *reqs = NULL;
  size_t n = 0;

  if (array_at(items, sizeof(oi_subsidy_request), &r->arena, &reqs, &n, &top,
               &oipy_request_t) < 0)
    return -1;
  r->reqs = reqs;
  r->count = n;
  return 0;
}

void oipy_requests_clear(oipy_requests *r)
{
  oipy_arena_free(&r->arena);
  r->reqs = NULL;
  r->count = 0;
}

oipy_requests *oipy_requests_new(PyObject *items)
{
  oipy_requests *r = calloc(1, sizeof *r);

  if (r == NULL) {
    PyErr_NoMemory();
    return NULL;
  }
  if (oipy_requests_fill(r, items) < 0) {
    oipy_requests_free(r);
    return NULL;
  }
  return r;
}

void oipy_requests_free(oipy_requests *r)
{
  if (r != NULL) {
    oipy_requests_clear(r);
    free(r);
  }
}

PyObject *oipy_listing(const oi_ledger_entry *items, size_t n, size_t count)
{
  PyObject *entries = PyTuple_New((Py_ssize_t)n), *e;
  size_t i;

  for (i = 0; entries != NULL && i < n; i++) {
    if ((e = oipy_out(&items[i], &oipy_entry_t)) == NULL) {
      Py_DECREF(entries);
      return NULL;
    }
    PyTuple_SET_ITEM(entries, (Py_ssize_t)i, e);
  }
  return entries != NULL ? Py_BuildValue("(nN)", (Py_ssize_t)count, entries) : NULL;
}

int oipy_buffer(PyObject *o, Py_buffer *view, const char **text, size_t *length,
                const char *path)
{
  Py_ssize_t n;

  view->obj = NULL;
  if (PyUnicode_Check(o)) {
    if ((*text = PyUnicode_AsUTF8AndSize(o, &n)) == NULL)
      return -1;
    *length = (size_t)n;
    return 0;
  }
  if (PyObject_GetBuffer(o, view, PyBUF_SIMPLE) < 0) {
    view->obj = NULL;
    return oipy_wrong_type(o, "a str or bytes", path);
  }
  *text = view->buf;
  *length = (size_t)view->len;
  return 0;
}

int oipy_row(PyObject *o, oipy_arena *a, const char ***names, const char ***values,
             size_t *count)
{
  PyObject *k, *v;
  Py_ssize_t pos = 0;
  size_t i = 0, n;

  if (!PyDict_Check(o))
    return oipy_wrong_type(o, "a dict of field names to str values", "fields");
  n = (size_t)PyDict_GET_SIZE(o);
  *names = oipy_arena_alloc(a, (n + 1) * sizeof **names);
  *values = oipy_arena_alloc(a, (n + 1) * sizeof **values);
  if (*names == NULL || *values == NULL)
    return -1;
  while (i < n && PyDict_Next(o, &pos, &k, &v)) {
    if (oipy_text(k, NULL, &(*names)[i], "fields") < 0 ||
        oipy_text(v, NULL, &(*values)[i], "fields") < 0)
      return -1;
    if ((*values)[i] == NULL)
      (*values)[i] = "";      /* None: an absent field, as an empty cell */
    i++;
  }
  *count = i;
  return 0;
}

int oipy_no_text(void)
{
  oi_error e;

  oi_error_clear(&e);
  e.status = OI_EINVAL;
  snprintf(e.message, sizeof e.message, "no text for this value");
  raise_as(&e, NULL);
  return -1;
}

/* ---- C to Python ------------------------------------------------------------ */

PyObject *oipy_date_out(oi_date d)
{
  if (oi_date_is_none(d))
    Py_RETURN_NONE;
  return PyDate_FromDate(d.year, d.month, d.day);
}

PyObject *oipy_datetime_out(oi_datetime t)
{
  return PyDateTime_FromDateAndTime(t.date.year, t.date.month, t.date.day, t.hour, t.minute,
                                    t.second, 0);
}

static PyObject *str_out(const char *s)
{
  if (s == NULL)
    Py_RETURN_NONE;
  return PyUnicode_FromString(s);
}

static PyObject *tuple_of(const char *items, size_t count, size_t size, const oipy_type *sub,
                          int kind)
{
  PyObject *t = PyTuple_New((Py_ssize_t)count), *o = NULL;
  size_t i;
  int x;

  for (i = 0; t != NULL && i < count; i++) {
    const char *p = items + i * size;
    if (kind == K_STRUCT && sub != NULL) {
      o = oipy_out(p, sub);
    } else if (kind == K_STR) {
      const char *s;
      memcpy(&s, p, sizeof s);
      o = str_out(s);
    } else {
      memcpy(&x, p, sizeof x);
      o = PyLong_FromLong(x);
    }
    if (o == NULL) {
      Py_DECREF(t);
      return NULL;
    }
    PyTuple_SET_ITEM(t, (Py_ssize_t)i, o);
  }
  return t;
}

static PyObject *value_out(const char *base, const oipy_field *f)
{
  const char *p = base + f->off;
  const char *items;
  size_t count = 0;
  int x;
  int32_t i32;
  uint32_t u32;
  int64_t i64, v[4];
  uint64_t u64;

  if (f->kind == K_ARRAY || f->kind == K_INLINE || f->kind == K_STRS ||
      f->kind == K_INLINE_STRS)
    memcpy(&count, base + f->aux, sizeof count);
  switch (f->kind) {
  case K_STR:
    memcpy(&items, p, sizeof items);
    return str_out(items);
  case K_INT:
  case K_ENUM:
    memcpy(&x, p, sizeof x);
    return PyLong_FromLong(x);
  case K_FLAG:
    memcpy(&x, p, sizeof x);
    return PyBool_FromLong(x);
  case K_I32:
    memcpy(&i32, p, sizeof i32);
    return PyLong_FromLong((long)i32);
  case K_U32:
  case K_MASK:
    memcpy(&u32, p, sizeof u32);
    return PyLong_FromUnsignedLong((unsigned long)u32);
  case K_OWN:
    memcpy(&x, base + f->aux, sizeof x);
    if (!x)
      Py_RETURN_NONE;
    memcpy(&x, p, sizeof x);
    return PyLong_FromLong(x);
  case K_RECEIPTS:
    memcpy(&x, base + f->aux, sizeof x);
    if (!x)
      Py_RETURN_NONE;
    /* fall through */
  case K_I64:
  case K_CENTS:
    memcpy(&i64, p, sizeof i64);
    return PyLong_FromLongLong((long long)i64);
  case K_U64:
    memcpy(&u64, p, sizeof u64);
    return PyLong_FromUnsignedLongLong((unsigned long long)u64);
  case K_SIZE:
    memcpy(&count, p, sizeof count);
    return PyLong_FromSize_t(count);
  case K_DATE:
    return oipy_date_out(*(const oi_date *)(const void *)p);
  case K_MOMENT:
    return oipy_datetime_out(*(const oi_datetime *)(const void *)p);
  case K_STRUCT:
    return oipy_out(p, f->sub);
  case K_ARRAY:
    memcpy(&items, p, sizeof items);
    return tuple_of(items, items != NULL ? count : 0, f->sub->size, f->sub, K_STRUCT);
  case K_INLINE:
    return tuple_of(p, count, f->sub->size, f->sub, K_STRUCT);
  case K_STRS:
    memcpy(&items, p, sizeof items);
    return tuple_of(items, items != NULL ? count : 0, sizeof(const char *), NULL, K_STR);
  case K_INLINE_STRS:
    return tuple_of(p, count, sizeof(const char *), NULL, K_STR);
  case K_INTS:
    return tuple_of(p, f->aux, sizeof(int), NULL, K_INT);
  case K_VALUES:
    memcpy(v, p, sizeof v);
    return Py_BuildValue("(LLLL)", (long long)v[0], (long long)v[1], (long long)v[2],
                         (long long)v[3]);
  default:
    return PyErr_Format(PyExc_SystemError, "member %s is not made for Python", f->name);
  }
}

PyObject *oipy_out(const void *in, const oipy_type *t)
{
  PyObject *tuple = PyTuple_New((Py_ssize_t)t->nfields), *v;
  size_t i;

  for (i = 0; tuple != NULL && i < t->nfields; i++) {
    if ((v = value_out(in, &t->fields[i])) == NULL) {
      Py_DECREF(tuple);
      return NULL;
    }
    PyTuple_SET_ITEM(tuple, (Py_ssize_t)i, v);
  }
  return tuple;
}

/* ---- batches of decisions ---------------------------------------------------- */

static oipy_decisions *oipy_decisions_new(size_t count)
{
  oipy_decisions *d;

  if (count > (((size_t)PY_SSIZE_T_MAX) - sizeof *d) / sizeof(oi_decision)) {
    PyErr_NoMemory();
    return NULL;
  }
  /* Not cleared: the library writes every decision (with the interpreter
   * released, so the pages are touched outside the lock too). */
  d = malloc(sizeof *d + count * sizeof(oi_decision));
  if (d == NULL) {
    PyErr_NoMemory();
    return NULL;
  }
  d->arena.head = NULL;
  d->keep = NULL;
  d->reqs = NULL;
  d->count = count;
  return d;
}

oipy_decisions *oipy_batch_in(PyObject *input, const oipy_requests *requests,
                              oipy_requests *own)
{
  oipy_decisions *d;

  if (requests == NULL && oipy_requests_fill(own, input) < 0)
    return NULL;
  if ((d = oipy_decisions_new(requests != NULL ? requests->count : own->count)) == NULL)
    return NULL;
  if (requests != NULL) {
    Py_INCREF(input);
    d->keep = input;
    d->reqs = requests->reqs;
  } else {
    d->arena = own->arena;
    own->arena.head = NULL;
    d->reqs = own->reqs;
  }
  return d;
}

PyObject *oipy_decision_at(const oipy_decisions *d, size_t i)
{
  if (i >= d->count)
    return PyErr_Format(PyExc_IndexError, "decision %zu of %zu", i, d->count);
  return oipy_out(&d->d[i], &oipy_decision_t);
}

int oipy_decisions_own(oipy_decisions *d)
{
  const oi_subsidy_request *reqs = d->reqs;
  size_t i, k, n;

  for (i = 0; i < d->count; i++) {
    /* The same id the library names, in memory the batch keeps. */
    d->d[i].request_id = reqs[i].id;
    for (k = 0; k < d->d[i].reason_count && k < OI_REASONS_MAX; k++) {
      oi_reason *r = &d->d[i].reasons[k];
      char *copy;
      if (r->ref_id == NULL)
        continue;
      n = strlen(r->ref_id) + 1;
      if ((copy = oipy_arena_alloc(&d->arena, n)) == NULL)
        return -1;
      memcpy(copy, r->ref_id, n);
      r->ref_id = copy;
    }
  }
  return 0;
}

void oipy_decisions_free(oipy_decisions *d)
{
  if (d == NULL)
    return;
  Py_XDECREF(d->keep);
  oipy_arena_free(&d->arena);
  free(d);
}

/* Every decision's outcome (one byte each), or nights (an int each). */
PyObject *oipy_decisions_column(const oipy_decisions *d, int which)
{
  const size_t width = which == 0 ? 1 : sizeof(int);
  PyObject *b = PyBytes_FromStringAndSize(NULL, (Py_ssize_t)(d->count * width));
  char *p;
  size_t i;

  if (b == NULL)
    return NULL;
  p = PyBytes_AS_STRING(b);
  for (i = 0; i < d->count; i++) {
    if (which == 0)
      p[i] = (char)d->d[i].outcome;
    else
      memcpy(p + i * width, &d->d[i].nights, width);
  }
  return b;
}

int oipy_init(void)
{
  size_t i, j;

  PyDateTime_IMPORT;
  if (PyDateTimeAPI == NULL)
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
