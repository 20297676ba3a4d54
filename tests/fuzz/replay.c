/*
 * tests/fuzz/replay.c -- main() for a fuzz harness built as a plain program
 * (any compiler, no libFuzzer): tests/fuzz/replay_policy,
 * tests/fuzz/replay_snapshot, tests/fuzz/replay_ledger and
 * tests/fuzz/replay_requests in `make check`.
 *
 *   replay_NAME FILE-OR-DIRECTORY...   run the harness once on each file
 *   replay_NAME                        run it on every file of
 *                                        $top_srcdir/tests/fuzz/regressions/NAME
 *                                        $top_srcdir/tests/fuzz/corpus/NAME
 *
 * NAME is fixed at compile time (-DOI_FUZZ_NAME="ledger"). Files whose name
 * starts with '.' or "README" are skipped. A broken guarantee aborts in the
 * harness, so the test fails with the input's name printed just before. The
 * exit status is 0 when every input ran, 1 when a file could not be read or
 * no input was found at all (a replay that runs nothing proves nothing).
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>

#include "fuzz.h"

#ifndef OI_FUZZ_NAME
#  error "compile with -DOI_FUZZ_NAME=\"name\""
#endif

static int cmp_names(const void *a, const void *b)
{
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_file(const char *path)
{
  FILE *f = fopen(path, "rb");
  unsigned char *data = NULL;
  size_t size = 0, cap = 0, n;

  if (f == NULL) {
    fprintf(stderr, "replay_%s: cannot open %s: %s\n", OI_FUZZ_NAME, path, strerror(errno));
    return -1;
  }
  for (;;) {
    if (size == cap) {
      unsigned char *p;
      cap = cap ? 2 * cap : 65536;
      p = realloc(data, cap);
      if (p == NULL) {
        fprintf(stderr, "replay_%s: out of memory reading %s\n", OI_FUZZ_NAME, path);
        free(data);
        fclose(f);
        return -1;
      }
      data = p;
    }
    n = fread(data + size, 1, cap - size, f);
    size += n;
    if (n == 0)
      break;
  }
  if (ferror(f)) {
    fprintf(stderr, "replay_%s: cannot read %s\n", OI_FUZZ_NAME, path);
    free(data);
    fclose(f);
    return -1;
  }
  fclose(f);
  printf("replay_%s: %s (%zu bytes)\n", OI_FUZZ_NAME, path, size);
  fflush(stdout);
  /* A copy of exactly the input's size, so that ASan or valgrind catch a
   * read past its end. */
  {
    unsigned char *exact = malloc(size > 0 ? size : 1);
    if (exact == NULL) {
      free(data);
      return -1;
    }
    if (size > 0)
      memcpy(exact, data, size);
    free(data);
    LLVMFuzzerTestOneInput(exact, size);
    free(exact);
  }
  return 1;
}

/* Run every file of a directory, in name order; return how many ran, or -1. */
static int run_dir(const char *dir)
{
  DIR *d = opendir(dir);
  struct dirent *e;
  char **names = NULL;
  size_t count = 0, cap = 0, i;
  int ran = 0;

  if (d == NULL)
    return errno == ENOENT ? 0 : -1;
  while ((e = readdir(d)) != NULL) {
    if (e->d_name[0] == '.' || strncmp(e->d_name, "README", 6) == 0)
      continue;
    if (count == cap) {
      char **p;
      cap = cap ? 2 * cap : 64;
      p = realloc(names, cap * sizeof *names);
      if (p == NULL)
        break;
      names = p;
    }
    names[count] = malloc(strlen(dir) + strlen(e->d_name) + 2);
    if (names[count] == NULL)
      break;
    sprintf(names[count], "%s/%s", dir, e->d_name);
    count++;
  }
  closedir(d);
  if (count > 0)
    qsort(names, count, sizeof *names, cmp_names);
  for (i = 0; i < count; i++) {
    struct stat sb;
    if (ran >= 0 && stat(names[i], &sb) == 0 && S_ISREG(sb.st_mode)) {
      int r = run_file(names[i]);
      ran = r < 0 ? -1 : ran + r;
    }
    free(names[i]);
  }
  free(names);
  return ran;
}

static int run_path(const char *path)
{
  struct stat sb;

  if (stat(path, &sb) != 0) {
    fprintf(stderr, "replay_%s: %s: %s\n", OI_FUZZ_NAME, path, strerror(errno));
    return -1;
  }
  return S_ISDIR(sb.st_mode) ? run_dir(path) : run_file(path);
}

int main(int argc, char **argv)
{
  int total = 0, i, r;

  if (argc > 1) {
    for (i = 1; i < argc; i++) {
      r = run_path(argv[i]);
      if (r < 0)
        return 1;
      total += r;
    }
  } else {
    static const char *const kinds[] = { "regressions", "corpus" };
    const char *top = getenv("top_srcdir");
    size_t k;

    if (top == NULL || top[0] == '\0')
      top = ".";
    for (k = 0; k < 2; k++) {
      char dir[4096];
      snprintf(dir, sizeof dir, "%s/tests/fuzz/%s/%s", top, kinds[k], OI_FUZZ_NAME);
      r = run_dir(dir);
      if (r < 0) {
        fprintf(stderr, "replay_%s: cannot read %s\n", OI_FUZZ_NAME, dir);
        return 1;
      }
      printf("replay_%s: %d inputs from %s\n", OI_FUZZ_NAME, r, dir);
      total += r;
    }
  }
  printf("replay_%s: %d inputs replayed, every guarantee held\n", OI_FUZZ_NAME, total);
  if (total == 0) {
    fprintf(stderr, "replay_%s: no input found\n", OI_FUZZ_NAME);
    return 1;
  }
  return 0;
}
