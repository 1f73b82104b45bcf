//! The public contract: every field `shared/spec/brief.md` names is in the brief's JSON, with the
//! type it promises, and the TypeScript declarations shipped with the wasm package name every
//! field the JSON has.

use newsar::{analyze_html, Options};
use serde_json::Value;
use std::collections::BTreeSet;

fn sample_brief() -> Value {
    let html = include_str!("../data/sample/sample-article.html");
    let opts = Options {
        url: Some("https://harbourledger.example/a".into()),
        now: Some("2026-11-25".into()),
        ..Options::default()
    };
    serde_json::to_value(analyze_html(html, &opts).expect("brief")).expect("json")
}

/// Paths from the spec's table ("a.b", "list[].field").
const SPEC_FIELDS: &[&str] = &[
    "id",
    "source.name",
    "source.domain",
    "source.lean",
    "language.code",
    "language.confidence",
    "article.title",
    "article.byline",
    "article.published",
    "article.url",
    "article.site_name",
    "article.section",
    "article.text",
    "article.paragraphs",
    "stats.words",
    "stats.reading_minutes",
    "stats.sentences",
    "stats.entities",
    "stats.claims",
    "stats.sources_cited",
    "stats.quality",
    "summary.text",
    "summary.sentences[].text",
    "summary.sentences[].start",
    "summary.sentences[].end",
    "summary.confidence",
    "framing[].frame",
    "framing[].score",
    "framing[].evidence",
    "tone.label",
    "tone.alarm",
    "tone.valence",
    "tone.evidence[].start",
    "tone.evidence[].end",
    "tone.evidence[].weight",
    "tone.evidence[].reason",
    "factuality.score",
    "factuality.label",
    "factuality.evidence",
    "sources[].name",
    "sources[].entity_id",
    "sources[].kind",
    "sources[].mentions",
    "claims[].text",
    "claims[].start",
    "claims[].end",
    "claims[].type",
    "claims[].attribution",
    "claims[].attribution.speaker",
    "claims[].attribution.entity_id",
    "claims[].confidence",
    "claims[].checkworthiness",
    "sentences[].start",
    "sentences[].end",
    "sentences[].checkworthiness",
    "entities[].id",
    "entities[].name",
    "entities[].type",
    "entities[].aliases",
    "entities[].mentions[].start",
    "entities[].mentions[].end",
    "entities[].mentions[].kind",
    "entities[].count",
    "entities[].salience",
    "keywords[].term",
    "keywords[].salience",
    "provenance",
];

fn lookup<'a>(v: &'a Value, path: &str) -> Vec<&'a Value> {
    let mut current = vec![v];
    for part in path.split('.') {
        let (name, each) = part.strip_suffix("[]").map_or((part, false), |n| (n, true));
        let mut next = Vec::new();
        for c in current {
            // A null parent (an optional object) has no children to check.
            if c.is_null() {
                continue;
            }
            let child = c
                .get(name)
                .unwrap_or_else(|| panic!("missing field {name} in {path}"));
            if each {
                next.extend(
                    child
                        .as_array()
                        .unwrap_or_else(|| panic!("{path}: {name} is not a list"))
                        .iter(),
                );
            } else {
                next.push(child);
            }
        }
        current = next;
    }
    current
}

#[test]
fn every_spec_field_is_present_and_lists_are_non_empty_for_the_sample() {
    let b = sample_brief();
    for path in SPEC_FIELDS {
        let found = lookup(&b, path);
        assert!(
            !found.is_empty() || path.contains("attribution."),
            "no value at {path}"
        );
    }
    for list in [
        "framing",
        "claims",
        "sentences",
        "entities",
        "keywords",
        "sources",
    ] {
        assert!(
            b[list].as_array().is_some_and(|l| !l.is_empty()),
            "{list} is empty for the sample"
        );
    }
}

#[test]
fn values_have_the_promised_ranges_and_formats() {
    let b = sample_brief();
    let id = b["id"].as_str().expect("id");
    let re = regex::Regex::new(r"^NSR-\d{4}-\d{4}-\d{5}$").expect("regex");
    assert!(re.is_match(id), "{id}");
    let unit = |v: &Value| v.as_f64().is_some_and(|x| (0.0..=1.0).contains(&x));
    assert!(
        unit(&b["language"]["confidence"])
            && unit(&b["stats"]["quality"])
            && unit(&b["summary"]["confidence"])
    );
    assert!(unit(&b["tone"]["alarm"]) && unit(&b["factuality"]["score"]));
    assert!(b["tone"]["valence"]
        .as_f64()
        .is_some_and(|v| (-1.0..=1.0).contains(&v)));
    assert!(["Calm", "Measured", "Neutral", "Concerned", "Alarmist"]
        .contains(&b["tone"]["label"].as_str().unwrap_or("")));
    for c in b["claims"].as_array().expect("claims") {
        assert!(["factual", "statistic", "quote", "opinion", "prediction"]
            .contains(&c["type"].as_str().unwrap_or("")));
        assert!(unit(&c["confidence"]) && unit(&c["checkworthiness"]));
    }
    for e in b["entities"].as_array().expect("entities") {
        assert!(["person", "organization", "location", "event", "misc"]
            .contains(&e["type"].as_str().unwrap_or("")));
        assert!(unit(&e["salience"]));
        assert_eq!(
            e["count"].as_u64(),
            Some(e["mentions"].as_array().map_or(0, |m| m.len() as u64))
        );
    }
    for s in b["sources"].as_array().expect("sources") {
        assert!([
            "person",
            "organization",
            "document",
            "link",
            "anonymous",
            "other"
        ]
        .contains(&s["kind"].as_str().unwrap_or("")));
    }
    let lean = &b["source"]["lean"];
    assert!(
        lean.is_null()
            || ["Left", "Center-Left", "Center", "Center-Right", "Right"]
                .contains(&lean["label"].as_str().unwrap_or(""))
    );
    assert_eq!(
        b["stats"]["sources_cited"].as_u64(),
        b["sources"].as_array().map(|s| s.len() as u64)
    );
}

fn keys(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                out.insert(k.clone());
                keys(child, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|i| keys(i, out)),
        _ => {}
    }
}

#[test]
fn typescript_declarations_name_every_json_field() {
    let wasm_rs = include_str!("../src/wasm.rs");
    let start = wasm_rs.find("BRIEF_TYPES").expect("TS section");
    let ts = &wasm_rs[start..];
    let mut all = BTreeSet::new();
    keys(&sample_brief(), &mut all);
    for k in all {
        assert!(
            ts.contains(&format!("{k}:")) || ts.contains(&format!("{k}?:")),
            "TypeScript declarations lack field {k}"
        );
    }
}
