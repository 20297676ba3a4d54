# tests/local.mk: the Check unit tests of the stateless half of the library.
# Included from the top-level Makefile.am; paths are from the top of the tree.
#
#  tests/check_dates   dates and moments (date.h)
#  tests/check_policy  the built-in 2017 policy, the builder, U3 (policy.h)
#  tests/check_rules   one Check TCase per clause of doc/policy.md (rules.h)
#  tests/check_errors  every bad input: a status, a message, nothing changed
#  tests/check_vocab   names and parsers of every value, money, the structure
#                      of errors and suggestions (vocab.h, error.h)
#
# Each program exits non-zero when a test fails. TESTS and check_PROGRAMS are
# set here with "="; tests/abi.mk, included after this fragment, appends.

check_PROGRAMS = \
	tests/check_dates \
	tests/check_policy \
	tests/check_rules \
	tests/check_errors \
	tests/check_vocab
# Named one by one: $(check_PROGRAMS) would also take in, when expanded, the
# programs other fragments add to both lists, and count them twice.
TESTS = \
	tests/check_dates \
	tests/check_policy \
	tests/check_rules \
	tests/check_errors \
	tests/check_vocab

# Shared by the programs. Per-program variables, not AM_CPPFLAGS or
# LDADD, so nothing here leaks into the library's or the examples' flags.
# oi_public_cppflags (Makefile.am) is -I$(top_srcdir)/include
# -I$(top_builddir)/include.
oi_check_cppflags = $(oi_public_cppflags)
oi_check_cflags = $(CHECK_CFLAGS) $(WARN_CFLAGS)
oi_check_ldadd = lib/libofficerinst.la $(CHECK_LIBS)

tests_check_dates_SOURCES = tests/check_dates.c tests/testutil.h
tests_check_dates_CPPFLAGS = $(oi_check_cppflags)
tests_check_dates_CFLAGS = $(oi_check_cflags)
tests_check_dates_LDADD = $(oi_check_ldadd)

tests_check_policy_SOURCES = tests/check_policy.c tests/testutil.h
tests_check_policy_CPPFLAGS = $(oi_check_cppflags)
tests_check_policy_CFLAGS = $(oi_check_cflags)
tests_check_policy_LDADD = $(oi_check_ldadd)

tests_check_rules_SOURCES = tests/check_rules.c tests/testutil.h
tests_check_rules_CPPFLAGS = $(oi_check_cppflags)
tests_check_rules_CFLAGS = $(oi_check_cflags)
tests_check_rules_LDADD = $(oi_check_ldadd)

tests_check_errors_SOURCES = tests/check_errors.c tests/testutil.h
tests_check_errors_CPPFLAGS = $(oi_check_cppflags)
tests_check_errors_CFLAGS = $(oi_check_cflags)
tests_check_errors_LDADD = $(oi_check_ldadd)

tests_check_vocab_SOURCES = tests/check_vocab.c tests/testutil.h
tests_check_vocab_CPPFLAGS = $(oi_check_cppflags)
tests_check_vocab_CFLAGS = $(oi_check_cflags)
tests_check_vocab_LDADD = $(oi_check_ldadd)

# tests/check_cost_vocab: the names of the cost split (cost_vocab.h).
check_PROGRAMS += tests/check_cost_vocab
TESTS += tests/check_cost_vocab
tests_check_cost_vocab_SOURCES = tests/check_cost_vocab.c tests/testutil.h
tests_check_cost_vocab_CPPFLAGS = $(oi_check_cppflags)
tests_check_cost_vocab_CFLAGS = $(oi_check_cflags)
tests_check_cost_vocab_LDADD = $(oi_check_ldadd)

# tests/check_abi: structures that can grow (doc/abi.md): the version-1
# layouts of lib/abi_v1.h (private; hence -I lib) stay valid, versions and element sizes are
# checked, arrays are walked by the caller's element size.
check_PROGRAMS += tests/check_abi
TESTS += tests/check_abi
tests_check_abi_SOURCES = tests/check_abi.c tests/testutil.h
tests_check_abi_CPPFLAGS = $(oi_check_cppflags) -I$(top_srcdir)/lib
tests_check_abi_CFLAGS = $(oi_check_cflags)
tests_check_abi_LDADD = $(oi_check_ldadd)
