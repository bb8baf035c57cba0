/* test-export-common.c — libraries and programs for the export tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>
#include <glib/gstdio.h>

#include "dossier-store.h"
#include "test-export-common.h"

void
test_rm_rf (const char *path)
{
  g_autoptr(GDir) d = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK) && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_chmod (path, 0755);
      if ((d = g_dir_open (path, 0, NULL)) != NULL)
        while ((name = g_dir_read_name (d)) != NULL)
          {
            g_autofree char *child = g_build_filename (path, name, NULL);

            test_rm_rf (child);
          }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

void
export_fixture_setup (ExportFixture *f,
                      gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("dossier-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "library.db", NULL);
  f->library = dossier_library_new (path);
  g_assert_true (dossier_library_open_sync (f->library, TRUE, &error));
  g_assert_no_error (error);
}

void
export_fixture_teardown (ExportFixture *f,
                         gconstpointer  data)
{
  if (f->library != NULL)
    dossier_library_close (f->library);
  g_clear_object (&f->library);
  test_rm_rf (f->dir);
  g_free (f->dir);
}

DossierLibrary *
export_fixture_library (ExportFixture *f,
                        const char    *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  DossierLibrary *library = dossier_library_new (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (dossier_library_open_sync (library, TRUE, &error));
  g_assert_no_error (error);
  return library;
}

gint64
test_add_article (DossierLibrary *library,
                  const char     *title,
                  const char     *source,
                  const char     *url,
                  const char     *published,
                  const char     *body)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  dossier_article_set_title (a, title);
  dossier_article_set_source (a, source);
  dossier_article_set_url (a, url);
  dossier_article_set_body (a, body);
  if (published != NULL)
    {
      DossierDate d = DOSSIER_DATE_INIT;

      g_assert_true (dossier_date_from_iso (published, &d));
      dossier_article_set_published (a, &d);
      dossier_article_set_date_origin (a, DOSSIER_DATE_ORIGIN_METADATA);
    }
  id = dossier_library_add_article_sync (library, a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

DossierAnnotation *
test_annotate (DossierLibrary *library,
               gint64          article_id,
               const char     *quote,
               const char     *note,
               const char     *tags,
               const char     *color)
{
  g_auto(GStrv) tagv = tags ? g_strsplit (tags, ",", -1) : g_new0 (char *, 1);
  g_autoptr(GError) error = NULL;
  DossierAnnotation *a;

  a = dossier_library_annotate_sync (library, article_id, quote, note,
                                     (const char * const *) tagv, color, &error);
  g_assert_no_error (error);
  g_assert_nonnull (a);
  return a;
}

typedef struct
{
  guint    n_articles;
  guint    per_article;
  gboolean with_notes;
} Bulk;

static gpointer
bulk_op (DossierStore  *store,
         gpointer       data,
         GCancellable  *cancellable,
         GError       **error)
{
  Bulk *bulk = data;
  static const char * const colors[] = { "yellow", "green", "blue", "pink", "purple", "orange" };

  if (!dossier_store_begin (store, error))
    return NULL;
  for (guint i = 0; i < bulk->n_articles; i++)
    {
      g_autoptr(DossierArticle) article = dossier_article_new ();
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *title = g_strdup_printf ("Article %u: relations, talks & *progress*", i);
      g_autofree char *url = g_strdup_printf ("https://news.example.org/%u/%05u.html", 2009 + i % 6, i);
      DossierDate d = { 2009 + (int) (i % 6), 1 + (int) (i % 12), 1 + (int) (i % 28), DOSSIER_DATE_PRECISION_DAY };
      gint64 id;

      for (guint k = 0; k < bulk->per_article; k++)
        g_string_append_printf (body, "Paragraph %u of article %u says the talks went on for hours, "
                                      "and both sides called them \"useful\" — officials #%u.\n\n", k, i, k);
      dossier_article_set_title (article, title);
      dossier_article_set_source (article, i % 2 ? "The Moscow Times" : "AP News");
      dossier_article_set_url (article, url);
      dossier_article_set_published (article, &d);
      dossier_article_set_body (article, body->str);
      if ((id = dossier_store_insert_article (store, article, NULL, error)) == 0)
        {
          dossier_store_rollback (store);
          return NULL;
        }
      for (guint k = 0; bulk->with_notes && k < bulk->per_article; k++)
        {
          g_autoptr(DossierAnnotation) a = dossier_annotation_new ();
          g_autofree char *quote = g_strdup_printf ("Paragraph %u of article %u says the talks went on", k, i);
          g_autofree char *note = g_strdup_printf ("Note %u: *compare* with the [earlier](https://example.org) talks,\nsee page %u.", k, i);
          const char *tags[] = { "talks", k % 2 ? "arms control" : "reset", NULL };
          const char *start = strstr (body->str, quote);
          int s = g_utf8_pointer_to_offset (body->str, start);

          dossier_annotation_set_article_id (a, id);
          dossier_annotation_set_quote (a, quote);
          dossier_annotation_set_prefix (a, "");
          dossier_annotation_set_suffix (a, " for hours, and both sides called");
          dossier_annotation_set_start (a, s);
          dossier_annotation_set_end (a, s + (int) g_utf8_strlen (quote, -1));
          dossier_annotation_set_note (a, note);
          dossier_annotation_set_tags (a, tags);
          dossier_annotation_set_color (a, colors[k % G_N_ELEMENTS (colors)]);
          if (dossier_store_insert_annotation (store, a, error) == 0)
            {
              dossier_store_rollback (store);
              return NULL;
            }
        }
    }
  if (!dossier_store_commit (store, error))
    return NULL;
  return GINT_TO_POINTER (1);
}

void
test_populate_bulk_full (DossierLibrary *library,
                         guint           n_articles,
                         guint           per_article,
                         gboolean        with_notes)
{
  Bulk bulk = { n_articles, per_article, with_notes };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dossier_store_run (dossier_library_get_store (library), bulk_op, &bulk, NULL, &error));
  g_assert_no_error (error);
}

int
test_run (const char * const  *argv,
          char               **out,
          char               **err)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     out, err, &status, &error))
    {
      g_test_message ("could not run %s: %s", argv[0], error->message);
      return -1;
    }
  if (!WIFEXITED (status))
    return -1;
  return WEXITSTATUS (status);
}

gboolean
test_have_program (const char *program)
{
  g_autofree char *path = g_find_program_in_path (program);

  return path != NULL;
}

void
test_populate_bulk (DossierLibrary *library,
                    guint           n_articles,
                    guint           per_article)
{
  test_populate_bulk_full (library, n_articles, per_article, TRUE);
}

DossierAnnotation *
test_find_uuid (GPtrArray  *annotations,
                const char *uuid)
{
  for (guint i = 0; i < annotations->len; i++)
    if (g_strcmp0 (dossier_annotation_get_uuid (g_ptr_array_index (annotations, i)), uuid) == 0)
      return g_ptr_array_index (annotations, i);
  return NULL;
}
