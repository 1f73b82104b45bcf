//! Framing and topics: how strongly the article's wording cues each of the 15 policy frames of
//! the Media Frames codebook, and which subject topics it is about, each with the cue words as
//! evidence. Cues live in `data/lexicons/frames.tsv`.
//!
//! Score of a label = `1 − e^(−x)` with `x = 12 · (Σ cue hits) / words`, so a label needs several
//! cues per hundred words to approach 1. Frames under 0.2 and topics under 0.25 are not listed.

use crate::brief::{round3, Evidence, Frame, Topic};
use crate::lexicon::{frame_cues, Cue};
use crate::text::Doc;
use std::collections::BTreeMap;

const MIN_FRAME_SCORE: f64 = 0.2;
const MIN_TOPIC_SCORE: f64 = 0.25;
const MAX_LISTED: usize = 4;

/// A scored label with evidence, before it becomes a Frame or a Topic.
struct Scored {
    label: &'static str,
    score: f64,
    evidence: Vec<Evidence>,
}

/// Scores frames and topics.
pub fn analyze(doc: &Doc) -> (Vec<Frame>, Vec<Topic>) {
    let words = doc.word_count().max(1) as f64;
    let mut hits: BTreeMap<(&'static str, &'static str), Vec<Evidence>> = BTreeMap::new();
    let toks = &doc.tokens;
    for i in 0..toks.len() {
        let first = toks[i].lower.as_bytes().first().copied();
        for cue in frame_cues() {
            if cue.words[0].as_bytes().first().copied() != first {
                continue;
            }
            if let Some(end) = matches_at(doc, i, cue) {
                hits.entry((cue.kind, cue.label))
                    .or_default()
                    .push(Evidence {
                        start: doc.utf16(toks[i].start),
                        end: doc.utf16(toks[end - 1].end),
                        weight: 1.0,
                        reason: format!(
                            "cue \"{}\"",
                            doc.text[toks[i].start..toks[end - 1].end].to_lowercase()
                        ),
                    });
            }
        }
    }
    let mut frames = Vec::new();
    let mut topics = Vec::new();
    for ((kind, label), mut evidence) in hits {
        evidence.sort_by_key(|e| (e.start, e.end));
        evidence.dedup_by_key(|e| (e.start, e.end));
        let x = 12.0 * evidence.len() as f64 / words;
        let score = round3(1.0 - (-x).exp());
        evidence.truncate(8);
        let scored = Scored {
            label,
            score,
            evidence,
        };
        if kind == "frame" {
            frames.push(scored);
        } else {
            topics.push(scored);
        }
    }
    let frames = rank(frames, MIN_FRAME_SCORE)
        .into_iter()
        .map(|s| Frame {
            frame: s.label.to_string(),
            score: s.score,
            evidence: s.evidence,
        })
        .collect();
    let topics = rank(topics, MIN_TOPIC_SCORE)
        .into_iter()
        .map(|s| Topic {
            topic: s.label.to_string(),
            score: s.score,
            evidence: s.evidence,
        })
        .collect();
    (frames, topics)
}

fn rank(mut list: Vec<Scored>, min: f64) -> Vec<Scored> {
    list.retain(|s| s.score >= min);
    list.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.label.cmp(b.label)));
    list.truncate(MAX_LISTED);
    list
}

/// If `cue` matches at token `i`, the end token (exclusive).
fn matches_at(doc: &Doc, i: usize, cue: &Cue) -> Option<usize> {
    let toks = doc.tokens.get(i..i + cue.words.len())?;
    for (k, (tok, part)) in toks.iter().zip(&cue.words).enumerate() {
        let last = k + 1 == cue.words.len();
        let ok = if last && cue.prefix {
            tok.lower.starts_with(part)
        } else {
            tok.lower == *part
        };
        if !ok {
            return None;
        }
    }
    Some(i + cue.words.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn security_and_technology_article() {
        let doc = Doc::from_plain_text(
            "The national security agency warned of espionage risks in artificial intelligence \
             platforms. Developers use the software to reach foreign AI models, a security threat.",
        );
        let (frames, topics) = analyze(&doc);
        assert_eq!(frames[0].frame, "Security and defense");
        assert!(frames[0]
            .evidence
            .iter()
            .any(|e| e.reason.contains("espionage")));
        assert_eq!(topics[0].topic, "Technology");
    }

    #[test]
    fn prefix_and_hyphenated_cues() {
        let doc = Doc::from_plain_text("Economists expect cross-border trade to grow.");
        let (frames, _) = analyze(&doc);
        let ext = frames
            .iter()
            .find(|f| f.frame == "External regulation and reputation");
        assert!(
            ext.is_some_and(|f| f.evidence.iter().any(|e| e.reason.contains("cross-border"))),
            "{frames:?}"
        );
    }

    #[test]
    fn no_text_no_frames() {
        let (frames, topics) = analyze(&Doc::from_plain_text(""));
        assert!(frames.is_empty() && topics.is_empty());
    }
}
