/* timeline-demo.c — DossierTimeline alone in a window, with made-up articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For looking at the widget and taking screenshots; not a test.
 *   DEMO_N=300          how many articles (clustered over 2009–2014)
 *   DEMO_LANES=source   none, source or tag
 *   DEMO_RANGE=2013-06-01:2013-09-01   the visible range
 *   DEMO_SELECT=2014-02-20:2014-03-20  a selected range
 *   DEMO_CURSOR=1       select an article and focus the timeline
 *   DEMO_DARK=1         dark style
 */
#include "config.h"

#include <adwaita.h>
#include "dossier-timeline.h"

static const char *sources[] = { "The Moscow Times", "Reuters", "The Guardian", "RIA Novosti" };
static const char *topics[] = {
  "Obama and Medvedev press the reset button",
  "New START treaty signed in Prague",
  "Senate ratifies arms control pact",
  "Snowden granted asylum in Russia",
  "Magnitsky Act passes the House",
  "Crimea votes to join Russia",
  "Sanctions widen after referendum",
  "Missile defence talks stall again",
};

static gint64
parse_day (const char *text)
{
  int y, m, d;
  GDate g;

  if (sscanf (text, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return -1;
  g_date_clear (&g, 1);
  g_date_set_dmy (&g, d, m, y);
  return g_date_get_julian (&g);
}

static gint64
day (int y, int m, int d)
{
  GDate g;

  g_date_clear (&g, 1);
  g_date_set_dmy (&g, d, m, y);
  return g_date_get_julian (&g);
}

static GArray *
make_points (guint n)
{
  GArray *points = g_array_new (FALSE, FALSE, sizeof (DossierTimelinePoint));
  GRand *rand = g_rand_new_with_seed (7);
  /* news comes in bursts around events */
  gint64 peaks[] = { day (2009, 3, 6), day (2010, 4, 8), day (2010, 12, 22), day (2012, 12, 14),
                     day (2013, 8, 1), day (2014, 3, 16), day (2014, 7, 17) };
  gint64 first = day (2009, 1, 1), last = day (2014, 12, 31);

  for (guint i = 0; i < n; i++)
    {
      DossierTimelinePoint p = { 0 };
      double r = g_rand_double (rand);

      p.id = i + 1;
      if (r < 0.02)
        p.julian = -1;
      else if (r < 0.45)
        p.julian = g_rand_int_range (rand, (gint32) first, (gint32) last);
      else
        {
          gint64 peak = peaks[g_rand_int_range (rand, 0, G_N_ELEMENTS (peaks))];
          double spread = g_rand_double_range (rand, -1, 1);

          p.julian = peak + (gint64) (spread * spread * spread * 40);
        }
      p.precision = p.julian < 0 ? 0 : g_rand_int_range (rand, 0, 12) == 0 ? 2 : 3;
      if (p.precision == 2)
        {
          GDate g;

          g_date_clear (&g, 1);
          g_date_set_julian (&g, (guint32) p.julian);
          g_date_set_day (&g, 1);
          p.julian = g_date_get_julian (&g);
        }
      p.n_notes = g_rand_int_range (rand, 0, 5) == 0 ? g_rand_int_range (rand, 1, 6) : 0;
      p.source = g_intern_string (sources[MIN (G_N_ELEMENTS (sources) - 1,
                                               (guint) (g_rand_double (rand) * g_rand_double (rand) * 5))]);
      g_array_append_val (points, p);
    }
  g_rand_free (rand);
  return points;
}

static char *
title_for (gint64   id,
           gpointer data)
{
  return g_strdup_printf ("%s (%" G_GINT64_FORMAT ")", topics[id % G_N_ELEMENTS (topics)], id);
}

static void
on_activated (DossierTimeline *timeline,
              gint64           id)
{
  g_print ("article-activated %" G_GINT64_FORMAT "\n", id);
}

static void
on_range (DossierTimeline *timeline,
          gint64           from,
          gint64           to)
{
  g_print ("range-selected %" G_GINT64_FORMAT "..%" G_GINT64_FORMAT "\n", from, to);
}

static void
on_activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  DossierTimeline *timeline = dossier_timeline_new ();
  const char *n = g_getenv ("DEMO_N");
  const char *lanes = g_getenv ("DEMO_LANES");
  const char *range = g_getenv ("DEMO_RANGE");
  const char *select = g_getenv ("DEMO_SELECT");
  g_autoptr(GArray) points = make_points (n ? (guint) atoi (n) : 300);

  gtk_window_set_title (GTK_WINDOW (window), "Timeline");
  gtk_window_set_default_size (GTK_WINDOW (window), 1300, 420);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (GTK_WIDGET (timeline), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (timeline));
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  dossier_timeline_set_title_func (timeline, title_for, NULL, NULL);
  dossier_timeline_set_points (timeline, points);
  if (lanes && g_str_equal (lanes, "source"))
    dossier_timeline_set_lane_mode (timeline, DOSSIER_TIMELINE_LANES_SOURCE);
  if (range && strchr (range, ':'))
    dossier_timeline_set_visible_range (timeline, parse_day (range), parse_day (strchr (range, ':') + 1));
  if (select && strchr (select, ':'))
    dossier_timeline_set_selected_range (timeline, parse_day (select), parse_day (strchr (select, ':') + 1));
  if (g_getenv ("DEMO_CURSOR"))
    {
      double start, end;
      gint64 best = -1, best_d = G_MAXINT64;

      dossier_timeline_get_visible_range (timeline, &start, &end);
      for (guint i = 0; i < points->len; i++)
        {
          DossierTimelinePoint *p = &g_array_index (points, DossierTimelinePoint, i);
          gint64 d = ABS (p->julian - (gint64) ((start + end) / 2));

          if (p->julian >= 0 && d < best_d)
            {
              best_d = d;
              best = p->id;
            }
        }
      dossier_timeline_set_selected_id (timeline, best);
      gtk_widget_grab_focus (GTK_WIDGET (timeline));
    }
  g_signal_connect (timeline, "article-activated", G_CALLBACK (on_activated), NULL);
  g_signal_connect (timeline, "range-selected", G_CALLBACK (on_range), NULL);
  gtk_window_present (GTK_WINDOW (window));
  if (g_getenv ("DEMO_CURSOR"))
    gtk_window_set_focus_visible (GTK_WINDOW (window), TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.dossierapp.TimelineDemo", G_APPLICATION_NON_UNIQUE);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  if (g_getenv ("DEMO_DARK"))
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  return g_application_run (G_APPLICATION (app), argc, argv);
}
