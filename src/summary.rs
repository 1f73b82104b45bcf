//! The extractive summary: 3–6 sentences (by article length) chosen for covering the top
//! keyphrases and entities, with a lead bias, redundancy removed (word overlap), in document
//! order. Confidence = the share of the top five keyphrases and top three entities the summary
//! mentions, so it means "how much of what matters the summary carries".

use crate::brief::{round3, Entity, Keyword, Summary, SummarySentence};
use crate::lexicon::is_stopword;
use crate::text::Doc;
use std::collections::BTreeSet;

/// How many sentences a summary of an article with `n` sentences has.
pub fn target_length(n: usize) -> usize {
    match n {
        0..=3 => n,
        4..=12 => 3,
        13..=30 => 4,
        31..=60 => 5,
        _ => 6,
    }
}

fn content_words(doc: &Doc, s: usize) -> BTreeSet<&str> {
    doc.tokens[doc.sentences[s].tokens.clone()]
        .iter()
        .filter(|t| t.is_word() && !is_stopword(&t.lower))
        .map(|t| t.lower.as_str())
        .collect()
}

/// Builds the summary. Keywords and entities are the brief's, with UTF-16 offsets.
pub fn summarize(doc: &Doc, keywords: &[Keyword], entities: &[Entity]) -> Summary {
    let n = doc.sentences.len();
    let k = target_length(n);
    let sentence_lower: Vec<String> = (0..n)
        .map(|i| doc.sentence_text(i).to_lowercase())
        .collect();
    let top_entities: Vec<&Entity> = entities.iter().take(5).collect();
    let mut scores: Vec<(usize, f64)> = (0..n)
        .map(|i| {
            let s = &doc.sentences[i];
            let (start, end) = (doc.utf16(s.bytes.start), doc.utf16(s.bytes.end));
            let kw: f64 = keywords
                .iter()
                .filter(|kw| sentence_lower[i].contains(&kw.term))
                .map(|kw| kw.salience)
                .sum();
            let ent: f64 = top_entities
                .iter()
                .filter(|e| e.mentions.iter().any(|m| m.start >= start && m.end <= end))
                .map(|e| e.salience)
                .sum();
            let words = s.tokens.len();
            let length_ok = if (6..=60).contains(&words) { 1.0 } else { 0.4 };
            let lead = 1.0 + 1.0 / (1.0 + i as f64);
            let heading = doc
                .paragraphs
                .get(s.paragraph)
                .is_some_and(|p| p.kind != crate::text::BlockKind::Paragraph);
            let kind = if heading { 0.3 } else { 1.0 };
            (i, (kw + 0.7 * ent + 0.2) * lead * length_ok * kind)
        })
        .collect();
    scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut picked: Vec<usize> = Vec::new();
    for (i, _) in scores {
        if picked.len() == k {
            break;
        }
        let words = content_words(doc, i);
        let redundant = picked.iter().any(|&p| {
            let other = content_words(doc, p);
            let inter = words.intersection(&other).count() as f64;
            let union = words.union(&other).count().max(1) as f64;
            inter / union > 0.5
        });
        if !redundant {
            picked.push(i);
        }
    }
    picked.sort_unstable();
    let sentences: Vec<SummarySentence> = picked
        .iter()
        .map(|&i| SummarySentence {
            text: doc.sentence_text(i).to_string(),
            start: doc.utf16(doc.sentences[i].bytes.start),
            end: doc.utf16(doc.sentences[i].bytes.end),
        })
        .collect();
    let text = sentences
        .iter()
        .map(|s| s.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    let lower = text.to_lowercase();
    let targets: Vec<bool> = keywords
        .iter()
        .take(5)
        .map(|kw| lower.contains(&kw.term))
        .chain(entities.iter().take(3).map(|e| {
            e.mentions.iter().any(|m| {
                sentences
                    .iter()
                    .any(|s| m.start >= s.start && m.end <= s.end)
            })
        }))
        .collect();
    let confidence = if targets.is_empty() {
        0.0
    } else {
        targets.iter().filter(|&&b| b).count() as f64 / targets.len() as f64
    };
    Summary {
        text,
        sentences,
        confidence: round3(confidence),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_covering_sentences_in_order() {
        let doc = Doc::from_plain_text(
            "Relay services face a ban. The weather was mild. Relay services sell access to models. \
             Lunch was served. Regulators want relay services to register. A band played.",
        );
        let kws = vec![Keyword {
            term: "relay services".into(),
            salience: 1.0,
        }];
        let s = summarize(&doc, &kws, &[]);
        assert_eq!(s.sentences.len(), 3);
        assert!(s.sentences.windows(2).all(|w| w[0].start < w[1].start));
        assert!(
            s.sentences.iter().all(|x| x.text.contains("elay services")),
            "{s:?}"
        );
        assert_eq!(s.confidence, 1.0);
    }

    #[test]
    fn short_texts_keep_every_sentence() {
        let doc = Doc::from_plain_text("One sentence only.");
        let s = summarize(&doc, &[], &[]);
        assert_eq!(s.text, "One sentence only.");
        assert_eq!(target_length(0), 0);
    }
}
