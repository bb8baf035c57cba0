/* dossier-export.c — what to export, and writing it safely
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
#include "dossier-store.h"

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

/* --- what to export ------------------------------------------------------------- */

typedef struct
{
  const gint64 *ids;
  guint         n_ids;
  DossierQuery *query;
} CollectArgs;

static gint
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const DossierExportEntry *ea = *(DossierExportEntry * const *) a;
  const DossierExportEntry *eb = *(DossierExportEntry * const *) b;
  gint64 ja = dossier_date_to_julian (dossier_article_get_published (ea->article));
  gint64 jb = dossier_date_to_julian (dossier_article_get_published (eb->article));
  gint64 ia = dossier_article_get_id (ea->article), ib = dossier_article_get_id (eb->article);

  /* oldest first, undated last, then in the order they came in */
  if ((ja < 0) != (jb < 0))
    return ja < 0 ? 1 : -1;
  if (ja != jb)
    return ja < jb ? -1 : 1;
  return ia < ib ? -1 : ia > ib;
}

static gboolean
annotation_passes (DossierAnnotation *a,
                   DossierQuery      *query)
{
  const char * const *tags;

  if (query == NULL)
    return TRUE;
  if (query->colors->len > 0)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < query->colors->len && !any; i++)
        any = g_ascii_strcasecmp (g_ptr_array_index (query->colors, i),
                                  dossier_annotation_get_color (a)) == 0;
      if (!any)
        return FALSE;
    }
  tags = dossier_annotation_get_tags (a);
  for (guint i = 0; i < query->tags->len; i++)
    {
      const char *want = g_ptr_array_index (query->tags, i);
      g_autofree char *want_folded = g_utf8_casefold (want, -1);
      gboolean found = FALSE;

      for (guint t = 0; tags != NULL && tags[t] != NULL && !found; t++)
        {
          g_autofree char *folded = g_utf8_casefold (tags[t], -1);

          found = g_strcmp0 (folded, want_folded) == 0;
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

static gpointer
collect_op (DossierStore  *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  CollectArgs *args = data;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GHashTable) by_article = NULL;   /* id → GPtrArray of notes */
  g_autoptr(GPtrArray) articles = NULL;
  g_autoptr(GPtrArray) entries = dossier_export_entries_new ();
  gboolean explicit = args->n_ids > 0;
  DossierQuery *query = NULL;

  by_article = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                      (GDestroyNotify) g_ptr_array_unref);
  if (explicit)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

      /* each article once, and each one must exist */
      ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), args->n_ids);
      for (guint i = 0; i < args->n_ids; i++)
        {
          g_autoptr(DossierArticle) article = NULL;
          g_autoptr(GError) local_error = NULL;

          if (g_hash_table_contains (seen, &args->ids[i]))
            continue;
          g_hash_table_add (seen, (gpointer) &args->ids[i]);
          if (!(article = dossier_store_get_article (store, args->ids[i], FALSE, &local_error)))
            {
              if (g_error_matches (local_error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND))
                g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_NOT_FOUND,
                             _("There is no article %lld in the library"),
                             (long long) args->ids[i]);
              else
                g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          g_array_append_val (ids, args->ids[i]);
        }
    }
  else if (args->query != NULL && !dossier_query_is_empty (args->query))
    {
      query = args->query;
      if (!(ids = dossier_store_query_article_ids (store, query, cancellable, error)))
        return NULL;
    }

  /* the notes: per article when there are few, else all in one pass */
  if (ids != NULL && ids->len <= 64)
    {
      for (guint i = 0; i < ids->len; i++)
        {
          gint64 *key = g_new (gint64, 1);
          GPtrArray *notes;

          *key = g_array_index (ids, gint64, i);
          if (!(notes = dossier_store_list_annotations (store, *key, NULL, error)))
            {
              g_free (key);
              return NULL;
            }
          g_hash_table_insert (by_article, key, notes);
        }
    }
  else
    {
      g_autoptr(GHashTable) wanted = NULL;
      g_autoptr(GPtrArray) all = NULL;

      if (ids != NULL)
        {
          wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
          for (guint i = 0; i < ids->len; i++)
            g_hash_table_add (wanted, &g_array_index (ids, gint64, i));
        }
      if (!(all = dossier_store_list_annotations (store, 0, NULL, error)))
        return NULL;
      for (guint i = 0; i < all->len; i++)
        {
          DossierAnnotation *a = g_ptr_array_index (all, i);
          gint64 id = dossier_annotation_get_article_id (a);
          GPtrArray *notes;

          if (wanted != NULL && !g_hash_table_contains (wanted, &id))
            continue;
          if (!(notes = g_hash_table_lookup (by_article, &id)))
            {
              gint64 *key = g_new (gint64, 1);

              *key = id;
              notes = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (by_article, key, notes);
            }
          g_ptr_array_add (notes, g_object_ref (a));
        }
      if (ids == NULL)
        {
          /* the whole library: the articles that have notes */
          GHashTableIter iter;
          gpointer key;

          ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (by_article));
          g_hash_table_iter_init (&iter, by_article);
          while (g_hash_table_iter_next (&iter, &key, NULL))
            g_array_append_val (ids, *(gint64 *) key);
        }
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (!(articles = dossier_store_load_articles (store, (const gint64 *) ids->data, ids->len, NULL, error)))
    return NULL;

  for (guint i = 0; i < articles->len; i++)
    {
      DossierArticle *article = g_ptr_array_index (articles, i);
      gint64 id = dossier_article_get_id (article);
      GPtrArray *notes = g_hash_table_lookup (by_article, &id);
      g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint k = 0; notes != NULL && k < notes->len; k++)
        if (annotation_passes (g_ptr_array_index (notes, k), query))
          g_ptr_array_add (kept, g_object_ref (g_ptr_array_index (notes, k)));
      if (!explicit && kept->len == 0)
        continue;
      g_ptr_array_add (entries, dossier_export_entry_new (article, kept));
    }
  g_ptr_array_sort (entries, compare_entries);
  return g_steal_pointer (&entries);
}

GPtrArray *
dossier_export_collect_sync (DossierLibrary  *library,
                             const gint64    *ids,
                             guint            n_ids,
                             DossierQuery    *query,
                             GCancellable    *cancellable,
                             GError         **error)
{
  CollectArgs args = { ids, n_ids, query };

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);
  g_return_val_if_fail (n_ids == 0 || ids != NULL, NULL);

  return dossier_store_run (dossier_library_get_store (library), collect_op, &args,
                            cancellable, error);
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

static gboolean
ensure_folder (const char  *path,
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
  if (!ensure_folder (dir, error))
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

/* --- the command line ----------------------------------------------------------- */

static gboolean
write_stdout (GBytes  *bytes,
              GError **error)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if ((len > 0 && fwrite (data, 1, len, stdout) != len) || fflush (stdout) != 0)
    {
      int saved = errno;

      g_set_error (error, DOSSIER_EXPORT_ERROR, DOSSIER_EXPORT_ERROR_WRITE,
                   _("Could not write to standard output: %s"), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

gboolean
dossier_export_library (DossierLibrary       *library,
                        DossierExportFormat   format,
                        gint64                article_id,
                        const char           *query_text,
                        const char           *output,
                        gboolean              one_file,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(DossierQuery) query = NULL;
  g_autofree char *scope = NULL;
  DossierExportOptions options = { NULL, NULL, 0 };
  GStatBuf st;
  gboolean to_folder;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  if (query_text != NULL && *query_text != '\0')
    {
      query = dossier_query_parse (query_text, FALSE);
      scope = g_strdup_printf (_("Search: %s"), query_text);
    }
  entries = dossier_export_collect_sync (library, article_id > 0 ? &article_id : NULL,
                                         article_id > 0 ? 1 : 0, query, cancellable, error);
  if (entries == NULL)
    return FALSE;
  if (scope == NULL)
    scope = g_strdup (article_id > 0 ? _("One article") : _("Whole library"));
  options.scope = scope;

  if (output == NULL || strcmp (output, "-") == 0)
    {
      g_autoptr(GBytes) bytes = dossier_export_to_bytes (format, entries, &options, error);

      return bytes != NULL && write_stdout (bytes, error);
    }

  to_folder = g_str_has_suffix (output, G_DIR_SEPARATOR_S) ||
              (g_stat (output, &st) == 0 && S_ISDIR (st.st_mode));
  if (to_folder && format == DOSSIER_EXPORT_MARKDOWN && !one_file)
    {
      g_autoptr(GFile) folder = g_file_new_for_path (output);

      return dossier_export_write_folder (entries, &options, folder, FALSE, NULL,
                                          cancellable, error);
    }
  if (to_folder)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", _("Dossier notes"),
                                               dossier_export_format_get_extension (format));
      g_autofree char *path = g_build_filename (output, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);

      if (!ensure_folder (output, error))
        return FALSE;
      return dossier_export_write_file (format, entries, &options, file, FALSE, cancellable, error);
    }
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (output);

      return dossier_export_write_file (format, entries, &options, file, FALSE, cancellable, error);
    }
}

/* --- the dialog ------------------------------------------------------------------ */

typedef struct
{
  DossierExportFormat   format;
  GArray               *ids;
  DossierQuery         *query;
  char                 *title;
  char                 *scope;
  gint64                generated;
  GFile                *dest;
  gboolean              folder;
  gboolean              overwrite;
  guint                 n_notes;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->ids, g_array_unref);
  g_clear_pointer (&job->query, dossier_query_free);
  g_free (job->title);
  g_free (job->scope);
  g_clear_object (&job->dest);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  ExportJob *job = data;
  DossierExportOptions options = { job->title, job->scope, job->generated };
  g_autoptr(GPtrArray) entries = NULL;
  GError *error = NULL;
  gboolean ok;

  entries = dossier_export_collect_sync (DOSSIER_LIBRARY (source),
                                         job->ids ? (const gint64 *) job->ids->data : NULL,
                                         job->ids ? job->ids->len : 0,
                                         job->query, cancellable, &error);
  if (entries == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      DossierExportEntry *e = g_ptr_array_index (entries, i);

      job->n_notes += e->annotations->len;
    }
  if (job->folder)
    ok = dossier_export_write_folder (entries, &options, job->dest, job->overwrite, NULL,
                                      cancellable, &error);
  else
    ok = dossier_export_write_file (job->format, entries, &options, job->dest, job->overwrite,
                                    cancellable, &error);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
dossier_export_async (DossierLibrary             *library,
                      DossierExportFormat         format,
                      const gint64               *ids,
                      guint                       n_ids,
                      DossierQuery               *query,
                      const DossierExportOptions *options,
                      GFile                      *dest,
                      gboolean                    folder,
                      gboolean                    overwrite,
                      GCancellable               *cancellable,
                      GAsyncReadyCallback         callback,
                      gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (DOSSIER_IS_LIBRARY (library));
  g_return_if_fail (G_IS_FILE (dest));
  g_return_if_fail (!folder || format == DOSSIER_EXPORT_MARKDOWN);

  job = g_new0 (ExportJob, 1);
  job->format = format;
  if (n_ids > 0)
    {
      job->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
      g_array_append_vals (job->ids, ids, n_ids);
    }
  job->query = query ? dossier_query_copy (query) : NULL;
  job->title = options ? g_strdup (options->title) : NULL;
  job->scope = options ? g_strdup (options->scope) : NULL;
  job->generated = options ? options->generated : 0;
  job->dest = g_object_ref (dest);
  job->folder = folder;
  job->overwrite = overwrite;

  task = g_task_new (library, cancellable, callback, user_data);
  g_task_set_source_tag (task, dossier_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
dossier_export_finish (DossierLibrary  *library,
                       GAsyncResult    *result,
                       guint           *n_notes,
                       GError         **error)
{
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, library), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (task) == dossier_export_async, FALSE);

  if (n_notes != NULL)
    *n_notes = ((ExportJob *) g_task_get_task_data (task))->n_notes;
  return g_task_propagate_boolean (task, error);
}
