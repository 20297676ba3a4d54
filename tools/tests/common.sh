# tools/tests/common.sh: sourced by the tests of the officerinst program.
#
# They run from the top build directory (as `make check` runs them) or from
# anywhere with top_srcdir and top_builddir set. They write only into a
# scratch directory of their own ($work), so they also pass in `make
# distcheck`'s read-only source tree; it is removed when the test ends.

set -u

top_srcdir=${top_srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
top_builddir=${top_builddir:-.}
# Absolute, so that a test may change directory.
top_srcdir=$(cd "$top_srcdir" && pwd)
oi=$(cd "$top_builddir" && pwd)/tools/officerinst
tests=$top_srcdir/tools/tests

if [ ! -x "$oi" ]; then
  echo "$0: $oi is not built" >&2
  exit 99
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/officerinst-test.XXXXXX") || exit 99
trap 'rm -rf "$work"' EXIT
# No colour unless a test asks for it.
NO_COLOR=1
export NO_COLOR

failures=0
checks=0

fail() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# (The helpers' own variables start with an underscore: the tests' do not.)

# run STATUS CMD...: run CMD with stdout in $work/out and stderr in
# $work/err, and check its exit status.
run() {
  _want=$1
  shift
  checks=$((checks + 1))
  "$@" >"$work/out" 2>"$work/err"
  _got=$?
  if [ "$_got" -ne "$_want" ]; then
    fail "'$*' exited $_got, expected $_want"
    echo "--- stdout" >&2
    head -20 "$work/out" >&2
    echo "--- stderr" >&2
    head -20 "$work/err" >&2
    return 1
  fi
  return 0
}

# has FILE TEXT [WHAT]: FILE ($work/out, $work/err) contains the fixed TEXT.
has() {
  checks=$((checks + 1))
  if ! grep -qF -- "$2" "$1"; then
    fail "${3:-output} has no '$2'"
    echo "--- $1" >&2
    head -30 "$1" >&2
    return 1
  fi
  return 0
}

# hasnt FILE TEXT [WHAT]: FILE does not contain TEXT.
hasnt() {
  checks=$((checks + 1))
  if grep -qF -- "$2" "$1"; then
    fail "${3:-output} has '$2'"
    grep -F -- "$2" "$1" | head -5 >&2
    return 1
  fi
  return 0
}

# lines FILE N [WHAT]: FILE has exactly N lines.
lines() {
  checks=$((checks + 1))
  _lines=$(wc -l <"$1" | tr -d ' ')
  if [ "$_lines" -ne "$2" ]; then
    fail "${3:-output} has $_lines lines, expected $2"
    head -30 "$1" >&2
    return 1
  fi
  return 0
}

# same A B [WHAT]: the two files are identical.
same() {
  checks=$((checks + 1))
  if ! cmp -s "$1" "$2"; then
    fail "${3:-files} differ: $1 $2"
    diff "$1" "$2" | head -20 >&2
    return 1
  fi
  return 0
}

finish() {
  if [ "$failures" -gt 0 ]; then
    echo "$0: $failures of $checks checks failed" >&2
    exit 1
  fi
  echo "$0: $checks checks passed"
  exit 0
}
