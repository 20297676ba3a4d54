#!/bin/sh
# The README's main job must work on the built-in 2017 policy and on the
# shipped 2018 policy document: run examples/allocate on both and check that
# each printed an allocation and a promotion.
set -eu
top_builddir=${top_builddir:-.}
top_srcdir=${top_srcdir:-.}
out=$(mktemp)
trap 'rm -f "$out"' EXIT

for policy in "" "$top_srcdir/examples/policy-2018.json"; do
  # shellcheck disable=SC2086 # an empty $policy means "no argument"
  "$top_builddir/examples/allocate" $policy >"$out"
  for expect in "Subsidy allocation under policy" "awarded (" "waitlisted (" \
                "refused (" "Promoted: R"; do
    if ! grep -q "$expect" "$out"; then
      echo "allocate ${policy:-(built-in 2017)}: no \"$expect\" in its output:" >&2
      cat "$out" >&2
      exit 1
    fi
  done
  echo "allocate ${policy:-(built-in 2017)}: ok"
done
