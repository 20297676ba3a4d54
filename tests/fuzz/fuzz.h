/*
 * tests/fuzz/fuzz.h -- shared by the fuzz harnesses (tests/fuzz/fuzz_*.c).
 *
 * Each harness defines LLVMFuzzerTestOneInput() and nothing else with
 * external linkage. It is linked two ways (tests/fuzz.mk):
 *  - with clang -fsanitize=fuzzer,address,undefined (`make fuzz`), where
 *    libFuzzer supplies main();
 *  - with tests/fuzz/replay.c (any compiler, `make check`), whose main()
 *    runs the harness once on each file of the seed corpus and of the
 *    regressions, so that every input that ever crashed stays a test.
 *
 * A harness never returns on a broken guarantee: it prints what broke to
 * stderr and calls abort(), which libFuzzer records as a crash and the
 * replay turns into a failed test.
 */
#ifndef OI_TESTS_FUZZ_FUZZ_H
#define OI_TESTS_FUZZ_FUZZ_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <officerinst.h>

/* The entry point libFuzzer calls; the replay calls it too. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#if defined(__GNUC__) || defined(__clang__)
#  define FZ_NORETURN __attribute__((noreturn))
#  define FZ_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define FZ_NORETURN
#  define FZ_PRINTF(f, a)
#endif

static inline void fz_fail(const char *fmt, ...) FZ_NORETURN FZ_PRINTF(1, 2);

/* Report a broken guarantee and abort. */
static inline void fz_fail(const char *fmt, ...)
{
  va_list ap;

  fputs("FUZZ: guarantee broken: ", stderr);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  fflush(stderr);
  abort();
}

#define FZ_CHECK(cond, ...)  \
  do {                       \
    if (!(cond))             \
      fz_fail(__VA_ARGS__);  \
  } while (0)

/* Fill an oi_error with a byte pattern before a call, so that a failed call
 * that leaves a field unwritten (a message not NUL-terminated) is seen. */
static inline void fz_error_poison(oi_error *err)
{
  memset(err, 0xA5, sizeof *err);
}

/*
 * What error.h promises of a failed call: the status returned is a failure
 * and one of @p allowed (terminated by OI_OK), err->status says the same,
 * the message is NUL-terminated within its array and not empty, the path is
 * NUL-terminated within its array.
 */
static inline void fz_check_failure(const char *call, oi_status st, const oi_error *err,
                                    const oi_status *allowed)
{
  size_t i;
  int ok = 0;

  FZ_CHECK(st != OI_OK, "%s: checked as a failure but returned OI_OK", call);
  for (i = 0; allowed[i] != OI_OK; i++)
    ok = ok || allowed[i] == st;
  FZ_CHECK(ok, "%s: returned %s, which it does not document", call, oi_status_name(st));
  FZ_CHECK(err->status == st, "%s: returned %s but err.status is %s", call,
           oi_status_name(st), oi_status_name(err->status));
  FZ_CHECK(memchr(err->message, '\0', sizeof err->message) != NULL,
           "%s: err.message is not NUL-terminated", call);
  FZ_CHECK(err->message[0] != '\0', "%s: %s with an empty message", call, oi_status_name(st));
  FZ_CHECK(memchr(err->path, '\0', sizeof err->path) != NULL,
           "%s: err.path is not NUL-terminated", call);
}

/* The built-in 2017 policy, made once and shared by every input (it is
 * immutable). It stays reachable until exit, so it is no leak. */
static inline const oi_policy *fz_policy_2017(void)
{
  static oi_policy *policy;
  oi_error err;

  if (policy == NULL && oi_policy_builtin(2017, &policy, &err) != OI_OK)
    fz_fail("oi_policy_builtin(2017): %s", err.message);
  return policy;
}

#endif /* OI_TESTS_FUZZ_FUZZ_H */
