/*
 * bindings/python/officerinst.i -- the low-level module of the Python
 * bindings of libofficerinst.
 *
 * Layering (as in xapian and link-grammar): SWIG makes the extension module
 * officerinst._officerinst and its proxy officerinst._officerinst_c (this
 * file, run with `swig -python -interface _officerinst`). Nobody imports them
 * but the hand-written package officerinst/, which gives Python users
 * classes, enums, dataclasses, iterators and exceptions. What is here is an
 * implementation detail and may change with any release.
 *
 * What this module does, so that the package has nothing unsafe left to do:
 *
 *  - Errors. Every wrapped call returns an oi_status and takes an oi_error,
 *    which the Python caller never sees: a typemap supplies a cleared
 *    oi_error, and any status other than OI_OK raises the exception class
 *    the package registered for that status (set_error_classes()), built
 *    with the error's message, status, path, line, column and position. No
 *    status code reaches Python.
 *
 *  - Handles. The opaque objects are proxy classes with destructors:
 *    PolicyHandle (oi_policy), BuilderHandle (oi_policy_builder) and
 *    LedgerHandle, which owns its oi_ledger AND a reference to the Python
 *    object of the policy the ledger borrows, so the policy cannot be freed
 *    while the ledger lives, whatever order Python drops things in.
 *    ledger_close() frees a ledger at once; every later use of the handle
 *    raises the ESTATE exception instead of touching freed memory.
 *
 *  - Calls in progress. A call on a ledger may run Python code before it
 *    reaches the library and after (iterating a generator of requests,
 *    __bool__, __index__ or __fspath__ of an argument, building the result,
 *    a finalizer the collector runs meanwhile), and that code may close the
 *    ledger, drop its handle, or switch to a thread that does. So a call
 *    marks the handle busy before it converts any argument, takes the
 *    oi_ledger pointer only once every argument is a C value (a "check"
 *    typemap, which SWIG runs after all the "in" ones), and releases the
 *    handle when it has built its result. While a handle is busy,
 *    ledger_close() raises the ESTATE exception and changes nothing, and a
 *    handle whose last reference goes away is freed only when its last
 *    call ends.
 *
 *  - Out-parameters. argout typemaps turn the caller-owned out structures
 *    (numbers, sessions, withdrawals, summaries, cost splits, decisions,
 *    JSON texts...) into Python tuples and strings, and free whatever the
 *    library allocated (oi_free() for JSON texts). Lists that C returns by
 *    the "size, then fill" protocol are fetched whole by helpers.
 *
 *  - Inputs. Requests, applications, courses and sessions come from Python
 *    as tuples (layouts below) and are built into C structures here, for the
 *    duration of one call, whose strings are BORROWED from the Python str
 *    objects (their cached UTF-8; nothing is copied, nothing leaks: SWIG's
 *    own setters for `const char *` members are never generated, see
 *    warning 451). A whole list goes to C in one call (check_subsidy_many,
 *    ledger_submit_many): the list of SubsidyRequest objects itself, whose
 *    cached request tuples are read here in one pass, making no Python
 *    object per request.
 *
 *  - Decisions are made here directly as the package's Decision and Reason
 *    objects (set_types() registers their classes), with session indexes
 *    turned into session ids, so a decision points into nothing. A reason's
 *    message is rendered (oi_reason_format()) only when the package's
 *    Reason.message is first read (reason_message()); until then the Reason
 *    holds the Python object of its policy's handle.
 *
 *  - Batches. check_subsidy_many and ledger_submit_many return a
 *    BatchHandle: the batch's decisions compacted in C (40 bytes each, and
 *    56 a reason) with a reference to the policy's handle, since they point
 *    into the policy, and the requests' own id objects (a tuple, 8 bytes a
 *    decision), since a decision names its request. A reason naming another
 *    request (S9) gets that id as a str when the batch is made: the ledger
 *    that owns the C string may be closed before the reason is read.
 *    batch_* helpers make Decisions of the elements read, or aggregates
 *    (outcomes, counts, selections) without making any; the package wraps
 *    the handle in officerinst.Decisions.
 *
 * The interpreter lock is held during every call into the library: calls
 * are short, and it keeps a ledger (which has no lock of its own) from
 * being used by two threads at once. The package's Ledger also serializes
 * its own methods with a lock, so that each is atomic for other threads.
 *
 * Tuple layouts (dates are (year, month, day); moments (y, m, d, H, M, S)):
 *
 *   local       (number, name, country, district, lm_form, receipts_cents|None)
 *   graduation  (site, date|None)
 *   officer     (id, name|None, office, (graduation, ...))
 *   request     (id|None, session_id, local, officer, received, nights,
 *                attested, with_application, application_signed, request_signed)
 *   application (session_id, course_id, local, officer)
 *   numbers     (year, seats_per_session, local_cap_per_year, deadline_weeks,
 *                max_nights, canada_threshold_cents)
 *   course      (id, title, kind)
 *   session in  (id, place, hotel|None, first_day, last_day, countries_mask,
 *                (course_id, ...), own_seats|None)
 *   session out (the same, then seats, subsidy_deadline|None)
 *   stay        (nights, nights_awarded, nightly_rate_cents)
 *   split       ((payer for each cost item), subsidy_nights, local_nights,
 *                subsidy_hotel_cents, local_hotel_cents)
 *   reason      (code, clause, severity, session_id|None, (v0, v1, v2, v3), message,
 *                ref_id|None)
 *   entry       (id, entry_number, session_id, year, local_number, country,
 *                district, officer_id, received, status, nights_requested,
 *                nights, payee|None, (reason, ...), nights_if_awarded,
 *                local_name, officer_name|None)
 *   event       (sequence, type, request_id, outcome, cause_id|None, nights,
 *                (reason, ...))
 *   withdrawal  (previous, (promoted_id, ...))
 *   summary     (seats, awarded, waitlisted, refused, withdrawn, seats_left, nights)
 */

%define OIPY_DOCSTRING
"Low-level binding of libofficerinst, generated by SWIG.

Internal: import the officerinst package instead, which wraps this module
in classes, enums, dataclasses and exceptions."
%enddef

%module(package="officerinst", docstring=OIPY_DOCSTRING) _officerinst_c

%begin %{
#ifndef PY_SSIZE_T_CLEAN
#define PY_SSIZE_T_CLEAN
#endif
%}

%{
#include <limits.h>
#if defined(__linux__)
#include <sys/mman.h>
#endif
#include <stdlib.h>
#include <string.h>

#include <officerinst.h>

/* A status no library function returns: "a Python exception is already
 * set", for the helpers below that build Python objects and can fail. */
#define OIPY_PYERR ((oi_status)-1000)

/* ---- exceptions ------------------------------------------------------- */

/* status (int) -> exception class, registered by the package. */
static PyObject *oipy_error_classes = NULL;

static PyObject *oipy_text(const char *s, const char *errors)
{
  if (s == NULL)
    Py_RETURN_NONE;
  return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), errors);
}

/* Strings of the library (ids, names): UTF-8 by construction. */
static PyObject *oipy_str(const char *s)
{
  return oipy_text(s, "surrogateescape");
}

/* Raise the exception of a failed call. */
static void oipy_raise(oi_status status, const oi_error *err)
{
  PyObject *cls = NULL, *key, *args = NULL, *kw = NULL, *exc = NULL;
  const char *message = err != NULL && err->message[0] != '\0' ? err->message
                                                                 : oi_status_describe(status);

  if (status == OIPY_PYERR) {
    if (!PyErr_Occurred())
      PyErr_SetString(PyExc_SystemError, "officerinst: error without an exception");
    return;
  }
  key = PyLong_FromLong((long)status);
  if (key != NULL && oipy_error_classes != NULL)
    cls = PyDict_GetItemWithError(oipy_error_classes, key); /* borrowed */
  Py_XDECREF(key);
  if (PyErr_Occurred())
    return;
  if (cls == NULL) {
    PyErr_Format(PyExc_RuntimeError, "%s: %s%s%s", oi_status_name(status),
                 err != NULL && err->path[0] != '\0' ? err->path : "",
                 err != NULL && err->path[0] != '\0' ? ": " : "", message);
    return;
  }
  args = Py_BuildValue("(N)", oipy_text(message, "replace"));
  kw = Py_BuildValue("{s:i,s:N,s:i,s:i,s:n}", "status", (int)status, "path",
                     oipy_text(err != NULL ? err->path : "", "replace"), "line",
                     err != NULL ? err->line : 0, "column", err != NULL ? err->column : 0,
                     "position", (Py_ssize_t)(err != NULL ? err->position : 0));
  if (args != NULL && kw != NULL)
    exc = PyObject_Call(cls, args, kw);
  if (exc != NULL)
    PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
  Py_XDECREF(exc);
  Py_XDECREF(args);
  Py_XDECREF(kw);
}

/* Raise an error the bindings detect themselves (a closed ledger). */
static void oipy_raise_status(oi_status status, const char *path, const char *message)
{
  oi_error e;

  oi_error_clear(&e);
  e.status = status;
  snprintf(e.path, sizeof e.path, "%s", path);
  snprintf(e.message, sizeof e.message, "%s", message);
  oipy_raise(status, &e);
}

/* ---- values from Python ----------------------------------------------- */

/* Borrow the UTF-8 of a str: valid as long as the str lives. */
static int oipy_cstr(PyObject *o, int nullable, const char **out, const char *what)
{
  Py_ssize_t n;
  const char *s;

  if (o == Py_None && nullable) {
    *out = NULL;
    return 0;
  }
  if (!PyUnicode_Check(o)) {
    PyErr_Format(PyExc_TypeError, "%s must be a str%s, not %.80s", what,
                 nullable ? " or None" : "", Py_TYPE(o)->tp_name);
    return -1;
  }
  s = PyUnicode_AsUTF8AndSize(o, &n);
  if (s == NULL)
    return -1;
  if ((size_t)n != strlen(s)) {
    PyErr_Format(PyExc_ValueError, "%s contains a NUL character", what);
    return -1;
  }
  *out = s;
  return 0;
}

static int oipy_ll(PyObject *o, long long lo, long long hi, long long *out, const char *what)
{
  int overflow = 0;
  long long v;

  if (!PyLong_Check(o)) {
    PyErr_Format(PyExc_TypeError, "%s must be an int, not %.80s", what, Py_TYPE(o)->tp_name);
    return -1;
  }
  v = PyLong_AsLongLongAndOverflow(o, &overflow);
  if (v == -1 && PyErr_Occurred())
    return -1;
  if (overflow != 0 || v < lo || v > hi) {
    PyErr_Format(PyExc_OverflowError, "%s is out of range for the C library", what);
    return -1;
  }
  *out = v;
  return 0;
}

static int oipy_int(PyObject *o, int *out, const char *what)
{
  long long v;

  if (oipy_ll(o, INT_MIN, INT_MAX, &v, what) < 0)
    return -1;
  *out = (int)v;
  return 0;
}

static int oipy_i64(PyObject *o, int64_t *out, const char *what)
{
  long long v;

  if (oipy_ll(o, LLONG_MIN, LLONG_MAX, &v, what) < 0)
    return -1;
  *out = (int64_t)v;
  return 0;
}

/* A tuple of exactly n items; its items are then borrowed safely (a tuple
 * cannot change under us). */
static int oipy_tuple(PyObject *o, Py_ssize_t n, const char *what)
{
  if (!PyTuple_Check(o)) {
    PyErr_Format(PyExc_TypeError, "%s must be a tuple, not %.80s", what, Py_TYPE(o)->tp_name);
    return -1;
  }
  if (PyTuple_GET_SIZE(o) != n) {
    PyErr_Format(PyExc_TypeError, "%s must be a tuple of %zd items, not %zd", what, n,
                 PyTuple_GET_SIZE(o));
    return -1;
  }
  return 0;
}

#define OIPY_ITEM(t, i) PyTuple_GET_ITEM((t), (i))

static int oipy_date(PyObject *o, int nullable, oi_date *out, const char *what)
{
  if (o == Py_None && nullable) {
    memset(out, 0, sizeof *out);
    return 0;
  }
  if (oipy_tuple(o, 3, what) < 0 || oipy_int(OIPY_ITEM(o, 0), &out->year, what) < 0 ||
      oipy_int(OIPY_ITEM(o, 1), &out->month, what) < 0 ||
      oipy_int(OIPY_ITEM(o, 2), &out->day, what) < 0)
    return -1;
  return 0;
}

static int oipy_datetime(PyObject *o, oi_datetime *out, const char *what)
{
  if (oipy_tuple(o, 6, what) < 0 || oipy_int(OIPY_ITEM(o, 0), &out->date.year, what) < 0 ||
      oipy_int(OIPY_ITEM(o, 1), &out->date.month, what) < 0 ||
      oipy_int(OIPY_ITEM(o, 2), &out->date.day, what) < 0 ||
      oipy_int(OIPY_ITEM(o, 3), &out->hour, what) < 0 ||
      oipy_int(OIPY_ITEM(o, 4), &out->minute, what) < 0 ||
      oipy_int(OIPY_ITEM(o, 5), &out->second, what) < 0)
    return -1;
  return 0;
}

static int oipy_flag(PyObject *o, int *out, const char *what)
{
  int v = PyObject_IsTrue(o);

  (void)what;
  if (v < 0)
    return -1;
  *out = v;
  return 0;
}

/*
 * Requests and applications, converted for the duration of one call: the
 * structures in one block of memory, the officers' graduations in another.
 */
typedef struct oipy_block {
  void *mem;              /* PyMem block: the structures (an application's graduations) */
  oi_graduation *grads;   /* PyMem block: a batch's graduations */
  size_t grads_used, grads_capacity;
  PyObject *keep;         /* a tuple holding every borrowed string alive */
} oipy_block;

static void oipy_block_free(oipy_block *b)
{
  PyMem_Free(b->mem);
  b->mem = NULL;
  PyMem_Free(b->grads);
  b->grads = NULL;
  Py_CLEAR(b->keep);
}

static int oipy_local(PyObject *o, oi_local *l)
{
  long long number;
  int country, lm_form;
  PyObject *receipts;

  memset(l, 0, sizeof *l);
  if (oipy_tuple(o, 6, "local") < 0 ||
      oipy_ll(OIPY_ITEM(o, 0), 0, UINT32_MAX, &number, "local.number") < 0 ||
      oipy_cstr(OIPY_ITEM(o, 1), 0, &l->name, "local.name") < 0 ||
      oipy_int(OIPY_ITEM(o, 2), &country, "local.country") < 0 ||
      oipy_int(OIPY_ITEM(o, 3), &l->district, "local.district") < 0 ||
      oipy_int(OIPY_ITEM(o, 4), &lm_form, "local.lm_form") < 0)
    return -1;
  l->number = (uint32_t)number;
  l->country = (oi_country)country;
  l->lm_form = (oi_lm_form)lm_form;
  receipts = OIPY_ITEM(o, 5);
  if (receipts != Py_None) {
    l->receipts_known = 1;
    if (oipy_i64(receipts, &l->receipts_cents, "local.receipts_cents") < 0)
      return -1;
  }
  return 0;
}

/* The number of graduations an officer tuple claims, or -1. */
static Py_ssize_t oipy_officer_graduations(PyObject *o)
{
  PyObject *g;

  if (oipy_tuple(o, 4, "officer") < 0)
    return -1;
  g = OIPY_ITEM(o, 3);
  if (!PyTuple_Check(g)) {
    PyErr_Format(PyExc_TypeError, "officer.graduations must be a tuple, not %.80s",
                 Py_TYPE(g)->tp_name);
    return -1;
  }
  return PyTuple_GET_SIZE(g);
}

/* Fill an officer; its graduations go to *grads, which advances. */
static int oipy_officer(PyObject *o, oi_officer *off, oi_graduation **grads)
{
  PyObject *gs = OIPY_ITEM(o, 3);
  Py_ssize_t i, n = PyTuple_GET_SIZE(gs);
  int office;

  memset(off, 0, sizeof *off);
  if (oipy_cstr(OIPY_ITEM(o, 0), 0, &off->id, "officer.id") < 0 ||
      oipy_cstr(OIPY_ITEM(o, 1), 1, &off->name, "officer.name") < 0 ||
      oipy_int(OIPY_ITEM(o, 2), &office, "officer.office") < 0)
    return -1;
  off->office = (oi_office)office;
  off->graduations = n > 0 ? *grads : NULL;
  off->graduation_count = (size_t)n;
  for (i = 0; i < n; i++) {
    PyObject *g = OIPY_ITEM(gs, i);
    oi_graduation *dst = &(*grads)[i];

    if (oipy_tuple(g, 2, "officer.graduations[]") < 0 ||
        oipy_cstr(OIPY_ITEM(g, 0), 0, &dst->site, "graduation.site") < 0 ||
        oipy_date(OIPY_ITEM(g, 1), 1, &dst->date, "graduation.date") < 0)
      return -1;
  }
  *grads += n;
  return 0;
}

/* The request class the package registered (set_types()): a batch takes its
 * instances, and reads the `_c` tuple each one cached when it was made (the
 * request layout above; a plain instance attribute, no Python code runs). */
static PyObject *oipy_request_class = NULL;
static PyObject *oipy_name_c = NULL; /* "_c", interned */

/* Re-raise the exception being set with the element named before its
 * message: "local.district must be an int" becomes
 * "requests[7].local.district must be an int". */
static void oipy_prefix_error(const char *array, Py_ssize_t index)
{
  PyObject *type, *value, *tb, *text;

  PyErr_Fetch(&type, &value, &tb);
  PyErr_NormalizeException(&type, &value, &tb);
  text = value != NULL ? PyObject_Str(value) : NULL;
  if (text == NULL || type == NULL) {
    Py_XDECREF(text);
    PyErr_Restore(type, value, tb);
    return;
  }
  PyErr_Format(type, "%s[%zd].%U", array, index, text);
  Py_DECREF(text);
  Py_XDECREF(type);
  Py_XDECREF(value);
  Py_XDECREF(tb);
}

/* The request tuple of one element of a batch: a new reference. */
static PyObject *oipy_request_tuple(PyObject *item, Py_ssize_t index)
{
  PyObject *t;

  if (oipy_request_class == NULL ||
      !PyObject_TypeCheck(item, (PyTypeObject *)oipy_request_class)) {
    PyErr_Format(PyExc_TypeError, "requests[%zd] must be a SubsidyRequest, not %.80s", index,
                 Py_TYPE(item)->tp_name);
    return NULL;
  }
  t = PyObject_GetAttr(item, oipy_name_c);
  if (t != NULL && !PyTuple_Check(t)) {
    Py_DECREF(t);
    PyErr_Format(PyExc_TypeError, "requests[%zd] is a SubsidyRequest without its tuple", index);
    return NULL;
  }
  return t;
}

/* Fill one request from its tuple; its officer's graduations are appended
 * to b->grads (the pointer is set later, the array may move). */
static int oipy_request(PyObject *r, oi_subsidy_request *q, oipy_block *b)
{
  Py_ssize_t k;
  oi_graduation *g;

  memset(q, 0, sizeof *q);
  if (oipy_tuple(r, 10, "request") < 0 || (k = oipy_officer_graduations(OIPY_ITEM(r, 3))) < 0)
    return -1;
  if ((size_t)k > b->grads_capacity - b->grads_used) {
    size_t cap = 2 * b->grads_capacity + (size_t)k + 16;
    oi_graduation *more = cap <= PY_SSIZE_T_MAX / sizeof *more
                              ? PyMem_Realloc(b->grads, cap * sizeof *more) : NULL;
    if (more == NULL) {
      PyErr_NoMemory();
      return -1;
    }
    b->grads = more;
    b->grads_capacity = cap;
  }
  g = b->grads + b->grads_used;
  if (oipy_cstr(OIPY_ITEM(r, 0), 1, &q->id, "request.id") < 0 ||
      oipy_cstr(OIPY_ITEM(r, 1), 0, &q->session_id, "request.session_id") < 0 ||
      oipy_local(OIPY_ITEM(r, 2), &q->local) < 0 ||
      oipy_officer(OIPY_ITEM(r, 3), &q->officer, &g) < 0 ||
      oipy_datetime(OIPY_ITEM(r, 4), &q->received, "request.received") < 0 ||
      oipy_int(OIPY_ITEM(r, 5), &q->nights, "request.nights") < 0 ||
      oipy_flag(OIPY_ITEM(r, 6), &q->attested, "request.attested") < 0 ||
      oipy_flag(OIPY_ITEM(r, 7), &q->with_application, "request.with_application") < 0 ||
      oipy_flag(OIPY_ITEM(r, 8), &q->application_signed, "request.application_signed") < 0 ||
      oipy_flag(OIPY_ITEM(r, 9), &q->request_signed, "request.request_signed") < 0)
    return -1;
  b->grads_used += (size_t)k;
  return 0;
}

/*
 * One request tuple (single), or a batch: any iterable of SubsidyRequest
 * objects, read in ONE pass that makes no Python object per request. Each
 * element's request tuple goes into b->keep, one tuple for the whole batch
 * that holds every borrowed string alive (tuples are immutable) whatever
 * the caller then does to its list or its requests; the structures go into
 * one array, the graduations into another. A bad element raises naming it
 * ("requests[7].local.district must be an int, not str").
 */
static int oipy_requests(PyObject *input, int single, oipy_block *b,
                         oi_subsidy_request **reqs_out, size_t *count_out)
{
  PyObject *seq = NULL;
  Py_ssize_t i, n = 1, off;
  oi_subsidy_request *reqs;

  memset(b, 0, sizeof *b);
  if (single) {
    b->keep = PyTuple_Pack(1, input);
    if (b->keep == NULL)
      return -1;
  } else {
    seq = PySequence_Fast(input, "");
    if (seq == NULL) {
      if (PyErr_ExceptionMatches(PyExc_TypeError)) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "requests must be an iterable of SubsidyRequest, "
                     "not %.80s", Py_TYPE(input)->tp_name);
      }
      return -1;
    }
    n = PySequence_Fast_GET_SIZE(seq);
    b->keep = PyTuple_New(n);
    if (b->keep == NULL)
      goto fail;
  }
  if ((size_t)n > PY_SSIZE_T_MAX / sizeof *reqs) {
    PyErr_NoMemory();
    goto fail;
  }
  b->mem = PyMem_Malloc((size_t)n * sizeof *reqs + 1);
  if (b->mem == NULL) {
    PyErr_NoMemory();
    goto fail;
  }
  reqs = b->mem;
  for (i = 0; i < n; i++) {
    PyObject *t;

    if (seq != NULL) {
      PyObject *item;

      /* Reading an attribute may run Python code that changes a list. */
      if (i >= PySequence_Fast_GET_SIZE(seq)) {
        PyErr_SetString(PyExc_RuntimeError, "requests changed size while being read");
        goto fail;
      }
      item = PySequence_Fast_GET_ITEM(seq, i);
      Py_INCREF(item);
      t = oipy_request_tuple(item, i);
      Py_DECREF(item);
      if (t == NULL)
        goto fail;
      PyTuple_SET_ITEM(b->keep, i, t);
    } else {
      t = input;
    }
    if (oipy_request(t, &reqs[i], b) < 0) {
      if (seq != NULL)
        oipy_prefix_error("requests", i);
      goto fail;
    }
  }
  Py_XDECREF(seq);
  /* The graduations, in request order: point each officer at its own. */
  for (i = 0, off = 0; i < n; i++) {
    oi_officer *o = &reqs[i].officer;
    if (o->graduation_count > 0) {
      o->graduations = b->grads + off;
      off += (Py_ssize_t)o->graduation_count;
    }
  }
  *reqs_out = reqs;
  *count_out = (size_t)n;
  return 0;
fail:
  Py_XDECREF(seq);
  return -1;
}

static int oipy_application(PyObject *input, oipy_block *b, oi_application *app)
{
  Py_ssize_t grads;
  oi_graduation *g;

  b->mem = NULL;
  b->keep = NULL;
  memset(app, 0, sizeof *app);
  if (oipy_tuple(input, 4, "application") < 0)
    return -1;
  grads = oipy_officer_graduations(OIPY_ITEM(input, 3));
  if (grads < 0)
    return -1;
  b->mem = PyMem_Malloc((size_t)grads * sizeof *g + 1);
  if (b->mem == NULL) {
    PyErr_NoMemory();
    return -1;
  }
  g = b->mem;
  if (oipy_cstr(OIPY_ITEM(input, 0), 0, &app->session_id, "application.session_id") < 0 ||
      oipy_cstr(OIPY_ITEM(input, 1), 0, &app->course_id, "application.course_id") < 0 ||
      oipy_local(OIPY_ITEM(input, 2), &app->local) < 0 ||
      oipy_officer(OIPY_ITEM(input, 3), &app->officer, &g) < 0)
    return -1;
  return 0;
}

static int oipy_numbers(PyObject *o, oi_policy_numbers *n)
{
  memset(n, 0, sizeof *n);
  if (oipy_tuple(o, 6, "numbers") < 0 || oipy_int(OIPY_ITEM(o, 0), &n->year, "numbers.year") < 0 ||
      oipy_int(OIPY_ITEM(o, 1), &n->seats_per_session, "numbers.seats_per_session") < 0 ||
      oipy_int(OIPY_ITEM(o, 2), &n->local_cap_per_year, "numbers.local_cap_per_year") < 0 ||
      oipy_int(OIPY_ITEM(o, 3), &n->deadline_weeks, "numbers.deadline_weeks") < 0 ||
      oipy_int(OIPY_ITEM(o, 4), &n->max_nights, "numbers.max_nights") < 0 ||
      oipy_i64(OIPY_ITEM(o, 5), &n->canada_threshold_cents, "numbers.canada_threshold_cents") < 0)
    return -1;
  return 0;
}

/* ---- values to Python ------------------------------------------------- */

static PyObject *oipy_date_tuple(oi_date d)
{
  if (oi_date_is_none(d))
    Py_RETURN_NONE;
  return Py_BuildValue("(iii)", d.year, d.month, d.day);
}

static PyObject *oipy_datetime_tuple(oi_datetime t)
{
  return Py_BuildValue("(iiiiii)", t.date.year, t.date.month, t.date.day, t.hour, t.minute,
                       t.second);
}

static PyObject *oipy_session_id(const oi_policy *p, int32_t index)
{
  oi_session s;

  if (index < 0 || oi_policy_session(p, (size_t)index, &s, NULL) != OI_OK)
    Py_RETURN_NONE;
  return oipy_str(s.id);
}

/* Messages rendered so far (oi_reason_format), for the tests of laziness. */
static unsigned long long oipy_rendered = 0;

/* A reason's message, rendered by the library. */
static PyObject *oipy_message(const oi_policy *p, const oi_reason *r)
{
  char small[512], *buf = small;
  PyObject *message;
  int n = oi_reason_format(p, r, small, sizeof small);

  oipy_rendered++;
  if (n >= (int)sizeof small) {
    buf = PyMem_Malloc((size_t)n + 1);
    if (buf == NULL)
      return PyErr_NoMemory();
    n = oi_reason_format(p, r, buf, (size_t)n + 1);
  }
  message = oipy_text(n >= 0 ? buf : "", "replace");
  if (buf != small)
    PyMem_Free(buf);
  return message;
}

/* A reason as a tuple, message included (entries and events). */
static PyObject *oipy_reason(const oi_policy *p, const oi_reason *r)
{
  PyObject *message = oipy_message(p, r);

  if (message == NULL)
    return NULL;
  return Py_BuildValue("(iiiN(LLLL)NN)", (int)r->code, (int)r->clause, (int)r->severity,
                       oipy_session_id(p, r->session), (long long)r->value[0],
                       (long long)r->value[1], (long long)r->value[2],
                       (long long)r->value[3], message, oipy_str(r->ref_id));
}

static PyObject *oipy_reasons(const oi_policy *p, const oi_reason *r, size_t n)
{
  PyObject *t = PyTuple_New((Py_ssize_t)n);
  size_t i;

  for (i = 0; t != NULL && i < n; i++) {
    PyObject *x = oipy_reason(p, &r[i]);
    if (x == NULL)
      Py_CLEAR(t);
    else
      PyTuple_SET_ITEM(t, (Py_ssize_t)i, x);
  }
  return t;
}

static PyObject *oipy_entry(const oi_policy *p, const oi_ledger_entry *e)
{
  return Py_BuildValue("(NKNikiiNNiiiNNiNN)", oipy_str(e->id),
                       (unsigned long long)e->entry_number, oipy_str(e->session_id), e->year,
                       (unsigned long)e->local_number, (int)e->country, e->district,
                       oipy_str(e->officer_id), oipy_datetime_tuple(e->received),
                       (int)e->status, e->nights_requested, e->nights, oipy_str(e->payee),
                       oipy_reasons(p, e->reasons, e->reason_count), e->nights_if_awarded,
                       oipy_str(e->local_name), oipy_str(e->officer_name));
}

/* ---- decisions as objects of the package ------------------------------ */

/*
 * Decisions are made here as the package's own Decision and Reason objects
 * (classes registered by set_types()), exactly as its _make() would make
 * them: object.__new__(cls), then every field set with object.__setattr__
 * (the classes are frozen dataclasses), in the order of the fields. Enum
 * members come from tables indexed by value (a value no table knows stays
 * a plain int, as _enum() does).
 *
 * A Reason's message is NOT rendered here: the reason keeps, in its private
 * attribute _policy, the Python object of its policy's handle (so the
 * policy lives as long as the reason may need it), and the package's lazy
 * `message` descriptor renders it on first read (reason_message()), caches
 * it and drops _policy.
 */
static PyObject *oipy_decision_class = NULL, *oipy_reason_class = NULL;
static PyObject *oipy_outcomes = NULL, *oipy_codes = NULL, *oipy_severities = NULL;
static PyObject *oipy_clauses = NULL; /* clause value -> id ("S6"), "" if none */
static PyObject *oipy_empty_tuple = NULL, *oipy_empty_str = NULL;

enum {
  OIPY_N_OUTCOME, OIPY_N_REASONS, OIPY_N_NIGHTS, OIPY_N_NIGHTS_REQUESTED, OIPY_N_PAYEE,
  OIPY_N_POLICY_ID, OIPY_N_SESSION_ID, OIPY_N_CODE, OIPY_N_CLAUSE, OIPY_N_SEVERITY,
  OIPY_N_VALUES, OIPY_N_POLICY, OIPY_N_NIGHTS_IF_AWARDED, OIPY_N_REQUEST_ID, OIPY_N_REF_ID,
  OIPY_N_COUNT
};
static const char *const oipy_name_text[OIPY_N_COUNT] = {
  "outcome", "reasons", "nights", "nights_requested", "payee",
  "policy_id", "session_id", "code", "clause", "severity",
  "values", "_policy", "nights_if_awarded", "request_id", "ref_id"
};
static PyObject *oipy_names[OIPY_N_COUNT];

/* table[value] (a new reference), or the int itself. */
static PyObject *oipy_member(PyObject *table, long value)
{
  if (table != NULL && value >= 0 && value < PyTuple_GET_SIZE(table)) {
    PyObject *m = PyTuple_GET_ITEM(table, value);
    if (m != Py_None) {
      Py_INCREF(m);
      return m;
    }
  }
  return PyLong_FromLong(value);
}

static PyObject *oipy_clause_str(long clause)
{
  PyObject *s = oipy_empty_str;

  if (oipy_clauses != NULL && clause >= 0 && clause < PyTuple_GET_SIZE(oipy_clauses))
    s = PyTuple_GET_ITEM(oipy_clauses, clause);
  Py_INCREF(s);
  return s;
}

/* object.__new__(cls) */
static PyObject *oipy_new_object(PyObject *cls)
{
  PyTypeObject *t = (PyTypeObject *)cls;

  if (cls == NULL || t->tp_new == NULL) {
    PyErr_SetString(PyExc_SystemError, "officerinst: set_types() was not called");
    return NULL;
  }
  return t->tp_new(t, oipy_empty_tuple, NULL);
}

/* object.__setattr__(o, names[k], v); steals v (which may be NULL: an error). */
static int oipy_set(PyObject *o, int k, PyObject *v)
{
  int rc;

  if (v == NULL)
    return -1;
  rc = PyObject_GenericSetAttr(o, oipy_names[k], v);
  Py_DECREF(v);
  return rc;
}

/* Strings of the policy a batch's decisions share, decoded once each:
 * session ids and payees by session index, and the policy id. */
typedef struct oipy_strings {
  size_t sessions;
  PyObject **session_ids;   /* [sessions], NULL until needed */
  PyObject **payees;        /* [sessions] */
  const char **payee_text;  /* [sessions]: the C string payees[i] was decoded from */
  const char *policy_id_text;
  PyObject *policy_id;
} oipy_strings;

static void oipy_strings_free(oipy_strings *c)
{
  size_t i;

  for (i = 0; c->session_ids != NULL && i < c->sessions; i++) {
    Py_XDECREF(c->session_ids[i]);
    Py_XDECREF(c->payees[i]);
  }
  PyMem_Free(c->session_ids);
  c->session_ids = NULL;
  c->payees = NULL;
  c->payee_text = NULL;
  Py_CLEAR(c->policy_id);
  c->policy_id_text = NULL;
}

static int oipy_strings_init(oipy_strings *c, const oi_policy *p)
{
  size_t n = oi_policy_session_count(p);
  void *mem;

  if (c->session_ids != NULL)
    return 0;
  mem = PyMem_Calloc(3 * n + 1, sizeof(void *));
  if (mem == NULL) {
    PyErr_NoMemory();
    return -1;
  }
  c->sessions = n;
  c->session_ids = mem;
  c->payees = c->session_ids + n;
  c->payee_text = (const char **)(void *)(c->payees + n);
  return 0;
}

static PyObject *oipy_session_str(const oi_policy *p, oipy_strings *c, int32_t index)
{
  if (c == NULL || index < 0 || (size_t)index >= c->sessions)
    return oipy_session_id(p, index);
  if (c->session_ids[index] == NULL && (c->session_ids[index] = oipy_session_id(p, index)) == NULL)
    return NULL;
  Py_INCREF(c->session_ids[index]);
  return c->session_ids[index];
}

static PyObject *oipy_payee_str(oipy_strings *c, int32_t index, const char *payee)
{
  if (payee == NULL)
    Py_RETURN_NONE;
  if (c == NULL || index < 0 || (size_t)index >= c->sessions)
    return oipy_str(payee);
  if (c->payee_text[index] != payee) {
    PyObject *s = oipy_str(payee);
    if (s == NULL)
      return NULL;
    Py_XSETREF(c->payees[index], s);
    c->payee_text[index] = payee;
  }
  Py_INCREF(c->payees[index]);
  return c->payees[index];
}

static PyObject *oipy_policy_id_str(oipy_strings *c, const char *id)
{
  if (c == NULL || id == NULL)
    return oipy_str(id);
  if (c->policy_id == NULL || c->policy_id_text != id) {
    PyObject *s = oipy_str(id);
    if (s == NULL)
      return NULL;
    Py_XSETREF(c->policy_id, s);
    c->policy_id_text = id;
  }
  Py_INCREF(c->policy_id);
  return c->policy_id;
}

/* A Reason whose message is rendered when read; owner keeps the policy. The
 * request it names is ref (borrowed) if given, else r->ref_id. */
static PyObject *oipy_reason_object(PyObject *owner, const oi_policy *p, oipy_strings *c,
                                    const oi_reason *r, PyObject *ref)
{
  PyObject *o = oipy_new_object(oipy_reason_class);

  if (o == NULL)
    return NULL;
  if (oipy_set(o, OIPY_N_CODE, oipy_member(oipy_codes, (long)r->code)) < 0 ||
      oipy_set(o, OIPY_N_CLAUSE, oipy_clause_str((long)r->clause)) < 0 ||
      oipy_set(o, OIPY_N_SEVERITY, oipy_member(oipy_severities, (long)r->severity)) < 0 ||
      oipy_set(o, OIPY_N_VALUES, Py_BuildValue("(LLLL)", (long long)r->value[0],
                                               (long long)r->value[1], (long long)r->value[2],
                                               (long long)r->value[3])) < 0 ||
      oipy_set(o, OIPY_N_SESSION_ID, oipy_session_str(p, c, r->session)) < 0 ||
      oipy_set(o, OIPY_N_REF_ID, ref != NULL ? (Py_INCREF(ref), ref) : oipy_str(r->ref_id)) < 0 ||
      oipy_set(o, OIPY_N_POLICY, (Py_INCREF(owner), owner)) < 0) {
    Py_DECREF(o);
    return NULL;
  }
  return o;
}

/* A Decision; its reasons render their messages when read. request_id is a
 * new reference (NULL: None). refs, when not NULL, maps the index
 * ref_base + i of reason i to the str of the request it names. */
static PyObject *oipy_decision_object(PyObject *owner, const oi_policy *p, oipy_strings *c,
                                      int outcome, const char *policy_id, int32_t session,
                                      int nights_requested, int nights, const char *payee,
                                      const oi_reason *reasons, size_t reason_count,
                                      int nights_if_awarded, PyObject *request_id,
                                      PyObject *refs, size_t ref_base)
{
  PyObject *o, *rs = PyTuple_New((Py_ssize_t)reason_count);
  size_t i;

  if (request_id == NULL) {
    request_id = Py_None;
    Py_INCREF(request_id);
  }
  for (i = 0; rs != NULL && i < reason_count; i++) {
    PyObject *ref = NULL, *x;

    if (refs != NULL) {
      PyObject *key = PyLong_FromSize_t(ref_base + i);
      ref = key != NULL ? PyDict_GetItemWithError(refs, key) : NULL; /* borrowed */
      Py_XDECREF(key);
      if (ref == NULL && PyErr_Occurred()) {
        Py_CLEAR(rs);
        break;
      }
    }
    x = oipy_reason_object(owner, p, c, &reasons[i], ref);
    if (x == NULL)
      Py_CLEAR(rs);
    else
      PyTuple_SET_ITEM(rs, (Py_ssize_t)i, x);
  }
  if (rs == NULL) {
    Py_DECREF(request_id);
    return NULL;
  }
  o = oipy_new_object(oipy_decision_class);
  if (o == NULL) {
    Py_DECREF(rs);
    Py_DECREF(request_id);
    return NULL;
  }
  if (oipy_set(o, OIPY_N_OUTCOME, oipy_member(oipy_outcomes, (long)outcome)) < 0 ||
      oipy_set(o, OIPY_N_REASONS, rs) < 0 ||
      oipy_set(o, OIPY_N_NIGHTS, PyLong_FromLong((long)nights)) < 0 ||
      oipy_set(o, OIPY_N_NIGHTS_REQUESTED, PyLong_FromLong((long)nights_requested)) < 0 ||
      oipy_set(o, OIPY_N_PAYEE, oipy_payee_str(c, session, payee)) < 0 ||
      oipy_set(o, OIPY_N_POLICY_ID, oipy_policy_id_str(c, policy_id)) < 0 ||
      oipy_set(o, OIPY_N_SESSION_ID, oipy_session_str(p, c, session)) < 0 ||
      oipy_set(o, OIPY_N_NIGHTS_IF_AWARDED, PyLong_FromLong((long)nights_if_awarded)) < 0 ||
      oipy_set(o, OIPY_N_REQUEST_ID, request_id) < 0) {
    Py_DECREF(o);
    return NULL;
  }
  return o;
}

/* The Decision of one C decision (single calls). */
static PyObject *oipy_decision(PyObject *owner, const oi_policy *p, const oi_decision *d)
{
  PyObject *request_id = d->request_id != NULL ? oipy_str(d->request_id) : NULL;

  if (d->request_id != NULL && request_id == NULL)
    return NULL;
  return oipy_decision_object(owner, p, NULL, (int)d->outcome, d->policy_id, d->session,
                              d->nights_requested, d->nights, d->payee, d->reasons,
                              d->reason_count < OI_REASONS_MAX ? d->reason_count
                                                               : OI_REASONS_MAX,
                              d->nights_if_awarded, request_id, NULL, 0);
}

/* ---- batches of decisions --------------------------------------------- */

/*
 * The decisions of one batch call, held compactly in C until read: one
 * record of 40 bytes a decision, and every reason (56 bytes) in one array,
 * instead of an oi_decision (968 bytes) or Python objects (over 1 KB) each.
 * The batch holds the Python object of its policy's handle: the strings its
 * records point to (policy id, payees) belong to the policy, which is
 * therefore freed only after the batch. BatchHandle is its proxy; the
 * package wraps it in officerinst.Decisions.
 */
typedef struct oipy_drec {
  const char *policy_id;   /* owned by the policy */
  const char *payee;       /* owned by the policy, or NULL */
  uint32_t reason_start;   /* index of its first reason in the batch's array */
  int32_t session;
  int32_t outcome;
  int32_t nights_requested;
  int32_t nights;
  int16_t nights_if_awarded; /* at most the policy's max_nights (1..31) */
  uint8_t reason_count;
} oipy_drec;

typedef struct oipy_batch {
  PyObject *owner;         /* the policy's handle (a PolicyHandle) */
  const oi_policy *policy;
  size_t count;            /* decisions held */
  size_t capacity;         /* records allocated */
  oipy_drec *recs;
  oi_reason *reasons;
  size_t reason_count, reason_capacity;
  oipy_strings strings;
  PyObject *ids;           /* the requests' ids (str or None), a tuple, or NULL */
  PyObject *refs;          /* {reason index: str of the request it names}, or NULL */
} oipy_batch;

static void oipy_batch_free(oipy_batch *b)
{
  if (b == NULL)
    return;
  oipy_strings_free(&b->strings);
  PyMem_Free(b->recs);
  PyMem_Free(b->reasons);
  Py_XDECREF(b->ids);
  Py_XDECREF(b->refs);
  Py_XDECREF(b->owner);
  PyMem_Free(b);
}

static oipy_batch *oipy_batch_new(PyObject *owner, const oi_policy *policy, size_t capacity)
{
  oipy_batch *b = PyMem_Calloc(1, sizeof *b);

  if (b == NULL || capacity > PY_SSIZE_T_MAX / sizeof *b->recs ||
      (b->recs = PyMem_Malloc(capacity * sizeof *b->recs + 1)) == NULL) {
    PyMem_Free(b);
    PyErr_NoMemory();
    return NULL;
  }
  Py_INCREF(owner);
  b->owner = owner;
  b->policy = policy;
  b->capacity = capacity;
  return b;
}

/* Append n C decisions (compacting them). */
static int oipy_batch_append(oipy_batch *b, const oi_decision *d, size_t n)
{
  size_t i, k;

  if (n > b->capacity - b->count) {
    PyErr_SetString(PyExc_SystemError, "officerinst: batch overflow");
    return -1;
  }
  for (i = 0; i < n; i++) {
    oipy_drec *r = &b->recs[b->count + i];
    size_t rc = d[i].reason_count < OI_REASONS_MAX ? d[i].reason_count : OI_REASONS_MAX;

    if (rc > b->reason_capacity - b->reason_count) {
      size_t cap = b->reason_capacity + b->reason_capacity / 2 + (n - i) + OI_REASONS_MAX;
      oi_reason *more;

      if (cap > UINT32_MAX || cap > PY_SSIZE_T_MAX / sizeof *more) {
        PyErr_SetString(PyExc_OverflowError, "too many reasons for one batch");
        return -1;
      }
      more = PyMem_Realloc(b->reasons, cap * sizeof *more);
      if (more == NULL) {
        PyErr_NoMemory();
        return -1;
      }
      b->reasons = more;
      b->reason_capacity = cap;
    }
    r->policy_id = d[i].policy_id;
    r->payee = d[i].payee;
    r->reason_start = (uint32_t)b->reason_count;
    r->session = d[i].session;
    r->outcome = (int32_t)d[i].outcome;
    r->nights_requested = d[i].nights_requested;
    r->nights = d[i].nights;
    r->nights_if_awarded = (int16_t)d[i].nights_if_awarded;
    r->reason_count = (uint8_t)rc;
    for (k = 0; k < rc; k++) {
      oi_reason *x = &b->reasons[b->reason_count + k];

      *x = d[i].reasons[k];
      /* The ledger owns the string; it may be closed before this is read. */
      if (x->ref_id != NULL) {
        PyObject *key, *ref = oipy_str(x->ref_id);
        int bad;

        if (ref == NULL || (b->refs == NULL && (b->refs = PyDict_New()) == NULL)) {
          Py_XDECREF(ref);
          return -1;
        }
        key = PyLong_FromSize_t(b->reason_count + k);
        bad = key == NULL || PyDict_SetItem(b->refs, key, ref) < 0;
        Py_XDECREF(key);
        Py_DECREF(ref);
        if (bad)
          return -1;
        x->ref_id = NULL;
      }
    }
    b->reason_count += rc;
  }
  b->count += n;
  return 0;
}

/* The ids of the batch's requests: the id objects of their request tuples
 * (keep, a tuple of them), in the batch's order. */
static int oipy_batch_set_ids(oipy_batch *b, PyObject *keep)
{
  Py_ssize_t i, n = keep != NULL ? PyTuple_GET_SIZE(keep) : 0;
  PyObject *ids = PyTuple_New(n);

  if (ids == NULL)
    return -1;
  for (i = 0; i < n; i++) {
    PyObject *id = PyTuple_GET_ITEM(PyTuple_GET_ITEM(keep, i), 0);
    Py_INCREF(id);
    PyTuple_SET_ITEM(ids, i, id);
  }
  Py_XSETREF(b->ids, ids);
  return 0;
}

static PyObject *oipy_batch_decision(oipy_batch *b, size_t i)
{
  const oipy_drec *r = &b->recs[i];
  PyObject *id = NULL;

  if (oipy_strings_init(&b->strings, b->policy) < 0)
    return NULL;
  if (b->ids != NULL && (Py_ssize_t)i < PyTuple_GET_SIZE(b->ids) &&
      PyTuple_GET_ITEM(b->ids, (Py_ssize_t)i) != Py_None) {
    id = PyTuple_GET_ITEM(b->ids, (Py_ssize_t)i);
    Py_INCREF(id);
  }
  return oipy_decision_object(b->owner, b->policy, &b->strings, (int)r->outcome, r->policy_id,
                              r->session, r->nights_requested, r->nights, r->payee,
                              b->reasons + r->reason_start, r->reason_count,
                              r->nights_if_awarded, id, b->refs, r->reason_start);
}

/*
 * Scratch memory for a large array that lives for one call (the decisions
 * of a ledger batch). On Linux a large one is mapped with transparent huge
 * pages where the system allows them (madvise mode): 2 MB pages take some
 * 40 page faults instead of 20,000 for 79 MB, and keep the library's writes
 * at random places in it from missing the TLB: what the array costs fell
 * from about 0.6 to 0.2 us a request, measured at 1e5 requests (zeroing
 * the pages is most of what is left). Else, or if mapping fails,
 * PyMem_Malloc.
 */
typedef struct oipy_scratch {
  void *mem;
  size_t mapped;  /* bytes mapped, 0 if from PyMem_Malloc */
} oipy_scratch;

#define OIPY_HUGE_PAGE ((size_t)2 << 20)

static void *oipy_scratch_alloc(oipy_scratch *s, size_t size)
{
  s->mem = NULL;
  s->mapped = 0;
#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
  if (size >= 4 * OIPY_HUGE_PAGE && size <= SIZE_MAX - OIPY_HUGE_PAGE) {
    size_t length = (size + OIPY_HUGE_PAGE - 1) & ~(OIPY_HUGE_PAGE - 1);
    void *p = mmap(NULL, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    if (p != MAP_FAILED) {
      (void)madvise(p, length, MADV_HUGEPAGE); /* a hint: fine if refused */
      s->mem = p;
      s->mapped = length;
      return p;
    }
  }
#endif
  s->mem = PyMem_Malloc(size + 1);
  return s->mem;
}

static void oipy_scratch_free(oipy_scratch *s)
{
#if defined(__linux__) && defined(MADV_HUGEPAGE) && defined(MAP_ANONYMOUS)
  if (s->mapped > 0) {
    munmap(s->mem, s->mapped);
    s->mem = NULL;
    s->mapped = 0;
    return;
  }
#endif
  PyMem_Free(s->mem);
  s->mem = NULL;
}

/* Which decisions of a batch a call reads: a range, or an array('q') of
 * indexes (a selection). */
typedef struct oipy_index {
  Py_ssize_t n, start, step;
  const long long *at;     /* NULL for a range */
  Py_buffer view;
  int has_view;
} oipy_index;

static int oipy_index_get(PyObject *o, oipy_index *ix)
{
  memset(ix, 0, sizeof *ix);
  if (PyRange_Check(o)) {
    PyObject *start = PyObject_GetAttrString(o, "start");
    PyObject *step = PyObject_GetAttrString(o, "step");
    int ok = start != NULL && step != NULL;

    if (ok) {
      ix->start = PyLong_AsSsize_t(start);
      ix->step = PyLong_AsSsize_t(step);
      ix->n = PyObject_Length(o);
      ok = !PyErr_Occurred() && ix->n >= 0;
    }
    Py_XDECREF(start);
    Py_XDECREF(step);
    return ok ? 0 : -1;
  }
  if (PyObject_GetBuffer(o, &ix->view, PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
    return -1;
  ix->has_view = 1;
  if (ix->view.itemsize != (Py_ssize_t)sizeof(long long) || ix->view.format == NULL ||
      strcmp(ix->view.format, "q") != 0) {
    PyBuffer_Release(&ix->view);
    ix->has_view = 0;
    PyErr_SetString(PyExc_TypeError, "indexes must be a range or an array('q')");
    return -1;
  }
  ix->at = ix->view.buf;
  ix->n = ix->view.len / (Py_ssize_t)sizeof(long long);
  return 0;
}

static void oipy_index_release(oipy_index *ix)
{
  if (ix->has_view)
    PyBuffer_Release(&ix->view);
  ix->has_view = 0;
}

/* The k-th index, checked against the batch: -1 with IndexError if outside. */
static Py_ssize_t oipy_index_at(const oipy_index *ix, Py_ssize_t k, const oipy_batch *b)
{
  long long i = ix->at != NULL ? ix->at[k] : (long long)ix->start + (long long)k * ix->step;

  if (i < 0 || (unsigned long long)i >= b->count) {
    PyErr_SetString(PyExc_IndexError, "Decisions index out of range");
    return -1;
  }
  return (Py_ssize_t)i;
}

/* ---- the ledger handle ------------------------------------------------ */

/* A ledger and the Python object of the policy it borrows: the policy is
 * released only after the ledger is freed. busy counts the calls in
 * progress (nested ones included: Python code a call runs may call again);
 * orphaned says the handle's Python object is gone while calls were still
 * running, and the last of them frees the handle. */
typedef struct oipy_ledger {
  oi_ledger *ledger;
  PyObject *policy_owner;
  unsigned long busy;
  int orphaned;
} oipy_ledger;

static void oipy_ledger_close(oipy_ledger *h)
{
  if (h == NULL)
    return;
  oi_ledger_free(h->ledger);
  h->ledger = NULL;
  Py_CLEAR(h->policy_owner);
}

/* Wrap a new ledger; on failure the ledger is freed. */
static oi_status oipy_ledger_wrap(PyObject *owner, oi_ledger *l, oipy_ledger **out,
                                  oi_error *err)
{
  oipy_ledger *h = malloc(sizeof *h);

  if (h == NULL) {
    oi_ledger_free(l);
    oi_error_clear(err);
    err->status = OI_ENOMEM;
    snprintf(err->message, sizeof err->message, "out of memory for a ledger handle");
    return OI_ENOMEM;
  }
  h->ledger = l;
  Py_INCREF(owner);
  h->policy_owner = owner;
  h->busy = 0;
  h->orphaned = 0;
  *out = h;
  return OI_OK;
}

/* A call takes the handle, which must be open: 0, or -1 with ESTATE raised. */
static int oipy_ledger_hold(oipy_ledger *h)
{
  if (h->ledger == NULL) {
    oipy_raise_status(OI_ESTATE, "ledger", "the ledger is closed");
    return -1;
  }
  h->busy++;
  return 0;
}

/* The call is over; the last call of an orphaned handle frees it. */
static void oipy_ledger_release(oipy_ledger *h)
{
  if (--h->busy == 0 && h->orphaned) {
    oipy_ledger_close(h);
    free(h);
  }
}
%}

/* ======================================================================= */
/* Typemaps                                                                */
/* ======================================================================= */

/* Every call's oi_error: supplied here, turned into an exception after the
 * call. The argout typemaps of the outputs (which come before err in every
 * prototype) only produce values when the call succeeded. */
%typemap(in, numinputs=0) oi_error *err (oi_error temp) {
  oi_error_clear(&temp);
  $1 = &temp;
}
%typemap(out) oi_status {
  $result = SWIG_Py_Void();
}
%typemap(argout) oi_error *err {
  if (result != OI_OK) {
    Py_XDECREF($result);
    $result = NULL;
    oipy_raise(result, $1);
    SWIG_fail;
  }
}

/* Borrowed UTF-8 strings (ids, names): str only, no NUL; nothing copied. */
%typemap(in) const char * {
  if (oipy_cstr($input, 0, (const char **)&$1, "$1_name") < 0)
    SWIG_fail;
}
%typemap(freearg) const char * "";

/* File names: str, bytes or os.PathLike, in the file system encoding. */
%typemap(in) const char *path (PyObject *bytes = NULL) {
  if (!PyUnicode_FSConverter($input, &bytes))
    SWIG_fail;
  $1 = PyBytes_AS_STRING(bytes);
}
%typemap(freearg) const char *path {
  Py_XDECREF(bytes$argnum);
}

/* A JSON text: str (its UTF-8) or bytes, with its length. */
%typemap(in) (const char *text, size_t length) (Py_buffer view, int have_view = 0) {
  if (PyUnicode_Check($input)) {
    Py_ssize_t n;
    $1 = (char *)PyUnicode_AsUTF8AndSize($input, &n);
    if ($1 == NULL)
      SWIG_fail;
    $2 = (size_t)n;
  } else if (PyObject_CheckBuffer($input) && !PyUnicode_Check($input)) {
    if (PyObject_GetBuffer($input, &view, PyBUF_SIMPLE) < 0)
      SWIG_fail;
    have_view = 1;
    $1 = (char *)view.buf;
    $2 = (size_t)view.len;
  } else {
    PyErr_Format(PyExc_TypeError, "a JSON text must be str or bytes, not %.80s",
                 Py_TYPE($input)->tp_name);
    SWIG_fail;
  }
}
%typemap(freearg) (const char *text, size_t length) {
  if (have_view$argnum)
    PyBuffer_Release(&view$argnum);
}

/* Returned strings owned by the library. */
%typemap(out) const char * {
  $result = oipy_str($1);
  if ($result == NULL)
    SWIG_fail;
}

/* JSON texts the library allocates: returned as str, then oi_free()d. */
%typemap(in, numinputs=0) (char **out, size_t *length_out) (char *text = NULL, size_t length = 0) {
  $1 = &text;
  $2 = &length;
}
%typemap(argout) (char **out, size_t *length_out) {
  if (result == OI_OK) {
    PyObject *s = PyUnicode_DecodeUTF8(*$1, (Py_ssize_t)*$2, "surrogateescape");
    oi_free(*$1);
    *$1 = NULL;
    if (s == NULL)
      SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, s);
  }
}
%typemap(freearg) (char **out, size_t *length_out) {
  oi_free(text$argnum);
}

/* Handles made by the library: returned as owning proxies. */
%define OIPY_HANDLE_OUT(TYPE)
%typemap(in, numinputs=0) TYPE **out (TYPE *temp = NULL) {
  $1 = &temp;
}
%typemap(argout) TYPE **out {
  if (result == OI_OK)
    $result = SWIG_Python_AppendOutput($result,
                                       SWIG_NewPointerObj(*$1, $*1_descriptor, SWIG_POINTER_OWN));
}
%enddef
OIPY_HANDLE_OUT(oi_policy)
OIPY_HANDLE_OUT(oi_policy_builder)
OIPY_HANDLE_OUT(oipy_ledger)
OIPY_HANDLE_OUT(oipy_batch)

/* Handles passed in: never None. */
%typemap(in) const oi_policy *policy (void *argp = NULL, int res = 0) {
  res = SWIG_ConvertPtr($input, &argp, $descriptor(oi_policy *), 0);
  if (!SWIG_IsOK(res) || argp == NULL) {
    PyErr_Format(PyExc_TypeError, "expected a PolicyHandle, not %.80s", Py_TYPE($input)->tp_name);
    SWIG_fail;
  }
  $1 = (oi_policy *)argp;
}
/* The ledger helpers keep the Python object of the policy, too. */
%typemap(in) (PyObject *owner, const oi_policy *policy) (void *argp = NULL, int res = 0) {
  res = SWIG_ConvertPtr($input, &argp, $descriptor(oi_policy *), 0);
  if (!SWIG_IsOK(res) || argp == NULL) {
    PyErr_Format(PyExc_TypeError, "expected a PolicyHandle, not %.80s", Py_TYPE($input)->tp_name);
    SWIG_fail;
  }
  $1 = $input;
  $2 = (oi_policy *)argp;
}
%typemap(in) oi_policy_builder *builder (void *argp = NULL, int res = 0),
             const oi_policy_builder *builder (void *argp = NULL, int res = 0) {
  res = SWIG_ConvertPtr($input, &argp, $descriptor(oi_policy_builder *), 0);
  if (!SWIG_IsOK(res) || argp == NULL) {
    PyErr_Format(PyExc_TypeError, "expected a BuilderHandle, not %.80s", Py_TYPE($input)->tp_name);
    SWIG_fail;
  }
  $1 = (oi_policy_builder *)argp;
}
/* A ledger: from its handle, which must be open, held busy for the whole
 * call (see "Calls in progress" above). The handle is the first argument of
 * every call that takes one, so it is held before any other argument is
 * converted; the oi_ledger pointer is taken in "check", after them all. */
%typemap(in) oi_ledger *ledger (void *argp = NULL, int res = 0, oipy_ledger *held = NULL),
             const oi_ledger *ledger (void *argp = NULL, int res = 0, oipy_ledger *held = NULL) {
  res = SWIG_ConvertPtr($input, &argp, $descriptor(oipy_ledger *), 0);
  if (!SWIG_IsOK(res) || argp == NULL) {
    PyErr_Format(PyExc_TypeError, "expected a LedgerHandle, not %.80s", Py_TYPE($input)->tp_name);
    SWIG_fail;
  }
  if (oipy_ledger_hold((oipy_ledger *)argp) < 0)
    SWIG_fail;
  held = (oipy_ledger *)argp;
}
%typemap(check) oi_ledger *ledger, const oi_ledger *ledger {
  $1 = held$argnum->ledger;
}
%typemap(freearg) oi_ledger *ledger, const oi_ledger *ledger {
  if (held$argnum != NULL)
    oipy_ledger_release(held$argnum);
}

/* A ledger's handle, held the same way (where the helper needs the
 * policy's handle too). */
%typemap(in) oipy_ledger *lh (void *argp = NULL, int res = 0, oipy_ledger *held = NULL) {
  res = SWIG_ConvertPtr($input, &argp, $descriptor(oipy_ledger *), 0);
  if (!SWIG_IsOK(res) || argp == NULL) {
    PyErr_Format(PyExc_TypeError, "expected a LedgerHandle, not %.80s", Py_TYPE($input)->tp_name);
    SWIG_fail;
  }
  if (oipy_ledger_hold((oipy_ledger *)argp) < 0)
    SWIG_fail;
  held = (oipy_ledger *)argp;
}
%typemap(check) oipy_ledger *lh {
  $1 = held$argnum;
}
%typemap(freearg) oipy_ledger *lh {
  if (held$argnum != NULL)
    oipy_ledger_release(held$argnum);
}
/* A batch of decisions: never None. */
%typemap(in) oipy_batch *batch (void *argp = NULL, int res = 0) {
  res = SWIG_ConvertPtr($input, &argp, $descriptor(oipy_batch *), 0);
  if (!SWIG_IsOK(res) || argp == NULL) {
    PyErr_Format(PyExc_TypeError, "expected a BatchHandle, not %.80s", Py_TYPE($input)->tp_name);
    SWIG_fail;
  }
  $1 = (oipy_batch *)argp;
}

/* Plain out structures, as tuples. */
%typemap(in, numinputs=0) oi_policy_numbers *out (oi_policy_numbers temp) {
  $1 = &temp;
}
%typemap(argout) oi_policy_numbers *out {
  if (result == OI_OK)
    $result = SWIG_Python_AppendOutput($result,
        Py_BuildValue("(iiiiiL)", $1->year, $1->seats_per_session, $1->local_cap_per_year,
                      $1->deadline_weeks, $1->max_nights, (long long)$1->canada_threshold_cents));
}

%typemap(in, numinputs=0) oi_course *out (oi_course temp) {
  $1 = &temp;
}
%typemap(argout) oi_course *out {
  if (result == OI_OK)
    $result = SWIG_Python_AppendOutput($result,
        Py_BuildValue("(NNi)", oipy_str($1->id), oipy_str($1->title), (int)$1->kind));
}

%typemap(in, numinputs=0) oi_date *out (oi_date temp) {
  $1 = &temp;
}
%typemap(argout) oi_date *out {
  if (result == OI_OK)
    $result = SWIG_Python_AppendOutput($result, oipy_date_tuple(*$1));
}

%typemap(in, numinputs=0) oi_withdrawal *out (oi_withdrawal temp) {
  $1 = &temp;
}
%typemap(argout) oi_withdrawal *out {
  if (result == OI_OK) {
    PyObject *ids = PyTuple_New((Py_ssize_t)$1->promoted_count);
    size_t i;
    for (i = 0; ids != NULL && i < $1->promoted_count; i++) {
      PyObject *s = oipy_str($1->promoted[i]);
      if (s == NULL)
        Py_CLEAR(ids);
      else
        PyTuple_SET_ITEM(ids, (Py_ssize_t)i, s);
    }
    if (ids == NULL)
      SWIG_fail;
    $result = SWIG_Python_AppendOutput($result, Py_BuildValue("(iN)", (int)$1->previous, ids));
  }
}

%typemap(in, numinputs=0) oi_session_summary *out (oi_session_summary temp) {
  $1 = &temp;
}
%typemap(argout) oi_session_summary *out {
  if (result == OI_OK)
    $result = SWIG_Python_AppendOutput($result,
        Py_BuildValue("(innnniL)", $1->seats, (Py_ssize_t)$1->awarded, (Py_ssize_t)$1->waitlisted,
                      (Py_ssize_t)$1->refused, (Py_ssize_t)$1->withdrawn, $1->seats_left,
                      (long long)$1->nights));
}

%typemap(in, numinputs=0) (size_t *awards_out, int64_t *nights_out) (size_t awards = 0, int64_t nights = 0) {
  $1 = &awards;
  $2 = &nights;
}
%typemap(argout) (size_t *awards_out, int64_t *nights_out) {
  if (result == OI_OK)
    $result = SWIG_Python_AppendOutput($result, Py_BuildValue("(nL)", (Py_ssize_t)*$1, (long long)*$2));
}

%typemap(in, numinputs=0) int64_t *nights_out (int64_t temp = 0) {
  $1 = &temp;
}
%typemap(argout) int64_t *nights_out {
  if (result == OI_OK)
    $result = SWIG_Python_AppendOutput($result, PyLong_FromLongLong((long long)*$1));
}

%typemap(in, numinputs=0) oi_cost_split *out (oi_cost_split temp) {
  $1 = &temp;
}
%typemap(argout) oi_cost_split *out {
  if (result == OI_OK) {
    PyObject *payers = PyTuple_New(OI_COST_ITEM_COUNT);
    int i;
    for (i = 0; payers != NULL && i < OI_COST_ITEM_COUNT; i++) {
      PyObject *x = PyLong_FromLong((long)$1->payer[i]);
      if (x == NULL)
        Py_CLEAR(payers);
      else
        PyTuple_SET_ITEM(payers, i, x);
    }
    if (payers == NULL)
      SWIG_fail;
    $result = SWIG_Python_AppendOutput($result,
        Py_BuildValue("(NiiLL)", payers, $1->subsidy_nights, $1->local_nights,
                      (long long)$1->subsidy_hotel_cents, (long long)$1->local_hotel_cents));
  }
}

/* Plain in structures, from tuples. */
%typemap(in) const oi_policy_numbers *numbers (oi_policy_numbers temp) {
  if (oipy_numbers($input, &temp) < 0)
    SWIG_fail;
  $1 = &temp;
}

%typemap(in) const oi_course *course (oi_course temp) {
  int kind;
  memset(&temp, 0, sizeof temp);
  if (oipy_tuple($input, 3, "course") < 0 ||
      oipy_cstr(OIPY_ITEM($input, 0), 0, &temp.id, "course.id") < 0 ||
      oipy_cstr(OIPY_ITEM($input, 1), 0, &temp.title, "course.title") < 0 ||
      oipy_int(OIPY_ITEM($input, 2), &kind, "course.kind") < 0)
    SWIG_fail;
  temp.kind = (oi_course_kind)kind;
  $1 = &temp;
}

%typemap(in) const oi_session *session (oi_session temp, const char **ids = NULL) {
  PyObject *courses;
  long long mask;
  Py_ssize_t i, n;
  memset(&temp, 0, sizeof temp);
  if (oipy_tuple($input, 8, "session") < 0 ||
      oipy_cstr(OIPY_ITEM($input, 0), 0, &temp.id, "session.id") < 0 ||
      oipy_cstr(OIPY_ITEM($input, 1), 0, &temp.place, "session.place") < 0 ||
      oipy_cstr(OIPY_ITEM($input, 2), 1, &temp.hotel, "session.hotel") < 0 ||
      oipy_date(OIPY_ITEM($input, 3), 0, &temp.first_day, "session.first_day") < 0 ||
      oipy_date(OIPY_ITEM($input, 4), 0, &temp.last_day, "session.last_day") < 0 ||
      oipy_ll(OIPY_ITEM($input, 5), 0, UINT_MAX, &mask, "session.countries") < 0)
    SWIG_fail;
  temp.countries = (unsigned)mask;
  /* S4: the session's own seats, or None for the policy's. */
  if (OIPY_ITEM($input, 7) != Py_None) {
    if (oipy_int(OIPY_ITEM($input, 7), &temp.own_seats, "session.own_seats") < 0)
      SWIG_fail;
    temp.has_own_seats = 1;
  }
  courses = OIPY_ITEM($input, 6);
  if (!PyTuple_Check(courses)) {
    PyErr_SetString(PyExc_TypeError, "session.courses must be a tuple of course ids");
    SWIG_fail;
  }
  n = PyTuple_GET_SIZE(courses);
  ids = PyMem_Malloc((size_t)n * sizeof *ids + 1);
  if (ids == NULL) {
    PyErr_NoMemory();
    SWIG_fail;
  }
  for (i = 0; i < n; i++)
    if (oipy_cstr(OIPY_ITEM(courses, i), 0, &ids[i], "session.courses[]") < 0)
      SWIG_fail;
  temp.course_ids = ids;
  temp.course_count = (size_t)n;
  $1 = &temp;
}
%typemap(freearg) const oi_session *session {
  PyMem_Free((void *)ids$argnum);
}

%typemap(in) const oi_stay *stay (oi_stay temp) {
  if (oipy_tuple($input, 3, "stay") < 0 ||
      oipy_int(OIPY_ITEM($input, 0), &temp.nights, "stay.nights") < 0 ||
      oipy_int(OIPY_ITEM($input, 1), &temp.nights_awarded, "stay.nights_awarded") < 0 ||
      oipy_i64(OIPY_ITEM($input, 2), &temp.nightly_rate_cents, "stay.nightly_rate_cents") < 0)
    SWIG_fail;
  $1 = &temp;
}

/* One request, or a whole list of them for one call. */
%typemap(in) const oi_subsidy_request *req (oipy_block block = {NULL, NULL, 0, 0, NULL}) {
  size_t count;
  if (oipy_requests($input, 1, &block, &$1, &count) < 0)
    SWIG_fail;
}
%typemap(freearg) const oi_subsidy_request *req {
  oipy_block_free(&block$argnum);
}
%typemap(in) (const oi_subsidy_request *reqs, size_t count) (oipy_block block = {NULL, NULL, 0, 0, NULL}) {
  if (oipy_requests($input, 0, &block, &$1, &$2) < 0)
    SWIG_fail;
}
%typemap(freearg) (const oi_subsidy_request *reqs, size_t count) {
  oipy_block_free(&block$argnum);
}
/* The same, and the tuple of the request tuples (borrowed, for the call). */
%typemap(in) (const oi_subsidy_request *reqs, size_t count, PyObject *keep) (oipy_block block = {NULL, NULL, 0, 0, NULL}) {
  if (oipy_requests($input, 0, &block, &$1, &$2) < 0)
    SWIG_fail;
  $3 = block.keep;
}
%typemap(freearg) (const oi_subsidy_request *reqs, size_t count, PyObject *keep) {
  oipy_block_free(&block$argnum);
}
%typemap(in) const oi_application *app (oipy_block block = {NULL, NULL, 0, 0, NULL}, oi_application temp) {
  if (oipy_application($input, &block, &temp) < 0)
    SWIG_fail;
  $1 = &temp;
}
%typemap(freearg) const oi_application *app {
  oipy_block_free(&block$argnum);
}

/* Days attended: a sequence of (y, m, d). */
%typemap(in) (const oi_date *attended, size_t count) (oi_date *days = NULL, PyObject *seq = NULL) {
  Py_ssize_t i, n;
  seq = PySequence_Tuple($input);
  if (seq == NULL)
    SWIG_fail;
  n = PyTuple_GET_SIZE(seq);
  days = PyMem_Malloc((size_t)n * sizeof *days + 1);
  if (days == NULL) {
    PyErr_NoMemory();
    SWIG_fail;
  }
  for (i = 0; i < n; i++)
    if (oipy_date(OIPY_ITEM(seq, i), 0, &days[i], "attended[]") < 0)
      SWIG_fail;
  $1 = days;
  $2 = (size_t)n;
}
%typemap(freearg) (const oi_date *attended, size_t count) {
  PyMem_Free(days$argnum);
  Py_XDECREF(seq$argnum);
}

/* Python objects the helpers below build. */
%typemap(in, numinputs=0) PyObject **out (PyObject *temp = NULL) {
  $1 = &temp;
}
%typemap(argout) PyObject **out {
  if (result == OI_OK) {
    $result = SWIG_Python_AppendOutput($result, *$1);
    *$1 = NULL;
  }
}
%typemap(freearg) PyObject **out {
  Py_XDECREF(temp$argnum);
}

/* ======================================================================= */
/* Constants: every enumeration value and #define of the public headers,   */
/* straight from them (OI_COUNTRY_US, OI_REASON_RECEIVED_LATE, OI_ID_MAX). */
/* The package builds its IntEnums from these. Functions and structures of */
/* the headers are wrapped only where renamed below; the handles are the   */
/* only classes.                                                           */
/* ======================================================================= */

%rename("$ignore", %$isfunction, regexmatch$name="^(oi|oipy)_") "";
%rename("$ignore", %$isclass, notregexmatch$name="^(oi_policy|oi_policy_builder|oipy_ledger|oipy_batch)$") "";

%feature("autodoc", "0");

/* The handles. The library declares them opaque; SWIG is told they are
 * (empty) structures so that they get proxy classes and destructors. */
%nodefaultctor oi_policy;
%nodefaultctor oi_policy_builder;
%nodefaultctor oipy_ledger;
%nodefaultctor oipy_batch;
%rename(PolicyHandle) oi_policy;
%rename(BuilderHandle) oi_policy_builder;
%rename(LedgerHandle) oipy_ledger;
%rename(BatchHandle) oipy_batch;
%feature("docstring", "An oi_policy, freed with the handle.") oi_policy;
%feature("docstring", "An oi_policy_builder, freed with the handle.") oi_policy_builder;
%feature("docstring", "An oi_ledger and a reference to its policy's handle.") oipy_ledger;
%feature("docstring", "The decisions of a batch, in C, and a reference to their policy's handle.") oipy_batch;
typedef struct oi_policy {} oi_policy;
typedef struct oi_policy_builder {} oi_policy_builder;
typedef struct oipy_ledger {} oipy_ledger;
typedef struct oipy_batch {} oipy_batch;
%extend oi_policy {
  ~oi_policy() { oi_policy_free($self); }
}
%extend oi_policy_builder {
  ~oi_policy_builder() { oi_policy_builder_free($self); }
}
%extend oipy_batch {
  ~oipy_batch() { oipy_batch_free($self); }
}
%extend oipy_ledger {
  ~oipy_ledger() {
    /* Calls still running (their Python code dropped the handle): the
     * last of them frees it. */
    if ($self->busy > 0) {
      $self->orphaned = 1;
      return;
    }
    oipy_ledger_close($self);
    free($self);
  }
}

/* Functions of the headers wrapped as they are, under short names. */
%rename(version) oi_version;
%rename(status_name) oi_status_name;
%rename(status_describe) oi_status_describe;
%rename(clause_id) oi_clause_id;
%rename(outcome_name) oi_outcome_name;
%rename(reason_code_name) oi_reason_code_name;
%rename(event_type_name) oi_event_type_name;
%rename(expect_name) oi_expect_name;
%rename(country_name) oi_country_name;
%rename(lm_form_name) oi_lm_form_name;
%rename(office_name) oi_office_name;
%rename(office_title) oi_office_title;
%rename(course_kind_name) oi_course_kind_name;
%rename(severity_name) oi_severity_name;

%rename(policy_builtin) oi_policy_builtin;
%rename(policy_id) oi_policy_id;
%rename(policy_digest) oi_policy_digest;
%rename(policy_numbers) oi_policy_get_numbers;
%rename(policy_course_count) oi_policy_course_count;
%rename(policy_session_count) oi_policy_session_count;
%rename(policy_prior_site_count) oi_policy_prior_site_count;
%rename(policy_course) oi_policy_course;
%rename(policy_prior_site) oi_policy_prior_site;
%rename(policy_session_seats) oi_policy_session_seats;
%rename(policy_subsidy_deadline) oi_policy_subsidy_deadline;
%rename(builder_new) oi_policy_builder_new;
%rename(builder_add_course) oi_policy_builder_add_course;
%rename(builder_add_session) oi_policy_builder_add_session;
%rename(builder_add_prior_site) oi_policy_builder_add_prior_site;
%rename(builder_build) oi_policy_builder_build;

%rename(cost_split) oi_cost_split_compute;

%rename(ledger_count) oi_ledger_count;
%rename(ledger_withdraw) oi_ledger_withdraw;
%rename(ledger_session_summary) oi_ledger_session_summary;
%rename(ledger_district_awards) oi_ledger_district_awards;
%rename(ledger_hotel_nights) oi_ledger_hotel_nights;
%rename(ledger_event_count) oi_ledger_event_count;

%rename(policy_from_json) oi_policy_from_json;
%rename(policy_load) oi_policy_load;
%rename(policy_to_json) oi_policy_to_json;
%rename(policy_save) oi_policy_save;
%rename(ledger_to_json) oi_ledger_to_json;
%rename(ledger_save) oi_ledger_save;

%include "officerinst/common.h"
%include "officerinst/version.h"
%include "officerinst/error.h"
%include "officerinst/date.h"
%include "officerinst/types.h"
%include "officerinst/policy.h"
%include "officerinst/rules.h"
%include "officerinst/ledger.h"
%include "officerinst/json.h"
%include "officerinst/vocab.h"

/* ======================================================================= */
/* Helpers: where a C call's result needs the policy (decisions, reasons,  */
/* entries), a size-then-fill protocol, or a handle of the bindings' own.  */
/* ======================================================================= */

%inline %{
/* Register the exception classes: a dict {status: class}. */
static PyObject *set_error_classes(PyObject *classes)
{
  if (!PyDict_Check(classes)) {
    PyErr_SetString(PyExc_TypeError, "set_error_classes() takes a dict {status: class}");
    return NULL;
  }
  Py_INCREF(classes);
  Py_XSETREF(oipy_error_classes, classes);
  Py_RETURN_NONE;
}

/* Register what decisions are made of, and the request class batches take:
 * a dict with the classes "SubsidyRequest", "Decision" and "Reason", and
 * the tables "outcomes", "reason_codes", "severities" (tuples of enum
 * members indexed by value, None where no member has that value) and
 * "clauses" (a tuple of clause ids indexed by value, "" where none). */
static PyObject *set_types(PyObject *types)
{
  static const char *const classes[] = {"SubsidyRequest", "Decision", "Reason"};
  static const char *const tables[] = {"outcomes", "reason_codes", "severities", "clauses"};
  PyObject **class_slots[] = {&oipy_request_class, &oipy_decision_class, &oipy_reason_class};
  PyObject **table_slots[] = {&oipy_outcomes, &oipy_codes, &oipy_severities, &oipy_clauses};
  PyObject *found[7];
  int k;

  if (!PyDict_Check(types)) {
    PyErr_SetString(PyExc_TypeError, "set_types() takes a dict");
    return NULL;
  }
  for (k = 0; k < 7; k++) {
    const char *key = k < 3 ? classes[k] : tables[k - 3];
    PyObject *v = PyDict_GetItemString(types, key); /* borrowed */
    if (v == NULL || (k < 3 ? !PyType_Check(v) : !PyTuple_Check(v))) {
      PyErr_Format(PyExc_TypeError, "set_types(): %s must be a %s", key, k < 3 ? "class" : "tuple");
      return NULL;
    }
    found[k] = v;
  }
  for (k = 0; k < OIPY_N_COUNT; k++)
    if (oipy_names[k] == NULL && (oipy_names[k] = PyUnicode_InternFromString(oipy_name_text[k])) == NULL)
      return NULL;
  if ((oipy_name_c == NULL && (oipy_name_c = PyUnicode_InternFromString("_c")) == NULL) ||
      (oipy_empty_tuple == NULL && (oipy_empty_tuple = PyTuple_New(0)) == NULL) ||
      (oipy_empty_str == NULL && (oipy_empty_str = PyUnicode_FromString("")) == NULL))
    return NULL;
  for (k = 0; k < 7; k++) {
    PyObject **slot = k < 3 ? class_slots[k] : table_slots[k - 3];
    Py_INCREF(found[k]);
    Py_XSETREF(*slot, found[k]);
  }
  Py_RETURN_NONE;
}

/* Raise what a failed call with this error would raise (for the tests). */
static PyObject *raise_error(int status, const char *path, const char *message, int line,
                             int column)
{
  oi_error e;

  oi_error_clear(&e);
  e.status = (oi_status)status;
  e.line = line;
  e.column = column;
  snprintf(e.path, sizeof e.path, "%s", path);
  snprintf(e.message, sizeof e.message, "%s", message);
  oipy_raise((oi_status)status, &e);
  return NULL;
}

/* Every session of a policy, with its seats and subsidy deadline. */
static oi_status policy_sessions(const oi_policy *policy, PyObject **out, oi_error *err)
{
  size_t i, n = oi_policy_session_count(policy);
  PyObject *t = PyTuple_New((Py_ssize_t)n);

  if (t == NULL)
    return OIPY_PYERR;
  for (i = 0; i < n; i++) {
    oi_session s;
    oi_date deadline;
    PyObject *ids, *x;
    size_t k;
    oi_status st = oi_policy_session(policy, i, &s, err);

    if (st != OI_OK) {
      Py_DECREF(t);
      return st;
    }
    if (oi_policy_subsidy_deadline(policy, i, &deadline, NULL) != OI_OK)
      memset(&deadline, 0, sizeof deadline);
    ids = PyTuple_New((Py_ssize_t)s.course_count);
    for (k = 0; ids != NULL && k < s.course_count; k++) {
      PyObject *id = oipy_str(s.course_ids[k]);
      if (id == NULL)
        Py_CLEAR(ids);
      else
        PyTuple_SET_ITEM(ids, (Py_ssize_t)k, id);
    }
    x = ids == NULL ? NULL
                    : Py_BuildValue("(NNNNNINiNN)", oipy_str(s.id), oipy_str(s.place),
                                    oipy_str(s.hotel), oipy_date_tuple(s.first_day),
                                    oipy_date_tuple(s.last_day), s.countries, ids,
                                    oi_policy_session_seats(policy, i),
                                    oipy_date_tuple(deadline),
                                    s.has_own_seats ? PyLong_FromLong((long)s.own_seats)
                                                    : (Py_INCREF(Py_None), Py_None));
    if (x == NULL) {
      Py_DECREF(t);
      return OIPY_PYERR;
    }
    PyTuple_SET_ITEM(t, (Py_ssize_t)i, x);
  }
  *out = t;
  return OI_OK;
}

static oi_status check_enrollment(PyObject *owner, const oi_policy *policy,
                                  const oi_application *app, PyObject **out, oi_error *err)
{
  oi_decision d;
  oi_status st = oi_check_enrollment(policy, app, &d, err);

  if (st != OI_OK)
    return st;
  *out = oipy_decision(owner, policy, &d);
  return *out != NULL ? OI_OK : OIPY_PYERR;
}

static oi_status check_subsidy(PyObject *owner, const oi_policy *policy,
                               const oi_subsidy_request *req, PyObject **out, oi_error *err)
{
  oi_decision d;
  oi_status st = oi_check_subsidy(policy, req, &d, err);

  if (st != OI_OK)
    return st;
  *out = oipy_decision(owner, policy, &d);
  return *out != NULL ? OI_OK : OIPY_PYERR;
}

/* An error of element i of a chunk that starts at element offset: the
 * library names it by its index and field, the caller knows it as
 * i + offset, and its path is made again from those. */
static void oipy_reindex(oi_error *err, size_t offset)
{
  if (err == NULL || offset == 0 || err->index == OI_ERROR_NO_INDEX)
    return;
  err->index += offset;
  snprintf(err->path, sizeof err->path, "requests[%zu]%s%s", err->index,
           err->field[0] != '\0' ? "." : "", err->field);
}

/* Decisions of a stateless batch go through a small array of oi_decision
 * (968 bytes each), a chunk at a time, into the batch's compact records: the
 * array stays in the cache. The checks are stateless, so chunks decide
 * exactly as one call would; the first bad element of the first bad chunk
 * is the first bad element of the batch, and nothing is returned then. */
#define OIPY_CHUNK 64

static oi_status check_subsidy_many(PyObject *owner, const oi_policy *policy,
                                    const oi_subsidy_request *reqs, size_t count,
                                    PyObject *keep, oipy_batch **out, oi_error *err)
{
  oi_decision *d = NULL;
  oipy_batch *b = oipy_batch_new(owner, policy, count);
  oi_status st = OI_OK;
  size_t start;

  if (b == NULL)
    return OIPY_PYERR;
  if (oipy_batch_set_ids(b, keep) < 0) {
    oipy_batch_free(b);
    return OIPY_PYERR;
  }
  if (count > 0 && (d = PyMem_Malloc(OIPY_CHUNK * sizeof *d)) == NULL) {
    oipy_batch_free(b);
    PyErr_NoMemory();
    return OIPY_PYERR;
  }
  for (start = 0; start < count; start += OIPY_CHUNK) {
    size_t n = count - start < OIPY_CHUNK ? count - start : OIPY_CHUNK;

    st = oi_check_subsidy_many(policy, reqs + start, n, d, err);
    if (st != OI_OK) {
      oipy_reindex(err, start);
      break;
    }
    if (oipy_batch_append(b, d, n) < 0) {
      st = OIPY_PYERR;
      break;
    }
  }
  PyMem_Free(d);
  if (st != OI_OK) {
    oipy_batch_free(b);
    return st;
  }
  *out = b;
  return OI_OK;
}

static oi_status check_graduation(PyObject *owner, const oi_policy *policy,
                                  const char *session_id, const oi_date *attended, size_t count,
                                  PyObject **out, oi_error *err)
{
  oi_decision d;
  oi_status st = oi_check_graduation(policy, session_id, attended, count, &d, err);

  if (st != OI_OK)
    return st;
  *out = oipy_decision(owner, policy, &d);
  return *out != NULL ? OI_OK : OIPY_PYERR;
}

/* ---- ledgers ---- */

static oi_status ledger_new(PyObject *owner, const oi_policy *policy, oipy_ledger **out,
                            oi_error *err)
{
  oi_ledger *l = NULL;
  oi_status st = oi_ledger_new(policy, &l, err);

  return st == OI_OK ? oipy_ledger_wrap(owner, l, out, err) : st;
}

static oi_status ledger_from_json(PyObject *owner, const oi_policy *policy, const char *text,
                                  size_t length, oipy_ledger **out, oi_error *err)
{
  oi_ledger *l = NULL;
  oi_status st = oi_ledger_from_json(policy, text, length, &l, err);

  return st == OI_OK ? oipy_ledger_wrap(owner, l, out, err) : st;
}

static oi_status ledger_load(PyObject *owner, const oi_policy *policy, const char *path,
                             oipy_ledger **out, oi_error *err)
{
  oi_ledger *l = NULL;
  oi_status st = oi_ledger_load(policy, path, &l, err);

  return st == OI_OK ? oipy_ledger_wrap(owner, l, out, err) : st;
}

/* Free the ledger now; the handle stays, closed. Closing twice is harmless.
 * While a call on the ledger is in progress (Python code it runs is what
 * closes), ESTATE, and nothing changes. */
static oi_status ledger_close(oipy_ledger *handle, oi_error *err)
{
  if (handle->busy > 0) {
    err->status = OI_ESTATE;
    snprintf(err->path, sizeof err->path, "ledger");
    snprintf(err->message, sizeof err->message,
             "the ledger is in use by a call in progress; it stays open");
    return OI_ESTATE;
  }
  oipy_ledger_close(handle);
  return OI_OK;
}

static int ledger_is_open(oipy_ledger *handle)
{
  return handle->ledger != NULL;
}

static oi_status ledger_submit(oipy_ledger *lh, const oi_subsidy_request *req, PyObject **out,
                               oi_error *err)
{
  oi_decision d;
  oi_status st = oi_ledger_submit(lh->ledger, req, &d, err);

  if (st != OI_OK)
    return st;
  *out = oipy_decision(lh->policy_owner, oi_ledger_policy(lh->ledger), &d);
  return *out != NULL ? OI_OK : OIPY_PYERR;
}

/* The library fills an array of oi_decision for the whole batch (it decides
 * in receipt order, all or nothing): 968 bytes a decision, 97 MB for 1e5,
 * written in receipt order, i.e. at random. The decisions are compacted
 * into the batch at once and the array is freed (oipy_scratch). */
static oi_status ledger_submit_many(oipy_ledger *lh, const oi_subsidy_request *reqs,
                                    size_t count, PyObject *keep, oipy_batch **out,
                                    oi_error *err)
{
  const oi_policy *policy = oi_ledger_policy(lh->ledger);
  oipy_batch *b = oipy_batch_new(lh->policy_owner, policy, count);
  oipy_scratch scratch;
  oi_decision *d;
  oi_status st;

  if (b == NULL)
    return OIPY_PYERR;
  if (oipy_batch_set_ids(b, keep) < 0) {
    oipy_batch_free(b);
    return OIPY_PYERR;
  }
  d = count <= PY_SSIZE_T_MAX / sizeof *d ? oipy_scratch_alloc(&scratch, count * sizeof *d)
                                          : NULL;
  if (d == NULL) {
    oipy_batch_free(b);
    PyErr_NoMemory();
    return OIPY_PYERR;
  }
  st = oi_ledger_submit_many(lh->ledger, reqs, count, d, err);
  if (st == OI_OK && oipy_batch_append(b, d, count) < 0)
    st = OIPY_PYERR;
  oipy_scratch_free(&scratch);
  if (st != OI_OK) {
    oipy_batch_free(b);
    return st;
  }
  *out = b;
  return OI_OK;
}

static oi_status ledger_get(const oi_ledger *ledger, const char *id, PyObject **out,
                            oi_error *err)
{
  oi_ledger_entry e;
  oi_status st = oi_ledger_get(ledger, id, &e, err);

  if (st != OI_OK)
    return st;
  *out = oipy_entry(oi_ledger_policy(ledger), &e);
  return *out != NULL ? OI_OK : OIPY_PYERR;
}

static oi_status ledger_get_by_number(const oi_ledger *ledger, unsigned long long entry_number,
                                      PyObject **out, oi_error *err)
{
  oi_ledger_entry e;
  oi_status st = oi_ledger_get_by_number(ledger, (uint64_t)entry_number, &e, err);

  if (st != OI_OK)
    return st;
  *out = oipy_entry(oi_ledger_policy(ledger), &e);
  return *out != NULL ? OI_OK : OIPY_PYERR;
}

/* Entries by the size-then-fill protocol: sized, allocated, filled,
 * converted, freed. */
static oi_status oipy_entry_list(const oi_ledger *ledger, const oi_ledger_entry *e, size_t n,
                                 PyObject **out)
{
  PyObject *list = PyList_New((Py_ssize_t)n);
  size_t i;

  for (i = 0; list != NULL && i < n; i++) {
    PyObject *x = oipy_entry(oi_ledger_policy(ledger), &e[i]);
    if (x == NULL)
      Py_CLEAR(list);
    else
      PyList_SET_ITEM(list, (Py_ssize_t)i, x);
  }
  if (list == NULL)
    return OIPY_PYERR;
  *out = list;
  return OI_OK;
}

static oi_status ledger_session_entries(const oi_ledger *ledger, const char *session_id,
                                        int status, PyObject **out, oi_error *err)
{
  oi_ledger_entry *e;
  size_t n = 0;
  oi_status st = oi_ledger_session_entries(ledger, session_id, (oi_outcome)status, NULL, 0, &n,
                                           err);

  if (st != OI_OK)
    return st;
  e = PyMem_Malloc(n * sizeof *e + 1);
  if (e == NULL) {
    PyErr_NoMemory();
    return OIPY_PYERR;
  }
  st = oi_ledger_session_entries(ledger, session_id, (oi_outcome)status, e, n, &n, err);
  if (st == OI_OK)
    st = oipy_entry_list(ledger, e, n, out);
  PyMem_Free(e);
  return st;
}

static oi_status ledger_local_awards(const oi_ledger *ledger, unsigned long local_number,
                                     int year, PyObject **out, oi_error *err)
{
  oi_ledger_entry *e;
  size_t n = 0;
  oi_status st;

  if (local_number > UINT32_MAX)
    local_number = 0; /* not a local: the library says so */
  st = oi_ledger_local_awards(ledger, (uint32_t)local_number, year, NULL, 0, &n, err);
  if (st != OI_OK)
    return st;
  e = PyMem_Malloc(n * sizeof *e + 1);
  if (e == NULL) {
    PyErr_NoMemory();
    return OIPY_PYERR;
  }
  st = oi_ledger_local_awards(ledger, (uint32_t)local_number, year, e, n, &n, err);
  if (st == OI_OK)
    st = oipy_entry_list(ledger, e, n, out);
  PyMem_Free(e);
  return st;
}

static oi_status ledger_event(const oi_ledger *ledger, size_t index, PyObject **out,
                              oi_error *err)
{
  oi_event ev;
  oi_status st = oi_ledger_event(ledger, index, &ev, err);

  if (st != OI_OK)
    return st;
  *out = Py_BuildValue("(KiNiNiN)", (unsigned long long)ev.sequence, (int)ev.type,
                       oipy_str(ev.request_id), (int)ev.outcome, oipy_str(ev.cause_id),
                       ev.nights, oipy_reasons(oi_ledger_policy(ledger), ev.reasons,
                                               ev.reason_count));
  return *out != NULL ? OI_OK : OIPY_PYERR;
}
/* ---- batches of decisions (officerinst.Decisions) ---- */

static PyObject *batch_len(oipy_batch *batch)
{
  return PyLong_FromSize_t(batch->count);
}

/* The Decision at index i (0 <= i < len; the package maps negatives). */
static PyObject *batch_get(oipy_batch *batch, PyObject *index)
{
  Py_ssize_t i = PyNumber_AsSsize_t(index, PyExc_IndexError);

  if (i == -1 && PyErr_Occurred())
    return NULL;
  if (i < 0 || (size_t)i >= batch->count) {
    PyErr_SetString(PyExc_IndexError, "Decisions index out of range");
    return NULL;
  }
  return oipy_batch_decision(batch, (size_t)i);
}

/* A list of the Decisions at some indexes (a range or an array('q')). */
static PyObject *batch_list(oipy_batch *batch, PyObject *indexes)
{
  oipy_index ix;
  PyObject *list;
  Py_ssize_t k;

  if (oipy_index_get(indexes, &ix) < 0)
    return NULL;
  list = PyList_New(ix.n);
  for (k = 0; list != NULL && k < ix.n; k++) {
    Py_ssize_t i = oipy_index_at(&ix, k, batch);
    PyObject *d = i < 0 ? NULL : oipy_batch_decision(batch, (size_t)i);

    if (d == NULL)
      Py_CLEAR(list);
    else
      PyList_SET_ITEM(list, k, d);
  }
  oipy_index_release(&ix);
  return list;
}

/* The outcome of each (Outcome members, shared): no Decision is made. */
static PyObject *batch_outcomes(oipy_batch *batch, PyObject *indexes)
{
  oipy_index ix;
  PyObject *list;
  Py_ssize_t k;

  if (oipy_index_get(indexes, &ix) < 0)
    return NULL;
  list = PyList_New(ix.n);
  for (k = 0; list != NULL && k < ix.n; k++) {
    Py_ssize_t i = oipy_index_at(&ix, k, batch);
    PyObject *o = i < 0 ? NULL : oipy_member(oipy_outcomes, (long)batch->recs[i].outcome);

    if (o == NULL)
      Py_CLEAR(list);
    else
      PyList_SET_ITEM(list, k, o);
  }
  oipy_index_release(&ix);
  return list;
}

/* [(outcome, count, nights), ...] for each outcome present, by value
 * (outcome an Outcome member, or an int no member has). */
static PyObject *batch_counts(oipy_batch *batch, PyObject *indexes)
{
  enum { SLOTS = 256 };
  Py_ssize_t counts[SLOTS] = {0}, k;
  long long nights[SLOTS] = {0};
  PyObject *result = NULL, *others = NULL; /* {int: [count, nights]} beyond SLOTS */
  oipy_index ix;
  int v;

  if (oipy_index_get(indexes, &ix) < 0)
    return NULL;
  for (k = 0; k < ix.n; k++) {
    Py_ssize_t i = oipy_index_at(&ix, k, batch);
    const oipy_drec *r;

    if (i < 0)
      goto done;
    r = &batch->recs[i];
    if (r->outcome >= 0 && r->outcome < SLOTS) {
      counts[r->outcome]++;
      nights[r->outcome] += r->nights;
    } else {
      /* An outcome of a newer library: counted on its own. */
      PyObject *key = PyLong_FromLong((long)r->outcome), *entry;
      long long c = 1, n = r->nights;

      if (key == NULL || (others == NULL && (others = PyDict_New()) == NULL)) {
        Py_XDECREF(key);
        goto done;
      }
      entry = PyDict_GetItemWithError(others, key);
      if (entry != NULL) {
        c += PyLong_AsLongLong(PyList_GET_ITEM(entry, 0));
        n += PyLong_AsLongLong(PyList_GET_ITEM(entry, 1));
      }
      entry = PyErr_Occurred() ? NULL : Py_BuildValue("[LL]", c, n);
      if (entry == NULL || PyDict_SetItem(others, key, entry) < 0) {
        Py_XDECREF(entry);
        Py_DECREF(key);
        goto done;
      }
      Py_DECREF(entry);
      Py_DECREF(key);
    }
  }
  result = PyList_New(0);
  for (v = 0; result != NULL && v < SLOTS; v++) {
    PyObject *t;

    if (counts[v] == 0)
      continue;
    t = Py_BuildValue("(NnL)", oipy_member(oipy_outcomes, v), counts[v], nights[v]);
    if (t == NULL || PyList_Append(result, t) < 0)
      Py_CLEAR(result);
    Py_XDECREF(t);
  }
  if (result != NULL && others != NULL) {
    PyObject *key, *entry;
    Py_ssize_t pos = 0;

    while (result != NULL && PyDict_Next(others, &pos, &key, &entry)) {
      PyObject *t = Py_BuildValue("(OOO)", key, PyList_GET_ITEM(entry, 0),
                                  PyList_GET_ITEM(entry, 1));
      if (t == NULL || PyList_Append(result, t) < 0)
        Py_CLEAR(result);
      Py_XDECREF(t);
    }
  }
done:
  Py_XDECREF(others);
  oipy_index_release(&ix);
  return result;
}

/* The indexes (bytes of native int64, for an array('q')) of the decisions
 * whose outcome is one of `outcomes` (a tuple of ints). */
static PyObject *batch_select(oipy_batch *batch, PyObject *indexes, PyObject *outcomes)
{
  unsigned char want[256] = {0};
  PyObject *bytes = NULL;
  long long *at;
  oipy_index ix;
  Py_ssize_t k, m = 0, j;
  int other = 0;

  if (!PyTuple_Check(outcomes)) {
    PyErr_SetString(PyExc_TypeError, "outcomes must be a tuple of ints");
    return NULL;
  }
  for (j = 0; j < PyTuple_GET_SIZE(outcomes); j++) {
    long v = PyLong_AsLong(PyTuple_GET_ITEM(outcomes, j));
    if (v == -1 && PyErr_Occurred())
      return NULL;
    if (v >= 0 && v < 256)
      want[v] = 1;
    else
      other = 1;
  }
  if (oipy_index_get(indexes, &ix) < 0)
    return NULL;
  bytes = PyBytes_FromStringAndSize(NULL, ix.n * (Py_ssize_t)sizeof *at);
  if (bytes == NULL)
    goto done;
  at = (long long *)(void *)PyBytes_AS_STRING(bytes);
  for (k = 0; k < ix.n; k++) {
    Py_ssize_t i = oipy_index_at(&ix, k, batch);
    int32_t o;
    int hit = 0;

    if (i < 0) {
      Py_CLEAR(bytes);
      goto done;
    }
    o = batch->recs[i].outcome;
    if (o >= 0 && o < 256)
      hit = want[o];
    else if (other)
      for (j = 0; j < PyTuple_GET_SIZE(outcomes) && !hit; j++)
        hit = PyLong_AsLong(PyTuple_GET_ITEM(outcomes, j)) == (long)o;
    if (hit)
      at[m++] = (long long)i;
  }
  _PyBytes_Resize(&bytes, m * (Py_ssize_t)sizeof *at);
done:
  oipy_index_release(&ix);
  return bytes;
}

/* Bytes the batch holds in C (records, reasons), for the record. */
static PyObject *batch_nbytes(oipy_batch *batch)
{
  return PyLong_FromSize_t(sizeof *batch + batch->capacity * sizeof *batch->recs +
                           batch->reason_capacity * sizeof *batch->reasons);
}

/* ---- lazy messages ---- */

/* Render the message of a Reason the library made, from its fields (code,
 * clause, severity, values, session_id, ref_id), under the policy it was
 * made under. Called once per Reason, by Reason.message when first read. */
static PyObject *reason_message(const oi_policy *policy, PyObject *reason)
{
  static const char *const names[] = {"code", "clause", "severity", "values", "session_id",
                                      "ref_id"};
  PyObject *f[6] = {NULL, NULL, NULL, NULL, NULL, NULL}, *result = NULL;
  oi_reason r;
  size_t i;
  int k;

  memset(&r, 0, sizeof r);
  r.session = -1;
  for (k = 0; k < 6; k++)
    if ((f[k] = PyObject_GetAttrString(reason, names[k])) == NULL)
      goto done;
  {
    long code = PyLong_AsLong(f[0]), severity = PyLong_AsLong(f[2]);
    if (PyErr_Occurred())
      goto done;
    r.code = (oi_reason_code)code;
    r.severity = (oi_severity)severity;
  }
  if (!PyUnicode_Check(f[1])) {
    PyErr_SetString(PyExc_TypeError, "reason.clause must be a str");
    goto done;
  }
  for (k = 0; oipy_clauses != NULL && k < PyTuple_GET_SIZE(oipy_clauses); k++) {
    int eq = PyUnicode_Compare(PyTuple_GET_ITEM(oipy_clauses, k), f[1]);
    if (eq == -1 && PyErr_Occurred())
      goto done;
    if (eq == 0 && PyUnicode_GET_LENGTH(f[1]) > 0) {
      r.clause = (oi_clause)k;
      break;
    }
  }
  if (oipy_tuple(f[3], 4, "reason.values") < 0)
    goto done;
  for (k = 0; k < 4; k++)
    if (oipy_i64(OIPY_ITEM(f[3], k), &r.value[k], "reason.values[]") < 0)
      goto done;
  if (f[4] != Py_None) {
    const char *id;
    size_t index;
    if (oipy_cstr(f[4], 0, &id, "reason.session_id") < 0)
      goto done;
    if (oi_policy_find_session(policy, id, &index, NULL) == OI_OK)
      r.session = (int32_t)index;
  }
  /* The request the reason names (S9), borrowed from the str for the call. */
  if (f[5] != Py_None && oipy_cstr(f[5], 0, &r.ref_id, "reason.ref_id") < 0)
    goto done;
  result = oipy_message(policy, &r);
done:
  for (i = 0; i < 6; i++)
    Py_XDECREF(f[i]);
  return result;
}

/* How many messages were rendered since the module was loaded. */
static unsigned long long messages_rendered(void)
{
  return oipy_rendered;
}

%}
