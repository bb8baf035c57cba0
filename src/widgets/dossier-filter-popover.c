/* dossier-filter-popover.c — narrow the article list by source, tag, date
 * and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-filter-popover"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-filter-popover.h"
#include "dossier-date.h"

struct _DossierFilterPopover
{
  GtkPopover      parent_instance;

  DossierSearch  *search;
  guint           updating;  /* > 0 while code, not the user, sets widgets */

  /* Template widgets */
  GtkDropDown    *source_dropdown;
  GtkStringList  *sources;
  GtkDropDown    *tag_dropdown;
  GtkStringList  *tags;
  GtkDropDown    *person_dropdown;
  GtkStringList  *people;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkLabel       *date_hint;
  GtkCheckButton *notes_check;
  GtkCheckButton *unread_check;
  GtkWidget      *clear_button;
};

G_DEFINE_FINAL_TYPE (DossierFilterPopover, dossier_filter_popover, GTK_TYPE_POPOVER)

enum {
  PROP_0,
  PROP_SEARCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

gboolean
dossier_filter_parse_day (const char *text,
                          gboolean    last,
                          gint64     *jd)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  DossierDate d = DOSSIER_DATE_INIT;

  *jd = -1;
  if (*copy == '\0')
    return TRUE;
  if (!dossier_date_from_iso (copy, &d) && !dossier_date_parse (copy, &d))
    return FALSE;
  *jd = last ? dossier_date_to_last_julian (&d) : dossier_date_to_julian (&d);
  return *jd >= 0;
}

/* Item 0 of each list is "Any …"; the rest are the values. */
static void
fill_list (GtkDropDown        *dropdown,
           GtkStringList      *list,
           const char         *any,
           const char * const *values,
           const char         *current)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  guint selected = 0;

  g_ptr_array_add (items, (gpointer) any);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      if (current != NULL && g_ascii_strcasecmp (values[i], current) == 0)
        {
          selected = items->len;
          g_ptr_array_add (items, (gpointer) current);
        }
      else
        g_ptr_array_add (items, (gpointer) values[i]);
    }
  if (current != NULL && selected == 0)
    {
      selected = items->len;
      g_ptr_array_add (items, (gpointer) current);
    }
  g_ptr_array_add (items, NULL);
  gtk_string_list_splice (list, 0, n, (const char * const *) items->pdata);
  gtk_drop_down_set_selected (dropdown, selected);
  /* a long list gets a search field */
  gtk_drop_down_set_enable_search (dropdown, items->len > 12);
}

static char *
selected_value (GtkDropDown   *dropdown,
                GtkStringList *list)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return g_strdup (gtk_string_list_get_string (list, selected));
}

/* Selects @value, offering it if the list lacks it (NULL: "Any …"). */
static void
select_choice (DossierFilterPopover *self,
               GtkDropDown          *dropdown,
               GtkStringList        *list,
               const char           *value)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint pos = 0;

  for (guint i = 1; value != NULL && pos == 0 && i < n; i++)
    if (g_ascii_strcasecmp (gtk_string_list_get_string (list, i), value) == 0)
      pos = i;
  self->updating++;
  if (value != NULL && pos == 0)
    {
      gtk_string_list_append (list, value);
      pos = n;
    }
  gtk_drop_down_set_selected (dropdown, pos);
  self->updating--;
}

/* The range the date fields say, a reversed one turned round; FALSE while
 * either field does not read as a date. */
static gboolean
read_range (DossierFilterPopover *self,
            gint64               *from_jd,
            gint64               *to_jd)
{
  const char *from_text = gtk_editable_get_text (GTK_EDITABLE (self->from_entry));
  const char *to_text = gtk_editable_get_text (GTK_EDITABLE (self->to_entry));
  gboolean from_ok = dossier_filter_parse_day (from_text, FALSE, from_jd);
  gboolean to_ok = dossier_filter_parse_day (to_text, TRUE, to_jd);

  if (from_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
  if (to_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
  if (!from_ok || !to_ok)
    return FALSE;
  /* a reversed range means the same days: the first day of what "to"
   * covers, the last of what "from" does */
  if (*from_jd >= 0 && *to_jd >= 0 && *from_jd > *to_jd)
    {
      dossier_filter_parse_day (to_text, FALSE, from_jd);
      dossier_filter_parse_day (from_text, TRUE, to_jd);
    }
  return TRUE;
}

/* --- the search, shown --- */

static void
show_source (DossierFilterPopover *self)
{
  g_autofree char *shown = selected_value (self->source_dropdown, self->sources);
  const char *source = dossier_search_get_source (self->search);

  if (shown == NULL || source == NULL || g_ascii_strcasecmp (shown, source) != 0)
    select_choice (self, self->source_dropdown, self->sources, source);
}

static void
show_tag (DossierFilterPopover *self)
{
  g_autofree char *shown = selected_value (self->tag_dropdown, self->tags);
  const char *tag = dossier_search_get_tag (self->search);

  if (shown == NULL || tag == NULL || g_ascii_strcasecmp (shown, tag) != 0)
    select_choice (self, self->tag_dropdown, self->tags, tag);
}

static void
show_person (DossierFilterPopover *self)
{
  g_autofree char *shown = selected_value (self->person_dropdown, self->people);
  const char *person = dossier_search_get_person (self->search);

  if (shown == NULL || person == NULL || g_ascii_strcasecmp (shown, person) != 0)
    select_choice (self, self->person_dropdown, self->people, person);
}

/* The fields keep what was typed ("2012") while it means the search's
 * range; another range is written out in full. */
static void
show_range (DossierFilterPopover *self)
{
  gint64 from_jd = dossier_search_get_range_from (self->search);
  gint64 to_jd = dossier_search_get_range_to (self->search);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  gint64 typed_from, typed_to;

  if (read_range (self, &typed_from, &typed_to) && typed_from == from_jd && typed_to == to_jd)
    return;
  from = dossier_date_julian_to_iso (from_jd);
  to = dossier_date_julian_to_iso (to_jd);
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
  self->updating--;
  read_range (self, &typed_from, &typed_to);
}

/* --- the user's choices --- */

static void
on_dropdown_changed_cb (DossierFilterPopover *self)
{
  g_autofree char *source = selected_value (self->source_dropdown, self->sources);
  g_autofree char *tag = selected_value (self->tag_dropdown, self->tags);
  g_autofree char *person = selected_value (self->person_dropdown, self->people);

  /* refilling a list moves its selection about: not the user's doing */
  if (self->updating > 0 || self->search == NULL)
    return;
  g_object_set (self->search, "source", source, "tag", tag, "person", person, NULL);
}

/* Dates apply as they are typed, once they read as a date; until then
 * the field is marked and the last good range stays. */
static void
on_date_changed_cb (DossierFilterPopover *self)
{
  gint64 from, to;

  if (!read_range (self, &from, &to) || self->updating > 0 || self->search == NULL)
    return;
  dossier_search_set_range (self->search, from, to);
}

static void
on_date_activate_cb (DossierFilterPopover *self)
{
  on_date_changed_cb (self);
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->from_entry), "error") &&
      !gtk_widget_has_css_class (GTK_WIDGET (self->to_entry), "error"))
    gtk_popover_popdown (GTK_POPOVER (self));
}

static void
on_clear_clicked_cb (DossierFilterPopover *self)
{
  dossier_search_clear (self->search);
}

/* --- GObject --- */

static void
set_search (DossierFilterPopover *self,
            DossierSearch        *search)
{
  g_assert (self->search == NULL);

  if (search == NULL)
    return;
  self->search = g_object_ref (search);
  g_signal_connect_object (search, "notify::source", G_CALLBACK (show_source), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (search, "notify::tag", G_CALLBACK (show_tag), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (search, "notify::person", G_CALLBACK (show_person), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (search, "notify::range-from", G_CALLBACK (show_range), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (search, "notify::range-to", G_CALLBACK (show_range), self, G_CONNECT_SWAPPED);
  g_object_bind_property (search, "has-notes", self->notes_check, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (search, "unread", self->unread_check, "active",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  g_object_bind_property (search, "filters-active", self->clear_button, "sensitive", G_BINDING_SYNC_CREATE);
  show_source (self);
  show_tag (self);
  show_person (self);
  show_range (self);
}

static void
dossier_filter_popover_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  DossierFilterPopover *self = DOSSIER_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      set_search (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_filter_popover_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  DossierFilterPopover *self = DOSSIER_FILTER_POPOVER (object);

  switch (prop_id)
    {
    case PROP_SEARCH:
      g_value_set_object (value, self->search);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_filter_popover_dispose (GObject *object)
{
  DossierFilterPopover *self = DOSSIER_FILTER_POPOVER (object);

  g_clear_object (&self->search);
  G_OBJECT_CLASS (dossier_filter_popover_parent_class)->dispose (object);
}

static void
dossier_filter_popover_class_init (DossierFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_filter_popover_dispose;
  object_class->get_property = dossier_filter_popover_get_property;
  object_class->set_property = dossier_filter_popover_set_property;

  properties[PROP_SEARCH] =
    g_param_spec_object ("search", NULL, NULL, DOSSIER_TYPE_SEARCH,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossierapp/Dossier/ui/dossier-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, sources);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, tags);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, person_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, people);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, from_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, to_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, date_hint);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, notes_check);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, unread_check);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_dropdown_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
}

static void
dossier_filter_popover_init (DossierFilterPopover *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->source_dropdown, expression);
  gtk_drop_down_set_expression (self->tag_dropdown, expression);
  gtk_drop_down_set_expression (self->person_dropdown, expression);
  fill_list (self->source_dropdown, self->sources, _("Any Source"), NULL, NULL);
  fill_list (self->tag_dropdown, self->tags, _("Any Tag"), NULL, NULL);
  fill_list (self->person_dropdown, self->people, _("Anyone"), NULL, NULL);
  self->updating--;
  gtk_widget_set_sensitive (self->clear_button, FALSE);
}

GtkWidget *
dossier_filter_popover_new (DossierSearch *search)
{
  g_return_val_if_fail (DOSSIER_IS_SEARCH (search), NULL);
  return g_object_new (DOSSIER_TYPE_FILTER_POPOVER, "search", search, NULL);
}

void
dossier_filter_popover_set_choices (DossierFilterPopover *self,
                                    const char * const   *sources,
                                    const char * const   *tags)
{
  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));

  self->updating++;
  fill_list (self->source_dropdown, self->sources, _("Any Source"), sources, dossier_search_get_source (self->search));
  fill_list (self->tag_dropdown, self->tags, _("Any Tag"), tags, dossier_search_get_tag (self->search));
  self->updating--;
}

void
dossier_filter_popover_set_people (DossierFilterPopover *self,
                                   const char * const   *people)
{
  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));

  self->updating++;
  fill_list (self->person_dropdown, self->people, _("Anyone"), people, dossier_search_get_person (self->search));
  self->updating--;
}
