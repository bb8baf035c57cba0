/* dossier-query.h — what the user typed in the search entry, understood
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The grammar: words (all required), "quoted phrases", OR between terms,
 * -word to exclude, source:NAME, tag:NAME, published:2013-01..2013-06,
 * story:ID
 * (also published:2013, published:..2013-06, published:2013-01..),
 * has:notes, is:undated, is:suggested, is:unread, is:read, feed:ID,
 * author:NAME (a note's author in a team library).  Values with spaces may be quoted:
 * source:"The Moscow Times".  Nothing the user types ever becomes SQL:
 * terms are quoted into an FTS5 expression that is bound as a parameter.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_SORT_DATE_DESC,
  DOSSIER_SORT_DATE_ASC,
  DOSSIER_SORT_RELEVANCE,
  DOSSIER_SORT_TITLE,
} DossierSort;

typedef struct
{
  char        *text;        /* what was typed */
  char        *fts;         /* FTS5 MATCH expression of the required terms, or NULL */
  char        *fts_exclude; /* FTS5 expression of excluded terms, or NULL */
  char        *prefix;      /* the word searched as a prefix (still being
                             * typed), as typed; NULL when there is none */
  gsize        prefix_at;   /* where its term "…"* starts in @fts */
  gsize        prefix_len;  /* and how long it is there */
  GPtrArray   *sources;     /* any of these sources (exact, case-insensitive) */
  GPtrArray   *tags;        /* articles carrying all these tags, each on the
                             * article itself or on one of its notes */
  GPtrArray   *colors;      /* annotations view: any of these colours */
  gint64       from_jd;     /* inclusive julian day, -1 for open */
  gint64       to_jd;       /* inclusive julian day, -1 for open */
  gboolean     has_notes;
  gboolean     undated;
  gboolean     suggested;   /* is:suggested: a date is suggested for it */
  gint64       story;       /* story:ID, 0 for any */
  int          read;        /* is:read 1, is:unread 0, -1 for either */
  gint64       feed;        /* feed:ID: brought by that feed; 0 for any */
  GPtrArray   *people;      /* person:NAME: articles that mention or quote each */
  GPtrArray   *quoted;      /* quote:NAME: articles where each is quoted */
  GPtrArray   *authors;     /* author:NAME: notes by any of these members (an
                             * article: one of its notes is theirs) */
  GPtrArray   *quote_terms; /* with quote:, the words and phrases a quote
                             * of theirs must hold (as typed) */
  char        *hint;        /* a gentle, translated hint, or NULL */
  DossierSort  sort;
  gboolean     sort_set;    /* the caller chose the sort */
  guint        limit;       /* list only the first N ids; 0 for all */
} DossierQuery;

/* @prefix_last: treat the last bare word as a prefix (search as you type). */
DossierQuery *dossier_query_parse    (const char   *text,
                                      gboolean      prefix_last);
DossierQuery *dossier_query_new      (void);
DossierQuery *dossier_query_copy     (const DossierQuery *query);
void          dossier_query_free     (DossierQuery *query);
gboolean      dossier_query_is_empty (const DossierQuery *query);
/* The effective sort: relevance for a text query unless chosen. */
DossierSort   dossier_query_get_sort (const DossierQuery *query);
/* @fts with the prefix term replaced by "any of @terms" (FTS5 terms, as
 * the index holds them); NULL when the query has no prefix term or
 * @n_terms is 0.  Matches exactly the articles @fts matches when @terms
 * are all the index's terms that start with the prefix. */
char         *dossier_query_expand_prefix (const DossierQuery *query,
                                           const char * const *terms,
                                           guint               n_terms);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierQuery, dossier_query_free)

G_END_DECLS
