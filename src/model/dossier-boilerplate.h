/* dossier-boilerplate.h — paragraphs that recur across a source's articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure functions and an in-memory learner.  The store persists the counts
 * (one row per source and fingerprint) and uses dossier_boilerplate_decide()
 * so both apply the same rule.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef gboolean (*DossierBoilerplateFunc) (const char *fingerprint,
                                            gpointer    data);

/* A short key for a paragraph: case-folded, digits folded to 0, white space
 * and punctuation dropped, then hashed ("<length>:<16 hex digits>"), so
 * "© 2013 …" and "© 2014 …" or a changed quote mark still match.  NULL for
 * a paragraph with no letters or digits. */
char     *dossier_boilerplate_fingerprint   (const char             *paragraph);

/* The paragraphs of a body (split at blank lines, trimmed, empty ones
 * dropped).  Free with g_strfreev(). */
char    **dossier_boilerplate_split         (const char             *body);

/* @body without the paragraphs for which @is_boilerplate returns TRUE,
 * joined by one blank line; NULL when nothing was removed, or when every
 * paragraph would be (an article is never emptied). */
char     *dossier_boilerplate_clean         (const char             *body,
                                             DossierBoilerplateFunc  is_boilerplate,
                                             gpointer                data);

/* The rule: a fingerprint seen in @count of @n_articles articles of one
 * source is boilerplate when count >= 3 and it is in at least a third of
 * them, or count >= 20 and in at least a tenth (large sources). */
gboolean  dossier_boilerplate_decide        (guint                   count,
                                             guint                   n_articles);

typedef struct _DossierBoilerplate DossierBoilerplate;

DossierBoilerplate *dossier_boilerplate_new             (void);
void                dossier_boilerplate_free            (DossierBoilerplate *self);

/* Counts each distinct paragraph of @body once for @source.  Articles with
 * no source are not learnt from (they may come from any site). */
void                dossier_boilerplate_add_article     (DossierBoilerplate *self,
                                                         const char         *source,
                                                         const char         *body);
/* Undoes dossier_boilerplate_add_article() (an article deleted or edited). */
void                dossier_boilerplate_remove_article  (DossierBoilerplate *self,
                                                         const char         *source,
                                                         const char         *body);
guint               dossier_boilerplate_get_n_articles  (DossierBoilerplate *self,
                                                         const char         *source);
guint               dossier_boilerplate_get_count       (DossierBoilerplate *self,
                                                         const char         *source,
                                                         const char         *fingerprint);
gboolean            dossier_boilerplate_is_boilerplate  (DossierBoilerplate *self,
                                                         const char         *source,
                                                         const char         *fingerprint);
/* dossier_boilerplate_clean() with what @self has learnt about @source. */
char               *dossier_boilerplate_clean_article   (DossierBoilerplate *self,
                                                         const char         *source,
                                                         const char         *body);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierBoilerplate, dossier_boilerplate_free)

G_END_DECLS
