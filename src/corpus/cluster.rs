//! Incremental story clustering: the features of a brief and the similarity of two briefs.
//!
//! **Features.** Each stored brief gives
//! - *entities*: per entity, its keys — the normalized name and the normalized aliases of at
//!   least 4 characters that are not descriptions ("the ministry") — and its weight, the salience
//!   (at least 0.05); `misc` entities (nationalities, …) count half;
//! - *words*: the content words ([`content_words`]) of its keyphrases, each weighted by the
//!   best salience of a keyphrase containing it, and of its title, weight 0.5 (the larger wins);
//! - its publication day, if any.
//!
//! **Similarity** of briefs A and B, in [0, 1]:
//! ```text
//! sim(A, B)   = 0.6 · S_ent + 0.4 · S_words        (S_words alone when neither has entities)
//! S_ent       = (Σ_{a ∈ A matched} w_a·i_a + Σ_{b ∈ B matched} w_b·i_b)
//!               / (Σ_{a ∈ A} w_a·i_a + Σ_{b ∈ B} w_b·i_b)                 (a weighted Dice)
//! S_words     = the same over words, a word matching the same word
//! i_x         = 1 / √df(x)
//! ```
//! An entity is *matched* when one of its keys is a key of an entity of the other brief (so
//! "PLO" as an alias of "Palestine Liberation Organization" matches an article that only says
//! "PLO"). `df(x)` is the number of stored briefs (the new one included) having the entity's
//! name, or the word: names and words every article has weigh little. Only `+ · /` and `√`,
//! which are correctly rounded in IEEE 754, so native and WebAssembly agree to the bit.
//!
//! **Date window.** Two briefs are compared only when both are undated or their days differ by
//! at most `window_days` ([`super::Config`]); an undated brief is compared with every brief.
//!
//! **Assignment.** A new brief's score for a story is its best similarity to a member of that
//! story (single link) within the window. It joins the story with the highest score when that
//! score is at least `threshold` (ties: the older story, the lower number); otherwise it opens a
//! new story. Candidates come from an inverted index over entity keys and words; keys more
//! frequent than `max(50, N/20)` briefs are not used to find candidates (they still count in
//! the similarity), which keeps adding one brief fast in a large corpus. Existing assignments
//! never change when a brief is added (incremental), so the same briefs added in the same order
//! give the same stories.

use super::record::{content_words, day_number, normalize_name, StoredBrief};

/// Weight of the entity part of the similarity.
pub const ENTITY_WEIGHT: f64 = 0.6;
/// Weight of the word part of the similarity.
pub const WORD_WEIGHT: f64 = 0.4;
/// Weight of a title word (keyphrase words carry their salience).
pub const TITLE_WORD_WEIGHT: f64 = 0.5;
/// Smallest weight an entity gets.
pub const MIN_ENTITY_WEIGHT: f64 = 0.05;

/// One entity as a feature: its keys (term ids, sorted), its name's term id, its weight.
#[derive(Debug, Clone)]
pub(crate) struct EntityFeature {
    pub keys: Vec<u32>,
    pub name: u32,
    pub weight: f64,
}

/// The features of one brief, as term ids (see [`Terms`]).
#[derive(Debug, Clone, Default)]
pub(crate) struct Features {
    pub entities: Vec<EntityFeature>,
    /// All entity keys, sorted, deduplicated.
    pub entity_keys: Vec<u32>,
    /// (word id, weight), sorted by id.
    pub words: Vec<(u32, f64)>,
    pub day: Option<i64>,
}

impl Features {
    /// Every term id whose document frequency counts this brief: entity names and words.
    pub fn df_terms(&self) -> Vec<u32> {
        let mut t: Vec<u32> = self.entities.iter().map(|e| e.name).collect();
        t.extend(self.words.iter().map(|w| w.0));
        t.sort_unstable();
        t.dedup();
        t
    }

    /// Every term id the inverted index holds for this brief: entity keys and words.
    pub fn index_terms(&self) -> Vec<u32> {
        let mut t = self.entity_keys.clone();
        t.extend(self.words.iter().map(|w| w.0));
        t.sort_unstable();
        t.dedup();
        t
    }
}

/// Interned terms: entity keys (`e:` + normalized name) and words (`w:` + word) as dense ids,
/// with their document frequency.
#[derive(Debug, Clone, Default)]
pub(crate) struct Terms {
    ids: std::collections::BTreeMap<String, u32>,
    pub df: Vec<u32>,
}

impl Terms {
    fn intern(&mut self, term: String) -> u32 {
        if let Some(&id) = self.ids.get(&term) {
            return id;
        }
        let id = self.df.len() as u32;
        self.ids.insert(term, id);
        self.df.push(0);
        id
    }
}

/// Whether an alias is a name rather than a description ("the ministry", "the company").
fn alias_is_name(alias: &str) -> bool {
    let norm = normalize_name(alias);
    norm.chars().count() >= 4 && !alias.trim_start().starts_with(|c: char| c.is_lowercase())
}

/// The features of a stored brief, interning its terms.
pub(crate) fn features(record: &StoredBrief, terms: &mut Terms) -> Features {
    let mut entities = Vec::with_capacity(record.entities.len());
    let mut entity_keys = Vec::new();
    for e in &record.entities {
        let name = normalize_name(&e.name);
        if name.is_empty() {
            continue;
        }
        let name_id = terms.intern(format!("e:{name}"));
        let mut keys = vec![name_id];
        for a in e.aliases.iter().filter(|a| alias_is_name(a)) {
            keys.push(terms.intern(format!("e:{}", normalize_name(a))));
        }
        keys.sort_unstable();
        keys.dedup();
        entity_keys.extend_from_slice(&keys);
        let half = if e.entity_type == "misc" { 0.5 } else { 1.0 };
        entities.push(EntityFeature {
            keys,
            name: name_id,
            weight: e.salience.max(MIN_ENTITY_WEIGHT) * half,
        });
    }
    entity_keys.sort_unstable();
    entity_keys.dedup();
    let mut words: Vec<(u32, f64)> = Vec::new();
    let mut add_word = |w: String, weight: f64, terms: &mut Terms| {
        let id = terms.intern(format!("w:{w}"));
        match words.iter_mut().find(|x| x.0 == id) {
            Some(x) => x.1 = x.1.max(weight),
            None => words.push((id, weight)),
        }
    };
    for k in &record.keywords {
        for w in content_words(&k.term) {
            add_word(w, k.salience.max(MIN_ENTITY_WEIGHT), terms);
        }
    }
    if let Some(title) = &record.title {
        for w in content_words(title) {
            add_word(w, TITLE_WORD_WEIGHT, terms);
        }
    }
    words.sort_by_key(|w| w.0);
    Features {
        entities,
        entity_keys,
        words,
        day: record.published.as_deref().and_then(day_number),
    }
}

/// Whether two briefs are within the date window of each other.
pub(crate) fn in_window(a: Option<i64>, b: Option<i64>, window_days: u32) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() <= i64::from(window_days),
        _ => true,
    }
}

fn idf(df: &[u32], term: u32) -> f64 {
    let d = df.get(term as usize).copied().unwrap_or(1).max(1);
    1.0 / f64::from(d).sqrt()
}

/// The similarity of two briefs (see the module documentation), not rounded.
pub(crate) fn similarity(a: &Features, b: &Features, df: &[u32]) -> f64 {
    let ent = |x: &Features, y: &Features| -> (f64, f64) {
        let mut matched = 0.0;
        let mut total = 0.0;
        for e in &x.entities {
            let w = e.weight * idf(df, e.name);
            total += w;
            if e.keys
                .iter()
                .any(|k| y.entity_keys.binary_search(k).is_ok())
            {
                matched += w;
            }
        }
        (matched, total)
    };
    let (ma, ta) = ent(a, b);
    let (mb, tb) = ent(b, a);
    let s_ent = if ta + tb > 0.0 {
        (ma + mb) / (ta + tb)
    } else {
        0.0
    };
    // Words: both lists are sorted by id; walk them together.
    let (mut i, mut j) = (0, 0);
    let (mut matched, mut total) = (0.0, 0.0);
    while i < a.words.len() || j < b.words.len() {
        let wa = a.words.get(i);
        let wb = b.words.get(j);
        match (wa, wb) {
            (Some(x), Some(y)) if x.0 == y.0 => {
                let v = (x.1 + y.1) * idf(df, x.0);
                matched += v;
                total += v;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x.0 < y.0 => {
                total += x.1 * idf(df, x.0);
                i += 1;
            }
            (Some(x), None) => {
                total += x.1 * idf(df, x.0);
                i += 1;
            }
            (_, Some(y)) => {
                total += y.1 * idf(df, y.0);
                j += 1;
            }
            (None, None) => break,
        }
    }
    let s_words = if total > 0.0 { matched / total } else { 0.0 };
    if a.entities.is_empty() && b.entities.is_empty() {
        s_words
    } else {
        ENTITY_WEIGHT * s_ent + WORD_WEIGHT * s_words
    }
}
