/* dossier-export-story.c — one story as a printable dossier: its title,
 * span and outlets, then each article in time order with its text and
 * the user's notes, as HTML or Markdown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-export.h"

static const char story_stylesheet[] =
  "body{font-family:Georgia,'DejaVu Serif',serif;max-width:42em;margin:2em auto;padding:0 1em;"
  "line-height:1.5;color:#222;background:#fff}"
  "h1{font-size:1.8em;margin-bottom:.2em}"
  ".meta{color:#555;margin:.2em 0}"
  "article{margin-top:2.5em;border-top:1px solid #999;padding-top:1em}"
  "article h2{font-size:1.3em;margin:.2em 0}"
  "blockquote{margin:1em 0;padding-left:1em;border-left:3px solid #888;font-style:italic}"
  ".note{margin:.3em 0 1em 1em}"
  "h3{font-size:1em;text-transform:uppercase;letter-spacing:.05em;color:#555}"
  "@media print{article{break-before:page;border-top:none}body{margin:0}}";

/* "3 June 2014 · Coastal Press · https://…", as far as known */
static char *
byline (DossierArticle *article)
{
  g_autofree char *date = dossier_date_to_string (dossier_article_get_published (article));
  GPtrArray *parts = g_ptr_array_new ();
  char *joined;

  g_ptr_array_add (parts, (gpointer) (date != NULL ? date : _("Undated")));
  if (dossier_article_get_source (article) != NULL && *dossier_article_get_source (article))
    g_ptr_array_add (parts, (gpointer) dossier_article_get_source (article));
  if (dossier_article_get_url (article) != NULL && *dossier_article_get_url (article))
    g_ptr_array_add (parts, (gpointer) dossier_article_get_url (article));
  g_ptr_array_add (parts, NULL);
  joined = g_strjoinv (" · ", (char **) parts->pdata);
  g_ptr_array_free (parts, TRUE);
  return joined;
}

static const char *
title_of (DossierArticle *article)
{
  const char *title = dossier_article_get_title (article);

  return title != NULL && *title ? title : _("Untitled");
}

static char *
join_outlets (const DossierExportStoryInfo *info)
{
  if (info->outlets == NULL || info->outlets[0] == NULL)
    return g_strdup (_("Unknown outlet"));
  return g_strjoinv (", ", (char **) info->outlets);
}

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

static void
html (GString                     *out,
      const DossierExportStoryInfo *info,
      GPtrArray                   *entries)
{
  g_autofree char *outlets = join_outlets (info);

  g_string_append (out, "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n");
  g_string_append (out, "<meta name=\"generator\" content=\"Dossier\">\n<title>");
  append_escaped (out, info->title);
  g_string_append_printf (out, "</title>\n<style>%s</style>\n</head>\n<body>\n<header>\n<h1>", story_stylesheet);
  append_escaped (out, info->title);
  g_string_append (out, "</h1>\n<p class=\"meta\">");
  append_escaped (out, info->span);
  g_string_append (out, "</p>\n<p class=\"meta\">");
  append_escaped (out, outlets);
  g_string_append (out, "</p>\n</header>\n");
  for (guint i = 0; i < entries->len; i++)
    {
      DossierExportEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *by = byline (e->article);
      const char *body = dossier_article_get_body (e->article);
      g_auto(GStrv) paragraphs = g_strsplit (body != NULL ? body : "", "\n\n", -1);

      g_string_append (out, "<article>\n<h2>");
      append_escaped (out, title_of (e->article));
      g_string_append (out, "</h2>\n<p class=\"meta\">");
      append_escaped (out, by);
      g_string_append (out, "</p>\n");
      for (guint p = 0; paragraphs[p] != NULL; p++)
        {
          g_strstrip (paragraphs[p]);
          if (*paragraphs[p] == '\0')
            continue;
          g_string_append (out, "<p>");
          append_escaped (out, paragraphs[p]);
          g_string_append (out, "</p>\n");
        }
      if (e->annotations != NULL && e->annotations->len > 0)
        {
          g_string_append (out, "<h3>");
          append_escaped (out, _("Notes"));
          g_string_append (out, "</h3>\n");
          for (guint n = 0; n < e->annotations->len; n++)
            {
              DossierAnnotation *a = g_ptr_array_index (e->annotations, n);
              const char *note = dossier_annotation_get_note (a);

              g_string_append (out, "<blockquote>");
              append_escaped (out, dossier_annotation_get_quote (a));
              g_string_append (out, "</blockquote>\n");
              if (note != NULL && *note)
                {
                  g_string_append (out, "<p class=\"note\">");
                  append_escaped (out, note);
                  g_string_append (out, "</p>\n");
                }
            }
        }
      g_string_append (out, "</article>\n");
    }
  g_string_append (out, "</body>\n</html>\n");
}

/* @text as Markdown's block quote, each line behind "> " */
static void
append_quoted (GString    *out,
               const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    g_string_append_printf (out, ">%s%s\n", *lines[i] ? " " : "", lines[i]);
}

static void
markdown (GString                      *out,
          const DossierExportStoryInfo *info,
          GPtrArray                    *entries)
{
  g_autofree char *outlets = join_outlets (info);

  g_string_append_printf (out, "# %s\n\n%s  \n%s\n", info->title, info->span, outlets);
  for (guint i = 0; i < entries->len; i++)
    {
      DossierExportEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *by = byline (e->article);
      const char *body = dossier_article_get_body (e->article);

      g_string_append_printf (out, "\n---\n\n## %s\n\n*%s*\n\n", title_of (e->article), by);
      if (body != NULL && *body)
        {
          g_string_append (out, body);
          if (!g_str_has_suffix (body, "\n"))
            g_string_append_c (out, '\n');
        }
      if (e->annotations != NULL && e->annotations->len > 0)
        {
          g_string_append_printf (out, "\n### %s\n", _("Notes"));
          for (guint n = 0; n < e->annotations->len; n++)
            {
              DossierAnnotation *a = g_ptr_array_index (e->annotations, n);
              const char *note = dossier_annotation_get_note (a);

              g_string_append_c (out, '\n');
              append_quoted (out, dossier_annotation_get_quote (a));
              if (note != NULL && *note)
                g_string_append_printf (out, "\n%s\n", note);
            }
        }
    }
}

GBytes *
dossier_export_story_to_bytes (DossierExportFormat           format,
                               const DossierExportStoryInfo *info,
                               GPtrArray                    *entries,
                               GError                      **error)
{
  GString *out;

  g_return_val_if_fail (info != NULL && info->title != NULL && info->span != NULL, NULL);
  g_return_val_if_fail (entries != NULL, NULL);

  out = g_string_new (NULL);
  if (format == DOSSIER_EXPORT_HTML)
    html (out, info, entries);
  else if (format == DOSSIER_EXPORT_MARKDOWN)
    markdown (out, info, entries);
  else
    {
      g_string_free (out, TRUE);
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FAILED,
                   _("A story exports as HTML or Markdown, not as %s"),
                   dossier_export_format_to_string (format));
      return NULL;
    }
  return g_string_free_to_bytes (out);
}
