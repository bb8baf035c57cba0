/* dossier-window-filters.c — the list's filters: source, tag, published
 * range and has-notes, chosen in a popover or on the timeline, shown as
 * removable chips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The filters live beside the typed search and are merged into its query.
 * The date range is one for both the popover and the timeline: dragging on
 * the timeline fills the popover's dates, typing dates shades the
 * timeline.  Saving a search writes the filters into its text in the
 * search grammar, so a saved search brings them back.
 */
#define G_LOG_DOMAIN "dossier-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "dossier-window-private.h"
#include "dossier-filter-popover.h"
#include "dossier-annotations-window.h"
#include "dossier-date.h"
#include "dossier-timeline.h"

/* --- the popover's choices --- */

static void
on_choices_loaded_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  DossierWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sources = NULL;
  g_auto(GStrv) tags = dossier_library_list_tags_and_sources_finish (DOSSIER_LIBRARY (source), result,
                                                                     &sources, &error);

  if (tags == NULL)
    {
      /* cancelled: the window is closing */
      _dossier_window_toast_error (self, error, "%s", error->message);
      return;
    }
  dossier_filter_popover_set_choices (DOSSIER_FILTER_POPOVER (self->filter_popover),
                                      (const char * const *) sources, (const char * const *) tags);
}

/* The lists are read each time the popover opens: sources and tags come
 * and go with imports and notes. */
static void
on_popover_show_cb (DossierWindow *self)
{
  dossier_library_list_tags_and_sources_async (self->library, self->cancellable, on_choices_loaded_cb, self);
}

/* --- state --- */

static void
on_popover_changed_cb (DossierWindow *self)
{
  DossierFilterPopover *popover = DOSSIER_FILTER_POPOVER (self->filter_popover);
  gint64 from, to;

  g_free (self->filter_source);
  self->filter_source = g_strdup (dossier_filter_popover_get_source (popover));
  g_free (self->filter_tag);
  self->filter_tag = g_strdup (dossier_filter_popover_get_tag (popover));
  self->filter_has_notes = dossier_filter_popover_get_has_notes (popover);
  dossier_filter_popover_get_range (popover, &from, &to);
  if (from != self->range_from || to != self->range_to)
    {
      self->range_from = from;
      self->range_to = to;
      _dossier_window_timeline_show_range (self);
    }
  _dossier_window_refresh_query (self);
}

gboolean
_dossier_window_filters_active (DossierWindow *self)
{
  return self->filter_source != NULL || self->filter_tag != NULL || self->filter_has_notes ||
         self->range_from >= 0 || self->range_to >= 0;
}

void
_dossier_window_filters_clear (DossierWindow *self)
{
  g_clear_pointer (&self->filter_source, g_free);
  g_clear_pointer (&self->filter_tag, g_free);
  self->filter_has_notes = FALSE;
  self->range_from = self->range_to = -1;
  _dossier_window_timeline_show_range (self);
  _dossier_window_refresh_query (self);
}

static void
add_value (GPtrArray  **array,
           const char  *value)
{
  if (*array == NULL)
    *array = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (*array, g_strdup (value));
}

void
_dossier_window_filters_apply (DossierWindow *self,
                               DossierQuery  *query)
{
  if (self->range_from >= 0)
    query->from_jd = query->from_jd >= 0 ? MAX (query->from_jd, self->range_from) : self->range_from;
  if (self->range_to >= 0)
    query->to_jd = query->to_jd >= 0 ? MIN (query->to_jd, self->range_to) : self->range_to;
  /* the typed source: and the chosen source both hold: the chosen one
   * narrows the typed ones to itself, or to nothing */
  if (self->filter_source != NULL)
    {
      gboolean typed_allows = query->sources == NULL || query->sources->len == 0;

      for (guint i = 0; !typed_allows && i < query->sources->len; i++)
        typed_allows = g_ascii_strcasecmp (g_ptr_array_index (query->sources, i), self->filter_source) == 0;
      if (query->sources != NULL)
        g_ptr_array_set_size (query->sources, 0);
      /* an empty-named source matches no article */
      add_value (&query->sources, typed_allows ? self->filter_source : "");
    }
  if (self->filter_tag != NULL)
    add_value (&query->tags, self->filter_tag);
  if (self->filter_has_notes)
    query->has_notes = TRUE;

  /* keep the popover showing what holds, however it was set */
  if (self->filter_popover != NULL)
    {
      DossierFilterPopover *popover = DOSSIER_FILTER_POPOVER (self->filter_popover);
      gint64 from, to;

      if (g_strcmp0 (dossier_filter_popover_get_source (popover), self->filter_source) != 0)
        dossier_filter_popover_set_source (popover, self->filter_source);
      if (g_strcmp0 (dossier_filter_popover_get_tag (popover), self->filter_tag) != 0)
        dossier_filter_popover_set_tag (popover, self->filter_tag);
      dossier_filter_popover_set_has_notes (popover, self->filter_has_notes);
      dossier_filter_popover_get_range (popover, &from, &to);
      if (from != self->range_from || to != self->range_to)
        dossier_filter_popover_set_range (popover, self->range_from, self->range_to);
    }
  if (_dossier_window_filters_active (self))
    gtk_widget_add_css_class (self->filter_button, "filter-active");
  else
    gtk_widget_remove_css_class (self->filter_button, "filter-active");
}

/* --- chips --- */

static void
on_remove_source_cb (DossierWindow *self)
{
  g_clear_pointer (&self->filter_source, g_free);
  _dossier_window_refresh_query (self);
}

static void
on_remove_tag_cb (DossierWindow *self)
{
  g_clear_pointer (&self->filter_tag, g_free);
  _dossier_window_refresh_query (self);
}

static void
on_remove_notes_cb (DossierWindow *self)
{
  self->filter_has_notes = FALSE;
  _dossier_window_refresh_query (self);
}

static void
on_remove_range_cb (DossierWindow *self)
{
  self->range_from = self->range_to = -1;
  _dossier_window_timeline_show_range (self);
  _dossier_window_refresh_query (self);
}

static void
add_chip (DossierWindow *self,
          const char    *label,
          const char    *tooltip,
          const char    *accessible,
          GCallback      remove)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *text = gtk_label_new (label);

  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 28);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("window-close-symbolic"));
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "small");
  gtk_widget_add_css_class (button, "chip");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_signal_connect_swapped (button, "clicked", remove, self);
  gtk_flow_box_append (self->chips_box, button);
}

static char *
day_label (gint64 jd)
{
  g_autoptr(GDate) date = NULL;
  char text[64];

  if (jd < 1 || jd > G_MAXUINT32)
    return NULL;
  date = g_date_new_julian ((guint32) jd);
  if (g_date_strftime (text, sizeof text, "%e %b %Y", date) == 0)
    return NULL;
  return g_strdup (g_strstrip (text));
}

void
_dossier_window_filters_update_chips (DossierWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);

  if (self->filter_source != NULL)
    {
      /* TRANSLATORS: a filter chip, as in "Source: Wire Press" */
      g_autofree char *label = g_strdup_printf (_("Source: %s"), self->filter_source);
      /* TRANSLATORS: what a screen reader says for a filter chip */
      g_autofree char *accessible = g_strdup_printf (_("Filter %s, remove"), label);

      add_chip (self, label, _("Remove the source filter"), accessible, G_CALLBACK (on_remove_source_cb));
    }
  if (self->filter_tag != NULL)
    {
      /* TRANSLATORS: a filter chip, as in "Tag: dam" */
      g_autofree char *label = g_strdup_printf (_("Tag: %s"), self->filter_tag);
      g_autofree char *accessible = g_strdup_printf (_("Filter %s, remove"), label);

      add_chip (self, label, _("Remove the tag filter"), accessible, G_CALLBACK (on_remove_tag_cb));
    }
  if (self->filter_has_notes)
    {
      g_autofree char *accessible = g_strdup_printf (_("Filter %s, remove"), _("With notes"));

      add_chip (self, _("With notes"), _("Show articles without notes too"), accessible,
                G_CALLBACK (on_remove_notes_cb));
    }
  if (self->range_from >= 0 || self->range_to >= 0)
    {
      g_autofree char *from = day_label (self->range_from);
      g_autofree char *to = day_label (self->range_to);
      g_autofree char *label = NULL;
      g_autofree char *accessible = NULL;

      if (from != NULL && to != NULL)
        /* TRANSLATORS: a date range filter, as in "3 Jan 2013 – 9 Mar 2013" */
        label = g_strdup_printf (_("%s – %s"), from, to);
      else if (from != NULL)
        /* TRANSLATORS: a date filter open at its end, as in "From 3 Jan 2013" */
        label = g_strdup_printf (_("From %s"), from);
      else
        /* TRANSLATORS: a date filter open at its start, as in "Until 9 Mar 2013" */
        label = g_strdup_printf (_("Until %s"), to ? to : "?");
      /* TRANSLATORS: what a screen reader says for the date filter chip */
      accessible = g_strdup_printf (_("Date filter %s, remove"), label);
      add_chip (self, label, _("Remove the date filter"), accessible, G_CALLBACK (on_remove_range_cb));
    }
  gtk_revealer_set_reveal_child (self->chips_revealer,
                                 gtk_widget_get_first_child (GTK_WIDGET (self->chips_box)) != NULL);
}

/* --- saved searches --- */

static void
append_term (GString    *text,
             const char *field,
             const char *value)
{
  g_autofree char *clean = g_strdup (value);

  /* the grammar has no escape for a quote inside a quoted value */
  g_strdelimit (clean, "\"", ' ');
  g_strstrip (clean);
  if (*clean == '\0')
    return;
  if (text->len > 0)
    g_string_append_c (text, ' ');
  if (strpbrk (clean, " \t():") != NULL)
    g_string_append_printf (text, "%s:\"%s\"", field, clean);
  else
    g_string_append_printf (text, "%s:%s", field, clean);
}

char *
_dossier_window_filters_to_text (DossierWindow *self,
                                 const char    *typed)
{
  g_autofree char *stripped = g_strstrip (g_strdup (typed ? typed : ""));
  g_autoptr(GString) text = g_string_new (stripped);

  if (self->filter_source != NULL)
    append_term (text, "source", self->filter_source);
  if (self->filter_tag != NULL)
    append_term (text, "tag", self->filter_tag);
  if (self->filter_has_notes)
    g_string_append (text, text->len > 0 ? " has:notes" : "has:notes");
  if (self->range_from >= 0 || self->range_to >= 0)
    {
      g_autofree char *from = dossier_date_julian_to_iso (self->range_from);
      g_autofree char *to = dossier_date_julian_to_iso (self->range_to);

      g_string_append_printf (text, "%spublished:%s..%s", text->len > 0 ? " " : "", from, to);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* --- set-up --- */

static void
filter_action (GtkWidget  *widget,
               const char *name,
               GVariant   *param)
{
  DossierWindow *self = DOSSIER_WINDOW (widget);

  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
  gtk_menu_button_popup (GTK_MENU_BUTTON (self->filter_button));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *param)
{
  _dossier_window_filters_clear (DOSSIER_WINDOW (widget));
}

void
_dossier_window_filters_class_init (DossierWindowClass *klass)
{
  GtkWidgetClass *wc = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (wc, "win.filter", NULL, filter_action);
  gtk_widget_class_install_action (wc, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_add_binding_action (wc, GDK_KEY_f, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.filter", NULL);
}

/* The popover is made the first time it is opened: the window's first
 * frame does not wait for its drop-downs. */
static void
create_popover_cb (GtkMenuButton *button,
                   gpointer       user_data)
{
  DossierWindow *self = user_data;
  DossierFilterPopover *popover;

  if (self->filter_popover != NULL)
    return;
  self->filter_popover = dossier_filter_popover_new ();
  popover = DOSSIER_FILTER_POPOVER (self->filter_popover);
  dossier_filter_popover_set_source (popover, self->filter_source);
  dossier_filter_popover_set_tag (popover, self->filter_tag);
  dossier_filter_popover_set_has_notes (popover, self->filter_has_notes);
  dossier_filter_popover_set_range (popover, self->range_from, self->range_to);
  g_signal_connect_swapped (popover, "changed", G_CALLBACK (on_popover_changed_cb), self);
  g_signal_connect_swapped (popover, "show", G_CALLBACK (on_popover_show_cb), self);
  gtk_menu_button_set_popover (button, self->filter_popover);
}

void
_dossier_window_filters_setup (DossierWindow *self)
{
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (self->filter_button), create_popover_cb, self, NULL);
}
