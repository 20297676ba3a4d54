/**
 * @file officerinst/json.h
 * @brief Policy documents and ledger snapshots in JSON.
 *
 * A policy document states a year's courses, sessions, prior sites and
 * numbers, so a new year needs no recompiling (doc/policy-format.md gives the
 * format with a complete example). A ledger snapshot holds a ledger's whole
 * history, names the policy it was made under (id and digest) and loads only
 * against that policy.
 *
 * Loading validates everything: a document that is not well-formed is
 * ::OI_EPARSE, one that is well-formed but wrong (an unknown field, a wrong
 * type, a missing field, a cross-check that fails) is ::OI_ESCHEMA, one past
 * a limit is ::OI_ELIMIT. The error gives the line and column, the path of
 * the field ("sessions[2].first_day"), what was expected and what was found.
 * A failed load creates nothing and changes nothing. Every limit, here and
 * in the other headers, and what happens past it: doc/guarantees.md,
 * "Limits". What a save writes always loads back.
 *
 * Saving to a file is atomic: the text goes to a temporary file in the same
 * directory, which is flushed, synced and renamed over the target, and the
 * directory is synced; a crash leaves the old file or the new one, never a
 * torn one. A new file is created with mode 0600 (snapshots name people); a
 * replaced file keeps its permission bits (0777), never a set-user-id,
 * set-group-id or sticky bit. Only a regular file is ever replaced: a path
 * that is a directory, a device, a FIFO, a socket, or a symbolic link to
 * anything but a regular file, is ::OI_EIO and is left as it is. Loading
 * opens only a regular file (or a link to one): anything else is ::OI_EIO at
 * once, and loading never waits on a FIFO.
 */
#ifndef OFFICERINST_JSON_H
#define OFFICERINST_JSON_H

#include "common.h"
#include "error.h"
#include "policy.h"
#include "ledger.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup oi_json JSON documents
 *  @{ */

/** Largest policy document accepted, in bytes: more than the largest
 *  oi_policy_to_json() writes (::OI_POLICY_ITEMS_MAX courses, sessions of
 *  ::OI_SESSION_COURSES_MAX courses and prior sites, every string at its
 *  longest and escaped, under 1.9 MB), so every policy saved loads. */
#define OI_POLICY_DOCUMENT_MAX ((size_t)2 << 20)
/** Most events a snapshot holds: a request is entered and decided, and may
 *  then be promoted (S10) and withdrawn, no more. */
#define OI_SNAPSHOT_EVENTS_MAX ((size_t)4 * OI_LEDGER_REQUESTS_MAX)
/** Largest ledger snapshot accepted, in bytes: its head, and
 *  ::OI_LEDGER_REQUESTS_MAX requests and ::OI_SNAPSHOT_EVENTS_MAX events of
 *  ::OI_DOCUMENT_ELEMENT_MAX bytes each, one a line. Every snapshot a ledger
 *  writes is within it, so every ledger saved loads. It is not what bounds
 *  the cost of a load (::OI_DOCUMENT_ELEMENT_MAX is); where size_t cannot
 *  count that far, SIZE_MAX. */
/* (64 * 1024 + 2 is OI_DOCUMENT_ELEMENT_MAX and a line's ",\n", which #if
 * cannot read from a size_t expression.) */
#if SIZE_MAX / (64 * 1024 + 2) > 5 * OI_LEDGER_REQUESTS_MAX + 1
#define OI_SNAPSHOT_DOCUMENT_MAX \
  (((size_t)OI_DOCUMENT_ELEMENT_MAX + 2) * \
   ((size_t)1 + OI_LEDGER_REQUESTS_MAX + OI_SNAPSHOT_EVENTS_MAX))
#else
#define OI_SNAPSHOT_DOCUMENT_MAX SIZE_MAX
#endif
/** Deepest nesting of arrays and objects accepted in either document. */
#define OI_DOCUMENT_DEPTH_MAX 16
/** Longest string accepted anywhere in a document, in bytes (fields have
 *  their own, smaller limits: ::OI_ID_MAX, ::OI_NAME_MAX). */
#define OI_DOCUMENT_STRING_MAX 1024
/** Most bytes of one element of an array at the top of a document (a
 *  course, a session, a request, an event), and of all the root object's
 *  members that are not arrays, together. A document is parsed one such
 *  value at a time, so loading it costs its text, what is built from it,
 *  and a bounded amount more, whatever the text holds. */
#define OI_DOCUMENT_ELEMENT_MAX ((size_t)64 << 10)
/** Most members of a document's root object. */
#define OI_DOCUMENT_MEMBERS_MAX 32

/**
 * Free memory the library returned through a `char **` (a JSON text).
 * NULL is a no-op.
 */
OI_EXTERN void oi_free(void *ptr);

/**
 * Load a policy from a JSON text.
 * @param text    borrowed; @p length bytes, need not be NUL-terminated.
 * @param out     receives a new policy the caller frees with oi_policy_free();
 *                written only on success.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_EPARSE, ::OI_ESCHEMA, ::OI_ELIMIT, ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_policy_from_json(const char *text, size_t length, oi_policy **out,
                                        oi_error *err);

/**
 * Load a policy from a file, as oi_policy_from_json().
 * @param path  borrowed.
 * @return also ::OI_EIO when the file cannot be read.
 */
OI_EXTERN oi_status oi_policy_load(const char *path, oi_policy **out, oi_error *err);

/**
 * Write a policy as a JSON document that loads back to a policy with the
 * same digest.
 * @param out         receives a NUL-terminated text the caller frees with oi_free().
 * @param length_out  caller-owned, may be NULL; the text's length.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_policy_to_json(const oi_policy *policy, char **out, size_t *length_out,
                                      oi_error *err);

/**
 * Write a policy document to a file, atomically.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOMEM, ::OI_EIO.
 */
OI_EXTERN oi_status oi_policy_save(const oi_policy *policy, const char *path, oi_error *err);

/**
 * Write a ledger's whole state as a snapshot: every request in entry order,
 * the audit trail, the policy's id and digest.
 * @param out         receives a NUL-terminated text the caller frees with oi_free().
 * @param length_out  caller-owned, may be NULL.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_ledger_to_json(const oi_ledger *ledger, char **out, size_t *length_out,
                                      oi_error *err);

/**
 * Restore a ledger from a snapshot. The ledger is rebuilt by replaying the
 * recorded history under @p policy and every recorded decision is checked
 * against the replay, so the result answers every query and every next
 * request exactly as the saved ledger did.
 * @param policy  borrowed; must be the policy the snapshot was made under
 *                (same id and digest) and must outlive the ledger.
 * @param out     receives a new ledger the caller frees with oi_ledger_free().
 * @return ::OI_OK, ::OI_EINVAL, ::OI_EPARSE, ::OI_ESCHEMA, ::OI_ELIMIT,
 *         ::OI_EMISMATCH (another policy), ::OI_ENOMEM.
 */
OI_EXTERN oi_status oi_ledger_from_json(const oi_policy *policy, const char *text,
                                        size_t length, oi_ledger **out, oi_error *err);

/**
 * Save a snapshot to a file, atomically.
 * @return ::OI_OK, ::OI_EINVAL, ::OI_ENOMEM, ::OI_EIO.
 */
OI_EXTERN oi_status oi_ledger_save(const oi_ledger *ledger, const char *path, oi_error *err);

/**
 * Load a snapshot from a file, as oi_ledger_from_json().
 * @return also ::OI_EIO when the file cannot be read.
 */
OI_EXTERN oi_status oi_ledger_load(const oi_policy *policy, const char *path, oi_ledger **out,
                                   oi_error *err);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* OFFICERINST_JSON_H */
