//! Plain-text rendering of a brief for a terminal, section by section in the seed's order
//! (header strip, summary, analysis, claims, full report, entities, keywords, connections).

use crate::brief::Brief;
use std::fmt::Write;

const WIDTH: usize = 78;

/// Wraps `text` at `WIDTH` columns with `indent` spaces.
fn wrap(text: &str, indent: usize) -> String {
    let mut out = String::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && indent + line.chars().count() + 1 + word.chars().count() > WIDTH {
            out.push_str(&" ".repeat(indent));
            out.push_str(&line);
            out.push('\n');
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        out.push_str(&" ".repeat(indent));
        out.push_str(&line);
        out.push('\n');
    }
    out
}

fn bar(value: f64, width: usize) -> String {
    let filled = (value.clamp(0.0, 1.0) * width as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "·".repeat(width - filled))
}

/// Renders the brief as readable text.
pub fn render(b: &Brief) -> String {
    let mut o = String::new();
    let lean = b.source.lean.as_ref().map_or("unrated".to_string(), |l| {
        format!("{} ({:+.2})", l.label, l.score)
    });
    let _ = writeln!(o, "NEWSAR · multi-perspective news intelligence");
    let _ = writeln!(
        o,
        "SRC {} · LANG {} · LEAN {} · WORDS {} · ENT {} · {} · BRIEF {}",
        b.source.name.as_deref().unwrap_or("unknown"),
        b.language.code.to_uppercase(),
        lean,
        b.stats.words,
        b.stats.entities,
        b.article.published.as_deref().unwrap_or("undated"),
        b.id
    );
    let _ = writeln!(o);
    if let Some(title) = &b.article.title {
        o.push_str(&wrap(title, 0));
    }
    let mut meta = Vec::new();
    if !b.article.byline.is_empty() {
        meta.push(format!("By {}", b.article.byline.join(", ")));
    }
    if let Some(p) = &b.article.published {
        meta.push(format!("Filed {p}"));
    }
    meta.push(format!("Read {} min", b.stats.reading_minutes));
    meta.push(format!("Quality {:.0}%", b.stats.quality * 100.0));
    let _ = writeln!(o, "{}\n", meta.join(" · "));

    let _ = writeln!(
        o,
        "§01 BRIEFING SUMMARY  (confidence {:.2})",
        b.summary.confidence
    );
    o.push_str(&wrap(&b.summary.text, 2));
    let _ = writeln!(o);

    let _ = writeln!(o, "§02 ARTICLE ANALYSIS");
    let frames: Vec<&str> = b.framing.iter().map(|f| f.frame.as_str()).collect();
    let topics: Vec<&str> = b.topics.iter().map(|t| t.topic.as_str()).collect();
    let _ = writeln!(
        o,
        "  Framing      {}",
        if frames.is_empty() {
            "—".into()
        } else {
            frames.join(", ")
        }
    );
    let _ = writeln!(
        o,
        "  Topics       {}",
        if topics.is_empty() {
            "—".into()
        } else {
            topics.join(", ")
        }
    );
    let _ = writeln!(
        o,
        "  Tone         {}  calm {} alarmist  (alarm {:.2}, valence {:+.2})",
        b.tone.label,
        bar(b.tone.alarm, 20),
        b.tone.alarm,
        b.tone.valence
    );
    let _ = writeln!(
        o,
        "  Factuality   {:.2} / 1.00 {}  low {} high",
        b.factuality.score,
        b.factuality.label,
        bar(b.factuality.score, 20)
    );
    let _ = writeln!(o, "  Sources      {} cited", b.stats.sources_cited);
    for s in b.sources.iter().take(6) {
        let _ = writeln!(
            o,
            "               - {} ({}, {}×)",
            s.name, s.kind, s.mentions
        );
    }
    let _ = writeln!(o);

    let _ = writeln!(o, "§03 KEY CLAIMS  ({} extracted)", b.claims.len());
    for (i, c) in b.claims.iter().enumerate() {
        let _ = writeln!(o, "  {:02}", i + 1);
        o.push_str(&wrap(&c.text, 4));
        let speaker = c
            .attribution
            .as_ref()
            .map_or("unattributed".to_string(), |a| {
                if a.anonymous {
                    format!("{} (anonymous)", a.speaker)
                } else {
                    a.speaker.clone()
                }
            });
        let _ = writeln!(
            o,
            "    {} · {} · confidence {:.2} · check-worthiness {:.2}",
            c.claim_type, speaker, c.confidence, c.checkworthiness
        );
    }
    let _ = writeln!(o);

    let _ = writeln!(
        o,
        "§04 FULL REPORT  ({} min read · {} words)",
        b.stats.reading_minutes, b.stats.words
    );
    for p in b.article.text.split("\n\n") {
        o.push_str(&wrap(p, 2));
        o.push('\n');
    }

    let _ = writeln!(o, "§05 ENTITIES  ({} identified)", b.entities.len());
    for e in &b.entities {
        let aliases = if e.aliases.is_empty() {
            String::new()
        } else {
            format!("  aka {}", e.aliases.join(", "))
        };
        let _ = writeln!(
            o,
            "  {:<34} {:<13} ×{:<3} {:.2}{}",
            e.name, e.entity_type, e.count, e.salience, aliases
        );
    }
    let _ = writeln!(o);

    let _ = writeln!(o, "§06 KEYWORDS & SALIENCE  ({} terms)", b.keywords.len());
    for k in &b.keywords {
        let _ = writeln!(
            o,
            "  {:<36} {} {:.2}",
            k.term,
            bar(k.salience, 20),
            k.salience
        );
    }
    let _ = writeln!(o);
    let _ = writeln!(o, "§07 TOPIC CONNECTIONS");
    let _ = writeln!(
        o,
        "  Built from the briefs you collect locally; a single brief has no connections yet."
    );
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_width_and_indent() {
        let w = wrap(&"word ".repeat(40), 4);
        assert!(w
            .lines()
            .all(|l| l.chars().count() <= WIDTH && l.starts_with("    ")));
    }

    #[test]
    fn renders_every_section() {
        let b = crate::analyze_text(
            "The Acme Corp said sales rose 5% in May.",
            &crate::Options::default(),
        )
        .expect("brief");
        let r = render(&b);
        for s in ["§01", "§02", "§03", "§04", "§05", "§06", "§07", "Acme Corp"] {
            assert!(r.contains(s), "missing {s}");
        }
    }
}
