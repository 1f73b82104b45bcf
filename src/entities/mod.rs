//! Named entities: people, organizations, places, events and other names. [`tagger`] finds and
//! types mentions, [`linking`] groups them into entities with aliases; this module owns the types
//! and turns them into the brief's entity list with salience.

pub mod clusters;
pub mod gazetteer;
mod linking;
pub mod model;
mod tagger;
pub mod train;

use crate::brief::{round3, Entity, Mention};
use crate::text::Doc;
use std::ops::Range;

pub use tagger::{PERSON_TITLES, WEEKDAYS};

/// The type of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    Person = 0,
    Organization = 1,
    Location = 2,
    Event = 3,
    Misc = 4,
}

impl EntityType {
    pub const ALL: [EntityType; 5] = [
        EntityType::Person,
        EntityType::Organization,
        EntityType::Location,
        EntityType::Event,
        EntityType::Misc,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Location => "location",
            EntityType::Event => "event",
            EntityType::Misc => "misc",
        }
    }
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionKind {
    /// A proper name ("Ministry of State Security", "Jiang").
    Name,
    /// An all-caps short form ("MSS").
    Acronym,
    /// A definite description ("the ministry").
    Description,
}

impl MentionKind {
    /// The brief's name for it (`entities[].mentions[].kind`).
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Name => "name",
            MentionKind::Acronym => "acronym",
            MentionKind::Description => "description",
        }
    }
}

/// One mention: token and byte ranges in the document, with its type.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionSpan {
    pub tokens: Range<usize>,
    pub bytes: Range<usize>,
    pub entity_type: EntityType,
    pub sentence: usize,
    pub kind: MentionKind,
}

/// One entity: its mentions (indices into `Entities::mentions`).
#[derive(Debug, Clone, PartialEq)]
pub struct EntityGroup {
    pub name: String,
    pub entity_type: EntityType,
    pub mentions: Vec<usize>,
    pub aliases: Vec<String>,
}

/// All entities of a document.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    /// Mentions in document order.
    pub mentions: Vec<MentionSpan>,
    /// For each mention, the index of its entity in `groups`.
    pub entity_of: Vec<usize>,
    pub groups: Vec<EntityGroup>,
}

impl Entities {
    /// The entity with a mention that ends at token `end` (exclusive), if any, with the mention.
    pub fn ending_at(&self, end: usize) -> Option<(usize, &MentionSpan)> {
        self.mentions
            .iter()
            .enumerate()
            .find(|(_, m)| m.tokens.end == end)
            .map(|(k, m)| (self.entity_of[k], m))
    }

    /// The entity with a mention that starts at token `start`, if any, with the mention.
    pub fn starting_at(&self, start: usize) -> Option<(usize, &MentionSpan)> {
        self.mentions
            .iter()
            .enumerate()
            .find(|(_, m)| m.tokens.start == start)
            .map(|(k, m)| (self.entity_of[k], m))
    }

    /// Entity ids (`E1`…) in first-mention order.
    pub fn id_of(&self, group: usize) -> String {
        format!("E{}", group + 1)
    }

    /// Mentions inside a token range.
    pub fn in_tokens(&self, range: Range<usize>) -> impl Iterator<Item = (usize, &MentionSpan)> {
        self.mentions
            .iter()
            .enumerate()
            .filter(move |(_, m)| m.tokens.start >= range.start && m.tokens.end <= range.end)
            .map(|(k, m)| (self.entity_of[k], m))
    }
}

/// Finds, types and links the entities of a document.
pub fn analyze(doc: &Doc) -> Entities {
    let mut mentions = tagger::tag(doc);
    let (groups, entity_of) = linking::link(doc, &mut mentions);
    Entities {
        mentions,
        entity_of,
        groups,
    }
}

/// The brief's entity list, most salient first. Salience (0…1) combines mention share, how early
/// the entity appears, presence in the title or lead paragraph, and being a quoted speaker.
pub fn to_brief(
    doc: &Doc,
    entities: &Entities,
    title: Option<&str>,
    speakers: &[usize],
) -> Vec<Entity> {
    let total_mentions = entities.mentions.len().max(1) as f64;
    let max_count = entities
        .groups
        .iter()
        .map(|g| g.mentions.len())
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let text_len = doc.text.len().max(1) as f64;
    let lead_end = doc.paragraphs.first().map_or(0, |p| p.bytes.end);
    let title_lower = title.unwrap_or("").to_lowercase();
    let mut out: Vec<Entity> = entities
        .groups
        .iter()
        .enumerate()
        .map(|(g_index, g)| {
            let mut mentions: Vec<&MentionSpan> =
                g.mentions.iter().map(|&k| &entities.mentions[k]).collect();
            mentions.sort_by_key(|m| m.bytes.start);
            let first = mentions.first().map_or(0, |m| m.bytes.start) as f64;
            let count = mentions.len() as f64;
            let in_title = !title_lower.is_empty()
                && std::iter::once(&g.name)
                    .chain(g.aliases.iter())
                    .any(|n| n.len() > 2 && title_lower.contains(&n.to_lowercase()));
            let in_lead = mentions.iter().any(|m| m.bytes.start < lead_end);
            let speaker = speakers.contains(&g_index);
            let salience = 0.35 * (count / max_count)
                + 0.15 * (count / total_mentions).min(1.0)
                + 0.2 * (1.0 - first / text_len)
                + 0.1 * f64::from(u8::from(in_title))
                + 0.1 * f64::from(u8::from(in_lead))
                + 0.1 * f64::from(u8::from(speaker));
            Entity {
                id: entities.id_of(g_index),
                name: g.name.clone(),
                entity_type: g.entity_type.as_str().to_string(),
                aliases: g.aliases.clone(),
                mentions: mentions
                    .iter()
                    .map(|m| Mention {
                        start: doc.utf16(m.bytes.start),
                        end: doc.utf16(m.bytes.end),
                        kind: m.kind.as_str().to_string(),
                    })
                    .collect(),
                count: mentions.len(),
                salience: round3(salience.min(1.0)),
            }
        })
        .collect();
    out.sort_by(|a, b| {
        b.salience
            .total_cmp(&a.salience)
            .then(b.count.cmp(&a.count))
            .then(a.id.len().cmp(&b.id.len()))
            .then(a.id.cmp(&b.id))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Block, BlockKind};

    fn doc(text: &str) -> Doc {
        Doc::new(&[Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
        }])
    }

    fn group_named<'a>(e: &'a Entities, name: &str) -> &'a EntityGroup {
        e.groups
            .iter()
            .find(|g| g.name == name)
            .unwrap_or_else(|| panic!("no entity {name}: {:?}", e.groups))
    }

    #[test]
    fn acronym_in_parentheses_and_description_link_to_the_expansion() {
        let d = doc(
            "The Ministry of State Security (MSS) issued a notice. The MSS said risks exist. \
                     Later the ministry said more.",
        );
        let e = analyze(&d);
        let g = group_named(&e, "Ministry of State Security");
        assert_eq!(g.entity_type, EntityType::Organization);
        assert_eq!(g.mentions.len(), 4, "{g:?}");
        assert!(g.aliases.contains(&"MSS".to_string()));
        assert!(g.aliases.contains(&"the ministry".to_string()));
    }

    #[test]
    fn surname_links_to_full_name() {
        let d = doc("The story was written by Ben Jiang. Jiang said it took a week.");
        let e = analyze(&d);
        let g = group_named(&e, "Ben Jiang");
        assert_eq!(g.entity_type, EntityType::Person);
        assert_eq!(g.aliases, ["Jiang"]);
    }

    #[test]
    fn acronym_by_initials_without_parentheses() {
        let d =
            doc("The World Health Organization met on Friday. Officials at WHO said cases fell.");
        let e = analyze(&d);
        let g = group_named(&e, "World Health Organization");
        assert!(g.aliases.contains(&"WHO".to_string()), "{g:?}");
    }

    #[test]
    fn salience_prefers_frequent_early_speakers() {
        let d =
            doc("Acme Corp said profits rose. Acme Corp expects more. A supplier in Ohio agreed.");
        let e = analyze(&d);
        let list = to_brief(&d, &e, Some("Acme profits rise"), &[0]);
        assert_eq!(list[0].name, "Acme Corp");
        assert!(list.iter().all(|x| (0.0..=1.0).contains(&x.salience)));
    }
}
