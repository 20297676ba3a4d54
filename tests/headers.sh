#!/bin/sh
# tests/headers.sh: every public header compiles on its own, included twice
# (so it is self-contained and its include guard works), as strict C99 and,
# when a C++ compiler exists, as C++11 (so its extern "C" guards work).
#
# The headers are first laid out in a scratch directory exactly as
# `make install` lays them out (include/officerinst.h and
# include/officerinst/*.h, with the generated version.h beside the others),
# and only that directory is on the include path: each header is checked as
# a program using the installed library would see it. The list is the one
# lib/local.mk installs (OI_PUBLIC_HEADERS, from AM_TESTS_ENVIRONMENT), and
# every *.h under include/ in the source tree must be on it, so a header
# cannot be added and forgotten.
#
# Exit 0 pass, 1 fail, 77 skip (no C compiler). Run by `make check` from the
# top build directory; it writes only to a temporary directory, so it also
# works in `make distcheck`'s read-only source tree.

set -u

top_srcdir=${top_srcdir:-$(dirname "$0")/..}
top_builddir=${top_builddir:-.}
cc=${CC:-cc}
cxx=${HEADER_CXX:-}

if ! command -v "${cc%% *}" >/dev/null 2>&1; then
  echo "SKIP: C compiler '$cc' not found"
  exit 77
fi

headers=${OI_PUBLIC_HEADERS:-}
if [ -z "$headers" ]; then
  # Run by hand: take what the source tree has, plus the generated version.h.
  headers=$(cd "$top_srcdir" && ls include/officerinst.h include/officerinst/*.h 2>/dev/null)
  headers="$headers include/officerinst/version.h"
fi

tmp=${TMPDIR:-/tmp}/oi-headers.$$
mkdir "$tmp" || exit 1
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/include" "$tmp/include/officerinst" || exit 1

status=0
count=0

# Lay the headers out as installed; the build tree's copy (generated) wins.
listed=" "
for rel in $headers; do
  listed="$listed$rel "
  if [ -f "$top_builddir/$rel" ]; then
    src=$top_builddir/$rel
  elif [ -f "$top_srcdir/$rel" ]; then
    src=$top_srcdir/$rel
  else
    echo "FAIL: $rel is to be installed but exists in neither tree"
    status=1
    continue
  fi
  cp "$src" "$tmp/$rel" || exit 1
done

# Every header in the source tree must be one that is installed.
for path in "$top_srcdir"/include/officerinst.h "$top_srcdir"/include/officerinst/*.h; do
  [ -f "$path" ] || continue
  rel=include/${path#"$top_srcdir"/include/}
  case "$listed" in
    *" $rel "*) ;;
    *) echo "FAIL: $rel is in the source tree but not installed (add it to lib/local.mk)"
       status=1 ;;
  esac
done

cflags="-std=c99 -Wall -Wextra -pedantic -Werror"
cxxflags="-std=c++11 -Wall -Wextra -pedantic -Werror"

for rel in $headers; do
  [ -f "$tmp/$rel" ] || continue
  name=${rel#include/}
  count=$((count + 1))
  printf '#include <%s>\n#include <%s>\n' "$name" "$name" > "$tmp/t.c"
  # shellcheck disable=SC2086  # flag lists are split on purpose
  if $cc $cflags -I"$tmp/include" -c "$tmp/t.c" -o "$tmp/t.o" > "$tmp/err" 2>&1; then
    echo "ok: $name (C99)"
  else
    echo "FAIL: $name does not compile alone as C99 ($cc $cflags):"
    sed 's/^/  /' "$tmp/err"
    status=1
  fi
  if [ -n "$cxx" ]; then
    cp "$tmp/t.c" "$tmp/t.cc"
    # shellcheck disable=SC2086
    if $cxx $cxxflags -I"$tmp/include" -c "$tmp/t.cc" -o "$tmp/t.o" > "$tmp/err" 2>&1; then
      echo "ok: $name (C++11)"
    else
      echo "FAIL: $name does not compile alone as C++11 ($cxx $cxxflags):"
      sed 's/^/  /' "$tmp/err"
      status=1
    fi
  fi
done

# Every initialiser a header declares (OI_..._INIT) initialises its structure
# with no warning, in C and in C++, as a caller's program compiled with
# -Wextra uses it (doc/abi.md): found in the headers, so a new one is
# checked the day it is added.
inits=$(cat "$tmp"/include/officerinst/*.h | sed -n 's/^#define \(OI_[A-Z0-9_]*_INIT\)\b.*/\1/p' | sort -u)
{
  echo '#include <officerinst.h>'
  echo 'int oi_inits(void);'
  echo 'int oi_inits(void) {'
  echo '  unsigned v = 0;'
  for macro in $inits; do
    type=$(echo "$macro" | sed 's/^OI_\(.*\)_INIT$/\1/' | tr 'A-Z' 'a-z')
    echo "  { oi_$type x = $macro; v += x.version; }"
  done
  echo '  return (int)v;'
  echo '}'
} > "$tmp/inits.c"
if [ -z "$inits" ]; then
  echo "FAIL: no OI_..._INIT initialiser found in the headers"
  status=1
elif $cc $cflags -I"$tmp/include" -c "$tmp/inits.c" -o "$tmp/inits.o" > "$tmp/err" 2>&1; then
  echo "ok: $(echo $inits | wc -w) initialisers (C99)"
else
  echo "FAIL: an initialiser warns or fails as C99 ($cc $cflags):"
  sed 's/^/  /' "$tmp/err"
  status=1
fi
if [ -n "$cxx" ] && [ -n "$inits" ]; then
  cp "$tmp/inits.c" "$tmp/inits.cc"
  # shellcheck disable=SC2086
  if $cxx $cxxflags -I"$tmp/include" -c "$tmp/inits.cc" -o "$tmp/inits.o" > "$tmp/err" 2>&1; then
    echo "ok: $(echo $inits | wc -w) initialisers (C++11)"
  else
    echo "FAIL: an initialiser warns or fails as C++11 ($cxx $cxxflags):"
    sed 's/^/  /' "$tmp/err"
    status=1
  fi
fi

[ -n "$cxx" ] || echo "note: no C++ compiler found; the C++ half of this test was skipped"
if [ "$count" -eq 0 ]; then
  echo "FAIL: no public headers to check"
  status=1
fi
exit "$status"
