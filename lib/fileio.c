/*
 * Whole-file reads and atomic replacement (POSIX).
 *
 * Both ends refuse anything that is not a regular file before touching it:
 * opening a FIFO blocks until a writer comes, opening a device can have
 * side effects, and renaming a new file over a device node or a socket
 * would put a file of personal data where the node was, with the node's
 * permissions.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "error_private.h"

/* "a FIFO", for messages. */
static const char *kind_of(mode_t mode)
{
  if (S_ISDIR(mode))
    return "a directory";
  if (S_ISCHR(mode))
    return "a character device";
  if (S_ISBLK(mode))
    return "a block device";
  if (S_ISFIFO(mode))
    return "a FIFO";
  if (S_ISSOCK(mode))
    return "a socket";
  if (S_ISLNK(mode))
    return "a symbolic link";
  return "not a regular file";
}

oi_status oip_read_file(const char *path, size_t max, char **data, size_t *length,
                        oi_error *err)
{
  struct stat sb;
  size_t size, got = 0;
  char *buf;
  int fd, e;

  /* Looked at before it is opened, so that a device is never opened; the
   * descriptor is checked again below, since the path may change between. */
  if (stat(path, &sb) != 0)
    return oip_fail(err, OI_EIO, NULL, "path", "cannot open \"%.100s\": %s", path,
                    strerror(errno));
  if (!S_ISREG(sb.st_mode))
    return oip_fail(err, OI_EIO, NULL, "path", "\"%.100s\" is %s, not a regular file", path,
                    kind_of(sb.st_mode));
  /* O_NONBLOCK: should a FIFO take the file's place meanwhile, opening it
   * returns at once (and fstat refuses it) instead of waiting for a writer.
   * It changes nothing for a regular file. */
  fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return oip_fail(err, OI_EIO, NULL, "path", "cannot open \"%.100s\": %s", path,
                    strerror(errno));
  if (fstat(fd, &sb) != 0) {
    e = errno;
    close(fd);
    return oip_fail(err, OI_EIO, NULL, "path", "cannot examine \"%.100s\": %s", path,
                    strerror(e));
  }
  if (!S_ISREG(sb.st_mode)) {
    close(fd);
    return oip_fail(err, OI_EIO, NULL, "path", "\"%.100s\" is %s, not a regular file", path,
                    kind_of(sb.st_mode));
  }
  if ((unsigned long long)sb.st_size > (unsigned long long)max) {
    close(fd);
    return oip_fail(err, OI_ELIMIT, NULL, "path",
                    "\"%.100s\" has %lld bytes; at most %zu are accepted", path,
                    (long long)sb.st_size, max);
  }
  size = (size_t)sb.st_size;
  buf = malloc(size + 1);
  if (buf == NULL) {
    close(fd);
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory reading \"%.100s\"", path);
  }
  while (got < size) {
    ssize_t n = read(fd, buf + got, size - got);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0) {
      e = n < 0 ? errno : 0;
      free(buf);
      close(fd);
      return oip_fail(err, OI_EIO, NULL, "path", "cannot read \"%.100s\": %s", path,
                      e ? strerror(e) : "the file shrank while being read");
    }
    got += (size_t)n;
  }
  close(fd);
  buf[size] = '\0';
  *data = buf;
  *length = size;
  return OI_OK;
}

static int write_all(int fd, const char *data, size_t length)
{
  while (length > 0) {
    ssize_t n = write(fd, data, length);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return -1;
    data += n;
    length -= (size_t)n;
  }
  return 0;
}

/*
 * May name (in the directory dfd) be replaced? Only if it does not exist,
 * is a regular file, or is a symbolic link to a regular file. *mode gets
 * the permission bits of an existing file, *exists whether there is one.
 */
static oi_status check_target(int dfd, const char *name, const char *path, mode_t *mode,
                              int *exists, oi_error *err)
{
  struct stat sb;

  *exists = 0;
  if (fstatat(dfd, name, &sb, AT_SYMLINK_NOFOLLOW) != 0) {
    if (errno == ENOENT)
      return OI_OK;
    return oip_fail(err, OI_EIO, NULL, "path", "cannot examine \"%.100s\": %s", path,
                    strerror(errno));
  }
  if (S_ISLNK(sb.st_mode)) {
    if (fstatat(dfd, name, &sb, 0) != 0)
      return oip_fail(err, OI_EIO, NULL, "path",
                      "\"%.100s\" is a symbolic link to nothing that can be read (%s); it is "
                      "left as it is",
                      path, strerror(errno));
    if (!S_ISREG(sb.st_mode))
      return oip_fail(err, OI_EIO, NULL, "path",
                      "\"%.100s\" is a symbolic link to %s, not to a regular file; it is left "
                      "as it is",
                      path, kind_of(sb.st_mode));
  } else if (!S_ISREG(sb.st_mode)) {
    return oip_fail(err, OI_EIO, NULL, "path",
                    "\"%.100s\" is %s, not a regular file; it is left as it is", path,
                    kind_of(sb.st_mode));
  }
  /* Only the permission bits: set-user-id, set-group-id and sticky bits
   * are not for a data file, least of all one its saver now owns. */
  *mode = sb.st_mode & 0777;
  *exists = 1;
  return OI_OK;
}

/* A temporary name beside name: "name.XXXXXX", with name shortened when
 * the whole would be longer than the directory allows (name_max). */
static void temp_name(char *tmp, const char *name, size_t name_max, uint64_t seed)
{
  static const char digits[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  size_t n = strlen(name), i;

  if (n + 7 > name_max)
    n = name_max - 7;
  memcpy(tmp, name, n);
  tmp[n] = '.';
  /* splitmix64: six well-mixed characters from the seed. */
  seed += UINT64_C(0x9e3779b97f4a7c15);
  seed = (seed ^ (seed >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
  seed = (seed ^ (seed >> 27)) * UINT64_C(0x94d049bb133111eb);
  seed ^= seed >> 31;
  for (i = 0; i < 6; i++, seed /= 62)
    tmp[n + 1 + i] = digits[seed % 62];
  tmp[n + 7] = '\0';
}

/*
 * Create a new file, mode 0600, under a fresh name beside name in dfd.
 * O_EXCL and O_NOFOLLOW: nothing that already exists there, a file a killed
 * writer left or a link someone planted, is ever opened.
 */
static int create_temp(int dfd, const char *name, size_t name_max, char *tmp)
{
  uint64_t seed = (uint64_t)getpid() << 32 ^ (uint64_t)(uintptr_t)tmp;
  int attempt, fd = -1;

  for (attempt = 0; attempt < 1000 && fd < 0; attempt++) {
    temp_name(tmp, name, name_max, seed + (uint64_t)attempt);
    fd = openat(dfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
      break;
  }
  return fd;
}

oi_status oip_write_file_atomic(const char *path, const char *data, size_t length,
                                oi_error *err)
{
  const char *slash = strrchr(path, '/');
  const char *name = slash != NULL ? slash + 1 : path;
  const size_t n = strlen(path);
  char *dir, *tmp;
  long name_max;
  mode_t mode = 0600;
  int fd, dfd, exists, e;
  oi_status st;

  if (n == 0 || path[n - 1] == '/')
    return oip_fail(err, OI_EINVAL, NULL, "path", "\"%.100s\" names no file", path);
  dir = malloc(n + 2);
  if (dir == NULL)
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory saving \"%.100s\"", path);
  if (slash == NULL) {
    strcpy(dir, ".");
  } else if (slash == path) {
    strcpy(dir, "/");
  } else {
    memcpy(dir, path, (size_t)(slash - path));
    dir[slash - path] = '\0';
  }
  /* Everything below is relative to the directory, held open: the
   * temporary name is never longer than the system allows for a path, and
   * the rename stays within one file system, which is what makes it
   * atomic. */
  dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  e = errno;
  free(dir);
  if (dfd < 0)
    return oip_fail(err, OI_EIO, NULL, "path", "cannot open the directory of \"%.100s\": %s",
                    path, strerror(e));
  name_max = fpathconf(dfd, _PC_NAME_MAX);
  if (name_max < 14)
    name_max = name_max < 0 ? 255 : 14;
  st = check_target(dfd, name, path, &mode, &exists, err);
  tmp = st == OI_OK ? malloc((size_t)name_max + 1) : NULL;
  if (st == OI_OK && tmp == NULL)
    st = oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory saving \"%.100s\"", path);
  if (st != OI_OK) {
    close(dfd);
    return st;
  }

  fd = create_temp(dfd, name, (size_t)name_max, tmp);
  if (fd < 0) {
    e = errno;
    close(dfd);
    free(tmp);
    return oip_fail(err, OI_EIO, NULL, "path", "cannot create a file beside \"%.100s\": %s",
                    path, strerror(e));
  }
  /* A new file stays 0600 (snapshots name people); a replaced file keeps
   * its permission bits. */
  if ((exists && fchmod(fd, mode) != 0) || write_all(fd, data, length) != 0 || fsync(fd) != 0) {
    e = errno;
    close(fd);
    unlinkat(dfd, tmp, 0);
    close(dfd);
    free(tmp);
    return oip_fail(err, OI_EIO, NULL, "path", "cannot write \"%.100s\": %s", path,
                    strerror(e));
  }
  /* Looked at again just before the rename: the writing may have taken a
   * while, and the target must still be something that may be replaced. */
  e = close(fd) != 0 ? errno : 0;
  if (e == 0) {
    mode_t now;
    int still;
    st = check_target(dfd, name, path, &now, &still, err);
    if (st == OI_OK && renameat(dfd, tmp, dfd, name) != 0)
      e = errno;
  }
  if (st != OI_OK || e != 0) {
    unlinkat(dfd, tmp, 0);
    close(dfd);
    free(tmp);
    return st != OI_OK ? st
                       : oip_fail(err, OI_EIO, NULL, "path", "cannot replace \"%.100s\": %s",
                                  path, strerror(e));
  }
  free(tmp);
  /* The rename is durable only once the directory entry is. */
  e = fsync(dfd) != 0 && errno != EINVAL ? errno : 0;
  close(dfd);
  if (e != 0)
    return oip_fail(err, OI_EIO, NULL, "path",
                    "saved \"%.100s\" but could not sync its directory: %s", path, strerror(e));
  return OI_OK;
}
