# tools/local.mk: the officerinst program and its manual page, officerinst(1).
# Included from the top-level Makefile.am; paths are from the top of the tree.
#
# The program is a caller of the library like any other: it includes only
# the public headers and links lib/libofficerinst.la. It also links libcsv
# (its CSV input; configure's CSV_LIBS) and jansson (the test-case files of
# `officerinst test` and the report's JSON).

bin_PROGRAMS = tools/officerinst

tools_officerinst_SOURCES = \
	tools/officerinst.c \
	tools/cli.c \
	tools/cli.h \
	tools/csv_rows.c \
	tools/csv_rows.h \
	tools/output.c \
	tools/output.h \
	tools/requests_in.c \
	tools/requests_in.h \
	tools/verb_decide.c \
	tools/verb_withdraw.c \
	tools/verb_report.c \
	tools/verb_sessions.c \
	tools/sessions.h \
	tools/sessions_catalogue.c \
	tools/verb_validate.c \
	tools/verb_test.c \
	tools/cases.h \
	tools/cases_read.c \
	tools/cases_run.c \
	tools/cases_ledger.c

# The last include path is for config.h (PACKAGE_VERSION of --version).
tools_officerinst_CPPFLAGS = $(oi_public_cppflags) -I$(top_builddir)
tools_officerinst_CFLAGS = $(WARN_CFLAGS) $(JANSSON_CFLAGS)
tools_officerinst_LDADD = lib/libofficerinst.la $(CSV_LIBS) $(JANSSON_LIBS)

# Installed into $(mandir)/man1 and distributed.
dist_man1_MANS = tools/officerinst.1

# After `make install` (and in `make distcheck`): the program runs from
# where it was installed, against the installed library, and its manual
# page is where man(1) finds it. `man` itself is optional on a build
# machine; without it the page is only checked to be installed.
installcheck-local: installcheck-officerinst
installcheck-officerinst:
	@set -e; \
	page='$(DESTDIR)$(man1dir)/officerinst.1'; \
	test -f "$$page" || { echo "installcheck: $$page is not installed" >&2; exit 1; }; \
	LD_LIBRARY_PATH='$(DESTDIR)$(libdir)'$${LD_LIBRARY_PATH:+:$$LD_LIBRARY_PATH} \
	  '$(DESTDIR)$(bindir)/officerinst' --version; \
	LD_LIBRARY_PATH='$(DESTDIR)$(libdir)'$${LD_LIBRARY_PATH:+:$$LD_LIBRARY_PATH} \
	  '$(DESTDIR)$(bindir)/officerinst' validate --quiet '$(srcdir)/examples/policy-2018.json'; \
	if command -v man >/dev/null 2>&1; then \
	  MANWIDTH=80 man -M '$(DESTDIR)$(mandir)' officerinst 2>/dev/null | grep -q 'officerinst - decide' || \
	    { echo "installcheck: man -M $(DESTDIR)$(mandir) officerinst shows no page" >&2; exit 1; }; \
	  MANWIDTH=80 man -l "$$page" 2>/dev/null | grep -q 'EXIT STATUS' || \
	    { echo "installcheck: man -l $$page shows no page" >&2; exit 1; }; \
	  echo "installcheck: man officerinst shows the page installed in $(DESTDIR)$(man1dir)"; \
	else \
	  echo "installcheck: $$page is installed (man(1) is not here to show it)"; \
	fi
.PHONY: installcheck-officerinst

# The README's sample: a year's requests as a spreadsheet exports them.
EXTRA_DIST += examples/requests-2017.csv

# ---------------------------------------------------------------------------
# Tests. Each script drives the built program (tools/officerinst, through
# libtool's wrapper) and checks its exit statuses and outputs; they share
# tools/tests/common.sh and write only into a mktemp -d directory, so they
# pass in `make distcheck`'s read-only source tree.
#
#  tools/tests/cli.sh          --help, --version, every verb's --help, usage errors
#  tools/tests/validate.sh     each malformed policy of tools/tests/policies/ at
#                              its FILE:LINE:COLUMN, exit statuses
#  tools/tests/csv.sh          CSV quoting, line ends, UTF-8, every kind of bad
#                              row and header, a requests document
#  tools/tests/ledger.sh       allocate, withdraw, report on a ledger file
#  tools/tests/sessions.sh     the catalogue and an officer's open sessions
#  tools/tests/formats.sh      text (colour only on a terminal), json, csv
#  tools/tests/test-cases.sh   `officerinst test` on the shared vectors, altered
#                              copies, QA teams' files (versions 1 and 2)
#  tools/tests/equivalence.sh  10,000 rows: the program and
#                              oi_ledger_submit_many() decide alike
#  tools/tests/large.sh        100,000 rows in one run
#
# tools/tests/gen-requests writes the generated CSV files and runs the
# library directly for the comparison.

oi_tool_tests = \
	tools/tests/cli.sh \
	tools/tests/validate.sh \
	tools/tests/csv.sh \
	tools/tests/ledger.sh \
	tools/tests/sessions.sh \
	tools/tests/formats.sh \
	tools/tests/test-cases.sh \
	tools/tests/equivalence.sh \
	tools/tests/large.sh
TESTS += $(oi_tool_tests)
check_PROGRAMS += tools/tests/gen-requests

tools_tests_gen_requests_SOURCES = tools/tests/gen_requests.c
tools_tests_gen_requests_CPPFLAGS = $(oi_public_cppflags)
tools_tests_gen_requests_CFLAGS = $(WARN_CFLAGS) $(JANSSON_CFLAGS)
tools_tests_gen_requests_LDADD = lib/libofficerinst.la $(JANSSON_LIBS)

EXTRA_DIST += \
	$(oi_tool_tests) \
	tools/tests/common.sh \
	tools/tests/cases/policy-2018.json \
	tools/tests/cases/small-sessions-2019.json \
	tools/tests/policies/good.json \
	tools/tests/policies/bad-date-no-such-day.json \
	tools/tests/policies/bad-duplicate-session.json \
	tools/tests/policies/bad-empty.json \
	tools/tests/policies/bad-format.json \
	tools/tests/policies/bad-last-day-before-first.json \
	tools/tests/policies/bad-missing-numbers-field.json \
	tools/tests/policies/bad-negative-seats.json \
	tools/tests/policies/bad-not-an-object.json \
	tools/tests/policies/bad-syntax-trailing-comma.json \
	tools/tests/policies/bad-type-year-string.json \
	tools/tests/policies/bad-unclosed.json \
	tools/tests/policies/bad-unknown-country.json \
	tools/tests/policies/bad-unknown-course.json \
	tools/tests/policies/bad-unknown-field.json

# The format of the test cases of `officerinst test`.
EXTRA_DIST += doc/test-format.md

# `make bench` runs it (tests/bench.mk).
EXTRA_DIST += tools/tests/bench.sh
