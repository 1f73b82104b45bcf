//! The WebAssembly build, run in headless Chromium by wasm-bindgen-test (`make test-wasm`): the
//! exported JS API returns plain objects, throws JS `Error`s with a message on bad input, and
//! gives the same brief as the JSON export; the corpus binding stores, clusters and round-trips.
#![cfg(target_arch = "wasm32")]

use newsar::wasm::{
    analyze_html, analyze_html_json, analyze_text, analyze_text_json, claims_model,
    load_claims_model, load_speaker_model, looks_like_html, speaker_model, version, CorpusHandle,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../data/sample/sample-article.html");

fn options(now: &str, url: Option<&str>) -> JsValue {
    let o = js_sys::Object::new();
    js_sys::Reflect::set(&o, &"now".into(), &now.into()).unwrap();
    if let Some(u) = url {
        js_sys::Reflect::set(&o, &"url".into(), &u.into()).unwrap();
    }
    o.into()
}

fn get(v: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(v.clone(), |acc, k| {
        js_sys::Reflect::get(&acc, &k.into()).unwrap()
    })
}

fn error_message(e: JsValue) -> String {
    let err: js_sys::Error = e.dyn_into().expect("a JS Error");
    String::from(err.message())
}

#[wasm_bindgen_test]
fn sample_page_gives_a_full_brief_object() {
    let brief = analyze_html(
        SAMPLE,
        options("2026-11-25", Some("https://harbourledger.example/a")),
    )
    .map_err(JsValue::from)
    .unwrap();
    assert_eq!(
        get(&brief, "source.name").as_string().as_deref(),
        Some("Harbour Ledger")
    );
    assert_eq!(
        get(&brief, "language.code").as_string().as_deref(),
        Some("en")
    );
    let claims: js_sys::Array = get(&brief, "claims").dyn_into().unwrap();
    assert!(claims.length() >= 3);
    let entities: js_sys::Array = get(&brief, "entities").dyn_into().unwrap();
    let first = entities.get(0);
    assert_eq!(
        get(&first, "name").as_string().as_deref(),
        Some("National Coastal Resilience Agency")
    );
    // Optional fields are null, not undefined: the object is plain JSON.
    assert!(get(&brief, "article.section").is_string());
    assert!(get(&brief, "source.lean").is_null());
}

#[wasm_bindgen_test]
fn object_and_json_exports_agree() {
    let obj = analyze_text(
        "The Acme Corp said sales rose 5% in May.",
        options("2026-01-02", None),
    )
    .map_err(JsValue::from)
    .unwrap();
    let json = analyze_text_json(
        "The Acme Corp said sales rose 5% in May.",
        options("2026-01-02", None),
    )
    .map_err(JsValue::from)
    .unwrap();
    let parsed = js_sys::JSON::parse(&json).unwrap();
    // Stringify both the same way: key order and values must match.
    assert_eq!(
        js_sys::JSON::stringify(&obj).unwrap(),
        js_sys::JSON::stringify(&parsed).unwrap()
    );
    let html_json = analyze_html_json(SAMPLE, options("2026-11-25", None))
        .map_err(JsValue::from)
        .unwrap();
    assert!(html_json.starts_with("{\n  \"id\": \"NSR-2026-0314-"));
}

#[wasm_bindgen_test]
fn bad_input_throws_errors_with_messages() {
    let empty = analyze_text("  ", JsValue::UNDEFINED)
        .map_err(JsValue::from)
        .unwrap_err();
    assert!(error_message(empty).contains("empty"));
    let homepage = analyze_html("<nav><a href=/>Home</a></nav>", JsValue::NULL)
        .map_err(JsValue::from)
        .unwrap_err();
    assert!(error_message(homepage).contains("doesn't look like an article"));
    let bad = js_sys::Object::new();
    js_sys::Reflect::set(&bad, &"colour".into(), &"red".into()).unwrap();
    let e = analyze_text("Text.", bad.into())
        .map_err(JsValue::from)
        .unwrap_err();
    assert!(error_message(e).contains("invalid options"));
    let e = analyze_text("Text.", JsValue::from(42))
        .map_err(JsValue::from)
        .unwrap_err();
    assert!(error_message(e).contains("invalid options"));
}

#[wasm_bindgen_test]
fn a_bad_claims_model_file_throws_and_the_compiled_in_model_stays() {
    let e = load_claims_model(b"not a model")
        .map_err(JsValue::from)
        .unwrap_err();
    assert!(error_message(e).contains("invalid check-worthiness model file"));
    assert_eq!(claims_model(), None);
    let brief = analyze_html(SAMPLE, options("2026-03-20", None)).unwrap();
    let method = get(&brief, "provenance.claims").as_string().unwrap();
    assert!(method.contains("logistic-regression"), "{method}");
}

#[wasm_bindgen_test]
fn a_bad_speaker_model_file_throws_and_the_rules_stay() {
    let e = load_speaker_model(b"not a model")
        .map_err(JsValue::from)
        .unwrap_err();
    assert!(error_message(e).contains("invalid speaker model file"));
    assert_eq!(speaker_model(), None);
    let brief = analyze_html(SAMPLE, options("2026-03-20", None)).unwrap();
    let method = get(&brief, "provenance.claims").as_string().unwrap();
    assert!(!method.contains("speaker tagger"), "{method}");
}

#[wasm_bindgen_test]
fn helpers() {
    assert!(looks_like_html(SAMPLE));
    assert!(!looks_like_html("plain words"));
    assert_eq!(version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn corpus_adds_briefs_and_round_trips() {
    let mut corpus = CorpusHandle::new();
    let brief = analyze_html(
        SAMPLE,
        options("2026-11-25", Some("https://harbourledger.example/a")),
    )
    .map_err(JsValue::from)
    .unwrap();
    let added = corpus
        .add_brief(brief.clone(), Some("sample".into()))
        .map_err(JsValue::from)
        .unwrap();
    assert_eq!(get(&added, "outcome").as_string().as_deref(), Some("added"));
    let again = corpus
        .add_brief(brief, None)
        .map_err(JsValue::from)
        .unwrap();
    assert_eq!(
        get(&again, "outcome").as_string().as_deref(),
        Some("duplicate")
    );
    assert_eq!(corpus.size(), 1);
    let stories: js_sys::Array = corpus
        .stories()
        .map_err(JsValue::from)
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(stories.length(), 1);
    let bytes = corpus.export();
    let mut other = CorpusHandle::new();
    let problems = other.load(&bytes).map_err(JsValue::from).unwrap();
    assert!(problems.is_empty());
    assert_eq!(other.export(), bytes);
    assert!(
        corpus.add_brief(JsValue::from(3), None).is_err(),
        "a number is not a brief"
    );
}
