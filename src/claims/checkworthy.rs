//! Check-worthiness: a logistic-regression model over one sentence — hashed lowercase word
//! unigrams and bigrams, word-class bigrams (noun/modifier/verb/function), number shapes, statement
//! shapes (percent, money, magnitudes, "than", superlatives, modals, belief verbs, capitalized
//! names, past tense), and the hand features the rule version used
//! (numbers, comparisons, named entities, a reporting cue, length, question, first person,
//! opinion and hedge words). Trained by [`train`] on ClaimBuster sentences with 5-fold
//! cross-validation reported; the weights are 16-bit quantized and compiled in
//! (`data/models/checkworthy.bin`, provenance in `data/PROVENANCE.md`).

use crate::entities::Entities;
use crate::text::{Doc, TokenKind};
use std::sync::OnceLock;

/// Hash buckets: `1 << BITS`.
pub const BITS: u32 = 16;
const MAGIC: &[u8; 8] = b"NSRCW001";
const HEADER: usize = 8 + 1 + 4 + 4;
const MODEL_BYTES: &[u8] = include_bytes!("../../data/models/checkworthy.bin");

/// The quantized model: bias, scale and one i16 per bucket.
pub struct Model {
    bias: f32,
    scale: f32,
    weights: &'static [u8],
}

impl Model {
    /// Probability that the sentence with these features is check-worthy.
    pub fn probability(&self, features: &[(usize, f32)]) -> f64 {
        let mut z = self.bias;
        for &(b, v) in features {
            let w = i16::from_le_bytes([self.weights[2 * b], self.weights[2 * b + 1]]);
            z += f32::from(w) * self.scale * v;
        }
        1.0 / (1.0 + (-f64::from(z)).exp())
    }
}

/// The compiled-in model, or None when the build carries no trained weights.
pub fn compiled_model() -> Option<&'static Model> {
    static MODEL: OnceLock<Option<Model>> = OnceLock::new();
    MODEL.get_or_init(|| decode(MODEL_BYTES)).as_ref()
}

fn decode(bytes: &'static [u8]) -> Option<Model> {
    if bytes.len() < HEADER || &bytes[..8] != MAGIC || u32::from(bytes[8]) != BITS {
        return None;
    }
    let bias = f32::from_le_bytes(bytes[9..13].try_into().ok()?);
    let scale = f32::from_le_bytes(bytes[13..17].try_into().ok()?);
    let weights = &bytes[HEADER..];
    (weights.len() == 2 << BITS).then_some(Model {
        bias,
        scale,
        weights,
    })
}

/// Serializes a model: magic, bits, bias, scale, then one little-endian i16 per bucket.
pub fn encode(bias: f32, weights: &[f32]) -> Vec<u8> {
    let max = weights
        .iter()
        .fold(0f32, |m, w| m.max(w.abs()))
        .max(f32::MIN_POSITIVE);
    let scale = max / 32767.0;
    let mut out = Vec::with_capacity(HEADER + 2 * weights.len());
    out.extend_from_slice(MAGIC);
    out.push(BITS as u8);
    out.extend_from_slice(&bias.to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    for w in weights {
        out.extend_from_slice(&((w / scale).round().clamp(-32767.0, 32767.0) as i16).to_le_bytes());
    }
    out
}

fn bucket(template: u8, parts: &[&str]) -> usize {
    let mut h: u32 = (0x811c_9dc5 ^ u32::from(template)).wrapping_mul(0x0100_0193);
    for p in parts {
        for b in p.bytes() {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
        h = (h ^ 0xFF).wrapping_mul(0x0100_0193);
    }
    ((h ^ (h >> 16)) & ((1 << BITS) - 1)) as usize
}

/// The usual word class of a word, as a feature value ("N", "M", "V", "F", or "U" unknown).
fn class_name(word: &str) -> &'static str {
    use crate::lexicon::WordClass;
    match crate::lexicon::word_class(word) {
        Some(WordClass::Noun) => "N",
        Some(WordClass::Modifier) => "M",
        Some(WordClass::Verb) => "V",
        Some(WordClass::Function) => "F",
        None => "U",
    }
}

/// The features of sentence `s` of `doc` (value 1 for indicators; unigrams and bigrams scaled by
/// 1/√words so long sentences do not score by length alone).
pub fn features(doc: &Doc, entities: &Entities, s: usize, attributed: bool) -> Vec<(usize, f32)> {
    let sentence = &doc.sentences[s];
    let toks = &doc.tokens[sentence.tokens.clone()];
    let words: Vec<&str> = toks
        .iter()
        .filter(|t| t.kind != TokenKind::Punct || matches!(t.lower.as_str(), "?" | "!" | "%" | "$"))
        .map(|t| {
            if t.kind == TokenKind::Number {
                "<num>"
            } else {
                t.lower.as_str()
            }
        })
        .collect();
    let norm = 1.0 / (words.len().max(1) as f32).sqrt();
    let mut out: Vec<(usize, f32)> = Vec::with_capacity(2 * words.len() + 16);
    for (i, w) in words.iter().enumerate() {
        out.push((bucket(1, &[w]), norm));
        let prev = if i == 0 { "<s>" } else { words[i - 1] };
        out.push((bucket(2, &[prev, w]), norm));
        out.push((bucket(5, &[class_name(prev), class_name(w)]), norm));
    }
    let n_words = toks.iter().filter(|t| t.is_wordlike()).count();
    let named: std::collections::BTreeSet<usize> = entities
        .in_tokens(sentence.tokens.clone())
        .map(|(g, _)| g)
        .collect();
    let mut flag = |name: &str, on: bool| {
        if on {
            out.push((bucket(3, &[name]), 1.0));
        }
    };
    flag("number", toks.iter().any(|t| t.kind == TokenKind::Number));
    flag(
        "comparison",
        toks.iter()
            .any(|t| super::COMPARISON_WORDS.contains(&t.lower.as_str())),
    );
    flag("entity", !named.is_empty());
    flag("entities2", named.len() >= 2);
    flag("attributed", attributed);
    flag("len<6", n_words < 6);
    flag("len6-12", (6..12).contains(&n_words));
    flag("len12-25", (12..25).contains(&n_words));
    flag("len25+", n_words >= 25);
    flag(
        "question",
        doc.sentence_text(s)
            .trim_end_matches(['"', '”', '’', '\'', ')'])
            .ends_with('?'),
    );
    flag(
        "i",
        toks.iter()
            .any(|t| matches!(t.lower.as_str(), "i" | "me" | "my")),
    );
    flag(
        "we",
        toks.iter()
            .any(|t| matches!(t.lower.as_str(), "we" | "our" | "us")),
    );
    flag(
        "you",
        toks.iter()
            .any(|t| matches!(t.lower.as_str(), "you" | "your")),
    );
    flag(
        "opinion",
        toks.iter()
            .any(|t| super::OPINION_WORDS.contains(&t.lower.as_str())),
    );
    flag(
        "hedge",
        toks.iter()
            .any(|t| super::HEDGE_WORDS.contains(&t.lower.as_str())),
    );
    flag(
        "year",
        toks.iter().any(|t| {
            let x = &doc.text[t.start..t.end];
            x.len() == 4 && x.parse::<u32>().is_ok_and(|y| (1800..=2100).contains(&y))
        }),
    );
    // Shapes of factual statements (percent, money, magnitudes, "than", superlatives, two or
    // more numbers, capitalized names, past tense) and of non-claims (modals, belief verbs,
    // thanks and audience reactions).
    let has = |ws: &[&str]| toks.iter().any(|t| ws.contains(&t.lower.as_str()));
    let nums = toks.iter().filter(|t| t.kind == TokenKind::Number).count();
    let caps = toks
        .iter()
        .skip(1)
        .filter(|t| {
            t.kind == TokenKind::Word && doc.text[t.start..t.end].starts_with(char::is_uppercase)
        })
        .count();
    let shapes = [
        ("percent", has(&["%", "percent", "percentage"])),
        (
            "money",
            has(&["$", "dollars", "dollar", "cents", "budget", "tax", "taxes"]),
        ),
        (
            "magnitude",
            has(&["million", "billion", "trillion", "thousand", "hundred"]),
        ),
        ("than", has(&["than"])),
        (
            "superlative",
            has(&["most", "least"])
                || toks
                    .iter()
                    .any(|t| t.lower.len() > 5 && t.lower.ends_with("est")),
        ),
        (
            "modal",
            has(&[
                "will", "would", "should", "could", "can", "must", "ought", "'ll",
            ]),
        ),
        (
            "belief",
            has(&["think", "believe", "feel", "hope", "want", "wish"]),
        ),
        ("numbers2", nums >= 2),
        ("caps1", caps >= 1),
        ("caps3", caps >= 3),
        (
            "past2",
            toks.iter().filter(|t| t.lower.ends_with("ed")).count() >= 2,
        ),
        ("thanks", has(&["thank", "thanks", "applause", "laughter"])),
    ];
    for (name, on) in shapes {
        if on {
            out.push((bucket(8, &[name]), 1.0));
        }
    }
    out.push((bucket(0, &["bias-feature"]), 1.0));
    out
}

/// Training and cross-validation (used by `newsar train-claims`).
pub mod train {
    use super::*;
    use crate::entities;

    /// One labeled example, featurized.
    pub struct Example {
        pub features: Vec<(usize, f32)>,
        pub label: bool,
        /// Cross-validation group (examples of one group are never split across folds).
        pub group: u64,
    }

    /// Featurizes one sentence of text the way the analyzer sees it.
    pub fn featurize(text: &str) -> Vec<(usize, f32)> {
        let doc = Doc::from_plain_text(text);
        if doc.sentences.is_empty() {
            return vec![(bucket(0, &["bias-feature"]), 1.0)];
        }
        let ents = entities::analyze(&doc);
        let attributions = super::super::attribution::attribute(&doc, &ents, None);
        // A ClaimBuster item can span several of our sentences: pool them.
        let mut all = Vec::new();
        for (s, attribution) in attributions.iter().enumerate() {
            all.extend(features(&doc, &ents, s, attribution.is_some()));
        }
        all
    }

    /// Logistic regression by AdaGrad with L2, balanced class weights; deterministic.
    pub fn fit(examples: &[&Example], epochs: usize, l2: f32, seed: u64) -> (f32, Vec<f32>) {
        let n = 1usize << BITS;
        let mut w = vec![0f32; n];
        let mut g2 = vec![1e-6f32; n];
        let (mut bias, mut bias_g2) = (0f32, 1e-6f32);
        let pos = examples.iter().filter(|e| e.label).count().max(1) as f32;
        let neg = (examples.len() as f32 - pos).max(1.0);
        let (w_pos, w_neg) = (
            examples.len() as f32 / (2.0 * pos),
            examples.len() as f32 / (2.0 * neg),
        );
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut rng = seed.max(1);
        let lr = 0.2f32;
        for _ in 0..epochs {
            for i in (1..order.len()).rev() {
                rng ^= rng << 13;
                rng ^= rng >> 7;
                rng ^= rng << 17;
                order.swap(i, (rng % (i as u64 + 1)) as usize);
            }
            for &k in &order {
                let e = examples[k];
                let z: f32 = bias + e.features.iter().map(|&(b, v)| w[b] * v).sum::<f32>();
                let p = 1.0 / (1.0 + (-z).exp());
                let y = if e.label { 1.0 } else { 0.0 };
                let cw = if e.label { w_pos } else { w_neg };
                let g = cw * (p - y);
                for &(b, v) in &e.features {
                    let grad = g * v + l2 * w[b];
                    g2[b] += grad * grad;
                    w[b] -= lr * grad / g2[b].sqrt();
                }
                bias_g2 += g * g;
                bias -= lr * g / bias_g2.sqrt();
            }
        }
        (bias, w)
    }

    pub fn predict(bias: f32, w: &[f32], e: &Example) -> f64 {
        let z = bias + e.features.iter().map(|&(b, v)| w[b] * v).sum::<f32>();
        1.0 / (1.0 + (-f64::from(z)).exp())
    }

    /// F1 of the positive class at a threshold, precision, recall, and average precision.
    pub fn scores(pairs: &mut [(f64, bool)], threshold: f64) -> (f64, f64, f64, f64) {
        let tp = pairs.iter().filter(|(p, y)| *p >= threshold && *y).count() as f64;
        let fp = pairs.iter().filter(|(p, y)| *p >= threshold && !*y).count() as f64;
        let fneg = pairs.iter().filter(|(p, y)| *p < threshold && *y).count() as f64;
        let precision = tp / (tp + fp).max(1.0);
        let recall = tp / (tp + fneg).max(1.0);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
        let positives = pairs.iter().filter(|(_, y)| *y).count().max(1) as f64;
        let (mut hits, mut ap) = (0.0, 0.0);
        for (rank, (_, y)) in pairs.iter().enumerate() {
            if *y {
                hits += 1.0;
                ap += hits / (rank as f64 + 1.0);
            }
        }
        (f1, precision, recall, ap / positives)
    }

    /// K-fold cross-validated predictions (folds by group), as (probability, label) pairs.
    pub fn cross_validate(
        examples: &[Example],
        folds: u64,
        epochs: usize,
        l2: f32,
        seed: u64,
    ) -> Vec<(f64, bool)> {
        let mut out = Vec::with_capacity(examples.len());
        for f in 0..folds {
            let train: Vec<&Example> = examples.iter().filter(|e| e.group % folds != f).collect();
            let (bias, w) = fit(&train, epochs, l2, seed);
            out.extend(
                examples
                    .iter()
                    .filter(|e| e.group % folds == f)
                    .map(|e| (predict(bias, &w, e), e.label)),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::train::*;
    use super::*;

    #[test]
    fn learns_a_separable_toy_set_and_round_trips() {
        let texts = [
            ("Unemployment fell to 4.1 percent in March.", true),
            (
                "Exports rose 12 percent last year, the ministry said.",
                true,
            ),
            ("The deficit doubled to 3 billion dollars.", true),
            ("Thank you all for coming tonight.", false),
            ("What a wonderful evening!", false),
            ("I am glad to be here.", false),
        ];
        let examples: Vec<Example> = texts
            .iter()
            .cycle()
            .take(60)
            .enumerate()
            .map(|(i, (t, y))| Example {
                features: featurize(t),
                label: *y,
                group: i as u64,
            })
            .collect();
        let refs: Vec<&Example> = examples.iter().collect();
        let (bias, w) = fit(&refs, 5, 1e-5, 3);
        let bytes: &'static [u8] = Box::leak(encode(bias, &w).into_boxed_slice());
        let model = decode(bytes).expect("decodes");
        for e in &examples[..6] {
            let p = model.probability(&e.features);
            assert_eq!(p >= 0.5, e.label, "{p}");
            assert!((p - predict(bias, &w, e)).abs() < 0.01);
        }
        let mut pairs = vec![(0.9, true), (0.8, false), (0.7, true), (0.1, false)];
        let (f1, p, r, ap) = scores(&mut pairs, 0.5);
        assert!((p - 2.0 / 3.0).abs() < 1e-9 && r == 1.0 && (f1 - 0.8).abs() < 1e-9);
        assert!((ap - (1.0 + 2.0 / 3.0) / 2.0).abs() < 1e-9);
    }
}
