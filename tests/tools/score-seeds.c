/* score-seeds.c — how well plain-text import does on the seed articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   score-seeds [--skip-html] [DIR]
 *
 * DIR holds the articles and their truth.jsonl; the default is
 * $DOSSIER_SHARED_DIR/corpora/seeds.  Works on a make-corpus output too
 * (its truth lines carry the whole body).  Exits 0 when every field is
 * right, 1 otherwise, 2 on a usage error.
 */
#include "config.h"

#include <stdio.h>

#include "seed-check.h"

int
main (int   argc,
      char *argv[])
{
  static const char *const skip_html[] = { ".html", ".htm", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) report = g_string_new (NULL);
  g_autofree char *dir = NULL;
  SeedScore score = { 0, };
  gboolean skip = FALSE;
  gint64 start;
  double secs;
  int i;

  for (i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--skip-html"))
        skip = TRUE;
      else if (argv[i][0] == '-')
        {
          fprintf (stderr, "usage: %s [--skip-html] [DIR]\n", argv[0]);
          return 2;
        }
      else
        dir = g_strdup (argv[i]);
    }
  if (dir == NULL)
    {
      const char *shared = g_getenv ("DOSSIER_SHARED_DIR");

      if (shared == NULL)
        {
          fprintf (stderr, "%s: give a directory or set DOSSIER_SHARED_DIR\n", argv[0]);
          return 2;
        }
      dir = g_build_filename (shared, "corpora", "seeds", NULL);
    }

  start = g_get_monotonic_time ();
  if (!seed_check_dir (dir, skip ? skip_html : NULL, report, &score, &error))
    {
      fprintf (stderr, "%s: %s\n", argv[0], error->message);
      return 2;
    }
  secs = (g_get_monotonic_time () - start) / 1e6;

  fputs (report->str, stdout);
  printf ("files: %u/%u right, fields: %u/%u right (%.1f%%), %.3f s\n",
          score.files_ok, score.files, score.fields_ok, score.fields,
          score.fields ? 100.0 * score.fields_ok / score.fields : 0.0, secs);
  return score.fields_ok == score.fields && score.files_ok == score.files ? 0 : 1;
}
