//! What the corpus keeps of one brief: the parts clustering, perspectives and the graph need, not
//! the article text. Also the text normalization the corpus matches with (names, content words,
//! dates), kept here so every part of the corpus normalizes the same way.
//!
//! Bounds per stored brief (the store's size per brief follows from them): the 25 most salient
//! entities with at most 6 aliases each, the 15 best keyphrases, the 10 most check-worthy claims
//! (each cut to 300 characters), the 3 best frames.

use crate::brief::{round3, Brief, Lean};
use serde::{Deserialize, Serialize};

/// Most entities kept per brief (the most salient).
pub const MAX_ENTITIES: usize = 25;
/// Most aliases kept per entity.
pub const MAX_ALIASES: usize = 6;
/// Most keyphrases kept per brief (the best).
pub const MAX_KEYWORDS: usize = 15;
/// Most claims kept per brief (the most check-worthy).
pub const MAX_CLAIMS: usize = 10;
/// Longest claim text kept, in characters.
pub const MAX_CLAIM_CHARS: usize = 300;
/// Most frames kept per brief.
pub const MAX_FRAMES: usize = 3;

/// One brief as the corpus stores it. Field order is the stored JSON key order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredBrief {
    /// Unique in the corpus: the brief id, or `id~N` when another article has the same id.
    pub key: String,
    /// The brief id (`NSR-YYYY-MMDD-NNNNN`).
    pub id: String,
    /// Insertion number, increasing; eviction removes the lowest first.
    pub seq: u64,
    /// The story the brief was assigned to when it was added (`S{story}`).
    pub story: u64,
    /// The caller's reference for the input (a file name, a `--jsonl` input id), if any.
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    pub source: StoredSource,
    pub title: Option<String>,
    pub url: Option<String>,
    /// `YYYY-MM-DD` or null.
    pub published: Option<String>,
    /// ISO 639-1 code.
    pub language: String,
    pub words: usize,
    /// The most salient entities, most salient first.
    pub entities: Vec<StoredEntity>,
    /// The best keyphrases, best first.
    pub keywords: Vec<StoredKeyword>,
    /// The most check-worthy claims' text, best first.
    pub claims: Vec<String>,
    /// The best frames' names, best first.
    pub framing: Vec<String>,
    pub tone: StoredTone,
    pub factuality: StoredFactuality,
}

/// The outlet of a stored brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredSource {
    pub name: Option<String>,
    pub domain: Option<String>,
    /// Null means "unrated".
    pub lean: Option<Lean>,
}

/// An entity of a stored brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredEntity {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: String,
    pub aliases: Vec<String>,
    pub salience: f64,
}

/// A keyphrase of a stored brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredKeyword {
    pub term: String,
    pub salience: f64,
}

/// The tone summary of a stored brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredTone {
    pub label: String,
    pub alarm: f64,
    pub valence: f64,
}

/// The factuality summary of a stored brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredFactuality {
    pub label: String,
    pub score: f64,
}

impl StoredBrief {
    /// Keeps what the corpus needs of `brief` (within the bounds above). `key`, `seq` and `story`
    /// are set by the corpus when the record is added.
    pub fn from_brief(brief: &Brief, reference: Option<&str>) -> StoredBrief {
        StoredBrief {
            key: brief.id.clone(),
            id: brief.id.clone(),
            seq: 0,
            story: 0,
            reference: reference.map(str::to_string),
            source: StoredSource {
                name: brief.source.name.clone(),
                domain: brief.source.domain.clone(),
                lean: brief.source.lean.clone(),
            },
            title: brief.article.title.clone(),
            url: brief.article.url.clone(),
            published: brief
                .article
                .published
                .as_deref()
                .filter(|p| day_number(p).is_some())
                .map(|p| p[..10].to_string()),
            language: brief.language.code.clone(),
            words: brief.stats.words,
            entities: brief
                .entities
                .iter()
                .take(MAX_ENTITIES)
                .map(|e| StoredEntity {
                    id: e.id.clone(),
                    name: e.name.clone(),
                    entity_type: e.entity_type.clone(),
                    aliases: e.aliases.iter().take(MAX_ALIASES).cloned().collect(),
                    salience: round3(e.salience),
                })
                .collect(),
            keywords: brief
                .keywords
                .iter()
                .take(MAX_KEYWORDS)
                .map(|k| StoredKeyword {
                    term: k.term.clone(),
                    salience: round3(k.salience),
                })
                .collect(),
            claims: brief
                .claims
                .iter()
                .take(MAX_CLAIMS)
                .map(|c| c.text.chars().take(MAX_CLAIM_CHARS).collect())
                .collect(),
            framing: brief
                .framing
                .iter()
                .take(MAX_FRAMES)
                .map(|f| f.frame.clone())
                .collect(),
            tone: StoredTone {
                label: brief.tone.label.clone(),
                alarm: round3(brief.tone.alarm),
                valence: round3(brief.tone.valence),
            },
            factuality: StoredFactuality {
                label: brief.factuality.label.clone(),
                score: round3(brief.factuality.score),
            },
        }
    }

    /// The outlet this brief is grouped under: its domain, else its name, else "unknown outlet".
    pub fn outlet_key(&self) -> String {
        self.source
            .domain
            .clone()
            .or_else(|| self.source.name.clone())
            .unwrap_or_else(|| "unknown outlet".to_string())
    }

    /// The outlet's display name: its name, else the outlet table's name for its domain, else its
    /// domain, else "unknown outlet". (A brief's name is its domain when the page gave none.)
    pub fn outlet_name(&self) -> String {
        let listed = || {
            self.source
                .domain
                .as_deref()
                .and_then(crate::outlets::listed)
                .map(|o| o.name.to_string())
        };
        self.source
            .name
            .clone()
            .filter(|n| Some(n) != self.source.domain.as_ref())
            .or_else(listed)
            .or_else(|| self.source.name.clone())
            .or_else(|| self.source.domain.clone())
            .unwrap_or_else(|| "unknown outlet".to_string())
    }

    /// Brings a record from outside the corpus within the documented bounds (and finite scores).
    pub(crate) fn bound(&mut self) {
        self.entities.truncate(MAX_ENTITIES);
        for e in &mut self.entities {
            e.aliases.truncate(MAX_ALIASES);
            e.salience = clamp01(e.salience);
        }
        self.keywords.truncate(MAX_KEYWORDS);
        for k in &mut self.keywords {
            k.salience = clamp01(k.salience);
        }
        self.claims.truncate(MAX_CLAIMS);
        for c in &mut self.claims {
            if c.chars().count() > MAX_CLAIM_CHARS {
                *c = c.chars().take(MAX_CLAIM_CHARS).collect();
            }
        }
        self.framing.truncate(MAX_FRAMES);
        self.tone.alarm = clamp01(self.tone.alarm);
        self.tone.valence = round3(self.tone.valence.clamp(-1.0, 1.0));
        self.factuality.score = clamp01(self.factuality.score);
        if self.published.as_deref().and_then(day_number).is_none() {
            self.published = None;
        }
    }
}

fn clamp01(x: f64) -> f64 {
    round3(if x.is_finite() {
        x.clamp(0.0, 1.0)
    } else {
        0.0
    })
}

/// A name as the corpus compares it: lowercase letters and digits, other characters as single
/// spaces, a leading "the " dropped ("The Pentagon" = "pentagon", "U.S." = "u s").
pub fn normalize_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    let out = out.trim_end();
    out.strip_prefix("the ").unwrap_or(out).to_string()
}

/// Words too common to say what a story is about.
const STOPWORDS: &[&str] = &[
    "about", "after", "against", "also", "and", "any", "are", "because", "been", "before", "being",
    "but", "can", "could", "did", "does", "for", "from", "had", "has", "have", "her", "his", "how",
    "into", "its", "last", "more", "most", "new", "not", "now", "one", "only", "other", "our",
    "out", "over", "said", "says", "she", "some", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "two", "under", "was", "were", "what", "when",
    "where", "which", "while", "who", "will", "with", "would", "year", "years", "you",
];

/// The content words of a text as the corpus matches them: lowercase alphanumeric runs of at
/// least 3 characters, not a stopword, with a plural `s` dropped (`ies` → `y`; not `ss`, `us`,
/// `is`) so "claims" = "claim". In order, with repeats.
pub fn content_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w = raw.to_lowercase();
        if w.chars().count() < 3 || STOPWORDS.binary_search(&w.as_str()).is_ok() {
            continue;
        }
        out.push(stem(w));
    }
    out
}

fn stem(w: String) -> String {
    if w.len() > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    if w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
    {
        return w[..w.len() - 1].to_string();
    }
    w
}

/// Days since 1970-01-01 of an ISO 8601 date (`YYYY-MM-DD…`), or None when it is not one
/// (civil-from-days, Hinnant; integer arithmetic only).
pub fn day_number(iso: &str) -> Option<i64> {
    let b = iso.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |s: &str| s.parse::<i64>().ok();
    let y = num(iso.get(0..4)?)?;
    let m = num(iso.get(5..7)?)?;
    let d = num(iso.get(8..10)?)?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stopwords_are_sorted() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn names_and_words_normalize() {
        assert_eq!(normalize_name("The U.S. Senate"), "u s senate");
        assert_eq!(normalize_name("  Exxon-Valdez "), "exxon valdez");
        assert_eq!(
            content_words("The claims of 3 cities, said Ross."),
            vec!["claim", "city", "ross"]
        );
    }

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("1970-03-01"), Some(59));
        assert_eq!(day_number("2000-03-01T10:00:00Z"), Some(11_017));
        assert_eq!(day_number("2026-13-01"), None);
        assert_eq!(day_number("soon"), None);
    }
}
