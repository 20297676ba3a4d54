/*
 * Whole-file reads and atomic replacement (POSIX).
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fileio.h"
#include "error_private.h"

oi_status oip_read_file(const char *path, size_t max, char **data, size_t *length,
                        oi_error *err)
{
  struct stat sb;
  size_t size, got = 0;
  char *buf;
  int fd, e;

  fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return oip_fail(err, OI_EIO, NULL, "path", "cannot open \"%.100s\": %s", path,
                    strerror(errno));
  if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
    e = errno;
    close(fd);
    return oip_fail(err, OI_EIO, NULL, "path", "\"%.100s\" is not a readable file%s%s", path,
                    e ? ": " : "", e ? strerror(e) : "");
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

oi_status oip_write_file_atomic(const char *path, const char *data, size_t length,
                                oi_error *err)
{
  const char *slash = strrchr(path, '/');
  size_t n = strlen(path);
  char *tmp, *dir;
  struct stat sb;
  int fd, dfd, e;

  if (n == 0 || path[n - 1] == '/')
    return oip_fail(err, OI_EINVAL, NULL, "path", "\"%.100s\" names no file", path);
  tmp = malloc(n + 8);
  dir = malloc(n + 2);
  if (tmp == NULL || dir == NULL) {
    free(tmp);
    free(dir);
    return oip_fail(err, OI_ENOMEM, NULL, NULL, "out of memory saving \"%.100s\"", path);
  }
  /* The temporary file lives beside the target so the rename stays within
   * one file system, which is what makes it atomic. */
  memcpy(tmp, path, n);
  memcpy(tmp + n, ".XXXXXX", 8);
  if (slash == NULL) {
    strcpy(dir, ".");
  } else if (slash == path) {
    strcpy(dir, "/");
  } else {
    memcpy(dir, path, (size_t)(slash - path));
    dir[slash - path] = '\0';
  }

  fd = mkstemp(tmp);
  if (fd < 0) {
    e = errno;
    free(tmp);
    free(dir);
    return oip_fail(err, OI_EIO, NULL, "path", "cannot create a file beside \"%.100s\": %s",
                    path, strerror(e));
  }
  /* mkstemp makes the file 0600; a replaced file keeps its own mode. */
  if (stat(path, &sb) == 0)
    (void)fchmod(fd, sb.st_mode & 07777);
  if (write_all(fd, data, length) != 0 || fsync(fd) != 0) {
    e = errno;
    close(fd);
    unlink(tmp);
    free(tmp);
    free(dir);
    return oip_fail(err, OI_EIO, NULL, "path", "cannot write \"%.100s\": %s", path,
                    strerror(e));
  }
  if (close(fd) != 0 || rename(tmp, path) != 0) {
    e = errno;
    unlink(tmp);
    free(tmp);
    free(dir);
    return oip_fail(err, OI_EIO, NULL, "path", "cannot replace \"%.100s\": %s", path,
                    strerror(e));
  }
  /* The rename is durable only once the directory entry is. */
  dfd = open(dir, O_RDONLY | O_CLOEXEC);
  if (dfd >= 0) {
    e = fsync(dfd) != 0 && errno != EINVAL ? errno : 0;
    close(dfd);
  } else {
    e = errno;
  }
  free(tmp);
  free(dir);
  if (e != 0)
    return oip_fail(err, OI_EIO, NULL, "path",
                    "saved \"%.100s\" but could not sync its directory: %s", path, strerror(e));
  return OI_OK;
}
