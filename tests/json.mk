# tests/json.mk: the tests of the JSON documents (include/officerinst/json.h).
# Included from the top-level Makefile.am after tests/local.mk, which sets
# check_PROGRAMS and TESTS with "="; everything here appends with "+=".
#
#  tests/check_json   policy documents and ledger snapshots: round trips,
#                     every kind of malformed input with its exact status,
#                     line, column and path, files (EIO, modes, no temporary
#                     file left), limits
#  tests/check_crash  a saver killed with SIGKILL at random moments leaves the
#                     old file or the new one, never a torn one (40 kills;
#                     1000 in `make check-long`, tests/long.mk); environment:
#                     OI_SEED, OI_CRASH_ITERATIONS, OI_CRASH_MAX_DELAY_US
#  tests/check_files  saves replace only regular files (FIFOs, sockets,
#                     devices, links to them are refused and left alone),
#                     modes, the longest names; loads open only regular
#                     files (a FIFO never blocks). Its FIFOs, sockets and
#                     device nodes are made in a directory under $TMPDIR;
#                     device nodes only as root, else those tests say so
#  tests/check_limits what a load costs: jansson's peak memory, measured
#                     through json_set_alloc_funcs(), does not grow with a
#                     document of many small values; every allocation made
#                     to fail in turn gives OI_ENOMEM with a message
#  tests/check_snapshot_reader
#                     the quick reader of snapshots and the full one give
#                     the same answer on snapshots as written and changed
#
# The tests read examples/policy-2018.json and tests/json/*.json from the
# SOURCE tree: OI_TEST_SRCDIR is its absolute path, so they are found in a
# VPATH build such as `make distcheck`'s (where the source tree is read-only:
# the tests write only under $TMPDIR, or /tmp).

check_PROGRAMS += tests/check_json tests/check_crash tests/check_files tests/check_limits \
	tests/check_snapshot_reader
TESTS += tests/check_json tests/check_crash tests/check_files tests/check_limits \
	tests/check_snapshot_reader

# Per-program variables, like tests/local.mk, so nothing leaks into the
# library's flags. oi_public_cppflags (Makefile.am) is
# -I$(top_srcdir)/include -I$(top_builddir)/include and the VPATH workaround
# for the generated version.h.
oi_json_test_cppflags = \
	$(oi_public_cppflags) \
	-DOI_TEST_SRCDIR='"$(abs_top_srcdir)"'
oi_json_test_cflags = $(CHECK_CFLAGS) $(JANSSON_CFLAGS) $(WARN_CFLAGS)
oi_json_test_ldadd = $(CHECK_LIBS) lib/libofficerinst.la

tests_check_json_SOURCES = tests/check_json.c tests/testutil.h
tests_check_json_CPPFLAGS = $(oi_json_test_cppflags)
tests_check_json_CFLAGS = $(oi_json_test_cflags)
tests_check_json_LDADD = $(oi_json_test_ldadd)

tests_check_crash_SOURCES = tests/check_crash.c tests/testutil.h
tests_check_crash_CPPFLAGS = $(oi_json_test_cppflags)
tests_check_crash_CFLAGS = $(oi_json_test_cflags)
tests_check_crash_LDADD = $(oi_json_test_ldadd)

tests_check_files_SOURCES = tests/check_files.c tests/testutil.h
tests_check_files_CPPFLAGS = $(oi_json_test_cppflags)
tests_check_files_CFLAGS = $(oi_json_test_cflags)
tests_check_files_LDADD = $(oi_json_test_ldadd)

# It calls jansson itself (json_set_alloc_funcs), so it links it too.
tests_check_limits_SOURCES = tests/check_limits.c tests/testutil.h
tests_check_limits_CPPFLAGS = $(oi_json_test_cppflags)
tests_check_limits_CFLAGS = $(oi_json_test_cflags)
tests_check_limits_LDADD = $(oi_json_test_ldadd) $(JANSSON_LIBS)

tests_check_snapshot_reader_SOURCES = tests/check_snapshot_reader.c tests/testutil.h
tests_check_snapshot_reader_CPPFLAGS = $(oi_json_test_cppflags)
tests_check_snapshot_reader_CFLAGS = $(oi_json_test_cflags)
tests_check_snapshot_reader_LDADD = $(oi_json_test_ldadd)

# Data the tests read, the example policy and the format documents.
EXTRA_DIST += \
	tests/json/ledger-2017-small.json \
	tests/json/ledger-2017-small-v2.json \
	examples/policy-2018.json \
	doc/policy-format.md \
	doc/snapshot-format.md
