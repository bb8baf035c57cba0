/* dossier-types.h — shared enums and forward declarations of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How much of a published date is known.  Stored as an integer. */
typedef enum
{
  DOSSIER_DATE_PRECISION_UNKNOWN = 0,
  DOSSIER_DATE_PRECISION_YEAR    = 1,
  DOSSIER_DATE_PRECISION_MONTH   = 2,
  DOSSIER_DATE_PRECISION_DAY     = 3,
} DossierDatePrecision;

/* Where a published date came from.  Stored as an integer. */
typedef enum
{
  DOSSIER_DATE_ORIGIN_NONE     = 0,
  DOSSIER_DATE_ORIGIN_TEXT     = 1,   /* a visible dateline in the text */
  DOSSIER_DATE_ORIGIN_METADATA = 2,   /* <meta>, JSON-LD, <time>, front matter */
  DOSSIER_DATE_ORIGIN_URL      = 3,   /* /2013/04/15/ in the URL path */
  DOSSIER_DATE_ORIGIN_USER     = 4,   /* set by hand */
  DOSSIER_DATE_ORIGIN_INFERRED = 5,   /* a suggested date the user accepted */
} DossierDateOrigin;

typedef struct _DossierArticle    DossierArticle;
typedef struct _DossierAnnotation DossierAnnotation;
typedef struct _DossierLibrary    DossierLibrary;
typedef struct _DossierStore      DossierStore;

G_END_DECLS
