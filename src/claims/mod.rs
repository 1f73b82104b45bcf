//! Claims: every sentence's check-worthiness, the claims above the threshold with their type and
//! speaker, and the sources the article cites.
//!
//! Check-worthiness is the optional transformer of [`crate::encoder`] when the caller loaded it;
//! else the trained logistic-regression model of [`checkworthy`] when it is compiled in; otherwise a logistic score over hand-weighted sentence features (numbers and
//! comparisons, named entities, a reporting cue, length, questions, first person, opinion
//! words) with the weights listed in [`FEATURE_WEIGHTS`]. A sentence is a claim when its score
//! is at least [`CLAIM_THRESHOLD`] and it asserts something: not a heading, a byline
//! (`is_byline`) or a fragment without a clause (`has_clause`: list numbers, times, picture
//! credits).

pub mod attribution;
pub mod checkworthy;

use crate::brief::{round3, Attribution, Claim, SentenceScore, SourceCited};
use crate::entities::{Entities, EntityType};
use crate::extract::domain_of;
use crate::text::{Doc, TokenKind};
use attribution::Found;
use std::collections::BTreeMap;

/// A sentence is a claim at or above this check-worthiness.
pub const CLAIM_THRESHOLD: f64 = 0.5;

/// At most this many claims are listed.
pub const MAX_CLAIMS: usize = 12;

/// The features of the check-worthiness score and their weights (logit units).
pub const FEATURE_WEIGHTS: &[(&str, f64)] = &[
    ("bias", -0.9),
    ("has a number", 1.1),
    ("has a comparison or change word", 0.5),
    ("names an entity", 0.6),
    ("names two or more entities", 0.3),
    ("has a reporting cue", 0.5),
    ("is short (under 8 words)", -1.5),
    ("is a question", -1.6),
    ("first person singular", -0.5),
    ("opinion or evaluative wording", -0.4),
    ("hedged (may, might, perhaps)", -0.2),
];

/// Words of comparison and change that mark statistics.
pub const COMPARISON_WORDS: &[&str] = &[
    "percent",
    "per",
    "%",
    "more",
    "less",
    "fewer",
    "increase",
    "increased",
    "rise",
    "rose",
    "risen",
    "fell",
    "fall",
    "fallen",
    "decline",
    "declined",
    "doubled",
    "tripled",
    "halved",
    "record",
    "highest",
    "lowest",
    "largest",
    "smallest",
    "majority",
    "average",
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundreds",
    "thousands",
    "dozens",
    "most",
    "least",
];

/// Evaluative and prescriptive words that mark an opinion.
pub const OPINION_WORDS: &[&str] = &[
    "should",
    "must",
    "ought",
    "need",
    "needs",
    "believe",
    "think",
    "feel",
    "great",
    "terrible",
    "awful",
    "wonderful",
    "disgraceful",
    "shameful",
    "outrageous",
    "ridiculous",
    "absurd",
    "excellent",
    "best",
    "worst",
    "brilliant",
    "stupid",
    "foolish",
    "wrong",
    "right",
    "clearly",
    "obviously",
    "unfortunately",
    "fortunately",
    "sadly",
    "hopefully",
    "deserve",
    "deserves",
    "hypocrisy",
    "hypocritical",
    "pathetic",
    "incompetent",
    "disastrous",
    "remarkable",
];

/// Words that hedge.
pub const HEDGE_WORDS: &[&str] = &[
    "may",
    "might",
    "perhaps",
    "possibly",
    "reportedly",
    "allegedly",
    "apparently",
    "seemingly",
    "suggests",
    "appears",
    "could",
    "unclear",
    "unconfirmed",
];

const PREDICTION_CUES: &[&str] = &[
    "will",
    "forecast",
    "forecasts",
    "predicted",
    "predicts",
    "projected",
    "expects",
    "expected",
    "likely",
    "plans",
    "planned",
    "outlook",
    "next",
];

/// The sentence-level result the rest of the brief builds on.
#[derive(Debug, Clone)]
pub struct ClaimAnalysis {
    pub sentences: Vec<SentenceScore>,
    pub claims: Vec<Claim>,
    pub sources: Vec<SourceCited>,
    /// Attribution of each sentence.
    pub attributions: Vec<Option<Found>>,
    /// Entity groups that are speakers.
    pub speaker_entities: Vec<usize>,
}

struct Features {
    values: Vec<f64>,
}

fn sentence_features(doc: &Doc, entities: &Entities, s_index: usize, attributed: bool) -> Features {
    let s = &doc.sentences[s_index];
    let toks = &doc.tokens[s.tokens.clone()];
    let words = toks.iter().filter(|t| t.is_wordlike()).count();
    let has_number = toks.iter().any(|t| t.kind == TokenKind::Number);
    let comparison = toks
        .iter()
        .any(|t| COMPARISON_WORDS.contains(&t.lower.as_str()));
    let named: std::collections::BTreeSet<usize> = entities
        .in_tokens(s.tokens.clone())
        .map(|(g, _)| g)
        .collect();
    let question = doc
        .sentence_text(s_index)
        .trim_end_matches(['"', '”', '’', '\'', ')'])
        .ends_with('?');
    let first_person = toks
        .iter()
        .any(|t| matches!(t.lower.as_str(), "i" | "me" | "my" | "mine"));
    let opinion = toks
        .iter()
        .any(|t| OPINION_WORDS.contains(&t.lower.as_str()));
    let hedged = toks
        .iter()
        .any(|t| matches!(t.lower.as_str(), "may" | "might" | "perhaps" | "possibly"));
    let b = |x: bool| f64::from(u8::from(x));
    Features {
        values: vec![
            1.0,
            b(has_number),
            b(comparison),
            b(!named.is_empty()),
            b(named.len() >= 2),
            b(attributed),
            b(words < 8),
            b(question),
            b(first_person),
            b(opinion),
            b(hedged),
        ],
    }
}

fn logistic(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn score(f: &Features) -> f64 {
    let z: f64 = f
        .values
        .iter()
        .zip(FEATURE_WEIGHTS)
        .map(|(v, (_, w))| v * w)
        .sum();
    logistic(z)
}

/// The type of a claim sentence, with how sure the rule is.
fn claim_type(doc: &Doc, s_index: usize, attributed: bool) -> (&'static str, f64) {
    let s = &doc.sentences[s_index];
    let toks = &doc.tokens[s.tokens.clone()];
    let text = doc.sentence_text(s_index);
    let quoted_words = quoted_word_count(text);
    // Four words or fewer in quotation marks is a term in scare quotes, not speech.
    if quoted_words >= 5 && attributed {
        return ("quote", 0.95);
    }
    let has_number = toks.iter().enumerate().any(|(k, t)| {
        let date = is_year(doc, t) || (k > 0 && is_month(&toks[k - 1].lower));
        t.kind == TokenKind::Number && !date && !is_age(toks, k)
    });
    let comparison = toks
        .iter()
        .any(|t| COMPARISON_WORDS.contains(&t.lower.as_str()));
    // A figure in the future ("will climb to 4.2 percent", "is expected to reach $5bn") is a
    // forecast: a prediction, not a statistic.
    let future = toks.iter().any(|t| t.lower == "will")
        || ["expected to", "is set to", "forecast to", "projected to"]
            .iter()
            .any(|cue| text.contains(cue));
    if has_number && future {
        return ("prediction", 0.85);
    }
    if has_number || (comparison && toks.iter().any(|t| t.kind == TokenKind::Number)) {
        return (
            "statistic",
            if has_number && comparison { 0.95 } else { 0.85 },
        );
    }
    let prediction = toks.iter().enumerate().any(|(i, t)| {
        PREDICTION_CUES.contains(&t.lower.as_str())
            && !(t.lower == "next"
                && toks.get(i + 1).is_none_or(|n| {
                    !matches!(n.lower.as_str(), "year" | "month" | "week" | "decade")
                }))
    }) || text.contains("expected to")
        || text.contains("is set to");
    let opinion = (0..toks.len()).any(|k| is_opinion_use(toks, k));
    let first_person = toks
        .iter()
        .any(|t| matches!(t.lower.as_str(), "i" | "we" | "my" | "our"));
    if opinion || (first_person && quoted_words == 0) {
        return ("opinion", if opinion { 0.8 } else { 0.65 });
    }
    if prediction {
        return ("prediction", 0.8);
    }
    if quoted_words >= 5 {
        return ("quote", 0.75);
    }
    ("factual", 0.8)
}

/// True when token `k` of a sentence's tokens is an evaluative word as used there: in
/// [`OPINION_WORDS`], not part of a name (capitalized after the sentence's first word: "Great
/// Britain", "the Great Depression"), and for "right" not a side, a direction or an entitlement
/// ("right-wing", "Tsvangirai, right, meets", "turned right", "right whale", "the right to vote").
pub(crate) fn is_opinion_use(toks: &[crate::text::Token], k: usize) -> bool {
    let t = &toks[k];
    if !OPINION_WORDS.contains(&t.lower.as_str()) {
        return false;
    }
    let previous = k.checked_sub(1).map(|p| toks[p].lower.as_str());
    let next = toks.get(k + 1).map(|n| n.lower.as_str());
    let sentence_start = previous.is_none_or(|p| matches!(p, "\"" | "“" | "‘" | "'" | "("));
    let next_capitalized = toks.get(k + 1).is_some_and(|n| n.capitalized);
    if t.capitalized && !t.all_caps && (!sentence_start || next_capitalized) {
        return false;
    }
    if t.lower == "right" {
        let aside = previous == Some(",") && matches!(next, Some("," | ")"));
        let bracketed = previous == Some("(") && next == Some(")");
        let compound = next == Some("-") || next.is_some_and(|n| n.starts_with("-"));
        let direction = previous.is_some_and(|p| {
            matches!(
                p,
                "turn" | "turned" | "turns" | "far" | "hard" | "centre" | "center" | "pygmy"
            )
        }) || next.is_some_and(|n| {
            matches!(
                n,
                "whale" | "whales" | "hand" | "side" | "wing" | "wingers" | "to" | "of" | "now"
            )
        });
        // "on the right." / "the right, which…": the side.
        let the_side =
            previous == Some("the") && next.is_none_or(|n| !n.chars().any(char::is_alphanumeric));
        if aside || bracketed || compound || direction || the_side {
            return false;
        }
    }
    true
}

/// True when the number at `k` is an age or a baby's months: "52-year-old", "93 year-old",
/// "aged 21", "Eloise Parry, 21, was…", "(10 months)".
fn is_age(toks: &[crate::text::Token], k: usize) -> bool {
    let word = |i: usize| toks.get(i).map_or("", |t| t.lower.as_str());
    let after: Vec<&str> = (k + 1..k + 5).map(word).filter(|w| *w != "-").collect();
    let years_old = matches!(after.as_slice(), ["year" | "years", "old", ..])
        || matches!(after.as_slice(), ["year-old" | "years-old", ..])
        || matches!(after.as_slice(), ["month" | "months", "old", ..]);
    let aged = k > 0 && word(k - 1) == "aged";
    let name_aside =
        k >= 2 && word(k - 1) == "," && toks[k - 2].capitalized && matches!(word(k + 1), "," | ")");
    let months = k > 0
        && word(k - 1) == "("
        && matches!(word(k + 1), "months" | "month" | "weeks")
        && word(k + 2) == ")";
    years_old || aged || name_aside || months
}

/// A month name, in full or abbreviated: the number after it is a date, not a statistic
/// ("March 3"); attribution skips it as a time phrase ("this April alleged").
pub(crate) fn is_month(lower: &str) -> bool {
    matches!(
        lower,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// A byline line left in the text ("By Priya Raman · October 2, 2025"): "By", then only names,
/// dates, numbers and punctuation. It credits a writer; it asserts nothing.
fn is_byline(doc: &Doc, s_index: usize) -> bool {
    let Some(s) = doc.sentences.get(s_index) else {
        return false;
    };
    let tokens = &doc.tokens[s.tokens.clone()];
    let Some(first) = tokens.iter().position(|t| t.is_word()) else {
        return false;
    };
    tokens[first].lower == "by"
        && tokens.len() > first + 1
        && tokens[first + 1].capitalized
        && tokens[first + 1..].iter().all(|t| {
            !t.is_word()
                || t.capitalized
                || t.kind == crate::text::TokenKind::Number
                || matches!(
                    t.lower.as_str(),
                    "and" | "de" | "van" | "von" | "bin" | "al"
                )
        })
}

/// Whether a sentence has a clause to assert something with. List numbers ("1.", "Step 4"),
/// times ("1:39 PM ET"), sizes ("13.4 MB (-81%)"), picture credits ("Photo by James
/// Martin/CNET") and "Posted on … by …" lines have none. English text (a sentence with an
/// English function word) needs three words and a verb after the first word, or three
/// lower-case content words; other languages, whose verbs the word lists do not know, need three
/// words or, in scripts written without spaces, eight letters.
fn has_clause(doc: &Doc, s_index: usize) -> bool {
    use crate::lexicon::{any_word_class, is_stopword, WordClass};
    let Some(s) = doc.sentences.get(s_index) else {
        return false;
    };
    let words: Vec<&crate::text::Token> = doc.tokens[s.tokens.clone()]
        .iter()
        .filter(|t| t.is_word())
        .collect();
    let english = words
        .iter()
        .any(|t| !t.capitalized && is_stopword(&t.lower));
    // "Mark Stout/iStock/Getty Images": a line of capitalized words only is a credit or title.
    let name_like = |t: &&crate::text::Token| {
        t.capitalized
            || doc.text[t.start..t.end]
                .chars()
                .skip(1)
                .any(char::is_uppercase)
    };
    if words.iter().all(name_like) {
        return false;
    }
    if !english {
        let text = doc.sentence_text(s_index);
        let letters = text.chars().filter(|c| c.is_alphabetic()).count();
        // CJK scripts from U+2E80 on are written without spaces between words.
        let unspaced_script = text.chars().any(|c| c as u32 >= 0x2E80);
        return words.len() >= 3 || (unspaced_script && letters >= 8);
    }
    let verb = words.iter().skip(1).any(|t| {
        !t.capitalized
            && (attribution::AUXILIARIES.contains(&t.lower.as_str())
                || t.lower.ends_with("ed")
                || t.lower.contains('\'')
                || t.lower.contains('’')
                || any_word_class(&t.lower) == Some(WordClass::Verb)
                || attribution::REPORTING_VERBS.contains(&t.lower.as_str()))
    });
    let content_words = words
        .iter()
        .filter(|t| !t.capitalized && !is_stopword(&t.lower) && t.kind == TokenKind::Word)
        .count();
    words.len() >= 3 && (verb || content_words >= 3)
}

fn is_year(doc: &Doc, t: &crate::text::Token) -> bool {
    let s = &doc.text[t.start..t.end];
    s.len() == 4 && s.parse::<u32>().is_ok_and(|y| (1800..=2200).contains(&y))
}

fn quoted_word_count(text: &str) -> usize {
    let mut inside = false;
    let mut count = 0;
    let mut in_word = false;
    for c in text.chars() {
        match c {
            '"' => inside = !inside,
            '“' => inside = true,
            '”' => inside = false,
            _ => {}
        }
        let wordy = c.is_alphanumeric();
        if inside && wordy && !in_word {
            count += 1;
        }
        in_word = wordy;
    }
    count
}

/// Scores every sentence, lists the claims and the sources.
///
/// With a transformer check-worthiness model, it scores check-worthiness from each sentence's
/// text alone; without one, the compiled-in hashed model scores. With a speaker tagger, the
/// tagger revises the attribution rules' answers.
pub fn analyze(
    doc: &Doc,
    entities: &Entities,
    links: &[String],
    models: crate::Models,
) -> ClaimAnalysis {
    let transformer = models.checkworthiness;
    let attributions = attribution::attribute(doc, entities, models.speaker);
    let mut sentences = Vec::with_capacity(doc.sentences.len());
    let mut claims = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        let attributed = attributions[i].is_some();
        let cw = round3(match (transformer, checkworthy::compiled_model()) {
            (Some(model), _) => model.probability(doc.sentence_text(i)),
            (None, Some(model)) => {
                model.probability(&checkworthy::features(doc, entities, i, attributed))
            }
            (None, None) => score(&sentence_features(doc, entities, i, attributed)),
        });
        let start = doc.utf16(s.bytes.start);
        let end = doc.utf16(s.bytes.end);
        sentences.push(SentenceScore {
            start,
            end,
            checkworthiness: cw,
            attribution: attributions[i]
                .as_ref()
                .map(|a| to_attribution(doc, entities, a)),
        });
        // A heading ("Funding dispute") labels a section; it asserts nothing.
        let heading = doc
            .paragraphs
            .get(s.paragraph)
            .is_some_and(|p| p.kind == crate::text::BlockKind::Heading);
        if cw >= CLAIM_THRESHOLD && !heading && !is_byline(doc, i) && has_clause(doc, i) {
            let (kind, type_confidence) = claim_type(doc, i, attributed);
            let attribution = attributions[i]
                .as_ref()
                .map(|a| to_attribution(doc, entities, a));
            // Confidence: how sure the type rule is, discounted when nobody is named as the source.
            let confidence = type_confidence
                * if attribution.as_ref().is_some_and(|a| !a.anonymous) {
                    1.0
                } else {
                    0.85
                };
            claims.push(Claim {
                text: doc.sentence_text(i).to_string(),
                start,
                end,
                claim_type: kind.to_string(),
                attribution,
                confidence: round3(confidence),
                checkworthiness: cw,
            });
        }
    }
    claims.sort_by(|a, b| {
        b.checkworthiness
            .total_cmp(&a.checkworthiness)
            .then(a.start.cmp(&b.start))
    });
    claims.truncate(MAX_CLAIMS);
    let mut speaker_entities: Vec<usize> = attributions
        .iter()
        .flatten()
        .filter_map(|a| a.entity)
        .collect();
    speaker_entities.sort_unstable();
    speaker_entities.dedup();
    let sources = sources(doc, entities, &attributions, links);
    ClaimAnalysis {
        sentences,
        claims,
        sources,
        attributions,
        speaker_entities,
    }
}

fn to_attribution(doc: &Doc, entities: &Entities, a: &Found) -> Attribution {
    Attribution {
        speaker: a
            .entity
            .map_or_else(|| a.written.clone(), |g| entities.groups[g].name.clone()),
        entity_id: a.entity.map(|g| entities.id_of(g)),
        anonymous: a.anonymous,
        cue: a.cue.clone(),
        start: doc.utf16(a.bytes.start),
        end: doc.utf16(a.bytes.end),
    }
}

const DOCUMENT_NOUNS: &[&str] = &[
    "report",
    "study",
    "survey",
    "statement",
    "notice",
    "filing",
    "paper",
    "poll",
    "analysis",
    "document",
    "memo",
    "letter",
    "data",
    "figures",
    "census",
    "audit",
    "review",
    "assessment",
];

/// Whether a speaker as written is a bare pronoun, contractions included ("They", "I’m",
/// "it'll").
fn is_pronoun(written: &str) -> bool {
    let lower = written.to_lowercase();
    let word = lower
        .split(['\'', '’'])
        .next()
        .unwrap_or("")
        .trim_end_matches(['.', ',']);
    word == "you" || attribution::PRONOUNS.contains(&word)
}

/// Distinct speakers (not unresolved pronouns), cited documents and outbound link domains.
fn sources(
    doc: &Doc,
    entities: &Entities,
    attributions: &[Option<Found>],
    links: &[String],
) -> Vec<SourceCited> {
    // key → (name, entity id, kind, mentions)
    let mut map: BTreeMap<String, SourceCited> = BTreeMap::new();
    // A pronoun that resolved to no entity ("they said", "I’m told") names no source to list.
    for a in attributions
        .iter()
        .flatten()
        .filter(|a| a.entity.is_some() || !is_pronoun(&a.written))
    {
        let (key, name, entity_id, kind) = match a.entity {
            Some(g) => {
                let kind = match entities.groups[g].entity_type {
                    EntityType::Person => "person",
                    EntityType::Organization => "organization",
                    _ => "other",
                };
                (
                    format!("e{g}"),
                    entities.groups[g].name.clone(),
                    Some(entities.id_of(g)),
                    kind,
                )
            }
            None => {
                let kind = if a.anonymous { "anonymous" } else { "other" };
                (
                    format!("w{}", a.written.to_lowercase()),
                    a.written.clone(),
                    None,
                    kind,
                )
            }
        };
        map.entry(key)
            .or_insert_with(|| SourceCited {
                name,
                entity_id,
                kind: kind.to_string(),
                mentions: 0,
            })
            .mentions += 1;
    }
    // "according to a report", "a study by …", "in a statement": documents.
    for (i, s) in doc.sentences.iter().enumerate() {
        if attributions[i].is_none() {
            continue;
        }
        for t in s.tokens.clone() {
            let lower = doc.tokens[t].lower.as_str();
            let preceded_by_article = t > s.tokens.start
                && matches!(
                    doc.tokens[t - 1].lower.as_str(),
                    "a" | "the" | "new" | "official" | "latest"
                );
            // "a notice on its official account", "a statement on their website": the speaker's
            // own channel, not a separate source.
            let own_channel = doc.tokens[t + 1..s.tokens.end.min(t + 3)]
                .iter()
                .any(|x| matches!(x.lower.as_str(), "its" | "their" | "his" | "her"));
            if DOCUMENT_NOUNS.contains(&lower) && preceded_by_article && !own_channel {
                let key = format!("d{lower}");
                map.entry(key)
                    .or_insert_with(|| SourceCited {
                        name: lower.to_string(),
                        entity_id: None,
                        kind: "document".to_string(),
                        mentions: 0,
                    })
                    .mentions += 1;
            }
        }
    }
    for link in links {
        if let Some(domain) = domain_of(link) {
            map.entry(format!("l{domain}"))
                .or_insert_with(|| SourceCited {
                    name: domain.clone(),
                    entity_id: None,
                    kind: "link".to_string(),
                    mentions: 0,
                })
                .mentions += 1;
        }
    }
    let mut list: Vec<SourceCited> = map.into_values().collect();
    list.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then(a.kind.cmp(&b.kind))
            .then(a.name.cmp(&b.name))
    });
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities;
    use crate::text::{Block, BlockKind};

    /// The claim analysis of a document made of these blocks.
    fn run_blocks(blocks: &[(BlockKind, &str)]) -> ClaimAnalysis {
        let doc = Doc::new(
            &blocks
                .iter()
                .map(|(kind, text)| Block {
                    kind: *kind,
                    text: (*text).into(),
                })
                .collect::<Vec<_>>(),
        );
        let e = entities::analyze(&doc);
        analyze(&doc, &e, &[], crate::Models::default())
    }

    fn run(text: &str) -> (Doc, ClaimAnalysis) {
        let doc = Doc::new(&[Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
        }]);
        let e = entities::analyze(&doc);
        let c = analyze(&doc, &e, &[], crate::Models::default());
        (doc, c)
    }

    #[test]
    fn statistics_outscore_small_talk() {
        let (_, c) =
            run("Unemployment rose to 7.5 percent in March, the Labour Ministry said. What a day?");
        assert!(c.sentences[0].checkworthiness > 0.7);
        assert!(c.sentences[1].checkworthiness < 0.3);
        assert_eq!(c.claims.len(), 1);
        assert_eq!(c.claims[0].claim_type, "statistic");
        assert_eq!(
            c.claims[0].attribution.as_ref().map(|a| a.speaker.as_str()),
            Some("Labour Ministry")
        );
    }

    #[test]
    fn claim_types() {
        let (doc, _) = run(
            "\"We will never accept this deal,\" said Senator Mary Oak. \
                            The government should resign now. \
                            The Central Bank expects growth to slow next year. \
                            Exports fell 4.2 percent in May. \
                            The bridge was closed on Monday.",
        );
        let types: Vec<&str> = (0..5).map(|i| claim_type(&doc, i, i == 0).0).collect();
        assert_eq!(
            types,
            ["quote", "opinion", "prediction", "statistic", "factual"]
        );
    }

    #[test]
    fn ages_names_and_sides_are_not_figures_or_opinions() {
        let (doc, _) = run("Eloise Parry, 21, was taken to hospital in April. \
             The 52-year-old mother stayed with her. \
             The yield will climb to 4.2 percent in 2021. \
             Sales rose 5 percent, more than expected. \
             Morgan Tsvangirai, right, meets voters in Harare. \
             Great Britain left the union. \
             It was the right decision.");
        let types: Vec<&str> = (0..7).map(|i| claim_type(&doc, i, false).0).collect();
        assert_eq!(
            types,
            [
                "factual",
                "factual",
                "prediction",
                "statistic",
                "factual",
                "factual",
                "opinion"
            ]
        );
    }

    #[test]
    fn sources_group_speakers_and_links() {
        let doc = Doc::new(&[Block {
            kind: BlockKind::Paragraph,
            text: "Acme Corp said sales rose 5%. Acme Corp said costs fell 2%. Officials said more was due.".into(),
        }]);
        let e = entities::analyze(&doc);
        let c = analyze(
            &doc,
            &e,
            &["https://data.gov/x".into(), "https://data.gov/y".into()],
            crate::Models::default(),
        );
        let acme = c
            .sources
            .iter()
            .find(|s| s.name == "Acme Corp")
            .expect("Acme cited");
        assert_eq!((acme.kind.as_str(), acme.mentions), ("organization", 2));
        assert!(c.sources.iter().any(|s| s.kind == "anonymous"));
        assert!(c
            .sources
            .iter()
            .any(|s| s.kind == "link" && s.name == "data.gov" && s.mentions == 2));
    }

    #[test]
    fn bylines_are_not_claims() {
        let c = run_blocks(&[
            (BlockKind::Paragraph, "By Priya Raman · October 2, 2025"),
            (
                BlockKind::Paragraph,
                "Fares rose 40 percent in 2025, the authority said.",
            ),
        ]);
        assert_eq!(c.sentences.len(), 2);
        assert!(
            c.claims.iter().all(|claim| !claim.text.starts_with("By ")),
            "{:?}",
            c.claims
        );
        assert!(c.claims.iter().any(|claim| claim.text.starts_with("Fares")));
    }

    #[test]
    fn fragments_without_a_verb_are_not_claims() {
        let c = run_blocks(&[
            (BlockKind::Paragraph, "1:39 PM ET"),
            (BlockKind::Paragraph, "Mark Stout/iStock/Getty Images"),
            (BlockKind::Paragraph, "Step 4"),
            (BlockKind::Paragraph, "Prices rose 5 percent."),
        ]);
        let texts: Vec<&str> = c.claims.iter().map(|claim| claim.text.as_str()).collect();
        assert_eq!(texts, ["Prices rose 5 percent."]);
        // A sentence that starts with "By" and goes on is a sentence.
        let (_, c) = run("By 2030 the city will spend 40 percent more on buses, the mayor said.");
        assert!(c
            .claims
            .iter()
            .any(|claim| claim.text.starts_with("By 2030")));
    }

    #[test]
    fn unresolved_pronouns_are_not_sources() {
        assert!(is_pronoun("They") && is_pronoun("I’m") && is_pronoun("it'll") && is_pronoun("I."));
        assert!(!is_pronoun("Itamar Ben-Gvir") && !is_pronoun("the ministry"));
        let (_, c) =
            run("“We will not pay,” they said. Prices rose 40 percent, the ministry said.");
        assert!(
            c.sources.iter().all(|s| s.name.to_lowercase() != "they"),
            "{:?}",
            c.sources
        );
        assert!(
            c.sources.iter().any(|s| s.name.contains("ministry")),
            "{:?}",
            c.sources
        );
    }

    #[test]
    fn headings_are_not_claims() {
        let c = run_blocks(&[
            (BlockKind::Heading, "Funding dispute over 300 million euros"),
            (
                BlockKind::Paragraph,
                "Spending rose 40 percent in 2025, the ministry said.",
            ),
        ]);
        assert_eq!(c.sentences.len(), 2);
        assert!(
            c.claims
                .iter()
                .all(|claim| !claim.text.starts_with("Funding")),
            "{:?}",
            c.claims
        );
    }

    #[test]
    fn weights_and_features_line_up() {
        let (doc, _) = run("A sentence.");
        let e = entities::analyze(&doc);
        assert_eq!(
            sentence_features(&doc, &e, 0, false).values.len(),
            FEATURE_WEIGHTS.len()
        );
    }
}
