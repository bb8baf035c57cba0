/* dossier-export-private.h — what the export formats share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-export.h"

G_BEGIN_DECLS

/* "<!-- dossier-export sha256:HEX -->": the last line of every Markdown
 * file we write.  The hash covers everything before that line, so an
 * unmodified export can be told from one the user has edited since. */
#define DOSSIER_EXPORT_MD_TRAILER_START "<!-- Exported by Dossier; edit freely: a later export will not replace an edited file. dossier-export sha256:"
#define DOSSIER_EXPORT_MD_TRAILER_END   " -->\n"

#define DOSSIER_EXPORT_CSV_HEADER \
  "title,source,published,url,quote,note,tags,colour,created\r\n"
#define DOSSIER_EXPORT_HTML_GENERATOR "<meta name=\"generator\" content=\"Dossier\">"
#define DOSSIER_EXPORT_JSON_NS "https://dossierapp.org/ns#"

/* dossier-export-markdown.c */
void     _dossier_export_markdown_article   (GString            *out,
                                             DossierArticle     *article,
                                             GPtrArray          *annotations,
                                             gboolean            standalone);
void     _dossier_export_markdown_combined  (GString            *out,
                                             GPtrArray          *entries,
                                             const DossierExportOptions *options);
/* appends the trailer line with the checksum of out->str */
void     _dossier_export_markdown_seal      (GString            *out);
/* TRUE when @data is a Markdown file we wrote and nobody changed since;
 * *article_id gets its dossier-id (0 for a combined file) */
gboolean _dossier_export_markdown_is_pristine (const char       *data,
                                               gsize             len,
                                               gint64           *article_id);
/* the tag as Obsidian accepts it after '#': no spaces or punctuation */
char    *_dossier_export_markdown_tag       (const char         *tag);

/* dossier-export-json.c */
void     _dossier_export_json               (GString            *out,
                                             GPtrArray          *entries,
                                             const DossierExportOptions *options);

/* dossier-export-csv.c */
void     _dossier_export_csv                (GString            *out,
                                             GPtrArray          *entries);
/* one cell, quoted as needed, then "," or (@last) the row's CRLF */
void     _dossier_export_csv_field          (GString            *out,
                                             const char         *value,
                                             gboolean            last);

/* dossier-export-html.c */
void     _dossier_export_html               (GString            *out,
                                             GPtrArray          *entries,
                                             const DossierExportOptions *options);

/* shared helpers (dossier-export.c) */
/* "15 April 2013", "April 2013", "2013" or NULL */
char    *_dossier_export_format_published   (DossierArticle     *article);
/* the note's tags, then those of its article it lacks (case-insensitively) */
char   **_dossier_export_all_tags           (DossierAnnotation  *annotation,
                                             DossierArticle     *article);
/* the text with control characters (but \n and \t) removed, never NULL */
char    *_dossier_export_clean_text         (const char         *text);

G_END_DECLS
