/*
 * tests/check_siphash.c -- the keyed hash of the ledger's tables
 * (lib/siphash.c), against the published answers, and its keys.
 *
 * TCase "siphash"  SipHash-2-4 gives the 64 answers of the reference
 *                  implementation (key 00..0f, messages 00, 00 01, ...,
 *                  00..3e), so the rounds, the padding and the length byte
 *                  are the paper's; SipHash-1-3 gives the answers other
 *                  implementations publish; the ledger's string and integer
 *                  hashes are SipHash-1-3 of their bytes.
 * TCase "keys"     keys come from the system's entropy and differ from one
 *                  ledger to the next; without entropy, from the salt.
 *
 * The program is built from the library's own source file (the functions
 * are private, not exported).
 */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "siphash.h"

static const uint64_t sip24_answers[64] = {
  0x726fdb47dd0e0e31, 0x74f839c593dc67fd, 0x0d6c8009d9a94f5a, 0x85676696d7fb7e2d,
  0xcf2794e0277187b7, 0x18765564cd99a68d, 0xcbc9466e58fee3ce, 0xab0200f58b01d137,
  0x93f5f5799a932462, 0x9e0082df0ba9e4b0, 0x7a5dbbc594ddb9f3, 0xf4b32f46226bada7,
  0x751e8fbc860ee5fb, 0x14ea5627c0843d90, 0xf723ca908e7af2ee, 0xa129ca6149be45e5,
  0x3f2acc7f57c29bdb, 0x699ae9f52cbe4794, 0x4bc1b3f0968dd39c, 0xbb6dc91da77961bd,
  0xbed65cf21aa2ee98, 0xd0f2cbb02e3b67c7, 0x93536795e3a33e88, 0xa80c038ccd5ccec8,
  0xb8ad50c6f649af94, 0xbce192de8a85b8ea, 0x17d835b85bbb15f3, 0x2f2e6163076bcfad,
  0xde4daaaca71dc9a5, 0xa6a2506687956571, 0xad87a3535c49ef28, 0x32d892fad841c342,
  0x7127512f72f27cce, 0xa7f32346f95978e3, 0x12e0b01abb051238, 0x15e034d40fa197ae,
  0x314dffbe0815a3b4, 0x027990f029623981, 0xcadcd4e59ef40c4d, 0x9abfd8766a33735c,
  0x0e3ea96b5304a7d0, 0xad0c42d6fc585992, 0x187306c89bc215a9, 0xd4a60abcf3792b95,
  0xf935451de4f21df2, 0xa9538f0419755787, 0xdb9acddff56ca510, 0xd06c98cd5c0975eb,
  0xe612a3cb9ecba951, 0xc766e62cfcadaf96, 0xee64435a9752fe72, 0xa192d576b245165a,
  0x0a8787bf8ecb74b2, 0x81b3e73d20b49b6f, 0x7fa8220ba3b2ecea, 0x245731c13ca42499,
  0xb78dbfaf3a8d83bd, 0xea1ad565322a1a0b, 0x60e61c23a3795013, 0x6606d7e446282b93,
  0x6ca4ecb15c5f91e1, 0x9f626da15c9625f3, 0xe51b38608ef25f57, 0x958a324ceb064572,
};

/* The reference key 00 01 .. 0f, as the two little-endian words. */
#define K0 UINT64_C(0x0706050403020100)
#define K1 UINT64_C(0x0f0e0d0c0b0a0908)

START_TEST(test_siphash_2_4_gives_the_reference_answers_for_0_to_63_bytes)
{
  unsigned char m[64];
  size_t n;

  for (n = 0; n < 64; n++)
    m[n] = (unsigned char)n;
  for (n = 0; n < 64; n++)
    ck_assert_msg(oip_siphash(K0, K1, m, n, 2, 4) == sip24_answers[n],
                  "SipHash-2-4 of %zu bytes: %016llx, expected %016llx", n,
                  (unsigned long long)oip_siphash(K0, K1, m, n, 2, 4),
                  (unsigned long long)sip24_answers[n]);
}
END_TEST

START_TEST(test_siphash_1_3_gives_the_published_answers_under_the_zero_key)
{
  ck_assert_uint_eq(oip_siphash(0, 0, (const unsigned char *)"", 0, 1, 3),
                    UINT64_C(0xd1fba762150c532c));
  ck_assert_uint_eq(oip_siphash(0, 0, (const unsigned char *)"siphash", 7, 1, 3),
                    UINT64_C(0x8264ceeccb16bcbe));
  ck_assert_uint_eq(oip_siphash(0, 0, (const unsigned char *)"digest-sip_hash", 15, 1, 3),
                    UINT64_C(0xce31007e34130c0a));
}
END_TEST

START_TEST(test_siphash_the_ledgers_hashes_are_siphash_1_3_of_their_bytes)
{
  static const char *const ids[] = { "", "r", "req-0001", "officer-0001-of-local-22",
                                     "\xc3\xa9t\xc3\xa9" };
  const struct oip_hash_key key = { K0, K1 };
  const uint64_t values[] = { 0, 1, UINT64_C(2017) << 32 | 22, UINT64_MAX };
  size_t i;

  for (i = 0; i < sizeof ids / sizeof ids[0]; i++) {
    const unsigned char *m = (const unsigned char *)ids[i];
    ck_assert_uint_eq(oip_hash_string(&key, 0, ids[i]),
                      oip_siphash(K0, K1, m, strlen(ids[i]), 1, 3));
    /* The tweak (an officer's year) is folded into the key. */
    ck_assert_uint_eq(oip_hash_string(&key, 2018, ids[i]),
                      oip_siphash(K0, K1 ^ 2018, m, strlen(ids[i]), 1, 3));
    ck_assert_uint_ne(oip_hash_string(&key, 2018, ids[i]), oip_hash_string(&key, 2019, ids[i]));
  }
  for (i = 0; i < sizeof values / sizeof values[0]; i++) {
    unsigned char le[8];
    int b;
    for (b = 0; b < 8; b++)
      le[b] = (unsigned char)(values[i] >> (8 * b));
    ck_assert_uint_eq(oip_hash_u64(&key, values[i]), oip_siphash(K0, K1, le, 8, 1, 3));
  }
}
END_TEST

START_TEST(test_keys_come_from_entropy_and_differ_from_one_ledger_to_the_next)
{
  static const unsigned char entropy[16] = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };
  struct oip_hash_key a = { 0, 0 }, b;
  int x = 0;

  ck_assert_int_eq(oip_hash_key_from(&a, entropy, &a), 1);
  ck_assert_uint_eq(a.k0, K0);
  ck_assert_uint_eq(a.k1, K1);
  /* From the system: two keys, two draws. */
  if (oip_hash_key_new(&a, &x) == 1 && oip_hash_key_new(&b, &x) == 1)
    ck_assert_msg(a.k0 != b.k0 || a.k1 != b.k1, "two keys from the system are equal");
}
END_TEST

START_TEST(test_keys_without_entropy_are_derived_from_the_salt)
{
  struct oip_hash_key a, b;
  int x = 0, y = 0;

  /* The same salt need not give the same key twice: the stack address it
   * also mixes in may move between calls (AddressSanitizer's fake stacks
   * move it), which only adds to what a caller cannot predict. */
  ck_assert_int_eq(oip_hash_key_from(&a, NULL, &x), 0);
  ck_assert_int_eq(oip_hash_key_from(&b, NULL, &y), 0);
  ck_assert_msg(a.k0 != b.k0 && a.k1 != b.k1, "keys of two salts are alike");
  ck_assert_msg(a.k0 != a.k1, "a derived key's halves are alike");
}
END_TEST

static Suite *siphash_suite(void)
{
  Suite *s = suite_create("siphash");
  TCase *tc;

  tc = tcase_create("siphash");
  tcase_add_test(tc, test_siphash_2_4_gives_the_reference_answers_for_0_to_63_bytes);
  tcase_add_test(tc, test_siphash_1_3_gives_the_published_answers_under_the_zero_key);
  tcase_add_test(tc, test_siphash_the_ledgers_hashes_are_siphash_1_3_of_their_bytes);
  suite_add_tcase(s, tc);

  tc = tcase_create("keys");
  tcase_add_test(tc, test_keys_come_from_entropy_and_differ_from_one_ledger_to_the_next);
  tcase_add_test(tc, test_keys_without_entropy_are_derived_from_the_salt);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(siphash_suite());
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
