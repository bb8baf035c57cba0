/* test-dates-ui.c — suggested dates in the window: the reader's banner,
 * the review dialog, and the work after an import, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "dossier-window-private.h"
#include "dossier-dates.h"
#include "dossier-dates-dialog.h"
#include "dossier-test-util.h"

static gint64
add (DossierLibrary *library,
     const char     *title,
     const char     *date,
     const char     *body)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;
  DossierDate d = DOSSIER_DATE_INIT;
  gint64 id;

  dossier_article_set_title (a, title);
  dossier_article_set_source (a, "Test Wire");
  dossier_article_set_body (a, body);
  if (date && dossier_date_from_iso (date, &d))
    dossier_article_set_published (a, &d);
  id = dossier_library_add_article_sync (library, a, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* the stored date of @id as "YYYY-MM-DD", or "" when it has none */
static char *
stored_date (DossierLibrary    *library,
             gint64             id,
             DossierDateOrigin *origin)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierArticle) a = dossier_library_get_article_sync (library, id, &error);
  char *text;

  g_assert_no_error (error);
  text = dossier_date_to_string (dossier_article_get_published (a));
  if (origin != NULL)
    *origin = dossier_article_get_date_origin (a);
  return text ? text : g_strdup ("");
}

static gpointer
get_suggestion_op (DossierStore  *store,
                   gpointer       data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return dossier_store_get_date_suggestion (store, *(gint64 *) data, error);
}

/* read on the store's thread, as every call: its connection is that
 * thread's alone */
static DossierSuggestionState
state_of (DossierLibrary *library,
          gint64          id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStoredSuggestion) s = dossier_store_run (dossier_library_get_store (library),
                                                           get_suggestion_op, &id, NULL, &error);

  g_assert_no_error (error);
  return s->state;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0 &&
      gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* an undated article whose text dates it to Thu 4 Mar 2010 */
#define MARCH_TEXT "The council met on 3 March 2010 to discuss the harbour.\n\n" \
  "On Thursday the mayor said the harbour would reopen within a month."
/* and one dated to Fri 4 Jul 2014 */
#define JULY_TEXT "Fireworks filled the sky on Friday as the city marked Independence Day, " \
  "a year after the floods of 2013 and weeks after the election of 2014."

/* the dialog win.review-dates opened */
static DossierDatesDialog *
find_dialog (void)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (windows, i);

      if (DOSSIER_IS_DATES_DIALOG (w))
        return DOSSIER_DATES_DIALOG (w);
    }
  return NULL;
}

static DossierWindow *
open_window_on (DossierTestLibrary *f,
                gint64              id)
{
  DossierWindow *self = dossier_window_new (NULL, f->library);

  gtk_window_set_default_size (GTK_WINDOW (self), 1200, 800);
  gtk_window_present (GTK_WINDOW (self));
  dossier_window_open_article (self, id);
  dossier_test_poll_until (self->article != NULL && dossier_article_get_id (self->article) == id);
  return self;
}

/* The banner accepts: the date is stored with origin inferred; Undo in
 * the toast takes it back and the banner shows again. */
static void
test_banner_accept (DossierTestLibrary *f,
                    gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  DossierDateOrigin origin;
  DossierWindow *self;
  GtkWidget *undo = NULL;
  gint64 id;
  char *date;

  add (f->library, "Dredging deal signed", "2012-04-02", "The councils signed a dredging agreement.");
  id = add (f->library, "Harbour to reopen", NULL, MARCH_TEXT);
  g_assert_cmpint (dossier_dates_suggest_sync (f->library, TRUE, NULL, &error), ==, 1);

  self = open_window_on (f, id);
  dossier_test_poll_until (dossier_reader_view_get_suggestion_shown (self->reader));
  dossier_test_poll_until (find_button (GTK_WIDGET (self->reader), "_Accept") != NULL);
  g_signal_emit_by_name (find_button (GTK_WIDGET (self->reader), "_Accept"), "clicked");

  dossier_test_poll_until (state_of (f->library, id) == DOSSIER_SUGGESTION_ACCEPTED);
  date = stored_date (f->library, id, &origin);
  g_assert_cmpstr (date, ==, "2010-03-04");
  g_assert_cmpint (origin, ==, DOSSIER_DATE_ORIGIN_INFERRED);
  g_free (date);
  /* the reader reads the article again: dated, no banner */
  dossier_test_poll_until (self->article != NULL &&
                           dossier_article_get_published (self->article)->precision == DOSSIER_DATE_PRECISION_DAY);
  g_assert_false (dossier_reader_view_get_suggestion_shown (self->reader));

  dossier_test_poll_until ((undo = find_button (GTK_WIDGET (self->toast_overlay), "_Undo")) != NULL);
  g_signal_emit_by_name (undo, "clicked");
  dossier_test_poll_until (state_of (f->library, id) == DOSSIER_SUGGESTION_OPEN);
  date = stored_date (f->library, id, &origin);
  g_assert_cmpstr (date, ==, "");
  g_assert_cmpint (origin, ==, DOSSIER_DATE_ORIGIN_NONE);
  g_free (date);
  dossier_test_poll_until (dossier_reader_view_get_suggestion_shown (self->reader));
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Dismiss drops the suggestion and leaves the article undated */
static void
test_banner_dismiss (DossierTestLibrary *f,
                     gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  DossierWindow *self;
  gint64 id;

  id = add (f->library, "Harbour to reopen", NULL, MARCH_TEXT);
  g_assert_cmpint (dossier_dates_suggest_sync (f->library, TRUE, NULL, &error), ==, 1);
  self = open_window_on (f, id);
  dossier_test_poll_until (find_button (GTK_WIDGET (self->reader), "_Dismiss") != NULL);
  g_signal_emit_by_name (find_button (GTK_WIDGET (self->reader), "_Dismiss"), "clicked");
  dossier_test_poll_until (state_of (f->library, id) == DOSSIER_SUGGESTION_DISMISSED);
  g_assert_false (dossier_reader_view_get_suggestion_shown (self->reader));
  date = stored_date (f->library, id, NULL);
  g_assert_cmpstr (date, ==, "");
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The dialog lists the open suggestions, most confident first, and
 * accepts the checked ones together; the unchecked one stays open. */
static void
test_dialog_accept (DossierTestLibrary *f,
                    gconstpointer       data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  DossierDatesDialog *dialog;
  DossierWindow *self;
  gint64 march, july, other;
  guint checked = 0;

  march = add (f->library, "Harbour to reopen", NULL, MARCH_TEXT);
  july = add (f->library, "Fireworks", NULL, JULY_TEXT);
  other = add (f->library, "Council again", NULL, "The council met on 9 May 2011. On Monday it voted.");
  g_assert_cmpint (dossier_dates_suggest_sync (f->library, TRUE, NULL, &error), ==, 3);

  self = dossier_window_new (NULL, f->library);
  gtk_window_present (GTK_WINDOW (self));
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self), "win.review-dates", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (self));
  dossier_test_poll_until (dossier_dates_dialog_get_loaded (dialog));
  g_assert_cmpuint (dossier_dates_dialog_get_n_rows (dialog), ==, 3);

  /* sorted by confidence */
  list = dossier_dates_list_sync (f->library, &error);
  g_assert_no_error (error);
  for (guint i = 1; i < dossier_dates_dialog_get_n_rows (dialog); i++)
    {
      double prev = 0, cur = 0;

      for (guint j = 0; j < list->len; j++)
        {
          DossierStoredSuggestion *s = g_ptr_array_index (list, j);

          if (s->article_id == dossier_dates_dialog_get_row_article (dialog, i - 1))
            prev = s->confidence;
          if (s->article_id == dossier_dates_dialog_get_row_article (dialog, i))
            cur = s->confidence;
        }
      g_assert_cmpfloat (prev, >=, cur);
    }

  for (guint i = 0; i < 3; i++)
    if (dossier_dates_dialog_get_row_article (dialog, i) != other)
      {
        dossier_dates_dialog_set_checked (dialog, i, TRUE);
        checked++;
      }
  g_assert_cmpuint (checked, ==, 2);
  dossier_test_poll_until (find_button (GTK_WIDGET (dialog), "_Accept Selected") != NULL);
  g_assert_true (gtk_widget_get_sensitive (find_button (GTK_WIDGET (dialog), "_Accept Selected")));
  dossier_dates_dialog_accept_selected (dialog);
  dossier_test_poll_until (state_of (f->library, march) == DOSSIER_SUGGESTION_ACCEPTED &&
                           state_of (f->library, july) == DOSSIER_SUGGESTION_ACCEPTED);
  g_assert_cmpint (state_of (f->library, other), ==, DOSSIER_SUGGESTION_OPEN);
  {
    g_autofree char *m = stored_date (f->library, march, NULL);
    g_autofree char *j = stored_date (f->library, july, NULL);

    g_assert_cmpstr (m, ==, "2010-03-04");
    g_assert_cmpstr (j, ==, "2014-07-04");
  }
  /* the list is read again: only the one left */
  dossier_test_poll_until (dossier_dates_dialog_get_n_rows (dialog) == 1);
  g_assert_cmpint (dossier_dates_dialog_get_row_article (dialog, 0), ==, other);
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Any number of suggestions is listed (more than the 300 the dialog once
 * showed), and a bulk Accept is undone from its toast, every article's
 * date and its origin as they were before. */
static void
test_dialog_many_and_undo (DossierTestLibrary *f,
                           gconstpointer       data)
{
  const guint n = 320;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(DossierArticle) partial = dossier_article_new ();
  DossierDate year = { 2010, 0, 0, DOSSIER_DATE_PRECISION_YEAR };
  DossierDatesDialog *dialog;
  DossierWindow *self;
  DossierDateOrigin origin;
  GtkWidget *undo;
  gint64 partial_id;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *body = g_strdup_printf ("The council met on %u March %u to discuss harbour number %u.\n\n"
                                               "On Thursday the mayor said it would reopen.",
                                               1 + i % 28, 1990 + i / 28, i);
      gint64 id = add (f->library, "Harbour", NULL, body);

      g_array_append_val (ids, id);
    }
  /* dated to its year by its metadata */
  dossier_article_set_title (partial, "Harbour in 2010");
  dossier_article_set_body (partial, MARCH_TEXT);
  dossier_article_set_published (partial, &year);
  dossier_article_set_date_origin (partial, DOSSIER_DATE_ORIGIN_METADATA);
  partial_id = dossier_library_add_article_sync (f->library, partial, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (dossier_dates_suggest_sync (f->library, TRUE, NULL, &error), ==, n + 1);
  g_assert_no_error (error);

  self = dossier_window_new (NULL, f->library);
  gtk_window_present (GTK_WINDOW (self));
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (self), "win.review-dates", NULL));
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  dossier_test_poll_until (dossier_dates_dialog_get_loaded (dialog));
  g_assert_cmpuint (dossier_dates_dialog_get_n_rows (dialog), ==, n + 1);

  /* Select All, then Accept Selected: every one */
  dossier_test_poll_until (find_button (GTK_WIDGET (dialog), "Select _All") != NULL);
  /* a button's activation clicks it a moment later, as a press would */
  gtk_widget_activate (find_button (GTK_WIDGET (dialog), "Select _All"));
  dossier_test_poll_until (gtk_widget_get_sensitive (find_button (GTK_WIDGET (dialog), "_Accept Selected")));
  gtk_widget_activate (find_button (GTK_WIDGET (dialog), "_Accept Selected"));
  dossier_test_poll_until ((undo = find_button (GTK_WIDGET (dialog), "_Undo")) != NULL);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (state_of (f->library, g_array_index (ids, gint64, i)), ==, DOSSIER_SUGGESTION_ACCEPTED);
  {
    g_autofree char *d = stored_date (f->library, partial_id, &origin);

    g_assert_cmpstr (d, ==, "2010-03-04");
    g_assert_cmpint (origin, ==, DOSSIER_DATE_ORIGIN_INFERRED);
  }
  dossier_test_poll_until (dossier_dates_dialog_get_n_rows (dialog) == 0);

  /* Undo: as before, and listed again */
  gtk_widget_activate (undo);
  dossier_test_poll_until (dossier_dates_dialog_get_n_rows (dialog) == n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *d = stored_date (f->library, g_array_index (ids, gint64, i), &origin);

      g_assert_cmpint (state_of (f->library, g_array_index (ids, gint64, i)), ==, DOSSIER_SUGGESTION_OPEN);
      g_assert_cmpstr (d, ==, "");
      g_assert_cmpint (origin, ==, DOSSIER_DATE_ORIGIN_NONE);
    }
  {
    g_autofree char *d = stored_date (f->library, partial_id, &origin);

    g_assert_cmpstr (d, ==, "2010");
    g_assert_cmpint (origin, ==, DOSSIER_DATE_ORIGIN_METADATA);
  }
  dossier_test_poll_until (!dossier_article_list_get_loading (self->articles));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GPtrArray) results = dossier_importer_run_finish (DOSSIER_IMPORTER (source), result, NULL);

  g_assert_nonnull (results);
  dossier_test_set_flag (user_data);
}

/* After an import is saved, suggestions are worked out in the background
 * without anyone asking; the library's other calls still answer. */
static void
test_after_import (DossierTestLibrary *f,
                   gconstpointer       data)
{
  g_autoptr(DossierImporter) importer = dossier_importer_new (f->library);
  g_autofree char *dir = g_build_filename (f->dir, "in", NULL);
  g_autofree char *file = g_build_filename (dir, "harbour.txt", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *paths[] = { dir, NULL };
  gboolean done = FALSE;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (file, "Harbour to reopen\n\n" MARCH_TEXT "\n", -1, NULL));
  dossier_importer_run_async (importer, paths, NULL, NULL, NULL, NULL, on_imported_cb, &done);
  dossier_test_wait_until (done);
  g_assert_true (dossier_dates_get_suggesting (f->library));
  dossier_test_wait_until (!dossier_dates_get_suggesting (f->library));
  list = dossier_dates_list_sync (f->library, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  {
    DossierStoredSuggestion *s = g_ptr_array_index (list, 0);
    g_autofree char *date = dossier_date_to_string (&s->date);

    g_assert_cmpstr (date, ==, "2010-03-04");
    g_assert_cmpint (s->state, ==, DOSSIER_SUGGESTION_OPEN);
  }
  /* the timeline's point carries the suggested day */
  {
    g_autoptr(GArray) points = dossier_library_timeline_points_sync (f->library, NULL, &error);
    DossierDate d = DOSSIER_DATE_INIT;

    g_assert_no_error (error);
    g_assert_cmpuint (points->len, ==, 1);
    g_assert_true (dossier_date_from_iso ("2010-03-04", &d));
    g_assert_cmpint (g_array_index (points, DossierTimelinePoint, 0).julian, ==, -1);
    g_assert_cmpint (g_array_index (points, DossierTimelinePoint, 0).suggested, ==, dossier_date_to_julian (&d));
  }
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/Dossier/DatesUI/banner-accept", DossierTestLibrary, NULL,
              dossier_test_library_setup, test_banner_accept, dossier_test_library_teardown);
  g_test_add ("/Dossier/DatesUI/banner-dismiss", DossierTestLibrary, NULL,
              dossier_test_library_setup, test_banner_dismiss, dossier_test_library_teardown);
  g_test_add ("/Dossier/DatesUI/dialog-accept", DossierTestLibrary, NULL,
              dossier_test_library_setup, test_dialog_accept, dossier_test_library_teardown);
  g_test_add ("/Dossier/DatesUI/dialog-many-undo", DossierTestLibrary, NULL,
              dossier_test_library_setup, test_dialog_many_and_undo, dossier_test_library_teardown);
  g_test_add ("/Dossier/DatesUI/after-import", DossierTestLibrary, NULL,
              dossier_test_library_setup, test_after_import, dossier_test_library_teardown);
  return g_test_run ();
}
