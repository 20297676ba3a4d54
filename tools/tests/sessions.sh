#!/bin/sh
# officerinst sessions: the catalogue of a policy (with a ledger's seats
# left), and the sessions one officer can still apply to on a date, with why
# each other one is closed: the session begun, the country (E1), the
# prerequisites (P1, P2), and what a subsidy request would get from the
# ledger as it stands (S6, S4, S5, S9), the ledger itself never changed.
. "${top_srcdir:-$(dirname "$0")/../..}/tools/tests/common.sh"

ledger=$work/ledger.json
"$oi" allocate --ledger "$ledger" "$top_srcdir/examples/requests-2017.csv" >/dev/null ||
  fail "allocate the sample"
cp "$ledger" "$work/before.json"

# The catalogue.
run 0 "$oi" sessions
has "$work/out" "Policy iatse-officer-institute-2017"
has "$work/out" "OI-2017-FL  Orlando, FL, 2017-10-16 to 2017-10-20"
has "$work/out" "  open to: US CA"
has "$work/out" "  subsidy: 10 seats, requests received by 2017-09-04, paid to Designated IATSE hotel, Orlando, FL"
has "$work/out" "  courses: Advanced Organizing 2.0 (ORG-2.0), Advanced Secretary Treasurer 2.0 (ST-2.0)"
has "$work/out" "  no subsidy (S1)"
run 0 "$oi" sessions --ledger "$ledger"
has "$work/out" "  ledger: 10 awarded, 0 left, 6 waiting"
run 0 "$oi" sessions --format csv --policy "$top_srcdir/examples/policy-2018.json"
has "$work/out" "id,place,first_day,last_day,courses,countries,hotel,seats,subsidy_deadline,awarded,seats_left,waitlisted"
has "$work/out" 'OI-2018-TX,"Houston, TX",2018-03-05,2018-03-09,OI-1.0,US,"Designated IATSE hotel, Houston, TX",12,2018-01-08,,,'
lines "$work/out" 6
run 0 "$oi" sessions --format json --ledger "$ledger"
has "$work/out" '"subsidy_deadline": "2017-01-02"'
has "$work/out" '"seats_left": 0'

# An officer of local 22 (US, district 3 in the ledger), a treasurer who
# graduated in Toronto, early in December: every course is open; the
# first session's seats are taken (S4), the others have seats.
run 0 "$oi" sessions --ledger "$ledger" --local 22 --officer new.officer --on 2016-12-20 \
  --office treasurer --graduated Toronto@2015-06-12
has "$work/out" "Officer new.officer of local 22 (US, district 3), applying on 2016-12-20"
has "$work/out" "open   OI-2017-MD  Linthicum Heights, MD"
has "$work/out" "       subsidy: would be waitlisted"
has "$work/out" "[S4] all 10 subsidies of session OI-2017-MD are awarded"
has "$work/out" "       subsidy: would be awarded, 5 nights paid to Designated IATSE hotel, Denver, CO"
has "$work/out" "5 of 5 sessions open to this officer on 2016-12-20."
same "$ledger" "$work/before.json" "the ledger after a query"

# The same officer without the office or the graduation: the 2.0 courses
# are closed by their prerequisites (P1, P2).
run 0 "$oi" sessions --ledger "$ledger" --local 22 --officer new.officer --on 2016-12-20
has "$work/out" "closed ADV-2017-MD"
has "$work/out" "       ORG-2.0: may not enroll"
has "$work/out" "[P1] no graduation from an Officer Institute 1.0 is claimed"
has "$work/out" "[P2] holds no office"
has "$work/out" "3 of 5 sessions open"

# An officer who holds an award (R01, local 2) may enroll, but a second
# subsidy that year is refused (S9); a Canadian local is refused the
# U.S.-only sessions (E1); after the deadline the subsidy is refused (S6);
# after the first day the session is closed.
run 0 "$oi" sessions --ledger "$ledger" --local 2 --officer local-2/ana.ortiz --on 2016-12-01
has "$work/out" "[S9] the officer already holds or awaits a subsidy in 2017"
run 0 "$oi" sessions --local 58 --country Canada --district 11 --receipts '$125,000.00' \
  --officer ca.officer --on 2017-01-05 --format csv
has "$work/out" "OI-2017-MD,OI-1.0,no,refused,0,\"E1 COUNTRY_NOT_ADMITTED:"
has "$work/out" "OI-2017-MD,subsidy,no,refused,0,"
has "$work/out" "S6 RECEIVED_LATE:"
has "$work/out" "OI-2017-FL,subsidy,yes,awarded,5,"
run 0 "$oi" sessions --local 58 --country CA --district 11 --receipts '$300,000' \
  --officer ca.officer --on 2017-01-05 --format json
has "$work/out" '"s2_judged": true'
has "$work/out" '"code": "CA_RECEIPTS_TOO_HIGH"'
run 0 "$oi" sessions --local 7 --country US --district 1 --lm-form LM-2 --officer x --on 2017-03-01
has "$work/out" "[S2] the U.S. local files Form LM-2"
has "$work/out" "closed OI-2017-MD"
has "$work/out" "       the session began on 2017-02-13"

# Options the library refuses are the command line's fault.
run 2 "$oi" sessions --local 7 --country US --district 1 --lm-form LM-7 --officer x --on 2017-03-01
has "$work/err" "--lm-form:"
run 2 "$oi" sessions --local 7 --country US --district 1 --office tsar --officer x --on 2017-03-01
has "$work/err" "--office:"
run 2 "$oi" sessions --local 7 --country US --district 1 --receipts lots --officer x --on 2017-03-01
run 2 "$oi" sessions --local 7 --country US --district 1 --graduated Toronto@June --officer x --on 2017-03-01

finish
