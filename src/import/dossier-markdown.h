/* dossier-markdown.h — Markdown (CommonMark, through cmark) for import and notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cmark.h>

#include "dossier-extracted.h"

G_BEGIN_DECLS

/* Parses @markdown (@len bytes, -1: up to the NUL) as CommonMark; invalid
 * UTF-8 is replaced.  Free with cmark_node_free(). */
cmark_node       *dossier_markdown_parse      (const char  *markdown,
                                               gssize       len);

/* A note as Pango markup for a GtkLabel: emphasis, code, http(s) and
 * mailto links, lists, headings (bold), quotes (italic).  Everything else,
 * raw HTML included, is shown as the text that was typed.  At most
 * @max_chars characters of @markdown are rendered (-1: all), then "…". */
char             *dossier_markdown_to_pango   (const char  *markdown,
                                               int          max_chars);

/* A note as the words it shows, on one line: the text of its emphasis,
 * code, links (not their addresses), images' descriptions and raw HTML
 * as typed, with blocks and line breaks made single spaces. */
char             *dossier_markdown_to_text    (const char  *markdown);

/* A note as an HTML fragment appended to @out: the same subset as
 * dossier_markdown_to_pango().  Raw HTML never passes through: it is
 * escaped and shown as text, and only http(s) and mailto links are links. */
void              dossier_markdown_append_html (GString    *out,
                                                const char *markdown);

/* @s (@len bytes, -1: up to the NUL) appended to @out with &, <, >, " and '
 * escaped and control characters made spaces: safe in HTML text and in
 * attribute values. */
void              dossier_markdown_append_html_escaped (GString    *out,
                                                        const char *s,
                                                        gssize      len);

/* A Markdown file as an article: YAML front matter (title, date, url,
 * author, source) is honoured, the first "# Heading" is the title when the
 * front matter has none, and the document is reduced to plain paragraphs
 * (one per block; <script> and <style> dropped with their text, images
 * dropped, code kept as written) before the same clean-up as
 * dossier_text_extract().  @utf8 must be valid UTF-8. */
DossierExtracted *dossier_markdown_extract    (const char  *utf8,
                                               gsize        len,
                                               const char  *filename,
                                               GError     **error);

G_END_DECLS
