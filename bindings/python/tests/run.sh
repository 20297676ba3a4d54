#!/bin/sh
# bindings/python/tests/run.sh -- run the Python binding tests against the
# BUILD tree (`make check` runs it; it also runs by hand from the top build
# directory: sh ../bindings/python/tests/run.sh).
#
# The package is imported from bindings/python/stage, which `make` fills with
# exactly what `make install` installs (bindings/python/local.mk). The
# extension is loaded through `libtool --mode=execute -dlopen`, which points
# the dynamic linker at the library of the build tree, not at an installed
# one. Nothing is written into the source tree (no __pycache__), so a
# read-only srcdir (make distcheck) is fine.
#
# Environment (AM_TESTS_ENVIRONMENT sets it): top_srcdir, top_builddir,
# PYTHON, LIBTOOL, OI_VECTORS (tests/vectors.mk). Extra arguments go to
# unittest (e.g. -k vectors).

set -eu

: "${top_builddir:=.}"
: "${top_srcdir:=$(cd "$(dirname "$0")/../../.." && pwd)}"
: "${PYTHON:=python3}"

stage=$top_builddir/bindings/python/stage
if test ! -f "$stage/officerinst/__init__.py"; then
  echo "run.sh: $stage/officerinst is missing; run make first" >&2
  exit 99
fi
stage=$(cd "$stage" && pwd)
tests=$(cd "$top_srcdir/bindings/python/tests" && pwd)

PYTHONPATH=$stage${PYTHONPATH:+:$PYTHONPATH}
PYTHONDONTWRITEBYTECODE=1
OI_VECTORS=${OI_VECTORS:-$(cd "$top_srcdir" && pwd)/tests/vectors/clauses.json}
OI_EXAMPLES=$(cd "$top_srcdir/examples" && pwd)
export PYTHONPATH PYTHONDONTWRITEBYTECODE OI_VECTORS OI_EXAMPLES

if test -n "${LIBTOOL:-}" && test -f "$top_builddir/lib/libofficerinst.la"; then
  # $LIBTOOL is "$(SHELL) .../libtool": split on purpose.
  # shellcheck disable=SC2086
  exec $LIBTOOL --mode=execute -dlopen "$top_builddir/lib/libofficerinst.la" \
    "$PYTHON" -m unittest discover -s "$tests" -p 'test_*.py' -v "$@"
fi
exec "$PYTHON" -m unittest discover -s "$tests" -p 'test_*.py' -v "$@"
