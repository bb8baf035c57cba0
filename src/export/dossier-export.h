/* dossier-export.h — notes out of the library: Markdown, W3C Web
 * Annotation JSON-LD, CSV and a printable HTML dossier
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The writers: pure functions of a list of DossierExportEntry (one
 * article and its notes), and writing them safely.  What to export is
 * collected from the library by dossier-exporter.h in the core.
 *
 *  - dossier_export_to_bytes() and the Markdown helpers: the formats, pure
 *    functions of the entries (no I/O, usable from any thread).
 *  - dossier_export_write_file() / _write_folder(): written atomically
 *    (a temporary file in the same folder, then a rename), so an
 *    interrupted export never leaves a half-written file, and an existing
 *    file is only replaced when @overwrite says so or when it is an
 *    unmodified earlier Dossier export of the same kind.
 */
#pragma once

#include <gio/gio.h>
#include "dossier-article.h"
#include "dossier-annotation.h"

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_EXPORT_MARKDOWN,
  DOSSIER_EXPORT_JSON,
  DOSSIER_EXPORT_CSV,
  DOSSIER_EXPORT_HTML,
} DossierExportFormat;

#define DOSSIER_EXPORT_ERROR (dossier_export_error_quark ())

typedef enum
{
  DOSSIER_EXPORT_ERROR_EXISTS,     /* a different file is in the way */
  DOSSIER_EXPORT_ERROR_WRITE,      /* not writable, disk full, … */
  DOSSIER_EXPORT_ERROR_NOT_FOUND,  /* no such article */
  DOSSIER_EXPORT_ERROR_FAILED,
} DossierExportError;

GQuark       dossier_export_error_quark          (void);

/* "markdown"|"md", "json"|"jsonld"|"json-ld", "csv", "html" (any case) */
gboolean     dossier_export_format_from_string   (const char           *name,
                                                  DossierExportFormat  *out);
/* "markdown", "json", "csv", "html" */
const char  *dossier_export_format_to_string     (DossierExportFormat   format);
/* "md", "json", "csv", "html" (no dot) */
const char  *dossier_export_format_get_extension (DossierExportFormat   format);
/* "text/markdown", "application/ld+json", "text/csv", "text/html" */
const char  *dossier_export_format_get_mime_type (DossierExportFormat   format);

/* One article and its notes (text order).  Both are owned references. */
typedef struct
{
  DossierArticle *article;
  GPtrArray      *annotations;   /* (element-type DossierAnnotation) */
} DossierExportEntry;

/* Takes new references to @article and @annotations (NULL: no notes). */
DossierExportEntry *dossier_export_entry_new     (DossierArticle       *article,
                                                  GPtrArray            *annotations);
void         dossier_export_entry_free           (DossierExportEntry   *entry);
/* A GPtrArray that frees its DossierExportEntry elements. */
GPtrArray   *dossier_export_entries_new          (void);

typedef struct
{
  /* the HTML cover and the JSON label; NULL: "Notes from Dossier" */
  const char *title;
  /* what was exported, shown on the cover: "Search: sanctions",
   * "Whole library" …; NULL: nothing */
  const char *scope;
  /* microseconds since the epoch, UTC; 0: now */
  gint64      generated;
} DossierExportOptions;

/* The whole export as one document.  Markdown: one combined file, or for
 * a single article the same document as dossier_export_markdown_for_article()
 * (front matter and all), sealed with a checksum line either way. */
GBytes      *dossier_export_to_bytes             (DossierExportFormat   format,
                                                  GPtrArray            *entries,
                                                  const DossierExportOptions *options,
                                                  GError              **error);

/* "Copy as Markdown": one note (with a line naming the article), and the
 * notes of one article as a standalone document (YAML front matter, then
 * the notes) — the same text as one file of a folder export. */
char        *dossier_export_markdown_for_annotation (DossierArticle    *article,
                                                     DossierAnnotation *annotation);
char        *dossier_export_markdown_for_article    (DossierArticle    *article,
                                                     GPtrArray         *annotations);

/* "2013-04-15 Title" (no extension): safe on Linux, macOS and Windows and
 * in Obsidian links — no path separators, no reserved or control
 * characters, no leading dot, not a reserved device name, at most
 * 120 bytes; never empty. */
char        *dossier_export_file_name_for_article   (DossierArticle    *article);
/* The same cleaning for any name. */
char        *dossier_export_safe_file_name          (const char        *name);

/* dossier://article/ID?annotation=UUID (uuid NULL: dossier://article/ID),
 * the link that reopens Dossier at that passage. */
char        *dossier_export_uri_for_annotation      (gint64             article_id,
                                                     const char        *uuid);
/* Parses what dossier_export_uri_for_annotation() makes; @uuid may be NULL
 * and gets NULL when the URI has no annotation. */
gboolean     dossier_export_parse_uri               (const char        *uri,
                                                     gint64            *article_id,
                                                     char             **uuid);

/* Writes the export to @dest atomically.  An existing @dest is replaced
 * only when @overwrite is TRUE (the user confirmed it) or when it is an
 * unmodified earlier Dossier export in the same format; otherwise
 * DOSSIER_EXPORT_ERROR_EXISTS.  Errors name the path. */
gboolean     dossier_export_write_file           (DossierExportFormat   format,
                                                  GPtrArray            *entries,
                                                  const DossierExportOptions *options,
                                                  GFile                *dest,
                                                  gboolean              overwrite,
                                                  GCancellable         *cancellable,
                                                  GError              **error);

/* Markdown, one file per article, into @folder (created if missing).
 * Names come from dossier_export_file_name_for_article() plus ".md", made
 * unique (ignoring case) with " (2)", " (3)" ….  A file already there is
 * replaced when @overwrite is TRUE or when it is an unmodified earlier
 * Dossier export of the same article; any other file is left alone and the
 * article gets the next free name.  All files are written to temporary
 * names first and renamed only when every one was written, so a full disk
 * leaves nothing behind.  @written (optional) gets the new files' paths
 * (element-type filename). */
gboolean     dossier_export_write_folder         (GPtrArray            *entries,
                                                  const DossierExportOptions *options,
                                                  GFile                *folder,
                                                  gboolean              overwrite,
                                                  GPtrArray           **written,
                                                  GCancellable         *cancellable,
                                                  GError              **error);

/* Makes the folder @path (and its parents) unless it exists; a file of
 * that name is DOSSIER_EXPORT_ERROR_EXISTS. */
gboolean     dossier_export_ensure_folder        (const char           *path,
                                                  GError              **error);

/* A story as a printable dossier (dossier-export-story.c). */
typedef struct
{
  const char         *title;    /* the earliest article's */
  const char         *span;     /* "3 June 2014 – 5 June 2014 · 3 days" */
  char * const       *outlets;  /* NULL-terminated; NULL: none known */
} DossierExportStoryInfo;

/* The story's title, span and outlets, then each entry in the order given
 * (time order) with its article's text (the entries carry bodies) and its
 * notes.  HTML or Markdown; any other format fails. */
GBytes      *dossier_export_story_to_bytes       (DossierExportFormat           format,
                                                  const DossierExportStoryInfo *info,
                                                  GPtrArray                    *entries,
                                                  GError                      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierExportEntry, dossier_export_entry_free)

G_END_DECLS
