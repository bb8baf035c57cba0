/* dossier-member-color.c — a team member's own colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The colour comes from the member's name alone (FNV-1a over the
 * case-folded name, its bits then mixed as MurmurHash3 finishes, so that
 * names alike spread over the colours), so every member's library shows the same member in
 * the same colour without anything being stored or shared.  The colours
 * are the GNOME palette's blue, green, yellow, orange, red, purple and
 * brown: a darker shade on light backgrounds, a lighter one on dark.
 *
 * The shades live here only: the timeline draws with them, and the dots'
 * CSS (.member-color-N) is made from them, again whenever the style
 * manager turns dark or light.  Each stands at least 3:1 against
 * libadwaita's backgrounds of its style: the light ones against the view
 * and card (white) and the window (#fafafa), the palette's green 5 and
 * orange 4 and a yellow darkened to gold (green, yellow and orange's
 * middle shades stood at 2.1 to 2.5:1 on white); the dark ones against the
 * dark view, window and card (the middle shades fell to 2:1, purple on a
 * card).  No two of a style look alike: the nearest stand 30 apart in
 * CIELAB (ΔE; orange and red) in light, 37 (yellow and orange) in dark.
 */
#include "config.h"

#include <adwaita.h>

#include "dossier-member-color.h"

static const char * const light_shades[DOSSIER_MEMBER_N_COLORS] = {
  "#3584e4", "#26a269", "#b98200", "#e66100", "#e01b24", "#9141ac", "#986a44",
};
static const char * const dark_shades[DOSSIER_MEMBER_N_COLORS] = {
  "#62a0ea", "#57e389", "#f6d32d", "#ffa348", "#f66151", "#c061cb", "#cdab8f",
};
static const char * const classes[DOSSIER_MEMBER_N_COLORS] = {
  "member-color-0", "member-color-1", "member-color-2", "member-color-3",
  "member-color-4", "member-color-5", "member-color-6",
};

guint
dossier_member_color_index (const char *member)
{
  g_autofree char *folded = g_utf8_casefold (member ? member : "", -1);
  guint32 hash = 2166136261u;

  for (const guchar *p = (const guchar *) folded; *p; p++)
    {
      hash ^= *p;
      hash *= 16777619u;
    }
  hash ^= hash >> 16;
  hash *= 0x85ebca6bu;
  hash ^= hash >> 13;
  hash *= 0xc2b2ae35u;
  hash ^= hash >> 16;
  return hash % DOSSIER_MEMBER_N_COLORS;
}

const char *
dossier_member_color_class (const char *member)
{
  return classes[dossier_member_color_index (member)];
}

void
dossier_member_color_rgba (const char *member,
                           gboolean    dark,
                           GdkRGBA    *rgba)
{
  guint i = dossier_member_color_index (member);

  gdk_rgba_parse (rgba, dark ? dark_shades[i] : light_shades[i]);
}

char *
dossier_member_color_css (gboolean dark)
{
  GString *css = g_string_new (NULL);

  for (guint i = 0; i < DOSSIER_MEMBER_N_COLORS; i++)
    g_string_append_printf (css, ".%s { background-color: %s; }\n", classes[i],
                            dark ? dark_shades[i] : light_shades[i]);
  return g_string_free (css, FALSE);
}

static void
load_shades (GtkCssProvider *provider)
{
  g_autofree char *css = dossier_member_color_css (adw_style_manager_get_dark (adw_style_manager_get_default ()));

  gtk_css_provider_load_from_data (provider, css, -1);
}

static void
on_dark_changed_cb (AdwStyleManager *manager,
                    GParamSpec      *pspec,
                    GtkCssProvider  *provider)
{
  load_shades (provider);
}

/* the dots' colours, for the display, once; they follow the style manager */
static void
ensure_style (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  GtkCssProvider *provider;

  if (display == NULL || g_object_get_data (G_OBJECT (display), "dossier-member-colors") != NULL)
    return;
  provider = gtk_css_provider_new ();
  load_shades (provider);
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (on_dark_changed_cb), provider, 0);
  g_object_set_data_full (G_OBJECT (display), "dossier-member-colors", provider, g_object_unref);
}

GtkWidget *
dossier_member_chip_new (const char *member)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  ensure_style ();
  gtk_widget_add_css_class (chip, "member-chip");
  gtk_widget_add_css_class (chip, dossier_member_color_class (member));
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  /* the name beside it says who; the colour only repeats it */
  gtk_accessible_update_state (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return chip;
}
