//! The Brief: everything NEWSAR says about one article, as serde types.
//!
//! Field names are the public JSON contract of `shared/spec/brief.md`: outside tools read them, so
//! fields may be added but never renamed or dropped. Struct field order is the JSON key order.
//!
//! **Offsets.** Every `start`/`end` in a brief is a half-open range of UTF-16 code units into
//! `article.text` — the unit JavaScript strings and DOM Ranges use — so a page can highlight
//! `text.slice(start, end)` directly.
//!
//! **Determinism.** Floats are rounded to three decimals ([`round3`]) and every list is sorted
//! before output, so the same input gives the same JSON bytes natively and in WebAssembly.

use serde::{Deserialize, Serialize};

/// Rounds a score to three decimals, the precision every float in a brief is given with.
pub fn round3(x: f64) -> f64 {
    if !x.is_finite() {
        return 0.0;
    }
    let r = (x * 1000.0).round() / 1000.0;
    if r == 0.0 {
        0.0 // no "-0.0" in the JSON
    } else {
        r
    }
}

/// The complete analysis of one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    /// `NSR-YYYY-MMDD-NNNNN`: the date of publication (else the analysis date the caller passed),
    /// and five digits from a hash of the text. Same input, same id.
    pub id: String,
    /// Version of the analyzer that wrote this brief.
    pub newsar_version: String,
    pub source: Source,
    pub language: Language,
    pub article: Article,
    pub stats: Stats,
    pub summary: Summary,
    /// Policy frames (Media Frames codebook), best first.
    pub framing: Vec<Frame>,
    /// Subject topics (Technology, Politics, …), best first.
    pub topics: Vec<Topic>,
    pub tone: Tone,
    pub factuality: Factuality,
    /// Distinct speakers, documents and outbound links the article cites, most mentioned first.
    pub sources: Vec<SourceCited>,
    /// Check-worthy sentences, best first.
    pub claims: Vec<Claim>,
    /// Every sentence of `article.text`, in order, with its check-worthiness.
    pub sentences: Vec<SentenceScore>,
    /// Named entities, most salient first.
    pub entities: Vec<Entity>,
    /// Keyphrases, most salient first.
    pub keywords: Vec<Keyword>,
    /// Which method produced each section.
    pub provenance: Provenance,
}

/// The outlet that published the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    /// Display name: page metadata, else the outlet table, else the domain; null when unknown.
    pub name: Option<String>,
    /// Registrable host, without `www.`; null when the input gave no URL.
    pub domain: Option<String>,
    /// Political lean from the outlet table; null means "unrated", never a guess.
    pub lean: Option<Lean>,
}

/// A political-lean rating of an outlet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lean {
    /// Left / Center-Left / Center / Center-Right / Right.
    pub label: String,
    /// −1 (left) … +1 (right).
    pub score: f64,
    /// The dataset the rating comes from.
    pub provenance: String,
}

/// Detected language of the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-1 code, or `und` when undetermined.
    pub code: String,
    /// English name of the language.
    pub name: String,
    /// 0…1.
    pub confidence: f64,
    /// Whether NEWSAR's language-dependent analyzers (entities, claims, tone, framing, keywords)
    /// support this language; when false those sections are empty and say so in `provenance`.
    pub analyzers_available: bool,
}

/// The article as extracted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    pub title: Option<String>,
    pub byline: Vec<String>,
    /// ISO 8601 date or date-time, or null.
    pub published: Option<String>,
    pub url: Option<String>,
    pub site_name: Option<String>,
    pub section: Option<String>,
    pub description: Option<String>,
    /// `lang` the page declared, if any (the detected language is `Brief::language`).
    pub declared_lang: Option<String>,
    /// The body text all offsets point into; paragraphs separated by a blank line.
    pub text: String,
    /// The blocks of `text`, in order.
    pub paragraphs: Vec<Paragraph>,
}

/// One block of the body text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
    /// `paragraph`, `heading`, `list_item`, `quote` or `preformatted`.
    pub kind: String,
}

/// Counts and the extraction's quality.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    pub words: usize,
    /// At 230 words a minute, at least 1.
    pub reading_minutes: usize,
    pub sentences: usize,
    pub entities: usize,
    pub claims: usize,
    pub sources_cited: usize,
    /// 0…1: how complete and trustworthy the extraction and metadata are.
    pub quality: f64,
    /// The parts of `quality`, each with its weight.
    pub quality_evidence: Vec<QualityPart>,
}

/// One component of `stats.quality`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QualityPart {
    pub reason: String,
    pub weight: f64,
    pub met: bool,
}

/// A span of `article.text` that moved a score, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub start: usize,
    pub end: usize,
    pub weight: f64,
    pub reason: String,
}

/// The extractive summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub text: String,
    pub sentences: Vec<SummarySentence>,
    /// 0…1: share of the article's top keyphrases and entities the summary covers.
    pub confidence: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummarySentence {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A policy frame with its score and evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Frame {
    pub frame: String,
    pub score: f64,
    pub evidence: Vec<Evidence>,
}

/// A subject topic with its score and evidence.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Topic {
    pub topic: String,
    pub score: f64,
    pub evidence: Vec<Evidence>,
}

/// Tone: how alarmed and how positive the wording is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tone {
    /// Calm / Measured / Neutral / Concerned / Alarmist.
    pub label: String,
    /// 0 calm … 1 alarmist.
    pub alarm: f64,
    /// −1 negative … +1 positive.
    pub valence: f64,
    pub evidence: Vec<Evidence>,
}

/// Factuality: how well-sourced and matter-of-fact the article's assertions are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Factuality {
    pub score: f64,
    /// Low / Mixed / Factual / High.
    pub label: String,
    pub evidence: Vec<Evidence>,
    /// The formula's components, each with its value and contribution.
    pub components: Vec<FactualityComponent>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FactualityComponent {
    pub name: String,
    pub value: f64,
    pub contribution: f64,
}

/// A cited source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceCited {
    pub name: String,
    pub entity_id: Option<String>,
    /// person, organization, document, link, anonymous, other.
    pub kind: String,
    pub mentions: usize,
}

/// A check-worthy statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// factual, statistic, quote, opinion, prediction.
    #[serde(rename = "type")]
    pub claim_type: String,
    pub attribution: Option<Attribution>,
    pub confidence: f64,
    pub checkworthiness: f64,
}

/// Who made a statement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    /// The speaker as the entity's canonical name, or as written.
    pub speaker: String,
    pub entity_id: Option<String>,
    /// True for unnamed sources ("officials said").
    pub anonymous: bool,
    /// The reporting cue ("said", "according to").
    pub cue: String,
    /// Where the speaker is written, UTF-16 offsets into `article.text`.
    pub start: usize,
    pub end: usize,
}

/// One sentence, its check-worthiness, and who it reports (if anyone), claim or not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentenceScore {
    pub start: usize,
    pub end: usize,
    pub checkworthiness: f64,
    pub attribution: Option<Attribution>,
}

/// A named entity with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `E1`, `E2`, … in order of first mention.
    pub id: String,
    /// Canonical name: the fullest form mentioned.
    pub name: String,
    /// person, organization, location, event, misc.
    #[serde(rename = "type")]
    pub entity_type: String,
    /// Other forms used in the text (acronyms, surnames, descriptions), sorted.
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
    pub count: usize,
    pub salience: f64,
}

/// One place the text names an entity (UTF-16 offsets into `article.text`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// How it names the entity: "name" ("Ministry of State Security", "Jiang"), "acronym"
    /// ("MSS") or "description" ("the ministry", linked to the entity it names). Briefs
    /// written before this field existed read as "name".
    #[serde(default = "mention_kind_name")]
    pub kind: String,
}

fn mention_kind_name() -> String {
    "name".to_string()
}

/// A keyphrase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Keyword {
    pub term: String,
    pub salience: f64,
}

/// Which method produced each section: honest labels ("rules", "lexicon", "statistical model").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Provenance {
    pub extraction: String,
    pub language: String,
    pub source: String,
    pub entities: String,
    pub claims: String,
    pub tone: String,
    pub framing: String,
    pub factuality: String,
    pub keywords: String,
    pub summary: String,
}
