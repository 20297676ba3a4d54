/*
 * bindings/python/py_to_c_values.c -- one Python value to one C member or
 * argument: text, integers within their C type, enumerations by value or
 * name, money, a set of countries; and the arguments of the documents'
 * functions (a document's text, a row of fields). Nothing here judges a
 * value: a district of 14 goes to the library, which refuses it and names
 * the member; only what a C member cannot hold is refused here.
 *
 * C rather than typemaps, as the rest of the converters (convert.h): code
 * SWIG does not copy into each wrapper, compiled with the project's warning
 * flags and read by the analyzers.
 */
#include "convert_private.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

int oipy_text_at(PyObject *o, oipy_arena *a, const char **out, const frame *at)
{
  Py_ssize_t n;
  const char *s;
  char *copy;

  if (o == Py_None) {
    *out = NULL;
    return 0;
  }
  if (!PyUnicode_Check(o))
    return oipy_fail(at, 1, OI_EXPECT_STRING, "must be a str, not %s", TYPENAME(o));
  s = PyUnicode_AsUTF8AndSize(o, &n);
  if (s == NULL) {
    if (!PyErr_ExceptionMatches(PyExc_UnicodeEncodeError))
      return -1;
    PyErr_Clear();
    return oipy_fail(at, 0, OI_EXPECT_STRING, "is not valid text (it holds a lone surrogate)");
  }
  if (memchr(s, '\0', (size_t)n) != NULL)
    return oipy_fail(at, 0, OI_EXPECT_STRING, "contains a NUL character");
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
  return oipy_text_at(o, a, out, &root);
}

int oipy_int_at(PyObject *v, long long lo, long long hi, long long *out, const frame *at)
{
  int overflow = 0;
  long long x = 0;

  if (!PyLong_Check(v) || PyBool_Check(v))
    return oipy_fail(at, 1, OI_EXPECT_INTEGER, "must be an int, not %s", TYPENAME(v));
  x = PyLong_AsLongLongAndOverflow(v, &overflow);
  if (x == -1 && PyErr_Occurred())
    return -1;
  if (overflow != 0 || x < lo || x > hi)
    return oipy_fail(at, 0, OI_EXPECT_RANGE, "%s is outside %lld..%lld, what its C type holds",
                     overflow != 0 ? "the number" : "the value", lo, hi);
  *out = x;
  return 0;
}

int oipy_integer(PyObject *o, long long lo, long long hi, long long *out, const char *path)
{
  const frame root = {NULL, path, -1};
  return oipy_int_at(o, lo, hi, out, &root);
}

/* The enumerations' names in Python, by the parse function of each (E_*). */
static const char *const enum_names[] = {"int", "Country", "LmForm", "Office", "CourseKind",
                                         "Outcome", "Clause", "ReasonCode", "Severity"};

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
int oipy_enum_at(PyObject *v, int which, int *out, const frame *at)
{
  long long x = 0;
  oi_error e;

  if (PyUnicode_Check(v)) {
    const char *s;
    if (oipy_text_at(v, NULL, &s, at) < 0)
      return -1;
    oi_error_clear(&e);
    return parse_enum(which, s, out, &e) == OI_OK ? 0 : oipy_fail_c(at, &e, NULL);
  }
  if (!PyLong_Check(v) || PyBool_Check(v))
    return oipy_fail(at, 1, OI_EXPECT_VALUE, "must be a %s or its name, not %s",
                     enum_names[which], TYPENAME(v));
  if (oipy_int_at(v, INT_MIN, INT_MAX, &x, at) < 0)
    return -1;
  *out = (int)x;
  return 0;
}

/* Whole cents, or an amount written in dollars (oi_money_parse()). */
int oipy_cents_at(PyObject *v, int64_t *out, const frame *at)
{
  long long x = 0;
  oi_error e;

  if (PyUnicode_Check(v)) {
    const char *s;
    if (oipy_text_at(v, NULL, &s, at) < 0)
      return -1;
    oi_error_clear(&e);
    return oi_money_parse(s, out, &e) == OI_OK ? 0 : oipy_fail_c(at, &e, NULL);
  }
  if (!PyLong_Check(v) || PyBool_Check(v))
    return oipy_fail(at, 1, OI_EXPECT_MONEY,
                     "must be an int (cents) or an amount as a str, not %s", TYPENAME(v));
  if (oipy_int_at(v, LLONG_MIN, LLONG_MAX, &x, at) < 0)
    return -1;
  *out = (int64_t)x;
  return 0;
}

int oipy_mask_at(PyObject *v, unsigned *out, const frame *at)
{
  PyObject *items;
  Py_ssize_t i, n;
  unsigned mask = 0;
  long long x = 0;
  int c, st = 0;

  if (PyLong_Check(v) && !PyBool_Check(v)) {
    if (oipy_int_at(v, 0, UINT_MAX, &x, at) < 0)
      return -1;
    *out = (unsigned)x;
    return 0;
  }
  items = PyUnicode_Check(v) ? PyTuple_Pack(1, v) : PySequence_Tuple(v);
  if (items == NULL) {
    if (!PyErr_ExceptionMatches(PyExc_TypeError))
      return -1;
    PyErr_Clear();
    return oipy_fail(at, 1, OI_EXPECT_ARRAY, "must be a set of Country, not %s", TYPENAME(v));
  }
  n = PyTuple_GET_SIZE(items);
  for (i = 0; st == 0 && i < n; i++) {
    const frame el = {at, NULL, i};
    st = oipy_enum_at(PyTuple_GET_ITEM(items, i), E_COUNTRY, &c, &el);
    if (st == 0 && (c < 0 || c >= (int)(sizeof mask * CHAR_BIT)))
      st = oipy_fail(&el, 0, OI_EXPECT_COUNTRY, "%d has no bit in a countries mask", c);
    if (st == 0)
      mask |= OI_COUNTRY_BIT(c);
  }
  Py_DECREF(items);
  if (st == 0)
    *out = mask;
  return st;
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
