/* dossier-text-extract-private.h — the plain-text pipeline for other front ends
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A front end (Markdown) turns its input into lines, each marked as a
 * heading or a list item, and hands them to the same title, header and
 * clean-up rules as plain text.
 */
#pragma once

#include "dossier-text-extract.h"

G_BEGIN_DECLS

/* What a front end knows before the lines are read (front matter). */
typedef struct
{
  char             *title;
  char             *byline;
  char             *source;
  char             *url;
  DossierDate       date;
  DossierDateOrigin date_origin;
} DossierTextHints;

#define DOSSIER_TEXT_HINTS_INIT { NULL, NULL, NULL, NULL, DOSSIER_DATE_INIT, DOSSIER_DATE_ORIGIN_NONE }

void              _dossier_text_hints_clear     (DossierTextHints  *hints);

/* A GArray of lines for _dossier_text_lines_append(). */
GArray           *_dossier_text_lines_new       (void);
/* Appends @text (folded to single spaces) as one line; @blank says a blank
 * line comes before it and is cleared when the line is added, set when
 * @text is empty.  @heading: 1–6 for a heading, else 0.  @soft_break: the
 * line goes on the paragraph of the line before (a Markdown soft line
 * break), so the two are joined in the body.  TRUE when a line was added. */
gboolean          _dossier_text_lines_append    (GArray            *lines,
                                                 const char        *text,
                                                 gsize              len,
                                                 gboolean          *blank,
                                                 guint              heading,
                                                 gboolean           list_item,
                                                 gboolean           soft_break);
/* Runs the plain-text rules over @lines.  @title_index is the title line
 * when the front end knows it (-1: find one); a title in @hints is looked
 * for among the first lines instead.  Takes the strings of @hints. */
DossierExtracted *_dossier_text_extract_lines   (GArray            *lines,
                                                 DossierTextHints  *hints,
                                                 int                title_index,
                                                 const char        *filename,
                                                 GError           **error);

/* Markdown links left in text ("[text](url)"): their text, or NULL when
 * there are none; a javascript:, vbscript: or data: one never closed
 * loses everything up to the next space. */
char             *_dossier_text_strip_links     (const char        *text);
/* An http(s) URL at the start of @text ("<…>", "(…)", "www." too), or NULL. */
char             *_dossier_text_extract_url     (const char        *text);
gboolean          _dossier_text_looks_like_url  (const char        *text);

G_END_DECLS
