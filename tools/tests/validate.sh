#!/bin/sh
# officerinst validate: a valid policy document is named with its id and
# digest (exit 0); each malformed one of tools/tests/policies/ is reported
# at its position, FILE:LINE:COLUMN: path: message, and the exit status is
# 1; a file that cannot be read is 3; bad usage is 2.
. "${top_srcdir:-$(dirname "$0")/../..}/tools/tests/common.sh"

p=$tests/policies

run 0 "$oi" validate "$top_srcdir/examples/policy-2018.json" "$p/good.json"
has "$work/out" "policy-2018.json: valid: policy iatse-officer-institute-2018-hypothetical, digest "
has "$work/out" "good.json: valid: policy tool-test-2018"
# The year and the catalogue are the library's figures for the document.
has "$work/out" ", year 2018: 5 sessions, 3 courses, 14 prior sites"
has "$work/out" ", year 2018: 2 sessions, 2 courses, 2 prior sites"
lines "$work/out" 2
run 0 "$oi" validate --quiet "$p/good.json"
lines "$work/out" 0

# Each malformed document: its expected position and the field the error
# names (empty for a syntax error or a document that is not an object).
# The positions are those of the offending value (a schema error), of the
# key (an unknown field), of the object lacking a member (a missing field)
# or jansson's (a syntax error), as doc/policy-format.md says.
while read -r file where field; do
  run 1 "$oi" validate "$p/$file" || continue
  has "$work/err" "$p/$file:$where $field" "validate $file"
  lines "$work/err" 1 "validate $file's errors"
  lines "$work/out" 0 "validate $file's output"
done <<'EOF'
bad-syntax-trailing-comma.json 12:3:
bad-type-year-string.json 6:13: numbers.year:
bad-unknown-field.json 7:5: numbers.seats_per_sesion:
bad-missing-numbers-field.json 5:14: numbers.max_nights:
bad-date-no-such-day.json 19:19: sessions[0].first_day:
bad-last-day-before-first.json 19:45: sessions[0].last_day:
bad-unknown-course.json 20:39: sessions[0].courses[0]:
bad-unknown-country.json 20:20: sessions[0].countries[0]:
bad-duplicate-session.json 21:12: sessions[1].id:
bad-negative-seats.json 7:26: numbers.seats_per_session:
bad-format.json 2:13: format:
bad-not-an-object.json 1:1:
bad-empty.json 1:0:
bad-unclosed.json 15:0:
EOF

# Every other JSON document of the test suite that is not a valid policy
# (tests/json/: ledgers, requests, and any malformed policy added there)
# is refused the same way: status 1 and a position.
for file in "$top_srcdir"/tests/json/*.json; do
  [ -f "$file" ] || continue
  checks=$((checks + 1))
  "$oi" validate --quiet "$file" >"$work/out" 2>"$work/err"
  status=$?
  case $status in
    0) ;;
    1) grep -q "^$file:[0-9][0-9]*:[0-9][0-9]*: " "$work/err" ||
         fail "validate $file: no FILE:LINE:COLUMN: $(cat "$work/err")" ;;
    *) fail "validate $file exited $status" ;;
  esac
done

# A misspelt field is met with what was meant.
run 1 "$oi" validate "$p/bad-unknown-field.json"
has "$work/err" "seats_per_session"

# Every document is checked, and the worst status wins.
run 1 "$oi" validate "$p/good.json" "$p/bad-format.json" "$p/good.json"
lines "$work/out" 2
run 3 "$oi" validate "$p/bad-format.json" "$work/no-such-policy.json"
has "$work/err" "no-such-policy.json"

# The other verbs take the same documents and report them the same way.
printf 'id\n' >"$work/empty.csv"
run 3 "$oi" check --policy "$p/bad-type-year-string.json" "$work/empty.csv"
has "$work/err" "$p/bad-type-year-string.json:6:13: numbers.year:"
run 3 "$oi" sessions --policy "$p/bad-unknown-field.json"
has "$work/err" "$p/bad-unknown-field.json:7:5:"
run 3 "$oi" sessions --policy builtin-1999
has "$work/err" "builtin-1999"

run 2 "$oi" validate
has "$work/err" "Try 'officerinst validate --help'"
run 2 "$oi" validate --no-such-option "$p/good.json"

finish
