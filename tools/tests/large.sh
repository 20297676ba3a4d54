#!/bin/sh
# A file of 100,000 rows: every row decided, in the file's order, in one
# batch (three sessions of ten seats: thirty awards), with the same answer
# twice. `make bench` times it (tools/tests/bench.sh).
. "${top_srcdir:-$(dirname "$0")/../..}/tools/tests/common.sh"

gen=$(cd "$top_builddir" && pwd)/tools/tests/gen-requests
n=100000

checks=$((checks + 1))
"$gen" csv $n 7 "$work/requests.csv" || fail "gen-requests csv"
run 0 "$oi" allocate --format csv "$work/requests.csv"
lines "$work/out" $((n + 1)) "the decisions"
checks=$((checks + 1))
awards=$(grep -c ',awarded,' "$work/out")
[ "$awards" -eq 30 ] || fail "$awards awards, expected 30"
has "$work/out" ",Q000001,"
has "$work/out" ",Q100000,"
checks=$((checks + 1))
[ "$(sed -n 2p "$work/out" | cut -d, -f2)" = Q000001 ] || fail "the first decision is not the first row's"
lines "$work/err" 0 "the errors"

finish
