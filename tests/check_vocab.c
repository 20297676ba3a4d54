/*
 * tests/check_vocab.c -- the vocabulary (vocab.h): every value's one name
 * reads back to the value, every documented spelling is accepted, anything
 * else is refused with the accepted names listed and, when one is close,
 * the one meant; money reads and writes exactly; errors carry their
 * structure (index, field, what was expected, a suggestion).
 */
#include "testutil.h"

/* ---- a table of spellings -------------------------------------------------- */

enum type { COUNTRY, LM_FORM, OFFICE, COURSE_KIND, OUTCOME, CLAUSE, REASON_CODE, SEVERITY,
            EVENT_TYPE, STATUS };

/* Parse text as type; *value receives the value as an int. */
static oi_status parse(enum type t, const char *text, int *value, oi_error *err)
{
  oi_status st = OI_EINVAL;

  switch (t) {
#define CASE(T, fn, ctype)                  \
  case T: {                                 \
    ctype v;                                \
    st = fn(text, &v, err);                 \
    if (st == OI_OK)                        \
      *value = (int)v;                      \
    break;                                  \
  }
    CASE(COUNTRY, oi_country_parse, oi_country)
    CASE(LM_FORM, oi_lm_form_parse, oi_lm_form)
    CASE(OFFICE, oi_office_parse, oi_office)
    CASE(COURSE_KIND, oi_course_kind_parse, oi_course_kind)
    CASE(OUTCOME, oi_outcome_parse, oi_outcome)
    CASE(CLAUSE, oi_clause_parse, oi_clause)
    CASE(REASON_CODE, oi_reason_code_parse, oi_reason_code)
    CASE(SEVERITY, oi_severity_parse, oi_severity)
    CASE(EVENT_TYPE, oi_event_type_parse, oi_event_type)
    CASE(STATUS, oi_status_parse, oi_status)
#undef CASE
  }
  return st;
}

/* The name of value v of type t, or NULL. */
static const char *name_of(enum type t, int v)
{
  switch (t) {
  case COUNTRY: return oi_country_name((oi_country)v);
  case LM_FORM: return oi_lm_form_name((oi_lm_form)v);
  case OFFICE: return oi_office_name((oi_office)v);
  case COURSE_KIND: return oi_course_kind_name((oi_course_kind)v);
  case OUTCOME: return oi_outcome_name((oi_outcome)v);
  case CLAUSE: return oi_clause_id((oi_clause)v);
  case REASON_CODE: return oi_reason_code_name((oi_reason_code)v);
  case SEVERITY: return oi_severity_name((oi_severity)v);
  case EVENT_TYPE: return oi_event_type_name((oi_event_type)v);
  case STATUS: {
    const char *n = oi_status_name((oi_status)v);
    return strcmp(n, "OI_UNKNOWN") != 0 ? n : NULL;
  }
  }
  return NULL;
}

static const oi_expect expects[] = {
  OI_EXPECT_COUNTRY, OI_EXPECT_LM_FORM, OI_EXPECT_OFFICE, OI_EXPECT_COURSE_KIND,
  OI_EXPECT_OUTCOME, OI_EXPECT_CLAUSE, OI_EXPECT_REASON_CODE, OI_EXPECT_SEVERITY,
  OI_EXPECT_EVENT_TYPE, OI_EXPECT_STATUS,
};

/* How many values of each type have a name (independent of the library). */
static const int value_counts[] = { 2, 4, 9, 3, 9, 21, 19, 3, 4, 12 };

struct spelling {
  enum type type;
  const char *text;
  int value;
};

/* Every spelling doc/vocabulary.md lists, and case and separator variants. */
static const struct spelling accepted[] = {
  { COUNTRY, "US", OI_COUNTRY_US }, { COUNTRY, "us", OI_COUNTRY_US },
  { COUNTRY, "USA", OI_COUNTRY_US }, { COUNTRY, "U.S.", OI_COUNTRY_US },
  { COUNTRY, "U.S.A.", OI_COUNTRY_US }, { COUNTRY, "United States", OI_COUNTRY_US },
  { COUNTRY, "united states of america", OI_COUNTRY_US }, { COUNTRY, " US ", OI_COUNTRY_US },
  { COUNTRY, "CA", OI_COUNTRY_CA }, { COUNTRY, "ca", OI_COUNTRY_CA },
  { COUNTRY, "CAN", OI_COUNTRY_CA }, { COUNTRY, "Canada", OI_COUNTRY_CA },
  { COUNTRY, "CANADA", OI_COUNTRY_CA },
  { LM_FORM, "none", OI_LM_NONE }, { LM_FORM, "None", OI_LM_NONE },
  { LM_FORM, "no form", OI_LM_NONE }, { LM_FORM, "No LM form", OI_LM_NONE },
  { LM_FORM, "LM-2", OI_LM_2 }, { LM_FORM, "LM2", OI_LM_2 }, { LM_FORM, "lm 2", OI_LM_2 },
  { LM_FORM, "Form LM-2", OI_LM_2 }, { LM_FORM, "2", OI_LM_2 },
  { LM_FORM, "LM-3", OI_LM_3 }, { LM_FORM, "LM3", OI_LM_3 }, { LM_FORM, "lm-3", OI_LM_3 },
  { LM_FORM, "L.M. 3", OI_LM_3 }, { LM_FORM, "form lm3", OI_LM_3 }, { LM_FORM, "3", OI_LM_3 },
  { LM_FORM, "LM-4", OI_LM_4 }, { LM_FORM, "LM_4", OI_LM_4 }, { LM_FORM, "Form LM-4", OI_LM_4 },
  { LM_FORM, "4", OI_LM_4 },
  { OFFICE, "none", OI_OFFICE_NONE }, { OFFICE, "No office", OI_OFFICE_NONE },
  { OFFICE, "president", OI_OFFICE_PRESIDENT }, { OFFICE, "President", OI_OFFICE_PRESIDENT },
  { OFFICE, "PRESIDENT", OI_OFFICE_PRESIDENT },
  { OFFICE, "vice_president", OI_OFFICE_VICE_PRESIDENT },
  { OFFICE, "Vice-President", OI_OFFICE_VICE_PRESIDENT },
  { OFFICE, "vice president", OI_OFFICE_VICE_PRESIDENT }, { OFFICE, "VP", OI_OFFICE_VICE_PRESIDENT },
  { OFFICE, "secretary", OI_OFFICE_SECRETARY }, { OFFICE, "Secretary", OI_OFFICE_SECRETARY },
  { OFFICE, "treasurer", OI_OFFICE_TREASURER }, { OFFICE, "TREASURER", OI_OFFICE_TREASURER },
  { OFFICE, "secretary_treasurer", OI_OFFICE_SECRETARY_TREASURER },
  { OFFICE, "Secretary-Treasurer", OI_OFFICE_SECRETARY_TREASURER },
  { OFFICE, "secretary treasurer", OI_OFFICE_SECRETARY_TREASURER },
  { OFFICE, "SECRETARY_TREASURER", OI_OFFICE_SECRETARY_TREASURER },
  { OFFICE, "business_agent", OI_OFFICE_BUSINESS_AGENT },
  { OFFICE, "Business Agent", OI_OFFICE_BUSINESS_AGENT }, { OFFICE, "BA", OI_OFFICE_BUSINESS_AGENT },
  { OFFICE, "recording_secretary", OI_OFFICE_RECORDING_SECRETARY },
  { OFFICE, "Recording Secretary", OI_OFFICE_RECORDING_SECRETARY },
  { OFFICE, "other", OI_OFFICE_OTHER }, { OFFICE, "Other", OI_OFFICE_OTHER },
  { COURSE_KIND, "institute", OI_COURSE_INSTITUTE },
  { COURSE_KIND, "Officer Institute", OI_COURSE_INSTITUTE },
  { COURSE_KIND, "Officer Institute 1.0", OI_COURSE_INSTITUTE },
  { COURSE_KIND, "1.0", OI_COURSE_INSTITUTE },
  { COURSE_KIND, "advanced_organizing", OI_COURSE_ADVANCED_ORGANIZING },
  { COURSE_KIND, "Advanced Organizing", OI_COURSE_ADVANCED_ORGANIZING },
  { COURSE_KIND, "Advanced Organizing 2.0", OI_COURSE_ADVANCED_ORGANIZING },
  { COURSE_KIND, "advanced_secretary_treasurer", OI_COURSE_ADVANCED_SECRETARY_TREASURER },
  { COURSE_KIND, "Advanced Secretary-Treasurer", OI_COURSE_ADVANCED_SECRETARY_TREASURER },
  { COURSE_KIND, "Advanced Secretary Treasurer 2.0", OI_COURSE_ADVANCED_SECRETARY_TREASURER },
  { OUTCOME, "none", OI_OUTCOME_NONE }, { OUTCOME, "admitted", OI_OUTCOME_ADMITTED },
  { OUTCOME, "Eligible", OI_OUTCOME_ELIGIBLE }, { OUTCOME, "AWARDED", OI_OUTCOME_AWARDED },
  { OUTCOME, "waitlisted", OI_OUTCOME_WAITLISTED }, { OUTCOME, "refused", OI_OUTCOME_REFUSED },
  { OUTCOME, "withdrawn", OI_OUTCOME_WITHDRAWN }, { OUTCOME, "graduated", OI_OUTCOME_GRADUATED },
  { OUTCOME, "not graduated", OI_OUTCOME_NOT_GRADUATED },
  { OUTCOME, "not_graduated", OI_OUTCOME_NOT_GRADUATED },
  { OUTCOME, "Not-Graduated", OI_OUTCOME_NOT_GRADUATED },
  { CLAUSE, "S6", OI_CLAUSE_S6 }, { CLAUSE, "s6", OI_CLAUSE_S6 }, { CLAUSE, "S-6", OI_CLAUSE_S6 },
  { CLAUSE, "S10", OI_CLAUSE_S10 }, { CLAUSE, "s 11", OI_CLAUSE_S11 },
  { CLAUSE, "u3", OI_CLAUSE_U3 },
  { REASON_CODE, "RECEIVED_LATE", OI_REASON_RECEIVED_LATE },
  { REASON_CODE, "received late", OI_REASON_RECEIVED_LATE },
  { REASON_CODE, "Received-Late", OI_REASON_RECEIVED_LATE },
  { REASON_CODE, "OI_REASON_RECEIVED_LATE", OI_REASON_RECEIVED_LATE },
  { REASON_CODE, "seats_taken", OI_REASON_SEATS_TAKEN },
  { SEVERITY, "refusal", OI_SEVERITY_REFUSAL }, { SEVERITY, "Waitlist", OI_SEVERITY_WAITLIST },
  { SEVERITY, "NOTE", OI_SEVERITY_NOTE },
  { EVENT_TYPE, "entered", OI_EVENT_ENTERED }, { EVENT_TYPE, "Decided", OI_EVENT_DECIDED },
  { EVENT_TYPE, "WITHDRAWN", OI_EVENT_WITHDRAWN }, { EVENT_TYPE, "promoted", OI_EVENT_PROMOTED },
  { EVENT_TYPE, "OI_EVENT_PROMOTED", OI_EVENT_PROMOTED },
  { STATUS, "OI_EINVAL", OI_EINVAL }, { STATUS, "EINVAL", OI_EINVAL },
  { STATUS, "einval", OI_EINVAL }, { STATUS, "OI_OK", OI_OK }, { STATUS, "ok", OI_OK },
  { STATUS, "EIO", OI_EIO }, { STATUS, "oi_enotfound", OI_ENOTFOUND },
};

/* Spellings that are not values: each refused. */
static const struct spelling refused[] = {
  { COUNTRY, "UK", 0 }, { COUNTRY, "Mexico", 0 }, { COUNTRY, "", 0 }, { COUNTRY, "  ", 0 },
  { COUNTRY, "U S X", 0 }, { COUNTRY, "US\n", 0 },
  { LM_FORM, "LM-1", 0 }, { LM_FORM, "LM-5", 0 }, { LM_FORM, "LM", 0 }, { LM_FORM, "0", 0 },
  { LM_FORM, "", 0 },
  { OFFICE, "secretery", 0 }, { OFFICE, "chair", 0 }, { OFFICE, "secretary treasurer x", 0 },
  { OFFICE, "Président", 0 },
  { COURSE_KIND, "2.0", 0 }, { COURSE_KIND, "organizing", 0 },
  { OUTCOME, "award", 0 }, { OUTCOME, "refuse", 0 },
  { CLAUSE, "S12", 0 }, { CLAUSE, "S0", 0 }, { CLAUSE, "6", 0 }, { CLAUSE, "none", 0 },
  { REASON_CODE, "NONE", 0 }, { REASON_CODE, "OI_REASON_", 0 }, { REASON_CODE, "LATE", 0 },
  { REASON_CODE, "OI_RECEIVED_LATE", 0 },
  { SEVERITY, "warning", 0 }, { EVENT_TYPE, "enter", 0 }, { EVENT_TYPE, "OI_ENTERED", 0 },
  { STATUS, "OI_UNKNOWN", 0 }, { STATUS, "UNKNOWN", 0 }, { STATUS, "OI_OI_EINVAL", 0 },
  { STATUS, "OI_EVENT_ENTERED", 0 },
};

/* ---- names and parsers ------------------------------------------------------ */

START_TEST(test_vocab_every_name_parses_back_to_its_value)
{
  enum type t;

  for (t = COUNTRY; t <= STATUS; t++) {
    int v, named = 0;
    /* Far beyond any enum's values: a name outside the range the library
     * parses over would fail to read back here. */
    for (v = -1000; v <= 1000; v++) {
      const char *name = name_of(t, v);
      int back = -12345;
      oi_error e;
      if (name == NULL)
        continue;
      named++;
      ck_assert_msg(parse(t, name, &back, &e) == OI_OK, "type %d: \"%s\": %s", (int)t, name,
                    e.message);
      ck_assert_msg(back == v, "type %d: \"%s\" reads as %d, not %d", (int)t, name, back, v);
    }
    ck_assert_msg(named == value_counts[t], "type %d has %d named values, expected %d", (int)t,
                  named, value_counts[t]);
  }
}
END_TEST

START_TEST(test_vocab_the_names_are_the_documents_spellings)
{
  ck_assert_str_eq(oi_country_name(OI_COUNTRY_US), "US");
  ck_assert_str_eq(oi_country_name(OI_COUNTRY_CA), "CA");
  ck_assert_ptr_null(oi_country_name((oi_country)0));
  ck_assert_ptr_null(oi_country_name((oi_country)3));
  ck_assert_str_eq(oi_lm_form_name(OI_LM_NONE), "none");
  ck_assert_str_eq(oi_lm_form_name(OI_LM_3), "LM-3");
  ck_assert_ptr_null(oi_lm_form_name((oi_lm_form)1));
  ck_assert_ptr_null(oi_lm_form_name((oi_lm_form)5));
  ck_assert_str_eq(oi_office_name(OI_OFFICE_SECRETARY_TREASURER), "secretary_treasurer");
  ck_assert_str_eq(oi_office_name(OI_OFFICE_NONE), "none");
  ck_assert_ptr_null(oi_office_name((oi_office)9));
  ck_assert_ptr_null(oi_office_name((oi_office)-1));
  ck_assert_str_eq(oi_office_title(OI_OFFICE_SECRETARY_TREASURER), "Secretary-Treasurer");
  ck_assert_str_eq(oi_office_title(OI_OFFICE_VICE_PRESIDENT), "Vice-President");
  ck_assert_ptr_null(oi_office_title((oi_office)9));
  ck_assert_str_eq(oi_course_kind_name(OI_COURSE_INSTITUTE), "institute");
  ck_assert_str_eq(oi_course_kind_name(OI_COURSE_ADVANCED_SECRETARY_TREASURER),
                   "advanced_secretary_treasurer");
  ck_assert_ptr_null(oi_course_kind_name((oi_course_kind)0));
  ck_assert_str_eq(oi_severity_name(OI_SEVERITY_WAITLIST), "waitlist");
  ck_assert_ptr_null(oi_severity_name((oi_severity)0));
  ck_assert_ptr_null(oi_severity_name((oi_severity)4));
}
END_TEST

START_TEST(test_vocab_every_title_parses_back_to_its_office)
{
  int v;

  for (v = OI_OFFICE_NONE; v <= OI_OFFICE_OTHER; v++) {
    oi_office back;
    ck_assert_int_eq(oi_office_parse(oi_office_title((oi_office)v), &back, NULL), OI_OK);
    ck_assert_int_eq(back, v);
  }
}
END_TEST

START_TEST(test_vocab_every_documented_spelling_is_accepted)
{
  size_t i;

  for (i = 0; i < sizeof accepted / sizeof accepted[0]; i++) {
    const struct spelling *s = &accepted[i];
    int v = -12345;
    oi_error e;
    ck_assert_msg(parse(s->type, s->text, &v, &e) == OI_OK, "\"%s\": %s", s->text, e.message);
    ck_assert_msg(v == s->value, "\"%s\" reads as %d, not %d", s->text, v, s->value);
  }
}
END_TEST

START_TEST(test_vocab_anything_else_is_einval_listing_the_names)
{
  size_t i;

  for (i = 0; i < sizeof refused / sizeof refused[0]; i++) {
    const struct spelling *s = &refused[i];
    int v = -12345;
    oi_error e;
    memset(&e, TU_SENTINEL, sizeof e);
    ck_assert_msg(parse(s->type, s->text, &v, &e) == OI_EINVAL, "\"%s\" was accepted as %d",
                  s->text, v);
    ck_assert_int_eq(v, -12345);
    ck_assert_int_eq(e.status, OI_EINVAL);
    ck_assert_int_eq(e.expected, expects[s->type]);
    ck_assert_msg(e.index == OI_ERROR_NO_INDEX, "index %zu", e.index);
    ck_assert_str_eq(e.path, "");
    ck_assert_str_eq(e.field, "");
    ck_assert_msg(memchr(e.suggestion, '\0', sizeof e.suggestion) != NULL, "suggestion");
    /* The message lists the accepted names: the first value's name at least. */
    ck_assert_msg(strstr(e.message, "expected one of \"") != NULL, "\"%s\": %s", s->text,
                  e.message);
  }
}
END_TEST

START_TEST(test_vocab_short_lists_are_listed_whole)
{
  oi_error e;
  oi_lm_form f;
  oi_office o;

  ck_assert_int_eq(oi_lm_form_parse("LM-5", &f, &e), OI_EINVAL);
  ck_assert_str_eq(e.message, "\"LM-5\" is not an LM form; expected one of \"none\", \"LM-2\", "
                              "\"LM-3\", \"LM-4\"");
  ck_assert_int_eq(oi_office_parse("chair", &o, &e), OI_EINVAL);
  ck_assert_msg(strstr(e.message, "\"recording_secretary\", \"other\"") != NULL, "%s",
                e.message);
  /* Eighteen reason codes do not fit: the list ends with "...". */
  {
    oi_reason_code c;
    ck_assert_int_eq(oi_reason_code_parse("LATE", &c, &e), OI_EINVAL);
    ck_assert_msg(strstr(e.message, "\"COUNTRY_NOT_ADMITTED\"") != NULL &&
                      strstr(e.message, ", ...") != NULL,
                  "%s", e.message);
  }
}
END_TEST

START_TEST(test_vocab_a_close_spelling_is_suggested)
{
  oi_error e;
  oi_office o;
  oi_reason_code c;
  oi_course_kind k;

  ck_assert_int_eq(oi_office_parse("secretery", &o, &e), OI_EINVAL);
  ck_assert_str_eq(e.suggestion, "secretary");
  ck_assert_msg(strstr(e.message, "did you mean \"secretary\"?") != NULL, "%s", e.message);
  ck_assert_int_eq(oi_office_parse("Secretary-Tresurer", &o, &e), OI_EINVAL);
  ck_assert_str_eq(e.suggestion, "secretary_treasurer");
  ck_assert_int_eq(oi_office_parse("Bussiness Agent", &o, &e), OI_EINVAL);
  ck_assert_str_eq(e.suggestion, "business_agent");
  ck_assert_int_eq(oi_reason_code_parse("RECIEVED_LATE", &c, &e), OI_EINVAL);
  ck_assert_str_eq(e.suggestion, "RECEIVED_LATE");
  /* An alias close to the text suggests its value's name. */
  ck_assert_int_eq(oi_course_kind_parse("Oficer Institute", &k, &e), OI_EINVAL);
  ck_assert_str_eq(e.suggestion, "institute");
}
END_TEST

START_TEST(test_vocab_no_suggestion_when_far_short_or_tied)
{
  oi_error e;
  oi_country c;
  oi_office o;
  oi_clause cl;

  ck_assert_int_eq(oi_country_parse("UK", &c, &e), OI_EINVAL);
  ck_assert_str_eq(e.suggestion, "");
  ck_assert_msg(strstr(e.message, "did you mean") == NULL, "%s", e.message);
  ck_assert_int_eq(oi_office_parse("chair", &o, &e), OI_EINVAL);
  ck_assert_str_eq(e.suggestion, "");
  /* "S12" is one edit from S1, S2, S10, S11: no single one is meant. */
  ck_assert_int_eq(oi_clause_parse("S12", &cl, &e), OI_EINVAL);
  ck_assert_str_eq(e.suggestion, "");
}
END_TEST

START_TEST(test_vocab_null_arguments_are_einval)
{
  oi_error e;
  oi_country c;
  int64_t cents;

  ck_assert_int_eq(oi_country_parse(NULL, &c, &e), OI_EINVAL);
  ck_assert_str_eq(e.field, "text");
  ck_assert_int_eq(e.expected, OI_EXPECT_VALUE);
  ck_assert_int_eq(oi_country_parse("US", NULL, &e), OI_EINVAL);
  ck_assert_str_eq(e.field, "out");
  ck_assert_int_eq(oi_status_parse(NULL, NULL, NULL), OI_EINVAL);
  ck_assert_int_eq(oi_money_parse(NULL, &cents, &e), OI_EINVAL);
  ck_assert_int_eq(oi_money_parse("1", NULL, &e), OI_EINVAL);
  ck_assert_int_eq(oi_money_format(1, NULL, 5), -1);
}
END_TEST

START_TEST(test_vocab_text_longer_than_any_name_is_refused_not_truncated)
{
  char text[300];
  oi_error e;
  oi_office o;

  memset(text, 'x', sizeof text - 1);
  text[sizeof text - 1] = '\0';
  memcpy(text, "president", 9);
  ck_assert_int_eq(oi_office_parse(text, &o, &e), OI_EINVAL);
  ck_assert_msg(strlen(e.message) < sizeof e.message, "message");
}
END_TEST

/* ---- money ------------------------------------------------------------------- */

struct money_case {
  const char *text;
  int64_t cents;
};

static const struct money_case money_ok[] = {
  { "249,999.99", 24999999 }, { "$250,000", 25000000 }, { "250000.00", 25000000 },
  { "$250,000.00", 25000000 }, { "0", 0 }, { "$0.00", 0 }, { "0.5", 50 }, { ".5", 50 },
  { "$.05", 5 }, { "1,000.5", 100050 }, { "  $12.34  ", 1234 }, { "-$12.00", -1200 },
  { "-12", -1200 }, { "007", 700 }, { "1,234,567.89", 123456789 },
  { "$92,233,720,368,547,758.07", INT64_MAX }, { "92233720368547758.07", INT64_MAX },
  { "-$92,233,720,368,547,758.08", INT64_MIN },
};

static const char *const money_bad[] = {
  "", "   ", "$", "-", "-$", "abc", "12a", "1e5", "1.", "1.234", "$1,00", "1,0000",
  "12,34.00", ",100", "1,,000", "1000,000", "$$5", "$-5", "--5", "+5", "5$", "5 000",
  "$92,233,720,368,547,758.08", "92233720368547758.08", "-92233720368547758.09",
  "99999999999999999999", "1.2.3", "1,000.", "0x10", "1\n2",
};

START_TEST(test_vocab_money_reads_dollars_and_cents_exactly)
{
  size_t i;

  for (i = 0; i < sizeof money_ok / sizeof money_ok[0]; i++) {
    int64_t cents = -1;
    oi_error e;
    ck_assert_msg(oi_money_parse(money_ok[i].text, &cents, &e) == OI_OK, "\"%s\": %s",
                  money_ok[i].text, e.message);
    ck_assert_msg(cents == money_ok[i].cents, "\"%s\" reads as %lld cents", money_ok[i].text,
                  (long long)cents);
  }
}
END_TEST

START_TEST(test_vocab_money_refuses_what_is_not_an_exact_amount)
{
  size_t i;

  for (i = 0; i < sizeof money_bad / sizeof money_bad[0]; i++) {
    int64_t cents = 4242;
    oi_error e;
    ck_assert_msg(oi_money_parse(money_bad[i], &cents, &e) == OI_EINVAL, "\"%s\" was accepted",
                  money_bad[i]);
    ck_assert_int_eq(cents, 4242);
    ck_assert_int_eq(e.expected, OI_EXPECT_MONEY);
    ck_assert_msg(e.message[0] != '\0', "no message");
  }
}
END_TEST

START_TEST(test_vocab_money_writes_what_the_messages_show)
{
  char buf[OI_MONEY_STRING_SIZE];

  ck_assert_int_eq(oi_money_format(25000000, buf, sizeof buf), 11);
  ck_assert_str_eq(buf, "$250,000.00");
  oi_money_format(0, buf, sizeof buf);
  ck_assert_str_eq(buf, "$0.00");
  oi_money_format(5, buf, sizeof buf);
  ck_assert_str_eq(buf, "$0.05");
  oi_money_format(99999, buf, sizeof buf);
  ck_assert_str_eq(buf, "$999.99");
  oi_money_format(100000, buf, sizeof buf);
  ck_assert_str_eq(buf, "$1,000.00");
  oi_money_format(-1200, buf, sizeof buf);
  ck_assert_str_eq(buf, "-$12.00");
  ck_assert_int_eq(oi_money_format(INT64_MIN, buf, sizeof buf),
                   (int)sizeof buf - 1);
  ck_assert_str_eq(buf, "-$92,233,720,368,547,758.08");
  ck_assert_int_eq(oi_money_format(INT64_MAX, NULL, 0), 26);
  /* Truncated like snprintf. */
  ck_assert_int_eq(oi_money_format(25000000, buf, 5), 11);
  ck_assert_str_eq(buf, "$250");
}
END_TEST

START_TEST(test_vocab_money_round_trips_every_magnitude)
{
  int64_t v = 1;
  int k;

  for (k = 0; k < 63; k++, v = v * 2 + (k % 3)) {
    const int64_t values[] = { v, -v, v - 1, v + 1 };
    size_t j;
    for (j = 0; j < 4; j++) {
      char buf[OI_MONEY_STRING_SIZE];
      int64_t back;
      if (values[j] < 0 && k == 62)
        continue;
      ck_assert_int_lt(oi_money_format(values[j], buf, sizeof buf), (int)sizeof buf);
      ck_assert_msg(oi_money_parse(buf, &back, NULL) == OI_OK, "\"%s\"", buf);
      ck_assert_msg(back == values[j], "%lld -> \"%s\" -> %lld", (long long)values[j], buf,
                    (long long)back);
    }
    if (v > INT64_MAX / 2 - 3)
      break;
  }
  {
    const int64_t ends[] = { INT64_MAX, INT64_MIN, INT64_MIN + 1, 0, -1, 1, 99, 100, 101 };
    size_t j;
    for (j = 0; j < sizeof ends / sizeof ends[0]; j++) {
      char buf[OI_MONEY_STRING_SIZE];
      int64_t back;
      oi_money_format(ends[j], buf, sizeof buf);
      ck_assert_int_eq(oi_money_parse(buf, &back, NULL), OI_OK);
      ck_assert_msg(back == ends[j], "\"%s\"", buf);
    }
  }
}
END_TEST

/* ---- the error's structure ---------------------------------------------------- */

START_TEST(test_vocab_expect_names_are_distinct)
{
  const char *seen[128];
  int v, n = 0, i;

  for (v = -10; v < 128; v++) {
    const char *name = oi_expect_name((oi_expect)v);
    if (name == NULL)
      continue;
    ck_assert_msg(v >= 0, "negative expectation %d", v);
    for (i = 0; i < n; i++)
      ck_assert_msg(strcmp(seen[i], name) != 0, "\"%s\" twice", name);
    seen[n++] = name;
  }
  ck_assert_int_eq(n, 32);
  ck_assert_str_eq(oi_expect_name(OI_EXPECT_SESSION), "session");
  ck_assert_str_eq(oi_expect_name(OI_EXPECT_VERSION), "version");
  ck_assert_str_eq(oi_expect_name(OI_EXPECT_PRINTABLE), "printable");
  ck_assert_str_eq(oi_expect_name(OI_EXPECT_LM_FORM), "lm_form");
}
END_TEST

START_TEST(test_vocab_error_clear_means_no_element)
{
  oi_error e;

  memset(&e, TU_SENTINEL, sizeof e);
  oi_error_clear(&e);
  ck_assert_int_eq(e.status, OI_OK);
  ck_assert_msg(e.index == OI_ERROR_NO_INDEX, "index %zu", e.index);
  ck_assert_int_eq(e.expected, OI_EXPECT_NONE);
  ck_assert_str_eq(e.field, "");
  ck_assert_str_eq(e.suggestion, "");
  oi_error_clear(NULL);
}
END_TEST

static oi_subsidy_request good_request(const char *id, const char *session)
{
  oi_subsidy_request r = OI_SUBSIDY_REQUEST_INIT;

  r.id = id;
  r.session_id = session;
  r.local.number = 22;
  r.local.name = "IATSE Local 22";
  r.local.country = OI_COUNTRY_US;
  r.local.district = 3;
  r.local.lm_form = OI_LM_3;
  r.officer.id = "officer-1";
  r.officer.office = OI_OFFICE_PRESIDENT;
  r.received = tu_dt(2017, 6, 1, 9, 0, 0);
  r.nights = 5;
  r.attested = r.with_application = r.application_signed = r.request_signed = 1;
  return r;
}

START_TEST(test_vocab_a_batch_error_names_its_element_and_field)
{
  oi_policy *p = NULL;
  oi_subsidy_request reqs[4];
  oi_decision d[4];
  oi_error e;
  size_t i;

  for (i = 0; i < 4; i++)
    d[i] = (oi_decision)OI_DECISION_INIT;
  ck_assert_int_eq(oi_policy_builtin(2017, &p, NULL), OI_OK);
  reqs[0] = good_request("a", "OI-2017-FL");
  reqs[1] = good_request("b", "OI-2017-FL");
  reqs[2] = good_request("c", "OI-2017-FL");
  reqs[3] = good_request("d", "OI-2017-FL");
  reqs[2].local.district = 14;
  ck_assert_int_eq(oi_check_subsidy_many(p, reqs, 4, sizeof reqs[0], d, sizeof d[0], &e),
                   OI_EINVAL);
  ck_assert_uint_eq(e.index, 2);
  ck_assert_str_eq(e.field, "local.district");
  ck_assert_str_eq(e.path, "requests[2].local.district");
  ck_assert_int_eq(e.expected, OI_EXPECT_RANGE);
  /* The same request alone: no element, the argument's field. */
  ck_assert_int_eq(oi_check_subsidy(p, &reqs[2], d, &e), OI_EINVAL);
  ck_assert_msg(e.index == OI_ERROR_NO_INDEX, "index %zu", e.index);
  ck_assert_str_eq(e.field, "local.district");
  ck_assert_str_eq(e.path, "request.local.district");
  oi_policy_free(p);
}
END_TEST

START_TEST(test_vocab_an_unknown_session_suggests_the_one_meant)
{
  oi_policy *p = NULL;
  oi_subsidy_request r;
  oi_decision d = OI_DECISION_INIT;
  oi_error e;
  size_t index;

  ck_assert_int_eq(oi_policy_builtin(2017, &p, NULL), OI_OK);
  r = good_request("a", "OI-2017-ND");
  ck_assert_int_eq(oi_check_subsidy(p, &r, &d, &e), OI_ENOTFOUND);
  ck_assert_str_eq(e.suggestion, "OI-2017-MD");
  ck_assert_int_eq(e.expected, OI_EXPECT_SESSION);
  ck_assert_str_eq(e.field, "session_id");
  ck_assert_str_eq(e.message, "no session \"OI-2017-ND\" in policy "
                              "\"iatse-officer-institute-2017\"; did you mean \"OI-2017-MD\"?");
  /* A difference of case alone. */
  ck_assert_int_eq(oi_policy_find_session(p, "oi-2017-fl", &index, &e), OI_ENOTFOUND);
  ck_assert_str_eq(e.suggestion, "OI-2017-FL");
  /* Two sessions equally close: none is suggested. */
  r.session_id = "OI-2017-XX";
  ck_assert_int_eq(oi_check_subsidy(p, &r, &d, &e), OI_ENOTFOUND);
  ck_assert_str_eq(e.suggestion, "");
  ck_assert_msg(strstr(e.message, "did you mean") == NULL, "%s", e.message);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_vocab_an_unknown_course_suggests_the_one_meant)
{
  oi_policy *p = NULL;
  oi_application a = OI_APPLICATION_INIT;
  oi_decision d = OI_DECISION_INIT;
  oi_error e;
  size_t index;

  ck_assert_int_eq(oi_policy_builtin(2017, &p, NULL), OI_OK);
  a.session_id = "ADV-2017-MD";
  a.course_id = "ORG-20";
  a.local = good_request("a", "x").local;
  a.officer = good_request("a", "x").officer;
  ck_assert_int_eq(oi_check_enrollment(p, &a, &d, &e), OI_ENOTFOUND);
  ck_assert_str_eq(e.suggestion, "ORG-2.0");
  ck_assert_int_eq(e.expected, OI_EXPECT_COURSE);
  ck_assert_int_eq(oi_policy_find_course(p, "st-2.0", &index, &e), OI_ENOTFOUND);
  ck_assert_str_eq(e.suggestion, "ST-2.0");
  oi_policy_free(p);
}
END_TEST

START_TEST(test_vocab_an_unknown_policy_field_suggests_the_one_meant)
{
  static const char doc[] =
      "{\"format\": \"officerinst-policy\", \"version\": 1, \"id\": \"p\",\n"
      " \"numbers\": {\"year\": 2018, \"seats_per_sesion\": 10}}";
  oi_policy *p = NULL;
  oi_error e;

  ck_assert_int_eq(oi_policy_from_json(doc, sizeof doc - 1, &p, &e), OI_ESCHEMA);
  ck_assert_str_eq(e.message, "unknown field \"seats_per_sesion\" in numbers; did you mean "
                              "\"seats_per_session\"?");
  ck_assert_str_eq(e.suggestion, "seats_per_session");
  ck_assert_int_eq(e.expected, OI_EXPECT_FIELD);
  ck_assert_str_eq(e.path, "numbers.seats_per_sesion");
  ck_assert_int_eq(e.line, 2);
  ck_assert_ptr_null(p);
}
END_TEST

START_TEST(test_vocab_policy_documents_read_every_spelling)
{
  /* A course kind, countries and dates in other spellings: the same policy
   * as the canonical one, so the same digest. */
  static const char canonical[] =
      "{\"format\":\"officerinst-policy\",\"version\":1,\"id\":\"p\",\"numbers\":{\"year\":2018,"
      "\"seats_per_session\":10,\"local_cap_per_year\":2,\"deadline_weeks\":6,\"max_nights\":5,"
      "\"canada_threshold_cents\":25000000},\"courses\":[{\"id\":\"OI\",\"title\":\"T\","
      "\"kind\":\"institute\"}],\"sessions\":[{\"id\":\"S\",\"place\":\"Denver, CO\","
      "\"hotel\":\"H\",\"first_day\":\"2018-05-07\",\"last_day\":\"2018-05-11\","
      "\"countries\":[\"US\",\"CA\"],\"courses\":[\"OI\"]}],\"prior_sites\":[]}";
  static const char spelt[] =
      "{\"format\":\"officerinst-policy\",\"version\":1,\"id\":\"p\",\"numbers\":{\"year\":2018,"
      "\"seats_per_session\":10,\"local_cap_per_year\":2,\"deadline_weeks\":6,\"max_nights\":5,"
      "\"canada_threshold_cents\":25000000},\"courses\":[{\"id\":\"OI\",\"title\":\"T\","
      "\"kind\":\"Officer Institute 1.0\"}],\"sessions\":[{\"id\":\"S\",\"place\":\"Denver, CO\","
      "\"hotel\":\"H\",\"first_day\":\"2018-05-07\",\"last_day\":\"2018-05-11\","
      "\"countries\":[\"United States\",\"Canada\"],\"courses\":[\"OI\"]}],\"prior_sites\":[]}";
  oi_policy *a = NULL, *b = NULL;
  oi_error e;

  ck_assert_msg(oi_policy_from_json(canonical, sizeof canonical - 1, &a, &e) == OI_OK, "%s",
                e.message);
  ck_assert_msg(oi_policy_from_json(spelt, sizeof spelt - 1, &b, &e) == OI_OK, "%s", e.message);
  ck_assert_str_eq(oi_policy_digest(a), oi_policy_digest(b));
  oi_policy_free(a);
  oi_policy_free(b);
}
END_TEST

START_TEST(test_vocab_policy_document_errors_name_the_element)
{
  static const char doc[] =
      "{\"format\":\"officerinst-policy\",\"version\":1,\"id\":\"p\",\"numbers\":{\"year\":2018,"
      "\"seats_per_session\":10,\"local_cap_per_year\":2,\"deadline_weeks\":6,\"max_nights\":5,"
      "\"canada_threshold_cents\":25000000},\"courses\":[{\"id\":\"OI\",\"title\":\"T\","
      "\"kind\":\"institute\"}, {\"id\":\"X\",\"title\":\"T\",\"kind\":\"institut\"}],"
      "\"sessions\":[],\"prior_sites\":[]}";
  oi_policy *p = NULL;
  oi_error e;

  ck_assert_int_eq(oi_policy_from_json(doc, sizeof doc - 1, &p, &e), OI_ESCHEMA);
  ck_assert_str_eq(e.path, "courses[1].kind");
  ck_assert_uint_eq(e.index, 1);
  ck_assert_str_eq(e.field, "kind");
  ck_assert_int_eq(e.expected, OI_EXPECT_COURSE_KIND);
  ck_assert_str_eq(e.suggestion, "institute");
}
END_TEST

static Suite *vocab_suite(void)
{
  Suite *s = suite_create("vocab");
  TCase *tc = tcase_create("names");

  tcase_add_test(tc, test_vocab_every_name_parses_back_to_its_value);
  tcase_add_test(tc, test_vocab_the_names_are_the_documents_spellings);
  tcase_add_test(tc, test_vocab_every_title_parses_back_to_its_office);
  tcase_add_test(tc, test_vocab_every_documented_spelling_is_accepted);
  tcase_add_test(tc, test_vocab_anything_else_is_einval_listing_the_names);
  tcase_add_test(tc, test_vocab_short_lists_are_listed_whole);
  tcase_add_test(tc, test_vocab_a_close_spelling_is_suggested);
  tcase_add_test(tc, test_vocab_no_suggestion_when_far_short_or_tied);
  tcase_add_test(tc, test_vocab_null_arguments_are_einval);
  tcase_add_test(tc, test_vocab_text_longer_than_any_name_is_refused_not_truncated);
  suite_add_tcase(s, tc);

  tc = tcase_create("money");
  tcase_add_test(tc, test_vocab_money_reads_dollars_and_cents_exactly);
  tcase_add_test(tc, test_vocab_money_refuses_what_is_not_an_exact_amount);
  tcase_add_test(tc, test_vocab_money_writes_what_the_messages_show);
  tcase_add_test(tc, test_vocab_money_round_trips_every_magnitude);
  suite_add_tcase(s, tc);

  tc = tcase_create("errors");
  tcase_add_test(tc, test_vocab_expect_names_are_distinct);
  tcase_add_test(tc, test_vocab_error_clear_means_no_element);
  tcase_add_test(tc, test_vocab_a_batch_error_names_its_element_and_field);
  tcase_add_test(tc, test_vocab_an_unknown_session_suggests_the_one_meant);
  tcase_add_test(tc, test_vocab_an_unknown_course_suggests_the_one_meant);
  tcase_add_test(tc, test_vocab_an_unknown_policy_field_suggests_the_one_meant);
  tcase_add_test(tc, test_vocab_policy_documents_read_every_spelling);
  tcase_add_test(tc, test_vocab_policy_document_errors_name_the_element);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(vocab_suite());
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
