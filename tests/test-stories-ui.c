/* test-stories-ui.c — the Stories section and a story's page, in the
 * main window on a real library, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "dossier-window-private.h"
#include "dossier-stories-view.h"
#include "dossier-story-page.h"
#include "dossier-timeline.h"
#include "dossier-timeline-private.h"
#include "dossier-importer.h"
#include "dossier-test-util.h"

typedef struct
{
  DossierTestLibrary t;
  gint64             wire, copy, court, bakery, anniversary;
} Fixture;

static gint64
add_file (DossierLibrary *library,
          const char     *name)
{
  g_autofree char *path = dossier_test_data_path ("stories", name, NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(DossierImporter) importer = dossier_importer_new (library);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = dossier_importer_run_sync (importer, paths, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  return ((DossierImportResult *) g_ptr_array_index (results, 0))->id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  dossier_test_library_setup (&f->t, data);
  f->wire = add_file (f->t.library, "ferry-wire.txt");
  f->copy = add_file (f->t.library, "ferry-copy.txt");
  f->court = add_file (f->t.library, "ferry-court.txt");
  f->bakery = add_file (f->t.library, "bakery.txt");
  f->anniversary = add_file (f->t.library, "ferry-anniversary.txt");
  g_assert_cmpint (dossier_stories_update_sync (f->t.library, FALSE, NULL, &error), ==, 5);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  dossier_test_library_teardown (&f->t, data);
}

/* every label's text under @widget, one a line, as the user reads it */
static void
collect_text (GtkWidget *widget,
              GString   *out)
{
  if (!gtk_widget_get_visible (widget))
    return;
  if (GTK_IS_LABEL (widget))
    {
      g_string_append (out, gtk_label_get_text (GTK_LABEL (widget)));
      g_string_append_c (out, '\n');
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    collect_text (c, out);
}

static char *
text_of (GtkWidget *widget)
{
  GString *out = g_string_new (NULL);

  collect_text (widget, out);
  return g_string_free (out, FALSE);
}

/* the buttons under @widget with the tooltip @tooltip, in order */
static void
find_buttons (GtkWidget  *widget,
              const char *tooltip,
              GPtrArray  *out)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0)
    g_ptr_array_add (out, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    find_buttons (c, tooltip, out);
}

static gint64
story_of (DossierLibrary *library,
          gint64          id)
{
  g_autoptr(GError) error = NULL;
  gint64 story = dossier_stories_story_of_sync (library, id, &error);

  g_assert_no_error (error);
  return story;
}

static gboolean
listed_are (DossierWindow *self,
            const gint64  *ids,
            guint          n)
{
  GArray *listed = dossier_story_page_get_listed (DOSSIER_STORY_PAGE (self->story_page));

  if (listed->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_array_index (listed, gint64, i) != ids[i])
      return FALSE;
  return TRUE;
}

static DossierWindow *
open_window (Fixture *f,
             int      width)
{
  DossierWindow *self = dossier_window_new (NULL, f->t.library);

  gtk_window_set_default_size (GTK_WINDOW (self), width, 800);
  gtk_window_present (GTK_WINDOW (self));
  dossier_test_poll_until (!dossier_stories_get_running (self->stories));
  return self;
}

/* Until its first list is read the section shows a spinner, not "No
 * Stories Yet"; while the library is being grouped an empty list says so,
 * with how far it is. */
static void
test_empty_states (void)
{
  g_autoptr(DossierTestLibrary) t = dossier_test_library_new ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = dossier_stories_view_new ();
  GtkStack *stack = (GtkStack *) gtk_widget_get_template_child (view, DOSSIER_TYPE_STORIES_VIEW, "stack");
  g_autofree char *text = NULL;

  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");
  dossier_stories_view_set_grouping (DOSSIER_STORIES_VIEW (view), TRUE, 0.4);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "loading");

  dossier_stories_view_set_library (DOSSIER_STORIES_VIEW (view), t->library);
  dossier_stories_view_reload (DOSSIER_STORIES_VIEW (view));
  dossier_test_poll_until (g_strcmp0 (gtk_stack_get_visible_child_name (stack), "empty") == 0);
  text = text_of (view);
  g_assert_nonnull (strstr (text, "Grouping Stories…"));
  g_assert_nonnull (strstr (text, "40% done"));
  g_assert_null (strstr (text, "No Stories Yet"));

  dossier_stories_view_set_grouping (DOSSIER_STORIES_VIEW (view), FALSE, 1.0);
  g_clear_pointer (&text, g_free);
  text = text_of (view);
  g_assert_nonnull (strstr (text, "No Stories Yet"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The section lists the story with its title, outlets, span and first
 * outlet; its search narrows the list by title or outlet. */
static void
test_section (Fixture       *f,
              gconstpointer  data)
{
  DossierWindow *self = open_window (f, 1200);
  DossierStoriesView *view = DOSSIER_STORIES_VIEW (self->stories_view);
  GtkWidget *entry;
  g_autofree char *text = NULL;

  g_assert_true (adw_view_switcher_bar_get_reveal (self->section_bar));
  g_assert_nonnull (adw_view_stack_get_child_by_name (self->sections, "stories"));
  /* the list is read in the background after the window's start, before
   * the section shows, so that its first opening draws it at once */
  g_assert_false (gtk_widget_get_mapped (self->stories_view));
  dossier_test_poll_until (g_list_model_get_n_items (dossier_stories_view_get_model (view)) == 1);
  g_assert_false (gtk_widget_get_mapped (self->stories_view));
  adw_view_stack_set_visible_child_name (self->sections, "stories");
  dossier_test_poll_until (dossier_stories_view_get_n_shown (view) == 1);
  text = text_of (self->stories_view);
  g_assert_nonnull (strstr (text, "Ferry Crews Walk Out Over Night Shifts"));
  g_assert_nonnull (strstr (text, "3 articles"));
  g_assert_nonnull (strstr (text, "The Harbour Ledger"));
  g_assert_nonnull (strstr (text, "The Estuary Courier"));
  g_assert_nonnull (strstr (text, "The Marrow Evening Post"));
  g_assert_nonnull (strstr (text, "3 days"));
  g_assert_nonnull (strstr (text, "first: The Harbour Ledger"));
  /* the bakery and the anniversary are in no story */
  g_assert_null (strstr (text, "Bakery"));

  entry = (GtkWidget *) gtk_widget_get_template_child (self->stories_view, DOSSIER_TYPE_STORIES_VIEW, "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "estuary courier");
  dossier_test_poll_until (dossier_stories_view_get_n_shown (view) == 1);
  gtk_editable_set_text (GTK_EDITABLE (entry), "bakery");
  dossier_test_poll_until (dossier_stories_view_get_n_shown (view) == 0);
  g_clear_pointer (&text, g_free);
  text = text_of (self->stories_view);
  g_assert_nonnull (strstr (text, "No Matching Stories"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  dossier_test_poll_until (dossier_stories_view_get_n_shown (view) == 1);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* TRUE, with the file's text in @contents, once it holds @needle */
static gboolean
read_holding (const char  *path,
              const char  *needle,
              char       **contents)
{
  g_clear_pointer (contents, g_free);
  if (g_file_get_contents (path, contents, NULL, NULL) && strstr (*contents, needle) != NULL)
    return TRUE;
  g_clear_pointer (contents, g_free);
  return FALSE;
}

static void
on_loaded_count_cb (DossierStoriesView *view,
                    guint              *count)
{
  (*count)++;
}

static DossierStoryItem *
item_of (DossierStoriesView *view,
         gint64              story_id)
{
  GListModel *model = dossier_stories_view_get_model (view);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierStoryItem) item = g_list_model_get_item (model, i);

      if (dossier_story_item_get_story (item)->id == story_id)
        return item;  /* the model keeps it */
    }
  return NULL;
}

/* A list read again keeps the items (and so the rows made for them) of
 * the stories that did not change, and replaces those that did. */
static void
test_reload_keeps_rows (Fixture       *f,
                        gconstpointer  data)
{
  DossierWindow *self = open_window (f, 1200);
  DossierStoriesView *view = DOSSIER_STORIES_VIEW (self->stories_view);
  gint64 story = story_of (f->t.library, f->wire);
  g_autoptr(GError) error = NULL;
  DossierStoryItem *before, *after;
  guint loaded = 0;

  /* the list read in the background after the window's start */
  dossier_test_poll_until (item_of (view, story) != NULL);
  g_signal_connect (view, "loaded", G_CALLBACK (on_loaded_count_cb), &loaded);
  adw_view_stack_set_visible_child_name (self->sections, "stories");
  dossier_stories_view_reload (view);
  dossier_test_poll_until (loaded >= 1);
  before = item_of (view, story);
  g_assert_nonnull (before);
  g_assert_cmpuint (dossier_story_item_get_story (before)->articles->len, ==, 3);

  dossier_stories_view_reload (view);
  dossier_test_poll_until (loaded >= 2);
  g_assert_true (item_of (view, story) == before);

  g_assert_cmpint (dossier_stories_move_sync (f->t.library, f->court, 0, &error), >, 0);
  g_assert_no_error (error);
  dossier_stories_view_reload (view);
  dossier_test_poll_until (loaded >= 3 && item_of (view, story) != before);
  after = item_of (view, story);
  g_assert_nonnull (after);
  g_assert_cmpuint (dossier_story_item_get_story (after)->articles->len, ==, 2);
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
model_in_order (DossierStoriesView *view)
{
  GListModel *model = dossier_stories_view_get_model (view);

  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(DossierStoryItem) a = g_list_model_get_item (model, i - 1);
      g_autoptr(DossierStoryItem) b = g_list_model_get_item (model, i);

      if (dossier_story_compare (dossier_story_item_get_story (a), dossier_story_item_get_story (b)) >= 0)
        return FALSE;
    }
  return TRUE;
}

/* After a correction only the stories it touched are read again: a
 * story not named keeps its item as it was, even when the library holds
 * another; those named are replaced, added where the order wants them or
 * taken out. */
static void
test_reload_some (Fixture       *f,
                  gconstpointer  data)
{
  DossierWindow *self = open_window (f, 1200);
  DossierStoriesView *view = DOSSIER_STORIES_VIEW (self->stories_view);
  GListModel *model = dossier_stories_view_get_model (view);
  gint64 story = story_of (f->t.library, f->wire);
  g_autoptr(GError) error = NULL;
  DossierStoryItem *before;
  gint64 own;
  guint loaded = 0;

  adw_view_stack_set_visible_child_name (self->sections, "stories");
  dossier_test_poll_until (item_of (view, story) != NULL);
  g_signal_connect (view, "loaded", G_CALLBACK (on_loaded_count_cb), &loaded);
  dossier_stories_view_reload (view);
  dossier_test_poll_until (loaded >= 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  before = item_of (view, story);

  own = dossier_stories_move_sync (f->t.library, f->court, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (own, >, 0);
  /* the story left, not the new one */
  dossier_stories_view_reload_some (view, &story, 1);
  dossier_test_poll_until (loaded >= 2);
  g_assert_true (item_of (view, story) != before);
  g_assert_cmpuint (dossier_story_item_get_story (item_of (view, story))->articles->len, ==, 2);
  g_assert_null (item_of (view, own));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* the new one comes in its place in the order; the other keeps its item */
  before = item_of (view, story);
  dossier_stories_view_reload_some (view, &own, 1);
  dossier_test_poll_until (loaded >= 3);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_nonnull (item_of (view, own));
  g_assert_true (item_of (view, story) == before);
  g_assert_true (model_in_order (view));

  /* joined back, through the window's path: the one gone is taken out */
  g_assert_cmpint (dossier_stories_join_sync (f->t.library, story, own, &error), ==, story);
  g_assert_no_error (error);
  {
    g_autoptr(GArray) touched = g_array_new (FALSE, FALSE, sizeof (gint64));

    g_array_append_val (touched, story);
    g_array_append_val (touched, own);
    _dossier_window_stories_corrected (self, touched);
  }
  dossier_test_poll_until (loaded >= 4);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_null (item_of (view, own));
  g_assert_cmpuint (dossier_story_item_get_story (item_of (view, story))->articles->len, ==, 3);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
on_deleted_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  DossierDeletedArticle **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = dossier_library_delete_article_finish (DOSSIER_LIBRARY (source), result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

static void
on_restored_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  gint64 *id = user_data;
  g_autoptr(GError) error = NULL;

  *id = dossier_library_restore_article_finish (DOSSIER_LIBRARY (source), result, &error);
  g_assert_no_error (error);
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  gint64 *id = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = dossier_importer_run_finish (DOSSIER_IMPORTER (source), result, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 1);
  *id = ((DossierImportResult *) g_ptr_array_index (results, 0))->id;
}

/* A delete and an import, saved as the window saves them, re-read only
 * the stories they touched: the whole list is not read again, the other
 * story keeps its item (and so its row), the touched one is replaced in
 * place or taken out, and a story the import's grouping made or changed
 * comes in where the order wants it. */
static void
test_delete_import_in_place (Fixture       *f,
                             gconstpointer  data)
{
  DossierWindow *self = open_window (f, 1200);
  DossierStoriesView *view = DOSSIER_STORIES_VIEW (self->stories_view);
  GListModel *model = dossier_stories_view_get_model (view);
  gint64 story = story_of (f->t.library, f->wire);
  g_autofree char *path = dossier_test_data_path ("stories", "ferry-copy.txt", NULL);
  const char *paths[] = { path, NULL };
  g_autoptr(DossierImporter) importer = dossier_importer_new (f->t.library);
  g_autoptr(GError) error = NULL;
  DossierStoryItem *own_item, *story_item;
  gint64 own, again = 0, restored = 0;
  guint loaded = 0, full;
  DossierDeletedArticle *deleted = NULL;

  /* two stories: the ferry's, and the court article on its own */
  own = dossier_stories_move_sync (f->t.library, f->court, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (own, >, 0);
  adw_view_stack_set_visible_child_name (self->sections, "stories");
  g_signal_connect (view, "loaded", G_CALLBACK (on_loaded_count_cb), &loaded);
  dossier_stories_view_reload (view);
  dossier_test_poll_until (loaded >= 1 && g_list_model_get_n_items (model) == 2);
  dossier_test_poll_until (!dossier_stories_get_running (self->stories));
  own_item = item_of (view, own);
  story_item = item_of (view, story);
  g_assert_nonnull (own_item);
  g_assert_nonnull (story_item);
  full = dossier_stories_view_get_n_full_reads (view);

  /* a copy deleted: its story alone is read again */
  dossier_library_delete_article_async (f->t.library, f->copy, NULL, on_deleted_cb, &deleted);
  dossier_test_poll_until (deleted != NULL && loaded >= 2);
  g_clear_pointer (&deleted, dossier_deleted_article_free);
  dossier_test_poll_until (!dossier_stories_get_running (self->stories));
  g_assert_cmpuint (dossier_stories_view_get_n_full_reads (view), ==, full);
  g_assert_true (item_of (view, own) == own_item);
  g_assert_true (item_of (view, story) != story_item);
  g_assert_cmpuint (dossier_story_item_get_story (item_of (view, story))->articles->len, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  story_item = item_of (view, story);

  /* the court article deleted: its story, emptied, is taken out */
  dossier_library_delete_article_async (f->t.library, f->court, NULL, on_deleted_cb, &deleted);
  dossier_test_poll_until (deleted != NULL && loaded >= 3);
  dossier_test_poll_until (!dossier_stories_get_running (self->stories));
  g_assert_cmpuint (dossier_stories_view_get_n_full_reads (view), ==, full);
  g_assert_null (item_of (view, own));
  g_assert_true (item_of (view, story) == story_item);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  /* the delete undone: the story it is back in alone is read again */
  dossier_library_restore_article_async (f->t.library, deleted, NULL, on_restored_cb, &restored);
  deleted = NULL;
  dossier_test_poll_until (restored > 0 && loaded >= 4);
  dossier_test_poll_until (!dossier_stories_get_running (self->stories));
  g_assert_cmpuint (dossier_stories_view_get_n_full_reads (view), ==, full);
  g_assert_true (item_of (view, story) == story_item);
  g_assert_cmpint (story_of (f->t.library, restored), ==, own);
  g_assert_nonnull (item_of (view, own));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (model_in_order (view));

  /* the copy imported again: the grouping that follows puts it back in
   * the ferry's story, which alone is read again */
  dossier_importer_run_async (importer, paths, NULL, NULL, NULL, NULL, on_imported_cb, &again);
  dossier_test_poll_until (again > 0 && loaded >= 5);
  dossier_test_poll_until (!dossier_stories_get_running (self->stories));
  g_assert_cmpint (story_of (f->t.library, again), ==, story);
  g_assert_cmpuint (dossier_stories_view_get_n_full_reads (view), ==, full);
  g_assert_true (item_of (view, story) != story_item);
  g_assert_cmpuint (dossier_story_item_get_story (item_of (view, story))->articles->len, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  g_assert_true (model_in_order (view));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Another app's export adds articles (and notes, tags, links to fetch):
 * the section, shown, keeps its list, the rows of its stories the same
 * objects, and reads only what the grouping after it touched. */
static void
test_app_import_in_place (Fixture       *f,
                          gconstpointer  data)
{
  DossierWindow *self = open_window (f, 1200);
  DossierStoriesView *view = DOSSIER_STORIES_VIEW (self->stories_view);
  gint64 story = story_of (f->t.library, f->wire);
  g_autofree char *zip = dossier_test_data_path ("apps", "omnivore.zip", NULL);
  DossierStoryItem *item;
  guint loaded = 0, full;

  adw_view_stack_set_visible_child_name (self->sections, "stories");
  g_signal_connect (view, "loaded", G_CALLBACK (on_loaded_count_cb), &loaded);
  dossier_stories_view_reload (view);
  dossier_test_poll_until (loaded >= 1 && item_of (view, story) != NULL);
  item = item_of (view, story);
  full = dossier_stories_view_get_n_full_reads (view);

  g_assert_cmpuint (dossier_test_import_app_export (f->t.library, DOSSIER_APP_OMNIVORE, zip), ==, 2);
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 7);
  dossier_test_poll_until (!dossier_stories_get_running (self->stories) &&
                           !dossier_article_list_get_loading (self->articles));
  g_assert_cmpuint (dossier_stories_view_get_n_full_reads (view), ==, full);
  g_assert_true (item_of (view, story) == item);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* the row widgets a list view has made */
static guint
n_rows (GtkWidget *list_view)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (list_view); c != NULL; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

/* A long list of stories is given to the list view a page at a time:
 * its first opening makes rows for the first stories only (the list view
 * makes up to 200 at once otherwise), then the rest follow while it
 * shows; every story is in the model, and the search finds any of them,
 * from the start. */
static void
test_first_rows (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *dir = dossier_test_make_tmp_dir ();
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(DossierImporter) importer = dossier_importer_new (f->t.library);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  DossierWindow *self;
  DossierStoriesView *view;
  GtkWidget *list_view;
  GtkWidget *entry;
  guint made;

  /* 80 articles, each moved into a story of its own: 81 stories */
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%02u.txt", i);
      g_autofree char *text = g_strdup_printf ("Harbour Report Number %u\n\nThe Harbour Ledger\n\nJune %u, 2014\n\n"
                                               "Report %u of the harbour's week: berth %u took the cargo of ship %u.\n",
                                               i, 1 + i % 28, i, i * 7, i * 13);
      char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (path, text, -1, NULL));
      g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  results = dossier_importer_run_sync (importer, (const char * const *) paths->pdata, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 80);
  for (guint i = 0; i < results->len; i++)
    {
      gint64 id = ((DossierImportResult *) g_ptr_array_index (results, i))->id;

      g_assert_cmpint (dossier_stories_move_sync (f->t.library, id, 0, &error), >, 0);
      g_assert_no_error (error);
    }

  self = open_window (f, 1200);
  view = DOSSIER_STORIES_VIEW (self->stories_view);
  list_view = (GtkWidget *) gtk_widget_get_template_child (self->stories_view, DOSSIER_TYPE_STORIES_VIEW, "list_view");
  /* read in the background, all of them, while the section is hidden */
  dossier_test_poll_until (g_list_model_get_n_items (dossier_stories_view_get_model (view)) == 81);
  g_assert_nonnull (dossier_stories_view_find (view, story_of (f->t.library, f->court)));
  made = n_rows (list_view);
  g_assert_cmpuint (made, >, 0);
  g_assert_cmpuint (made, <=, 24);
  adw_view_stack_set_visible_child_name (self->sections, "stories");
  /* the rest follow, a page a frame */
  dossier_test_poll_until (n_rows (list_view) == 81);
  g_assert_cmpuint (dossier_stories_view_get_n_shown (view), ==, 81);

  entry = (GtkWidget *) gtk_widget_get_template_child (self->stories_view, DOSSIER_TYPE_STORIES_VIEW, "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (entry), "harbour report number 7");
  /* 7 and 70..79 */
  dossier_test_poll_until (dossier_stories_view_get_n_shown (view) == 11);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Choosing a story shows its articles in time order; an article moved
 * out leaves the page, a story joined comes in, and an article chosen
 * opens in the reader. */
static void
test_story_page (Fixture       *f,
                 gconstpointer  data)
{
  DossierWindow *self = open_window (f, 1200);
  DossierStoriesView *view = DOSSIER_STORIES_VIEW (self->stories_view);
  DossierStoryPage *page = DOSSIER_STORY_PAGE (self->story_page);
  GtkWidget *list_view = (GtkWidget *) gtk_widget_get_template_child (self->stories_view, DOSSIER_TYPE_STORIES_VIEW, "list_view");
  GtkWidget *join_button = (GtkWidget *) gtk_widget_get_template_child (self->story_page, DOSSIER_TYPE_STORY_PAGE, "join_button");
  GtkWidget *join_box = (GtkWidget *) gtk_widget_get_template_child (self->story_page, DOSSIER_TYPE_STORY_PAGE, "join_box");
  GtkWidget *articles_box = (GtkWidget *) gtk_widget_get_template_child (self->story_page, DOSSIER_TYPE_STORY_PAGE, "articles_box");
  const gint64 three[] = { f->wire, f->copy, f->court };
  const gint64 two[] = { f->wire, f->copy };
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autofree char *text = NULL;
  gint64 story = story_of (f->t.library, f->wire);
  gint64 own;
  GtkListBoxRow *choice = NULL;

  adw_view_stack_set_visible_child_name (self->sections, "stories");
  dossier_test_poll_until (dossier_stories_view_get_n_shown (view) == 1);
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 0));
  g_assert_cmpstr (_dossier_window_get_page (self), ==, "story");
  dossier_test_poll_until (listed_are (self, three, 3));
  g_assert_cmpint (dossier_story_page_get_story_id (page), ==, story);
  text = text_of (self->story_page);
  g_assert_nonnull (strstr (text, "Ferry Crews Walk Out Over Night Shifts"));
  g_assert_nonnull (strstr (text, "Court Halts Lindqvist Ferry Strike"));
  g_assert_nonnull (strstr (text, "first: The Harbour Ledger"));
  /* the rows, oldest first, as shown */
  {
    GtkWidget *row = gtk_widget_get_first_child (articles_box);
    g_autofree char *first = text_of (row);
    g_autofree char *last = text_of (gtk_widget_get_last_child (articles_box));

    g_assert_nonnull (strstr (first, "Ferry Crews Walk Out"));
    g_assert_nonnull (strstr (last, "Court Halts"));
  }

  /* the court's article out of the story, with its row's button */
  find_buttons (articles_box, "Move Out of This Story", buttons);
  g_assert_cmpuint (buttons->len, ==, 3);
  g_signal_emit_by_name (g_ptr_array_index (buttons, 2), "clicked");
  dossier_test_poll_until (listed_are (self, two, 2));
  own = story_of (f->t.library, f->court);
  g_assert_cmpint (own, !=, story);
  g_assert_cmpint (own, >, 0);
  g_clear_pointer (&text, g_free);
  text = text_of (self->story_page);
  g_assert_null (strstr (text, "Court Halts Lindqvist Ferry Strike"));

  /* and back in, joining its story to this one through the chooser */
  adw_view_stack_set_visible_child_name (self->sections, "stories");
  dossier_test_poll_until (dossier_stories_view_find (view, own) != NULL);
  gtk_menu_button_popup (GTK_MENU_BUTTON (join_button));
  for (GtkWidget *c = gtk_widget_get_first_child (join_box); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      g_autofree char *row_text = text_of (c);

      /* the chooser never offers the story itself */
      g_assert_null (strstr (row_text, "Ferry Crews Walk Out"));
      if (strstr (row_text, "Court Halts") != NULL)
        choice = GTK_LIST_BOX_ROW (c);
    }
  g_assert_nonnull (choice);
  g_signal_emit_by_name (join_box, "row-activated", choice);
  dossier_test_poll_until (listed_are (self, three, 3));
  g_assert_cmpint (story_of (f->t.library, f->court), ==, story_of (f->t.library, f->wire));

  /* Export…: the story with its articles' text, as HTML and Markdown */
  {
    g_autofree char *html_path = g_build_filename (f->t.dir, "story.html", NULL);
    g_autofree char *md_path = g_build_filename (f->t.dir, "story.md", NULL);
    g_autoptr(GFile) html = g_file_new_for_path (html_path);
    g_autoptr(GFile) md = g_file_new_for_path (md_path);
    g_autofree char *contents = NULL;
    const char *wire, *court;

    _dossier_window_stories_export (self, html);
    /* the file shows before all of it is written */
    dossier_test_poll_until (read_holding (html_path, "</html>", &contents));
    g_assert_true (g_str_has_prefix (contents, "<!DOCTYPE html>"));
    g_assert_nonnull (strstr (contents, "<h1>Ferry Crews Walk Out Over Night Shifts</h1>"));
    g_assert_nonnull (strstr (contents, "3 days"));
    wire = strstr (contents, "<h2>Ferry Crews Walk Out Over Night Shifts</h2>");
    court = strstr (contents, "<h2>Court Halts Lindqvist Ferry Strike</h2>");
    g_assert_nonnull (wire);
    g_assert_nonnull (court);
    g_assert_true (wire < court);
    g_assert_nonnull (strstr (contents, "Kestrel Lines"));
    g_clear_pointer (&contents, g_free);
    _dossier_window_stories_export (self, md);
    dossier_test_poll_until (read_holding (md_path, "## Court Halts Lindqvist Ferry Strike\n", &contents));
    g_assert_true (g_str_has_prefix (contents, "# Ferry Crews Walk Out Over Night Shifts\n"));
    g_assert_nonnull (strstr (contents, "## Court Halts Lindqvist Ferry Strike\n"));
  }

  /* an article chosen opens in the reader */
  g_signal_emit_by_name (articles_box, "row-activated", gtk_widget_get_first_child (articles_box));
  dossier_test_poll_until (self->article != NULL && dossier_article_get_id (self->article) == f->wire);
  g_assert_null (_dossier_window_get_page (self));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Show on Timeline, from a story's page: the list narrowed to story:ID,
 * and the timeline shown, by story, with the story's one lane */
static void
test_story_on_timeline (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new ("org.dossierapp.Dossier");
  DossierWindow *self;
  DossierTimeline *timeline;
  GtkWidget *list_view, *button;
  const gint64 three[] = { f->wire, f->copy, f->court };
  gint64 story = story_of (f->t.library, f->wire);
  g_autofree char *expected = g_strdup_printf ("story:%" G_GINT64_FORMAT, story);
  const DossierTimelineLayout *layout;

  g_settings_reset (settings, "timeline-lanes");
  g_settings_set_boolean (settings, "show-timeline", FALSE);
  self = open_window (f, 1200);
  timeline = DOSSIER_TIMELINE (self->timeline);
  list_view = (GtkWidget *) gtk_widget_get_template_child (self->stories_view, DOSSIER_TYPE_STORIES_VIEW, "list_view");
  button = (GtkWidget *) gtk_widget_get_template_child (self->story_page, DOSSIER_TYPE_STORY_PAGE, "timeline_button");
  g_assert_false (gtk_widget_get_visible (gtk_paned_get_end_child (self->content_paned)));

  adw_view_stack_set_visible_child_name (self->sections, "stories");
  dossier_test_poll_until (dossier_stories_view_get_n_shown (DOSSIER_STORIES_VIEW (self->stories_view)) == 1);
  g_assert_true (gtk_widget_activate_action (list_view, "list.activate-item", "u", 0));
  dossier_test_poll_until (listed_are (self, three, 3));
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");

  dossier_test_poll_until (dossier_timeline_get_lane_mode (timeline) == DOSSIER_TIMELINE_LANES_STORY);
  dossier_test_poll_until (g_list_model_get_n_items (G_LIST_MODEL (self->articles)) == 3);
  dossier_test_poll_until (dossier_timeline_get_n_points (timeline) == 3);
  g_assert_cmpstr (dossier_search_get_text (self->search), ==, expected);
  g_assert_cmpint (g_settings_get_enum (settings, "timeline-lanes"), ==, 4);
  g_assert_true (gtk_widget_get_visible (gtk_paned_get_end_child (self->content_paned)));
  /* the story's page stays, the timeline below it */
  g_assert_cmpstr (_dossier_window_get_page (self), ==, "story");
  dossier_test_poll_until (gtk_widget_get_height (self->timeline) > 100);
  layout = dossier_timeline_model_layout (_dossier_timeline_get_model (timeline), gtk_widget_get_width (self->timeline),
                                          gtk_widget_get_height (self->timeline));
  g_assert_cmpuint (layout->lanes->len, ==, 1);
  g_assert_cmpstr (g_array_index (layout->lanes, DossierTimelineLane, 0).label, ==, "Ferry Crews Walk Out Over Night Shifts");
  /* fitted: all three in view */
  for (guint i = 0; i < G_N_ELEMENTS (three); i++)
    {
      gboolean seen = FALSE;

      for (guint b = 0; b < layout->boxes->len; b++)
        seen |= g_array_index (layout->boxes, DossierTimelineBox, b).id == three[i];
      g_assert_true (seen);
    }
  /* settings back while the window lives: a window destroyed and not yet
   * finalized would hear the change */
  g_settings_reset (settings, "timeline-lanes");
  g_settings_reset (settings, "show-timeline");
  gtk_window_destroy (GTK_WINDOW (self));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* first: it changes settings, which no earlier window may hear */
  g_test_add ("/Dossier/StoriesUI/story-on-timeline", Fixture, NULL, fixture_setup, test_story_on_timeline, fixture_teardown);
  g_test_add_func ("/Dossier/StoriesUI/empty-states", test_empty_states);
  g_test_add ("/Dossier/StoriesUI/section", Fixture, NULL, fixture_setup, test_section, fixture_teardown);
  g_test_add ("/Dossier/StoriesUI/first-rows", Fixture, NULL, fixture_setup, test_first_rows, fixture_teardown);
  g_test_add ("/Dossier/StoriesUI/reload-keeps-rows", Fixture, NULL, fixture_setup, test_reload_keeps_rows, fixture_teardown);
  g_test_add ("/Dossier/StoriesUI/reload-some", Fixture, NULL, fixture_setup, test_reload_some, fixture_teardown);
  g_test_add ("/Dossier/StoriesUI/delete-import-in-place", Fixture, NULL, fixture_setup, test_delete_import_in_place,
              fixture_teardown);
  g_test_add ("/Dossier/StoriesUI/app-import-in-place", Fixture, NULL, fixture_setup, test_app_import_in_place,
              fixture_teardown);
  g_test_add ("/Dossier/StoriesUI/story-page", Fixture, NULL, fixture_setup, test_story_page, fixture_teardown);
  return g_test_run ();
}
