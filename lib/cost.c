/*
 * E2 and S7: who pays for attending.
 *
 * The International pays program and instructors; the local pays
 * transportation and per diem, always (S7); the hotel is the local's except
 * the nights a subsidy awarded, which the subsidy pays to the hotel (S3).
 */
#include <stdint.h>

#include "officerinst/rules.h"
#include "policy_private.h"
#include "error_private.h"
#include "abi_private.h"

oi_status oi_cost_split_compute(const oi_policy *p, const oi_stay *stay, oi_cost_split *out,
                                oi_error *err)
{
  int subsidy_nights, local_nights;

  if (p == NULL || stay == NULL || out == NULL)
    return oip_fail(err, OI_EINVAL, NULL,
                    p == NULL ? "policy" : stay == NULL ? "stay" : "out",
                    "a required pointer is NULL");
  if (oip_check_version(&oip_layout_cost_split, out->version, err, "out", "version") != OI_OK ||
      oip_check_version(&oip_layout_stay, stay->version, err, "stay", "version") != OI_OK)
    return OI_EINVAL;
  if (stay->nights < 0)
    return oip_fail(err, OI_EINVAL, "stay", "nights", "%d nights stayed is negative",
                    stay->nights);
  if (stay->nights_awarded < 0 || stay->nights_awarded > p->numbers.max_nights)
    return oip_fail(err, OI_EINVAL, "stay", "nights_awarded",
                    "%d nights awarded is outside 0..%d (S3)", stay->nights_awarded,
                    p->numbers.max_nights);
  if (stay->nightly_rate_cents < 0)
    return oip_fail(err, OI_EINVAL, "stay", "nightly_rate_cents",
                    "a nightly rate of %lld cents is negative",
                    (long long)stay->nightly_rate_cents);

  subsidy_nights = stay->nights_awarded < stay->nights ? stay->nights_awarded : stay->nights;
  local_nights = stay->nights - subsidy_nights;
  if ((subsidy_nights > 0 && stay->nightly_rate_cents > INT64_MAX / subsidy_nights) ||
      (local_nights > 0 && stay->nightly_rate_cents > INT64_MAX / local_nights))
    return oip_fail(err, OI_ELIMIT, "stay", "nightly_rate_cents",
                    "%lld cents a night over %d nights overflows",
                    (long long)stay->nightly_rate_cents, stay->nights);

  out->payer[OI_COST_PROGRAM] = OI_PAYER_INTERNATIONAL;
  out->payer[OI_COST_INSTRUCTORS] = OI_PAYER_INTERNATIONAL;
  out->payer[OI_COST_TRANSPORTATION] = OI_PAYER_LOCAL;
  out->payer[OI_COST_PER_DIEM] = OI_PAYER_LOCAL;
  out->payer[OI_COST_HOTEL] = subsidy_nights > 0 ? OI_PAYER_SUBSIDY : OI_PAYER_LOCAL;
  out->subsidy_nights = subsidy_nights;
  out->local_nights = local_nights;
  out->subsidy_hotel_cents = stay->nightly_rate_cents * subsidy_nights;
  out->local_hotel_cents = stay->nightly_rate_cents * local_nights;
  return OI_OK;
}
