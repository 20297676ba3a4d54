# tests/long.mk: `make check-long`, the long runs. Included from the top-level
# Makefile.am after every fragment that fills TESTS; paths are from the top
# of the tree.
#
# `make check` must take seconds and must not depend on the machine being
# quiet, so the tests whose worth grows with their length run short there:
#
#  tests/check_ledger_random   100,000 random steps against the model
#                              (long: 1,000,000)
#  tests/check_crash           40 kills of a saver (long: 1000)
#  tests/check_threads         200,000 decisions and 1000-step ledger
#                              scripts on 8 threads (long: 1,000,000 and 3000)
#  bindings/python/tests/run.sh
#                              the Python suite; test_memory.py's growth
#                              tests run 5,000 cycles each (long: 100,000)
#
# `make check-long` runs the same programs through the same harness with
# OI_TEST_LONG=1 in their environment, which makes each one take its long
# sizes (each test's own variables, OI_RANDOM_OPS, OI_CRASH_ITERATIONS,
# OI_THREAD_*, OI_MEMORY_CYCLES, OI_SEED, still override both). Its summary
# is test-suite-long.log, beside the test-suite.log of `make check`; the
# per-test logs are the same files (tests/check_crash.log ...), so the two
# targets are run one after the other, not at once. CI (.ci/run) runs it
# after `make check`.
#
#   make check-long
#   make check-long LONG_TESTS=tests/check_crash
#   OI_TEST_LONG=1 ./tests/check_threads            one program, by hand

oi_long_tests = \
	tests/check_ledger_random \
	tests/check_crash \
	tests/check_threads
if WITH_PYTHON
oi_long_tests += bindings/python/tests/run.sh
endif WITH_PYTHON

LONG_TESTS = $(oi_long_tests)

# Empty unless set on make's command line or in the environment.
AM_TESTS_ENVIRONMENT += \
	OI_TEST_LONG='$(OI_TEST_LONG)'; export OI_TEST_LONG;

check-long:
	@$(MAKE) $(AM_MAKEFLAGS) check TESTS='$(LONG_TESTS)' OI_TEST_LONG=1 \
	  TEST_SUITE_LOG=test-suite-long.log

.PHONY: check-long

CLEANFILES += test-suite-long.log
