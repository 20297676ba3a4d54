/*
 * Private: "did you mean ...?" for unknown names. Used only when an error is
 * being reported, never on a path that succeeds. Not installed.
 */
#ifndef OFFICERINST_SUGGEST_H
#define OFFICERINST_SUGGEST_H

#include <stddef.h>

#include "officerinst/error.h"
#include "officerinst/policy.h"

/* Longest name compared; longer words and candidates are never suggested. */
#define OIP_SUGGEST_LEN 64

/*
 * Edit distance between a and b, ignoring ASCII case: insertions, deletions,
 * substitutions and transpositions of adjacent characters each count 1
 * (optimal string alignment). SIZE_MAX when either is longer than
 * OIP_SUGGEST_LEN bytes.
 */
size_t oip_edit_distance(const char *a, const char *b);

/* Looking for the one candidate close to a word. */
struct oip_suggest {
  const char *word;
  size_t limit;        /* the largest distance that counts as close */
  size_t best;         /* the distance of choice */
  const char *choice;  /* the closest candidate so far */
  int tied;            /* another candidate is as close as choice */
};

/* The largest distance at which a name of n bytes counts as close to another. */
size_t oip_suggest_limit(size_t n);

void oip_suggest_init(struct oip_suggest *s, const char *word);
void oip_suggest_add(struct oip_suggest *s, const char *candidate);
/* The candidate meant, or NULL when none is close or two are equally close. */
const char *oip_suggest_result(const struct oip_suggest *s);

/* The session or course id of the policy probably meant by id, or NULL. */
const char *oip_suggest_session(const oi_policy *policy, const char *id);
const char *oip_suggest_course(const oi_policy *policy, const char *id);

/*
 * Fail with OI_ENOTFOUND: no session (or course) id in the policy, saying
 * which one was probably meant. The path is "prefix.field".
 */
oi_status oip_fail_no_session(oi_error *err, const oi_policy *policy, const char *prefix,
                              const char *field, const char *id);
oi_status oip_fail_no_course(oi_error *err, const oi_policy *policy, const char *prefix,
                             const char *field, const char *id);

#endif
