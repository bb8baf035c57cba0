/* bench-app-import.c — importing another app's export: the time of
 * dossier_app_import_file() on FILE into a new library at LIBRARY
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-app-import LIBRARY FILE
 * prints one JSON line: {"articles", "annotations", "orphans", "seconds"}
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "dossier-app-import.h"

int
main (int argc, char **argv)
{
  g_autoptr(DossierLibrary) library = NULL;
  g_autoptr(DossierAppImportSummary) s = NULL;
  g_autoptr(GError) error = NULL;
  gint64 t0;
  double seconds;

  if (argc != 3)
    {
      fprintf (stderr, "usage: bench-app-import LIBRARY FILE\n");
      return 2;
    }
  library = dossier_library_new (argv[1]);
  if (!dossier_library_open_sync (library, TRUE, &error))
    {
      fprintf (stderr, "bench-app-import: %s\n", error->message);
      return 1;
    }
  t0 = g_get_monotonic_time ();
  s = dossier_app_import_file (library, DOSSIER_APP_UNKNOWN, argv[2], NULL, &error);
  seconds = (g_get_monotonic_time () - t0) / (double) G_USEC_PER_SEC;
  if (s == NULL)
    {
      fprintf (stderr, "bench-app-import: %s\n", error->message);
      return 1;
    }
  printf ("{\"articles\": %u, \"annotations\": %u, \"orphans\": %u, \"failed\": %u, \"seconds\": %.3f}\n",
          s->articles, s->annotations, s->orphans, s->failed, seconds);
  dossier_library_close (library);
  return 0;
}
