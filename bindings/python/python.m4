# bindings/python/python.m4 -- configure checks of the Python bindings.
#
# configure.ac includes this file and calls the macro once:
#
#   m4_include([bindings/python/python.m4])
#   OI_PYTHON_BINDINGS
#
# OI_PYTHON_BINDINGS
# ------------------
# --enable-python / --disable-python; the default, "auto", builds the
# bindings when everything they need is found and says why not otherwise,
# while --enable-python turns anything missing into an error.
#
# What the bindings need:
#  - a Python >= 3.8 (AM_PATH_PYTHON, which also sets pythondir and
#    pyexecdir under --prefix, so `make distcheck` installs into its own
#    scratch prefix);
#  - SWIG >= 4 (the program only; no AX_* macro is used);
#  - the headers of THAT Python, located by asking it (sysconfig's
#    "include" and "platinclude" paths; distutils is gone from Python 3.12),
#    and a test that <Python.h> compiles with them.
#
# It substitutes:
#   PYTHON, pythondir, pyexecdir ...  from AM_PATH_PYTHON
#   SWIG                 the swig program
#   PYTHON_CPPFLAGS      -I flags for <Python.h> (a precious variable: set it
#                        on the configure command line to override)
#   PYTHON_EXT_SUFFIX    the extension modules' file suffix, e.g.
#                        ".cpython-311-x86_64-linux-gnu.so" (libtool -shrext)
#   OI_PYTHON_RPATH      the run path of the installed extension: where
#                        libdir is relative to $(pyexecdir)/officerinst, as
#                        $ORIGIN/../../.. when both are under one prefix (so
#                        a `make install prefix=DIR` or DESTDIR=DIR moves
#                        both and the extension still finds the library),
#                        else $(libdir)
#   OI_LT_OBJDIR         libtool's directory of built objects (.libs)
#   OI_PYTHON_LINK_LIBRARY  how the extension links libofficerinst of the
#                        build tree: as the linker's -lofficerinst, which
#                        libtool passes on (bindings/python/local.mk: no
#                        relinking at install)
# and defines the automake conditional WITH_PYTHON.
#
# There is deliberately no PYTHON_LIBS: since Python 3.8 an extension module
# is not linked with -lpython (python3-config --libs has none); the
# interpreter that loads it provides the symbols.

AC_DEFUN([OI_PYTHON_BINDINGS],
[AC_ARG_ENABLE([python],
  [AS_HELP_STRING([--enable-python],
    [build the Python bindings (needs Python >= 3.8 with its headers and SWIG >= 4);
     --disable-python skips them @<:@default=auto: build them if all is found@:>@])],
  [], [enable_python=auto])
AS_CASE([$enable_python],
  [yes|no|auto], [],
  [AC_MSG_ERROR([bad value '$enable_python' for --enable-python (yes, no or auto)])])

AC_ARG_VAR([SWIG], [the SWIG program (version 4 or later), for the Python bindings])
AC_ARG_VAR([PYTHON_CPPFLAGS],
  [preprocessor flags for <Python.h>; default: from the interpreter's sysconfig])

oi_python_ok=no
oi_python_why=
AS_IF([test "x$enable_python" != xno], [
  oi_python_ok=yes

  dnl The interpreter. Without a third argument AM_PATH_PYTHON would stop
  dnl configure; here "not found" only disables the bindings (or fails
  dnl below when they were asked for).
  AM_PATH_PYTHON([3.8], [], [PYTHON=:])
  AS_IF([test "x$PYTHON" = x: || test -z "$PYTHON"],
    [oi_python_ok=no; oi_python_why="no Python >= 3.8 was found"])

  dnl SWIG >= 4.
  AS_IF([test "x$oi_python_ok" = xyes], [
    AC_PATH_PROGS([SWIG], [swig4.0 swig])
    AS_IF([test -z "$SWIG"],
      [oi_python_ok=no; oi_python_why="SWIG was not found"],
      [AC_CACHE_CHECK([the version of $SWIG], [oi_cv_swig_version],
         [oi_cv_swig_version=`$SWIG -version 2>/dev/null | sed -n 's/^SWIG Version \([[0-9.]]*\).*/\1/p'`
          test -n "$oi_cv_swig_version" || oi_cv_swig_version=unknown])
       AS_IF([test "x$oi_cv_swig_version" = xunknown],
         [oi_python_ok=no; oi_python_why="the version of $SWIG is unknown"],
         [AS_VERSION_COMPARE([$oi_cv_swig_version], [4.0.0],
            [oi_python_ok=no; oi_python_why="SWIG $oi_cv_swig_version is older than 4.0"])])])
  ])

  dnl The headers of the interpreter found above, from its own sysconfig.
  AS_IF([test "x$oi_python_ok" = xyes], [
    AC_MSG_CHECKING([for the C headers of $PYTHON])
    AS_IF([test -z "$PYTHON_CPPFLAGS"], [
      oi_python_inc=`$PYTHON -c 'import sysconfig; print(sysconfig.get_path("include"))' 2>/dev/null`
      oi_python_platinc=`$PYTHON -c 'import sysconfig; print(sysconfig.get_path("platinclude"))' 2>/dev/null`
      AS_IF([test -n "$oi_python_inc"], [PYTHON_CPPFLAGS="-I$oi_python_inc"])
      AS_IF([test -n "$oi_python_platinc" && test "x$oi_python_platinc" != "x$oi_python_inc"],
        [PYTHON_CPPFLAGS="$PYTHON_CPPFLAGS -I$oi_python_platinc"])
    ])
    AC_MSG_RESULT([${PYTHON_CPPFLAGS:-none}])

    AC_MSG_CHECKING([the file suffix of extension modules of $PYTHON])
    PYTHON_EXT_SUFFIX=`$PYTHON -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX") or "")' 2>/dev/null`
    AC_MSG_RESULT([${PYTHON_EXT_SUFFIX:-unknown}])
    AS_IF([test -z "$PYTHON_EXT_SUFFIX"],
      [oi_python_ok=no; oi_python_why="$PYTHON does not say its EXT_SUFFIX"])
  ])

  AS_IF([test "x$oi_python_ok" = xyes], [
    AC_CACHE_CHECK([whether <Python.h> compiles with $PYTHON_CPPFLAGS],
      [oi_cv_python_h],
      [oi_save_CPPFLAGS=$CPPFLAGS
       CPPFLAGS="$CPPFLAGS $PYTHON_CPPFLAGS"
       AC_COMPILE_IFELSE([AC_LANG_PROGRAM([[
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#if PY_VERSION_HEX < 0x03080000
# error Python 3.8 or later is required
#endif
]], [[PyObject *o = Py_None; (void)o;]])],
         [oi_cv_python_h=yes], [oi_cv_python_h=no])
       CPPFLAGS=$oi_save_CPPFLAGS])
    AS_IF([test "x$oi_cv_python_h" != xyes],
      [oi_python_ok=no
       oi_python_why="<Python.h> of $PYTHON does not compile with '$PYTHON_CPPFLAGS' (install its development package, e.g. python3-dev)"])
  ])

  AS_IF([test "x$oi_python_ok" != xyes], [
    AS_IF([test "x$enable_python" = xyes],
      [AC_MSG_ERROR([--enable-python: $oi_python_why])],
      [AC_MSG_WARN([the Python bindings will not be built: $oi_python_why])])
  ])
])

dnl The installed extension's run path. pyexecdir and libdir are compared as
dnl configure holds them, unexpanded ("${exec_prefix}/lib/python3.11/
dnl site-packages", "${exec_prefix}/lib"): the path from one to the other is
dnl relative when both start from the same variable or from "/".
AS_IF([test "x$oi_python_ok" = xyes], [
  AC_MSG_CHECKING([where the installed extension finds the library])
  oi_from=`eval echo "$pyexecdir"`/officerinst/
  oi_to=$libdir/
  OI_PYTHON_RPATH='$(libdir)'
  AS_CASE([$oi_from],
    [/*|'${'*], [AS_IF([test "x${oi_from%%/*}" = "x${oi_to%%/*}"], [
      while test -n "$oi_from" && test "x${oi_from%%/*}" = "x${oi_to%%/*}"; do
        oi_from=${oi_from#*/}
        oi_to=${oi_to#*/}
      done
      oi_up=
      while test -n "$oi_from"; do
        oi_up=$oi_up../
        oi_from=${oi_from#*/}
      done
      oi_rel=`echo "$oi_up$oi_to" | sed 's,/$,,'`
      OI_PYTHON_RPATH='$$ORIGIN'${oi_rel:+/$oi_rel}])])
  AC_MSG_RESULT([$OI_PYTHON_RPATH])
])
OI_LT_OBJDIR=${objdir:-.libs}
OI_PYTHON_LINK_LIBRARY='-Wl,-L$(abs_top_builddir)/lib/$(OI_LT_OBJDIR) -Wl,-lofficerinst'
AC_SUBST([OI_PYTHON_RPATH])
AC_SUBST([OI_LT_OBJDIR])
AC_SUBST([OI_PYTHON_LINK_LIBRARY])

AC_MSG_CHECKING([whether to build the Python bindings])
AC_MSG_RESULT([$oi_python_ok])
AC_SUBST([PYTHON_CPPFLAGS])
AC_SUBST([PYTHON_EXT_SUFFIX])
AC_SUBST([SWIG])
AM_CONDITIONAL([WITH_PYTHON], [test "x$oi_python_ok" = xyes])
])
