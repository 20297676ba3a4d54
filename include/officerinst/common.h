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
 *  not counting the terminating NUL. */
#define OI_ID_MAX 63
/** Longest name (local, officer, place, hotel, site), in bytes, not counting
 *  the terminating NUL. */
#define OI_NAME_MAX 127

/** @} */

#ifdef __cplusplus
}
#endif

#endif /* OFFICERINST_COMMON_H */
