//! The Rust transformer encoder against the Python model it was exported from: the same word-piece
//! ids and the same probabilities (within float rounding) on the reference sentences that
//! `data/build/claims_minilm.py --reference` wrote for this exact model file (its SHA-256 is in
//! the reference and checked first).
//!
//! `NEWSAR_CLAIMS_MODEL` and `NEWSAR_CLAIMS_REFERENCE` point the test at another model and
//! reference (a freshly trained one).

use newsar::encoder::CheckworthyEncoder;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Reference {
    model_sha256: String,
    cases: Vec<Case>,
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

#[test]
fn rust_encoder_reproduces_the_exported_model() {
    let model_path = path(
        "NEWSAR_CLAIMS_MODEL",
        "data/models/claims_minilm.safetensors",
    );
    let reference_path = path(
        "NEWSAR_CLAIMS_REFERENCE",
        "tests/fixtures/claims_minilm_reference.json",
    );
    let bytes = std::fs::read(&model_path).expect("the model file is in the repository");
    let reference: Reference = serde_json::from_str(
        &std::fs::read_to_string(&reference_path).expect("the reference file"),
    )
    .expect("reference JSON");
    assert_eq!(
        sha256_hex(&bytes),
        reference.model_sha256,
        "the reference was written for another model file"
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
fn damaged_model_files_are_errors_and_odd_text_is_scored() {
    let model_path = path(
        "NEWSAR_CLAIMS_MODEL",
        "data/models/claims_minilm.safetensors",
    );
    let bytes = std::fs::read(&model_path).expect("the model file is in the repository");
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
        assert!(
            CheckworthyEncoder::from_bytes(&bytes[..cut]).is_err(),
            "a file cut at {cut} bytes loaded"
        );
    }
    // The header's configuration, edited to impossible sizes.
    let header_len = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
    let header = String::from_utf8(bytes[8..8 + header_len].to_vec()).expect("UTF-8 header");
    for (from, to) in [
        ("\\\"hidden\\\": 384", "\\\"hidden\\\": 0"),
        ("\\\"hidden\\\": 384", "\\\"hidden\\\": 385"),
        ("\\\"intermediate\\\": 1536", "\\\"intermediate\\\": 0"),
        ("\\\"max_pieces\\\": 64", "\\\"max_pieces\\\": 2"),
        ("\\\"max_pieces\\\": 64", "\\\"max_pieces\\\": 65"),
        ("\\\"layers\\\": 6", "\\\"layers\\\": 7"),
    ] {
        assert!(header.contains(from), "header has {from}");
        let edited = header.replacen(from, to, 1);
        let padded = edited.clone() + &" ".repeat(header_len.saturating_sub(edited.len()));
        let mut damaged = (padded.len() as u64).to_le_bytes().to_vec();
        damaged.extend_from_slice(padded.as_bytes());
        damaged.extend_from_slice(&bytes[8 + header_len..]);
        assert!(
            CheckworthyEncoder::from_bytes(&damaged).is_err(),
            "a model with {to} loaded"
        );
    }
    let model = CheckworthyEncoder::from_bytes(&bytes).expect("the model loads");
    let long = "word ".repeat(5_000);
    for text in [
        "",
        " ",
        "\u{0}\u{fffd}\u{200b}",
        "🙂🙂🙂",
        long.as_str(),
        "a\u{301}\u{301}\u{301}",
    ] {
        let p = model.probability(text);
        assert!((0.0..=1.0).contains(&p), "{text:?}: {p}");
        assert!(model.pieces(text).len() <= 64);
    }
}
