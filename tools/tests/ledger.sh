#!/bin/sh
# officerinst allocate, withdraw and report on a ledger file: created if
# absent (mode 0600), continued by a later run, saved atomically only when
# the run succeeds as asked (--strict), bound to its policy; withdrawals
# promote from the waitlist (S10); the report per session, local and
# district in all three formats. The sample is examples/requests-2017.csv,
# the README's main job.
. "${top_srcdir:-$(dirname "$0")/../..}/tools/tests/common.sh"

sample=$top_srcdir/examples/requests-2017.csv
ledger=$work/ledger.json

# A new ledger: the whole sample is decided and the file created.
run 0 "$oi" allocate --ledger "$ledger" "$sample"
has "$work/out" "40 decided: 18 awarded, 7 waitlisted, 15 refused; 0 bad rows; ledger $ledger holds 40 requests."
has "$work/out" "R01  OI-2017-MD  awarded     5 nights paid to Designated IATSE hotel, Linthicum Heights, MD"
has "$work/out" "R11  OI-2017-MD  waitlisted"
has "$work/out" "[S4] all 10 subsidies of session OI-2017-MD are awarded"
has "$work/out" "[S5] local 2 already has 2 officer(s) subsidized in 2017"
has "$work/out" "[S6] received 2017-01-03, 41 days before"
has "$work/out" "[S9] the officer already holds or awaits a subsidy in 2017"
has "$work/out" "[E1] a Canadian local may not attend session OI-2017-MD"
lines "$work/err" 0 "allocate's errors"
checks=$((checks + 1))
if [ ! -f "$ledger" ] || [ "$(stat -c %a "$ledger")" != 600 ]; then
  fail "the new ledger is not a file of mode 0600"
fi
cp "$ledger" "$work/first.json"

# The same file again: every id is already in the ledger, every row bad,
# and the ledger holds what it held.
run 1 "$oi" allocate --ledger "$ledger" "$sample"
has "$work/err" "requests-2017.csv:2: id: request \"R01\" is already entered in the ledger"
has "$work/err" "requests-2017.csv:41: id: request \"R40\" is already entered in the ledger"
lines "$work/err" 40
has "$work/out" "0 decided: none; 40 bad rows; ledger $ledger holds 40 requests."
same "$ledger" "$work/first.json" "the ledger after a rerun"
# It was not even rewritten.
checks=$((checks + 1))
[ "$ledger" -nt "$work/first.json" ] && fail "a run that entered nothing rewrote the ledger"
run 1 "$oi" allocate --strict --ledger "$ledger" "$sample"
has "$work/err" "--strict: 40 requests already in the ledger, nothing saved"
same "$ledger" "$work/first.json" "the ledger after a strict rerun"

# New requests continue the ledger, in receipt order against what it holds
# (S11: an award stands; a seat is free at the Denver session).
head -1 "$sample" >"$work/more.csv"
cat >>"$work/more.csv" <<'CSV'
R41,2017-01-10 9:00,OI-2017-CO,470,IATSE Local 470,US,8,LM-4,,local-470/nora.lind,Nora Lind,Treasurer,5,yes,yes,yes,yes
R42,2016-11-01 9:00,OI-2017-MD,99,IATSE Local 99,US,6,LM-3,,local-99/omar.diaz,Omar Diaz,President,5,yes,yes,yes,yes
CSV
run 0 "$oi" allocate --ledger "$ledger" "$work/more.csv"
has "$work/out" "R41  OI-2017-CO  awarded"
has "$work/out" "R42  OI-2017-MD  waitlisted"
has "$work/out" "ledger $ledger holds 42 requests."

# --strict and a bad row: nothing decided, nothing saved.
cp "$ledger" "$work/before.json"
head -1 "$sample" >"$work/bad.csv"
cat >>"$work/bad.csv" <<'CSV'
R43,2017-01-11 9:00,OI-2017-CO,52,IATSE Local 52,US,10,LM-4,,local-52/p.q,P Q,Treasurer,5,yes,yes,yes,yes
R44,2017-01-11 9:00,OI-2017-CO,470,IATSE Local 470,US,8,LM-9,,local-470/r.s,R S,Treasurer,5,yes,yes,yes,yes
CSV
run 1 "$oi" allocate --strict --ledger "$ledger" "$work/bad.csv"
has "$work/err" "bad.csv:3: local.lm_form:"
has "$work/err" "--strict: 1 bad row, nothing decided or saved"
lines "$work/out" 0 "a strict run's output"
same "$ledger" "$work/before.json" "the ledger after a strict run with a bad row"
# Without --strict the good row is entered and the bad one reported.
run 1 "$oi" allocate --ledger "$ledger" "$work/bad.csv"
has "$work/out" "R43  OI-2017-CO  awarded"
has "$work/out" "1 decided: 1 awarded; 1 bad row; ledger $ledger holds 43 requests."

# A ledger is bound to its policy.
run 3 "$oi" allocate --policy "$top_srcdir/examples/policy-2018.json" --ledger "$ledger" "$work/more.csv"
has "$work/err" "give the --policy the ledger was made under"
run 3 "$oi" report --policy "$top_srcdir/examples/policy-2018.json" --ledger "$ledger"

# Files that are not ledgers, or cannot be written.
run 3 "$oi" report --ledger "$work/no-such-ledger.json"
has "$work/err" "no-such-ledger.json: no such ledger"
run 3 "$oi" withdraw --ledger "$work/no-such-ledger.json" R01
printf '{"format": "officerinst-ledger",\n "version": x}\n' >"$work/broken.json"
run 3 "$oi" report --ledger "$work/broken.json"
has "$work/err" "broken.json:2:"
run 3 "$oi" allocate --ledger "$work/no-such-dir/ledger.json" "$sample"
has "$work/err" "ledger not saved"

# Without --ledger the ledger lives only for the run.
(cd "$work" && "$oi" allocate "$sample" >/dev/null 2>&1) || fail "allocate without --ledger"
checks=$((checks + 1))
if ls "$work" | grep -q '^ledger\.json\.'; then
  fail "a temporary file was left beside the ledger"
fi

# Withdrawals: an award's seat and its local's slot go to the waitlist.
run 0 "$oi" withdraw --ledger "$ledger" R01
# R42, received first, waits on its local's cap too (S5): the seat goes to
# R11, and local 2's slot to R40 at another session.
has "$work/out" "R01 withdrawn (was awarded); promoted: R11 (OI-2017-MD, local 122, 5 nights), R40 (OI-2017-FL, local 2, 5 nights)"
# A waitlisted request promotes nobody; several ids are done in order.
run 0 "$oi" withdraw --ledger "$ledger" R12 R02
has "$work/out" "R12 withdrawn (was waitlisted); promoted: nobody"
# R42, R13 and R14 wait on their locals' caps: R15 is the first that fits.
has "$work/out" "R02 withdrawn (was awarded); promoted: R15 (OI-2017-MD, local 33, 5 nights)"
# Ids that cannot be withdrawn are reported; the others still withdrawn.
run 1 "$oi" withdraw --ledger "$ledger" R99 R17 R03 R01
has "$work/err" "R99:"
has "$work/err" "R17:"
has "$work/err" "R01:"
has "$work/out" "R03 withdrawn (was awarded)"
lines "$work/out" 1
# --strict: one bad id and nothing is saved.
cp "$ledger" "$work/before.json"
run 1 "$oi" withdraw --strict --ledger "$ledger" R04 R99
has "$work/err" "--strict: nothing withdrawn"
same "$ledger" "$work/before.json" "the ledger after a strict withdrawal"
run 0 "$oi" withdraw --format csv --ledger "$ledger" R04
has "$work/out" "id,previous,promoted"
# Everyone still waiting at the session waits on a local's cap.
has "$work/out" "R04,awarded,"
lines "$work/out" 2
run 0 "$oi" withdraw --format json --ledger "$ledger" R05
has "$work/out" '"withdrawals"'
has "$work/out" '"id": "R05"'
has "$work/out" '"previous": "awarded"'

# The report.
run 0 "$oi" report --ledger "$ledger"
has "$work/out" "Ledger $ledger: policy iatse-officer-institute-2017"
has "$work/out" "OI-2017-MD  Linthicum Heights, MD, 2017-02-13 to 2017-02-17"
# Seats are left and requests wait: each of them on its local's cap (S5).
has "$work/out" "  10 seats: 7 awarded, 3 left, 4 waiting; 34 nights paid to Designated IATSE hotel, Linthicum Heights, MD"
has "$work/out" "  waitlist, in order (4)"
has "$work/out" "     1. R42 "
has "$work/out" "     4. R16 "
has "$work/out" "  withdrawn (6)"
has "$work/out" "ADV-2017-MD  Linthicum Heights, MD, 2017-02-22 to 2017-02-24"
has "$work/out" "  no subsidy seats (S1)"
has "$work/out" "Locals: officers subsidized against the cap of 2 a year (S5)"
has "$work/out" "  2      IATSE Local 2                4        2017 5        2 of 2, at the cap"
has "$work/out" "Districts"
run 0 "$oi" report --format csv --ledger "$ledger"
has "$work/out" "session_id,status,position,id,local_number,local_name,district,officer_id,officer_name,received,nights_requested,nights,payee,reasons"
has "$work/out" "OI-2017-MD,waitlisted,4,R16,2,IATSE Local 2,4,local-2/paul.grant,Paul Grant,2017-01-02T23:45:00,5,"
lines "$work/out" 44 "the report's CSV"
run 0 "$oi" report --format json --ledger "$ledger"
has "$work/out" '"sessions": ['
has "$work/out" '"locals": ['
has "$work/out" '"districts": ['
if command -v python3 >/dev/null 2>&1; then
  checks=$((checks + 1))
  python3 -m json.tool "$work/out" >/dev/null || fail "the report's JSON does not parse"
fi

finish
