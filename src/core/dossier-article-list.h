/* dossier-article-list.h — a lazy GListModel of the articles of a query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Holds the matching ids (8 bytes an article) and materialises
 * DossierArticle objects (metadata only, never bodies) a page at a time,
 * as the view asks for them; far pages are dropped again.  get_item()
 * never waits: it returns an article with only its id set and fills it in
 * when its page arrives from the worker thread.
 */
#pragma once

#include <gio/gio.h>
#include "dossier-library.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLE_LIST (dossier_article_list_get_type ())
G_DECLARE_FINAL_TYPE (DossierArticleList, dossier_article_list, DOSSIER, ARTICLE_LIST, GObject)

#define DOSSIER_ARTICLE_LIST_PAGE_SIZE 64
#define DOSSIER_ARTICLE_LIST_MAX_PAGES 24

DossierArticleList *dossier_article_list_new          (DossierLibrary     *library);
/* Takes a copy; NULL lists everything by date. */
void                dossier_article_list_set_query    (DossierArticleList *self,
                                                       DossierQuery       *query);
const DossierQuery *dossier_article_list_get_query    (DossierArticleList *self);
/* Re-runs the query (after an import or an edit). */
void                dossier_article_list_reload       (DossierArticleList *self);
gboolean            dossier_article_list_get_loading  (DossierArticleList *self);
/* -1 when not in the list */
int                 dossier_article_list_find         (DossierArticleList *self,
                                                       gint64              id);
gint64              dossier_article_list_get_id       (DossierArticleList *self,
                                                       guint               position);
/* While held, the results of queries are kept back: the list keeps its
 * items (none, at first) and stays loading.  The last release shows the
 * latest result.  A window holds its list until it has drawn its first
 * frame, so that building rows does not delay it. */
void                dossier_article_list_hold         (DossierArticleList *self);
void                dossier_article_list_release      (DossierArticleList *self);
/* How many articles are materialised now (for tests and the benchmark). */
guint               dossier_article_list_get_n_loaded (DossierArticleList *self);

G_END_DECLS
