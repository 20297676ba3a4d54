#!/bin/sh
# examples/decide-requests decides the shipped requests document (every
# request and application, the outcomes the 2017 policy gives them, the
# decisions document written) and, on a document with bad elements, reports
# each at its line and column and still decides the good ones.
set -eu
top_builddir=${top_builddir:-.}
top_srcdir=${top_srcdir:-.}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prog=$top_builddir/examples/decide-requests

fail() {
  echo "decide-requests: $1" >&2
  for f in "$tmp"/out "$tmp"/err; do
    if [ -f "$f" ]; then cat "$f" >&2; fi
  done
  exit 1
}

expect() { # file, then fixed strings it must contain
  file=$1; shift
  for want in "$@"; do
    grep -qF -- "$want" "$file" || fail "no \"$want\" in its output"
  done
}

"$prog" "$top_srcdir/examples/requests-2017.json" "$tmp/decisions.json" \
  >"$tmp/out" 2>"$tmp/err" || fail "exit status $? on examples/requests-2017.json"
expect "$tmp/out" \
  "R01 awarded at OI-2017-MD, 5 night(s) paid to" \
  "R11 waitlisted at OI-2017-MD" "[S4] all 10 subsidies of session OI-2017-MD" \
  "R17 refused at OI-2017-MD" "[S6] received 2017-01-03" \
  "R22 refused at OI-2017-MD" "[S9]" \
  "R25 refused at OI-2017-CO" "receipts are \$250,000.00" \
  "R40 waitlisted at OI-2017-FL" "[S5] local 2 already has 2 officer(s)" \
  "A2 admitted at ADV-2017-MD" "A4 refused at ADV-2017-CA" \
  "40 requests, 4 applications, 0 in error, under iatse-officer-institute-2017"
[ "$(grep -c ' awarded at ' "$tmp/out")" -eq 18 ] || fail "not 18 awards"
[ ! -s "$tmp/err" ] || fail "errors on the shipped document"
expect "$tmp/decisions.json" '{"format":"officerinst-decisions","version":1,' \
  '"decided_by":"ledger"' '{"request":"R40","outcome":"waitlisted"' \
  '{"application":"A4","outcome":"refused","session":"ADV-2017-CA","course":"ORG-2.0"'
[ "$(grep -c '^{"request":' "$tmp/decisions.json")" -eq 40 ] || fail "not 40 decisions"
echo "decide-requests examples/requests-2017.json: ok"

errors=$top_srcdir/tests/json/requests-2017-errors.json
if "$prog" "$errors" >"$tmp/out" 2>"$tmp/err"; then
  fail "exit status 0 on a document with bad elements"
fi
expect "$tmp/err" \
  "$errors:6:30: requests[1].session: no session \"OI-2017-ND\" in policy \"iatse-officer-institute-2017\"; did you mean \"OI-2017-MD\"?" \
  "$errors:7:283: requests[2].local.receipts: \"\$125,000.005\" is not an amount of money (fractions of a cent)" \
  "$errors:8:331: requests[3].officer.office: \"Secretery\" is not an office (did you mean \"secretary\"?)" \
  "$errors:9:12: requests[4].id: request \"E01\" appears earlier in the batch"
expect "$tmp/out" "E01 awarded at OI-2017-FL" "E06 awarded at OI-2017-FL" \
  "6 requests, 0 applications, 4 in error"
echo "decide-requests tests/json/requests-2017-errors.json: ok"
