/* test-anchor.c — placing annotations and re-anchoring them after edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "dossier-anchor.h"
#include "dossier-test-util.h"

#define R DOSSIER_ANCHOR_EXACT_POSITION
#define Q DOSSIER_ANCHOR_EXACT_QUOTE
#define F DOSSIER_ANCHOR_FUZZY
#define O DOSSIER_ANCHOR_ORPHAN

/* {{{ Helpers */

/* Character offset of the @nth occurrence of @needle in @hay, or -1. */
static int
char_offset_of (const char *hay,
                const char *needle,
                int         nth)
{
  const char *p = hay;
  const char *hit = NULL;
  int i;

  for (i = 0; i <= nth; i++)
    {
      hit = strstr (p, needle);
      if (hit == NULL)
        return -1;
      p = hit + 1;
    }
  return (int) g_utf8_pointer_to_offset (hay, hit);
}

static int
char_len (const char *s)
{
  return (int) g_utf8_strlen (s, -1);
}

/* Checks that @anchor is consistent with @body: the quote, prefix and
 * suffix are the body's text at the offsets. */
static void
assert_anchor_in_body (const DossierAnchor *anchor,
                       const char          *body)
{
  g_autofree char *quote = dossier_utf8_slice (body, anchor->start, anchor->end);
  g_autofree char *prefix = dossier_utf8_slice (body, MAX (0, anchor->start - 32), anchor->start);
  g_autofree char *suffix = dossier_utf8_slice (body, anchor->end, anchor->end + 32);

  g_assert_cmpint (anchor->start, >=, 0);
  g_assert_cmpint (anchor->start, <, anchor->end);
  g_assert_cmpint (anchor->end, <=, char_len (body));
  g_assert_cmpstr (anchor->quote, ==, quote);
  g_assert_cmpstr (anchor->prefix, ==, prefix);
  g_assert_cmpstr (anchor->suffix, ==, suffix);
}

/* }}} */
/* {{{ The table of edits */

typedef struct
{
  const char          *name;
  const char          *old_body;
  const char          *quote;        /* annotated text in old_body */
  int                  nth;          /* which occurrence of it */
  const char          *new_body;
  DossierAnchorResult  expect;
  const char          *expect_text;  /* new body's text at the result; NULL: the quote */
  int                  expect_nth;   /* which occurrence of expect_text */
} EditCase;

#define BODY \
  "Moscow has warned Washington that new sanctions would damage relations. " \
  "The foreign ministry said on Tuesday that the measures were unacceptable " \
  "and promised a response. Analysts in Berlin were less certain about what " \
  "would happen next."

#define PARAS \
  "Moscow has warned Washington that new sanctions would damage relations.\n\n" \
  "The foreign ministry said on Tuesday that the measures were unacceptable " \
  "and promised a response.\n\n" \
  "Analysts in Berlin were less certain about what would happen next."

#define LONG_QUOTE \
  "The foreign ministry said on Tuesday that the measures were unacceptable " \
  "and promised a response."

#define ARTICLE_LONG \
  "WASHINGTON (AP) — The White House said Monday it had no plans to expel " \
  "diplomats. The decision came after weeks of debate inside the " \
  "administration about how to respond to the annexation of Crimea, which " \
  "officials in both parties had called a violation of international law " \
  "and of the 1994 Budapest memorandum. Sanctions against banks and energy " \
  "companies would follow, a senior official said, if the situation in the " \
  "east of the country deteriorated further over the coming weeks. " \
  "Officials in Kyiv welcomed the statement but asked for more."

#define LONG_HL \
  "The decision came after weeks of debate inside the administration about " \
  "how to respond to the annexation of Crimea, which officials in both " \
  "parties had called a violation of international law and of the 1994 " \
  "Budapest memorandum."

#define DUP_BODY \
  "In March, the ministry said the measures were unacceptable to Moscow. " \
  "Nobody was surprised by the tone of the first statement. " \
  "In May, after a second round, officials said the measures were " \
  "unacceptable to Moscow once more, and recalled the ambassador."

static const EditCase edit_cases[] = {
  /* nothing changed */
  { "unchanged", BODY, "the measures were unacceptable", 0,
    BODY, R, NULL, 0 },

  /* text inserted before the quote: far before, and right before */
  { "insert-before-far", BODY, "the measures were unacceptable", 0,
    "UPDATED 14:05. " BODY, Q, NULL, 0 },
  { "insert-before-near", BODY, "the measures were unacceptable", 0,
    "Moscow has warned Washington that new sanctions would damage relations. "
    "The foreign ministry said on Tuesday, in a sharply worded statement, that "
    "the measures were unacceptable and promised a response. Analysts in "
    "Berlin were less certain about what would happen next.",
    Q, NULL, 0 },
  /* text inserted after the quote: the position is unchanged */
  { "insert-after", BODY, "the measures were unacceptable", 0,
    "Moscow has warned Washington that new sanctions would damage relations. "
    "The foreign ministry said on Tuesday that the measures were unacceptable "
    "and illegal, and promised a swift response. Analysts in Berlin were less "
    "certain about what would happen next. More to follow.",
    R, NULL, 0 },
  /* text deleted before the quote */
  { "delete-before", BODY, "the measures were unacceptable", 0,
    "The foreign ministry said on Tuesday that the measures were unacceptable "
    "and promised a response. Analysts in Berlin were less certain about what "
    "would happen next.",
    Q, NULL, 0 },
  /* text inserted inside the quote: fuzzy, the new span covers it */
  { "insert-inside", BODY, "the measures were unacceptable and promised a response", 0,
    "Moscow has warned Washington that new sanctions would damage relations. "
    "The foreign ministry said on Tuesday that the measures were entirely "
    "unacceptable and promised a response. Analysts in Berlin were less "
    "certain about what would happen next.",
    F, "the measures were entirely unacceptable and promised a response", 0 },
  /* a word changed inside the quote */
  { "word-changed", BODY, "the measures were unacceptable and promised a response", 0,
    "Moscow has warned Washington that new sanctions would damage relations. "
    "The foreign ministry said on Tuesday that the measures were unacceptable "
    "and vowed a response. Analysts in Berlin were less certain about what "
    "would happen next.",
    F, "the measures were unacceptable and vowed a response", 0 },
  /* a word changed inside a quote longer than 64 characters, text added
   * before it too */
  { "word-changed-long", BODY, LONG_QUOTE, 0,
    "Updated with comment from Berlin.\n\n"
    "Moscow has warned Washington that new sanctions would damage relations. "
    "The foreign ministry said on Monday that the measures were unacceptable "
    "and promised a response. Analysts in Berlin were less certain about what "
    "would happen next.",
    F, "The foreign ministry said on Monday that the measures were "
       "unacceptable and promised a response.", 0 },
  /* a long highlight, its head edited and its tail edited */
  { "long-head-and-tail-edited", ARTICLE_LONG, LONG_HL, 0,
    "WASHINGTON (AP) — The White House said Monday it had no plans to expel "
    "diplomats. That decision came after two weeks of debate inside the "
    "administration about how to respond to the annexation of Crimea, which "
    "officials in both parties had called a violation of international law "
    "and of the Budapest memorandum of 1994. Sanctions against banks and "
    "energy companies would follow, a senior official said, if the situation "
    "in the east of the country deteriorated further over the coming weeks. "
    "Officials in Kyiv welcomed the statement but asked for more.",
    F, "That decision came after two weeks of debate inside the administration "
       "about how to respond to the annexation of Crimea, which officials in "
       "both parties had called a violation of international law and of the "
       "Budapest memorandum of 1994.", 0 },

  /* white space changed: the whole body re-normalised */
  { "whitespace-collapsed", PARAS, "response.\n\nAnalysts in Berlin", 0,
    BODY, Q, "response. Analysts in Berlin", 0 },
  { "whitespace-expanded", BODY, "the measures were unacceptable and promised", 0,
    "Moscow has warned Washington that new sanctions would damage relations.\n\n"
    "The foreign ministry said on Tuesday that the measures\nwere  unacceptable\t"
    "and\u00a0promised a response.\n\nAnalysts in Berlin were less certain about "
    "what would happen next.",
    Q, "the measures\nwere  unacceptable\tand\u00a0promised", 0 },
  { "typography-changed", "He said: \u201cWe don\u2019t accept it \u2014 "
    "not now, not ever\u2026\u201d Then he left the room.",
    "We don\u2019t accept it \u2014 not now, not ever\u2026", 0,
    "He said: \"We don't accept it - not now, not ever...\" Then he left the room.",
    Q, "We don't accept it - not now, not ever...", 0 },

  /* a no-break space where a space was: same place, but not the same text */
  { "nbsp-in-place", BODY, "the measures were unacceptable", 0,
    "Moscow has warned Washington that new sanctions would damage relations. "
    "The foreign ministry said on Tuesday that the\u00a0measures were unacceptable "
    "and promised a response. Analysts in Berlin were less certain about what "
    "would happen next.",
    Q, "the\u00a0measures were unacceptable", 0 },

  /* the quote occurring twice */
  { "twice-context", DUP_BODY, "the measures were unacceptable to Moscow", 0,
    "Corrected. " DUP_BODY, Q, "the measures were unacceptable to Moscow", 0 },
  { "twice-context-second", DUP_BODY, "unacceptable to Moscow", 1,
    "Corrected. " DUP_BODY, Q, "unacceptable to Moscow", 1 },
  { "twice-same-context-nearest",
    "Repeat after me. The rain in Spain stays mainly in the plain. "
    "Again. The rain in Spain stays mainly in the plain. Good.",
    "rain in Spain", 1,
    "Exercise 4. Repeat after me. The rain in Spain stays mainly in the plain. "
    "Again. The rain in Spain stays mainly in the plain. Good.",
    Q, "rain in Spain", 1 },
  /* the annotated occurrence edited, the other intact: stay in place */
  { "twice-one-edited", DUP_BODY, "the measures were unacceptable to Moscow", 1,
    "In March, the ministry said the measures were unacceptable to Moscow. "
    "Nobody was surprised by the tone of the first statement. "
    "In May, after a second round, officials said the measures were "
    "unacceptable for Moscow once more, and recalled the ambassador.",
    F, "the measures were unacceptable for Moscow", 0 },
  /* the annotated occurrence deleted, the other intact: a long quote
   * moves there */
  { "twice-one-deleted", DUP_BODY, "the measures were unacceptable to Moscow", 1,
    "In March, the ministry said the measures were unacceptable to Moscow. "
    "Nobody was surprised by the tone of the first statement. "
    "In May, after a second round, officials recalled the ambassador.",
    Q, "the measures were unacceptable to Moscow", 0 },
  /* first occurrence gone: the second moves into the old position, but its
   * context is another; a short quote must not jump to it */
  { "twice-short-other-context", "Talks on sanctions stalled in Geneva. "
    "Later the EU discussed sanctions again in a closed meeting.",
    "sanctions", 0,
    "Later the EU discussed sanctions again in a closed meeting.",
    O, NULL, 0 },

  /* the quote deleted */
  { "deleted", BODY, "the measures were unacceptable", 0,
    "Moscow has warned Washington that new sanctions would damage relations. "
    "The foreign ministry said on Tuesday that it would respond. Analysts in "
    "Berlin were less certain about what would happen next.",
    O, NULL, 0 },
  { "deleted-long", BODY, LONG_QUOTE, 0,
    "Moscow has warned Washington that new sanctions would damage relations. "
    "Analysts in Berlin were less certain about what would happen next.",
    O, NULL, 0 },
  { "rewritten", BODY, "the measures were unacceptable and promised a response", 0,
    "Moscow has warned Washington that new sanctions would damage relations. "
    "The foreign ministry said on Tuesday that Russia would retaliate against "
    "any new steps. Analysts in Berlin were less certain about what would "
    "happen next.",
    O, NULL, 0 },

  /* the body truncated */
  { "truncated-after", BODY, "the measures were unacceptable", 0,
    "Moscow has warned Washington that new sanctions would damage relations. "
    "The foreign ministry said on Tuesday that the measures were unacceptable",
    R, NULL, 0 },
  { "truncated-before", BODY, "Analysts in Berlin were less certain", 0,
    "Moscow has warned Washington that new sanctions would damage relations. "
    "The foreign ministry said on Tuesday that",
    O, NULL, 0 },
  { "truncated-inside", BODY, "the measures were unacceptable and promised a response", 0,
    "Moscow has warned Washington that new sanctions would damage relations. "
    "The foreign ministry said on Tuesday that the measures were unacceptable "
    "and promised a",
    F, "the measures were unacceptable and promised a", 0 },
  { "empty-body", BODY, "the measures were unacceptable", 0,
    "", O, NULL, 0 },

  /* the very start and the very end of the body */
  { "at-start", BODY, "Moscow has warned Washington", 0,
    "Moscow has warned Washington that new sanctions would hurt relations.",
    R, NULL, 0 },
  { "at-start-moved", BODY, "Moscow has warned Washington", 0,
    "Updated. " BODY, Q, NULL, 0 },
  { "at-end", BODY, "what would happen next.", 0,
    "Analysts in Berlin were less certain about what would happen next.",
    Q, NULL, 0 },
  { "at-end-trailing-space", BODY, "less certain about what would happen next.", 0,
    BODY " ", R, NULL, 0 },

  /* emoji: code points, not bytes and not UTF-16 units */
  { "emoji", "Crowds cheered \U0001F389\U0001F389 as the "
    "\U0001F468\u200D\U0001F469\u200D\U0001F467 family arrived \U0001F44D\U0001F3FD late.",
    "the \U0001F468\u200D\U0001F469\u200D\U0001F467 family arrived \U0001F44D\U0001F3FD", 0,
    "\U0001F1FA\U0001F1F8 Crowds cheered \U0001F389\U0001F389 as the "
    "\U0001F468\u200D\U0001F469\u200D\U0001F467 family arrived \U0001F44D\U0001F3FD late.",
    Q, NULL, 0 },
  { "emoji-edited", "Crowds cheered \U0001F389\U0001F389 as the "
    "\U0001F468\u200D\U0001F469\u200D\U0001F467 family arrived \U0001F44D\U0001F3FD late at night.",
    "as the \U0001F468\u200D\U0001F469\u200D\U0001F467 family arrived", 0,
    "Crowds cheered \U0001F389 as the \U0001F468\u200D\U0001F469\u200D\U0001F466 "
    "family arrived \U0001F44D\U0001F3FD late at night.",
    F, "as the \U0001F468\u200D\U0001F469\u200D\U0001F466 family arrived", 0 },

  /* right-to-left text */
  { "arabic", "قالت وزارة الخارجية الروسية إن العقوبات الجديدة غير مقبولة وستضر بالعلاقات.",
    "العقوبات الجديدة غير مقبولة", 0,
    "موسكو (رويترز) - قالت وزارة الخارجية الروسية يوم الثلاثاء إن العقوبات "
    "الجديدة غير مقبولة وستضر بالعلاقات.",
    Q, NULL, 0 },
  { "hebrew-marks", "\u200fמשרד החוץ אמר כי \u200fהצעדים אינם מקובלים\u200f ויפגעו ביחסים.",
    "\u200fהצעדים אינם מקובלים", 0,
    "עדכון: משרד החוץ אמר כי הצעדים אינם מקובלים ויפגעו ביחסים.",
    Q, "הצעדים אינם מקובלים", 0 },
  { "hebrew-fuzzy", "משרד החוץ אמר כי הצעדים החדשים אינם מקובלים ויפגעו ביחסים בין המדינות.",
    "הצעדים החדשים אינם מקובלים ויפגעו ביחסים", 0,
    "משרד החוץ אמר ביום שלישי כי הצעדים החדשים אינם מקובלים כלל ויפגעו ביחסים בין המדינות.",
    F, "הצעדים החדשים אינם מקובלים כלל ויפגעו ביחסים", 0 },

  /* combining characters: decomposed in the old body, composed in the new */
  { "combining-normalised", "Le cafe\u0301 de la gare ferme. Le cafe\u0301 de la place reste ouvert.",
    "cafe\u0301 de la place reste", 0,
    "Paris. Le caf\u00e9 de la gare ferme. Le caf\u00e9 de la place reste ouvert.",
    Q, "caf\u00e9 de la place reste", 0 },
  { "combining-inside", "Ha\u0301n Quo\u0302\u0301c said the talks in Ha\u0300 No\u0323i\u0302 "
    "had gone well for both delegations.",
    "talks in Ha\u0300 No\u0323i\u0302", 0,
    "Officials in Hanoi said the talks in Ha\u0300 No\u0323i\u0302 had gone well for both delegations.",
    Q, NULL, 0 },

  /* zero-width characters in and around the quote */
  { "zero-width-removed", "The inter\u200Bnational \u200Bsanctions regime\u200B will "
    "be reviewed in June by the council.",
    "inter\u200Bnational \u200Bsanctions regime", 0,
    "The international sanctions regime will be reviewed in June by the council.",
    Q, "international sanctions regime", 0 },
  { "zero-width-added", "The international sanctions regime will be reviewed "
    "in June by the council.",
    "sanctions regime will be reviewed", 0,
    "The inter\u00ADnational sanc\u00ADtions re\u00ADgime will be re\u00ADviewed "
    "in June by the coun\u00ADcil.",
    Q, "sanc\u00ADtions re\u00ADgime will be re\u00ADviewed", 0 },
  { "zwj-kept", "Persian: \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 and then "
    "some more text follows here.",
    "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 and then", 0,
    "Persian (new): \u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 and then "
    "some more text follows here.",
    Q, NULL, 0 },
};

static void
test_edit_case (gconstpointer data)
{
  const EditCase *c = data;
  g_autoptr(DossierAnchor) old = NULL;
  g_autoptr(DossierAnchor) moved = NULL;
  DossierAnchorResult result;
  int start;

  start = char_offset_of (c->old_body, c->quote, c->nth);
  g_assert_cmpint (start, >=, 0);
  old = dossier_anchor_new_from_range (c->old_body, start, start + char_len (c->quote));
  g_assert_nonnull (old);
  g_assert_cmpstr (old->quote, ==, c->quote);
  assert_anchor_in_body (old, c->old_body);

  result = dossier_anchor_reanchor (old, c->new_body, &moved);
  g_test_message ("%s: %s", c->name, dossier_anchor_result_to_string (result));
  if (moved != NULL)
    g_test_message ("  [%d, %d) “%s”", moved->start, moved->end, moved->quote);
  g_assert_cmpstr (dossier_anchor_result_to_string (result), ==,
                   dossier_anchor_result_to_string (c->expect));

  if (c->expect == O)
    {
      g_assert_null (moved);
      return;
    }

  {
    const char *text = c->expect_text != NULL ? c->expect_text : c->quote;
    int want = char_offset_of (c->new_body, text, c->expect_nth);

    g_assert_nonnull (moved);
    g_assert_cmpint (want, >=, 0);
    g_assert_cmpstr (moved->quote, ==, text);
    g_assert_cmpint (moved->start, ==, want);
    g_assert_cmpint (moved->end, ==, want + char_len (text));
    assert_anchor_in_body (moved, c->new_body);
    if (c->expect != F)
      g_assert_true (dossier_utf8_fold_equal (moved->quote, c->quote));
  }
}

/* }}} */
/* {{{ Offsets are code points */

static void
test_offsets_emoji (void)
{
  const char *body = "a\U0001F44D\U0001F3FDb \u05E9\u05DC\u05D5\u05DD c\u0301!";
  g_autoptr(DossierAnchor) a = NULL;
  g_autofree char *s = NULL;

  /* a 👍 🏽 b ␠ ש ל ו ם ␠ c ◌́ ! */
  g_assert_cmpint (char_len (body), ==, 13);
  g_assert_cmpuint (dossier_utf8_offset_to_byte (body, 0), ==, 0);
  g_assert_cmpuint (dossier_utf8_offset_to_byte (body, 1), ==, 1);
  g_assert_cmpuint (dossier_utf8_offset_to_byte (body, 2), ==, 5);
  g_assert_cmpuint (dossier_utf8_offset_to_byte (body, 3), ==, 9);
  g_assert_cmpuint (dossier_utf8_offset_to_byte (body, 13), ==, strlen (body));
  g_assert_cmpuint (dossier_utf8_offset_to_byte (body, 1000), ==, strlen (body));
  g_assert_cmpint (dossier_utf8_byte_to_offset (body, 5), ==, 2);
  g_assert_cmpint (dossier_utf8_byte_to_offset (body, 9), ==, 3);
  g_assert_cmpint (dossier_utf8_byte_to_offset (body, 100000), ==, 13);
  g_assert_cmpuint (dossier_utf8_offset_to_byte (NULL, 3), ==, 0);

  s = dossier_utf8_slice (body, 1, 3);
  g_assert_cmpstr (s, ==, "\U0001F44D\U0001F3FD");
  g_clear_pointer (&s, g_free);
  s = dossier_utf8_slice (body, 5, 9);
  g_assert_cmpstr (s, ==, "\u05E9\u05DC\u05D5\u05DD");
  g_clear_pointer (&s, g_free);
  s = dossier_utf8_slice (body, 11, 99);
  g_assert_cmpstr (s, ==, "\u0301!");
  g_clear_pointer (&s, g_free);
  s = dossier_utf8_slice (body, 5, 2);
  g_assert_cmpstr (s, ==, "");

  a = dossier_anchor_new_from_range (body, 5, 9);
  g_assert_nonnull (a);
  g_assert_cmpstr (a->quote, ==, "\u05E9\u05DC\u05D5\u05DD");
  g_assert_cmpstr (a->prefix, ==, "a\U0001F44D\U0001F3FDb ");
  g_assert_cmpstr (a->suffix, ==, " c\u0301!");

  /* out of range or empty: no anchor, no crash */
  g_assert_null (dossier_anchor_new_from_range (body, 5, 14));
  g_assert_null (dossier_anchor_new_from_range (body, -1, 2));
  g_assert_null (dossier_anchor_new_from_range (body, 3, 3));
  g_assert_null (dossier_anchor_new_from_range ("", 0, 0));
  g_assert_null (dossier_anchor_new_from_range (NULL, 0, 1));
}

static void
test_context_length (void)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(DossierAnchor) a = NULL;
  int i;

  /* 100 Cyrillic letters, so bytes and characters differ */
  for (i = 0; i < 100; i++)
    g_string_append_unichar (body, 0x0430 + (i % 32));

  a = dossier_anchor_new_from_range (body->str, 40, 50);
  g_assert_cmpint (char_len (a->prefix), ==, 32);
  g_assert_cmpint (char_len (a->suffix), ==, 32);
  g_assert_cmpint (char_len (a->quote), ==, 10);
  assert_anchor_in_body (a, body->str);
  g_clear_pointer (&a, dossier_anchor_free);

  a = dossier_anchor_new_from_range (body->str, 0, 100);
  g_assert_cmpstr (a->prefix, ==, "");
  g_assert_cmpstr (a->suffix, ==, "");
  g_assert_cmpstr (a->quote, ==, body->str);
  g_clear_pointer (&a, dossier_anchor_free);

  a = dossier_anchor_new_from_range (body->str, 5, 99);
  g_assert_cmpint (char_len (a->prefix), ==, 5);
  g_assert_cmpint (char_len (a->suffix), ==, 1);
}

/* }}} */
/* {{{ new_from_quote */

static void
test_quote_found (void)
{
  const char *body = PARAS;
  g_autoptr(DossierAnchor) a = NULL;
  g_autoptr(GError) error = NULL;

  a = dossier_anchor_new_from_quote (body, "the measures were unacceptable", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->start, ==, char_offset_of (body, "the measures", 0));
  g_assert_cmpint (a->end, ==, a->start + 30);
  assert_anchor_in_body (a, body);
  g_clear_pointer (&a, dossier_anchor_free);

  /* different spacing, a line break and a paragraph break */
  a = dossier_anchor_new_from_quote (body, "  a response.  Analysts\nin  Berlin ", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->quote, ==, "a response.\n\nAnalysts in Berlin");
  assert_anchor_in_body (a, body);
}

static void
test_quote_folded (void)
{
  const char *body = "Lavrov said:\u00a0\u201cWe don\u2019t\u00a0accept "
                     "ultimatums\u202f\u2014\u202fnone.\u201d The talks ended.";
  g_autoptr(DossierAnchor) a = NULL;
  g_autoptr(GError) error = NULL;

  /* typed with straight quotes, hyphen and plain spaces */
  a = dossier_anchor_new_from_quote (body, "\"We don't accept ultimatums - none.\"", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->quote, ==, "\u201cWe don\u2019t\u00a0accept ultimatums\u202f\u2014\u202fnone.\u201d");
  g_assert_cmpint (a->start, ==, 13);
  assert_anchor_in_body (a, body);
  g_clear_pointer (&a, dossier_anchor_free);

  /* composed quote, decomposed body */
  a = dossier_anchor_new_from_quote ("Le cafe\u0301 est ferme\u0301.", "caf\u00e9 est", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (a->quote, ==, "cafe\u0301 est");
  g_assert_cmpint (a->start, ==, 3);
  g_assert_cmpint (a->end, ==, 12);
}

static void
test_quote_duplicates (void)
{
  const char *body = DUP_BODY;
  g_autoptr(DossierAnchor) a = NULL;
  g_autoptr(GError) error = NULL;

  a = dossier_anchor_new_from_quote (body, "unacceptable to Moscow", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->start, ==, char_offset_of (body, "unacceptable to Moscow", 0));
  g_clear_pointer (&a, dossier_anchor_free);

  a = dossier_anchor_new_from_quote (body, "unacceptable to Moscow",
                                     "after a second round, officials said the measures were ",
                                     &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->start, ==, char_offset_of (body, "unacceptable to Moscow", 1));
}

static void
test_quote_first (void)
{
  const char *body = "He said no. Then they asked again, and he said no.";
  g_autoptr(DossierAnchor) a = NULL;
  g_autoptr(GError) error = NULL;

  /* the first occurrence, even though the last one ends the body */
  a = dossier_anchor_new_from_quote (body, "he said no.", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->start, ==, 39);
  g_clear_pointer (&a, dossier_anchor_free);

  a = dossier_anchor_new_from_quote (body, "said no", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->start, ==, 3);
  g_clear_pointer (&a, dossier_anchor_free);

  a = dossier_anchor_new_from_quote (body, "said no", "they asked again, and he ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->start, ==, 42);
}

static void
test_quote_errors (void)
{
  g_autoptr(GError) error = NULL;
  DossierAnchor *a;

  a = dossier_anchor_new_from_quote (BODY, "the measures were acceptable", NULL, &error);
  g_assert_null (a);
  g_assert_error (error, DOSSIER_ANCHOR_ERROR, DOSSIER_ANCHOR_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "is not in the article"));
  g_assert_nonnull (strstr (error->message, "the measures were acceptable"));
  g_clear_error (&error);

  /* a long quote is shortened in the message, on one line */
  a = dossier_anchor_new_from_quote (BODY, "This sentence is not in the article at all, and it is "
                                     "rather long,\nso the message shortens it", NULL, &error);
  g_assert_null (a);
  g_assert_error (error, DOSSIER_ANCHOR_ERROR, DOSSIER_ANCHOR_ERROR_NOT_FOUND);
  g_assert_null (strchr (error->message, '\n'));
  g_assert_nonnull (strstr (error->message, "…"));
  g_clear_error (&error);

  a = dossier_anchor_new_from_quote (BODY, "", NULL, &error);
  g_assert_null (a);
  g_assert_error (error, DOSSIER_ANCHOR_ERROR, DOSSIER_ANCHOR_ERROR_EMPTY_QUOTE);
  g_clear_error (&error);

  a = dossier_anchor_new_from_quote (BODY, " \n\u00a0\u200B ", NULL, &error);
  g_assert_null (a);
  g_assert_error (error, DOSSIER_ANCHOR_ERROR, DOSSIER_ANCHOR_ERROR_EMPTY_QUOTE);
  g_clear_error (&error);

  a = dossier_anchor_new_from_quote (BODY, "the \xff\xfe measures", NULL, &error);
  g_assert_null (a);
  g_assert_error (error, DOSSIER_ANCHOR_ERROR, DOSSIER_ANCHOR_ERROR_INVALID_TEXT);
  g_clear_error (&error);

  a = dossier_anchor_new_from_quote (NULL, "the measures", NULL, &error);
  g_assert_null (a);
  g_assert_error (error, DOSSIER_ANCHOR_ERROR, DOSSIER_ANCHOR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  a = dossier_anchor_new_from_quote ("", "the measures", NULL, &error);
  g_assert_null (a);
  g_assert_error (error, DOSSIER_ANCHOR_ERROR, DOSSIER_ANCHOR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* a quote must not end inside a character cluster */
  a = dossier_anchor_new_from_quote ("Le cafe\u0301 est ferme.", "Le cafe", NULL, &error);
  g_assert_null (a);
  g_assert_error (error, DOSSIER_ANCHOR_ERROR, DOSSIER_ANCHOR_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* fuzzy matching is for re-anchoring only: a near miss is an error */
  a = dossier_anchor_new_from_quote (BODY, "the measures was unacceptable", NULL, &error);
  g_assert_null (a);
  g_assert_error (error, DOSSIER_ANCHOR_ERROR, DOSSIER_ANCHOR_ERROR_NOT_FOUND);
}

/* }}} */
/* {{{ Re-anchoring API details */

static void
test_reanchor_details (void)
{
  g_autoptr(DossierAnchor) old = NULL;
  g_autoptr(DossierAnchor) moved = NULL;
  g_autoptr(DossierAnchorText) text = NULL;
  DossierAnchor *bad;

  old = dossier_anchor_new_from_range (BODY, 10, 30);

  /* out_new may be NULL */
  g_assert_cmpint (dossier_anchor_reanchor (old, BODY, NULL), ==, R);
  g_assert_cmpint (dossier_anchor_reanchor (old, NULL, NULL), ==, O);

  /* an orphan leaves out_new NULL and the old anchor untouched */
  {
    DossierAnchor *sentinel = dossier_anchor_new ("x", "", "", 0, 1);
    DossierAnchor *out = sentinel;

    g_assert_cmpint (dossier_anchor_reanchor (old, "Nothing in common.", &out), ==, O);
    g_assert_null (out);
    g_assert_cmpint (old->start, ==, 10);
    dossier_anchor_free (sentinel);
  }

  /* stored offsets that no longer fit the body are only a hint */
  bad = dossier_anchor_copy (old);
  bad->start = 5000;
  bad->end = -3;
  g_assert_cmpint (dossier_anchor_reanchor (bad, BODY, &moved), ==, Q);
  g_assert_cmpint (moved->start, ==, 10);
  g_assert_cmpint (moved->end, ==, 30);
  g_clear_pointer (&moved, dossier_anchor_free);

  /* an anchor with an empty or NULL quote cannot be placed */
  g_clear_pointer (&bad->quote, g_free);
  g_assert_cmpint (dossier_anchor_reanchor (bad, BODY, &moved), ==, O);
  bad->quote = g_strdup ("");
  g_assert_cmpint (dossier_anchor_reanchor (bad, BODY, &moved), ==, O);
  dossier_anchor_free (bad);

  /* invalid UTF-8 in a stored anchor does not crash */
  bad = dossier_anchor_new ("has warned \xff", "\xfe", NULL, 7, 19);
  g_assert_cmpint (dossier_anchor_reanchor (bad, BODY, &moved), !=, R);
  g_clear_pointer (&moved, dossier_anchor_free);
  dossier_anchor_free (bad);

  /* an anchor from elsewhere (a W3C JSON file) may carry only a quote */
  bad = dossier_anchor_new ("warned", NULL, NULL, 0, 0);
  g_assert_cmpint (dossier_anchor_reanchor (bad, BODY, &moved), ==, Q);
  g_assert_cmpint (moved->start, ==, 11);
  g_assert_cmpstr (moved->prefix, ==, "Moscow has ");
  g_clear_pointer (&moved, dossier_anchor_free);
  dossier_anchor_free (bad);

  /* a prepared text gives the same answers */
  text = dossier_anchor_text_new ("UPDATED. " BODY);
  g_assert_cmpint (dossier_anchor_text_get_length (text), ==, char_len (BODY) + 9);
  g_assert_cmpint (dossier_anchor_text_reanchor (text, old, &moved), ==, Q);
  g_assert_cmpint (moved->start, ==, 19);
  g_clear_pointer (&moved, dossier_anchor_free);

  /* copy and the boxed type */
  moved = g_boxed_copy (DOSSIER_TYPE_ANCHOR, old);
  g_assert_cmpstr (moved->quote, ==, old->quote);
  g_assert_cmpstr (moved->prefix, ==, old->prefix);
  g_assert_cmpstr (moved->suffix, ==, old->suffix);
  g_assert_cmpint (moved->end, ==, old->end);
}

static void
test_fold_equal (void)
{
  g_assert_true (dossier_utf8_fold_equal ("a  b\n\nc", "a b c"));
  g_assert_true (dossier_utf8_fold_equal (" a\u00a0b ", "a b"));
  g_assert_true (dossier_utf8_fold_equal ("don\u2019t \u2014 \u201cno\u201d\u2026", "don't - \"no\"..."));
  g_assert_true (dossier_utf8_fold_equal ("caf\u00e9", "cafe\u0301"));
  g_assert_true (dossier_utf8_fold_equal ("in\u200Bter\u00ADnational", "international"));
  g_assert_false (dossier_utf8_fold_equal ("ab", "a b"));
  g_assert_false (dossier_utf8_fold_equal ("cafe", "caf\u00e9"));
  g_assert_false (dossier_utf8_fold_equal ("a", NULL));
  g_assert_true (dossier_utf8_fold_equal (NULL, NULL));
}

/* }}} */
/* {{{ Edit distance against the textbook algorithm */

static int
naive_distance (const gunichar *a,
                int             n,
                const gunichar *b,
                int             m)
{
  g_autofree int *row = g_new (int, m + 1);
  int i, j;

  for (j = 0; j <= m; j++)
    row[j] = j;
  for (i = 1; i <= n; i++)
    {
      int diag = row[0];

      row[0] = i;
      for (j = 1; j <= m; j++)
        {
          int up = row[j];
          int best = diag + (a[i - 1] == b[j - 1] ? 0 : 1);

          best = MIN (best, up + 1);
          best = MIN (best, row[j - 1] + 1);
          diag = up;
          row[j] = best;
        }
    }
  return row[m];
}

static void
test_edit_distance (void)
{
  static const gunichar alphabet[] = { 'a', 'b', 'c', ' ', 0x05D0, 0x1F44D };
  GRand *rand = g_rand_new_with_seed (20140318);
  int iter;

  g_assert_cmpint (dossier_utf8_edit_distance ("", ""), ==, 0);
  g_assert_cmpint (dossier_utf8_edit_distance ("abc", ""), ==, 3);
  g_assert_cmpint (dossier_utf8_edit_distance (NULL, "\U0001F44D"), ==, 1);
  g_assert_cmpint (dossier_utf8_edit_distance ("kitten", "sitting"), ==, 3);
  g_assert_cmpint (dossier_utf8_edit_distance ("caf\u00e9", "cafe"), ==, 1);

  for (iter = 0; iter < 400; iter++)
    {
      /* lengths up to 300 cover one, two and several 64-bit blocks */
      int n = g_rand_int_range (rand, 0, iter < 200 ? 70 : 300);
      int m = g_rand_int_range (rand, 0, iter < 200 ? 70 : 300);
      int k = g_rand_int_range (rand, 2, G_N_ELEMENTS (alphabet) + 1);
      g_autofree gunichar *a = g_new (gunichar, n + 1);
      g_autofree gunichar *b = g_new (gunichar, m + 1);
      g_autofree char *sa = NULL;
      g_autofree char *sb = NULL;
      int i;

      for (i = 0; i < n; i++)
        a[i] = alphabet[g_rand_int_range (rand, 0, k)];
      /* b is often a mutation of a, so distances are small as well as large */
      for (i = 0; i < m; i++)
        b[i] = (i < n && g_rand_int_range (rand, 0, 4) != 0) ? a[i]
               : alphabet[g_rand_int_range (rand, 0, k)];
      sa = g_ucs4_to_utf8 (a, n, NULL, NULL, NULL);
      sb = g_ucs4_to_utf8 (b, m, NULL, NULL, NULL);
      g_assert_cmpint (dossier_utf8_edit_distance (sa, sb), ==, naive_distance (a, n, b, m));
    }
  g_rand_free (rand);
}

/* }}} */
/* {{{ Generated articles: random edits and timing */

static const char * const words[] = {
  "the", "ministry", "said", "sanctions", "would", "damage", "relations",
  "between", "Moscow", "and", "Washington", "officials", "in", "Kyiv",
  "talks", "Geneva", "on", "Tuesday", "a", "statement", "was", "issued",
  "after", "meeting", "of", "foreign", "ministers", "who", "agreed", "to",
  "continue", "dialogue", "despite", "tensions", "over", "Crimea", "gas",
  "prices", "NATO", "summit", "embassy", "ambassador", "recalled", "for",
  "consultations", "president", "spokesman", "told", "reporters", "that",
};

/* A deterministic article of about @bytes bytes: sentences in paragraphs. */
static char *
make_article (GRand *rand,
              gsize  bytes)
{
  GString *s = g_string_new (NULL);
  int in_sentence = 0;
  int in_para = 0;

  while (s->len < bytes)
    {
      const char *w = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

      if (in_sentence == 0)
        {
          g_string_append_c (s, g_ascii_toupper (w[0]));
          g_string_append (s, w + 1);
        }
      else
        {
          g_string_append (s, w);
        }
      in_sentence++;
      if (in_sentence > 8 && g_rand_int_range (rand, 0, 6) == 0)
        {
          g_string_append_c (s, '.');
          in_sentence = 0;
          if (++in_para > 4 && g_rand_int_range (rand, 0, 3) == 0)
            {
              g_string_append (s, "\n\n");
              in_para = 0;
              continue;
            }
        }
      g_string_append_c (s, ' ');
    }
  return g_string_free (s, FALSE);
}

/* Replaces characters [start, end) of @body with @with. */
static char *
splice (const char *body,
        int         start,
        int         end,
        const char *with)
{
  gsize b0 = dossier_utf8_offset_to_byte (body, start);
  gsize b1 = dossier_utf8_offset_to_byte (body, end);

  return g_strdup_printf ("%.*s%s%s", (int) b0, body, with, body + b1);
}

/* Random quotes in a random article; one small edit inside each quote
 * (and text added at the top).  Every annotation must be found again, and
 * its new span must overlap where the edited quote now is. */
static void
test_random_edits (void)
{
  GRand *rand = g_rand_new_with_seed (1994);
  int iter;
  int n_fuzzy = 0;

  for (iter = 0; iter < 300; iter++)
    {
      g_autofree char *body = make_article (rand, 3000);
      int len = char_len (body);
      int qlen = g_rand_int_range (rand, 24, iter % 3 == 0 ? 400 : 64);
      int start = g_rand_int_range (rand, 0, len - qlen);
      int pos = start + g_rand_int_range (rand, 2, qlen - 2);
      g_autoptr(DossierAnchor) old = dossier_anchor_new_from_range (body, start, start + qlen);
      g_autoptr(DossierAnchor) moved = NULL;
      g_autofree char *edited = NULL;
      g_autofree char *new_body = NULL;
      DossierAnchorResult result;
      int edit_len = MAX (1, qlen / 20);
      int shift;

      /* replace a few characters inside the quote, add a line on top */
      edited = splice (body, pos, MIN (pos + edit_len, start + qlen - 1), "XYZ");
      new_body = g_strconcat ("Editor's note: corrected.\n\n", edited, NULL);
      shift = char_len ("Editor's note: corrected.\n\n");

      result = dossier_anchor_reanchor (old, new_body, &moved);
      if (result == O)
        g_error ("iteration %d: orphaned “%s”", iter, old->quote);
      g_assert_cmpint (result, !=, R);
      n_fuzzy += result == F;
      assert_anchor_in_body (moved, new_body);
      /* overlaps the edited quote, and is about as long */
      g_assert_cmpint (moved->start, <, start + shift + qlen);
      g_assert_cmpint (moved->end, >, start + shift);
      g_assert_cmpint (ABS (moved->start - (start + shift)), <=, qlen / 4);
      g_assert_cmpint (ABS ((moved->end - moved->start) - qlen), <=, qlen / 4 + 3);
    }
  g_test_message ("%d of 300 re-anchored fuzzily", n_fuzzy);
  g_assert_cmpint (n_fuzzy, >, 250);
  g_rand_free (rand);
}

typedef enum
{
  EDIT_NONE,
  EDIT_PREPEND,
  EDIT_EACH_QUOTE,
  EDIT_DELETE_ALL,
} EditKind;

static double
time_reanchor (const char     *label,
               DossierAnchor **anchors,
               int             n,
               const char     *new_body,
               DossierAnchorResult expect)
{
  gint64 t0, t1;
  double best = G_MAXDOUBLE;
  int round, i;

  /* best of three rounds of: prepare the body once, place every anchor */
  for (round = 0; round < 3; round++)
    {
      DossierAnchorText *text;
      int counts[4] = { 0, 0, 0, 0 };

      t0 = g_get_monotonic_time ();
      text = dossier_anchor_text_new (new_body);
      for (i = 0; i < n; i++)
        {
          DossierAnchor *moved = NULL;
          DossierAnchorResult r = dossier_anchor_text_reanchor (text, anchors[i], &moved);

          counts[r]++;
          dossier_anchor_free (moved);
        }
      dossier_anchor_text_free (text);
      t1 = g_get_monotonic_time ();
      best = MIN (best, (t1 - t0) / 1000.0);

      if (round == 0)
        {
          g_test_message ("%s: %d exact-position, %d exact-quote, %d fuzzy, %d orphan",
                          label, counts[R], counts[Q], counts[F], counts[O]);
          g_assert_cmpint (counts[expect], >=, n * 9 / 10);
        }
    }
  g_test_message ("%s: %d annotations in %zu bytes: %.2f ms", label, n, strlen (new_body), best);
  return best;
}

static void
test_timing (void)
{
  GRand *rand = g_rand_new_with_seed (2009);
  g_autofree char *body = make_article (rand, 50 * 1024);
  int len = char_len (body);
  DossierAnchor *anchors[100];
  g_autoptr(GString) edited = g_string_new (NULL);
  g_autoptr(GString) gutted = g_string_new (NULL);
  g_autofree char *prepended = NULL;
  double ms, worst = 0;
  int starts[100];
  int i, prev;

  /* 100 non-overlapping quotes of 20..300 characters, in text order */
  for (i = 0; i < 100; i++)
    starts[i] = g_rand_int_range (rand, 0, len - 320);
  for (i = 0; i < 100; i++)
    {
      int j;

      for (j = i + 1; j < 100; j++)
        if (starts[j] < starts[i])
          {
            int tmp = starts[i];

            starts[i] = starts[j];
            starts[j] = tmp;
          }
    }
  prev = 0;
  for (i = 0; i < 100; i++)
    {
      int start = MAX (starts[i], prev);
      int qlen = g_rand_int_range (rand, 20, 300);
      int end = MIN (start + qlen, i < 99 ? MAX (starts[i + 1], start + 20) : len);

      anchors[i] = dossier_anchor_new_from_range (body, start, end);
      g_assert_nonnull (anchors[i]);
      prev = end;
    }

  /* one character changed in the middle of every quote; the removed
   * quotes for the all-orphan run */
  prev = 0;
  for (i = 0; i < 100; i++)
    {
      int mid = (anchors[i]->start + anchors[i]->end) / 2;
      g_autofree char *a = dossier_utf8_slice (body, prev, mid);
      g_autofree char *b = dossier_utf8_slice (body, prev, anchors[i]->start);

      g_string_append (edited, a);
      g_string_append (edited, "#");
      g_string_append (gutted, b);
      g_string_append (gutted, "[removed]");
      prev = mid + 1;
      if (prev < anchors[i]->end)
        {
          g_autofree char *c = dossier_utf8_slice (body, prev, anchors[i]->end);

          g_string_append (edited, c);
          prev = anchors[i]->end;
        }
    }
  {
    g_autofree char *rest = dossier_utf8_slice (body, prev, len);

    g_string_append (edited, rest);
    g_string_append (gutted, rest);
  }
  prepended = g_strconcat ("Updated on 12 March with a statement from the embassy.\n\n", body, NULL);

  ms = time_reanchor ("unchanged", anchors, 100, body, R);
  worst = MAX (worst, ms);
  ms = time_reanchor ("text added on top", anchors, 100, prepended, Q);
  worst = MAX (worst, ms);
  ms = time_reanchor ("every quote edited", anchors, 100, edited->str, F);
  worst = MAX (worst, ms);
  ms = time_reanchor ("every quote removed", anchors, 100, gutted->str, O);
  worst = MAX (worst, ms);

  /* the one-call API prepares the body again for every annotation */
  {
    gint64 t0 = g_get_monotonic_time ();

    for (i = 0; i < 100; i++)
      {
        g_autoptr(DossierAnchor) moved = NULL;

        dossier_anchor_reanchor (anchors[i], prepended, &moved);
        g_assert_nonnull (moved);
      }
    ms = (g_get_monotonic_time () - t0) / 1000.0;
    /* informative only: callers with many annotations use DossierAnchorText */
    g_test_message ("text added on top, dossier_anchor_reanchor() per annotation: %.2f ms", ms);
  }

  /* The budget is well under 100 ms; the bound here is loose so that a
   * loaded CI machine or a debug build does not fail spuriously. */
  g_assert_cmpfloat (worst, <, 1000.0);

  for (i = 0; i < 100; i++)
    dossier_anchor_free (anchors[i]);
  g_rand_free (rand);
}

/* A Chinese article: more than 256 distinct characters, so the body's
 * alphabet does not fit in a byte. */
static void
test_cjk (void)
{
  GRand *rand = g_rand_new_with_seed (4);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(DossierAnchor) old = NULL;
  g_autoptr(DossierAnchor) moved = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *shifted = NULL;
  g_autofree char *edited = NULL;
  g_autofree char *want = NULL;
  int i;

  for (i = 0; i < 3000; i++)
    {
      g_string_append_unichar (body, 0x4E00 + g_rand_int_range (rand, 0, 600));
      if (i % 40 == 39)
        g_string_append (body, "\u3002");
    }
  old = dossier_anchor_new_from_range (body->str, 1200, 1240);
  quote = g_strdup (old->quote);

  /* text added before: exact */
  shifted = g_strconcat ("\u3010\u66F4\u65B0\u3011", body->str, NULL);
  g_assert_cmpint (dossier_anchor_reanchor (old, shifted, &moved), ==, Q);
  g_assert_cmpint (moved->start, ==, 1204);
  g_assert_cmpstr (moved->quote, ==, quote);
  g_clear_pointer (&moved, dossier_anchor_free);

  /* two characters replaced inside: fuzzy, same span */
  {
    gsize b0 = dossier_utf8_offset_to_byte (body->str, 1210);
    gsize b1 = dossier_utf8_offset_to_byte (body->str, 1212);

    edited = g_strdup_printf ("%.*s\u6C49\u5B57%s", (int) b0, body->str, body->str + b1);
  }
  g_assert_cmpint (dossier_anchor_reanchor (old, edited, &moved), ==, F);
  g_assert_cmpint (moved->start, ==, 1200);
  g_assert_cmpint (moved->end, ==, 1240);
  want = dossier_utf8_slice (edited, 1200, 1240);
  g_assert_cmpstr (moved->quote, ==, want);
  assert_anchor_in_body (moved, edited);
  g_rand_free (rand);
}

/* Degenerate bodies must not hang: a megabyte of one letter. */
static void
test_repetitive (void)
{
  g_autofree char *body = g_strnfill (1000000, 'a');
  g_autoptr(DossierAnchor) old = NULL;
  g_autoptr(DossierAnchor) moved = NULL;
  g_autofree char *long_quote = g_strnfill (200, 'a');
  gint64 t0 = g_get_monotonic_time ();
  DossierAnchorResult r;

  old = dossier_anchor_new ("aaaa", "aaaa", "aaaa", 10, 14);
  r = dossier_anchor_reanchor (old, body, &moved);
  g_assert_cmpint (r, ==, R);
  g_clear_pointer (&moved, dossier_anchor_free);
  dossier_anchor_free (old);

  old = dossier_anchor_new ("aaaab", "aaaa", "aaaa", 10, 15);
  r = dossier_anchor_reanchor (old, body, &moved);
  g_assert_cmpint (r, !=, R);
  g_clear_pointer (&moved, dossier_anchor_free);
  dossier_anchor_free (old);

  /* the context disagrees everywhere: the old position wins */
  old = dossier_anchor_new (long_quote, "b", "c", 500000, 500200);
  r = dossier_anchor_reanchor (old, body, &moved);
  g_assert_cmpint (r, ==, R);
  g_clear_pointer (&moved, dossier_anchor_free);

  g_test_message ("degenerate body: %.0f ms", (g_get_monotonic_time () - t0) / 1000.0);
  g_assert_cmpint (g_get_monotonic_time () - t0, <, 20 * G_USEC_PER_SEC * (gint64) dossier_test_slowdown ());
}

/* A whole long passage highlighted, then edited in several places. */
static void
test_long_quote (void)
{
  GRand *rand = g_rand_new_with_seed (77);
  g_autofree char *body = make_article (rand, 20000);
  g_autoptr(DossierAnchor) old = dossier_anchor_new_from_range (body, 5000, 7000);
  g_autoptr(DossierAnchor) moved = NULL;
  g_autofree char *e1 = splice (body, 5100, 5110, "[edited]");
  g_autofree char *e2 = splice (e1, 6000, 6005, "");
  g_autofree char *e3 = splice (e2, 6900, 6900, " (and more words here)");
  g_autofree char *new_body = g_strconcat ("New intro paragraph.\n\n", e3, NULL);
  int shift = char_len ("New intro paragraph.\n\n");
  gint64 t0 = g_get_monotonic_time ();

  g_assert_cmpint (dossier_anchor_reanchor (old, new_body, &moved), ==, F);
  g_test_message ("2000-character quote: %.2f ms", (g_get_monotonic_time () - t0) / 1000.0);
  assert_anchor_in_body (moved, new_body);
  g_assert_cmpint (moved->start, ==, 5000 + shift);
  /* -10 + 8 - 5 + 22 */
  g_assert_cmpint (moved->end, ==, 7000 + shift + 15);
  g_rand_free (rand);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  gsize i;

  g_test_init (&argc, &argv, NULL);

  for (i = 0; i < G_N_ELEMENTS (edit_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/Dossier/Anchor/edit/%s", edit_cases[i].name);

      g_test_add_data_func (path, &edit_cases[i], test_edit_case);
    }
  g_test_add_func ("/Dossier/Anchor/offsets", test_offsets_emoji);
  g_test_add_func ("/Dossier/Anchor/context-length", test_context_length);
  g_test_add_func ("/Dossier/Anchor/quote/found", test_quote_found);
  g_test_add_func ("/Dossier/Anchor/quote/folded", test_quote_folded);
  g_test_add_func ("/Dossier/Anchor/quote/duplicates", test_quote_duplicates);
  g_test_add_func ("/Dossier/Anchor/quote/first", test_quote_first);
  g_test_add_func ("/Dossier/Anchor/quote/errors", test_quote_errors);
  g_test_add_func ("/Dossier/Anchor/reanchor-details", test_reanchor_details);
  g_test_add_func ("/Dossier/Anchor/fold-equal", test_fold_equal);
  g_test_add_func ("/Dossier/Anchor/edit-distance", test_edit_distance);
  g_test_add_func ("/Dossier/Anchor/random-edits", test_random_edits);
  g_test_add_func ("/Dossier/Anchor/cjk", test_cjk);
  g_test_add_func ("/Dossier/Anchor/repetitive", test_repetitive);
  g_test_add_func ("/Dossier/Anchor/long-quote", test_long_quote);
  g_test_add_func ("/Dossier/Anchor/timing", test_timing);

  return g_test_run ();
}
