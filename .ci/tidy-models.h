/*
 * .ci/tidy-models.h -- what clang-tidy's static analyzer cannot see across
 * files, stated for it. `.ci/harden analyze` force-includes this file
 * (-include) into each lib/*.c it analyzes; it is never compiled into the
 * library.
 *
 * The analyzer looks at one translation unit at a time, and it never inlines
 * a variadic function. oip_fail(), oip_fail_at(), oip_fail_expect()
 * (lib/error.c), oip_doc_fail() and oip_doc_fail_expect() (lib/json_doc.c)
 * return the status they are given, and every
 * caller gives a failure status, so `return oip_fail(err, OI_EINVAL, ...)`
 * never returns OI_OK. Not knowing that, the analyzer explores the impossible
 * path "the failure helper returned OI_OK", on which outputs are unset, and
 * reports about ten false positives (core.CallAndMessage,
 * core.NullDereference, core.UndefinedBinaryOperatorResult,
 * core.uninitialized.Branch, core.NonNullParamChecker).
 *
 * Below, each helper becomes a macro that still calls the real function
 * (the parenthesized name is not expanded again) and then yields its status
 * argument: the helper's documented contract, made visible. The private
 * headers are included first, so their prototypes are read before the macros
 * exist; their include guards keep the later #includes of the .c file from
 * reading them again.
 *
 * A file that defines a helper must not see its macro: .ci/harden analyzes
 * lib/error.c with -DOIP_MODEL_HAVE_FAIL and lib/json_doc.c with
 * -DOIP_MODEL_HAVE_DOC_FAIL.
 */
#ifndef OI_CI_TIDY_MODELS_H
#define OI_CI_TIDY_MODELS_H

#include "error_private.h"

#ifndef OIP_MODEL_HAVE_FAIL
#define oip_fail(err, status, ...) ((void)(oip_fail)(err, status, __VA_ARGS__), (status))
#define oip_fail_at(err, status, ...) ((void)(oip_fail_at)(err, status, __VA_ARGS__), (status))
#define oip_fail_expect(err, status, ...) \
  ((void)(oip_fail_expect)(err, status, __VA_ARGS__), (status))
#endif

#ifndef OIP_MODEL_HAVE_DOC_FAIL
#include "json_doc.h"
#define oip_doc_fail(doc, status, ...) \
  ((void)(oip_doc_fail)(doc, status, __VA_ARGS__), (status))
#define oip_doc_fail_expect(doc, status, ...) \
  ((void)(oip_doc_fail_expect)(doc, status, __VA_ARGS__), (status))
#endif

#endif
