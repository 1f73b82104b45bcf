//! The reporting cue of a sentence: [`find_with`] walks the sentence for a reporting verb, noun
//! or phrase ("said", "according to", "in a statement", "accused X of"), checks that it reports
//! content rather than a topic or an act ([`not_a_report`]), and asks [`super::speaker`] for the
//! speaker before or after it.

use super::lexicon::*;
use super::speaker::*;
use super::{find_with_yielded, is_headline, Found};
use crate::claims::is_month;
use crate::entities::{Entities, EntityType, WEEKDAYS};
use crate::lexicon::{any_word_class, is_stopword, word_class, WordClass};
use crate::text::{Doc, TokenKind};
use std::ops::{ControlFlow, Range};

/// Whether the words around the verb at `i` carry what was said: a double quote next to it
/// ("“Aye!” Lautenberg shouted", "shouted “Aye!”"); the verb closing a clause after a comma
/// ("…, the indictment states."); a clause without "that" ([`clause_follows`]); or a "that"
/// clause or colon within the next few words of the same clause — not after a preposition,
/// whose object is the topic ("commented on rumors that …", "hinted at").
pub(super) fn content_follows(doc: &Doc, range: Range<usize>, i: usize) -> bool {
    // A quote just before may close the previous sentence ("“Are you kidding me?” Tom shouted.").
    let near = i.saturating_sub(6)..range.end.min(i + 5);
    if near
        .into_iter()
        .any(|k| matches!(doc.token_text(k), "“" | "”" | "\""))
    {
        return true;
    }
    // "…, the indictment states.": what was said came before; "The lawsuit states the
    // punishment caused …": a clause without "that".
    let closes_clause = i + 1 >= range.end || matches!(doc.token_text(i + 1), "." | "!" | "?");
    if (closes_clause
        && (i.saturating_sub(5).max(range.start)..i).any(|k| doc.token_text(k) == ","))
        || clause_follows(doc, range.clone(), i)
    {
        return true;
    }
    // "proposed on Monday that …": a time phrase is not the verb's topic.
    let first = time_phrase_end(doc, range.end, i + 1);
    let after = first..range.end.min(first + 8);
    if after.clone().next().is_some_and(|k| {
        matches!(
            doc.tokens[k].lower.as_str(),
            "on" | "at" | "about" | "of" | "over" | "to" | "with" | "upon" | "in"
        )
    }) {
        return false;
    }
    after
        .take_while(|&k| !matches!(doc.token_text(k), "." | ";" | "?" | "!"))
        .any(|k| doc.tokens[k].lower == "that" || doc.token_text(k) == ":")
}

/// Whether the tokens before `end` close a hyphenated name written without spaces ("Moon
/// Jae-in", whose last part "in" is also a preposition).
pub(super) fn hyphenated_name_ends_at(doc: &Doc, end: usize) -> bool {
    end >= 3
        && doc.token_text(end - 2) == "-"
        && doc.tokens[end - 3].capitalized
        && doc.tokens[end - 3].end == doc.tokens[end - 2].start
        && doc.tokens[end - 2].end == doc.tokens[end - 1].start
}

/// Whether a clause without "that" follows the verb at `i`: a subject, then an auxiliary within
/// a few words ("agreed the deal would hold", "fear the tax will hurt families").
pub(super) fn clause_follows(doc: &Doc, range: Range<usize>, i: usize) -> bool {
    i + 1 < range.end
        && {
            let first = &doc.tokens[i + 1];
            first.capitalized
                || matches!(
                    first.lower.as_str(),
                    "the"
                        | "a"
                        | "an"
                        | "he"
                        | "she"
                        | "they"
                        | "it"
                        | "we"
                        | "i"
                        | "this"
                        | "there"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                )
        }
        && (i + 2..range.end.min(i + 7))
            .take_while(|&k| doc.tokens[k].is_word())
            .any(|k| {
                let w = doc.tokens[k].lower.as_str();
                AUXILIARIES.contains(&w) && !matches!(w, "be" | "been" | "do")
            })
}

/// The reporting cue of the sentence `range` and its speaker: the forms below, tried in turn;
/// `allowed` says which tokens may serve as the cue.
pub(super) fn find_with(
    doc: &Doc,
    entities: &Entities,
    range: Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
) -> Option<Found> {
    let headline = is_headline(doc, &range);
    if let Some(f) = colon_statement(doc, entities, &range, allowed) {
        return Some(f);
    }
    if let Some(f) = source_phrase(doc, entities, &range, allowed) {
        return Some(f);
    }
    if let Some(f) = headline_label(doc, entities, &range) {
        return Some(f);
    }
    if let Some(f) = transcript_label(doc, entities, &range) {
        return Some(f);
    }
    if let Some(f) = reporting_cue(doc, entities, &range, allowed, headline) {
        return Some(f);
    }
    if let Some(f) = opening_participle(doc, entities, &range, allowed) {
        return Some(f);
    }
    if let ControlFlow::Break(found) = participle_clause(doc, entities, &range, allowed) {
        return found;
    }
    issued_statement_saying(doc, entities, &range, allowed)
}

/// The colon-statement form: "X released the following statement on …: …".
fn colon_statement(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
) -> Option<Found> {
    // "Jenny Beth Martin, president of Tea Party Patriots, released the following statement on
    // the judge's nomination: …": what follows the colon is the statement; its issuer speaks.
    if let Some(colon) = (range.start + 3..range.end).find(|&k| doc.token_text(k) == ":") {
        let statement = (range.start..colon)
            .find(|&k| allowed(k) && STATEMENT_NOUNS.contains(&doc.tokens[k].lower.as_str()));
        let verb = statement.and_then(|k| {
            (range.start..k)
                .rev()
                .find(|&v| ISSUING_VERBS.contains(&doc.tokens[v].lower.as_str()))
        });
        if let Some(v) = verb {
            let cue = doc.tokens[v].lower.as_str();
            if let Some(f) = speaker_before(doc, entities, range.start, v, cue)
                .or_else(|| speaker_before_appositive(doc, entities, range.start, v, cue))
            {
                return Some(f);
            }
        }
    }
    None
}

/// The source-phrase forms: "according to X", "per X", "in the words of X", "as X put it".
fn source_phrase(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
) -> Option<Found> {
    for i in range.clone() {
        if !allowed(i) {
            continue;
        }
        if let Some(f) = according_to_at(doc, entities, range, allowed, i) {
            return Some(f);
        }
        if let Some(f) = words_of_at(doc, entities, range, i) {
            return Some(f);
        }
        if let Some(f) = as_put_it_at(doc, entities, range, allowed, i) {
            return Some(f);
        }
        if let Some(f) = in_words_at(doc, entities, range, i) {
            return Some(f);
        }
    }
    None
}

/// The credit-line form at `i`: "according to X", "…,” per X." closing the sentence.
fn according_to_at(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
    i: usize,
) -> Option<Found> {
    let lower = doc.tokens[i].lower.as_str();
    // "…,” per Memoli.": "per" and a name that closes the sentence.
    let per = lower == "per"
        && i > range.start
        && matches!(doc.token_text(i - 1), "," | "”" | "\"" | "’")
        && entities
            .starting_at(i + 1)
            .is_some_and(|(_, m)| m.tokens.end + 1 >= range.end);
    // "deciding cases according to the Constitution and laws": in accordance with, not a
    // source.
    let rule_book = |k: usize| {
        let k = if k < range.end && doc.tokens[k].lower == "the" {
            k + 1
        } else {
            k
        };
        k < range.end
            && matches!(
                doc.tokens[k].lower.as_str(),
                "constitution"
                    | "law"
                    | "laws"
                    | "rules"
                    | "plan"
                    | "schedule"
                    | "script"
                    | "guidelines"
                    | "tradition"
                    | "protocol"
                    | "procedure"
            )
    };
    let according = lower == "according"
        && i + 1 < range.end
        && doc.tokens[i + 1].lower == "to"
        && !rule_book(i + 2);
    if according || per {
        let (from, cue) = if per {
            (i + 1, "per")
        } else {
            (i + 2, "according to")
        };
        if let Some(f) = speaker_after(doc, entities, from, range.end, cue) {
            // A credit line after another report ("the memo said, according to the
            // paper", "RIA Novosti reported, according to Reuters"): the inner report's
            // source speaks.
            if i > range.start + 2 && doc.token_text(i - 1) == "," {
                if let Some(inner) = find_with(doc, entities, range.start..i - 1, allowed)
                    .filter(|g| g.cue != "according to" && g.cue != "per")
                {
                    return Some(inner);
                }
            }
            return Some(f);
        }
    }
    None
}

/// The "in the words of X" / "in the view of X" form at `i`.
fn words_of_at(doc: &Doc, entities: &Entities, range: &Range<usize>, i: usize) -> Option<Found> {
    let lower = doc.tokens[i].lower.as_str();
    // "In the words of the Biden family: …", "in the view of many observers".
    if matches!(lower, "words" | "view" | "opinion")
        && i >= range.start + 2
        && doc.tokens[i - 1].lower == "the"
        && doc.tokens[i - 2].lower == "in"
        && i + 1 < range.end
        && doc.tokens[i + 1].lower == "of"
    {
        let cue = if lower == "words" {
            "in the words of"
        } else {
            "in the view of"
        };
        if let Some(f) = speaker_after(doc, entities, i + 2, range.end, cue) {
            return Some(f);
        }
    }
    None
}

/// Whether the token at `k` (inside the sentence `range`) is the lowercase word `w`.
fn word_at(doc: &Doc, range: &Range<usize>, k: usize, w: &str) -> bool {
    k < range.end && doc.tokens[k].lower == w
}

/// The "as X put it" form at `i`.
fn as_put_it_at(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
    i: usize,
) -> Option<Found> {
    let lower = doc.tokens[i].lower.as_str();
    // "As Smith put it, …" and "In Smith's words, …".
    if lower == "as" {
        if let Some(put) = (i + 2..range.end.min(i + 9)).find(|&k| {
            (word_at(doc, range, k, "put") || word_at(doc, range, k, "puts"))
                && word_at(doc, range, k + 1, "it")
        }) {
            if let Some(f) = speaker_after(doc, entities, i + 1, put, "as … put it") {
                // "Mr. Xi invited Mr. Obama …, telling his guest …, or, as he put it, …":
                // a pronoun points back to the main clause's speaker, who is named there.
                if PRONOUNS.contains(&f.written.to_lowercase().as_str()) {
                    let without_as = |k: usize| allowed(k) && k != i;
                    if let Some(main) = find_with_yielded(doc, entities, range.clone(), &without_as)
                        .filter(|g| !PRONOUNS.contains(&g.written.to_lowercase().as_str()))
                    {
                        return Some(main);
                    }
                }
                return Some(f);
            }
        }
    }
    None
}

/// The "In X's words" / "In X's view" form at `i`.
fn in_words_at(doc: &Doc, entities: &Entities, range: &Range<usize>, i: usize) -> Option<Found> {
    let lower = doc.tokens[i].lower.as_str();
    if lower == "in" {
        // "In Dimon's view, …" too.
        if let Some(words) = (i + 2..range.end.min(i + 9)).find(|&k| {
            (word_at(doc, range, k, "words")
                || word_at(doc, range, k, "view")
                || word_at(doc, range, k, "opinion"))
                && matches!(doc.token_text(k - 1), "'s" | "’s")
        }) {
            if let Some(f) = speaker_after(doc, entities, i + 1, words - 1, "in … words") {
                return Some(f);
            }
        }
    }
    None
}

/// The headline-label form: "Pompeo: Trump may hold … in 'near future'".
fn headline_label(doc: &Doc, entities: &Entities, range: &Range<usize>) -> Option<Found> {
    // Headline "Pompeo: Trump may hold 2nd meeting … in 'near future'": one capitalized word
    // that is no dictionary word, place or organization, a colon, and quoted words after it.
    let w = &doc.tokens[range.start];
    if range.len() > 4
        && doc.token_text(range.start + 1) == ":"
        && w.is_word()
        && w.capitalized
        && !w.all_caps
        && word_class(&w.lower).is_none()
        && !is_stopword(&w.lower)
        && !NOT_LABELS.contains(&w.lower.as_str())
        && !entities.starting_at(range.start).is_some_and(|(g, _)| {
            matches!(
                entities.groups[g].entity_type,
                EntityType::Location | EntityType::Organization
            )
        })
        && (range.start + 2..range.end).any(|k| matches!(doc.token_text(k), "'" | "‘" | "“" | "\""))
    {
        let bytes = w.start..w.end;
        return Some(Found {
            written: doc.text[bytes.clone()].to_string(),
            bytes,
            entity: entities.starting_at(range.start).map(|(g, _)| g),
            anonymous: false,
            cue: ":".to_string(),
        });
    }
    None
}

/// The transcript form: a person's name and a colon, "Name: …".
fn transcript_label(doc: &Doc, entities: &Entities, range: &Range<usize>) -> Option<Found> {
    // Headline or transcript form: "Name: …".
    if let Some((g, m)) = entities.starting_at(range.start) {
        if m.tokens.end < range.end
            && doc.token_text(m.tokens.end) == ":"
            && entities.groups[g].entity_type == EntityType::Person
            // "Embed Bowe Bergdahl: …" is page furniture.
            && !NOT_LABELS.contains(&doc.tokens[range.start].lower.as_str())
        {
            return Some(found_entity(doc, entities, g, m.bytes.clone(), ":"));
        }
    }
    None
}

/// The reporting-cue forms: a reporting verb or phrase anywhere in the sentence, and its speaker.
fn reporting_cue(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
    headline: bool,
) -> Option<Found> {
    for i in range.clone() {
        if let Some(f) = reporting_cue_at(doc, entities, range, allowed, headline, i) {
            return Some(f);
        }
    }
    None
}

/// The reporting cue at `i`: the cue forms it may take, the checks that it reports here, its speaker.
fn reporting_cue_at(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
    headline: bool,
    i: usize,
) -> Option<Found> {
    let t = &doc.tokens[i];
    let lower = t.lower.as_str();
    let CueForms {
        shot_back,
        made_clear,
        judged_as,
        judged_for,
        proposed,
        feared,
        threatened,
        document_found,
        verdict,
        read_out,
        quoted_as,
        put_forward,
        began,
        progressive,
        urged_to,
        headline_judgment,
    } = cue_forms(doc, range, headline, i);
    // "RT quoted Maria Levashova as saying that …": the one quoted speaks.
    if allowed(i) && matches!(lower, "quoted" | "quotes") && !quoted_as {
        if let Some(f) = quoted_as_saying(doc, entities, range, i) {
            return Some(f);
        }
    }
    // In a title-case headline ("Paul Ryan Asks That …") a capitalized verb is a verb.
    if !allowed(i)
        || !(is_reporting_verb(lower)
            || shot_back
            || made_clear
            || judged_as
            || judged_for
            || urged_to
            || progressive
            || feared
            || proposed
            || threatened
            || quoted_as
            || document_found
            || verdict
            || read_out
            || put_forward
            || headline_judgment
            || began)
        || (t.capitalized && i > range.start && !headline)
    {
        return None;
    }
    if let Some(aux) = passive_aux(doc, range, i, progressive) {
        return passive_agent(doc, entities, range, i, aux, quoted_as);
    }
    if reads_as_noun(doc, range, i) {
        return None;
    }
    if not_a_report(doc, range, i) {
        return None;
    }
    if passive_participle(doc, range, i) {
        return None;
    }
    // "claim compensation", "claimed the seat": a claim to something is no statement.
    // "claimed" reports with what is claimed right after it ("that", a clause, a quote or
    // colon, an infinitive: "claimed not to be following"), closing the clause after a quote
    // or comma, or as a declaration ("claimed victory", "claimed responsibility for").
    if matches!(lower, "claim" | "claims" | "claimed") && claim_without_content(doc, range, i) {
        return None;
    }
    // "Mrs. Clinton maintains a wide lead": these verbs report only before "that", a colon,
    // a comma or a quote, or closing the clause.
    if OBJECT_VERBS.contains(&lower) && object_verb_without_content(doc, range, i, judged_as) {
        return None;
    }
    // "Sessions has not confirmed that …": a speech act that did not happen.
    // ("Clinton doesn’t deny that …": the contraction may be one token, with either
    // apostrophe.)
    let j = skip_between(doc, range.start, i);
    let negation = |k: usize| {
        let w = doc.tokens[k].lower.as_str();
        matches!(w, "not" | "never") || w.ends_with("n't") || w.ends_with("n’t")
    };
    // "has said nothing on Twitter about Mr. Moore".
    let said_nothing = word_at(doc, range, i + 1, "nothing");
    if (j..i).any(negation) || (i > range.start && negation(i - 1)) || said_nothing {
        return None;
    }
    // Double quotes only: ’ is also an apostrophe ("B’DAY").
    let quoted_anywhere = range
        .clone()
        .any(|k| matches!(doc.token_text(k), "“" | "”" | "\""));
    if about_topic(doc, range, i, quoted_anywhere) {
        return None;
    }
    if CONTENT_VERBS.contains(&lower) && !content_follows(doc, range.clone(), i) {
        return None;
    }
    // "…, which the GOP has long promised.": the relative pronoun is the verb's object,
    // a thing promised, not a statement.
    let clause_ends = i + 1 >= range.end || matches!(doc.token_text(i + 1), "." | "!" | "?");
    if clause_ends
        && !quoted_anywhere
        && (i.saturating_sub(6).max(range.start)..i).any(|k| doc.tokens[k].lower == "which")
    {
        return None;
    }
    // The noun-phrase and threat cues read only for a plain subject right before them
    // ("Romney made the case that …"), not inside another clause ("… saying Lewandowski
    // had threatened to …", "caucus members who threatened to …").
    if (threatened || put_forward) && subject_not_plain(doc, range, i) {
        return None;
    }
    // "Brazile asked Carlson.": a listener and nothing said (no content before the
    // subject either, as in "…, Hickey told CNN's Wolf Blitzer.").
    if listener_only(doc, range, i, quoted_anywhere) {
        return None;
    }
    cue_speaker(doc, entities, range, allowed, headline, i, j)
}

/// The cue forms the word at `i` may take besides a plain reporting verb.
struct CueForms {
    shot_back: bool,
    made_clear: bool,
    judged_as: bool,
    judged_for: bool,
    proposed: bool,
    feared: bool,
    threatened: bool,
    document_found: bool,
    verdict: bool,
    read_out: bool,
    quoted_as: bool,
    put_forward: bool,
    began: bool,
    progressive: bool,
    urged_to: bool,
    headline_judgment: bool,
}

/// Which cue forms the word at `i` takes: "made clear that", "dismissed … as", "fear that", ….
fn cue_forms(doc: &Doc, range: &Range<usize>, headline: bool, i: usize) -> CueForms {
    let lower = doc.tokens[i].lower.as_str();
    // "United States" is not a verb: a capitalized word mid-sentence is a name.
    let shot_back = matches!(lower, "shot" | "fired") && word_at(doc, range, i + 1, "back");
    // "made clear that", "made it clear that".
    let made_clear = lower == "made"
        && (word_at(doc, range, i + 1, "clear")
            || word_at(doc, range, i + 1, "plain")
            || (word_at(doc, range, i + 1, "it")
                && i + 2 < range.end
                && matches!(doc.tokens[i + 2].lower.as_str(), "clear" | "plain")));
    // "cast the state as a turning point", "dismissed the report as fake": a verb of
    // judgment whose "as" complement states what was said.
    let judged_as = AS_VERBS.contains(&lower)
        && (i + 2..range.end.min(i + 10))
            .take_while(|&k| !matches!(doc.token_text(k), "," | "." | ";" | ":"))
            .any(|k| doc.tokens[k].lower == "as");
    // "thanked the ambassador for his help", "encouraged others to be vigilant": praise or
    // blame with its reason, urging with what is urged.
    let complement = |verbs: &[&str], word: &str, reach: usize| {
        verbs.contains(&lower)
            && (i + 2..range.end.min(i + reach))
                .take_while(|&k| !matches!(doc.token_text(k), "," | "." | ";" | ":"))
                .any(|k| doc.tokens[k].lower == word)
    };
    let judged_for = complement(FOR_VERBS, "for", 10)
        // "Masipa convicted Pistorius of culpable homicide": a court's finding.
        || complement(&["convicted", "convicts", "acquitted", "acquits"], "of", 8);
    // "Some in Congress privately fear that …": a fear with its content.
    // "proposed on Monday that …" (not "the city's proposed lawsuit").
    let proposed = matches!(lower, "proposed" | "proposes") && {
        let n = time_phrase_end(doc, range.end, i + 1);
        n < range.end && doc.tokens[n].lower == "that"
    };
    let feared = matches!(lower, "fear" | "fears" | "feared")
        && (word_at(doc, range, i + 1, "that") || clause_follows(doc, range.clone(), i));
    // "threatened to veto the bill": a threat states what will be done.
    let threatened = matches!(lower, "threatened" | "threatens")
        && (word_at(doc, range, i + 1, "to") || word_at(doc, range, i + 1, "that"));
    // "The report found that …", "a new poll shows that …": a document's finding.
    let document_found = matches!(
        lower,
        "found"
            | "finds"
            | "shows"
            | "showed"
            | "show"
            | "concludes"
            | "concluded"
            | "reveals"
            | "revealed"
            | "reveal"
    ) && (word_at(doc, range, i + 1, "that")
        // "Mueller Report Finds No Collusion": a headline states the finding.
        || headline
        // "…, the IG report finds.": the finding came before.
        || ((i + 1 >= range.end || matches!(doc.token_text(i + 1), "." | "!"))
            && (i.saturating_sub(6).max(range.start)..i).any(|k| doc.token_text(k) == ",")))
        && {
            // The subject's head, or a head before "by"/"from"/"of" ("A report by the
            // agency found …").
            let j = skip_between(doc, range.start, i);
            let document = |k: usize| DOCUMENT_NOUNS.contains(&doc.tokens[k].lower.as_str());
            j > range.start
                && (document(j - 1)
                    || (j.saturating_sub(6).max(range.start)..j - 1).any(|k| {
                        document(k)
                            && matches!(doc.tokens[k + 1].lower.as_str(), "by" | "from" | "of")
                    }))
        };
    // "It found him guilty of contempt": a court's verdict.
    let verdict = matches!(lower, "found" | "finds")
        && (i + 2..range.end.min(i + 6)).any(|k| {
            matches!(
                doc.tokens[k].lower.as_str(),
                "guilty" | "liable" | "innocent"
            )
        });
    // "“…,” the statement read.", "A sign read: “…”": written words quoted.
    let read_out = matches!(lower, "read" | "reads") && content_follows(doc, range.clone(), i) && {
        let j = skip_between(doc, range.start, i);
        j > range.start
            && matches!(
                doc.tokens[j - 1].lower.as_str(),
                "statement"
                    | "letter"
                    | "sign"
                    | "signs"
                    | "note"
                    | "message"
                    | "post"
                    | "tweet"
                    | "caption"
                    | "banner"
                    | "headline"
                    | "text"
                    | "email"
                    | "notice"
                    | "release"
                    | "placard"
                    | "poster"
                    | "memo"
                    | "card"
            )
    };
    // "Smith was quoted as saying …": the passive subject is the speaker.
    let quoted_as = lower == "quoted"
        && word_at(doc, range, i + 1, "as")
        && i + 2 < range.end
        && matches!(
            doc.tokens[i + 2].lower.as_str(),
            "saying" | "telling" | "stating" | "writing" | "calling"
        );
    // "expressed concern that …", "doubled down on his claim that …", "voiced support for
    // the plan": a verb that puts a speech noun forward, with its content or its object.
    let put_forward = SPEECH_NOUN_VERBS.contains(&lower)
        && (i + 1..range.end.min(i + 7))
            .take_while(|&k| doc.tokens[k].is_word() || matches!(doc.token_text(k), "'s" | "’s"))
            .any(|k| {
                let noun = doc.tokens[k].lower.as_str();
                let next = doc.tokens.get(k + 1).filter(|_| k + 1 < range.end);
                let next = next.map_or("", |n| n.lower.as_str());
                (SPEECH_NOUNS.contains(&noun) && next == "that")
                    || (matches!(noun, "support" | "opposition") && matches!(next, "for" | "to"))
            });
    // "“Let me answer it this way,” Dougherty began": only right after a quote.
    let began = matches!(lower, "began" | "begins")
        && (i.saturating_sub(5).max(range.start)..i)
            .rev()
            .find(|&q| !doc.tokens[q].is_word())
            .is_some_and(|q| matches!(doc.token_text(q), "”" | "\"") && q + 1 < i);
    // "another woman, Maria Farmer, is claiming …": a progressive reports like the finite
    // verb ("claims").
    // Only participles whose verb takes what is said ("is calling on President Obama for
    // counsel", "are maintaining a prayer fast" need the object rules of their finite forms).
    let progressive = PROGRESSIVE_REPORTS.contains(&lower)
        && i > range.start
        && matches!(
            doc.tokens[i - 1].lower.as_str(),
            "is" | "are" | "was" | "were" | "been"
        );
    let urged_to = complement(TO_VERBS, "to", 7);
    // "Cory Booker Slams Joe Biden's 'Awful' and 'Shameful' 1994 Crime Bill": a headline's
    // verb of judgment with the quoted words it judges by.
    let headline_judgment = headline
        && (AS_VERBS.contains(&lower) || FOR_VERBS.contains(&lower))
        && (i + 1..range.end).any(|k| matches!(doc.token_text(k), "'" | "‘" | "“" | "\""));
    CueForms {
        shot_back,
        made_clear,
        judged_as,
        judged_for,
        proposed,
        feared,
        threatened,
        document_found,
        verdict,
        read_out,
        quoted_as,
        put_forward,
        began,
        progressive,
        urged_to,
        headline_judgment,
    }
}

/// The "X quoted Y as saying …" form at `i`: the one quoted speaks.
fn quoted_as_saying(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    i: usize,
) -> Option<Found> {
    let as_saying = (i + 2..range.end.min(i + 9)).find(|&k| {
        doc.tokens[k].lower == "as"
            && doc.tokens.get(k + 1).is_some_and(|n| {
                matches!(
                    n.lower.as_str(),
                    "saying" | "telling" | "stating" | "writing"
                )
            })
    });
    if let Some(f) = as_saying.and_then(|k| speaker_after(doc, entities, i + 1, k, "quoted")) {
        return Some(f);
    }
    None
}

/// The passive form at `i` ("was announced by …"): the auxiliary's index after the adverbs, if any.
fn passive_aux(doc: &Doc, range: &Range<usize>, i: usize, progressive: bool) -> Option<usize> {
    // Passive: "was announced by the ministry", "was reported first by CNN".
    let mut aux = i;
    while aux > range.start + 1 && {
        let w = doc.tokens[aux - 1].lower.as_str();
        matches!(
            w,
            "also" | "then" | "later" | "previously" | "reportedly" | "first"
        ) || (w.len() > 4 && w.ends_with("ly"))
    } {
        aux -= 1;
    }
    // "…, I’m told tonight.": the one told is not the source.
    let contracted_be =
        |w: &str| w == "am" || ["’m", "'m", "’re", "'re"].iter().any(|c| w.ends_with(c));
    if !progressive
        && aux > range.start
        && (matches!(
            doc.tokens[aux - 1].lower.as_str(),
            "was" | "were" | "been" | "is" | "are" | "be" | "being"
        ) || contracted_be(doc.tokens[aux - 1].lower.as_str()))
    {
        Some(aux)
    } else {
        None
    }
}

/// The passive form's agent: "was announced by the ministry"; none when no agent reports.
fn passive_agent(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    i: usize,
    aux: usize,
    quoted_as: bool,
) -> Option<Found> {
    let lower = doc.tokens[i].lower.as_str();
    // "is scheduled to be announced by X", "will be announced by X": not yet said.
    if doc.tokens[aux - 1].lower == "be" {
        return None;
    }
    // "Karroubi was quoted as saying … by Saham News": the one quoted is the speaker.
    if quoted_as {
        if let Some(f) = speaker_before(doc, entities, range.start, aux - 1, lower) {
            return Some(f);
        }
    }
    // "Manafort was charged by Mr Mueller last October": no charge, nothing said.
    if matches!(lower, "charged" | "accused")
        && !(i + 1..range.end.min(i + 10))
            .take_while(|&k| !matches!(doc.tokens[k].lower.as_str(), "and" | "," | ";"))
            .any(|k| matches!(doc.tokens[k].lower.as_str(), "with" | "of"))
    {
        return None;
    }
    let by = (i + 1..range.end.min(i + 7)).find(|&k| doc.tokens[k].lower == "by");
    if let Some(by) = by {
        if let Some(f) = speaker_after(doc, entities, by + 1, range.end, lower) {
            return Some(f);
        }
    }
    // "Trump was asked to respond": no agent, no speaker.
    None
}

/// Whether the cue word at `i` is a noun or an adjective here ("Trump's claims", "alleged ties").
fn reads_as_noun(doc: &Doc, range: &Range<usize>, i: usize) -> bool {
    let lower = doc.tokens[i].lower.as_str();
    // "Trump's claims", "the report", "his calls": after a determiner or a possessive the
    // word is a noun.
    if i > range.start
        && (matches!(
            doc.tokens[i - 1].lower.as_str(),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
        ) || doc.tokens[i - 1].lower.ends_with("'s"))
        && lower != "alleged"
    {
        return true;
    }
    // "his ambitious campaign promises.": after a modifier or noun that follows a
    // determiner, a plural cue is a noun.
    if matches!(
        lower,
        "promises" | "claims" | "reports" | "notes" | "estimates"
    ) && i >= range.start + 2
        && !doc.tokens[i - 1].capitalized
        && matches!(
            any_word_class(&doc.tokens[i - 1].lower),
            Some(WordClass::Noun | WordClass::Modifier)
        )
        && (i.saturating_sub(4).max(range.start)..i - 1).any(|k| {
            matches!(
                doc.tokens[k].lower.as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
            )
            // "“…,” the newspaper reports.": after a quote or comma it is the verb.
            && !(k > range.start && matches!(doc.token_text(k - 1), "," | "”" | "\""))
        })
    {
        return true;
    }
    // "Current estimate is that …", "his claims were …": followed by a copula or modal, a
    // present-tense cue is a noun.
    // ("an alliance which he says will lead Europe": after a pronoun it is the verb.)
    let after_pronoun = i > range.start && PRONOUNS.contains(&doc.tokens[i - 1].lower.as_str());
    if !lower.ends_with("ed")
        && !matches!(lower, "said" | "told" | "wrote")
        && !after_pronoun
        && i + 1 < range.end
        && matches!(
            doc.tokens[i + 1].lower.as_str(),
            "is" | "are"
                | "was"
                | "were"
                | "will"
                | "would"
                | "could"
                | "should"
                | "can"
                | "may"
                | "might"
                | "has"
                | "have"
        )
    {
        return true;
    }
    // "the campaign's alleged Russia ties": an adjective.
    if lower == "alleged"
        && i > range.start
        && (matches!(
            doc.tokens[i - 1].lower.as_str(),
            "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "this"
        ) || doc.tokens[i - 1].lower.ends_with("'s"))
    {
        return true;
    }
    false
}

/// Whether the cue at `i` is the participle of a passive headline or appositive ("confirmed as").
fn passive_participle(doc: &Doc, range: &Range<usize>, i: usize) -> bool {
    let lower = doc.tokens[i].lower.as_str();
    // "Gina Haspel confirmed as CIA director", "X, …, accused of assault": a participle of a
    // passive headline or appositive, not a report.
    if matches!(
        lower,
        "confirmed" | "accused" | "charged" | "described" | "called" | "named" | "praised"
    ) && i + 1 < range.end
        && matches!(doc.tokens[i + 1].lower.as_str(), "as" | "of" | "with")
        && !(i > range.start
            && (matches!(doc.tokens[i - 1].lower.as_str(), "has" | "have" | "had")
                // "what he described as …": a subject pronoun makes it active.
                || PRONOUNS.contains(&doc.tokens[i - 1].lower.as_str())))
    {
        return true;
    }
    false
}

/// Whether "claim" at `i` comes without what is claimed ("claimed the seat").
fn claim_without_content(doc: &Doc, range: &Range<usize>, i: usize) -> bool {
    // "claimed last year there was …": past a time phrase.
    let n = time_phrase_end(doc, range.end, i + 1);
    let next = if n < range.end {
        doc.tokens[n].lower.as_str()
    } else {
        "."
    };
    // "what she claims happened", "as Wolff claims;": the content stands before.
    let before =
        |w: &str| (i.saturating_sub(4).max(range.start)..i).any(|k| doc.tokens[k].lower == w);
    let content_before = (i >= range.start + 2 && doc.tokens[i - 2].lower == "what")
        || (before("as") && matches!(next, "." | ";" | "," | "!" | "?"));
    let infinitive = matches!(next, "to" | "not");
    let declared = (i + 1..range.end.min(i + 4)).any(|k| {
        matches!(
            doc.tokens[k].lower.as_str(),
            "victory" | "responsibility" | "credit" | "win"
        )
    });
    let closes_after_quote = matches!(next, "." | "!" | "?")
        && i > range.start
        && matches!(doc.token_text(i - 1), "," | "”" | "\"" | "’");
    let content = matches!(next, "that" | "," | ":" | "“" | "\"" | "‘" | "'")
        || PRONOUNS.contains(&next)
        || content_before
        || infinitive
        || declared
        || closes_after_quote
        || clause_follows(doc, range.clone(), n - 1)
        // "claimed on Twitter that …", "claimed without evidence that …".
        || (i + 2..range.end.min(i + 7))
            .take_while(|&k| !matches!(doc.token_text(k), "," | "." | ";"))
            .any(|k| doc.tokens[k].lower == "that")
            && matches!(next, "on" | "in" | "without" | "falsely" | "repeatedly");
    !content
}

/// Whether an object-taking verb at `i` comes without what was said ("maintains a wide lead").
fn object_verb_without_content(doc: &Doc, range: &Range<usize>, i: usize, judged_as: bool) -> bool {
    let lower = doc.tokens[i].lower.as_str();
    // Skip adverbs and time words after the verb ("Clinton added later, …").
    let mut n = i + 1;
    while n < range.end && {
        let w = doc.tokens[n].lower.as_str();
        BETWEEN.contains(&w)
            || TIME_WORDS.contains(&w)
            || WEEKDAYS.contains(&w)
            || (w.len() > 4 && w.ends_with("ly"))
    } {
        n += 1;
    }
    let next = if n < range.end {
        doc.token_text(n)
    } else {
        "."
    };
    let after_quote = (i > range.start
        && matches!(doc.token_text(i - 1), "," | "”" | "\"" | "’" | "'"))
        || (range.start..i).any(|k| matches!(doc.token_text(k), "”" | "\""));
    // "questioned Anderson Cooper … as to why": the content may follow a short object.
    let content_soon = (i + 1..range.end.min(i + 13)).any(|k| {
        matches!(
            doc.tokens[k].lower.as_str(),
            "that" | "why" | "whether" | "how" | ":" | "“" | "\""
        )
    });
    // "agreed the deal would hold", "added the vote is binding": a clause without
    // "that" (a subject, then an auxiliary within a few words).
    let content_soon = content_soon || clause_follows(doc, range.clone(), i);
    // "called for a vote", "called on X to …".
    // "called X a liar": an object and its complement.
    // "called the tax unfair": a short object, then an adjective closing the clause.
    let called_adjective = (i + 3..range.end.min(i + 7)).any(|k| {
        matches!(doc.token_text(k), "." | "," | ";")
            && (i + 1..k).all(|m| doc.tokens[m].is_word())
            && any_word_class(&doc.tokens[k - 1].lower) == Some(WordClass::Modifier)
    });
    let call = matches!(lower, "called" | "calls")
        && (matches!(next.to_lowercase().as_str(), "for" | "on")
            // "an attack on what she called the government's failure".
            || (i >= range.start + 2
                && doc.tokens[i - 2].lower == "what"
                && PRONOUNS.contains(&doc.tokens[i - 1].lower.as_str()))
            || called_adjective
            // "called on Garda Commissioner Drew Harris to …" ("on" is also a word
            // that may stand between, skipped above).
            || (i + 1 < range.end && doc.tokens[i + 1].lower == "on")
            || (i + 2..range.end.min(i + 6))
                .any(|k| matches!(doc.tokens[k].lower.as_str(), "a" | "an"))
            // "called Levi's first question about … a “blatant disregard …”".
            || (i + 2..range.end.min(i + 16))
                .take_while(|&k| !matches!(doc.token_text(k), "," | "." | ";" | ":"))
                .any(|k| {
                    matches!(doc.tokens[k].lower.as_str(), "a" | "an")
                        && k + 1 < range.end
                        && matches!(doc.token_text(k + 1), "“" | "\"")
                }));
    // "agreed to a sentence of 13 years": an agreement, not a statement ("agreed to
    // recommend that …" states one).
    let agreement = lower.starts_with("agree")
        && matches!(next.to_lowercase().as_str(), "to" | "with" | "on")
        && !content_soon;
    // "has maintained his innocence": a plea of innocence is a statement.
    let innocence = lower.starts_with("maintain")
        && (i + 1..range.end.min(i + 5)).any(|k| doc.tokens[k].lower == "innocence");
    // "has continued building warheads": going on, unless the verb closes or opens what
    // was said ("…,” he continued.", "continued: …").
    let going_on = lower.starts_with("continue")
        && !after_quote
        && !matches!(next, "," | "." | ":" | "“" | "\"");
    // "who officials have described as a creative diplomat", "describes colluding …
    // to “put people in the line …”".
    let described = lower.starts_with("describ")
        && (next.eq_ignore_ascii_case("as")
            || (i + 1..range.end).any(|k| matches!(doc.token_text(k), "“" | "\"")));
    // "Kennedy had called.": a phone call; "called" closing a clause reports only after
    // a quote.
    let bare_call = matches!(lower, "called" | "calls") && next == "." && !after_quote;
    // "a group called the Boycott Exxon Alliance": a name given, not words said.
    let naming = lower == "called"
        && i > range.start
        && i + 1 < range.end
        && matches!(
            doc.tokens[i - 1].lower.as_str(),
            "group"
                | "organization"
                | "organisation"
                | "company"
                | "firm"
                | "movement"
                | "coalition"
                | "alliance"
                | "program"
                | "programme"
                | "project"
                | "operation"
                | "system"
                | "network"
                | "campaign"
                | "band"
                | "film"
                | "book"
                | "town"
                | "village"
        )
        && {
            let n = if doc.tokens[i + 1].lower == "the" {
                i + 2
            } else {
                i + 1
            };
            n < range.end && doc.tokens[n].capitalized && doc.tokens[n].is_word()
        };
    let reports = !agreement
        && !naming
        && !going_on
        && !bare_call
        && (after_quote
            || judged_as
            || described
            || innocence
            // "tweeted on Wednesday suggesting …": a participle carries the content.
            || PARTICIPLES.contains(&next.to_lowercase().as_str())
            || call
            || matches!(next, "," | "." | "out" | "if")
            || content_soon);
    !reports
}

/// Whether the cue at `i` has only its topic after it: "complains about West Wing colleagues".
fn about_topic(doc: &Doc, range: &Range<usize>, i: usize, quoted_anywhere: bool) -> bool {
    // "complains about West Wing colleagues", "revealed more details about a meeting",
    // "things Trump has said about Putin": the topic, not what was said. A quote or colon
    // anywhere in the sentence, or a "that" before "about", may carry the content.
    let about = (i + 1..range.end.min(i + 9))
        // Only over the cue's object: a pronoun, auxiliary or past form starts a clause
        // ("said he expects the process to begin about a year before …").
        .take_while(|&k| {
            let w = doc.tokens[k].lower.as_str();
            (doc.tokens[k].is_word() || matches!(w, "'s" | "’s" | "'" | "’"))
                && !PRONOUNS.contains(&w)
                && !AUXILIARIES.contains(&w)
                && !(k > i + 1 && w.ends_with("ed"))
                // "denied knowing about the payment": a gerund clause is the content.
                && !(k == i + 1
                    && w.len() > 5
                    && w.ends_with("ing")
                    && !matches!(
                        w,
                        "during"
                            | "regarding"
                            | "concerning"
                            | "including"
                            | "following"
                            | "nothing"
                            | "something"
                            | "anything"
                            | "everything"
                    ))
                // "accused Jones of lying about the tax": the "of" complement is what
                // was said.
                && w != "of"
                // "urged voters not to feel guilty about …": so is an infinitive.
                && !(w == "to"
                    && doc.tokens.get(k + 1).is_some_and(|n| {
                        !n.capitalized
                            && n.is_word()
                            && !is_stopword(&n.lower)
                            && !matches!(
                                n.lower.as_str(),
                                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this"
                            )
                    }))
        })
        .find(|&k| {
            // "said about 10 first responders were hurt": "about" before a number.
            doc.tokens[k].lower == "about"
                && !doc
                    .tokens
                    .get(k + 1)
                    .is_some_and(|n| n.kind == TokenKind::Number)
        });
    about.is_some_and(|a| {
        !quoted_anywhere
            && !(i + 1..a).any(|k| doc.tokens[k].lower == "that")
            && !(a..range.end.min(a + 8)).any(|k| doc.token_text(k) == ":")
    })
}

/// Whether a noun-phrase or threat cue at `i` lacks a plain subject right before it.
fn subject_not_plain(doc: &Doc, range: &Range<usize>, i: usize) -> bool {
    let j = skip_between(doc, range.start, i);
    let plain = j > range.start && {
        let w = &doc.tokens[j - 1];
        w.capitalized
            || PRONOUNS.contains(&w.lower.as_str())
            || SOURCE_NOUNS.contains(&w.lower.as_str())
            || ANONYMOUS_HEADS.contains(&w.lower.as_str())
    };
    let earlier_cue = (range.start..j).any(|k| {
        let w = doc.tokens[k].lower.as_str();
        is_reporting_verb(w) || PARTICIPLES.contains(&w)
    });
    !plain || earlier_cue
}

/// Whether the cue at `i` names only a listener and nothing said: "Brazile asked Carlson.".
fn listener_only(doc: &Doc, range: &Range<usize>, i: usize, quoted_anywhere: bool) -> bool {
    let lower = doc.tokens[i].lower.as_str();
    matches!(lower, "asked" | "asks" | "told" | "tells")
        && !quoted_anywhere
        && !(range.start..i).any(|k| doc.token_text(k) == ",")
        && range.end > i + 1
        && range.end - i <= 6
        // Only a name or an object pronoun ("She asked if he had regrets." asks something).
        && (i + 1..range.end - 1).all(|k| {
            let t = &doc.tokens[k];
            t.is_word()
                && (t.capitalized || matches!(t.lower.as_str(), "him" | "her" | "them" | "me" | "us"))
        })
        && doc.token_text(range.end - 1) == "."
}

/// The speaker of the reporting cue at `i`, whose subject starts at `j`.
fn cue_speaker(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
    headline: bool,
    i: usize,
    j: usize,
) -> Option<Found> {
    let lower = doc.tokens[i].lower.as_str();
    // "said X" after a quote or comma: the speaker follows. "asked X" follows a comma in
    // "The ACLU, representing …, asked Robinson to …": inverted only after a quote.
    // "Marco Rubio slams Cuba agreement, says Obama is 'willfully ignorant'": a headline's
    // second verb after a comma.
    let headline_second = headline
        && j > range.start + 1
        && doc.token_text(j - 1) == ","
        && matches!(lower, "says" | "say" | "warns" | "claims" | "insists");
    if let Some(f) = inverted_speaker(doc, entities, range, i, headline_second) {
        return Some(f);
    }
    // "Tonkin declined to elaborate, but said …": the sentence's subject reports.
    if (headline_second
        || (j > range.start + 1 && matches!(doc.tokens[j - 1].lower.as_str(), "and" | "but")))
        && !(range.start..j)
            .any(|k| matches!(doc.tokens[k].lower.as_str(), "who" | "which" | "whom"))
    {
        if let Some(f) = coordinated_subject(doc, entities, range, j, lower) {
            return Some(f);
        }
    }
    if let Some(f) = message_issuer(doc, entities, range, i) {
        return Some(f);
    }
    if let Some(f) = parenthetical_yields(doc, entities, range, allowed, i) {
        return Some(f);
    }
    // "in the wake of a detailed investigative report in The Wall Street Journal on Friday
    // that said …": the document says it.
    if let Some(f) = document_before_relative(doc, entities, range.start, i, lower) {
        return Some(f);
    }
    if let Some(f) = what_pronoun_called(doc, entities, range, i) {
        return Some(f);
    }
    if let Some(f) = speaker_before(doc, entities, range.start, i, lower) {
        return Some(f);
    }
    // "Arthur Brooks, president of the institute, said" / "…, who said": the subject stands
    // before an appositive or a relative "who".
    if let Some(f) = speaker_before_appositive(doc, entities, range.start, i, lower) {
        return Some(f);
    }
    None
}

/// The inverted form at `i`: "…," said the mayor.
fn inverted_speaker(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    i: usize,
    headline_second: bool,
) -> Option<Found> {
    let lower = doc.tokens[i].lower.as_str();
    let quote_mark = |k: usize| matches!(doc.token_text(k), "“" | "”" | "\"" | "‘" | "’");
    let prev = prev_content(range.start, i);
    let inverted = !headline_second
        && INVERTIBLE.contains(&lower)
        && prev.is_some_and(|p| matches!(doc.token_text(p), "," | "”" | "\"" | "’" | "'"))
        && (lower != "asked" || (range.start..i).any(quote_mark));
    if inverted {
        // "…," said the mayor. — the speaker closes the clause; in "…, said the plan
        // would fail" the words after the verb are its object, not a speaker.
        // "…," Primo Nebiolo, president of …, said Sunday.": a day is not a speaker.
        let day_only = |f: &Found| {
            let w = doc.text[f.bytes.clone()].to_lowercase();
            WEEKDAYS.contains(&w.as_str()) || TIME_WORDS.contains(&w.as_str())
        };
        if let Some(f) =
            speaker_after(doc, entities, i + 1, range.end, lower).filter(|f| !day_only(f))
        {
            let next = (i + 1..range.end).find(|&k| doc.tokens[k].start >= f.bytes.end);
            // "…," wrote Tim Murphy in one typical reaction.
            let first = doc.tokens[i + 1].lower.as_str();
            let timed = WEEKDAYS.contains(&first) || TIME_WORDS.contains(&first);
            let setting = !timed
                && next.is_some_and(|k| {
                    matches!(doc.tokens[k].lower.as_str(), "in" | "on" | "at" | "during")
                        && (k + 1..range.end)
                            .find(|&n| matches!(doc.tokens[n].kind, TokenKind::Punct))
                            // "…," said Mrs. Clinton in a speech at Columbia University
                            // in New York.: a setting of up to 16 words, with no clause.
                            .is_some_and(|n| {
                                n <= k + 16
                                    && (k + 1..n).all(|m| {
                                        let w = doc.tokens[m].lower.as_str();
                                        w != "that"
                                            && !is_reporting_verb(w)
                                            && !AUXILIARIES.contains(&w)
                                    })
                            })
                });
            // "…," said Tulsi Gabbard as she formally proposed Sanders. (After a quote
            // only: in "X, Democrat of Texas, said fellow Democrats applauded … as …" the
            // words after the verb are what was said.)
            let subordinate = (range.start..i).any(quote_mark)
                && next.is_some_and(|k| {
                    matches!(
                        doc.tokens[k].lower.as_str(),
                        "as" | "while" | "when" | "after" | "before"
                    )
                });
            // "…, said McLay — a working woman … — likely never got …": before a dash the
            // words may go on as what was said; only after a quote is it an inverted speaker.
            let dash = |k: usize| matches!(doc.token_text(k), "—" | "–" | "-" | "--");
            let clause_after_dashes = |k: usize| {
                (k + 1..range.end.min(k + 25))
                    .find(|&d| dash(d))
                    .is_some_and(|d| {
                        doc.tokens
                            .get(d + 1)
                            .filter(|_| d + 1 < range.end)
                            .is_some_and(|t| {
                                !t.capitalized
                                    && (is_verb_like(t)
                                        || AUXILIARIES.contains(&t.lower.as_str())
                                        || (t.lower.len() > 4 && t.lower.ends_with("ly")))
                            })
                    })
            };
            // "…," said Charles Mertz of Castle Rock, Colo., another of those …: the person,
            // and where they are from.
            let of_place = next.is_some_and(|k| {
                doc.tokens[k].lower == "of"
                    && entities.starting_at(k + 1).is_some_and(|(g, _)| {
                        entities.groups[g].entity_type == EntityType::Location
                    })
            });
            let quoted_before_verb = (range.start..i).any(quote_mark);
            let closes = setting
                || (of_place && quoted_before_verb)
                || subordinate
                || next.is_none_or(|k| {
                    matches!(doc.tokens[k].kind, TokenKind::Punct)
                        && (quoted_before_verb || !dash(k) || !clause_after_dashes(k))
                });
            if closes {
                return Some(f);
            }
        }
    }
    None
}

/// The coordinated form: "Tonkin declined to elaborate, but said …", the sentence's subject.
fn coordinated_subject(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    j: usize,
    lower: &str,
) -> Option<Found> {
    if let Some(f) = subject_at_start(doc, entities, range, lower) {
        return Some(f);
    }
    if let Some(f) = described_subject(doc, entities, range, j, lower) {
        return Some(f);
    }
    // "In the wake of that report, Trump … stepped up his criticism and said …": the
    // subject after an opening phrase.
    let opening = (range.start + 1..j.min(range.start + 10))
        .find(|&k| doc.token_text(k) == ",")
        .filter(|_| {
            matches!(
                doc.tokens[range.start].lower.as_str(),
                "in" | "on"
                    | "at"
                    | "after"
                    | "before"
                    | "during"
                    | "earlier"
                    | "later"
                    | "however"
                    | "then"
                    | "yesterday"
                    | "today"
                    | "meanwhile"
            )
        });
    if let Some(f) =
        opening.and_then(|c| subject_at_start(doc, entities, &(c + 1..range.end), lower))
    {
        return Some(f);
    }
    None
}

/// The relative form at `i`: "Rice retweeted a message that noted …", the message's issuer.
fn message_issuer(doc: &Doc, entities: &Entities, range: &Range<usize>, i: usize) -> Option<Found> {
    let lower = doc.tokens[i].lower.as_str();
    // "Rice retweeted a message that noted …": the issuer of the written words reports.
    if i >= range.start + 3
        && matches!(doc.tokens[i - 1].lower.as_str(), "that" | "which")
        && STATEMENT_NOUNS.contains(&doc.tokens[i - 2].lower.as_str())
    {
        let issuer = (i.saturating_sub(7).max(range.start)..i - 2)
            .rev()
            .find(|&v| ISSUING_VERBS.contains(&doc.tokens[v].lower.as_str()))
            .and_then(|v| speaker_before(doc, entities, range.start, v, lower));
        if let Some(f) = issuer {
            return Some(f);
        }
    }
    None
}

/// The parenthetical form at `i`: "as X said," yields to the main clause's report.
fn parenthetical_yields(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
    i: usize,
) -> Option<Found> {
    // "But, as Krongard indicated, the IG report clearly stated that …": an "as X said,"
    // parenthetical yields to the main clause's report, when there is one.
    let parenthetical = i + 1 < range.end
        && doc.token_text(i + 1) == ","
        && (i.saturating_sub(5).max(range.start)..i.saturating_sub(1)).any(|a| {
            doc.tokens[a].lower == "as"
                && (a == range.start || matches!(doc.token_text(a - 1), "," | "—" | "–"))
                && (a + 1..i).all(|k| {
                    let t = &doc.tokens[k];
                    t.capitalized
                        || PRONOUNS.contains(&t.lower.as_str())
                        || matches!(t.lower.as_str(), "the" | "'s" | "’s" | ".")
                })
        });
    if parenthetical {
        let without = |k: usize| allowed(k) && k != i;
        if let Some(main) = find_with_yielded(doc, entities, range.clone(), &without) {
            return Some(main);
        }
    }
    None
}

/// The "what he called" form at `i`: the pronoun stands for the clause's subject.
fn what_pronoun_called(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    i: usize,
) -> Option<Found> {
    let lower = doc.tokens[i].lower.as_str();
    // "Mexico's president has condemned what he called …": the pronoun stands for the
    // clause's subject, whose act the "what … called" clause words.
    if i >= range.start + 3
        && matches!(doc.tokens[i - 1].lower.as_str(), "he" | "she" | "they")
        && doc.tokens[i - 2].lower == "what"
    {
        // Only when the clause itself is a speech act: a verb of judgment ("condemned
        // what he called") or a noun of one ("an attack on what she called"); in "was
        // arrested before … what he claimed were studies" the pronoun speaks for itself.
        let main_verb = (range.start + 1..i - 2).find(|&k| {
            !AUXILIARIES.contains(&doc.tokens[k].lower.as_str()) && is_verb_like(&doc.tokens[k])
        });
        let speech_act = main_verb.is_some_and(|v| {
            let verb = doc.tokens[v].lower.as_str();
            let passive = v > range.start
                && matches!(
                    doc.tokens[v - 1].lower.as_str(),
                    "was" | "were" | "is" | "are" | "been" | "be"
                );
            !passive
                && (AS_VERBS.contains(&verb)
                    || FOR_VERBS.contains(&verb)
                    || (v + 1..i - 2).any(|k| {
                        matches!(
                            doc.tokens[k].lower.as_str(),
                            "attack" | "criticism" | "condemnation" | "denunciation" | "rebuke"
                        )
                    }))
        });
        let main_verb = main_verb.filter(|_| speech_act);
        if let Some(f) = main_verb
            .and_then(|v| speaker_before(doc, entities, range.start, v, lower))
            .filter(|f| !PRONOUNS.contains(&f.written.to_lowercase().as_str()))
        {
            return Some(f);
        }
    }
    None
}

/// The opening-participle form: "Calling the tax a disgrace, Smith voted against it.".
fn opening_participle(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
) -> Option<Found> {
    // "Calling the tax a disgrace, Smith voted against it.": an opening participle reports
    // for the subject after its comma. The participles that name only the act ("Responding to
    // the fire, …", "Writing in the Post, …") need what was said next to them.
    let opening = doc.tokens[range.start].lower.as_str();
    if allowed(range.start)
        && PARTICIPLES.contains(&opening)
        && (!matches!(
            opening,
            "responding"
                | "replying"
                | "writing"
                | "tweeting"
                | "telling"
                | "asking"
                | "announcing"
                | "confirming"
                | "recalling"
                | "complaining"
        ) || content_follows(doc, range.clone(), range.start))
    {
        if let Some(comma) = (range.start + 2..range.end).find(|&k| doc.token_text(k) == ",") {
            if let Some(f) = speaker_after(doc, entities, comma + 1, range.end, opening) {
                return Some(f);
            }
        }
    }
    None
}

/// The participle-clause forms: "…, saying …", "a statement saying …", "with X claiming …";
/// `Break` ends the search with its answer.
fn participle_clause(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
) -> ControlFlow<Option<Found>> {
    // "The committee rejected the request, saying …": the sentence's subject reports.
    for i in range.clone() {
        if let Some(f) = statement_participle_at(doc, entities, range, allowed, i) {
            return ControlFlow::Break(Some(f));
        }
        if let Some(f) = with_participle_at(doc, entities, range, allowed, i) {
            return ControlFlow::Break(Some(f));
        }
        // "while maintaining a slim lead": a lead kept, not a position stated.
        // "charging that …", "concluding that …": only with what is charged or concluded.
        let holds_content = !matches!(
            doc.tokens[i].lower.as_str(),
            "maintaining" | "charging" | "concluding"
        ) || content_follows(doc, range.clone(), i);
        if allowed(i)
            && PARTICIPLES.contains(&doc.tokens[i].lower.as_str())
            && holds_content
            && i > range.start
            && (doc.token_text(i - 1) == ","
                // "…, after admitting he had not disclosed …", "was court-martialed after
                // admitting to choking …", "scored points by criticizing X for Y".
                || (i > range.start + 1
                    && matches!(
                        doc.tokens[i - 1].lower.as_str(),
                        "after" | "while" | "before" | "by"
                    ))
                // "… his “poor judgement,” explaining that …"
                || (i > range.start + 1
                    && matches!(doc.token_text(i - 1), "”" | "\"")
                    && doc.token_text(i - 2) == ","))
        {
            participle_subject(doc, entities, range, i)?;
        }
    }
    ControlFlow::Continue(())
}

/// The statement-participle form at `i`: "Trump issues a statement saying that …".
fn statement_participle_at(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
    i: usize,
) -> Option<Found> {
    // "Trump issues a statement saying that …": the issuer of the written words reports.
    if allowed(i)
        && PARTICIPLES.contains(&doc.tokens[i].lower.as_str())
        && i > range.start + 2
        && STATEMENT_NOUNS.contains(&doc.tokens[i - 1].lower.as_str())
    {
        let issued = (i.saturating_sub(6).max(range.start)..i - 1)
            .rev()
            .find(|&v| ISSUING_VERBS.contains(&doc.tokens[v].lower.as_str()));
        if let Some(v) = issued {
            let cue = doc.tokens[v].lower.as_str();
            if let Some(f) = speaker_before(doc, entities, range.start, v, cue) {
                return Some(f);
            }
        }
        // "surprised to find a note indicating that Kennedy had called": with no issuer
        // named, the written words themselves are the source.
        let participle = doc.tokens[i].lower.as_str();
        let determiner = i - 2;
        if issued.is_none()
            && content_follows(doc, range.clone(), i)
            && matches!(doc.tokens[determiner].lower.as_str(), "a" | "an" | "the")
        {
            if let Some(f) = noun_phrase(doc, entities, determiner, i, participle) {
                return Some(f);
            }
        }
    }
    None
}

/// The "with" form at `i`: "with many service members claiming that …".
fn with_participle_at(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
    i: usize,
) -> Option<Found> {
    // "with many service members claiming that …": the phrase after "with" reports.
    if allowed(i)
        && PARTICIPLES.contains(&doc.tokens[i].lower.as_str())
        && i > range.start + 1
        && doc.tokens[i - 1].is_word()
    {
        if let Some(f) = speaker_before(doc, entities, range.start, i, doc.tokens[i].lower.as_str())
        {
            let first = doc.tokens.partition_point(|t| t.start < f.bytes.start);
            if first > range.start && doc.tokens[first - 1].lower == "with" {
                return Some(f);
            }
        }
    }
    None
}

/// The subject of the participle at `i` ("…, saying …"); `Break` ends the search with its answer.
fn participle_subject(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    i: usize,
) -> ControlFlow<Option<Found>> {
    let (from, first_verb) = clause_subject_span(doc, range, i);
    if let Some(f) = named_subject(doc, entities, range, i, from, first_verb) {
        return ControlFlow::Break(Some(f));
    }
    if PRONOUNS.contains(&doc.tokens[range.start].lower.as_str()) {
        return ControlFlow::Break(pronoun_speaker(
            doc,
            entities,
            range.start,
            doc.tokens[i].lower.as_str(),
        ));
    }
    // "The president also attacked …, saying …": a source phrase opening the sentence.
    // A name the entity module missed, after an opening phrase or not ("In a statement
    // …, Reisner sought …, explaining that …", "Dorsey thanked …, writing that …").
    if let Some(f) = speaker_before(
        doc,
        entities,
        from,
        first_verb,
        doc.tokens[i].lower.as_str(),
    ) {
        // "campaign finance reform organization Common Cause filed …": a
        // description ending in a name the entity module missed.
        let mut tail = first_verb;
        while tail > from && doc.tokens[tail - 1].capitalized && doc.tokens[tail - 1].is_word() {
            tail -= 1;
        }
        let named_tail = tail < first_verb
            && tail > from
            && is_name(
                doc,
                &(doc.tokens[tail].start..doc.tokens[first_verb - 1].end),
            );
        if f.bytes.start == doc.tokens[from].start
            && (f.entity.is_some()
                || f.anonymous
                || is_name(doc, &f.bytes)
                || named_tail
                || has_noun_like_head(&doc.tokens[first_verb.saturating_sub(1).max(from)].lower))
        {
            return ControlFlow::Break(Some(f));
        }
    }
    // "The Massachusetts senator – popular among … – made the declaration …, calling
    // her …": the subject before a dash-set appositive.
    if let Some(f) = speaker_before_appositive(
        doc,
        entities,
        from,
        first_verb,
        doc.tokens[i].lower.as_str(),
    )
    .filter(|f| f.bytes.start == doc.tokens[from].start)
    {
        return ControlFlow::Break(Some(f));
    }
    ControlFlow::Continue(())
}

/// Where the subject of the participle at `i` may stand: `from` up to its first verb.
fn clause_subject_span(doc: &Doc, range: &Range<usize>, i: usize) -> (usize, usize) {
    // The subject: the last name before the first verb of the sentence.
    let first_verb = (range.start..i)
        .find(|&k| is_verb_like(&doc.tokens[k]))
        .unwrap_or(i);
    // "In a statement posted on Sunday, Reisner sought …, explaining that …": the
    // subject follows an opening prepositional phrase.
    let opening_phrase = matches!(
        doc.tokens[range.start].lower.as_str(),
        "in" | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "following"
            | "speaking"
            | "despite"
            | "amid"
            | "although"
            | "though"
            | "while"
            | "when"
    );
    let (from, first_verb) = match (range.start..i)
        .find(|&k| doc.token_text(k) == ",")
        .filter(|&c| opening_phrase && c + 1 < i)
    {
        Some(c) => (
            c + 1,
            (c + 1..i)
                .find(|&k| is_verb_like(&doc.tokens[k]))
                .unwrap_or(i),
        ),
        None => (range.start, first_verb),
    };
    (from, first_verb)
}

/// The named subject of the participle at `i`, between `from` and `first_verb`.
fn named_subject(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    i: usize,
    from: usize,
    first_verb: usize,
) -> Option<Found> {
    // After an opening phrase the first name is the subject ("On Wednesday, Mr. Panetta
    // endorsed General Kelly, calling him …" → Panetta).
    let mut names = entities.in_tokens(from..first_verb);
    // A name opening the clause is its subject ("Mr. Baker invited Ms. Okafor …,
    // telling her …"), else the last name before the verb.
    let first_name = names.next();
    let subject = if from > range.start
        || first_name.is_some_and(|(_, m)| {
            description_start(doc, from, m.tokens.start) == from
                && first_verb > m.tokens.end
                && skip_between(doc, from, first_verb) == m.tokens.end
        }) {
        first_name
    } else {
        names.last().or(first_name)
    };
    // "Another advised his fellow Italians …": a name after a possessive is an object
    // ("Her lawyer, Manly, …" opens with one and is the subject).
    let owned = |m: &crate::entities::MentionSpan| {
        (from + 1..m.tokens.start).any(|k| {
            matches!(
                doc.tokens[k].lower.as_str(),
                "his" | "her" | "their" | "its" | "our" | "my" | "your"
            )
        })
    };
    if let Some((g, m)) = subject.filter(|(_, m)| m.tokens.start <= from + 4 && !owned(m)) {
        let mut f = found_entity(
            doc,
            entities,
            g,
            m.bytes.clone(),
            doc.tokens[i].lower.as_str(),
        );
        // "Graham and his allies denounced …, saying": the coordinated group speaks.
        let e = m.tokens.end;
        if e + 2 < first_verb
            && doc.tokens[e].lower == "and"
            && matches!(
                doc.tokens[e + 1].lower.as_str(),
                "his" | "her" | "their" | "its"
            )
            && (e + 2..first_verb).all(|k| doc.tokens[k].is_word() && !doc.tokens[k].capitalized)
        {
            f.bytes.end = doc.tokens[first_verb - 1].end;
            f.written = doc.text[f.bytes.clone()].to_string();
            f.entity = None;
        }
        return Some(f);
    }
    None
}

/// The issued-statement form: "Kelly issued a statement saying …", the sentence's subject.
fn issued_statement_saying(
    doc: &Doc,
    entities: &Entities,
    range: &Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
) -> Option<Found> {
    // "Kelly issued a statement saying …", "… a statement Thursday night that said …": the
    // sentence's subject.
    for i in range.clone() {
        let lower = doc.tokens[i].lower.as_str();
        let reports = lower == "saying"
            || (matches!(lower, "said" | "says")
                && i > range.start
                && matches!(doc.tokens[i - 1].lower.as_str(), "that" | "which"));
        if !allowed(i) || !reports {
            continue;
        }
        let statement = (i.saturating_sub(6).max(range.start)..i)
            .find(|&k| STATEMENT_NOUNS.contains(&doc.tokens[k].lower.as_str()));
        if let Some(k) = statement {
            // The one who issued it: the subject of "issued/released/posted … statement".
            let verb = (range.start..k)
                .rev()
                .find(|&v| ISSUING_VERBS.contains(&doc.tokens[v].lower.as_str()));
            if let Some(f) = verb.and_then(|v| speaker_before(doc, entities, range.start, v, lower))
            {
                return Some(f);
            }
            if let Some(f) = subject_at_start(doc, entities, range, lower) {
                return Some(f);
            }
        }
    }
    None
}

/// A document named right before a relative "that"/"which" and the reporting verb at `verb`
/// ("a report in The Wall Street Journal on Friday that said …"): the noun phrase from its
/// determiner through the document noun and an "in/by/from" name after it.
pub(super) fn document_before_relative(
    doc: &Doc,
    entities: &Entities,
    start: usize,
    verb: usize,
    cue: &str,
) -> Option<Found> {
    if verb < start + 3 || !matches!(doc.tokens[verb - 1].lower.as_str(), "that" | "which") {
        return None;
    }
    let relative = verb - 1;
    let noun = (relative.saturating_sub(10).max(start)..relative)
        .rev()
        .find(|&k| {
            let w = doc.tokens[k].lower.as_str();
            DOCUMENT_NOUNS.contains(&w) || matches!(w, "article" | "story" | "editorial" | "column")
        })?;
    // What stands between the noun and "that": nothing, a source ("in The Wall Street
    // Journal", "by the agency") and a time phrase.
    let mut end = noun + 1;
    let mut k = noun + 1;
    if k < relative && matches!(doc.tokens[k].lower.as_str(), "in" | "by" | "from") {
        let (_, m) = entities.starting_at(k + 1).or_else(|| {
            entities
                .starting_at(k + 2)
                .filter(|_| doc.tokens[k + 1].lower == "the")
        })?;
        end = m.tokens.end;
        k = m.tokens.end;
    }
    if time_phrase_end(doc, relative, k) != relative && k != relative {
        return None;
    }
    // Back from the noun to its determiner, over modifiers ("a detailed investigative").
    let first = (noun.saturating_sub(5).max(start)..noun)
        .rev()
        .take_while(|&p| doc.tokens[p].is_word() && !doc.tokens[p].capitalized)
        .find(|&p| {
            matches!(
                doc.tokens[p].lower.as_str(),
                "a" | "an" | "the" | "this" | "one"
            )
        })?;
    // Not the object of another verb ("Hannity blasted a report that said …": Hannity's
    // act is the main clause's).
    let placed = first == start
        || matches!(
            doc.tokens[first - 1].lower.as_str(),
            "of" | "in" | "to" | "by" | "from" | "after" | "following" | "amid" | ","
        );
    if !placed {
        return None;
    }
    let mut f = noun_phrase(doc, entities, first, end, cue)?;
    f.entity = None;
    f.anonymous = false;
    Some(f)
}

/// Cue words that are not reports where they stand: a Senate confirmation, "anything he
/// says", a question about what was said, "thinks of", "reported to work", "pledged
/// allegiance", and reduced passives and relatives ("a statement first reported by …",
/// "the professor cited in …"). `i` is the cue's token in the sentence `range`.
pub(super) fn not_a_report(doc: &Doc, range: &Range<usize>, i: usize) -> bool {
    let lower = doc.tokens[i].lower.as_str();
    // "the Senate had confirmed 23 percent of the nominees", "The Senate confirmed
    // Gorsuch": a confirmation vote, not a statement.
    if matches!(lower, "confirmed" | "confirms") && {
        let j = skip_between(doc, range.start, i);
        j > range.start && doc.tokens[j - 1].lower == "senate"
    } {
        return true;
    }
    // "anything he says can be used against him": no one report.
    if i >= range.start + 2
        && PRONOUNS.contains(&doc.tokens[i - 1].lower.as_str())
        && matches!(
            doc.tokens[i - 2].lower.as_str(),
            "anything" | "whatever" | "everything" | "nothing"
        )
    {
        return true;
    }
    // "What else did Mr Trump say in his latest tweet?": a question asks what was said.
    if matches!(lower, "say" | "tell" | "claim" | "think" | "believe")
        && doc.token_text(range.end - 1) == "?"
        && (range.start..i).any(|k| matches!(doc.tokens[k].lower.as_str(), "did" | "does" | "do"))
    {
        return true;
    }
    // "what Omar really thinks of her homeland": an opinion of something, no proposition.
    if BELIEF_VERBS.contains(&lower) && word_at(doc, range, i + 1, "of") {
        return true;
    }
    // "the FBI official reported to work": to a place of duty, not a report.
    if lower.starts_with("report")
        && word_at(doc, range, i + 1, "to")
        && i + 2 < range.end
        && matches!(
            doc.tokens[i + 2].lower.as_str(),
            "work" | "duty" | "jail" | "prison" | "base" | "court"
        )
    {
        return true;
    }
    // "has pledged allegiance to Al Qaeda": an oath of loyalty, not a statement.
    if lower.starts_with("pledge") && word_at(doc, range, i + 1, "allegiance") {
        return true;
    }
    // "In a statement first reported by Yahoo News, Foxman said": a past participle before
    // "by" after a common noun (and adverbs) is a reduced passive ("said by phone" is not).
    if lower.ends_with("ed")
        && i + 2 < range.end
        && doc.tokens[i + 1].lower == "by"
        && !matches!(
            doc.tokens[i + 2].lower.as_str(),
            "phone" | "telephone" | "email" | "e-mail" | "text" | "video" | "letter" | "mail"
        )
        && {
            let mut p = i;
            while p > range.start + 1 && {
                let w = doc.tokens[p - 1].lower.as_str();
                matches!(w, "first" | "originally" | "initially" | "widely")
                    || (w.len() > 4 && w.ends_with("ly"))
            } {
                p -= 1;
            }
            p > range.start && {
                let prev = &doc.tokens[p - 1];
                prev.is_word()
                    && !prev.capitalized
                    && !PRONOUNS.contains(&prev.lower.as_str())
                    && !AUXILIARIES.contains(&prev.lower.as_str())
                    && !matches!(prev.lower.as_str(), "being" | "and" | "or" | "but")
            }
        }
    {
        return true;
    }
    // "the professor cited in the official documents, Joseph Mifsud, told …": a participle
    // after a common noun and before "in"/"by" is a reduced relative clause.
    if matches!(
        lower,
        "cited" | "quoted" | "mentioned" | "named" | "interviewed"
    ) && i > range.start
        && i + 1 < range.end
        && matches!(doc.tokens[i + 1].lower.as_str(), "in" | "by")
        && {
            let p = &doc.tokens[i - 1];
            p.is_word()
                && !p.capitalized
                && !PRONOUNS.contains(&p.lower.as_str())
                && !AUXILIARIES.contains(&p.lower.as_str())
                && any_word_class(&p.lower) == Some(WordClass::Noun)
        }
    {
        return true;
    }
    false
}

/// Whether a lowercase word may be a clause's verb: a verb of the dictionary, a reporting verb,
/// a past form the dictionary does not know, or a verb of issuing ("released a statement":
/// the dictionary reads "released" as an adjective).
pub(super) fn is_verb_like(t: &crate::text::Token) -> bool {
    !t.capitalized
        && t.is_word()
        && (word_class(&t.lower) == Some(WordClass::Verb)
            || is_reporting_verb(&t.lower)
            || (word_class(&t.lower).is_none() && t.lower.ends_with("ed"))
            || AS_VERBS.contains(&t.lower.as_str())
            || FOR_VERBS.contains(&t.lower.as_str())
            || matches!(
                t.lower.as_str(),
                "released" | "issued" | "posted" | "published"
            ))
}

/// Walks back from a verb over what may stand between it and its subject: auxiliaries and
/// adverbs ("has also", "angrily"), and time phrases ("on Saturday", "Thursday night").
pub(super) fn skip_between(doc: &Doc, start: usize, verb: usize) -> usize {
    let mut j = verb;
    while j > start {
        let t = &doc.tokens[j - 1];
        let lower = t.lower.as_str();
        let adverb = !t.capitalized
            && lower.len() > 4
            && lower.ends_with("ly")
            && word_class(lower) != Some(WordClass::Noun);
        let day = WEEKDAYS.contains(&lower)
            || matches!(
                lower,
                "night" | "morning" | "afternoon" | "evening" | "week" | "month"
            )
            // "Daphne Caruana Galizia this April alleged …" ("may" only as "this May").
            || (is_month(lower)
                && (lower != "may"
                    || (j >= start + 2
                        && matches!(
                            doc.tokens[j - 2].lower.as_str(),
                            "this" | "last" | "in" | "early" | "late"
                        ))));
        if BETWEEN.contains(&lower) || adverb {
            j -= 1;
        } else if lower == "to"
            && j >= start + 2
            && ASPECTUAL.contains(&doc.tokens[j - 2].lower.as_str())
        {
            j -= 2; // "Adam Schiff is starting to blame …"
        } else if lower == "to"
            && j >= start + 3
            && doc.tokens[j - 2].lower == "on"
            && matches!(
                doc.tokens[j - 3].lower.as_str(),
                "goes" | "went" | "go" | "going"
            )
        {
            j -= 3; // "Flake's prepared speech goes on to say …"
        } else if day {
            j -= 1;
            if j > start
                && matches!(
                    doc.tokens[j - 1].lower.as_str(),
                    "on" | "last" | "this" | "late" | "early"
                )
                || (j > start && doc.tokens[j - 1].lower == "in" && is_month(lower))
            {
                j -= 1;
            }
            while j > start && WEEKDAYS.contains(&doc.tokens[j - 1].lower.as_str()) {
                j -= 1; // "Thursday night"
            }
            if j > start && doc.tokens[j - 1].lower == "on" {
                j -= 1;
            }
        } else if let Some(c) = party_label_start(doc, start, j) {
            j = c; // "Elizabeth Warren, D-Mass., said …"
        } else if j >= start + 4
            && doc.token_text(j - 1) == ","
            && doc.token_text(j - 3) == ","
            && matches!(
                doc.tokens[j - 2].lower.as_str(),
                "though" | "however" | "too" | "meanwhile" | "instead" | "also" | "then"
            )
        {
            j -= 3; // "Bush, though, said …"
        } else if let Some(p) = setting_phrase_start(doc, start, j) {
            j = p; // "Clinton at one point accused …", "Trump in a statement called …"
        } else {
            break;
        }
    }
    j
}

/// The index after a time phrase starting at `k` ("on Monday", "Tuesday night", "last week",
/// "this April", "yesterday"), or `k` when none starts there.
pub(super) fn time_phrase_end(doc: &Doc, end: usize, k: usize) -> usize {
    let word = |n: usize| (n < end).then(|| doc.tokens[n].lower.as_str());
    let timed = |w: &str| {
        WEEKDAYS.contains(&w)
            || (is_month(w) && w != "may")
            || matches!(
                w,
                "week" | "month" | "year" | "weekend" | "yesterday" | "today" | "tonight"
            )
    };
    let mut n = k;
    if word(n).is_some_and(|w| matches!(w, "on" | "last" | "this" | "earlier" | "late")) {
        n += 1;
        if word(n) == Some("this") {
            n += 1; // "earlier this month"
        }
    }
    if !word(n).is_some_and(timed) {
        return if word(k).is_some_and(timed) { k + 1 } else { k };
    }
    n += 1;
    if word(n).is_some_and(|w| matches!(w, "night" | "morning" | "afternoon" | "evening")) {
        n += 1;
    }
    n
}
