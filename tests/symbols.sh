#!/bin/sh
# tests/symbols.sh: the shared library exports the oi_ API and nothing else.
#
#  1. Every global symbol `nm -D --defined-only` lists in
#     lib/.libs/libofficerinst.so starts with oi_ (the linker's own markers,
#     such as _init or __bss_start on older toolchains, are not ours and are
#     ignored).
#  2. Every function a public header declares with OI_EXTERN is exported, so a
#     declared but unimplemented (or accidentally static) function fails here
#     rather than at a user's link time.
#  3. Every exported oi_ symbol is declared in a public header (no private
#     helper leaks into the ABI by being given OI_EXTERN).
#
# Exit 0 pass, 1 fail, 77 skip (no nm, or no shared library was built).
# Run by `make check` from the top build directory; top_srcdir and
# top_builddir come from AM_TESTS_ENVIRONMENT.

set -u
LC_ALL=C; export LC_ALL

top_srcdir=${top_srcdir:-$(dirname "$0")/..}
top_builddir=${top_builddir:-.}

# LT_INIT's NM may carry options ("nm -B"); only use it if it runs.
nm_cmd=${NM:-nm}
if ! $nm_cmd --version >/dev/null 2>&1; then
  nm_cmd='nm'
  if ! command -v nm >/dev/null 2>&1; then
    echo "SKIP: nm not found"
    exit 77
  fi
fi

lib=$top_builddir/lib/.libs/libofficerinst.so
if [ ! -f "$lib" ]; then
  echo "SKIP: $lib not built (configured with --disable-shared?)"
  exit 77
fi

tmp=${TMPDIR:-/tmp}/oi-symbols.$$
mkdir "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT

# Columns: value, type, name. Upper-case types are global; lower-case 'w'/'v'
# are weak definitions, also visible to a program.
if ! $nm_cmd -D --defined-only "$lib" > "$tmp/nm.out"; then
  echo "FAIL: $nm_cmd -D --defined-only $lib failed"
  exit 1
fi
awk 'NF >= 3 && $2 ~ /^[A-Zvw]$/ { print $3 }' "$tmp/nm.out" \
  | sed 's/@.*//' | sort -u > "$tmp/exported"

status=0

grep -v -e '^oi_' \
  -e '^_init$' -e '^_fini$' -e '^_edata$' -e '^_end$' -e '^__bss_start$' \
  "$tmp/exported" > "$tmp/leaked"
if [ -s "$tmp/leaked" ]; then
  echo "FAIL: $lib exports symbols outside the oi_ prefix:"
  sed 's/^/  /' "$tmp/leaked"
  status=1
fi

# Functions the headers promise: "OI_EXTERN <type> oi_name(" on one line
# (the headers' style). The headers are the installed ones (OI_PUBLIC_HEADERS,
# from lib/local.mk), each taken from the build tree if generated there
# (version.h), else from the source tree.
headers=${OI_PUBLIC_HEADERS:-}
if [ -z "$headers" ]; then
  headers=$(cd "$top_srcdir" && ls include/officerinst.h include/officerinst/*.h 2>/dev/null)
  headers="$headers include/officerinst/version.h"
fi
: > "$tmp/headers.txt"
for rel in $headers; do
  if [ -f "$top_builddir/$rel" ]; then
    cat "$top_builddir/$rel" >> "$tmp/headers.txt"
  elif [ -f "$top_srcdir/$rel" ]; then
    cat "$top_srcdir/$rel" >> "$tmp/headers.txt"
  else
    echo "FAIL: public header $rel exists in neither tree"
    status=1
  fi
done
sed -n 's/^OI_EXTERN[^(]*[^A-Za-z0-9_]\(oi_[A-Za-z0-9_]*\)[[:space:]]*(.*/\1/p' "$tmp/headers.txt" \
  | sort -u > "$tmp/declared"
if [ ! -s "$tmp/declared" ]; then
  echo "FAIL: found no OI_EXTERN declarations in the public headers"
  exit 1
fi

comm -23 "$tmp/declared" "$tmp/exported" > "$tmp/missing"
if [ -s "$tmp/missing" ]; then
  echo "FAIL: declared in a public header but not exported by $lib:"
  sed 's/^/  /' "$tmp/missing"
  status=1
fi

comm -13 "$tmp/declared" "$tmp/exported" | grep '^oi_' > "$tmp/undeclared"
if [ -s "$tmp/undeclared" ]; then
  echo "FAIL: exported by $lib but declared in no public header:"
  sed 's/^/  /' "$tmp/undeclared"
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "PASS: $(wc -l < "$tmp/exported" | tr -d ' ') symbols exported, all oi_, each declared in a public header"
fi
exit "$status"
