/* dossier-feed-list.c — the feeds followed: each with its unread count and
 * its last refresh or error, and a menu to rename, pause or remove it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-feed-list"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-feed-list.h"
#include "dossier-feeds.h"

struct _DossierFeedList
{
  GtkWidget       parent_instance;

  DossierLibrary *library;
  GCancellable   *cancellable;
  GPtrArray      *feeds;        /* (element-type DossierFeedInfo) */
  guint           n_unread;

  /* Template widgets */
  GtkStack       *stack;
  GtkListBox     *list;
};

G_DEFINE_FINAL_TYPE (DossierFeedList, dossier_feed_list, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_N_UNREAD, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { FEED_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static DossierFeedInfo *
find_feed (DossierFeedList *self,
           gint64           id)
{
  for (guint i = 0; self->feeds != NULL && i < self->feeds->len; i++)
    if (((DossierFeedInfo *) g_ptr_array_index (self->feeds, i))->id == id)
      return g_ptr_array_index (self->feeds, i);
  return NULL;
}

/* "3 unread · refreshed 5 Dec 10:40", "Paused", or the last error */
static char *
describe (const DossierFeedInfo *f)
{
  g_autoptr(GString) s = g_string_new (NULL);

  if (f->paused)
    g_string_append (s, _("Paused"));
  if (f->last_error != NULL)
    {
      if (s->len > 0)
        g_string_append (s, " · ");
      g_string_append (s, f->last_error);
      return g_string_free (g_steal_pointer (&s), FALSE);
    }
  if (s->len > 0)
    g_string_append (s, " · ");
  if (f->last_refresh > 0)
    {
      g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (f->last_refresh / G_USEC_PER_SEC);
      /* TRANSLATORS: when a feed was last refreshed, as in "Refreshed 5 Dec 10:40"; see strftime(3) */
      g_autofree char *text = when ? g_date_time_format (when, _("Refreshed %-d %b %H:%M")) : NULL;

      g_string_append (s, text ? text : "");
    }
  else
    g_string_append (s, _("Never refreshed"));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static GMenuModel *
row_menu (const DossierFeedInfo *f)
{
  GMenu *menu = g_menu_new ();
  const struct { const char *label, *action; } items[] = {
    { N_("_Rename…"), "feed.rename" },
    { f->paused ? N_("Re_sume") : N_("_Pause"), f->paused ? "feed.resume" : "feed.pause" },
    { N_("Re_move…"), "feed.remove" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(items[i].label), NULL);

      g_menu_item_set_action_and_target_value (item, items[i].action, g_variant_new_int64 (f->id));
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static GtkWidget *
feed_row (const DossierFeedInfo *f)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *menu = gtk_menu_button_new ();
  g_autoptr(GMenuModel) model = row_menu (f);
  g_autofree char *subtitle = describe (f);
  g_autofree char *n = g_strdup_printf ("%u", f->n_unread);
  g_autofree char *unread = g_strdup_printf (g_dngettext (NULL, "%u unread", "%u unread", f->n_unread), f->n_unread);
  g_autofree char *menu_label = g_strdup_printf (_("Menu of %s"), f->title);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), f->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "feed", g_memdup2 (&f->id, sizeof f->id), g_free);

  gtk_label_set_label (GTK_LABEL (count), n);
  gtk_widget_set_valign (count, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (count, "feed-unread");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_visible (count, f->n_unread > 0);
  gtk_widget_set_tooltip_text (count, unread);
  gtk_accessible_update_property (GTK_ACCESSIBLE (count), GTK_ACCESSIBLE_PROPERTY_LABEL, unread, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu), model);
  gtk_widget_set_valign (menu, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu, "flat");
  gtk_widget_set_tooltip_text (menu, _("Feed Menu"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu), GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu);
  return row;
}

static void
on_listed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  DossierFeedList *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) feeds = dossier_feeds_list_finish (DOSSIER_LIBRARY (source), result, &error);
  GtkWidget *child;
  guint n_unread = 0;

  if (feeds == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
          !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CLOSED))
        g_warning ("Could not list the feeds: %s", error->message);
      return;
    }
  self = DOSSIER_FEED_LIST (user_data);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < feeds->len; i++)
    {
      DossierFeedInfo *f = g_ptr_array_index (feeds, i);

      n_unread += f->n_unread;
      gtk_list_box_append (self->list, feed_row (f));
    }
  g_clear_pointer (&self->feeds, g_ptr_array_unref);
  self->feeds = g_steal_pointer (&feeds);
  gtk_stack_set_visible_child_name (self->stack, self->feeds->len > 0 ? "feeds" : "empty");
  if (self->n_unread != n_unread)
    {
      self->n_unread = n_unread;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_UNREAD]);
    }
}

void
dossier_feed_list_reload (DossierFeedList *self)
{
  g_return_if_fail (DOSSIER_IS_FEED_LIST (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  dossier_feeds_list_async (self->library, self->cancellable, on_listed_cb, self);
}

static void
on_row_activated_cb (DossierFeedList *self,
                     GtkListBoxRow   *row)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "feed");
  DossierFeedInfo *f = id ? find_feed (self, *id) : NULL;

  if (f != NULL)
    g_signal_emit (self, signals[FEED_ACTIVATED], 0, f->id, f->title);
}

/* --- the row menu --- */

static void
on_edited_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!dossier_feeds_edit_finish (DOSSIER_LIBRARY (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("Could not change the feed: %s", error->message);
}

static void
edit (DossierFeedList *self,
      gint64           id,
      const char      *title,
      int              paused,
      gboolean         remove)
{
  dossier_feeds_edit_async (self->library, id, title, paused, remove, NULL, on_edited_cb, NULL);
}

static void
on_rename_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       DossierFeedList  *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "feed");
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "rename") == 0 && *title != '\0')
    edit (self, *id, title, -1, FALSE);
}

static void
on_remove_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       DossierFeedList  *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (dialog), "feed");

  if (g_strcmp0 (response, "remove") == 0)
    edit (self, *id, NULL, -1, TRUE);
}

static GtkWidget *
dialog_for (DossierFeedList *self,
            gint64           id,
            const char      *heading,
            const char      *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  g_object_set_data_full (G_OBJECT (dialog), "feed", g_memdup2 (&id, sizeof id), g_free);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static void
feed_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  DossierFeedList *self = DOSSIER_FEED_LIST (widget);
  gint64 id = g_variant_get_int64 (param);
  DossierFeedInfo *f = find_feed (self, id);
  GtkWidget *dialog;

  if (f == NULL)
    return;
  if (g_str_equal (name, "feed.pause") || g_str_equal (name, "feed.resume"))
    {
      edit (self, id, NULL, g_str_equal (name, "feed.pause"), FALSE);
      return;
    }
  if (g_str_equal (name, "feed.rename"))
    {
      GtkWidget *entry = gtk_entry_new ();

      dialog = dialog_for (self, id, _("Rename Feed"), NULL);
      gtk_editable_set_text (GTK_EDITABLE (entry), f->title);
      gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Feed name"), -1);
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "rename", _("_Rename"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
      g_object_set_data (G_OBJECT (dialog), "entry", entry);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_rename_response_cb), self, 0);
    }
  else
    {
      g_autofree char *heading = g_strdup_printf (_("Stop Following “%s”?"), f->title);

      dialog = dialog_for (self, id, heading, _("The articles it brought stay in the library."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "remove", _("_Remove"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove", ADW_RESPONSE_DESTRUCTIVE);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_remove_response_cb), self, 0);
    }
  gtk_window_present (GTK_WINDOW (dialog));
}

/* --- GObject --- */

static void
dossier_feed_list_dispose (GObject *object)
{
  DossierFeedList *self = DOSSIER_FEED_LIST (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  g_clear_pointer (&self->feeds, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_FEED_LIST);
  /* the template's box, which no field names */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dossier_feed_list_parent_class)->dispose (object);
}

static void
dossier_feed_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  DossierFeedList *self = DOSSIER_FEED_LIST (object);

  switch (prop_id)
    {
    case PROP_N_UNREAD: g_value_set_uint (value, self->n_unread); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_feed_list_class_init (DossierFeedListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_feed_list_dispose;
  object_class->get_property = dossier_feed_list_get_property;

  properties[PROP_N_UNREAD] = g_param_spec_uint ("n-unread", NULL, NULL, 0, G_MAXUINT, 0,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[FEED_ACTIVATED] = g_signal_new ("feed-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-feed-list.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierFeedList, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierFeedList, list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_install_action (widget_class, "feed.rename", "x", feed_action);
  gtk_widget_class_install_action (widget_class, "feed.pause", "x", feed_action);
  gtk_widget_class_install_action (widget_class, "feed.resume", "x", feed_action);
  gtk_widget_class_install_action (widget_class, "feed.remove", "x", feed_action);
  gtk_widget_class_set_css_name (widget_class, "feedlist");
}

static void
dossier_feed_list_init (DossierFeedList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_feed_list_new (DossierLibrary *library)
{
  DossierFeedList *self;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  self = g_object_new (DOSSIER_TYPE_FEED_LIST, NULL);
  self->library = g_object_ref (library);
  g_signal_connect_swapped (library, "changed", G_CALLBACK (dossier_feed_list_reload), self);
  dossier_feed_list_reload (self);
  return GTK_WIDGET (self);
}

guint
dossier_feed_list_get_n_unread (DossierFeedList *self)
{
  g_return_val_if_fail (DOSSIER_IS_FEED_LIST (self), 0);
  return self->n_unread;
}

guint
dossier_feed_list_get_n_feeds (DossierFeedList *self)
{
  g_return_val_if_fail (DOSSIER_IS_FEED_LIST (self), 0);
  return self->feeds != NULL ? self->feeds->len : 0;
}
