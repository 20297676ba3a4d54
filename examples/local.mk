# examples/local.mk: example programs. Built by `make` so they never rot, but
# not installed. examples/decide is also the README's first smoke test, and
# `make installcheck` builds it again against the installed library with
# pkg-config (tests/abi.mk).

noinst_PROGRAMS += examples/decide
examples_decide_SOURCES = examples/decide.c
examples_decide_CPPFLAGS = $(oi_public_cppflags)
examples_decide_CFLAGS = $(WARN_CFLAGS)
examples_decide_LDADD = lib/libofficerinst.la

# examples/allocate: the README's main job, a year's subsidy allocation with
# a ledger, on the built-in 2017 policy or a policy document.
noinst_PROGRAMS += examples/allocate
examples_allocate_SOURCES = examples/allocate.c
examples_allocate_CPPFLAGS = $(oi_public_cppflags)
examples_allocate_CFLAGS = $(WARN_CFLAGS)
examples_allocate_LDADD = lib/libofficerinst.la

# Both examples check themselves: decide exits 1 when a decision differs from
# what the policy says, and allocate-test.sh runs allocate on the built-in
# 2017 policy and on the shipped 2018 document.
TESTS += examples/decide examples/allocate-test.sh
EXTRA_DIST += examples/allocate-test.sh examples/policy-2018.json
