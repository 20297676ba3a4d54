/*
 * tests/check_abi.c -- structures that can grow (doc/abi.md).
 *
 *  "layouts"  every member of the version-1 layouts (lib/abi_v1.h, a
 *             frozen copy) is where the headers put it, so the headers can
 *             only have grown at the ends; a structure still of version 1
 *             is exactly its copy.
 *  "versions" a structure that was never initialised, or is of a version
 *             newer than the library's, is refused naming its version
 *             member, inputs and outputs alike, nested ones too; nothing
 *             is written or changed.
 *  "init"     the init functions give what the initialisers give, and
 *             refuse a version they do not know.
 *  "arrays"   arrays are walked by the caller's element size: requests and
 *             decisions inside the caller's larger records are read and
 *             written in place, and nothing between them is touched; a
 *             size too small for an element is refused.
 *  "v1"       structures of the frozen version-1 layouts, passed through
 *             the API, are decided and filled as the headers' are.
 *  "reasons"  no decision needs more room for reasons than a version-1
 *             decision has; the accessor's bounds.
 *  "batch"    a batch's requests are copied out in the caller's layout.
 */
#include "testutil.h"
#include "abi_v1.h" /* lib/: the frozen version-1 layouts */

/* ---- layouts -------------------------------------------------------------- */

#define SAME_PLACE(v1type, type, member)                                                 \
  ck_assert_msg(offsetof(v1type, member) == offsetof(type, member) &&                    \
                    sizeof(((v1type *)0)->member) == sizeof(((type *)0)->member),        \
                #type "." #member " moved: version 1 has it at %zu (%zu bytes), the "    \
                "headers at %zu (%zu bytes)",                                            \
                offsetof(v1type, member), sizeof(((v1type *)0)->member),                 \
                offsetof(type, member), sizeof(((type *)0)->member))

START_TEST(test_version_1_members_stay_where_they_were)
{
  SAME_PLACE(oip_v1_local, oi_local, version);
  SAME_PLACE(oip_v1_local, oi_local, number);
  SAME_PLACE(oip_v1_local, oi_local, name);
  SAME_PLACE(oip_v1_local, oi_local, country);
  SAME_PLACE(oip_v1_local, oi_local, district);
  SAME_PLACE(oip_v1_local, oi_local, lm_form);
  SAME_PLACE(oip_v1_local, oi_local, receipts_known);
  SAME_PLACE(oip_v1_local, oi_local, receipts_cents);

  SAME_PLACE(oip_v1_officer, oi_officer, version);
  SAME_PLACE(oip_v1_officer, oi_officer, id);
  SAME_PLACE(oip_v1_officer, oi_officer, name);
  SAME_PLACE(oip_v1_officer, oi_officer, office);
  SAME_PLACE(oip_v1_officer, oi_officer, graduations);
  SAME_PLACE(oip_v1_officer, oi_officer, graduation_count);

  /* The containers hold a local and an officer by value: should either
   * grow, these fail, and the library must read version-1 containers by
   * their old layout (doc/abi.md, "Structures inside structures"). */
  SAME_PLACE(oip_v1_subsidy_request, oi_subsidy_request, version);
  SAME_PLACE(oip_v1_subsidy_request, oi_subsidy_request, id);
  SAME_PLACE(oip_v1_subsidy_request, oi_subsidy_request, session_id);
  SAME_PLACE(oip_v1_subsidy_request, oi_subsidy_request, local);
  SAME_PLACE(oip_v1_subsidy_request, oi_subsidy_request, officer);
  SAME_PLACE(oip_v1_subsidy_request, oi_subsidy_request, received);
  SAME_PLACE(oip_v1_subsidy_request, oi_subsidy_request, nights);
  SAME_PLACE(oip_v1_subsidy_request, oi_subsidy_request, attested);
  SAME_PLACE(oip_v1_subsidy_request, oi_subsidy_request, with_application);
  SAME_PLACE(oip_v1_subsidy_request, oi_subsidy_request, application_signed);
  SAME_PLACE(oip_v1_subsidy_request, oi_subsidy_request, request_signed);

  SAME_PLACE(oip_v1_application, oi_application, version);
  SAME_PLACE(oip_v1_application, oi_application, session_id);
  SAME_PLACE(oip_v1_application, oi_application, course_id);
  SAME_PLACE(oip_v1_application, oi_application, local);
  SAME_PLACE(oip_v1_application, oi_application, officer);

  SAME_PLACE(oip_v1_decision, oi_decision, version);
  SAME_PLACE(oip_v1_decision, oi_decision, outcome);
  SAME_PLACE(oip_v1_decision, oi_decision, policy_id);
  SAME_PLACE(oip_v1_decision, oi_decision, session);
  SAME_PLACE(oip_v1_decision, oi_decision, session_id);
  SAME_PLACE(oip_v1_decision, oi_decision, nights_requested);
  SAME_PLACE(oip_v1_decision, oi_decision, nights);
  SAME_PLACE(oip_v1_decision, oi_decision, payee);
  SAME_PLACE(oip_v1_decision, oi_decision, reason_count);
  SAME_PLACE(oip_v1_decision, oi_decision, reasons);
  SAME_PLACE(oip_v1_decision, oi_decision, nights_if_awarded);
  SAME_PLACE(oip_v1_decision, oi_decision, request_id);

  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, version);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, id);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, entry_number);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, session);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, session_id);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, year);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, local_number);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, local_name);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, country);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, district);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, officer_id);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, officer_name);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, received);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, status);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, nights_requested);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, nights);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, payee);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, reason_count);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, reasons);
  SAME_PLACE(oip_v1_ledger_entry, oi_ledger_entry, nights_if_awarded);

  SAME_PLACE(oip_v1_session_summary, oi_session_summary, version);
  SAME_PLACE(oip_v1_session_summary, oi_session_summary, seats);
  SAME_PLACE(oip_v1_session_summary, oi_session_summary, awarded);
  SAME_PLACE(oip_v1_session_summary, oi_session_summary, waitlisted);
  SAME_PLACE(oip_v1_session_summary, oi_session_summary, refused);
  SAME_PLACE(oip_v1_session_summary, oi_session_summary, withdrawn);
  SAME_PLACE(oip_v1_session_summary, oi_session_summary, seats_left);
  SAME_PLACE(oip_v1_session_summary, oi_session_summary, nights);

  SAME_PLACE(oip_v1_policy_numbers, oi_policy_numbers, version);
  SAME_PLACE(oip_v1_policy_numbers, oi_policy_numbers, year);
  SAME_PLACE(oip_v1_policy_numbers, oi_policy_numbers, seats_per_session);
  SAME_PLACE(oip_v1_policy_numbers, oi_policy_numbers, local_cap_per_year);
  SAME_PLACE(oip_v1_policy_numbers, oi_policy_numbers, deadline_weeks);
  SAME_PLACE(oip_v1_policy_numbers, oi_policy_numbers, max_nights);
  SAME_PLACE(oip_v1_policy_numbers, oi_policy_numbers, canada_threshold_cents);

  SAME_PLACE(oip_v1_session, oi_session, version);
  SAME_PLACE(oip_v1_session, oi_session, id);
  SAME_PLACE(oip_v1_session, oi_session, place);
  SAME_PLACE(oip_v1_session, oi_session, hotel);
  SAME_PLACE(oip_v1_session, oi_session, first_day);
  SAME_PLACE(oip_v1_session, oi_session, last_day);
  SAME_PLACE(oip_v1_session, oi_session, countries);
  SAME_PLACE(oip_v1_session, oi_session, course_ids);
  SAME_PLACE(oip_v1_session, oi_session, course_count);
  SAME_PLACE(oip_v1_session, oi_session, own_seats);
  SAME_PLACE(oip_v1_session, oi_session, has_own_seats);

  SAME_PLACE(oip_v1_withdrawal, oi_withdrawal, version);
  SAME_PLACE(oip_v1_withdrawal, oi_withdrawal, previous);
  SAME_PLACE(oip_v1_withdrawal, oi_withdrawal, promoted_count);
  SAME_PLACE(oip_v1_withdrawal, oi_withdrawal, promoted);

  SAME_PLACE(oip_v1_course, oi_course, version);
  SAME_PLACE(oip_v1_course, oi_course, id);
  SAME_PLACE(oip_v1_course, oi_course, title);
  SAME_PLACE(oip_v1_course, oi_course, kind);

  SAME_PLACE(oip_v1_stay, oi_stay, version);
  SAME_PLACE(oip_v1_stay, oi_stay, nights);
  SAME_PLACE(oip_v1_stay, oi_stay, nights_awarded);
  SAME_PLACE(oip_v1_stay, oi_stay, nightly_rate_cents);

  SAME_PLACE(oip_v1_cost_split, oi_cost_split, version);
  SAME_PLACE(oip_v1_cost_split, oi_cost_split, payer);
  SAME_PLACE(oip_v1_cost_split, oi_cost_split, subsidy_nights);
  SAME_PLACE(oip_v1_cost_split, oi_cost_split, local_nights);
  SAME_PLACE(oip_v1_cost_split, oi_cost_split, subsidy_hotel_cents);
  SAME_PLACE(oip_v1_cost_split, oi_cost_split, local_hotel_cents);

  SAME_PLACE(oip_v1_event, oi_event, version);
  SAME_PLACE(oip_v1_event, oi_event, sequence);
  SAME_PLACE(oip_v1_event, oi_event, type);
  SAME_PLACE(oip_v1_event, oi_event, request_id);
  SAME_PLACE(oip_v1_event, oi_event, outcome);
  SAME_PLACE(oip_v1_event, oi_event, cause_id);
  SAME_PLACE(oip_v1_event, oi_event, nights);
  SAME_PLACE(oip_v1_event, oi_event, reason_count);
  SAME_PLACE(oip_v1_event, oi_event, reasons);
}
END_TEST

/* A structure the headers still declare as version 1 has exactly the size
 * of its frozen copy: a member added without a new version fails here (and
 * lib/abi.c does not compile). */
#define SAME_SIZE_WHILE_V1(v1type, type, VERSION)                                        \
  ck_assert_msg((VERSION) != 1 || sizeof(v1type) == sizeof(type),                       \
                #type " is %zu bytes but still version 1, which is %zu: a member added " \
                "needs a new version (doc/abi.md)", sizeof(type), sizeof(v1type))

START_TEST(test_a_structure_of_version_1_is_exactly_its_copy)
{
  SAME_SIZE_WHILE_V1(oip_v1_local, oi_local, OI_LOCAL_VERSION);
  SAME_SIZE_WHILE_V1(oip_v1_officer, oi_officer, OI_OFFICER_VERSION);
  SAME_SIZE_WHILE_V1(oip_v1_application, oi_application, OI_APPLICATION_VERSION);
  SAME_SIZE_WHILE_V1(oip_v1_subsidy_request, oi_subsidy_request, OI_SUBSIDY_REQUEST_VERSION);
  SAME_SIZE_WHILE_V1(oip_v1_policy_numbers, oi_policy_numbers, OI_POLICY_NUMBERS_VERSION);
  SAME_SIZE_WHILE_V1(oip_v1_course, oi_course, OI_COURSE_VERSION);
  SAME_SIZE_WHILE_V1(oip_v1_session, oi_session, OI_SESSION_VERSION);
  SAME_SIZE_WHILE_V1(oip_v1_stay, oi_stay, OI_STAY_VERSION);
  SAME_SIZE_WHILE_V1(oip_v1_decision, oi_decision, OI_DECISION_VERSION);
  SAME_SIZE_WHILE_V1(oip_v1_cost_split, oi_cost_split, OI_COST_SPLIT_VERSION);
  SAME_SIZE_WHILE_V1(oip_v1_ledger_entry, oi_ledger_entry, OI_LEDGER_ENTRY_VERSION);
  SAME_SIZE_WHILE_V1(oip_v1_withdrawal, oi_withdrawal, OI_WITHDRAWAL_VERSION);
  SAME_SIZE_WHILE_V1(oip_v1_session_summary, oi_session_summary, OI_SESSION_SUMMARY_VERSION);
  SAME_SIZE_WHILE_V1(oip_v1_event, oi_event, OI_EVENT_VERSION);
}
END_TEST

/* The version is the first member of every versioned structure, the one
 * thing the library reads before it knows the layout. */
START_TEST(test_the_version_comes_first)
{
  ck_assert_uint_eq(offsetof(oi_local, version), 0);
  ck_assert_uint_eq(offsetof(oi_officer, version), 0);
  ck_assert_uint_eq(offsetof(oi_application, version), 0);
  ck_assert_uint_eq(offsetof(oi_subsidy_request, version), 0);
  ck_assert_uint_eq(offsetof(oi_policy_numbers, version), 0);
  ck_assert_uint_eq(offsetof(oi_course, version), 0);
  ck_assert_uint_eq(offsetof(oi_session, version), 0);
  ck_assert_uint_eq(offsetof(oi_stay, version), 0);
  ck_assert_uint_eq(offsetof(oi_decision, version), 0);
  ck_assert_uint_eq(offsetof(oi_cost_split, version), 0);
  ck_assert_uint_eq(offsetof(oi_ledger_entry, version), 0);
  ck_assert_uint_eq(offsetof(oi_withdrawal, version), 0);
  ck_assert_uint_eq(offsetof(oi_session_summary, version), 0);
  ck_assert_uint_eq(offsetof(oi_event, version), 0);
}
END_TEST

/* ---- versions ------------------------------------------------------------- */

/* Assert a version error at path, its message naming what to do. */
static void assert_version_error(oi_status st, const oi_error *e, const char *path,
                                 const char *says)
{
  ck_assert_msg(st == OI_EINVAL, "status %d (%s), expected OI_EINVAL at %s", (int)st,
                e->message, path);
  ck_assert_str_eq(e->path, path);
  ck_assert_int_eq(e->expected, OI_EXPECT_VERSION);
  ck_assert_msg(strstr(e->message, says) != NULL, "\"%s\" does not say \"%s\"", e->message,
                says);
}

/* A decision holding values no call would write, to see that a refused
 * call wrote nothing. */
static oi_decision untouched_decision(unsigned version)
{
  oi_decision d = OI_DECISION_INIT;

  d.version = version;
  d.outcome = (oi_outcome)77;
  d.nights = -5;
  d.reason_count = 3;
  return d;
}

static void assert_untouched(const oi_decision *d, unsigned version)
{
  ck_assert_uint_eq(d->version, version);
  ck_assert_int_eq(d->outcome, 77);
  ck_assert_int_eq(d->nights, -5);
  ck_assert_uint_eq(d->reason_count, 3);
}

START_TEST(test_a_request_never_initialised_is_refused_naming_its_version)
{
  oi_policy *p = tu_builtin_2017();
  oi_subsidy_request r;
  oi_decision d = untouched_decision(OI_DECISION_VERSION);
  oi_error e;

  tu_default_request(&r);
  r.version = 0;
  assert_version_error(oi_check_subsidy(p, &r, &d, &e), &e, "request.version",
                       "OI_SUBSIDY_REQUEST_INIT");
  ck_assert_str_eq(e.field, "version");
  assert_untouched(&d, OI_DECISION_VERSION);

  r.version = OI_SUBSIDY_REQUEST_VERSION + 1;
  assert_version_error(oi_check_subsidy(p, &r, &d, &e), &e, "request.version", "newer");
  assert_untouched(&d, OI_DECISION_VERSION);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_a_local_or_officer_inside_a_request_has_its_own_version)
{
  oi_policy *p = tu_builtin_2017();
  oi_subsidy_request r;
  oi_application a;
  oi_decision d = untouched_decision(OI_DECISION_VERSION);
  oi_error e;

  tu_default_request(&r);
  r.local.version = 0;
  assert_version_error(oi_check_subsidy(p, &r, &d, &e), &e, "request.local.version",
                       "OI_LOCAL_INIT");
  tu_default_request(&r);
  r.officer.version = 9;
  assert_version_error(oi_check_subsidy(p, &r, &d, &e), &e, "request.officer.version",
                       "newer");
  assert_untouched(&d, OI_DECISION_VERSION);

  tu_default_application(&a, "OI-2017-MD", "OI-1.0");
  a.version = 0;
  assert_version_error(oi_check_enrollment(p, &a, &d, &e), &e, "application.version",
                       "OI_APPLICATION_INIT");
  tu_default_application(&a, "OI-2017-MD", "OI-1.0");
  a.local.version = 0;
  assert_version_error(oi_check_enrollment(p, &a, &d, &e), &e, "application.local.version",
                       "OI_LOCAL_INIT");
  assert_untouched(&d, OI_DECISION_VERSION);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_a_decision_never_initialised_is_not_written)
{
  static const oi_date days[] = { { 2017, 2, 13 } };
  oi_policy *p = tu_builtin_2017();
  oi_subsidy_request r;
  oi_application a;
  oi_decision d = untouched_decision(0);
  oi_error e;

  tu_default_request(&r);
  tu_default_application(&a, "OI-2017-MD", "OI-1.0");
  assert_version_error(oi_check_subsidy(p, &r, &d, &e), &e, "out.version", "OI_DECISION_INIT");
  assert_untouched(&d, 0);
  assert_version_error(oi_check_enrollment(p, &a, &d, &e), &e, "out.version",
                       "OI_DECISION_INIT");
  assert_untouched(&d, 0);
  assert_version_error(oi_check_graduation(p, "OI-2017-MD", days, 1, &d, &e), &e,
                       "out.version", "OI_DECISION_INIT");
  assert_untouched(&d, 0);
  d.version = OI_DECISION_VERSION + 1;
  assert_version_error(oi_check_subsidy(p, &r, &d, &e), &e, "out.version", "newer");
  assert_untouched(&d, OI_DECISION_VERSION + 1);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_a_ledger_refusing_a_version_changes_nothing)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = NULL;
  oi_subsidy_request r;
  oi_decision d = untouched_decision(0);
  oi_withdrawal w = OI_WITHDRAWAL_INIT;
  oi_ledger_entry entry = OI_LEDGER_ENTRY_INIT;
  oi_session_summary sum = OI_SESSION_SUMMARY_INIT;
  oi_event ev = OI_EVENT_INIT;
  oi_error e;

  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  tu_default_request(&r);
  assert_version_error(oi_ledger_submit(l, &r, &d, &e), &e, "out.version", "OI_DECISION_INIT");
  r.local.version = 0;
  assert_version_error(oi_ledger_submit(l, &r, NULL, &e), &e, "request.local.version",
                       "OI_LOCAL_INIT");
  ck_assert_uint_eq(oi_ledger_count(l), 0);
  ck_assert_uint_eq(oi_ledger_event_count(l), 0);

  tu_default_request(&r);
  ck_assert_int_eq(oi_ledger_submit(l, &r, NULL, NULL), OI_OK);
  w.version = 0;
  assert_version_error(oi_ledger_withdraw(l, r.id, &w, &e), &e, "out.version",
                       "OI_WITHDRAWAL_INIT");
  entry.version = 0;
  assert_version_error(oi_ledger_get(l, r.id, &entry, &e), &e, "out.version",
                       "OI_LEDGER_ENTRY_INIT");
  assert_version_error(oi_ledger_get_by_number(l, 1, &entry, &e), &e, "out.version",
                       "OI_LEDGER_ENTRY_INIT");
  entry.version = OI_LEDGER_ENTRY_VERSION;
  ck_assert_int_eq(oi_ledger_get(l, r.id, &entry, NULL), OI_OK);
  ck_assert_int_eq(entry.status, OI_OUTCOME_AWARDED); /* the withdrawal did not happen */
  sum.version = 0;
  assert_version_error(oi_ledger_session_summary(l, "OI-2017-MD", &sum, &e), &e,
                       "out.version", "OI_SESSION_SUMMARY_INIT");
  ev.version = 0;
  assert_version_error(oi_ledger_event(l, 0, &ev, &e), &e, "out.version", "OI_EVENT_INIT");
  ck_assert_uint_eq(ev.sequence, 0);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_a_policy_refuses_its_inputs_and_outputs_by_version)
{
  static const char *const courses[] = { "OI-1.0" };
  oi_policy *p = tu_builtin_2017();
  oi_policy_builder *b = NULL;
  oi_policy_numbers n = OI_POLICY_NUMBERS_INIT;
  oi_course c = OI_COURSE_INIT;
  oi_session s = OI_SESSION_INIT;
  oi_stay stay = OI_STAY_INIT;
  oi_cost_split split = OI_COST_SPLIT_INIT;
  oi_error e;

  ck_assert_int_eq(oi_policy_get_numbers(p, &n, NULL), OI_OK);
  n.version = 0;
  assert_version_error(oi_policy_builder_new(&b, "x", &n, &e), &e, "numbers.version",
                       "OI_POLICY_NUMBERS_INIT");
  ck_assert_ptr_null(b);
  assert_version_error(oi_policy_get_numbers(p, &n, &e), &e, "out.version",
                       "OI_POLICY_NUMBERS_INIT");
  ck_assert_int_eq(n.year, 2017); /* as the earlier call left it */
  n.version = OI_POLICY_NUMBERS_VERSION;
  ck_assert_int_eq(oi_policy_builder_new(&b, "x", &n, NULL), OI_OK);

  c.id = "OI-1.0";
  c.title = "Officer Institute 1.0";
  c.kind = OI_COURSE_INSTITUTE;
  c.version = 0;
  assert_version_error(oi_policy_builder_add_course(b, &c, &e), &e, "course.version",
                       "OI_COURSE_INIT");
  c.version = OI_COURSE_VERSION;
  ck_assert_int_eq(oi_policy_builder_add_course(b, &c, NULL), OI_OK);
  s.id = "S";
  s.place = "Denver, CO";
  s.hotel = "Hotel";
  s.first_day = tu_date(2017, 5, 8);
  s.last_day = tu_date(2017, 5, 12);
  s.countries = OI_COUNTRY_BIT(OI_COUNTRY_US);
  s.course_ids = courses;
  s.course_count = 1;
  s.version = 0;
  assert_version_error(oi_policy_builder_add_session(b, &s, &e), &e, "session.version",
                       "OI_SESSION_INIT");
  oi_policy_builder_free(b);

  s = (oi_session)OI_SESSION_INIT;
  s.version = 0;
  assert_version_error(oi_policy_session(p, 0, &s, &e), &e, "out.version", "OI_SESSION_INIT");
  ck_assert_ptr_null(s.id);
  c = (oi_course)OI_COURSE_INIT;
  c.version = 0;
  assert_version_error(oi_policy_course(p, 0, &c, &e), &e, "out.version", "OI_COURSE_INIT");
  ck_assert_ptr_null(c.id);

  stay.nights = 5;
  stay.nights_awarded = 5;
  stay.nightly_rate_cents = 10000;
  split.version = 0;
  assert_version_error(oi_cost_split_compute(p, &stay, &split, &e), &e, "out.version",
                       "OI_COST_SPLIT_INIT");
  ck_assert_int_eq(split.subsidy_nights, 0);
  split.version = OI_COST_SPLIT_VERSION;
  stay.version = 0;
  assert_version_error(oi_cost_split_compute(p, &stay, &split, &e), &e, "stay.version",
                       "OI_STAY_INIT");
  oi_policy_free(p);
}
END_TEST

/* ---- init ----------------------------------------------------------------- */

START_TEST(test_the_init_functions_give_what_the_initialisers_give)
{
  oi_subsidy_request r, fresh = OI_SUBSIDY_REQUEST_INIT;
  oi_application a;
  oi_decision d;
  oi_ledger_entry entry;
  oi_error e;

  memset(&r, 0xA5, sizeof r);
  ck_assert_int_eq(oi_subsidy_request_init(&r, OI_SUBSIDY_REQUEST_VERSION, &e), OI_OK);
  ck_assert_uint_eq(r.version, OI_SUBSIDY_REQUEST_VERSION);
  ck_assert_uint_eq(r.local.version, OI_LOCAL_VERSION);
  ck_assert_uint_eq(r.officer.version, OI_OFFICER_VERSION);
  ck_assert_ptr_null(r.id);
  ck_assert_ptr_null(r.officer.graduations);
  ck_assert_int_eq(r.nights, 0);
  ck_assert_int_eq(r.request_signed, fresh.request_signed);
  ck_assert_int_eq(oi_application_init(&a, OI_APPLICATION_VERSION, NULL), OI_OK);
  ck_assert_uint_eq(a.local.version, OI_LOCAL_VERSION);
  ck_assert_ptr_null(a.course_id);
  ck_assert_int_eq(oi_decision_init(&d, OI_DECISION_VERSION, NULL), OI_OK);
  ck_assert_uint_eq(d.version, OI_DECISION_VERSION);
  ck_assert_uint_eq(d.reason_count, 0);
  ck_assert_int_eq(oi_ledger_entry_init(&entry, OI_LEDGER_ENTRY_VERSION, NULL), OI_OK);
  ck_assert_ptr_null(entry.reasons);
}
END_TEST

START_TEST(test_an_init_function_refuses_a_version_it_does_not_know)
{
  oi_decision d = untouched_decision(OI_DECISION_VERSION);
  oi_local l;
  oi_error e;

  assert_version_error(oi_decision_init(&d, 0, &e), &e, "version", "version 0 is not a version");
  assert_untouched(&d, OI_DECISION_VERSION);
  assert_version_error(oi_decision_init(&d, OI_DECISION_VERSION + 1, &e), &e, "version",
                       "oi_decision");
  assert_untouched(&d, OI_DECISION_VERSION);
  ck_assert_int_eq(oi_local_init(NULL, OI_LOCAL_VERSION, &e), OI_EINVAL);
  ck_assert_str_eq(e.path, "out");
  l.number = 7;
  ck_assert_int_eq(oi_local_init(&l, 2, NULL), OI_EINVAL);
  ck_assert_uint_eq(l.number, 7);
}
END_TEST

/* ---- arrays --------------------------------------------------------------- */

/* A caller's records, each holding a request or a decision among its own
 * data. */
struct request_record {
  char before[12];
  oi_subsidy_request req;
  char after[20];
};

struct decision_record {
  oi_decision d;
  unsigned char guard[24];
};

#define RECORDS 6

static void make_records(struct request_record *recs, char ids[][8])
{
  size_t i;

  for (i = 0; i < RECORDS; i++) {
    memset(&recs[i], 'x', sizeof recs[i]);
    tu_default_request(&recs[i].req);
    snprintf(ids[i], 8, "R%zu", i);
    recs[i].req.id = ids[i];
    recs[i].req.officer.id = ids[i];
    recs[i].req.local.number = (uint32_t)(100 + i / 2);
    recs[i].req.received = tu_dt(2017, 1, 2, (int)(10 - i), 0, 0);
    recs[i].req.nights = (int)(i + 2); /* 7 nights asks more than S3's 5 */
  }
}

static void make_outputs(struct decision_record *outs)
{
  size_t i;

  for (i = 0; i < RECORDS; i++) {
    outs[i].d = (oi_decision)OI_DECISION_INIT;
    memset(outs[i].guard, 0xA5, sizeof outs[i].guard);
  }
}

static void assert_guards(const struct decision_record *outs)
{
  size_t i, k;

  for (i = 0; i < RECORDS; i++)
    for (k = 0; k < sizeof outs[i].guard; k++)
      ck_assert_msg(outs[i].guard[k] == 0xA5, "record %zu: byte %zu after the decision "
                    "was written", i, k);
}

START_TEST(test_requests_and_decisions_are_read_and_written_in_the_callers_records)
{
  oi_policy *p = tu_builtin_2017();
  struct request_record recs[RECORDS];
  struct decision_record outs[RECORDS];
  char ids[RECORDS][8];
  oi_error e;
  size_t i;

  make_records(recs, ids);
  make_outputs(outs);
  ck_assert_msg(oi_check_subsidy_many(p, &recs[0].req, RECORDS, sizeof recs[0], &outs[0].d,
                                      sizeof outs[0], &e) == OI_OK,
                "%s", e.message);
  assert_guards(outs);
  for (i = 0; i < RECORDS; i++) {
    oi_decision one = OI_DECISION_INIT;

    ck_assert_int_eq(oi_check_subsidy(p, &recs[i].req, &one, NULL), OI_OK);
    ck_assert_msg(tu_decisions_equal(&one, &outs[i].d), "record %zu decided otherwise", i);
    ck_assert_str_eq(outs[i].d.request_id, ids[i]);
  }
  oi_policy_free(p);
}
END_TEST

START_TEST(test_a_ledger_batch_reads_and_writes_the_callers_records)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *batch = NULL, *single = NULL;
  struct request_record recs[RECORDS];
  struct decision_record outs[RECORDS];
  struct {
    oi_ledger_entry entry;
    unsigned char guard[16];
  } listed[RECORDS];
  char ids[RECORDS][8];
  size_t i, k, count = 0;
  oi_error e;

  make_records(recs, ids);
  make_outputs(outs);
  ck_assert_int_eq(oi_ledger_new(p, &batch, NULL), OI_OK);
  ck_assert_int_eq(oi_ledger_new(p, &single, NULL), OI_OK);
  ck_assert_msg(oi_ledger_submit_many(batch, &recs[0].req, RECORDS, sizeof recs[0],
                                      &outs[0].d, sizeof outs[0], &e) == OI_OK,
                "%s", e.message);
  assert_guards(outs);
  /* S11: as if entered one by one in receipt order (the last record is
   * received first). */
  for (i = RECORDS; i-- > 0;) {
    oi_decision one = OI_DECISION_INIT;

    ck_assert_int_eq(oi_ledger_submit(single, &recs[i].req, &one, NULL), OI_OK);
    ck_assert_msg(tu_decisions_equal(&one, &outs[i].d), "record %zu decided otherwise", i);
  }
  for (i = 0; i < RECORDS; i++) {
    listed[i].entry = (oi_ledger_entry)OI_LEDGER_ENTRY_INIT;
    memset(listed[i].guard, 0x5A, sizeof listed[i].guard);
  }
  ck_assert_int_eq(oi_ledger_session_entries(batch, "OI-2017-MD", OI_OUTCOME_AWARDED,
                                             &listed[0].entry, RECORDS, sizeof listed[0],
                                             &count, &e),
                   OI_OK);
  ck_assert_uint_eq(count, RECORDS);
  for (i = 0; i < RECORDS; i++) {
    /* Receipt order: the last record first. */
    ck_assert_str_eq(listed[i].entry.id, ids[RECORDS - 1 - i]);
    for (k = 0; k < sizeof listed[i].guard; k++)
      ck_assert_int_eq(listed[i].guard[k], 0x5A);
  }
  ck_assert_int_eq(oi_ledger_local_awards(batch, 100, 2017, &listed[0].entry, RECORDS,
                                          sizeof listed[0], &count, &e),
                   OI_OK);
  ck_assert_uint_eq(count, 2); /* S5: records 0 and 1 are of local 100 */
  ck_assert_str_eq(listed[0].entry.id, "R1");
  ck_assert_str_eq(listed[1].entry.id, "R0");
  oi_ledger_free(batch);
  oi_ledger_free(single);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_an_element_size_too_small_is_refused_and_changes_nothing)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = NULL;
  oi_subsidy_request reqs[2];
  oi_decision out[2] = { OI_DECISION_INIT, OI_DECISION_INIT };
  oi_ledger_entry entries[2] = { OI_LEDGER_ENTRY_INIT, OI_LEDGER_ENTRY_INIT };
  size_t count = 0;
  oi_error e;

  tu_default_request(&reqs[0]);
  tu_default_request(&reqs[1]);
  reqs[1].id = "req-0002";
  reqs[1].officer.id = "officer-0002";
  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  ck_assert_int_eq(oi_check_subsidy_many(p, reqs, 2, sizeof reqs[0] - 1, out, sizeof out[0], &e),
                   OI_EINVAL);
  ck_assert_str_eq(e.path, "req_size");
  ck_assert_int_eq(oi_check_subsidy_many(p, reqs, 2, sizeof reqs[0], out, sizeof out[0] / 2, &e),
                   OI_EINVAL);
  ck_assert_str_eq(e.path, "out_size");
  ck_assert_int_eq(out[0].outcome, OI_OUTCOME_NONE);
  ck_assert_int_eq(oi_ledger_submit_many(l, reqs, 2, 8, NULL, 0, &e), OI_EINVAL);
  ck_assert_str_eq(e.path, "req_size");
  ck_assert_int_eq(oi_ledger_submit_many(l, reqs, 2, sizeof reqs[0], out, 4, &e), OI_EINVAL);
  ck_assert_str_eq(e.path, "out_size");
  ck_assert_uint_eq(oi_ledger_count(l), 0);
  ck_assert_int_eq(oi_ledger_submit_many(l, reqs, 2, sizeof reqs[0], NULL, 0, &e), OI_OK);
  ck_assert_int_eq(oi_ledger_session_entries(l, "OI-2017-MD", OI_OUTCOME_AWARDED, entries, 2,
                                             sizeof entries[0] - 8, &count, &e),
                   OI_EINVAL);
  ck_assert_str_eq(e.path, "entry_size");
  ck_assert_ptr_null(entries[0].id);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

/* sizeof the array where sizeof an element was meant: the element the
 * library then reads has no version, and the error names both causes. */
START_TEST(test_an_element_size_that_skips_elements_is_named_as_a_cause)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = NULL;
  oi_subsidy_request reqs[4];
  oi_decision out[2] = { OI_DECISION_INIT, OI_DECISION_INIT };
  char says[64];
  oi_error e;

  snprintf(says, sizeof says, "or req_size (%zu) is not the distance", 2 * sizeof reqs[0]);
  memset(reqs, 0, sizeof reqs);
  tu_default_request(&reqs[0]);
  tu_default_request(&reqs[1]);
  reqs[1].id = "req-0002";
  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  assert_version_error(oi_ledger_submit_many(l, reqs, 2, 2 * sizeof reqs[0], NULL, 0, &e), &e,
                       "requests[1].version", says);
  assert_version_error(oi_check_subsidy_many(p, reqs, 2, 2 * sizeof reqs[0], out, sizeof out[0],
                                             &e),
                       &e, "requests[1].version", says);
  ck_assert_int_eq(out[0].outcome, OI_OUTCOME_NONE);
  reqs[1].version = 0;
  assert_version_error(oi_ledger_submit_many(l, reqs, 2, sizeof reqs[0], NULL, 0, &e), &e,
                       "requests[1].version", "OI_SUBSIDY_REQUEST_INIT");
  ck_assert_ptr_null(strstr(e.message, "req_size"));
  ck_assert_uint_eq(oi_ledger_count(l), 0);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_an_elements_version_is_named_with_its_index_and_the_first_output_sets_the_layout)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = NULL;
  oi_subsidy_request reqs[3];
  oi_decision out[3] = { OI_DECISION_INIT, OI_DECISION_INIT, OI_DECISION_INIT };
  oi_ledger_entry entries[2] = { OI_LEDGER_ENTRY_INIT, OI_LEDGER_ENTRY_INIT };
  size_t i, count = 0;
  oi_error e;

  for (i = 0; i < 3; i++)
    tu_default_request(&reqs[i]);
  reqs[1].id = "b";
  reqs[2].id = "c";
  reqs[1].officer.id = "ob";
  reqs[2].officer.id = "oc";
  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  reqs[2].local.version = 0;
  assert_version_error(oi_check_subsidy_many(p, reqs, 3, sizeof reqs[0], out, sizeof out[0], &e),
                       &e, "requests[2].local.version", "OI_LOCAL_INIT");
  ck_assert_uint_eq(e.index, 2);
  assert_version_error(oi_ledger_submit_many(l, reqs, 3, sizeof reqs[0], NULL, 0, &e), &e,
                       "requests[2].local.version", "OI_LOCAL_INIT");
  reqs[2].local.version = OI_LOCAL_VERSION;
  reqs[1].version = 0;
  assert_version_error(oi_ledger_submit_many(l, reqs, 3, sizeof reqs[0], out, sizeof out[0], &e),
                       &e, "requests[1].version", "OI_SUBSIDY_REQUEST_INIT");
  ck_assert_uint_eq(e.index, 1);
  reqs[1].version = OI_SUBSIDY_REQUEST_VERSION;
  out[0].version = 0;
  assert_version_error(oi_check_subsidy_many(p, reqs, 3, sizeof reqs[0], out, sizeof out[0], &e),
                       &e, "out[0].version", "OI_DECISION_INIT");
  assert_version_error(oi_ledger_submit_many(l, reqs, 3, sizeof reqs[0], out, sizeof out[0], &e),
                       &e, "out[0].version", "OI_DECISION_INIT");
  ck_assert_uint_eq(oi_ledger_count(l), 0);
  ck_assert_int_eq(out[1].outcome, OI_OUTCOME_NONE);
  entries[0].version = 0;
  assert_version_error(oi_ledger_session_entries(l, "OI-2017-MD", OI_OUTCOME_AWARDED, entries,
                                                 2, sizeof entries[0], &count, &e),
                       &e, "out[0].version", "OI_LEDGER_ENTRY_INIT");
  ck_assert_ptr_null(entries[1].id);

  /* The first element's version is the layout of them all: the others'
   * are not read, and each written gets it. */
  out[0].version = OI_DECISION_VERSION;
  out[1].version = 0;
  out[2].version = 77;
  ck_assert_int_eq(oi_ledger_submit_many(l, reqs, 3, sizeof reqs[0], out, sizeof out[0], &e),
                   OI_OK);
  for (i = 0; i < 3; i++) {
    ck_assert_uint_eq(out[i].version, OI_DECISION_VERSION);
    ck_assert_str_eq(out[i].request_id, reqs[i].id);
  }
  ck_assert_int_eq(out[2].outcome, OI_OUTCOME_WAITLISTED); /* S5: the local's third */
  entries[0].version = OI_LEDGER_ENTRY_VERSION;
  entries[1].version = 0;
  ck_assert_int_eq(oi_ledger_session_entries(l, "OI-2017-MD", OI_OUTCOME_AWARDED, entries, 2,
                                             sizeof entries[0], &count, &e),
                   OI_OK);
  ck_assert_uint_eq(entries[1].version, OI_LEDGER_ENTRY_VERSION);
  ck_assert_str_eq(entries[1].id, "b");
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

/* ---- v1 ------------------------------------------------------------------- */

/* A request as a program compiled against the version-1 headers fills it. */
static void v1_request(oip_v1_subsidy_request *r, const char *id)
{
  memset(r, 0, sizeof *r);
  r->version = 1;
  r->id = id;
  r->session_id = "OI-2017-MD";
  r->local.version = 1;
  r->local.number = 22;
  r->local.name = "IATSE Local 22";
  r->local.country = OI_COUNTRY_US;
  r->local.district = 4;
  r->local.lm_form = OI_LM_3;
  r->officer.version = 1;
  r->officer.id = id;
  r->officer.office = OI_OFFICE_PRESIDENT;
  r->received = tu_dt(2017, 1, 2, 9, 0, 0);
  r->nights = 7;
  r->attested = 1;
  r->with_application = 1;
  r->application_signed = 1;
  r->request_signed = 1;
}

START_TEST(test_a_version_1_request_and_decision_are_decided_as_the_headers_are)
{
  oi_policy *p = tu_builtin_2017();
  oip_v1_subsidy_request r;
  struct {
    oip_v1_decision d;
    unsigned char guard[32];
  } out;
  oi_subsidy_request now;
  oi_decision expect = OI_DECISION_INIT;
  oi_error e;
  size_t k;

  v1_request(&r, "v1");
  memset(&out, 0xA5, sizeof out);
  out.d.version = 1;
  ck_assert_msg(oi_check_subsidy(p, (const oi_subsidy_request *)(const void *)&r,
                                 (oi_decision *)(void *)&out.d, &e) == OI_OK,
                "%s", e.message);
  for (k = 0; k < sizeof out.guard; k++)
    ck_assert_int_eq(out.guard[k], 0xA5);
  ck_assert_uint_eq(out.d.version, 1);
  ck_assert_int_eq(out.d.outcome, OI_OUTCOME_ELIGIBLE);
  ck_assert_int_eq(out.d.nights, 5);
  ck_assert_uint_eq(out.d.reason_count, 1); /* S3: 7 nights asked, 5 paid */
  ck_assert_int_eq(out.d.reasons[0].code, OI_REASON_NIGHTS_LIMITED);
  ck_assert_str_eq(out.d.request_id, "v1");

  tu_default_request(&now);
  now.id = now.officer.id = "v1";
  now.nights = 7;
  ck_assert_int_eq(oi_check_subsidy(p, &now, &expect, NULL), OI_OK);
  ck_assert_int_eq(expect.outcome, out.d.outcome);
  ck_assert_int_eq(expect.nights_if_awarded, out.d.nights_if_awarded);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_version_1_arrays_go_through_a_ledger)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = NULL;
  oip_v1_subsidy_request reqs[3];
  oip_v1_decision out[3];
  oip_v1_ledger_entry entries[3];
  oip_v1_session_summary sum;
  static const char *const ids[] = { "a", "b", "c" };
  size_t i, count = 0;
  oi_error e;

  for (i = 0; i < 3; i++) {
    v1_request(&reqs[i], ids[i]);
    reqs[i].received.hour = (int)(9 + i);
    memset(&out[i], 0, sizeof out[i]);
    out[i].version = 1;
    memset(&entries[i], 0, sizeof entries[i]);
    entries[i].version = 1;
  }
  reqs[2].local.number = 23; /* S5: two of local 22, one of local 23 */
  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  ck_assert_msg(oi_ledger_submit_many(l, (const oi_subsidy_request *)(const void *)reqs, 3,
                                      sizeof reqs[0], (oi_decision *)(void *)out,
                                      sizeof out[0], &e) == OI_OK,
                "%s", e.message);
  for (i = 0; i < 3; i++) {
    ck_assert_int_eq(out[i].outcome, OI_OUTCOME_AWARDED);
    ck_assert_str_eq(out[i].request_id, ids[i]);
  }
  ck_assert_int_eq(oi_ledger_session_entries(l, "OI-2017-MD", OI_OUTCOME_AWARDED,
                                             (oi_ledger_entry *)(void *)entries, 3,
                                             sizeof entries[0], &count, &e),
                   OI_OK);
  ck_assert_uint_eq(count, 3);
  for (i = 0; i < 3; i++)
    ck_assert_str_eq(entries[i].id, ids[i]);
  ck_assert_uint_eq(entries[2].local_number, 23);
  memset(&sum, 0, sizeof sum);
  sum.version = 1;
  ck_assert_int_eq(oi_ledger_session_summary(l, "OI-2017-MD", (oi_session_summary *)(void *)&sum,
                                             NULL),
                   OI_OK);
  ck_assert_uint_eq(sum.awarded, 3);
  ck_assert_int_eq(sum.seats_left, 7);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

/* ---- reasons -------------------------------------------------------------- */

/*
 * Every combination of the faults a request can have, at every session,
 * entered in a ledger where its officer already holds an award (S9): the
 * most reasons any decision gets. The combination of every fault at the
 * session that is wrong for the local gives E1, S2 twice, S6, S8 three
 * times and S9.
 */
START_TEST(test_no_decision_needs_more_room_than_a_version_1_decision_has)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l = NULL;
  oi_subsidy_request first, r;
  size_t s, most = 0, n = oi_policy_session_count(p);
  unsigned faults;
  char id[32];
  oi_error e;

  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  tu_default_request(&first);
  ck_assert_int_eq(oi_ledger_submit(l, &first, NULL, NULL), OI_OK);
  for (s = 0; s < n; s++) {
    oi_session session = OI_SESSION_INIT;

    ck_assert_int_eq(oi_policy_session(p, s, &session, NULL), OI_OK);
    for (faults = 0; faults < 128; faults++) {
      oi_decision d = OI_DECISION_INIT;

      tu_default_request(&r);
      snprintf(id, sizeof id, "r-%zu-%u", s, faults);
      r.id = id;
      r.session_id = session.id;
      if (faults & 1)
        tu_ca_local(&r.local, 0, 0); /* E1 where only U.S. locals go; S2 unknown receipts */
      if (faults & 2)
        r.attested = 0;
      if (faults & 4)
        r.with_application = 0;
      if (faults & 8)
        r.application_signed = 0;
      if (faults & 16)
        r.request_signed = 0;
      if (faults & 32)
        r.received = tu_dt(session.first_day.year, session.first_day.month, 1, 9, 0, 0);
      if (faults & 64)
        r.nights = 40;
      ck_assert_msg(oi_ledger_submit(l, &r, &d, &e) == OI_OK, "%s", e.message);
      if (d.reason_count > most)
        most = d.reason_count;
      ck_assert_ptr_null(oi_decision_reason(&d, d.reason_count));
    }
  }
  ck_assert_msg(most >= 8 && most < OI_DECISION_V1_REASONS,
                "the most reasons of one decision is %zu (room for %d)", most,
                OI_DECISION_V1_REASONS);
  oi_ledger_free(l);
  oi_policy_free(p);
}
END_TEST

START_TEST(test_the_reason_accessor_stops_at_the_count)
{
  oi_policy *p = tu_builtin_2017();
  oi_subsidy_request r;
  oi_decision d = OI_DECISION_INIT;
  size_t i;

  tu_default_request(&r);
  r.attested = 0;
  r.request_signed = 0;
  ck_assert_int_eq(oi_check_subsidy(p, &r, &d, NULL), OI_OK);
  ck_assert_uint_eq(d.reason_count, 2);
  for (i = 0; i < d.reason_count; i++)
    ck_assert_ptr_eq(oi_decision_reason(&d, i), &d.reasons[i]);
  ck_assert_int_eq(oi_decision_reason(&d, 0)->code, OI_REASON_NOT_ATTESTED);
  ck_assert_ptr_null(oi_decision_reason(&d, 2));
  ck_assert_ptr_null(oi_decision_reason(&d, (size_t)-1));
  ck_assert_ptr_null(oi_decision_reason(NULL, 0));
  oi_policy_free(p);
}
END_TEST

/* ---- batch ---------------------------------------------------------------- */

static const char *const fields[] = { "id", "session", "received", "nights", "attested",
                                      "with_application", "application_signed",
                                      "request_signed", "local.number", "local.name",
                                      "local.country", "local.district", "local.lm_form",
                                      "officer.id", "officer.office" };
#define FIELDS (sizeof fields / sizeof fields[0])

START_TEST(test_a_batch_copies_its_requests_out_in_the_callers_layout)
{
  static const char *const good[FIELDS] = { "G", "OI-2017-FL", "2017-06-01 9:00", "5", "yes",
                                            "yes", "yes", "yes", "22", "IATSE Local 22",
                                            "US", "3", "LM-3", "officer-G", "president" };
  static const char *const bad[FIELDS] = { "B", "OI-2017-FL", "2017-06-01 9:00", "5", "yes",
                                           "yes", "yes", "yes", "22", "IATSE Local 22",
                                           "US", "99", "LM-3", "officer-B", "president" };
  oi_policy *p = tu_builtin_2017();
  oi_batch *b = NULL;
  oi_subsidy_request r = OI_SUBSIDY_REQUEST_INIT;
  oip_v1_subsidy_request old;
  oi_application a = OI_APPLICATION_INIT;
  oi_error e;

  ck_assert_int_eq(oi_batch_new(p, OI_BATCH_PER_ELEMENT, &b, NULL), OI_OK);
  ck_assert_msg(oi_batch_add_request(b, fields, good, FIELDS, 2, NULL, &e) == OI_OK, "%s",
                e.message);
  ck_assert_int_eq(oi_batch_add_request(b, fields, bad, FIELDS, 3, NULL, &e), OI_OK);
  ck_assert_msg(oi_batch_get_request(b, 0, &r, &e) == OI_OK, "%s", e.message);
  ck_assert_uint_eq(r.version, OI_SUBSIDY_REQUEST_VERSION);
  ck_assert_str_eq(r.id, "G");
  ck_assert_str_eq(r.officer.id, "officer-G");
  ck_assert_int_eq(r.local.district, 3);
  ck_assert_int_eq(r.local.lm_form, OI_LM_3);

  memset(&old, 0xA5, sizeof old);
  old.version = 1;
  ck_assert_int_eq(oi_batch_get_request(b, 0, (oi_subsidy_request *)(void *)&old, NULL), OI_OK);
  ck_assert_uint_eq(old.version, 1);
  ck_assert_str_eq(old.id, "G");
  ck_assert_int_eq(old.nights, 5);

  ck_assert_int_eq(oi_batch_get_request(b, 1, &r, &e), OI_ESTATE);
  ck_assert_msg(strstr(e.message, "local.district") != NULL || strstr(e.message, "district"),
                "%s", e.message);
  ck_assert_str_eq(r.id, "G"); /* unchanged */
  ck_assert_int_eq(oi_batch_get_request(b, 2, &r, &e), OI_ENOTFOUND);
  ck_assert_int_eq(oi_batch_get_application(b, 0, &a, &e), OI_ENOTFOUND);
  r.version = 0;
  assert_version_error(oi_batch_get_request(b, 0, &r, &e), &e, "out.version",
                       "OI_SUBSIDY_REQUEST_INIT");
  ck_assert_int_eq(oi_batch_get_request(NULL, 0, &r, &e), OI_EINVAL);
  oi_batch_free(b);
  oi_policy_free(p);
}
END_TEST

int main(void)
{
  Suite *s = suite_create("abi");
  TCase *tc;
  SRunner *sr;
  int failed;

  tc = tcase_create("layouts");
  tcase_add_test(tc, test_version_1_members_stay_where_they_were);
  tcase_add_test(tc, test_the_version_comes_first);
  tcase_add_test(tc, test_a_structure_of_version_1_is_exactly_its_copy);
  suite_add_tcase(s, tc);

  tc = tcase_create("versions");
  tcase_add_test(tc, test_a_request_never_initialised_is_refused_naming_its_version);
  tcase_add_test(tc, test_a_local_or_officer_inside_a_request_has_its_own_version);
  tcase_add_test(tc, test_a_decision_never_initialised_is_not_written);
  tcase_add_test(tc, test_a_ledger_refusing_a_version_changes_nothing);
  tcase_add_test(tc, test_a_policy_refuses_its_inputs_and_outputs_by_version);
  suite_add_tcase(s, tc);

  tc = tcase_create("init");
  tcase_add_test(tc, test_the_init_functions_give_what_the_initialisers_give);
  tcase_add_test(tc, test_an_init_function_refuses_a_version_it_does_not_know);
  suite_add_tcase(s, tc);

  tc = tcase_create("arrays");
  tcase_add_test(tc, test_requests_and_decisions_are_read_and_written_in_the_callers_records);
  tcase_add_test(tc, test_a_ledger_batch_reads_and_writes_the_callers_records);
  tcase_add_test(tc, test_an_element_size_too_small_is_refused_and_changes_nothing);
  tcase_add_test(tc, test_an_element_size_that_skips_elements_is_named_as_a_cause);
  tcase_add_test(tc, test_an_elements_version_is_named_with_its_index_and_the_first_output_sets_the_layout);
  suite_add_tcase(s, tc);

  tc = tcase_create("v1");
  tcase_add_test(tc, test_a_version_1_request_and_decision_are_decided_as_the_headers_are);
  tcase_add_test(tc, test_version_1_arrays_go_through_a_ledger);
  suite_add_tcase(s, tc);

  tc = tcase_create("reasons");
  tcase_add_test(tc, test_no_decision_needs_more_room_than_a_version_1_decision_has);
  tcase_add_test(tc, test_the_reason_accessor_stops_at_the_count);
  suite_add_tcase(s, tc);

  tc = tcase_create("batch");
  tcase_add_test(tc, test_a_batch_copies_its_requests_out_in_the_callers_layout);
  suite_add_tcase(s, tc);

  sr = srunner_create(s);
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
