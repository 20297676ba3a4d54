/*
 * bindings/python/py_dates.c -- dates and moments, both ways:
 * datetime.date, datetime.datetime or ISO text in; datetime.date and
 * datetime.datetime out. <datetime.h> gives each file that includes it a
 * pointer of its own (static) to datetime's C API, which PyDateTime_IMPORT
 * sets: every use of that API is in this file, so that one import
 * (oipy_datetime_import(), from oipy_init()) serves them all.
 *
 * C rather than typemaps, as the rest of the converters (convert.h): code
 * SWIG does not copy into each wrapper, compiled with the project's warning
 * flags and read by the analyzers.
 */
#include "convert_private.h"

#include <datetime.h>
#include <string.h>

int oipy_datetime_import(void)
{
  PyDateTime_IMPORT;
  return PyDateTimeAPI != NULL ? 0 : -1;
}

int oipy_date_at(PyObject *o, oi_date *out, const frame *at)
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
    return oipy_fail(at, 1, OI_EXPECT_DATE,
                     "must be a datetime.date or a str (YYYY-MM-DD), not %s", TYPENAME(o));
  if (oipy_text_at(o, NULL, &s, at) < 0)
    return -1;
  oi_error_clear(&e);
  return oi_date_parse(s, out, &e) == OI_OK ? 0 : oipy_fail_c(at, &e, NULL);
}

int oipy_datetime_at(PyObject *o, oi_datetime *out, const frame *at)
{
  oi_error e;
  const char *s;

  memset(out, 0, sizeof *out);
  if (PyDateTime_Check(o)) {
    /* No zone is implied by the library: an aware moment has no meaning. */
    if (_PyDateTime_HAS_TZINFO(o))
      return oipy_fail(at, 0, OI_EXPECT_DATETIME, "must be a naive datetime (the local time of "
                       "the office that received it), not an aware one");
    out->hour = PyDateTime_DATE_GET_HOUR(o);
    out->minute = PyDateTime_DATE_GET_MINUTE(o);
    out->second = PyDateTime_DATE_GET_SECOND(o);
  }
  if (PyDate_Check(o) || o == Py_None)
    return oipy_date_at(o, &out->date, at);
  if (!PyUnicode_Check(o))
    return oipy_fail(at, 1, OI_EXPECT_DATETIME,
                     "must be a datetime.datetime, a datetime.date or a str "
                     "(YYYY-MM-DDTHH:MM:SS), not %s", TYPENAME(o));
  if (oipy_text_at(o, NULL, &s, at) < 0)
    return -1;
  oi_error_clear(&e);
  return oi_datetime_parse(s, out, &e) == OI_OK ? 0 : oipy_fail_c(at, &e, NULL);
}

int oipy_date(PyObject *o, oi_date *out, const char *path)
{
  const frame root = {NULL, path, -1};
  return oipy_date_at(o, out, &root);
}

int oipy_datetime(PyObject *o, oi_datetime *out, const char *path)
{
  const frame root = {NULL, path, -1};
  return oipy_datetime_at(o, out, &root);
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
    return oipy_fail(&top, 1, OI_EXPECT_ARRAY, "must be a list of dates, not %s", TYPENAME(items));
  }
  n = PyList_GET_SIZE(list);
  days = oipy_arena_alloc(a, (size_t)(n > 0 ? n : 1) * sizeof *days);
  for (i = 0; days != NULL && i < n; i++) {
    const frame el = {&top, NULL, i};
    if (oipy_date_at(PyList_GET_ITEM(list, i), &days[i], &el) < 0)
      break;
  }
  Py_DECREF(list);
  if (days == NULL || i < n)
    return -1;
  *out = days;
  *count = (size_t)n;
  return 0;
}

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
