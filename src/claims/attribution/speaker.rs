//! The speaker around a reporting cue: the noun phrase before it ("White House press secretary
//! Josh Earnest said") or after it ("said Josh Earnest", "according to a person familiar with
//! the matter"), its description and appositives, coordinated speakers, pronouns resolved to the
//! latest person or organization, and whether the source is anonymous.

use super::cues::*;
use super::lexicon::*;
use super::Found;
use crate::entities::{Entities, EntityType, PERSON_TITLES, WEEKDAYS};
use crate::lexicon::{any_word_class, is_stopword, word_class, WordClass};
use crate::text::{Doc, TokenKind};
use std::ops::Range;

/// The opening comma of a comma-set party-and-state label that ends at `j` (", D-Mass.,",
/// ", R-S.C.,", ", I-Vt.,"), or None.
pub(super) fn party_label_start(doc: &Doc, start: usize, j: usize) -> Option<usize> {
    if j < start + 4 || doc.token_text(j - 1) != "," {
        return None;
    }
    let open = (j.saturating_sub(8).max(start)..j - 1)
        .rev()
        .find(|&k| doc.token_text(k) == ",")?;
    let label: String = (open + 1..j - 1).map(|k| doc.token_text(k)).collect();
    let (party, state) = label.split_once('-')?;
    let ok = matches!(party, "D" | "R" | "I")
        && state.starts_with(char::is_uppercase)
        && state.len() <= 6
        && state.chars().all(|c| c.is_alphabetic() || c == '.');
    ok.then_some(open)
}

/// Where a setting phrase ending right before `end` begins: a preposition, an optional
/// determiner or a word or two, and a head from SETTING_HEADS.
pub(super) fn setting_phrase_start(doc: &Doc, start: usize, end: usize) -> Option<usize> {
    if end <= start + 2 || !SETTING_HEADS.contains(&doc.tokens[end - 1].lower.as_str()) {
        return None;
    }
    (end.saturating_sub(5).max(start + 1)..end - 1)
        .rev()
        .take_while(|&k| {
            let t = &doc.tokens[k];
            t.is_wordlike() && !matches!(t.lower.as_str(), "said" | "says" | "that" | "who")
        })
        .find(|&k| {
            matches!(
                doc.tokens[k].lower.as_str(),
                "at" | "in" | "on" | "during" | "over" | "via"
            )
        })
}

/// The speaker before ", <appositive>," or ", who" right before the verb.
pub(super) fn speaker_before_appositive(
    doc: &Doc,
    entities: &Entities,
    start: usize,
    verb: usize,
    cue: &str,
) -> Option<Found> {
    let j = skip_between(doc, start, verb);
    // "critics that say …": "that" after a group of people is a relative "who" ("a report
    // that said" is left to the other rules: the report, not its critic, says it).
    let that_relative = j >= start + 2
        && doc.tokens[j - 1].lower == "that"
        && ANONYMOUS_HEADS.contains(&doc.tokens[j - 2].lower.as_str());
    // "The group, which repeatedly called Weldon a “racist,” …": "which" after an
    // organization, or after a body of people named by a determiner and a source noun opening
    // the clause.
    if j >= start + 3 && doc.tokens[j - 1].lower == "which" && doc.token_text(j - 2) == "," {
        if let Some((g, m)) = entities.ending_at(j - 2) {
            if entities.groups[g].entity_type == EntityType::Organization {
                return Some(found_entity(doc, entities, g, m.bytes.clone(), cue));
            }
        }
        let head = j - 3;
        if head == start + 1
            && matches!(
                doc.tokens[start].lower.as_str(),
                "the" | "a" | "an" | "this"
            )
            && !doc.tokens[head].capitalized
            && SOURCE_NOUNS.contains(&doc.tokens[head].lower.as_str())
        {
            return noun_phrase(doc, entities, start, head + 1, cue);
        }
        return None;
    }
    if j > start && (doc.tokens[j - 1].lower == "who" || that_relative) {
        // "…, who said": the name before the comma.
        let mut k = j - 1;
        if k > start && doc.token_text(k - 1) == "," {
            k -= 1;
        }
        // The antecedent is the last noun phrase: "a letter from an unnamed woman who accuses"
        // → an unnamed woman.
        let mut f = speaker_before(doc, entities, start, k, cue)?;
        if f.entity.is_none() {
            let first = doc.tokens.partition_point(|t| t.start < f.bytes.start);
            // Not the preposition of an unnamed source's qualifier ("a source close to Bannon").
            if let Some(p) = (first..k).rev().find(|&p| {
                matches!(
                    doc.tokens[p].lower.as_str(),
                    "from"
                        | "to"
                        | "in"
                        | "on"
                        | "by"
                        | "into"
                        | "against"
                        | "at"
                        | "about"
                        | "over"
                ) && !(p > first
                    && matches!(
                        doc.tokens[p - 1].lower.as_str(),
                        "close" | "familiar" | "briefed"
                    ))
            }) {
                if p + 1 < k {
                    f.bytes.start = doc.tokens[p + 1].start;
                    f.written = doc.text[f.bytes.clone()].to_string();
                }
            }
        }
        return Some(f);
    }
    let closer = if j > start { doc.token_text(j - 1) } else { "" };
    if !matches!(closer, "," | "—" | "–") {
        return None;
    }
    // "…, Jennifer Palmieri, said": a name right before the closing comma.
    if closer == "," {
        if let Some((g, m)) = entities.ending_at(j - 1) {
            if entities.groups[g].entity_type == EntityType::Person {
                // Only an appositive name: the name (with its title) follows a comma or opens
                // the sentence ("president of the X Institute, said" is not one).
                let found = found_entity(doc, entities, g, m.bytes.clone(), cue);
                let first = doc.tokens.partition_point(|t| t.start < found.bytes.start);
                if first == start || matches!(doc.token_text(first - 1), "," | "—" | "–") {
                    return Some(found);
                }
            }
        }
    }
    // Walk back to the comma or dash that opens the appositive (at most 30 tokens).
    let mut k = j - 1;
    let limit = (j - 1).saturating_sub(30).max(start);
    // Several comma-set segments may stand between ("McCluskey, another ally of Corbyn and
    // general secretary of Unite, Labour’s biggest trade union donor, said").
    // The earliest segment that names someone is the subject ("Anthony Gray, a … attorney
    // pressing a lawsuit against Ferguson, Wilson and his chief, suggested" → Anthony Gray).
    let mut commas = Vec::new();
    while k > limit {
        k -= 1;
        if doc.token_text(k) == closer {
            commas.push(k);
        }
    }
    commas.into_iter().rev().find_map(|k| {
        let found = speaker_before(doc, entities, start, k, cue)?;
        // Only a name or a clear source counts, not any noun phrase before a comma; a source
        // noun counts when its phrase opens the clause ("The victim, who was 14, said").
        let last = doc.tokens.partition_point(|t| t.end <= found.bytes.end);
        let opens_with_source = found.bytes.start == doc.tokens[start].start
            && last > 0
            && SOURCE_NOUNS.contains(&doc.tokens[last - 1].lower.as_str());
        (found.entity.is_some()
            || found.anonymous
            || opens_with_source
            || is_name(doc, &found.bytes))
        .then_some(found)
    })
}

/// Whether the words of `bytes` look like a name the entity module did not catch ("Mr. Obama",
/// "Bush"): one to four capitalized words, none a function word or stopword, one of them not in
/// the dictionary.
pub(super) fn is_name(doc: &Doc, bytes: &Range<usize>) -> bool {
    let toks: Vec<&crate::text::Token> = doc
        .tokens
        .iter()
        .filter(|t| t.start >= bytes.start && t.end <= bytes.end && t.is_word())
        .collect();
    !toks.is_empty()
        && toks.len() <= 4
        && toks.iter().all(|t| {
            t.capitalized
                && (PERSON_TITLES.contains(&t.lower.trim_end_matches('.'))
                    || (!is_stopword(&t.lower)
                        && word_class(&t.lower) != Some(WordClass::Function)))
        })
        && toks.iter().any(|t| {
            word_class(&t.lower).is_none()
                && !PERSON_TITLES.contains(&t.lower.trim_end_matches('.'))
        })
}

/// The subject that opens the sentence: an entity, a pronoun, or a capitalized name.
pub(super) fn subject_at_start(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    cue: &str,
) -> Option<Found> {
    if range.is_empty() {
        return None;
    }
    if let Some((g, m)) = entities.starting_at(range.start) {
        // "White House officials …": the noun after the name heads the phrase.
        let e = m.tokens.end;
        if e < range.end && !doc.tokens[e].capitalized {
            let w = doc.tokens[e].lower.as_str();
            if ANONYMOUS_HEADS.contains(&w) || SOURCE_NOUNS.contains(&w) {
                return noun_phrase(doc, entities, range.start, e + 1, cue);
            }
        }
        return Some(found_entity(doc, entities, g, m.bytes.clone(), cue));
    }
    if PRONOUNS.contains(&doc.tokens[range.start].lower.as_str()) {
        return pronoun_speaker(doc, entities, range.start, cue);
    }
    let mut k = range.start;
    while k < range.end
        && k - range.start < 4
        && doc.tokens[k].capitalized
        && doc.tokens[k].is_word()
    {
        k += 1;
    }
    if k == range.start || k >= range.end {
        return None;
    }
    let bytes = doc.tokens[range.start].start..doc.tokens[k - 1].end;
    is_name(doc, &bytes).then(|| Found {
        written: doc.text[bytes.clone()].to_string(),
        bytes,
        entity: None,
        anonymous: false,
        cue: cue.to_string(),
    })
}

/// The subject of a sentence that opens with a short phrase and a comma ("Earlier, her campaign
/// chairman John Podesta addressed supporters and said …", "At his best, Mr. Holder stepped up
/// and said …") or with a description ("Her campaign chairman John Podesta …"): the first name
/// before `end` whose description begins right there.
pub(super) fn described_subject(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    end: usize,
    cue: &str,
) -> Option<Found> {
    let comma = (range.start..end.min(range.start + 5)).find(|&k| doc.token_text(k) == ",");
    let from = comma.map_or(range.start, |c| c + 1);
    if from >= end {
        return None;
    }
    // The person named after a description ("Senate leader Ruth Okafor"), else the subject
    // as subject_at_start finds it after the comma.
    let person = entities
        .in_tokens(from..end.min(from + 8))
        .find(|(g, _)| entities.groups[*g].entity_type == EntityType::Person);
    if let Some((g, m)) = person {
        if description_start(doc, from, m.tokens.start) == from {
            return Some(found_entity(doc, entities, g, m.bytes.clone(), cue));
        }
    }
    if comma.is_some() {
        if let Some(f) = subject_at_start(doc, entities, &(from..range.end), cue) {
            return Some(f);
        }
    }
    let (g, m) = entities.in_tokens(from..end).next()?;
    (m.tokens.start <= from + 6 && description_start(doc, from, m.tokens.start) == from)
        .then(|| found_entity(doc, entities, g, m.bytes.clone(), cue))
}

/// The token before `i` in the sentence starting at `start`.
pub(super) fn prev_content(start: usize, i: usize) -> Option<usize> {
    (i > start).then(|| i - 1)
}

pub(super) fn speaker_before(
    doc: &Doc,
    entities: &Entities,
    start: usize,
    verb: usize,
    cue: &str,
) -> Option<Found> {
    let mut j = skip_between(doc, start, verb);
    // Skip a parenthetical right before the verb: "Ministry of State Security (MSS) described".
    if j > start && doc.token_text(j - 1) == ")" {
        let mut k = j - 1;
        while k > start && doc.token_text(k) != "(" {
            k -= 1;
        }
        if doc.token_text(k) == "(" {
            j = k;
        }
    }
    if j == start {
        return None;
    }
    if let Some(f) = name_before_open_appositive(doc, entities, start, j, cue) {
        return Some(f);
    }
    // "a lawyer for the wife of Tamerlan Tsarnaev said", "Sayyad's classmates from Cashmere
    // High School say": the common noun before "for"/"of"/"from"/"at" heads the phrase, not
    // the name at its end.
    let owned = entities.ending_at(j).is_some_and(|(_, m)| {
        let mut p = m.tokens.start;
        // "64 percent of black Americans": up to two modifiers before the name.
        while p > start + 2
            && p + 2 > m.tokens.start
            && !doc.tokens[p - 1].capitalized
            && any_word_class(&doc.tokens[p - 1].lower) == Some(WordClass::Modifier)
            && !QUANTITY_HEADS.contains(&doc.tokens[p - 1].lower.as_str())
        {
            p -= 1;
        }
        if p > start && doc.tokens[p - 1].lower == "the" {
            p -= 1;
        }
        // "a source close to the White House", "people familiar with Smith's thinking".
        if p >= start + 2
            && matches!(
                (
                    doc.tokens[p - 2].lower.as_str(),
                    doc.tokens[p - 1].lower.as_str()
                ),
                ("close", "to") | ("familiar", "with") | ("near", "to")
            )
        {
            p -= 1;
        }
        p >= start + 2
            && matches!(
                doc.tokens[p - 1].lower.as_str(),
                // "a former ambassador to China said", "A lawyer in Tingo Maria said".
                "of" | "for" | "from" | "at" | "to" | "in" | "close" | "familiar" | "near"
            )
            // Capitalized only as the sentence's first word ("Sources close to …").
            && (!doc.tokens[p - 2].capitalized || p - 2 == start)
            && doc.tokens[p - 2].is_word()
            && (has_noun_like_head(&doc.tokens[p - 2].lower)
                // "Nearly half of Republicans say", "A majority of Americans".
                || QUANTITY_HEADS.contains(&doc.tokens[p - 2].lower.as_str()))
    });
    let clause_start = start;
    if let Some((g, m)) = entities.ending_at(j).filter(|_| !owned) {
        // "Lena Vogt of Northport University said": the person speaks, not the organization.
        let mut start = m.tokens.start;
        if start >= 3 && doc.tokens[start - 1].lower == "the" {
            start -= 1; // "Ed Whalen of the Ethics and Public Policy Center"
        }
        if start >= 2
            && matches!(
                doc.tokens[start - 1].lower.as_str(),
                "of" | "at" | "from" | "for" | "in"
            )
        {
            let located = doc.tokens[start - 1].lower == "in";
            // A name the entity module missed ("Ed Whalen of the … Center").
            if entities.ending_at(start - 1).is_none() && !located {
                let mut n = start - 1;
                while n > 0
                    && start - 1 - n < 4
                    && doc.tokens[n - 1].capitalized
                    && doc.tokens[n - 1].is_word()
                {
                    n -= 1;
                }
                if n < start - 1 {
                    let name = doc.tokens[n].start..doc.tokens[start - 2].end;
                    if is_name(doc, &name) {
                        let sentence_start = doc
                            .sentences
                            .iter()
                            .find(|s| s.tokens.contains(&n))
                            .map_or(n, |s| s.tokens.start);
                        let d = description_start(doc, sentence_start, n);
                        let bytes = doc.tokens[d].start..m.bytes.end;
                        return Some(Found {
                            written: doc.text[bytes.clone()].to_string(),
                            bytes,
                            entity: None,
                            anonymous: false,
                            cue: cue.to_string(),
                        });
                    }
                }
            }
            if let Some((p, pm)) = entities.ending_at(start - 1) {
                if entities.groups[p].entity_type == EntityType::Person {
                    // "Al Franken of Minnesota says": the state is left out, like "(D-Minn.)";
                    // "Lena Vogt of Northport University" keeps her organization.
                    let end = if entities.groups[g].entity_type == EntityType::Location {
                        pm.bytes.end
                    } else {
                        m.bytes.end
                    };
                    return Some(found_entity(doc, entities, p, pm.bytes.start..end, cue));
                }
                // "the National Hurricane Center in Miami announced": the organization speaks,
                // with its place.
                if located && entities.groups[g].entity_type == EntityType::Location {
                    let mut from = pm.tokens.start;
                    if from > clause_start && doc.tokens[from - 1].lower == "the" {
                        from -= 1;
                    }
                    let bytes = doc.tokens[from].start..m.bytes.end;
                    return Some(Found {
                        written: doc.text[bytes.clone()].to_string(),
                        entity: None,
                        bytes,
                        anonymous: false,
                        cue: cue.to_string(),
                    });
                }
            }
        }
        let mut f = found_entity(doc, entities, g, m.bytes.clone(), cue);
        if let Some(first) = coordinated_name_before(doc, entities, clause_start, m.tokens.start) {
            // "Cassidy and Johnson thanked …": coordinated speakers are one span.
            f.bytes.start = doc.tokens[first].start;
            f.written = doc.text[f.bytes.clone()].to_string();
            f.entity = None;
        }
        return Some(f);
    }
    let head = &doc.tokens[j - 1];
    // "I think …", "we believe …", "As I said in my letter, …" outside quotes: the writer's
    // own view or words, not a report.
    if matches!(head.lower.as_str(), "i" | "we")
        && (BELIEF_VERBS.contains(&cue) || matches!(cue, "said" | "pledged" | "wrote"))
    {
        return None;
    }
    if PRONOUNS.contains(&head.lower.as_str()) {
        return pronoun_speaker(doc, entities, j - 1, cue);
    }
    // A common noun phrase: walk back over words.
    let mut k = j;
    while k > start && j - k < 9 {
        let t = &doc.tokens[k - 1];
        let word = t.kind == TokenKind::Word || t.kind == TokenKind::Number;
        // "The states said …": after a determiner a cue word is the phrase's noun.
        let noun_after_determiner = k >= start + 2
            && k == j
            && matches!(
                doc.tokens[k - 2].lower.as_str(),
                "the" | "these" | "those" | "some" | "many"
            );
        if (word
            && !NP_STOP.contains(&t.lower.as_str())
            && (!is_reporting_verb(&t.lower) || noun_after_determiner)
            // "the May 25 IG report": a capitalized "May" is the month.
            && (t.capitalized || !AUXILIARIES.contains(&t.lower.as_str()))
            // "Axios quoted a source close to Bannon who said": a past verb ends the phrase.
            && (t.capitalized
                || !t.lower.ends_with("ed")
                || word_class(&t.lower) != Some(WordClass::Verb)))
            || t.lower == "'s"
            // A hyphen inside a word ("Moon Jae-in"), not a dash ("WASHINGTON-- The …").
            || (doc.token_text(k - 1) == "-"
                && k >= 2
                && k < j
                && doc.tokens[k - 2].end == doc.tokens[k - 1].start
                && doc.tokens[k - 1].end == doc.tokens[k].start)
            // "four people briefed on the discussions said": the preposition of an unnamed
            // source's qualifier.
            || (matches!(t.lower.as_str(), "on" | "with" | "to")
                && k >= 2
                && matches!(
                    doc.tokens[k - 2].lower.as_str(),
                    "briefed" | "familiar" | "close"
                ))
            || (t.lower == "briefed" && k < j && doc.tokens[k].lower == "on")
        {
            k -= 1;
        } else {
            break;
        }
    }
    if k == j
        || head.kind != TokenKind::Word
        || (is_stopword(&head.lower)
            && !ANONYMOUS_HEADS.contains(&head.lower.as_str())
            && !hyphenated_name_ends_at(doc, j))
    {
        return None;
    }
    // "A majority of 51 percent of blue collar workers said": never start on "of".
    while k < j
        && matches!(
            doc.tokens[k].lower.as_str(),
            "of" | "to" | "for" | "with" | "from" | "in" | "on" | "by"
        )
    {
        k += 1;
    }
    if k == j {
        return None;
    }
    // "Clinton and her team had suggested": coordinated speakers are one span.
    if k >= start + 2 && doc.tokens[k - 1].lower == "and" {
        if let Some((_, m)) = entities.ending_at(k - 1) {
            let first = description_start(doc, start, m.tokens.start);
            if let Some(mut f) = noun_phrase(doc, entities, k, j, cue) {
                f.bytes.start = doc.tokens[first].start;
                f.written = doc.text[f.bytes.clone()].to_string();
                return Some(f);
            }
        }
        // "Prosecutors and defense attorneys agreed …": two groups of sources opening the clause;
        // "State and federal officials said": a modifier shared by the group.
        let p = k - 2;
        let group = |w: &str| SOURCE_NOUNS.contains(&w) || ANONYMOUS_HEADS.contains(&w);
        let left = doc.tokens[p].lower.as_str();
        let modifier = |w: &str| {
            any_word_class(w) == Some(WordClass::Modifier)
                && !QUANTITY_HEADS.contains(&w)
                && !is_stopword(w)
        };
        // The word after "and" a modifier too ("State and federal officials": "State" is a
        // noun used as one).
        let shared_modifier =
            modifier(left) || (k + 1 < j && modifier(doc.tokens[k].lower.as_str()));
        if (p == start || matches!(doc.token_text(p - 1), "," | "—" | "–" | ":"))
            && doc.tokens[p].is_word()
            && ((left.ends_with('s') && group(left)) || shared_modifier)
            && group(doc.tokens[j - 1].lower.as_str())
        {
            if let Some(mut f) = noun_phrase(doc, entities, k, j, cue) {
                f.bytes.start = doc.tokens[p].start;
                f.written = doc.text[f.bytes.clone()].to_string();
                return Some(f);
            }
        }
        // Two names the entity module missed ("Cassidy and Johnson thanked …").
        if is_name(doc, &(doc.tokens[k].start..doc.tokens[j - 1].end)) {
            if let Some(first) = coordinated_name_before(doc, entities, start, k) {
                if let Some(mut f) = noun_phrase(doc, entities, k, j, cue) {
                    f.bytes.start = doc.tokens[first].start;
                    f.written = doc.text[f.bytes.clone()].to_string();
                    f.entity = None;
                    return Some(f);
                }
            }
        }
    }
    noun_phrase(doc, entities, k, j, cue)
        .or_else(|| clause_final_description(doc, start, k, j, verb, cue))
}

/// "Wilson Chowdhry, chairman of British Pakistani Christian Association (BPCA) said": an
/// appositive whose closing comma is missing. When the words before the verb (ending at `j`)
/// are a role ("chairman", "president", "director", …) with "of"/"at"/"for" set off by a comma
/// right after a person's name that opens the clause, the name is the speaker.
pub(super) fn name_before_open_appositive(
    doc: &Doc,
    entities: &Entities,
    start: usize,
    j: usize,
    cue: &str,
) -> Option<Found> {
    let comma = (j.saturating_sub(12).max(start)..j)
        .rev()
        .find(|&k| matches!(doc.token_text(k), "," | ";" | ":" | "—" | "–"))?;
    if doc.token_text(comma) != "," || comma + 2 >= j {
        return None;
    }
    let mut role = comma + 1;
    if matches!(doc.tokens[role].lower.as_str(), "the" | "a" | "an") {
        role += 1;
    }
    let head = doc.tokens[role].lower.as_str();
    // A singular role: "Bill Lee, attorneys for West wrote" describes more than the name.
    let is_role = !doc.tokens[role].capitalized
        && (PERSON_TITLES.contains(&head) || SOURCE_NOUNS.contains(&head))
        && !head.ends_with('s')
        && role + 1 < j
        && matches!(doc.tokens[role + 1].lower.as_str(), "of" | "at" | "for")
        && (role + 2..j).all(|k| {
            let w = doc.tokens[k].lower.as_str();
            doc.tokens[k].kind != TokenKind::Punct || matches!(w, "(" | ")" | "'s" | "’s" | "-")
        })
        && !(role + 2..j).any(|k| NP_STOP.contains(&doc.tokens[k].lower.as_str()));
    if !is_role {
        return None;
    }
    let (g, m) = entities.ending_at(comma)?;
    let opens = m.tokens.start == start
        || matches!(doc.token_text(m.tokens.start - 1), "," | "—" | "–" | ":");
    (entities.groups[g].entity_type == EntityType::Person && opens)
        .then(|| found_entity(doc, entities, g, m.bytes.clone(), cue))
}

/// The first token of a name coordinated before the name at `name_start` ("Cassidy and
/// Johnson", "both Lindsay and Peters") when the pair opens its clause (the sentence start, a
/// comma or a dash before it); else None.
pub(super) fn coordinated_name_before(
    doc: &Doc,
    entities: &Entities,
    start: usize,
    name_start: usize,
) -> Option<usize> {
    if name_start < start + 2 || doc.tokens[name_start - 1].lower != "and" {
        return None;
    }
    let before = name_start - 1;
    let mut first = match entities.ending_at(before) {
        Some((_, m)) => m.tokens.start,
        None => {
            let mut n = before;
            while n > start
                && before - n < 3
                && doc.tokens[n - 1].capitalized
                && doc.tokens[n - 1].is_word()
            {
                n -= 1;
            }
            let bytes = doc.tokens.get(n)?.start..doc.tokens[before - 1].end;
            if n == before || !is_name(doc, &bytes) {
                return None;
            }
            n
        }
    };
    if first > start && doc.tokens[first - 1].lower == "both" {
        first -= 1;
    }
    let opens = first == start
        || matches!(doc.token_text(first - 1), "," | "—" | "–" | ":" | ";")
        || (first == start + 1 && !doc.tokens[start].is_word());
    opens.then_some(first)
}

/// "…, a relative said." / "…, the sheriff said.": a short description set off by a comma that
/// closes the sentence with its verb is the speaker whatever its head noun.
pub(super) fn clause_final_description(
    doc: &Doc,
    start: usize,
    k: usize,
    j: usize,
    verb: usize,
    cue: &str,
) -> Option<Found> {
    let end = doc
        .sentences
        .iter()
        .find(|s| s.tokens.contains(&verb))
        .map_or(verb + 1, |s| s.tokens.end);
    let mut n = verb + 1;
    while n < end && {
        let w = doc.tokens[n].lower.as_str();
        TIME_WORDS.contains(&w) || WEEKDAYS.contains(&w) || w == "on"
    } {
        n += 1;
    }
    // A credit line may follow ("the memo said, according to the paper").
    let credit = n + 2 < end
        && doc.token_text(n) == ","
        && (doc.tokens[n + 1].lower == "per"
            || (doc.tokens[n + 1].lower == "according" && doc.tokens[n + 2].lower == "to"));
    let closes = n >= end || credit || matches!(doc.token_text(n), "." | "!" | "?" | "”" | "\"");
    let opened = k > start && matches!(doc.token_text(k - 1), "," | "—" | "–" | "”" | "\"");
    let first = doc.tokens[k].lower.as_str();
    let determiner = matches!(
        first,
        "a" | "an" | "the" | "his" | "her" | "their" | "its" | "one" | "two" | "three"
    );
    if !(matches!(cue, "said" | "says" | "added" | "told") && closes && opened && determiner)
        || j - k > 5
        || (k..j).any(|p| {
            !doc.tokens[p].is_word() || AUXILIARIES.contains(&doc.tokens[p].lower.as_str())
        })
    {
        return None;
    }
    let bytes = doc.tokens[k].start..doc.tokens[j - 1].end;
    Some(Found {
        written: doc.text[bytes.clone()].to_string(),
        bytes,
        entity: None,
        anonymous: matches!(first, "a" | "an" | "one" | "two" | "three")
            || ANONYMOUS_HEADS.contains(&doc.tokens[j - 1].lower.as_str()),
        cue: cue.to_string(),
    })
}

pub(super) fn speaker_after(
    doc: &Doc,
    entities: &Entities,
    from: usize,
    end: usize,
    cue: &str,
) -> Option<Found> {
    let mut i = from;
    if i < end && matches!(doc.tokens[i].lower.as_str(), "the" | "a" | "an") {
        if let Some((g, m)) = entities.starting_at(i) {
            let mut f = found_entity(doc, entities, g, m.bytes.clone(), cue);
            // Never reaching back over the cue ("According to the …").
            if f.bytes.start < doc.tokens[from].start {
                f.bytes.start = doc.tokens[from].start;
            }
            if let Some(n) = coordinated_name_after(doc, m.tokens.end, end) {
                f.bytes.end = doc.tokens[n - 1].end;
                f.entity = None;
            }
            f.written = doc.text[f.bytes.clone()].to_string();
            return Some(f);
        }
        i += 1;
    }
    if i >= end {
        return None;
    }
    // "according to U.S. and German officials": a coordinated group headed by a source noun.
    if let Some((_, m)) = entities.starting_at(i) {
        let e = m.tokens.end;
        if e + 1 < end && doc.tokens[e].lower == "and" {
            let head = (e + 1..end.min(e + 5)).find(|&h| {
                let w = doc.tokens[h].lower.as_str();
                ANONYMOUS_HEADS.contains(&w)
                    || (SOURCE_NOUNS.contains(&w) && !doc.tokens[h].capitalized)
            });
            let clean = head.is_some_and(|h| {
                (e + 1..h).all(|k| {
                    doc.tokens[k].is_word() && !NP_STOP.contains(&doc.tokens[k].lower.as_str())
                })
            });
            if let (Some(h), true) = (head, clean) {
                return noun_phrase(doc, entities, from, h + 1, cue).map(|mut f| {
                    f.entity = None;
                    f
                });
            }
        }
    }
    if let Some((g, m)) = entities.starting_at(i) {
        // "the Biden family", "the Trump campaign": the noun after the name heads the phrase.
        // "said Senator Mark Warner": when a longer name starts inside the capitalized run,
        // that name is the speaker.
        // "said Obama campaign spokeswoman Jen Psaki": a role in lowercase words between an
        // organization and a person's name; the span runs from the first name.
        let mut g = g;
        let mut m = m;
        let mut span_start = None;
        if let Some((g2, m2)) =
            (m.tokens.end..end.min(m.tokens.end + 4)).find_map(|k| entities.starting_at(k))
        {
            let between = m.tokens.end..m2.tokens.start;
            let run = between.clone().all(|k| {
                let t = &doc.tokens[k];
                let role_word = SOURCE_NOUNS.contains(&t.lower.as_str())
                    || (!t.lower.ends_with("ed")
                        && matches!(
                            any_word_class(&t.lower),
                            Some(WordClass::Noun | WordClass::Modifier)
                        ));
                t.is_word()
                    && (t.capitalized
                        || (role_word
                            && !is_stopword(&t.lower)
                            && !is_reporting_verb(&t.lower)
                            && !AUXILIARIES.contains(&t.lower.as_str())))
            });
            if run && entities.groups[g2].entity_type == EntityType::Person {
                if between.clone().any(|k| !doc.tokens[k].capitalized) {
                    span_start = Some(m.bytes.start);
                }
                g = g2;
                m = m2;
            }
        }
        let mut bytes = m.bytes.clone();
        let mut e = m.tokens.end;
        // "USA Today": capitalized words right after the name belong to it.
        while e < end
            && e - m.tokens.end < 3
            && doc.tokens[e].capitalized
            && doc.tokens[e].is_word()
            && !is_stopword(&doc.tokens[e].lower)
        {
            bytes.end = doc.tokens[e].end;
            e += 1;
        }
        if let Some(n) = coordinated_name_after(doc, e, end) {
            bytes.end = doc.tokens[n - 1].end;
            e = n;
        }
        // "by Bernie Sanders supporters", "according to the Orange County district
        // attorney’s office", "according to an Agriculture Department analysis": a group or
        // document noun after the name, within a few lowercase words and possessives, heads
        // the phrase.
        let head = (e..end.min(e + 5))
            .take_while(|&k| {
                let t = &doc.tokens[k];
                matches!(t.lower.as_str(), "'s" | "’s")
                    || (t.is_word()
                        && !t.capitalized
                        && !is_stopword(&t.lower)
                        && !is_reporting_verb(&t.lower)
                        && !is_verb_like(t))
            })
            .filter(|&k| {
                let w = doc.tokens[k].lower.as_str();
                SOURCE_NOUNS.contains(&w)
                    || ANONYMOUS_HEADS.contains(&w)
                    || DOCUMENT_NOUNS.contains(&w)
            })
            .last();
        if let Some(h) = head {
            bytes.end = doc.tokens[h].end;
        }
        let mut f = found_entity(doc, entities, g, bytes, cue);
        if let Some(s) = span_start.filter(|&s| s < f.bytes.start) {
            f.bytes.start = s;
            f.written = doc.text[f.bytes.clone()].to_string();
        }
        // The description never reaches back over the cue ("According to the Immigration …"
        // is not a title "to the Immigration").
        let the = doc.tokens[from].start;
        if i > from || f.bytes.start < the {
            f.bytes.start = the;
            f.written = doc.text[f.bytes.clone()].to_string();
        }
        return Some(f);
    }
    if PRONOUNS.contains(&doc.tokens[i].lower.as_str()) {
        return pronoun_speaker(doc, entities, i, cue);
    }
    let mut k = i;
    while k < end && k - i < 7 {
        let t = &doc.tokens[k];
        // "according to a source familiar with the investigation", "one person familiar with
        // the president’s thinking": an unnamed source's qualifier and its object close the
        // phrase.
        if k > i && is_source_qualifier(doc, k, end) {
            k = qualifier_object_end(doc, k + 2, end).unwrap_or(k + 1);
            break;
        }
        // "according to a press release": right after a determiner a word that is also a
        // verb is a noun (not a participle such as "released").
        let noun_after_determiner = i > from
            && k < i + 2
            && word_class(&t.lower) == Some(WordClass::Verb)
            && !t.lower.ends_with("ed")
            && !t.lower.ends_with("ing");
        // A past form the word lists do not know ("Green referenced Adolf Hitler") is a verb too.
        let verb_like = !t.capitalized
            && !noun_after_determiner
            && (matches!(
                word_class(&t.lower),
                Some(WordClass::Verb | WordClass::Function)
            ) || (t.lower.ends_with("ed")
                && matches!(any_word_class(&t.lower), None | Some(WordClass::Verb))));
        // "by Mr Mueller last October": a time phrase ends the phrase.
        let timed = k > i
            && matches!(t.lower.as_str(), "last" | "this" | "earlier" | "late")
            && time_phrase_end(doc, end, k) > k + 1;
        if t.kind == TokenKind::Word
            && !NP_STOP.contains(&t.lower.as_str())
            && !is_reporting_verb(&t.lower)
            && !verb_like
            && !timed
        {
            k += 1;
        } else {
            break;
        }
    }
    if k == i {
        return None;
    }
    let np_start = if i > from { from } else { i };
    // "according to an analysis by Forbes", "filings by ActBlue": a document's author belongs
    // to its phrase.
    if k > i
        && k + 1 < end
        && DOCUMENT_NOUNS.contains(&doc.tokens[k - 1].lower.as_str())
        && matches!(doc.tokens[k].lower.as_str(), "by" | "from")
    {
        let author = if doc.tokens[k + 1].lower == "the" {
            k + 2
        } else {
            k + 1
        };
        if let Some((_, m)) = entities.starting_at(author).filter(|_| author < end) {
            let mut f = noun_phrase(doc, entities, np_start, m.tokens.end, cue)?;
            f.entity = None;
            return Some(f);
        }
    }
    noun_phrase(doc, entities, np_start, k, cue)
}

/// Whether the token at `p` opens an unnamed source's qualifier ("familiar with", "close to",
/// "briefed on") whose preposition stands before `end`.
fn is_source_qualifier(doc: &Doc, p: usize, end: usize) -> bool {
    p + 1 < end
        && matches!(
            doc.tokens[p].lower.as_str(),
            "familiar" | "close" | "briefed"
        )
        && matches!(doc.tokens[p + 1].lower.as_str(), "with" | "to" | "on")
}

/// The end of the object of an unnamed source's qualifier that starts at `from` ("the
/// investigation", "the president’s thinking", "Smith's plans"): determiners, possessives and
/// words that are not verbs, at most eight tokens; None when there is no such object.
fn qualifier_object_end(doc: &Doc, from: usize, end: usize) -> Option<usize> {
    let mut q = from;
    while q < end && q - from < 8 {
        let u = &doc.tokens[q];
        let after_owner = q > from && matches!(doc.tokens[q - 1].lower.as_str(), "'s" | "the");
        // "the plans for the commission": an "of"/"for" phrase inside the object.
        let inner_of = q > from
            && matches!(u.lower.as_str(), "of" | "for")
            && q + 1 < end
            && doc.tokens[q + 1].is_word();
        let fits = inner_of
            || matches!(
                u.lower.as_str(),
                "the" | "a" | "an" | "'s" | "his" | "her" | "their" | "its" | "this" | "that"
            )
            || (u.is_word()
                && !is_reporting_verb(&u.lower)
                && !NP_STOP.contains(&u.lower.as_str())
                && (!is_stopword(&u.lower) || u.capitalized)
                && (after_owner || !is_verb_like(u)));
        if !fits {
            break;
        }
        q += 1;
    }
    // Never end on a determiner, a possessive or a preposition.
    while q > from
        && matches!(
            doc.tokens[q - 1].lower.as_str(),
            "the"
                | "a"
                | "an"
                | "'s"
                | "his"
                | "her"
                | "their"
                | "its"
                | "this"
                | "that"
                | "of"
                | "for"
        )
    {
        q -= 1;
    }
    (q > from).then_some(q)
}

/// "According to The Post and Courier, …": when "and" at `e` joins a name to one to three
/// capitalized words that close the phrase, the index after them (the two are one source).
pub(super) fn coordinated_name_after(doc: &Doc, e: usize, end: usize) -> Option<usize> {
    if e + 1 >= end || doc.tokens[e].lower != "and" {
        return None;
    }
    let mut n = e + 1;
    while n < end && n - e <= 3 && doc.tokens[n].capitalized && doc.tokens[n].is_word() {
        n += 1;
    }
    (n > e + 1 && (n == end || matches!(doc.token_text(n), "," | "." | ";"))).then_some(n)
}

/// A speaker written as a common noun phrase; resolved when an entity sits in it as its head or
/// after "for"/"of"/"at" ("a spokesman for the ministry").
pub(super) fn noun_phrase(
    doc: &Doc,
    entities: &Entities,
    start: usize,
    end: usize,
    cue: &str,
) -> Option<Found> {
    let bytes = doc.tokens[start].start..doc.tokens[end - 1].end;
    let written = doc.text[bytes.clone()].to_string();
    // "people close to the family": a qualifier ends the head; what it names is not the source.
    let qualifier = (start + 1..end).find(|&p| is_source_qualifier(doc, p, end));
    let end = qualifier.unwrap_or(end);
    let mut entity = entities.ending_at(end).map(|(g, _)| g);
    if entity.is_none() {
        for p in start..end {
            if matches!(doc.tokens[p].lower.as_str(), "for" | "of" | "at" | "from") {
                if let Some((g, _)) = entities.in_tokens(p + 1..end).last() {
                    entity = Some(g);
                }
            }
        }
    }
    let head = doc.tokens[end - 1].lower.as_str();
    // Polls and data are evidence, not sources ("according to polls", "a survey found").
    if entity.is_none()
        && matches!(
            head,
            "poll"
                | "polls"
                | "polling"
                | "survey"
                | "surveys"
                | "data"
                | "figures"
                | "statistics"
                | "research"
        )
    {
        return None;
    }
    let familiar = qualifier.is_some()
        || (start..end).any(|p| matches!(doc.tokens[p].lower.as_str(), "familiar" | "briefed"));
    let anonymous = entity.is_none() && (ANONYMOUS_HEADS.contains(&head) || familiar);
    // "The former secretary of state said": the head stands before "of".
    let head_before_of = (start + 1..end)
        .find(|&p| matches!(doc.tokens[p].lower.as_str(), "of" | "from"))
        .is_some_and(|p| has_noun_like_head(&doc.tokens[p - 1].lower));
    if entity.is_none()
        && !anonymous
        && !has_noun_like_head(head)
        && !head_before_of
        && !doc.tokens[end - 1].capitalized
        && !hyphenated_name_ends_at(doc, end)
    {
        return None;
    }
    Some(Found {
        written: written.clone(),
        bytes,
        entity: entity.filter(|_| !anonymous),
        anonymous,
        cue: cue.to_string(),
    })
}

pub(super) fn has_noun_like_head(head: &str) -> bool {
    !is_stopword(head)
        && !head.ends_with("ly")
        && head.chars().all(|c| c.is_alphabetic() || c == '-')
        && (SOURCE_NOUNS.contains(&head)
            || ANONYMOUS_HEADS.contains(&head)
            // "One briefing note reveals that …".
            || DOCUMENT_NOUNS.contains(&head)
            // "The pope said", "the governor is proposing": a title is a person (not the
            // abbreviations, nor "general" as in "in general").
            || (PERSON_TITLES.contains(&head)
                && head.len() > 3
                && !matches!(head, "general" | "miss" | "lady" | "lord")))
}

/// The speaker as written: the entity mention with the title and determiner in front of it
/// ("the White House", "Belgian Prime Minister Charles Michel", "spokesman Josh Earnest").
pub(super) fn found_entity(
    doc: &Doc,
    entities: &Entities,
    group: usize,
    bytes: Range<usize>,
    cue: &str,
) -> Found {
    let first = doc.tokens.partition_point(|t| t.start < bytes.start);
    let sentence_start = doc
        .sentences
        .iter()
        .find(|s| s.tokens.contains(&first))
        .map_or(first, |s| s.tokens.start);
    let mut k = description_start(doc, sentence_start, first);
    // "Gervais and Najle write", "Clinton and her team": coordinated speakers are one span.
    if k >= sentence_start + 2 && doc.tokens[k - 1].lower == "and" {
        if let Some((_, m)) = entities.ending_at(k - 1) {
            k = description_start(doc, sentence_start, m.tokens.start);
            if k > sentence_start && doc.tokens[k - 1].lower == "both" {
                k -= 1;
            }
        }
    }
    let bytes = doc.tokens[k].start.min(bytes.start)..bytes.end;
    Found {
        written: doc.text[bytes.clone()].to_string(),
        bytes,
        entity: Some(group),
        anonymous: false,
        cue: cue.to_string(),
    }
}

/// Where the description in front of a name begins: titles, capitalized words, nouns and
/// modifiers, possessives and hyphenated words ("White House press secretary Josh Earnest",
/// "nine-time Olympic gold medalist Carl Lewis", "Fox Business Network’s Lou Dobbs"), with a
/// leading determiner; at most 8 tokens, stopping at punctuation, function words, verbs of
/// reporting, time words and adverbs.
pub(super) fn description_start(doc: &Doc, sentence_start: usize, first: usize) -> usize {
    let mut k = first;
    while k > sentence_start && first - k < 8 {
        let t = &doc.tokens[k - 1];
        let lower = t.lower.trim_end_matches('.');
        // "Secretary of State John Kerry", "Senior Counselor to the President Kellyanne Conway".
        if matches!(lower, "of" | "to" | "the")
            && doc.tokens[k].capitalized
            && k >= sentence_start + 2
        {
            let mut p = k - 1;
            if lower == "the"
                && p > sentence_start
                && matches!(doc.tokens[p - 1].lower.as_str(), "of" | "to")
            {
                p -= 1;
            }
            if doc.tokens[p].lower != "the"
                && p > sentence_start
                && doc.tokens[p - 1].capitalized
                && doc.tokens[p - 1].is_word()
                && !NOT_LABELS.contains(&doc.tokens[p - 1].lower.as_str())
            {
                k = p;
                continue;
            }
        }
        if matches!(lower, "the" | "a" | "an") {
            return k - 1;
        }
        // "his brother-in-law Ahmed", "his rival Minority Leader Nancy Pelosi": a possessive
        // determiner before a description (never right before the name).
        if matches!(lower, "his" | "her" | "their") && k < first {
            return k - 1;
        }
        if NOT_LABELS.contains(&lower) || lower == "copyright" {
            break;
        }
        let title = PERSON_TITLES.contains(&lower);
        let hyphen = doc.token_text(k - 1) == "-"
            && k - 1 > sentence_start
            && doc.tokens[k - 2].is_wordlike()
            && doc.tokens[k - 2].end == t.start;
        // The word right before the name, when lowercase, must name a role ("press
        // secretary", "medalist", "resident"), not a thing ("a poem Moran wrote").
        let role = t.capitalized
            || k < first
            || PERSON_TITLES.contains(&lower)
            || SOURCE_NOUNS.contains(&lower)
            || ANONYMOUS_HEADS.contains(&lower)
            || ["ist", "er", "or", "ant", "ent", "man", "woman"]
                .iter()
                .any(|e| lower.ends_with(e));
        // "US President Donald Trump": an all-capitals abbreviation is no stopword ("us").
        let word = t.is_word()
            && role
            && (t.all_caps
                || (!is_stopword(&t.lower) && word_class(&t.lower) != Some(WordClass::Function)))
            && !NP_STOP.contains(&lower)
            && !BETWEEN.contains(&lower)
            && !is_reporting_verb(lower)
            && !PARTICIPLES.contains(&lower)
            && !WEEKDAYS.contains(&lower)
            && !TIME_WORDS.contains(&lower)
            && !(lower.len() > 4 && lower.ends_with("ly"))
            && !(!t.capitalized && (lower.ends_with("ing") || lower.ends_with("ed")));
        // The word before a glued hyphen ("nine-time"), a split possessive ("Network ’s"),
        // and quantifiers of a group ("other Republicans").
        let before_hyphen = t.is_wordlike()
            && k < first
            && doc.token_text(k) == "-"
            && doc.tokens[k].start == t.end;
        let glued_to_hyphen = t.is_word()
            && k >= sentence_start + 2
            && doc.token_text(k - 2) == "-"
            && doc.tokens[k - 2].end == t.start;
        // "’s" and the plural possessive's bare apostrophe glued to an -s word ("NBC News’ Tom
        // Brokaw", "the Hammonds' attorneys").
        let possessive = lower == "'s"
            || lower == "s" && k >= 2 && doc.token_text(k - 2) == "’"
            || lower == "'"
                && k - 1 > sentence_start
                && doc.tokens[k - 2].end == t.start
                && doc.tokens[k - 2].lower.ends_with('s')
                && doc.tokens[k].start > t.end;
        let quantifier = matches!(
            lower,
            "other" | "many" | "several" | "some" | "top" | "senior"
        );
        if title || hyphen || word || before_hyphen || glued_to_hyphen || possessive || quantifier {
            k -= 1;
        } else {
            break;
        }
    }
    // Do not start on a hyphen.
    while k < first && doc.token_text(k) == "-" {
        k += 1;
    }
    k
}

/// "he said": the most recent person (or organization for "it") mentioned before.
/// Whether a token before `at` stands inside quotation marks, following curly and straight
/// quotes from the start of the sentence three sentences before `at` (same paragraph).
pub(super) fn quoted_before(doc: &Doc, at: usize) -> impl Fn(usize) -> bool {
    let s = doc
        .sentences
        .iter()
        .position(|x| x.tokens.contains(&at))
        .unwrap_or(0);
    let paragraph = doc.sentences.get(s).map_or(0, |x| x.paragraph);
    let mut first = s;
    while first > 0 && s - first < 3 && doc.sentences[first - 1].paragraph == paragraph {
        first -= 1;
    }
    let from = doc.sentences.get(first).map_or(at, |x| x.tokens.start);
    let mut inside = false;
    let mut flags = Vec::with_capacity(at.saturating_sub(from));
    for k in from..at {
        match doc.token_text(k) {
            "“" => inside = true,
            "”" => inside = false,
            "\"" => inside = !inside,
            _ => {}
        }
        flags.push(inside);
    }
    move |k: usize| k >= from && k < at && flags[k - from]
}

pub(super) fn pronoun_speaker(
    doc: &Doc,
    entities: &Entities,
    at: usize,
    cue: &str,
) -> Option<Found> {
    let want = match doc.tokens[at].lower.as_str() {
        "he" | "she" => Some(EntityType::Person),
        "it" => Some(EntityType::Organization),
        "they" | "we" | "i" => None,
        _ => return None,
    };
    // The pronoun is the speaker as written; it names an entity when one of the right type was
    // mentioned before it.
    // Names inside quotation marks are what someone said, not who is speaking ("“Trump is
    // wrong,” she said" is not Trump): quotes are followed from three sentences back.
    let quoted = quoted_before(doc, at);
    let g = want.and_then(|want| {
        let candidates = || {
            entities
                .mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.tokens.end <= at)
                .map(|(k, m)| (entities.entity_of[k], m))
                .filter(|(g, _)| entities.groups[*g].entity_type == want)
        };
        candidates()
            .rfind(|(_, m)| !quoted(m.tokens.start))
            .or_else(|| candidates().next_back())
            .map(|(g, _)| g)
    });
    // "it said" with nothing to point at is rarely a source, except set off by a comma or a
    // quote ("The program, it said, also exceeded …", "“…,” it said.").
    let set_off = at > 0 && matches!(doc.token_text(at - 1), "," | "”" | "\"" | "’");
    // "It said the evidence was fabricated.": the sentence's subject, with a past-tense cue
    // ("It says a lot that …" is an idiom).
    let at_start = at == 0 || matches!(doc.token_text(at - 1), "." | "!" | "?");
    let opens_sentence =
        at_start && (cue.ends_with("ed") || matches!(cue, "said" | "told" | "wrote" | "concludes"));
    if g.is_none() && doc.tokens[at].lower == "it" && !set_off && !opens_sentence {
        return None;
    }
    let t = &doc.tokens[at];
    Some(Found {
        written: doc.text[t.start..t.end].to_string(),
        bytes: t.start..t.end,
        entity: g,
        anonymous: false,
        cue: cue.to_string(),
    })
}
