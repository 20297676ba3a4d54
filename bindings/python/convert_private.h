/*
 * bindings/python/convert_private.h -- what the parts of the converters
 * share and the SWIG interface does not see (it includes convert.h alone):
 * the tables' shape, the path of a member being converted, and the
 * converters of one value that the struct walk, the dates and the batches
 * call across files. C, as the rest of the converters (convert.h says why).
 *
 * The parts:
 *   convert.c            the arena, the tables of the structs, oipy_init()
 *   py_errors.c          exceptions of failed calls and of values refused here
 *   py_handles.c         handles in use by a call, which may not be freed
 *   py_dates.c           dates and moments, both ways
 *   py_to_c_values.c     one Python value to one C member or argument
 *   py_to_c_structs.c    Python objects and dicts to structs, by the tables
 *   c_to_py.c            structs to Python tuples, by the tables
 *   py_batch.c           requests converted once; the decisions of batches
 */
#ifndef OIPY_CONVERT_PRIVATE_H
#define OIPY_CONVERT_PRIVATE_H

#include "convert.h"

/* Enumerations are written as int (the library's enums are int-sized). */
typedef char oipy_enums_are_ints[sizeof(oi_country) == sizeof(int) &&
                                 sizeof(oi_payer) == sizeof(int) ? 1 : -1];

/* ---- the tables ---------------------------------------------------------- */

enum {
  K_STR, K_INT, K_I32, K_U32, K_I64, K_U64, K_SIZE, K_CENTS, K_RECEIPTS, K_OWN, K_FLAG, K_DATE,
  K_MOMENT, K_ENUM, K_MASK, K_STRUCT, K_ARRAY, K_REASONS, K_STRS, K_INLINE_STRS, K_VALUES,
  K_INTS
};
/* Which parse function reads an enumeration's name. */
enum { E_NONE, E_COUNTRY, E_LM_FORM, E_OFFICE, E_KIND, E_OUTCOME, E_CLAUSE, E_CODE, E_SEVERITY };

typedef struct oipy_field {
  const char *name; /* the Python attribute (and a dict key) */
  const char *doc;  /* the documents' name, another dict key, or NULL */
  unsigned char kind, parse;
  size_t off;       /* of the member */
  size_t aux;       /* K_ARRAY, K_STRS, K_INLINE_STRS: offset of the count;
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
  const void *init;   /* what a struct read from Python starts as: its _INIT
                         (its layout version set), or NULL for all zeroes */
};

/* ---- the path of a member ------------------------------------------------ */

/* Where a conversion is: a chain of frames on the C stack, formatted only
 * when it fails ("requests[3].local.district"). */
typedef struct frame {
  const struct frame *up;
  const char *name;  /* NULL for an element of the array above */
  Py_ssize_t index;  /* the element's index */
} frame;

#define TYPENAME(o) (Py_TYPE(o)->tp_name)

/* Raise the error of the member at `at` (py_errors.c): e's path, element
 * index and field are set from the frames; cls NULL is the status's class.
 * -1 always. */
int oipy_fail_c(const frame *at, oi_error *e, PyObject *cls);
/* The same for a value refused here (OI_EINVAL), of WrongType's class when
 * wrong_type is set. -1 always. */
int oipy_fail(const frame *at, int wrong_type, oi_expect expected, const char *fmt, ...);

/* ---- one value, Python to C (py_to_c_values.c, py_dates.c) --------------- */

/* Each: 0, or -1 with an exception set naming the member at `at`. */
int oipy_text_at(PyObject *o, oipy_arena *a, const char **out, const frame *at);
int oipy_int_at(PyObject *v, long long lo, long long hi, long long *out, const frame *at);
int oipy_enum_at(PyObject *v, int which, int *out, const frame *at);
int oipy_cents_at(PyObject *v, int64_t *out, const frame *at);
int oipy_mask_at(PyObject *v, unsigned *out, const frame *at);
int oipy_date_at(PyObject *o, oi_date *out, const frame *at);
int oipy_datetime_at(PyObject *o, oi_datetime *out, const frame *at);
/* datetime's C API, for the one file that uses it (oipy_init()). */
int oipy_datetime_import(void);

/* ---- structs, Python to C (py_to_c_structs.c) ---------------------------- */

/* A list of structs of `sub` (or of str, sub NULL) into the arena. */
int oipy_array_at(PyObject *v, size_t size, oipy_arena *a, void **items, size_t *count,
                  const frame *at, const oipy_type *sub);

#endif /* OIPY_CONVERT_PRIVATE_H */
