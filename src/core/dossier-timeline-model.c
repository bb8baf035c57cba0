/* dossier-timeline-model.c — what the timeline shows: range, ticks, lanes, bins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-timeline-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "dossier-timeline-model.h"

/* GDate's last day, 31 December 9999 */
#define JULIAN_MAX 3652059
#define NO_ENTRY G_MAXUINT
#define UNDATED_KEY "\x01undated"

typedef struct
{
  gint32 julian;      /* -1 undated */
  guint32 point;      /* index into self->points */
  guint32 lane;
} Entry;

typedef struct
{
  const char *key;    /* a source or a tag; "" for none */
  guint       count;
} LaneKey;

struct _DossierTimelineModel
{
  GObject                parent_instance;

  GArray                *points;      /* DossierTimelinePoint, by (julian, id) */
  guint                  n_undated;   /* they come first in points */
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

G_DEFINE_FINAL_TYPE (DossierTimelineModel, dossier_timeline_model, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (DossierTimelineLanes, dossier_timeline_lanes,
                    G_DEFINE_ENUM_VALUE (DOSSIER_TIMELINE_LANES_NONE, "none"),
                    G_DEFINE_ENUM_VALUE (DOSSIER_TIMELINE_LANES_SOURCE, "source"),
                    G_DEFINE_ENUM_VALUE (DOSSIER_TIMELINE_LANES_TAG, "tag"))

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

/* Calendar arithmetic on GDate julian days */

static gboolean
julian_valid (gint64 julian)
{
  return julian >= 1 && julian <= JULIAN_MAX;
}

static void
julian_to_date (gint64  julian,
                GDate  *date)
{
  g_date_clear (date, 1);
  g_date_set_julian (date, (guint32) CLAMP (julian, 1, JULIAN_MAX));
}

static gint64
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

static char *
format_julian (gint64      julian,
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

/* Lanes */

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const DossierTimelinePoint *pa = a, *pb = b;

  if (pa->julian != pb->julian)
    return pa->julian < pb->julian ? -1 : 1;
  if (pa->id != pb->id)
    return pa->id < pb->id ? -1 : 1;
  return 0;
}

static int
compare_lane_keys (gconstpointer a,
                   gconstpointer b)
{
  const LaneKey *ka = a, *kb = b;

  if (ka->count != kb->count)
    return ka->count > kb->count ? -1 : 1;
  /* the unnamed lane ("" — unknown source, untagged) after named ones */
  if ((*ka->key == '\0') != (*kb->key == '\0'))
    return *ka->key == '\0' ? 1 : -1;
  return g_utf8_collate (ka->key, kb->key);
}

static const char * const *
point_tags (DossierTimelineModel       *self,
            const DossierTimelinePoint *p)
{
  if (self->tags == NULL)
    return NULL;
  return g_hash_table_lookup (self->tags, &p->id);
}

static const char *
point_key (const DossierTimelinePoint *p)
{
  return p->source != NULL ? p->source : "";
}

static guint
lane_start (DossierTimelineModel *self,
            guint                 lane)
{
  return g_array_index (self->lane_offsets, guint, lane);
}

static guint
lane_end (DossierTimelineModel *self,
          guint                 lane)
{
  return g_array_index (self->lane_offsets, guint, lane + 1);
}

static guint
n_lanes (DossierTimelineModel *self)
{
  return self->lane_offsets->len - 1;
}

static const DossierTimelinePoint *
entry_point (DossierTimelineModel *self,
             guint                 entry)
{
  const Entry *e = &g_array_index (self->entries, Entry, entry);

  return &g_array_index (self->points, DossierTimelinePoint, e->point);
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

static void
find_cursor_again (DossierTimelineModel *self)
{
  guint first = NO_ENTRY;

  self->cursor = NO_ENTRY;
  if (self->cursor_id == 0)
    return;
  for (guint i = 0; i < self->entries->len; i++)
    {
      const Entry *e = &g_array_index (self->entries, Entry, i);
      const char *label;

      if (entry_point (self, i)->id != self->cursor_id)
        continue;
      if (first == NO_ENTRY)
        first = i;
      label = g_ptr_array_index (self->lane_labels, e->lane);
      if (g_strcmp0 (label, self->cursor_lane) == 0)
        {
          self->cursor = i;
          return;
        }
    }
  self->cursor = first;
  if (first == NO_ENTRY)
    {
      self->cursor_id = 0;
      g_clear_pointer (&self->cursor_lane, g_free);
    }
}

/* Groups the entries by lane.  Lanes are the distinct sources (or tags)
 * by how many articles they have; past @self->fold_limit dated lanes, the
 * rest share an "Other" lane.  Undated articles have the last lane. */
static void
build_lanes (DossierTimelineModel *self)
{
  g_autoptr(GHashTable) key_lane = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) ptr_lane = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (LaneKey));
  g_autoptr(GArray) raw = g_array_new (FALSE, FALSE, sizeof (Entry));
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  guint n_points = self->points->len;
  guint n_dated_lanes, other_lane = NO_ENTRY, total;

  g_ptr_array_set_size (self->lane_labels, 0);
  g_array_set_size (self->lane_offsets, 0);
  g_array_set_size (self->entries, 0);
  self->undated_lane = NO_ENTRY;

  /* 1. the distinct keys and how many dated articles each has */
  if (self->mode != DOSSIER_TIMELINE_LANES_NONE)
    {
      g_autoptr(GHashTable) key_count = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GHashTable) ptr_count = g_hash_table_new (NULL, NULL);
      GHashTableIter iter;
      gpointer k, v;

      for (guint i = self->n_undated; i < n_points; i++)
        {
          const DossierTimelinePoint *p = &g_array_index (self->points, DossierTimelinePoint, i);

          if (self->mode == DOSSIER_TIMELINE_LANES_SOURCE)
            {
              /* by pointer first: sources are interned, so few distinct */
              const char *key = point_key (p);

              v = g_hash_table_lookup (ptr_count, key);
              g_hash_table_insert (ptr_count, (gpointer) key, GUINT_TO_POINTER (GPOINTER_TO_UINT (v) + 1));
            }
          else
            {
              const char * const *tags = point_tags (self, p);

              if (tags == NULL || tags[0] == NULL)
                {
                  v = g_hash_table_lookup (key_count, "");
                  g_hash_table_insert (key_count, (gpointer) "", GUINT_TO_POINTER (GPOINTER_TO_UINT (v) + 1));
                }
              else
                for (guint t = 0; tags[t] != NULL; t++)
                  {
                    v = g_hash_table_lookup (key_count, tags[t]);
                    g_hash_table_insert (key_count, (gpointer) tags[t], GUINT_TO_POINTER (GPOINTER_TO_UINT (v) + 1));
                  }
            }
        }
      g_hash_table_iter_init (&iter, ptr_count);
      while (g_hash_table_iter_next (&iter, &k, &v))
        {
          gpointer before = g_hash_table_lookup (key_count, k);

          g_hash_table_insert (key_count, k, GUINT_TO_POINTER (GPOINTER_TO_UINT (before) + GPOINTER_TO_UINT (v)));
        }
      g_hash_table_iter_init (&iter, key_count);
      while (g_hash_table_iter_next (&iter, &k, &v))
        {
          LaneKey lk = { k, GPOINTER_TO_UINT (v) };
          g_array_append_val (keys, lk);
        }
      g_array_sort (keys, compare_lane_keys);
    }
  self->n_keys = keys->len;

  /* 2. lanes and their labels */
  if (self->mode == DOSSIER_TIMELINE_LANES_NONE)
    {
      n_dated_lanes = n_points > self->n_undated ? 1 : 0;
      if (n_dated_lanes)
        g_ptr_array_add (self->lane_labels, NULL);
    }
  else
    {
      guint limit = MAX (self->fold_limit, 1);
      guint named = keys->len > limit ? limit - 1 : keys->len;

      for (guint i = 0; i < named; i++)
        {
          LaneKey *lk = &g_array_index (keys, LaneKey, i);

          g_hash_table_insert (key_lane, (gpointer) lk->key, GUINT_TO_POINTER (i + 1));
          if (*lk->key != '\0')
            g_ptr_array_add (self->lane_labels, g_strdup (lk->key));
          else if (self->mode == DOSSIER_TIMELINE_LANES_SOURCE)
            g_ptr_array_add (self->lane_labels, g_strdup (_("Unknown source")));
          else
            g_ptr_array_add (self->lane_labels, g_strdup (_("Untagged")));
        }
      if (named < keys->len)
        {
          other_lane = named;
          g_ptr_array_add (self->lane_labels,
                           g_strdup (self->mode == DOSSIER_TIMELINE_LANES_SOURCE
                                     ? _("Other sources") : _("Other tags")));
        }
      n_dated_lanes = self->lane_labels->len;
    }
  if (self->n_undated > 0)
    {
      self->undated_lane = n_dated_lanes;
      g_ptr_array_add (self->lane_labels, g_strdup (_("Undated")));
    }

  /* 3. entries in point order (so by date), then a stable bucket sort */
  g_array_set_size (counts, self->lane_labels->len);
  for (guint i = 0; i < n_points; i++)
    {
      const DossierTimelinePoint *p = &g_array_index (self->points, DossierTimelinePoint, i);
      Entry e = { (gint32) p->julian, i, 0 };

      if (p->julian < 0)
        {
          e.lane = self->undated_lane;
          g_array_append_val (raw, e);
          g_array_index (counts, guint, e.lane)++;
        }
      else if (self->mode == DOSSIER_TIMELINE_LANES_NONE)
        {
          g_array_append_val (raw, e);
          g_array_index (counts, guint, 0)++;
        }
      else
        {
          const char * const *tags = NULL;
          const char *single[2] = { "", NULL };
          guint first_here = raw->len;

          if (self->mode == DOSSIER_TIMELINE_LANES_SOURCE)
            single[0] = point_key (p);
          else
            tags = point_tags (self, p);
          if (tags == NULL || tags[0] == NULL)
            tags = single;

          for (guint t = 0; tags[t] != NULL; t++)
            {
              gpointer lane = g_hash_table_lookup (ptr_lane, tags[t]);
              gboolean seen = FALSE;

              if (lane == NULL)
                {
                  lane = g_hash_table_lookup (key_lane, tags[t]);
                  if (lane == NULL)
                    lane = GUINT_TO_POINTER (other_lane + 1);   /* 0 for none */
                  g_hash_table_insert (ptr_lane, (gpointer) tags[t], lane);
                }
              e.lane = GPOINTER_TO_UINT (lane) - 1;
              if (e.lane == NO_ENTRY)
                continue;
              for (guint j = first_here; j < raw->len && !seen; j++)
                seen = g_array_index (raw, Entry, j).lane == e.lane;
              if (seen)
                continue;
              g_array_append_val (raw, e);
              g_array_index (counts, guint, e.lane)++;
            }
        }
    }

  total = 0;
  for (guint l = 0; l < counts->len; l++)
    {
      guint c = g_array_index (counts, guint, l);

      g_array_append_val (self->lane_offsets, total);
      g_array_index (counts, guint, l) = total;   /* now the fill position */
      total += c;
    }
  g_array_append_val (self->lane_offsets, total);
  g_array_set_size (self->entries, total);
  for (guint i = 0; i < raw->len; i++)
    {
      const Entry *e = &g_array_index (raw, Entry, i);
      guint *pos = &g_array_index (counts, guint, e->lane);

      g_array_index (self->entries, Entry, *pos) = *e;
      (*pos)++;
    }

  self->lanes_valid = TRUE;
  find_cursor_again (self);
}

static void
ensure_lanes (DossierTimelineModel *self)
{
  if (!self->lanes_valid)
    build_lanes (self);
}

/* The first entry of @lane with julian >= @julian */
static guint
lane_lower_bound (DossierTimelineModel *self,
                  guint                 lane,
                  double                julian)
{
  guint lo = lane_start (self, lane), hi = lane_end (self, lane);
  const Entry *entries = (const Entry *) (gpointer) self->entries->data;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if ((double) entries[mid].julian < julian)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static guint
lane_nearest (DossierTimelineModel *self,
              guint                 lane,
              double                julian)
{
  guint start = lane_start (self, lane), end = lane_end (self, lane);
  guint i;
  const Entry *entries = (const Entry *) (gpointer) self->entries->data;

  if (start == end)
    return NO_ENTRY;
  if (lane == self->undated_lane)
    return start;
  i = lane_lower_bound (self, lane, julian);
  if (i == end)
    return end - 1;
  if (i > start && julian - entries[i - 1].julian < entries[i].julian - julian)
    return i - 1;
  return i;
}

/* Layout */

static void
clear_ticks (GArray *ticks)
{
  for (guint i = 0; i < ticks->len; i++)
    g_free (g_array_index (ticks, DossierTimelineTick, i).label);
  g_array_set_size (ticks, 0);
}

static void
choose_unit_and_step (double               px_per_day,
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

  choose_unit_and_step (px_per_day, self->metrics.min_tick_px, &l->tick_unit, &step);
  l->major_unit = major_unit_for (l->tick_unit);

  for (j = unit_floor (l->tick_unit, step, (gint64) floor (self->start));
       j <= last && j <= JULIAN_MAX;
       j = unit_next (l->tick_unit, step, j))
    {
      DossierTimelineTick t;

      t.julian = j;
      t.x = ((double) j - self->start) * px_per_day;
      t.major = FALSE;
      t.label = format_julian (j, unit_label_format (l->tick_unit, FALSE));
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
        t.label = format_julian (j, unit_label_format (l->major_unit, TRUE));
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

      while (o < overflow->len && g_array_index (overflow, Placed, o).left < bend)
        {
          gint64 jd = entries[g_array_index (overflow, Placed, o).entry].julian;

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
      box.from_julian = box.to_julian = pt->julian;
      box.precision = pt->precision;
      box.n_notes = pt->n_notes;
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
      g_array_append_val (l->boxes, box);
    }
  if (shown < n)
    {
      DossierTimelineBox badge = { 0 };

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
      guint limit = (guint) MAX (1.0, floor (dated_h / m->min_lane_height));

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
      guint first, last, b = 0, max_count = 0, capacity, boxes_before;

      if (lane->undated)
        {
          pack_undated (self, i, width);
          continue;
        }

      /* counts per bin of what is in view */
      first = lane_lower_bound (self, i, floor (self->start));
      last = lane_lower_bound (self, i, ceil (self->end));
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
      first = lane_lower_bound (self, i, self->start - margin);
      last = lane_lower_bound (self, i, self->end + m->box_width / 2 / px_per_day);
      boxes_before = l->boxes->len;
      {
        guint hidden = stack_lane (self, i, first, last, width);

        if (hidden > lane->n_rows && hidden * 3 > last - first)
          {
            lane->histogram = TRUE;
            g_array_set_size (l->boxes, boxes_before);
          }
      }
    }
}

static void
clear_layout (DossierTimelineModel *self)
{
  DossierTimelineLayout *l = &self->layout;

  clear_ticks (l->ticks);
  g_array_set_size (l->lanes, 0);
  g_array_set_size (l->boxes, 0);
  g_array_set_size (l->bins, 0);
  g_clear_pointer (&l->counts, g_free);
}

/* GObject */

static void
dossier_timeline_model_finalize (GObject *object)
{
  DossierTimelineModel *self = DOSSIER_TIMELINE_MODEL (object);

  clear_layout (self);
  g_array_unref (self->layout.ticks);
  g_array_unref (self->layout.lanes);
  g_array_unref (self->layout.boxes);
  g_array_unref (self->layout.bins);
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
  for (guint i = 0; i < self->points->len; i++)
    {
      DossierTimelinePoint *p = &g_array_index (self->points, DossierTimelinePoint, i);

      if (!julian_valid (p->julian))
        {
          p->julian = -1;
          self->n_undated++;
        }
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
  g_return_if_fail (mode <= DOSSIER_TIMELINE_LANES_TAG);

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

  choose_unit_and_step (MAX (width, 1) / (self->end - self->start),
                        self->metrics.min_tick_px, &unit, &step);
  return unit;
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

  clear_layout (self);
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

guint
dossier_timeline_model_get_n_entries (DossierTimelineModel *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), 0);

  ensure_lanes (self);
  return self->entries->len;
}

gboolean
dossier_timeline_model_get_entry (DossierTimelineModel *self,
                                  guint                 entry,
                                  DossierTimelineEntry *out)
{
  const DossierTimelinePoint *p;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), FALSE);

  ensure_lanes (self);
  if (entry >= self->entries->len)
    return FALSE;
  p = entry_point (self, entry);
  if (out)
    {
      out->id = p->id;
      out->julian = p->julian;
      out->precision = p->precision;
      out->n_notes = p->n_notes;
      out->source = p->source;
      out->lane = g_array_index (self->entries, Entry, entry).lane;
    }
  return TRUE;
}

guint
dossier_timeline_model_find_entry (DossierTimelineModel *self,
                                   gint64                id)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), NO_ENTRY);

  ensure_lanes (self);
  for (guint i = 0; i < self->entries->len; i++)
    if (entry_point (self, i)->id == id)
      return i;
  return NO_ENTRY;
}

guint
dossier_timeline_model_get_cursor (DossierTimelineModel *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), NO_ENTRY);

  ensure_lanes (self);
  return self->cursor;
}

void
dossier_timeline_model_set_cursor (DossierTimelineModel *self,
                                   guint                 entry)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE_MODEL (self));

  ensure_lanes (self);
  g_clear_pointer (&self->cursor_lane, g_free);
  if (entry >= self->entries->len)
    {
      self->cursor = NO_ENTRY;
      self->cursor_id = 0;
      return;
    }
  self->cursor = entry;
  self->cursor_id = entry_point (self, entry)->id;
  self->cursor_lane = g_strdup (g_ptr_array_index (self->lane_labels,
                                                   g_array_index (self->entries, Entry, entry).lane));
}

gboolean
dossier_timeline_model_move_cursor (DossierTimelineModel     *self,
                                    DossierTimelineDirection  direction)
{
  guint target = NO_ENTRY, lane, n;
  double here;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), FALSE);

  ensure_lanes (self);
  n = n_lanes (self);
  if (self->entries->len == 0)
    return FALSE;

  if (self->cursor == NO_ENTRY)
    {
      here = (self->start + self->end) / 2;
      for (lane = 0; lane < n && target == NO_ENTRY; lane++)
        target = lane_nearest (self, lane, here);
      dossier_timeline_model_set_cursor (self, target);
      return target != NO_ENTRY;
    }

  lane = g_array_index (self->entries, Entry, self->cursor).lane;
  here = entry_point (self, self->cursor)->julian;
  if (here < 0)
    here = (self->start + self->end) / 2;
  switch (direction)
    {
    case DOSSIER_TIMELINE_PREVIOUS:
      if (self->cursor > lane_start (self, lane))
        target = self->cursor - 1;
      break;
    case DOSSIER_TIMELINE_NEXT:
      if (self->cursor + 1 < lane_end (self, lane))
        target = self->cursor + 1;
      break;
    case DOSSIER_TIMELINE_FIRST:
      target = lane_start (self, lane);
      break;
    case DOSSIER_TIMELINE_LAST:
      target = lane_end (self, lane) - 1;
      break;
    case DOSSIER_TIMELINE_UP:
      for (guint l = lane; l > 0 && target == NO_ENTRY; l--)
        target = lane_nearest (self, l - 1, here);
      break;
    case DOSSIER_TIMELINE_DOWN:
      for (guint l = lane + 1; l < n && target == NO_ENTRY; l++)
        target = lane_nearest (self, l, here);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  if (target == NO_ENTRY || target == self->cursor)
    return FALSE;
  dossier_timeline_model_set_cursor (self, target);
  return TRUE;
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
      return format_julian (julian, "%Y");
    case DOSSIER_DATE_PRECISION_MONTH:
      /* Translators: a month, a g_date_time_format() format */
      return format_julian (julian, C_("timeline", "%B %Y"));
    default:
      /* Translators: a full date, a g_date_time_format() format */
      return format_julian (julian, C_("timeline", "%-d %B %Y"));
    }
}
