# tests/doc.mk: the examples of the documentation, run by `make check`.
# Included from the top-level Makefile.am after tests/local.mk (which sets
# TESTS with "="); everything here appends. Paths are from the top of the
# tree.
#
#  tests/doc-c.sh       every C example of README, bindings/python/README and
#                       doc/*.md: programs compiled, linked against the
#                       library of the build tree and run, fragments compiled
#                       and linked inside a function;
#  tests/doc-python.sh  every Python example, run against the package of
#                       bindings/python/stage; skipped (77) when the bindings
#                       are not configured.
#
# Both run tests/doc-examples.sh, which says what counts as an example, how
# a fragment is wrapped and the markers that skip an example or check its
# output. They read the documents from the source tree and write only under
# $TMPDIR, so they work in `make distcheck`'s VPATH build.

oi_doc_tests = tests/doc-c.sh tests/doc-python.sh
TESTS += $(oi_doc_tests)
EXTRA_DIST += $(oi_doc_tests) tests/doc-examples.sh

if WITH_PYTHON
oi_doc_python = $(PYTHON)
else
oi_doc_python =
endif

# CC comes from Makefile.am's part of AM_TESTS_ENVIRONMENT.
AM_TESTS_ENVIRONMENT += \
	OI_DOC_CFLAGS='$(CFLAGS)'; export OI_DOC_CFLAGS; \
	OI_DOC_LDFLAGS='$(LDFLAGS)'; export OI_DOC_LDFLAGS; \
	OI_DOC_PYTHON='$(oi_doc_python)'; export OI_DOC_PYTHON;
