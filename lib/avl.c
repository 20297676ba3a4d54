/*
 * An intrusive AVL tree: O(log n) insert, remove and minimum, in-order
 * iteration. Used for the ledger's receipt-ordered waitlists and awards.
 */
#include "avl.h"

static int height(const struct oip_avl *n)
{
  return n != NULL ? n->height : 0;
}

static void update(struct oip_avl *n)
{
  const int l = height(n->left), r = height(n->right);
  n->height = (l > r ? l : r) + 1;
}

static struct oip_avl *rotate_right(struct oip_avl *n)
{
  struct oip_avl *l = n->left;

  n->left = l->right;
  l->right = n;
  update(n);
  update(l);
  return l;
}

static struct oip_avl *rotate_left(struct oip_avl *n)
{
  struct oip_avl *r = n->right;

  n->right = r->left;
  r->left = n;
  update(n);
  update(r);
  return r;
}

static struct oip_avl *balance(struct oip_avl *n)
{
  const int b = height(n->left) - height(n->right);

  update(n);
  if (b > 1) {
    if (height(n->left->left) < height(n->left->right))
      n->left = rotate_left(n->left);
    return rotate_right(n);
  }
  if (b < -1) {
    if (height(n->right->right) < height(n->right->left))
      n->right = rotate_right(n->right);
    return rotate_left(n);
  }
  return n;
}

struct oip_avl *oip_avl_insert(struct oip_avl *root, struct oip_avl *node, oip_avl_cmp cmp)
{
  if (root == NULL) {
    node->left = node->right = NULL;
    node->height = 1;
    return node;
  }
  if (cmp(node, root) < 0)
    root->left = oip_avl_insert(root->left, node, cmp);
  else
    root->right = oip_avl_insert(root->right, node, cmp);
  return balance(root);
}

/* Detach the least node of a subtree into *min; returns the subtree's root. */
static struct oip_avl *remove_min(struct oip_avl *root, struct oip_avl **min)
{
  if (root->left == NULL) {
    *min = root;
    return root->right;
  }
  root->left = remove_min(root->left, min);
  return balance(root);
}

struct oip_avl *oip_avl_remove(struct oip_avl *root, struct oip_avl *node, oip_avl_cmp cmp)
{
  int c;

  if (root == NULL)
    return NULL;
  c = root == node ? 0 : cmp(node, root);
  if (c < 0) {
    root->left = oip_avl_remove(root->left, node, cmp);
  } else if (c > 0) {
    root->right = oip_avl_remove(root->right, node, cmp);
  } else {
    struct oip_avl *min;

    if (root->right == NULL)
      return root->left;
    root->right = remove_min(root->right, &min);
    min->left = root->left;
    min->right = root->right;
    return balance(min);
  }
  return balance(root);
}

struct oip_avl *oip_avl_first(struct oip_avl *root)
{
  if (root == NULL)
    return NULL;
  while (root->left != NULL)
    root = root->left;
  return root;
}

static void push_left(struct oip_avl_iter *it, struct oip_avl *n)
{
  while (n != NULL) {
    it->stack[it->depth++] = n;
    n = n->left;
  }
}

void oip_avl_iter_init(struct oip_avl_iter *it, struct oip_avl *root)
{
  it->depth = 0;
  push_left(it, root);
}

struct oip_avl *oip_avl_iter_next(struct oip_avl_iter *it)
{
  struct oip_avl *n;

  if (it->depth == 0)
    return NULL;
  n = it->stack[--it->depth];
  push_left(it, n->right);
  return n;
}
