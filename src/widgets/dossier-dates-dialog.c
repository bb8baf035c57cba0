/* dossier-dates-dialog.c — review the suggested dates, accept many at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The open suggestions are listed most confident first, each with its
 * date, its confidence and its evidence in words.  The checked ones are
 * accepted in one transaction or dismissed; the list is read again when
 * the library changes.  A library with thousands of suggestions shows the
 * most confident MAX_ROWS; accepting them brings the next ones up.
 */
#define G_LOG_DOMAIN "dossier-dates-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-dates-dialog.h"
#include "dossier-article-row.h"
#include "dossier-dates.h"

#define MAX_ROWS 300

struct _DossierDatesDialog
{
  AdwWindow        parent_instance;

  DossierLibrary  *library;
  GCancellable    *cancellable;
  GArray          *ids;          /* the article of each row */
  GPtrArray       *checks;       /* each row's GtkCheckButton */
  gboolean         loaded;
  guint            pending;      /* dismiss calls still running */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListBox      *list_box;
  GtkLabel        *summary_label;
  GtkWidget       *accept_button;
  GtkWidget       *dismiss_button;
  GtkWidget       *select_all_button;
};

G_DEFINE_FINAL_TYPE (DossierDatesDialog, dossier_dates_dialog, ADW_TYPE_WINDOW)

static void reload (DossierDatesDialog *self);

static guint
n_checked (DossierDatesDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->checks->len; i++)
    n += gtk_check_button_get_active (g_ptr_array_index (self->checks, i));
  return n;
}

static void
update_buttons (DossierDatesDialog *self)
{
  guint n = n_checked (self);

  gtk_widget_set_sensitive (self->accept_button, n > 0);
  gtk_widget_set_sensitive (self->dismiss_button, n > 0);
  gtk_widget_set_sensitive (self->select_all_button, self->checks->len > 0);
}

static int
by_confidence (gconstpointer a,
               gconstpointer b)
{
  const DossierStoredSuggestion *x = *(DossierStoredSuggestion * const *) a;
  const DossierStoredSuggestion *y = *(DossierStoredSuggestion * const *) b;

  if (x->confidence != y->confidence)
    return x->confidence > y->confidence ? -1 : 1;
  return x->article_id < y->article_id ? -1 : x->article_id > y->article_id;
}

static GtkWidget *
make_row (DossierDatesDialog            *self,
          const DossierStoredSuggestion *s)
{
  g_autofree char *date = dossier_format_suggested_date (&s->date);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autoptr(GString) sub = g_string_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  /* TRANSLATORS: a suggested date and how sure it is, as in "Fri 4 Jul 2014 · 82 %" */
  title = g_strdup_printf (_("%s · %d %%"), date, (int) (s->confidence * 100 + 0.5));
  g_string_append (sub, s->title ? s->title : _("Untitled"));
  for (guint i = 0; s->evidence[i] != NULL; i++)
    g_string_append_printf (sub, "\n• %s", s->evidence[i]);
  subtitle = g_markup_escape_text (sub->str, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  s->title ? s->title : title, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_swapped (check, "toggled", G_CALLBACK (update_buttons), self);
  g_ptr_array_add (self->checks, check);
  return row;
}

static void
on_listed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  DossierDatesDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = dossier_dates_list_finish (DOSSIER_LIBRARY (source), result, &error);
  g_autoptr(GPtrArray) open = g_ptr_array_new ();
  GtkWidget *child;

  if (list == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      g_object_unref (self);
      return;
    }
  for (guint i = 0; i < list->len; i++)
    {
      DossierStoredSuggestion *s = g_ptr_array_index (list, i);

      if (s->state == DOSSIER_SUGGESTION_OPEN && s->date.precision != DOSSIER_DATE_PRECISION_UNKNOWN)
        g_ptr_array_add (open, s);
    }
  g_ptr_array_sort (open, by_confidence);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);
  g_array_set_size (self->ids, 0);
  g_ptr_array_set_size (self->checks, 0);
  for (guint i = 0; i < open->len && i < MAX_ROWS; i++)
    {
      DossierStoredSuggestion *s = g_ptr_array_index (open, i);

      gtk_list_box_append (self->list_box, make_row (self, s));
      g_array_append_val (self->ids, s->article_id);
    }
  if (open->len > MAX_ROWS)
    {
      g_autofree char *text = NULL;

      /* TRANSLATORS: the dialog lists only the most confident suggestions */
      text = g_strdup_printf (_("The %u most confident of %u suggestions"), MAX_ROWS, open->len);
      gtk_label_set_label (self->summary_label, text);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggestion, most confident first",
                                                            "%u suggestions, most confident first", open->len),
                                               open->len);

      gtk_label_set_label (self->summary_label, text);
    }
  gtk_stack_set_visible_child_name (self->stack, open->len > 0 ? "list" : "empty");
  self->loaded = TRUE;
  update_buttons (self);
  g_object_unref (self);
}

static void
reload (DossierDatesDialog *self)
{
  dossier_dates_list_async (self->library, self->cancellable, on_listed_cb, g_object_ref (self));
}

static GArray *
checked_ids (DossierDatesDialog *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      g_array_append_val (ids, g_array_index (self->ids, gint64, i));
  return ids;
}

static void
on_accepted_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  DossierDatesDialog *self = user_data;
  g_autoptr(GError) error = NULL;
  gint64 n = dossier_dates_accept_many_finish (DOSSIER_LIBRARY (source), result, &error);
  g_autofree char *text = NULL;

  if (n < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }
  else
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d date accepted", "%d dates accepted", n),
                              (int) n);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
  g_object_unref (self);
}

void
dossier_dates_dialog_accept_selected (DossierDatesDialog *self)
{
  g_autoptr(GArray) ids = NULL;

  g_return_if_fail (DOSSIER_IS_DATES_DIALOG (self));

  ids = checked_ids (self);
  if (ids->len == 0)
    return;
  gtk_widget_set_sensitive (self->accept_button, FALSE);
  gtk_widget_set_sensitive (self->dismiss_button, FALSE);
  /* the library's ::changed reads the list again */
  dossier_dates_accept_many_async (self->library, (const gint64 *) (gpointer) ids->data, ids->len,
                                   self->cancellable, on_accepted_cb, g_object_ref (self));
}

static void
on_accept_cb (DossierDatesDialog *self)
{
  dossier_dates_dialog_accept_selected (self);
}

static void
on_dismissed_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  DossierDatesDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_dates_dismiss_finish (DOSSIER_LIBRARY (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  /* the last one's ::changed came before this: read the list now */
  if (--self->pending == 0)
    reload (self);
  g_object_unref (self);
}

static void
on_dismiss_cb (DossierDatesDialog *self)
{
  g_autoptr(GArray) ids = checked_ids (self);

  gtk_widget_set_sensitive (self->accept_button, FALSE);
  gtk_widget_set_sensitive (self->dismiss_button, FALSE);
  /* queued one after another on the store's thread */
  for (guint i = 0; i < ids->len; i++)
    {
      self->pending++;
      dossier_dates_dismiss_async (self->library, g_array_index (ids, gint64, i), self->cancellable,
                                   on_dismissed_cb, g_object_ref (self));
    }
}

static void
on_select_all_cb (DossierDatesDialog *self)
{
  gboolean all = n_checked (self) == self->checks->len;

  for (guint i = 0; i < self->checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->checks, i), !all);
}

static void
on_library_changed_cb (DossierDatesDialog *self)
{
  /* many dismissals: read once, after the last */
  if (self->pending == 0)
    reload (self);
}

static void
dossier_dates_dialog_dispose (GObject *object)
{
  DossierDatesDialog *self = DOSSIER_DATES_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  gtk_widget_dispose_template (GTK_WIDGET (self), DOSSIER_TYPE_DATES_DIALOG);

  G_OBJECT_CLASS (dossier_dates_dialog_parent_class)->dispose (object);
}

static void
dossier_dates_dialog_finalize (GObject *object)
{
  DossierDatesDialog *self = DOSSIER_DATES_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_array_unref (self->ids);
  g_ptr_array_unref (self->checks);

  G_OBJECT_CLASS (dossier_dates_dialog_parent_class)->finalize (object);
}

static void
dossier_dates_dialog_class_init (DossierDatesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_dates_dialog_dispose;
  object_class->finalize = dossier_dates_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-dates-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierDatesDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, DossierDatesDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, DossierDatesDialog, list_box);
  gtk_widget_class_bind_template_child (widget_class, DossierDatesDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDatesDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, DossierDatesDialog, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, DossierDatesDialog, select_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_accept_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_dismiss_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_select_all_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_dates_dialog_init (DossierDatesDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_ptr_array_new ();
}

GtkWidget *
dossier_dates_dialog_new (GtkWindow      *parent,
                          DossierLibrary *library)
{
  DossierDatesDialog *self;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  self = g_object_new (DOSSIER_TYPE_DATES_DIALOG, "transient-for", parent, NULL);
  self->library = g_object_ref (library);
  g_signal_connect_swapped (library, "changed", G_CALLBACK (on_library_changed_cb), self);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  reload (self);
  return GTK_WIDGET (self);
}

gboolean
dossier_dates_dialog_get_loaded (DossierDatesDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_DATES_DIALOG (self), FALSE);
  return self->loaded;
}

guint
dossier_dates_dialog_get_n_rows (DossierDatesDialog *self)
{
  g_return_val_if_fail (DOSSIER_IS_DATES_DIALOG (self), 0);
  return self->ids->len;
}

gint64
dossier_dates_dialog_get_row_article (DossierDatesDialog *self,
                                      guint               index)
{
  g_return_val_if_fail (DOSSIER_IS_DATES_DIALOG (self), 0);
  return index < self->ids->len ? g_array_index (self->ids, gint64, index) : 0;
}

void
dossier_dates_dialog_set_checked (DossierDatesDialog *self,
                                  guint               index,
                                  gboolean            checked)
{
  g_return_if_fail (DOSSIER_IS_DATES_DIALOG (self));
  g_return_if_fail (index < self->checks->len);

  gtk_check_button_set_active (g_ptr_array_index (self->checks, index), checked);
}
