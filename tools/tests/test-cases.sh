#!/bin/sh
# officerinst test: the project's own clause vectors (tests/vectors/
# clauses.json) pass as they are; a copy with one expectation altered fails,
# naming that vector, with the summary "N passed, 1 failed" and status 1; a
# case file states its policy (a document beside it) and a ledger case may
# start from a saved ledger; a file that is not a case file is status 3.
. "${top_srcdir:-$(dirname "$0")/../..}/tools/tests/common.sh"

vectors=$top_srcdir/tests/vectors/clauses.json

summary() { # summary FILE PASSED FAILED: the last line is the summary.
  checks=$((checks + 1))
  last=$(tail -1 "$1")
  case $last in
    "$2 passed, $3 failed") ;;
    *) fail "summary '$last', expected '$2 passed, $3 failed'" ;;
  esac
}

run 0 "$oi" test "$vectors"
lines "$work/out" 1 "the output of a passing run"
total=$(sed -n 's/^\([0-9][0-9]*\) passed, 0 failed$/\1/p' "$work/out")
checks=$((checks + 1))
if [ -z "$total" ] || [ "$total" -lt 50 ]; then
  fail "the shared vectors did not all pass: $(cat "$work/out")"
  total=0
fi
run 0 "$oi" test --verbose "$vectors"
has "$work/out" "clauses.json: S6-MD-42-days-before: ok"
has "$work/out" "clauses.json: required_clauses: ok"

# One expectation altered: the first vector expects a refusal.
sed '0,/"expect": {"outcome": "eligible"/s//"expect": {"outcome": "refused"/' "$vectors" \
  >"$work/altered.json"
run 1 "$oi" test "$work/altered.json"
has "$work/out" "altered.json: S6-MD-42-days-before: outcome eligible, expected refused"
lines "$work/out" 2
summary "$work/out" $((total - 1)) 1

# A reason altered, and an error's path altered.
sed 's/\[\["S6", "RECEIVED_LATE"\]\]/[["S8", "RECEIVED_LATE"]]/' "$vectors" >"$work/reason.json"
run 1 "$oi" test "$work/reason.json"
has "$work/out" "reason 0 is S6 RECEIVED_LATE, expected S8 RECEIVED_LATE"
# A promise of coverage the file does not keep.
sed 's/"required_clauses": \[/"required_clauses": ["U9", /' "$vectors" >"$work/coverage.json"
run 1 "$oi" test "$work/coverage.json"
has "$work/out" "coverage.json: required_clauses: no vector for required clause U9"
summary "$work/out" $((total - 1)) 1

# Under another policy the 2017 vectors fail, and the 2018 cases pass.
run 1 "$oi" test --policy "$top_srcdir/examples/policy-2018.json" "$vectors"
run 0 "$oi" test "$tests/cases/policy-2018.json"
summary "$work/out" 10 0
run 1 "$oi" test --policy builtin-2017 "$tests/cases/policy-2018.json"
has "$work/out" "2018-S6-TX-8-weeks-before:"
# Several files: one summary.
run 0 "$oi" test "$vectors" "$tests/cases/policy-2018.json"
summary "$work/out" $((total + 10)) 0

# A ledger case from a saved ledger, a case's own policy, a broken case.
"$oi" allocate --ledger "$work/ledger.json" "$top_srcdir/examples/requests-2017.csv" >/dev/null ||
  fail "allocate the sample"
cat >"$work/qa.json" <<'JSON'
{"format": "officerinst-clause-vectors", "version": 1,
 "defaults": {
   "local": {"number": 900, "name": "Local 900", "country": "US", "district": 2, "lm_form": "LM-4"},
   "officer": {"id": "qa-officer", "office": "Treasurer"},
   "request": {"id": "QA1", "session_id": "OI-2017-MD", "received": "2016-12-01 9:00", "nights": 5,
               "attested": true, "with_application": true, "application_signed": true,
               "request_signed": true}},
 "vectors": [
  {"id": "the-sample-is-full", "clause": "S4", "kind": "ledger",
   "input": {"ledger": "ledger.json", "steps": [
     {"summary": "OI-2017-MD", "expect": {"awarded": 10, "waitlisted": 6}},
     {"submit": {}, "expect": {"outcome": "waitlisted", "reasons": [["S4", "SEATS_TAKEN"]]}},
     {"withdraw": "R01", "expect": {"previous": "awarded", "promoted": ["QA1", "R40"]}}]}},
  {"id": "under-2018", "clause": "S6", "kind": "subsidy", "policy": "policy.json",
   "input": {"session_id": "OI-2018-TX", "received": "2018-01-09"},
   "expect": {"outcome": "refused", "reasons": [["S6", "RECEIVED_LATE"]]}},
  {"id": "an-error-expected", "clause": "U1", "kind": "subsidy",
   "input": {"local": {"district": 14}},
   "expect": {"error": "OI_EINVAL", "path": "request.local.district"}},
  {"id": "no-such-kind", "clause": "S1", "kind": "lottery", "input": {}, "expect": {}},
  {"id": "bad-spelling", "clause": "U2", "kind": "subsidy",
   "input": {"officer": {"office": "Tresurer"}}, "expect": {"outcome": "eligible", "reasons": []}}
 ]}
JSON
cp "$top_srcdir/examples/policy-2018.json" "$work/policy.json"
run 1 "$oi" test "$work/qa.json"
has "$work/out" "qa.json: no-such-kind: unknown kind \"lottery\""
has "$work/out" "qa.json: bad-spelling: \"office\": \"Tresurer\" is not an office (did you mean \"treasurer\"?)"
lines "$work/out" 3
summary "$work/out" 3 2
# The case file never writes the ledger it starts from.
run 0 "$oi" report --ledger "$work/ledger.json"
has "$work/out" "  10 seats: 10 awarded, 0 left, 6 waiting;"

# Not case files.
printf '{"format": "officerinst-clause-vectors",\n "version": 1,\n "vectors": [}\n' >"$work/broken.json"
run 3 "$oi" test "$work/broken.json"
has "$work/err" "broken.json:3:"
printf '{"format": "officerinst-policy", "version": 1}\n' >"$work/policy-as-cases.json"
run 3 "$oi" test "$work/policy-as-cases.json"
has "$work/err" "not a test-case file"
run 3 "$oi" test "$work/no-such-cases.json"
# The message quotes the file it rejects.
printf '{"format": "officerinst-clause-vectors", "version": 1,\n "vectors": [{"id": "twice"}, {"id": "twice"}]}\n' >"$work/twice.json"
run 3 "$oi" test "$work/twice.json"
has "$work/err" "twice.json: vector id \"twice\" is used twice (vectors[0] and [1])"
printf '{"format": "officerinst-clause-vectors", "version": 1, "policy": "missing.json",\n "vectors": [{"id": "x", "kind": "cost", "input": {}, "expect": {}}]}\n' >"$work/nopolicy.json"
run 3 "$oi" test "$work/nopolicy.json"
has "$work/err" "missing.json"

finish
