# tests/valgrind.mk: `make check-valgrind`, the compiled tests under
# valgrind's memcheck. Included from the top-level Makefile.am after the
# fragments that fill TESTS and check_PROGRAMS. Paths are from the top of the
# tree.
#
# It runs `make check` with TESTS narrowed to the tests that are programs of
# check_PROGRAMS or noinst_PROGRAMS (the Check suites, the fuzz replays, the
# examples; not the shell scripts nor the Python tests, where valgrind would
# only watch a shell or the interpreter), and
# with tests/valgrind.sh as LOG_COMPILER. That wrapper runs each program
# through `libtool --mode=execute valgrind`, with CK_FORK=no so that Check
# runs the tests in the process valgrind watches, and makes any memcheck
# error, and any definitely or indirectly lost block, fail the test
# (--error-exitcode, --errors-for-leak-kinds=definite,indirect). It scales the
# long tests down: OI_RANDOM_OPS, OI_CRASH_ITERATIONS, OI_THREAD_* (set them
# to override). The summary goes to test-suite-valgrind.log, so that it does
# not replace the one of a plain `make check`.
#
#   make check-valgrind
#   make check-valgrind VALGRIND_TESTS='tests/check_ledger tests/check_rules'

EXTRA_DIST += tests/valgrind.sh tests/valgrind.supp

check-valgrind:
	@tests='$(VALGRIND_TESTS)'; \
	if test -z "$$tests"; then \
	  for t in $(TESTS); do \
	    case ' $(check_PROGRAMS) $(noinst_PROGRAMS) ' in \
	      *" $$t "*) tests="$$tests $$t" ;; \
	    esac; \
	  done; \
	fi; \
	$(MAKE) $(AM_MAKEFLAGS) check TESTS="$$tests" \
	  LOG_COMPILER='$(SHELL) $(srcdir)/tests/valgrind.sh' \
	  TEST_SUITE_LOG=test-suite-valgrind.log

.PHONY: check-valgrind

CLEANFILES += test-suite-valgrind.log
