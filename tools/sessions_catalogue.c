/*
 * tools/sessions_catalogue.c: officerinst sessions without an officer: the
 * catalogue of a policy, each session's courses, dates, countries admitted
 * (E1), hotel, subsidy seats and deadline (S1, S4, S6), and with a ledger
 * the seats left and the waitlist's length.
 */
#include "config.h"

#include <string.h>

#include "cli.h"
#include "output.h"
#include "sessions.h"

static void countries_text(unsigned mask, char *buf, size_t size)
{
  oi_country c;

  buf[0] = '\0';
  for (c = OI_COUNTRY_US; c <= OI_COUNTRY_CA; c = (oi_country)(c + 1))
    if ((mask & OI_COUNTRY_BIT(c)) != 0 && oi_country_name(c) != NULL) {
      if (buf[0] != '\0')
        strncat(buf, " ", size - strlen(buf) - 1);
      strncat(buf, oi_country_name(c), size - strlen(buf) - 1);
    }
}

int sessions_catalogue(const oi_policy *policy, const oi_ledger *ledger, cli_format format,
                     oi_error *err)
{
  json_t *doc = NULL, *list = NULL;
  size_t i, k;
  int bad = 0;

  if (format == CLI_FORMAT_JSON) {
    doc = json_object();
    list = json_array();
    bad |= out_set(doc, "policy_id", json_string(oi_policy_id(policy)));
    bad |= out_set(doc, "policy_digest", json_string(oi_policy_digest(policy)));
  } else if (format == CLI_FORMAT_CSV) {
    printf("id,place,first_day,last_day,courses,countries,hotel,seats,subsidy_deadline,"
           "awarded,seats_left,waitlisted\r\n");
  } else {
    printf("Policy %s (digest %s)\n", oi_policy_id(policy), oi_policy_digest(policy));
  }
  for (i = 0; i < oi_policy_session_count(policy) && !bad; i++) {
    oi_session s = OI_SESSION_INIT;
    oi_session_summary sum = OI_SESSION_SUMMARY_INIT;
    oi_date deadline;
    char first[OI_DATETIME_STRING_SIZE], last[OI_DATETIME_STRING_SIZE];
    char due[OI_DATETIME_STRING_SIZE] = "", countries[32], courses[(OI_ID_MAX + 2) * 8] = "";
    const int seats = oi_policy_session_seats(policy, i);

    if (oi_policy_session(policy, i, &s, err) != OI_OK)
      return -1;
    if (ledger != NULL && oi_ledger_session_summary(ledger, s.id, &sum, err) != OI_OK)
      return -1;
    if (seats > 0 && oi_policy_subsidy_deadline(policy, i, &deadline, err) == OI_OK)
      out_date(deadline, due);
    countries_text(s.countries, countries, sizeof countries);
    for (k = 0; k < s.course_count; k++) {
      if (k > 0)
        strcat(courses, " ");
      strncat(courses, s.course_ids[k], OI_ID_MAX);
    }
    out_date(s.first_day, first);
    out_date(s.last_day, last);
    if (format == CLI_FORMAT_JSON) {
      json_t *o = json_object(), *c = json_array();

      for (k = 0; k < s.course_count; k++)
        bad |= out_append(c, json_string(s.course_ids[k]));
      bad |= out_set(o, "id", json_string(s.id));
      bad |= out_set(o, "place", json_string(s.place));
      bad |= out_set(o, "first_day", json_string(first));
      bad |= out_set(o, "last_day", json_string(last));
      bad |= out_set(o, "courses", c);
      bad |= out_set(o, "countries", json_string(countries));
      bad |= out_set(o, "hotel", s.hotel != NULL ? json_string(s.hotel) : json_null());
      bad |= out_set(o, "seats", json_integer(seats));
      bad |= out_set(o, "subsidy_deadline", due[0] != '\0' ? json_string(due) : json_null());
      if (ledger != NULL) {
        bad |= out_set(o, "awarded", json_integer((json_int_t)sum.awarded));
        bad |= out_set(o, "seats_left", json_integer(sum.seats_left));
        bad |= out_set(o, "waitlisted", json_integer((json_int_t)sum.waitlisted));
      }
      bad |= out_append(list, o);
    } else if (format == CLI_FORMAT_CSV) {
      out_csv_field(stdout, s.id, 0);
      out_csv_field(stdout, s.place, 0);
      out_csv_field(stdout, first, 0);
      out_csv_field(stdout, last, 0);
      out_csv_field(stdout, courses, 0);
      out_csv_field(stdout, countries, 0);
      out_csv_field(stdout, s.hotel, 0);
      out_csv_int(stdout, seats, 0);
      out_csv_field(stdout, due, 0);
      if (ledger != NULL) {
        out_csv_int(stdout, (long long)sum.awarded, 0);
        out_csv_int(stdout, sum.seats_left, 0);
        out_csv_int(stdout, (long long)sum.waitlisted, 1);
      } else {
        out_csv_field(stdout, NULL, 0);
        out_csv_field(stdout, NULL, 0);
        out_csv_field(stdout, NULL, 1);
      }
    } else {
      printf("\n%s  %s, %s to %s\n", s.id, s.place, first, last);
      printf("  courses: ");
      for (k = 0; k < s.course_count; k++) {
        oi_course course = OI_COURSE_INIT;
        size_t ci;

        if (oi_policy_find_course(policy, s.course_ids[k], &ci, NULL) == OI_OK &&
            oi_policy_course(policy, ci, &course, NULL) == OI_OK)
          printf("%s%s (%s)", k > 0 ? ", " : "", course.title, course.id);
      }
      printf("\n  open to: %s\n", countries);
      if (seats > 0) {
        printf("  subsidy: %d seats, requests received by %s, paid to %s\n", seats, due,
               s.hotel != NULL ? s.hotel : "(no designated hotel)");
        if (ledger != NULL)
          printf("  ledger: %zu awarded, %d left, %zu waiting\n", sum.awarded,
                 sum.seats_left, sum.waitlisted);
      } else {
        printf("  no subsidy (S1)\n");
      }
    }
  }
  if (format == CLI_FORMAT_JSON) {
    bad |= out_set(doc, "sessions", list);
    if (!bad)
      bad = out_json_print(doc) != 0;
    json_decref(doc);
  }
  return bad ? -1 : 0;
}

