/**
 * @file officerinst.h
 * @brief libofficerinst: the IATSE Officer Institute rules as a pure C API.
 *
 * Include this umbrella header; it includes one header per concern from
 * officerinst/. Every rule cites the clause of the policy it enforces
 * (C, E, P, S, U; see doc/traceability in the source distribution).
 */
#ifndef OFFICERINST_H
#define OFFICERINST_H

#include "officerinst/common.h"
#include "officerinst/version.h"
#include "officerinst/error.h"
#include "officerinst/date.h"
#include "officerinst/types.h"
#include "officerinst/policy.h"
#include "officerinst/rules.h"
#include "officerinst/ledger.h"
#include "officerinst/json.h"
#include "officerinst/vocab.h"
#include "officerinst/requests.h"
#include "officerinst/cost_vocab.h"

#endif /* OFFICERINST_H */
