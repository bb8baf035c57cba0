/* dossier-export-html.c — a printable dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One self-contained HTML file (no scripts, no external resources, a
 * Content-Security-Policy that forbids both): a cover, the contents by
 * date, then each article's metadata with its highlighted passages and
 * notes.  Print CSS gives A4/Letter pages with page numbers.  Everything
 * from the library is escaped; notes are Markdown, rendered here as a small
 * safe subset (paragraphs, lists, quotes, emphasis, code, http(s) links).
 */
#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "dossier-export-private.h"

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

void
_dossier_export_html_escape (GString    *out,
                             const char *text,
                             gssize      len)
{
  const char *p, *end;

  if (text == NULL)
    return;
  end = len < 0 ? text + strlen (text) : text + len;
  for (p = text; p < end; p++)
    {
      switch (*p)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\'': g_string_append (out, "&#39;"); break;
        default:
          if (((guchar) *p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
            g_string_append_c (out, ' ');
          else
            g_string_append_c (out, *p);
        }
    }
}

/* --- Markdown notes, a safe subset ---------------------------------------- */

static void render_inline (GString *out, const char *s, gsize len, int depth);

/* the closing @delim in s[from..len), not preceded by a backslash */
static const char *
find_closing (const char *s,
              gsize       len,
              gsize       from,
              const char *delim)
{
  gsize dl = strlen (delim);

  for (gsize i = from; i + dl <= len; i++)
    {
      if (s[i] == '\\')
        {
          i++;
          continue;
        }
      if (memcmp (s + i, delim, dl) == 0 && i > from)
        return s + i;
    }
  return NULL;
}

static void
render_inline (GString    *out,
               const char *s,
               gsize       len,
               int         depth)
{
  gsize i = 0;

  while (i < len)
    {
      char c = s[i];
      const char *close;

      if (c == '\\' && i + 1 < len && g_ascii_ispunct (s[i + 1]))
        {
          _dossier_export_html_escape (out, s + i + 1, 1);
          i += 2;
          continue;
        }
      if (c == '`' && (close = find_closing (s, len, i + 1, "`")) != NULL)
        {
          g_string_append (out, "<code>");
          _dossier_export_html_escape (out, s + i + 1, close - (s + i + 1));
          g_string_append (out, "</code>");
          i = close - s + 1;
          continue;
        }
      if (depth < 4 && (c == '*' || c == '_') && i + 1 < len && s[i + 1] == c)
        {
          char delim[3] = { c, c, 0 };

          if ((close = find_closing (s, len, i + 2, delim)) != NULL)
            {
              g_string_append (out, "<strong>");
              render_inline (out, s + i + 2, close - (s + i + 2), depth + 1);
              g_string_append (out, "</strong>");
              i = close - s + 2;
              continue;
            }
        }
      if (depth < 4 && (c == '*' || (c == '_' && (i == 0 || !g_ascii_isalnum (s[i - 1])))) &&
          i + 1 < len && !g_ascii_isspace (s[i + 1]))
        {
          char delim[2] = { c, 0 };

          if ((close = find_closing (s, len, i + 1, delim)) != NULL && !g_ascii_isspace (close[-1]))
            {
              g_string_append (out, "<em>");
              render_inline (out, s + i + 1, close - (s + i + 1), depth + 1);
              g_string_append (out, "</em>");
              i = close - s + 1;
              continue;
            }
        }
      if (c == '[' && depth < 4)
        {
          const char *mid = find_closing (s, len, i + 1, "](");
          const char *end = mid ? memchr (mid + 2, ')', len - (mid + 2 - s)) : NULL;

          if (end != NULL)
            {
              const char *url = mid + 2;
              gsize url_len = end - url;

              if ((url_len > 7 && g_ascii_strncasecmp (url, "http://", 7) == 0) ||
                  (url_len > 8 && g_ascii_strncasecmp (url, "https://", 8) == 0))
                {
                  g_string_append (out, "<a href=\"");
                  _dossier_export_html_escape (out, url, url_len);
                  g_string_append (out, "\">");
                  render_inline (out, s + i + 1, mid - (s + i + 1), depth + 1);
                  g_string_append (out, "</a>");
                  i = end - s + 1;
                  continue;
                }
            }
        }
      _dossier_export_html_escape (out, s + i, 1);
      i++;
    }
}

typedef enum { BLOCK_NONE, BLOCK_P, BLOCK_UL, BLOCK_OL, BLOCK_QUOTE, BLOCK_PRE } BlockKind;

static void
close_block (GString   *out,
             BlockKind *kind)
{
  static const char * const closers[] = {
    [BLOCK_NONE] = "", [BLOCK_P] = "</p>\n", [BLOCK_UL] = "</li></ul>\n",
    [BLOCK_OL] = "</li></ol>\n", [BLOCK_QUOTE] = "</blockquote>\n", [BLOCK_PRE] = "</code></pre>\n",
  };

  g_string_append (out, closers[*kind]);
  *kind = BLOCK_NONE;
}

/* the text after a list marker ("- ", "* ", "+ ", "12. ", "3) "), or NULL */
static const char *
list_item (const char *line,
           gboolean   *ordered)
{
  const char *p = line;

  while (*p == ' ')
    p++;
  if ((*p == '-' || *p == '*' || *p == '+') && p[1] == ' ')
    {
      *ordered = FALSE;
      return p + 2;
    }
  if (g_ascii_isdigit (*p))
    {
      while (g_ascii_isdigit (*p))
        p++;
      if ((*p == '.' || *p == ')') && p[1] == ' ')
        {
          *ordered = TRUE;
          return p + 2;
        }
    }
  return NULL;
}

void
_dossier_export_html_note (GString    *out,
                           const char *markdown)
{
  g_auto(GStrv) lines = g_strsplit (markdown ? markdown : "", "\n", -1);
  BlockKind kind = BLOCK_NONE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      const char *item, *stripped;
      gboolean ordered = FALSE;

      g_strchomp (line);   /* also the \r of CRLF */
      stripped = line;
      while (*stripped == ' ')
        stripped++;

      if (kind == BLOCK_PRE)
        {
          if (g_str_has_prefix (stripped, "```") || g_str_has_prefix (stripped, "~~~"))
            close_block (out, &kind);
          else
            {
              _dossier_export_html_escape (out, line, -1);
              g_string_append_c (out, '\n');
            }
          continue;
        }
      if (g_str_has_prefix (stripped, "```") || g_str_has_prefix (stripped, "~~~"))
        {
          close_block (out, &kind);
          g_string_append (out, "<pre><code>");
          kind = BLOCK_PRE;
          continue;
        }
      if (*stripped == '\0')
        {
          close_block (out, &kind);
          continue;
        }
      if ((item = list_item (line, &ordered)) != NULL)
        {
          BlockKind want = ordered ? BLOCK_OL : BLOCK_UL;

          if (kind == want)
            g_string_append (out, "</li>\n<li>");
          else
            {
              close_block (out, &kind);
              g_string_append (out, ordered ? "<ol>\n<li>" : "<ul>\n<li>");
              kind = want;
            }
          render_inline (out, item, strlen (item), 0);
          continue;
        }
      if (*stripped == '>')
        {
          const char *q = stripped + 1;

          if (*q == ' ')
            q++;
          if (kind != BLOCK_QUOTE)
            {
              close_block (out, &kind);
              g_string_append (out, "<blockquote>");
              kind = BLOCK_QUOTE;
            }
          else
            g_string_append (out, "<br>\n");
          render_inline (out, q, strlen (q), 0);
          continue;
        }
      if (*stripped == '#')
        {
          const char *h = stripped;

          while (*h == '#')
            h++;
          if (*h == ' ' && h - stripped <= 6)
            {
              close_block (out, &kind);
              g_string_append (out, "<p><strong>");
              render_inline (out, h + 1, strlen (h + 1), 0);
              g_string_append (out, "</strong></p>\n");
              continue;
            }
        }
      if (kind == BLOCK_P || kind == BLOCK_UL || kind == BLOCK_OL || kind == BLOCK_QUOTE)
        {
          /* continuation line of the same block */
          g_string_append (out, kind == BLOCK_P ? "<br>\n" : " ");
        }
      else
        {
          close_block (out, &kind);
          g_string_append (out, "<p>");
          kind = BLOCK_P;
        }
      render_inline (out, stripped, strlen (stripped), 0);
    }
  close_block (out, &kind);
}

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
  _dossier_export_html_escape (out, a, -1);
  if (g_strcmp0 (a, b) != 0)
    {
      g_string_append (out, " – ");
      _dossier_export_html_escape (out, b, -1);
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
  _dossier_export_html_escape (out, dossier_annotation_get_quote (a), -1);
  g_string_append (out, "</blockquote>\n");
  if (note != NULL && *note != '\0')
    {
      g_string_append (out, "<div class=\"text\">");
      _dossier_export_html_note (out, note);
      g_string_append (out, "</div>\n");
    }
  if ((tags != NULL && tags[0] != NULL) || stamp != NULL || dossier_annotation_get_orphan (a))
    {
      g_string_append (out, "<p class=\"tags\">");
      for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
        {
          g_string_append (out, "<span class=\"tag\">");
          _dossier_export_html_escape (out, tags[i], -1);
          g_string_append (out, "</span>");
        }
      if (stamp != NULL)
        {
          g_string_append (out, "<span class=\"when\">");
          _dossier_export_html_escape (out, stamp, -1);
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
  _dossier_export_html_escape (out, title_or_untitled (article), -1);
  g_string_append (out, "</h2>\n<p class=\"meta\">");
  if (source != NULL && *source != '\0')
    {
      g_string_append (out, "<strong>");
      _dossier_export_html_escape (out, source, -1);
      g_string_append (out, "</strong>");
      sep = TRUE;
    }
  if (date != NULL)
    {
      g_string_append (out, sep ? " · " : "");
      _dossier_export_html_escape (out, date, -1);
      sep = TRUE;
    }
  if (byline != NULL && *byline != '\0')
    {
      g_string_append (out, sep ? " · " : "");
      _dossier_export_html_escape (out, byline, -1);
    }
  if (url != NULL && *url != '\0')
    {
      gboolean web = g_str_has_prefix (url, "http://") || g_str_has_prefix (url, "https://");

      g_string_append (out, "<span class=\"url\">");
      if (web)
        {
          g_string_append (out, "<a href=\"");
          _dossier_export_html_escape (out, url, -1);
          g_string_append (out, "\">");
        }
      _dossier_export_html_escape (out, url, -1);
      g_string_append (out, web ? "</a></span>" : "</span>");
    }
  g_string_append (out, "</p>\n</header>\n");
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
  _dossier_export_html_escape (out, title, -1);
  g_string_append_printf (out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", stylesheet);

  /* cover */
  g_string_append_printf (out, "<section class=\"cover\">\n<p class=\"kicker\">%s</p>\n<h1>", _("Dossier"));
  _dossier_export_html_escape (out, title, -1);
  g_string_append (out, "</h1>\n");
  if (options && options->scope && *options->scope)
    {
      g_string_append (out, "<p class=\"scope\">");
      _dossier_export_html_escape (out, options->scope, -1);
      g_string_append (out, "</p>\n");
    }
  g_string_append (out, "<dl class=\"facts\">\n");
  g_string_append_printf (out, "<dt>%s</dt><dd>%u</dd>\n", _("Articles"), entries->len);
  g_string_append_printf (out, "<dt>%s</dt><dd>%u</dd>\n", _("Notes"), n_notes);
  append_date_range (out, entries);
  if (generated_text != NULL)
    {
      g_string_append_printf (out, "<dt>%s</dt><dd>", _("Prepared"));
      _dossier_export_html_escape (out, generated_text, -1);
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
      _dossier_export_html_escape (out, date ? date : _("Undated"), -1);
      g_string_append_printf (out, "</span><span><a href=\"#a-%" G_GINT64_FORMAT "\">",
                              dossier_article_get_id (e->article));
      _dossier_export_html_escape (out, title_or_untitled (e->article), -1);
      g_string_append (out, "</a>");
      if (source != NULL && *source != '\0')
        {
          g_string_append (out, " <span class=\"src\">— ");
          _dossier_export_html_escape (out, source, -1);
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
