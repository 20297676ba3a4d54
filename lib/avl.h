/*
 * Private: an intrusive AVL tree. The caller embeds a node in its structure
 * and supplies a total order; no allocation happens here. Not installed.
 */
#ifndef OFFICERINST_AVL_H
#define OFFICERINST_AVL_H

#include <stddef.h>

struct oip_avl {
  struct oip_avl *left;
  struct oip_avl *right;
  int height;
};

/* A strict total order: negative, zero (same node) or positive. */
typedef int (*oip_avl_cmp)(const struct oip_avl *a, const struct oip_avl *b);

/* Insert node (not already in the tree); returns the new root. */
struct oip_avl *oip_avl_insert(struct oip_avl *root, struct oip_avl *node, oip_avl_cmp cmp);

/* Remove node (which must be in the tree); returns the new root. */
struct oip_avl *oip_avl_remove(struct oip_avl *root, struct oip_avl *node, oip_avl_cmp cmp);

/* The least node, or NULL for an empty tree. */
struct oip_avl *oip_avl_first(struct oip_avl *root);

/* In-order iteration with an explicit stack: an AVL tree of 2^63 nodes is
 * less than 92 levels deep. */
struct oip_avl_iter {
  struct oip_avl *stack[96];
  int depth;
};

void oip_avl_iter_init(struct oip_avl_iter *it, struct oip_avl *root);
struct oip_avl *oip_avl_iter_next(struct oip_avl_iter *it);

#endif
