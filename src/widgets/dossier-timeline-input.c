/* dossier-timeline-input.c — DossierTimeline's input: drag to pan or to
 * select days, pinch and wheel to zoom, the keyboard, hover and tooltips
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-timeline"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "dossier-timeline.h"
#include "dossier-timeline-private.h"

#define WHEEL_STEP_PX   48.0     /* a wheel notch pans this far */
#define WHEEL_ZOOM      1.25     /* a wheel notch with Ctrl zooms this much */
#define KEY_ZOOM        1.5

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
  g_signal_emit (self, _dossier_timeline_signals[RANGE_SELECTED], 0, from, to);
}

static void
activate_hit (DossierTimeline          *self,
              const DossierTimelineHit *hit)
{
  switch (hit->kind)
    {
    case DOSSIER_TIMELINE_HIT_ITEM:
      dossier_timeline_model_set_cursor (self->model, hit->entry);
      _dossier_timeline_cursor_moved (self, FALSE);
      g_signal_emit (self, _dossier_timeline_signals[ARTICLE_ACTIVATED], 0, hit->id);
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

void
_dossier_timeline_update_hover (DossierTimeline *self)
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
                                        self->drag_start - dx * span / _dossier_timeline_view_width (self),
                                        self->drag_end - dx * span / _dossier_timeline_view_width (self));
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
  _dossier_timeline_update_hover (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
      double anchor = dossier_timeline_model_julian_at_x (self->model, _dossier_timeline_view_width (self), x);
      double steps = in_pixels ? dy / 20.0 : dy;

      dossier_timeline_model_zoom (self->model, pow (WHEEL_ZOOM, -steps), anchor);
    }
  else
    {
      /* vertical wheels pan too: the timeline only scrolls sideways */
      px = fabs (dx) > fabs (dy) ? dx : dy;
      if (!in_pixels)
        px *= WHEEL_STEP_PX;
      dossier_timeline_model_pan (self->model, px * (end - start) / _dossier_timeline_view_width (self));
    }
  _dossier_timeline_update_hover (self);
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
      g_signal_emit (self, _dossier_timeline_signals[RANGE_CLEARED], 0);
      return TRUE;
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      {
        gint64 id = _dossier_timeline_cursor_id (self);

        if (id < 0)
          return FALSE;
        g_signal_emit (self, _dossier_timeline_signals[ARTICLE_ACTIVATED], 0, id);
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
    _dossier_timeline_cursor_moved (self, TRUE);
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
    x = _dossier_timeline_view_width (self) / 2;
  self->pinch_anchor = dossier_timeline_model_julian_at_x (self->model, _dossier_timeline_view_width (self), x);
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
  _dossier_timeline_update_hover (self);
}

static void
on_leave_cb (GtkEventControllerMotion *controller,
             DossierTimeline          *self)
{
  self->pointer_inside = FALSE;
  _dossier_timeline_update_hover (self);
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
      return _dossier_timeline_describe_entry (self, hit.entry, TRUE);
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
      /* over a lane's name: the name whole, which may be cut short */
      if (hit.lane < layout->lanes->len)
        {
          const DossierTimelineLane *lane = &g_array_index (layout->lanes, DossierTimelineLane, hit.lane);

          if (lane->label != NULL && y < lane->content_y)
            return g_markup_printf_escaped ("<b>%s</b>", lane->label);
        }
      return NULL;
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
        markup = _dossier_timeline_describe_entry (self, cursor, TRUE);
    }
  else if (self->drag_mode == DRAG_NONE)
    markup = tooltip_markup (self, x, y);
  if (markup == NULL)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* The controllers, from dossier_timeline_init() */

void
_dossier_timeline_input_init (DossierTimeline *self)
{
  GtkEventController *controller;
  GtkWidget *widget = GTK_WIDGET (self);

  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), self);

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
}

/* Private API, for tests and benchmarks */

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
