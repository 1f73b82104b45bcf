//! The optional transformer speaker tagger's pass over the rules' answer: the tagger reads each
//! sentence with the speaker the rules found and gives the speaker's span (or none). Where it
//! agrees with the rules, their answer stands as it is; where it gives another span, the speaker
//! is that span, resolved to an entity and marked anonymous as the rules would a noun phrase
//! there, with the rules' cue (or the reporting verb nearest to the span).

use super::lexicon::REPORTING_VERBS;
use super::speaker::{noun_phrase, pronoun_speaker};
use super::Found;
use crate::encoder::SpeakerTagger;
use crate::entities::Entities;
use crate::text::Doc;
use std::ops::Range;

/// The speaker of sentence `s_index` according to the tagger, given the rules' answer.
pub(super) fn retag(
    doc: &Doc,
    entities: &Entities,
    s_index: usize,
    rules: Option<Found>,
    tagger: &SpeakerTagger,
) -> Option<Found> {
    let sentence = &doc.sentences[s_index];
    let base = sentence.bytes.start;
    let within = |b: &Range<usize>| b.start >= base && b.end <= sentence.bytes.end;
    let rules_span = rules
        .as_ref()
        .map(|f| &f.bytes)
        .filter(|b| within(b))
        .map(|b| b.start - base..b.end - base);
    let span = tagger.speaker(doc.sentence_text(s_index), rules_span.clone())?;
    if Some(&span) == rules_span.as_ref() {
        return rules;
    }
    // A lone article, possessive or preposition ("the", "A") is no speaker: the tags broke off
    // after it. The rules' answer stands.
    if is_function_word(&doc.sentence_text(s_index)[span.clone()]) {
        return rules;
    }
    let bytes = span.start + base..span.end + base;
    let tokens = sentence.tokens.clone();
    let first = tokens
        .clone()
        .find(|&k| doc.tokens[k].end > bytes.start)
        .unwrap_or(tokens.end);
    let end = tokens
        .clone()
        .find(|&k| doc.tokens[k].start >= bytes.end)
        .unwrap_or(tokens.end);
    if first >= end {
        return rules;
    }
    let cue = rules
        .as_ref()
        .map(|f| f.cue.clone())
        .or_else(|| nearest_cue(doc, &tokens, first..end))
        .unwrap_or_default();
    let resolved = if end == first + 1 {
        pronoun_speaker(doc, entities, first, &cue)
    } else {
        None
    }
    .or_else(|| noun_phrase(doc, entities, first, end, &cue));
    let (entity, anonymous) = match resolved {
        Some(f) => (f.entity, f.anonymous),
        None => (entities.ending_at(end).map(|(g, _)| g), false),
    };
    Some(Found {
        written: doc.text[bytes.clone()].to_string(),
        bytes,
        entity,
        anonymous,
        cue,
    })
}

/// The reporting verb (or "according") of the sentence nearest to the speaker's tokens.
fn nearest_cue(doc: &Doc, sentence: &Range<usize>, speaker: Range<usize>) -> Option<String> {
    sentence
        .clone()
        .filter(|k| !speaker.contains(k))
        .filter(|&k| {
            let w = doc.tokens[k].lower.as_str();
            w == "according" || REPORTING_VERBS.contains(&w)
        })
        .min_by_key(|&k| {
            if k < speaker.start {
                speaker.start - k
            } else {
                k - speaker.end + 1
            }
        })
        .map(|k| doc.tokens[k].lower.clone())
}

/// True for a single word that cannot name a speaker on its own.
fn is_function_word(span: &str) -> bool {
    const FUNCTION_WORDS: &[&str] = &[
        "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our",
        "my", "your", "of", "in", "on", "at", "by", "for", "with", "to", "from", "and", "or",
        "but", "as",
    ];
    let word = span.trim();
    !word.contains(char::is_whitespace) && FUNCTION_WORDS.contains(&word.to_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::is_function_word;

    #[test]
    fn a_lone_article_or_preposition_is_no_speaker() {
        for w in ["the", "A", "Their", " of "] {
            assert!(is_function_word(w), "{w}");
        }
        for w in ["Lawmakers", "the ministry", "She", "Anna"] {
            assert!(!is_function_word(w), "{w}");
        }
    }
}
