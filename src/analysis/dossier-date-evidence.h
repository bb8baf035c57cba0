/* dossier-date-evidence.h — suggested dates for undated articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure logic on values: what an article's own text says about when it was
 * written (datelines, the latest date it mentions, weekdays, fixed-date
 * holidays, the date in its URL), and which dated articles of the library
 * report the same story in the same words (shared rare word sequences).
 * Nothing here reads or writes the library.
 */
#pragma once

#include "dossier-date.h"
#include "dossier-shingles.h"

G_BEGIN_DECLS

typedef struct
{
  DossierDate  date;        /* precision UNKNOWN: nothing to suggest */
  double       confidence;  /* 0..1: how likely the date is right */
  GPtrArray   *evidence;    /* (element-type utf8): the reasons, in words */
} DossierDateSuggestion;

DossierDateSuggestion *dossier_date_suggestion_new  (void);
void                   dossier_date_suggestion_free (DossierDateSuggestion *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierDateSuggestion, dossier_date_suggestion_free)

/* Suggests a date for an article from its @title, @body, @url and date
 * @hints of its file (dossier_date_hints_read(); each may be NULL), its
 * partly known date @known (NULL or precision UNKNOWN
 * when it has none; a suggestion always lies within it), and the corpus
 * match @match (NULL: text evidence only).  Never fails: with nothing to
 * go on the suggestion has precision UNKNOWN and confidence 0.  Bounded
 * in time and memory on any input. */
DossierDateSuggestion *dossier_date_evidence_suggest (const char               *title,
                                                      const char               *body,
                                                      const char               *url,
                                                      const char               *hints,
                                                      const DossierDate        *known,
                                                      const DossierCorpusMatch *match);

/* "Fri 4 Jul 2014", "Jul 2014" or "2014" by precision, in the locale. */
char *dossier_date_evidence_format (const DossierDate *date);

G_END_DECLS
