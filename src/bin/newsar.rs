//! The `newsar` command line: argument parsing and I/O only; all analysis is in the library.

use newsar::{analyze_html, analyze_text, looks_like_html, report, Brief, Options};
use serde::Deserialize;
use std::io::{BufRead, Read, Write};
use std::process::ExitCode;

const SAMPLE_HTML: &str = include_str!("../../data/sample/sample-article.html");
const SAMPLE_URL: &str = "https://harbourledger.example/environment/2026/03/14/sea-defences";

const USAGE: &str = "\
newsar — multi-perspective news intelligence, on your machine

Usage:
  newsar analyze [FILE|-] [--format json|text] [--url URL] [--title T] [--now YYYY-MM-DD]
  newsar analyze --jsonl              one JSON object per line on stdin, one brief per line out
  newsar train-ner --train FILE --dev FILE --out FILE [--epochs N] [--seed N]
                                      train the name tagger on CoNLL-2003 files
  newsar train-claims --claimbuster FILE [--ct19 FILE] --out FILE
                                      train check-worthiness; prints 5-fold CV scores
  newsar --version | --help

FILE is HTML or plain text (detected); '-' reads stdin; no FILE analyzes the bundled sample.
--format json (default) prints the brief as JSON; text prints a readable brief.
--jsonl input lines: {\"id\":..., \"html\":..., \"url\":...} or {\"id\":..., \"text\":..., \"title\":...}";

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
    match command.as_deref() {
        Some("analyze") => {}
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
    if args.jsonl {
        if args.file.is_some() {
            return Err("--jsonl reads stdin; do not give a FILE".into());
        }
        return jsonl(&args.options);
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
    let result = if looks_like_html(&input) {
        analyze_html(&input, &options)
    } else {
        analyze_text(&input, &options)
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
    let mut parser = lexopt::Parser::from_args(std::env::args_os().skip(2));
    let (mut train, mut dev, mut out) = (None, None, None);
    let (mut epochs, mut seed) = (12usize, 20_260_608u64);
    while let Some(arg) = parser.next().map_err(|e| e.to_string())? {
        match arg {
            Long("train") => train = Some(value_string(&mut parser)?),
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
    let report = newsar::entities::train::train(&train_text, &dev_text, epochs, seed, |line| {
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
struct JsonlError<'a> {
    input_id: &'a serde_json::Value,
    error: String,
}

fn jsonl(defaults: &Options) -> Result<ExitCode, String> {
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
                let result = std::panic::catch_unwind(|| match (&input.html, &input.text) {
                    (Some(html), None) => analyze_html(html, &options).map_err(|e| e.to_string()),
                    (None, Some(text)) => analyze_text(text, &options).map_err(|e| e.to_string()),
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
