/* dossier-article-row.h — one row of the article list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include "dossier-article.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLE_ROW (dossier_article_row_get_type ())
G_DECLARE_FINAL_TYPE (DossierArticleRow, dossier_article_row, DOSSIER, ARTICLE_ROW, GtkWidget)

GtkWidget      *dossier_article_row_new         (void);
DossierArticle *dossier_article_row_get_article (DossierArticleRow *self);
void            dossier_article_row_set_article (DossierArticleRow *self,
                                                 DossierArticle    *article);

/* "15 Apr 2013", "Apr 2013", "2013" or "Undated" — for rows, the reader
 * and the timeline */
char           *dossier_format_date             (const DossierDate *date);
/* with the weekday: "Fri 4 Jul 2014", "Jul 2014" or "2014" */
char           *dossier_format_suggested_date   (const DossierDate *date);
/* the snippet with U+0001/U+0002 marks turned into escaped Pango markup */
char           *dossier_snippet_to_markup       (const char        *snippet);

G_END_DECLS
