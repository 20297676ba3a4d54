/*
 * Private: reading a whole file with a size limit, and replacing a file
 * atomically. Not installed.
 */
#ifndef OFFICERINST_FILEIO_H
#define OFFICERINST_FILEIO_H

#include <stddef.h>
#include "officerinst/error.h"

/* Read path into a new NUL-terminated buffer (caller frees) of *length bytes;
 * a file over max bytes is OI_ELIMIT. */
oi_status oip_read_file(const char *path, size_t max, char **data, size_t *length,
                        oi_error *err);

/*
 * Replace path with data, atomically: write a temporary file in the same
 * directory, flush and fsync it, rename it over path, fsync the directory.
 * A crash at any point leaves the old file or the new one.
 */
oi_status oip_write_file_atomic(const char *path, const char *data, size_t length,
                                oi_error *err);

#endif
