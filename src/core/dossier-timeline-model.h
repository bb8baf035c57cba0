/* dossier-timeline-model.h — what the timeline shows: range, ticks, lanes, bins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The timeline's geometry without GTK.  Points (one an article, from
 * dossier_library_timeline_points_finish()) are sorted once by date and
 * split into lanes (none, by source, by tag; undated articles always get a
 * lane of their own).  The visible range is a span of julian days (GDate
 * numbering, doubles so zoom and pan are smooth); a layout for a pixel size
 * holds the axis ticks, the lanes, the boxes of individual articles
 * (stacked in rows where they overlap, "+N" badges where the rows run out)
 * and, where a lane is too dense for boxes, the counts of a histogram of
 * calendar-aligned bins.  Only the visible part of each lane is looked at,
 * so a layout of 100,000 points costs well under a millisecond or two.
 *
 * Coordinates: x = 0 is the left edge of the view, y = 0 its top; the axis
 * band is at the top (metrics.axis_height), the lanes below it.  A day j
 * covers [x_at_julian (j), x_at_julian (j + 1)).
 */
#pragma once

#include <glib-object.h>
#include "dossier-store.h"

G_BEGIN_DECLS

#define DOSSIER_TYPE_TIMELINE_MODEL (dossier_timeline_model_get_type ())
G_DECLARE_FINAL_TYPE (DossierTimelineModel, dossier_timeline_model, DOSSIER, TIMELINE_MODEL, GObject)

typedef enum
{
  DOSSIER_TIMELINE_LANES_NONE,
  DOSSIER_TIMELINE_LANES_SOURCE,
  DOSSIER_TIMELINE_LANES_TAG,      /* needs dossier_timeline_model_set_tags() */
  DOSSIER_TIMELINE_LANES_PERSON,   /* by each point's key: a person's name */
  DOSSIER_TIMELINE_LANES_STORY,    /* by each point's key: a story's title */
} DossierTimelineLanes;

/* nicks "none", "source", "tag", "person", "story", as in the GSettings
 * key timeline-lanes */
#define DOSSIER_TYPE_TIMELINE_LANES (dossier_timeline_lanes_get_type ())
GType dossier_timeline_lanes_get_type (void) G_GNUC_CONST;

typedef enum
{
  DOSSIER_TIMELINE_UNIT_DAY,
  DOSSIER_TIMELINE_UNIT_WEEK,      /* weeks start on Monday */
  DOSSIER_TIMELINE_UNIT_MONTH,
  DOSSIER_TIMELINE_UNIT_QUARTER,
  DOSSIER_TIMELINE_UNIT_YEAR,
  DOSSIER_TIMELINE_UNIT_DECADE,
} DossierTimelineUnit;

typedef enum
{
  DOSSIER_TIMELINE_PREVIOUS,       /* earlier item in the same lane */
  DOSSIER_TIMELINE_NEXT,           /* later item in the same lane */
  DOSSIER_TIMELINE_UP,             /* the lane above, nearest in time */
  DOSSIER_TIMELINE_DOWN,           /* the lane below, nearest in time */
  DOSSIER_TIMELINE_FIRST,          /* first item of the lane */
  DOSSIER_TIMELINE_LAST,           /* last item of the lane */
} DossierTimelineDirection;

typedef enum
{
  DOSSIER_TIMELINE_HIT_NONE,
  DOSSIER_TIMELINE_HIT_AXIS,       /* the axis band at the top */
  DOSSIER_TIMELINE_HIT_LANE,       /* empty space in a lane */
  DOSSIER_TIMELINE_HIT_ITEM,       /* one article's box */
  DOSSIER_TIMELINE_HIT_OVERFLOW,   /* a "+N" badge */
  DOSSIER_TIMELINE_HIT_BIN,        /* a histogram bar */
} DossierTimelineHitKind;

/* Sizes in pixels; the widget may scale them with the font. */
typedef struct
{
  double axis_height;        /* band with the tick labels, at the top */
  double lane_label_height;  /* a lane's name, above its rows */
  double row_height;         /* one row of stacked boxes */
  double box_width;
  double box_height;
  double box_gap;            /* least space between boxes in a row */
  double badge_width;        /* a "+N" badge */
  double min_lane_height;    /* below this, lanes are folded into "Other" */
  double min_tick_px;        /* least distance between labelled ticks */
  double min_bin_px;         /* least width of a histogram bin */
  guint  max_rows;           /* rows of boxes in a lane before "+N" */
  guint  undated_rows;       /* rows of the undated lane */
} DossierTimelineMetrics;

typedef struct
{
  double      x;
  gint64      julian;
  gboolean    major;         /* the start of a coarser unit (a year, a month) */
  char       *label;         /* localized ("2012", "Mar", "14") */
} DossierTimelineTick;

typedef struct
{
  const char *label;         /* NULL for the single lane of LANES_NONE */
  double      y;
  double      height;
  double      content_y;     /* below the label */
  double      content_height;
  guint       n_entries;     /* items in the lane, visible or not */
  guint       n_visible;     /* items in the visible range */
  guint       max_count;     /* the largest bin in view (histogram lanes) */
  guint       n_rows;
  gboolean    undated;
  gboolean    histogram;     /* drawn as bins, not boxes */
} DossierTimelineLane;

typedef struct
{
  double      x, y, width, height;
  guint       lane;
  guint       entry;         /* G_MAXUINT for a badge */
  gint64      id;            /* 0 for a badge */
  guint       overflow;      /* a badge: how many items it stands for */
  gint64      from_julian;   /* the days covered, inclusive; -1 undated */
  gint64      to_julian;
  guint8      precision;
  guint       n_notes;
  gboolean    suggested;     /* an undated article at its suggested day */
  guint       hidden_from;   /* a badge: its items are layout->hidden[hidden_from]
                              * and the overflow - 1 after it */
} DossierTimelineBox;

typedef struct
{
  double      x, width;
  gint64      from_julian;   /* first day in the bin */
  gint64      to_julian;     /* first day after it */
} DossierTimelineBin;

typedef struct
{
  double      width, height;
  double      start, end;    /* the visible range, julian days */
  DossierTimelineUnit tick_unit;
  DossierTimelineUnit major_unit;  /* == tick_unit: no major ticks */
  DossierTimelineUnit bin_unit;
  GArray     *ticks;         /* DossierTimelineTick, by x */
  GArray     *lanes;         /* DossierTimelineLane, top to bottom */
  GArray     *boxes;         /* DossierTimelineBox, by lane then x */
  GArray     *bins;          /* DossierTimelineBin, by x */
  guint      *counts;        /* counts[lane * bins->len + bin] */
  GArray     *hidden;        /* guint: the items behind each "+N" badge */
} DossierTimelineLayout;

typedef struct
{
  DossierTimelineHitKind kind;
  guint       lane;          /* G_MAXUINT outside the lanes */
  guint       entry;         /* HIT_ITEM: the item (G_MAXUINT otherwise) */
  gint64      id;            /* HIT_ITEM: the article */
  gint64      from_julian;   /* HIT_ITEM/OVERFLOW/BIN: days covered, inclusive */
  gint64      to_julian;
  guint       count;         /* HIT_OVERFLOW/BIN: items */
  double      julian;        /* the (fractional) day under the point */
} DossierTimelineHit;

typedef struct
{
  gint64      id;
  gint64      julian;        /* -1 undated */
  guint8      precision;
  guint       n_notes;
  const char *source;
  guint       lane;
  gboolean    suggested;     /* julian is the suggested day of an undated article */
  const char *note_author;   /* interned: its latest note's author, or NULL */
  const char *key;           /* the point's key (lanes by person or story) */
  gint64      item;          /* the point's item (a quote), 0 for none */
} DossierTimelineEntry;

#define DOSSIER_TIMELINE_MIN_SPAN 2.0         /* days */
#define DOSSIER_TIMELINE_MAX_SPAN 146100.0    /* 400 years */

DossierTimelineModel *dossier_timeline_model_new            (void);

/* Copies the points; the sources must stay valid (they are interned). */
void                  dossier_timeline_model_set_points      (DossierTimelineModel       *self,
                                                              const DossierTimelinePoint *points,
                                                              guint                       n_points);
/* The same without a copy, for 100,000 points: @points (element-type
 * DossierTimelinePoint) is referenced, and fixed and sorted in place if
 * need be; do not change it afterwards. */
void                  dossier_timeline_model_take_points     (DossierTimelineModel       *self,
                                                              GArray                     *points);
/* Takes out the points of the articles @ids (deleted), the others kept
 * in their order, in place (in an array taken too); returns how many
 * went. */
guint                 dossier_timeline_model_remove_ids      (DossierTimelineModel       *self,
                                                              const gint64               *ids,
                                                              guint                       n_ids);
guint                 dossier_timeline_model_get_n_points    (DossierTimelineModel       *self);
/* Tags per article for LANES_TAG: gint64 id (g_int64_hash) → NULL-terminated
 * char ** (a GStrv).  Referenced, not copied; NULL: no tags.  An article is
 * shown in the lane of each of its tags, or in "Untagged". */
void                  dossier_timeline_model_set_tags        (DossierTimelineModel       *self,
                                                              GHashTable                 *tags);
void                  dossier_timeline_model_set_lane_mode   (DossierTimelineModel       *self,
                                                              DossierTimelineLanes        mode);
DossierTimelineLanes  dossier_timeline_model_get_lane_mode   (DossierTimelineModel       *self);
void                  dossier_timeline_model_set_metrics     (DossierTimelineModel       *self,
                                                              const DossierTimelineMetrics *metrics);
const DossierTimelineMetrics *
                      dossier_timeline_model_get_metrics     (DossierTimelineModel       *self);

/* The visible range, clamped to DOSSIER_TIMELINE_MIN_SPAN..MAX_SPAN. */
void                  dossier_timeline_model_set_range       (DossierTimelineModel       *self,
                                                              double                      start,
                                                              double                      end);
void                  dossier_timeline_model_get_range       (DossierTimelineModel       *self,
                                                              double                     *start,
                                                              double                     *end);
/* @factor > 1 zooms in; the day @anchor stays where it is on screen. */
void                  dossier_timeline_model_zoom            (DossierTimelineModel       *self,
                                                              double                      factor,
                                                              double                      anchor);
void                  dossier_timeline_model_pan             (DossierTimelineModel       *self,
                                                              double                      days);
/* Every dated point in view, with a margin; a year around today if none. */
void                  dossier_timeline_model_fit             (DossierTimelineModel       *self);
/* Pans the least needed so day @julian is in view, @margin of the span
 * away from the edges. */
void                  dossier_timeline_model_reveal          (DossierTimelineModel       *self,
                                                              double                      julian,
                                                              double                      margin);
double                dossier_timeline_model_julian_at_x     (DossierTimelineModel       *self,
                                                              double                      width,
                                                              double                      x);
double                dossier_timeline_model_x_at_julian     (DossierTimelineModel       *self,
                                                              double                      width,
                                                              double                      julian);
/* The labelled tick unit for the current range drawn @width pixels wide. */
DossierTimelineUnit   dossier_timeline_model_choose_unit     (DossierTimelineModel       *self,
                                                              double                      width);

/* Lays the current state out for a view of @width × @height; cached until
 * something changes.  Owned by the model, valid until the next call. */
const DossierTimelineLayout *
                      dossier_timeline_model_layout          (DossierTimelineModel       *self,
                                                              double                      width,
                                                              double                      height);
/* On the last layout.  Returns the kind, also stored in @hit. */
DossierTimelineHitKind dossier_timeline_model_hit_test       (DossierTimelineModel       *self,
                                                              double                      x,
                                                              double                      y,
                                                              DossierTimelineHit         *hit);
/* Pixels @x1..@x2 (either order) of the last layout as days, inclusive. */
void                  dossier_timeline_model_range_for_x     (DossierTimelineModel       *self,
                                                              double                      x1,
                                                              double                      x2,
                                                              gint64                     *from_julian,
                                                              gint64                     *to_julian);

/* Items: one per article and lane (an article with two tags is two). */
guint                 dossier_timeline_model_get_n_entries   (DossierTimelineModel       *self);
gboolean              dossier_timeline_model_get_entry       (DossierTimelineModel       *self,
                                                              guint                       entry,
                                                              DossierTimelineEntry       *out);
/* The article of item @entry, or 0. */
gint64                dossier_timeline_model_entry_id        (DossierTimelineModel       *self,
                                                              guint                       entry);
/* On the last layout: the items of @lane's bin @bin (its bar in a
 * histogram lane), and the items of @lane in view (all of the undated
 * lane), as the items @first..@last - 1. */
void                  dossier_timeline_model_bin_entries     (DossierTimelineModel       *self,
                                                              guint                       lane,
                                                              guint                       bin,
                                                              guint                      *first,
                                                              guint                      *last);
void                  dossier_timeline_model_visible_entries (DossierTimelineModel       *self,
                                                              guint                       lane,
                                                              guint                      *first,
                                                              guint                      *last);
/* The first item of article @id, or G_MAXUINT. */
guint                 dossier_timeline_model_find_entry      (DossierTimelineModel       *self,
                                                              gint64                      id);

/* The keyboard cursor: an item, kept across lane changes by its article. */
guint                 dossier_timeline_model_get_cursor      (DossierTimelineModel       *self);
void                  dossier_timeline_model_set_cursor      (DossierTimelineModel       *self,
                                                              guint                       entry);
/* Moves the cursor; with none, starts at the item nearest the middle of
 * the view.  FALSE when there is nowhere to go. */
gboolean              dossier_timeline_model_move_cursor     (DossierTimelineModel       *self,
                                                              DossierTimelineDirection    direction);

/* Localized, for tooltips and accessible descriptions: "15 April 2013",
 * "April 2013", "2013", "Undated". */
char                 *dossier_timeline_format_date           (gint64                      julian,
                                                              guint8                      precision);

G_END_DECLS
