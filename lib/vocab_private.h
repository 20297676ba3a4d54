/*
 * Private: the vocabulary by type, for the document readers, which read an
 * enumerated member of any type (and sometimes only some of its values)
 * through one function. Not installed.
 */
#ifndef OFFICERINST_VOCAB_PRIVATE_H
#define OFFICERINST_VOCAB_PRIVATE_H

#include <stdint.h>

#include "officerinst/vocab.h"

enum oip_vocab {
  OIP_VOCAB_COUNTRY,
  OIP_VOCAB_LM_FORM,
  OIP_VOCAB_OFFICE,
  OIP_VOCAB_COURSE_KIND,
  OIP_VOCAB_OUTCOME,
  OIP_VOCAB_CLAUSE,
  OIP_VOCAB_REASON_CODE,
  OIP_VOCAB_SEVERITY,
  OIP_VOCAB_EVENT_TYPE,
  OIP_VOCAB_STATUS
};

/* The bit of a value in an "allowed" mask (values 0..63). */
#define OIP_VALUE_BIT(v) ((uint64_t)1 << (unsigned)(v))

/*
 * Read text as a value of type. When allowed is not 0, only the values whose
 * OIP_VALUE_BIT is in it are accepted, and the error lists only them. The
 * error is OI_EINVAL, its path empty, with the type's OI_EXPECT_ code.
 */
oi_status oip_vocab_parse(enum oip_vocab type, const char *text, uint64_t allowed, int *out,
                          oi_error *err);

/* The adjective messages use for a local of a country ("U.S.", "Canadian"). */
const char *oip_country_adjective(int country);

#endif
