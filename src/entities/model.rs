//! The statistical name tagger: a greedy left-to-right averaged perceptron over hashed features
//! — the word and its neighbours, word bigrams on either side, case shapes up to two tokens
//! away, prefixes and suffixes, the two previous tags, name-list evidence, the first and last
//! word of the run of capitalized words a token is in ("Daewoo Dacom Communications" ends like
//! a company), table-line evidence (a capitalized run followed by numbers, as in sports results
//! and market tables), document-level case evidence, the words around the same word's other
//! occurrences in the document and where it stands in its capitalized runs there, whether the
//! document reads as sports news, external place-name lists ([`super::gazetteer`]), word
//! clusters ([`super::clusters`]), how the words that begin and end the token's capitalized run
//! were tagged in training text, for a lower-case word inside a run ("Chevron Corp and Texaco
//! Inc") how the words either side of it were, the last letters of the longer neighbouring
//! words, and acronyms the document defines ([`acronym_codes`]: "dark northern spring (DNS)" is
//! a term, not an organization) — predicting IOB2 tags for CoNLL's four types. Tagging runs twice
//! over a document: the second pass also sees what the first said about the same word elsewhere
//! in it ([`memory_codes`]). Trained by [`super::train`] on CoNLL-2003 `eng.train`; the weights
//! are quantized to 16 bits each and compiled in (`data/models/ner.bin`, provenance in
//! `data/PROVENANCE.md`).
//!
//! Features are computed on the project's own tokens ([`crate::text::Doc`]), in training and in
//! use alike, so the model sees at run time exactly what it was trained on.

use crate::text::{Doc, TokenKind};
use std::ops::Range;
use std::sync::OnceLock;

/// The tag set, in weight order.
pub const TAGS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
pub const N_TAGS: usize = TAGS.len();

/// Number of hash buckets is `1 << BITS`.
pub const BITS: u32 = 17;
const MAGIC: &[u8; 8] = b"NSRNER02";

const MODEL_BYTES: &[u8] = include_bytes!("../../data/models/ner.bin");

/// A tagger's weights: `buckets × N_TAGS` values.
pub trait Weights {
    fn add_scores(&self, bucket: usize, scores: &mut [f32; N_TAGS]);
}

/// The compiled-in, quantized model: one little-endian i16 per weight times a global scale
/// (absolute error ≤ scale/2 ≈ max|w|/65534; one byte per weight lost too much — the largest
/// weights, such as the bias, need absolute, not relative, precision).
pub struct QuantizedModel {
    scale: f32,
    weights: &'static [u8],
}

impl Weights for QuantizedModel {
    fn add_scores(&self, bucket: usize, scores: &mut [f32; N_TAGS]) {
        let at = bucket * N_TAGS * 2;
        let row = &self.weights[at..at + N_TAGS * 2];
        for (s, w) in scores.iter_mut().zip(row.chunks_exact(2)) {
            *s += f32::from(i16::from_le_bytes([w[0], w[1]])) * self.scale;
        }
    }
}

/// The model compiled into the binary, or None if the embedded bytes are not a model (a build
/// without trained weights: the tagger then finds no names rather than failing).
pub fn compiled_model() -> Option<&'static QuantizedModel> {
    static MODEL: OnceLock<Option<QuantizedModel>> = OnceLock::new();
    MODEL.get_or_init(|| decode(MODEL_BYTES)).as_ref()
}

const HEADER: usize = 8 + 1 + 1 + 4;

fn decode(bytes: &'static [u8]) -> Option<QuantizedModel> {
    if bytes.len() < HEADER
        || &bytes[..8] != MAGIC
        || u32::from(bytes[8]) != BITS
        || usize::from(bytes[9]) != N_TAGS
    {
        return None;
    }
    let scale = f32::from_le_bytes(bytes[10..14].try_into().ok()?);
    let weights = &bytes[HEADER..];
    (weights.len() == (1usize << BITS) * N_TAGS * 2).then_some(QuantizedModel { scale, weights })
}

/// Serializes quantized weights in the format [`compiled_model`] reads: magic, bits, tag count,
/// the f32 scale, then one little-endian i16 per weight.
pub fn encode(scale: f32, weights: &[i16]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + 2 * weights.len());
    out.extend_from_slice(MAGIC);
    out.push(BITS as u8);
    out.push(N_TAGS as u8);
    out.extend_from_slice(&scale.to_le_bytes());
    for w in weights {
        out.extend_from_slice(&w.to_le_bytes());
    }
    out
}

/// FNV-1a over a template id and its parts, folded into a bucket.
#[derive(Clone, Copy)]
struct FeatureHash(u32);

impl FeatureHash {
    fn new(template: u8) -> FeatureHash {
        FeatureHash((0x811c_9dc5 ^ u32::from(template)).wrapping_mul(0x0100_0193))
    }
    fn str(self, s: &str) -> FeatureHash {
        self.bytes(s.as_bytes())
    }
    fn bytes(mut self, s: &[u8]) -> FeatureHash {
        for &b in s {
            self.0 = (self.0 ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
        self.sep()
    }
    fn byte(mut self, b: u8) -> FeatureHash {
        self.0 = (self.0 ^ u32::from(b)).wrapping_mul(0x0100_0193);
        self.sep()
    }
    fn u16(self, v: u16) -> FeatureHash {
        let [a, b] = v.to_le_bytes();
        let mut h = self;
        h.0 = (h.0 ^ u32::from(a)).wrapping_mul(0x0100_0193);
        h.0 = (h.0 ^ u32::from(b)).wrapping_mul(0x0100_0193);
        h.sep()
    }
    fn sep(mut self) -> FeatureHash {
        self.0 = (self.0 ^ 0xFF).wrapping_mul(0x0100_0193);
        self
    }
    fn bucket(self) -> usize {
        // Mix the high bits in before masking.
        ((self.0 ^ (self.0 >> 15)) & ((1 << BITS) - 1)) as usize
    }
}

/// Per-token facts shared by all features, computed once per document.
pub struct TokenView {
    /// Name-list evidence per token: 0 none, else B/I × type of the longest listed name covering it.
    gazetteer: Vec<u8>,
    /// How the token's word was tagged in training text: 0 unknown, else majority class × share.
    word_class: Vec<u8>,
    /// External place-name span code per token ([`super::gazetteer::codes`]).
    ext_span: Vec<u8>,
    /// Word cluster id per token ([`super::clusters`]).
    cluster: Vec<u16>,
    /// Where the token's (capitalized) word stands in its capitalized runs elsewhere in the
    /// document ([`run_profiles`]).
    profile: Vec<u8>,
    lower: Vec<String>,
    shape: Vec<Shape>,
    text: Vec<String>,
    /// Capitalized somewhere in the document other than at a sentence start.
    cap_elsewhere: Vec<bool>,
    /// Token is in a sentence that is mostly upper case (a headline).
    shouting: Vec<bool>,
    first_in_sentence: Vec<bool>,
    /// First and last token of the run of capitalized words (with inner connectors) a token is in.
    run: Vec<(u32, u32)>,
    /// Table-line evidence per token: bit 0 next token is a number, bit 1 a number follows later
    /// in the sentence, bit 2 the sentence is mostly numbers.
    table: Vec<u8>,
    /// Share of the document's sentences that are mostly numbers: 0 none, 1 some, 2 many.
    doc_table: u8,
    /// The document reads as sports news ([`SPORT_WORDS`]): 0 no, 1 some cue words, 2 many.
    sport: u8,
    /// Feature buckets of the words around the other occurrences of a capitalized word
    /// ([`contexts_elsewhere`]).
    elsewhere: Vec<Vec<usize>>,
    /// Acronym evidence per token ([`acronym_codes`]).
    acronym: Vec<u8>,
}

/// Whether `short` abbreviates the words `long` (Schwartz & Hearst 2003): its letters occur in
/// order in them, read from the end, and its first letter starts a word.
fn abbreviates(short: &str, long: &[&str]) -> bool {
    let letters: Vec<char> = short.chars().filter(|c| c.is_alphanumeric()).collect();
    if letters.is_empty() {
        return false;
    }
    let text: Vec<(char, bool)> = long
        .iter()
        .flat_map(|w| w.chars().enumerate().map(|(k, c)| (c, k == 0)))
        .collect();
    let mut at = text.len();
    for (n, &c) in letters.iter().enumerate().rev() {
        loop {
            if at == 0 {
                return false;
            }
            at -= 1;
            let (t, starts) = text[at];
            if t == c && (n > 0 || starts) {
                break;
            }
        }
    }
    true
}

/// Acronyms defined in the document ("dark northern spring ( DNS )", "Zimbabwe Football
/// Association ( ZIFA )"): every occurrence of the acronym gets 1 if its long form is lower
/// case (a term, not a name), 2 if capitalized; the capitalized long form's words get 3.
fn acronym_codes(doc: &Doc, lower: &[String]) -> Vec<u8> {
    let n = doc.tokens.len();
    let mut codes = vec![0u8; n];
    let mut defined: Vec<(&str, u8)> = Vec::new();
    for s in &doc.sentences {
        let r = s.tokens.clone();
        for j in r.start + 1..r.end.saturating_sub(1) {
            if !doc.tokens[j].all_caps || lower[j - 1] != "(" || lower[j + 1] != ")" {
                continue;
            }
            let len = lower[j].chars().count();
            if !(2..=8).contains(&len) {
                continue;
            }
            // The long form: up to min(len + 5, 2 len) words before the parenthesis.
            let max_words = (len + 5).min(2 * len);
            let mut words: Vec<usize> = Vec::new();
            let mut k = j - 1;
            while k > r.start && words.len() < max_words {
                k -= 1;
                if !doc.tokens[k].is_word() {
                    break;
                }
                words.push(k);
            }
            words.reverse();
            let first = lower[j].chars().next();
            // Shortest long form that starts with the acronym's first letter and abbreviates.
            let found = (0..words.len()).rev().find(|&from| {
                lower[words[from]].chars().next() == first && {
                    let long: Vec<&str> =
                        words[from..].iter().map(|&w| lower[w].as_str()).collect();
                    abbreviates(&lower[j], &long)
                }
            });
            let Some(from) = found else { continue };
            let long = &words[from..];
            let caps = long.iter().filter(|&&w| doc.tokens[w].capitalized).count();
            let named = caps * 2 > long.len();
            if named {
                for &w in long {
                    codes[w] = 3;
                }
            }
            defined.push((lower[j].as_str(), if named { 2 } else { 1 }));
        }
    }
    if defined.is_empty() {
        return codes;
    }
    for i in 0..n {
        if doc.tokens[i].all_caps {
            if let Some(&(_, c)) = defined.iter().find(|(w, _)| *w == lower[i]) {
                codes[i] = c;
            }
        }
    }
    codes
}

/// A word's shape ([`shape_of`]), held inline: at most six characters, nine bytes.
#[derive(Clone, Copy, Default)]
struct Shape {
    len: u8,
    bytes: [u8; 12],
}

impl Shape {
    fn as_bytes(&self) -> &[u8] {
        &self.bytes[..usize::from(self.len)]
    }
}

/// Upper case as X, lower case as x, digits as d, anything else as itself, runs collapsed,
/// cut after six bytes ("Obama" Xx, "1996-08-22" d-d-d).
fn shape_of(s: &str) -> Shape {
    let mut out = Shape::default();
    let mut last = '\0';
    for c in s.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if k == last {
            continue;
        }
        let at = usize::from(out.len);
        out.len += k.encode_utf8(&mut out.bytes[at..]).len() as u8;
        last = k;
        if out.len >= 6 {
            break;
        }
    }
    out
}

/// The name lists the tagger consults: entity strings and capitalized words, each with how
/// often it was tagged as each type in training text. At run time these are the compiled-in
/// CoNLL-derived lists; in training, lists built without the current document's fold.
pub trait NameLists {
    /// Type (0 PER, 1 ORG, 2 LOC, 3 MISC) and count of a listed entity string.
    fn name(&self, text: &str) -> Option<(usize, u32)>;
    /// Counts as PER, ORG, LOC, MISC and O of a capitalized word.
    fn word(&self, text: &str) -> Option<[u32; 5]>;
    /// False if no listed entity string starts with `word` followed by whitespace or its end
    /// (a cheap test that spares the longest-match lookups at most tokens).
    fn may_start(&self, word: &str) -> bool {
        let _ = word;
        true
    }
}

/// The first whitespace-delimited word of a name.
pub fn first_word(name: &str) -> &str {
    name.split(char::is_whitespace).next().unwrap_or(name)
}

/// The compiled-in lists (`data/entities/names.tsv`, `words.tsv`).
pub struct CompiledLists;

impl NameLists for CompiledLists {
    fn name(&self, text: &str) -> Option<(usize, u32)> {
        use crate::lexicon::ConllType;
        crate::lexicon::known_names().get(text).map(|k| {
            let t = match k.kind {
                ConllType::Per => 0,
                ConllType::Org => 1,
                ConllType::Loc => 2,
                ConllType::Misc => 3,
            };
            (t, k.count)
        })
    }
    fn word(&self, text: &str) -> Option<[u32; 5]> {
        crate::lexicon::word_types().get(text).copied()
    }
    fn may_start(&self, word: &str) -> bool {
        static FIRST: OnceLock<crate::lexicon::WordSet> = OnceLock::new();
        FIRST
            .get_or_init(|| {
                crate::lexicon::known_names()
                    .keys()
                    .map(|k| first_word(k))
                    .collect()
            })
            .contains(word)
    }
}

/// Longest names to look up, in tokens.
const MAX_NAME_TOKENS: usize = 8;

/// Longest-match lookup of listed names over each sentence (`forms`: each token's text).
fn gazetteer_codes(doc: &Doc, forms: &[String], lists: &dyn NameLists) -> Vec<u8> {
    let mut codes = vec![0u8; doc.tokens.len()];
    let mut key = String::new();
    for s in &doc.sentences {
        let mut j = s.tokens.start;
        while j < s.tokens.end {
            let t = &doc.tokens[j];
            if !(t.capitalized || t.kind == TokenKind::Number) {
                j += 1;
                continue;
            }
            // A token followed by whitespace (or the sentence end) is a listed name's first word
            // if any name starts here.
            let alone = (j + 1 == s.tokens.end
                || doc.text[t.end..].starts_with(char::is_whitespace))
                && first_word(&forms[j]).len() == forms[j].len();
            if alone && !lists.may_start(&forms[j]) {
                j += 1;
                continue;
            }
            let mut matched = 0;
            let longest = MAX_NAME_TOKENS.min(s.tokens.end - j);
            // The longest key once; shorter ones are its prefixes ending at a token's end.
            key.clear();
            let mut ends = [0usize; MAX_NAME_TOKENS];
            for (k, form) in forms.iter().enumerate().skip(j).take(longest) {
                if k > j {
                    key.push_str(&doc.text[doc.tokens[k - 1].end..doc.tokens[k].start]);
                }
                key.push_str(form);
                ends[k - j] = key.len();
            }
            for len in (1..=longest).rev() {
                if let Some((kind, count)) = lists.name(&key[..ends[len - 1]]) {
                    if len > 1 || count >= 2 {
                        for (k, code) in codes[j..j + len].iter_mut().enumerate() {
                            *code = 1 + 2 * kind as u8 + u8::from(k > 0);
                        }
                        matched = len;
                        break;
                    }
                }
            }
            j += matched.max(1);
        }
    }
    codes
}

/// Whether a lowercase word is one of the tagger's person titles ("mr", "gen."), a trailing
/// full stop aside (a set built once: the test runs for every capitalized word).
fn is_person_title(word: &str) -> bool {
    static SET: std::sync::OnceLock<crate::lexicon::WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| super::tagger::PERSON_TITLES.iter().copied().collect())
        .contains(word.trim_end_matches('.'))
}

/// Whether a lowercase word is one of [`SPORT_WORDS`] (a set built once: the list is read
/// for every token of every document).
fn is_sport_word(word: &str) -> bool {
    static SET: std::sync::OnceLock<crate::lexicon::WordSet> = std::sync::OnceLock::new();
    SET.get_or_init(|| SPORT_WORDS.iter().copied().collect())
        .contains(word)
}

/// Words that mark a document as sports news, where a town's name often stands for its club.
const SPORT_WORDS: &[&str] = &[
    "soccer",
    "football",
    "cricket",
    "rugby",
    "tennis",
    "golf",
    "baseball",
    "basketball",
    "hockey",
    "league",
    "cup",
    "match",
    "matches",
    "goal",
    "goals",
    "scored",
    "striker",
    "midfielder",
    "coach",
    "season",
    "championship",
    "tournament",
    "innings",
    "wickets",
    "inning",
    "homer",
    "quarter-final",
    "semifinal",
    "semi-final",
    "final",
    "draw",
    "beat",
    "defeated",
    "win",
    "won",
    "played",
    "seeded",
    "round",
    "points",
    "standings",
    "division",
    "club",
    "team",
    "player",
    "players",
    "olympic",
    "race",
    "stage",
    "minute",
];

/// Other occurrences of a word whose neighbours become features of each occurrence.
const MAX_OTHER_OCCURRENCES: usize = 8;

/// Context aggregation (Ratinov & Roth 2009): for each capitalized word that occurs more than
/// once in the document, the feature buckets of the words just before and after its other
/// occurrences (up to [`MAX_OTHER_OCCURRENCES`], in document order), so "Daewoo" in a headline
/// learns from "Daewoo Corp said" further down.
fn contexts_elsewhere(doc: &Doc, lower: &[String], repeated: &[Vec<usize>]) -> Vec<Vec<usize>> {
    let n = doc.tokens.len();
    let mut out = vec![Vec::new(); n];
    if repeated.is_empty() {
        return out;
    }
    // The buckets each occurrence lends to the others: the words before and after it.
    let mut around = vec![[0usize; 2]; n];
    let mut wanted = vec![false; n];
    for &j in repeated.iter().flatten() {
        wanted[j] = true;
    }
    for s in &doc.sentences {
        for j in s.tokens.clone() {
            if !wanted[j] {
                continue;
            }
            let before = if j > s.tokens.start {
                lower[j - 1].as_str()
            } else {
                BOS
            };
            let after = if j + 1 < s.tokens.end {
                lower[j + 1].as_str()
            } else {
                EOS
            };
            around[j] = [
                FeatureHash::new(60).str(before).bucket(),
                FeatureHash::new(61).str(after).bucket(),
            ];
        }
    }
    for occurrences in repeated {
        for &i in occurrences {
            let mut buckets: Vec<usize> = occurrences
                .iter()
                .filter(|&&j| j != i)
                .take(MAX_OTHER_OCCURRENCES)
                .flat_map(|&j| around[j])
                .collect();
            buckets.sort_unstable();
            buckets.dedup();
            out[i] = buckets;
        }
    }
    out
}

/// For each capitalized word, where its other occurrences in the document stand in their runs
/// of capitalized words: bit 0 alone, bit 1 first of a longer run ("Cargill Inc"), bit 2 last
/// ("Peter Blackburn"), bit 3 inside. 0 for other tokens or a word seen once.
fn run_profiles(n: usize, repeated: &[Vec<usize>], run: &[(u32, u32)]) -> Vec<u8> {
    let position = |i: usize| -> u8 {
        let (first, last) = (run[i].0 as usize, run[i].1 as usize);
        if first == last {
            1
        } else if i == first {
            2
        } else if i == last {
            4
        } else {
            8
        }
    };
    let mut out = vec![0u8; n];
    for occurrences in repeated {
        for &i in occurrences {
            out[i] = occurrences
                .iter()
                .filter(|&&j| j != i)
                .fold(0u8, |bits, &j| bits | position(j));
        }
    }
    out
}

/// The token indices of each capitalized word (lowercased) that occurs more than once in the
/// document, in document order.
fn repeated_words(doc: &Doc, lower: &[String]) -> Vec<Vec<usize>> {
    let mut index: std::collections::HashMap<&str, usize, crate::lexicon::FnvBuild> =
        Default::default();
    let mut places: Vec<Vec<usize>> = Vec::new();
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.is_word() && t.capitalized {
            let k = *index.entry(lower[i].as_str()).or_insert_with(|| {
                places.push(Vec::new());
                places.len() - 1
            });
            places[k].push(i);
        }
    }
    places.retain(|o| o.len() > 1);
    places
}

fn word_class_code(lists: &dyn NameLists, text: &str) -> u8 {
    let Some(c) = lists.word(text) else { return 0 };
    let total: u32 = c.iter().sum();
    let best = (0..5)
        .max_by_key(|&k| (c[k], std::cmp::Reverse(k)))
        .unwrap_or(4);
    let entity: u32 = c[..4].iter().sum();
    let share = f64::from(entity) / f64::from(total.max(1));
    let bucket = if share < 0.1 {
        0
    } else if share < 0.5 {
        1
    } else if share < 0.9 {
        2
    } else {
        3
    };
    1 + (best as u8) * 4 + bucket
}

impl TokenView {
    /// Number of tokens the view covers.
    pub fn word_count_hint(&self) -> usize {
        self.lower.len()
    }

    /// The view with the compiled-in name lists.
    pub fn new(doc: &Doc) -> TokenView {
        TokenView::with_lists(doc, &CompiledLists)
    }

    pub fn with_lists(doc: &Doc, lists: &dyn NameLists) -> TokenView {
        let n = doc.tokens.len();
        let text: Vec<String> = (0..n).map(|i| doc.token_text(i).to_string()).collect();
        let lower: Vec<String> = doc.tokens.iter().map(|t| t.lower.clone()).collect();
        let shape: Vec<Shape> = text.iter().map(|t| shape_of(t)).collect();
        let mut first_in_sentence = vec![false; n];
        let mut shouting = vec![false; n];
        for s in &doc.sentences {
            let words: Vec<usize> = s
                .tokens
                .clone()
                .filter(|&i| doc.tokens[i].is_word())
                .collect();
            if let Some(&f) = words.first() {
                first_in_sentence[f] = true;
            }
            let caps = words.iter().filter(|&&i| doc.tokens[i].all_caps).count();
            let loud = words.len() >= 3 && caps * 10 > words.len() * 6;
            for i in s.tokens.clone() {
                shouting[i] = loud;
            }
        }
        let mut capitalized_mid: std::collections::HashSet<&str, crate::lexicon::FnvBuild> =
            Default::default();
        for i in 0..n {
            let t = &doc.tokens[i];
            if t.capitalized && !t.all_caps && !first_in_sentence[i] && !shouting[i] {
                capitalized_mid.insert(lower[i].as_str());
            }
        }
        let cap_elsewhere = (0..n)
            .map(|i| capitalized_mid.contains(lower[i].as_str()))
            .collect();
        let mut run = vec![(0u32, 0u32); n];
        let mut table = vec![0u8; n];
        let mut table_sentences = 0usize;
        // A title before a name is not part of it ("Mayor Anna Kowalczyk"): titles stand alone.
        let is_title = |i: usize| is_person_title(&lower[i]);
        let is_cap = |i: usize| doc.tokens[i].is_word() && doc.tokens[i].capitalized;
        for s in &doc.sentences {
            let mut i = s.tokens.start;
            while i < s.tokens.end {
                if !is_cap(i) {
                    run[i] = (i as u32, i as u32);
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                // A title stands alone; other runs extend over capitalized words and connectors.
                if !is_title(i) {
                    loop {
                        if j < s.tokens.end && is_cap(j) && !is_title(j) {
                            j += 1;
                        } else if j + 1 < s.tokens.end
                            && matches!(lower[j].as_str(), "of" | "and" | "&" | "de" | "for")
                            && is_cap(j + 1)
                        {
                            j += 2;
                        } else {
                            break;
                        }
                    }
                }
                for r in &mut run[i..j] {
                    *r = (i as u32, (j - 1) as u32);
                }
                i = j;
            }
            let wordlike = s
                .tokens
                .clone()
                .filter(|&i| doc.tokens[i].is_wordlike())
                .count();
            let numbers = s
                .tokens
                .clone()
                .filter(|&i| doc.tokens[i].kind == TokenKind::Number)
                .count();
            let numeric = wordlike >= 2 && numbers * 10 >= wordlike * 4;
            table_sentences += usize::from(numeric);
            let mut number_after = false;
            for i in s.tokens.clone().rev() {
                let next_number =
                    i + 1 < s.tokens.end && doc.tokens[i + 1].kind == TokenKind::Number;
                table[i] =
                    u8::from(next_number) | u8::from(number_after) << 1 | u8::from(numeric) << 2;
                number_after |= doc.tokens[i].kind == TokenKind::Number;
            }
        }
        let n_sentences = doc.sentences.len().max(1);
        let doc_table = if table_sentences == 0 {
            0
        } else if table_sentences * 5 < n_sentences {
            1
        } else {
            2
        };
        let cues = lower.iter().filter(|w| is_sport_word(w)).count();
        let sport = u8::from(cues >= 2) + u8::from(cues >= 6);
        let repeated = repeated_words(doc, &lower);
        let elsewhere = contexts_elsewhere(doc, &lower, &repeated);
        let profile = run_profiles(n, &repeated, &run);
        let acronym = acronym_codes(doc, &lower);
        let forms = &text;
        let gazetteer = gazetteer_codes(doc, forms, lists);
        let word_class = forms.iter().map(|t| word_class_code(lists, t)).collect();
        let ext_span = super::gazetteer::codes(doc, &lower, super::gazetteer::external());
        let clusters = super::clusters::table();
        let cluster = (0..n)
            .map(|i| {
                if doc.tokens[i].is_word() {
                    super::clusters::cluster(clusters, &lower[i])
                } else {
                    super::clusters::UNKNOWN
                }
            })
            .collect();
        TokenView {
            gazetteer,
            word_class,
            ext_span,
            cluster,
            profile,
            lower,
            shape,
            text,
            cap_elsewhere,
            shouting,
            first_in_sentence,
            run,
            table,
            doc_table,
            sport,
            elsewhere,
            acronym,
        }
    }
}

const BOS: &str = "<s>";
const EOS: &str = "</s>";

/// The feature buckets of token `i` in sentence `range`, given the two previous tags.
/// `memory` is what the first pass said about the same word elsewhere in the document
/// (see [`memory_codes`]); 0 in the first pass. These are the [`static_features`] followed by
/// the [`dynamic_features`].
#[allow(clippy::too_many_arguments)]
pub fn features(
    view: &TokenView,
    doc: &Doc,
    range: &Range<usize>,
    i: usize,
    prev: usize,
    prev2: usize,
    memory: u8,
    out: &mut Vec<usize>,
) {
    out.clear();
    static_features(view, doc, range, i, out);
    dynamic_features(view, i, prev, prev2, memory, out);
}

/// The case and kind flags of token `i`.
fn flags_of(view: &TokenView, doc: &Doc, i: usize) -> u8 {
    let t = &doc.tokens[i];
    u8::from(t.capitalized)
        | u8::from(t.all_caps) << 1
        | u8::from(view.first_in_sentence[i]) << 2
        | u8::from(view.shouting[i]) << 3
        | u8::from(view.cap_elsewhere[i]) << 4
        | u8::from(t.kind == TokenKind::Number) << 5
        | u8::from(crate::lexicon::word_class(&view.lower[i]).is_some()) << 6
}

/// The first `n` characters of `w` (all of it if shorter).
fn prefix(w: &str, n: usize) -> &str {
    w.char_indices().nth(n).map_or(w, |(at, _)| &w[..at])
}

/// The last `n` characters of `w` (all of it if shorter).
fn suffix(w: &str, n: usize) -> &str {
    w.char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(w, |(at, _)| &w[at..])
}

/// The features of token `i` that do not depend on the tags before it or on the document
/// memory: the same in both passes, so the tagger scores them once per token. Appends to `out`.
pub fn static_features(
    view: &TokenView,
    doc: &Doc,
    range: &Range<usize>,
    i: usize,
    out: &mut Vec<usize>,
) {
    let at = |k: isize| -> Option<usize> {
        let j = i as isize + k;
        (j >= range.start as isize && j < range.end as isize).then_some(j as usize)
    };
    let lower = |k: isize| at(k).map_or(if k < 0 { BOS } else { EOS }, |j| view.lower[j].as_str());
    let shape = |k: isize| {
        at(k).map_or(if k < 0 { BOS } else { EOS }.as_bytes(), |j| {
            view.shape[j].as_bytes()
        })
    };
    let w = view.lower[i].as_str();
    let flags = flags_of(view, doc, i);
    let h = FeatureHash::new;
    let feats = [
        h(0),
        h(1).str(w),
        h(2).str(lower(-1)),
        h(3).str(lower(1)),
        h(4).str(lower(-2)),
        h(5).str(lower(2)),
        h(6).bytes(shape(0)),
        h(7).bytes(shape(-1)).bytes(shape(0)),
        h(8).bytes(shape(0)).bytes(shape(1)),
        h(9).str(prefix(w, 2)),
        h(10).str(prefix(w, 3)),
        h(11).str(suffix(w, 2)),
        h(12).str(suffix(w, 3)),
        h(13).str(suffix(w, 4)),
        h(17).str(lower(-1)).str(w),
        h(18).str(w).str(lower(1)),
        h(19).byte(flags),
        h(20).str(&view.text[i]),
        h(21).byte(flags).bytes(shape(0)),
        h(23).str(lower(-1)).byte(flags),
        h(24).bytes(shape(-1)).bytes(shape(0)).bytes(shape(1)),
        h(28).byte(view.gazetteer[i]),
        h(29).byte(view.gazetteer[i]).bytes(shape(0)),
        h(30).byte(view.word_class[i]),
        h(31).byte(view.word_class[i]).byte(flags),
        h(32)
            .byte(at(-1).map_or(255, |j| view.gazetteer[j]))
            .byte(view.gazetteer[i]),
        h(33).byte(at(1).map_or(255, |j| view.word_class[j])),
        h(43).str(lower(-2)).str(lower(-1)),
        h(44).str(lower(1)).str(lower(2)),
        h(45).byte(view.table[i]).bytes(shape(0)),
        h(46).byte(view.table[i]).byte(view.word_class[i]),
        h(47).byte(view.doc_table).byte(flags),
        h(62).bytes(shape(-2)).bytes(shape(-1)).bytes(shape(0)),
        h(63).bytes(shape(0)).bytes(shape(1)).bytes(shape(2)),
        h(70).byte(view.ext_span[i]),
        h(76).u16(view.cluster[i]),
        h(82).u16(view.cluster[i]).bytes(shape(0)),
        h(87).byte(view.ext_span[i]).byte(view.sport),
        h(88).byte(flags).byte(view.sport),
        h(84).byte(view.profile[i]),
        h(85).byte(view.profile[i]).byte(view.word_class[i]),
        h(86).byte(view.profile[i]).byte(flags),
    ];
    out.extend(feats.iter().map(|f| f.bucket()));
    out.extend_from_slice(&view.elsewhere[i]);
    if view.acronym[i] != 0 {
        out.push(h(89).byte(view.acronym[i]).bucket());
        out.push(
            h(90)
                .byte(view.acronym[i])
                .byte(view.sport)
                .byte(view.doc_table)
                .bucket(),
        );
    }
    let word_class = |k: isize| at(k).map_or(255, |j| view.word_class[j]);
    // The last three letters of the neighbouring words ("... Holdings", "... announced"), for
    // words longer than four bytes (of a short word they would be the word itself).
    for (template, k) in [(100, 1), (101, -1)] {
        let word = lower(k);
        if word.len() > 4 {
            out.push(h(template).str(suffix(word, 3)).bucket());
        }
    }
    let (run_first, run_last) = (view.run[i].0 as usize, view.run[i].1 as usize);
    if doc.tokens[i].capitalized {
        let len = (run_last - run_first + 1).min(4) as u8;
        let pos = if run_first == run_last {
            0
        } else if i == run_first {
            1
        } else if i == run_last {
            2
        } else {
            3
        };
        out.push(
            h(40)
                .str(&view.lower[run_last])
                .byte(u8::from(i == run_last))
                .bucket(),
        );
        out.push(
            h(41)
                .str(&view.lower[run_first])
                .byte(u8::from(i == run_first))
                .bucket(),
        );
        out.push(h(42).byte(pos).byte(len).bucket());
        // How the words that end the run were tagged in training text ("Flour Mills Assn").
        out.push(
            h(106)
                .byte(view.word_class[run_last])
                .byte(u8::from(i == run_last))
                .bucket(),
        );
        out.push(
            h(107)
                .byte(view.word_class[run_first])
                .byte(u8::from(i == run_first))
                .bucket(),
        );
    } else if run_first < i && i < run_last {
        // A connector inside a run ("Chevron Corp and Texaco Inc", "Bank of England"): how the
        // words either side of it were tagged in training text says whether it joins or splits.
        out.push(
            h(94)
                .str(w)
                .byte(word_class(-1))
                .byte(word_class(1))
                .bucket(),
        );
    }
}

/// The features of token `i` that depend on the previous two tags and the document memory.
/// Appends to `out`.
pub fn dynamic_features(
    view: &TokenView,
    i: usize,
    prev: usize,
    prev2: usize,
    memory: u8,
    out: &mut Vec<usize>,
) {
    let w = view.lower[i].as_str();
    let shape = view.shape[i].as_bytes();
    let h = FeatureHash::new;
    let feats = [
        h(14).byte(prev as u8),
        h(15).byte(prev2 as u8).byte(prev as u8),
        h(16).byte(prev as u8).str(w),
        h(22).byte(prev as u8).bytes(shape),
        h(25).byte(memory),
        h(26).byte(memory).bytes(shape),
        h(27).byte(memory).byte(prev as u8),
    ];
    out.extend(feats.iter().map(|f| f.bucket()));
}

/// Whether tag `next` may follow tag `prev` in IOB2 (I-X only after B-X or I-X).
pub fn allowed(prev: usize, next: usize) -> bool {
    if next == 0 || next % 2 == 1 {
        return true; // O or B-*
    }
    // Same type: B-X/I-X at 2k−1/2k, so both round up to k.
    prev != 0 && prev.div_ceil(2) == next.div_ceil(2)
}

/// Tags one sentence greedily; returns a tag index per token in `range`. `base` holds each
/// token's summed [`static_features`] scores (indexed by token, like `memory`).
pub fn tag_sentence<W: Weights>(
    weights: &W,
    view: &TokenView,
    range: Range<usize>,
    base: &[[f32; N_TAGS]],
    memory: &[u8],
    buf: &mut Vec<usize>,
) -> Vec<usize> {
    let mut tags = Vec::with_capacity(range.len());
    let (mut prev, mut prev2) = (0usize, 0usize);
    for i in range {
        buf.clear();
        dynamic_features(
            view,
            i,
            prev,
            prev2,
            memory.get(i).copied().unwrap_or(0),
            buf,
        );
        let mut scores = base[i];
        for &b in buf.iter() {
            weights.add_scores(b, &mut scores);
        }
        let best = best_of_scores(&scores, prev);
        tags.push(best);
        prev2 = prev;
        prev = best;
    }
    tags
}

/// The highest-scoring tag allowed after `prev`.
pub fn best_tag<W: Weights>(weights: &W, features: &[usize], prev: usize) -> usize {
    let mut scores = [0f32; N_TAGS];
    for &b in features {
        weights.add_scores(b, &mut scores);
    }
    best_of_scores(&scores, prev)
}

/// The tag with the highest score among those allowed after `prev` (ties: the lower index).
fn best_of_scores(scores: &[f32; N_TAGS], prev: usize) -> usize {
    (0..N_TAGS)
        .filter(|&k| allowed(prev, k))
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]).then(b.cmp(&a)))
        .unwrap_or(0)
}

/// Document memory for the second pass: for each token, what the first pass tagged the other
/// occurrences of the same (lowercased, capitalized) word as — 1 none elsewhere, 2 mostly O,
/// 3–6 mostly PER/ORG/LOC/MISC.
pub fn memory_codes(view: &TokenView, doc: &Doc, first_pass: &[usize]) -> Vec<u8> {
    let mut counts: std::collections::HashMap<&str, [u32; 5]> = std::collections::HashMap::new();
    let class = |t: usize| if t == 0 { 0 } else { 1 + type_of(t) };
    for (i, &t) in first_pass.iter().enumerate() {
        if doc.tokens[i].capitalized {
            counts.entry(view.lower[i].as_str()).or_default()[class(t)] += 1;
        }
    }
    (0..first_pass.len())
        .map(|i| {
            if !doc.tokens[i].capitalized {
                return 1;
            }
            let mut c = counts
                .get(view.lower[i].as_str())
                .copied()
                .unwrap_or_default();
            c[class(first_pass[i])] = c[class(first_pass[i])].saturating_sub(1);
            let total: u32 = c.iter().sum();
            if total == 0 {
                return 1;
            }
            let best = (0..5)
                .max_by_key(|&k| (c[k], std::cmp::Reverse(k)))
                .unwrap_or(0);
            2 + best as u8
        })
        .collect()
}

/// Tags a whole document in two passes (the second sees the first pass's document memory).
/// The features that do not depend on the tag history are scored once per token for both.
pub fn tag_document<W: Weights>(weights: &W, view: &TokenView, doc: &Doc) -> Vec<usize> {
    let mut buf = Vec::new();
    let mut base = vec![[0f32; N_TAGS]; doc.tokens.len()];
    for s in &doc.sentences {
        for i in s.tokens.clone() {
            buf.clear();
            static_features(view, doc, &s.tokens, i, &mut buf);
            for &b in &buf {
                weights.add_scores(b, &mut base[i]);
            }
        }
    }
    let none = vec![0u8; doc.tokens.len()];
    let mut first = vec![0usize; doc.tokens.len()];
    for s in &doc.sentences {
        let tags = tag_sentence(weights, view, s.tokens.clone(), &base, &none, &mut buf);
        first[s.tokens.clone()].copy_from_slice(&tags);
    }
    let memory = memory_codes(view, doc, &first);
    let mut second = vec![0usize; doc.tokens.len()];
    for s in &doc.sentences {
        let tags = tag_sentence(weights, view, s.tokens.clone(), &base, &memory, &mut buf);
        second[s.tokens.clone()].copy_from_slice(&tags);
    }
    second
}

/// The CoNLL type index (0 PER, 1 ORG, 2 LOC, 3 MISC) of a non-O tag.
pub fn type_of(tag: usize) -> usize {
    (tag - 1) / 2
}

/// Entity spans (token ranges) with their type index from a tag sequence starting at `offset`.
pub fn spans(tags: &[usize], offset: usize) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        if tags[i] == 0 {
            i += 1;
            continue;
        }
        let kind = type_of(tags[i]);
        let start = i;
        i += 1;
        while i < tags.len() && tags[i] != 0 && tags[i] % 2 == 0 && type_of(tags[i]) == kind {
            i += 1;
        }
        out.push((offset + start..offset + i, kind));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_and_suffixes_count_characters() {
        assert_eq!(prefix("zürich", 2), "zü");
        assert_eq!(suffix("zürich", 4), "rich");
        assert_eq!(prefix("ab", 3), "ab");
        assert_eq!(suffix("ab", 4), "ab");
    }

    #[test]
    fn shapes() {
        assert_eq!(shape_of("Obama").as_bytes(), b"Xx");
        assert_eq!(shape_of("NATO").as_bytes(), b"X");
        assert_eq!(shape_of("U.S").as_bytes(), b"X.X");
        assert_eq!(shape_of("1996-08-22").as_bytes(), b"d-d-d");
        assert_eq!(shape_of("Zürich’s").as_bytes(), "Xx’x".as_bytes());
    }

    #[test]
    fn iob2_constraints_and_spans() {
        assert!(
            allowed(1, 2) && allowed(2, 2) && !allowed(0, 2) && !allowed(3, 2) && allowed(4, 1)
        );
        // B-PER I-PER O B-LOC B-LOC I-LOC
        assert_eq!(
            spans(&[1, 2, 0, 5, 5, 6], 10),
            vec![(10..12, 0), (13..14, 2), (14..16, 2)]
        );
    }

    #[test]
    fn run_profiles_say_where_a_word_stands_elsewhere() {
        let doc = Doc::from_plain_text(
            "Shares in Cargill rose. Cargill Inc said so. Peter Blackburn spoke. Blackburn left.",
        );
        let view = TokenView::new(&doc);
        let at = |w: &str| view.lower.iter().position(|l| l == w).unwrap();
        // The first "Cargill" sees the second, which starts "Cargill Inc"; and vice versa.
        assert_eq!(view.profile[at("cargill")], 2);
        let last = view.lower.iter().rposition(|l| l == "cargill").unwrap();
        assert_eq!(view.profile[last], 1);
        assert_eq!(view.profile[at("blackburn")], 1);
        assert_eq!(view.profile[at("shares")], 0);
    }

    #[test]
    fn acronyms_defined_in_the_document() {
        assert!(abbreviates("dns", &["dark", "northern", "spring"]));
        assert!(abbreviates("kv", &["kilovolt"]));
        assert!(abbreviates(
            "zifa",
            &["zimbabwe", "football", "association"]
        ));
        assert!(!abbreviates("ww", &["northern", "wheat"]));
        let doc = Doc::from_plain_text(
            "It bought dark northern spring ( DNS ) and western white ( WW ) wheat .\n\
             The Zimbabwe Football Association ( ZIFA ) said . DNS rose , ZIFA said .",
        );
        let view = TokenView::new(&doc);
        let codes = |w: &str| -> Vec<u8> {
            (0..view.lower.len())
                .filter(|&i| view.lower[i] == w)
                .map(|i| view.acronym[i])
                .collect()
        };
        // Lower-case long form: a term, on every occurrence.
        assert_eq!(codes("dns"), [1, 1]);
        assert_eq!(codes("ww"), [1]);
        // Capitalized long form: a name; its words are marked too.
        assert_eq!(codes("zifa"), [2, 2]);
        assert_eq!(codes("football"), [3]);
        assert_eq!(codes("wheat"), [0]);
    }

    /// A few listed names, with or without the first-word shortcut.
    struct Few(bool);

    impl NameLists for Few {
        fn name(&self, text: &str) -> Option<(usize, u32)> {
            match text {
                "Chevron Corp" | "Texaco Inc" => Some((1, 3)),
                "New York" => Some((2, 9)),
                "U.S." => Some((2, 20)),
                _ => None,
            }
        }
        fn word(&self, _: &str) -> Option<[u32; 5]> {
            None
        }
        fn may_start(&self, word: &str) -> bool {
            !self.0 || ["Chevron", "Texaco", "New", "U.S."].contains(&word)
        }
    }

    #[test]
    fn first_word_shortcut_changes_no_match() {
        let doc = Doc::from_plain_text(
            "Chevron Corp and Texaco Inc left New York.\nU.S. majors Chevron Corp rose.",
        );
        let forms: Vec<String> = (0..doc.tokens.len())
            .map(|i| doc.token_text(i).to_string())
            .collect();
        let with = gazetteer_codes(&doc, &forms, &Few(true));
        assert_eq!(with, gazetteer_codes(&doc, &forms, &Few(false)));
        assert_eq!(&with[..5], &[3, 4, 0, 3, 4]);
        assert_eq!(first_word("New York"), "New");
    }

    #[test]
    fn connectors_inside_a_run_have_their_own_feature() {
        let doc = Doc::from_plain_text("Chevron Corp and Texaco Inc rose and fell.");
        let view = TokenView::new(&doc);
        let range = doc.sentences[0].tokens.clone();
        let has_94 = |i: usize| {
            let mut out = Vec::new();
            static_features(&view, &doc, &range, i, &mut out);
            let w = view.lower[i].as_str();
            let b = FeatureHash::new(94)
                .str(w)
                .byte(view.word_class[i - 1])
                .byte(view.word_class[i + 1])
                .bucket();
            out.contains(&b)
        };
        let and = |n: usize| {
            (0..view.lower.len())
                .filter(|&i| view.lower[i] == "and")
                .nth(n)
                .unwrap()
        };
        assert!(has_94(and(0)));
        assert!(!has_94(and(1)));
        // The next word's last letters: for "Texaco" ("Inc" is too short), not for "Corp".
        let next_suffix = |i: usize, sfx: &str| {
            let mut out = Vec::new();
            static_features(&view, &doc, &range, i, &mut out);
            out.contains(&FeatureHash::new(100).str(sfx).bucket())
        };
        assert!(next_suffix(and(0), "aco"));
        assert!(!next_suffix(and(0) + 1, "inc"));
    }

    #[test]
    fn model_round_trips_through_encode() {
        let weights = vec![3i16; (1 << BITS) * N_TAGS];
        let bytes: &'static [u8] = Box::leak(encode(0.5, &weights).into_boxed_slice());
        let model = decode(bytes).expect("decodes");
        let mut s = [0f32; N_TAGS];
        model.add_scores(7, &mut s);
        assert_eq!(s, [1.5; N_TAGS]);
        assert!(decode(b"not a model").is_none());
    }
}
