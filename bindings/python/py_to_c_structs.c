/*
 * bindings/python/py_to_c_structs.c -- Python objects (attributes) and
 * dicts (keys) to the library's structs, member by member, by the tables of
 * convert.c; lists of them into arrays. A key the struct does not have is
 * refused, so that a typo does not pass for a member left unset; every rule
 * of the policy is the library's.
 *
 * C rather than typemaps, as the rest of the converters (convert.h): code
 * SWIG does not copy into each wrapper, compiled with the project's warning
 * flags and read by the analyzers.
 */
#include "convert_private.h"

#include <limits.h>
#include <string.h>

static int struct_at(PyObject *o, const oipy_type *t, void *out, oipy_arena *a, const frame *at);

/* A list of what `each` converts, into an array of `size`-byte items. */
int oipy_array_at(PyObject *v, size_t size, oipy_arena *a, void **items, size_t *count,
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
    return oipy_fail(at, 1, OI_EXPECT_ARRAY, "must be a list (any iterable), not %s", TYPENAME(v));
  }
  n = PyList_GET_SIZE(list);
  arr = oipy_arena_alloc(a, (size_t)(n > 0 ? n : 1) * size);
  for (i = 0; arr != NULL && st == 0 && i < n; i++) {
    const frame el = {at, NULL, i};
    PyObject *item = PyList_GET_ITEM(list, i);
    void *slot = arr + (size_t)i * size;
    st = sub != NULL ? struct_at(item, sub, slot, a, &el) : oipy_text_at(item, a, slot, &el);
  }
  Py_DECREF(list);
  if (arr == NULL || st < 0)
    return -1;
  *items = arr;
  *count = (size_t)n;
  return 0;
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
    return oipy_text_at(v, a, (const char **)(void *)p, at);
  case K_INT:
  case K_FLAG:
    if (f->kind == K_FLAG && PyBool_Check(v))
      e = v == Py_True;
    else if (oipy_int_at(v, INT_MIN, INT_MAX, &x, at) < 0)
      return -1;
    else
      e = (int)x;
    memcpy(p, &e, sizeof e);
    return 0;
  case K_I32:
    if (oipy_int_at(v, INT32_MIN, INT32_MAX, &x, at) < 0)
      return -1;
    i32 = (int32_t)x;
    memcpy(p, &i32, sizeof i32);
    return 0;
  case K_U32:
    if (oipy_int_at(v, 0, UINT32_MAX, &x, at) < 0)
      return -1;
    u32 = (uint32_t)x;
    memcpy(p, &u32, sizeof u32);
    return 0;
  case K_OWN:
    known = v != Py_None;
    memcpy(base + f->aux, &known, sizeof known);
    if (!known)
      return 0;
    if (oipy_int_at(v, INT_MIN, INT_MAX, &x, at) < 0)
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
    if (oipy_cents_at(v, &i64, at) < 0)
      return -1;
    memcpy(p, &i64, sizeof i64);
    return 0;
  case K_DATE:
    return oipy_date_at(v, (oi_date *)(void *)p, at);
  case K_MOMENT:
    return oipy_datetime_at(v, (oi_datetime *)(void *)p, at);
  case K_ENUM:
    if (oipy_enum_at(v, f->parse, &e, at) < 0)
      return -1;
    memcpy(p, &e, sizeof e);
    return 0;
  case K_MASK:
    return oipy_mask_at(v, (unsigned *)(void *)p, at);
  case K_STRUCT:
    return struct_at(v, f->sub, p, a, at);
  case K_ARRAY:
    return oipy_array_at(v, f->sub->size, a, (void **)(void *)p,
                         (size_t *)(void *)(base + f->aux), at, f->sub);
  case K_STRS:
    return oipy_array_at(v, sizeof(const char *), a, (void **)(void *)p,
                         (size_t *)(void *)(base + f->aux), at, NULL);
  case K_VALUES: {
    PyObject *list = PySequence_List(v);
    Py_ssize_t i;
    if (list == NULL || PyList_GET_SIZE(list) != 4) {
      Py_XDECREF(list);
      PyErr_Clear();
      return oipy_fail(at, 1, OI_EXPECT_ARRAY, "must be four ints, not %s", TYPENAME(v));
    }
    for (i = 0; i < 4; i++) {
      const frame el = {at, NULL, i};
      if (oipy_int_at(PyList_GET_ITEM(list, i), LLONG_MIN, LLONG_MAX, &x, &el) < 0)
        break;
      i64 = (int64_t)x;
      memcpy(p + (size_t)i * sizeof i64, &i64, sizeof i64);
    }
    Py_DECREF(list);
    return i == 4 ? 0 : -1;
  }
  default:
    return oipy_fail(at, 0, OI_EXPECT_NONE, "is not read from Python");
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

  /* Every member unset, and the layout version of the struct (and of the
   * structs it holds) the library reads it by. */
  if (t->init != NULL)
    memcpy(out, t->init, t->size);
  else
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
      return oipy_fail(at, 1, OI_EXPECT_OBJECT, "must be %s or a dict, not %s", t->python,
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
          return oipy_fail(at, 1, OI_EXPECT_FIELD, "has a key that is not a str");
        }
        return oipy_fail(at, 0, OI_EXPECT_FIELD,
                         "has no member \"%.60s\" (%s has no such field)", name, t->python);
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
