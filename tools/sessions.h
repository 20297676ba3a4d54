/*
 * tools/sessions.h: the two halves of officerinst sessions.
 */
#ifndef OFFICERINST_SESSIONS_H
#define OFFICERINST_SESSIONS_H

#include <officerinst.h>

#include "cli.h"

/* Print the catalogue of policy in format, with ledger's seats when it is
 * not NULL. 0, or -1 with err (or out of memory when err is empty). */
int sessions_catalogue(const oi_policy *policy, const oi_ledger *ledger, cli_format format,
                       oi_error *err);

#endif /* OFFICERINST_SESSIONS_H */
