/*
 * tests/check_crash.c -- a save killed at any moment leaves the old file or
 * the new one, never a torn one (json.h: "Saving to a file is atomic").
 *
 * TCase "crash":
 *  - a child process saves, to one path, ledger state A and ledger state B
 *    alternately, as fast as it can; the parent kills it with SIGKILL after a
 *    random delay, many times, and after each kill the file must be exactly
 *    A or exactly B (byte for byte, and loaded back it writes the same
 *    text). The file holds A before the first child starts, so it must
 *    exist after every kill.
 *  - the same for the first save of a new file: after the kill, no file or
 *    exactly A (with mode 0600), never a partial one.
 *  - temporary files a killed writer left beside the target (path.XXXXXX),
 *    or anything else with such a name, do not break the next save and are
 *    not touched by it.
 *
 * Environment: OI_SEED (the random seed; the default is fixed and printed),
 * OI_CRASH_ITERATIONS (kills of the first test, default 40, well under a
 * second; 1000 under OI_TEST_LONG=1, `make check-long`; the second test uses
 * a quarter), OI_CRASH_MAX_DELAY_US (the longest delay before a kill; by
 * default three times the measured duration of a pair of saves, between 1
 * and 20 ms unless a single save takes longer). The summary lines printed
 * give the seed, the counts and the time taken. A failed test leaves its
 * directory ($TMPDIR/oi-crash-XXXXXX) for inspection and names it.
 */
#define _POSIX_C_SOURCE 200809L

#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_SEED UINT64_C(20170213)
#define DEFAULT_ITERATIONS 40
#define LONG_ITERATIONS 1000

/* ------------------------------------------------------------------------ */
/* Helpers                                                                  */

struct rng {
  uint64_t s;
};

static uint64_t rng_next(struct rng *g)
{
  uint64_t x = g->s;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  g->s = x;
  return x * UINT64_C(2685821657736338717);
}

static uint64_t env_u64(const char *name, uint64_t dflt)
{
  const char *s = getenv(name);
  char *end;
  unsigned long long v;

  if (s == NULL || *s == '\0')
    return dflt;
  errno = 0;
  v = strtoull(s, &end, 0);
  ck_assert_msg(errno == 0 && *end == '\0', "%s=%s is not a number", name, s);
  return (uint64_t)v;
}

static double now_seconds(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_ns(uint64_t ns)
{
  struct timespec ts;
  ts.tv_sec = (time_t)(ns / 1000000000u);
  ts.tv_nsec = (long)(ns % 1000000000u);
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
    continue;
}

/* The whole content of a file (NUL-terminated), or NULL if it cannot be
 * opened. */
static char *slurp(const char *path, size_t *length)
{
  size_t cap = 1 << 16, n = 0, got;
  char *buf = malloc(cap);
  FILE *f = fopen(path, "rb");

  ck_assert_ptr_nonnull(buf);
  if (f == NULL) {
    free(buf);
    return NULL;
  }
  while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (cap - n - 1 == 0) {
      cap *= 2;
      buf = realloc(buf, cap);
      ck_assert_ptr_nonnull(buf);
    }
  }
  fclose(f);
  buf[n] = '\0';
  *length = n;
  return buf;
}

static char dir[512];

static void make_dir(void)
{
  const char *tmp = getenv("TMPDIR");

  snprintf(dir, sizeof dir, "%s/oi-crash-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  ck_assert_msg(mkdtemp(dir) != NULL, "mkdtemp(%s): %s", dir, strerror(errno));
}

static void remove_dir(void)
{
  DIR *d = opendir(dir);
  struct dirent *de;
  char p[1024];

  if (d != NULL) {
    while ((de = readdir(d)) != NULL) {
      if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
        continue;
      snprintf(p, sizeof p, "%s/%s", dir, de->d_name);
      if (unlink(p) != 0)
        rmdir(p);
    }
    closedir(d);
  }
  rmdir(dir);
}

/* How many entries of dir are named base + "." + 6 characters (the
 * library's temporary files, path.XXXXXX). */
static size_t count_temporaries(const char *base)
{
  const size_t n = strlen(base);
  DIR *d = opendir(dir);
  struct dirent *de;
  size_t count = 0;

  ck_assert_ptr_nonnull(d);
  while ((de = readdir(d)) != NULL)
    if (strncmp(de->d_name, base, n) == 0 && de->d_name[n] == '.' &&
        strlen(de->d_name) == n + 7)
      count++;
  closedir(d);
  return count;
}

/* ------------------------------------------------------------------------ */
/* Two ledger states                                                        */

static oi_policy *pol;
static oi_ledger *state_a, *state_b;
static char *text_a, *text_b;
static size_t len_a, len_b;

static char ids[200][24], officers[200][24], names[200][32];

/* Request i: locals 1..40 (all U.S., LM-3), officers all distinct, the
 * three 1.0 sessions in turn, received before their deadlines (2017-01-02,
 * 2017-03-27, 2017-09-04) in an order unlike the order of entry, so that the
 * ledger holds awards, a waitlist for seats (S4) and one for the local cap
 * (S5). */
static void request(size_t i, oi_subsidy_request *r)
{
  static const char *const sessions[] = { "OI-2017-MD", "OI-2017-CO", "OI-2017-FL" };
  static const int year[] = { 2016, 2017, 2017 };
  static const int month[] = { 12, 3, 8 };
  static const int days[] = { 31, 27, 31 };

  tu_default_request(r);
  snprintf(ids[i], sizeof ids[i], "crash-%03zu", i);
  snprintf(officers[i], sizeof officers[i], "crash-officer-%03zu", i);
  snprintf(names[i], sizeof names[i], "IATSE Local %zu", 1 + i % 40);
  r->id = ids[i];
  r->officer.id = officers[i];
  r->local.number = (uint32_t)(1 + i % 40);
  r->local.name = names[i];
  r->local.district = (int)(1 + i % 13);
  r->session_id = sessions[i % 3];
  r->received = tu_dt(year[i % 3], month[i % 3], 1 + (int)((i * 7) % (size_t)days[i % 3]),
                      (int)(i % 24), 0, 0);
  r->nights = 1 + (int)(i % 7);
}

static void make_states(void)
{
  oi_subsidy_request r;
  size_t i;
  oi_error e;

  pol = tu_builtin_2017();
  ck_assert_int_eq(oi_ledger_new(pol, &state_a, NULL), OI_OK);
  ck_assert_int_eq(oi_ledger_new(pol, &state_b, NULL), OI_OK);
  for (i = 0; i < 120; i++) {
    request(i, &r);
    memset(&e, 0, sizeof e);
    ck_assert_msg(oi_ledger_submit(state_a, &r, NULL, &e) == OI_OK, "submit %zu: %s", i,
                  e.message);
    ck_assert_int_eq(oi_ledger_submit(state_b, &r, NULL, NULL), OI_OK);
  }
  /* B: twenty more submits and a withdrawal. */
  for (i = 120; i < 140; i++) {
    request(i, &r);
    ck_assert_int_eq(oi_ledger_submit(state_b, &r, NULL, NULL), OI_OK);
  }
  ck_assert_int_eq(oi_ledger_withdraw(state_b, ids[0], NULL, NULL), OI_OK);
  ck_assert_int_eq(oi_ledger_to_json(state_a, &text_a, &len_a, NULL), OI_OK);
  ck_assert_int_eq(oi_ledger_to_json(state_b, &text_b, &len_b, NULL), OI_OK);
  ck_assert_msg(len_a != len_b, "the two states must differ in size");
}

static void setup(void)
{
  make_dir();
  make_states();
}

static void teardown(void)
{
  oi_free(text_a);
  oi_free(text_b);
  oi_ledger_free(state_a);
  oi_ledger_free(state_b);
  oi_policy_free(pol);
  remove_dir();
}

/* Which state the file holds: 'A', 'B', '-' (no file) or '?' (anything
 * else: torn). When it is A or B, it must also load, and the loaded ledger
 * must write the same text. */
static char classify(const char *path, char *detail, size_t size)
{
  size_t n = 0, m = 0;
  char *file = slurp(path, &n), *again = NULL;
  oi_ledger *l = NULL;
  oi_error e;
  char which;

  detail[0] = '\0';
  if (file == NULL)
    return '-';
  if (n == len_a && memcmp(file, text_a, n) == 0)
    which = 'A';
  else if (n == len_b && memcmp(file, text_b, n) == 0)
    which = 'B';
  else {
    snprintf(detail, size, "%zu bytes (A has %zu, B has %zu)", n, len_a, len_b);
    free(file);
    return '?';
  }
  memset(&e, 0, sizeof e);
  if (oi_ledger_load(pol, path, &l, &e) != OI_OK) {
    snprintf(detail, size, "it holds %c but does not load: %.200s", which, e.message);
    which = '?';
  } else if (oi_ledger_to_json(l, &again, &m, NULL) != OI_OK || m != n ||
             memcmp(again, file, n) != 0) {
    snprintf(detail, size, "it holds %c but loads as something else", which);
    which = '?';
  }
  oi_free(again);
  oi_ledger_free(l);
  free(file);
  return which;
}

/* The child: save A and B (or B and A) alternately until killed, writing a
 * byte to fd after each completed save. */
static void saver(const char *path, int fd, int b_first)
{
  const oi_ledger *first = b_first ? state_b : state_a;
  const oi_ledger *second = b_first ? state_a : state_b;

  for (;;) {
    ssize_t w;
    if (oi_ledger_save(first, path, NULL) != OI_OK)
      _exit(2);
    w = write(fd, b_first ? "B" : "A", 1);
    if (oi_ledger_save(second, path, NULL) != OI_OK)
      _exit(3);
    w = write(fd, b_first ? "A" : "B", 1);
    (void)w;
  }
}

/* The longest delay before a kill, in nanoseconds: three times a pair of
 * saves plus 2 ms for the fork (so kills land in the first save, the second,
 * and after), at most 20 ms to keep the test short when saves are fast, but
 * as long as it takes when they are slow (under valgrind or a sanitizer, a
 * pair can take longer than 20 ms), unless OI_CRASH_MAX_DELAY_US says
 * otherwise. */
static uint64_t max_delay_ns(const char *path, double *pair_seconds)
{
  const int rounds = 5;
  double t0 = now_seconds(), pair;
  uint64_t d;
  int i;

  for (i = 0; i < rounds; i++) {
    ck_assert_int_eq(oi_ledger_save(state_b, path, NULL), OI_OK);
    ck_assert_int_eq(oi_ledger_save(state_a, path, NULL), OI_OK);
  }
  pair = (now_seconds() - t0) / rounds;
  *pair_seconds = pair;
  d = (uint64_t)(3 * pair * 1e9) + 2000000;
  if (d > 20000000 && 3 * pair * 1e9 <= 20000000)
    d = 20000000;
  return env_u64("OI_CRASH_MAX_DELAY_US", d / 1000) * 1000;
}

/* ------------------------------------------------------------------------ */

START_TEST(test_sigkill_during_saves_leaves_a_or_b)
{
  const uint64_t seed = env_u64("OI_SEED", DEFAULT_SEED);
  const uint64_t iterations =
      env_u64("OI_CRASH_ITERATIONS", tu_long_run() ? LONG_ITERATIONS : DEFAULT_ITERATIONS);
  char path[600], detail[320] = "";
  struct rng g;
  uint64_t it, max_ns;
  size_t seen_a = 0, seen_b = 0, saves = 0, strays;
  double pair, t0 = now_seconds();
  char which = 'A', bad = 0;

  snprintf(path, sizeof path, "%s/ledger.json", dir);
  ck_assert_int_eq(oi_ledger_save(state_a, path, NULL), OI_OK);
  max_ns = max_delay_ns(path, &pair);
  ck_assert_int_eq(classify(path, detail, sizeof detail), 'A');
  g.s = seed ? seed : 1;

  /* If the random kills never landed after a completed save of B, more
   * kills follow at the longest delay (a bounded number), so that a short
   * run under valgrind still proves something. */
  for (it = 0; (it < iterations || (seen_b == 0 && it < 4 * iterations + 8)) && !bad; it++) {
    const uint64_t delay =
        it >= iterations ? max_ns : max_ns ? rng_next(&g) % (max_ns + 1) : 0;
    int fds[2], status = 0;
    char buf[256];
    ssize_t got;
    pid_t pid;

    ck_assert_int_eq(pipe(fds), 0);
    ck_assert_int_eq(fcntl(fds[1], F_SETFL, O_NONBLOCK), 0);
    pid = fork();
    ck_assert_msg(pid >= 0, "fork: %s", strerror(errno));
    if (pid == 0) {
      close(fds[0]);
      saver(path, fds[1], (int)(it & 1));
    }
    close(fds[1]);
    sleep_ns(delay);
    kill(pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
      continue;
    while ((got = read(fds[0], buf, sizeof buf)) > 0)
      saves += (size_t)got;
    close(fds[0]);
    ck_assert_msg(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL,
                  "iteration %llu: the saver ended by itself (status %d): a save failed",
                  (unsigned long long)it, status);

    which = classify(path, detail, sizeof detail);
    if (which == 'A')
      seen_a++;
    else if (which == 'B')
      seen_b++;
    else
      bad = which;
  }
  strays = count_temporaries("ledger.json");
  printf("check_crash: seed %llu, %llu kills (delay 0..%llu us; a pair of saves takes %.0f us): "
         "%zu left A, %zu left B; %zu saves completed; %zu temporary files left by killed "
         "savers; %.2f s\n",
         (unsigned long long)seed, (unsigned long long)it, (unsigned long long)(max_ns / 1000),
         pair * 1e6, seen_a, seen_b, saves, strays, now_seconds() - t0);
  fflush(stdout);
  ck_assert_msg(!bad,
                "after kill %llu (seed %llu) the file is %s: %s (left in %s)",
                (unsigned long long)it, (unsigned long long)seed,
                bad == '-' ? "gone" : "torn", detail, dir);
  /* Without completed saves the test proves nothing: the delays were too short. */
  ck_assert_msg(saves > 0 && seen_b > 0,
                "no kill landed after a completed save of B (%zu saves): raise "
                "OI_CRASH_MAX_DELAY_US",
                saves);

  /* The temporary files the killed savers left do not break the next save. */
  ck_assert_int_eq(oi_ledger_save(state_b, path, NULL), OI_OK);
  ck_assert_int_eq(classify(path, detail, sizeof detail), 'B');
  ck_assert_uint_eq(count_temporaries("ledger.json"), strays);
}
END_TEST

START_TEST(test_sigkill_during_the_first_save_leaves_nothing_or_a)
{
  const uint64_t seed = env_u64("OI_SEED", DEFAULT_SEED) + 1;
  const uint64_t iterations =
      (env_u64("OI_CRASH_ITERATIONS", tu_long_run() ? LONG_ITERATIONS : DEFAULT_ITERATIONS) +
       3) / 4;
  char probe[600], detail[320] = "";
  struct rng g;
  uint64_t it, max_ns;
  size_t none = 0, whole = 0;
  double pair, t0 = now_seconds();
  char bad = 0;

  snprintf(probe, sizeof probe, "%s/probe.json", dir);
  max_ns = max_delay_ns(probe, &pair) / 2;
  unlink(probe);
  g.s = seed;
  for (it = 0; it < iterations && !bad; it++) {
    const uint64_t delay = max_ns ? rng_next(&g) % (max_ns + 1) : 0;
    char path[600];
    int status = 0;
    pid_t pid;
    char which;

    snprintf(path, sizeof path, "%s/new-%03llu.json", dir, (unsigned long long)it);
    pid = fork();
    ck_assert_msg(pid >= 0, "fork: %s", strerror(errno));
    if (pid == 0) {
      if (oi_ledger_save(state_a, path, NULL) != OI_OK)
        _exit(2);
      for (;;)
        pause();
    }
    sleep_ns(delay);
    kill(pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
      continue;
    ck_assert_msg(WIFSIGNALED(status), "iteration %llu: the save failed",
                  (unsigned long long)it);
    which = classify(path, detail, sizeof detail);
    if (which == '-') {
      none++;
    } else if (which == 'A') {
      struct stat sb;
      whole++;
      ck_assert_int_eq(stat(path, &sb), 0);
      ck_assert_msg((sb.st_mode & 07777) == 0600, "a new file has mode %o",
                    (unsigned)(sb.st_mode & 07777));
    } else {
      bad = which;
    }
  }
  printf("check_crash: seed %llu, %llu kills during a first save: %zu left no file, %zu the "
         "whole file; %.2f s\n",
         (unsigned long long)seed, (unsigned long long)it, none, whole, now_seconds() - t0);
  fflush(stdout);
  ck_assert_msg(!bad, "after kill %llu the new file is torn: %s (left in %s)",
                (unsigned long long)it, detail, dir);
}
END_TEST

START_TEST(test_stray_temporary_files_do_not_break_a_save)
{
  /* Files and a directory with the names a killed saver leaves
   * (ledger.json.XXXXXX, including the literal template), one of them
   * unreadable: the save still works and touches none of them. */
  static const char *const strays[] = { "ledger.json.XXXXXX", "ledger.json.a1b2c3",
                                        "ledger.json.ZZZZZZ", "ledger.json.000000" };
  char path[600], p[700], detail[320];
  size_t i, n;
  char *content;

  snprintf(path, sizeof path, "%s/ledger.json", dir);
  for (i = 0; i < sizeof strays / sizeof strays[0]; i++) {
    FILE *f;
    snprintf(p, sizeof p, "%s/%s", dir, strays[i]);
    f = fopen(p, "wb");
    ck_assert_ptr_nonnull(f);
    fputs("{\"format\":\"officerinst-ledger\",\"vers", f); /* a torn snapshot */
    fclose(f);
  }
  snprintf(p, sizeof p, "%s/%s", dir, strays[3]);
  ck_assert_int_eq(chmod(p, 0), 0);
  snprintf(p, sizeof p, "%s/ledger.json.dirdir", dir);
  ck_assert_int_eq(mkdir(p, 0700), 0);

  for (i = 0; i < 10; i++) {
    ck_assert_int_eq(oi_ledger_save(i % 2 ? state_b : state_a, path, NULL), OI_OK);
    ck_assert_int_eq(classify(path, detail, sizeof detail), i % 2 ? 'B' : 'A');
  }
  for (i = 0; i < sizeof strays / sizeof strays[0]; i++) {
    snprintf(p, sizeof p, "%s/%s", dir, strays[i]);
    ck_assert_int_eq(chmod(p, 0600), 0);
    content = slurp(p, &n);
    ck_assert_ptr_nonnull(content);
    ck_assert_str_eq(content, "{\"format\":\"officerinst-ledger\",\"vers");
    free(content);
  }
  /* The four stray files and the directory are all still there; the saves
   * added nothing else. */
  ck_assert_uint_eq(count_temporaries("ledger.json"), 5);
}
END_TEST

static Suite *crash_suite(void)
{
  Suite *s = suite_create("crash");
  TCase *tc = tcase_create("crash");

  /* The kill loop runs in seconds; the timeout leaves room for slow disks. */
  tcase_set_timeout(tc, 300);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_sigkill_during_saves_leaves_a_or_b);
  tcase_add_test(tc, test_sigkill_during_the_first_save_leaves_nothing_or_a);
  tcase_add_test(tc, test_stray_temporary_files_do_not_break_a_save);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(crash_suite());
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
