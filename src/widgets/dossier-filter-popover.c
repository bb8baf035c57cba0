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

  char           *source;    /* NULL: any */
  char           *tag;
  gboolean        has_notes;
  gint64          from_jd;
  gint64          to_jd;
  guint           updating;  /* > 0 while code, not the user, sets widgets */

  /* Template widgets */
  GtkDropDown    *source_dropdown;
  GtkStringList  *sources;
  GtkDropDown    *tag_dropdown;
  GtkStringList  *tags;
  GtkEntry       *from_entry;
  GtkEntry       *to_entry;
  GtkLabel       *date_hint;
  GtkCheckButton *notes_check;
  GtkWidget      *clear_button;
};

G_DEFINE_FINAL_TYPE (DossierFilterPopover, dossier_filter_popover, GTK_TYPE_POPOVER)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

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

static void
update_clear_button (DossierFilterPopover *self)
{
  gtk_widget_set_sensitive (self->clear_button,
                            self->source != NULL || self->tag != NULL || self->has_notes ||
                            self->from_jd >= 0 || self->to_jd >= 0);
}

static void
emit_changed (DossierFilterPopover *self)
{
  update_clear_button (self);
  if (self->updating == 0)
    g_signal_emit (self, signals[CHANGED], 0);
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

static void
on_dropdown_changed_cb (DossierFilterPopover *self)
{
  g_autofree char *source = selected_value (self->source_dropdown, self->sources);
  g_autofree char *tag = selected_value (self->tag_dropdown, self->tags);

  /* refilling a list moves its selection about: not the user's doing */
  if (self->updating > 0)
    return;
  if (g_strcmp0 (source, self->source) == 0 && g_strcmp0 (tag, self->tag) == 0)
    return;
  g_free (self->source);
  self->source = g_steal_pointer (&source);
  g_free (self->tag);
  self->tag = g_steal_pointer (&tag);
  emit_changed (self);
}

static void
on_notes_toggled_cb (DossierFilterPopover *self)
{
  gboolean active = gtk_check_button_get_active (self->notes_check);

  if (active == self->has_notes || self->updating > 0)
    return;
  self->has_notes = active;
  emit_changed (self);
}

/* Dates apply as they are typed, once they read as a date; until then
 * the field is marked and the last good range stays. */
static void
on_date_changed_cb (DossierFilterPopover *self)
{
  gint64 from, to;
  gboolean from_ok = dossier_filter_parse_day (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)), FALSE, &from);
  gboolean to_ok = dossier_filter_parse_day (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), TRUE, &to);

  if (from_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->from_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->from_entry), "error");
  if (to_ok)
    gtk_widget_remove_css_class (GTK_WIDGET (self->to_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->to_entry), "error");
  if (!from_ok || !to_ok || self->updating > 0)
    return;
  /* a reversed range means the same days */
  if (from >= 0 && to >= 0 && from > to)
    {
      gint64 first, last;

      /* the first day of what "to" covers, the last of what "from" does */
      dossier_filter_parse_day (gtk_editable_get_text (GTK_EDITABLE (self->to_entry)), FALSE, &first);
      dossier_filter_parse_day (gtk_editable_get_text (GTK_EDITABLE (self->from_entry)), TRUE, &last);
      from = first;
      to = last;
    }
  if (from == self->from_jd && to == self->to_jd)
    return;
  self->from_jd = from;
  self->to_jd = to;
  emit_changed (self);
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
  self->updating++;
  dossier_filter_popover_set_source (self, NULL);
  dossier_filter_popover_set_tag (self, NULL);
  dossier_filter_popover_set_has_notes (self, FALSE);
  dossier_filter_popover_set_range (self, -1, -1);
  self->updating--;
  emit_changed (self);
}

static void
dossier_filter_popover_finalize (GObject *object)
{
  DossierFilterPopover *self = DOSSIER_FILTER_POPOVER (object);

  g_free (self->source);
  g_free (self->tag);
  G_OBJECT_CLASS (dossier_filter_popover_parent_class)->finalize (object);
}

static void
dossier_filter_popover_class_init (DossierFilterPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dossier_filter_popover_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/dossierapp/Dossier/ui/dossier-filter-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, sources);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, tag_dropdown);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, tags);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, from_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, to_entry);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, date_hint);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, notes_check);
  gtk_widget_class_bind_template_child (widget_class, DossierFilterPopover, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, on_dropdown_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_notes_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
}

static void
dossier_filter_popover_init (DossierFilterPopover *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  self->from_jd = self->to_jd = -1;
  self->updating++;
  gtk_widget_init_template (GTK_WIDGET (self));
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->source_dropdown, expression);
  gtk_drop_down_set_expression (self->tag_dropdown, expression);
  fill_list (self->source_dropdown, self->sources, _("Any Source"), NULL, NULL);
  fill_list (self->tag_dropdown, self->tags, _("Any Tag"), NULL, NULL);
  self->updating--;
  update_clear_button (self);
}

GtkWidget *
dossier_filter_popover_new (void)
{
  return g_object_new (DOSSIER_TYPE_FILTER_POPOVER, NULL);
}

void
dossier_filter_popover_set_choices (DossierFilterPopover *self,
                                    const char * const   *sources,
                                    const char * const   *tags)
{
  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));

  self->updating++;
  fill_list (self->source_dropdown, self->sources, _("Any Source"), sources, self->source);
  fill_list (self->tag_dropdown, self->tags, _("Any Tag"), tags, self->tag);
  self->updating--;
}

const char *
dossier_filter_popover_get_source (DossierFilterPopover *self)
{
  g_return_val_if_fail (DOSSIER_IS_FILTER_POPOVER (self), NULL);
  return self->source;
}

/* Selects @value, offering it if the list lacks it (NULL: "Any …"). */
static void
set_choice (DossierFilterPopover  *self,
            char                 **field,
            GtkDropDown           *dropdown,
            GtkStringList         *list,
            const char            *value)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint pos = 0;

  if (value != NULL && *value == '\0')
    value = NULL;
  g_free (*field);
  *field = g_strdup (value);
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
  update_clear_button (self);
}

void
dossier_filter_popover_set_source (DossierFilterPopover *self,
                                   const char           *source)
{
  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));
  set_choice (self, &self->source, self->source_dropdown, self->sources, source);
}

const char *
dossier_filter_popover_get_tag (DossierFilterPopover *self)
{
  g_return_val_if_fail (DOSSIER_IS_FILTER_POPOVER (self), NULL);
  return self->tag;
}

void
dossier_filter_popover_set_tag (DossierFilterPopover *self,
                                const char           *tag)
{
  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));
  set_choice (self, &self->tag, self->tag_dropdown, self->tags, tag);
}

gboolean
dossier_filter_popover_get_has_notes (DossierFilterPopover *self)
{
  g_return_val_if_fail (DOSSIER_IS_FILTER_POPOVER (self), FALSE);
  return self->has_notes;
}

void
dossier_filter_popover_set_has_notes (DossierFilterPopover *self,
                                      gboolean              has_notes)
{
  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));

  self->has_notes = !!has_notes;
  self->updating++;
  gtk_check_button_set_active (self->notes_check, self->has_notes);
  self->updating--;
  update_clear_button (self);
}

void
dossier_filter_popover_get_range (DossierFilterPopover *self,
                                  gint64               *from_jd,
                                  gint64               *to_jd)
{
  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));
  if (from_jd != NULL)
    *from_jd = self->from_jd;
  if (to_jd != NULL)
    *to_jd = self->to_jd;
}

void
dossier_filter_popover_set_range (DossierFilterPopover *self,
                                  gint64                from_jd,
                                  gint64                to_jd)
{
  g_autofree char *from = dossier_date_julian_to_iso (from_jd);
  g_autofree char *to = dossier_date_julian_to_iso (to_jd);

  g_return_if_fail (DOSSIER_IS_FILTER_POPOVER (self));

  self->from_jd = from_jd >= 0 ? from_jd : -1;
  self->to_jd = to_jd >= 0 ? to_jd : -1;
  self->updating++;
  gtk_editable_set_text (GTK_EDITABLE (self->from_entry), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_entry), to);
  self->updating--;
  update_clear_button (self);
}
