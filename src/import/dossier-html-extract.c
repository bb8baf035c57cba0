/* dossier-html-extract.c — main content and metadata of a saved web page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page is parsed once and its metadata read (dossier-html-meta.c,
 * dossier-html-jsonld.c); then the content finder (dossier-html-score.c)
 * picks the article out of it, the article is cleaned of boilerplate
 * (dossier-html-clean.c) and rendered as paragraphs of text
 * (dossier-html-render.c), and the paragraphs that are page furniture go
 * (dossier-html-clutter.c).  When that leaves too little text the page is
 * parsed again with the filters relaxed one by one.
 *
 * Every walk over the tree is iterative: libxml2 already limits the depth
 * of the tree it builds, but nothing here relies on that.
 */
#define G_LOG_DOMAIN "dossier-html-extract"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-html-extract.h"

#include <string.h>

#include "dossier-html-private.h"

static void
ctx_clear_attempt (DossierHtmlContext *ctx)
{
  g_clear_pointer (&ctx->infos, g_ptr_array_unref);
  g_clear_pointer (&ctx->doc, xmlFreeDoc);
}

/* Runs the content finder, relaxing the filters until enough text is found.
 * Returns the body text or NULL. */
static char *
extract_body (DossierHtmlContext *ctx,
              htmlDocPtr          first_doc,
              const char         *utf8,
              gsize               len)
{
  static const guint attempts[] = {
    FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY,
    FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY,
    FLAG_CLEAN_CONDITIONALLY,
    0,
  };
  char *best = NULL;
  gsize best_len = 0;
  double best_density = 0;
  guint a;

  for (a = 0; a < G_N_ELEMENTS (attempts); a++)
    {
      xmlNode *article;
      gsize text_len;

      ctx->flags = attempts[a];
      /* the first attempt works on the document the metadata came from */
      ctx->doc = a == 0 ? first_doc : _dossier_html_parse (utf8, len);
      if (ctx->doc == NULL)
        break;
      ctx->infos = g_ptr_array_new_with_free_func (g_free);
      _dossier_html_prep_document (ctx->doc);
      article = _dossier_html_grab_article (ctx);
      if (article == NULL)
        {
          ctx_clear_attempt (ctx);
          break;
        }
      _dossier_html_keep_first_article (article);
      _dossier_html_prep_article (ctx, article);
      text_len = _dossier_html_inner_text_length (article, NULL);
      if (text_len >= CHAR_THRESHOLD || best == NULL || text_len > best_len)
        {
          g_free (best);
          best = _dossier_html_render_text (article);
          best_len = text_len;
          best_density = _dossier_html_link_density (article);
        }
      xmlFreeNode (article);
      ctx_clear_attempt (ctx);
      if (text_len >= CHAR_THRESHOLD)
        break;
    }
  /* a little text that is mostly links is a menu, not an article */
  if (best != NULL && best_len < CHAR_THRESHOLD && best_density > 0.5)
    g_clear_pointer (&best, g_free);
  if (best != NULL)
    {
      char *clean = _dossier_html_drop_clutter (best);

      g_free (best);
      best = clean;
    }
  return best;
}

DossierExtracted *
dossier_html_extract (const char  *utf8,
                      gsize        len,
                      const char  *filename,
                      GError     **error)
{
  g_autoptr(DossierExtracted) result = NULL;
  DossierHtmlContext ctx = { NULL, };
  htmlDocPtr doc;
  xmlNode *root;
  g_autofree char *body = NULL;
  g_autofree char *unsubset = NULL;
  gsize unsubset_len = 0;

  g_return_val_if_fail (utf8 != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  _dossier_html_init_tag_table ();
  if (filename == NULL)
    filename = "page";
  if ((unsubset = _dossier_html_strip_doctype_subsets (utf8, len, &unsubset_len)) != NULL)
    {
      utf8 = unsubset;
      len = unsubset_len;
    }

  doc = _dossier_html_parse (utf8, len);
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                   _("“%s” has no article text: the page is empty"), filename);
      return NULL;
    }

  result = dossier_extracted_new ();
  _dossier_html_read_metadata (root, &ctx, result);

  /* the content finder takes the document over and changes it */
  body = extract_body (&ctx, g_steal_pointer (&doc), utf8, len);
  root = NULL;
  _dossier_html_finish_metadata (&ctx, result);

  g_clear_pointer (&doc, xmlFreeDoc);
  g_free (ctx.title);
  g_free (ctx.meta_byline);
  g_free (ctx.dom_byline);
  g_free (ctx.dateline);

  if (body == NULL || *body == '\0')
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                   _("“%s” has no article text"), filename);
      return NULL;
    }
  result->body = _dossier_html_finish_text (body);
  if (result->title[0] == '\0')
    {
      /* the first line of the text stands in for a missing title */
      const char *end = strstr (result->body, "\n\n");
      gsize n = end ? (gsize) (end - result->body) : strlen (result->body);

      g_free (result->title);
      if (n > 120)
        {
          const char *cut = g_utf8_offset_to_pointer (result->body, 100);

          n = cut - result->body;
        }
      result->title = g_strndup (result->body, n);
    }
  return g_steal_pointer (&result);
}

char *
dossier_html_to_text (const char *utf8,
                      gsize       len)
{
  htmlDocPtr doc;
  xmlNode *root;
  xmlNode *body;
  g_autofree char *text = NULL;
  g_autofree char *unsubset = NULL;
  gsize unsubset_len = 0;

  _dossier_html_init_tag_table ();
  if ((unsubset = _dossier_html_strip_doctype_subsets (utf8, len, &unsubset_len)) != NULL)
    {
      utf8 = unsubset;
      len = unsubset_len;
    }
  doc = _dossier_html_parse (utf8, len);
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      return g_strdup ("");
    }
  _dossier_html_prep_document (doc);
  body = _dossier_html_find_first_tag (root, "body");
  text = _dossier_html_render_text (body ? body : root);
  xmlFreeDoc (doc);
  return _dossier_html_finish_text (text);
}
