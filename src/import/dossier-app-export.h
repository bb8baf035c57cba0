/* dossier-app-export.h — the export files of other read-it-later apps
 * (Pocket, Omnivore, Wallabag, Instapaper) read into plain values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every parser is pure: bytes in, a DossierAppExport out, nothing stored
 * and nothing written to disk.  A file that cannot be read at all (too
 * large, not the format, a ZIP bomb, an entry name leading outside the
 * archive) is an error in DOSSIER_IMPORT_ERROR naming the file.  A single
 * bad row or entry (no URL, a date that is not one, text that is not
 * UTF-8, a field too large) is kept as an entry with its error set and
 * its row number, so a summary can list it.
 */
#pragma once

#include <gio/gio.h>
#include "dossier-extracted.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_APP_UNKNOWN,
  DOSSIER_APP_POCKET,
  DOSSIER_APP_OMNIVORE,
  DOSSIER_APP_WALLABAG,
  DOSSIER_APP_INSTAPAPER,
} DossierAppKind;

/* The largest export file read, and the largest single field of a row. */
#define DOSSIER_APP_EXPORT_MAX_SIZE        DOSSIER_IMPORT_MAX_SIZE
#define DOSSIER_APP_EXPORT_MAX_FIELD       (4 * 1024 * 1024)
/* What the entries of an Omnivore ZIP may unpack to, in all. */
#define DOSSIER_APP_EXPORT_MAX_UNPACKED    (256 * 1024 * 1024)
#define DOSSIER_APP_EXPORT_MAX_ENTRIES     200000

typedef struct
{
  char   *quote;      /* the highlighted text */
  char   *note;       /* the user's note, or NULL */
  gint64  created;    /* µs since the epoch, 0: unknown */
} DossierAppHighlight;

typedef struct
{
  guint       row;        /* 1-based row (CSV, counting the header) or entry */
  char       *source_id;  /* the app's id, else the URL; never NULL */
  char       *url;
  char       *title;
  char       *byline;
  char       *body;       /* plain text, NULL when the export has only the link */
  char      **tags;       /* never NULL */
  gint64      saved_at;   /* µs since the epoch, 0: unknown */
  gboolean    read;       /* archived or read */
  gboolean    starred;
  GPtrArray  *highlights; /* (element-type DossierAppHighlight) */
  char       *error;      /* set: this row cannot be imported, and why */
} DossierAppEntry;

typedef struct
{
  DossierAppKind  kind;
  GPtrArray      *entries;  /* (element-type DossierAppEntry) */
} DossierAppExport;

void              dossier_app_export_free      (DossierAppExport *export);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierAppExport, dossier_app_export_free)

/* "pocket", "omnivore", "wallabag", "instapaper"; NULL for UNKNOWN */
const char       *dossier_app_kind_to_string   (DossierAppKind kind);
DossierAppKind    dossier_app_kind_from_string (const char    *name);
/* "Pocket", … for people (translated where it matters) */
const char       *dossier_app_kind_to_label    (DossierAppKind kind);

/* The kind the contents look like, or UNKNOWN. */
DossierAppKind    dossier_app_export_detect    (const guint8  *data,
                                                gsize          len);

/* Parses @data as @kind (UNKNOWN: as detected).  @filename is used in
 * messages only. */
DossierAppExport *dossier_app_export_parse     (DossierAppKind  kind,
                                                const guint8   *data,
                                                gsize           len,
                                                const char     *filename,
                                                GError        **error);

/* The parsers, one per file; dossier_app_export_parse() picks one. */
DossierAppExport *dossier_pocket_export_parse     (const guint8 *data, gsize len,
                                                   const char *filename, GError **error);
DossierAppExport *dossier_omnivore_export_parse   (const guint8 *data, gsize len,
                                                   const char *filename, GError **error);
DossierAppExport *dossier_wallabag_export_parse   (const guint8 *data, gsize len,
                                                   const char *filename, GError **error);
DossierAppExport *dossier_instapaper_export_parse (const guint8 *data, gsize len,
                                                   const char *filename, GError **error);

G_END_DECLS
