/*
 * Private: reading a whole file with a size limit, and replacing a file
 * atomically. Not installed.
 */
#ifndef OFFICERINST_FILEIO_H
#define OFFICERINST_FILEIO_H

#include <stddef.h>
#include "officerinst/error.h"

/* Read path into a new NUL-terminated buffer (caller frees) of *length bytes.
 * Anything but a regular file (or a symbolic link to one) is OI_EIO and is
 * never opened, so reading never blocks; a file over max bytes is OI_ELIMIT. */
oi_status oip_read_file(const char *path, size_t max, char **data, size_t *length,
                        oi_error *err);

/*
 * Replace path with data, atomically: write a temporary file in the same
 * directory, flush and fsync it, rename it over path, fsync the directory.
 * A crash at any point leaves the old file or the new one. A path that
 * exists and is not a regular file or a symbolic link to one (a directory,
 * a device, a FIFO, a socket, a dangling link) is OI_EIO and is left as it
 * is. A new file is 0600; a replaced one keeps its 0777 bits, no more.
 */
oi_status oip_write_file_atomic(const char *path, const char *data, size_t length,
                                oi_error *err);

#endif
