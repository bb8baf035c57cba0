/* dossier-preferences-window.c — Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "dossier-preferences-window.h"
#include "dossier-annotation.h"

struct _DossierPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
  GtkWidget            *color_rows[DOSSIER_ANNOTATION_N_COLORS];

  /* Template widgets */
  AdwComboRow          *style_row;
  AdwComboRow          *typeface_row;
  GtkSpinButton        *font_size_spin;
  GtkSwitch            *refresh_feeds_switch;
  GtkSpinButton        *refresh_hours_spin;
  GtkSpinButton        *line_width_spin;
  AdwPreferencesGroup  *colors_group;
};

G_DEFINE_FINAL_TYPE (DossierPreferencesWindow, dossier_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char * const color_names[DOSSIER_ANNOTATION_N_COLORS] = {
  N_("Yellow"), N_("Green"), N_("Blue"), N_("Pink"), N_("Purple"), N_("Orange"),
};

static gboolean
enum_to_selected (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i]; i++)
    if (g_strcmp0 (nicks[i], nick) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
selected_to_enum (const GValue       *value,
                  const GVariantType *type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint i = g_value_get_uint (value);

  if (i >= g_strv_length ((char **) nicks))
    i = 0;
  return g_variant_new_string (nicks[i]);
}

static void
on_color_meaning_changed_cb (DossierPreferencesWindow *self)
{
  const char *meanings[DOSSIER_ANNOTATION_N_COLORS + 1] = { NULL };

  for (int i = 0; i < DOSSIER_ANNOTATION_N_COLORS; i++)
    meanings[i] = gtk_editable_get_text (GTK_EDITABLE (self->color_rows[i]));
  g_settings_set_strv (self->settings, "color-meanings", meanings);
}

static void
dossier_preferences_window_dispose (GObject *object)
{
  DossierPreferencesWindow *self = DOSSIER_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (dossier_preferences_window_parent_class)->dispose (object);
}

static void
dossier_preferences_window_class_init (DossierPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = dossier_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/dossier-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, typeface_row);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, font_size_spin);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, refresh_feeds_switch);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, refresh_hours_spin);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, line_width_spin);
  gtk_widget_class_bind_template_child (widget_class, DossierPreferencesWindow, colors_group);
}

static void
dossier_preferences_window_init (DossierPreferencesWindow *self)
{
  static const char * const schemes[] = { "follow", "light", "dark", NULL };
  static const char * const faces[] = { "serif", "sans", NULL };
  g_auto(GStrv) meanings = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = g_settings_new (APPLICATION_ID_SCHEMA);

  g_settings_bind_with_mapping (self->settings, "color-scheme", self->style_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_selected, selected_to_enum,
                                (gpointer) schemes, NULL);
  g_settings_bind_with_mapping (self->settings, "typeface", self->typeface_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, enum_to_selected, selected_to_enum,
                                (gpointer) faces, NULL);
  g_settings_bind (self->settings, "font-size", self->font_size_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "refresh-feeds", self->refresh_feeds_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "refresh-feeds-hours", self->refresh_hours_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "line-width", self->line_width_spin, "value", G_SETTINGS_BIND_DEFAULT);

  meanings = g_settings_get_strv (self->settings, "color-meanings");
  for (int i = 0; i < DOSSIER_ANNOTATION_N_COLORS; i++)
    {
      GtkWidget *row = adw_entry_row_new ();
      GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      g_autofree char *css_class = g_strdup_printf ("swatch-%s", dossier_annotation_colors[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(color_names[i]));
      gtk_widget_add_css_class (swatch, "swatch");
      gtk_widget_add_css_class (swatch, css_class);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      adw_entry_row_add_prefix (ADW_ENTRY_ROW (row), swatch);
      if (meanings != NULL && g_strv_length (meanings) > (guint) i)
        gtk_editable_set_text (GTK_EDITABLE (row), meanings[i]);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_color_meaning_changed_cb), self);
      adw_preferences_group_add (self->colors_group, row);
      self->color_rows[i] = row;
    }
}

GtkWidget *
dossier_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (DOSSIER_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
}
