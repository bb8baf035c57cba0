/* dossier-timeline-lanes.c — the timeline's entries grouped into lanes by
 * source, tag, person or story, and the keyboard cursor that moves among them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-timeline-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-timeline-model-private.h"

typedef struct
{
  const char *key;    /* a source, tag, person or story; "" for none */
  guint       count;
} LaneKey;

static int
compare_lane_keys (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  const LaneKey *ka = a, *kb = b;
  DossierTimelineModel *self = user_data;

  /* articles in no story come after every story, however many */
  if (self->mode == DOSSIER_TIMELINE_LANES_STORY && (*ka->key == '\0') != (*kb->key == '\0'))
    return *ka->key == '\0' ? 1 : -1;
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

/* the one key of a point in every mode but lanes by tag */
static const char *
point_key (DossierTimelineModel       *self,
           const DossierTimelinePoint *p)
{
  const char *key = self->mode == DOSSIER_TIMELINE_LANES_SOURCE ? p->source : p->key;

  return key != NULL ? key : "";
}

static char *
unnamed_label (DossierTimelineLanes mode)
{
  switch (mode)
    {
    case DOSSIER_TIMELINE_LANES_SOURCE:
      return g_strdup (_("Unknown source"));
    case DOSSIER_TIMELINE_LANES_PERSON:
      return g_strdup (_("Unknown speaker"));
    case DOSSIER_TIMELINE_LANES_STORY:
      return g_strdup (_("Not in a story"));
    case DOSSIER_TIMELINE_LANES_NONE:
    case DOSSIER_TIMELINE_LANES_TAG:
    default:
      return g_strdup (_("Untagged"));
    }
}

static char *
other_label (DossierTimelineLanes mode)
{
  switch (mode)
    {
    case DOSSIER_TIMELINE_LANES_SOURCE:
      return g_strdup (_("Other sources"));
    case DOSSIER_TIMELINE_LANES_PERSON:
      return g_strdup (_("Other people"));
    case DOSSIER_TIMELINE_LANES_STORY:
      return g_strdup (_("Other stories"));
    case DOSSIER_TIMELINE_LANES_NONE:
    case DOSSIER_TIMELINE_LANES_TAG:
    default:
      return g_strdup (_("Other tags"));
    }
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
/* by day, then in point order (by id among the dated) */
static gint
compare_entries (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Entry *x = a, *y = b;

  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  return x->point < y->point ? -1 : x->point > y->point;
}

void
_dossier_timeline_model_build_lanes (DossierTimelineModel *self)
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

      for (guint i = 0; i < n_points; i++)
        {
          const DossierTimelinePoint *p = &g_array_index (self->points, DossierTimelinePoint, i);

          /* an undated article counts where its suggestion puts it */
          if (p->julian < 0 && !julian_valid (p->suggested))
            continue;
          if (self->mode != DOSSIER_TIMELINE_LANES_TAG)
            {
              /* by pointer first: keys are interned, so few distinct */
              const char *key = point_key (self, p);

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
      g_array_sort_with_data (keys, compare_lane_keys, self);
    }
  self->n_keys = keys->len;

  /* 2. lanes and their labels */
  if (self->mode == DOSSIER_TIMELINE_LANES_NONE)
    {
      n_dated_lanes = n_points > self->n_undated || self->n_suggested > 0 ? 1 : 0;
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
          else
            g_ptr_array_add (self->lane_labels, unnamed_label (self->mode));
        }
      if (named < keys->len)
        {
          other_lane = named;
          g_ptr_array_add (self->lane_labels, other_label (self->mode));
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
      Entry e = { (gint32) p->julian, i, 0, FALSE };

      if (p->julian < 0)
        {
          e.lane = self->undated_lane;
          g_array_append_val (raw, e);
          g_array_index (counts, guint, e.lane)++;
          if (!julian_valid (p->suggested))
            continue;
          /* and a hollow mark at its suggested day, in its lane */
          e.julian = (gint32) p->suggested;
          e.suggested = TRUE;
        }
      if (self->mode == DOSSIER_TIMELINE_LANES_NONE)
        {
          e.lane = 0;
          g_array_append_val (raw, e);
          g_array_index (counts, guint, 0)++;
        }
      else
        {
          const char * const *tags = NULL;
          const char *single[2] = { "", NULL };
          guint first_here = raw->len;

          if (self->mode != DOSSIER_TIMELINE_LANES_TAG)
            single[0] = point_key (self, p);
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
  /* the undated points come first: lanes with suggested marks are sorted
   * by day again */
  if (self->n_suggested > 0)
    for (guint l = 0; l + 1 < self->lane_offsets->len; l++)
      if (l != self->undated_lane)
        {
          guint from = g_array_index (self->lane_offsets, guint, l);
          guint to = g_array_index (self->lane_offsets, guint, l + 1);

          g_qsort_with_data (&g_array_index (self->entries, Entry, from), (gint) (to - from), sizeof (Entry),
                             compare_entries, self);
        }

  self->lanes_valid = TRUE;
  find_cursor_again (self);
}

/* The first entry of @lane with julian >= @julian */
guint
_dossier_timeline_model_lane_lower_bound (DossierTimelineModel *self,
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
  i = _dossier_timeline_model_lane_lower_bound (self, lane, julian);
  if (i == end)
    return end - 1;
  if (i > start && julian - entries[i - 1].julian < entries[i].julian - julian)
    return i - 1;
  return i;
}

/* Entries and the cursor */

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
      const Entry *e = &g_array_index (self->entries, Entry, entry);

      out->id = p->id;
      out->julian = e->julian;
      out->suggested = e->suggested;
      out->precision = p->precision;
      out->n_notes = p->n_notes;
      out->note_author = p->note_author;
      out->source = p->source;
      out->lane = g_array_index (self->entries, Entry, entry).lane;
      out->key = p->key;
      out->item = p->item;
    }
  return TRUE;
}

gint64
dossier_timeline_model_entry_id (DossierTimelineModel *self,
                                 guint                 entry)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE_MODEL (self), 0);

  ensure_lanes (self);
  return entry < self->entries->len ? entry_point (self, entry)->id : 0;
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
  here = g_array_index (self->entries, Entry, self->cursor).julian;
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
