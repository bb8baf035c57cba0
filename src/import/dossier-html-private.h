/* dossier-html-private.h — what the parts of the HTML extractor share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * dossier-html-extract.c runs the parts: dom (the tree and its parsing),
 * text (the text of nodes), meta and jsonld (the page's metadata), score
 * (the content finder), clean (the boilerplate taken out of the article),
 * render (the article as paragraphs of text) and clutter (further articles
 * and page furniture among the paragraphs).
 */
#pragma once

#include <string.h>
#include <libxml/HTMLparser.h>

#include "dossier-extracted.h"

G_BEGIN_DECLS

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

/* The filters of one attempt of the content finder (DossierHtmlContext.flags) */
enum
{
  FLAG_STRIP_UNLIKELYS     = 1 << 0,
  FLAG_WEIGHT_CLASSES      = 1 << 1,
  FLAG_CLEAN_CONDITIONALLY = 1 << 2,
};

/* Characters of text: an article with less makes the content finder try
 * again with its filters relaxed, and share widgets have less. */
#define CHAR_THRESHOLD 500

/* What the content finder keeps on an element (its xmlNode's _private). */
typedef struct
{
  double   score;
  gboolean data_table;
} DossierHtmlNodeInfo;

/* One extraction: what the metadata and the content finder found, and the
 * current attempt at finding the article. */
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
} DossierHtmlContext;

/* The article metadata of a page's JSON-LD: NULL where it has none. */
typedef struct
{
  char       *title;
  char       *byline;
  char       *site_name;
  char       *published;
  char       *page_published;   /* of the page itself (a WebPage) */
  char       *modified;         /* the article's dateModified */
  char       *image;            /* the address of the article's image */
} DossierHtmlJsonLd;

/* A page's <meta> tags */
typedef struct
{
  GHashTable *values;   /* Readability-style keys: "og:title", "author" … */
  GHashTable *all;      /* every meta name/property/itemprop, lowercased */
} DossierHtmlMeta;

static inline gboolean
_dossier_html_is_element (const xmlNode *node)
{
  return node != NULL && node->type == XML_ELEMENT_NODE;
}

static inline gboolean
_dossier_html_is_text (const xmlNode *node)
{
  return node != NULL
         && (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE);
}

static inline gboolean
_dossier_html_has_tag (const xmlNode *node,
                       const char    *name)
{
  return _dossier_html_is_element (node) && strcmp ((const char *) node->name, name) == 0;
}

/* Next node of any type inside @root, in document order. */
static inline xmlNode *
_dossier_html_next_in_subtree (xmlNode  *node,
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

static inline DossierHtmlNodeInfo *
_dossier_html_node_info (xmlNode *node)
{
  return node->_private;
}

/* dossier-html-dom.c */
void        _dossier_html_init_tag_table         (void);
guint       _dossier_html_tag_flags              (const xmlNode *node);
const char *_dossier_html_get_attr               (const xmlNode *node,
                                                  const char    *name);
char       *_dossier_html_match_string           (xmlNode       *node);
xmlNode    *_dossier_html_first_element_child    (const xmlNode *node);
xmlNode    *_dossier_html_next_element_sibling   (const xmlNode *node);
guint       _dossier_html_count_element_children (const xmlNode *node);
xmlNode    *_dossier_html_next_node              (xmlNode       *node,
                                                  gboolean       skip_children);
gboolean    _dossier_html_has_ancestor_tag       (const xmlNode *node,
                                                  const char    *name,
                                                  int            max_depth);
xmlNode    *_dossier_html_find_first_tag         (xmlNode       *root,
                                                  const char    *name);
guint       _dossier_html_count_descendants      (xmlNode       *root,
                                                  const char    *name);
GPtrArray  *_dossier_html_collect_tags           (xmlNode       *root,
                                                  const char    *name);
void        _dossier_html_remove_node            (xmlNode       *node);
void        _dossier_html_append_child           (xmlNode       *parent,
                                                  xmlNode       *child);
void        _dossier_html_replace_node           (xmlNode       *old,
                                                  xmlNode       *replacement);
char       *_dossier_html_strip_doctype_subsets  (const char    *html,
                                                  gsize          len,
                                                  gsize         *out_len);
htmlDocPtr  _dossier_html_parse                  (const char    *utf8,
                                                  gsize          len);
gboolean    _dossier_html_is_phrasing            (xmlNode       *node);
void        _dossier_html_prep_document          (htmlDocPtr     doc);

/* dossier-html-text.c */
gsize     _dossier_html_inner_text_length  (xmlNode            *root,
                                            guint              *commas);
gboolean  _dossier_html_has_text           (xmlNode            *root);
gboolean  _dossier_html_text_is_blank      (const char         *s);
gboolean  _dossier_html_is_whitespace_node (const xmlNode      *node);
void      _dossier_html_append_collapsed   (GString            *out,
                                            const char         *s,
                                            gboolean           *pending_space);
char     *_dossier_html_inner_text         (xmlNode            *root);
char     *_dossier_html_collapse_string    (const char         *s);
char     *_dossier_html_strip_dup          (const char         *s);
gboolean  _dossier_html_contains_any       (const char         *haystack,
                                            const char * const *needles);
double    _dossier_html_text_similarity    (const char         *a,
                                            const char         *b);
char     *_dossier_html_finish_text        (const char         *text);

/* dossier-html-meta.c */
void _dossier_html_read_metadata   (xmlNode            *root,
                                    DossierHtmlContext *ctx,
                                    DossierExtracted   *result);
void _dossier_html_finish_metadata (DossierHtmlContext *ctx,
                                    DossierExtracted   *result);

/* dossier-html-date.c */
void _dossier_html_find_date (xmlNode                 *root,
                              const DossierHtmlJsonLd *jsonld,
                              DossierHtmlMeta         *meta,
                              const char              *title,
                              DossierExtracted        *result);

/* dossier-html-jsonld.c */
void _dossier_html_read_jsonld (xmlNode           *root,
                                const char        *doc_title,
                                DossierHtmlJsonLd *out);

/* dossier-html-score.c */
int      _dossier_html_class_weight (DossierHtmlContext *ctx,
                                     xmlNode            *node);
double   _dossier_html_link_density (xmlNode            *root);
xmlNode *_dossier_html_grab_article (DossierHtmlContext *ctx);

/* dossier-html-clean.c */
void _dossier_html_prep_article (DossierHtmlContext *ctx,
                                 xmlNode            *article);

/* dossier-html-render.c */
char *_dossier_html_render_text (xmlNode *root);

void  _dossier_html_keep_first_article (xmlNode    *root);
char *_dossier_html_drop_clutter       (const char *text);

G_END_DECLS
