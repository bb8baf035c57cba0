/* dossier-app-export-private.h — what the export parsers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-app-export.h"

G_BEGIN_DECLS

DossierAppExport    *_dossier_app_export_new      (DossierAppKind kind);
/* A new entry appended to @export. */
DossierAppEntry     *_dossier_app_entry_add       (DossierAppExport *export,
                                                   guint             row);
void                 _dossier_app_entry_fail      (DossierAppEntry  *entry,
                                                   const char       *format,
                                                   ...) G_GNUC_PRINTF (2, 3);
void                 _dossier_app_entry_add_tag   (DossierAppEntry  *entry,
                                                   const char       *tag);
DossierAppHighlight *_dossier_app_entry_add_highlight (DossierAppEntry *entry,
                                                       const char      *quote,
                                                       const char      *note);

/* Seconds since the epoch ("1700000000") or an ISO 8601 date-time, to µs;
 * FALSE when @s is neither or out of range (before 1990, after 2100). */
gboolean             _dossier_app_parse_time      (const char       *s,
                                                   gint64           *usec);
/* The text of an HTML fragment, paragraphs separated by a blank line. */
char                *_dossier_app_html_text       (const char       *html,
                                                   gsize             len);
/* A UTF-8 copy of @data without a byte-order mark; UTF-16 with a BOM is
 * converted.  NULL with an ENCODING error naming @filename otherwise. */
char                *_dossier_app_utf8_text       (const guint8     *data,
                                                   gsize             len,
                                                   const char       *filename,
                                                   gsize            *out_len,
                                                   GError          **error);

/* RFC 4180 CSV over UTF-8 text (fields may hold invalid UTF-8: callers
 * check).  Quoted fields may span lines; "" is a quote. */
typedef struct
{
  const char *p;
  const char *end;
  guint       line;      /* the line the current record starts on */
} DossierCsv;

void                 _dossier_csv_init            (DossierCsv       *csv,
                                                   const char       *text,
                                                   gsize             len);
/* The next record's fields (NULL at the end).  A field over
 * DOSSIER_APP_EXPORT_MAX_FIELD sets *@too_long and is cut. */
GPtrArray           *_dossier_csv_next            (DossierCsv       *csv,
                                                   gboolean         *too_long);
/* The column of @name in @header (case-insensitive), or -1. */
int                  _dossier_csv_column          (GPtrArray        *header,
                                                   const char       *name);

G_END_DECLS
