/*
 * The version of the library actually linked.
 */
#include "officerinst/version.h"

const char *oi_version(void)
{
  return OI_VERSION_STRING;
}
