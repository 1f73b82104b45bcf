//! HTML → article: parses a whole page with an HTML5 parser (html5ever, through `scraper`), reads
//! the metadata (JSON-LD first, then OpenGraph/meta, then the document), finds the story body and
//! returns it as text blocks, plus the outbound links the story cites.
//!
//! Limits are explicit ([`Limits`]): a page over them gives a typed [`crate::Error`] that names the
//! limit, never a panic.

mod body;
mod dates;
mod links;
mod metadata;

use crate::error::Error;
use crate::text::Block;
use scraper::Html;

pub use dates::normalize_date;

/// Explicit bounds on what the extractor accepts.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest HTML input, in bytes.
    pub max_html_bytes: usize,
    /// Most DOM nodes a page may have.
    pub max_nodes: usize,
    /// Deepest nesting the body walker descends into; deeper content is read as flat text.
    pub max_depth: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_html_bytes: 16 * 1024 * 1024,
            max_nodes: 1_000_000,
            max_depth: 256,
        }
    }
}

/// What the extractor found on a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Extracted {
    pub title: Option<String>,
    pub byline: Vec<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    pub description: Option<String>,
    pub declared_lang: Option<String>,
    /// The story body, in order.
    pub blocks: Vec<Block>,
    /// Absolute `http(s)` links found inside the story body.
    pub links: Vec<String>,
    /// 0…1: how article-like the chosen body is (text mass, paragraph count, link density).
    pub body_confidence: f64,
}

/// Extracts the article from a whole HTML page. `url` is where the page came from, if known.
pub fn extract_html(html: &str, url: Option<&str>, limits: &Limits) -> Result<Extracted, Error> {
    if html.len() > limits.max_html_bytes {
        return Err(Error::LimitExceeded {
            limit: "max_html_bytes",
            value: html.len(),
            max: limits.max_html_bytes,
        });
    }
    let document = Html::parse_document(html);
    let nodes = document.tree.nodes().count();
    if nodes > limits.max_nodes {
        return Err(Error::LimitExceeded {
            limit: "max_nodes",
            value: nodes,
            max: limits.max_nodes,
        });
    }
    let meta = metadata::read(&document);
    let page_url = meta
        .canonical
        .clone()
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .or_else(|| url.map(str::to_string));
    let body = body::extract(
        &document,
        meta.title.as_deref(),
        page_url.as_deref(),
        limits,
    );
    Ok(Extracted {
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        url: page_url,
        site_name: meta.site_name,
        section: meta.section,
        description: meta.description,
        declared_lang: meta.lang,
        blocks: body.blocks,
        links: body.links,
        body_confidence: body.confidence,
    })
}

/// The host of an absolute URL, lowercased, without `www.` and port.
pub fn domain_of(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| url.strip_prefix("//"))?;
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?; // drop userinfo
    let host = host
        .split(':')
        .next()?
        .trim_end_matches('.')
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    let valid = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '[' | ']'));
    valid.then_some(host)
}

/// Folds runs of whitespace to single spaces and trims.
/// A word list bucketed by first byte, so that one scan of a class string tries, at each
/// position, only the few words that can start there (every class string of every element
/// is scanned: a `contains` per word, or all words wherever any could start, cost a tenth of
/// extraction).
pub(crate) struct WordSet {
    by_first: [Vec<&'static [u8]>; 256],
}

impl WordSet {
    pub(crate) fn new(words: &[&'static str]) -> WordSet {
        let mut by_first: [Vec<&'static [u8]>; 256] = std::array::from_fn(|_| Vec::new());
        for w in words.iter().filter(|w| !w.is_empty()) {
            by_first[w.as_bytes()[0] as usize].push(w.as_bytes());
        }
        WordSet { by_first }
    }

    /// Whether any word of the set occurs in `hay`.
    pub(crate) fn occurs_in(&self, hay: &str) -> bool {
        let h = hay.as_bytes();
        (0..h.len()).any(|i| {
            self.by_first[h[i] as usize]
                .iter()
                .any(|w| h[i..].starts_with(w))
        })
    }
}

/// Whether an inline `style` attribute hides its element (`display: none`,
/// `visibility: hidden`, in any case and spacing).
pub(crate) fn style_hides(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    s.contains("display:none") || s.contains("visibility:hidden")
}

pub(crate) fn fold_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_of_strips_scheme_www_port_and_path() {
        assert_eq!(
            domain_of("https://www.Example.co.uk:8080/a/b?c").as_deref(),
            Some("example.co.uk")
        );
        assert_eq!(
            domain_of("http://user@news.site.com").as_deref(),
            Some("news.site.com")
        );
        assert_eq!(domain_of("ftp://x.com"), None);
        assert_eq!(
            domain_of("https://fakehost/test/page.html").as_deref(),
            Some("fakehost")
        );
        assert_eq!(domain_of("https://exa mple.com/"), None);
        assert_eq!(domain_of("javascript:alert(1)"), None);
    }

    #[test]
    fn word_set_finds_any_word_anywhere_and_nothing_else() {
        let set = WordSet::new(&["comment", "share", "menu", ""]);
        assert!(set.occurs_in("post-comments wide"));
        assert!(set.occurs_in("ctxtmenu_attached"));
        assert!(set.occurs_in("share"));
        assert!(!set.occurs_in("article-body sha"));
        assert!(!set.occurs_in(""));
        assert!(!set.occurs_in("élément ñ"));
    }

    #[test]
    fn oversized_input_is_a_typed_error() {
        let limits = Limits {
            max_html_bytes: 10,
            ..Limits::default()
        };
        let err = extract_html("<p>more than ten bytes</p>", None, &limits).unwrap_err();
        assert!(err.to_string().contains("max_html_bytes"), "{err}");
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let depth = 20_000;
        let html = format!(
            "{}<p>{}</p>{}",
            "<div>".repeat(depth),
            "A sentence of text, with commas, long enough to count as a paragraph here. ".repeat(3),
            "</div>".repeat(depth)
        );
        let out = extract_html(&html, None, &Limits::default()).unwrap();
        assert!(out.blocks.iter().any(|b| b.text.contains("long enough")));
    }
}
