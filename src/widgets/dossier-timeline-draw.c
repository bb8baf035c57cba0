/* dossier-timeline-draw.c — DossierTimeline's drawing: the axis, grid,
 * lanes, histograms, boxes, the cursor and the selected range, as render
 * nodes from the model's layout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <math.h>
#include <string.h>

#include "dossier-timeline.h"
#include "dossier-timeline-private.h"
#include "dossier-member-color.h"

#define BOX_RADIUS      3.0f

typedef struct
{
  GdkRGBA fg;            /* text */
  GdkRGBA dim;           /* secondary text */
  GdkRGBA bg;            /* the view */
  GdkRGBA band;          /* axis band and every other lane */
  GdkRGBA line;          /* separators */
  GdkRGBA grid;          /* minor grid */
  GdkRGBA grid_major;
  GdkRGBA accent;        /* accent as a foreground */
  GdkRGBA accent_bg;     /* accent as a fill */
  GdkRGBA item;          /* an article */
  GdkRGBA item_hover;
  GdkRGBA bar;           /* histogram */
  GdkRGBA bar_hover;
  GdkRGBA badge;
  GdkRGBA note;          /* the mark of an article with notes */
  GdkRGBA selection;     /* the selected range */
} Palette;

static void
rgba_set (GdkRGBA       *c,
          const GdkRGBA *base,
          float          alpha)
{
  *c = *base;
  c->alpha = base->alpha * alpha;
}

static void
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback,
              GdkRGBA         *out)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, name, out))
    gdk_rgba_parse (out, fallback);
  G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
get_palette (DossierTimeline *self,
             Palette         *p)
{
  GtkStyleContext *context;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (context, &p->fg);
  G_GNUC_END_IGNORE_DEPRECATIONS

  lookup_color (context, "view_bg_color", dark ? "#1e1e1e" : "#ffffff", &p->bg);
  lookup_color (context, "accent_color", dark ? "#78aeed" : "#1c71d8", &p->accent);
  lookup_color (context, "accent_bg_color", "#3584e4", &p->accent_bg);

  rgba_set (&p->dim, &p->fg, 0.55f);
  rgba_set (&p->band, &p->fg, dark ? 0.04f : 0.03f);
  rgba_set (&p->line, &p->fg, 0.15f);
  rgba_set (&p->grid, &p->fg, 0.06f);
  rgba_set (&p->grid_major, &p->fg, 0.14f);
  rgba_set (&p->item, &p->accent, dark ? 0.70f : 0.62f);
  rgba_set (&p->item_hover, &p->accent, 1.0f);
  rgba_set (&p->bar, &p->fg, dark ? 0.34f : 0.30f);
  rgba_set (&p->bar_hover, &p->accent, 0.75f);
  rgba_set (&p->badge, &p->fg, 0.12f);
  rgba_set (&p->selection, &p->accent_bg, dark ? 0.22f : 0.16f);
  /* the yellow of libadwaita's palette, as the highlights use */
  gdk_rgba_parse (&p->note, dark ? "#f8e45c" : "#e5a50a");
}

/* Colours by story: libadwaita's palette, darker shades on a light view
 * and lighter on a dark one, each at least 3:1 against the view (WCAG's
 * least for marks).  Neighbouring hues differ most, as a story's id and
 * the next usually are neighbours in time too. */
static const char * const story_colors_light[] = {
  "#1c71d8", "#c64600", "#26a269", "#c01c28", "#813d9c", "#9c6e03", "#1a7f8f", "#865e3c",
};
static const char * const story_colors_dark[] = {
  "#62a0ea", "#ffa348", "#57e389", "#f66151", "#dc8add", "#f8e45c", "#5bc8af", "#cdab8f",
};
G_STATIC_ASSERT (G_N_ELEMENTS (story_colors_light) == G_N_ELEMENTS (story_colors_dark));
G_STATIC_ASSERT (G_N_ELEMENTS (story_colors_light) == DOSSIER_TIMELINE_NO_STORY_SLOT);
G_STATIC_ASSERT (DOSSIER_TIMELINE_N_STORY_SLOTS == DOSSIER_TIMELINE_NO_STORY_SLOT + 1);

guint
_dossier_timeline_n_story_colors (void)
{
  return G_N_ELEMENTS (story_colors_light);
}

void
_dossier_timeline_nth_story_color (guint    i,
                                   gboolean dark,
                                   GdkRGBA *out)
{
  i %= G_N_ELEMENTS (story_colors_light);
  gdk_rgba_parse (out, dark ? story_colors_dark[i] : story_colors_light[i]);
}

void
dossier_timeline_story_slot_color (guint     slot,
                                   gboolean  dark,
                                   GdkRGBA  *out)
{
  g_return_if_fail (out != NULL);

  if (slot >= G_N_ELEMENTS (story_colors_light))
    {
      /* in no story: grey, behind the stories' colours */
      GdkRGBA grey = { 0.5f, 0.5f, 0.5f, dark ? 0.55f : 0.45f };

      *out = grey;
    }
  else
    _dossier_timeline_nth_story_color (slot, dark, out);
}

guint
_dossier_timeline_story_slot (DossierTimeline *self,
                              gint64           id)
{
  const DossierTimelinePoint *p;

  if (self->story_of == NULL)
    return G_MAXUINT;
  p = g_hash_table_lookup (self->story_of, &id);
  if (p == NULL)
    return DOSSIER_TIMELINE_NO_STORY_SLOT;
  /* by the story's id: a story keeps its colour however the view moves */
  return (guint) ((guint64) MAX (p->item, 0) % G_N_ELEMENTS (story_colors_light));
}

gboolean
_dossier_timeline_story_color (DossierTimeline *self,
                               gint64           id,
                               gboolean         dark,
                               GdkRGBA         *out)
{
  guint slot = _dossier_timeline_story_slot (self, id);

  if (slot == G_MAXUINT)
    return FALSE;
  dossier_timeline_story_slot_color (slot, dark, out);
  return TRUE;
}

gboolean
_dossier_timeline_bin_split (DossierTimeline *self,
                             guint            lane,
                             guint            bin,
                             guint           *counts)
{
  guint first, last;

  if (self->story_of == NULL)
    return FALSE;
  memset (counts, 0, sizeof (guint) * DOSSIER_TIMELINE_N_STORY_SLOTS);
  dossier_timeline_model_bin_entries (self->model, lane, bin, &first, &last);
  for (guint e = first; e < last; e++)
    counts[_dossier_timeline_story_slot (self, dossier_timeline_model_entry_id (self->model, e))]++;
  return TRUE;
}

gboolean
_dossier_timeline_badge_split (DossierTimeline             *self,
                               const DossierTimelineLayout *layout,
                               const DossierTimelineBox    *badge,
                               guint                       *counts)
{
  if (self->story_of == NULL || badge->overflow == 0)
    return FALSE;
  memset (counts, 0, sizeof (guint) * DOSSIER_TIMELINE_N_STORY_SLOTS);
  for (guint i = 0; i < badge->overflow && badge->hidden_from + i < layout->hidden->len; i++)
    {
      guint entry = g_array_index (layout->hidden, guint, badge->hidden_from + i);

      counts[_dossier_timeline_story_slot (self, dossier_timeline_model_entry_id (self->model, entry))]++;
    }
  return TRUE;
}

/* The slots of @counts with any items, the most first, grey (no story)
 * last; returns how many. */
static guint
order_slots (const guint *counts,
             guint       *order)
{
  guint n = 0;

  for (guint s = 0; s < DOSSIER_TIMELINE_NO_STORY_SLOT; s++)
    if (counts[s] > 0)
      {
        guint k = n++;

        /* insertion: eight at most */
        while (k > 0 && counts[order[k - 1]] < counts[s])
          {
            order[k] = order[k - 1];
            k--;
          }
        order[k] = s;
      }
  if (counts[DOSSIER_TIMELINE_NO_STORY_SLOT] > 0)
    order[n++] = DOSSIER_TIMELINE_NO_STORY_SLOT;
  return n;
}

static void
append_box (GtkSnapshot           *snapshot,
            const graphene_rect_t *rect,
            float                  radius,
            const GdkRGBA         *color)
{
  GskRoundedRect rr;

  gsk_rounded_rect_init_from_rect (&rr, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rr);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
append_outline (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius,
                float                  width,
                const GdkRGBA         *color)
{
  GskRoundedRect rr;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rr, rect, radius);
  gtk_snapshot_append_border (snapshot, &rr, widths, colors);
}

/* Draws @text at (x, y) (its top left) and returns its width. */
static int
append_text (DossierTimeline            *self,
             GtkSnapshot                *snapshot,
             const char                 *text,
             const PangoFontDescription *font,
             double                      x,
             double                      y,
             const GdkRGBA              *color)
{
  int w, h;

  pango_layout_set_font_description (self->layout, font);
  pango_layout_set_text (self->layout, text, -1);
  pango_layout_get_pixel_size (self->layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (round (x), round (y)));
  gtk_snapshot_append_layout (snapshot, self->layout, color);
  gtk_snapshot_restore (snapshot);
  return w;
}

static int
text_width (DossierTimeline            *self,
            const char                 *text,
            const PangoFontDescription *font)
{
  int w;

  pango_layout_set_font_description (self->layout, font);
  pango_layout_set_text (self->layout, text, -1);
  pango_layout_get_pixel_size (self->layout, &w, NULL);
  return w;
}

/* Drawing */

void
_dossier_timeline_update_fonts (DossierTimeline *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *base = pango_context_get_font_description (context);
  DossierTimelineMetrics metrics = *dossier_timeline_model_get_metrics (self->model);
  int size, h;

  g_clear_pointer (&self->small_font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);
  self->small_font = base ? pango_font_description_copy (base) : pango_font_description_from_string ("Sans 10");
  size = pango_font_description_get_size (self->small_font);
  if (size <= 0)
    size = 10 * PANGO_SCALE;
  pango_font_description_set_size (self->small_font, (int) (size * 0.85));
  self->bold_font = pango_font_description_copy (self->small_font);
  pango_font_description_set_weight (self->bold_font, PANGO_WEIGHT_BOLD);

  g_clear_object (&self->layout);
  self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_font_description (self->layout, self->bold_font);
  pango_layout_set_text (self->layout, "2013 Ag", -1);
  pango_layout_get_pixel_size (self->layout, NULL, &h);
  self->line_height = MAX (h, 8);

  /* two rows of labels in the axis band, one over each lane */
  metrics.axis_height = 2 * self->line_height + 10;
  metrics.lane_label_height = self->line_height + 4;
  metrics.min_tick_px = MAX (56, text_width (self, "Mar 2013", self->small_font) * 0.9);
  metrics.min_lane_height = metrics.lane_label_height + 2 * metrics.row_height + 4;
  dossier_timeline_model_set_metrics (self->model, &metrics);
}

static void
snapshot_axis (DossierTimeline             *self,
               GtkSnapshot                 *snapshot,
               const DossierTimelineLayout *layout,
               const Palette               *p)
{
  const DossierTimelineMetrics *m = dossier_timeline_model_get_metrics (self->model);
  double w = layout->width, axis = m->axis_height;
  gboolean has_major = layout->major_unit != layout->tick_unit;
  double major_y = 4, minor_y = has_major ? 6 + self->line_height : (axis - self->line_height) / 2;
  const DossierTimelineTick *ticks = (const DossierTimelineTick *) (gpointer) layout->ticks->data;
  guint n = layout->ticks->len;
  double last_minor_end = -G_MAXDOUBLE;
  /* labels end before a button laid over the band's right */
  double text_end = w - self->end_inset;

  gtk_snapshot_append_color (snapshot, &p->band, &GRAPHENE_RECT_INIT (0, 0, w, axis));
  gtk_snapshot_append_color (snapshot, &p->line, &GRAPHENE_RECT_INIT (0, axis - 1, w, 1));

  for (guint i = 0; i < n; i++)
    {
      const DossierTimelineTick *t = &ticks[i];
      double next_x = G_MAXDOUBLE;
      double label_x;

      if (t->major)
        {
          /* the heading sticks to the left edge until the next pushes it */
          for (guint j = i + 1; j < n; j++)
            if (ticks[j].major)
              {
                next_x = ticks[j].x;
                break;
              }
          label_x = MAX (t->x + 6, 6);
          {
            int tw = text_width (self, t->label, self->bold_font);

            label_x = MIN (label_x, next_x - tw - 12);
            /* pushed off by the next heading, or not in yet: not half a word */
            if (label_x < 0 || label_x + tw > text_end)
              continue;
            self->drawn.axis_labels_right = MAX (self->drawn.axis_labels_right, label_x + tw);
          }
          if (t->x >= 0)
            gtk_snapshot_append_color (snapshot, &p->grid_major,
                                       &GRAPHENE_RECT_INIT (round (t->x), 0, 1, axis));
          append_text (self, snapshot, t->label, self->bold_font, label_x, major_y, &p->fg);
        }
      else
        {
          int tw;

          if (t->x >= 0)
            gtk_snapshot_append_color (snapshot, &p->line,
                                       &GRAPHENE_RECT_INIT (round (t->x), axis - 5, 1, 4));
          tw = text_width (self, t->label, has_major ? self->small_font : self->bold_font);
          label_x = t->x + 5;
          if (label_x < 0 || label_x < last_minor_end + 6 || label_x + tw > text_end)
            continue;
          self->drawn.axis_labels_right = MAX (self->drawn.axis_labels_right, label_x + tw);
          append_text (self, snapshot, t->label, has_major ? self->small_font : self->bold_font,
                       label_x, minor_y, has_major ? &p->dim : &p->fg);
          last_minor_end = label_x + tw;
        }
    }
}

static void
snapshot_grid (DossierTimeline             *self,
               GtkSnapshot                 *snapshot,
               const DossierTimelineLayout *layout,
               const Palette               *p)
{
  double top = dossier_timeline_model_get_metrics (self->model)->axis_height;
  double h = layout->height - top;

  for (guint i = 0; i < layout->ticks->len; i++)
    {
      const DossierTimelineTick *t = &g_array_index (layout->ticks, DossierTimelineTick, i);

      if (t->x < 0 || t->x >= layout->width)
        continue;
      gtk_snapshot_append_color (snapshot, t->major ? &p->grid_major : &p->grid,
                                 &GRAPHENE_RECT_INIT (round (t->x), top, 1, h));
    }
}

static void
snapshot_histogram (DossierTimeline             *self,
                    GtkSnapshot                 *snapshot,
                    const DossierTimelineLayout *layout,
                    guint                        lane_index,
                    const Palette               *p)
{
  const DossierTimelineLane *lane = &g_array_index (layout->lanes, DossierTimelineLane, lane_index);
  const guint *counts = layout->counts + (gsize) lane_index * layout->bins->len;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  guint split[DOSSIER_TIMELINE_N_STORY_SLOTS];
  double base = lane->content_y + lane->content_height - 2;
  double room = lane->content_height - 4 - (double) self->line_height;
  gboolean labels, label_room = room > 8;

  /* a low lane (lanes by person or story) has bars without counts */
  if (!label_room)
    room = lane->content_height - 4;
  if (lane->max_count == 0 || room <= 2)
    return;
  /* counts over the bars where they fit */
  {
    char buf[16];

    g_snprintf (buf, sizeof buf, "%u", lane->max_count);
    labels = label_room && layout->bins->len > 0
             && g_array_index (layout->bins, DossierTimelineBin, 0).width >= text_width (self, buf, self->small_font) + 6;
  }

  for (guint b = 0; b < layout->bins->len; b++)
    {
      const DossierTimelineBin *bin = &g_array_index (layout->bins, DossierTimelineBin, b);
      double h, x0, x1;
      gboolean hover;

      if (counts[b] == 0)
        continue;
      /* a square-root scale keeps quiet days visible next to a burst;
       * at least 2 px, so a single article still shows */
      h = MAX (2, room * sqrt ((double) counts[b] / lane->max_count));
      x0 = round (bin->x) + (bin->width >= 4 ? 1 : 0);
      x1 = round (bin->x + bin->width);
      hover = self->hover.kind == DOSSIER_TIMELINE_HIT_BIN && self->hover.lane == lane_index
              && self->hover.from_julian == bin->from_julian;
      if (_dossier_timeline_bin_split (self, lane_index, b, split))
        {
          /* split in its stories' colours, the biggest share at the foot;
           * a hovered bar gets a ring of the text's colour */
          guint order[DOSSIER_TIMELINE_N_STORY_SLOTS];
          guint n = order_slots (split, order), total = 0;
          graphene_rect_t bar = GRAPHENE_RECT_INIT (x0, base - h, MAX (1, x1 - x0), bin->width >= 8 ? h + 2 : h);
          double top = bar.origin.y + bar.size.height;

          for (guint k = 0; k < n; k++)
            total += split[order[k]];
          if (bin->width >= 8)
            {
              GskRoundedRect rr;

              gsk_rounded_rect_init_from_rect (&rr, &bar, 2);
              gtk_snapshot_push_rounded_clip (snapshot, &rr);
            }
          for (guint k = 0; k < n; k++)
            {
              GdkRGBA c;
              double seg = k + 1 == n ? top - bar.origin.y : bar.size.height * split[order[k]] / MAX (total, 1);

              dossier_timeline_story_slot_color (order[k], dark, &c);
              gtk_snapshot_append_color (snapshot, &c, &GRAPHENE_RECT_INIT (x0, top - seg, bar.size.width, seg));
              top -= seg;
            }
          if (bin->width >= 8)
            gtk_snapshot_pop (snapshot);
          if (hover)
            {
              graphene_rect_t ring;

              graphene_rect_inset_r (&bar, -1.5f, -1.5f, &ring);
              append_outline (snapshot, &ring, 3, 1.5f, &p->fg);
            }
          self->drawn.n_story_bars++;
        }
      else if (bin->width >= 8)
        append_box (snapshot, &GRAPHENE_RECT_INIT (x0, base - h, MAX (1, x1 - x0), h + 2),
                    2, hover ? &p->bar_hover : &p->bar);
      else
        gtk_snapshot_append_color (snapshot, hover ? &p->bar_hover : &p->bar,
                                   &GRAPHENE_RECT_INIT (x0, base - h, MAX (1, x1 - x0), h));
      if (labels)
        {
          char buf[16];
          int tw;

          g_snprintf (buf, sizeof buf, "%u", counts[b]);
          tw = text_width (self, buf, self->small_font);
          append_text (self, snapshot, buf, self->small_font,
                       bin->x + (bin->width - tw) / 2, base - h - self->line_height - 1,
                       hover ? &p->fg : &p->dim);
        }
    }
}

static void
snapshot_boxes (DossierTimeline             *self,
                GtkSnapshot                 *snapshot,
                const DossierTimelineLayout *layout,
                const Palette               *p,
                const graphene_rect_t      **cursor_rect_out,
                graphene_rect_t             *cursor_rect)
{
  guint cursor = dossier_timeline_model_get_cursor (self->model);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const GdkRGBA *item, *item_hover;
  GdkRGBA story;
  guint split[DOSSIER_TIMELINE_N_STORY_SLOTS];

  for (guint i = 0; i < layout->boxes->len; i++)
    {
      const DossierTimelineBox *b = &g_array_index (layout->boxes, DossierTimelineBox, i);
      const DossierTimelineLane *lane = &g_array_index (layout->lanes, DossierTimelineLane, b->lane);
      graphene_rect_t r = GRAPHENE_RECT_INIT (b->x, b->y, b->width, b->height);
      gboolean hover;

      if (lane->histogram || b->x > layout->width || b->x + b->width < 0)
        continue;
      if (b->overflow > 0)
        {
          char buf[24];
          int tw;

          hover = self->hover.kind == DOSSIER_TIMELINE_HIT_OVERFLOW && self->hover.lane == b->lane
                  && self->hover.from_julian == b->from_julian;
          g_snprintf (buf, sizeof buf, "+%u", b->overflow);
          tw = text_width (self, buf, self->small_font);
          r.size.width = MAX (b->width, tw + 8);
          r.origin.x = MIN (r.origin.x, layout->width - r.size.width - 2);
          append_box (snapshot, &r, b->height / 2, hover ? &p->bar_hover : &p->badge);
          append_text (self, snapshot, buf, self->small_font, r.origin.x + (r.size.width - tw) / 2,
                       b->y + (b->height - self->line_height) / 2, &p->fg);
          if (_dossier_timeline_badge_split (self, layout, b, split))
            {
              /* a strip along its foot in the colours of the stories it
               * stands for, each as wide as its share; the number stays
               * on the plain badge, readable */
              guint order[DOSSIER_TIMELINE_N_STORY_SLOTS];
              guint n = order_slots (split, order);
              double x = r.origin.x, strip = MIN (3.0, r.size.height / 3);
              GskRoundedRect rr;

              gsk_rounded_rect_init_from_rect (&rr, &r, b->height / 2);
              gtk_snapshot_push_rounded_clip (snapshot, &rr);
              for (guint k = 0; k < n; k++)
                {
                  GdkRGBA c;
                  double seg = k + 1 == n ? r.origin.x + r.size.width - x
                               : r.size.width * split[order[k]] / b->overflow;

                  dossier_timeline_story_slot_color (order[k], dark, &c);
                  gtk_snapshot_append_color (snapshot, &c,
                                             &GRAPHENE_RECT_INIT (x, r.origin.y + r.size.height - strip, seg, strip));
                  x += seg;
                }
              gtk_snapshot_pop (snapshot);
              self->drawn.n_story_badges++;
            }
          continue;
        }

      hover = self->hover.kind == DOSSIER_TIMELINE_HIT_ITEM && self->hover.entry == b->entry;
      item = &p->item;
      item_hover = &p->item_hover;
      if (_dossier_timeline_story_color (self, b->id, dark, &story))
        {
          /* the story's colour; a hovered mark gets a ring of the text's */
          item = item_hover = &story;
          if (_dossier_timeline_story_title (self, b->id) != NULL)
            self->drawn.n_story_marks++;
          if (hover)
            {
              graphene_rect_t ring;

              graphene_rect_inset_r (&r, -2, -2, &ring);
              append_outline (snapshot, &ring, BOX_RADIUS + 2, 1.5f, &p->fg);
            }
        }
      if (b->entry == cursor)
        {
          append_box (snapshot, &r, BOX_RADIUS, &p->accent_bg);
          *cursor_rect = r;
          *cursor_rect_out = cursor_rect;
        }
      else if (b->suggested)
        {
          /* a suggested day: only the outline, the date is not the article's yet */
          append_outline (snapshot, &r, BOX_RADIUS, 1.5f, hover ? item_hover : item);
        }
      else if (b->precision >= 3 || b->from_julian < 0)
        append_box (snapshot, &r, BOX_RADIUS, hover ? item_hover : item);
      else
        {
          /* a month or a year only: hollow, the day is not known */
          GdkRGBA fill = *item;

          fill.alpha *= 0.25f;
          append_box (snapshot, &r, BOX_RADIUS, &fill);
          append_outline (snapshot, &r, BOX_RADIUS, 1.5f, hover ? item_hover : item);
        }
      if (b->n_notes > 0)
        {
          DossierTimelineEntry e = { 0 };
          GdkRGBA author;

          /* in a team library, the colour of who wrote the latest note */
          if (dossier_timeline_model_get_entry (self->model, b->entry, &e) && e.note_author != NULL)
            dossier_member_color_rgba (e.note_author, adw_style_manager_get_dark (adw_style_manager_get_default ()),
                                       &author);
          append_box (snapshot, &GRAPHENE_RECT_INIT (b->x + b->width - 5, b->y + 1, 4, 4), 2,
                      e.note_author != NULL ? &author : &p->note);
        }
    }
}

/* The cursor's article when no box shows it (histogram lanes, "+N"):
 * a marker at its day in its lane. */
static void
snapshot_cursor_marker (DossierTimeline             *self,
                        GtkSnapshot                 *snapshot,
                        const DossierTimelineLayout *layout,
                        const Palette               *p,
                        graphene_rect_t             *cursor_rect)
{
  DossierTimelineEntry e;
  const DossierTimelineLane *lane;
  const DossierTimelineMetrics *m = dossier_timeline_model_get_metrics (self->model);
  double x;

  if (!dossier_timeline_model_get_entry (self->model, dossier_timeline_model_get_cursor (self->model), &e)
      || e.julian < 0 || e.lane >= layout->lanes->len)
    return;
  lane = &g_array_index (layout->lanes, DossierTimelineLane, e.lane);
  x = dossier_timeline_model_x_at_julian (self->model, layout->width, e.julian + 0.5);
  if (x < -m->box_width || x > layout->width + m->box_width)
    return;
  gtk_snapshot_append_color (snapshot, &p->accent,
                             &GRAPHENE_RECT_INIT (round (x) - 1, lane->content_y, 2, lane->content_height));
  *cursor_rect = GRAPHENE_RECT_INIT (x - m->box_width / 2, lane->content_y + lane->content_height - m->row_height,
                                     m->box_width, m->box_height);
  append_box (snapshot, cursor_rect, BOX_RADIUS, &p->accent_bg);
}

static void
snapshot_lane_label (DossierTimeline           *self,
                     GtkSnapshot               *snapshot,
                     const DossierTimelineLane *lane,
                     const Palette             *p)
{
  char count[32];
  int w1, w2, max_w;
  double view_w = _dossier_timeline_view_width (self);
  GdkRGBA back = p->bg;

  if (lane->label == NULL)
    return;
  g_snprintf (count, sizeof count, "%u", lane->n_entries);
  w2 = text_width (self, count, self->small_font);
  /* a long title (a story's headline) ends in "…": at most 40% of the
   * view, never under 120 px nor past the view; the tooltip has it whole */
  max_w = (int) MIN (MAX (view_w * 0.4, 120.0), view_w - w2 - 24);
  max_w = MAX (max_w, 24);
  pango_layout_set_font_description (self->layout, self->bold_font);
  pango_layout_set_text (self->layout, lane->label, -1);
  pango_layout_set_width (self->layout, max_w * PANGO_SCALE);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (self->layout, &w1, NULL);
  if (pango_layout_is_ellipsized (self->layout))
    self->drawn.n_ellipsized++;
  /* readable over bars that reach up to it */
  back.alpha = 0.8f;
  append_box (snapshot, &GRAPHENE_RECT_INIT (4, lane->y + 2, w1 + w2 + 18, self->line_height + 2), 4, &back);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (10, round (lane->y + 3)));
  gtk_snapshot_append_layout (snapshot, self->layout, &p->dim);
  gtk_snapshot_restore (snapshot);
  pango_layout_set_width (self->layout, -1);
  pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_NONE);
  append_text (self, snapshot, count, self->small_font, 10 + w1 + 6, lane->y + 3, &p->dim);
  self->drawn.n_lane_labels++;
  self->drawn.lane_labels_right = MAX (self->drawn.lane_labels_right, 4 + w1 + w2 + 18);
}

static void
snapshot_range (DossierTimeline             *self,
                GtkSnapshot                 *snapshot,
                const DossierTimelineLayout *layout,
                const Palette               *p)
{
  gint64 from, to;
  double x0, x1;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_autofree char *text = NULL;
  int tw;
  double tx;

  if (self->drag_mode == DRAG_SELECT && gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) self->drag_dx, 0))
    dossier_timeline_model_range_for_x (self->model, self->drag_x, self->drag_x + self->drag_dx, &from, &to);
  else if (self->has_range)
    {
      from = self->range_from;
      to = self->range_to;
    }
  else
    return;

  x0 = dossier_timeline_model_x_at_julian (self->model, layout->width, (double) from);
  x1 = dossier_timeline_model_x_at_julian (self->model, layout->width, (double) to + 1);
  if (x1 < 0 || x0 > layout->width)
    return;
  x0 = MAX (x0, -2);
  x1 = MIN (x1, layout->width + 2);
  gtk_snapshot_append_color (snapshot, &p->selection, &GRAPHENE_RECT_INIT (x0, 0, x1 - x0, layout->height));
  gtk_snapshot_append_color (snapshot, &p->accent, &GRAPHENE_RECT_INIT (round (x0), 0, 1, layout->height));
  gtk_snapshot_append_color (snapshot, &p->accent, &GRAPHENE_RECT_INIT (round (x1) - 1, 0, 1, layout->height));

  /* the dates, in a pill at the foot of the axis band */
  a = dossier_timeline_format_date (from, 3);
  b = dossier_timeline_format_date (to, 3);
  text = from == to ? g_strdup (a) : g_strdup_printf (_("%s – %s"), a, b);
  tw = text_width (self, text, self->small_font);
  tx = CLAMP ((x0 + x1 - tw) / 2, 4, layout->width - tw - 4);
  {
    double axis = dossier_timeline_model_get_metrics (self->model)->axis_height;
    graphene_rect_t pill = GRAPHENE_RECT_INIT (tx - 8, axis - self->line_height - 6, tw + 16, self->line_height + 4);
    GdkRGBA white = { 1, 1, 1, 1 };

    append_box (snapshot, &pill, pill.size.height / 2, &p->accent_bg);
    append_text (self, snapshot, text, self->small_font, tx, pill.origin.y + 2, &white);
  }
}

void
_dossier_timeline_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);
  gint64 t0 = g_get_monotonic_time ();
  const DossierTimelineLayout *layout;
  Palette p;
  graphene_rect_t cursor_rect;
  const graphene_rect_t *cursor_box = NULL;
  double w = _dossier_timeline_view_width (self), h = _dossier_timeline_view_height (self);
  gboolean has_cursor = dossier_timeline_model_get_cursor (self->model) != G_MAXUINT;

  if (self->layout == NULL)
    _dossier_timeline_update_fonts (self);
  get_palette (self, &p);
  layout = current_layout (self);
  memset (&self->drawn, 0, sizeof self->drawn);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gtk_snapshot_append_color (snapshot, &p.bg, &GRAPHENE_RECT_INIT (0, 0, w, h));
  /* no axis yet: it would show a year around today, then jump */
  if (self->loading && dossier_timeline_model_get_n_points (self->model) == 0)
    {
      if (self->loading_long)
        {
          const char *loading = _("Reading the timeline…");
          int tw = text_width (self, loading, self->bold_font);

          append_text (self, snapshot, loading, self->bold_font, (w - tw) / 2,
                       (h - self->line_height) / 2, &p.dim);
        }
      gtk_snapshot_pop (snapshot);
      self->last_snapshot_us = g_get_monotonic_time () - t0;
      return;
    }

  /* lanes: every other one shaded, lines between */
  for (guint i = 0; i < layout->lanes->len; i++)
    {
      const DossierTimelineLane *lane = &g_array_index (layout->lanes, DossierTimelineLane, i);

      if (i % 2 == 1 || lane->undated)
        gtk_snapshot_append_color (snapshot, &p.band, &GRAPHENE_RECT_INIT (0, lane->y, w, lane->height));
      if (i > 0)
        gtk_snapshot_append_color (snapshot, &p.line, &GRAPHENE_RECT_INIT (0, round (lane->y), w, 1));
    }
  snapshot_grid (self, snapshot, layout, &p);
  snapshot_range (self, snapshot, layout, &p);

  for (guint i = 0; i < layout->lanes->len; i++)
    if (g_array_index (layout->lanes, DossierTimelineLane, i).histogram)
      snapshot_histogram (self, snapshot, layout, i, &p);
  snapshot_boxes (self, snapshot, layout, &p, &cursor_box, &cursor_rect);
  if (has_cursor && cursor_box == NULL)
    {
      cursor_rect = GRAPHENE_RECT_INIT (0, 0, 0, 0);
      snapshot_cursor_marker (self, snapshot, layout, &p, &cursor_rect);
      if (cursor_rect.size.width > 0)
        cursor_box = &cursor_rect;
    }
  if (cursor_box != NULL && gtk_widget_has_visible_focus (widget))
    {
      graphene_rect_t ring;

      graphene_rect_inset_r (cursor_box, -3, -3, &ring);
      append_outline (snapshot, &ring, BOX_RADIUS + 3, 2, &p.accent);
    }

  for (guint i = 0; i < layout->lanes->len; i++)
    snapshot_lane_label (self, snapshot, &g_array_index (layout->lanes, DossierTimelineLane, i), &p);
  snapshot_axis (self, snapshot, layout, &p);
  /* the range's pill goes over the axis labels */
  if (self->has_range || self->drag_mode == DRAG_SELECT)
    {
      double axis = dossier_timeline_model_get_metrics (self->model)->axis_height;

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, axis - self->line_height - 8, w, self->line_height + 8));
      snapshot_range (self, snapshot, layout, &p);
      gtk_snapshot_pop (snapshot);
    }

  if (dossier_timeline_model_get_n_points (self->model) == 0 && !self->loading)
    {
      DossierTimelineLanes mode = dossier_timeline_model_get_lane_mode (self->model);
      const char *empty = mode == DOSSIER_TIMELINE_LANES_PERSON ? _("No quotes of the chosen people")
                          : mode == DOSSIER_TIMELINE_LANES_STORY ? _("No stories among these articles")
                          : _("No articles to show");
      int tw = text_width (self, empty, self->bold_font);
      double axis = dossier_timeline_model_get_metrics (self->model)->axis_height;

      append_text (self, snapshot, empty, self->bold_font, (w - tw) / 2,
                   axis + (h - axis - self->line_height) / 2, &p.dim);
    }

  /* the widget's focus, when no article can show it */
  if (gtk_widget_has_visible_focus (widget) && cursor_box == NULL)
    append_outline (snapshot, &GRAPHENE_RECT_INIT (1, 1, w - 2, h - 2), 6, 2, &p.accent);

  gtk_snapshot_pop (snapshot);
  self->last_snapshot_us = g_get_monotonic_time () - t0;
}

const DossierTimelineDrawn *
_dossier_timeline_draw_for_test (DossierTimeline *self)
{
  GtkSnapshot *snapshot;
  GskRenderNode *node;

  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), NULL);

  snapshot = gtk_snapshot_new ();
  _dossier_timeline_snapshot (GTK_WIDGET (self), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_clear_pointer (&node, gsk_render_node_unref);
  return &self->drawn;
}
