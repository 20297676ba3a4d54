/*
 * The names of the cost split's items and payers (E2, S7): the one table
 * of each, read by the programs that write or check a split.
 */
#include <stddef.h>

#include "officerinst/cost_vocab.h"

const char *oi_cost_item_name(oi_cost_item item)
{
  static const char *const names[OI_COST_ITEM_COUNT] = {
    [OI_COST_PROGRAM] = "program",
    [OI_COST_INSTRUCTORS] = "instructors",
    [OI_COST_TRANSPORTATION] = "transportation",
    [OI_COST_PER_DIEM] = "per_diem",
    [OI_COST_HOTEL] = "hotel",
  };

  if ((unsigned)item >= OI_COST_ITEM_COUNT)
    return NULL;
  return names[item];
}

const char *oi_payer_name(oi_payer payer)
{
  switch (payer) {
  case OI_PAYER_INTERNATIONAL:
    return "international";
  case OI_PAYER_LOCAL:
    return "local";
  case OI_PAYER_SUBSIDY:
    return "subsidy";
  }
  return NULL;
}
