/* dossier-timeline-private.h — DossierTimeline's hooks for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Synthesizing pointer events is impractical in GTK 4.8, so tests drive the
 * same handlers the event controllers call.  Coordinates are the widget's.
 */
#pragma once

#include "dossier-timeline.h"

G_BEGIN_DECLS

DossierTimelineModel *_dossier_timeline_get_model (DossierTimeline *self);
/* a primary-button press and release without moving */
void                  _dossier_timeline_click     (DossierTimeline *self,
                                                   double           x,
                                                   double           y);
/* a primary-button drag from (x1, y1) to (x2, y2) with @state held */
void                  _dossier_timeline_drag      (DossierTimeline *self,
                                                   double           x1,
                                                   double           y1,
                                                   double           x2,
                                                   double           y2,
                                                   GdkModifierType  state);
/* TRUE if the key was handled */
gboolean              _dossier_timeline_key       (DossierTimeline *self,
                                                   guint            keyval,
                                                   GdkModifierType  state);
/* a scroll of (@dx, @dy) wheel steps with the pointer at @x */
void                  _dossier_timeline_scroll    (DossierTimeline *self,
                                                   double           x,
                                                   double           dx,
                                                   double           dy,
                                                   GdkModifierType  state);
/* tooltip text (markup) at (x, y), or NULL */
char                 *_dossier_timeline_tooltip   (DossierTimeline *self,
                                                   double           x,
                                                   double           y);

G_END_DECLS
