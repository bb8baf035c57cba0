/* test-search-bar.c — the list's search bar and the search it shows,
 * under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "dossier-search-bar.h"
#include "dossier-test-util.h"

typedef struct {
  GPtrArray *texts;     /* each text the search took, in turn */
  char      *entry_said;  /* the text of the entry's last search-changed */
} Seen;

static void
on_text_cb (DossierSearch *search,
            GParamSpec    *pspec,
            Seen          *seen)
{
  g_ptr_array_add (seen->texts, g_strdup (dossier_search_get_text (search)));
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      Seen           *seen)
{
  g_free (seen->entry_said);
  seen->entry_said = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static GtkWidget *
entry_of (DossierSearchBar *bar)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (bar), DOSSIER_TYPE_SEARCH_BAR, "search_entry"));
}

/* Text set on the search from elsewhere (a saved search, a person's page)
 * shows in the entry, and the search keeps it: it does not pass through
 * an empty search on the way, not even after the entry's pause */
static void
test_text_from_elsewhere (void)
{
  g_autoptr(DossierSearch) search = dossier_search_new ();
  GtkWidget *window = gtk_window_new ();
  DossierSearchBar *bar = g_object_new (DOSSIER_TYPE_SEARCH_BAR, NULL);
  GtkWidget *entry = entry_of (bar);
  Seen seen = { g_ptr_array_new_with_free_func (g_free), NULL };

  dossier_search_bar_set_search (bar, search);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (bar));
  gtk_window_present (GTK_WINDOW (window));
  dossier_test_poll_until (gtk_widget_get_mapped (entry));
  g_signal_connect (search, "notify::text", G_CALLBACK (on_text_cb), &seen);
  g_signal_connect (entry, "search-changed", G_CALLBACK (on_search_changed_cb), &seen);

  dossier_search_set_text (search, "Lavrov");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Lavrov");
  g_assert_cmpint (gtk_editable_get_position (GTK_EDITABLE (entry)), ==, 6);
  /* the entry's own word on the new text comes after its pause */
  dossier_test_poll_until (g_strcmp0 (seen.entry_said, "Lavrov") == 0);
  g_assert_cmpstr (dossier_search_get_text (search), ==, "Lavrov");
  g_assert_cmpuint (seen.texts->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (seen.texts, 0), ==, "Lavrov");

  /* from one text to another: straight there */
  dossier_search_set_text (search, "Лавров Kerry");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Лавров Kerry");
  dossier_test_poll_until (g_strcmp0 (seen.entry_said, "Лавров Kerry") == 0);
  g_assert_cmpstr (dossier_search_get_text (search), ==, "Лавров Kerry");
  g_assert_cmpuint (seen.texts->len, ==, 2);

  /* and typing still reaches the search */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Peskov");
  dossier_test_poll_until (g_strcmp0 (seen.entry_said, "Peskov") == 0);
  g_assert_cmpstr (dossier_search_get_text (search), ==, "Peskov");
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  g_assert_cmpstr (dossier_search_get_text (search), ==, "");

  g_signal_handlers_disconnect_by_data (search, &seen);
  g_signal_handlers_disconnect_by_data (entry, &seen);
  gtk_window_destroy (GTK_WINDOW (window));
  g_ptr_array_unref (seen.texts);
  g_free (seen.entry_said);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/search-bar/text-from-elsewhere", test_text_from_elsewhere);
  return g_test_run ();
}
