#!/bin/sh
# officerinst test: the project's own clause vectors (tests/vectors/
# clauses.json, version 2 of the format) pass as they are, every one of
# them; a copy with one expectation altered fails, naming that vector, with
# the summary "N passed, 1 failed" and status 1, and so does a copy with a
# version 2 expectation altered (a reason's ref_id, a local's awards) or a
# policy of its "policies" changed; a case file states its policy (a name
# of its "policies", builtin-YEAR, or a document beside it, in that order)
# and a ledger case may start from a saved ledger; a version 1 file may not
# use what version 2 adds; a file that is not a case file is status 3.
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

# Every vector of the file, and its required_clauses, is one case: the
# file has one "kind" line per vector (108 of them when this was written;
# more may come).
count=$(grep -c '"kind": "\(subsidy\|enrollment\|graduation\|cost\|ledger\)"' "$vectors")
checks=$((checks + 1))
[ "$count" -ge 108 ] || fail "$vectors has $count vectors, expected at least 108"
total=$((count + 1))
run 0 "$oi" test "$vectors"
lines "$work/out" 1 "the output of a passing run"
summary "$work/out" "$total" 0
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

# Version 2 expectations altered: the request a reason names, the awards of
# a local, and a session's seats in the policy of "policies" the vector names.
sed 's/"OFFICER_ALREADY_SUBSIDIZED", "x-2018"\]/"OFFICER_ALREADY_SUBSIDIZED", "x-2017"]/' \
  "$vectors" >"$work/ref.json"
run 1 "$oi" test "$work/ref.json"
has "$work/out" "ref.json: S9-counts-each-year-of-a-sessions-first-day: step 2: reason 0 names request x-2018, expected x-2017"
summary "$work/out" $((total - 1)) 1
sed 's/"expect": \["a", "b"\]/"expect": ["b", "a"]/' "$vectors" >"$work/awards.json"
run 1 "$oi" test "$work/awards.json"
has "$work/out" "awards.json: S5-counts-each-year-of-a-sessions-first-day: step 6: award 0 is a, expected b"
summary "$work/out" $((total - 1)) 1
sed '/"id": "OI-2018-SMALL", "place"/s/"seats": 2}/"seats": 3}/' "$vectors" >"$work/seats.json"
run 1 "$oi" test "$work/seats.json"
has "$work/out" "seats.json: S4-session-with-its-own-seats: step 1: seats is 3, expected 2"
summary "$work/out" $((total - 1)) 1
# An expectation misspelt is not one left unchecked.
sed '0,/"outcome": "eligible", "nights": 5,/s//"outcome": "eligible", "nigths": 5,/' "$vectors" \
  >"$work/typo.json"
run 1 "$oi" test "$work/typo.json"
has "$work/out" "typo.json: S6-MD-42-days-before: the expected decision has an unknown member \"nigths\""
summary "$work/out" $((total - 1)) 1

# A QA team's version 2 file: a policy of its "policies", the file's
# builtin-2017, a document by its path; under --policy its own cases fail.
run 0 "$oi" test "$tests/cases/small-sessions-2019.json"
summary "$work/out" 7 0
run 1 "$oi" test --policy builtin-2017 "$tests/cases/small-sessions-2019.json"
has "$work/out" "small-sessions-2019.json: S4-two-seats-the-third-waits-unpaid:"
has "$work/out" "small-sessions-2019.json: S6-a-policy-by-its-path:"
hasnt "$work/out" "S3-nights-limited-to-the-builtin-5"
# A name of "policies" wins over builtin-YEAR: here "builtin-2017" is the
# 2018 document, where OI-2018-TX's deadline is 8 weeks before 2018-03-05.
{
  printf '{"format": "officerinst-clause-vectors", "version": 2, "policies": {"builtin-2017":\n'
  cat "$top_srcdir/examples/policy-2018.json"
  printf '}, "vectors": [{"id": "the-name-wins", "clause": "S6", "kind": "subsidy",\n'
  printf ' "policy": "builtin-2017", "input": {"local": {"number": 1, "name": "L", "country": "US",\n'
  printf '  "district": 1, "lm_form": "LM-3"}, "officer": {"id": "o", "office": "president"},\n'
  printf '  "id": "r", "session_id": "OI-2018-TX", "received": "2018-01-08T09:00:00", "nights": 4,\n'
  printf '  "attested": true, "with_application": true, "application_signed": true,\n'
  printf '  "request_signed": true},\n'
  printf ' "expect": {"outcome": "eligible", "reasons": [], "nights": 4}}]}\n'
} >"$work/shadow.json"
run 0 "$oi" test "$work/shadow.json"
summary "$work/out" 1 0
# A broken document of "policies" is the file's error, named by its key.
sed 's/"seats_per_session": 12/"seats_per_session": -1/' "$work/shadow.json" >"$work/badpolicy.json"
run 3 "$oi" test "$work/badpolicy.json"
has "$work/err" "badpolicy.json: policies.builtin-2017: numbers.seats_per_session:"
# A vector's "policy" that is no string.
sed 's/"policy": "builtin-2017", "input"/"policy": 2017, "input"/' "$work/shadow.json" >"$work/policynum.json"
run 3 "$oi" test "$work/policynum.json"
has "$work/err" "policynum.json: vector the-name-wins: \"policy\" must be"
# A ledger case's own "expect" holds nothing: its steps do.
sed '0,/"expect": {}/s//"expect": {"outcome": "awarded"}/' "$vectors" >"$work/ledger-expect.json"
run 1 "$oi" test "$work/ledger-expect.json"
has "$work/out" "a ledger case's \"expect\" must be {}"
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

# A version 1 file uses only what version 1 has.
sed 's/"version": 2,/"version": 1,/' "$tests/cases/small-sessions-2019.json" >"$work/v1-policies.json"
run 3 "$oi" test "$work/v1-policies.json"
has "$work/err" "v1-policies.json: \"policies\" is a member of version 2 of the format, the file says version 1"
cat >"$work/v1.json" <<'JSON'
{"format": "officerinst-clause-vectors", "version": 1,
 "defaults": {
   "local": {"number": 900, "name": "Local 900", "country": "US", "district": 2, "lm_form": "LM-4"},
   "officer": {"id": "qa-officer", "office": "Treasurer"},
   "request": {"id": "QA1", "session_id": "OI-2017-FL", "received": "2017-06-01T09:00:00",
               "nights": 5, "attested": true, "with_application": true,
               "application_signed": true, "request_signed": true}},
 "vectors": [
  {"id": "v1-pair", "clause": "S6", "kind": "subsidy", "input": {"session_id": "OI-2017-MD"},
   "expect": {"outcome": "refused", "reasons": [["S6", "RECEIVED_LATE"]], "nights": 0}},
  {"id": "v2-triple", "clause": "S6", "kind": "subsidy", "input": {"session_id": "OI-2017-MD"},
   "expect": {"outcome": "refused", "reasons": [["S6", "RECEIVED_LATE", null]]}},
  {"id": "v2-field", "clause": "S3", "kind": "subsidy", "input": {},
   "expect": {"outcome": "eligible", "reasons": [], "nights_if_awarded": 5}},
  {"id": "v2-step", "clause": "S5", "kind": "ledger", "input": {"steps": [
     {"local_awards": {"local": 900, "year": 2017}, "expect": []}]}},
  {"id": "v2-event", "clause": "S4", "kind": "ledger", "input": {"steps": [
     {"submit": {}, "expect": {"outcome": "awarded", "reasons": []}},
     {"events_from": 0, "expect": [["entered", "QA1", null, null],
                                   ["decided", "QA1", "awarded", null, 5]]}]}}
 ]}
JSON
run 1 "$oi" test "$work/v1.json"
has "$work/out" "v1.json: v2-triple: a reason's ref_id is of version 2 of the format, the file says version 1"
has "$work/out" "v1.json: v2-field: \"nights_if_awarded\" is of version 2 of the format"
has "$work/out" "v1.json: v2-step: step 0: \"local_awards\" is of version 2 of the format"
has "$work/out" "v1.json: v2-event: step 1: an event's nights is of version 2 of the format"
summary "$work/out" 1 4
# The same cases pass in a version 2 file.
sed 's/"version": 1,/"version": 2,/' "$work/v1.json" >"$work/v2.json"
run 0 "$oi" test "$work/v2.json"
summary "$work/out" 5 0

# Not case files.
printf '{"format": "officerinst-clause-vectors",\n "version": 1,\n "vectors": [}\n' >"$work/broken.json"
run 3 "$oi" test "$work/broken.json"
has "$work/err" "broken.json:3:"
printf '{"format": "officerinst-policy", "version": 1}\n' >"$work/policy-as-cases.json"
run 3 "$oi" test "$work/policy-as-cases.json"
has "$work/err" "not a test-case file"
printf '{"format": "officerinst-clause-vectors", "version": 3,\n "vectors": [{"id": "x"}]}\n' >"$work/v3.json"
run 3 "$oi" test "$work/v3.json"
has "$work/err" "v3.json: not a test-case file: expected {\"format\": \"officerinst-clause-vectors\", \"version\": 1 to 2, ...}"
run 3 "$oi" test "$work/no-such-cases.json"
# The message quotes the file it rejects.
printf '{"format": "officerinst-clause-vectors", "version": 1,\n "vectors": [{"id": "twice"}, {"id": "twice"}]}\n' >"$work/twice.json"
run 3 "$oi" test "$work/twice.json"
has "$work/err" "twice.json: vector id \"twice\" is used twice (vectors[0] and [1])"
printf '{"format": "officerinst-clause-vectors", "version": 1, "policy": "missing.json",\n "vectors": [{"id": "x", "kind": "cost", "input": {}, "expect": {}}]}\n' >"$work/nopolicy.json"
run 3 "$oi" test "$work/nopolicy.json"
has "$work/err" "missing.json"

finish
