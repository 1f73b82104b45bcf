//! Factuality: a transparent score of how well-sourced and matter-of-fact the article is.
//!
//! ```text
//! score = 0.55
//!       + 0.20 · (attributed claims share − 0.5)     claims whose speaker is named
//!       + 0.10 · min(named sources, 3) / 3
//!       − 0.10 · anonymous share                      of all attributions
//!       + 0.05 · sourced statistics share             statistic claims with a named speaker
//!       − 0.15 · min(1, 2 · hedged sentence share)    may, might, reportedly, allegedly …
//!       − 0.20 · min(1, 3 · opinion sentence share)   should, must, evaluative words (not in
//!                                                     names: "Great Britain")
//!       − 0.10 · min(1, 3 · first-person share)       I/we/my/our outside quotations and
//!                                                     outside statements attributed to someone
//! ```
//! clamped to [0, 1]. Labels: Low < 0.35 ≤ Mixed < 0.55 ≤ Factual < 0.8 ≤ High. Every component
//! is listed with its value and contribution, and the spans behind it are the evidence.

use crate::brief::{round3, Evidence, Factuality, FactualityComponent};
use crate::claims::{is_opinion_use, ClaimAnalysis, HEDGE_WORDS};
use crate::text::Doc;

/// Scores the factuality of a document from its claim analysis.
pub fn analyze(doc: &Doc, claims: &ClaimAnalysis) -> Factuality {
    let mut evidence = Vec::new();
    let n_claims = claims.claims.len();
    let named_claims = claims
        .claims
        .iter()
        .filter(|c| c.attribution.as_ref().is_some_and(|a| !a.anonymous))
        .count();
    let attributed_share = if n_claims == 0 {
        0.5
    } else {
        named_claims as f64 / n_claims as f64
    };
    let named_sources = claims
        .sources
        .iter()
        .filter(|s| {
            matches!(
                s.kind.as_str(),
                "person" | "organization" | "other" | "document"
            )
        })
        .count();
    let attributions: Vec<_> = claims.attributions.iter().flatten().collect();
    let anonymous_share = if attributions.is_empty() {
        0.0
    } else {
        attributions.iter().filter(|a| a.anonymous).count() as f64 / attributions.len() as f64
    };
    let stats: Vec<_> = claims
        .claims
        .iter()
        .filter(|c| c.claim_type == "statistic")
        .collect();
    let sourced_stats = if stats.is_empty() {
        0.0
    } else {
        stats
            .iter()
            .filter(|c| c.attribution.as_ref().is_some_and(|a| !a.anonymous))
            .count() as f64
            / stats.len() as f64
    };
    for a in &attributions {
        evidence.push(Evidence {
            start: doc.utf16(a.bytes.start),
            end: doc.utf16(a.bytes.end),
            weight: if a.anonymous { -0.1 } else { 0.1 },
            reason: if a.anonymous {
                "anonymous source"
            } else {
                "named source"
            }
            .to_string(),
        });
    }
    let n_sentences = doc.sentences.len().max(1) as f64;
    let mut hedged = 0usize;
    let mut opinion = 0usize;
    let mut first_person = 0usize;
    // Quotation marks are followed across the sentences of a paragraph: a quote may run on.
    let mut inside_quote = false;
    let mut paragraph = usize::MAX;
    for (s_index, s) in doc.sentences.iter().enumerate() {
        let toks = &doc.tokens[s.tokens.clone()];
        if s.paragraph != paragraph {
            paragraph = s.paragraph;
            inside_quote = false;
        }
        // A sentence whose first curly mark closes a quote began inside one.
        let first_mark = toks
            .iter()
            .map(|t| &doc.text[t.start..t.end])
            .find(|m| matches!(*m, "“" | "”"));
        inside_quote |= first_mark == Some("”");
        let (mut h, mut o, mut f) = (false, false, false);
        // A statement attributed to someone is theirs, not the writer's commentary.
        let attributed = claims
            .attributions
            .get(s_index)
            .is_some_and(Option::is_some);
        for (k, t) in toks.iter().enumerate() {
            let text = &doc.text[t.start..t.end];
            if matches!(text, "\"" | "“" | "”") {
                inside_quote = match text {
                    "“" => true,
                    "”" => false,
                    _ => !inside_quote,
                };
                continue;
            }
            let word = t.lower.as_str();
            let span = (doc.utf16(t.start), doc.utf16(t.end));
            // "May 3" and "YOU MAY ALSO LIKE" are a month and a page's furniture, not hedges.
            let shouted_or_named = t.all_caps || (t.capitalized && k > 0);
            if HEDGE_WORDS.contains(&word) && word != "could" && !shouted_or_named {
                h = true;
                evidence.push(Evidence {
                    start: span.0,
                    end: span.1,
                    weight: -0.05,
                    reason: "hedge".into(),
                });
            } else if is_opinion_use(toks, k) {
                o = true;
                evidence.push(Evidence {
                    start: span.0,
                    end: span.1,
                    weight: -0.05,
                    reason: "opinion word".into(),
                });
            } else if !inside_quote && !attributed && matches!(word, "i" | "we" | "my" | "our") {
                f = true;
                evidence.push(Evidence {
                    start: span.0,
                    end: span.1,
                    weight: -0.05,
                    reason: "first-person commentary".into(),
                });
            }
        }
        hedged += usize::from(h);
        opinion += usize::from(o);
        first_person += usize::from(f);
    }
    let hedge_share = hedged as f64 / n_sentences;
    let opinion_share = opinion as f64 / n_sentences;
    let first_share = first_person as f64 / n_sentences;
    let parts = [
        ("base", 1.0, 0.55),
        (
            "attributed claims share",
            attributed_share,
            0.20 * (attributed_share - 0.5),
        ),
        (
            "named sources",
            named_sources as f64,
            0.10 * (named_sources.min(3) as f64) / 3.0,
        ),
        ("anonymous share", anonymous_share, -0.10 * anonymous_share),
        (
            "sourced statistics share",
            sourced_stats,
            0.05 * sourced_stats,
        ),
        (
            "hedged sentence share",
            hedge_share,
            -0.15 * (2.0 * hedge_share).min(1.0),
        ),
        (
            "opinion sentence share",
            opinion_share,
            -0.20 * (3.0 * opinion_share).min(1.0),
        ),
        (
            "first-person share",
            first_share,
            -0.10 * (3.0 * first_share).min(1.0),
        ),
    ];
    let score: f64 = parts.iter().map(|p| p.2).sum::<f64>().clamp(0.0, 1.0);
    evidence.sort_by_key(|e| (e.start, e.end));
    // One speaker span can stand for several sentences (a quote that runs on): listed once.
    evidence.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.reason == b.reason);
    evidence.truncate(40);
    Factuality {
        score: round3(score),
        label: label(score).to_string(),
        evidence,
        components: parts
            .iter()
            .map(|(name, value, contribution)| FactualityComponent {
                name: name.to_string(),
                value: round3(*value),
                contribution: round3(*contribution),
            })
            .collect(),
    }
}

/// Label of a factuality score.
pub fn label(score: f64) -> &'static str {
    match score {
        s if s < 0.35 => "Low",
        s if s < 0.55 => "Mixed",
        s if s < 0.8 => "Factual",
        _ => "High",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{claims, entities};

    fn factuality(text: &str) -> Factuality {
        let doc = Doc::from_plain_text(text);
        let e = entities::analyze(&doc);
        let c = claims::analyze(&doc, &e, &[], crate::Models::default());
        analyze(&doc, &c)
    }

    #[test]
    fn only_the_writers_own_voice_is_first_person_commentary() {
        let f = factuality(
            "We feel that is ridiculous, the spokesman said. \
             Our town deserves better, she told reporters. \
             I was there in May 2015.",
        );
        let first: Vec<_> = f
            .evidence
            .iter()
            .filter(|e| e.reason == "first-person commentary")
            .collect();
        assert_eq!(first.len(), 1, "{:?}", f.evidence);
        assert!(
            f.evidence.iter().all(|e| e.reason != "hedge"),
            "the month May is no hedge: {:?}",
            f.evidence
        );
    }

    #[test]
    fn a_quote_that_runs_on_is_still_quoted() {
        let f = factuality(
            "The elders spoke at the marae on Monday. “We were not lost. \
             We feel that is ridiculous. We know the sea.” The council met later.",
        );
        assert!(
            f.evidence
                .iter()
                .all(|e| e.reason != "first-person commentary"),
            "{:?}",
            f.evidence
        );
    }

    #[test]
    fn an_evidence_span_is_listed_once() {
        let f = factuality(
            "“The plan is sound,” Mayor Ann Lee said. “It will work. \
             “Costs are known. It is fair.”",
        );
        let mut spans: Vec<_> = f
            .evidence
            .iter()
            .map(|e| (e.start, e.end, &e.reason))
            .collect();
        let n = spans.len();
        spans.dedup();
        assert_eq!(spans.len(), n, "{:?}", f.evidence);
    }

    #[test]
    fn sourced_reporting_beats_opinion() {
        let sourced = factuality(
            "Unemployment rose to 7.5 percent in March, the Labour Ministry said. \
             Exports fell 3 percent, according to the Central Statistics Office.",
        );
        let opinion = factuality(
            "I think this is a disgraceful policy. We must stop it. Clearly it is wrong.",
        );
        assert!(
            sourced.score > opinion.score + 0.2,
            "{} vs {}",
            sourced.score,
            opinion.score
        );
        assert!(opinion.evidence.iter().any(|e| e.reason == "opinion word"));
        let total: f64 = sourced.components.iter().map(|c| c.contribution).sum();
        assert!((total.clamp(0.0, 1.0) - sourced.score).abs() < 0.01);
    }
}
