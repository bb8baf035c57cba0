/* dossier-window-reading.c — what reading does to an article: opening it
 * marks it read (in the background), Mark as Unread, and the article's
 * own tags, added and removed from a popover in the reader's header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"
#include "dossier-article-state.h"

#define TAGS_DATA "dossier-reading-tags"

typedef struct
{
  GtkWidget    *button;    /* the header's GtkMenuButton */
  GtkWidget    *list;      /* GtkListBox of the tags */
  GCancellable *cancellable;
} Tags;

static void
tags_free (gpointer p)
{
  Tags *t = p;

  g_cancellable_cancel (t->cancellable);
  g_clear_object (&t->cancellable);
  g_free (t);
}

static Tags *
get_tags (DossierWindow *self)
{
  return g_object_get_data (G_OBJECT (self), TAGS_DATA);
}

static void load_tags (DossierWindow *self);

static void
on_tag_changed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_article_state_tag_finish (DOSSIER_LIBRARY (source), result, &error))
    _dossier_window_toast_error (self, error, "%s", error->message);
  load_tags (self);
}

static void
on_remove_clicked_cb (GtkButton     *button,
                      DossierWindow *self)
{
  const char *tag = g_object_get_data (G_OBJECT (button), "tag");

  if (self->article == NULL)
    return;
  dossier_article_state_tag_async (self->library, dossier_article_get_id (self->article), tag, FALSE,
                                   self->cancellable, on_tag_changed_cb, g_object_ref (self));
}

static void
on_entry_activate_cb (GtkEntry      *entry,
                      DossierWindow *self)
{
  g_autofree char *tag = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (self->article == NULL || *tag == '\0')
    return;
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  dossier_article_state_tag_async (self->library, dossier_article_get_id (self->article), tag, TRUE,
                                   self->cancellable, on_tag_changed_cb, g_object_ref (self));
}

static GtkWidget *
tag_row (DossierWindow *self,
         const char    *tag)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (tag);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");
  g_autofree char *name = g_strdup_printf (_("Remove Tag “%s”"), tag);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_margin_start (label, 6);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (remove), "tag", g_strdup (tag), g_free);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (on_remove_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), remove);
  return box;
}

static void
on_tags_loaded_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  DossierWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) tags = dossier_article_state_get_tags_finish (DOSSIER_LIBRARY (source), result, &error);
  Tags *t;
  GtkWidget *child;
  g_autofree char *tooltip = NULL;

  if (tags == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _dossier_window_toast_error (self, error, "%s", error->message);
      return;
    }
  t = get_tags (self);
  while ((child = gtk_widget_get_first_child (t->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (t->list), child);
  for (guint i = 0; tags[i] != NULL; i++)
    gtk_list_box_append (GTK_LIST_BOX (t->list), tag_row (self, tags[i]));
  gtk_widget_set_visible (t->list, tags[0] != NULL);
  /* the button says which tags the article has */
  if (tags[0] != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", tags);

      tooltip = g_strdup_printf (_("Article Tags: %s"), joined);
    }
  gtk_widget_set_tooltip_text (t->button, tooltip ? tooltip : _("Article Tags"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (t->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tooltip ? tooltip : _("Article Tags"), -1);
}

static void
load_tags (DossierWindow *self)
{
  Tags *t = get_tags (self);

  g_cancellable_cancel (t->cancellable);
  g_clear_object (&t->cancellable);
  gtk_widget_set_sensitive (t->button, self->article != NULL);
  if (self->article == NULL)
    return;
  t->cancellable = g_cancellable_new ();
  dossier_article_state_get_tags_async (self->library, dossier_article_get_id (self->article),
                                        t->cancellable, on_tags_loaded_cb, self);
}

static void
on_read_saved_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_article_state_set_read_finish (DOSSIER_LIBRARY (source), result, &error))
    _dossier_window_toast_error (self, error, "%s", error->message);
}

static void
set_read (DossierWindow *self,
          gboolean       read)
{
  if (self->article == NULL || dossier_article_get_read (self->article) == read)
    return;
  dossier_article_set_read (self->article, read);
  dossier_article_state_set_read_async (self->library, dossier_article_get_id (self->article), read,
                                        self->cancellable, on_read_saved_cb, g_object_ref (self));
}

void
_dossier_window_reading_opened (DossierWindow *self)
{
  set_read (self, TRUE);
  load_tags (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-unread", self->article != NULL);
}

static void
mark_unread_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  set_read (self, FALSE);
  if (self->article != NULL)
    _dossier_window_toast (self, _("Marked as unread"));
}

void
_dossier_window_reading_setup (DossierWindow *self)
{
  Tags *t = g_new0 (Tags, 1);
  GtkWidget *header = gtk_widget_get_ancestor (GTK_WIDGET (self->content_title), ADW_TYPE_HEADER_BAR);
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Article Tags"));

  g_object_set_data_full (G_OBJECT (self), TAGS_DATA, t, tags_free);
  t->button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (t->button), "user-bookmarks-symbolic");
  gtk_widget_set_tooltip_text (t->button, _("Article Tags"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (t->button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article Tags"), -1);
  gtk_widget_set_sensitive (t->button, FALSE);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  t->list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (t->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (t->list, "boxed-list");
  gtk_widget_set_visible (t->list, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (t->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Article Tags"), -1);
  self->tags_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->tags_entry), _("Add a tag"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->tags_entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("New tag"), -1);
  g_signal_connect_object (self->tags_entry, "activate", G_CALLBACK (on_entry_activate_cb), self, 0);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), t->list);
  gtk_box_append (GTK_BOX (box), self->tags_entry);
  gtk_widget_set_size_request (box, 240, -1);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (t->button), popover);
  if (header != NULL)
    adw_header_bar_pack_end (ADW_HEADER_BAR (header), t->button);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.mark-unread", FALSE);
  self->tags_button = t->button;
  self->tags_list = t->list;
}

void
_dossier_window_reading_class_init (DossierWindowClass *klass)
{
  GtkWidgetClass *wc = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (wc, "win.mark-unread", NULL, mark_unread_action);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_m, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.mark-unread", NULL);
}
