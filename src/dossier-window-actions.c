/* dossier-window-actions.c — the window's actions, shortcuts and imports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-window-private.h"
#include "dossier-search-bar.h"
#include "dossier-import-bar.h"
#include "dossier-fetcher.h"
#include "dossier-metadata-dialog.h"
#include "dossier-preferences-window.h"
#include "dossier-export-dialog.h"
#include "dossier-export.h"
#include "dossier-annotation-import.h"

void dossier_window_actions_init (DossierWindowClass *klass);
void dossier_window_actions_setup (DossierWindow *self);

void
_dossier_window_update_actions (DossierWindow *self)
{
  /* the reader's actions, while the reader shows the article */
  gboolean has_article = self->article != NULL && _dossier_window_get_page (self) == NULL;
  GPtrArray *annotations = dossier_article_notes_get_annotations (self->notes);
  gboolean importing = dossier_import_bar_get_busy (DOSSIER_IMPORT_BAR (self->import_bar));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-metadata", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-article", has_article);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-notes-markdown",
                                 has_article && annotations != NULL && annotations->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", importing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-search",
                                 *dossier_search_get_text (self->search) != '\0' ||
                                 dossier_search_get_filters_active (self->search));
}

/* --- import --- */

void
dossier_window_import (DossierWindow       *self,
                       const char * const  *paths)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  if (paths == NULL || paths[0] == NULL)
    return;
  /* one export of another app (given, chosen or dropped): its own flow,
   * with the kind confirmed */
  if (paths[1] == NULL && g_file_test (paths[0], G_FILE_TEST_IS_REGULAR))
    {
      g_autoptr(GFile) file = g_file_new_for_path (paths[0]);

      if (_dossier_window_offer_app_import (self, file, TRUE))
        return;
    }
  if (!dossier_import_bar_start (DOSSIER_IMPORT_BAR (self->import_bar), self->library, paths))
    _dossier_window_toast (self, _("Wait for the current import to finish"));
}

static void
on_import_chosen_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  DossierWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) paths = NULL;

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autofree char *path = g_file_get_path (file);

          if (path != NULL)
            g_strv_builder_add (builder, path);
        }
      paths = g_strv_builder_end (builder);
      dossier_window_import (self, (const char * const *) paths);
    }
  g_object_unref (chooser);
}

static void
choose_import (DossierWindow *self,
               gboolean       folder)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (folder ? _("Import a Folder") : _("Import Articles"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  if (!folder)
    {
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("Articles (web pages, text, Markdown)"));
      gtk_file_filter_add_mime_type (filter, "text/html");
      gtk_file_filter_add_mime_type (filter, "application/xhtml+xml");
      gtk_file_filter_add_mime_type (filter, "text/plain");
      gtk_file_filter_add_mime_type (filter, "text/markdown");
      gtk_file_filter_add_suffix (filter, "md");
      gtk_file_filter_add_suffix (filter, "txt");
      gtk_file_filter_add_suffix (filter, "html");
      gtk_file_filter_add_suffix (filter, "htm");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
      filter = gtk_file_filter_new ();
      gtk_file_filter_set_name (filter, _("All files"));
      gtk_file_filter_add_pattern (filter, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      g_object_unref (filter);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_import_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
import_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  choose_import (DOSSIER_WINDOW (widget), FALSE);
}

static void
import_folder_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  choose_import (DOSSIER_WINDOW (widget), TRUE);
}

void
dossier_window_add_links (DossierWindow      *self,
                          const char * const *urls)
{
  g_return_if_fail (DOSSIER_IS_WINDOW (self));

  if (urls == NULL || urls[0] == NULL)
    return;
  if (!dossier_import_bar_start_links (DOSSIER_IMPORT_BAR (self->import_bar), self->library, urls))
    _dossier_window_toast (self, _("Wait for the current import to finish"));
}

static void
on_add_link_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         DossierWindow    *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "buffer");
  g_autofree char *text = NULL;
  g_auto(GStrv) urls = NULL;
  GtkTextIter start, end;

  if (g_strcmp0 (response, "add") != 0)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  urls = dossier_links_from_text (text, FALSE);
  dossier_window_add_links (self, (const char * const *) urls);
}

static void
on_add_link_changed_cb (GtkTextBuffer    *buffer,
                        AdwMessageDialog *dialog)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) urls = NULL;
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  urls = dossier_links_from_text (text, FALSE);
  adw_message_dialog_set_response_enabled (dialog, "add", urls[0] != NULL);
}

static void
add_link_action (GtkWidget  *widget,
                 const char *name,
                 GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *view;
  GtkTextBuffer *buffer;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add from Link"),
                                   _("Paste one link or many, one per line. Each page is fetched "
                                     "once, without running its scripts, and saved in the library."));
  view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Links, one per line"), -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 96);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 240);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_widget_add_css_class (scroller, "card");
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "buffer", buffer);
  g_signal_connect (buffer, "changed", G_CALLBACK (on_add_link_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_add_link_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (view);
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  dossier_import_bar_cancel (DOSSIER_IMPORT_BAR (DOSSIER_WINDOW (widget)->import_bar));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            DossierWindow *self)
{
  GSList *files;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) links = g_strv_builder_new ();
  g_auto(GStrv) paths = NULL;
  g_auto(GStrv) urls = NULL;

  /* links dropped from a browser come as text or as a list of URIs */
  if (G_VALUE_HOLDS (value, G_TYPE_STRING))
    {
      urls = dossier_links_from_text (g_value_get_string (value), TRUE);
      if (urls[0] == NULL)
        return FALSE;
      dossier_window_add_links (self, (const char * const *) urls);
      return TRUE;
    }
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path != NULL)
        g_strv_builder_add (builder, path);
      else if (g_file_has_uri_scheme (l->data, "http") || g_file_has_uri_scheme (l->data, "https"))
        {
          g_autofree char *uri = g_file_get_uri (l->data);

          g_strv_builder_add (links, uri);
        }
    }
  paths = g_strv_builder_end (builder);
  urls = g_strv_builder_end (links);
  if (paths[0] == NULL && urls[0] == NULL)
    return FALSE;
  if (paths[0] != NULL)
    dossier_window_import (self, (const char * const *) paths);
  else
    dossier_window_add_links (self, (const char * const *) urls);
  return TRUE;
}

/* --- other actions --- */

static void
find_action (GtkWidget  *widget,
             const char *name,
             GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  _dossier_window_show_content (self);
  dossier_reader_view_show_find (self->reader);
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  _dossier_window_show_list (self);
  dossier_search_bar_focus_entry (DOSSIER_SEARCH_BAR (self->search_bar));
}

static void
filter_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  _dossier_window_show_list (self);
  dossier_search_bar_popup_filters (DOSSIER_SEARCH_BAR (self->search_bar));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  dossier_search_clear (DOSSIER_WINDOW (widget)->search);
}

static void
save_search_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  dossier_search_bar_save_search (DOSSIER_SEARCH_BAR (DOSSIER_WINDOW (widget)->search_bar));
}

static void
go_back_action (GtkWidget  *widget,
                const char *name,
                GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
on_metadata_saved_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  DossierWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_library_update_article_finish (DOSSIER_LIBRARY (source), result, &error))
    _dossier_window_toast (self, error->message);
  else
    {
      _dossier_window_toast (self, _("Details saved"));
      if (self->article != NULL)
        dossier_window_open_article (self, dossier_article_get_id (self->article));
    }
  g_object_unref (self);
}

static void
on_metadata_edited_cb (DossierMetadataDialog *dialog,
                       DossierArticle        *edited,
                       DossierWindow         *self)
{
  dossier_library_update_article_async (self->library, edited, self->cancellable,
                                        on_metadata_saved_cb, g_object_ref (self));
}

static void
edit_metadata_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *dialog;

  if (self->article == NULL)
    return;
  dialog = dossier_metadata_dialog_new (GTK_WINDOW (self), self->article);
  g_signal_connect (dialog, "saved", G_CALLBACK (on_metadata_edited_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_done_cb (DossierExportDialog *dialog,
                   const char          *message,
                   DossierWindow       *self)
{
  _dossier_window_toast (self, message);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkWidget *dialog;

  dialog = dossier_export_dialog_new (GTK_WINDOW (self), self->library,
                                      self->article ? dossier_article_get_id (self->article) : 0,
                                      self->article ? dossier_article_get_title (self->article) : NULL,
                                      dossier_article_list_get_query (self->articles));
  g_signal_connect_object (dialog, "done", G_CALLBACK (on_export_done_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
copy_notes_action (GtkWidget  *widget,
                   const char *name,
                   GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  g_autofree char *markdown = NULL;

  if (self->article == NULL)
    return;
  markdown = dossier_export_markdown_for_article (self->article, dossier_article_notes_get_annotations (self->notes));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), markdown);
  _dossier_window_toast (self, _("Notes copied as Markdown"));
}

static void
on_notes_imported_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  DossierWindow *self = user_data;
  DossierAnnotationImportReport report = { 0 };
  g_autoptr(GError) error = NULL;

  if (!dossier_annotation_import_finish (DOSSIER_LIBRARY (source), result, &report, &error))
    {
      GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Import the Notes"),
                                                 error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
  else
    {
      g_autofree char *imported = g_strdup_printf (g_dngettext (NULL, "%u note imported", "%u notes imported",
                                                                report.imported), report.imported);
      g_autofree char *message = NULL;

      if (report.unmatched > 0)
        /* TRANSLATORS: "3 notes imported", then how many found no article */
        message = g_strdup_printf (g_dngettext (NULL, "%s, %u without a matching article",
                                                "%s, %u without a matching article", report.unmatched),
                                   imported, report.unmatched);
      else
        message = g_strdup (imported);
      _dossier_window_toast (self, message);
    }
  g_object_unref (self);
}

static void
on_notes_file_chosen_cb (GtkNativeDialog *chooser,
                         int              response,
                         gpointer         user_data)
{
  DossierWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      dossier_annotation_import_async (self->library, file, self->cancellable,
                                       on_notes_imported_cb, g_object_ref (self));
    }
  g_object_unref (chooser);
}

static void
import_notes_action (GtkWidget  *widget,
                     const char *name,
                     GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Import Notes"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Notes exported by Dossier or Hypothesis (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_mime_type (filter, "application/ld+json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "jsonld");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_notes_file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* --- deleting an article, with Undo --- */

static void
on_article_restored_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 id = dossier_library_restore_article_finish (DOSSIER_LIBRARY (source), result, &error);

  if (id <= 0)
    {
      _dossier_window_toast_error (self, error, _("Could not bring the article back: %s"),
                                   error ? error->message : "?");
      return;
    }
  /* open it again, where it was */
  dossier_window_open_article (self, id);
  _dossier_window_select_when_listed (self, id);
}

static void
on_undo_delete_cb (AdwToast      *toast,
                   DossierWindow *self)
{
  DossierDeletedArticle *deleted = g_object_steal_data (G_OBJECT (toast), "dossier-deleted");

  if (deleted == NULL)
    return;
  dossier_library_restore_article_async (self->library, deleted, self->cancellable,
                                         on_article_restored_cb, g_object_ref (self));
}

static void
close_article (DossierWindow *self)
{
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->article);
  dossier_article_notes_set_annotations (self->notes, NULL);
  dossier_reader_view_set_article (self->reader, NULL);
  adw_window_title_set_title (self->content_title, "");
  adw_window_title_set_subtitle (self->content_title, "");
  gtk_stack_set_visible_child_name (self->reader_stack, "none");
  g_settings_set_int64 (self->settings, "last-article", 0);
  _dossier_window_notes_update (self);
  _dossier_window_update_actions (self);
  _dossier_window_show_list (self);
}

static void
on_article_deleted_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  DossierDeletedArticle *deleted;
  DossierArticle *article;
  AdwToast *toast;
  g_autofree char *title = NULL;

  deleted = dossier_library_delete_article_finish (DOSSIER_LIBRARY (source), result, &error);
  if (deleted == NULL)
    {
      _dossier_window_toast_error (self, error, _("Could not delete the article: %s"), error->message);
      return;
    }
  article = dossier_deleted_article_get_article (deleted);
  if (self->article != NULL && dossier_article_get_id (self->article) == dossier_article_get_id (article))
    close_article (self);

  /* TRANSLATORS: a toast after deleting an article, with an Undo button */
  title = g_strdup_printf (_("“%s” deleted"), dossier_article_get_title (article)
                           ? dossier_article_get_title (article) : _("Untitled"));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "dossier-deleted", deleted,
                          (GDestroyNotify) dossier_deleted_article_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_delete_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_article_action (GtkWidget  *widget,
                       const char *name,
                       GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (self->article == NULL)
    return;
  dossier_library_delete_article_async (self->library, dossier_article_get_id (self->article),
                                        self->cancellable, on_article_deleted_cb, g_object_ref (self));
}

/* The shortcuts window is built the first time it is asked for, not with
 * every window (GtkApplication would, from gtk/help-overlay.ui): it costs
 * the first frame 12-19 ms. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *name,
                          GVariant   *param)
{
  GtkWidget *overlay = g_object_get_data (G_OBJECT (widget), "dossier-help-overlay");

  if (overlay == NULL)
    {
      g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_BASE "/ui/help-overlay.ui");

      overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
      gtk_window_set_transient_for (GTK_WINDOW (overlay), GTK_WINDOW (widget));
      gtk_window_set_hide_on_close (GTK_WINDOW (overlay), TRUE);
      /* the window holds it and destroys it with itself */
      g_object_set_data_full (G_OBJECT (widget), "dossier-help-overlay", g_object_ref_sink (overlay),
                              (GDestroyNotify) gtk_window_destroy);
    }
  gtk_window_present (GTK_WINDOW (overlay));
}

static void
preferences_action (GtkWidget  *widget,
                    const char *name,
                    GVariant   *param)
{
  GtkWidget *prefs = dossier_preferences_window_new (GTK_WINDOW (widget));

  gtk_window_present (GTK_WINDOW (prefs));
}

void
dossier_window_actions_init (DossierWindowClass *klass)
{
  GtkWidgetClass *wc = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (wc, "win.import", NULL, import_action);
  gtk_widget_class_install_action (wc, "win.import-folder", NULL, import_folder_action);
  gtk_widget_class_install_action (wc, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (wc, "win.add-link", NULL, add_link_action);
  gtk_widget_class_install_action (wc, "win.find", NULL, find_action);
  gtk_widget_class_install_action (wc, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_install_action (wc, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (wc, "win.edit-metadata", NULL, edit_metadata_action);
  gtk_widget_class_install_action (wc, "win.preferences", NULL, preferences_action);
  gtk_widget_class_install_action (wc, "win.export", NULL, export_action);
  gtk_widget_class_install_action (wc, "win.import-notes", NULL, import_notes_action);
  gtk_widget_class_install_action (wc, "win.copy-notes-markdown", NULL, copy_notes_action);
  gtk_widget_class_install_action (wc, "win.delete-article", NULL, delete_article_action);
  gtk_widget_class_install_action (wc, "win.show-help-overlay", NULL, show_help_overlay_action);
  gtk_widget_class_install_action (wc, "win.filter", NULL, filter_action);
  gtk_widget_class_install_action (wc, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (wc, "win.save-search", NULL, save_search_action);

  gtk_widget_class_add_binding_action (wc, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_o, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.import-folder", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_l, GDK_CONTROL_MASK, "win.add-link", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_f, GDK_CONTROL_MASK, "win.find", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_k, GDK_CONTROL_MASK, "win.focus-search", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_Left, GDK_ALT_MASK, "win.go-back", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_i, GDK_CONTROL_MASK, "win.edit-metadata", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_question, GDK_CONTROL_MASK, "win.show-help-overlay", NULL);
  /* text fields take Delete first; elsewhere it deletes the open article */
  gtk_widget_class_add_binding_action (wc, GDK_KEY_Delete, 0, "win.delete-article", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.filter", NULL);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_d, GDK_CONTROL_MASK, "win.save-search", NULL);
}

static void
on_flap_folded_cb (AdwFlap    *flap,
                   GParamSpec *pspec,
                   gpointer    user_data)
{
  if (adw_flap_get_folded (flap))
    adw_flap_set_reveal_flap (flap, FALSE);
}

void
dossier_window_actions_setup (DossierWindow *self)
{
  static const struct { const char *key; const char *accel; } settings_actions[] = {
    { "show-notes", "F9" },
    { "show-timeline", "<Control>t" },
    { "sort", NULL },
    { "timeline-lanes", NULL },
  };
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GtkDropTarget *drop;

  for (guint i = 0; i < G_N_ELEMENTS (settings_actions); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, settings_actions[i].key);

      g_action_map_add_action (G_ACTION_MAP (self), action);
      if (settings_actions[i].accel != NULL && app != NULL)
        {
          g_autofree char *detailed = g_strdup_printf ("win.%s", settings_actions[i].key);
          const char *accels[] = { settings_actions[i].accel, NULL };

          gtk_application_set_accels_for_action (app, detailed, accels);
        }
    }
  g_settings_bind (self->settings, "show-notes", self->notes_flap, "reveal-flap", G_SETTINGS_BIND_GET);
  /* a narrow window folds the notes over the reader: start them hidden */
  g_signal_connect (self->notes_flap, "notify::folded", G_CALLBACK (on_flap_folded_cb), NULL);
  on_flap_folded_cb (self->notes_flap, NULL, NULL);
  g_settings_bind (self->settings, "show-timeline", gtk_paned_get_end_child (self->content_paned), "visible", G_SETTINGS_BIND_GET);

  drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop, (GType[]) { GDK_TYPE_FILE_LIST, G_TYPE_STRING }, 2);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  _dossier_window_update_actions (self);
}
