/* dossier-member-color.c — a team member's own colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The colour comes from the member's name alone (FNV-1a over the
 * case-folded name, its bits then mixed as MurmurHash3 finishes, so that
 * names alike spread over the colours), so every member's library shows the same member in
 * the same colour without anything being stored or shared.  The colours
 * are the GNOME palette's blue, green, yellow, orange, red, purple and
 * brown: a middle shade on light backgrounds, a lighter one on dark.
 */
#include "config.h"

#include "dossier-member-color.h"

static const char * const light_shades[DOSSIER_MEMBER_N_COLORS] = {
  "#3584e4", "#2ec27e", "#e5a50a", "#ff7800", "#e01b24", "#9141ac", "#986a44",
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

GtkWidget *
dossier_member_chip_new (const char *member)
{
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_add_css_class (chip, "member-chip");
  gtk_widget_add_css_class (chip, dossier_member_color_class (member));
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  /* the name beside it says who; the colour only repeats it */
  gtk_accessible_update_state (GTK_ACCESSIBLE (chip), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  return chip;
}
