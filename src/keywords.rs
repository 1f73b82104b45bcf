//! Keyphrases: candidate phrases are runs of 1–3 content words (no stop word, number or
//! punctuation at either edge, never across a sentence); each word scores by its RAKE degree over
//! frequency, a phrase by the sum of its words times a position boost (earlier first mention
//! scores higher) and its frequency. Near-duplicates (same words up to a plural) are merged and
//! sub-phrases of a better phrase dropped. Salience is the score over the best score.

use crate::brief::{round3, Keyword};
use crate::lexicon::{is_stopword, word_class, WordClass};
use crate::text::{Doc, TokenKind};
use std::collections::{BTreeMap, HashMap};

/// Most keyphrases listed.
pub const MAX_KEYWORDS: usize = 10;
const MAX_PHRASE_WORDS: usize = 3;

#[derive(Default)]
struct Candidate {
    count: usize,
    first: usize,
    surface: String,
}

fn content_word(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.kind == TokenKind::Word
        && !is_stopword(&t.lower)
        && !matches!(
            word_class(&t.lower),
            Some(WordClass::Verb | WordClass::Function)
        )
        && t.lower.chars().count() > 1
        && t.lower != "'s"
        && !t.lower.ends_with("'s")
}

/// Crude singular form for merging "risk"/"risks".
fn singular(word: &str) -> &str {
    if word.len() > 4 && word.ends_with("ies") {
        &word[..word.len() - 3]
    } else if word.len() > 3
        && word.ends_with('s')
        && !word.ends_with("ss")
        && !word.ends_with("us")
    {
        &word[..word.len() - 1]
    } else {
        word
    }
}

/// The best keyphrases of a document.
pub fn analyze(doc: &Doc) -> Vec<Keyword> {
    // Maximal runs of content-word units; a unit is a word or a hyphenated compound
    // ("cross-border"), as a token range.
    let mut runs: Vec<Vec<(usize, usize)>> = Vec::new();
    for s in &doc.sentences {
        let mut run: Vec<(usize, usize)> = Vec::new();
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
            let compound = end > i + 1;
            if content_word(doc, i) || (compound && !is_stopword(&doc.tokens[end - 1].lower)) {
                run.push((i, end));
                i = end;
            } else {
                if !run.is_empty() {
                    runs.push(std::mem::take(&mut run));
                }
                i += 1;
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
    }
    let unit_lower = |u: (usize, usize)| -> String {
        let text = doc.text[doc.tokens[u.0].start..doc.tokens[u.1 - 1].end].to_lowercase();
        singular(&text).to_string()
    };
    // RAKE word scores: degree (co-occurring words in runs) over frequency.
    let mut freq: HashMap<String, f64> = HashMap::new();
    let mut degree: HashMap<String, f64> = HashMap::new();
    for run in &runs {
        for &u in run {
            let w = unit_lower(u);
            *freq.entry(w.clone()).or_default() += 1.0;
            *degree.entry(w).or_default() += run.len().min(MAX_PHRASE_WORDS) as f64;
        }
    }
    let word_score = |w: &str| {
        let f = freq.get(w).copied().unwrap_or(0.0);
        degree.get(w).copied().unwrap_or(0.0) / f.max(1.0) + f.ln_1p()
    };
    // Candidate phrases: every 1..=3 window of each run that ends on a noun-like unit.
    let mut candidates: BTreeMap<String, Candidate> = BTreeMap::new();
    for run in &runs {
        for len in 1..=MAX_PHRASE_WORDS.min(run.len()) {
            for w in run.windows(len) {
                let last = w[len - 1];
                if last.1 - last.0 == 1
                    && word_class(&doc.tokens[last.0].lower) == Some(WordClass::Modifier)
                {
                    continue; // a phrase ends on its head noun, not on an adjective
                }
                let key = w
                    .iter()
                    .map(|&u| unit_lower(u))
                    .collect::<Vec<_>>()
                    .join(" ");
                let c = candidates.entry(key).or_default();
                if c.count == 0 {
                    c.first = doc.tokens[w[0].0].start;
                    c.surface = doc.text[doc.tokens[w[0].0].start..doc.tokens[last.1 - 1].end]
                        .to_lowercase();
                }
                c.count += 1;
            }
        }
    }
    let text_len = doc.text.len().max(1) as f64;
    let count_of = |k: &str| candidates.get(k).map_or(0, |c| c.count);
    let mut scored: Vec<(String, f64, String)> = candidates
        .iter()
        .map(|(key, c)| {
            let words: Vec<&str> = key.split(' ').collect();
            let base: f64 = words.iter().map(|w| word_score(w)).sum::<f64>();
            let position = 1.0 + 0.5 * (1.0 - c.first as f64 / text_len);
            let repeat = 1.0 + (c.count as f64 - 1.0).min(4.0) * 0.25;
            let length = if words.len() == 1 { 0.7 } else { 1.0 };
            // A longer phrase seen less often than a phrase inside it is probably that phrase
            // plus a stray word ("relay services offer" vs "relay services").
            let mut cohesion = 1.0f64;
            if words.len() == 3 {
                for sub in [words[..2].join(" "), words[1..].join(" ")] {
                    let sub_count = count_of(&sub);
                    if sub_count > c.count {
                        cohesion = cohesion.min(c.count as f64 / sub_count as f64);
                    }
                }
            }
            (
                key.clone(),
                base * position * repeat * length * cohesion,
                c.surface.clone(),
            )
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut chosen: Vec<(String, f64, String)> = Vec::new();
    for cand in scored {
        let overlaps = chosen.iter().any(|(k, _, _)| {
            contains_words(k, &cand.0) || contains_words(&cand.0, k) || shares_two_words(k, &cand.0)
        });
        if overlaps {
            continue;
        }
        chosen.push(cand);
        if chosen.len() == MAX_KEYWORDS {
            break;
        }
    }
    let best = chosen.first().map_or(1.0, |c| c.1).max(f64::MIN_POSITIVE);
    chosen
        .into_iter()
        .map(|(_, s, surface)| Keyword {
            term: surface,
            salience: round3(s / best),
        })
        .collect()
}

/// Whether two phrases share two or more words ("artificial intelligence relay" and
/// "intelligence relay services" are windows of one longer phrase).
fn shares_two_words(a: &str, b: &str) -> bool {
    let a: Vec<&str> = a.split(' ').collect();
    b.split(' ').filter(|w| a.contains(w)).count() >= 2
}

/// Whether phrase `a` contains phrase `b` as whole words.
fn contains_words(a: &str, b: &str) -> bool {
    format!(" {a} ").contains(&format!(" {b} "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiword_phrases_rank_and_dedupe() {
        let doc = Doc::from_plain_text(
            "Security risks in relay services worry regulators. Relay services offer access to \
             foreign AI models. The security risks include data leaks and privacy breaches.",
        );
        let kw = analyze(&doc);
        let terms: Vec<&str> = kw.iter().map(|k| k.term.as_str()).collect();
        assert!(terms.contains(&"security risks"), "{terms:?}");
        assert!(terms.contains(&"relay services"), "{terms:?}");
        assert!(!terms.contains(&"security"), "sub-phrase kept: {terms:?}");
        assert_eq!(kw[0].salience, 1.0);
        assert!(kw.windows(2).all(|w| w[0].salience >= w[1].salience));
        assert!(terms
            .iter()
            .all(|t| !t.starts_with("the ") && !t.ends_with(" and")));
    }

    #[test]
    fn hyphenated_compounds_stay_whole() {
        let doc = Doc::from_plain_text(
            "Unauthorised cross-border data transfers rose. Cross-border data transfers matter.",
        );
        let terms: Vec<String> = analyze(&doc).into_iter().map(|k| k.term).collect();
        assert!(
            terms.iter().any(|t| t.contains("cross-border")),
            "{terms:?}"
        );
    }
}
