//! Finds the story body of a page and turns it into text blocks.
//!
//! The method follows the best extractors: drop what cannot be story text (scripts, navigation,
//! asides, forms, images, hidden nodes, and containers whose class or id says comments / share /
//! related / promo / cookie / newsletter …, unless that container holds most of the page's
//! prose inside story-marked containers, which makes it a layout wrapper), score each container
//! by the paragraphs it holds (text length and commas, passed half to the grandparent; list
//! items written as paragraphs count), discount link-heavy containers, take the best container,
//! widen it to an ancestor that adds nearly link-free prose (a story split into sections), add
//! its sibling containers that score well, then walk it in document order emitting paragraphs,
//! headings, list items, quotes, captions and preformatted blocks. Per-element facts (flags
//! from attributes, text statistics) are computed once per page in linear passes. Every walk
//! is iterative or depth-capped, so no page can overflow the stack.

use super::links::cited_domain;
use super::metadata::text_similarity;
use super::{domain_of, fold_whitespace, style_hides, Limits, WordSet};
use crate::text::{Block, BlockKind};
use ego_tree::iter::Edge;
use ego_tree::{NodeId, NodeRef};
use regex::Regex;
use scraper::node::Element;
use scraper::{Html, Node};
use std::collections::HashMap;
use std::sync::OnceLock;

/// The extracted body.
pub struct Body {
    pub blocks: Vec<Block>,
    pub links: Vec<String>,
    pub confidence: f64,
}

/// Elements that never hold story text. Figures and their captions are not among them: a
/// caption describes the story's picture in the story's words (and readers such as Firefox's
/// keep it); the image itself is skipped.
fn is_skipped_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "nav"
            | "footer"
            | "aside"
            | "form"
            | "button"
            | "iframe"
            | "select"
            | "input"
            | "textarea"
            | "object"
            | "embed"
            | "canvas"
            | "audio"
            | "video"
            | "dialog"
            | "menu"
            | "header"
            | "head"
            | "link"
            | "meta"
            | "picture"
            | "img"
            | "map"
    )
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "ul"
            | "ol"
            | "li"
            | "blockquote"
            | "pre"
            | "table"
            | "tbody"
            | "thead"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "dl"
            | "dt"
            | "dd"
            | "hr"
            | "address"
            | "center"
            | "details"
            | "summary"
            | "body"
            | "html"
            | "caption"
            | "figure"
            | "figcaption"
    )
}

/// Class or id words of page furniture: containers that are not the story. ("caption" and
/// "credit" are not: WordPress and news sites wrap every captioned picture in them.)
const NEGATIVE_WORDS: &[&str] = &[
    "comment",
    "disqus",
    "footer",
    "share",
    "sharing",
    "social",
    "related",
    "promo",
    "advert",
    "sponsor",
    "cookie",
    "consent",
    "gdpr",
    "newsletter",
    "subscri",
    "signup",
    "sign-up",
    "paywall",
    "sidebar",
    "widget",
    "menu",
    "breadcrumb",
    "popup",
    "modal",
    "banner",
    "masthead",
    "outbrain",
    "taboola",
    "recirc",
    "mostread",
    "most-read",
    "mostpopular",
    "most-popular",
    "trending",
    "recommend",
    "author-bio",
    "taglist",
    "tag-list",
    "skip-link",
    "print-only",
    "toolbar",
    "rating",
    "pagination",
    "pager",
    "jumplink",
    "jump-link",
    "morestories",
    "more-stories",
    "alsoread",
    "also-read",
    "legends",
];

/// Class or id words of story containers.
const POSITIVE_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "text", "blog", "story", "prose",
];

/// Whether lowercased class-and-id text names page furniture: a furniture word anywhere, or
/// "nav…" at the start of a word, or "ad", "ads", "tags" as whole words ("ad" inside
/// "header" or "load" is not an ad).
fn is_negative(ci: &str) -> bool {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    if WORDS
        .get_or_init(|| WordSet::new(NEGATIVE_WORDS))
        .occurs_in(ci)
    {
        return true;
    }
    ci.split([' ', '\t', '\n', '_', '-'])
        .any(|w| w.starts_with("nav") || matches!(w, "ad" | "ads" | "tags"))
}

fn is_positive(ci: &str) -> bool {
    static WORDS: OnceLock<WordSet> = OnceLock::new();
    WORDS
        .get_or_init(|| WordSet::new(POSITIVE_WORDS))
        .occurs_in(ci)
}

fn boilerplate_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)^(advertisement|advertising|sponsored|share (this|on)|sign up|subscribe|read more|related( stories| articles)?|click here|follow us|skip to|cookie|loading|back to top|image:|photo:|getty images|reuters/|©)")
            .expect("valid regex")
    })
}

/// Which filters a pass applies. The first pass drops containers whose class or id looks like
/// page furniture; when that leaves less than [`MIN_BODY_CHARS`] of text (a layout class such
/// as "no-sidebars" or "nav_drawer" wrapped the whole story), a second pass runs without it,
/// as Readability does.
#[derive(Debug, Clone, Copy)]
struct Rules {
    class_filter: bool,
}

/// A furniture-classed element holding at least this many tenths of the page's prose is a
/// layout wrapper.
const LAYOUT_PROSE_SHARE_TENTHS: usize = 6;

/// Below this much body text the class filter is assumed to have hidden the story.
const MIN_BODY_CHARS: usize = 500;

/// A fast hasher for node ids (small integers): the std SipHash costs more than the lookups
/// it guards. Not exposed to input control beyond node counts, which are bounded by limits.
#[derive(Default, Clone, Copy)]
struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u64(*b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

type IdMap<V> = HashMap<NodeId, V, std::hash::BuildHasherDefault<IdHasher>>;

/// What the element itself says about it, read once per element (attributes are looked up by
/// interned name, so each `attr()` call costs a hash; the class test used to run per visit).
#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    /// Never story text, whatever the pass: skipped tags, hidden, navigation roles.
    hard_skip: bool,
    /// Class or id says page furniture (and does not also say story).
    furniture: bool,
    /// Readability-style class weight: −25 furniture word, +25 story word, +50 articleBody.
    class_weight: f64,
    /// Says it holds the story: `<article>`, `<main>`, a story word in class or id, articleBody.
    story: bool,
    /// The tag's part in the text statistics, read once here rather than by comparing tag
    /// names on every pass: a block element (or `<br>`) breaks its parent's text into blocks.
    breaks_text: bool,
    /// `<h1>` … `<h6>`.
    heading: bool,
    /// `<p>`, `<pre>`, `<blockquote>`, `<li>`, `<dd>`: a paragraph by its tag.
    paragraph_tag: bool,
    /// `<div>` or `<section>`: a paragraph when written as one.
    div_like: bool,
}

/// Per-element facts of a page, computed once and shared by both passes.
struct Page {
    flags: IdMap<Flags>,
}

impl Page {
    fn new(root: NodeRef<Node>) -> Page {
        let mut flags: IdMap<Flags> = IdMap::default();
        for n in root.descendants() {
            if let Node::Element(el) = n.value() {
                flags.insert(n.id(), element_flags(el, starts_with_heading(n)));
            }
        }
        let mut page = Page { flags };
        // A furniture-looking class on a wrapper that holds most of the page's prose is a
        // layout name ("no-sidebars", "panel-two-col-sidebar-right", "ad-portal" around the
        // whole page), not furniture: such wrappers stay, while the comment and promo blocks
        // inside them are still dropped. Measured without the class filter.
        let open = compute_stats(
            root,
            &page,
            Rules {
                class_filter: false,
            },
        );
        let total = open.values().map(|s| s.prose).max().unwrap_or(0);
        if total > 0 {
            for (id, f) in page.flags.iter_mut() {
                // ... and whose prose is mostly inside story-marked containers: a photo
                // gallery's captions can outweigh a short story, but are not in one.
                if f.furniture
                    && open.get(id).is_some_and(|s| {
                        s.prose * 10 >= total * LAYOUT_PROSE_SHARE_TENTHS
                            && s.story_prose * 10 >= s.prose * LAYOUT_PROSE_SHARE_TENTHS
                    })
                {
                    f.furniture = false;
                }
            }
        }
        page
    }

    fn flags(&self, id: NodeId) -> Flags {
        self.flags.get(&id).copied().unwrap_or_default()
    }

    fn skipped(&self, id: NodeId, rules: Rules) -> bool {
        let f = self.flags(id);
        f.hard_skip || (rules.class_filter && f.furniture)
    }
}

/// Whether the first element inside a node is a heading: the node is a section of a document,
/// and its id is that heading's anchor ("sharing-with-a-single-developer"), not a role name.
fn starts_with_heading(n: NodeRef<Node>) -> bool {
    n.children()
        .find_map(|c| match c.value() {
            Node::Element(e) => Some(matches!(e.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6")),
            _ => None,
        })
        .unwrap_or(false)
}

fn element_flags(el: &Element, id_is_anchor: bool) -> Flags {
    let name = el.name();
    let (mut class, mut id, mut style, mut role, mut itemprop) = ("", "", "", "", "");
    let mut hidden = false;
    for (k, v) in el.attrs() {
        match k {
            "class" => class = v,
            "id" => id = v,
            "style" => style = v,
            "role" => role = v,
            "itemprop" => itemprop = v,
            "hidden" => hidden = true,
            "aria-hidden" => hidden |= v == "true",
            _ => {}
        }
    }
    let mut hard_skip = is_skipped_tag(name) || hidden;
    if !hard_skip && !style.is_empty() {
        hard_skip = style_hides(style);
    }
    hard_skip |= matches!(
        role,
        "navigation"
            | "complementary"
            | "banner"
            | "contentinfo"
            | "dialog"
            | "menu"
            | "alertdialog"
    );
    let mut f = Flags {
        hard_skip,
        breaks_text: is_block(name) || name == "br",
        heading: matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6"),
        paragraph_tag: matches!(name, "p" | "pre" | "blockquote" | "li" | "dd"),
        div_like: matches!(name, "div" | "section"),
        ..Flags::default()
    };
    if !class.is_empty() || !id.is_empty() {
        // A heading's anchor is a slug of its words: four or more joined by '-' or '_'.
        let slug = id.split(['-', '_']).filter(|w| !w.is_empty()).count() >= 4;
        let id = if id_is_anchor && slug { "" } else { id };
        let ci = format!("{class} {id}").to_ascii_lowercase();
        let (neg, pos) = (is_negative(&ci), is_positive(&ci));
        if neg {
            f.class_weight -= 25.0;
        }
        if pos {
            f.class_weight += 25.0;
        }
        f.story = pos;
        // Only container words exempt furniture from removal: "post" or "text" next to
        // "related" ("jp-relatedposts-post", "related-text") still names a furniture block,
        // while "sidebar-content" or "main-column" names a layout part. (Readability's
        // "okMaybeItsACandidate" list, without its "and"; "mathjax" because a formula's
        // renderer names its containers "MathJax CtxtMenu_…", and a formula is story text.)
        let container = [
            "article", "body", "column", "content", "main", "shadow", "mathjax",
        ]
        .iter()
        .any(|w| ci.contains(w));
        f.furniture =
            neg && !container && !matches!(name, "body" | "html" | "article" | "main" | "a" | "p");
    }
    if itemprop.contains("articleBody") {
        f.class_weight += 50.0;
        f.story = true;
    }
    f.story |= matches!(name, "article" | "main");
    f
}

/// Text measures of one subtree (skipped descendants left out), gathered bottom-up once per
/// pass: the old code re-read each container's whole subtree for every paragraph it held.
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    /// Characters, with each run of whitespace counted as one.
    chars: usize,
    /// Of which inside links.
    link_chars: usize,
    commas: usize,
    /// Longest direct text child, trimmed (a div written as a paragraph has text of its own).
    own_text: usize,
    /// Has a block-level or `<br>` child element.
    block_child: bool,
    has_child: bool,
    /// Characters in prose: paragraph-like blocks of 25+ characters, mostly not link text.
    prose: usize,
    /// Of which inside an element that says it holds the story ([`Flags::story`]).
    story_prose: usize,
    /// Headings (h1–h6) inside.
    headings: usize,
    /// Of which mostly the text of a link to another page: a teaser's headline.
    linked_headings: usize,
    /// Characters inside links other than [`is_in_page_anchor`] ones: links to other pages
    /// and script buttons.
    away_link_chars: usize,
}

/// Folded length (whitespace runs count one, ends trimmed) and commas of a text.
fn measure(t: &str) -> (usize, usize) {
    let mut n = 0;
    let mut commas = 0;
    let mut pending_space = false;
    for c in t.chars() {
        if c.is_whitespace() {
            pending_space = n > 0;
            continue;
        }
        if pending_space {
            n += 1;
            pending_space = false;
        }
        n += 1;
        if matches!(c, ',' | '，' | '、') {
            commas += 1;
        }
    }
    (n, commas)
}

fn compute_stats(root: NodeRef<Node>, page: &Page, rules: Rules) -> IdMap<Stats> {
    let mut out: IdMap<Stats> = IdMap::default();
    out.reserve(page.flags.len());
    // (element, its flags, its stats so far); skipped subtrees are passed over without
    // measuring their text (scripts and styles are most of a page's text bytes).
    let mut stack: Vec<(NodeId, Flags, Stats)> = Vec::new();
    let mut skip_depth = 0usize;
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(_) => {
                    if skip_depth > 0 {
                        skip_depth += 1;
                        continue;
                    }
                    if let Some(top) = stack.last_mut() {
                        top.2.has_child = true;
                    }
                    let f = page.flags(n.id());
                    if f.hard_skip || (rules.class_filter && f.furniture) {
                        skip_depth = 1;
                        continue;
                    }
                    stack.push((n.id(), f, Stats::default()));
                }
                Node::Text(t) if skip_depth == 0 => {
                    if let Some(top) = stack.last_mut() {
                        let (len, commas) = measure(t);
                        let st = &mut top.2;
                        if len > 0 && st.chars > 0 {
                            st.chars += 1; // the space between inline pieces
                        }
                        st.chars += len;
                        st.commas += commas;
                        st.own_text = st.own_text.max(len);
                        st.has_child = true;
                    }
                }
                _ => {}
            },
            Edge::Close(n) => {
                let Node::Element(el) = n.value() else {
                    continue;
                };
                if skip_depth > 0 {
                    skip_depth -= 1;
                    continue;
                }
                let Some((id, f, mut s)) = stack.pop() else {
                    continue;
                };
                if is_link(n) {
                    s.link_chars = s.chars;
                    if !el.attr("href").is_some_and(is_in_page_anchor) {
                        s.away_link_chars = s.chars;
                    }
                }
                if f.heading {
                    s.headings += 1;
                    if s.chars > 0 && s.away_link_chars * 2 > s.chars {
                        s.linked_headings += 1;
                    }
                }
                let paragraph_like = f.paragraph_tag || (f.div_like && written_as_paragraph(&s));
                if paragraph_like && s.chars >= 25 && s.link_chars * 2 < s.chars {
                    s.prose = s.prose.max(s.chars);
                }
                if f.story {
                    s.story_prose = s.prose;
                }
                out.insert(id, s);
                if let Some(parent) = stack.last_mut() {
                    let p = &mut parent.2;
                    if s.chars > 0 && p.chars > 0 {
                        p.chars += 1;
                    }
                    p.chars += s.chars;
                    p.link_chars += s.link_chars;
                    p.commas += s.commas;
                    p.prose += s.prose;
                    p.story_prose += s.story_prose;
                    p.headings += s.headings;
                    p.linked_headings += s.linked_headings;
                    p.away_link_chars += s.away_link_chars;
                    if f.breaks_text {
                        p.block_child = true;
                    }
                }
            }
        }
    }
    out
}

/// Whether an element is a link a reader follows. An `<a>` whose target is a script
/// (`javascript:`) and that wraps blocks (paragraphs) is a page's way of making a whole passage
/// clickable, not a link away: its text is read as the text it is (Readability turns such
/// anchors into plain spans). One holding only a few words is a control ("Reply", "Autoplay"),
/// counted as link text like any other.
fn is_link(n: NodeRef<Node>) -> bool {
    let Node::Element(el) = n.value() else {
        return false;
    };
    if el.name() != "a" {
        return false;
    }
    let script = el.attr("href").is_some_and(|h| {
        h.trim_start()
            .get(..11)
            .is_some_and(|p| p.eq_ignore_ascii_case("javascript:"))
    });
    !(script
        && n.children()
            .any(|c| matches!(c.value(), Node::Element(e) if is_block(e.name()))))
}

/// Whether a link's target is a named place in this page ("#section-2"): a skip link, a
/// table of contents, a footnote. A bare "#" is not: it is a script's button ("Reply",
/// "Edit", "Flag" under each comment), page furniture like any link.
fn is_in_page_anchor(href: &str) -> bool {
    href.trim()
        .strip_prefix('#')
        .is_some_and(|name| !name.is_empty())
}

/// Text of a subtree, skipping skipped elements; iterative.
fn subtree_text(node: NodeRef<Node>, page: &Page, rules: Rules) -> (String, usize) {
    let mut text = String::new();
    let mut link_chars = 0usize;
    let mut stack: Vec<(NodeRef<Node>, bool)> = vec![(node, false)];
    while let Some((n, in_link)) = stack.pop() {
        match n.value() {
            Node::Text(t) => {
                text.push_str(t);
                if in_link {
                    link_chars += t.trim().chars().count();
                }
            }
            Node::Element(el) => {
                if n.id() != node.id() && page.skipped(n.id(), rules) {
                    continue;
                }
                let link = in_link || is_link(n);
                if is_block(el.name()) {
                    text.push(' ');
                }
                let at = stack.len();
                stack.extend(n.children().map(|c| (c, link)));
                stack[at..].reverse();
            }
            _ => {}
        }
    }
    (text, link_chars)
}

fn tag_weight(name: &str) -> f64 {
    match name {
        "article" | "main" => 10.0,
        "div" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Extracts the body blocks of a parsed page.
pub fn extract(
    document: &Html,
    title: Option<&str>,
    page_url: Option<&str>,
    limits: &Limits,
) -> Body {
    let page = Page::new(document.tree.root());
    let strict = extract_with(
        document,
        &page,
        title,
        page_url,
        limits,
        Rules { class_filter: true },
    );
    let chars = |b: &Body| {
        b.blocks
            .iter()
            .map(|x| x.text.chars().count())
            .sum::<usize>()
    };
    if chars(&strict) >= MIN_BODY_CHARS {
        return strict;
    }
    let relaxed = extract_with(
        document,
        &page,
        title,
        page_url,
        limits,
        Rules {
            class_filter: false,
        },
    );
    // The relaxed pass must find prose, not just the menus the class filter removed.
    let has_prose = relaxed
        .blocks
        .iter()
        .any(|b| b.kind == BlockKind::Paragraph && b.text.chars().count() >= 100);
    if has_prose && chars(&relaxed) > chars(&strict) {
        relaxed
    } else {
        strict
    }
}

fn extract_with(
    document: &Html,
    page: &Page,
    title: Option<&str>,
    page_url: Option<&str>,
    limits: &Limits,
    rules: Rules,
) -> Body {
    let root = document.tree.root();
    let stats = compute_stats(root, page, rules);
    let scores = score_containers(root, page, &stats, rules);
    let best = scores
        .iter()
        .map(|(id, s)| (*id, *s))
        .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
    let best = best
        .map(|(id, s)| promote(document, &scores, id, s))
        .map(|(id, s)| (widen(document, &stats, whole_table(document, id)), s));
    let content_roots: Vec<NodeId> = match best
        .and_then(|(id, s)| document.tree.get(id).map(|n| (n, s)))
    {
        Some((top, top_score)) => {
            let threshold = (top_score * 0.2).max(10.0);
            // A sibling with the top container's own class is another part of the same
            // story ("story-body story-body-2" next to "…-1"): it gets Readability's bonus.
            fn class_of<'a>(n: NodeRef<'a, Node>) -> Option<&'a str> {
                match n.value() {
                    Node::Element(e) => e.attr("class").map(str::trim).filter(|c| !c.is_empty()),
                    _ => None,
                }
            }
            let top_class = class_of(top);
            match top.parent() {
                Some(parent) => parent
                    .children()
                    .filter(|sib| {
                        let bonus = if top_class.is_some() && class_of(*sib) == top_class {
                            top_score * 0.2
                        } else {
                            0.0
                        };
                        sib.id() == top.id()
                            || scores
                                .get(&sib.id())
                                .is_some_and(|s| *s + bonus >= threshold)
                            || is_good_sibling_paragraph(*sib, page, &stats, rules)
                    })
                    .map(|n| n.id())
                    .collect(),
                None => vec![top.id()],
            }
        }
        None => body_node(root).map(|n| vec![n.id()]).unwrap_or_default(),
    };

    let mut walker = Walker {
        blocks: Vec::new(),
        run: String::new(),
        run_link_chars: 0,
        run_links: Vec::new(),
        links: Vec::new(),
        page_domain: page_url.and_then(domain_of),
        max_depth: limits.max_depth,
        rules,
        page,
        link_depth: 0,
        data_table_depth: 0,
    };
    for id in content_roots {
        if let Some(node) = document.tree.get(id) {
            if let Node::Element(el) = node.value() {
                if page.skipped(id, rules) {
                    continue;
                }
                let kind = kind_for(el.name(), BlockKind::Paragraph);
                let data_table = el.name() == "table" && is_data_table(node);
                walker.data_table_depth = usize::from(data_table);
                walker.walk(node, kind, 0);
                walker.flush(kind);
                walker.data_table_depth = 0;
            } else if let Node::Text(t) = node.value() {
                walker.run.push_str(t);
                walker.flush(BlockKind::Paragraph);
            }
        }
    }
    let mut blocks = walker.blocks;
    // The headline is the title, not body text: a heading that says (nearly) what the title
    // says is dropped, nearly because titles carry a site suffix or a kicker the heading lacks
    // (Readability's test: 75% of the heading's words are in the title, by length).
    if let Some(t) = title {
        blocks.retain(|b| {
            !(b.kind == BlockKind::Heading
                && b.text.chars().count() <= 300
                && text_similarity(t, &b.text) > 0.75)
        });
    }
    let chars: usize = blocks.iter().map(|b| b.text.chars().count()).sum();
    let paragraphs = blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Paragraph)
        .count();
    let confidence =
        (chars as f64 / 1500.0).min(1.0) * 0.6 + (paragraphs as f64 / 5.0).min(1.0) * 0.4;
    Body {
        blocks,
        links: walker.links,
        confidence,
    }
}

/// Moves the chosen container up when the story is spread over several containers: to the
/// nearest ancestor holding three or more of the near-best containers (score ≥ 0.75 × best),
/// then further up while the parent itself scores higher (Readability's two promotions).
fn promote(document: &Html, scores: &IdMap<f64>, top: NodeId, top_score: f64) -> (NodeId, f64) {
    let mut ranked: Vec<(NodeId, f64)> = scores.iter().map(|(id, s)| (*id, *s)).collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let near: Vec<NodeId> = ranked
        .iter()
        .skip(1)
        .take(4)
        .filter(|(_, s)| *s >= 0.75 * top_score)
        .map(|(id, _)| *id)
        .collect();
    let is_body = |n: NodeRef<Node>| matches!(n.value(), Node::Element(e) if matches!(e.name(), "body" | "html"));
    let mut chosen = (top, top_score);
    if near.len() >= 2 {
        let mut ancestor = document.tree.get(top).and_then(|n| n.parent());
        while let Some(a) = ancestor {
            if is_body(a) {
                break;
            }
            let held = near
                .iter()
                .filter(|id| {
                    document
                        .tree
                        .get(**id)
                        .is_some_and(|n| n.ancestors().any(|x| x.id() == a.id()))
                })
                .count();
            if held + 1 >= 3 {
                chosen = (a.id(), scores.get(&a.id()).copied().unwrap_or(top_score));
                break;
            }
            ancestor = a.parent();
        }
    }
    // Up while the parent scores higher than the container it holds.
    while let Some(parent) = document.tree.get(chosen.0).and_then(|n| n.parent()) {
        if is_body(parent) {
            break;
        }
        match scores.get(&parent.id()) {
            Some(&s) if s > chosen.1 => chosen = (parent.id(), s),
            _ => break,
        }
    }
    chosen
}

/// Widens the chosen container to an ancestor when the ancestor adds mostly prose: a story
/// split into sections, or whose first paragraphs sit in a sibling wrapper (a lede block, a
/// "section" per subheading), is otherwise cut to its best-scoring part. An ancestor qualifies
/// when the text it adds is at least twice as much prose as anything else (menus, labels,
/// link lists) and it is not link-heavy; the highest such ancestor below <body> is taken.
fn widen(document: &Html, stats: &IdMap<Stats>, top: NodeId) -> NodeId {
    let Some(node) = document.tree.get(top) else {
        return top;
    };
    let t = stats.get(&top).copied().unwrap_or_default();
    let mut qualifying: Vec<(NodeId, usize)> = Vec::new();
    for a in node.ancestors().take(10) {
        if let Node::Element(e) = a.value() {
            if matches!(e.name(), "body" | "html") {
                break;
            }
        }
        let Some(s) = stats.get(&a.id()) else {
            continue;
        };
        let added_prose = s.prose.saturating_sub(t.prose);
        let added_chars = s.chars.saturating_sub(t.chars);
        let added_other = added_chars.saturating_sub(added_prose);
        // In-page anchors (a "Continue reading the main story" skip link between two parts
        // of a story split by an advertisement) lead nowhere else and are not counted.
        let added_links = s.away_link_chars.saturating_sub(t.away_link_chars);
        let added_headings = s.headings.saturating_sub(t.headings);
        let added_linked_headings = s.linked_headings.saturating_sub(t.linked_headings);
        // Teaser lists and comment threads are prose too, but linked (teasers) or broken up
        // by names, dates and "reply" (comments): the added text must be nearly link-free
        // and overwhelmingly prose. Teasers whose blurbs are plain prose, with only the
        // headline linked, pass that test; they are told by those headlines: two or more
        // headings, most of those added, that are links to other pages. A story's own
        // subheadings are not links (or are anchors within the page).
        let teasers = added_linked_headings >= 2 && added_linked_headings * 2 >= added_headings;
        if added_prose >= WIDEN_MIN_PROSE
            && added_prose >= WIDEN_PROSE_RATIO * added_other
            && added_links * 10 < added_chars
            && !teasers
        {
            qualifying.push((a.id(), added_prose));
        }
    }
    // The nearest ancestor that gathers (nearly) all the prose any qualifying ancestor adds:
    // going higher only risks picking up more page furniture.
    let most = qualifying.iter().map(|q| q.1).max().unwrap_or(0);
    qualifying
        .iter()
        .find(|q| q.1 * 10 >= most * 9)
        .map_or(top, |q| q.0)
}

/// Whether a table holds data rather than laying out a page: it has a caption, a header row or
/// header cells, and no table inside it (layout tables nest; Readability's data-table test,
/// reduced to the markup that only data tables carry). `role="presentation"` says layout.
fn is_data_table(table: NodeRef<Node>) -> bool {
    if let Node::Element(e) = table.value() {
        if e.attr("role") == Some("presentation") {
            return false;
        }
    }
    let mut header = false;
    // Capped, so that tables nested in tables cannot make the walk quadratic.
    for n in table.descendants().skip(1).take(DATA_TABLE_SCAN_NODES) {
        if let Node::Element(e) = n.value() {
            match e.name() {
                "table" => return false,
                "caption" | "thead" | "th" => header = true,
                _ => {}
            }
        }
    }
    header
}

/// Nodes of a table read to decide whether it holds data.
const DATA_TABLE_SCAN_NODES: usize = 20_000;

/// The table a chosen container belongs to, when it is a part of one (its body, a row, a
/// cell): a table is one unit, and its caption, header row and the paragraphs introducing it
/// (its siblings) belong with its rows.
fn whole_table(document: &Html, top: NodeId) -> NodeId {
    let Some(node) = document.tree.get(top) else {
        return top;
    };
    let is_part = |n: NodeRef<Node>| matches!(n.value(), Node::Element(e) if matches!(e.name(), "tbody" | "thead" | "tfoot" | "tr" | "td" | "th"));
    if !is_part(node) {
        return top;
    }
    node.ancestors()
        .take(4)
        .find(|a| matches!(a.value(), Node::Element(e) if e.name() == "table"))
        .map_or(top, |t| t.id())
}

/// How many times more prose than other text an ancestor must add to widen the body to it.
const WIDEN_PROSE_RATIO: usize = 4;

/// Least prose an ancestor must add to widen the body to it.
const WIDEN_MIN_PROSE: usize = 150;

fn body_node(root: NodeRef<Node>) -> Option<NodeRef<Node>> {
    root.descendants()
        .find(|n| matches!(n.value(), Node::Element(e) if e.name() == "body"))
        .or(Some(root))
}

fn is_good_sibling_paragraph(
    node: NodeRef<Node>,
    page: &Page,
    stats: &IdMap<Stats>,
    rules: Rules,
) -> bool {
    let Node::Element(el) = node.value() else {
        return false;
    };
    if page.skipped(node.id(), rules) {
        return false;
    }
    let Some(s) = stats.get(&node.id()) else {
        return false;
    };
    // A div or section holding only text and inline markup is a paragraph written as a div
    // (a lede or standfirst next to the story container, "article__perex"): Readability
    // turns such divs into paragraphs before this test, so they pass it too.
    let paragraph = match el.name() {
        "p" => true,
        "div" | "section" => !s.block_child,
        _ => false,
    };
    paragraph && s.chars > 80 && (s.link_chars as f64) < 0.25 * s.chars as f64
}

/// Scores containers by the paragraphs inside them (skipped subtrees ignored).
fn score_containers(
    root: NodeRef<Node>,
    page: &Page,
    stats: &IdMap<Stats>,
    rules: Rules,
) -> IdMap<f64> {
    let mut raw: IdMap<f64> = IdMap::default();
    let mut stack: Vec<NodeRef<Node>> = vec![root];
    while let Some(n) = stack.pop() {
        let Node::Element(el) = n.value() else {
            if n.id() == root.id() {
                stack.extend(n.children());
            }
            continue;
        };
        if page.skipped(n.id(), rules) {
            continue;
        }
        let st = stats.get(&n.id()).copied().unwrap_or_default();
        let name = el.name();
        // A list item written as a paragraph (no blocks inside, mostly not a link) counts like
        // one: changelogs, listicles and notes are stories told in lists. Menus are lists of
        // links and do not count.
        let prose_item = name == "li" && !st.block_child && st.link_chars * 3 < st.chars;
        let scorable = matches!(name, "p" | "pre" | "td" | "blockquote")
            || prose_item
            || (matches!(name, "div" | "section") && written_as_paragraph(&st));
        if scorable {
            let len = st.chars;
            if len >= 25 {
                let s = 1.0 + st.commas as f64 + (len as f64 / 100.0).floor().min(3.0);
                let mut ancestor = n.parent();
                for divisor in [1.0, 2.0, 3.0] {
                    let Some(a) = ancestor else { break };
                    if let Node::Element(ael) = a.value() {
                        let base = raw.entry(a.id()).or_insert_with(|| {
                            tag_weight(ael.name()) + page.flags(a.id()).class_weight
                        });
                        *base += s / divisor;
                    }
                    ancestor = a.parent();
                }
            }
            if name != "div" && name != "section" {
                continue; // paragraphs do not hold containers worth scoring
            }
        }
        stack.extend(n.children());
    }
    raw.into_iter()
        .map(|(id, score)| {
            let st = stats.get(&id).copied().unwrap_or_default();
            let density = st.link_chars as f64 / st.chars.max(1) as f64;
            (id, score * (1.0 - density.min(1.0)))
        })
        .collect()
}

/// A div that is written as a paragraph: text of its own, or only inline children
/// (`<div><span>…</span></div>`), at least 25 characters.
fn written_as_paragraph(st: &Stats) -> bool {
    st.own_text >= 25 || (!st.block_child && st.has_child && st.chars >= 25)
}

fn kind_for(name: &str, inherited: BlockKind) -> BlockKind {
    match name {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockKind::Heading,
        "li" | "dd" | "dt" => BlockKind::ListItem,
        "blockquote" => BlockKind::Quote,
        "pre" => BlockKind::Preformatted,
        _ => inherited,
    }
}

/// Walks content in document order, gathering inline text into runs and emitting a block at
/// each block boundary.
struct Walker<'p> {
    blocks: Vec<Block>,
    run: String,
    run_link_chars: usize,
    /// Citation links of the current run (see [`cited_domain`]), kept if the run is.
    run_links: Vec<String>,
    links: Vec<String>,
    page_domain: Option<String>,
    max_depth: usize,
    rules: Rules,
    page: &'p Page,
    /// How many links the walk is inside.
    link_depth: usize,
    /// How many data tables (see [`is_data_table`]) the walk is inside.
    data_table_depth: usize,
}

impl Walker<'_> {
    fn walk(&mut self, node: NodeRef<Node>, kind: BlockKind, depth: usize) {
        for child in node.children() {
            match child.value() {
                Node::Text(t) => {
                    self.run.push_str(t);
                    if self.link_depth > 0 {
                        self.run_link_chars += t
                            .split_whitespace()
                            .map(|w| w.chars().count())
                            .sum::<usize>();
                    }
                }
                Node::Element(el) => {
                    if self.page.skipped(child.id(), self.rules) {
                        continue;
                    }
                    let name = el.name();
                    if name == "br" {
                        self.run.push('\n');
                        continue;
                    }
                    let link = is_link(child);
                    if link {
                        self.note_link(el);
                    }
                    if depth >= self.max_depth {
                        // Too deep to walk: read the rest as flat text.
                        let (text, link_chars) = subtree_text(child, self.page, self.rules);
                        self.run.push_str(&text);
                        self.run_link_chars += link_chars;
                        continue;
                    }
                    if is_block(name) {
                        self.flush(kind);
                        let inner = kind_for(name, kind);
                        let data_table = name == "table" && is_data_table(child);
                        self.data_table_depth += usize::from(data_table);
                        self.walk(child, inner, depth + 1);
                        self.flush(inner);
                        self.data_table_depth -= usize::from(data_table);
                    } else if link {
                        // Text inside the link counts as link text as it is added (a block
                        // inside the link may flush the run meanwhile).
                        self.link_depth += 1;
                        self.walk(child, kind, depth + 1);
                        self.link_depth -= 1;
                    } else {
                        self.walk(child, kind, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    /// Keeps a citation link of the current run; it joins `links` if the run is kept as text.
    fn note_link(&mut self, el: &Element) {
        let Some(href) = el.attr("href") else { return };
        let href = href.trim();
        if cited_domain(href, self.page_domain.as_deref()).is_some()
            && !self.run_links.iter().any(|l| l == href)
        {
            self.run_links.push(href.to_string());
        }
    }

    /// The current run's citation links join the story's (a run kept as text).
    fn keep_run_links(&mut self) {
        for href in std::mem::take(&mut self.run_links) {
            if self.links.len() < 500 && !self.links.contains(&href) {
                self.links.push(href);
            }
        }
    }

    /// Ends the current run: splits it at double line breaks and keeps the parts that are text.
    /// Links in runs that are not kept (bars of links, furniture, empty image links) are not the
    /// story's citations.
    fn flush(&mut self, kind: BlockKind) {
        let kept_before = self.blocks.len();
        self.flush_text(kind);
        if self.blocks.len() > kept_before {
            self.keep_run_links();
        } else {
            self.run_links.clear();
        }
    }

    /// Splits the run at double line breaks and keeps the parts that are text as blocks.
    fn flush_text(&mut self, kind: BlockKind) {
        if self.run.trim().is_empty() {
            self.run.clear();
            self.run_link_chars = 0;
            return;
        }
        let run = std::mem::take(&mut self.run);
        let link_chars = std::mem::take(&mut self.run_link_chars);
        let total = run
            .split_whitespace()
            .map(|w| w.chars().count())
            .sum::<usize>()
            .max(1);
        let link_density = link_chars as f64 / total as f64;
        // A cell of a data table that is a link (a film's title linked to its page) is the
        // table's data, not a bar of links.
        if link_density > 0.5
            && total < 300
            && kind != BlockKind::ListItem
            && self.data_table_depth == 0
        {
            return; // a bar of links
        }
        let parts: Vec<String> = if kind == BlockKind::Preformatted {
            vec![run.trim_matches('\n').to_string()]
        } else {
            split_on_double_breaks(&run)
        };
        for part in parts {
            let text = if kind == BlockKind::Preformatted {
                part
            } else {
                fold_whitespace(&part)
            };
            if text.is_empty() || (text.chars().count() < 60 && boilerplate_re().is_match(&text)) {
                continue;
            }
            self.blocks.push(Block { kind, text });
        }
    }
}

fn split_on_double_breaks(run: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut pending_breaks = 0;
    for c in run.chars() {
        if c == '\n' {
            pending_breaks += 1;
            continue;
        }
        if pending_breaks > 0 {
            if pending_breaks >= 2 && !current.trim().is_empty() {
                parts.push(std::mem::take(&mut current));
            } else {
                current.push(' ');
            }
            pending_breaks = 0;
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        parts.push(current);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_of(html: &str) -> Vec<(BlockKind, String)> {
        let doc = Html::parse_document(html);
        extract(
            &doc,
            Some("The Headline"),
            Some("https://news.example.com/a"),
            &Limits::default(),
        )
        .blocks
        .into_iter()
        .map(|b| (b.kind, b.text))
        .collect()
    }

    const PARA: &str = "The council voted on Tuesday to approve the new budget, which raises spending on schools, roads and parks by four percent.";

    #[test]
    fn picks_the_story_and_drops_boilerplate() {
        let html = format!(
            r#"<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <div class="sidebar"><p>{PARA} Sidebar copy.</p></div>
            <article><h1>The Headline</h1><p>{PARA}</p><p>Second, longer paragraph: {PARA}</p>
            <figure><img src="x.jpg"><figcaption>A caption, photo credit</figcaption></figure>
            <h2>Background</h2><ul><li>First point</li><li>Second point</li></ul>
            <blockquote><p>"We are pleased," the mayor said.</p></blockquote>
            <div class="share-bar"><a href="https://twitter.com/share">Share</a></div>
            <p>Advertisement</p></article>
            <section id="comments"><p>{PARA} A reader comment.</p></section>
            <footer><p>Copyright</p></footer></body>"#
        );
        let blocks = body_of(&html);
        let texts: Vec<&str> = blocks.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts[0], PARA);
        assert!(texts.contains(&"Background"));
        // A picture's caption is kept, as a block of its own.
        assert!(texts.contains(&"A caption, photo credit"), "{texts:?}");
        assert!(blocks.contains(&(BlockKind::ListItem, "First point".into())));
        assert!(blocks.contains(&(
            BlockKind::Quote,
            "\"We are pleased,\" the mayor said.".into()
        )));
        for bad in [
            "The Headline",
            "Home",
            "Share",
            "Advertisement",
            "Copyright",
        ] {
            assert!(!texts.contains(&bad), "{bad} leaked: {texts:?}");
        }
        assert!(!texts
            .iter()
            .any(|t| t.contains("reader comment") || t.contains("Sidebar")));
    }

    #[test]
    fn double_br_splits_paragraphs() {
        let html =
            format!("<div class=\"story\">{PARA}<br><br>{PARA} Again.<br>Same paragraph.</div>");
        let blocks = body_of(&html);
        assert_eq!(blocks.len(), 2, "{blocks:?}");
        assert!(blocks[1].1.ends_with("Again. Same paragraph."));
    }

    #[test]
    fn outbound_links_are_collected() {
        let html = format!(
            r#"<article><p>{PARA} See <a href="https://data.gov/report">the report</a> and <a href="https://news.example.com/other">ours</a>.</p></article>"#
        );
        assert_eq!(links_of(&html), ["https://data.gov/report"]);
    }

    /// The citation links of a page at https://news.example.com/a.
    fn links_of(html: &str) -> Vec<String> {
        let doc = Html::parse_document(html);
        extract(
            &doc,
            None,
            Some("https://news.example.com/a"),
            &Limits::default(),
        )
        .links
    }

    #[test]
    fn links_in_furniture_and_share_buttons_are_not_citations() {
        let html = format!(
            r#"<article><p>{PARA} See <a href="https://data.gov/report">the report</a>.</p>
            <ul><li><a href="https://other.example.org/related-1">Related story one</a></li>
                <li><a href="https://other.example.org/related-2">Related story two</a></li></ul>
            <p>{PARA} <a href="https://twitter.com/intent/tweet?text=x">Tweet this</a>
               <a href="https://cdn.example.net/photo.jpg"><img src="x.jpg"></a></p></article>"#
        );
        assert_eq!(links_of(&html), ["https://data.gov/report"]);
    }

    #[test]
    fn a_layout_class_that_looks_like_furniture_does_not_hide_the_story() {
        let html = format!(
            r#"<body><div class="panel-two-col-sidebar-right"><p>{PARA}</p><p>{PARA} More.</p></div></body>"#
        );
        assert_eq!(body_of(&html).len(), 2);
    }

    #[test]
    fn text_after_blocks_inside_a_link_is_kept() {
        let html = format!(
            r#"<article><a href="/x"><p>{PARA}</p><p>{PARA} Two.</p>tail words after the blocks inside the link</a><p>{PARA} Three.</p></article>"#
        );
        let texts: Vec<String> = body_of(&html).into_iter().map(|(_, t)| t).collect();
        assert!(texts.iter().any(|t| t.contains("Three.")), "{texts:?}");
    }

    #[test]
    fn paragraphs_written_as_divs_are_paragraphs() {
        let html = format!(
            r#"<body><div class="note"><p>A short note from the author here, with a comma.</p></div><div class="story"><div><span>{PARA}</span></div><div><span>{PARA} Two.</span></div><div><span>{PARA} Three.</span></div></div></body>"#
        );
        let texts: Vec<String> = body_of(&html).into_iter().map(|(_, t)| t).collect();
        assert!(texts.iter().any(|t| t.ends_with("Three.")), "{texts:?}");
    }

    #[test]
    fn a_story_split_into_sections_is_read_whole() {
        // The lede sits in its own wrapper, the rest in a deeper one that outscores it.
        let html = format!(
            r#"<body><article><div class="lede"><p>{PARA}</p><p>{PARA} Lede.</p></div>
            <div class="rest"><div class="inner"><p>{PARA} One.</p><p>{PARA} Two.</p>
            <p>{PARA} Three.</p><p>{PARA} Four.</p></div></div></article>
            <div class="more"><a href="/1">Other story one</a> <a href="/2">Other story two</a></div></body>"#
        );
        let texts: Vec<String> = body_of(&html).into_iter().map(|(_, t)| t).collect();
        assert!(texts.iter().any(|t| t.ends_with("Lede.")), "{texts:?}");
        assert!(texts.iter().any(|t| t.ends_with("Four.")), "{texts:?}");
        assert!(
            !texts.iter().any(|t| t.contains("Other story")),
            "{texts:?}"
        );
    }

    #[test]
    fn a_layout_wrapper_named_like_furniture_keeps_the_story_not_its_comments() {
        let html = format!(
            r#"<body><div class="page two-col-sidebar-layout"><div class="main-content">
            <p>{PARA} One.</p><p>{PARA} Two.</p><p>{PARA} Three.</p><p>{PARA} Four.</p></div>
            <div class="comments"><p>{PARA} A reader comment.</p></div></div></body>"#
        );
        let texts: Vec<String> = body_of(&html).into_iter().map(|(_, t)| t).collect();
        assert!(texts.iter().any(|t| t.ends_with("Four.")), "{texts:?}");
        assert!(
            !texts.iter().any(|t| t.contains("reader comment")),
            "{texts:?}"
        );
    }

    #[test]
    fn a_story_told_in_list_items_is_found() {
        let items: String = (0..6)
            .map(|i| format!("<li>{PARA} Item {i}.</li>"))
            .collect();
        let html = format!(
            r#"<body><div class="post"><ul>{items}</ul></div><div class="links"><p><a href="/a">A link that is not the story at all here</a></p></div></body>"#
        );
        let blocks = body_of(&html);
        assert!(
            blocks.contains(&(BlockKind::ListItem, format!("{PARA} Item 5."))),
            "{blocks:?}"
        );
    }

    #[test]
    fn a_section_anchor_id_is_not_a_furniture_name() {
        let html = format!(
            r#"<body><div class="content"><p>{PARA} One.</p><p>{PARA} Two.</p><p>{PARA} Three.</p>
            <div class="section" id="sharing-with-a-single-developer"><h2>Sharing</h2>
            <p>{PARA} Kept.</p></div><div id="share-tools"><h3>Share</h3><p>{PARA} Dropped.</p></div></div></body>"#
        );
        let texts: Vec<String> = body_of(&html).into_iter().map(|(_, t)| t).collect();
        assert!(texts.iter().any(|t| t.ends_with("Kept.")), "{texts:?}");
        assert!(!texts.iter().any(|t| t.ends_with("Dropped.")), "{texts:?}");
    }

    #[test]
    fn teasers_with_linked_headlines_do_not_widen_the_story() {
        // Each teaser's blurb is plain prose; only its headline is a link.
        let teasers: String = (0..4)
            .map(|i| {
                format!(
                    r#"<div class="item"><h4><a href="/other-{i}">Another columnist's take {i}</a></h4><p>{PARA} {PARA} Teaser {i}.</p></div>"#
                )
            })
            .collect();
        let html = format!(
            r#"<body><div><div class="story"><p>{PARA} One.</p><p>{PARA} Two.</p><p>{PARA} Three.</p>
            <p>{PARA} Four.</p><p>{PARA} Five.</p><p>{PARA} Six.</p></div>
            <div class="group"><h2>Other columns</h2><div class="content"><div class="list">{teasers}</div></div></div></div></body>"#
        );
        let texts: Vec<String> = body_of(&html).into_iter().map(|(_, t)| t).collect();
        assert!(texts.iter().any(|t| t.ends_with("Six.")), "{texts:?}");
        assert!(!texts.iter().any(|t| t.contains("Teaser")), "{texts:?}");
    }

    #[test]
    fn a_later_section_with_anchor_linked_headings_still_widens_the_story() {
        let html = format!(
            r##"<body><article><div class="intro"><p>{PARA} One.</p><p>{PARA} Two.</p></div>
            <div class="rest"><h2><a href="#a">Part A</a></h2><p>{PARA} A.</p>
            <h2><a href="#b">Part B</a></h2><p>{PARA} B.</p><div class="inner"><p>{PARA} C.</p>
            <p>{PARA} D.</p><p>{PARA} E.</p><p>{PARA} F.</p></div></div></article></body>"##
        );
        let texts: Vec<String> = body_of(&html).into_iter().map(|(_, t)| t).collect();
        assert!(texts.iter().any(|t| t.ends_with("One.")), "{texts:?}");
        assert!(texts.iter().any(|t| t.ends_with("F.")), "{texts:?}");
    }

    #[test]
    fn a_story_split_by_an_advertisement_with_skip_links_is_read_whole() {
        // The skip links lead to a place in the page, not away from it: they do not make the
        // first part look like a list of links.
        let skip = r##"<div class="interrupter"><a href="#part-2">Continue reading the main story</a></div>"##;
        let html = format!(
            r#"<body><article><div class="wrap"><div class="part"><p>{PARA} One.</p><p>{PARA} Two.</p>
            <p>{PARA} Three.</p></div></div>{skip}{skip}<div class="wrap"><div class="part" id="part-2">
            <p>{PARA} Four.</p><p>{PARA} Five.</p><p>{PARA} Six.</p><p>{PARA} Seven.</p></div></div>
            </article></body>"#
        );
        let texts: Vec<String> = body_of(&html).into_iter().map(|(_, t)| t).collect();
        assert!(texts.iter().any(|t| t.ends_with("One.")), "{texts:?}");
        assert!(texts.iter().any(|t| t.ends_with("Seven.")), "{texts:?}");
    }

    #[test]
    fn in_page_anchors_are_named_places_not_script_buttons() {
        assert!(is_in_page_anchor("#story-continues-2"));
        assert!(is_in_page_anchor(" #notes "));
        assert!(!is_in_page_anchor("#"));
        assert!(!is_in_page_anchor("javascript:void(0)"));
        assert!(!is_in_page_anchor("https://example.com/a#b"));
    }

    #[test]
    fn a_lede_written_as_a_div_next_to_the_story_is_kept() {
        let html = format!(
            r#"<body><div class="article"><div class="author"><a href="/authors/x">A. Writer</a></div>
            <div class="perex">{PARA} Lede.</div>
            <div class="photo"><a href="/gallery/1"><div class="desc">A picture of the council chamber | Photo: Agency</div></a></div>
            <div class="article-content"><p>{PARA} One.</p><p>{PARA} Two.</p><p>{PARA} Three.</p></div></div>
            <div class="links"><div>Short label</div></div></body>"#
        );
        let texts: Vec<String> = body_of(&html).into_iter().map(|(_, t)| t).collect();
        assert!(texts.iter().any(|t| t.ends_with("Lede.")), "{texts:?}");
        assert!(texts.iter().any(|t| t.ends_with("Three.")), "{texts:?}");
        assert!(
            !texts.iter().any(|t| t.contains("Short label")),
            "{texts:?}"
        );
    }

    #[test]
    fn empty_page_gives_no_blocks() {
        assert!(body_of("<html><body><nav>Menu</nav></body></html>").is_empty());
    }

    #[test]
    fn a_script_link_wrapping_paragraphs_is_text_but_a_script_button_is_not() {
        let html = format!(
            r#"<body><div><a href="javascript:"><p>{PARA}</p><p>Then: {PARA}</p></a></div>
            <div><a href="javascript:;">Autoplay</a> <span>on</span></div></body>"#
        );
        let texts: Vec<String> = body_of(&html).into_iter().map(|b| b.1).collect();
        assert_eq!(texts, vec![PARA.to_string(), format!("Then: {PARA}")]);
    }

    #[test]
    fn a_data_table_is_kept_whole_with_its_linked_cells_and_introduction() {
        let rows: String = (0..6)
            .map(|i| {
                format!(
                    r#"<tr><th><a href="https://films.example.org/{i}">Film {i}</a></th>
                    <td>A long description of film number {i}, with commas, clauses, and
                    plenty of words to read like a paragraph would.</td></tr>"#
                )
            })
            .collect();
        let html = format!(
            r#"<body><div><p>{PARA}</p><table><caption>Films</caption>
            <thead><tr><th>Film</th><th>Description</th></tr></thead><tbody>{rows}</tbody>
            </table></div><div class="footer-links"><a href="/a">About</a></div></body>"#
        );
        let texts: Vec<String> = body_of(&html).into_iter().map(|b| b.1).collect();
        assert_eq!(texts.first().map(String::as_str), Some(PARA));
        assert!(texts.iter().any(|t| t == "Films"), "{texts:?}");
        assert!(texts.iter().any(|t| t == "Film 3"), "{texts:?}");
        assert!(!texts.iter().any(|t| t == "About"), "{texts:?}");
    }

    #[test]
    fn a_layout_table_of_links_is_still_a_bar_of_links() {
        let html = format!(
            r#"<body><table><tr><td><a href="/a">Home</a> <a href="/b">World</a></td>
            <td><table><tr><td><p>{PARA}</p><p>More: {PARA}</p></td></tr></table></td></tr>
            </table></body>"#
        );
        let texts: Vec<String> = body_of(&html).into_iter().map(|b| b.1).collect();
        assert!(!texts.iter().any(|t| t.contains("Home")), "{texts:?}");
        assert!(texts.iter().any(|t| t == PARA), "{texts:?}");
    }

    #[test]
    fn formulas_rendered_by_mathjax_are_story_text() {
        let html = format!(
            r#"<body><article><p>{PARA}</p><p>When a is not zero the solutions of
            <span class="MathJax CtxtMenu_Attached_0"><math><mi>a</mi><mo>=</mo><mn>0</mn>
            </math></span> are two, as every pupil learns at school.</p></article></body>"#
        );
        let texts: Vec<String> = body_of(&html).into_iter().map(|b| b.1).collect();
        assert!(
            texts.iter().any(|t| t.contains("solutions of a=0 are two")),
            "{texts:?}"
        );
    }
}
