# tests/bench.mk: `make bench`, the benchmark of the speed and memory the
# library must reach (doc/benchmarks.md). Included from the top-level
# Makefile.am, last; paths are from the top of the tree.
#
#  tests/bench     the C benchmark: stateless decisions, the ledger one by one
#                  and in a batch, withdrawals, JSON documents, memory, inputs
#                  crafted to be slow. One table, each figure the median of
#                  several runs.
#  tests/bench-callgrind.sh
#                  the instructions one call costs, counted by callgrind
#                  (`tests/bench -C` under --toggle-collect): figures no load
#                  changes. Also `make bench-callgrind` alone; skipped with a
#                  message when valgrind is not installed.
#  tests/bench.py  the Python bindings' side, beside the C batch: building
#                  and deciding a batch from plain dicts, a requests document
#                  and values against the library's batch on the same
#                  requests; batches from threads; one call; one element
#                  read. Run only when the bindings are built (WITH_PYTHON);
#                  skipped with a message otherwise.
#
# The benchmark is an EXTRA_PROGRAMS program: `make`, `make check` and
# `make distcheck` never build or run it; only `make bench` does. Its sources
# are distributed (EXTRA_DIST), so the tarball can run it too.
#
# EXTRA_PROGRAMS is set here with "=" because no other fragment uses it; a
# fragment that needs it too must move the "=" to Makefile.am's list of
# shared variables and have both append with "+=".
#
# Options reach the program through BENCHFLAGS, e.g.
#   make bench BENCHFLAGS='-r 9'     nine runs a figure instead of five
#   make bench BENCHFLAGS='-q'       ledgers up to 1e5 requests only
#   make bench BENCHFLAGS='-s batch' one section (check, submit, batch, json, memory,
#                                    hostile)
# to tests/bench-callgrind.sh through BENCHCGFLAGS (-q: the ledger at 1e4),
# to tests/bench.py through BENCHPYFLAGS (-r, -n, -t), and to the officerinst
# program's benchmark, tools/tests/bench.sh, through BENCHTOOLFLAGS (-r, -n).

EXTRA_PROGRAMS = tests/bench
EXTRA_DIST += tests/bench.py tests/bench-callgrind.sh doc/benchmarks.md

tests_bench_SOURCES = tests/bench.c tests/crafted_ids.h
tests_bench_CPPFLAGS = $(oi_public_cppflags)
tests_bench_CFLAGS = $(WARN_CFLAGS)
tests_bench_LDADD = lib/libofficerinst.la
# `make clean` forgets it like every other program it built.
CLEANFILES += tests/bench$(EXEEXT)

BENCHFLAGS =
BENCHCGFLAGS =
BENCHPYFLAGS =
# The officerinst program on a CSV file of 1e5 rows (tools/tests/bench.sh:
# -r RUNS, -n ROWS), with the generator of tools/local.mk.
BENCHTOOLFLAGS =
oi_bench_tool_deps = tools/officerinst$(EXEEXT) tools/tests/gen-requests$(EXEEXT)

# The Python half runs in a build configured with the bindings (the
# WITH_PYTHON conditional of bindings/python/python.m4), against the package
# bindings/python/local.mk stages in bindings/python/stage and the library of
# the build tree, as bindings/python/tests/run.sh does; tests/bench.py itself
# says "skipped" and exits 0 if the package cannot be imported. Otherwise
# `make bench` says why it did not run.
if WITH_PYTHON
oi_bench_python = yes
oi_bench_python_deps = bindings/python/stage.stamp
else
oi_bench_python = no
oi_bench_python_deps =
endif

# The table names the compiler and flags the library and the program were
# built with; the run goes through libtool's wrapper, against the library of
# the build tree.
bench: tests/bench$(EXEEXT) $(oi_bench_python_deps) $(oi_bench_tool_deps)
	@echo "make bench: tests/bench" $(BENCHFLAGS) "(load average: `cut -d' ' -f1-3 /proc/loadavg 2>/dev/null`)"
	@OI_BENCH_CC='$(CC)' OI_BENCH_CFLAGS='$(CFLAGS)' \
	  $(LIBTOOL) --mode=execute ./tests/bench$(EXEEXT) $(BENCHFLAGS)
	@echo "make bench: tests/bench-callgrind.sh" $(BENCHCGFLAGS)
	@top_builddir=. $(SHELL) '$(srcdir)/tests/bench-callgrind.sh' $(BENCHCGFLAGS)
	@echo "make bench: tools/tests/bench.sh" $(BENCHTOOLFLAGS)
	@top_builddir=. $(SHELL) '$(srcdir)/tools/tests/bench.sh' $(BENCHTOOLFLAGS)
	@if test '$(oi_bench_python)' = yes; then \
	  echo "make bench: tests/bench.py" $(BENCHPYFLAGS); \
	  PYTHONPATH=bindings/python/stage; export PYTHONPATH; \
	  PYTHONDONTWRITEBYTECODE=1; export PYTHONDONTWRITEBYTECODE; \
	  $(LIBTOOL) --mode=execute -dlopen lib/libofficerinst.la \
	    '$(PYTHON)' '$(srcdir)/tests/bench.py' $(BENCHPYFLAGS); \
	else \
	  echo "make bench: tests/bench.py skipped: configured without the Python bindings (./configure --enable-python)"; \
	fi

# The instruction counts alone (a minute or two under valgrind).
bench-callgrind: tests/bench$(EXEEXT)
	@top_builddir=. $(SHELL) '$(srcdir)/tests/bench-callgrind.sh' $(BENCHCGFLAGS)

.PHONY: bench bench-callgrind
