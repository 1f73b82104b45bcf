//! The `newsar` command line as a user runs it: the bundled sample, files, stdin, text output,
//! the `--jsonl` contract, and one-line errors with a non-zero exit.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn newsar(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newsar"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run newsar");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write stdin");
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("newsar output")
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

#[test]
fn no_file_analyzes_the_bundled_sample() {
    let b = json(&newsar(&["analyze", "--now", "2026-11-25"], None));
    assert_eq!(b["source"]["name"], "Harbour Ledger");
    assert_eq!(b["language"]["code"], "en");
    assert!(b["id"]
        .as_str()
        .is_some_and(|id| id.starts_with("NSR-2026-0314-")));
    assert!(b["claims"].as_array().is_some_and(|c| c.len() >= 3));
}

#[test]
fn text_format_shows_every_section() {
    let out = newsar(
        &["analyze", "--format", "text", "--now", "2026-11-25"],
        None,
    );
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    for marker in [
        "SRC Harbour Ledger",
        "§01",
        "§02",
        "§03",
        "§04",
        "§05",
        "§06",
        "§07",
    ] {
        assert!(text.contains(marker), "missing {marker}");
    }
}

#[test]
fn html_and_text_files_are_detected() {
    let html = json(&newsar(
        &[
            "analyze",
            &fixture("transit-strike.html"),
            "--now",
            "2026-11-25",
        ],
        None,
    ));
    assert_eq!(
        html["article"]["title"],
        "Transit workers vote to strike over pay"
    );
    assert_eq!(html["article"]["byline"][0], "Priya Raman");
    let text = json(&newsar(
        &[
            "analyze",
            &fixture("council-budget.txt"),
            "--now",
            "2026-11-25",
        ],
        None,
    ));
    assert_eq!(
        text["article"]["title"],
        "City council approves budget after marathon session"
    );
    assert!(text["article"]["text"]
        .as_str()
        .is_some_and(|t| t.starts_with("The Riverton City Council")));
    assert!(text["provenance"]["extraction"]
        .as_str()
        .is_some_and(|p| p.contains("plain text")));
}

#[test]
fn stdin_and_url_option() {
    let out = newsar(
        &[
            "analyze",
            "-",
            "--url",
            "https://www.nytimes.com/2026/01/01/x.html",
            "--now",
            "2026-11-25",
        ],
        Some("The Senate passed the bill 52 to 48 on Friday, the majority leader said."),
    );
    let b = json(&out);
    assert_eq!(b["source"]["domain"], "nytimes.com");
    assert!(
        b["source"]["lean"]["label"].is_string(),
        "nytimes.com is in the outlet table"
    );
}

#[test]
fn errors_are_one_line_and_non_zero() {
    for (args, stdin, want) in [
        (
            vec!["analyze", "/no/such/file.html"],
            None,
            "cannot read /no/such/file.html",
        ),
        (vec!["analyze", "--format", "xml"], None, "unknown --format"),
        (vec!["analyze", "--bogus"], None, "invalid option"),
        (vec!["analyze", "-"], Some("   "), "input is empty"),
        (
            vec!["analyze", &fixture("homepage.html")],
            None,
            "doesn't look like an article",
        ),
        (
            vec!["analyze", "-", "--now", "soon"],
            Some("Text."),
            "invalid option now",
        ),
        (vec!["frobnicate"], None, "unknown command"),
    ] {
        let out = newsar(&args, stdin);
        assert!(!out.status.success(), "{args:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(want), "{args:?}: {err}");
        assert!(!err.contains("panicked") && !err.contains("backtrace"));
    }
}

#[test]
fn jsonl_keeps_order_ids_and_reports_errors_per_line() {
    let input = [
        r#"{"id": "a", "text": "The Acme Corp said sales rose 5% in May.", "title": "Acme", "now": "2026-01-02"}"#,
        r#"{"id": 2, "html": "<html><body><nav>only links</nav></body></html>"}"#,
        r#"{"id": "c", "text": ""}"#,
        "this is not json",
        r#"{"id": "e", "html": "<article><p>The Ministry of State Security (MSS) said the risks were rising, officials said.</p></article>", "url": "https://scmp.com/x"}"#,
        r#"{"id": "f"}"#,
        "",
        r#"{"id": "g", "text": "Text", "html": "<p>both</p>"}"#,
    ]
    .join("\n");
    let out = newsar(&["analyze", "--jsonl"], Some(&input));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 7, "one output line per non-empty input line");
    let ids: Vec<&serde_json::Value> = lines.iter().map(|l| &l["input_id"]).collect();
    assert_eq!(ids[0], "a");
    assert_eq!(ids[1], 2);
    assert_eq!(ids[2], "c");
    assert!(ids[3].is_null());
    assert_eq!(ids[4], "e");
    assert!(lines[0]["id"]
        .as_str()
        .is_some_and(|id| id.starts_with("NSR-2026-0102-")));
    assert_eq!(lines[0]["article"]["title"], "Acme");
    assert!(lines[1]["error"]
        .as_str()
        .is_some_and(|e| e.contains("article")));
    assert!(lines[2]["error"]
        .as_str()
        .is_some_and(|e| e.contains("empty")));
    assert!(lines[3]["error"]
        .as_str()
        .is_some_and(|e| e.contains("line 4")));
    assert_eq!(lines[4]["source"]["domain"], "scmp.com");
    assert!(lines[5]["error"]
        .as_str()
        .is_some_and(|e| e.contains("missing")));
    assert!(lines[6]["error"]
        .as_str()
        .is_some_and(|e| e.contains("not both")));
}

#[test]
fn help_and_version() {
    let out = newsar(&["--help"], None);
    assert!(out.status.success() && String::from_utf8_lossy(&out.stdout).contains("--jsonl"));
    let out = newsar(&["--version"], None);
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("newsar "));
}

#[test]
fn outlets_lookup_and_check_report_clearly() {
    let out = newsar(
        &[
            "outlets",
            "lookup",
            "nhk.or.jp",
            "elpais.com",
            "--format",
            "json",
        ],
        None,
    );
    let v = json(&out);
    assert_eq!(v[0]["name"], "NHK");
    assert_eq!(
        v[0]["lean"],
        serde_json::Value::Null,
        "unrated, not guessed"
    );
    assert_eq!(v[1]["country"], "ES");
    let out = newsar(&["outlets", "lookup", "not a domain"], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("is not a domain"));
    // A ratings file: every bad line on stderr with its number.
    let dir = std::env::temp_dir().join(format!("newsar-cli-outlets-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        "[\n  {\"domain\": \"a.example\", \"label\": \"Left\", \"score\": 0.5},\n  {\"domain\": \"b.example\", \"score\": 3}\n]\n",
    )
    .unwrap();
    let out = newsar(&["outlets", "check", bad.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("line 2: a.example: label \"Left\" does not match score 0.5"),
        "{err}"
    );
    assert!(err.contains("line 3: score 3 is outside [-1, 1]"), "{err}");
    let good = dir.join("good.csv");
    std::fs::write(&good, "a.example,Left\nb.example,,0.1\n").unwrap();
    let out = newsar(&["outlets", "check", good.to_str().unwrap()], None);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("2 rating(s), no errors"));
    let out = newsar(&["outlets", "import", good.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(2), "import needs --dir");
    let out = newsar(&["outlets", "frobnicate"], None);
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn extract_prints_the_article_without_analysis() {
    let page = r#"<html><head><title>Dam repairs begin after the spring floods | The Post</title>
        </head><body><article><p>Engineers began repairing the northern dam on Tuesday after the
        spring floods damaged its spillway, the water authority said.</p></article></body></html>"#;
    let a = json(&newsar(&["extract", "-"], Some(page)));
    assert_eq!(a["title"], "Dam repairs begin after the spring floods");
    assert!(a["text"].as_str().unwrap().starts_with("Engineers began"));
    assert!(a.get("entities").is_none(), "no analysis: {a}");
    let out = newsar(&["extract", "-"], Some("Just some plain text here."));
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("needs an HTML page"));
}

#[test]
fn extract_jsonl_gives_an_article_or_an_error_per_line() {
    let lines = concat!(
        r#"{"id":"a","html":"<article><p>Engineers began repairing the dam on Tuesday.</p></article>"}"#,
        "\n",
        r#"{"id":"b","text":"plain text is not a page"}"#,
        "\n",
        r#"{"id":"c","html":"   "}"#,
        "\n",
    );
    let out = newsar(&["extract", "--jsonl"], Some(lines));
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0]["input_id"], "a");
    assert_eq!(
        rows[0]["text"],
        "Engineers began repairing the dam on Tuesday."
    );
    assert!(rows[1]["error"].as_str().unwrap().contains("\"html\""));
    assert!(rows[2]["error"].as_str().unwrap().contains("empty"));
    let out = newsar(&["extract", "--jsonl", "page.html"], Some(""));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn speaker_model_option_revises_attributions_and_refuses_bad_files() {
    let model = format!(
        "{}/data/models/speaker_minilm.safetensors",
        env!("CARGO_MANIFEST_DIR")
    );
    let plain = json(&newsar(&["analyze", "--now", "2026-11-25"], None));
    let with = json(&newsar(
        &["analyze", "--now", "2026-11-25", "--speaker-model", &model],
        None,
    ));
    let method = with["provenance"]["claims"].as_str().expect("provenance");
    assert!(
        method.contains("revised by a transformer speaker tagger"),
        "{method}"
    );
    assert!(method.contains("logistic-regression"), "{method}");
    // The same sentences (check-worthiness may move: whether a sentence is attributed is one of
    // the compiled-in model's features), each attribution in its sentence or, for a quote that
    // runs on, before it.
    let sentences = |b: &serde_json::Value| b["sentences"].as_array().expect("sentences").clone();
    let (a, b) = (sentences(&plain), sentences(&with));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!((&x["start"], &x["end"]), (&y["start"], &y["end"]));
        if let Some(attribution) = y["attribution"].as_object() {
            let (s, e) = (attribution["start"].as_u64(), attribution["end"].as_u64());
            assert!(s < e && e <= y["end"].as_u64(), "{y}");
        }
    }
    assert!(b.iter().any(|s| s["attribution"].is_object()));
    assert_eq!(
        with["entities"].as_array().map(Vec::len),
        plain["entities"].as_array().map(Vec::len)
    );

    // A sentence the rules attribute and the tagger keeps, through --jsonl.
    let jsonl = newsar(
        &["analyze", "--jsonl", "--speaker-model", &model],
        Some("{\"id\": 1, \"text\": \"The ministry said the plan would cost $4.5bn, more than in 2019.\"}\n"),
    );
    let line: serde_json::Value = serde_json::from_slice(&jsonl.stdout).expect("a JSON line");
    assert_eq!(
        line["sentences"][0]["attribution"]["speaker"].as_str(),
        Some("The ministry"),
        "{line}"
    );

    let bad = newsar(
        &["analyze", "--speaker-model", &fixture("german.txt")],
        None,
    );
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("invalid speaker model file"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    // The claims model is not a speaker model.
    let claims = format!(
        "{}/data/models/claims_minilm.safetensors",
        env!("CARGO_MANIFEST_DIR")
    );
    let wrong = newsar(&["analyze", "--speaker-model", &claims], None);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("format"));
    let extract = newsar(&["extract", "--speaker-model", &model], None);
    assert_eq!(extract.status.code(), Some(2));
}

#[test]
fn claims_model_option_scores_with_the_transformer_and_refuses_bad_files() {
    let model = format!(
        "{}/data/models/claims_minilm.safetensors",
        env!("CARGO_MANIFEST_DIR")
    );
    let plain = json(&newsar(&["analyze", "--now", "2026-11-25"], None));
    let with = json(&newsar(
        &["analyze", "--now", "2026-11-25", "--claims-model", &model],
        None,
    ));
    let method = with["provenance"]["claims"].as_str().expect("provenance");
    assert!(method.contains("transformer check-worthiness"), "{method}");
    // Only check-worthiness changes: same sentences, same attributions, other scores.
    let sentences = |b: &serde_json::Value| b["sentences"].as_array().expect("sentences").clone();
    let (a, b) = (sentences(&plain), sentences(&with));
    assert_eq!(a.len(), b.len());
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(
            (&x["start"], &x["attribution"]),
            (&y["start"], &y["attribution"])
        );
    }
    assert!(a
        .iter()
        .zip(&b)
        .any(|(x, y)| x["checkworthiness"] != y["checkworthiness"]));
    assert_eq!(with["entities"], plain["entities"]);

    let jsonl = newsar(
        &["analyze", "--jsonl", "--claims-model", &model],
        Some("{\"id\": 1, \"text\": \"Unemployment fell to 3.9 percent in May, the lowest since 2000.\"}\n"),
    );
    let line: serde_json::Value = serde_json::from_slice(&jsonl.stdout).expect("a JSON line");
    assert!(
        line["sentences"][0]["checkworthiness"]
            .as_f64()
            .expect("score")
            > 0.5
    );

    let bad = newsar(&["analyze", "--claims-model", &fixture("german.txt")], None);
    assert_eq!(bad.status.code(), Some(2));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("invalid check-worthiness model file"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let missing = newsar(&["analyze", "--claims-model", "/nonexistent/model"], None);
    assert_eq!(missing.status.code(), Some(2));
    let extract = newsar(&["extract", "--claims-model", &model], None);
    assert_eq!(extract.status.code(), Some(2));
}
