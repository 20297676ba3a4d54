#!/bin/sh
# tests/doc-c.sh -- `make check`: the C examples of the documentation
# (README, bindings/python/README, doc/*.md), run by tests/doc-examples.sh,
# which says what counts as an example and how it is checked.
exec ${SHELL:-/bin/sh} "${top_srcdir:-$(dirname "$0")/..}/tests/doc-examples.sh" c "$@"
