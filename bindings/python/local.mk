# bindings/python/local.mk: the Python bindings (SWIG), built when configure's
# OI_PYTHON_BINDINGS (bindings/python/python.m4) found what they need.
# Included from the top-level Makefile.am; paths are from the top of the tree.
#
# Layers (see officerinst.i):
#   officerinst/_officerinst$(PYTHON_EXT_SUFFIX)  the extension, from the
#                                 SWIG wrapper bindings/python/officerinst_wrap.c
#                                 and the converters (oi_python_converters)
#   officerinst/_officerinst_c.py SWIG's proxy module of the extension
#   officerinst/*.py              the package users import (hand-written)
#
# Installed together into $(pyexecdir)/officerinst, as xapian does: a package
# may not be split between pythondir and pyexecdir (they differ on lib64
# systems), and it holds an extension. AM_PATH_PYTHON defines pyexecdir from
# $(exec_prefix) (as libdir is), so `./configure --prefix=DIR`, `make install
# prefix=DIR` and `make install DESTDIR=DIR` all put the package beside the
# library; the extension finds the library relative to itself
# (OI_PYTHON_RPATH, bindings/python/python.m4).
#
# In the build tree, `make` assembles the same package in
# bindings/python/stage/officerinst (sources from srcdir, generated files
# from builddir, the extension from libtool's objdir), so the tests and
# examples import exactly what will be installed, with
# PYTHONPATH=bindings/python/stage. bindings/python/tests/run.sh does that.

# The converters: the hand-written C the typemaps call (convert.h, the
# interface officerinst.i includes; convert_private.h lists the parts).
oi_python_converters = \
	bindings/python/convert.c \
	bindings/python/convert.h \
	bindings/python/convert_private.h \
	bindings/python/py_errors.c \
	bindings/python/py_handles.c \
	bindings/python/py_dates.c \
	bindings/python/py_to_c_values.c \
	bindings/python/py_to_c_structs.c \
	bindings/python/c_to_py.c \
	bindings/python/py_batch.c

# The hand-written package, the tests and the build's own files. Listed in
# EXTRA_DIST in every configuration, so that `make dist` without SWIG still
# ships them.
oi_python_package = \
	bindings/python/officerinst/__init__.py \
	bindings/python/officerinst/_enums.py \
	bindings/python/officerinst/_errors.py \
	bindings/python/officerinst/_values.py \
	bindings/python/officerinst/_decisions.py \
	bindings/python/officerinst/_policy.py \
	bindings/python/officerinst/_rules.py \
	bindings/python/officerinst/_ledger.py \
	bindings/python/officerinst/_batch.py
oi_python_data = bindings/python/officerinst/py.typed
oi_python_tests = \
	bindings/python/tests/run.sh \
	bindings/python/tests/support.py \
	bindings/python/tests/test_enums.py \
	bindings/python/tests/test_errors.py \
	bindings/python/tests/test_values.py \
	bindings/python/tests/test_policy.py \
	bindings/python/tests/test_rules.py \
	bindings/python/tests/test_ledger.py \
	bindings/python/tests/test_lifetimes.py \
	bindings/python/tests/test_decisions.py \
	bindings/python/tests/test_json.py \
	bindings/python/tests/test_memory.py \
	bindings/python/tests/test_vectors.py \
	bindings/python/tests/test_readings.py \
	bindings/python/tests/test_example.py \
	bindings/python/tests/test_threads.py \
	bindings/python/tests/test_documents.py
EXTRA_DIST += \
	bindings/python/README \
	bindings/python/python.m4 \
	bindings/python/officerinst.i \
	$(oi_python_converters) \
	$(oi_python_package) \
	$(oi_python_data) \
	$(oi_python_tests) \
	examples/allocate.py

if WITH_PYTHON

officerinstpyexecdir = $(pyexecdir)/officerinst

# --- The converters: hand-written C, under every warning of the project ------

noinst_LTLIBRARIES = bindings/python/libconvert.la
bindings_python_libconvert_la_SOURCES = $(oi_python_converters)
bindings_python_libconvert_la_CPPFLAGS = \
	$(oi_public_cppflags) \
	$(PYTHON_CPPFLAGS)
bindings_python_libconvert_la_CFLAGS = \
	-shared \
	$(WARN_CFLAGS) \
	$(VISIBILITY_CFLAGS)

# --- The extension ----------------------------------------------------------

# -module -avoid-version: a dlopen()ed module, named by Python's rules;
# -shrext: with this interpreter's suffix (.cpython-311-x86_64-linux-gnu.so);
# -shared: no static archive (nothing could use one); in the CFLAGS too, so
# libtool compiles the wrapper once, as PIC. No -no-undefined and no
# -lpython: the interpreter provides Python's symbols.
#
# The library is linked as the linker's -lofficerinst, not as libtool's
# lib/libofficerinst.la: an uninstalled libtool library makes libtool relink
# the extension at install time, and refuse to do so into any directory but
# the one configure chose (`make install prefix=DIR` stopped there). The
# extension finds the installed library through its run path instead.
# OI_PYTHON_LINK_LIBRARY (python.m4) is -Wl,-L$(abs_top_builddir)/lib/.libs
# -Wl,-lofficerinst: flags libtool passes on without reading them.
officerinstpyexec_LTLIBRARIES = bindings/python/_officerinst.la
nodist_bindings_python__officerinst_la_SOURCES = bindings/python/officerinst_wrap.c
bindings_python__officerinst_la_CPPFLAGS = \
	$(oi_public_cppflags) \
	-I$(srcdir)/bindings/python \
	$(PYTHON_CPPFLAGS)
# The project's warning flags, but two that SWIG's generated code trips over
# by design, in code of SWIG's, not ours:
#  -Wno-unused-parameter  every wrapper takes the module object `self`,
#                         which module-level functions never read;
#  -Wno-sign-conversion   SWIG's runtime (pointer packing, method tables)
#                         mixes Py_ssize_t, ptrdiff_t and size_t.
# -fno-strict-aliasing: SWIG's runtime casts between its object structs.
bindings_python__officerinst_la_CFLAGS = \
	-shared \
	$(WARN_CFLAGS) \
	-Wno-unused-parameter \
	-Wno-sign-conversion \
	$(VISIBILITY_CFLAGS) \
	-fno-strict-aliasing
bindings_python__officerinst_la_LDFLAGS = \
	-module -shared -avoid-version -shrext $(PYTHON_EXT_SUFFIX) \
	'-Wl,-rpath,$(OI_PYTHON_RPATH)'
bindings_python__officerinst_la_LIBADD = \
	bindings/python/libconvert.la \
	$(OI_PYTHON_LINK_LIBRARY)
EXTRA_bindings_python__officerinst_la_DEPENDENCIES = lib/libofficerinst.la

# --- SWIG: one run makes two files, so one stamp rule -----------------------

oi_swig_flags = \
	-python -threads -fastproxy -Wall \
	-interface _officerinst \
	-I$(top_srcdir)/include \
	-I$(top_builddir)/include
oi_swig_outputs = \
	bindings/python/officerinst_wrap.c \
	bindings/python/_officerinst_c.py

# The outputs come from the stamp; if one of them was deleted since, the
# stamp is remade (the automake manual's "Multiple Outputs" recipe).
$(oi_swig_outputs): bindings/python/swig.stamp
	@if test -f $@; then :; else \
	  rm -f bindings/python/swig.stamp; \
	  $(MAKE) $(AM_MAKEFLAGS) bindings/python/swig.stamp; \
	fi
bindings/python/swig.stamp: bindings/python/officerinst.i $(oi_public_headers)
	@$(MKDIR_P) bindings/python
	@rm -f $@ $@.tmp
	@touch $@.tmp
	$(AM_V_GEN)$(SWIG) $(oi_swig_flags) \
	  -o bindings/python/officerinst_wrap.c -outdir bindings/python \
	  $(srcdir)/bindings/python/officerinst.i
	@mv -f $@.tmp $@

# --- The package ------------------------------------------------------------

officerinstpyexec_PYTHON = $(oi_python_package)
nodist_officerinstpyexec_PYTHON = bindings/python/_officerinst_c.py
officerinstpyexec_DATA = $(oi_python_data)

# The package as installed, in the build tree, for the tests and examples.
# The extension is copied from libtool's objdir (as xapian does): it is the
# real shared object, not libtool's .la.
oi_python_stage = bindings/python/stage/officerinst
bindings/python/stage.stamp: $(oi_python_package) $(oi_python_data) \
		bindings/python/_officerinst_c.py bindings/python/_officerinst.la
	@rm -rf bindings/python/stage $@
	@$(MKDIR_P) $(oi_python_stage)
	$(AM_V_GEN)for f in $(oi_python_package) $(oi_python_data) \
	    bindings/python/_officerinst_c.py; do \
	  if test -f "$$f"; then d=; else d='$(srcdir)/'; fi; \
	  cp "$$d$$f" $(oi_python_stage)/ || exit 1; \
	done; \
	cp "bindings/python/$(OI_LT_OBJDIR)/_officerinst$(PYTHON_EXT_SUFFIX)" $(oi_python_stage)/
	@touch $@

# --- Tests --------------------------------------------------------------------

# run.sh runs `$(PYTHON) -m unittest discover` on bindings/python/tests with
# PYTHONPATH=bindings/python/stage, under `libtool --mode=execute` so that the
# extension finds the library of the build tree. The vectors file is shared
# with tests/check_vectors (tests/vectors.mk sets OI_VECTORS).
TESTS += bindings/python/tests/run.sh
AM_TESTS_ENVIRONMENT += \
	PYTHON='$(PYTHON)'; export PYTHON; \
	LIBTOOL='$(LIBTOOL)'; export LIBTOOL;

# `make check` builds `all` (and so the stage) before running TESTS.

# The stage directory goes with clean-python-stage, below.
CLEANFILES += \
	$(oi_swig_outputs) \
	bindings/python/swig.stamp \
	bindings/python/swig.stamp.tmp \
	bindings/python/stage.stamp

endif WITH_PYTHON

# --- Targets that exist in every configuration -------------------------------
# (automake wants a target defined in one condition only; the recipes differ)
#
#   all-python           `make` stages the package in bindings/python/stage;
#   installcheck-python  after `make install` (and in `make distcheck`): the
#                        INSTALLED package imports, from $(pyexecdir), against
#                        the installed library, and decides;
#   clean-python-stage   `make clean` removes the stage.

all-local: all-python
installcheck-local: installcheck-python
clean-local: clean-python-stage
.PHONY: all-python installcheck-python clean-python-stage

if WITH_PYTHON
all-python: bindings/python/stage.stamp

installcheck-python:
	@set -e; \
	PYTHONPATH='$(DESTDIR)$(pyexecdir)'; export PYTHONPATH; \
	PYTHONDONTWRITEBYTECODE=1; export PYTHONDONTWRITEBYTECODE; \
	LD_LIBRARY_PATH='$(DESTDIR)$(libdir)'$${LD_LIBRARY_PATH:+:$$LD_LIBRARY_PATH}; \
	export LD_LIBRARY_PATH; \
	cd / && $(PYTHON) -c 'import officerinst, sys; \
p = officerinst.Policy.builtin(2017); \
assert officerinst.__file__.startswith(sys.argv[1]), officerinst.__file__; \
print("installcheck: officerinst", officerinst.__version__, "from", officerinst.__file__, "policy", p.id)' \
	  '$(DESTDIR)$(pyexecdir)'

clean-python-stage:
	-rm -rf bindings/python/stage bindings/python/tests/__pycache__
else !WITH_PYTHON
all-python:
	@:
installcheck-python:
	@:
clean-python-stage:
	@:
endif !WITH_PYTHON
