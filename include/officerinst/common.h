/**
 * @file officerinst/common.h
 * @brief Export macro, limits and small shared definitions.
 *
 * Every other public header includes this one; programs include the
 * umbrella header <officerinst.h> instead.
 */
#ifndef OFFICERINST_COMMON_H
#define OFFICERINST_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** @defgroup oi_common Common definitions
 *  @{ */

/* The library is built with -fvisibility=hidden; only declarations marked
 * OI_EXTERN are part of the ABI. */
#if defined(OI_BUILDING_LIBRARY) && (defined(__GNUC__) || defined(__clang__))
#  define OI_EXTERN __attribute__((visibility("default")))
#else
#  define OI_EXTERN
#endif

/** Longest identifier (session, course, officer, request, policy), in bytes,
 *  not counting the terminating NUL.
 *
 *  Every function taking an id reads at most ::OI_ID_MAX + 1 bytes of it
 *  (and of a name, ::OI_NAME_MAX + 1), so a caller's buffer need not be
 *  terminated past that: a longer id is ::OI_EINVAL naming the field
 *  ("request.id is longer than 63 bytes"), never a read past the limit.
 *
 *  Ids and names are printable text: a control character anywhere in one
 *  (U+0000..U+001F such as a newline or a tab, U+007F, or U+0080..U+009F
 *  encoded in UTF-8) is ::OI_EINVAL naming the field, wherever the string is
 *  given (requests, applications, policies, look-ups). Other bytes are taken
 *  as they are: the library does not check that text is UTF-8. */
#define OI_ID_MAX 63
/** Longest name (local, officer, place, hotel, site), in bytes, not counting
 *  the terminating NUL. Read and checked as ids are (see ::OI_ID_MAX). */
#define OI_NAME_MAX 127

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* OFFICERINST_COMMON_H */
