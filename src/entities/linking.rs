//! Groups mentions into entities inside one document: the same name in another case or with a
//! possessive, an acronym and its expansion ("Ministry of State Security (MSS)", later "MSS"),
//! a surname and the full name ("Ben Jiang" … "Jiang"), and a definite description and the
//! entity it names ("the ministry" → Ministry of State Security). The canonical name is the
//! fullest form.

use super::tagger::ORG_HEADS;
use super::{EntityGroup, EntityType, MentionKind, MentionSpan};
use crate::text::Doc;

/// Nouns that, after "the", refer back to an organization named earlier.
const DESCRIPTION_HEADS: &[&str] = &[
    "ministry",
    "department",
    "agency",
    "company",
    "firm",
    "bank",
    "university",
    "council",
    "court",
    "party",
    "government",
    "commission",
    "committee",
    "authority",
    "bureau",
    "army",
    "police",
    "group",
    "union",
    "organisation",
    "organization",
    "club",
    "airline",
    "watchdog",
    "regulator",
    "carrier",
    "institute",
    "foundation",
    "association",
    "board",
    "office",
    "startup",
    "retailer",
];

/// Links mentions into entities. Returns the groups and, for each mention, its group index.
pub fn link(doc: &Doc, mentions: &mut Vec<MentionSpan>) -> (Vec<EntityGroup>, Vec<usize>) {
    add_descriptions(doc, mentions);
    add_untagged_acronyms(doc, mentions);
    mentions.sort_by_key(|m| m.tokens.start);
    let mut groups: Vec<EntityGroup> = Vec::new();
    let mut of_mention: Vec<usize> = Vec::with_capacity(mentions.len());
    for k in 0..mentions.len() {
        let m = &mentions[k];
        let text = doc.text[m.bytes.clone()].to_string();
        let target = match m.kind {
            MentionKind::Description => resolve_description(doc, m, mentions, &of_mention, &groups),
            _ => find_group(doc, k, mentions, &of_mention, &groups, &text),
        };
        match target {
            Some(g) => {
                groups[g].mentions.push(k);
                of_mention.push(g);
            }
            None if m.kind == MentionKind::Description => {
                of_mention.push(usize::MAX); // unresolved: dropped below
            }
            None => {
                groups.push(EntityGroup {
                    name: text,
                    entity_type: m.entity_type,
                    mentions: vec![k],
                    aliases: Vec::new(),
                });
                of_mention.push(groups.len() - 1);
            }
        }
    }
    // Drop unresolved descriptions.
    let mut keep_index = Vec::with_capacity(mentions.len());
    let mut kept = Vec::new();
    let mut kept_of = Vec::new();
    for (k, m) in mentions.drain(..).enumerate() {
        if of_mention[k] == usize::MAX {
            keep_index.push(usize::MAX);
        } else {
            keep_index.push(kept.len());
            kept_of.push(of_mention[k]);
            kept.push(m);
        }
    }
    *mentions = kept;
    for g in &mut groups {
        for m in &mut g.mentions {
            *m = keep_index[*m];
        }
    }
    finish_groups(doc, mentions, &mut groups);
    (groups, kept_of)
}

/// Adds "the ministry"-style descriptions as candidate mentions.
fn add_descriptions(doc: &Doc, mentions: &mut Vec<MentionSpan>) {
    for (s_index, s) in doc.sentences.iter().enumerate() {
        for i in s.tokens.start..s.tokens.end.saturating_sub(1) {
            if doc.tokens[i].lower != "the" {
                continue;
            }
            let head = &doc.tokens[i + 1];
            if head.capitalized || !DESCRIPTION_HEADS.contains(&head.lower.as_str()) {
                continue;
            }
            // "the ministry's" is fine; "the ministry of X" is a name of its own, not a reference.
            if doc.tokens.get(i + 2).is_some_and(|t| t.lower == "of") {
                continue;
            }
            mentions.push(MentionSpan {
                tokens: i..i + 2,
                bytes: doc.tokens[i].start..head.end,
                entity_type: EntityType::Organization,
                sentence: s_index,
                kind: MentionKind::Description,
            });
        }
    }
}

/// An all-caps word the tagger left out ("WHO") that spells the initials of a name mentioned
/// before it ("World Health Organization") becomes a mention, so linking can join them.
fn add_untagged_acronyms(doc: &Doc, mentions: &mut Vec<MentionSpan>) {
    let named: Vec<(usize, String, EntityType)> = mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Name && m.tokens.len() > 1)
        .map(|m| {
            (
                m.tokens.start,
                initials(&doc.text[m.bytes.clone()]),
                m.entity_type,
            )
        })
        .collect();
    let covered = |i: usize, ms: &[MentionSpan]| ms.iter().any(|m| m.tokens.contains(&i));
    for (s_index, s) in doc.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            let t = &doc.tokens[i];
            let text = doc.token_text(i);
            if !t.all_caps || !(2..=6).contains(&text.chars().count()) || covered(i, mentions) {
                continue;
            }
            if let Some((_, _, kind)) = named
                .iter()
                .rev()
                .find(|(start, ini, _)| *start < i && ini == text)
            {
                mentions.push(MentionSpan {
                    tokens: i..i + 1,
                    bytes: t.start..t.end,
                    entity_type: *kind,
                    sentence: s_index,
                    kind: MentionKind::Acronym,
                });
            }
        }
    }
}

fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect()
}

fn words_lower(name: &str) -> Vec<String> {
    name.split_whitespace().map(str::to_lowercase).collect()
}

fn find_group(
    doc: &Doc,
    k: usize,
    mentions: &[MentionSpan],
    of_mention: &[usize],
    groups: &[EntityGroup],
    text: &str,
) -> Option<usize> {
    let m = &mentions[k];
    let lower = text.to_lowercase();
    // Same text (any case) as a group's name or an earlier mention.
    for (g_index, g) in groups.iter().enumerate().rev() {
        if g.name.to_lowercase() == lower
            || g.mentions
                .iter()
                .any(|&mk| doc.text[mentions[mk].bytes.clone()].to_lowercase() == lower)
        {
            return Some(g_index);
        }
    }
    if m.kind == MentionKind::Acronym {
        // "Name (ACR)": the mention right before the parenthesis.
        if m.tokens.start >= 2 && doc.token_text(m.tokens.start - 1) == "(" {
            if let Some(prev) = (0..k)
                .rev()
                .find(|&p| mentions[p].tokens.end == m.tokens.start - 1)
            {
                if mentions[prev].kind != MentionKind::Description {
                    return Some(of_mention[prev]);
                }
            }
        }
        // Initials of an earlier multi-word name.
        if let Some(g) = groups
            .iter()
            .rposition(|g| g.name.split_whitespace().count() > 1 && initials(&g.name) == text)
        {
            return Some(g);
        }
        return None;
    }
    let words = words_lower(text);
    if words.len() == 1 && m.entity_type != EntityType::Location {
        // A surname (or first name) of an earlier person.
        if let Some(g) = groups.iter().rposition(|g| {
            g.entity_type == EntityType::Person && {
                let gw = words_lower(&g.name);
                gw.len() > 1 && (gw.last() == words.last() || gw.first() == words.first())
            }
        }) {
            return Some(g);
        }
    }
    if words.len() > 1 && m.entity_type == EntityType::Person {
        // A full name after its surname was seen alone: "Jiang" … "Ben Jiang".
        if let Some(g) = groups.iter().rposition(|g| {
            g.entity_type == EntityType::Person && {
                let gw = words_lower(&g.name);
                gw.len() == 1 && words.last() == gw.last()
            }
        }) {
            return Some(g);
        }
    }
    None
}

/// The most recent organization whose name contains the description's head noun ("the
/// ministry" → "Ministry of State Security"); generic heads ("the company") take the most recent
/// organization.
fn resolve_description(
    doc: &Doc,
    m: &MentionSpan,
    mentions: &[MentionSpan],
    of_mention: &[usize],
    groups: &[EntityGroup],
) -> Option<usize> {
    let head = doc.tokens[m.tokens.end - 1].lower.as_str();
    let generic = matches!(
        head,
        "company" | "firm" | "group" | "startup" | "retailer" | "carrier"
    );
    let mut best: Option<usize> = None;
    for (k, prev) in mentions.iter().enumerate() {
        if prev.tokens.start >= m.tokens.start || prev.kind == MentionKind::Description {
            continue;
        }
        let Some(&g) = of_mention.get(k) else {
            continue;
        };
        if g == usize::MAX || groups[g].entity_type != EntityType::Organization {
            continue;
        }
        let name_words = words_lower(&groups[g].name);
        let matches = name_words.iter().any(|w| w == head)
            || (generic && name_words.iter().any(|w| ORG_HEADS.contains(&w.as_str())))
            || (generic && head == "company");
        if matches {
            best = Some(g);
        }
    }
    best
}

/// Canonical name (the fullest name form), aliases and type by vote.
fn finish_groups(doc: &Doc, mentions: &[MentionSpan], groups: &mut [EntityGroup]) {
    for g in groups.iter_mut() {
        let mut forms: Vec<(MentionKind, String)> = g
            .mentions
            .iter()
            .map(|&k| {
                (
                    mentions[k].kind,
                    doc.text[mentions[k].bytes.clone()].to_string(),
                )
            })
            .collect();
        let canonical = forms
            .iter()
            .filter(|(kind, _)| *kind == MentionKind::Name)
            .max_by(|a, b| {
                a.1.split_whitespace()
                    .count()
                    .cmp(&b.1.split_whitespace().count())
                    .then(a.1.len().cmp(&b.1.len()))
                    .then(b.1.cmp(&a.1))
            })
            .or_else(|| forms.first())
            .map(|(_, s)| s.clone())
            .unwrap_or_default();
        // One alias per spelling, ignoring case ("The union" and "the union"); the lowercase
        // form is kept when both occur.
        forms.sort_by(|a, b| {
            a.1.to_lowercase()
                .cmp(&b.1.to_lowercase())
                .then(b.1.cmp(&a.1))
        });
        forms.dedup_by(|a, b| a.1.to_lowercase() == b.1.to_lowercase());
        g.aliases = forms
            .into_iter()
            .map(|(_, s)| s)
            .filter(|s| s.to_lowercase() != canonical.to_lowercase())
            .collect();
        g.name = canonical;
        let mut votes = [0f64; 5];
        for &k in &g.mentions {
            let m = &mentions[k];
            let w = match m.kind {
                MentionKind::Name => (m.tokens.len() as f64).min(3.0),
                MentionKind::Acronym => 0.5,
                MentionKind::Description => 0.0,
            };
            votes[m.entity_type as usize] += w;
        }
        if let Some((best, v)) = votes
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
        {
            if *v > 0.0 {
                g.entity_type = EntityType::ALL[best];
            }
        }
    }
}
