/* dossier-window-feeds.c — following feeds from the window: Follow Feed,
 * Refresh Feeds, the refresh every few hours when it is turned on, and the
 * Feeds section, whose feeds show their articles in the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"
#include "dossier-feeds.h"
#include "dossier-feed-list.h"

static void
on_feeds_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = dossier_feeds_run_finish (DOSSIER_FETCHER (source), result, &error);
  g_autofree char *message = NULL;
  guint n_new = 0, n_errors = 0;
  const char *first_error = NULL;

  if (results == NULL)
    {
      _dossier_window_toast_error (self, error, "%s", error->message);
      return;
    }
  for (guint i = 0; i < results->len; i++)
    {
      DossierFeedRefresh *r = g_ptr_array_index (results, i);

      n_new += r->n_new;
      n_errors += r->errors->len;
      if (first_error == NULL && r->errors->len > 0)
        first_error = g_ptr_array_index (r->errors, 0);
    }
  if (n_errors > 0)
    /* TRANSLATORS: after a refresh, as in "3 new articles; 1 link failed: …" */
    message = g_strdup_printf (g_dngettext (NULL, "%u new article; %u failed: %s", "%u new articles; %u failed: %s", n_new),
                               n_new, n_errors, first_error);
  else
    message = g_strdup_printf (g_dngettext (NULL, "%u new article", "%u new articles", n_new), n_new);
  _dossier_window_toast (self, message);
}

static void
run_feeds (DossierWindow *self,
           const char    *url)
{
  g_autoptr(DossierFetcher) fetcher = dossier_fetcher_new (self->library);

  dossier_feeds_run_async (fetcher, url, self->cancellable, on_feeds_done_cb, g_object_ref (self));
}

void
dossier_window_follow_feed (DossierWindow *self,
                            const char    *url)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));
  g_return_if_fail (url != NULL);

  run_feeds (self, url);
}

void
dossier_window_refresh_feeds (DossierWindow *self)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  run_feeds (self, NULL);
}

static void
on_follow_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       DossierWindow    *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *url = NULL;

  if (g_strcmp0 (response, "follow") != 0)
    return;
  url = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (*url != '\0')
    dossier_window_follow_feed (self, url);
}

static void
follow_feed_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Follow a Feed"),
                                   _("The link of an RSS or Atom feed, or of a page that names one. "
                                     "Its articles are added now and whenever the feeds are refreshed."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Feed link"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "follow", _("_Follow"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "follow", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "follow");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_follow_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
refresh_feeds_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  dossier_window_refresh_feeds (DOSSIER_WINDOW (widget));
}

/* --- OPML --- */

static void
on_opml_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean export = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "dossier-opml-export"));
  g_autofree char *message = NULL;
  guint n = 0, known = 0;

  if (!dossier_feeds_opml_finish (DOSSIER_LIBRARY (source), result, &n, &known, &error))
    {
      _dossier_window_toast_error (self, error, "%s", error->message);
      return;
    }
  if (export)
    message = g_strdup_printf (g_dngettext (NULL, "%u feed exported", "%u feeds exported", n), n);
  else
    message = g_strdup_printf (g_dngettext (NULL, "%u feed followed, %u already followed",
                                            "%u feeds followed, %u already followed", n), n, known);
  _dossier_window_toast (self, message);
}

static void
on_opml_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   gpointer         user_data)
{
  DossierWindow *self = user_data;
  gboolean export = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) == GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      g_object_set_data (G_OBJECT (self), "dossier-opml-export", GINT_TO_POINTER (export));
      dossier_feeds_opml_async (self->library, file, export, self->cancellable, on_opml_done_cb, g_object_ref (self));
    }
  g_object_unref (chooser);
}

static void
opml_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  gboolean export = g_str_equal (name, "win.export-opml");
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (export ? _("Export Feeds as OPML") : _("Import Feeds from OPML"),
                                         GTK_WINDOW (self),
                                         export ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         export ? _("_Export") : _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Lists of feeds (OPML)"));
  gtk_file_filter_add_mime_type (filter, "text/x-opml+xml");
  gtk_file_filter_add_suffix (filter, "opml");
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  if (export)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "feeds.opml");
  g_signal_connect (chooser, "response", G_CALLBACK (on_opml_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static gboolean
on_refresh_due (gpointer data)
{
  dossier_window_refresh_feeds (data);
  return G_SOURCE_CONTINUE;
}

/* Only when the user turned it on: nothing is fetched otherwise. */
static void
schedule (DossierWindow *self)
{
  g_clear_handle_id (&self->feeds_timer, g_source_remove);
  if (g_settings_get_boolean (self->settings, "refresh-feeds"))
    {
      guint hours = (guint) CLAMP (g_settings_get_int (self->settings, "refresh-feeds-hours"), 1, 48);

      self->feeds_timer = g_timeout_add_seconds (hours * 3600, on_refresh_due, self);
    }
}

/* the section's badge: the unread articles of all feeds */
static void
on_unread_changed_cb (DossierFeedList  *list,
                      GParamSpec       *pspec,
                      AdwViewStackPage *page)
{
  guint n = dossier_feed_list_get_n_unread (list);

  adw_view_stack_page_set_badge_number (page, n);
  adw_view_stack_page_set_needs_attention (page, n > 0);
}

/* a feed's articles, through the search (feed:ID) */
static void
on_feed_activated_cb (DossierFeedList *list,
                      gint64           id,
                      const char      *title,
                      DossierWindow   *self)
{
  g_autofree char *text = g_strdup_printf ("feed:%" G_GINT64_FORMAT, id);

  dossier_search_set_text (self->search, text);
  adw_view_stack_set_visible_child_name (self->sections, "articles");
  _dossier_window_show_list (self);
}

void
_dossier_window_feeds_setup (DossierWindow *self)
{
  GtkWidget *list = dossier_feed_list_new (self->library);
  AdwViewStackPage *page;

  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Feeds"), -1);
  page = _dossier_window_add_section (self, "feeds", _("Feeds"), "application-rss+xml-symbolic", list);
  g_signal_connect_object (list, "notify::n-unread", G_CALLBACK (on_unread_changed_cb), page, 0);
  g_signal_connect_object (list, "feed-activated", G_CALLBACK (on_feed_activated_cb), self, 0);

  g_signal_connect_swapped (self->settings, "changed::refresh-feeds", G_CALLBACK (schedule), self);
  g_signal_connect_swapped (self->settings, "changed::refresh-feeds-hours", G_CALLBACK (schedule), self);
  schedule (self);
}

void
_dossier_window_feeds_class_init (DossierWindowClass *klass)
{
  GtkWidgetClass *wc = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (wc, "win.follow-feed", NULL, follow_feed_action);
  gtk_widget_class_install_action (wc, "win.refresh-feeds", NULL, refresh_feeds_action);
  gtk_widget_class_install_action (wc, "win.import-opml", NULL, opml_action);
  gtk_widget_class_install_action (wc, "win.export-opml", NULL, opml_action);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_F5, 0, "win.refresh-feeds", NULL);
}
