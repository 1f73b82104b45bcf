//! A story and its perspectives: who covered it, from which side, in what tone, with which
//! claims.
//!
//! - **Outlets**: the story's briefs grouped by outlet (domain, else name), each with its lean
//!   from the outlet table (or the reader's own ratings, see [`crate::outlets::Ratings`]) and its
//!   country — `"unrated"` when the brief had none, never a guess — and, over its
//!   articles in the story, the mean alarm, valence and factuality score, the most frequent tone
//!   and factuality labels (ties: alphabetical) and the most frequent frames.
//! - **Sides**: Left and Center-Left are `left`, Center is `center`, Center-Right and Right are
//!   `right`, no rating is `unrated`. The **lean spread** is the lowest and highest score of the
//!   rated outlets. The **blindspot** flag is set when at least 2 outlets are rated and the rated
//!   ones are on one side only: `left-only` (left and maybe center, no right) or `right-only`
//!   (center outlets do not break a blindspot; unrated outlets are not counted).
//! - **Claims across outlets**: two claims match when they share at least 3 content words
//!   ([`content_words`]) and the shared words are at least half of the shorter claim's words
//!   (overlap coefficient ≥ 0.5). Claims are grouped greedily in story order (each joins the
//!   first group whose first claim it matches). A group carried by every outlet of the story
//!   (story with ≥ 2 outlets) is in `claims_all`; the others, most outlets first, in
//!   `claims_some`. Claims of the first 30 briefs of a story are matched (the cost grows with
//!   the square of the number of claims).
//! - **Entities by side**: per side, the entities its articles mention most, and those no other
//!   side in the story mentions.

use super::record::{content_words, normalize_name, StoredBrief};
use crate::brief::{round3, Lean};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Most briefs of a story whose claims are matched.
pub const MAX_CLAIM_ARTICLES: usize = 30;
/// Least shared content words for two claims to match.
pub const CLAIM_MIN_SHARED: usize = 3;
/// Least overlap coefficient for two claims to match.
pub const CLAIM_MIN_OVERLAP: f64 = 0.5;
/// Most items in a story's lists (entities, claims, entities per side).
pub const MAX_LIST: usize = 10;

/// A story: briefs about the same event, with its perspectives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// `S{n}`.
    pub id: String,
    #[serde(skip)]
    pub number: u64,
    pub size: usize,
    /// The title of its first brief.
    pub title: Option<String>,
    pub first_published: Option<String>,
    pub last_published: Option<String>,
    /// The entities most of its briefs mention.
    pub entities: Vec<StoryEntity>,
    /// Its briefs, oldest added first.
    pub articles: Vec<StoryArticle>,
    pub perspectives: Perspectives,
}

/// An entity of a story, with the number of the story's briefs that mention it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryEntity {
    pub name: String,
    #[serde(rename = "type")]
    pub entity_type: String,
    pub articles: usize,
}

/// One brief of a story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryArticle {
    pub key: String,
    #[serde(rename = "ref")]
    pub reference: Option<String>,
    pub title: Option<String>,
    pub outlet: String,
    pub published: Option<String>,
}

/// How a story is covered, outlet by outlet and side by side.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Perspectives {
    pub outlets: Vec<OutletView>,
    /// Outlets with a lean rating.
    pub rated_outlets: usize,
    /// Lowest and highest lean score of the rated outlets; null when none is rated.
    pub lean_spread: Option<LeanSpread>,
    /// `left-only`, `right-only` or null (see the module documentation).
    pub blindspot: Option<String>,
    pub sides: Vec<SideView>,
    /// Claims every outlet carries (stories with at least 2 outlets).
    pub claims_all: Vec<SharedClaim>,
    /// Claims only some outlets carry, most outlets first.
    pub claims_some: Vec<SharedClaim>,
}

/// One outlet's coverage of a story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutletView {
    pub outlet: String,
    pub domain: Option<String>,
    /// The 5-point label, or `unrated`.
    pub lean: String,
    pub lean_score: Option<f64>,
    /// Where the lean comes from (the outlet table's dataset, or `user…`); null when unrated.
    pub lean_provenance: Option<String>,
    /// ISO 3166-1 country of the outlet, from the outlet table's international list.
    pub country: Option<String>,
    pub side: String,
    pub articles: usize,
    pub tone: String,
    pub alarm: f64,
    pub valence: f64,
    pub factuality: String,
    pub factuality_score: f64,
    pub frames: Vec<String>,
}

/// The range of lean scores of a story's rated outlets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeanSpread {
    pub min: f64,
    pub max: f64,
    pub spread: f64,
}

/// One side's coverage of a story.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideView {
    pub side: String,
    pub outlets: usize,
    pub articles: usize,
    /// The entities this side's articles mention most.
    pub entities: Vec<String>,
    /// Entities only this side mentions.
    pub only_this_side: Vec<String>,
}

/// A claim, as first written, and the outlets that carry it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedClaim {
    pub text: String,
    pub outlets: Vec<String>,
    pub articles: usize,
}

/// The side of a lean rating.
pub fn side_of(lean: Option<&Lean>) -> &'static str {
    match lean.map(|l| l.label.as_str()) {
        Some("Left") | Some("Center-Left") => "left",
        Some("Center") => "center",
        Some("Center-Right") | Some("Right") => "right",
        _ => "unrated",
    }
}

fn most_frequent<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for i in items {
        *counts.entry(i).or_default() += 1;
    }
    // BTreeMap order makes the alphabetically first win a tie.
    let mut best: Option<(&str, usize)> = None;
    for (k, c) in counts {
        if best.is_none_or(|(_, b)| c > b) {
            best = Some((k, c));
        }
    }
    best.map(|b| b.0.to_string()).unwrap_or_default()
}

fn top_by_count(counts: BTreeMap<String, usize>, n: usize) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v.truncate(n);
    v
}

/// Builds story `number` from its members (in insertion order).
pub(crate) fn story(number: u64, members: &[&StoredBrief]) -> Story {
    // Entities: by normalized name; display the first-seen name and the most frequent type.
    let mut ent_articles: BTreeMap<String, usize> = BTreeMap::new();
    let mut ent_names: BTreeMap<String, (String, Vec<&str>)> = BTreeMap::new();
    for m in members {
        let mut seen = BTreeSet::new();
        for e in &m.entities {
            let k = normalize_name(&e.name);
            if k.is_empty() || !seen.insert(k.clone()) {
                continue;
            }
            *ent_articles.entry(k.clone()).or_default() += 1;
            ent_names
                .entry(k)
                .or_insert_with(|| (e.name.clone(), Vec::new()))
                .1
                .push(&e.entity_type);
        }
    }
    let entities = top_by_count(ent_articles, MAX_LIST)
        .into_iter()
        .map(|(k, n)| {
            let (name, types) = &ent_names[&k];
            StoryEntity {
                name: name.clone(),
                entity_type: most_frequent(types.iter().copied()),
                articles: n,
            }
        })
        .collect();
    let dates: Vec<&str> = members
        .iter()
        .filter_map(|m| m.published.as_deref())
        .collect();
    Story {
        id: format!("S{number}"),
        number,
        size: members.len(),
        title: members.iter().find_map(|m| m.title.clone()),
        first_published: dates.iter().min().map(|d| d.to_string()),
        last_published: dates.iter().max().map(|d| d.to_string()),
        entities,
        articles: members
            .iter()
            .map(|m| StoryArticle {
                key: m.key.clone(),
                reference: m.reference.clone(),
                title: m.title.clone(),
                outlet: m.outlet_name(),
                published: m.published.clone(),
            })
            .collect(),
        perspectives: perspectives(members),
    }
}

fn perspectives(members: &[&StoredBrief]) -> Perspectives {
    // Outlets, in order of first appearance in the story, then sorted by name for output.
    let mut by_outlet: BTreeMap<String, Vec<&StoredBrief>> = BTreeMap::new();
    for m in members {
        by_outlet.entry(m.outlet_key()).or_default().push(m);
    }
    let mut outlets = Vec::new();
    for arts in by_outlet.values() {
        let first = arts[0];
        let lean = arts.iter().find_map(|a| a.source.lean.as_ref());
        let n = arts.len() as f64;
        let mean =
            |f: &dyn Fn(&StoredBrief) -> f64| round3(arts.iter().map(|a| f(a)).sum::<f64>() / n);
        let mut frames: BTreeMap<String, usize> = BTreeMap::new();
        for a in arts {
            for f in &a.framing {
                *frames.entry(f.clone()).or_default() += 1;
            }
        }
        outlets.push(OutletView {
            outlet: first.outlet_name(),
            domain: first.source.domain.clone(),
            lean: lean.map_or("unrated".to_string(), |l| l.label.clone()),
            lean_score: lean.map(|l| l.score),
            lean_provenance: lean.map(|l| l.provenance.clone()),
            country: first
                .source
                .domain
                .as_deref()
                .and_then(crate::outlets::listed)
                .map(|o| o.country.to_string()),
            side: side_of(lean).to_string(),
            articles: arts.len(),
            tone: most_frequent(arts.iter().map(|a| a.tone.label.as_str())),
            alarm: mean(&|a| a.tone.alarm),
            valence: mean(&|a| a.tone.valence),
            factuality: most_frequent(arts.iter().map(|a| a.factuality.label.as_str())),
            factuality_score: mean(&|a| a.factuality.score),
            frames: top_by_count(frames, 3).into_iter().map(|f| f.0).collect(),
        });
    }
    outlets.sort_by(|a, b| {
        let sa = a.lean_score.unwrap_or(f64::INFINITY);
        let sb = b.lean_score.unwrap_or(f64::INFINITY);
        sa.total_cmp(&sb).then_with(|| a.outlet.cmp(&b.outlet))
    });
    let rated: Vec<f64> = outlets.iter().filter_map(|o| o.lean_score).collect();
    let lean_spread = (!rated.is_empty()).then(|| {
        let min = rated.iter().copied().fold(f64::INFINITY, f64::min);
        let max = rated.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        LeanSpread {
            min,
            max,
            spread: round3(max - min),
        }
    });
    let has = |side: &str| outlets.iter().any(|o| o.side == side);
    let blindspot = if rated.len() >= 2 {
        match (has("left"), has("right")) {
            (true, false) => Some("left-only".to_string()),
            (false, true) => Some("right-only".to_string()),
            _ => None,
        }
    } else {
        None
    };

    // Sides and the entities each mentions.
    let side_of_member = |m: &StoredBrief| side_of(m.source.lean.as_ref());
    let mut side_entities: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for m in members {
        let counts = side_entities.entry(side_of_member(m)).or_default();
        let mut seen = BTreeSet::new();
        for e in &m.entities {
            let k = normalize_name(&e.name);
            if k.is_empty() || !seen.insert(k.clone()) {
                continue;
            }
            names.entry(k.clone()).or_insert_with(|| e.name.clone());
            *counts.entry(k).or_default() += 1;
        }
    }
    let order = ["left", "center", "right", "unrated"];
    let mut sides = Vec::new();
    for side in order {
        let Some(counts) = side_entities.get(side) else {
            continue;
        };
        let others: BTreeSet<&String> = side_entities
            .iter()
            .filter(|(s, _)| **s != side)
            .flat_map(|(_, c)| c.keys())
            .collect();
        let only: BTreeMap<String, usize> = counts
            .iter()
            .filter(|(k, _)| !others.contains(k))
            .map(|(k, v)| (k.clone(), *v))
            .collect();
        let display = |v: Vec<(String, usize)>| -> Vec<String> {
            v.into_iter().map(|(k, _)| names[&k].clone()).collect()
        };
        sides.push(SideView {
            side: side.to_string(),
            outlets: outlets.iter().filter(|o| o.side == side).count(),
            articles: members.iter().filter(|m| side_of_member(m) == side).count(),
            entities: display(top_by_count(counts.clone(), MAX_LIST)),
            only_this_side: if side_entities.len() > 1 {
                display(top_by_count(only, MAX_LIST))
            } else {
                Vec::new()
            },
        });
    }

    // Claims across outlets.
    struct Group {
        text: String,
        words: Vec<u64>,
        outlets: BTreeSet<String>,
        articles: BTreeSet<String>,
        first: usize,
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut order_no = 0;
    for m in members.iter().take(MAX_CLAIM_ARTICLES) {
        for c in &m.claims {
            let mut words: Vec<u64> = content_words(c).iter().map(|w| word_hash(w)).collect();
            words.sort_unstable();
            words.dedup();
            if words.is_empty() {
                continue;
            }
            order_no += 1;
            let found = groups.iter_mut().find(|g| claims_match(&g.words, &words));
            let g = match found {
                Some(g) => g,
                None => {
                    groups.push(Group {
                        text: c.clone(),
                        words,
                        outlets: BTreeSet::new(),
                        articles: BTreeSet::new(),
                        first: order_no,
                    });
                    groups.last_mut().expect("just pushed")
                }
            };
            g.outlets.insert(m.outlet_key());
            g.articles.insert(m.key.clone());
        }
    }
    let outlet_names: BTreeMap<String, String> = members
        .iter()
        .map(|m| (m.outlet_key(), m.outlet_name()))
        .collect();
    let n_outlets = by_outlet.len();
    groups.sort_by(|a, b| {
        b.outlets
            .len()
            .cmp(&a.outlets.len())
            .then(b.articles.len().cmp(&a.articles.len()))
            .then(a.first.cmp(&b.first))
    });
    let mut claims_all = Vec::new();
    let mut claims_some = Vec::new();
    for g in groups {
        let shared = SharedClaim {
            text: g.text,
            outlets: g.outlets.iter().map(|o| outlet_names[o].clone()).collect(),
            articles: g.articles.len(),
        };
        if n_outlets >= 2 && g.outlets.len() == n_outlets {
            if claims_all.len() < MAX_LIST {
                claims_all.push(shared);
            }
        } else if claims_some.len() < MAX_LIST {
            claims_some.push(shared);
        }
    }
    Perspectives {
        rated_outlets: rated.len(),
        outlets,
        lean_spread,
        blindspot,
        sides,
        claims_all,
        claims_some,
    }
}

/// A content word as a number (FNV-1a), for fast claim matching.
fn word_hash(w: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in w.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Whether two claims, given as their sorted, deduplicated content words, say the same thing
/// (see the module documentation).
pub fn claim_texts_match(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        let mut w: Vec<u64> = content_words(s).iter().map(|w| word_hash(w)).collect();
        w.sort_unstable();
        w.dedup();
        w
    };
    claims_match(&words(a), &words(b))
}

fn claims_match(a: &[u64], b: &[u64]) -> bool {
    let shared = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    let shorter = a.len().min(b.len());
    shorter > 0 && shared >= CLAIM_MIN_SHARED && shared as f64 >= CLAIM_MIN_OVERLAP * shorter as f64
}
