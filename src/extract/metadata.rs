//! Page metadata: title, byline, publication date, site name, section, description, language and
//! canonical URL.
//!
//! Order of trust, for every field: what the publisher declared for machines (JSON-LD schema.org
//! Article objects, then Dublin Core / OpenGraph / article / Parse.ly meta tags), then the
//! document itself (`<title>` with its site part removed, byline-marked elements, `<time>`). The
//! priorities among the declared sources follow Mozilla Readability's (the reader view of
//! Firefox), which publishers test their pages against: Dublin Core before OpenGraph before
//! `<meta name=title>` before Twitter cards, JSON-LD before all of them.

use super::dates::{date_start, normalize_date};
use super::{fold_whitespace, style_hides, WordSet};
use scraper::node::Element;
use scraper::{ElementRef, Html, Node};
use serde_json::Value;
use std::sync::OnceLock;

/// Metadata read from a page.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Metadata {
    pub title: Option<String>,
    pub byline: Vec<String>,
    pub published: Option<String>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    pub description: Option<String>,
    pub lang: Option<String>,
    pub canonical: Option<String>,
}

/// Everything one pass over the document collects; resolved into [`Metadata`] by priority.
#[derive(Default)]
struct Found {
    /// (key, content): key is the lowercased property / name / itemprop, with '.' read as ':'
    /// for `name` keys ("DC.title" is "dc:title").
    meta: Vec<(String, String)>,
    json_ld: Vec<Value>,
    title_tag: Option<String>,
    /// h1 and h2 texts (a `<title>` with a colon is kept whole when a heading repeats it).
    headings: Vec<String>,
    h1_count: usize,
    first_h1: Option<String>,
    /// `<time>` values: (is marked as the publication time, value).
    times: Vec<(bool, String)>,
    html_lang: Option<String>,
    canonical: Option<String>,
    /// The first visible element marked as a byline (rel=author, itemprop~=author, or class/id
    /// naming a byline), its text (or that of its itemprop=name descendant).
    dom_byline: Option<String>,
    /// The first such element inside the site's header, used when there is no other.
    header_byline: Option<String>,
}

/// Reads the metadata of a parsed page.
pub fn read(document: &Html) -> Metadata {
    let found = collect(document);
    resolve(&found)
}

fn element_text(el: ElementRef) -> String {
    let mut s = String::new();
    for t in el.text() {
        s.push_str(t);
    }
    fold_whitespace(&s)
}

/// Byte offset of the first ASCII case-insensitive occurrence of an ASCII `needle`.
fn find_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    if n.is_empty() || n.len() > h.len() {
        return None;
    }
    // A match of ASCII bytes starts on a char boundary.
    h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

/// ASCII case-insensitive substring test without allocating.
pub(super) fn contains_ci(haystack: &str, needle: &str) -> bool {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    n.is_empty() || h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

/// The attributes the byline search reads, taken in one pass over an element's attributes
/// (each `Element::attr` call interns its name), class and id lowercased once.
struct ElAttrs<'a> {
    /// "class id", ASCII-lowercased; empty when neither is set.
    class_id: String,
    class: &'a str,
    id: &'a str,
    rel: &'a str,
    itemprop: &'a str,
    /// Hidden from readers: `hidden`, `aria-hidden="true"`, or an inline style hiding it.
    hidden: bool,
}

impl<'a> ElAttrs<'a> {
    fn of(el: &'a Element) -> ElAttrs<'a> {
        let (mut class, mut id, mut rel, mut itemprop) = ("", "", "", "");
        let mut hidden = false;
        for (k, v) in el.attrs() {
            match k {
                "class" => class = v,
                "id" => id = v,
                "rel" => rel = v,
                "itemprop" => itemprop = v,
                "hidden" => hidden = true,
                "aria-hidden" => hidden |= v == "true",
                "style" => hidden |= style_hides(v),
                _ => {}
            }
        }
        let class_id = if class.is_empty() && id.is_empty() {
            String::new()
        } else {
            format!("{class} {id}").to_ascii_lowercase()
        };
        ElAttrs {
            class_id,
            class,
            id,
            rel,
            itemprop,
            hidden,
        }
    }
}

/// Containers whose class or id says they are not the story (comments, footers, sidebars,
/// related links …): a "comment-author" in them names a commenter, not the story's author.
/// Readability's list, without "header": an article's header is where its byline usually is.
/// A container that also says it is the article or its content stays.
fn is_unlikely_container(el: &Element, a: &ElAttrs) -> bool {
    if a.class_id.is_empty() || matches!(el.name(), "body" | "html" | "a" | "article" | "main") {
        return false;
    }
    const UNLIKELY: &[&str] = &[
        "-ad-",
        "ai2html",
        "banner",
        "breadcrumbs",
        "combx",
        "comment",
        "community",
        "cover-wrap",
        "disqus",
        "extra",
        "footer",
        "gdpr",
        "legends",
        "menu",
        "related",
        "remark",
        "replies",
        "rss",
        "shoutbox",
        "sidebar",
        "skyscraper",
        "social",
        "sponsor",
        "supplemental",
        "ad-break",
        "agegate",
        "pagination",
        "pager",
        "popup",
        "yom-remote",
    ];
    const MAYBE: &[&str] = &[
        "and", "article", "body", "column", "content", "main", "shadow",
    ];
    static SETS: OnceLock<(WordSet, WordSet)> = OnceLock::new();
    let (unlikely, maybe) = SETS.get_or_init(|| (WordSet::new(UNLIKELY), WordSet::new(MAYBE)));
    unlikely.occurs_in(&a.class_id) && !maybe.occurs_in(&a.class_id)
}

/// The site's header: a `<header>` or an element whose class or id says "header" (outside any
/// article, which the caller checks).
fn is_page_header(el: &Element, a: &ElAttrs) -> bool {
    if matches!(el.name(), "body" | "html") {
        return false;
    }
    el.name() == "header" || a.class_id.contains("header")
}

/// Class or id words that mark the element holding the author's name.
fn is_byline_element(a: &ElAttrs) -> bool {
    if a.rel.eq_ignore_ascii_case("author") || a.itemprop.contains("author") {
        return true;
    }
    ["byline", "dateline", "writtenby", "p-author"]
        .iter()
        .any(|w| a.class_id.contains(w))
        || has_author_word(a.class)
        || has_author_word(a.id)
}

/// "author" as a word of a class name ("author", "post-author", "author_top", "authorInfo",
/// "authors"), not inside another word ("authorization", "authoring-tools").
fn has_author_word(v: &str) -> bool {
    if v.len() < 6 {
        return false;
    }
    let b = v.as_bytes();
    let lower = v.to_ascii_lowercase(); // same byte offsets as `v`
    let mut from = 0;
    while let Some(i) = lower[from..].find("author").map(|i| i + from) {
        match b.get(i + 6) {
            Some(c) if c.is_ascii_lowercase() && *c != b's' => from = i + 6,
            _ => return true,
        }
    }
    false
}

/// Text of a byline element: the text of its `itemprop="name"` descendant when it has one
/// (the name without the "By" and the date around it); else the texts of its links to author
/// pages (`rel="author"`, or "author" in the link's target or class: the name, without the
/// role, date or comment count printed beside it), separated by "; "; else its own text.
fn byline_text(er: ElementRef) -> String {
    let mut author_links: Vec<String> = Vec::new();
    for d in er.descendants().skip(1) {
        if let Some(de) = ElementRef::wrap(d) {
            let el = de.value();
            if el.attr("itemprop").is_some_and(|p| p.contains("name")) {
                return element_text(de);
            }
            if el.name() == "a" && is_author_link(el) {
                let text = element_text(de);
                if !text.is_empty() {
                    author_links.push(text);
                }
            }
        }
    }
    if author_links.is_empty() {
        element_text(er)
    } else {
        author_links.join("; ")
    }
}

/// A link to an author's page: `rel="author"`, or "author" in its target ("/author/jdoe/") or
/// its class ("byauthor").
fn is_author_link(a: &Element) -> bool {
    a.attr("rel")
        .is_some_and(|r| r.eq_ignore_ascii_case("author"))
        || a.attr("href").is_some_and(|h| contains_ci(h, "author"))
        || a.attr("class").is_some_and(|c| contains_ci(c, "author"))
}

fn is_html_ns(el: &Element) -> bool {
    &*el.name.ns == "http://www.w3.org/1999/xhtml"
}

fn collect(document: &Html) -> Found {
    let mut f = Found::default();
    // Document-order walk that skips hidden subtrees for the byline (and only for it: a hidden
    // <meta> or <time> still says what it says).
    let mut hidden_until: Option<ego_tree::NodeId> = None;
    // How many <article>/<main> elements enclose the current node: a header inside one is the
    // story's header (where bylines are); one outside is the site's (sign-in, menus).
    let mut in_article = 0usize;
    // Inside the site's header (outside any article): a byline there is only a fallback; the
    // site header's "author" links are account menus more often than names. (Some sites wrap
    // the whole page in a "header" class, so this cannot simply be skipped.)
    let mut header_until: Option<ego_tree::NodeId> = None;
    for edge in document.tree.root().traverse() {
        let node = match edge {
            ego_tree::iter::Edge::Open(n) => n,
            ego_tree::iter::Edge::Close(n) => {
                if hidden_until == Some(n.id()) {
                    hidden_until = None;
                }
                if header_until == Some(n.id()) {
                    header_until = None;
                }
                if let Node::Element(e) = n.value() {
                    if matches!(e.name(), "article" | "main") {
                        in_article = in_article.saturating_sub(1);
                    }
                }
                continue;
            }
        };
        let Node::Element(el) = node.value() else {
            continue;
        };
        let Some(er) = ElementRef::wrap(node) else {
            continue;
        };
        if matches!(el.name(), "article" | "main") {
            in_article += 1;
        }
        match el.name() {
            "html" => f.html_lang = el.attr("lang").map(|s| s.trim().to_string()),
            "meta" => {
                let value = el.attr("content").or_else(|| el.attr("datetime"));
                let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
                    continue;
                };
                // "property" may hold several space-separated names.
                if let Some(p) = el.attr("property") {
                    for k in p.split_whitespace() {
                        f.meta.push((k.to_ascii_lowercase(), v.to_string()));
                    }
                }
                if let Some(n) = el.attr("name") {
                    let k: String = n
                        .trim()
                        .to_ascii_lowercase()
                        .chars()
                        .map(|c| if c == '.' { ':' } else { c })
                        .collect();
                    f.meta.push((k, v.to_string()));
                }
                for attr in ["itemprop", "http-equiv"] {
                    if let Some(k) = el.attr(attr) {
                        f.meta.push((k.trim().to_ascii_lowercase(), v.to_string()));
                    }
                }
            }
            "link" => {
                let rel = el.attr("rel").unwrap_or("");
                if rel
                    .split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                    && f.canonical.is_none()
                {
                    f.canonical = el.attr("href").map(|s| s.trim().to_string());
                }
            }
            "script" => {
                if el
                    .attr("type")
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
                    && f.json_ld.len() < 32
                {
                    let raw: String = er.text().collect();
                    if let Ok(v) = serde_json::from_str::<Value>(strip_json_wrappers(&raw)) {
                        f.json_ld.push(v);
                    }
                }
                continue; // script text is never a byline
            }
            "style" | "head" | "noscript" | "template" => {}
            "title" if f.title_tag.is_none() && is_html_ns(el) => {
                f.title_tag = Some(element_text(er));
            }
            "h1" | "h2" => {
                let t = element_text(er);
                if el.name() == "h1" {
                    f.h1_count += 1;
                    if f.first_h1.is_none() {
                        f.first_h1 = Some(t.clone());
                    }
                }
                if !t.is_empty() && f.headings.len() < 32 {
                    f.headings.push(t);
                }
            }
            "time" if f.times.len() < 16 => {
                let marked = el.attr("pubdate").is_some()
                    || el
                        .attr("itemprop")
                        .is_some_and(|p| contains_ci(p, "datePublished"))
                    || el.attr("class").is_some_and(|c| contains_ci(c, "publish"));
                if let Some(dt) = el.attr("datetime") {
                    f.times.push((marked, dt.to_string()));
                } else {
                    f.times.push((marked, element_text(er)));
                }
            }
            _ => {}
        }
        let attrs = ElAttrs::of(el);
        if hidden_until.is_none() && (attrs.hidden || is_unlikely_container(el, &attrs)) {
            hidden_until = Some(node.id());
        }
        if header_until.is_none() && in_article == 0 && is_page_header(el, &attrs) {
            header_until = Some(node.id());
        }
        if f.dom_byline.is_none()
            && hidden_until.is_none()
            && (header_until.is_none() || f.header_byline.is_none())
            && !matches!(el.name(), "meta" | "link" | "html" | "body" | "head")
            && is_byline_element(&attrs)
        {
            let t = byline_text(er);
            // Readability's bound: a byline is a line, not a bio paragraph; and a line of a
            // dozen words or more is a menu or a blurb, not names.
            if !t.is_empty() && t.chars().count() < 100 && t.split_whitespace().count() <= 12 {
                if header_until.is_some() {
                    f.header_byline = Some(t);
                } else {
                    f.dom_byline = Some(t);
                }
            }
        }
    }
    f
}

/// JSON-LD inside `<script>` is often wrapped for old parsers: `<![CDATA[ … ]]>`,
/// `//<![CDATA[ … //]]>`, `<!-- … -->`. The wrappers are not JSON.
fn strip_json_wrappers(raw: &str) -> &str {
    let mut s = raw.trim();
    loop {
        let before = s.len();
        for prefix in ["//<![CDATA[", "<![CDATA[", "<!--", "//"] {
            if let Some(rest) = s.strip_prefix(prefix) {
                s = rest.trim_start();
            }
        }
        for suffix in ["//]]>", "]]>", "-->", "//"] {
            if let Some(rest) = s.strip_suffix(suffix) {
                s = rest.trim_end();
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// The schema.org objects of a JSON-LD value in document order, flattened from arrays and
/// `@graph`.
fn json_ld_objects<'a>(v: &'a Value, out: &mut Vec<&'a Value>, depth: usize) {
    if depth > 8 || out.len() > 256 {
        return;
    }
    match v {
        Value::Array(items) => items
            .iter()
            .for_each(|i| json_ld_objects(i, out, depth + 1)),
        Value::Object(map) => {
            out.push(v);
            if let Some(graph) = map.get("@graph") {
                json_ld_objects(graph, out, depth + 1);
            }
        }
        _ => {}
    }
}

/// schema.org types that describe the story itself (Article and its subtypes, postings,
/// reports). WebPage, WebSite, Organization, VideoObject … describe something else: their
/// `name` is the site's or the video's, not the headline.
fn is_article_type(v: &Value) -> bool {
    const TYPES: &[&str] = &[
        "Article",
        "NewsArticle",
        "Report",
        "BlogPosting",
        "LiveBlogPosting",
        "SocialMediaPosting",
        "DiscussionForumPosting",
        "APIReference",
    ];
    let is = |t: &str| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        TYPES.contains(&t) || t.ends_with("Article") || t.ends_with("NewsArticle")
    };
    match v.get("@type") {
        Some(Value::String(s)) => is(s),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).any(is),
        _ => false,
    }
}

/// Names of authors: `{"name": …}` objects, or arrays of them. A bare string is read too
/// (schema.org allows Text), unless it is a URL.
fn names_of(v: &Value, depth: usize) -> Vec<String> {
    if depth > 4 {
        return vec![];
    }
    match v {
        Value::String(s) if !is_url(s) => vec![s.clone()],
        Value::Array(a) => a.iter().flat_map(|x| names_of(x, depth + 1)).collect(),
        Value::Object(m) => m
            .get("name")
            .map(|n| names_of(n, depth + 1))
            .unwrap_or_default(),
        _ => vec![],
    }
}

fn is_url(s: &str) -> bool {
    let s = s.trim();
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("//")
}

fn str_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) => Some(fold_whitespace(&unescape_entities(s))).filter(|s| !s.is_empty()),
        Value::Array(a) => a.iter().find_map(|x| str_of(Some(x))),
        _ => None,
    }
}

/// The value of the first key present; when a page declares a key twice (a `name` and a
/// `property` form, or a template's default and the page's own), the later declaration wins.
fn meta_get<'a>(f: &'a Found, keys: &[&str]) -> Option<&'a str> {
    keys.iter().find_map(|k| {
        f.meta
            .iter()
            .rev()
            .find(|(name, _)| name == k)
            .map(|(_, v)| v.as_str())
    })
}

/// Meta values are often HTML-escaped twice ("&amp;amp;" in the source, "&amp;" after the
/// parser); decode the common entities once more.
fn unescape_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|j| j + 1).filter(|&j| j <= 10);
        let decoded = end.and_then(|j| {
            let name = &rest[1..j];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                _ => {
                    let n = if let Some(h) =
                        name.strip_prefix("#x").or_else(|| name.strip_prefix("#X"))
                    {
                        u32::from_str_radix(h, 16).ok()
                    } else {
                        name.strip_prefix('#').and_then(|d| d.parse().ok())
                    };
                    // Readability's rule: NUL, surrogates and out-of-range code points read
                    // as U+FFFD.
                    n.map(|n| {
                        if n == 0 {
                            '\u{fffd}'
                        } else {
                            char::from_u32(n).unwrap_or('\u{fffd}')
                        }
                    })
                }
            };
            c.map(|c| (c, j))
        });
        match decoded {
            Some((c, j)) => {
                out.push(c);
                rest = &rest[j + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Readability's text similarity: the share of `b`'s tokens (by length) that `a` also has.
pub(super) fn text_similarity(a: &str, b: &str) -> f64 {
    let tokens = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_alphanumeric() && c != '_')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let ta = tokens(a);
    let tb = tokens(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let joined_len = |ts: &[&String]| {
        ts.iter().map(|t| t.chars().count()).sum::<usize>() + ts.len().saturating_sub(1)
    };
    let all: Vec<&String> = tb.iter().collect();
    let uniq: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    1.0 - joined_len(&uniq) as f64 / joined_len(&all).max(1) as f64
}

fn resolve(f: &Found) -> Metadata {
    let mut objects = Vec::new();
    for v in &f.json_ld {
        json_ld_objects(v, &mut objects, 0);
    }
    // The first Article-like object in document order describes the story.
    let article = objects.iter().copied().find(|o| is_article_type(o));
    let doc_title = document_title(f);

    let site_name = article
        .and_then(|a| a.get("publisher"))
        .and_then(|p| str_of(p.get("name")))
        .or_else(|| meta_get(f, &["og:site_name"]).map(clean_meta))
        .or_else(|| meta_get(f, &["application-name"]).map(clean_meta))
        .filter(|s| !s.is_empty());

    // Title. JSON-LD: some sites put their own name in `name` and the headline in `headline`
    // (or the reverse); the one that matches the page's <title> is the story's.
    let json_title = article.and_then(|a| {
        let name = str_of(a.get("name"));
        let headline = str_of(a.get("headline"));
        match (name, headline) {
            (Some(n), Some(h)) if n != h => {
                let t = doc_title.as_deref().unwrap_or("");
                if text_similarity(&h, t) > 0.75 && text_similarity(&n, t) <= 0.75 {
                    Some(h)
                } else {
                    Some(n)
                }
            }
            (n, h) => n.or(h),
        }
    });
    // Declared titles are the publisher's chosen wording and are kept as they are; only the
    // <title> element, which carries the site's name by convention, is trimmed.
    let title = json_title
        .or_else(|| {
            meta_get(
                f,
                &[
                    "dc:title",
                    "dcterm:title",
                    "og:title",
                    "weibo:article:title",
                    "weibo:webpage:title",
                    "title",
                    "twitter:title",
                    "parsely-title",
                ],
            )
            .map(clean_meta)
        })
        .filter(|t| !t.is_empty())
        .or(doc_title)
        .or_else(|| f.first_h1.clone())
        .filter(|t| !t.is_empty());

    // Byline: JSON-LD authors, declared author meta (not a profile URL), then the page's own
    // byline element.
    let mut byline: Vec<String> = article
        .and_then(|a| a.get("author"))
        .map(|v| names_of(v, 0))
        .unwrap_or_default();
    if byline.is_empty() {
        if let Some(a) = meta_get(
            f,
            &[
                "dc:creator",
                "dcterm:creator",
                "author",
                "parsely-author",
                "article:author",
                "og:article:author",
                "sailthru:author",
            ],
        )
        .filter(|a| !is_url(a))
        {
            byline.push(clean_meta(a));
        }
    }
    if byline.is_empty() {
        byline.extend(f.dom_byline.iter().chain(&f.header_byline).take(1).cloned());
    }
    let byline = clean_bylines(byline);

    // Publication date: declared publication times first; a JSON-LD `dateCreated` (when the
    // record was made, often in another time zone or later) and `<time>` elements (the first of
    // which may be a sidebar's) only when nothing declares one.
    let marked_times = f.times.iter().filter(|(m, _)| *m).map(|(_, t)| t.clone());
    let other_times = f.times.iter().filter(|(m, _)| !*m).map(|(_, t)| t.clone());
    let published = article
        .and_then(|a| str_of(a.get("datePublished")))
        .into_iter()
        .chain(
            [
                "article:published_time",
                "parsely-pub-date",
                "og:published_time",
                "article:published",
                "datepublished",
                "pubdate",
                "publishdate",
                "publish-date",
                "dc:date:issued",
                "dcterm:issued",
                "dcterms:issued",
                "dc:date",
                "dcterms:created",
                "date",
                "sailthru:date",
            ]
            .iter()
            .filter_map(|k| meta_get(f, &[k]).map(str::to_string)),
        )
        .chain(marked_times)
        .chain(article.and_then(|a| str_of(a.get("dateCreated"))))
        .chain(other_times)
        .find_map(|d| normalize_date(&d));

    let section = meta_get(f, &["article:section"])
        .map(clean_meta)
        .or_else(|| article.and_then(|a| str_of(a.get("articleSection"))));
    let description = article
        .and_then(|a| str_of(a.get("description")))
        .or_else(|| {
            meta_get(
                f,
                &[
                    "dc:description",
                    "dcterm:description",
                    "og:description",
                    "description",
                    "twitter:description",
                ],
            )
            .map(clean_meta)
        });
    let lang = f
        .html_lang
        .clone()
        .filter(|l| !l.is_empty())
        .or_else(|| meta_get(f, &["content-language", "og:locale"]).map(str::to_string))
        .map(|l| l.replace('_', "-"));
    let canonical = f
        .canonical
        .clone()
        .or_else(|| meta_get(f, &["og:url"]).map(str::to_string))
        .or_else(|| article.and_then(|a| str_of(a.get("url"))));

    Metadata {
        title,
        byline,
        published,
        site_name,
        section,
        description,
        lang,
        canonical,
    }
}

fn clean_meta(s: &str) -> String {
    fold_whitespace(&unescape_entities(s))
}

/// Words as Readability counts them (`s.split(/\s+/).length`): whitespace runs plus one, so a
/// leading or trailing space counts as an empty word. Its thresholds are tuned on that count.
fn word_count(s: &str) -> usize {
    let mut runs = 0;
    let mut in_ws = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_ws {
                runs += 1;
            }
            in_ws = true;
        } else {
            in_ws = false;
        }
    }
    runs + 1
}

/// The page's `<title>` with the site's name removed, by Readability's rules, which keep it
/// whole when what would remain is too short to be a headline:
/// - "Story | Site", "Story - Site", "Section » Story": drop the part after the last separator,
///   or, when fewer than three words are left, the part before the first;
/// - "Site: Story": keep what follows the colon unless a heading repeats the whole title (then
///   the colon is part of the headline) or more than five words precede it;
/// - a title under 15 or over 150 characters is replaced by the page's only `<h1>`;
/// - a result of four words or fewer falls back to the whole title.
fn document_title(f: &Found) -> Option<String> {
    let orig = f.title_tag.as_deref().map(str::trim).unwrap_or("");
    if orig.is_empty() {
        return None;
    }
    // Readability's separators plus the en and em dashes many sites use ("Story – Site").
    const SEPS: [char; 8] = ['|', '-', '–', '—', '\\', '/', '>', '»'];
    // " x " with x a separator; byte offsets of each match.
    let sep_positions: Vec<usize> = orig
        .char_indices()
        .filter(|&(i, c)| {
            SEPS.contains(&c)
                && orig[..i].ends_with(' ')
                && orig[i + c.len_utf8()..].starts_with(' ')
        })
        .map(|(i, _)| i - 1)
        .collect();
    let mut hierarchical = false;
    let mut cur: String = if let Some(&last) = sep_positions.last() {
        hierarchical = orig.char_indices().any(|(i, c)| {
            matches!(c, '\\' | '/' | '>' | '»')
                && orig[..i].ends_with(' ')
                && orig[i + c.len_utf8()..].starts_with(' ')
        });
        let head = &orig[..last];
        if word_count(head) < 3 {
            // Drop everything up to and including the first separator character.
            match orig.find(SEPS) {
                Some(i) => {
                    let c = orig[i..].chars().next().map_or(1, char::len_utf8);
                    orig[i + c..].to_string()
                }
                None => orig.to_string(),
            }
        } else {
            head.to_string()
        }
    } else if orig.contains(": ") {
        if f.headings.iter().any(|h| h == orig) {
            orig.to_string()
        } else {
            let after_last = &orig[orig.rfind(':').map_or(0, |i| i + 1)..];
            if word_count(after_last) < 3 {
                orig[orig.find(':').map_or(0, |i| i + 1)..].to_string()
            } else if word_count(&orig[..orig.find(':').unwrap_or(0)]) > 5 {
                orig.to_string()
            } else {
                after_last.to_string()
            }
        }
    } else if !(15..=150).contains(&orig.chars().count()) {
        match (&f.first_h1, f.h1_count) {
            (Some(h), 1) => h.clone(),
            _ => orig.to_string(),
        }
    } else {
        orig.to_string()
    };
    cur = fold_whitespace(&cur);
    let n = word_count(&cur);
    let without_seps: String = orig.chars().filter(|c| !SEPS.contains(c)).collect();
    if n <= 4 && (!hierarchical || n != word_count(&without_seps) - 1) {
        cur = orig.to_string();
    }
    Some(cur).filter(|t| !t.is_empty())
}

/// Words that introduce a byline ("By Jane Doe"), in the languages most pages use.
const BYLINE_PREFIXES: &[&str] = &[
    "written by ",
    "words by ",
    "posted by ",
    "story by ",
    "text by ",
    "reporting by ",
    "by ",
    "par ",
    "von ",
    "por ",
];

/// Keeps bylines that name people: drops URLs, dates, "By" prefixes, time-ago stamps and
/// non-name phrases; splits "A and B", "A; B", "A | B", "A • B".
fn clean_bylines(raw: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for item in raw {
        let item = fold_whitespace(&item);
        let parts = item
            .split(['|', ';', '•', '·', '\n'])
            .flat_map(|p| split_names(p, " and "))
            .flat_map(|p| split_names(p, " & "));
        for part in parts {
            // "Rob Ewaschuk Edited by Betsy Beyer": the editor, reviewer or photographer named
            // after the author did not write the story.
            let part = ["edited by", "reviewed by", "photographs by", "photos by"]
                .iter()
                .filter_map(|w| find_ci(part, w))
                .min()
                .map_or(part, |i| &part[..i]);
            let mut name = part
                .trim()
                .trim_matches(|c: char| c == ',' || c == '—' || c == '–' || c == '-' || c == ':')
                .trim();
            // Compared byte-wise: the prefixes are ASCII, so a match ends on a char boundary
            // of `name` (lowercasing non-ASCII text could shift offsets).
            while let Some(p) = BYLINE_PREFIXES.iter().find(|p| {
                name.len() >= p.len()
                    && name.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
            }) {
                name = name[p.len()..].trim();
            }
            // "Jane Doe March 25, 2015": the name ends where the date begins.
            if let Some(i) = date_start(name).filter(|&i| i > 0) {
                name = name[..i]
                    .trim()
                    .trim_end_matches([',', '-', '|', '·'])
                    .trim();
            }
            let lower = name.to_lowercase();
            let junk = name.is_empty()
                || name.len() > 80
                || is_url(name)
                || lower.contains("minute read")
                || lower.contains("published")
                || lower.contains("updated")
                || lower.ends_with(" ago")
                || normalize_date(name).is_some()
                || !name.chars().any(char::is_alphabetic)
                || is_time_stamp(name);
            if !junk && !out.iter().any(|o| o.eq_ignore_ascii_case(name)) {
                out.push(name.to_string());
            }
        }
    }
    out
}

/// Splits "Jane Doe and John Roe" at `sep`, but not "Mac & i" or "Tom and Jerry": each side
/// must look like a full name (two words or more) for the join to be between people.
fn split_names<'a>(s: &'a str, sep: &str) -> Vec<&'a str> {
    let parts: Vec<&str> = s.split(sep).collect();
    let by = |p: &str| {
        let p = p.trim();
        p.len() > 3 && p.as_bytes()[..3].eq_ignore_ascii_case(b"by ")
    };
    if parts.len() > 1
        && parts
            .iter()
            .all(|p| p.split_whitespace().count() >= 2 || by(p))
    {
        parts
    } else {
        vec![s]
    }
}

/// "8h", "5 min", "2d", "3 hrs": a relative time stamp next to a name.
fn is_time_stamp(s: &str) -> bool {
    let s = s.trim();
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && s[digits..].trim().chars().count() <= 5
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> Metadata {
        read(&Html::parse_document(html))
    }

    #[test]
    fn json_ld_wins_over_meta_and_title_tag() {
        let m = meta_of(
            r#"<html lang="en-GB"><head><title>Big story | The Paper</title>
            <meta property="og:site_name" content="The Paper">
            <meta property="article:published_time" content="2020-01-01T00:00:00Z">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"x"},
              {"@type":"NewsArticle","headline":"Big story","datePublished":"2021-02-03T04:05:06Z",
               "author":[{"@type":"Person","name":"Ann Lee"},{"@type":"Person","name":"Bo Chan"}],
               "articleSection":"World"}]}</script></head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Big story"));
        assert_eq!(m.byline, ["Ann Lee", "Bo Chan"]);
        assert_eq!(m.published.as_deref(), Some("2021-02-03T04:05:06Z"));
        assert_eq!(m.site_name.as_deref(), Some("The Paper"));
        assert_eq!(m.section.as_deref(), Some("World"));
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
    }

    #[test]
    fn cdata_wrapped_json_ld_is_read() {
        let m = meta_of(
            r#"<script type="application/ld+json"><![CDATA[
            {"@context":"http://schema.org","@type":"BlogPosting","headline":"Wrapped",
             "datePublished":"2024-06-25"}]]></script>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Wrapped"));
        assert_eq!(m.published.as_deref(), Some("2024-06-25"));
    }

    #[test]
    fn date_created_yields_to_declared_publication_time() {
        let m = meta_of(
            r#"<meta property="article:published_time" content="2017-02-23T17:18:13-08:00">
            <script type="application/ld+json">{"@type":"NewsArticle","dateCreated":"2017-02-24T01:18:13Z"}</script>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2017-02-23T17:18:13-08:00"));
    }

    #[test]
    fn title_suffix_is_removed() {
        let m = meta_of("<title>Rates rise again as inflation bites - Daily Planet</title>");
        assert_eq!(
            m.title.as_deref(),
            Some("Rates rise again as inflation bites")
        );
        // Too little would be left: the whole title stays.
        let m = meta_of("<title>Mozilla - Wikipedia</title>");
        assert_eq!(m.title.as_deref(), Some("Mozilla - Wikipedia"));
    }

    #[test]
    fn json_ld_name_that_is_the_site_yields_to_the_headline() {
        let m = meta_of(
            r#"<title>Rates rise again as inflation bites | Planet</title>
            <script type="application/ld+json">{"@type":"NewsArticle","name":"Planet",
            "headline":"Rates rise again as inflation bites"}</script>"#,
        );
        assert_eq!(
            m.title.as_deref(),
            Some("Rates rise again as inflation bites")
        );
    }

    #[test]
    fn byline_junk_is_dropped() {
        let m = meta_of(
            r#"<meta name="author" content="By Jane Doe and John Roe"><p class="byline">5 Minute Read</p>"#,
        );
        assert_eq!(m.byline, ["Jane Doe", "John Roe"]);
        let m = meta_of(r#"<div class="byline">Published 3 hours ago</div>"#);
        assert!(m.byline.is_empty());
        let m = meta_of(r#"<div class="author">James Akinaka • 8h</div>"#);
        assert_eq!(m.byline, ["James Akinaka"]);
        let m = meta_of(
            r#"<div style="display:none"><span class="author">Hidden</span></div><span class="byline">By Ann Lee</span>"#,
        );
        assert_eq!(m.byline, ["Ann Lee"]);
    }

    #[test]
    fn a_byline_with_author_page_links_gives_the_linked_names() {
        // Role, date and comment count printed next to the name, in adjacent elements.
        let m = meta_of(
            r#"<p class="byline"><span class="by">by</span> <a class="byauthor"
            href="https://news.example/author/lnolan/">Lucas Nolan</a><span>22 Dec 2016</span><a
            href="/story#comments">651</a></p>"#,
        );
        assert_eq!(m.byline, ["Lucas Nolan"]);
        let m = meta_of(
            r#"<div class="author"><a href="/author/ben">Ben Silverman</a><div>Games Editor</div>
            </div>"#,
        );
        assert_eq!(m.byline, ["Ben Silverman"]);
        let m = meta_of(
            r#"<div class="byline">By <a rel="author" href="/a">Ann Lee</a> and <a rel="author"
            href="/b">Bo Chan</a></div>"#,
        );
        assert_eq!(m.byline, ["Ann Lee", "Bo Chan"]);
    }

    #[test]
    fn an_editor_named_after_the_author_is_not_a_byline() {
        let m =
            meta_of(r#"<p class="byline">Written by Rob Ewaschuk<br>Edited by Betsy Beyer</p>"#);
        assert_eq!(m.byline, ["Rob Ewaschuk"]);
    }

    #[test]
    fn non_ascii_bylines_do_not_panic() {
        let names = clean_bylines(vec![
            "Åsa Öberg and Über Ćwik".into(),
            "éé and ü".into(),
            "İBY X".into(),
            "By 中文名字".into(),
        ]);
        assert_eq!(
            names,
            ["Åsa Öberg", "Über Ćwik", "éé and ü", "İBY X", "中文名字"]
        );
    }

    #[test]
    fn entities_escaped_twice_are_decoded() {
        assert_eq!(
            unescape_entities("A &amp; B &#x1F62D; &#0;"),
            "A & B 😭 \u{fffd}"
        );
        assert_eq!(unescape_entities("AT&T & co"), "AT&T & co");
    }

    #[test]
    fn malformed_json_ld_is_ignored() {
        let m = meta_of(
            r#"<script type="application/ld+json">{"headline": </script><h1>Fallback</h1>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Fallback"));
    }
}
