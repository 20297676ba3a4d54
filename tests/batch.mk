# tests/batch.mk: the tests of request and decision documents
# (include/officerinst/requests.h). Included from the top-level Makefile.am
# after tests/local.mk, which sets check_PROGRAMS and TESTS with "=";
# everything here appends with "+=".
#
#  tests/check_batch   requests documents (the shipped example, hostile input
#                      with exact status, path, element, field, line and
#                      column), requests given as fields, stateless and ledger
#                      decisions, the decisions document
#
# The test reads examples/*.json from the SOURCE tree (OI_TEST_SRCDIR), so it
# runs in a VPATH build such as `make distcheck`'s; it writes only under /tmp.

check_PROGRAMS += tests/check_batch
TESTS += tests/check_batch

tests_check_batch_SOURCES = tests/check_batch.c tests/testutil.h
tests_check_batch_CPPFLAGS = $(oi_public_cppflags) -DOI_TEST_SRCDIR='"$(abs_top_srcdir)"'
tests_check_batch_CFLAGS = $(CHECK_CFLAGS) $(JANSSON_CFLAGS) $(WARN_CFLAGS)
tests_check_batch_LDADD = $(CHECK_LIBS) $(JANSSON_LIBS) lib/libofficerinst.la
