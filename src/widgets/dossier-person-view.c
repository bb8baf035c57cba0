/* dossier-person-view.c — a person's page: their quotes in time order,
 * the people quoted beside them, and exporting the quotes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The page's call reads the ids of all the person's quotes but the
 * sentences of the first page of them only, and the people quoted beside
 * follow in a call of their own; the next page is read as the
 * list scrolls near its end (or with "Show More"), so a much-quoted
 * person's page fills in as fast as a rarely quoted one's.
 */
#define G_LOG_DOMAIN "dossier-person-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-person-view.h"
#include "dossier-people-overview.h"
#include "dossier-store.h"

#define ROWS_AT_ONCE 50
#define N_BESIDE 12

struct _DossierPersonView
{
  GtkBox             parent_instance;

  DossierLibrary    *library;
  GCancellable      *cancellable;
  gint64             person;
  char              *name;
  DossierPersonPage *page;
  GPtrArray         *shown;     /* (element-type DossierPersonQuote): the rows' quotes */
  GCancellable      *more_cancellable;  /* the next page being read, or NULL */
  gboolean           loaded;

  GtkWidget         *title;
  GtkWidget         *subtitle;
  GtkWidget         *beside_title;
  GtkWidget         *beside;
  GtkListBox        *list;
  GtkWidget         *more;
  GtkWidget         *scrolled;
  GtkWidget         *timeline_button;  /* win.show-person-on-timeline */
};

G_DEFINE_FINAL_TYPE (DossierPersonView, dossier_person_view, GTK_TYPE_BOX)

enum { QUOTE_ACTIVATED, PERSON_ACTIVATED, EXPORT, N_SIGNALS };
static guint signals[N_SIGNALS];

/* @context with the characters [@start, @end) in bold, as markup */
static char *
context_markup (const char *context,
                int         start,
                int         end)
{
  glong n = g_utf8_strlen (context, -1);
  const char *s = g_utf8_offset_to_pointer (context, CLAMP (start, 0, n));
  const char *e = g_utf8_offset_to_pointer (context, CLAMP (end, CLAMP (start, 0, n), n));
  g_autofree char *before = g_markup_escape_text (context, s - context);
  g_autofree char *quote = g_markup_escape_text (s, e - s);
  g_autofree char *after = g_markup_escape_text (e, -1);

  return g_strconcat (before, "<b>", quote, "</b>", after, NULL);
}

static GtkWidget *
make_quote_row (DossierPersonQuote *q)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *markup = context_markup (q->context, q->context_start, q->context_end);
  /* TRANSLATORS: above a quote: its article's date and source, "2014-07-04 · Reuters" */
  g_autofree char *where = g_strdup_printf (_("%s · %s"),
                                            q->published != NULL ? q->published : _("Undated"),
                                            q->source != NULL && *q->source != '\0' ? q->source : q->title);
  GtkWidget *meta = gtk_label_new (where);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_widget_set_name (meta, "where");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_ellipsize (GTK_LABEL (meta), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_set_tooltip_text (meta, q->title);
  gtk_widget_set_name (text, "context");
  gtk_label_set_markup (GTK_LABEL (text), markup);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, q->text, -1);
  g_object_set_data (G_OBJECT (row), "dossier-quote", q);
  return row;
}

static void
update_more (DossierPersonView *self)
{
  gtk_widget_set_visible (self->more, self->page != NULL && self->shown->len < self->page->quote_ids->len);
  gtk_widget_set_sensitive (self->more, self->more_cancellable == NULL);
}

static void
append_rows (DossierPersonView *self,
             GPtrArray         *quotes)
{
  gsize n = 0;
  g_autofree gpointer *items = g_ptr_array_steal (quotes, &n);

  for (gsize i = 0; i < n; i++)
    {
      gtk_list_box_append (self->list, make_quote_row (items[i]));
      g_ptr_array_add (self->shown, items[i]);
    }
}

static void
on_more_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) quotes = NULL;
  DossierPersonView *self;

  quotes = dossier_people_overview_quotes_finish (DOSSIER_LIBRARY (source), result, &error);
  if (quotes == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  g_clear_object (&self->more_cancellable);
  if (quotes == NULL)
    {
      g_warning ("Could not read the quotes: %s", error->message);
      /* the ids left cannot be read: the page ends here */
      g_array_set_size (self->page->quote_ids, self->shown->len);
    }
  else if (quotes->len == 0)
    /* gone since their ids were read: what is left is shown */
    g_array_set_size (self->page->quote_ids, self->shown->len);
  else
    append_rows (self, quotes);
  update_more (self);
}

/* Reads the next page of rows unless one is being read or all show. */
static void
show_more (DossierPersonView *self)
{
  GArray *ids;
  guint n;

  if (self->page == NULL || self->more_cancellable != NULL)
    return;
  ids = self->page->quote_ids;
  if (self->shown->len >= ids->len)
    return;
  n = MIN (ids->len - self->shown->len, ROWS_AT_ONCE);
  self->more_cancellable = g_cancellable_new ();
  dossier_people_overview_quotes_async (self->library, &g_array_index (ids, gint64, self->shown->len), n,
                                        self->more_cancellable, on_more_cb, self);
  update_more (self);
}

/* the next page is read while a screenful of rows is still below */
static void
on_scrolled_cb (GtkAdjustment     *adj,
                DossierPersonView *self)
{
  double left = gtk_adjustment_get_upper (adj) - gtk_adjustment_get_value (adj) - gtk_adjustment_get_page_size (adj);

  if (left < gtk_adjustment_get_page_size (adj))
    show_more (self);
}

static void
on_beside_clicked_cb (GtkButton         *button,
                      DossierPersonView *self)
{
  g_signal_emit (self, signals[PERSON_ACTIVATED], 0,
                 (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "dossier-person-id")),
                 gtk_button_get_label (button));
}

static void
clear (DossierPersonView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  while ((child = gtk_widget_get_first_child (self->beside)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->beside), child);
  gtk_widget_set_visible (self->beside_title, FALSE);
  gtk_widget_set_visible (self->beside, FALSE);
  g_cancellable_cancel (self->more_cancellable);
  g_clear_object (&self->more_cancellable);
  g_clear_pointer (&self->page, dossier_person_page_free);
  g_ptr_array_set_size (self->shown, 0);
}

/* the people beside follow the quotes: the page is complete with them */
static void
on_beside_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) beside = NULL;
  DossierPersonView *self;

  beside = dossier_people_overview_beside_finish (DOSSIER_LIBRARY (source), result, &error);
  if (beside == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the people quoted beside: %s", error->message);
      return;
    }
  self = user_data;
  for (guint i = 0; i < beside->len; i++)
    {
      DossierPersonSummary *p = g_ptr_array_index (beside, i);
      GtkWidget *button = gtk_button_new_with_label (p->name);
      guint n = (guint) MIN (p->quotes, G_MAXUINT);
      g_autofree char *tip = g_strdup_printf (g_dngettext (NULL, "Quoted beside in %u article",
                                                           "Quoted beside in %u articles", n), n);

      gtk_widget_add_css_class (button, "pill");
      gtk_widget_add_css_class (button, "small");
      gtk_widget_set_tooltip_text (button, tip);
      g_object_set_data (G_OBJECT (button), "dossier-person-id", GSIZE_TO_POINTER ((gsize) p->id));
      g_signal_connect (button, "clicked", G_CALLBACK (on_beside_clicked_cb), self);
      gtk_flow_box_append (GTK_FLOW_BOX (self->beside), button);
    }
  gtk_widget_set_visible (self->beside_title, beside->len > 0);
  gtk_widget_set_visible (self->beside, beside->len > 0);
  self->loaded = TRUE;
}

static void
on_page_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  DossierPersonPage *page;
  DossierPersonView *self;
  g_autofree char *count = NULL;

  page = dossier_people_overview_page_finish (DOSSIER_LIBRARY (source), result, &error);
  if (page == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the quotes: %s", error->message);
      return;
    }
  self = user_data;
  clear (self);
  self->page = page;
  count = g_strdup_printf (g_dngettext (NULL, "%u quote", "%u quotes", page->quote_ids->len),
                           page->quote_ids->len);
  gtk_label_set_text (GTK_LABEL (self->subtitle), count);
  append_rows (self, page->quotes);
  update_more (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), 0);
  dossier_people_overview_beside_async (self->library, self->person, N_BESIDE, self->cancellable,
                                        on_beside_cb, self);
}

void
dossier_person_view_set_person (DossierPersonView *self,
                                gint64             id,
                                const char        *name)
{
  char *copy;

  g_return_if_fail (DOSSIER_IS_PERSON_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->person = id;
  /* @name may be the page's own (its title, given again): copied first */
  copy = g_strdup (name != NULL ? name : "");
  g_free (self->name);
  self->name = copy;
  self->loaded = FALSE;
  gtk_label_set_text (GTK_LABEL (self->title), self->name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->timeline_button), g_variant_new_int64 (id));
  dossier_people_overview_page_async (self->library, id, ROWS_AT_ONCE, 0, self->cancellable,
                                      on_page_cb, self);
}

static void
on_row_activated_cb (GtkListBox        *list,
                     GtkListBoxRow     *row,
                     DossierPersonView *self)
{
  DossierPersonQuote *q = g_object_get_data (G_OBJECT (row), "dossier-quote");

  if (q != NULL)
    g_signal_emit (self, signals[QUOTE_ACTIVATED], 0, q->article_id, q->start, q->end);
}

static void
export_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[EXPORT], 0, g_variant_get_string (param, NULL));
}

static void
on_library_changed_cb (DossierPersonView *self)
{
  /* corrections and new quotes show on the page open */
  if (self->person > 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    dossier_person_view_set_person (self, self->person, self->name);
}

static void
dossier_person_view_dispose (GObject *object)
{
  DossierPersonView *self = DOSSIER_PERSON_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->more_cancellable);
  g_clear_object (&self->more_cancellable);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  g_clear_pointer (&self->page, dossier_person_page_free);
  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->name, g_free);
  G_OBJECT_CLASS (dossier_person_view_parent_class)->dispose (object);
}

static void
dossier_person_view_class_init (DossierPersonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_person_view_dispose;
  signals[QUOTE_ACTIVATED] = g_signal_new ("quote-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                           G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64);
  signals[PERSON_ACTIVATED] = g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  signals[EXPORT] = g_signal_new ("export", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  gtk_widget_class_install_action (widget_class, "person.export", "s", export_action);
}

static void
dossier_person_view_init (DossierPersonView *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *export = gtk_menu_button_new ();
  GtkWidget *quotes_title;
  g_autoptr(GMenu) menu = g_menu_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->shown = g_ptr_array_new_with_free_func ((GDestroyNotify) dossier_person_quote_free);
  self->title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->title, "title-1");
  gtk_label_set_xalign (GTK_LABEL (self->title), 0);
  gtk_label_set_wrap (GTK_LABEL (self->title), TRUE);
  self->subtitle = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->subtitle, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->subtitle), 0);
  gtk_box_append (GTK_BOX (names), self->title);
  gtk_box_append (GTK_BOX (names), self->subtitle);
  gtk_widget_set_hexpand (names, TRUE);
  g_menu_append (menu, _("As _Markdown…"), "person.export::markdown");
  g_menu_append (menu, _("As _CSV…"), "person.export::csv");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export), G_MENU_MODEL (menu));
  gtk_menu_button_set_label (GTK_MENU_BUTTON (export), _("_Export Quotes"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (export), TRUE);
  gtk_widget_set_valign (export, GTK_ALIGN_CENTER);
  self->timeline_button = gtk_button_new_with_mnemonic (_("Show on _Timeline"));
  gtk_widget_set_tooltip_text (self->timeline_button, _("Add a lane of this person’s quotes to the timeline"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->timeline_button), "win.show-person-on-timeline");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->timeline_button), g_variant_new_int64 (0));
  gtk_widget_set_valign (self->timeline_button, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), names);
  gtk_box_append (GTK_BOX (header), self->timeline_button);
  gtk_box_append (GTK_BOX (header), export);
  gtk_box_append (GTK_BOX (box), header);

  self->beside_title = gtk_label_new (_("Quoted in the Same Articles"));
  gtk_widget_add_css_class (self->beside_title, "heading");
  gtk_label_set_xalign (GTK_LABEL (self->beside_title), 0);
  gtk_box_append (GTK_BOX (box), self->beside_title);
  self->beside = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->beside), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->beside), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->beside), 6);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->beside), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->beside), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Quoted in the Same Articles"), -1);
  gtk_box_append (GTK_BOX (box), self->beside);

  quotes_title = gtk_label_new (_("Quotes"));
  gtk_widget_add_css_class (quotes_title, "heading");
  gtk_label_set_xalign (GTK_LABEL (quotes_title), 0);
  gtk_box_append (GTK_BOX (box), quotes_title);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quotes"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  self->more = gtk_button_new_with_mnemonic (_("Show _More"));
  gtk_widget_set_halign (self->more, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->more, "pill");
  gtk_widget_set_visible (self->more, FALSE);
  g_signal_connect_swapped (self->more, "clicked", G_CALLBACK (show_more), self);
  gtk_box_append (GTK_BOX (box), self->more);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_widget_set_vexpand (self->scrolled, TRUE);
  g_signal_connect (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), "value-changed",
                    G_CALLBACK (on_scrolled_cb), self);
  gtk_box_append (GTK_BOX (self), self->scrolled);
}

GtkWidget *
dossier_person_view_new (DossierLibrary *library)
{
  DossierPersonView *self;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  self = g_object_new (DOSSIER_TYPE_PERSON_VIEW, NULL);
  self->library = g_object_ref (library);
  g_signal_connect_swapped (library, "changed", G_CALLBACK (on_library_changed_cb), self);
  return GTK_WIDGET (self);
}

gint64
dossier_person_view_get_person (DossierPersonView *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON_VIEW (self), 0);
  return self->person;
}

const char *
dossier_person_view_get_name (DossierPersonView *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON_VIEW (self), NULL);
  return self->name;
}

gboolean
dossier_person_view_get_loaded (DossierPersonView *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON_VIEW (self), FALSE);
  return self->loaded;
}

GPtrArray *
dossier_person_view_get_quotes (DossierPersonView *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON_VIEW (self), NULL);
  return self->page != NULL ? self->shown : NULL;
}

GArray *
dossier_person_view_get_quote_ids (DossierPersonView *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON_VIEW (self), NULL);
  return self->page != NULL ? self->page->quote_ids : NULL;
}

GtkListBox *
dossier_person_view_get_list (DossierPersonView *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON_VIEW (self), NULL);
  return self->list;
}

GtkWidget *
dossier_person_view_get_beside (DossierPersonView *self)
{
  g_return_val_if_fail (DOSSIER_IS_PERSON_VIEW (self), NULL);
  return self->beside;
}
