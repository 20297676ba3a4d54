# tests/ledger.mk: the unit tests of the subsidy ledger (include/officerinst/ledger.h),
# with Check. Included from the top-level Makefile.am after tests/local.mk
# (which sets TESTS and check_PROGRAMS with "="); everything here appends.
# Paths are from the top of the tree.
#
#  tests/check_ledger         one TCase per clause (S4, S5, S9, S10, S11) plus
#                             queries, audit and errors.
#  tests/check_ledger_random  a randomized run against a model of doc/policy.md;
#                             OI_RANDOM_OPS sets the number of operations
#                             (default 100000; 1000000 in `make check-long`,
#                             tests/long.mk; fewer under valgrind) and
#                             OI_SEED replays a run (the seed is printed in
#                             tests/check_ledger_random.log).
#
# Include path: oi_public_cppflags (Makefile.am) is -I$(top_srcdir)/include
# -I$(top_builddir)/include (the generated version.h lives in the build tree).

check_PROGRAMS += tests/check_ledger tests/check_ledger_random
TESTS += tests/check_ledger tests/check_ledger_random

tests_check_ledger_SOURCES = tests/check_ledger.c tests/testutil.h
tests_check_ledger_CFLAGS = $(CHECK_CFLAGS) $(WARN_CFLAGS)
tests_check_ledger_CPPFLAGS = $(oi_public_cppflags)
tests_check_ledger_LDADD = $(CHECK_LIBS) lib/libofficerinst.la

tests_check_ledger_random_SOURCES = tests/check_ledger_random.c tests/testutil.h
tests_check_ledger_random_CFLAGS = $(CHECK_CFLAGS) $(WARN_CFLAGS)
tests_check_ledger_random_CPPFLAGS = $(oi_public_cppflags)
tests_check_ledger_random_LDADD = $(CHECK_LIBS) lib/libofficerinst.la

# tests/check_hostile: inputs chosen to make the library misbehave (ids
# without a terminator or with control characters, impossible receipts, ids
# crafted to collide in hash tables, waitlists shaped to make promotion slow).
check_PROGRAMS += tests/check_hostile
TESTS += tests/check_hostile
tests_check_hostile_SOURCES = tests/check_hostile.c tests/testutil.h tests/crafted_ids.h
tests_check_hostile_CFLAGS = $(CHECK_CFLAGS) $(WARN_CFLAGS)
tests_check_hostile_CPPFLAGS = $(oi_public_cppflags)
tests_check_hostile_LDADD = $(CHECK_LIBS) lib/libofficerinst.la

# tests/check_siphash: the keyed hash of the ledger's tables against the
# published answers. Built from the library's source file, since the
# functions are private (hidden, not exported).
check_PROGRAMS += tests/check_siphash
TESTS += tests/check_siphash
tests_check_siphash_SOURCES = tests/check_siphash.c lib/siphash.c
tests_check_siphash_CFLAGS = $(CHECK_CFLAGS) $(WARN_CFLAGS)
tests_check_siphash_CPPFLAGS = $(oi_public_cppflags) -I$(top_srcdir)/lib -I$(top_builddir)
tests_check_siphash_LDADD = $(CHECK_LIBS)
