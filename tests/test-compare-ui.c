/* test-compare-ui.c — two versions of an article side by side, reached
 * from the reader's Versions list, in the main window on a real library,
 * under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "dossier-window-private.h"
#include "dossier-compare-view.h"
#include "dossier-similar-list.h"
#include "dossier-stories.h"
#include "dossier-importer.h"
#include "dossier-test-util.h"

typedef struct
{
  DossierTestLibrary t;
  gint64             first, update;
} Fixture;

static gint64
add_file (DossierLibrary *library,
          const char     *name)
{
  g_autofree char *path = dossier_test_data_path ("compare", name, NULL);
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
  /* the same report, later: a figure changed, a sentence cut, one added */
  f->first = add_file (f->t.library, "flood-first.txt");
  f->update = add_file (f->t.library, "flood-update.txt");
  dossier_stories_update_sync (f->t.library, FALSE, NULL, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  dossier_test_library_teardown (&f->t, data);
}

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

/* the runs of @buffer's text that carry @tag, joined by "|" */
static char *
tagged (GtkTextBuffer *buffer,
        const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GString *out = g_string_new (NULL);
  GtkTextIter it, end;

  gtk_text_buffer_get_start_iter (buffer, &it);
  while (TRUE)
    {
      if (!gtk_text_iter_starts_tag (&it, tag) && !gtk_text_iter_forward_to_tag_toggle (&it, tag))
        break;
      if (!gtk_text_iter_has_tag (&it, tag))
        continue;
      end = it;
      gtk_text_iter_forward_to_tag_toggle (&end, tag);
      {
        g_autofree char *run = gtk_text_iter_get_text (&it, &end);

        if (out->len > 0)
          g_string_append_c (out, '|');
        g_string_append (out, run);
      }
      it = end;
    }
  return g_string_free (out, FALSE);
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

/* opens the first version, and Compare on its one other version */
static DossierCompareView *
compare (Fixture       *f,
         DossierWindow *self)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  DossierCompareView *view = DOSSIER_COMPARE_VIEW (self->compare_view);

  dossier_window_open_article (self, f->first);
  dossier_test_poll_until (self->article != NULL && dossier_article_get_id (self->article) == f->first &&
                           dossier_similar_list_get_n_versions (DOSSIER_SIMILAR_LIST (self->similar)) == 1);
  find_buttons (self->similar, "Compare with This Version", buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  g_assert_cmpstr (gtk_button_get_icon_name (g_ptr_array_index (buttons, 0)), ==, "view-dual-symbolic");
  g_signal_emit_by_name (g_ptr_array_index (buttons, 0), "clicked");
  dossier_test_poll_until (g_strcmp0 (_dossier_window_get_page (self), "compare") == 0 &&
                           dossier_compare_view_get_summary (view) != NULL);
  return view;
}

/* Compare from Versions shows both texts with the removed, added and
 * changed sentences marked on their own side, and a summary. */
static void
test_compare (Fixture       *f,
              gconstpointer  data)
{
  DossierWindow *self = open_window (f, 1300);
  DossierCompareView *view = compare (f, self);
  GtkTextBuffer *open = dossier_compare_view_get_buffer (view, FALSE);
  GtkTextBuffer *other = dossier_compare_view_get_buffer (view, TRUE);
  g_autofree char *removed = tagged (open, "removed");
  g_autofree char *changed_open = tagged (open, "changed");
  g_autofree char *added_open = tagged (open, "added");
  g_autofree char *added = tagged (other, "added");
  g_autofree char *changed_other = tagged (other, "changed");
  g_autofree char *removed_other = tagged (other, "removed");

  g_assert_cmpstr (dossier_compare_view_get_summary (view), ==, "1 sentence added, 1 removed, 1 changed");
  g_assert_cmpstr (removed, ==, "A spokesman for the council said the pumps at the eastern weir had failed during the night.");
  g_assert_cmpstr (changed_open, ==, "Fire crews carried sandbags to the low streets near the old mill, "
                                     "where some forty houses stood in half a metre of water.");
  g_assert_cmpstr (added, ==, "An army engineering unit arrived in the afternoon to help build a temporary dam along the bypass.");
  g_assert_cmpstr (changed_other, ==, "Fire crews carried sandbags to the low streets near the old mill, "
                                      "where some sixty houses stood in half a metre of water.");
  /* each side marks only what it has */
  g_assert_cmpstr (added_open, ==, "");
  g_assert_cmpstr (removed_other, ==, "");
  g_assert_false (dossier_compare_view_get_stacked (view));

  /* opening an article brings the reader back */
  dossier_window_open_article (self, f->update);
  dossier_test_poll_until (_dossier_window_get_page (self) == NULL &&
                           self->article != NULL && dossier_article_get_id (self->article) == f->update);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* On a narrow (folded) window the two texts stand one above the other. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  DossierWindow *self = open_window (f, 360);
  DossierCompareView *view;

  dossier_test_poll_until (adw_leaflet_get_folded (self->leaflet));
  view = compare (f, self);
  g_assert_true (dossier_compare_view_get_stacked (view));
  gtk_window_destroy (GTK_WINDOW (self));
}

int
main (int argc, char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/Dossier/CompareUI/compare", Fixture, NULL, fixture_setup, test_compare, fixture_teardown);
  g_test_add ("/Dossier/CompareUI/narrow", Fixture, NULL, fixture_setup, test_narrow, fixture_teardown);
  return g_test_run ();
}
