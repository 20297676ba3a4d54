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
	tools/verb_validate.c \
	tools/verb_test.c \
	tools/cases.h \
	tools/cases_read.c \
	tools/cases_run.c

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
