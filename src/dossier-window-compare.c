/* dossier-window-compare.c — two versions of an article side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A version's Compare button in the reader's Versions list reads the open
 * article and that version (off the main thread) and shows them on the
 * page "compare"; on a folded window the two texts stand one above the
 * other.
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-window-private.h"
#include "dossier-compare-view.h"
#include "dossier-similar-list.h"

typedef struct
{
  DossierWindow  *self;        /* a ref */
  DossierArticle *articles[2]; /* the open one, the other version */
  guint           pending;
  gboolean        failed;
} Load;

static void
load_free (Load *load)
{
  g_clear_object (&load->articles[0]);
  g_clear_object (&load->articles[1]);
  g_object_unref (load->self);
  g_free (load);
}

static void
show (Load *load)
{
  DossierWindow *self = load->self;
  const char *source = dossier_article_get_source (load->articles[1]);

  dossier_compare_view_set_articles (DOSSIER_COMPARE_VIEW (self->compare_view),
                                     load->articles[0], load->articles[1]);
  _dossier_window_show_page (self, "compare", _("Compare Versions"),
                             source != NULL && *source ? source : dossier_article_get_title (load->articles[1]));
}

static void
on_loaded (Load         *load,
           guint         side,
           GAsyncResult *result)
{
  g_autoptr(GError) error = NULL;

  load->articles[side] = dossier_library_get_article_finish (load->self->library, result, &error);
  if (load->articles[side] == NULL && !load->failed)
    {
      load->failed = TRUE;
      /* TRANSLATORS: the reason two versions could not be compared */
      _dossier_window_toast_error (load->self, error, _("Could not compare the versions: %s"), error->message);
    }
  if (--load->pending > 0)
    return;
  if (!load->failed)
    show (load);
  load_free (load);
}

static void
on_open_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  on_loaded (user_data, 0, result);
}

static void
on_other_loaded_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  on_loaded (user_data, 1, result);
}

void
_dossier_window_compare_show (DossierWindow *self,
                              gint64         other_id)
{
  Load *load;

  if (self->article == NULL || other_id <= 0)
    return;
  g_cancellable_cancel (self->compare_cancellable);
  g_clear_object (&self->compare_cancellable);
  self->compare_cancellable = g_cancellable_new ();
  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->pending = 2;
  dossier_library_get_article_async (self->library, dossier_article_get_id (self->article),
                                     self->compare_cancellable, on_open_loaded_cb, load);
  dossier_library_get_article_async (self->library, other_id, self->compare_cancellable,
                                     on_other_loaded_cb, load);
}

static void
on_folded_cb (DossierWindow *self)
{
  dossier_compare_view_set_stacked (DOSSIER_COMPARE_VIEW (self->compare_view),
                                    adw_leaflet_get_folded (self->leaflet));
}

void
_dossier_window_compare_setup (DossierWindow *self)
{
  self->compare_view = dossier_compare_view_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->compare_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Two versions of the article side by side"), -1);
  _dossier_window_add_page (self, "compare", self->compare_view);
  on_folded_cb (self);
  g_signal_connect_object (self->leaflet, "notify::folded", G_CALLBACK (on_folded_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->similar, "compare-activated", G_CALLBACK (_dossier_window_compare_show),
                           self, G_CONNECT_SWAPPED);
}
