//! The seed article (`shared/seed/`, its "Full report" text): what the seed brief shows that any
//! correct analyzer must get — English, about 105 words, the Ministry of State Security and "MSS"
//! recognized as one organization, and claims attributed to it. Nothing in the library knows
//! this article; the test reads it from the shared folder and skips when that is absent.

use newsar::{analyze_text, Options};
use std::path::Path;

/// The seed's "Full report" body: the lines between the "Full report" heading (and its
/// "N min read · N words" line) and the next "§" section marker.
fn seed_full_report() -> Option<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed");
    let entry = std::fs::read_dir(&dir)
        .ok()?
        .flatten()
        .find(|e| e.path().extension().is_some_and(|x| x == "txt"))?;
    let text = std::fs::read_to_string(entry.path()).ok()?;
    let mut lines = text
        .lines()
        .skip_while(|l| l.trim() != "Full report")
        .skip(1);
    let mut body = Vec::new();
    for line in lines.by_ref() {
        let l = line.trim();
        if l.starts_with('§') {
            break;
        }
        if l.contains("min read") && l.contains("words") {
            continue;
        }
        if !l.is_empty() {
            body.push(l.to_string());
        }
    }
    (!body.is_empty()).then(|| body.join("\n\n"))
}

#[test]
fn seed_article_brief_gets_what_the_seed_shows() {
    let Some(text) = seed_full_report() else {
        eprintln!("skipped: ../shared/seed not found");
        return;
    };
    let brief = analyze_text(
        &text,
        &Options {
            now: Some("2026-06-08".into()),
            ..Options::default()
        },
    )
    .expect("brief");
    assert_eq!(brief.language.code, "en");
    assert!(
        (95..=115).contains(&brief.stats.words),
        "words = {}",
        brief.stats.words
    );
    assert_eq!(brief.stats.reading_minutes, 1);

    let mss: Vec<_> = brief
        .entities
        .iter()
        .filter(|e| e.name == "Ministry of State Security" || e.aliases.iter().any(|a| a == "MSS"))
        .collect();
    assert_eq!(
        mss.len(),
        1,
        "one entity for the ministry and MSS: {:#?}",
        brief.entities
    );
    let mss = mss[0];
    assert_eq!(mss.name, "Ministry of State Security");
    assert_eq!(mss.entity_type, "organization");
    assert!(mss.aliases.iter().any(|a| a == "MSS"), "{:?}", mss.aliases);
    assert!(mss.count >= 2);
    for m in &mss.mentions {
        let span: String = utf16_slice(&brief.article.text, m.start, m.end);
        assert!(!span.is_empty());
        // Each mention says how it names the ministry.
        let expected = match span.as_str() {
            "MSS" => "acronym",
            "Ministry of State Security" => "name",
            s if s.to_lowercase().starts_with("the ") => "description",
            _ => m.kind.as_str(),
        };
        assert_eq!(m.kind, expected, "mention {span:?}");
    }
    assert!(mss.mentions.iter().any(|m| m.kind == "acronym"));

    let attributed: Vec<_> = brief
        .claims
        .iter()
        .filter(|c| {
            c.attribution.as_ref().and_then(|a| a.entity_id.as_deref()) == Some(mss.id.as_str())
        })
        .collect();
    assert!(
        !attributed.is_empty(),
        "no claim attributed to the MSS: {:#?}",
        brief.claims
    );
    assert!(brief
        .entities
        .iter()
        .any(|e| e.name == "China" && e.entity_type == "location"));

    // §01: framed as national security and technology; tone measured, not alarmist.
    assert!(
        brief
            .framing
            .iter()
            .any(|f| f.frame == "Security and defense"),
        "{:?}",
        brief.framing.iter().map(|f| &f.frame).collect::<Vec<_>>()
    );
    assert!(
        brief.topics.iter().any(|t| t.topic == "Technology"),
        "{:?}",
        brief.topics.iter().map(|t| &t.topic).collect::<Vec<_>>()
    );
    assert!(
        matches!(brief.tone.label.as_str(), "Calm" | "Measured"),
        "tone {:?} (alarm {})",
        brief.tone.label,
        brief.tone.alarm
    );
}

fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(&units[start..end])
}

#[test]
fn seed_article_keeps_its_source_with_the_speaker_tagger() {
    let Some(text) = seed_full_report() else {
        eprintln!("skipped: ../shared/seed not found");
        return;
    };
    let model =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/models/speaker_minilm.safetensors");
    let tagger = newsar::encoder::SpeakerTagger::from_bytes(&std::fs::read(model).expect("model"))
        .expect("the speaker model loads");
    let options = Options {
        now: Some("2026-06-08".into()),
        ..Options::default()
    };
    let models = newsar::Models {
        speaker: Some(&tagger),
        ..newsar::Models::default()
    };
    let brief = newsar::analyze_text_with(&text, &options, models).expect("brief");
    let mss = brief
        .entities
        .iter()
        .find(|e| e.name == "Ministry of State Security")
        .expect("the ministry");
    assert!(
        brief.claims.iter().any(|c| {
            c.attribution.as_ref().and_then(|a| a.entity_id.as_deref()) == Some(mss.id.as_str())
        }),
        "no claim attributed to the MSS: {:#?}",
        brief.claims
    );
    // §02 of the seed: one source cited.
    assert_eq!(brief.stats.sources_cited, 1, "{:#?}", brief.sources);
}
