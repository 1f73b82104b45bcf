//! WebAssembly bindings: converts JS values to the core's types and back. No logic lives here.
//!
//! JS API: `analyzeHtml(html, options?)` and `analyzeText(text, options?)` return the brief as a
//! plain object; `analyzeHtmlJson` / `analyzeTextJson` return the same brief as the JSON text the
//! CLI prints (byte for byte); `version()`. Bad input throws a JS `Error` whose message says why.
//! The options may carry `lean_ratings`, the text of the reader's own lean ratings (CSV or JSON,
//! as `LeanRatings` reads it; its `export()` is the compact form to keep), which then override the
//! built-in outlet table for `source.lean`.
//!
//! `loadClaimsModel(bytes)` loads the optional transformer check-worthiness model (the bytes of
//! `claims_minilm.safetensors`, which the page fetches from its own package); every later analysis
//! scores check-worthiness with it until `unloadClaimsModel()`. `claimsModel()` says which is
//! loaded (its provenance) or null.

use crate::encoder::{CheckworthyEncoder, SpeakerTagger};
use crate::{Brief, Models, Options};
use serde::Serialize;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    /// The transformer check-worthiness model the page loaded, if any.
    static CLAIMS_MODEL: RefCell<Option<CheckworthyEncoder>> = const { RefCell::new(None) };
    /// The transformer speaker tagger the page loaded, if any.
    static SPEAKER_MODEL: RefCell<Option<SpeakerTagger>> = const { RefCell::new(None) };
}

/// Runs `f` with the run-time models that are loaded.
fn with_models<T>(f: impl FnOnce(Models) -> T) -> T {
    CLAIMS_MODEL.with(|claims| {
        SPEAKER_MODEL.with(|speaker| {
            let (claims, speaker) = (claims.borrow(), speaker.borrow());
            f(Models {
                checkworthiness: claims.as_ref(),
                speaker: speaker.as_ref(),
            })
        })
    })
}

/// Loads the optional transformer check-worthiness model from the bytes of its file; returns its
/// provenance. A file that is not such a model throws and leaves the loaded one in place.
#[wasm_bindgen(js_name = loadClaimsModel)]
pub fn load_claims_model(bytes: &[u8]) -> Result<String, JsError> {
    let model = CheckworthyEncoder::from_bytes(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    let provenance = model.provenance().to_string();
    CLAIMS_MODEL.with(|m| *m.borrow_mut() = Some(model));
    Ok(provenance)
}

/// Goes back to the compiled-in check-worthiness model.
#[wasm_bindgen(js_name = unloadClaimsModel)]
pub fn unload_claims_model() {
    CLAIMS_MODEL.with(|m| *m.borrow_mut() = None);
}

/// The loaded transformer model's provenance, or null when the compiled-in model scores.
#[wasm_bindgen(js_name = claimsModel)]
pub fn claims_model() -> Option<String> {
    CLAIMS_MODEL.with(|m| m.borrow().as_ref().map(|x| x.provenance().to_string()))
}

/// Loads the optional transformer speaker tagger from the bytes of its file; returns its
/// provenance. A file that is not such a model throws and leaves the loaded one in place.
#[wasm_bindgen(js_name = loadSpeakerModel)]
pub fn load_speaker_model(bytes: &[u8]) -> Result<String, JsError> {
    let model = SpeakerTagger::from_bytes(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    let provenance = model.provenance().to_string();
    SPEAKER_MODEL.with(|m| *m.borrow_mut() = Some(model));
    Ok(provenance)
}

/// Goes back to the attribution rules alone.
#[wasm_bindgen(js_name = unloadSpeakerModel)]
pub fn unload_speaker_model() {
    SPEAKER_MODEL.with(|m| *m.borrow_mut() = None);
}

/// The loaded speaker tagger's provenance, or null when the rules alone attribute.
#[wasm_bindgen(js_name = speakerModel)]
pub fn speaker_model() -> Option<String> {
    SPEAKER_MODEL.with(|m| m.borrow().as_ref().map(|x| x.provenance().to_string()))
}

#[wasm_bindgen(typescript_custom_section)]
const BRIEF_TYPES: &str = r#"
/** UTF-16 offsets into `article.text`, half-open. */
export interface Span { start: number; end: number; }
export interface Evidence extends Span { weight: number; reason: string; }
export interface AnalyzeOptions {
  url?: string; title?: string; site_name?: string; published?: string;
  byline?: string[]; now?: string;
  /** Browser only: the reader's own lean ratings (a ratings file's text, or LeanRatings.export()). */
  lean_ratings?: string;
}
export interface Lean { label: "Left" | "Center-Left" | "Center" | "Center-Right" | "Right"; score: number; provenance: string; }
export interface Source { name: string | null; domain: string | null; lean: Lean | null; }
export interface Language { code: string; name: string; confidence: number; analyzers_available: boolean; }
export interface Paragraph extends Span { kind: "paragraph" | "heading" | "list_item" | "quote" | "preformatted"; }
export interface Article {
  title: string | null; byline: string[]; published: string | null; url: string | null;
  site_name: string | null; section: string | null; description: string | null;
  declared_lang: string | null; text: string; paragraphs: Paragraph[];
}
/** What extractHtml returns: the article without analysis; `text` is blank-line separated blocks. */
export interface ExtractedArticle {
  title: string | null; byline: string[]; published: string | null; url: string | null;
  site_name: string | null; section: string | null; description: string | null;
  declared_lang: string | null; text: string; blocks: number; links: string[]; confidence: number;
}
export interface QualityPart { reason: string; weight: number; met: boolean; }
export interface Stats {
  words: number; reading_minutes: number; sentences: number; entities: number; claims: number;
  sources_cited: number; quality: number; quality_evidence: QualityPart[];
}
export interface SummarySentence extends Span { text: string; }
export interface Summary { text: string; sentences: SummarySentence[]; confidence: number; }
export interface Frame { frame: string; score: number; evidence: Evidence[]; }
export interface Topic { topic: string; score: number; evidence: Evidence[]; }
export interface Tone { label: "Calm" | "Measured" | "Neutral" | "Concerned" | "Alarmist"; alarm: number; valence: number; evidence: Evidence[]; }
export interface FactualityComponent { name: string; value: number; contribution: number; }
export interface Factuality { score: number; label: "Low" | "Mixed" | "Factual" | "High"; evidence: Evidence[]; components: FactualityComponent[]; }
export interface SourceCited { name: string; entity_id: string | null; kind: "person" | "organization" | "document" | "link" | "anonymous" | "other"; mentions: number; }
export interface Attribution extends Span { speaker: string; entity_id: string | null; anonymous: boolean; cue: string; }
export interface Claim extends Span {
  text: string; type: "factual" | "statistic" | "quote" | "opinion" | "prediction";
  attribution: Attribution | null; confidence: number; checkworthiness: number;
}
export interface SentenceScore extends Span { checkworthiness: number; attribution: Attribution | null; }
export interface EntityMention extends Span { kind: "name" | "acronym" | "description"; }
export interface Entity {
  id: string; name: string; type: "person" | "organization" | "location" | "event" | "misc";
  aliases: string[]; mentions: EntityMention[]; count: number; salience: number;
}
export interface Keyword { term: string; salience: number; }
export interface Provenance {
  extraction: string; language: string; source: string; entities: string; claims: string;
  tone: string; framing: string; factuality: string; keywords: string; summary: string;
}
export interface UserRating { domain: string; label: string; score: number | null; score_from_label?: boolean; name?: string; source?: string; }
export interface Outlet { domain: string; name: string | null; country: string | null; language: string | null; lean: Lean | null; source: string | null; }
export interface Brief {
  id: string; newsar_version: string; source: Source; language: Language; article: Article;
  stats: Stats; summary: Summary; framing: Frame[]; topics: Topic[]; tone: Tone;
  factuality: Factuality; sources: SourceCited[]; claims: Claim[]; sentences: SentenceScore[];
  entities: Entity[]; keywords: Keyword[]; provenance: Provenance;
}
"#;

/// The analysis options and, apart from them, the reader's lean ratings (`lean_ratings`: the text
/// of a ratings file), which only the browser side passes this way.
fn options_from(value: JsValue) -> Result<(Options, Option<crate::outlets::Ratings>), JsError> {
    if value.is_undefined() || value.is_null() {
        return Ok((Options::default(), None));
    }
    // Through serde_json so that unknown keys are refused (deny_unknown_fields), as in the CLI.
    let mut json: serde_json::Value = serde_wasm_bindgen::from_value(value)
        .map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
    let ratings = match json.as_object_mut().and_then(|o| o.remove("lean_ratings")) {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(t)) if t.trim().is_empty() => None,
        Some(serde_json::Value::String(t)) => Some(ratings_from(&t)?),
        Some(_) => {
            return Err(JsError::new(
                "invalid options: lean_ratings must be the text of a ratings file",
            ))
        }
    };
    let options =
        serde_json::from_value(json).map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
    Ok((options, ratings))
}

fn to_js(brief: &Brief) -> Result<JsValue, JsError> {
    brief
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert the brief: {e}")))
}

fn to_json(brief: &Brief) -> Result<String, JsError> {
    serde_json::to_string_pretty(brief)
        .map_err(|e| JsError::new(&format!("cannot write JSON: {e}")))
}

fn ratings_from(text: &str) -> Result<crate::outlets::Ratings, JsError> {
    crate::outlets::Ratings::parse(text)
        .map_err(|e| JsError::new(&format!("invalid lean ratings:\n{e}")))
}

fn to_plain<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot convert: {e}")))
}

fn graph_options(options: JsValue) -> Result<crate::corpus::GraphOptions, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(crate::corpus::GraphOptions::default());
    }
    let json: serde_json::Value = serde_wasm_bindgen::from_value(options)
        .map_err(|e| JsError::new(&format!("invalid options: {e}")))?;
    serde_json::from_value(json).map_err(|e| JsError::new(&format!("invalid options: {e}")))
}

fn err(e: crate::Error) -> JsError {
    JsError::new(&e.to_string())
}

/// Analyzes a whole HTML page; returns the brief as a plain object.
#[wasm_bindgen(js_name = analyzeHtml, unchecked_return_type = "Brief")]
pub fn analyze_html(
    html: &str,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let (options, ratings) = options_from(options)?;
    let mut brief = with_models(|m| crate::analyze_html_with(html, &options, m)).map_err(err)?;
    if let Some(r) = ratings {
        r.apply(&mut brief);
    }
    to_js(&brief)
}

/// Extracts the article of an HTML page (metadata and body text) without analysis.
#[wasm_bindgen(js_name = extractHtml, unchecked_return_type = "ExtractedArticle")]
pub fn extract_html(
    html: &str,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let (options, _) = options_from(options)?;
    let article = crate::extract_article(html, &options).map_err(err)?;
    to_plain(&article)
}

/// Analyzes plain text; returns the brief as a plain object.
#[wasm_bindgen(js_name = analyzeText, unchecked_return_type = "Brief")]
pub fn analyze_text(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
) -> Result<JsValue, JsError> {
    let (options, ratings) = options_from(options)?;
    let mut brief = with_models(|m| crate::analyze_text_with(text, &options, m)).map_err(err)?;
    if let Some(r) = ratings {
        r.apply(&mut brief);
    }
    to_js(&brief)
}

/// Analyzes a whole HTML page; returns the brief as JSON text, identical to the CLI's.
#[wasm_bindgen(js_name = analyzeHtmlJson)]
pub fn analyze_html_json(
    html: &str,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
) -> Result<String, JsError> {
    let (options, ratings) = options_from(options)?;
    let mut brief = with_models(|m| crate::analyze_html_with(html, &options, m)).map_err(err)?;
    if let Some(r) = ratings {
        r.apply(&mut brief);
    }
    to_json(&brief)
}

/// Analyzes plain text; returns the brief as JSON text, identical to the CLI's.
#[wasm_bindgen(js_name = analyzeTextJson)]
pub fn analyze_text_json(
    text: &str,
    #[wasm_bindgen(unchecked_param_type = "AnalyzeOptions | undefined")] options: JsValue,
) -> Result<String, JsError> {
    let (options, ratings) = options_from(options)?;
    let mut brief = with_models(|m| crate::analyze_text_with(text, &options, m)).map_err(err)?;
    if let Some(r) = ratings {
        r.apply(&mut brief);
    }
    to_json(&brief)
}

/// Whether an input string is an HTML page rather than plain text.
#[wasm_bindgen(js_name = looksLikeHtml)]
pub fn looks_like_html(input: &str) -> bool {
    crate::looks_like_html(input)
}

/// The analyzer's version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// A local collection of briefs: stories across outlets and the topic graph. The page keeps its
/// bytes (`export`) in its own storage (IndexedDB, extension storage) and loads them back.
#[wasm_bindgen(js_name = Corpus)]
pub struct CorpusHandle {
    inner: crate::corpus::Corpus,
}

impl Default for CorpusHandle {
    fn default() -> Self {
        CorpusHandle::new()
    }
}

#[wasm_bindgen(js_class = Corpus)]
impl CorpusHandle {
    /// An empty corpus with the default settings.
    #[wasm_bindgen(constructor)]
    pub fn new() -> CorpusHandle {
        CorpusHandle {
            inner: crate::corpus::Corpus::default(),
        }
    }

    /// Adds a brief (as `analyzeHtml` returned it); returns what happened: `{outcome: "added",
    /// key, story, new_story, score, evicted}` or `{outcome: "duplicate", key}`.
    #[wasm_bindgen(js_name = addBrief)]
    pub fn add_brief(
        &mut self,
        brief: JsValue,
        reference: Option<String>,
    ) -> Result<JsValue, JsError> {
        let brief: Brief = serde_wasm_bindgen::from_value(brief)
            .map_err(|e| JsError::new(&format!("not a brief: {e}")))?;
        to_plain(&self.inner.add_brief(&brief, reference.as_deref()))
    }

    /// Number of briefs stored.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.inner.len()
    }

    /// Every story with its perspectives.
    pub fn stories(&self) -> Result<JsValue, JsError> {
        to_plain(&self.inner.stories())
    }

    /// The entity graph with its layout; `options` as `GraphOptions` (max_nodes, min_articles,
    /// min_edge_weight, types, iterations), all optional.
    pub fn graph(&self, options: JsValue) -> Result<JsValue, JsError> {
        to_plain(&self.inner.graph(&graph_options(options)?))
    }

    /// The neighbourhood of the stored brief `key` in the entity graph (its entities first, then
    /// those sharing the most articles with them); null when the key is not stored.
    pub fn neighbourhood(&self, key: &str, options: JsValue) -> Result<JsValue, JsError> {
        match self.inner.neighbourhood(key, &graph_options(options)?) {
            Some(g) => to_plain(&g),
            None => Ok(JsValue::NULL),
        }
    }

    /// The story (with its perspectives) of the stored brief `key`; null when not stored.
    #[wasm_bindgen(js_name = storyOf)]
    pub fn story_of(&self, key: &str) -> Result<JsValue, JsError> {
        match self.inner.story_of(key) {
            Some(s) => to_plain(&s),
            None => Ok(JsValue::NULL),
        }
    }

    /// The stored briefs that mention an entity (a graph node's name), newest first, at most
    /// `limit` (default 20): `[{key, story, title, outlet, published, url, ref}]`.
    #[wasm_bindgen(js_name = nodeArticles)]
    pub fn node_articles(&self, name: &str, limit: Option<usize>) -> Result<JsValue, JsError> {
        to_plain(&self.inner.node_articles(name, limit.unwrap_or(20)))
    }

    /// Removes the stored brief `key`; returns whether there was one.
    pub fn remove(&mut self, key: &str) -> bool {
        self.inner.remove(key)
    }

    /// Removes every stored brief of a brief id; returns their keys.
    #[wasm_bindgen(js_name = removeId)]
    pub fn remove_id(&mut self, id: &str) -> Vec<String> {
        self.inner.remove_id(id)
    }

    /// Sets every stored brief's lean again from its domain with the reader's ratings (the text
    /// of a ratings file; empty or undefined: the built-in table only). Returns how many changed.
    pub fn rerate(&mut self, ratings: Option<String>) -> Result<usize, JsError> {
        let r = match ratings.as_deref() {
            Some(t) if !t.trim().is_empty() => ratings_from(t)?,
            _ => crate::outlets::Ratings::new(),
        };
        Ok(self.inner.rerate(&r))
    }

    /// The corpus as bytes (the same corpus gives the same bytes).
    pub fn export(&self) -> Vec<u8> {
        self.inner.export()
    }

    /// Replaces the contents with a store read from `bytes`; returns the problems found (one
    /// message per damaged line skipped), empty for an intact store.
    pub fn load(&mut self, bytes: &[u8]) -> Result<Vec<String>, JsError> {
        let loaded =
            crate::corpus::Corpus::import(bytes).map_err(|e| JsError::new(&e.to_string()))?;
        self.inner = loaded.corpus;
        Ok(loaded.problems.iter().map(|p| p.to_string()).collect())
    }
}

/// The reader's own lean ratings, read from a CSV or JSON file's text (see
/// `newsar::outlets::ratings`). The constructor throws an `Error` listing every bad line.
#[wasm_bindgen]
pub struct LeanRatings {
    inner: crate::outlets::Ratings,
}

#[wasm_bindgen]
impl LeanRatings {
    /// Reads ratings; throws with one line per problem (`line N: …`).
    #[wasm_bindgen(constructor)]
    pub fn new(text: &str) -> Result<LeanRatings, JsError> {
        Ok(LeanRatings {
            inner: ratings_from(text)?,
        })
    }

    /// Number of ratings.
    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.inner.len()
    }

    /// The canonical JSON text of the ratings (what to store; the analyze functions' option
    /// `lean_ratings` and `Corpus.rerate` accept it).
    pub fn export(&self) -> String {
        self.inner.to_json()
    }

    /// The ratings, sorted by domain.
    #[wasm_bindgen(unchecked_return_type = "UserRating[]")]
    pub fn list(&self) -> Result<JsValue, JsError> {
        to_plain(&self.inner.iter().collect::<Vec<_>>())
    }

    /// What the outlet table, with these ratings, says of a domain or URL.
    #[wasm_bindgen(unchecked_return_type = "Outlet")]
    pub fn lookup(&self, domain: &str) -> Result<JsValue, JsError> {
        let o =
            crate::outlets::outlet_of(domain, Some(&self.inner)).map_err(|e| JsError::new(&e))?;
        to_plain(&o)
    }
}

/// What the built-in outlet table says of a domain or URL: name, country, language, lean.
#[wasm_bindgen(js_name = outletOf, unchecked_return_type = "Outlet")]
pub fn outlet_of(domain: &str) -> Result<JsValue, JsError> {
    let o = crate::outlets::outlet_of(domain, None).map_err(|e| JsError::new(&e))?;
    to_plain(&o)
}
