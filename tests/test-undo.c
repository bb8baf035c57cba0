/* test-undo.c — undo and redo of annotation changes on a real library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "dossier-library.h"
#include "dossier-anchor.h"
#include "dossier-undo.h"
#include "dossier-test-util.h"

typedef struct
{
  DossierTestLibrary  tmp;
  DossierUndo        *undo;
  gint64              article;
} Fixture;

static const char body[] =
  "The harbour commission met on Tuesday.\n\n"
  "Delegates agreed to dredge the eastern channel before winter.\n\n"
  "Ferry crews said they were not consulted.";

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;

  dossier_test_library_setup (&f->tmp, NULL);
  dossier_article_set_title (a, "Harbour");
  dossier_article_set_body (a, body);
  f->article = dossier_library_add_article_sync (f->tmp.library, a, NULL, &error);
  g_assert_no_error (error);
  f->undo = dossier_undo_new (f->tmp.library, GPOINTER_TO_UINT (data));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->undo);
  dossier_test_library_teardown (&f->tmp, NULL);
}

typedef struct
{
  gboolean           done;
  DossierAnnotation *result;
  DossierUndoKind    kind;
  GError            *error;
} Wait;

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *w = user_data;

  w->result = dossier_undo_finish (DOSSIER_UNDO (source), result, &w->kind, &w->error);
  w->done = TRUE;
}

static void
wait_for (Wait *w)
{
  dossier_test_wait_until (w->done);
}

static DossierAnnotation *
expect_ok (Wait *w)
{
  wait_for (w);
  g_assert_no_error (w->error);
  g_assert_nonnull (w->result);
  return w->result;
}

static DossierAnnotation *
new_annotation (Fixture    *f,
                const char *quote,
                const char *note)
{
  DossierAnnotation *a = dossier_annotation_new ();
  g_autoptr(DossierAnchor) anchor = dossier_anchor_new_from_quote (body, quote, NULL, NULL);

  g_assert_nonnull (anchor);
  dossier_annotation_set_article_id (a, f->article);
  dossier_annotation_set_quote (a, anchor->quote);
  dossier_annotation_set_prefix (a, anchor->prefix);
  dossier_annotation_set_suffix (a, anchor->suffix);
  dossier_annotation_set_start (a, anchor->start);
  dossier_annotation_set_end (a, anchor->end);
  dossier_annotation_set_note (a, note);
  return a;
}

static GPtrArray *
stored (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *list = dossier_library_list_annotations_sync (f->tmp.library, f->article, NULL, &error);

  g_assert_no_error (error);
  return list;
}

static void
test_create (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DossierAnnotation) a = new_annotation (f, "dredge the eastern channel", "Who pays?");
  g_autoptr(GPtrArray) list = NULL;
  Wait w = { 0 }, u = { 0 }, r = { 0 };
  g_autofree char *uuid = NULL;
  gint64 created;

  g_assert_false (dossier_undo_can_undo (f->undo));
  dossier_undo_create_async (f->undo, a, NULL, on_done_cb, &w);
  g_assert_true (dossier_undo_get_busy (f->undo));
  expect_ok (&w);
  g_assert_cmpint (w.kind, ==, DOSSIER_UNDO_CREATE);
  g_assert_cmpint (dossier_annotation_get_id (w.result), >, 0);
  uuid = g_strdup (dossier_annotation_get_uuid (w.result));
  created = dossier_annotation_get_created (w.result);
  g_assert_nonnull (uuid);
  g_assert_true (dossier_undo_can_undo (f->undo));
  g_assert_false (dossier_undo_get_busy (f->undo));
  list = stored (f);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* undo removes it from the library */
  dossier_undo_undo_async (f->undo, NULL, on_done_cb, &u);
  expect_ok (&u);
  g_assert_cmpint (u.kind, ==, DOSSIER_UNDO_CREATE);
  list = stored (f);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_false (dossier_undo_can_undo (f->undo));
  g_assert_true (dossier_undo_can_redo (f->undo));

  /* redo brings it back with the same uuid, created time and note */
  dossier_undo_redo_async (f->undo, NULL, on_done_cb, &r);
  expect_ok (&r);
  list = stored (f);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (dossier_annotation_get_uuid (g_ptr_array_index (list, 0)), ==, uuid);
  g_assert_cmpint (dossier_annotation_get_created (g_ptr_array_index (list, 0)), ==, created);
  g_assert_cmpstr (dossier_annotation_get_note (g_ptr_array_index (list, 0)), ==, "Who pays?");

  g_clear_object (&w.result);
  g_clear_object (&u.result);
  g_clear_object (&r.result);
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(DossierAnnotation) a = new_annotation (f, "Ferry crews", "first");
  g_autoptr(DossierAnnotation) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *tags[] = { "labour", "follow up", NULL };
  Wait u = { 0 }, r = { 0 }, e = { 0 };

  g_assert_cmpint (dossier_library_add_annotation_sync (f->tmp.library, a, &error), >, 0);
  after = dossier_annotation_copy (a);
  dossier_annotation_set_note (after, "second");
  dossier_annotation_set_color (after, "blue");
  dossier_annotation_set_tags (after, tags);
  dossier_annotation_set_modified (after, g_get_real_time ());

  dossier_undo_edit_async (f->undo, a, after, NULL, on_done_cb, &e);
  expect_ok (&e);
  g_assert_cmpint (e.kind, ==, DOSSIER_UNDO_EDIT);
  list = stored (f);
  g_assert_cmpstr (dossier_annotation_get_note (g_ptr_array_index (list, 0)), ==, "second");
  g_assert_cmpstr (dossier_annotation_get_color (g_ptr_array_index (list, 0)), ==, "blue");
  g_clear_pointer (&list, g_ptr_array_unref);

  dossier_undo_undo_async (f->undo, NULL, on_done_cb, &u);
  expect_ok (&u);
  g_assert_cmpint (u.kind, ==, DOSSIER_UNDO_EDIT);
  list = stored (f);
  g_assert_cmpstr (dossier_annotation_get_note (g_ptr_array_index (list, 0)), ==, "first");
  g_assert_cmpstr (dossier_annotation_get_color (g_ptr_array_index (list, 0)), ==, "yellow");
  g_assert_cmpuint (g_strv_length ((char **) dossier_annotation_get_tags (g_ptr_array_index (list, 0))), ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  dossier_undo_redo_async (f->undo, NULL, on_done_cb, &r);
  expect_ok (&r);
  list = stored (f);
  g_assert_cmpstr (dossier_annotation_get_note (g_ptr_array_index (list, 0)), ==, "second");
  g_assert_true (g_strv_equal (dossier_annotation_get_tags (g_ptr_array_index (list, 0)), tags));

  g_clear_object (&e.result);
  g_clear_object (&u.result);
  g_clear_object (&r.result);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(DossierAnnotation) a = new_annotation (f, "harbour commission", "a note");
  g_autoptr(DossierAnnotation) b = new_annotation (f, "before winter", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *uuid = NULL;
  gint64 created;
  Wait d = { 0 }, u = { 0 }, r = { 0 }, u2 = { 0 }, e = { 0 };
  g_autoptr(DossierAnnotation) edited = NULL;

  g_assert_cmpint (dossier_library_add_annotation_sync (f->tmp.library, a, &error), >, 0);
  g_assert_cmpint (dossier_library_add_annotation_sync (f->tmp.library, b, &error), >, 0);
  uuid = g_strdup (dossier_annotation_get_uuid (a));
  created = dossier_annotation_get_created (a);

  /* an edit, then a delete of the same note: undoing both goes back
   * through a re-insert (a new row id) and then the edit */
  edited = dossier_annotation_copy (a);
  dossier_annotation_set_note (edited, "edited");
  dossier_undo_edit_async (f->undo, a, edited, NULL, on_done_cb, &e);
  dossier_undo_delete_async (f->undo, edited, NULL, on_done_cb, &d);
  expect_ok (&e);
  expect_ok (&d);
  g_assert_cmpint (d.kind, ==, DOSSIER_UNDO_DELETE);
  list = stored (f);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  dossier_undo_undo_async (f->undo, NULL, on_done_cb, &u);
  expect_ok (&u);
  g_assert_cmpint (u.kind, ==, DOSSIER_UNDO_DELETE);
  list = stored (f);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (dossier_annotation_get_uuid (g_ptr_array_index (list, 0)), ==, uuid);
  g_assert_cmpint (dossier_annotation_get_created (g_ptr_array_index (list, 0)), ==, created);
  g_assert_cmpstr (dossier_annotation_get_note (g_ptr_array_index (list, 0)), ==, "edited");
  g_clear_pointer (&list, g_ptr_array_unref);

  /* the edit's undo finds the re-inserted row */
  dossier_undo_undo_async (f->undo, NULL, on_done_cb, &u2);
  expect_ok (&u2);
  list = stored (f);
  g_assert_cmpstr (dossier_annotation_get_note (g_ptr_array_index (list, 0)), ==, "a note");
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_cmpuint (dossier_undo_get_n_redo (f->undo), ==, 2);

  /* redo twice: edited, then deleted again */
  g_clear_object (&r.result);
  dossier_undo_redo_async (f->undo, NULL, on_done_cb, &r);
  expect_ok (&r);
  g_clear_object (&r.result);
  r.done = FALSE;
  dossier_undo_redo_async (f->undo, NULL, on_done_cb, &r);
  expect_ok (&r);
  list = stored (f);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (dossier_annotation_get_quote (g_ptr_array_index (list, 0)), ==, "before winter");

  g_clear_object (&e.result);
  g_clear_object (&d.result);
  g_clear_object (&u.result);
  g_clear_object (&u2.result);
  g_clear_object (&r.result);
}

static void
test_nothing_to_undo (Fixture       *f,
                      gconstpointer  data)
{
  Wait u = { 0 };

  dossier_undo_undo_async (f->undo, NULL, on_done_cb, &u);
  wait_for (&u);
  g_assert_error (u.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (u.result);
  g_clear_error (&u.error);
}

static void
test_new_change_clears_redo (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(DossierAnnotation) a = new_annotation (f, "Ferry crews", NULL);
  g_autoptr(DossierAnnotation) b = new_annotation (f, "Tuesday", NULL);
  Wait w = { 0 }, u = { 0 }, w2 = { 0 };

  dossier_undo_create_async (f->undo, a, NULL, on_done_cb, &w);
  dossier_undo_undo_async (f->undo, NULL, on_done_cb, &u);
  expect_ok (&w);
  expect_ok (&u);
  g_assert_true (dossier_undo_can_redo (f->undo));
  dossier_undo_create_async (f->undo, b, NULL, on_done_cb, &w2);
  expect_ok (&w2);
  g_assert_false (dossier_undo_can_redo (f->undo));
  g_assert_cmpuint (dossier_undo_get_n_undo (f->undo), ==, 1);
  g_clear_object (&w.result);
  g_clear_object (&u.result);
  g_clear_object (&w2.result);
}

static void
test_bounded (Fixture       *f,
              gconstpointer  data)
{
  /* depth 3 (fixture data): five highlights, only three can be undone */
  for (int i = 0; i < 5; i++)
    {
      g_autoptr(DossierAnnotation) a = new_annotation (f, "Delegates", NULL);
      Wait w = { 0 };

      dossier_undo_create_async (f->undo, a, NULL, on_done_cb, &w);
      expect_ok (&w);
      g_clear_object (&w.result);
    }
  g_assert_cmpuint (dossier_undo_get_n_undo (f->undo), ==, 3);
  for (int i = 0; i < 3; i++)
    {
      Wait u = { 0 };

      dossier_undo_undo_async (f->undo, NULL, on_done_cb, &u);
      expect_ok (&u);
      g_clear_object (&u.result);
    }
  g_assert_false (dossier_undo_can_undo (f->undo));
  {
    g_autoptr(GPtrArray) list = stored (f);

    g_assert_cmpuint (list->len, ==, 2);
  }
}

static void
test_gone_elsewhere (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(DossierAnnotation) a = new_annotation (f, "Ferry crews", NULL);
  g_autoptr(GError) error = NULL;
  Wait w = { 0 }, u = { 0 };

  dossier_undo_create_async (f->undo, a, NULL, on_done_cb, &w);
  expect_ok (&w);
  /* deleted behind the stack's back (another window, the CLI) */
  g_assert_true (dossier_library_delete_annotation_sync (f->tmp.library, dossier_annotation_get_id (w.result), &error));
  dossier_undo_undo_async (f->undo, NULL, on_done_cb, &u);
  wait_for (&u);
  g_assert_error (u.error, DOSSIER_STORE_ERROR, DOSSIER_STORE_ERROR_NOT_FOUND);
  /* the stale command is dropped, not retried forever */
  g_assert_false (dossier_undo_can_undo (f->undo));
  g_assert_false (dossier_undo_can_redo (f->undo));
  g_clear_error (&u.error);
  g_clear_object (&w.result);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/Dossier/Undo/create", Fixture, NULL, fixture_setup, test_create, fixture_teardown);
  g_test_add ("/Dossier/Undo/edit", Fixture, NULL, fixture_setup, test_edit, fixture_teardown);
  g_test_add ("/Dossier/Undo/delete", Fixture, NULL, fixture_setup, test_delete, fixture_teardown);
  g_test_add ("/Dossier/Undo/nothing-to-undo", Fixture, NULL, fixture_setup, test_nothing_to_undo, fixture_teardown);
  g_test_add ("/Dossier/Undo/new-change-clears-redo", Fixture, NULL, fixture_setup,
              test_new_change_clears_redo, fixture_teardown);
  g_test_add ("/Dossier/Undo/bounded", Fixture, GUINT_TO_POINTER (3), fixture_setup, test_bounded, fixture_teardown);
  g_test_add ("/Dossier/Undo/gone-elsewhere", Fixture, NULL, fixture_setup, test_gone_elsewhere, fixture_teardown);

  return g_test_run ();
}
