/* dossier-similar-list.h — the reader's Versions and Similar Articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_SIMILAR_LIST (dossier_similar_list_get_type ())
G_DECLARE_FINAL_TYPE (DossierSimilarList, dossier_similar_list, DOSSIER, SIMILAR_LIST, GtkBox)

GtkWidget *dossier_similar_list_new         (void);
/* Lists the copies and articles like @article_id (0: none) of @library;
 * ::article-activated (gint64 id) when one is chosen, and
 * ::compare-activated (gint64 id) when a version's Compare button is. */
void       dossier_similar_list_set_article (DossierSimilarList *self,
                                             DossierLibrary     *library,
                                             gint64              article_id);
/* The shown article's story (0: none, or not known yet); its button
 * emits ::story-activated (gint64 story id). */
gint64     dossier_similar_list_get_story      (DossierSimilarList *self);
/* The number of versions and of similar articles shown. */
guint      dossier_similar_list_get_n_versions (DossierSimilarList *self);
guint      dossier_similar_list_get_n_similar  (DossierSimilarList *self);

G_END_DECLS
