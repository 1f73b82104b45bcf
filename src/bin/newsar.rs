//! The `newsar` command line: argument parsing and I/O only; all analysis is in the library.

use newsar::encoder::{CheckworthyEncoder, SpeakerTagger};
use newsar::{
    analyze_html_with, analyze_text_with, extract_article, looks_like_html, report, Brief,
    ExtractedArticle, Models, Options,
};
use serde::Deserialize;
use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

const SAMPLE_HTML: &str = include_str!("../../data/sample/sample-article.html");
const SAMPLE_URL: &str = "https://harbourledger.example/environment/2026/03/14/sea-defences";

const USAGE: &str = "\
newsar — multi-perspective news intelligence, on your machine

Usage:
  newsar analyze [FILE|-] [--format json|text] [--url URL] [--title T] [--now YYYY-MM-DD]
                 [--claims-model FILE] [--speaker-model FILE]
  newsar analyze --jsonl              one JSON object per line on stdin, one brief per line out
  newsar extract [FILE|-] [--url URL] the article of an HTML page (metadata and body text) as
                                      JSON, without analysis
  newsar extract --jsonl              the same for each {\"id\":..., \"html\":...} line on stdin
  newsar train-ner --train FILE --dev FILE --out FILE [--epochs N] [--seed N]
                   [--dev-lists compiled|train]
                                      train the name tagger on CoNLL-2003 files (dev-lists
                                      train: a dev set held out of the training file)
  newsar train-claims --claimbuster FILE [--ct19 FILE] --out FILE
                                      train check-worthiness; prints 5-fold CV scores
  newsar corpus add|list|stories|graph|export|import --dir DIR
                                      a local corpus of briefs: stories, perspectives, graph
                                      (see `newsar corpus --help`)
  newsar outlets lookup|check|import|list|clear
                                      the outlet table and your own lean ratings
                                      (see `newsar outlets --help`)
  newsar --version | --help

FILE is HTML or plain text (detected); '-' reads stdin; no FILE analyzes the bundled sample.
--format json (default) prints the brief as JSON; text prints a readable brief.
--jsonl input lines: {\"id\":..., \"html\":..., \"url\":...} or {\"id\":..., \"text\":..., \"title\":...}
--claims-model FILE scores check-worthiness with the optional transformer model
(data/models/claims_minilm.safetensors) instead of the compiled-in one: better, and about a
thousand times slower.
--speaker-model FILE lets the optional transformer speaker tagger
(data/models/speaker_minilm.safetensors) revise the attribution rules' speakers: more often
right, and about as slow.";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Text,
}

struct Args {
    file: Option<String>,
    format: Format,
    jsonl: bool,
    options: Options,
    claims_model: Option<String>,
    speaker_model: Option<String>,
}

fn main() -> ExitCode {
    // A bug must still end in one clear line, never a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".into());
        eprintln!("newsar: internal error: {msg}");
    }));
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("newsar: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, String> {
    if std::env::args().nth(1).as_deref() == Some("corpus") {
        return corpus_cli::run();
    }
    if std::env::args().nth(1).as_deref() == Some("outlets") {
        return corpus_cli::outlets();
    }
    if std::env::args().nth(1).as_deref() == Some("train-ner") {
        return train_ner();
    }
    if std::env::args().nth(1).as_deref() == Some("train-claims") {
        return train_claims();
    }
    let mut parser = lexopt::Parser::from_env();
    let mut command: Option<String> = None;
    let mut args = Args {
        file: None,
        format: Format::Json,
        jsonl: false,
        options: Options::default(),
        claims_model: None,
        speaker_model: None,
    };
    use lexopt::prelude::*;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            Short('V') | Long("version") => {
                println!("newsar {}", newsar::VERSION);
                return Ok(ExitCode::SUCCESS);
            }
            Long("format") | Short('f') => {
                let v = value_string(&mut parser)?;
                args.format = match v.as_str() {
                    "json" => Format::Json,
                    "text" => Format::Text,
                    other => {
                        return Err(format!(
                            "unknown --format {other:?} (expected json or text)"
                        ))
                    }
                };
            }
            Long("jsonl") => args.jsonl = true,
            Long("url") => args.options.url = Some(value_string(&mut parser)?),
            Long("title") => args.options.title = Some(value_string(&mut parser)?),
            Long("now") => args.options.now = Some(value_string(&mut parser)?),
            Long("claims-model") => args.claims_model = Some(value_string(&mut parser)?),
            Long("speaker-model") => args.speaker_model = Some(value_string(&mut parser)?),
            Value(v) if command.is_none() => {
                command = Some(
                    v.string()
                        .map_err(|_| "argument is not UTF-8".to_string())?,
                )
            }
            Value(v) if args.file.is_none() => {
                args.file = Some(
                    v.string()
                        .map_err(|_| "file name is not UTF-8".to_string())?,
                )
            }
            Short('-') => {}
            _ => return Err(format!("{}; see `newsar --help`", arg.unexpected())),
        }
    }
    let extract_only = command.as_deref() == Some("extract");
    match command.as_deref() {
        Some("analyze" | "extract") => {}
        Some(other) => {
            return Err(format!(
                "unknown command {other:?}; try `newsar analyze --help`"
            ))
        }
        None => {
            println!("{USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
    }
    if args.options.now.is_none() {
        args.options.now = Some(today_utc());
    }
    if extract_only && args.claims_model.is_some() {
        return Err("--claims-model is for `newsar analyze`".into());
    }
    if extract_only && args.speaker_model.is_some() {
        return Err("--speaker-model is for `newsar analyze`".into());
    }
    let claims_model = args
        .claims_model
        .as_deref()
        .map(|path| load_model(path, CheckworthyEncoder::from_bytes))
        .transpose()?;
    let speaker_model = args
        .speaker_model
        .as_deref()
        .map(|path| load_model(path, SpeakerTagger::from_bytes))
        .transpose()?;
    let models = Models {
        checkworthiness: claims_model.as_ref(),
        speaker: speaker_model.as_ref(),
    };
    if args.jsonl {
        if args.file.is_some() {
            return Err("--jsonl reads stdin; do not give a FILE".into());
        }
        return jsonl(&args.options, extract_only, models);
    }
    let (input, is_sample) = match args.file.as_deref() {
        None => (SAMPLE_HTML.to_string(), true),
        Some("-") => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| format!("cannot read stdin: {e}"))?;
            (s, false)
        }
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            (String::from_utf8_lossy(&bytes).into_owned(), false)
        }
    };
    let mut options = args.options.clone();
    if is_sample && options.url.is_none() {
        options.url = Some(SAMPLE_URL.to_string());
    }
    if extract_only {
        if !looks_like_html(&input) {
            eprintln!("newsar: extract needs an HTML page; this input looks like plain text");
            return Ok(ExitCode::from(1));
        }
        return match extract_article(&input, &options) {
            Ok(article) => {
                let json = serde_json::to_string_pretty(&article)
                    .map_err(|e| format!("cannot write JSON: {e}"))?;
                write_stdout((json + "\n").as_bytes())?;
                Ok(ExitCode::SUCCESS)
            }
            Err(e) => {
                eprintln!("newsar: {e}");
                Ok(ExitCode::from(1))
            }
        };
    }
    let result = if looks_like_html(&input) {
        analyze_html_with(&input, &options, models)
    } else {
        analyze_text_with(&input, &options, models)
    };
    let brief = match result {
        Ok(b) => b,
        Err(e) => {
            eprintln!("newsar: {e}");
            return Ok(ExitCode::from(1));
        }
    };
    let out = match args.format {
        Format::Json => brief_json(&brief)? + "\n",
        Format::Text => report::render(&brief),
    };
    write_stdout(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// `newsar train-ner`: reads the CoNLL files, trains, writes the model, prints the dev scores.
fn train_ner() -> Result<ExitCode, String> {
    use lexopt::prelude::*;
    use newsar::entities::train::DevLists;
    let mut parser = lexopt::Parser::from_args(std::env::args_os().skip(2));
    let (mut train, mut dev, mut out) = (None, None, None);
    let (mut epochs, mut seed) = (12usize, 20_260_608u64);
    let mut dev_lists = DevLists::Compiled;
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("train") => train = Some(value_string(&mut parser)?),
            Long("dev-lists") => {
                dev_lists = match value_string(&mut parser)?.as_str() {
                    "compiled" => DevLists::Compiled,
                    "train" => DevLists::FromTrain,
                    _ => return Err("--dev-lists takes compiled or train".into()),
                }
            }
            Long("dev") => dev = Some(value_string(&mut parser)?),
            Long("out") => out = Some(value_string(&mut parser)?),
            Long("epochs") => {
                epochs = value_string(&mut parser)?
                    .parse()
                    .map_err(|_| "--epochs takes a number")?
            }
            Long("seed") => {
                seed = value_string(&mut parser)?
                    .parse()
                    .map_err(|_| "--seed takes a number")?
            }
            _ => return Err(format!("{}; see `newsar --help`", arg.unexpected())),
        }
    }
    let read = |p: Option<String>, what: &str| -> Result<String, String> {
        let p = p.ok_or(format!("train-ner needs --{what} FILE"))?;
        std::fs::read_to_string(&p).map_err(|e| format!("cannot read {p}: {e}"))
    };
    let train_text = read(train, "train")?;
    let dev_text = read(dev, "dev")?;
    let out = out.ok_or("train-ner needs --out FILE")?;
    let report =
        newsar::entities::train::train(&train_text, &dev_text, dev_lists, epochs, seed, |line| {
            eprintln!("{line}")
        });
    std::fs::write(&out, &report.model).map_err(|e| format!("cannot write {out}: {e}"))?;
    eprintln!(
        "wrote {out}: {} bytes; best epoch {} of {}; dev F1 (quantized) {:.4}",
        report.model.len(),
        report.best_epoch,
        report.dev_by_epoch.len(),
        report.dev_quantized.2
    );
    Ok(ExitCode::SUCCESS)
}

/// `newsar train-claims`: 5-fold cross-validation on ClaimBuster (and, if given, CLEF CT19 with
/// whole debates held out), then the model trained on all of ClaimBuster is written.
fn train_claims() -> Result<ExitCode, String> {
    use lexopt::prelude::*;
    use newsar::claims::checkworthy::{encode, train};
    let mut parser = lexopt::Parser::from_args(std::env::args_os().skip(2));
    let (mut claimbuster, mut ct19, mut out) = (None, None, None);
    // Chosen by 5-fold CV on ClaimBuster (epochs 3/8/20 x L2 1e-4/1e-5/1e-7 were within 0.003 F1).
    let (epochs, l2, seed, folds) = (8usize, 1e-5f32, 20_260_608u64, 5u64);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("claimbuster") => claimbuster = Some(value_string(&mut parser)?),
            Long("ct19") => ct19 = Some(value_string(&mut parser)?),
            Long("out") => out = Some(value_string(&mut parser)?),
            _ => return Err(format!("{}; see `newsar --help`", arg.unexpected())),
        }
    }
    let path = claimbuster.ok_or("train-claims needs --claimbuster FILE")?;
    let out = out.ok_or("train-claims needs --out FILE")?;
    let raw = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {path}: {e}"))?;
    #[derive(Deserialize)]
    struct Item {
        sentence_id: u64,
        label: u8,
        text: String,
    }
    let items: Vec<Item> = serde_json::from_str(&raw).map_err(|e| format!("{path}: {e}"))?;
    let examples: Vec<train::Example> = items
        .iter()
        .map(|i| train::Example {
            features: train::featurize(&i.text),
            label: i.label == 1,
            group: i.sentence_id,
        })
        .collect();
    let mut cv = train::cross_validate(&examples, folds, epochs, l2, seed);
    let (f1, p, r, ap) = train::scores(&mut cv, newsar::claims::CLAIM_THRESHOLD);
    eprintln!(
        "ClaimBuster {folds}-fold CV ({} sentences): F1 {f1:.4} P {p:.4} R {r:.4} AP {ap:.4}",
        examples.len()
    );
    if let Some(ct_path) = ct19 {
        let raw =
            std::fs::read_to_string(&ct_path).map_err(|e| format!("cannot read {ct_path}: {e}"))?;
        let (ct, files) = read_ct19(&raw)?;
        let cv = train::cross_validate(&ct, folds, epochs, l2, seed);
        // Mean average precision over debates (each debate's lines ranked by score).
        let mut aps = Vec::new();
        for f in 0..files {
            let mut pairs: Vec<(f64, bool)> = ct
                .iter()
                .zip(&cv_in_order(&ct, &cv, folds))
                .filter(|(e, _)| e.group == f)
                .map(|(_, p)| *p)
                .collect();
            if pairs.iter().any(|x| x.1) {
                aps.push(train::scores(&mut pairs, 0.5).3);
            }
        }
        let map = aps.iter().sum::<f64>() / aps.len().max(1) as f64;
        eprintln!(
            "CT19 {folds}-fold CV, debates held out ({} lines, {files} debates): MAP {map:.4}",
            ct.len()
        );
    }
    let all: Vec<&train::Example> = examples.iter().collect();
    let (bias, w) = train::fit(&all, epochs, l2, seed);
    let bytes = encode(bias, &w);
    std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {out}: {e}"))?;
    eprintln!(
        "wrote {out}: {} bytes (trained on all {} ClaimBuster sentences)",
        bytes.len(),
        examples.len()
    );
    Ok(ExitCode::SUCCESS)
}

/// CLEF CheckThat! 2019 task 1 CSV (`line_number,speaker,text,label,file_name`): one example
/// per line, grouped by debate file; returns the examples and the number of files.
fn read_ct19(raw: &str) -> Result<(Vec<newsar::claims::checkworthy::train::Example>, u64), String> {
    use newsar::claims::checkworthy::train::{featurize, Example};
    let mut files: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for record in csv_records(raw).into_iter().skip(1) {
        if record.len() < 5 {
            continue;
        }
        let file = record[4].clone();
        let group = match files.iter().position(|f| *f == file) {
            Some(g) => g,
            None => {
                files.push(file);
                files.len() - 1
            }
        } as u64;
        out.push(Example {
            features: featurize(&record[2]),
            label: record[3].trim() == "1",
            group,
        });
    }
    Ok((out, files.len() as u64))
}

/// CV predictions are produced fold by fold; put them back in example order.
fn cv_in_order(
    examples: &[newsar::claims::checkworthy::train::Example],
    cv: &[(f64, bool)],
    folds: u64,
) -> Vec<(f64, bool)> {
    let mut out = vec![(0.0, false); examples.len()];
    let mut k = 0;
    for f in 0..folds {
        for (i, e) in examples.iter().enumerate() {
            if e.group % folds == f {
                out[i] = cv[k];
                k += 1;
            }
        }
    }
    out
}

/// A minimal RFC 4180 reader: quoted fields, doubled quotes, newlines inside quotes.
fn csv_records(raw: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (',', false) => record.push(std::mem::take(&mut field)),
            ('\n', false) => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            ('\r', false) => {}
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

fn value_string(parser: &mut lexopt::Parser) -> Result<String, String> {
    parser
        .value()
        .map_err(|e| e.to_string())?
        .into_string()
        .map_err(|_| "option value is not UTF-8".to_string())
}

fn brief_json(brief: &Brief) -> Result<String, String> {
    serde_json::to_string_pretty(brief).map_err(|e| format!("cannot write JSON: {e}"))
}

fn write_stdout(bytes: &[u8]) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|_| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(format!("cannot write output: {e}")),
    }
}

/// One input line of `--jsonl`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonlInput {
    id: Option<serde_json::Value>,
    html: Option<String>,
    text: Option<String>,
    url: Option<String>,
    title: Option<String>,
    site_name: Option<String>,
    published: Option<String>,
    byline: Option<Vec<String>>,
    now: Option<String>,
}

#[derive(serde::Serialize)]
struct JsonlBrief<'a> {
    input_id: &'a serde_json::Value,
    #[serde(flatten)]
    brief: &'a Brief,
}

#[derive(serde::Serialize)]
struct JsonlArticle<'a> {
    input_id: &'a serde_json::Value,
    #[serde(flatten)]
    article: &'a ExtractedArticle,
}

#[derive(serde::Serialize)]
struct JsonlError<'a> {
    input_id: &'a serde_json::Value,
    error: String,
}

/// `--jsonl`: a brief per input line, or with `extract_only` the article alone (HTML lines only).
fn jsonl(defaults: &Options, extract_only: bool, models: Models) -> Result<ExitCode, String> {
    let stdin = std::io::stdin();
    let mut line_no = 0usize;
    for line in stdin.lock().lines() {
        let line = line.map_err(|e| format!("cannot read stdin: {e}"))?;
        line_no += 1;
        if line.trim().is_empty() {
            continue;
        }
        let out = match serde_json::from_str::<JsonlInput>(&line) {
            Err(e) => {
                // The id may still be readable even when the rest is not.
                let id = serde_json::from_str::<serde_json::Value>(&line)
                    .ok()
                    .and_then(|v| v.get("id").cloned())
                    .unwrap_or(serde_json::Value::Null);
                error_line(&id, format!("line {line_no}: invalid input: {e}"))
            }
            Ok(input) => {
                let id = input.id.clone().unwrap_or(serde_json::Value::Null);
                let options = Options {
                    url: input.url,
                    title: input.title,
                    site_name: input.site_name,
                    published: input.published,
                    byline: input.byline,
                    now: input.now.or_else(|| defaults.now.clone()),
                };
                if extract_only {
                    let out = match (&input.html, &input.text) {
                        (Some(html), None) => match std::panic::catch_unwind(|| {
                            extract_article(html, &options)
                        }) {
                            Ok(Ok(article)) => serde_json::to_string(&JsonlArticle {
                                input_id: &id,
                                article: &article,
                            })
                            .unwrap_or_else(|e| error_line(&id, format!("cannot write JSON: {e}"))),
                            Ok(Err(e)) => error_line(&id, e.to_string()),
                            Err(_) => error_line(
                                &id,
                                "internal error while extracting this page".to_string(),
                            ),
                        },
                        _ => error_line(&id, "newsar extract needs \"html\" only".to_string()),
                    };
                    write_stdout(format!("{out}\n").as_bytes())?;
                    continue;
                }
                let result = std::panic::catch_unwind(|| match (&input.html, &input.text) {
                    (Some(html), None) => {
                        analyze_html_with(html, &options, models).map_err(|e| e.to_string())
                    }
                    (None, Some(text)) => {
                        analyze_text_with(text, &options, models).map_err(|e| e.to_string())
                    }
                    (Some(_), Some(_)) => {
                        Err("give either \"html\" or \"text\", not both".to_string())
                    }
                    (None, None) => Err("missing \"html\" or \"text\"".to_string()),
                });
                match result {
                    Ok(Ok(brief)) => serde_json::to_string(&JsonlBrief {
                        input_id: &id,
                        brief: &brief,
                    })
                    .unwrap_or_else(|e| error_line(&id, format!("cannot write JSON: {e}"))),
                    Ok(Err(e)) => error_line(&id, e),
                    Err(_) => {
                        error_line(&id, "internal error while analyzing this input".to_string())
                    }
                }
            }
        };
        write_stdout(format!("{out}\n").as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Reads one of the optional transformer models.
fn load_model<T>(
    path: &str,
    read: impl Fn(&[u8]) -> Result<T, newsar::encoder::ModelError>,
) -> Result<T, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    read(&bytes).map_err(|e| format!("{path}: {e}"))
}

fn error_line(id: &serde_json::Value, error: String) -> String {
    serde_json::to_string(&JsonlError {
        input_id: id,
        error,
    })
    .unwrap_or_else(|_| "{\"error\":\"unwritable\"}".into())
}

/// Today's date (UTC) as YYYY-MM-DD, from the system clock (civil-from-days, Hinnant).
fn today_utc() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `newsar corpus …`: file I/O around `newsar::corpus` (all clustering, perspectives and layout
/// are in the library). The store is `DIR/corpus.jsonl` (format: `newsar::corpus::store`).
mod corpus_cli {
    use super::{looks_like_html, today_utc, write_stdout, Options};
    use newsar::corpus::{AddOutcome, Corpus, GraphOptions, Story};
    use newsar::outlets::Ratings;
    use newsar::Brief;
    use newsar::{analyze_html, analyze_text};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    const CORPUS_USAGE: &str = "\
newsar corpus — a local corpus of briefs: stories across outlets, perspectives, topic graph

Usage:
  newsar corpus add FILE... --dir DIR [--url URL] [--now YYYY-MM-DD]
                                    analyze HTML or text files and add their briefs
  newsar corpus add --briefs FILE.jsonl --dir DIR
                                    add briefs written by `newsar analyze --jsonl`
        [--threshold X] [--window-days N] [--max-briefs N]   change the corpus settings
  newsar corpus list --dir DIR [--format text|json]
  newsar corpus stories --dir DIR [--format text|json] [--min-size N] [--story S1]
  newsar corpus graph --dir DIR [--format text|json] [--max-nodes N] [--min-articles N]
        [--type person,organization,location,event] [--article KEY]
  newsar corpus export --dir DIR    the store, byte for byte, on stdout
  newsar corpus import FILE --dir DIR
                                    replace the store with FILE (damaged lines are reported)

The store is DIR/corpus.jsonl: one brief per line, each line with a CRC-32 checksum. A damaged
line is reported and skipped; before a damaged store is rewritten, it is copied to
DIR/corpus.jsonl.damaged-N. Lean ratings you imported with `newsar outlets import FILE --dir DIR`
(DIR/outlet-ratings.json) override the built-in outlet table for every brief added.";

    const OUTLETS_USAGE: &str = "\
newsar outlets — the outlet table (name, country, language, lean) and your own lean ratings

Usage:
  newsar outlets lookup DOMAIN|URL... [--dir DIR | --leans FILE] [--format text|json]
                                    what the table (and your ratings) say of an outlet
  newsar outlets check FILE         read a ratings file (CSV or JSON) and report every bad line
  newsar outlets import FILE --dir DIR
                                    store your ratings next to the corpus (DIR/outlet-ratings.json,
                                    replacing earlier ones) and re-rate the briefs already stored
  newsar outlets list --dir DIR [--format text|json]
  newsar outlets clear --dir DIR    remove your ratings; stored briefs go back to the built-in table

Ratings file, CSV (header optional; columns domain,label,score,name,source):
  domain,label,score,source
  example-news.com,Center-Left,-0.35,AllSides 2024
  another.example,Right,,my own judgement
  state-tv.example,unrated,,
JSON: [{\"domain\": \"example-news.com\", \"label\": \"Center-Left\", \"score\": -0.35, \"source\": \"AllSides 2024\"}]
Labels: Left, Center-Left, Center, Center-Right, Right (Lean Left, Lean Right, Centre accepted) or
unrated; score in [-1, 1] (-1 left … +1 right). With both, they must agree; a label alone gets the
middle of its band. Your rating of a domain also rates its subdomains and wins over the built-in
table (Robertson et al. 2018). Built-in leans: Robertson, R. E., et al. (2018), Auditing Partisan
Audience Bias within Google Search, PACM HCI 2 CSCW, DOI 10.1145/3274417.";

    const RATINGS_FILE: &str = "outlet-ratings.json";

    /// DIR/outlet-ratings.json, or no ratings when there is none.
    fn load_ratings(dir: &Path) -> Result<Ratings, String> {
        let path = dir.join(RATINGS_FILE);
        match std::fs::read_to_string(&path) {
            Ok(text) => Ratings::parse(&text).map_err(|e| {
                format!(
                    "{}: {}",
                    path.display(),
                    e.to_string()
                        .replace('\n', &format!("\n{}: ", path.display()))
                )
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Ratings::new()),
            Err(e) => Err(format!("cannot read {}: {e}", path.display())),
        }
    }

    fn read_ratings_file(file: &str) -> Result<Ratings, String> {
        let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            format!(
                "{file}: not UTF-8 text (byte {})",
                e.utf8_error().valid_up_to()
            )
        })?;
        Ratings::parse(&text).map_err(|e| {
            let lines: Vec<String> = e
                .to_string()
                .lines()
                .map(|l| format!("{file}: {l}"))
                .collect();
            format!(
                "{}\nnewsar: {file}: nothing imported",
                lines.join("\nnewsar: ")
            )
        })
    }

    /// `newsar outlets …`.
    pub fn outlets() -> Result<ExitCode, String> {
        use lexopt::prelude::*;
        let mut parser = lexopt::Parser::from_args(std::env::args_os().skip(2));
        let (mut command, mut args) = (String::new(), Vec::<String>::new());
        let (mut dir, mut leans, mut json) = (None::<PathBuf>, None::<String>, false);
        while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
            match arg {
                Short('h') | Long("help") => {
                    println!("{OUTLETS_USAGE}");
                    return Ok(ExitCode::SUCCESS);
                }
                Long("dir") => dir = Some(PathBuf::from(super::value_string(&mut parser)?)),
                Long("leans") => leans = Some(super::value_string(&mut parser)?),
                Long("format") | Short('f') => {
                    json = match super::value_string(&mut parser)?.as_str() {
                        "json" => true,
                        "text" => false,
                        other => {
                            return Err(format!(
                                "unknown --format {other:?} (expected json or text)"
                            ))
                        }
                    }
                }
                Value(v) => {
                    let v = v
                        .into_string()
                        .map_err(|_| "argument is not UTF-8".to_string())?;
                    if command.is_empty() {
                        command = v;
                    } else {
                        args.push(v);
                    }
                }
                _ => return Err(format!("{}; see `newsar outlets --help`", arg.unexpected())),
            }
        }
        let need_dir = |what: &str| {
            dir.clone()
                .ok_or_else(|| format!("outlets {what} needs --dir DIR"))
        };
        match command.as_str() {
            "" => {
                println!("{OUTLETS_USAGE}");
                Ok(ExitCode::SUCCESS)
            }
            "lookup" => {
                if args.is_empty() {
                    return Err("outlets lookup needs a DOMAIN or URL".into());
                }
                let ratings = match (&leans, &dir) {
                    (Some(_), Some(_)) => {
                        return Err("give --leans FILE or --dir DIR, not both".into())
                    }
                    (Some(f), None) => read_ratings_file(f)?,
                    (None, Some(d)) => load_ratings(d)?,
                    (None, None) => Ratings::new(),
                };
                let mut found = Vec::new();
                for a in &args {
                    found.push(newsar::outlets::outlet_of(a, Some(&ratings))?);
                }
                if json {
                    return json_out(&found);
                }
                let mut out = String::new();
                for o in &found {
                    let lean = o.lean.as_ref().map_or("unrated".to_string(), |l| {
                        format!("{} ({:+.3}; {})", l.label, l.score, l.provenance)
                    });
                    out.push_str(&format!(
                        "{}  {}  {} / {}  lean: {lean}\n",
                        o.domain,
                        o.name.as_deref().unwrap_or("(no name in the table)"),
                        o.country.as_deref().unwrap_or("-"),
                        o.language.as_deref().unwrap_or("-"),
                    ));
                }
                write_stdout(out.as_bytes())?;
                Ok(ExitCode::SUCCESS)
            }
            "check" => {
                let [file] = args.as_slice() else {
                    return Err("outlets check takes exactly one FILE".into());
                };
                let r = read_ratings_file(file)?;
                eprintln!("{file}: {} rating(s), no errors", r.len());
                Ok(ExitCode::SUCCESS)
            }
            "import" => {
                let [file] = args.as_slice() else {
                    return Err("outlets import takes exactly one FILE".into());
                };
                let dir = need_dir("import")?;
                let ratings = read_ratings_file(file)?;
                save_ratings(&dir, Some(&ratings))?;
                let rerated = rerate_store(&dir, &ratings)?;
                eprintln!(
                    "{}: {} rating(s) imported from {file}{rerated}",
                    dir.join(RATINGS_FILE).display(),
                    ratings.len()
                );
                Ok(ExitCode::SUCCESS)
            }
            "list" => {
                let ratings = load_ratings(&need_dir("list")?)?;
                if json {
                    write_stdout(ratings.to_json().as_bytes())?;
                    return Ok(ExitCode::SUCCESS);
                }
                let mut out = String::new();
                for r in ratings.iter() {
                    out.push_str(&format!(
                        "{:<30} {:<12} {:>6}  {}\n",
                        r.domain,
                        r.label,
                        r.score.map_or("-".to_string(), |s| format!("{s:+.3}")),
                        r.source.as_deref().unwrap_or("")
                    ));
                }
                out.push_str(&format!("{} rating(s) of your own\n", ratings.len()));
                write_stdout(out.as_bytes())?;
                Ok(ExitCode::SUCCESS)
            }
            "clear" => {
                let dir = need_dir("clear")?;
                save_ratings(&dir, None)?;
                let rerated = rerate_store(&dir, &Ratings::new())?;
                eprintln!("{}: your ratings removed{rerated}", dir.display());
                Ok(ExitCode::SUCCESS)
            }
            other => Err(format!(
                "unknown outlets command {other:?}; try `newsar outlets --help`"
            )),
        }
    }

    fn save_ratings(dir: &Path, ratings: Option<&Ratings>) -> Result<(), String> {
        let path = dir.join(RATINGS_FILE);
        let Some(r) = ratings else {
            return match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    Err(format!("cannot remove {}: {e}", path.display()))
                }
                _ => Ok(()),
            };
        };
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let tmp = dir.join(format!("{RATINGS_FILE}.tmp"));
        std::fs::write(&tmp, r.to_json())
            .map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &path).map_err(|e| format!("cannot write {}: {e}", path.display()))
    }

    /// Re-rates the stored briefs of DIR's corpus, if there is one; says what changed.
    fn rerate_store(dir: &Path, ratings: &Ratings) -> Result<String, String> {
        if !dir.join("corpus.jsonl").exists() {
            return Ok(String::new());
        }
        let mut store = Store::open(dir, false)?;
        let n = store.corpus.rerate(ratings);
        if n > 0 {
            store.save()?;
        }
        Ok(format!("; {n} stored brief(s) re-rated"))
    }

    #[derive(Clone, Copy, PartialEq)]
    enum Format {
        Json,
        Text,
    }

    struct Args {
        command: String,
        dir: Option<PathBuf>,
        files: Vec<String>,
        briefs: Option<String>,
        format: Format,
        url: Option<String>,
        now: Option<String>,
        threshold: Option<f64>,
        window_days: Option<u32>,
        max_briefs: Option<usize>,
        min_size: usize,
        story: Option<String>,
        graph: GraphOptions,
        article: Option<String>,
    }

    fn number<T: std::str::FromStr>(v: String, flag: &str) -> Result<T, String> {
        v.parse()
            .map_err(|_| format!("{flag} takes a number, got {v:?}"))
    }

    fn parse() -> Result<Option<Args>, String> {
        use lexopt::prelude::*;
        let mut parser = lexopt::Parser::from_args(std::env::args_os().skip(2));
        let mut a = Args {
            command: String::new(),
            dir: None,
            files: Vec::new(),
            briefs: None,
            format: Format::Text,
            url: None,
            now: None,
            threshold: None,
            window_days: None,
            max_briefs: None,
            min_size: 1,
            story: None,
            graph: GraphOptions::default(),
            article: None,
        };
        let value = |p: &mut lexopt::Parser| super::value_string(p);
        while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
            match arg {
                Short('h') | Long("help") => {
                    println!("{CORPUS_USAGE}");
                    return Ok(None);
                }
                Long("dir") => a.dir = Some(PathBuf::from(value(&mut parser)?)),
                Long("briefs") => a.briefs = Some(value(&mut parser)?),
                Long("format") | Short('f') => {
                    a.format = match value(&mut parser)?.as_str() {
                        "json" => Format::Json,
                        "text" => Format::Text,
                        other => {
                            return Err(format!(
                                "unknown --format {other:?} (expected json or text)"
                            ))
                        }
                    }
                }
                Long("url") => a.url = Some(value(&mut parser)?),
                Long("now") => a.now = Some(value(&mut parser)?),
                Long("threshold") => {
                    let t: f64 = number(value(&mut parser)?, "--threshold")?;
                    if !(0.0..=1.0).contains(&t) {
                        return Err(format!("--threshold must be between 0 and 1, got {t}"));
                    }
                    a.threshold = Some(t);
                }
                Long("window-days") => {
                    a.window_days = Some(number(value(&mut parser)?, "--window-days")?)
                }
                Long("max-briefs") => {
                    let n: usize = number(value(&mut parser)?, "--max-briefs")?;
                    if n == 0 {
                        return Err("--max-briefs must be at least 1".into());
                    }
                    a.max_briefs = Some(n);
                }
                Long("min-size") => a.min_size = number(value(&mut parser)?, "--min-size")?,
                Long("story") => a.story = Some(value(&mut parser)?),
                Long("max-nodes") => {
                    a.graph.max_nodes = number(value(&mut parser)?, "--max-nodes")?
                }
                Long("min-articles") => {
                    a.graph.min_articles = number(value(&mut parser)?, "--min-articles")?
                }
                Long("type") => {
                    for t in value(&mut parser)?.split(',').map(str::trim) {
                        if !newsar::corpus::graph::NODE_TYPES.contains(&t) {
                            return Err(format!(
                                "unknown --type {t:?} (expected person, organization, location or event)"
                            ));
                        }
                        a.graph.types.push(t.to_string());
                    }
                }
                Long("article") => a.article = Some(value(&mut parser)?),
                Value(v) => {
                    let v = v
                        .into_string()
                        .map_err(|_| "argument is not UTF-8".to_string())?;
                    if a.command.is_empty() {
                        a.command = v;
                    } else {
                        a.files.push(v);
                    }
                }
                _ => return Err(format!("{}; see `newsar corpus --help`", arg.unexpected())),
            }
        }
        Ok(Some(a))
    }

    pub fn run() -> Result<ExitCode, String> {
        let Some(a) = parse()? else {
            return Ok(ExitCode::SUCCESS);
        };
        if a.command.is_empty() {
            println!("{CORPUS_USAGE}");
            return Ok(ExitCode::SUCCESS);
        }
        let known = ["add", "list", "stories", "graph", "export", "import"];
        if !known.contains(&a.command.as_str()) {
            return Err(format!(
                "unknown corpus command {:?}; try `newsar corpus --help`",
                a.command
            ));
        }
        let dir = a
            .dir
            .clone()
            .ok_or_else(|| format!("corpus {} needs --dir DIR", a.command))?;
        if a.command != "add" && a.command != "import" && !a.files.is_empty() {
            return Err(format!(
                "corpus {} takes no FILE (got {:?})",
                a.command, a.files[0]
            ));
        }
        match a.command.as_str() {
            "add" => add(&a, &dir),
            "import" => import(&a, &dir),
            _ => {
                let store = Store::open(&dir, false)?;
                match a.command.as_str() {
                    "list" => list(&a, &store.corpus),
                    "stories" => stories(&a, &store.corpus),
                    "graph" => graph(&a, &store.corpus),
                    _ => {
                        // export: the stored bytes as they are on disk when intact.
                        if store.damaged {
                            write_stdout(&store.corpus.export())?;
                        } else {
                            write_stdout(&store.bytes)?;
                        }
                        Ok(ExitCode::SUCCESS)
                    }
                }
            }
        }
    }

    struct Store {
        path: PathBuf,
        corpus: Corpus,
        bytes: Vec<u8>,
        damaged: bool,
    }

    impl Store {
        /// Reads DIR/corpus.jsonl; damaged lines are reported on stderr, one line each.
        fn open(dir: &Path, create: bool) -> Result<Store, String> {
            let path = dir.join("corpus.jsonl");
            let shown = path.display().to_string();
            let bytes = match std::fs::read(&path) {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && create => Vec::new(),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Err(format!(
                    "no corpus at {shown}; add briefs first with `newsar corpus add FILE --dir {}`",
                    dir.display()
                ))
                }
                Err(e) => return Err(format!("cannot read {shown}: {e}")),
            };
            let loaded = Corpus::import(&bytes).map_err(|e| format!("{shown}: {e}"))?;
            for p in &loaded.problems {
                eprintln!("newsar: {shown}: {p}");
            }
            let damaged = !loaded.problems.is_empty() || !loaded.evicted.is_empty();
            if !loaded.problems.is_empty() {
                eprintln!(
                    "newsar: {shown}: {} damaged line(s) skipped, {} brief(s) recovered",
                    loaded.problems.len(),
                    loaded.corpus.len()
                );
            }
            Ok(Store {
                path,
                corpus: loaded.corpus,
                bytes,
                damaged,
            })
        }

        /// Writes the corpus (via a temporary file); a damaged original is kept aside first.
        fn save(&self) -> Result<(), String> {
            if let Some(dir) = self.path.parent() {
                std::fs::create_dir_all(dir)
                    .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
            if self.damaged && !self.bytes.is_empty() {
                let copy = (1..)
                    .map(|n| PathBuf::from(format!("{}.damaged-{n}", self.path.display())))
                    .find(|p| !p.exists())
                    .unwrap_or_default();
                std::fs::write(&copy, &self.bytes)
                    .map_err(|e| format!("cannot keep a copy at {}: {e}", copy.display()))?;
                eprintln!("newsar: the damaged store was copied to {}", copy.display());
            }
            let tmp = PathBuf::from(format!("{}.tmp", self.path.display()));
            std::fs::write(&tmp, self.corpus.export())
                .map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
            std::fs::rename(&tmp, &self.path)
                .map_err(|e| format!("cannot write {}: {e}", self.path.display()))
        }
    }

    fn add(a: &Args, dir: &Path) -> Result<ExitCode, String> {
        if a.files.is_empty() && a.briefs.is_none() {
            return Err("corpus add needs FILE... or --briefs FILE.jsonl".into());
        }
        if a.url.is_some() && a.files.len() != 1 {
            return Err("--url names one article: give exactly one FILE with it".into());
        }
        let mut store = Store::open(dir, true)?;
        let ratings = load_ratings(dir)?;
        let mut config = store.corpus.config().clone();
        let before = config.clone();
        if let Some(t) = a.threshold {
            config.threshold = t;
        }
        if let Some(w) = a.window_days {
            config.window_days = w;
        }
        if let Some(m) = a.max_briefs {
            config.max_briefs = m;
        }
        let mut evicted = 0;
        if config != before {
            evicted += store.corpus.set_config(config).len();
        }
        let options = Options {
            url: a.url.clone(),
            now: Some(a.now.clone().unwrap_or_else(today_utc)),
            ..Options::default()
        };
        let mut failed = 0usize;
        let (mut added, mut duplicates) = (0usize, 0usize);
        let mut report = |outcome: AddOutcome, what: &str| -> Result<(), String> {
            let line = match a.format {
                Format::Json => serde_json::to_string(&outcome)
                    .map_err(|e| format!("cannot write JSON: {e}"))?,
                Format::Text => match &outcome {
                    AddOutcome::Added(x) if x.new_story => {
                        format!("{:<6} new story      {}  {what}", x.story, x.key)
                    }
                    AddOutcome::Added(x) => {
                        format!("{:<6} joined ({:.3})  {}  {what}", x.story, x.score, x.key)
                    }
                    AddOutcome::Duplicate { key } => {
                        format!("{:<6} duplicate      {key}  {what}", "-")
                    }
                },
            };
            match outcome {
                AddOutcome::Added(x) => {
                    added += 1;
                    evicted += x.evicted.len();
                }
                AddOutcome::Duplicate { .. } => duplicates += 1,
            }
            write_stdout(format!("{line}\n").as_bytes())
        };
        for file in &a.files {
            let bytes = match std::fs::read(file) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("newsar: cannot read {file}: {e}");
                    failed += 1;
                    continue;
                }
            };
            let input = String::from_utf8_lossy(&bytes);
            let result = if looks_like_html(&input) {
                analyze_html(&input, &options)
            } else {
                analyze_text(&input, &options)
            };
            match result {
                Ok(mut brief) => {
                    ratings.apply(&mut brief);
                    let outcome = store.corpus.add_brief(&brief, Some(file));
                    report(outcome, file)?;
                }
                Err(e) => {
                    eprintln!("newsar: {file}: {e}");
                    failed += 1;
                }
            }
        }
        if let Some(path) = &a.briefs {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            for (i, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let value: serde_json::Value = match serde_json::from_str(line) {
                    Ok(v) => v,
                    Err(e) => {
                        eprintln!("newsar: {path}: line {}: not JSON: {e}", i + 1);
                        failed += 1;
                        continue;
                    }
                };
                let reference = match value.get("input_id") {
                    Some(serde_json::Value::String(s)) => Some(s.clone()),
                    Some(serde_json::Value::Null) | None => None,
                    Some(other) => Some(other.to_string()),
                };
                if let Some(err) = value.get("error") {
                    eprintln!(
                        "newsar: {path}: line {}: skipped, the analysis failed: {}",
                        i + 1,
                        err.as_str().unwrap_or("unknown error")
                    );
                    failed += 1;
                    continue;
                }
                match serde_json::from_value::<Brief>(value) {
                    Ok(mut brief) => {
                        ratings.apply(&mut brief);
                        let what = reference
                            .clone()
                            .unwrap_or_else(|| format!("{path}:{}", i + 1));
                        let outcome = store.corpus.add_brief(&brief, reference.as_deref());
                        report(outcome, &what)?;
                    }
                    Err(e) => {
                        eprintln!("newsar: {path}: line {}: not a brief: {e}", i + 1);
                        failed += 1;
                    }
                }
            }
        }
        store.save()?;
        let stories = store.corpus.stories().len();
        eprintln!(
            "corpus {}: {} briefs in {stories} stories ({added} added, {duplicates} duplicate, {evicted} evicted, {failed} failed)",
            dir.display(),
            store.corpus.len()
        );
        Ok(if failed > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }

    fn import(a: &Args, dir: &Path) -> Result<ExitCode, String> {
        let [file] = a.files.as_slice() else {
            return Err("corpus import takes exactly one FILE".into());
        };
        let bytes = std::fs::read(file).map_err(|e| format!("cannot read {file}: {e}"))?;
        let loaded = Corpus::import(&bytes).map_err(|e| format!("{file}: {e}"))?;
        for p in &loaded.problems {
            eprintln!("newsar: {file}: {p}");
        }
        let exact = loaded.problems.is_empty() && loaded.evicted.is_empty();
        let path = dir.join("corpus.jsonl");
        std::fs::create_dir_all(dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let tmp = dir.join("corpus.jsonl.tmp");
        // An intact file is stored byte for byte; a damaged one as what could be read.
        let out = if exact { bytes } else { loaded.corpus.export() };
        std::fs::write(&tmp, &out).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &path)
            .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        eprintln!(
            "corpus {}: imported {} briefs{}",
            dir.display(),
            loaded.corpus.len(),
            if exact {
                String::new()
            } else {
                format!(" ({} damaged line(s) skipped)", loaded.problems.len())
            }
        );
        Ok(if exact {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        })
    }

    fn json_out<T: serde::Serialize>(value: &T) -> Result<ExitCode, String> {
        let s =
            serde_json::to_string_pretty(value).map_err(|e| format!("cannot write JSON: {e}"))?;
        write_stdout(format!("{s}\n").as_bytes())?;
        Ok(ExitCode::SUCCESS)
    }

    fn list(a: &Args, corpus: &Corpus) -> Result<ExitCode, String> {
        if a.format == Format::Json {
            #[derive(serde::Serialize)]
            struct Row<'a> {
                key: &'a str,
                story: String,
                published: Option<&'a str>,
                outlet: String,
                lean: &'a str,
                title: Option<&'a str>,
                #[serde(rename = "ref")]
                reference: Option<&'a str>,
            }
            let rows: Vec<Row> = corpus
                .briefs()
                .map(|b| Row {
                    key: &b.key,
                    story: format!("S{}", b.story),
                    published: b.published.as_deref(),
                    outlet: b.outlet_name(),
                    lean: b
                        .source
                        .lean
                        .as_ref()
                        .map_or("unrated", |l| l.label.as_str()),
                    title: b.title.as_deref(),
                    reference: b.reference.as_deref(),
                })
                .collect();
            return json_out(&rows);
        }
        let mut out = String::new();
        for b in corpus.briefs() {
            out.push_str(&format!(
                "{}  S{:<5} {:<10}  {:<24}  {}\n",
                b.key,
                b.story,
                b.published.as_deref().unwrap_or("-"),
                b.outlet_name(),
                b.title
                    .as_deref()
                    .or(b.reference.as_deref())
                    .unwrap_or("(untitled)")
            ));
        }
        let c = corpus.config();
        out.push_str(&format!(
            "{} briefs (max {}); threshold {}, window {} days\n",
            corpus.len(),
            c.max_briefs,
            c.threshold,
            c.window_days
        ));
        write_stdout(out.as_bytes())?;
        Ok(ExitCode::SUCCESS)
    }

    fn stories(a: &Args, corpus: &Corpus) -> Result<ExitCode, String> {
        let list: Vec<Story> = match &a.story {
            Some(id) => vec![corpus
                .story(id)
                .ok_or_else(|| format!("no story {id:?} in the corpus"))?],
            None => corpus
                .stories()
                .into_iter()
                .filter(|s| s.size >= a.min_size)
                .collect(),
        };
        if a.format == Format::Json {
            return json_out(&list);
        }
        let mut out = String::new();
        for s in &list {
            let p = &s.perspectives;
            out.push_str(&format!(
                "{}  {} article(s), {} outlet(s)  {} … {}  {}\n",
                s.id,
                s.size,
                p.outlets.len(),
                s.first_published.as_deref().unwrap_or("?"),
                s.last_published.as_deref().unwrap_or("?"),
                s.title.as_deref().unwrap_or("(untitled)")
            ));
            let outlets: Vec<String> = p
                .outlets
                .iter()
                .map(|o| {
                    format!(
                        "{} ({}, {}; tone {}, factuality {:.2})",
                        o.outlet, o.lean, o.articles, o.tone, o.factuality_score
                    )
                })
                .collect();
            out.push_str(&format!("    outlets: {}\n", outlets.join("; ")));
            let spread = p
                .lean_spread
                .as_ref()
                .map_or("no rated outlet".to_string(), |l| {
                    format!("{:+.2} … {:+.2}", l.min, l.max)
                });
            out.push_str(&format!(
                "    lean spread: {spread}; blindspot: {}\n",
                p.blindspot.as_deref().unwrap_or("none")
            ));
            let ents: Vec<String> = s
                .entities
                .iter()
                .take(6)
                .map(|e| format!("{} ({})", e.name, e.articles))
                .collect();
            out.push_str(&format!("    entities: {}\n", ents.join(", ")));
            for c in p.claims_all.iter().take(3) {
                out.push_str(&format!("    all outlets: {}\n", c.text));
            }
            for c in p.claims_some.iter().take(3) {
                out.push_str(&format!("    only {}: {}\n", c.outlets.join(", "), c.text));
            }
            if p.sides.len() > 1 {
                for side in &p.sides {
                    let only = if side.only_this_side.is_empty() {
                        String::new()
                    } else {
                        format!(" (only this side: {})", side.only_this_side.join(", "))
                    };
                    out.push_str(&format!(
                        "    {} side mentions: {}{only}\n",
                        side.side,
                        side.entities
                            .iter()
                            .take(6)
                            .cloned()
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
        }
        out.push_str(&format!(
            "{} stories shown, {} briefs in the corpus\n",
            list.len(),
            corpus.len()
        ));
        write_stdout(out.as_bytes())?;
        Ok(ExitCode::SUCCESS)
    }

    fn graph(a: &Args, corpus: &Corpus) -> Result<ExitCode, String> {
        let g = match &a.article {
            Some(key) => corpus
                .neighbourhood(key, &a.graph)
                .ok_or_else(|| format!("no brief {key:?} in the corpus"))?,
            None => corpus.graph(&a.graph),
        };
        if a.format == Format::Json {
            return json_out(&g);
        }
        let mut out = String::new();
        for n in &g.nodes {
            out.push_str(&format!(
                "N{:<4} {:<13} {:>4} article(s)  ({:>6.1}, {:>6.1})  {}{}\n",
                n.id,
                n.entity_type,
                n.articles,
                n.x,
                n.y,
                n.name,
                if n.focus { "  *" } else { "" }
            ));
        }
        for e in &g.edges {
            out.push_str(&format!(
                "N{} — N{}  {}  ({} — {})\n",
                e.source, e.target, e.weight, g.nodes[e.source].name, g.nodes[e.target].name
            ));
        }
        out.push_str(&format!(
            "{} nodes (of {}), {} edges\n",
            g.nodes.len(),
            g.candidate_nodes,
            g.edges.len()
        ));
        write_stdout(out.as_bytes())?;
        Ok(ExitCode::SUCCESS)
    }
}
