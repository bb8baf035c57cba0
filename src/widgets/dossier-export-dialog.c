/* dossier-export-dialog.c — choose what to export, in which format, where
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The destination comes from GtkFileChooserNative, so inside the Flatpak
 * sandbox it goes through the file chooser portal.  The export itself
 * runs on a thread and writes atomically (dossier_export_async).
 */
#define G_LOG_DOMAIN "dossier-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-export-dialog.h"
#include "dossier-exporter.h"

typedef enum { SCOPE_ARTICLE, SCOPE_SEARCH, SCOPE_LIBRARY } Scope;

typedef struct
{
  const char          *label;
  const char          *hint;
  DossierExportFormat  format;
  gboolean             folder;
} FormatChoice;

static const FormatChoice formats[] = {
  { N_("Markdown, one file"), N_("One Markdown file with YAML front matter for each article and every highlight as a quote with its note."), DOSSIER_EXPORT_MARKDOWN, FALSE },
  { N_("Markdown, a file per article"), N_("A folder with one Markdown file per article, ready for Obsidian, Logseq or Zettlr."), DOSSIER_EXPORT_MARKDOWN, TRUE },
  { N_("Web Annotations (JSON-LD)"), N_("The W3C Web Annotation format. Dossier imports it back without loss."), DOSSIER_EXPORT_JSON, FALSE },
  { N_("Spreadsheet (CSV)"), N_("One row per note, for LibreOffice Calc or any spreadsheet."), DOSSIER_EXPORT_CSV, FALSE },
  { N_("Printable dossier (HTML)"), N_("A cover, a contents list by date and every article’s highlights and notes. Open it in a browser to print or save as PDF."), DOSSIER_EXPORT_HTML, FALSE },
};

struct _DossierExportDialog
{
  AdwWindow       parent_instance;

  DossierLibrary *library;
  gint64          article_id;
  char           *article_title;
  DossierQuery   *query;
  GArray         *scopes;   /* Scope per combo position */
  GCancellable   *cancellable;

  /* Template widgets */
  GtkWidget      *export_button;
  AdwComboRow    *scope_row;
  AdwComboRow    *format_row;
  GtkLabel       *format_hint;
};

G_DEFINE_FINAL_TYPE (DossierExportDialog, dossier_export_dialog, ADW_TYPE_WINDOW)

enum { DONE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_format_changed_cb (DossierExportDialog *self)
{
  guint i = adw_combo_row_get_selected (self->format_row);

  if (i < G_N_ELEMENTS (formats))
    gtk_label_set_label (self->format_hint, _(formats[i].hint));
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DossierExportDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint n = 0;

  if (!dossier_export_finish (DOSSIER_LIBRARY (source), result, &n, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self), _("Export Failed"), error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (alert));
          gtk_widget_set_sensitive (self->export_button, TRUE);
        }
      g_object_unref (self);
      return;
    }
  message = g_strdup_printf (g_dngettext (NULL, "Exported %u note", "Exported %u notes", n), n);
  g_signal_emit (self, signals[DONE], 0, message);
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
}

static void
on_destination_cb (GtkNativeDialog *chooser,
                   int              response,
                   gpointer         user_data)
{
  DossierExportDialog *self = user_data;
  guint fi = adw_combo_row_get_selected (self->format_row);
  guint si = adw_combo_row_get_selected (self->scope_row);
  Scope scope = g_array_index (self->scopes, Scope, MIN (si, self->scopes->len - 1));
  DossierExportOptions options = { NULL, NULL, 0 };
  g_autoptr(GFile) dest = NULL;
  g_autofree char *scope_text = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_object_unref (chooser);
      g_object_unref (self);
      return;
    }
  dest = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  switch (scope)
    {
    case SCOPE_ARTICLE:
      scope_text = g_strdup (self->article_title);
      break;
    case SCOPE_SEARCH:
      scope_text = g_strdup_printf (_("Search: %s"), self->query->text ? self->query->text : "");
      break;
    case SCOPE_LIBRARY:
    default:
      scope_text = g_strdup (_("Whole library"));
      break;
    }
  options.scope = scope_text;
  gtk_widget_set_sensitive (self->export_button, FALSE);
  /* the file chooser asked before replacing a file; a folder's files
   * are only replaced when they are unchanged earlier exports */
  dossier_export_async (self->library, formats[fi].format,
                        scope == SCOPE_ARTICLE ? &self->article_id : NULL,
                        scope == SCOPE_ARTICLE ? 1 : 0,
                        scope == SCOPE_SEARCH ? self->query : NULL,
                        &options, dest, formats[fi].folder, !formats[fi].folder,
                        self->cancellable, on_exported_cb, self);
}

static void
on_export_clicked_cb (DossierExportDialog *self)
{
  guint fi = adw_combo_row_get_selected (self->format_row);
  const FormatChoice *choice = &formats[MIN (fi, G_N_ELEMENTS (formats) - 1)];
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Export Notes"), GTK_WINDOW (self),
                                         choice->folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                        : GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  if (!choice->folder)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", _("Dossier notes"),
                                               dossier_export_format_get_extension (choice->format));

      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  g_signal_connect (chooser, "response", G_CALLBACK (on_destination_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
dossier_export_dialog_dispose (GObject *object)
{
  DossierExportDialog *self = DOSSIER_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->library);
  g_clear_pointer (&self->query, dossier_query_free);
  g_clear_pointer (&self->article_title, g_free);
  g_clear_pointer (&self->scopes, g_array_unref);

  G_OBJECT_CLASS (dossier_export_dialog_parent_class)->dispose (object);
}

static void
dossier_export_dialog_class_init (DossierExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_export_dialog_dispose;

  /**
   * DossierExportDialog::done:
   * @message: a sentence for a toast
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, scope_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, DossierExportDialog, format_hint);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_format_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_destroy);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_export_dialog_init (DossierExportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->scopes = g_array_new (FALSE, FALSE, sizeof (Scope));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    gtk_string_list_append (names, _(formats[i].label));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (names));
  on_format_changed_cb (self);
}

GtkWidget *
dossier_export_dialog_new (GtkWindow          *parent,
                           DossierLibrary     *library,
                           gint64              article_id,
                           const char         *article_title,
                           const DossierQuery *query)
{
  DossierExportDialog *self;
  g_autoptr(GtkStringList) scopes = gtk_string_list_new (NULL);
  Scope scope;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  self = g_object_new (DOSSIER_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  self->article_id = article_id;
  self->article_title = g_strdup (article_title);
  if (query != NULL && !dossier_query_is_empty (query))
    self->query = dossier_query_copy (query);

  if (article_id > 0)
    {
      g_autofree char *label = g_strdup_printf (_("This article: %s"), article_title ? article_title : "");

      gtk_string_list_append (scopes, label);
      scope = SCOPE_ARTICLE;
      g_array_append_val (self->scopes, scope);
    }
  if (self->query != NULL)
    {
      gtk_string_list_append (scopes, _("The articles in the list (current search)"));
      scope = SCOPE_SEARCH;
      g_array_append_val (self->scopes, scope);
    }
  gtk_string_list_append (scopes, _("The whole library"));
  scope = SCOPE_LIBRARY;
  g_array_append_val (self->scopes, scope);
  adw_combo_row_set_model (self->scope_row, G_LIST_MODEL (scopes));
  return GTK_WIDGET (self);
}
