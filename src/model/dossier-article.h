/* dossier-article.h — one article: metadata and (when loaded) its body
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "dossier-date.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ARTICLE (dossier_article_get_type ())

G_DECLARE_FINAL_TYPE (DossierArticle, dossier_article, DOSSIER, ARTICLE, GObject)

DossierArticle    *dossier_article_new                  (void);

gint64             dossier_article_get_id               (DossierArticle    *self);
void               dossier_article_set_id               (DossierArticle    *self,
                                                         gint64             id);
const char        *dossier_article_get_title            (DossierArticle    *self);
void               dossier_article_set_title            (DossierArticle    *self,
                                                         const char        *title);
const char        *dossier_article_get_byline           (DossierArticle    *self);
void               dossier_article_set_byline           (DossierArticle    *self,
                                                         const char        *byline);
const char        *dossier_article_get_source           (DossierArticle    *self);
void               dossier_article_set_source           (DossierArticle    *self,
                                                         const char        *source);
const char        *dossier_article_get_url              (DossierArticle    *self);
void               dossier_article_set_url              (DossierArticle    *self,
                                                         const char        *url);
const char        *dossier_article_get_language         (DossierArticle    *self);
void               dossier_article_set_language         (DossierArticle    *self,
                                                         const char        *language);
const DossierDate *dossier_article_get_published        (DossierArticle    *self);
void               dossier_article_set_published        (DossierArticle    *self,
                                                         const DossierDate *date);
/* "2013-04-15" / "2013-04" / "2013", or NULL when undated */
char              *dossier_article_dup_published_string (DossierArticle    *self);
DossierDateOrigin  dossier_article_get_date_origin      (DossierArticle    *self);
void               dossier_article_set_date_origin      (DossierArticle    *self,
                                                         DossierDateOrigin  origin);
/* NULL until the body is loaded (list rows never load it) */
const char        *dossier_article_get_body             (DossierArticle    *self);
void               dossier_article_set_body             (DossierArticle    *self,
                                                         const char        *body);
/* The body's hash as the store works it out (NULL: not worked out yet),
 * for an importer that works it out off the store's thread; a new body
 * clears it. */
const char        *dossier_article_get_body_hash        (DossierArticle    *self);
void               dossier_article_set_body_hash        (DossierArticle    *self,
                                                         const char        *hash);
/* The dates of the article's file that were not taken for its own (see
 * dossier_date_hints_read()), kept as evidence for a suggested date. */
const char        *dossier_article_get_date_hints       (DossierArticle    *self);
void               dossier_article_set_date_hints       (DossierArticle    *self,
                                                         const char        *hints);
const char        *dossier_article_get_file_name        (DossierArticle    *self);
void               dossier_article_set_file_name        (DossierArticle    *self,
                                                         const char        *file_name);
const char        *dossier_article_get_content_hash     (DossierArticle    *self);
void               dossier_article_set_content_hash     (DossierArticle    *self,
                                                         const char        *hash);
/* The same in every library shared through a team (NULL until stored) */
const char        *dossier_article_get_uuid             (DossierArticle    *self);
void               dossier_article_set_uuid             (DossierArticle    *self,
                                                         const char        *uuid);
/* microseconds since the Unix epoch, UTC */
gint64             dossier_article_get_imported_at      (DossierArticle    *self);
void               dossier_article_set_imported_at      (DossierArticle    *self,
                                                         gint64             usec);
guint              dossier_article_get_annotation_count (DossierArticle    *self);
void               dossier_article_set_annotation_count (DossierArticle    *self,
                                                         guint              count);
/* search results only: the matched passage with the matched words
 * between U+0001 (start) and U+0002 (end) marks */
const char        *dossier_article_get_snippet          (DossierArticle    *self);
void               dossier_article_set_snippet          (DossierArticle    *self,
                                                         const char        *snippet);
double             dossier_article_get_score            (DossierArticle    *self);
void               dossier_article_set_score            (DossierArticle    *self,
                                                         double             score);
/* Opened in the reader (or marked read) */
gboolean           dossier_article_get_read             (DossierArticle    *self);
void               dossier_article_set_read             (DossierArticle    *self,
                                                         gboolean           read);
/* The article's own tags (not its notes'), when loaded; never NULL */
const char * const *dossier_article_get_tags            (DossierArticle    *self);
void               dossier_article_set_tags             (DossierArticle    *self,
                                                         const char * const *tags);

G_END_DECLS
