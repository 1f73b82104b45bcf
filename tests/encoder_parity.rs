//! The Rust transformer models against the Python models they were exported from, on the
//! reference sentences the build scripts wrote for these exact model files (their SHA-256 is in
//! the reference and checked first):
//! - check-worthiness (`data/build/claims_minilm.py --reference`): the same word-piece ids and
//!   the same probabilities within float rounding;
//! - speaker (`data/build/speaker_minilm.py --reference`): the same ids, the same tag for every
//!   piece and the same speaker.
//!
//! Damaged files are errors, and odd text gets an answer.
//! `NEWSAR_CLAIMS_MODEL` / `NEWSAR_CLAIMS_REFERENCE` and `NEWSAR_SPEAKER_MODEL` /
//! `NEWSAR_SPEAKER_REFERENCE` point the tests at other models and references (freshly trained ones).

use newsar::encoder::{CheckworthyEncoder, SpeakerTagger};
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Reference<C> {
    model_sha256: String,
    cases: Vec<C>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    ids: Vec<u32>,
    probability: f64,
}

fn path(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(default))
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[derive(Deserialize)]
struct SpeakerCase {
    text: String,
    rules: Option<[usize; 2]>,
    ids: Vec<u32>,
    tags: Vec<usize>,
    speaker: Option<String>,
}

/// The model file's bytes and its reference, checked to belong together.
fn model_and_reference<C: serde::de::DeserializeOwned>(
    model: (&str, &str),
    reference: (&str, &str),
) -> (Vec<u8>, Reference<C>) {
    let bytes = std::fs::read(path(model.0, model.1)).expect("the model file is in the repository");
    let reference: Reference<C> = serde_json::from_str(
        &std::fs::read_to_string(path(reference.0, reference.1)).expect("the reference file"),
    )
    .expect("reference JSON");
    assert_eq!(
        sha256_hex(&bytes),
        reference.model_sha256,
        "the reference was written for another model file"
    );
    (bytes, reference)
}

const CLAIMS_MODEL: (&str, &str) = (
    "NEWSAR_CLAIMS_MODEL",
    "data/models/claims_minilm.safetensors",
);
const SPEAKER_MODEL: (&str, &str) = (
    "NEWSAR_SPEAKER_MODEL",
    "data/models/speaker_minilm.safetensors",
);

#[test]
fn rust_encoder_reproduces_the_exported_model() {
    let (bytes, reference) = model_and_reference::<Case>(
        CLAIMS_MODEL,
        (
            "NEWSAR_CLAIMS_REFERENCE",
            "tests/fixtures/claims_minilm_reference.json",
        ),
    );
    let model = CheckworthyEncoder::from_bytes(&bytes).expect("the model loads");
    assert!(reference.cases.len() >= 40);
    let mut worst = 0f64;
    for case in &reference.cases {
        assert_eq!(
            model.pieces(&case.text),
            case.ids,
            "pieces of {:?}",
            case.text
        );
        let p = model.probability(&case.text);
        worst = worst.max((p - case.probability).abs());
        assert!(
            (p - case.probability).abs() < 2e-3,
            "{:?}: Rust {p:.6}, Python {:.6}",
            case.text,
            case.probability
        );
    }
    eprintln!(
        "{} reference sentences, largest probability difference {worst:.2e}",
        reference.cases.len()
    );
}

#[test]
fn rust_speaker_tagger_reproduces_the_exported_model() {
    let (bytes, reference) = model_and_reference::<SpeakerCase>(
        SPEAKER_MODEL,
        (
            "NEWSAR_SPEAKER_REFERENCE",
            "tests/fixtures/speaker_minilm_reference.json",
        ),
    );
    let model = SpeakerTagger::from_bytes(&bytes).expect("the model loads");
    assert!(reference.cases.len() >= 40);
    assert!(reference.cases.iter().any(|c| c.speaker.is_some()));
    for case in &reference.cases {
        let rules = case.rules.map(|[s, e]| s..e);
        assert_eq!(
            model.pieces(&case.text),
            case.ids,
            "pieces of {:?}",
            case.text
        );
        assert_eq!(
            model.tags(&case.text, rules.clone()),
            case.tags,
            "tags of {:?}",
            case.text
        );
        let speaker = model
            .speaker(&case.text, rules)
            .map(|r| case.text[r].to_string());
        assert_eq!(speaker, case.speaker, "speaker of {:?}", case.text);
    }
}

/// Cut-short files and headers edited to impossible sizes do not load.
fn damaged_files_are_errors(bytes: &[u8], max_pieces: usize, loads: impl Fn(&[u8]) -> bool) {
    for cut in [
        0,
        7,
        8,
        100,
        1_000,
        300_000,
        bytes.len() / 2,
        bytes.len() - 1,
    ] {
        assert!(!loads(&bytes[..cut]), "a file cut at {cut} bytes loaded");
    }
    let header_len = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
    let header = String::from_utf8(bytes[8..8 + header_len].to_vec()).expect("UTF-8 header");
    let pieces = format!("\\\"max_pieces\\\": {max_pieces}");
    for (from, to) in [
        ("\\\"hidden\\\": 384", "\\\"hidden\\\": 0".to_string()),
        ("\\\"hidden\\\": 384", "\\\"hidden\\\": 385".to_string()),
        (
            "\\\"intermediate\\\": 1536",
            "\\\"intermediate\\\": 0".to_string(),
        ),
        (pieces.as_str(), "\\\"max_pieces\\\": 2".to_string()),
        (
            pieces.as_str(),
            format!("\\\"max_pieces\\\": {}", max_pieces + 1),
        ),
        ("\\\"layers\\\": 6", "\\\"layers\\\": 7".to_string()),
    ] {
        assert!(header.contains(from), "header has {from}");
        let edited = header.replacen(from, &to, 1);
        let padded = edited.clone() + &" ".repeat(header_len.saturating_sub(edited.len()));
        let mut damaged = (padded.len() as u64).to_le_bytes().to_vec();
        damaged.extend_from_slice(padded.as_bytes());
        damaged.extend_from_slice(&bytes[8 + header_len..]);
        assert!(!loads(&damaged), "a model with {to} loaded");
    }
}

/// Texts that must get an answer, not a panic.
fn odd_texts() -> Vec<String> {
    let long = "word ".repeat(5_000);
    [
        "",
        " ",
        "\u{0}\u{fffd}\u{200b}",
        "🙂🙂🙂",
        long.as_str(),
        "a\u{301}\u{301}\u{301}",
        "“,” — said.",
    ]
    .map(String::from)
    .to_vec()
}

#[test]
fn damaged_model_files_are_errors_and_odd_text_is_scored() {
    let bytes = std::fs::read(path(CLAIMS_MODEL.0, CLAIMS_MODEL.1)).expect("the model file");
    damaged_files_are_errors(&bytes, 64, |b| CheckworthyEncoder::from_bytes(b).is_ok());
    assert!(
        SpeakerTagger::from_bytes(&bytes).is_err(),
        "a claims model read as a speaker model"
    );
    let model = CheckworthyEncoder::from_bytes(&bytes).expect("the model loads");
    for text in odd_texts() {
        let p = model.probability(&text);
        assert!((0.0..=1.0).contains(&p), "{text:?}: {p}");
        assert!(model.pieces(&text).len() <= 64);
    }
}

#[test]
fn damaged_speaker_files_are_errors_and_odd_text_is_tagged() {
    let bytes = std::fs::read(path(SPEAKER_MODEL.0, SPEAKER_MODEL.1)).expect("the model file");
    damaged_files_are_errors(&bytes, 256, |b| SpeakerTagger::from_bytes(b).is_ok());
    assert!(
        CheckworthyEncoder::from_bytes(&bytes).is_err(),
        "a speaker model read as a claims model"
    );
    let model = SpeakerTagger::from_bytes(&bytes).expect("the model loads");
    for text in odd_texts() {
        // Rules spans that are empty, the whole text, or not on character boundaries.
        for rules in [
            None,
            Some(0..0),
            Some(0..text.len()),
            Some(1..text.len().max(1) + 7),
        ] {
            if let Some(span) = model.speaker(&text, rules.clone()) {
                assert!(
                    text.get(span.clone()).is_some_and(|s| !s.is_empty()),
                    "{text:?}: {span:?}"
                );
            }
            assert_eq!(model.tags(&text, rules).len(), model.pieces(&text).len());
        }
        assert!(model.pieces(&text).len() <= 256);
    }
}
