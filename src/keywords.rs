//! Keyphrases by PositionRank (Florescu & Caragea, 2017): a graph of the article's nouns and
//! adjectives, linked when they occur within a few words of each other, ranked by PageRank biased
//! towards words that appear early and often; candidate phrases are noun phrases (adjectives and
//! nouns ending in a noun, 1–3 words, never across a sentence, hyphenated compounds kept whole)
//! scored by the sum of their words' ranks, each weighted by the square root of the word's inverse
//! document frequency in background news (CoNLL-2003 `eng.train` Reuters text, not the keyphrase
//! set; `data/lexicons/background_df.tsv`), so that words every news story uses ("year",
//! "officials") lift a phrase less than topical ones. A phrase that occurs in the first sentence
//! (a news story's lead) scores double. Word classes come from the CoNLL-derived common-word
//! list, then from the wider dictionary list (compromise's lexicon: "predicts" is a verb, so
//! "hurricane expert predicts" is no phrase); words in neither count as nouns (most rare words
//! are). Counting words ("six", "thousands"), honorifics and participles ("reduced", "planned":
//! the reference grammar is adjectives and nouns) are not phrase material. Phrases that stem to the same words
//! are merged. Salience is the score over the best score.

use crate::brief::{round3, Keyword};
use crate::lexicon::{any_word_class, background_idf, is_participle, is_stopword, WordClass};
use crate::text::{Doc, TokenKind};
use std::collections::{BTreeMap, HashMap};

/// Most keyphrases listed.
pub const MAX_KEYWORDS: usize = 10;
const MAX_PHRASE_WORDS: usize = 3;
/// Words on either side that link two candidate words in the graph.
const WINDOW: usize = 6;
const DAMPING: f64 = 0.85;
/// Score factor of a phrase that occurs in the first sentence (the lead).
const LEAD_FACTOR: f64 = 2.0;
const ITERATIONS: usize = 50;

/// Part of speech, as far as a keyphrase needs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Noun,
    Modifier,
    Other,
}

/// A word or a hyphenated compound ("cross-border"): a token range and what it is.
struct Unit {
    first: usize,
    last: usize,
    key: String,
    role: Role,
}

/// Singular form for merging "risk"/"risks", "policy"/"policies", "crash"/"crashes",
/// "tornado"/"tornadoes" (regular English plurals; irregular ones stay apart).
fn singular(word: &str) -> String {
    let n = word.len();
    let strip = |k: usize| word[..n - k].to_string();
    if n > 4 && word.ends_with("ies") {
        strip(3) + "y"
    } else if (n > 4
        && ["sses", "xes", "ches", "shes", "zzes"]
            .iter()
            .any(|e| word.ends_with(e)))
        || (n >= 8 && word.ends_with("oes"))
    {
        strip(2)
    } else if n > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        strip(1)
    } else {
        word.to_string()
    }
}

/// Counting words ("six", "thousands", "several"): quantities, not what a text is about, so
/// they neither start nor join a keyphrase ("six house seats" → "house seats").
const COUNT_WORDS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "trillions",
    "dozen",
    "dozens",
    "several",
    "many",
    "few",
    "numerous",
    "half",
];

/// Honorifics ("Mr.", "Sgt."): part of how a name is written, not of what a text is about.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sgt", "gen", "sen", "rep", "gov", "lt", "col", "capt", "cpl", "prof",
    "rev", "jr", "sr", "st", "messrs", "mme", "mlle",
];

fn role_of(lower: &str, compound: bool) -> Role {
    if compound {
        return Role::Modifier.max_noun(lower);
    }
    if is_stopword(lower)
        || lower.chars().count() < 2
        || lower.ends_with("'s")
        || COUNT_WORDS.contains(&lower)
        || HONORIFICS.contains(&lower.trim_end_matches('.'))
        || lower.contains("n't")
        // The reference grammar takes adjectives and nouns; participles ("reduced crop
        // production", "planned military action") are verb forms.
        || is_participle(lower)
    {
        return Role::Other;
    }
    match any_word_class(lower) {
        Some(WordClass::Noun) => Role::Noun,
        Some(WordClass::Modifier) => Role::Modifier,
        Some(WordClass::Verb | WordClass::Function) => Role::Other,
        None if lower.ends_with("ly") => Role::Other,
        None if lower.ends_with("ing") || lower.ends_with("ed") => Role::Modifier,
        None => Role::Noun,
    }
}

impl Role {
    /// A compound is a noun when its last part is one ("vice-president"), else a modifier
    /// ("cross-border").
    fn max_noun(self, lower: &str) -> Role {
        let last = lower.rsplit('-').next().unwrap_or(lower);
        match any_word_class(last) {
            Some(WordClass::Noun) | None => Role::Noun,
            _ => self,
        }
    }
}

/// The units of each sentence.
fn units(doc: &Doc) -> Vec<Vec<Unit>> {
    doc.sentences
        .iter()
        .map(|s| {
            let mut out = Vec::new();
            let mut i = s.tokens.start;
            while i < s.tokens.end {
                let mut end = i + 1;
                while doc.tokens[i].is_word()
                    && end + 1 < s.tokens.end
                    && doc.token_text(end) == "-"
                    && doc.tokens[end - 1].end == doc.tokens[end].start
                    && doc.tokens[end].end == doc.tokens[end + 1].start
                    && doc.tokens[end + 1].is_word()
                {
                    end += 2;
                }
                let t = &doc.tokens[i];
                let text = doc.text[t.start..doc.tokens[end - 1].end]
                    .to_lowercase()
                    .replace('’', "'");
                let role = if t.kind == TokenKind::Word {
                    role_of(&text, end > i + 1)
                } else {
                    Role::Other
                };
                out.push(Unit {
                    first: i,
                    last: end - 1,
                    key: singular(&text),
                    role,
                });
                i = end;
            }
            // A noun-looking word right before a determiner is a verb ("the disease poses a
            // risk", "Slovenia plans the vote"): nouns are seldom followed by one.
            for k in 1..out.len() {
                if out[k - 1].role == Role::Noun && DETERMINERS.contains(&out[k].key.as_str()) {
                    out[k - 1].role = Role::Other;
                }
            }
            out
        })
        .collect()
}

/// Words that open a noun phrase (see [`units`]).
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "its", "his", "her", "their", "our", "my", "your",
];

/// The best keyphrases of a document.
pub fn analyze(doc: &Doc) -> Vec<Keyword> {
    let sentences = units(doc);
    // Graph words: nouns and modifiers, in document order.
    let sequence: Vec<&str> = sentences
        .iter()
        .flatten()
        .filter(|u| u.role != Role::Other)
        .map(|u| u.key.as_str())
        .collect();
    if sequence.is_empty() {
        return Vec::new();
    }
    let mut index: HashMap<&str, usize> = HashMap::new();
    for w in &sequence {
        let n = index.len();
        index.entry(w).or_insert(n);
    }
    let n = index.len();
    // Position bias: the sum of 1/position over a word's occurrences, normalized.
    let mut bias = vec![0f64; n];
    for (pos, w) in sequence.iter().enumerate() {
        bias[index[w]] += 1.0 / (pos as f64 + 1.0);
    }
    let total: f64 = bias.iter().sum();
    bias.iter_mut().for_each(|b| *b /= total);
    // Co-occurrence edges within the window.
    let mut edges: HashMap<(usize, usize), f64> = HashMap::new();
    for (pos, w) in sequence.iter().enumerate() {
        for other in sequence.iter().skip(pos + 1).take(WINDOW) {
            let (a, b) = (index[w], index[other]);
            if a != b {
                *edges.entry((a, b)).or_default() += 1.0;
                *edges.entry((b, a)).or_default() += 1.0;
            }
        }
    }
    let mut out_weight = vec![0f64; n];
    let mut incoming: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n];
    let mut sorted_edges: Vec<_> = edges.into_iter().collect();
    sorted_edges.sort_by_key(|e| e.0); // deterministic summation order
    for ((a, b), w) in sorted_edges {
        out_weight[a] += w;
        incoming[b].push((a, w));
    }
    let mut rank = bias.clone();
    for _ in 0..ITERATIONS {
        let next: Vec<f64> = (0..n)
            .map(|v| {
                let flow: f64 = incoming[v]
                    .iter()
                    .map(|&(u, w)| rank[u] * w / out_weight[u])
                    .sum();
                (1.0 - DAMPING) * bias[v] + DAMPING * flow
            })
            .collect();
        rank = next;
    }
    let word_rank = |key: &str| index.get(key).map_or(0.0, |&i| rank[i]);

    // Candidate phrases: maximal runs of nouns/modifiers, trimmed to end on a noun, last 3 words.
    let mut candidates: BTreeMap<String, (f64, usize, String)> = BTreeMap::new();
    for (sentence, units) in sentences.iter().enumerate() {
        let mut k = 0;
        while k < units.len() {
            if units[k].role == Role::Other {
                k += 1;
                continue;
            }
            let start = k;
            while k < units.len() && units[k].role != Role::Other {
                k += 1;
            }
            let mut end = k;
            while end > start && units[end - 1].role != Role::Noun {
                end -= 1;
            }
            if end == start {
                continue;
            }
            let from = start.max(end.saturating_sub(MAX_PHRASE_WORDS));
            let run = &units[from..end];
            let key = run
                .iter()
                .map(|u| u.key.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            let score: f64 = run
                .iter()
                .map(|u| word_rank(&u.key) * background_idf(&u.key).sqrt())
                .sum();
            // A news story's lead sentence says what it is about.
            let score = if sentence == 0 {
                LEAD_FACTOR * score
            } else {
                score
            };
            let first = doc.tokens[run[0].first].start;
            let surface = doc.text[first..doc.tokens[run[run.len() - 1].last].end]
                .to_lowercase()
                .replace('’', "'");
            candidates.entry(key).or_insert((score, first, surface));
        }
    }
    let mut scored: Vec<(String, f64, usize, String)> = candidates
        .into_iter()
        .map(|(k, (s, first, surface))| (k, s, first, surface))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)).then(a.0.cmp(&b.0)));
    scored.truncate(MAX_KEYWORDS);
    let best = scored.first().map_or(1.0, |c| c.1).max(f64::MIN_POSITIVE);
    scored
        .into_iter()
        .map(|(_, s, _, surface)| Keyword {
            term: surface,
            salience: round3(s / best),
        })
        .collect()
}

/// Keeps one keyphrase per entity: a keyphrase that is written like a name or alias of an entity
/// ("mss", "ministry of state security") is dropped when an earlier, better keyphrase already
/// names the same entity.
pub fn dedupe_against_entities(
    keywords: Vec<Keyword>,
    entities: &[crate::brief::Entity],
) -> Vec<Keyword> {
    let entity_of = |term: &str| {
        entities.iter().position(|e| {
            std::iter::once(&e.name)
                .chain(e.aliases.iter())
                .any(|form| form.to_lowercase().replace('’', "'") == term)
        })
    };
    let mut seen = std::collections::BTreeSet::new();
    keywords
        .into_iter()
        .filter(|k| match entity_of(&k.term) {
            Some(e) => seen.insert(e),
            None => true,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(text: &str) -> Vec<String> {
        analyze(&Doc::from_plain_text(text))
            .into_iter()
            .map(|k| k.term)
            .collect()
    }

    #[test]
    fn noun_phrases_that_recur_early_rank_first() {
        let t = terms(
            "Security risks in relay services worry regulators. Relay services offer access to \
             foreign AI models. The security risks include data leaks and privacy breaches.",
        );
        assert!(
            t.iter()
                .take(3)
                .any(|x| x == "relay services" || x == "security risks"),
            "{t:?}"
        );
        assert!(
            t.iter()
                .all(|x| !x.starts_with("the ") && !x.ends_with(" and")),
            "{t:?}"
        );
        assert!(
            !t.iter()
                .any(|x| x.contains("include") || x.contains("worry")),
            "verbs: {t:?}"
        );
    }

    #[test]
    fn words_all_news_uses_weigh_less_than_topical_ones() {
        // "officials" comes first and as often, but every news story has officials.
        let t = terms(
            "Officials said the levee held. Officials said the levee was repaired. Officials \
             closed the road near the levee.",
        );
        let rank = |w: &str| t.iter().position(|x| x == w);
        assert!(rank("levee") < rank("officials"), "{t:?}");
    }

    #[test]
    fn phrases_of_the_lead_sentence_rank_higher() {
        let first = |text: &str| terms(text).first().cloned().unwrap_or_default();
        // The same two phrases, each twice: the one in the lead comes first either way.
        let (a, b) = ("The harbour wall held.", "Crop prices rose.");
        let (c, d) = ("The harbour wall cracked.", "Crop prices fell.");
        assert_eq!(first(&format!("{a} {b} {d} {c}")), "harbour wall");
        assert_eq!(first(&format!("{b} {a} {c} {d}")), "crop prices");
    }

    #[test]
    fn counting_words_are_not_part_of_keyphrases() {
        let t = terms(
            "Six house seats moved. The house seats went to three states. Thousands of voters \
             watched the house seats.",
        );
        assert!(t.iter().any(|x| x == "house seats"), "{t:?}");
        assert!(
            !t.iter()
                .any(|x| x.contains("six") || x.contains("thousands")),
            "{t:?}"
        );
    }

    #[test]
    fn honorifics_and_negated_verbs_are_not_phrase_words() {
        let t = terms(
            "Mr. Johnson said the major hurricane isn't over. Mr. Johnson watched the major \
             hurricane. The major hurricane didn't stop.",
        );
        assert!(t.iter().any(|x| x == "major hurricane"), "{t:?}");
        assert!(
            !t.iter().any(|x| x.contains("mr.") || x.contains("n't")),
            "{t:?}"
        );
    }

    #[test]
    fn regular_plurals_merge_with_their_singular() {
        for (plural, one) in [
            ("policies", "policy"),
            ("crashes", "crash"),
            ("taxes", "tax"),
            ("processes", "process"),
            ("tornadoes", "tornado"),
            ("houses", "house"),
            ("risks", "risk"),
            ("status", "status"),
        ] {
            assert_eq!(singular(plural), one);
            assert_eq!(singular(one), one);
        }
    }

    #[test]
    fn hyphenated_compounds_stay_whole() {
        let t = terms(
            "Unauthorised cross-border data transfers rose. Cross-border data transfers matter.",
        );
        assert!(t.iter().any(|x| x.contains("cross-border")), "{t:?}");
    }

    #[test]
    fn one_keyphrase_per_entity() {
        let entity = crate::brief::Entity {
            id: "E1".into(),
            name: "Ministry of State Security".into(),
            entity_type: "organization".into(),
            aliases: vec!["MSS".into()],
            mentions: vec![],
            count: 2,
            salience: 1.0,
        };
        let kw = |t: &str| Keyword {
            term: t.into(),
            salience: 1.0,
        };
        let kept = dedupe_against_entities(
            vec![
                kw("ministry of state security"),
                kw("data leaks"),
                kw("mss"),
            ],
            &[entity],
        );
        let terms: Vec<&str> = kept.iter().map(|k| k.term.as_str()).collect();
        assert_eq!(terms, ["ministry of state security", "data leaks"]);
    }

    #[test]
    fn salience_is_relative_to_the_best_and_sorted() {
        let k = analyze(&Doc::from_plain_text(
            "Flood defences failed. The flood defences cost millions. Towns flooded.",
        ));
        assert_eq!(k[0].salience, 1.0);
        assert!(k.windows(2).all(|w| w[0].salience >= w[1].salience));
        assert!(analyze(&Doc::from_plain_text("")).is_empty());
    }
}
