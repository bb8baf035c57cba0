/* dossier-timeline-model.c — what the timeline shows: range, ticks, lanes, bins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * This file holds the object, its points and its visible range; the lanes
 * and the cursor are in dossier-timeline-lanes.c, the layout for a size
 * and the hit test in dossier-timeline-layout.c.
 */
#define G_LOG_DOMAIN "dossier-timeline-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "dossier-timeline-model-private.h"

G_DEFINE_FINAL_TYPE (DossierTimelineModel, dossier_timeline_model, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (DossierTimelineLanes, dossier_timeline_lanes,
                    G_DEFINE_ENUM_VALUE (DOSSIER_TIMELINE_LANES_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (DOSSIER_TIMELINE_LANES_SOURCE, "source"),
                    G_DEFINE_ENUM_VALUE (DOSSIER_TIMELINE_LANES_TAG, "tag"),
                    G_DEFINE_ENUM_VALUE (DOSSIER_TIMELINE_LANES_PERSON, "person"),
                    G_DEFINE_ENUM_VALUE (DOSSIER_TIMELINE_LANES_STORY, "story"))

static const DossierTimelineMetrics default_metrics = {
  .axis_height = 44,
  .lane_label_height = 20,
  .row_height = 16,
  .box_width = 12,
  .box_height = 12,
  .box_gap = 2,
  .badge_width = 30,
  .min_lane_height = 56,
  .min_tick_px = 56,
  .min_bin_px = 8,
  .max_rows = 16,
  .undated_rows = 2,
};

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const DossierTimelinePoint *pa = a, *pb = b;

  if (pa->julian != pb->julian)
    return pa->julian < pb->julian ? -1 : 1;
  if (pa->id != pb->id)
    return pa->id < pb->id ? -1 : 1;
  if (pa->item != pb->item)
    return pa->item < pb->item ? -1 : 1;
  return 0;
}

static void
invalidate_layout (DossierTimelineModel *self)
{
  self->layout_valid = FALSE;
}

static void
invalidate_lanes (DossierTimelineModel *self)
{
  self->lanes_valid = FALSE;
  self->layout_valid = FALSE;
}

/* GObject */

static void
dossier_timeline_model_finalize (GObject *object)
{
  DossierTimelineModel *self = DOSSIER_TIMELINE_MODEL (object);

  _dossier_timeline_model_clear_layout (self);
  g_array_unref (self->layout.ticks);
  g_array_unref (self->layout.lanes);
  g_array_unref (self->layout.boxes);
  g_array_unref (self->layout.bins);
  g_array_unref (self->layout.hidden);
  g_array_unref (self->points);
  g_clear_pointer (&self->tags, g_hash_table_unref);
  g_ptr_array_unref (self->lane_labels);
  g_array_unref (self->lane_offsets);
  g_array_unref (self->entries);
  g_free (self->cursor_lane);

  G_OBJECT_CLASS (dossier_timeline_model_parent_class)->finalize (object);
}

static void
dossier_timeline_model_class_init (DossierTimelineModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = dossier_timeline_model_finalize;
}

static void
dossier_timeline_model_init (DossierTimelineModel *self)
{
  self->points = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
  self->metrics = default_metrics;
  self->lane_labels = g_ptr_array_new_with_free_func (g_free);
  self->lane_offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  self->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  self->undated_lane = NO_ENTRY;
  self->cursor = NO_ENTRY;
  self->fold_limit = 8;
  self->layout.ticks = g_array_new (FALSE, FALSE, sizeof (DossierTimelineTick));
  self->layout.lanes = g_array_new (FALSE, FALSE, sizeof (DossierTimelineLane));
  self->layout.boxes = g_array_new (FALSE, FALSE, sizeof (DossierTimelineBox));
  self->layout.bins = g_array_new (FALSE, FALSE, sizeof (DossierTimelineBin));
  self->layout.hidden = g_array_new (FALSE, FALSE, sizeof (guint));
  dossier_timeline_model_fit (self);
}

/* Public API */

/**
 * dossier_timeline_model_new:
 *
 * Returns: (transfer full): an empty timeline showing the current year
 */
DossierTimelineModel *
dossier_timeline_model_new (void)
{
  return g_object_new (DOSSIER_TYPE_TIMELINE_MODEL, NULL);
}

/* Marks undated and impossible dates, and sorts if the store did not. */
static void
points_changed (DossierTimelineModel *self)
{
  self->n_undated = 0;
  self->n_suggested = 0;
  for (guint i = 0; i < self->points->len; i++)
    {
      DossierTimelinePoint *p = &g_array_index (self->points, DossierTimelinePoint, i);

      if (!julian_valid (p->julian))
        {
          p->julian = -1;
          self->n_undated++;
          self->n_suggested += julian_valid (p->suggested);
        }
      else
        p->suggested = -1;
    }
  /* the store hands them over in this order already */
  for (guint i = 1; i < self->points->len; i++)
    if (compare_points (&g_array_index (self->points, DossierTimelinePoint, i - 1),
                        &g_array_index (self->points, DossierTimelinePoint, i)) > 0)
      {
        g_array_sort (self->points, compare_points);
        break;
      }
  invalidate_lanes (self);
}

void
dossier_timeline_model_set_points (DossierTimelineModel       *self,
                                   const DossierTimelinePoint *points,
                                   guint                       n_points)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));
  g_return_if_fail (points != NULL || n_points == 0);

  /* a new array: the old one may be a caller's (take_points) */
  g_array_unref (self->points);
  self->points = g_array_sized_new (FALSE, FALSE, sizeof (DossierTimelinePoint), n_points);
  if (n_points > 0)
    g_array_append_vals (self->points, points, n_points);
  points_changed (self);
}

void
dossier_timeline_model_take_points (DossierTimelineModel *self,
                                    GArray               *points)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));
  g_return_if_fail (points != NULL);
  g_return_if_fail (g_array_get_element_size (points) == sizeof (DossierTimelinePoint));

  g_array_unref (self->points);
  self->points = g_array_ref (points);
  points_changed (self);
}

static gboolean
listed (gint64        id,
        const gint64 *ids,
        guint         n_ids)
{
  for (guint i = 0; i < n_ids; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

guint
dossier_timeline_model_remove_ids (DossierTimelineModel *self,
                                   const gint64         *ids,
                                   guint                 n_ids)
{
  g_autoptr(GHashTable) gone = NULL;
  GArray *points;
  guint kept = 0;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), 0);
  g_return_val_if_fail (ids != NULL || n_ids == 0, 0);

  /* a delete is one article: a hash only for many */
  if (n_ids > 8)
    {
      gone = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint i = 0; i < n_ids; i++)
        g_hash_table_add (gone, (gpointer) &ids[i]);
    }
  /* in place, in one pass: the points stay sorted and fixed, only the
   * counts of the undated ones change */
  points = self->points;
  for (guint i = 0; i < points->len; i++)
    {
      DossierTimelinePoint *p = &g_array_index (points, DossierTimelinePoint, i);

      if (gone != NULL ? g_hash_table_contains (gone, &p->id) : listed (p->id, ids, n_ids))
        {
          if (p->julian == -1)
            {
              self->n_undated--;
              self->n_suggested -= julian_valid (p->suggested);
            }
          continue;
        }
      if (kept != i)
        g_array_index (points, DossierTimelinePoint, kept) = *p;
      kept++;
    }
  if (kept == points->len)
    return 0;
  kept = points->len - kept;
  g_array_set_size (points, points->len - kept);
  invalidate_lanes (self);
  return kept;
}

guint
dossier_timeline_model_get_n_points (DossierTimelineModel *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), 0);

  return self->points->len;
}

void
dossier_timeline_model_set_tags (DossierTimelineModel *self,
                                 GHashTable           *tags)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));

  if (tags != NULL)
    g_hash_table_ref (tags);
  g_clear_pointer (&self->tags, g_hash_table_unref);
  self->tags = tags;
  if (self->mode == DOSSIER_TIMELINE_LANES_TAG)
    invalidate_lanes (self);
}

void
dossier_timeline_model_set_lane_mode (DossierTimelineModel *self,
                                      DossierTimelineLanes  mode)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));
  g_return_if_fail (mode <= DOSSIER_TIMELINE_LANES_STORY);

  if (self->mode == mode)
    return;
  self->mode = mode;
  invalidate_lanes (self);
}

DossierTimelineLanes
dossier_timeline_model_get_lane_mode (DossierTimelineModel *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), DOSSIER_TIMELINE_LANES_NONE);

  return self->mode;
}

void
dossier_timeline_model_set_metrics (DossierTimelineModel         *self,
                                    const DossierTimelineMetrics *metrics)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));
  g_return_if_fail (metrics != NULL);

  self->metrics = *metrics;
  self->metrics.box_width = MAX (self->metrics.box_width, 1);
  self->metrics.row_height = MAX (self->metrics.row_height, 1);
  self->metrics.min_lane_height = MAX (self->metrics.min_lane_height, 1);
  self->metrics.min_tick_px = MAX (self->metrics.min_tick_px, 1);
  self->metrics.min_bin_px = MAX (self->metrics.min_bin_px, 1);
  invalidate_layout (self);
}

const DossierTimelineMetrics *
dossier_timeline_model_get_metrics (DossierTimelineModel *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), NULL);

  return &self->metrics;
}

void
dossier_timeline_model_set_range (DossierTimelineModel *self,
                                  double                start,
                                  double                end)
{
  double span, mid;

  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));

  if (!isfinite (start) || !isfinite (end))
    return;
  if (end < start)
    {
      double t = start;
      start = end;
      end = t;
    }
  span = CLAMP (end - start, DOSSIER_TIMELINE_MIN_SPAN, DOSSIER_TIMELINE_MAX_SPAN);
  mid = (start + end) / 2;
  start = mid - span / 2;
  /* keep the view inside the calendar GDate knows */
  start = CLAMP (start, 1, (double) JULIAN_MAX + 1 - span);
  end = start + span;

  if (start == self->start && end == self->end)
    return;
  self->start = start;
  self->end = end;
  invalidate_layout (self);
}

void
dossier_timeline_model_get_range (DossierTimelineModel *self,
                                  double               *start,
                                  double               *end)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));

  if (start)
    *start = self->start;
  if (end)
    *end = self->end;
}

void
dossier_timeline_model_zoom (DossierTimelineModel *self,
                             double                factor,
                             double                anchor)
{
  double span, new_span, start;

  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));

  if (!(factor > 0) || !isfinite (factor) || !isfinite (anchor))
    return;
  span = self->end - self->start;
  new_span = CLAMP (span / factor, DOSSIER_TIMELINE_MIN_SPAN, DOSSIER_TIMELINE_MAX_SPAN);
  start = anchor - (anchor - self->start) * new_span / span;
  dossier_timeline_model_set_range (self, start, start + new_span);
}

void
dossier_timeline_model_pan (DossierTimelineModel *self,
                            double                days)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));

  if (isfinite (days))
    dossier_timeline_model_set_range (self, self->start + days, self->end + days);
}

void
dossier_timeline_model_fit (DossierTimelineModel *self)
{
  double first, last, span, pad;

  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));

  if (self->points->len > self->n_undated)
    {
      first = g_array_index (self->points, DossierTimelinePoint, self->n_undated).julian;
      last = g_array_index (self->points, DossierTimelinePoint, self->points->len - 1).julian + 1;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      first = date_to_julian (g_date_time_get_year (now), 1);
      last = date_to_julian (g_date_time_get_year (now) + 1, 1);
    }
  span = MAX (last - first, 14);
  pad = span * 0.03;
  dossier_timeline_model_set_range (self, (first + last - span) / 2 - pad,
                                    (first + last + span) / 2 + pad);
}

void
dossier_timeline_model_reveal (DossierTimelineModel *self,
                               double                julian,
                               double                margin)
{
  double span, pad;

  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));

  span = self->end - self->start;
  pad = span * CLAMP (margin, 0, 0.45);
  if (julian < self->start + pad)
    dossier_timeline_model_pan (self, julian - (self->start + pad));
  else if (julian > self->end - pad)
    dossier_timeline_model_pan (self, julian - (self->end - pad));
}

double
dossier_timeline_model_julian_at_x (DossierTimelineModel *self,
                                    double                width,
                                    double                x)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), 0);

  if (width <= 0)
    return self->start;
  return self->start + x * (self->end - self->start) / width;
}

double
dossier_timeline_model_x_at_julian (DossierTimelineModel *self,
                                    double                width,
                                    double                julian)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), 0);

  return (julian - self->start) * width / (self->end - self->start);
}

DossierTimelineUnit
dossier_timeline_model_choose_unit (DossierTimelineModel *self,
                                    double                width)
{
  DossierTimelineUnit unit;
  guint step;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), DOSSIER_TIMELINE_UNIT_YEAR);

  _dossier_timeline_choose_unit_and_step (MAX (width, 1) / (self->end - self->start),
                                          self->metrics.min_tick_px, &unit, &step);
  return unit;
}

void
dossier_timeline_model_range_for_x (DossierTimelineModel *self,
                                    double                x1,
                                    double                x2,
                                    gint64               *from_julian,
                                    gint64               *to_julian)
{
  double width, a, b;

  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));

  width = self->layout.width > 0 ? self->layout.width : 1;
  a = dossier_timeline_model_julian_at_x (self, width, MIN (x1, x2));
  b = dossier_timeline_model_julian_at_x (self, width, MAX (x1, x2));
  if (from_julian)
    *from_julian = CLAMP ((gint64) floor (a), 1, JULIAN_MAX);
  if (to_julian)
    *to_julian = CLAMP ((gint64) floor (b), 1, JULIAN_MAX);
}

char *
dossier_timeline_format_date (gint64 julian,
                              guint8 precision)
{
  if (!julian_valid (julian) || precision == DOSSIER_DATE_PRECISION_UNKNOWN)
    return g_strdup (_("Undated"));
  switch (precision)
    {
    case DOSSIER_DATE_PRECISION_YEAR:
      return _dossier_timeline_format_julian (julian, "%Y");
    case DOSSIER_DATE_PRECISION_MONTH:
      /* Translators: a month, a g_date_time_format() format */
      return _dossier_timeline_format_julian (julian, C_("timeline", "%B %Y"));
    default:
      /* Translators: a full date, a g_date_time_format() format */
      return _dossier_timeline_format_julian (julian, C_("timeline", "%-d %B %Y"));
    }
}
