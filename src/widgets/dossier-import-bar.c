/* dossier-import-bar.c — an import's progress under the list, and its
 * summary when it ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-import-bar"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "dossier-import-bar.h"
#include "dossier-people.h"
#include "dossier-fetcher.h"
#include "dossier-app-import.h"

struct _DossierImportBar
{
  GtkWidget       parent_instance;

  GCancellable   *cancellable;  /* the import running, or NULL */
  GPtrArray      *failures;     /* DossierImportResult of the last import */
  guint           n_imported;
  guint           n_duplicates;
  guint           n_kept;       /* links of other apps' exports still kept */
  gboolean        links;        /* the last batch was of links */

  /* Template widgets */
  GtkRevealer    *import_revealer;
  GtkLabel       *import_label;
  GtkProgressBar *import_progress;
};

G_DEFINE_FINAL_TYPE (DossierImportBar, dossier_import_bar, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
add_toast (DossierImportBar *self,
           AdwToast         *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
on_progress_cb (const DossierImportResult *result,
                guint                      done,
                guint                      total,
                gpointer                   user_data)
{
  DossierImportBar *self = user_data;
  g_autofree char *base = g_path_get_basename (result->file);
  g_autofree char *label = NULL;

  if (result->status == DOSSIER_IMPORT_FAILED)
    {
      DossierImportResult *copy = g_new0 (DossierImportResult, 1);

      copy->file = g_strdup (result->file);
      copy->status = result->status;
      copy->error = g_strdup (result->error);
      g_ptr_array_add (self->failures, copy);
    }
  else if (result->status == DOSSIER_IMPORT_IMPORTED)
    self->n_imported++;
  else
    self->n_duplicates++;

  /* TRANSLATORS: import progress, as in "Importing 12 of 300: page.html" */
  label = g_strdup_printf (_("Importing %u of %u: %s"), done, MAX (total, done), base);
  gtk_label_set_label (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, total ? (double) done / MAX (total, done) : 0);
}

static void
show_details (DossierImportBar *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GtkWidget *dialog;
  GtkWidget *scroller;
  GtkWidget *label;

  for (guint i = 0; self->failures && i < self->failures->len; i++)
    {
      DossierImportResult *r = g_ptr_array_index (self->failures, i);

      g_string_append_printf (text, "%s\n\n", r->error);
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   self->links ? _("Links Not Added") : _("Files Not Imported"), NULL);
  label = gtk_label_new (text->str);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_details_cb (AdwToast         *toast,
               DossierImportBar *self)
{
  show_details (self);
}

static void
on_link_progress_cb (const DossierLinkResult *result,
                     guint                    done,
                     guint                    total,
                     gpointer                 user_data)
{
  DossierImportBar *self = user_data;
  g_autofree char *label = NULL;

  if (result->status == DOSSIER_IMPORT_FAILED && result->reason == NULL &&
      g_cancellable_is_cancelled (self->cancellable))
    {
      /* stopped in flight, not failed */
    }
  else if (result->status == DOSSIER_IMPORT_FAILED)
    {
      DossierImportResult *copy = g_new0 (DossierImportResult, 1);

      copy->file = g_strdup (result->url);
      copy->status = result->status;
      copy->error = g_strdup (result->error);
      g_ptr_array_add (self->failures, copy);
    }
  else if (result->status == DOSSIER_IMPORT_IMPORTED)
    self->n_imported++;
  else
    self->n_duplicates++;

  /* TRANSLATORS: progress of adding links, as in "Adding 3 of 20: https://…" */
  label = g_strdup_printf (_("Adding %u of %u: %s"), done, MAX (total, done), result->url);
  gtk_label_set_label (self->import_label, label);
  gtk_progress_bar_set_fraction (self->import_progress, total ? (double) done / MAX (total, done) : 0);
}

static void finish (DossierImportBar *self, gboolean done, GError *error);

static void
on_done_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DossierImportBar) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;

  results = dossier_library_import_finish (DOSSIER_LIBRARY (source), result, &error);
  /* the import is saved: its quotes are found in the background */
  dossier_people_catch_up (DOSSIER_LIBRARY (source));
  finish (self, results != NULL, error);
}

static void
on_links_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(DossierImportBar) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = NULL;

  results = dossier_library_add_links_finish (DOSSIER_LIBRARY (source), result, &error);
  dossier_people_catch_up (DOSSIER_LIBRARY (source));
  finish (self, results != NULL, error);
}

/* The links of other apps' exports: the summary has the last word on
 * what came in, what failed and what is still kept. */
static void
on_pending_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DossierImportBar) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierAppImportSummary) s = NULL;

  s = dossier_app_import_fetch_pending_finish (DOSSIER_FETCHER (source), result, &error);
  if (s != NULL)
    {
      g_ptr_array_set_size (self->failures, 0);
      for (guint i = 0; i < s->entries->len; i++)
        {
          const DossierAppEntryResult *r = g_ptr_array_index (s->entries, i);
          DossierImportResult *copy;

          if (r->status != DOSSIER_APP_ENTRY_FAILED)
            continue;
          copy = g_new0 (DossierImportResult, 1);
          copy->file = g_strdup (r->url);
          copy->status = DOSSIER_IMPORT_FAILED;
          copy->error = g_strdup (r->error);
          g_ptr_array_add (self->failures, copy);
        }
      self->n_imported = s->articles;
      self->n_duplicates = s->duplicates;
      self->n_kept = s->pending;
      if (s->cancelled)
        g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "cancelled");
    }
  dossier_people_catch_up (dossier_fetcher_get_library (DOSSIER_FETCHER (source)));
  finish (self, s != NULL && !s->cancelled, error);
}

static void
finish (DossierImportBar *self,
        gboolean          done,
        GError           *error)
{
  g_autofree char *message = NULL;
  guint failed = self->failures->len;
  AdwToast *toast;

  gtk_revealer_set_reveal_child (self->import_revealer, FALSE);
  g_clear_object (&self->cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  if (!done && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *m = g_strdup_printf (self->links ? _("Adding links stopped: %s")
                                                        : _("Import stopped: %s"), error->message);

      add_toast (self, adw_toast_new (m));
      return;
    }

  {
    g_autofree char *ok = g_strdup_printf (g_dngettext (NULL, "%u imported", "%u imported", self->n_imported),
                                           self->n_imported);
    g_autofree char *dup = g_strdup_printf (g_dngettext (NULL, "%u duplicate", "%u duplicates", self->n_duplicates),
                                            self->n_duplicates);
    g_autofree char *bad = g_strdup_printf (g_dngettext (NULL, "%u failed", "%u failed", failed), failed);

    /* TRANSLATORS: the import summary, as in "212 imported, 3 duplicates, 1 failed" */
    message = g_strdup_printf (_("%s%s, %s, %s"), !done ? _("Stopped: ") : "", ok, dup, bad);
  }
  if (self->n_kept > 0)
    {
      g_autofree char *kept = g_strdup_printf (g_dngettext (NULL, "%u link still kept to fetch later",
                                                            "%u links still kept to fetch later", self->n_kept),
                                               self->n_kept);
      g_autofree char *whole = NULL;

      /* TRANSLATORS: the summary, then the links not fetched, as in
       * "Stopped: 3 imported, 0 duplicates, 0 failed; 5 links still kept to fetch later" */
      whole = g_strdup_printf (_("%s; %s"), message, kept);
      g_free (message);
      message = g_steal_pointer (&whole);
    }
  toast = adw_toast_new (message);
  if (failed > 0)
    {
      adw_toast_set_button_label (toast, _("Details"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_details_cb), self, 0);
      adw_toast_set_timeout (toast, 10);
    }
  add_toast (self, toast);
}

static void
dossier_import_bar_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierImportBar *self = DOSSIER_IMPORT_BAR (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, dossier_import_bar_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_import_bar_dispose (GObject *object)
{
  DossierImportBar *self = DOSSIER_IMPORT_BAR (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_IMPORT_BAR);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (dossier_import_bar_parent_class)->dispose (object);
}

static void
dossier_import_bar_finalize (GObject *object)
{
  DossierImportBar *self = DOSSIER_IMPORT_BAR (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->failures, g_ptr_array_unref);

  G_OBJECT_CLASS (dossier_import_bar_parent_class)->finalize (object);
}

/* Expands as its children do, as a box would: the list's pane widens
 * with the window because the import label does. */
static void
dossier_import_bar_compute_expand (GtkWidget *widget,
                                  gboolean  *hexpand,
                                  gboolean  *vexpand)
{
  *hexpand = *vexpand = FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      *hexpand = *hexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_HORIZONTAL);
      *vexpand = *vexpand || gtk_widget_compute_expand (child, GTK_ORIENTATION_VERTICAL);
    }
}

static void
dossier_import_bar_class_init (DossierImportBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_import_bar_dispose;
  object_class->finalize = dossier_import_bar_finalize;
  object_class->get_property = dossier_import_bar_get_property;
  widget_class->compute_expand = dossier_import_bar_compute_expand;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-import-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierImportBar, import_revealer);
  gtk_widget_class_bind_template_child (widget_class, DossierImportBar, import_label);
  gtk_widget_class_bind_template_child (widget_class, DossierImportBar, import_progress);
}

static void
dossier_import_bar_init (DossierImportBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

gboolean
dossier_import_bar_get_busy (DossierImportBar *self)
{
  g_return_val_if_fail (DOSSIER_IS_IMPORT_BAR (self), FALSE);
  return self->cancellable != NULL;
}

static gboolean
begin (DossierImportBar *self,
       gboolean          links)
{
  if (self->cancellable != NULL)
    return FALSE;
  self->cancellable = g_cancellable_new ();
  self->links = links;
  g_clear_pointer (&self->failures, g_ptr_array_unref);
  self->failures = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_import_result_free);
  self->n_imported = self->n_duplicates = self->n_kept = 0;
  gtk_label_set_label (self->import_label, links ? _("Adding links…") : _("Importing…"));
  gtk_progress_bar_set_fraction (self->import_progress, 0);
  gtk_revealer_set_reveal_child (self->import_revealer, TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
  return TRUE;
}

gboolean
dossier_import_bar_start_links (DossierImportBar   *self,
                                DossierLibrary     *library,
                                const char * const *urls)
{
  g_return_val_if_fail (DOSSIER_IS_IMPORT_BAR (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  if (!begin (self, TRUE))
    return FALSE;
  dossier_library_add_links_async (library, (GStrv) urls, on_link_progress_cb, self, NULL,
                                   self->cancellable, on_links_done_cb, g_object_ref (self));
  return TRUE;
}

gboolean
dossier_import_bar_start_pending (DossierImportBar *self,
                                  DossierLibrary   *library)
{
  g_autoptr(DossierFetcher) fetcher = NULL;

  g_return_val_if_fail (DOSSIER_IS_IMPORT_BAR (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  if (!begin (self, TRUE))
    return FALSE;
  fetcher = dossier_fetcher_new (library);
  dossier_app_import_fetch_pending_async (fetcher, on_link_progress_cb, self, NULL,
                                          self->cancellable, on_pending_done_cb, g_object_ref (self));
  return TRUE;
}

gboolean
dossier_import_bar_start (DossierImportBar   *self,
                          DossierLibrary     *library,
                          const char * const *paths)
{
  g_return_val_if_fail (DOSSIER_IS_IMPORT_BAR (self), FALSE);
  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), FALSE);

  if (!begin (self, FALSE))
    return FALSE;
  dossier_library_import_async (library, paths, on_progress_cb, self, NULL,
                                self->cancellable, on_done_cb, g_object_ref (self));
  return TRUE;
}

GPtrArray *
dossier_import_bar_get_failures (DossierImportBar *self)
{
  g_return_val_if_fail (DOSSIER_IS_IMPORT_BAR (self), NULL);
  return self->failures;
}

void
dossier_import_bar_cancel (DossierImportBar *self)
{
  g_return_if_fail (DOSSIER_IS_IMPORT_BAR (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}
