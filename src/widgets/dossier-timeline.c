/* dossier-timeline.c — articles on a time axis: zoom, pan, lanes, ranges
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The geometry (range, ticks, lanes, stacking, bins, hits) is
 * DossierTimelineModel's, in the core library; this widget draws a layout
 * of it with render nodes and turns input into model calls.
 */
#define G_LOG_DOMAIN "dossier-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <adwaita.h>
#include <math.h>

#include "dossier-timeline.h"
#include "dossier-timeline-private.h"

#define WHEEL_STEP_PX   48.0     /* a wheel notch pans this far */
#define WHEEL_ZOOM      1.25     /* a wheel notch with Ctrl zooms this much */
#define KEY_ZOOM        1.5
#define BOX_RADIUS      3.0f

typedef enum
{
  DRAG_NONE,
  DRAG_PENDING,   /* pressed, not yet past the drag threshold */
  DRAG_PAN,
  DRAG_SELECT,
} DragMode;

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
};

G_DEFINE_FINAL_TYPE (DossierTimeline, dossier_timeline, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SELECTED_ID,
  PROP_LANE_MODE,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum {
  ARTICLE_ACTIVATED,
  RANGE_SELECTED,
  RANGE_CLEARED,
  N_SIGNALS
};
static guint signals[N_SIGNALS];

/* Helpers */

static double
view_width (DossierTimeline *self)
{
  return MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));
}

static double
view_height (DossierTimeline *self)
{
  return MAX (1, gtk_widget_get_height (GTK_WIDGET (self)));
}

static const DossierTimelineLayout *
current_layout (DossierTimeline *self)
{
  return dossier_timeline_model_layout (self->model, view_width (self), view_height (self));
}

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

static char *
describe_entry (DossierTimeline *self,
                guint            entry,
                gboolean         markup)
{
  DossierTimelineEntry e;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;

  if (!dossier_timeline_model_get_entry (self->model, entry, &e))
    return NULL;
  if (self->title_func != NULL)
    title = self->title_func (e.id, self->title_data);
  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = g_strdup (_("Untitled article"));
    }
  date = dossier_timeline_format_date (e.julian, e.precision);

  if (!markup)
    return g_strdup_printf ("%s, %s", title, date);
  {
    GString *s = g_string_new (NULL);
    g_autofree char *escaped = g_markup_escape_text (title, -1);

    g_string_append_printf (s, "<b>%s</b>\n%s", escaped, date);
    if (e.source != NULL)
      {
        g_autofree char *source = g_markup_escape_text (e.source, -1);

        g_string_append_printf (s, " · %s", source);
      }
    if (e.n_notes > 0)
      {
        g_string_append (s, " · ");
        g_string_append_printf (s, ngettext ("%u note", "%u notes", e.n_notes), e.n_notes);
      }
    return g_string_free (s, FALSE);
  }
}

static void
update_accessible (DossierTimeline *self)
{
  guint cursor = dossier_timeline_model_get_cursor (self->model);
  g_autofree char *description = NULL;

  if (cursor != G_MAXUINT)
    description = describe_entry (self, cursor, FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("No article selected"),
                                  -1);
}

static gint64
cursor_id (DossierTimeline *self)
{
  DossierTimelineEntry e;

  if (!dossier_timeline_model_get_entry (self->model, dossier_timeline_model_get_cursor (self->model), &e))
    return -1;
  return e.id;
}

/* After the cursor moved: keep it in view, tell the property and the
 * screen reader. */
static void
cursor_moved (DossierTimeline *self,
              gboolean         reveal)
{
  DossierTimelineEntry e;

  if (reveal
      && dossier_timeline_model_get_entry (self->model, dossier_timeline_model_get_cursor (self->model), &e)
      && e.julian >= 0)
    dossier_timeline_model_reveal (self->model, e.julian + 0.5, 0.05);
  update_accessible (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
zoom_to_days (DossierTimeline *self,
              gint64           from,
              gint64           to)
{
  double span = (double) (to - from + 1);
  double pad = MAX (span * 0.15, 1);

  dossier_timeline_model_set_range (self->model, (double) from - pad, (double) to + 1 + pad);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
select_range (DossierTimeline *self,
              gint64           from,
              gint64           to)
{
  self->has_range = TRUE;
  self->range_from = from;
  self->range_to = to;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[RANGE_SELECTED], 0, from, to);
}

static void
activate_hit (DossierTimeline          *self,
              const DossierTimelineHit *hit)
{
  switch (hit->kind)
    {
    case DOSSIER_TIMELINE_HIT_ITEM:
      dossier_timeline_model_set_cursor (self->model, hit->entry);
      cursor_moved (self, FALSE);
      g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, hit->id);
      break;
    case DOSSIER_TIMELINE_HIT_OVERFLOW:
    case DOSSIER_TIMELINE_HIT_BIN:
      if (hit->from_julian >= 0)
        zoom_to_days (self, hit->from_julian, hit->to_julian);
      break;
    case DOSSIER_TIMELINE_HIT_NONE:
    case DOSSIER_TIMELINE_HIT_AXIS:
    case DOSSIER_TIMELINE_HIT_LANE:
    default:
      break;
    }
}

static void
update_cursor_shape (DossierTimeline *self)
{
  const char *name = NULL;

  if (self->drag_mode == DRAG_PAN)
    name = "grabbing";
  else if (self->drag_mode == DRAG_SELECT || self->hover.kind == DOSSIER_TIMELINE_HIT_AXIS)
    name = "col-resize";
  else if (self->hover.kind == DOSSIER_TIMELINE_HIT_ITEM
           || self->hover.kind == DOSSIER_TIMELINE_HIT_OVERFLOW
           || self->hover.kind == DOSSIER_TIMELINE_HIT_BIN)
    name = "pointer";
  else if (self->hover.kind == DOSSIER_TIMELINE_HIT_LANE)
    name = "grab";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static void
update_hover (DossierTimeline *self)
{
  DossierTimelineHit hit = { DOSSIER_TIMELINE_HIT_NONE, G_MAXUINT, G_MAXUINT, 0, -1, -1, 0, 0 };

  if (self->pointer_inside && self->drag_mode == DRAG_NONE)
    {
      current_layout (self);
      dossier_timeline_model_hit_test (self->model, self->pointer_x, self->pointer_y, &hit);
    }
  if (hit.kind != self->hover.kind || hit.entry != self->hover.entry
      || hit.from_julian != self->hover.from_julian || hit.lane != self->hover.lane)
    {
      self->hover = hit;
      update_cursor_shape (self);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Input: the handlers the controllers and the tests share */

static void
drag_begin (DossierTimeline *self,
            double           x,
            double           y,
            GdkModifierType  state)
{
  self->drag_x = x;
  self->drag_y = y;
  self->drag_dx = 0;
  dossier_timeline_model_get_range (self->model, &self->drag_start, &self->drag_end);
  if ((state & GDK_SHIFT_MASK) != 0
      || y < dossier_timeline_model_get_metrics (self->model)->axis_height)
    self->drag_mode = DRAG_SELECT;
  else
    self->drag_mode = DRAG_PENDING;
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
drag_update (DossierTimeline *self,
             double           dx,
             double           dy)
{
  double span;

  if (self->pinching)
    return;
  self->drag_dx = dx;
  if (self->drag_mode == DRAG_PENDING
      && gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy))
    {
      self->drag_mode = DRAG_PAN;
      update_cursor_shape (self);
    }
  switch (self->drag_mode)
    {
    case DRAG_PAN:
      span = self->drag_end - self->drag_start;
      dossier_timeline_model_set_range (self->model,
                                        self->drag_start - dx * span / view_width (self),
                                        self->drag_end - dx * span / view_width (self));
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case DRAG_SELECT:
      gtk_widget_queue_draw (GTK_WIDGET (self));
      break;
    case DRAG_NONE:
    case DRAG_PENDING:
    default:
      break;
    }
}

static void
drag_end (DossierTimeline *self,
          double           dx,
          double           dy)
{
  DragMode mode = self->drag_mode;
  gboolean moved = gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy);

  self->drag_mode = DRAG_NONE;
  if (self->pinching)
    return;

  if (!moved)
    {
      DossierTimelineHit hit;

      /* a click */
      current_layout (self);
      dossier_timeline_model_hit_test (self->model, self->drag_x + dx, self->drag_y + dy, &hit);
      activate_hit (self, &hit);
    }
  else if (mode == DRAG_SELECT)
    {
      gint64 from, to;

      current_layout (self);
      dossier_timeline_model_range_for_x (self->model, self->drag_x, self->drag_x + dx, &from, &to);
      select_range (self, from, to);
    }
  update_cursor_shape (self);
  update_hover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
zoom_anchor (DossierTimeline *self)
{
  DossierTimelineEntry e;
  double start, end;

  dossier_timeline_model_get_range (self->model, &start, &end);
  if (dossier_timeline_model_get_entry (self->model, dossier_timeline_model_get_cursor (self->model), &e)
      && e.julian >= 0 && e.julian + 0.5 >= start && e.julian + 0.5 <= end)
    return e.julian + 0.5;
  return (start + end) / 2;
}

static void
scroll (DossierTimeline *self,
        double           x,
        double           dx,
        double           dy,
        gboolean         in_pixels,
        GdkModifierType  state)
{
  double start, end, px;

  dossier_timeline_model_get_range (self->model, &start, &end);
  if ((state & GDK_CONTROL_MASK) != 0)
    {
      double anchor = dossier_timeline_model_julian_at_x (self->model, view_width (self), x);
      double steps = in_pixels ? dy / 20.0 : dy;

      dossier_timeline_model_zoom (self->model, pow (WHEEL_ZOOM, -steps), anchor);
    }
  else
    {
      /* vertical wheels pan too: the timeline only scrolls sideways */
      px = fabs (dx) > fabs (dy) ? dx : dy;
      if (!in_pixels)
        px *= WHEEL_STEP_PX;
      dossier_timeline_model_pan (self->model, px * (end - start) / view_width (self));
    }
  update_hover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
handle_key (DossierTimeline *self,
            guint            keyval,
            GdkModifierType  state)
{
  DossierTimelineDirection direction;
  double start, end;
  gboolean ctrl = (state & GDK_CONTROL_MASK) != 0;

  dossier_timeline_model_get_range (self->model, &start, &end);
  switch (keyval)
    {
    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
      dossier_timeline_zoom (self, KEY_ZOOM);
      return TRUE;
    case GDK_KEY_minus:
    case GDK_KEY_underscore:
    case GDK_KEY_KP_Subtract:
      dossier_timeline_zoom (self, 1 / KEY_ZOOM);
      return TRUE;
    case GDK_KEY_Home:
    case GDK_KEY_KP_Home:
      dossier_timeline_fit (self);
      return TRUE;
    case GDK_KEY_Escape:
      if (!self->has_range)
        return FALSE;
      dossier_timeline_clear_selected_range (self);
      g_signal_emit (self, signals[RANGE_CLEARED], 0);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      {
        gint64 id = cursor_id (self);

        if (id < 0)
          return FALSE;
        g_signal_emit (self, signals[ARTICLE_ACTIVATED], 0, id);
        return TRUE;
      }
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      direction = DOSSIER_TIMELINE_PREVIOUS;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      direction = DOSSIER_TIMELINE_NEXT;
      break;
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      direction = DOSSIER_TIMELINE_UP;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      direction = DOSSIER_TIMELINE_DOWN;
      break;
    case GDK_KEY_End:
    case GDK_KEY_KP_End:
      direction = DOSSIER_TIMELINE_LAST;
      break;
    default:
      return FALSE;
    }

  /* Ctrl+arrows pan by a quarter of the view, as do arrows with nothing
   * to move to */
  if (ctrl || dossier_timeline_model_get_n_entries (self->model) == 0)
    {
      if (direction == DOSSIER_TIMELINE_PREVIOUS || direction == DOSSIER_TIMELINE_NEXT)
        {
          double days = (end - start) / 4;

          dossier_timeline_model_pan (self->model, direction == DOSSIER_TIMELINE_NEXT ? days : -days);
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return TRUE;
        }
      return FALSE;
    }

  if (dossier_timeline_model_move_cursor (self->model, direction))
    cursor_moved (self, TRUE);
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
  return TRUE;
}

/* Callbacks */

static void
on_drag_begin_cb (GtkGestureDrag  *gesture,
                  double           x,
                  double           y,
                  DossierTimeline *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

  drag_begin (self, x, y, state);
}

static void
on_drag_update_cb (GtkGestureDrag  *gesture,
                   double           dx,
                   double           dy,
                   DossierTimeline *self)
{
  drag_update (self, dx, dy);
}

static void
on_drag_end_cb (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                DossierTimeline *self)
{
  drag_end (self, dx, dy);
}

static void
on_drag_cancel_cb (GtkGesture       *gesture,
                   GdkEventSequence *sequence,
                   DossierTimeline  *self)
{
  self->drag_mode = DRAG_NONE;
  update_cursor_shape (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_zoom_begin_cb (GtkGesture       *gesture,
                  GdkEventSequence *sequence,
                  DossierTimeline  *self)
{
  double x, y;

  self->pinching = TRUE;
  dossier_timeline_model_get_range (self->model, &self->pinch_start, &self->pinch_end);
  if (!gtk_gesture_get_bounding_box_center (gesture, &x, &y))
    x = view_width (self) / 2;
  self->pinch_anchor = dossier_timeline_model_julian_at_x (self->model, view_width (self), x);
}

static void
on_zoom_scale_changed_cb (GtkGestureZoom  *gesture,
                          double           scale,
                          DossierTimeline *self)
{
  dossier_timeline_model_set_range (self->model, self->pinch_start, self->pinch_end);
  dossier_timeline_model_zoom (self->model, scale, self->pinch_anchor);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_zoom_end_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                DossierTimeline  *self)
{
  self->pinching = FALSE;
}

static gboolean
on_scroll_cb (GtkEventControllerScroll *controller,
              double                    dx,
              double                    dy,
              DossierTimeline          *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean pixels = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_SURFACE;

  scroll (self, self->pointer_x, dx, dy, pixels, state);
  return TRUE;
}

static void
on_motion_cb (GtkEventControllerMotion *controller,
              double                    x,
              double                    y,
              DossierTimeline          *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  update_hover (self);
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             DossierTimeline          *self)
{
  self->pointer_inside = FALSE;
  update_hover (self);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   DossierTimeline       *self)
{
  return handle_key (self, keyval, state);
}

static char *
tooltip_markup (DossierTimeline *self,
                double           x,
                double           y)
{
  DossierTimelineHit hit;
  const DossierTimelineLayout *layout = current_layout (self);

  switch (dossier_timeline_model_hit_test (self->model, x, y, &hit))
    {
    case DOSSIER_TIMELINE_HIT_ITEM:
      return describe_entry (self, hit.entry, TRUE);
    case DOSSIER_TIMELINE_HIT_OVERFLOW:
    case DOSSIER_TIMELINE_HIT_BIN:
      {
        g_autofree char *count = g_strdup_printf (ngettext ("%u article", "%u articles", hit.count), hit.count);
        g_autofree char *from = NULL;
        g_autofree char *to = NULL;
        g_autofree char *when = NULL;
        guint8 precision = 3;

        if (hit.from_julian < 0)
          return g_strdup_printf ("<b>%s</b>\n%s", count, _("Undated"));
        if (hit.kind == DOSSIER_TIMELINE_HIT_BIN)
          {
            /* whole months and years read better as "March 2012", "2012" */
            if (layout->bin_unit == DOSSIER_TIMELINE_UNIT_MONTH)
              precision = 2;
            else if (layout->bin_unit == DOSSIER_TIMELINE_UNIT_YEAR)
              precision = 1;
          }
        from = dossier_timeline_format_date (hit.from_julian, precision);
        if (hit.to_julian == hit.from_julian || precision < 3)
          when = g_strdup (from);
        else
          {
            to = dossier_timeline_format_date (hit.to_julian, precision);
            /* Translators: a range of dates */
            when = g_strdup_printf (_("%s – %s"), from, to);
          }
        return g_strdup_printf ("<b>%s</b>\n%s\n<small>%s</small>", count, when, _("Click to zoom in"));
      }
    case DOSSIER_TIMELINE_HIT_AXIS:
      return g_strdup (_("Drag to select dates"));
    case DOSSIER_TIMELINE_HIT_LANE:
    case DOSSIER_TIMELINE_HIT_NONE:
    default:
      return NULL;
    }
}

static gboolean
on_query_tooltip_cb (GtkWidget       *widget,
                     int              x,
                     int              y,
                     gboolean         keyboard,
                     GtkTooltip      *tooltip,
                     DossierTimeline *self)
{
  g_autofree char *markup = NULL;

  if (keyboard)
    {
      guint cursor = dossier_timeline_model_get_cursor (self->model);

      if (cursor != G_MAXUINT)
        markup = describe_entry (self, cursor, TRUE);
    }
  else if (self->drag_mode == DRAG_NONE)
    markup = tooltip_markup (self, x, y);
  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

static void
on_dark_changed_cb (AdwStyleManager *manager,
                    GParamSpec      *pspec,
                    DossierTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drawing */

static void
update_fonts (DossierTimeline *self)
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
            if (label_x < 0 || label_x + tw > w)
              continue;
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
          tw = text_width (self, t->label, self->small_font);
          label_x = t->x + 5;
          if (label_x < 0 || label_x < last_minor_end + 6 || label_x > w)
            continue;
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
  double base = lane->content_y + lane->content_height - 2;
  double room = lane->content_height - 4 - (double) self->line_height;
  gboolean labels;

  if (lane->max_count == 0 || room <= 2)
    return;
  /* counts over the bars where they fit */
  {
    char buf[16];

    g_snprintf (buf, sizeof buf, "%u", lane->max_count);
    labels = layout->bins->len > 0
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
      if (bin->width >= 8)
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
          continue;
        }

      hover = self->hover.kind == DOSSIER_TIMELINE_HIT_ITEM && self->hover.entry == b->entry;
      if (b->entry == cursor)
        {
          append_box (snapshot, &r, BOX_RADIUS, &p->accent_bg);
          *cursor_rect = r;
          *cursor_rect_out = cursor_rect;
        }
      else if (b->precision >= 3 || b->from_julian < 0)
        append_box (snapshot, &r, BOX_RADIUS, hover ? &p->item_hover : &p->item);
      else
        {
          /* a month or a year only: hollow, the day is not known */
          GdkRGBA fill = p->item;

          fill.alpha *= 0.25f;
          append_box (snapshot, &r, BOX_RADIUS, &fill);
          append_outline (snapshot, &r, BOX_RADIUS, 1.5f, hover ? &p->item_hover : &p->item);
        }
      if (b->n_notes > 0)
        append_box (snapshot, &GRAPHENE_RECT_INIT (b->x + b->width - 5, b->y + 1, 4, 4), 2, &p->note);
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
  int w1, w2;
  GdkRGBA back = p->bg;

  if (lane->label == NULL)
    return;
  g_snprintf (count, sizeof count, "%u", lane->n_entries);
  w1 = text_width (self, lane->label, self->bold_font);
  w2 = text_width (self, count, self->small_font);
  /* readable over bars that reach up to it */
  back.alpha = 0.8f;
  append_box (snapshot, &GRAPHENE_RECT_INIT (4, lane->y + 2, w1 + w2 + 18, self->line_height + 2), 4, &back);
  append_text (self, snapshot, lane->label, self->bold_font, 10, lane->y + 3, &p->dim);
  append_text (self, snapshot, count, self->small_font, 10 + w1 + 6, lane->y + 3, &p->dim);
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

static void
dossier_timeline_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);
  gint64 t0 = g_get_monotonic_time ();
  const DossierTimelineLayout *layout;
  Palette p;
  graphene_rect_t cursor_rect;
  const graphene_rect_t *cursor_box = NULL;
  double w = view_width (self), h = view_height (self);
  gboolean has_cursor = dossier_timeline_model_get_cursor (self->model) != G_MAXUINT;

  if (self->layout == NULL)
    update_fonts (self);
  get_palette (self, &p);
  layout = current_layout (self);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gtk_snapshot_append_color (snapshot, &p.bg, &GRAPHENE_RECT_INIT (0, 0, w, h));
  /* no axis yet: it would show a year around today, then jump */
  if (self->loading && dossier_timeline_model_get_n_points (self->model) == 0)
    {
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
      const char *empty = _("No articles to show");
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

/* GtkWidget */

static void
dossier_timeline_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 600;
    }
  else
    {
      *minimum = 110;
      *natural = 180;
    }
}

static void
dossier_timeline_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);

  update_hover (self);
}

static void
dossier_timeline_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  DossierTimeline *self = DOSSIER_TIMELINE (widget);

  GTK_WIDGET_CLASS (dossier_timeline_parent_class)->css_changed (widget, change);
  g_clear_object (&self->layout);   /* fonts again at the next frame */
  gtk_widget_queue_draw (widget);
}

static void
dossier_timeline_focus_changed (DossierTimeline *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* GObject */

static void
dossier_timeline_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, dossier_timeline_get_selected_id (self));
      break;
    case PROP_LANE_MODE:
      g_value_set_enum (value, dossier_timeline_get_lane_mode (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      dossier_timeline_set_selected_id (self, g_value_get_int64 (value));
      break;
    case PROP_LANE_MODE:
      dossier_timeline_set_lane_mode (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
dossier_timeline_dispose (GObject *object)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (self->title_destroy != NULL)
    self->title_destroy (self->title_data);
  self->title_func = NULL;
  self->title_data = NULL;
  self->title_destroy = NULL;
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (dossier_timeline_parent_class)->dispose (object);
}

static void
dossier_timeline_finalize (GObject *object)
{
  DossierTimeline *self = DOSSIER_TIMELINE (object);

  g_clear_object (&self->model);
  g_clear_pointer (&self->small_font, pango_font_description_free);
  g_clear_pointer (&self->bold_font, pango_font_description_free);

  G_OBJECT_CLASS (dossier_timeline_parent_class)->finalize (object);
}

static void
dossier_timeline_class_init (DossierTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = dossier_timeline_get_property;
  object_class->set_property = dossier_timeline_set_property;
  object_class->dispose = dossier_timeline_dispose;
  object_class->finalize = dossier_timeline_finalize;

  widget_class->snapshot = dossier_timeline_snapshot;
  widget_class->measure = dossier_timeline_measure;
  widget_class->size_allocate = dossier_timeline_size_allocate;
  widget_class->css_changed = dossier_timeline_css_changed;

  /**
   * DossierTimeline:selected-id:
   *
   * The article under the keyboard cursor (set by a click, the arrow keys
   * or the window), or -1.
   */
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, -1, G_MAXINT64, -1,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * DossierTimeline:lane-mode:
   *
   * One lane, a lane a source or a lane a tag (bind it to the
   * timeline-lanes setting).
   */
  properties[PROP_LANE_MODE] =
    g_param_spec_enum ("lane-mode", NULL, NULL, DOSSIER_TYPE_TIMELINE_LANES,
                       DOSSIER_TIMELINE_LANES_NONE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * DossierTimeline::article-activated:
   * @self: the timeline
   * @id: the article
   *
   * An article was clicked, or Enter pressed on it: open it.
   */
  signals[ARTICLE_ACTIVATED] =
    g_signal_new ("article-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  /**
   * DossierTimeline::range-selected:
   * @self: the timeline
   * @from_julian: the first day (GDate julian)
   * @to_julian: the last day, inclusive
   *
   * Days were selected by dragging: filter the article list to them.
   */
  signals[RANGE_SELECTED] =
    g_signal_new ("range-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
  /**
   * DossierTimeline::range-cleared:
   * @self: the timeline
   *
   * The person cleared the selected days (Escape).
   */
  signals[RANGE_CLEARED] =
    g_signal_new ("range-cleared", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
dossier_timeline_init (DossierTimeline *self)
{
  GtkEventController *controller;
  GtkWidget *widget = GTK_WIDGET (self);

  self->model = dossier_timeline_model_new ();
  self->hover.kind = DOSSIER_TIMELINE_HIT_NONE;
  self->hover.entry = G_MAXUINT;
  self->hover.lane = G_MAXUINT;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);
  g_signal_connect_swapped (widget, "notify::has-focus", G_CALLBACK (dossier_timeline_focus_changed), self);

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (on_drag_update_cb), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (on_drag_end_cb), self);
  g_signal_connect (self->drag, "cancel", G_CALLBACK (on_drag_cancel_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->drag));

  self->zoom = gtk_gesture_zoom_new ();
  g_signal_connect (self->zoom, "begin", G_CALLBACK (on_zoom_begin_cb), self);
  g_signal_connect (self->zoom, "scale-changed", G_CALLBACK (on_zoom_scale_changed_cb), self);
  g_signal_connect (self->zoom, "end", G_CALLBACK (on_zoom_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (self->zoom));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (widget, controller);

  g_signal_connect (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (on_dark_changed_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No article selected"),
                                  -1);
}

/* Public API */

/**
 * dossier_timeline_new:
 *
 * Returns: (transfer full): an empty timeline
 */
DossierTimeline *
dossier_timeline_new (void)
{
  return g_object_new (DOSSIER_TYPE_TIMELINE, NULL);
}

void
dossier_timeline_set_points (DossierTimeline *self,
                             GArray          *points)
{
  gint64 selected;

  g_return_if_fail (DOSSIER_IS_TIMELINE (self));
  g_return_if_fail (points == NULL || g_array_get_element_size (points) == sizeof (DossierTimelinePoint));

  selected = cursor_id (self);
  if (points != NULL)
    dossier_timeline_model_take_points (self->model, points);
  else
    dossier_timeline_model_set_points (self->model, NULL, 0);
  if (!self->fitted && points != NULL && points->len > 0)
    {
      dossier_timeline_model_fit (self->model);
      self->fitted = TRUE;
    }
  if (cursor_id (self) != selected)
    cursor_moved (self, FALSE);
  self->hover.kind = DOSSIER_TIMELINE_HIT_NONE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
dossier_timeline_get_n_points (DossierTimeline *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), 0);
  return dossier_timeline_model_get_n_points (self->model);
}

void
dossier_timeline_set_loading (DossierTimeline *self,
                              gboolean         loading)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  loading = !!loading;
  if (self->loading == loading)
    return;
  self->loading = loading;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
dossier_timeline_get_loading (DossierTimeline *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), FALSE);
  return self->loading;
}

void
dossier_timeline_set_lane_mode (DossierTimeline      *self,
                                DossierTimelineLanes  mode)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  if (dossier_timeline_model_get_lane_mode (self->model) == mode)
    return;
  dossier_timeline_model_set_lane_mode (self->model, mode);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANE_MODE]);
}

DossierTimelineLanes
dossier_timeline_get_lane_mode (DossierTimeline *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), DOSSIER_TIMELINE_LANES_NONE);

  return dossier_timeline_model_get_lane_mode (self->model);
}

void
dossier_timeline_set_tags (DossierTimeline *self,
                           GHashTable      *tags)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  dossier_timeline_model_set_tags (self->model, tags);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_timeline_set_title_func (DossierTimeline          *self,
                                 DossierTimelineTitleFunc  func,
                                 gpointer                  user_data,
                                 GDestroyNotify            destroy)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  if (self->title_destroy != NULL)
    self->title_destroy (self->title_data);
  self->title_func = func;
  self->title_data = user_data;
  self->title_destroy = destroy;
}

gint64
dossier_timeline_get_selected_id (DossierTimeline *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), -1);

  return cursor_id (self);
}

void
dossier_timeline_set_selected_id (DossierTimeline *self,
                                  gint64           id)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  if (cursor_id (self) == id)
    return;
  dossier_timeline_model_set_cursor (self->model,
                                     id >= 0 ? dossier_timeline_model_find_entry (self->model, id) : G_MAXUINT);
  cursor_moved (self, TRUE);
}

void
dossier_timeline_zoom (DossierTimeline *self,
                       double           factor)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  dossier_timeline_model_zoom (self->model, factor, zoom_anchor (self));
  update_hover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_timeline_fit (DossierTimeline *self)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  dossier_timeline_model_fit (self->model);
  update_hover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_timeline_get_visible_range (DossierTimeline *self,
                                    double          *start,
                                    double          *end)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  dossier_timeline_model_get_range (self->model, start, end);
}

void
dossier_timeline_set_visible_range (DossierTimeline *self,
                                    double           start,
                                    double           end)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  dossier_timeline_model_set_range (self->model, start, end);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
dossier_timeline_get_selected_range (DossierTimeline *self,
                                     gint64          *from_julian,
                                     gint64          *to_julian)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), FALSE);

  if (from_julian)
    *from_julian = self->has_range ? self->range_from : -1;
  if (to_julian)
    *to_julian = self->has_range ? self->range_to : -1;
  return self->has_range;
}

void
dossier_timeline_set_selected_range (DossierTimeline *self,
                                     gint64           from_julian,
                                     gint64           to_julian)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  if (from_julian < 0 || to_julian < 0)
    {
      dossier_timeline_clear_selected_range (self);
      return;
    }
  self->has_range = TRUE;
  self->range_from = MIN (from_julian, to_julian);
  self->range_to = MAX (from_julian, to_julian);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
dossier_timeline_clear_selected_range (DossierTimeline *self)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  if (!self->has_range)
    return;
  self->has_range = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Private API, for tests and benchmarks */

DossierTimelineModel *
_dossier_timeline_get_model (DossierTimeline *self)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), NULL);

  if (self->layout == NULL)
    update_fonts (self);
  return self->model;
}

void
_dossier_timeline_click (DossierTimeline *self,
                         double           x,
                         double           y)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  drag_begin (self, x, y, 0);
  drag_end (self, 0, 0);
}

void
_dossier_timeline_drag (DossierTimeline *self,
                        double           x1,
                        double           y1,
                        double           x2,
                        double           y2,
                        GdkModifierType  state)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  drag_begin (self, x1, y1, state);
  drag_update (self, (x2 - x1) / 2, (y2 - y1) / 2);
  drag_update (self, x2 - x1, y2 - y1);
  drag_end (self, x2 - x1, y2 - y1);
}

gboolean
_dossier_timeline_key (DossierTimeline *self,
                       guint            keyval,
                       GdkModifierType  state)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), FALSE);

  return handle_key (self, keyval, state);
}

void
_dossier_timeline_scroll (DossierTimeline *self,
                          double           x,
                          double           dx,
                          double           dy,
                          GdkModifierType  state)
{
  g_return_if_fail (DOSSIER_IS_TIMELINE (self));

  scroll (self, x, dx, dy, FALSE, state);
}

char *
_dossier_timeline_tooltip (DossierTimeline *self,
                           double           x,
                           double           y)
{
  g_return_val_if_fail (DOSSIER_IS_TIMELINE (self), NULL);

  return tooltip_markup (self, x, y);
}
