//! `make bench`: native throughput of the pieces, measured on real data when `../shared/data`
//! is present. Prints a table (markdown) that BENCHMARKS.md records; timings never gate tests.
//!
//! - tagger: the statistical name tagger alone (`tag_document` over already-built Docs) on the
//!   CoNLL-2003 dev documents, tokens per second on one core;
//! - doc: building the shared Doc (normalization, tokens, sentences, offsets);
//! - analyze_text: the whole brief from plain text, same documents;
//! - analyze_html: the whole brief from each readability test page, median milliseconds;
//! - the optional transformer claims model (when `data/models/claims_minilm.safetensors` is
//!   there): sentences per second on 300 NewsMTSC sentences, and the bundled sample article's
//!   whole brief with and without it.

use newsar::encoder::{CheckworthyEncoder, SpeakerTagger};
use newsar::entities::{model, train};
use newsar::text::Doc;
use newsar::{analyze_html, analyze_html_with, analyze_text, Models, Options};
use std::path::Path;
use std::time::Instant;

fn best_of<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    let mut best = f64::INFINITY;
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(f());
        best = best.min(t.elapsed().as_secs_f64());
    }
    best
}

fn main() {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data");
    let mut results: Vec<(String, f64)> = Vec::new();
    println!("| what | input | result |\n|---|---|---|");
    match std::fs::read_to_string(data.join("conll2003/eng.testa")) {
        Err(_) => println!("| tagger | skipped: ../shared/data/conll2003 not found | |"),
        Ok(testa) => {
            let texts: Vec<String> = train::parse_conll(&testa)
                .iter()
                .map(|d| {
                    d.iter()
                        .map(|s| {
                            s.iter()
                                .map(|(t, _)| t.as_str())
                                .collect::<Vec<_>>()
                                .join(" ")
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                })
                .collect();
            let docs: Vec<Doc> = texts.iter().map(|t| Doc::from_plain_text(t)).collect();
            let tokens: usize = docs.iter().map(|d| d.tokens.len()).sum();
            let weights = model::compiled_model().expect("compiled-in model");
            let views: Vec<model::TokenView> = docs.iter().map(model::TokenView::new).collect();
            let tag = best_of(5, || {
                docs.iter()
                    .zip(&views)
                    .map(|(d, v)| model::tag_document(weights, v, d).len())
                    .sum::<usize>()
            });
            let view = best_of(5, || {
                docs.iter()
                    .map(|d| model::TokenView::new(d).word_count_hint())
                    .sum::<usize>()
            });
            let doc = best_of(5, || {
                texts
                    .iter()
                    .map(|t| Doc::from_plain_text(t).tokens.len())
                    .sum::<usize>()
            });
            let opts = Options::default();
            let full = best_of(3, || {
                texts
                    .iter()
                    .filter_map(|t| analyze_text(t, &opts).ok())
                    .count()
            });
            results.push(("tagger_tokens_per_s".into(), tokens as f64 / tag));
            results.push((
                "tagger_with_view_tokens_per_s".into(),
                tokens as f64 / (tag + view),
            ));
            results.push(("doc_tokens_per_s".into(), tokens as f64 / doc));
            results.push(("analyze_text_tokens_per_s".into(), tokens as f64 / full));
            results.push(("testa_tokens".into(), tokens as f64));
            println!("| tagger (two passes, features + scoring) | eng.testa, {tokens} tokens | {:.0} tokens/s |", tokens as f64 / tag);
            println!(
                "| tagger incl. per-document feature view | eng.testa | {:.0} tokens/s |",
                tokens as f64 / (tag + view)
            );
            println!(
                "| Doc (tokens, sentences, offsets) | eng.testa | {:.0} tokens/s |",
                tokens as f64 / doc
            );
            println!("| analyze_text (whole brief) | eng.testa, {} documents | {:.0} tokens/s, {:.2} ms/document |", texts.len(), tokens as f64 / full, 1000.0 * full / texts.len() as f64);
        }
    }
    let pages = data.join("extraction/readability-test-pages");
    match std::fs::read_dir(&pages) {
        Err(_) => println!("| analyze_html | skipped: readability-test-pages not found | |"),
        Ok(dir) => {
            let mut names: Vec<_> = dir
                .flatten()
                .map(|e| e.path().join("source.html"))
                .filter(|p| p.exists())
                .collect();
            names.sort();
            let htmls: Vec<String> = names
                .iter()
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect();
            let opts = Options::default();
            // Per page best of three; median and p90 over pages, in ms.
            let per_page = |f: &dyn Fn(&str) -> bool| -> (f64, f64) {
                let mut times: Vec<f64> = htmls.iter().map(|h| best_of(3, || f(h))).collect();
                times.sort_by(f64::total_cmp);
                (
                    times[times.len() / 2] * 1000.0,
                    times[times.len() * 9 / 10] * 1000.0,
                )
            };
            type Timed<'a> = (&'a str, &'a str, &'a dyn Fn(&str) -> bool);
            let rows: [Timed; 2] = [
                ("analyze_html", "analyze_html (whole brief)", &|h| {
                    analyze_html(h, &opts).is_ok()
                }),
                // Extraction alone (parse, metadata, body): issue 3's speed figure.
                ("extract", "extract_article (extraction only)", &|h| {
                    newsar::extract_article(h, &opts).is_ok()
                }),
            ];
            for (key, label, f) in rows {
                let (median, p90) = per_page(f);
                println!("| {label} | {} readability test pages | median {median:.2} ms, p90 {p90:.2} ms |", htmls.len());
                results.push((format!("{key}_median_ms"), median));
                results.push((format!("{key}_p90_ms"), p90));
            }
        }
    }
    bench_claims_model(&data, &mut results);
    bench_speaker_model(&mut results);
    // For tests/bench/peers.mjs, which runs the peers in the same `make bench` and writes ratios.
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    let json: String = results
        .iter()
        .map(|(k, v)| format!("  \"{k}\": {v:.3}"))
        .collect::<Vec<_>>()
        .join(",\n");
    if std::fs::create_dir_all(&out).is_ok() {
        let _ = std::fs::write(out.join("native.json"), format!("{{\n{json}\n}}\n"));
    }
}

/// The optional transformer claims model: encoder throughput and a whole brief with it.
fn bench_claims_model(data: &Path, results: &mut Vec<(String, f64)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Ok(bytes) = std::fs::read(root.join("data/models/claims_minilm.safetensors")) else {
        println!("| transformer claims model | skipped: data/models/claims_minilm.safetensors not found | |");
        return;
    };
    let model = CheckworthyEncoder::from_bytes(&bytes).expect("the shipped model loads");
    let load = best_of(3, || CheckworthyEncoder::from_bytes(&bytes).is_ok());
    println!(
        "| transformer claims model: load | {} bytes | {:.1} ms |",
        bytes.len(),
        load * 1000.0
    );
    results.push(("claims_model_load_ms".into(), load * 1000.0));
    if let Ok(jsonl) = std::fs::read_to_string(data.join("sentiment/NewsMTSC/train.jsonl")) {
        let sentences: Vec<String> = jsonl
            .lines()
            .take(300)
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["sentence_normalized"].as_str().map(str::to_string))
            .collect();
        let pieces: usize = sentences.iter().map(|s| model.pieces(s).len()).sum();
        let secs = best_of(1, || {
            sentences.iter().map(|s| model.probability(s)).sum::<f64>()
        });
        println!(
            "| transformer claims model: one sentence | {} NewsMTSC sentences, {pieces} word pieces | {:.1} sentences/s, {:.1} ms/sentence |",
            sentences.len(),
            sentences.len() as f64 / secs,
            1000.0 * secs / sentences.len() as f64
        );
        results.push((
            "claims_model_sentences_per_s".into(),
            sentences.len() as f64 / secs,
        ));
    }
    let sample = std::fs::read_to_string(root.join("data/sample/sample-article.html"))
        .expect("the bundled sample");
    let opts = Options::default();
    let with = Models {
        checkworthiness: Some(&model),
        speaker: None,
    };
    let plain = best_of(3, || analyze_html(&sample, &opts).is_ok());
    let transformer = best_of(3, || analyze_html_with(&sample, &opts, with).is_ok());
    println!(
        "| sample article, whole brief | compiled-in claims model / transformer | {:.2} ms / {:.0} ms |",
        plain * 1000.0,
        transformer * 1000.0
    );
    results.push(("sample_brief_ms".into(), plain * 1000.0));
    results.push(("sample_brief_transformer_ms".into(), transformer * 1000.0));
}

/// The optional transformer speaker tagger: loading it and a whole brief with it.
fn bench_speaker_model(results: &mut Vec<(String, f64)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let Ok(bytes) = std::fs::read(root.join("data/models/speaker_minilm.safetensors")) else {
        println!("| transformer speaker model | skipped: data/models/speaker_minilm.safetensors not found | |");
        return;
    };
    let load = best_of(3, || SpeakerTagger::from_bytes(&bytes).is_ok());
    let model = SpeakerTagger::from_bytes(&bytes).expect("the shipped model loads");
    let sample = std::fs::read_to_string(root.join("data/sample/sample-article.html"))
        .expect("the bundled sample");
    let with = Models {
        speaker: Some(&model),
        ..Models::default()
    };
    let tagged = best_of(3, || {
        analyze_html_with(&sample, &Options::default(), with).is_ok()
    });
    println!(
        "| transformer speaker model: load / sample article's whole brief with it | {} bytes | {:.1} ms / {:.0} ms |",
        bytes.len(),
        load * 1000.0,
        tagged * 1000.0
    );
    results.push(("speaker_model_load_ms".into(), load * 1000.0));
    results.push(("sample_brief_speaker_model_ms".into(), tagged * 1000.0));
}
