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
} DossierTimelinePoint;

G_END_DECLS
