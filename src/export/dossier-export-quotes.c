/* dossier-export-quotes.c — quotes to Markdown and CSV, each with a
 * dossier:// link back to its passage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Markdown: a heading, then per quote a block quote of the quoted words
 * and a line naming the speaker, the article, its source and date, with
 * the link.  CSV: the same fields as cells, UTF-8 with a byte order mark
 * like the notes' CSV, so that spreadsheets read it as Unicode.
 */
#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-export-quotes.h"
#include "dossier-export-private.h"

char *
dossier_export_quote_link (const DossierPersonQuote *quote)
{
  g_return_val_if_fail (quote != NULL, NULL);

  return g_strdup_printf ("dossier://article/%" G_GINT64_FORMAT "?passage=%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                          quote->article_id, quote->start, quote->end);
}

/* @text with Markdown's inline marks escaped, on one line */
static void
append_inline (GString    *out,
               const char *text)
{
  g_autofree char *clean = _dossier_export_clean_text (text);

  for (const char *p = clean; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<>#|", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p == '\n' || *p == '\t' ? ' ' : *p);
    }
}

char *
dossier_export_quotes_markdown (const char *title,
                                GPtrArray  *quotes)
{
  GString *out = g_string_new ("# ");

  g_return_val_if_fail (quotes != NULL, NULL);

  append_inline (out, title != NULL ? title : "");
  g_string_append (out, "\n");
  for (guint i = 0; i < quotes->len; i++)
    {
      DossierPersonQuote *q = g_ptr_array_index (quotes, i);
      g_autofree char *text = _dossier_export_clean_text (q->text);
      g_autofree char *link = dossier_export_quote_link (q);
      g_auto(GStrv) lines = NULL;

      g_string_append (out, "\n");
      /* a quote over several paragraphs stays one block quote */
      lines = g_strsplit (text, "\n", -1);
      for (guint l = 0; lines[l] != NULL; l++)
        {
          g_string_append (out, lines[l][0] != '\0' ? "> " : ">");
          append_inline (out, lines[l]);
          g_string_append (out, "\n");
        }
      g_string_append (out, "\n— ");
      append_inline (out, q->speaker != NULL ? q->speaker : _("Unattributed"));
      g_string_append (out, ", *");
      append_inline (out, q->title != NULL ? q->title : "");
      g_string_append (out, "*");
      if (q->source != NULL && *q->source != '\0')
        {
          g_string_append (out, ", ");
          append_inline (out, q->source);
        }
      if (q->published != NULL)
        {
          g_string_append (out, ", ");
          append_inline (out, q->published);
        }
      g_string_append_printf (out, " ([passage](%s))\n", link);
    }
  return g_string_free (out, FALSE);
}

char *
dossier_export_quotes_csv (GPtrArray *quotes)
{
  GString *out = g_string_new ("\xEF\xBB\xBF" "speaker,quote,sentence,title,source,published,link\r\n");

  g_return_val_if_fail (quotes != NULL, NULL);

  for (guint i = 0; i < quotes->len; i++)
    {
      DossierPersonQuote *q = g_ptr_array_index (quotes, i);
      g_autofree char *link = dossier_export_quote_link (q);

      _dossier_export_csv_field (out, q->speaker != NULL ? q->speaker : "", FALSE);
      _dossier_export_csv_field (out, q->text != NULL ? q->text : "", FALSE);
      _dossier_export_csv_field (out, q->context != NULL ? q->context : "", FALSE);
      _dossier_export_csv_field (out, q->title != NULL ? q->title : "", FALSE);
      _dossier_export_csv_field (out, q->source != NULL ? q->source : "", FALSE);
      _dossier_export_csv_field (out, q->published != NULL ? q->published : "", FALSE);
      _dossier_export_csv_field (out, link, TRUE);
    }
  return g_string_free (out, FALSE);
}
