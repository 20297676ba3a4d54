# tests/abi.mk: checks of what the library shows the outside world, run by
# `make check` beside the unit tests of tests/local.mk (included before this
# fragment, which sets TESTS with "="; everything here appends with "+=").
#
#  tests/symbols.sh  the shared library exports exactly the oi_ functions the
#                    public headers declare (nm -D);
#  tests/headers.sh  each public header compiles alone as C99 -pedantic
#                    -Werror and, if a C++ compiler exists, as C++11.
#
# Their environment (top_srcdir, top_builddir, CC, HEADER_CXX, NM) comes from
# AM_TESTS_ENVIRONMENT in Makefile.am; the list of installed headers is added
# here.

oi_abi_tests = tests/symbols.sh tests/headers.sh
TESTS += $(oi_abi_tests)
EXTRA_DIST += $(oi_abi_tests)

AM_TESTS_ENVIRONMENT += \
	OI_PUBLIC_HEADERS='$(oi_public_headers)'; export OI_PUBLIC_HEADERS;

# Both read only what `make all` produces (the library, the generated
# version.h), and `make check` always builds `all` before running TESTS.

# After `make install` (and as part of `make distcheck`, which installs into
# a scratch prefix): a program outside the tree builds with nothing but what
# pkg-config says, and runs against the installed library. The programs are
# the examples examples/decide.c and examples/decide-requests.c (on the
# shipped requests document).
installcheck-local: installcheck-pkgconfig
installcheck-pkgconfig:
	@set -e; \
	dir=installcheck-pkgconfig.tmp; \
	rm -rf $$dir; $(MKDIR_P) $$dir; \
	PKG_CONFIG_PATH='$(DESTDIR)$(pkgconfigdir)'$${PKG_CONFIG_PATH:+:$$PKG_CONFIG_PATH}; \
	export PKG_CONFIG_PATH; \
	if test -n '$(DESTDIR)'; then \
	  PKG_CONFIG_SYSROOT_DIR='$(DESTDIR)'; export PKG_CONFIG_SYSROOT_DIR; \
	fi; \
	flags=`$(PKG_CONFIG) --cflags --libs officerinst`; \
	echo "$(CC) examples/decide.c $$flags"; \
	$(CC) -o $$dir/decide $(srcdir)/examples/decide.c $$flags; \
	LD_LIBRARY_PATH='$(DESTDIR)$(libdir)'$${LD_LIBRARY_PATH:+:$$LD_LIBRARY_PATH} \
	  ./$$dir/decide > $$dir/decide.out; \
	echo "installcheck: examples/decide built with pkg-config and ran against $(DESTDIR)$(libdir)"; \
	echo "$(CC) examples/decide-requests.c $$flags"; \
	$(CC) -o $$dir/decide-requests $(srcdir)/examples/decide-requests.c $$flags; \
	LD_LIBRARY_PATH='$(DESTDIR)$(libdir)'$${LD_LIBRARY_PATH:+:$$LD_LIBRARY_PATH} \
	  ./$$dir/decide-requests $(srcdir)/examples/requests-2017.json > $$dir/decide-requests.out; \
	echo "installcheck: examples/decide-requests built with pkg-config and ran against $(DESTDIR)$(libdir)"; \
	rm -rf $$dir
.PHONY: installcheck-pkgconfig

# A failed installcheck leaves its scratch directory for a look.
clean-local: clean-installcheck-pkgconfig
clean-installcheck-pkgconfig:
	-rm -rf installcheck-pkgconfig.tmp
.PHONY: clean-installcheck-pkgconfig
