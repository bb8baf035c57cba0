/* dossier-timeline-layout.c — the timeline's layout for a size: axis ticks,
 * bins, the density counts per lane and bin, the stacked boxes; and the
 * hit test over it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-timeline-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "dossier-timeline-model-private.h"

/* Calendar arithmetic on GDate julian days */

static void
julian_to_date (gint64  julian,
                GDate  *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32) CLAMP (julian, 1, JULIAN_MAX));
}

static double
unit_days (DossierTimelineUnit unit)
{
  switch (unit)
    {
    case DOSSIER_TIMELINE_UNIT_DAY: return 1;
    case DOSSIER_TIMELINE_UNIT_WEEK: return 7;
    case DOSSIER_TIMELINE_UNIT_MONTH: return 30.436875;
    case DOSSIER_TIMELINE_UNIT_QUARTER: return 91.310625;
    case DOSSIER_TIMELINE_UNIT_YEAR: return 365.2425;
    case DOSSIER_TIMELINE_UNIT_DECADE: return 3652.425;
    default: g_assert_not_reached ();
    }
}

/* The first day of the @unit (× @step years for years and decades) that
 * contains @julian. */
static gint64
unit_floor (DossierTimelineUnit unit,
            guint               step,
            gint64              julian)
{
  GDate d;
  int y, m;

  julian = CLAMP (julian, 1, JULIAN_MAX);
  if (unit == DOSSIER_TIMELINE_UNIT_DAY)
    return julian;
  if (unit == DOSSIER_TIMELINE_UNIT_WEEK)
    return MAX (1, julian - (julian - 1) % 7);   /* day 1 is a Monday */

  julian_to_date (julian, &d);
  y = g_date_get_year (&d);
  m = g_date_get_month (&d);
  switch (unit)
    {
    case DOSSIER_TIMELINE_UNIT_MONTH:
      return date_to_julian (y, m);
    case DOSSIER_TIMELINE_UNIT_QUARTER:
      return date_to_julian (y, (m - 1) / 3 * 3 + 1);
    case DOSSIER_TIMELINE_UNIT_YEAR:
      return date_to_julian (y - y % (int) step, 1);
    case DOSSIER_TIMELINE_UNIT_DECADE:
      return date_to_julian (y - y % (int) (10 * step), 1);
    case DOSSIER_TIMELINE_UNIT_DAY:
    case DOSSIER_TIMELINE_UNIT_WEEK:
    default:
      g_assert_not_reached ();
    }
}

/* The first day of the next @unit after the one starting at @julian;
 * JULIAN_MAX + 1 past the end of the calendar. */
static gint64
unit_next (DossierTimelineUnit unit,
           guint               step,
           gint64              julian)
{
  GDate d;
  int y, m;

  if (unit == DOSSIER_TIMELINE_UNIT_DAY)
    return julian + 1;
  if (unit == DOSSIER_TIMELINE_UNIT_WEEK)
    return julian + 7;
  if (julian > JULIAN_MAX)
    return JULIAN_MAX + 1;

  julian_to_date (julian, &d);
  y = g_date_get_year (&d);
  m = g_date_get_month (&d);
  switch (unit)
    {
    case DOSSIER_TIMELINE_UNIT_MONTH:
      return m == 12 ? date_to_julian (y + 1, 1) : date_to_julian (y, m + 1);
    case DOSSIER_TIMELINE_UNIT_QUARTER:
      return m >= 10 ? date_to_julian (y + 1, 1) : date_to_julian (y, m + 3);
    case DOSSIER_TIMELINE_UNIT_YEAR:
      return date_to_julian (y - y % (int) step + (int) step, 1);
    case DOSSIER_TIMELINE_UNIT_DECADE:
      return date_to_julian (y - y % (int) (10 * step) + 10 * (int) step, 1);
    case DOSSIER_TIMELINE_UNIT_DAY:
    case DOSSIER_TIMELINE_UNIT_WEEK:
    default:
      g_assert_not_reached ();
    }
}

char *
_dossier_timeline_format_julian (gint64      julian,
                                 const char *format)
{
  g_autoptr(GDateTime) dt = NULL;
  GDate d;

  julian_to_date (julian, &d);
  dt = g_date_time_new_utc (g_date_get_year (&d), g_date_get_month (&d),
                            g_date_get_day (&d), 0, 0, 0);
  if (dt == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, format);
}

static const char *
unit_label_format (DossierTimelineUnit unit,
                   gboolean            major)
{
  if (major)
    {
      switch (unit)
        {
        /* Translators: the timeline's month headings, a g_date_time_format() format */
        case DOSSIER_TIMELINE_UNIT_MONTH: return C_("timeline", "%B %Y");
        default: return "%Y";
        }
    }
  switch (unit)
    {
    case DOSSIER_TIMELINE_UNIT_DAY:
    case DOSSIER_TIMELINE_UNIT_WEEK:
      /* Translators: a day of the month on the timeline's axis */
      return C_("timeline", "%-d");
    case DOSSIER_TIMELINE_UNIT_MONTH:
    case DOSSIER_TIMELINE_UNIT_QUARTER:
      /* Translators: a month on the timeline's axis (abbreviated name) */
      return C_("timeline", "%b");
    case DOSSIER_TIMELINE_UNIT_YEAR:
    case DOSSIER_TIMELINE_UNIT_DECADE:
    default:
      return "%Y";
    }
}

static DossierTimelineUnit
major_unit_for (DossierTimelineUnit unit)
{
  switch (unit)
    {
    case DOSSIER_TIMELINE_UNIT_DAY:
    case DOSSIER_TIMELINE_UNIT_WEEK:
      return DOSSIER_TIMELINE_UNIT_MONTH;
    case DOSSIER_TIMELINE_UNIT_MONTH:
    case DOSSIER_TIMELINE_UNIT_QUARTER:
      return DOSSIER_TIMELINE_UNIT_YEAR;
    case DOSSIER_TIMELINE_UNIT_YEAR:
    case DOSSIER_TIMELINE_UNIT_DECADE:
    default:
      return unit;
    }
}

/* Layout */

static void
clear_ticks (GArray *ticks)
{
  for (guint i = 0; i < ticks->len; i++)
    g_free (g_array_index (ticks, DossierTimelineTick, i).label);
  g_array_set_size (ticks, 0);
}

void
_dossier_timeline_choose_unit_and_step (double               px_per_day,
                                        double               min_px,
                                        DossierTimelineUnit *unit,
                                        guint               *step)
{
  static const guint year_steps[] = { 1, 2, 5 };
  static const guint decade_steps[] = { 1, 2, 5, 10, 20, 50, 100 };

  /* short labels ("14", "Mar") need less room than years */
  static const double label_room[] = { 0.5, 0.6, 0.75, 0.75 };

  for (DossierTimelineUnit u = DOSSIER_TIMELINE_UNIT_DAY; u < DOSSIER_TIMELINE_UNIT_YEAR; u++)
    if (unit_days (u) * px_per_day >= min_px * label_room[u])
      {
        *unit = u;
        *step = 1;
        return;
      }
  for (guint i = 0; i < G_N_ELEMENTS (year_steps); i++)
    if (unit_days (DOSSIER_TIMELINE_UNIT_YEAR) * year_steps[i] * px_per_day >= min_px)
      {
        *unit = DOSSIER_TIMELINE_UNIT_YEAR;
        *step = year_steps[i];
        return;
      }
  *unit = DOSSIER_TIMELINE_UNIT_DECADE;
  *step = decade_steps[G_N_ELEMENTS (decade_steps) - 1];
  for (guint i = 0; i < G_N_ELEMENTS (decade_steps); i++)
    if (unit_days (DOSSIER_TIMELINE_UNIT_DECADE) * decade_steps[i] * px_per_day >= min_px)
      {
        *step = decade_steps[i];
        return;
      }
}

static int
compare_ticks (gconstpointer a,
               gconstpointer b)
{
  const DossierTimelineTick *ta = a, *tb = b;

  if (ta->x != tb->x)
    return ta->x < tb->x ? -1 : 1;
  return ta->major - tb->major;
}

static void
layout_ticks (DossierTimelineModel *self,
              double                width)
{
  DossierTimelineLayout *l = &self->layout;
  double px_per_day = width / (self->end - self->start);
  guint step;
  gint64 j, last = (gint64) ceil (self->end);

  _dossier_timeline_choose_unit_and_step (px_per_day, self->metrics.min_tick_px, &l->tick_unit, &step);
  l->major_unit = major_unit_for (l->tick_unit);

  for (j = unit_floor (l->tick_unit, step, (gint64) floor (self->start));
       j <= last && j <= JULIAN_MAX;
       j = unit_next (l->tick_unit, step, j))
    {
      DossierTimelineTick t;

      t.julian = j;
      t.x = ((double) j - self->start) * px_per_day;
      t.major = FALSE;
      t.label = _dossier_timeline_format_julian (j, unit_label_format (l->tick_unit, FALSE));
      g_array_append_val (l->ticks, t);
    }

  if (l->major_unit != l->tick_unit)
    for (j = unit_floor (l->major_unit, 1, (gint64) floor (self->start));
         j <= last && j <= JULIAN_MAX;
         j = unit_next (l->major_unit, 1, j))
      {
        DossierTimelineTick t;

        t.julian = j;
        t.x = ((double) j - self->start) * px_per_day;
        t.major = TRUE;
        t.label = _dossier_timeline_format_julian (j, unit_label_format (l->major_unit, TRUE));
        g_array_append_val (l->ticks, t);
      }

  g_array_sort (l->ticks, compare_ticks);
}

static void
layout_bins (DossierTimelineModel *self,
             double                width)
{
  DossierTimelineLayout *l = &self->layout;
  double px_per_day = width / (self->end - self->start);
  DossierTimelineUnit unit = DOSSIER_TIMELINE_UNIT_DECADE;
  guint step = 1;
  gint64 j;

  for (DossierTimelineUnit u = DOSSIER_TIMELINE_UNIT_DAY; u <= DOSSIER_TIMELINE_UNIT_DECADE; u++)
    if (unit_days (u) * px_per_day >= self->metrics.min_bin_px)
      {
        unit = u;
        break;
      }
  l->bin_unit = unit;

  for (j = unit_floor (unit, step, (gint64) floor (self->start));
       (double) j < self->end && j <= JULIAN_MAX;)
    {
      DossierTimelineBin b;
      gint64 next = unit_next (unit, step, j);

      b.from_julian = j;
      b.to_julian = next;
      b.x = ((double) j - self->start) * px_per_day;
      b.width = (double) (next - j) * px_per_day;
      g_array_append_val (l->bins, b);
      j = next;
    }
}

typedef struct
{
  double left;
  guint  entry;
  guint  row;
  gboolean hidden;
} Placed;

/* Boxes of the visible items of a dated lane, stacked bottom-up in rows;
 * items that find no row, and those under their "+N" badge, are hidden.
 * Returns how many items are hidden. */
static guint
stack_lane (DossierTimelineModel *self,
            guint                 lane_index,
            guint                 first,
            guint                 last,
            double                width)
{
  DossierTimelineLayout *l = &self->layout;
  DossierTimelineLane *lane = &g_array_index (l->lanes, DossierTimelineLane, lane_index);
  const DossierTimelineMetrics *m = &self->metrics;
  const Entry *entries = (const Entry *) (gpointer) self->entries->data;
  double px_per_day = width / (self->end - self->start);
  double row_end[64];
  guint n_rows = MIN (lane->n_rows, G_N_ELEMENTS (row_end));
  g_autoptr(GArray) placed = g_array_sized_new (FALSE, FALSE, sizeof (Placed), last - first);
  g_autoptr(GArray) overflow = g_array_new (FALSE, FALSE, sizeof (Placed));
  guint hidden = 0;

  for (guint r = 0; r < n_rows; r++)
    row_end[r] = -G_MAXDOUBLE;

  for (guint i = first; i < last;)
    {
      guint same = i + 1;

      /* items of one day are spread over the day's width */
      while (same < last && entries[same].julian == entries[i].julian)
        same++;
      for (guint k = i; k < same; k++)
        {
          double center = ((double) entries[i].julian - self->start
                           + ((double) (k - i) + 0.5) / (double) (same - i)) * px_per_day;
          Placed p = { center - m->box_width / 2, k, 0, FALSE };
          guint r;

          for (r = 0; r < n_rows; r++)
            if (row_end[r] + m->box_gap <= p.left)
              break;
          if (r < n_rows)
            {
              p.row = r;
              row_end[r] = p.left + m->box_width;
              g_array_append_val (placed, p);
            }
          else
            g_array_append_val (overflow, p);
        }
      i = same;
    }

  /* "+N" badges take the top row's place where items overflow */
  for (guint o = 0; o < overflow->len;)
    {
      Placed *first_o = &g_array_index (overflow, Placed, o);
      double bx = first_o->left;
      double bend = bx + m->badge_width;
      DossierTimelineBox badge = { 0 };
      guint count = 0;
      gint64 from = G_MAXINT64, to = -1;

      badge.hidden_from = l->hidden->len;
      while (o < overflow->len && g_array_index (overflow, Placed, o).left < bend)
        {
          gint64 jd = entries[g_array_index (overflow, Placed, o).entry].julian;

          g_array_append_val (l->hidden, g_array_index (overflow, Placed, o).entry);

          from = MIN (from, jd);
          to = MAX (to, jd);
          count++;
          o++;
        }
      for (guint p = 0; p < placed->len; p++)
        {
          Placed *pl = &g_array_index (placed, Placed, p);
          gint64 jd;

          if (pl->hidden || pl->row != n_rows - 1)
            continue;
          if (pl->left + m->box_width + m->box_gap <= bx || pl->left >= bend + m->box_gap)
            continue;
          pl->hidden = TRUE;
          g_array_append_val (l->hidden, pl->entry);
          jd = entries[pl->entry].julian;
          from = MIN (from, jd);
          to = MAX (to, jd);
          count++;
        }

      badge.x = bx;
      badge.width = m->badge_width;
      badge.height = m->box_height;
      badge.y = lane->content_y + lane->content_height - n_rows * m->row_height
                + (m->row_height - m->box_height) / 2;
      badge.lane = lane_index;
      badge.entry = NO_ENTRY;
      badge.overflow = count;
      badge.from_julian = from;
      badge.to_julian = to;
      g_array_append_val (l->boxes, badge);
      hidden += count;
    }

  for (guint p = 0; p < placed->len; p++)
    {
      const Placed *pl = &g_array_index (placed, Placed, p);
      const DossierTimelinePoint *pt;
      DossierTimelineBox box;

      if (pl->hidden)
        continue;
      pt = entry_point (self, pl->entry);
      box.x = pl->left;
      box.width = m->box_width;
      box.height = m->box_height;
      box.y = lane->content_y + lane->content_height - (pl->row + 1) * m->row_height
              + (m->row_height - m->box_height) / 2;
      box.lane = lane_index;
      box.entry = pl->entry;
      box.id = pt->id;
      box.overflow = 0;
      box.from_julian = box.to_julian = entries[pl->entry].julian;
      box.precision = pt->precision;
      box.n_notes = pt->n_notes;
      box.suggested = entries[pl->entry].suggested;
      box.hidden_from = 0;
      g_array_append_val (l->boxes, box);
    }

  return hidden;
}

/* The undated lane: its items packed left to right, row by row. */
static void
pack_undated (DossierTimelineModel *self,
              guint                 lane_index,
              double                width)
{
  DossierTimelineLayout *l = &self->layout;
  DossierTimelineLane *lane = &g_array_index (l->lanes, DossierTimelineLane, lane_index);
  const DossierTimelineMetrics *m = &self->metrics;
  double pitch = m->box_width + m->box_gap;
  guint per_row = (guint) MAX (1.0, floor ((width - m->box_gap) / pitch));
  guint capacity = per_row * lane->n_rows;
  guint start = lane_start (self, lane_index), end = lane_end (self, lane_index);
  guint n = end - start, shown = n;

  if (n > capacity)
    {
      /* room for a badge of five digits */
      guint badge_slots = (guint) ceil ((MAX (m->badge_width, 60) + m->box_gap) / pitch);

      shown = capacity > badge_slots ? capacity - badge_slots : 0;
    }

  for (guint i = 0; i < shown; i++)
    {
      const DossierTimelinePoint *pt = entry_point (self, start + i);
      DossierTimelineBox box;

      box.x = m->box_gap + (i % per_row) * pitch;
      box.y = lane->content_y + (i / per_row) * m->row_height + (m->row_height - m->box_height) / 2;
      box.width = m->box_width;
      box.height = m->box_height;
      box.lane = lane_index;
      box.entry = start + i;
      box.id = pt->id;
      box.overflow = 0;
      box.from_julian = box.to_julian = -1;
      box.precision = pt->precision;
      box.n_notes = pt->n_notes;
      box.suggested = FALSE;
      box.hidden_from = 0;
      g_array_append_val (l->boxes, box);
    }
  if (shown < n)
    {
      DossierTimelineBox badge = { 0 };

      badge.hidden_from = l->hidden->len;
      for (guint i = shown; i < n; i++)
        {
          guint entry = start + i;

          g_array_append_val (l->hidden, entry);
        }

      badge.x = m->box_gap + (shown % per_row) * pitch;
      badge.y = lane->content_y + (shown / per_row) * m->row_height + (m->row_height - m->box_height) / 2;
      badge.width = m->badge_width;
      badge.height = m->box_height;
      badge.lane = lane_index;
      badge.entry = NO_ENTRY;
      badge.overflow = n - shown;
      badge.from_julian = badge.to_julian = -1;
      g_array_append_val (l->boxes, badge);
    }
  lane->n_visible = n;
}

static void
layout_lanes (DossierTimelineModel *self,
              double                width,
              double                height)
{
  DossierTimelineLayout *l = &self->layout;
  const DossierTimelineMetrics *m = &self->metrics;
  const Entry *entries;
  double top = m->axis_height, undated_h = 0, dated_h, px_per_day;
  guint n_dated, n_bins;

  /* how many lanes fit decides the folding into "Other" */
  if (self->n_undated > 0)
    {
      double pitch = m->box_width + m->box_gap;
      guint per_row = (guint) MAX (1.0, floor ((width - m->box_gap) / pitch));
      guint rows = CLAMP ((self->n_undated + per_row - 1) / per_row, 1, MAX (m->undated_rows, 1));

      undated_h = m->lane_label_height + rows * m->row_height + 4;
    }
  dated_h = MAX (0, height - top - undated_h);
  if (self->mode != DOSSIER_TIMELINE_LANES_NONE)
    {
      /* lanes by person or story are compared more than read: a row each
       * lets more of them show before "Other" */
      double min_h = self->mode == DOSSIER_TIMELINE_LANES_PERSON || self->mode == DOSSIER_TIMELINE_LANES_STORY
                     ? MIN (m->min_lane_height, m->lane_label_height + m->row_height) : m->min_lane_height;
      guint limit = (guint) MAX (1.0, floor (dated_h / min_h));

      if (limit != self->fold_limit
          && (self->n_keys > limit || self->n_keys > self->fold_limit || !self->lanes_valid))
        self->lanes_valid = FALSE;
      self->fold_limit = limit;
    }
  ensure_lanes (self);

  entries = (const Entry *) (gpointer) self->entries->data;
  n_dated = n_lanes (self) - (self->undated_lane != NO_ENTRY ? 1 : 0);
  n_bins = l->bins->len;
  l->counts = g_new0 (guint, (gsize) MAX (1, n_lanes (self)) * MAX (1, n_bins));
  px_per_day = width / (self->end - self->start);

  for (guint i = 0; i < n_lanes (self); i++)
    {
      DossierTimelineLane lane = { 0 };
      gboolean undated = i == self->undated_lane;
      double label_h;

      lane.label = g_ptr_array_index (self->lane_labels, i);
      lane.undated = undated;
      lane.n_entries = lane_end (self, i) - lane_start (self, i);
      if (undated)
        {
          lane.y = top + dated_h;
          lane.height = undated_h;
        }
      else
        {
          lane.y = top + dated_h * i / MAX (n_dated, 1);
          lane.height = dated_h / MAX (n_dated, 1);
        }
      label_h = lane.label != NULL ? MIN (m->lane_label_height, lane.height / 2) : 0;
      lane.content_y = lane.y + label_h;
      if (undated)
        {
          lane.content_height = lane.height - label_h;
          lane.n_rows = (guint) CLAMP (floor (lane.content_height / m->row_height), 1, MAX (m->undated_rows, 1));
        }
      else
        {
          lane.content_height = MAX (1, lane.height - label_h - 3);   /* a little air at the foot */
          lane.n_rows = (guint) CLAMP (floor ((lane.content_height - 2) / m->row_height), 1, MAX (m->max_rows, 1));
        }
      g_array_append_val (l->lanes, lane);
    }

  for (guint i = 0; i < n_lanes (self); i++)
    {
      DossierTimelineLane *lane = &g_array_index (l->lanes, DossierTimelineLane, i);
      guint *counts = l->counts + (gsize) i * n_bins;
      double margin = (m->badge_width + m->box_width) / px_per_day + 1;
      guint first, last, b = 0, max_count = 0, capacity, boxes_before, hidden_before;

      if (lane->undated)
        {
          pack_undated (self, i, width);
          continue;
        }

      /* counts per bin of what is in view */
      first = _dossier_timeline_model_lane_lower_bound (self, i, floor (self->start));
      last = _dossier_timeline_model_lane_lower_bound (self, i, ceil (self->end));
      for (guint e = first; e < last && n_bins > 0; e++)
        {
          gint64 jd = entries[e].julian;

          while (b < n_bins && g_array_index (l->bins, DossierTimelineBin, b).to_julian <= jd)
            b++;
          if (b == n_bins)
            break;
          if (jd >= g_array_index (l->bins, DossierTimelineBin, b).from_julian)
            counts[b]++;
        }
      for (b = 0; b < n_bins; b++)
        max_count = MAX (max_count, counts[b]);
      lane->max_count = max_count;
      lane->n_visible = last - first;

      /* boxes if they fit, a histogram if not */
      capacity = (guint) (width / (m->box_width + m->box_gap)) * lane->n_rows;
      if (lane->n_visible > capacity)
        {
          lane->histogram = TRUE;
          continue;
        }
      /* items a little off the left edge can still show, as can a badge
       * they start; on the right, only those whose box reaches in */
      first = _dossier_timeline_model_lane_lower_bound (self, i, self->start - margin);
      last = _dossier_timeline_model_lane_lower_bound (self, i, self->end + m->box_width / 2 / px_per_day);
      boxes_before = l->boxes->len;
      hidden_before = l->hidden->len;
      {
        guint hidden = stack_lane (self, i, first, last, width);

        if (hidden > lane->n_rows && hidden * 3 > last - first)
          {
            lane->histogram = TRUE;
            g_array_set_size (l->boxes, boxes_before);
            g_array_set_size (l->hidden, hidden_before);
          }
      }
    }
}

void
_dossier_timeline_model_clear_layout (DossierTimelineModel *self)
{
  DossierTimelineLayout *l = &self->layout;

  clear_ticks (l->ticks);
  g_array_set_size (l->lanes, 0);
  g_array_set_size (l->boxes, 0);
  g_array_set_size (l->bins, 0);
  g_array_set_size (l->hidden, 0);
  g_clear_pointer (&l->counts, g_free);
}

const DossierTimelineLayout *
dossier_timeline_model_layout (DossierTimelineModel *self,
                               double                width,
                               double                height)
{
  DossierTimelineLayout *l;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), NULL);

  l = &self->layout;
  width = MAX (width, 1);
  height = MAX (height, 1);
  if (self->layout_valid && self->lanes_valid && l->width == width && l->height == height)
    return l;

  _dossier_timeline_model_clear_layout (self);
  l->width = width;
  l->height = height;
  l->start = self->start;
  l->end = self->end;
  layout_ticks (self, width);
  layout_bins (self, width);
  layout_lanes (self, width, height);
  self->layout_valid = TRUE;
  return l;
}

DossierTimelineHitKind
dossier_timeline_model_hit_test (DossierTimelineModel *self,
                                 double                x,
                                 double                y,
                                 DossierTimelineHit   *hit)
{
  const DossierTimelineLayout *l;
  DossierTimelineHit h = { DOSSIER_TIMELINE_HIT_NONE, NO_ENTRY, NO_ENTRY, 0, -1, -1, 0, 0 };
  const DossierTimelineLane *lane = NULL;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), DOSSIER_TIMELINE_HIT_NONE);

  l = &self->layout;
  if (!self->layout_valid)
    l = dossier_timeline_model_layout (self, l->width, l->height);

  if (x < 0 || y < 0 || x >= l->width || y >= l->height)
    goto out;
  h.julian = dossier_timeline_model_julian_at_x (self, l->width, x);
  if (y < self->metrics.axis_height)
    {
      h.kind = DOSSIER_TIMELINE_HIT_AXIS;
      goto out;
    }
  for (guint i = 0; i < l->lanes->len; i++)
    {
      const DossierTimelineLane *ln = &g_array_index (l->lanes, DossierTimelineLane, i);

      if (y >= ln->y && y < ln->y + ln->height)
        {
          lane = ln;
          h.lane = i;
          break;
        }
    }
  if (lane == NULL)
    goto out;
  h.kind = DOSSIER_TIMELINE_HIT_LANE;

  /* boxes, with a pixel of slack around each */
  for (guint i = 0; i < l->boxes->len; i++)
    {
      const DossierTimelineBox *b = &g_array_index (l->boxes, DossierTimelineBox, i);

      if (b->lane != h.lane)
        continue;
      if (x >= b->x - 1 && x < b->x + b->width + 1 && y >= b->y - 1 && y < b->y + b->height + 1)
        {
          h.from_julian = b->from_julian;
          h.to_julian = b->to_julian;
          if (b->overflow > 0)
            {
              h.kind = DOSSIER_TIMELINE_HIT_OVERFLOW;
              h.count = b->overflow;
            }
          else
            {
              h.kind = DOSSIER_TIMELINE_HIT_ITEM;
              h.entry = b->entry;
              h.id = b->id;
              h.count = 1;
            }
          goto out;
        }
    }

  if (lane->histogram && y >= lane->content_y)
    {
      guint lo = 0, hi = l->bins->len;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;
          const DossierTimelineBin *b = &g_array_index (l->bins, DossierTimelineBin, mid);

          if (b->x + b->width <= x)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo < l->bins->len)
        {
          const DossierTimelineBin *b = &g_array_index (l->bins, DossierTimelineBin, lo);
          guint count = l->counts[(gsize) h.lane * l->bins->len + lo];

          if (x >= b->x && count > 0)
            {
              h.kind = DOSSIER_TIMELINE_HIT_BIN;
              h.count = count;
              h.from_julian = b->from_julian;
              h.to_julian = b->to_julian - 1;
            }
        }
    }

out:
  if (hit)
    *hit = h;
  return h.kind;
}

void
dossier_timeline_model_bin_entries (DossierTimelineModel *self,
                                    guint                 lane,
                                    guint                 bin,
                                    guint                *first,
                                    guint                *last)
{
  const DossierTimelineLayout *l;
  const DossierTimelineBin *b;

  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));
  g_return_if_fail (first != NULL && last != NULL);

  l = &self->layout;
  *first = *last = 0;
  if (!self->layout_valid || !self->lanes_valid || lane >= n_lanes (self) || bin >= l->bins->len
      || lane == self->undated_lane)
    return;
  b = &g_array_index (l->bins, DossierTimelineBin, bin);
  *first = _dossier_timeline_model_lane_lower_bound (self, lane, MAX ((double) b->from_julian, floor (l->start)));
  *last = _dossier_timeline_model_lane_lower_bound (self, lane, MIN ((double) b->to_julian, ceil (l->end)));
  *last = MAX (*last, *first);
}

void
dossier_timeline_model_visible_entries (DossierTimelineModel *self,
                                        guint                 lane,
                                        guint                *first,
                                        guint                *last)
{
  const DossierTimelineLayout *l;

  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));
  g_return_if_fail (first != NULL && last != NULL);

  l = &self->layout;
  *first = *last = 0;
  if (!self->layout_valid || !self->lanes_valid || lane >= n_lanes (self))
    return;
  if (lane == self->undated_lane)
    {
      *first = lane_start (self, lane);
      *last = lane_end (self, lane);
      return;
    }
  *first = _dossier_timeline_model_lane_lower_bound (self, lane, floor (l->start));
  *last = _dossier_timeline_model_lane_lower_bound (self, lane, ceil (l->end));
}
