/*
 * Decisions documents (doc/requests-format.md, "Decisions"): a decided
 * batch as JSON, one element per line like a snapshot, each request's and
 * application's decision with every reason and its message, or its error.
 */
#include <stdlib.h>
#include <string.h>

#include "officerinst/json.h"
#include "batch_private.h"
#include "json_doc.h"
#include "policy_private.h"

#define DECISIONS_FORMAT "officerinst-decisions"
#define DECISIONS_VERSION 1

static json_t *string_or_null(const char *s)
{
  return s != NULL ? json_string(s) : json_null();
}

static json_t *error_json(const oi_error *e)
{
  return json_pack("{s:s, s:s, s:s, s:o, s:s, s:i, s:i, s:s, s:o}", "status",
                   oi_status_name(e->status), "message", e->message, "path", e->path, "index",
                   e->index != OI_ERROR_NO_INDEX ? json_integer((json_int_t)e->index)
                                                 : json_null(),
                   "field", e->field, "line", e->line, "column", e->column, "expected",
                   oi_expect_name(e->expected) != NULL ? oi_expect_name(e->expected) : "none",
                   "suggestion", e->suggestion[0] != '\0' ? json_string(e->suggestion)
                                                          : json_null());
}

static json_t *request_json(const oi_batch *b, size_t i)
{
  const oi_subsidy_request *r = oip_batch_request(b, i);
  const oi_decision *d = oi_batch_request_decision(b, i);

  if (r == NULL)
    return json_pack("{s:n, s:o}", "request", "error", error_json(oi_batch_request_error(b, i)));
  return json_pack("{s:s, s:s, s:s, s:i, s:i, s:i, s:o, s:o}", "request", r->id, "outcome",
                   oi_outcome_name(d->outcome), "session", d->session_id, "nights_requested",
                   d->nights_requested, "nights", d->nights, "nights_if_awarded",
                   d->nights_if_awarded, "payee", string_or_null(d->payee),
                   "reasons", oip_reasons_json(b->policy, d->reasons, d->reason_count));
}

static json_t *application_json(const oi_batch *b, size_t i)
{
  const oi_application *a = oip_batch_application(b, i);
  const oi_decision *d = oi_batch_application_decision(b, i);

  if (a == NULL)
    return json_pack("{s:n, s:o}", "application", "error",
                     error_json(oi_batch_application_error(b, i)));
  return json_pack("{s:o, s:s, s:s, s:s, s:o}", "application",
                   string_or_null(oi_batch_application_id(b, i)), "outcome",
                   oi_outcome_name(d->outcome), "session", d->session_id, "course",
                   a->course_id, "reasons", oip_reasons_json(b->policy, d->reasons, d->reason_count));
}

/* Append one element, compact, on its own line. */
static int put_element(struct oip_buf *buf, json_t *v, int first)
{
  int bad = v == NULL || oip_buf_puts(buf, first ? "\n" : ",\n") != 0 || oip_buf_json(buf, v) != 0;

  json_decref(v);
  return bad;
}

oi_status oi_batch_decisions_to_json(const oi_batch *b, char **out, size_t *length_out,
                                     oi_error *err)
{
  struct oip_buf buf = { NULL, 0, 0 };
  json_t *head;
  size_t i, n;
  int bad;

  if (b == NULL || out == NULL)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, NULL, b == NULL ? "batch" : "out",
                           "a required pointer is NULL");
  if (!b->decided)
    return oip_fail(err, OI_ESTATE, NULL, "batch",
                    "the batch is not decided yet (oi_batch_check() or oi_batch_submit())");
  head = json_pack("{s:s, s:i, s:{s:s, s:s}, s:s}", "format", DECISIONS_FORMAT, "version",
                   DECISIONS_VERSION, "policy", "id", oi_policy_id(b->policy), "digest",
                   oi_policy_digest(b->policy), "decided_by",
                   b->decided == 2 ? "ledger" : "rules");
  bad = head == NULL || oip_buf_json(&buf, head) != 0;
  json_decref(head);
  if (!bad) {
    buf.length--; /* reopen the object: drop its '}' */
    bad = oip_buf_puts(&buf, ",\"requests\":[") != 0;
  }
  n = oi_batch_request_count(b);
  for (i = 0; !bad && i < n; i++)
    bad = put_element(&buf, request_json(b, i), i == 0);
  bad = bad || oip_buf_puts(&buf, "],\"applications\":[") != 0;
  n = oi_batch_application_count(b);
  for (i = 0; !bad && i < n; i++)
    bad = put_element(&buf, application_json(b, i), i == 0);
  bad = bad || oip_buf_puts(&buf, "]}\n") != 0;
  if (bad) {
    free(buf.data);
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory writing decisions");
  }
  *out = buf.data;
  if (length_out != NULL)
    *length_out = buf.length;
  return OI_OK;
}

static oi_status decisions_text(const void *object, char **out, size_t *length, oi_error *err)
{
  return oi_batch_decisions_to_json(object, out, length, err);
}

oi_status oi_batch_decisions_save(const oi_batch *b, const char *path, oi_error *err)
{
  if (b == NULL)
    return oip_fail_expect(err, OI_EINVAL, OI_EXPECT_VALUE, NULL, "batch",
                           "the batch pointer is NULL");
  return oip_doc_save(b, decisions_text, path, err);
}
