#!/bin/sh
# tools/tests/bench.sh: the officerinst program's part of `make bench`: how
# long `officerinst allocate` takes on a CSV file of 100,000 generated rows
# (tools/tests/gen-requests), the median of several runs, in each output
# format, with and without a ledger file, and `officerinst check`.
# The goal is 2 s for the allocation itself (reading, deciding, writing
# the decisions); saving a ledger of 1e5 requests adds the library's
# snapshot (ledger_to_json in tests/bench's table) and an fsync.
#
#   tools/tests/bench.sh [-r RUNS] [-n ROWS]
#
# Run from the top build directory (make bench does). Writes only into a
# mktemp -d directory.
set -eu

runs=5
rows=100000
while getopts r:n: opt; do
  case $opt in
    r) runs=$OPTARG ;;
    n) rows=$OPTARG ;;
    *) echo "usage: $0 [-r RUNS] [-n ROWS]" >&2; exit 2 ;;
  esac
done

top_builddir=${top_builddir:-.}
oi=$(cd "$top_builddir" && pwd)/tools/officerinst
gen=$(cd "$top_builddir" && pwd)/tools/tests/gen-requests
work=$(mktemp -d "${TMPDIR:-/tmp}/officerinst-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

"$gen" csv "$rows" 7 "$work/requests.csv"
size=$(wc -c <"$work/requests.csv" | tr -d ' ')

# seconds CMD...: the median wall-clock time of $runs runs of CMD, output
# discarded; a failed run fails the benchmark. (A ledger file is removed
# before each run, so every run allocates into a new one.)
seconds() {
  i=0
  : >"$work/times"
  while [ $i -lt "$runs" ]; do
    rm -f "$work/ledger.json"
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo $(((end - start) / 1000)) >>"$work/times"
    i=$((i + 1))
  done
  sort -n "$work/times" | sed -n "$(((runs + 1) / 2))p" |
    awk '{ printf "%.3f", $1 / 1e6 }'
}

row() { # row FIGURE VALUE GOAL
  met=-
  if [ "$3" != - ]; then
    met=$(awk -v v="$2" -v g="$3" 'BEGIN { print (v <= g) ? "yes" : "NO" }')
    goal="<= $3"
  else
    goal=-
  fi
  printf '| %-52s | %10s | %-5s | %-7s | %-4s |\n' "$1" "$2" s "$goal" "$met"
}

printf 'officerinst on %s CSV rows (%s bytes), median of %s runs\n' "$rows" "$size" "$runs"
printf 'load average: %s\n\n' "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
printf '| %-52s | %10s | %-5s | %-7s | %-4s |\n' figure value unit goal met?
printf '|%s|%s|%s|%s|%s|\n' ------------------------------------------------------ \
  ------------ ------- --------- ------
row "allocate --format csv, no ledger file" \
  "$(seconds "$oi" allocate --format csv "$work/requests.csv")" 2
row "allocate (text), no ledger file" \
  "$(seconds "$oi" allocate "$work/requests.csv")" 2
row "allocate --format json, no ledger file" \
  "$(seconds "$oi" allocate --format json "$work/requests.csv")" -
row "allocate --format csv --ledger FILE (new, saved)" \
  "$(seconds "$oi" allocate --format csv --ledger "$work/ledger.json" "$work/requests.csv")" -
row "check --format csv" \
  "$(seconds "$oi" check --format csv "$work/requests.csv")" -
printf 'load average at the end: %s\n' "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
