/* dossier-html-clean.c — the article found is cleaned of forms, share
 * widgets, link lists, ads and other boilerplate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-html-extract"

#include "config.h"

#include <string.h>

#include "dossier-html-private.h"

/* "share" or "sharedaddy" as a word (separated by non-word characters or
 * underscores). */
static gboolean
matches_share (const char *lower)
{
  const char *p = lower;

  while ((p = strstr (p, "share")) != NULL)
    {
      const char *end = p + 5;
      gboolean start_ok = p == lower || !g_ascii_isalnum (p[-1]);

      if (g_str_has_prefix (end, "daddy"))
        {
          if (start_ok && !g_ascii_isalnum (end[5]))
            return TRUE;
        }
      if (start_ok && !g_ascii_isalnum (*end))
        return TRUE;
      p = end;
    }
  return FALSE;
}

static double
text_density (xmlNode    *root,
              guint       flags_mask)
{
  gsize text_len = _dossier_html_inner_text_length (root, NULL);
  gsize children_len = 0;
  xmlNode *node;

  if (text_len == 0)
    return 0;
  for (node = root->children; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    if (_dossier_html_tag_flags (node) & flags_mask)
      children_len += _dossier_html_inner_text_length (node, NULL);
  return (double) children_len / (double) text_len;
}

static double
heading_density (xmlNode *root)
{
  return text_density (root, TAG_HEADING);
}

/* Data tables */

static void
mark_data_tables (DossierHtmlContext *ctx,
                  xmlNode            *root)
{
  g_autoptr(GPtrArray) tables = _dossier_html_collect_tags (root, "table");
  guint i;

  for (i = 0; i < tables->len; i++)
    {
      xmlNode *table = tables->pdata[i];
      DossierHtmlNodeInfo *info = _dossier_html_node_info (table);
      const char *role = _dossier_html_get_attr (table, "role");
      const char *datatable = _dossier_html_get_attr (table, "datatable");
      const char *summary = _dossier_html_get_attr (table, "summary");
      xmlNode *node;
      xmlNode *caption;
      gboolean is_data = FALSE, decided = FALSE;
      guint rows = 0, columns = 0;

      if (info == NULL)
        {
          info = g_new0 (DossierHtmlNodeInfo, 1);
          info->score = G_MAXDOUBLE;   /* not a candidate */
          g_ptr_array_add (ctx->infos, info);
          table->_private = info;
        }
      if (role != NULL && strcmp (role, "presentation") == 0)
        decided = TRUE;
      else if (datatable != NULL && strcmp (datatable, "0") == 0)
        decided = TRUE;
      else if (summary != NULL && *summary)
        decided = is_data = TRUE;
      else if ((caption = _dossier_html_find_first_tag (table, "caption")) != NULL
               && caption->children != NULL)
        decided = is_data = TRUE;
      if (!decided)
        {
          for (node = table->children; node != NULL;
               node = _dossier_html_next_in_subtree (node, table, FALSE))
            {
              if (_dossier_html_has_tag (node, "col") || _dossier_html_has_tag (node, "colgroup")
                  || _dossier_html_has_tag (node, "tfoot") || _dossier_html_has_tag (node, "thead")
                  || _dossier_html_has_tag (node, "th"))
                {
                  decided = is_data = TRUE;
                  break;
                }
              if (_dossier_html_has_tag (node, "table"))
                {
                  decided = TRUE;
                  break;
                }
            }
        }
      if (!decided)
        {
          for (node = table->children; node != NULL;
               node = _dossier_html_next_in_subtree (node, table, FALSE))
            {
              if (_dossier_html_has_tag (node, "tr"))
                {
                  xmlNode *cell;
                  guint cols = 0;

                  rows++;
                  for (cell = node->children; cell != NULL; cell = cell->next)
                    if (_dossier_html_has_tag (cell, "td") || _dossier_html_has_tag (cell, "th"))
                      {
                        const char *span = _dossier_html_get_attr (cell, "colspan");
                        int n = span ? atoi (span) : 1;

                        cols += n > 0 ? n : 1;
                      }
                  columns = MAX (columns, cols);
                }
            }
          if (rows >= 10 || columns > 4 || rows * columns > 10)
            is_data = TRUE;
        }
      info->data_table = is_data;
    }
}

static gboolean
is_data_table (xmlNode *node)
{
  DossierHtmlNodeInfo *info = node->_private;

  return _dossier_html_has_tag (node, "table") && info != NULL && info->data_table;
}

static gboolean
has_data_table_ancestor (xmlNode *node)
{
  for (node = node->parent; _dossier_html_is_element (node); node = node->parent)
    if (is_data_table (node))
      return TRUE;
  return FALSE;
}

static gboolean
is_ad_or_loading (const char *text)
{
  static const char * const words[] = {
    "ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung",
    "广告", "реклама", "anuncio", "loading", "正在加载", "загрузка", "chargement",
    "cargando", NULL
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);
  gsize len = strlen (lower);
  guint i;

  if (len >= 3 && strcmp (lower + len - 3, "...") == 0)
    lower[len - 3] = '\0';
  else if (len >= 3 && strcmp (lower + len - 3, "…") == 0)
    lower[len - 3] = '\0';
  for (i = 0; words[i] != NULL; i++)
    if (strcmp (lower, words[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
should_clean_conditionally (DossierHtmlContext *ctx,
                            xmlNode            *node,
                            const char         *tag)
{
  gboolean is_list = strcmp (tag, "ul") == 0 || strcmp (tag, "ol") == 0;
  int weight;
  guint commas = 0;
  gsize text_len;
  xmlNode *child;

  text_len = _dossier_html_inner_text_length (node, &commas);
  if (!is_list)
    {
      gsize list_len = 0;

      for (child = node->children; child != NULL; child = _dossier_html_next_in_subtree (child, node, FALSE))
        if (_dossier_html_has_tag (child, "ul") || _dossier_html_has_tag (child, "ol"))
          list_len += _dossier_html_inner_text_length (child, NULL);
      is_list = text_len > 0 && (double) list_len / (double) text_len > 0.9;
    }
  if (strcmp (tag, "table") == 0 && is_data_table (node))
    return FALSE;
  if (has_data_table_ancestor (node))
    return FALSE;
  if (_dossier_html_has_ancestor_tag (node, "code", 0))
    return FALSE;
  for (child = node->children; child != NULL; child = _dossier_html_next_in_subtree (child, node, FALSE))
    if (is_data_table (child))
      return FALSE;

  weight = _dossier_html_class_weight (ctx, node);
  if (weight < 0)
    return TRUE;

  if (commas < 10)
    {
      guint p = _dossier_html_count_descendants (node, "p");
      guint img = _dossier_html_count_descendants (node, "img");
      int li = (int) _dossier_html_count_descendants (node, "li") - 100;
      guint input = _dossier_html_count_descendants (node, "input");
      double head_density = heading_density (node);
      guint embeds = _dossier_html_count_descendants (node, "object")
                     + _dossier_html_count_descendants (node, "embed")
                     + _dossier_html_count_descendants (node, "iframe");
      g_autofree char *text = _dossier_html_inner_text (node);
      double density;
      double tdensity;
      gboolean is_figure_child = _dossier_html_has_ancestor_tag (node, "figure", 0);
      gboolean remove = FALSE;

      if (is_ad_or_loading (text))
        return TRUE;
      text_len = g_utf8_strlen (text, -1);
      density = _dossier_html_link_density (node);
      tdensity = text_density (node, TAG_TEXTISH | TAG_DIV_TO_P);

      if (!is_figure_child && img > 1 && (double) p / (double) img < 0.5)
        remove = TRUE;
      else if (!is_list && li > (int) p)
        remove = TRUE;
      else if (input > p / 3)
        remove = TRUE;
      else if (!is_list && !is_figure_child && head_density < 0.9 && text_len < 25
               && (img == 0 || img > 2) && density > 0)
        remove = TRUE;
      else if (!is_list && weight < 25 && density > 0.2)
        remove = TRUE;
      else if (weight >= 25 && density > 0.5)
        remove = TRUE;
      else if ((embeds == 1 && text_len < 75) || embeds > 1)
        remove = TRUE;
      else if (img == 0 && tdensity == 0)
        remove = TRUE;

      if (is_list && remove)
        {
          for (child = node->children; child != NULL; child = child->next)
            if (_dossier_html_is_element (child) && _dossier_html_count_element_children (child) > 1)
              return remove;
          if (img == _dossier_html_count_descendants (node, "li"))
            return FALSE;
        }
      return remove;
    }
  return FALSE;
}

static void
clean_conditionally (DossierHtmlContext *ctx,
                     xmlNode            *root,
                     const char         *tag)
{
  g_autoptr(GPtrArray) nodes = NULL;
  guint i;

  if (!(ctx->flags & FLAG_CLEAN_CONDITIONALLY))
    return;
  nodes = _dossier_html_collect_tags (root, tag);
  for (i = nodes->len; i > 0; i--)
    {
      xmlNode *node = nodes->pdata[i - 1];

      if (should_clean_conditionally (ctx, node, tag))
        _dossier_html_remove_node (node);
    }
}

static void
clean_tag (xmlNode    *root,
           const char *tag)
{
  g_autoptr(GPtrArray) nodes = _dossier_html_collect_tags (root, tag);
  guint i;

  for (i = nodes->len; i > 0; i--)
    _dossier_html_remove_node (nodes->pdata[i - 1]);
}

static void
clean_share_elements (xmlNode *root)
{
  xmlNode *child;

  for (child = _dossier_html_first_element_child (root); child != NULL;
       child = _dossier_html_next_element_sibling (child))
    {
      xmlNode *node = _dossier_html_first_element_child (child) ? child->children : NULL;

      while (node != NULL)
        {
          if (_dossier_html_is_element (node))
            {
              g_autofree char *match = _dossier_html_match_string (node);

              if (matches_share (match) && _dossier_html_inner_text_length (node, NULL) < CHAR_THRESHOLD)
                {
                  xmlNode *next = _dossier_html_next_in_subtree (node, child, TRUE);

                  _dossier_html_remove_node (node);
                  node = next;
                  continue;
                }
            }
          node = _dossier_html_next_in_subtree (node, child, FALSE);
        }
    }
}

static void
clean_headers (DossierHtmlContext *ctx,
               xmlNode            *root)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  xmlNode *node;
  guint i;

  for (node = root->children; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    if (_dossier_html_has_tag (node, "h1") || _dossier_html_has_tag (node, "h2"))
      g_ptr_array_add (headers, node);
  /* last first, so that nested headers go before their ancestors */
  for (i = headers->len; i > 0; i--)
    if (_dossier_html_class_weight (ctx, headers->pdata[i - 1]) < 0)
      _dossier_html_remove_node (headers->pdata[i - 1]);
}

/* Links that run a script are only text. */
static void
unlink_script_links (xmlNode *root)
{
  xmlNode *node;

  for (node = root->children; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    {
      const char *href = _dossier_html_get_attr (node, "href");

      if (_dossier_html_has_tag (node, "a") && href != NULL
          && g_ascii_strncasecmp (href, "javascript:", 11) == 0)
        xmlNodeSetName (node, BAD_CAST "span");
    }
}

void
_dossier_html_prep_article (DossierHtmlContext *ctx,
                            xmlNode            *article)
{
  static const char * const drop_tags[] = {
    "object", "embed", "footer", "link", "aside", "nav", "iframe", "input",
    "textarea", "select", "button", "figcaption", "svg", NULL
  };
  guint i;

  mark_data_tables (ctx, article);
  clean_conditionally (ctx, article, "form");
  clean_conditionally (ctx, article, "fieldset");
  for (i = 0; i < 5; i++)
    clean_tag (article, drop_tags[i]);
  clean_share_elements (article);
  for (i = 5; drop_tags[i] != NULL; i++)
    clean_tag (article, drop_tags[i]);
  clean_headers (ctx, article);
  clean_conditionally (ctx, article, "table");
  clean_conditionally (ctx, article, "ul");
  clean_conditionally (ctx, article, "div");
  unlink_script_links (article);
}
