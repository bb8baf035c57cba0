/* dossier-metadata-dialog.c — fix an article's title, source, date, link
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-metadata-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-metadata-dialog.h"
#include "dossier-article-row.h"

struct _DossierMetadataDialog
{
  AdwWindow       parent_instance;

  DossierArticle *article;

  /* Template widgets */
  GtkWidget      *save_button;
  AdwEntryRow    *title_row;
  AdwEntryRow    *source_row;
  AdwEntryRow    *byline_row;
  AdwEntryRow    *url_row;
  AdwEntryRow    *date_row;
  GtkLabel       *date_hint;
};

G_DEFINE_FINAL_TYPE (DossierMetadataDialog, dossier_metadata_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

gboolean
dossier_metadata_parse_date (const char  *text,
                             DossierDate *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  DossierDate unknown = DOSSIER_DATE_INIT;

  if (*copy == '\0')
    {
      *out = unknown;
      return TRUE;
    }
  return dossier_date_from_iso (copy, out) || dossier_date_parse (copy, out);
}

static void
on_changed_cb (DossierMetadataDialog *self)
{
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  const char *date_text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  g_autofree char *stripped = g_strstrip (g_strdup (title));
  DossierDate date = DOSSIER_DATE_INIT;
  gboolean date_ok = dossier_metadata_parse_date (date_text, &date);
  g_autofree char *shown = NULL;

  if (date_ok)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      shown = dossier_format_date (&date);
      gtk_label_set_label (self->date_hint, shown);
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_label_set_label (self->date_hint, _("Not a date Dossier understands"));
    }
  gtk_widget_set_sensitive (self->save_button, date_ok && *stripped != '\0');
}

static const char *
nonempty (const char *text)
{
  return (text && *text) ? text : NULL;
}

static void
on_save_clicked_cb (DossierMetadataDialog *self)
{
  g_autoptr(DossierArticle) edited = dossier_article_new ();
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *source = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->source_row))));
  g_autofree char *byline = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->byline_row))));
  g_autofree char *url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  DossierDate date = DOSSIER_DATE_INIT;
  const DossierDate *old = dossier_article_get_published (self->article);

  if (!dossier_metadata_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date))
    return;

  dossier_article_set_id (edited, dossier_article_get_id (self->article));
  dossier_article_set_title (edited, title);
  dossier_article_set_source (edited, nonempty (source));
  dossier_article_set_byline (edited, nonempty (byline));
  dossier_article_set_url (edited, nonempty (url));
  dossier_article_set_language (edited, dossier_article_get_language (self->article));
  dossier_article_set_published (edited, &date);
  if (dossier_date_compare (&date, old) == 0 && date.precision == old->precision)
    dossier_article_set_date_origin (edited, dossier_article_get_date_origin (self->article));
  else
    dossier_article_set_date_origin (edited, date.precision ? DOSSIER_DATE_ORIGIN_USER : DOSSIER_DATE_ORIGIN_NONE);

  g_signal_emit (self, signals[SAVED], 0, edited);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
dossier_metadata_dialog_dispose (GObject *object)
{
  DossierMetadataDialog *self = DOSSIER_METADATA_DIALOG (object);

  g_clear_object (&self->article);

  G_OBJECT_CLASS (dossier_metadata_dialog_parent_class)->dispose (object);
}

static void
dossier_metadata_dialog_class_init (DossierMetadataDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_metadata_dialog_dispose;

  /**
   * DossierMetadataDialog::saved:
   * @article: a copy of the article with the edited details
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, DOSSIER_TYPE_ARTICLE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-metadata-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, byline_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, DossierMetadataDialog, date_hint);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_destroy);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_metadata_dialog_init (DossierMetadataDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
dossier_metadata_dialog_new (GtkWindow      *parent,
                             DossierArticle *article)
{
  DossierMetadataDialog *self;
  g_autofree char *date = NULL;

  g_return_val_if_fail (DOSSIER_IS_ARTICLE (article), NULL);

  self = g_object_new (DOSSIER_TYPE_METADATA_DIALOG, "transient-for", parent, NULL);
  self->article = g_object_ref (article);
  date = dossier_article_dup_published_string (article);
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), dossier_article_get_title (article));
  gtk_editable_set_text (GTK_EDITABLE (self->source_row), dossier_article_get_source (article) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->byline_row), dossier_article_get_byline (article) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), dossier_article_get_url (article) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date ? date : "");
  on_changed_cb (self);
  return GTK_WIDGET (self);
}
