/* dossier-member-color.h — a team member's own colour
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_MEMBER_N_COLORS 7

/* Which of the GNOME palette's colours @member has: the same for a name
 * in every library and every run (case-insensitive). */
guint       dossier_member_color_index (const char *member);
/* "member-color-N": the colour's CSS class (a chip loads its rules) */
const char *dossier_member_color_class (const char *member);
/* the colour itself, a shade that reads on a light or a @dark background */
void        dossier_member_color_rgba  (const char *member,
                                        gboolean    dark,
                                        GdkRGBA    *rgba);
/* the rules of the member-color-N classes, in the shades for a @dark
 * background or a light one */
char       *dossier_member_color_css   (gboolean    dark);
/* A small dot of @member's colour, for beside their name */
GtkWidget  *dossier_member_chip_new    (const char *member);

G_END_DECLS
