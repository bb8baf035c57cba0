/* dossier-people-view.c — the People section: people by how often they
 * are quoted or mentioned, with a sparkline of their quotes over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is one query for its first rows (DOSSIER_PEOPLE_VIEW_LIMIT),
 * shown at once; the rows' sparklines follow in a second call.  A newer
 * reload cancels both.
 */
#define G_LOG_DOMAIN "dossier-people-view"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>

#include "dossier-people-view.h"
#include "dossier-people-overview.h"
#include "dossier-sparkline.h"
#include "dossier-store.h"

struct _DossierPeopleView
{
  GtkBox          parent_instance;

  DossierLibrary *library;
  GCancellable   *cancellable;
  GtkWidget      *search;
  GtkStack       *stack;
  GtkListBox     *list;
  GtkWidget      *status;
  GtkWidget      *more;
  guint           search_id;
  gboolean        loaded;
  gboolean        sparks_loaded;
  gboolean        stale;   /* the library changed while the list was hidden */
};

G_DEFINE_FINAL_TYPE (DossierPeopleView, dossier_people_view, GTK_TYPE_BOX)

enum { PERSON_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static GtkWidget *
make_row (DossierPersonSummary *p)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (p->name);
  GtkWidget *counts;
  GtkWidget *spark = dossier_sparkline_new ();
  guint n_quotes = (guint) MIN (p->quotes, G_MAXUINT);
  guint n_mentions = (guint) MIN (p->mentions, G_MAXUINT);
  g_autofree char *quotes = g_strdup_printf (g_dngettext (NULL, "%u quote", "%u quotes", n_quotes), n_quotes);
  g_autofree char *mentions = g_strdup_printf (g_dngettext (NULL, "%u article", "%u articles", n_mentions), n_mentions);
  /* TRANSLATORS: a person's counts in the People list, "12 quotes · 40 articles" */
  g_autofree char *line = g_strdup_printf (_("%s · %s"), quotes, mentions);

  gtk_widget_set_name (name, "name");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  counts = gtk_label_new (line);
  gtk_widget_set_name (counts, "counts");
  gtk_label_set_xalign (GTK_LABEL (counts), 0);
  gtk_label_set_ellipsize (GTK_LABEL (counts), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (counts, "caption");
  gtk_widget_add_css_class (counts, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (text), name);
  gtk_box_append (GTK_BOX (text), counts);
  gtk_widget_set_valign (spark, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (spark, _("Quotes over time"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (spark), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quotes over time"), -1);
  gtk_widget_set_visible (spark, p->quotes > 0);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), spark);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, p->name, -1);
  g_object_set_data (G_OBJECT (row), "dossier-person-id", GSIZE_TO_POINTER ((gsize) p->id));
  g_object_set_data_full (G_OBJECT (row), "dossier-person-name", g_strdup (p->name), g_free);
  g_object_set_data (G_OBJECT (row), "dossier-sparkline", spark);
  return row;
}

static void
on_sparklines_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  DossierPeopleView *self;
  GtkWidget *row;
  guint i = 0;

  lines = dossier_people_overview_sparklines_finish (DOSSIER_LIBRARY (source), result, &error);
  if (lines == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not read the quotes over time: %s", error->message);
      return;
    }
  self = user_data;
  /* the rows are in the order of the ids asked for */
  for (row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL && i < lines->len; row = gtk_widget_get_next_sibling (row))
    {
      DossierPersonSpark *line = &g_array_index (lines, DossierPersonSpark, i);
      GtkWidget *spark = g_object_get_data (G_OBJECT (row), "dossier-sparkline");

      if (spark == NULL || (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "dossier-person-id")) != line->person_id)
        continue;
      dossier_sparkline_set_values (DOSSIER_SPARKLINE (spark), line->buckets, DOSSIER_SPARK_BUCKETS);
      i++;
    }
  self->sparks_loaded = TRUE;
}

static void
on_list_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(DossierPeopleList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  DossierPeopleView *self;
  GtkWidget *child;
  const char *search;

  list = dossier_people_overview_list_finish (DOSSIER_LIBRARY (source), result, &error);
  if (list == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Could not list the people: %s", error->message);
      return;
    }
  self = user_data;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < list->people->len; i++)
    {
      DossierPersonSummary *p = g_ptr_array_index (list->people, i);

      gtk_list_box_append (self->list, make_row (p));
      if (p->quotes > 0)
        g_array_append_val (ids, p->id);
    }
  search = gtk_editable_get_text (GTK_EDITABLE (self->search));
  if (list->people->len == 0)
    {
      adw_status_page_set_title (ADW_STATUS_PAGE (self->status),
                                 *search != '\0' ? _("No One Found") : _("No People Yet"));
      adw_status_page_set_description (ADW_STATUS_PAGE (self->status),
                                       *search != '\0' ? _("No name or spelling of a name contains the search")
                                       : _("People quoted or named in the articles appear here once their quotes are found"));
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_set_visible (self->more, list->people->len >= DOSSIER_PEOPLE_VIEW_LIMIT);
  self->loaded = TRUE;
  if (ids->len == 0)
    {
      self->sparks_loaded = TRUE;
      return;
    }
  dossier_people_overview_sparklines_async (self->library, (const gint64 *) ids->data, ids->len,
                                        list->first_jd, list->last_jd, self->cancellable,
                                        on_sparklines_cb, self);
}

void
dossier_people_view_reload (DossierPeopleView *self)
{
  g_return_if_fail (DOSSIER_IS_PEOPLE_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loaded = self->sparks_loaded = self->stale = FALSE;
  dossier_people_overview_list_async (self->library, gtk_editable_get_text (GTK_EDITABLE (self->search)),
                                  DOSSIER_PEOPLE_VIEW_LIMIT, self->cancellable, on_list_cb, self);
}

/* a hidden list is read again when it shows, not at every change */
static void
on_library_changed_cb (DossierPeopleView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    dossier_people_view_reload (self);
  else
    self->stale = TRUE;
}

static void
on_map_cb (DossierPeopleView *self)
{
  if (self->stale)
    dossier_people_view_reload (self);
}

static void
on_search_changed_cb (DossierPeopleView *self)
{
  dossier_people_view_reload (self);
}

static void
on_row_activated_cb (GtkListBox        *list,
                     GtkListBoxRow     *row,
                     DossierPeopleView *self)
{
  gint64 id = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "dossier-person-id"));

  g_signal_emit (self, signals[PERSON_ACTIVATED], 0, id,
                 (const char *) g_object_get_data (G_OBJECT (row), "dossier-person-name"));
}

static void
dossier_people_view_dispose (GObject *object)
{
  DossierPeopleView *self = DOSSIER_PEOPLE_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->library != NULL)
    g_signal_handlers_disconnect_by_data (self->library, self);
  g_clear_object (&self->library);
  G_OBJECT_CLASS (dossier_people_view_parent_class)->dispose (object);
}

static void
dossier_people_view_class_init (DossierPeopleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = dossier_people_view_dispose;
  signals[PERSON_ACTIVATED] = g_signal_new ("person-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
}

static void
dossier_people_view_init (DossierPeopleView *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  self->search = gtk_search_entry_new ();
  g_object_set (self->search, "placeholder-text", _("Search people"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search people"), -1);
  gtk_widget_set_margin_start (self->search, 6);
  gtk_widget_set_margin_end (self->search, 6);
  gtk_widget_set_margin_top (self->search, 6);
  gtk_widget_set_margin_bottom (self->search, 6);
  gtk_box_append (GTK_BOX (bar), self->search);
  gtk_box_append (GTK_BOX (self), bar);
  g_signal_connect_swapped (self->search, "search-changed", G_CALLBACK (on_search_changed_cb), self);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("People"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  self->more = gtk_label_new (_("Only the most quoted are listed; search to find the others."));
  gtk_label_set_wrap (GTK_LABEL (self->more), TRUE);
  gtk_widget_add_css_class (self->more, "dim-label");
  gtk_widget_add_css_class (self->more, "caption");
  gtk_widget_set_margin_top (self->more, 12);
  gtk_widget_set_margin_bottom (self->more, 12);
  gtk_widget_set_margin_start (self->more, 12);
  gtk_widget_set_margin_end (self->more, 12);
  gtk_widget_set_visible (self->more, FALSE);
  gtk_box_append (GTK_BOX (box), self->more);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);

  self->status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (self->status), "avatar-default-symbolic");
  gtk_widget_add_css_class (self->status, "compact");

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, self->status, "empty");
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->stack));
}

GtkWidget *
dossier_people_view_new (DossierLibrary *library)
{
  DossierPeopleView *self;

  g_return_val_if_fail (DOSSIER_IS_LIBRARY (library), NULL);

  self = g_object_new (DOSSIER_TYPE_PEOPLE_VIEW, NULL);
  self->library = g_object_ref (library);
  g_signal_connect_swapped (library, "changed", G_CALLBACK (on_library_changed_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  /* read when first shown: the sparklines of a large library keep the
   * store busy for a while */
  self->stale = TRUE;
  return GTK_WIDGET (self);
}

gboolean
dossier_people_view_get_loaded (DossierPeopleView *self)
{
  g_return_val_if_fail (DOSSIER_IS_PEOPLE_VIEW (self), FALSE);

  return self->loaded;
}

gboolean
dossier_people_view_get_sparklines_loaded (DossierPeopleView *self)
{
  g_return_val_if_fail (DOSSIER_IS_PEOPLE_VIEW (self), FALSE);

  return self->loaded && self->sparks_loaded;
}

GtkListBox *
dossier_people_view_get_list (DossierPeopleView *self)
{
  g_return_val_if_fail (DOSSIER_IS_PEOPLE_VIEW (self), NULL);

  return self->list;
}

GtkEditable *
dossier_people_view_get_search (DossierPeopleView *self)
{
  g_return_val_if_fail (DOSSIER_IS_PEOPLE_VIEW (self), NULL);

  return GTK_EDITABLE (self->search);
}
