//! Finds name mentions in each sentence and types them. The statistical model ([`model`]) does
//! this when compiled in; the fallback rules take spans of capitalized words (with inner
//! connectors such as "of" in "Ministry of State Security"), trimmed of sentence-initial common
//! words, typed by the CoNLL-2003-derived name and word lists, organization / event / person cue
//! words, and titles before the name. Event names are recognized by their head word either way.

use super::{model, EntityType, MentionKind, MentionSpan};
use crate::lexicon::{is_stopword, known_names, word_class, word_types, ConllType};
use crate::text::{Doc, TokenKind};
use std::collections::HashSet;

/// Words inside a name that join capitalized words ("Bank of England", "Charles de Gaulle").
const CONNECTORS: &[&str] = &[
    "of", "for", "de", "del", "della", "da", "van", "von", "der", "den", "al", "bin", "la", "le",
    "du", "&",
];

/// Day names: capitalized, but not names of entities (also used by attribution's time phrases).
pub const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Last words that make a name an organization.
pub const ORG_HEADS: &[&str] = &[
    "ministry",
    "department",
    "agency",
    "inc",
    "corp",
    "corporation",
    "company",
    "co",
    "ltd",
    "llc",
    "plc",
    "university",
    "college",
    "council",
    "party",
    "bank",
    "commission",
    "committee",
    "court",
    "army",
    "navy",
    "police",
    "association",
    "institute",
    "foundation",
    "group",
    "times",
    "post",
    "news",
    "service",
    "services",
    "authority",
    "office",
    "bureau",
    "organization",
    "organisation",
    "union",
    "federation",
    "league",
    "club",
    "fund",
    "reserve",
    "board",
    "parliament",
    "congress",
    "senate",
    "assembly",
    "government",
    "administration",
    "forces",
    "force",
    "corps",
    "holdings",
    "airlines",
    "airways",
    "motors",
    "technologies",
    "labs",
    "systems",
    "press",
    "network",
    "ministries",
    "school",
    "hospital",
    "centre",
    "center",
    "society",
    "trust",
    "alliance",
    "coalition",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "telegraph",
    "guardian",
    "federal",
    "enterprises",
    "industries",
    "partners",
    "capital",
    "securities",
    "exchange",
    "nations",
];

/// First words that make a name an organization ("Ministry of …", "University of …").
const ORG_FIRST: &[&str] = &[
    "ministry",
    "department",
    "university",
    "bank",
    "institute",
    "council",
    "office",
    "bureau",
    "agency",
    "commission",
    "committee",
    "federation",
    "association",
    "house",
    "court",
];

/// Last words that make a name an event.
pub const EVENT_HEADS: &[&str] = &[
    "war",
    "wars",
    "summit",
    "election",
    "elections",
    "olympics",
    "games",
    "cup",
    "championship",
    "championships",
    "festival",
    "conference",
    "earthquake",
    "hurricane",
    "typhoon",
    "storm",
    "revolution",
    "crisis",
    "expo",
    "forum",
    "protests",
    "uprising",
    "massacre",
    "attacks",
    "marathon",
    "open",
    "series",
    "tournament",
    "grand prix",
    "referendum",
    "pandemic",
    "spring",
    "accords",
    "accord",
    "treaty",
    "congress",
    "convention",
    "awards",
    "oscars",
    "derby",
];

/// Titles that announce a person's name.
pub const PERSON_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "president",
    "minister",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "judge",
    "justice",
    "general",
    "gen",
    "chief",
    "ceo",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "sir",
    "lady",
    "lord",
    "mayor",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "premier",
    "leader",
    "chairman",
    "chairwoman",
    "director",
    "coach",
    "captain",
    "capt",
    "col",
    "lt",
    "sgt",
    "officer",
    "ambassador",
    "envoy",
    "commissioner",
    "dame",
    "rev",
    "bishop",
    "cardinal",
    "rabbi",
    "imam",
    "sheikh",
    "emperor",
    "chair",
    "founder",
    "author",
    "analyst",
    "economist",
    "professor",
];

/// Titles that belong to the name they precede ("King Hassan", "Pope John Paul").
const ROYAL_STYLES: &[&str] = &["king", "queen", "prince", "princess", "pope", "emperor"];

/// Finds and types the name mentions of a document: with the compiled-in statistical model
/// when it is present, else with the capitalization rules below.
pub fn tag(doc: &Doc) -> Vec<MentionSpan> {
    match model::compiled_model() {
        Some(weights) => tag_with_model(doc, weights),
        None => tag_with_rules(doc),
    }
}

/// The statistical tagger's spans, with events recognized by their head word ("Summit", "War",
/// "2026 World Cup"), titles taken off people's names and acronyms marked for alias linking.
fn tag_with_model(doc: &Doc, weights: &model::QuantizedModel) -> Vec<MentionSpan> {
    let view = model::TokenView::new(doc);
    let tags = model::tag_document(weights, &view, doc);
    let mut out = Vec::new();
    for (s_index, s) in doc.sentences.iter().enumerate() {
        for (range, kind) in model::spans(&tags[s.tokens.clone()], s.tokens.start) {
            // An office or honorific is not part of a person's name ("Mayor Anna Kowalczyk",
            // "Dr. Ben Jiang"), as in CoNLL; a royal style is ("King Hassan", "Prince Charles").
            let title = doc.tokens[range.start].lower.trim_end_matches('.');
            let titled = kind == 0
                && range.len() > 1
                && PERSON_TITLES.contains(&title)
                && !ROYAL_STYLES.contains(&title);
            let first = range.start + usize::from(titled);
            let start = extend_with_year(doc, first, range.end, s.tokens.start);
            // A possessive ending is never part of the name ("In Tom Baker's words").
            let mut end = range.end;
            while end > start + 1
                && matches!(doc.tokens[end - 1].lower.as_str(), "'s" | "’s" | "'" | "’")
            {
                end -= 1;
            }
            // "I’m", "I've", "It'll": a pronoun with a contracted verb names nothing (the
            // model tagged these in some first-person blog posts), and it never opens a name
            // ("I’m Batman" names Batman).
            let start = if is_pronoun_contraction(&doc.tokens[start].lower) {
                start + 1
            } else {
                start
            };
            if start >= end {
                continue;
            }
            let text = &doc.text[doc.tokens[start].start..doc.tokens[end - 1].end];
            let last = doc.tokens[end - 1].lower.as_str();
            let entity_type = if EVENT_HEADS.contains(&last) && end - start > 1 && kind != 0 {
                EntityType::Event
            } else {
                match kind {
                    0 => EntityType::Person,
                    1 => EntityType::Organization,
                    2 => EntityType::Location,
                    _ => EntityType::Misc,
                }
            };
            let acronym =
                end - start == 1 && doc.tokens[start].all_caps && text.chars().count() <= 6;
            out.push(MentionSpan {
                tokens: start..end,
                bytes: doc.tokens[start].start..doc.tokens[end - 1].end,
                entity_type,
                sentence: s_index,
                kind: if acronym {
                    MentionKind::Acronym
                } else {
                    MentionKind::Name
                },
            });
        }
    }
    out
}

/// Whether a lowercased token is a pronoun with a contracted verb ("i'm", "it'll"; the
/// tokenizer's lowercase form writes ’ as ').
fn is_pronoun_contraction(lower: &str) -> bool {
    lower.contains('\'')
        && matches!(
            lower.split('\'').next().unwrap_or(""),
            "i" | "we" | "you" | "they" | "he" | "she" | "it" | "that" | "there" | "let"
        )
}

/// The rule tagger (used when no model is compiled in).
fn tag_with_rules(doc: &Doc) -> Vec<MentionSpan> {
    let lowercase_words: HashSet<&str> = doc
        .tokens
        .iter()
        .filter(|t| t.is_word() && !t.capitalized)
        .map(|t| t.lower.as_str())
        .collect();
    let mut out = Vec::new();
    for (s_index, sentence) in doc.sentences.iter().enumerate() {
        let range = sentence.tokens.clone();
        let words: Vec<usize> = range.clone().filter(|&i| doc.tokens[i].is_word()).collect();
        let caps = words.iter().filter(|&&i| doc.tokens[i].all_caps).count();
        let shouting = words.len() >= 4 && caps * 10 > words.len() * 6;
        let first_word = words.first().copied();
        let mut i = range.start;
        while i < range.end {
            if !is_name_token(doc, i, shouting) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            loop {
                if j < range.end && is_name_token(doc, j, shouting) && glued_or_spaced(doc, j) {
                    j += 1;
                } else if j + 1 < range.end
                    && is_connector(doc, j)
                    && is_name_token(doc, j + 1, shouting)
                {
                    j += 2;
                } else {
                    break;
                }
            }
            let end = j;
            let mut start = i;
            // Drop capitalized common words at the start (sentence-initial "The", "While", …).
            while start < end && is_common_capital(doc, start, first_word, &lowercase_words) {
                start += 1;
                while start < end && is_connector(doc, start) {
                    start += 1;
                }
            }
            if start < end {
                let start = extend_with_year(doc, start, end, range.start);
                for (a, b) in split_person_of_org(doc, start, end) {
                    if let Some(m) = classify(doc, a, b, s_index) {
                        out.push(m);
                    }
                }
            }
            i = end;
        }
    }
    out
}

/// "Lena Vogt of Northport University" is a person and an organization, not one name: split at
/// "of"/"for"/"at" when the part after it ends like an organization and the part before does not
/// start like one ("Bank of England" stays whole).
fn split_person_of_org(doc: &Doc, start: usize, end: usize) -> Vec<(usize, usize)> {
    for c in start + 1..end.saturating_sub(1) {
        if !matches!(doc.tokens[c].lower.as_str(), "of" | "for") {
            continue;
        }
        let left_first = doc.tokens[start].lower.as_str();
        let left_last = doc.tokens[c - 1].lower.as_str();
        let right_last = doc.tokens[end - 1].lower.as_str();
        let right_is_org = ORG_HEADS.contains(&right_last)
            || ORG_FIRST.contains(&doc.tokens[c + 1].lower.as_str());
        let left_is_org = ORG_FIRST.contains(&left_first) || ORG_HEADS.contains(&left_last);
        let left_is_person = c - start >= 2
            && word_types()
                .get(doc.token_text(start))
                .is_some_and(|w| w[0] > w[1] + w[2] + w[3]);
        if right_is_org && !left_is_org && (left_is_person || c - start == 2) {
            return vec![(start, c), (c + 1, end)];
        }
    }
    vec![(start, end)]
}

fn glued_or_spaced(doc: &Doc, j: usize) -> bool {
    // Names do not run across a line break.
    !doc.text[doc.tokens[j - 1].end..doc.tokens[j].start].contains('\n')
}

fn is_name_token(doc: &Doc, i: usize, shouting: bool) -> bool {
    let t = &doc.tokens[i];
    if t.kind != TokenKind::Word || !t.capitalized {
        return false;
    }
    let text = doc.token_text(i);
    if text == "I" || (WEEKDAYS.contains(&t.lower.as_str()) || MONTHS.contains(&t.lower.as_str())) {
        return false;
    }
    if shouting {
        // In an all-caps headline only known names count.
        return known_names().contains_key(text) || word_types().contains_key(text);
    }
    true
}

fn is_connector(doc: &Doc, i: usize) -> bool {
    let t = &doc.tokens[i];
    CONNECTORS.contains(&t.lower.as_str())
        || (doc.token_text(i) == "-"
            && i > 0
            && doc.tokens[i - 1].end == t.start
            && doc.tokens.get(i + 1).is_some_and(|n| n.start == t.end))
}

/// A capitalized word that is capitalized only by position or by style, not because it names.
fn is_common_capital(
    doc: &Doc,
    i: usize,
    first_word: Option<usize>,
    lowercase: &HashSet<&str>,
) -> bool {
    let t = &doc.tokens[i];
    let text = doc.token_text(i);
    if t.all_caps {
        return false; // acronyms ("WHO", "US") name things even when they spell a word
    }
    if is_stopword(&t.lower) && known_names().get(text).is_none_or(|k| k.count < 3) {
        return true;
    }
    if PERSON_TITLES.contains(&t.lower.trim_end_matches('.')) && i + 1 < doc.tokens.len() {
        return true; // the title is not part of the name
    }
    let sentence_initial = Some(i) == first_word || after_opening_punct(doc, i);
    if !sentence_initial {
        return false;
    }
    if known_names().get(text).is_some_and(|k| k.count >= 2) {
        return false;
    }
    if let Some(c) = word_types().get(text) {
        let entity: u32 = c[..4].iter().sum();
        if entity > c[4] {
            return false;
        }
        return true;
    }
    lowercase.contains(t.lower.as_str()) || word_class(&t.lower).is_some()
}

fn after_opening_punct(doc: &Doc, i: usize) -> bool {
    i > 0
        && matches!(
            doc.token_text(i - 1),
            "\"" | "“" | "‘" | "(" | ":" | "—" | "-" | "'"
        )
}

/// "the 2026 World Cup": a year right before an event name belongs to it.
fn extend_with_year(doc: &Doc, start: usize, end: usize, sentence_start: usize) -> usize {
    if start == sentence_start || start == 0 {
        return start;
    }
    let prev = &doc.tokens[start - 1];
    let year = doc.token_text(start - 1);
    let is_year = prev.kind == TokenKind::Number
        && year.len() == 4
        && year
            .parse::<u32>()
            .is_ok_and(|y| (1800..=2200).contains(&y));
    let last = doc.tokens[end - 1].lower.as_str();
    if is_year && EVENT_HEADS.contains(&last) {
        start - 1
    } else {
        start
    }
}

fn conll_to_type(k: ConllType) -> EntityType {
    match k {
        ConllType::Per => EntityType::Person,
        ConllType::Org => EntityType::Organization,
        ConllType::Loc => EntityType::Location,
        ConllType::Misc => EntityType::Misc,
    }
}

fn classify(doc: &Doc, start: usize, end: usize, sentence: usize) -> Option<MentionSpan> {
    let bytes = doc.tokens[start].start..doc.tokens[end - 1].end;
    let text = &doc.text[bytes.clone()];
    let len = end - start;
    let acronym = len == 1 && doc.tokens[start].all_caps && text.chars().count() <= 6;
    let kind = if acronym {
        MentionKind::Acronym
    } else {
        MentionKind::Name
    };
    let last = doc.tokens[end - 1].lower.as_str();
    let first = doc.tokens[start].lower.as_str();
    let title_before =
        start > 0 && PERSON_TITLES.contains(&doc.tokens[start - 1].lower.trim_end_matches('.'));

    let entity_type = if let Some(k) = known_names().get(text).filter(|k| k.count >= 2 || len > 1) {
        conll_to_type(k.kind)
    } else if EVENT_HEADS.contains(&last) && len > 1 {
        EntityType::Event
    } else if ORG_HEADS.contains(&last) || (ORG_FIRST.contains(&first) && len > 1) {
        EntityType::Organization
    } else if title_before {
        EntityType::Person
    } else if let Some(t) = vote_by_words(doc, start, end) {
        t
    } else if acronym {
        EntityType::Organization
    } else if (2..=3).contains(&len) {
        EntityType::Person
    } else {
        EntityType::Misc
    };
    Some(MentionSpan {
        tokens: start..end,
        bytes,
        entity_type,
        sentence,
        kind,
    })
}

/// Types a span by how its words were tagged in training text (the last word counts double).
fn vote_by_words(doc: &Doc, start: usize, end: usize) -> Option<EntityType> {
    let mut totals = [0f64; 5];
    let mut seen = false;
    for i in start..end {
        if let Some(c) = word_types().get(doc.token_text(i)) {
            seen = true;
            let w = if i + 1 == end { 2.0 } else { 1.0 };
            for k in 0..5 {
                totals[k] += w * c[k] as f64;
            }
        }
    }
    if !seen {
        return None;
    }
    let (best, value) = totals[..4]
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))?;
    if *value <= 0.0 {
        return None;
    }
    Some(match best {
        0 => EntityType::Person,
        1 => EntityType::Organization,
        2 => EntityType::Location,
        _ => EntityType::Misc,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{Block, BlockKind};

    fn tagged(text: &str) -> Vec<(String, EntityType)> {
        let doc = Doc::new(&[Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
        }]);
        tag_with_rules(&doc)
            .into_iter()
            .map(|m| (doc.text[m.bytes].to_string(), m.entity_type))
            .collect()
    }

    #[test]
    fn pronoun_contractions_are_not_names() {
        for w in ["i'm", "i've", "it'll", "we're", "they'd", "let's"] {
            assert!(is_pronoun_contraction(w), "{w}");
        }
        for w in ["o'neill", "d'angelo", "i", "it", "baker's"] {
            assert!(!is_pronoun_contraction(w), "{w}");
        }
        // The tokenizer writes a curly apostrophe as a straight one in the lowercase form.
        let doc = Doc::new(&[Block {
            kind: BlockKind::Paragraph,
            text: "I’m sure.".into(),
        }]);
        assert!(is_pronoun_contraction(&doc.tokens[0].lower));
    }

    #[test]
    fn the_model_leaves_possessive_endings_out_of_names() {
        for text in [
            "In Tom Baker's words, the tax is a disgrace.",
            "In Tom Baker’s words, the tax is a disgrace.",
        ] {
            let doc = Doc::new(&[Block {
                kind: BlockKind::Paragraph,
                text: text.into(),
            }]);
            for m in tag(&doc) {
                let name = &doc.text[m.bytes];
                assert!(
                    !name.ends_with("'s") && !name.ends_with("’s"),
                    "{name:?} in {text}"
                );
            }
        }
    }

    #[test]
    fn finds_multiword_names_with_connectors() {
        let t = tagged("On Monday, the Ministry of State Security (MSS) warned users in China.");
        assert!(
            t.contains(&(
                "Ministry of State Security".into(),
                EntityType::Organization
            )),
            "{t:?}"
        );
        assert!(
            t.contains(&("MSS".into(), EntityType::Organization)),
            "{t:?}"
        );
        assert!(t.contains(&("China".into(), EntityType::Location)), "{t:?}");
        assert!(!t.iter().any(|(s, _)| s == "Monday" || s == "On"), "{t:?}");
    }

    #[test]
    fn titles_mark_people_and_are_not_part_of_the_name() {
        let t = tagged("Yesterday President Anna Kowalczyk met Dr. Ben Jiang.");
        assert!(
            t.contains(&("Anna Kowalczyk".into(), EntityType::Person)),
            "{t:?}"
        );
        assert!(
            t.contains(&("Ben Jiang".into(), EntityType::Person)),
            "{t:?}"
        );
    }

    #[test]
    fn sentence_initial_common_words_are_dropped() {
        let t = tagged("While prices rose, The company said little.");
        assert!(t.is_empty(), "{t:?}");
    }

    #[test]
    fn events_take_their_year() {
        let t = tagged("Fans gathered before the 2026 World Cup in Mexico.");
        assert!(
            t.contains(&("2026 World Cup".into(), EntityType::Event)),
            "{t:?}"
        );
    }
}
