/*
 * tests/check_files.c -- what saving and loading do to the file system
 * (json.h, "Saving"; doc/guarantees.md, "Files and limits").
 *
 * TCases:
 *  "save-targets"  a save replaces only a regular file: onto a FIFO, a
 *                  socket, a character or block device, or a symbolic link
 *                  to anything but a regular file, it is OI_EIO with a
 *                  message and the node is left exactly as it was, with
 *                  nothing beside it; modes: a new file is 0600, a replaced
 *                  file keeps only its 0777 bits (no set-user-id).
 *  "names"         a file name as long as the directory allows, and a path
 *                  as long as the system allows, save and load back.
 *  "load-sources"  a load opens only a regular file: a FIFO (even one with
 *                  no writer, which would block), a socket or a device is
 *                  OI_EIO at once.
 *
 * Every node is made here, in a fresh directory under $TMPDIR (or /tmp),
 * with mkfifo, bind and mknod; the machine's /dev is never touched. Device
 * nodes need root (CAP_MKNOD): without it those tests say so and pass.
 */
#define _XOPEN_SOURCE 700

#include "testutil.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/un.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/sysmacros.h>
#endif

static char dir[512];

static char *path_in(const char *name)
{
  size_t n = strlen(dir) + strlen(name) + 2;
  char *p = malloc(n);

  ck_assert_ptr_nonnull(p);
  snprintf(p, n, "%s/%s", dir, name);
  return p;
}

/* Remove a tree (the tests make at most a chain of directories). */
static void remove_tree(const char *path)
{
  struct stat sb;
  DIR *d;
  struct dirent *de;

  if (lstat(path, &sb) != 0)
    return;
  if (!S_ISDIR(sb.st_mode)) {
    unlink(path);
    return;
  }
  d = opendir(path);
  while (d != NULL && (de = readdir(d)) != NULL) {
    char *sub;
    size_t n;
    if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
      continue;
    n = strlen(path) + strlen(de->d_name) + 2;
    sub = malloc(n);
    ck_assert_ptr_nonnull(sub);
    snprintf(sub, n, "%s/%s", path, de->d_name);
    remove_tree(sub);
    free(sub);
  }
  if (d != NULL)
    closedir(d);
  rmdir(path);
}

static void setup(void)
{
  const char *tmp = getenv("TMPDIR");

  snprintf(dir, sizeof dir, "%s/oi-files-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  ck_assert_msg(mkdtemp(dir) != NULL, "mkdtemp(%s): %s", dir, strerror(errno));
}

static void teardown(void)
{
  remove_tree(dir);
}

/* How many entries the directory holds. */
static size_t entries(const char *d_path)
{
  DIR *d = opendir(d_path);
  struct dirent *de;
  size_t n = 0;

  ck_assert_ptr_nonnull(d);
  while ((de = readdir(d)) != NULL)
    n += strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0;
  closedir(d);
  return n;
}

static int same_node(const struct stat *a, const struct stat *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_mode == b->st_mode &&
         a->st_rdev == b->st_rdev && a->st_size == b->st_size && a->st_uid == b->st_uid;
}

/*
 * Saving a policy and a ledger onto path must fail with OI_EIO and a
 * message, and leave path (and what a link at path points to) exactly as
 * it was, with no other file in the directory than the `expected` ones.
 */
static void expect_save_refused(const char *path, const char *what, size_t expected)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l;
  struct stat before, before_target, after, after_target;
  int has_target = stat(path, &before_target) == 0;
  oi_error e;

  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  ck_assert_msg(lstat(path, &before) == 0, "lstat %s: %s", path, strerror(errno));
  memset(&e, 0, sizeof e);
  ck_assert_msg(oi_policy_save(p, path, &e) == OI_EIO && e.status == OI_EIO,
                "saving a policy onto %s: %s (%s)", what, oi_status_name(e.status), e.message);
  ck_assert_msg(e.message[0] != '\0', "saving onto %s: no message", what);
  memset(&e, 0, sizeof e);
  ck_assert_msg(oi_ledger_save(l, path, &e) == OI_EIO && e.status == OI_EIO,
                "saving a ledger onto %s: %s (%s)", what, oi_status_name(e.status), e.message);
  ck_assert_msg(e.message[0] != '\0', "saving onto %s: no message", what);
  ck_assert_msg(lstat(path, &after) == 0, "%s is gone after the save", what);
  ck_assert_msg(same_node(&before, &after), "%s was changed by the save (mode %o, now %o)", what,
                (unsigned)before.st_mode, (unsigned)after.st_mode);
  if (has_target) {
    ck_assert_int_eq(stat(path, &after_target), 0);
    ck_assert_msg(same_node(&before_target, &after_target), "what %s points to was changed",
                  what);
  }
  ck_assert_msg(entries(dir) == expected, "%zu entries beside %s, expected %zu", entries(dir),
                what, expected);
  oi_ledger_free(l);
  oi_policy_free(p);
}

/* Make a device node, or say why not and return 0. */
static int make_device(const char *path, mode_t type, unsigned maj, unsigned min)
{
  if (geteuid() != 0) {
    fprintf(stderr, "check_files: not root: the %s device test is skipped\n",
            type == S_IFCHR ? "character" : "block");
    return 0;
  }
  if (mknod(path, type | 0644, makedev(maj, min)) != 0) {
    fprintf(stderr, "check_files: mknod %s: %s: the %s device test is skipped\n", path,
            strerror(errno), type == S_IFCHR ? "character" : "block");
    return 0;
  }
  return 1;
}

/* Bind a Unix socket at path; the descriptor, or -1 (said why) when the
 * path is too long for a socket address. */
static int make_socket(const char *path)
{
  struct sockaddr_un a;
  int fd;

  if (strlen(path) >= sizeof a.sun_path) {
    fprintf(stderr, "check_files: %s is too long for a socket: the socket test is skipped\n",
            path);
    return -1;
  }
  memset(&a, 0, sizeof a);
  a.sun_family = AF_UNIX;
  strcpy(a.sun_path, path);
  fd = socket(AF_UNIX, SOCK_STREAM, 0);
  ck_assert_msg(fd >= 0, "socket: %s", strerror(errno));
  ck_assert_msg(bind(fd, (struct sockaddr *)&a, sizeof a) == 0, "bind %s: %s", path,
                strerror(errno));
  return fd;
}

/* ======================================================================== */
/* TCase "save-targets"                                                     */

START_TEST(test_saving_onto_a_fifo_is_eio_and_leaves_it)
{
  char *path = path_in("ledger.json");

  ck_assert_int_eq(mkfifo(path, 0644), 0);
  expect_save_refused(path, "a FIFO", 1);
  free(path);
}
END_TEST

START_TEST(test_saving_onto_a_socket_is_eio_and_leaves_it)
{
  char *path = path_in("ledger.json");
  int fd = make_socket(path);

  if (fd >= 0) {
    expect_save_refused(path, "a socket", 1);
    close(fd);
  }
  free(path);
}
END_TEST

START_TEST(test_saving_onto_a_character_device_is_eio_and_leaves_it)
{
  /* 1:3 is the null device's number; the node is ours, in our directory. */
  char *path = path_in("ledger.json");

  if (make_device(path, S_IFCHR, 1, 3))
    expect_save_refused(path, "a character device", 1);
  free(path);
}
END_TEST

START_TEST(test_saving_onto_a_block_device_is_eio_and_leaves_it)
{
  /* 7:0 is the first loop device's number; the node is never opened. */
  char *path = path_in("ledger.json");

  if (make_device(path, S_IFBLK, 7, 0))
    expect_save_refused(path, "a block device", 1);
  free(path);
}
END_TEST

START_TEST(test_saving_through_a_link_to_anything_but_a_file_is_eio)
{
  /* A link to a FIFO, to a directory, and to nothing: each is refused and
   * left as it is, and so is what it points to. */
  char *fifo = path_in("fifo"), *sub = path_in("sub"), *link = path_in("ledger.json");

  ck_assert_int_eq(mkfifo(fifo, 0600), 0);
  ck_assert_int_eq(mkdir(sub, 0700), 0);
  ck_assert_int_eq(symlink("fifo", link), 0);
  expect_save_refused(link, "a link to a FIFO", 3);
  ck_assert_int_eq(unlink(link), 0);
  ck_assert_int_eq(symlink("sub", link), 0);
  expect_save_refused(link, "a link to a directory", 3);
  ck_assert_msg(entries(sub) == 0, "something was written into the linked directory");
  ck_assert_int_eq(unlink(link), 0);
  ck_assert_int_eq(symlink("missing", link), 0);
  expect_save_refused(link, "a link to nothing", 3);
  free(fifo);
  free(sub);
  free(link);
}
END_TEST

START_TEST(test_saving_through_a_link_to_a_file_replaces_the_link)
{
  /* The documented behaviour: the link is replaced by the new file, which
   * takes the linked file's permission bits; the linked file is kept. */
  oi_policy *p = tu_builtin_2017(), *q = NULL;
  char *target = path_in("old.json"), *link = path_in("policy.json");
  struct stat sb;
  FILE *f = fopen(target, "w");

  ck_assert_ptr_nonnull(f);
  fputs("old", f);
  fclose(f);
  ck_assert_int_eq(chmod(target, 0640), 0);
  ck_assert_int_eq(symlink("old.json", link), 0);
  ck_assert_int_eq(oi_policy_save(p, link, NULL), OI_OK);
  ck_assert_int_eq(lstat(link, &sb), 0);
  ck_assert(S_ISREG(sb.st_mode));
  ck_assert_uint_eq(sb.st_mode & 07777, 0640);
  ck_assert_int_eq(stat(target, &sb), 0);
  ck_assert_int_eq((int)sb.st_size, 3);
  ck_assert_int_eq(oi_policy_load(link, &q, NULL), OI_OK);
  ck_assert_str_eq(oi_policy_digest(q), oi_policy_digest(p));
  ck_assert_uint_eq(entries(dir), 2);
  oi_policy_free(q);
  oi_policy_free(p);
  free(target);
  free(link);
}
END_TEST

START_TEST(test_a_replaced_file_keeps_only_its_0777_bits)
{
  /* A target with set-user-id (and, when we may set them, set-group-id
   * and sticky) bits: the new file has its 0777 bits and nothing more. */
  oi_ledger *l;
  oi_policy *p = tu_builtin_2017();
  char *path = path_in("ledger.json");
  const mode_t extra = geteuid() == 0 ? 07000 : 04000;
  struct stat sb;
  FILE *f = fopen(path, "w");

  ck_assert_ptr_nonnull(f);
  fclose(f);
  ck_assert_int_eq(chmod(path, extra | 0754), 0);
  ck_assert_int_eq(stat(path, &sb), 0);
  ck_assert_uint_eq(sb.st_mode & 07777, extra | 0754);
  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  ck_assert_int_eq(oi_ledger_save(l, path, NULL), OI_OK);
  ck_assert_int_eq(stat(path, &sb), 0);
  ck_assert_msg((sb.st_mode & 07777) == 0754, "the replaced file has mode %o, not 754",
                (unsigned)(sb.st_mode & 07777));
  oi_ledger_free(l);
  oi_policy_free(p);
  free(path);
}
END_TEST

START_TEST(test_a_new_file_is_0600_under_any_umask)
{
  oi_policy *p = tu_builtin_2017();
  char *path = path_in("policy.json");
  mode_t old = umask(0);
  struct stat sb;

  ck_assert_int_eq(oi_policy_save(p, path, NULL), OI_OK);
  umask(old);
  ck_assert_int_eq(stat(path, &sb), 0);
  ck_assert_uint_eq(sb.st_mode & 07777, 0600);
  oi_policy_free(p);
  free(path);
}
END_TEST

/* ======================================================================== */
/* TCase "names"                                                            */

/* Save a ledger of a few requests to path, load it back, and check that the
 * directory d holds only the file (no temporary file left). */
static void save_and_load(const char *path, const char *d)
{
  oi_policy *p = tu_builtin_2017();
  oi_ledger *l, *back = NULL;
  oi_subsidy_request r;
  oi_error e;

  ck_assert_int_eq(oi_ledger_new(p, &l, NULL), OI_OK);
  tu_default_request(&r);
  ck_assert_int_eq(oi_ledger_submit(l, &r, NULL, NULL), OI_OK);
  memset(&e, 0, sizeof e);
  ck_assert_msg(oi_ledger_save(l, path, &e) == OI_OK, "save (%zu bytes of path): %s",
                strlen(path), e.message);
  ck_assert_msg(oi_ledger_save(l, path, &e) == OI_OK, "second save: %s", e.message);
  ck_assert_msg(oi_ledger_load(p, path, &back, &e) == OI_OK, "load: %s", e.message);
  ck_assert_uint_eq(oi_ledger_count(back), 1);
  ck_assert_uint_eq(entries(d), 1);
  oi_ledger_free(back);
  oi_ledger_free(l);
  oi_policy_free(p);
}

START_TEST(test_a_name_as_long_as_the_directory_allows_saves)
{
  /* The temporary name must not be longer than the name itself. */
  long max = pathconf(dir, _PC_NAME_MAX);
  char *name, *path;

  ck_assert_msg(max > 0, "pathconf: %s", strerror(errno));
  if (max > 4096)
    max = 4096;
  name = malloc((size_t)max + 1);
  ck_assert_ptr_nonnull(name);
  tu_string_of(name, (size_t)max, 'n');
  path = path_in(name);
  save_and_load(path, dir);
  free(path);
  free(name);
}
END_TEST

START_TEST(test_a_path_as_long_as_the_system_allows_saves)
{
  /* A chain of directories with long names, then a file, so that the whole
   * path is PATH_MAX - 1 bytes: the longest a call accepts. */
#ifdef PATH_MAX
  const size_t total = PATH_MAX - 1;
#else
  const size_t total = 4095;
#endif
  long max = pathconf(dir, _PC_NAME_MAX);
  size_t comp, len;
  char *path = malloc(total + 1);

  ck_assert_ptr_nonnull(path);
  ck_assert_msg(max > 10, "pathconf: %s", strerror(errno));
  comp = (size_t)(max > 200 ? 200 : max);
  len = (size_t)snprintf(path, total + 1, "%s", dir);
  while (total - len - 1 > comp) {
    /* A directory, leaving room for '/' and at least one byte of name. */
    const size_t c = total - len - 3 < comp ? total - len - 3 : comp;
    path[len] = '/';
    tu_string_of(path + len + 1, c, 'd');
    len += 1 + c;
    ck_assert_msg(mkdir(path, 0700) == 0, "mkdir: %s", strerror(errno));
  }
  path[len] = '/';
  tu_string_of(path + len + 1, total - len - 1, 'f');
  ck_assert_uint_eq(strlen(path), total);
  path[len] = '\0';
  {
    char *d = strdup(path);
    path[len] = '/';
    save_and_load(path, d);
    free(d);
  }
  free(path);
}
END_TEST

/* ======================================================================== */
/* TCase "load-sources"                                                     */

static void expect_load_refused(const char *path, const char *what)
{
  oi_policy *p = tu_builtin_2017(), *pout = NULL;
  oi_ledger *lout = NULL;
  oi_error e;

  memset(&e, 0, sizeof e);
  ck_assert_msg(oi_policy_load(path, &pout, &e) == OI_EIO && e.status == OI_EIO,
                "loading a policy from %s: %s", what, e.message);
  ck_assert_msg(e.message[0] != '\0', "loading from %s: no message", what);
  ck_assert_ptr_null(pout);
  memset(&e, 0, sizeof e);
  ck_assert_msg(oi_ledger_load(p, path, &lout, &e) == OI_EIO && e.status == OI_EIO,
                "loading a ledger from %s: %s", what, e.message);
  ck_assert_ptr_null(lout);
  oi_policy_free(p);
}

START_TEST(test_loading_a_fifo_with_no_writer_is_eio_at_once)
{
  /* Opening it for reading the ordinary way would wait for a writer
   * forever (the test's timeout would end it). */
  char *fifo = path_in("ledger.json"), *link = path_in("link.json");

  ck_assert_int_eq(mkfifo(fifo, 0600), 0);
  ck_assert_int_eq(symlink("ledger.json", link), 0);
  expect_load_refused(fifo, "a FIFO");
  expect_load_refused(link, "a link to a FIFO");
  free(fifo);
  free(link);
}
END_TEST

START_TEST(test_loading_a_socket_or_a_device_is_eio)
{
  char *sock = path_in("sock"), *dev = path_in("dev");
  int fd = make_socket(sock);

  if (fd >= 0) {
    expect_load_refused(sock, "a socket");
    close(fd);
  }
  if (make_device(dev, S_IFCHR, 1, 3))
    expect_load_refused(dev, "a character device");
  free(sock);
  free(dev);
}
END_TEST

/* ======================================================================== */

static Suite *files_suite(void)
{
  Suite *s = suite_create("files");
  TCase *tc;

  tc = tcase_create("save-targets");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_saving_onto_a_fifo_is_eio_and_leaves_it);
  tcase_add_test(tc, test_saving_onto_a_socket_is_eio_and_leaves_it);
  tcase_add_test(tc, test_saving_onto_a_character_device_is_eio_and_leaves_it);
  tcase_add_test(tc, test_saving_onto_a_block_device_is_eio_and_leaves_it);
  tcase_add_test(tc, test_saving_through_a_link_to_anything_but_a_file_is_eio);
  tcase_add_test(tc, test_saving_through_a_link_to_a_file_replaces_the_link);
  tcase_add_test(tc, test_a_replaced_file_keeps_only_its_0777_bits);
  tcase_add_test(tc, test_a_new_file_is_0600_under_any_umask);
  suite_add_tcase(s, tc);

  tc = tcase_create("names");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_a_name_as_long_as_the_directory_allows_saves);
  tcase_add_test(tc, test_a_path_as_long_as_the_system_allows_saves);
  suite_add_tcase(s, tc);

  tc = tcase_create("load-sources");
  /* A load that blocks on the FIFO fails by this timeout. */
  tcase_set_timeout(tc, 3);
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_loading_a_fifo_with_no_writer_is_eio_at_once);
  tcase_add_test(tc, test_loading_a_socket_or_a_device_is_eio);
  suite_add_tcase(s, tc);
  return s;
}

int main(void)
{
  SRunner *sr = srunner_create(files_suite());
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
