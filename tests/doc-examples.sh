#!/bin/sh
# tests/doc-examples.sh -- every C or Python example of the documentation,
# compiled and run against the build tree, so that a document cannot drift
# from the API (as Python's doctest does for docstrings).
#
#   tests/doc-examples.sh c|python [FILE...]
#
# `make check` runs it twice, through tests/doc-c.sh and tests/doc-python.sh
# (tests/doc.mk). The files are README, bindings/python/README and doc/*.md
# of the source tree unless named. It writes only in a temporary directory
# ($TMPDIR, or /tmp), so a read-only source tree (make distcheck) is fine;
# the directory of a failed run is kept, and named, for a look.
#
# What counts as an example
# -------------------------
# In a Markdown file (*.md): a fenced block whose info string is `c` or
# `python`. Other fenced blocks (json, shell) and indented blocks are not
# run. In a plain-text file (the READMEs): a block indented by four spaces
# after a blank line, taken as
#   C       when it has `#include` or `int main(`, or calls an oi_ function
#           and ends a statement with `;`;
#   Python  when it imports a module or uses `oi.` (import officerinst as oi);
# and not run otherwise (shell commands, `$ ` lines, listings).
#
# How it is checked
# -----------------
#   C program        (has `int main(`): compiled with the build's compiler,
#                    CFLAGS and LDFLAGS and -std=c99 -pedantic -Wall -Wextra
#                    -Werror, linked with libtool against
#                    lib/libofficerinst.la, run; it must exit 0.
#   C fragment       (anything else): compiled and linked the same way,
#                    inside a block of a function whose parameters are the
#                    names fragments use without declaring them:
#                      oi_policy *policy, oi_ledger *ledger, oi_error err,
#                      const oi_subsidy_request *requests, size_t n,
#                      oi_decision *decisions
#                    (a fragment may declare its own, which hide these; the
#                    ones it does not use draw no warning). It is not run:
#                    its variables hold nothing.
#   Python program   (has an `import` line): run as it is; it must exit 0.
#   Python fragment  (anything else): run after a prelude that defines
#                      datetime, oi (officerinst), policy (the built-in 2017
#                      policy), ledger (a ledger on it) and requests (twelve
#                      eligible requests for OI-2017-FL);
#                    it must exit 0.
# Programs run in a scratch directory where examples/ is the source tree's,
# so they may read examples/policy-2018.json and write files of their own.
# Python runs the package of bindings/python/stage with the library of the
# build tree, as bindings/python/tests/run.sh does.
#
# Markers, on a line of their own before the example they apply to (in
# Markdown an HTML comment does not show):
#   <!-- doc-example: skip -->          do not check the next example (it is
#                                       counted and listed as skipped)
#   <!-- doc-example: output above -->  the next example is a program whose
#                                       standard output must be exactly the
#                                       text of the block before it
#
# Exit status: 0 when every example of the language passed; 1 when one
# failed; 77 (skipped) for Python when the bindings are not configured;
# 99 when there is no example of the language at all, or the build is
# missing.
#
# Environment (tests/doc.mk sets it): top_srcdir, top_builddir, CC,
# OI_DOC_CFLAGS, OI_DOC_LDFLAGS (the build's CFLAGS and LDFLAGS, so that a
# sanitizer build links its examples with the sanitizer), OI_DOC_PYTHON (the
# interpreter of the bindings; empty without them).

set -u

lang=${1:-}
case $lang in
  c | python) shift ;;
  *) echo "usage: $0 c|python [FILE...]" >&2; exit 99 ;;
esac

srcdir=$(cd "${top_srcdir:-.}" && pwd) || exit 99
builddir=$(cd "${top_builddir:-.}" && pwd) || exit 99
: "${CC:=cc}"
# The build's libtool, by an absolute path: examples run in another directory.
libtool="${SHELL:-/bin/sh} $builddir/libtool"
python=${OI_DOC_PYTHON:-}

if test $# -eq 0; then
  set -- "$srcdir/README" "$srcdir/bindings/python/README" "$srcdir"/doc/*.md
fi

if test "$lang" = python; then
  if test -z "$python" || test "$python" = :; then
    echo "doc-examples: Python examples skipped: configured without the Python bindings"
    exit 77
  fi
  if test ! -f "$builddir/bindings/python/stage/officerinst/__init__.py"; then
    echo "doc-examples: $builddir/bindings/python/stage is missing; run make first" >&2
    exit 99
  fi
fi
if test ! -f "$builddir/lib/libofficerinst.la"; then
  echo "doc-examples: $builddir/lib/libofficerinst.la is missing; run make first" >&2
  exit 99
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/oi-doc-$lang.XXXXXX") || exit 99
mkdir "$tmp/run" && ln -s "$srcdir/examples" "$tmp/run/examples" || exit 99

# --- Extraction ---------------------------------------------------------------
# Each example becomes $tmp/N.src (its text), $tmp/N.expected (with the
# "output above" marker) and a line "N|lang|kind|marker|file|line" of
# $tmp/manifest, where kind is program or fragment and line is the line of
# the file where the example's text begins.

awk -v dir="$tmp" -v top="$srcdir/" '
  function rel(f) { return index(f, top) == 1 ? substr(f, length(top) + 1) : f }
  # Language of a block of a plain-text file, "" when it is not code.
  function plain_lang(t) {
    if (t ~ /^\$ / || t ~ /\n\$ /) return ""
    if (t ~ /#include/ || t ~ /int main[ \t]*\(/) return "c"
    if (t ~ /(^|[^A-Za-z0-9_.])oi_[a-z0-9_]+[ \t]*\(/ && t ~ /;[ \t]*(\/\*[^\n]*\*\/)?[ \t]*(\n|$)/)
      return "c"
    if (t ~ /(^|\n)(import|from)[ \t]/ || t ~ /(^|[^A-Za-z0-9_])oi\.[A-Za-z_]/) return "python"
    return ""
  }
  function kind(l, t) {
    if (l == "c") return t ~ /int main[ \t]*\(/ ? "program" : "fragment"
    return t ~ /(^|\n)(import|from)[ \t]/ ? "program" : "fragment"
  }
  # A finished block: an example if its language is known, and in any case
  # the block before the next one.
  function block(l, t, first) {
    if (l == "c" || l == "python") {
      n++
      printf "%s", t > (dir "/" n ".src"); close(dir "/" n ".src")
      if (marker == "output above") {
        if (!have_prev) {
          printf "%s:%d: \"output above\" with no block above\n", rel(FILENAME), first > "/dev/stderr"
          bad = 1
        }
        printf "%s", prev > (dir "/" n ".expected"); close(dir "/" n ".expected")
      }
      printf "%d|%s|%s|%s|%s|%d\n", n, l, kind(l, t), marker, rel(FILENAME), first > (dir "/manifest")
    } else if (marker != "") {
      printf "%s:%d: a doc-example marker before a block that is no C or Python example\n",
        rel(FILENAME), first > "/dev/stderr"
      bad = 1
    }
    marker = ""
    prev = t; have_prev = 1
  }
  function markers(line,    m) {
    if (line ~ /^[ \t]*<!-- doc-example: [a-z ]+ -->[ \t]*$/) {
      m = line; sub(/^[ \t]*<!-- doc-example: /, "", m); sub(/ -->[ \t]*$/, "", m)
      if (m != "skip" && m != "output above") {
        printf "%s:%d: unknown doc-example marker \"%s\"\n", rel(FILENAME), FNR, m > "/dev/stderr"
        bad = 1
      }
      marker = m
    }
  }
  function end_plain(    t) {
    if (!inblock) return
    t = text; sub(/\n+$/, "\n", t)
    block(plain_lang(t), t, start)
    inblock = 0
  }
  function end_file() {
    if (infence) {
      printf "%s: a fenced block is not closed\n", rel(curfile) > "/dev/stderr"
      bad = 1
    }
    end_plain()
    infence = 0; marker = ""; have_prev = 0; blank = 1
  }
  FNR == 1 {
    if (NR > 1) end_file()
    curfile = FILENAME; md = FILENAME ~ /\.md$/; blank = 1; have_prev = 0
  }
  md {
    if (infence) {
      if ($0 ~ /^```[ \t]*$/) { block(info, text, start); infence = 0 }
      else text = text $0 "\n"
      next
    }
    if ($0 ~ /^```/) {
      info = $0; sub(/^```[ \t]*/, "", info); sub(/[ \t].*/, "", info)
      infence = 1; text = ""; start = FNR + 1
      next
    }
    markers($0)
    next
  }
  {
    if (inblock) {
      if ($0 ~ /^[ \t]*$/) { text = text "\n"; next }
      if ($0 ~ /^    /) { text = text substr($0, 5) "\n"; next }
      end_plain()
    }
    if ($0 ~ /^    / && $0 !~ /^[ \t]*$/ && blank) {
      inblock = 1; text = substr($0, 5) "\n"; start = FNR
      next
    }
    markers($0)
    blank = $0 ~ /^[ \t]*$/
  }
  END {
    end_file()
    exit bad
  }' "$@" || { echo "doc-examples: the documents are malformed (above); left in $tmp" >&2; exit 1; }
touch "$tmp/manifest"

# --- Checking ------------------------------------------------------------------

cflags="${OI_DOC_CFLAGS:-} -std=c99 -pedantic -Wall -Wextra -Werror -I$srcdir/include -I$builddir/include"
ldflags=${OI_DOC_LDFLAGS:-}
run_timeout=
if command -v timeout >/dev/null 2>&1; then
  run_timeout="timeout 120"
fi

# The prelude of Python fragments.
cat > "$tmp/prelude.py" <<'EOF'
import datetime
import officerinst as oi

policy = oi.Policy.builtin(2017)
ledger = oi.Ledger(policy)
requests = [
    oi.SubsidyRequest(
        "r-%02d" % i, "OI-2017-FL",
        oi.Local(700 + i, "Local %d" % (700 + i), oi.Country.US, district=1 + i % 13,
                 lm_form=oi.LmForm.LM_3),
        oi.Officer("o-%02d" % i), datetime.datetime(2017, 8, 1, 9, i), nights=5,
        attested=True, with_application=True, application_signed=True,
        request_signed=True)
    for i in range(12)]
EOF

# check_c N KIND FILE LINE: compile (wrapped, for a fragment), link, run a program.
check_c() {
  src=$tmp/$1.c
  if test "$2" = program; then
    { printf '#line %d "%s"\n' "$4" "$3"; cat "$tmp/$1.src"; } > "$src"
  else
    {
      printf '#include <officerinst.h>\n#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n\n'
      printf 'void oi_doc_fragment(oi_policy *policy, oi_ledger *ledger, oi_error err,\n'
      printf '                     const oi_subsidy_request *requests, size_t n, oi_decision *decisions);\n'
      printf 'void oi_doc_fragment(oi_policy *policy, oi_ledger *ledger, oi_error err,\n'
      printf '                     const oi_subsidy_request *requests, size_t n, oi_decision *decisions)\n{\n  {\n'
      printf '#line %d "%s"\n' "$4" "$3"
      cat "$tmp/$1.src"
      printf '\n  }\n}\n\nint main(void)\n{\n  return 0;\n}\n'
    } > "$src"
  fi
  extra=
  test "$2" = program || extra=-Wno-unused-parameter
  # $CC, $libtool, $cflags, $ldflags and $extra are split on purpose.
  # shellcheck disable=SC2086
  $CC $cflags $extra -c -o "$tmp/$1.o" "$src" > "$tmp/$1.log" 2>&1 &&
    $libtool --mode=link --tag=CC $CC $cflags $ldflags -o "$tmp/$1" "$tmp/$1.o" \
      "$builddir/lib/libofficerinst.la" >> "$tmp/$1.log" 2>&1 || return 1
  test "$2" = program || return 0
  (cd "$tmp/run" && $run_timeout "$tmp/$1" > "$tmp/$1.out" 2>> "$tmp/$1.log")
}

# check_python N KIND: run it (after the prelude, for a fragment).
check_python() {
  if test "$2" = program; then
    cp "$tmp/$1.src" "$tmp/$1.py"
  else
    cat "$tmp/prelude.py" "$tmp/$1.src" > "$tmp/$1.py"
  fi
  (
    cd "$tmp/run" || exit 1
    PYTHONPATH=$builddir/bindings/python/stage${PYTHONPATH:+:$PYTHONPATH}
    PYTHONDONTWRITEBYTECODE=1
    export PYTHONPATH PYTHONDONTWRITEBYTECODE
    # shellcheck disable=SC2086
    $run_timeout $libtool --mode=execute -dlopen "$builddir/lib/libofficerinst.la" \
      $python "$tmp/$1.py" > "$tmp/$1.out" 2> "$tmp/$1.log"
  )
}

programs=0 fragments=0 skipped=0 failed=0
while IFS='|' read -r n l k marker file line; do
  test "$l" = "$lang" || continue
  where="$file:$line ($lang $k)"
  if test "$marker" = skip; then
    echo "SKIP $where: marked doc-example: skip"
    skipped=$((skipped + 1))
    continue
  fi
  if test "$marker" = "output above" && test "$k" != program; then
    echo "FAIL $where: \"output above\" needs a whole program"
    failed=$((failed + 1))
    continue
  fi
  if "check_$lang" "$n" "$k" "$file" "$line"; then
    if test "$marker" = "output above" && ! cmp -s "$tmp/$n.expected" "$tmp/$n.out"; then
      echo "FAIL $where: its output differs from the block above it:"
      diff -u "$tmp/$n.expected" "$tmp/$n.out" | sed -n '1,40p'
      failed=$((failed + 1))
      continue
    fi
    case $k in
      program) programs=$((programs + 1)); what=ran ;;
      *) fragments=$((fragments + 1))
         if test "$lang" = c; then what="compiled and linked"; else what="ran after the prelude"; fi ;;
    esac
    test "$marker" = "output above" && what="$what, printed the block above"
    echo "ok   $where: $what"
  else
    echo "FAIL $where:"
    sed -n '1,60p' "$tmp/$n.log"
    failed=$((failed + 1))
  fi
done < "$tmp/manifest"

total=$((programs + fragments + skipped + failed))
echo "doc-examples ($lang): $programs program(s) run, $fragments fragment(s)" \
  "$(test "$lang" = c && echo compiled || echo run), $skipped skipped, $failed failed"
if test $failed -gt 0; then
  echo "doc-examples: the failed examples are in $tmp"
  exit 1
fi
rm -rf "$tmp"
if test $total -eq 0; then
  echo "doc-examples: no $lang example found in: $*" >&2
  exit 99
fi
exit 0
