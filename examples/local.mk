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

# examples/decide-requests: a requests document decided with a ledger, all
# its values read by the library (examples/requests-2017.json); also built
# with pkg-config by `make installcheck`.
noinst_PROGRAMS += examples/decide-requests
examples_decide_requests_SOURCES = examples/decide-requests.c
examples_decide_requests_CPPFLAGS = $(oi_public_cppflags)
examples_decide_requests_CFLAGS = $(WARN_CFLAGS)
examples_decide_requests_LDADD = lib/libofficerinst.la

# The examples check themselves: decide exits 1 when a decision differs from
# what the policy says, and allocate-test.sh runs allocate on the built-in
# 2017 policy and on the shipped 2018 document, decide-requests-test.sh runs
# decide-requests on the shipped requests and on a document with errors.
TESTS += examples/decide examples/allocate-test.sh examples/decide-requests-test.sh
EXTRA_DIST += examples/allocate-test.sh examples/policy-2018.json \
	examples/decide-requests-test.sh examples/requests-2017.json \
	tests/json/requests-2017-errors.json
