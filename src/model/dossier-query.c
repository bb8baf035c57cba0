/* dossier-query.c — the search grammar, translated to FTS5 and filters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-query"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "dossier-query.h"
#include "dossier-date.h"

typedef enum { TOK_WORD, TOK_PHRASE, TOK_OR, TOK_AND } TokKind;

typedef struct
{
  TokKind   kind;
  char     *text;
  gboolean  negated;
  gboolean  quoted_open;  /* a phrase whose closing quote is missing */
} Token;

static void
token_clear (gpointer data)
{
  Token *t = data;
  g_free (t->text);
}

static void
add_hint (DossierQuery *q,
          const char   *hint)
{
  if (q->hint == NULL)
    q->hint = g_strdup (hint);
}

/* An FTS5 string literal: "…" with inner quotes doubled. */
static void
append_fts_string (GString    *out,
                   const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Reads one value after "field:", quoted or up to white space. */
static const char *
read_value (const char  *p,
            char       **value,
            gboolean    *unbalanced)
{
  const char *start;

  if (*p == '"')
    {
      const char *close = strchr (p + 1, '"');

      if (close == NULL)
        {
          *unbalanced = TRUE;
          *value = g_strdup (p + 1);
          return p + strlen (p);
        }
      *value = g_strndup (p + 1, close - p - 1);
      return close + 1;
    }
  start = p;
  while (*p && !g_ascii_isspace (*p))
    p++;
  *value = g_strndup (start, p - start);
  return p;
}

static gboolean
parse_date_bound (const char *text,
                  gboolean    upper,
                  gint64     *jd)
{
  DossierDate d = DOSSIER_DATE_INIT;

  if (*text == '\0')
    {
      *jd = -1;
      return TRUE;
    }
  if (!dossier_date_from_iso (text, &d))
    return FALSE;
  /* an upper bound is the last day it covers: 2013 ends on 31 December */
  *jd = upper ? dossier_date_to_last_julian (&d) : dossier_date_to_julian (&d);
  return TRUE;
}

static gboolean
parse_published (DossierQuery *q,
                 const char   *value)
{
  const char *dots = strstr (value, "..");
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (dots != NULL)
    {
      from = g_strndup (value, dots - value);
      to = g_strdup (dots + 2);
    }
  else
    {
      from = g_strdup (value);
      to = g_strdup (value);
    }
  if (*from == '\0' && *to == '\0')
    return FALSE;
  return parse_date_bound (from, FALSE, &q->from_jd) &&
         parse_date_bound (to, TRUE, &q->to_jd);
}

static gboolean
handle_field (DossierQuery *q,
              const char   *field,
              const char   *value)
{
  if (g_ascii_strcasecmp (field, "source") == 0 && *value)
    g_ptr_array_add (q->sources, g_strdup (value));
  else if (g_ascii_strcasecmp (field, "tag") == 0 && *value)
    g_ptr_array_add (q->tags, g_strdup (*value == '#' ? value + 1 : value));
  else if (g_ascii_strcasecmp (field, "color") == 0 && *value)
    g_ptr_array_add (q->colors, g_ascii_strdown (value, -1));
  else if (g_ascii_strcasecmp (field, "published") == 0 ||
           g_ascii_strcasecmp (field, "date") == 0)
    {
      if (!parse_published (q, value))
        {
          q->from_jd = q->to_jd = -1;
          add_hint (q, _("Dates look like published:2013-01..2013-06 — this one was left out."));
        }
    }
  else if (g_ascii_strcasecmp (field, "has") == 0 &&
           (g_ascii_strcasecmp (value, "notes") == 0 || g_ascii_strcasecmp (value, "note") == 0))
    q->has_notes = TRUE;
  else if (g_ascii_strcasecmp (field, "is") == 0 && g_ascii_strcasecmp (value, "undated") == 0)
    q->undated = TRUE;
  else if (g_ascii_strcasecmp (field, "is") == 0 && g_ascii_strcasecmp (value, "suggested") == 0)
    q->suggested = TRUE;
  else if (g_ascii_strcasecmp (field, "is") == 0 && g_ascii_strcasecmp (value, "unread") == 0)
    q->read = 0;
  else if (g_ascii_strcasecmp (field, "is") == 0 && g_ascii_strcasecmp (value, "read") == 0)
    q->read = 1;
  else if (g_ascii_strcasecmp (field, "feed") == 0)
    {
      guint64 id;

      if (g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT64, &id, NULL))
        q->feed = (gint64) id;
      else
        add_hint (q, _("Feeds look like feed:3 — this one was left out."));
    }
  else if (g_ascii_strcasecmp (field, "story") == 0)
    {
      guint64 id;

      if (g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT64, &id, NULL))
        q->story = (gint64) id;
      else
        add_hint (q, _("Stories look like story:12 — this one was left out."));
    }
  else if (g_ascii_strcasecmp (field, "person") == 0 && *value)
    g_ptr_array_add (q->people, g_strdup (value));
  else if (g_ascii_strcasecmp (field, "quote") == 0 && *value)
    g_ptr_array_add (q->quoted, g_strdup (value));
  else if (g_ascii_strcasecmp (field, "author") == 0 && *value)
    g_ptr_array_add (q->authors, g_strdup (value));
  else
    return FALSE;
  return TRUE;
}

static gboolean
is_field_name (const char *start,
               gsize       len)
{
  static const char * const fields[] = { "source", "tag", "color", "published", "date", "has", "is",
                                         "story", "person", "quote", "feed", "author" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (strlen (fields[i]) == len && g_ascii_strncasecmp (start, fields[i], len) == 0)
      return TRUE;
  return FALSE;
}

static GArray *
tokenize (DossierQuery *q,
          const char   *text)
{
  GArray *tokens = g_array_new (FALSE, TRUE, sizeof (Token));
  const char *p = text;

  g_array_set_clear_func (tokens, token_clear);

  while (*p)
    {
      gboolean negated = FALSE;
      const char *start;
      const char *colon;
      Token t = { 0 };

      while (*p && (g_ascii_isspace (*p) || *p == '(' || *p == ')'))
        p++;
      if (*p == '\0')
        break;

      if (*p == '-' && p[1] && !g_ascii_isspace (p[1]))
        {
          negated = TRUE;
          p++;
        }

      if (*p == '"')
        {
          gboolean unbalanced = FALSE;

          p = read_value (p, &t.text, &unbalanced);
          t.kind = TOK_PHRASE;
          t.quoted_open = unbalanced;
          t.negated = negated;
          if (unbalanced)
            add_hint (q, _("A quote is not closed: searching for the phrase as typed."));
          g_array_append_val (tokens, t);
          continue;
        }

      start = p;
      while (*p && !g_ascii_isspace (*p) && *p != ':' && *p != '"' && *p != '(' && *p != ')')
        p++;
      colon = (*p == ':') ? p : NULL;

      if (colon != NULL && is_field_name (start, colon - start))
        {
          g_autofree char *field = g_strndup (start, colon - start);
          g_autofree char *value = NULL;
          gboolean unbalanced = FALSE;

          p = read_value (colon + 1, &value, &unbalanced);
          if (unbalanced)
            add_hint (q, _("A quote is not closed: searching for the phrase as typed."));
          handle_field (q, field, value);
          continue;
        }

      /* a plain word; a stray colon or quote inside it is kept as text */
      while (*p && !g_ascii_isspace (*p) && *p != '(' && *p != ')')
        {
          if (*p == '"')
            break;
          p++;
        }
      t.text = g_strndup (start, p - start);
      t.negated = negated;
      if (!negated && strcmp (t.text, "OR") == 0)
        t.kind = TOK_OR;
      else if (!negated && (strcmp (t.text, "AND") == 0 || strcmp (t.text, "NOT") == 0))
        t.kind = TOK_AND;
      else
        t.kind = TOK_WORD;
      g_array_append_val (tokens, t);
    }

  return tokens;
}

/* Strips characters FTS5's unicode61 tokenizer treats as separators from
 * the ends of a word, so "Lavrov," finds Lavrov.  Returns FALSE when
 * nothing searchable is left. */
static gboolean
word_is_searchable (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
free_gstring (gpointer data)
{
  g_string_free (data, TRUE);
}

DossierQuery *
dossier_query_new (void)
{
  DossierQuery *q = g_new0 (DossierQuery, 1);

  q->sources = g_ptr_array_new_with_free_func (g_free);
  q->tags = g_ptr_array_new_with_free_func (g_free);
  q->colors = g_ptr_array_new_with_free_func (g_free);
  q->people = g_ptr_array_new_with_free_func (g_free);
  q->quoted = g_ptr_array_new_with_free_func (g_free);
  q->quote_terms = g_ptr_array_new_with_free_func (g_free);
  q->authors = g_ptr_array_new_with_free_func (g_free);
  q->from_jd = -1;
  q->to_jd = -1;
  q->read = -1;
  q->sort = DOSSIER_SORT_DATE_DESC;
  return q;
}

DossierQuery *
dossier_query_parse (const char *text,
                     gboolean    prefix_last)
{
  DossierQuery *q = dossier_query_new ();
  g_autoptr(GArray) tokens = NULL;
  g_autoptr(GString) pos = g_string_new (NULL);
  g_autoptr(GString) neg = g_string_new (NULL);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (free_gstring);
  gboolean pending_or = FALSE;
  int last_word = -1;
  GString *prefix_group = NULL;   /* the group holding the prefix term */
  gsize prefix_in_group = 0;      /* and where the term starts in it */

  if (text == NULL)
    text = "";
  if (!g_utf8_validate (text, -1, NULL))
    {
      q->text = g_utf8_make_valid (text, -1);
      text = q->text;
    }
  else
    q->text = g_strdup (text);

  tokens = tokenize (q, q->text);

  /* quote:NAME "words": the words are to be in a quote of theirs */
  if (q->quoted->len > 0)
    for (guint i = 0; i < tokens->len; i++)
      {
        Token *t = &g_array_index (tokens, Token, i);

        if ((t->kind == TOK_WORD || t->kind == TOK_PHRASE) && !t->negated && t->text && *t->text)
          g_ptr_array_add (q->quote_terms, g_strdup (t->text));
      }

  if (prefix_last && tokens->len > 0)
    {
      Token *t = &g_array_index (tokens, Token, tokens->len - 1);
      gsize len = strlen (q->text);

      /* only while the user is still typing the word */
      if (t->kind == TOK_WORD && !t->negated && len > 0 && !g_ascii_isspace (q->text[len - 1]))
        last_word = tokens->len - 1;
    }

  for (guint i = 0; i < tokens->len; i++)
    {
      Token *t = &g_array_index (tokens, Token, i);
      GString *term;

      if (t->kind == TOK_AND)
        {
          if (strcmp (t->text, "AND") == 0)
            add_hint (q, _("Words are all required anyway: AND is not needed. Use OR for either."));
          else
            add_hint (q, _("To leave a word out, put a minus before it: -word."));
          continue;
        }
      if (t->kind == TOK_OR)
        {
          if (groups->len == 0)
            add_hint (q, _("OR goes between two words: putin OR medvedev."));
          else
            pending_or = TRUE;
          continue;
        }
      if (!word_is_searchable (t->text))
        continue;

      term = g_string_new (NULL);
      if (t->kind == TOK_WORD && g_str_has_suffix (t->text, "*") && (int) i != last_word)
        {
          /* "negot*": the words as written that start with it */
          g_autofree char *stem = g_strndup (t->text, strlen (t->text) - 1);

          append_fts_string (term, stem);
          g_string_append_c (term, '*');
        }
      else
        append_fts_string (term, t->text);
      if ((int) i == last_word)
        g_string_append_c (term, '*');

      if (t->negated)
        {
          if (neg->len > 0)
            g_string_append (neg, " OR ");
          g_string_append (neg, term->str);
        }
      else if (pending_or)
        {
          GString *group = g_ptr_array_index (groups, groups->len - 1);

          g_string_append (group, " OR ");
          if ((int) i == last_word)
            {
              prefix_group = group;
              prefix_in_group = group->len;
            }
          g_string_append (group, term->str);
          pending_or = FALSE;
        }
      else
        {
          g_ptr_array_add (groups, g_string_new (term->str));
          if ((int) i == last_word)
            {
              prefix_group = g_ptr_array_index (groups, groups->len - 1);
              prefix_in_group = 0;
            }
        }
      if ((int) i == last_word && !t->negated)
        {
          q->prefix = g_strdup (t->text);
          q->prefix_len = term->len;
        }
      g_string_free (term, TRUE);
    }

  if (pending_or)
    add_hint (q, _("OR goes between two words: putin OR medvedev."));

  /* AND binds the groups; each OR group is parenthesised so that
   * "putin medvedev OR lavrov" means putin AND (medvedev OR lavrov). */
  for (guint i = 0; i < groups->len; i++)
    {
      GString *group = g_ptr_array_index (groups, i);

      gboolean parens = strstr (group->str, " OR ") != NULL;

      if (pos->len > 0)
        g_string_append (pos, " AND ");
      if (group == prefix_group)
        q->prefix_at = pos->len + (parens ? 1 : 0) + prefix_in_group;
      if (parens)
        g_string_append_printf (pos, "(%s)", group->str);
      else
        g_string_append (pos, group->str);
    }

  if (pos->len > 0)
    q->fts = g_string_free (g_steal_pointer (&pos), FALSE);
  if (neg->len > 0)
    q->fts_exclude = g_string_free (g_steal_pointer (&neg), FALSE);

  return q;
}

DossierQuery *
dossier_query_copy (const DossierQuery *query)
{
  DossierQuery *q = dossier_query_new ();

  q->text = g_strdup (query->text);
  q->fts = g_strdup (query->fts);
  q->fts_exclude = g_strdup (query->fts_exclude);
  q->prefix = g_strdup (query->prefix);
  q->prefix_at = query->prefix_at;
  q->prefix_len = query->prefix_len;
  for (guint i = 0; i < query->sources->len; i++)
    g_ptr_array_add (q->sources, g_strdup (g_ptr_array_index (query->sources, i)));
  for (guint i = 0; i < query->tags->len; i++)
    g_ptr_array_add (q->tags, g_strdup (g_ptr_array_index (query->tags, i)));
  for (guint i = 0; i < query->colors->len; i++)
    g_ptr_array_add (q->colors, g_strdup (g_ptr_array_index (query->colors, i)));
  for (guint i = 0; i < query->people->len; i++)
    g_ptr_array_add (q->people, g_strdup (g_ptr_array_index (query->people, i)));
  for (guint i = 0; i < query->quoted->len; i++)
    g_ptr_array_add (q->quoted, g_strdup (g_ptr_array_index (query->quoted, i)));
  for (guint i = 0; i < query->quote_terms->len; i++)
    g_ptr_array_add (q->quote_terms, g_strdup (g_ptr_array_index (query->quote_terms, i)));
  for (guint i = 0; i < query->authors->len; i++)
    g_ptr_array_add (q->authors, g_strdup (g_ptr_array_index (query->authors, i)));
  q->from_jd = query->from_jd;
  q->to_jd = query->to_jd;
  q->has_notes = query->has_notes;
  q->undated = query->undated;
  q->suggested = query->suggested;
  q->story = query->story;
  q->read = query->read;
  q->feed = query->feed;
  q->hint = g_strdup (query->hint);
  q->sort = query->sort;
  q->sort_set = query->sort_set;
  q->limit = query->limit;
  return q;
}

void
dossier_query_free (DossierQuery *query)
{
  if (query == NULL)
    return;
  g_free (query->text);
  g_free (query->fts);
  g_free (query->fts_exclude);
  g_free (query->prefix);
  g_ptr_array_unref (query->sources);
  g_ptr_array_unref (query->tags);
  g_ptr_array_unref (query->colors);
  g_ptr_array_unref (query->people);
  g_ptr_array_unref (query->quoted);
  g_ptr_array_unref (query->quote_terms);
  g_ptr_array_unref (query->authors);
  g_free (query->hint);
  g_free (query);
}

gboolean
dossier_query_is_empty (const DossierQuery *query)
{
  return query == NULL ||
         (query->fts == NULL && query->fts_exclude == NULL &&
          query->sources->len == 0 && query->tags->len == 0 &&
          query->colors->len == 0 && query->from_jd < 0 && query->to_jd < 0 &&
          !query->has_notes && !query->undated && !query->suggested && query->story == 0 &&
          query->read < 0 && query->feed == 0 &&
          query->people->len == 0 && query->quoted->len == 0 && query->authors->len == 0);
}

DossierSort
dossier_query_get_sort (const DossierQuery *query)
{
  if (query == NULL)
    return DOSSIER_SORT_DATE_DESC;
  if (query->sort_set)
    return query->sort;
  return query->fts != NULL ? DOSSIER_SORT_RELEVANCE : DOSSIER_SORT_DATE_DESC;
}

char *
dossier_query_expand_prefix (const DossierQuery *query,
                             const char * const *terms,
                             guint               n_terms)
{
  GString *out;

  g_return_val_if_fail (query != NULL, NULL);

  if (query->prefix == NULL || query->fts == NULL || n_terms == 0 ||
      query->prefix_at + query->prefix_len > strlen (query->fts))
    return NULL;

  out = g_string_new_len (query->fts, query->prefix_at);
  if (n_terms > 1)
    g_string_append_c (out, '(');
  for (guint i = 0; i < n_terms; i++)
    {
      g_autofree char *exact = g_strconcat ("=", terms[i], NULL);

      if (i > 0)
        g_string_append (out, " OR ");
      /* index terms, asked for as they are (the exact-form operator) */
      append_fts_string (out, exact);
    }
  if (n_terms > 1)
    g_string_append_c (out, ')');
  g_string_append (out, query->fts + query->prefix_at + query->prefix_len);
  return g_string_free (out, FALSE);
}
