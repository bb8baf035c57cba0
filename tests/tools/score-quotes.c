/* score-quotes.c — how well the quote finder does on labelled articles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   score-quotes [--verbose] DIR...
 *
 * Each DIR holds articles and either quotes.jsonl, one
 * {"file","text","speaker"} line per labelled quote (every quote of the
 * file is labelled; speaker null for an unattributed one), or the seeds'
 * truth.jsonl, whose "quotes" list pieces ("contains") of quotes each
 * file must yield.  A file named "@shared/…" is looked up in
 * $DOSSIER_SHARED_DIR (files that are absent are skipped and counted).
 *
 * Each article is imported as the library imports it, and its body given
 * to the quote finder.  A found quote is right when at least half of its
 * words are in a labelled quote of the same file (for the seeds: when it
 * holds the labelled piece).  Its speaker is right when the found name
 * contains the labelled speaker's surname, or equals the organisation's
 * name.  Prints precision (quotes.jsonl only), recall and speaker
 * accuracy; exits 0.
 */
#include "config.h"

#include <json-glib/json-glib.h>
#include <stdio.h>
#include <string.h>

#include "dossier-extract.h"
#include "dossier-quotes.h"

typedef struct
{
  guint found;       /* quotes found in labelled files (exhaustive sets) */
  guint found_right;
  guint labels;
  guint labels_found;
  guint speaker_checked;
  guint speaker_right;
  guint files;
  guint files_absent;
} Score;

static gboolean verbose;

static GHashTable *
word_set (const char *text)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *w = g_string_new (NULL);

  for (const char *p = lower;; p = g_utf8_next_char (p))
    {
      gunichar c = *p ? g_utf8_get_char (p) : 0;

      if (c != 0 && g_unichar_isalnum (c))
        g_string_append_unichar (w, c);
      else if (w->len > 0)
        {
          g_hash_table_add (set, g_strdup (w->str));
          g_string_truncate (w, 0);
        }
      if (c == 0)
        break;
    }
  g_string_free (w, TRUE);
  return set;
}

/* Whether at least half of @found's words are in @label. */
static gboolean
overlaps (const char *found,
          const char *label)
{
  g_autoptr(GHashTable) f = word_set (found);
  g_autoptr(GHashTable) l = word_set (label);
  GHashTableIter iter;
  gpointer key;
  guint shared = 0;

  g_hash_table_iter_init (&iter, f);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (g_hash_table_contains (l, key))
      shared++;
  return g_hash_table_size (f) > 0 && 2 * shared >= g_hash_table_size (f);
}

static char *
fold (const char *s)
{
  g_autofree char *lower = g_utf8_strdown (s, -1);
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0xA0)
        space = TRUE;
      else
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
    }
  return g_string_free (out, FALSE);
}

static const char *
strip_the (const char *s)
{
  return g_ascii_strncasecmp (s, "the ", 4) == 0 ? s + 4 : s;
}

static gboolean
speaker_right (const char *found,
               const char *label)
{
  g_autofree char *f = NULL, *l = NULL;
  const char *surname;

  if (label == NULL || found == NULL)
    return label == NULL && found == NULL;
  f = fold (strip_the (found));
  l = fold (strip_the (label));
  if (strcmp (f, l) == 0)
    return TRUE;
  surname = strrchr (l, ' ');
  surname = surname != NULL ? surname + 1 : l;
  return strstr (f, surname) != NULL;
}

typedef struct
{
  char *text;
  char *speaker;
  gboolean found;
} Label;

static void
label_free (gpointer data)
{
  Label *l = data;

  g_free (l->text);
  g_free (l->speaker);
  g_free (l);
}

static char *
resolve_file (const char *dir,
              const char *file)
{
  if (g_str_has_prefix (file, "@shared/"))
    {
      const char *shared = g_getenv ("DOSSIER_SHARED_DIR");

      if (shared == NULL)
        return NULL;
      return g_build_filename (shared, file + strlen ("@shared/"), NULL);
    }
  return g_build_filename (dir, file, NULL);
}

static void
score_file (const char *path,
            const char *name,
            GPtrArray  *labels,
            gboolean    exhaustive,
            Score      *score)
{
  g_autoptr(GFile) gfile = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(DossierExtracted) e = NULL;
  g_autoptr(DossierQuoteResult) r = NULL;

  if (!g_file_query_exists (gfile, NULL))
    {
      score->files_absent++;
      return;
    }
  e = dossier_extract_file (gfile, NULL, &error);
  if (e == NULL)
    {
      fprintf (stderr, "score-quotes: %s: %s\n", name, error->message);
      return;
    }
  score->files++;
  r = dossier_quotes_find (e->body);
  for (guint i = 0; i < r->quotes->len; i++)
    {
      DossierQuote *q = &g_array_index (r->quotes, DossierQuote, i);
      g_autofree char *text = g_strndup (e->body + q->start, q->end - q->start);
      g_autofree char *ftext = fold (text);
      const char *speaker = q->speaker >= 0 ? ((DossierNamed *) g_ptr_array_index (r->named, q->speaker))->name : NULL;
      Label *match = NULL;

      /* a label not yet found first, then any */
      for (guint pass = 0; pass < 2 && match == NULL; pass++)
        for (guint j = 0; j < labels->len && match == NULL; j++)
          {
            Label *l = g_ptr_array_index (labels, j);
            g_autofree char *fl = fold (l->text);

            if (pass == 0 && l->found)
              continue;
            if (exhaustive ? overlaps (text, l->text) : strstr (ftext, fl) != NULL)
              match = l;
          }
      if (exhaustive)
        score->found++;
      if (match == NULL)
        {
          if (verbose && exhaustive)
            printf ("%s: extra: «%s» (%s)\n", name, text, speaker ? speaker : "-");
          continue;
        }
      if (exhaustive)
        score->found_right++;
      match->found = TRUE;
      score->speaker_checked++;
      if (speaker_right (speaker, match->speaker))
        score->speaker_right++;
      else if (verbose)
        printf ("%s: speaker %s, labelled %s: «%.60s»\n", name, speaker ? speaker : "-",
                match->speaker ? match->speaker : "-", text);
    }
  for (guint j = 0; j < labels->len; j++)
    {
      Label *l = g_ptr_array_index (labels, j);

      score->labels++;
      if (l->found)
        score->labels_found++;
      else if (verbose)
        printf ("%s: missed: «%s» (%s)\n", name, l->text, l->speaker ? l->speaker : "-");
    }
}

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  return n != NULL && JSON_NODE_HOLDS_VALUE (n) ? json_node_get_string (n) : NULL;
}

static gboolean
score_dir (const char *dir,
           Score      *score,
           GError    **error)
{
  g_autofree char *qpath = g_build_filename (dir, "quotes.jsonl", NULL);
  g_autofree char *tpath = g_build_filename (dir, "truth.jsonl", NULL);
  gboolean exhaustive = g_file_test (qpath, G_FILE_TEST_EXISTS);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GHashTable) files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);

  if (!g_file_get_contents (exhaustive ? qpath : tpath, &contents, NULL, error))
    return FALSE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      JsonObject *o;
      const char *file;
      GPtrArray *labels;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (!json_parser_load_from_data (parser, lines[i], -1, error))
        return FALSE;
      o = json_node_get_object (json_parser_get_root (parser));
      file = o != NULL ? member_string (o, "file") : NULL;
      if (file == NULL)
        continue;
      labels = g_hash_table_lookup (files, file);
      if (labels == NULL)
        {
          labels = g_ptr_array_new_with_free_func (label_free);
          g_hash_table_insert (files, g_strdup (file), labels);
          g_ptr_array_add (order, g_strdup (file));
        }
      if (exhaustive)
        {
          Label *l = g_new0 (Label, 1);

          if (member_string (o, "text") == NULL)
            {
              g_free (l);
              continue;  /* a file with no quotes at all */
            }
          l->text = g_strdup (member_string (o, "text"));
          l->speaker = g_strdup (member_string (o, "speaker"));
          g_ptr_array_add (labels, l);
        }
      else if (json_object_has_member (o, "quotes"))
        {
          JsonArray *a = json_object_get_array_member (o, "quotes");

          for (guint j = 0; j < json_array_get_length (a); j++)
            {
              JsonObject *qo = json_array_get_object_element (a, j);
              Label *l = g_new0 (Label, 1);

              l->text = g_strdup (member_string (qo, "contains"));
              l->speaker = g_strdup (member_string (qo, "speaker"));
              g_ptr_array_add (labels, l);
            }
        }
    }
  for (guint i = 0; i < order->len; i++)
    {
      const char *file = g_ptr_array_index (order, i);
      g_autofree char *path = resolve_file (dir, file);

      if (path == NULL)
        {
          score->files_absent++;
          continue;
        }
      score_file (path, file, g_hash_table_lookup (files, file), exhaustive, score);
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  Score score = { 0 };
  gboolean any = FALSE;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;

      if (strcmp (argv[i], "--verbose") == 0)
        {
          verbose = TRUE;
          continue;
        }
      any = TRUE;
      if (!score_dir (argv[i], &score, &error))
        {
          fprintf (stderr, "score-quotes: %s: %s\n", argv[i], error->message);
          return 2;
        }
    }
  if (!any)
    {
      fprintf (stderr, "usage: %s [--verbose] DIR...\n", argv[0]);
      return 2;
    }
  printf ("files: %u scored, %u absent\n", score.files, score.files_absent);
  if (score.found > 0)
    printf ("precision: %.3f (%u of %u found quotes are labelled)\n",
            (double) score.found_right / score.found, score.found_right, score.found);
  printf ("recall: %.3f (%u of %u labelled quotes found)\n",
          score.labels ? (double) score.labels_found / score.labels : 0.0,
          score.labels_found, score.labels);
  printf ("speaker: %.3f (%u of %u found quotes with the labelled speaker)\n",
          score.speaker_checked ? (double) score.speaker_right / score.speaker_checked : 0.0,
          score.speaker_right, score.speaker_checked);
  return 0;
}
