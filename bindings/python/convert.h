/*
 * bindings/python/convert.h -- the C that the SWIG interface (officerinst.i)
 * cannot express as typemaps alone, kept in C files of their own so that it
 * is compiled with the project's warning flags and read by the analyzers.
 * This is their interface, the one the SWIG interface includes; what the
 * files share besides, and which holds what, is in convert_private.h.
 *
 * One converter, in each direction, between Python values and the
 * library's structs, driven by a table of each struct's members
 * (convert.c): SWIG's own struct proxies would borrow pointers into the
 * library (a getter called after the ledger is freed reads freed memory),
 * copy nothing a caller gave, and cost one Python call per member. The
 * converter checks only what the C types cannot hold (a str where an int
 * goes, a number beyond the member's type, a NUL inside a string); every
 * rule is the library's, which says what is wrong with the member's path.
 */
#ifndef OIPY_CONVERT_H
#define OIPY_CONVERT_H

#ifndef PY_SSIZE_T_CLEAN
#define PY_SSIZE_T_CLEAN
#endif
#include <Python.h>

#include <officerinst.h>

/* The memory of one conversion: copied strings and arrays, freed at once. */
typedef struct oipy_chunk oipy_chunk;
typedef struct oipy_arena {
  oipy_chunk *head;
} oipy_arena;
void *oipy_arena_alloc(oipy_arena *a, size_t size); /* NULL: MemoryError raised */
void oipy_arena_free(oipy_arena *a);

/* A struct of the library, member by member (convert.c has the tables). */
typedef struct oipy_type oipy_type;
extern oipy_type oipy_local_t, oipy_officer_t, oipy_request_t, oipy_application_t,
    oipy_numbers_t, oipy_course_t, oipy_session_t, oipy_stay_t, oipy_reason_t,
    oipy_decision_t, oipy_entry_t, oipy_event_t, oipy_withdrawal_t, oipy_summary_t,
    oipy_split_t;

/* Fill *out from a Python object (attributes) or dict (keys). Errors name
 * the member from root ("request.local.district"). 0, or -1 with an
 * exception set; what was allocated stays in the arena either way. */
int oipy_in(PyObject *o, const oipy_type *t, void *out, oipy_arena *a, const char *root);
/* A tuple of the struct's members, in the table's order (oipy_fields()). */
PyObject *oipy_out(const void *in, const oipy_type *t);
/* The names of a struct's members, by the struct's name ("decision"). */
PyObject *oipy_fields(const char *name);

/* Requests converted once, which batch calls may decide many times. */
typedef struct oipy_requests {
  oipy_arena arena;
  oi_subsidy_request *reqs;
  size_t count;
} oipy_requests;
int oipy_requests_fill(oipy_requests *r, PyObject *items);
void oipy_requests_clear(oipy_requests *r);
oipy_requests *oipy_requests_new(PyObject *items); /* NULL: exception set */
void oipy_requests_free(oipy_requests *r);

/* The decisions of one batch call, as the library wrote them. The strings
 * they name are the policy's (whose handle the Python object keeps) or the
 * batch's own: the requests' (in arena, or in keep) and copies of what a
 * ledger owns (oipy_decisions_own()), so that they outlive the ledger. */
typedef struct oipy_decisions {
  oipy_arena arena;
  PyObject *keep;
  const oi_subsidy_request *reqs;
  size_t count;
  oi_decision d[];
} oipy_decisions;
/* The batch of a call on `input`, a RequestArray (requests, borrowed) or
 * any iterable (converted into `own`, whose memory the batch takes). */
oipy_decisions *oipy_batch_in(PyObject *input, const oipy_requests *requests,
                              oipy_requests *own);
/* Set every decision's layout version, all the library needs given. Called
 * in the batch call, with the interpreter released: the first touch of a
 * large batch's pages is most of what the call costs (officerinst.i). */
void oipy_decisions_ready(oipy_decisions *d);
int oipy_decisions_own(oipy_decisions *d);
PyObject *oipy_decision_at(const oipy_decisions *d, size_t i);
void oipy_decisions_free(oipy_decisions *d);
PyObject *oipy_decisions_column(const oipy_decisions *d, int which);

/* The array a "size, then fill" listing fills: capacity entries, each
 * started as OI_LEDGER_ENTRY_INIT, freed with free(). NULL: MemoryError
 * raised. */
oi_ledger_entry *oipy_entries(size_t capacity);
/* (count, entries) of a "size, then fill" listing: the first n of items. */
PyObject *oipy_listing(const oi_ledger_entry *items, size_t n, size_t count);
/* A document's text: a str (its UTF-8) or any bytes-like object. */
int oipy_buffer(PyObject *o, Py_buffer *view, const char **text, size_t *length,
                const char *path);
/* A row: a dict of field names to str values (None: an empty value). */
int oipy_row(PyObject *o, oipy_arena *a, const char ***names, const char ***values,
             size_t *count);
/* Raise the error of a format function refusing its value. */
int oipy_no_text(void);

/* Dates: datetime.date and ISO text in, datetime.date and datetime out. */
int oipy_date(PyObject *o, oi_date *out, const char *path);
int oipy_datetime(PyObject *o, oi_datetime *out, const char *path);
int oipy_dates(PyObject *items, oipy_arena *a, oi_date **out, size_t *count, const char *root);
PyObject *oipy_date_out(oi_date d);
PyObject *oipy_datetime_out(oi_datetime t);
/* Turn the TypeError just raised about an argument into WrongType. */
int oipy_wrong_type(PyObject *o, const char *expected, const char *path);
/* An int within lo..hi, for a parameter named path. */
int oipy_integer(PyObject *o, long long lo, long long hi, long long *out, const char *path);
/* A str (copied into the arena, or borrowed when it is NULL) or None. */
int oipy_text(PyObject *o, oipy_arena *a, const char **out, const char *path);

/* Handles in use by a call (counted while the call runs, the interpreter
 * lock held or not): freeing one meanwhile is refused (oipy_in_use()). */
int oipy_hold(const void *handle);
void oipy_unhold(const void *handle);
int oipy_in_use(const void *handle, const char *what);

/* Raise the exception of a failed call, of the class registered for its
 * status (oipy_register()); a RuntimeError until classes are registered. */
void oipy_raise(const oi_error *err);
/* The same exception, not raised (None for NULL): a batch's bad element. */
PyObject *oipy_error_object(const oi_error *err);
PyObject *oipy_register(PyObject *by_status, PyObject *wrong_type);
int oipy_init(void);

#endif /* OIPY_CONVERT_H */
