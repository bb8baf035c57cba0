/* dossier-sparkline.h — a row's small bar chart of counts over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define DOSSIER_TYPE_SPARKLINE (dossier_sparkline_get_type ())
G_DECLARE_FINAL_TYPE (DossierSparkline, dossier_sparkline, DOSSIER, SPARKLINE, GtkWidget)

GtkWidget   *dossier_sparkline_new        (void);
/* Draws @n counts, the first the oldest; a copy is kept. */
void         dossier_sparkline_set_values (DossierSparkline *self,
                                           const guint      *values,
                                           guint             n);
/* the counts drawn, @n set to how many (for tests) */
const guint *dossier_sparkline_get_values (DossierSparkline *self,
                                           guint            *n);

G_END_DECLS
