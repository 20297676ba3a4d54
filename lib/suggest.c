/*
 * Suggestions for unknown names: the one known name within a small edit
 * distance of what was written. Only error paths come here, so the cost (a
 * distance per candidate, two rows on the stack) is never paid by a call
 * that succeeds.
 */
#include <stdint.h>
#include <string.h>

#include "suggest.h"
#include "error_private.h"
#include "policy_private.h"

static unsigned char fold(char c)
{
  return (unsigned char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

size_t oip_edit_distance(const char *a, const char *b)
{
  size_t rows[3][OIP_SUGGEST_LEN + 1];
  size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
  const size_t n = strlen(a), m = strlen(b);
  size_t i, j;

  if (n > OIP_SUGGEST_LEN || m > OIP_SUGGEST_LEN)
    return SIZE_MAX;
  for (j = 0; j <= m; j++)
    prev[j] = j;
  for (i = 1; i <= n; i++) {
    size_t *t;

    cur[0] = i;
    for (j = 1; j <= m; j++) {
      const size_t cost = fold(a[i - 1]) == fold(b[j - 1]) ? 0 : 1;
      size_t d = prev[j] + 1;

      if (cur[j - 1] + 1 < d)
        d = cur[j - 1] + 1;
      if (prev[j - 1] + cost < d)
        d = prev[j - 1] + cost;
      if (i > 1 && j > 1 && fold(a[i - 1]) == fold(b[j - 2]) &&
          fold(a[i - 2]) == fold(b[j - 1]) && prev2[j - 2] + 1 < d)
        d = prev2[j - 2] + 1;
      cur[j] = d;
    }
    t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

size_t oip_suggest_limit(size_t n)
{
  /* Short words are too easily "close" to an unrelated name ("UK" is one
   * edit from "US"): they get a suggestion only for a difference of case. */
  return n <= 3 ? 0 : n <= 5 ? 1 : n <= 10 ? 2 : 3;
}

void oip_suggest_init(struct oip_suggest *s, const char *word)
{
  s->word = word;
  s->limit = oip_suggest_limit(strlen(word));
  s->best = SIZE_MAX;
  s->choice = NULL;
  s->tied = 0;
}

void oip_suggest_add(struct oip_suggest *s, const char *candidate)
{
  const size_t d = oip_edit_distance(s->word, candidate);

  if (d > s->limit || d >= strlen(candidate))
    return;
  if (d < s->best) {
    s->best = d;
    s->choice = candidate;
    s->tied = 0;
  } else if (d == s->best && strcmp(candidate, s->choice) != 0) {
    s->tied = 1;
  }
}

const char *oip_suggest_result(const struct oip_suggest *s)
{
  return s->tied ? NULL : s->choice;
}

const char *oip_suggest_session(const oi_policy *p, const char *id)
{
  struct oip_suggest s;
  size_t i;

  oip_suggest_init(&s, id);
  for (i = 0; i < p->session_count; i++)
    oip_suggest_add(&s, p->sessions[i].id);
  return oip_suggest_result(&s);
}

const char *oip_suggest_course(const oi_policy *p, const char *id)
{
  struct oip_suggest s;
  size_t i;

  oip_suggest_init(&s, id);
  for (i = 0; i < p->course_count; i++)
    oip_suggest_add(&s, p->courses[i].id);
  return oip_suggest_result(&s);
}

static oi_status fail_unknown(oi_error *err, oi_expect expected, const char *what,
                              const oi_policy *p, const char *prefix, const char *field,
                              const char *id, const char *meant)
{
  if (meant != NULL)
    oip_fail_expect(err, OI_ENOTFOUND, expected, prefix, field,
                    "no %s \"%.*s\" in policy \"%s\"; did you mean \"%s\"?", what,
                    OI_ID_MAX, id, p->id, meant);
  else
    oip_fail_expect(err, OI_ENOTFOUND, expected, prefix, field,
                    "no %s \"%.*s\" in policy \"%s\"", what, OI_ID_MAX, id, p->id);
  oip_error_set_suggestion(err, meant);
  return OI_ENOTFOUND;
}

oi_status oip_fail_no_session(oi_error *err, const oi_policy *p, const char *prefix,
                              const char *field, const char *id)
{
  return fail_unknown(err, OI_EXPECT_SESSION, "session", p, prefix, field, id,
                      err != NULL ? oip_suggest_session(p, id) : NULL);
}

oi_status oip_fail_no_course(oi_error *err, const oi_policy *p, const char *prefix,
                             const char *field, const char *id)
{
  return fail_unknown(err, OI_EXPECT_COURSE, "course", p, prefix, field, id,
                      err != NULL ? oip_suggest_course(p, id) : NULL);
}
