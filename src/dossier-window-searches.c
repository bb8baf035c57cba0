/* dossier-window-searches.c — saved searches in the list's sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"

static void reload_saved_searches (DossierWindow *self);

static void
on_saved_search_done_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  DossierWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_library_saved_search_finish (DOSSIER_LIBRARY (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _dossier_window_toast (self, error->message);
  g_object_unref (self);
}

static void
on_apply_clicked_cb (GtkButton     *button,
                     DossierWindow *self)
{
  const char *query = g_object_get_data (G_OBJECT (button), "dossier-query");

  /* the saved text holds its own filters */
  if (_dossier_window_filters_active (self))
    _dossier_window_filters_clear (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query);
  gtk_editable_set_position (GTK_EDITABLE (self->search_entry), -1);
}

static void
on_remove_clicked_cb (GtkButton     *button,
                      DossierWindow *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "dossier-id"));

  dossier_library_delete_saved_search_async (self->library, id, self->cancellable,
                                             on_saved_search_done_cb, g_object_ref (self));
}

static GtkWidget *
make_chip (DossierWindow      *self,
           DossierSavedSearch *search)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *apply = gtk_button_new_with_label (search->name);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *remove_label = g_strdup_printf (_("Remove the saved search “%s”"), search->name);
  g_autofree char *apply_label = g_strdup_printf (_("Search for “%s”"), search->query);

  gtk_widget_add_css_class (box, "linked");
  gtk_widget_add_css_class (box, "saved-search");
  gtk_widget_add_css_class (apply, "chip");
  gtk_widget_add_css_class (remove, "chip");
  gtk_label_set_ellipsize (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (apply))), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (apply))), 24);
  gtk_widget_set_tooltip_text (apply, apply_label);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (apply), "dossier-query", g_strdup (search->query), g_free);
  g_object_set_data (G_OBJECT (remove), "dossier-id", GSIZE_TO_POINTER ((gsize) search->id));
  g_signal_connect (apply, "clicked", G_CALLBACK (on_apply_clicked_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), apply);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

static void
on_saved_searches_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  DossierWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  GtkWidget *child;

  list = dossier_library_list_saved_searches_finish (DOSSIER_LIBRARY (source), result, &error);
  if (list == NULL)
    {
      _dossier_window_toast_error (self, error, "%s", error->message);
      return;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->saved_box))) != NULL)
    gtk_flow_box_remove (self->saved_box, child);
  for (guint i = 0; i < list->len; i++)
    gtk_flow_box_append (self->saved_box, make_chip (self, g_ptr_array_index (list, i)));
  gtk_revealer_set_reveal_child (self->saved_revealer, list->len > 0);
  self->n_saved_searches = list->len;
}

static void
reload_saved_searches (DossierWindow *self)
{
  dossier_library_list_saved_searches_async (self->library, self->cancellable,
                                             on_saved_searches_cb, self);
}

static void
save_search_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autofree char *text = _dossier_window_filters_to_text (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));

  if (*text == '\0')
    return;
  dossier_library_save_search_async (self->library, NULL, text, self->cancellable,
                                     on_saved_search_done_cb, g_object_ref (self));
}

void
_dossier_window_searches_class_init (DossierWindowClass *klass)
{
  GtkWidgetClass *wc = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (wc, "win.save-search", NULL, save_search_action);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_d, GDK_CONTROL_MASK, "win.save-search", NULL);
}

void
_dossier_window_searches_setup (DossierWindow *self)
{
  g_signal_connect_swapped (self->library, "saved-searches-changed", G_CALLBACK (reload_saved_searches), self);
  reload_saved_searches (self);
}

void
_dossier_window_searches_update (DossierWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-search",
                                 (text != NULL && *text != '\0') || _dossier_window_filters_active (self));
}
