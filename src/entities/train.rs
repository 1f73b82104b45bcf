//! Training the name tagger ([`super::model`]) on CoNLL-2003: an averaged perceptron, greedy
//! left-to-right with the predicted tag history, documents visited in an order shuffled by a
//! seeded generator each epoch (same data and seed → same weights), early-stopped on the dev
//! set (`eng.testa`, or a part held out of `eng.train` for feature experiments: `--dev-lists
//! train`), then quantized to 16 bits per weight.
//!
//! Gold labels are projected onto the project's own tokens: the CoNLL tokens of a document are
//! joined with spaces (one sentence per line), the text goes through [`Doc::from_plain_text`]
//! like any input, and each of our tokens takes the label of the gold token it lies in.

use super::model::{self, TokenView, Weights, N_TAGS};
use crate::text::Doc;
use std::collections::BTreeSet;
use std::ops::Range;

/// One CoNLL document as our Doc plus the projected gold tag of each of its tokens.
pub struct LabeledDoc {
    pub doc: Doc,
    pub view: TokenView,
    pub gold: Vec<usize>,
}

/// A CoNLL document: sentences of (token, IOB1 tag).
type ConllDoc = Vec<Vec<(String, String)>>;

/// Parses CoNLL-2003 text (`token POS chunk NER` lines, blank lines between sentences,
/// `-DOCSTART-` between documents).
pub fn parse_conll(text: &str) -> Vec<ConllDoc> {
    let mut docs: Vec<ConllDoc> = Vec::new();
    let mut doc: ConllDoc = Vec::new();
    let mut sentence: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.starts_with("-DOCSTART-") {
            if !sentence.is_empty() {
                doc.push(std::mem::take(&mut sentence));
            }
            if !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        if line.is_empty() {
            if !sentence.is_empty() {
                doc.push(std::mem::take(&mut sentence));
            }
            continue;
        }
        let mut parts = line.split(' ');
        let token = parts.next().unwrap_or_default().to_string();
        let tag = parts.next_back().unwrap_or("O").to_string();
        sentence.push((token, tag));
    }
    if !sentence.is_empty() {
        doc.push(sentence);
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

fn tag_index(iob2: &str) -> usize {
    model::TAGS.iter().position(|t| *t == iob2).unwrap_or(0)
}

/// IOB1 → IOB2 for one sentence.
fn to_iob2(tags: &[String]) -> Vec<String> {
    let mut out = Vec::with_capacity(tags.len());
    let mut prev_type = String::new();
    for t in tags {
        if t == "O" {
            out.push("O".to_string());
            prev_type.clear();
            continue;
        }
        let (prefix, kind) = t.split_once('-').unwrap_or(("I", t.as_str()));
        let begins = prefix == "B" || kind != prev_type;
        out.push(format!("{}-{kind}", if begins { "B" } else { "I" }));
        prev_type = kind.to_string();
    }
    out
}

/// Name lists built from training documents the same way `data/build/conll_lexicons.py`
/// builds the compiled-in ones: every entity string with its type counts, and every capitalized
/// word that is not sentence-initial with its PER/ORG/LOC/MISC/O counts (kept when seen twice).
#[derive(Default)]
pub struct FoldLists {
    names: std::collections::HashMap<String, [u32; 4]>,
    words: std::collections::HashMap<String, [u32; 5]>,
    /// The first word of each name ([`model::NameLists::may_start`]).
    first_words: std::collections::HashSet<String>,
}

fn type_slot(kind: &str) -> usize {
    match kind {
        "PER" => 0,
        "ORG" => 1,
        "LOC" => 2,
        "MISC" => 3,
        _ => 4,
    }
}

impl FoldLists {
    pub fn build<'a>(docs: impl Iterator<Item = &'a ConllDoc>) -> FoldLists {
        let mut lists = FoldLists::default();
        for doc in docs {
            for sentence in doc {
                let tags: Vec<String> = sentence.iter().map(|(_, t)| t.clone()).collect();
                let iob2 = to_iob2(&tags);
                let mut k = 0;
                while k < sentence.len() {
                    if iob2[k] == "O" {
                        k += 1;
                        continue;
                    }
                    let kind = &iob2[k][2..];
                    let start = k;
                    k += 1;
                    while k < sentence.len() && iob2[k].starts_with("I-") && &iob2[k][2..] == kind {
                        k += 1;
                    }
                    let name: Vec<&str> =
                        sentence[start..k].iter().map(|(t, _)| t.as_str()).collect();
                    let name = name.join(" ");
                    if name.chars().any(char::is_alphabetic) {
                        lists.names.entry(name).or_default()[type_slot(kind)] += 1;
                    }
                }
                for (i, (token, tag)) in sentence.iter().enumerate() {
                    if i > 0 && token.chars().next().is_some_and(char::is_uppercase) {
                        let kind = tag.split_once('-').map_or("O", |(_, k)| k);
                        lists.words.entry(token.clone()).or_default()[type_slot(kind)] += 1;
                    }
                }
            }
        }
        lists.words.retain(|_, c| c.iter().sum::<u32>() >= 2);
        lists.first_words = lists
            .names
            .keys()
            .map(|k| model::first_word(k).to_string())
            .collect();
        lists
    }
}

impl model::NameLists for FoldLists {
    fn name(&self, text: &str) -> Option<(usize, u32)> {
        let c = self.names.get(text)?;
        // Ties go to the alphabetically first type name, as in conll_lexicons.py.
        const ALPHABETICAL_RANK: [u8; 4] = [3, 2, 0, 1]; // PER, ORG, LOC, MISC
        let best = (0..4).max_by_key(|&k| (c[k], std::cmp::Reverse(ALPHABETICAL_RANK[k])))?;
        Some((best, c.iter().sum()))
    }
    fn word(&self, text: &str) -> Option<[u32; 5]> {
        self.words.get(text).copied()
    }
    fn may_start(&self, word: &str) -> bool {
        self.first_words.contains(word)
    }
}

/// Number of folds for building training-time name lists: each training document sees lists
/// built from the other folds only, so the tagger cannot learn "every name is listed".
pub const FOLDS: usize = 5;

/// Builds our Doc for a CoNLL document and projects the gold tags onto its tokens.
pub fn label(conll: &ConllDoc, lists: &dyn model::NameLists) -> Option<LabeledDoc> {
    let mut text = String::new();
    let mut gold_spans: Vec<(Range<usize>, String)> = Vec::new();
    for (s, sentence) in conll.iter().enumerate() {
        if s > 0 {
            text.push('\n');
        }
        let tags: Vec<String> = sentence.iter().map(|(_, t)| t.clone()).collect();
        for (k, ((token, _), iob2)) in sentence.iter().zip(to_iob2(&tags)).enumerate() {
            if k > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(token);
            gold_spans.push((start..text.len(), iob2));
        }
    }
    let doc = Doc::from_plain_text(&text);
    if doc.text != text {
        return None; // normalization changed the text: offsets would not line up
    }
    let mut gold = Vec::with_capacity(doc.tokens.len());
    let mut g = 0;
    for t in &doc.tokens {
        while g < gold_spans.len() && gold_spans[g].0.end <= t.start {
            g += 1;
        }
        let Some((span, tag)) = gold_spans.get(g) else {
            gold.push(0);
            continue;
        };
        if tag == "O" || t.start < span.start {
            gold.push(0);
        } else if t.start == span.start {
            gold.push(tag_index(tag));
        } else {
            gold.push(tag_index(&format!("I-{}", &tag[2..])));
        }
    }
    let view = TokenView::with_lists(&doc, lists);
    Some(LabeledDoc { doc, view, gold })
}

/// Float weights with perceptron averaging.
struct Averaged {
    weights: Vec<f32>,
    totals: Vec<f64>,
    stamps: Vec<u32>,
    clock: u32,
}

impl Weights for Averaged {
    fn add_scores(&self, bucket: usize, scores: &mut [f32; N_TAGS]) {
        let row = &self.weights[bucket * N_TAGS..bucket * N_TAGS + N_TAGS];
        for (s, w) in scores.iter_mut().zip(row) {
            *s += w;
        }
    }
}

impl Averaged {
    fn new() -> Averaged {
        let n = (1usize << model::BITS) * N_TAGS;
        Averaged {
            weights: vec![0.0; n],
            totals: vec![0.0; n],
            stamps: vec![0; n],
            clock: 0,
        }
    }

    fn update(&mut self, bucket: usize, tag: usize, delta: f32) {
        let k = bucket * N_TAGS + tag;
        self.totals[k] += f64::from(self.clock - self.stamps[k]) * f64::from(self.weights[k]);
        self.stamps[k] = self.clock;
        self.weights[k] += delta;
    }

    /// The averaged weights as of now.
    fn averaged(&self) -> Vec<f32> {
        let clock = f64::from(self.clock.max(1));
        self.weights
            .iter()
            .zip(&self.totals)
            .zip(&self.stamps)
            .map(|((&w, &t), &s)| ((t + f64::from(self.clock - s) * f64::from(w)) / clock) as f32)
            .collect()
    }
}

/// Plain float weights (for evaluating an averaged snapshot).
struct Plain(Vec<f32>);

impl Weights for Plain {
    fn add_scores(&self, bucket: usize, scores: &mut [f32; N_TAGS]) {
        let row = &self.0[bucket * N_TAGS..bucket * N_TAGS + N_TAGS];
        for (s, w) in scores.iter_mut().zip(row) {
            *s += w;
        }
    }
}

/// Quantized weights held in memory (same arithmetic as the compiled-in model).
struct Quantized {
    scale: f32,
    weights: Vec<i16>,
}

impl Weights for Quantized {
    fn add_scores(&self, bucket: usize, scores: &mut [f32; N_TAGS]) {
        let row = &self.weights[bucket * N_TAGS..bucket * N_TAGS + N_TAGS];
        for (s, &w) in scores.iter_mut().zip(row) {
            *s += f32::from(w) * self.scale;
        }
    }
}

/// Linear 16-bit quantization with one scale: max|w| maps to 32767.
fn quantize(weights: &[f32]) -> Quantized {
    let max = weights
        .iter()
        .fold(0f32, |m, w| m.max(w.abs()))
        .max(f32::MIN_POSITIVE);
    let scale = max / 32767.0;
    Quantized {
        scale,
        weights: weights
            .iter()
            .map(|w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect(),
    }
}

/// Entity-level precision, recall and F1 of a tagger on labeled documents (exact span and type).
pub fn evaluate<W: Weights>(weights: &W, docs: &[LabeledDoc]) -> (f64, f64, f64) {
    let counts = count_matches(weights, docs);
    let sum = |k: usize| counts.iter().map(|c| c[k]).sum::<usize>();
    prf(sum(0), sum(1), sum(2))
}

/// Per-type (PER, ORG, LOC, MISC) precision, recall and F1, as [`evaluate`] computes them.
pub fn evaluate_by_type<W: Weights>(weights: &W, docs: &[LabeledDoc]) -> [(f64, f64, f64); 4] {
    count_matches(weights, docs).map(|c| prf(c[0], c[1], c[2]))
}

fn prf(tp: usize, n_pred: usize, n_gold: usize) -> (f64, f64, f64) {
    let p = tp as f64 / n_pred.max(1) as f64;
    let r = tp as f64 / n_gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

/// Per type: exact matches, predicted spans, gold spans.
fn count_matches<W: Weights>(weights: &W, docs: &[LabeledDoc]) -> [[usize; 3]; 4] {
    let mut counts = [[0usize; 3]; 4];
    for d in docs {
        let tags = model::tag_document(weights, &d.view, &d.doc);
        for s in &d.doc.sentences {
            let key = |(r, k): (Range<usize>, usize)| (r.start, r.end, k);
            let pred: BTreeSet<_> = model::spans(&tags[s.tokens.clone()], s.tokens.start)
                .into_iter()
                .map(key)
                .collect();
            let gold: BTreeSet<_> =
                model::spans(&gold_tags(&d.gold[s.tokens.clone()]), s.tokens.start)
                    .into_iter()
                    .map(key)
                    .collect();
            for &(_, _, k) in pred.intersection(&gold) {
                counts[k][0] += 1;
            }
            for &(_, _, k) in &pred {
                counts[k][1] += 1;
            }
            for &(_, _, k) in &gold {
                counts[k][2] += 1;
            }
        }
    }
    counts
}

/// Repairs projected gold so an I-X never follows O (possible where our tokenizer splits).
fn gold_tags(tags: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(tags.len());
    let mut prev = 0;
    for &t in tags {
        let t = if model::allowed(prev, t) { t } else { t - 1 };
        out.push(t);
        prev = t;
    }
    out
}

/// One perceptron pass over a document; returns the guesses.
fn learn_pass(
    model: &mut Averaged,
    doc: &LabeledDoc,
    memory: &[u8],
    buf: &mut Vec<usize>,
) -> Vec<usize> {
    let mut guesses = vec![0usize; doc.doc.tokens.len()];
    for s in &doc.doc.sentences {
        let range = s.tokens.clone();
        let (mut prev, mut prev2) = (0usize, 0usize);
        for i in range.clone() {
            model::features(&doc.view, &doc.doc, &range, i, prev, prev2, memory[i], buf);
            let guess = model::best_tag(&*model, buf, prev);
            let truth = doc.gold[i];
            model.clock += 1;
            if guess != truth {
                for &b in buf.iter() {
                    model.update(b, truth, 1.0);
                    model.update(b, guess, -1.0);
                }
            }
            guesses[i] = guess;
            prev2 = prev;
            prev = guess;
        }
    }
    guesses
}

/// What training produced.
pub struct TrainReport {
    /// The quantized model, in the compiled-in format.
    pub model: Vec<u8>,
    /// Dev (P, R, F1) after each epoch, averaged float weights.
    pub dev_by_epoch: Vec<(f64, f64, f64)>,
    /// The epoch kept (1-based).
    pub best_epoch: usize,
    /// Dev (P, R, F1) of the kept model after quantization.
    pub dev_quantized: (f64, f64, f64),
    pub train_docs: usize,
    pub train_tokens: usize,
}

/// Which name lists the dev documents see.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DevLists {
    /// The compiled-in lists, as the tagger at run time (right for `eng.testa`, which the
    /// compiled-in lists, built from `eng.train`, never saw).
    Compiled,
    /// Lists built from all of `train` (right for a dev set held out of `eng.train`, whose own
    /// names the compiled-in lists contain).
    FromTrain,
}

/// Trains on `train` (CoNLL text), early-stopping on `dev`, for at most `epochs` epochs.
pub fn train(
    train: &str,
    dev: &str,
    dev_lists: DevLists,
    epochs: usize,
    seed: u64,
    mut progress: impl FnMut(&str),
) -> TrainReport {
    let train_conll = parse_conll(train);
    let fold_lists: Vec<FoldLists> = (0..FOLDS)
        .map(|f| {
            FoldLists::build(
                train_conll
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| i % FOLDS != f)
                    .map(|(_, d)| d),
            )
        })
        .collect();
    let train_docs: Vec<LabeledDoc> = train_conll
        .iter()
        .enumerate()
        .filter_map(|(i, d)| label(d, &fold_lists[i % FOLDS]))
        .collect();
    let all_train_lists;
    let lists: &dyn model::NameLists = match dev_lists {
        DevLists::Compiled => &model::CompiledLists,
        DevLists::FromTrain => {
            all_train_lists = FoldLists::build(train_conll.iter());
            &all_train_lists
        }
    };
    let dev_docs: Vec<LabeledDoc> = parse_conll(dev)
        .iter()
        .filter_map(|d| label(d, lists))
        .collect();
    let train_tokens = train_docs.iter().map(|d| d.doc.tokens.len()).sum();
    progress(&format!(
        "train: {} documents, {train_tokens} tokens; dev: {} documents",
        train_docs.len(),
        dev_docs.len()
    ));
    let mut model = Averaged::new();
    let mut order: Vec<usize> = (0..train_docs.len()).collect();
    let mut rng = seed.max(1);
    let mut best: Option<(f64, usize, Vec<f32>)> = None;
    let mut dev_by_epoch = Vec::new();
    let mut buf = Vec::new();
    for epoch in 1..=epochs {
        // Fisher–Yates with xorshift64.
        for i in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(i, (rng % (i as u64 + 1)) as usize);
        }
        for &d in &order {
            let doc = &train_docs[d];
            // Two passes, as at run time: the first without document memory, the second with
            // the memory the first pass's guesses give. Both passes learn.
            let none = vec![0u8; doc.doc.tokens.len()];
            let first = learn_pass(&mut model, doc, &none, &mut buf);
            let memory = model::memory_codes(&doc.view, &doc.doc, &first);
            learn_pass(&mut model, doc, &memory, &mut buf);
        }
        let averaged = Plain(model.averaged());
        let scores = evaluate(&averaged, &dev_docs);
        progress(&format!(
            "epoch {epoch}: dev P {:.4} R {:.4} F1 {:.4}",
            scores.0, scores.1, scores.2
        ));
        dev_by_epoch.push(scores);
        if best.as_ref().is_none_or(|b| scores.2 > b.0) {
            best = Some((scores.2, epoch, averaged.0));
        }
    }
    let (_, best_epoch, weights) = best.unwrap_or((0.0, 0, model.averaged()));
    let q = quantize(&weights);
    let dev_quantized = evaluate(&q, &dev_docs);
    progress(&format!(
        "kept epoch {best_epoch}; quantized dev F1 {:.4}",
        dev_quantized.2
    ));
    for (name, (p, r, f)) in ["PER", "ORG", "LOC", "MISC"]
        .iter()
        .zip(evaluate_by_type(&q, &dev_docs))
    {
        progress(&format!("  {name:<4} P {p:.4} R {r:.4} F1 {f:.4}"));
    }
    TrainReport {
        model: model::encode(q.scale, &q.weights),
        dev_by_epoch,
        best_epoch,
        dev_quantized,
        train_docs: train_docs.len(),
        train_tokens,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: &str = "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\ncall NN I-NP O\n.  . O O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n";

    #[test]
    fn parses_and_projects_gold_onto_our_tokens() {
        let docs = parse_conll(SMALL);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].len(), 2);
        let l = label(&docs[0], &FoldLists::default()).expect("labels");
        let tags: Vec<&str> = l.gold.iter().map(|&t| model::TAGS[t]).collect();
        assert_eq!(tags, ["B-ORG", "O", "B-MISC", "O", "O", "B-PER", "I-PER"]);
    }

    #[test]
    fn iob1_to_iob2() {
        let t = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            to_iob2(&t(&["I-PER", "I-PER", "B-PER", "O", "I-LOC"])),
            t(&["B-PER", "I-PER", "B-PER", "O", "B-LOC"])
        );
    }

    #[test]
    fn training_is_deterministic_and_learns_the_toy_set() {
        let data = SMALL.repeat(5);
        let a = train(&data, SMALL, DevLists::Compiled, 5, 7, |_| {});
        let b = train(&data, SMALL, DevLists::Compiled, 5, 7, |_| {});
        assert_eq!(a.model, b.model);
        // Three entities in the toy dev set: at least two found exactly.
        assert!(a.dev_quantized.2 >= 0.8, "{:?}", a.dev_quantized);
    }
}
