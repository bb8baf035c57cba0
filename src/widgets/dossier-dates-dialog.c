/* dossier-dates-dialog.c — review the suggested dates, accept many at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The open suggestions are listed most confident first, each with its
 * date, its confidence and its evidence in words.  The checked ones are
 * accepted in one transaction or dismissed; the list is read again when
 * the library changes.  The list is a list view over a model: any number
 * of suggestions, rows made only for those in sight.  A bulk Accept can
 * be undone from its toast: every article's date as it was before.
 */
#define G_LOG_DOMAIN "dossier-dates-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-dates-dialog.h"
#include "dossier-article-row.h"
#include "dossier-dates.h"

/* One suggestion in the list: its article, what the rows show, the date
 * the article had before (for Undo) and whether it is checked. */
#define DOSSIER_TYPE_DATES_ITEM (dossier_dates_item_get_type ())
G_DECLARE_FINAL_TYPE (DossierDatesItem, dossier_dates_item, DOSSIER, DATES_ITEM, GObject)

struct _DossierDatesItem
{
  GObject            parent_instance;
  gint64             id;
  char              *title;      /* date and confidence */
  char              *subtitle;   /* article title and evidence */
  char              *label;      /* for the check button's accessible name */
  DossierDate        known;
  DossierDateOrigin  known_origin;
  gboolean           checked;
};

enum { ITEM_PROP_0, ITEM_PROP_CHECKED, N_ITEM_PROPS };
static GParamSpec *item_props[N_ITEM_PROPS];

G_DEFINE_FINAL_TYPE (DossierDatesItem, dossier_dates_item, G_TYPE_OBJECT)

static void
dossier_dates_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  DossierDatesItem *item = DOSSIER_DATES_ITEM (object);

  if (prop_id == ITEM_PROP_CHECKED)
    g_value_set_boolean (value, item->checked);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
dossier_dates_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  DossierDatesItem *item = DOSSIER_DATES_ITEM (object);

  if (prop_id == ITEM_PROP_CHECKED)
    {
      gboolean checked = g_value_get_boolean (value);

      if (checked != item->checked)
        {
          item->checked = checked;
          g_object_notify_by_pspec (object, pspec);
        }
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
dossier_dates_item_finalize (GObject *object)
{
  DossierDatesItem *item = DOSSIER_DATES_ITEM (object);

  g_free (item->title);
  g_free (item->subtitle);
  g_free (item->label);
  G_OBJECT_CLASS (dossier_dates_item_parent_class)->finalize (object);
}

static void
dossier_dates_item_class_init (DossierDatesItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = dossier_dates_item_get_property;
  object_class->set_property = dossier_dates_item_set_property;
  object_class->finalize = dossier_dates_item_finalize;
  item_props[ITEM_PROP_CHECKED] = g_param_spec_boolean ("checked", NULL, NULL, FALSE,
                                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                        G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_ITEM_PROPS, item_props);
}

static void
dossier_dates_item_init (DossierDatesItem *item)
{
}

static DossierDatesItem *
item_new (const DossierStoredSuggestion *s)
{
  DossierDatesItem *item = g_object_new (DOSSIER_TYPE_DATES_ITEM, NULL);
  g_autofree char *date = dossier_format_suggested_date (&s->date);
  g_autoptr(GString) sub = g_string_new (NULL);

  item->id = s->article_id;
  item->known = s->known;
  item->known_origin = s->known_origin;
  /* TRANSLATORS: a suggested date and how sure it is, as in "Fri 4 Jul 2014 · 82 %" */
  item->title = g_strdup_printf (_("%s · %d %%"), date, (int) (s->confidence * 100 + 0.5));
  g_string_append (sub, s->title ? s->title : _("Untitled"));
  for (guint i = 0; s->evidence[i] != NULL; i++)
    g_string_append_printf (sub, "\n• %s", s->evidence[i]);
  item->subtitle = g_string_free (g_steal_pointer (&sub), FALSE);
  item->label = g_strdup (s->title ? s->title : item->title);
  return item;
}

/* What Undo of a bulk Accept needs: each article's date before it */
typedef struct
{
  gint64            id;
  DossierDate       previous;
  DossierDateOrigin origin;
} Accepted;

struct _DossierDatesDialog
{
  AdwWindow        parent_instance;

  DossierLibrary  *library;
  GCancellable    *cancellable;
  GListStore      *items;        /* (element-type DossierDatesItem) */
  GHashTable      *checked;      /* the checked articles' ids, kept across reloads */
  guint            n_checked;
  gboolean         loaded;
  guint            pending;      /* dismiss and undo calls still running */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkListView     *list_view;
  GtkLabel        *summary_label;
  GtkWidget       *accept_button;
  GtkWidget       *dismiss_button;
  GtkWidget       *select_all_button;
};

G_DEFINE_FINAL_TYPE (DossierDatesDialog, dossier_dates_dialog, ADW_TYPE_WINDOW)

static void reload (DossierDatesDialog *self);

static guint
n_items (DossierDatesDialog *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->items));
}

static void
update_buttons (DossierDatesDialog *self)
{
  gtk_widget_set_sensitive (self->accept_button, self->n_checked > 0 && self->pending == 0);
  gtk_widget_set_sensitive (self->dismiss_button, self->n_checked > 0 && self->pending == 0);
  gtk_widget_set_sensitive (self->select_all_button, n_items (self) > 0);
}

static void
on_item_checked_cb (DossierDatesItem   *item,
                    GParamSpec         *pspec,
                    DossierDatesDialog *self)
{
  if (item->checked)
    g_hash_table_add (self->checked, g_memdup2 (&item->id, sizeof item->id));
  else
    g_hash_table_remove (self->checked, &item->id);
  self->n_checked = g_hash_table_size (self->checked);
  update_buttons (self);
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

/* --- the rows: made once, given an item as they scroll into view --- */

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (labels), title);
  gtk_box_append (GTK_BOX (labels), subtitle);
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), labels);
  g_object_set_data (G_OBJECT (list_item), "dossier-check", check);
  g_object_set_data (G_OBJECT (list_item), "dossier-title", title);
  g_object_set_data (G_OBJECT (list_item), "dossier-subtitle", subtitle);
  gtk_list_item_set_child (list_item, box);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  DossierDatesItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *check = g_object_get_data (G_OBJECT (list_item), "dossier-check");
  GBinding *binding;

  gtk_label_set_label (g_object_get_data (G_OBJECT (list_item), "dossier-title"), item->title);
  gtk_label_set_label (g_object_get_data (G_OBJECT (list_item), "dossier-subtitle"), item->subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, item->label, -1);
  binding = g_object_bind_property (item, "checked", check, "active",
                                    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_set_data (G_OBJECT (list_item), "dossier-binding", binding);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  GBinding *binding = g_object_steal_data (G_OBJECT (list_item), "dossier-binding");

  if (binding != NULL)
    g_binding_unbind (binding);
}

/* Enter or a click on a row checks it or not */
static void
on_row_activate_cb (GtkListView        *view,
                    guint               position,
                    DossierDatesDialog *self)
{
  g_autoptr(DossierDatesItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), position);

  if (item != NULL)
    g_object_set (item, "checked", !item->checked, NULL);
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
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *text = NULL;

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

  /* every suggestion, however many: the list view makes rows only for
   * those in sight; those checked before stay checked */
  for (guint i = 0; i < open->len; i++)
    {
      DossierDatesItem *item = item_new (g_ptr_array_index (open, i));

      item->checked = g_hash_table_contains (self->checked, &item->id);
      g_ptr_array_add (items, item);
    }
  g_hash_table_remove_all (self->checked);
  for (guint i = 0; i < items->len; i++)
    {
      DossierDatesItem *item = g_ptr_array_index (items, i);

      if (item->checked)
        g_hash_table_add (self->checked, g_memdup2 (&item->id, sizeof item->id));
      g_signal_connect_object (item, "notify::checked", G_CALLBACK (on_item_checked_cb), self, 0);
    }
  self->n_checked = g_hash_table_size (self->checked);
  g_list_store_splice (self->items, 0, n_items (self), items->pdata, items->len);

  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u suggestion, most confident first",
                                       "%u suggestions, most confident first", open->len),
                          open->len);
  gtk_label_set_label (self->summary_label, text);
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

/* (element-type Accepted) the checked items */
static GArray *
checked_items (DossierDatesDialog *self)
{
  GArray *checked = g_array_new (FALSE, FALSE, sizeof (Accepted));

  for (guint i = 0; i < n_items (self); i++)
    {
      g_autoptr(DossierDatesItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (item->checked)
        {
          Accepted a = { item->id, item->known, item->known_origin };

          g_array_append_val (checked, a);
        }
    }
  return checked;
}

static GArray *
ids_of (GArray *accepted)
{
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), accepted->len);

  for (guint i = 0; i < accepted->len; i++)
    g_array_append_val (ids, g_array_index (accepted, Accepted, i).id);
  return ids;
}

static void
on_unaccepted_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  DossierDatesDialog *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!dossier_dates_unaccept_finish (DOSSIER_LIBRARY (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
  if (--self->pending == 0)
    reload (self);
  g_object_unref (self);
}

/* Undo: each article's date as it was, its suggestion open again */
static void
on_undo_accept_cb (AdwToast           *toast,
                   DossierDatesDialog *self)
{
  GArray *accepted = g_object_get_data (G_OBJECT (toast), "dossier-accepted");

  for (guint i = 0; i < accepted->len; i++)
    {
      Accepted *a = &g_array_index (accepted, Accepted, i);

      self->pending++;
      dossier_dates_unaccept_async (self->library, a->id, &a->previous, a->origin, self->cancellable,
                                    on_unaccepted_cb, g_object_ref (self));
    }
  update_buttons (self);
}

static void
on_accepted_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  AdwToast *toast = user_data;
  DossierDatesDialog *self = g_object_get_data (G_OBJECT (toast), "dossier-dialog");
  g_autoptr(GError) error = NULL;
  gint64 n = dossier_dates_accept_many_finish (DOSSIER_LIBRARY (source), result, &error);

  if (n < 0)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d date accepted",
                                                            "%d dates accepted", n), (int) n);

      adw_toast_set_title (toast, text);
      adw_toast_set_button_label (toast, _("_Undo"));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_undo_accept_cb), self, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
    }
  g_object_unref (self);
  g_object_unref (toast);
}

void
dossier_dates_dialog_accept_selected (DossierDatesDialog *self)
{
  g_autoptr(GArray) accepted = NULL;
  g_autoptr(GArray) ids = NULL;
  AdwToast *toast;

  g_return_if_fail (DOSSIER_IS_DATES_DIALOG (self));

  accepted = checked_items (self);
  if (accepted->len == 0)
    return;
  ids = ids_of (accepted);
  gtk_widget_set_sensitive (self->accept_button, FALSE);
  gtk_widget_set_sensitive (self->dismiss_button, FALSE);
  toast = adw_toast_new ("");
  adw_toast_set_timeout (toast, 10);
  g_object_set_data (G_OBJECT (toast), "dossier-dialog", self);
  g_object_set_data_full (G_OBJECT (toast), "dossier-accepted", g_steal_pointer (&accepted),
                          (GDestroyNotify) g_array_unref);
  g_object_ref (self);
  /* the library's ::changed reads the list again */
  dossier_dates_accept_many_async (self->library, (const gint64 *) (gpointer) ids->data, ids->len,
                                   self->cancellable, on_accepted_cb, g_object_ref_sink (toast));
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
  g_autoptr(GArray) checked = checked_items (self);
  g_autoptr(GArray) ids = ids_of (checked);

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
  gboolean all = self->n_checked == n_items (self);

  for (guint i = 0; i < n_items (self); i++)
    {
      g_autoptr(DossierDatesItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      g_object_set (item, "checked", !all, NULL);
    }
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
  g_clear_object (&self->items);
  g_hash_table_unref (self->checked);

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
  gtk_widget_class_bind_template_child (widget_class, DossierDatesDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, DossierDatesDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, DossierDatesDialog, accept_button);
  gtk_widget_class_bind_template_child (widget_class, DossierDatesDialog, dismiss_button);
  gtk_widget_class_bind_template_child (widget_class, DossierDatesDialog, select_all_button);
  gtk_widget_class_bind_template_callback (widget_class, on_accept_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_dismiss_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_select_all_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activate_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
dossier_dates_dialog_init (DossierDatesDialog *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->items = g_list_store_new (DOSSIER_TYPE_DATES_ITEM);
  self->checked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  {
    GtkNoSelection *selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->items)));

    gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
    g_object_unref (selection);
  }
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
  return n_items (self);
}

gint64
dossier_dates_dialog_get_row_article (DossierDatesDialog *self,
                                      guint               index)
{
  g_autoptr(DossierDatesItem) item = NULL;

  g_return_val_if_fail (DOSSIER_IS_DATES_DIALOG (self), 0);
  item = g_list_model_get_item (G_LIST_MODEL (self->items), index);
  return item != NULL ? item->id : 0;
}

void
dossier_dates_dialog_set_checked (DossierDatesDialog *self,
                                  guint               index,
                                  gboolean            checked)
{
  g_autoptr(DossierDatesItem) item = NULL;

  g_return_if_fail (DOSSIER_IS_DATES_DIALOG (self));
  g_return_if_fail (index < n_items (self));

  item = g_list_model_get_item (G_LIST_MODEL (self->items), index);
  g_object_set (item, "checked", checked, NULL);
}
