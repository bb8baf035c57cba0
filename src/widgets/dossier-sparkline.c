/* dossier-sparkline.c — a row's small bar chart of counts over time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One thin bar per count, as tall as its share of the largest, in the
 * text's colour at low opacity, with a baseline so that an empty span
 * still shows where it is.
 */
#include "config.h"

#include "dossier-sparkline.h"

struct _DossierSparkline
{
  GtkWidget  parent_instance;
  guint     *values;
  guint      n;
};

G_DEFINE_FINAL_TYPE (DossierSparkline, dossier_sparkline, GTK_TYPE_WIDGET)

static void
dossier_sparkline_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  DossierSparkline *self = DOSSIER_SPARKLINE (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA color, faint;
  guint max = 0;
  float bar;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
  G_GNUC_END_IGNORE_DEPRECATIONS
  faint = color;
  faint.alpha *= 0.25f;
  color.alpha *= 0.7f;
  gtk_snapshot_append_color (snapshot, &faint, &GRAPHENE_RECT_INIT (0, height - 1, width, 1));
  if (self->n == 0)
    return;
  for (guint i = 0; i < self->n; i++)
    max = MAX (max, self->values[i]);
  if (max == 0)
    return;
  bar = (float) width / self->n;
  for (guint i = 0; i < self->n; i++)
    {
      float h;

      if (self->values[i] == 0)
        continue;
      /* a single quote still shows */
      h = MAX (2.0f, (float) (height - 1) * self->values[i] / max);
      gtk_snapshot_append_color (snapshot, &color,
                                 &GRAPHENE_RECT_INIT (i * bar + 0.5f, height - 1 - h, MAX (bar - 1.0f, 1.0f), h));
    }
}

static void
dossier_sparkline_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 72 : 18;
}

static void
dossier_sparkline_finalize (GObject *object)
{
  g_free (DOSSIER_SPARKLINE (object)->values);
  G_OBJECT_CLASS (dossier_sparkline_parent_class)->finalize (object);
}

static void
dossier_sparkline_class_init (DossierSparklineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = dossier_sparkline_finalize;
  widget_class->snapshot = dossier_sparkline_snapshot;
  widget_class->measure = dossier_sparkline_measure;
  gtk_widget_class_set_css_name (widget_class, "sparkline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
dossier_sparkline_init (DossierSparkline *self)
{
}

GtkWidget *
dossier_sparkline_new (void)
{
  return g_object_new (DOSSIER_TYPE_SPARKLINE, NULL);
}

void
dossier_sparkline_set_values (DossierSparkline *self,
                              const guint      *values,
                              guint             n)
{
  g_return_if_fail (DOSSIER_IS_SPARKLINE (self));

  g_free (self->values);
  self->values = g_memdup2 (values, n * sizeof (guint));
  self->n = n;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const guint *
dossier_sparkline_get_values (DossierSparkline *self,
                              guint            *n)
{
  g_return_val_if_fail (DOSSIER_IS_SPARKLINE (self), NULL);

  *n = self->n;
  return self->values;
}
