/* dossier-export-csv.c — one row per note, for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180: CRLF line ends, a header row, fields with a comma, a double
 * quote or a line break between double quotes (quotes doubled).  UTF-8
 * with a byte-order mark: LibreOffice's and Excel's import then pick UTF-8
 * without asking, so Cyrillic or accented text opens cleanly.  A cell that
 * a spreadsheet would run as a formula (starting with = + - @, tab or CR)
 * gets a leading apostrophe.
 */
#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <string.h>

#include "dossier-export-private.h"

void
_dossier_export_csv_field (GString    *out,
                           const char *value,
                           gboolean    last)
{
  g_autofree char *clean = _dossier_export_clean_text (value);
  const char *v = clean;
  gboolean formula = FALSE, quote;

  /* line breaks inside a cell: CRLF, like the rows */
  if (strchr (v, '\n') != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (v, "\n", -1);

      g_free (clean);
      v = clean = g_strjoinv ("\r\n", lines);
    }

  formula = *v == '=' || *v == '+' || *v == '-' || *v == '@' || *v == '\t' || *v == '\r';
  quote = formula || strpbrk (v, ",\"\r\n") != NULL || *v == ' ' ||
          (*v != '\0' && v[strlen (v) - 1] == ' ');
  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = v; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
  g_string_append (out, last ? "\r\n" : ",");
}

void
_dossier_export_csv (GString   *out,
                     GPtrArray *entries)
{
  g_string_append (out, "\xEF\xBB\xBF" DOSSIER_EXPORT_CSV_HEADER);

  for (guint i = 0; i < entries->len; i++)
    {
      DossierExportEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *published = dossier_article_dup_published_string (e->article);

      for (guint k = 0; e->annotations != NULL && k < e->annotations->len; k++)
        {
          DossierAnnotation *a = g_ptr_array_index (e->annotations, k);
          g_auto(GStrv) all_tags = _dossier_export_all_tags (a, e->article);
          g_autofree char *tags = g_strjoinv (", ", all_tags);
          g_autofree char *created = dossier_timestamp_to_iso (dossier_annotation_get_created (a));

          _dossier_export_csv_field (out, dossier_article_get_title (e->article), FALSE);
          _dossier_export_csv_field (out, dossier_article_get_source (e->article), FALSE);
          _dossier_export_csv_field (out, published, FALSE);
          _dossier_export_csv_field (out, dossier_article_get_url (e->article), FALSE);
          _dossier_export_csv_field (out, dossier_annotation_get_quote (a), FALSE);
          _dossier_export_csv_field (out, dossier_annotation_get_note (a), FALSE);
          _dossier_export_csv_field (out, tags, FALSE);
          _dossier_export_csv_field (out, dossier_annotation_get_color (a), FALSE);
          _dossier_export_csv_field (out, created, TRUE);
        }
    }
}
