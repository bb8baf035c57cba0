/* dossier-window-dates.c — the window's suggested dates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader's banner shows the open article's suggestion (read again
 * when the library changes, as when the suggestions worked out after an
 * import are saved; a suggestion accepted or taken back elsewhere opens
 * the article again, with its date as it is now).  Accept makes it the article's date and offers Undo
 * in a toast, as deleting does; Dismiss drops it.  win.review-dates opens
 * the dialog that accepts many at once.
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"
#include "dossier-dates.h"
#include "dossier-dates-dialog.h"

/* What an article's date was before its suggestion was accepted. */
typedef struct
{
  gint64             id;
  DossierDate        previous;
  DossierDateOrigin  origin;
} Accepted;

static void
on_suggestion_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  DossierWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierStoredSuggestion) s = dossier_dates_get_finish (DOSSIER_LIBRARY (source), result, &error);

  if (s == NULL)
    _dossier_window_toast_error (self, error, "%s", error->message);
  /* accepted elsewhere (the dialog, the command line) or taken back: the
   * reader shows the article's date as it is now */
  else if (self->article != NULL && dossier_article_get_id (self->article) == s->article_id &&
           ((s->state == DOSSIER_SUGGESTION_ACCEPTED &&
             dossier_date_compare (dossier_article_get_published (self->article), &s->date) != 0) ||
            (s->state == DOSSIER_SUGGESTION_OPEN &&
             dossier_article_get_date_origin (self->article) == DOSSIER_DATE_ORIGIN_INFERRED)))
    dossier_window_open_article (self, s->article_id);
  /* the article may have changed meanwhile */
  else if (self->article != NULL && dossier_article_get_id (self->article) == s->article_id &&
           s->state == DOSSIER_SUGGESTION_OPEN &&
           dossier_article_get_published (self->article)->precision < DOSSIER_DATE_PRECISION_DAY)
    dossier_reader_view_set_suggestion (self->reader, &s->date, s->confidence,
                                        (const char * const *) s->evidence);
  else
    dossier_reader_view_set_suggestion (self->reader, NULL, 0, NULL);
  g_object_unref (self);
}

void
_dossier_window_dates_update (DossierWindow *self)
{
  if (self->article == NULL ||
      dossier_article_get_published (self->article)->precision == DOSSIER_DATE_PRECISION_DAY ||
      dossier_article_get_date_origin (self->article) == DOSSIER_DATE_ORIGIN_USER)
    {
      dossier_reader_view_set_suggestion (self->reader, NULL, 0, NULL);
      return;
    }
  dossier_dates_get_async (self->library, dossier_article_get_id (self->article), self->cancellable,
                           on_suggestion_cb, g_object_ref (self));
}

static void
on_unaccepted_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  AdwToast *toast = user_data;
  DossierWindow *self = g_object_get_data (G_OBJECT (toast), "dossier-window");
  Accepted *a = g_object_get_data (G_OBJECT (toast), "dossier-accepted");
  g_autoptr(GError) error = NULL;

  if (!dossier_dates_unaccept_finish (DOSSIER_LIBRARY (source), result, &error))
    _dossier_window_toast_error (self, error, _("Could not take the date back: %s"), error->message);
  else if (self->article != NULL && dossier_article_get_id (self->article) == a->id)
    dossier_window_open_article (self, a->id);
  g_object_unref (toast);
}

static void
on_undo_accept_cb (AdwToast      *toast,
                   DossierWindow *self)
{
  Accepted *a = g_object_get_data (G_OBJECT (toast), "dossier-accepted");

  dossier_dates_unaccept_async (self->library, a->id, &a->previous, a->origin, self->cancellable,
                                on_unaccepted_cb, g_object_ref (toast));
}

static void
on_accepted_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AdwToast *toast = user_data;
  DossierWindow *self = g_object_get_data (G_OBJECT (toast), "dossier-window");
  Accepted *a = g_object_get_data (G_OBJECT (toast), "dossier-accepted");
  g_autoptr(GError) error = NULL;

  if (!dossier_dates_accept_finish (DOSSIER_LIBRARY (source), result, &error))
    _dossier_window_toast_error (self, error, _("Could not accept the date: %s"), error->message);
  else
    {
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_accept_cb), self, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
      if (self->article != NULL && dossier_article_get_id (self->article) == a->id)
        dossier_window_open_article (self, a->id);
    }
  g_object_unref (toast);
}

/* remembers the date it replaces, for Undo */
static void
on_accept_date_cb (DossierWindow *self)
{
  Accepted *a;
  AdwToast *toast;

  if (self->article == NULL)
    return;
  a = g_new0 (Accepted, 1);
  a->id = dossier_article_get_id (self->article);
  a->previous = *dossier_article_get_published (self->article);
  a->origin = dossier_article_get_date_origin (self->article);
  toast = adw_toast_new (_("Suggested date accepted"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "dossier-accepted", a, g_free);
  g_object_set_data_full (G_OBJECT (toast), "dossier-window", g_object_ref (self), g_object_unref);
  dossier_reader_view_set_suggestion (self->reader, NULL, 0, NULL);
  dossier_dates_accept_async (self->library, a->id, self->cancellable, on_accepted_cb,
                              g_object_ref_sink (toast));
}

static void
on_dismissed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DossierWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_dates_dismiss_finish (DOSSIER_LIBRARY (source), result, &error))
    _dossier_window_toast_error (self, error, _("Could not dismiss the date: %s"), error->message);
  g_object_unref (self);
}

static void
on_dismiss_date_cb (DossierWindow *self)
{
  if (self->article == NULL)
    return;
  dossier_reader_view_set_suggestion (self->reader, NULL, 0, NULL);
  dossier_dates_dismiss_async (self->library, dossier_article_get_id (self->article), self->cancellable,
                               on_dismissed_cb, g_object_ref (self));
}

static void
review_dates_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *dialog = dossier_dates_dialog_new (GTK_WINDOW (self), self->library);

  gtk_window_present (GTK_WINDOW (dialog));
}

void
_dossier_window_dates_class_init (DossierWindowClass *klass)
{
  GtkWidgetClass *wc = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (wc, "win.review-dates", NULL, review_dates_action);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.review-dates", NULL);
}

void
_dossier_window_dates_setup (DossierWindow *self)
{
  g_signal_connect_swapped (self->reader, "accept-date", G_CALLBACK (on_accept_date_cb), self);
  g_signal_connect_swapped (self->reader, "dismiss-date", G_CALLBACK (on_dismiss_date_cb), self);
  g_signal_connect_swapped (self->library, "changed", G_CALLBACK (_dossier_window_dates_update), self);
}
