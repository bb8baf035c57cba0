/* dossier-html-render.c — the article as plain text in paragraphs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-html-extract"

#include "config.h"

#include <string.h>

#include "dossier-html-private.h"

typedef struct
{
  GString  *out;
  GString  *para;
  gboolean  pending_space;
  gboolean  bullet;
} Renderer;

static void
flush_paragraph (Renderer *r)
{
  if (r->para->len > 0)
    {
      if (r->out->len > 0)
        g_string_append (r->out, "\n\n");
      if (r->bullet)
        g_string_append (r->out, "• ");
      r->bullet = FALSE;
      g_string_append_len (r->out, r->para->str, r->para->len);
      g_string_truncate (r->para, 0);
    }
  r->pending_space = FALSE;
}

static void
render_pre_text (Renderer   *r,
                 const char *text)
{
  const char *line = text;

  while (line != NULL && *line)
    {
      const char *nl = strchr (line, '\n');
      g_autofree char *piece = g_strndup (line, nl ? (gsize) (nl - line) : strlen (line));

      _dossier_html_append_collapsed (r->para, piece, &r->pending_space);
      if (nl == NULL)
        break;
      flush_paragraph (r);
      line = nl + 1;
    }
}

static void
leave_element (Renderer *r,
               xmlNode  *node,
               guint    *pre_depth)
{
  guint flags = _dossier_html_tag_flags (node);

  if (!_dossier_html_is_element (node) || (flags & TAG_SKIP_TEXT))
    return;
  if (_dossier_html_has_tag (node, "pre") && *pre_depth > 0)
    (*pre_depth)--;
  if (flags & TAG_BLOCK)
    flush_paragraph (r);
}

/* Plain text of the subtree at @root: blocks become paragraphs separated
 * by one blank line, white space collapsed inside them. */
char *
_dossier_html_render_text (xmlNode *root)
{
  Renderer r = { g_string_new (NULL), g_string_new (NULL), FALSE, FALSE };
  xmlNode *node;
  guint pre_depth = 0;

  node = root->children;
  while (node != NULL)
    {
      guint flags = _dossier_html_tag_flags (node);

      if (_dossier_html_is_text (node) && node->content != NULL)
        {
          if (pre_depth > 0)
            render_pre_text (&r, (const char *) node->content);
          else
            _dossier_html_append_collapsed (r.para, (const char *) node->content, &r.pending_space);
        }
      else if (_dossier_html_is_element (node) && !(flags & TAG_SKIP_TEXT))
        {
          if (_dossier_html_has_tag (node, "br") || (flags & TAG_BLOCK))
            flush_paragraph (&r);
          if (_dossier_html_has_tag (node, "li"))
            r.bullet = TRUE;
          if (_dossier_html_has_tag (node, "pre"))
            pre_depth++;
          else if (_dossier_html_has_tag (node, "td") || _dossier_html_has_tag (node, "th"))
            r.pending_space = TRUE;
          if (node->children != NULL)
            {
              node = node->children;
              continue;
            }
        }
      /* leave this node and every ancestor that has no next sibling */
      for (;;)
        {
          leave_element (&r, node, &pre_depth);
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
          if (node == NULL || node == root)
            {
              node = NULL;
              break;
            }
        }
    }
  flush_paragraph (&r);
  g_string_free (r.para, TRUE);
  return g_string_free (r.out, FALSE);
}
