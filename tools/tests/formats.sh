#!/bin/sh
# The output formats: text is plain when standard output is not a terminal,
# coloured on a terminal, and never coloured when NO_COLOR is set; json is
# one document that parses; csv has one header and one row a request.
. "${top_srcdir:-$(dirname "$0")/../..}/tools/tests/common.sh"

sample=$top_srcdir/examples/requests-2017.csv
esc=$(printf '\033')

unset NO_COLOR
run 0 "$oi" check "$sample"
hasnt "$work/out" "$esc" "text output to a file"
run 0 "$oi" sessions --local 22 --officer x --on 2016-12-20 --country US --district 3
hasnt "$work/out" "$esc" "sessions to a file"

# On a terminal (script(1) gives the program one): colour, unless NO_COLOR.
if command -v script >/dev/null 2>&1 &&
   script -qec true /dev/null >/dev/null 2>&1 </dev/null; then
  script -qec "'$oi' check '$sample'" /dev/null </dev/null >"$work/tty" 2>&1
  has "$work/tty" "${esc}[32meligible${esc}[0m" "text output on a terminal"
  has "$work/tty" "${esc}[31mrefused${esc}[0m" "text output on a terminal"
  NO_COLOR=1 script -qec "'$oi' check '$sample'" /dev/null </dev/null >"$work/tty" 2>&1
  has "$work/tty" "eligible" "NO_COLOR on a terminal"
  hasnt "$work/tty" "$esc" "NO_COLOR on a terminal"
  # An empty NO_COLOR does not count (no-color.org).
  NO_COLOR= script -qec "'$oi' check '$sample'" /dev/null </dev/null >"$work/tty" 2>&1
  has "$work/tty" "$esc" "an empty NO_COLOR on a terminal"
  # JSON and CSV are never coloured.
  script -qec "'$oi' check --format csv '$sample'" /dev/null </dev/null >"$work/tty" 2>&1
  hasnt "$work/tty" "$esc" "csv on a terminal"
else
  echo "$0: script(1) cannot make a terminal here: colour not checked"
fi
NO_COLOR=1
export NO_COLOR

run 0 "$oi" allocate --format csv "$sample"
lines "$work/out" 41
has "$work/out" "line,id,session,course,outcome,nights_requested,nights,payee,reasons"
has "$work/out" ',R01,OI-2017-MD,,awarded,5,5,"Designated IATSE hotel, Linthicum Heights, MD",'
has "$work/out" ',R17,OI-2017-MD,,refused,5,0,,"S6 RECEIVED_LATE: received 2017-01-03'
checks=$((checks + 1))
if [ "$(tr -cd '\r' <"$work/out" | wc -c)" -ne 41 ]; then
  fail "the CSV lines do not end with CRLF"
fi

run 0 "$oi" allocate --format json "$sample"
has "$work/out" '"format":"officerinst-decisions"'
has "$work/out" '"decided_by":"ledger"'
run 0 "$oi" check --format json "$sample"
has "$work/out" '"decided_by":"rules"'
if command -v python3 >/dev/null 2>&1; then
  checks=$((checks + 1))
  python3 -m json.tool "$work/out" >/dev/null || fail "the decisions document does not parse"
fi

finish
