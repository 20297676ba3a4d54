/*
 * Private: reading JSON text in place, for the quick snapshot reader
 * (json_ledger_read.c). Each reader skips white space first, takes the
 * value only when jansson would read the same text the same way (a string
 * that is UTF-8 with no control character and no \u escape, an integer with
 * no fraction, exponent or leading zero), and returns 1, or 0 without
 * saying why: the caller then hands the text to the full reader. Not
 * installed.
 */
#ifndef OFFICERINST_JSON_SCAN_H
#define OFFICERINST_JSON_SCAN_H

#include <stddef.h>
#include <stdint.h>

#include "officerinst/json.h"
#include "vocab_private.h"

#define OIP_SCAN_SEEN 8

struct oip_scan {
  const char *t;
  size_t n, i;                              /* the text, its length, where we are */
  char scratch[OI_DOCUMENT_STRING_MAX + 1]; /* a string with escapes, decoded */
  /* The spellings oip_vocab_parse() accepted, by type: strings repeat. */
  struct {
    char text[24];
    size_t len;
    int value;
    uint64_t allowed;
  } seen[OIP_VOCAB_STATUS + 1][OIP_SCAN_SEEN];
};

void oip_scan_ws(struct oip_scan *c);
/* The byte ch. */
int oip_scan_byte(struct oip_scan *c, char ch);
/* A member's key exactly as written, quotes included (len bytes), and its
 * colon. */
int oip_scan_key(struct oip_scan *c, const char *quoted, size_t len);
/*
 * A string of at most max bytes: *s and *len its value, in the text, or in
 * the scratch when it had escapes (\" \\ \/ \b \f \n \r \t) or when
 * want_nul asks for it NUL-terminated. At most OI_DOCUMENT_STRING_MAX bytes
 * in the text, as the document's limit says.
 */
int oip_scan_string(struct oip_scan *c, const char **s, size_t *len, size_t max, int want_nul);
/* An integer of at most 18 digits within [lo, hi]. */
int oip_scan_integer(struct oip_scan *c, int64_t lo, int64_t hi, int64_t *v);
/* true, false or null: lit, of len bytes. */
int oip_scan_literal(struct oip_scan *c, const char *lit, size_t len);
int oip_scan_boolean(struct oip_scan *c, int *v);
/* Is null next? (Nothing is taken.) */
int oip_scan_at_null(struct oip_scan *c);
/* A string read as a value of the vocabulary by oip_vocab_parse() (only
 * the allowed ones, when allowed is not 0). */
int oip_scan_vocab(struct oip_scan *c, enum oip_vocab type, uint64_t allowed, int *v);

#endif
