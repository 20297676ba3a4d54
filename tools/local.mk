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
