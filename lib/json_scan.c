/*
 * Scanning JSON text in place (json_scan.h): white space, a byte, a key as
 * written, strings, integers, literals, values of the vocabulary, each
 * taken only when it is exactly what jansson would read the same way.
 */
#include <string.h>

#include "json_scan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

void oip_scan_ws(struct oip_scan *c)
{
  while (c->i < c->n &&
         (c->t[c->i] == ' ' || c->t[c->i] == '\n' || c->t[c->i] == '\t' || c->t[c->i] == '\r'))
    c->i++;
}

/* The byte ch, after white space. */
int oip_scan_byte(struct oip_scan *c, char ch)
{
  oip_scan_ws(c);
  if (c->i >= c->n || c->t[c->i] != ch)
    return 0;
  c->i++;
  return 1;
}

/* A member's key, exactly as written ("\"id\""), and its colon. */
int oip_scan_key(struct oip_scan *c, const char *k, size_t len)
{
  oip_scan_ws(c);
  if (c->n - c->i < len || memcmp(c->t + c->i, k, len) != 0)
    return 0;
  c->i += len;
  return oip_scan_byte(c, ':');
}

/* The length of the valid UTF-8 sequence at u (n bytes left), as jansson
 * takes one, or 0. */
static size_t utf8_length(const unsigned char *u, size_t n)
{
  size_t len, i;
  unsigned long cp;

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

/* Bytes from i on that are plain in a string: not ", \, a control
 * character or the start of a multi-byte character. */
static size_t plain_run(const unsigned char *u, size_t i, size_t n)
{
#if defined(__SSE2__)
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(u + i));
    const __m128i special =
        _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
                                  _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));
    const unsigned m = (unsigned)_mm_movemask_epi8(special);
    if (m != 0) {
      unsigned b = 0;
      while ((m >> b & 1u) == 0)
        b++;
      return i + b;
    }
  }
#endif
  while (i < n && u[i] >= 0x20 && u[i] < 0x80 && u[i] != '"' && u[i] != '\\')
    i++;
  return i;
}

/*
 * A string: *s and *len its value (in the text, or decoded into the
 * scratch when it has escapes; NUL-terminated in the scratch when want_nul),
 * at most max bytes of it. Declines what jansson would refuse or decode
 * otherwise: a control character, bytes that are not UTF-8, a \u escape
 * (NUL among them), a string longer than OI_DOCUMENT_STRING_MAX in the
 * text.
 */
int oip_scan_string(struct oip_scan *c, const char **s, size_t *len, size_t max, int want_nul)
{
  const unsigned char *u = (const unsigned char *)c->t;
  size_t start, i, j, k, out = 0;
  int escaped = 0;

  oip_scan_ws(c);
  if (c->i >= c->n || c->t[c->i] != '"')
    return 0;
  start = i = c->i + 1;
  for (;;) {
    j = plain_run(u, i, c->n);
    if (j - start > OI_DOCUMENT_STRING_MAX)
      return 0;
    if (escaped) {
      memcpy(c->scratch + out, c->t + i, j - i);
      out += j - i;
    }
    i = j;
    if (i >= c->n)
      return 0;
    if (u[i] == '"')
      break;
    if (u[i] == '\\') {
      char d;

      switch (i + 1 < c->n ? c->t[i + 1] : '\0') {
      case '"': d = '"'; break;
      case '\\': d = '\\'; break;
      case '/': d = '/'; break;
      case 'b': d = '\b'; break;
      case 'f': d = '\f'; break;
      case 'n': d = '\n'; break;
      case 'r': d = '\r'; break;
      case 't': d = '\t'; break;
      default: return 0;
      }
      if (!escaped) {
        memcpy(c->scratch, c->t + start, i - start);
        out = i - start;
        escaped = 1;
      }
      c->scratch[out++] = d;
      i += 2;
      continue;
    }
    if (u[i] < 0x20 || (k = utf8_length(u + i, c->n - i)) == 0)
      return 0;
    if (i + k - start > OI_DOCUMENT_STRING_MAX)
      return 0;
    if (escaped) {
      memcpy(c->scratch + out, c->t + i, k);
      out += k;
    }
    i += k;
  }
  /* The document's limit on a string, in the text (as scan_limits counts). */
  if (i - start > OI_DOCUMENT_STRING_MAX)
    return 0;
  *s = escaped ? c->scratch : c->t + start;
  *len = escaped ? out : i - start;
  c->i = i + 1;
  if (*len > max)
    return 0;
  if (want_nul) {
    if (!escaped)
      memcpy(c->scratch, *s, *len);
    c->scratch[*len] = '\0';
    *s = c->scratch;
  }
  return 1;
}

/* After a number or a literal, what may follow it in a document. */
static int delimited(const struct oip_scan *c)
{
  const char d = c->i < c->n ? c->t[c->i] : ' ';
  return d == ',' || d == '}' || d == ']' || d == ' ' || d == '\n' || d == '\t' || d == '\r';
}

/* An integer as jansson reads one (no fraction, no exponent, no leading
 * zero), of at most 18 digits, within [lo, hi]. */
int oip_scan_integer(struct oip_scan *c, int64_t lo, int64_t hi, int64_t *v)
{
  size_t digits = 0;
  int neg = 0;
  int64_t x = 0;

  oip_scan_ws(c);
  if (c->i < c->n && c->t[c->i] == '-') {
    neg = 1;
    c->i++;
  }
  while (c->i < c->n && c->t[c->i] >= '0' && c->t[c->i] <= '9') {
    if (digits == 18 || (digits == 1 && x == 0))
      return 0;
    x = x * 10 + (c->t[c->i] - '0');
    digits++;
    c->i++;
  }
  if (digits == 0 || !delimited(c))
    return 0;
  x = neg ? -x : x;
  if (x < lo || x > hi)
    return 0;
  *v = x;
  return 1;
}

int oip_scan_literal(struct oip_scan *c, const char *lit, size_t len)
{
  oip_scan_ws(c);
  if (c->n - c->i < len || memcmp(c->t + c->i, lit, len) != 0)
    return 0;
  c->i += len;
  return delimited(c);
}

int oip_scan_boolean(struct oip_scan *c, int *v)
{
  if (oip_scan_literal(c, "true", 4)) {
    *v = 1;
    return 1;
  }
  if (oip_scan_literal(c, "false", 5)) {
    *v = 0;
    return 1;
  }
  return 0;
}

int oip_scan_at_null(struct oip_scan *c)
{
  oip_scan_ws(c);
  return c->i + 4 <= c->n && memcmp(c->t + c->i, "null", 4) == 0;
}

/* A value of the vocabulary, as oip_vocab_parse() reads it (through it, the
 * first time a spelling is seen). */
int oip_scan_vocab(struct oip_scan *c, enum oip_vocab type, uint64_t allowed, int *v)
{
  const char *s;
  size_t len, k;
  oi_error e;

  if (!oip_scan_string(c, &s, &len, OI_DOCUMENT_STRING_MAX, 0))
    return 0;
  for (k = 0; k < OIP_SCAN_SEEN && c->seen[type][k].len != 0; k++)
    if (c->seen[type][k].len == len && c->seen[type][k].allowed == allowed &&
        memcmp(c->seen[type][k].text, s, len) == 0) {
      *v = c->seen[type][k].value;
      return 1;
    }
  memmove(c->scratch, s, len);
  c->scratch[len] = '\0';
  if (oip_vocab_parse(type, c->scratch, allowed, v, &e) != OI_OK)
    return 0;
  if (k < OIP_SCAN_SEEN && len > 0 && len < sizeof c->seen[type][k].text) {
    memcpy(c->seen[type][k].text, c->scratch, len);
    c->seen[type][k].len = len;
    c->seen[type][k].value = *v;
    c->seen[type][k].allowed = allowed;
  }
  return 1;
}

