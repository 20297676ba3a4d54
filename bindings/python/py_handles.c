/*
 * bindings/python/py_handles.c -- the handles calls are using, so that
 * freeing one while a call runs is refused rather than left to crash.
 *
 * C rather than typemaps, as the rest of the converters (convert.h): code
 * SWIG does not copy into each wrapper, compiled with the project's warning
 * flags and read by the analyzers.
 */
#include "convert_private.h"

#include <stdio.h>

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
      oipy_raise(&e);
      return 1;
    }
  return 0;
}
