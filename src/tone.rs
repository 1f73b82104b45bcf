//! Tone: valence (−1 … +1) and alarm (0 calm … 1 alarmist), with the words that moved them.
//!
//! Valence follows the published VADER rules (Hutto & Gilbert, 2014) over VADER's MIT-licensed
//! lexicon: sums with negation (VADER's negation words, −0.74 within three words), boosters and
//! dampeners (VADER's lists, ±0.293), ALL-CAPS emphasis (+0.733), contrastive "but" (before
//! ×0.5, after ×1.5), VADER's special-case phrases ("the shit", "bad ass", "kiss of death") and
//! exclamation marks (+0.292 each, up to four), normalized as s/√(s²+15). Rules apply to VADER's
//! units: words, numbers and emoticons (punctuation does not count as a position), a hyphenated
//! compound is one unit and a possessive stays with its word. Negation, boosters and "but" work
//! within a sentence; as VADER reads a whole tweet or review snippet as one text, ALL-CAPS
//! emphasis is judged against the paragraph, and a paragraph's sentence sums are added up with
//! its exclamation and question marks counted once.
//!
//! Two news rules on top: words inside multi-word capitalized names ("United Nations") carry no
//! sentiment, and `data/lexicons/news_valence.tsv` (derived from NewsMTSC train) sets
//! VADER-positive words that news uses neutrally to 0 ("party", "security", "like"; "well" only
//! in "as well") and adds evaluative news words ("allegations"). A name is a run of capitalized
//! words with no punctuation between them, not counting the first word of a sentence (after any
//! leading "@mention", "#tag" or "RT"). The news lexicon is not applied to social-media
//! paragraphs (an @mention, #hashtag, "RT @" or a raw link): they get VADER's own ratings. The
//! article's valence normalizes the sum over paragraphs scaled by 1/√(paragraphs with
//! sentiment), so a one-paragraph text scores as VADER does and a long article does not
//! saturate.
//!
//! Alarm uses NEWSAR's alarm lexicon (`data/lexicons/alarm.tsv`): fear and urgency words push up,
//! hedged, measured wording pushes down; exclamation marks and superlatives add. The net weight
//! per 100 words `d` maps to `alarm = 1 / (1 + e^(−0.45·(d − 3)))`. Labels: Calm < 0.2 ≤ Measured
//! < 0.4 ≤ Neutral < 0.6 ≤ Concerned < 0.8 ≤ Alarmist.

use crate::brief::{round3, Evidence, Tone};
use crate::lexicon::{alarm, vader, vader_plain};
use regex::Regex;
use std::collections::HashMap;
use std::sync::LazyLock;

use crate::text::{Doc, TokenKind};

const NEGATIONS: &[&str] = &[
    "not",
    "no",
    "never",
    "n't",
    "without",
    "nor",
    "none",
    "nobody",
    "nothing",
    "neither",
    "cannot",
    "nowhere",
    "nope",
    "rarely",
    "seldom",
    "despite",
    "uhuh",
    "uh-uh",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "won't",
    "wouldn't",
    "can't",
    "couldn't",
    "shouldn't",
    "haven't",
    "hasn't",
    "hadn't",
    "ain't",
    "daren't",
    "mightn't",
    "mustn't",
    "needn't",
    "oughtn't",
    "shan't",
    // As typed without the apostrophe.
    "isnt",
    "dont",
    "doesnt",
    "didnt",
    "cant",
    "couldnt",
    "wont",
    "wouldnt",
    "shouldnt",
    "aint",
    "arent",
    "wasnt",
    "werent",
    "havent",
    "hasnt",
    "hadnt",
    "darent",
    "mightnt",
    "mustnt",
    "neednt",
    "oughtnt",
    "shant",
];

const BOOSTERS: &[&str] = &[
    "absolutely",
    "amazingly",
    "awfully",
    "completely",
    "considerable",
    "considerably",
    "decidedly",
    "deeply",
    "effing",
    "enormous",
    "enormously",
    "entirely",
    "especially",
    "exceptional",
    "exceptionally",
    "extreme",
    "extremely",
    "fabulously",
    "flipping",
    "flippin",
    "fricking",
    "frickin",
    "frigging",
    "friggin",
    "fully",
    "greatly",
    "hella",
    "highly",
    "hugely",
    "incredible",
    "incredibly",
    "intensely",
    "major",
    "majorly",
    "more",
    "most",
    "particularly",
    "purely",
    "quite",
    "really",
    "remarkably",
    "so",
    "substantially",
    "thoroughly",
    "total",
    "totally",
    "tremendous",
    "tremendously",
    "uber",
    "unbelievably",
    "unusually",
    "utter",
    "utterly",
    "very",
];

const DAMPENERS: &[&str] = &[
    "almost",
    "barely",
    "hardly",
    "less",
    "little",
    "marginal",
    "marginally",
    "occasional",
    "occasionally",
    "partly",
    "scarce",
    "scarcely",
    "slight",
    "slightly",
    "somewhat",
    "sorta",
    "sortof",
    "kinda",
    "kindof",
];

/// VADER's special-case phrases: each lexicon word inside one takes the phrase's valence.
const SPECIAL_CASES: &[(&str, f64)] = &[
    ("the shit", 3.0),
    ("the bomb", 3.0),
    ("bad ass", 1.5),
    ("badass", 1.5),
    ("bus stop", 0.0),
    ("yeah right", -2.0),
    ("kiss of death", -1.5),
    ("to die for", 3.0),
    ("beating heart", 3.5),
];

/// Social-media markup: an @mention or #hashtag starting a word, a retweet, or a raw link.
static SOCIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)[@#][A-Za-z_]|\bRT @|https?://|\bwww\.").expect("static regex")
});

const SUPERLATIVES: &[&str] = &[
    "worst",
    "biggest",
    "largest",
    "deadliest",
    "most",
    "greatest",
    "highest",
    "lowest",
];

/// One unit VADER scores: a word, number or emoticon, with hyphenated compounds joined
/// ("drag-and-drop" is one unit, looked up whole) and a possessive "'s" folded into its word.
struct Unit {
    start: usize,
    end: usize,
    /// Lowercase lookup form.
    lower: String,
    all_caps: bool,
    /// Part of a name: a run of two or more capitalized words inside a sentence that is not
    /// title-cased ("United Nations", "Justice Department").
    name_like: bool,
    /// Punctuation stands between this unit and the one before.
    punct_before: bool,
}

/// The units of one sentence, and its exclamation and question marks.
fn units_of(doc: &Doc, toks: &[crate::text::Token]) -> (Vec<Unit>, usize, usize) {
    let mut units: Vec<Unit> = Vec::new();
    let (mut exclaims, mut questions) = (0, 0);
    let mut punct_before = false;
    // Still before the sentence's first word: only @mentions, #tags and "RT" so far.
    let mut leading = true;
    for (k, t) in toks.iter().enumerate() {
        let text = &doc.text[t.start..t.end];
        if t.kind == TokenKind::Punct {
            punct_before = true;
            match text {
                "!" => exclaims += 1,
                "?" => questions += 1,
                _ => {}
            }
            continue;
        }
        let glued_to_last = units.last().is_some_and(|u| u.end == t.start);
        // VADER reads "company's" as one word, not as "company".
        if glued_to_last && (t.lower == "'s" || t.lower == "s'") {
            if let Some(u) = units.last_mut() {
                u.end = t.end;
                u.lower.push_str(&t.lower);
            }
            continue;
        }
        // Word "-" word with no spaces: one compound unit.
        let hyphen_before = k > 0
            && units.last().is_some_and(|u| u.end == toks[k - 1].start)
            && toks[k - 1].end == t.start
            && matches!(&doc.text[toks[k - 1].start..toks[k - 1].end], "-" | "‐");
        if hyphen_before && t.kind != TokenKind::Symbol {
            if let Some(u) = units.last_mut() {
                u.lower.push('-');
                u.lower.push_str(&t.lower);
                u.end = t.end;
                u.all_caps &= t.all_caps;
            }
            continue;
        }
        let first_word = leading;
        let tag = k > 0
            && toks[k - 1].end == t.start
            && matches!(&doc.text[toks[k - 1].start..toks[k - 1].end], "@" | "#");
        leading &= tag || text == "RT";
        units.push(Unit {
            start: t.start,
            end: t.end,
            lower: t.lower.clone(),
            all_caps: t.all_caps,
            // The first word is capitalized as the sentence's, not as a name's.
            name_like: t.capitalized && !t.all_caps && !first_word,
            // "@anna Thanks Laurie": the "@" of a leading mention does not split the sentence.
            punct_before: punct_before && !first_word,
        });
        punct_before = false;
    }
    // A lone capital is as often emphasis ("I Love it") as a name; an entity-tagger test
    // (words inside tagged names) did worse on both news and tweets than this rule.
    // A name does not run across punctuation: "Day: Great case study" holds no name.
    let caps: Vec<(bool, bool)> = units
        .iter()
        .map(|u| (u.name_like, u.punct_before))
        .collect();
    for (i, u) in units.iter_mut().enumerate() {
        let next_cap = caps.get(i + 1).is_some_and(|&(cap, gap)| cap && !gap);
        let prev_cap = i >= 1 && caps[i - 1].0 && !caps[i].1;
        u.name_like &= next_cap || prev_cap;
    }
    // A headline in Title Case capitalizes every word: no name signal there.
    let words = units
        .iter()
        .filter(|u| u.lower.chars().any(char::is_alphabetic))
        .count();
    let capitalized = units.iter().filter(|u| u.name_like).count();
    if capitalized * 2 > words {
        units.iter_mut().for_each(|u| u.name_like = false);
    }
    (units, exclaims, questions)
}

fn is_negation(word: &str) -> bool {
    NEGATIONS.contains(&word) || word.contains("n't")
}

/// VADER's scalar for a modifier word before a sentiment word of valence `v`.
fn modifier_scalar(unit: &Unit, v: f64, cap_diff: bool) -> f64 {
    let w = unit.lower.as_str();
    let mut scalar = if BOOSTERS.contains(&w) {
        0.293
    } else if DAMPENERS.contains(&w) {
        -0.293
    } else {
        return 0.0;
    };
    if v < 0.0 {
        scalar = -scalar;
    }
    if unit.all_caps && cap_diff {
        scalar += if v > 0.0 { 0.733 } else { -0.733 };
    }
    scalar
}

/// The valence of VADER's special-case phrase that covers unit `i`, if any.
fn special_case(units: &[Unit], i: usize) -> Option<f64> {
    SPECIAL_CASES.iter().find_map(|&(phrase, valence)| {
        let words: Vec<&str> = phrase.split(' ').collect();
        let covers = words.iter().enumerate().any(|(k, &w)| {
            units[i].lower == w
                && k <= i
                && i - k + words.len() <= units.len()
                && words
                    .iter()
                    .enumerate()
                    .all(|(j, &pw)| units[i - k + j].lower == pw)
        });
        covers.then_some(valence)
    })
}

/// The VADER valence of unit `i` of a sentence (0 for words without sentiment).
fn unit_valence(units: &[Unit], i: usize, cap_diff: bool, lexicon: &HashMap<&str, f64>) -> f64 {
    let word = |j: usize| units[j].lower.as_str();
    let w = word(i);
    let next = units.get(i + 1).map(|u| u.lower.as_str());
    // Modifiers carry no valence of their own; nor does "kind" in "kind of".
    if BOOSTERS.contains(&w) || DAMPENERS.contains(&w) || (w == "kind" && next == Some("of")) {
        return 0.0;
    }
    if units[i].name_like {
        return 0.0;
    }
    // The news lexicon's neutral "well" is the "as well" of news; elsewhere VADER's rating holds.
    let rating = if w == "well" && !(i >= 1 && word(i - 1) == "as") {
        vader_plain().get(w)
    } else {
        lexicon.get(w)
    };
    let Some(&base) = rating else {
        return 0.0;
    };
    if let Some(v) = special_case(units, i) {
        return v;
    }
    let mut v = base;
    // "no" before a sentiment word negates it instead of counting as negative itself.
    if w == "no" && next.is_some_and(|n| lexicon.contains_key(n)) {
        v = 0.0;
    }
    if (i >= 1 && word(i - 1) == "no")
        || (i >= 2 && word(i - 2) == "no")
        || (i >= 3 && word(i - 3) == "no" && matches!(word(i - 1), "or" | "nor"))
    {
        v = base * NEGATION_SCALAR;
    }
    if units[i].all_caps && cap_diff && v != 0.0 {
        v += 0.733 * v.signum();
    }
    for back in 1..=3usize.min(i) {
        let prev = &units[i - back];
        if lexicon.contains_key(prev.lower.as_str()) {
            continue;
        }
        let damp = [1.0, 0.95, 0.9][back - 1];
        v += modifier_scalar(prev, v, cap_diff) * damp;
        // "kind of" / "sort of" right before: a dampener.
        if back == 1 && prev.lower == "of" && i >= 2 && matches!(word(i - 2), "kind" | "sort") {
            v -= 0.293 * v.signum();
        }
        // "never so" / "never this" anywhere between "never" and the word intensifies.
        let never_so = |at: usize| {
            word(at) == "never" && (at + 1..i).any(|j| matches!(word(j), "so" | "this"))
        };
        match back {
            1 if is_negation(word(i - 1)) => v *= NEGATION_SCALAR,
            2 if never_so(i - 2) => v *= 1.25,
            2 if word(i - 2) == "without" && word(i - 1) == "doubt" => {}
            2 if is_negation(word(i - 2)) => v *= NEGATION_SCALAR,
            3 if never_so(i - 3) => v *= 1.25,
            3 if word(i - 3) == "without" && (word(i - 2) == "doubt" || word(i - 1) == "doubt") => {
            }
            3 if is_negation(word(i - 3)) => v *= NEGATION_SCALAR,
            _ => {}
        }
    }
    // "least" negates, except in "at least" / "very least".
    if i >= 1 && word(i - 1) == "least" && (i < 2 || !matches!(word(i - 2), "at" | "very")) {
        v *= NEGATION_SCALAR;
    }
    v
}

/// VADER's factor for a negated sentiment word.
const NEGATION_SCALAR: f64 = -0.74;

/// Computes the tone of a document.
pub fn analyze(doc: &Doc) -> Tone {
    let alarm_lex = alarm();
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut alarm_sum = 0.0;
    let mut words = 0usize;
    let paragraphs = doc.paragraphs.len().max(1);
    let paragraph_of = |s: &crate::text::Sentence| s.paragraph.min(paragraphs - 1);
    // Social-media paragraphs read with VADER's own ratings, news with the news lexicon.
    let lexicons: Vec<&HashMap<&str, f64>> = (0..paragraphs)
        .map(|p| match doc.paragraphs.get(p) {
            Some(span) if SOCIAL.is_match(&doc.text[span.bytes.clone()]) => vader_plain(),
            _ => vader(),
        })
        .collect();
    let sentences: Vec<_> = doc
        .sentences
        .iter()
        .map(|s| units_of(doc, &doc.tokens[s.tokens.clone()]))
        .collect();
    // ALL-CAPS emphasis needs words in other case in the same paragraph, as VADER asks of a text.
    let mut caps = vec![(false, false); paragraphs];
    for (s, (units, _, _)) in doc.sentences.iter().zip(&sentences) {
        let p = &mut caps[paragraph_of(s)];
        p.0 |= units.iter().any(|u| u.all_caps);
        p.1 |= units
            .iter()
            .any(|u| !u.all_caps && u.lower.chars().any(char::is_alphabetic));
    }
    // Per paragraph: summed word valences, exclamation marks, question marks.
    let mut totals = vec![(0.0, 0usize, 0usize); paragraphs];
    for (s, (units, exclaims, questions)) in doc.sentences.iter().zip(sentences) {
        let p = paragraph_of(s);
        let toks = &doc.tokens[s.tokens.clone()];
        for t in toks {
            if t.is_wordlike() {
                words += 1;
            }
            if let Some(&w) = alarm_lex.get(t.lower.as_str()) {
                alarm_sum += w;
                if w > 0.0 {
                    evidence.push(Evidence {
                        start: doc.utf16(t.start),
                        end: doc.utf16(t.end),
                        weight: round3(w),
                        reason: "alarm word".to_string(),
                    });
                }
            }
            if t.is_word() && SUPERLATIVES.contains(&t.lower.as_str()) {
                alarm_sum += 0.3;
            }
        }
        let cap_diff = caps[p].0 && caps[p].1;
        let mut scores: Vec<f64> = (0..units.len())
            .map(|i| unit_valence(&units, i, cap_diff, lexicons[p]))
            .collect();
        // Contrastive "but": what comes before it counts half, what comes after 1.5 times.
        if let Some(b) = units.iter().position(|u| u.lower == "but") {
            for (i, v) in scores.iter_mut().enumerate() {
                if i < b {
                    *v *= 0.5;
                } else if i > b {
                    *v *= 1.5;
                }
            }
        }
        for (u, &v) in units.iter().zip(&scores) {
            if v.abs() >= 1.0 {
                evidence.push(Evidence {
                    start: doc.utf16(u.start),
                    end: doc.utf16(u.end),
                    weight: round3(v / 4.0),
                    reason: if v > 0.0 {
                        "positive word"
                    } else {
                        "negative word"
                    }
                    .to_string(),
                });
            }
        }
        totals[p].0 += scores.iter().sum::<f64>();
        totals[p].1 += exclaims;
        totals[p].2 += questions;
        alarm_sum += 0.5 * exclaims.min(3) as f64;
    }
    let mut sums = Vec::new();
    for (mut sum, exclaims, questions) in totals {
        if sum != 0.0 {
            sum += sum.signum() * 0.292 * exclaims.min(4) as f64;
            // VADER: two or three question marks add 0.18 each, more add 0.96.
            sum += sum.signum()
                * match questions {
                    0 | 1 => 0.0,
                    2 | 3 => 0.18 * questions as f64,
                    _ => 0.96,
                };
            sums.push(sum);
        }
    }
    let valence = if sums.is_empty() {
        0.0
    } else {
        // VADER normalizes one text's raw sum S as S/√(S²+15). Summing over a long article
        // would saturate, so the article's sum is scaled by 1/√(paragraphs with sentiment):
        // one paragraph scores exactly as VADER, and length alone does not push to ±1.
        let sum: f64 = sums.iter().sum::<f64>() / (sums.len() as f64).sqrt();
        sum / (sum * sum + 15.0).sqrt()
    };
    let density = 100.0 * alarm_sum / words.max(1) as f64;
    let alarm_score = if words == 0 {
        0.0
    } else {
        1.0 / (1.0 + (-0.45 * (density - 3.0)).exp())
    };
    evidence.sort_by(|a, b| {
        b.weight
            .abs()
            .total_cmp(&a.weight.abs())
            .then(a.start.cmp(&b.start))
    });
    evidence.truncate(12);
    evidence.sort_by_key(|e| e.start);
    Tone {
        label: label(alarm_score).to_string(),
        alarm: round3(alarm_score),
        valence: round3(valence),
        evidence,
    }
}

/// The seed's five tone labels over alarm.
pub fn label(alarm: f64) -> &'static str {
    match alarm {
        a if a < 0.2 => "Calm",
        a if a < 0.4 => "Measured",
        a if a < 0.6 => "Neutral",
        a if a < 0.8 => "Concerned",
        _ => "Alarmist",
    }
}

/// VADER compound score of one sentence of text (used by the evaluation against VADER's sets).
pub fn sentence_valence(text: &str) -> f64 {
    let doc = Doc::from_plain_text(&text.replace('\n', " "));
    analyze(&doc).valence
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tone(text: &str) -> Tone {
        analyze(&Doc::from_plain_text(text))
    }

    #[test]
    fn valence_direction_negation_and_boosters() {
        assert!(sentence_valence("The food was good.") > 0.3);
        assert!(sentence_valence("The food was not good.") < 0.0);
        assert!(
            sentence_valence("The food was very good.") > sentence_valence("The food was good.")
        );
        assert!(sentence_valence("The food was GOOD!") > sentence_valence("The food was good."));
        assert!(sentence_valence("It was good, but the service was terrible.") < 0.0);
        assert!(sentence_valence("The case isnt that great.") < 0.0);
        assert!(sentence_valence("One of the least inspired works.") < 0.0);
        assert!(sentence_valence("It was fine :(") < sentence_valence("It was fine"));
    }

    #[test]
    fn vader_rules_on_words_not_tokens() {
        // "no" before a sentiment word negates it rather than counting as negative itself.
        assert!(sentence_valence("I really have no complaints about it.") > 0.0);
        // Punctuation does not widen the negation window; "never so" intensifies.
        assert!(sentence_valence("I have never so enjoyed a film.") > 0.0);
        // A hyphenated compound is one word: "drag-and-drop" is not "drop".
        assert_eq!(sentence_valence("Songs should be drag-and-drop."), 0.0);
        // "kind of" dampens.
        assert!(sentence_valence("It was kind of good.") < sentence_valence("It was good."));
        // The ":/" of a URL is not an emoticon.
        assert!(sentence_valence("Fun times at http://example.org/x") > 0.0);
    }

    #[test]
    fn names_and_news_usage_carry_no_sentiment() {
        // "United Nations", "Justice Department": names, not praise.
        assert_eq!(
            sentence_valence(
                "The statement came from the United Nations and the Justice Department."
            ),
            0.0
        );
        // Domain nouns VADER rates positive read neutral in news; allegations read negative.
        assert_eq!(sentence_valence("The party met on security."), 0.0);
        assert!(sentence_valence("The allegations were made on Monday.") < 0.0);
        // Emphasis in lone capitals still counts.
        assert!(sentence_valence("I Love this.") > 0.0);
    }

    #[test]
    fn vader_special_cases_and_never_so() {
        // VADER's special-case phrases override the words' own ratings.
        assert!(sentence_valence("Glee is the shit") > 0.5);
        assert!(sentence_valence("His mohawk was bad ass.") > 0.0);
        assert!(sentence_valence("It was the kiss of death.") < sentence_valence("It was death."));
        // "never ... so" within the window intensifies instead of negating.
        assert!(sentence_valence("I have never slept so well.") > 0.0);
        // "well" is neutral news usage only in "as well".
        assert!(sentence_valence("The minister spoke well.") > 0.0);
        assert_eq!(sentence_valence("The minister spoke as well."), 0.0);
    }

    #[test]
    fn a_paragraph_is_one_vader_text() {
        // Sentence sums add up as VADER sums one text: (1.9 + 3.1) / √(5² + 15).
        let v = sentence_valence("The food was good. The service was great.");
        assert!((v - 0.791).abs() < 0.001, "{v}");
        // Exclamation marks count once per paragraph, up to four.
        let once = sentence_valence("Great!!!! Great!!!!");
        let expected = (6.2 + 4.0 * 0.292) / ((6.2_f64 + 4.0 * 0.292).powi(2) + 15.0).sqrt();
        assert!((once - expected).abs() < 0.001, "{once}");
        // ALL-CAPS emphasis is judged against the paragraph's other words.
        assert!(
            sentence_valence("What a day. THIS IS GREAT.")
                > sentence_valence("What a day. this is great.")
        );
    }

    #[test]
    fn names_need_unbroken_capitals_after_the_first_word() {
        // Punctuation ends a name: "Summit: Great progress" praises.
        assert!(sentence_valence("Report from the Summit: Great progress on trade.") > 0.0);
        // A leading @mention does not make the first word a name's.
        assert!(sentence_valence("@anna Thanks Laurie!") > 0.0);
        assert!(sentence_valence("@anna Happy Anniversary to you and Sheila!") > 0.0);
    }

    #[test]
    fn social_media_text_reads_with_vader_ratings() {
        // The news lexicon's neutral "like" is VADER's positive verb in a tweet.
        assert_eq!(sentence_valence("I like the one where they party."), 0.0);
        assert!(sentence_valence("@anna I like the one where they party") > 0.0);
        assert!(sentence_valence("I like the one where they party http://example.org/x") > 0.0);
        // A retweet marker, not the broadcaster RT.
        assert_eq!(
            sentence_valence("RT said the party would like a vote."),
            0.0
        );
    }

    #[test]
    fn alarm_orders_wording() {
        let calm = tone(
            "The committee said the budget may rise modestly next year, according to estimates.",
        );
        let alarmist =
            tone("Catastrophic crisis! Deadly chaos and panic as the disaster threatens millions!");
        assert!(calm.alarm < 0.4, "{calm:?}");
        assert!(alarmist.alarm > 0.8, "{alarmist:?}");
        assert_eq!(alarmist.label, "Alarmist");
        assert!(alarmist.evidence.iter().any(|e| e.reason == "alarm word"));
    }

    #[test]
    fn empty_text_is_neutral_zero() {
        let t = tone("");
        assert_eq!((t.valence, t.alarm), (0.0, 0.0));
    }
}
