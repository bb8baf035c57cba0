/* dossier-quotes.h — direct quotations in an article and who said them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pure logic on values: the quoted passages of an article's body (straight
 * and curly double quotes, « », „ “, quotes running over paragraphs,
 * partial quotes inside a sentence), the speaker of each (a name, a title
 * the article gave a person, an organisation, a pronoun), and the people
 * and organisations the article names.  Nothing here reads or writes the
 * library.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  DOSSIER_ATTRIBUTION_UNATTRIBUTED,
  DOSSIER_ATTRIBUTION_NAMED,
  DOSSIER_ATTRIBUTION_TITLE,
  DOSSIER_ATTRIBUTION_PRONOUN,
  DOSSIER_ATTRIBUTION_ORGANISATION,
} DossierAttribution;

typedef enum
{
  DOSSIER_SPEAKER_PERSON,
  DOSSIER_SPEAKER_ORGANISATION,
} DossierSpeakerKind;

/* A person or organisation named in one article. */
typedef struct
{
  char               *name;      /* the fullest form the article uses */
  GPtrArray          *variants;  /* (element-type utf8): every form used */
  GPtrArray          *titles;    /* (element-type utf8): titles and roles given */
  DossierSpeakerKind  kind;
  guint               mentions;
  gsize               first;     /* byte offset of the first mention */
} DossierNamed;

typedef struct
{
  gsize               start;      /* byte offsets of the quoted words in the */
  gsize               end;        /* body, without the quote marks */
  int                 speaker;    /* index into the result's named, or -1 */
  DossierAttribution  attribution;
} DossierQuote;

typedef struct
{
  GArray    *quotes;  /* (element-type DossierQuote), in text order */
  GPtrArray *named;   /* (element-type DossierNamed) */
} DossierQuoteResult;

void dossier_quote_result_free (DossierQuoteResult *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (DossierQuoteResult, dossier_quote_result_free)

/* The version of what dossier_quotes_find() finds.  Raise it whenever a
 * change finds other quotes, spans, speakers or people in the same text:
 * a library whose quotes were found by an older version queues every
 * article to have them found again (the user's corrections are kept). */
#define DOSSIER_QUOTES_VERSION 3

/* Finds the quotations of @body (UTF-8; invalid bytes are skipped) and
 * their speakers.  Never fails; bounded in time and memory on any input
 * (bodies longer than a limit are read up to it). */
DossierQuoteResult *dossier_quotes_find (const char *body);

/* "named", "title", "pronoun", "organisation" or "unattributed". */
const char *dossier_attribution_to_string (DossierAttribution attribution);

/* The key under which forms of one person's name fold together across
 * articles: the surname, case folded, transliterated from Cyrillic, with
 * spelling variants (y/i, ey/ei) folded ("Lavrov" for "Sergey Lavrov",
 * "Mr. Lavrov", "Лавров").  Free with g_free(). */
char *dossier_name_surname_key (const char *name);

/* The folded given name of @name ("sergei" for "Sergey Lavrov"), or NULL
 * when the name is one word. */
char *dossier_name_given_key (const char *name);

/* Whether @word (@len bytes, without its full stop) is a title or an
 * abbreviation whose full stop ends no sentence: "Mr", "Gen", an initial,
 * "U.S". */
gboolean dossier_quotes_is_abbreviation (const char *word,
                                         gsize       len);

G_END_DECLS
