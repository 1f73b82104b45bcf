//! Who said it: finds reporting cues in a sentence (a reporting verb such as "said", "warned",
//! "described"; "according to") and the speaker before or after the cue, resolved to an entity
//! through the entity module's mentions and aliases ("the ministry said" → Ministry of State
//! Security). Unnamed sources ("officials said", "a person familiar with") are marked anonymous;
//! a pronoun speaker takes the most recent person or organization. A quote that runs on into
//! the next sentence keeps its speaker.

use super::is_month;
use crate::entities::{Entities, EntityType, PERSON_TITLES, WEEKDAYS};
use crate::lexicon::{any_word_class, is_stopword, word_class, WordClass};
use crate::text::{Doc, TokenKind};
use std::ops::Range;

/// Verbs (all forms listed) that report speech or writing.
pub const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "warned",
    "warns",
    "warn",
    "described",
    "describes",
    "highlighted",
    "highlights",
    "stated",
    "added",
    "adds",
    "noted",
    "notes",
    "argued",
    "argues",
    "claimed",
    "claims",
    "announced",
    "announces",
    "reported",
    "reports",
    "explained",
    "explains",
    "insisted",
    "insists",
    "suggested",
    "suggests",
    "wrote",
    "writes",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "acknowledged",
    "acknowledges",
    "admitted",
    "admits",
    "estimated",
    "estimates",
    "predicted",
    "predicts",
    "urged",
    "urges",
    "cautioned",
    "cautions",
    "alleged",
    "alleges",
    "asserted",
    "asserts",
    "declared",
    "declares",
    "maintained",
    "maintains",
    "observed",
    "revealed",
    "reveals",
    "disclosed",
    "discloses",
    "testified",
    "tweeted",
    "posted",
    "recalled",
    "recalls",
    "remarked",
    "replied",
    "responded",
    "stressed",
    "stresses",
    "emphasised",
    "emphasized",
    "pointed",
    "contended",
    "conceded",
    "complained",
    "agreed",
    "believes",
    "believed",
    "thinks",
    "expects",
    "accused",
    "accuses",
    "criticised",
    "criticized",
    "forecast",
    "forecasts",
    "projected",
    "concluded",
    "called",
    "calls",
    "countered",
    "counters",
    "indicated",
    "indicates",
    "asked",
    "asks",
    "cited",
    "cites",
    "questioned",
    "hailed",
    "hails",
    "praised",
    "praises",
    "scoffed",
    "vowed",
    "vows",
    "pledged",
    "promised",
    "promises",
    "demanded",
    "demands",
    "blamed",
    "blames",
    "charged",
    "mused",
    "quipped",
    "retorted",
    "joked",
    "lamented",
    "boasted",
    "reiterated",
    "signaled",
    "signalled",
    "wondered",
    "write",
    "argue",
    "claim",
    "insist",
    "suggest",
    "contend",
    "contends",
    "allege",
    "believe",
    "think",
    "predict",
    "estimate",
    "acknowledge",
    "admit",
    "deny",
    "complain",
    "complains",
    "intoned",
    "recounted",
    "objects",
    "objected",
    "tallied",
    "concedes",
    "continued",
    "continues",
    "defended",
    "defends",
    "reflected",
    "judges",
    "answered",
    "answers",
    "concludes",
    "agree",
    "agrees",
    // Further forms of the verbs above.
    "expect",
    "observes",
    "observe",
    "replies",
    "responds",
    "emphasizes",
    "emphasises",
    "emphasize",
    "concede",
    "criticizes",
    "criticises",
    "quips",
    "laments",
    "reiterates",
];

/// Reporting verbs read only when what was said is there — a "that" clause, a colon, a quote, or
/// the speaker after a quote ("Mr. Trump later clarified that …", "“Aye!” Lautenberg shouted") —
/// because without it they name an act or a topic ("confessed to the killings", "commented on
/// rumors", "hinted at the prevalence").
const CONTENT_VERBS: &[&str] = &[
    "states",
    "disputed",
    "disputes",
    "reminded",
    "informed",
    "informs",
    "notified",
    "notifies",
    "assures",
    "reassures",
    "testifies",
    "recounts",
    "boasts",
    "affirm",
    "affirms",
    "affirmed",
    "reaffirm",
    "reaffirms",
    "reaffirmed",
    "assured",
    "commented",
    "clarified",
    "clarifies",
    "elaborated",
    "underscored",
    "underscores",
    "underlined",
    "proclaimed",
    "proclaims",
    "reassured",
    "speculated",
    "speculates",
    "theorized",
    "theorised",
    "opined",
    "opines",
    "posited",
    "advised",
    "reckoned",
    "reckons",
    "surmised",
    "attested",
    "confessed",
    "confesses",
    "divulged",
    "interjected",
    "rebutted",
    "reasoned",
    "recited",
    "specified",
    "assert",
    "hinted",
    "confided",
    "confides",
    "bragged",
    "brags",
    "exclaimed",
    "exclaims",
    "shouted",
    "yelled",
    "whispered",
    "muttered",
    "sighed",
    "fumed",
    "gushed",
    "grumbled",
    "griped",
    "chuckled",
    "doubt",
    "doubts",
    "doubted",
    "summarizes",
    "summarized",
    "summarised",
];

/// Whether a lowercase word is a reporting verb of either list.
fn is_reporting_verb(word: &str) -> bool {
    REPORTING_VERBS.contains(&word) || CONTENT_VERBS.contains(&word)
}

/// Whether the words around the verb at `i` carry what was said: a double quote next to it
/// ("“Aye!” Lautenberg shouted", "shouted “Aye!”"); the verb closing a clause after a comma
/// ("…, the indictment states."); a clause without "that" ([`clause_follows`]); or a "that"
/// clause or colon within the next few words of the same clause — not after a preposition,
/// whose object is the topic ("commented on rumors that …", "hinted at").
fn content_follows(doc: &Doc, range: Range<usize>, i: usize) -> bool {
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

/// Quantities that head a group of speakers ("half of Republicans", "a majority of voters").
const QUANTITY_HEADS: &[&str] = &[
    "half",
    "majority",
    "minority",
    "third",
    "thirds",
    "quarter",
    "percent",
    "most",
    "many",
    "some",
    "all",
    "several",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "number",
    "share",
    "plurality",
    "one",
    "two",
    "three",
    "few",
    "none",
];

/// Verbs that put a speech noun forward ("expressed concern that …", "made the case that …",
/// "doubled down on his claim that …").
const SPEECH_NOUN_VERBS: &[&str] = &[
    "expressed",
    "expresses",
    "raised",
    "raises",
    "voiced",
    "voices",
    "made",
    "makes",
    "repeated",
    "repeats",
    "reiterated",
    "reiterates",
    "renewed",
    "renews",
    "doubled",
    "doubles",
    "stood",
    "stands",
    "echoed",
    "echoes",
    "offered",
    "offers",
    "dismissed",
    "rejected",
    "pushed",
    "floated",
    "aired",
    "shared",
];

/// Nouns of speech and stance whose "that" clause is what was said.
const SPEECH_NOUNS: &[&str] = &[
    "claim",
    "claims",
    "argument",
    "arguments",
    "case",
    "concern",
    "concerns",
    "belief",
    "view",
    "assertion",
    "assertions",
    "warning",
    "warnings",
    "fear",
    "fears",
    "hope",
    "hopes",
    "doubt",
    "doubts",
    "suggestion",
    "allegation",
    "allegations",
    "accusation",
    "accusations",
    "promise",
    "pledge",
    "point",
    "contention",
    "insistence",
    "prediction",
    "assurance",
    "assurances",
    "complaint",
    "complaints",
    "charge",
    "charges",
    "theory",
    "idea",
    "notion",
    "position",
    "line",
    "theme",
    "message",
    "narrative",
    "mantra",
    "refrain",
];

/// Documents whose findings are reported ("The report found that …").
const DOCUMENT_NOUNS: &[&str] = &[
    "report",
    "study",
    "survey",
    "poll",
    "analysis",
    "review",
    "investigation",
    "audit",
    "inquiry",
    "research",
    "data",
    "probe",
    "assessment",
    "paper",
    "memo",
    "filing",
    "indictment",
    "ruling",
    "estimates",
    "figures",
    "polls",
    "surveys",
    "studies",
    "reports",
    "document",
    "documents",
    "records",
    "filings",
    "emails",
    "transcript",
    "transcripts",
    "note",
    "notes",
    "speech",
    "remarks",
];

/// Whether the tokens before `end` close a hyphenated name written without spaces ("Moon
/// Jae-in", whose last part "in" is also a preposition).
fn hyphenated_name_ends_at(doc: &Doc, end: usize) -> bool {
    end >= 3
        && doc.token_text(end - 2) == "-"
        && doc.tokens[end - 3].capitalized
        && doc.tokens[end - 3].end == doc.tokens[end - 2].start
        && doc.tokens[end - 2].end == doc.tokens[end - 1].start
}

/// Whether a clause without "that" follows the verb at `i`: a subject, then an auxiliary within
/// a few words ("agreed the deal would hold", "fear the tax will hurt families").
fn clause_follows(doc: &Doc, range: Range<usize>, i: usize) -> bool {
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

/// Verbs of judgment that report when an "as" complement follows their object ("cast X as Y",
/// "dismissed the report as fake news", "slammed the plan as a giveaway").
const AS_VERBS: &[&str] = &[
    "cast",
    "casts",
    "dismissed",
    "dismisses",
    "blasted",
    "blasts",
    "slammed",
    "slams",
    "derided",
    "derides",
    "mocked",
    "mocks",
    "lauded",
    "lauds",
    "touted",
    "touts",
    "branded",
    "brands",
    "labeled",
    "labelled",
    "labels",
    "painted",
    "paints",
    "portrayed",
    "portrays",
    "characterized",
    "characterizes",
    "characterised",
    "framed",
    "frames",
    "ripped",
    "rips",
    "denounced",
    "denounces",
    "condemned",
    "condemns",
    "criticizes",
    "attacked",
    "attacks",
    "welcomed",
    "welcomes",
    "rejected",
    "rejects",
    "hailed",
    "hail",
    "praised",
    "described",
    "embraced",
    "embraces",
];

/// Verbs of praise or blame that report when a "for" complement follows their object ("thanked
/// the ambassador for his help", "blasted the magazine for allowing …"); without one ("Sharpton
/// criticized the sheriff.") they are left to the other rules.
const FOR_VERBS: &[&str] = &[
    "thanked",
    "thanks",
    "blasted",
    "blasts",
    "slammed",
    "slams",
    "mocked",
    "mocks",
    "lauded",
    "lauds",
    "chided",
    "chides",
    "chastised",
    "chastises",
    "scolded",
    "scolds",
    "rebuked",
    "rebukes",
    "faulted",
    "faults",
    "commended",
    "commends",
    "upbraided",
    "upbraids",
    "berated",
    "berates",
    "lambasted",
    "lambastes",
    "castigated",
    "castigates",
    // "is starting to blame Obama for …" (the other forms report on their own).
    "blame",
    "fault",
    "criticized",
    "criticizes",
    "criticize",
    "praises",
    "praise",
];

/// Verbs of urging that report when an infinitive follows their object ("encouraged others to
/// be vigilant", "implored lawmakers to act").
const TO_VERBS: &[&str] = &[
    "encouraged",
    "encourages",
    "implored",
    "implores",
    "exhorted",
    "exhorts",
    "beseeched",
];

/// Reporting verbs that also take a plain object ("adds diversity", "maintains a lead").
const OBJECT_VERBS: &[&str] = &[
    "reflected",
    "judges",
    "adds",
    "added",
    "maintains",
    "maintained",
    "charged",
    "posted",
    "projected",
    "pointed",
    "observed",
    "reports",
    "reported",
    "questioned",
    "explained",
    "explains",
    "called",
    "calls",
    "continued",
    "continues",
    "answered",
    "answers",
    "concluded",
    "concludes",
    "agree",
    "agrees",
    "agreed",
    // "tweeted a link to the article": what was tweeted is no statement.
    "tweeted",
    "tweets",
    // "described Mr. Kelley's horrific path": the topic ("described the plan as …" reports).
    "described",
    "describes",
];

/// Participles that report for the sentence's subject ("…, saying that …").
const PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "calling",
    "arguing",
    "noting",
    "warning",
    "insisting",
    "claiming",
    "explaining",
    "telling",
    "accusing",
    "describing",
    "stressing",
    "suggesting",
    "asserting",
    "contending",
    "declaring",
    "writing",
    "tweeting",
    "alleging",
    "acknowledging",
    "admitting",
    "predicting",
    "urging",
    "vowing",
    "conceding",
    "countering",
    "complaining",
    "recalling",
    "responding",
    "replying",
    "announcing",
    "confirming",
    "denying",
    "hinting",
    "stating",
    "reiterating",
    "promising",
    "pledging",
    "demanding",
    "asking",
    "blaming",
    "lamenting",
    "boasting",
    "joking",
    "quipping",
    "cautioning",
    "emphasizing",
    "emphasising",
    "maintaining",
    // Participles of judging or naming, whose object and complement are what was said
    // ("…, labelling Bailey a “Tory bigot”").
    "labelling",
    "labeling",
    "branding",
    "dubbing",
    "slamming",
    "blasting",
    "criticizing",
    "criticising",
    "mocking",
    "questioning",
    "dismissing",
    "deriding",
    "praising",
    "hailing",
    "thanking",
    "touting",
    "estimating",
    "citing",
    "charging",
    "concluding",
    "indicating",
];

/// Participles that report in a progressive ("is claiming that …", "are warning …").
const PROGRESSIVE_REPORTS: &[&str] = &[
    "claiming",
    "saying",
    "arguing",
    "insisting",
    "suggesting",
    "alleging",
    "warning",
    "predicting",
    "asserting",
    "contending",
    "urging",
    "demanding",
    "denying",
    "admitting",
    "acknowledging",
    "conceding",
    "complaining",
    "vowing",
    "stressing",
    "accusing",
    "reporting",
    "charging",
];

/// Reporting verbs after which the speaker may follow the verb ("…," said the mayor). Verbs
/// whose object is the listener or the accused ("told the AP", "accused X") are not here.
const INVERTIBLE: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "asked",
    "wrote",
    "writes",
    "noted",
    "explained",
    "continued",
    "replied",
    "recalled",
    "warned",
    "argued",
    "insisted",
    "countered",
    "quipped",
    "retorted",
    "joked",
    "conceded",
    "observed",
    "acknowledged",
    "stressed",
    "declared",
    "answered",
    "concluded",
    "concludes",
    "explains",
    "recalls",
    "observes",
    "remarked",
    "replies",
    "responded",
    "responds",
    "exclaimed",
    "shouted",
    "whispered",
    "muttered",
    "sighed",
    "fumed",
    "gushed",
    "chuckled",
    "mused",
    "scoffed",
    "boasted",
    "lamented",
    "reasoned",
    "interjected",
    "confided",
];

/// Words that may stand between a speaker and the verb ("has warned", "also said").
const BETWEEN: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "previously",
    "later",
    "earlier",
    "then",
    "again",
    "once",
    "repeatedly",
    "long",
    "been",
    "both",
    "publicly",
    "privately",
    "recently",
    "separately",
    "further",
    "last",
    "on",
    "reportedly",
    "would",
    "will",
    "did",
    "does",
    "do",
    "is",
    "was",
    "were",
    "are",
    "not",
    "never",
    "first",
    "yesterday",
    "today",
    "already",
    "still",
    "just",
    "even",
    "often",
];

/// Heads of unnamed sources.
const ANONYMOUS_HEADS: &[&str] = &[
    // "Forty-seven percent think …", "A majority say …": unnamed respondents.
    "percent",
    "majority",
    "plurality",
    "confidant",
    "confidante",
    "official",
    "officials",
    "source",
    "sources",
    "person",
    "people",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "diplomat",
    "diplomats",
    "insider",
    "insiders",
    "observers",
    "critics",
    "residents",
    "witnesses",
    "aide",
    "aides",
    "executive",
    "executives",
    "employee",
    "employees",
    "staff",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "someone",
    "investigators",
    "authorities",
    "scientists",
    "researchers",
    "economists",
    "lawmakers",
    "member",
    "members",
    "rebels",
    "militants",
    "fighters",
    "troops",
    "soldiers",
    "supporters",
    "opponents",
    "students",
    "demonstrators",
    "protesters",
    "activists",
    "voters",
    "senators",
    "operatives",
    "representatives",
    "allies",
    "advocates",
    "villagers",
    "women",
    "men",
];

/// Words that end a noun phrase when walking back from a verb.
const NP_STOP: &[&str] = &[
    "that", "which", "who", "whom", "and", "but", "or", "when", "as", "after", "because", "if",
    "while", "where", "since", "before", "although", "though", "so", "than", "what", "how", "why",
];

pub(crate) const PRONOUNS: &[&str] = &["he", "she", "it", "they", "we", "i"];

/// Modals and auxiliaries: a noun phrase walked back from a verb ends before them ("rates could
/// also overshoot the budget office forecast" has no speaker).
pub(crate) const AUXILIARIES: &[&str] = &[
    "could", "would", "should", "will", "can", "may", "might", "must", "is", "are", "was", "were",
    "has", "have", "had", "do", "does", "did", "be", "been",
];

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

/// Attributions of every sentence (None where no speaker was found).
pub fn attribute(doc: &Doc, entities: &Entities) -> Vec<Option<Found>> {
    let mut out: Vec<Option<Found>> = Vec::with_capacity(doc.sentences.len());
    // The speaker of the last quoted sentence, and whether a quotation is still open.
    let mut quote_speaker: Option<Found> = None;
    let mut inside_quote = false;
    for (s_index, s) in doc.sentences.iter().enumerate() {
        let text = doc.sentence_text(s_index);
        let mut found = find_in_sentence(doc, entities, s.tokens.clone());
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

/// Heads of descriptions that stand for an organization ("China's national security authority").
const ORGANIZATION_DESCRIPTIONS: &[&str] = &[
    "authority",
    "ministry",
    "agency",
    "department",
    "regulator",
    "watchdog",
    "government",
    "office",
    "bureau",
    "commission",
    "body",
    "service",
    "administration",
    "council",
];

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

/// Words that open a sentence-initial subordinate clause ("While officials said …, Trump …").
const SUBORDINATORS: &[&str] = &[
    "while", "although", "though", "whereas", "when", "if", "because", "as", "after", "before",
    "since", "unless", "until", "once",
];

/// Sentence openers that look like a "Name:" label but are page furniture.
const NOT_LABELS: &[&str] = &[
    "read",
    "more",
    "see",
    "also",
    "update",
    "updated",
    "watch",
    "related",
    "photos",
    "photo",
    "video",
    "close",
    "editor's",
    "note",
    "advertisement",
    "image",
    "caption",
    "listen",
    "embed",
    "sign",
    "subscribe",
    "breaking",
    "exclusive",
    "opinion",
    "analysis",
    "live",
    "share",
];

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

/// Verbs of belief: weaker cues than verbs of speech in the same sentence.
const BELIEF_VERBS: &[&str] = &[
    "believe", "believes", "believed", "think", "thinks", "expects", "wondered", "mused", "fear",
    "fears", "feared",
];

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

fn find_with(
    doc: &Doc,
    entities: &Entities,
    range: Range<usize>,
    allowed: &dyn Fn(usize) -> bool,
) -> Option<Found> {
    let headline = is_headline(doc, &range);
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
    for i in range.clone() {
        let lower = doc.tokens[i].lower.as_str();
        if !allowed(i) {
            continue;
        }
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
        // "As Smith put it, …" and "In Smith's words, …".
        let word_at = |k: usize, w: &str| k < range.end && doc.tokens[k].lower == w;
        if lower == "as" {
            if let Some(put) = (i + 2..range.end.min(i + 9))
                .find(|&k| (word_at(k, "put") || word_at(k, "puts")) && word_at(k + 1, "it"))
            {
                if let Some(f) = speaker_after(doc, entities, i + 1, put, "as … put it") {
                    // "Mr. Xi invited Mr. Obama …, telling his guest …, or, as he put it, …":
                    // a pronoun points back to the main clause's speaker, who is named there.
                    if PRONOUNS.contains(&f.written.to_lowercase().as_str()) {
                        let without_as = |k: usize| allowed(k) && k != i;
                        if let Some(main) =
                            find_with_yielded(doc, entities, range.clone(), &without_as)
                                .filter(|g| !PRONOUNS.contains(&g.written.to_lowercase().as_str()))
                        {
                            return Some(main);
                        }
                    }
                    return Some(f);
                }
            }
        }
        if lower == "in" {
            // "In Dimon's view, …" too.
            if let Some(words) = (i + 2..range.end.min(i + 9)).find(|&k| {
                (word_at(k, "words") || word_at(k, "view") || word_at(k, "opinion"))
                    && matches!(doc.token_text(k - 1), "'s" | "’s")
            }) {
                if let Some(f) = speaker_after(doc, entities, i + 1, words - 1, "in … words") {
                    return Some(f);
                }
            }
        }
    }
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
    for i in range.clone() {
        let t = &doc.tokens[i];
        let lower = t.lower.as_str();
        // "United States" is not a verb: a capitalized word mid-sentence is a name.
        let next_is = |w: &str| i + 1 < range.end && doc.tokens[i + 1].lower == w;
        let shot_back = matches!(lower, "shot" | "fired") && next_is("back");
        // "made clear that", "made it clear that".
        let made_clear = lower == "made"
            && (next_is("clear")
                || next_is("plain")
                || (next_is("it")
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
            && (next_is("that") || clause_follows(doc, range.clone(), i));
        // "threatened to veto the bill": a threat states what will be done.
        let threatened =
            matches!(lower, "threatened" | "threatens") && (next_is("to") || next_is("that"));
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
        ) && (next_is("that")
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
        let read_out =
            matches!(lower, "read" | "reads") && content_follows(doc, range.clone(), i) && {
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
            && next_is("as")
            && i + 2 < range.end
            && matches!(
                doc.tokens[i + 2].lower.as_str(),
                "saying" | "telling" | "stating" | "writing" | "calling"
            );
        // "expressed concern that …", "doubled down on his claim that …", "voiced support for
        // the plan": a verb that puts a speech noun forward, with its content or its object.
        let put_forward = SPEECH_NOUN_VERBS.contains(&lower)
            && (i + 1..range.end.min(i + 7))
                .take_while(|&k| {
                    doc.tokens[k].is_word() || matches!(doc.token_text(k), "'s" | "’s")
                })
                .any(|k| {
                    let noun = doc.tokens[k].lower.as_str();
                    let next = doc.tokens.get(k + 1).filter(|_| k + 1 < range.end);
                    let next = next.map_or("", |n| n.lower.as_str());
                    (SPEECH_NOUNS.contains(&noun) && next == "that")
                        || (matches!(noun, "support" | "opposition")
                            && matches!(next, "for" | "to"))
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
        // "RT quoted Maria Levashova as saying that …": the one quoted speaks.
        if allowed(i) && matches!(lower, "quoted" | "quotes") && !quoted_as {
            let as_saying = (i + 2..range.end.min(i + 9)).find(|&k| {
                doc.tokens[k].lower == "as"
                    && doc.tokens.get(k + 1).is_some_and(|n| {
                        matches!(
                            n.lower.as_str(),
                            "saying" | "telling" | "stating" | "writing"
                        )
                    })
            });
            if let Some(f) =
                as_saying.and_then(|k| speaker_after(doc, entities, i + 1, k, "quoted"))
            {
                return Some(f);
            }
        }
        // "Cory Booker Slams Joe Biden's 'Awful' and 'Shameful' 1994 Crime Bill": a headline's
        // verb of judgment with the quoted words it judges by.
        let headline_judgment = headline
            && (AS_VERBS.contains(&lower) || FOR_VERBS.contains(&lower))
            && (i + 1..range.end).any(|k| matches!(doc.token_text(k), "'" | "‘" | "“" | "\""));
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
            continue;
        }
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
            // "is scheduled to be announced by X", "will be announced by X": not yet said.
            if doc.tokens[aux - 1].lower == "be" {
                continue;
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
                continue;
            }
            let by = (i + 1..range.end.min(i + 7)).find(|&k| doc.tokens[k].lower == "by");
            if let Some(by) = by {
                if let Some(f) = speaker_after(doc, entities, by + 1, range.end, lower) {
                    return Some(f);
                }
            }
            // "Trump was asked to respond": no agent, no speaker.
            continue;
        }
        // "Trump's claims", "the report", "his calls": after a determiner or a possessive the
        // word is a noun.
        if i > range.start
            && (matches!(
                doc.tokens[i - 1].lower.as_str(),
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "our" | "my" | "your"
            ) || doc.tokens[i - 1].lower.ends_with("'s"))
            && lower != "alleged"
        {
            continue;
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
            continue;
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
            continue;
        }
        // "the campaign's alleged Russia ties": an adjective.
        if lower == "alleged"
            && i > range.start
            && (matches!(
                doc.tokens[i - 1].lower.as_str(),
                "the" | "a" | "an" | "his" | "her" | "its" | "their" | "our" | "this"
            ) || doc.tokens[i - 1].lower.ends_with("'s"))
        {
            continue;
        }
        if not_a_report(doc, &range, i) {
            continue;
        }
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
            continue;
        }
        // "claim compensation", "claimed the seat": a claim to something is no statement.
        // "claimed" reports with what is claimed right after it ("that", a clause, a quote or
        // colon, an infinitive: "claimed not to be following"), closing the clause after a quote
        // or comma, or as a declaration ("claimed victory", "claimed responsibility for").
        if matches!(lower, "claim" | "claims" | "claimed") {
            // "claimed last year there was …": past a time phrase.
            let n = time_phrase_end(doc, range.end, i + 1);
            let next = if n < range.end {
                doc.tokens[n].lower.as_str()
            } else {
                "."
            };
            // "what she claims happened", "as Wolff claims;": the content stands before.
            let before = |w: &str| {
                (i.saturating_sub(4).max(range.start)..i).any(|k| doc.tokens[k].lower == w)
            };
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
            if !content {
                continue;
            }
        }
        // "Mrs. Clinton maintains a wide lead": these verbs report only before "that", a colon,
        // a comma or a quote, or closing the clause.
        if OBJECT_VERBS.contains(&lower) {
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
            let reports = !agreement
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
            if !reports {
                continue;
            }
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
        let said_nothing = next_is("nothing");
        if (j..i).any(negation) || (i > range.start && negation(i - 1)) || said_nothing {
            continue;
        }
        let quote_mark = |k: usize| matches!(doc.token_text(k), "“" | "”" | "\"" | "‘" | "’");
        // Double quotes only: ’ is also an apostrophe ("B’DAY").
        let quoted_anywhere = range
            .clone()
            .any(|k| matches!(doc.token_text(k), "“" | "”" | "\""));
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
        if about.is_some_and(|a| {
            !quoted_anywhere
                && !(i + 1..a).any(|k| doc.tokens[k].lower == "that")
                && !(a..range.end.min(a + 8)).any(|k| doc.token_text(k) == ":")
        }) {
            continue;
        }
        if CONTENT_VERBS.contains(&lower) && !content_follows(doc, range.clone(), i) {
            continue;
        }
        // "…, which the GOP has long promised.": the relative pronoun is the verb's object,
        // a thing promised, not a statement.
        let clause_ends = i + 1 >= range.end || matches!(doc.token_text(i + 1), "." | "!" | "?");
        if clause_ends
            && !quoted_anywhere
            && (i.saturating_sub(6).max(range.start)..i).any(|k| doc.tokens[k].lower == "which")
        {
            continue;
        }
        // The noun-phrase and threat cues read only for a plain subject right before them
        // ("Romney made the case that …"), not inside another clause ("… saying Lewandowski
        // had threatened to …", "caucus members who threatened to …").
        if threatened || put_forward {
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
            if !plain || earlier_cue {
                continue;
            }
        }
        // "Brazile asked Carlson.": a listener and nothing said (no content before the
        // subject either, as in "…, Hickey told CNN's Wolf Blitzer.").
        if matches!(lower, "asked" | "asks" | "told" | "tells")
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
        {
            continue;
        }
        // "said X" after a quote or comma: the speaker follows. "asked X" follows a comma in
        // "The ACLU, representing …, asked Robinson to …": inverted only after a quote.
        // "Marco Rubio slams Cuba agreement, says Obama is 'willfully ignorant'": a headline's
        // second verb after a comma.
        let headline_second = headline
            && j > range.start + 1
            && doc.token_text(j - 1) == ","
            && matches!(lower, "says" | "say" | "warns" | "claims" | "insists");
        let prev = prev_content(range.start, i);
        let inverted = !headline_second
            && INVERTIBLE.contains(&lower)
            && prev.is_some_and(|p| matches!(doc.token_text(p), "," | "”" | "\"" | "’" | "'"))
            && (lower != "asked" || (range.start..i).any(quote_mark));
        if inverted {
            // "…," said the mayor. — the speaker closes the clause; in "…, said the plan
            // would fail" the words after the verb are its object, not a speaker.
            if let Some(f) = speaker_after(doc, entities, i + 1, range.end, lower) {
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
                let quoted_before_verb = (range.start..i).any(quote_mark);
                let closes = setting
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
        // "Tonkin declined to elaborate, but said …": the sentence's subject reports.
        if (headline_second
            || (j > range.start + 1 && matches!(doc.tokens[j - 1].lower.as_str(), "and" | "but")))
            && !(range.start..j)
                .any(|k| matches!(doc.tokens[k].lower.as_str(), "who" | "which" | "whom"))
        {
            if let Some(f) = subject_at_start(doc, entities, &range, lower) {
                return Some(f);
            }
            if let Some(f) = described_subject(doc, entities, &range, j, lower) {
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
        }
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
        // "in the wake of a detailed investigative report in The Wall Street Journal on Friday
        // that said …": the document says it.
        if let Some(f) = document_before_relative(doc, entities, range.start, i, lower) {
            return Some(f);
        }
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
        if let Some(f) = speaker_before(doc, entities, range.start, i, lower) {
            return Some(f);
        }
        // "Arthur Brooks, president of the institute, said" / "…, who said": the subject stands
        // before an appositive or a relative "who".
        if let Some(f) = speaker_before_appositive(doc, entities, range.start, i, lower) {
            return Some(f);
        }
    }
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
    // "The committee rejected the request, saying …": the sentence's subject reports.
    for i in range.clone() {
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
        // "with many service members claiming that …": the phrase after "with" reports.
        if allowed(i)
            && PARTICIPLES.contains(&doc.tokens[i].lower.as_str())
            && i > range.start + 1
            && doc.tokens[i - 1].is_word()
        {
            if let Some(f) =
                speaker_before(doc, entities, range.start, i, doc.tokens[i].lower.as_str())
            {
                let first = doc.tokens.partition_point(|t| t.start < f.bytes.start);
                if first > range.start && doc.tokens[first - 1].lower == "with" {
                    return Some(f);
                }
            }
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
                    && (e + 2..first_verb)
                        .all(|k| doc.tokens[k].is_word() && !doc.tokens[k].capitalized)
                {
                    f.bytes.end = doc.tokens[first_verb - 1].end;
                    f.written = doc.text[f.bytes.clone()].to_string();
                    f.entity = None;
                }
                return Some(f);
            }
            if PRONOUNS.contains(&doc.tokens[range.start].lower.as_str()) {
                return pronoun_speaker(doc, entities, range.start, doc.tokens[i].lower.as_str());
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
                while tail > from
                    && doc.tokens[tail - 1].capitalized
                    && doc.tokens[tail - 1].is_word()
                {
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
                        || has_noun_like_head(
                            &doc.tokens[first_verb.saturating_sub(1).max(from)].lower,
                        ))
                {
                    return Some(f);
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
                return Some(f);
            }
        }
    }
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
            if let Some(f) = subject_at_start(doc, entities, &range, lower) {
                return Some(f);
            }
        }
    }
    None
}

/// A document named right before a relative "that"/"which" and the reporting verb at `verb`
/// ("a report in The Wall Street Journal on Friday that said …"): the noun phrase from its
/// determiner through the document noun and an "in/by/from" name after it.
fn document_before_relative(
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
fn not_a_report(doc: &Doc, range: &Range<usize>, i: usize) -> bool {
    let lower = doc.tokens[i].lower.as_str();
    let next_is = |w: &str| i + 1 < range.end && doc.tokens[i + 1].lower == w;
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
    if BELIEF_VERBS.contains(&lower) && next_is("of") {
        return true;
    }
    // "the FBI official reported to work": to a place of duty, not a report.
    if lower.starts_with("report")
        && next_is("to")
        && i + 2 < range.end
        && matches!(
            doc.tokens[i + 2].lower.as_str(),
            "work" | "duty" | "jail" | "prison" | "base" | "court"
        )
    {
        return true;
    }
    // "has pledged allegiance to Al Qaeda": an oath of loyalty, not a statement.
    if lower.starts_with("pledge") && next_is("allegiance") {
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
fn is_verb_like(t: &crate::text::Token) -> bool {
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
fn skip_between(doc: &Doc, start: usize, verb: usize) -> usize {
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

/// Nouns of written or issued words ("a statement", "a tweet", "the letter").
const STATEMENT_NOUNS: &[&str] = &[
    "statement",
    "statements",
    "letter",
    "tweet",
    "post",
    "memo",
    "message",
    "note",
    "release",
];

/// Verbs that issue written words ("issued a statement", "retweeted a message").
const ISSUING_VERBS: &[&str] = &[
    "issued",
    "issues",
    "released",
    "releases",
    "sent",
    "sends",
    "posted",
    "posts",
    "published",
    "publishes",
    "tweeted",
    "retweeted",
    "shared",
    "wrote",
    "writes",
    "put",
];

/// Verbs of beginning and going on, which a reporting infinitive may follow ("is starting to
/// blame", "continued to insist").
const ASPECTUAL: &[&str] = &[
    "start",
    "starts",
    "started",
    "starting",
    "begin",
    "begins",
    "began",
    "begun",
    "beginning",
    "continue",
    "continues",
    "continued",
    "continuing",
    // "was forced to concede that", "was quick to point out".
    "forced",
    "quick",
    "careful",
    "eager",
    "keen",
];

/// The index after a time phrase starting at `k` ("on Monday", "Tuesday night", "last week",
/// "this April", "yesterday"), or `k` when none starts there.
fn time_phrase_end(doc: &Doc, end: usize, k: usize) -> usize {
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

/// The opening comma of a comma-set party-and-state label that ends at `j` (", D-Mass.,",
/// ", R-S.C.,", ", I-Vt.,"), or None.
fn party_label_start(doc: &Doc, start: usize, j: usize) -> Option<usize> {
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

/// Heads of a short phrase of time or setting that may stand between a speaker and the verb
/// ("at one point", "at the time", "in a statement", "on Twitter", "during the debate").
const SETTING_HEADS: &[&str] = &[
    "point",
    "time",
    "statement",
    "interview",
    "tweet",
    "tweets",
    "twitter",
    "facebook",
    "rally",
    "speech",
    "hearing",
    "debate",
    "conference",
    "letter",
    "post",
    "op-ed",
    "radio",
    "television",
    "tv",
    "podcast",
    "address",
    "remarks",
    "briefing",
    "weekend",
    "year",
    "day",
    "moment",
    "times",
    "event",
    "meeting",
    "show",
    "appearance",
];

/// Where a setting phrase ending right before `end` begins: a preposition, an optional
/// determiner or a word or two, and a head from SETTING_HEADS.
fn setting_phrase_start(doc: &Doc, start: usize, end: usize) -> Option<usize> {
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
fn speaker_before_appositive(
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
                )
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
fn is_name(doc: &Doc, bytes: &Range<usize>) -> bool {
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
fn subject_at_start(
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
fn described_subject(
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
fn prev_content(start: usize, i: usize) -> Option<usize> {
    (i > start).then(|| i - 1)
}

fn speaker_before(
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
                // "a former ambassador to China said".
                "of" | "for" | "from" | "at" | "to" | "close" | "familiar" | "near"
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
                "of" | "at" | "from" | "for"
            )
        {
            // A name the entity module missed ("Ed Whalen of the … Center").
            if entities.ending_at(start - 1).is_none() {
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
    // "I think …", "we believe …" outside quotes: the writer's own view, not a report.
    if matches!(head.lower.as_str(), "i" | "we") && BELIEF_VERBS.contains(&cue) {
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
        // "Prosecutors and defense attorneys agreed …": two groups of sources opening the clause.
        let p = k - 2;
        let group = |w: &str| SOURCE_NOUNS.contains(&w) || ANONYMOUS_HEADS.contains(&w);
        if (p == start || matches!(doc.token_text(p - 1), "," | "—" | "–" | ":"))
            && doc.tokens[p].is_word()
            && doc.tokens[p].lower.ends_with('s')
            && group(doc.tokens[p].lower.as_str())
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
fn name_before_open_appositive(
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
fn coordinated_name_before(
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
fn clause_final_description(
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

fn speaker_after(
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
        // attorney’s office": a group noun after the name, within a few lowercase words and
        // possessives, heads the phrase.
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
                SOURCE_NOUNS.contains(&w) || ANONYMOUS_HEADS.contains(&w)
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

/// "According to The Post and Courier, …": when "and" at `e` joins a name to one to three
/// capitalized words that close the phrase, the index after them (the two are one source).
fn coordinated_name_after(doc: &Doc, e: usize, end: usize) -> Option<usize> {
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
fn noun_phrase(
    doc: &Doc,
    entities: &Entities,
    start: usize,
    end: usize,
    cue: &str,
) -> Option<Found> {
    let bytes = doc.tokens[start].start..doc.tokens[end - 1].end;
    let written = doc.text[bytes.clone()].to_string();
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
    let familiar =
        (start..end).any(|p| matches!(doc.tokens[p].lower.as_str(), "familiar" | "briefed"));
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

/// Nouns that can head an unnamed source ("the authority said", "a report found"); a common
/// noun phrase headed by anything else ("a project expected") is not taken for a speaker.
const SOURCE_NOUNS: &[&str] = &[
    "authority",
    "authorities",
    "ministry",
    "government",
    "agency",
    "police",
    "council",
    "committee",
    "court",
    "company",
    "firm",
    "report",
    "study",
    "survey",
    "statement",
    "poll",
    "polls",
    "data",
    "figures",
    "records",
    "documents",
    "filing",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "union",
    "group",
    "president",
    "minister",
    "chief",
    "director",
    "mayor",
    "governor",
    "senator",
    "administration",
    "department",
    "office",
    "board",
    "bank",
    "institute",
    "university",
    "hospital",
    "team",
    "campaign",
    "party",
    "prosecutors",
    "prosecutor",
    "lawyer",
    "lawyers",
    "attorney",
    "attorneys",
    "judge",
    "doctors",
    "teachers",
    "parents",
    "voters",
    "chairman",
    "chairwoman",
    "ceo",
    "secretary",
    "commission",
    "regulator",
    "regulators",
    "watchdog",
    "military",
    "army",
    "navy",
    "embassy",
    "organisers",
    "organizers",
    "activists",
    "protesters",
    "manager",
    "coach",
    "player",
    "family",
    "friends",
    "neighbours",
    "neighbors",
    "colleagues",
    "owners",
    "owner",
    "workers",
    "leaders",
    "leader",
    "official",
    "officer",
    "officers",
    "members",
    "member",
    "charity",
    "trust",
    "foundation",
    "association",
    "federation",
    "operator",
    "operators",
    "carrier",
    "developer",
    "developers",
    "scientist",
    "researcher",
    "economist",
    "analyst",
    "expert",
    "critic",
    "resident",
    "witness",
    "historian",
    "professor",
    "author",
    "writer",
    "editor",
    "reporter",
    "journalist",
    "publisher",
    "website",
    "paper",
    "newspaper",
    "network",
    "channel",
    "broadcaster",
    "site",
    "spokespeople",
    "sources",
    "staff",
    "aide",
    "aides",
    "employee",
    "employees",
    "man",
    "woman",
    "mother",
    "father",
    "wife",
    "husband",
    "son",
    "daughter",
    "brother",
    "sister",
    "speaker",
    "sheriff",
    "congressman",
    "congresswoman",
    "lawmaker",
    "candidate",
    "nominee",
    "host",
    "anchor",
    "moderator",
    "commissioner",
    "coroner",
    "detective",
    "chancellor",
    "lady",
    "neighbor",
    "neighbour",
    "operative",
    "boyfriend",
    "girlfriend",
    "partner",
    "representative",
    "supporter",
    "ally",
    "advocate",
    "indictment",
    "complaint",
    "lawsuit",
    "suit",
    "memo",
    "letter",
    "release",
    "affidavit",
    "motion",
    "ruling",
    "petition",
    "classmates",
    "teammates",
    "relatives",
    "bill",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "legislation",
    "order",
    "decree",
    "resolution",
    "document",
    "notice",
    "guidance",
    "manifesto",
    "editorial",
    "transcript",
    "head",
    "chair",
    "founder",
    "deputy",
    "adviser",
    "advisor",
    "advisers",
    "advisors",
    "counsel",
    "envoy",
    "ambassador",
    "negotiator",
    "negotiators",
    "trustees",
    "regents",
    "contributor",
    "correspondent",
    "columnist",
    "commentator",
    "producer",
    "general",
    "victim",
    "victims",
    "survivor",
    "survivors",
    "suspect",
    "defendant",
    "plaintiff",
    "plaintiffs",
    "accuser",
    "accusers",
    "inspector",
    "inspectors",
    "winner",
    "patrons",
    "passenger",
    "passengers",
    "driver",
    "patient",
    "patients",
    "directors",
    "justices",
    "judges",
    "jurors",
    "billionaire",
    "businessman",
    "businesswoman",
    "entrepreneur",
    "investor",
    "investors",
    "legislator",
    "legislators",
    "politician",
    "politicians",
    "strategist",
    "strategists",
    "pollster",
    "pollsters",
    "consultant",
    "consultants",
    "veteran",
    "doctor",
    "nurse",
    "incumbent",
    "challenger",
    "rival",
    "opponent",
    "prosecution",
    "defense",
    "defence",
    "leadership",
    "states",
    // People and bodies that speak ("The porn actress who claims …", "the clinic says").
    "actress",
    "actor",
    "singer",
    "rapper",
    "comedian",
    "star",
    "student",
    "teacher",
    "pastor",
    "priest",
    "bishop",
    "rabbi",
    "imam",
    "soldier",
    "farmer",
    "farmers",
    "citizens",
    "fans",
    "athlete",
    "mom",
    "dad",
    "grandmother",
    "grandfather",
    "uncle",
    "aunt",
    "cousin",
    "girl",
    "boy",
    "teenager",
    "couple",
    "clinic",
    "school",
    "church",
    "diocese",
    "club",
    "league",
    "airline",
    "retailer",
    "manufacturer",
    "automaker",
    "insurer",
    "lender",
    "exchange",
    "utility",
];

fn has_noun_like_head(head: &str) -> bool {
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
fn found_entity(
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
fn description_start(doc: &Doc, sentence_start: usize, first: usize) -> usize {
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
        let word = t.is_word()
            && role
            && !is_stopword(&t.lower)
            && word_class(&t.lower) != Some(WordClass::Function)
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
        let possessive = lower == "'s" || lower == "s" && k >= 2 && doc.token_text(k - 2) == "’";
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

/// Time words that end a description walking back ("Last week Trump said").
const TIME_WORDS: &[&str] = &[
    "week",
    "month",
    "year",
    "night",
    "morning",
    "afternoon",
    "evening",
    "weekend",
    "yesterday",
    "today",
    "tonight",
    "now",
    "then",
    "earlier",
    "later",
    "ago",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// "he said": the most recent person (or organization for "it") mentioned before.
/// Whether a token before `at` stands inside quotation marks, following curly and straight
/// quotes from the start of the sentence three sentences before `at` (same paragraph).
fn quoted_before(doc: &Doc, at: usize) -> impl Fn(usize) -> bool {
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

fn pronoun_speaker(doc: &Doc, entities: &Entities, at: usize, cue: &str) -> Option<Found> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities;
    use crate::text::{Block, BlockKind};

    /// The written speaker of the first sentence of `text`, if it has one.
    fn first_speaker(text: &str) -> Option<String> {
        speakers(text)[0].as_ref().map(|x| x.0.clone())
    }

    /// The first attribution in the text, whichever sentence it is in (a closing quote may end
    /// a sentence of its own).
    fn first_attributed(text: &str) -> Option<String> {
        speakers(text).into_iter().flatten().next().map(|x| x.0)
    }

    fn speakers(text: &str) -> Vec<Option<(String, Option<String>, bool)>> {
        let doc = Doc::new(&[Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
        }]);
        let e = entities::analyze(&doc);
        attribute(&doc, &e)
            .into_iter()
            .map(|f| {
                f.map(|f| {
                    (
                        f.written,
                        f.entity.map(|g| e.groups[g].name.clone()),
                        f.anonymous,
                    )
                })
            })
            .collect()
    }

    #[test]
    fn speaker_before_the_verb_resolves_through_description() {
        let s = speakers(
            "The Ministry of State Security (MSS) described the services as risky. \
                          The ministry said some operators could pose risks.",
        );
        assert_eq!(
            s[0].as_ref().and_then(|x| x.1.clone()).as_deref(),
            Some("Ministry of State Security")
        );
        assert_eq!(
            s[1].as_ref().and_then(|x| x.1.clone()).as_deref(),
            Some("Ministry of State Security")
        );
    }

    #[test]
    fn judgment_verbs_with_as_and_setting_phrases() {
        assert_eq!(
            first_speaker("Senator Ruth Okafor dismissed the report as fake news.").as_deref(),
            Some("Senator Ruth Okafor")
        );
        // Without an "as" complement the verb reports nothing.
        assert_eq!(
            first_speaker("Senator Ruth Okafor dismissed the report."),
            None
        );
        assert_eq!(
            first_speaker("Governor Liam Brandt at one point accused Okafor of lying.").as_deref(),
            Some("Governor Liam Brandt")
        );
        // A verb of judgment in a relative clause yields to the main clause's cue.
        assert_eq!(
            first_speaker(
                "Answering critics who have characterized the bill as a bailout, Ruth Okafor \
                 added that it protects taxpayers."
            )
            .as_deref(),
            Some("Ruth Okafor")
        );
    }

    #[test]
    fn participles_after_an_opening_phrase_and_a_quote() {
        assert_eq!(
            first_speaker(
                "On Wednesday, Ruth Okafor endorsed Liam Brandt, calling him an excellent choice."
            )
            .as_deref(),
            Some("Ruth Okafor")
        );
        assert_eq!(
            first_speaker(
                "In an interview on Sunday, Ruth Okafor apologized for her \"poor \
                 judgement,\" explaining that she had not read the bill."
            )
            .as_deref(),
            Some("Ruth Okafor")
        );
        assert_eq!(
            first_speaker("\"We are at war,\" wrote Liam Brandt on Twitter.").as_deref(),
            Some("Liam Brandt")
        );
    }

    #[test]
    fn more_source_nouns_and_set_off_it() {
        let first = |t: &str| speakers(t)[0].clone().map(|x| (x.0, x.2));
        assert_eq!(
            first("Two Republican senators said on Thursday that the bill would pass."),
            Some(("Two Republican senators".to_string(), true))
        );
        assert_eq!(
            first("\"We enjoyed it,\" the first lady tweeted."),
            Some(("the first lady".to_string(), false))
        );
        assert_eq!(
            first("The program, it said, also exceeded the statutory authority."),
            Some(("it".to_string(), false))
        );
        assert_eq!(first("It rained all day."), None);
    }

    #[test]
    fn comma_set_adverb_between_speaker_and_verb() {
        let s = speakers("Bush, though, said Russia is not an ally.");
        assert_eq!(s[0].as_ref().map(|x| x.0.as_str()), Some("Bush"));
    }

    #[test]
    fn and_said_after_an_opening_phrase() {
        assert_eq!(
            first_speaker(
                "In a written statement, Senate leader Ruth Okafor congratulated Brandt and \
                 said she looked forward to working with him."
            )
            .as_deref(),
            Some("Senate leader Ruth Okafor")
        );
    }

    #[test]
    fn inverted_and_according_to() {
        let s = speakers("\"We will rebuild,\" said Mayor Anna Kowalczyk. Prices rose 5%, according to the Central Bank.");
        assert_eq!(
            s[0].as_ref().and_then(|x| x.1.clone()).as_deref(),
            Some("Anna Kowalczyk")
        );
        assert!(
            s[1].as_ref().is_some_and(|x| x.0.contains("Central Bank")),
            "{s:?}"
        );
    }

    #[test]
    fn anonymous_sources_are_marked() {
        let s = speakers("Two officials familiar with the talks said a deal was near.");
        let (written, entity, anonymous) = s[0].clone().expect("attributed");
        assert!(written.contains("officials"), "{written}");
        assert!(entity.is_none() && anonymous);
    }

    #[test]
    fn quotes_running_on_keep_their_speaker() {
        let s = speakers(
            "\"We acted fast,\" said Anna Kowalczyk. \"Nobody was hurt. We are grateful.\"",
        );
        assert!(s[1].is_some() && s[2].is_some(), "{s:?}");
    }

    #[test]
    fn person_of_organization_is_the_person() {
        let s =
            speakers("Professor Lena Vogt of Northport University said the figures were credible.");
        assert_eq!(
            s[0].as_ref().and_then(|x| x.1.clone()).as_deref(),
            Some("Lena Vogt"),
            "{s:?}"
        );
    }

    #[test]
    fn appositives_relatives_passives_and_headlines() {
        let s = speakers("Arthur Brooks, president of the American Enterprise Institute, said the plan would fail.");
        assert_eq!(
            s[0].as_ref().and_then(|x| x.1.clone()).as_deref(),
            Some("Arthur Brooks"),
            "{s:?}"
        );
        let s = speakers("The plan was announced by Mayor Anna Kowalczyk on Monday.");
        assert_eq!(
            s[0].as_ref().and_then(|x| x.1.clone()).as_deref(),
            Some("Anna Kowalczyk"),
            "{s:?}"
        );
        let s = speakers("The United States imposed tariffs on steel.");
        assert_eq!(s, [None]);
        let s = speakers("The senator told the Associated Press that talks had stalled.");
        assert!(
            s[0].as_ref().is_some_and(|x| x.0.contains("senator")),
            "{s:?}"
        );
    }

    #[test]
    fn time_phrases_participles_and_bare_pronouns() {
        let s =
            speakers("President Anna Kowalczyk on Saturday angrily accused the council of lying.");
        assert_eq!(
            s[0].as_ref().and_then(|x| x.1.clone()).as_deref(),
            Some("Anna Kowalczyk"),
            "{s:?}"
        );
        let s = speakers(
            "The European Commission turned down the request, saying the rules were clear.",
        );
        assert_eq!(
            s[0].as_ref().map(|x| x.0.as_str()),
            Some("The European Commission"),
            "{s:?}"
        );
        let s = speakers("She said the plan was sound.");
        assert_eq!(
            s[0].as_ref().map(|x| (x.0.as_str(), x.1.is_none())),
            Some(("She", true)),
            "{s:?}"
        );
    }

    #[test]
    fn quotes_negation_passives_labels_and_spans() {
        let who = |text: &str| speakers(text)[0].as_ref().map(|x| x.0.clone());
        // A verb inside the quote is what was said.
        assert_eq!(
            who("“I said no to the deal,” the mayor told reporters.").as_deref(),
            Some("the mayor")
        );
        // A speech act that did not happen, and a passive without an agent.
        assert_eq!(
            who("The minister has not confirmed that she will resign."),
            None
        );
        assert_eq!(
            who("The governor was asked to comment on the ruling."),
            None
        );
        // The main clause before a leading subordinate clause; speech before belief.
        assert_eq!(
            who("While aides said the talks had stalled, Anna Kowalczyk insisted that a deal was near.")
                .as_deref(),
            Some("Anna Kowalczyk")
        );
        assert_eq!(
            who("They believe the fire started in the kitchen, Chief Tom Reyes said.").as_deref(),
            Some("Chief Tom Reyes")
        );
        // Transcript labels, and the description before a name.
        assert_eq!(
            who("JUDY WOODRUFF: What happens next?").as_deref(),
            Some("JUDY WOODRUFF")
        );
        assert_eq!(who("UPDATE: The road has reopened."), None);
        assert_eq!(
            who("Northport city council spokeswoman Dana Bell said the vote was delayed.")
                .as_deref(),
            Some("Northport city council spokeswoman Dana Bell")
        );
        // "adds"/"maintains" with a plain object report nothing.
        assert_eq!(who("The party maintains a wide lead in the polls."), None);
    }

    #[test]
    fn pronouns_skip_names_inside_quotes() {
        let s =
            speakers("Senator Anna Kowalczyk spoke on Monday. “Tom Becker is wrong,” she said.");
        assert_eq!(
            s[1].as_ref().and_then(|x| x.1.clone()).as_deref(),
            Some("Anna Kowalczyk"),
            "{s:?}"
        );
    }

    #[test]
    fn names_resolve_through_aliases() {
        let s = speakers(
            "Eric Reeves, an academic, said he was appalled. Mr. Reeves, then a critic, said the deal was bad.",
        );
        assert_eq!(
            s[1].as_ref().and_then(|x| x.1.clone()).as_deref(),
            Some("Eric Reeves"),
            "{s:?}"
        );
    }

    #[test]
    fn answering_concluding_agreeing_and_progressive_verbs() {
        assert_eq!(
            first_speaker(
                "When asked if he thinks the plan will work, Tom Baker answered, \
                 “If the council does its job.”"
            )
            .as_deref(),
            Some("Tom Baker")
        );
        assert_eq!(
            first_speaker("“The mayor must apologize,” he concludes.").as_deref(),
            Some("he")
        );
        assert_eq!(
            first_speaker("The port will keep growing, both Lindsay and Peters agree.").as_deref(),
            Some("both Lindsay and Peters")
        );
        assert_eq!(
            first_speaker("Another resident, Maria Lopes, is claiming the mayor broke the law.")
                .as_deref(),
            Some("Maria Lopes")
        );
        // An agreement or a request for help is not a statement.
        assert_eq!(
            first_speaker("Tom Baker, 56, agreed to a sentence of ten years in prison."),
            None
        );
        assert_eq!(
            first_speaker("As he weighs his options, Baker is calling on the governor for advice."),
            None
        );
        assert_eq!(
            first_speaker("Activists are maintaining a prayer fast on the Mall."),
            None
        );
    }

    #[test]
    fn praise_or_blame_with_a_reason_and_urging() {
        assert_eq!(
            first_speaker("Cassidy and Johnson thanked the ambassador for his help.").as_deref(),
            Some("Cassidy and Johnson")
        );
        let s = speakers(
            "Lena Ortiz spoke. She thanked the volunteers and encouraged others to donate.",
        );
        assert_eq!(s[1].as_ref().map(|x| x.0.as_str()), Some("She"), "{s:?}");
    }

    #[test]
    fn topics_and_bare_listeners_are_not_reports() {
        assert_eq!(
            first_speaker("Councillor Ravi Patel complained about the budget."),
            None
        );
        assert_eq!(
            first_speaker("Things the governor has said about the port."),
            None
        );
        assert_eq!(first_speaker("Ana Ruiz asked Tom Baker."), None);
        let s = speakers("Lena Ortiz met Tom Baker. She asked if he had regrets.");
        assert_eq!(s[1].as_ref().map(|x| x.0.as_str()), Some("She"), "{s:?}");
        // "about" after a new clause is not the cue's topic.
        assert_eq!(
            first_speaker("Ravi Patel said he expects the vote to come about a week later.")
                .as_deref(),
            Some("Ravi Patel")
        );
        // After a comma (not a quote) "asked" is not inverted: its subject opens the sentence.
        assert_eq!(
            first_speaker("Greenpeace, representing the fishermen, asked Judge Mary Cole in May to halt the plan.")
                .as_deref(),
            Some("Greenpeace")
        );
    }

    #[test]
    fn sources_close_to_a_name_and_heads_of_organizations() {
        let spans = |t: &str| {
            let doc = Doc::new(&[Block {
                kind: BlockKind::Paragraph,
                text: t.into(),
            }]);
            let e = entities::analyze(&doc);
            attribute(&doc, &e)
                .into_iter()
                .flatten()
                .map(|a| a.written)
                .next()
        };
        for (text, who) in [
            (
                "The tax would stay, a source close to Tom Baker said.",
                "a source close to Tom Baker",
            ),
            (
                "Sources close to the White House say the tax would stay.",
                "Sources close to the White House",
            ),
            (
                "The head of the FBI said the tax would stay.",
                "The head of the FBI",
            ),
            // A past verb ends the phrase.
            (
                "Axios quoted a source close to Tom Baker who said the tax would stay.",
                "a source close to Tom Baker",
            ),
        ] {
            assert_eq!(spans(text).as_deref(), Some(who), "{text}");
        }
    }

    #[test]
    fn speech_nouns_threats_quotes_and_findings() {
        for (text, who) in [
            (
                "Ana Ruiz expressed concern that the port would close.",
                "Ana Ruiz",
            ),
            (
                "Ana Ruiz doubled down on her claim that the vote was rigged.",
                "Ana Ruiz",
            ),
            ("Tom Baker voiced support for the plan.", "Tom Baker"),
            ("Tom Baker threatened to veto the bill.", "Tom Baker"),
            (
                "Tom Baker was quoted as saying the port would close.",
                "Tom Baker",
            ),
            (
                "Tom Baker has long maintained that the tax is fair.",
                "Tom Baker",
            ),
            (
                "Tom Baker accused Ana Ruiz of lying about the tax.",
                "Tom Baker",
            ),
            ("Tom Baker agreed the tax would stay.", "Tom Baker"),
            ("Tom Baker called the tax unfair.", "Tom Baker"),
            ("Tom Baker disputed that the tax was unfair.", "Tom Baker"),
            (
                "Calling the tax a disgrace, Tom Baker voted against it.",
                "Tom Baker",
            ),
            (
                "Some Republicans fear the tax will hurt families.",
                "Some Republicans",
            ),
            ("Analysts expect the tax to stay.", "Analysts"),
            ("As Tom Baker put it, the tax is a disgrace.", "Tom Baker"),
            ("In Tom Baker's words, the tax is a disgrace.", "Tom Baker"),
            ("“The tax will stay,” the statement read.", "the statement"),
            (
                "A report by the agency found that the tax hurt families.",
                "A report by the agency",
            ),
            ("The bill says the tax will stay.", "The bill"),
            (
                "The former secretary of state said the emails were irrelevant.",
                "The former secretary of state",
            ),
            (
                "The 70-year-old billionaire said the emails were irrelevant.",
                "The 70-year-old billionaire",
            ),
            (
                "Tom Baker and Ana Ruiz both said the economy is strong.",
                "Tom Baker and Ana Ruiz",
            ),
            ("It said the evidence had been fabricated.", "It"),
            (
                "Accusing Ana Ruiz of lying, Green referenced Adolf Hitler in a speech.",
                "Green",
            ),
            ("Tom Baker joined an alliance which he says will lead Europe.", "he"),
            ("Tom Baker urged voters not to feel guilty about the vote.", "Tom Baker"),
            ("Tom Baker said about 10 workers were taken to the hospital.", "Tom Baker"),
            ("Officials from both parties said the talks had failed.", "Officials from both parties"),
            ("The delivery was late, the indictment states.", "the indictment"),
            (
                "“We will win,” said Ohio congresswoman Ana Ruiz as she proposed the bill.",
                "Ohio congresswoman Ana Ruiz",
            ),
            (
                "In the wake of that report, Tom Baker stepped up his attacks and said the plan would fail.",
                "Tom Baker",
            ),
            ("President Moon Jae-in said that he will push for peace.", "President Moon Jae-in"),
            ("The victim, who was 14, said the tax would stay.", "The victim"),
            ("The attorney general said the tax would stay.", "The attorney general"),
            (
                "“The port is safe,” said Tom Baker in a speech at the Ohio State University in Columbus.",
                "Tom Baker",
            ),
            (
                "“The port is safe,” said Northport Radio contributor Ana Ruiz.",
                "Northport Radio contributor Ana Ruiz",
            ),
            (
                "Accusing Ana Ruiz of lying, Tom Baker referenced Adolf Hitler.",
                "Tom Baker",
            ),
            (
                "Tom Baker issued a statement saying that the tax will stay.",
                "Tom Baker",
            ),
            (
                "Ana Ruiz was blunt, labelling the plan a “giveaway”.",
                "Ana Ruiz",
            ),
            (
                "Tom Baker repeated the theme that voters were forgotten.",
                "Tom Baker",
            ),
            (
                "The mayor pushed back against critics that say the port will close.",
                "critics",
            ),
            (
                "A majority of Americans say the economy is strong.",
                "A majority of Americans",
            ),
            (
                "Tom Baker has been saying for months that the tax is fair.",
                "Tom Baker",
            ),
            ("The report found that the tax hurt families.", "The report"),
        ] {
            assert_eq!(first_attributed(text).as_deref(), Some(who), "{text}");
        }
        for text in [
            // Inside another clause, the threat is not the sentence's report.
            "Leaders struggled to calm members who threatened to block the bill.",
            // The relative pronoun is the thing promised.
            "Ana Ruiz attacked the repeal, which the party has long promised.",
            // A finding needs a document.
            "The team found that the door was open.",
            // An opening participle that names only the act.
            "Responding to the fire, Tom Baker called the brigade.",
            // A denial that did not happen.
            "Ana Ruiz doesn’t deny that the plan had some role.",
            // A sign that is not quoted reads nothing out.
            "The sign read like a warning.",
            // A plural noun, not the verb.
            "Voters in all three states gave the mayor low marks.",
        ] {
            assert_eq!(first_attributed(text), None, "{text}");
        }
    }

    #[test]
    fn word_lists_hold_each_word_once_and_verbs_in_one_list() {
        for (name, list) in [
            ("REPORTING_VERBS", REPORTING_VERBS),
            ("CONTENT_VERBS", CONTENT_VERBS),
            ("SOURCE_NOUNS", SOURCE_NOUNS),
            ("ANONYMOUS_HEADS", ANONYMOUS_HEADS),
            ("PARTICIPLES", PARTICIPLES),
            ("BETWEEN", BETWEEN),
            ("SPEECH_NOUNS", SPEECH_NOUNS),
            ("DOCUMENT_NOUNS", DOCUMENT_NOUNS),
        ] {
            let mut seen = std::collections::HashSet::new();
            for w in list {
                assert!(seen.insert(w), "{name} lists {w:?} twice");
            }
        }
        // A verb is read either always or only with what was said, not both.
        for w in CONTENT_VERBS {
            assert!(!REPORTING_VERBS.contains(w), "{w:?} is in both verb lists");
        }
    }

    #[test]
    fn quotation_verbs_report_only_with_what_was_said() {
        for (text, who) in [
            (
                "Mayor Ana Ruiz later clarified that the port would stay open.",
                "Mayor Ana Ruiz",
            ),
            ("“Are you kidding me?” Tom Baker shouted.", "Tom Baker"),
            (
                "When the clerk called his name, Tom Baker shouted “Aye!”",
                "Tom Baker",
            ),
            // Forms of the long-standing verbs read like them.
            (
                "Ravi Patel emphasizes that the vote is binding.",
                "Ravi Patel",
            ),
        ] {
            assert_eq!(first_attributed(text).as_deref(), Some(who), "{text}");
        }
        // An act or a topic, not speech: nothing is reported.
        for text in [
            "Tom Baker confessed to the killings.",
            "Ana Ruiz commented on rumors that the port would close.",
            "Ana Ruiz hinted at a change in the plan.",
        ] {
            assert_eq!(first_attributed(text), None, "{text}");
        }
    }

    #[test]
    fn party_labels_and_credit_lines() {
        assert_eq!(
            first_speaker("Tim Baker, D-Ore., said the bill would fail.").as_deref(),
            Some("Tim Baker")
        );
        // A credit line after another report: the inner source speaks.
        assert_eq!(
            first_speaker("“The law is clear,” the memo said, according to the newspaper.")
                .as_deref(),
            Some("the memo")
        );
        assert_eq!(
            first_speaker("The vote was delayed again,” per Ana Ruiz.").as_deref(),
            Some("Ana Ruiz")
        );
    }

    #[test]
    fn documents_fears_furniture_and_post_modifiers() {
        assert_eq!(
            first_speaker("The indictment alleged that Stone lied to the committee.").as_deref(),
            Some("The indictment")
        );
        assert_eq!(
            first_speaker("According to a press release from the county, he left.").as_deref(),
            Some("a press release")
        );
        assert_eq!(
            first_speaker("Many residents privately fear that the bridge could close.").as_deref(),
            Some("Many residents")
        );
        assert_eq!(
            first_speaker(
                "Dorsey thanked the host in a tweet on Tuesday, writing that he had a great talk."
            )
            .as_deref(),
            Some("Dorsey")
        );
        // A label that is page furniture ("Embed …:") is not a speaker.
        assert_eq!(
            first_speaker("Embed Bowe Bergdahl: The Man Branded a Traitor by Trump"),
            None
        );
    }

    #[test]
    fn according_to_spans_start_after_the_cue() {
        assert_eq!(
            first_speaker(
                "According to the Federal Aviation Administration, the flight landed safely."
            )
            .as_deref(),
            Some("the Federal Aviation Administration")
        );
        // A colon far after "about" (another headline item) does not carry its content.
        assert_eq!(
            first_speaker(
                "FIRST IN PLAYBOOK: Kellyanne complains about West Wing colleagues -- \
                 REMEMBERING Zbig -- B’DAY: Zeleny"
            ),
            None
        );
    }

    #[test]
    fn appositive_role_without_its_closing_comma() {
        assert_eq!(
            first_speaker("Tom Baker, chairman of Acme Corp said the plan failed.").as_deref(),
            Some("Tom Baker")
        );
        assert_eq!(
            first_speaker("Wilson Chowdhry, chairman of British Pakistani Christian Association (BPCA) said the case was unjust.")
                .as_deref(),
            Some("Wilson Chowdhry")
        );
    }

    #[test]
    fn statement_introduced_by_a_colon() {
        assert_eq!(
            first_speaker(
                "Lena Ortiz, president of the Harbor Trust, released the following statement on \
                 the vote: The council promised to act and it has kept its promises."
            )
            .as_deref(),
            Some("Lena Ortiz")
        );
    }

    #[test]
    fn subordinate_clause_after_an_opening_phrase() {
        assert_eq!(
            first_speaker(
                "During the first meeting, when Ortiz said that Baker was watching her, the \
                 Post reported, “She remembers it well.”"
            )
            .as_deref(),
            Some("the Post")
        );
        // After a main clause that reports nothing, the "when" clause is the report.
        assert_eq!(
            first_speaker(
                "The tweets came after a report on Tuesday, when CNN reported that officials met."
            )
            .as_deref(),
            Some("CNN")
        );
    }

    #[test]
    fn two_groups_of_sources_are_one_span() {
        assert_eq!(
            first_speaker("Prosecutors and defense attorneys agreed to recommend that the judge impose a lighter sentence.")
                .as_deref(),
            Some("Prosecutors and defense attorneys")
        );
    }

    #[test]
    fn began_reports_only_right_after_a_quote() {
        assert_eq!(
            first_speaker(
                "“Let me answer it this way,” Tom Baker began, with the chair cutting him off."
            )
            .as_deref(),
            Some("Tom Baker")
        );
        assert_eq!(first_speaker("The trial began on Monday."), None);
    }

    #[test]
    fn one_word_headline_label_before_quoted_words() {
        assert_eq!(
            first_speaker("Okafor: Port deal may close in 'near future'").as_deref(),
            Some("Okafor")
        );
        // A furniture word or a dictionary word is no label.
        assert_eq!(
            first_speaker("Update: Port deal may close in 'near future'"),
            None
        );
    }

    #[test]
    fn no_cue_no_speaker() {
        let s = speakers("The river rose two metres overnight.");
        assert_eq!(s, [None]);
    }

    #[test]
    fn claims_report_only_with_what_is_claimed() {
        assert_eq!(
            first_speaker("Governor Liam Brandt claimed last week there was no deal.").as_deref(),
            Some("Governor Liam Brandt")
        );
        assert_eq!(
            first_speaker("Governor Liam Brandt claimed victory in the runoff.").as_deref(),
            Some("Governor Liam Brandt")
        );
        // A claim to something is no statement.
        assert_eq!(
            first_speaker("The firm may exit the deal and claim compensation from the city."),
            None
        );
        assert_eq!(
            first_speaker("Tom Baker won the seat and claimed a new mandate for the party."),
            None
        );
        // The content may stand before: "what she claims", "as Okafor claims".
        assert_eq!(
            first_speaker("Nobody saw what she claims happened at the party.").as_deref(),
            Some("she")
        );
    }

    #[test]
    fn passives_of_telling_and_saying_name_no_speaker() {
        assert_eq!(
            first_speaker("Talks between the two leaders are tense, I’m told tonight."),
            None
        );
        assert_eq!(
            first_speaker("Tom Baker is said to have written the clause himself."),
            None
        );
        // A charge not stated is no report; a time phrase never joins the agent.
        assert_eq!(
            first_speaker("Baker was charged by Ms Okafor last October and later released."),
            None
        );
    }

    #[test]
    fn time_phrases_between_speaker_verb_and_content() {
        assert_eq!(
            first_speaker("Reporter Anna Kowalczyk this April alleged that the firm paid bribes.")
                .as_deref(),
            Some("Reporter Anna Kowalczyk")
        );
        assert_eq!(
            first_speaker("President Liam Brandt proposed on Monday that the talks resume.")
                .as_deref(),
            Some("President Liam Brandt")
        );
        // "proposed" before a noun is an adjective.
        assert_eq!(
            first_speaker("The city’s proposed lawsuit blames Baker for the damage.").as_deref(),
            Some("The city’s proposed lawsuit")
        );
    }

    #[test]
    fn findings_closing_the_sentence_and_statements_with_participles() {
        assert_eq!(
            first_speaker("Tom Baker ignored his own rules for years, the audit report finds.")
                .as_deref(),
            Some("the audit report")
        );
        assert_eq!(
            first_speaker(
                "The association released a statement on its website regarding the pardon, \
                 insisting that it had no ties to the governor."
            )
            .as_deref(),
            Some("The association")
        );
        assert_eq!(
            first_speaker("Baker stepped aside, after admitting he had misled the board.")
                .as_deref(),
            Some("Baker")
        );
    }

    #[test]
    fn relative_which_after_a_group_and_what_they_called() {
        assert_eq!(
            first_speaker("The group, which repeatedly called Baker a “liar,” then left the hall.")
                .as_deref(),
            Some("The group")
        );
        // A document speaks too; "which" after anything else is left alone.
        assert_eq!(
            first_speaker("The report, which called the plan “reckless,” was never published.")
                .as_deref(),
            Some("The report")
        );
        assert_eq!(
            first_speaker("The bridge, which called for repairs in “urgent” terms, was closed."),
            None
        );
        assert_eq!(
            first_speaker(
                "Governor Liam Brandt condemned what he called “reckless threats” from Okafor."
            )
            .as_deref(),
            Some("Governor Liam Brandt")
        );
        assert_eq!(
            first_speaker(
                "Okafor began her campaign with an attack on what she called the city's failures."
            )
            .as_deref(),
            Some("Okafor")
        );
        // When the clause is no speech act, the pronoun speaks.
        assert_eq!(
            first_speaker(
                "Baker was arrested before a trip to undertake what he claimed were studies."
            )
            .as_deref(),
            Some("he")
        );
    }

    #[test]
    fn speech_acts_after_aspect_verbs_and_blame_verbs() {
        assert_eq!(
            first_speaker("Now Tom Baker is starting to blame Okafor for the delays.").as_deref(),
            Some("Tom Baker")
        );
        assert_eq!(
            first_speaker("Baker also berated critics for doubting the plan.").as_deref(),
            Some("Baker")
        );
        assert_eq!(
            first_speaker("Even as many voters hail him as a hero, his rivals stay silent.")
                .as_deref(),
            Some("many voters")
        );
        assert_eq!(
            first_speaker("His lawyer has maintained his innocence, according to the Gazette.")
                .as_deref(),
            Some("His lawyer")
        );
    }

    #[test]
    fn reduced_relatives_and_group_nouns_after_names() {
        // "the professor cited in the documents" is no report; the appositive name tells.
        assert_eq!(
            first_speaker(
                "But the professor cited in the documents, Tom Baker, told the Gazette he had no part in it."
            )
            .as_deref(),
            Some("Tom Baker")
        );
        assert_eq!(
            first_speaker("Okafor was accused of bias by Tom Baker supporters last year.")
                .as_deref(),
            Some("Tom Baker supporters")
        );
    }

    #[test]
    fn titles_documents_and_confidants_head_speaker_phrases() {
        assert_eq!(
            first_speaker("The pope said Friday that the church would not change.").as_deref(),
            Some("The pope")
        );
        assert_eq!(
            first_speaker("One briefing note reveals that the minister wanted cuts.").as_deref(),
            Some("One briefing note")
        );
        assert_eq!(
            first_speaker("Baker prepared to testify against the mayor, confidant says").as_deref(),
            Some("confidant")
        );
        // Research, like polls and data, is evidence rather than a source.
        assert_eq!(
            first_speaker("Yet research shows that the tax would fall on the poor."),
            None
        );
        assert_eq!(
            first_speaker(
                "Baker raised $100,000, according to filings by the Federal Election Commission."
            )
            .as_deref(),
            Some("filings by the Federal Election Commission")
        );
    }

    #[test]
    fn quoted_as_saying_headline_judgments_and_court_findings() {
        assert_eq!(
            first_speaker("The Gazette quoted Anna Kowalczyk as saying that police stormed in.")
                .as_deref(),
            Some("Anna Kowalczyk")
        );
        assert_eq!(
            first_speaker("Ruth Okafor Slams Tom Baker's 'Awful' and 'Shameful' Tax Bill")
                .as_deref(),
            Some("Ruth Okafor")
        );
        assert_eq!(
            first_speaker("Judge Okafor last month convicted Baker of fraud.").as_deref(),
            Some("Judge Okafor")
        );
        assert_eq!(
            first_speaker("Baker dismissed remarks by Okafor in which she threatened that there could be consequences.")
                .as_deref(),
            Some("she")
        );
    }

    #[test]
    fn groups_of_speakers_keep_their_quantities_and_partners() {
        assert_eq!(
            first_speaker(
                "In the latest poll, 64 percent of black voters said the law was unfair."
            )
            .as_deref(),
            Some("64 percent of black voters")
        );
        assert_eq!(
            first_speaker(
                "Tom Baker and his allies denounced the plan, saying that it would fail."
            )
            .as_deref(),
            Some("Tom Baker and his allies")
        );
    }

    #[test]
    fn acts_that_are_not_statements() {
        assert_eq!(
            first_speaker("But Baker has continued building warehouses that could hold them."),
            None
        );
        assert_eq!(
            first_speaker("“The group has pledged allegiance to the rebels and fights on."),
            None
        );
        assert_eq!(
            first_speaker("Okafor tweeted a link to the article on Friday."),
            None
        );
        assert_eq!(
            first_speaker("Okafor tweeted on Wednesday suggesting the vote was rigged.").as_deref(),
            Some("Okafor")
        );
        // A reduced passive in an opening phrase is no report; the main clause's is.
        assert_eq!(
            first_speaker("In a statement first reported by the Gazette, Okafor said: “We won.”")
                .as_deref(),
            Some("Okafor")
        );
    }

    #[test]
    fn issuers_of_written_words_and_confirmation_votes() {
        assert_eq!(
            first_speaker(
                "Okafor on Sunday retweeted a message that noted Baker had once praised her."
            )
            .as_deref(),
            Some("Okafor")
        );
        assert_eq!(
            first_speaker("Tom Baker and Ruth Okafor both issued statements thanking the mayor for her service.")
                .as_deref(),
            Some("Tom Baker and Ruth Okafor")
        );
        assert_eq!(
            first_speaker("The Senate confirmed Okafor on Friday."),
            None
        );
    }

    #[test]
    fn states_after_names_are_left_out_and_coordinated_sources_kept() {
        assert_eq!(
            first_speaker("Ruth Okafor of Minnesota says she does not trust the count.").as_deref(),
            Some("Ruth Okafor")
        );
        assert_eq!(
            first_speaker("According to The Post and Courier, Baker was wanted for arrest.")
                .as_deref(),
            Some("The Post and Courier")
        );
        assert_eq!(
            first_speaker("WASHINGTON-- The actress who claims she met Baker is suing him.")
                .as_deref(),
            Some("The actress")
        );
    }

    #[test]
    fn participles_after_openers_and_prepositions() {
        assert_eq!(
            first_speaker(
                "Despite not pressing charges, Okafor delivered a rebuke, saying the rules were broken."
            )
            .as_deref(),
            Some("Okafor")
        );
        assert_eq!(
            first_speaker("Baker was dismissed after admitting to taking the money.").as_deref(),
            Some("Baker")
        );
        assert_eq!(
            first_speaker("Okafor has scored points by criticizing the mayor for the delays.")
                .as_deref(),
            Some("Okafor")
        );
        // Keeping a lead is no statement.
        assert_eq!(
            first_speaker("Baker has stalled in recent weeks while maintaining a slim lead."),
            None
        );
        assert_eq!(
            first_speaker(
                "Okafor, whose ratings fell, was forced to concede last month that she was wrong."
            )
            .as_deref(),
            Some("Okafor")
        );
    }

    #[test]
    fn a_pronoun_in_as_he_put_it_yields_to_the_named_speaker() {
        assert_eq!(
            first_speaker(
                "On Tuesday evening, Mr. Baker invited Ms. Okafor to dinner, telling her he hoped \
                 for a deal, or, as he put it, “A pool begins with drops.”"
            )
            .as_deref(),
            Some("Mr. Baker")
        );
    }

    #[test]
    fn questions_opinions_of_and_topics_report_nothing() {
        assert_eq!(
            first_speaker("What else did Mr Baker say in his tweet?"),
            None
        );
        assert_eq!(
            first_speaker("It shows what Okafor really thinks of her adopted city."),
            None
        );
        assert_eq!(
            first_speaker("Sheriff Ruth Okafor described the gunman's path through the church."),
            None
        );
        assert_eq!(
            first_speaker("Officials have described Baker as a creative diplomat.").as_deref(),
            Some("Officials")
        );
    }

    #[test]
    fn a_document_before_a_relative_that_said() {
        assert_eq!(
            first_speaker(
                "Baker faced calls to resign in the wake of a detailed report in The Wall Street \
                 Journal on Friday that said he had misled investors."
            )
            .as_deref(),
            Some("a detailed report in The Wall Street Journal")
        );
        // The object of another speech act stays inside it.
        assert_eq!(
            first_speaker(
                "Okafor blasted a report that said Baker had resigned and accused the Gazette of lying."
            )
            .as_deref(),
            Some("Okafor")
        );
    }

    #[test]
    fn progressive_reports_unnamed_qualified_sources_and_roles_to_places() {
        assert_eq!(
            first_speaker("The Gazette is reporting that the mayor was offered a deal.").as_deref(),
            Some("The Gazette")
        );
        assert_eq!(
            first_speaker(
                "Both men opposed the appointment, four people briefed on the talks said."
            )
            .as_deref(),
            Some("four people briefed on the talks")
        );
        assert_eq!(
            first_speaker("\\-- After Baker praised Okafor as a “special woman,” a former ambassador to China said that she is “playing him.”")
                .as_deref(),
            Some("a former ambassador to China")
        );
        assert_eq!(
            first_speaker(
                "Baker's prepared speech goes on to say the vote should shame the Senate."
            )
            .as_deref(),
            Some("Baker's prepared speech")
        );
    }

    #[test]
    fn what_he_described_as_verdicts_and_conclusions() {
        assert_eq!(
            first_speaker("Baker took aim at what he described as “irresponsible managers.”")
                .as_deref(),
            Some("he")
        );
        assert_eq!(
            first_speaker("Judge finds Tom Baker guilty of fraud").as_deref(),
            Some("Judge")
        );
        assert_eq!(
            first_speaker(
                "He considered running, but ruled it out, concluding that he was not ready."
            )
            .as_deref(),
            Some("He")
        );
    }

    #[test]
    fn nouns_and_rule_books_are_not_reports() {
        assert_eq!(
            first_speaker("Baker has made little progress on his key campaign promises."),
            None
        );
        assert_eq!(
            first_speaker("“Baker said the line was fine,” the newspaper reports.").as_deref(),
            Some("the newspaper")
        );
        assert_eq!(
            first_speaker("The judges decide cases according to the Constitution and the laws."),
            None
        );
        assert_eq!(
            first_speaker("He can be questioned, and anything he says can be used against him."),
            None
        );
    }

    #[test]
    fn many_yielding_parentheticals_stay_fast() {
        // Each "as it noted," yields to a later cue; nested searches are bounded (this took
        // minutes before the bound). No speaker: "it" has nothing to stand for.
        let text = format!("But, {}, the plan failed.", ["as it noted"; 40].join(", "));
        assert_eq!(first_speaker(&text), None);
    }

    #[test]
    fn views_parentheticals_and_respondents() {
        assert_eq!(
            first_speaker("In Okafor's view, there is plenty of blame to go around.").as_deref(),
            Some("Okafor")
        );
        assert_eq!(
            first_speaker("A turning point, in the view of many observers, was the ad.").as_deref(),
            Some("many observers")
        );
        assert_eq!(
            first_speaker("As Baker puts it, the mayor “has a record that ought to worry us.”")
                .as_deref(),
            Some("Baker")
        );
        // "as X noted," yields to the main clause's report.
        assert_eq!(
            first_speaker(
                "But, as Baker noted, the audit report clearly stated that no rules were broken."
            )
            .as_deref(),
            Some("the audit report")
        );
        assert_eq!(
            first_speaker("Forty-seven percent think she is better at sharing their values.")
                .as_deref(),
            Some("Forty-seven percent")
        );
    }

    #[test]
    fn fourth_round_heads_gerunds_and_non_reports() {
        assert_eq!(
            first_speaker("The states said the governor broke the law.").as_deref(),
            Some("The states")
        );
        assert_eq!(
            first_speaker("Mr. Baker denied knowing about the payment.").as_deref(),
            Some("Mr. Baker")
        );
        assert_eq!(
            first_speaker("Mr. Baker has said nothing on Twitter about Ms. Okafor."),
            None
        );
        assert_eq!(
            first_speaker(
                "The official reported to work and found a note indicating that Okafor had called."
            )
            .as_deref(),
            Some("a note")
        );
        assert_eq!(
            first_speaker(
                "Baker was charged, according to the Orange County district attorney’s office."
            )
            .as_deref(),
            Some("the Orange County district attorney’s office")
        );
        // Before a dash, the words after an inverted verb may go on as a clause.
        assert_eq!(
            first_speaker(
                "Ruth Okafor, a professor who is writing a biography of him, said Baker — a clerk in \
                 a busy office — likely never got the credit she deserved."
            )
            .as_deref(),
            Some("Ruth Okafor")
        );
    }
}
