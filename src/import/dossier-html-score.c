/* dossier-html-score.c — the content finder: which part of the page is the
 * article
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The blocks of the page are scored the way reader modes do: paragraphs
 * give points (one, plus one per comma, plus one per hundred characters)
 * to their parent and, less and less, to their ancestors; each candidate
 * starts from a bonus or penalty for its tag and for its class and id
 * ("article", "content" … versus "comment", "sidebar" …) and is scaled
 * down by its link density.  The best candidate and those of its siblings
 * that score well enough make the article.  On the way, the walk takes
 * the byline and a dateline out of the page.
 */
#define G_LOG_DOMAIN "dossier-html-extract"

#include "config.h"

#include <string.h>

#include "dossier-html-private.h"
#include "dossier-date.h"

#define N_TOP_CANDIDATES 5

/* Class and id hints */

static const char * const unlikely_words[] = {
  "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community",
  "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends",
  "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
  "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
  "pagination", "pager", "popup", "yom-remote", NULL
};

static const char * const maybe_words[] = {
  "and", "article", "body", "column", "content", "main", "mathjax", "shadow", NULL
};

static const char * const positive_words[] = {
  "article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
  "pagination", "post", "text", "blog", "story", NULL
};

static const char * const negative_words[] = {
  "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
  "footer", "gdpr", "masthead", "media", "meta", "outbrain", "promo",
  "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
  "sponsor", "shopping", "tags", "widget", NULL
};

/* "dateline" first: byline_words + 1 are those that name a person */
static const char * const byline_words[] = {
  "dateline", "byline", "author", "writtenby", "p-author", NULL
};

static gboolean
is_negative (const char *lower)
{
  gsize len;

  if (_dossier_html_contains_any (lower, negative_words))
    return TRUE;
  /* "hid" as a whole space-separated word */
  len = strlen (lower);
  if (strcmp (lower, "hid") == 0
      || g_str_has_prefix (lower, "hid ")
      || (len >= 4 && strcmp (lower + len - 4, " hid") == 0)
      || strstr (lower, " hid ") != NULL)
    return TRUE;
  return FALSE;
}

static int
class_weight_of (const char *class_name,
                 const char *id)
{
  int weight = 0;

  if (class_name != NULL && *class_name)
    {
      g_autofree char *lower = g_ascii_strdown (class_name, -1);

      if (is_negative (lower))
        weight -= 25;
      if (_dossier_html_contains_any (lower, positive_words))
        weight += 25;
    }
  if (id != NULL && *id)
    {
      g_autofree char *lower = g_ascii_strdown (id, -1);

      if (is_negative (lower))
        weight -= 25;
      if (_dossier_html_contains_any (lower, positive_words))
        weight += 25;
    }
  return weight;
}

/* The bonus or penalty of @node's class and id, when this attempt weighs
 * them. */
int
_dossier_html_class_weight (DossierHtmlContext *ctx,
                            xmlNode            *node)
{
  if (!(ctx->flags & FLAG_WEIGHT_CLASSES))
    return 0;
  return class_weight_of (_dossier_html_get_attr (node, "class"), _dossier_html_get_attr (node, "id"));
}

/* Visibility */

static gboolean
is_probably_visible (xmlNode *node)
{
  const char *style = _dossier_html_get_attr (node, "style");
  const char *aria_hidden;

  if (style != NULL && *style)
    {
      g_autofree char *compact = g_ascii_strdown (style, -1);
      char *r, *w;

      for (r = w = compact; *r; r++)
        if (!g_ascii_isspace (*r))
          *w++ = *r;
      *w = '\0';
      if (strstr (compact, "display:none") != NULL
          || strstr (compact, "visibility:hidden") != NULL)
        return FALSE;
    }
  if (_dossier_html_get_attr (node, "hidden") != NULL)
    return FALSE;
  aria_hidden = _dossier_html_get_attr (node, "aria-hidden");
  if (aria_hidden != NULL && strcmp (aria_hidden, "true") == 0)
    {
      const char *class_name = _dossier_html_get_attr (node, "class");

      if (class_name == NULL || strstr (class_name, "fallback-image") == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Node info (scores) */

static inline gboolean
is_heading (const xmlNode *node)
{
  return (_dossier_html_tag_flags (node) & TAG_HEADING) != 0;
}

static DossierHtmlNodeInfo *
initialize_node (DossierHtmlContext *ctx,
                 xmlNode            *node)
{
  DossierHtmlNodeInfo *info = node->_private;
  const char *name = (const char *) node->name;

  if (info == NULL)
    {
      info = g_new0 (DossierHtmlNodeInfo, 1);
      g_ptr_array_add (ctx->infos, info);
      node->_private = info;
    }
  info->score = 0;
  if (strcmp (name, "div") == 0)
    info->score += 5;
  else if (strcmp (name, "pre") == 0 || strcmp (name, "td") == 0
           || strcmp (name, "blockquote") == 0)
    info->score += 3;
  else if (strcmp (name, "address") == 0 || strcmp (name, "ol") == 0
           || strcmp (name, "ul") == 0 || strcmp (name, "dl") == 0
           || strcmp (name, "dd") == 0 || strcmp (name, "dt") == 0
           || strcmp (name, "li") == 0 || strcmp (name, "form") == 0)
    info->score -= 3;
  else if (is_heading (node) || strcmp (name, "th") == 0)
    info->score -= 5;
  info->score += _dossier_html_class_weight (ctx, node);
  return info;
}

static gboolean
is_scored (xmlNode *node)
{
  DossierHtmlNodeInfo *info = node->_private;

  return info != NULL && info->score != G_MAXDOUBLE;
}

/* Link density: the share of the text that sits in links (in-page links
 * count for less). */
double
_dossier_html_link_density (xmlNode *root)
{
  gsize text_len = _dossier_html_inner_text_length (root, NULL);
  double link_len = 0;
  xmlNode *node;

  if (text_len == 0)
    return 0;
  for (node = root->children; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    {
      if (_dossier_html_has_tag (node, "a"))
        {
          const char *href = _dossier_html_get_attr (node, "href");
          double coefficient = (href != NULL && href[0] == '#' && href[1] != '\0') ? 0.3 : 1.0;

          link_len += _dossier_html_inner_text_length (node, NULL) * coefficient;
        }
    }
  return link_len / (double) text_len;
}

/* Elements that hold nothing or one thing */

static gboolean
is_element_without_content (xmlNode *node)
{
  xmlNode *child;

  if (_dossier_html_has_text (node))
    return FALSE;
  for (child = node->children; child != NULL; child = child->next)
    if (_dossier_html_is_element (child) && !_dossier_html_has_tag (child, "br")
        && !_dossier_html_has_tag (child, "hr"))
      return FALSE;
  return TRUE;
}

static gboolean
has_single_tag_inside (xmlNode    *node,
                       const char *name)
{
  xmlNode *child;
  guint n = 0;

  for (child = node->children; child != NULL; child = child->next)
    {
      if (_dossier_html_is_element (child))
        {
          if (++n > 1 || !_dossier_html_has_tag (child, name))
            return FALSE;
        }
      else if (_dossier_html_is_text (child) && !_dossier_html_text_is_blank ((const char *) child->content))
        return FALSE;
    }
  return n == 1;
}

static gboolean
has_child_block_element (xmlNode *root)
{
  xmlNode *node;

  for (node = root->children; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    if (_dossier_html_tag_flags (node) & TAG_DIV_TO_P)
      return TRUE;
  return FALSE;
}

/* Bylines and title headings */

static gboolean
is_valid_byline (xmlNode    *node,
                 const char *match)
{
  const char *rel = _dossier_html_get_attr (node, "rel");
  const char *itemprop = _dossier_html_get_attr (node, "itemprop");
  gsize len;

  if (!((rel != NULL && strcmp (rel, "author") == 0)
        || (itemprop != NULL && strstr (itemprop, "author") != NULL)
        || _dossier_html_contains_any (match, byline_words)))
    return FALSE;
  len = _dossier_html_inner_text_length (node, NULL);
  return len > 0 && len < 100;
}

/* The text of a byline element, or of the author's name inside it (a
 * byline often also holds a date, a job title or a share link). */
static char *
byline_text (xmlNode *node)
{
  xmlNode *child;
  xmlNode *author = NULL;

  for (child = node->children; child != NULL; child = _dossier_html_next_in_subtree (child, node, FALSE))
    {
      const char *itemprop = _dossier_html_get_attr (child, "itemprop");
      const char *rel = _dossier_html_get_attr (child, "rel");

      if (!_dossier_html_is_element (child) || _dossier_html_inner_text_length (child, NULL) == 0)
        continue;
      if (itemprop != NULL && strstr (itemprop, "name") != NULL)
        return _dossier_html_inner_text (child);
      if (author == NULL
          && ((rel != NULL && strcmp (rel, "author") == 0)
              || (itemprop != NULL && strstr (itemprop, "author") != NULL)))
        author = child;
      if (author == NULL)
        {
          g_autofree char *match = _dossier_html_match_string (child);

          if (strstr (match, "author") != NULL)
            author = child;
        }
    }
  return _dossier_html_inner_text (author ? author : node);
}

static gboolean
header_duplicates_title (DossierHtmlContext *ctx,
                         xmlNode            *node)
{
  g_autofree char *heading = NULL;

  if (!_dossier_html_has_tag (node, "h1") && !_dossier_html_has_tag (node, "h2"))
    return FALSE;
  if (ctx->title == NULL)
    return FALSE;
  heading = _dossier_html_inner_text (node);
  return _dossier_html_text_similarity (ctx->title, heading) > 0.75;
}

static const char * const unlikely_roles[] = {
  "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", NULL
};

/* TRUE when @node is @inner or one of its ancestors: removing it would
 * free @inner too */
static gboolean
holds_node (xmlNode *node,
            xmlNode *inner)
{
  for (; inner != NULL; inner = inner->parent)
    if (inner == node)
      return TRUE;
  return FALSE;
}

/* The content finder proper.  Returns the article element (a new <div>
 * in @ctx->doc, not linked into the tree, still to be cleaned) or NULL. */
xmlNode *
_dossier_html_grab_article (DossierHtmlContext *ctx)
{
  xmlNode *root = xmlDocGetRootElement (ctx->doc);
  xmlNode *body;
  xmlNode *node;
  g_autoptr(GPtrArray) to_score = g_ptr_array_new ();
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  xmlNode *top[N_TOP_CANDIDATES] = { NULL, };
  xmlNode *top_candidate;
  xmlNode *parent;
  xmlNode *article;
  xmlNode *sibling;
  gboolean should_remove_title_header = TRUE;
  double threshold;
  guint i;

  if (root == NULL)
    return NULL;
  body = _dossier_html_find_first_tag (root, "body");
  if (body == NULL)
    return NULL;

  node = root;
  while (node != NULL)
    {
      g_autofree char *match = NULL;
      const char *role;
      guint flags = _dossier_html_tag_flags (node);
      /* the walk never removes <body> or what holds it (fuzzing found
       * <body hidden> and the like freeing it under our feet) */
      gboolean keep = holds_node (node, body);

      match = _dossier_html_match_string (node);
      if (!keep && !is_probably_visible (node))
        {
          xmlNode *next = _dossier_html_next_node (node, TRUE);

          _dossier_html_remove_node (node);
          node = next;
          continue;
        }
      role = _dossier_html_get_attr (node, "role");
      if (!keep && role != NULL && strcmp (role, "dialog") == 0
          && g_strcmp0 (_dossier_html_get_attr (node, "aria-modal"), "true") == 0)
        {
          xmlNode *next = _dossier_html_next_node (node, TRUE);

          _dossier_html_remove_node (node);
          node = next;
          continue;
        }
      if (!keep && is_valid_byline (node, match))
        {
          g_autofree char *text = byline_text (node);
          DossierDate date = DOSSIER_DATE_INIT;
          gboolean is_dateline = !_dossier_html_contains_any (match, byline_words + 1)
                                 && _dossier_html_get_attr (node, "rel") == NULL
                                 && _dossier_html_get_attr (node, "itemprop") == NULL
                                 && dossier_date_parse (text, &date);

          /* the first byline is metadata; later attempts drop it again */
          if (is_dateline && (ctx->dateline == NULL || strcmp (ctx->dateline, text) == 0))
            {
              xmlNode *next = _dossier_html_next_node (node, TRUE);

              if (ctx->dateline == NULL)
                ctx->dateline = g_steal_pointer (&text);
              _dossier_html_remove_node (node);
              node = next;
              continue;
            }
          if (!is_dateline && (ctx->dom_byline == NULL || strcmp (ctx->dom_byline, text) == 0))
            {
              xmlNode *next = _dossier_html_next_node (node, TRUE);

              if (ctx->dom_byline == NULL)
                ctx->dom_byline = g_steal_pointer (&text);
              _dossier_html_remove_node (node);
              node = next;
              continue;
            }
        }
      if (!keep && should_remove_title_header && header_duplicates_title (ctx, node))
        {
          xmlNode *next = _dossier_html_next_node (node, TRUE);

          should_remove_title_header = FALSE;
          _dossier_html_remove_node (node);
          node = next;
          continue;
        }
      if (!keep && (ctx->flags & FLAG_STRIP_UNLIKELYS))
        {
          if ((_dossier_html_contains_any (match, unlikely_words)
               && !_dossier_html_contains_any (match, maybe_words)
               && !_dossier_html_has_ancestor_tag (node, "table", 0)
               && !_dossier_html_has_ancestor_tag (node, "code", 0)
               && !_dossier_html_has_tag (node, "body") && !_dossier_html_has_tag (node, "a"))
              || (role != NULL && g_strv_contains (unlikely_roles, role)))
            {
              xmlNode *next = _dossier_html_next_node (node, TRUE);

              _dossier_html_remove_node (node);
              node = next;
              continue;
            }
        }
      if ((_dossier_html_has_tag (node, "div") || _dossier_html_has_tag (node, "section")
           || _dossier_html_has_tag (node, "header") || (flags & TAG_HEADING))
          && is_element_without_content (node))
        {
          xmlNode *next = _dossier_html_next_node (node, TRUE);

          _dossier_html_remove_node (node);
          node = next;
          continue;
        }
      if (flags & TAG_SCORE)
        g_ptr_array_add (to_score, node);

      if (_dossier_html_has_tag (node, "div"))
        {
          xmlNode *p = NULL;
          xmlNode *child = node->children;

          /* wrap runs of inline content in paragraphs */
          while (child != NULL)
            {
              xmlNode *next_child = child->next;

              if (_dossier_html_is_phrasing (child))
                {
                  if (p != NULL)
                    _dossier_html_append_child (p, child);
                  else if (!_dossier_html_is_whitespace_node (child))
                    {
                      p = xmlNewDocNode (ctx->doc, NULL, BAD_CAST "p", NULL);
                      _dossier_html_replace_node (child, p);
                      _dossier_html_append_child (p, child);
                    }
                }
              else if (p != NULL)
                {
                  while (p->last != NULL && _dossier_html_is_whitespace_node (p->last))
                    _dossier_html_remove_node (p->last);
                  p = NULL;
                }
              child = next_child;
            }

          if (has_single_tag_inside (node, "p") && _dossier_html_link_density (node) < 0.25)
            {
              xmlNode *only = _dossier_html_first_element_child (node);

              _dossier_html_replace_node (node, only);
              xmlFreeNode (node);
              node = only;
              g_ptr_array_add (to_score, node);
            }
          else if (!has_child_block_element (node))
            {
              xmlNodeSetName (node, BAD_CAST "p");
              g_ptr_array_add (to_score, node);
            }
        }
      node = _dossier_html_next_node (node, FALSE);
    }

  /* score paragraphs */
  for (i = 0; i < to_score->len; i++)
    {
      xmlNode *el = to_score->pdata[i];
      xmlNode *ancestor;
      guint commas = 0;
      gsize len;
      double score;
      int level;

      if (!_dossier_html_is_element (el->parent))
        continue;
      len = _dossier_html_inner_text_length (el, &commas);
      if (len < 25)
        continue;
      score = 1 + (commas + 1) + MIN (len / 100, 3);
      for (ancestor = el->parent, level = 0; level < 5 && ancestor != NULL;
           ancestor = ancestor->parent, level++)
        {
          DossierHtmlNodeInfo *info;
          double divider;

          if (!_dossier_html_is_element (ancestor) || !_dossier_html_is_element (ancestor->parent))
            break;
          info = _dossier_html_node_info (ancestor);
          if (info == NULL || info->score == G_MAXDOUBLE)
            {
              info = initialize_node (ctx, ancestor);
              g_ptr_array_add (candidates, ancestor);
            }
          divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
          info->score += score / divider;
        }
    }

  for (i = 0; i < candidates->len; i++)
    {
      xmlNode *candidate = candidates->pdata[i];
      DossierHtmlNodeInfo *info = _dossier_html_node_info (candidate);
      guint t;

      info->score *= 1 - _dossier_html_link_density (candidate);
      for (t = 0; t < N_TOP_CANDIDATES; t++)
        {
          if (top[t] == NULL || info->score > _dossier_html_node_info (top[t])->score)
            {
              memmove (top + t + 1, top + t, (N_TOP_CANDIDATES - t - 1) * sizeof (xmlNode *));
              top[t] = candidate;
              break;
            }
        }
    }

  top_candidate = top[0];
  if (top_candidate == NULL || _dossier_html_has_tag (top_candidate, "body"))
    {
      xmlNode *child;

      top_candidate = xmlNewDocNode (ctx->doc, NULL, BAD_CAST "div", NULL);
      while ((child = body->children) != NULL)
        _dossier_html_append_child (top_candidate, child);
      _dossier_html_append_child (body, top_candidate);
      initialize_node (ctx, top_candidate);
    }
  else
    {
      GPtrArray *alternatives[N_TOP_CANDIDATES] = { NULL, };
      guint n_alt = 0;
      double last_score, score_threshold;

      for (i = 1; i < N_TOP_CANDIDATES && top[i] != NULL; i++)
        {
          if (_dossier_html_node_info (top[i])->score
              / _dossier_html_node_info (top_candidate)->score >= 0.75)
            {
              GPtrArray *ancestors = g_ptr_array_new ();

              for (node = top[i]->parent; _dossier_html_is_element (node); node = node->parent)
                g_ptr_array_add (ancestors, node);
              alternatives[n_alt++] = ancestors;
            }
        }
      if (n_alt >= 3)
        {
          parent = top_candidate->parent;
          while (_dossier_html_is_element (parent) && !_dossier_html_has_tag (parent, "body"))
            {
              guint lists = 0, a;

              for (a = 0; a < n_alt && lists < 3; a++)
                {
                  guint k;

                  for (k = 0; k < alternatives[a]->len; k++)
                    if (alternatives[a]->pdata[k] == parent)
                      {
                        lists++;
                        break;
                      }
                }
              if (lists >= 3)
                {
                  top_candidate = parent;
                  break;
                }
              parent = parent->parent;
            }
        }
      for (i = 0; i < n_alt; i++)
        g_ptr_array_unref (alternatives[i]);
      if (!is_scored (top_candidate))
        {
          initialize_node (ctx, top_candidate);
        }

      /* climb while the parents score better */
      parent = top_candidate->parent;
      last_score = _dossier_html_node_info (top_candidate)->score;
      score_threshold = last_score / 3;
      while (_dossier_html_is_element (parent) && !_dossier_html_has_tag (parent, "body"))
        {
          double parent_score;

          if (!is_scored (parent))
            {
              parent = parent->parent;
              continue;
            }
          parent_score = _dossier_html_node_info (parent)->score;
          if (parent_score < score_threshold)
            break;
          if (parent_score > last_score)
            {
              top_candidate = parent;
              break;
            }
          last_score = parent_score;
          parent = parent->parent;
        }

      /* and through parents that hold nothing else */
      parent = top_candidate->parent;
      while (_dossier_html_is_element (parent) && !_dossier_html_has_tag (parent, "body")
             && _dossier_html_count_element_children (parent) == 1)
        {
          top_candidate = parent;
          parent = top_candidate->parent;
        }
      if (!is_scored (top_candidate))
        initialize_node (ctx, top_candidate);
    }

  article = xmlNewDocNode (ctx->doc, NULL, BAD_CAST "div", NULL);
  threshold = MAX (10, _dossier_html_node_info (top_candidate)->score * 0.2);
  parent = top_candidate->parent;
  if (!_dossier_html_is_element (parent))
    {
      _dossier_html_append_child (article, top_candidate);
    }
  else
    {
      const char *top_class = _dossier_html_get_attr (top_candidate, "class");

      sibling = _dossier_html_first_element_child (parent);
      while (sibling != NULL)
        {
          xmlNode *next_sibling = _dossier_html_next_element_sibling (sibling);
          gboolean append = FALSE;

          if (sibling == top_candidate)
            append = TRUE;
          else
            {
              double bonus = 0;
              const char *sib_class = _dossier_html_get_attr (sibling, "class");

              if (top_class != NULL && *top_class && g_strcmp0 (sib_class, top_class) == 0)
                bonus += _dossier_html_node_info (top_candidate)->score * 0.2;
              if (is_scored (sibling) && _dossier_html_node_info (sibling)->score + bonus >= threshold)
                append = TRUE;
              else if (_dossier_html_has_tag (sibling, "p"))
                {
                  double density = _dossier_html_link_density (sibling);
                  g_autofree char *content = _dossier_html_inner_text (sibling);
                  glong len = g_utf8_strlen (content, -1);

                  if (len > 80 && density < 0.25)
                    append = TRUE;
                  else if (len < 80 && len > 0 && density == 0)
                    {
                      const char *dot = strchr (content, '.');

                      while (dot != NULL && !(dot[1] == ' ' || dot[1] == '\0'))
                        dot = strchr (dot + 1, '.');
                      append = dot != NULL;
                    }
                }
            }
          if (append)
            {
              if (!(_dossier_html_tag_flags (sibling) & TAG_KEEP_TAG))
                xmlNodeSetName (sibling, BAD_CAST "div");
              _dossier_html_append_child (article, sibling);
            }
          sibling = next_sibling;
        }
    }

  return article;
}
