//! The compiled-in word lists (`data/`), each decoded once on first use. Every list's source and
//! licence is in `data/PROVENANCE.md`.

use std::collections::{HashMap, HashSet};
use std::hash::Hasher;
use std::sync::OnceLock;

const VADER_TSV: &str = include_str!("../data/lexicons/vader.tsv");
const ALARM_TSV: &str = include_str!("../data/lexicons/alarm.tsv");
const NEWS_VALENCE_TSV: &str = include_str!("../data/lexicons/news_valence.tsv");
const EXTRA_WORD_CLASSES_TSV: &str = include_str!("../data/lexicons/extra_word_classes.tsv");
const PARTICIPLES_TXT: &str = include_str!("../data/lexicons/participles.txt");
const FRAMES_TSV: &str = include_str!("../data/lexicons/frames.tsv");
const STOPWORDS_TXT: &str = include_str!("../data/lexicons/stopwords.txt");
const NAMES_TSV: &str = include_str!("../data/entities/names.tsv");
const WORDS_TSV: &str = include_str!("../data/entities/words.tsv");
const LEANS_TSV: &str = include_str!("../data/outlets/leans.tsv");
const COMMON_WORDS_TSV: &str = include_str!("../data/lexicons/common_words.tsv");
const BACKGROUND_DF_TSV: &str = include_str!("../data/lexicons/background_df.tsv");

fn data_lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// `key<TAB>number` lines as (key, number) pairs; a line whose number does not parse is skipped
/// (the lexicon test checks every line's field count).
fn word_values(
    lines: impl Iterator<Item = &'static str>,
) -> impl Iterator<Item = (&'static str, f64)> {
    lines.filter_map(|l| {
        let (w, v) = l.split_once('\t')?;
        Some((w, v.trim().parse().ok()?))
    })
}

/// VADER valence of a lowercase word (−4 … +4).
pub fn vader() -> &'static HashMap<&'static str, f64> {
    static MAP: OnceLock<HashMap<&'static str, f64>> = OnceLock::new();
    MAP.get_or_init(|| {
        // VADER's ratings, then the news-usage adjustments over them (see PROVENANCE.md).
        word_values(data_lines(VADER_TSV).chain(data_lines(NEWS_VALENCE_TSV))).collect()
    })
}

/// VADER's own valence of a lowercase word (−4 … +4), without the news-usage adjustments:
/// for text that is not news (see `tone`).
pub fn vader_plain() -> &'static HashMap<&'static str, f64> {
    static MAP: OnceLock<HashMap<&'static str, f64>> = OnceLock::new();
    MAP.get_or_init(|| word_values(data_lines(VADER_TSV)).collect())
}

/// Inverse document frequency of a lowercase singular word in background news (CoNLL-2003
/// `eng.train`, Reuters): ln((N + 1) / (df + 1)) over its N documents, a word missing from the
/// table counting as df 0. Common words ("year", "government") score low, topical ones high.
pub fn background_idf(key: &str) -> f64 {
    static MAP: OnceLock<(f64, HashMap<&'static str, f64>)> = OnceLock::new();
    let (documents, df) = MAP.get_or_init(|| {
        let mut df: HashMap<&'static str, f64> =
            word_values(data_lines(BACKGROUND_DF_TSV)).collect();
        let documents = df.remove("__documents__").unwrap_or(1.0);
        (documents, df)
    });
    ((documents + 1.0) / (df.get(key).copied().unwrap_or(0.0) + 1.0)).ln()
}

/// Alarm weight of a lowercase word: positive alarms, negative calms.
pub fn alarm() -> &'static HashMap<&'static str, f64> {
    static MAP: OnceLock<HashMap<&'static str, f64>> = OnceLock::new();
    MAP.get_or_init(|| word_values(data_lines(ALARM_TSV)).collect())
}

/// One cue of a frame or topic.
#[derive(Debug, Clone)]
pub struct Cue {
    /// `frame` or `topic`.
    pub kind: &'static str,
    pub label: &'static str,
    /// Lowercase tokens of the cue as the tokenizer splits them: "cross-border" is
    /// `["cross", "-", "border"]`.
    pub words: Vec<&'static str>,
    /// The last word matches as a prefix (`econom*`).
    pub prefix: bool,
}

/// All frame and topic cues, in file order.
pub fn frame_cues() -> &'static [Cue] {
    static LIST: OnceLock<Vec<Cue>> = OnceLock::new();
    LIST.get_or_init(|| {
        data_lines(FRAMES_TSV)
            .filter_map(|l| {
                let mut parts = l.split('\t');
                let kind = parts.next()?;
                let label = parts.next()?;
                let cue = parts.next()?.trim();
                let prefix = cue.ends_with('*');
                let words = cue
                    .trim_end_matches('*')
                    .split(' ')
                    .flat_map(|w| {
                        let mut parts = Vec::new();
                        for (k, part) in w.split('-').enumerate() {
                            if k > 0 {
                                parts.push("-");
                            }
                            parts.push(part);
                        }
                        parts
                    })
                    .collect();
                Some(Cue {
                    kind,
                    label,
                    words,
                    prefix,
                })
            })
            .collect()
    })
}

/// English stop words (lowercase).
pub fn stopwords() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        data_lines(STOPWORDS_TXT)
            .flat_map(str::split_whitespace)
            .collect()
    })
}

pub fn is_stopword(lower: &str) -> bool {
    stopwords().contains(lower)
}

/// Entity types of the CoNLL-derived lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ConllType {
    Per,
    Org,
    Loc,
    Misc,
}

/// A known entity string: its majority type and how often it was seen.
#[derive(Debug, Clone, Copy)]
pub struct KnownName {
    pub kind: ConllType,
    pub count: u32,
}

/// FNV-1a, for the word tables looked up once or more per token (their keys are short words;
/// SipHash, the default, cost a tenth of the name tagger's time).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A map keyed by static words, hashed with [`Fnv`].
pub type WordMap<V> = HashMap<&'static str, V, FnvBuild>;

/// A set of static words, hashed with [`Fnv`].
pub type WordSet = HashSet<&'static str, FnvBuild>;

/// Builds [`Fnv`] hashers, for maps and sets keyed by words.
pub type FnvBuild = std::hash::BuildHasherDefault<Fnv>;

/// Entity strings seen in the CoNLL-2003 training set, by exact text.
pub fn known_names() -> &'static WordMap<KnownName> {
    static MAP: OnceLock<WordMap<KnownName>> = OnceLock::new();
    MAP.get_or_init(|| {
        data_lines(NAMES_TSV)
            .filter_map(|l| {
                let mut p = l.split('\t');
                let name = p.next()?;
                let kind = match p.next()? {
                    "PER" => ConllType::Per,
                    "ORG" => ConllType::Org,
                    "LOC" => ConllType::Loc,
                    _ => ConllType::Misc,
                };
                let count = p.next()?.trim().parse().ok()?;
                Some((name, KnownName { kind, count }))
            })
            .collect()
    })
}

/// How a capitalized word (not sentence-initial) was tagged in CoNLL training text:
/// counts for PER, ORG, LOC, MISC and O (not an entity).
pub fn word_types() -> &'static WordMap<[u32; 5]> {
    static MAP: OnceLock<WordMap<[u32; 5]>> = OnceLock::new();
    MAP.get_or_init(|| {
        data_lines(WORDS_TSV)
            .filter_map(|l| {
                let (w, rest) = l.split_once('\t')?;
                let mut counts = [0u32; 5];
                for (i, c) in rest.split(' ').enumerate().take(5) {
                    counts[i] = c.trim().parse().ok()?;
                }
                Some((w, counts))
            })
            .collect()
    })
}

/// The usual part of speech of a common lowercase word (majority tag in CoNLL-2003 training text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    /// Nouns and numbers.
    Noun,
    /// Adjectives and participles.
    Modifier,
    /// Verbs and adverbs.
    Verb,
    /// Function words.
    Function,
}

/// The class of a common lowercase word, or None for words not in the list.
pub fn word_class(lower: &str) -> Option<WordClass> {
    static MAP: OnceLock<WordMap<WordClass>> = OnceLock::new();
    class_lookup(&MAP, COMMON_WORDS_TSV, lower)
}

/// The class of a word from the wider, dictionary-derived list (`extra_word_classes.tsv`, words
/// the CoNLL-derived list lacks), or None. Kept apart from [`word_class`], whose classes are
/// features of the trained models.
pub fn dictionary_word_class(lower: &str) -> Option<WordClass> {
    static MAP: OnceLock<WordMap<WordClass>> = OnceLock::new();
    class_lookup(&MAP, EXTRA_WORD_CLASSES_TSV, lower)
}

/// The class of a word from the CoNLL-derived list, else from the dictionary-derived one.
pub fn any_word_class(lower: &str) -> Option<WordClass> {
    word_class(lower).or_else(|| dictionary_word_class(lower))
}

/// Whether a modifier-class word is mostly a participle ("reduced", "planned") rather than an
/// adjective in the CoNLL training text.
pub fn is_participle(lower: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| data_lines(PARTICIPLES_TXT).collect())
        .contains(lower)
}

fn class_lookup(
    map: &'static OnceLock<WordMap<WordClass>>,
    tsv: &'static str,
    lower: &str,
) -> Option<WordClass> {
    map.get_or_init(|| {
        data_lines(tsv)
            .filter_map(|l| {
                let (w, c) = l.split_once('\t')?;
                let class = match c.trim() {
                    "N" => WordClass::Noun,
                    "M" => WordClass::Modifier,
                    "V" => WordClass::Verb,
                    _ => WordClass::Function,
                };
                Some((w, class))
            })
            .collect()
    })
    .get(lower)
    .copied()
}

/// Audience-based partisan lean of news domains (Robertson et al. 2018), −1 … +1.
pub fn outlet_leans() -> &'static HashMap<&'static str, f64> {
    static MAP: OnceLock<HashMap<&'static str, f64>> = OnceLock::new();
    MAP.get_or_init(|| word_values(data_lines(LEANS_TSV)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_decodes_and_is_non_empty() {
        assert!(vader().len() > 7000);
        assert!(alarm().get("crisis").is_some_and(|w| *w > 0.0));
        assert!(frame_cues()
            .iter()
            .any(|c| c.label == "Security and defense"));
        assert!(is_stopword("the") && !is_stopword("ministry"));
        assert_eq!(
            known_names().get("China").map(|n| n.kind),
            Some(ConllType::Loc)
        );
        assert!(word_types().contains_key("Ministry"));
        assert!(outlet_leans().contains_key("nytimes.com"));
    }

    #[test]
    fn every_data_line_parses() {
        // A malformed line would be silently skipped above; here it fails the build's tests.
        for (name, text, fields) in [
            ("vader", VADER_TSV, 2),
            ("alarm", ALARM_TSV, 2),
            ("news_valence", NEWS_VALENCE_TSV, 2),
            ("frames", FRAMES_TSV, 3),
            ("names", NAMES_TSV, 3),
            ("words", WORDS_TSV, 2),
            ("leans", LEANS_TSV, 2),
            ("common words", COMMON_WORDS_TSV, 2),
            ("extra word classes", EXTRA_WORD_CLASSES_TSV, 2),
            ("background df", BACKGROUND_DF_TSV, 2),
        ] {
            for line in data_lines(text) {
                assert_eq!(line.split('\t').count(), fields, "{name}: {line:?}");
            }
        }
        let unique: HashSet<&str> = data_lines(VADER_TSV)
            .chain(data_lines(NEWS_VALENCE_TSV))
            .filter_map(|l| l.split('\t').next())
            .collect();
        assert_eq!(vader().len(), unique.len());
        assert_eq!(word_class("include"), Some(WordClass::Verb));
    }

    #[test]
    fn background_idf_orders_common_below_topical_words() {
        let (common, topical, unseen) = (
            background_idf("the"),
            background_idf("hurricane"),
            background_idf("zzyzxq"),
        );
        assert!(
            common < 0.2 && common < topical && topical < unseen,
            "{common} {topical} {unseen}"
        );
        assert!((unseen - 947f64.ln()).abs() < 1e-9);
    }
}
