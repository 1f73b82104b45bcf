//! Who said it: finds reporting cues in a sentence (a reporting verb such as "said", "warned",
//! "described"; "according to") and the speaker before or after the cue, resolved to an entity
//! through the entity module's mentions and aliases ("the ministry said" → Ministry of State
//! Security). Unnamed sources ("officials said", "a person familiar with") are marked anonymous;
//! a pronoun speaker takes the most recent person or organization. A quote that runs on into
//! the next sentence keeps its speaker.
//!
//! The work is split by job: [`lexicon`] holds the word lists, [`cues`] finds the reporting cue
//! of a sentence and decides whether it reports, [`speaker`] finds and delimits the speaker's
//! noun phrase around a cue, [`tagged`] lets the optional transformer speaker tagger revise the
//! rules' answer; this module runs them over a document, carries a quote's speaker into the
//! sentences it runs on into, and resolves speakers to entities.

mod cues;
mod lexicon;
mod speaker;
mod tagged;
#[cfg(test)]
mod tests;

use crate::encoder::SpeakerTagger;
use crate::entities::{Entities, EntityType};
use crate::lexicon::{is_stopword, word_class};
use crate::text::Doc;
use cues::*;
pub use lexicon::REPORTING_VERBS;
use lexicon::*;
pub(crate) use lexicon::{AUXILIARIES, PRONOUNS};
use speaker::*;
use std::ops::Range;

/// A found attribution.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Speaker as written.
    pub written: String,
    /// Byte range of the speaker in the document.
    pub bytes: Range<usize>,
    /// Entity group index, when resolved.
    pub entity: Option<usize>,
    pub anonymous: bool,
    pub cue: String,
}

/// Attributions of every sentence (None where no speaker was found); with a speaker tagger, it
/// revises the rules' answer for each sentence before quotes carry speakers on.
pub fn attribute(
    doc: &Doc,
    entities: &Entities,
    tagger: Option<&SpeakerTagger>,
) -> Vec<Option<Found>> {
    let mut out: Vec<Option<Found>> = Vec::with_capacity(doc.sentences.len());
    // The speaker of the last quoted sentence, and whether a quotation is still open.
    let mut quote_speaker: Option<Found> = None;
    let mut inside_quote = false;
    for (s_index, s) in doc.sentences.iter().enumerate() {
        let text = doc.sentence_text(s_index);
        let mut found = find_in_sentence(doc, entities, s.tokens.clone());
        if let Some(tagger) = tagger {
            found = tagged::retag(doc, entities, s_index, found, tagger);
        }
        let starts_quoted = text.starts_with(['"', '“', '‘']);
        if found.is_none() && (starts_quoted || inside_quote) {
            found = quote_speaker.clone();
        }
        let straight = text.matches('"').count();
        let opened = text.matches('“').count();
        let closed = text.matches('”').count();
        let has_quote = straight + opened + closed > 0;
        inside_quote = if opened != closed {
            opened > closed
        } else if straight % 2 == 1 {
            !inside_quote
        } else {
            inside_quote
        };
        if has_quote || inside_quote {
            quote_speaker = found.clone();
        } else {
            quote_speaker = None;
        }
        out.push(found);
    }
    resolve_descriptions_to_the_only_organization(entities, &mut out);
    resolve_names_through_aliases(entities, &mut out);
    out
}

/// A speaker written as a name the entity module did not tag in that sentence ("Mr. Reeves
/// said") is the person or organization of the article whose name ends with the same word
/// ("Eric Reeves"), when exactly one does.
fn resolve_names_through_aliases(entities: &Entities, found: &mut [Option<Found>]) {
    for f in found.iter_mut().flatten() {
        if f.entity.is_some() || f.anonymous {
            continue;
        }
        let words: Vec<&str> = f.written.split_whitespace().collect();
        let Some(last) = words.last() else { continue };
        let last = last
            .trim_end_matches(['.', ','])
            .trim_end_matches("'s")
            .trim_end_matches("’s");
        if PRONOUNS.contains(&last.to_lowercase().as_str())
            || !last.starts_with(char::is_uppercase)
            || words.iter().any(|w| !w.starts_with(char::is_uppercase))
        {
            continue;
        }
        let matches: Vec<usize> = (0..entities.groups.len())
            .filter(|&g| {
                matches!(
                    entities.groups[g].entity_type,
                    EntityType::Person | EntityType::Organization
                ) && entities.groups[g].name.split_whitespace().last() == Some(last)
            })
            .collect();
        if let [g] = matches[..] {
            f.entity = Some(g);
        }
    }
}

/// An unnamed organizational speaker ("the national security authority warned") is the
/// organization named as a speaker elsewhere in the article when there is exactly one such
/// organization; with none or several, it stays as written.
fn resolve_descriptions_to_the_only_organization(entities: &Entities, found: &mut [Option<Found>]) {
    let orgs: std::collections::BTreeSet<usize> = found
        .iter()
        .flatten()
        .filter_map(|f| f.entity)
        .filter(|&g| entities.groups[g].entity_type == EntityType::Organization)
        .collect();
    let [only] = orgs.into_iter().collect::<Vec<_>>()[..] else {
        return;
    };
    for f in found.iter_mut().flatten() {
        let head = f
            .written
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_lowercase();
        if f.entity.is_none() && !f.anonymous && ORGANIZATION_DESCRIPTIONS.contains(&head.as_str())
        {
            f.entity = Some(only);
        }
    }
}

/// For each token of `range`, whether it stands inside quotation marks of the sentence (a
/// reporting verb there belongs to the quoted words, not to the attribution). A sentence whose
/// first quotation mark closes (”) started inside a quote that runs on from before.
fn inside_quotes(doc: &Doc, range: &Range<usize>) -> Vec<bool> {
    let marks: Vec<&str> = range
        .clone()
        .map(|i| doc.token_text(i))
        .filter(|t| matches!(*t, "“" | "”" | "\""))
        .collect();
    let straight = marks.iter().filter(|t| **t == "\"").count();
    // Inside at the start when the first mark closes: a curly ”, or an odd straight quote that
    // does not open the sentence.
    // A straight quote opens when it is glued to the word after it and not to the one before.
    let first_straight = range.clone().find(|&k| doc.token_text(k) == "\"");
    let opens = first_straight.is_some_and(|k| {
        let glued_after = k + 1 < range.end && doc.tokens[k + 1].start == doc.tokens[k].end;
        let glued_before = k > range.start && doc.tokens[k - 1].end == doc.tokens[k].start;
        glued_after && !glued_before
    });
    let mut inside = match marks.first() {
        Some(&"”") => true,
        Some(&"\"") => straight % 2 == 1 && !opens,
        _ => false,
    };
    let mut out = Vec::with_capacity(range.len());
    let mut opened_at = None;
    for i in range.clone() {
        match doc.token_text(i) {
            "“" => {
                inside = true;
                opened_at = Some(out.len());
                out.push(false);
            }
            "”" => {
                inside = false;
                opened_at = None;
                out.push(false);
            }
            "\"" => {
                inside = !inside;
                opened_at = inside.then_some(out.len());
                out.push(false);
            }
            _ => out.push(inside),
        }
    }
    // A quote opened and never closed in the sentence is not known to cover what follows.
    if let Some(k) = opened_at {
        for x in &mut out[k..] {
            *x = false;
        }
    }
    out
}

/// The end of a sentence-initial subordinate clause ("While …, "): the token after its first
/// comma outside quotes; `range.start` when the sentence opens with a main clause.
fn subordinate_end(doc: &Doc, range: &Range<usize>, quoted: &[bool]) -> usize {
    // "\-- After Trump praised Xi, …": dashes and marks before the subordinator.
    let first = (range.start..range.end)
        .find(|&k| doc.tokens[k].is_word())
        .unwrap_or(range.end);
    if first >= range.end || !SUBORDINATORS.contains(&doc.tokens[first].lower.as_str()) {
        return range.start;
    }
    (first + 1..range.end)
        .find_map(|k| {
            if doc.token_text(k) != "," {
                return None;
            }
            if !quoted[k - range.start] {
                return Some(k + 1);
            }
            // "After Trump praised Xi as a “very special man,” a former ambassador said":
            // a comma closing a quote closes the clause too.
            (k + 1 < range.end && matches!(doc.token_text(k + 1), "”" | "\"")).then_some(k + 2)
        })
        .unwrap_or(range.start)
}

fn find_in_sentence(doc: &Doc, entities: &Entities, range: Range<usize>) -> Option<Found> {
    if let Some(f) = label_speaker(doc, &range) {
        return Some(f);
    }
    let quoted = inside_quotes(doc, &range);
    let sub = subordinate_end(doc, &range, &quoted);
    // The main clause first; a cue inside quotation marks is part of what was said; a speech
    // verb before a belief verb ("they believe …, Baden said" → Baden).
    // A verb of judgment in a relative clause ("opponents who have characterized the bill as
    // …, Ryan added") yields to a cue in the main clause, as belief verbs do; a verb of speech
    // there stays ("a lawyer, who says …, says" → the lawyer).
    let relative = |i: usize| {
        let w = doc.tokens[i].lower.as_str();
        if !(AS_VERBS.contains(&w) || matches!(w, "defended" | "defends")) {
            return false;
        }
        let j = skip_between(doc, range.start, i);
        j > range.start
            && matches!(
                doc.tokens[j - 1].lower.as_str(),
                "who" | "which" | "whom" | "that"
            )
    };
    let speech = |i: usize| !BELIEF_VERBS.contains(&doc.tokens[i].lower.as_str()) && !relative(i);
    // "2: During the encounter, when Corfman said …, the Post reported": a subordinate clause
    // set off by commas right after an opening prepositional phrase is skipped like one opening
    // the sentence (after a main clause, "…, when CNN reported …" may be the only report).
    let mut inner_sub = vec![false; range.len()];
    let mut first = range.start;
    if let Some(c) =
        (range.start..range.end.min(range.start + 3)).find(|&k| doc.token_text(k) == ":")
    {
        first = c + 1; // a list label "2:"
    }
    let opening = first < range.end
        && matches!(
            doc.tokens[first].lower.as_str(),
            "during" | "in" | "on" | "at" | "after" | "before" | "following" | "since" | "for"
        );
    let first_comma = (first..range.end).find(|&c| doc.token_text(c) == ",");
    if let Some(k) = first_comma
        .map(|c| c + 1)
        .filter(|&k| opening && k < range.end)
    {
        if SUBORDINATORS.contains(&doc.tokens[k].lower.as_str()) && !quoted[k - range.start] {
            let close =
                (k + 1..range.end).find(|&c| doc.token_text(c) == "," && !quoted[c - range.start]);
            // Only when a main clause follows the closing comma.
            if let Some(close) = close.filter(|&c| c + 2 < range.end) {
                for x in &mut inner_sub[k - range.start..close - range.start] {
                    *x = true;
                }
            }
        }
    }
    let passes: [&dyn Fn(usize) -> bool; 4] = [
        &|i| i >= sub && !inner_sub[i - range.start] && !quoted[i - range.start] && speech(i),
        &|i| i >= sub && !inner_sub[i - range.start] && !quoted[i - range.start],
        &|i| !quoted[i - range.start] && speech(i),
        &|i| !quoted[i - range.start],
    ];
    // A speaker is never inside quotation marks ("“… Trump is just a despicable person,” Nicole
    // Gerson, an attorney, reflected" is not "a despicable person").
    let speaker_quoted = |f: &Found| {
        (range.clone())
            .find(|&k| doc.tokens[k].start >= f.bytes.start)
            .is_some_and(|k| quoted[k - range.start])
    };
    passes.iter().find_map(|allowed| {
        find_with(doc, entities, range.clone(), *allowed).filter(|f| !speaker_quoted(f))
    })
}

/// A title-case headline: no closing period and most words of four letters or more capitalized.
fn is_headline(doc: &Doc, range: &Range<usize>) -> bool {
    let last = range.end.checked_sub(1).map_or("", |k| doc.token_text(k));
    if range.is_empty() || matches!(last, "." | "?" | "!" | "”" | "\"") {
        return false;
    }
    let long: Vec<bool> = range
        .clone()
        .filter(|&k| doc.tokens[k].is_word() && doc.tokens[k].lower.chars().count() >= 4)
        .map(|k| doc.tokens[k].capitalized)
        .collect();
    long.len() >= 3 && long.iter().filter(|c| **c).count() * 10 >= long.len() * 8
}

/// Transcript and headline labels: "AMY GOODMAN: …", "KARL: …" (capitals), and a tweet-embed
/// signature "— Name (@handle) date".
fn label_speaker(doc: &Doc, range: &Range<usize>) -> Option<Found> {
    // Capitalized label of one to four words, then a colon.
    let mut k = range.start;
    while k < range.end && k - range.start < 4 && doc.tokens[k].all_caps && doc.tokens[k].is_word()
    {
        k += 1;
        if k < range.end && doc.token_text(k) == "-" {
            k += 1; // "AL-SAADI"
        }
    }
    if k > range.start
        && k < range.end
        && doc.token_text(k) == ":"
        && !(range.start..k).any(|p| NOT_LABELS.contains(&doc.tokens[p].lower.as_str()))
        && (range.start..k)
            .any(|p| doc.tokens[p].is_word() && word_class(&doc.tokens[p].lower).is_none())
        && !is_stopword(&doc.tokens[range.start].lower)
    {
        let bytes = doc.tokens[range.start].start..doc.tokens[k - 1].end;
        return Some(Found {
            written: doc.text[bytes.clone()].to_string(),
            bytes,
            entity: None,
            anonymous: false,
            cue: ":".to_string(),
        });
    }
    // Headline "Mitch McConnell: …": two to four capitalized words naming someone, then a colon.
    let mut k = range.start;
    while k < range.end
        && k - range.start < 4
        && doc.tokens[k].capitalized
        && doc.tokens[k].is_word()
    {
        k += 1;
    }
    if k >= range.start + 2 && k < range.end && doc.token_text(k) == ":" {
        let bytes = doc.tokens[range.start].start..doc.tokens[k - 1].end;
        if is_name(doc, &bytes)
            && !(range.start..k).any(|p| NOT_LABELS.contains(&doc.tokens[p].lower.as_str()))
        {
            return Some(Found {
                written: doc.text[bytes.clone()].to_string(),
                bytes,
                entity: None,
                anonymous: false,
                cue: ":".to_string(),
            });
        }
    }
    // "— Name Name (@handle)".
    for i in range.start + 1..range.end.saturating_sub(2) {
        if doc.token_text(i) == "(" && doc.token_text(i + 1) == "@" {
            let mut s = i;
            while s > range.start
                && i - s < 4
                && doc.tokens[s - 1].is_word()
                && doc.tokens[s - 1].capitalized
            {
                s -= 1;
            }
            if s < i && s > range.start && matches!(doc.token_text(s - 1), "—" | "–" | "-") {
                let bytes = doc.tokens[s].start..doc.tokens[i - 1].end;
                return Some(Found {
                    written: doc.text[bytes.clone()].to_string(),
                    bytes,
                    entity: None,
                    anonymous: false,
                    cue: "tweet".to_string(),
                });
            }
        }
    }
    None
}

thread_local! {
    /// How deep [`find_with_yielded`] is nested in the current sentence.
    static YIELD_DEPTH: std::cell::Cell<u8> = const { std::cell::Cell::new(0) };
}

/// [`find_with`] again without a cue that yields to the main clause ("as he put it", "as X
/// noted,"), never nested: each yielding cue would otherwise search the sentence
/// again for every other one, which on a crafted sentence of a dozen "as it noted," took
/// minutes.
fn find_with_yielded(
    doc: &Doc,
    entities: &Entities,
    range: Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
) -> Option<Found> {
    YIELD_DEPTH.with(|depth| {
        if depth.get() >= 1 {
            return None;
        }
        depth.set(depth.get() + 1);
        let found = find_with(doc, entities, range, allowed);
        depth.set(depth.get() - 1);
        found
    })
}
