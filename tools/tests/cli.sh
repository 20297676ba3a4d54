#!/bin/sh
# The command line of officerinst: --help and --version, `help VERB`,
# --help of every verb, and the exit status 2 for every kind of bad usage
# (no verb, an unknown verb or option, a missing argument or operand).
. "${top_srcdir:-$(dirname "$0")/../..}/tools/tests/common.sh"

verbs="check allocate withdraw report sessions validate test"

run 0 "$oi" --help
has "$work/out" "Usage: officerinst"
for v in $verbs; do
  has "$work/out" "  $v " "--help's list of verbs"
done
hasnt "$work/out" "$(printf '\033')" "--help"

run 0 "$oi" --version
has "$work/out" "officerinst "
has "$work/out" "(libofficerinst "
lines "$work/out" 1

for v in $verbs; do
  run 0 "$oi" "$v" --help && has "$work/out" "Usage: officerinst $v" "$v --help"
  has "$work/out" "Exit status:" "$v --help"
  run 0 "$oi" "$v" -h && has "$work/out" "Usage: officerinst $v" "$v -h"
  run 0 "$oi" help "$v" && has "$work/out" "Usage: officerinst $v" "help $v"
  # An unknown option: status 2, a message naming it and the way to help.
  run 2 "$oi" "$v" --no-such-option
  has "$work/err" "'--no-such-option'" "$v --no-such-option"
  has "$work/err" "Try 'officerinst $v --help'." "$v --no-such-option"
  lines "$work/out" 0 "$v --no-such-option's output"
done
run 0 "$oi" help
has "$work/out" "Usage: officerinst"

run 2 "$oi"
has "$work/err" "Usage: officerinst"
run 2 "$oi" frobnicate
has "$work/err" "no verb 'frobnicate'"
run 2 "$oi" help frobnicate
run 2 "$oi" --frobnicate
run 2 "$oi" -x

# Missing operands and arguments.
run 2 "$oi" check
has "$work/err" "no requests file given"
run 2 "$oi" allocate
run 2 "$oi" check a.csv b.csv
has "$work/err" "one requests file at a time"
run 2 "$oi" check --policy
has "$work/err" "option '--policy' needs an argument"
run 2 "$oi" check --format yaml "$top_srcdir/examples/requests-2017.csv"
has "$work/err" "unknown format 'yaml'"
run 2 "$oi" check --input xml "$top_srcdir/examples/requests-2017.csv"
run 2 "$oi" check --ledger "$work/l.json" "$top_srcdir/examples/requests-2017.csv"
has "$work/err" "check keeps no ledger"
run 2 "$oi" withdraw R01
has "$work/err" "--ledger FILE is required"
run 2 "$oi" withdraw --ledger "$work/l.json"
has "$work/err" "no request id given"
run 2 "$oi" report
run 2 "$oi" report --ledger "$work/l.json" extra
run 2 "$oi" sessions --local 2
has "$work/err" "--local, --officer and --on go together"
run 2 "$oi" sessions --country US
run 2 "$oi" sessions --local two --officer x --on 2017-01-01 --country US --district 1
run 2 "$oi" sessions --local 2 --officer x --on 2017-02-30 --country US --district 1
run 2 "$oi" sessions --local 2 --officer x --on 2017-01-01 --country Mexico --district 1
has "$work/err" "--country"
run 2 "$oi" sessions --local 2 --officer x --on 2017-01-01 --country US --district 14
run 2 "$oi" sessions --local 2 --officer x --on 2017-01-01 --country US
has "$work/err" "--district is needed"
run 2 "$oi" validate
run 2 "$oi" test

finish
