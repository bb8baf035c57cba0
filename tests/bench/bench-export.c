/* bench-export.c — how long exporting 10,000 notes takes (budget: 1 s for
 * Markdown).  Usage: bench-export [N_ARTICLES [NOTES_PER_ARTICLE]]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "dossier-annotation-import.h"
#include "dossier-exporter.h"
#include "test-export-common.h"

static double
ms_since (gint64 t0)
{
  return (g_get_monotonic_time () - t0) / 1000.0;
}

int
main (int argc, char **argv)
{
  guint n_articles = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  guint per_article = argc > 2 ? (guint) atoi (argv[2]) : 10;
  ExportFixture f = { NULL, NULL };
  g_autoptr(GError) error = NULL;
  static const DossierExportFormat formats[] = {
    DOSSIER_EXPORT_MARKDOWN, DOSSIER_EXPORT_JSON, DOSSIER_EXPORT_CSV, DOSSIER_EXPORT_HTML
  };
  gint64 t0;

  export_fixture_setup (&f, NULL);
  t0 = g_get_monotonic_time ();
  test_populate_bulk (f.library, n_articles, per_article);
  printf ("library: %u articles, %u notes (made in %.0f ms)\n", n_articles,
          n_articles * per_article, ms_since (t0));

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("out.%s", dossier_export_format_get_extension (formats[i]));
      g_autofree char *path = g_build_filename (f.dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GPtrArray) entries = NULL;
      double collect, total;

      t0 = g_get_monotonic_time ();
      entries = dossier_export_collect_sync (f.library, NULL, 0, NULL, NULL, &error);
      collect = ms_since (t0);
      if (entries == NULL ||
          !dossier_export_write_file (formats[i], entries, NULL, file, TRUE, NULL, &error))
        {
          fprintf (stderr, "bench-export: %s\n", error->message);
          return 1;
        }
      total = ms_since (t0);
      printf ("%-8s one file:        %7.1f ms (collect %.1f ms, render + write %.1f ms)\n",
              dossier_export_format_to_string (formats[i]), total, collect, total - collect);
    }
  {
    g_autofree char *dir = g_build_filename (f.dir, "vault", NULL);
    g_autoptr(GFile) folder = g_file_new_for_path (dir);
    g_autoptr(GPtrArray) entries = NULL;

    t0 = g_get_monotonic_time ();
    entries = dossier_export_collect_sync (f.library, NULL, 0, NULL, NULL, &error);
    if (entries == NULL ||
        !dossier_export_write_folder (entries, NULL, folder, TRUE, NULL, NULL, &error))
      {
        fprintf (stderr, "bench-export: %s\n", error->message);
        return 1;
      }
    printf ("markdown one file per article (%u files): %7.1f ms\n", entries->len, ms_since (t0));
  }
  {
    /* the JSON back into a library with the same articles */
    g_autofree char *path = g_build_filename (f.dir, "out.json", NULL);
    g_autoptr(DossierLibrary) other = export_fixture_library (&f, "other.db");
    DossierAnnotationImportReport report;

    test_populate_bulk_full (other, n_articles, per_article, FALSE);
    t0 = g_get_monotonic_time ();
    if (!dossier_annotation_import_file (other, path, &report, NULL, &error))
      {
        fprintf (stderr, "bench-export: %s\n", error->message);
        return 1;
      }
    printf ("json import: %u imported, %u unmatched in %.1f ms\n", report.imported,
            report.unmatched, ms_since (t0));
    dossier_library_close (other);
  }
  export_fixture_teardown (&f, NULL);
  return 0;
}
