/*
 * bindings/python/py_batch.c -- batches: requests converted once, which
 * batch calls may decide many times, and the decisions of one batch call,
 * kept in memory of the batch's own so that they outlive the ledger that
 * decided them.
 *
 * C rather than typemaps, as the rest of the converters (convert.h): code
 * SWIG does not copy into each wrapper, compiled with the project's warning
 * flags and read by the analyzers.
 */
#include "convert_private.h"

#include <stdlib.h>
#include <string.h>

/* ---- requests converted once --------------------------------------------- */

int oipy_requests_fill(oipy_requests *r, PyObject *items)
{
  const frame top = {NULL, "requests", -1};
  void *reqs = NULL;
  size_t n = 0;

  if (oipy_array_at(items, sizeof(oi_subsidy_request), &r->arena, &reqs, &n, &top,
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

/* ---- batches of decisions ---------------------------------------------------- */

static oipy_decisions *oipy_decisions_new(size_t count)
{
  oipy_decisions *d;

  if (count > (((size_t)PY_SSIZE_T_MAX) - sizeof *d) / sizeof(oi_decision)) {
    PyErr_NoMemory();
    return NULL;
  }
  /* Not cleared: the batch call sets each decision's version
   * (oipy_decisions_ready()) and the library writes the rest. */
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

void oipy_decisions_ready(oipy_decisions *d)
{
  size_t i;

  /* The version alone: the library writes every other member of the
   * layout, and OI_DECISION_INIT would clear the reasons' storage, most of
   * each decision, for nothing. */
  for (i = 0; i < d->count; i++)
    d->d[i].version = OI_DECISION_VERSION;
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
    for (k = 0; k < d->d[i].reason_count && k < OI_DECISION_V1_REASONS; k++) {
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
