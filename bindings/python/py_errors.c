/*
 * bindings/python/py_errors.c -- the exceptions the bindings raise: the
 * library's errors, as the class registered for their status, and the
 * values refused by the converters, named by the path of the member the
 * caller wrote ("requests[3].local.district").
 *
 * C rather than typemaps, as the rest of the converters (convert.h): code
 * SWIG does not copy into each wrapper, compiled with the project's warning
 * flags and read by the analyzers.
 */
#include "convert_private.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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
int oipy_fail_c(const frame *at, oi_error *e, PyObject *cls)
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

int oipy_fail(const frame *at, int wrong_type, oi_expect expected, const char *fmt, ...)
{
  oi_error e;
  va_list ap;

  oi_error_clear(&e);
  e.status = OI_EINVAL;
  e.expected = expected;
  va_start(ap, fmt);
  vsnprintf(e.message, sizeof e.message, fmt, ap);
  va_end(ap);
  return oipy_fail_c(at, &e, wrong_type ? wrong_type_class : NULL);
}

int oipy_wrong_type(PyObject *o, const char *expected, const char *path)
{
  const frame root = {NULL, path, -1};

  if (PyErr_Occurred() && !PyErr_ExceptionMatches(PyExc_TypeError))
    return -1;
  PyErr_Clear();
  return oipy_fail(&root, 1, OI_EXPECT_STRING, "must be %s, not %s", expected, TYPENAME(o));
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
