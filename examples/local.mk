# examples/local.mk: example programs. Built by `make` so they never rot, but
# not installed. examples/decide is also the README's first smoke test, and
# `make installcheck` builds it again against the installed library with
# pkg-config (tests/abi.mk).

noinst_PROGRAMS += examples/decide
examples_decide_SOURCES = examples/decide.c
examples_decide_CPPFLAGS = $(oi_public_cppflags)
examples_decide_CFLAGS = $(WARN_CFLAGS)
examples_decide_LDADD = lib/libofficerinst.la
