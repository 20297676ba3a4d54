# tests/vectors.mk: the shared clause vectors, tests/vectors/clauses.json.
# Included from the top-level Makefile.am after tests/local.mk (which sets
# TESTS and check_PROGRAMS with "="); everything here appends. Paths are from
# the top of the tree.
#
# One table of scenarios, as data, run by two programs so that C and Python
# can never drift apart:
#
#  tests/check_vectors                     C, with Check and jansson: one
#                                          Check test per vector (a loop test);
#  bindings/python/tests/test_vectors.py   Python, through the bindings
#                                          (bindings/python/local.mk).
#
# Both find the file through OI_VECTORS, set below for every test. The path
# is absolute and in the SOURCE tree, so it also works in a VPATH build such
# as `make distcheck`'s (read-only srcdir); check_vectors also accepts the
# file as its first argument.

check_PROGRAMS += tests/check_vectors
TESTS += tests/check_vectors

tests_check_vectors_SOURCES = tests/check_vectors.c
tests_check_vectors_CPPFLAGS = $(oi_public_cppflags)
tests_check_vectors_CFLAGS = $(CHECK_CFLAGS) $(JANSSON_CFLAGS) $(WARN_CFLAGS)
tests_check_vectors_LDADD = lib/libofficerinst.la $(CHECK_LIBS) $(JANSSON_LIBS)

AM_TESTS_ENVIRONMENT += \
	OI_VECTORS='$(abs_top_srcdir)/tests/vectors/clauses.json'; export OI_VECTORS;

EXTRA_DIST += \
	tests/vectors/README \
	tests/vectors/clauses.json
