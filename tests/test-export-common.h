/* test-export-common.h — libraries and programs for the export tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-library.h"

G_BEGIN_DECLS

typedef struct
{
  char           *dir;
  DossierLibrary *library;
} ExportFixture;

void            export_fixture_setup      (ExportFixture  *f,
                                           gconstpointer   data);
void            export_fixture_teardown   (ExportFixture  *f,
                                           gconstpointer   data);
/* a second library in the fixture's folder */
DossierLibrary *export_fixture_library    (ExportFixture  *f,
                                           const char     *name);

void            test_rm_rf                (const char     *path);

gint64          test_add_article          (DossierLibrary *library,
                                           const char     *title,
                                           const char     *source,
                                           const char     *url,
                                           const char     *published,  /* "2013-04-15", "2013-04", NULL */
                                           const char     *body);
DossierAnnotation *test_annotate          (DossierLibrary *library,
                                           gint64          article_id,
                                           const char     *quote,
                                           const char     *note,
                                           const char     *tags,       /* comma-separated, or NULL */
                                           const char     *color);

/* @n_articles articles with @per_article notes each, in one transaction */
void            test_populate_bulk        (DossierLibrary *library,
                                           guint           n_articles,
                                           guint           per_article);

/* the same articles, with (or without) their notes */
void            test_populate_bulk_full   (DossierLibrary *library,
                                           guint           n_articles,
                                           guint           per_article,
                                           gboolean        with_notes);

/* Runs @argv; returns the exit status (-1 when it could not run). */
int             test_run                  (const char * const *argv,
                                           char              **out,
                                           char              **err);
/* TRUE when @program is in PATH */
gboolean        test_have_program         (const char     *program);
/* the annotation with @uuid among @annotations, or NULL */
DossierAnnotation *test_find_uuid         (GPtrArray      *annotations,
                                           const char     *uuid);

G_END_DECLS
