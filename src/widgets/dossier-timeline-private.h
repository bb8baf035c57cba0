/* dossier-timeline-private.h — DossierTimeline's struct and the functions
 * its files share (dossier-timeline.c, -draw.c, -input.c), and its hooks for
 * tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Synthesizing pointer events is impractical in GTK 4.8, so tests drive the
 * same handlers the event controllers call.  Coordinates are the widget's.
 */
#pragma once

#include "dossier-timeline.h"

G_BEGIN_DECLS

/* What the last frame drew where, for tests: the right edge of the
 * rightmost axis label and of the widest lane label, how many lane labels
 * were cut short, and how many marks had a story's colour. */
typedef struct
{
  double                    axis_labels_right;
  double                    lane_labels_right;
  guint                     n_lane_labels;
  guint                     n_ellipsized;
  guint                     n_story_marks;
  guint                     n_story_bars;    /* histogram bars in stories' colours */
  guint                     n_story_badges;  /* "+N" badges with their stories' colours */
} DossierTimelineDrawn;

typedef enum
{
  DRAG_NONE,
  DRAG_PENDING,   /* pressed, not yet past the drag threshold */
  DRAG_PAN,
  DRAG_SELECT,
} DragMode;

struct _DossierTimeline
{
  GtkWidget                 parent_instance;

  DossierTimelineModel     *model;
  gboolean                  fitted;       /* the first points were fitted */

  DossierTimelineTitleFunc  title_func;
  gpointer                  title_data;
  GDestroyNotify            title_destroy;

  /* the selected range, inclusive days */
  gboolean                  has_range;
  gint64                    range_from;
  gint64                    range_to;

  /* input */
  GtkGesture               *drag;
  GtkGesture               *zoom;
  DragMode                  drag_mode;
  double                    drag_x, drag_y;     /* where it started */
  double                    drag_dx;
  double                    drag_start, drag_end; /* the range when it started */
  double                    pinch_start, pinch_end, pinch_anchor;
  gboolean                  pinching;
  double                    pointer_x, pointer_y;
  gboolean                  pointer_inside;
  DossierTimelineHit        hover;

  /* drawing */
  PangoLayout              *layout;
  PangoFontDescription     *small_font;
  PangoFontDescription     *bold_font;
  int                       line_height;
  gint64                    last_snapshot_us;
  gboolean                  loading;     /* no "No articles" meanwhile */
  gboolean                  loading_long; /* says so, after a moment */
  guint                     loading_id;
  int                       end_inset;   /* the axis band's right, under a button */
  DossierTimelineDrawn      drawn;       /* what the last frame drew */

  /* colours by story: the points of dossier_timeline_stories_finish(),
   * and article id (a point's id field) → its point */
  GArray                   *stories;
  GHashTable               *story_of;
};

enum {
  ARTICLE_ACTIVATED,
  RANGE_SELECTED,
  RANGE_CLEARED,
  N_SIGNALS
};
extern guint _dossier_timeline_signals[N_SIGNALS];

/* dossier-timeline.c */
double                _dossier_timeline_view_width     (DossierTimeline *self);
double                _dossier_timeline_view_height    (DossierTimeline *self);
char                 *_dossier_timeline_describe_entry (DossierTimeline *self,
                                                        guint            entry,
                                                        gboolean         markup);
gint64                _dossier_timeline_cursor_id      (DossierTimeline *self);
void                  _dossier_timeline_cursor_moved   (DossierTimeline *self,
                                                        gboolean         reveal);

/* dossier-timeline-draw.c */
void                  _dossier_timeline_update_fonts   (DossierTimeline *self);
void                  _dossier_timeline_snapshot       (GtkWidget       *widget,
                                                        GtkSnapshot     *snapshot);

/* The colour of article @id's mark with colours by story: its story's,
 * or a neutral grey outside any story; FALSE when colours by story are
 * off.  @dark: for a dark style. */
gboolean              _dossier_timeline_story_color    (DossierTimeline *self,
                                                        gint64           id,
                                                        gboolean         dark,
                                                        GdkRGBA         *out);
/* article @id's colour slot: 0..DOSSIER_TIMELINE_NO_STORY_SLOT, or
 * G_MAXUINT when colours by story are off */
guint                 _dossier_timeline_story_slot     (DossierTimeline *self,
                                                        gint64           id);
/* How many items of each colour slot (@counts: DOSSIER_TIMELINE_N_STORY_SLOTS)
 * a histogram bar (@lane's bin @bin of the last layout) or a "+N" badge
 * stands for; FALSE when colours by story are off. */
gboolean              _dossier_timeline_bin_split      (DossierTimeline *self,
                                                        guint            lane,
                                                        guint            bin,
                                                        guint           *counts);
gboolean              _dossier_timeline_badge_split    (DossierTimeline             *self,
                                                        const DossierTimelineLayout *layout,
                                                        const DossierTimelineBox    *badge,
                                                        guint                       *counts);
/* the story (its title) article @id is coloured by, or NULL */
const char           *_dossier_timeline_story_title    (DossierTimeline *self,
                                                        gint64           id);
/* the colours by story: how many, and the @i-th, for a light or dark style */
guint                 _dossier_timeline_n_story_colors (void);
void                  _dossier_timeline_nth_story_color (guint          i,
                                                        gboolean         dark,
                                                        GdkRGBA         *out);

/* dossier-timeline-input.c */
void                  _dossier_timeline_input_init     (DossierTimeline *self);
void                  _dossier_timeline_update_hover   (DossierTimeline *self);

static inline const DossierTimelineLayout *
current_layout (DossierTimeline *self)
{
  return dossier_timeline_model_layout (self->model, _dossier_timeline_view_width (self),
                                        _dossier_timeline_view_height (self));
}

/* hooks for tests and benchmarks; all but the first in dossier-timeline-input.c */
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
/* draws a frame into a throwaway snapshot and returns what it drew */
const DossierTimelineDrawn *_dossier_timeline_draw_for_test (DossierTimeline *self);
/* tooltip text (markup) at (x, y), or NULL */
char                 *_dossier_timeline_tooltip   (DossierTimeline *self,
                                                   double           x,
                                                   double           y);

G_END_DECLS
