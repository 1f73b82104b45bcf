//! The optional speaker tagger: the MiniLM encoder reading a sentence together with the speaker
//! span the attribution rules found (as a begin/inside/outside embedding over the word pieces)
//! and a case/shape embedding per word, with a begin/inside/outside tag for every piece on top.
//! The speaker is the first piece tagged "begin" and the "inside" pieces right after it, mapped
//! back to the sentence and trimmed of edge punctuation; no "begin" piece means no speaker.
//! Built by `data/build/speaker_minilm.py` from the experiment `tests/eval/experiments/
//! minilm_attribution.py`, whose training and decoding this reproduces.

use super::bert::Bert;
use super::wordpiece::{Encoding, WordPiece};
use super::{load, ModelError};
use std::ops::Range;

/// The `format` metadata value of a speaker model file.
pub const SPEAKER_FORMAT: &str = "newsar-minilm-speaker-1";

/// Case/shape classes of a word (see [`case_class`]).
const CASE_CLASSES: usize = 7;
/// Tags of a piece: outside, begin, inside of the speaker span.
const TAGS: usize = 3;
const BEGIN: usize = 1;
const INSIDE: usize = 2;

/// A loaded speaker tagger.
#[derive(Debug)]
pub struct SpeakerTagger {
    tokenizer: WordPiece,
    bert: Bert,
    /// `CASE_CLASSES × hidden`, added to the pieces of each word by its case class.
    case_embeddings: Vec<f32>,
    /// `TAGS × hidden`, added to each piece by where it stands in the rules' speaker span.
    rules_embeddings: Vec<f32>,
    /// `TAGS × hidden` weights and `TAGS` biases of the tag logits.
    head_weight: Vec<f32>,
    head_bias: Vec<f32>,
    provenance: String,
}

impl SpeakerTagger {
    /// Reads a model file. Errors name what is missing or malformed.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let (loaded, (case_embeddings, rules_embeddings, head_weight, head_bias)) =
            load(bytes, "speaker", SPEAKER_FORMAT, |r| {
                let h = r.config.hidden;
                Ok((
                    r.floats("case.emb", &[CASE_CLASSES, h])?,
                    r.floats("rules.emb", &[TAGS, h])?,
                    r.floats("head.w", &[TAGS, h])?,
                    r.floats("head.b", &[TAGS])?,
                ))
            })?;
        Ok(Self {
            tokenizer: loaded.tokenizer,
            bert: loaded.bert,
            case_embeddings,
            rules_embeddings,
            head_weight,
            head_bias,
            provenance: loaded.provenance,
        })
    }

    /// The speaker of `sentence` as a byte range of it, or `None`; `rules` is the byte range of
    /// the speaker the rules found in it, if any. The span is the first "begin" piece and the
    /// "inside" pieces right after it, widened to whole words (a word's pieces are never split:
    /// "Lawmakers", not "Law").
    pub fn speaker(&self, sentence: &str, rules: Option<Range<usize>>) -> Option<Range<usize>> {
        let encoding = self.tokenizer.encode_with_offsets(sentence);
        let tags = self.tags_of(sentence, &encoding, rules);
        let first = tags.iter().position(|&t| t == BEGIN)?;
        let last = first
            + tags[first + 1..]
                .iter()
                .take_while(|&&t| t == INSIDE)
                .count();
        let (first, last) = whole_words(&encoding.words, first, last);
        let span = trim(
            sentence,
            encoding.bytes[first].start..encoding.bytes[last].end,
        );
        (!span.is_empty()).then_some(span)
    }

    /// The tag of every word piece (0 outside, 1 begin, 2 inside), `[CLS]` and `[SEP]` included
    /// (always outside); for tests and debugging.
    pub fn tags(&self, sentence: &str, rules: Option<Range<usize>>) -> Vec<usize> {
        let encoding = self.tokenizer.encode_with_offsets(sentence);
        self.tags_of(sentence, &encoding, rules)
    }

    /// The word-piece ids the encoder reads for a sentence (for tests and debugging).
    pub fn pieces(&self, sentence: &str) -> Vec<u32> {
        self.tokenizer.encode(sentence)
    }

    /// Where the weights came from and how they were trained.
    pub fn provenance(&self) -> &str {
        &self.provenance
    }

    fn tags_of(
        &self,
        sentence: &str,
        encoding: &Encoding,
        rules: Option<Range<usize>>,
    ) -> Vec<usize> {
        let h = self.bert.hidden;
        let cases = case_classes(sentence, encoding);
        let rules_tags = span_tags(encoding, rules);
        let mut added = vec![0f32; encoding.ids.len() * h];
        for (p, row) in added.chunks_exact_mut(h).enumerate() {
            let case = &self.case_embeddings[cases[p] * h..(cases[p] + 1) * h];
            let rule = &self.rules_embeddings[rules_tags[p] * h..(rules_tags[p] + 1) * h];
            for ((a, c), r) in row.iter_mut().zip(case).zip(rule) {
                *a = c + r;
            }
        }
        let states = self.bert.hidden_states(&encoding.ids, Some(&added));
        states
            .chunks_exact(h)
            .zip(&encoding.words)
            .map(|(state, word)| {
                if word.is_none() {
                    return 0;
                }
                let logit = |t: usize| {
                    self.head_weight[t * h..(t + 1) * h]
                        .iter()
                        .zip(state)
                        .map(|(w, x)| w * x)
                        .sum::<f32>()
                        + self.head_bias[t]
                };
                // The first of equal maxima, as numpy's argmax.
                (1..TAGS).fold(0, |best, t| if logit(t) > logit(best) { t } else { best })
            })
            .collect()
    }
}

/// The pieces `first..=last` widened to the first piece of `first`'s word and the last piece of
/// `last`'s word.
fn whole_words(words: &[Option<usize>], first: usize, last: usize) -> (usize, usize) {
    let same = |p: usize, q: usize| words[p].is_some() && words[p] == words[q];
    let start = (0..first)
        .rev()
        .take_while(|&p| same(p, first))
        .last()
        .unwrap_or(first);
    let end = (last + 1..words.len())
        .take_while(|&p| same(p, last))
        .last()
        .unwrap_or(last);
    (start, end)
}

/// Begin/inside/outside of a byte span over the pieces: every piece wholly inside the span is
/// in it, the first one "begin". `[CLS]`, `[SEP]` and empty pieces are outside.
fn span_tags(encoding: &Encoding, span: Option<Range<usize>>) -> Vec<usize> {
    let mut tags = vec![0; encoding.ids.len()];
    let Some(span) = span else { return tags };
    let mut first = true;
    for (tag, (bytes, word)) in tags
        .iter_mut()
        .zip(encoding.bytes.iter().zip(&encoding.words))
    {
        if word.is_some()
            && bytes.end > bytes.start
            && bytes.start >= span.start
            && bytes.end <= span.end
        {
            *tag = if first { BEGIN } else { INSIDE };
            first = false;
        }
    }
    tags
}

/// The case/shape class of each piece's word (0 for `[CLS]` and `[SEP]`).
fn case_classes(sentence: &str, encoding: &Encoding) -> Vec<usize> {
    let mut word_bytes: Vec<Range<usize>> = Vec::new();
    for (bytes, word) in encoding.bytes.iter().zip(&encoding.words) {
        let Some(w) = *word else { continue };
        if w >= word_bytes.len() {
            word_bytes.resize(w + 1, bytes.clone());
        }
        let span = &mut word_bytes[w];
        span.start = span.start.min(bytes.start);
        span.end = span.end.max(bytes.end);
    }
    encoding
        .words
        .iter()
        .map(|word| match word {
            None => 0,
            Some(w) => case_class(sentence.get(word_bytes[*w].clone()).unwrap_or("")),
        })
        .collect()
}

/// 1 lowercase, 2 capitalized (or a single capital letter), 3 all capitals, 4 mixed case,
/// 5 digits without letters, 6 neither letters nor digits.
fn case_class(word: &str) -> usize {
    let mut letters = word.chars().filter(|c| c.is_alphabetic()).peekable();
    if letters.peek().is_none() {
        return if word.chars().any(|c| c.is_numeric()) {
            5
        } else {
            6
        };
    }
    let (mut count, mut upper) = (0, 0);
    for c in letters {
        count += 1;
        upper += usize::from(c.is_uppercase());
    }
    if upper == count {
        return if count >= 2 { 3 } else { 2 };
    }
    if word.chars().next().is_some_and(char::is_uppercase) {
        return 2;
    }
    if upper > 0 {
        return 4;
    }
    1
}

/// Characters trimmed from the edges of a speaker span.
const EDGE: &[char] = &[
    ' ', '\t', '\n', '\r', '\u{a0}', '"', '\'', '“', '”', '‘', '’', ',', '.', ';', ':', '(', ')',
    '[', ']', '—', '–', '-',
];

/// Shrinks a span past whitespace and edge punctuation, keeping the dot of a final
/// abbreviation or initial ("Jr.", "Mr.", "H.", "U.S."), as the scorer's `trim()` does.
pub(crate) fn trim(text: &str, span: Range<usize>) -> Range<usize> {
    let Some(inner) = text.get(span.clone()) else {
        return span.start..span.start;
    };
    let start = span.start + (inner.len() - inner.trim_start_matches(EDGE).len());
    let mut end = span.end;
    while end > start {
        let Some(last) = text[start..end].chars().next_back() else {
            break;
        };
        if !EDGE.contains(&last) || (last == '.' && ends_with_abbreviation(&text[start..end - 1])) {
            break;
        }
        end -= last.len_utf8();
    }
    start..end
}

/// Whether `text` (before a final dot) ends with a capital and an optional small letter, a
/// "X.Y" initialism, or "Jr"/"Sr", each starting a word.
fn ends_with_abbreviation(text: &str) -> bool {
    let chars: Vec<char> = text.chars().rev().take(4).collect();
    let word_char = |c: Option<&char>| c.is_some_and(|c| c.is_alphanumeric() || *c == '_');
    let starts_word = |k: usize| !word_char(chars.get(k));
    let upper = |k: usize| chars.get(k).is_some_and(char::is_ascii_uppercase);
    let lower = |k: usize| chars.get(k).is_some_and(char::is_ascii_lowercase);
    (upper(0) && starts_word(1))
        || (lower(0) && upper(1) && starts_word(2))
        || (upper(0) && chars.get(1) == Some(&'.') && upper(2) && starts_word(3))
        || ((text.ends_with("Jr") || text.ends_with("Sr")) && starts_word(2))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_classes_follow_the_training_script() {
        assert_eq!(case_class("said"), 1);
        assert_eq!(case_class("Obama"), 2);
        assert_eq!(case_class("A"), 2);
        assert_eq!(case_class("NATO"), 3);
        assert_eq!(case_class("iPhone"), 4);
        assert_eq!(case_class("2019"), 5);
        assert_eq!(case_class("“"), 6);
    }

    #[test]
    fn spans_are_widened_to_whole_words() {
        // [CLS] law ##makers said [SEP]: a span on "law" alone takes "##makers" too.
        let words = [None, Some(0), Some(0), Some(1), None];
        assert_eq!(whole_words(&words, 1, 1), (1, 2));
        assert_eq!(whole_words(&words, 2, 2), (1, 2));
        assert_eq!(whole_words(&words, 3, 3), (3, 3));
        // Special pieces never join a word.
        let words = [None, Some(0), None];
        assert_eq!(whole_words(&words, 1, 1), (1, 1));
    }

    #[test]
    fn trim_drops_edge_punctuation_but_keeps_abbreviation_dots() {
        let t = |s: &str| {
            let r = trim(s, 0..s.len());
            s[r].to_string()
        };
        assert_eq!(t(" “Obama,"), "Obama");
        assert_eq!(t("Martin Luther King Jr."), "Martin Luther King Jr.");
        assert_eq!(t("officials in the U.S."), "officials in the U.S.");
        assert_eq!(t("John H."), "John H.");
        assert_eq!(t("Mr."), "Mr.");
        assert_eq!(t("the ministry."), "the ministry");
        assert_eq!(t("—"), "");
    }
}
