//! NEWSAR: multi-perspective news intelligence that runs in the reader's browser.
//!
//! The public API is two calls — [`analyze_html`] for a whole page and [`analyze_text`] for plain
//! text — that return a [`Brief`]. The core is pure Rust with no I/O: one [`text::Doc`] is built
//! per article and every analyzer reads it. `src/wasm.rs` (WebAssembly bindings) and
//! `src/bin/newsar.rs` (the CLI) only convert types.

pub mod brief;
pub mod claims;
pub mod corpus;
pub mod encoder;
pub mod entities;
pub mod error;
pub mod extract;
pub mod factuality;
pub mod framing;
pub mod keywords;
pub mod lang;
pub mod lexicon;
pub mod outlets;
pub mod report;
pub mod summary;
pub mod text;
pub mod tone;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use brief::Brief;
pub use error::Error;

use brief::{round3, Article, Paragraph, Provenance, QualityPart, Source, Stats};
use extract::{domain_of, Extracted, Limits};
use serde::Deserialize;
use text::Doc;

/// Version of the analyzer, written into every brief.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Largest plain-text input, in bytes.
pub const MAX_TEXT_BYTES: usize = 4 * 1024 * 1024;

/// Words per minute for `stats.reading_minutes`.
pub const READING_WPM: usize = 230;

/// What the caller knows about the input beyond its content. All fields are optional.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Options {
    /// Where the page or text came from.
    pub url: Option<String>,
    /// Title (plain text input; for HTML the page's own title wins).
    pub title: Option<String>,
    /// Outlet name (plain text input; for HTML the page's metadata wins).
    pub site_name: Option<String>,
    /// Publication date, ISO 8601 (plain text input; for HTML the page's metadata wins).
    pub published: Option<String>,
    /// Byline (plain text input).
    pub byline: Option<Vec<String>>,
    /// The analysis date, `YYYY-MM-DD`, used for the brief id when there is no publication
    /// date. The core never reads a clock.
    pub now: Option<String>,
}

impl Options {
    fn validate(&self) -> Result<(), Error> {
        if let Some(now) = &self.now {
            let ok = now.len() >= 10
                && extract::normalize_date(now).is_some_and(|d| d.starts_with(&now[..10]));
            if !ok {
                return Err(Error::InvalidOption {
                    option: "now",
                    reason: format!("expected a date YYYY-MM-DD, got {now:?}"),
                });
            }
        }
        if let Some(url) = &self.url {
            if domain_of(url).is_none() {
                return Err(Error::InvalidOption {
                    option: "url",
                    reason: format!("expected an absolute http(s) URL, got {url:?}"),
                });
            }
        }
        Ok(())
    }
}

/// Models the caller loaded at run time. The default is none: the compiled-in models score.
#[derive(Debug, Clone, Copy, Default)]
pub struct Models<'a> {
    /// The transformer check-worthiness model ([`encoder`]), in place of the compiled-in one.
    pub checkworthiness: Option<&'a encoder::CheckworthyEncoder>,
    /// The transformer speaker tagger ([`encoder::SpeakerTagger`]), revising the attribution
    /// rules' answers.
    pub speaker: Option<&'a encoder::SpeakerTagger>,
}

/// Analyzes a whole HTML page.
pub fn analyze_html(html: &str, options: &Options) -> Result<Brief, Error> {
    analyze_html_with(html, options, Models::default())
}

/// Analyzes a whole HTML page with run-time models.
pub fn analyze_html_with(html: &str, options: &Options, models: Models) -> Result<Brief, Error> {
    options.validate()?;
    if html.trim().is_empty() {
        return Err(Error::EmptyInput);
    }
    let extracted = extract::extract_html(html, options.url.as_deref(), &Limits::default())?;
    let doc = Doc::new(&extracted.blocks);
    if !looks_like_article(&doc) {
        return Err(Error::NoArticleText);
    }
    Ok(build(doc, extracted, options, true, models))
}

/// The article of a page without any analysis: what `newsar extract` and the wasm `extractHtml`
/// return (the brief's `article` fields, the body as blank-line separated blocks).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct ExtractedArticle {
    pub title: Option<String>,
    pub byline: Vec<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    pub description: Option<String>,
    pub declared_lang: Option<String>,
    /// The story's blocks (paragraphs, headings, list items, quotes), blank-line separated.
    pub text: String,
    /// Number of blocks in `text`.
    pub blocks: usize,
    /// Absolute links found inside the story body.
    pub links: Vec<String>,
    /// 0…1: how article-like the chosen body is.
    pub confidence: f64,
}

/// Extracts the article of an HTML page (metadata and body) without analyzing it. Errors as
/// [`analyze_html`] does, except that a short body is returned rather than refused.
pub fn extract_article(html: &str, options: &Options) -> Result<ExtractedArticle, Error> {
    options.validate()?;
    if html.trim().is_empty() {
        return Err(Error::EmptyInput);
    }
    let ex = extract::extract_html(html, options.url.as_deref(), &Limits::default())?;
    let text = ex
        .blocks
        .iter()
        .map(|b| b.text.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    Ok(ExtractedArticle {
        title: ex.title.or_else(|| options.title.clone()),
        byline: ex.byline,
        published: ex.published,
        url: ex.url.or_else(|| options.url.clone()),
        site_name: ex.site_name.or_else(|| options.site_name.clone()),
        section: ex.section,
        description: ex.description,
        declared_lang: ex.declared_lang,
        blocks: ex.blocks.len(),
        text,
        links: ex.links,
        confidence: brief::round3(ex.body_confidence),
    })
}

/// Whether the body extracted from a page is an article at all: at least one sentence of eight
/// words or more, or 25 words in all. A page of links, labels or a single word is not.
fn looks_like_article(doc: &Doc) -> bool {
    let longest_sentence = doc
        .sentences
        .iter()
        .map(|s| {
            doc.tokens[s.tokens.clone()]
                .iter()
                .filter(|t| t.is_wordlike())
                .count()
        })
        .max()
        .unwrap_or(0);
    longest_sentence >= 8 || doc.word_count() >= 25
}

/// Analyzes plain text. A blank line separates paragraphs; a line without final punctuation is a
/// sentence of its own.
pub fn analyze_text(input: &str, options: &Options) -> Result<Brief, Error> {
    analyze_text_with(input, options, Models::default())
}

/// Analyzes plain text with run-time models.
pub fn analyze_text_with(input: &str, options: &Options, models: Models) -> Result<Brief, Error> {
    options.validate()?;
    if input.len() > MAX_TEXT_BYTES {
        return Err(Error::LimitExceeded {
            limit: "max_text_bytes",
            value: input.len(),
            max: MAX_TEXT_BYTES,
        });
    }
    // A short first line standing alone, without final punctuation, is the headline.
    let (headline, body) = match (&options.title, split_headline(input)) {
        (None, Some((title, rest))) => (Some(title), rest),
        _ => (None, input),
    };
    let doc = Doc::from_plain_text(body);
    if doc.word_count() == 0 {
        return Err(Error::EmptyInput);
    }
    let words = doc.word_count() as f64;
    let extracted = Extracted {
        title: options.title.clone().or(headline),
        byline: options.byline.clone().unwrap_or_default(),
        published: options
            .published
            .as_deref()
            .and_then(extract::normalize_date),
        url: options.url.clone(),
        site_name: options.site_name.clone(),
        body_confidence: (words / 150.0).min(1.0),
        ..Extracted::default()
    };
    Ok(build(doc, extracted, options, false, models))
}

/// Splits a plain-text headline off the body: the first line, when a blank line follows it, it
/// has at most 25 words and no sentence-final punctuation, and text follows.
fn split_headline(input: &str) -> Option<(String, &str)> {
    let trimmed = input.trim_start();
    let (first, rest) = trimmed.split_once('\n')?;
    let first = first.trim();
    let blank_follows = rest.trim_start_matches([' ', '\t', '\r']).starts_with('\n');
    let words = first.split_whitespace().count();
    let unpunctuated = !first
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with(['.', '!', '?', '…', ':', ';', ',']);
    let has_body = rest.split_whitespace().next().is_some();
    (blank_follows && (1..=25).contains(&words) && unpunctuated && has_body)
        .then(|| (first.to_string(), rest))
}

/// Heuristic: whether a string is an HTML page rather than plain text.
pub fn looks_like_html(input: &str) -> bool {
    let head: String = input
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || head.starts_with("<?xml")
        || [
            "<head", "<body", "<p>", "<p ", "<div", "<article", "<meta", "<title",
        ]
        .iter()
        .any(|t| head.contains(t))
}

fn build(doc: Doc, mut ex: Extracted, options: &Options, from_html: bool, models: Models) -> Brief {
    if ex.url.is_none() {
        ex.url = options.url.clone();
    }
    if from_html {
        ex.title = ex.title.or_else(|| options.title.clone());
        ex.site_name = ex.site_name.or_else(|| options.site_name.clone());
        ex.published = ex.published.or_else(|| {
            options
                .published
                .as_deref()
                .and_then(extract::normalize_date)
        });
    }
    let domain = ex.url.as_deref().and_then(domain_of);
    let language = lang::detect(&doc.text, ex.declared_lang.as_deref());
    let analyzable = language.analyzers_available || language.code == "und";

    let entities = if analyzable {
        entities::analyze(&doc)
    } else {
        entities::Entities::default()
    };
    let claims = if analyzable {
        claims::analyze(&doc, &entities, &ex.links, models)
    } else {
        claims::analyze(&doc, &entities::Entities::default(), &ex.links, models)
    };
    let entity_list = entities::to_brief(
        &doc,
        &entities,
        ex.title.as_deref(),
        &claims.speaker_entities,
    );
    let tone = tone::analyze(&doc);
    let (framing, topics) = if analyzable {
        framing::analyze(&doc)
    } else {
        (Vec::new(), Vec::new())
    };
    let keywords = if analyzable {
        keywords::analyze(&doc)
    } else {
        Vec::new()
    };
    let keywords = keywords::dedupe_against_entities(keywords, &entity_list);
    let summary = summary::summarize(&doc, &keywords, &entity_list);
    let factuality = factuality::analyze(&doc, &claims);

    let words = doc.word_count();
    let quality_parts = vec![
        QualityPart {
            reason: "article body found and article-like".into(),
            weight: round3(0.4 * ex.body_confidence),
            met: ex.body_confidence >= 0.5,
        },
        QualityPart {
            reason: "title".into(),
            weight: 0.15,
            met: ex.title.is_some(),
        },
        QualityPart {
            reason: "publication date".into(),
            weight: 0.15,
            met: ex.published.is_some(),
        },
        QualityPart {
            reason: "byline".into(),
            weight: 0.1,
            met: !ex.byline.is_empty(),
        },
        QualityPart {
            reason: "known source".into(),
            weight: 0.1,
            met: ex.site_name.is_some() || domain.is_some(),
        },
        QualityPart {
            reason: "language identified".into(),
            weight: 0.1,
            met: language.confidence >= 0.5,
        },
    ];
    let quality = quality_parts
        .iter()
        .enumerate()
        .map(|(i, p)| if i == 0 || p.met { p.weight } else { 0.0 })
        .sum::<f64>();
    let stats = Stats {
        words,
        reading_minutes: words.div_ceil(READING_WPM).max(1),
        sentences: doc.sentences.len(),
        entities: entity_list.len(),
        claims: claims.claims.len(),
        sources_cited: claims.sources.len(),
        quality: round3(quality.min(1.0)),
        quality_evidence: quality_parts,
    };
    let source = Source {
        // The page's own name, else the outlet list's, else the domain.
        name: ex
            .site_name
            .clone()
            .or_else(|| {
                domain
                    .as_deref()
                    .and_then(outlets::listed)
                    .map(|o| o.name.to_string())
            })
            .or_else(|| domain.clone()),
        lean: domain.as_deref().and_then(outlets::lean_of),
        domain,
    };
    let id = brief_id(
        ex.published.as_deref().or(options.now.as_deref()),
        &doc.text,
    );
    let not_run = |what: &str| format!("not run: no {what} for language '{}'", language.code);
    let provenance = Provenance {
        extraction: if from_html {
            "rules: HTML5 parse (html5ever); JSON-LD, OpenGraph and meta tags; paragraph-density body scoring".into()
        } else {
            "input: plain text, paragraphs at blank lines".into()
        },
        language: "statistical model: whatlang trigram profiles (69 languages)".into(),
        source: "metadata (og:site_name, JSON-LD publisher), else the international outlet list, else domain; lean from outlet table (Robertson et al. 2018)".into(),
        entities: if analyzable {
            "statistical model: averaged-perceptron tagger trained on CoNLL-2003 (PER/ORG/LOC/MISC) with name-list features; events by head-word rules; alias linking rules".into()
        } else {
            not_run("entity tagger")
        },
        claims: format!(
            "{}; {}",
            match models.checkworthiness {
                None => "statistical model: logistic-regression check-worthiness trained on ClaimBuster".into(),
                Some(model) => format!("statistical model: transformer check-worthiness ({})", model.provenance()),
            },
            match models.speaker {
                None => "rules: reporting-verb attribution resolved through entity aliases".into(),
                Some(model) => format!("rules: reporting-verb attribution resolved through entity aliases, revised by a transformer speaker tagger ({})", model.provenance()),
            }
        ),
        tone: "lexicon: VADER (MIT) valence rules; NEWSAR alarm lexicon".into(),
        framing: if analyzable {
            "lexicon: Media Frames codebook cue words".into()
        } else {
            not_run("frame lexicon")
        },
        factuality: "rules: documented formula over attribution, sourcing, hedging and opinion".into(),
        keywords: if analyzable {
            "statistical: PositionRank (position-biased PageRank over nouns and adjectives), noun-phrase candidates".into()
        } else {
            not_run("keyphrase model")
        },
        summary: "rules: extractive, keyphrase and entity coverage with lead bias".into(),
    };
    let article = Article {
        title: ex.title,
        byline: ex.byline,
        published: ex.published,
        url: ex.url,
        site_name: ex.site_name,
        section: ex.section,
        description: ex.description,
        declared_lang: ex.declared_lang,
        paragraphs: doc
            .paragraphs
            .iter()
            .map(|p| Paragraph {
                start: doc.utf16(p.bytes.start),
                end: doc.utf16(p.bytes.end),
                kind: p.kind.as_str().to_string(),
            })
            .collect(),
        text: doc.text.clone(),
    };
    Brief {
        id,
        newsar_version: VERSION.to_string(),
        source,
        language,
        article,
        stats,
        summary,
        framing,
        topics,
        tone,
        factuality,
        sources: claims.sources,
        claims: claims.claims,
        sentences: claims.sentences,
        entities: entity_list,
        keywords,
        provenance,
    }
}

/// `NSR-YYYY-MMDD-NNNNN`: the date part from `date` (ISO 8601), the number from an FNV-1a hash of
/// the text. Without a date the date part is `0000-0000`.
pub fn brief_id(date: Option<&str>, text: &str) -> String {
    let date_part = date
        .and_then(extract::normalize_date)
        .map(|d| format!("{}-{}{}", &d[0..4], &d[5..7], &d[8..10]))
        .unwrap_or_else(|| "0000-0000".to_string());
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("NSR-{date_part}-{:05}", hash % 100_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_is_stable_and_dated() {
        let a = brief_id(Some("2026-06-08T14:00:00Z"), "text");
        assert!(a.starts_with("NSR-2026-0608-"), "{a}");
        assert_eq!(a, brief_id(Some("2026-06-08"), "text"));
        assert_ne!(a, brief_id(Some("2026-06-08"), "other text"));
        assert!(brief_id(None, "x").starts_with("NSR-0000-0000-"));
    }

    #[test]
    fn extract_article_gives_metadata_and_body_without_analysis() {
        let html = r#"<html><head><title>Flood defences fail as the river rises | The Post</title>
            <meta property="og:site_name" content="The Post"></head><body><article>
            <h1>Flood defences fail as the river rises</h1><p>The river broke through the new flood defences on
            Monday night, officials said, leaving two towns under water.</p><p>Repairs will
            take weeks.</p></article></body></html>"#;
        let a = extract_article(html, &Options::default()).unwrap();
        assert_eq!(
            a.title.as_deref(),
            Some("Flood defences fail as the river rises")
        );
        assert_eq!(a.site_name.as_deref(), Some("The Post"));
        assert!(a.text.contains("river broke through") && a.text.contains("\n\nRepairs"));
        assert!(a.blocks >= 2);
        assert_eq!(
            extract_article(" ", &Options::default()),
            Err(Error::EmptyInput)
        );
    }

    #[test]
    fn source_name_falls_back_to_the_outlet_list() {
        let text = "The council approved the new budget on Monday after a long debate in the city.";
        let at = |url: &str, site: Option<&str>| {
            let options = Options {
                url: Some(url.into()),
                site_name: site.map(Into::into),
                ..Options::default()
            };
            analyze_text(text, &options).unwrap().source.name
        };
        assert_eq!(
            at("https://www.lemonde.fr/a", None).as_deref(),
            Some("Le Monde")
        );
        assert_eq!(
            at("https://www.lemonde.fr/a", Some("LM")).as_deref(),
            Some("LM")
        );
        assert_eq!(
            at("https://unlisted-news.example/a", None).as_deref(),
            Some("unlisted-news.example")
        );
    }

    #[test]
    fn bad_options_are_typed_errors() {
        let bad_now = Options {
            now: Some("tomorrow".into()),
            ..Options::default()
        };
        assert!(matches!(
            analyze_text("Some text.", &bad_now),
            Err(Error::InvalidOption { option: "now", .. })
        ));
        let bad_url = Options {
            url: Some("not a url".into()),
            ..Options::default()
        };
        assert!(matches!(
            analyze_text("Some text.", &bad_url),
            Err(Error::InvalidOption { option: "url", .. })
        ));
    }

    #[test]
    fn empty_inputs_are_errors() {
        assert_eq!(
            analyze_text("  \n ", &Options::default()),
            Err(Error::EmptyInput)
        );
        assert_eq!(
            analyze_html("", &Options::default()),
            Err(Error::EmptyInput)
        );
        assert_eq!(
            analyze_html(
                "<html><body><nav>Home</nav></body></html>",
                &Options::default()
            ),
            Err(Error::NoArticleText)
        );
        // One word is not an article; a short real paragraph is.
        assert_eq!(
            analyze_html("<p>hi</p>", &Options::default()),
            Err(Error::NoArticleText)
        );
        assert!(analyze_html(
            "<p>The council approved the budget on Tuesday after a long debate.</p>",
            &Options::default()
        )
        .is_ok());
    }

    #[test]
    fn plain_text_headline_becomes_the_title() {
        let b = analyze_text(
            "Council approves budget\n\nThe council approved it on Tuesday.",
            &Options::default(),
        )
        .unwrap();
        assert_eq!(b.article.title.as_deref(), Some("Council approves budget"));
        assert_eq!(b.article.text, "The council approved it on Tuesday.");
        // A first line that is a sentence, or runs on without a blank line, stays body text.
        let b = analyze_text("The council met.\n\nIt voted.", &Options::default()).unwrap();
        assert_eq!(b.article.title, None);
        let b = analyze_text("Line one\nline two.", &Options::default()).unwrap();
        assert_eq!(b.article.title, None);
        let given = Options {
            title: Some("Given".into()),
            ..Options::default()
        };
        let b = analyze_text("Council approves budget\n\nText.", &given).unwrap();
        assert_eq!(b.article.title.as_deref(), Some("Given"));
        assert!(b.article.text.starts_with("Council approves budget"));
    }

    #[test]
    fn html_detection() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("  <p>Hello</p>"));
        assert!(!looks_like_html("Plain text about <3 things."));
    }
}
