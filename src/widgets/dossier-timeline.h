/* dossier-timeline.h — articles on a time axis: zoom, pan, lanes, ranges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mouse and touchpad: the wheel pans (Shift+wheel too), Ctrl+wheel and a
 * pinch zoom about the pointer; a plain drag pans; Shift+drag, or a drag
 * in the date band at the top, selects a range of days.  Clicking an
 * article activates it; clicking a "+N" badge or a histogram bar zooms in
 * on it.
 * Keyboard: Left/Right go to the previous/next article in time, Up/Down to
 * the lane above/below, Enter activates, +/− zoom, Ctrl+Left/Right pan,
 * Home fits everything in view, Escape clears the selected range.
 */
#pragma once

#include <gtk/gtk.h>
#include "dossier-timeline-point.h"
#include "dossier-timeline-model.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMELINE (dossier_timeline_get_type ())
G_DECLARE_FINAL_TYPE (DossierTimeline, dossier_timeline, DOSSIER, TIMELINE, GtkWidget)

/* Returns the article's title (transfer full), or NULL if unknown. */
typedef char *(*DossierTimelineTitleFunc) (gint64   id,
                                           gpointer user_data);

DossierTimeline     *dossier_timeline_new                  (void);
/* (element-type DossierTimelinePoint): referenced, not copied (100,000
 * points are 3 MB), and sorted in place if need be: do not change the
 * array afterwards.  NULL empties the timeline.  The first points given
 * are fitted into view. */
void                 dossier_timeline_set_points           (DossierTimeline          *self,
                                                            GArray                   *points);
/* Takes out the points of the articles @ids (deleted), where they are:
 * the view stays where it is. */
void                 dossier_timeline_remove_ids           (DossierTimeline          *self,
                                                            const gint64             *ids,
                                                            guint                     n_ids);
/* How many points the timeline shows. */
guint                dossier_timeline_get_n_points         (DossierTimeline          *self);
/* While loading and still empty, the timeline draws only its background:
 * no axis, and no "No articles to show". */
void                 dossier_timeline_set_loading          (DossierTimeline          *self,
                                                            gboolean                  loading);
gboolean             dossier_timeline_get_loading          (DossierTimeline          *self);
void                 dossier_timeline_set_lane_mode        (DossierTimeline          *self,
                                                            DossierTimelineLanes      mode);
DossierTimelineLanes dossier_timeline_get_lane_mode        (DossierTimeline          *self);
/* For lanes by tag: gint64 id (g_int64_hash) → GStrv of tags; referenced. */
void                 dossier_timeline_set_tags             (DossierTimeline          *self,
                                                            GHashTable               *tags);
void                 dossier_timeline_set_title_func       (DossierTimeline          *self,
                                                            DossierTimelineTitleFunc  func,
                                                            gpointer                  user_data,
                                                            GDestroyNotify            destroy);
/* Colours each article's mark by its story, in any lane mode: @stories
 * (element-type DossierTimelinePoint) as dossier_timeline_stories_finish()
 * gives them (key the story's title, item its id); referenced, not
 * changed.  Articles in no story turn grey; the tooltip names the story.
 * NULL: the marks keep the accent colour. */
void                 dossier_timeline_set_story_colors     (DossierTimeline          *self,
                                                            GArray                   *stories);
gboolean             dossier_timeline_get_story_colors     (DossierTimeline          *self);

/* The colours by story: eight, then grey for the articles in no story. */
#define DOSSIER_TIMELINE_NO_STORY_SLOT 8
#define DOSSIER_TIMELINE_N_STORY_SLOTS 9

/* A story with marks in view, for a legend of the colours. */
typedef struct
{
  gint64      story;         /* 0: the articles in no story */
  const char *title;         /* NULL for those; valid while the colours are set */
  guint       slot;          /* its colour: dossier_timeline_story_slot_color() */
  guint       n_marks;       /* its marks in view (bars and badges count theirs) */
} DossierTimelineLegendItem;

/* (element-type DossierTimelineLegendItem) (transfer full): the stories
 * with marks in the visible range, the most marks first, then those in
 * no story; NULL when colours by story are off. */
GArray              *dossier_timeline_get_story_legend     (DossierTimeline          *self);
/* A colour slot's colour, for a light or a dark style. */
void                 dossier_timeline_story_slot_color     (guint                     slot,
                                                            gboolean                  dark,
                                                            GdkRGBA                  *out);
/* Keeps the right @px of the axis band free of labels, for a button
 * laid over it. */
void                 dossier_timeline_set_end_inset        (DossierTimeline          *self,
                                                            int                       px);
/* The item (DossierTimelinePoint.item, e.g. a quote) of the mark under
 * the keyboard cursor, which the last activated mark becomes; 0 when
 * none or the mark has no item. */
gint64               dossier_timeline_get_cursor_item      (DossierTimeline          *self);
/* -1: none.  Setting it shows the article, panning if need be. */
gint64               dossier_timeline_get_selected_id      (DossierTimeline          *self);
void                 dossier_timeline_set_selected_id      (DossierTimeline          *self,
                                                            gint64                    id);
/* @factor > 1 zooms in, about the selected article if in view, or the
 * middle. */
void                 dossier_timeline_zoom                 (DossierTimeline          *self,
                                                            double                    factor);
void                 dossier_timeline_fit                  (DossierTimeline          *self);
/* The visible range in julian days (GDate numbering). */
void                 dossier_timeline_get_visible_range    (DossierTimeline          *self,
                                                            double                   *start,
                                                            double                   *end);
void                 dossier_timeline_set_visible_range    (DossierTimeline          *self,
                                                            double                    start,
                                                            double                    end);
/* The shaded range, inclusive days; FALSE when none.  Setting or clearing
 * it from code emits nothing. */
gboolean             dossier_timeline_get_selected_range   (DossierTimeline          *self,
                                                            gint64                   *from_julian,
                                                            gint64                   *to_julian);
void                 dossier_timeline_set_selected_range   (DossierTimeline          *self,
                                                            gint64                    from_julian,
                                                            gint64                    to_julian);
void                 dossier_timeline_clear_selected_range (DossierTimeline          *self);

G_END_DECLS
