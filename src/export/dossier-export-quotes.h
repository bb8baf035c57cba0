/* dossier-export-quotes.h — quotes to Markdown and CSV, each with a
 * dossier:// link back to its passage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "dossier-store.h"

G_BEGIN_DECLS

/* "dossier://article/ID?passage=START-END": opens the article with the
 * quoted words marked */
char *dossier_export_quote_link     (const DossierPersonQuote *quote);
/* (element-type DossierPersonQuote) @quotes under the heading @title */
char *dossier_export_quotes_markdown (const char *title,
                                      GPtrArray  *quotes);
/* one row a quote: speaker, quote, sentence, article, source, published, link */
char *dossier_export_quotes_csv      (GPtrArray  *quotes);

G_END_DECLS
