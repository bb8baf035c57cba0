/* dossier-html-dom.c — the page's tree: parsing, tag classes, walking and
 * editing, and the clean-up every page gets before it is read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "dossier-html-extract"

#include "config.h"

#include <string.h>

#include "dossier-html-private.h"

/* Tag classes (TAG_*) and attributes */

static GHashTable *tag_table;

/* Fills the table of tag classes once; the entry points call it first. */
void
_dossier_html_init_tag_table (void)
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

guint
_dossier_html_tag_flags (const xmlNode *node)
{
  if (!_dossier_html_is_element (node))
    return 0;
  return GPOINTER_TO_UINT (g_hash_table_lookup (tag_table, node->name));
}

/* The value of an attribute without copying it; NULL when absent. */
const char *
_dossier_html_get_attr (const xmlNode *node,
                        const char    *name)
{
  const xmlAttr *attr;

  if (!_dossier_html_is_element (node))
    return NULL;
  for (attr = node->properties; attr != NULL; attr = attr->next)
    {
      if (g_ascii_strcasecmp ((const char *) attr->name, name) == 0)
        {
          if (attr->children == NULL)
            return "";
          if (attr->children->next == NULL && _dossier_html_is_text (attr->children))
            return attr->children->content ? (const char *) attr->children->content : "";
          return "";
        }
    }
  return NULL;
}

/* The class and the id of @node, lowercased, with a space between. */
char *
_dossier_html_match_string (xmlNode *node)
{
  const char *class_name = _dossier_html_get_attr (node, "class");
  const char *id = _dossier_html_get_attr (node, "id");
  char *s = g_strconcat (class_name ? class_name : "", " ", id ? id : "", NULL);
  char *p;

  for (p = s; *p; p++)
    *p = g_ascii_tolower (*p);
  return s;
}

/* Tree navigation (elements only) */

xmlNode *
_dossier_html_first_element_child (const xmlNode *node)
{
  xmlNode *child;

  for (child = node->children; child != NULL; child = child->next)
    if (_dossier_html_is_element (child))
      return child;
  return NULL;
}

xmlNode *
_dossier_html_next_element_sibling (const xmlNode *node)
{
  xmlNode *sib;

  for (sib = node->next; sib != NULL; sib = sib->next)
    if (_dossier_html_is_element (sib))
      return sib;
  return NULL;
}

guint
_dossier_html_count_element_children (const xmlNode *node)
{
  xmlNode *child;
  guint n = 0;

  for (child = node->children; child != NULL; child = child->next)
    if (_dossier_html_is_element (child))
      n++;
  return n;
}

/* The next element in document order; with @skip_children, the next one
 * after @node's subtree. */
xmlNode *
_dossier_html_next_node (xmlNode  *node,
                         gboolean  skip_children)
{
  xmlNode *next;

  if (!skip_children && (next = _dossier_html_first_element_child (node)) != NULL)
    return next;
  while (node != NULL)
    {
      if ((next = _dossier_html_next_element_sibling (node)) != NULL)
        return next;
      node = node->parent;
      if (node != NULL && node->type != XML_ELEMENT_NODE)
        return NULL;
    }
  return NULL;
}

gboolean
_dossier_html_has_ancestor_tag (const xmlNode *node,
                                const char    *name,
                                int            max_depth)
{
  int depth = 0;

  for (node = node->parent; _dossier_html_is_element (node); node = node->parent)
    {
      if (max_depth > 0 && depth >= max_depth)
        return FALSE;
      if (_dossier_html_has_tag (node, name))
        return TRUE;
      depth++;
    }
  return FALSE;
}

/* Finding elements */

xmlNode *
_dossier_html_find_first_tag (xmlNode    *root,
                              const char *name)
{
  xmlNode *node;

  if (root == NULL)
    return NULL;
  if (_dossier_html_has_tag (root, name))
    return root;
  for (node = root->children; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    if (_dossier_html_has_tag (node, name))
      return node;
  return NULL;
}

guint
_dossier_html_count_descendants (xmlNode    *root,
                                 const char *name)
{
  xmlNode *node;
  guint n = 0;

  for (node = root->children; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    if (_dossier_html_has_tag (node, name))
      n++;
  return n;
}

/* Collects the descendants of @root with tag @name, in document order. */
GPtrArray *
_dossier_html_collect_tags (xmlNode    *root,
                            const char *name)
{
  GPtrArray *list = g_ptr_array_new ();
  xmlNode *node;

  for (node = root->children; node != NULL; node = _dossier_html_next_in_subtree (node, root, FALSE))
    if (_dossier_html_has_tag (node, name))
      g_ptr_array_add (list, node);
  return list;
}

/* Tree editing */

void
_dossier_html_remove_node (xmlNode *node)
{
  xmlUnlinkNode (node);
  xmlFreeNode (node);
}

/* Links @child (already unlinked) as the last child of @parent. */
void
_dossier_html_append_child (xmlNode *parent,
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
void
_dossier_html_replace_node (xmlNode *old,
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
char *
_dossier_html_strip_doctype_subsets (const char *html,
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

/* Parsing */

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
      node = _dossier_html_next_in_subtree (node, root, FALSE);
    }
}

htmlDocPtr
_dossier_html_parse (const char *utf8,
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

/* Document preparation */

gboolean
_dossier_html_is_phrasing (xmlNode *node)
{
  guint flags;
  xmlNode *child;

  if (_dossier_html_is_text (node))
    return TRUE;
  if (!_dossier_html_is_element (node))
    return FALSE;
  flags = _dossier_html_tag_flags (node);
  if (flags & TAG_PHRASING)
    return TRUE;
  if (flags & TAG_INLINE_LINK)
    {
      /* phrasing when all its children are (checked one level down and
       * then conservatively: nested blocks make it a block) */
      for (child = node->children; child != NULL; child = _dossier_html_next_in_subtree (child, node, FALSE))
        if (_dossier_html_is_element (child)
            && !(_dossier_html_tag_flags (child) & (TAG_PHRASING | TAG_INLINE_LINK)))
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
  g_autoptr(GPtrArray) brs = _dossier_html_collect_tags (body, "br");
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

          while (next != NULL && _dossier_html_is_text (next)
                 && _dossier_html_text_is_blank ((const char *) next->content))
            next = next->next;
          if (next == NULL || !_dossier_html_has_tag (next, "br"))
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
      _dossier_html_replace_node (br, p);
      g_ptr_array_add (dead, br);

      next = p->next;
      while (next != NULL)
        {
          xmlNode *sibling_next;

          if (_dossier_html_has_tag (next, "br"))
            {
              xmlNode *n2 = next->next;

              while (n2 != NULL && _dossier_html_is_text (n2)
                     && _dossier_html_text_is_blank ((const char *) n2->content))
                n2 = n2->next;
              if (n2 != NULL && _dossier_html_has_tag (n2, "br"))
                break;
            }
          if (!_dossier_html_is_phrasing (next))
            break;
          sibling_next = next->next;
          _dossier_html_append_child (p, next);
          next = sibling_next;
        }
      while (p->last != NULL && _dossier_html_is_whitespace_node (p->last))
        {
          xmlNode *last = p->last;

          xmlUnlinkNode (last);
          g_ptr_array_add (dead, last);
        }
      if (_dossier_html_has_tag (p->parent, "p"))
        xmlNodeSetName (p->parent, BAD_CAST "div");
    }
}

/* Removes scripts, styles and comments, turns <font> into <span>,
 * and double <br>s into paragraphs. */
void
_dossier_html_prep_document (htmlDocPtr doc)
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
          || (_dossier_html_is_element (node) && (_dossier_html_tag_flags (node) & TAG_DROP)))
        {
          xmlNode *next = _dossier_html_next_in_subtree (node, root, TRUE);

          _dossier_html_remove_node (node);
          node = next;
          continue;
        }
      if (_dossier_html_has_tag (node, "font"))
        xmlNodeSetName (node, BAD_CAST "span");
      else if (body == NULL && _dossier_html_has_tag (node, "body"))
        body = node;
      node = _dossier_html_next_in_subtree (node, root, FALSE);
    }
  if (body != NULL)
    replace_brs (doc, body);
}
