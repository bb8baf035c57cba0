/* dossier-window-apps.c — the window's Import from Another App…: an
 * export of Pocket, Omnivore, Wallabag or Instapaper, chosen or dropped,
 * its kind told by its contents and confirmed, then a summary
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-window-private.h"
#include "dossier-app-import.h"
#include "dossier-import-bar.h"

/* failed rows shown in the summary; the rest are counted */
#define MAX_FAILED_SHOWN 12

static char *
summary_text (const DossierAppImportSummary *s)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = 0;

  /* TRANSLATORS: the first line of an import's summary */
  g_string_append_printf (text, g_dngettext (NULL, "%u article imported", "%u articles imported", s->articles),
                          s->articles);
  g_string_append (text, "\n");
  g_string_append_printf (text, g_dngettext (NULL, "%u highlight placed in its text",
                                             "%u highlights placed in their text", s->annotations),
                          s->annotations);
  if (s->orphans > 0)
    {
      g_string_append (text, "\n");
      g_string_append_printf (text, g_dngettext (NULL, "%u highlight kept without a place (its text is not in the article)",
                                                 "%u highlights kept without a place (their text is not in the article)",
                                                 s->orphans), s->orphans);
    }
  if (s->pending > 0)
    {
      g_string_append (text, "\n");
      g_string_append_printf (text, g_dngettext (NULL, "%u link without text, kept to fetch later",
                                                 "%u links without text, kept to fetch later", s->pending),
                              s->pending);
    }
  if (s->kept_before > 0)
    {
      g_string_append (text, "\n");
      g_string_append_printf (text, g_dngettext (NULL, "%u link kept by an earlier import, still to fetch",
                                                 "%u links kept by an earlier import, still to fetch",
                                                 s->kept_before), s->kept_before);
    }
  if (s->duplicates > 0)
    {
      g_string_append (text, "\n");
      g_string_append_printf (text, g_dngettext (NULL, "%u already in the library", "%u already in the library",
                                                 s->duplicates), s->duplicates);
    }
  if (s->failed > 0)
    {
      g_string_append (text, "\n\n");
      g_string_append_printf (text, g_dngettext (NULL, "%u row could not be imported:", "%u rows could not be imported:",
                                                 s->failed), s->failed);
      for (guint i = 0; i < s->entries->len && shown < MAX_FAILED_SHOWN; i++)
        {
          const DossierAppEntryResult *r = g_ptr_array_index (s->entries, i);
          const char *colon;

          if (r->status != DOSSIER_APP_ENTRY_FAILED)
            continue;
          /* the file is in the heading: each line says the row and why */
          colon = strstr (r->error, ": ");
          g_string_append (text, "\n• ");
          g_string_append (text, colon ? colon + 2 : r->error);
          shown++;
        }
      if (s->failed > shown)
        {
          g_string_append (text, "\n");
          g_string_append_printf (text, g_dngettext (NULL, "and %u more", "and %u more", s->failed - shown),
                                  s->failed - shown);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The export's links without text, fetched now as Add from Link does,
 * with the progress and Stop of the import bar; each article keeps the
 * export's tags and highlights. */
static void
on_summary_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        DossierWindow    *self)
{
  if (g_strcmp0 (response, "fetch") != 0)
    return;
  if (!dossier_import_bar_start_pending (DOSSIER_IMPORT_BAR (self->import_bar), self->library))
    _dossier_window_toast (self, _("Wait for the current import to finish"));
}

static void
on_imported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DossierWindow) self = user_data;
  g_autoptr(DossierAppImportSummary) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  s = dossier_app_import_finish (DOSSIER_LIBRARY (source), result, &error);
  if (s == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Import the Export"), error->message);
    }
  else
    {
      body = summary_text (s);
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import Finished"), body);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (s != NULL && s->pending + s->kept_before > 0)
    {
      /* TRANSLATORS: fetch the pages of the links an export had without their text */
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "fetch", _("_Fetch Links"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "fetch", ADW_RESPONSE_SUGGESTED);
      g_signal_connect_object (dialog, "response", G_CALLBACK (on_summary_response_cb), self, 0);
    }
  gtk_widget_set_name (dialog, "app-import-summary");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_confirm_cb (AdwMessageDialog *dialog,
               const char       *response,
               DossierWindow    *self)
{
  GtkDropDown *kinds = g_object_get_data (G_OBJECT (dialog), "dossier-kinds");
  GFile *file = g_object_get_data (G_OBJECT (dialog), "dossier-file");
  DossierAppKind kind = DOSSIER_APP_POCKET + gtk_drop_down_get_selected (kinds);

  if (g_strcmp0 (response, "import") != 0)
    return;
  _dossier_window_toast (self, _("Importing…"));
  dossier_app_import_async (self->library, kind, file, self->cancellable, on_imported_cb, g_object_ref (self));
}

/* Asks which app @file came from, the detected one chosen, and imports it. */
static void
confirm_import (DossierWindow  *self,
                GFile          *file,
                DossierAppKind  detected)
{
  static const char * const labels[] = { "Pocket", "Omnivore", "Wallabag", "Instapaper", NULL };
  g_autofree char *base = g_file_get_basename (file);
  g_autofree char *body = NULL;
  GtkWidget *dialog, *kinds;

  if (detected != DOSSIER_APP_UNKNOWN)
    /* TRANSLATORS: "“pocket.csv” looks like an export of Pocket." */
    body = g_strdup_printf (_("“%s” looks like an export of %s. Its articles, tags and highlights "
                              "will be imported; links without text are kept to fetch later."),
                            base, dossier_app_kind_to_label (detected));
  else
    body = g_strdup_printf (_("The app “%s” comes from could not be told from its contents. "
                              "Choose it below."), base);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Import from Another App"), body);
  kinds = gtk_drop_down_new_from_strings (labels);
  gtk_widget_set_halign (kinds, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (kinds), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The app the export comes from"), -1);
  if (detected != DOSSIER_APP_UNKNOWN)
    gtk_drop_down_set_selected (GTK_DROP_DOWN (kinds), detected - DOSSIER_APP_POCKET);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), kinds);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "dossier-kinds", kinds);
  g_object_set_data_full (G_OBJECT (dialog), "dossier-file", g_object_ref (file), g_object_unref);
  gtk_widget_set_name (dialog, "app-import-confirm");
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_cb), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
_dossier_window_offer_app_import (DossierWindow *self,
                                  GFile         *file,
                                  gboolean       only_if_detected)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GError) error = NULL;
  DossierAppKind kind = DOSSIER_APP_UNKNOWN;

  if (path == NULL)
    return FALSE;
  if (!dossier_app_import_detect_file (path, &kind, &error))
    {
      if (only_if_detected)
        return FALSE;
      _dossier_window_toast (self, error->message);
      return TRUE;
    }
  if (kind == DOSSIER_APP_UNKNOWN && only_if_detected)
    return FALSE;
  confirm_import (self, file, kind);
  return TRUE;
}

static void
on_file_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   gpointer         user_data)
{
  DossierWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      _dossier_window_offer_app_import (self, file, FALSE);
    }
  g_object_unref (chooser);
}

static void
import_from_app_action (GtkWidget  *widget,
                        const char *name,
                        GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_("Import from Another App"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Exports of Pocket, Omnivore, Wallabag or Instapaper"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "zip");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "html");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (on_file_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_dossier_window_apps_class_init (DossierWindowClass *klass)
{
  GtkWidgetClass *wc = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (wc, "win.import-from-app", NULL, import_from_app_action);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_o, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "win.import-from-app", NULL);
}
