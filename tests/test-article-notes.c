/* test-article-notes.c — the open article's notes, colour, passage and
 * pending note, without a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "dossier-article-notes.h"

typedef struct
{
  guint annotations;
  guint color;
} Counts;

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              Counts     *counts)
{
  if (g_str_equal (g_param_spec_get_name (pspec), "annotations"))
    counts->annotations++;
  else if (g_str_equal (g_param_spec_get_name (pspec), "color"))
    counts->color++;
}

static DossierAnnotation *
annotation (const char *uuid)
{
  DossierAnnotation *a = dossier_annotation_new ();

  dossier_annotation_set_uuid (a, uuid);
  return a;
}

static void
test_notes (void)
{
  g_autofree char *dir = g_dir_make_tmp ("dossier-article-notes-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "library.db", NULL);
  g_autoptr(DossierLibrary) library = dossier_library_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *pending = NULL;
  DossierArticleNotes *notes;
  Counts counts = { 0, 0 };
  int start, end;

  g_assert_true (dossier_library_open_sync (library, TRUE, &error));
  g_assert_no_error (error);
  notes = dossier_article_notes_new (library);
  g_signal_connect (notes, "notify", G_CALLBACK (on_notify_cb), &counts);
  g_assert_true (DOSSIER_IS_UNDO (dossier_article_notes_get_undo (notes)));
  g_assert_true (dossier_undo_get_library (dossier_article_notes_get_undo (notes)) == library);

  /* not loaded yet: no list, not an empty one */
  g_assert_null (dossier_article_notes_get_annotations (notes));
  g_ptr_array_add (list, annotation ("a-1"));
  g_ptr_array_add (list, annotation ("a-2"));
  dossier_article_notes_set_annotations (notes, list);
  dossier_article_notes_set_annotations (notes, list);
  g_assert_cmpuint (counts.annotations, ==, 1);
  g_assert_true (dossier_article_notes_get_annotations (notes) == list);
  g_assert_true (dossier_article_notes_find (notes, "a-2") == g_ptr_array_index (list, 1));
  g_assert_null (dossier_article_notes_find (notes, "a-3"));
  dossier_article_notes_set_annotations (notes, NULL);
  g_assert_cmpuint (counts.annotations, ==, 2);
  g_assert_null (dossier_article_notes_find (notes, "a-1"));

  /* the colour last chosen */
  g_assert_null (dossier_article_notes_get_color (notes));
  dossier_article_notes_set_color (notes, "green");
  dossier_article_notes_set_color (notes, "green");
  g_assert_cmpstr (dossier_article_notes_get_color (notes), ==, "green");
  g_assert_cmpuint (counts.color, ==, 1);

  /* the passage a new note is for */
  dossier_article_notes_set_passage (notes, 4, 19);
  dossier_article_notes_get_passage (notes, &start, &end);
  g_assert_cmpint (start, ==, 4);
  g_assert_cmpint (end, ==, 19);

  /* the note to show once loaded is given once */
  dossier_article_notes_set_pending (notes, "a-2");
  pending = dossier_article_notes_take_pending (notes);
  g_assert_cmpstr (pending, ==, "a-2");
  g_assert_null (dossier_article_notes_take_pending (notes));

  g_assert_finalize_object (notes);
  g_clear_object (&library);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Dossier/ArticleNotes/state", test_notes);
  return g_test_run ();
}
