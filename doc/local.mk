# doc/local.mk: the HTML reference of the public API, `make doc`.
#
# Only `make doc` needs doxygen: the normal build, `make check` and
# `make distcheck` never run it. configure writes doc/Doxyfile from
# doc/Doxyfile.in (distributed automatically as a configure input).
#
# Documentation shipped in the tarball, by name (a missing file breaks
# `make dist`, which is how a renamed page gets noticed).
EXTRA_DIST += doc/policy.md doc/ledger.md doc/traceability.md doc/vocabulary.md doc/abi.md \
	doc/requests-format.md

if HAVE_DOXYGEN
doc: doc/html/index.html

# Rebuilt when a public header or the configuration changes. In a VPATH
# build the generated version.h is not under the source tree's include/, so
# it is added to doxygen's INPUT on its standard input.
doc/html/index.html: doc/Doxyfile $(oi_public_headers)
	$(AM_V_GEN)rm -rf doc/html && \
	{ cat doc/Doxyfile; \
	  if test ! -f '$(srcdir)/include/officerinst/version.h'; then \
	    echo 'INPUT += "$(abs_top_builddir)/include/officerinst/version.h"'; \
	  fi; } | $(DOXYGEN) - && \
	test -f $@ && echo "API reference: doc/html/index.html"
else
doc:
	@echo "make doc: doxygen was not found when configure ran;" >&2; \
	echo "install it (apt-get install doxygen) and run ./configure again." >&2; \
	exit 1
endif

clean-local: clean-doc
clean-doc:
	-rm -rf doc/html

.PHONY: doc clean-doc
