/* dossier-html-extract.c — main content and metadata of a saved web page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The content finder scores the blocks of the page the way reader modes do:
 * paragraphs give points (one, plus one per comma, plus one per hundred
 * characters) to their parent and, less and less, to their ancestors; each
 * candidate starts from a bonus or penalty for its tag and for its class and
 * id ("article", "content" … versus "comment", "sidebar" …) and is scaled
 * down by its link density.  The best candidate and those of its siblings
 * that score well enough make the article, which is then cleaned of forms,
 * share widgets, link lists, ads and so on.  When that leaves too little
 * text the page is parsed again with the filters relaxed one by one.
 *
 * Every walk over the tree is iterative: libxml2 already limits the depth
 * of the tree it builds, but nothing here relies on that.
 */
#define G_LOG_DOMAIN "dossier-html-extract"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "dossier-html-extract.h"

#include <string.h>
#include <math.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <json-glib/json-glib.h>

#include "dossier-date.h"

/* Tag classes */
enum
{
  TAG_PHRASING     = 1 << 0,   /* inline content a <div> may hold as a <p> */
  TAG_DIV_TO_P     = 1 << 1,   /* a <div> holding one of these is no <p> */
  TAG_SCORE        = 1 << 2,   /* blocks whose text is scored */
  TAG_BLOCK        = 1 << 3,   /* starts a new paragraph in the text */
  TAG_HEADING      = 1 << 4,
  TAG_DROP         = 1 << 5,   /* never part of an article */
  TAG_KEEP_TAG     = 1 << 6,   /* sibling kept with its own tag */
  TAG_SKIP_TEXT    = 1 << 7,   /* no text of its own in the output */
  TAG_TEXTISH      = 1 << 8,   /* span, li, td + DIV_TO_P (text density) */
  TAG_INLINE_LINK  = 1 << 9,   /* a, del, ins: phrasing when children are */
};

/* Attempt flags */
enum
{
  FLAG_STRIP_UNLIKELYS     = 1 << 0,
  FLAG_WEIGHT_CLASSES      = 1 << 1,
  FLAG_CLEAN_CONDITIONALLY = 1 << 2,
};

#define CHAR_THRESHOLD 500
#define N_TOP_CANDIDATES 5

typedef struct
{
  double   score;
  gboolean data_table;
} NodeInfo;

typedef struct
{
  /* whole-document results, found once */
  char       *title;          /* article title (metadata or <title>) */
  char       *meta_byline;
  char       *dom_byline;
  char       *dateline;       /* a byline-like element that only holds a date */
  /* per attempt */
  htmlDocPtr  doc;
  guint       flags;
  GPtrArray  *infos;
} Ctx;

typedef struct
{
  char       *title;
  char       *byline;
  char       *site_name;
  char       *published;
} JsonLd;

static GHashTable *tag_table;

static void
init_tag_table (void)
{
  static const struct { const char *name; guint flags; } tags[] = {
    { "abbr", TAG_PHRASING }, { "audio", TAG_PHRASING }, { "b", TAG_PHRASING },
    { "bdo", TAG_PHRASING }, { "br", TAG_PHRASING }, { "button", TAG_PHRASING },
    { "cite", TAG_PHRASING }, { "code", TAG_PHRASING }, { "data", TAG_PHRASING },
    { "datalist", TAG_PHRASING }, { "dfn", TAG_PHRASING }, { "em", TAG_PHRASING },
    { "embed", TAG_PHRASING }, { "i", TAG_PHRASING }, { "img", TAG_PHRASING | TAG_DIV_TO_P },
    { "input", TAG_PHRASING }, { "kbd", TAG_PHRASING }, { "label", TAG_PHRASING },
    { "mark", TAG_PHRASING }, { "math", TAG_PHRASING }, { "meter", TAG_PHRASING },
    { "noscript", TAG_PHRASING | TAG_DROP }, { "object", TAG_PHRASING },
    { "output", TAG_PHRASING }, { "progress", TAG_PHRASING }, { "q", TAG_PHRASING },
    { "ruby", TAG_PHRASING }, { "samp", TAG_PHRASING },
    { "script", TAG_PHRASING | TAG_DROP | TAG_SKIP_TEXT },
    { "select", TAG_PHRASING }, { "small", TAG_PHRASING },
    { "span", TAG_PHRASING | TAG_TEXTISH }, { "strong", TAG_PHRASING },
    { "sub", TAG_PHRASING }, { "sup", TAG_PHRASING }, { "textarea", TAG_PHRASING },
    { "time", TAG_PHRASING }, { "var", TAG_PHRASING }, { "wbr", TAG_PHRASING },
    { "a", TAG_INLINE_LINK }, { "del", TAG_INLINE_LINK }, { "ins", TAG_INLINE_LINK },
    { "blockquote", TAG_DIV_TO_P | TAG_BLOCK | TAG_TEXTISH },
    { "dl", TAG_DIV_TO_P | TAG_BLOCK | TAG_TEXTISH },
    { "div", TAG_DIV_TO_P | TAG_BLOCK | TAG_TEXTISH | TAG_KEEP_TAG },
    { "ol", TAG_DIV_TO_P | TAG_BLOCK | TAG_TEXTISH | TAG_KEEP_TAG },
    { "ul", TAG_DIV_TO_P | TAG_BLOCK | TAG_TEXTISH | TAG_KEEP_TAG },
    { "p", TAG_DIV_TO_P | TAG_BLOCK | TAG_SCORE | TAG_TEXTISH | TAG_KEEP_TAG },
    { "pre", TAG_DIV_TO_P | TAG_BLOCK | TAG_SCORE | TAG_TEXTISH },
    { "table", TAG_DIV_TO_P | TAG_BLOCK | TAG_TEXTISH },
    { "section", TAG_SCORE | TAG_BLOCK | TAG_KEEP_TAG },
    { "article", TAG_BLOCK | TAG_KEEP_TAG },
    { "h1", TAG_HEADING | TAG_BLOCK }, { "h2", TAG_HEADING | TAG_BLOCK | TAG_SCORE },
    { "h3", TAG_HEADING | TAG_BLOCK | TAG_SCORE }, { "h4", TAG_HEADING | TAG_BLOCK | TAG_SCORE },
    { "h5", TAG_HEADING | TAG_BLOCK | TAG_SCORE }, { "h6", TAG_HEADING | TAG_BLOCK | TAG_SCORE },
    { "td", TAG_SCORE | TAG_BLOCK | TAG_TEXTISH }, { "th", TAG_BLOCK },
    { "li", TAG_BLOCK | TAG_TEXTISH }, { "tr", TAG_BLOCK }, { "caption", TAG_BLOCK },
    { "address", TAG_BLOCK }, { "aside", TAG_BLOCK }, { "body", TAG_BLOCK },
    { "center", TAG_BLOCK }, { "dd", TAG_BLOCK }, { "dt", TAG_BLOCK },
    { "details", TAG_BLOCK }, { "dialog", TAG_BLOCK }, { "fieldset", TAG_BLOCK },
    { "figcaption", TAG_BLOCK }, { "figure", TAG_BLOCK }, { "footer", TAG_BLOCK },
    { "form", TAG_BLOCK }, { "header", TAG_BLOCK }, { "hgroup", TAG_BLOCK },
    { "hr", TAG_BLOCK }, { "html", TAG_BLOCK }, { "main", TAG_BLOCK },
    { "menu", TAG_BLOCK }, { "nav", TAG_BLOCK }, { "summary", TAG_BLOCK },
    { "tbody", TAG_BLOCK }, { "thead", TAG_BLOCK }, { "tfoot", TAG_BLOCK },
    { "style", TAG_DROP | TAG_SKIP_TEXT }, { "template", TAG_DROP | TAG_SKIP_TEXT },
    { "head", TAG_SKIP_TEXT }, { "title", TAG_SKIP_TEXT },
    { "option", TAG_SKIP_TEXT },
  };

  if (g_once_init_enter (&tag_table))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);
      gsize i;

      for (i = 0; i < G_N_ELEMENTS (tags); i++)
        g_hash_table_insert (table, (gpointer) tags[i].name, GUINT_TO_POINTER (tags[i].flags));
      g_once_init_leave (&tag_table, table);
    }
}

static inline gboolean
is_element (const xmlNode *node)
{
  return node != NULL && node->type == XML_ELEMENT_NODE;
}

static inline gboolean
is_text (const xmlNode *node)
{
  return node != NULL
         && (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE);
}

static inline guint
tag_flags (const xmlNode *node)
{
  if (!is_element (node))
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (tag_table, node->name));
}

static inline gboolean
has_tag (const xmlNode *node,
         const char    *name)
{
  return is_element (node) && strcmp ((const char *) node->name, name) == 0;
}

static inline gboolean
is_heading (const xmlNode *node)
{
  return (tag_flags (node) & TAG_HEADING) != 0;
}

/* The value of an attribute without copying it; NULL when absent. */
static const char *
get_attr (const xmlNode *node,
          const char    *name)
{
  const xmlAttr *attr;

  if (!is_element (node))
    return NULL;
  for (attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (g_ascii_strcasecmp ((const char *) attr->name, name) == 0)
        {
          if (attr->children == NULL)
            return "";
          if (attr->children->next == NULL && is_text (attr->children))
            return attr->children->content ? (const char *) attr->children->content : "";
          return "";
        }
    }
  return NULL;
}

/* Tree navigation (elements only) */

static xmlNode *
first_element_child (const xmlNode *node)
{
  xmlNode *child;

  for (child = node->children; child != NULL; child = child->next)
    if (is_element (child))
      return child;
  return NULL;
}

static xmlNode *
next_element_sibling (const xmlNode *node)
{
  xmlNode *sib;

  for (sib = node->next; sib != NULL; sib = sib->next)
    if (is_element (sib))
      return sib;
  return NULL;
}

static guint
count_element_children (const xmlNode *node)
{
  xmlNode *child;
  guint n = 0;

  for (child = node->children; child != NULL; child = child->next)
    if (is_element (child))
      n++;
  return n;
}

/* The next element in document order; with @skip_children, the next one
 * after @node's subtree. */
static xmlNode *
next_node (xmlNode  *node,
           gboolean  skip_children)
{
  xmlNode *next;

  if (!skip_children && (next = first_element_child (node)) != NULL)
    return next;
  while (node != NULL)
    {
      if ((next = next_element_sibling (node)) != NULL)
        return next;
      node = node->parent;
      if (node != NULL && node->type != XML_ELEMENT_NODE)
        return NULL;
    }
  return NULL;
}

/* Next node of any type inside @root, in document order. */
static xmlNode *
next_in_subtree (xmlNode  *node,
                 xmlNode  *root,
                 gboolean  skip_children)
{
  if (!skip_children && node->children != NULL && node->type == XML_ELEMENT_NODE)
    return node->children;
  while (node != NULL && node != root)
    {
      if (node->next != NULL)
        return node->next;
      node = node->parent;
    }
  return NULL;
}

static void
remove_node (xmlNode *node)
{
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

/* Links @child (already unlinked) as the last child of @parent. */
static void
append_child (xmlNode *parent,
              xmlNode *child)
{
  xmlUnlinkNode (child);
  child->parent = parent;
  child->next = NULL;
  child->prev = parent->last;
  if (parent->last != NULL)
    parent->last->next = child;
  else
    parent->children = child;
  parent->last = child;
  child->doc = parent->doc;
}

/* Puts @replacement (linked anywhere or not) where @old is; @old is left
 * unlinked. */
static void
replace_node (xmlNode *old,
              xmlNode *replacement)
{
  xmlUnlinkNode (replacement);
  replacement->parent = old->parent;
  replacement->prev = old->prev;
  replacement->next = old->next;
  if (old->prev != NULL)
    old->prev->next = replacement;
  else if (old->parent != NULL)
    old->parent->children = replacement;
  if (old->next != NULL)
    old->next->prev = replacement;
  else if (old->parent != NULL)
    old->parent->last = replacement;
  old->parent = old->prev = old->next = NULL;
}

static gboolean
has_ancestor_tag (const xmlNode *node,
                  const char    *name,
                  int            max_depth)
{
  int depth = 0;

  for (node = node->parent; is_element (node); node = node->parent)
    {
      if (max_depth > 0 && depth >= max_depth)
        return FALSE;
      if (has_tag (node, name))
        return TRUE;
      depth++;
    }
  return FALSE;
}

/* Text */

static inline gboolean
is_space_char (gunichar c)
{
  if (c < 0x80)
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return c == 0xFEFF || g_unichar_isspace (c);
}

static inline gboolean
is_comma_char (gunichar c)
{
  return c == 0x002C || c == 0x060C || c == 0xFE50 || c == 0xFE10
         || c == 0xFE11 || c == 0x2E41 || c == 0x2E34 || c == 0x2E32
         || c == 0xFF0C;
}

/* Decodes the character at @p (not NUL) into @c and returns the next
 * position; a malformed sequence is one byte long and decodes to -1.
 * Never reads past a NUL. */
static inline const char *
utf8_step (const char *p,
           gunichar   *c)
{
  guchar b = (guchar) *p;
  int n, i;
  gunichar v;

  if (b < 0x80)
    {
      *c = b;
      return p + 1;
    }
  if (b >= 0xC2 && b <= 0xDF)
    n = 1, v = b & 0x1F;
  else if (b >= 0xE0 && b <= 0xEF)
    n = 2, v = b & 0x0F;
  else if (b >= 0xF0 && b <= 0xF4)
    n = 3, v = b & 0x07;
  else
    {
      *c = (gunichar) -1;
      return p + 1;
    }
  for (i = 1; i <= n; i++)
    {
      guchar cb = (guchar) p[i];

      if ((cb & 0xC0) != 0x80)
        {
          *c = (gunichar) -1;
          return p + 1;
        }
      v = (v << 6) | (cb & 0x3F);
    }
  if ((n == 2 && v < 0x800) || (n == 3 && (v < 0x10000 || v > 0x10FFFF))
      || (v >= 0xD800 && v <= 0xDFFF))
    {
      *c = (gunichar) -1;
      return p + 1;
    }
  *c = v;
  return p + n + 1;
}

typedef struct
{
  gsize    length;       /* characters, trimmed, runs of white space as one */
  guint    commas;
  gboolean started;
  gboolean pending_space;
} TextCounter;

static void
count_text (TextCounter *tc,
            const char  *s)
{
  const guchar *p = (const guchar *) s;

  while (*p)
    {
      gunichar c;

      if (*p < 0x80)
        c = *p++;
      else
        p = (const guchar *) utf8_step ((const char *) p, &c);
      if (c == (gunichar) -1)
        continue;
      if (is_space_char (c))
        {
          if (tc->started)
            tc->pending_space = TRUE;
          continue;
        }
      if (tc->pending_space)
        {
          tc->length++;
          tc->pending_space = FALSE;
        }
      tc->started = TRUE;
      tc->length++;
      if (c == ',' || (c > 0x7f && is_comma_char (c)))
        tc->commas++;
    }
}

/* Length of the trimmed text content with runs of white space counted as
 * one character; @commas gets the number of commas. */
static gsize
inner_text_length (xmlNode *root,
                   guint   *commas)
{
  TextCounter tc = { 0, 0, FALSE, FALSE };
  xmlNode *node;

  if (is_text (root))
    count_text (&tc, (const char *) root->content);
  else
    for (node = root->children; node != NULL; node = next_in_subtree (node, root, FALSE))
      if (is_text (node) && node->content != NULL)
        count_text (&tc, (const char *) node->content);
  if (commas != NULL)
    *commas = tc.commas;
  return tc.length;
}

/* Appends @s to @out with runs of white space as one space (none at the
 * start of @out); drops zero-width spaces, soft hyphens and bad bytes. */
static void
append_collapsed (GString    *out,
                  const char *s,
                  gboolean   *pending_space)
{
  const char *p = s;
  const char *run = NULL;   /* start of a run of ordinary characters */

  while (*p)
    {
      const char *q;
      gunichar c;
      gboolean ordinary;

      if ((guchar) *p < 0x80)
        {
          c = (guchar) *p;
          q = p + 1;
          ordinary = !(c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v');
        }
      else
        {
          q = utf8_step (p, &c);
          ordinary = !(c == (gunichar) -1 || c == 0x200B || c == 0x00AD || is_space_char (c));
        }
      if (ordinary)
        {
          if (run == NULL)
            {
              if (*pending_space && out->len > 0)
                g_string_append_c (out, ' ');
              *pending_space = FALSE;
              run = p;
            }
        }
      else
        {
          if (run != NULL)
            g_string_append_len (out, run, p - run);
          run = NULL;
          if (c != 0x200B && c != 0x00AD && c != (gunichar) -1)
            *pending_space = TRUE;
        }
      p = q;
    }
  if (run != NULL)
    g_string_append_len (out, run, p - run);
}

/* The text content, trimmed, white space collapsed. */
static char *
inner_text (xmlNode *root)
{
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE;
  xmlNode *node;

  if (root == NULL)
    return g_string_free (out, FALSE);
  if (is_text (root))
    append_collapsed (out, (const char *) root->content, &pending);
  else
    for (node = root->children; node != NULL; node = next_in_subtree (node, root, FALSE))
      if (is_text (node) && node->content != NULL)
        append_collapsed (out, (const char *) node->content, &pending);
  return g_string_free (out, FALSE);
}

static char *
collapse_string (const char *s)
{
  GString *out = g_string_new (NULL);
  gboolean pending = FALSE;

  if (s != NULL)
    append_collapsed (out, s, &pending);
  return g_string_free (out, FALSE);
}

static gboolean
is_whitespace_node (const xmlNode *node)
{
  const char *p;

  if (has_tag (node, "br"))
    return TRUE;
  if (!is_text (node))
    return FALSE;
  for (p = (const char *) node->content; p != NULL && *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static gboolean
text_is_blank (const char *s)
{
  for (; s != NULL && *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* Class and id hints */

static gboolean
contains_any (const char         *haystack,
              const char * const *needles)
{
  for (; *needles != NULL; needles++)
    if (strstr (haystack, *needles) != NULL)
      return TRUE;
  return FALSE;
}

static const char * const unlikely_words[] = {
  "-ad-", "ai2html", "banner", "breadcrumbs", "combx", "comment", "community",
  "cover-wrap", "disqus", "extra", "footer", "gdpr", "header", "legends",
  "menu", "related", "remark", "replies", "rss", "shoutbox", "sidebar",
  "skyscraper", "social", "sponsor", "supplemental", "ad-break", "agegate",
  "pagination", "pager", "popup", "yom-remote", NULL
};

static const char * const maybe_words[] = {
  "and", "article", "body", "column", "content", "main", "mathjax", "shadow", NULL
};

static const char * const positive_words[] = {
  "article", "body", "content", "entry", "hentry", "h-entry", "main", "page",
  "pagination", "post", "text", "blog", "story", NULL
};

static const char * const negative_words[] = {
  "-ad-", "hidden", "banner", "combx", "comment", "com-", "contact",
  "footer", "gdpr", "masthead", "media", "meta", "outbrain", "promo",
  "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
  "sponsor", "shopping", "tags", "widget", NULL
};

/* "dateline" first: byline_words + 1 are those that name a person */
static const char * const byline_words[] = {
  "dateline", "byline", "author", "writtenby", "p-author", NULL
};

static gboolean
is_negative (const char *lower)
{
  gsize len;

  if (contains_any (lower, negative_words))
    return TRUE;
  /* "hid" as a whole space-separated word */
  len = strlen (lower);
  if (strcmp (lower, "hid") == 0
      || g_str_has_prefix (lower, "hid ")
      || (len >= 4 && strcmp (lower + len - 4, " hid") == 0)
      || strstr (lower, " hid ") != NULL)
    return TRUE;
  return FALSE;
}

static int
class_weight_of (const char *class_name,
                 const char *id)
{
  int weight = 0;

  if (class_name != NULL && *class_name)
    {
      g_autofree char *lower = g_ascii_strdown (class_name, -1);

      if (is_negative (lower))
        weight -= 25;
      if (contains_any (lower, positive_words))
        weight += 25;
    }
  if (id != NULL && *id)
    {
      g_autofree char *lower = g_ascii_strdown (id, -1);

      if (is_negative (lower))
        weight -= 25;
      if (contains_any (lower, positive_words))
        weight += 25;
    }
  return weight;
}

static int
class_weight (Ctx     *ctx,
              xmlNode *node)
{
  if (!(ctx->flags & FLAG_WEIGHT_CLASSES))
    return 0;
  return class_weight_of (get_attr (node, "class"), get_attr (node, "id"));
}

static char *
match_string (xmlNode *node)
{
  const char *class_name = get_attr (node, "class");
  const char *id = get_attr (node, "id");
  char *s = g_strconcat (class_name ? class_name : "", " ", id ? id : "", NULL);
  char *p;

  for (p = s; *p; p++)
    *p = g_ascii_tolower (*p);
  return s;
}

/* "share" or "sharedaddy" as a word (separated by non-word characters or
 * underscores). */
static gboolean
matches_share (const char *lower)
{
  const char *p = lower;

  while ((p = strstr (p, "share")) != NULL)
    {
      const char *end = p + 5;
      gboolean start_ok = p == lower || !g_ascii_isalnum (p[-1]);

      if (g_str_has_prefix (end, "daddy"))
        {
          if (start_ok && !g_ascii_isalnum (end[5]))
            return TRUE;
        }
      if (start_ok && !g_ascii_isalnum (*end))
        return TRUE;
      p = end;
    }
  return FALSE;
}

/* Visibility */

static gboolean
is_probably_visible (xmlNode *node)
{
  const char *style = get_attr (node, "style");
  const char *aria_hidden;

  if (style != NULL && *style)
    {
      g_autofree char *compact = g_ascii_strdown (style, -1);
      char *r, *w;

      for (r = w = compact; *r; r++)
        if (!g_ascii_isspace (*r))
          *w++ = *r;
      *w = '\0';
      if (strstr (compact, "display:none") != NULL
          || strstr (compact, "visibility:hidden") != NULL)
        return FALSE;
    }
  if (get_attr (node, "hidden") != NULL)
    return FALSE;
  aria_hidden = get_attr (node, "aria-hidden");
  if (aria_hidden != NULL && strcmp (aria_hidden, "true") == 0)
    {
      const char *class_name = get_attr (node, "class");

      if (class_name == NULL || strstr (class_name, "fallback-image") == NULL)
        return FALSE;
    }
  return TRUE;
}

/* Title similarity: the share of @b's words (ASCII word characters) that
 * also appear in @a, measured in characters. */
static GPtrArray *
tokenize_words (const char *s)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = s;

  while (*p)
    {
      const char *start;

      while (*p && !(g_ascii_isalnum (*p) || *p == '_'))
        p++;
      start = p;
      while (*p && (g_ascii_isalnum (*p) || *p == '_'))
        p++;
      if (p > start)
        g_ptr_array_add (tokens, g_ascii_strdown (start, p - start));
    }
  return tokens;
}

static double
text_similarity (const char *a,
                 const char *b)
{
  g_autoptr(GPtrArray) ta = tokenize_words (a);
  g_autoptr(GPtrArray) tb = tokenize_words (b);
  gsize uniq_len = 0, total_len = 0;
  guint i, j, n_uniq = 0;

  if (ta->len == 0 || tb->len == 0)
    return 0;
  for (i = 0; i < tb->len; i++)
    {
      gboolean found = FALSE;

      for (j = 0; j < ta->len && !found; j++)
        found = strcmp (tb->pdata[i], ta->pdata[j]) == 0;
      total_len += strlen (tb->pdata[i]);
      if (!found)
        {
          uniq_len += strlen (tb->pdata[i]);
          n_uniq++;
        }
    }
  total_len += tb->len - 1;
  if (n_uniq > 0)
    uniq_len += n_uniq - 1;
  return 1.0 - (double) uniq_len / (double) total_len;
}

/* Node info (scores) */

static NodeInfo *
node_info (xmlNode *node)
{
  return node->_private;
}

static NodeInfo *
initialize_node (Ctx     *ctx,
                 xmlNode *node)
{
  NodeInfo *info = node->_private;
  const char *name = (const char *) node->name;

  if (info == NULL)
    {
      info = g_new0 (NodeInfo, 1);
      g_ptr_array_add (ctx->infos, info);
      node->_private = info;
    }
  info->score = 0;
  if (strcmp (name, "div") == 0)
    info->score += 5;
  else if (strcmp (name, "pre") == 0 || strcmp (name, "td") == 0
           || strcmp (name, "blockquote") == 0)
    info->score += 3;
  else if (strcmp (name, "address") == 0 || strcmp (name, "ol") == 0
           || strcmp (name, "ul") == 0 || strcmp (name, "dl") == 0
           || strcmp (name, "dd") == 0 || strcmp (name, "dt") == 0
           || strcmp (name, "li") == 0 || strcmp (name, "form") == 0)
    info->score -= 3;
  else if (is_heading (node) || strcmp (name, "th") == 0)
    info->score -= 5;
  info->score += class_weight (ctx, node);
  return info;
}

static gboolean
is_scored (xmlNode *node)
{
  NodeInfo *info = node->_private;

  return info != NULL && info->score != G_MAXDOUBLE;
}

/* Link density: the share of the text that sits in links (in-page links
 * count for less). */
static double
link_density (xmlNode *root)
{
  gsize text_len = inner_text_length (root, NULL);
  double link_len = 0;
  xmlNode *node;

  if (text_len == 0)
    return 0;
  for (node = root->children; node != NULL; node = next_in_subtree (node, root, FALSE))
    {
      if (has_tag (node, "a"))
        {
          const char *href = get_attr (node, "href");
          double coefficient = (href != NULL && href[0] == '#' && href[1] != '\0') ? 0.3 : 1.0;

          link_len += inner_text_length (node, NULL) * coefficient;
        }
    }
  return link_len / (double) text_len;
}

static double
text_density (xmlNode    *root,
              guint       flags_mask)
{
  gsize text_len = inner_text_length (root, NULL);
  gsize children_len = 0;
  xmlNode *node;

  if (text_len == 0)
    return 0;
  for (node = root->children; node != NULL; node = next_in_subtree (node, root, FALSE))
    if (tag_flags (node) & flags_mask)
      children_len += inner_text_length (node, NULL);
  return (double) children_len / (double) text_len;
}

static double
heading_density (xmlNode *root)
{
  return text_density (root, TAG_HEADING);
}

static guint
count_descendants (xmlNode    *root,
                   const char *name)
{
  xmlNode *node;
  guint n = 0;

  for (node = root->children; node != NULL; node = next_in_subtree (node, root, FALSE))
    if (has_tag (node, name))
      n++;
  return n;
}

/* Collects the descendants of @root with tag @name, in document order. */
static GPtrArray *
collect_tags (xmlNode    *root,
              const char *name)
{
  GPtrArray *list = g_ptr_array_new ();
  xmlNode *node;

  for (node = root->children; node != NULL; node = next_in_subtree (node, root, FALSE))
    if (has_tag (node, name))
      g_ptr_array_add (list, node);
  return list;
}

/* Document preparation */

static gboolean
is_phrasing (xmlNode *node)
{
  guint flags;
  xmlNode *child;

  if (is_text (node))
    return TRUE;
  if (!is_element (node))
    return FALSE;
  flags = tag_flags (node);
  if (flags & TAG_PHRASING)
    return TRUE;
  if (flags & TAG_INLINE_LINK)
    {
      /* phrasing when all its children are (checked one level down and
       * then conservatively: nested blocks make it a block) */
      for (child = node->children; child != NULL; child = next_in_subtree (child, node, FALSE))
        if (is_element (child) && !(tag_flags (child) & (TAG_PHRASING | TAG_INLINE_LINK)))
          return FALSE;
      return TRUE;
    }
  return FALSE;
}

/* Two or more <br> in a row separate paragraphs: turn them into <p>s. */
static void
replace_brs (htmlDocPtr  doc,
             xmlNode    *body)
{
  g_autoptr(GPtrArray) brs = collect_tags (body, "br");
  /* nodes taken out are only freed at the end: @brs may still hold them */
  g_autoptr(GPtrArray) dead = g_ptr_array_new_with_free_func ((GDestroyNotify) xmlFreeNode);
  guint i;

  for (i = 0; i < brs->len; i++)
    {
      xmlNode *br = brs->pdata[i];
      xmlNode *next;
      xmlNode *p;
      gboolean replaced = FALSE;

      if (br->parent == NULL)
        continue;    /* already taken out as part of a chain */
      next = br->next;
      /* drop the <br>s that follow this one (white space between allowed) */
      while (next != NULL)
        {
          xmlNode *after;

          while (next != NULL && is_text (next) && text_is_blank ((const char *) next->content))
            next = next->next;
          if (next == NULL || !has_tag (next, "br"))
            break;
          replaced = TRUE;
          after = next->next;
          xmlUnlinkNode (next);
          g_ptr_array_add (dead, next);
          next = after;
        }
      if (!replaced)
        continue;

      p = xmlNewDocNode (doc, NULL, BAD_CAST "p", NULL);
      replace_node (br, p);
      g_ptr_array_add (dead, br);

      next = p->next;
      while (next != NULL)
        {
          xmlNode *sibling_next;

          if (has_tag (next, "br"))
            {
              xmlNode *n2 = next->next;

              while (n2 != NULL && is_text (n2) && text_is_blank ((const char *) n2->content))
                n2 = n2->next;
              if (n2 != NULL && has_tag (n2, "br"))
                break;
            }
          if (!is_phrasing (next))
            break;
          sibling_next = next->next;
          append_child (p, next);
          next = sibling_next;
        }
      while (p->last != NULL && is_whitespace_node (p->last))
        {
          xmlNode *last = p->last;

          xmlUnlinkNode (last);
          g_ptr_array_add (dead, last);
        }
      if (has_tag (p->parent, "p"))
        xmlNodeSetName (p->parent, BAD_CAST "div");
    }
}

/* Removes scripts, styles and comments, turns <font> into <span>,
 * and double <br>s into paragraphs. */
static void
prep_document (htmlDocPtr doc)
{
  xmlNode *root = xmlDocGetRootElement (doc);
  xmlNode *node;
  xmlNode *body = NULL;

  if (root == NULL)
    return;
  node = root;
  while (node != NULL)
    {
      if (node->type == XML_COMMENT_NODE || node->type == XML_PI_NODE
          || (is_element (node) && (tag_flags (node) & TAG_DROP)))
        {
          xmlNode *next = next_in_subtree (node, root, TRUE);

          remove_node (node);
          node = next;
          continue;
        }
      if (has_tag (node, "font"))
        xmlNodeSetName (node, BAD_CAST "span");
      else if (body == NULL && has_tag (node, "body"))
        body = node;
      node = next_in_subtree (node, root, FALSE);
    }
  if (body != NULL)
    replace_brs (doc, body);
}

static xmlNode *
find_first_tag (xmlNode    *root,
                const char *name)
{
  xmlNode *node;

  if (root == NULL)
    return NULL;
  if (has_tag (root, name))
    return root;
  for (node = root->children; node != NULL; node = next_in_subtree (node, root, FALSE))
    if (has_tag (node, name))
      return node;
  return NULL;
}

static gboolean
has_text (xmlNode *root)
{
  xmlNode *node;

  for (node = root->children; node != NULL; node = next_in_subtree (node, root, FALSE))
    {
      if (is_text (node) && node->content != NULL)
        {
          TextCounter tc = { 0, 0, FALSE, FALSE };

          count_text (&tc, (const char *) node->content);
          if (tc.length > 0)
            return TRUE;
        }
    }
  return FALSE;
}

static gboolean
is_element_without_content (xmlNode *node)
{
  xmlNode *child;

  if (has_text (node))
    return FALSE;
  for (child = node->children; child != NULL; child = child->next)
    if (is_element (child) && !has_tag (child, "br") && !has_tag (child, "hr"))
      return FALSE;
  return TRUE;
}

static gboolean
has_single_tag_inside (xmlNode    *node,
                       const char *name)
{
  xmlNode *child;
  guint n = 0;

  for (child = node->children; child != NULL; child = child->next)
    {
      if (is_element (child))
        {
          if (++n > 1 || !has_tag (child, name))
            return FALSE;
        }
      else if (is_text (child) && !text_is_blank ((const char *) child->content))
        return FALSE;
    }
  return n == 1;
}

static gboolean
has_child_block_element (xmlNode *root)
{
  xmlNode *node;

  for (node = root->children; node != NULL; node = next_in_subtree (node, root, FALSE))
    if (tag_flags (node) & TAG_DIV_TO_P)
      return TRUE;
  return FALSE;
}

static gboolean
is_valid_byline (xmlNode    *node,
                 const char *match)
{
  const char *rel = get_attr (node, "rel");
  const char *itemprop = get_attr (node, "itemprop");
  gsize len;

  if (!((rel != NULL && strcmp (rel, "author") == 0)
        || (itemprop != NULL && strstr (itemprop, "author") != NULL)
        || contains_any (match, byline_words)))
    return FALSE;
  len = inner_text_length (node, NULL);
  return len > 0 && len < 100;
}

/* The text of a byline element, or of the author's name inside it (a
 * byline often also holds a date, a job title or a share link). */
static char *
byline_text (xmlNode *node)
{
  xmlNode *child;
  xmlNode *author = NULL;

  for (child = node->children; child != NULL; child = next_in_subtree (child, node, FALSE))
    {
      const char *itemprop = get_attr (child, "itemprop");
      const char *rel = get_attr (child, "rel");

      if (!is_element (child) || inner_text_length (child, NULL) == 0)
        continue;
      if (itemprop != NULL && strstr (itemprop, "name") != NULL)
        return inner_text (child);
      if (author == NULL
          && ((rel != NULL && strcmp (rel, "author") == 0)
              || (itemprop != NULL && strstr (itemprop, "author") != NULL)))
        author = child;
      if (author == NULL)
        {
          g_autofree char *match = match_string (child);

          if (strstr (match, "author") != NULL)
            author = child;
        }
    }
  return inner_text (author ? author : node);
}

static gboolean
header_duplicates_title (Ctx     *ctx,
                         xmlNode *node)
{
  g_autofree char *heading = NULL;

  if (!has_tag (node, "h1") && !has_tag (node, "h2"))
    return FALSE;
  if (ctx->title == NULL)
    return FALSE;
  heading = inner_text (node);
  return text_similarity (ctx->title, heading) > 0.75;
}

static const char * const unlikely_roles[] = {
  "menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", NULL
};

/* Data tables */

static void
mark_data_tables (Ctx     *ctx,
                  xmlNode *root)
{
  g_autoptr(GPtrArray) tables = collect_tags (root, "table");
  guint i;

  for (i = 0; i < tables->len; i++)
    {
      xmlNode *table = tables->pdata[i];
      NodeInfo *info = node_info (table);
      const char *role = get_attr (table, "role");
      const char *datatable = get_attr (table, "datatable");
      const char *summary = get_attr (table, "summary");
      xmlNode *node;
      xmlNode *caption;
      gboolean is_data = FALSE, decided = FALSE;
      guint rows = 0, columns = 0;

      if (info == NULL)
        {
          info = g_new0 (NodeInfo, 1);
          info->score = G_MAXDOUBLE;   /* not a candidate */
          g_ptr_array_add (ctx->infos, info);
          table->_private = info;
        }
      if (role != NULL && strcmp (role, "presentation") == 0)
        decided = TRUE;
      else if (datatable != NULL && strcmp (datatable, "0") == 0)
        decided = TRUE;
      else if (summary != NULL && *summary)
        decided = is_data = TRUE;
      else if ((caption = find_first_tag (table, "caption")) != NULL
               && caption->children != NULL)
        decided = is_data = TRUE;
      if (!decided)
        {
          for (node = table->children; node != NULL; node = next_in_subtree (node, table, FALSE))
            {
              if (has_tag (node, "col") || has_tag (node, "colgroup") || has_tag (node, "tfoot")
                  || has_tag (node, "thead") || has_tag (node, "th"))
                {
                  decided = is_data = TRUE;
                  break;
                }
              if (has_tag (node, "table"))
                {
                  decided = TRUE;
                  break;
                }
            }
        }
      if (!decided)
        {
          for (node = table->children; node != NULL; node = next_in_subtree (node, table, FALSE))
            {
              if (has_tag (node, "tr"))
                {
                  xmlNode *cell;
                  guint cols = 0;

                  rows++;
                  for (cell = node->children; cell != NULL; cell = cell->next)
                    if (has_tag (cell, "td") || has_tag (cell, "th"))
                      {
                        const char *span = get_attr (cell, "colspan");
                        int n = span ? atoi (span) : 1;

                        cols += n > 0 ? n : 1;
                      }
                  columns = MAX (columns, cols);
                }
            }
          if (rows >= 10 || columns > 4 || rows * columns > 10)
            is_data = TRUE;
        }
      info->data_table = is_data;
    }
}

static gboolean
is_data_table (xmlNode *node)
{
  NodeInfo *info = node->_private;

  return has_tag (node, "table") && info != NULL && info->data_table;
}

static gboolean
has_data_table_ancestor (xmlNode *node)
{
  for (node = node->parent; is_element (node); node = node->parent)
    if (is_data_table (node))
      return TRUE;
  return FALSE;
}

static gboolean
is_ad_or_loading (const char *text)
{
  static const char * const words[] = {
    "ad", "advertising", "advertisement", "pub", "publicité", "werb", "werbung",
    "广告", "реклама", "anuncio", "loading", "正在加载", "загрузка", "chargement",
    "cargando", NULL
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);
  gsize len = strlen (lower);
  guint i;

  if (len >= 3 && strcmp (lower + len - 3, "...") == 0)
    lower[len - 3] = '\0';
  else if (len >= 3 && strcmp (lower + len - 3, "…") == 0)
    lower[len - 3] = '\0';
  for (i = 0; words[i] != NULL; i++)
    if (strcmp (lower, words[i]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
should_clean_conditionally (Ctx        *ctx,
                            xmlNode    *node,
                            const char *tag)
{
  gboolean is_list = strcmp (tag, "ul") == 0 || strcmp (tag, "ol") == 0;
  int weight;
  guint commas = 0;
  gsize text_len;
  xmlNode *child;

  text_len = inner_text_length (node, &commas);
  if (!is_list)
    {
      gsize list_len = 0;

      for (child = node->children; child != NULL; child = next_in_subtree (child, node, FALSE))
        if (has_tag (child, "ul") || has_tag (child, "ol"))
          list_len += inner_text_length (child, NULL);
      is_list = text_len > 0 && (double) list_len / (double) text_len > 0.9;
    }
  if (strcmp (tag, "table") == 0 && is_data_table (node))
    return FALSE;
  if (has_data_table_ancestor (node))
    return FALSE;
  if (has_ancestor_tag (node, "code", 0))
    return FALSE;
  for (child = node->children; child != NULL; child = next_in_subtree (child, node, FALSE))
    if (is_data_table (child))
      return FALSE;

  weight = class_weight (ctx, node);
  if (weight < 0)
    return TRUE;

  if (commas < 10)
    {
      guint p = count_descendants (node, "p");
      guint img = count_descendants (node, "img");
      int li = (int) count_descendants (node, "li") - 100;
      guint input = count_descendants (node, "input");
      double head_density = heading_density (node);
      guint embeds = count_descendants (node, "object") + count_descendants (node, "embed")
                     + count_descendants (node, "iframe");
      g_autofree char *text = inner_text (node);
      double density;
      double tdensity;
      gboolean is_figure_child = has_ancestor_tag (node, "figure", 0);
      gboolean remove = FALSE;

      if (is_ad_or_loading (text))
        return TRUE;
      text_len = g_utf8_strlen (text, -1);
      density = link_density (node);
      tdensity = text_density (node, TAG_TEXTISH | TAG_DIV_TO_P);

      if (!is_figure_child && img > 1 && (double) p / (double) img < 0.5)
        remove = TRUE;
      else if (!is_list && li > (int) p)
        remove = TRUE;
      else if (input > p / 3)
        remove = TRUE;
      else if (!is_list && !is_figure_child && head_density < 0.9 && text_len < 25
               && (img == 0 || img > 2) && density > 0)
        remove = TRUE;
      else if (!is_list && weight < 25 && density > 0.2)
        remove = TRUE;
      else if (weight >= 25 && density > 0.5)
        remove = TRUE;
      else if ((embeds == 1 && text_len < 75) || embeds > 1)
        remove = TRUE;
      else if (img == 0 && tdensity == 0)
        remove = TRUE;

      if (is_list && remove)
        {
          for (child = node->children; child != NULL; child = child->next)
            if (is_element (child) && count_element_children (child) > 1)
              return remove;
          if (img == count_descendants (node, "li"))
            return FALSE;
        }
      return remove;
    }
  return FALSE;
}

static void
clean_conditionally (Ctx        *ctx,
                     xmlNode    *root,
                     const char *tag)
{
  g_autoptr(GPtrArray) nodes = NULL;
  guint i;

  if (!(ctx->flags & FLAG_CLEAN_CONDITIONALLY))
    return;
  nodes = collect_tags (root, tag);
  for (i = nodes->len; i > 0; i--)
    {
      xmlNode *node = nodes->pdata[i - 1];

      if (should_clean_conditionally (ctx, node, tag))
        remove_node (node);
    }
}

static void
clean_tag (xmlNode    *root,
           const char *tag)
{
  g_autoptr(GPtrArray) nodes = collect_tags (root, tag);
  guint i;

  for (i = nodes->len; i > 0; i--)
    remove_node (nodes->pdata[i - 1]);
}

static void
clean_share_elements (xmlNode *root)
{
  xmlNode *child;

  for (child = first_element_child (root); child != NULL; child = next_element_sibling (child))
    {
      xmlNode *node = first_element_child (child) ? child->children : NULL;

      while (node != NULL)
        {
          if (is_element (node))
            {
              g_autofree char *match = match_string (node);

              if (matches_share (match) && inner_text_length (node, NULL) < CHAR_THRESHOLD)
                {
                  xmlNode *next = next_in_subtree (node, child, TRUE);

                  remove_node (node);
                  node = next;
                  continue;
                }
            }
          node = next_in_subtree (node, child, FALSE);
        }
    }
}

static void
clean_headers (Ctx     *ctx,
               xmlNode *root)
{
  g_autoptr(GPtrArray) headers = g_ptr_array_new ();
  xmlNode *node;
  guint i;

  for (node = root->children; node != NULL; node = next_in_subtree (node, root, FALSE))
    if (has_tag (node, "h1") || has_tag (node, "h2"))
      g_ptr_array_add (headers, node);
  /* last first, so that nested headers go before their ancestors */
  for (i = headers->len; i > 0; i--)
    if (class_weight (ctx, headers->pdata[i - 1]) < 0)
      remove_node (headers->pdata[i - 1]);
}

/* Links that run a script are only text. */
static void
unlink_script_links (xmlNode *root)
{
  xmlNode *node;

  for (node = root->children; node != NULL; node = next_in_subtree (node, root, FALSE))
    {
      const char *href = get_attr (node, "href");

      if (has_tag (node, "a") && href != NULL && g_ascii_strncasecmp (href, "javascript:", 11) == 0)
        xmlNodeSetName (node, BAD_CAST "span");
    }
}

static void
prep_article (Ctx     *ctx,
              xmlNode *article)
{
  static const char * const drop_tags[] = {
    "object", "embed", "footer", "link", "aside", "nav", "iframe", "input",
    "textarea", "select", "button", "figcaption", "svg", NULL
  };
  guint i;

  mark_data_tables (ctx, article);
  clean_conditionally (ctx, article, "form");
  clean_conditionally (ctx, article, "fieldset");
  for (i = 0; i < 5; i++)
    clean_tag (article, drop_tags[i]);
  clean_share_elements (article);
  for (i = 5; drop_tags[i] != NULL; i++)
    clean_tag (article, drop_tags[i]);
  clean_headers (ctx, article);
  clean_conditionally (ctx, article, "table");
  clean_conditionally (ctx, article, "ul");
  clean_conditionally (ctx, article, "div");
  unlink_script_links (article);
}

/* TRUE when @node is @inner or one of its ancestors: removing it would
 * free @inner too */
static gboolean
holds_node (xmlNode *node,
            xmlNode *inner)
{
  for (; inner != NULL; inner = inner->parent)
    if (inner == node)
      return TRUE;
  return FALSE;
}

/* The content finder proper.  Returns the article element (a new <div>
 * in @ctx->doc, not linked into the tree) or NULL. */
static xmlNode *
grab_article (Ctx *ctx)
{
  xmlNode *root = xmlDocGetRootElement (ctx->doc);
  xmlNode *body;
  xmlNode *node;
  g_autoptr(GPtrArray) to_score = g_ptr_array_new ();
  g_autoptr(GPtrArray) candidates = g_ptr_array_new ();
  xmlNode *top[N_TOP_CANDIDATES] = { NULL, };
  xmlNode *top_candidate;
  xmlNode *parent;
  xmlNode *article;
  xmlNode *sibling;
  gboolean should_remove_title_header = TRUE;
  double threshold;
  guint i;

  if (root == NULL)
    return NULL;
  body = find_first_tag (root, "body");
  if (body == NULL)
    return NULL;

  node = root;
  while (node != NULL)
    {
      g_autofree char *match = NULL;
      const char *role;
      guint flags = tag_flags (node);
      /* the walk never removes <body> or what holds it (fuzzing found
       * <body hidden> and the like freeing it under our feet) */
      gboolean keep = holds_node (node, body);

      match = match_string (node);
      if (!keep && !is_probably_visible (node))
        {
          xmlNode *next = next_node (node, TRUE);

          remove_node (node);
          node = next;
          continue;
        }
      role = get_attr (node, "role");
      if (!keep && role != NULL && strcmp (role, "dialog") == 0
          && g_strcmp0 (get_attr (node, "aria-modal"), "true") == 0)
        {
          xmlNode *next = next_node (node, TRUE);

          remove_node (node);
          node = next;
          continue;
        }
      if (!keep && is_valid_byline (node, match))
        {
          g_autofree char *text = byline_text (node);
          DossierDate date = DOSSIER_DATE_INIT;
          gboolean is_dateline = !contains_any (match, byline_words + 1)
                                 && get_attr (node, "rel") == NULL
                                 && get_attr (node, "itemprop") == NULL
                                 && dossier_date_parse (text, &date);

          /* the first byline is metadata; later attempts drop it again */
          if (is_dateline && (ctx->dateline == NULL || strcmp (ctx->dateline, text) == 0))
            {
              xmlNode *next = next_node (node, TRUE);

              if (ctx->dateline == NULL)
                ctx->dateline = g_steal_pointer (&text);
              remove_node (node);
              node = next;
              continue;
            }
          if (!is_dateline && (ctx->dom_byline == NULL || strcmp (ctx->dom_byline, text) == 0))
            {
              xmlNode *next = next_node (node, TRUE);

              if (ctx->dom_byline == NULL)
                ctx->dom_byline = g_steal_pointer (&text);
              remove_node (node);
              node = next;
              continue;
            }
        }
      if (!keep && should_remove_title_header && header_duplicates_title (ctx, node))
        {
          xmlNode *next = next_node (node, TRUE);

          should_remove_title_header = FALSE;
          remove_node (node);
          node = next;
          continue;
        }
      if (!keep && (ctx->flags & FLAG_STRIP_UNLIKELYS))
        {
          if ((contains_any (match, unlikely_words)
               && !contains_any (match, maybe_words)
               && !has_ancestor_tag (node, "table", 0)
               && !has_ancestor_tag (node, "code", 0)
               && !has_tag (node, "body") && !has_tag (node, "a"))
              || (role != NULL && g_strv_contains (unlikely_roles, role)))
            {
              xmlNode *next = next_node (node, TRUE);

              remove_node (node);
              node = next;
              continue;
            }
        }
      if ((has_tag (node, "div") || has_tag (node, "section") || has_tag (node, "header")
           || (flags & TAG_HEADING))
          && is_element_without_content (node))
        {
          xmlNode *next = next_node (node, TRUE);

          remove_node (node);
          node = next;
          continue;
        }
      if (flags & TAG_SCORE)
        g_ptr_array_add (to_score, node);

      if (has_tag (node, "div"))
        {
          xmlNode *p = NULL;
          xmlNode *child = node->children;

          /* wrap runs of inline content in paragraphs */
          while (child != NULL)
            {
              xmlNode *next_child = child->next;

              if (is_phrasing (child))
                {
                  if (p != NULL)
                    append_child (p, child);
                  else if (!is_whitespace_node (child))
                    {
                      p = xmlNewDocNode (ctx->doc, NULL, BAD_CAST "p", NULL);
                      replace_node (child, p);
                      append_child (p, child);
                    }
                }
              else if (p != NULL)
                {
                  while (p->last != NULL && is_whitespace_node (p->last))
                    remove_node (p->last);
                  p = NULL;
                }
              child = next_child;
            }

          if (has_single_tag_inside (node, "p") && link_density (node) < 0.25)
            {
              xmlNode *only = first_element_child (node);

              replace_node (node, only);
              xmlFreeNode (node);
              node = only;
              g_ptr_array_add (to_score, node);
            }
          else if (!has_child_block_element (node))
            {
              xmlNodeSetName (node, BAD_CAST "p");
              g_ptr_array_add (to_score, node);
            }
        }
      node = next_node (node, FALSE);
    }

  /* score paragraphs */
  for (i = 0; i < to_score->len; i++)
    {
      xmlNode *el = to_score->pdata[i];
      xmlNode *ancestor;
      guint commas = 0;
      gsize len;
      double score;
      int level;

      if (!is_element (el->parent))
        continue;
      len = inner_text_length (el, &commas);
      if (len < 25)
        continue;
      score = 1 + (commas + 1) + MIN (len / 100, 3);
      for (ancestor = el->parent, level = 0; level < 5 && ancestor != NULL;
           ancestor = ancestor->parent, level++)
        {
          NodeInfo *info;
          double divider;

          if (!is_element (ancestor) || !is_element (ancestor->parent))
            break;
          info = node_info (ancestor);
          if (info == NULL || info->score == G_MAXDOUBLE)
            {
              info = initialize_node (ctx, ancestor);
              g_ptr_array_add (candidates, ancestor);
            }
          divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
          info->score += score / divider;
        }
    }

  for (i = 0; i < candidates->len; i++)
    {
      xmlNode *candidate = candidates->pdata[i];
      NodeInfo *info = node_info (candidate);
      guint t;

      info->score *= 1 - link_density (candidate);
      for (t = 0; t < N_TOP_CANDIDATES; t++)
        {
          if (top[t] == NULL || info->score > node_info (top[t])->score)
            {
              memmove (top + t + 1, top + t, (N_TOP_CANDIDATES - t - 1) * sizeof (xmlNode *));
              top[t] = candidate;
              break;
            }
        }
    }

  top_candidate = top[0];
  if (top_candidate == NULL || has_tag (top_candidate, "body"))
    {
      xmlNode *child;

      top_candidate = xmlNewDocNode (ctx->doc, NULL, BAD_CAST "div", NULL);
      while ((child = body->children) != NULL)
        append_child (top_candidate, child);
      append_child (body, top_candidate);
      initialize_node (ctx, top_candidate);
    }
  else
    {
      GPtrArray *alternatives[N_TOP_CANDIDATES] = { NULL, };
      guint n_alt = 0;
      double last_score, score_threshold;

      for (i = 1; i < N_TOP_CANDIDATES && top[i] != NULL; i++)
        {
          if (node_info (top[i])->score / node_info (top_candidate)->score >= 0.75)
            {
              GPtrArray *ancestors = g_ptr_array_new ();

              for (node = top[i]->parent; is_element (node); node = node->parent)
                g_ptr_array_add (ancestors, node);
              alternatives[n_alt++] = ancestors;
            }
        }
      if (n_alt >= 3)
        {
          parent = top_candidate->parent;
          while (is_element (parent) && !has_tag (parent, "body"))
            {
              guint lists = 0, a;

              for (a = 0; a < n_alt && lists < 3; a++)
                {
                  guint k;

                  for (k = 0; k < alternatives[a]->len; k++)
                    if (alternatives[a]->pdata[k] == parent)
                      {
                        lists++;
                        break;
                      }
                }
              if (lists >= 3)
                {
                  top_candidate = parent;
                  break;
                }
              parent = parent->parent;
            }
        }
      for (i = 0; i < n_alt; i++)
        g_ptr_array_unref (alternatives[i]);
      if (!is_scored (top_candidate))
        {
          initialize_node (ctx, top_candidate);
        }

      /* climb while the parents score better */
      parent = top_candidate->parent;
      last_score = node_info (top_candidate)->score;
      score_threshold = last_score / 3;
      while (is_element (parent) && !has_tag (parent, "body"))
        {
          double parent_score;

          if (!is_scored (parent))
            {
              parent = parent->parent;
              continue;
            }
          parent_score = node_info (parent)->score;
          if (parent_score < score_threshold)
            break;
          if (parent_score > last_score)
            {
              top_candidate = parent;
              break;
            }
          last_score = parent_score;
          parent = parent->parent;
        }

      /* and through parents that hold nothing else */
      parent = top_candidate->parent;
      while (is_element (parent) && !has_tag (parent, "body")
             && count_element_children (parent) == 1)
        {
          top_candidate = parent;
          parent = top_candidate->parent;
        }
      if (!is_scored (top_candidate))
        initialize_node (ctx, top_candidate);
    }

  article = xmlNewDocNode (ctx->doc, NULL, BAD_CAST "div", NULL);
  threshold = MAX (10, node_info (top_candidate)->score * 0.2);
  parent = top_candidate->parent;
  if (!is_element (parent))
    {
      append_child (article, top_candidate);
    }
  else
    {
      const char *top_class = get_attr (top_candidate, "class");

      sibling = first_element_child (parent);
      while (sibling != NULL)
        {
          xmlNode *next_sibling = next_element_sibling (sibling);
          gboolean append = FALSE;

          if (sibling == top_candidate)
            append = TRUE;
          else
            {
              double bonus = 0;
              const char *sib_class = get_attr (sibling, "class");

              if (top_class != NULL && *top_class && g_strcmp0 (sib_class, top_class) == 0)
                bonus += node_info (top_candidate)->score * 0.2;
              if (is_scored (sibling) && node_info (sibling)->score + bonus >= threshold)
                append = TRUE;
              else if (has_tag (sibling, "p"))
                {
                  double density = link_density (sibling);
                  g_autofree char *content = inner_text (sibling);
                  glong len = g_utf8_strlen (content, -1);

                  if (len > 80 && density < 0.25)
                    append = TRUE;
                  else if (len < 80 && len > 0 && density == 0)
                    {
                      const char *dot = strchr (content, '.');

                      while (dot != NULL && !(dot[1] == ' ' || dot[1] == '\0'))
                        dot = strchr (dot + 1, '.');
                      append = dot != NULL;
                    }
                }
            }
          if (append)
            {
              if (!(tag_flags (sibling) & TAG_KEEP_TAG))
                xmlNodeSetName (sibling, BAD_CAST "div");
              append_child (article, sibling);
            }
          sibling = next_sibling;
        }
    }

  prep_article (ctx, article);
  return article;
}

/* Text output */

typedef struct
{
  GString  *out;
  GString  *para;
  gboolean  pending_space;
  gboolean  bullet;
} Renderer;

static void
flush_paragraph (Renderer *r)
{
  if (r->para->len > 0)
    {
      if (r->out->len > 0)
        g_string_append (r->out, "\n\n");
      if (r->bullet)
        g_string_append (r->out, "• ");
      r->bullet = FALSE;
      g_string_append_len (r->out, r->para->str, r->para->len);
      g_string_truncate (r->para, 0);
    }
  r->pending_space = FALSE;
}

static void
render_pre_text (Renderer   *r,
                 const char *text)
{
  const char *line = text;

  while (line != NULL && *line)
    {
      const char *nl = strchr (line, '\n');
      g_autofree char *piece = g_strndup (line, nl ? (gsize) (nl - line) : strlen (line));

      append_collapsed (r->para, piece, &r->pending_space);
      if (nl == NULL)
        break;
      flush_paragraph (r);
      line = nl + 1;
    }
}

static void
leave_element (Renderer *r,
               xmlNode  *node,
               guint    *pre_depth)
{
  guint flags = tag_flags (node);

  if (!is_element (node) || (flags & TAG_SKIP_TEXT))
    return;
  if (has_tag (node, "pre") && *pre_depth > 0)
    (*pre_depth)--;
  if (flags & TAG_BLOCK)
    flush_paragraph (r);
}

/* Plain text of the subtree at @root: blocks become paragraphs separated
 * by one blank line, white space collapsed inside them. */
static char *
render_text (xmlNode *root)
{
  Renderer r = { g_string_new (NULL), g_string_new (NULL), FALSE, FALSE };
  xmlNode *node;
  guint pre_depth = 0;

  node = root->children;
  while (node != NULL)
    {
      guint flags = tag_flags (node);

      if (is_text (node) && node->content != NULL)
        {
          if (pre_depth > 0)
            render_pre_text (&r, (const char *) node->content);
          else
            append_collapsed (r.para, (const char *) node->content, &r.pending_space);
        }
      else if (is_element (node) && !(flags & TAG_SKIP_TEXT))
        {
          if (has_tag (node, "br") || (flags & TAG_BLOCK))
            flush_paragraph (&r);
          if (has_tag (node, "li"))
            r.bullet = TRUE;
          if (has_tag (node, "pre"))
            pre_depth++;
          else if (has_tag (node, "td") || has_tag (node, "th"))
            r.pending_space = TRUE;
          if (node->children != NULL)
            {
              node = node->children;
              continue;
            }
        }
      /* leave this node and every ancestor that has no next sibling */
      for (;;)
        {
          leave_element (&r, node, &pre_depth);
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
          if (node == NULL || node == root)
            {
              node = NULL;
              break;
            }
        }
    }
  flush_paragraph (&r);
  g_string_free (r.para, TRUE);
  return g_string_free (r.out, FALSE);
}

/* Metadata */

static char *
unescape_entities (const char *s)
{
  GString *out;
  const char *p;

  if (s == NULL)
    return NULL;
  if (strchr (s, '&') == NULL)
    return g_strdup (s);
  out = g_string_new (NULL);
  for (p = s; *p; )
    {
      if (*p == '&')
        {
          static const struct { const char *name; const char *value; } named[] = {
            { "&quot;", "\"" }, { "&amp;", "&" }, { "&apos;", "'" },
            { "&lt;", "<" }, { "&gt;", ">" }, { "&nbsp;", " " },
          };
          gboolean done = FALSE;
          guint i;

          for (i = 0; i < G_N_ELEMENTS (named) && !done; i++)
            if (g_str_has_prefix (p, named[i].name))
              {
                g_string_append (out, named[i].value);
                p += strlen (named[i].name);
                done = TRUE;
              }
          if (!done && p[1] == '#')
            {
              const char *q = p + 2;
              gboolean hex = (*q == 'x' || *q == 'X');
              gunichar c = 0;
              int digits = 0;

              if (hex)
                q++;
              while (*q && (hex ? g_ascii_isxdigit (*q) : g_ascii_isdigit (*q)) && digits < 8)
                {
                  c = c * (hex ? 16 : 10) + (hex ? g_ascii_xdigit_value (*q) : *q - '0');
                  q++;
                  digits++;
                }
              if (digits > 0 && *q == ';')
                {
                  if (c == 0 || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
                    c = 0xFFFD;
                  g_string_append_unichar (out, c);
                  p = q + 1;
                  done = TRUE;
                }
            }
          if (done)
            continue;
        }
      g_string_append_c (out, *p);
      p++;
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_jsonld_article_type (const char *type)
{
  static const char * const types[] = {
    "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
    "AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle",
    "ReportageNewsArticle", "ReviewNewsArticle", "Report", "SatiricalArticle",
    "ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting",
    "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting", "TechArticle", NULL
  };

  if (type == NULL)
    return FALSE;
  if (g_str_has_prefix (type, "Article") || g_str_has_suffix (type, "APIReference"))
    return TRUE;
  return contains_any (type, types);
}

static const char *
json_member_string (JsonObject *object,
                    const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
json_member_object (JsonObject *object,
                    const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;
  node = json_object_get_member (object, name);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return json_node_get_object (node);
}

static gboolean
is_schema_org (const char *context)
{
  return context != NULL
         && (g_str_has_prefix (context, "http://schema.org") || g_str_has_prefix (context, "https://schema.org"))
         && (strchr (context + 8, '/') == NULL || g_str_has_suffix (context, "schema.org/"));
}

static char *
strip_dup (const char *s)
{
  return s ? g_strstrip (g_strdup (s)) : NULL;
}

static void
read_jsonld (xmlNode    *root,
             const char *doc_title,
             JsonLd     *out)
{
  xmlNode *node;

  for (node = root; node != NULL; node = next_in_subtree (node, root, FALSE))
    {
      g_autoptr(JsonParser) parser = NULL;
      g_autofree char *content = NULL;
      JsonNode *json;
      JsonObject *object = NULL;
      JsonObject *ctx_obj;
      const char *type;
      const char *context;
      const char *name, *headline, *date;
      JsonObject *publisher;
      char *start, *end;

      if (!has_tag (node, "script") || g_strcmp0 (get_attr (node, "type"), "application/ld+json") != 0)
        continue;
      content = (char *) xmlNodeGetContent (node);
      if (content == NULL)
        continue;
      start = content;
      while (g_ascii_isspace (*start))
        start++;
      if (g_str_has_prefix (start, "<![CDATA["))
        start += 9;
      end = start + strlen (start);
      while (end > start && g_ascii_isspace (end[-1]))
        end--;
      if (end - start >= 3 && strncmp (end - 3, "]]>", 3) == 0)
        end -= 3;
      *end = '\0';

      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, start, -1, NULL))
        continue;
      json = json_parser_get_root (parser);
      if (json == NULL)
        continue;
      if (JSON_NODE_HOLDS_ARRAY (json))
        {
          JsonArray *array = json_node_get_array (json);
          guint i;

          for (i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *item = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_OBJECT (item)
                  && is_jsonld_article_type (json_member_string (json_node_get_object (item), "@type")))
                {
                  object = json_node_get_object (item);
                  break;
                }
            }
          if (object == NULL)
            continue;
        }
      else if (JSON_NODE_HOLDS_OBJECT (json))
        object = json_node_get_object (json);
      else
        continue;

      context = json_member_string (object, "@context");
      ctx_obj = json_member_object (object, "@context");
      if (!is_schema_org (context)
          && !(ctx_obj != NULL && is_schema_org (json_member_string (ctx_obj, "@vocab"))))
        continue;

      type = json_member_string (object, "@type");
      if (type == NULL && json_object_has_member (object, "@graph")
          && JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "@graph")))
        {
          JsonArray *graph = json_object_get_array_member (object, "@graph");
          guint i;

          object = NULL;
          for (i = 0; i < json_array_get_length (graph); i++)
            {
              JsonNode *item = json_array_get_element (graph, i);

              if (JSON_NODE_HOLDS_OBJECT (item)
                  && is_jsonld_article_type (json_member_string (json_node_get_object (item), "@type")))
                {
                  object = json_node_get_object (item);
                  break;
                }
            }
          if (object == NULL)
            continue;
          type = json_member_string (object, "@type");
        }
      if (!is_jsonld_article_type (type))
        continue;

      name = json_member_string (object, "name");
      headline = json_member_string (object, "headline");
      if (name != NULL && headline != NULL && strcmp (name, headline) != 0)
        {
          gboolean name_matches = text_similarity (name, doc_title) > 0.75;
          gboolean headline_matches = text_similarity (headline, doc_title) > 0.75;

          out->title = strip_dup (headline_matches && !name_matches ? headline : name);
        }
      else if (name != NULL)
        out->title = strip_dup (name);
      else if (headline != NULL)
        out->title = strip_dup (headline);

      if (json_object_has_member (object, "author"))
        {
          JsonNode *author = json_object_get_member (object, "author");

          if (JSON_NODE_HOLDS_OBJECT (author))
            out->byline = strip_dup (json_member_string (json_node_get_object (author), "name"));
          else if (JSON_NODE_HOLDS_ARRAY (author))
            {
              JsonArray *authors = json_node_get_array (author);
              GString *names = g_string_new (NULL);
              guint i;

              for (i = 0; i < json_array_get_length (authors); i++)
                {
                  JsonNode *item = json_array_get_element (authors, i);
                  const char *author_name;

                  if (!JSON_NODE_HOLDS_OBJECT (item))
                    continue;
                  author_name = json_member_string (json_node_get_object (item), "name");
                  if (author_name == NULL)
                    continue;
                  if (names->len > 0)
                    g_string_append (names, ", ");
                  g_string_append (names, author_name);
                  g_strstrip (names->str);
                  names->len = strlen (names->str);
                }
              if (names->len > 0)
                out->byline = g_string_free (names, FALSE);
              else
                g_string_free (names, TRUE);
            }
        }
      publisher = json_member_object (object, "publisher");
      if (publisher != NULL)
        out->site_name = strip_dup (json_member_string (publisher, "name"));
      date = json_member_string (object, "datePublished");
      if (date != NULL)
        out->published = strip_dup (date);
      return;
    }
}

static int
word_count (const char *s)
{
  int n = 1;
  gboolean in_space = FALSE;

  for (; *s; s++)
    {
      if (g_ascii_isspace (*s))
        {
          if (!in_space)
            n++;
          in_space = TRUE;
        }
      else
        in_space = FALSE;
    }
  return n;
}

/* Returns the byte length of a title separator (" | ", " - ", " – " …)
 * at @p, or 0. */
static int
separator_at (const char *p,
              gboolean    hierarchical_only)
{
  static const char * const hier[] = { "\\", "/", ">", "»", NULL };
  static const char * const flat[] = { "|", "-", "–", "—", NULL };
  int i;

  if (p[0] != ' ')
    return 0;
  for (i = 0; hier[i] != NULL; i++)
    {
      gsize len = strlen (hier[i]);

      if (strncmp (p + 1, hier[i], len) == 0 && p[1 + len] == ' ')
        return len + 2;
    }
  if (hierarchical_only)
    return 0;
  for (i = 0; flat[i] != NULL; i++)
    {
      gsize len = strlen (flat[i]);

      if (strncmp (p + 1, flat[i], len) == 0 && p[1 + len] == ' ')
        return len + 2;
    }
  return 0;
}

static gboolean
is_separator_char (const char *p,
                   int        *len)
{
  static const char * const seps[] = { "|", "-", "\\", "/", ">", "»", "–", "—", NULL };
  int i;

  for (i = 0; seps[i] != NULL; i++)
    if (strncmp (p, seps[i], strlen (seps[i])) == 0)
      {
        *len = strlen (seps[i]);
        return TRUE;
      }
  return FALSE;
}

static char *
title_from_document (xmlNode *root)
{
  xmlNode *title_node = find_first_tag (root, "title");
  g_autofree char *orig = NULL;
  char *cur;
  gboolean had_hierarchical = FALSE;
  const char *p;
  int n;

  orig = title_node ? inner_text (title_node) : g_strdup ("");
  cur = g_strdup (orig);

  {
    const char *last = NULL;

    for (p = orig; *p; )
      {
        int len = separator_at (p, FALSE);

        if (len > 0)
          {
            if (separator_at (p, TRUE))
              had_hierarchical = TRUE;
            last = p;
            p += len;
          }
        else
          p++;
      }
    if (last != NULL)
      {
        g_free (cur);
        cur = g_strndup (orig, last - orig);
        if (word_count (cur) < 3)
          {
            int len = 0;

            for (p = orig; *p && !is_separator_char (p, &len); p++)
              ;
            g_free (cur);
            cur = g_strdup (*p ? p + len : orig);
          }
      }
    else if (strstr (cur, ": ") != NULL)
      {
        gboolean match = FALSE;
        xmlNode *node;

        for (node = root; node != NULL && !match; node = next_in_subtree (node, root, FALSE))
          {
            if (has_tag (node, "h1") || has_tag (node, "h2"))
              {
                g_autofree char *text = inner_text (node);

                match = strcmp (text, cur) == 0;
              }
          }
        if (!match)
          {
            const char *colon = strrchr (orig, ':');
            char *candidate = g_strdup (colon + 1);

            if (word_count (candidate) < 3)
              {
                g_free (candidate);
                candidate = g_strdup (strchr (orig, ':') + 1);
              }
            else
              {
                g_autofree char *before = g_strndup (orig, strchr (orig, ':') - orig);

                if (word_count (before) > 5)
                  {
                    g_free (candidate);
                    candidate = g_strdup (orig);
                  }
              }
            g_free (cur);
            cur = candidate;
          }
      }
    else if (g_utf8_strlen (cur, -1) > 150 || g_utf8_strlen (cur, -1) < 15)
      {
        xmlNode *node;
        xmlNode *h1 = NULL;
        guint count = 0;

        for (node = root; node != NULL; node = next_in_subtree (node, root, FALSE))
          if (has_tag (node, "h1"))
            {
              h1 = node;
              count++;
            }
        if (count == 1)
          {
            g_free (cur);
            cur = inner_text (h1);
          }
      }
  }

  {
    char *collapsed = collapse_string (cur);

    g_free (cur);
    cur = collapsed;
  }
  n = word_count (cur);
  if (n <= 4)
    {
      GString *stripped = g_string_new (NULL);
      int len;

      for (p = orig; *p; )
        {
          if (is_separator_char (p, &len))
            p += len;
          else
            g_string_append_c (stripped, *p++);
        }
      if (!had_hierarchical || n != word_count (stripped->str) - 1)
        {
          g_free (cur);
          cur = g_strdup (orig);
        }
      g_string_free (stripped, TRUE);
    }
  return cur;
}

typedef struct
{
  GHashTable *values;   /* Readability-style keys: "og:title", "author" … */
  GHashTable *all;      /* every meta name/property/itemprop, lowercased */
} MetaTags;

/* Finds "<prefix>:<name>" anywhere in a property value (white space
 * allowed around the colon), e.g. "article:author" in "og:article:author". */
static gboolean
match_property (const char *property,
                char      **key)
{
  static const char * const prefixes[] = { "article", "dc", "dcterm", "og", "twitter", NULL };
  static const char * const names[] = {
    "author", "creator", "description", "published_time", "title", "site_name", NULL
  };
  g_autofree char *lower = g_ascii_strdown (property, -1);
  const char *p;

  for (p = lower; *p; p++)
    {
      guint i, j;

      for (i = 0; prefixes[i] != NULL; i++)
        {
          const char *q;

          if (!g_str_has_prefix (p, prefixes[i]))
            continue;
          q = p + strlen (prefixes[i]);
          while (g_ascii_isspace (*q))
            q++;
          if (*q != ':')
            continue;
          q++;
          while (g_ascii_isspace (*q))
            q++;
          for (j = 0; names[j] != NULL; j++)
            if (g_str_has_prefix (q, names[j]))
              {
                *key = g_strconcat (prefixes[i], ":", names[j], NULL);
                return TRUE;
              }
        }
    }
  return FALSE;
}

static gboolean
match_name (const char *name,
            char      **key)
{
  static const char * const prefixes[] = {
    "dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage", NULL
  };
  static const char * const names[] = {
    "author", "creator", "pub-date", "description", "title", "site_name", NULL
  };
  g_autofree char *lower = g_strstrip (g_ascii_strdown (name, -1));
  guint i, j;

  for (j = 0; names[j] != NULL; j++)
    {
      gsize nlen = strlen (names[j]);
      gsize len = strlen (lower);

      if (len < nlen || strcmp (lower + len - nlen, names[j]) != 0)
        continue;
      if (len == nlen)
        {
          *key = g_strdup (lower);
          return TRUE;
        }
      {
        char sep = lower[len - nlen - 1];
        g_autofree char *prefix = NULL;

        if (sep != '-' && sep != '.' && sep != ':')
          continue;
        prefix = g_strndup (lower, len - nlen - 1);
        g_strstrip (prefix);
        for (i = 0; prefixes[i] != NULL; i++)
          if (strcmp (prefix, prefixes[i]) == 0)
            {
              char *k = g_strconcat (prefix, "-", names[j], NULL), *c;

              /* the key keeps the separator as written, dots become colons */
              k[strlen (prefix)] = sep == '.' ? ':' : sep;
              for (c = k; *c; c++)
                if (*c == '.')
                  *c = ':';
              *key = k;
              return TRUE;
            }
      }
    }
  return FALSE;
}

static void
read_meta_tags (xmlNode  *root,
                MetaTags *meta)
{
  xmlNode *node;

  for (node = root; node != NULL; node = next_in_subtree (node, root, FALSE))
    {
      const char *name, *property, *content, *itemprop, *http_equiv;
      char *key = NULL;

      if (!has_tag (node, "meta"))
        continue;
      content = get_attr (node, "content");
      if (content == NULL || *content == '\0')
        continue;
      name = get_attr (node, "name");
      property = get_attr (node, "property");
      itemprop = get_attr (node, "itemprop");
      http_equiv = get_attr (node, "http-equiv");

      if (property != NULL && match_property (property, &key))
        g_hash_table_replace (meta->values, key, strip_dup (content));
      else if (name != NULL && match_name (name, &key))
        g_hash_table_replace (meta->values, key, strip_dup (content));

      if (name != NULL && !g_hash_table_contains (meta->all, name))
        g_hash_table_insert (meta->all, g_ascii_strdown (name, -1), strip_dup (content));
      if (property != NULL)
        g_hash_table_insert (meta->all, g_ascii_strdown (property, -1), strip_dup (content));
      if (itemprop != NULL)
        g_hash_table_insert (meta->all, g_strconcat ("itemprop:", itemprop, NULL), strip_dup (content));
      if (http_equiv != NULL)
        g_hash_table_insert (meta->all, g_strconcat ("http-equiv:", http_equiv, NULL), strip_dup (content));
    }
}

static const char *
first_value (GHashTable         *table,
             const char * const *keys)
{
  for (; *keys != NULL; keys++)
    {
      const char *v = g_hash_table_lookup (table, *keys);

      if (v != NULL && *v)
        return v;
    }
  return NULL;
}

static gboolean
is_url (const char *s)
{
  return s != NULL && (g_str_has_prefix (s, "http://") || g_str_has_prefix (s, "https://"));
}

static char *
clean_byline (const char *raw)
{
  g_autofree char *text = NULL;
  char *p;

  if (raw == NULL)
    return NULL;
  text = collapse_string (raw);
  p = text;
  if (g_ascii_strncasecmp (p, "by", 2) == 0 && (p[2] == ' ' || p[2] == ':'))
    {
      p += 2;
      while (*p == ' ' || *p == ':')
        p++;
    }
  if (*p == '\0')
    return NULL;
  return g_strdup (p);
}

/* Dates */

static gboolean
date_from_text (const char  *text,
                gboolean     iso_first,
                DossierDate *out)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  if (iso_first && dossier_date_from_iso (text, out))
    return TRUE;
  return dossier_date_parse (text, out);
}

static void
find_date (xmlNode          *root,
           const JsonLd     *jsonld,
           MetaTags         *meta,
           const char       *url,
           DossierExtracted *result)
{
  static const char * const meta_keys[] = {
    "article:published_time", "parsely-pub-date", "itemprop:datePublished",
    "og:published_time", "published_time", "article.published", "date",
    "dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "dcterms.created",
    "pubdate", "publishdate", "publish-date", "publish_date", "sailthru.date",
    "datepublished", "article:published", "citation_publication_date",
    "citation_date", NULL
  };
  DossierDate date = DOSSIER_DATE_INIT;
  xmlNode *node;
  xmlNode *first_time = NULL;
  guint i;

  if (jsonld->published != NULL && date_from_text (jsonld->published, TRUE, &date))
    goto found_meta;
  for (i = 0; meta_keys[i] != NULL; i++)
    {
      const char *v = g_hash_table_lookup (meta->values, meta_keys[i]);

      if (v == NULL)
        v = g_hash_table_lookup (meta->all, meta_keys[i]);
      if (v != NULL && date_from_text (v, TRUE, &date))
        goto found_meta;
    }
  /* <time datetime> marked as the publication date first, then any */
  for (node = root; node != NULL; node = next_in_subtree (node, root, FALSE))
    {
      const char *datetime;

      if (!has_tag (node, "time"))
        continue;
      datetime = get_attr (node, "datetime");
      if (get_attr (node, "pubdate") != NULL
          || g_strcmp0 (get_attr (node, "itemprop"), "datePublished") == 0)
        {
          if (datetime != NULL && date_from_text (datetime, TRUE, &date))
            goto found_meta;
        }
      if (first_time == NULL && datetime != NULL && *datetime)
        first_time = node;
    }
  if (first_time != NULL && date_from_text (get_attr (first_time, "datetime"), TRUE, &date))
    goto found_meta;

  /* a visible dateline: short elements whose class names a date */
  for (node = root; node != NULL; node = next_in_subtree (node, root, FALSE))
    {
      g_autofree char *match = NULL;
      g_autofree char *text = NULL;

      if (!is_element (node) || has_tag (node, "html") || has_tag (node, "body"))
        continue;
      match = match_string (node);
      if (strstr (match, "date") == NULL && strstr (match, "time") == NULL
          && strstr (match, "publish") == NULL && strstr (match, "byline") == NULL)
        continue;
      if (inner_text_length (node, NULL) > 120)
        continue;
      text = inner_text (node);
      if (dossier_date_parse (text, &date))
        {
          result->published = date;
          result->date_origin = DOSSIER_DATE_ORIGIN_TEXT;
          return;
        }
    }

  if (url != NULL && dossier_date_from_url (url, &date))
    {
      result->published = date;
      result->date_origin = DOSSIER_DATE_ORIGIN_URL;
    }
  return;

found_meta:
  result->published = date;
  result->date_origin = DOSSIER_DATE_ORIGIN_METADATA;
}

static char *
find_canonical_url (xmlNode  *root,
                    MetaTags *meta)
{
  xmlNode *node;
  const char *og;

  for (node = root; node != NULL; node = next_in_subtree (node, root, FALSE))
    {
      const char *rel;
      const char *href;

      if (!has_tag (node, "link"))
        continue;
      rel = get_attr (node, "rel");
      href = get_attr (node, "href");
      if (rel != NULL && g_ascii_strcasecmp (rel, "canonical") == 0 && is_url (href))
        return g_strstrip (g_strdup (href));
    }
  og = g_hash_table_lookup (meta->all, "og:url");
  if (is_url (og))
    return g_strdup (og);
  return NULL;
}

static char *
find_language (xmlNode  *root,
               MetaTags *meta)
{
  const char *lang = get_attr (root, "lang");
  const char *v;

  if (lang == NULL || *lang == '\0')
    lang = get_attr (root, "xml:lang");
  if (lang != NULL && *lang)
    return g_strstrip (g_strdup (lang));
  v = g_hash_table_lookup (meta->all, "http-equiv:content-language");
  if (v == NULL)
    v = g_hash_table_lookup (meta->all, "http-equiv:Content-Language");
  if (v == NULL)
    v = g_hash_table_lookup (meta->all, "content-language");
  if (v == NULL)
    v = g_hash_table_lookup (meta->all, "language");
  if (v != NULL && *v)
    {
      char *copy = g_strstrip (g_strdup (v));
      char *comma = strchr (copy, ',');

      if (comma != NULL)
        *comma = '\0';
      return copy;
    }
  v = g_hash_table_lookup (meta->all, "og:locale");
  if (v != NULL && *v)
    {
      char *copy = g_strdup (v);

      g_strdelimit (copy, "_", '-');
      return copy;
    }
  return NULL;
}

/* Final text clean-up: NFC, valid UTF-8 */

static char *
finish_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  const guchar *p;
  char *nfc;

  /* text below U+0300 (no byte from 0xCC up) is already in NFC */
  for (p = (const guchar *) valid; *p && *p < 0xCC; p++)
    ;
  if (*p == '\0')
    return g_steal_pointer (&valid);
  nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
  return nfc ? nfc : g_steal_pointer (&valid);
}

/* DOCTYPE internal subsets
 *
 * "<!DOCTYPE html [ <!ENTITY x "…"> ]>" declares entities, but a page is no
 * XML document: its subset is no text of the page, and none of its entities
 * may ever be expanded.  libxml2's HTML parser ends the DOCTYPE at its first
 * ">" and takes the rest of the subset for text, so the subsets are cut out
 * of the page before it is parsed.  Every scan below moves forward or stops
 * the whole search: the work is linear in the size of the page. */

/* After the string quoted by *@p, or NULL when it is never closed. */
static const char *
skip_quoted (const char *p,
             const char *end)
{
  const char *close = memchr (p + 1, *p, end - p - 1);

  return close != NULL ? close + 1 : NULL;
}

/* After the first @needle from @p, or NULL. */
static const char *
skip_past (const char *p,
           const char *end,
           const char *needle)
{
  const char *found = memmem (p, end - p, needle, strlen (needle));

  return found != NULL ? found + strlen (needle) : NULL;
}

/* @p is just after the "[" that opens a subset: returns where the subset
 * ends, after its "]>" when it has one, else before the first thing that is
 * no markup declaration.  Sets @exhausted when a scan ran to the end of the
 * page without finding what it looked for. */
static const char *
skip_internal_subset (const char  *p,
                      const char  *end,
                      gboolean    *exhausted)
{
  while (p < end)
    {
      const char *next = NULL;

      if (g_ascii_isspace (*p))
        {
          p++;
          continue;
        }
      if (*p == ']')
        {
          p++;
          while (p < end && g_ascii_isspace (*p))
            p++;
          if (p < end && *p == '>')
            p++;
          return p;
        }
      if (*p == '%')
        {
          /* a parameter-entity reference, "%name;" */
          const char *q = p + 1;

          while (q < end && (g_ascii_isalnum (*q) || *q == '_' || *q == '-' || *q == '.'
                             || *q == ':' || (guchar) *q >= 0x80))
            q++;
          if (q > p + 1 && q < end && *q == ';')
            next = q + 1;
        }
      else if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          next = skip_past (p + 4, end, "-->");
          *exhausted = next == NULL;
        }
      else if (end - p >= 2 && memcmp (p, "<?", 2) == 0)
        {
          next = skip_past (p + 2, end, "?>");
          *exhausted = next == NULL;
        }
      else if (end - p >= 3 && p[0] == '<' && p[1] == '!' && g_ascii_isalpha (p[2]))
        {
          /* <!ENTITY …>, <!ELEMENT …>, <!ATTLIST …>, <!NOTATION …> */
          const char *q = p + 2;

          while (q != NULL && q < end && *q != '>')
            q = *q == '"' || *q == '\'' ? skip_quoted (q, end) : q + 1;
          if (q != NULL && q < end)
            next = q + 1;
          else
            *exhausted = TRUE;
        }
      if (next == NULL)
        break;            /* never closed: the subset ends here */
      p = next;
    }
  return p;
}

/* A copy of the page without the internal subsets of its DOCTYPEs (wherever
 * they stand), or NULL when it has none. */
static char *
strip_doctype_subsets (const char *html,
                       gsize       len,
                       gsize      *out_len)
{
  const char *end = html + len;
  const char *p = html;
  const char *copied = html;
  gboolean exhausted = FALSE;
  GString *out = NULL;

  while (!exhausted && (p = memchr (p, '<', end - p)) != NULL)
    {
      const char *q;

      if (end - p < 9 || p[1] != '!' || g_ascii_strncasecmp (p + 2, "DOCTYPE", 7) != 0)
        {
          p++;
          continue;
        }
      /* the name and the public and system identifiers, up to ">" or "[" */
      q = p + 9;
      while (q != NULL && q < end && *q != '>' && *q != '[')
        q = *q == '"' || *q == '\'' ? skip_quoted (q, end) : q + 1;
      if (q == NULL || q >= end)
        break;
      if (*q == '>')
        {
          p = q + 1;
          continue;
        }
      if (out == NULL)
        out = g_string_sized_new (len);
      g_string_append_len (out, copied, q - copied);
      g_string_append_c (out, '>');
      p = copied = skip_internal_subset (q + 1, end, &exhausted);
    }
  if (out == NULL)
    return NULL;
  g_string_append_len (out, copied, end - copied);
  *out_len = out->len;
  return g_string_free (out, FALSE);
}

/* Void elements never have content.  libxml2's HTML parser knows the HTML 4
 * ones (br, img, hr, param …) but takes embed, source, track, wbr and keygen
 * for containers: whatever follows one, up to the end of its parent, becomes
 * its children, and goes wherever the element goes (an <embed> is dropped
 * with what it holds). */
static gboolean
is_void_element (const xmlNode *node)
{
  static const char * const names[] = {
    "area", "base", "basefont", "bgsound", "br", "col", "command", "embed", "frame",
    "hr", "image", "img", "input", "isindex", "keygen", "link", "meta", "param",
    "source", "track", "wbr",
  };
  gsize i;

  for (i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp ((const char *) node->name, names[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Moves the children of every void element out to follow it, in order. */
static void
hoist_void_children (xmlNode *root)
{
  xmlNode *node = root;

  while (node != NULL)
    {
      if (node->type == XML_ELEMENT_NODE && node->children != NULL
          && node->parent != NULL && is_void_element (node))
        {
          xmlNode *first = node->children;
          xmlNode *last = node->last;
          xmlNode *child;

          for (child = first; child != NULL; child = child->next)
            child->parent = node->parent;
          last->next = node->next;
          if (node->next != NULL)
            node->next->prev = last;
          else
            node->parent->last = last;
          first->prev = node;
          node->next = first;
          node->children = node->last = NULL;
        }
      /* the hoisted children come next, so nested ones are seen too */
      node = next_in_subtree (node, root, FALSE);
    }
}

static htmlDocPtr
parse_html (const char *utf8,
            gsize       len)
{
  /* no HTML_PARSE_NOENT or DTD loading: entities are never expanded and
   * nothing is fetched */
  int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                | HTML_PARSE_NONET | HTML_PARSE_COMPACT;
  htmlDocPtr doc;
  xmlNode *root;

  if (len > G_MAXINT)
    len = G_MAXINT;
  doc = htmlReadMemory (utf8, (int) len, NULL, "UTF-8", options);
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root != NULL)
    hoist_void_children (root);
  return doc;
}

static void
ctx_clear_attempt (Ctx *ctx)
{
  g_clear_pointer (&ctx->infos, g_ptr_array_unref);
  g_clear_pointer (&ctx->doc, xmlFreeDoc);
}

/* Runs the content finder, relaxing the filters until enough text is found.
 * Returns the body text or NULL. */
static char *
extract_body (Ctx        *ctx,
              htmlDocPtr  first_doc,
              const char *utf8,
              gsize       len)
{
  static const guint attempts[] = {
    FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY,
    FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY,
    FLAG_CLEAN_CONDITIONALLY,
    0,
  };
  char *best = NULL;
  gsize best_len = 0;
  double best_density = 0;
  guint a;

  for (a = 0; a < G_N_ELEMENTS (attempts); a++)
    {
      xmlNode *article;
      gsize text_len;

      ctx->flags = attempts[a];
      /* the first attempt works on the document the metadata came from */
      ctx->doc = a == 0 ? first_doc : parse_html (utf8, len);
      if (ctx->doc == NULL)
        break;
      ctx->infos = g_ptr_array_new_with_free_func (g_free);
      prep_document (ctx->doc);
      article = grab_article (ctx);
      if (article == NULL)
        {
          ctx_clear_attempt (ctx);
          break;
        }
      text_len = inner_text_length (article, NULL);
      if (text_len >= CHAR_THRESHOLD || best == NULL || text_len > best_len)
        {
          g_free (best);
          best = render_text (article);
          best_len = text_len;
          best_density = link_density (article);
        }
      xmlFreeNode (article);
      ctx_clear_attempt (ctx);
      if (text_len >= CHAR_THRESHOLD)
        break;
    }
  /* a little text that is mostly links is a menu, not an article */
  if (best != NULL && best_len < CHAR_THRESHOLD && best_density > 0.5)
    g_clear_pointer (&best, g_free);
  return best;
}

DossierExtracted *
dossier_html_extract (const char  *utf8,
                      gsize        len,
                      const char  *filename,
                      GError     **error)
{
  g_autoptr(DossierExtracted) result = NULL;
  Ctx ctx = { NULL, };
  JsonLd jsonld = { NULL, };
  MetaTags meta;
  htmlDocPtr doc;
  xmlNode *root;
  g_autofree char *doc_title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *unsubset = NULL;
  gsize unsubset_len = 0;
  const char *v;

  g_return_val_if_fail (utf8 != NULL || len == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  init_tag_table ();
  if (filename == NULL)
    filename = "page";
  if ((unsubset = strip_doctype_subsets (utf8, len, &unsubset_len)) != NULL)
    {
      utf8 = unsubset;
      len = unsubset_len;
    }

  doc = parse_html (utf8, len);
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                   _("“%s” has no article text: the page is empty"), filename);
      return NULL;
    }

  result = dossier_extracted_new ();
  meta.values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  meta.all = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  read_meta_tags (root, &meta);
  doc_title = title_from_document (root);
  read_jsonld (root, doc_title, &jsonld);

  /* title */
  {
    static const char * const keys[] = {
      "dc:title", "dcterm:title", "og:title", "weibo:article:title",
      "weibo:webpage:title", "title", "twitter:title", "parsely-title", NULL
    };
    const char *title = jsonld.title;

    if (title == NULL || *title == '\0')
      title = first_value (meta.values, keys);
    if (title != NULL && *title)
      {
        g_autofree char *unescaped = unescape_entities (title);

        ctx.title = collapse_string (unescaped);
      }
    else
      ctx.title = g_strdup (doc_title);
  }

  /* byline */
  {
    static const char * const keys[] = {
      "dc:creator", "dcterm:creator", "author", "parsely-author", NULL
    };
    const char *byline = jsonld.byline;

    if (byline == NULL || *byline == '\0')
      byline = first_value (meta.values, keys);
    if (byline == NULL || *byline == '\0')
      {
        v = g_hash_table_lookup (meta.values, "article:author");
        if (v != NULL && *v && !is_url (v))
          byline = v;
      }
    if (byline != NULL && *byline)
      ctx.meta_byline = unescape_entities (byline);
  }

  result->url = find_canonical_url (root, &meta);
  result->language = find_language (root, &meta);
  /* attribute values come as they were in the page */
  if (result->url != NULL && !g_utf8_validate (result->url, -1, NULL))
    g_clear_pointer (&result->url, g_free);
  if (result->language != NULL && !g_utf8_validate (result->language, -1, NULL))
    g_clear_pointer (&result->language, g_free);

  /* site name */
  v = jsonld.site_name;
  if (v == NULL || *v == '\0')
    v = g_hash_table_lookup (meta.values, "og:site_name");
  if (v == NULL || *v == '\0')
    v = g_hash_table_lookup (meta.all, "application-name");
  if (v != NULL && *v)
    {
      g_autofree char *unescaped = unescape_entities (v);

      result->source = collapse_string (unescaped);
    }

  find_date (root, &jsonld, &meta, result->url, result);

  /* the content finder takes the document over and changes it */
  body = extract_body (&ctx, g_steal_pointer (&doc), utf8, len);
  root = NULL;
  if (result->date_origin == DOSSIER_DATE_ORIGIN_NONE
      || result->date_origin == DOSSIER_DATE_ORIGIN_URL)
    {
      DossierDate date = DOSSIER_DATE_INIT;

      if ((ctx.dateline != NULL && dossier_date_parse (ctx.dateline, &date))
          || (ctx.dom_byline != NULL && dossier_date_parse (ctx.dom_byline, &date)))
        {
          result->published = date;
          result->date_origin = DOSSIER_DATE_ORIGIN_TEXT;
        }
    }

  result->byline = clean_byline (ctx.meta_byline ? ctx.meta_byline : ctx.dom_byline);
  result->title = finish_text (ctx.title ? ctx.title : "");

  g_clear_pointer (&doc, xmlFreeDoc);
  g_free (jsonld.title);
  g_free (jsonld.byline);
  g_free (jsonld.site_name);
  g_free (jsonld.published);
  g_hash_table_unref (meta.values);
  g_hash_table_unref (meta.all);
  g_free (ctx.title);
  g_free (ctx.meta_byline);
  g_free (ctx.dom_byline);
  g_free (ctx.dateline);

  if (body == NULL || *body == '\0')
    {
      g_set_error (error, DOSSIER_IMPORT_ERROR, DOSSIER_IMPORT_ERROR_EMPTY,
                   _("“%s” has no article text"), filename);
      return NULL;
    }
  result->body = finish_text (body);
  if (result->title[0] == '\0')
    {
      /* the first line of the text stands in for a missing title */
      const char *end = strstr (result->body, "\n\n");
      gsize n = end ? (gsize) (end - result->body) : strlen (result->body);

      g_free (result->title);
      if (n > 120)
        {
          const char *cut = g_utf8_offset_to_pointer (result->body, 100);

          n = cut - result->body;
        }
      result->title = g_strndup (result->body, n);
    }
  return g_steal_pointer (&result);
}

char *
dossier_html_to_text (const char *utf8,
                      gsize       len)
{
  htmlDocPtr doc;
  xmlNode *root;
  xmlNode *body;
  g_autofree char *text = NULL;
  g_autofree char *unsubset = NULL;
  gsize unsubset_len = 0;

  init_tag_table ();
  if ((unsubset = strip_doctype_subsets (utf8, len, &unsubset_len)) != NULL)
    {
      utf8 = unsubset;
      len = unsubset_len;
    }
  doc = parse_html (utf8, len);
  root = doc ? xmlDocGetRootElement (doc) : NULL;
  if (root == NULL)
    {
      g_clear_pointer (&doc, xmlFreeDoc);
      return g_strdup ("");
    }
  prep_document (doc);
  body = find_first_tag (root, "body");
  text = render_text (body ? body : root);
  xmlFreeDoc (doc);
  return finish_text (text);
}
