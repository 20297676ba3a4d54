# tests/fuzz.mk: the fuzz harnesses of tests/fuzz/ (README.md there), two
# ways. Included from the top-level Makefile.am after tests/local.mk (which
# sets TESTS and check_PROGRAMS with "="); everything here appends. Paths are
# from the top of the tree.
#
# 1. In every `make check`, with the configured compiler and no libFuzzer:
#    tests/fuzz/replay_NAME is harness NAME linked with tests/fuzz/replay.c,
#    which runs it once on every file of tests/fuzz/regressions/NAME/ (each
#    input that ever broke a guarantee) and tests/fuzz/corpus/NAME/ (the
#    seeds). So a crash found once stays a test, under gcc, ASan, valgrind.
#
# 2. `make fuzz` (needs configure to have found FUZZ_CC, a clang that links
#    -fsanitize=fuzzer: Debian's clang with libclang-rt-NN-dev): compiles the
#    library's sources and each harness with
#    -fsanitize=fuzzer,address,undefined, straight from the sources and apart
#    from the normal objects (tests/fuzz/obj/), and runs each harness for
#    FUZZ_SECONDS seconds (default 60) on a copy of its seeds
#    (tests/fuzz/work/NAME). A crash stops it with the input saved in
#    tests/fuzz/artifacts/NAME/; copy that file into
#    tests/fuzz/regressions/NAME/ and it becomes a test of `make check`.
#    The numbers of each run (executions, exec/s, coverage) are printed and
#    kept in tests/fuzz/stats.txt.
#
#    make fuzz FUZZ_SECONDS=600               longer
#    make fuzz FUZZ_HARNESSES=ledger          one harness
#    make fuzz FUZZ_ARGS='-jobs=2 -workers=2' more libFuzzer flags

oi_fuzz_harnesses = policy snapshot ledger requests

oi_fuzz_common = \
	tests/fuzz/fuzz.h \
	tests/fuzz/ledger_check.h

# --- 1. Replays in `make check` ---------------------------------------------

check_PROGRAMS += \
	tests/fuzz/replay_policy \
	tests/fuzz/replay_snapshot \
	tests/fuzz/replay_ledger \
	tests/fuzz/replay_requests
TESTS += \
	tests/fuzz/replay_policy \
	tests/fuzz/replay_snapshot \
	tests/fuzz/replay_ledger \
	tests/fuzz/replay_requests

oi_fuzz_replay_cflags = $(WARN_CFLAGS)
oi_fuzz_replay_ldadd = lib/libofficerinst.la

tests_fuzz_replay_policy_SOURCES = tests/fuzz/fuzz_policy.c tests/fuzz/replay.c $(oi_fuzz_common)
tests_fuzz_replay_policy_CPPFLAGS = $(oi_public_cppflags) -DOI_FUZZ_NAME='"policy"'
tests_fuzz_replay_policy_CFLAGS = $(oi_fuzz_replay_cflags)
tests_fuzz_replay_policy_LDADD = $(oi_fuzz_replay_ldadd)

tests_fuzz_replay_snapshot_SOURCES = tests/fuzz/fuzz_snapshot.c tests/fuzz/replay.c $(oi_fuzz_common)
tests_fuzz_replay_snapshot_CPPFLAGS = $(oi_public_cppflags) -DOI_FUZZ_NAME='"snapshot"'
tests_fuzz_replay_snapshot_CFLAGS = $(oi_fuzz_replay_cflags)
tests_fuzz_replay_snapshot_LDADD = $(oi_fuzz_replay_ldadd)

tests_fuzz_replay_ledger_SOURCES = tests/fuzz/fuzz_ledger.c tests/fuzz/replay.c $(oi_fuzz_common)
tests_fuzz_replay_ledger_CPPFLAGS = $(oi_public_cppflags) -DOI_FUZZ_NAME='"ledger"'
tests_fuzz_replay_ledger_CFLAGS = $(oi_fuzz_replay_cflags)
tests_fuzz_replay_ledger_LDADD = $(oi_fuzz_replay_ldadd)

tests_fuzz_replay_requests_SOURCES = tests/fuzz/fuzz_requests.c tests/fuzz/replay.c $(oi_fuzz_common)
tests_fuzz_replay_requests_CPPFLAGS = $(oi_public_cppflags) -DOI_FUZZ_NAME='"requests"'
tests_fuzz_replay_requests_CFLAGS = $(oi_fuzz_replay_cflags)
tests_fuzz_replay_requests_LDADD = $(oi_fuzz_replay_ldadd)

# The seeds and the regressions are whole directories. doc/guarantees.md,
# which says what the fuzzers, sanitizers and thread tests prove, ships too.
EXTRA_DIST += \
	tests/fuzz/README.md \
	tests/fuzz/json.dict \
	tests/fuzz/corpus \
	tests/fuzz/regressions \
	doc/guarantees.md

# --- 2. make fuzz -----------------------------------------------------------

# FUZZ_SECONDS, FUZZ_HARNESSES and FUZZ_ARGS are not set here, so that they
# may come from the environment as well as from make's command line; the
# recipe supplies the defaults.

# Both the library and the harnesses: sanitizers, coverage for libFuzzer.
oi_fuzz_cflags = -g -O1 -fno-omit-frame-pointer \
	-fsanitize=address,undefined -fno-sanitize-recover=all
oi_fuzz_cppflags = $(DEFS) -DOI_BUILDING_LIBRARY \
	$(oi_public_cppflags) -I$(top_builddir) $(JANSSON_CFLAGS)

if HAVE_LIBFUZZER

# The library's C sources, as lib/local.mk lists them, compiled once into an
# archive. One rule, because make's pattern rules are not portable; it is
# redone when any source or the configuration changes.
tests/fuzz/libofficerinst-fuzz.a: $(lib_libofficerinst_la_SOURCES) config.h \
		include/officerinst/version.h
	@$(MKDIR_P) tests/fuzz/obj
	$(AM_V_GEN)set -e; objs=; \
	for f in $(lib_libofficerinst_la_SOURCES); do \
	  case $$f in *.c) ;; *) continue ;; esac; \
	  if test -f "$$f"; then src=$$f; else src='$(srcdir)'/$$f; fi; \
	  obj=tests/fuzz/obj/`basename $$f .c`.o; \
	  $(FUZZ_CC) $(oi_fuzz_cflags) -fsanitize=fuzzer-no-link $(oi_fuzz_cppflags) \
	    -c -o $$obj $$src; \
	  objs="$$objs $$obj"; \
	done; \
	rm -f $@; $(AR) cr $@ $$objs; $(RANLIB) $@

oi_fuzz_programs = \
	tests/fuzz/fuzz_policy \
	tests/fuzz/fuzz_snapshot \
	tests/fuzz/fuzz_ledger \
	tests/fuzz/fuzz_requests

oi_fuzz_link = $(FUZZ_CC) $(oi_fuzz_cflags) -fsanitize=fuzzer $(oi_fuzz_cppflags)

tests/fuzz/fuzz_policy: tests/fuzz/fuzz_policy.c $(oi_fuzz_common) tests/fuzz/libofficerinst-fuzz.a
	$(AM_V_CCLD)$(oi_fuzz_link) -o $@ $(srcdir)/tests/fuzz/fuzz_policy.c \
	  tests/fuzz/libofficerinst-fuzz.a $(JANSSON_LIBS)
tests/fuzz/fuzz_snapshot: tests/fuzz/fuzz_snapshot.c $(oi_fuzz_common) tests/fuzz/libofficerinst-fuzz.a
	$(AM_V_CCLD)$(oi_fuzz_link) -o $@ $(srcdir)/tests/fuzz/fuzz_snapshot.c \
	  tests/fuzz/libofficerinst-fuzz.a $(JANSSON_LIBS)
tests/fuzz/fuzz_ledger: tests/fuzz/fuzz_ledger.c $(oi_fuzz_common) tests/fuzz/libofficerinst-fuzz.a
	$(AM_V_CCLD)$(oi_fuzz_link) -o $@ $(srcdir)/tests/fuzz/fuzz_ledger.c \
	  tests/fuzz/libofficerinst-fuzz.a $(JANSSON_LIBS)
tests/fuzz/fuzz_requests: tests/fuzz/fuzz_requests.c $(oi_fuzz_common) tests/fuzz/libofficerinst-fuzz.a
	$(AM_V_CCLD)$(oi_fuzz_link) -o $@ $(srcdir)/tests/fuzz/fuzz_requests.c \
	  tests/fuzz/libofficerinst-fuzz.a $(JANSSON_LIBS)

fuzz-build: $(oi_fuzz_programs)

# Each harness in turn, on a fresh copy of its seeds and regressions (libFuzzer
# adds what it finds to the first corpus directory; the source tree is never
# written). Options: no input longer than the documents need; a slow input
# (10 s) or 2 GB of memory is a failure too; JSON tokens for the two document
# harnesses.
fuzz: fuzz-build
	@set -e; failed=; rm -f tests/fuzz/stats.txt; \
	secs='$(FUZZ_SECONDS)'; test -n "$$secs" || secs=60; \
	harnesses='$(FUZZ_HARNESSES)'; test -n "$$harnesses" || harnesses='$(oi_fuzz_harnesses)'; \
	for h in $$harnesses; do \
	  case $$h in \
	    policy) opts='-max_len=8192 -dict=$(srcdir)/tests/fuzz/json.dict' ;; \
	    snapshot) opts='-max_len=16384 -dict=$(srcdir)/tests/fuzz/json.dict' ;; \
	    requests) opts='-max_len=20000 -dict=$(srcdir)/tests/fuzz/json.dict' ;; \
	    *) opts='-max_len=1024' ;; \
	  esac; \
	  work=tests/fuzz/work/$$h; art=tests/fuzz/artifacts/$$h; log=tests/fuzz/fuzz_$$h.log; \
	  rm -rf $$work; $(MKDIR_P) $$work $$art; \
	  for d in corpus regressions; do \
	    for f in $(srcdir)/tests/fuzz/$$d/$$h/*; do \
	      if test -f "$$f"; then cp "$$f" $$work/; fi; \
	    done; \
	  done; \
	  echo "fuzz: $$h for $$secs s (log: $$log)"; \
	  if ASAN_OPTIONS="$${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}" \
	     UBSAN_OPTIONS="$${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}" \
	     ./tests/fuzz/fuzz_$$h $$work -max_total_time=$$secs \
	       -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
	       -artifact_prefix=$$art/ $$opts $(FUZZ_ARGS) > $$log 2>&1; then \
	    status=ok; \
	  else \
	    status=FAILED; failed="$$failed $$h"; tail -n 60 $$log; \
	  fi; \
	  runs=`sed -n 's/^stat::number_of_executed_units: *//p' $$log | tail -n 1`; \
	  rate=`sed -n 's/^stat::average_exec_per_sec: *//p' $$log | tail -n 1`; \
	  cov=`sed -n 's/.* cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\).*/cov \1, ft \2, corpus \3/p' $$log | tail -n 1`; \
	  line="fuzz_$$h: $$status, $${runs:-?} executions in $$secs s, $${rate:-?} exec/s, $${cov:-no coverage line}"; \
	  echo "$$line"; echo "$$line" >> tests/fuzz/stats.txt; \
	done; \
	if test -n "$$failed"; then \
	  echo "fuzz: FAILED:$$failed. The inputs are in tests/fuzz/artifacts/<harness>/;" \
	       "copy each into tests/fuzz/regressions/<harness>/ (make check replays them)" \
	       "and fix the bug." >&2; \
	  exit 1; \
	fi

else !HAVE_LIBFUZZER

fuzz-build fuzz:
	@echo "make $@: configure found no C compiler that links -fsanitize=fuzzer" \
	  "(FUZZ_CC; on Debian: apt-get install clang libclang-rt-14-dev, then" \
	  "run configure again)." >&2; \
	exit 1

endif !HAVE_LIBFUZZER

.PHONY: fuzz fuzz-build

clean-local: clean-fuzz
clean-fuzz:
	-rm -rf tests/fuzz/obj tests/fuzz/work tests/fuzz/artifacts tests/fuzz/stats.txt \
	  tests/fuzz/libofficerinst-fuzz.a tests/fuzz/fuzz_policy tests/fuzz/fuzz_snapshot \
	  tests/fuzz/fuzz_ledger tests/fuzz/fuzz_requests tests/fuzz/fuzz_*.log
.PHONY: clean-fuzz
