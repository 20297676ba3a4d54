/*
 * A decision's reasons as JSON, the one form that ledger snapshots and
 * decisions documents both write: clause, code, severity, session, values,
 * the request it names (S9) where there is one, and the rendered message
 * (for readers; a snapshot's replay does not compare it).
 */
#include "json_doc.h"
#include "policy_private.h"

json_t *oip_reasons_json(const oi_policy *p, const oi_reason *reasons, size_t n)
{
  json_t *arr = json_array();
  size_t i;

  for (i = 0; arr != NULL && i < n; i++) {
    const oi_reason *r = &reasons[i];
    char message[512];
    json_t *o;

    oi_reason_format(p, r, message, sizeof message);
    /* The request a reason names (S9): "s*" writes ref_id only where there
     * is one. */
    o = json_pack("{s:s, s:s, s:s, s:o, s:[I,I,I,I], s:s*, s:s}", "clause",
                  oi_clause_id(r->clause), "code", oi_reason_code_name(r->code), "severity",
                  oi_severity_name(r->severity), "session",
                  r->session >= 0 && (size_t)r->session < p->session_count ? json_string(p->sessions[r->session].id) : json_null(),
                  "values", (json_int_t)r->value[0], (json_int_t)r->value[1],
                  (json_int_t)r->value[2], (json_int_t)r->value[3], "ref_id", r->ref_id,
                  "message", message);
    if (o == NULL || json_array_append_new(arr, o) != 0) {
      json_decref(arr);
      return NULL;
    }
  }
  return arr;
}
