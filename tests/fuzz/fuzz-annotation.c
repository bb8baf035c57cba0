/* fuzz-annotation.c — libFuzzer target: the annotation JSON importer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes go to dossier_annotation_import_data() on a small library
 * (two articles): the import either succeeds or fails with a GError, and
 * afterwards the database passes its integrity check.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <glib.h>
#include <glib/gstdio.h>
#include "dossier-annotation-import.h"
#include "dossier-library.h"

#ifndef FUZZ_ENTRY
/* test-fuzz-regressions.c includes this file under another name */
#define FUZZ_ENTRY LLVMFuzzerTestOneInput
#endif

int FUZZ_ENTRY (const uint8_t *data, size_t size);

static DossierLibrary *annotation_library;
static char *annotation_dir;
static guint annotation_n_runs;

static void
annotation_add (const char *title,
     const char *url,
     const char *body)
{
  g_autoptr(DossierArticle) a = dossier_article_new ();
  g_autoptr(GError) error = NULL;

  dossier_article_set_title (a, title);
  dossier_article_set_url (a, url);
  dossier_article_set_body (a, body);
  if (dossier_library_add_article_sync (annotation_library, a, NULL, &error) <= 0)
    {
      fprintf (stderr, "annotation_add: %s\n", error ? error->message : "?");
      abort ();
    }
}

static void
annotation_open (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  annotation_dir = g_dir_make_tmp ("fuzz-annotation-XXXXXX", &error);
  if (annotation_dir == NULL)
    abort ();
  path = g_build_filename (annotation_dir, "library.db", NULL);
  annotation_library = dossier_library_new (path);
  if (!dossier_library_open_sync (annotation_library, TRUE, &error))
    {
      fprintf (stderr, "open: %s\n", error->message);
      abort ();
    }
  annotation_add ("Harbour talks resume", "https://example.org/2013/04/15/harbour",
       "The harbour talks resumed on Monday after a week of delays.\n\n"
       "Negotiators said the dredging deal was close. The ferry strike ended.");
  annotation_add ("Переговоры в порту", "https://example.ru/port",
       "Переговоры возобновились в понедельник.\n\nСделка почти готова.");
}

int
FUZZ_ENTRY (const uint8_t *data,
            size_t         size)
{
  g_autoptr(GError) error = NULL;
  DossierAnnotationImportReport report = { 0, };

  if (annotation_library == NULL)
    annotation_open ();
  if (!dossier_annotation_import_data (annotation_library, (const char *) data, size,
                                       "fuzz.json", &report, NULL, &error))
    {
      if (error == NULL || error->message == NULL || *error->message == '\0')
        abort ();
    }
  /* now and then: the database is still sound */
  if (++annotation_n_runs % 512 == 0)
    {
      g_autoptr(GError) ierr = NULL;
      if (!dossier_store_integrity_check (dossier_library_get_store (annotation_library), &ierr))
        {
          fprintf (stderr, "integrity: %s\n", ierr ? ierr->message : "?");
          abort ();
        }
    }
  return 0;
}
