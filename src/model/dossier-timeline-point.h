/* dossier-timeline-point.h — one article as the timeline places it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  gint64      id;
  gint64      julian;       /* first day covered; -1 when undated */
  guint8      precision;    /* DossierDatePrecision */
  guint       n_notes;
  const char *source;       /* interned; NULL when unknown */
  gint64      suggested;    /* an undated article's suggested day (julian),
                             * drawn as a hollow mark; 0 or -1: none */
  const char *note_author;  /* interned: who wrote its latest note in a
                             * team library; NULL: nobody named */
  const char *key;          /* interned: the lane of lanes by person or by
                             * story; NULL for none */
  gint64      item;         /* what the mark stands for beside the article
                             * (a quote); 0 for the article itself */
} DossierTimelinePoint;

G_END_DECLS
