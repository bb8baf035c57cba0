/* dossier-app-export.c — values, detection and helpers shared by the
 * parsers of other apps' export files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-app-export-private.h"
#include "dossier-html-extract.h"

static void
highlight_free (gpointer p)
{
  DossierAppHighlight *h = p;

  g_free (h->quote);
  g_free (h->note);
  g_free (h);
}

static void
entry_free (gpointer p)
{
  DossierAppEntry *e = p;

  g_free (e->source_id);
  g_free (e->url);
  g_free (e->title);
  g_free (e->byline);
  g_free (e->body);
  g_strfreev (e->tags);
  g_ptr_array_unref (e->highlights);
  g_free (e->error);
  g_free (e);
}

void
dossier_app_export_free (DossierAppExport *export)
{
  if (export == NULL)
    return;
  g_ptr_array_unref (export->entries);
  g_free (export);
}

DossierAppExport *
_dossier_app_export_new (DossierAppKind kind)
{
  DossierAppExport *export = g_new0 (DossierAppExport, 1);

  export->kind = kind;
  export->entries = g_ptr_array_new_with_free_func (entry_free);
  return export;
}

DossierAppEntry *
_dossier_app_entry_add (DossierAppExport *export,
                        guint             row)
{
  DossierAppEntry *e = g_new0 (DossierAppEntry, 1);

  e->row = row;
  e->tags = g_new0 (char *, 1);
  e->highlights = g_ptr_array_new_with_free_func (highlight_free);
  g_ptr_array_add (export->entries, e);
  return e;
}

void
_dossier_app_entry_fail (DossierAppEntry *entry,
                         const char      *format,
                         ...)
{
  va_list args;

  if (entry->error != NULL)
    return;  /* the first reason is the one reported */
  va_start (args, format);
  entry->error = g_strdup_vprintf (format, args);
  va_end (args);
}

void
_dossier_app_entry_add_tag (DossierAppEntry *entry,
                            const char      *tag)
{
  g_autofree char *t = NULL;
  guint n;

  if (tag == NULL)
    return;
  t = g_strstrip (g_strdup (tag));
  if (*t == '\0' || !g_utf8_validate (t, -1, NULL))
    return;
  n = g_strv_length (entry->tags);
  for (guint i = 0; i < n; i++)
    if (g_utf8_collate (entry->tags[i], t) == 0)
      return;
  entry->tags = g_renew (char *, entry->tags, n + 2);
  entry->tags[n] = g_steal_pointer (&t);
  entry->tags[n + 1] = NULL;
}

DossierAppHighlight *
_dossier_app_entry_add_highlight (DossierAppEntry *entry,
                                  const char      *quote,
                                  const char      *note)
{
  DossierAppHighlight *h = g_new0 (DossierAppHighlight, 1);

  h->quote = g_strdup (quote);
  h->note = (note != NULL && *note != '\0') ? g_strdup (note) : NULL;
  g_ptr_array_add (entry->highlights, h);
  return h;
}

/* 1990-01-01 and 2100-01-01 in seconds: saved times outside are errors */
#define EARLIEST_SAVED 631152000
#define LATEST_SAVED   4102444800

gboolean
_dossier_app_parse_time (const char *s,
                         gint64     *usec)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  gint64 seconds;

  if (s == NULL)
    return FALSE;
  while (g_ascii_isspace (*s))
    s++;
  if (g_ascii_isdigit (*s) && strspn (s, "0123456789") == strlen (s))
    {
      if (strlen (s) > 12)
        return FALSE;
      seconds = g_ascii_strtoll (s, NULL, 10);
    }
  else
    {
      utc = g_time_zone_new_utc ();
      dt = g_date_time_new_from_iso8601 (s, utc);
      if (dt == NULL)
        return FALSE;
      seconds = g_date_time_to_unix (dt);
    }
  if (seconds < EARLIEST_SAVED || seconds > LATEST_SAVED)
    return FALSE;
  *usec = seconds * G_USEC_PER_SEC + (dt != NULL ? g_date_time_get_microsecond (dt) : 0);
  return TRUE;
}

char *
_dossier_app_html_text (const char *html,
                        gsize       len)
{
  return dossier_html_to_text (html, len);
}

char *
_dossier_app_utf8_text (const guint8  *data,
                        gsize          len,
                        const char    *filename,
                        gsize         *out_len,
                        GError       **error)
{
  const char *from = NULL;
  char *text;

  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    {
      data += 3;
      len -= 3;
    }
  else if (len >= 2 && data[0] == 0xFF && data[1] == 0xFE)
    from = "UTF-16LE";
  else if (len >= 2 && data[0] == 0xFE && data[1] == 0xFF)
    from = "UTF-16BE";

  if (from != NULL)
    {
      text = g_convert ((const char *) data + 2, len - 2, "UTF-8", from, NULL, out_len, NULL);
      if (text == NULL)
        {
          g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_ENCODING,
                       _("%s: the file says it is %s but is not"), filename, from);
          return NULL;
        }
      return text;
    }
  /* rows are checked one by one: one row in a strange encoding does not
   * cost the others */
  *out_len = len;
  return g_strndup ((const char *) data, len);
}

const char *
dossier_app_kind_to_string (DossierAppKind kind)
{
  switch (kind)
    {
    case DOSSIER_APP_POCKET:     return "pocket";
    case DOSSIER_APP_OMNIVORE:   return "omnivore";
    case DOSSIER_APP_WALLABAG:   return "wallabag";
    case DOSSIER_APP_INSTAPAPER: return "instapaper";
    case DOSSIER_APP_UNKNOWN:
    default:                     return NULL;
    }
}

DossierAppKind
dossier_app_kind_from_string (const char *name)
{
  for (DossierAppKind k = DOSSIER_APP_POCKET; k <= DOSSIER_APP_INSTAPAPER; k++)
    if (g_strcmp0 (name, dossier_app_kind_to_string (k)) == 0)
      return k;
  return DOSSIER_APP_UNKNOWN;
}

const char *
dossier_app_kind_to_label (DossierAppKind kind)
{
  switch (kind)
    {
    case DOSSIER_APP_POCKET:     return "Pocket";
    case DOSSIER_APP_OMNIVORE:   return "Omnivore";
    case DOSSIER_APP_WALLABAG:   return "Wallabag";
    case DOSSIER_APP_INSTAPAPER: return "Instapaper";
    case DOSSIER_APP_UNKNOWN:
    default:                     return _("Unknown");
    }
}

static gboolean
head_contains (const guint8 *data,
               gsize         len,
               const char   *needle)
{
  gsize n = strlen (needle);
  gsize limit = MIN (len, 4096);

  for (gsize i = 0; i + n <= limit; i++)
    if (g_ascii_strncasecmp ((const char *) data + i, needle, n) == 0)
      return TRUE;
  return FALSE;
}

DossierAppKind
dossier_app_export_detect (const guint8 *data,
                           gsize         len)
{
  gsize i = 0;

  if (len >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    return DOSSIER_APP_OMNIVORE;
  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  /* JSON with Wallabag's own field names near the start */
  if (i < len && (data[i] == '[' || data[i] == '{'))
    return head_contains (data, len, "\"is_archived\"") || head_contains (data, len, "\"is_starred\"")
      || head_contains (data, len, "\"domain_name\"") ? DOSSIER_APP_WALLABAG : DOSSIER_APP_UNKNOWN;
  if (i < len && data[i] == '<')
    return head_contains (data, len, "time_added") || head_contains (data, len, "Pocket Export")
      ? DOSSIER_APP_POCKET : DOSSIER_APP_UNKNOWN;
  if (len - i >= 9 && g_ascii_strncasecmp ((const char *) data + i, "URL,Title", 9) == 0
      && head_contains (data + i, MIN (len - i, 200), "Folder"))
    return DOSSIER_APP_INSTAPAPER;
  if (head_contains (data + i, MIN (len - i, 200), "time_added"))
    return DOSSIER_APP_POCKET;
  return DOSSIER_APP_UNKNOWN;
}

DossierAppExport *
dossier_app_export_parse (DossierAppKind   kind,
                          const guint8    *data,
                          gsize            len,
                          const char      *filename,
                          GError         **error)
{
  if (len > DOSSIER_APP_EXPORT_MAX_SIZE)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_TOO_LARGE,
                   _("%s: too large to be an export (over %d MB)"), filename,
                   DOSSIER_APP_EXPORT_MAX_SIZE / (1024 * 1024));
      return NULL;
    }
  if (len == 0)
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                   _("%s: the file is empty"), filename);
      return NULL;
    }
  if (kind == DOSSIER_APP_UNKNOWN)
    kind = dossier_app_export_detect (data, len);
  switch (kind)
    {
    case DOSSIER_APP_POCKET:     return dossier_pocket_export_parse (data, len, filename, error);
    case DOSSIER_APP_OMNIVORE:   return dossier_omnivore_export_parse (data, len, filename, error);
    case DOSSIER_APP_WALLABAG:   return dossier_wallabag_export_parse (data, len, filename, error);
    case DOSSIER_APP_INSTAPAPER: return dossier_instapaper_export_parse (data, len, filename, error);
    case DOSSIER_APP_UNKNOWN:
    default:
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_PARSE,
                   _("%s: not an export of Pocket, Omnivore, Wallabag or Instapaper"), filename);
      return NULL;
    }
}

/* --- CSV --- */

void
_dossier_csv_init (DossierCsv *csv,
                   const char *text,
                   gsize       len)
{
  csv->p = text;
  csv->end = text + len;
  csv->line = 1;
}

static void
take_field (GPtrArray *fields,
            GString   *field)
{
  g_ptr_array_add (fields, g_strndup (field->str, field->len));
  g_string_truncate (field, 0);
}

GPtrArray *
_dossier_csv_next (DossierCsv *csv,
                   gboolean   *too_long)
{
  g_autoptr(GString) field = g_string_new (NULL);
  GPtrArray *fields;
  gboolean quoted = FALSE;
  guint lines = 0;

  *too_long = FALSE;
  /* blank lines between records are skipped */
  while (csv->p < csv->end && (*csv->p == '\n' || *csv->p == '\r'))
    {
      if (*csv->p == '\n')
        csv->line++;
      csv->p++;
    }
  if (csv->p >= csv->end)
    return NULL;

  fields = g_ptr_array_new_with_free_func (g_free);
  while (csv->p < csv->end)
    {
      char c = *csv->p++;

      if (quoted)
        {
          if (c == '"')
            {
              if (csv->p < csv->end && *csv->p == '"')
                {
                  csv->p++;
                  if (field->len < DOSSIER_APP_EXPORT_MAX_FIELD)
                    g_string_append_c (field, '"');
                }
              else
                quoted = FALSE;
              continue;
            }
          if (c == '\n')
            lines++;
          if (field->len < DOSSIER_APP_EXPORT_MAX_FIELD)
            g_string_append_c (field, c);
          else
            *too_long = TRUE;
          continue;
        }
      if (c == '"' && field->len == 0)
        quoted = TRUE;
      else if (c == ',')
        take_field (fields, field);
      else if (c == '\r' && csv->p < csv->end && *csv->p == '\n')
        continue;
      else if (c == '\n' || c == '\r')
        {
          lines++;
          break;
        }
      else if (field->len < DOSSIER_APP_EXPORT_MAX_FIELD)
        g_string_append_c (field, c);
      else
        *too_long = TRUE;
    }
  take_field (fields, field);
  csv->line += lines;
  return fields;
}

int
_dossier_csv_column (GPtrArray  *header,
                     const char *name)
{
  for (guint i = 0; i < header->len; i++)
    {
      g_autofree char *h = g_strstrip (g_strdup (g_ptr_array_index (header, i)));

      if (g_ascii_strcasecmp (h, name) == 0)
        return (int) i;
    }
  return -1;
}
