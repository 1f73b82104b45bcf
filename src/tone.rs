//! Tone: valence (−1 … +1) and alarm (0 calm … 1 alarmist), with the words that moved them.
//!
//! Valence follows the published VADER rules (Hutto & Gilbert, 2014) over VADER's MIT-licensed
//! lexicon: per-sentence sums with negation (VADER's negation words, −0.74 within three words),
//! boosters and dampeners (VADER's lists)
//! (±0.293), ALL-CAPS emphasis (+0.733), contrastive "but" (before ×0.5, after ×1.5) and
//! exclamation marks (+0.292 each, up to four), normalized as s/√(s²+15). The article's valence
//! normalizes the sum over sentences scaled by 1/√(sentences with sentiment), so a one-sentence
//! text scores as VADER does and a long article does not saturate.
//!
//! Alarm uses NEWSAR's alarm lexicon (`data/lexicons/alarm.tsv`): fear and urgency words push up,
//! hedged, measured wording pushes down; exclamation marks and superlatives add. The net weight
//! per 100 words `d` maps to `alarm = 1 / (1 + e^(−0.45·(d − 3)))`. Labels: Calm < 0.2 ≤ Measured
//! < 0.4 ≤ Neutral < 0.6 ≤ Concerned < 0.8 ≤ Alarmist.

use crate::brief::{round3, Evidence, Tone};
use crate::lexicon::{alarm, vader};
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
    "sort",
    "sorta",
    "sortof",
    "kind",
    "kinda",
    "kindof",
];

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

/// Computes the tone of a document.
pub fn analyze(doc: &Doc) -> Tone {
    let lexicon = vader();
    let alarm_lex = alarm();
    let mut evidence: Vec<Evidence> = Vec::new();
    let mut compounds = Vec::new();
    let mut sums = Vec::new();
    let mut alarm_sum = 0.0;
    let mut words = 0usize;
    for s in &doc.sentences {
        let toks = &doc.tokens[s.tokens.clone()];
        let has_lower = toks
            .iter()
            .any(|t| t.is_word() && !t.all_caps && t.lower.chars().any(char::is_alphabetic));
        let mut scores: Vec<f64> = Vec::new();
        let mut but_at: Option<usize> = None;
        let mut exclaims = 0usize;
        let mut questions = 0usize;
        for (k, t) in toks.iter().enumerate() {
            if t.is_wordlike() {
                words += 1;
            }
            let text = &doc.text[t.start..t.end];
            if text == "!" {
                exclaims += 1;
            } else if text == "?" {
                questions += 1;
            }
            if t.lower == "but" && but_at.is_none() {
                but_at = Some(scores.len());
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
            // Words, and emoticons (":)" is one Symbol token with a lexicon entry).
            if !matches!(t.kind, TokenKind::Word | TokenKind::Symbol) {
                continue;
            }
            if SUPERLATIVES.contains(&t.lower.as_str()) {
                alarm_sum += 0.3;
            }
            let Some(&base) = lexicon.get(t.lower.as_str()) else {
                scores.push(0.0);
                continue;
            };
            if BOOSTERS.contains(&t.lower.as_str()) || DAMPENERS.contains(&t.lower.as_str()) {
                scores.push(0.0);
                continue;
            }
            let mut v = base;
            if t.all_caps && has_lower {
                v += 0.733 * v.signum();
            }
            // Boosters/dampeners and negation in the three words before.
            for back in 1..=3 {
                let Some(prev) = k.checked_sub(back).map(|p| &toks[p]) else {
                    break;
                };
                let scale = match back {
                    1 => 1.0,
                    2 => 0.95,
                    _ => 0.9,
                };
                if BOOSTERS.contains(&prev.lower.as_str()) {
                    v += 0.293 * v.signum() * scale;
                } else if DAMPENERS.contains(&prev.lower.as_str()) {
                    v -= 0.293 * v.signum() * scale;
                }
                // "least" negates too, except in "at least" / "very least" (VADER).
                let least = prev.lower == "least"
                    && (k < back + 1
                        || !matches!(toks[k - back - 1].lower.as_str(), "at" | "very"));
                if NEGATIONS.contains(&prev.lower.as_str()) || prev.lower.ends_with("n't") || least
                {
                    v *= -0.74;
                }
            }
            scores.push(v);
            if v.abs() >= 1.0 {
                evidence.push(Evidence {
                    start: doc.utf16(t.start),
                    end: doc.utf16(t.end),
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
        if let Some(b) = but_at {
            for (i, v) in scores.iter_mut().enumerate() {
                *v *= if i < b { 0.5 } else { 1.5 };
            }
        }
        let mut sum: f64 = scores.iter().sum();
        if sum != 0.0 {
            sum += sum.signum() * 0.292 * exclaims.min(4) as f64;
            // VADER: two or three question marks add 0.18 each, more add 0.96.
            sum += sum.signum()
                * match questions {
                    0 | 1 => 0.0,
                    2 | 3 => 0.18 * questions as f64,
                    _ => 0.96,
                };
            compounds.push(sum / (sum * sum + 15.0).sqrt());
            sums.push(sum);
        }
        alarm_sum += 0.5 * exclaims.min(3) as f64;
    }
    let valence = if compounds.is_empty() {
        0.0
    } else {
        // VADER normalizes one text's raw sum S as S/√(S²+15). Summing over a long article
        // would saturate, so the article's sum is scaled by 1/√(sentences with sentiment):
        // one sentence scores exactly as VADER, and length alone does not push to ±1.
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
