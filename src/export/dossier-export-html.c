/* dossier-export-html.c — a printable dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One self-contained HTML file (no scripts, no external resources, a
 * Content-Security-Policy that forbids both): a cover, the contents by
 * date, then each article's metadata with its highlighted passages and
 * notes.  Print CSS gives A4/Letter pages with page numbers.  Everything
 * from the library is escaped; notes are Markdown, rendered by
 * dossier_markdown_append_html() (raw HTML escaped, http(s) links only).
 */
#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dossier-export-private.h"
#include "dossier-markdown.h"

static const char stylesheet[] =
  ":root { --ink: #1e1e1e; --muted: #5e5c64; --rule: #c0bfbc; --accent: #1c71d8; }\n"
  "* { box-sizing: border-box; }\n"
  "html { color: var(--ink); background: #fff; }\n"
  "body { margin: 0 auto; max-width: 46em; padding: 2em 1.5em 4em;"
  " font-family: 'Source Serif 4', 'Source Serif Pro', Charter, 'Bitstream Charter', Georgia,"
  " 'DejaVu Serif', 'Liberation Serif', serif; font-size: 11pt; line-height: 1.5; }\n"
  "h1, h2, h3, .meta, .cover .facts, .toc, .tags, .stamp, .running {"
  " font-family: Cantarell, 'Source Sans 3', 'Open Sans', 'DejaVu Sans', 'Liberation Sans', sans-serif; }\n"
  "a { color: var(--accent); text-decoration: none; }\n"
  ".cover { min-height: 92vh; display: flex; flex-direction: column; justify-content: center; }\n"
  ".cover .kicker { text-transform: uppercase; letter-spacing: 0.2em; color: var(--muted);"
  " font: 600 9pt Cantarell, 'DejaVu Sans', sans-serif; margin: 0 0 1.2em;"
  " border-top: 6px solid var(--ink); padding-top: 1em; }\n"
  ".cover h1 { font-size: 30pt; line-height: 1.15; margin: 0 0 0.4em; font-weight: 700; }\n"
  ".cover .scope { font-size: 14pt; color: var(--muted); margin: 0 0 2.5em; }\n"
  ".cover .facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.35em 1.5em;"
  " font-size: 10pt; border-top: 1px solid var(--rule); padding-top: 1.2em; margin: 0; }\n"
  ".cover .facts dt { color: var(--muted); }\n"
  ".cover .facts dd { margin: 0; }\n"
  ".contents h2 { font-size: 16pt; margin: 0 0 0.8em; }\n"
  ".toc { list-style: none; padding: 0; margin: 0; font-size: 9.5pt; }\n"
  ".toc li { display: grid; grid-template-columns: 8.8em 1fr max-content; gap: 0 1em;"
  " padding: 0.3em 0; border-bottom: 1px solid #deddda; break-inside: avoid; }\n"
  ".toc .date { color: var(--muted); white-space: nowrap; }\n"
  ".toc .src { color: var(--muted); }\n"
  ".toc .count { color: var(--muted); text-align: right; white-space: nowrap; }\n"
  "article.entry { margin-top: 2.6em; }\n"
  "article.entry > header { border-top: 2px solid var(--ink); padding-top: 0.6em;"
  " break-after: avoid; break-inside: avoid; }\n"
  "article.entry h2 { font-size: 15pt; line-height: 1.25; margin: 0 0 0.3em; }\n"
  ".meta { color: var(--muted); font-size: 9pt; margin: 0; }\n"
  ".meta .url { display: block; overflow-wrap: anywhere; }\n"
  ".note { margin: 1.2em 0 0; break-inside: avoid; }\n"
  ".note blockquote { margin: 0; padding: 0.35em 0.8em; border-left: 4px solid;"
  " font-size: 10.5pt; white-space: pre-wrap; }\n"
  ".note blockquote.hl-yellow { border-color: #e5a50a; background: #fdf6c4; }\n"
  ".note blockquote.hl-green { border-color: #26a269; background: #e3f8e8; }\n"
  ".note blockquote.hl-blue { border-color: #1c71d8; background: #e4effb; }\n"
  ".note blockquote.hl-pink { border-color: #e01b8e; background: #fde6f2; }\n"
  ".note blockquote.hl-purple { border-color: #813d9c; background: #f2e6f5; }\n"
  ".note blockquote.hl-orange { border-color: #e66100; background: #ffefdf; }\n"
  ".note .text { margin: 0.5em 0 0 1em; }\n"
  ".note .text p { margin: 0.3em 0; }\n"
  ".note .text ul, .note .text ol { margin: 0.3em 0; padding-left: 1.4em; }\n"
  ".note .text blockquote { margin: 0.3em 0; padding-left: 0.8em; border-left: 2px solid var(--rule);"
  " color: var(--muted); }\n"
  ".note code { font-family: 'Source Code Pro', 'DejaVu Sans Mono', monospace; font-size: 0.9em;"
  " background: #f6f5f4; padding: 0 0.2em; }\n"
  ".tags, .stamp { margin: 0.35em 0 0 1em; font-size: 8.5pt; color: var(--muted); }\n"
  ".tag { display: inline-block; border: 1px solid var(--rule); border-radius: 1em;"
  " padding: 0 0.6em; margin-right: 0.3em; }\n"
  ".orphan { color: #c01c28; }\n"
  ".empty { color: var(--muted); font-style: italic; }\n"
  "@page { size: A4; margin: 20mm 18mm 20mm;"
  " @bottom-center { content: counter(page); font: 9pt Cantarell, 'DejaVu Sans', sans-serif; color: #77767b; } }\n"
  "@page :first { @bottom-center { content: none; } }\n"
  "@media print {\n"
  "  body { max-width: none; padding: 0; }\n"
  "  a { color: inherit; }\n"
  "  .cover { min-height: 0; height: 250mm; justify-content: flex-start; padding-top: 70mm;"
  " break-after: page; }\n"
  "  .contents { break-after: page; }\n"
  "  .note blockquote { -webkit-print-color-adjust: exact; print-color-adjust: exact; }\n"
  "  .note .text a[href]::after { content: \" <\" attr(href) \">\"; font-size: 0.85em; color: var(--muted);"
  " overflow-wrap: anywhere; }\n"
  "}\n";

/* --- the document ---------------------------------------------------------- */

static void
append_date_range (GString   *out,
                   GPtrArray *entries)
{
  DossierArticle *first = NULL, *last = NULL;
  g_autofree char *a = NULL, *b = NULL;

  /* entries are sorted, undated last */
  for (guint i = 0; i < entries->len; i++)
    {
      DossierExportEntry *e = g_ptr_array_index (entries, i);

      if (dossier_article_get_published (e->article)->precision == DOSSIER_DATE_PRECISION_UNKNOWN)
        continue;
      if (first == NULL)
        first = e->article;
      last = e->article;
    }
  if (first == NULL)
    return;
  a = _dossier_export_format_published (first);
  b = _dossier_export_format_published (last);
  g_string_append_printf (out, "<dt>%s</dt><dd>", _("Period"));
  dossier_markdown_append_html_escaped (out, a, -1);
  if (g_strcmp0 (a, b) != 0)
    {
      g_string_append (out, " – ");
      dossier_markdown_append_html_escaped (out, b, -1);
    }
  g_string_append (out, "</dd>\n");
}

static void
append_annotation (GString           *out,
                   DossierAnnotation *a)
{
  const char *note = dossier_annotation_get_note (a);
  const char * const *tags = dossier_annotation_get_tags (a);
  const char *color = dossier_annotation_get_color (a);
  g_autoptr(GDateTime) created = g_date_time_new_from_unix_utc (dossier_annotation_get_created (a) / G_USEC_PER_SEC);
  g_autofree char *stamp = NULL;

  if (!dossier_annotation_color_is_valid (color))
    color = "yellow";
  if (created != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (created);

      /* TRANSLATORS: when a note was written, strftime format */
      stamp = g_date_time_format (local ? local : created, _("Noted %-d %B %Y"));
    }

  g_string_append_printf (out, "<section class=\"note\" id=\"n-%s\">\n<blockquote class=\"hl hl-%s\">",
                          dossier_annotation_get_uuid (a), color);
  dossier_markdown_append_html_escaped (out, dossier_annotation_get_quote (a), -1);
  g_string_append (out, "</blockquote>\n");
  if (note != NULL && *note != '\0')
    {
      g_string_append (out, "<div class=\"text\">");
      dossier_markdown_append_html (out, note);
      g_string_append (out, "</div>\n");
    }
  if ((tags != NULL && tags[0] != NULL) || stamp != NULL || dossier_annotation_get_orphan (a))
    {
      g_string_append (out, "<p class=\"tags\">");
      for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
        {
          g_string_append (out, "<span class=\"tag\">");
          dossier_markdown_append_html_escaped (out, tags[i], -1);
          g_string_append (out, "</span>");
        }
      if (stamp != NULL)
        {
          g_string_append (out, "<span class=\"when\">");
          dossier_markdown_append_html_escaped (out, stamp, -1);
          g_string_append (out, "</span>");
        }
      if (dossier_annotation_get_orphan (a))
        g_string_append_printf (out, " <span class=\"orphan\">%s</span>",
                                _("(no longer found in the article’s text)"));
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</section>\n");
}

static const char *
title_or_untitled (DossierArticle *article)
{
  const char *title = dossier_article_get_title (article);

  return title != NULL && *title != '\0' ? title : _("Untitled");
}

static void
append_article (GString            *out,
                DossierExportEntry *e)
{
  DossierArticle *article = e->article;
  g_autofree char *date = _dossier_export_format_published (article);
  const char *source = dossier_article_get_source (article);
  const char *byline = dossier_article_get_byline (article);
  const char *url = dossier_article_get_url (article);
  gboolean sep = FALSE;

  g_string_append_printf (out, "<article class=\"entry\" id=\"a-%" G_GINT64_FORMAT "\">\n<header>\n<h2>",
                          dossier_article_get_id (article));
  dossier_markdown_append_html_escaped (out, title_or_untitled (article), -1);
  g_string_append (out, "</h2>\n<p class=\"meta\">");
  if (source != NULL && *source != '\0')
    {
      g_string_append (out, "<strong>");
      dossier_markdown_append_html_escaped (out, source, -1);
      g_string_append (out, "</strong>");
      sep = TRUE;
    }
  if (date != NULL)
    {
      g_string_append (out, sep ? " · " : "");
      dossier_markdown_append_html_escaped (out, date, -1);
      sep = TRUE;
    }
  if (byline != NULL && *byline != '\0')
    {
      g_string_append (out, sep ? " · " : "");
      dossier_markdown_append_html_escaped (out, byline, -1);
    }
  if (url != NULL && *url != '\0')
    {
      gboolean web = g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://");

      g_string_append (out, "<span class=\"url\">");
      if (web)
        {
          g_string_append (out, "<a href=\"");
          dossier_markdown_append_html_escaped (out, url, -1);
          g_string_append (out, "\">");
        }
      dossier_markdown_append_html_escaped (out, url, -1);
      g_string_append (out, web ? "</a></span>" : "</span>");
    }
  g_string_append (out, "</p>\n");
  /* the article's own tags (the notes' are under each note) */
  if (dossier_article_get_tags (article)[0] != NULL)
    {
      const char * const *tags = dossier_article_get_tags (article);

      g_string_append (out, "<p class=\"tags\">");
      for (guint i = 0; tags[i] != NULL; i++)
        {
          g_string_append (out, i > 0 ? " #" : "#");
          dossier_markdown_append_html_escaped (out, tags[i], -1);
        }
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "</header>\n");
  if (e->annotations == NULL || e->annotations->len == 0)
    g_string_append_printf (out, "<p class=\"empty\">%s</p>\n", _("No notes."));
  for (guint i = 0; e->annotations != NULL && i < e->annotations->len; i++)
    append_annotation (out, g_ptr_array_index (e->annotations, i));
  g_string_append (out, "</article>\n");
}

void
_dossier_export_html (GString                    *out,
                      GPtrArray                  *entries,
                      const DossierExportOptions *options)
{
  const char *title = options && options->title ? options->title : _("Notes from Dossier");
  g_autoptr(GDateTime) generated = NULL;
  g_autofree char *generated_text = NULL;
  guint n_notes = 0;

  generated = g_date_time_new_from_unix_local ((options && options->generated
                                                ? options->generated : g_get_real_time ())
                                               / G_USEC_PER_SEC);
  generated_text = generated ? g_date_time_format (generated, _("%-d %B %Y")) : NULL;
  for (guint i = 0; i < entries->len; i++)
    {
      DossierExportEntry *e = g_ptr_array_index (entries, i);

      n_notes += e->annotations ? e->annotations->len : 0;
    }

  g_string_append (out, "<!DOCTYPE html>\n<html lang=\"\">\n<head>\n<meta charset=\"utf-8\">\n"
                        DOSSIER_EXPORT_HTML_GENERATOR "\n"
                        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
                        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
  dossier_markdown_append_html_escaped (out, title, -1);
  g_string_append_printf (out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", stylesheet);

  /* cover */
  g_string_append_printf (out, "<section class=\"cover\">\n<p class=\"kicker\">%s</p>\n<h1>", _("Dossier"));
  dossier_markdown_append_html_escaped (out, title, -1);
  g_string_append (out, "</h1>\n");
  if (options && options->scope && *options->scope)
    {
      g_string_append (out, "<p class=\"scope\">");
      dossier_markdown_append_html_escaped (out, options->scope, -1);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<dl class=\"facts\">\n");
  g_string_append_printf (out, "<dt>%s</dt><dd>%u</dd>\n", _("Articles"), entries->len);
  g_string_append_printf (out, "<dt>%s</dt><dd>%u</dd>\n", _("Notes"), n_notes);
  append_date_range (out, entries);
  if (generated_text != NULL)
    {
      g_string_append_printf (out, "<dt>%s</dt><dd>", _("Prepared"));
      dossier_markdown_append_html_escaped (out, generated_text, -1);
      g_string_append (out, "</dd>\n");
    }
  g_string_append (out, "</dl>\n</section>\n");

  /* contents, by date (the entries' order) */
  g_string_append_printf (out, "<nav class=\"contents\">\n<h2>%s</h2>\n<ol class=\"toc\">\n", _("Contents"));
  for (guint i = 0; i < entries->len; i++)
    {
      DossierExportEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *date = _dossier_export_format_published (e->article);
      const char *source = dossier_article_get_source (e->article);
      guint n = e->annotations ? e->annotations->len : 0;

      g_string_append (out, "<li><span class=\"date\">");
      dossier_markdown_append_html_escaped (out, date ? date : _("Undated"), -1);
      g_string_append_printf (out, "</span><span><a href=\"#a-%" G_GINT64_FORMAT "\">",
                              dossier_article_get_id (e->article));
      dossier_markdown_append_html_escaped (out, title_or_untitled (e->article), -1);
      g_string_append (out, "</a>");
      if (source != NULL && *source != '\0')
        {
          g_string_append (out, " <span class=\"src\">— ");
          dossier_markdown_append_html_escaped (out, source, -1);
          g_string_append (out, "</span>");
        }
      g_string_append (out, "</span><span class=\"count\">");
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u note", "%u notes", n), n);
      g_string_append (out, "</span></li>\n");
    }
  if (entries->len == 0)
    g_string_append_printf (out, "<li class=\"empty\">%s</li>\n", _("Nothing to show: no notes matched."));
  g_string_append (out, "</ol>\n</nav>\n");

  for (guint i = 0; i < entries->len; i++)
    append_article (out, g_ptr_array_index (entries, i));
  g_string_append (out, "</body>\n</html>\n");
}
