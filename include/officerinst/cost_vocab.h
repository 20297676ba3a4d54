/**
 * @file officerinst/cost_vocab.h
 * @brief The names of the items of the cost of attending and of who pays
 *        them (E2, S7), as documents, messages and test cases write them.
 *
 * The names are those of the other values' (vocab.h): lower case, words
 * joined by an underscore. Both functions are reentrant.
 */
#ifndef OFFICERINST_COST_VOCAB_H
#define OFFICERINST_COST_VOCAB_H

#include "common.h"
#include "rules.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup oi_cost_vocab Names of the cost split
 *  @{ */

/** @return "program", "instructors", "transportation", "per_diem" or
 *  "hotel", or NULL for a value that is not a cost item. */
OI_EXTERN const char *oi_cost_item_name(oi_cost_item item);

/** @return "international", "local" or "subsidy", or NULL for a value that
 *  is not a payer. */
OI_EXTERN const char *oi_payer_name(oi_payer payer);

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* OFFICERINST_COST_VOCAB_H */
