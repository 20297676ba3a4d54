/*
 * The built-in 2017 policy: the table of sessions of doc/policy.md, the prior
 * sites of P1 and the numbers of S2-S6, assembled through the public builder
 * so that it passes exactly the checks any other policy passes. Every session
 * has the policy's ten seats (S4: none sets its own).
 */
#include <stddef.h>

#include "officerinst/policy.h"
#include "error_private.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const oi_policy_numbers numbers_2017 = {
  OI_POLICY_NUMBERS_VERSION,
  2017,       /* U3: the policy year */
  10,         /* S4: ten subsidies per 1.0 session */
  2,          /* S5: two officers per local per calendar year */
  6,          /* S6: received at least six weeks before the first day */
  5,          /* S3: up to five nights */
  25000000    /* S2: Canadian receipts below $250,000.00 */
};

static const oi_course courses_2017[] = {
  { OI_COURSE_VERSION, "OI-1.0", "Officer Institute 1.0", OI_COURSE_INSTITUTE },
  { OI_COURSE_VERSION, "ORG-2.0", "Advanced Organizing 2.0", OI_COURSE_ADVANCED_ORGANIZING },
  { OI_COURSE_VERSION, "ST-2.0", "Advanced Secretary Treasurer 2.0",
    OI_COURSE_ADVANCED_SECRETARY_TREASURER },
};

static const char *const institute[] = { "OI-1.0" };
/* Reading: the page lists the 2.0 dates without naming a course, so both 2.0
 * courses are given at both 2.0 sessions. */
static const char *const advanced[] = { "ORG-2.0", "ST-2.0" };

#define US OI_COUNTRY_BIT(OI_COUNTRY_US)
#define US_CA (OI_COUNTRY_BIT(OI_COUNTRY_US) | OI_COUNTRY_BIT(OI_COUNTRY_CA))

/* Reading: only Orlando is marked "U.S. AND CANADIAN LOCALS"; the other 1.0
 * sessions admit U.S. locals only. The 2.0 courses are "customized for both
 * Canadian and U.S. leaders". The page names no hotel: the designated IATSE
 * hotel of each session is named by its place. */
static const oi_session sessions_2017[] = {
  { OI_SESSION_VERSION, "OI-2017-MD", "Linthicum Heights, MD", "Designated IATSE hotel, Linthicum Heights, MD",
    { 2017, 2, 13 }, { 2017, 2, 17 }, US, institute, COUNT(institute), 0, 0 },
  { OI_SESSION_VERSION, "OI-2017-CO", "Denver, CO", "Designated IATSE hotel, Denver, CO",
    { 2017, 5, 8 }, { 2017, 5, 12 }, US, institute, COUNT(institute), 0, 0 },
  { OI_SESSION_VERSION, "OI-2017-FL", "Orlando, FL", "Designated IATSE hotel, Orlando, FL",
    { 2017, 10, 16 }, { 2017, 10, 20 }, US_CA, institute, COUNT(institute), 0, 0 },
  { OI_SESSION_VERSION, "ADV-2017-MD", "Linthicum Heights, MD", NULL,
    { 2017, 2, 22 }, { 2017, 2, 24 }, US_CA, advanced, COUNT(advanced), 0, 0 },
  { OI_SESSION_VERSION, "ADV-2017-CA", "Los Angeles, CA", NULL,
    { 2017, 11, 29 }, { 2017, 12, 1 }, US_CA, advanced, COUNT(advanced), 0, 0 },
};

/* P1: the page's record of prior sites. */
static const char *const prior_sites_2017[] = {
  "Philadelphia", "Chicago", "Los Angeles", "Calgary", "New York City", "Atlanta",
  "Las Vegas", "Toronto", "Cambridge", "Austin", "Vancouver",
};

static oi_status build_2017(oi_policy **out, oi_error *err)
{
  oi_policy_builder *b = NULL;
  oi_status st;
  size_t i;

  st = oi_policy_builder_new(&b, "iatse-officer-institute-2017", &numbers_2017, err);
  for (i = 0; st == OI_OK && i < COUNT(courses_2017); i++)
    st = oi_policy_builder_add_course(b, &courses_2017[i], err);
  for (i = 0; st == OI_OK && i < COUNT(sessions_2017); i++)
    st = oi_policy_builder_add_session(b, &sessions_2017[i], err);
  for (i = 0; st == OI_OK && i < COUNT(prior_sites_2017); i++)
    st = oi_policy_builder_add_prior_site(b, prior_sites_2017[i], err);
  if (st == OI_OK)
    st = oi_policy_builder_build(b, out, err);
  oi_policy_builder_free(b);
  return st;
}

oi_status oi_policy_builtin(int year, oi_policy **out, oi_error *err)
{
  if (out == NULL)
    return oip_fail(err, OI_EINVAL, NULL, "out", "the output pointer is NULL");
  if (year == 2017)
    return build_2017(out, err);
  return oip_fail(err, OI_ENOTFOUND, NULL, "year",
                  "no built-in policy for %d; 2017 is built in, other years are loaded or "
                  "built",
                  year);
}
