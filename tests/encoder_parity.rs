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
