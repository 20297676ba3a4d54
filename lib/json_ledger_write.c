/*
 * Writing a ledger snapshot (doc/snapshot-format.md): straight into one
 * growing buffer, in the very bytes jansson's compact encoder gives the
 * same document (members in the order written, "\n" before each element
 * of the two arrays, strings escaped as it escapes them), without building
 * a value per element. A string that is not UTF-8, which jansson would not
 * take, fails the snapshot as it did. The reasons of a decision are
 * written once per array the ledger keeps (equal arrays are kept once) and
 * copied from the text already written when they come again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "officerinst/json.h"
#include "officerinst/vocab.h"
#include "ledger_private.h"
#include "policy_private.h"
#include "strutil.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#define NAMES 64

struct out {
  char *data;
  size_t length;
  size_t capacity;
  int bad; /* out of memory, or a string jansson would refuse */
  struct {
    const char *s;
    size_t n;
  } names[NAMES]; /* the vocabulary's names met, and their lengths */
};

static int room(struct out *o, size_t n)
{
  size_t cap;
  char *p;

  if (o->bad)
    return 0;
  if (o->length + n + 1 <= o->capacity)
    return 1;
  cap = o->capacity ? o->capacity : 4096;
  while (cap < o->length + n + 1) {
    if (cap > SIZE_MAX / 2) {
      o->bad = 1;
      return 0;
    }
    cap *= 2;
  }
  p = realloc(o->data, cap);
  if (p == NULL) {
    o->bad = 1;
    return 0;
  }
  o->data = p;
  o->capacity = cap;
  return 1;
}

/* Inline, so that a literal's copy is a few stores. */
static inline int fits(struct out *o, size_t n)
{
  return o->length + n + 1 <= o->capacity || room(o, n);
}

static inline void put(struct out *o, const char *s, size_t n)
{
  if (fits(o, n)) {
    memcpy(o->data + o->length, s, n);
    o->length += n;
  }
}

#define PUT(o, lit) put((o), (lit), sizeof(lit) - 1)

static void put_int(struct out *o, long long v)
{
  char buf[24], *p = buf + sizeof buf;
  unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;

  do {
    *--p = (char)('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (v < 0)
    *--p = '-';
  put(o, p, (size_t)(buf + sizeof buf - p));
}

/* The length of the valid UTF-8 sequence at u (n bytes left), as jansson
 * checks one (no overlong form, no surrogate, nothing above U+10FFFF), or
 * 0. */
static size_t utf8_length(const unsigned char *u, size_t n)
{
  size_t len, i;
  unsigned long cp;

  if (u[0] < 0x80)
    return 1;
  if (u[0] < 0xc2 || u[0] > 0xf4)
    return 0;
  len = u[0] < 0xe0 ? 2 : u[0] < 0xf0 ? 3 : 4;
  if (len > n)
    return 0;
  cp = u[0] & (0x7fu >> len);
  for (i = 1; i < len; i++) {
    if ((u[i] & 0xc0) != 0x80)
      return 0;
    cp = cp << 6 | (u[i] & 0x3fu);
  }
  if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10ffff ||
      (cp >= 0xd800 && cp <= 0xdfff))
    return 0;
  return len;
}

/* How many of the n bytes at u need nothing: printable ASCII but " and \,
 * sixteen bytes at a time where it can. */
static size_t plain_prefix(const unsigned char *u, size_t n)
{
  size_t i = 0;

#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
    /* Signed, a byte from 0x80 up is below 0x20 too. */
    const __m128i special =
        _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                  _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
    const int m = _mm_movemask_epi8(special);
    if (m != 0) {
      unsigned b = 0;
      while (((unsigned)m >> b & 1u) == 0)
        b++;
      return i + b;
    }
  }
#endif
  for (; i < n; i++)
    if (u[i] < 0x20 || u[i] >= 0x80 || u[i] == '"' || u[i] == '\\')
      break;
  return i;
}

/* A string of n bytes, quoted and escaped as jansson escapes: \" \\, and the
 * control characters (\b \f \n \r \t, else \u00XX); everything else as it
 * is. */
static void put_string_n(struct out *o, const char *s, size_t n)
{
  static const char hex[] = "0123456789ABCDEF";
  const unsigned char *u = (const unsigned char *)s;
  size_t i, plain;

  /* Most strings need nothing. */
  plain = plain_prefix(u, n);
  if (!fits(o, n + 2))
    return;
  o->data[o->length++] = '"';
  memcpy(o->data + o->length, s, plain);
  o->length += plain;
  for (i = plain; i < n;) {
    const unsigned char c = u[i];
    size_t len;

    if (c >= 0x20 && c != '"' && c != '\\') {
      len = utf8_length(u + i, n - i);
      if (len == 0) {
        o->bad = 1;
        return;
      }
      put(o, s + i, len);
      i += len;
      continue;
    }
    switch (c) {
    case '"': PUT(o, "\\\""); break;
    case '\\': PUT(o, "\\\\"); break;
    case '\b': PUT(o, "\\b"); break;
    case '\f': PUT(o, "\\f"); break;
    case '\n': PUT(o, "\\n"); break;
    case '\r': PUT(o, "\\r"); break;
    case '\t': PUT(o, "\\t"); break;
    default: {
      char e[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
      put(o, e, sizeof e);
    }
    }
    i++;
  }
  put(o, "\"", 1);
}

static void put_string(struct out *o, const char *s)
{
  if (s == NULL)
    o->bad = 1;
  else
    put_string_n(o, s, strlen(s));
}

/* A name of the vocabulary (a static string): its length measured once a
 * snapshot. */
static void put_name(struct out *o, const char *s)
{
  size_t k;

  if (s == NULL) {
    o->bad = 1;
    return;
  }
  for (k = 0; k < NAMES && o->names[k].s != NULL; k++)
    if (o->names[k].s == s) {
      put_string_n(o, s, o->names[k].n);
      return;
    }
  if (k < NAMES) {
    o->names[k].s = s;
    o->names[k].n = strlen(s);
  }
  put_string(o, s);
}

static void put_bool(struct out *o, int v)
{
  if (v)
    PUT(o, "true");
  else
    PUT(o, "false");
}

static void put_2(char *p, int v)
{
  p[0] = (char)('0' + v / 10);
  p[1] = (char)('0' + v % 10);
}

/* "2017-01-03T09:05:00", as oi_datetime_format() writes it. */
static void put_moment(struct out *o, oi_datetime t)
{
  char b[21];

  b[0] = '"';
  b[1] = (char)('0' + t.date.year / 1000);
  b[2] = (char)('0' + t.date.year / 100 % 10);
  put_2(b + 3, t.date.year % 100);
  b[5] = '-';
  put_2(b + 6, t.date.month);
  b[8] = '-';
  put_2(b + 9, t.date.day);
  b[11] = 'T';
  put_2(b + 12, t.hour);
  b[14] = ':';
  put_2(b + 15, t.minute);
  b[17] = ':';
  put_2(b + 18, t.second);
  b[20] = '"';
  put(o, b, sizeof b);
}

static void write_request(struct out *o, const oi_ledger *l, size_t i)
{
  const oi_policy *p = oi_ledger_policy(l);
  struct oip_lengths len;
  oi_subsidy_request q;
  oi_outcome status;

  oip_ledger_request_at(l, i, &q, &status, &len);
  PUT(o, "{\"id\":");
  put_string_n(o, q.id, len.id);
  PUT(o, ",\"session\":");
  put_string_n(o, q.session_id, p->sessions[len.session].id_len);
  PUT(o, ",\"received\":");
  put_moment(o, q.received);
  PUT(o, ",\"nights\":");
  put_int(o, q.nights);
  PUT(o, ",\"attested\":");
  put_bool(o, q.attested);
  PUT(o, ",\"with_application\":");
  put_bool(o, q.with_application);
  PUT(o, ",\"application_signed\":");
  put_bool(o, q.application_signed);
  PUT(o, ",\"request_signed\":");
  put_bool(o, q.request_signed);
  PUT(o, ",\"local\":{\"number\":");
  put_int(o, (long long)q.local.number);
  PUT(o, ",\"name\":");
  put_string_n(o, q.local.name, len.local_name);
  PUT(o, ",\"country\":");
  put_name(o, oi_country_name(q.local.country));
  PUT(o, ",\"district\":");
  put_int(o, q.local.district);
  PUT(o, ",\"lm_form\":");
  put_name(o, oi_lm_form_name(q.local.lm_form));
  PUT(o, ",\"receipts_cents\":");
  if (q.local.receipts_known)
    put_int(o, (long long)q.local.receipts_cents);
  else
    PUT(o, "null");
  PUT(o, "},\"officer\":{\"id\":");
  put_string_n(o, q.officer.id, len.officer_id);
  PUT(o, ",\"name\":");
  if (q.officer.name != NULL)
    put_string_n(o, q.officer.name, len.officer_name);
  else
    PUT(o, "null");
  PUT(o, ",\"office\":");
  put_name(o, oi_office_name(q.officer.office));
  PUT(o, "},\"status\":");
  put_name(o, oi_outcome_name(status));
  put(o, "}", 1);
}

/* The reasons an array of the ledger's was written as, by its address:
 * where in the text, so that the same array is copied, not written again. */
#define WRITTEN_CACHE 4096
struct written {
  const oi_reason *reasons;
  size_t count;
  size_t at, length;
};

static void write_reasons(struct out *o, const oi_policy *p, const oi_reason *reasons,
                          size_t n, struct written *cache)
{
  struct written *w = &cache[((uintptr_t)reasons >> 3 ^ (uintptr_t)reasons >> 15) %
                             WRITTEN_CACHE];
  const size_t start = o->length;
  size_t i;

  if (n == 0) {
    PUT(o, "[]");
    return;
  }
  if (w->reasons == reasons && w->count == n) {
    if (room(o, w->length)) {
      memcpy(o->data + o->length, o->data + w->at, w->length);
      o->length += w->length;
    }
    return;
  }
  put(o, "[", 1);
  for (i = 0; i < n; i++) {
    const oi_reason *r = &reasons[i];
    char message[512];
    size_t mlen;
    int k;

    /* As oip_reasons_json() writes one (truncated as it truncates). */
    k = oi_reason_format(p, r, message, sizeof message);
    mlen = k >= 0 && (size_t)k < sizeof message ? (size_t)k : strlen(message);
    if (i > 0)
      put(o, ",", 1);
    PUT(o, "{\"clause\":");
    put_name(o, oi_clause_id(r->clause));
    PUT(o, ",\"code\":");
    put_name(o, oi_reason_code_name(r->code));
    PUT(o, ",\"severity\":");
    put_name(o, oi_severity_name(r->severity));
    PUT(o, ",\"session\":");
    if (r->session >= 0 && (size_t)r->session < p->session_count)
      put_string_n(o, p->sessions[r->session].id, p->sessions[r->session].id_len);
    else
      PUT(o, "null");
    PUT(o, ",\"values\":[");
    for (k = 0; k < 4; k++) {
      if (k > 0)
        put(o, ",", 1);
      put_int(o, (long long)r->value[k]);
    }
    put(o, "]", 1);
    if (r->ref_id != NULL) {
      PUT(o, ",\"ref_id\":");
      put_string(o, r->ref_id);
    }
    PUT(o, ",\"message\":");
    put_string_n(o, message, mlen);
    put(o, "}", 1);
  }
  put(o, "]", 1);
  if (!o->bad) {
    w->reasons = reasons;
    w->count = n;
    w->at = start;
    w->length = o->length - start;
  }
}

static void write_event(struct out *o, const oi_ledger *l, size_t i, struct written *cache)
{
  const oi_policy *p = oi_ledger_policy(l);
  struct oip_event_view e;
  const char *id;
  size_t n;

  oip_ledger_event_at(l, i, &e);
  PUT(o, "{\"type\":");
  put_name(o, oi_event_type_name(e.type));
  PUT(o, ",\"request\":");
  id = oip_ledger_id_at(l, e.rec, &n);
  put_string_n(o, id, n);
  switch (e.type) {
  case OI_EVENT_ENTERED:
    break;
  case OI_EVENT_DECIDED:
    /* What an award of it pays is fixed when it is decided. */
    PUT(o, ",\"outcome\":");
    put_name(o, oi_outcome_name(e.outcome));
    PUT(o, ",\"nights\":");
    put_int(o, e.nights);
    PUT(o, ",\"nights_if_awarded\":");
    put_int(o, e.nights_if_awarded);
    PUT(o, ",\"reasons\":");
    write_reasons(o, p, e.reasons, e.reason_count, cache);
    break;
  case OI_EVENT_WITHDRAWN:
    PUT(o, ",\"outcome\":");
    put_name(o, oi_outcome_name(e.outcome));
    break;
  case OI_EVENT_PROMOTED:
    PUT(o, ",\"cause\":");
    id = oip_ledger_id_at(l, e.cause, &n);
    put_string_n(o, id, n);
    PUT(o, ",\"nights\":");
    put_int(o, e.nights);
    break;
  }
  put(o, "}", 1);
}

int oip_ledger_write_json(const oi_ledger *l, int version, const char *format, char **out,
                          size_t *length_out)
{
  const oi_policy *p = oi_ledger_policy(l);
  const size_t n = oi_ledger_count(l), events = oi_ledger_event_count(l);
  struct written *cache = calloc(WRITTEN_CACHE, sizeof *cache);
  struct out o;
  size_t i;

  if (cache == NULL)
    return -1;
  memset(&o, 0, sizeof o);
  /* About what a request and its events take: one allocation, mostly. */
  if (n < SIZE_MAX / 1024)
    (void)room(&o, 256 + n * 900);
  PUT(&o, "{\"format\":");
  put_string(&o, format);
  PUT(&o, ",\"version\":");
  put_int(&o, version);
  PUT(&o, ",\"policy\":{\"id\":");
  put_string(&o, p->id);
  PUT(&o, ",\"digest\":");
  put_string(&o, p->digest);
  PUT(&o, "},\"requests\":[");
  for (i = 0; i < n && !o.bad; i++) {
    if (i > 0)
      put(&o, ",", 1);
    put(&o, "\n", 1);
    write_request(&o, l, i);
  }
  PUT(&o, "],\"events\":[");
  for (i = 0; i < events && !o.bad; i++) {
    if (i > 0)
      put(&o, ",", 1);
    put(&o, "\n", 1);
    write_event(&o, l, i, cache);
  }
  PUT(&o, "]}\n");
  free(cache);
  if (o.bad || !room(&o, 0)) {
    free(o.data);
    return -1;
  }
  o.data[o.length] = '\0';
  *out = o.data;
  if (length_out != NULL)
    *length_out = o.length;
  return 0;
}
