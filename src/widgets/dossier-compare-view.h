/* dossier-compare-view.h — two versions of an article side by side
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-article.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_COMPARE_VIEW (dossier_compare_view_get_type ())
G_DECLARE_FINAL_TYPE (DossierCompareView, dossier_compare_view, DOSSIER, COMPARE_VIEW, GtkBox)

GtkWidget  *dossier_compare_view_new          (void);
/* Shows @open (left or top) against @other (right or bottom), their
 * sentences marked once compared (off the main thread); ::compared when
 * they are. */
void        dossier_compare_view_set_articles (DossierCompareView *self,
                                               DossierArticle     *open,
                                               DossierArticle     *other);
/* one above the other (a narrow window) or side by side */
void        dossier_compare_view_set_stacked  (DossierCompareView *self,
                                               gboolean            stacked);
gboolean    dossier_compare_view_get_stacked  (DossierCompareView *self);
/* the text of one side (FALSE: the open article); its sentences carry
 * the tags "added", "removed" and "changed" */
GtkTextBuffer *dossier_compare_view_get_buffer (DossierCompareView *self,
                                                gboolean            other);
/* "3 sentences added, 1 removed, 2 changed"; NULL until compared */
const char *dossier_compare_view_get_summary  (DossierCompareView *self);

G_END_DECLS
