# tests/threads.mk: the threading guarantees (policy.h, rules.h, ledger.h),
# tests/check_threads. Included from the top-level Makefile.am after
# tests/local.mk (which sets TESTS and check_PROGRAMS with "="); everything
# here appends. Paths are from the top of the tree.
#
#  tests/check_threads  8 threads on one shared policy (200,000 decisions
#                       against a single-threaded reference; 1,000,000 in
#                       `make check-long`, tests/long.mk), one ledger per
#                       thread, one ledger behind a mutex, concurrent readers
#                       of one ledger. OI_THREAD_DECISIONS,
#                       OI_THREAD_LEDGER_OPS and OI_THREAD_READER_ROUNDS set
#                       the sizes (tests/valgrind.sh scales them down).
#
# It runs in every `make check` and `make check-long`, and CI runs its long
# sizes again in a ThreadSanitizer build (.ci/harden tsan), where any data
# race is a failure.
#
# It shares the ledger invariants of the fuzz harnesses
# (tests/fuzz/ledger_check.h, distributed by tests/fuzz.mk).

check_PROGRAMS += tests/check_threads
TESTS += tests/check_threads

tests_check_threads_SOURCES = tests/check_threads.c tests/testutil.h
tests_check_threads_CPPFLAGS = $(oi_public_cppflags)
tests_check_threads_CFLAGS = $(CHECK_CFLAGS) $(WARN_CFLAGS) $(PTHREAD_CFLAGS)
tests_check_threads_LDADD = lib/libofficerinst.la $(CHECK_LIBS) $(PTHREAD_LIBS)
