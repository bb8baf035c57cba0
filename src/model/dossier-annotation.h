/* dossier-annotation.h — a highlight with its note, tags and anchor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include "dossier-types.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_ANNOTATION (dossier_annotation_get_type ())

G_DECLARE_FINAL_TYPE (DossierAnnotation, dossier_annotation, DOSSIER, ANNOTATION, GObject)

/* The six highlight colours, in the order the popover shows them. */
#define DOSSIER_ANNOTATION_N_COLORS 6
extern const char * const dossier_annotation_colors[DOSSIER_ANNOTATION_N_COLORS + 1];
gboolean            dossier_annotation_color_is_valid (const char *color);

DossierAnnotation  *dossier_annotation_new            (void);

gint64              dossier_annotation_get_id         (DossierAnnotation  *self);
void                dossier_annotation_set_id         (DossierAnnotation  *self,
                                                       gint64              id);
/* "urn:uuid:…"-less UUID string; stable across export and import */
const char         *dossier_annotation_get_uuid       (DossierAnnotation  *self);
void                dossier_annotation_set_uuid       (DossierAnnotation  *self,
                                                       const char         *uuid);
/* The team member who wrote it (NULL in a library never shared) */
const char         *dossier_annotation_get_author     (DossierAnnotation  *self);
void                dossier_annotation_set_author     (DossierAnnotation  *self,
                                                       const char         *author);
gint64              dossier_annotation_get_article_id (DossierAnnotation  *self);
void                dossier_annotation_set_article_id (DossierAnnotation  *self,
                                                       gint64              article_id);
const char         *dossier_annotation_get_color      (DossierAnnotation  *self);
void                dossier_annotation_set_color      (DossierAnnotation  *self,
                                                       const char         *color);
/* Markdown text, or NULL */
const char         *dossier_annotation_get_note       (DossierAnnotation  *self);
void                dossier_annotation_set_note       (DossierAnnotation  *self,
                                                       const char         *note);
/* NULL-terminated, never NULL (empty array when untagged) */
const char * const *dossier_annotation_get_tags       (DossierAnnotation  *self);
void                dossier_annotation_set_tags       (DossierAnnotation  *self,
                                                       const char * const *tags);
/* The anchor: W3C TextQuoteSelector + TextPositionSelector.  Offsets are
 * in Unicode characters (code points) into the article body. */
const char         *dossier_annotation_get_quote      (DossierAnnotation  *self);
void                dossier_annotation_set_quote      (DossierAnnotation  *self,
                                                       const char         *quote);
const char         *dossier_annotation_get_prefix     (DossierAnnotation  *self);
void                dossier_annotation_set_prefix     (DossierAnnotation  *self,
                                                       const char         *prefix);
const char         *dossier_annotation_get_suffix     (DossierAnnotation  *self);
void                dossier_annotation_set_suffix     (DossierAnnotation  *self,
                                                       const char         *suffix);
int                 dossier_annotation_get_start      (DossierAnnotation  *self);
void                dossier_annotation_set_start      (DossierAnnotation  *self,
                                                       int                 start);
int                 dossier_annotation_get_end        (DossierAnnotation  *self);
void                dossier_annotation_set_end        (DossierAnnotation  *self,
                                                       int                 end);
/* TRUE when the quote could not be placed in the current body */
gboolean            dossier_annotation_get_orphan     (DossierAnnotation  *self);
void                dossier_annotation_set_orphan     (DossierAnnotation  *self,
                                                       gboolean            orphan);
/* microseconds since the Unix epoch, UTC */
gint64              dossier_annotation_get_created    (DossierAnnotation  *self);
void                dossier_annotation_set_created    (DossierAnnotation  *self,
                                                       gint64              usec);
gint64              dossier_annotation_get_modified   (DossierAnnotation  *self);
void                dossier_annotation_set_modified   (DossierAnnotation  *self,
                                                       gint64              usec);

DossierAnnotation  *dossier_annotation_copy           (DossierAnnotation  *self);

/* "2026-11-23T20:25:00.123456Z" (microseconds kept, so it round-trips) */
char               *dossier_timestamp_to_iso          (gint64              usec);
/* Parses ISO 8601 with any offset; FALSE when it is not a timestamp. */
gboolean            dossier_timestamp_from_iso        (const char         *iso,
                                                       gint64             *usec);

G_END_DECLS
