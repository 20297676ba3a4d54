/*
 * Private: the layout versions of the public structures (doc/abi.md).
 *
 * Every structure that crosses the API begins with `unsigned int version`.
 * The library knows each layout it has ever declared, by its size: it
 * refuses a version it does not know, reads and writes only the members of
 * the caller's version, and walks arrays by the caller's element size.
 * When a structure grows, its table gains the new size, and the code
 * reading or writing a member added later first checks that the caller's
 * version's size (oip_size()) covers it.
 */
#ifndef OFFICERINST_ABI_PRIVATE_H
#define OFFICERINST_ABI_PRIVATE_H

#include <stddef.h>

#include "officerinst/error.h"

/* Most layout versions one structure may have had. */
#define OIP_LAYOUTS_MAX 4

struct oip_layout {
  const char *type;             /* "oi_local" */
  const char *init;             /* "OI_LOCAL_INIT" */
  unsigned newest;              /* the version these headers declare */
  size_t size[OIP_LAYOUTS_MAX]; /* size[v - 1]: sizeof the layout of version v */
};

extern const struct oip_layout oip_layout_local, oip_layout_officer, oip_layout_application,
    oip_layout_subsidy_request, oip_layout_policy_numbers, oip_layout_course,
    oip_layout_session, oip_layout_decision, oip_layout_stay, oip_layout_cost_split,
    oip_layout_ledger_entry, oip_layout_withdrawal, oip_layout_session_summary,
    oip_layout_event;

/* 1 if version is one the library knows for the layout. */
static inline int oip_known(const struct oip_layout *l, unsigned version)
{
  return version - 1u < l->newest;
}

/* The size of a known version's layout. */
static inline size_t oip_size(const struct oip_layout *l, unsigned version)
{
  return l->size[version - 1u];
}

/* ::OI_EINVAL with ::OI_EXPECT_VERSION naming "prefix.field" unless version
 * is known. */
oi_status oip_check_version(const struct oip_layout *l, unsigned version, oi_error *err,
                            const char *prefix, const char *field);

/* The same for an array's element size: every element's layout must fit in
 * it. */
oi_status oip_check_element_size(const struct oip_layout *l, unsigned version, size_t size,
                                 oi_error *err, const char *what);

/* A bad version in element i > 0 of an array walked by size: the size may
 * be what is wrong (sizeof the array, not of an element), so the message
 * of err (an element's error) says so too, unless size is this library's
 * own sizeof of the element. */
void oip_hint_element_size(oi_error *err, size_t i, size_t size, size_t own,
                           const char *what);

/*
 * Write a result made in the library's own layout (full, of version
 * l->newest) into the caller's out, which holds a known version: the
 * members of that version, and its version unchanged.
 */
void oip_write_out(const struct oip_layout *l, void *out, const void *full);

/* Element i of an array of elements size bytes apart. */
static inline const void *oip_at(const void *base, size_t i, size_t size)
{
  return (const char *)base + i * size;
}

static inline void *oip_at_mut(void *base, size_t i, size_t size)
{
  return (char *)base + i * size;
}

/* The version of a structure, whatever its type: its first member. */
static inline unsigned oip_version_of(const void *s)
{
  return *(const unsigned int *)s;
}

#endif
