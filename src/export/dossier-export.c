/* dossier-export.c — the formats' shared parts, and writing them safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "dossier-export-private.h"

/* the most of an existing file we read to tell whether it is ours */
#define SNIFF_MAX (64 * 1024 * 1024)
/* file names: bytes before the extension */
#define NAME_MAX_BYTES 120

G_DEFINE_QUARK (dossier-export-error-quark, dossier_export_error)

/* --- formats ------------------------------------------------------------- */

gboolean
dossier_export_format_from_string (const char          *name,
                                   DossierExportFormat *out)
{
  static const struct { const char *name; DossierExportFormat format; } names[] = {
    { "markdown", DOSSIER_EXPORT_MARKDOWN }, { "md", DOSSIER_EXPORT_MARKDOWN },
    { "json", DOSSIER_EXPORT_JSON }, { "jsonld", DOSSIER_EXPORT_JSON },
    { "json-ld", DOSSIER_EXPORT_JSON }, { "csv", DOSSIER_EXPORT_CSV },
    { "html", DOSSIER_EXPORT_HTML },
  };

  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (name, names[i].name) == 0)
      {
        if (out != NULL)
          *out = names[i].format;
        return TRUE;
      }
  return FALSE;
}

const char *
dossier_export_format_to_string (DossierExportFormat format)
{
  switch (format)
    {
    case DOSSIER_EXPORT_MARKDOWN: return "markdown";
    case DOSSIER_EXPORT_JSON: return "json";
    case DOSSIER_EXPORT_CSV: return "csv";
    case DOSSIER_EXPORT_HTML: return "html";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
dossier_export_format_get_extension (DossierExportFormat format)
{
  switch (format)
    {
    case DOSSIER_EXPORT_MARKDOWN: return "md";
    case DOSSIER_EXPORT_JSON: return "json";
    case DOSSIER_EXPORT_CSV: return "csv";
    case DOSSIER_EXPORT_HTML: return "html";
    default: g_return_val_if_reached (NULL);
    }
}

const char *
dossier_export_format_get_mime_type (DossierExportFormat format)
{
  switch (format)
    {
    case DOSSIER_EXPORT_MARKDOWN: return "text/markdown";
    case DOSSIER_EXPORT_JSON: return "application/ld+json";
    case DOSSIER_EXPORT_CSV: return "text/csv";
    case DOSSIER_EXPORT_HTML: return "text/html";
    default: g_return_val_if_reached (NULL);
    }
}

/* --- entries ----------------------------------------------------------------- */

DossierExportEntry *
dossier_export_entry_new (DossierArticle *article,
                          GPtrArray      *annotations)
{
  DossierExportEntry *entry;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);

  entry = g_new0 (DossierExportEntry, 1);
  entry->article = g_object_ref (article);
  entry->annotations = annotations ? g_ptr_array_ref (annotations)
                                   : g_ptr_array_new_with_free_func (g_object_unref);
  return entry;
}

void
dossier_export_entry_free (DossierExportEntry *entry)
{
  if (entry == NULL)
    return;
  g_clear_object (&entry->article);
  g_clear_pointer (&entry->annotations, g_ptr_array_unref);
  g_free (entry);
}

GPtrArray *
dossier_export_entries_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_export_entry_free);
}

/* --- shared helpers ------------------------------------------------------------- */

char *
_dossier_export_format_published (DossierArticle *article)
{
  const DossierDate *d = dossier_article_get_published (article);
  g_autoptr(GDateTime) dt = NULL;

  if (d == NULL || d->precision == DOSSIER_DATE_PRECISION_UNKNOWN || d->year <= 0)
    return NULL;
  if (d->precision == DOSSIER_DATE_PRECISION_YEAR)
    return g_strdup_printf ("%d", d->year);
  dt = g_date_time_new_utc (d->year, MAX (d->month, 1),
                            d->precision == DOSSIER_DATE_PRECISION_DAY ? MAX (d->day, 1) : 1,
                            0, 0, 0);
  if (dt == NULL)
    return dossier_article_dup_published_string (article);
  if (d->precision == DOSSIER_DATE_PRECISION_MONTH)
    /* TRANSLATORS: a month, strftime format */
    return g_date_time_format (dt, _("%B %Y"));
  /* TRANSLATORS: a day, strftime format */
  return g_date_time_format (dt, _("%-d %B %Y"));
}

char **
_dossier_export_all_tags (DossierAnnotation *annotation,
                          DossierArticle    *article)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint k = 0; k < 2; k++)
    {
      const char * const *tags = k == 0 ? dossier_annotation_get_tags (annotation)
                                        : dossier_article_get_tags (article);

      for (guint i = 0; tags != NULL && tags[i] != NULL; i++)
        {
          char *key = g_utf8_casefold (tags[i], -1);

          if (g_hash_table_contains (seen, key))
            {
              g_free (key);
              continue;
            }
          g_hash_table_add (seen, key);
          g_strv_builder_add (builder, tags[i]);
        }
    }
  return g_strv_builder_end (builder);
}

char *
_dossier_export_clean_text (const char *text)
{
  GString *out = g_string_sized_new (text ? strlen (text) : 0);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          if (p[1] != '\n')
            g_string_append_c (out, '\n');
          continue;
        }
      if (((guchar) *p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
        continue;
      g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* --- documents ---------------------------------------------------------------- */

static GString *
build_document (DossierExportFormat         format,
                GPtrArray                  *entries,
                const DossierExportOptions *options)
{
  GString *out = g_string_sized_new (4096);

  switch (format)
    {
    case DOSSIER_EXPORT_MARKDOWN:
      /* one article: the same document as one file of a folder export */
      if (entries->len == 1)
        {
          DossierExportEntry *e = g_ptr_array_index (entries, 0);

          _dossier_export_markdown_article (out, e->article, e->annotations, TRUE);
        }
      else
        _dossier_export_markdown_combined (out, entries, options);
      _dossier_export_markdown_seal (out);
      break;
    case DOSSIER_EXPORT_JSON:
      _dossier_export_json (out, entries, options);
      break;
    case DOSSIER_EXPORT_CSV:
      _dossier_export_csv (out, entries);
      break;
    case DOSSIER_EXPORT_HTML:
      _dossier_export_html (out, entries, options);
      break;
    default:
      g_assert_not_reached ();
    }
  return out;
}

GBytes *
dossier_export_to_bytes (DossierExportFormat          format,
                         GPtrArray                   *entries,
                         const DossierExportOptions  *options,
                         GError                     **error)
{
  GString *out;

  g_return_val_if_fail (entries != NULL, NULL);

  if (format > DOSSIER_EXPORT_HTML)
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_FAILED,
                   _("Unknown export format %d"), (int) format);
      return NULL;
    }
  out = build_document (format, entries, options);
  return g_string_free_to_bytes (out);
}

/* --- names and links ---------------------------------------------------------- */

static gboolean
is_reserved_device_name (const char *name)
{
  static const char * const reserved[] = { "CON", "PRN", "AUX", "NUL", NULL };
  g_autofree char *stem = NULL;
  const char *dot = strchr (name, '.');

  stem = g_strndup (name, dot ? (gsize) (dot - name) : strlen (name));
  g_strchomp (stem);
  for (guint i = 0; reserved[i] != NULL; i++)
    if (g_ascii_strcasecmp (stem, reserved[i]) == 0)
      return TRUE;
  if (strlen (stem) == 4 && g_ascii_isdigit (stem[3]) &&
      (g_ascii_strncasecmp (stem, "COM", 3) == 0 || g_ascii_strncasecmp (stem, "LPT", 3) == 0))
    return TRUE;
  return FALSE;
}

char *
dossier_export_safe_file_name (const char *name)
{
  g_autofree char *valid = g_utf8_make_valid (name ? name : "", -1);
  g_autofree char *nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;
  const char *p;

  for (p = nfc ? nfc : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* path separators and what Windows, macOS or Obsidian links refuse */
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) ||
          strchr ("/\\:*?\"<>|#^[]", c) != NULL ||
          c == 0x2028 || c == 0x2029 || g_unichar_isspace (c))
        {
          if (c == ':' && out->len > 0)
            {
              /* "Russia: a view" → "Russia - a view" */
              g_string_append (out, " -");
            }
          space = TRUE;
          continue;
        }
      /* invisible format characters: bidi overrides that disguise the
       * extension, zero-width spaces, BOM */
      if (g_unichar_type (c) == G_UNICODE_FORMAT)
        continue;
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }

  /* words made only of dots ("../..") say nothing */
  {
    g_auto(GStrv) words = g_strsplit (out->str, " ", -1);
    GString *kept = g_string_new (NULL);

    for (guint i = 0; words[i] != NULL; i++)
      {
        if (words[i][0] == '\0' || strspn (words[i], ".") == strlen (words[i]))
          continue;
        if (kept->len > 0)
          g_string_append_c (kept, ' ');
        g_string_append (kept, words[i]);
      }
    g_string_free (out, TRUE);
    out = kept;
  }

  /* no hidden files, no "." or "..", nothing Windows trims away */
  while (out->len > 0 && (out->str[0] == '.' || out->str[0] == ' ' || out->str[0] == '-'))
    g_string_erase (out, 0, 1);

  /* shorten at a character boundary, preferably a word */
  if (out->len > NAME_MAX_BYTES)
    {
      const char *cut = g_utf8_find_prev_char (out->str, out->str + NAME_MAX_BYTES + 1);
      const char *space_at;

      while (cut != NULL && cut > out->str && (gsize) (cut - out->str) > NAME_MAX_BYTES)
        cut = g_utf8_find_prev_char (out->str, cut);
      space_at = cut ? g_utf8_strrchr (out->str, cut - out->str, ' ') : NULL;
      if (space_at != NULL && space_at - out->str > NAME_MAX_BYTES / 2)
        cut = space_at;
      g_string_truncate (out, cut ? (gsize) (cut - out->str) : 0);
    }
  while (out->len > 0 && (out->str[out->len - 1] == '.' || out->str[out->len - 1] == ' ' ||
                          out->str[out->len - 1] == '-'))
    g_string_truncate (out, out->len - 1);

  if (out->len == 0)
    g_string_assign (out, _("Untitled"));
  if (is_reserved_device_name (out->str))
    g_string_prepend_c (out, '_');
  return g_string_free (out, FALSE);
}

char *
dossier_export_file_name_for_article (DossierArticle *article)
{
  const DossierDate *d;
  const char *title;
  g_autofree char *raw = NULL;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);

  d = dossier_article_get_published (article);
  title = dossier_article_get_title (article);
  if (title == NULL || *title == '\0')
    title = _("Untitled");
  if (d != NULL && d->precision != DOSSIER_DATE_PRECISION_UNKNOWN)
    {
      g_autofree char *date = dossier_article_dup_published_string (article);

      raw = g_strdup_printf ("%s %s", date, title);
    }
  else
    raw = g_strdup (title);
  return dossier_export_safe_file_name (raw);
}

char *
dossier_export_uri_for_annotation (gint64      article_id,
                                   const char *uuid)
{
  if (uuid == NULL || *uuid == '\0')
    return g_strdup_printf ("dossier://article/%" G_GINT64_FORMAT, article_id);
  else
    {
      g_autofree char *escaped = g_uri_escape_string (uuid, NULL, FALSE);

      return g_strdup_printf ("dossier://article/%" G_GINT64_FORMAT "?annotation=%s",
                              article_id, escaped);
    }
}

gboolean
dossier_export_parse_uri (const char  *uri,
                          gint64      *article_id,
                          char       **uuid)
{
  g_autoptr(GUri) parsed = NULL;
  const char *path, *query;
  char *end = NULL;
  gint64 id;

  if (uuid != NULL)
    *uuid = NULL;
  if (uri == NULL || !(parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL)))
    return FALSE;
  if (g_strcmp0 (g_uri_get_scheme (parsed), "dossier") != 0 ||
      g_strcmp0 (g_uri_get_host (parsed), "article") != 0)
    return FALSE;
  path = g_uri_get_path (parsed);
  if (path == NULL || path[0] != '/' || !g_ascii_isdigit (path[1]))
    return FALSE;
  id = g_ascii_strtoll (path + 1, &end, 10);
  if (end == NULL || *end != '\0' || id <= 0)
    return FALSE;
  if (article_id != NULL)
    *article_id = id;

  query = g_uri_get_query (parsed);
  if (query != NULL && uuid != NULL)
    {
      g_autoptr(GHashTable) params = g_uri_parse_params (query, -1, "&", G_URI_PARAMS_NONE, NULL);
      const char *value = params ? g_hash_table_lookup (params, "annotation") : NULL;

      if (value != NULL && *value != '\0')
        *uuid = g_strdup (value);
    }
  return TRUE;
}

/* --- writing ----------------------------------------------------------------- */

static void
set_write_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE,
                 _("Could not write “%s”: the disk is full (nothing was written)"), path);
  else if (saved_errno == EACCES || saved_errno == EPERM || saved_errno == EROFS)
    g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE,
                 _("Could not write “%s”: %s (you may not write to that folder)"),
                 path, g_strerror (saved_errno));
  else
    g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE,
                 _("Could not write “%s”: %s"), path, g_strerror (saved_errno));
}

/* Writes @data into a new temporary file next to @path, flushed to disk
 * when @flush (else the caller flushes).  Returns its name, or NULL with
 * nothing left behind. */
static char *
write_temp_file (const char   *path,
                 const char   *data,
                 gsize         len,
                 int           mode,
                 gboolean      flush,
                 GError      **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *tmpl = g_build_filename (dir, ".dossier-export-XXXXXX", NULL);
  gsize done = 0;
  int fd, saved;

  fd = g_mkstemp_full (tmpl, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      saved = errno;
      set_write_error (error, saved, path);
      return NULL;
    }
  while (done < len)
    {
      gssize n = write (fd, data + done, MIN (len - done, (gsize) 1 << 20));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        goto fail;
      done += n;
    }
  if (fchmod (fd, mode) != 0 || (flush && fsync (fd) != 0))
    goto fail;
  if (close (fd) != 0)
    {
      fd = -1;
      goto fail;
    }
  return g_steal_pointer (&tmpl);

fail:
  saved = errno ? errno : EIO;
  if (fd >= 0)
    close (fd);
  g_unlink (tmpl);
  set_write_error (error, saved, path);
  return NULL;
}

static int
new_file_mode (const char *path)
{
  GStatBuf st;

  /* keep the mode of the file it replaces; else rw-r--r-- */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode))
    return st.st_mode & 0777;
  return 0644;
}

static void
sync_folder (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/* Whether an existing file at @path may be replaced without asking: it is
 * an earlier Dossier export in @format that nobody has changed (Markdown
 * carries a checksum; for the others, their recognisable head).  For
 * Markdown, @article_id must match the file's dossier-id too (0: a
 * combined file), unless it is -1. */
static gboolean
is_replaceable (const char          *path,
                DossierExportFormat  format,
                gint64               article_id)
{
  g_autoptr(GMappedFile) map = NULL;
  const char *data;
  gsize len;
  GStatBuf st;

  if (g_lstat (path, &st) != 0 || !S_ISREG (st.st_mode) || st.st_size > SNIFF_MAX)
    return FALSE;
  if (!(map = g_mapped_file_new (path, FALSE, NULL)))
    return FALSE;
  data = g_mapped_file_get_contents (map);
  len = g_mapped_file_get_length (map);
  if (data == NULL || len == 0)
    return FALSE;

  switch (format)
    {
    case DOSSIER_EXPORT_MARKDOWN:
      {
        gint64 id = 0;

        return _dossier_export_markdown_is_pristine (data, len, &id) &&
               (article_id < 0 || id == article_id);
      }
    case DOSSIER_EXPORT_JSON:
      {
        gsize head = MIN (len, 4096);

        return data[0] == '{' &&
               g_strstr_len (data, head, "\"type\": \"AnnotationCollection\"") != NULL &&
               g_strstr_len (data, head, "\"name\": \"Dossier\"") != NULL;
      }
    case DOSSIER_EXPORT_CSV:
      {
        const char *header = "\xEF\xBB\xBF" DOSSIER_EXPORT_CSV_HEADER;

        return len >= strlen (header) && memcmp (data, header, strlen (header)) == 0;
      }
    case DOSSIER_EXPORT_HTML:
      return g_strstr_len (data, MIN (len, 4096), DOSSIER_EXPORT_HTML_GENERATOR) != NULL;
    default:
      return FALSE;
    }
}

static gboolean
write_path_atomically (const char   *path,
                       const char   *data,
                       gsize         len,
                       GError      **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;

  if (!(tmp = write_temp_file (path, data, len, new_file_mode (path), TRUE, error)))
    return FALSE;
  if (g_rename (tmp, path) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      set_write_error (error, saved, path);
      return FALSE;
    }
  dir = g_path_get_dirname (path);
  sync_folder (dir);
  return TRUE;
}

static gboolean
check_can_replace (const char          *path,
                   DossierExportFormat  format,
                   gboolean             overwrite,
                   GError             **error)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return TRUE;
  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_EXISTS,
                   _("“%s” is a folder"), path);
      return FALSE;
    }
  if (overwrite)
    return TRUE;
  if (!is_replaceable (path, format, -1))
    {
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_EXISTS,
                   _("“%s” already exists and is not an unchanged Dossier export; "
                     "choose another name or remove it first"), path);
      return FALSE;
    }
  return TRUE;
}

gboolean
dossier_export_write_file (DossierExportFormat          format,
                           GPtrArray                   *entries,
                           const DossierExportOptions  *options,
                           GFile                       *dest,
                           gboolean                     overwrite,
                           GCancellable                *cancellable,
                           GError                     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  gsize len;
  const char *data;

  g_return_val_if_fail (G_IS_FILE (dest), FALSE);

  if (!(bytes = dossier_export_to_bytes (format, entries, options, error)))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  data = g_bytes_get_data (bytes, &len);

  path = g_file_get_path (dest);
  if (path != NULL)
    {
      if (!check_can_replace (path, format, overwrite, error))
        return FALSE;
      return write_path_atomically (path, data, len, error);
    }
  else
    {
      /* not a local file (a GVfs location): GIO's replace writes a
       * temporary file and renames it too */
      g_autofree char *uri = g_file_get_uri (dest);
      g_autoptr(GError) local_error = NULL;

      if (!overwrite && g_file_query_exists (dest, cancellable))
        {
          g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_EXISTS,
                       _("“%s” already exists; choose another name"), uri);
          return FALSE;
        }
      if (!g_file_replace_contents (dest, data, len, NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, cancellable, &local_error))
        {
          g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE,
                       _("Could not write “%s”: %s"), uri, local_error->message);
          return FALSE;
        }
      return TRUE;
    }
}

gboolean
dossier_export_ensure_folder (const char  *path,
                              GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        return TRUE;
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_EXISTS,
                   _("“%s” is a file, not a folder"), path);
      return FALSE;
    }
  if (g_mkdir_with_parents (path, 0755) != 0)
    {
      int saved = errno;

      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE,
                   _("Could not create the folder “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
dossier_export_write_folder (GPtrArray                   *entries,
                             const DossierExportOptions  *options,
                             GFile                       *folder,
                             gboolean                     overwrite,
                             GPtrArray                  **written,
                             GCancellable                *cancellable,
                             GError                     **error)
{
  g_autofree char *dir = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) finals = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) temps = g_ptr_array_new_with_free_func (g_free);
  GString *doc = g_string_sized_new (4096);
  gboolean ok = TRUE;

  g_return_val_if_fail (entries != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  if (written != NULL)
    *written = NULL;
  if (!(dir = g_file_get_path (folder)))
    {
      g_autofree char *uri = g_file_get_uri (folder);

      g_string_free (doc, TRUE);
      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE,
                   _("Cannot export one file per note into “%s”: choose a local folder"), uri);
      return FALSE;
    }
  if (!dossier_export_ensure_folder (dir, error))
    {
      g_string_free (doc, TRUE);
      return FALSE;
    }

  for (guint i = 0; i < entries->len && ok; i++)
    {
      DossierExportEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *base = dossier_export_file_name_for_article (e->article);
      gint64 id = dossier_article_get_id (e->article);
      char *path = NULL, *tmp;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      /* a name not used in this export (ignoring case, for macOS and
       * Windows) whose file, if any, we may replace */
      for (guint n = 1; path == NULL; n++)
        {
          g_autofree char *name = n == 1 ? g_strdup_printf ("%s.md", base)
                                         : g_strdup_printf ("%s (%u).md", base, n);
          g_autofree char *key = g_utf8_casefold (name, -1);
          g_autofree char *candidate = g_build_filename (dir, name, NULL);
          GStatBuf st;

          if (g_hash_table_contains (taken, key))
            continue;
          if (g_lstat (candidate, &st) == 0 &&
              !(S_ISREG (st.st_mode) &&
                (overwrite || is_replaceable (candidate, DOSSIER_EXPORT_MARKDOWN, id))))
            continue;
          g_hash_table_add (taken, g_steal_pointer (&key));
          path = g_steal_pointer (&candidate);
        }

      g_string_truncate (doc, 0);
      _dossier_export_markdown_article (doc, e->article, e->annotations, TRUE);
      _dossier_export_markdown_seal (doc);
      tmp = write_temp_file (path, doc->str, doc->len, new_file_mode (path), FALSE, error);
      if (tmp == NULL)
        {
          g_free (path);
          ok = FALSE;
          break;
        }
      g_ptr_array_add (temps, tmp);
      g_ptr_array_add (finals, path);
    }
  g_string_free (doc, TRUE);

  /* every file is written: flush them all at once (one syncfs() instead
   * of an fsync() per file), then move them into place */
  if (ok && temps->len > 0)
    {
      int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

      if (fd < 0 || syncfs (fd) != 0)
        {
          int saved = errno;

          set_write_error (error, saved, dir);
          ok = FALSE;
        }
      if (fd >= 0)
        close (fd);
    }
  for (guint i = 0; ok && i < temps->len; i++)
    {
      if (g_rename (g_ptr_array_index (temps, i), g_ptr_array_index (finals, i)) != 0)
        {
          int saved = errno;

          set_write_error (error, saved, g_ptr_array_index (finals, i));
          ok = FALSE;
          /* the ones already renamed are complete files: keep them */
          g_ptr_array_remove_range (temps, 0, i);
          g_ptr_array_remove_range (finals, 0, i);
        }
    }
  if (!ok)
    {
      for (guint i = 0; i < temps->len; i++)
        g_unlink (g_ptr_array_index (temps, i));
      return FALSE;
    }
  sync_folder (dir);
  if (written != NULL)
    *written = g_steal_pointer (&finals);
  return TRUE;
}
