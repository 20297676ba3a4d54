/*
 * tests/check_cost_vocab.c -- the names of the cost split (cost_vocab.h):
 * every item and payer has its name (E2, S7), the names are distinct and in
 * the vocabulary's form, and a value that is not an item or a payer has
 * none. The split itself names its payers with them.
 */
#include "testutil.h"

#include <ctype.h>

static int vocabulary_form(const char *s)
{
  if (s == NULL || *s == '\0')
    return 0;
  for (; *s != '\0'; s++)
    if (!islower((unsigned char)*s) && *s != '_')
      return 0;
  return 1;
}

START_TEST(test_every_cost_item_has_its_name)
{
  ck_assert_str_eq(oi_cost_item_name(OI_COST_PROGRAM), "program");
  ck_assert_str_eq(oi_cost_item_name(OI_COST_INSTRUCTORS), "instructors");
  ck_assert_str_eq(oi_cost_item_name(OI_COST_TRANSPORTATION), "transportation");
  ck_assert_str_eq(oi_cost_item_name(OI_COST_PER_DIEM), "per_diem");
  ck_assert_str_eq(oi_cost_item_name(OI_COST_HOTEL), "hotel");
}
END_TEST

START_TEST(test_every_payer_has_its_name)
{
  ck_assert_str_eq(oi_payer_name(OI_PAYER_INTERNATIONAL), "international");
  ck_assert_str_eq(oi_payer_name(OI_PAYER_LOCAL), "local");
  ck_assert_str_eq(oi_payer_name(OI_PAYER_SUBSIDY), "subsidy");
}
END_TEST

START_TEST(test_names_are_distinct_and_in_the_vocabulary_form)
{
  size_t i, j;

  for (i = 0; i < OI_COST_ITEM_COUNT; i++) {
    ck_assert(vocabulary_form(oi_cost_item_name((oi_cost_item)i)));
    for (j = 0; j < i; j++)
      ck_assert_str_ne(oi_cost_item_name((oi_cost_item)i), oi_cost_item_name((oi_cost_item)j));
  }
  ck_assert(vocabulary_form(oi_payer_name(OI_PAYER_INTERNATIONAL)));
  ck_assert_str_ne(oi_payer_name(OI_PAYER_LOCAL), oi_payer_name(OI_PAYER_SUBSIDY));
}
END_TEST

START_TEST(test_a_value_out_of_range_has_no_name)
{
  ck_assert_ptr_null(oi_cost_item_name((oi_cost_item)-1));
  ck_assert_ptr_null(oi_cost_item_name((oi_cost_item)OI_COST_ITEM_COUNT));
  ck_assert_ptr_null(oi_payer_name((oi_payer)0));
  ck_assert_ptr_null(oi_payer_name((oi_payer)4));
}
END_TEST

/* E2, S7: a subsidized stay is split between three payers, each named. */
START_TEST(test_a_split_names_its_payers)
{
  oi_policy *p = NULL;
  oi_stay stay = OI_STAY_INIT;
  oi_cost_split split = OI_COST_SPLIT_INIT;

  stay.nights = 6;
  stay.nights_awarded = 5;
  stay.nightly_rate_cents = 15000;
  ck_assert_int_eq(oi_policy_builtin(2017, &p, NULL), OI_OK);
  ck_assert_int_eq(oi_cost_split_compute(p, &stay, &split, NULL), OI_OK);
  ck_assert_str_eq(oi_payer_name(split.payer[OI_COST_PROGRAM]), "international");
  ck_assert_str_eq(oi_payer_name(split.payer[OI_COST_PER_DIEM]), "local");
  ck_assert_str_eq(oi_payer_name(split.payer[OI_COST_HOTEL]), "subsidy");
  oi_policy_free(p);
}
END_TEST

int main(void)
{
  Suite *s = suite_create("cost_vocab");
  TCase *tc = tcase_create("names");
  SRunner *sr;
  int failed;

  tcase_add_test(tc, test_every_cost_item_has_its_name);
  tcase_add_test(tc, test_every_payer_has_its_name);
  tcase_add_test(tc, test_names_are_distinct_and_in_the_vocabulary_form);
  tcase_add_test(tc, test_a_value_out_of_range_has_no_name);
  tcase_add_test(tc, test_a_split_names_its_payers);
  suite_add_tcase(s, tc);
  sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
