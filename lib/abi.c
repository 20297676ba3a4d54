/*
 * The layout versions of the public structures, and the init functions
 * bindings use where the `_INIT` macros cannot reach (doc/abi.md).
 *
 * Each table lists the size of every layout a structure has had. Version 1
 * is the layout of ABI 1 (libofficerinst.so.1); a member added later gives
 * the structure version 2, and the size of version 1 stays here so that a
 * program compiled against the older headers keeps its smaller structure.
 */
#include <stdio.h>
#include <string.h>

#include "officerinst/types.h"
#include "officerinst/policy.h"
#include "officerinst/rules.h"
#include "officerinst/ledger.h"
#include "abi_private.h"
#include "abi_v1.h"
#include "error_private.h"

/* Version 1's size is its frozen copy's (abi_v1.h), not the header's, so
 * that it cannot follow the header by mistake; while the header still
 * says version 1, the two must be the same size, or this does not compile:
 * a member added needs a new version (doc/abi.md, "Growing a structure").
 * The containers of a local and an officer are pinned with them: a new
 * layout of either is a new layout of each container, whose conversion
 * from the old must be written before the versions can change. */
#define LAYOUT(name, init, VERSION)                                                      \
  typedef char oip_v1_size_##name[(VERSION) != 1 ||                                      \
                                          sizeof(oip_v1_##name) == sizeof(oi_##name)     \
                                      ? 1                                                \
                                      : -1];                                             \
  const struct oip_layout oip_layout_##name = { "oi_" #name, #init, VERSION,             \
                                                { sizeof(oip_v1_##name) } }

LAYOUT(local, OI_LOCAL_INIT, OI_LOCAL_VERSION);
LAYOUT(officer, OI_OFFICER_INIT, OI_OFFICER_VERSION);
LAYOUT(application, OI_APPLICATION_INIT, OI_APPLICATION_VERSION);
LAYOUT(subsidy_request, OI_SUBSIDY_REQUEST_INIT, OI_SUBSIDY_REQUEST_VERSION);
LAYOUT(policy_numbers, OI_POLICY_NUMBERS_INIT, OI_POLICY_NUMBERS_VERSION);
LAYOUT(course, OI_COURSE_INIT, OI_COURSE_VERSION);
LAYOUT(session, OI_SESSION_INIT, OI_SESSION_VERSION);
LAYOUT(decision, OI_DECISION_INIT, OI_DECISION_VERSION);
LAYOUT(stay, OI_STAY_INIT, OI_STAY_VERSION);
LAYOUT(cost_split, OI_COST_SPLIT_INIT, OI_COST_SPLIT_VERSION);
LAYOUT(ledger_entry, OI_LEDGER_ENTRY_INIT, OI_LEDGER_ENTRY_VERSION);
LAYOUT(withdrawal, OI_WITHDRAWAL_INIT, OI_WITHDRAWAL_VERSION);
LAYOUT(session_summary, OI_SESSION_SUMMARY_INIT, OI_SESSION_SUMMARY_VERSION);
LAYOUT(event, OI_EVENT_INIT, OI_EVENT_VERSION);

/* The requests and applications hold a local and an officer by value: the
 * layouts a container's version implies are those of this ABI's first
 * headers. Raising any of these four versions means writing the reading of
 * older containers by their old layouts (lib/abi_v1.h) first, and the
 * check that a container's local and officer are of the versions it
 * implies; until then this does not compile. */
typedef char oip_containers_v1[OI_LOCAL_VERSION == 1 && OI_OFFICER_VERSION == 1 &&
                                       OI_APPLICATION_VERSION == 1 &&
                                       OI_SUBSIDY_REQUEST_VERSION == 1
                                   ? 1
                                   : -1];

/* The version is the first member of every versioned structure, so a
 * structure of any version can be told apart by reading it. */
#define FIRST(type) \
  typedef char oip_version_first_##type[offsetof(type, version) == 0 ? 1 : -1]
FIRST(oi_local);
FIRST(oi_officer);
FIRST(oi_application);
FIRST(oi_subsidy_request);
FIRST(oi_policy_numbers);
FIRST(oi_course);
FIRST(oi_session);
FIRST(oi_decision);
FIRST(oi_stay);
FIRST(oi_cost_split);
FIRST(oi_ledger_entry);
FIRST(oi_withdrawal);
FIRST(oi_session_summary);
FIRST(oi_event);

oi_status oip_check_version(const struct oip_layout *l, unsigned version, oi_error *err,
                            const char *prefix, const char *field)
{
  if (oip_known(l, version))
    return OI_OK;
  if (version == 0)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VERSION, prefix, field,
                           "version 0: this %s was not initialised; start it from %s",
                           l->type, l->init);
  /* An uninitialised structure on the stack holds any number: name the
   * likelier cause as well as a program built against later headers. */
  return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VERSION, prefix, field,
                         "version %u of %s is not one this library knows (1..%u): the "
                         "structure was not started from %s, or the program was built "
                         "against newer headers",
                         version, l->type, l->newest, l->init);
}

oi_status oip_check_element_size(const struct oip_layout *l, unsigned version, size_t size,
                                 oi_error *err, const char *what)
{
  if (size >= oip_size(l, version))
    return OI_OK;
  return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_RANGE, NULL, what,
                         "elements %zu bytes apart cannot hold version %u of %s (%zu bytes): "
                         "pass sizeof the array's element",
                         size, version, l->type, oip_size(l, version));
}

void oip_hint_element_size(oi_error *err, size_t i, size_t size, size_t own,
                           const char *what)
{
  size_t n;

  if (err == NULL || i == 0 || size == own)
    return;
  n = strlen(err->message);
  snprintf(err->message + n, sizeof err->message - n,
           "; or %s (%zu) is not the distance between elements (sizeof one: %zu)", what, size,
           own);
}

void oip_write_out(const struct oip_layout *l, void *out, const void *full)
{
  const unsigned version = oip_version_of(out);

  memcpy((char *)out + sizeof version, (const char *)full + sizeof version,
         oip_size(l, version) - sizeof version);
}

/* The init functions: the header's initialiser, written only up to the size
 * of the version asked for. */
/* The name is pasted into the type (oi_##name), not substituted as one, so
 * the macro reads as the functions it makes. */
#define INIT_FN(name, init)                                                              \
  oi_status oi_##name##_init(oi_##name *out, unsigned int version, oi_error *err)        \
  {                                                                                      \
    static const oi_##name fresh = init;                                                 \
    if (out == NULL)                                                                     \
      return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, NULL, "out",               \
                             "a required pointer is NULL");                              \
    if (!oip_known(&oip_layout_##name, version))                                         \
      return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VERSION, NULL, "version",         \
                             "version %u is not a version of %s this library knows "     \
                             "(1..%u): pass %s's version, as the header declares it",    \
                             version, oip_layout_##name.type, oip_layout_##name.newest,  \
                             oip_layout_##name.type);                                    \
    memcpy(out, &fresh, oip_size(&oip_layout_##name, version));                          \
    out->version = version;                                                              \
    return OI_OK;                                                                        \
  }

INIT_FN(local, OI_LOCAL_INIT)
INIT_FN(officer, OI_OFFICER_INIT)
INIT_FN(application, OI_APPLICATION_INIT)
INIT_FN(subsidy_request, OI_SUBSIDY_REQUEST_INIT)
INIT_FN(policy_numbers, OI_POLICY_NUMBERS_INIT)
INIT_FN(course, OI_COURSE_INIT)
INIT_FN(session, OI_SESSION_INIT)
INIT_FN(decision, OI_DECISION_INIT)
INIT_FN(stay, OI_STAY_INIT)
INIT_FN(cost_split, OI_COST_SPLIT_INIT)
INIT_FN(ledger_entry, OI_LEDGER_ENTRY_INIT)
INIT_FN(withdrawal, OI_WITHDRAWAL_INIT)
INIT_FN(session_summary, OI_SESSION_SUMMARY_INIT)
INIT_FN(event, OI_EVENT_INIT)

const oi_reason *oi_decision_reason(const oi_decision *d, size_t index)
{
  if (d == NULL || index >= d->reason_count || index >= OI_DECISION_V1_REASONS)
    return NULL;
  return &d->reasons[index];
}
