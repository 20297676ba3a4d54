/*
 * bindings/python/c_to_py.c -- the library's structs to Python: a tuple of
 * the members, in the table's order (the package's classes read them by
 * position, oipy_fields()), copied, so that nothing in Python points into
 * memory the library may free; and the entries of a listing.
 *
 * C rather than typemaps, as the rest of the converters (convert.h): code
 * SWIG does not copy into each wrapper, compiled with the project's warning
 * flags and read by the analyzers.
 */
#include "convert_private.h"

#include <stdlib.h>
#include <string.h>

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

/* A decision's reasons, read with the library's accessor, which knows how
 * many the decision's layout holds. */
static PyObject *reasons_out(const oi_decision *d, const oipy_type *sub)
{
  PyObject *t = PyTuple_New((Py_ssize_t)d->reason_count), *o;
  const oi_reason *r;
  size_t i;

  for (i = 0; t != NULL && i < d->reason_count; i++) {
    if ((r = oi_decision_reason(d, i)) == NULL) {
      Py_DECREF(t);
      return PyErr_Format(PyExc_SystemError, "a decision of %zu reasons has no reason %zu",
                          d->reason_count, i);
    }
    if ((o = oipy_out(r, sub)) == NULL) {
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

  if (f->kind == K_ARRAY || f->kind == K_STRS ||
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
  case K_REASONS:
    return reasons_out((const oi_decision *)(const void *)base, f->sub);
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

oi_ledger_entry *oipy_entries(size_t capacity)
{
  oi_ledger_entry *items;
  size_t i;

  if (capacity > ((size_t)PY_SSIZE_T_MAX) / sizeof *items ||
      (items = malloc(capacity * sizeof *items)) == NULL) {
    PyErr_NoMemory();
    return NULL;
  }
  /* The library checks every element's version before it writes any. */
  for (i = 0; i < capacity; i++)
    items[i] = (oi_ledger_entry)OI_LEDGER_ENTRY_INIT;
  return items;
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
