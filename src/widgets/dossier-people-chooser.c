/* dossier-people-chooser.c — a popover to choose the people of the
 * timeline's lanes by person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-people-chooser.h"

#define PERSON_ID_KEY "dossier-person-id"
#define PERSON_NAME_KEY "dossier-person-name"

struct _DossierPeopleChooser
{
  GtkPopover      parent_instance;

  GtkSearchEntry *entry;
  GtkListBox     *list;
  GtkWidget      *empty;
  GArray         *hidden;     /* gint64: chosen people not offered now */
  gboolean        updating;   /* set_people: no ::changed */
};

G_DEFINE_FINAL_TYPE (DossierPeopleChooser, dossier_people_chooser, GTK_TYPE_POPOVER)

enum {
  CHANGED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       user_data)
{
  DossierPeopleChooser *self = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry));
  const char *name = g_object_get_data (G_OBJECT (row), PERSON_NAME_KEY);
  g_autofree char *needle = NULL;
  g_autofree char *hay = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  needle = g_utf8_casefold (text, -1);
  hay = g_utf8_casefold (name != NULL ? name : "", -1);
  return strstr (hay, needle) != NULL;
}

static void
on_search_changed_cb (DossierPeopleChooser *self)
{
  gtk_list_box_invalidate_filter (self->list);
}

static void
on_toggled_cb (DossierPeopleChooser *self)
{
  if (!self->updating)
    g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_most_quoted_cb (DossierPeopleChooser *self)
{
  GtkListBoxRow *row;

  self->updating = TRUE;
  g_array_set_size (self->hidden, 0);
  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      GtkWidget *check = gtk_list_box_row_get_child (row);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
    }
  self->updating = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Enter in the search: check (or uncheck) the first person shown */
static void
on_search_activate_cb (DossierPeopleChooser *self)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    if (gtk_widget_get_child_visible (GTK_WIDGET (row)))
      {
        GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_box_row_get_child (row));

        gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
        return;
      }
}

static void
dossier_people_chooser_finalize (GObject *object)
{
  DossierPeopleChooser *self = DOSSIER_PEOPLE_CHOOSER (object);

  g_array_unref (self->hidden);
  G_OBJECT_CLASS (dossier_people_chooser_parent_class)->finalize (object);
}

static void
dossier_people_chooser_class_init (DossierPeopleChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_people_chooser_finalize;

  /**
   * DossierPeopleChooser::changed:
   *
   * The person checked or unchecked someone, or chose "Most Quoted".
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
dossier_people_chooser_init (DossierPeopleChooser *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *title = gtk_label_new (_("People on the Timeline"));
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *reset = gtk_button_new_with_mnemonic (_("_Most Quoted"));

  self->hidden = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (box), title);

  self->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_search_entry_set_key_capture_widget (self->entry, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search people"), -1);
  g_object_set (self->entry, "placeholder-text", _("Search people"), NULL);
  g_signal_connect_swapped (self->entry, "search-changed", G_CALLBACK (on_search_changed_cb), self);
  g_signal_connect_swapped (self->entry, "activate", G_CALLBACK (on_search_activate_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->entry));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("People most quoted in the list"), -1);
  self->empty = gtk_label_new (_("No one is quoted in the list"));
  gtk_widget_add_css_class (self->empty, "dim-label");
  gtk_widget_set_margin_top (self->empty, 12);
  gtk_widget_set_margin_bottom (self->empty, 12);
  gtk_list_box_set_placeholder (self->list, self->empty);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 240);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_box_append (GTK_BOX (box), scrolled);

  gtk_widget_set_tooltip_text (reset, _("Show the five people most quoted in the list"));
  g_signal_connect_swapped (reset, "clicked", G_CALLBACK (on_most_quoted_cb), self);
  gtk_box_append (GTK_BOX (box), reset);

  gtk_popover_set_child (GTK_POPOVER (self), box);
}

GtkWidget *
dossier_people_chooser_new (void)
{
  return g_object_new (DOSSIER_TYPE_PEOPLE_CHOOSER, NULL);
}

void
dossier_people_chooser_set_people (DossierPeopleChooser *self,
                                   GPtrArray            *offered,
                                   const gint64         *shown,
                                   guint                 n_shown)
{
  g_autoptr(GHashTable) checked = g_hash_table_new (g_int64_hash, g_int64_equal);
  GtkListBoxRow *row;

  g_return_if_fail (DOSSIER_IS_PEOPLE_CHOOSER (self));

  self->updating = TRUE;
  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  for (guint i = 0; i < n_shown; i++)
    g_hash_table_add (checked, (gpointer) &shown[i]);
  for (guint i = 0; offered != NULL && i < offered->len; i++)
    {
      DossierPersonSummary *p = g_ptr_array_index (offered, i);
      guint n = (guint) MIN (p->quotes, G_MAXUINT);
      g_autofree char *label = g_strdup_printf (ngettext ("%s (%u quote)", "%s (%u quotes)", n), p->name, n);
      GtkWidget *check = gtk_check_button_new_with_label (label);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_remove (checked, &p->id));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_toggled_cb), self);
      gtk_list_box_append (self->list, check);
      row = GTK_LIST_BOX_ROW (gtk_widget_get_parent (check));
      g_object_set_data_full (G_OBJECT (row), PERSON_ID_KEY, g_memdup2 (&p->id, sizeof p->id), g_free);
      g_object_set_data_full (G_OBJECT (row), PERSON_NAME_KEY, g_strdup (p->name), g_free);
    }
  /* chosen people the list does not quote stay chosen */
  g_array_set_size (self->hidden, 0);
  for (guint i = 0; i < n_shown; i++)
    if (g_hash_table_contains (checked, &shown[i]))
      g_array_append_val (self->hidden, shown[i]);
  self->updating = FALSE;
}

GArray *
dossier_people_chooser_get_chosen (DossierPeopleChooser *self)
{
  GArray *chosen = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkListBoxRow *row;

  g_return_val_if_fail (DOSSIER_IS_PEOPLE_CHOOSER (self), chosen);

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->list, i)) != NULL; i++)
    {
      GtkWidget *check = gtk_list_box_row_get_child (row);
      gint64 *id = g_object_get_data (G_OBJECT (row), PERSON_ID_KEY);

      if (id != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        g_array_append_val (chosen, *id);
    }
  if (chosen->len > 0)
    g_array_append_vals (chosen, self->hidden->data, self->hidden->len);
  return chosen;
}
