/* dossier-window-search-index.c — the search index's rebuild in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After an upgrade (or a new stemmer) the library's articles are indexed
 * for search again in the background (DossierSearchIndex).  Meanwhile a
 * bar above the list's count says so, with its progress: a search finds
 * only the articles indexed so far.
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"
#include "dossier-search-index.h"

static void
on_progress_cb (DossierSearchIndex *index,
                GParamSpec         *pspec,
                GtkProgressBar     *bar)
{
  double fraction = dossier_search_index_get_progress (index);
  g_autofree char *text = NULL;

  /* TRANSLATORS: shown above the article list while the search index is
   * rebuilt after an upgrade; %d is a percentage */
  text = g_strdup_printf (_("Rebuilding the search index (%d%%): a search finds only the articles done so far"),
                          (int) (fraction * 100));
  gtk_progress_bar_set_fraction (bar, fraction);
  gtk_progress_bar_set_text (bar, text);
  gtk_widget_set_visible (GTK_WIDGET (bar), dossier_search_index_get_running (index));
}

void
_dossier_window_search_index_setup (DossierWindow *self)
{
  DossierSearchIndex *index = dossier_search_index_new (self->library);
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  gtk_progress_bar_set_ellipsize (GTK_PROGRESS_BAR (bar), PANGO_ELLIPSIZE_END);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_add_css_class (bar, "caption");
  gtk_widget_set_visible (bar, FALSE);
  gtk_widget_insert_before (bar, gtk_widget_get_parent (GTK_WIDGET (self->count_label)),
                            GTK_WIDGET (self->count_label));
  g_signal_connect_object (index, "notify::progress", G_CALLBACK (on_progress_cb), bar, 0);
  g_signal_connect_object (index, "notify::running", G_CALLBACK (on_progress_cb), bar, 0);
  /* the window keeps the service while it lives */
  g_object_set_data_full (G_OBJECT (self), "dossier-search-index", index, g_object_unref);
}
