#!/bin/sh
# tests/bench-callgrind.sh: the instruction counts of `make bench`
# (`make bench-callgrind` alone): how many instructions one call of the
# library costs, counted by callgrind, which no load on the machine changes.
#
# Each figure runs `tests/bench -C WHAT -n N` under
#   valgrind --tool=callgrind --toggle-collect=FUNCTION
# so that only the instructions executed inside FUNCTION (and what it calls)
# are counted; the program prints how many calls it made, and the figure is
# the count over the calls (over the requests, for a batch and a snapshot).
# The inputs are those of the timed figures (tests/bench.c's generator).
#
#   tests/bench-callgrind.sh [-q]      -q: the ledger figures at 1e4, not 1e5
#
# Run from the top build directory, as `make bench` does (top_builddir).
# Environment: VALGRIND (default: valgrind). Without valgrind it says so and
# exits 0.

set -u
top_builddir=${top_builddir:-.}
VALGRIND=${VALGRIND:-valgrind}
big=100000 bigname=1e5
if test "${1:-}" = -q; then big=10000 bigname=1e4; fi

if ! command -v "$VALGRIND" >/dev/null 2>&1; then
  echo "bench-callgrind: skipped: $VALGRIND is not installed"
  exit 0
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/officerinst-callgrind.XXXXXX") || exit 2
trap 'rm -rf "$work"' EXIT INT TERM

met=0
missed=0
rows=

# figure FUNCTION WHAT N GOAL: one row (GOAL "-" for none, else the maximum).
figure() {
  name=$1 fn=$2 what=$3 n=$4 goal=$5
  out="$work/callgrind.$what.$n"
  if ! calls=$("$top_builddir/libtool" --mode=execute "$VALGRIND" --tool=callgrind \
      --toggle-collect="$fn" --callgrind-out-file="$out" \
      "$top_builddir/tests/bench" -C "$what" -n "$n" 2>"$work/log"); then
    cat "$work/log" >&2
    echo "bench-callgrind: tests/bench -C $what -n $n failed" >&2
    exit 1
  fi
  calls=${calls#calls }
  total=$(sed -n 's/^summary: *//p' "$out" | head -n 1)
  test -n "$total" || total=$(sed -n 's/^totals: *//p' "$out" | head -n 1)
  value=$(awk -v t="$total" -v c="$calls" 'BEGIN { printf "%.0f", t / c }')
  if test "$goal" = -; then
    m=-
    g=-
  else
    g="<= $goal"
    if test "$value" -le "$goal"; then m=yes; met=$((met + 1)); else m=NO; missed=$((missed + 1)); fi
  fi
  rows="$rows$(printf '| %-52s | %10s | %-5s | %-7s | %-4s |' "$name" "$value" "instr" "$g" "$m")
"
}

echo "bench-callgrind: $("$VALGRIND" --version), instructions inside each call..." >&2
figure "oi_check_subsidy: 1e5 distinct requests, a decision" oi_check_subsidy check 100000 300
figure "oi_ledger_submit: per request, 1e3" oi_ledger_submit submit 1000 -
figure "oi_ledger_submit: per request, $bigname" oi_ledger_submit submit $big -
figure "oi_ledger_withdraw: per withdrawal, $bigname" oi_ledger_withdraw withdraw $big -
figure "oi_ledger_submit_many: per request, $bigname, out" oi_ledger_submit_many batch $big -
figure "oi_ledger_to_json: per request, 1e4" oi_ledger_to_json save 10000 -
figure "oi_ledger_from_json: per request, 1e4 (replays)" oi_ledger_from_json load 10000 -

echo
echo "callgrind: instructions per call ($("$VALGRIND" --version); no clock, so the load does not matter)"
echo
printf '| %-52s | %10s | %-5s | %-7s | %-4s |\n' figure value unit goal "met?"
printf '|%s|%s|%s|%s|%s|\n' ------------------------------------------------------ \
  -----------: ------- --------- ------
printf '%s' "$rows"
echo
echo "goals met: $met of $((met + missed))"
