/* dossier-timeline-model-private.h — what the timeline model's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-timeline-model.h"

G_BEGIN_DECLS

/* GDate's last day, 31 December 9999 */
#define JULIAN_MAX 3652059
#define NO_ENTRY G_MAXUINT
#define UNDATED_KEY "\x01undated"

typedef struct
{
  gint32 julian;      /* -1 undated */
  guint32 point;      /* index into self->points */
  guint32 lane;
  gboolean suggested; /* an undated point at its suggested day */
} Entry;

struct _DossierTimelineModel
{
  GObject                parent_instance;

  GArray                *points;      /* DossierTimelinePoint, by (julian, id) */
  guint                  n_undated;   /* they come first in points */
  guint                  n_suggested; /* undated points with a suggested day */
  GHashTable            *tags;
  DossierTimelineLanes   mode;
  DossierTimelineMetrics metrics;
  double                 start, end;

  /* lanes: entries grouped by lane, each lane by (julian, id) */
  gboolean               lanes_valid;
  guint                  fold_limit;  /* dated lanes allowed by the height */
  guint                  n_keys;      /* distinct sources/tags last time */
  GPtrArray             *lane_labels; /* char *, NULL for the unnamed lane */
  GArray                *lane_offsets;/* guint, n_lanes + 1 */
  GArray                *entries;     /* Entry */
  guint                  undated_lane;/* NO_ENTRY when none */

  guint                  cursor;
  gint64                 cursor_id;
  char                  *cursor_lane;

  gboolean               layout_valid;
  DossierTimelineLayout  layout;
};

/* dossier-timeline-lanes.c */
void   _dossier_timeline_model_build_lanes       (DossierTimelineModel *self);
guint  _dossier_timeline_model_lane_lower_bound  (DossierTimelineModel *self,
                                                  guint                 lane,
                                                  double                julian);

/* dossier-timeline-layout.c */
char  *_dossier_timeline_format_julian           (gint64                julian,
                                                  const char           *format);
void   _dossier_timeline_choose_unit_and_step    (double                px_per_day,
                                                  double                min_px,
                                                  DossierTimelineUnit  *unit,
                                                  guint                *step);
void   _dossier_timeline_model_clear_layout      (DossierTimelineModel *self);

static inline gboolean
julian_valid (gint64 julian)
{
  return julian >= 1 && julian <= JULIAN_MAX;
}

static inline gint64
date_to_julian (int year,
                int month)
{
  GDate d;

  if (year < 1)
    return 1;
  if (year > 9999)
    return JULIAN_MAX + 1;
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&d);
}

static inline guint
lane_start (DossierTimelineModel *self,
            guint                 lane)
{
  return g_array_index (self->lane_offsets, guint, lane);
}

static inline guint
lane_end (DossierTimelineModel *self,
          guint                 lane)
{
  return g_array_index (self->lane_offsets, guint, lane + 1);
}

static inline guint
n_lanes (DossierTimelineModel *self)
{
  return self->lane_offsets->len - 1;
}

static inline const DossierTimelinePoint *
entry_point (DossierTimelineModel *self,
             guint                 entry)
{
  const Entry *e = &g_array_index (self->entries, Entry, entry);

  return &g_array_index (self->points, DossierTimelinePoint, e->point);
}

static inline void
ensure_lanes (DossierTimelineModel *self)
{
  if (!self->lanes_valid)
    _dossier_timeline_model_build_lanes (self);
}

G_END_DECLS
